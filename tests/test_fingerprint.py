"""The fingerprint itself: the pipeline's value is the public helper's, its words, its weights,
and copies of the fixtures edited as re-publishers edit agency copy (``test_dedup.py`` has the
closing-paragraph cut and the index)."""

from __future__ import annotations

import math
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from arabic_extract import Article, extract
from arabic_extract.dedup import DedupConfig
from arabic_extract.engine.blocks import line_blocks, matching_form
from arabic_extract.engine.fingerprint import (
    FULL_WORDS,
    LEVELS,
    MAX_WORDS,
    RISE_WORDS,
    SHORT_WORDS,
    fingerprint,
    from_norms,
    hamming,
    of_body,
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


def test_pipeline_value_is_fingerprint_of_the_paragraphs() -> None:
    # the pipeline reads the blocks' matching forms; the helper normalises the paragraphs
    pages = [*HTML, *TEXT, *sorted(DEV.glob("*.html"))]
    for path in pages:
        article = _article(path)
        assert article.fingerprint == fingerprint(article.paragraphs), path


def test_blocks_with_list_markers_and_long_lines_give_the_same_value() -> None:
    texts = ["1. " + BODY[0], "• " + BODY[1], "- " + BODY[0] + " " + BODY[1] * 3]
    for max_chars in (100_000, 60):  # 60: the third block's matching form is cut
        blocks = line_blocks(texts, max_chars)
        paragraphs = [b.text for b in blocks]
        assert of_body(paragraphs, blocks, max_chars) == fingerprint(paragraphs)
        # a paragraph that is no block's text (a table row joined from its cells)
        row = ["المحافظة | نسبة المشاركة | عدد المقاعد", *paragraphs]
        assert of_body(row, blocks, max_chars) == fingerprint(row)
    assert fingerprint(texts) != fingerprint([BODY[0], BODY[1]])


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
