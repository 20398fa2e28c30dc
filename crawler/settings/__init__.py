"""Scrapy settings per environment, as modules (the way City Bureau's projects keep them):

    base.py    every crawl's settings: polite by default (the production environment)
    local.py   `from .base import *`, politeness off, for a local replay server (demo, tests, bench)

A crawl uses `ONRECORD_CRAWL_SETTINGS` (a module path), else base.
"""
DEFAULT = "onrecord.crawler.settings.base"
LOCAL = "onrecord.crawler.settings.local"
ENV = "ONRECORD_CRAWL_SETTINGS"
