"""Date vocabulary: month names in every series used by Arabic news sites, weekdays, markers.

Each month series lists, for months 1 to 12, the spellings found on pages. The Gregorian series
differ by region: Egyptian/Gulf names (يناير), Levantine and Iraqi names (كانون الثاني), Algerian
and Tunisian names from French (جانفي), Moroccan names (يوليوز، غشت). Hijri months carry their own
calendar and are recognised but not converted.
"""

from __future__ import annotations

from dataclasses import dataclass

from arabic_extract.rules import Family


@dataclass(frozen=True)
class MonthSeries:
    """One naming series: ``months[i]`` holds the spellings of month ``i + 1``."""

    name: str
    months: tuple[tuple[str, ...], ...]
    gregorian: bool = True


EGYPTIAN = MonthSeries(
    name="months-egyptian",
    months=(
        ("يناير",),
        ("فبراير",),
        ("مارس",),
        ("أبريل",),
        ("مايو",),
        ("يونيو", "يونيه"),
        ("يوليو", "يوليه"),
        ("أغسطس", "أغسطوس"),
        ("سبتمبر",),
        ("أكتوبر",),
        ("نوفمبر",),
        ("ديسمبر",),
    ),
)

LEVANTINE = MonthSeries(
    name="months-levantine",
    months=(
        ("كانون الثاني",),
        ("شباط",),
        ("آذار",),
        ("نيسان",),
        ("أيار",),
        ("حزيران",),
        ("تموز",),
        ("آب",),
        ("أيلول",),
        ("تشرين الأول",),
        ("تشرين الثاني",),
        ("كانون الأول",),
    ),
)

MAGHREB = MonthSeries(
    name="months-maghreb",
    months=(
        ("جانفي",),
        ("فيفري",),
        ("مارس",),
        ("أفريل",),
        ("ماي",),
        ("جوان",),
        ("جويلية",),
        ("أوت",),
        ("سبتمبر",),
        ("أكتوبر",),
        ("نوفمبر",),
        ("ديسمبر",),
    ),
)

MOROCCAN = MonthSeries(
    name="months-moroccan",
    months=(
        ("يناير",),
        ("فبراير",),
        ("مارس",),
        ("أبريل",),
        ("ماي",),
        ("يونيو",),
        ("يوليوز",),
        ("غشت",),
        ("شتنبر",),
        ("أكتوبر",),
        ("نونبر",),
        ("دجنبر",),
    ),
)

ENGLISH = MonthSeries(
    name="months-english",
    months=(
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
)

HIJRI = MonthSeries(
    name="months-hijri",
    gregorian=False,
    months=(
        ("محرم",),
        ("صفر",),
        ("ربيع الأول",),
        ("ربيع الآخر", "ربيع الثاني"),
        ("جمادى الأولى", "جمادى الأول"),
        ("جمادى الآخرة", "جمادى الثانية"),
        ("رجب",),
        ("شعبان",),
        ("رمضان",),
        ("شوال",),
        ("ذو القعدة", "ذي القعدة"),
        ("ذو الحجة", "ذي الحجة"),
    ),
)

MONTH_SERIES: tuple[MonthSeries, ...] = (EGYPTIAN, LEVANTINE, MAGHREB, MOROCCAN, ENGLISH, HIJRI)

WEEKDAYS = Family(
    name="weekday",
    kind="search",
    description="Weekday names, as they open Arabic date lines.",
    phrases=(
        "السبت",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "saturday",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ),
    examples=("الإثنين، 24 أغسطس 2020 09:56 ص", "الجمعة 8 فيفري 2019"),
    counter_examples=("في بداية الأسبوع",),
)

# Words that may surround a date on a date line without making it text.
DATE_WORDS = Family(
    name="date-words",
    kind="search",
    description="Words of a date line: published, updated, time-of-day markers, era markers.",
    phrases=(
        "تم نشره",
        "تم النشر",
        "نشر في",
        "نشر",
        "نشرت",
        "منشور",
        "تاريخ النشر",
        "تاريخ",
        "آخر تحديث",
        "تحديث",
        "محدث",
        "تم التحديث",
        "بتاريخ",
        "في",
        "الساعة",
        "ص",
        "م",
        "صباحا",
        "مساء",
        "ظهرا",
        "بتوقيت",
        "غرينتش",
        "جرينتش",
        "مكة",
        "القاهرة",
        "هـ",
        "الموافق",
        "الهجري",
        "الميلادي",
        "am",
        "pm",
        "gmt",
        "utc",
        "published",
        "updated",
        "on",
        "at",
        "last",
        "update",
    ),
    examples=("آخر تحديث", "تم نشره"),
    counter_examples=("النشرة",),
)

# Newspaper issue dates: "جريدة الصباح بتاريخ 2019/02/09" is an archive link, not a date line.
ISSUE_LINK = Family(
    name="issue-archive",
    kind="prefix",
    description="Links to a newspaper's past issues by date.",
    phrases=("جريدة", "عدد", "العدد", "صحيفة"),
    examples=("جريدة الصباح بتاريخ 2019/02/09", "العدد 1234"),
    counter_examples=("وزير الخارجية الروسي",),
    max_words=6,
)
