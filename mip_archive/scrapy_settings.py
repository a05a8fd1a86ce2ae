"""Scrapy settings for crawling the union's site: polite by default, because the default target is the live site.

`crawl.scrapy_settings_for()` relaxes the politeness only for a replica on the loopback interface.
"""

from mip_archive.settings import USER_AGENT

BOT_NAME = "mip_archive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = USER_AGENT
ROBOTSTXT_OBEY = True

# One request at a time per domain, with AutoThrottle adapting the delay to the server's latency.
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024  # a "huge page" is refused, and counted
DOWNLOAD_WARNSIZE = 1024 * 1024
RETRY_ENABLED = True  # network errors and timeouts: Scrapy's RetryMiddleware
RETRY_TIMES = 3
RETRY_HTTP_CODES = []  # HTTP statuses: RetryAfterMiddleware (429/503 Retry-After, 5xx with exponential backoff)
DOWNLOADER_MIDDLEWARES = {
    "mip_archive.middlewares.StayOnSiteMiddleware": 55,  # no request leaves the site, retried ones included
    "mip_archive.middlewares.RetryAfterMiddleware": 560,
    "mip_archive.warc.WarcCaptureMiddleware": 610,  # above RedirectMiddleware (600): every raw answer goes to WARC
}

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {"mip_archive.pipelines.StorePipeline": 300}
EXTENSIONS = {"mip_archive.progress.CrawlProgress": 500}
MIP_LIVE_PROGRESS = False  # the CLI turns it on when its output is a terminal
MIP_PROGRESS_INTERVAL = 10.0
