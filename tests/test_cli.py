"""The command line: every verb has help and is in the README; bad input gives one clear line, never a traceback."""

import re
import sqlite3

import pytest
from click.testing import CliRunner

from mip_archive.cli import main
from tests.conftest import ROOT

COMMANDS = sorted(main.commands)


def test_the_cli_has_the_pipeline_verbs():
    assert {"crawl", "demo", "enrich", "extract", "replica", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert re.search(rf"mip-archive {command}\b", (ROOT / "README.md").read_text()), f"{command} not in README"


def test_an_unknown_section_is_a_usage_error():
    result = CliRunner().invoke(main, ["crawl", "--section", "sport"])
    assert result.exit_code == 2
    assert "'sport' is not one of 'news', 'magazine', 'all'" in result.output


def test_a_database_that_is_not_ours_is_one_clear_line(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table invoices (id integer primary key)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["enrich", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {path} is an SQLite database but not a mip-archive one (tables: invoices); choose another file with --db"
    ]


def test_a_page_that_is_not_an_article_is_one_clear_line(tmp_path):
    page = tmp_path / "listing.html"
    page.write_text("<html><head><title>News - Managers in Partnership</title></head><body><main>"
                    "<h1 class='page-title'>News</h1><p>Nothing here yet.</p></main></body></html>")
    result = CliRunner().invoke(main, ["extract", str(page), "--json", "--no-nlp"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_a_missing_file_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "absent.html"), "--json"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: no such file: {tmp_path / 'absent.html'}"


def test_an_unreachable_site_fails_the_crawl_with_a_clear_line(cli, tmp_path):
    result = cli("crawl", "--base-url", "http://127.0.0.1:9", "--db", str(tmp_path / "mip.db"), "--no-enrich",
                 timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("crawl failed: 0 articles in the archive")
    assert "could not crawl http://127.0.0.1:9" in summary
    db = sqlite3.connect(tmp_path / "mip.db")
    assert db.execute("select status, source from crawl_runs").fetchall() == [("failed", "live")]
