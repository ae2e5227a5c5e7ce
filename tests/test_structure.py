"""Structure: what blocks say they are part of (the DOM walk, the Markdown reader, page text's
reflow), which tables and lists the rules take as the article's
(:mod:`arabic_extract.engine.structure`), the typed content built from them and the body read back
from it (:mod:`arabic_extract.engine.content`), and the links kept as spans (``config.links``)."""

from __future__ import annotations

import pytest

from arabic_extract import Article, ExtractionConfig, extract
from arabic_extract.engine.blocks import line_blocks, link_runs
from arabic_extract.engine.content import body_lines
from arabic_extract.engine.markdown import read_markdown
from arabic_extract.engine.reflow import cell_rows, text_rows
from arabic_extract.model import (
    EmbedNode,
    FigureNode,
    HeadingNode,
    ListItem,
    ListNode,
    ParagraphNode,
    QuoteNode,
    TableNode,
)

LEAD = (
    "أعلنت الهيئة العليا المستقلة للانتخابات اليوم النتائج الأولية للانتخابات البلدية التي "
    "جرت أمس في ثلاث محافظات، وسط إقبال فاق توقعات المراقبين."
)
INTRO = "وجاءت نسب المشاركة وعدد المقاعد في المحافظات الثلاث على النحو التالي:"
AFTER = (
    "ومن المنتظر أن تعلن الهيئة النتائج النهائية خلال أسبوع، بعد النظر في الطعون التي تقدم "
    "بها عدد من المرشحين والقوائم المتنافسة."
)
MIDDLE = (
    "وأوضحت الهيئة أن الأرقام أولية وقد تتغير بعد فرز صناديق الاقتراع المتأخرة في المناطق "
    "الريفية البعيدة عن مراكز المدن."
)
TABLE = (
    "<table><tr><th>المحافظة</th><th>نسبة المشاركة</th><th>عدد المقاعد</th></tr>"
    "<tr><td>العاصمة</td><td>48%</td><td>60</td></tr>"
    "<tr><td>الشمال</td><td>52%</td><td>45</td></tr>"
    "<tr><td>الجنوب</td><td>41%</td><td>38</td></tr></table>"
)
ROWS = ["المحافظة | نسبة المشاركة | عدد المقاعد", "العاصمة | 48% | 60"]


def page(body: str, after: str = "") -> str:
    return (
        "<html><head><title>ارتفاع نسبة المشاركة في الانتخابات البلدية</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/p'>سياسة</a></nav>"
        "<h1>ارتفاع نسبة المشاركة في الانتخابات البلدية</h1>"
        "<p>الأحد 12 مايو 2024 - 10:30</p>"
        f"<div class='entry-content'>{body}</div>{after}"
        "<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"
    )


def reasons(article: Article, text: str) -> list[str]:
    return next(b.reasons for b in article.blocks if b.text == text)


# --- tables --------------------------------------------------------------------------------------


def test_a_table_between_paragraphs_is_the_articles() -> None:
    article = extract(page(f"<p>{LEAD}</p><p>{INTRO}</p>{TABLE}<p>{AFTER}</p>"))
    assert article.paragraphs[:2] == [LEAD, INTRO]
    assert article.paragraphs[2:4] == ROWS
    assert article.paragraphs[-1] == AFTER
    assert article.published is not None and article.published.day == 12
    table = next(n for n in article.content if isinstance(n, TableNode))
    assert table.header == ["المحافظة", "نسبة المشاركة", "عدد المقاعد"]
    assert table.rows[2] == ["الجنوب", "41%", "38"]


def test_a_table_without_an_introduction_between_paragraphs() -> None:
    config = ExtractionConfig(explain=True)
    article = extract(page(f"<p>{LEAD}</p>{TABLE}<p>{AFTER}</p>"), config=config)
    assert reasons(article, "48%") == ["data-table"]
    assert article.paragraphs == [LEAD, *ROWS, "الشمال | 52% | 45", "الجنوب | 41% | 38", AFTER]


@pytest.mark.parametrize("note", ["*الأرقام أولية", "المصدر: الهيئة العليا للانتخابات"])
def test_a_table_and_its_note_between_paragraphs(note: str) -> None:
    # a results table with its unit or source under it (Argaam, Mubasher): the note is the
    # table's, and the story goes on after it
    config = ExtractionConfig(explain=True)
    rows = [r.split(" | ") for r in ROWS]
    markdown = "\n".join(
        [
            "# ارتفاع نسبة المشاركة في الانتخابات البلدية",
            "",
            LEAD,
            "",
            f"| {' | '.join(rows[0])} |",
            "| --- | --- | --- |",
            f"| {' | '.join(rows[1])} |",
            "| الشمال | 52% | 45 |",
            "",
            note,
            "",
            AFTER,
            "",
            MIDDLE,
        ]
    )
    html = page(f"<p>{LEAD}</p>{TABLE}<p>{note}</p><p>{AFTER}</p><p>{MIDDLE}</p>")
    for source in (markdown, html):
        article = extract(source, config=config)
        assert article.paragraphs[0] == LEAD
        assert article.paragraphs[-3:] == [note, AFTER, MIDDLE]
        assert reasons(article, note) == ["table-note"]
        assert any(isinstance(n, TableNode) for n in article.content)


def test_a_table_in_the_sidebar_is_not_the_articles() -> None:
    sidebar = f"<aside class='sidebar'><h3>مواقيت الصلاة</h3>{TABLE}</aside>"
    article = extract(page(f"<p>{LEAD}</p><p>{AFTER}</p>", after=sidebar))
    assert article.paragraphs == [LEAD, AFTER]
    assert not any(isinstance(n, TableNode) for n in article.content)


def test_a_table_of_links_is_not_the_articles() -> None:
    links = "".join(
        f"<tr><td><a href='/n/{k}'>عنوان خبر آخر رقم {k} في الموقع</a></td>"
        f"<td><a href='/s/{k}'>قسم {k}</a></td></tr>"
        for k in range(4)
    )
    config = ExtractionConfig(explain=True)
    article = extract(page(f"<p>{LEAD}</p><table>{links}</table><p>{AFTER}</p>"), config=config)
    assert "link-table" in reasons(article, "عنوان خبر آخر رقم 1 في الموقع")
    assert not any("عنوان خبر آخر" in p for p in article.paragraphs)


def test_a_layout_table_around_the_page_is_read_as_paragraphs() -> None:
    layout = (
        "<table><tr><td colspan='2'><a href='/'>الرئيسية</a> | <a href='/x'>أخبار</a></td></tr>"
        f"<tr><td><p>{LEAD}</p><p>{MIDDLE}</p><p>{AFTER}</p></td>"
        "<td><a href='/a'>خبر جانبي أول</a><br><a href='/b'>خبر جانبي ثان</a></td></tr></table>"
    )
    article = extract(page(layout), config=ExtractionConfig(explain=True))
    assert article.paragraphs == [LEAD, MIDDLE, AFTER]
    assert "layout-table" in reasons(article, MIDDLE)
    assert all(isinstance(n, ParagraphNode) for n in article.content)


# --- lists ---------------------------------------------------------------------------------------

ITEMS = [
    "تأخر فتح بعض مراكز الاقتراع لمدة نصف ساعة",
    "إقبال كبير من الشباب في الساعات الأولى",
    "غياب المخالفات الجسيمة بحسب المراقبين",
]
LIST_INTRO = "وسجلت الهيئة عدداً من الملاحظات خلال يوم الاقتراع، أبرزها ما يلي:"


def test_a_list_after_its_introduction_is_the_articles() -> None:
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    config = ExtractionConfig(explain=True)
    article = extract(page(f"<p>{LEAD}</p><p>{LIST_INTRO}</p><ul>{items}</ul>"), config=config)
    assert article.paragraphs == [LEAD, LIST_INTRO, *ITEMS]
    assert "list-intro" in reasons(article, LIST_INTRO)
    assert reasons(article, ITEMS[0]) == ["article-list"]
    assert article.content[-1] == ListNode(items=[ListItem(text=item) for item in ITEMS])


def test_an_ordered_list_of_steps() -> None:
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    article = extract(page(f"<p>{LEAD}</p><ol>{items}</ol><p>{AFTER}</p>"))
    lists = [n for n in article.content if isinstance(n, ListNode)]
    assert len(lists) == 1 and lists[0].ordered


def test_a_list_of_links_is_not_the_articles() -> None:
    items = "".join(f"<li><a href='/n/{k}'>{item}</a></li>" for k, item in enumerate(ITEMS))
    article = extract(page(f"<p>{LEAD}</p><p>{LIST_INTRO}</p><ul>{items}</ul><p>{AFTER}</p>"))
    assert not set(ITEMS) & set(article.paragraphs)


def test_a_list_after_a_box_header_is_not_the_articles() -> None:
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    article = extract(page(f"<p>{LEAD}</p><p>{AFTER}</p><h3>مواضيع قد تهمك:</h3><ul>{items}</ul>"))
    assert not set(ITEMS) & set(article.paragraphs)


def test_a_list_laying_out_the_page_gives_paragraphs() -> None:
    body = f"<ul><li><p>{LEAD}</p><p>{MIDDLE}</p><p>{AFTER}</p></li></ul>"
    article = extract(page(body))
    assert article.paragraphs == [LEAD, MIDDLE, AFTER]
    assert all(isinstance(n, ParagraphNode) for n in article.content)


# --- page text and Markdown ----------------------------------------------------------------------


def test_page_text_with_bullets_and_tab_cells() -> None:
    text = "\n".join(
        [
            "ارتفاع نسبة المشاركة في الانتخابات البلدية",
            "",
            LEAD,
            "",
            INTRO,
            "المحافظة\tنسبة المشاركة\tعدد المقاعد",
            "العاصمة\t48%\t60",
            "الشمال\t52%\t45",
            "",
            LIST_INTRO,
            *(f"• {item}" for item in ITEMS),
            "",
            AFTER,
        ]
    )
    article = extract(text)
    assert article.paragraphs == [
        LEAD,
        INTRO,
        *ROWS,
        "الشمال | 52% | 45",
        LIST_INTRO,
        *ITEMS,
        AFTER,
    ]
    kinds = [n.type for n in article.content]
    assert kinds == ["paragraph", "paragraph", "table", "paragraph", "list", "paragraph"]


def test_page_text_without_bullets_after_an_introduction() -> None:
    text = "\n".join(["عنوان الخبر عن الانتخابات البلدية", LEAD, LIST_INTRO, *ITEMS, AFTER])
    article = extract(text, config=ExtractionConfig(explain=True))
    assert article.paragraphs == [LEAD, LIST_INTRO, *ITEMS, AFTER]
    assert reasons(article, ITEMS[1]) == ["intro-list"]
    assert isinstance(article.content[2], ListNode)


def test_cells_one_a_line_before_a_read_also_box_stay_the_articles() -> None:
    """BeautifulSoup's text of a results table writes a cell a line, signed numbers and all
    (+2.4% is no bullet); a read-also box between the table and the story's next paragraph
    sits inside the article: the lead, the introduction and the cells stay its text."""
    cells = ["المحافظة", "نسبة المشاركة", "العاصمة", "+48%", "الشمال", "-52%", "الجنوب", "+41%"]
    box = ["اقرأ أيضاً:", "الهيئة تعلن موعد الجولة الثانية"]
    lines = ["ارتفاع نسبة المشاركة في الانتخابات البلدية", "الأحد 12 مايو 2024 - 10:30"]
    text = "\n".join([*lines, LEAD, INTRO, *cells, *box, AFTER, MIDDLE])
    article = extract(text, config=ExtractionConfig(explain=True))
    assert article.paragraphs == [LEAD, INTRO, *cells, AFTER, MIDDLE]
    assert reasons(article, "+48%") == ["intro-list"]
    assert article.published is not None and article.published.day == 12
    # without the story's text after the box, the cells end the article's text: no table
    closing = extract("\n".join([*lines, LEAD, INTRO, *cells, *box]))
    assert "+48%" not in closing.paragraphs


@pytest.mark.parametrize(
    "line,marker",
    [("+2.4%", False), ("-0.8", False), ("–3", False), ("+ بند", True), ("- 5 أشخاص", True)],
)
def test_a_sign_before_a_digit_is_no_list_marker(line: str, marker: bool) -> None:
    assert line_blocks([line], 1000, [0])[0].bullet is marker


def test_space_aligned_columns_are_rows() -> None:
    lines = ["مقدمة", "المحافظة   نسبة المشاركة", "العاصمة    48%", "سطر  بثلاث  خانات"]
    cells, rows = cell_rows(lines)
    assert cells == ["مقدمة", "المحافظة", "نسبة المشاركة", "العاصمة", "48%", "سطر  بثلاث  خانات"]
    assert rows == [0, 1, 1, 2, 2, 0]
    assert cell_rows(["سطر  واحد", "نص"]) == (["سطر  واحد", "نص"], [0, 0])
    assert text_rows("أ\tب\nج")[1] == [1, 1, 0]


def test_markers_that_alternate_are_no_list() -> None:
    # an interview written with "*" before each question and "-" before each answer
    blocks = line_blocks(["*سؤال أول؟", "-جواب أول.", "*سؤال ثان؟", "-جواب ثان."], 1000, [0] * 4)
    assert len({b.group for b in blocks}) == 4
    same = line_blocks(["- أول", "- ثان", "- ثالث"], 1000, [0, 0, 0])
    assert len({b.group for b in same}) == 1 and same[0].container == "ul"
    numbered = line_blocks(["1. أول", "2. ثان"], 1000, [0, 0])
    assert numbered[0].container == "ol"


def test_markdown_structure() -> None:
    markdown = "\n".join(
        [
            "## عنوان فرعي",
            "",
            "| المحافظة | النسبة |",
            "| --- | --- |",
            "| العاصمة | 48% |",
            "",
            "- أول",
            "- ثان",
            "",
            "* آخر",
            "",
            "> قول أول",
            "> يتبعه سطر",
            "",
            "> قول ثان",
            "",
            "**سؤال بخط عريض؟**",
            "",
            "![صورة الوزير](https://x.example/m.jpg)",
            "",
            "تعليق الصورة",
        ]
    )
    read = read_markdown(markdown, 1000)
    by_text = {b.text: b for b in read.blocks}
    assert by_text["المحافظة"].container == "table" and by_text["المحافظة"].tag == "th"
    assert by_text["المحافظة"].group == by_text["48%"].group
    assert by_text["المحافظة"].item != by_text["48%"].item
    assert by_text["أول"].group == by_text["ثان"].group != by_text["آخر"].group
    assert by_text["قول أول"].container == by_text["يتبعه سطر"].container == "blockquote"
    assert by_text["قول أول"].group == by_text["يتبعه سطر"].group != by_text["قول ثان"].group
    assert by_text["سؤال بخط عريض؟"].bold
    assert [(m.src, m.alt, m.position) for m in read.media] == [
        ("https://x.example/m.jpg", "صورة الوزير", len(read.blocks) - 1)
    ]


# --- content and the body read back ---------------------------------------------------------------


def test_body_lines_of_every_node() -> None:
    content = [
        ParagraphNode(text="فقرة"),
        HeadingNode(level=2, text="عنوان"),
        ListNode(items=[ListItem(text="أ"), ListItem(text="ب")]),
        TableNode(header=["س", "ص"], rows=[["1", "2"]]),
        QuoteNode(text="قول"),
        FigureNode(caption="تعليق"),
        EmbedNode(kind="post", text="منشور"),
        EmbedNode(kind="video", url="https://v.example/1"),
    ]
    assert body_lines(content, gallery=False) == [
        "فقرة",
        "عنوان",
        "أ",
        "ب",
        "س | ص",
        "1 | 2",
        "قول",
        "منشور",
    ]
    assert "تعليق" in body_lines(content, gallery=True)


def test_the_schema_covers_the_content() -> None:
    schema = Article.model_json_schema()
    content = schema["properties"]["content"]["items"]
    assert content["discriminator"]["propertyName"] == "type"
    assert set(content["discriminator"]["mapping"]) == {
        "paragraph",
        "heading",
        "list",
        "table",
        "quote",
        "figure",
        "embed",
    }
    article = extract(page(f"<p>{LEAD}</p><p>{INTRO}</p>{TABLE}<p>{AFTER}</p>"))
    assert Article.model_validate_json(article.model_dump_json()) == article


# --- links ---------------------------------------------------------------------------------------

LINKED = (
    "وقال <a href='/people/1'>وزير الداخلية</a> في مؤتمر صحفي إن عمليات الاقتراع جرت في أجواء "
    "هادئة، مشيراً إلى <a href='https://x.example/report'>التقرير الكامل</a> الذي نشرته الوزارة."
)


def test_links_are_kept_as_spans_on_request() -> None:
    html = page(f"<p>{LEAD}</p><p>{LINKED}</p><p>{AFTER}</p>")
    plain = extract(html)
    assert all(not getattr(n, "spans", []) for n in plain.content)
    linked = extract(html, config=ExtractionConfig(links=True))
    assert linked.paragraphs == plain.paragraphs  # no change but the spans
    node = linked.content[1]
    assert isinstance(node, ParagraphNode)
    assert "".join(s.text for s in node.spans) == node.text
    assert [(s.text, s.href) for s in node.spans if s.href] == [
        ("وزير الداخلية", "/people/1"),
        ("التقرير الكامل", "https://x.example/report"),
    ]


def test_markdown_links_as_spans() -> None:
    markdown = (
        "# عنوان الخبر عن نتائج الانتخابات البلدية\n\n"
        f'{LEAD}\n\nوقال [وزير الداخلية](/people/1 "الوزير") في مؤتمر صحفي إن عمليات '
        "الاقتراع جرت في أجواء هادئة، مشيراً إلى **[التقرير](https://x.example/r)** كاملاً.\n\n"
        f"{AFTER}\n"
    )
    article = extract(markdown, config=ExtractionConfig(links=True))
    node = article.content[1]
    assert isinstance(node, ParagraphNode)
    assert "".join(s.text for s in node.spans) == node.text
    assert [(s.text, s.href) for s in node.spans if s.href] == [
        ("وزير الداخلية", "/people/1"),
        ("التقرير", "https://x.example/r"),
    ]


@pytest.mark.parametrize(
    "pieces,hrefs",
    [
        (["قال ", "الوزير", " اليوم"], [None, "/a", None]),
        (["  ", "أ", "ب  ", " ج"], [None, "/a", "/b", None]),
        (["أ", " ", "ب"], ["/a", None, "/b"]),
    ],
)
def test_link_runs_give_back_the_text(pieces: list[str], hrefs: list[str | None]) -> None:
    runs = link_runs(pieces, hrefs)
    assert "".join(text for text, _ in runs) == " ".join("".join(pieces).split())


LIST_STORY = (
    "أعلنت الهيئة العامة للعقار إطلاق المرحلة الثانية من أعمال التسجيل العيني الأول للعقار في "
    "مدينة جدة، لتشمل 23 حيًا جديدًا في شمال وشرق المحافظة.",
    "وأوضحت الهيئة أن فترة التسجيل تمتد 90 يومًا، داعية ملاك العقارات في الأحياء المستهدفة إلى "
    "المبادرة بتسجيل عقاراتهم عبر البوابة الإلكترونية.",
)
LIST_LINES = (
    "وبحسب الهيئة، يهدف التسجيل العيني إلى:",
    "توثيق الملكية العقارية وحمايتها.",
    "الحد من النزاعات العقارية.",
    "رفع موثوقية السوق العقاري وجاذبيته للاستثمار.",
)


def test_a_list_of_sentences_closing_the_article_is_the_articles() -> None:
    # page text without bullets: the items each end a sentence, so the list closes the story
    # even with no text after it (a menu's or a related list's items never end so)
    header = ["الرئيسية", "محليات", "إطلاق المرحلة الثانية من التسجيل العيني في جدة"]
    text = "\n".join([*header, "الأحد 12 مايو 2024", *LIST_STORY, *LIST_LINES, "من نحن"])
    assert extract(text).paragraphs == [*LIST_STORY, *LIST_LINES]
    items = "".join(f"<li>{line}</li>" for line in LIST_LINES[1:])
    paragraphs = "".join(f"<p>{p}</p>" for p in (*LIST_STORY, LIST_LINES[0]))
    html = (
        f"<html lang='ar'><body><article><h1>{header[2]}</h1>{paragraphs}<ul>{items}</ul>"
        "</article><footer><a href='/about'>من نحن</a></footer></body></html>"
    )
    assert extract(html).paragraphs == [*LIST_STORY, *LIST_LINES]
    # titles without a sentence's end after a colon line, and nothing after: not the story's
    titles = ("الإسكان تطلق 4 آلاف وحدة في جدة", "أمانة جدة تزيل 300 موقع عشوائي")
    text = "\n".join([*header, "الأحد 12 مايو 2024", *LIST_STORY, "المزيد من الأخبار:", *titles])
    assert extract(text).paragraphs == list(LIST_STORY)


@pytest.mark.parametrize(
    "widget",
    [
        ("إعلان",),
        (
            "اقرأ أيضًا",
            "موعد إعلان نتيجة الشهادة الإعدادية",
            "رسميا.. التعليم تعلن مواصفات الامتحانات",
        ),
    ],
)
def test_a_list_before_an_ad_and_the_rest_of_the_story_is_the_articles(
    widget: tuple[str, ...],
) -> None:
    lines = (
        "وجاء جدول الامتحانات على النحو التالي:",
        "الاثنين 13 مايو: اللغة العربية",
        "الثلاثاء 14 مايو: الدراسات الاجتماعية",
        "الأربعاء 15 مايو: اللغة الإنجليزية",
    )
    after = (
        "وقالت مديرية التربية والتعليم بالقاهرة إن الامتحانات تبدأ في التاسعة صباحا وتستمر "
        "لمدة ساعتين.",
        "وأضافت المديرية أنه تقرر حظر دخول الهواتف المحمولة إلى اللجان، وتحرير محضر غش لأي طالب "
        "يضبط بحوزته هاتف.",
    )
    title = "جدول امتحانات الشهادة الإعدادية في القاهرة 2024"
    header = ("الرئيسية", "أخبار مصر", title, "الأحد 12 مايو 2024")
    text = "\n".join([*header, LIST_STORY[0], *lines, *widget, *after])
    article = extract(text)
    assert article.headline == title
    assert article.paragraphs == [LIST_STORY[0], *lines, *after]
