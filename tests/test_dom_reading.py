"""How the DOM walk reads an element's class and id (:mod:`arabic_extract.engine.html`): the
runs of letters it matches furniture words against, and what a class string says."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from arabic_extract.engine.html import (
    _NOISE_TOKEN_SET,
    HIDDEN_WORDS,
    NO_WORDS,
    _class_tokens,
    _noise_hits,
    drop_hidden,
    read_words,
)
from arabic_extract.rules.dom import CLASS_TOKEN

CLASS_CHARS = "abcxyz-_ 0129\t\n.:/أبé"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=CLASS_CHARS, max_size=60))
def test_class_tokens_are_the_runs_of_letters(lowered: str) -> None:
    assert _class_tokens(lowered) == re.findall(CLASS_TOKEN, lowered)


def test_what_a_class_string_says() -> None:
    assert read_words("post-body entry-content", noise_tokens=True).article
    assert read_words("d-none", noise_tokens=True) is HIDDEN_WORDS
    assert read_words("col-md-8 row", noise_tokens=True) is NO_WORDS
    shared = read_words("td-post-sharing", noise_tokens=True)
    assert shared.noise and not shared.article
    # a negated word says what is absent: "no-share" is no share bar
    assert read_words("no-share", noise_tokens=True) is NO_WORDS


_SOME_TOKENS = sorted(_NOISE_TOKEN_SET)[:20]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SOME_TOKENS), st.text(alphabet=CLASS_CHARS, max_size=10))
    ).map(" ".join)
)
def test_noise_tokens_found_in_bytes_are_those_of_the_runs_of_letters(value: str) -> None:
    lowered = value.lower()
    assert _noise_hits(lowered) == _NOISE_TOKEN_SET.intersection(_class_tokens(lowered))


_HIDING = (
    '<div hidden><span class="hide">a</span></div><p style="display: none" class="d-none">b</p>'
    '<b aria-hidden="true" class="invisible visually-hidden screen-reader-text hidden">c</b>'
    '<i style="visibility:hidden;display:none">d</i><i style="visibility: hidden">e</i>'
    '<q class="sr-only">f</q><q class="HIDDEN">g</q><u HIDDEN>h</u><s aria-hidden="TRUE">i</s>'
    '<em style="DISPLAY:NONE">j</em><span class="hidden"><span class="hide">k</span></span>'
    "<p>shown</p>"
)


def test_hidden_elements_are_dropped_outermost_first() -> None:
    """Nested hidden elements, and elements two selectors match: the outer one is removed,
    once, and nothing freed is read. As CSS
    says: attribute values are matched with their case (aria-hidden="TRUE", DISPLAY:NONE stay),
    class names too in standards mode (HIDDEN stays), not in quirks mode."""
    for page, shown in (
        (f"<!DOCTYPE html><body>{_HIDING}</body>", ["g", "i", "j", "shown"]),
        (f"<body>{_HIDING}</body>", ["i", "j", "shown"]),
    ):
        tree = LexborHTMLParser(page)
        assert tree.body is not None
        drop_hidden(tree.body)
        assert tree.body.text(deep=True, separator=" ").split() == shown
