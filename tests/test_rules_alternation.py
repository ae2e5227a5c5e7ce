"""A family's alternatives as tries (rules.alternation) read as the plain alternation does.

``alternation`` merges a family's phrases into tries, which read the common start of many phrases
once; ``plain_alternation`` lists them one after another, longest first, as the families were
written for. Two checks that the two are one:

- every family compiled both ways gives the same ``match`` and ``search`` (span and every group)
  on its phrases, examples and counter-examples as they are, glued, with و, with punctuation
  around and joined in pairs, and on every line of the fixtures;
- the ends an alternation can reach from a place, in the order it tries them, are the same both
  ways (what decides every match the alternation is part of), on the real families and on
  made-up families of phrases that share starts, with and without the space between words.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract.engine.normalize import normalize
from arabic_extract.rules import AND, Family, alternation, family_source, plain_alternation
from arabic_extract.rules.catalog import all_families

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FAMILIES = all_families()
FAMILY_IDS = [f.name for f in FAMILIES]
MARKS = ("", " ", ":", " - ", "، ", " | ", "«", "»", "(", ")", ".", " x", "5 ")


@cache
def fixture_lines() -> tuple[str, ...]:
    lines = {
        normalize(line)
        for path in sorted(FIXTURES.glob("**/input.*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    return tuple(sorted(lines - {""}))


def subjects(family: Family) -> list[str]:
    """Lines made of a family's own text, in the shapes pages write them, and fixture lines."""
    texts = [normalize(t) for t in (*family.phrases, *family.examples, *family.counter_examples)]
    texts = [t for t in texts if t]
    found = set(fixture_lines())
    for text in texts:
        glued = text.replace(" ", "")
        found.update((text, glued, AND + text, AND + glued, text[:-1], text + text[-1]))
        found.update(before + text + after for before in MARKS[:6] for after in MARKS)
    rng = random.Random(family.name)
    for _ in range(400):
        first, second = rng.choice(texts), rng.choice(texts)
        for mark in (" ", " " + AND, "، ", "", " - ", ": "):
            found.add(first + mark + second)
    return sorted(found)


def _described(found: regex.Match[str] | None) -> object:
    if found is None:
        return None
    return found.span(), found.groups(), found.groupdict()


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_matches_as_with_the_plain_alternation(family: Family) -> None:
    plain = regex.compile(family_source(family, plain_alternation(family)))
    assert family.compiled.pattern == family_source(family, alternation(family))
    differ = [
        (how, line)
        for line in subjects(family)
        for how in ("match", "search")
        if _described(getattr(family.compiled, how)(line)) != _described(getattr(plain, how)(line))
    ]
    assert not differ, f"{family.name}: read differently: {differ[:5]}"


def ends(alt: str, text: str, start: int = 0) -> list[int]:
    """The places where ``alt`` can end a match that starts at ``start``, in the order a
    backtracking engine tries them (each once)."""
    found: list[int] = []
    while True:
        seen = "".join(rf"(?<=\A(?s:.){{{end}}})" + "|" for end in found)[:-1]
        tail = f"(?!{seen})" if seen else ""
        match = regex.compile(f"(?:{alt}){tail}", regex.DOTALL).match(text, start)
        if match is None:
            return found
        found.append(match.end())


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_alternation_tries_the_same_ends_in_the_same_order(family: Family) -> None:
    trie, plain = alternation(family), plain_alternation(family)
    texts = {normalize(t) for t in (*family.phrases, *family.examples)} - {""}
    lines = set()
    for text in texts:
        lines.update((text, text.replace(" ", ""), text + " " + text, text + "x"))
    differ = [line for line in sorted(lines) if ends(trie, line) != ends(plain, line)]
    assert not differ, f"{family.name}: tries other ends: {differ[:5]}"


# Made-up families: two letters, so that phrases share starts and run into each other, spaces
# between words or none ("فيس بوك" and "فيسبوك": some phrases are also listed glued), and
# patterns among the phrases.
_WORDS = st.text(alphabet="اب", min_size=1, max_size=3)
_PHRASES = st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), max_size=8)
_PATTERNS = st.lists(st.sampled_from(["ا+", r"ب\s*ا", "(?P<x>ب)ا?", "ا ا"]), max_size=2)
_TEXT = st.text(alphabet="اب. ", max_size=10)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    phrases=_PHRASES,
    glued=st.lists(st.booleans(), max_size=10),
    patterns=_PATTERNS,
    text=_TEXT,
)
def test_made_up_alternations_try_the_same_ends(
    phrases: list[str], glued: list[bool], patterns: list[str], text: str
) -> None:
    phrases += [p.replace(" ", "") for p, glue in zip(phrases, glued, strict=False) if glue]
    phrases = list(dict.fromkeys(phrases))
    if not phrases and not patterns:
        return
    family = Family("made-up", "line", "", tuple(phrases), tuple(patterns))
    trie, plain = alternation(family), plain_alternation(family)
    for start in range(len(text) + 1):
        assert ends(trie, text, start) == ends(plain, text, start), (text, start)
    for line in {"".join(phrases), *phrases}:
        for line_ in (line, line.replace(" ", "")):
            assert ends(trie, line_) == ends(plain, line_), line_


def test_phrases_that_share_starts_make_one_trie() -> None:
    family = Family("t", "line", "", ("اقرأ", "اقرأ أيضا", "اقرأ المزيد", "شارك"))
    assert alternation(family).count("اقر") == 1
    # a phrase glued and spaced (فيس بوك, فيسبوك) starts another trie: read in one, the one with
    # the space would no longer be tried in its place, longest first
    glued = Family("g", "line", "", ("فيس بوك", "فيسبوك"))
    assert alternation(glued).count("فيس") == 2
