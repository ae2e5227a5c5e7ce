"""Cutting a field's original text out of a block (:mod:`arabic_extract.engine.cuts`)."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract.engine.cuts import EDGE_PUNCT, clean_edges


def test_edges_are_trimmed_and_balanced_closers_kept() -> None:
    assert clean_edges(" - المصدر: وكالة الأنباء (وام)") == "المصدر: وكالة الأنباء (وام)"
    assert clean_edges("جريدة «الشرق الأوسط» ") == "جريدة «الشرق الأوسط»"
    assert clean_edges("«الشرق الأوسط»") == "الشرق الأوسط"  # (its opener is trimmed too)
    assert clean_edges("الشرق الأوسط)") == "الشرق الأوسط"
    assert clean_edges("كتب محمد علي") == "كتب محمد علي"
    assert clean_edges("...") == ""


def test_no_letter_or_number_is_trimmed() -> None:
    # clean_edges returns a text that starts and ends with a letter or a number as it is:
    # exact, as no character the trimming pattern takes is one
    found = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if chr(code).isalnum() and EDGE_PUNCT.match(chr(code)) is not None
    ]
    assert found == []


PIECES = [" ", "-", ".", "(", ")", "«", "»", '"', "ب", "كلمة", "2024", "\u064e", "|", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_clean_edges_keeps_what_the_pattern_keeps(pieces: list[str]) -> None:
    text = "".join(pieces)
    got = clean_edges(text)
    # the result is the text without its edge marks, closers put back only when they balance
    assert got.startswith(EDGE_PUNCT.sub("", text)) or not got
    assert got == "" or got[0] not in " -.|\n("
