"""Twins: a ``regex`` pattern written for the standard ``re`` engine, exact on most lines.

The rule families and the date patterns are written for the ``regex`` module, for its Unicode
classes (``\\p{L}``, ``\\p{P}``...). A call of the ``re`` engine costs far less: as a page runs
them, with its other work between two calls, the rule families' patterns cost half as much
time in ``re`` (0.54 -> 0.28 ms a round of the text fixtures), a date pattern a fifth. A twin
is the same pattern with each class spelled as the set of the code points of
:data:`TWIN_RANGES` that the ``regex`` module puts in it: on a line made of those code points
(:func:`plain`; the ranges hold ASCII, Latin-1, Arabic and its supplements, and the general
punctuation, so nearly every line of an Arabic page), both engines read the same pattern, and
the twin's match is the pattern's. Any other line is read by the ``regex`` pattern.

What a twin cannot say, :func:`twin` refuses (None): a class it has no spelling for inside
another class, ``\\w`` and word boundaries (the engines' word characters differ), and what the
``re`` engine does not compile (a group name used twice, a lookbehind of varying width).
``tests/test_twins.py`` compares the spellings with the ``regex`` classes on every code point
of the ranges, and each twin's matches with its pattern's on many lines.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final, final

import regex

# The code points a twin reads: ASCII to the end of the Arabic script's blocks (Arabic, its
# Supplement and Extended-A, Syriac, Thaana, NKo, Samaritan, Mandaic, Devanagari's first
# letters), and the general punctuation (dashes, quotes, the zero-width and bidi marks).
# (The information separators 0x1C-0x1F are left out: re's \s holds them, regex's does not.
# On the ranges the engines' \s and \d hold the same characters, and a twin keeps them.)
TWIN_RANGES: Final = ((0x0000, 0x001B), (0x0020, 0x0965), (0x2000, 0x206F))
_OUTSIDE: Final = re.compile("[^\\x00-\\x1b\\x20-\\u0965\\u2000-\\u206f]")
# An escape (a class's \p{..} whole), or a bracket that opens or closes a class.
_TOKEN: Final = re.compile(r"\\p\{\w+\}|\\P\{\w+\}|\\.|\[\^?\]?|\]", re.DOTALL)
# Escapes whose meaning differs between the engines, or that a twin does not spell.
_REFUSED: Final = frozenset({"\\w", "\\W", "\\b", "\\B", "\\X", "\\N", "\\G", "\\L", "\\K"})


def plain(text: str) -> bool:
    """Whether every character of ``text`` is in :data:`TWIN_RANGES`: a twin reads it."""
    return _OUTSIDE.search(text) is None


# The classes a twin spells: those of the rule families and date patterns.
SPELLED_CLASSES: Final = ("\\p{L}", "\\p{N}", "\\p{M}", "\\p{P}", "\\p{S}", "\\p{Arabic}")


def _spelled(pattern: regex.Pattern[str], texts: tuple[tuple[int, str], ...]) -> str:
    """The code points of ``texts`` (the ranges' characters, each from its first code point)
    that ``pattern`` (a class, repeated) holds, as the inside of an ``re`` set."""
    ranges: list[str] = []
    for low, chars in texts:
        for found in pattern.finditer(chars):
            first, last = _set_char(low + found.start()), _set_char(low + found.end() - 1)
            ranges.append(first if first == last else f"{first}-{last}")
    return "".join(ranges)


def _set_char(code: int) -> str:
    """A character as a set of the re engine reads it: itself, escaped where a set gives it a
    meaning or it is a control character. (The re parser reads a character several times
    faster than an escape: the families' twins compile in a third of the time.)"""
    char = chr(code)
    return f"\\x{code:02x}" if code < 0x20 or char in "\\]^-[" else char


_RANGE_TEXTS: Final = tuple(
    (low, "".join([chr(code) for code in range(low, high + 1)])) for low, high in TWIN_RANGES
)
# Each class's spelling, the inside of an re set (about 0.1 ms a class, made once).
SPELLINGS: Final = MappingProxyType(
    {token: _spelled(regex.compile(f"(?:{token})++"), _RANGE_TEXTS) for token in SPELLED_CLASSES}
)


def twin_source(source: str) -> str | None:
    """``source`` (a ``regex`` pattern) with its classes spelled for the ``re`` engine, or None
    when a twin cannot say it (see the module docstring)."""
    pieces: list[str] = []
    in_set = False
    last = 0
    for found in _TOKEN.finditer(source):
        token = found[0]
        pieces.append(source[last : found.start()])
        last = found.end()
        if token.startswith("["):
            if in_set:  # ("[" inside a set is a character of it)
                pieces.append("\\[" + token[1:])
            else:
                in_set = True
                pieces.append(token if not token.endswith("]") else token[:-1] + "\\]")
        elif token == "]":
            in_set = False
            pieces.append(token)
        elif token in _REFUSED or token.startswith("\\P"):
            return None
        elif token in SPELLINGS:
            pieces.append(SPELLINGS[token] if in_set else f"[{SPELLINGS[token]}]")
        elif token.startswith("\\p"):  # (a class without a spelling)
            return None
        else:
            pieces.append(token)
    pieces.append(source[last:])
    return "".join(pieces)


def twin(source: str) -> re.Pattern[str] | None:
    """The ``re`` twin of a ``regex`` pattern's source, or None (see :func:`twin_source`)."""
    spelt = twin_source(source)
    if spelt is None:
        return None
    try:
        return re.compile(spelt)
    except re.error:  # (a group name used twice, a lookbehind of varying width)
        return None


# A match of a Twinned pattern: its pattern's, or its twin's (the same groups).
TwinMatch = regex.Match[str] | re.Match[str]


@final
class Twinned:
    """A ``regex`` pattern with its twin, read as the pattern: a text of the twin ranges
    (:func:`plain`) by the twin, any other by the pattern. It answers the calls the engine
    makes of a compiled pattern, with the same arguments (``concurrent`` is the ``regex``
    module's: the twin has no GIL to release). Without a twin (see :func:`twin`), every text
    goes to the pattern."""

    __slots__ = ("pattern", "twin")

    def __init__(self, source: str) -> None:
        self.pattern: Final = regex.compile(source)
        self.twin: Final = twin(source)

    def _reader(self, text: str) -> re.Pattern[str] | None:
        return self.twin if self.twin is not None and plain(text) else None

    def search(
        self,
        text: str,
        pos: int | None = None,
        endpos: int | None = None,
        concurrent: bool | None = None,
    ) -> TwinMatch | None:
        reader = self._reader(text)
        if reader is None:
            return self.pattern.search(text, pos, endpos, concurrent)
        return reader.search(text, pos or 0, len(text) if endpos is None else endpos)

    def match(
        self,
        text: str,
        pos: int | None = None,
        endpos: int | None = None,
        concurrent: bool | None = None,
    ) -> TwinMatch | None:
        reader = self._reader(text)
        if reader is None:
            return self.pattern.match(text, pos, endpos, concurrent)
        return reader.match(text, pos or 0, len(text) if endpos is None else endpos)

    def sub(self, repl: str, text: str, count: int = 0) -> str:
        reader = self._reader(text)
        if reader is None:
            return self.pattern.sub(repl, text, count)
        return reader.sub(repl, text, count)
