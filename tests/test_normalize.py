"""Normalisation of Arabic text for matching, and the offsets back to the original text."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from growth import growth, linear
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract.engine.blocks import (
    _spaced,
    bullet_end,
    line_blocks,
    matching_form,
    matching_forms,
)
from arabic_extract.engine.merge import _H1_BONUS, _TITLE_MATCH, _may_name, _Title
from arabic_extract.engine.normalize import (
    _DELETE_CLASS,
    _DIGITS,
    _KEPT_SPACE,
    _PRESENTATION_FORMS,
    _SPECIAL,
    WHITE_SPACE,
    _fold_kept,
    _offsets_by_chars,
    _offsets_by_runs,
    _presentation,
    cased,
    dash_lone_tatweels,
    fold,
    fold_lines,
    is_blank,
    is_normal,
    kept_as_is,
    longer_when_normal,
    normalize,
    normalize_with_offsets,
    original_slice,
)
from arabic_extract.engine.reflow import text_lines
from arabic_extract.engine.words import _EDGE_MARKS, CLITICS, TOKEN, strip_clitic, tokens


@pytest.mark.parametrize(
    "text,expected",
    [
        # tatweel
        ("شـــارك", "شارك"),
        ("الأكـثـر قـراءة", "الاكثر قراءه"),
        # diacritics: harakat, tanween, shadda, sukun, superscript alef, Quranic marks
        ("مُشَارَكَةٌ", "مشاركه"),
        ("أيضاً", "ايضا"),
        ("أيضًا", "ايضا"),
        ("حمّل", "حمل"),
        ("رَحْمٰن", "رحمن"),
        ("الرَّحِيمِ ۝", "الرحيم"),
        # alef variants
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
        # alef maqsura and ta marbuta
        ("مصطفى عيسى", "مصطفي عيسي"),
        ("القاهرة الإخبارية", "القاهره الاخباريه"),
        # Persian kaf and ya
        ("کتاب فارسی", "كتاب فارسي"),
        # Arabic-Indic and Persian digits, Arabic decimal and thousands separators
        ("١٩ مارس ٢٠٢٤", "19 مارس 2024"),
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("٢٧٫٤", "27.4"),
        ("١٬٥٠٠", "1,500"),
        # bidi controls and zero-width characters
        ("\u200fالمصدر\u200e: RT\u200f", "المصدر: rt"),
        ("شا\u200cرك", "شارك"),
        ("\u202bكلمات\u202c دلالية", "كلمات دلاليه"),
        ("\u2067روسيا\u2069", "روسيا"),
        ("\ufeffالرئيسية", "الرئيسيه"),
        ("تعلي\u00adقات", "تعليقات"),
        ("\u061cنص", "نص"),
        # spaces of every kind collapse to one ASCII space; edges are trimmed
        ("مشاركة\u00a0:", "مشاركه :"),
        ("  كلمات \t\u2009 دلالية\u3000 ", "كلمات دلاليه"),
        ("a\u202fb", "a b"),
        # Latin is lower-cased
        ("Short URL Copy", "short url copy"),
        # presentation forms are decomposed
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("ﺍﻟﺮﺋﻴﺴﻴﺔ", "الرئيسيه"),
        ("ﻛﻠﻤﺎﺕ ﺩﻻﻟﻴﺔ", "كلمات دلاليه"),
        # a tatweel standing alone between spaces is a dash; in a word it is deleted
        ("بيروت ـ رويترز:", "بيروت - رويترز:"),
        ("الدقم ــ العمانية", "الدقم -- العمانيه"),
        ("كلمـــة ـخبر", "كلمه خبر"),
        ("1445 هـ", "1445 ه"),
        # empty
        ("", ""),
        ("   \u200f ", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_keeps_other_letters() -> None:
    assert normalize("بترا RT CNN 2024") == "بترا rt cnn 2024"
    # hamza on waw and ya are distinct letters, not folded
    assert normalize("مؤتمر رئيس") == "مؤتمر رئيس"


def test_normalize_hamza_variants_meet() -> None:
    assert normalize("إقرأ أيضاً") == normalize("اقرأ ايضا") == normalize("اقرا أيضًا")


def test_normalize_with_offsets_maps_characters() -> None:
    text = "  شـــارك\u00a0الخبر "
    norm, offsets = normalize_with_offsets(text)
    assert norm == "شارك الخبر"
    assert len(offsets) == len(norm)
    assert text[offsets[0]] == "ش"
    assert text[offsets[3]] == "ك"
    assert text[offsets[-1]] == "ر"


def test_original_slice_returns_original_spelling() -> None:
    text = "المصدر: القاهرة الإخبارية"
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("القاهره")
    assert original_slice(text, offsets, start, len(norm)) == "القاهرة الإخبارية"
    assert original_slice(text, offsets, 3, 3) == ""
    assert original_slice(text, offsets, len(norm) + 5, len(norm) + 9) == ""


def test_original_slice_with_tatweel_and_diacritics() -> None:
    text = "كتبت: أسـمـاء نَصّار"
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("اسماء")
    assert original_slice(text, offsets, start, len(norm)) == "أسـمـاء نَصّار"


def test_is_blank() -> None:
    assert is_blank("")
    assert is_blank(" \u200f\u200e\u00a0\t\n")
    assert not is_blank(" شارك ")
    assert not is_blank(".")


# --------------------------------------------------------------------------- properties

ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
    "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،؛؟"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u061c\u00ad\ufeff\u00a0\u2009\u202f\u3000\t\n "
    "ﻻﷲﺍﻟﺮﺋﻴﺴﻴﺔﻛﻠﻤﺎﺕﺩﻻﻟﻴﺔ"
    "ABCxyz019.-:()|•"
)

arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=80)
any_text = st.text(max_size=80)
mixed_text = st.one_of(arabic_text, any_text)
# Pieces that normalisation drops, folds, decomposes, collapses or grows (a noncharacter of the
# presentation block is dropped, ﻻ becomes two letters, İ lowercases to two characters).
ODD_PIECES = [
    *("ب", "في", "A", "a", " ", "  ", "\t", "\u2028", "\u00a0", "\u0640", "\u064e"),
    *("١", "ﻻ", "\ufdd0", "ة", "İ"),
]
odd_text = st.one_of(mixed_text, st.lists(st.sampled_from(ODD_PIECES), max_size=8).map("".join))


@settings(max_examples=400, deadline=None)
@given(mixed_text)
def test_offsets_agree_with_normalize(text: str) -> None:
    assert normalize_with_offsets(text)[0] == normalize(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ب", "a", " ", "  ", "\n", "\u00a0", "\u0640", "\u064e", "١", "\x01", "\u2061"]
        )
    )
)
def test_the_fast_offsets_are_the_general_ones(pieces: list[str]) -> None:
    """The run-by-run way (with its shortcut for text already spaced) maps as the general one."""
    text = "".join(pieces)
    fast = _offsets_by_runs(text)
    assert fast is None or fast == _offsets_by_chars(text, None)
    assert _offsets_by_runs(normalize(text)) == _offsets_by_chars(normalize(text), None)


@settings(max_examples=600, deadline=None)
@given(odd_text)
def test_a_text_said_normal_is_its_own_matching_form(text: str) -> None:
    """The shortcut of normalize(): what is_normal() lets through is what the full
    normalisation (fold, then one space between words) leaves as it is."""
    slow = " ".join(fold(text).split())
    assert normalize(text) == slow
    if is_normal(text):
        assert slow == text


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_normalize_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_offsets_increasing_and_in_range(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(norm)
    assert all(0 <= o < len(text) for o in offsets)
    assert all(a <= b for a, b in itertools.pairwise(offsets))


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_normalized_form_is_clean(text: str) -> None:
    norm = normalize(text)
    assert norm == norm.strip()
    assert "  " not in norm
    assert not any(ch in norm for ch in "\u0640\u200f\u200e\u200b\u00a0\t\n")
    assert not any(0x064B <= ord(ch) <= 0x065F for ch in norm)
    assert not any("\u0660" <= ch <= "\u0669" or "\u06f0" <= ch <= "\u06f9" for ch in norm)
    assert not any(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF for ch in norm)


@settings(max_examples=300, deadline=None)
@given(arabic_text, st.data())
def test_original_slice_normalises_back(text: str, data: st.DataObject) -> None:
    norm, offsets = normalize_with_offsets(text)
    if not norm:
        assert original_slice(text, offsets, 0, 1) == ""
        return
    start = data.draw(st.integers(0, len(norm) - 1))
    end = data.draw(st.integers(start + 1, len(norm)))
    piece = original_slice(text, offsets, start, end)
    # the original text behind a normalised span normalises back to that span (modulo the
    # characters of a presentation-form ligature cut in two, and edge spaces)
    got = normalize(piece)
    want = norm[start:end].strip()
    assert want in got
    assert piece == piece.strip()
    assert piece in text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["شارك", "القاهرة", "الإخبارية", "كلمات", "دلالية", "١٩", "RT"]),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([" ", "  ", "\u00a0", " \u200f", "\u0640 "]),
)
def test_original_slice_of_each_word(words: list[str], sep: str) -> None:
    text = sep.join(words)
    norm, offsets = normalize_with_offsets(text)
    position = 0
    for word in words:
        target = normalize(word)
        start = norm.index(target, position)
        end = start + len(target)
        assert original_slice(text, offsets, start, end) == word
        position = end


@pytest.mark.parametrize(
    "text,fragment,expected",
    [
        # the tatweel of a one-letter abbreviation is part of it
        ("الأحد 15 رمضان 1445 هـ", "15 رمضان 1445 ه", "15 رمضان 1445 هـ"),
        ("1445/9/14هـ الموافق 23 مارس 2024م", "1445/9/14ه", "1445/9/14هـ"),
        # harakat on the last letter belong to it
        ("09:22 مساءً", "09:22 مساء", "09:22 مساءً"),
        ("ارتفع جداً في العام", "ارتفع جدا", "ارتفع جداً"),
        # a tatweel after a whole word before a space is a separator, not part of it
        ("كتبـ فلان", "كتب", "كتب"),
    ],
)
def test_original_slice_keeps_the_marks_of_its_last_letter(
    text: str, fragment: str, expected: str
) -> None:
    norm, offsets = normalize_with_offsets(text)
    start = norm.index(fragment)
    assert original_slice(text, offsets, start, start + len(fragment)) == expected


def test_nfc_input_and_decomposed_input_differ_only_by_marks() -> None:
    # An NFD alef with hamza above is alef + combining hamza (U+0654), which is removed.
    decomposed = unicodedata.normalize("NFD", "أحمد")
    assert normalize(decomposed) == normalize("أحمد") == "احمد"


page_text = st.lists(
    st.one_of(arabic_text, st.sampled_from(["• شارك", "- القاهرة", "1. خبر", "\r", "\x85", ""])),
    max_size=8,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(page_text, any_text))
def test_line_blocks_fold_the_page_as_each_line_alone(text: str) -> None:
    # line_blocks folds the whole page at once; each block's norm must be what the line gives
    # when normalised alone (after its list marker)
    for block in line_blocks(text_lines(text), 60):
        probe = block.text[:60]
        assert block.norm == normalize(probe[bullet_end(probe) :])
        assert block.bullet == (bullet_end(probe) > 0)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_fold_then_collapse_is_normalize(text: str) -> None:
    assert " ".join(fold(text).split()) == normalize(text)
    assert len(fold(text).splitlines()) <= len(text.splitlines())


@pytest.mark.parametrize(
    "text,norm",
    [
        ("\ufd3eالقاهرة\ufd3f", "(القاهره)"),  # ornate brackets
        ("\ufdfd", "بسم الله الرحمن الرحيم"),  # the Bismillah ligature
        ("ا\ufdc8ب", "اب"),  # an unassigned code point of the block (found by hypothesis)
        ("\ufefb", "لا"),  # a lam-alef ligature, as NFKC decomposes it
    ],
)
def test_presentation_forms_nfkc_leaves_alone(text: str, norm: str) -> None:
    assert normalize(text) == norm
    assert normalize_with_offsets(text)[0] == norm


def _strip_clitic_reference(word: str) -> str:
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic) :]
    return word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="والبفكلمةن ", max_size=12))
def test_strip_clitic_takes_the_first_clitic_that_fits(word: str) -> None:
    """Looked up by the word's first letter, the clitic is the first of CLITICS that fits."""
    assert strip_clitic(word) == _strip_clitic_reference(word)


@pytest.mark.parametrize("clitic", CLITICS)
def test_every_clitic_is_stripped(clitic: str) -> None:
    assert strip_clitic(clitic + "كتاب") == "كتاب"


SPACES = ["ب", "a", " ", "  ", "\t", "\u2028", "\u00a0", "\u2003", "\x1f", "\u200c"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SPACES), max_size=10).map("".join))
def test_spaced_is_split_and_join(line: str) -> None:
    assert _spaced(line) == " ".join(line.split())


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["رئيس", "الوزراء", "غزة", "اليوم", "في"]), max_size=8),
    st.lists(st.sampled_from(["رئيس", "الوزراء", "غزة", "اليوم", "في", "خبر"]), max_size=12),
)
def test_may_name_stops_early_with_the_same_answer(title: list[str], line: list[str]) -> None:
    """The title-match shortcut (it stops once the words left cannot reach the match) answers
    as the whole count does."""
    bag = Counter(title)
    total = sum(bag.values())
    norm = " ".join(line)
    shared = sum(count for word, count in bag.items() if word in norm)
    whole = total > 0 and 2 * shared / (shared + total) + _H1_BONUS >= _TITLE_MATCH
    assert _may_name(norm, _Title(bag)) == whole


@settings(max_examples=600, deadline=None)
@given(odd_text, st.integers(0, 8))
def test_longer_when_normal_is_never_wrong(text: str, size: int) -> None:
    if longer_when_normal(text, size):
        assert len(normalize(text)) > size


def test_white_space_is_what_python_splits_on() -> None:
    assert "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) == WHITE_SPACE


@settings(max_examples=600, deadline=None)
@given(odd_text)
def test_a_char_kept_as_is_stays_at_the_edges(text: str) -> None:
    """A first or last character that kept_as_is() passes is the matching form's first or
    last character."""
    norm = normalize(text)
    if text and kept_as_is(text[0]):
        assert norm[:1] == text[0]
    if text and kept_as_is(text[-1]):
        assert norm[-1:] == text[-1]


# Letters of several scripts, digits of several systems (² is a digit, ½ a number, neither
# decimal), marks, the zero-width non-joiner, tatweel, punctuation and every kind of space.
_TOKEN_ALPHABET = (
    "اأبةىیکپ\u0640\u064e\u0651\u200c\u200fabcÉéǅ2٣۴²½Ⅻ〇_-.,،()\t\n \u00a0\u2009\u3000\u001f"
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=_TOKEN_ALPHABET, max_size=80), st.text(max_size=80)))
def test_tokens_are_the_pattern_runs(text: str) -> None:
    # (the second strategy draws from all of Unicode: str.isalnum and the pattern's classes
    # read the same characters as letters and numbers)
    assert tokens(text) == TOKEN.findall(text)


def test_tokens_fast_path_reads_characters_as_the_pattern_does() -> None:
    # tokens() takes a word that str.isalnum accepts whole, and splits where str.split does:
    # right for every text when every such character is one of the pattern's letters and
    # numbers, and no space is (every code point checked)
    for code in range(0x110000):
        char = chr(code)
        if char.isalnum() or char.isspace():
            assert (TOKEN.fullmatch(char) is not None) is char.isalnum(), f"U+{code:04X}"


def test_marks_stripped_from_a_words_ends_are_no_letters_or_numbers() -> None:
    # tokens() takes a word that is letters and digits once these are stripped as one token
    assert all(TOKEN.fullmatch(mark) is None and not mark.isspace() for mark in _EDGE_MARKS)


_EDGE_PIECES = ["كتاب", "2024", "a", "٣", "ـ", "\u064e", *_EDGE_MARKS]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EDGE_PIECES), max_size=8))
def test_words_between_marks_are_the_pattern_runs(pieces: list[str]) -> None:
    text = "".join(pieces) + " " + " ".join(pieces)
    assert tokens(text) == TOKEN.findall(text)


def _fold_in_passes(text: str) -> str:
    """fold() as it was first written: presentation forms, deletions, folds, one pass each."""
    text = dash_lone_tatweels(text)
    if _PRESENTATION_FORMS.search(text):
        text = _PRESENTATION_FORMS.sub(lambda found: _presentation(found.group()), text)
    return _fold_kept(_DELETE_CLASS.sub("", text))


# Arabic text without presentation forms (fold's common way) and with them, and any text.
_PLAIN_ARABIC = st.text(alphabet=ARABIC_ALPHABET.replace("ﻻﷲﺍﻟﺮﺋﻴﺴﻴﺔﻛﻠﻤﺎﺕﺩﻻﻟﻴﺔ", ""), max_size=80)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_PLAIN_ARABIC, arabic_text, any_text))
def test_fold_in_one_scan_is_fold_in_passes(text: str) -> None:
    assert fold(text) == _fold_in_passes(text)
    # the folds told whether the text holds a digit to fold, and finding out themselves
    kept = _DELETE_CLASS.sub("", text)
    assert _fold_kept(kept, _DIGITS.search(kept) is not None) == _fold_kept(kept)


def test_fold_lower_cases_whenever_its_scan_finds_a_reason() -> None:
    """fold() lower-cases a text only when its scan (_SPECIAL) found a character of
    _CASED_RANGES: every character that lower() changes is one, and the scan finds each; no
    Arabic character is one (an Arabic page is not lower-cased)."""
    for code in range(0x110000):
        char = chr(code)
        if char.lower() != char:
            assert _SPECIAL.fullmatch(char) and cased({char}), f"U+{code:04X}"
        elif "\u0600" <= char <= "\u06ff":
            assert not cased({char})
    # nothing else the scan finds is past the BMP (cased() tells those by their code point)
    for code in range(0x10000, 0x110000):
        if _SPECIAL.fullmatch(chr(code)):
            assert cased({chr(code)}), f"U+{code:04X}"


def test_fold_of_many_kinds_of_forms_and_marks_is_fold_in_passes() -> None:
    # past _FEW_KINDS kinds, fold() substitutes instead of replacing kind by kind
    forms = "".join(chr(c) for c in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)))
    marks = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0640\u200f\u200e\u00ad"
    for text in (forms, marks, "كلمة " + forms[:5] + marks[:5], forms + marks + "١٢ أ"):
        assert fold(text) == _fold_in_passes(text)


# Lines as pages hand them over: spaces of every kind, at the ends and doubled, bidi and
# zero-width marks, tatweel, harakat, Arabic-Indic digits, presentation forms, capitals.
_LINE_PIECES = [
    *("ب", "في", "A", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "\r", "\x85"),
    *("\u200f", "\u200b", "\ufeff", "\u0640", "\u064e", "١", "ﻻ", "\ufe70", "ة", "İ", "Σ"),
    *("• ", "- ", "1. ", "\u200f- "),
]
_odd_lines = st.lists(
    st.one_of(
        arabic_text.map(lambda text: text.replace("\n", "")),
        st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join),
    ),
    max_size=10,
)


@settings(max_examples=1000, deadline=None)
@given(_odd_lines)
def test_fold_lines_tells_every_unspaced_line(lines: list[str]) -> None:
    """fold_lines() folds as fold() does, and a line it does not name is spaced as normalize()
    spaces it."""
    text = "\n".join(lines)
    folded, unspaced = fold_lines(text)
    assert folded == fold(text).split("\n")
    for k, line in enumerate(folded):
        if k not in unspaced:
            assert " ".join(line.split()) == line, (k, line)


def test_folding_makes_and_removes_no_white_space_but_the_plain_space() -> None:
    # fold_lines() reads the white space of the folded text from the text before folding: no
    # decomposed presentation form, no lower-cased character is white space but " "
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        assert _KEPT_SPACE.isdisjoint(_presentation(chr(code))), f"U+{code:04X}"
    for code in range(0x110000):
        char = chr(code)
        if not char.isspace():
            assert not any(piece.isspace() for piece in char.lower()), f"U+{code:04X}"


@settings(max_examples=1000, deadline=None)
@given(_odd_lines.filter(all), st.sampled_from([6, 60, 2000]))
def test_matching_forms_are_each_lines_matching_form(lines: list[str], max_chars: int) -> None:
    assert matching_forms(lines, max_chars) == [matching_form(t, max_chars) for t in lines]


def test_matching_forms_of_fixture_lines_are_each_lines_matching_form() -> None:
    texts = [path.read_text(encoding="utf-8") for path in _FIXTURE_TEXTS]
    assert texts
    for text in texts:
        lines = [line for line in text_lines(text) if line.strip()]
        for max_chars in (60, 2000):
            forms = matching_forms(lines, max_chars)
            assert forms == [matching_form(line, max_chars) for line in lines]


_FIXTURE_TEXTS = sorted((Path(__file__).parent.parent / "fixtures").glob("*/*/input.txt"))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "  " * n,
        lambda n: " \n" * n,
        lambda n: "\u00a0\n" * n,
        lambda n: "\n".join([" ب "] * n),
        lambda n: "\u2028" * n,
    ],
)
def test_fold_lines_time_grows_linearly(make: Callable[[int], str]) -> None:
    small, large = growth(fold_lines, make)
    assert linear(small, large), f"{small:.4f}s -> {large:.4f}s"


_LONE_TATWEEL_PATTERN = re.compile(r"(?<!\w)\u0640+(?!\w)")


def _dashes_by_pattern(text: str) -> str:
    return _LONE_TATWEEL_PATTERN.sub(lambda found: "-" * len(found.group()), text)


def test_lone_tatweels_are_the_patterns_next_to_every_character() -> None:
    """dash_lone_tatweels finds runs by their literal and looks at their neighbours: what the
    pattern (?<!\\w)\u0640+(?!\\w) takes, next to every character of the BMP."""
    for code in range(0x10000):
        char = chr(code)
        for text in (char + "\u0640", "\u0640\u0640" + char, f" \u0640{char}", f"{char}\u0640 "):
            assert dash_lone_tatweels(text) == _dashes_by_pattern(text), hex(code)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="\u0640 اب1_a-:\n", max_size=40))
def test_lone_tatweels_are_the_patterns(text: str) -> None:
    assert dash_lone_tatweels(text) == _dashes_by_pattern(text)


def test_capitals_fold_as_python_folds_them() -> None:
    """A compiled build lower-cases as Python does, final sigma included (its own lower()
    folds one character at a time: ΟΔΟΣ -> οδοσ)."""
    for text in ("ΟΔΟΣ ΚΑΛΟΣ", "Athens ΑΘΗΝΑΣ", "ÉTÉ İstanbul"):
        assert normalize(text) == " ".join(text.lower().split())
        assert is_normal(normalize(text))
