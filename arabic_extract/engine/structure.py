"""Tables and lists inside the article: which of the page's tables and lists are the article's
own, decided before segmentation so that they never break the article's main run.

Blocks say what they are part of (:class:`~arabic_extract.engine.blocks.Block`: a group, its kind,
its item or row, its cell), as the DOM, the Markdown or the page text's layout shows it. A table's
cells are short and a list's items are titles of a few words: alone, each would read as a label
or a counter and cost the run, and a table of results between two paragraphs would cut the story
in two. The rules here look at a table or a list as a whole and give its blocks a body decision
when it is the article's (the reason names the rule); what they reject keeps the decisions the
passes gave it.

Tables:

- ``layout-table``: a table of fewer than two rows or columns, or with a cell longer than
  :attr:`~arabic_extract.config.ExtractionConfig.table_cell_max_words`, or holding headings,
  lays out the page rather than data; its blocks are read as any others (paragraphs).
- ``link-table``: a table most of whose cells are links is a box of other pages.
- ``data-table``: any other table that is not furniture (the DOM's share, related, sidebar...)
  and sits in the article (see *framing*) is the article's; its cells are body, and so is its
  note right under it (``table-note``: a short line opened by a footnote's mark or a note's
  label, :data:`~arabic_extract.rules.captions.TABLE_NOTE`).

Lists (``ul``/``ol``, bullets and numbered lines of page text):

- a list most of whose items are links (menus, related headlines), that sits in furniture, or
  one of whose items a noise family, a date or a byline claims (a list of teasers, a ticker) is
  not the article's; nor is a list of one item, or whose items hold several blocks (a list that
  lays out the page);
- ``article-list``: any other list that sits in the article is; its items are body.

Framing: a table or a list sits in the article when the line right before it introduces it
(``list-intro``: body text ending in ``:`` of at least ``list_intro_min_words`` words), or
body text stands right before and right after it (a caption or a subheading may stand between,
and under a table its note: ``*المبالغ بالمليون ريال``, ``المصدر: وزارة المالية``),
or, on HTML, the DOM places it in the article's container next to body text.

``intro-list``: page text that shows no bullets (BeautifulSoup's text, a browser's innerText)
still shows a list by the line that introduces it: after a ``list-intro`` line, the short lines
up to the next paragraph, another introduction, a caption, or a read-also or related box with the
story's text after it, are the list's items (at most ``intro_list_max_items``; a table's cells,
one a line, as BeautifulSoup writes them, are such items).
"""

from __future__ import annotations

from typing import Final, final

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.features import Features
from arabic_extract.rules import CLOSERS
from arabic_extract.rules.captions import TABLE_NOTE

DATA_TABLE: Final = "data-table"
ARTICLE_LIST: Final = "article-list"
INTRO_LIST: Final = "intro-list"
LIST_INTRO: Final = "list-intro"
LAYOUT_TABLE: Final = "layout-table"
LINK_TABLE: Final = "link-table"
TABLE_NOTE_REASON: Final = "table-note"
PARTS: Final = frozenset({DATA_TABLE, ARTICLE_LIST, INTRO_LIST, TABLE_NOTE_REASON})
"""Reasons of the blocks of a table or list taken as the article's."""
STRUCTURAL: Final = PARTS | {LIST_INTRO}
"""...and of the line that introduces one: segmentation keeps them in the run."""

_LISTS: Final = frozenset({"ul", "ol"})
# Reasons of blocks that may be items of an article's list or cells of its table: what the
# passes say of short lines alone (a label, a number, a run of them).
_ITEM_NOISE: Final = frozenset(
    {"short", "title-like", "near-prose", "menu", "headline-list", "counter", "no-letters"}
)
# What ends a sentence that introduces a list ("على النحو التالي:").
_INTRO_MARKS: Final = frozenset(":：")


def is_part(dec: Decision) -> bool:
    """Is this block part of a table or list taken as the article's, or the line introducing
    one? (Segmentation keeps these in the run.)"""
    return any(reason in STRUCTURAL for reason in dec.reasons)


@final
class Group:
    """A table or list of the page: its blocks (indices, in page order) and its kind."""

    __slots__ = ("blocks", "container")

    def __init__(self, container: str, blocks: list[int]) -> None:
        self.container: Final = container
        self.blocks: Final = blocks


def groups_of(blocks: list[Block]) -> list[Group]:
    """The tables and lists of the page, in order of their first block (each block in its
    innermost one)."""
    found: dict[int, Group] = {}
    for block in blocks:
        if block.group and (block.container == "table" or block.container in _LISTS):
            group = found.get(block.group)
            if group is None:
                group = found[block.group] = Group(block.container, [])
            group.blocks.append(block.position)
    return list(found.values())


def ends_with_colon(block: Block) -> bool:
    """Does the block's text end with a colon (closing quotes aside)?"""
    return block.norm.rstrip(CLOSERS)[-1:] in _INTRO_MARKS


def introduces(block: Block, feat: Features, dec: Decision, config: ExtractionConfig) -> bool:
    """A body line that introduces what follows: a sentence ending in ':'."""
    return (
        dec.is_body
        and feat.words >= config.list_intro_min_words
        and not block.group
        and ends_with_colon(block)
    )


class _Framing:
    """What stands around a table or a list."""

    def __init__(
        self,
        blocks: list[Block],
        feats: list[Features],
        decs: list[Decision],
        config: ExtractionConfig,
    ) -> None:
        self.blocks = blocks
        self.feats = feats
        self.decs = decs
        self.config = config

    def text(self, i: int) -> bool:
        """Body text, or a part of a table or list already taken."""
        dec = self.decs[i]
        return (dec.cls == "good" and dec.is_body) or any(r in PARTS for r in dec.reasons)

    def _passable(self, i: int) -> bool:
        """A caption or a subheading, which may stand between a table and the text (a
        heading ending in ':' heads what follows: a box's list when it is short)."""
        block = self.blocks[i]
        return self.decs[i].label is labels.CAPTION or (
            block.heading > 0 and self.decs[i].is_body and not ends_with_colon(block)
        )

    def before(self, first: int) -> int | None:
        """The block before ``first`` past captions and subheadings (None: none)."""
        i = first - 1
        while i >= 0 and first - i <= 3 and self._passable(i) and not self.intro(i):
            i -= 1
        return i if i >= 0 else None

    def after(self, last: int, *, table: bool = False) -> int | None:
        """The block after ``last`` past captions and subheadings, and a table's note right
        under it (None: none)."""
        i = last + 1
        if table and i < len(self.blocks) and table_note(self.blocks[i], self.feats[i]):
            i += 1
        while i < len(self.blocks) and i - last <= 3 and self._passable(i):
            i += 1
        return i if i < len(self.blocks) else None

    def intro(self, i: int) -> bool:
        return introduces(self.blocks[i], self.feats[i], self.decs[i], self.config)

    def framed(self, members: list[int], *, table: bool = False) -> bool:
        """Does the table or list of these blocks (in page order) sit in the article?"""
        first, last = members[0], members[-1]
        before = self.before(first)
        if before is not None and self.intro(before):
            return True
        text_before = before is not None and self.text(before)
        after = self.after(last, table=table)
        text_after = after is not None and self.text(after)
        if text_before and text_after:
            return True
        inside = all(self.blocks[k].in_article for k in members)
        return inside and (text_before or text_after)


def table_note(block: Block, feat: Features) -> bool:
    """The note under a table (its unit, its data's source): a short line opened by a
    footnote's mark (*المبالغ بالمليون ريال) or by a note's label (TABLE_NOTE)."""
    if block.group or feat.words > TABLE_NOTE_WORDS:
        return False
    return block.text.lstrip()[:1] in _FOOTNOTE_MARKS or TABLE_NOTE.match(block.norm) is not None


# The most words of a table's note, and the marks that open a footnote.
TABLE_NOTE_WORDS: Final = 12
_FOOTNOTE_MARKS: Final = frozenset("*※†")


def _cells(blocks: list[Block], group: Group) -> dict[int, dict[int, int]]:
    """A table's rows (by row number, in order): each row's cells and their words."""
    rows: dict[int, dict[int, int]] = {}
    for k in group.blocks:
        block = blocks[k]
        cells = rows.setdefault(block.item, {})
        cells[block.cell] = cells.get(block.cell, 0) + len(block.norm.split())
    return rows


def _not_a_cell(block: Block) -> bool:
    """A block of a table that is no cell's text (a heading, text between rows); a table's
    <caption> is its title."""
    return block.heading > 0 or (not block.cell and block.tag != "caption")


def table_kind(blocks: list[Block], group: Group, config: ExtractionConfig) -> str | None:
    """``layout-table``, ``link-table``, or None for a table whose shape is data's."""
    rows = _cells(blocks, group)
    wide = sum(1 for row, cells in rows.items() if row and len(cells) >= 2)
    if (
        wide < 2
        or wide * 2 < len(rows)
        or any(_not_a_cell(blocks[k]) for k in group.blocks)
        or any(
            words > config.table_cell_max_words
            for cells in rows.values()
            for words in cells.values()
        )
    ):
        return LAYOUT_TABLE
    linked = sum(1 for k in group.blocks if blocks[k].link_density > config.max_link_density)
    if linked * 2 > len(group.blocks):
        return LINK_TABLE
    return None


def _claimed(dec: Decision) -> bool:
    """A block that is not an item's or a cell's text: a noise family or the DOM's furniture
    claims it, or it is a date, a byline, a source or tags."""
    if dec.label is not labels.BODY and dec.label is not labels.NOISE:
        return True
    return dec.cls == "bad" and not all(r in _ITEM_NOISE or r == "repeated" for r in dec.reasons)


def list_taken(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    group: Group,
    config: ExtractionConfig,
) -> bool:
    """Whether a list's shape and items are an article's (its place is checked apart)."""
    items: dict[int, int] = {}
    for k in group.blocks:
        items[blocks[k].item] = items.get(blocks[k].item, 0) + 1
    if len(items) < 2 or any(count > 1 for count in items.values()) or 0 in items:
        return False
    linked = sum(1 for k in group.blocks if blocks[k].link_density > config.max_link_density)
    if linked * 2 > len(group.blocks):
        return False
    return not any(blocks[k].dom_noise or _claimed(decs[k]) for k in group.blocks)


def _take(decs: list[Decision], out: list[Decision], indices: list[int], reason: str) -> None:
    for k in indices:
        dec = decs[k]
        if dec.cls == "good":
            out[k] = Decision("good", labels.BODY, (*dec.reasons, reason))
        else:
            out[k] = Decision("near", labels.BODY, (reason,))


def _mark_intro(decs: list[Decision], out: list[Decision], framing: _Framing, first: int) -> None:
    before = framing.before(first)
    if before is not None and framing.intro(before) and LIST_INTRO not in decs[before].reasons:
        dec = out[before]
        out[before] = Decision(dec.cls, dec.label, (*dec.reasons, LIST_INTRO))


def mark_structures(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """The decisions with the article's tables and lists taken as body (see the module)."""
    out = list(decs)
    framing = _Framing(blocks, feats, out, config)
    for group in groups_of(blocks):
        first = group.blocks[0]
        if group.container == "table":
            kind = table_kind(blocks, group, config)
            if kind is not None:
                for k in group.blocks:
                    out[k] = Decision(out[k].cls, out[k].label, (*out[k].reasons, kind))
                continue
            furniture = any(blocks[k].dom_noise for k in group.blocks)
            if furniture or not framing.framed(group.blocks, table=True):
                continue
            _take(decs, out, group.blocks, DATA_TABLE)
            note = group.blocks[-1] + 1
            if note < len(blocks) and table_note(blocks[note], feats[note]):
                _take(decs, out, [note], TABLE_NOTE_REASON)
        elif list_taken(blocks, feats, decs, group, config) and framing.framed(group.blocks):
            _take(decs, out, group.blocks, ARTICLE_LIST)
        else:
            continue
        _mark_intro(decs, out, framing, first)
    return _intro_lists(blocks, feats, out, config)


def _intro_lists(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """Short lines after a line that introduces them, in page text that shows no bullets."""
    out = list(decs)
    framing = _Framing(blocks, feats, decs, config)
    n = len(blocks)
    for i in range(n - 2):
        tail = blocks[i].norm[-4:]  # (a cheap look first: few lines end in a colon)
        if (":" not in tail and "：" not in tail) or blocks[i + 1].group or not framing.intro(i):
            continue
        j = i + 1
        while (
            j < n
            and j - i - 1 < config.intro_list_max_items
            and _item_line(blocks[j], decs[j], config)
        ):
            j += 1
        if j - i - 1 < 2 or j == n:
            continue
        closing = all(blocks[k].text.rstrip()[-1:] in _ITEM_ENDS for k in range(i + 1, j))
        after = framing.text(j) or framing.intro(j) or decs[j].label is labels.CAPTION
        if not (after or closing or _box_before_text(decs, framing, j, config)):
            continue  # (items that each end a sentence may close the article: no text after)
        _take(decs, out, list(range(i + 1, j)), INTRO_LIST)
        if LIST_INTRO not in out[i].reasons:
            out[i] = Decision(out[i].cls, out[i].label, (*out[i].reasons, LIST_INTRO))
    return out


def _box_before_text(
    decs: list[Decision], framing: _Framing, j: int, config: ExtractionConfig
) -> bool:
    """A read-also or related box right after a list's items (a table's cells, one a line),
    and the story's text right after the box: the box sits inside the article (segmentation
    cuts it out), the items are the story's."""
    if not any(reason in _INLINE_BOXES for reason in decs[j].reasons):
        return False
    last = min(len(decs), j + 2 + config.inline_box_items)
    return any(framing.text(k) for k in range(j + 1, last))


# Headers of boxes of other pages that sit inside an article (segment.OTHER_ARTICLE's boxes).
_INLINE_BOXES: Final = frozenset({"read-also", "related"})
# What the items of a list of sentences end with (a menu's or a related list's never do).
_ITEM_ENDS: Final = frozenset(".؛;!؟?")


def _item_line(block: Block, dec: Decision, config: ExtractionConfig) -> bool:
    """A line that may be an item of a list that shows no bullets: short, not in a structure,
    not ending in ':' (another introduction), and no family or label claims it."""
    return (
        dec.cls != "good"
        and not block.group
        and block.link_density <= config.max_link_density
        and not block.dom_noise
        and not ends_with_colon(block)
        and not _claimed(dec)
    )
