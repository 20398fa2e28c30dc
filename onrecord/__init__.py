"""onrecord: who in tech said what, in public, about an issue, and who said nothing."""
__version__ = "0.1.0"
