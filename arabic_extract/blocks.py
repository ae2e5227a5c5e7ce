"""The unit of work: a block of page text, from a line of plain text or an element of HTML."""

from __future__ import annotations

from typing import NamedTuple

import regex

from arabic_extract.normalize import fold, is_blank, normalize

# A leading list marker: bullets, dashes and stars that scrapers and renderers put before items.
BULLET = regex.compile(r"^[\s\u200e\u200f]*(?:[•●◦▪▫■□►▶◄◀·∙‣⁃*+\-–—»]|\d{1,2}[.)](?=\s))+\s*")


_BULLET_STARTS = frozenset(" \u200e\u200f•●◦▪▫■□►▶◄◀·∙‣⁃*+-–—»0123456789")


class Block(NamedTuple):
    """One block of the page. ``text`` is the original; the other fields are for matching.

    DOM fields keep their defaults for plain-text input.
    """

    position: int
    text: str
    norm: str
    bullet: bool
    tag: str | None = None
    heading: int = 0
    link_density: float = 0.0
    in_article: bool = False
    in_caption: bool = False
    dom_noise: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    after_image: bool = False


def bullet_end(text: str) -> int:
    """Where the text starts after a leading list marker (0 when it has none)."""
    marker = BULLET.match(text) if text[:1] in _BULLET_STARTS else None
    return marker.end() if marker is not None else 0


def strip_bullet(text: str) -> str:
    """The text without a leading list marker."""
    return text[bullet_end(text) :].strip()


def make_block(index: int, text: str, max_chars: int) -> Block:
    """Build a text block; matching uses at most ``max_chars`` characters of it (the HTML
    reader builds its blocks from this one, adding the DOM features)."""
    probe = text if len(text) <= max_chars else text[:max_chars]
    start = bullet_end(probe)
    return Block(position=index, text=text, norm=normalize(probe[start:]), bullet=start > 0)


def text_blocks(text: str, max_chars: int) -> list[Block]:
    """Split page text into blocks: one per non-blank line, original text trimmed of spaces.

    The page is folded for matching in one pass (see :func:`~arabic_extract.normalize.fold`),
    not line by line; a line with a list marker or over ``max_chars`` is normalised on its own.
    """
    lines = text.splitlines()
    folded = fold(text).splitlines()
    if len(folded) != len(lines):  # a deleted character joined "\r" and "\n": line by line
        folded = [fold(line) for line in lines]
    blocks: list[Block] = []
    for line, line_folded in zip(lines, folded, strict=True):
        stripped = line.strip()
        if not stripped or (len(stripped) < 4 and is_blank(stripped)):
            continue
        marker = bullet_end(stripped) if stripped[0] in _BULLET_STARTS else 0
        if len(stripped) > max_chars or not stripped[:marker].isprintable():
            blocks.append(make_block(len(blocks), stripped, max_chars))
            continue
        # the marker, and the spaces before it, fold one character to one
        start = marker + len(line) - len(line.lstrip())
        norm = " ".join(line_folded[start:].split())
        blocks.append(Block(len(blocks), stripped, norm, marker > 0))
    return blocks
