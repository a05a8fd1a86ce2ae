"""Markup of today's site, as a typical WordPress theme with Yoast SEO renders it. ``string.Template`` constants only.

``$base`` is the replica server's own base URL (no trailing slash). Values are HTML-escaped by ``wordpress.py``
before they are substituted, except the ``*_html`` fragments it builds from these same templates.
"""

from string import Template

SITE_NAME = "Managers in Partnership"
COPYRIGHT_YEAR = 2026

PAGE = Template("""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
$seo_html
<link rel="alternate" type="application/rss+xml" title="Managers in Partnership &raquo; Feed" href="$base/feed/">
<link rel="https://api.w.org/" href="$base/wp-json/">
$links_html
<link rel="stylesheet" id="mip-theme-style-css" href="$base/wp-content/themes/mip/style.css?ver=2.4.1" media="all">
<meta name="generator" content="WordPress 6.6.2">
</head>
<body class="$body_class">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">This website uses cookies so that we can give you the best experience. By carrying on you agree to their use.</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button">Accept</a><a href="$base/privacy-policy/" target="_blank" id="cn-more-info" class="cn-more-info cn-button">Privacy policy</a></span></div></div>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="$base/" rel="home">Managers in Partnership</a></p><p class="site-description">The union for senior health and care managers</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Primary menu"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<ul id="primary-menu" class="menu">
<li id="menu-item-11" class="menu-item menu-item-type-custom"><a href="$base/">Home</a></li>
<li id="menu-item-12" class="menu-item menu-item-type-post_type"><a href="$base/about-us/">About us</a></li>
<li id="menu-item-13" class="menu-item menu-item-type-taxonomy$news_current"><a href="$base/news/">News</a></li>
<li id="menu-item-14" class="menu-item menu-item-type-taxonomy$magazine_current"><a href="$base/magazine/">Healthcare Manager</a></li>
<li id="menu-item-15" class="menu-item menu-item-type-post_type"><a href="$base/advice-support/">Advice &amp; support</a></li>
<li id="menu-item-16" class="menu-item menu-item-type-post_type"><a href="$base/join/">Join MiP</a></li>
</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
$main_html
</main></div>
$sidebar_html
</div><!-- #content -->
<footer id="colophon" class="site-footer">
<div class="footer-join"><h2 class="footer-join-title">Join MiP</h2><p>Membership gives you expert advice, representation at work and a voice in national pay talks.</p><p><a class="button" href="$base/join/">Join MiP today</a></p></div>
<div class="site-info">Copyright &copy; $year Managers in Partnership. All rights reserved. <a href="$base/privacy-policy/">Privacy policy</a></div>
</footer>
</div><!-- #page -->
<script src="$base/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script src="$base/wp-content/themes/mip/js/navigation.js?ver=2.4.1" id="mip-theme-navigation-js"></script>
</body>
</html>
""")

SIDEBAR = Template("""<aside id="secondary" class="widget-area">
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
$recent_html
</ul></section>
<section id="custom_html-3" class="widget_text widget widget_custom_html"><h2 class="widget-title">Join MiP</h2><div class="textwidget custom-html-widget"><p>Senior managers need a union that understands their job.</p><p><a class="button" href="$base/join/">Find out more</a></p></div></section>
</aside>""")
RECENT_ITEM = Template('<li><a href="$url">$title</a></li>')

ARTICLE_SEO = Template("""<meta name="description" content="$description">
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">
<link rel="canonical" href="$url">
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="$title">
<meta property="og:description" content="$description">
<meta property="og:url" content="$url">
<meta property="og:site_name" content="Managers in Partnership">
<meta property="article:published_time" content="$published">
<meta property="article:modified_time" content="$modified">
<meta property="article:section" content="$category">
$tag_meta_html
<meta name="twitter:card" content="summary_large_image">
$author_meta_html$jsonld_html""")
TAG_META = Template('<meta property="article:tag" content="$tag">')
AUTHOR_META = Template('<meta name="author" content="$author">\n')
JSONLD = Template('<script type="application/ld+json" class="yoast-schema-graph">$json</script>')
ARTICLE_LINKS = Template("""<link rel="alternate" type="application/rss+xml" title="Managers in Partnership &raquo; Comments Feed" href="$base/comments/feed/">
<link rel="alternate" title="JSON" type="application/json" href="$base/wp-json/wp/v2/posts/$id">
<link rel="shortlink" href="$base/?p=$id">""")

ARTICLE_MAIN = Template("""<nav class="yoast-breadcrumbs" aria-label="Breadcrumb"><span><span><a href="$base/">Home</a></span> &gt; <span><a href="$base/news/">News</a></span> &gt; <span class="breadcrumb_last" aria-current="page">$title</span></span></nav>
<article id="post-$id" class="$classes">
<header class="entry-header">
<h1 class="entry-title">$title</h1>
<div class="entry-meta">$meta_html</div>
</header>
<div class="entry-content">
$content_html
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="$category_url" rel="category tag">$category</a></span>$tags_html</footer>
</article>
<section class="related-posts"><h2>Related News</h2>
<ul class="related-posts-list">
$related_html
</ul></section>""")
POSTED_ON = Template('<span class="posted-on">Posted on <time class="entry-date published" datetime="$published">$published_text</time><time class="updated" datetime="$modified">$modified_text</time></span>')
BYLINE = Template('<span class="byline"> By <span class="author vcard"><a class="url fn n" href="$base/author/$slug/">$author</a></span></span>')
STANDFIRST = Template('<p class="standfirst">$text</p>')
PARAGRAPH = Template("<p>$text</p>")
SUBHEADING = Template('<h2 class="wp-block-heading">$text</h2>')
FIGURE = Template('<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="$base/wp-content/uploads/$month/$file" alt="" class="wp-image-$media_id"><figcaption class="wp-element-caption">$caption</figcaption></figure>')
TAGS_LINKS = Template('<span class="tags-links">Tagged $links_html</span>')
TAG_LINK = Template('<a href="$base/tag/$slug/" rel="tag">$tag</a>')
RELATED_ITEM = Template('<li class="related-post"><a href="$url">$title</a><p class="related-summary">$summary</p></li>')

LISTING_MAIN = Template("""<header class="page-header"><h1 class="page-title">$heading</h1></header>
$items_html
<nav class="navigation pagination" aria-label="Posts pagination"><h2 class="screen-reader-text">Posts pagination</h2><div class="nav-links">$pages_html</div></nav>""")
LISTING_ITEM = Template("""<article id="post-$id" class="post-$id post type-post status-publish format-standard hentry category-$category_slug">
<header class="entry-header"><h2 class="entry-title"><a href="$url" rel="bookmark">$title</a></h2>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="$published">$published_text</time></span></div></header>
<div class="entry-summary"><p>$excerpt</p></div>
</article>""")
PAGE_LINK = Template('<a class="page-numbers" href="$url">$n</a>')
PAGE_CURRENT = Template('<span aria-current="page" class="page-numbers current">$n</span>')
PAGE_DOTS = '<span class="page-numbers dots">&hellip;</span>'
PAGE_PREV = Template('<a class="prev page-numbers" href="$url">Previous</a>')
PAGE_NEXT = Template('<a class="next page-numbers" href="$url">Next</a>')
REL_LINK = Template('<link rel="$rel" href="$url">')

HOME_MAIN = Template("""<section class="home-intro"><h1 class="page-title">Managers in Partnership</h1><p>The union for senior managers in health and care.</p></section>
<section class="home-latest home-news"><h2 class="section-title"><a href="$base/news/">Latest news</a></h2>
$news_html
</section>
<section class="home-latest home-magazine"><h2 class="section-title"><a href="$base/magazine/">Healthcare Manager</a></h2>
$magazine_html
</section>""")

NOT_FOUND_MAIN = """<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></header>
<div class="page-content"><p>Nothing was found at this address. Try the news pages or the search.</p></div></section>"""

FEED = Template("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
>
<channel>
\t<title>Managers in Partnership</title>
\t<atom:link href="$base/feed/" rel="self" type="application/rss+xml" />
\t<link>$base</link>
\t<description>The union for senior health and care managers</description>
\t<lastBuildDate>$build_date</lastBuildDate>
\t<language>en-GB</language>
\t<sy:updatePeriod>hourly</sy:updatePeriod>
\t<sy:updateFrequency>1</sy:updateFrequency>
\t<generator>https://wordpress.org/?v=6.6.2</generator>
$items_xml
</channel>
</rss>
""")
FEED_ITEM = Template("""\t<item>
\t\t<title>$title</title>
\t\t<link>$url</link>
\t\t<dc:creator><![CDATA[$creator]]></dc:creator>
\t\t<pubDate>$pub_date</pubDate>
\t\t<category><![CDATA[$category]]></category>
$tags_xml\t\t<guid isPermaLink="false">$base/?p=$id</guid>
\t\t<description><![CDATA[$description]]></description>
\t</item>""")
FEED_TAG = Template("\t\t<category><![CDATA[$tag]]></category>\n")

SITEMAP_INDEX = Template("""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="$base/wp-sitemap-index.xsl" ?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">$entries_xml</sitemapindex>
""")
SITEMAP_INDEX_ENTRY = Template("<sitemap><loc>$url</loc></sitemap>")
URLSET = Template("""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="$base/wp-sitemap.xsl" ?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">$entries_xml</urlset>
""")
URLSET_ENTRY = Template("<url><loc>$url</loc><lastmod>$lastmod</lastmod></url>")

ROBOTS = Template("""User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php

Sitemap: $base/wp-sitemap.xml
""")
