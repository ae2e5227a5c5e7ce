"""Tags that are no tags: what a keyword list or a ``keywords`` meta tag carries besides the
story's topics.

A CMS fills keyword fields with whatever it has: numbers (``21``), internal codes (``COMDOC``,
``A/78/L.1``), the site's Latin slug and generic words (``lbci``, ``news``). A tag has letters,
is no code, and on an Arabic article a tag without an Arabic letter is kept only when the
article itself writes it (``NATO`` in a story that says NATO).
"""

from __future__ import annotations

from typing import Final

import regex

from arabic_extract.engine.normalize import normalize

_LETTER: Final = regex.compile(r"\p{L}")
_ARABIC: Final = regex.compile(r"\p{Arabic}")
# A code: letters and digits run together or joined by / . _ - (A/78/L.1, SG2024, COM-DOC).
# (anchored: it is only ever matched whole, and a search that tried each letter of a long word
# would scan the rest of the word each time)
_CODE: Final = regex.compile(r"\A(?:[A-Za-z]*+\d[\w/._-]*+|[A-Z0-9]++(?:[/._-][A-Z0-9]++)++)\Z")
# An upper-case Latin word that is neither an acronym nor a name: a CMS's code (COMDOC).
_CAPS_CODE_MIN: Final = 6
_CAPS: Final = regex.compile(r"[A-Z]++")
_WORD_CHAR: Final = regex.compile(r"\w")


def _unseen_latin(tag: str, text: str) -> bool:
    """A tag without an Arabic letter that the article's text never writes."""
    if _ARABIC.search(tag):
        return False
    norm = normalize(tag)
    start = text.find(norm)
    while start >= 0:  # (a word of its own: no word character on either side)
        before, after = text[start - 1 : start], text[start + len(norm) : start + len(norm) + 1]
        if not _WORD_CHAR.match(before) and not _WORD_CHAR.match(after):
            return False
        start = text.find(norm, start + 1)
    return True


def tag_problem(tag: str, text: str, *, arabic: bool) -> str | None:
    """Why ``tag`` names no topic of an article whose normalised text is ``text`` (``arabic``:
    the article is in Arabic): ``without-letters``, ``code`` or ``foreign-and-unseen``; None
    when it is a tag."""
    bare = tag.strip()
    if not _LETTER.search(bare):
        return "without-letters"
    if _CODE.fullmatch(bare) or (
        _CAPS.fullmatch(bare) and len(bare) >= _CAPS_CODE_MIN and _unseen_latin(bare, text)
    ):
        return "code"
    if arabic and _unseen_latin(bare, text):
        return "foreign-and-unseen"
    return None


def article_text(headline: str | None, paragraphs: list[str]) -> str:
    """The normalised text a tag is looked for in: the headline and the body."""
    return normalize(" ".join([headline or "", *paragraphs]))


def plausible_tags(
    tags: list[str], headline: str | None, paragraphs: list[str], *, arabic: bool
) -> list[str]:
    """The tags that name a topic, in order: without the numbers, the codes, and (on an
    article in Arabic, ``arabic``) the Latin words the article never writes."""
    # (the article's text is normalised only for a tag without an Arabic letter: the others
    # are never looked for in it, see _unseen_latin)
    if not tags:
        return []
    latin = any(_ARABIC.search(tag.strip()) is None for tag in tags)
    text = article_text(headline, paragraphs) if latin else ""
    return [tag for tag in tags if tag_problem(tag, text, arabic=arabic) is None]
