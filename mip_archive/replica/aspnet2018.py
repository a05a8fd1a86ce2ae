"""The 2018–2024 ASP.NET site, as the Wayback Machine kept it: article pages under ``/home/news-campaigns/``.

Breadcrumb ``Home > News & Campaigns > <Section> > <short title>``, the date printed as ``Thursday 04 October 2018``,
a ``By <name>`` byline, and the e-mail sign-up footer (``… Copyright © 2022 MiP``; the first version of the footer,
kept by captures before 2020, reads ``Find us … Copyright © 2018 MiP``). No listing page of this site survives.
Templates are data; the wording is ours.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from mip_archive.replica.model import ReplicaArticle

HOST = "www.miphealth.org.uk"
PRINTED_DATE = "%A %d %B %Y"  # "Thursday 04 October 2018"
SECTION_CRUMBS = {"news": ("News", "/home/news-campaigns/NewsArticles"),
                  "magazine": ("Features", "/home/news-campaigns/Features")}
SHORT_TITLE_WORDS = 6
NEW_FOOTER_FROM = dt.date(2020, 1, 1)

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{head_title}</title>
<meta name="description" content="{description}" />
<link rel="stylesheet" href="/css/mip-2018.min.css" />
</head>
<body class="page-news-campaigns">
<header class="site-header">
<a class="site-logo" href="/home"><img src="/media/logo/mip-logo.svg" alt="MiP: Managers in Partnership" /></a>
<nav class="primary-nav"><ul>
<li><a href="/home/about-us">About us</a></li><li><a href="/home/news-campaigns">News &amp; Campaigns</a></li>
<li><a href="/home/advice">Advice &amp; support</a></li><li><a href="/home/join">Join</a></li>
</ul></nav>
</header>
<div class="container">
<ul class="breadcrumb">
<li><a href="/home">Home</a></li>
<li><a href="/home/news-campaigns">News &amp; Campaigns</a></li>
<li><a href="{section_href}">{section_crumb}</a></li>
<li class="active">{short_title}</li>
</ul>
<div class="content-area">
<div class="article-header">
<h1 class="page-title">{title}</h1>
<p class="article-date">{date}</p>
{byline}</div>
<div class="article-intro"><p>{standfirst}</p></div>
<div class="rte article-content">
{images}{paragraphs}
</div>
<div class="share-links"><span>Share this page</span> <a href="https://twitter.com/intent/tweet">Twitter</a>
<a href="https://www.linkedin.com/shareArticle">LinkedIn</a></div>
</div>
</div>
{footer}
</body>
</html>
"""
BYLINE = '<p class="article-author">By {author}</p>\n'
FIGURE = '<figure class="article-image"><img src="/media/{file}" alt="" /><figcaption>{caption}</figcaption></figure>\n'

FOOTER_2018 = """<footer class="site-footer">
<div class="footer-signup"><h3>Keep up to date</h3>
<p>Our news by e-mail, once a fortnight.</p>
<form action="/home/signup" method="post"><input type="email" name="email" placeholder="Your e-mail" />
<button type="submit">Sign up</button></form></div>
<div class="footer-contact"><h3>Find us</h3><p>Managers in Partnership, Congress House, London</p></div>
<p class="copyright">Copyright &copy; 2018 MiP</p>
</footer>"""
FOOTER_2022 = """<footer class="site-footer">
<div class="footer-signup"><h3>Sign up for e-mail updates</h3>
<p>News, campaigns and invitations for members and friends of the union, straight to your inbox.</p>
<form action="/home/signup" method="post"><input type="email" name="email" placeholder="Your e-mail address" />
<button type="submit">Subscribe</button></form></div>
<p class="copyright">Copyright &copy; 2022 MiP</p>
</footer>"""


def printed_date(day: dt.date) -> str:
    return day.strftime(PRINTED_DATE)


def short_title(title: str) -> str:
    words = title.split()
    return title if len(words) <= SHORT_TITLE_WORDS else " ".join(words[:SHORT_TITLE_WORDS]) + "…"


def footer_for(capture_day: dt.date) -> str:
    return FOOTER_2022 if capture_day >= NEW_FOOTER_FROM else FOOTER_2018


def render_article(article: ReplicaArticle, *, capture_day: dt.date | None = None) -> str:
    crumb, href = SECTION_CRUMBS[article.section]
    return PAGE.format(
        head_title=escape(f"{article.title} | MiP"), description=escape(article.standfirst),
        section_href=href, section_crumb=crumb, short_title=escape(short_title(article.title), quote=False),
        title=escape(article.title, quote=False), date=printed_date(article.date),
        byline=BYLINE.format(author=escape(article.author)) if article.author else "",
        standfirst=escape(article.standfirst, quote=False),
        images="".join(FIGURE.format(file=f, caption=escape(c, quote=False)) for f, c in article.images),
        paragraphs="\n".join(f"<p>{escape(p, quote=False)}</p>" for p in article.paragraphs),
        footer=footer_for(capture_day or article.date),
    )
