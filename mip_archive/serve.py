"""Serving the archive with Datasette, with the project's metadata (titles, facets, canned queries)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mip_archive.store import StoreError, open_db

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent

PUBLIC_SETTINGS = {
    "sql_time_limit_ms": "1000",
    "max_returned_rows": "1000",
    "default_allow_sql": "off",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "default_cache_ttl": "300",
    "truncate_cells_html": "400",
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
    for folder in ("templates", "plugins", "static"):
        path = PROJECT_ROOT / "mip_archive" / "web" / folder
        if path.is_dir():
            args += [f"--{folder}-dir" if folder != "static" else "--static", _dir_arg(folder, path)]
    return args


def _dir_arg(folder: str, path: Path) -> str:
    return f"assets:{path}" if folder == "static" else str(path)


def serve_archive(db_path: Path, *, host: str, port: int, public: bool) -> None:
    """Run Datasette in the foreground until interrupted."""
    if not Path(db_path).exists():
        raise StoreError(f"no archive at {db_path}: run `mip-archive demo` or `mip-archive crawl` first")
    open_db(db_path).close()  # migrate before serving read-only
    args = datasette_args(Path(db_path), host=host, port=port, public=public)
    log.info("serving the archive at http://%s:%s/mip (Ctrl-C to stop)", host, port)
    try:
        subprocess.run(args, check=False, env=os.environ.copy())
    except KeyboardInterrupt:
        pass
