"""onrecord: who in tech said what, in public, about an issue, and who said nothing.

The repository root is this package (see pyproject.toml), one folder a step:
watchlist/ (input) -> crawler/ (crawl) -> db/ (store) -> nlp/ (classify) -> metadata.yml,
plugins/, templates/ (publish); cli/ strings them together, schedule.py runs them nightly,
demo/ holds the fake platforms and the fictional sample.
"""
__version__ = "0.1.0"
