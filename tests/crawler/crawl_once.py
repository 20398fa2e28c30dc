"""Run one crawl in this (fresh) process, as the scheduler does: a Scrapy reactor cannot restart,
so each test crawl is a subprocess. argv: watchlist db settings-json [platforms-json]."""
import json
import sys

from onrecord.crawler.run import run_crawl
from onrecord.watchlist import load_watchlist

watchlist_path, db_path, settings = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
platforms = set(json.loads(sys.argv[4])) if len(sys.argv) > 4 and sys.argv[4] != "null" else None
summary = run_crawl(load_watchlist(watchlist_path), db_path, platforms=platforms, settings=settings,
                    echo=lambda line: print("SOURCE " + line, flush=True))
summary.pop("runs", None)
print("SUMMARY " + json.dumps(summary), flush=True)
