"""The credited source of a story wherever the page credits it: a line of its own or the end of
the story's last paragraph, as agency copy ends (``... إيجابية.--(بترا)``, ``... (رويترز)``), in
HTML and in every shape of page text (one paragraph a line, or the whole story on one line as
lxml's text_content() and BeautifulSoup's get_text() give it)."""

from __future__ import annotations

import pytest

from arabic_extract import extract
from arabic_extract.engine.blocks import line_blocks
from arabic_extract.engine.features import tail_agency
from arabic_extract.engine.fields import closing_credit, is_weather_widget
from arabic_extract.engine.normalize import normalize

TITLE = "الولايات المتحدة تسجل 50 ألف وفاة بفيروس كورونا"
LEAD = (
    "بلغت حصيلة الوفيات الناجمة عن فيروس كورونا المستجد في الولايات المتحدة 50 ألفاً مساء "
    "الخميس، بعدما حصد الوباء خلال الساعات الأربع والعشرين الماضية أرواح 3176 مصاباً."
)
LAST = (
    "وفي بيانات نشرها مركز الجامعة، ارتفع إجمالي عدد الإصابات المثبتة مخبرياً بالفيروس في "
    "الولايات المتحدة إلى 866 ألف إصابة بعدما أتت نتيجة الفحوص الأخيرة إيجابية."
)
CREDITS = [
    ("--(بترا)", "بترا"),
    (" (رويترز)", "رويترز"),
    ("(أ ف ب)", "أ ف ب"),
    (" - (الأناضول)", "الأناضول"),
    (" (CNN)", "CNN"),
]


def _html(last: str) -> str:
    return f"<html><body><h1>{TITLE}</h1><p>{LEAD}</p><p>{last}</p></body></html>"


@pytest.mark.parametrize("credit,source", CREDITS)
def test_a_credit_after_the_last_sentence_is_the_source(credit: str, source: str) -> None:
    last = LAST + credit
    shapes = {
        "html": _html(last),
        "text": f"{TITLE}\n{LEAD}\n{last}",
        # lxml's text_content(), BeautifulSoup's get_text(): the story's paragraphs run together
        "glued": f"{TITLE}\n{LEAD}{last}",
    }
    for shape, page in shapes.items():
        assert extract(page).source == source, shape


@pytest.mark.parametrize(
    "last",
    [
        # the agency is quoted inside the sentence, or the bracket is no credit
        LAST[:-1] + " (رويترز).",
        LAST.replace("مركز الجامعة،", "مركز الجامعة (رويترز)،"),
        LAST + " (انتهى)",
        LAST + " (صور)",
    ],
)
def test_a_bracket_that_credits_no_outlet_is_no_source(last: str) -> None:
    assert extract(_html(last)).source is None
    assert extract(f"{TITLE}\n{LEAD}\n{last}").source is None


def test_a_separate_source_line_comes_first() -> None:
    page = f"{TITLE}\n{LEAD}\n{LAST} (رويترز)\nالمصدر: سكاي نيوز عربية"
    assert extract(page).source == "سكاي نيوز عربية"


@pytest.mark.parametrize(
    "source_line,source",
    [
        # an exclusive of the outlet named after it (Lebanon24)
        ('المصدر:\nخاص "لبنان 24"', "لبنان 24"),
        ('المصدر: خاص "لبنان 24"', "لبنان 24"),
        # a reporter and a place credit no outlet: the site's own name (Emarat Al-Youm)
        ("المصدر: محمد فرحان - دبي", "الإمارات اليوم"),
        # a place and an outlet: the outlet
        ("المصدر: أبوظبي - البيان", "البيان"),
    ],
)
def test_what_a_source_line_credits(source_line: str, source: str) -> None:
    footer = "جميع الحقوق محفوظة © 2024 الإمارات اليوم"
    assert extract(f"{TITLE}\n{LEAD}\n{LAST}\n{source_line}\n{footer}").source == source


def test_the_credit_keeps_its_original_spelling() -> None:
    (block,) = line_blocks([LAST + " (أ.ف.ب)"], 10_000)
    assert closing_credit(block) == "أ.ف.ب"


def test_a_caption_credit_is_no_closing_credit() -> None:
    # a photo's caption ends with its credit without a sentence before it
    (block,) = line_blocks(["الرئيس الأمريكي في البيت الأبيض (رويترز)"], 10_000)
    assert closing_credit(block) is None


@pytest.mark.parametrize(
    "line,source",
    [
        # agencies' own datelines, spaced or not
        ("دمشق-سانا", "سانا"),
        ("أنقرة/ الأناضول", "الأناضول"),
        ("الدوحة - قنا", "قنا"),
        ("القاهرة- أ ش أ", "أ ش أ"),
    ],
)
def test_an_agency_dateline_line_credits_its_agency(line: str, source: str) -> None:
    article = extract(f"{TITLE}\n{line}\n{LEAD}\n{LAST}")
    assert article.source == source
    assert article.author is None


@pytest.mark.parametrize(
    "lead,source",
    [
        (f"برلين - (د ب أ) - {LEAD}", "د ب أ"),
        (f"{LEAD[:-1]}، نقلاً عن وكالة الأنباء الألمانية.", "الأنباء الألمانية"),
        (f"{LEAD[:-1]}، بحسب ما ذكرت الفرنسية للأنباء.", "الفرنسية للأنباء"),
    ],
)
def test_agencies_by_their_initials_and_national_names(lead: str, source: str) -> None:
    assert extract(f"{TITLE}\n{lead}\n{LAST}").source == source


def test_news_with_an_adjective_is_no_agency() -> None:
    lead = f"{LEAD[:-1]}، وفق ما نقلت الأنباء الرسمية."
    assert extract(f"{TITLE}\n{lead}\n{LAST}").source is None


@pytest.mark.parametrize(
    "attribution",
    [
        "حسبما ذكرت وسائل إعلام محلية",
        "وفقاً لمصادر مطلعة",
        "بحسب ما نقلت مصادر أمنية",
        "حسبما أفادت تقارير إعلامية",
    ],
)
def test_an_attribution_to_unnamed_media_or_sources_credits_no_outlet(attribution: str) -> None:
    lead = f"{LEAD[:-1]}، {attribution}."
    assert extract(f"{TITLE}\n{lead}\n{LAST}").source is None


def test_an_unnamed_word_before_a_known_agency_still_credits_it() -> None:
    lead = f"{LEAD[:-1]}، وفق ما نقلت الأنباء الألمانية."
    assert extract(f"{TITLE}\n{lead}\n{LAST}").source == "الأنباء الألمانية"


@pytest.mark.parametrize(
    "credit,source",
    [
        ("(رويترز)", "رويترز"),
        ("- (أ ف ب)", "أ ف ب"),
        # several agencies; DW's editors' initials before them
        ("(رويترز، د ب أ)", "رويترز، د ب أ"),
        ("ع.ج.م/ ح.ز (رويترز، د ب أ)", "رويترز، د ب أ"),
        ("خ.س/ ع.ح (د ب أ)", "د ب أ"),
    ],
)
def test_an_agency_in_brackets_on_the_line_after_the_story_is_its_source(
    credit: str, source: str
) -> None:
    html = f"<html><body><h1>{TITLE}</h1><p>{LEAD}</p><p>{LAST}</p><p>{credit}</p></body></html>"
    assert extract(html).source == source
    assert extract(f"{TITLE}\n{LEAD}\n{LAST}\n{credit}").source == source


def test_a_photo_credit_under_a_photo_is_no_source() -> None:
    figure = '<figure><img src="a.jpg"><figcaption>(رويترز)</figcaption></figure>'
    html = f"<html><body><h1>{TITLE}</h1><p>{LEAD}</p><p>{LAST}</p>{figure}</body></html>"
    assert extract(html).source is None
    # nor a bracket that names no agency
    assert extract(f"{TITLE}\n{LEAD}\n{LAST}\n(صور)").source is None


@pytest.mark.parametrize(
    "line,source",
    [
        ("نقلاً عن «الشرق الأوسط»", "الشرق الأوسط"),
        ("القاهرة - المصدر: رويترز", "رويترز"),
        ("بيروت - الوكالة الوطنية للإعلام", "الوكالة الوطنية للإعلام"),
        ("محمد المنشاوي - مراسل الجزيرة نت", "الجزيرة نت"),
    ],
)
def test_sources_named_with_a_label_a_role_or_a_definite_outlet_word(
    line: str, source: str
) -> None:
    article = extract(f"{TITLE}\n{line}\n{LEAD}\n{LAST}")
    assert article.source == source
    assert source not in (article.author or "")


@pytest.mark.parametrize(
    "dateline,source",
    [
        ("أبوظبي في 12 يناير / وام / ", "وام"),
        ("الدوحة في 12 يناير /قنا/ ", "قنا"),
        ("بيروت- رويترز- ", "رويترز"),
        ("لندن- «القدس العربي»: ", "القدس العربي"),
    ],
)
def test_agency_datelines_with_slashes_or_a_dash_on_the_place(dateline: str, source: str) -> None:
    assert extract(f"{TITLE}\n{dateline}{LEAD}\n{LAST}").source == source
    html = f"<html><body><h1>{TITLE}</h1><p>{dateline}{LEAD}</p><p>{LAST}</p></body></html>"
    assert extract(html).source == source


def test_a_breadcrumb_with_slashes_is_no_dateline() -> None:
    page = f"الرئيسية / أخبار / محليات\n{TITLE}\n{LEAD}\n{LAST}"
    assert extract(page).source is None


def test_the_sites_name_over_the_story_is_no_headline() -> None:
    # Mosaique FM prints its name again between the date and the story, as a credit; above
    # the menu it is the masthead, the site's name, which is never the headline
    title = "وزارة الفلاحة: صابة الحبوب تقدر بـ11 مليون قنطار"
    story = (
        "قدّر المدير العام للإنتاج الفلاحي بوزارة الفلاحة صابة الحبوب لهذا الموسم بنحو 11 مليون "
        "قنطار، بفضل التساقطات الأخيرة.",
        "وأوضح، في تصريح لموزاييك، أن التساقطات المسجلة في شهري مارس وأفريل ساهمت في تحسين "
        "مردودية الزراعات الكبرى.",
    )
    lines = ["موزاييك أف أم", "الرئيسية", "وطنية", "جهوية", "عالمية", "رياضة", "ثقافة"]
    lines += [title, "الأربعاء 15 ماي 2024 | 10:42", "موزاييك أف أم", *story]
    article = extract("\n".join(lines))
    assert article.headline == title
    assert article.site_name == article.source == "موزاييك أف أم"
    assert article.paragraphs == list(story)
    menu = "".join(f"<li><a href='/{k}'>{item}</a></li>" for k, item in enumerate(lines[1:7]))
    body = "".join(f"<p>{p}</p>" for p in story)
    html = (
        f"<html lang='ar'><body><header><div class='logo'>{lines[0]}</div><ul>{menu}</ul>"
        f"</header><article><h1>{title}</h1><div>{lines[8]}</div><div>{lines[9]}</div>{body}"
        "</article></body></html>"
    )
    article = extract(html)
    assert article.headline == title
    assert article.paragraphs == list(story)


def test_a_weather_widget_is_no_sites_name() -> None:
    # Al-Khaleej's top bar shows the weather and the day's date above its logo: a place and a
    # temperature (دبي 24°) is a widget, never the site's name nor the source; the logo under
    # the widgets is
    title = "ارتفاع أسعار الوقود في الإمارات لشهر ديسمبر"
    story = (LEAD, LAST)
    menu = ["الإمارات", "اقتصاد", "سياسة", "رياضة", "ثقافة"]
    top = ["دبي 24°", "الثلاثاء 1 ديسمبر 2026"]
    article = extract("\n".join([*top, "الخليج", *menu, title, *story]))
    assert (article.site_name, article.source) == ("الخليج", "الخليج")
    assert article.paragraphs == list(story)
    # without the logo the widget names nothing (دبي 24 was the site's name)
    article = extract("\n".join(["دبي 24°", "اقتصاد محلي", "حجم الخط + -", *story]))
    assert (article.site_name, article.source) == (None, None)
    items = "".join(f"<li><a href='/{k}'>{item}</a></li>" for k, item in enumerate(menu))
    body = "".join(f"<p>{p}</p>" for p in story)
    html = (
        f"<html lang='ar'><body><header><div class='weather'>{top[0]}</div><div>{top[1]}</div>"
        f"<ul>{items}</ul></header><article><h1>{title}</h1>{body}</article></body></html>"
    )
    article = extract(html)
    assert (article.site_name, article.source) == (None, None)
    assert article.paragraphs == list(story)
    # a name and a weather word without a temperature may be an outlet's (دبي اليوم)
    assert not is_weather_widget(normalize("دبي اليوم"))
    assert is_weather_widget(normalize("الرياض غائم 31 درجة"))
    assert not is_weather_widget(normalize("ارتفاع الحرارة إلى 45 درجة في دبي"))


@pytest.mark.parametrize(
    "caption",
    [
        "أطباء مضربون أمام مستشفى سانت توماس في لندن، 10 مايو 2024 (فرانس برس)",
        "أطباء مضربون أمام مستشفى سانت توماس في لندن (فرانس برس)",
        "أطباء مضربون أمام مستشفى سانت توماس في لندن - 10 مايو 2024 (رويترز)",
    ],
)
def test_a_photos_caption_with_its_date_and_credit_is_no_dateline(caption: str) -> None:
    # a caption that ends with the day and the agency's credit is not the story's dateline
    # (which would end the body there and credit the photo's agency with the story)
    title = "إضراب الأطباء المقيمين في إنكلترا يدخل يومه الثالث"
    before = (
        "يواصل الأطباء المقيمون في إنكلترا إضرابهم عن العمل لليوم الثالث على التوالي، احتجاجاً "
        "على ما يصفونه بتآكل رواتبهم منذ عام 2008.",
        "وقالت الجمعية الطبية البريطانية إن الحكومة ترفض الجلوس إلى طاولة المفاوضات بعرض جدي.",
    )
    after = (
        "في المقابل، قالت وزارة الصحة إن الإضراب أدى إلى تأجيل أكثر من 60 ألف موعد طبي وعملية "
        "جراحية.",
        "ويطالب الأطباء بزيادة رواتبهم بنسبة 35%، بينما عرضت الحكومة زيادة لا تتجاوز 8.8%.",
    )
    text = "\n".join(["الرئيسية", "مجتمع", title, "12 مايو 2024", *before, caption, *after])
    paragraphs = "".join(f"<p>{p}</p>" for p in before)
    rest = "".join(f"<p>{p}</p>" for p in after)
    html = (
        f"<html lang='ar'><body><article><h1>{title}</h1><div>12 مايو 2024</div>{paragraphs}"
        f"<div>{caption}</div>{rest}</article></body></html>"
    )
    for page in (text, html):
        article = extract(page)
        assert article.paragraphs == [*before, *after]
        assert article.source is None
        assert len(article.captions) == 1


def test_an_agencys_dated_dateline_line_still_credits_it() -> None:
    line = "الرياض 12 رمضان 1445 هـ الموافق 22 مارس 2024 م واس"
    norm = normalize(line)
    assert tail_agency(norm) == "واس"
    caption = "أطباء مضربون أمام مستشفى في لندن، 10 مايو 2024 (رويترز)"
    assert tail_agency(normalize(caption)) is None


@pytest.mark.parametrize(
    "footer,site",
    [
        # ل before the article's ال writes لل: the name keeps its article
        ("جميع الحقوق محفوظة للخبر © 2024", "الخبر"),
        ("جميع الحقوق محفوظة لليوم السابع 2024", "اليوم السابع"),
        ("جميع الحقوق محفوظة للمصري اليوم", "المصري اليوم"),
        # but not before a place's name
        ("جميع الحقوق محفوظة للبنان 24", "لبنان 24"),
        ("جميع الحقوق محفوظة لـ ليبيا اليوم", "ليبيا اليوم"),
        # the site's address after its name is no part of it
        ("© 2000 - 2024 البوابة (www.albawaba.com)", "البوابة"),
        # the name right after محفوظة, without ل
        ("© جميع الحقوق محفوظة أحداث أنفو 2024", "أحداث أنفو"),
        # a publishing house names its outlet (Gulf and Egyptian papers' footers)
        ("جميع الحقوق محفوظة لمؤسسة المدينة للصحافة والنشر © 2024", "المدينة"),
        ("© 2024 دار الخليج للصحافة والطباعة والنشر", "الخليج"),
        ("جميع الحقوق محفوظة لمؤسسة الأهرام", "الأهرام"),
        # but a place's house publishes an outlet of another name: kept whole
        ("جميع الحقوق محفوظة لمؤسسة دبي للإعلام", "مؤسسة دبي للإعلام"),
    ],
)
def test_the_site_name_from_its_copyright_line(footer: str, site: str) -> None:
    title = "البرلمان يرفع جلسته إلى إشعار آخر بعد خلاف على انتخاب الرئيس"
    story = (
        "رفع مجلس النواب، مساء اليوم الأحد، جلسته المخصصة لانتخاب رئيس جديد للمجلس إلى إشعار "
        "آخر، بعد خلافات حادة بين الكتل.",
        "وقال مصدر برلماني إن الجلسة شهدت مشادات كلامية بين نواب من كتل مختلفة، ما دفع رئاسة "
        "الجلسة إلى رفعها دون تحديد موعد جديد.",
    )
    text = "\n".join(["الرئيسية", "أخبار", title, "12 مايو 2024", *story, footer])
    body = "".join(f"<p>{p}</p>" for p in story)
    html = (
        f"<html lang='ar'><body><article><h1>{title}</h1>{body}</article>"
        f"<footer>{footer}</footer></body></html>"
    )
    for page in (text, html):
        article = extract(page)
        assert article.site_name == article.source == site


def test_the_owner_before_the_copyright_phrase_wins_over_the_line_after_it() -> None:
    """© 2026 خبرني. جميع الحقوق محفوظة names خبرني; the menu under it is no site's name (a
    line after "محفوظة ل" is looked at only when the footer names no one)."""
    footer = ["© 2026 خبرني. جميع الحقوق محفوظة", "من نحنسياسة الخصوصيةتواصل معنا"]
    article = extract("\n".join([TITLE, LEAD, LAST, *footer]))
    assert article.site_name == article.source == "خبرني"


def test_an_illustrative_photos_credit_is_no_dateline() -> None:
    """تعبيرية (Shutterstock) credits a photo (صورة تعبيرية, its word left out): not an
    agency's dateline, never the story's source."""
    article = extract("\n".join([TITLE, "تعبيرية (Shutterstock)", LEAD, LAST]))
    assert article.source is None
    assert "Shutterstock" not in article.body


@pytest.mark.parametrize(
    "line,source,author",
    [
        ("المصدر أونلاين - حاوره: عبدالله المنيفي", "المصدر أونلاين", "عبدالله المنيفي"),
        ("المصدر نيوز - كتب: سامي العلي", "المصدر نيوز", "سامي العلي"),
        ("المصدر أونلاين", "المصدر أونلاين", None),
    ],
)
def test_an_outlet_named_after_the_source_label(line: str, source: str, author: str | None) -> None:
    """المصدر أونلاين is a Yemeni outlet, not the label المصدر before an outlet named أونلاين:
    a word that ends outlets' names right after the label (no colon, no dash) makes the two one
    name, and the writer after the dash is the author, in text and in HTML."""
    text = extract(f"{TITLE}\n{line}\n{LEAD}\n{LAST}")
    html = extract(
        f"<html><body><h1>{TITLE}</h1><p>{line}</p><p>{LEAD}</p><p>{LAST}</p></body></html>"
    )
    for article in (text, html):
        assert (article.source, article.author) == (source, author)


@pytest.mark.parametrize(
    "line", ["المصدر: أونلاين نيوز", "المصدر أونلاين الأسبوعي تقرير عن المياه"]
)
def test_a_label_with_its_colon_or_a_longer_line_keeps_its_reading(line: str) -> None:
    article = extract(f"{TITLE}\n{line}\n{LEAD}\n{LAST}")
    assert article.source != "المصدر أونلاين"


@pytest.mark.parametrize(
    "lines,source,dateline",
    [
        # a tatweel standing alone is the dateline's dash (normalised to one)
        ((f"بيروت ـ رويترز: {LEAD}",), "رويترز", "بيروت"),
        # an agency's dateline on a line of its own, from a town the place list lacks
        (("الدقم ـ العمانية:", LEAD), "العمانية", "الدقم"),
        (("الدقم - العمانية:", LEAD), "العمانية", "الدقم"),
        # a story's kind or a desk where the place stands is none
        ((f"تقرير - رويترز: {LEAD}",), "رويترز", None),
        ((f"متابعة - رويترز: {LEAD}",), "رويترز", None),
        ((f"خاص - رويترز: {LEAD}",), "رويترز", None),
    ],
)
def test_agency_datelines_with_a_tatweel_or_an_unknown_place(
    lines: tuple[str, ...], source: str, dateline: str | None
) -> None:
    article = extract("\n".join([TITLE, *lines, LAST]))
    assert (article.source, article.dateline) == (source, dateline)
