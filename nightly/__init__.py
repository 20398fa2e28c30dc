"""The pieces of the nightly cycle that schedule.py (its entry) strings together:

    timing.py     when: --at and --timezone, the cron trigger, the APScheduler job and its store
    children.py   how: each step as a child process, stopped cleanly on SIGTERM / Ctrl-C
    summary.py    what changed: the `runs` row's counts, stance changes and one-line summary
"""
