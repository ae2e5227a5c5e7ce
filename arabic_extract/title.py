"""The page's title: the headline its metadata (or the first line of its text, or a Markdown
page's front matter) names, found among the page's own blocks so that the headline is the text
as shown."""

from __future__ import annotations

from collections import Counter

import regex

from arabic_extract import labels
from arabic_extract.blocks import Block
from arabic_extract.classify import Decision
from arabic_extract.fields import Fields
from arabic_extract.normalize import normalize

_WORD = regex.compile(r"[\p{L}\p{N}]+")


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 of two normalised strings."""
    return words_f1(_WORD.findall(a), Counter(_WORD.findall(b)))


def words_f1(words: list[str], wanted: Counter[str]) -> float:
    """Bag-of-words F1 of a list of words against a bag of wanted words."""
    shared = wanted.keys() & words
    if not shared:
        return 0.0
    have = Counter(words)
    common = sum(min(have[w], wanted[w]) for w in shared)
    precision, recall = common / len(words), common / sum(wanted.values())
    return 2 * precision * recall / (precision + recall)


# A heading is the page's title when its words' F1 against the metadata title reaches this
# (an <h1> gets a small bonus): the title as shown may add or drop a word or two.
_TITLE_MATCH = 0.8
_H1_BONUS = 0.05


def _may_name(norm: str, bag: Counter[str], total: int) -> bool:
    """Whether a line can reach the title match: at most the title's words found in it (as
    substrings) are shared, and F1 <= 2 * shared / (shared + total), ``total`` being the
    title's word count. Most headings on a page (teasers of other articles) are ruled out
    without being tokenised."""
    shared = sum(count for word, count in bag.items() if word in norm)
    return total > 0 and 2 * shared / (shared + total) + _H1_BONUS >= _TITLE_MATCH


def match_headline(
    blocks: list[Block], decs: list[Decision], fields: Fields, title: str | None
) -> tuple[str | None, list[Decision]]:
    """The headline: the page's block that the metadata title names (its text as shown),
    else what the text engine found, else the metadata title itself."""
    if not title:
        return fields.headline, decs
    wanted = normalize(title)
    bag = Counter(_WORD.findall(wanted))
    total = sum(bag.values())
    scored = [
        (words_f1(_WORD.findall(b.norm), bag) + (_H1_BONUS if b.heading == 1 else 0.0), i)
        for i, b in enumerate(blocks)
        if (b.heading or decs[i].label is labels.HEADLINE) and _may_name(b.norm, bag, total)
    ]
    best = max(scored, default=(0.0, -1))
    if best[0] >= _TITLE_MATCH:
        out = list(decs)
        index = best[1]
        for i, b in enumerate(blocks):
            if out[i].label is labels.HEADLINE and b.norm != blocks[index].norm:
                out[i] = Decision("bad", labels.NOISE, (*out[i].reasons, "not-the-headline"))
        out[index] = Decision("bad", labels.HEADLINE, ("headline", "meta-title"))
        return blocks[index].text, out
    if fields.headline and token_f1(normalize(fields.headline), wanted) >= 0.5:
        return fields.headline, decs
    return title, decs
