"""Bylines (issue #18): the people a byline names, without the place it was filed from, a role,
an agency or the site's name; several authors; the dateline; the same result from HTML and from
page text."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import Article, ExtractionConfig, HijriDate, extract
from arabic_extract.engine import bylines
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.bylines import (
    byline_outlet,
    is_place_byline,
    name_before_date,
    read_byline,
    split_parts,
)
from arabic_extract.engine.features import block_features
from arabic_extract.engine.normalize import normalize
from arabic_extract.evaluation import visible_text

TITLE = "الحكومة تقر خطة جديدة لدعم المشروعات الصغيرة والمتوسطة في المحافظات"
PARAGRAPHS = (
    "أقرت الحكومة في اجتماعها الأسبوعي خطة جديدة لدعم المشروعات الصغيرة والمتوسطة، تتضمن "
    "قروضا ميسرة وإعفاءات ضريبية لمدة ثلاث سنوات للمشروعات التي توفر فرص عمل للشباب.",
    "وقال وزير التجارة في مؤتمر صحفي عقب الاجتماع إن الخطة تستهدف نحو عشرين ألف مشروع في "
    "المرحلة الأولى، وإن التمويل سيبدأ مطلع الشهر المقبل عبر البنوك الحكومية والخاصة.",
)


@pytest.mark.parametrize(
    "line,authors,dateline",
    [
        # the person without the dateline place, in either order, however it is joined
        ("حسام أبو العلا - القاهرة", ("حسام أبو العلا",), "القاهرة"),
        ("حسام أبو العلا ـ القاهرة", ("حسام أبو العلا",), "القاهرة"),
        ("كتب ـ حسام أبو العلا ـ القاهرة", ("حسام أبو العلا",), "القاهرة"),
        ("القاهرة - حسام أبو العلا", ("حسام أبو العلا",), "القاهرة"),
        ("بيروت ـ نذير رضا", ("نذير رضا",), "بيروت"),
        ("القاهرة: محمد نبيل حلمي", ("محمد نبيل حلمي",), "القاهرة"),
        ("فهيم الحامد (جدة)", ("فهيم الحامد",), "جدة"),
        ("دمشق، سوريا – رامي السيد", ("رامي السيد",), "دمشق، سوريا"),
        ("بيروت ـ «القدس العربي» من سعد الياس:", ("سعد الياس",), "بيروت"),
        # a role is not a person
        ("مراسل الجزيرة نت", (), None),
        ("محمد علي - مراسل الجزيرة نت", ("محمد علي",), None),
        ("محمد علي مراسل الجزيرة في غزة", ("محمد علي",), "غزة"),  # where the role files from
        ("كتب: محرر الشؤون الاقتصادية", (), None),
        ("Staff Writer", (), None),
        ("By Staff Writer", (), None),
        ("Ahmed Ali, Staff Writer", ("Ahmed Ali",), None),
        ("كتب: فريق التحرير", (), None),
        ("غزة - خاص", (), "غزة"),
        # nor an agency, an outlet, or the site itself
        ("القاهرة الإخبارية - إسلام عيسى", ("إسلام عيسى",), None),
        ("دبي - سكاي نيوز عربية", (), "دبي"),
        ("القاهرة - أ ش أ", (), "القاهرة"),
        ("لندن- عربي21", (), "لندن"),
        # several people
        ("بقلم: أحمد علي و محمد سمير", ("أحمد علي", "محمد سمير"), None),
        ("كتب: أحمد علي ومحمد سمير", ("أحمد علي", "محمد سمير"), None),
        ("كتب - أحمد علي، محمد سمير", ("أحمد علي", "محمد سمير"), None),
        ("إعداد: منى عبد الحميد - هبة حسن", ("منى عبد الحميد", "هبة حسن"), None),
        ("By John Smith and Jane Doe", ("John Smith", "Jane Doe"), None),
        # names as written: titles, a و that is part of a name, Markdown emphasis
        ("بقلم: د. أحمد زكي", ("د. أحمد زكي",), None),
        ("كتب: وليد عبد الرحمن", ("وليد عبد الرحمن",), None),
        ("كتبت أسماء نصار", ("أسماء نصار",), None),
        ("**حوار: آسيا العتروس**", ("آسيا العتروس",), None),
        # a list's last name with its و written on it, a name that begins with و, and "others"
        ("كتب: أماني إبراهيم، وشيماء القرنشاوي", ("أماني إبراهيم", "شيماء القرنشاوي"), None),
        ("بقلم: أحمد علي، محمد سمير، وخالد يوسف", ("أحمد علي", "محمد سمير", "خالد يوسف"), None),
        ("كتب: أحمد علي، وليد سمير", ("أحمد علي", "وليد سمير"), None),
        ("كتب: محمد أحمد وليد السيد", ("محمد أحمد وليد السيد",), None),
        ("كتب – أحمد علي وآخرون", ("أحمد علي",), None),
        ("By John Smith et al", ("John Smith",), None),
        # byline words a separator makes bylines, one or two joined by و
        ("متابعة: سمير حميطوش", ("سمير حميطوش",), None),
        ("كتب الخبر محمد الجاسم", ("محمد الجاسم",), None),
        ("رصد: محمد علي", ("محمد علي",), None),
        ("إعداد وتحرير: سامي الحسن", ("سامي الحسن",), None),
        # local desks' places: governorates and regional cities, a solid أبوظبي
        ("كفر الشيخ - إبراهيم عبد الغني", ("إبراهيم عبد الغني",), "كفر الشيخ"),
        ("أبوظبي - سارة محمد", ("سارة محمد",), "أبوظبي"),
        ("نابل - سامي بن علي", ("سامي بن علي",), "نابل"),
        # not a name: a sentence after a byline word
        ("كتب الرئيس في رسالته إلى نظيره", (), None),
    ],
)
def test_read_byline(line: str, authors: tuple[str, ...], dateline: str | None) -> None:
    found = read_byline(line)
    assert (found.authors, found.dateline) == (authors, dateline)


@pytest.mark.parametrize(
    "line,outlet",
    [
        ("القاهرة - أ ش أ", "أ ش أ"),
        ("دمشق-سانا", "سانا"),
        ("أنقرة/ الأناضول", "الأناضول"),
        ("بيروت ـ «القدس العربي» من سعد الياس", "القدس العربي"),
        ("حسام أبو العلا - القاهرة", None),
        # a one-word outlet we do not know, beside the one person the byline names
        ("هسبريس - عبد الرحيم العسري", "هسبريس"),
        ("عبد الرحيم العسري - هسبريس", "هسبريس"),
        ("عربي21 - محمد علي", "عربي21"),
        ("دبي - الإمارات اليوم", "الإمارات اليوم"),
        # a name that ends with a nationality in the feminine is an outlet's (Akhbarona)
        ("أخبارنا المغربية - محمد الراضي", "أخبارنا المغربية"),
        ("اليوم - الدمام", "اليوم"),
        # a desk, a place, or a third part is no outlet
        ("كتب: أحمد علي - خاص", None),
        ("غزة - خاص", None),
        ("عبد الرحيم العسري - هسبريس - الرباط", None),
    ],
)
def test_the_outlet_a_byline_credits(line: str, outlet: str | None) -> None:
    assert read_byline(line).outlet == outlet


def test_a_dash_between_arabic_words_parts_them_and_latin_names_keep_theirs() -> None:
    assert [part.text for part in split_parts("دمشق-سانا")] == ["دمشق", "سانا"]
    assert [part.text for part in split_parts("Al-Ahram - Jean-Marc Dupont")] == [
        "Al-Ahram",
        "Jean-Marc Dupont",
    ]


@pytest.mark.parametrize(
    "line,site,authors",
    [
        ("دبي - البيان", "البيان", ()),
        ("عربي بوست - محمد سمير", "عربي بوست", ("محمد سمير",)),
        ("كتب: عربي بوست", "عربي بوست", ()),
        ("الدمام - اليوم", "اليوم", ()),
    ],
)
def test_the_site_name_is_not_an_author(line: str, site: str, authors: tuple[str, ...]) -> None:
    assert read_byline(line, site).authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "القاهرة - حسام أبو العلا",
        "حسام أبو العلا ـ القاهرة",
        "فهيم الحامد (جدة)",
        "دبي - مريم الحمادي",
        "بيروت – نذير رضا",
        "دمشق، سوريا – رامي السيد",
        "بيروت ـ «القدس العربي» من سعد الياس:",
        # a place and who filed it, with no person: an agency, a desk, the site's name
        "القاهرة - أ ش أ",
        "غزة - خاص",
        "لندن- عربي21",
        # outlets named "today", alone or after a place (Al-Yaum, Baghdad Today, Emarat Al-Youm)
        "اليوم - الدمام",
        "بغداد اليوم - بغداد",
        "دبي - الإمارات اليوم",
    ],
)
def test_place_bylines(line: str) -> None:
    assert is_place_byline(line, normalize(line))


def test_a_ticker_item_is_noise_before_it_is_a_byline() -> None:
    # "عاجل - القاهرة" has the shape of a place byline; the ticker family claims it first
    block = Block(0, "عاجل - القاهرة", normalize("عاجل - القاهرة"), False)
    feat = block_features(block, ExtractionConfig())
    assert feat.noise == ("ticker-item",)
    assert not feat.byline


@pytest.mark.parametrize(
    "line",
    [
        "غزة - مقتل ثلاثة فلسطينيين في قصف على خان يونس",
        "القاهرة الإخبارية - إسلام عيسى",  # an outlet byline (features.split_outlet_byline)
        "افتتاح معرض الكتاب (فيديو)",
        "القاهرة",
        "دمشق - حلب",
        "حسام أبو العلا",
    ],
)
def test_not_place_bylines(line: str) -> None:
    assert not is_place_byline(line, normalize(line))


@pytest.mark.parametrize(
    "line,name",
    [
        (
            "مريم الحمادي 20 فبراير 2024 08:15 ص آخر تحديث: 20 فبراير 2024 10:02 ص 4 دقائق للقراءة",
            "مريم الحمادي",
        ),
        ("أحمد سمير منذ 3 ساعات", "أحمد سمير"),
        ("حسام أبو العلا | الأحد 5 مايو 2024", "حسام أبو العلا"),
        ("الرياض 12 رمضان 1445 هـ", None),  # a place
        ("تم نشره الجمعة 24 نيسان 2020", None),  # a label
        ("ارتفاع أسعار الذهب في السوق المحلية 20 فبراير 2024", None),
        ("20 فبراير 2024", None),
        ("أحمد سمير", None),
        ("كتب أحمد سمير الأحد 12 يناير 2025 10:30 ص", "أحمد سمير"),  # after its byline word
        ("كتب: أحمد سمير | الأحد 12 يناير 2025 10:30 ص", "أحمد سمير"),
        ("كتب الأحد 12 يناير 2025", None),
    ],
)
def test_name_before_date(line: str, name: str | None) -> None:
    norm = normalize(line)
    span = name_before_date(norm)
    assert (norm[slice(*span)] if span is not None else None) == (normalize(name) if name else None)


# --------------------------------------------------------------------------- end to end


def text_page(*header: str) -> str:
    return "\n".join([TITLE, *header, "", *PARAGRAPHS]) + "\n"


def html_page(*header: str, head: str = "", byline_class: bool = True) -> str:
    """The page with the header's lines in <div>s, named bylines by their class or not."""
    opening = '<div class="byline">' if byline_class else "<div>"
    meta = "".join(f"{opening}{line}</div>" for line in header)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title>{head}</head><body><article><h1>{TITLE}</h1>"
        f"{meta}{paragraphs}</article></body></html>"
    )


def people_of(article: Article) -> tuple[str | None, list[str], str | None]:
    return article.author, article.authors, article.dateline


@pytest.mark.parametrize(
    "header,author,authors,dateline",
    [
        (("حسام أبو العلا - القاهرة",), "حسام أبو العلا", ["حسام أبو العلا"], "القاهرة"),
        (("القاهرة ـ حسام أبو العلا",), "حسام أبو العلا", ["حسام أبو العلا"], "القاهرة"),
        (("كتب - أحمد علي، محمد سمير",), "أحمد علي", ["أحمد علي", "محمد سمير"], None),
        (("بقلم: أحمد علي و محمد سمير",), "أحمد علي", ["أحمد علي", "محمد سمير"], None),
        (("بيروت ـ «القدس العربي» من سعد الياس:",), "سعد الياس", ["سعد الياس"], "بيروت"),
        (("فهيم الحامد (جدة)",), "فهيم الحامد", ["فهيم الحامد"], "جدة"),
        (("لندن- عربي21",), None, [], "لندن"),
        (("Staff Writer",), None, [], None),
        # the byline's label on its own line, the name on the next (as page text splits it)
        (
            ("بقلم:", "نورة السبيعي", "-", "الجمعة 24 نوفمبر 2023"),
            "نورة السبيعي",
            ["نورة السبيعي"],
            None,
        ),
        # a date line that opens with its author's name
        (("أحمد سمير منذ 3 ساعات",), "أحمد سمير", ["أحمد سمير"], None),
        # a name the preposition على is also written as (علي) does not join the byline to the
        # paragraph under it
        (("كتب: أحمد سمير ومحمد علي",), "أحمد سمير", ["أحمد سمير", "محمد علي"], None),
        (("الكاتب : خالد منصور",), "خالد منصور", ["خالد منصور"], None),
        # nor does a place byline or a name alone (القاهرة - محمد علي، محمد علي)
        (("القاهرة - محمد علي",), "محمد علي", ["محمد علي"], "القاهرة"),
        (("القاهرة: أحمد علي",), "أحمد علي", ["أحمد علي"], "القاهرة"),
        # a byline and its date on one line
        (("كتب أحمد سمير الأحد 12 يناير 2025 10:30 ص",), "أحمد سمير", ["أحمد سمير"], None),
        (("كتب: أحمد سمير | الأحد 12 يناير 2025 10:30 ص",), "أحمد سمير", ["أحمد سمير"], None),
        # the name, then the outlet and the place on the line under it (Sabq)
        (("منصور السلمي", "سبق- جدة"), "منصور السلمي", ["منصور السلمي"], "جدة"),
        # the place a role or an outlet says it filed from, after في or من
        (
            ("مراسلنا في غزة: رامي أبو جاموس",),
            "رامي أبو جاموس",
            ["رامي أبو جاموس"],
            "غزة",
        ),
        # a name on its own line above its role, and the place under it
        (
            ("محمد المنشاوي", "مراسل الجزيرة نت", "واشنطن"),
            "محمد المنشاوي",
            ["محمد المنشاوي"],
            "واشنطن",
        ),
    ],
)
def test_bylines_in_text_and_html(
    header: tuple[str, ...], author: str | None, authors: list[str], dateline: str | None
) -> None:
    expected = (author, authors, dateline)
    assert people_of(extract(text_page(*header))) == expected
    assert people_of(extract(html_page(*header))) == expected


def test_agency_dateline_of_the_lead() -> None:
    lead = "القاهرة - (أ ش أ) - " + PARAGRAPHS[0]
    article = extract("\n".join([TITLE, "الأحد 5 مايو 2024", "", lead, PARAGRAPHS[1]]))
    assert article.dateline == "القاهرة"
    assert article.author is None


@pytest.mark.parametrize(
    "opening,place",
    [
        # as WAM and QNA write it: the place, في and the date, the agency between slashes
        ("أبوظبي في 12 يناير / وام / ", "أبوظبي"),
        ("الدوحة في 12 يناير /قنا/ ", "الدوحة"),
        # KUNA: the date between the place and the agency
        ("الكويت - 12 - 1 (كونا) -- ", "الكويت"),
        # the dash touching the place, the outlet in quotes
        ("لندن- “القدس العربي”: ", "لندن"),
        # a place and a dash or a colon, no agency; the date between; the outlet first
        ("طرابلس - ", "طرابلس"),
        ("القاهرة: ", "القاهرة"),
        ("الخرطوم 12 مايو 2024 — ", "الخرطوم"),
        ("بيت لحم- معا- ", "بيت لحم"),
        ("شفق نيوز/ بغداد - ", "بغداد"),
        ("دبي، الإمارات العربية المتحدة (CNN)-- ", "دبي، الإمارات العربية المتحدة"),
        # a sentence about a place is no dateline
        ("غزة هي أكبر مدن القطاع - ", None),
    ],
)
def test_the_place_of_an_agency_dateline_in_the_lead(opening: str, place: str | None) -> None:
    lead = opening + PARAGRAPHS[0]
    text = "\n".join([TITLE, "الأحد 12 يناير 2025", "", lead, PARAGRAPHS[1]])
    html = (
        f'<html lang="ar"><body><article><h1>{TITLE}</h1><div>الأحد 12 يناير 2025</div>'
        f"<p>{lead}</p><p>{PARAGRAPHS[1]}</p></article></body></html>"
    )
    for page in (text, html):
        article = extract(page)
        assert article.dateline == place
        assert article.author is None


def test_metadata_author_must_be_shown_on_the_page() -> None:
    shown = html_page("كريم حداد", head='<meta name="author" content="كريم حداد">')
    assert extract(shown).author == "كريم حداد"
    # an account the page never shows (a hidden author box, the site's editor) is no byline
    hidden = html_page(head='<meta name="author" content="Karim Haddad">')
    assert extract(hidden).author is None
    assert extract(hidden).authors == []


def test_metadata_authors_list() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
        '"author": [{"@type": "Person", "name": "أحمد علي"}, '
        '{"@type": "Person", "name": "محمد سمير"}]}</script>'
    )
    article = extract(html_page("أحمد علي ومحمد سمير - القاهرة", head=head))
    assert article.authors == ["أحمد علي", "محمد سمير"]
    assert article.author == "أحمد علي"
    article = extract(html_page("فريق العمل: أحمد علي، محمد سمير", head=head))
    assert article.authors == ["أحمد علي", "محمد سمير"]


def test_the_site_name_is_not_an_author_end_to_end() -> None:
    head = '<meta property="og:site_name" content="عربي بوست">'
    article = extract(html_page("كتب: عربي بوست", head=head))
    assert article.author is None


def test_explain_shows_a_place_byline_as_a_byline() -> None:
    article = extract(text_page("دبي - مريم الحمادي"), config=ExtractionConfig(explain=True))
    labels = {b.text: b.label.value for b in article.blocks}
    assert labels["دبي - مريم الحمادي"] == "byline"
    assert article.headline == TITLE


# --------------------------------------------------------------------------- fixtures, both modes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
HTML_FIXTURES = sorted(p.parent for p in FIXTURES.glob("*/source.html"))
# Its only visible date is "منذ 3 ساعات": page text cannot date it without a reference time
# (the HTML's metadata does).
RELATIVE_ONLY = {"wordpress_jannah_economy"}
# Pages whose inscriptis text loses the structure (tests/test_shapes.py LIMITS): a layout in
# tables comes out with its columns side by side on the same lines, the menu beside the story.
BROKEN_TEXT = {"layout_table_portal"}


@pytest.mark.parametrize("folder", HTML_FIXTURES, ids=[p.name for p in HTML_FIXTURES])
def test_html_fixtures_give_the_same_author_and_date_as_page_text(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    data = (folder / "source.html").read_bytes()
    html, text = extract(data), extract(visible_text(data))
    if html.language != "ar":
        # read by structure only: the author and date of its HTML are its metadata's
        pytest.skip(f"not an Arabic page ({html.language}): the Arabic rules are not applied")
    if folder.name in BROKEN_TEXT:
        assert html.author == expected["author"]
        pytest.skip("its inscriptis text loses the page's structure (test_shapes LIMITS)")
    for article in (html, text):
        assert article.author == expected["author"]
    assert text.authors == html.authors
    assert text.dateline == html.dateline
    date = text.published.date().isoformat() if text.published else None
    if folder.name in RELATIVE_ONLY:
        assert date is None
        assert "published: relative date, no reference_time given" in text.notes
    else:
        assert date == expected["date"]


def test_dual_date_fixture_fields_in_both_modes() -> None:
    data = (FIXTURES / "saudi_daily_dual_date" / "source.html").read_bytes()
    for article in (extract(data), extract(visible_text(data))):
        assert article.authors == ["عبدالله الحربي", "سارة القحطاني"]
        assert article.dateline == "الرياض"
        assert article.date_text == "السبت 13 رمضان 1445هـ الموافق 23 مارس 2024م - 10:15 ص"
        assert article.published_hijri == HijriDate(
            text="13 رمضان 1445هـ", year=1445, month=9, day=13
        )
        assert article.published is not None and article.updated is not None
        assert (article.published.hour, article.published.minute) == (10, 15)
        assert (article.updated.hour, article.updated.minute) == (13, 40)
        assert article.site_name == "صحيفة الواحة"


def test_a_name_above_its_role_is_no_caption() -> None:
    article = extract(text_page("محمد المنشاوي", "مراسل الجزيرة نت", "واشنطن"))
    assert article.captions == []


def plain_html_page(*header: str) -> str:
    """The header's lines in plain <div>s, no class naming them bylines."""
    return html_page(*header, byline_class=False)


@pytest.mark.parametrize(
    "header,author",
    [
        # a name right under the headline, on a line of its own above the date (youm7, echorouk,
        # annahar, hespress, al-ghad, al-quds set it so), or above the outlet's name and the date
        (("محمود فتحي", "الإثنين 20 مايو 2024 - 03:10 م"), "محمود فتحي"),
        (("سابين عويس", "12-01-2025 | 10:30"), "سابين عويس"),
        (("عبد الله أعبيد", "الخميس 5 دجنبر 2024 - 21:15"), "عبد الله أعبيد"),
        (("علاء الدين إبراهيم", "بي بي سي نيوز عربي", "12 يناير 2025"), "علاء الدين إبراهيم"),
        # the outlet, as the site writes its own name, and the name
        (("هسبريس - عبد الرحيم العسري", "الأحد 12 يناير 2025 - 14:00"), "عبد الرحيم العسري"),
        (("العربية.نت - محمد الحربي", "نشر في: 12 يناير 2025"), "محمد الحربي"),
        # a source's label and its outlet between the name and the date (Asharq Business)
        (("محمد الشمري", "المصدر:", "الشرق", "نشر في: 12 مايو 2024, 9:15 ص"), "محمد الشمري"),
        # not a name: a place, a section, a label; and a name with no date under it
        (("القاهرة", "الإثنين 20 مايو 2024"), None),
        (("محليات", "الإثنين 20 مايو 2024"), None),
        # an outlet's name transcribed from English is no person's
        (("رووداو ديجيتال", "12-05-2024 - 14:36"), None),
        (("ليبيا أوبزرفر", "12 مايو 2024"), None),
        (("آخر تحديث", "الإثنين 20 مايو 2024"), None),
        (("محمود فتحي",), None),
        (("صورة أرشيفية - محمود فتحي", "الإثنين 20 مايو 2024"), None),
        # too far from the date: two lines between
        (("محمود فتحي", "صورة أرشيفية", "القاهرة اليوم", "الإثنين 20 مايو 2024"), None),
        (("محمد الشمري", "المصدر:", "الشرق", "القاهرة اليوم", "12 مايو 2024"), None),
    ],
)
def test_a_name_above_the_date_is_the_author(header: tuple[str, ...], author: str | None) -> None:
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page)
        assert article.author == author
        if author is not None:
            assert article.captions == []


def test_the_outlet_and_its_place_above_the_date_give_the_dateline() -> None:
    header = ("إيلاف من بيروت", "الأحد 12 يناير 2025 - 10:30 GMT")
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page)
        assert (article.author, article.dateline) == (None, "بيروت")
        assert article.captions == []


def test_a_role_line_under_a_name_is_no_caption() -> None:
    header = ("لمياء الرفاعي", "صحافية", "الأحد 12 يناير 2025 10:30")
    config = ExtractionConfig(explain=True)
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page, config=config)
        assert article.author == "لمياء الرفاعي"
        assert article.captions == []
        labels = {b.text: b.label.value for b in article.blocks}
        assert labels["لمياء الرفاعي"] == labels["صحافية"] == "byline"


@pytest.mark.parametrize(
    "credit,dateline",
    [
        ("إيلاف من لندن: ", "لندن"),
        ("مراسلنا في القاهرة - ", "القاهرة"),
        # a sentence's words before a colon file nothing from the place they name
        ("قال الوزير من لندن: ", None),
    ],
)
def test_who_filed_the_story_from_where_in_the_lead(credit: str, dateline: str | None) -> None:
    # Elaph opens its stories with its name and the place filed from, a colon after them, as
    # the same words say on a header line of their own
    lead = credit + PARAGRAPHS[0]
    story = "".join(f"<p>{p}</p>" for p in (lead, *PARAGRAPHS[1:]))
    pages = (
        "\n".join([TITLE, lead, *PARAGRAPHS[1:]]) + "\n",
        f"<html lang='ar'><body><h1>{TITLE}</h1>{story}</body></html>",
        "\n\n".join([f"# {TITLE}", lead, *PARAGRAPHS[1:]]) + "\n",
    )
    for page in pages:
        article = extract(page)
        assert article.dateline == dateline
        assert article.paragraphs[0] == lead


def test_who_filed_the_story_on_a_line_above_it() -> None:
    # BeautifulSoup's text parts Elaph's bold credit from its lead: the credit on a line of its
    # own, under the share buttons, is the byline's place, not a caption
    header = ("نصر المجالي", "الأحد 06 ديسمبر 2026 - 12:40 GMT", "طباعة", "أرسل لصديق")
    for credit, dateline in (("إيلاف من لندن:", "لندن"), ("لقطة من لندن", None)):
        lines = [*header, credit]
        markdown = "\n\n".join([f"# {TITLE}", *lines, *PARAGRAPHS]) + "\n"
        for page in (text_page(*lines), plain_html_page(*lines), markdown):
            article = extract(page)
            assert (article.authors, article.dateline) == (["نصر المجالي"], dateline)
            assert article.paragraphs == list(PARAGRAPHS)


def test_the_place_of_the_sites_own_dateline_in_the_lead() -> None:
    # Al-Ghad dates its stories عمان- الغد- ...; the site's name is its masthead's and its
    # copyright footer's
    lead = "عمان- الغد- " + PARAGRAPHS[0]
    menu = ["الغد", "محليات", "اقتصاد", "عربي ودولي", "رياضة"]
    footer = "© 2025 الغد - جميع الحقوق محفوظة"
    text = "\n".join([*menu, TITLE, "الأحد 12 يناير 2025", lead, PARAGRAPHS[1], footer])
    items = "".join(f"<li><a href='/{k}'>{item}</a></li>" for k, item in enumerate(menu[1:]))
    html = (
        f'<html lang="ar"><body><header><a class="logo" href="/">الغد</a><ul>{items}</ul>'
        f"</header><article><h1>{TITLE}</h1><div>الأحد 12 يناير 2025</div><p>{lead}</p>"
        f"<p>{PARAGRAPHS[1]}</p></article><footer>{footer}</footer></body></html>"
    )
    for page in (text, html):
        article = extract(page)
        assert (article.site_name, article.dateline) == ("الغد", "عمان")
    # (the place and the dash make the dateline: another outlet's name there credits it
    # with nothing, the source stays the site's)
    other = extract(text.replace("عمان- الغد- ", "عمان- الرأي- "))
    assert (other.dateline, other.source) == ("عمان", "الغد")


def test_an_agency_alone_under_the_headline_is_the_source() -> None:
    # Shorouk credits agency copy with the agency's name where a byline stands
    header = ("أ ش أ", "نشر في: الأحد 12 مايو 2024 - 21:15")
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page)
        assert (article.source, article.author) == ("أ ش أ", None)


def test_a_one_word_outlet_beside_its_writer_is_the_source() -> None:
    # Hespress signs هسبريس - name; with no site name on the page (a Markdown crawl without its
    # footer) the byline's own outlet is the credit, in every shape
    header = ("هسبريس - عبد الرحيم العسري", "الأحد 12 ماي 2024 - 10:30")
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS]) + "\n"
    for page in (text_page(*header), plain_html_page(*header), markdown):
        article = extract(page)
        assert (article.source, article.author) == ("هسبريس", "عبد الرحيم العسري")


def test_a_photos_credit_under_its_description_is_no_byline() -> None:
    # RT Arabic captions its photo "description / agency": the description is no person (a
    # figure, a quoted name), so the line is a caption and the agency the photo's credit, never
    # the author nor the source
    caption = 'صاروخ "سويوز-2.1ب" / RIA Novosti'
    header = ("06.12.2026 | 13:20 GMT", caption)
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS]) + "\n"
    for page in (text_page(*header), plain_html_page(*header), markdown):
        article = extract(page)
        assert (article.source, article.authors) == (None, [])
        assert article.paragraphs == list(PARAGRAPHS)
    # an outlet and a person's name, so set, is the byline
    header = ("06.12.2026 | 13:20 GMT", "سكاي نيوز عربية / محمد الحمادي")
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS]) + "\n"
    for page in (text_page(*header), plain_html_page(*header), markdown):
        article = extract(page)
        assert (article.source, article.authors) == ("سكاي نيوز عربية", ["محمد الحمادي"])


def test_a_translators_credit_follows_the_writer() -> None:
    # Anadolu's Arabic desk names the writer over the story and its translator under it
    # (* ترجمة: name): the translator is one more credit after the writer, never in its place
    header = ("أحمد يلماز", "06.12.2026 - تحديث : 06.12.2026")
    credit = "* ترجمة: محمد شيخ يوسف"
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS, credit]) + "\n"
    text = "\n".join([TITLE, *header, *PARAGRAPHS, credit]) + "\n"
    byline = "".join(f"<span>{line}</span>   " for line in header)
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"<html lang='ar'><body><h1>{TITLE}</h1><div>{byline}</div>"
        f"<div>{story}<p><strong>{credit}</strong></p></div></body></html>"
    )
    for page in (text, html, markdown):
        article = extract(page)
        assert article.authors == ["أحمد يلماز", "محمد شيخ يوسف"]
        assert article.captions == []
        assert article.paragraphs == list(PARAGRAPHS)
    # with no writer named, the translator is the one the story credits
    page = "\n".join([TITLE, header[1], *PARAGRAPHS, credit]) + "\n"
    assert extract(page).authors == ["محمد شيخ يوسف"]


@pytest.mark.parametrize("handle", [(), ("@okaz_online",)])
def test_a_place_in_brackets_under_the_name_is_its_dateline(handle: tuple[str, ...]) -> None:
    # Okaz sets خالد العتيبي (الرياض) with the name in a link to the writer's account:
    # BeautifulSoup's text parts them into lines, and the handle may stand under them
    date = "الأحد 06 ديسمبر 2026 01:30"
    header = ("خالد العتيبي", "(الرياض)", *handle, date)
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS]) + "\n"
    for page in (text_page(*header), plain_html_page(*header), markdown):
        article = extract(page)
        assert (article.authors, article.dateline) == (["خالد العتيبي"], "الرياض")
        assert article.paragraphs == list(PARAGRAPHS)
    # a word in brackets that is no place is no dateline
    header = ("خالد العتيبي", "(عاجل)", *handle, date)
    for page in (text_page(*header), plain_html_page(*header)):
        assert extract(page).dateline is None


def test_share_buttons_between_the_date_and_the_agencys_place_are_skipped() -> None:
    # Anadolu: the name, the date, the share buttons (one a line in BeautifulSoup's text), then
    # the agency's dateline line (إسطنبول/ الأناضول) over the story
    share = ("Facebook", "X", "WhatsApp", "Telegram", "Linkedin")
    header = ("أحمد يلماز", "06.12.2026 - تحديث : 06.12.2026", *share, "إسطنبول/ الأناضول")
    markdown = "\n\n".join([f"# {TITLE}", *header, *PARAGRAPHS]) + "\n"
    for page in (text_page(*header), plain_html_page(*header), markdown):
        article = extract(page)
        assert (article.authors, article.dateline) == (["أحمد يلماز"], "إسطنبول")
        assert article.source == "الأناضول"
        assert article.paragraphs == list(PARAGRAPHS)
    # the share buttons alone name no place
    for page in (text_page(*header[:-1]), plain_html_page(*header[:-1])):
        article = extract(page)
        assert (article.authors, article.dateline) == (["أحمد يلماز"], None)


def test_a_linked_name_and_its_role_after_the_photo_is_the_byline() -> None:
    # Independent Arabia: the photo and its caption under the headline, then the writer's name
    # (a link to the writer's page) and role, then the date
    caption = "محل صرافة في العاصمة السورية دمشق (أ ف ب)"
    date = "الأحد 12 مايو 2024 10:30"
    markdown = "\n\n".join(
        [
            f"# {TITLE}",
            "![](https://example.com/pound.jpg)",
            caption,
            "[أمين العاصي](https://example.com/author/amin) صحافي",
            date,
            *PARAGRAPHS,
        ]
    )
    html = (
        f'<html lang="ar"><body><article><h1>{TITLE}</h1><figure><img src="/pound.jpg">'
        f"<figcaption>{caption}</figcaption></figure>"
        '<div><a href="/author/amin">أمين العاصي</a> صحافي</div>'
        f"<div>{date}</div>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
    )
    for page in (markdown, html, text_page("أمين العاصي صحافي", date)):
        article = extract(page)
        assert article.authors == ["أمين العاصي"]
        assert "أمين العاصي صحافي" not in article.body


def test_short_header_lines_are_no_captions_without_a_photo() -> None:
    # a summary's label, a reading time cut in two, the outlet's name: no photo's captions
    header = ("ملخص", "2", "دقائق", "الأحد 12 يناير 2025", "فرانس24")
    article = extract(text_page(*header))
    assert article.captions == []
    # a caption says who does what where; under an image a short one is still a caption
    described = extract(text_page("الأحد 12 يناير 2025", "وزير التجارة خلال مؤتمر صحافي"))
    assert described.captions == ["وزير التجارة خلال مؤتمر صحافي"]
    markdown = "\n\n".join(
        [f"# {TITLE}", "![](https://example.com/a.jpg)", "محمد صلاح", *PARAGRAPHS]
    )
    assert extract(markdown).captions == ["محمد صلاح"]


@pytest.mark.parametrize(
    "header_class",
    ["entry-header", "post-header", "td-post-header", "entry-header-outer", "Article_header__Qw1"],
)
def test_the_articles_own_header_is_no_site_furniture(header_class: str) -> None:
    # WordPress and its themes wrap the headline, the byline and the date in an entry header;
    # the site's header around the logo and the menu is still furniture
    html = (
        '<html lang="ar"><body><header class="site-header"><a href="/">الموقع</a><ul>'
        '<li><a href="/a">أخبار</a></li><li><a href="/b">رياضة</a></li></ul></header>'
        f'<article><header class="{header_class}"><h1>{TITLE}</h1>'
        '<div class="author">محمود فتحي</div><div class="date">الأحد 12 يناير 2025</div>'
        "</header><div class='entry-content'>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div></article></body></html>"
    )
    article = extract(html, config=ExtractionConfig(explain=True))
    assert (article.headline, article.author) == (TITLE, "محمود فتحي")
    reasons = {b.text: b.reasons for b in article.blocks}
    assert reasons["الموقع"] == ["dom:menu"]
    assert "dom:menu" not in reasons["محمود فتحي"]


def test_a_deck_between_the_headline_and_the_byline() -> None:
    deck = "منظمة الدفاع عن المستهلك تدعو إلى مقاطعة الشراء من الوسطاء في الأسواق"
    header = (deck, "منال حرزي", "12 ماي 2024 على الساعة 09:00")
    html = (
        f'<html lang="ar"><body><article><header class="post-header"><h1>{TITLE}</h1>'
        f'<h2 class="subtitle">{deck}</h2><div class="byline"><a href="/author/1" rel="author">'
        "منال حرزي</a></div><time>12 ماي 2024 على الساعة 09:00</time></header>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    markdown = "\n\n".join(
        [f"# {TITLE}", deck, "[منال حرزي](https://example.com/author/1)", header[2], *PARAGRAPHS]
    )
    for page in (text_page(*header), html, markdown):
        assert extract(page).authors == ["منال حرزي"]


def test_an_outlet_named_today_gives_the_dateline() -> None:
    # اليوم is the day in a sentence, and an outlet's name in a byline's part
    for line, place in (("اليوم - الدمام", "الدمام"), ("دبي - الإمارات اليوم", "دبي")):
        header = (line, "الأحد 12 مايو 2024")
        for page in (text_page(*header), plain_html_page(*header)):
            assert extract(page).dateline == place, line
    # a phrase about the day is no outlet's
    assert not is_place_byline("هذا اليوم - القاهرة", normalize("هذا اليوم - القاهرة"))


def test_a_dash_touching_an_outlets_name_parts_its_byline() -> None:
    # Arabi21 writes عربي21- name: the dash touches the outlet's digits
    header = ("عربي21- محمد عبد الله", "الأحد 12 مايو 2024")
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page)
        assert (article.author, article.source) == ("محمد عبد الله", "عربي21")
        assert article.captions == []


def test_place_outlet_and_writer_credit_the_outlet_alone() -> None:
    # Alwasat (Libya): place - outlet: writer
    header = ("بنغازي - بوابة الوسط: عبدالرحمن أميني", "الأحد 12 مايو 2024")
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page)
        assert (article.source, article.author, article.dateline) == (
            "بوابة الوسط",
            "عبدالرحمن أميني",
            "بنغازي",
        )


def test_a_name_above_its_time_ago_is_the_byline() -> None:
    header = ("محمود فتحي", "منذ ساعتين")
    config = ExtractionConfig(reference_time=datetime(2025, 1, 12, 18))
    for page in (text_page(*header), plain_html_page(*header)):
        article = extract(page, config=config)
        assert (article.author, article.published) == ("محمود فتحي", datetime(2025, 1, 12, 16))


def test_a_name_and_its_date_in_two_inline_elements() -> None:
    # minified markup: the byline's name and its date touch (محمد عبدالله19 نوفمبر 2026)
    html = (
        f'<html lang="ar"><body><article><h1>{TITLE}</h1><div class="meta"><span><a href="/a">'
        "محمد عبدالله</a></span><span>19 نوفمبر 2026</span></div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    article = extract(html)
    assert (article.author, article.published) == ("محمد عبدالله", datetime(2026, 11, 19))


@pytest.mark.parametrize(
    "meta,below",
    [
        ("", ""),
        ('<span class="views">532</span>', '<div class="byline">القاهرة – باج نيوز</div>'),
    ],
)
def test_a_name_and_its_time_ago_in_two_inline_elements(meta: str, below: str) -> None:
    """Minified markup where the name touches its time-ago (محمد عبداللهمنذ ساعتين): no word
    ends in منذ but ومنذ, so the stamp starts there; the byline's place under a view counter is
    its dateline."""
    html = (
        f'<html lang="ar"><body><article><h1>{TITLE}</h1><div class="meta"><span><a href="/a">'
        f"محمد عبدالله</a></span><span>منذ ساعتين</span>{meta}</div>{below}"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    config = ExtractionConfig(reference_time=datetime(2025, 1, 12, 18))
    article = extract(html, config=config)
    assert (article.author, article.published) == ("محمد عبدالله", datetime(2025, 1, 12, 16))
    assert article.dateline == ("القاهرة" if below else None)


def test_the_bylines_place_under_its_date_and_a_count() -> None:
    header = ("محمد عبدالله", "منذ ساعتين", "532", "القاهرة – باج نيوز")
    article = extract(text_page(*header))
    assert (article.author, article.dateline) == ("محمد عبدالله", "القاهرة")


def test_a_glued_stamp_starts_at_mundhu_only() -> None:
    """No word ends in منذ but ومنذ; many end in قبل (المستقبل): only منذ starts a stamp that
    touches the name before it."""
    assert name_before_date(normalize("محمد عبداللهمنذ ساعتين")) == (0, 12)
    assert name_before_date(normalize("نادي المستقبل ساعتين")) is None


@pytest.mark.parametrize(
    "line,author",
    [
        ("زمان الوصل | 2026-11-24 12:40:00 | قراءة: 842", None),
        ("محمد علي | 2026-11-24 12:40:00 | قراءة: 842", "محمد علي"),
    ],
)
def test_the_sites_name_before_its_date_is_no_author(line: str, author: str | None) -> None:
    """A header line that opens with the site's own name (its copyright says it) and its date
    names no author; a person's name there does."""
    page = "\n".join([TITLE, line, "", *PARAGRAPHS, "", "© زمان الوصل 2026 - جميع الحقوق محفوظة"])
    article = extract(page)
    assert (article.author, article.site_name) == (author, "زمان الوصل")


@pytest.mark.parametrize(
    "box,author",
    [
        (("ليال حداد", "صحافية لبنانية تكتب عن الثقافة والمدينة."), "ليال حداد"),
        (("طوني عيسى", "كاتب ومحلل سياسي في صحيفة «الجمهورية»"), "طوني عيسى"),
        # not a role: a teaser under a name-like title is no author's box
        (("ليال حداد", "مكتبات بيروت تقاوم الإغلاق رغم الأزمة"), None),
    ],
)
def test_the_authors_box_under_the_story(box: tuple[str, ...], author: str | None) -> None:
    """A header that names no one, and under the story the author's box: a name, then a line
    about its bearer that opens with a role. In text and in HTML."""
    text = "\n".join([TITLE, "", *PARAGRAPHS, "", *box, "جميع الحقوق محفوظة"])
    html = (
        f'<html lang="ar"><body><article><h1>{TITLE}</h1>'
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f'<div class="author-box"><h4><a href="/author/x">{box[0]}</a></h4><p>{box[1]}</p>'
        + "</div></article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    for page in (text, html):
        assert extract(page).author == author


def test_the_headers_byline_wins_over_the_authors_box() -> None:
    page = "\n".join(
        [
            TITLE,
            "كتب: محمد علي",
            "",
            *PARAGRAPHS,
            "",
            "ليال حداد",
            "صحافية لبنانية تكتب عن المدينة.",
        ]
    )
    assert extract(page).author == "محمد علي"


def _byline_subjects() -> list[str]:
    """Short lines of every fixture, and bylines of every shape this file tests."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    lines = [
        line.strip()
        for path in sorted(fixtures.glob("**/input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and len(line.split()) <= 12
    ]
    made = [
        "أنقرة/ الأناضول",
        "دمشق-سانا",
        "هسبريس - عبد الرحيم العسري",
        "عبد الرحيم العسري - هسبريس",
        "القاهرة - أ ش أ",
        "لندن- عربي21",
        "بيروت ـ «القدس العربي» من سعد الياس:",
        "كتب: أحمد علي - رويترز - القاهرة",
        "الرياض - واس - محمد علي",
        "عربي21 - أحمد علي",
        "عربي بوست - أحمد علي",
    ]
    return lines + made


def test_the_byline_outlet_is_the_bylines() -> None:
    # byline_outlet reads the people only where the outlet needs them: the same outlet
    for line in _byline_subjects():
        assert byline_outlet(line) == read_byline(line).outlet, line


_SPLIT_PIECES = [
    "محمد",
    "علي",
    " ",
    "  ",
    "-",
    "–",
    "—",
    "/",
    "|",
    "\t",
    "\u00a0",
    "\u2003",
    "22:40",
    "x",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_SPLIT_PIECES), max_size=14).map("".join))
def test_the_split_check_and_the_word_spans_read_as_their_patterns(text: str) -> None:
    # _may_split is True wherever _BYLINE_SPLIT parts the text; _word_spans are \S++'s matches
    if len(bylines._BYLINE_SPLIT.split(text)) > 1:
        assert bylines._may_split(text)
    assert bylines._word_spans(text) == [m.span() for m in bylines._TOKEN.finditer(text)]


def test_a_line_the_split_check_turns_away_gives_no_outlet_byline() -> None:
    for line in [*_byline_subjects(), "// انتهي //", "دمشق-سانا", "2024/05/12", "a -b", "a- b"]:
        norm = normalize(line)
        if not bylines._may_split(norm):
            assert len(bylines._BYLINE_SPLIT.split(norm)) == 1, line


def test_a_letter_str_isalpha_takes_is_a_name_letter_to_the_pattern() -> None:
    # bylines._name_word takes a token of such letters without the pattern
    for code in range(ord(bylines._LETTERS_KNOWN_BELOW)):
        char = chr(code)
        if char.isalpha():
            assert bylines._NAME_WORD.fullmatch(char) is not None, f"U+{code:04X}"
            assert bylines._NAME_WORD.fullmatch(char * 3) is not None, f"U+{code:04X}"


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=8))
def test_a_name_word_is_the_patterns(token: str) -> None:
    assert bylines._name_word(token) is (bylines._NAME_WORD.fullmatch(token) is not None)


def test_may_be_place_is_implied_by_the_place_pattern() -> None:
    # is_place runs DATELINE_PLACE only on a line _may_be_place lets through: every line the
    # pattern matches is one (each place, listed, glued, with marks around it)
    places = sorted({normalize(p) for p in bylines.DATELINE_PLACE.phrases})
    subjects = []
    for k, place in enumerate(places):
        other = places[(k * 7) % len(places)]
        subjects += [
            place,
            place.replace(" ", ""),
            f"{place}، {other}",
            f"- {place} -",
            f"«{place}»",
            f"{place} و{other}",
            f"{place[:2]}",
            f"{place} x",
        ]
    matched = 0
    for subject in subjects:
        if bylines.DATELINE_PLACE.match(subject) is not None:
            matched += 1
            assert bylines._may_be_place(subject), subject
            assert bylines.is_place(subject), subject
    assert matched > len(places)


def test_a_places_name_is_a_line_of_the_place_pattern() -> None:
    # is_place looks a place's name up before the pattern
    assert bylines._PLACE_NAMES
    for place in bylines._PLACE_NAMES:
        assert bylines.DATELINE_PLACE.match(place) is not None, place


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=12), st.sampled_from(["القاهرة", "ابوظبي", "ابو ظبي", "دمشق، سوريا"])
    )
)
def test_is_place_is_the_place_pattern(text: str) -> None:
    assert bylines.is_place(text) is (bylines.DATELINE_PLACE.match(text) is not None)


def _place_byline_by_counts(text: str, norm: str) -> bool:
    """is_place_byline as it read a line's parts before its tests were ordered: each part in
    turn a place, an outlet or a role, people, one name (the reference of the test below)."""
    if len(norm.split()) > bylines._BARE_BYLINE_WORDS:
        return False
    if bylines._SEPARATOR_CHAR.search(text) is None or not bylines._place_at_an_edge(norm):
        return False
    parts = split_parts(text, limit=3)
    if not 2 <= len(parts) <= 3:
        return False
    places = named = credited = 0
    for part in parts:
        if bylines.is_place(part.norm):
            places += 1
        elif bylines._known_outlet(part.norm) or bylines.BYLINE_ROLE.match(part.norm) is not None:
            credited += 1
        elif bylines.people(part, words=bylines.BARE_NAME_WORDS):
            named += 1
        elif bylines._one_name(part.norm):
            credited += 1
        else:
            return False
    return places >= 1 and (named >= 1 or credited >= 1)


_PLACE_BYLINE_PIECES = [
    "القاهرة",
    "دمشق، سوريا",
    "جونيه",
    "محمد الكواري",
    "حسام أبو العلا",
    "أحمد علي ومحمد سمير",
    "أ ش أ",
    "خاص",
    "عربي21",
    "مراسل الجزيرة",
    "وكالة الأنباء",
    "الإمارات اليوم",
    "بالفيديو",
    "زحمة سير خانقة على أوتوستراد",
    "في",
    "من",
    "22:40",
    "x",
    " - ",
    " ـ ",
    "-",
    "/",
    ": ",
    "، ",
    " (",
    ")",
    "«",
    "» ",
    " ",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_BYLINE_PIECES), min_size=1, max_size=6).map("".join))
def test_a_place_bylines_tests_in_any_order_read_as_in_turn(text: str) -> None:
    # is_place_byline looks the parts' places up first, and tests the others cheapest first;
    # people skip the lookups of a part is_place_byline or read_parts made already (vetted)
    norm = normalize(text)
    assert is_place_byline(text, norm) is _place_byline_by_counts(text, norm), text
    for part in split_parts(text):
        vetted = not (
            bylines.is_place(part.norm)
            or bylines._known_outlet(part.norm)
            or bylines.BYLINE_ROLE.match(part.norm) is not None
        )
        if vetted:
            for words in (bylines.BARE_NAME_WORDS, bylines._NAME_WORDS):
                assert bylines.people(part, words=words, vetted=True) == bylines.people(
                    part, words=words
                ), text


def test_the_fixtures_lines_read_as_place_bylines_in_any_order() -> None:
    for line in _byline_subjects():
        norm = normalize(line)
        assert is_place_byline(line, norm) is _place_byline_by_counts(line, norm), line


def _place_at_an_edge_by_partitions(norm: str) -> bool:
    """bylines._place_at_an_edge as it was written with partitions (the reference below)."""
    core = norm.strip(bylines._EDGE_MARKS)
    head, _, _ = core.partition(" ")
    tail = core.rpartition(" ")[2]
    if not head.isalpha():
        for mark in bylines._WORD_JOINERS:
            head = head.partition(mark)[0]
    if not tail.isalpha():
        for mark in bylines._WORD_JOINERS:
            tail = tail.rpartition(mark)[2]
    for place in bylines._PLACES_BY_FIRST.get(head.rstrip(bylines._EDGE_MARKS), ()):
        if core.startswith(place) and not core[len(place) : len(place) + 1].isalnum():
            return True
    for place in bylines._PLACES_BY_LAST.get(tail.lstrip(bylines._EDGE_MARKS), ()):
        if core.endswith(place) and not core[-len(place) - 1 : -len(place)].isalnum():
            return True
    return False


_EDGE_PIECES = [
    "القاهره",
    "ابو ظبي",
    "ابو",
    "ظبي",
    "دمشق",
    "سانا",
    "محمد",
    "x",
    "5",
    " ",
    "-",
    "–",
    "—",
    "/",
    ":",
    "(",
    ")",
    "«",
    ".",
    "،",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_EDGE_PIECES), max_size=8).map("".join))
def test_the_edge_words_searched_read_as_their_partitions(text: str) -> None:
    assert bylines._place_at_an_edge(text) is _place_at_an_edge_by_partitions(text), text


def test_the_fixtures_edge_words_read_as_their_partitions() -> None:
    places = sorted({normalize(p) for p in bylines.DATELINE_PLACE.phrases})
    subjects = [normalize(line) for line in _byline_subjects()]
    subjects += [f"{place}-سانا" for place in places] + [f"- {place} /" for place in places]
    found = 0
    for norm in subjects:
        found += bylines._place_at_an_edge(norm)
        assert bylines._place_at_an_edge(norm) is _place_at_an_edge_by_partitions(norm), norm
    assert found > 2 * len(places)


def test_a_letter_or_digit_is_no_edge_of_a_part() -> None:
    # _is_edge tells a character str.isalnum takes without its category: a letter's or a number's
    for code in range(0x110000):
        char = chr(code)
        if char.isalnum():
            assert not char.isspace() and unicodedata.category(char)[0] not in "PSZ", hex(code)


def test_the_letter_words_of_a_name_are_name_words() -> None:
    # is_name takes words of these letters without testing each word (_name_word)
    letters = [
        chr(code)
        for code in range(0x110000)
        if bylines._LETTER_WORDS.fullmatch(chr(code)) is not None
    ]
    assert len(letters) == 0x064A - 0x0621 + 1 + 26
    for char in letters:
        assert bylines._NAME_WORD.fullmatch(char) is not None, hex(ord(char))
        assert bylines._NAME_WORD.fullmatch(char * 3) is not None, hex(ord(char))
    for text in ("محمد علي", "john smith", "محمد  علي", " محمد", "محمد ", "محمد-علي", "د. محمد"):
        words = text.split(" ")
        expected = all(w and all(c in letters for c in w) for w in words)
        assert (bylines._LETTER_WORDS.fullmatch(text) is not None) is expected, text


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_SPLIT_PIECES, " - ", " – ", " / ", " | ", "- ", " -"]), max_size=12
    ).map("".join)
)
def test_the_halves_of_an_outlet_byline_are_the_split_patterns(text: str) -> None:
    # split_outlet_byline cuts a printable line parted once with plain searches
    halves = [part.strip() for part in bylines._byline_halves(text)]
    assert halves == [part.strip() for part in bylines._BYLINE_SPLIT.split(text)], text


def test_the_white_space_of_a_printable_text_is_the_plain_space() -> None:
    # _byline_halves reads \\s as the plain space in a printable text
    space = bylines.regex.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        if char != " " and space.match(char) is not None:
            assert not char.isprintable(), hex(code)


def test_a_place_names_no_outlet_in_an_outlet_byline() -> None:
    # split_outlet_byline does not read a place's name as the outlet's
    for place in bylines._PLACE_NAMES:
        assert not bylines.is_outlet_name(bylines._without_role(place)), place


def test_a_bylines_parts_read_once_for_a_page_read_as_cut_again() -> None:
    # find_byline and find_source share the parts of the bylines they read (one dict a page)
    read: dict[str, list[bylines.Part]] = {}
    for site in (None, "عربي21"):
        for line in _byline_subjects():
            for _ in range(2):
                shared = read_byline(line, site, read)
                alone = read_byline(line, site)
                assert (shared.authors, shared.dateline, shared.outlet) == (
                    alone.authors,
                    alone.dateline,
                    alone.outlet,
                ), line
                assert byline_outlet(line, read) == byline_outlet(line), line
    assert read
