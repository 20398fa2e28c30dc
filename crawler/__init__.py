"""crawl -> statements: Scrapy spiders for the leaders' own accounts and for news.

    run.py          run_crawl(watchlist, db_path, ...): all sources, one Scrapy process, one
                    `crawls` row per source; SPIDERS maps platform -> spider ("module:Class")
    spiders/        one spider per platform (module name = spider name), on spiders/base.py
    items.py        Statement, StatementSource, SourceDone: what spiders hand to storage
    pipelines.py    ValidationPipeline (drop with a counted reason), StoragePipeline (db/save.py)
    middlewares.py  rate limits and back-off, robots.txt
    settings.py     politeness defaults

The fake platforms the tests, the demo and the benchmarks crawl live apart, in onrecord.demo.
"""
