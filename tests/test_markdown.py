"""The Markdown reader (:mod:`arabic_extract.engine.markdown`, :mod:`arabic_extract.engine.inline`)
and telling Markdown from page text (``input_format="auto"``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from growth import growth, linear
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import ExtractionConfig, extract
from arabic_extract.api import detect_format
from arabic_extract.engine.inline import render_inline
from arabic_extract.engine.markdown import (
    _FRONT_MATTER_CHARS,
    _FRONT_MATTER_LINES,
    _RULE_LINE,
    _RULE_LINES,
    _STRONG_LINE,
    _STRONG_LINES,
    _WEAK_MARK,
    STRONG,
    _has_front_matter,
    front_matter,
    is_wrapped,
    leading_lines,
    line_signs,
    markdown_blocks,
    markdown_signals,
    read_pieces,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CONFIG = ExtractionConfig()
LEAD = (
    "أعلنت وزارة الصحة اليوم عن بدء حملة تطعيم واسعة في جميع المحافظات، "
    "وقال المتحدث باسم الوزارة إن الحملة تستهدف ثلاثة ملايين طفل خلال شهر واحد."
)
SECOND = (
    "وأضاف المتحدث أن فرق التطعيم ستنتشر في المدارس والمراكز الصحية، داعياً الأسر إلى "
    "التعاون مع الفرق وتسجيل الأطفال عبر المنصة الإلكترونية الجديدة للوزارة."
)


def texts(markdown: str) -> list[str]:
    blocks, _ = markdown_blocks(markdown, 100_000)
    return [b.text for b in blocks]


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", sorted([*FIXTURES.glob("seeds/*/input.txt"), *FIXTURES.glob("text/*/input.txt")])
)
def test_page_text_fixtures_are_not_markdown(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert markdown_signals(text) < CONFIG.markdown_min_signals
    assert detect_format(text, CONFIG) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "* الرئيسية\n* أخبار\n- رياضة\n+ اقتصاد\n\n" + LEAD,  # page text lists
        "#مصر #السعودية\n" + LEAD,  # hashtags
        "-----\n" + LEAD + "\n-----\n",  # separator lines
        "**" + LEAD,  # one stray mark
    ],
)
def test_plain_text_with_list_markers_and_rules_is_text(text: str) -> None:
    assert detect_format(text, CONFIG) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "# عنوان الخبر\n\n" + LEAD,
        "عنوان الخبر\n===========\n\n" + LEAD,
        "قال [الوزير](https://example.com/x) إن " + LEAD,
        "![صورة](https://example.com/a.jpg)\n\n" + LEAD,
        "المحافظة | النسبة\n--- | ---\nالقاهرة | 40\n",
        "---\ntitle: عنوان\nsitename: موقع\n---\n" + LEAD,
        "Title: عنوان\n\nURL Source: https://example.com/a\n\nMarkdown Content:\n" + LEAD,
    ],
)
def test_one_sure_sign_makes_markdown(text: str) -> None:
    assert detect_format(text, CONFIG) == "markdown"


def test_html_is_html_even_with_markdown_inside() -> None:
    assert detect_format("<html><body><p>[a](b)</p><div>x</div></body></html>", CONFIG) == "html"


# Markdown as pandoc writes GFM from a news page: every <div> it cannot write as Markdown stays,
# on lines of its own, around the Markdown of the menus, the story and the related list.
PANDOC_GFM = f"""<div id="header" class="row">

<div class="container">

[<img src="/logo.png" class="img-responsive" />](/)

</div>

</div>

<div id="mainMenu" class="collapse navbar-collapse">

-   [الرئيسية](/)
-   [محليات](/category/local "محليات")
-   [اقتصاد](/category/economy "اقتصاد")
-   [رياضة](/category/sport "رياضة")

</div>

<div class="article-body">

# حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل

<span class="date">الجمعة 24 نيسان 2020</span>

{LEAD}

{SECOND}

</div>

<div class="related">

## أخبار ذات صلة

-   [وزير الصحة يتفقد مراكز التطعيم في العاصمة](/article/1 "وزير الصحة")
-   [ارتفاع أسعار الذهب في السوق المحلية](/article/2 "الذهب")

</div>
"""


def test_markdown_with_html_blocks_is_markdown() -> None:
    """pandoc's GFM: no mark of an HTML document, and Markdown on the lines between the tags."""
    assert detect_format(PANDOC_GFM, CONFIG) == "markdown"
    article = extract(PANDOC_GFM)
    assert article.headline == "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل"
    assert article.paragraphs == [LEAD, SECOND]
    # the same Markdown in an HTML document, or an HTML fragment with a stray link: HTML
    assert detect_format(f"<!DOCTYPE html>\n{PANDOC_GFM}", CONFIG) == "html"
    fragment = f'<div class="entry">\n<p>{LEAD} [المصدر](https://example.com/a)</p>\n</div>\n'
    assert detect_format(fragment, CONFIG) == "html"


def test_input_format_is_validated() -> None:
    with pytest.raises(ValueError, match="input_format"):
        extract("نص", input_format="pdf")  # type: ignore[arg-type]


def test_forced_formats() -> None:
    page = "# عنوان الخبر الرئيسي اليوم\n\n" + LEAD + "\n\n" + SECOND + "\n"
    assert extract(page).headline == "عنوان الخبر الرئيسي اليوم"
    as_text = extract(page, input_format="text")
    assert as_text.headline is None or as_text.headline.startswith("#")
    assert extract(LEAD + "\n\n" + SECOND, input_format="markdown").paragraphs == [LEAD, SECOND]


# --- block level -------------------------------------------------------------------------------


def test_headings_atx_and_setext() -> None:
    blocks, _ = markdown_blocks("# أول ##\n\nثان\n---\n\nثالث\n===\n\n### رابع\n", 1000)
    assert [(b.text, b.heading) for b in blocks] == [
        ("أول", 1),
        ("ثان", 2),
        ("ثالث", 1),
        ("رابع", 3),
    ]


def test_rule_after_blank_line_is_no_heading() -> None:
    blocks, _ = markdown_blocks("فقرة\n\n---\n\nأخرى\n", 1000)
    assert [(b.text, b.heading) for b in blocks] == [("فقرة", 0), ("أخرى", 0)]


def test_lists_quotes_and_nesting() -> None:
    blocks, _ = markdown_blocks(
        "* الرئيسية\n  * أخبار\n1. أول\n2) ثان\n*     * عن الشركة\n> اقتباس\n> > متداخل\n", 1000
    )
    assert [(b.text, b.tag, b.bullet) for b in blocks] == [
        ("الرئيسية", "li", True),
        ("أخبار", "li", True),
        ("أول", "li", True),
        ("ثان", "li", True),
        ("عن الشركة", "li", True),
        ("اقتباس", "blockquote", False),
        ("متداخل", "blockquote", False),
    ]


def test_pipe_table_cells_are_blocks() -> None:
    pieces, _ = read_pieces(
        ["المحافظة | نسبة المشاركة", "--- | :---:", "| القاهرة | 40 في المئة |", "", "بعد"]
    )
    assert [(p.raw, p.tag) for p in pieces] == [
        ("المحافظة", "th"),
        ("نسبة المشاركة", "th"),
        ("القاهرة", "td"),
        ("40 في المئة", "td"),
        ("بعد", "p"),
    ]


def test_fenced_code_and_reference_definitions() -> None:
    pieces, refs = read_pieces(["```js", "var x = [a](b);", "```", "[site]: https://x.example"])
    assert [(p.raw, p.tag) for p in pieces] == [("var x = [a](b);", "pre")]
    assert refs == {"site": "https://x.example"}


def test_hard_breaks_end_blocks() -> None:
    assert texts("سطر أول  \nسطر ثان\\\nسطر ثالث<br>سطر رابع\n") == [
        "سطر أول",
        "سطر ثان",
        "سطر ثالث",
        "سطر رابع",
    ]


def test_soft_breaks_end_blocks_when_not_wrapped() -> None:
    # one paragraph a line and no blank line between: each line its own block
    assert texts("الأولى\nالثانية\nالثالثة\n") == ["الأولى", "الثانية", "الثالثة"]


WRAPPED = (
    "# عنوان طويل يلتف على سطرين كما يكتبه html2text حين يتجاوز العنوان عرض السطر\n"
    "المحدد\n\n"
    + "\n".join(
        [
            "أعلنت وزارة الصحة اليوم عن بدء حملة تطعيم واسعة في جميع المحافظات المصرية،",
            "وقال المتحدث باسم الوزارة إن الحملة تستهدف ثلاثة ملايين طفل خلال شهر",
            "واحد، وإن فرق التطعيم ستنتشر في المدارس والمراكز الصحية في القرى والمدن",
            "على حد سواء.",
            "",
            "وأضاف المتحدث أن الأسر مدعوة إلى التعاون مع الفرق وتسجيل الأطفال عبر المنصة",
            "الإلكترونية الجديدة التي أطلقتها الوزارة الأسبوع الماضي، مؤكداً أن اللقاح",
            "آمن ومعتمد من منظمة الصحة العالمية.",
        ]
    )
)


def test_hard_wrapped_markdown_is_joined_back() -> None:
    assert is_wrapped(WRAPPED.splitlines())
    blocks, _ = markdown_blocks(WRAPPED, 100_000)
    assert [b.heading for b in blocks] == [1, 0, 0]
    assert blocks[0].text.endswith("عرض السطر المحدد")
    assert blocks[1].text.endswith("في القرى والمدن على حد سواء.")
    assert blocks[2].text.startswith("وأضاف المتحدث")


def test_one_paragraph_a_line_is_not_wrapped() -> None:
    assert not is_wrapped([LEAD, SECOND, LEAD, SECOND, LEAD, SECOND, LEAD, SECOND])
    assert not is_wrapped(["قصير", "أقصر", "قصير جدا"] * 4)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def test_pandoc_wrapped_markdown_is_joined_back() -> None:
    """pandoc wraps at 72 and leaves longer what it cannot break (an HTML tag's attributes
    on lines of their own, a long word): the widest line is not the column."""
    tag = [
        '<div class="article-body"',
        'id="ctl00_MainContent_ArticleDetailsBody_DivMainControl_x">',
    ]
    page: list[str] = [*tag, ""]
    for paragraph in (LEAD + " " + SECOND, SECOND + " " + LEAD) * 2:
        page += [*_wrap(paragraph, 72), ""]
    page += ["كلمة_طويلة_جدا_لا_تنكسر_" * 4, "نهاية.", "", "</div>"]
    lines = "\n".join(page).splitlines()
    assert is_wrapped(lines)
    assert texts("\n".join(page))[:2] == [LEAD + " " + SECOND, SECOND + " " + LEAD]


def test_lines_of_even_width_with_longer_paragraphs_are_not_wrapped() -> None:
    """Titles of even width, one a line, beside paragraphs a line each that run past them: a
    wrapper would have broken those paragraphs, so the titles' width is no column."""
    titles = [_wrap(text, width)[0] for text in (LEAD, SECOND) for width in range(64, 71)]
    short = ["قصير", "أقصر"] * 7
    page = "\n".join([*titles, *short]) + "\n\n" + "\n\n".join([LEAD, SECOND] * 3) + "\n"
    assert not is_wrapped(page.splitlines())
    # wrapped, the same paragraphs leave no line a wrapper would have broken
    wrapped = "\n".join([*titles, *short]) + "\n\n"
    wrapped += "\n\n".join("\n".join(_wrap(text, 70)) for text in [LEAD, SECOND] * 3)
    assert is_wrapped(wrapped.splitlines())
    assert texts(page)[-2:] == [LEAD, SECOND]


def test_pandoc_markdown_attributes_and_fenced_divs() -> None:
    """pandoc's own Markdown: fenced divs hold no text, attributes in braces are not shown,
    and a span a hiding class marks shows nothing."""
    page = (
        "::: {.row .article-header}\n"
        "## عنوان الخبر {#title .headline}\n"
        ":::\n\n"
        "[عنوان الخبر مكرر للطباعة]{#copy .d-none}\n\n"
        "::: LongDesc\n"
        f'{LEAD} [المصدر](https://example.com/a){{.source}} [نص]{{lang="ar"}}\n'
        ":::\n"
    )
    assert texts(page) == ["عنوان الخبر", f"{LEAD} المصدر نص"]


# --- front matter ------------------------------------------------------------------------------


def test_yaml_front_matter() -> None:
    lines = [
        "---",
        "title: 'عنوان الخبر - موقع الخبر'",
        "sitename: موقع الخبر",
        "date: 2024-03-05",
        "---",
        "نص",
    ]
    front = front_matter(lines)
    assert front.start == 5
    assert front.meta.headline == "عنوان الخبر"
    assert front.meta.site_name == "موقع الخبر"
    assert front.meta.published is not None and front.meta.published.day == 5


def test_jina_reader_header() -> None:
    lines = [
        "Title: عنوان الخبر",
        "",
        "URL Source: https://x.example/a",
        "",
        "Markdown Content:",
        "نص",
    ]
    front = front_matter(lines)
    assert front.start == 5
    assert front.meta.headline == "عنوان الخبر"
    assert front.meta.site_name is None


@pytest.mark.parametrize(
    "title,site",
    [
        # the page's title keeps the site's name: the shorter of two parts, of a few words
        ("وزارة التجارة تعلن قائمة 8 مواد ممنوعة من التصدير - النهار أونلاين", "النهار أونلاين"),
        ("هسبريس | أمطار الخير تنعش آمال الفلاحين في المغرب", "هسبريس"),
        # not a headline cut at a dash, nor three parts
        ("مصر - السودان: مباراة الليلة", None),
        ("عاجل | الحكومة تقر الموازنة | الأخبار", None),
    ],
)
def test_the_site_name_in_jina_readers_title(title: str, site: str | None) -> None:
    front = front_matter([f"Title: {title}", "", "Markdown Content:", "نص"])
    assert front.meta.site_name == site


def test_rules_around_text_are_no_front_matter() -> None:
    assert front_matter(["---", "فقرة بين خطين", "---"]).start == 0


FRONT_PIECES = [
    *("\n", "\r\n", "\x1c", " ", "\t", "\ufeff", "---", "...", "نص", "Title: عنوان"),
    *("Title:", " Title: عنوان", "URL Source: https://x.example", "Markdown Content:"),
    *("title: عنوان", "Published Time: 2024-03-05", "|", "#"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRONT_PIECES), max_size=12))
def test_front_matter_is_read_only_where_it_may_open(pieces: list[str]) -> None:
    # (detection splits a text into lines only when it opens as front matter does: the answer
    # is the one the lines give)
    text = "".join(pieces)
    lines = leading_lines(text[:_FRONT_MATTER_CHARS], _FRONT_MATTER_LINES)
    assert _has_front_matter(text) == (front_matter(lines).start > 0)


def test_text_without_signs_counts_only_its_front_matter() -> None:
    assert markdown_signals(LEAD) == 0
    jina = f"Title: عنوان الخبر\n\nMarkdown Content:\n{LEAD}"
    assert markdown_signals(jina) == STRONG


def test_front_matter_title_names_the_headline() -> None:
    page = (
        "---\ntitle: حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل - موقع الخبر\n---\n\n"
        "* الرئيسية\n* صحة\n\nحملة تطعيم واسعة تستهدف ثلاثة ملايين طفل\n\n"
        + LEAD
        + "\n\n"
        + SECOND
        + "\n"
    )
    article = extract(page)
    assert article.headline == "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل"
    assert article.paragraphs == [LEAD, SECOND]


# --- inline ------------------------------------------------------------------------------------


def one(raw: str, refs: dict[str, str] | None = None) -> tuple[str, int, tuple[str, ...], bool]:
    [inline] = render_inline(raw, refs or {})
    return inline.text, inline.link_chars, inline.links, inline.image


def test_links_give_their_text_and_density() -> None:
    assert one("قال [الوزير](https://x.example/a 'عنوان') إن") == (
        "قال الوزير إن",
        6,
        ("الوزير",),
        False,
    )
    assert one("[نص][ref] و[ref]", {"ref": "https://x"}) == ("نص وref", 5, ("نص", "ref"), False)
    assert one("[ليس رابطاً] فقط") == ("[ليس رابطاً] فقط", 0, (), False)


def test_images_show_nothing() -> None:
    assert one("![شعار الموقع](https://x/logo.png)") == ("", 0, (), True)
    assert one("[ ![](https://x/t.jpg) عنوان خبر آخر ](/news/2)") == (
        "عنوان خبر آخر",
        11,
        ("عنوان خبر آخر",),
        True,
    )


def test_an_image_after_text_starts_a_segment() -> None:
    segments = render_inline("![](a.jpg) تعليق أول ![](b.jpg) تعليق ثان", {})
    assert [(s.text, s.image) for s in segments] == [("تعليق أول", True), ("تعليق ثان", True)]


def test_emphasis_code_escapes_entities_and_html() -> None:
    assert one("**عاجل**: _قال_ ~~لا~~") == ("عاجل: قال لا", 0, (), False)
    assert one("\\*سؤال؟ و snake_case_name") == ("*سؤال؟ و snake_case_name", 0, (), False)
    assert one("`[لا](رابط)` و `*x*`") == ("[لا](رابط) و *x*", 0, (), False)
    assert one("&quot;نص&quot; <span class='x'>داخل</span> <!-- تعليق --> <https://x.example>") == (
        '"نص" داخل',
        0,
        (),
        False,
    )


def test_a_lone_star_stays() -> None:
    assert one("*ما الذي يحدث في السودان؟") == ("*ما الذي يحدث في السودان؟", 0, (), False)


def test_no_markdown_syntax_reaches_the_body() -> None:
    page = (
        "# عنوان الخبر الرئيسي في الصفحة\n\n"
        "* [الرئيسية](/)\n* [أخبار](/news)\n* [رياضة](/sport)\n\n"
        f"**القاهرة** - {LEAD} [المزيد](https://x.example/more)\n\n"
        f"> {SECOND}\n\n"
        "[ ![](https://x/t.jpg) خبر آخر لا علاقة له ](/news/2)\n"
    )
    article = extract(page)
    assert article.headline == "عنوان الخبر الرئيسي في الصفحة"
    assert article.paragraphs[0] == f"القاهرة - {LEAD} المزيد"
    for paragraph in article.paragraphs:
        assert not any(mark in paragraph for mark in ("](", "![", "**", "> ", "# "))


# --- linear time -------------------------------------------------------------------------------

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: "# t\n\n" + "[" * n + "x" + "]" * n + "(u)\n",
    "link openers": lambda n: "# t\n\n" + "](" * n + "\n",
    "images": lambda n: "# t\n\n" + "![a](b)" * n + "\n",
    "images between words": lambda n: "# t\n\n" + "![a](b) نص " * (n // 4) + "\n",
    "stars": lambda n: "# t\n\n" + "*a " * n + "\n",
    "underscores": lambda n: "# t\n\n" + "_a_ " * n + "\n",
    "backtick runs": lambda n: "# t\n\n" + "".join("`" * (i % 7 + 1) + "a" for i in range(n)),
    "tag openers": lambda n: "# t\n\n" + "<a " * n + "\n",
    "comment openers": lambda n: "# t\n\n" + "<!--" * n + "\n",
    "references": lambda n: "# t\n\n" + "[a][b]" * n + "\n\n[b]: http://x\n",
    "quotes and items": lambda n: "# t\n" + "> * 1. " * n + "\n",
    "pipes": lambda n: "a|b\n--|--\n" + "|" * n + "\n",
    "hashes": lambda n: "#" * n + " x\n",
    "escapes": lambda n: "# t\n\n" + "\\*" * n,
    "setext pairs": lambda n: "\n".join(["عنوان", "==="] * (n // 4)),
    "fences": lambda n: "```\n" * (n // 4),
    "front matter": lambda n: "---\ntitle: x\n" + "a: b\n" * (n // 4),
}


def read(text: str) -> object:
    return markdown_blocks(text, 100_000)


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_markdown_time_grows_linearly(name: str) -> None:
    small, large = growth(read, ADVERSARIAL[name])
    assert linear(small, large), f"{name}: {small:.4f}s -> {large:.4f}s"


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_detection_time_grows_linearly(name: str) -> None:
    small, large = growth(markdown_signals, ADVERSARIAL[name])
    assert linear(small, large), f"{name}: {small:.4f}s -> {large:.4f}s"


# The detection's line signs as first written: one pattern each, anchored with ^ in multiline
# mode.
PLAIN_STRONG_LINE = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]+[^\W_]|=+[ \t]*$|\|? *:?-{3,}:? *\|[-:| ]*$)", re.M
)
PLAIN_WEAK = re.compile(r"^ {0,3}-{3,}[ \t]*$|\\[*_\[\]()#!.-]|\*\*\S|__\S", re.M)
SIGN_PIECES = [
    *("\n", "\r\n", " ", "   ", "\t", "#", "## ", "=", "===", "-", "---", "|", "| a |", ":"),
    *("**", "__", "\\*", "\\", "a", "ب", "_"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SIGN_PIECES), max_size=30))
def test_line_signs_are_counted_as_the_anchored_patterns_count_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert line_signs(text, _STRONG_LINE, _STRONG_LINES) == len(PLAIN_STRONG_LINE.findall(text))
    weak = line_signs(text, _RULE_LINE, _RULE_LINES) + len(_WEAK_MARK.findall(text))
    assert weak == len(PLAIN_WEAK.findall(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SIGN_PIECES), max_size=30))
def test_the_checks_before_the_line_signs_are_implied_by_them(pieces: list[str]) -> None:
    # markdown_signals counts the strong line signs only where a character they hold is in the
    # text ("#", "=", or a bar and three dashes): wherever it skips them, there are none
    text = "".join(pieces)
    if not ("#" in text or "=" in text or ("|" in text and "---" in text)):
        assert PLAIN_STRONG_LINE.search(text) is None


def test_html_links_left_in_markdown_are_links() -> None:
    """pandoc's GFM keeps a link with attributes as HTML (``<a href rel>``): its text counts as
    a link's, as the DOM path counts it, and shows no markup."""
    [inline] = render_inline(
        '<a href="https://example.com/2024/51207/"\nrel="bookmark">أسعار النفط ترتفع [عاجل]</a>',
        {},
    )
    assert inline.text == "أسعار النفط ترتفع [عاجل]"
    assert inline.links == ("أسعار النفط ترتفع [عاجل]",)
    # text before it whose lower case is longer (İ) leaves it whole
    [turkish] = render_inline('İİ <a HREF="https://x.example/a">النص</A> بعده', {})
    assert (turkish.text, turkish.links) == ("İİ النص بعده", ("النص",))
    # an unclosed one, and one without an address, show their text
    assert render_inline("<a href='x'>نص", {})[0].text == "نص"
    assert render_inline("<a name='x'>نص</a>", {})[0].links == ()
