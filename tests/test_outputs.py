"""The renderings of an Article (:mod:`arabic_extract.outputs`): golden outputs of the structure
fixtures in every format, escaping (nothing from the page is ever emitted as markup), the TEI
document against the TEI DTD trafilatura ships, CSV rows, and the CLI's formats.

The golden files (``expected.md``, ``expected.html``, ``expected.xml``, ``expected.csv``,
``expected.txt`` beside a fixture's ``source.html``) are the page extracted with links and embeds
kept and rendered with images and links; ``pytest --arabic-extract-update`` rewrites them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from arabic_extract import Article, ExtractionConfig, extract
from arabic_extract.cli import main
from arabic_extract.model import (
    EmbedNode,
    FigureNode,
    HeadingNode,
    ListItem,
    ListNode,
    ParagraphNode,
    QuoteNode,
    Span,
    TableNode,
)
from arabic_extract.outputs import (
    CSV_FIELDS,
    FORMATS,
    csv_header,
    csv_row,
    md_line,
    render_as,
    safe_url,
    to_html,
    to_markdown,
    to_tei,
    to_text,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
GOLDEN = (
    "table_election_results",
    "list_health_steps",
    "interview_qa",
    "layout_table_portal",
    "statement_quotes_embeds",
    "readalso_midbody",
)
FULL = ExtractionConfig(links=True, embeds=True)


def _csv(article: Article, ident: str) -> str:
    return csv_header() + csv_row(article, ident)


RENDERINGS: dict[str, Callable[[Article, str], str]] = {
    "md": lambda a, _: to_markdown(a, images=True, links=True),
    "html": lambda a, _: to_html(a, images=True, links=True),
    "xml": lambda a, ident: to_tei(a, images=True, links=True, ident=ident),
    "csv": _csv,
    "txt": lambda a, _: to_text(a),
}


@pytest.mark.parametrize("ext", sorted(RENDERINGS))
@pytest.mark.parametrize("name", GOLDEN)
def test_golden_outputs(name: str, ext: str, request: pytest.FixtureRequest) -> None:
    folder = FIXTURES / name
    article = extract((folder / "source.html").read_bytes(), config=FULL)
    text = RENDERINGS[ext](article, name)
    path = folder / f"expected.{ext}"
    if request.config.getoption("--arabic-extract-update"):
        path.write_bytes(text.encode("utf-8"))
    assert path.is_file(), f"{path} is missing: pytest --arabic-extract-update writes it"
    assert text == path.read_bytes().decode("utf-8"), f"{name}: the {ext} output changed"


# --- the content the goldens show ------------------------------------------------------------


def test_the_results_table_renders_as_a_gfm_table() -> None:
    page = (FIXTURES / "table_election_results" / "source.html").read_bytes()
    markdown = to_markdown(extract(page))
    assert (
        "| المحافظة | نسبة المشاركة | عدد المقاعد |\n|---|---|---|\n| العاصمة | 48% | 60 |"
    ) in markdown
    assert "- تأخر فتح بعض مراكز الاقتراع لمدة نصف ساعة" in markdown


def test_an_interviews_questions_stay_bold() -> None:
    article = extract((FIXTURES / "interview_qa" / "source.html").read_bytes())
    bold = [n.text for n in article.content if isinstance(n, ParagraphNode) and n.bold]
    assert bold == [
        "كيف تصفون وضع المخزون المائي اليوم؟",
        "هل ستلجأ الوزارة إلى رفع تعرفة المياه على الأسر؟",
        "أين وصل مشروع الناقل الوطني للمياه؟",
        "وماذا عن الفاقد في الشبكات؟",
    ]
    assert "**كيف تصفون وضع المخزون المائي اليوم؟**" in to_markdown(article)
    assert any(isinstance(n, QuoteNode) for n in article.content)


def test_embeds_only_when_asked() -> None:
    page = (FIXTURES / "statement_quotes_embeds" / "source.html").read_bytes()
    plain, kept = extract(page), extract(page, config=ExtractionConfig(embeds=True))
    assert not any(isinstance(n, EmbedNode) for n in plain.content)
    embeds = [n for n in kept.content if isinstance(n, EmbedNode)]
    assert [(e.kind, e.url) for e in embeds] == [
        (
            "tweet",
            "https://twitter.com/UNICEF_ar_example/status/1837448210011122334?ref_src=twsrc%5Etfw",
        ),
        ("video", "https://www.youtube-nocookie.com/embed/AbCdEfGh123?feature=oembed"),
    ]
    assert embeds[0].text is not None and embeds[0].text.startswith("ثلاثة من كل أربعة أطفال")
    assert embeds[0].text in kept.paragraphs  # an embed's text joins the body when kept
    assert [p for p in kept.paragraphs if p != embeds[0].text] == plain.paragraphs


def test_figures_with_their_credits() -> None:
    article = extract((FIXTURES / "statement_quotes_embeds" / "source.html").read_bytes())
    figures = [n for n in article.content if isinstance(n, FigureNode)]
    assert [(f.caption, f.credit) for f in figures] == [
        ("أطفال يملؤون عبوات المياه من خزان مشترك في أحد مخيمات النزوح", "رويترز"),
        ("صهريج مياه متنقل يوزع حصص الشرب على العائلات في المخيم", "تصوير: أحمد يوسف"),
    ]
    assert figures[1].src == "https://sada-news.example/wp-content/uploads/2024/09/tanker.jpg"
    assert figures[1].alt == "صهريج مياه"


# --- escaping: nothing from the page is markup --------------------------------------------------

HOSTILE = (
    "<html><head><title>t</title></head><body><article><h1>عنوان الخبر &lt;b&gt;عريض&lt;/b&gt;</h1>"
    "<p>قال المتحدث إن الوزارة ستنشر التقرير كاملاً خلال الأسبوع المقبل على موقعها الرسمي "
    "بعد مراجعته من اللجنة المختصة &lt;script&gt;alert(1)&lt;/script&gt; في الوقت المحدد.</p>"
    "<p>وأضاف أن النتائج ستعرض على البرلمان &lt;img src=x onerror=alert(2)&gt; في جلسة علنية "
    "يحضرها ممثلو الصحافة والمجتمع المدني [رابط](javascript:alert(3)) وفق الأصول.</p>"
    "<p>- وأكد أن **الحكومة** ملتزمة بالشفافية الكاملة في عرض الأرقام والبيانات أمام "
    "المواطنين &amp;amp; الهيئات الرقابية دون استثناء أو تأخير.</p>"
    '<p>=HYPERLINK("http://x.example") سطر يبدأ بما تقرؤه الجداول معادلة ويجب أن يبقى نصاً '
    "كما هو مكتوباً في الصفحة الأصلية دون أي تغيير.</p>"
    "</article></body></html>"
)


@pytest.fixture(scope="module")
def hostile() -> Article:
    article = extract(HOSTILE)
    assert any("<script>" in p for p in article.paragraphs)  # the page shows it as text
    return article


def test_markdown_shows_page_tags_as_text(hostile: Article) -> None:
    markdown = to_markdown(hostile)
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    for render in _markdown_renderers():
        html = render(markdown)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
        assert 'href="javascript' not in html and "<strong>" not in html


def _markdown_renderers() -> list[Callable[[str], str]]:
    renderers: list[Callable[[str], str]] = []
    markdown = pytest.importorskip("markdown")
    renderers.append(markdown.markdown)
    try:
        import commonmark  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        pass
    else:
        renderers.append(commonmark.commonmark)
    return renderers


def test_markdown_escapes_what_would_be_syntax() -> None:
    assert md_line("# ليس عنواناً") == "\\# ليس عنواناً"
    assert md_line("1. ليس بنداً") == "1\\. ليس بنداً"
    assert md_line("> ليس اقتباساً") == "\\> ليس اقتباساً"
    assert md_line("نص *مائل* و[رابط](x) و`كود`") == "نص \\*مائل\\* و\\[رابط\\](x) و\\`كود\\`"
    assert md_line("AT&T &amp; <b>") == "AT&T &amp;amp; &lt;b>"


def test_html_output_is_one_article_without_markup_from_the_page(hostile: Article) -> None:
    out = to_html(hostile, images=True, links=True)
    tree = etree.fromstring(out.encode("utf-8"), etree.HTMLParser())
    article = tree.find(".//article")
    assert article is not None and article.get("dir") == "rtl" and article.get("lang") == "ar"
    tags = {element.tag for element in article.iter()}
    assert tags <= {"article", "header", "h1", "p", "span", "time"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_tei_output_is_well_formed_and_escaped(hostile: Article) -> None:
    root = etree.fromstring(to_tei(hostile).encode("utf-8"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    paragraphs = root.findall(".//t:body//t:p", ns)
    assert any("<script>alert(1)</script>" in (p.text or "") for p in paragraphs)
    assert root.findtext(".//t:titleStmt/t:title", namespaces=ns) == hostile.headline


def test_csv_cells_never_read_as_formulas(hostile: Article) -> None:
    row = next(csv.reader(io.StringIO(csv_row(hostile, "=cmd|' /C calc'!A0"))))
    assert row[0] == "'=cmd|' /C calc'!A0"
    body = row[CSV_FIELDS.index("body")]
    assert body.splitlines() == hostile.paragraphs  # the first line is not a formula
    formula = Article(paragraphs=['=HYPERLINK("http://x")'], headline="+1", author="@x")
    cells = next(csv.reader(io.StringIO(csv_row(formula))))
    assert cells[CSV_FIELDS.index("body")] == '\'=HYPERLINK("http://x")'
    assert cells[CSV_FIELDS.index("headline")] == "'+1"
    assert cells[CSV_FIELDS.index("author")] == "'@x"


@pytest.mark.parametrize(
    "url,safe",
    [
        ("https://example.com/a b(c)", "https://example.com/a%20b%28c%29"),
        ("/relative/path?x=1#y", "/relative/path?x=1#y"),
        ("//cdn.example/i.jpg", "https://cdn.example/i.jpg"),
        ("mailto:a@example.com", "mailto:a@example.com"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:x", None),
        ('https://x.example/"><script>', "https://x.example/%22%3E%3Cscript%3E"),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_links_and_images_only_on_request() -> None:
    article = Article(
        headline="خبر",
        content=[
            ParagraphNode(
                text="زار الوزير المعرض اليوم",
                spans=[
                    Span(text="زار "),
                    Span(text="الوزير", href="https://x.example/minister"),
                    Span(text=" المعرض "),
                    Span(text="اليوم", href="javascript:alert(1)"),
                ],
            ),
            FigureNode(src="https://x.example/i.jpg", alt="صورة", caption="الوزير في المعرض"),
        ],
    )
    plain = to_markdown(article)
    assert "](" not in plain and "*الوزير في المعرض*" in plain
    full = to_markdown(article, images=True, links=True)
    assert "زار [الوزير](https://x.example/minister) المعرض اليوم" in full
    assert "![صورة](https://x.example/i.jpg)" in full
    assert "<a " not in to_html(article) and "<img" not in to_html(article)
    html = to_html(article, images=True, links=True)
    assert '<a href="https://x.example/minister" rel="nofollow">الوزير</a>' in html
    assert "javascript" not in html and '<img src="https://x.example/i.jpg" alt="صورة">' in html


# --- TEI against the DTD trafilatura ships ------------------------------------------------------


def _tei_dtd() -> etree.DTD:
    trafilatura = pytest.importorskip("trafilatura")
    return etree.DTD(str(Path(trafilatura.__file__).parent / "data" / "tei_corpus.dtd"))


@pytest.mark.parametrize("name", GOLDEN)
def test_tei_is_valid_against_the_tei_corpus_dtd(name: str) -> None:
    """Every element but tables: the DTD trafilatura ships has no table module (trafilatura's
    own tables, <table>/<row>/<cell>, fail it the same way); they are checked apart."""
    article = extract((FIXTURES / name / "source.html").read_bytes(), config=FULL)
    root = etree.fromstring(to_tei(article, images=True, links=True, ident=name).encode())
    ns = "{http://www.tei-c.org/ns/1.0}"
    for table in root.iter(f"{ns}table"):
        rows = table.findall(f"{ns}row")
        assert rows and all(len(row) and all(c.tag == f"{ns}cell" for c in row) for row in rows)
        table.getparent().remove(table)
    dtd = _tei_dtd()
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


def test_every_node_type_in_every_format() -> None:
    article = Article(
        headline="عنوان",
        language="ar",
        tags=["وسم"],
        content=[
            ParagraphNode(text="فقرة.", bold=True),
            HeadingNode(level=3, text="عنوان فرعي"),
            ListNode(ordered=True, items=[ListItem(text="أول"), ListItem(text="ثان")]),
            TableNode(header=None, rows=[["أ", "ب|ج"], ["د"]]),
            QuoteNode(text="«قول»"),
            FigureNode(src="/i.jpg", caption="تعليق", credit="رويترز"),
            EmbedNode(kind="tweet", url="https://x.example/s/1", text="تغريدة"),
        ],
        paragraphs=["فقرة."],
    )
    markdown = to_markdown(article, images=True, links=True)
    assert "**فقرة.**" in markdown and "### عنوان فرعي" in markdown
    assert "1. أول\n2. ثان" in markdown
    assert "| أ | ب\\|ج |\n|---|---|\n| د |  |" in markdown
    assert "> «قول»" in markdown and "*تعليق — رويترز*" in markdown
    assert "> تغريدة\n>\n> [tweet](https://x.example/s/1)" in markdown
    html = to_html(article, images=True, links=True)
    for piece in ("<ol><li>أول</li>", "<h3>عنوان فرعي</h3>", "<td>ب|ج</td>", "<small>رويترز"):
        assert piece in html
    root = etree.fromstring(to_tei(article, images=True, links=True).encode())
    assert root.find(".//{http://www.tei-c.org/ns/1.0}list").get("rend") == "ol"
    for fmt in FORMATS:
        assert render_as(fmt, article)


def test_left_to_right_languages_get_ltr() -> None:
    assert '<article dir="ltr" lang="en">' in to_html(Article(language="en"))
    assert '<article dir="rtl" lang="fa">' in to_html(Article(language="fa"))
    assert '<article dir="rtl" lang="ar">' in to_html(Article())


def test_render_as_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        render_as("docx", Article())


def test_tei_header_holds_the_metadata() -> None:
    article = Article(
        headline="عنوان",
        author="كاتب",
        site_name="موقع",
        source="وكالة",
        published=datetime(2024, 5, 12, 10, 30),
        date_text="12 مايو 2024",
        url="https://x.example/a",
        tags=["أ", "ب"],
        language="ar",
        paragraphs=["نص الخبر في فقرة واحدة."],
    )
    root = etree.fromstring(to_tei(article, ident="page-1").encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.findtext(".//t:titleStmt/t:author", namespaces=ns) == "كاتب"
    assert root.findtext(".//t:publicationStmt/t:publisher", namespaces=ns) == "موقع"
    assert root.find(".//t:publicationStmt/t:date", ns).get("when") == "2024-05-12T10:30:00"
    assert root.find(".//t:publicationStmt/t:ptr", ns).get("target") == "https://x.example/a"
    notes = {n.get("type"): n.text for n in root.findall(".//t:notesStmt/t:note", ns)}
    assert notes["id"] == "page-1" and notes["source"] == "وكالة"
    assert notes["fingerprint"] == article.fingerprint is not None
    assert [t.text for t in root.findall(".//t:keywords/t:term", ns)] == ["أ", "ب"]
    assert root.find(".//t:langUsage/t:language", ns).get("ident") == "ar"


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def election(tmp_path: Path) -> Path:
    page = tmp_path / "election.html"
    page.write_bytes((FIXTURES / "table_election_results" / "source.html").read_bytes())
    return page


@pytest.mark.parametrize("fmt", ["html", "xml", "csv", "markdown", "text", "json"])
def test_cli_formats(fmt: str, election: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", fmt, str(election)]) == 0
    out = capsys.readouterr().out
    assert "العاصمة" in out
    if fmt == "json":
        content = json.loads(out)["content"]
        assert [n["type"] for n in content].count("table") == 1
    if fmt == "xml":
        etree.fromstring(out.encode())
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == list(CSV_FIELDS) and rows[1][0] == str(election)


def test_cli_images_and_links(election: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "markdown", str(election)]) == 0
    assert "![" not in capsys.readouterr().out
    assert main(["extract", "--format", "markdown", "--images", "--links", str(election)]) == 0
    out = capsys.readouterr().out
    assert "![ناخبون أمام مركز اقتراع](https://ofoq-news.example/" in out


def test_cli_csv_batch_has_one_header(
    election: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.html"
    other.write_bytes((FIXTURES / "interview_qa" / "source.html").read_bytes())
    assert main(["extract", "--format", "csv", "-q", "-w", "1", str(election), str(other)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [r[0] for r in rows] == ["id", str(election), str(other)]


def test_cli_xml_batch_gives_one_document_per_page(
    election: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.html"
    other.write_bytes((FIXTURES / "interview_qa" / "source.html").read_bytes())
    assert main(["extract", "--format", "xml", "-q", "-w", "1", str(election), str(other)]) == 0
    documents = capsys.readouterr().out.split('<?xml version="1.0" encoding="UTF-8"?>\n')[1:]
    assert len(documents) == 2
    for document in documents:
        etree.fromstring(document.encode())
