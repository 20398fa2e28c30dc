"""Storage: the only code that holds SQL. migrations.py and views.py define the schema, save.py
holds every write and queries.py every read the other steps make; lock.py keeps one writer at a
time."""
from onrecord.db.connect import open_db  # noqa: F401
