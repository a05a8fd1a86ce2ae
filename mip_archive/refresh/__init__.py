"""The nightly refresh: fetch only what changed, keep every response, notice edits, removals and redesigns.

- :mod:`~mip_archive.refresh.planner` decides from the archive what a run should fetch (the spider never opens it);
- :mod:`~mip_archive.refresh.signals` reads the site's cheap change signals (REST API, sitemap, feed);
- :mod:`~mip_archive.refresh.rules` says which fetched pages are fit to store; :mod:`~.layout` notices a redesign;
  :mod:`~.breaker` ends the run when the site is down;
- :mod:`~mip_archive.refresh.pipeline` stores each page in one transaction; :mod:`~.job` runs it all
  (``refresh_job``); :mod:`~.check_site` reports what the parsers still find on live pages (``check_site_job``).

The spider is ``spiders/refresh.py``; the WARC capture is :mod:`mip_archive.warc`; the rebuild from WARC files is
:mod:`mip_archive.rebuild`.
"""
