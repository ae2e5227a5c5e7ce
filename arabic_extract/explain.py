"""The explain listing in a terminal: every block of a page with its label and the rules that
decided it, then the Article's fields (``arabic-extract extract --explain``, ``arabic-extract
explain``; the HTML report is :mod:`arabic_extract.report`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

from arabic_extract.model import Article, BlockInfo, Label

_RESET: Final = "\x1b[0m"
_STYLES: Final[Mapping[Label, str]] = MappingProxyType(
    {
        Label.BODY: "\x1b[32m",
        Label.HEADLINE: "\x1b[1;33m",
        Label.BYLINE: "\x1b[36m",
        Label.DATE: "\x1b[36m",
        Label.SOURCE: "\x1b[36m",
        Label.CAPTION: "\x1b[35m",
        Label.TAGS: "\x1b[35m",
        Label.NOISE: "\x1b[2;90m",
    }
)
_MAX_REASONS_WIDTH: Final = 32
_ELLIPSIS: Final = "…"


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, with an ellipsis when cut."""
    if sum(_char_width(c) for c in text) <= width:
        return text
    used, out = 0, []
    for char in text:
        char_width = _char_width(char)
        if used + char_width > width - 1:
            break
        used += char_width
        out.append(char)
    return "".join(out) + _ELLIPSIS


def _reasons_width(blocks: list[BlockInfo]) -> int:
    widths = (len(", ".join(b.reasons) or "-") for b in blocks)
    return min(max(widths, default=1), _MAX_REASONS_WIDTH)


def _block_line(block: BlockInfo, reasons_width: int, columns: int | None, colour: bool) -> str:
    reasons = ", ".join(block.reasons) or "-"
    prefix = f"{block.index:>4}  {block.label.value:<8}  {reasons:<{reasons_width}}  "
    text = " ".join(block.text.split())
    if columns is not None:
        text = truncate(text, max(columns - len(prefix), 10))
    line = prefix + text
    return f"{_STYLES[block.label]}{line}{_RESET}" if colour else line


def _summary(article: Article) -> Iterator[str]:
    fields: list[tuple[str, str | None]] = [
        ("headline", article.headline),
        ("source", article.source),
        ("author", article.author),
        ("authors", "، ".join(article.authors) or None),
        ("dateline", article.dateline),
        ("published", article.published.isoformat() if article.published else None),
        ("date_text", article.date_text),
        ("hijri", article.published_hijri.text if article.published_hijri else None),
        ("updated", article.updated.isoformat() if article.updated else None),
        ("site_name", article.site_name),
        ("page_type", article.page_type),
        ("language", article.language),
        ("declared", article.declared_language),
        ("tags", ", ".join(article.tags) or None),
    ]
    for name, value in fields:
        yield f"{name + ':':<12}{value if value is not None else '-'}"
    chars = sum(len(p) for p in article.paragraphs)
    yield f"{'paragraphs:':<12}{len(article.paragraphs)} ({chars} characters)"
    yield f"{'captions:':<12}{len(article.captions)}"
    if article.entries:
        yield (
            f"{'entries:':<12}{len(article.entries)} ("
            + ", ".join(e.time for e in article.entries)
            + ")"
        )
    if article.teasers:
        yield f"{'teasers:':<12}{len(article.teasers)}"
    for note in article.notes:
        yield f"{'note:':<12}{note}"


def format_explain(article: Article, columns: int | None, colour: bool) -> str:
    width = _reasons_width(article.blocks)
    lines = [_block_line(b, width, columns, colour) for b in article.blocks]
    if not lines:
        lines.append("(no blocks)")
    lines.append("")
    lines.extend(_summary(article))
    return "\n".join(lines) + "\n"
