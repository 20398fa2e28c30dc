"""Storage: the only code that defines the schema. Other steps write through db.save."""
from db.connect import open_db  # noqa: F401
