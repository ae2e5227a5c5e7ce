"""Page text reflowed into one line per block (:mod:`arabic_extract.engine.reflow`): hard-wrapped
dumps, tab-separated cells, sentences cut at links; and the page title at the top of page
text (:func:`arabic_extract.engine.merge.title_line`)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from growth import growth, linear
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import ExtractionConfig, extract
from arabic_extract.engine import reflow
from arabic_extract.engine.blocks import line_blocks
from arabic_extract.engine.merge import title_line
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.reflow import (
    Tallies,
    greedy_column,
    greedy_pick,
    image_alts,
    is_cut,
    join_fragments,
    link_marks,
    split_cells,
    text_lines,
    wrap_column,
)

PARAGRAPH = (
    "أعلنت وزارة الصحة اليوم عن بدء حملة تطعيم واسعة في جميع المحافظات، وقال المتحدث باسم "
    "الوزارة إن الحملة تستهدف ثلاثة ملايين طفل خلال شهر واحد، وإن فرق التطعيم ستنتشر في "
    "المدارس والمراكز الصحية في القرى والمدن على حد سواء."
)


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` columns, as lynx and w3m write it."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


# --- wrapped text ------------------------------------------------------------------------------


def test_a_lynx_like_dump_is_unwrapped() -> None:
    page = ["   العنوان", "", "   * الرئيسية", "   * أخبار", ""]
    for _ in range(3):
        page += ["   " + line for line in wrap(PARAGRAPH, 72)] + [""]
    lines = text_lines("\n".join(page))
    assert lines == ["العنوان", "* الرئيسية", "* أخبار", PARAGRAPH, PARAGRAPH, PARAGRAPH]


def test_wrap_column_needs_many_full_lines_and_none_wider() -> None:
    full, short = ("كلمة " * 15).strip(), "كلمة كلمة"
    assert wrap_column([full] * 8 + [short, ""] * 5) == len(full)
    assert wrap_column([full] * 8 + [short] * 10) is None  # no blank line between paragraphs
    assert wrap_column([full] * 7 + [short, ""] * 5) is None  # too few full lines
    assert wrap_column([full] * 10 + [full * 5, ""]) is None  # a paragraph a line: too wide
    assert wrap_column([short, ""] * 20) is None  # narrower than any wrap column
    assert wrap_column([full[:-1] + "."] * 8 + [short, ""] * 5) is None  # teasers' snippets
    assert wrap_column([full, "11 آذار 2024", ""] * 9) is None  # teasers' titles and dates


def test_a_dump_wrapped_at_a_wide_column_is_unwrapped() -> None:
    """At 160 columns most paragraphs take two lines: few full lines follow one another, but
    none leaves room for the next line's first word and none past the column could have been
    broken within it (a greedy wrapper's lines), and a long paragraph takes three."""
    paragraphs = [PARAGRAPH + " " + PARAGRAPH[: 40 + 7 * k] for k in range(10)]
    paragraphs += [PARAGRAPH * 3] * 2  # and some take three lines
    page = ["   العنوان", ""]
    for paragraph in paragraphs:
        page += ["   " + line for line in wrap(paragraph, 157)] + [""]
    assert greedy_column(page) is not None
    assert text_lines("\n".join(page)) == ["العنوان", *(" ".join(p.split()) for p in paragraphs)]


def test_even_lines_that_a_greedy_wrapper_would_not_write_are_not_wrapped() -> None:
    titles = [PARAGRAPH[: 60 + k] for k in range(10)]
    # titles above their dates: the date would have fit on the title's line
    assert greedy_column([line for title in titles for line in (title, "11 آذار 2024", "")]) is None
    # a paragraph a line beside them: it runs past any column with words ending within it
    page = [line for title in titles for line in (title, "", PARAGRAPH, "")]
    assert greedy_column(page) is None


def test_text_tables_with_their_headers() -> None:
    """A table as text-mode browsers write it: the header row, wider than the cells below it,
    one space apart but starting where the columns do (lynx, w3m); and as pandoc's plain text
    writes it, a rule of dashes under the header. Each gives one line a cell."""
    cells = [
        "المحافظة",
        "نسبة المشاركة",
        "عدد المقاعد",
        "العاصمة",
        "48%",
        "60",
        "الشمال",
        "52%",
        "45",
    ]
    lynx = (
        "   المحافظة نسبة المشاركة عدد المقاعد\n"
        "   العاصمة  48%           60\n"
        "   الشمال   52%           45"
    )
    assert text_lines(lynx) == cells
    pandoc = (
        "  المحافظة   نسبة المشاركة   عدد المقاعد\n"
        "  ---------- --------------- -------------\n"
        "  العاصمة    48%             60\n"
        "  الشمال     52%             45"
    )
    assert text_lines(pandoc) == cells
    # a sentence above a table is no header: its words do not start at the columns
    sentence = "وجاءت النتائج على النحو التالي في المحافظات"
    assert text_lines(sentence + "\n" + lynx.split("\n", 1)[1])[0] == sentence


def test_list_items_are_no_table_columns() -> None:
    """pandoc's list items ("-   item": the marker, then spaces to the item's text) are list
    items, not rows of a table laid out in columns of spaces."""
    lines = ["-   شارك على فيسبوك", "-   شارك على تويتر", "-   شارك على واتساب"]
    assert split_cells(lines) == lines
    assert text_lines("\n".join(lines)) == lines
    # cells laid out in columns, as inscriptis writes a table, still are
    assert text_lines("القاهرة   40 %\nالجيزة   35 %") == ["القاهرة", "40 %", "الجيزة", "35 %"]


def test_pandoc_plain_text_is_unwrapped() -> None:
    """pandoc's plain text (wrapped at 72) leaves list items and an image's long text
    unwrapped: neither is the column, and one such line in a short text is no reason to
    think it is not wrapped."""
    items = [f"-   {PARAGRAPH[: 80 + k]}" for k in range(6)]  # wider than the column
    alt = "[شعار الموقع]" + PARAGRAPH[:80]
    page = ["العنوان", "", *items, "", alt, ""]
    for _ in range(3):
        page += [*wrap(PARAGRAPH, 72), ""]
    assert wrap_column(page) is not None
    assert text_lines("\n".join(page))[-3:] == [PARAGRAPH] * 3


def test_page_text_with_long_lines_is_not_unwrapped() -> None:
    text = "\n".join(["الرئيسية", "أخبار", PARAGRAPH, PARAGRAPH, "شارك"])
    assert text_lines(text) == ["الرئيسية", "أخبار", PARAGRAPH, PARAGRAPH, "شارك"]


# --- cells -------------------------------------------------------------------------------------


def test_tab_separated_cells_are_lines() -> None:
    assert split_cells(["المحافظة\tالنسبة\t", "فقرة"]) == ["المحافظة", "النسبة", "فقرة"]
    lines = ["بلا خلايا"]
    assert split_cells(lines) is lines


# --- sentences cut at inline elements ----------------------------------------------------------


@pytest.mark.parametrize(
    "lines,joined",
    [
        (  # a link after an outlet word, the sentence after it
            ["نشر موقع", "Middle East Eye", "البريطاني، أن خبراً يفيد بسرقة منزل."],
            ["نشر موقع Middle East Eye البريطاني، أن خبراً يفيد بسرقة منزل."],
        ),
        (  # the rest of the sentence after a link starts with a comma or a full stop
            ["وقال المتحدث إن الحملة نجحت بحسب", "وزارة الصحة", "، مضيفاً أنها مستمرة", "."],
            ["وقال المتحدث إن الحملة نجحت بحسب وزارة الصحة، مضيفاً أنها مستمرة."],
        ),
        (  # a bold word after a verb of attribution
            ["وقال", "الرئيس الفرنسي", "إن الاجتماع كان مثمراً."],
            ["وقال الرئيس الفرنسي إن الاجتماع كان مثمراً."],
        ),
        (  # a link after a noun, in a sentence that holds a complementizer (no title does)
            [
                "أعلنت الوزارة الأحد أن المفاوضات غير المباشرة بين إسرائيل وحركة",
                "حماس",
                "بشأن هدنة في قطاع غزة ستستأنف الأسبوع المقبل.",
            ],
            [
                "أعلنت الوزارة الأحد أن المفاوضات غير المباشرة بين إسرائيل وحركة حماس بشأن هدنة "
                "في قطاع غزة ستستأنف الأسبوع المقبل."
            ],
        ),
        (  # a title and a name linked after a verb of attribution that opens the sentence
            ["وقال رئيس الوزراء", "محمد مصطفى", "في مستهل الجلسة إن الحكومة ماضية في خطتها."],
            ["وقال رئيس الوزراء محمد مصطفى في مستهل الجلسة إن الحكومة ماضية في خطتها."],
        ),
        (  # the sentence's first words stop at a link, the sentence goes on after a comma
            ["أطلقت", "وزارة البلدية", "، ممثلة في إدارة الحدائق، المرحلة الثانية."],
            ["أطلقت وزارة البلدية، ممثلة في إدارة الحدائق، المرحلة الثانية."],
        ),
        (  # a linked amount in a sentence: the comma after it says it is inside one
            ["وأشارت إلى أن تكلفة المشروع تبلغ", "52 مليون دينار", "، ويمول من الصندوق."],
            ["وأشارت إلى أن تكلفة المشروع تبلغ 52 مليون دينار، ويمول من الصندوق."],
        ),
        (  # a sentence that opens with و and a verb in the past (no title does), a link after
            # a noun
            [
                "وانخفضت العقود الآجلة لخام",
                "برنت",
                "بنسبة 0.8 بالمئة إلى 82.10 دولار للبرميل.",
            ],
            ["وانخفضت العقود الآجلة لخام برنت بنسبة 0.8 بالمئة إلى 82.10 دولار للبرميل."],
        ),
        (  # a verb in the past alone, its subject a link, the sentence after it
            [
                "سجلت",
                "محمية جزيرة تاروت",
                "في المنطقة الشرقية ارتفاعا في أعداد الطيور المهاجرة بنسبة كبيرة خلال الموسم.",
            ],
            [
                "سجلت محمية جزيرة تاروت في المنطقة الشرقية ارتفاعا في أعداد الطيور المهاجرة "
                "بنسبة كبيرة خلال الموسم."
            ],
        ),
        (  # وكتب opens a sentence (كتب alone opens a byline); the clause before a quoted
            # post ends with a colon
            ["وكتب أستاذ التاريخ في جامعة", "كولومبيا", "رشيد الخالدي على منصة «إكس»:"],
            ["وكتب أستاذ التاريخ في جامعة كولومبيا رشيد الخالدي على منصة «إكس»:"],
        ),
    ],
)
def test_cut_sentences_are_joined(lines: list[str], joined: list[str]) -> None:
    assert join_fragments(lines) == joined


@pytest.mark.parametrize(
    "lines",
    [
        ["تابعونا على", "فيسبوك"],  # a widget's label, its icons gone
        ["الأخبار في", "", "الرياضة"],  # a blank line between them
        ["قائمة الأخبار في", "• الرياضة"],  # a list item
        ["عنوان الخبر الرئيسي اليوم", "وقال الوزير إن الاجتماع كان مثمراً."],  # a headline
        # a headline, its author's name and the lead: a title holds no complementizer
        ["الحكومة تقر خطة جديدة لدعم المشروعات في المحافظات", "محمد علي", "أقرت الحكومة الخطة."],
        # a deck that holds one, then a byline's label and name, or a date
        ["- الجيل الذي سعى النظام لتدجينه هو الذي ينتفض", "حوار: آسيا العتروس", "ما الذي يحدث؟"],
        ["وأكد الوزير أن الحكومة التي تشكلت حديثا", "12 مايو 2024", "ستعمل على الخطة."],
        ["وقال الوزير إن الاجتماع كان مثمراً.", "، تعليق"],  # a finished sentence
        # a headline that opens with a verb in the past (without و), a name, the lead
        ["انخفضت أسعار النفط في الأسواق", "محمد علي", "تراجعت أسعار النفط اليوم بنسبة 2 بالمئة."],
        # a poll's buttons, then a sentence; a place, a plural, a section
        ["تصويت", "النتائج", "وقال المستشار إن المشروع يحقق التوازن بين حقوق الملاك والمستأجرين."],
        ["بيروت", "وسط البلد", "في الساحة تجمع مئات المحتجين أمام مبنى البرلمان منذ ساعات الصباح."],
        ["منوعات", "نجوم الفن", "في ليلة صاخبة احتفل نجوم الفن بافتتاح المهرجان في دورته الجديدة."],
        # a byline that ends on a name written as the preposition على may be (علي)
        ["كتب: أحمد سمير ومحمد علي", "أقرت الحكومة خطة جديدة لدعم المشروعات الصغيرة."],
        # a dual date has commas and words enough for prose: the caption under it stays apart
        [
            "الأربعاء، 15 جمادى الآخرة 1448 هـ - 25 نوفمبر 2026 م",
            "أعمال صيانة سابقة على الدائري السادس",
            "كشفت مصادر في وزارة الأشغال العامة عن طرح مناقصة صيانة الطرق السريعة.",
        ],
        # a byline's label alone opens no sentence; a label's colon ends none
        ["كتب أستاذ التاريخ في جامعة", "كولومبيا", "رشيد الخالدي على منصة «إكس»:"],
        ["وكتب أستاذ التاريخ في جامعة", "كولومبيا", "المصدر:"],
        # a sentence closed by its credit, then a short line
        [
            "وقال المتحدث إن المحادثات ستستأنف في جنيف، وإن الوفد سيعود الأسبوع المقبل. (رويترز)",
            "المصدر: وكالات",
        ],
    ],
)
def test_lines_that_are_not_cut_stay_apart(lines: list[str]) -> None:
    assert join_fragments(lines) == [line for line in lines if line]


def test_a_headline_above_a_lead_that_opens_with_a_link_stays_apart() -> None:
    # a title has words enough not to be a sentence's first words before its link
    lines = ["الحكومة تقر خطة جديدة لدعم المشروعات", "وزارة المالية", "، في بيان، إن الخطة تبدأ."]
    assert join_fragments(lines) == [lines[0], "وزارة المالية، في بيان، إن الخطة تبدأ."]


def test_is_cut() -> None:
    assert is_cut("وأكد المصدر أن الاجتماع سيعقد في")
    assert not is_cut("وأكد المصدر أن الاجتماع سيعقد في القاهرة.")
    assert not is_cut("تابعونا على")
    # a name على is also written as (علي) ends a byline, not a sentence
    assert not is_cut("القاهرة - محمد علي")
    assert not is_cut("محمد علي")
    assert not is_cut("سامي بن علي")
    assert is_cut("الاعتداء على")
    assert is_cut("وأكد الوزير على")


def test_a_cut_sentence_in_bs4_text_is_one_paragraph() -> None:
    page = "\n".join(
        [
            "الرئيسية",
            "أخبار",
            "عنوان الخبر عن سرقة منزل في باريس",
            "نشر موقع",
            "Middle East Eye",
            "البريطاني، أن لصوصاً سرقوا أغراضاً فاخرة بقيمة 700 ألف دولار من منزل في باريس.",
            PARAGRAPH,
        ]
    )
    article = extract(page)
    assert article.paragraphs[0].startswith("نشر موقع Middle East Eye البريطاني، أن لصوصاً")


# --- the page title at the top of page text ------------------------------------------------------

CONFIG = ExtractionConfig()


def blocks_of(*lines: str) -> list:  # type: ignore[type-arg]
    return line_blocks(list(lines), 1000)


def test_title_line_shown_again() -> None:
    meta = title_line(
        blocks_of(
            "وزير الصحة يعلن حملة تطعيم واسعة - موقع الخبر",
            "أخبار",
            "وزير الصحة يعلن حملة تطعيم واسعة",
        ),
        CONFIG,
    )
    assert meta is not None
    assert (meta.headline, meta.site_name) == ("وزير الصحة يعلن حملة تطعيم واسعة", "موقع الخبر")


def test_title_line_with_a_latin_site_name() -> None:
    meta = title_line(
        blocks_of("الناشط الحقوقي يتحدث عن الأزمة - الصباح | Assabah", "أخبار"), CONFIG
    )
    assert meta is not None
    assert (meta.headline, meta.site_name) == ("الناشط الحقوقي يتحدث عن الأزمة", "الصباح")


def test_a_quoted_word_in_the_title_line_is_no_separator() -> None:
    """Guillemets that touch a word quote it («الأشغال»: ...); with spaces on both sides they
    part a title (الرئيسية » أخبار)."""
    headline = "«الأشغال»: طرح مناقصة صيانة الطرق السريعة خلال أسبوعين"
    meta = title_line(blocks_of(f"{headline} - جريدة الشاهد", "أخبار", headline), CONFIG)
    assert meta is not None
    assert (meta.headline, meta.site_name) == (headline, "جريدة الشاهد")
    meta = title_line(blocks_of("جريدة الشاهد » وزير الصحة يعلن حملة تطعيم واسعة", "أخبار"), CONFIG)
    assert meta is not None
    assert meta.site_name == "جريدة الشاهد"


@pytest.mark.parametrize(
    "first",
    [
        "وزير الصحة يعلن حملة تطعيم واسعة",  # no separator: left to the engine
        "الموقع الرسمي | القاهرة الاخبارية",  # a tagline, not a headline
        "خبر عن شيء - موقع لا يعرف اسمه ولا يظهر مرة أخرى في أي مكان",  # no site name
        # a top bar: the date and the menu's links, one of them Latin
        "الاثنين، 23 تشرين الثاني 2026 RSS | اتصل بنا | من نحن",
    ],
)
def test_no_title_line(first: str) -> None:
    assert title_line(blocks_of(first, "أخبار", "رياضة"), CONFIG) is None


def test_the_title_line_names_the_headline_shown_below() -> None:
    page = "\n".join(
        [
            "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل - موقع الخبر",
            "تخطي إلى المحتوى",
            "الرئيسية",
            "صحة",
            "مقالات أخرى",
            "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل",
            PARAGRAPH,
            PARAGRAPH.replace("أعلنت", "وأكدت"),
        ]
    )
    article = extract(page)
    assert article.headline == "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل"
    assert article.site_name == "موقع الخبر"
    assert article.paragraphs == [PARAGRAPH, PARAGRAPH.replace("أعلنت", "وأكدت")]


# --- linear time -------------------------------------------------------------------------------

# Adversarial page text for the reflow stage (see tests/growth.py).
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "dangling words": lambda n: "\n".join(["في"] * n),
    "attribution and preposition": lambda n: "\n".join(["وقال في"] * n),
    "continuation marks": lambda n: "نص\n" + "\n".join(["،"] * n),
    "wrapped lines": lambda n: "\n".join(["كلمة " * 18] * n),
    "tabs": lambda n: "\t".join(["خلية"] * n),
    "bullets": lambda n: "\n".join(["• في"] * n),
    "link addresses": lambda n: "\n".join(["رياضة (/sports/ar) (" + "/" * 40] * n),
    "link numbers": lambda n: "\n".join(["[1]رياضة [" + "1" * 40] * n),
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_reflow_time_grows_linearly(name: str) -> None:
    small, large = growth(text_lines, ADVERSARIAL[name])
    assert linear(small, large), f"{name}: {small:.4f}s -> {large:.4f}s"


def test_images_written_as_their_alternative_text_are_dropped() -> None:
    """w3m and pandoc's plain text write an image as its alternative text in brackets, on a
    line of its own: no text of the page's. A footnote's number, and brackets inside a line,
    stay."""
    lines = ["[شعار الموقع]", "العنوان", "[1]", "قال [الوزير] إن", "[Share on facebook]"]
    assert image_alts(lines) == ["", "العنوان", "[1]", "قال [الوزير] إن", ""]
    # a text of images alone says so
    assert extract("[صورة]\n[صورة أخرى]").notes == [
        "body: the text holds nothing but images, as text-mode renderers write them ([alt] lines)"
    ]


def test_link_marks_are_dropped_when_the_page_has_many() -> None:
    """The marks renderers leave around a link's text: the numbers of a text-mode browser
    (``[12]رياضة``, lynx) and the addresses some converters write in parentheses after it
    (``رياضة (/sports/ar)``, resiliparse with links). A page with a few keeps them: a number
    or an address in parentheses may be the article's."""
    menu = [
        "الرئيسية (/)",
        "رياضة (/sports/category/107/رياضة/ar)",
        "اقتصاد (https://example.com/economy)",
        "فن (../../art/index.html)",
        "واتساب (#)",
        "اتصل بنا (mailto:info@example.com)",
    ]
    body = "قال الوزير (رويترز) إن الموعد (2024/05/01) ثابت، وفق موقع ديلي ميل (https://x.co/a)."
    assert link_marks([*menu, body]) == [
        "الرئيسية",
        "رياضة",
        "اقتصاد",
        "فن",
        "واتساب",
        "اتصل بنا",
        "قال الوزير (رويترز) إن الموعد (2024/05/01) ثابت، وفق موقع ديلي ميل.",
    ]
    kept = [*menu[:2], body]
    assert link_marks(kept) == kept
    numbered = ["[1]الرئيسية", "[2]رياضة", "[3]اقتصاد", "[4]فن", "[5]اتصل بنا", "قال [1] إن"]
    assert link_marks(numbered) == ["الرئيسية", "رياضة", "اقتصاد", "فن", "اتصل بنا", "قال [1] إن"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=30),
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 300)), max_size=30),
    st.integers(0, 12),
)
def test_greedy_pick_with_fewer_filling_lines_than_needed_finds_nothing(
    fills: list[tuple[int, int]], breaks: list[tuple[int, int]], minimum: int
) -> None:
    """greedy_pick gives up when fewer lines fill any column than a column needs: what its
    count over every column finds."""
    tallies = Tallies(250)
    for width, fits_from in fills:
        tallies.fills(width, fits_from)
    for space, width in breaks:
        tallies.breakable(space, width, 40)
    found = greedy_pick(tallies, 40, minimum)
    tallies.filling = 10**9  # (every column counted)
    assert greedy_pick(tallies, 40, minimum) == found


# Pieces of the marks link_marks removes, and of what stands around them.
_MARK_PIECES = [
    *("(", ")", " ", "  ", "http://", "HTTPS://", "www.", "./", "../", "/", "mailto:", "tel:"),
    *("#", "#!", "x", "ب", "[", "]", "1", "123456", "\t", "\n", "\u2028", "،", "\r\n"),
    *("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2029"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_MARK_PIECES), max_size=12).map("".join), max_size=8))
def test_link_marks_in_the_joined_lines_are_each_lines_marks(lines: list[str]) -> None:
    """link_marks counts the marks in its first lines joined, or in the text they were split
    from, and the addresses without the space before them (a pattern that opens with a
    literal): as many as each line holds."""
    text = "".join(lines)  # (with the line breaks of every kind among the pieces)
    for head, split in (("\n".join(lines), lines), (text, text.splitlines())):
        numbers = reflow._LINK_NUMBER
        assert len(numbers.findall(head)) == sum(len(numbers.findall(line)) for line in split)
        urls = sum(len(reflow._LINK_URL.findall(line)) for line in split)
        assert len(reflow._LINK_URL_COUNTED.findall(head)) == urls


def test_a_page_with_link_addresses_gives_the_article_of_its_plain_text() -> None:
    """A link's address after its text is no attribution: ``أخبار لبنان (/news/ar)`` is not
    a place and its agency in parentheses, and the article comes out as from the plain text."""
    menu = ["الرئيسية", "أخبار لبنان", "رياضة", "اقتصاد", "ثقافة", "منوعات"]
    paths = ["/", "/news/ar", "/sports/ar", "/economy/ar", "/culture/ar", "/misc/ar"]
    plain = "\n".join([*menu, "", "عنوان الخبر عن الحملة الوطنية", "", PARAGRAPH, "", PARAGRAPH])
    linked = "\n".join(
        [
            *(f"{item} ({path})" for item, path in zip(menu, paths, strict=True)),
            "",
            "عنوان الخبر عن الحملة الوطنية",
            "",
            PARAGRAPH,
            "",
            PARAGRAPH,
        ]
    )
    assert extract(linked).paragraphs == extract(plain).paragraphs == [PARAGRAPH, PARAGRAPH]
    assert extract(linked).source == extract(plain).source


def test_a_sentence_cut_at_a_link_in_beautifulsoups_text_is_joined() -> None:
    bs4 = pytest.importorskip("bs4")
    lead = (
        'أعلنت وزارة الخارجية الأحد أن المفاوضات غير المباشرة بين إسرائيل وحركة <a href="/t">'
        "حماس</a> بشأن هدنة في قطاع غزة ستستأنف الأسبوع المقبل في الدوحة."
    )
    html = (
        "<html><body><nav><a href='/'>الرئيسية</a> <a href='/n'>أخبار</a></nav><article>"
        f"<h1>قطر تعلن استئناف المفاوضات بشأن هدنة في غزة</h1><p>{lead}</p><p>{PARAGRAPH}</p>"
        "</article></body></html>"
    )
    expected = extract(html).paragraphs
    assert expected[0].startswith("أعلنت وزارة الخارجية") and len(expected) == 2
    soup = bs4.BeautifulSoup(html, "html.parser")
    for text in (soup.get_text("\n"), soup.get_text("\n", strip=True)):
        assert extract(text).paragraphs == expected


def test_dangling_words_told_without_normalising() -> None:
    # reflow._dangling tells a word of plain Arabic letters by its spellings
    # (_DANGLING_SPELLINGS), any other by normalising it: both as normalize(word) in _DANGLING
    rng = random.Random(7)
    plain = [chr(code) for code in range(0x621, 0x64B) if code != 0x640]
    others = ["\u0640", "\u064e", "\u0651", "ی", "ک", "a", "1", "٣", "-", "\u200c", "ﻻ"]
    words = [*reflow._DANGLING, *reflow._DANGLING_SPELLINGS, "", *plain, *others]
    for _ in range(20000):
        word = "".join(rng.choice(plain) for _ in range(rng.randint(1, 7)))
        words.append(word)
        spelled = rng.choice(sorted(reflow._DANGLING_SPELLINGS))
        at = rng.randint(0, len(spelled))
        words.append(spelled[:at] + rng.choice([*plain, *others]) + spelled[at:])
    for word in words:
        if reflow._plain_arabic(word):
            assert normalize(word) == word.translate(_FOLDED), word
        assert reflow._dangling(word) == (normalize(word) in reflow._DANGLING), word


_FOLDED = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
