"""Selectors and text patterns for today's WordPress site (a typical theme + Yoast SEO), as data.

Each tuple is a fallback chain of CSS selectors, tried in order; the first that matches wins. A redesign of the
site should mean editing this module, not the parser. Selectors are compiled once, at import, by the modules that
use them.
"""

from __future__ import annotations

# --- page kinds ----------------------------------------------------------------------------------------------

# WordPress is recognised by structure, never by URL alone (the 2018–2024 .aspx paths now serve other designs).
# Each an XPath boolean, cheapest first (the <head> is small; a class scan visits every element).
WORDPRESS_MARKERS = (
    "boolean(/html/head/link[contains(@href, '/wp-content/') or contains(@href, '/wp-json')"
    " or @rel='https://api.w.org/'])",
    "boolean(/html/head/meta[@name='generator'][starts-with(@content, 'WordPress')])",
    "boolean(//script[contains(@src, '/wp-content/') or contains(@src, '/wp-includes/')])",
    "boolean(/html/body[contains(concat(' ', normalize-space(@class), ' '), ' single-post ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' wp-theme-')])",
    "boolean(//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')])",
)
NOT_FOUND_BODY_CLASSES = frozenset({"error404"})
NOT_FOUND_SELECTORS = ("section.error-404", ".error-404", "#error-404")
LISTING_BODY_CLASSES = frozenset({"archive", "blog", "category", "tag", "search", "search-results", "paged",
                                  "post-type-archive", "author", "date"})
ARTICLE_BODY_CLASSES = frozenset({"single", "single-post", "page-template", "page"})
ARTICLE_ELEMENTS = "main article, #main article, #content article, body > article"

# --- article fields ------------------------------------------------------------------------------------------

CONTENT = ("div.entry-content", ".entry-content", "article .post-content", "article .article-content",
           "[itemprop=articleBody]")
TITLE = ("h1.entry-title", "article h1", "main h1")
PUBLISHED_TIME = ("time.entry-date.published[datetime]", "time.published[datetime]",
                  "time[itemprop=datePublished][datetime]", ".entry-meta time.entry-date[datetime]",
                  ".entry-meta time[datetime]")
MODIFIED_TIME = ("time.updated[datetime]", "time[itemprop=dateModified][datetime]")
PRINTED_DATE_AREAS = (".entry-meta", ".posted-on", ".entry-header .date", ".post-date", ".entry-date")
BYLINE = (".byline .author a", ".byline .author .fn", ".byline .author", ".author.vcard .fn", "a[rel~=author]",
          ".byline")
STANDFIRST = ("p.standfirst", ".standfirst", "p.lead", "p.intro", "p.has-large-font-size")
CATEGORY_LINKS = (".cat-links a", "a[rel~=category]")
TAG_LINKS = (".tags-links a", "a[rel=tag]")
RELATED_BLOCKS = ("section.related-posts", ".related-posts", ".jp-relatedposts", ".yarpp-related",
                  ".related-stories", ".related-news")
RELATED_HEADINGS = (r"^related (news|stories|articles|posts|content)\b", r"^(more|latest) news$")
CAPTIONS = ("figcaption", ".wp-caption-text")

# Removed from the content node (text and HTML) before anything is read from it.
BOILERPLATE_IN_CONTENT = (
    "script", "style", "noscript", "form", "iframe", "aside", "template", "button",
    ".sharedaddy", ".share", ".share-buttons", ".social-share", ".social-links", ".addtoany_share_save_container",
    ".a2a_kit", ".jp-relatedposts", ".related-posts", ".yarpp-related", ".related-stories", ".related-news",
    ".cookie-notice", "#cookie-notice", ".cookie-banner", ".cookie-law-info-bar", ".join-mip", ".join-cta",
    ".membership-cta", ".widget", ".screen-reader-text", ".post-navigation", ".nav-links", ".entry-footer",
    ".wp-block-buttons",
)
# Kept in body_html but not read as body text (captions go to image_captions).
NON_TEXT_IN_CONTENT = ("figure", ".wp-caption", ".gallery")

# Blocks whose heading matches one of these are boilerplate: the block (or, when the heading sits directly in the
# content, the heading and everything after it) is dropped. Case-insensitive regular expressions.
BOILERPLATE_HEADINGS = (
    r"^related (news|stories|articles|posts|content)\b",
    r"^(more|latest) news$",
    r"^join mip\b",
    r"^(reasons to )?join (the union|us)\b",
    r"^share (this|on)\b",
    r"^you (may|might) also like\b",
)
# Paragraphs that are boilerplate wherever they appear. Case-insensitive regular expressions.
BOILERPLATE_LINES = (
    r"^(photo|photograph|image|picture|main image)s?( credits?)?\s*[:：]",
    r"^(photo|image|picture) (credit|courtesy)\b",
    r"^\W*(credit|©)\s*[:：]?\s*(shutterstock|alamy|getty|istock|pa images)",
    r"^share (this|on)\b",
    r"^reasons to join mip\b",
    r"^(this (site|website)|we) uses? cookies\b",
    r"^(read|find out) more\s*[>›»]?$",
    r"^back to (news|top)\b",
)
TEMPLATE_SLIP = r"\{[a-z][a-z0-9 _-]{0,30}\}"  # a literal "{boxout head}" left by the site's templates
BYLINE_LINE = r"^by\s+([A-Z][\w’'.\-]+(?:\s+(?:[A-Z][\w’'.\-]+|de|van|von|da|di|le)){0,4})\s*$"
BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})

# A date as the site prints it: "4 March 2019", "Thursday 04 October 2018", "Fri 31 Mar 2017", "31/03/2017".
PRINTED_DATE = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*,?\s+\d{4}"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b"
)

# --- names and sections --------------------------------------------------------------------------------------

# Author names that are the site itself or an account, not a person: the article then has no author.
SITE_AUTHORS = frozenset({"managers in partnership", "mip", "mip admin", "mip health", "miphealth", "admin",
                          "administrator", "webmaster", "editor", "mip staff", "mip team", "mip communications"})

# What the site calls a section or category → the archive's section. Keys are lower-case; category slugs from
# class names ("category-healthcare-manager") are looked up with hyphens turned into spaces.
SECTION_MAP = {
    "news": "news",
    "latest news": "news",
    "press releases": "news",
    "press release": "news",
    "statements": "news",
    "statement": "news",
    "media centre": "news",
    "news & campaigns": "news",
    "news and campaigns": "news",
    "campaigns": "news",
    "healthcare manager": "magazine",
    "magazine": "magazine",
    "features": "magazine",
    "feature": "magazine",
    "interviews": "magazine",
    "interview": "magazine",
    "columns": "magazine",
    "mip blog": "magazine",
    "blog": "magazine",
}
CATEGORY_CLASS_PREFIX = "category-"

# --- listings (archive, category, blog and search pages) -----------------------------------------------------

LISTING_ITEMS = ("article.post", "article.type-post", "article.hentry", "main article", ".post-list .post")
LISTING_TITLE_LINK = (".entry-title a[href]", "h2 a[href]", "h3 a[href]", "a[rel=bookmark][href]")
LISTING_DATE_ATTR = (("time[datetime]", "datetime"),)
LISTING_DATE_TEXT = ("time", ".entry-date", ".posted-on", ".entry-meta", ".date")
LISTING_SUMMARY = (".entry-summary", ".entry-content", ".excerpt", "p")
LISTING_SUMMARY_NOISE = (".more-link", ".read-more", ".screen-reader-text", ".entry-meta")
# Items inside these areas are not the listing's: sidebars, footers, navigation, related blocks.
LISTING_EXCLUDED_AREAS = ("aside", "footer", "nav", ".widget",
                          "#secondary", ".sidebar", ".related-posts", ".widget-area")
NEXT_PAGE_LINKS = ("link[rel=next][href]", "a.next.page-numbers[href]", "a[rel=next][href]",
                   ".nav-previous a[href]", ".pagination a.next[href]")
NEXT_PAGE_TEXT = r"^(?:[«←]\s*)?(?:next(?: page)?|older (?:posts|entries))(?:\s*[»›→>])?$|^[»›]$"
