"""The unit of work: a block of page text, from a line of plain text or an element of HTML."""

from __future__ import annotations

from typing import Final, final

import regex

from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.normalize import fold, fold_lines, is_blank, is_spaced, normalize

# A leading list marker: bullets, dashes and stars that scrapers and renderers put before items.
# (a plus or a dash touching a digit is a sign, no marker: +2.4%, -0.8 in a table's cells)
BULLET: Final = regex.compile(
    r"^[\s\u200e\u200f]*(?:[•●◦▪▫■□►▶◄◀·∙‣⁃*»]|[+\-–—](?!\d)|\d{1,2}[.)](?=\s))+\s*"
)


_BULLET_STARTS: Final = frozenset(" \u200e\u200f•●◦▪▫■□►▶◄◀·∙‣⁃*+-–—»0123456789")
# No character of _BULLET_STARTS lies between these code points (past Latin-1's », up to the
# marks of direction): a line that opens with one, an Arabic letter for most, opens with no
# marker, told without making (and hashing) a string of its first character.
_NO_BULLET_FROM: Final = 0xBC
_NO_BULLET_TO: Final = 0x200D

LinkRun = tuple[str, str | None]
"""A run of a block's text and the link it is (None: plain text)."""


# The pipeline's records (Block, Features, Decision) are final slotted classes with Final
# fields: immutable, and C structs when mypyc compiles the pipeline (see setup.py).
@final
class Block:
    """One block of the page. ``text`` is the original; the other fields are for matching.

    DOM fields keep their defaults for plain-text input. The structure fields say what the block
    is part of, as the DOM, the Markdown or the page text's layout shows it: ``group`` numbers
    the innermost list, table, quote, figure or embed it sits in (0: none) and ``container``
    names its kind (``ul``, ``ol``, ``table``, ``blockquote``, ``figure``, ``embed``);
    ``item`` numbers its list item or table row, ``cell`` its table cell (0: none). Numbers are
    unique on a page. ``bold`` says the whole block is bold; ``spans`` are its plain runs and
    links (text and href, joined they are ``text``), kept only when asked (config.links) and
    only for a block with a link.
    """

    __slots__ = (
        "after_image",
        "bold",
        "bullet",
        "cell",
        "container",
        "dom_noise",
        "group",
        "heading",
        "in_article",
        "in_caption",
        "item",
        "link_density",
        "links",
        "norm",
        "position",
        "spans",
        "tag",
        "text",
    )

    # Positional arguments are allowed: the DOM walk makes a block per element and passes them
    # in order (keyword arguments cost a dictionary per call: 5 % of an HTML page's time).
    def __init__(  # noqa: PLR0917
        self,
        position: int,
        text: str,
        norm: str,
        bullet: bool,
        tag: str | None = None,
        heading: int = 0,
        link_density: float = 0.0,
        in_article: bool = False,
        in_caption: bool = False,
        dom_noise: tuple[str, ...] = (),
        links: tuple[str, ...] = (),
        after_image: bool = False,
        group: int = 0,
        container: str = "",
        item: int = 0,
        cell: int = 0,
        bold: bool = False,
        spans: tuple[LinkRun, ...] = (),
    ) -> None:
        self.position: Final = position
        self.text: Final = text
        self.norm: Final = norm
        self.bullet: Final = bullet
        self.tag: Final = tag
        self.heading: Final = heading
        self.link_density: Final = link_density
        self.in_article: Final = in_article
        self.in_caption: Final = in_caption
        self.dom_noise: Final = dom_noise
        self.links: Final = links
        self.after_image: Final = after_image
        self.group: Final = group
        self.container: Final = container
        self.item: Final = item
        self.cell: Final = cell
        self.bold: Final = bold
        self.spans: Final = spans

    def __repr__(self) -> str:
        return f"Block({self.position}, {self.text!r}, tag={self.tag!r})"


# The bullets of BULLET (no space, digit or mark of direction).
_BULLET_SIGNS: Final = frozenset("•●◦▪▫■□►▶◄◀·∙‣⁃*+-–—»")


def bullet_end(text: str) -> int:
    """Where the text starts after a leading list marker (0 when it has none)."""
    if not text:
        return 0
    first = text[0]
    if first in _BULLET_SIGNS:
        # The common items, told without the pattern (a call of it cost 20-40 times these
        # tests): one bullet and a letter ("•خبر"), or one bullet, a space and a letter or
        # digit ("• خبر"). A letter is no bullet and no digit, so the bullets end before it; a
        # letter or digit is no white space, so the spaces after the bullet end before it.
        if len(text) == 1:
            return 1
        second = text[1]
        if second.isalnum() and not second.isdigit():
            return 1
        if second == " " and len(text) > 2 and text[2].isalnum():
            return 2
    elif first.isdigit() and "." not in text[1:3] and ")" not in text[1:3]:
        return 0  # a number that is no item's (1. , 12) ): dates, counts; no pattern run
    if first not in _BULLET_STARTS:
        return 0
    marker = BULLET.match(text, None, None, KEEP_GIL)
    return marker.end() if marker is not None else 0


def strip_bullet(text: str) -> str:
    """The text without a leading list marker."""
    return text[bullet_end(text) :].strip()


def matching_form(text: str, max_chars: int) -> tuple[str, bool]:
    """One text's normalised form after any list marker, and whether it has one; matching
    uses at most ``max_chars`` characters of the text."""
    probe = text if len(text) <= max_chars else text[:max_chars]
    start = bullet_end(probe)
    return normalize(probe[start:]), start > 0


def matching_forms(texts: list[str], max_chars: int) -> list[tuple[str, bool]]:
    """For each text (one line, trimmed, not empty): its normalised form after any list marker,
    and whether it has one; as :func:`matching_form` gives them.

    The texts are folded in one pass (see :func:`~arabic_extract.engine.normalize.fold`), not one by
    one; a text over ``max_chars`` or with an unusual marker is normalised on its own.
    """
    # (a text over max_chars is matched on its first max_chars characters: matching_form)
    folded, unspaced = fold_lines("\n".join(t if len(t) <= max_chars else "" for t in texts))
    if len(folded) != len(texts):  # a text held a line break after all
        folded = [fold(text) if len(text) <= max_chars else "" for text in texts]
        unspaced = set(range(len(texts)))
    forms: list[tuple[str, bool]] = []
    for k in range(len(texts)):  # (indexes: no zip object and no tuple per line)
        text = texts[k]
        code = ord(text[0])
        marker = (
            0
            if _NO_BULLET_FROM <= code <= _NO_BULLET_TO or text[0] not in _BULLET_STARTS
            else bullet_end(text)
        )
        if len(text) > max_chars or (marker and not text[:marker].isprintable()):
            forms.append(matching_form(text, max_chars))
            continue
        # the marker folds one character to one; a line spaced already (see fold_lines) is
        # not split again: only what follows a marker may start with a space
        line = folded[k][marker:] if marker else folded[k]
        if k in unspaced or (marker and line.startswith(" ")):
            line = _spaced(line)
        forms.append((line, marker > 0))
    return forms


def _spaced(line: str) -> str:
    """``" ".join(line.split())``: most lines are spaced so already (:func:`is_spaced`), and
    are returned without being split."""
    return line if is_spaced(line) else " ".join(line.split())


def line_blocks(lines: list[str], max_chars: int, rows: list[int] | None = None) -> list[Block]:
    """The blocks of page text: one per line (trimmed, not blank; see
    :func:`arabic_extract.engine.reflow.text_lines`). With ``rows`` (each line's table row, 0: none:
    :func:`arabic_extract.engine.reflow.text_rows`), the structure page text shows is kept: the
    cells of consecutive rows make a table, consecutive lines opened by a bullet or a number a list
    (see :class:`Block`)."""
    kept = [k for k, line in enumerate(lines) if not (len(line) < 4 and is_blank(line))]
    texts = [lines[k] for k in kept]
    forms = matching_forms(texts, max_chars)
    if rows is None:
        return [
            Block(index, line, norm, bullet)
            for index, (line, (norm, bullet)) in enumerate(zip(texts, forms, strict=True))
        ]
    return _structured(texts, forms, [rows[k] for k in kept])


def _structured(texts: list[str], forms: list[tuple[str, bool]], rows: list[int]) -> list[Block]:
    """Page text's blocks with the tables and lists its lines show (see :func:`line_blocks`)."""
    blocks: list[Block] = []
    ids = 0  # the last structure number given; rows are numbered apart, as items
    group, container, last_row, item, marker = 0, "", 0, 0, ""
    for index, (line, (norm, bullet), row) in enumerate(zip(texts, forms, rows, strict=True)):
        kind = "table" if row else ("ol" if line.lstrip()[:1].isdigit() else "ul") if bullet else ""
        # a list's items share their marker: lines opened by "*" and "-" in turn are an
        # interview's questions and answers
        mark = line.lstrip()[:1] if kind == "ul" else ""
        if kind != container or (kind == "table" and row < last_row) or mark != marker:
            group = 0
        marker = mark
        if kind and not group:
            ids += 1
            group = ids
        container = kind
        if kind and (kind != "table" or row != last_row):
            ids += 1
            item = ids
        last_row = row
        cell = 0
        if kind == "table":
            ids += 1
            cell = ids
        if not kind:  # most lines: the defaults, the cheap call
            blocks.append(Block(index, line, norm, bullet))
            continue
        blocks.append(
            Block(index, line, norm, bullet, group=group, container=kind, item=item, cell=cell)
        )
    return blocks


def link_runs(pieces: list[str], hrefs: list[str | None]) -> tuple[LinkRun, ...]:
    """The runs of the text that ``pieces`` make once white space is collapsed (as
    ``" ".join("".join(pieces).split())``), each with the link it belongs to: ``hrefs[k]`` is
    piece ``k``'s (None: plain text). Consecutive pieces of one link (or of plain text) make
    one run; the spaces between runs go with the plain text (a run of their own between two
    links). Joined, the runs' texts are the block's text."""
    merged: list[tuple[list[str], str | None]] = []
    for piece, href in zip(pieces, hrefs, strict=True):
        if merged and merged[-1][1] == href:
            merged[-1][0].append(piece)
        else:
            merged.append(([piece], href))
    texts: list[str] = []  # the runs so far, and their links
    links: list[str | None] = []
    space = False  # white space since the last run
    for parts, href in merged:
        raw = "".join(parts)
        shown = " ".join(raw.split())
        if not shown:
            space = space or bool(raw)
            continue
        if texts and (space or raw[0].isspace()):
            if links[-1] is None:
                texts[-1] += " "
            elif href is None:
                shown = " " + shown
            else:
                texts.append(" ")
                links.append(None)
        if texts and links[-1] is None and href is None:
            texts[-1] += shown
        else:
            texts.append(shown)
            links.append(href)
        space = raw[-1].isspace()
    return tuple(zip(texts, links, strict=True))


@final
class Media:
    """An image, a player or an embedded post of the page, which is no block of text: where it
    stands (before, or inside, block ``position``), the group it sits in (a figure, an embed:
    see :class:`Block`), what it is (``img``, ``video``, ``iframe``, ``tweet``, ``post``), its
    address and alternative text as written."""

    __slots__ = ("alt", "group", "kind", "position", "src")

    def __init__(
        self, position: int, kind: str, src: str | None, *, alt: str | None = None, group: int = 0
    ) -> None:
        self.position: Final = position
        self.kind: Final = kind
        self.src: Final = src
        self.alt: Final = alt
        self.group: Final = group

    def __repr__(self) -> str:
        return f"Media({self.position}, {self.kind!r}, {self.src!r})"
