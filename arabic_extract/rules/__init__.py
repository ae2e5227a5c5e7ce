"""Rules as data: named families of Arabic phrases and patterns.

A :class:`Family` is one kind of thing a line can be (a share bar, a read-also header, a source
line...). Its phrases are written as they appear on pages and normalised when the family is built;
its patterns are regular expressions over normalised text (see :mod:`arabic_extract.normalize`).
Each family compiles to exactly one pattern, and its ``name`` is what an explanation shows.

How a family matches a normalised line depends on its ``kind``:

``line``
    the whole line is made of the family's phrases (one or more, with punctuation between):
    ``"شارك"``, ``"فيسبوك تويتر واتساب"``.
``prefix``
    the line starts with a phrase; the rest of the line is the family's payload, available as
    the match group ``rest`` (``"كلمات دلالية: روسيا أوكرانيا"``).
``search``
    a phrase occurs anywhere in the line, on word boundaries.

``max_words`` bounds the length of a line the family may claim: a 60-word paragraph that happens to
start with "شارك" is not a share bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from arabic_extract.normalize import normalize

Kind = Literal["line", "prefix", "search"]

# Separators between phrases on a "line" family and around prefixes: spaces, punctuation, symbols.
SEP = r"[\s\p{P}\p{S}]"
# A phrase must not run on into a longer word: "شارك" must not match "شاركت".
WORD_END = r"(?![\p{L}\p{N}\p{M}])"
WORD_START = r"(?<![\p{L}\p{N}\p{M}])"


def phrase_regex(phrase: str) -> str:
    """A phrase as written on a page, as a regular expression over normalised text."""
    words = normalize(phrase).split()
    return r"\s*".join(regex.escape(word) for word in words) if words else ""


@dataclass(frozen=True)
class Family:
    """A named family of phrases and patterns; compiled once, when it is built."""

    name: str
    kind: Kind
    description: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    max_words: int | None = None
    compiled: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", compile_family(self))

    def match(self, norm: str, words: int | None = None) -> regex.Match[str] | None:
        """Match a normalised line; ``words`` is its word count when the caller knows it."""
        if self.max_words is not None:
            count = words if words is not None else len(norm.split())
            if count > self.max_words:
                return None
        return self.compiled.search(norm) if self.kind == "search" else self.compiled.match(norm)

    def payload(self, norm: str) -> str | None:
        """For a ``prefix`` family, the normalised text after the phrase (or None)."""
        found = self.match(norm)
        if found is None or "rest" not in found.groupdict():
            return None
        return (found.group("rest") or "").strip()


def alternation(family: Family) -> str:
    parts = [phrase_regex(p) for p in family.phrases]
    parts.extend(f"(?:{p})" for p in family.patterns)
    parts = [p for p in parts if p]
    if not parts:
        raise ValueError(f"rule family {family.name!r} has no phrase and no pattern")
    # Longest first, so that "اقرأ أيضا" wins over "اقرأ".
    parts.sort(key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def compile_family(family: Family) -> regex.Pattern[str]:
    alt = alternation(family)
    if family.kind == "line":
        # Possessive separators: a long run of punctuation costs linear time, never backtracking.
        source = rf"^{SEP}*+{alt}{WORD_END}(?:{SEP}++{alt}{WORD_END})*{SEP}*+$"
    elif family.kind == "prefix":
        source = rf"^{SEP}*{alt}{WORD_END}(?P<rest>.*)$"
    else:
        source = rf"{WORD_START}{alt}{WORD_END}"
    return regex.compile(source)


def match_any(families: tuple[Family, ...], norm: str, words: int) -> list[str]:
    """Names of the families in ``families`` that match the normalised line."""
    return [f.name for f in families if f.match(norm, words) is not None]
