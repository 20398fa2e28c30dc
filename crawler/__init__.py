"""crawl -> statements: Scrapy spiders for the leaders' own accounts and for news.

    sources.py      Source, build_sources: what a crawl reads, from the watchlist
    launch.py       crawl_in_child / start_crawl: the one way to start a crawl from another
                    process (`python -m onrecord crawl`); a Scrapy reactor runs once per process
    crawl.py        crawl_watchlist: one crawl in this process (what `onrecord crawl` runs); reads
                    what the spiders need from the database and hands it in; SPIDERS registry
    spiders/        one spider per platform (module name = spider name = platform), on base.py;
                    they only parse responses into items
    items.py        Statement, StatementSource, SourceDone: what spiders hand to storage
    pipelines.py    ValidationPipeline (drop with a counted reason), StoragePipeline (db/save.py)
    bookkeeping.py  per-source counts: the spider's SourceCrawl, storage's StoreTally, the crawls row
    middlewares.py  rate limits and back-off, robots.txt
    settings/       Scrapy settings per environment: base (polite, production), local (a test server)
    news_extract.py article text and metadata (trafilatura); text.py  HTML to plain text

The fake platforms the tests, the demo and the benchmarks crawl live apart, in onrecord.demo.
"""
