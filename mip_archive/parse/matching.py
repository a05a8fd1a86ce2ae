"""Fast element matching for the parsers: CSS selectors that skip subtrees lacking the classes and ids they need,
and unions of simple selectors matched in one pass over class and id values (no per-element Python callbacks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

_CLASS_AND_ID = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id", smart_strings=False)
_CLASS_AND_ID_VALUES = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")  # with .getparent()
_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class")
_CLASS = etree.XPath("descendant-or-self::*/@class", smart_strings=False)
_NTH_CLASS_OWNER = etree.XPath("(descendant-or-self::*/@class)[$n]/..")
_NTH_CLASS_OR_ID_OWNER = etree.XPath("(descendant-or-self::*/@class | descendant-or-self::*/@id)[$n]/..")
FEW_HITS = 4  # more values naming a wanted class than this: fetch every value with its element in one XPath run


class GatedSelector(CSSSelector):
    """A CSS selector that knows the class names and ids an element must carry for it to match (its ``needles``).

    A chain of selectors that misses (a page without a byline, say) then costs one look at the subtree's class and
    id attributes instead of one XPath run per selector.
    """

    def __init__(self, css: str):
        super().__init__(css, translator="html")
        self.needles = _needles(css)
        self.nested = " " in css.strip()  # a descendant combinator: an XPath costly enough to check before running

    def may_match(self, census: str) -> bool:
        return all(needle in census for needle in self.needles)


def _needles(css: str) -> tuple[str, ...]:
    """Class names and ids the selector requires; none when a pseudo-class (``:not(.x)``...) could negate one."""
    if ":" in css or "," in css:
        return ()
    outside_brackets = re.sub(r"\[[^\]]*\]", " ", css)
    return tuple(re.findall(r"[.#]([-\w]+)", outside_brackets))


def css(selectors: Iterable[str]) -> tuple[GatedSelector, ...]:
    """Compile a chain of CSS selectors (do it once, at import)."""
    return tuple(GatedSelector(s) for s in selectors)


def first_match(node: HtmlElement, chain: tuple[CSSSelector, ...]) -> HtmlElement | None:
    """The first element the first matching selector finds. After a miss (or before a nested selector), selectors
    whose class names or ids are nowhere in the subtree are skipped without running them."""
    census = None
    for index, selector in enumerate(chain):
        if (index or getattr(selector, "nested", False)) and getattr(selector, "needles", None):
            census = " ".join(_CLASS_AND_ID(node)) if census is None else census
            if not selector.may_match(census):
                continue
        found = selector(node)
        if found:
            return found[0]
    return None


def css_any(selectors: Iterable[str]) -> Callable[[HtmlElement], list[HtmlElement]]:
    """One selector matching what any of ``selectors`` matches (one pass over the tree, document order).

    A union of simple selectors (``tag``, ``.class``, ``#id`` and their compounds) is matched by
    :class:`SimpleUnion`, several times faster than the XPath a ``CSSSelector`` runs; anything else stays CSS.
    """
    selectors = tuple(selectors)
    return SimpleUnion.compile(selectors) or CSSSelector(", ".join(selectors), translator="html")


_SIMPLE_SELECTOR = re.compile(r"([a-z][a-z0-9]*)?((?:[.#][A-Za-z_][-\w]*)*)")
_XML_SPACE = str.maketrans("\t\n\r", "   ")  # what XPath's normalize-space() splits class names on


@dataclass(frozen=True)
class SimpleUnion:
    """Simple selectors (tag, classes, id) matched over a subtree (self included), in document order.

    Bare tags are found by libxml2 (``iter``); for the compounds, the subtree's class and id values are read once as
    plain strings and only the elements whose values name a wanted class or id are fetched and tested exactly.
    """

    tags: frozenset[str]  # selectors that are a bare tag name
    compounds: tuple[tuple[str | None, frozenset[str], str | None], ...]  # (tag, classes, id) of the others
    class_names: frozenset[str]  # every class the compounds name: a cheap first test
    ids: frozenset[str]
    names: tuple[str, ...]  # every class name and id the compounds name

    @classmethod
    def compile(cls, selectors: tuple[str, ...]) -> "SimpleUnion | None":
        """The union, or ``None`` when a selector is not simple (combinators, attributes, pseudo-classes)."""
        tags, compounds = set(), []
        for selector in selectors:
            match = _SIMPLE_SELECTOR.fullmatch(selector.strip())
            if not match or not selector.strip():
                return None
            tag, rest = match.group(1), match.group(2)
            names = frozenset(re.findall(r"\.([-\w]+)", rest))
            ids = re.findall(r"#([-\w]+)", rest)
            if len(ids) > 1:
                return None
            if not rest:
                tags.add(tag)
            else:
                compounds.append((tag, names, ids[0] if ids else None))
        return cls(frozenset(tags), tuple(compounds), frozenset().union(*(c[1] for c in compounds)),
                   frozenset(c[2] for c in compounds if c[2]),
                   tuple(sorted({name for _, classes, ident in compounds for name in (*classes, ident) if name})))

    def __call__(self, node: HtmlElement) -> list[HtmlElement]:
        tagged = list(node.iter(*self.tags)) if self.tags else []  # tag names are matched by libxml2
        if not self.compounds:
            return tagged
        found = self._compound_matches(node)
        if not tagged or not found:
            return tagged or found
        both = set(tagged).union(found)
        return [element for element in node.iter(etree.Element) if element in both]

    def _compound_matches(self, node: HtmlElement) -> list[HtmlElement]:
        """Elements the compounds match. The class and id values are read as plain strings (cheap); a value holding
        a wanted name (a loose substring test) has its element fetched by position, or all values carry their
        elements when there are many such hits."""
        values = (_CLASS_AND_ID if self.ids else _CLASS)(node)
        joined = " ".join(values)
        present = [name for name in self.names if name in joined]
        hits = sorted({index for name in present for index, value in enumerate(values)
                       if name in value and name in value.translate(_XML_SPACE).split(" ")})
        if len(hits) > FEW_HITS:
            elements = [value.getparent() for value in (_CLASS_AND_ID_VALUES if self.ids else _CLASS_VALUES)(node)]
            candidates = [elements[index] for index in hits]
        else:
            nth = _NTH_CLASS_OR_ID_OWNER if self.ids else _NTH_CLASS_OWNER
            candidates = [nth(node, n=index + 1)[0] for index in hits]
        found = []
        for element in candidates:  # in document order; an element holding two hits (class and id) comes twice
            if (not found or element is not found[-1]) and self.matches(element):
                found.append(element)
        return found

    def matches(self, element: HtmlElement) -> bool:
        """The exact test, with class names split as XPath's ``normalize-space()`` splits them."""
        if element.tag in self.tags:
            return True
        names = frozenset((element.get("class") or "").translate(_XML_SPACE).split(" "))
        ident = element.get("id")
        return any((tag is None or element.tag == tag) and classes <= names and (wanted is None or ident == wanted)
                   for tag, classes, wanted in self.compounds)


def all_matches(node: HtmlElement, selector: CSSSelector) -> list[HtmlElement]:
    """Every element the (union) selector matches, in document order."""
    return selector(node)
