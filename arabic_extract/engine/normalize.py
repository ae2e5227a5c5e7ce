"""Normalisation of Arabic text for matching.

Matching is always done on the normalised form; the original text is what callers get back.
The normalised form removes tatweel (one that touches no letter is a dash: بيروت ـ رويترز),
diacritics and Quranic marks, bidi and zero-width controls;
folds alef variants to bare alef, alef maqsura to ya, ta marbuta to ha, Persian kaf/ya to Arabic;
maps Arabic-Indic and Persian digits to ASCII; turns every kind of space into one ASCII space;
decomposes presentation forms (NFKC, only when a line has them); lowercases Latin letters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from types import MappingProxyType
from typing import Final

import regex

from arabic_extract.engine.gil import KEEP_GIL

_DELETE: Final = (
    "\u0640"  # tatweel
    + "".join(chr(c) for c in range(0x064B, 0x0660))  # harakat, shadda, sukun, maddah...
    + "\u0670"  # superscript alef
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation marks
    + "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    + "\u200e\u200f\u061c"  # bidi marks
    + "".join(chr(c) for c in range(0x202A, 0x202F))  # bidi embeddings and overrides
    + "".join(chr(c) for c in range(0x2066, 0x206A))  # bidi isolates
    + "\u00ad"  # soft hyphen
    + "\x00"  # NUL
)

_LETTERS_AND_SPACES: Final = MappingProxyType(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ک": "ك",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\t": " ",
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)
_FOLD: Final = MappingProxyType(
    {
        **_LETTERS_AND_SPACES,
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)

TRANSLATION: Final = MappingProxyType(str.maketrans({**_FOLD, **dict.fromkeys(_DELETE)}))


def _dense_table() -> str:
    """TRANSLATION as a string indexed by code point (faster than a dict for str.translate);
    deleted characters map to NUL, removed afterwards. Code points past the BMP are unmapped."""
    table = [chr(i) for i in range(0x10000)]
    for code, value in TRANSLATION.items():
        if code < 0x10000:
            table[code] = value if isinstance(value, str) else "\x00"
    table[0] = "\x00"
    return "".join(table)


_TABLE: Final = _dense_table()
# The same normalisation, as the fast path of normalize() uses it.
_DELETE_CLASS: Final = re.compile("[" + re.escape(_DELETE) + "]")
_LETTER_FOLDS: Final = tuple(
    (k, v)
    for k, v in _FOLD.items()
    if not k.isspace() and not k.isdigit() and k not in "\u066b\u066c"
)
_DIGIT_FOLDS: Final = tuple((k, v) for k, v in _FOLD.items() if k.isdigit() or k in "\u066b\u066c")
_DIGIT_SET: Final = frozenset(k for k, _ in _DIGIT_FOLDS)
_DIGITS: Final = re.compile("[" + re.escape("".join(sorted(_DIGIT_SET))) + "]")
_DELETE_SET: Final = frozenset(_DELETE)
# The presentation forms, decomposed (U+FEFF, the byte-order mark, is deleted, not decomposed).
_PRESENTATION_RANGES: Final = "\ufb50-\ufdff\ufe70-\ufefe"
_PRESENTATION_FORMS: Final = regex.compile(f"[{_PRESENTATION_RANGES}]")
_FORMAT_ONLY: Final = regex.compile(r"^[\p{Cf}\p{Z}\s]*$")


WHITE_SPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.isspace`` and ``str.split`` take for white space (tested)."""

# White space but the plain space and the line break (fold() leaves it as it is, as
# normalize() splits on it): fold_lines() looks for it in the scan fold() makes anyway.
_KEPT_SPACE: Final = frozenset(WHITE_SPACE) - {" ", "\n"}
# The blocks of the characters that lower-casing changes (every one of them, and others; the
# capitals of Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Glagolitic, Coptic, the
# fullwidth forms, and of the scripts past the BMP that have case, Deseret to Adlam, but not
# the emoji after them): a text without any is its own lower case. Set from
# ``chr(c).lower() != chr(c)`` over every code point, the runs less than 64 apart merged; a
# test checks that they hold every such character. No Arabic one.
_CASED_RANGES: Final = (
    (0x41, 0x5A),
    (0xC0, 0x24E),
    (0x370, 0x556),
    (0x10A0, 0x10CD),
    (0x13A0, 0x13F5),
    (0x1C90, 0x1CBF),
    (0x1E00, 0x1FFC),
    (0x2126, 0x2183),
    (0x24B6, 0x24CF),
    (0x2C00, 0x2CF2),
    (0xA640, 0xA69A),
    (0xA722, 0xA7F5),
    (0xFF21, 0xFF3A),
    (0x10400, 0x1E921),  # (one range: re checks each range past the BMP at every character)
)
# The ones in the BMP, as a set (the last range, past the BMP, is told by the code point:
# nothing else fold() looks for is past the BMP).
_CASED_SET: Final = frozenset(
    chr(code) for first, last in _CASED_RANGES[:-1] for code in range(first, last + 1)
)
# What fold() deletes, the digits it folds and the presentation forms: each needs more than a
# one-for-one replacement of letters (see fold); _KEPT_SPACE, which fold() leaves alone; and
# _CASED_RANGES: a text with none of them is not lower-cased (most pages' Arabic: lower()
# reads every character, 0.6 M instructions of the 2.2 M fold_lines took a round of the text
# fixtures, while this scan is made anyway and finds no more than it did in them).
_SPECIAL: Final = re.compile(
    "["
    + re.escape(_DELETE + "".join(sorted(_DIGIT_SET | _KEPT_SPACE)))
    + _PRESENTATION_RANGES
    + "".join(f"{chr(first)}-{chr(last)}" for first, last in _CASED_RANGES)
    + "]"
)

# The shortcuts below tell what normalisation does to a text without running it. The
# characters it changes: deleted, folded, and white space (collapsed, or turned into a space);
# besides them, the presentation forms (decomposed) and capitals (lower-cased).
_CHANGED_CHARS: Final = frozenset(_DELETE + "".join(_FOLD) + WHITE_SPACE)
# A text without any changed character but the plain space, without capitals and with single
# spaces between its words is its own matching form (is_normal).
_CHANGED: Final = re.compile(
    "[" + re.escape("".join(sorted(_CHANGED_CHARS - {" "}))) + _PRESENTATION_RANGES + "]"
)
# What normalisation may drop or turn into a space (a presentation form it cannot decompose is
# dropped): a text without any has a matching form at least as long as itself (every other
# character gives one or more; longer_when_normal).
_MAY_DROP: Final = re.compile("[" + re.escape(_DELETE + WHITE_SPACE) + _PRESENTATION_RANGES + "]")


def kept_as_is(char: str) -> bool:
    """Whether normalisation leaves ``char`` as it is wherever it stands: it is not deleted,
    folded, decomposed, lower-cased or white space (a text's first character, when kept so, is
    its matching form's first character, and so for the last)."""
    return char not in _CHANGED_CHARS and not _is_presentation(char) and char.lower() == char


def _is_presentation(char: str) -> bool:
    """Whether ``char`` is one of the presentation forms (_PRESENTATION_RANGES)."""
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufefe"


def longer_when_normal(text: str, size: int) -> bool:
    """Whether ``normalize(text)`` surely has more than ``size`` characters, told without
    normalising: ``text`` has more and none that normalisation may drop."""
    return len(text) > size and _MAY_DROP.search(text) is None


def _one_space_apart(text: str) -> bool:
    """No two spaces together and none at the ends."""
    # (startswith and endswith: a slice of the first and last character makes a string each)
    return "  " not in text and not text.startswith(" ") and not text.endswith(" ")


def is_spaced(text: str) -> bool:
    """Whether ``" ".join(text.split()) == text`` is sure without splitting the text: it has
    no white space but the plain space (every other white space character is unprintable),
    never two together, none at its ends. (False does not say the text is not so spaced.)"""
    return text.isprintable() and _one_space_apart(text)


# str.lower, called as an object: the compiled module's own lower() folds one character at a
# time and misses the final sigma (ΟΔΟΣ -> οδοσ, where Python gives οδος), so a compiled build
# would normalise otherwise than the source.
_LOWER: Final = str.lower


def _lower(text: str) -> str:
    """``text.lower()`` as Python gives it (see _LOWER)."""
    lowered: str = _LOWER(text)
    return lowered


def is_normal(text: str) -> bool:
    """Whether ``text`` is its own matching form: ``normalize(text) == text`` (one search, where
    normalising takes several passes; most short labels and words of a page are)."""
    return _CHANGED.search(text) is None and _one_space_apart(text) and _lower(text) == text


def normalize(text: str) -> str:
    """Return the matching form of ``text`` (see the module docstring).

    Deletions run as one character-class substitution and folds as plain replacements: on
    Arabic text both are several times faster than ``str.translate``, which builds its result
    one character at a time. :func:`normalize_with_offsets` gives the same result.
    """
    if is_normal(text):
        return text
    return " ".join(fold(text).split())


def dash_lone_tatweels(text: str) -> str:
    """``text`` with each tatweel that touches no letter or digit made a dash, as Arabic pages
    type one between words (بيروت ـ رويترز:); a tatweel in a word only draws it out and is
    deleted. One for one, so that offsets into the result are offsets into ``text``; what
    touches the tatweel decides, so a line gives the same alone and inside its page."""
    if "\u0640" not in text:
        return text
    pieces: list[str] = []
    kept = 0
    # (each run of tatweels is found once, by its literal; its two neighbours are then looked
    # at: a pattern with a lookbehind first was tried at every character of a page, 20 M
    # instructions on BeautifulSoup's text of six pages)
    for run in _TATWEELS.finditer(text):
        start, end = run.span()
        if (start and _word_char(text[start - 1])) or (end < len(text) and _word_char(text[end])):
            continue
        pieces.append(text[kept:start])
        pieces.append("-" * (end - start))
        kept = end
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


def _word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern: a letter or a digit of any script, or ``_``."""
    return char.isalnum() or char == "_"


# A run of tatweels, written with the literal first: re finds a pattern's literal first
# character with a fast scan, but tries a pattern that opens with a repeat (\u0640+) at every
# character: 76 -> 4 us for the text fixtures' 13 K characters (compiled).
_TATWEELS: Final = re.compile("\u0640\u0640*")


def fold(text: str) -> str:
    """Every step of :func:`normalize` but the last: spaces are not collapsed, and line breaks
    stay where they are, so a whole page can be folded at once and then split into lines:
    ``normalize(line) == " ".join(fold(line).split())``.

    One scan finds which of the characters that are deleted, the digits folded, the
    presentation forms and the capitals (_CASED_RANGES) the text holds; each presentation form
    is then replaced by its
    decomposition and each deleted character removed, one plain replacement each, when they
    are few (_FEW_KINDS); more kinds (a text made to hold them all) go through one
    substitution, whose time does not grow with their number."""
    text = dash_lone_tatweels(text)
    return _fold_found(text, set(_SPECIAL.findall(text)))


def fold_lines(text: str) -> tuple[list[str], set[int]]:
    """``fold(text).split("\\n")``: the folded lines of ``text``, and the indexes of the lines
    that may not be spaced as normalize() spaces them; every other line is already
    (``" ".join(line.split()) == line``). Told for the whole text at once, where a look at
    each line cost more than its fold: a line is spaced when it holds no white space but
    plain spaces (fold's scan finds any other, which folding neither makes nor removes), no
    two together and none at its ends."""
    text = dash_lone_tatweels(text)
    found = set(_SPECIAL.findall(text))
    folded = _fold_found(text, found)
    lines = folded.split("\n")
    places: list[int] = []  # where a space stands that may make its line unspaced
    for char in found & _KEPT_SPACE:
        _find_all(folded, char, 0, places)
    _find_all(folded, "  ", 0, places)
    # (a line's ends are read line by line: two searches of the whole text for " \n" and
    # "\n " cost more, a search for two characters reading every one of them)
    edged = {k for k, line in enumerate(lines) if line.startswith(" ") or line.endswith(" ")}
    if not places:
        return lines, edged
    starts = [0]  # where each line starts in the folded text
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return lines, edged | {bisect_right(starts, place) - 1 for place in places}


def _find_all(text: str, part: str, shift: int, places: list[int]) -> None:
    """Add to ``places`` where each occurrence of ``part`` in ``text`` starts, plus ``shift``."""
    place = text.find(part)
    while place >= 0:
        places.append(place + shift)
        place = text.find(part, place + 1)


def _fold_found(text: str, found: set[str]) -> str:
    """:func:`fold`, with ``found`` the characters of ``text`` that _SPECIAL matches."""
    if not found:
        return _fold_kept(text, False, False)
    forms = [char for char in found if _is_presentation(char)]
    if len(forms) > _FEW_KINDS:  # a text made to hold many: one pass each
        return _fold_kept(_DELETE_CLASS.sub("", _PRESENTATION_FORMS.sub(_decompose, text)))
    if forms:
        for char in forms:
            text = text.replace(char, _presentation(char))
        found = set(_SPECIAL.findall(text))  # (a decomposed form may hold a mark to delete)
    deleted = [char for char in found if char in _DELETE_SET]
    if len(deleted) > _FEW_KINDS:
        text = _DELETE_CLASS.sub("", text)
    else:
        for char in deleted:
            text = text.replace(char, "")
    return _fold_kept(text, not found.isdisjoint(_DIGIT_SET), cased(found))


def cased(found: set[str]) -> bool:
    """Whether ``found``, characters of a text that _SPECIAL matches, holds one of
    _CASED_RANGES: if not, lower-casing the text changes nothing."""
    return not found.isdisjoint(_CASED_SET) or any(ord(char) > _BMP_LAST for char in found)


_BMP_LAST: Final = 0xFFFF


_FEW_KINDS: Final = 8
"""fold() replaces up to this many kinds of presentation forms, and of deleted characters,
one kind at a time (a page holds one or two: tanween, a bidi mark); past it, one substitution
(a crafted text of all 831 presentation forms took 20-40 % longer kind by kind)."""


def _decompose(match: regex.Match[str]) -> str:
    return _presentation(match.group())


def _fold_kept(text: str, digits: bool | None = None, cased: bool = True) -> str:
    """The one-for-one folds (letters, digits, case) of text with nothing left to delete;
    ``digits`` when the caller knows whether it holds a digit to fold; not ``cased`` when it
    knows the text holds no character of _CASED_RANGES (lower-casing would change nothing)."""
    for old, new in _LETTER_FOLDS:
        if old in text:
            text = text.replace(old, new)
    if digits is None:
        digits = _DIGITS.search(text) is not None
    if digits:  # replace() per digit: translate() is slow on non-ASCII text
        for old, new in _DIGIT_FOLDS:
            if old in text:
                text = text.replace(old, new)
    return _lower(text) if cased else text


# Characters of the presentation blocks that NFKC leaves as they are: the ornate brackets, the
# Bismillah ligature; the others (unassigned code points, noncharacters) are dropped.
_UNDECOMPOSED: Final = MappingProxyType(
    {"\ufd3e": "(", "\ufd3f": ")", "\ufdfd": "بسم الله الرحمن الرحيم"}
)


def _presentation(char: str) -> str:
    """A presentation-form character as NFKC decomposes it (see _UNDECOMPOSED)."""
    out = unicodedata.normalize("NFKC", char)
    return out if out != char else _UNDECOMPOSED.get(char, "")


def _normalize_char(char: str) -> str:
    code = ord(char)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        char = _presentation(char)
    elif code < 0x10000:
        piece = _TABLE[code]
        return "" if piece == "\x00" else piece.lower()
    return char.translate(_TABLE).replace("\x00", "").lower()


def normalize_with_offsets(text: str, limit: int | None = None) -> tuple[str, list[int]]:
    """Normalise ``text`` and map each character of the result to its index in ``text``.

    ``normalize_with_offsets(t)[0] == normalize(t)`` for every string; the offsets let a field
    found by a pattern on the normalised text be cut out of the original text unchanged. With
    ``limit``, stop once that many normalised characters (plus one) are mapped: enough to cut
    out a field that ends there.
    """
    text = dash_lone_tatweels(text)  # (one for one: the offsets are into the original)
    mapped = (
        None if _PRESENTATION_FORMS.search(text, None, None, KEEP_GIL) else _offsets_by_runs(text)
    )
    if mapped is None:
        return _offsets_by_chars(text, limit)
    norm, offsets = mapped
    if limit is not None and len(norm) > limit + 1:
        norm, offsets = norm[: limit + 1], offsets[: limit + 1]
        if norm.endswith(" "):
            norm, offsets = norm[:-1], offsets[:-1]
    return norm, offsets


_KEPT_RUN: Final = re.compile("[^" + re.escape(_DELETE) + "]+")
_NON_SPACE: Final = re.compile(r"\S+")


def _offsets_by_runs(text: str) -> tuple[str, list[int]] | None:
    """The fast way, for text in which every character maps to at most one: drop the deleted
    characters run by run, fold, then map each word and the space after it. None when a
    character expands (a presentation form, a letter whose lowercase is longer)."""
    index: list[int] = []
    parts: list[str] = []
    for run in _KEPT_RUN.finditer(text):
        parts.append(run.group())
        index.extend(range(run.start(), run.end()))
    kept = "".join(parts)
    folded = _fold_kept(kept)
    if len(folded) != len(kept):
        return None
    if is_spaced(folded):  # words one space apart already: each character maps as it stands
        return folded, index
    words: list[str] = []
    offsets: list[int] = []
    previous_end = 0
    for word in _NON_SPACE.finditer(folded):
        if words:
            offsets.append(index[previous_end])
        words.append(word.group())
        offsets.extend(index[word.start() : word.end()])
        previous_end = word.end()
    return " ".join(words), offsets


def _offsets_by_chars(text: str, limit: int | None) -> tuple[str, list[int]]:
    """The general way, one character at a time."""
    out: list[str] = []
    offsets: list[int] = []
    space = True  # at the start, or after a space: further spaces are dropped
    for index, char in enumerate(text):
        if limit is not None and len(out) > limit:
            break
        for piece in _normalize_char(char):
            if piece.isspace():
                if space:
                    continue
                space = True
                out.append(" ")
            else:
                space = False
                out.append(piece)
            offsets.append(index)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


# Marks that normalisation deletes but that belong to the letter before them (harakat and
# Quranic marks), and the tatweel that completes a one-letter abbreviation (هـ, 1445هـ).
_TRAILING_MARKS: Final = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]*")
_TRAILING_TATWEEL: Final = re.compile("\u0640+[\u064b-\u065f\u0670\u06d6-\u06ed]*")


def original_slice(text: str, offsets: list[int], start: int, end: int) -> str:
    """The part of the original ``text`` behind normalised characters ``start:end``, with the
    marks on its last letter (a tanween) and the tatweel of a last one-letter word (هـ)."""
    if start >= end or start >= len(offsets):
        return ""
    first = offsets[start]
    last = offsets[min(end, len(offsets)) - 1] + 1
    marks = _TRAILING_MARKS.match(text, last)
    stop = marks.end() if marks is not None else last
    tail = _DELETE_CLASS.sub("", text[max(first, last - 8) : last])
    if tail[-1:].isalpha() and not tail[-2:-1].isalpha():  # هـ, 14هـ: one letter
        tatweel = _TRAILING_TATWEEL.match(text, stop)
        stop = tatweel.end() if tatweel is not None else stop
    return text[first:stop].strip()


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing visible (spaces and format controls only)."""
    return _FORMAT_ONLY.match(text) is not None
