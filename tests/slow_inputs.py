"""Inputs aimed at slowness, for ``fuzz/fuzz_time.py`` (a timed search) and
``tests/test_fuzz_time.py`` (a bounded run that checks growth, not time).

A recipe is a piece repeated to a size — made of the rule families' own phrases, the words and
marks of every pattern of the package (see ``tests/linear_patterns.py``), separators and digits —
with something before and after it, put somewhere in a page: a line of text, an HTML element
(p, h1, li, a, title), a keyword list (meta keywords, article:tag, JSON-LD), an attribute value
or an element's attribute list. :func:`build` makes the page of a recipe at any size, so the same
recipe can be timed at two sizes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from hostile_cases import HEADLINE, PARAGRAPHS, article_html
from hypothesis import strategies as st
from linear_patterns import package_patterns, source_literals

from arabic_extract.rules import Family
from arabic_extract.rules.attribution import (
    AGENCIES,
    BYLINE,
    DATELINE,
    LEAD_ATTRIBUTION,
    NAME_TRAILERS,
    OUTLET_WORDS,
    SOURCE_LINE,
)
from arabic_extract.rules.dates import DATE_WORDS, ISSUE_LINK, MONTH_SERIES, WEEKDAYS
from arabic_extract.rules.noise import NOISE_FAMILIES

FAMILIES: tuple[Family, ...] = (
    *NOISE_FAMILIES,
    *(SOURCE_LINE, BYLINE, OUTLET_WORDS, AGENCIES, LEAD_ATTRIBUTION, NAME_TRAILERS, DATELINE),
    *(WEEKDAYS, DATE_WORDS, ISSUE_LINK),
)
SEPARATORS = (" ", "  ", "-", ".", ",", ":", "/", "|", "،", "\n", "_", "(", ")", "«", "»", "©")
SEPARATORS += ("°", "=", '"', "'", "<", ">", "&", "#", "*", "؛", "\t")
DIGITS = ("1", "12", "2024", "1.1", "3:20", "٣", "1,5")
MAX_SIZE = 64_000


@cache
def vocabulary() -> tuple[str, ...]:
    """The families' phrases and examples, month names, and every pattern's words and marks."""
    words: list[str] = []
    for family in FAMILIES:
        words += [*family.phrases, *family.examples, *family.anchors]
        for pattern in family.patterns:
            words += [*source_literals(pattern)[0]]
    words += [name for series in MONTH_SERIES for month in series.months for name in month]
    for named in package_patterns():
        source = named.pattern.pattern
        text = source.decode("latin-1") if isinstance(source, bytes) else source
        found, marks = source_literals(text)
        words += [*found, *marks]
    return tuple(sorted({w for w in words if w and len(w) <= 40}))


@dataclass(frozen=True)
class Recipe:
    """A piece repeated to ``size`` bytes between a head and a tail, put in a page by
    ``place``."""

    piece: str
    head: str
    tail: str
    place: str
    size: int

    def describe(self) -> str:
        return f"{self.place}: {self.head!r} + {self.piece!r} * n + {self.tail!r} ({self.size})"


def _keywords_page(value: str, key: str) -> str:
    if key == "JSON-LD":
        data = json.dumps({"@type": "NewsArticle", "headline": HEADLINE, "keywords": value})
        return article_html(head=f'<script type="application/ld+json">{data}</script>')
    attribute = "property" if key == "article:tag" else "name"
    escaped = value.replace('"', "&quot;")
    return article_html(head=f'<meta {attribute}="{key}" content="{escaped}">')


PLACES = {
    "text line": lambda body: f"{HEADLINE}\n{body}\n" + "\n".join(PARAGRAPHS) + "\n",
    "first line": lambda body: f"{body}\n{HEADLINE}\n" + "\n".join(PARAGRAPHS) + "\n",
    "<p>": lambda body: article_html(body_extra=f"<p>{body}</p>"),
    "<h1>": lambda body: article_html(body_extra=f"<h1>{body}</h1>"),
    "<li>": lambda body: article_html(body_extra=f"<ul><li>{body}</li></ul>"),
    "<a>": lambda body: article_html(body_extra=f'<p><a href="/x">{body}</a></p>'),
    "<title>": lambda body: article_html(head=f"<title>{body}</title>"),
    "meta keywords": lambda body: _keywords_page(body, "keywords"),
    "article:tag": lambda body: _keywords_page(body, "article:tag"),
    "JSON-LD keywords": lambda body: _keywords_page(body, "JSON-LD"),
    "attribute value": lambda body: article_html(
        body_extra=f'<div class="{body}"><p>{PARAGRAPHS[1]}</p></div>'
    ),
    "attribute list": lambda body: article_html(body_extra=f"<div {body}><p>x</p></div>"),
}


def build(recipe: Recipe, size: int | None = None) -> str:
    """The page of ``recipe`` with its piece repeated to about ``size`` bytes (UTF-8)."""
    total = recipe.size if size is None else size
    count = max(1, total // max(1, len(recipe.piece.encode("utf-8"))))
    return PLACES[recipe.place](recipe.head + recipe.piece * count + recipe.tail)


@st.composite
def recipes(draw: st.DrawFn, max_size: int = MAX_SIZE) -> Recipe:
    """Recipes: pieces of one to four bits (words of the vocabulary, separators, digits)."""
    bit = st.one_of(
        st.sampled_from(vocabulary()), st.sampled_from(SEPARATORS), st.sampled_from(DIGITS)
    )
    piece = "".join(draw(st.lists(bit, min_size=1, max_size=4)))
    head = draw(st.one_of(st.just(""), bit))
    tail = draw(st.one_of(st.just(""), st.just("بxz!"), bit))
    place = draw(st.sampled_from(sorted(PLACES)))
    size = draw(st.integers(min_value=1000, max_value=max_size))
    return Recipe(piece, head, tail, place, size)
