"""An article's body as a reader's browser gets it: sanitised again, and with no request to another site.

The store keeps sanitised HTML, but the page does not trust that: the fragment goes through
:func:`mip_archive.sanitise.sanitise_html` once more, and every ``<img>`` becomes a plain link to the picture
(labelled with its alt text), so opening an archived article loads nothing from the union's site or anyone else's.
"""

from __future__ import annotations

import lxml.html
from lxml import etree
from markupsafe import Markup

from mip_archive.sanitise import sanitise_html
from mip_archive.web.cells import safe_href


def reader_html(body_html: str | None, *, base_url: str | None = None) -> Markup:
    """Safe HTML for the article page; empty when there is no body HTML."""
    clean = sanitise_html(body_html or "", base_url=base_url)
    if "<img" not in clean:
        return Markup(clean)
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    for image in list(root.iter("img")):
        _image_to_link(image)
    inner = (root.text or "").replace("&", "&amp;").replace("<", "&lt;")
    return Markup(inner + "".join(etree.tostring(child, encoding="unicode", method="html") for child in root))


def _image_to_link(image: lxml.html.HtmlElement) -> None:
    label = "Picture" + (f": {image.get('alt').strip()}" if (image.get("alt") or "").strip() else "")
    href = safe_href(image.get("src"))
    replacement = lxml.html.Element("a", {"href": href, "class": "mip-image", "rel": "nofollow"}) if href \
        else lxml.html.Element("span", {"class": "mip-image"})
    replacement.text = label
    replacement.tail = image.tail
    image.getparent().replace(image, replacement)
