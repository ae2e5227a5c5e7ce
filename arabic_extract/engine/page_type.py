"""The page type: an article, a listing of other pages' teasers (home, section, tag, search or
author page), a live blog, a photo gallery, a video page, or other.

Decided once per page, after the body run is chosen, from the page's structure, on HTML and on
page text alike (a block is a line of text or an HTML block; only links need HTML):

* **teasers**: a headline (HTML: a block that is mostly a link; text: a title-like line) with at
  most ``teaser_item_blocks`` blocks after it (a date, a snippet, a byline), several in a row
  (``teaser_min_list``). On page text a teaser needs a date or a snippet, or to sit in a
  headline list, so that an article's subheadings are never read as teasers.
* **article text**: the good body blocks of the main run that are not teasers' snippets.
* **entries**: a time stamp alone on its line (``13:05``, ``منذ 5 دقائق``) or opening one,
  then an optional title and text, as live blogs are written; a stamp right after a headline
  is a teaser's date, a headline right after a stamp is an entry's title.
* **photos**: captions (figcaption, a line after an image), or on text photo counters
  (``3 / 12``) with the line beside them.
* what the page says it is (og:type, JSON-LD @type, a live, gallery or video headline, its
  URL), which moves thresholds but never types a page on its own.

Precision comes first: an article typed listing loses its body, so a listing needs its teasers
and almost no article text (``listing_max_article_chars``), and a page that says it is an
article needs no article text at all to be anything but one. Every reason is a note.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final, final

import regex
from selectolax.lexbor import LexborHTMLParser

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.features import Features
from arabic_extract.engine.metadata import PageMeta, count_players
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.segment import OTHER_ARTICLE
from arabic_extract.model import LiveEntry, PageType, Teaser
from arabic_extract.rules.pages import (
    ENTRY_TIME,
    GALLERY_TITLE,
    LIVE_TITLE,
    PHOTO_COUNTER,
    VIDEO_LINE,
    VIDEO_TITLE,
)

# What a page says it is: og:type values and JSON-LD types, lower-cased.
_ARTICLE_OG: Final = frozenset({"article", "news", "newsarticle"})
_LISTING_OG: Final = frozenset({"website", "profile", "blog"})
_ARTICLE_SCHEMA: Final = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
    }
)
_LISTING_SCHEMA: Final = frozenset(
    {"collectionpage", "profilepage", "searchresultspage", "itemlist", "mediagallery"}
)
_GALLERY_SCHEMA: Final = frozenset({"imagegallery", "mediagallery"})
_LIVE_SCHEMA: Final = frozenset({"liveblogposting"})
# URL paths of listings: the home page, sections, tags, authors, search, archives' pages.
_LISTING_URL: Final = regex.compile(
    r"^https?://[^/?#]+/?(?:[?#]|$)"
    r"|/(?:tags?|topics?|category|categories|section|sections|author|authors|writers?|search|"
    r"archive|archives|wasm|kuttab)(?:/|$|\?)|[?&](?:q|s|query|search|keyword)=|/page/\d+/?$",
    regex.I,
)
# Labels a teaser's headline never has (on text, a date line is title-like too).
_NOT_HEADS: Final = frozenset({labels.DATE, labels.BYLINE, labels.SOURCE, labels.TAGS})
# First characters of a photo counter (3 / 12, صورة 3 من 12).
_COUNTER_STARTS: Final = frozenset("0123456789صا")
# A counter that opens with a letter opens with its word (صوره 3 من 12, الصوره 1 من 8): lines
# that open with another word of ص or ا are not matched (the family's pattern costs 2-3,000
# instructions a line, and many lines open with ال).
_COUNTER_WORDS: Final = ("صوره", "الصوره")
# Furniture beside a listing's own list: its teasers are not returned.
_ASIDE: Final = frozenset({"dom:aside", "dom:sidebar", "dom:footer"})
# What an entry's title may have been read as before the page was typed.
_ENTRY_TITLES: Final = frozenset({labels.CAPTION, labels.HEADLINE})
# An entry whose time opens its text: 13:05 - وصول فرق الإنقاذ...
_INLINE_TIME: Final = regex.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[-–—|:]\s*)(?=\S)")


# The records of this module are final slotted classes with Final fields (see
# blocks.Block): a frozen dataclass's __init__ runs as interpreted Python, 5-10 K instructions
# a record made, a tenth of a one-line page's pipeline with the others.
@final
class PageHints:
    """What the page says about itself (HTML metadata and the URL); empty for page text.
    ``players`` counts the video players the page holds, counted only when a video signal asks
    (None: page text, no players to count)."""

    __slots__ = ("og_type", "players", "schema_types", "url")

    def __init__(
        self,
        og_type: str | None = None,
        schema_types: frozenset[str] = frozenset(),
        url: str | None = None,
        players: Callable[[], int] | None = None,
    ) -> None:
        self.og_type: Final = og_type
        self.schema_types: Final = schema_types
        self.url: Final = url
        self.players: Final = players

    @property
    def says_article(self) -> bool:
        return self.og_type in _ARTICLE_OG or not _ARTICLE_SCHEMA.isdisjoint(self.schema_types)

    @property
    def says_listing(self) -> bool:
        listing = self.og_type in _LISTING_OG or not _LISTING_SCHEMA.isdisjoint(self.schema_types)
        by_url = self.url is not None and _LISTING_URL.search(self.url) is not None
        return (listing or by_url) and not self.says_article

    @property
    def says_video(self) -> bool:
        video = (self.og_type or "").startswith("video") or "videoobject" in self.schema_types
        return video and _ARTICLE_SCHEMA.isdisjoint(self.schema_types)


def page_hints(
    meta: PageMeta | None, url: str | None, tree: LexborHTMLParser | None = None
) -> PageHints:
    """The hints of an HTML page's metadata and tree (None for page text) and its URL."""
    if meta is None:
        return PageHints(url=url)
    players = None if tree is None else partial(count_players, tree)
    return PageHints(meta.og_type, meta.schema_types, url, players)


@final
class PageKind:
    """The page type, why (notes), the decisions it leaves (a listing's teasers are not body,
    a gallery's captions are), and the teasers' blocks and the live entries (none when not
    given); ``article_chars``: characters of article text on the page, in the body run or not
    (see measure)."""

    __slots__ = ("article_chars", "decs", "entries", "page_type", "reasons", "teasers")

    def __init__(
        self,
        page_type: PageType,
        reasons: list[str],
        decs: list[Decision],
        *,
        teasers: list[int] | None = None,
        entries: list[LiveEntry] | None = None,
        article_chars: int = 0,
    ) -> None:
        self.page_type: Final = page_type
        self.reasons: Final = reasons
        self.decs: Final = decs
        self.teasers: Final[list[int]] = [] if teasers is None else teasers
        self.entries: Final[list[LiveEntry]] = [] if entries is None else entries
        self.article_chars: Final = article_chars


@final
class _Item:
    """A teaser: its headline block, its snippet block (-1: none), whether it has a date, and
    the last block it takes. (A slotted class: made for every teaser-like line of a page, and a
    frozen dataclass costs the compiled module far more to make.)"""

    __slots__ = ("dated", "head", "last", "snippet")

    def __init__(self, head: int, snippet: int, dated: bool, last: int) -> None:
        self.head: Final = head
        self.snippet: Final = snippet
        self.dated: Final = dated
        self.last: Final = last

    @property
    def rich(self) -> bool:
        return self.dated or self.snippet >= 0


# --- block roles ---------------------------------------------------------------------------


def _stamp(block: Block, feat: Features) -> bool:
    """A time stamp alone on its line or opening it (13:05, منذ 5 دقائق), not a date: dates
    head teasers too."""
    if "time-ago" in feat.noise:
        return True
    norm = block.norm
    if not norm[:1].isdigit():
        return norm.startswith("الساعه") and ENTRY_TIME.match(norm, feat.words) is not None
    if ":" not in norm[:6] and "." not in norm[:6]:
        return False
    if feat.words <= 6 and ENTRY_TIME.match(block.norm, feat.words) is not None:
        return True
    return _INLINE_TIME.match(block.norm) is not None


def _head(block: Block, feat: Features, dec: Decision, config: ExtractionConfig) -> bool:
    """A teaser's headline: a title-like link (HTML) or title-like line (text)."""
    return _is_head(block, feat, dec, _Heads(config))


@final
class _Heads:
    """The config's thresholds :func:`_head` reads, read once a page (each read of a config's
    attribute costs the compiled module a generic attribute lookup: 2-3 a block)."""

    __slots__ = ("link_density", "max_words", "min_words")

    def __init__(self, config: ExtractionConfig) -> None:
        self.min_words: Final[int] = config.min_title_words
        self.max_words: Final[int] = config.max_title_words
        self.link_density: Final[float] = config.max_link_density


def _is_head(block: Block, feat: Features, dec: Decision, limits: _Heads) -> bool:
    """:func:`_head`, with the config's thresholds read once (``limits``)."""
    if not limits.min_words <= feat.words <= limits.max_words:
        return False
    if block.tag is not None:
        head = block.link_density > limits.link_density and not feat.noise
    elif feat.date_line or dec.label in _NOT_HEADS:
        return False
    else:
        head = (feat.title_like and not feat.noise and dec.cls != "good") or (
            "headline-list" in dec.reasons
        )
    if head and block.norm[:1].isdigit():  # page numbers are no headline: 1 2 3 … 41 التالي
        return sum(not w.isdigit() for w in block.norm.split()) >= limits.min_words
    return head


def _dated(block: Block, feat: Features, dec: Decision) -> bool:
    return dec.label is labels.DATE or feat.date_line or "time-ago" in feat.noise


# --- teasers -------------------------------------------------------------------------------


def _items(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    entry_starts: frozenset[int],
    config: ExtractionConfig,
) -> list[_Item]:
    """Every teaser of the page (not yet grouped in lists); a title right after the stamp of a
    live entry is the entry's title."""
    n = len(blocks)
    limits = _Heads(config)
    heads = [
        _is_head(b, f, d, limits) and i - 1 not in entry_starts
        for i, (b, f, d) in enumerate(zip(blocks, feats, decs, strict=True))
    ]
    items: list[_Item] = []
    reach, snippet_words = config.teaser_item_blocks, config.teaser_snippet_max_words
    for i in range(n):
        if not heads[i]:
            continue
        snippet, dated, last = -1, False, i
        for k in range(i + 1, min(n, i + 1 + reach)):
            if heads[k]:
                break
            feat, dec = feats[k], decs[k]
            if _dated(blocks[k], feat, dec):
                dated = True
            elif dec.cls in ("good", "near") and snippet < 0:
                if feat.words > snippet_words:
                    break
                snippet = k
            last = k
        text = blocks[i].tag is None
        plain = (
            text
            and not (dated or _ellipsis(blocks, snippet))
            and "headline-list" not in decs[i].reasons
        )
        if not plain:
            items.append(_Item(i, snippet, dated, last))
    return items


def _ellipsis(blocks: list[Block], index: int) -> bool:
    """A snippet cut short, as teasers are: … or ... at its end."""
    return index >= 0 and blocks[index].text.rstrip(" ]").endswith(("…", "...", "[…]"))


def teaser_lists(
    items: list[_Item], config: ExtractionConfig, decs: list[Decision] | None = None
) -> list[_Item]:
    """The teasers that stand in lists: ``teaser_min_list`` or more, each starting at most one
    block after the one before ends. A list right under a related, read-also or most-read
    header is a rail of other articles beside this page's own content: it is left out."""
    kept: list[_Item] = []
    run: list[_Item] = []
    for item in [*items, None]:
        headed = item is not None and _rail(decs, item.head)
        if item is not None and run and item.head <= run[-1].last + 2 and not headed:
            run.append(item)
            continue
        if len(run) >= config.teaser_min_list and not _rail(decs, run[0].head):
            kept.extend(run)
        run = [item] if item is not None else []
    return kept


def _rail(decs: list[Decision] | None, head: int) -> bool:
    """Does a related, read-also or most-read header stand right before block ``head``?"""
    if decs is None:
        return False
    return any(not OTHER_ARTICLE.isdisjoint(decs[k].reasons) for k in range(max(0, head - 2), head))


# --- live entries --------------------------------------------------------------------------


def live_entries(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    stamps: list[bool],
    config: ExtractionConfig,
) -> list[tuple[int, int]]:
    """The spans (stamp, last block) of the entries that hold text: a stamp, an optional title,
    then at least one good block, up to the next stamp or a block of page furniture."""
    spans: list[tuple[int, int]] = []
    n = len(blocks)
    limits = _Heads(config)
    starts = [
        i
        for i in range(n)
        if stamps[i] and not (i and _is_head(blocks[i - 1], feats[i - 1], decs[i - 1], limits))
    ]
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else n
        last, prose = start, decs[start].cls == "good"
        for k in range(start + 1, end):
            dec = decs[k]
            if dec.cls == "bad" and dec.label not in _ENTRY_TITLES:
                break
            prose = prose or dec.cls == "good"
            last = k
        if prose:
            spans.append((start, last))
    return spans


def _entry(blocks: list[Block], feats: list[Features], span: tuple[int, int]) -> LiveEntry:
    start, last = span
    stamp = blocks[start]
    inline = _INLINE_TIME.match(stamp.norm)
    time = stamp.text.split()[0] if inline else stamp.text
    texts = [blocks[k].text for k in range(start if inline else start + 1, last + 1)]
    title = None
    if texts and not inline and feats[start + 1].title_like and len(texts) > 1:
        title = texts.pop(0)
    return LiveEntry(time=time, title=title, paragraphs=texts)


# --- galleries and videos ------------------------------------------------------------------


def photo_captions(blocks: list[Block], feats: list[Features], decs: list[Decision]) -> list[int]:
    """The caption blocks of the page's photos: captions (HTML), or on text the line after a
    photo counter."""
    captions = [i for i, d in enumerate(decs) if d.label is labels.CAPTION]
    counted: list[int] = []
    for i, block in enumerate(blocks):
        if (
            block.norm[:1] in _COUNTER_STARTS
            and (block.norm[0].isdigit() or block.norm.startswith(_COUNTER_WORDS))
            and feats[i].words <= 6
            and PHOTO_COUNTER.match(block.norm, feats[i].words) is not None
        ):
            beside = next(
                (k for k in (i + 1, i - 1) if 0 <= k < len(blocks) and feats[k].words >= 3), -1
            )
            if beside >= 0 and PHOTO_COUNTER.match(blocks[beside].norm) is None:
                counted.append(beside)
    return counted if len(counted) > len(captions) else captions


def _headline(blocks: list[Block], decs: list[Decision]) -> Block | None:
    return next((b for b, d in zip(blocks, decs, strict=True) if d.label is labels.HEADLINE), None)


# --- the decision --------------------------------------------------------------------------


@final
class _Measures:
    """What the decision weighs (also shown in the notes)."""

    __slots__ = ("article_chars", "rich", "snippets", "teaser_chars", "teasers")

    def __init__(
        self,
        teasers: list[_Item],
        rich: int,
        teaser_chars: int,
        article_chars: int,
        snippets: frozenset[int],
    ) -> None:
        self.teasers: Final = teasers
        self.rich: Final = rich
        self.teaser_chars: Final = teaser_chars
        self.article_chars: Final = article_chars
        self.snippets: Final = snippets


def prose_stretch(decs: list[Decision], snippets: frozenset[int], blocks: list[Block]) -> int:
    """The characters of the page's longest stretch of good text that is not teasers' snippets
    (good blocks at most two blocks apart), in the body run or not: article text the run may
    have missed."""
    best = current = 0
    last = -10
    for i, dec in enumerate(decs):
        if dec.cls != "good" or i in snippets:
            continue
        current = (current if i - last <= 3 else 0) + len(blocks[i].text)
        best = max(best, current)
        last = i
    return best


def measure(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    entry_starts: frozenset[int],
    config: ExtractionConfig,
) -> _Measures:
    listed = teaser_lists(_items(blocks, feats, decs, entry_starts, config), config, decs)
    snippets = frozenset(t.snippet for t in listed if t.snippet >= 0)
    in_run = sum(
        len(blocks[i].text)
        for i, d in enumerate(decs)
        if d.is_body and d.cls == "good" and i not in snippets
    )
    teaser_chars = sum(
        len(blocks[t.head].text) + (len(blocks[t.snippet].text) if t.snippet >= 0 else 0)
        for t in listed
        if t.rich
    )
    article = max(in_run, prose_stretch(decs, snippets, blocks))
    return _Measures(listed, sum(t.rich for t in listed), teaser_chars, article, snippets)


def _listing(m: _Measures, hints: PageHints, html: bool, config: ExtractionConfig) -> str | None:
    """Why the page is a listing, or None."""
    if len(m.teasers) < config.listing_min_teasers:
        return None
    bound = (
        config.listing_meta_max_article_chars
        if hints.says_listing
        else config.listing_max_article_chars
    )
    # on HTML, teasers' headlines are links: a page of links and no article text at all is a
    # listing even when its teasers show no date or snippet
    bare = m.article_chars == 0 and html
    if m.article_chars < bound and (bare or m.rich >= config.listing_min_rich):
        return (
            f"{len(m.teasers)} teasers in lists and {m.article_chars} characters of article "
            f"text (under {bound})"
        )
    if (
        not hints.says_article
        and m.rich >= config.listing_min_teasers
        and m.article_chars < config.listing_ratio_max_article_chars
        and m.teaser_chars >= config.listing_teaser_ratio * m.article_chars
    ):
        return (
            f"{m.rich} dated or summarised teasers whose text ({m.teaser_chars} characters) "
            f"outweighs the article text ({m.article_chars}) {config.listing_teaser_ratio:g} times"
        )
    return None


def classify_page(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    hints: PageHints,
    config: ExtractionConfig,
) -> PageKind:
    """The page's type, with its reasons and the decisions it leaves."""
    stamps = [_stamp(b, f) for b, f in zip(blocks, feats, strict=True)]
    spans = live_entries(blocks, feats, decs, stamps, config)
    m = measure(blocks, feats, decs, frozenset(s for s, _ in spans), config)
    headline = _headline(blocks, decs)
    title = headline.norm if headline is not None else ""

    live_hint = not _LIVE_SCHEMA.isdisjoint(hints.schema_types) or (
        bool(title) and LIVE_TITLE.match(title) is not None
    )
    needed = config.live_meta_min_entries if live_hint else config.live_min_entries
    entry_chars = sum(
        len(blocks[k].text) for s, e in spans for k in range(s, e + 1) if decs[k].cls == "good"
    )
    in_run = any(decs[k].is_body for s, e in spans for k in range(s, e + 1))
    if len(spans) >= needed and in_run and entry_chars >= config.live_min_share * m.article_chars:
        return _live(blocks, feats, decs, spans, live_hint)

    gallery = _gallery(blocks, feats, decs, m=m, hints=hints, title=title, config=config)
    if gallery is not None:
        return gallery
    why = _listing(m, hints, blocks[0].tag is not None, config)
    if why is not None:
        out = [
            Decision(d.cls, labels.NOISE, (*d.reasons, "listing-page")) if d.is_body else d
            for d in decs
        ]
        return PageKind(
            "listing",
            [f"page: a listing: {why}; the teasers are not the body"],
            out,
            teasers=[t.head for t in m.teasers],
        )

    if m.article_chars < config.video_max_article_chars:
        marked = (bool(title) and VIDEO_TITLE.match(title) is not None) or _video_label(
            blocks, feats, decs
        )
        # on HTML a video headline or label needs a player on the page too
        video = hints.says_video or (marked and (hints.players is None or hints.players() > 0))
        if video:
            return PageKind(
                "video",
                [f"page: a video page ({_video_reason(hints)}); the body is its description"],
                decs,
            )
    return PageKind("article", [], decs, article_chars=m.article_chars)


def _video_label(blocks: list[Block], feats: list[Features], decs: list[Decision]) -> bool:
    """Whether a player's label (شاهد الفيديو) stands outside the story's text: above it, as a
    video page's player does, or after it. One between two of its paragraphs is a video
    embedded in an article."""
    labels_at = [
        i
        for i, block in enumerate(blocks)
        if feats[i].words <= _VIDEO_LABEL_WORDS
        and (_VIDEO_WORDS is None or any(word in block.norm for word in _VIDEO_WORDS))
        and VIDEO_LINE.match(block.norm) is not None
    ]
    if not labels_at:
        return False
    good = [i for i, d in enumerate(decs) if d.cls == "good" and d.is_body]
    first, last = (good[0], good[-1]) if good else (len(decs), -1)
    return any(not first < i < last for i in labels_at)


# The most words a player's label has (شاهد الفيديو، فيديو: ...).
_VIDEO_LABEL_WORDS: Final = 8
# A word of each of VIDEO_LINE's phrases (its longest): a line that holds none of them is no
# label, told by a few `in` tests where the family's pattern costs 2-3,000 instructions a line
# (None when the family has patterns: every line is matched).
_VIDEO_WORDS: Final = (
    None
    if VIDEO_LINE.patterns
    else tuple(sorted({max(normalize(p).split(), key=len) for p in VIDEO_LINE.phrases}))
)


def _video_reason(hints: PageHints) -> str:
    if hints.says_video:
        return f"og:type {hints.og_type}" if hints.og_type else "JSON-LD VideoObject"
    return "a video headline or player label, little text"


def _live(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    spans: list[tuple[int, int]],
    hinted: bool,
) -> PageKind:
    inside = {k for s, e in spans for k in range(s, e + 1)}
    starts = {s for s, _ in spans}
    out: list[Decision] = []
    for i, dec in enumerate(decs):
        if i in starts and not _INLINE_TIME.match(blocks[i].norm):
            out.append(Decision("bad", labels.DATE, ("entry-time",)))
        elif i in inside:  # an entry's title read as a caption is still the entry's
            out.append(Decision(dec.cls, labels.BODY, (*dec.reasons, "live-entry")))
        elif dec.is_body:
            out.append(Decision(dec.cls, labels.NOISE, (*dec.reasons, "not-a-live-entry")))
        else:
            out.append(dec)
    entries = [_entry(blocks, feats, span) for span in spans]
    why = f"{len(entries)} time-stamped entries with text" + (
        " (the page says it is live coverage)" if hinted else ""
    )
    return PageKind(
        "live", [f"page: a live blog: {why}; the body is the entries' text"], out, entries=entries
    )


def _gallery(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    *,
    m: _Measures,
    hints: PageHints,
    title: str,
    config: ExtractionConfig,
) -> PageKind | None:
    captions = photo_captions(blocks, feats, decs)
    hinted = not _GALLERY_SCHEMA.isdisjoint(hints.schema_types) or (
        bool(title) and GALLERY_TITLE.match(title) is not None
    )
    needed = config.gallery_meta_min_photos if hinted else config.gallery_min_photos
    caption_chars = sum(len(blocks[i].text) for i in captions)
    share = caption_chars / max(1, caption_chars + m.article_chars)
    if len(captions) < needed or share < config.gallery_caption_share:
        return None
    chosen = set(captions)
    out = [
        Decision("good", labels.BODY, (*d.reasons, "gallery-caption")) if i in chosen else d
        for i, d in enumerate(decs)
    ]
    return PageKind(
        "gallery",
        [
            f"page: a photo gallery: {len(captions)} captioned photos, {share:.0%} of the text; "
            "the body is its description and captions"
        ],
        out,
    )


# --- teasers as the Article gives them -----------------------------------------------------


def teasers_of(
    blocks: list[Block], heads: list[int], tree: LexborHTMLParser | None
) -> list[Teaser]:
    """The teasers' headlines and, on HTML, the links their headlines point to."""
    hrefs: dict[str, str] = {}
    if tree is not None:
        for anchor in tree.css("a[href]"):
            text = " ".join(anchor.text(deep=True).split())
            if text and text not in hrefs:
                hrefs[text] = anchor.attributes.get("href") or ""
    out: list[Teaser] = []
    for i in heads:
        if not _ASIDE.isdisjoint(blocks[i].dom_noise):
            continue  # a sidebar's list beside the listing
        text = blocks[i].text
        out.append(Teaser(text=text, url=hrefs.get(text) or None))
    return out
