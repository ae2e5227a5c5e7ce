"""The article as typed content: its body blocks grouped into paragraphs, subheadings, lists,
tables and quotes, with its figures and (on request) its embeds, in page order; and the body's
lines, derived from that content.

The grouping reads what the blocks say they are part of
(:class:`~arabic_extract.engine.blocks.Block`: group, kind, item, cell), as the walk of the DOM,
the Markdown reader and the page text's reflow set it; nothing is parsed again:

- a table the structure rules took as data (``data-table``) is a table: its rows in order, each
  cell's blocks joined; its first row is the header when all its cells are ``<th>`` (a Markdown
  table's first row);
- the body blocks of a list (``ul``/``ol``, bullets, numbered lines) are its items, unless an item
  holds several blocks (a list laying out the page: its blocks are paragraphs); lines a
  ``list-intro`` introduces in page text that shows no bullets (``intro-list``) are a list too;
- a block of a ``<blockquote>`` (a ``> `` block) is a quote; a heading block is a subheading (an
  ``<h1>`` in the body is level 2); any other body block is a paragraph, bold when the page
  writes it all in bold (an interview's question);
- a figure is a caption the fields found between the headline and the end of the body (but a
  short line above the text that only its place made a caption, with no image), with the
  image of its figure (or the image right before it) and its photo credit; or an image between
  two body blocks, without a caption;
- an embed (``config.embeds``) is an embedded post (a tweet's blockquote, a post's text and
  signature in page text) or a player or iframe inside the body.

The body (:attr:`~arabic_extract.model.Article.paragraphs`) is read back from the content: one
line per paragraph, subheading, quote and list item; a table row is one line, its cells joined
by ``" | "`` (the header row too); a figure gives none (its caption is in ``captions``) except on
a gallery page, whose captions are its body; an embed gives its text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block, LinkRun, Media, bullet_end
from arabic_extract.engine.captions import split_caption
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.structure import DATA_TABLE, INTRO_LIST
from arabic_extract.model import (
    ContentNode,
    EmbedKind,
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

CELL_SEPARATOR: Final = " | "
"""What joins a table row's cells into one line of the body."""

_LISTS: Final = frozenset({"ul", "ol"})
_EMBEDDED: Final = frozenset({"embed"})
# How many blocks above the headline a captioned figure may stand (a picture above the title).
_ABOVE_HEADLINE: Final = 2
_POST_KINDS: Final[Mapping[str, EmbedKind]] = MappingProxyType({"tweet": "tweet", "post": "post"})


def spans_of(runs: tuple[LinkRun, ...], cut: int = 0) -> list[Span]:
    """A block's runs as spans, without its first ``cut`` characters (a bullet)."""
    out: list[Span] = []
    for text, href in runs:
        if cut >= len(text):
            cut -= len(text)
            continue
        piece = text[cut:]
        cut = 0
        if piece:
            out.append(Span(text=piece, href=href))
    if out and not out[0].text.strip():
        out.pop(0)
    elif out and out[0].text[:1].isspace():  # the space after a bullet
        out[0] = Span(text=out[0].text.lstrip(), href=out[0].href)
    return out


def _item(block: Block) -> ListItem:
    """A list item: its text without a bullet or number, and its spans."""
    cut = bullet_end(block.text) if block.bullet else 0
    text = block.text[cut:].strip() or block.text
    return ListItem(text=text, spans=spans_of(block.spans, cut) if block.spans else [])


def _table(blocks: list[Block]) -> TableNode:
    """A table from its cells' blocks: rows in order, each cell's blocks joined."""
    rows: dict[int, dict[int, list[Block]]] = {}
    for block in blocks:
        rows.setdefault(block.item, {}).setdefault(block.cell, []).append(block)
    table = [[" ".join(b.text for b in cell) for cell in cells.values()] for cells in rows.values()]
    head = next(iter(rows.values()), {})
    if len(table) > 1 and all(b.tag == "th" for cell in head.values() for b in cell):
        return TableNode(header=table[0], rows=table[1:])
    return TableNode(header=None, rows=table)


def layout_lists(blocks: list[Block]) -> frozenset[int]:
    """The lists (group numbers) that lay out the page rather than list items: one item, or
    an item holding several blocks. Their blocks are paragraphs."""
    items: dict[int, dict[int, int]] = {}
    for block in blocks:
        if block.container in _LISTS:
            counts = items.setdefault(block.group, {})
            counts[block.item] = counts.get(block.item, 0) + 1
    return frozenset(
        group
        for group, counts in items.items()
        if len(counts) < 2 or 0 in counts or any(n > 1 for n in counts.values())
    )


def _block_node(block: Block, gallery: bool, images: dict[int, Media]) -> ContentNode:
    """The node of a body block that stands alone."""
    if block.container == "blockquote":
        return QuoteNode(text=block.text, spans=spans_of(block.spans) if block.spans else [])
    if gallery and block.in_caption:
        caption, credit = split_caption(block)
        image = images.get(block.group) if block.group else None
        return FigureNode(
            src=image.src if image else None,
            alt=image.alt if image else None,
            caption=caption,
            credit=credit,
        )
    if block.heading:
        return HeadingNode(level=min(6, max(2, block.heading)), text=block.text)
    return ParagraphNode(
        text=block.text, bold=block.bold, spans=spans_of(block.spans) if block.spans else []
    )


class _Builder:
    """Collects the nodes, each with where it stands (twice a block's index; an image
    standing before a block, one less)."""

    def __init__(self, blocks: list[Block], decs: list[Decision], media: list[Media]) -> None:
        self.blocks = blocks
        self.decs = decs
        self.media = media
        self.nodes: list[tuple[int, ContentNode]] = []
        self.body = [i for i, d in enumerate(decs) if d.is_body]

    def add(self, anchor: int, node: ContentNode) -> None:
        self.nodes.append((anchor, node))

    def body_nodes(self, gallery: bool) -> None:
        """The nodes of the body blocks, tables and lists gathered."""
        blocks, decs, body = self.blocks, self.decs, self.body
        layouts = layout_lists(blocks)
        images = {m.group: m for m in self.media if m.group and m.kind == "img"}
        k = 0
        while k < len(body):
            block = blocks[body[k]]
            j = k + 1
            if block.container == "table" and DATA_TABLE in decs[body[k]].reasons:
                while j < len(body) and blocks[body[j]].group == block.group:
                    j += 1
                self.add(2 * block.position, _table([blocks[i] for i in body[k:j]]))
            elif block.container in _LISTS and block.group not in layouts:
                while j < len(body) and blocks[body[j]].group == block.group:
                    j += 1
                self._list(body[k:j], ordered=block.container == "ol")
            elif INTRO_LIST in decs[body[k]].reasons:
                while (
                    j < len(body)
                    and INTRO_LIST in decs[body[j]].reasons
                    and body[j] == body[j - 1] + 1
                ):
                    j += 1
                self._list(body[k:j], ordered=False)
            else:
                self.add(2 * block.position, _block_node(block, gallery, images))
            k = j

    def _list(self, indices: list[int], *, ordered: bool) -> None:
        items = [_item(self.blocks[i]) for i in indices]
        numbered = all(self.blocks[i].bullet and self.blocks[i].text[:1].isdigit() for i in indices)
        self.add(2 * indices[0], ListNode(ordered=ordered or numbered, items=items))

    def figures(self) -> None:
        """Captioned figures from the headline to the end of the body, and images between
        body blocks."""
        blocks, decs, body = self.blocks, self.decs, self.body
        first, last = body[0], body[-1]
        top = next((i for i in range(first - 1, -1, -1) if decs[i].label is labels.HEADLINE), first)
        used: set[int] = set()
        by_group = {m.group: k for k, m in enumerate(self.media) if m.kind == "img" and m.group}
        by_place = {
            m.position: k for k, m in enumerate(self.media) if m.kind == "img" and not m.group
        }
        for i in range(max(0, top - _ABOVE_HEADLINE), min(len(blocks), last + 2)):
            if decs[i].label is not labels.CAPTION or decs[i].reasons == ("photo-credit",):
                continue
            block = blocks[i]
            found = by_group.get(block.group) if block.group else by_place.get(i)
            if found is None and decs[i].reasons == ("pre-body-caption",):
                continue  # a short line above the text, not shown to be a caption
            image = self.media[found] if found is not None else None
            if found is not None:
                used.add(found)
            caption, credit = split_caption(block)
            if credit is None and i + 1 < len(blocks) and decs[i + 1].reasons == ("photo-credit",):
                credit = blocks[i + 1].text
            figure = FigureNode(
                src=image.src if image else None,
                alt=image.alt if image else None,
                caption=caption,
                credit=credit,
            )
            self.add(2 * i, figure)
        for k, medium in enumerate(self.media):
            if (
                medium.kind == "img"
                and k not in used
                and medium.src
                and first < medium.position <= last
            ):
                self.add(2 * medium.position - 1, FigureNode(src=medium.src, alt=medium.alt))

    def embeds(self) -> None:
        """Embedded posts and players inside the article."""
        blocks, decs, body = self.blocks, self.decs, self.body
        first, last = body[0], body[-1]
        posts: dict[int, list[int]] = {}
        for i in range(first, min(len(blocks), last + 2)):
            if blocks[i].container == "embed":
                posts.setdefault(blocks[i].group, []).append(i)
        for medium in self.media:
            if medium.kind in _POST_KINDS and medium.group in posts:
                texts = [
                    blocks[i].text
                    for i in posts[medium.group]
                    if "embed-signature" not in decs[i].reasons
                ]
                kind = _POST_KINDS[medium.kind]
                node = EmbedNode(kind=kind, url=medium.src, text=" ".join(texts) or None)
                self.add(2 * posts[medium.group][0], node)
            elif medium.kind in ("video", "iframe") and first < medium.position <= last + 1:
                kind = "video" if medium.kind == "video" else "iframe"
                self.add(2 * medium.position - 1, EmbedNode(kind=kind, url=medium.src))
        i = first
        while i <= min(len(blocks) - 1, last + 1):
            if _EMBEDDED.intersection(decs[i].reasons) and not blocks[i].group:
                j = i
                while j + 1 < len(blocks) and _EMBEDDED.intersection(decs[j + 1].reasons):
                    j += 1
                text = " ".join(blocks[k].text for k in range(i, j + 1))
                self.add(2 * i, EmbedNode(kind="post", text=text))
                i = j
            i += 1

    def content(self) -> list[ContentNode]:
        return [node for _, node in sorted(self.nodes, key=lambda pair: pair[0])]


def build_content(
    blocks: list[Block],
    decs: list[Decision],
    media: list[Media],
    *,
    gallery: bool,
    embeds: bool,
) -> list[ContentNode]:
    """The article's content (see the module); empty when it has no body."""
    builder = _Builder(blocks, decs, media)
    if not builder.body:
        return []
    builder.body_nodes(gallery)
    if not gallery:
        builder.figures()
    if embeds:
        builder.embeds()
    return builder.content()


def body_lines(content: list[ContentNode], *, gallery: bool) -> list[str]:
    """The body's lines, read back from the content (see the module)."""
    lines: list[str] = []
    for node in content:
        if isinstance(node, (ParagraphNode, HeadingNode, QuoteNode)):
            lines.append(node.text)
        elif isinstance(node, ListNode):
            lines.extend(item.text for item in node.items)
        elif isinstance(node, TableNode):
            rows = [node.header, *node.rows] if node.header else node.rows
            lines.extend(CELL_SEPARATOR.join(row) for row in rows)
        elif isinstance(node, FigureNode):
            if gallery and node.caption:
                lines.append(node.caption)
        elif node.text:
            lines.append(node.text)
    return lines
