"""Hold a database's writer lock from another process: `python tests/db/hold_lock.py DB [COMMAND]`
takes the lock, prints "held", and keeps it until its stdin closes."""
import sys

from onrecord.db.lock import writer_lock

with writer_lock(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "crawl", timeout=0):
    print("held", flush=True)
    sys.stdin.read()
