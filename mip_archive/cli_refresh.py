"""The scheduling verbs: `refresh` (the nightly run), `rebuild` (from the WARC files), `check-site`; and the
`--faults` option of `replica`. The lead's cli.py adds them to the main group (``main.add_command(refresh)``…).

Exit codes are for cron and CI (docs/SCHEDULING.md): 0 ok, 1 failed (layout changed, bad input), 3 the site is
down, 4 some pages failed and will be retried next run, 75 another run holds the lock.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mip_archive.settings import DEFAULT_DB, LIVE_BASE_URL, site_settings

DB_OPTION = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
                         show_default=True, help="The archive (SQLite).")


def _exit_for(result) -> None:
    from mip_archive.refresh.job import EXIT_CODES

    click.echo(result.summary())
    sys.exit(EXIT_CODES.get(result.status, 1))


def _locked(error) -> None:
    from mip_archive.refresh.job import EXIT_CODES

    click.echo(f"Error: {error}", err=True)
    sys.exit(EXIT_CODES["locked"])


@click.command()
@click.option("--base-url", default=LIVE_BASE_URL, show_default=True, help="The site (the live site, or a replica).")
@DB_OPTION
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where raw responses are kept [default: warc/ next to the database].")
@click.option("--sweep", is_flag=True, help="Re-check a sample of older articles now (else every --sweep-days).")
@click.option("--sweep-days", default=7.0, show_default=True, help="Days between automatic sweeps.")
@click.option("--sweep-size", default=50, show_default=True, help="Older articles a sweep re-checks.")
@click.option("--max-page-bytes", type=int, help="Skip pages larger than this [default: 5 MiB].")
@click.option("--timeout", type=float, help="Seconds before a request times out [default: 30].")
@click.option("--no-enrich", is_flag=True, help="Store new and edited articles without running the NLP stage.")
@click.pass_context
def refresh(ctx, base_url, db_path, warc_dir, sweep, sweep_days, sweep_size, max_page_bytes, timeout, no_enrich):
    """Fetch only what changed since the last run (conditional requests, REST/sitemap/feed signals), keep every
    response in WARC files, record edits as versions and removals as withdrawn. Safe to schedule nightly."""
    from mip_archive.lock import LockHeld
    from mip_archive.refresh.job import RefreshOptions, refresh_job

    overrides = {k: v for k, v in (("max_page_bytes", max_page_bytes), ("timeout_seconds", timeout)) if v}
    options = RefreshOptions(sweep_every_days=sweep_days, sweep_size=sweep_size, enrich=not no_enrich,
                             warc_dir=warc_dir)
    verbose = bool((ctx.obj or {}).get("verbose"))
    try:
        result = refresh_job(db_path, site_settings(base_url, **overrides), sweep=sweep, verbose=verbose,
                             options=options)
    except LockHeld as error:
        _locked(error)
    _exit_for(result)


@click.command()
@DB_OPTION
@click.option("--warc-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="The WARC files to rebuild from (e.g. data/warc).")
@click.option("--replace", is_flag=True, help="Replace an existing archive at --db (stop serving it first).")
@click.option("--no-enrich", is_flag=True, help="Skip the NLP stage.")
def rebuild(db_path, warc_dir, replace, no_enrich):
    """Rebuild the archive offline from the WARC files: re-parse and re-enrich every captured article."""
    from mip_archive.lock import LockHeld
    from mip_archive.rebuild import rebuild_job

    from mip_archive.crawl import CrawlError

    try:
        result = rebuild_job(db_path, warc_dir, enrich=not no_enrich, replace=replace)
    except LockHeld as error:
        _locked(error)
    except CrawlError as error:
        raise click.ClickException(str(error)) from None
    _exit_for(result)


@click.command("check-site")
@click.option("--base-url", default=LIVE_BASE_URL, show_default=True, help="The site to check.")
@click.option("--articles", default=3, show_default=True, help="Articles to check per listing.")
def check_site(base_url, articles):
    """Fetch a few live pages and report, field by field, what the parsers still find (exit 1 if fields are lost)."""
    from mip_archive.refresh.check_site import check_site as run_check

    report = run_check(site_settings(base_url), articles_per_listing=articles)
    for line in report.lines():
        click.echo(line)
    sys.exit(0 if report.ok else 1)


def faults_option(command):
    """``replica --faults 500s,429,...``: the replica misbehaves as named (see mip_archive.replica.faults.FAULTS)."""
    from mip_archive.replica.faults import FAULTS

    names = ", ".join(FAULTS)
    return click.option("--faults", default="", metavar="NAMES",
                        help=f"Comma-separated faults to inject ('all': the first eight): {names}.")(command)
