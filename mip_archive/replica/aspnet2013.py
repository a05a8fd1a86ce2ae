"""The 2013–2017 ASP.NET site, as the Wayback Machine kept it: article pages, the two section listings and the
mixed home listings.

Pages are rendered from :class:`ReplicaArticle` in that site's structure (a conference banner on top, a section
heading, title → date → standfirst → body on article pages; date line, image alt, title link, standfirst and first
paragraph per listing item; numbered pages with ``?view6page=N`` / ``?view4page=N``; the same three boxes at the
foot of every page). The home page ``/home/Home.aspx`` shows the latest items of both sections and
``/News/HomepageNewsItems.aspx`` (``?view2page=N``) all of them, each item labelled ``NEWS``, ``MEDIA CENTRE`` or
``MiP BLOG`` before its date. The wording of the banner and boxes is ours. Templates are data, at the top of the module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from mip_archive.replica.model import ReplicaArticle

HOST = "www.miphealth.org.uk"
ARTICLE_PATH = "/News/HomepageNews-{id}.aspx"
NOT_FOUND_PATH = "/ErrorPages/PageNotFound.aspx"


@dataclass(frozen=True)
class ListingSpec:
    section: str
    path: str
    page_param: str
    heading: str


LISTINGS = {
    "news": ListingSpec("news", "/home/MediaCentre.aspx", "view6page", "Media Centre"),
    "magazine": ListingSpec("magazine", "/home/MiPBlog.aspx", "view4page", "MiP Blog"),
}
# The mixed listing of both sections, paginated like the others; the home page shows its first HOME_ITEMS items.
MIXED = ListingSpec("mixed", "/News/HomepageNewsItems.aspx", "view2page", "News and blogs")
HOME_PATH = "/home/Home.aspx"
HOME_ITEMS = 6
PER_PAGE = 8
# The label a mixed listing prints before an item's date: by section, then by kind (a news item is "MEDIA CENTRE"
# unless it is an announcement).
LABEL_BY_SECTION = {"magazine": "MiP BLOG"}
LABEL_BY_KIND = {"announcement": "NEWS"}
DEFAULT_LABEL = "MEDIA CENTRE"
PRINTED_DATE = "%a %d %b %Y"  # "Fri 31 Mar 2017"

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{charset}<title>{head_title}</title>
<link href="/App_Themes/MiP/main.css" type="text/css" rel="stylesheet" />
</head>
<body>
<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY{viewstate}ZGQ=" /></div>
<div id="wrapper">
<div id="topBar"><a href="/home/Home.aspx"><img src="/images/mip-logo.gif" alt="Managers in Partnership" /></a>
<ul id="topNav"><li><a href="/home/Home.aspx">Home</a></li><li><a href="/home/MediaCentre.aspx">Media Centre</a></li>
<li><a href="/home/MiPBlog.aspx">MiP Blog</a></li><li><a href="?text=large">A+</a></li></ul></div>
<div id="conferenceBanner"><img src="/images/banners/conf2016.jpg" alt="mip 2016 conf logo" />
<h2 class="bannerHeading">23 November, London</h2>
<p class="bannerText">Our annual conference met at Congress House this year. Follow the link for the day's sessions and photos.</p></div>
<div id="mainColumn">
{main}
</div>
{footer}
</div>
</form>
</body>
</html>
"""

ARTICLE = """<div class="sectionHeading"><h2>{section_heading}</h2></div>
<div id="ctl00_cphMain_pnlArticle" class="newsArticle">
<h1 id="ctl00_cphMain_lblTitle" class="newsTitle">{title}</h1>
{date}{byline}<div id="ctl00_cphMain_lblStandfirst" class="newsStandfirst"><strong>{standfirst}</strong></div>
<div id="ctl00_cphMain_pnlBody" class="newsBody">
{images}{paragraphs}
</div>
<p class="backLink"><a href="{back}">&lt; Back to {section_heading}</a></p>
</div>"""
DATE_LINE = '<p class="newsDate"><span id="ctl00_cphMain_lblDate">{date}</span></p>\n'
BYLINE = '<p class="newsAuthor">By {author}</p>\n'
IMAGE = '<img src="/images/news/{file}" alt="{alt}" class="newsImage" />\n'

LISTING = """<div class="sectionHeading"><h2>{heading}</h2></div>
<div id="ctl00_cphMain_view{digit}" class="newsList">
{items}
</div>
<div class="pager">{pager}</div>"""
LISTING_ITEM = """<div class="newsListItem">
<p class="newsListDate">{date}</p>
{image}<h3 class="newsListTitle"><a href="{href}">{title}</a></h3>
<p class="newsListStandfirst">{standfirst}</p>
<div class="newsListSummary"><p>{summary}</p></div>
</div>"""
LISTING_IMAGE = '<p class="newsListImage"><img src="/images/thumbs/{file}" alt=" {alt}" /></p>\n'

MIXED_LISTING = """<div class="sectionHeading"><h2>{heading}</h2></div>
<div id="ctl00_cphMain_view{digit}" class="homeNewsList">
{items}
</div>
<div class="pager">{pager}</div>"""
HOME = """<div id="homeWelcome"><h2>Welcome to MiP</h2>
<p>We speak up for the managers who keep health and care services running, and we stand beside them at work.</p></div>
<div id="ctl00_cphMain_homeNews" class="homeNewsList">
<h2 class="homeNewsHeading">Latest from MiP</h2>
{items}
<p class="homeMore"><a href="{more}">More news and blogs &gt;</a></p>
</div>
<div id="homeEvents" class="homeBox"><h3>Events</h3>
<ul><li><a href="/home/Events.aspx">Regional members' meetings</a></li><li><a href="/home/Conference.aspx">Annual conference</a></li></ul>
</div>"""
MIXED_ITEM = """<div class="homeNewsItem">
<p class="homeNewsMeta"><span class="homeNewsLabel">{label}</span> <span class="homeNewsDate">{date}</span></p>
{image}<h4 class="homeNewsTitle"><a href="{href}">{title}</a></h4>
<p class="homeNewsStandfirst">{standfirst}</p>
</div>"""
MIXED_IMAGE = '<p class="homeNewsImage"><img src="/images/thumbs/{file}" alt=" {alt}" /></p>\n'

NOT_FOUND = """<div class="sectionHeading"><h2>Page not found</h2></div>
<div class="errorPanel"><h1>Sorry, we can't find that page</h1>
<p>The page you asked for may have moved or no longer exists. Try the <a href="/home/Home.aspx">home page</a>
or the search box.</p></div>"""

# The three boxes at the foot of every page; variant 1 is the wording after a later template edit.
FOOTER = """<div id="footerBoxes">
<div class="footerBox"><h3>Join MiP</h3>
<p>{join}</p>
<p><a href="/home/JoinMiP.aspx">Reasons to JOIN MiP &gt;</a></p></div>
<div class="footerBox"><h3>FDA Portfolio</h3>
<p>Membership opens the benefits of our sister union too: discounts, legal cover and money advice, found through the members' area.</p></div>
<div class="footerBox"><h3>Employment rights</h3>
<p>Guides and briefings on the questions managers bring us most: contracts, restructures, pay and pensions.</p>
<p><a href="/home/EmploymentRights.aspx">Find out more &gt;</a></p></div>
</div>
<div id="siteFooter"><p>{copyright}</p></div>"""
FOOTER_VARIANTS = (
    {"join": "We are the union for senior managers in health and care: advice when work goes wrong, representation "
             "when it matters, and a magazine four times a year.",
     "copyright": "&copy; Managers in Partnership 2016"},
    {"join": "Senior managers in health and care join us for expert employment advice, representation and "
             "networks of their peers, with our quarterly magazine included.",
     "copyright": "&copy; Managers in Partnership 2017. All rights reserved."},
)


def article_path(article: ReplicaArticle) -> str:
    return ARTICLE_PATH.format(id=article.legacy_id)


def listing_path(section: str, page: int) -> str:
    """Page ``page`` of a section listing (``news``, ``magazine``) or of the mixed one (``mixed``)."""
    spec = _spec(section)
    return spec.path if page == 1 else f"{spec.path}?{spec.page_param}={page}"


def printed_date(day: dt.date) -> str:
    return day.strftime(PRINTED_DATE)


def shows_date(article: ReplicaArticle) -> bool:
    """Some article pages printed no date (the listing did): one in five, chosen by id."""
    return article.legacy_id is None or article.legacy_id % 5 != 0


def render_article(article: ReplicaArticle, *, footer_variant: int = 0, charset: str | None = "utf-8",
                   path: str | None = None) -> str:
    """An article page; ``path`` serves it at another address (a 2018 path still showing this design)."""
    main = ARTICLE.format(
        section_heading=LISTINGS[article.section].heading, title=escape(article.title, quote=False),
        date=DATE_LINE.format(date=printed_date(article.date)) if shows_date(article) else "",
        byline=BYLINE.format(author=escape(article.author)) if article.author else "",
        standfirst=escape(article.standfirst, quote=False),
        images="".join(IMAGE.format(file=f, alt=escape(c)) for f, c in article.images[:1]),
        paragraphs="\n".join(f"<p>{escape(p, quote=False)}</p>" for p in article.paragraphs),
        back=LISTINGS[article.section].path,
    )
    return _page(main, f"{article.title} | MiP", path or article_path(article), footer_variant, charset,
                 article.post_id)


def render_listing(articles: list[ReplicaArticle], section: str, page: int, pages: int, *,
                   footer_variant: int = 0) -> str:
    """One page of a listing: ``articles`` are that page's items, newest first."""
    spec = LISTINGS[section]
    items = "\n".join(_listing_item(a) for a in articles)
    main = LISTING.format(heading=spec.heading, digit=spec.page_param[4], items=items, pager=_pager(spec, page, pages))
    return _page(main, f"{spec.heading} | MiP", listing_path(section, page), footer_variant, "utf-8", page)


def render_mixed_listing(articles: list[ReplicaArticle], page: int, pages: int, *, footer_variant: int = 0) -> str:
    """One page of ``/News/HomepageNewsItems.aspx``: both sections, each item labelled before its date."""
    items = "\n".join(_mixed_item(a) for a in articles)
    main = MIXED_LISTING.format(heading=MIXED.heading, digit=MIXED.page_param[4], items=items,
                                pager=_pager(MIXED, page, pages))
    return _page(main, f"{MIXED.heading} | MiP", listing_path(MIXED.section, page), footer_variant, "utf-8", 200 + page)


def render_home(articles: list[ReplicaArticle], *, footer_variant: int = 0) -> str:
    """The home page: ``articles`` (the latest of both sections, newest first) as labelled items."""
    main = HOME.format(items="\n".join(_mixed_item(a) for a in articles), more=MIXED.path)
    return _page(main, "Managers in Partnership | MiP", HOME_PATH, footer_variant, "utf-8", 100 + len(articles))


def label(article: ReplicaArticle) -> str:
    """``NEWS``, ``MEDIA CENTRE`` or ``MiP BLOG``: what a mixed listing prints before the item's date."""
    return LABEL_BY_SECTION.get(article.section) or LABEL_BY_KIND.get(article.kind) or DEFAULT_LABEL


def render_not_found(*, footer_variant: int = 0) -> str:
    return _page(NOT_FOUND, "Page not found | MiP", NOT_FOUND_PATH, footer_variant, "utf-8", 404)


def paginate(articles: list[ReplicaArticle], per_page: int = PER_PAGE) -> list[list[ReplicaArticle]]:
    """A listing's pages: newest first, ``per_page`` items each."""
    ordered = sorted(articles, key=lambda a: (a.date, a.post_id), reverse=True)
    return [ordered[i:i + per_page] for i in range(0, len(ordered), per_page)] or [[]]


def _listing_item(article: ReplicaArticle) -> str:
    image = "".join(LISTING_IMAGE.format(file=f, alt=escape(c)) for f, c in article.images[:1])
    first = article.paragraphs[0] if article.paragraphs else ""
    return LISTING_ITEM.format(date=printed_date(article.date), image=image, href=article_path(article),
                               title=escape(article.title, quote=False),
                               standfirst=escape(article.standfirst, quote=False), summary=escape(first, quote=False))


def _mixed_item(article: ReplicaArticle) -> str:
    image = "".join(MIXED_IMAGE.format(file=f, alt=escape(c)) for f, c in article.images[:1])
    return MIXED_ITEM.format(label=label(article), date=printed_date(article.date), image=image,
                             href=article_path(article), title=escape(article.title, quote=False),
                             standfirst=escape(article.standfirst, quote=False))


def _spec(section: str) -> ListingSpec:
    return MIXED if section == MIXED.section else LISTINGS[section]


def _pager(spec: ListingSpec, page: int, pages: int) -> str:
    links = []
    for number in range(1, pages + 1):
        if number == page:
            links.append(f"<span class=\"current\">{number}</span>")
        else:
            links.append(f'<a href="{listing_path(spec.section, number)}">{number}</a>')
    if page < pages:
        links.append(f'<a href="{listing_path(spec.section, page + 1)}">Next</a>')
    return "&nbsp;&nbsp;".join(links)


def _page(main: str, head_title: str, action: str, footer_variant: int, charset: str | None, salt: int) -> str:
    declared = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n' if charset else ""
    footer = FOOTER.format(**FOOTER_VARIANTS[footer_variant % len(FOOTER_VARIANTS)])
    return PAGE.format(charset=declared, head_title=escape(head_title, quote=False), action=escape(action),
                       viewstate=f"{salt * 7919 % 1000003:07d}", main=main, footer=footer)
