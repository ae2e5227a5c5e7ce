"""Markdown pages: what LLM-era crawlers hand over (html2text, markdownify, crawl4ai, Firecrawl,
Jina Reader), read into blocks with the features the DOM path gives HTML blocks.

Block level, one pass over the lines: front matter (YAML, or Jina Reader's ``Title:`` header)
gives the page's title; ATX and setext headings set a heading level; list items, block quotes and
pipe-table cells are blocks of their own; fenced code is kept as ``pre``; rules and reference
definitions end blocks and give no text; a hard line break (two spaces, a backslash, ``<br>``)
ends a block, and so does a soft one unless the document is hard-wrapped (html2text's default
78 columns), whose lines are joined back into paragraphs.

Inline (:mod:`arabic_extract.engine.inline`): links give their text and count towards the block's
link density, images give nothing but mark the next block as following an image, emphasis, code
spans, escapes, entities and HTML tags left inside are removed. A block's text is the clean text
a browser would show; nothing of the Markdown syntax reaches the Article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from types import MappingProxyType
from typing import Final, final

from arabic_extract.engine.blocks import Block, Media, matching_forms
from arabic_extract.engine.inline import Inline, LinkRefs, render_inline
from arabic_extract.engine.metadata import (
    TITLE_SEPARATORS,
    PageMeta,
    parse_datetime,
    strip_site_from_title,
)
from arabic_extract.engine.normalize import is_blank
from arabic_extract.engine.reflow import Tallies, greedy_pick

# --- front matter ------------------------------------------------------------------------------

_YAML_FIELD: Final = re.compile(
    r"^(?P<key>[A-Za-z_][A-Za-z0-9_ -]{0,40}):(?:[ \t]+(?P<value>.*))?$"
)
_JINA_FIELD: Final = re.compile(r"^(Title|URL Source|Published Time|Markdown Content):[ \t]*(.*)$")
_FRONT_MATTER_LINES: Final = 60
_FRONT_MATTER_CHARS: Final = 16_384
# Front matter keys, as crawlers and converters write them, by the PageMeta field they fill.
_KEYS: Final = MappingProxyType(
    {
        "title": "title",
        "sitename": "site_name",
        "site_name": "site_name",
        "site": "site_name",
        "author": "author",
        "date": "published",
        "published time": "published",
        "published_time": "published",
    }
)


@dataclass(frozen=True)
class FrontMatter:
    """What a Markdown page's header says about it, and where its content starts."""

    meta: PageMeta = field(default_factory=PageMeta)
    start: int = 0  # the first line of content


def _page_meta(values: dict[str, str]) -> PageMeta:
    title = values.get("title")
    site_name = values.get("site_name") or (_site_in_title(title) if title else None)
    published = values.get("published")
    return PageMeta(
        title=title,
        headline=strip_site_from_title(title, site_name) if title else None,
        site_name=site_name,
        author=values.get("author"),
        published=parse_datetime(published),
        published_text=published,
    )


def _site_in_title(title: str) -> str | None:
    """The site's name a page's title ends or opens with (headline - site, site | headline),
    as Jina Reader's ``Title:`` keeps it: the shorter of exactly two parts, of a few words."""
    parts = [part.strip() for part in TITLE_SEPARATORS.split(title) if part.strip()]
    if len(parts) != 2:
        return None
    site = min(parts, key=len)
    return site if site.count(" ") < _TITLE_SITE_WORDS <= max(parts, key=len).count(" ") else None


# The most words of a site's name in a title (and the fewest a headline has).
_TITLE_SITE_WORDS: Final = 4


def _yaml_fields(lines: list[str]) -> dict[str, str] | None:
    """The ``key: value`` fields of a YAML header (None when no line is one)."""
    values: dict[str, str] = {}
    keys = 0
    for line in lines:
        found = _YAML_FIELD.match(line)
        if found is None:
            continue
        keys += 1
        field_name = _KEYS.get(found.group("key").strip().lower())
        value = (found.group("value") or "").strip().strip("'\"").strip()
        if field_name and value and field_name not in values:
            values[field_name] = value
    return values if keys else None


def front_matter(lines: list[str]) -> FrontMatter:
    """A YAML front matter block (``---`` ... ``---``, as trafilatura and static-site tools
    write it) or Jina Reader's header (``Title:``, ``URL Source:``, ``Markdown Content:``) at
    the top of the page."""
    if lines and lines[0].strip() == "---":
        for end in range(1, min(len(lines), _FRONT_MATTER_LINES)):
            if lines[end].strip() in ("---", "..."):
                values = _yaml_fields(lines[1:end])
                if values is None:
                    break  # a rule above and below some lines, not front matter
                return FrontMatter(_page_meta(values), end + 1)
    values = {}
    for index, line in enumerate(lines[:_FRONT_MATTER_LINES]):
        found = _JINA_FIELD.match(line)
        if found is None:
            if line.strip():
                break
            continue
        key, value = found.group(1).lower(), found.group(2).strip()
        if key == "markdown content":
            return FrontMatter(_page_meta(values), index + 1)
        if (field_name := _KEYS.get(key)) and value:
            values[field_name] = value
    return FrontMatter()


def leading_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` (all of them when it has fewer), as
    ``text.splitlines()[:count]`` gives them, splitting only as much of the text as they take."""
    size = 4_096
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count:  # the last line may be cut short, the first count are whole
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


# --- detection ---------------------------------------------------------------------------------

# (a link's target stops at the next bracket or space: every scan ends there, so the search
# stays linear on "](](](...")
_LINK_OR_IMAGE: Final = re.compile(r"\]\([^()\[\]\s]{1,2048}\)")
# A reference link ([text][ref]) counts only on a page that defines references: text-mode
# browsers write "[12][logo.png]" for a linked image.
_REFERENCE_LINK: Final = re.compile(r"\]\[[^\[\]\n]{0,100}\]")
_DEFINITION: Final = re.compile(r"^ {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S", re.M)
# The line signs are looked for after each line break (a search for a literal that the engine
# skips to), and at the text's start: a pattern anchored with ^ in multiline mode is tried at
# every character. (No sign spans a line break, so the counts are those of the ^ patterns.)
_STRONG_SIGN: Final = r" {0,3}(?:#{1,6}[ \t]+[^\W_]|=+[ \t]*$|\|? *:?-{3,}:? *\|[-:| ]*$)"
_STRONG_LINE: Final = re.compile("^" + _STRONG_SIGN, re.M)  # at the start (matched there only)
_STRONG_LINES: Final = re.compile("\n" + _STRONG_SIGN, re.M)  # after a line break
_RULE_SIGN: Final = r" {0,3}-{3,}[ \t]*$"
_RULE_LINE: Final = re.compile("^" + _RULE_SIGN, re.M)
_RULE_LINES: Final = re.compile("\n" + _RULE_SIGN, re.M)
_WEAK_MARK: Final = re.compile(r"\\[*_\[\]()#!.-]|\*\*\S|__\S")
DETECT_CHARS: Final = 65_536
STRONG: Final = 3
"""What one sure sign of Markdown counts (see :func:`markdown_signals`)."""


def line_signs(text: str, first: re.Pattern[str], others: re.Pattern[str]) -> int:
    """How many lines of ``text`` open with a sign: ``first`` matched at its start, ``others``
    (the same sign after a line break) found in it."""
    return (first.match(text) is not None) + len(others.findall(text))


# How front matter opens (after blank lines, or spaces: a superset of what front_matter reads);
# anchored at the text's start, where it is only ever matched.
_FRONT_MATTER_OPENING: Final = re.compile(
    r"\A\s*+(?:---|(?:Title|URL Source|Published Time|Markdown Content):)"
)


def _has_front_matter(head: str) -> bool:
    """Does ``head`` open with front matter (see :func:`front_matter`)? Its lines are split
    only when it opens as front matter does."""
    if _FRONT_MATTER_OPENING.match(head) is None:
        return False
    return front_matter(leading_lines(head[:_FRONT_MATTER_CHARS], _FRONT_MATTER_LINES)).start > 0


def _holds(text: str, literal: str) -> bool:
    """``literal in text``, asked of its first character first: a search for one character
    runs through Arabic text at memory speed, where one for two or three (``](``, ``---``)
    costs 1.5 ns a character (5 µs on a 3 KB page), and page text seldom holds ], * or _."""
    return literal[0] in text and literal in text


def markdown_signals(text: str) -> int:
    """How strongly ``text`` reads as Markdown, on its first 64 KB. Sure signs count
    :data:`STRONG` each: a link or image (``](url)``, or ``][ref]`` on a page that defines
    references), an ATX heading (``#`` and a
    word), a setext ``===`` underline, a table delimiter row, front matter (YAML or Jina
    Reader's header). Weaker ones (a ``---`` line, a backslash escape, ``**strong**``) count one
    each, two at most: alone they never make Markdown. Plain page text has none of the sure
    signs; its lists use the same ``*`` and ``-`` markers, so list markers are no signal."""
    head = text[:DETECT_CHARS]
    # Each pattern is run only when a character or pair it cannot match without is in the
    # text: plain page text has none of them, and a search for a literal costs far less.
    strong = len(_LINK_OR_IMAGE.findall(head)) if _holds(head, "](") else 0
    dashes = _holds(head, "---")
    # (ATX heading, setext rule, table delimiter row: the row holds a bar and three dashes, and
    # page text's menus and bylines hold bars without them)
    if "#" in head or "=" in head or ("|" in head and dashes):
        strong += line_signs(head, _STRONG_LINE, _STRONG_LINES)
    if _holds(head, "][") and "]:" in head and _DEFINITION.search(head):
        strong += len(_REFERENCE_LINK.findall(head))
    strong += _has_front_matter(head)
    weak = 0
    if dashes or "\\" in head or _holds(head, "**") or _holds(head, "__"):
        weak = min(line_signs(head, _RULE_LINE, _RULE_LINES) + len(_WEAK_MARK.findall(head)), 2)
    return STRONG * strong + weak


# --- block level -------------------------------------------------------------------------------

_FENCE: Final = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING: Final = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
# (runs of spaces matched from their first character: see _HARD_BREAK)
_CLOSING_HASHES: Final = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
_RULE: Final = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT: Final = re.compile(r"^ {0,3}(?:(=)+|(-)+)[ \t]*$")
_ITEM: Final = re.compile(r"^([ \t]*)(?:[-+*•]|\d{1,9}[.)])(?:[ \t]+|$)")
_QUOTE: Final = re.compile(r"^ {0,3}>[ \t]?")
# (each run of spaces or dashes has one place in the pattern: no two repeats can share it)
_DELIMITER_ROW: Final = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$"
)
_REFERENCE: Final = re.compile(r"^ {0,3}\[(?P<label>[^\]]{1,200})\]:[ \t]*<?(?P<url>[^\s>]+)>?")
# Pandoc's Markdown: a fenced div's fence (::: {.class}, and ::: alone closing it), which holds
# no text, and a heading's attributes (## Title {#id .class}).
_DIV_FENCE: Final = re.compile(r"^ {0,3}:{3,}")
# (a run of spaces is matched from its first character: see _HARD_BREAK)
_HEADING_ATTRIBUTES: Final = re.compile(r"(?<![ \t])[ \t]+\{[#.][^{}]{0,2048}\}[ \t]*$")
# A run of spaces is matched from its first character only ((?<! )): a search that tried each
# character of a long run would scan the rest of the run each time.
_HARD_BREAK: Final = re.compile(r"(?<! ) {2,}$|\\$")
_BREAK_TAG: Final = re.compile(r"<br\s*/?>", re.I)
_CELL_SPLIT: Final = re.compile(r"(?<!\\)\|")


@final
class Part:
    """What structure a piece is part of (see :class:`~arabic_extract.engine.blocks.Block`): its
    group (a list, a table, a quote) and the group's kind, its item or row, its cell."""

    __slots__ = ("cell", "container", "group", "item")

    def __init__(self, group: int = 0, container: str = "", item: int = 0, cell: int = 0) -> None:
        self.group: Final = group
        self.container: Final = container
        self.item: Final = item
        self.cell: Final = cell


NO_PART: Final = Part()


@final
class Piece:
    """A block of Markdown source before its inline syntax is read."""

    __slots__ = ("bullet", "heading", "part", "raw", "tag")

    def __init__(
        self, raw: str, tag: str, heading: int = 0, bullet: bool = False, part: Part = NO_PART
    ) -> None:
        self.raw: Final = raw
        self.tag: Final = tag
        self.heading: Final = heading
        self.bullet: Final = bullet
        self.part: Final = part


@dataclass
class _Reader:
    """The block-level pass: lines in, pieces out."""

    wrapped: bool
    pieces: list[Piece] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    tag: str = "p"
    level: int = 0
    bullet: bool = False
    part: Part = NO_PART
    ids: int = 0  # the last structure number given
    last: str = ""  # the kind of structure the last piece was part of ("" for none)
    marker: str = ""  # the last list item's marker ("*", "-", "1.")

    def flush(self) -> None:
        if self.paragraph:
            joined = " ".join(part.strip() for part in self.paragraph)
            piece = Piece(joined, self.tag, heading=self.level, bullet=self.bullet, part=self.part)
            self.pieces.append(piece)
            self.last = self.part.container
        self.paragraph = []
        self.tag, self.level, self.bullet, self.part = "p", 0, False, NO_PART

    def start(
        self, text: str, tag: str, *, level: int = 0, bullet: bool = False, part: Part = NO_PART
    ) -> None:
        self.flush()
        self.tag, self.level, self.bullet, self.part = tag, level, bullet, part
        self.add(text)

    def number(self) -> int:
        self.ids += 1
        return self.ids

    def enter(self, container: str, *, item: bool, marker: str = "") -> Part:
        """The part of a new piece of a list or quote: the current group when the last piece
        was of the same kind, with the same list marker (blank lines between list items are no
        break; another marker starts another list), else a new one; a new item when asked."""
        same = marker == self.marker
        self.marker = marker
        group = self.part.group if self.part.container == container and same else 0
        if not group and self.last == container and same and self.pieces:
            group = self.pieces[-1].part.group
        if not group:
            group = self.number()
        return Part(group, container, self.number() if item else 0)

    def add(self, text: str) -> None:
        """A line of the current block; a hard break (or, in a document that is not
        hard-wrapped, any line end) ends it."""
        if "<" in text:
            *lines, text = _BREAK_TAG.split(text)
            for line in lines:
                tag, level, bullet, part = self.tag, self.level, self.bullet, self.part
                self.paragraph.append(line)
                self.flush()
                self.tag, self.level, self.bullet, self.part = tag, level, bullet, part
        hard = _HARD_BREAK.search(text) is not None
        if text.strip():
            self.paragraph.append(text.rstrip("\\ \t"))
        if hard or not self.wrapped:
            self.flush()

    def heading(self, text: str, level: int) -> None:
        """A heading; in a hard-wrapped document the lines right below it continue it
        (html2text wraps headings too)."""
        self.start(text, f"h{level}", level=level)


def _heading(line: str) -> tuple[int, str] | None:
    found = _HEADING.match(line)
    if found is None:
        return None
    text = line[found.end() :]
    if text.endswith("}"):
        text = _HEADING_ATTRIBUTES.sub("", text)
    text = _CLOSING_HASHES.sub("", text)
    return len(found.group(1)), text.strip(" \t#")


_WRAP_MIN: Final = 40
_WRAP_MAX: Final = 120
# Wrapped: of the running lines, this share at least end within this share of the widest.
_NEAR_COLUMN: Final = 0.7
_NEAR_SHARE: Final = 0.6
# A document is also wrapped when it reads as a greedy wrapper writes (each word on the line if
# it fits) at some column (:func:`~arabic_extract.engine.reflow.greedy_pick`), from this many
# running lines of prose that fill it without room for the next line's first word: pandoc
# wraps at 72 by default and leaves longer what it cannot break (a long word, an HTML
# attribute, a link's address), so the widest line is not the column. pandoc's wrapped GFM and
# Markdown of the dev pages and fixtures: 5-98 such lines; unwrapped Markdown (html2text,
# markdownify, markitdown, pandoc without wrapping) has lines a wrapper would have broken past
# every column.
_WRAP_SAMPLE: Final = 5
# What a line of wrapped prose does not hold: a link's or an image's address, a tag, an
# attribute (pandoc wraps those too), a table's cell bar.
_NOT_PROSE: Final = ("](", "://", "<", ">", '="', "{", "}", "|")


def is_wrapped(lines: list[str]) -> bool:
    """Whether the document is hard-wrapped at a column (html2text's default is 78, pandoc's
    72): of the lines that run on into the next one (no blank line, no hard break between),
    most end near the same width. Lines holding a URL are left out: converters never break a
    URL, so those run past the column."""
    running: list[int] = []
    # running lines of prose (not list items, fences, HTML or attributes): their width, and
    # the width from which the next line's first word would have fit on them
    prose: list[tuple[int, int]] = []
    for line, following in pairwise(lines):
        if not line.strip() or not following.strip() or "](" in line or "://" in line:
            continue
        if _HARD_BREAK.search(line) is not None:
            continue
        width = len(line.rstrip())
        running.append(width)
        if (
            not any(mark in line for mark in _NOT_PROSE)
            and not _ITEM.match(line)
            and not _DIV_FENCE.match(line)
        ):
            word = following.split(maxsplit=1)[0]
            prose.append((width, width + 1 + len(word)))
    narrow = [width for width in running if width <= _WRAP_MAX]
    if len(running) < 4 or not narrow:
        return False
    column = max(narrow)
    near = sum(1 for width in narrow if width >= _NEAR_COLUMN * column)
    if column >= _WRAP_MIN and near >= _NEAR_SHARE * len(running):
        return True
    return _wrapped_below_widest(lines, prose)


def _wrapped_below_widest(lines: list[str], prose: list[tuple[int, int]]) -> bool:
    """:func:`is_wrapped` for a document whose column is not its widest running line, read as
    a greedy wrapper writes (see _WRAP_SAMPLE and :func:`~arabic_extract.engine.reflow.
    greedy_column`): ``prose`` holds each running line of prose's width and the width from
    which the next line's first word fits on it."""
    tallies = Tallies(_WRAP_MAX)
    for width, fits_from in prose:
        tallies.fills(width, fits_from)
    for line in lines:
        width = len(line.rstrip())
        if width <= _WRAP_MIN:
            continue
        text = line.strip()
        space = text.find(" ")
        if space >= 0 and not text.startswith("#") and not any(m in text for m in _NOT_PROSE):
            tallies.breakable(space, width, _WRAP_MIN)
    return greedy_pick(tallies, _WRAP_MIN, _WRAP_SAMPLE) is not None


def _table_cells(line: str) -> list[str]:
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip() for cell in _CELL_SPLIT.split(body)]


def read_pieces(lines: list[str]) -> tuple[list[Piece], LinkRefs]:
    """The block-level pass over a Markdown page's lines (front matter already cut)."""
    reader = _Reader(wrapped=is_wrapped(lines))
    refs: dict[str, str] = {}
    fence: str | None = None
    table = False
    group = 0  # the table being read
    underline = -1  # a setext underline already read with the line above it
    for index, raw in enumerate(lines):
        if index == underline:
            continue
        line = raw.replace("\t", "    ") if "\t" in raw[:8] else raw
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            elif line.strip():
                reader.pieces.append(Piece(line.strip(), "pre"))
            continue
        if not line.strip():
            reader.flush()
            if reader.last == "blockquote":  # a blank line ends a quote
                reader.last = ""
            table = False
            continue
        if found := _FENCE.match(line):
            reader.flush()
            fence = found.group(1)[0] * 3
            continue
        if table or (
            "|" in line
            and index + 1 < len(lines)
            and "-" in lines[index + 1]
            and _DELIMITER_ROW.match(lines[index + 1])
            and "|" in lines[index + 1]
        ):
            if not table:
                group = reader.number()
            table = _table_row(reader, line, header=not table, group=group)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _setext_title(reader, line, following):
            underline = index + 1
            continue
        _line(reader, line, refs)
    reader.flush()
    return reader.pieces, refs


def _setext_title(reader: _Reader, line: str, following: str) -> bool:
    """A line of text underlined by ``===`` or ``---`` is a heading (with the lines of its
    paragraph before it, in a hard-wrapped document)."""
    found = _SETEXT.match(following) if following[:4].strip()[:1] in ("=", "-") else None
    if found is None or reader.tag != "p" or not _plain(line):
        return False
    text = " ".join(part.strip() for part in [*reader.paragraph, line])
    reader.paragraph = []
    reader.heading(text, 1 if found.group(1) else 2)
    reader.flush()
    return True


def _plain(line: str) -> bool:
    """A line that opens no block of its own (heading, rule, item, quote, reference)."""
    return not (
        _HEADING.match(line)
        or _RULE.match(line)
        or _ITEM.match(line)
        or _QUOTE.match(line)
        or _REFERENCE.match(line)
        or _FENCE.match(line)
        or _DIV_FENCE.match(line)
    )


def _table_row(reader: _Reader, line: str, *, header: bool, group: int) -> bool:
    """A row of a pipe table: one block per cell (as the DOM path reads ``<td>``), the table
    numbered ``group``. False when the line ends the table."""
    if "|" not in line:
        reader.flush()
        _line(reader, line, {})
        return False
    reader.flush()
    if _DELIMITER_ROW.match(line) and "-" in line:
        return True
    row = reader.number()
    for cell in _table_cells(line):
        if cell:
            part = Part(group, "table", row, reader.number())
            reader.pieces.append(Piece(cell, "th" if header else "td", part=part))
    reader.last = "table"
    return True


def _line(reader: _Reader, line: str, refs: dict[str, str]) -> None:
    """One line outside fences and tables."""
    if _RULE.match(line) or _DIV_FENCE.match(line):
        reader.flush()
        return
    if (reference := _REFERENCE.match(line)) is not None:
        reader.flush()
        refs[reference.group("label").strip().lower()] = reference.group("url")
        return
    if (heading := _heading(line)) is not None:
        reader.heading(heading[1], heading[0])
        return
    quote = False
    while (found := _QUOTE.match(line)) is not None:
        line, quote = line[found.end() :], True
    if quote and (heading := _heading(line)) is not None:
        reader.heading(heading[1], heading[0])
        return
    item = _ITEM.match(line)
    if item is not None:
        text = line[item.end() :]
        while (inner := _ITEM.match(text)) is not None and inner.end() < len(text):
            text = text[inner.end() :]  # "*     * item": an item that opens a nested list
        marker = item.group().strip()
        ordered = marker[:1].isdigit()
        part = reader.enter("ol" if ordered else "ul", item=True, marker=marker[-1:])
        reader.start(text, "li", bullet=True, part=part)
        return
    if quote:
        if reader.tag != "blockquote":
            reader.start(line, "blockquote", part=reader.enter("blockquote", item=False))
        else:
            reader.add(line)
        return
    if reader.paragraph and reader.tag in ("li", "blockquote") and not line.startswith(" "):
        reader.flush()  # a lazy line after an item that is no continuation
    reader.add(line)


# --- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkdownPage:
    """A Markdown page read: its blocks, its images and its front matter."""

    blocks: list[Block]
    media: list[Media]
    front: FrontMatter


def markdown_blocks(text: str, max_chars: int) -> tuple[list[Block], FrontMatter]:
    """The blocks of a Markdown page and its front matter."""
    page = read_markdown(text, max_chars)
    return page.blocks, page.front


def _bold(raw: str) -> bool:
    """A block written all in bold: ``**...**`` or ``__...__`` around it, nowhere inside."""
    text = raw.strip()
    mark = text[:2]
    return mark in ("**", "__") and len(text) > 4 and text.endswith(mark) and mark not in text[2:-2]


def read_markdown(text: str, max_chars: int, *, spans: bool = False) -> MarkdownPage:
    """A Markdown page read into blocks (with their link runs, when ``spans``), its images
    as media, and its front matter."""
    lines = text.splitlines()
    front = front_matter(lines)
    pieces, refs = read_pieces(lines[front.start :])
    kept: list[Piece] = []
    inlines: list[Inline] = []
    after_image: list[bool] = []
    media: list[Media] = []
    image_before = False  # an image-only block stands right before this one
    for piece in pieces:
        segments = (
            [Inline(piece.raw)]
            if piece.tag == "pre"
            else render_inline(piece.raw, refs, spans=spans)
        )
        for inline in segments:
            for alt, src in inline.images:
                media.append(Media(len(kept), "img", src, alt=alt or None, group=piece.part.group))
            if not inline.text or (len(inline.text) < 4 and is_blank(inline.text)):
                image_before = image_before or inline.image
                continue
            kept.append(piece)
            inlines.append(inline)
            after_image.append(image_before or inline.image)
            image_before = False
    forms = matching_forms([inline.text for inline in inlines], max_chars)
    blocks = [
        Block(  # (in Block's order: a block per piece, keyword arguments cost a dictionary)
            index,
            inline.text,
            norm,
            piece.bullet or bullet,
            piece.tag,
            piece.heading,
            min(1.0, inline.link_chars / max(1, _letters(inline.text))),
            False,
            False,
            (),
            inline.links,
            after_image[index],
            piece.part.group,
            piece.part.container,
            piece.part.item,
            piece.part.cell,
            _bold(piece.raw),
            inline.spans,
        )
        for index, (piece, inline, (norm, bullet)) in enumerate(
            zip(kept, inlines, forms, strict=True)
        )
    ]
    return MarkdownPage(blocks, media, front)


def _letters(text: str) -> int:
    return len(text) - text.count(" ")
