"""Date vocabulary: month names in every series used by Arabic news sites, weekdays, markers.

Each month series lists, for months 1 to 12, the spellings found on pages. The Gregorian series
differ by region: Egyptian/Gulf names (يناير), Levantine and Iraqi names (كانون الثاني), Algerian
and Tunisian names from French (جانفي), Moroccan names (يوليوز، غشت). Hijri months carry their own
calendar: their dates are converted to Gregorian by the Umm al-Qura calendar (see
:mod:`arabic_extract.engine.dates`). A month's words may be written with or without the space
between them (ذو القعدة، ذوالقعدة): spellings are listed once, with the space.

The labels of a date line say what a date is: published (نشر في، تاريخ النشر) or updated (آخر
تحديث، تم التحديث); an era mark follows a year (1445 هـ، 2024 م), and الموافق joins the two dates
of a dual-calendar line (12 رمضان 1445 هـ الموافق 22 مارس 2024 م).
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
        ("محرم", "المحرم", "محرم الحرام"),
        ("صفر", "صفر الخير", "صفر المظفر"),
        ("ربيع الأول", "ربيع أول"),
        ("ربيع الآخر", "ربيع الثاني", "ربيع آخر", "ربيع ثاني", "ربيع الأخير"),
        (
            "جمادى الأولى",
            "جمادى الأول",
            "جمادى أولى",
            "جماد الأول",
            "جماد الأولى",
        ),
        (
            "جمادى الآخرة",
            "جمادى الآخر",
            "جمادى الثانية",
            "جمادى الثاني",
            "جمادى آخرة",
            "جماد الآخر",
            "جماد الآخرة",
            "جماد الثاني",
            "جماد الثانية",
        ),
        ("رجب", "رجب المرجب", "رجب الفرد"),
        ("شعبان", "شعبان المعظم"),
        ("رمضان", "رمضان المبارك", "رمضان المعظم"),
        ("شوال", "شوال المكرم"),
        ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
        ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
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
        *("sat", "sun", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri"),
    ),
    examples=("الإثنين، 24 أغسطس 2020 09:56 ص", "الجمعة 8 فيفري 2019"),
    counter_examples=("في بداية الأسبوع",),
)

# Words that may surround a date on a date line without making it text (the labels and era
# marks below count too).
DATE_WORDS = Family(
    name="date-words",
    kind="search",
    description="Words of a date line around its dates: time-of-day and time-zone words.",
    phrases=(
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
        "مكة المكرمة",
        "القاهرة",
        "am",
        "pm",
        "gmt",
        "utc",
        "on",
        "at",
    ),
    examples=("الساعة 10:15 صباحاً بتوقيت مكة", "09:22 مساءً"),
    counter_examples=("النشرة",),
)

# What a date on a date line is: the publication (the default for a date without a label)...
PUBLISHED_LABEL = Family(
    name="published-label",
    kind="search",
    description="Labels of the publication date: نشر في, تاريخ النشر, تم نشره, published.",
    phrases=(
        "نشر في",
        "نشر بتاريخ",
        "نشرت في",
        "نشر",
        "نشرت",
        "تم نشره",
        "تم نشرها",
        "تم النشر",
        "تاريخ النشر",
        "منشور",
        "منشور في",
        "بتاريخ",
        "التاريخ",
        "تاريخ",
        "published",
        "published on",
        "posted",
        "posted on",
        "date",
        # the start of a live coverage, the date of a broadcast
        "بدأت التغطية",
        "بدء التغطية",
        "تاريخ البث",
    ),
    examples=("نشر في: 2024-03-23", "تاريخ النشر: 5 يونيو 2023", "تم نشره الجمعة 24 نيسان 2020"),
    counter_examples=("النشرة الجوية", "آخر تحديث: منذ يومين"),
)

# ... or its last update: never the publication.
UPDATED_LABEL = Family(
    name="updated-label",
    kind="search",
    description="Labels of the last update: آخر تحديث, تم التحديث, محدث, updated.",
    phrases=(
        "آخر تحديث",
        "آخر تحديث في",
        "تاريخ التحديث",
        "تم التحديث",
        "تم تحديثه",
        "تم تحديثها",
        "تحديث",
        "حدث في",
        "محدث",
        "محدث في",
        # with the published label's بتاريخ after it: one label, the update's
        "محدث بتاريخ",
        "تحديث بتاريخ",
        "آخر تحديث بتاريخ",
        "تم التحديث بتاريخ",
        "آخر تعديل",
        "تم التعديل",
        "updated",
        "updated on",
        "last updated",
        "update",
        "last update",
        "modified",
        "last modified",
    ),
    examples=(
        "آخر تحديث: منذ يومين",
        "تم التحديث 14:05",
        "Updated: 23 March 2024",
        "محدث بتاريخ 13 يناير 2025",
    ),
    counter_examples=("نشر في 2024-03-20", "التحديثات الأخيرة للتطبيق"),
)

# Widgets that share a row with the date (مريم الحمادي 20 فبراير 2024 · 4 دقائق للقراءة).
DATE_LINE_WIDGETS = Family(
    name="date-line-widget",
    kind="search",
    description="Reading times and view counts on a date line: 4 دقائق للقراءة, 1520 مشاهدة.",
    phrases=(
        "دقائق للقراءة",
        "دقيقة للقراءة",
        "دقيقتان للقراءة",
        "دقيقتين للقراءة",
        "للقراءة",
        "قراءة",
        "مشاهدة",
        "مشاهدات",
        "min read",
        "views",
    ),
    examples=("20 فبراير 2024 · 4 دقائق للقراءة", "1520 مشاهدة"),
    counter_examples=("القراءات الأولية للنتائج",),
)

# The era after a year: Hijri (1445 هـ) or Gregorian (2024 م); a mark may touch the year (2024م).
HIJRI_ERA = Family(
    name="era-hijri",
    kind="search",
    description="The Hijri era after a year: هـ, هجري, للهجرة.",
    phrases=("هـ", "هجري", "هجرية", "الهجري", "الهجرية", "للهجرة"),
    examples=("1445 هـ", "15 رمضان 1445 للهجرة"),
    counter_examples=("هذا العام",),
)

GREGORIAN_ERA = Family(
    name="era-gregorian",
    kind="search",
    description="The Gregorian era after a year: م, ميلادي, للميلاد.",
    phrases=("م", "ميلادي", "ميلادية", "الميلادي", "الميلادية", "للميلاد"),
    examples=("2024 م", "23 مارس 2024 ميلادية"),
    counter_examples=("مع بداية العام",),
)

# Between the two dates of a dual-calendar line: 12 رمضان 1445 هـ الموافق 22 مارس 2024 م.
DUAL_MARKER = Family(
    name="dual-calendar",
    kind="search",
    description="The word joining a Hijri and a Gregorian date: الموافق.",
    phrases=("الموافق", "الموافق لـ", "والموافق", "الموافقة", "الموافقة لـ"),
    examples=("12 رمضان 1445 هـ الموافق 22 مارس 2024 م", "الموافق لـ 23 مارس 2024"),
    counter_examples=("وافق المجلس على القرار",),
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
