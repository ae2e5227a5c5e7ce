"""Dates as Arabic pages write them (issue #18): Hijri dates in every month's real spellings,
numeric Hijri dates and era marks, dual-calendar lines, published and updated labels, relative
stamps, and the date as written (``date_text``).

Unit tests run the date reader on one normalised line
(:func:`arabic_extract.engine.dates.read_date_line`); the end-to-end tests extract small pages
shaped as a new user would try them: a title line, the date line, then two paragraphs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from itertools import islice
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import ExtractionConfig, HijriDate, extract
from arabic_extract.engine import dates
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.dates import (
    HijriDay,
    find_date,
    find_dates,
    hijri_to_gregorian,
    is_date_line,
    read_date_line,
    segments,
)
from arabic_extract.engine.features import block_features
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.twins import plain
from arabic_extract.rules import phrases_trie
from arabic_extract.rules.dates import HIJRI

TITLE = "وزارة الصحة تطلق حملة وطنية للتطعيم ضد الحصبة في المدارس الحكومية"
PARAGRAPHS = (
    "أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف أكثر من مليوني "
    "طالب في المدارس الحكومية، وتستمر ثلاثة أسابيع في جميع المحافظات.",
    "وقال المتحدث باسم الوزارة إن الفرق الطبية ستزور المدارس وفق جدول معلن مسبقا، وإن "
    "التطعيم مجاني ويتم بموافقة أولياء الأمور، داعيا الأسر إلى التعاون مع الفرق الميدانية.",
)
REFERENCE = datetime(2024, 3, 25, 12, 0)


def page(*header: str) -> str:
    """A title line, the header lines given, then two paragraphs."""
    return "\n".join([TITLE, *header, "", *PARAGRAPHS]) + "\n"


def parts(line: str, reference: datetime | None = REFERENCE) -> dict[str, object]:
    """The parts of a date line by role: value, and the normalised text of the date."""
    norm = normalize(line)
    return {p.role: (p.value, norm[p.start : p.end]) for p in read_date_line(norm, reference, 2)}


# --------------------------------------------------------------------------- Hijri months

# Umm al-Qura: 15th of each month of 1445 AH.
UMM_AL_QURA_15TH_1445 = {
    1: date(2023, 8, 2),
    2: date(2023, 8, 31),
    3: date(2023, 9, 30),
    4: date(2023, 10, 30),
    5: date(2023, 11, 29),
    6: date(2023, 12, 28),
    7: date(2024, 1, 27),
    8: date(2024, 2, 25),
    9: date(2024, 3, 25),
    10: date(2024, 4, 24),
    11: date(2024, 5, 23),
    12: date(2024, 6, 21),
}

HIJRI_SPELLINGS = [
    pytest.param(spelling, number, id=f"{number}-{spelling}")
    for number, spellings in enumerate(HIJRI.months, start=1)
    for spelling in spellings
]


@pytest.mark.parametrize("spelling,number", HIJRI_SPELLINGS)
def test_every_hijri_spelling_names_its_month(spelling: str, number: int) -> None:
    found = find_date(normalize(f"الأحد 15 {spelling} 1445 هـ"))
    assert found is not None and found.hijri is not None, spelling
    assert found.hijri == HijriDay(1445, number, 15)
    assert found.value == datetime.combine(UMM_AL_QURA_15TH_1445[number], datetime.min.time())


@pytest.mark.parametrize(
    "line,day",
    [
        # as pages write them, with the common variants and misspellings
        ("الأحد 1 محرم 1446 هـ", HijriDay(1446, 1, 1)),
        ("الأحد 1 المحرم 1446هـ", HijriDay(1446, 1, 1)),
        ("الجمعة 5 صفر الخير 1446", HijriDay(1446, 2, 5)),
        ("الأربعاء 12 ربيع الأول 1445", HijriDay(1445, 3, 12)),
        ("12 ربيع أول 1445 هـ", HijriDay(1445, 3, 12)),
        ("3 ربيع الآخر 1446 هـ", HijriDay(1446, 4, 3)),
        ("3 ربيع الثاني 1446 هـ", HijriDay(1446, 4, 3)),
        ("3 ربيع ثاني 1446", HijriDay(1446, 4, 3)),
        ("الخميس، 5 جمادى الأولى 1446", HijriDay(1446, 5, 5)),
        ("5 جمادى الاولى 1446 هـ", HijriDay(1446, 5, 5)),
        ("5 جمادي الأولى 1446", HijriDay(1446, 5, 5)),
        ("5 جماد الأول 1446 هـ", HijriDay(1446, 5, 5)),
        ("5 جمادى الأول 1446", HijriDay(1446, 5, 5)),
        ("20 جمادى الآخرة 1445 هـ", HijriDay(1445, 6, 20)),
        ("20 جمادى الثانية 1445 هـ", HijriDay(1445, 6, 20)),
        ("20 جماد الآخر 1445", HijriDay(1445, 6, 20)),
        ("27 رجب 1445 هـ", HijriDay(1445, 7, 27)),
        ("15 شعبان المعظم 1445 هـ", HijriDay(1445, 8, 15)),
        ("الأحد 15 رمضان 1445 هـ", HijriDay(1445, 9, 15)),
        ("الأحد 15 رمضان المبارك 1445هـ", HijriDay(1445, 9, 15)),
        ("1 شوال 1445 هجري", HijriDay(1445, 10, 1)),
        ("10 ذو القعدة 1445 هـ", HijriDay(1445, 11, 10)),
        ("10 ذي القعدة 1445 هـ", HijriDay(1445, 11, 10)),
        ("10 ذوالقعدة 1445", HijriDay(1445, 11, 10)),
        ("9 ذو الحجة 1445 هـ", HijriDay(1445, 12, 9)),
        ("9 ذي الحجة 1445 للهجرة", HijriDay(1445, 12, 9)),
        ("9 ذى الحجه 1445 ه", HijriDay(1445, 12, 9)),
        ("١٠ جمادى الأولى ١٤٤٥ هـ", HijriDay(1445, 5, 10)),
        ("الجمعة ١٠ مِنْ جُمَادَى الأُولَى ١٤٤٥ هـ", HijriDay(1445, 5, 10)),
    ],
)
def test_hijri_dates_as_pages_write_them(line: str, day: HijriDay) -> None:
    found = find_date(normalize(line))
    assert found is not None and found.hijri == day, line
    assert is_date_line(normalize(line), 16)


@pytest.mark.parametrize(
    "day,gregorian",
    [
        (HijriDay(1445, 9, 1), date(2024, 3, 11)),  # Ramadan
        (HijriDay(1445, 10, 1), date(2024, 4, 10)),  # Eid al-Fitr
        (HijriDay(1445, 12, 10), date(2024, 6, 16)),  # Eid al-Adha
        (HijriDay(1446, 1, 1), date(2024, 7, 7)),  # the Hijri new year
        (HijriDay(1445, 5, 10), date(2023, 11, 24)),
        # a 30th where Umm al-Qura's month has 29 days: the day after the 29th
        (HijriDay(1445, 10, 30), date(2024, 5, 9)),
    ],
)
def test_umm_al_qura_conversion(day: HijriDay, gregorian: date) -> None:
    assert hijri_to_gregorian(day) == gregorian


@pytest.mark.parametrize(
    "day",
    [HijriDay(1300, 1, 1), HijriDay(1445, 13, 1), HijriDay(1445, 9, 31), HijriDay(1600, 1, 1)],
)
def test_hijri_days_outside_the_calendar(day: HijriDay) -> None:
    assert hijri_to_gregorian(day) is None


@pytest.mark.parametrize(
    "line",
    [
        "1445/9/14هـ",
        "1445/09/14 هـ",
        "14/9/1445هـ",
        "14-09-1445 هـ",
        "١٤٤٥/٠٩/١٤ هـ",
        "14/9/1445 ه",
        "1445/9/14",
    ],
)
def test_numeric_hijri_dates(line: str) -> None:
    found = find_date(normalize(line))
    assert found is not None
    assert found.hijri == HijriDay(1445, 9, 14)
    assert found.value == datetime(2024, 3, 24)


@pytest.mark.parametrize(
    "line,value",
    [
        # the day, the month's name and the year apart by slashes or dashes, as some CMSes
        # write them (Sada El Balad, Al-Dostor)
        ("الأحد 19/مايو/2024 - 12:45 م", datetime(2024, 5, 19, 12, 45)),
        ("12-يناير-2025", datetime(2025, 1, 12)),
        ("12 / يناير / 2025", datetime(2025, 1, 12)),
        # a day range gives its last day's date, as before
        ("10-12 يناير 2025", datetime(2025, 1, 12)),
    ],
)
def test_named_dates_with_separators(line: str, value: datetime) -> None:
    (part,) = read_date_line(normalize(line), None)
    assert part.value == value
    assert is_date_line(normalize(line), 16)


def test_era_marks_are_part_of_the_date() -> None:
    for line, written in [
        ("23 مارس 2024م", "23 مارس 2024م"),
        ("23 مارس 2024 م", "23 مارس 2024 م"),
        ("15 رمضان 1445 للهجرة", "15 رمضان 1445 للهجره"),
        ("1445/9/14هـ", "1445/9/14ه"),
    ]:
        norm = normalize(line)
        (found,) = find_dates(norm)
        assert norm[found.start : found.end] == normalize(written)
    # a word after the year is not an era mark
    assert find_date(normalize("22 مارس 2024 مع البنك الدولي")) is not None
    assert find_date(normalize("22 مارس 2024مع")) is None


def test_hijri_day_outside_the_table_has_no_value_and_a_note() -> None:
    (part,) = read_date_line(normalize("1 محرم 1300 هـ"), None)
    assert part.value is None
    assert part.note is not None and "Umm al-Qura" in part.note


# --------------------------------------------------------------------------- dual lines


@pytest.mark.parametrize(
    "line,published,written",
    [
        (
            "السبت 1445/9/14هـ الموافق 23 مارس 2024م",
            datetime(2024, 3, 23),
            "السبت 1445/9/14ه الموافق 23 مارس 2024م",
        ),
        (
            "الجمعة ١٠ جمادى الأولى ١٤٤٥ هـ - ٢٤ نوفمبر ٢٠٢٣ م",
            datetime(2023, 11, 24),
            "الجمعه 10 جمادي الاولي 1445 ه - 24 نوفمبر 2023 م",
        ),
        (
            "الأحد 24 مارس 2024م الموافق 14 رمضان 1445هـ",
            datetime(2024, 3, 24),
            "الاحد 24 مارس 2024م الموافق 14 رمضان 1445ه",
        ),
        (
            "12 رمضان 1445 هـ الموافق لـ 22 مارس 2024 م - 10:30 صباحاً",
            datetime(2024, 3, 22, 10, 30),
            "12 رمضان 1445 ه الموافق ل 22 مارس 2024 م - 10:30 صباحا",
        ),
    ],
)
def test_dual_line_is_read_once(line: str, published: datetime, written: str) -> None:
    (part,) = read_date_line(normalize(line), None)
    assert part.role == "published"
    assert part.value == published  # the Gregorian date of the line
    assert part.hijri is not None and part.hijri.hijri is not None
    assert normalize(line)[part.start : part.end] == written
    assert part.note is None  # one day apart: a local calendar, not another date


def test_dual_line_whose_dates_disagree_gets_a_note() -> None:
    (part,) = read_date_line(normalize("15 رمضان 1445 هـ الموافق 1 مايو 2024 م"), None)
    assert part.value == datetime(2024, 5, 1)
    assert part.note is not None
    assert "2024-03-25" in part.note and "Umm al-Qura" in part.note


def test_dual_line_tolerance_is_configurable() -> None:
    norm = normalize("15 رمضان 1445 هـ الموافق 27 مارس 2024 م")  # two days off
    assert read_date_line(norm, None, 2)[0].note is None
    assert read_date_line(norm, None, 1)[0].note is not None


# --------------------------------------------------------------------------- labels


def test_labels_cut_the_line_into_parts() -> None:
    norm = normalize("نشر في 2024-03-20، آخر تحديث: منذ يومين")
    assert [s.role for s in segments(norm)] == ["published", "updated"]
    # the longer label wins where two overlap: تاريخ التحديث is an update, not تاريخ
    assert [s.role for s in segments(normalize("تاريخ التحديث: 2024-03-21"))] == ["updated"]


@pytest.mark.parametrize(
    "line,published,updated",
    [
        (
            "نشر في 2024-03-23 الساعة 14:05",
            (datetime(2024, 3, 23, 14, 5), "2024-03-23 الساعه 14:05"),
            None,
        ),
        ("آخر تحديث: منذ يومين", None, (datetime(2024, 3, 23, 12, 0), "منذ يومين")),
        (
            "نشر في 2024-03-20، آخر تحديث: منذ يومين",
            (datetime(2024, 3, 20), "2024-03-20"),
            (datetime(2024, 3, 23, 12, 0), "منذ يومين"),
        ),
        (
            "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)",
            (datetime(2013, 8, 28), "الاربعاء، 28 اب/اغسطس 2013"),
            (datetime(2013, 8, 28, 14, 0), "14:00"),
        ),
        (
            "تاريخ النشر: 20 فبراير 2024 - 08:15 ص | تم التحديث: 20 فبراير 2024 - 10:02 ص",
            (datetime(2024, 2, 20, 8, 15), "20 فبراير 2024 - 08:15 ص"),
            (datetime(2024, 2, 20, 10, 2), "20 فبراير 2024 - 10:02 ص"),
        ),
        (
            "Published: March 23, 2024 | Updated: March 24, 2024",
            (datetime(2024, 3, 23), "march 23, 2024"),
            (datetime(2024, 3, 24), "march 24, 2024"),
        ),
        ("محدث 12:30 م", None, None),  # a clock time alone dates nothing
    ],
)
def test_published_and_updated_parts(
    line: str,
    published: tuple[datetime, str] | None,
    updated: tuple[datetime, str] | None,
) -> None:
    got = parts(line)
    assert got.get("published") == published
    assert got.get("updated") == updated


def test_relative_parts_without_a_reference_have_no_value() -> None:
    assert parts("آخر تحديث: منذ 3 ساعات", None) == {"updated": (None, "منذ 3 ساعات")}


@pytest.mark.parametrize(
    "line",
    ["آخر تحديث: منذ يومين", "نشر قبل 5 دقائق", "نشر في 2024-03-20، آخر تحديث: منذ يومين"],
)
def test_labelled_relative_lines_are_date_lines(line: str) -> None:
    assert is_date_line(normalize(line), 16)


@pytest.mark.parametrize(
    "line", ["منذ 3 شهور", "قبل أن يعلن الوزير عن الخطة الجديدة", "تحديث التطبيق متاح الآن"]
)
def test_lines_that_are_not_labelled_date_lines(line: str) -> None:
    assert not is_date_line(normalize(line), 16)


# --------------------------------------------------------------------------- end to end


@pytest.mark.parametrize(
    "line,published,date_text,hijri",
    [
        # the rows of issue #18's table
        (
            "الأحد 15 رمضان 1445 هـ",
            datetime(2024, 3, 25),
            "الأحد 15 رمضان 1445 هـ",
            HijriDate(text="15 رمضان 1445 هـ", year=1445, month=9, day=15),
        ),
        (
            "السبت 1445/9/14هـ الموافق 23 مارس 2024م",
            datetime(2024, 3, 23),
            "السبت 1445/9/14هـ الموافق 23 مارس 2024م",
            HijriDate(text="1445/9/14هـ", year=1445, month=9, day=14),
        ),
        (
            "الخميس، 5 جمادى الأولى 1446",
            datetime(2024, 11, 7),
            "الخميس، 5 جمادى الأولى 1446",
            HijriDate(text="5 جمادى الأولى 1446", year=1446, month=5, day=5),
        ),
        (
            "نشر في 2024-03-23 الساعة 14:05",
            datetime(2024, 3, 23, 14, 5),
            "2024-03-23 الساعة 14:05",
            None,
        ),
        # and their kin: original characters unchanged, labels outside
        (
            "تاريخ النشر: الأحد ١٥ رمضـان ١٤٤٥هـ",
            datetime(2024, 3, 25),
            "الأحد ١٥ رمضـان ١٤٤٥هـ",
            HijriDate(text="١٥ رمضـان ١٤٤٥هـ", year=1445, month=9, day=15),
        ),
        (
            "تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً",
            datetime(2020, 4, 24, 21, 22),
            "الجمعة 24 نيسان / أبريل 2020 09:22 مساءً",
            None,
        ),
        (
            "10:30 ص - الأحد 5 مايو 2024",
            datetime(2024, 5, 5, 10, 30),
            "10:30 ص - الأحد 5 مايو 2024",
            None,
        ),
    ],
)
def test_issue_table_rows_and_kin(
    line: str, published: datetime, date_text: str, hijri: HijriDate | None
) -> None:
    article = extract(page(line), config=ExtractionConfig(reference_time=REFERENCE))
    assert article.published == published
    assert article.date_text == date_text
    assert article.published_hijri == hijri
    assert article.updated is None


def test_updated_relative_line_alone() -> None:
    article = extract(
        page("آخر تحديث: منذ يومين"), config=ExtractionConfig(reference_time=REFERENCE)
    )
    assert article.published is None
    assert article.date_text is None
    assert article.updated == datetime(2024, 3, 23, 12, 0)


def test_published_and_updated_on_one_line() -> None:
    line = "نشر في 2024-03-20، آخر تحديث: منذ يومين"
    article = extract(page(line), config=ExtractionConfig(reference_time=REFERENCE))
    assert article.published == datetime(2024, 3, 20)
    assert article.date_text == "2024-03-20"
    assert article.updated == datetime(2024, 3, 23, 12, 0)
    # without a reference time the relative update stays unset, and a note says why
    plain = extract(page(line))
    assert plain.updated is None
    assert "updated: relative date, no reference_time given" in plain.notes


def test_both_dates_in_full_on_one_line() -> None:
    # weekdays, times and both labels: 18 words, a date line all the same
    line = "تاريخ النشر: الأحد، 12 مايو 2024 - 10:30 ص آخر تحديث: الأحد، 12 مايو 2024 - 11:00 ص"
    for source in (page(line), f"<html><body><h1>عنوان الخبر</h1><p>{line}</p></body></html>"):
        article = extract(source)
        assert article.published == datetime(2024, 5, 12, 10, 30)
        assert article.updated == datetime(2024, 5, 12, 11, 0)


def test_published_and_updated_on_two_lines_never_swapped() -> None:
    for header in (
        ("آخر تحديث: 21 مارس 2024 - 10:00", "نشر في: 20 مارس 2024 - 08:30"),
        ("نشر في: 20 مارس 2024 - 08:30", "آخر تحديث: 21 مارس 2024 - 10:00"),
    ):
        article = extract(page(*header))
        assert article.published == datetime(2024, 3, 20, 8, 30), header
        assert article.updated == datetime(2024, 3, 21, 10, 0), header
        assert article.date_text == "20 مارس 2024 - 08:30"


def test_dual_line_with_disagreeing_dates_keeps_the_gregorian_date_and_notes_it() -> None:
    article = extract(page("15 رمضان 1445 هـ الموافق 1 مايو 2024 م"))
    assert article.published == datetime(2024, 5, 1)
    assert article.published_hijri is not None and article.published_hijri.day == 15
    assert any("Umm al-Qura" in note for note in article.notes)


HTML = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title>{meta}</head><body><article><h1>{title}</h1>
<div class="meta">{line}</div><p>{p1}</p><p>{p2}</p></article></body></html>"""


def html_page(line: str, meta: str = "") -> str:
    return HTML.format(title=TITLE, meta=meta, line=line, p1=PARAGRAPHS[0], p2=PARAGRAPHS[1])


def test_html_metadata_modified_time_is_the_update_never_the_publication() -> None:
    meta = (
        '<meta property="article:published_time" content="2024-03-20T08:30:00+03:00">'
        '<meta property="article:modified_time" content="2024-03-21T10:00:00+03:00">'
    )
    article = extract(html_page("الأربعاء 20 مارس 2024", meta))
    tz = timezone(timedelta(hours=3))
    assert article.published == datetime(2024, 3, 20, 8, 30, tzinfo=tz)
    assert article.updated == datetime(2024, 3, 21, 10, 0, tzinfo=tz)
    # a page whose metadata has only the update time: the published date is the page's own
    only_modified = extract(
        html_page(
            "الأربعاء 20 مارس 2024",
            '<meta property="article:modified_time" content="2024-03-21T10:00:00+03:00">',
        )
    )
    assert only_modified.published == datetime(2024, 3, 20)
    assert only_modified.updated == datetime(2024, 3, 21, 10, 0, tzinfo=tz)


def test_html_json_ld_date_modified() -> None:
    meta = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
        '"datePublished": "2024-03-20T08:30:00Z", "dateModified": "2024-03-22T09:00:00Z"}'
        "</script>"
    )
    article = extract(html_page("الأربعاء 20 مارس 2024", meta))
    assert article.published == datetime(2024, 3, 20, 8, 30, tzinfo=timezone.utc)
    assert article.updated == datetime(2024, 3, 22, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "line",
    [
        "الأحد 15 رمضان 1445 هـ",
        "السبت 1445/9/14هـ الموافق 23 مارس 2024م",
        "نشر في 2024-03-20، آخر تحديث: منذ يومين",
        "تاريخ النشر: الأحد ١٥ رمضـان ١٤٤٥هـ",
        "12/05/2024 على الساعة 10h30",
    ],
)
def test_same_dates_in_html_and_text(line: str) -> None:
    config = ExtractionConfig(reference_time=REFERENCE)
    text, html = extract(page(line), config=config), extract(html_page(line), config=config)
    for field in ("published", "date_text", "published_hijri", "updated"):
        assert getattr(text, field) == getattr(html, field), field


# --------------------------------------------------------------------------- as sites write them

_STORY = (
    "أقرت الحكومة في اجتماعها الأسبوعي خطة جديدة لدعم المشروعات الصغيرة والمتوسطة، تتضمن "
    "قروضا ميسرة وإعفاءات ضريبية لمدة ثلاث سنوات للمشروعات التي توفر فرص عمل للشباب.\n"
    "وقال وزير التجارة في مؤتمر صحفي عقب الاجتماع إن الخطة تستهدف نحو عشرين ألف مشروع في "
    "المرحلة الأولى، وإن التمويل سيبدأ مطلع الشهر المقبل عبر البنوك الحكومية والخاصة."
)


def _dates_of(*header: str) -> tuple[datetime | None, datetime | None]:
    page = "\n".join(["الرئيسية", "أخبار", "الحكومة تقر خطة جديدة لدعم المشروعات", *header])
    article = extract(f"{page}\n{_STORY}")
    return article.published, article.updated


@pytest.mark.parametrize(
    "header,published,updated",
    [
        # the time on a line of its own, below or above the date
        (("الأحد 12 يناير 2025", "10:30 ص"), datetime(2025, 1, 12, 10, 30), None),
        (("10:30 ص", "الأحد 12 يناير 2025"), datetime(2025, 1, 12, 10, 30), None),
        (("12.01.2025", "10:30 GMT"), datetime(2025, 1, 12, 10, 30), None),
        (("الأحد 12 يناير 2025", "1500 مشاهدة"), datetime(2025, 1, 12), None),
        # a Maghrebi clock (10h30, as French writes it)
        (("12/01/2025 على الساعة 10h30",), datetime(2025, 1, 12, 10, 30), None),
        (("الأحد 12 يناير 2025 - 18h05",), datetime(2025, 1, 12, 18, 5), None),
        # a date glued to its clock time (two elements with nothing between them)
        (("12/1/202510:35 م",), datetime(2025, 1, 12, 22, 35), None),
        (("الأحد 6 ديسمبر 202610:03 م",), datetime(2026, 12, 6, 22, 3), None),
        (
            ("نشر في: 6 ديسمبر 2026", "آخر تحديث: الأحد 6 ديسمبر 202612:03 م"),
            datetime(2026, 12, 6),
            datetime(2026, 12, 6, 12, 3),
        ),
        (
            ("12/1/2025", "|", "آخر تحديث: 12/1/202510:35 م (بتوقيت مكة المكرمة)"),
            datetime(2025, 1, 12),
            datetime(2025, 1, 12, 22, 35),
        ),
        # the author's bar: name, date and update on one line
        (
            ("مصطفى دالغا |12.01.2025 - تحديث : 13.01.2025",),
            datetime(2025, 1, 12),
            datetime(2025, 1, 13),
        ),
        # the part of the day
        (("12 يناير 2025 01:30 ظهراً",), datetime(2025, 1, 12, 13, 30), None),
        (("12 يناير 2025 11:30 ظهراً",), datetime(2025, 1, 12, 11, 30), None),
        (("12 يناير 2025 04:10 عصراً",), datetime(2025, 1, 12, 16, 10), None),
        (("12 يناير 2025 11:20 ليلاً",), datetime(2025, 1, 12, 23, 20), None),
        (("12 يناير 2025 12:00 ليلاً",), datetime(2025, 1, 12, 0, 0), None),
        # both dates on one line, each with its time zone; an update's label before بتاريخ
        (
            ("نشر في: 12 يناير ,2025: 10:30 ص GST آخر تحديث: 12 يناير ,2025: 11:45 ص GST",),
            datetime(2025, 1, 12, 10, 30),
            datetime(2025, 1, 12, 11, 45),
        ),
        (
            (
                "نشر في: 12 يناير 2025 10:30 ص بتوقيت أبوظبي آخر تحديث: 12 يناير 2025 11:45 ص "
                "بتوقيت أبوظبي",
            ),
            datetime(2025, 1, 12, 10, 30),
            datetime(2025, 1, 12, 11, 45),
        ),
        (
            ("نشر بتاريخ 12 يناير 2025 | محدث بتاريخ 13 يناير 2025",),
            datetime(2025, 1, 12),
            datetime(2025, 1, 13),
        ),
    ],
)
def test_dates_as_sites_write_them(
    header: tuple[str, ...], published: datetime, updated: datetime | None
) -> None:
    assert _dates_of(*header) == (published, updated)


def test_a_time_ago_beside_the_author_dates_the_article() -> None:
    page = "\n".join(["الرئيسية", "الحكومة تقر خطة جديدة لدعم المشروعات", "أحمد سمير منذ ساعتين"])
    config = ExtractionConfig(reference_time=datetime(2025, 1, 12, 18))
    article = extract(f"{page}\n{_STORY}", config=config)
    assert (article.author, article.published) == ("أحمد سمير", datetime(2025, 1, 12, 16))
    assert article.date_text == "منذ ساعتين"
    assert "أحمد سمير منذ ساعتين" not in article.body
    # without a reference time the stamp dates nothing, and says so
    unresolved = extract(f"{page}\n{_STORY}")
    assert unresolved.published is None
    assert unresolved.date_text == "منذ ساعتين"
    assert f"published: {dates.NO_REFERENCE}" in unresolved.notes


def test_a_year_touches_a_clock_only_after_four_digits() -> None:
    assert [m.group() for m in dates.TIME.finditer("12/1/202510:35")] == ["10:35"]
    assert [m.group() for m in dates.TIME.finditer("رقم 5510:35")] == []
    assert [m.group() for m in dates.TIME.finditer("الساعة 10h30")] == ["10h30"]
    assert find_dates(normalize("12/1/2025101"))[:1] == []


def test_a_named_date_may_touch_the_letter_before_its_day() -> None:
    # a byline's name and its date in two inline elements, their texts joined
    (found,) = find_dates(normalize("محمد عبدالله19 نوفمبر 2026"))
    assert found.value == datetime(2026, 11, 19)
    # never a digit: 119 نوفمبر is no day
    assert find_dates(normalize("رقم 119 نوفمبر 2026")) == []


# --- the months' trie reads as their alternation ---------------------------------------------


def _plain_months() -> str:
    """The months' spellings as an alternation, longest first, spaces optional between words:
    what dates._MONTH_ALT (a trie) must read as."""
    parts = {r"\s*+".join(regex.escape(w) for w in p.split()) for p in dates._month_phrases()}
    return "|".join(sorted(parts, key=len, reverse=True))


def _month_subjects() -> list[str]:
    spellings = sorted(set(dates._month_phrases()))
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    lines = [
        normalize(line)
        for path in sorted(fixtures.glob("**/input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    made = []
    for k, spelling in enumerate(spellings):
        glued = spelling.replace(" ", "")
        other = spellings[(k * 7) % len(spellings)]
        made += [
            f"الاحد {k % 28 + 1} {spelling} 2024 - 10:30",
            f"{spelling} {k % 28 + 1}, 2025",
            f"{k % 28 + 1}/{glued}/2024",
            f"{k % 28 + 1} {spelling}/ {other} 2024",
            f"{spelling}{spelling} 12 2024 {spelling} ه",
        ]
    return lines + made


def test_the_months_trie_reads_as_their_alternation() -> None:
    plain = regex.compile(dates.NAMED_DATE.pattern.replace(dates._MONTH_ALT, _plain_months()))
    assert plain.pattern != dates.NAMED_DATE.pattern
    for subject in _month_subjects():
        got = [(m.span(), m.groupdict()) for m in dates.NAMED_DATE.finditer(subject)]
        want = [(m.span(), m.groupdict()) for m in plain.finditer(subject)]
        assert got == want, subject


def test_phrases_glued_and_spaced_make_no_trie() -> None:
    with pytest.raises(ValueError, match="glued or spaced"):
        phrases_trie(["ذو القعده", "ذوالقعده"], r"\s*+")


def test_phrases_glued_and_spaced_make_a_trie_when_a_space_must_be_there() -> None:
    # with one space between two words, the glued phrase and the spaced one never both match
    phrases = ["فيس بوك", "فيسبوك", "فيس", "ذو القعده"]
    trie = regex.compile(phrases_trie(phrases, r"\ "))
    plain = regex.compile("|".join(sorted(phrases, key=len, reverse=True)))
    for subject in ("فيس بوك", "فيسبوك", "فيس", "فيس  بوك", "ذو القعده", "ذوالقعده", "فيسب"):
        got, want = trie.match(subject), plain.match(subject)
        assert (got and got[0]) == (want and want[0]), subject


def test_the_checks_before_the_date_line_patterns_are_implied_by_them() -> None:
    # only_date_words and _date_matches run a pattern only when a character every match of it
    # holds is in the text: a clock's colon, منذ or قبل, a zone's t or k or بتوقيت, a date's
    # separator
    subjects = [
        *_month_subjects(),
        *(f"10:30 {zone} +3" for zone in ("gmt", "utc", "gst", "ast", "eet", "eest", "cet")),
        *(f"11:45 ({zone})" for zone in ("cest", "msk", "trt", "ksa", "bst", "est", "edt")),
        "10:30 بتوقيت مكه المكرمه",
        "منذ 3 ساعات",
        "قبل يومين",
        "12/1/2025 - 12.01.2025 - 2025-01-12",
        "12/05/2024 على الساعة 10h30",
    ]
    checks = [
        (dates.TIME, lambda m: ":" in m or "h" in m),
        (dates.RELATIVE, dates.has_relative_word),
        (dates._ZONE_WORDS, lambda m: "t" in m or "k" in m or "بتوقيت" in m),
        (dates._NUMERIC_HINT, lambda m: any(mark in m for mark in "-/.")),
        (dates.NUMERIC_DATE, lambda m: sum(m.count(mark) for mark in "-/.") >= 2),
    ]
    for pattern, holds in checks:
        found = [m.group() for s in subjects for m in pattern.finditer(s)]
        assert found, pattern.pattern
        assert all(holds(m) for m in found), pattern.pattern


def test_year_digits_reads_code_points_as_the_pattern_does() -> None:
    # every code point year_digits() reads itself is a decimal digit to it when \d says so
    digit = regex.compile(r"\d")
    known = [*range(dates._KNOWN_BELOW), *range(0x2000, 0x2070)]
    for code in known:
        is_digit = dates._decimal_digit(code) if code < dates._KNOWN_BELOW else False
        assert is_digit is (digit.fullmatch(chr(code)) is not None), f"U+{code:04X}"


_YEAR_PIECES = ["1", "2", "٢", "۴", "߂", "१", "٣٣", "2024", " ", "-", "ب", "ـ", "–", "“", "é", "😀"]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_YEAR_PIECES), max_size=12).map("".join), st.text()))
def test_year_digits_is_the_year_pattern(text: str) -> None:
    assert dates.year_digits(text) is (dates._YEAR_DIGITS.search(text) is not None)


def test_date_labels_on_lines_of_their_own() -> None:
    # a page's text sets each label apart from its date (France 24 as BeautifulSoup writes it)
    title = "قطر تعلن استئناف المفاوضات بشأن هدنة في غزة الأسبوع المقبل"
    header = ("نشرت في:", "12/05/2024 - 10:30", "آخر تحديث:", "12/05/2024 - 11:45")
    story = (
        "أعلنت وزارة الخارجية القطرية الأحد أن المفاوضات غير المباشرة بين إسرائيل وحركة حماس "
        "بشأن هدنة في قطاع غزة ستستأنف الأسبوع المقبل في الدوحة.",
        "وقال المتحدث باسم الخارجية إن الوسطاء يعملون على صيغة جديدة تأخذ في الاعتبار "
        "ملاحظات الطرفين.",
    )
    text = "\n".join(["الرئيسية", "أخبار", title, *header, *story])
    meta = "".join(f"<div>{line}</div>" for line in header)
    body = "".join(f"<p>{p}</p>" for p in story)
    html = f"<html lang='ar'><body><article><h1>{title}</h1>{meta}{body}</article></body></html>"
    for page in (text, html):
        article = extract(page)
        assert article.published == datetime(2024, 5, 12, 10, 30)
        assert article.updated == datetime(2024, 5, 12, 11, 45)
        assert article.captions == []  # the labels are no photo's captions


@pytest.mark.parametrize("between", [(), ("·",)])
@pytest.mark.parametrize("reference", [None, REFERENCE])
def test_a_time_ago_stamp_above_its_date_gives_the_date(
    between: tuple[str, ...], reference: datetime | None
) -> None:
    """منذ 4 ساعات / · / 26 تشرين الثاني 2026 (BeautifulSoup's text of a stamp and a date
    side by side): the date is read, as when both share a line; a stamp alone still dates."""
    config = ExtractionConfig(reference_time=reference)
    article = extract(page("منذ 4 ساعات", *between, "26 تشرين الثاني 2026"), config=config)
    assert (article.published, article.date_text) == (
        datetime(2026, 11, 26),
        "26 تشرين الثاني 2026",
    )
    alone = extract(page("منذ 4 ساعات"), config=config)
    assert alone.date_text == "منذ 4 ساعات"


# --- the date patterns' matches, searched again only where another can be -------------------------

_DATE_PIECES = [
    "12",
    "5",
    "2024",
    "1445",
    " ",
    "-",
    "/",
    ".",
    "مايو",
    "رمضان",
    "ذو القعده",
    "ذوالحجه",
    "تشرين الاول",
    "ه",
    "م",
    "،",
    "10:30",
    "الاحد",
]


def _date_matches_by_finditer(norm: str, limit: int) -> list[tuple[int, int]]:
    """What _date_matches gives, read with each pattern's finditer (as it was written)."""
    if not dates.year_digits(norm):
        return []
    found = []
    if dates._MONTH_HINT.search(norm) is not None:
        found.extend(islice(dates.NAMED_DATE.finditer(norm), limit + 1))
    separators = norm.count("-") + norm.count("/") + norm.count(".")
    if separators >= 2 and dates._NUMERIC_HINT.search(norm) is not None:
        found.extend(islice(dates.NUMERIC_DATE.finditer(norm), limit + 1))
    found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[regex.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return [m.span() for m in kept]


def _date_match_subjects() -> list[str]:
    return [
        *_month_subjects(),
        "12 مايو 2024 و13 مايو 2024 و14 مايو 2024 و15 مايو 2024 و16 مايو 2024 و17 مايو 2024",
        "1/2/2024 - 3/4/2024 - 5/6/2024 - 7/8/2024 - 9/10/2024 - 11/12/2024",
        "12/05/2024 مايو 2024 12 مايو",
    ]


def test_date_matches_are_the_patterns_finditer() -> None:
    # after a match, each pattern is searched again only when the first word of a month (or
    # two separators) is left past it: the matches are finditer's, for every limit
    for subject in _date_match_subjects():
        for limit in (0, 1, 4, len(subject)):
            got = [m.span() for m in dates._date_matches(subject, limit)]
            assert got == _date_matches_by_finditer(subject, limit), (subject, limit)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=16).map("".join), st.integers(0, 5))
def test_date_matches_are_the_patterns_finditer_on_any_pieces(norm: str, limit: int) -> None:
    got = [m.span() for m in dates._date_matches(norm, limit)]
    assert got == _date_matches_by_finditer(norm, limit)


_CLOCK_PIECES = ["1", "10", "2024", ":", "h", "30", " ", "-", "ص", "مساء", "٣", "gmt", "/"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CLOCK_PIECES), max_size=12).map("".join))
def test_a_clock_time_holds_its_colon_where_the_checks_look(text: str) -> None:
    # clock_time and _with_clock_beside search for a clock only where a colon or an h is
    # (anywhere in the span; second or third at a line's start, for a match there)
    for found in dates.TIME.finditer(text):
        assert dates._may_hold_clock(text, found.start(), found.end())
    if dates.TIME.match(text) is not None:
        assert dates._may_hold_clock(text, 1, 3)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_YEAR_PIECES), max_size=12).map("".join), st.text()))
def test_a_text_with_a_digit_may_hold_one(text: str) -> None:
    # may_hold_digit is the check before a search for a date's start (bylines.name_before_date)
    if regex.search(r"\d", text) is not None:
        assert dates.may_hold_digit(text)


def test_a_part_read_with_its_clock_holds_it() -> None:
    # _with_clock_beside takes a part's clocked for a search of its span
    subjects = [
        *_date_match_subjects(),
        "الاحد 12 يناير 2025 - 10:30 ص",
        "نشر في 12/05/2024 - 10:30 اخر تحديث: 13/05/2024 11:45 (gmt+3)",
        "12 مايو 2024 10h30",
        "12/1/202510:35",
    ]
    clocked = 0
    for subject in subjects:
        for part in read_date_line(subject, None):
            if part.clocked:
                clocked += 1
                assert dates.TIME.search(subject, part.start, part.end) is not None, subject
    assert clocked > 10


def test_a_named_date_starts_where_named_start_says_one_may() -> None:
    # _named_start skips the characters before a line's first digit or month word at a word's
    # start: no match of NAMED_DATE starts before the index it gives (-1: none at all), on
    # every month spelling (alone, glued to a day, after a letter, a digit or a mark) and the
    # fixtures' lines
    extra = []
    for spelling in sorted(set(dates._month_phrases())):
        extra += [
            f"{spelling} 5 2024",
            f"x{spelling} 5 2024",
            f"(«{spelling}» 5، 2024)",
            f"٣{spelling}٢٠٢٤ {spelling} ٣ ٢٠٢٤",
            f"ـ{spelling} 9, 2025 و{spelling} 9 2025",
            f"{spelling}/ {spelling} 7 1446",
            f"sa{spelling[:2]} 3 {spelling}۱۴۴۶",
        ]
    subjects = [*_month_subjects(), *extra, "१२ مايو 2024", "߂ مايو 2024", "—12 مايو 2024"]
    starts = 0
    for subject in subjects:
        for start in {0, len(subject) // 3, len(subject) // 2}:
            first = dates._named_start(subject, start)
            found = dates.NAMED_DATE.search(subject, start)
            if found is not None:
                starts += 1
                assert 0 <= first <= found.start(), subject
                # searched from there, the pattern finds the same match
                again = dates.NAMED_DATE.search(subject, first)
                assert again is not None and again.span() == found.span(), subject
    assert starts > 500


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.lists(
            st.sampled_from([*_YEAR_PIECES, "مايو", "ذو", "ال", "قعده", "sept", "x", "اب", "9"]),
            max_size=12,
        ).map("".join),
        st.text(),
    ),
    st.integers(0, 6),
)
def test_named_start_is_never_after_a_named_date(text: str, start: int) -> None:
    start = min(start, len(text))
    found = dates.NAMED_DATE.search(text, start)
    if found is not None:
        assert 0 <= dates._named_start(text, start) <= found.start()


def _parts_of(parts: list[dates.DatedPart]) -> list[tuple[object, ...]]:
    return [(p.role, p.value, p.start, p.end, p.relative, p.note, p.clocked) for p in parts]


@pytest.mark.parametrize("max_words", [3, 8, 16])
def test_the_matches_features_hand_to_read_dates_are_find_dates(max_words: int) -> None:
    # is_date_line gives the date patterns' matches it read (features keeps them for
    # read_dates): on a line of no more than max_words words they are _date_matches', and a
    # date line read from them is read as from the line alone
    config = ExtractionConfig(max_date_line_words=max_words)
    subjects = [
        *_date_match_subjects(),
        "نشر في 12/05/2024 - 10:30 اخر تحديث: 13/05/2024 11:45 (gmt+3)",
        "الاحد 12 يناير 2025 - 10:30 ص",
        "اخر تحديث: منذ يومين",
        "منذ 3 ساعات",
        "3 تعليقات",
        "السبت 11 مايو 2024 - 22:40",
    ]
    read = 0
    for subject in subjects:
        norm = normalize(subject)
        words = norm.count(" ") + 1
        found: list[dates.DateMatch] = []
        is_date_line(norm, max_words, words, found)
        if words <= max_words:
            read += 1
            want = dates._date_matches(norm, dates.MAX_LINE_DATES)
            assert [m.span() for m in found] == [m.span() for m in want], norm
            assert _parts_of(read_date_line(norm, REFERENCE, 2, found)) == _parts_of(
                read_date_line(norm, REFERENCE, 2)
            ), norm
        feat = block_features(Block(0, subject, norm, False), config)
        if feat.date_matches is not None:
            assert [m.span() for m in feat.date_matches] == [m.span() for m in found], norm
    assert read > 5


def _twin_subjects() -> list[str]:
    fixtures = Path(__file__).parent.parent / "fixtures"
    lines = [
        normalize(line)
        for path in sorted(fixtures.glob("*/*/input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return [*_date_match_subjects(), *(line for line in lines if dates.year_digits(line))]


def _read_by(pattern: regex.Pattern[str] | re.Pattern[str], subject: str) -> list[object]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(subject)]


def test_the_twins_find_what_the_date_patterns_find() -> None:
    subjects = [s for s in _twin_subjects() if plain(s)]
    assert len(subjects) > 200
    found = 0
    for pattern, twin in (
        (dates.NAMED_DATE, dates._NAMED_TWIN),
        (dates.NUMERIC_DATE, dates._NUMERIC_TWIN),
    ):
        for subject in subjects:
            want = _read_by(pattern, subject)
            found += len(want)
            assert _read_by(twin, subject) == want, subject
    assert found > 200


_TWIN_PIECES = [*_DATE_PIECES, "x", "é", "٣", "۱۴۴۶", "\u2009", "\u00a0", "\t", "ـ", "(", ")", "\\"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_TWIN_PIECES), max_size=16).map("".join))
def test_the_twins_find_what_the_date_patterns_find_on_any_pieces(subject: str) -> None:
    assert plain(subject)
    assert _read_by(dates._NAMED_TWIN, subject) == _read_by(dates.NAMED_DATE, subject)
    assert _read_by(dates._NUMERIC_TWIN, subject) == _read_by(dates.NUMERIC_DATE, subject)
