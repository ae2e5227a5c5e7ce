"""The field lint (arabic_extract.lint), the caption and tag cleanup it checks, and the lint run
over every fixture, seed and development page in every input shape: fields as clean as the
body."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from arabic_extract import Article, extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.blocks import line_blocks
from arabic_extract.engine.captions import (
    LONGEST_CAPTION,
    Known,
    article_captions,
    caption_text,
    not_a_caption,
)
from arabic_extract.engine.tags import plausible_tags
from arabic_extract.lint import lint

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONFIG = ExtractionConfig()


def article(**fields: Any) -> Article:
    return Article.model_validate({"paragraphs": ["نص المقال عن الاقتصاد."], **fields})


def rules(found: Article) -> list[str]:
    return [finding.rule for finding in lint(found)]


# --- the lint's rules --------------------------------------------------------------------------


def test_a_clean_article_has_no_finding() -> None:
    clean = article(
        headline="الحكومة تقر الموازنة",
        author="منى عبد الحميد",
        date_text="الثلاثاء، 19 مارس 2024",
        published=datetime(2024, 3, 19, 11, 30),
        tags=["الموازنة", "الحكومة"],
        captions=["رئيس الوزراء خلال الجلسة"],
        language="ar",
    )
    assert lint(clean) == []


@pytest.mark.parametrize(
    "fields,rule",
    [
        ({"tags": ["21"]}, "tag-without-letters"),
        ({"tags": ["A/78/L.1"]}, "tag-code"),
        ({"tags": ["COMDOC"]}, "tag-code"),
        ({"tags": ["news"], "language": "ar"}, "tag-foreign-and-unseen"),
        ({"tags": ["شارك"]}, "tag-prompt"),
        ({"captions": ["التعليق على الصورة"]}, "caption-label"),
        ({"captions": ["صدر الصورة، Getty Images"]}, "caption-credit"),
        ({"captions": ["Sputnik"]}, "caption-credit"),
        ({"captions": ["بدأت التغطية: السبت 10 آب 2024 - 06:20"]}, "caption-meta-line"),
        ({"captions": ["كتبت منى عبد الحميد"]}, "caption-meta-line"),
        (
            {"captions": ["دبي - مريم الحمادي"], "author": "مريم الحمادي"},
            "caption-author",
        ),
        ({"captions": ["فيسبوك وتويتر"]}, "caption-prompt"),
        ({"captions": ["صورة الوزير", "صورة الوزير"]}, "caption-repeated"),
        ({"date_text": "تم نشره الجمعة 24 نيسان 2020"}, "date-text-not-a-date-first"),
        ({"date_text": "بروكسل، 9 يناير 2024"}, "date-text-not-a-date-first"),
        (
            {"date_text": "9 يناير 2024", "published": datetime(2024, 3, 1)},
            "date-text-disagrees-with-published",
        ),
        ({"author": "مراسل 24"}, "author-not-a-name"),
        ({"author": "بقلم منى عبد الحميد"}, "author-with-byline-word"),
        ({"author": "وكالة الأنباء الأردنية"}, "author-is-an-outlet"),
        ({"authors": ["منى عبد الحميد", "مراسل الجزيرة"]}, "author-with-role"),
        ({"authors": ["القاهرة"]}, "author-is-a-place"),
        ({"headline": "شارك الخبر"}, "share-bar"),
        ({"paragraphs": ["شارك الخبر على فيسبوك وتويتر"]}, "share-bar"),
        ({"paragraphs": ["تابعونا على واتساب"]}, "follow-prompt"),
        ({"source": "2024"}, "source-without-letters"),
    ],
)
def test_each_rule(fields: dict[str, Any], rule: str) -> None:
    assert rule in rules(article(**fields))


def test_findings_name_field_rule_and_value() -> None:
    (finding,) = lint(article(tags=["21"]))
    assert (finding.field, finding.rule, finding.value) == ("tags", "tag-without-letters", "21")
    assert str(finding) == "tags: tag-without-letters: '21'"


def test_a_date_a_day_off_in_utc_is_the_same_date() -> None:
    from datetime import timezone  # noqa: PLC0415

    late = datetime(2024, 3, 18, 23, 30, tzinfo=timezone.utc)
    assert rules(article(date_text="الثلاثاء 19 مارس 2024", published=late)) == []


# --- captions ------------------------------------------------------------------------------------


def caption_of(line: str) -> str:
    (block,) = line_blocks([line], CONFIG.max_line_chars)
    return caption_text(block)


@pytest.mark.parametrize(
    "line,caption",
    [
        ("التعليق على الصورة، متظاهرون في وسط الخرطوم", "متظاهرون في وسط الخرطوم"),
        ("الصورة: الرئيس خلال الاجتماع", "الرئيس خلال الاجتماع"),
        ("جانب من حفل إطلاق المنصة في دبي (من المصدر)", "جانب من حفل إطلاق المنصة في دبي"),
        ("لاعبو الخليج يحتفلون بالهدف (تصوير: عبدالله الزهراني)", "لاعبو الخليج يحتفلون بالهدف"),
        ("ارتفاع درجات الحرارة في الجنوب - صورة أرشيفية", "ارتفاع درجات الحرارة في الجنوب"),
        ("الوزير في القاهرة (رويترز) - أرشيف", "الوزير في القاهرة"),
        ("الوزير في القاهرة تصوير: محمد علي", "الوزير في القاهرة"),
        ("التعليق على الصورة", ""),
        ("وزير الخارجية، سامح شكري", "وزير الخارجية، سامح شكري"),
        ("صورة قاتمة للاقتصاد في تقرير الصندوق", "صورة قاتمة للاقتصاد في تقرير الصندوق"),
    ],
)
def test_caption_text_drops_labels_and_credits(line: str, caption: str) -> None:
    assert caption_of(line) == caption


def test_a_text_far_longer_than_a_caption_is_kept_as_it_is() -> None:
    # no label or credit is looked for in it (a hostile line of megabytes costs nothing here)
    line = "الصورة: " + "جانب من الاحتفال " * 200 + "(رويترز)"
    assert len(line) > LONGEST_CAPTION
    kept = caption_of(line)
    assert kept.startswith("الصورة: ") and kept.endswith("(رويترز")  # trimmed at its edges only


@pytest.mark.parametrize(
    "text,known,reason",
    [
        ("Getty Images", Known(), "credit"),
        ("صدر الصورة، Getty Images", Known(), "credit"),
        ("الأحد 27 أكتوبر 2024 - 07:45 م مدة الفيديو: 01:48", Known(), "meta-line"),
        ("اسٹاف رپورٹر 23 مئی 2024", Known(), "meta-line"),
        ("نورة السبيعي", Known(author="نورة السبيعي"), "author"),
        ("عن المدينة الإخبارية", Known(site="المدينة الإخبارية"), "site"),
        ("شارك الخبر على فيسبوك", Known(), "prompt"),
        ("...", Known(), "no-words"),
        ("متظاهرون في وسط الخرطوم", Known(author="منى عبد الحميد"), None),
        ("صورة من احتجاجات 25 يناير في ميدان التحرير", Known(), None),
    ],
)
def test_not_a_caption(text: str, known: Known, reason: str | None) -> None:
    assert not_a_caption(text, known, CONFIG) == reason


def test_article_captions_once_each_in_order() -> None:
    texts = ["متظاهرون في الخرطوم", "Sputnik", "طالبات في المدرسة", "متظاهرون في الخرطوم"]
    assert article_captions(texts, Known(), CONFIG) == ["متظاهرون في الخرطوم", "طالبات في المدرسة"]


# --- tags ----------------------------------------------------------------------------------------


def test_plausible_tags() -> None:
    body = ["أعلن حلف NATO اليوم عن مناورات جديدة في بحر البلطيق."]
    tags = ["الناتو", "NATO", "21", "COMDOC", "news", "A/78/L.1", "روسيا"]
    assert plausible_tags(tags, None, body, arabic=True) == ["الناتو", "NATO", "روسيا"]
    # on a page not in Arabic, Latin tags are the language's own words
    assert plausible_tags(["news", "COMDOC"], None, ["Some text."], arabic=False) == ["news"]


# --- every page, every shape ---------------------------------------------------------------------


def fixture_inputs() -> Iterator[Any]:
    for path in sorted(ROOT.glob("fixtures/*/*/source.html")):
        yield pytest.param(path.read_bytes(), id=str(path.parent.relative_to(ROOT)))
    for pattern in ("fixtures/*/*/input.*", "fixtures/*/*/page.*"):
        for path in sorted(ROOT.glob(pattern)):
            yield pytest.param(path.read_text(encoding="utf-8"), id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize("page", list(fixture_inputs()))
def test_fixtures_pass_the_lint(page: str | bytes) -> None:
    found = lint(extract(page))
    assert found == [], "\n".join(map(str, found))


def dev_inputs() -> Iterator[Any]:
    from arabic_extract.shapes import SHAPES, render  # noqa: PLC0415 - test dependencies

    for path in sorted((SHARED / "eval" / "dev").glob("*.html")):
        html = path.read_bytes()
        yield pytest.param(html, id=path.name)
        for shape in SHAPES:
            yield pytest.param(
                render(html.decode("utf-8", "replace"), shape), id=f"{path.name}:{shape}"
            )
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        yield pytest.param(path.read_text(encoding="utf-8"), id=path.name)


@pytest.mark.skipif(not (SHARED / "eval" / "dev").is_dir(), reason="../shared is not here")
@pytest.mark.parametrize("page", list(dev_inputs()) if (SHARED / "eval").is_dir() else [])
def test_dev_pages_pass_the_lint_in_every_shape(page: str | bytes) -> None:
    found = lint(extract(page))
    assert found == [], "\n".join(map(str, found))
