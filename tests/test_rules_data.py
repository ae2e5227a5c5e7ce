"""Data lint over the rule tables: every family, the stopwords, the month series, the DOM tokens.

The rules are data written by hand; these tests keep that data clean: NFC text without Arabic
presentation forms, no phrase listed twice under another spelling that normalises the same, every
family documented by at least one example and one counter-example.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import random
import re
import unicodedata
from collections.abc import Callable, Iterator

import pytest
import regex

import arabic_extract.rules as rules_package
import arabic_extract.rules.attribution as attribution_rules
import arabic_extract.rules.dates as date_rules
import arabic_extract.rules.noise as noise_rules
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules import (
    AND,
    EDGE_MARKS,
    SEP,
    Family,
    dom,
    item_runs,
    may_be_items,
    may_open_with,
    phrase_heads,
)
from arabic_extract.rules.catalog import FAMILY_MODULES, all_families, module_families
from arabic_extract.rules.continuation import CONTINUATION_MARKS, DANGLING_WORDS
from arabic_extract.rules.dates import MONTH_SERIES, MonthSeries
from arabic_extract.rules.letters import ARABIC_BY_FREQUENCY, LATIN_BY_FREQUENCY
from arabic_extract.rules.stopwords import STOPWORDS

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


FAMILIES = all_families()
FAMILY_IDS = [f.name for f in FAMILIES]


def test_every_module_with_families_is_in_the_catalog() -> None:
    for info in pkgutil.iter_modules(rules_package.__path__):
        module = importlib.import_module(f"arabic_extract.rules.{info.name}")
        if module_families(module) and module.__name__ != "arabic_extract.rules.catalog":
            assert module in FAMILY_MODULES, f"{module.__name__}: add it to rules/catalog.py"


def family_strings(family: Family) -> list[tuple[str, str]]:
    """(field, text) for every phrase, example and counter-example of a family."""
    return (
        [("phrase", p) for p in family.phrases]
        + [("example", e) for e in family.examples]
        + [("counter_example", c) for c in family.counter_examples]
    )


def test_families_found() -> None:
    # The scan must see the families the engine uses, not an empty module.
    names = set(FAMILY_IDS)
    for expected in (
        "share-bar",
        "read-also",
        "keywords",
        "source-line",
        "byline",
        "dateline",
        "weekday",
        "time-ago",
        "footer",
    ):
        assert expected in names
    assert len(FAMILIES) >= 25


def test_family_names_unique() -> None:
    counts = {name: FAMILY_IDS.count(name) for name in FAMILY_IDS}
    assert [n for n, c in counts.items() if c > 1] == []


def test_noise_families_tuple_holds_every_noise_family() -> None:
    in_module = [v for v in vars(noise_rules).values() if isinstance(v, Family)]
    listed = noise_rules.NOISE_FAMILIES
    missing = [f.name for f in in_module if all(f is not g for g in listed)]
    assert missing == []


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_not_empty(family: Family) -> None:
    assert family.phrases or family.patterns, f"{family.name} has no phrase and no pattern"
    assert all(p.strip() for p in family.phrases), f"{family.name} has a blank phrase"
    assert all(p.strip() for p in family.patterns), f"{family.name} has a blank pattern"
    assert all(normalize(p) for p in family.phrases), f"{family.name}: phrase normalises to ''"


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_has_examples_and_counter_examples(family: Family) -> None:
    assert family.examples, f"{family.name} has no example"
    assert family.counter_examples, f"{family.name} has no counter-example"
    assert all(e.strip() for e in family.examples + family.counter_examples)


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_text_is_nfc(family: Family) -> None:
    bad = [
        (field, s) for field, s in family_strings(family) if not unicodedata.is_normalized("NFC", s)
    ]
    assert bad == [], f"{family.name}: not NFC: {bad}"


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_text_has_no_presentation_forms(family: Family) -> None:
    bad = [(field, s) for field, s in family_strings(family) if PRESENTATION_FORMS.search(s)]
    bad += [("pattern", p) for p in family.patterns if PRESENTATION_FORMS.search(p)]
    assert bad == [], f"{family.name}: Arabic presentation forms in {bad}"


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_phrases_not_duplicated_after_normalisation(family: Family) -> None:
    seen: dict[str, str] = {}
    duplicates: list[tuple[str, str]] = []
    for phrase in family.phrases:
        key = normalize(phrase)
        if key in seen:
            duplicates.append((seen[key], phrase))
        else:
            seen[key] = phrase
    assert duplicates == [], f"{family.name}: phrases equal after normalisation: {duplicates}"


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_examples_not_duplicated_after_normalisation(family: Family) -> None:
    keys = [normalize(e) for e in family.examples + family.counter_examples]
    assert len(keys) == len(set(keys)), f"{family.name}: an example is listed twice"


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_IDS)
def test_family_kind_and_limits(family: Family) -> None:
    assert family.kind in ("line", "prefix", "label", "search")
    assert family.max_words is None or family.max_words >= 1
    if family.kind in ("prefix", "label"):
        # a prefix family exposes its payload as the group "rest"
        assert "rest" in family.compiled.groupindex


# A line family reads the pieces after a line's first possessively, the longest phrase first
# (rules.compile_family): these two tests keep that reading the same as a backtracking one.

LINE_FAMILIES = [f for f in FAMILIES if f.kind == "line"]
LINES_PER_FAMILY = 10_000
Words = tuple[str, ...]


def _forms(pieces: set[Words]) -> Iterator[Words]:
    """The pieces as a line may write them after its first: alone or with the conjunction."""
    for piece in pieces:
        yield piece
        yield (AND + piece[0], *piece[1:])


def _overruns(pieces: set[Words], rest: Words) -> Iterator[Words]:
    """Every run of pieces that reads all of ``rest`` and ends past its end."""
    for piece in _forms(pieces):
        size = min(len(piece), len(rest))
        if piece[:size] != rest[:size]:
            continue
        if len(piece) > len(rest):
            yield piece
        elif len(piece) < len(rest):
            yield from (piece + more for more in _overruns(pieces, rest[len(piece) :]))


@pytest.mark.parametrize("family", LINE_FAMILIES, ids=[f.name for f in LINE_FAMILIES])
def test_line_family_longest_piece_can_go_on(family: Family) -> None:
    """When a phrase P starts a longer one Q and pieces after P run past Q's end (نسخ, نسخ الرابط,
    الرابط المختصر), the family lists P and those pieces as one phrase, read before Q."""
    pieces = {tuple(normalize(p).split()) for p in family.phrases} - {()}
    missing = {
        " ".join(short + run)
        for long in pieces
        for short in pieces
        if len(short) < len(long) and long[: len(short)] == short
        for run in _overruns(pieces, long[len(short) :])
        if short + run not in pieces
    }
    assert not missing, f"{family.name}: add the phrases {sorted(missing)}"


def _line_parts(family: Family) -> list[str]:
    """What lines of a family are made of: its phrases, their words, its examples, the
    literals of its patterns and a few numbers and marks."""
    parts = {"5", "12", "9:30", "1.5", "x", "a-b", "ب", "و", ":", "(", ")", "©", "/", "-"}
    for text in (*family.phrases, *family.examples, *family.counter_examples):
        words = normalize(text).split()
        parts.update(words)
        parts.update(" ".join(words[:i]) for i in range(1, len(words) + 1))
        parts.update(" ".join(words[i:]) for i in range(1, len(words)))
    for pattern in family.patterns:
        parts.update(re.findall(r"[^\W\d_]+", pattern))
    return sorted(parts - {""})


@pytest.mark.parametrize("family", LINE_FAMILIES, ids=[f.name for f in LINE_FAMILIES])
def test_line_family_matches_as_with_backtracking(family: Family) -> None:
    """On lines made of the family's own words, its pattern matches what the same pattern
    with its pieces read by backtracking matches."""
    possessive, backtracking_end = r")*+[\s\p{P}\p{S}]*+$", r")*[\s\p{P}\p{S}]*+$"
    assert family.compiled.pattern.endswith(possessive)
    backtracking = regex.compile(family.compiled.pattern[: -len(possessive)] + backtracking_end)
    parts = _line_parts(family)
    seps = [" ", " ", "، ", " - ", "|", " و", "", ": ", "  "]
    rng = random.Random(family.name)
    differ = []
    for _ in range(LINES_PER_FAMILY):
        line = rng.choice(parts)
        for _ in range(rng.randint(0, 5)):
            line += rng.choice(seps) + rng.choice(parts)
        line += rng.choice(["", "", " ", "،", " x"])
        found, expected = family.compiled.match(line), backtracking.match(line)
        if (found and found.span()) != (expected and expected.span()):
            differ.append(line)
    assert not differ, f"{family.name}: read differently from backtracking: {differ[:5]}"


PHRASE_LINE_FAMILIES = [f for f in LINE_FAMILIES if f.runs is not None]


def _check_rules_out_no_match(
    family: Family, lines: list[str], check: Callable[[str], bool]
) -> None:
    """``check`` (a precheck of ``family``) rules out none of ``lines`` that the family's
    pattern matches, and rules out many of them."""
    missed = [line for line in lines if not check(line) and family.compiled.match(line)]
    assert not missed, f"{family.name}: ruled out, yet the pattern matches: {missed[:5]}"
    assert sum(not check(line) for line in lines) > len(lines) // 10


def _random_lines(family: Family, seps: list[str], opens: list[str], most: int) -> list[str]:
    """LINES_PER_FAMILY lines of the family's words and a few others, ``seps`` between them."""
    parts = [*_line_parts(family), "قطار", "المدينه", "2024", "١٢"]
    rng = random.Random(family.name)
    lines = []
    for _ in range(LINES_PER_FAMILY):
        line = rng.choice(opens) + rng.choice(parts)
        for _ in range(rng.randint(0, most)):
            line += rng.choice(seps) + rng.choice(parts)
        lines.append(normalize(line + rng.choice(["", "", " ", "،", " x", ":"])))
    return lines


@pytest.mark.parametrize("family", PHRASE_LINE_FAMILIES, ids=[f.name for f in PHRASE_LINE_FAMILIES])
def test_line_family_word_check_is_implied_by_its_pattern(family: Family) -> None:
    """may_be_items rules out only lines the family's pattern does not match: on lines of the
    family's own words, glued, spaced, with the conjunction and marks between them, and with
    a few other words among them. It rules many of those out."""
    seps = [" ", " ", "، ", " - ", "|", " و", "", ": ", "  ", " (", ") ", "«", "»", "/", "_"]
    lines = _random_lines(family, seps, [""], 5)
    _check_rules_out_no_match(
        family, lines, lambda line: may_be_items(line, family.runs or frozenset())
    )


PHRASE_PREFIX_FAMILIES = [f for f in FAMILIES if f.heads is not None]


@pytest.mark.parametrize(
    "family", PHRASE_PREFIX_FAMILIES, ids=[f.name for f in PHRASE_PREFIX_FAMILIES]
)
def test_prefix_family_opening_check_is_implied_by_its_pattern(family: Family) -> None:
    """may_open_with rules out only lines the family's pattern does not match: lines that open
    with the family's words, glued or spaced, marks between them, other words after them."""
    seps = [" ", " ", "، ", " - ", "|", "", ": ", "  ", " (", "«", "/", ":"]
    lines = _random_lines(family, seps, ["", "", "« ", "- ", ": "], 4)
    _check_rules_out_no_match(
        family, lines, lambda line: may_open_with(line, family.heads or frozenset())
    )


PREFIX_FAMILIES = [f for f in FAMILIES if f.kind in ("prefix", "label")]


@pytest.mark.parametrize("family", PREFIX_FAMILIES, ids=[f.name for f in PREFIX_FAMILIES])
def test_prefix_family_phrase_lines_read_as_by_the_pattern(family: Family) -> None:
    """A prefix or label family tells a line that is one of its phrases, with marks around
    it, without its pattern (Family.test): always as the pattern does."""
    before = ["", "- ", ": ", "« ", "-" * 20]
    after = ["", ":", " :", " : x", ".", " .", " -", " x", "،", ")", " |", "؟"]
    differ = []
    for phrase in sorted(family.exact):
        for head, tail in itertools.product(before, after):
            line = normalize(head + phrase + tail)
            words = len(line.split())
            core = line.strip(EDGE_MARKS)
            expected = family.match(line, words) is not None
            if family.test(line, words, core) != expected:
                differ.append(line)
    assert not differ, f"{family.name}: told otherwise than by the pattern: {differ[:5]}"


def test_phrase_runs_are_written_out() -> None:
    """Every way of writing a phrase gives its runs: spaced, glued, after the conjunction."""
    assert item_runs(["فيس", "بوك"]) == {"فيس", "بوك", "فيسبوك", "وفيس", "وفيسبوك"}
    assert item_runs(["اشترك/ي"]) == {"اشترك", "ي", "واشترك"}
    assert phrase_heads(["اقرا", "ايضا"]) == {"اقرا ايضا", "اقراايضا"}
    assert phrase_heads(["المصدر:"]) == {"المصدر"}
    assert phrase_heads(["©"]) is None


def test_the_word_check_strips_separators_only() -> None:
    """may_be_items strips EDGE_MARKS from a word's ends and then takes an alphanumeric word
    for a whole run between separators: so every edge mark is a separator, and no
    alphanumeric character is one (the pattern's SEP: spaces, punctuation, symbols)."""
    separator = regex.compile(SEP)
    assert all(separator.match(mark) for mark in EDGE_MARKS)
    alphanumeric_separators = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and chr(code).isalnum()
        and separator.match(chr(code)) is not None
    ]
    assert not alphanumeric_separators


# --------------------------------------------------------------------------- stopwords


def test_stopwords_nfc_and_no_presentation_forms() -> None:
    assert STOPWORDS
    assert [w for w in STOPWORDS if not unicodedata.is_normalized("NFC", w)] == []
    assert [w for w in STOPWORDS if PRESENTATION_FORMS.search(w)] == []
    assert [w for w in STOPWORDS if not w.strip() or len(w.split()) != 1] == []


def test_continuation_words_nfc_single_and_not_duplicated() -> None:
    assert DANGLING_WORDS
    assert [w for w in DANGLING_WORDS if not unicodedata.is_normalized("NFC", w)] == []
    assert [w for w in DANGLING_WORDS if PRESENTATION_FORMS.search(w)] == []
    assert [w for w in DANGLING_WORDS if not w.strip() or len(w.split()) != 1] == []
    folded = [normalize(w) for w in DANGLING_WORDS]
    assert sorted({w for w in folded if folded.count(w) > 1}) == []
    assert len(set(CONTINUATION_MARKS)) == len(CONTINUATION_MARKS)
    assert not any(mark.isalnum() or mark.isspace() for mark in CONTINUATION_MARKS)


def test_stopwords_not_duplicated_after_normalisation() -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for word in STOPWORDS:
        key = normalize(word)
        if key in seen:
            duplicates.append((seen[key], word))
        seen[key] = word
    assert duplicates == []


# --------------------------------------------------------------------------- months


def month_series() -> list[MonthSeries]:
    return list(MONTH_SERIES)


@pytest.mark.parametrize("series", month_series(), ids=[s.name for s in MONTH_SERIES])
def test_month_series_has_twelve_months(series: MonthSeries) -> None:
    assert len(series.months) == 12
    for number, spellings in enumerate(series.months, start=1):
        assert spellings, f"{series.name}: month {number} has no spelling"
        for spelling in spellings:
            assert spelling.strip(), f"{series.name}: month {number} has an empty spelling"
            assert normalize(spelling), f"{series.name}: month {number} normalises to ''"
            assert unicodedata.is_normalized("NFC", spelling)
            assert not PRESENTATION_FORMS.search(spelling)


@pytest.mark.parametrize("series", month_series(), ids=[s.name for s in MONTH_SERIES])
def test_month_series_spellings_name_one_month(series: MonthSeries) -> None:
    owner: dict[str, int] = {}
    for number, spellings in enumerate(series.months, start=1):
        for spelling in spellings:
            key = normalize(spelling)
            assert owner.get(key, number) == number, (
                f"{series.name}: {spelling!r} names months {owner[key]} and {number}"
            )
            owner[key] = number


def test_month_names_consistent_across_series() -> None:
    # A spelling shared by two series (مارس, أكتوبر...) must name the same month in both,
    # otherwise the month table depends on the order of the series.
    owner: dict[str, tuple[str, int]] = {}
    conflicts = []
    for series in MONTH_SERIES:
        for number, spellings in enumerate(series.months, start=1):
            for spelling in spellings:
                key = normalize(spelling)
                if key in owner and owner[key][1] != number:
                    conflicts.append((spelling, owner[key], (series.name, number)))
                owner.setdefault(key, (series.name, number))
    assert conflicts == []


def test_series_names_unique_and_one_hijri() -> None:
    names = [s.name for s in MONTH_SERIES]
    assert len(names) == len(set(names))
    assert [s.name for s in MONTH_SERIES if not s.gregorian] == ["months-hijri"]


@pytest.mark.parametrize("series", month_series(), ids=[s.name for s in MONTH_SERIES])
def test_month_spellings_not_duplicated_without_spaces(series: MonthSeries) -> None:
    # a month's words match with or without the space between them (ذو القعدة, ذوالقعدة):
    # two spellings that differ only there are one spelling listed twice
    keys = ["".join(normalize(s).split()) for spellings in series.months for s in spellings]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


# The Hijri months as the issue lists them, with the variants and misspellings pages use.
HIJRI_SPELLINGS_REQUIRED = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني"),
    5: ("جمادى الأولى", "جمادى الاولى", "جماد الأول"),
    6: ("جمادى الآخرة",),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة"),
    12: ("ذو الحجة", "ذي الحجة"),
}


@pytest.mark.parametrize("month", range(1, 13))
def test_hijri_series_has_the_spellings_pages_use(month: int) -> None:
    listed = {normalize(s) for s in date_rules.HIJRI.months[month - 1]}
    missing = [s for s in HIJRI_SPELLINGS_REQUIRED[month] if normalize(s) not in listed]
    assert missing == []


def test_hijri_month_names_are_not_gregorian_names() -> None:
    hijri = {normalize(s) for spellings in date_rules.HIJRI.months for s in spellings}
    gregorian = {
        normalize(s)
        for series in MONTH_SERIES
        if series.gregorian
        for spellings in series.months
        for s in spellings
    }
    assert sorted(hijri & gregorian) == []


# --------------------------------------------------------------------------- date labels, bylines


def test_published_and_updated_labels_are_disjoint() -> None:
    published = {normalize(p) for p in date_rules.PUBLISHED_LABEL.phrases}
    updated = {normalize(p) for p in date_rules.UPDATED_LABEL.phrases}
    assert sorted(published & updated) == []


def test_era_marks_are_disjoint() -> None:
    hijri = {normalize(p) for p in date_rules.HIJRI_ERA.phrases}
    gregorian = {normalize(p) for p in date_rules.GREGORIAN_ERA.phrases}
    assert sorted(hijri & gregorian) == []


def test_dateline_places_are_not_agencies_roles_or_outlets() -> None:
    # a place that is also an agency (قنا) or a role would be read as either
    places = attribution_rules.DATELINE_PLACE.phrases
    clashes = [
        (place, family.name)
        for place in places
        for family in (
            attribution_rules.AGENCIES,
            attribution_rules.BYLINE_ROLE,
            attribution_rules.OUTLET_WORDS,
        )
        if family.compiled.fullmatch(normalize(place)) is not None
    ]
    assert clashes == []


def test_byline_roles_are_not_places() -> None:
    place = attribution_rules.DATELINE_PLACE
    assert [r for r in attribution_rules.BYLINE_ROLE.phrases if place.match(normalize(r))] == []


# --------------------------------------------------------------------------- DOM tables

ASCII_TOKEN = re.compile(r"[a-z0-9]+")

# Tokens deliberately listed in two noise tables, with the reason. Empty: none is documented.
DOCUMENTED_SHARED_TOKENS: dict[str, str] = {}


def all_token_tables() -> list[tuple[str, frozenset[str]]]:
    tables = list(dom.NOISE_TOKENS.items())
    tables.append(("ARTICLE_TOKENS", dom.ARTICLE_TOKENS))
    tables.append(("ARTICLE_HEADER_TOKENS", dom.ARTICLE_HEADER_TOKENS))
    tables.append(("HIDDEN_CLASSES", dom.HIDDEN_CLASSES))
    return tables


@pytest.mark.parametrize("name,tokens", all_token_tables(), ids=[n for n, _ in all_token_tables()])
def test_dom_tokens_lowercase_ascii(name: str, tokens: frozenset[str]) -> None:
    assert tokens, f"{name} is empty"
    # Class names are lower-cased and read as runs of letters (CLASS_TOKEN), so only such
    # tokens can ever match.
    bad = sorted(t for t in tokens if not ASCII_TOKEN.fullmatch(t))
    assert bad == [], f"{name}: tokens that can never match: {bad}"


def test_dom_token_split_agrees_with_tables() -> None:
    for name, tokens in all_token_tables():
        for token in tokens:
            assert re.fullmatch(dom.CLASS_TOKEN, token), (name, token)


def test_dom_noise_tables_disjoint() -> None:
    shared = []
    for (a, ta), (b, tb) in itertools.combinations(dom.NOISE_TOKENS.items(), 2):
        for token in sorted(ta & tb):
            if token not in DOCUMENTED_SHARED_TOKENS:
                shared.append((token, a, b))
    assert shared == [], f"tokens in two noise tables: {shared}"


def test_dom_article_tokens_are_not_noise() -> None:
    noise = set().union(*dom.NOISE_TOKENS.values())
    assert sorted(dom.ARTICLE_TOKENS & noise) == []
    # an article's header is read with its separators removed (entryheader), never as a token
    assert sorted(dom.ARTICLE_HEADER_TOKENS & (noise | dom.ARTICLE_TOKENS)) == []


def test_dom_table_names_and_tags() -> None:
    assert all(name.startswith("dom:") for name in dom.NOISE_TOKENS)
    assert all(reason.startswith("dom:") for reason in dom.FURNITURE_TAGS.values())
    for tags in (
        dom.SKIP_TAGS,
        dom.BLOCK_TAGS,
        frozenset(dom.HEADINGS),
        frozenset(dom.FURNITURE_TAGS),
    ):
        assert all(ASCII_TOKEN.fullmatch(t) for t in tags)
    assert set(dom.HEADINGS) <= dom.BLOCK_TAGS


def test_letter_frequency_tables() -> None:
    for order, script in ((ARABIC_BY_FREQUENCY, "ARABIC"), (LATIN_BY_FREQUENCY, "LATIN")):
        assert len(set(order)) == len(order), "a letter listed twice"
        assert unicodedata.normalize("NFC", order) == order
        assert not PRESENTATION_FORMS.search(order)
        assert all(unicodedata.name(ch).startswith(script) for ch in order)
        assert normalize(order) == order  # letters as normalised text has them
