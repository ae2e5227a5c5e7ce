"""The fingerprint itself: the pipeline's value is the public helper's, its words, its weights,
and copies of the fixtures edited as re-publishers edit agency copy (``test_dedup.py`` has the
closing-paragraph cut and the index)."""

from __future__ import annotations

import math
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from pydantic import ValidationError

from arabic_extract import Article, extract
from arabic_extract.dedup import DedupConfig
from arabic_extract.engine.blocks import matching_form
from arabic_extract.engine.fingerprint import (
    _WHOLE_CHARS,
    FULL_WORDS,
    LEVELS,
    MAX_CHARS,
    MAX_WORDS,
    RISE_WORDS,
    SHORT_WORDS,
    body_forms,
    fingerprint,
    from_norms,
    hamming,
    weight_bits,
    weighted_features,
    windows,
    words,
)

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
HTML = sorted(ROOT.glob("fixtures/html/*/source.html"))
TEXT = [
    *sorted(ROOT.glob("fixtures/text/*/input.txt")),
    *sorted(ROOT.glob("fixtures/seeds/*/input.txt")),
    *sorted(ROOT.glob("fixtures/markdown/*/input.md")),
]
BOUND = DedupConfig().max_distance
BODY = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة ٢٠٠ سرير.",
    "وقال الوزير إن المستشفى سيخدم أكثر من مليون مواطن.",
]


def _article(path: Path) -> Article:
    return extract(path.read_bytes() if path.suffix == ".html" else path.read_text("utf-8"))


def _bodies() -> list[Article]:
    return [a for a in (_article(path) for path in HTML) if a.paragraphs]


def test_article_value_is_fingerprint_of_the_paragraphs() -> None:
    # computed when first read, and the same read again, through a dump and a copy
    pages = [*HTML, *TEXT, *sorted(DEV.glob("*.html"))]
    for path in pages:
        article = _article(path)
        assert "fingerprint" not in article.__dict__, path  # extract() does not compute it
        # the body's forms the pipeline kept for it are no part of the article's value
        assert Article.model_validate_json(article.model_dump_json(exclude={"fingerprint"})) == (
            article
        )
        assert article.fingerprint == fingerprint(article.paragraphs), path
        assert article.model_dump()["fingerprint"] == article.fingerprint
        again = Article.model_validate_json(article.model_dump_json())
        assert again == article and again.fingerprint == article.fingerprint


def test_the_fingerprint_is_frozen_as_the_fields_are() -> None:
    article = extract("\n".join(BODY))
    before = article.fingerprint
    for name in ("fingerprint", "paragraphs"):
        with pytest.raises(ValidationError):
            setattr(article, name, "0123456789abcdef")
    assert article.fingerprint == before
    assert Article().fingerprint is None


def test_body_forms_are_each_paragraphs_matching_form() -> None:
    # the paragraphs are normalised in batches: as one at a time would give them, up to the
    # one that takes them past what the fingerprint reads
    odd = ["1. " + BODY[0], "", "• " + BODY[1], " - " + BODY[0] + " ", "سطر\nآخر", "ﻻ إله إلا ﷲ"]
    huge = "كلمة " * (_WHOLE_CHARS // 5 + 10)
    for texts in ([*odd, *(BODY * 200)], [*odd, huge, *BODY]):
        forms = body_forms(texts)
        assert len(forms) < len(texts)
        assert sum(len(f) + 1 for f in forms[:-1]) <= MAX_CHARS < sum(len(f) + 1 for f in forms)
        for text, form in zip(texts, forms, strict=False):
            whole = matching_form(text, len(text))[0]
            assert form == whole or (text == huge and whole.startswith(form))
        assert fingerprint(texts) == from_norms([matching_form(t, len(t))[0] for t in texts])
    assert body_forms(odd) == [matching_form(t, len(t))[0] for t in odd]
    assert fingerprint(odd) != fingerprint(BODY)


def test_fingerprint_is_stable() -> None:
    # CRC-32 and a multiply-shift hash with fixed constants: the same on every machine and run
    assert fingerprint(BODY) == "284898b48ceb8026"


def test_punctuation_and_its_style_do_not_count() -> None:
    styled = [
        "أعلنت وزارة الصحة، اليوم، عن «افتتاح» مستشفى جديد – في العاصمة – بسعة 200 سرير…",
        'وقال الوزير: "إن المستشفى سيخدم أكثر من مليون مواطن"!',
    ]
    assert fingerprint(styled) == fingerprint(BODY)
    expected = [word.encode() for word in ("قال", "نعم", "غدا", "12", "5", "a_b")]
    assert words(["قال: «نعم»، (غدا) - 12.5% a_b"]) == expected


def test_words_past_the_last_that_counts_do_not_change_it() -> None:
    story = [f"كلمة{number}" for number in range(MAX_WORDS + 100)]
    other = story[:MAX_WORDS] + [f"أخرى{number}" for number in range(100)]
    assert fingerprint([" ".join(story)]) == fingerprint([" ".join(other)])
    assert fingerprint([" ".join(story)]) != fingerprint([" ".join(story[1:])])
    huge = " ".join(story) + " نص" * 100_000
    assert fingerprint([huge]) == fingerprint([" ".join(story)])


def test_short_bodies_have_fingerprints() -> None:
    one, two, five = fingerprint(["كلمة"]), fingerprint(["كلمة واحدة"]), fingerprint(BODY[:1])
    assert None not in (one, two, five)
    assert len({one, two, five}) == 3


def test_weights_rise_stay_full_and_fall_to_the_end_of_the_body() -> None:
    def weights(word_count: int) -> list[int]:
        features = max(1, word_count - 2)
        levels = [0] * features
        for start, stop in windows(word_count, features):
            for position in range(start, stop):
                levels[position] += 1
        return levels

    story = weights(250)
    assert story[0] == 0 and story[RISE_WORDS // 2] == LEVELS // 2
    assert set(story[RISE_WORDS - 1 : FULL_WORDS]) == {LEVELS}
    assert story[-1] == 0 and story[150] > story[200] > story[240]
    assert story == sorted(story[:FULL_WORDS]) + sorted(story[FULL_WORDS:], reverse=True)
    # the fall is measured against the body's length: a shorter story's end weighs as little
    assert weights(180)[-1] == 0 and weights(180)[150] < story[150]
    # ...but at least SHORT_WORDS: a brief's end keeps some weight
    assert weights(60)[-1] > 0 and weights(60) == weights(SHORT_WORDS)[:58]
    # ...and at most MAX_WORDS: the words past it do not count
    assert weights(1000)[: MAX_WORDS - 2] == weights(MAX_WORDS)


@pytest.mark.parametrize("word_count", [1, 3, 5, 40, 61, 99, 100, 150, 250, 299, 300, 301, 1000])
def test_weight_bits_add_up_to_the_weights(word_count: int) -> None:
    """The count reads the weights bit by bit: every feature's weight is the sum of the
    values of the groups that hold it, and each group holds a feature at most once."""
    features = max(1, min(word_count, MAX_WORDS) - 2)
    spans = windows(word_count, features) or [(0, features)]
    expected = [sum(start <= i < stop for start, stop in spans) for i in range(features)]
    found = [0] * features
    for value, ranges in weight_bits(spans):
        assert value & (value - 1) == 0  # a power of two
        held = [i for start, stop in ranges for i in range(start, stop)]
        assert len(held) == len(set(held))
        for i in held:
            found[i] += value
    assert found == expected


LEAD = "أفادت مصادر إعلامية متطابقة اليوم بأن التطورات الأخيرة تتواصل وسط متابعة واسعة."
DATELINE = "القاهرة - (أ ش أ) - "
CREDIT = "المصدر: وكالة أنباء الشرق الأوسط"


def _lead(paragraphs: list[str]) -> list[str]:
    """Another lead line instead of the first sentence (or the first 15 words)."""
    first = paragraphs[0]
    end = first.find(".") + 1
    rest = first[end:] if 0 < end < len(first) else " ".join(first.split()[15:])
    return [f"{LEAD} {rest.strip()}", *paragraphs[1:]]


def _source(paragraphs: list[str]) -> list[str]:
    """Another agency's dateline and credit line."""
    return [DATELINE + paragraphs[0], *paragraphs[1:], CREDIT]


def _republished(paragraphs: list[str]) -> list[str]:
    """Another lead line, dateline and credit, and the closing paragraph cut."""
    return _source(_lead(paragraphs[:-1]))


def _changed_share(first: str, second: str) -> float:
    """The share of the longer text's characters that the two do not have in common."""
    blocks = SequenceMatcher(None, first, second, autojunk=False).get_matching_blocks()
    return 1 - sum(block.size for block in blocks) / (max(len(first), len(second)) or 1)


def _expected_distance(first: list[str], second: list[str]) -> float:
    """64 * the angle between the two bodies' weighted features / pi: the distance SimHash puts
    them apart on average over hash functions."""
    a, b = weighted_features(first), weighted_features(second)
    dot = sum(weight * b.get(feature, 0) for feature, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return 64 * math.acos(min(1.0, dot / norm)) / math.pi


@pytest.mark.parametrize("edit", [_lead, _source, _republished])
def test_fixture_copies_edited_by_other_sites_are_close(
    edit: Callable[[list[str]], list[str]],
) -> None:
    # Every fixture story with a closing paragraph to cut, whatever its length, language and
    # page type. The weights (not the hash) set the expected distance: at most 6.6 bits for one
    # edit, where a pair goes past the bound of 11 with a chance of 1 in 35 or less, and 7.6
    # for all of them at once (28 % of a 125-word story with a table changed), 1 in 14; one
    # edit alone moves the fingerprint within the bound.
    most = 7.6 if edit is _republished else 6.6
    checked = 0
    for article in _bodies():
        paragraphs = list(article.paragraphs)
        if len(paragraphs) < 3 or 3 * len(paragraphs[-1].split()) > len(article.body.split()):
            continue  # no closing paragraph to cut as a small edit
        copy = edit(paragraphs)
        if _changed_share("\n".join(paragraphs), "\n".join(copy)) > 1 / 3:
            continue  # another story, not a copy (as benchmarks/near_duplicates.py counts it)
        assert _expected_distance(paragraphs, copy) <= most, article.headline
        if edit is not _republished:
            found = fingerprint(copy)
            assert article.fingerprint is not None and found is not None
            assert hamming(article.fingerprint, found) <= BOUND, article.headline
        checked += 1
    assert checked >= 12


@pytest.mark.parametrize(
    "paragraph",
    [
        "أعلنت الوزارة اليوم عن خطة جديدة. " * 40_000,  # 1.4 MB of plain prose
        "أَعْلَنَتِ الْوِزَارَةُ الْيَوْمَ خُطَّةً ــــ جَدِيدَةً " * 30_000,  # marks and tatweel: shrinks
        "\ufefb\ufef7 \ufdfa \ufe8d\ufedf\ufeee\ufeb3\ufef4\ufee0\ufe94 " * 20_000,  # forms: grows
    ],
)
def test_a_huge_paragraph_is_read_as_far_as_it_counts(paragraph: str) -> None:
    # Only a prefix of a paragraph of megabytes is normalised; the value is that of the whole.
    whole = from_norms([matching_form(paragraph, len(paragraph))[0]])
    assert fingerprint([paragraph]) == whole
    assert fingerprint(["مقدمة قصيرة للخبر.", paragraph]) == from_norms(
        ["مقدمة قصيرة للخبر", matching_form(paragraph, len(paragraph))[0]]
    )
