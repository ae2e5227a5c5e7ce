"""Renderings of an :class:`~arabic_extract.model.Article`: plain text, Markdown, HTML, TEI XML and
CSV rows. Each renders :attr:`~arabic_extract.model.Article.content` (an Article without content,
built by hand or read from an older JSON file, renders its paragraphs).

Page text is data, never markup, in every format: Markdown escapes what Markdown (CommonMark,
GitHub's and Python-Markdown alike) would read as syntax — ``<`` as ``&lt;``, so that no tag of the
page survives — HTML and XML escape their special characters, and CSV cells that a spreadsheet
would read as a formula (``=``, ``+``, ``-``, ``@``) are opened with ``'``. Links and image
addresses are written only when asked (``links``, ``images``) and only with a safe scheme
(``http``, ``https``, ``mailto``, or a relative address); any other (``javascript:``,
``data:``) leaves the text without its link.

- :func:`to_markdown`: ``# headline``, the metadata as a list, then the content: ``##``
  subheadings, paragraphs (bold ones in ``**``), lists, GFM tables (a table without a header
  row takes its first row as the header: GFM has no table without one), ``>`` quotes, figures
  (their caption in italics; the image with ``images``), embeds as quotes;
- :func:`to_html`: one self-contained ``<article dir="rtl" lang="ar">`` (the direction and
  language are the text's): a header with the headline, source, author and date, the content,
  and a footer with the tags; no script, style or external resource (images only with
  ``images``);
- :func:`to_tei`: a TEI document as trafilatura's ``xmltei`` writes one (``teiHeader`` with the
  metadata; ``<p>``, ``<ab type="header">`` subheadings, ``<list>``/``<item>``,
  ``<table>``/``<row>``/``<cell role="head">``, ``<quote>``, ``<hi rend="#b">``,
  ``<ref target>``, ``<graphic url>``), valid against the TEI corpus DTD trafilatura ships;
- :func:`csv_row` (and :func:`csv_header`): one row per page, the main fields (:data:`CSV_FIELDS`).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import Final
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from arabic_extract.model import (
    Article,
    ContentNode,
    EmbedNode,
    FigureNode,
    HeadingNode,
    ListNode,
    ParagraphNode,
    QuoteNode,
    Span,
    TableNode,
)

# --- shared ------------------------------------------------------------------------------------

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "ckb", "ku", "he", "yi", "sd", "ug", "dv"})
"""Languages written right to left: their HTML gets ``dir="rtl"``."""

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters left as they are in an address; the rest (spaces, brackets, quotes) are encoded.
_URL_SAFE = ":/?#@!$&'*+,;=%~-._[]"


def safe_url(url: str | None) -> str | None:
    """``url`` when its scheme is safe to write as a link (http, https, mailto, or none: a
    relative address), with spaces, parentheses, quotes and angle brackets encoded; else None."""
    if not url or not url.strip().isprintable():
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in _SAFE_SCHEMES:
        return None
    return quote(url, safe=_URL_SAFE)


def nodes_of(article: Article) -> list[ContentNode]:
    """The article's content; for an Article without content, its paragraphs."""
    if article.content or not article.paragraphs:
        return list(article.content)
    return [ParagraphNode(text=p) for p in article.paragraphs]


def direction(article: Article) -> tuple[str, str]:
    """The language of the article's text (its declared one, else Arabic) and its direction."""
    language = article.language or article.declared_language or "ar"
    base = language.split("-")[0].lower()
    return language, "rtl" if base in RTL_LANGUAGES else "ltr"


def _date_value(article: Article) -> str | None:
    iso = article.published.isoformat() if article.published else None
    if article.date_text and iso:
        return f"{article.date_text} ({iso})"
    return article.date_text or iso


def metadata(article: Article) -> list[tuple[str, str]]:
    """The metadata a rendering shows, by name, when set."""
    fields = [
        ("Source", article.source),
        ("Author", "، ".join(article.authors) or article.author),
        ("Dateline", article.dateline),
        ("Date", _date_value(article)),
        ("Updated", article.updated.isoformat() if article.updated else None),
        ("Site", article.site_name),
        ("Tags", ", ".join(article.tags) or None),
    ]
    return [(name, value) for name, value in fields if value]


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.splitlines()) if line]


# --- plain text ----------------------------------------------------------------------------------


def to_text(article: Article) -> str:
    """The headline, a blank line, and the body (its lines: see Article.paragraphs)."""
    parts = [article.headline] if article.headline else []
    parts.append(article.body)
    return "\n\n".join(parts).rstrip("\n") + "\n"


# --- Markdown ------------------------------------------------------------------------------------

# What Markdown reads as syntax inside a line: escaped with a backslash, or (``<``, an ``&`` that
# opens an entity) as an entity, which every Markdown renderer shows as text.
_MD_INLINE = re.compile(r"[\\`*_\[\]<]|&(?=#?[0-9A-Za-z]{1,32};)")
_MD_LINE_START = frozenset("#>-+=|")
_MD_ENTITIES = MappingProxyType({"<": "&lt;", "&": "&amp;"})


def _md_char(found: re.Match[str]) -> str:
    char = found.group()
    return _MD_ENTITIES.get(char) or "\\" + char


def md_inline(text: str) -> str:
    """Text escaped for the inside of a Markdown line."""
    return _MD_INLINE.sub(_md_char, text)


def _md_start(line: str) -> str:
    """A line escaped inside, with a leading character that would open a heading, a list, a
    quote, a table or a rule escaped too."""
    if line[:1] in _MD_LINE_START:
        return "\\" + line
    digits = len(line) - len(line.lstrip("0123456789"))
    if digits and line[digits : digits + 1] in (".", ")"):
        return line[:digits] + "\\" + line[digits:]
    return line


def md_line(text: str) -> str:
    """Text as Markdown lines that show it as it is: its syntax escaped, white space collapsed
    in each line."""
    return "\n".join(_md_start(md_inline(line)) for line in _lines(text))


def _md_spans(text: str, spans: list[Span], links: bool) -> str:
    """A text as Markdown, its links written as links when asked (``links``)."""
    if not (links and spans):
        return md_line(text)
    out: list[str] = []
    for span in spans:
        href = safe_url(span.href)
        shown = md_inline(" ".join(span.text.split()))
        if href and shown:
            lead = " " if span.text[:1].isspace() else ""
            trail = " " if span.text[-1:].isspace() else ""
            out.append(f"{lead}[{shown}]({href}){trail}")
        else:
            out.append(md_inline(span.text))
    return _md_start(" ".join("".join(out).split()))


def _md_cell(text: str) -> str:
    return md_inline(" ".join(text.split())).replace("|", "\\|")


def _md_table(node: TableNode) -> str:
    rows = [node.header, *node.rows] if node.header else list(node.rows)
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    padded = [[*row, *[""] * (width - len(row))] for row in rows]
    lines = ["| " + " | ".join(_md_cell(cell) for cell in padded[0]) + " |"]
    lines.append("|" + "|".join(["---"] * width) + "|")
    lines.extend("| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in padded[1:])
    return "\n".join(lines)


def _md_figure(node: FigureNode, images: bool) -> str:
    lines: list[str] = []
    src = safe_url(node.src) if images else None
    if src:
        lines.append(f"![{md_inline(node.alt or node.caption or '')}]({src})")
    caption = " — ".join(part for part in (node.caption, node.credit) if part)
    if caption:
        lines.append(f"*{md_inline(' '.join(caption.split()))}*")
    return "\n\n".join(lines)


def _md_node(node: ContentNode, images: bool, links: bool) -> str:
    if isinstance(node, ParagraphNode):
        text = _md_spans(node.text, node.spans, links)
        return f"**{text}**" if node.bold and text else text
    if isinstance(node, HeadingNode):
        return "#" * node.level + " " + md_inline(" ".join(node.text.split())).replace("#", "\\#")
    if isinstance(node, ListNode):
        return "\n".join(
            (f"{k}. " if node.ordered else "- ") + _md_spans(item.text, item.spans, links)
            for k, item in enumerate(node.items, 1)
        )
    if isinstance(node, TableNode):
        return _md_table(node)
    if isinstance(node, QuoteNode):
        return "\n".join(
            "> " + line for line in _md_spans(node.text, node.spans, links).split("\n")
        )
    if isinstance(node, FigureNode):
        return _md_figure(node, images)
    return _md_embed(node, links)


def _md_embed(node: EmbedNode, links: bool) -> str:
    lines = [f"> {md_line(line)}" for line in _lines(node.text or "")]
    url = safe_url(node.url) if links else None
    if url:
        lines.append(f"> [{node.kind}]({url})" if not lines else f">\n> [{node.kind}]({url})")
    return "\n".join(lines)


def to_markdown(article: Article, *, images: bool = False, links: bool = False) -> str:
    """The article as Markdown (see the module); ``images`` writes the figures' images and
    ``links`` the links of the text (kept when extracting with config.links)."""
    sections: list[str] = []
    if article.headline:
        sections.append(f"# {md_inline(' '.join(article.headline.split()))}")
    meta = [
        f"- **{name}:** {md_inline(' '.join(value.split()))}" for name, value in metadata(article)
    ]
    if meta:
        sections.append("\n".join(meta))
    sections.extend(text for node in nodes_of(article) if (text := _md_node(node, images, links)))
    shown = {n.caption for n in article.content if isinstance(n, FigureNode)}
    sections.extend(
        f"*{md_inline(' '.join(c.split()))}*" for c in article.captions if c not in shown
    )
    return "\n\n".join(sections) + "\n"


# --- HTML ----------------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _linked(
    spans: list[Span], escape: Callable[[str], str], link: Callable[[str, str], str]
) -> str:
    """A text's spans as markup: each run escaped, a link with a safe address written by
    ``link(href, shown)``."""
    out: list[str] = []
    for span in spans:
        href = safe_url(span.href)
        shown = escape(span.text)
        out.append(link(href, shown) if href else shown)
    return "".join(out)


def _html_link(href: str, shown: str) -> str:
    return f'<a href="{_attr(href)}" rel="nofollow">{shown}</a>'


def _html_spans(text: str, spans: list[Span], links: bool) -> str:
    if not (links and spans):
        return _h(text)
    return _linked(spans, lambda run: html.escape(run, quote=False), _html_link)


def _html_table(node: TableNode) -> Iterator[str]:
    yield "<table>"
    if node.header:
        cells = "".join(f"<th>{_h(cell)}</th>" for cell in node.header)
        yield f"<thead><tr>{cells}</tr></thead>"
    yield "<tbody>"
    for row in node.rows:
        yield "<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>"
    yield "</tbody></table>"


def _html_node(node: ContentNode, images: bool, links: bool) -> Iterator[str]:
    if isinstance(node, ParagraphNode):
        text = _html_spans(node.text, node.spans, links)
        yield f"<p><strong>{text}</strong></p>" if node.bold else f"<p>{text}</p>"
    elif isinstance(node, HeadingNode):
        yield f"<h{node.level}>{_h(node.text)}</h{node.level}>"
    elif isinstance(node, ListNode):
        tag = "ol" if node.ordered else "ul"
        items = "".join(f"<li>{_html_spans(i.text, i.spans, links)}</li>" for i in node.items)
        yield f"<{tag}>{items}</{tag}>"
    elif isinstance(node, TableNode):
        yield from _html_table(node)
    elif isinstance(node, QuoteNode):
        yield f"<blockquote><p>{_html_spans(node.text, node.spans, links)}</p></blockquote>"
    elif isinstance(node, FigureNode):
        yield from _html_figure(node, images)
    else:
        yield from _html_embed(node, links)


def _html_figure(node: FigureNode, images: bool) -> Iterator[str]:
    src = safe_url(node.src) if images else None
    if not (src or node.caption or node.credit):
        return
    yield "<figure>"
    if src:
        yield f'<img src="{_attr(src)}" alt="{_attr(" ".join((node.alt or "").split()))}">'
    if node.caption or node.credit:
        credit = f" <small>{_h(node.credit)}</small>" if node.credit else ""
        yield f"<figcaption>{_h(node.caption or '')}{credit}</figcaption>"
    yield "</figure>"


def _html_embed(node: EmbedNode, links: bool) -> Iterator[str]:
    url = safe_url(node.url) if links else None
    if not (node.text or url):
        return
    yield f'<blockquote class="embed {node.kind}">'
    if node.text:
        yield f"<p>{_h(node.text)}</p>"
    if url:
        yield f'<p><a href="{_attr(url)}" rel="nofollow">{_h(url)}</a></p>'
    yield "</blockquote>"


def _html_header(article: Article) -> Iterator[str]:
    yield "<header>"
    if article.headline:
        yield f"<h1>{_h(article.headline)}</h1>"
    parts = [
        f'<span class="{name}">{_h(value)}</span>'
        for name, value in (
            ("source", article.source),
            ("author", "، ".join(article.authors) or article.author),
        )
        if value
    ]
    if article.date_text or article.published:
        shown = _h(
            article.date_text or (article.published.isoformat() if article.published else "")
        )
        when = f' datetime="{_attr(article.published.isoformat())}"' if article.published else ""
        parts.append(f"<time{when}>{shown}</time>")
    if parts:
        yield '<p class="meta">' + " · ".join(parts) + "</p>"
    yield "</header>"


def to_html(article: Article, *, images: bool = False, links: bool = False) -> str:
    """The article as one self-contained ``<article>`` element (see the module)."""
    language, side = direction(article)
    lines = [f'<article dir="{side}" lang="{_attr(language)}">', *_html_header(article)]
    for node in nodes_of(article):
        lines.extend(_html_node(node, images, links))
    shown = {n.caption for n in article.content if isinstance(n, FigureNode)}
    lines.extend(
        f"<figure><figcaption>{_h(c)}</figcaption></figure>"
        for c in article.captions
        if c not in shown
    )
    footer = [
        f'<p class="site">{_h(article.site_name)}</p>' if article.site_name else "",
        '<ul class="tags">' + "".join(f"<li>{_h(t)}</li>" for t in article.tags) + "</ul>"
        if article.tags
        else "",
    ]
    if any(footer):
        lines.extend(["<footer>", *(f for f in footer if f), "</footer>"])
    lines.append("</article>")
    return "\n".join(lines) + "\n"


# --- TEI XML -------------------------------------------------------------------------------------

TEI_NAMESPACE: Final = "http://www.tei-c.org/ns/1.0"
# Characters XML 1.0 does not allow (control characters but tab, newline, return; lone
# surrogates; U+FFFE, U+FFFF): dropped from the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    return xml_escape(_NOT_XML.sub("", " ".join(text.split())))


def _xa(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def _tei_link(href: str, shown: str) -> str:
    return f"<ref target={_xa(href)}>{shown}</ref>"


def _tei_spans(text: str, spans: list[Span], links: bool) -> str:
    if not (links and spans):
        return _x(text)
    return _linked(spans, lambda run: xml_escape(_NOT_XML.sub("", run)), _tei_link)


def _tei_node(node: ContentNode, images: bool, links: bool) -> Iterator[str]:
    if isinstance(node, ParagraphNode):
        text = _tei_spans(node.text, node.spans, links)
        yield f'<p><hi rend="#b">{text}</hi></p>' if node.bold else f"<p>{text}</p>"
    elif isinstance(node, HeadingNode):
        yield f'<ab type="header" rend="h{node.level}">{_x(node.text)}</ab>'
    elif isinstance(node, ListNode):
        rend = "ol" if node.ordered else "ul"
        items = "".join(f"<item>{_tei_spans(i.text, i.spans, links)}</item>" for i in node.items)
        yield f'<list rend="{rend}">{items}</list>'
    elif isinstance(node, TableNode):
        rows = []
        if node.header:
            rows.append("".join(f'<cell role="head">{_x(c)}</cell>' for c in node.header))
        rows.extend("".join(f"<cell>{_x(c)}</cell>" for c in row) for row in node.rows)
        if rows:
            yield "<table>" + "".join(f"<row>{row}</row>" for row in rows) + "</table>"
    elif isinstance(node, QuoteNode):
        yield f"<quote>{_tei_spans(node.text, node.spans, links)}</quote>"
    elif isinstance(node, FigureNode):
        yield from _tei_figure(node, images)
    elif node.text or (links and safe_url(node.url)):
        url = safe_url(node.url) if links else None
        ref = f" <ref target={_xa(url)}>{_x(url)}</ref>" if url else ""
        yield f'<quote type="embed" subtype="{node.kind}">{_x(node.text or "")}{ref}</quote>'


def _tei_figure(node: FigureNode, images: bool) -> Iterator[str]:
    src = safe_url(node.src) if images else None
    if not (src or node.caption):
        return
    graphic = ""
    if src:
        desc = f"<desc>{_x(node.alt)}</desc>" if node.alt else ""
        graphic = f"<graphic url={_xa(src)}>{desc}</graphic>"
    credit = f'<note type="credit">{_x(node.credit)}</note>' if node.credit else ""
    yield f'<ab type="figure">{graphic}{_x(node.caption or "")}{credit}</ab>'


def _tei_header(article: Article, ident: str | None) -> Iterator[str]:
    from arabic_extract import __version__  # noqa: PLC0415 - the package imports this module

    title = _x(article.headline or "")
    yield "<teiHeader>"
    yield "<fileDesc>"
    names = article.authors or ([article.author] if article.author else [])
    author = "".join(f"<author>{_x(name)}</author>" for name in names)
    yield f'<titleStmt><title type="main">{title}</title>{author}</titleStmt>'
    publication = [f"<publisher>{_x(article.site_name or article.source or 'N/A')}</publisher>"]
    if article.url and safe_url(article.url):
        publication.append(f'<ptr type="URL" target={_xa(article.url)}/>')
    if article.published or article.date_text:
        when = f" when={_xa(article.published.isoformat())}" if article.published else ""
        publication.append(f"<date{when}>{_x(article.date_text or '')}</date>")
    yield "<publicationStmt>" + "".join(publication) + "</publicationStmt>"
    notes = [
        f'<note type="{kind}">{_x(value)}</note>'
        for kind, value in (
            ("id", ident),
            ("source", article.source),
            ("page-type", article.page_type),
            ("fingerprint", article.fingerprint),
        )
        if value
    ]
    if notes:
        yield "<notesStmt>" + "".join(notes) + "</notesStmt>"
    sigle = ", ".join(v for v in (article.site_name, article.date_text) if v)
    bibl = ", ".join(v for v in (article.headline, sigle) if v)
    yield f'<sourceDesc><bibl>{_x(bibl)}</bibl><bibl type="sigle">{_x(sigle)}</bibl></sourceDesc>'
    yield "</fileDesc>"
    yield "<profileDesc>"
    if article.language:
        yield f"<langUsage><language ident={_xa(article.language)}/></langUsage>"
    if article.tags:
        terms = "".join(f'<term type="tags">{_x(t)}</term>' for t in article.tags)
        yield f"<textClass><keywords>{terms}</keywords></textClass>"
    yield "</profileDesc>"
    yield (
        f'<encodingDesc><appInfo><application ident="arabic_extract" version="{__version__}">'
        "<label>arabic_extract</label></application></appInfo></encodingDesc>"
    )
    yield "</teiHeader>"


def to_tei(
    article: Article, *, images: bool = False, links: bool = False, ident: str | None = None
) -> str:
    """The article as a TEI XML document (see the module); ``ident`` is the input's id, noted
    in the header."""
    language, _ = direction(article)
    body = [text for node in nodes_of(article) for text in _tei_node(node, images, links)]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<TEI xmlns="{TEI_NAMESPACE}">',
        *_tei_header(article, ident),
        f"<text xml:lang={_xa(language)}><body>",
        '<div type="entry">',
        *(body or ["<p/>"]),
        "</div>",
        "</body></text>",
        "</TEI>",
    ]
    return "\n".join(lines) + "\n"


# --- CSV -----------------------------------------------------------------------------------------

CSV_FIELDS: Final = (
    "id",
    "url",
    "headline",
    "source",
    "author",
    "authors",
    "dateline",
    "published",
    "date_text",
    "updated",
    "site_name",
    "page_type",
    "language",
    "tags",
    "body",
    "fingerprint",
)
"""The columns of :func:`csv_row`: the input's id, the Article's main fields (``authors`` and
``tags`` joined by ``"; "``, ``body`` with its lines joined by newlines, in one quoted cell)."""
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell: text as it is, opened with ``'`` when a spreadsheet would read it as a
    formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _csv(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def csv_header() -> str:
    """The header row of :func:`csv_row`'s columns."""
    return _csv(list(CSV_FIELDS))


def csv_row(article: Article, ident: str | None = None) -> str:
    """One CSV row (RFC 4180, CRLF ends) with the page's main fields: see :data:`CSV_FIELDS`."""
    values = {
        "id": ident,
        "url": article.url,
        "headline": article.headline,
        "source": article.source,
        "author": article.author,
        "authors": "; ".join(article.authors),
        "dateline": article.dateline,
        "published": article.published.isoformat() if article.published else None,
        "date_text": article.date_text,
        "updated": article.updated.isoformat() if article.updated else None,
        "site_name": article.site_name,
        "page_type": article.page_type,
        "language": article.language,
        "tags": "; ".join(article.tags),
        "body": article.body,
        "fingerprint": article.fingerprint,
    }
    return _csv([_cell(values[name]) for name in CSV_FIELDS])


# --- by name -------------------------------------------------------------------------------------

FORMATS: Final = ("json", "text", "markdown", "html", "xml", "csv")
"""The output formats, by the name the command line gives them."""


def to_json(article: Article, indent: int | None = None) -> str:
    """The Article as JSON (its model's fields, content included), one line unless indented."""
    return article.model_dump_json(indent=indent) + "\n"


def render_as(
    fmt: str,
    article: Article,
    *,
    images: bool = False,
    links: bool = False,
    ident: str | None = None,
    indent: int | None = None,
) -> str:
    """The article in one of :data:`FORMATS`; ``ident`` (its input's id) goes in CSV rows and
    the TEI header. ValueError for an unknown format."""
    if fmt == "json":
        return to_json(article, indent)
    if fmt == "text":
        return to_text(article)
    if fmt == "markdown":
        return to_markdown(article, images=images, links=links)
    if fmt == "html":
        return to_html(article, images=images, links=links)
    if fmt == "xml":
        return to_tei(article, images=images, links=links, ident=ident)
    if fmt == "csv":
        return csv_row(article, ident)
    raise ValueError(f"unknown output format {fmt!r}; one of {', '.join(FORMATS)}")
