"""Scrapy spiders: they navigate and yield; every parsing decision is the library's (mip_archive.parse)."""
