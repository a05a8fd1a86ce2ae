"""What readers see when the archive is served: search-query escaping, safe cell rendering, page data and charts.

The Datasette plugin in ``mip_archive/web/plugins/`` is a thin adapter over these modules; templates and the
stylesheet live beside it in ``templates/`` and ``static/``.
"""
