"""Words two lines share: content words (no function words, three letters or more), found with
or without a clitic (و، ب، ل، ف، ك، ال).

A headline names what its lead paragraphs tell; a teaser of another article shares few of their
words; a tag is grounded in the article's words. All on normalised text.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import regex

from arabic_extract.engine.blocks import Block
from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules.stopwords import STOPWORDS

STOPWORD_SET: Final = frozenset(normalize(word) for word in STOPWORDS)
TOKEN: Final = regex.compile(r"[\p{L}\p{N}]+")
CLITICS: Final = ("وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك")
LEAD_PARAGRAPHS: Final = 3
"""How many paragraphs of running text are a story's lead, for :func:`lead_overlap`."""


# The clitics a word may open with, by its first letter, in the order of CLITICS (a word can
# only open with the clitics of its first letter: the first of them that fits is the first of
# CLITICS that fits).
_BY_FIRST_LETTER: Final = MappingProxyType(
    {
        letter: tuple(clitic for clitic in CLITICS if clitic[0] == letter)
        for letter in dict.fromkeys(clitic[0] for clitic in CLITICS)
    }
)


# Marks that end or open a word in running text (a comma or a full stop after it, quotes and
# brackets around it): none is a letter or a number, so a word that is letters and digits once
# they are stripped is one token (tested).
_EDGE_MARKS: Final = "،.,:;؛؟?!\"'«»“”()[]-–—…/|"


def tokens(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, as ``TOKEN.findall(text)`` gives them. Most
    words of a text are letters and digits between spaces, taken whole (``str.isalnum``: a
    letter or a number, as the pattern's classes say), or such a word with a mark at its ends
    (a comma, a full stop: 3-4 k instructions a word saved); the pattern runs on the others
    only."""
    found: list[str] = []
    for word in text.split():
        if word.isalnum():
            found.append(word)
            continue
        core = word.strip(_EDGE_MARKS)
        if core.isalnum():
            found.append(core)
        elif core:
            found.extend(TOKEN.findall(word, None, None, False, KEEP_GIL))
    return found


# The clitics of each first letter (see _BY_FIRST_LETTER), by the letter's code point.
_WAW: Final = ord("و")
_BA: Final = ord("ب")
_FA: Final = ord("ف")
_KAF: Final = ord("ك")
_LAM: Final = ord("ل")
_WAW_CLITICS: Final = _BY_FIRST_LETTER["و"]
_BA_CLITICS: Final = _BY_FIRST_LETTER["ب"]
_FA_CLITICS: Final = _BY_FIRST_LETTER["ف"]
_KAF_CLITICS: Final = _BY_FIRST_LETTER["ك"]
_LAM_CLITICS: Final = _BY_FIRST_LETTER["ل"]


def strip_clitic(word: str) -> str:
    """``word`` without its first clitic, when at least three letters remain."""
    # (the first letter is read as a code point, which the compiled module does in place:
    # word[:1] made a string of it to look up, 1 k instructions a word with bare())
    if len(word) < 4:
        return word  # a clitic and three letters
    first = ord(word[0])
    if first == _WAW:
        clitics = _WAW_CLITICS
    elif first == _BA:
        clitics = _BA_CLITICS
    elif first == _FA:
        clitics = _FA_CLITICS
    elif first == _KAF:
        clitics = _KAF_CLITICS
    elif first == _LAM:
        clitics = _LAM_CLITICS
    else:
        return word
    for clitic in clitics:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic) :]
    return word


def stem_found(word: str, words: set[str]) -> bool:
    """Whether ``word`` or its stem (see strip_clitic) is one of ``words`` or the stem of one.
    A word whose stem is ``stem`` is a clitic followed by ``stem``: those few are looked up,
    instead of stripping every word of the set."""
    if word in words:
        return True
    stem = strip_clitic(word)
    if stem in words:
        return True
    return any(strip_clitic(clitic + stem) == stem for clitic in CLITICS if clitic + stem in words)


def bare(word: str) -> str:
    """``word`` without its clitic and its article (للصواريخ, الصواريخ: صواريخ), when at least
    three letters remain."""
    stem = strip_clitic(word)
    return stem[2:] if stem.startswith("ال") and len(stem) >= 5 else stem


def lead_words(lead: list[Block]) -> frozenset[str]:
    """The words of a story's lead paragraphs, bare (see :func:`bare`), for
    :func:`lead_overlap`. Words of one or two letters are left out (a title's words are looked
    up by their bare form, which keeps three letters or more), and each word is made bare once."""
    unique = {w for block in lead for w in tokens(block.norm) if len(w) > 2}
    return frozenset([bare(w) for w in unique])


def lead_overlap(title: Block, lead: frozenset[str]) -> float:
    """The share of ``title``'s content words found in the lead's words (see
    :func:`lead_words`), with or without a clitic and the article."""
    if not lead:
        return 0.0
    words = [w for w in tokens(title.norm) if len(w) > 2 and w not in STOPWORD_SET]
    if not words:
        return 0.0
    return sum(1 for w in words if bare(w) in lead) / len(words)
