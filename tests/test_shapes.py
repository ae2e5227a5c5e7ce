"""Renderer invariance: a page gives the same Article whatever shape it reaches us in.

Every HTML fixture of the project, and every page of ``../shared/eval/dev`` when that folder is
beside the project, is rendered here as other tools hand pages over (inscriptis, BeautifulSoup
text, html2text and markdownify Markdown, a browser-like innerText: :mod:`arabic_extract.shapes`)
and each rendering is extracted. Its Article must match the one from the HTML: the same page
type and language, body F1 at least 0.97 against the HTML's paragraphs (no body for a listing),
and for an Arabic article the same headline (token F1 0.9, as the evaluation scores headlines)
and the same source.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from arabic_extract import Article, extract
from arabic_extract.evaluation import decode_html, headline_correct, prf, source_correct
from arabic_extract.shapes import SHAPES, innertext, render

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
MIN_F1 = 0.97


@cache
def html_of(path: Path) -> str:
    return decode_html(path.read_bytes())


@cache
def reference(path: Path) -> Article:
    return extract(html_of(path))


# Renderings that lose what the page's structure says, kept as known limits (strict: they fail
# today, and the test says so when they pass).
LIMITS = {
    # html2text writes a gallery's figures inline: each photo's counter ("2 / 8") ends up on
    # the line of the caption before it
    ("photo_gallery", "html2text"),
    # BeautifulSoup cuts every search snippet at its highlighted words: the pieces read as
    # captioned photos, and the results page as a gallery
    ("listing_search", "bs4"),
    # a page laid out in tables: inscriptis writes its columns side by side, the menu of the
    # right column and the story's paragraphs on the same lines; markdownify writes the whole
    # layout as one table row whose one cell holds every paragraph of the story
    ("layout_table_portal", "inscriptis"),
    ("layout_table_portal", "markdownify"),
}
CASES = [
    pytest.param(
        path,
        shape,
        id=f"{path_id}-{shape}",
        marks=pytest.mark.xfail(strict=True, reason="a rendering that loses the structure")
        if (path.parent.name, shape) in LIMITS
        else (),
    )
    for path, path_id in [
        *((p, f"fixture-{p.parent.name}") for p in sorted(FIXTURES.glob("*/source.html"))),
        *((p, f"dev-{p.stem}") for p in sorted(DEV.glob("*.html"))),
    ]
    for shape in SHAPES
]


@pytest.mark.parametrize("path,shape", CASES)
def test_every_shape_gives_the_html_article(path: Path, shape: str) -> None:
    assert_same_article(reference(path), extract(render(html_of(path), shape)), shape)  # type: ignore[arg-type]


def assert_same_article(ref: Article, article: Article, shape: str) -> None:
    """``article``, read from a rendering of a page, is the one ``ref`` read from its HTML."""
    assert article.page_type == ref.page_type, f"{shape}: {article.page_type}, {article.notes}"
    assert article.language == ref.language, f"{shape}: language {article.language}"
    if not ref.paragraphs:  # a listing: no body in any shape
        assert article.paragraphs == [], f"{shape}: {article.paragraphs[:2]}"
        return
    f1 = prf(article.body, ref.paragraphs).f1
    assert f1 >= MIN_F1, f"{shape}: body F1 {f1:.3f} against the HTML's"
    if (ref.page_type, ref.language) != ("article", "ar"):
        return  # the title and the credit of other pages come from their metadata
    if ref.headline is None:
        assert article.headline is None, f"{shape}: headline {article.headline!r}"
    else:
        assert headline_correct(article.headline, ref.headline), (
            f"{shape}: headline {article.headline!r}, the HTML's {ref.headline!r}"
        )
    if ref.source is None:
        assert article.source is None, f"{shape}: source {article.source!r}"
    else:
        assert source_correct(article.source, ref.source, []), (
            f"{shape}: source {article.source!r}, the HTML's {ref.source!r}"
        )


def test_fixtures_found() -> None:
    assert len(list(FIXTURES.glob("*/source.html"))) >= 10


# --- the innerText rendering -------------------------------------------------------------------


def test_innertext_blocks_cells_and_breaks() -> None:
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<h1>العنوان</h1><p>فقرة <a href='#'>فيها</a> رابط.</p>"
        "<div>سطر<br>ثان</div>"
        "<table><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td><td>د</td></tr></table>"
        "<ul><li>بند</li></ul><script>var x;</script>"
        "<p style='display: none'>مخفي</p><p hidden>مخفي</p><img alt='صورة'>"
        "</body></html>"
    )
    assert innertext(page).split("\n") == [
        "العنوان",
        "",
        "فقرة فيها رابط.",
        "",
        "سطر",
        "ثان",
        "أ\tب",
        "ج\tد",
        "بند",
        "",
    ]


def test_innertext_keeps_spaces_between_inline_elements() -> None:
    page = "<p>سيطروا على ثلاثة <a href='#'>مستودعات للذخيرة</a> بالقرب من بلدة.</p>"
    assert innertext(page).strip() == "سيطروا على ثلاثة مستودعات للذخيرة بالقرب من بلدة."


def test_innertext_of_a_page_without_body() -> None:
    assert innertext("") == ""


# --- already clean text (another extractor's output) --------------------------------------------

P1 = (
    "أعلنت وزارة الصحة اليوم عن بدء حملة تطعيم واسعة في جميع المحافظات، وقال المتحدث باسم "
    "الوزارة إن الحملة تستهدف ثلاثة ملايين طفل."
)
P2 = (
    "وأضاف المتحدث أن فرق التطعيم ستنتشر في المدارس والمراكز الصحية، داعياً الأسر إلى التعاون "
    "مع الفرق وتسجيل الأطفال عبر المنصة."
)
P3 = (
    "وتهدف الحملة إلى رفع نسبة التغطية إلى أكثر من 95 في المئة بحلول نهاية العام الجاري، بحسب "
    "بيان الوزارة الصادر صباح اليوم."
)
SHORT = "وتستمر الحملة شهراً كاملاً."


@pytest.mark.parametrize(
    "lines",
    [
        [P1, P2, P3],
        [P1, P2, SHORT],  # a short closing sentence
        [SHORT, P1, P2, P3],  # a short opening sentence
        [P1, P2, "أهداف الحملة", P3],  # a subheading
    ],
)
@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_clean_text_is_kept_whole(lines: list[str], separator: str) -> None:
    assert extract(separator.join(lines)).paragraphs == lines


def test_clean_text_with_its_title() -> None:
    title = "حملة تطعيم واسعة تستهدف ثلاثة ملايين طفل"
    article = extract("\n\n".join([title, P1, P2, SHORT]))
    assert article.headline == title
    assert article.paragraphs == [P1, P2, SHORT]
