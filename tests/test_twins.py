"""The re twins of the regex patterns (arabic_extract.engine.twins) read what their patterns read.

A twin spells each Unicode class as the code points of TWIN_RANGES the regex module puts in it,
keeps \\s and \\d (the engines' agree on the ranges), and is used only on lines of those code
points. Checked here: the spellings and the kept classes on every code point of the ranges,
`plain` on every code point, the rewriting of sets and escapes, and each rule family's twin
against its pattern on many lines (its examples, lines of its own words, the fixtures' lines).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import regex

from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.twins import (
    SPELLINGS,
    TWIN_RANGES,
    Twinned,
    plain,
    twin,
    twin_source,
)
from arabic_extract.rules import Family
from arabic_extract.rules.catalog import all_families

ROOT = Path(__file__).resolve().parents[1]
IN_RANGES = [chr(code) for low, high in TWIN_RANGES for code in range(low, high + 1)]


def _in_ranges(code: int) -> bool:
    return any(low <= code <= high for low, high in TWIN_RANGES)


@pytest.mark.parametrize("token", sorted(SPELLINGS))
def test_spelling_holds_what_the_regex_class_holds(token: str) -> None:
    spelled = re.compile(f"[{SPELLINGS[token]}]")
    original = regex.compile(token)
    differ = [
        hex(ord(char))
        for char in IN_RANGES
        if (spelled.fullmatch(char) is None) != (original.fullmatch(char) is None)
    ]
    assert not differ


@pytest.mark.parametrize("token", [r"\s", r"\d", r"\S", r"\D"])
def test_kept_classes_agree_on_the_ranges(token: str) -> None:
    kept, original = re.compile(token), regex.compile(token)
    differ = [
        hex(ord(char))
        for char in IN_RANGES
        if (kept.fullmatch(char) is None) != (original.fullmatch(char) is None)
    ]
    assert not differ


def test_plain_reads_the_ranges() -> None:
    differ = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and plain(chr(code)) != _in_ranges(code)
    ]
    assert not differ
    assert plain("الرئيسية / محلي — «عام» 2024")
    assert not plain("خبر 😀")


def test_sets_and_escapes_are_rewritten_in_place() -> None:
    letters = SPELLINGS[r"\p{L}"]
    assert twin_source(r"\p{L}+") == f"[{letters}]+"
    assert twin_source(r"[\p{L}\d]") == f"[{letters}\\d]"
    assert twin_source(r"[^\p{L}]") == f"[^{letters}]"
    assert twin_source(r"[]a]\]") == r"[\]a]\]"
    assert twin_source(r"[a[]") == r"[a\[]"
    assert twin_source(r"\\p{L}") == r"\\p{L}"  # an escaped backslash, then letters
    assert twin_source(r"\s*+\d\S") == r"\s*+\d\S"


@pytest.mark.parametrize("source", [r"\w+", r"\bword", r"\p{Latin}", r"\P{L}", r"a\Kb"])
def test_what_a_twin_cannot_say_is_refused(source: str) -> None:
    assert twin_source(source) is None
    assert twin(source) is None


def test_what_re_cannot_compile_is_refused() -> None:
    assert twin("(?P<a>x)|(?P<a>y)") is None  # a group name used twice
    assert twin(r"(?<=ab|c)x") is None  # a lookbehind of varying width


TWINNED = [f for f in all_families() if f.twin is not None]


def _fixture_lines() -> list[str]:
    lines: set[str] = set()
    for path in (ROOT / "fixtures").rglob("input.*"):
        if path.suffix in (".txt", ".md"):
            lines.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return sorted(line for line in lines if line)


FIXTURE_LINES = [normalize(line) for line in _fixture_lines()]


def _family_lines(family: Family, count: int) -> list[str]:
    """Lines made of a family's examples and phrases, pieces of them and separators."""
    texts = [*family.examples, *family.counter_examples, *family.phrases]
    pieces = sorted({w for t in texts for w in normalize(t).split()} | {"5", "2024", "x"})
    seps = [" ", " ", "، ", " - ", "|", " و", "", ": ", " (", ") ", "«", "»", "/", "\u200f"]
    rng = random.Random(family.name)
    lines = [normalize(t) for t in texts]
    for _ in range(count):
        line = rng.choice(pieces)
        for _ in range(rng.randint(0, 6)):
            line += rng.choice(seps) + rng.choice(pieces)
        lines.append(line)
    return lines


def test_every_family_but_those_with_a_name_used_twice_has_a_twin() -> None:
    assert {f.name for f in all_families() if f.twin is None} <= {"dateline"}


@pytest.mark.parametrize("family", TWINNED, ids=[f.name for f in TWINNED])
def test_family_twin_reads_as_its_pattern(family: Family) -> None:
    twin_pattern = family.twin
    assert twin_pattern is not None
    read = "search" if family.kind == "search" else "match"
    differ = []
    lines = [*_family_lines(family, 3_000), *FIXTURE_LINES]
    for line in lines:
        if not plain(line):
            continue
        expected = getattr(family.compiled, read)(line)
        found = getattr(twin_pattern, read)(line)
        if (expected and (expected.span(), expected.groupdict())) != (
            found and (found.span(), found.groupdict())
        ):
            differ.append(line)
    assert not differ, f"{family.name}: the twin reads otherwise: {differ[:5]}"
    assert any(getattr(family.compiled, read)(line) for line in lines)


@pytest.mark.parametrize(
    "source",
    [
        r"(?:\s[-–—|]\s*+|،\s*+|\()(?P<credit>[^()\-–—|،]{1,40}?)\)?\s*+$",
        r"^[\s\p{P}\p{S}]++|(?<![\s\p{P}\p{S}])[\s\p{P}\p{S}]++$",
        r"\w+",  # (no twin: every text goes to the pattern)
    ],
)
def test_twinned_answers_as_its_pattern(source: str) -> None:
    """A Twinned pattern's search, match and sub give the pattern's answers, with the
    arguments the engine passes, on lines of the twin ranges and on others."""
    twinned, pattern = Twinned(source), regex.compile(source)
    lines = [*FIXTURE_LINES[:400], "صورة 😀 - رويترز", "«خبر» (أ ف ب)", "", " - "]
    for line in lines:
        for start, end in ((None, None), (0, len(line)), (len(line) // 2, None)):
            for read in ("search", "match"):
                found = getattr(twinned, read)(line, start, end, False)
                expected = getattr(pattern, read)(line, start, end, False)
                assert (found and (found.span(), found.groupdict())) == (
                    expected and (expected.span(), expected.groupdict())
                ), (read, line)
        assert twinned.sub("", line) == pattern.sub("", line)
