"""The archive as a person uses it, in headless Chromium: search, open a quote, follow it to its article and speaker.

Needs Debian's chromium and chromium-driver and the ``selenium`` package; skips with the reason when any is
missing. Screenshots of each step are written to docs/screenshots/ (or $MIP_SCREENSHOT_DIR).
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from mip_archive import serve
from tests.web_archive import article_key, build_archive

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900"]
SHOTS = Path(os.environ.get("MIP_SCREENSHOT_DIR") or Path(__file__).resolve().parent.parent / "docs" / "screenshots")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
    pytest.skip("Chromium is not installed: apt-get install -y chromium chromium-driver", allow_module_level=True)

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"datasette exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"datasette did not answer at {url}")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = build_archive(tmp_path_factory.mktemp("archive") / "mip.db")
    port = free_port()
    args = serve.datasette_args(path, host="127.0.0.1", port=port, public=True)
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "MIP_ROBOTS": "none"})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/-/versions.json", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="mip-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def shot(browser, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{name}.png"))


def texts(browser, css: str) -> list[str]:
    return [" ".join(element.text.split()) for element in browser.find_elements(By.CSS_SELECTOR, css)]


def test_search_a_topic_open_a_quote_and_follow_it(site, browser):
    browser.get(site + "/")
    shot(browser, "1-home")
    box = browser.find_element(By.CSS_SELECTOR, "form.mip-search input[name=q]")
    box.send_keys("pay")
    box.submit()
    assert texts(browser, "#article-results li a.hit-title") == [
        "Pay award leaves senior managers behind again", "Union welcomes review of pay bands",
        "Interview: leading a trust through a cyber attack"]
    assert texts(browser, "#quote-results mark") == ["pay"]
    shot(browser, "2-search-pay")

    browser.find_element(By.CSS_SELECTOR, "#quote-results a.hit-quote").click()
    assert texts(browser, "blockquote") == ["“We went back to paper within an hour and nobody's pay was late”"]
    shot(browser, "3-quote")

    browser.find_element(By.CSS_SELECTOR, "a.article").click()
    assert texts(browser, "article h1") == ["Interview: leading a trust through a cyber attack"]
    assert texts(browser, "p.kicker") == ["magazine · 2023-11-20 · Sam Lee"]
    shot(browser, "4-article")

    browser.find_element(By.CSS_SELECTOR, ".mip-quotes .meta a").click()
    assert texts(browser, "article h1") == ["Priya Shah"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.mip-chart svg rect")) == 1
    shot(browser, "5-speaker")


def test_a_changed_and_a_hostile_article_as_a_reader_sees_them(site, browser):
    browser.get(f"{site}/mip/articles/{article_key(0)}")
    assert texts(browser, ".notice.changed li") == [
        "2025-05-01: “Pay award leaves senior managers behind again”",
        "2025-05-08: “Pay award leaves senior managers behind again”"]
    shot(browser, "6-changed-article")
    browser.get(f"{site}/mip/articles/{article_key(1)}")
    assert browser.title == "Cutting managers will not fix waiting lists"  # the stored <script> never ran
    found = "return document.querySelectorAll('article iframe, article script, article img, [onerror]').length"
    assert browser.execute_script(found) == 0


def test_an_empty_search_explains_itself(site, browser):
    browser.get(f"{site}/mip/quotes_on_topic?q=ambulance")
    assert texts(browser, "p.mip-explain")[0].startswith("Nothing matches words “ambulance”.")
    shot(browser, "7-no-results")
