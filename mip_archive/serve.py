"""Serving the archive with Datasette, with the project's metadata (titles, facets, canned queries).

Local serving is for the person who built the archive (SQL allowed, downloads allowed). ``public=True`` is for a
server on the internet: the database is opened immutable (``-i``), arbitrary SQL, database downloads and CSV
streaming are off, queries have a time limit and a row limit, and facet suggestions (costly) are off. The web
folder (templates, the plugin, the stylesheet) is always loaded: the pages, the safe search and the security
headers come from it. Publishing is described in scripts/publish.md.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mip_archive.store import StoreError, open_db

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
WEB_DIR = Path(__file__).resolve().parent / "web"
DATABASE_NAME = "mip"  # Datasette names a database after its file: metadata.yml describes "mip"

PUBLIC_SETTINGS = {
    "sql_time_limit_ms": "1000",
    "max_returned_rows": "1000",
    "default_allow_sql": "off",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "default_cache_ttl": "300",
    "truncate_cells_html": "400",
    "suggest_facets": "off",
    "facet_time_limit_ms": "200",
}
LOCAL_SETTINGS = {"truncate_cells_html": "400", "sql_time_limit_ms": "3000"}


def metadata_path() -> Path:
    for candidate in (Path.cwd() / "metadata.yml", PROJECT_ROOT / "metadata.yml"):
        if candidate.is_file():
            return candidate
    raise StoreError("metadata.yml not found: run from the project folder")


def datasette_args(db_path: Path, *, host: str, port: int, public: bool) -> list[str]:
    args = [sys.executable, "-m", "datasette", "serve", "--host", host, "--port", str(port),
            "-m", str(metadata_path())]
    args += ["-i", str(db_path)] if public else [str(db_path)]
    for name, value in (PUBLIC_SETTINGS if public else LOCAL_SETTINGS).items():
        args += ["--setting", name, value]
    return args + web_args()


def web_args() -> list[str]:
    """The options that load the archive's templates, plugin and stylesheet (served under /assets/)."""
    return ["--template-dir", str(WEB_DIR / "templates"), "--plugins-dir", str(WEB_DIR / "plugins"),
            "--static", f"assets:{WEB_DIR / 'static'}"]


def serve_archive(db_path: Path, *, host: str, port: int, public: bool) -> None:
    """Run Datasette in the foreground until interrupted."""
    if not Path(db_path).exists():
        raise StoreError(f"no archive at {db_path}: run `mip-archive demo` or `mip-archive crawl` first")
    open_db(db_path).close()  # migrate before serving read-only
    if Path(db_path).stem != DATABASE_NAME:
        log.warning("%s will be served as %r: the titles, pages and canned queries of metadata.yml apply to a"
                    " database file named %s.db", db_path, Path(db_path).stem, DATABASE_NAME)
    args = datasette_args(Path(db_path), host=host, port=port, public=public)
    log.info("serving the archive at http://%s:%s/mip (Ctrl-C to stop)", host, port)
    try:
        subprocess.run(args, check=False, env=os.environ.copy())
    except KeyboardInterrupt:
        pass
