"""Recovering the union's 2013–2024 pages from the Wayback Machine: CDX discovery, captures, one record per statement.

cdx (queries, rows, resume keys) → captures (``id_`` URLs, replay clean-up, soft 404s, decoding) → the era parsers →
identity (the same statement across captures and eras is one record) → store.
"""
