"""Normalisation: dates read the British way and never guessed, titles, text, canonical URLs and stable ids."""

import pytest

from mip_archive.normalise import (
    article_id, canonical_url, normalise_text, normalise_title, parse_date, parse_datetime, url_key,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2019-03-04T09:30:00+00:00", "2019-03-04"),
        ("2019-06-30T23:30:00+00:00", "2019-07-01"),  # 00:30 BST: published on 1 July in the UK
        ("2019-12-31T23:30:00Z", "2019-12-31"),  # GMT in winter
        ("2018-10-04", "2018-10-04"),
        ("2018-10-04 12:00:00", "2018-10-04"),
        ("Fri 31 Mar 2017", "2017-03-31"),
        ("Thursday 04 October 2018", "2018-10-04"),
        ("4 March 2019", "2019-03-04"),
        ("4th March 2019", "2019-03-04"),
        ("Mon, 04 Mar 2019 09:30:00 +0000", "2019-03-04"),  # RFC 822, as in the feed
        ("Sun, 30 Jun 2019 23:30:00 GMT", "2019-07-01"),
        ("31/03/2017", "2017-03-31"),  # day first
        ("04/03/2019", "2019-03-04"),  # 4 March, not 3 April
        ("  14   October\n2025 ", "2025-10-14"),
        ("23 November, London", None),  # the 2016 conference banner: no year, not a date
        ("Fryday 31 Mar", None),
        ("March 2019", None),  # no day
        ("31 March", None),  # no year
        ("31/02/2017", None),  # no such day
        ("2019-13-45", None),
        ("2 days ago", None),  # relative to when we parse, not a publication date
        ("nonsense", None),
        ("", None),
        (None, None),
        ("1 January 1066", None),  # outside any plausible year for this archive
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_parse_date_accepts_extra_dateparser_settings():
    assert parse_date("03/04/2019", settings={"DATE_ORDER": "MDY"}) == "2019-03-04"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2025-10-15T16:40:00+00:00", "2025-10-15T17:40:00+01:00"),  # UK local time, offset kept
        ("2025-01-15T16:40:00+00:00", "2025-01-15T16:40:00+00:00"),
        ("2025-10-15T16:40:00", "2025-10-15T16:40:00"),
        ("not a date", None),
    ],
)
def test_parse_datetime(raw, expected):
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Senior managers tell pay body - Managers in Partnership", "Senior managers tell pay body"),
        ("Running a hospital in a heatwave | MiP", "Running a hospital in a heatwave"),
        ("Pay award announced – MiP", "Pay award announced"),
        ("Pay award announced &#8211; MiP - Managers in Partnership", "Pay award announced"),
        ("MiP&#8217;s &#8220;open door&#8221;   for\n managers", "MiP’s “open door” for managers"),
        ("Managers’ union responds — and warns", "Managers’ union responds — and warns"),
        ("Why managers join MiP", "Why managers join MiP"),  # no separator: not a suffix
        ("Managers in Partnership", "Managers in Partnership"),  # never stripped to nothing
        ("Tom &amp; Jerry\u00a0pay deal", "Tom & Jerry pay deal"),
        (None, ""),
    ],
)
def test_normalise_title(raw, expected):
    assert normalise_title(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  one  \n two\tthree ", "one two three"),
        ("first para\n\n\n  second\npara", "first para\n\nsecond para"),
        ("non\u00a0breaking", "non breaking"),
        ("zero\u200bwidth\ufeff and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("cafe\u0301", "café"),  # NFC
        ("‘curly’ “quotes” stay", "‘curly’ “quotes” stay"),
        ("", ""),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "url, base, expected",
    [
        ("HTTPS://WWW.MiPHealth.org.uk:443/news/pay/#comments", None, "https://www.miphealth.org.uk/news/pay/"),
        ("http://miphealth.org.uk:80/news/pay", None, "http://miphealth.org.uk/news/pay"),
        ("http://127.0.0.1:8123/news/pay", None, "http://127.0.0.1:8123/news/pay"),
        ("/news/pay?utm_source=x&utm_medium=email&fbclid=abc", "https://www.miphealth.org.uk/news/",
         "https://www.miphealth.org.uk/news/pay"),
        ("pay", "https://www.miphealth.org.uk/news/", "https://www.miphealth.org.uk/news/pay"),
        ("http://www.miphealth.org.uk/home/MediaCentre.aspx?view6page=2&text=large", None,
         "http://www.miphealth.org.uk/home/MediaCentre.aspx?view6page=2"),
        ("http://www.miphealth.org.uk/News/HomepageNews-32806.aspx?text=small", None,
         "http://www.miphealth.org.uk/News/HomepageNews-32806.aspx"),
        ("https://www.miphealth.org.uk/?p=4812", None, "https://www.miphealth.org.uk/?p=4812"),
        ("https://www.miphealth.org.uk", None, "https://www.miphealth.org.uk/"),
        ("https://www.miphealth.org.uk/search/?s=pay&text=bold", None, "https://www.miphealth.org.uk/search/?s=pay&text=bold"),
    ],
)
def test_canonical_url(url, base, expected):
    assert canonical_url(url, base) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.miphealth.org.uk/news/pay-evidence/", "/news/pay-evidence"),
        ("http://127.0.0.1:8123/news/pay-evidence", "/news/pay-evidence"),
        ("https://miphealth.org.uk/news/pay-evidence/?utm_source=x#top", "/news/pay-evidence"),
        ("https://www.miphealth.org.uk/?p=4812", "/?p=4812"),
        ("https://www.miphealth.org.uk/", "/"),
        ("http://www.miphealth.org.uk/News/HomepageNews-32806.aspx?text=large", "/news/homepagenews-32806.aspx"),
        ("https://web.archive.org/web/20170402101500id_/http://miphealth.org.uk/News/HomepageNews-32806.aspx",
         "/news/homepagenews-32806.aspx"),
        ("http://miphealth.org.uk/home/MiPBlog.aspx?view4page=3", "/home/mipblog.aspx?view4page=3"),
    ],
)
def test_url_key(url, expected):
    assert url_key(url) == expected


def test_article_id_is_the_same_on_the_replica_and_the_live_site():
    live = article_id("https://www.miphealth.org.uk/news/pay-evidence/")
    assert live == article_id("http://127.0.0.1:8123/news/pay-evidence")
    assert live != article_id("https://www.miphealth.org.uk/news/other-story/")
    assert len(live) == 16 and int(live, 16) >= 0
