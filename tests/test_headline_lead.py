"""The headline's lead words: fields.lead_words_asked keeps of the lead's bare words those that
the asked lines' words can be, and lead_overlap reads the same from it as from lead_words; the
check before the headline's glued-scripts pattern is implied by it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract.engine import fields
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.fields import lead_words_asked
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.words import lead_overlap, lead_words

# Words with and without clitics and the article, short words, digits and marks between them.
_PIECES = [
    "الصواريخ",
    "للصواريخ",
    "صواريخ",
    "وصواريخ",
    "بالصواريخ",
    "الحكومه",
    "حكومه",
    "وزير",
    "والوزير",
    "في",
    "من",
    "ال",
    "لل",
    "2024",
    "غزه",
    "وغزه",
    "كتب",
    "المدينه",
]
_SEPARATORS = [" ", "، ", ". ", " - ", ": "]


def _text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_PIECES), max_size=12))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


@st.composite
def _blocks(draw: st.DrawFn, most: int) -> list[Block]:
    count = draw(st.integers(0, most))
    texts = [_text(draw) for _ in range(count)]
    return [Block(i, t, normalize(t), False) for i, t in enumerate(texts)]


@settings(max_examples=1500, deadline=None)
@given(_blocks(3), _blocks(4))
def test_the_asked_lead_words_give_the_same_overlap(lead: list[Block], asked: list[Block]) -> None:
    full = lead_words(lead)
    kept, has_words = lead_words_asked(lead, asked)
    assert has_words is bool(full)
    assert kept <= full
    for block in asked:
        assert lead_overlap(block, kept) == lead_overlap(block, full)


_GLUE_PIECES = ["عربي", "en", "x", "2024", "٣", " ", "-", "Z", "é", "ـ", "بي", "q1", "_"]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_GLUE_PIECES), max_size=10).map("".join), st.text()))
def test_the_latin_check_before_the_glued_scripts_pattern_is_implied_by_it(text: str) -> None:
    # glued_scripts runs its pattern only on a line with a Latin letter: every match holds one
    found = [m.group() for m in fields._GLUED_SCRIPTS.finditer(text)]
    assert all(fields._LATIN_LETTER.search(m) is not None for m in found)
    assert fields.glued_scripts(text) is bool(found)
