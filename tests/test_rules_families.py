"""Each rule family on its own: its documented examples and counter-examples, hand-written
real-world lines (with tatweel, diacritics, hamza variants, Arabic-Indic digits, bullets and
trailing colons), prefix payloads, and the attribution and date helpers built on the families."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_extract.rules.dates as date_rules
from arabic_extract.engine.bylines import is_outlet_name, split_outlet_byline
from arabic_extract.engine.dates import find_date, find_relative, is_date_line
from arabic_extract.engine.features import NOISE_INDEX, dateline_agency
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules import Family, first_word, literal_finder
from arabic_extract.rules.attribution import (
    BYLINE,
    DATELINE,
    LEAD_ATTRIBUTION,
    SOURCE_LINE,
)
from arabic_extract.rules.catalog import all_families
from arabic_extract.rules.noise import (
    CMS_LEFTOVER,
    COMMENT_POLICY,
    COMMENTS,
    COUNTER,
    FOLLOW_PROMPT,
    FOOTER,
    KEYWORDS,
    MOST_READ,
    NAVIGATION,
    NOISE_FAMILIES,
    PHOTO_CREDIT,
    READ_ALSO,
    RELATED,
    SHARE_BAR,
    TIME_AGO,
)

FAMILIES = all_families()


def matches(family: Family, line: str) -> bool:
    return family.match(normalize(line)) is not None


def indexed(line: str) -> tuple[str, ...]:
    """The noise families the engine's first-word index finds for a line."""
    norm = normalize(line)
    return NOISE_INDEX.match(norm, len(norm.split()), first_word(norm))


# --------------------------------------------------------------------------- documented examples

EXAMPLE_CASES = [
    pytest.param(f, e, id=f"{f.name}:{i}") for f in FAMILIES for i, e in enumerate(f.examples)
]
COUNTER_CASES = [
    pytest.param(f, c, id=f"{f.name}:{i}")
    for f in FAMILIES
    for i, c in enumerate(f.counter_examples)
]


@pytest.mark.parametrize("family,line", EXAMPLE_CASES)
def test_family_matches_its_examples(family: Family, line: str) -> None:
    assert family.match(normalize(line)) is not None, f"{family.name} misses {line!r}"


@pytest.mark.parametrize("family,line", COUNTER_CASES)
def test_family_rejects_its_counter_examples(family: Family, line: str) -> None:
    assert family.match(normalize(line)) is None, f"{family.name} wrongly matches {line!r}"


NOISE_EXAMPLE_CASES = [
    pytest.param(f, e, id=f"{f.name}:{i}") for f in NOISE_FAMILIES for i, e in enumerate(f.examples)
]


@pytest.mark.parametrize("family,line", NOISE_EXAMPLE_CASES)
def test_noise_index_finds_examples(family: Family, line: str) -> None:
    # The engine does not call family.match directly but goes through the first-word index:
    # a family must not be hidden from a line it matches by a missing first word.
    assert family.name in indexed(line), f"index misses {family.name} on {line!r}"


# --------------------------------------------------------------------------- hand-written lines

POSITIVE: list[tuple[Family, str]] = [
    # share bar
    (SHARE_BAR, "شارك"),
    (SHARE_BAR, "شـــارك"),
    (SHARE_BAR, "مُشارَكة :"),
    (SHARE_BAR, "  • مشاركة :"),
    (SHARE_BAR, "مشاركه"),
    (SHARE_BAR, "شارك الخبر"),
    (SHARE_BAR, "شارك هذا الخبر:"),
    (SHARE_BAR, "شارك على فيسبوك"),
    (SHARE_BAR, "فيسبوك | تويتر | واتساب | تيليجرام"),
    (SHARE_BAR, "Facebook Twitter WhatsApp"),
    (SHARE_BAR, "نسخ الرابط"),
    (SHARE_BAR, "طباعة"),
    (SHARE_BAR, "تكبير الخط"),
    # follow prompt
    (FOLLOW_PROMPT, "تابعونا على فيسبوك"),
    (FOLLOW_PROMPT, "تابعنا على تطبيق واتساب"),
    (FOLLOW_PROMPT, "تـابـعـونـا:"),
    (FOLLOW_PROMPT, "اشترك في النشرة البريدية لتصلك أبرز الأخبار يومياً"),
    (FOLLOW_PROMPT, "تابعوا آخر الأخبار من صوت الرباط على قناتنا في واتساب"),
    (FOLLOW_PROMPT, "حمّل تطبيق الموقع الآن"),
    (FOLLOW_PROMPT, "• أين يمكنك متابعتنا"),
    # comments
    (COMMENTS, "التعليقات"),
    (COMMENTS, "التعليقات:"),
    (COMMENTS, "التعليقات (3)"),
    (COMMENTS, "تعليقات القراء"),
    (COMMENTS, "أضف تعليقاً"),
    (COMMENTS, "اضف تعليق"),
    (COMMENTS, "أضف تعليقك"),
    (COMMENTS, "اترك تعليقاً"),
    (COMMENTS, "لا توجد تعليقات"),
    (COMMENTS, "لا توجد تعليقات حتى الآن. كن أول من يعلق على هذا الموضوع."),
    (COMMENTS, "إرسال التعليق"),
    (COMMENTS, "البريد الإلكتروني (لن يتم نشره)"),
    (COMMENTS, "عدد التعليقات: ٥"),
    # comment policy
    (COMMENT_POLICY, "التعليقات المنشورة تعبر عن رأي أصحابها ولا تمثل رأي دجلة بوست"),
    (COMMENT_POLICY, "ترحب شبكة CNN بالنقاش الحيوي والمفيد"),
    (COMMENT_POLICY, "الآراء الواردة في التعليقات لا تعبر عن رأي الموقع"),
    (COMMENT_POLICY, "جميع التعليقات تعبر عن آراء أصحابها"),
    # read also
    (READ_ALSO, "إقرأ أيضاً:"),
    (READ_ALSO, "اقرأ أيضا"),
    (READ_ALSO, "اقرأ ايضاً: الحكومة تعلن خطة جديدة"),
    (READ_ALSO, "اقـــرأ أيضـــاً"),
    (READ_ALSO, "  • اقرأ أيضًا:"),
    (READ_ALSO, "طالع أيضاً"),
    (READ_ALSO, "شاهد أيضاً:"),
    (READ_ALSO, "قد يهمك أيضاً"),
    (READ_ALSO, "اقرأ كذلك"),
    # related
    (RELATED, "مقالات مشابهة"),
    (RELATED, "مقالات ذات صلة"),
    (RELATED, "أخبار ذات صلة:"),
    (RELATED, "مواضيع ذات صلة"),
    (RELATED, "أخبار متعلقة"),
    (RELATED, "اخترنا لك"),
    (RELATED, "آخر الأخبار"),
    (RELATED, "الخبر السابق"),
    (RELATED, "المزيد"),
    # most read
    (MOST_READ, "الأكثر قراءة"),
    (MOST_READ, "الأكثر قراءةً"),
    (MOST_READ, "الأكثر مشاهدة"),
    (MOST_READ, "الأكثر تداولاً"),
    (MOST_READ, "الأكثر قراءة | الأكثر تعليقاً"),
    (MOST_READ, "الأكـثـر قـراءة:"),
    # keywords
    (KEYWORDS, "كلمات دلالية: روسيا، أوكرانيا"),
    (KEYWORDS, "كلمات دلالية"),
    (KEYWORDS, "الوسوم: الشرطة، الكرخ، دوري نجوم العراق، الزوراء"),
    (KEYWORDS, "كلمات مفتاحية"),
    (KEYWORDS, "الكلمات المفتاحية : اقتصاد، بورصة"),
    (KEYWORDS, "Tags: economy"),
    # navigation
    (NAVIGATION, "الرئيسية"),
    (NAVIGATION, "الرئيسية | أخبار | رياضة | اقتصاد"),
    (NAVIGATION, "  • سياسة"),
    (NAVIGATION, "من نحن"),
    (NAVIGATION, "اتصل بنا"),
    (NAVIGATION, "سياسة الخصوصية"),
    (NAVIGATION, "فيديوهات"),
    (NAVIGATION, "English"),
    (NAVIGATION, "أقسام مهمة"),
    # CMS leftovers
    (CMS_LEFTOVER, "post-title"),
    (CMS_LEFTOVER, "entry-content"),
    (CMS_LEFTOVER, "td-post-sharing"),
    (CMS_LEFTOVER, "undefined"),
    (CMS_LEFTOVER, "{{ headline }}"),
    # photo credits
    (PHOTO_CREDIT, "Sputnik"),
    (PHOTO_CREDIT, "(رويترز)"),
    (PHOTO_CREDIT, "أرشيفية"),
    (PHOTO_CREDIT, "صورة أرشيفية"),
    (PHOTO_CREDIT, "تصوير: مصطفى الربيعي"),
    (PHOTO_CREDIT, "الصورة: أ ف ب"),
    (PHOTO_CREDIT, "AFP"),
    (PHOTO_CREDIT, "(أ ف ب)"),
    (PHOTO_CREDIT, "Getty Images"),
    # counters
    (COUNTER, "37 خبر"),
    (COUNTER, "1520 مشاهدة"),
    (COUNTER, "٢٣١٥ مشاهدة"),
    (COUNTER, "3 تعليقات"),
    (COUNTER, "5 دقائق للقراءة"),
    (COUNTER, "دقيقتان للقراءة"),
    (COUNTER, "90 دقيقة"),
    (COUNTER, "0"),
    # time ago
    (TIME_AGO, "منذ 3 شهور"),
    (TIME_AGO, "منذ ساعتين"),
    (TIME_AGO, "قبل 5 دقائق"),
    (TIME_AGO, "منذ ٤ ساعات"),
    (TIME_AGO, "منذ يومين"),
    (TIME_AGO, "منذ 6 ساعات"),
    (TIME_AGO, "الآن"),
    (TIME_AGO, "3 hours ago"),
    # footer
    (FOOTER, "© 2024 دجلة بوست - جميع الحقوق محفوظة"),
    (FOOTER, "جميع الحقوق محفوظة © 2024 مرايا بيروت"),
    (FOOTER, "Copyright © 2020 - All Rights Reserved"),
    (FOOTER, "جميع الحقوق محفوظة لـ صوت الرباط"),
    (FOOTER, "© 2013 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved."),
    # source line
    (SOURCE_LINE, "المصدر: سكاي نيوز عربية"),
    (SOURCE_LINE, "المصدر:RT"),
    (SOURCE_LINE, "المصدر : وكالات"),
    (SOURCE_LINE, "المصدر - رويترز"),
    (SOURCE_LINE, "المصدر: الوكالة الوطنية للإعلام"),
    (SOURCE_LINE, "  • المصدر: RT"),
    (SOURCE_LINE, "المَصدر: أ ف ب"),
    # byline
    (BYLINE, "كتب: حيدر الساعدي"),
    (BYLINE, "كتبت أسماء نصار"),
    (BYLINE, "بقلم: د. أحمد زكي"),
    (BYLINE, "كتب - محمد علي"),
    (BYLINE, "كتب ـ محمد علي"),
    (BYLINE, "إعداد: سارة محمد"),
    (BYLINE, "حوار: آسيا العتروس"),
    # dateline
    (DATELINE, "القاهرة - (أ ش أ) - أعلنت وزارة الصحة"),
    (DATELINE, "--(بترا)"),
    (DATELINE, "عمان 28 نيسان (بترا)- قال وزير الخارجية"),
    (DATELINE, "بيروت - رويترز: قال مسؤول"),
    (DATELINE, "الجزائر - (وأج) - أعلنت المديرية العامة للحماية المدنية"),
    (DATELINE, "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة"),
    # lead attribution
    (LEAD_ATTRIBUTION, "وفقاً لوكالة سبوتنيك الروسية للأنباء."),
    (LEAD_ATTRIBUTION, "في نيويورك، وفقًا لما ذكرته وكالة سبوتنيك الروسية."),
    (LEAD_ATTRIBUTION, "حسبما ذكرت صحيفة الشرق الأوسط"),
    (LEAD_ATTRIBUTION, "بحسب وكالة الأناضول للأنباء"),
    (LEAD_ATTRIBUTION, "نقلاً عن وكالة رويترز"),
    (LEAD_ATTRIBUTION, "ذكرت وكالة رويترز أن الاجتماع انتهى"),
    (LEAD_ATTRIBUTION, "وفق ما نقلته وكالة المغرب العربي للأنباء عن معطيات رسمية"),
    (LEAD_ATTRIBUTION, "وفقا لموقع أكسيوس الأمريكي"),
]

NEGATIVE: list[tuple[Family, str]] = [
    (SHARE_BAR, "شاركت مصر في القمة العربية"),
    (SHARE_BAR, "شارك الرئيس في افتتاح المؤتمر الاقتصادي الدولي بحضور عدد من الوزراء"),
    (SHARE_BAR, "طباعة الكتب المدرسية تبدأ الأسبوع المقبل"),
    (FOLLOW_PROMPT, "وتابع: لا يمكن السماح لروسيا باستخدام محادثات إسطنبول ذريعة للاستمرار"),
    (FOLLOW_PROMPT, "تابعت الشرطة التحقيق في الحادث"),
    (COMMENTS, "تعليقات الوزير أثارت جدلاً واسعاً بين النواب في جلسة البرلمان أمس"),
    (COMMENTS, "التعليق على الأحكام القضائية ممنوع بحكم القانون"),
    (COMMENT_POLICY, "أعرب الوزير عن رأيه في التعليقات التي نشرت أمس"),
    (READ_ALSO, "شاهد عيان: سمعنا دوي انفجار قوي قرب الميناء"),
    (READ_ALSO, "طالعت الصحف المصرية الصادرة صباح اليوم عددا من القضايا"),
    (RELATED, "المزيد من الضحايا في غزة"),
    (RELATED, "أخبار سارة للمتقاعدين"),
    (MOST_READ, "الأكثر تضررا من الفيضانات"),
    (KEYWORDS, "كلمات الرئيس في القمة لاقت ترحيبا واسعا"),
    (KEYWORDS, "الوسطاء يواصلون جهودهم"),
    (NAVIGATION, "أخبار سارة للمتقاعدين في الموازنة الجديدة"),
    (NAVIGATION, "رياضة المشي مفيدة لصحة القلب"),
    (NAVIGATION, "مطالب أوكرانية"),
    (CMS_LEFTOVER, "Truth Social"),
    (CMS_LEFTOVER, "covid-19 في مصر: ارتفاع عدد الإصابات"),
    (PHOTO_CREDIT, "صورة قاتمة للاقتصاد العالمي في تقرير صندوق النقد"),
    (PHOTO_CREDIT, "لقاء سابق بين وزير الخارجية الروسي سيرجي لافروف ونظيره الأمريكي ماركو روبيو"),
    (COUNTER, "3 قتلى في حادث سير"),
    (COUNTER, "90 دقيقة من الإثارة في نهائي كأس العالم للأندية"),
    (TIME_AGO, "قبل ساعات من القمة"),
    (TIME_AGO, "منذ ثلاثة أشهر بدأت المفاوضات بين الطرفين"),
    (FOOTER, "أكد الوزير أن حقوق العمال مصونة بموجب القانون الجديد"),
    (FOOTER, "منظمات حقوق الإنسان تطالب بالإفراج عن المعتقلين"),
    (SOURCE_LINE, "المصدر نفسه أكد أن المفاوضات ستستأنف الأسبوع المقبل في القاهرة"),
    (SOURCE_LINE, "المصدرون المصريون يطالبون بدعم إضافي"),
    (BYLINE, "كتبت الصحف الأمريكية اليوم عن القمة المرتقبة بين الزعيمين في جنيف"),
    (BYLINE, "تحرير سعر الصرف"),
    (BYLINE, "كتبية جديدة"),
    (DATELINE, "وأضاف البيان: أكد الوزير (لافروف) رفضه للخطط"),
    (DATELINE, 'قال مسؤول أوكراني مطلع على المحادثات لـ"رويترز" إن المفاوضين'),
    (DATELINE, "استنتاجات مستقبلية"),
    (LEAD_ATTRIBUTION, "قال الوزير إن الحكومة ستعلن الخطة الأسبوع المقبل"),
    (LEAD_ATTRIBUTION, "وفقاً للخطة الحكومية ستنتهي الأعمال قبل نهاية العام"),
]


@pytest.mark.parametrize(
    "family,line", [pytest.param(f, s, id=f"{f.name}-{i}") for i, (f, s) in enumerate(POSITIVE)]
)
def test_family_matches_real_line(family: Family, line: str) -> None:
    assert matches(family, line), f"{family.name} misses {line!r}"


@pytest.mark.parametrize(
    "family,line", [pytest.param(f, s, id=f"{f.name}-{i}") for i, (f, s) in enumerate(NEGATIVE)]
)
def test_family_rejects_real_line(family: Family, line: str) -> None:
    assert not matches(family, line), f"{family.name} wrongly matches {line!r}"


@pytest.mark.parametrize(
    "family,line",
    [
        pytest.param(f, s, id=f"{f.name}-{i}")
        for i, (f, s) in enumerate(POSITIVE)
        if f in NOISE_FAMILIES
    ],
)
def test_noise_index_finds_real_line(family: Family, line: str) -> None:
    assert family.name in indexed(line), f"index misses {family.name} on {line!r}"


def test_max_words_bounds_a_family() -> None:
    paragraph = "شارك " + " ".join(["الوزير"] * 40)
    assert SHARE_BAR.max_words is not None
    assert SHARE_BAR.match(normalize(paragraph)) is None
    long_read_also = "اقرأ أيضا " + " ".join(["كلمة"] * 40)
    assert READ_ALSO.match(normalize(long_read_also)) is None


# --------------------------------------------------------------------------- payloads


@pytest.mark.parametrize(
    "family,line,payload",
    [
        (KEYWORDS, "كلمات دلالية: روسيا، أوكرانيا", "روسيا، اوكرانيا"),
        (KEYWORDS, "الوسوم: الشرطة، الكرخ", "الشرطه، الكرخ"),
        (KEYWORDS, "كلمات دلالية", ""),
        (SOURCE_LINE, "المصدر:RT", "rt"),
        (SOURCE_LINE, "المصدر: سكاي نيوز عربية", "سكاي نيوز عربيه"),
        (SOURCE_LINE, "المصدر : وكالات", ": وكالات"),
        (BYLINE, "كتبت أسماء نصار", "اسماء نصار"),
        (READ_ALSO, "اقرأ أيضا: الحكومة تعلن خطة جديدة", ": الحكومه تعلن خطه جديده"),
    ],
)
def test_prefix_payload(family: Family, line: str, payload: str) -> None:
    got = family.payload(normalize(line))
    assert got is not None
    # punctuation between the prefix and the payload may be kept or dropped
    assert got.lstrip(" :-–—") == payload.lstrip(" :-–—")


def test_payload_of_non_matching_line_is_none() -> None:
    assert KEYWORDS.payload(normalize("روسيا وأوكرانيا تتفقان على تبادل الأسرى")) is None
    assert SOURCE_LINE.payload(normalize("وزير الخارجية الروسي")) is None


def test_payload_of_line_family_is_none() -> None:
    assert SHARE_BAR.payload(normalize("شارك")) is None


# --------------------------------------------------------------------------- attribution helpers


@pytest.mark.parametrize(
    "line,agency",
    [
        ("القاهرة - (أ ش أ) - أعلنت", "أ ش أ"),
        ("--(بترا)", "بترا"),
        ("عمان 28 نيسان (بترا)- قال وزير الخارجية", "بترا"),
        ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة", "CNN"),
        ("بيروت - رويترز: قال مسؤول", "رويترز"),
        ("الجزائر - (وأج) - أعلنت المديرية", "وأج"),
    ],
)
def test_dateline_agency(line: str, agency: str) -> None:
    assert dateline_agency(normalize(line)) == normalize(agency)


@pytest.mark.parametrize(
    "line",
    [
        "وأضاف البيان: أكد الوزير (لافروف) رفضه للخطط",
        "بحث وزير الخارجية الروسي سيرجي لافروف، اليوم السبت، في اتصال هاتفي مع نظيره",
        "الاجتماع الروسي-الأمريكي في نيويورك: خطوات نحو حل الأزمة الأوكرانية",
        "قيرغيزستان – أعرب وزير الخارجية الروسي سيرغي لافروف عن قلق موسكو",
    ],
)
def test_dateline_agency_none(line: str) -> None:
    assert dateline_agency(normalize(line)) is None


@pytest.mark.parametrize(
    "name",
    [
        "رويترز",
        "سبوتنيك",
        "سكاي نيوز عربية",
        "القاهرة الإخبارية",
        "القاهرة الاخبارية",
        "وكالة الأنباء الأردنية",
        "CNN",
        "RT",
        "أ ش أ",
        "بترا",
        "صحيفة الشرق الأوسط",
    ],
)
def test_is_outlet_name(name: str) -> None:
    assert is_outlet_name(normalize(name))


@pytest.mark.parametrize(
    "name",
    [
        "إسلام عيسى",
        "حيدر الساعدي",
        "وزير الخارجية الروسي",
        "",
        "قال مسؤول أوكراني مطلع على المحادثات إن المفاوضين الروس طالبوا",
    ],
)
def test_is_not_outlet_name(name: str) -> None:
    assert not is_outlet_name(normalize(name))


@pytest.mark.parametrize(
    "line,outlet,person",
    [
        ("القاهرة الإخبارية - إسلام عيسى", "القاهرة الإخبارية", "إسلام عيسى"),
        ("إسلام عيسى - القاهرة الإخبارية", "القاهرة الإخبارية", "إسلام عيسى"),
        ("سكاي نيوز عربية | أحمد سمير", "سكاي نيوز عربية", "أحمد سمير"),
    ],
)
def test_split_outlet_byline(line: str, outlet: str, person: str) -> None:
    assert split_outlet_byline(normalize(line)) == (normalize(outlet), normalize(person))


@pytest.mark.parametrize(
    "line",
    [
        "الاجتماع الروسي-الأمريكي في نيويورك: خطوات نحو حل الأزمة الأوكرانية",
        "محمد علي - أحمد سمير",
        "رويترز - أ ف ب",
    ],
)
def test_split_outlet_byline_none(line: str) -> None:
    assert split_outlet_byline(normalize(line)) is None


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "line,date",
    [
        ("الإثنين، 24 أغسطس 2020 09:56 ص", datetime(2020, 8, 24, 9, 56)),
        ("الثلاثاء 19 مارس 2024", datetime(2024, 3, 19)),
        # the clock time after "آخر تحديث" is the update's (tests/test_dates.py)
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", datetime(2013, 8, 28)),
        ("الثلاثاء 15 تشرين الأول 2024", datetime(2024, 10, 15)),
        ("الأربعاء 17 تموز 2024", datetime(2024, 7, 17)),
        ("الجمعة 8 فيفري 2019", datetime(2019, 2, 8)),
        ("24 جويلية 2024", datetime(2024, 7, 24)),
        ("12 غشت 2024", datetime(2024, 8, 12)),
        ("3 شتنبر 2024", datetime(2024, 9, 3)),
        ("November 9, 2020", datetime(2020, 11, 9)),
        ("9 November 2020", datetime(2020, 11, 9)),
        ("2026-01-08", datetime(2026, 1, 8)),
        ("08/01/2026", datetime(2026, 1, 8)),
        ("١٩ مارس ٢٠٢٤", datetime(2024, 3, 19)),
        ("۱۹ مارس ۲۰۲۴", datetime(2024, 3, 19)),
        ("نشر في: ٥ يونيو ٢٠٢٣ - ٠٣:١٥ م", datetime(2023, 6, 5, 15, 15)),
    ],
)
def test_find_date(line: str, date: datetime) -> None:
    found = find_date(normalize(line))
    assert found is not None, f"no date found in {line!r}"
    assert found.value == date
    assert 0 <= found.start < found.end <= len(normalize(line))


def test_find_date_hijri_is_converted_by_umm_al_qura() -> None:
    found = find_date(normalize("12 رمضان 1445 هـ"))
    assert found is not None
    assert found.value == datetime(2024, 3, 22)
    assert found.hijri is not None
    assert (found.hijri.year, found.hijri.month, found.hijri.day) == (1445, 9, 12)


def test_find_date_prefers_first_date_in_line() -> None:
    # Hijri first, then the Gregorian date: the Gregorian date is the one returned.
    norm = normalize("الرياض 12 رمضان 1445 هـ الموافق 22 مارس 2024 م واس")
    found = find_date(norm)
    assert found is not None
    assert found.value == datetime(2024, 3, 22)
    assert found.hijri is None


@pytest.mark.parametrize(
    "line",
    ["بدون تاريخ", "الاجتماع الثالث عشر", "31 فبراير 2024", "2024-13-45", "منذ 3 شهور"],
)
def test_find_date_none(line: str) -> None:
    found = find_date(normalize(line))
    assert found is None or found.value is None


@pytest.mark.parametrize(
    "line",
    [
        "الإثنين، 24 أغسطس 2020 09:56 ص",
        "الثلاثاء 15 تشرين الأول 2024",
        "الجمعة 8 فيفري 2019",
        "آخر تحديث: 12 غشت 2024 - 10:15",
        "نشر في: ٥ يونيو ٢٠٢٣ - ٠٣:١٥ م",
        "2026-01-08",
        "November 9, 2020",
    ],
)
def test_is_date_line(line: str) -> None:
    assert is_date_line(normalize(line), 14)


@pytest.mark.parametrize(
    "line",
    [
        "ورفض الكرملين التعليق على الشروط التي طرحتها روسيا في اجتماع، أمس الجمعة، في تركيا، "
        "وهي المرة الأولى منذ مارس 2022 بعد أسابيع من العملية العسكرية.",
        "وقعت الحكومة الاتفاق في 12 مارس 2024 مع البنك الدولي",
        "منذ 3 شهور",
        "الاجتماع الروسي-الأمريكي في نيويورك",
    ],
)
def test_is_not_date_line(line: str) -> None:
    assert not is_date_line(normalize(line), 14)


REFERENCE = datetime(2025, 12, 1, 12, 0)


@pytest.mark.parametrize(
    "line,delta",
    [
        ("منذ 3 شهور", timedelta(days=90)),
        ("منذ ساعتين", timedelta(hours=2)),
        ("قبل 5 دقائق", timedelta(minutes=5)),
        ("منذ ٤ ساعات", timedelta(hours=4)),
        ("منذ يومين", timedelta(days=2)),
        ("منذ ساعة", timedelta(hours=1)),
        ("منذ أسبوع", timedelta(days=7)),
        ("منذ سنتين", timedelta(days=730)),
    ],
)
def test_find_relative(line: str, delta: timedelta) -> None:
    found = find_relative(normalize(line), REFERENCE)
    assert found is not None
    assert found.value == REFERENCE - delta


def test_find_relative_without_reference() -> None:
    found = find_relative(normalize("منذ 3 شهور"), None)
    assert found is not None
    assert found.value is None


@pytest.mark.parametrize("line", ["الثلاثاء 15 تشرين الأول 2024", "وزير الخارجية", ""])
def test_find_relative_none(line: str) -> None:
    assert find_relative(normalize(line), REFERENCE) is None


def _index_lines() -> list[str]:
    """Lines around every phrase of every noise family: alone, with punctuation and bullets
    at its ends, doubled, and inside a longer line."""
    lines: list[str] = []
    for family in NOISE_FAMILIES:
        for phrase in (*family.phrases, *family.examples, *family.counter_examples):
            lines.extend(
                [
                    phrase,
                    f"{phrase} :",
                    f"• {phrase}",
                    f"({phrase})",
                    f"{phrase} | {phrase}",
                    f"{phrase} في القاهرة",
                    f"قال {phrase}",
                    f"+{phrase}_",
                ]
            )
    return lines


def test_index_fast_paths_agree_with_the_patterns() -> None:
    # RuleIndex.match takes shortcuts (first-word index, whole-line phrase lookup, literal
    # prefilters); each family's full pattern must give the same answer on every line
    for line in _index_lines():
        norm = normalize(line)
        words = len(norm.split())
        expected = tuple(f.name for f in NOISE_FAMILIES if f.match(norm, words) is not None)
        assert set(NOISE_INDEX.match(norm, words)) == set(expected), line


ANCHORED = [
    f
    for f in (*NOISE_FAMILIES, LEAD_ATTRIBUTION, SOURCE_LINE, BYLINE, DATELINE)
    if f.kind == "search" and f.anchors
]


@pytest.mark.parametrize("family", ANCHORED, ids=lambda f: f.name)
def test_anchors_never_rule_out_a_match(family: Family) -> None:
    # a search family's anchors are a prefilter: every line its pattern matches holds one
    lines = [*family.examples, *family.counter_examples, *_index_lines()]
    for line in lines:
        norm = normalize(line)
        if family.compiled.search(norm) is not None:
            assert family.may_occur(norm), line
    assert any(family.compiled.search(normalize(e)) for e in family.examples)


@pytest.mark.parametrize("series", date_rules.MONTH_SERIES, ids=lambda s: s.name)
def test_every_month_spelling_is_read(series: date_rules.MonthSeries) -> None:
    # find_date looks for a month's first word before it runs the month patterns: every
    # spelling, written as pages write it, must still give its month
    for number, spellings in enumerate(series.months, start=1):
        for spelling in spellings:
            lines = (f"12 {spelling} 2024", f"{spelling} 12, 2024", f"الخميس 12 {spelling} 2024")
            for line in lines:
                found = find_date(normalize(line))
                assert found is not None, line
                if series.gregorian:
                    assert found.value is not None and found.value.month == number, line


# literal_finder: a yes-or-no search from each literal's rarest letter, same answers as `in`.
_PIECES = st.sampled_from(
    ["ال", "حقوق", "محفوظه", " ", "ظ", "ه", "جميع", "copy", "right", "©", "ب", "قراءه", "ء", "ص"]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    literals=st.lists(st.lists(_PIECES, min_size=1, max_size=3).map("".join), min_size=1),
    text=st.lists(_PIECES, max_size=12).map("".join),
)
def test_literal_finder_answers_as_substring_search(literals: list[str], text: str) -> None:
    literals = [w for w in literals if w.strip()] or ["ظ"]
    found = literal_finder(literals).search(text) is not None
    assert found == any(w in text for w in literals)


def test_literal_finder_on_the_real_prefilters() -> None:
    lines = [normalize(x) for f in NOISE_FAMILIES for x in (*f.examples, *f.counter_examples)]
    for family in NOISE_FAMILIES:
        if family.quick is None:
            continue
        for line in lines:
            expected = any(w in line for w in family.literals)
            assert (family.quick.search(line) is not None) == expected, (family.name, line)


def test_literal_finder_refuses_nothing_to_find() -> None:
    with pytest.raises(ValueError, match="no literal"):
        literal_finder([])
    with pytest.raises(ValueError, match="empty literal"):
        literal_finder(["حقوق", ""])
