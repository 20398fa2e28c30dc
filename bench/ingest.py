"""Ingest speed: the project's save path against raw sqlite3.executemany, in the same run.

Both write the same 200,000 fictional statements into a fresh database with the full schema
(indexes and full-text triggers included), so the ratio measures our overhead alone.
Usage: python bench/ingest.py [--rows N] [--batch N]
"""
import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from onrecord.db.connect import open_db
from onrecord.db.save import STATEMENT_COLUMNS, save_statements, save_watchlist

WORDS = "the raids agents city policy launch model quarter team users growth rain lake engine".split()


def make_rows(count: int) -> list[dict]:
    rows = []
    for n in range(count):
        text = " ".join(WORDS[(n * k) % len(WORDS)] for k in range(1, 25))
        rows.append({
            "id": f"mastodon:bench.example:{n}",
            "leader_id": f"leader-{n % 50}",
            "account_id": f"mastodon:leader{n % 50}@bench.example",
            "platform": "mastodon",
            "kind": "post",
            "url": f"https://bench.example/@leader{n % 50}/{n}",
            "text": f"{text} #{n}",
            "published_at": f"2026-01-{1 + n % 28:02d}T{n % 24:02d}:00:00Z",
            "lang": "en",
        })
    return rows


def fresh_db(folder: Path, name: str):
    db = open_db(folder / name)
    save_watchlist(db, {
        "topic": {"id": "bench", "name": "Bench", "since": None},
        "leaders": [
            {"id": f"leader-{i}", "name": f"Leader {i} (fictional)", "aliases": [],
             "accounts": [{"id": f"mastodon:leader{i}@bench.example", "platform": "mastodon",
                           "handle": f"leader{i}@bench.example"}]}
            for i in range(50)
        ],
    })
    return db


def bench_project(folder, rows, batch):
    db = fresh_db(folder, "project.db")
    started = time.perf_counter()
    for start in range(0, len(rows), batch):
        save_statements(db, rows[start : start + batch], now="2026-01-29T00:00:00Z")
    elapsed = time.perf_counter() - started
    assert db["statements"].count == len(rows)
    return elapsed


def bench_raw(folder, rows):
    fresh_db(folder, "raw.db").close()
    conn = sqlite3.connect(folder / "raw.db")
    conn.execute("PRAGMA journal_mode = wal")
    columns = [c for c in STATEMENT_COLUMNS if c in rows[0]] + ["first_seen_at", "last_seen_at"]
    sql = f"INSERT INTO statements ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    values = [tuple(row.get(c, "2026-01-29T00:00:00Z") for c in columns) for row in rows]
    started = time.perf_counter()
    with conn:
        conn.executemany(sql, values)
    elapsed = time.perf_counter() - started
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == len(rows)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1000, help="statements per save call (a crawl saves a page or a batch at a time)")
    args = parser.parse_args()
    rows = make_rows(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        raw = bench_raw(folder, rows)
        project = bench_project(folder, rows, args.batch)
    print(f"rows: {args.rows:,}  batch: {args.batch}")
    print(f"raw executemany (one transaction): {args.rows / raw:,.0f} statements/s ({raw:.2f} s)")
    print(f"project save path (db.save):      {args.rows / project:,.0f} statements/s ({project:.2f} s)")
    print(f"ratio project/raw: {raw / project:.2f}  (target >= 0.5)")


if __name__ == "__main__":
    main()
