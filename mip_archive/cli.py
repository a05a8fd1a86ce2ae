"""The one command-line interface: verbs on the pipeline. The only module that configures logging.

Every verb ends with one summary line; bad input ends with a one-line error (never a traceback) and exit code 1.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from mip_archive import __version__
from mip_archive.cli_refresh import check_site, faults_option, rebuild, refresh
from mip_archive.settings import DEFAULT_DB, LIVE_BASE_URL, WAYBACK_URL, site_settings

log = logging.getLogger("mip_archive")
SECTION_CHOICES = click.Choice(["news", "magazine", "all"], case_sensitive=False)


def user_errors() -> tuple[type[BaseException], ...]:
    from mip_archive.crawl import CrawlError
    from mip_archive.items import ParseError
    from mip_archive.store import StoreError

    return (CrawlError, ParseError, StoreError, OSError, UnicodeError, ValueError)


class ArchiveGroup(click.Group):
    """Turns the errors users can cause into one clear line instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except user_errors() as error:
            raise click.ClickException(_one_line(error)) from None


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def configure_logging(verbose: bool) -> None:
    level = logging.DEBUG if verbose else logging.INFO
    root = logging.getLogger()
    root.handlers.clear()
    if sys.stderr.isatty():
        from rich.logging import RichHandler

        handler: logging.Handler = RichHandler(show_path=False, markup=False, rich_tracebacks=False)
        handler.setFormatter(logging.Formatter("%(message)s"))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(LibraryNoiseFilter(logging.DEBUG if verbose else logging.WARNING))
    root.addHandler(handler)
    root.setLevel(level)


class LibraryNoiseFilter(logging.Filter):
    """Scrapy resets its own loggers to DEBUG when it starts: keep its chatter below `level` out of our output."""

    NOISY = ("scrapy", "twisted", "asyncio", "filelock", "urllib3", "py.warnings", "datasette")

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.NOISY):
            return True
        if self.level > logging.DEBUG:  # one line per problem; tracebacks only with --verbose
            record.exc_info, record.exc_text = None, None
        return record.levelno >= self.level


@click.group(cls=ArchiveGroup)
@click.version_option(__version__, prog_name="mip-archive")
@click.option("-v", "--verbose", is_flag=True, help="Log every request and decision.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """An archive of the public statements and magazine articles of Managers in Partnership (MiP).

    Crawls the union's site (and its earlier sites through the Wayback Machine), extracts people, NHS trusts,
    reports and quotes, stores everything in SQLite and serves it with Datasette.
    """
    configure_logging(verbose)
    ctx.obj = {"verbose": verbose}


def sections_of(section: str) -> tuple[str, ...]:
    return ("news", "magazine") if section.lower() == "all" else (section.lower(),)


def progress_callback():
    """A progress callable(done, total) that logs every 10% — Rich-rendered on a terminal, plain in cron logs."""
    last = {"step": -1}

    def report(done: int, total: int) -> None:
        step = done * 10 // max(total, 1)
        if step != last["step"]:
            last["step"] = step
            log.info("enriched %d/%d articles", done, total)

    return report


@main.command()
@click.option("--section", type=SECTION_CHOICES, default="all", show_default=True, help="Which listings to walk.")
@click.option("--source", type=click.Choice(["live", "wayback", "all"]), default="live", show_default=True,
              help="Today's site, its 2013–2024 pages in the Wayback Machine, or both.")
@click.option("--base-url", default=LIVE_BASE_URL, show_default=True, help="The site to crawl (the live site, or a replica).")
@click.option("--wayback-url", default=WAYBACK_URL, show_default=True, help="The Wayback Machine (or its replica).")
@click.option("--from", "year_from", type=int, help="Wayback: first year of captures.")
@click.option("--to", "year_to", type=int, help="Wayback: last year of captures.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--no-enrich", is_flag=True, help="Store articles without running the NLP stage.")
@click.option("--result-json", type=click.Path(dir_okay=False, path_type=Path), hidden=True)
@click.pass_context
def crawl(ctx, section, source, base_url, wayback_url, year_from, year_to, db_path, no_enrich, result_json) -> None:
    """Crawl the site's news and magazine listings (and/or the Wayback Machine) into the archive, then enrich."""
    from mip_archive.jobs import crawl_sources

    result = crawl_sources(db_path, source=source, site=site_settings(base_url), sections=sections_of(section),
                           wayback_url=wayback_url, years=(year_from, year_to), enrich=not no_enrich,
                           verbose=ctx.obj["verbose"], progress=progress_callback())
    if result_json:
        result_json.write_text(json.dumps(result.__dict__))
    finish(result)


def finish(result) -> None:
    click.echo(result.summary())
    if result.status != "ok":
        sys.exit(1)


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--batch-size", default=32, show_default=True, help="Texts per spaCy batch.")
@click.option("--all", "everything", is_flag=True, help="Re-run the NLP over every article, not only changed ones.")
@click.option("--processes", default=1, show_default=True,
              help="Worker processes for the spaCy model (a whole-archive re-run on several cores).")
def enrich(db_path: Path, batch_size: int, everything: bool, processes: int) -> None:
    """Re-run entity and quote extraction over the archive, without fetching anything."""
    from mip_archive.enrich import enrich_articles
    from mip_archive.store import open_db
    from mip_archive.store.maintenance import optimize

    db = open_db(db_path, create=False)
    ids = [row["id"] for row in db.query("select id from articles order by id")] if everything else None
    done = enrich_articles(db, article_ids=ids, batch_size=batch_size, progress=progress_callback(),
                           processes=processes)
    optimize(db)
    click.echo(f"enrich ok: {done} articles enriched; {db['quotes'].count} quotes, {db['entities'].count} entities")


@main.command()
@click.argument("source", required=False)
@click.option("--text", "text_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Plain text instead of a page: paragraphs separated by blank lines, first line the title.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the default output).")
@click.option("--no-nlp", is_flag=True, help="Skip entities and quotes.")
@click.option("--section", type=click.Choice(["news", "magazine"]), help="Section to assume if the page does not say.")
def extract(source: str | None, text_file: Path | None, as_json: bool, no_nlp: bool, section: str | None) -> None:
    """Parse one saved page (a file path or a URL) and print its record; or, with --text, one plain text."""
    from mip_archive.extract import extract_page, extract_text

    if text_file:
        record = extract_text(text_file.read_text(encoding="utf-8"))
    elif source:
        record = extract_page(source, section_hint=section, nlp=not no_nlp)
    else:
        raise click.UsageError("give a page (file or URL) or --text FILE")
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@main.command()
@faults_option
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--articles", default=150, show_default=True, help="How many articles to invent.")
@click.option("--seed", default=1, show_default=True, help="Seed of the deterministic generator.")
@click.option("--truth", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the ground truth (one JSON line per article) to this file and exit.")
def replica(faults: str, port: int, articles: int, seed: int, truth: Path | None) -> None:
    """Serve the local replica of the union's site (synthetic text in the real site's structure)."""
    from mip_archive import replica as rep

    if truth:
        records = rep.truth_records(rep.generate(articles, seed), f"http://127.0.0.1:{port}")
        rep.write_truth(truth, records)
        click.echo(f"replica truth: {len(records)} articles written to {truth}")
        return
    apps = rep.build_replica(articles, seed)
    if faults:
        from mip_archive.replica.faults import with_faults

        apps = with_faults(apps, faults)
    server = rep.ReplicaServer(apps, port=port)
    click.echo(f"replica of the union's site serving {articles} articles at {server.url}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--public", is_flag=True, help="Production settings: read-only, time limits, no SQL editing.")
def serve(db_path: Path, port: int, host: str, public: bool) -> None:
    """Serve the archive with Datasette."""
    from mip_archive.serve import serve_archive

    serve_archive(db_path, host=host, port=port, public=public)


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--articles", default=150, show_default=True, help="Size of the replica to crawl.")
@click.option("--seed", default=1, show_default=True)
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
@click.option("--no-serve", is_flag=True, help="Build the archive, print the counts and exit.")
@click.option("--live", is_flag=True,
              help="The real thing: crawl the live site and the real Wayback Machine instead of the replica.")
@click.pass_context
def demo(ctx, db_path: Path, articles: int, seed: int, port: int, no_serve: bool, live: bool) -> None:
    """Start the replica (today's site and an emulated Wayback Machine) on a free port, crawl both with the real
    spiders into the archive, extract entities and quotes, then serve it. With --live: the same against the live
    site and web.archive.org (needs internet; polite, so it takes hours)."""
    from mip_archive import replica as rep

    if live:
        build_and_serve(ctx, db_path, LIVE_BASE_URL, WAYBACK_URL, port=port, no_serve=no_serve)
        return
    with rep.ReplicaServer(rep.build_replica(articles, seed), port=0) as server:
        log.info("replica serving %d invented articles at %s", articles, server.url)
        # the replica keeps serving while Datasette does, so the archive's links to "the original" work
        build_and_serve(ctx, db_path, server.url, server.url, port=port, no_serve=no_serve)


def build_and_serve(ctx, db_path: Path, base_url: str, wayback_url: str, *, port: int, no_serve: bool) -> None:
    from mip_archive.jobs import crawl_sources

    result = crawl_sources(db_path, source="all", site=site_settings(base_url), sections=("news", "magazine"),
                           wayback_url=wayback_url, years=(None, None), enrich=True,
                           verbose=ctx.obj["verbose"], progress=progress_callback())
    click.echo(result.summary())
    if result.status != "ok":
        sys.exit(1)
    if not no_serve:
        from mip_archive.serve import serve_archive

        serve_archive(db_path, host="127.0.0.1", port=port, public=False)


main.add_command(refresh)
main.add_command(rebuild)
main.add_command(check_site)

if __name__ == "__main__":
    main()
