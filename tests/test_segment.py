"""Segmentation: the article's main run, and the boxes inside it that are skipped rather than
taken for its end (a related list between two paragraphs, with its titles' dates)."""

from __future__ import annotations

import pytest

from arabic_extract import extract

HEADLINE = "انهيار جديد للريال اليمني في عدن"
BEFORE = (
    "سجل الريال اليمني انهيارا جديدا أمام العملات الأجنبية في عدن، حيث تجاوز سعر الدولار "
    "حاجز 1800 ريال للمرة الأولى.",
    "وقال صرافون إن سعر صرف الريال السعودي وصل إلى 475 ريالا يمنيا، وسط حالة من الركود في الأسواق.",
)
AFTER = (
    "وأرجع اقتصاديون هذا التدهور إلى توقف تصدير النفط منذ أكثر من عام ونصف، إضافة إلى "
    "الانقسام المصرفي.",
    "وحذر خبراء من أن استمرار تدهور العملة سينعكس مباشرة على أسعار السلع الغذائية والأدوية "
    "المستوردة.",
    "وكانت الحكومة قد أعلنت الشهر الماضي حزمة إجراءات لوقف التدهور، إلا أنها لم تحقق النتائج "
    "المرجوة.",
)


def text_page(box: tuple[str, ...]) -> str:
    header = ["أخبار", HEADLINE, "كتب أحمد حسن", "الجمعة، 24 مايو 2024 10:30 ص"]
    return "\n".join([*header, *BEFORE, *box, *AFTER, "جميع الحقوق محفوظة"])


@pytest.mark.parametrize(
    "box",
    [
        ("مقالات ذات صلة", "البنك المركزي يحذر من التعامل مع بنوك عدن", "منذ 5 ساعات"),
        ("اقرأ أيضا", "البنك المركزي يحذر من التعامل مع بنوك عدن", "23 مايو 2024"),
        (
            "مقالات ذات صلة",
            "البنك المركزي يحذر من التعامل مع بنوك عدن",
            "منذ 5 ساعات",
            "الحكومة تعلن حزمة إجراءات اقتصادية جديدة",
            "منذ يومين",
        ),
    ],
)
def test_a_related_box_with_its_dates_between_paragraphs_is_skipped(box: tuple[str, ...]) -> None:
    article = extract(text_page(box))
    assert article.paragraphs == [*BEFORE, *AFTER]
    assert article.headline == HEADLINE
    assert article.published is not None and article.published.day == 24  # not the box's


def test_the_same_box_in_html_is_skipped() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BEFORE)
    rest = "".join(f"<p>{p}</p>" for p in AFTER)
    box = (
        '<div class="related"><h3>مقالات ذات صلة</h3><ul><li><a href="/b">البنك المركزي يحذر'
        " من التعامل مع بنوك عدن</a><span>منذ 5 ساعات</span></li></ul></div>"
    )
    page = (
        f'<html lang="ar"><body><article><h1>{HEADLINE}</h1>{paragraphs}{box}{rest}'
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    assert extract(page).paragraphs == [*BEFORE, *AFTER]


@pytest.mark.parametrize(
    "widget",
    [
        ("طالع أيضاً: إطلاق المرحلة الثانية من برنامج الكشف المبكر",),
        ("إعلان",),
        ("تابع أحدث الأخبار عبر تطبيق نبض",),
        ("تصوير أسعد عبدالله",),
        ("مصدر الصورة: Getty Images",),
        ("انضم لقناتنا على تليجرام", "اضغط هنا"),
        ("انضم لقناة الموقع على تليجرام لمتابعة آخر الأخبار لحظة بلحظة", "اضغط هنا"),
        # a newsletter's form: header, prompt, field, button and consent line, one box
        (
            "النشرة الإخبارية",
            "اشترك في نشرتنا الإخبارية ليصلك كل جديد",
            "أدخل بريدك الإلكتروني",
            "اشتراك",
            "بالتسجيل، أنت توافق على شروط الاستخدام وسياسة الخصوصية",
        ),
    ],
)
def test_a_short_paragraph_after_a_widget_stays_the_storys(widget: tuple[str, ...]) -> None:
    # the widget costs the run a label's penalty: the short paragraph after it is kept
    last = "وقالت وكيل الوزارة إن نسبة التغطية تعد من الأعلى في المنطقة."
    article = extract(text_page(widget).replace("\n".join(AFTER), last))
    assert article.paragraphs == [*BEFORE, last]


def test_a_poll_between_paragraphs_is_skipped_and_not_body() -> None:
    poll = ("استطلاع رأي", "هل تؤيد تعديل قانون الإيجار القديم؟", "نعم", "لا", "لا أعرف")
    article = extract(text_page((*poll, "تصويت", "النتائج")))
    assert article.paragraphs == [*BEFORE, *AFTER]


def test_a_read_also_header_takes_the_titles_after_it_not_the_storys_sentence() -> None:
    box = ("اقرأ أيضا:", "الصحة تكشف عدد المستفيدين من مبادرة 100 مليون صحة")
    sentence = "وتشمل المرحلة الأولى القاهرة والجيزة."
    article = extract(text_page((*box, sentence)))
    assert article.paragraphs == [*BEFORE, sentence, *AFTER]


def test_a_read_also_header_takes_no_list_introduced_by_the_story() -> None:
    box = ("طالع أيضا:", "الصحة تكشف عدد المستفيدين من مبادرة 100 مليون صحة")
    items = ("وتشمل المحافظات المستهدفة في المرحلة الأولى:", "1- القاهرة", "2- الجيزة", "3- أسيوط")
    article = extract(text_page((*box, *items)))
    assert article.paragraphs == [*BEFORE, *items, *AFTER]


def test_an_ad_with_its_teaser_between_paragraphs_is_skipped_and_not_body() -> None:
    ad = ("المحتوى المدعوم", "اكتشف أفضل العروض على الشقق في العاصمة الإدارية", "Sponsored")
    last = "وأكد البيان أن الخدمة مجانية بالكامل لجميع المواطنين في المحافظات كافة."
    article = extract(text_page(ad).replace("\n".join(AFTER), last))
    assert article.paragraphs == [*BEFORE, last]


def test_a_cookie_banner_is_not_the_article() -> None:
    banner = (
        "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. باستمرارك في تصفح "
        "الموقع فإنك توافق على سياسة الخصوصية."
    )
    article = extract("\n".join([banner, "موافق", "المزيد", text_page(())]))
    assert article.headline == HEADLINE
    assert article.paragraphs == [*BEFORE, *AFTER]


def test_the_lines_of_one_box_count_once_but_a_related_list_does_not() -> None:
    # (paragraphs after a newsletter's five lines stay the story's)
    form = (
        "النشرة الإخبارية",
        "اشترك في نشرتنا الإخبارية ليصلك كل جديد",
        "أدخل بريدك الإلكتروني",
        "اشتراك",
        "بالتسجيل، أنت توافق على شروط الاستخدام وسياسة الخصوصية",
    )
    article = extract(text_page(form))
    assert article.paragraphs == [*BEFORE, *AFTER]
    assert not set(form) & set(article.paragraphs)
    # four read-also lines in a row are a related list, not one widget: what follows them is
    # not joined to the story through them
    titles = tuple(f"اقرأ أيضا: خبر آخر رقم {n} عن الاقتصاد اليمني" for n in range(1, 5))
    other = "وفي شأن آخر، أعلنت وزارة الصحة عن حملة تطعيم جديدة في المحافظات الجنوبية."
    article = extract(text_page((*titles, other)).replace("\n".join(AFTER), ""))
    assert other not in article.paragraphs


def test_a_newsletter_form_between_paragraphs_in_html() -> None:
    form = "".join(
        f"<div>{line}</div>"
        for line in (
            "النشرة الإخبارية",
            "اشترك في نشرتنا الإخبارية ليصلك كل جديد",
            "أدخل بريدك الإلكتروني",
            "اشتراك",
            "بالتسجيل، أنت توافق على شروط الاستخدام وسياسة الخصوصية",
        )
    )
    before = "".join(f"<p>{p}</p>" for p in BEFORE)
    after = "".join(f"<p>{p}</p>" for p in AFTER)
    page = (
        f'<html lang="ar"><body><article><h1>{HEADLINE}</h1>{before}{form}{after}'
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    assert extract(page).paragraphs == [*BEFORE, *AFTER]


@pytest.mark.parametrize(
    "box",
    [
        # a newsletter's box with the inclusive imperatives (اشترك/ي)
        ("المجلة في بريدك", "انضم/ي إلى قائمتنا البريدية لتصلك أبرز المواد أسبوعياً", "اشترك/ي"),
        # a membership's appeal
        (
            "الموقع مستقل تماماً",
            "نحن لا نتلقى أي تمويل حكومي أو حزبي. ادعموا الصحافة المستقلة بالانضمام إلى نادينا.",
        ),
    ],
)
def test_an_appeal_box_between_paragraphs_is_skipped(box: tuple[str, ...]) -> None:
    for page in (
        text_page(box),
        f'<html lang="ar"><body><article><h1>{HEADLINE}</h1>'
        + "".join(f"<p>{p}</p>" for p in (*BEFORE, *box, *AFTER))
        + "</article></body></html>",
    ):
        assert extract(page).paragraphs == [*BEFORE, *AFTER]


@pytest.mark.parametrize(
    "widget",
    [
        ("إعلان",),
        ("المحتوى المدعوم", "اكتشف أفضل العروض على الشقق في العاصمة الإدارية", "Sponsored"),
    ],
)
def test_a_closing_sentence_after_widgets_stays_the_storys(widget: tuple[str, ...]) -> None:
    # a short sentence that goes on with the story (و... .) after an ad is its last one
    last = "ويستأنف الدوام الرسمي يوم الإثنين."
    page = text_page((*widget, last)).replace("\n".join(AFTER), "")
    assert extract(page).paragraphs == [*BEFORE, last]
    # an ad's teaser after it is no sentence of the story
    teaser = "اكتشف أفضل العروض على الشقق في العاصمة."
    page = text_page((*widget, teaser)).replace("\n".join(AFTER), "")
    assert extract(page).paragraphs == list(BEFORE)
    # nor in HTML
    before = "".join(f"<p>{p}</p>" for p in BEFORE)
    boxes = "".join(f"<div>{line}</div>" for line in widget)
    html = (
        f'<html lang="ar"><body><article><h1>{HEADLINE}</h1>{before}{boxes}<p>{last}</p>'
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    assert extract(html).paragraphs == [*BEFORE, last]


def test_a_list_of_links_between_paragraphs_in_markdown_is_skipped() -> None:
    # a read-also header and two or more linked titles between the story's paragraphs, as
    # crawlers write a related box in Markdown: the story goes on after it
    titles = (
        "«البنك المركزي» يبقي الفائدة دون تغيير",
        "التضخم في اليمن يرتفع إلى 30 %",
    )
    links = "\n".join(f"- [{t}](https://example.com/{n})" for n, t in enumerate(titles))
    last = AFTER[0]
    md = "\n\n".join(
        [f"# {HEADLINE}", "الجمعة، 24 مايو 2024", *BEFORE, "### اقرأ أيضاً", links, last]
    )
    assert extract(md).paragraphs == [*BEFORE, last]
    items = "".join(f"<li><a href='/{n}'>{t}</a></li>" for n, t in enumerate(titles))
    html = (
        f"<html lang='ar'><body><article><h1>{HEADLINE}</h1>"
        + "".join(f"<p>{p}</p>" for p in BEFORE)
        + f"<h3>اقرأ أيضاً</h3><ul>{items}</ul><p>{last}</p></article></body></html>"
    )
    assert extract(html).paragraphs == [*BEFORE, last]
    # one linked title followed by the story's next sentence (it opens with و): joined
    one = md.replace(links, f"[{titles[0]}](https://example.com/0)")
    assert extract(one).paragraphs == [*BEFORE, last]
    # one linked title followed by a lead may be the other article itself: not joined
    lead = "أبقى البنك المركزي اليمني سعر الفائدة دون تغيير في اجتماعه الأخير، وفق بيان رسمي."
    other = one.replace(last, lead)
    assert lead not in extract(other).paragraphs


def html_page(box: str, after: tuple[str, ...] = AFTER) -> str:
    before = "".join(f"<p>{p}</p>" for p in BEFORE)
    rest = "".join(f"<p>{p}</p>" for p in after)
    return (
        f'<html lang="ar"><body><article><h1>{HEADLINE}</h1>{before}{box}{rest}'
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


TITLES = (
    "البنك المركزي يحذر من التعامل مع بنوك عدن",
    "الحكومة تعلن حزمة إجراءات اقتصادية جديدة",
)
# A subheading of the story: its words are those of the paragraph under it (AFTER[0]).
SUBHEADING = "توقف تصدير النفط"


def test_a_bulleted_read_also_list_ends_at_the_first_line_without_a_marker() -> None:
    box = ("اقرأ أيضاً", *(f"  * {t}" for t in TITLES), "أسباب التدهور الأخرى")
    article = extract(text_page(box))
    assert article.paragraphs == [*BEFORE, "أسباب التدهور الأخرى", *AFTER]
    # a third bulleted title is the box's
    box = ("اقرأ أيضاً", *(f"  * {t}" for t in (*TITLES, "أسباب التدهور الأخرى")))
    assert extract(text_page(box)).paragraphs == [*BEFORE, *AFTER]
    # in HTML, the list's items are the box's, a paragraph after the list is the story's
    items = "".join(f"<li><a href='/{n}'>{t}</a></li>" for n, t in enumerate(TITLES))
    box = f"<div><span>اقرأ أيضاً</span><ul>{items}</ul></div>"
    html = html_page(f"{box}<p>أسباب التدهور الأخرى</p>")
    assert extract(html).paragraphs == [*BEFORE, "أسباب التدهور الأخرى", *AFTER]


def test_a_read_also_box_ends_at_the_subheading_of_the_text_under_it() -> None:
    # BeautifulSoup's text: no marker, the titles and the subheading one a line each; the
    # subheading names what the paragraph under it tells, the box's titles do not
    box = ("اقرأ أيضاً", *TITLES, SUBHEADING)
    assert extract(text_page(box)).paragraphs == [*BEFORE, SUBHEADING, *AFTER]
    # a title that shares no words with the paragraph is the box's
    box = ("اقرأ أيضاً", *TITLES, "أسعار الذهب تتراجع في الأسواق")
    assert extract(text_page(box)).paragraphs == [*BEFORE, *AFTER]


def test_a_read_also_box_ends_at_a_quoted_sentence_of_the_story() -> None:
    quote = '"الريال فقد نصف قيمته خلال عام واحد، ولا توجد حلول قريبة في الأفق لوقف هذا الانهيار"'
    box = ("طالع أيضا:", TITLES[0], quote)
    assert extract(text_page(box)).paragraphs == [*BEFORE, quote, *AFTER]
    # a title with a comma is no sentence: the box's
    title = "عدن، الريال يواصل التراجع أمام الدولار"
    box = ("طالع أيضا:", TITLES[0], title)
    assert extract(text_page(box)).paragraphs == [*BEFORE, *AFTER]
    # in HTML, the quote in a blockquote after the box
    html = html_page(
        f"<div><span>طالع أيضا:</span><a href='/x'>{TITLES[0]}</a></div>"
        f"<blockquote>{quote}</blockquote>"
    )
    assert extract(html).paragraphs == [*BEFORE, quote, *AFTER]


def test_a_related_label_after_a_list_item_is_a_box_inside_the_story() -> None:
    # BeautifulSoup's text: the story's list, the box's label and titles, the story again
    intro = "وشملت القرارات ما يلي:"
    items = ("رفع سعر الفائدة إلى 25 بالمئة.", "وقف استيراد السلع الكمالية.")
    box = ("أخبار ذات صلة", *TITLES)
    article = extract(text_page((intro, *items, *box)))
    assert article.paragraphs == [*BEFORE, intro, *items, *AFTER]
    # the label alone (its titles were images): the story goes on with و
    article = extract(text_page((intro, *items, "أخبار ذات صلة")))
    assert article.paragraphs == [*BEFORE, intro, *items, *AFTER]
    # the label alone, then text that is no sentence going on (another article's lead): cut
    lead = "أعلنت وزارة الصحة اليمنية عن حملة تطعيم جديدة في المحافظات الجنوبية، تستمر أسبوعين."
    page = text_page((intro, *items, "أخبار ذات صلة", lead)).replace("\n".join(AFTER), "")
    assert lead not in extract(page).paragraphs
    # in HTML: an <ol> of the story, then the box's label in a div of its own
    ol = "<p>" + intro + "</p><ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
    html = html_page(f"{ol}<div>أخبار ذات صلة</div>")
    assert extract(html).paragraphs == [*BEFORE, intro, *items, *AFTER]


@pytest.mark.parametrize(
    "line",
    [
        f"أخبار ذات صلة {TITLES[0]} {TITLES[1]}",
        f"أخبار ذات صلة{TITLES[0]}{TITLES[1]}",  # lxml's text_content: no space at all
        f"مقالات ذات صلة: {TITLES[0]}",
        f"اقرأ أيضاً{TITLES[0]}{TITLES[1]}",
    ],
)
def test_a_related_box_on_one_line_is_noise_whole(line: str) -> None:
    article = extract(text_page((line,)))
    assert article.paragraphs == [*BEFORE, *AFTER]
    # in HTML, the label and its titles as the text of one element (no links)
    label, _, rest = line.partition(TITLES[0][:5])
    html = html_page(f"<div>{label}<span>{TITLES[0][:5]}{rest}</span></div>")
    assert extract(html).paragraphs == [*BEFORE, *AFTER]


def test_a_sentence_that_opens_with_a_related_label_stays_the_storys() -> None:
    sentence = "أخبار ذات صلة بالأزمة تتوالى، وقال مسؤول إن الحكومة ستتدخل لوقف التدهور."
    article = extract(text_page((sentence,)))
    assert article.paragraphs == [*BEFORE, sentence, *AFTER]
    # and a line of related headers alone is still a header (the story ends, or a box opens)
    line = "أخبار ذات صلة المزيد"
    assert line not in extract(text_page((line, *TITLES))).paragraphs


def test_the_subheading_after_a_box_taken_as_a_list_stays_the_storys() -> None:
    # a box's two lines, then the story's subheading and its opening sentence: the box is a
    # list of titles, the subheading is not its third
    box = ("الموقع في بريدك", "سجل الآن لتصلك أبرز المواد أسبوعياً")
    heading = "ثلاثة أسباب للتدهور"
    sentence = "يعدد الاقتصاديون أسباباً متشابهة للأزمة:"
    article = extract(text_page((*box, heading, sentence)))
    assert article.paragraphs == [*BEFORE, heading, sentence, *AFTER]
    # in HTML, the box's lines in elements of their own, then the story's
    lines = "".join(f"<div>{line}</div>" for line in box)
    html = html_page(f"{lines}<p>{heading}</p><p>{sentence}</p>")
    assert extract(html).paragraphs == [*BEFORE, heading, sentence, *AFTER]
    # three titles and a fourth title-like line under them: all one list
    lines = (*box, heading, "توقعات الأسواق للأسبوع المقبل")
    article = extract(text_page(lines).replace("\n".join(AFTER), ""))
    assert not set(lines) & set(article.paragraphs)
