"""Sanitising body HTML: only the allowed tags and attributes survive; nothing executable or embedded."""

import pytest

from mip_archive.sanitise import sanitise_html


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ('<p class="lead" style="color:red" onclick="steal()">Hello</p>', "<p>Hello</p>"),
        ("<p>Hi</p><script>alert(1)</script><style>p{}</style>", "<p>Hi</p>"),
        ('<p><a href="javascript:alert(1)">bad</a></p>', "<p><a>bad</a></p>"),
        ('<p><a href="data:text/html,x">data</a> <a href="mailto:a@b.c">mail</a></p>', "<p><a>data</a> <a>mail</a></p>"),
        ('<p><a href="/news/x" target="_blank" rel="nofollow" class="c">ok</a></p>', '<p><a href="/news/x">ok</a></p>'),
        ('<p><a href="https://example.org/a?b=1">ok</a></p>', '<p><a href="https://example.org/a?b=1">ok</a></p>'),
        ('<iframe src="https://video.example/embed"></iframe><p>after</p>', "<p>after</p>"),
        ('<object data="x.swf"><embed src="x.swf"></object><p>t</p>', "<p>t</p>"),
        ('<form action="/join"><input name="email"><button>Go</button></form><p>t</p>', "<p>t</p>"),
        ('<figure class="wp-block-image"><img src="https://x.org/a.jpg" srcset="a 1x, b 2x" sizes="100vw" '
         'loading="lazy" data-lazy-src="a.jpg" width="10" alt="A board"><figcaption class="c">Cap</figcaption>'
         "</figure>",
         '<figure><img src="https://x.org/a.jpg" alt="A board"><figcaption>Cap</figcaption></figure>'),
        ('<img src="javascript:alert(1)" alt="x">', '<img alt="x">'),
        ("<h1>Top</h1><h3>Sub</h3><h6>Low</h6>", "<h2>Top</h2><h3>Sub</h3><h4>Low</h4>"),
        ("<div><span>kept</span> text</div><table><tr><td>one</td><td>two</td></tr></table>", "kept text one two"),
        ("<ul><li><strong>b</strong> <em>i</em></li></ul><blockquote><p>q</p></blockquote><p>a<br>b</p>",
         "<ul><li><strong>b</strong> <em>i</em></li></ul><blockquote><p>q</p></blockquote><p>a<br>b</p>"),
        ("<!-- a comment --><p>t</p>", "<p>t</p>"),
        ("plain &amp; text", "plain &amp; text"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_sanitise_html(fragment, expected):
    assert sanitise_html(fragment) == expected


def test_relative_links_and_images_become_absolute_with_a_base_url():
    fragment = '<p><a href="/news/x">x</a></p><img src="../uploads/a.jpg" alt="">'
    assert sanitise_html(fragment, base_url="https://www.miphealth.org.uk/news/story/") == (
        '<p><a href="https://www.miphealth.org.uk/news/x">x</a></p>'
        '<img src="https://www.miphealth.org.uk/news/uploads/a.jpg" alt="">'
    )


def test_a_link_with_a_control_character_is_dropped_not_a_crash():
    from mip_archive.sanitise import sanitise_html

    html = sanitise_html('<p><a href="/news/pay\x01award/">the award</a> was late</p>', base_url="https://www.miphealth.org.uk/")
    assert "the award" in html and "was late" in html
    assert "\x01" not in html
