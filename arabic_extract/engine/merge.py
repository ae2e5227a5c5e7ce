"""The fields cross-checked with what the page says about itself: its HTML metadata, a Markdown
page's front matter, the title line at the top of page text. The title names the headline, which
is then found among the page's own blocks (the headline is the text as shown)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Final, final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.bylines import is_outlet_name
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.dates import NO_DATE, NO_REFERENCE
from arabic_extract.engine.features import NOISE_INDEX
from arabic_extract.engine.fields import Fields
from arabic_extract.engine.metadata import TITLE_SEPARATORS, PageMeta
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.words import tokens

# Between two names of the author field (a run of spaces matched from its first character).
_NAME_SPLIT: Final = regex.compile(r"(?:(?<!\s)\s++)?+[،,]\s*+")


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 of two normalised strings."""
    return words_f1(tokens(a), Counter(tokens(b)))


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
_TITLE_MATCH: Final = 0.8
_H1_BONUS: Final = 0.05


@final
class _Title:
    """A title's words as :func:`_may_name` looks for them: each word and its count, longest
    first (a long word is the rarer in a line: a line that does not name the title misses
    enough of them in fewer looks), and ``misses``, the fewest of them (counted) a line may
    miss and fail the match (0 for a title without words: no line names it).

    A line that misses ``m`` of the title's ``total`` words shares at most ``total - m``, and
    its F1 is at most ``2 * best / (best + total)``, ``best`` being that: a bound that falls as
    ``m`` grows, so that a line reaches the match when it misses fewer than ``misses``. The
    bound is computed once a title, not at each miss of each line (a tenth of a page text's
    title check)."""

    __slots__ = ("counts", "misses")

    def __init__(self, bag: Counter[str]) -> None:
        total = sum(bag.values())
        self.counts: Final = sorted(bag.items(), key=lambda item: -len(item[0]))
        misses = total
        for missed in range(1, total):
            best = total - missed
            if 2 * best / (best + total) + _H1_BONUS < _TITLE_MATCH:
                misses = missed
                break
        self.misses: Final = misses


def _may_name(norm: str, title: _Title) -> bool:
    """Whether a line can reach the title match: at most the title's words found in it (as
    substrings) are shared, and F1 <= 2 * shared / (shared + total), ``total`` being the
    title's word count (see :class:`_Title`). Most headings on a page (teasers of other
    articles) are ruled out without being tokenised."""
    missed = 0  # once the words left cannot reach the match, the rest are not looked for
    for word, count in title.counts:
        if word not in norm:
            missed += count
            if missed >= title.misses:
                return False
    return missed < title.misses


def match_headline(
    blocks: list[Block],
    decs: list[Decision],
    fields: Fields,
    title: str | None,
    *,
    first: int | None = None,
    trusted: bool = True,
) -> tuple[str | None, list[Decision]]:
    """The headline: the page's block that the title names (its text as shown), else what
    the text engine found, else the title itself. On HTML the block is a heading or the line
    the engine took for the headline; on page text, whose headings are not marked, it is any
    block from ``first`` on that is not running text. A title that is not ``trusted`` (a line
    of page text taken for the page's title) never replaces the engine's headline."""
    if not title:
        return fields.headline, decs
    wanted = normalize(title)
    bag = Counter(tokens(wanted))
    words = _Title(bag)
    scored = [
        (words_f1(tokens(b.norm), bag) + (_H1_BONUS if b.heading == 1 else 0.0), i)
        for i, b in enumerate(blocks)
        if (
            b.heading
            or decs[i].label is labels.HEADLINE
            or (first is not None and i >= first and decs[i].cls != "good")
        )
        and _may_name(b.norm, words)
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
    if fields.headline and (not trusted or token_f1(normalize(fields.headline), wanted) >= 0.5):
        return fields.headline, decs
    return title, decs


def dom_tags(blocks: list[Block], decs: list[Decision]) -> list[str]:
    """Entries of tag lists marked up as such (a 'tags' class), as link texts."""
    tags: list[str] = []
    for block, dec in zip(blocks, decs, strict=True):
        if (
            "dom:tags" in block.dom_noise
            and block.link_density > 0.5
            and (1 <= len(block.norm.split()) <= 6 and not dec.is_body)
        ):
            # several links in one block (<div class="tags"><a>..</a> <a>..</a>) are several tags
            names = block.links if len(block.links) > 1 else (block.text,)
            tags.extend(name for name in names if name not in tags)
    return tags


_ACRONYM: Final = regex.compile(r"^[A-Z0-9]{2,8}$")


def is_person_name(name: str, site_name: str | None) -> bool:
    """A metadata author that names a person, not the outlet or its staff account."""
    norm = normalize(name)
    if site_name and (norm in normalize(site_name) or normalize(site_name) in norm):
        return False
    return not (is_outlet_name(norm) and not _LATIN_PERSON.match(name)) and not _ACRONYM.match(name)


_LATIN_PERSON: Final = regex.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}$")


def _shown(name: str, blocks: list[Block]) -> bool:
    """Whether a name is printed on the page: a metadata author that no block shows is an
    account (the site's editor, a hidden author box), not a byline the reader sees."""
    wanted = normalize(name)
    return bool(wanted) and any(_has_words(block.norm, wanted) for block in blocks)


def _has_words(norm: str, words: str) -> bool:
    """Whether ``words`` occur in ``norm`` as whole words (or after a joined و: ومحمد سمير)."""
    start = norm.find(words)
    while start >= 0:
        end = start + len(words)
        before = norm[start - 1 : start]
        if start > 1 and before == "و" and not norm[start - 2].isalnum():
            before = ""
        if not before.isalnum() and not norm[end : end + 1].isalnum():
            return True
        start = norm.find(words, start + 1)
    return False


def meta_authors(meta: PageMeta, blocks: list[Block]) -> list[str]:
    """The people the metadata names as authors and the page shows."""
    names = [n.strip() for n in _NAME_SPLIT.split(meta.author or "") if n.strip()]
    return [n for n in names if is_person_name(n, meta.site_name) and _shown(n, blocks)]


def merge_meta(
    blocks: list[Block],
    decs: list[Decision],
    fields: Fields,
    meta: PageMeta,
    *,
    first: int | None = None,
    trusted: bool = True,
) -> tuple[Fields, list[Decision]]:
    """Fill and cross-check the fields with the page's metadata (``first`` and ``trusted``:
    see :func:`match_headline`)."""
    headline, decs = match_headline(
        blocks, decs, fields, meta.headline, first=first, trusted=trusted
    )
    authors = [a for a in fields.authors if is_person_name(a, meta.site_name)]
    if not authors:
        authors = meta_authors(meta, blocks)
    # notes that a date is missing give way to the metadata's; a dual line's note stays
    dropped = {NO_DATE, *((f"published: {NO_REFERENCE}",) if meta.published else ())}
    notes = [n for n in fields.notes if n not in dropped and not n.startswith("headline:")]
    published = meta.published or fields.published
    if published is None:
        notes.append("published: no date in the metadata or on the page")
    if headline is None:
        notes.append("headline: no title in the metadata and none introduces the body")
    return (
        replace(
            fields,
            headline=headline,
            author=authors[0] if authors else None,
            authors=authors,
            published=published,
            updated=meta.updated or fields.updated,
            date_text=fields.date_text or meta.published_text,
            site_name=meta.site_name or fields.site_name,
            tags=fields.tags or dom_tags(blocks, decs) or meta.tags,
            notes=notes,
        ),
        decs,
    )


# The site's part of a title line has at most this many words; the headline's part at least
# min_title_words and at most max_headline_words.
_SITE_MAX_WORDS: Final = 5
_LATIN: Final = regex.compile(r"[A-Za-z]")
_ARABIC: Final = regex.compile(r"\p{Arabic}")


def _shown_again(headline: str, blocks: list[Block]) -> bool:
    """Whether one of ``blocks`` shows ``headline`` again (its words' F1 reaches the title
    match)."""
    bag = Counter(tokens(normalize(headline)))
    words = _Title(bag)
    return any(
        words_f1(tokens(b.norm), bag) >= _TITLE_MATCH for b in blocks if _may_name(b.norm, words)
    )


def _menu_link(part: str) -> bool:
    """A part of a first line that is a menu's link (اتصل بنا، من نحن): no site's name."""
    norm = normalize(part)
    return bool(NOISE_INDEX.match(norm, norm.count(" ") + 1))


def title_line(blocks: list[Block], config: ExtractionConfig) -> PageMeta | None:
    """The page's ``<title>`` as the first line of its text (BeautifulSoup and other DOM-text
    tools keep it): "headline - site" or "site | headline". The headline's part must be shown
    again further down, or the other part be a site's name (an outlet's, or Latin letters);
    a line without a separator is left to the engine."""
    if len(blocks) < 2:
        return None
    first = blocks[0].text
    parts = [p.strip() for p in TITLE_SEPARATORS.split(first) if p.strip()]
    if len(parts) < 2:
        return None
    headline = max(parts, key=len)
    sites = [p for p in parts if p is not headline]
    words = len(headline.split())
    if not config.min_title_words <= words <= config.max_headline_words:
        return None
    if any(len(site.split()) > _SITE_MAX_WORDS for site in sites):
        return None
    if any(_menu_link(site) for site in sites):
        return None  # a top bar: الاثنين، 23 تشرين الثاني 2026 RSS | اتصل بنا | من نحن
    named = any(is_outlet_name(normalize(site)) or _LATIN.search(site) for site in sites)
    if not named and not _shown_again(headline, blocks[1:]):  # (a site's name: no need to look)
        return None
    site_name = next((s for s in sites if _ARABIC.search(s)), sites[0])
    return PageMeta(title=first, headline=headline, site_name=site_name)
