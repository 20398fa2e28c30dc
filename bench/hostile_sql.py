"""Hostile SQL against the published site: peak memory and time of `onrecord serve` against a plain
`datasette serve` of the same file with the same time limit, measured in the same run.

    .venv/bin/python bench/hostile_sql.py

Each server is a real subprocess on a free port. Its peak resident memory (VmHWM in
/proc/<pid>/status, Linux) is read before and after three anonymous queries that build huge
strings and blobs; the figures are printed with the ratio onrecord / baseline. Target: onrecord
refuses each query within its 2 s time limit (plus the time to notice: < 2.5 s), answers the next
request, and stays under 256 MiB peak.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

QUERIES = {
    "1.6 GB hex string": "select length(replace(hex(zeroblob(400000000)), '0', '00')) as n",
    "1.5 GB blob": "select length(randomblob(1500000000)) as n",
    "100k blobs of 9 MB": "with recursive r(i, b) as (select 0, randomblob(9000000) union all "
                          "select i + 1, randomblob(9000000) from r where i < 100000) select max(length(b)) from r",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM (not Linux?)")


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def measure(command: list[str], base: str) -> dict:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                if get(base + "/") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        figures = {"idle MiB": peak_kib(process.pid) / 1024}
        for name, sql in QUERIES.items():
            started = time.monotonic()
            status = get(f"{base}/onrecord.json?" + urllib.parse.urlencode({"sql": sql}))
            figures[f"{name}: s"] = time.monotonic() - started
            figures[f"{name}: status"] = status
        figures["peak MiB"] = peak_kib(process.pid) / 1024
        figures["next request"] = get(base + "/onrecord")
        return figures
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    from onrecord.db.connect import open_db

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "onrecord.db"
        open_db(path).close()
        bin_dir = Path(sys.executable).parent
        port = free_port()
        baseline = measure([str(bin_dir / "datasette"), "serve", str(path), "--port", str(port),
                            "--setting", "sql_time_limit_ms", "2000"], f"http://127.0.0.1:{port}")
        port = free_port()
        ours = measure([str(bin_dir / "onrecord"), "serve", "--db", str(path), "--port", str(port)],
                       f"http://127.0.0.1:{port}")
    print(f"{'figure':28} {'datasette':>10} {'onrecord':>10} {'ratio':>7}")
    for key in baseline:
        a, b = baseline[key], ours[key]
        ratio = f"{b / a:7.2f}" if isinstance(a, float) and a else ""
        print(f"{key:28} {a:10.2f} {b:10.2f} {ratio}" if isinstance(a, float) else f"{key:28} {a:>10} {b:>10}")


if __name__ == "__main__":
    main()
