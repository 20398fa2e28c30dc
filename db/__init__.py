"""Storage: the only code that defines the schema. Other steps write through db.save."""
from onrecord.db.connect import open_db  # noqa: F401
