"""HTML pages: the DOM, read with selectolax (Lexbor), turned into blocks with DOM features.

One iterative walk (no recursion, so any nesting depth is safe) follows first-child and
next-sibling links. Block-level elements and ``<br>`` end the current block; a block element
with no block, break or unseen element inside is read whole, in one call to Lexbor. Every block
remembers its tag, heading level, link density, whether it sits in the article's text container
or in a figure caption, and the furniture it sits in (``nav``, a ``share`` class...). Hidden
elements are skipped. The blocks then go through the same engine as plain text, and the page's
metadata fills what the text does not say, cross-checked against it.

Most of the time of this module goes to what Python does per block element (reading its class
and id, its context); class and id readings are remembered for the walk.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final, final

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block, LinkRun, Media, link_runs, matching_forms
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.deadline import late_note, out_of_time
from arabic_extract.engine.fallback import NOTE as FALLBACK_NOTE
from arabic_extract.engine.fallback import SKIPPED as FALLBACK_SKIPPED
from arabic_extract.engine.fallback import second_opinion
from arabic_extract.engine.merge import merge_meta
from arabic_extract.engine.metadata import read_meta
from arabic_extract.engine.page_type import page_hints, teasers_of
from arabic_extract.engine.pipeline import analyse, assemble, with_language
from arabic_extract.model import Article
from arabic_extract.rules.dom import (
    ARTICLE_HEADER_TOKENS,
    ARTICLE_TOKENS,
    BLOCK_TAGS,
    CLASS_TOKEN,
    EMBED_CLASSES,
    FURNITURE_TAGS,
    HEADINGS,
    HIDDEN_CLASSES,
    HIDDEN_STYLE,
    IMAGE_SOURCES,
    NOISE_TOKENS,
    SKIP_TAGS,
    VIDEO_HOSTS,
)

_HIDDEN_STYLE: Final = regex.compile(HIDDEN_STYLE, regex.I)
# What a match of _HIDDEN_STYLE ends in, lower-cased: "none" or (hi)"dden". The pattern matches
# the letters n, o, e and d, case aside, only as themselves (not so i: "İ" is one), so that
# lowering the text keeps them (see may_hide).
_HIDDEN_STYLE_ENDS: Final = ("none", "dden")


def may_hide(style: str) -> bool:
    """Whether a style attribute may match _HIDDEN_STYLE: its lowered text holds one of the
    ends of a match (a test checks it). Spares most styles the search, about 5,000
    instructions each."""
    lowered = style.lower()
    return _HIDDEN_STYLE_ENDS[0] in lowered or _HIDDEN_STYLE_ENDS[1] in lowered


_TOKEN_REASON: Final = MappingProxyType(
    {token: reason for reason, tokens in NOISE_TOKENS.items() for token in tokens}
)
_EXEMPT: Final = frozenset({"html", "body", "main", "article"})
# Elements whose presence inside a large container shows it holds the article.
_PROSE_MARKERS: Final = frozenset({"p", "h1", "article", "main"})
_PROSE_SELECTOR: Final = ", ".join(sorted(_PROSE_MARKERS))
# Structures a block may be part of (see Block): the elements that open a group, by its kind;
# list items and table rows; table cells.
_GROUPS: Final = MappingProxyType(
    {"ul": "ul", "ol": "ol", "table": "table", "blockquote": "blockquote", "figure": "figure"}
)
_ITEMS: Final = frozenset({"li", "tr"})
_CELLS: Final = frozenset({"td", "th"})
_STRUCTURE_TAGS: Final = frozenset({*_GROUPS, *_ITEMS, *_CELLS})
_BOLD: Final = frozenset({"strong", "b"})
# Unseen elements kept as media: images (for the figures), players and iframes (embeds).
_MEDIA_TAGS: Final = frozenset({"img", "picture", "iframe", "video"})


# Before the page is parsed (see arabic_extract.api.bound_attributes): the separators that may
# stand between an attribute's "=" and its value, and the quotes a value may open with.
_VALUE_SPACES: Final = "\t\n\f\r "
_QUOTES: Final = "\"'"


def quoted_gt(page: str) -> list[int]:
    """Where ``=[\\t\\n\\f\\r ]*+(?:"[^">]*+|'[^'>]*+)>`` matches, one match after the other as
    ``re.finditer`` finds them: each "=" whose quoted value holds a ">" before its closing
    quote (a tag that may be longer than it looks). The pattern reads every value a character
    at a time (re checks a class of two characters on a slow path: 2,000 instructions a value
    of a real page); two searches for a character (memchr) find the closing quote and the
    ">": 26.7 M instructions a round of the HTML dev pages fall to 9.9 M."""
    found: list[int] = []
    size = len(page)
    at = page.find("=")
    while at >= 0:
        start = at + 1
        while start < size and page[start] in _VALUE_SPACES:
            start += 1
        if start < size and page[start] in _QUOTES:
            close = page.find(page[start], start + 1)
            gt = page.find(">", start + 1, size if close < 0 else close)
            if gt >= 0:
                found.append(at)
                at = page.find("=", gt + 1)
                continue
        at = page.find("=", at + 1)
    return found


# The walk's records are small final classes with slots, immutable (Final): compiled by mypyc
# they are C structs, created and read without the interpreter (NamedTuples are not).
@final
class Ctx:
    """What the walk knows about the element it is in (inherited by its descendants): its
    furniture, article container, caption and heading, whether it is in a link (and where the
    link goes, when links are kept), and the structure it is part of (see
    :class:`~arabic_extract.engine.blocks.Block`: group and its kind, item, cell)."""

    __slots__ = (
        "cell",
        "container",
        "group",
        "heading",
        "href",
        "in_article",
        "in_caption",
        "item",
        "link",
        "noise",
    )

    def __init__(  # noqa: PLR0917 - made per element of the walk: positional, as Block's
        self,
        noise: tuple[str, ...] = (),
        in_article: bool = False,
        in_caption: bool = False,
        heading: int = 0,
        link: bool = False,
        href: str | None = None,
        group: int = 0,
        container: str = "",
        item: int = 0,
        cell: int = 0,
    ) -> None:
        self.noise: Final = noise
        self.in_article: Final = in_article
        self.in_caption: Final = in_caption
        self.heading: Final = heading
        self.link: Final = link
        self.href: Final = href
        self.group: Final = group
        self.container: Final = container
        self.item: Final = item
        self.cell: Final = cell

    def part(self, group: int, container: str, item: int, cell: int) -> Ctx:
        """This context inside a structure: a group (list, table, quote, figure, embed), an
        item (list item, table row) or a cell."""
        return Ctx(
            self.noise,
            self.in_article,
            self.in_caption,
            self.heading,
            self.link,
            self.href,
            group,
            container,
            item,
            cell,
        )

    def linked(self, href: str | None) -> Ctx:
        """This context inside a link (to ``href``, when links are kept)."""
        return Ctx(
            self.noise,
            self.in_article,
            self.in_caption,
            self.heading,
            True,
            href,
            self.group,
            self.container,
            self.item,
            self.cell,
        )


_CLASS_TOKEN: Final = re.compile(CLASS_TOKEN)
_NOISE_TOKEN_SET: Final = frozenset(_TOKEN_REASON)
_NEGATIONS: Final = (
    "no-",
    "no_",
    "noshare",
    "nocomment",
    "hide-",
    "without-",
    "disable-",
    "disabled-",
)
_BREAKS: Final = frozenset({"br", "hr"})
# What a block read whole (see _Walker.leaf) must not hold: its text would not be its own.
_NOT_IN_LEAF: Final = BLOCK_TAGS | _BREAKS | (SKIP_TAGS - {"img"})
# Leaf blocks by tag: their class and id are not read for furniture tokens.
_LEAVES: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
# Block elements that may hold text directly, and so may be read whole; the others (lists,
# tables, sections) hold blocks.
_LEAF_TAGS: Final = BLOCK_TAGS - {
    "html",
    "body",
    "main",
    "article",
    "section",
    "nav",
    "aside",
    "header",
    "footer",
    "form",
    "fieldset",
    "ul",
    "ol",
    "dl",
    "menu",
    "dir",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "hgroup",
    "details",
    "figure",
    "hr",
}


def tag_name(node: LexborNode, names: dict[object, str]) -> str | None:
    """``node.tag``, remembered for the walk by Lexbor's tag id (``names``): the property makes
    the name into a new string each time, which the sets it is looked up in hash again; the
    id is a number, and a name read once is one string with its hash. An id is one name in the
    HTML namespace; only in SVG is it not (clipPath and the HTML clippath share one), and the
    walk never reads a name inside <svg> or <math> (it skips them, and a leaf's check stops
    at them). Saves about 230 instructions a node. (The id is kept an object: as an int, the
    compiled module would unbox it and box it again for the lookup.)"""
    tag_id: object = node.tag_id
    name = names.get(tag_id)
    if name is None:
        name = node.tag
        if name is not None:
            names[tag_id] = name
    return name


# What a look at an element's first nodes tells of the elements inside it (see glance).
NO_ELEMENTS: Final = 0
NOT_LEAF: Final = 1
UNSEEN: Final = 2


def glance(node: LexborNode, names: dict[object, str]) -> int:
    """What an element's first nodes tell of the elements inside it: none (it is empty or
    holds one text), a block, break or unseen element first (NOT_LEAF: the nested <div>s of a
    layout), or nothing yet (UNSEEN: the elements are to be traversed). It spares most block
    elements Lexbor's traversal, a generator that costs more to set up, and to close when
    left at a block, than the element's first two nodes cost to read."""
    first = node.first_child
    if first is None:
        return NO_ELEMENTS
    name = tag_name(first, names)
    if name == "-text":  # (a text has no children: the next node is the next in the traversal)
        first = first.next
        if first is None:
            return NO_ELEMENTS
        name = tag_name(first, names)
    return NOT_LEAF if name in _NOT_IN_LEAF else UNSEEN


@final
class Inside:
    """What a block element read whole holds that its reading needs: its links, its images
    and its first bold element."""

    __slots__ = ("images", "links", "strong")

    def __init__(self) -> None:
        self.links: list[LexborNode] = []
        self.images: list[LexborNode] = []
        self.strong: LexborNode | None = None


def inside(node: LexborNode, names: dict[object, str]) -> Inside | None:
    """The links, images and first bold element of a block element with no block, break or
    unseen element inside; None for one with any."""
    seen = glance(node, names)
    if seen == NOT_LEAF:
        return None
    found = Inside()
    if seen == UNSEEN:
        elements = node.traverse(include_text=False)
        next(elements)  # the element itself
        for inner in elements:
            name = tag_name(inner, names)
            if name == "a":
                found.links.append(inner)
            elif name == "img":
                found.images.append(inner)
            elif name in _NOT_IN_LEAF:
                return None
            elif found.strong is None and name in _BOLD:
                found.strong = inner
    return found


@final
class Own:
    """What an element's own tag and attributes say, before its ancestors are considered;
    ``neutral`` when it says nothing."""

    __slots__ = ("article", "caption", "heading", "hidden", "neutral", "noise")

    def __init__(
        self,
        hidden: bool = False,
        noise: tuple[str, ...] = (),
        article: bool = False,
        caption: bool = False,
        heading: int = 0,
    ) -> None:
        self.hidden: Final = hidden
        self.noise: Final = noise
        self.article: Final = article
        self.caption: Final = caption
        self.heading: Final = heading
        self.neutral: Final = not (hidden or noise or article or caption or heading)


NEUTRAL: Final = Own()
HIDDEN: Final = Own(hidden=True)
_TAG_OWN: Final = MappingProxyType(
    {
        **{tag: Own(noise=(reason,)) for tag, reason in FURNITURE_TAGS.items()},
        **{tag: Own(heading=level) for tag, level in HEADINGS.items()},
        "article": Own(article=True),
        "main": Own(article=True),
        "figcaption": Own(caption=True),
    }
)
# Its keys, looked up first (a set lookup costs the compiled module no method call).
_OWN_TAGS: Final = frozenset(_TAG_OWN)


@final
class Words:
    """What a class or id attribute's words say."""

    __slots__ = ("article", "caption", "hidden", "noise")

    def __init__(
        self,
        hidden: bool = False,
        noise: tuple[str, ...] = (),
        article: bool = False,
        caption: bool = False,
    ) -> None:
        self.hidden: Final = hidden
        self.noise: Final = noise
        self.article: Final = article
        self.caption: Final = caption


# A translation table for ASCII text, indexed by code point: every character but a-z becomes
# a space, so that an ASCII class string's runs of letters are its words (see _class_tokens).
_NOT_LETTERS: Final = "".join(chr(c) if "a" <= chr(c) <= "z" else " " for c in range(128))


def _class_tokens(lowered: str) -> list[str]:
    """``_CLASS_TOKEN.findall(lowered)``: the runs of a-z letters (for ASCII text, the words
    left once every other character is a space, without the pattern)."""
    if lowered.isascii():
        return lowered.translate(_NOT_LETTERS).split()
    return _CLASS_TOKEN.findall(lowered)


# The rule sets read_words looks words up in, held by this module (a compiled module reads its
# own final names directly, an imported name through its dictionary of globals).
_HIDDEN_CLASSES: Final = HIDDEN_CLASSES
_ARTICLE_TOKENS: Final = ARTICLE_TOKENS
_ARTICLE_HEADER_TOKENS: Final = tuple(sorted(ARTICLE_HEADER_TOKENS))
# For an ASCII class string: every byte but a-z becomes a space, and the furniture tokens as
# bytes (the runs of letters of the string's bytes are its _class_tokens).
_LETTER_BYTES: Final = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_NOISE_TOKEN_BYTES: Final = frozenset(token.encode("ascii") for token in _NOISE_TOKEN_SET)


def _noise_hits(lowered: str) -> AbstractSet[str]:
    """``_NOISE_TOKEN_SET.intersection(_class_tokens(lowered))``; an ASCII string is cut
    into its runs of letters as bytes (twice as fast as a str)."""
    if lowered.isascii():
        found = lowered.encode("ascii").translate(_LETTER_BYTES).split()
        return {token.decode("ascii") for token in found if token in _NOISE_TOKEN_BYTES}
    return _NOISE_TOKEN_SET.intersection(_class_tokens(lowered))


def read_words(value: str, noise_tokens: bool) -> Words:
    """Read a class or id attribute: hiding classes, furniture tokens, article containers."""
    lowered = value.lower()
    joined = lowered.replace("-", "").replace("_", "").split()  # entry-content: one word
    if any(word in _HIDDEN_CLASSES for word in joined):
        return HIDDEN_WORDS
    article = any(word in _ARTICLE_TOKENS for word in joined)
    caption = "wpcaptiontext" in joined
    reasons: tuple[str, ...] = ()
    # (an article container is never furniture, nor is the article's own header: entry-header,
    # entry-header-outer, Article_header__Qw1)
    hits = _noise_hits(lowered) if noise_tokens and not article else frozenset()
    if "header" in hits and any(word.startswith(_ARTICLE_HEADER_TOKENS) for word in joined):
        hits = hits - {"header"}
    if hits:
        words = lowered.split()
        if any(w.startswith(_NEGATIONS) for w in words):
            # no-share, hide-comments: a negated word says what is absent
            kept = " ".join(w for w in words if not w.startswith(_NEGATIONS))
            hits = _NOISE_TOKEN_SET.intersection(_class_tokens(kept))
        reasons = tuple(dict.fromkeys(_TOKEN_REASON[t] for t in sorted(hits)))
    if not (reasons or article or caption):
        return NO_WORDS
    return Words(False, reasons, article, caption)


NO_WORDS: Final = Words()
HIDDEN_WORDS: Final = Words(hidden=True)


def _holds_prose(node: LexborNode, config: ExtractionConfig) -> bool:
    """A container that holds the page's prose is not furniture, whatever its class says
    (a page wrapped in one <form>, an article div with a "has-share" class)."""
    # (the length first: most furniture holds little text, which Lexbor gives in one walk of
    # the subtree; the markers then, one query that walks the subtree up to the first marker
    # once per kind of marker)
    if len(node.text(deep=True)) <= config.dom_noise_max_chars:
        return False
    return node.tag in _PROSE_MARKERS or node.css_first(_PROSE_SELECTOR) is not None


def inner_context(node: LexborNode, own: Own, ctx: Ctx, config: ExtractionConfig) -> Ctx:
    noise = own.noise
    # Inside furniture (ctx.noise), an element never holds prose: its ancestor did not, and
    # its text and its elements are part of the ancestor's.
    if noise and not ctx.noise and _holds_prose(node, config):
        noise = ()
    return Ctx(
        tuple(dict.fromkeys((*ctx.noise, *noise))) if noise else ctx.noise,
        ctx.in_article or own.article,
        ctx.in_caption or own.caption,
        own.heading or ctx.heading,
        ctx.link,
        ctx.href,
        ctx.group,
        ctx.container,
        ctx.item,
        ctx.cell,
    )


@final
class Resume:
    """Where the walk goes on once an element's children are done: the element's next sibling,
    in its parent's context, and, when the element was a block (``closes``), the block it
    interrupted."""

    __slots__ = ("closes", "ctx", "depth", "node", "outer_ctx", "outer_tag")

    def __init__(
        self,
        node: LexborNode | None,
        ctx: Ctx,
        depth: int,
        *,
        closes: bool,
        outer_tag: str,
        outer_ctx: Ctx,
    ) -> None:
        self.node: Final = node
        self.ctx: Final = ctx
        self.depth: Final = depth
        self.closes: Final = closes
        self.outer_tag: Final = outer_tag
        self.outer_ctx: Final = outer_ctx


# What entering an element gives: the context for its children, and whether it is a block.
Entered = tuple[Ctx, bool]


@final
class Pending:
    """A block as the walk ends it, before it is normalised for matching."""

    __slots__ = ("after_image", "bold", "ctx", "link_density", "links", "spans", "tag", "text")

    def __init__(  # noqa: PLR0917 - one per block of the walk: positional, as Block's
        self,
        text: str,
        tag: str,
        ctx: Ctx,
        link_density: float,
        links: tuple[str, ...],
        after_image: bool,
        bold: bool,
        spans: tuple[LinkRun, ...],
    ) -> None:
        self.text: Final = text
        self.tag: Final = tag
        self.ctx: Final = ctx
        self.link_density: Final = link_density
        self.links: Final = links
        self.after_image: Final = after_image
        self.bold: Final = bold
        self.spans: Final = spans


def embed_kind(classes: str | None) -> str | None:
    """The kind of embedded post a <blockquote>'s class names (tweet, post), or None."""
    if not classes:
        return None
    return next((EMBED_CLASSES[c] for c in classes.split() if c in EMBED_CLASSES), None)


def post_url(node: LexborNode) -> str | None:
    """An embedded post's address: its blockquote's cite, else its last link (the date link
    of a tweet's signature)."""
    cite = node.attributes.get("cite") or node.attributes.get("data-instgrm-permalink")
    if cite:
        return cite
    hrefs = [a.attributes.get("href") for a in node.css("a[href]")]
    return next((href for href in reversed(hrefs) if href), None)


def image_source(attrs: dict[str, str | None]) -> str | None:
    """An image's address: the first real one of its source attributes (a lazy loader's
    placeholder, a data: URI, is none); the first address of a srcset."""
    for name in IMAGE_SOURCES:
        value = attrs.get(name)
        if not value or value.startswith("data:"):
            continue
        value = value.strip()
        if name.endswith("srcset"):
            value = value.split(",")[0].strip().split(" ")[0]
        if value:
            return value
    return None


@final
class Picture:
    """An <img> met in the walk: where it stands and its group (see
    :class:`~arabic_extract.engine.blocks.Media`); its attributes are read only when it is near the
    article (:func:`article_media`)."""

    __slots__ = ("group", "node", "position")

    def __init__(self, position: int, group: int, node: LexborNode) -> None:
        self.position: Final = position
        self.group: Final = group
        self.node: Final = node


# How far above the headline (or the body) and below the body an image may stand and still be
# the article's (the content builder decides which it shows).
_IMAGES_ABOVE: Final = 3
_IMAGES_BELOW: Final = 2


def article_media(walked: Walked, decs: list[Decision]) -> list[Media]:
    """The media the content may show: the players and posts the walk kept, and the images
    from a few blocks above the headline (or the body) to just below the body, their
    addresses read now."""
    kept = [i for i, d in enumerate(decs) if d.is_body or d.label is labels.HEADLINE]
    if not kept or not walked.pictures:
        return walked.media
    low, high = kept[0] - _IMAGES_ABOVE, kept[-1] + _IMAGES_BELOW
    images = [
        image_media(p.node, p.position, p.group)
        for p in walked.pictures
        if low <= p.position <= high
    ]
    return [*walked.media, *images]


def image_media(node: LexborNode, position: int, group: int) -> Media:
    """An <img> as a figure's image."""
    attrs = node.attributes
    alt = attrs.get("alt")
    return Media(
        position,
        "img",
        image_source(attrs),
        alt=" ".join(alt.split()) or None if alt else None,
        group=group,
    )


def player_source(node: LexborNode) -> str | None:
    """The address an <iframe> or <video> plays (a video's first <source>)."""
    src = node.attributes.get("src") or node.attributes.get("data-src")
    if not src and node.tag == "video":
        source = node.css_first("source[src]")
        src = source.attributes.get("src") if source is not None else None
    return src or None


def video_host(src: str | None) -> bool:
    """Whether an iframe plays a video (YouTube, Vimeo, Dailymotion...)."""
    return src is not None and any(host in src for host in VIDEO_HOSTS)


class _Walker:
    """Accumulates text into blocks during the walk."""

    def __init__(self, config: ExtractionConfig, deadline: float | None = None) -> None:
        self.config = config
        self.deadline = deadline
        self.late = False  # the walk stopped at the deadline
        # read per block element: a plain attribute, not a pydantic model's
        self.max_depth = config.max_dom_depth
        self.pending: list[Pending] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links: list[str] = []
        self.image = False
        self.bold = False  # the block being read is bold throughout (a leaf's <strong>)
        # links kept as spans (config.links): each piece's link, the walk read node by node
        self.keep_links = config.links
        self.hrefs: list[str | None] = []
        self.embeds = config.embeds
        self.media: list[Media] = []  # players and embedded posts (config.embeds)
        self.pictures: list[Picture] = []  # images, read once the article is known
        self.ids = 0  # the last structure number given (groups, items, cells)
        self.nodes = 0
        self.tag, self.ctx = "body", Ctx()
        # Class strings repeat across a page (every menu item has the same); their reading is
        # kept for this walk only.
        self.read_tokens: dict[str, Words] = {}
        self.read_plain: dict[str, Words] = {}
        self.names: dict[object, str] = {}  # tag names by Lexbor's tag id (see tag_name)

    def words(self, value: str | None, noise_tokens: bool) -> Words:
        """:func:`read_words`, remembered for the walk."""
        if not value:
            return NO_WORDS
        read = self.read_tokens if noise_tokens else self.read_plain
        found = read.get(value)
        if found is None:
            found = read[value] = read_words(value, noise_tokens)
        return found

    def own(self, node: LexborNode, tag: str) -> Own:
        """What the element's tag and attributes say about it."""
        attrs = node.attributes
        base = _TAG_OWN[tag] if tag in _OWN_TAGS else NEUTRAL
        if not attrs:
            return base
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return HIDDEN
        style = attrs.get("style")
        if style and may_hide(style) and _HIDDEN_STYLE.search(style):
            return HIDDEN
        tokens = tag not in _EXEMPT and tag not in _LEAVES
        by_class = self.words(attrs.get("class"), tokens)
        by_id = self.words(attrs.get("id"), tokens)
        plain = by_class is NO_WORDS and by_id is NO_WORDS
        if plain and "itemprop" not in attrs and attrs.get("role") != "main":
            return base
        if by_class.hidden or by_id.hidden:
            return HIDDEN
        noise = base.noise + by_class.noise + by_id.noise
        return Own(
            noise=tuple(dict.fromkeys(noise)) if noise else (),
            article=base.article
            or by_class.article
            or by_id.article
            or attrs.get("itemprop") == "articleBody"
            or attrs.get("role") == "main",
            caption=base.caption or by_class.caption,
            heading=base.heading,
        )

    def flush(self, tag: str, ctx: Ctx) -> None:
        """End the current block (if it has text); ``tag`` and ``ctx`` are the element's it
        was written in."""
        if not self.pieces:
            return
        pieces = self.pieces
        text = " ".join("".join(pieces).split())
        link_chars, links, image, bold = self.link_chars, self.links, self.image, self.bold
        self.pieces = []
        self.link_chars = 0
        self.links = []
        self.bold = False
        spans: tuple[LinkRun, ...] = ()
        if self.keep_links:
            hrefs, self.hrefs = self.hrefs, []
            if links and any(href is not None for href in hrefs):
                spans = link_runs(pieces, hrefs)
        if not text:
            return
        self.image = False
        density = min(1.0, link_chars / max(1, len(text) - text.count(" ")))
        self.pending.append(Pending(text, tag, ctx, density, tuple(links), image, bold, spans))

    def finish(self) -> list[Block]:
        """The blocks, normalised for matching in one pass."""
        if self.pieces:
            self.flush(self.tag, self.ctx)
        forms = matching_forms([p.text for p in self.pending], self.config.max_line_chars)
        # (positional: the walk's blocks are many, keyword arguments cost a dictionary each)
        return [
            Block(
                index,
                p.text,
                norm,
                bullet,
                p.tag,
                p.ctx.heading,
                p.link_density,
                p.ctx.in_article,
                p.ctx.in_caption,
                p.ctx.noise,
                p.links,
                p.after_image,
                p.ctx.group,
                p.ctx.container,
                p.ctx.item,
                p.ctx.cell,
                p.bold,
                p.spans,
            )
            for index, (p, (norm, bullet)) in enumerate(zip(self.pending, forms, strict=True))
        ]

    def leaf(self, node: LexborNode, tag: str, ctx: Ctx) -> bool:
        """A block element with no block, break or unseen element inside: its text in one
        call to Lexbor. Otherwise False, and the walk goes through it node by node (a block
        that holds blocks finds out at its first element)."""
        found = inside(node, self.names)
        if found is None:
            return False
        links, images, strong = found.links, found.images, found.strong
        if links and self.keep_links:
            return False  # read node by node, each piece with its link
        text = node.text(deep=True)
        if images:
            self.image = True
            position = len(self.pending)
            self.pictures.extend(Picture(position, ctx.group, image) for image in images)
        if strong is not None:
            shown = text.split()
            self.bold = bool(shown) and strong.text(deep=True).split() == shown
        self.pieces.append(text)
        if self.keep_links:
            self.hrefs.append(None)
        if ctx.link:
            self.link_chars += len(text.strip())
        else:
            anchors = [" ".join(a.text(deep=True).split()) for a in links]
            self.links.extend(a for a in anchors if a)
            self.link_chars += sum(len(a) for a in anchors)
        self.flush(tag, ctx)
        return True

    def open_block(self, node: LexborNode, tag: str, ctx: Ctx) -> Ctx | None:
        """Enter a block element: the context for its children, or None when they are not
        walked (hidden, or a leaf already read whole)."""
        own = self.own(node, tag)
        if own.hidden:
            return None
        inner = ctx if own.neutral else inner_context(node, own, ctx, self.config)
        if tag in _STRUCTURE_TAGS:
            inner = self.structure(node, tag, inner)
        if self.pieces:
            self.flush(self.tag, self.ctx)
        if tag in _LEAF_TAGS and self.leaf(node, tag, inner):
            return None
        return inner

    def structure(self, node: LexborNode, tag: str, ctx: Ctx) -> Ctx:
        """Enter a list, table, quote or figure, a list item, a table row or a cell: the
        context that numbers it (see :class:`~arabic_extract.engine.blocks.Block`)."""
        self.ids += 1
        number = self.ids
        if tag in _CELLS:
            return ctx.part(ctx.group, ctx.container, ctx.item, number)
        if tag in _ITEMS:
            return ctx.part(ctx.group, ctx.container, number, 0)
        container = _GROUPS[tag]
        if tag == "blockquote":
            kind = embed_kind(node.attributes.get("class"))
            if kind is not None:
                container = "embed"
                if self.embeds:
                    url = post_url(node)
                    self.media.append(Media(len(self.pending), kind, url, group=number))
        return ctx.part(number, container, 0, 0)

    def open_link(self, node: LexborNode, ctx: Ctx) -> Ctx:
        """Enter an <a> that is not inside another: its text is a link of the block."""
        anchor = " ".join(node.text(deep=True).split())
        if anchor:
            self.links.append(anchor)
        return ctx.linked(node.attributes.get("href") if self.keep_links else None)

    def enter(self, node: LexborNode, tag: str, ctx: Ctx, depth: int) -> Entered | None:
        """Visit an element: the context for its children and whether it is a block, or None
        when its children are not walked (unseen, hidden, a break, a leaf read whole)."""
        if tag[0] == "-" or tag in SKIP_TAGS:  # comments, unseen elements
            if tag in _MEDIA_TAGS:
                self.medium(node, tag, ctx)
            return None
        if tag in _BREAKS:
            self.flush(self.tag, self.ctx)
            return None
        if tag in BLOCK_TAGS and depth < self.max_depth:
            inner = self.open_block(node, tag, ctx)
            return None if inner is None else (inner, True)
        if tag == "a" and not ctx.link:
            return self.open_link(node, ctx), False
        return ctx, False

    def medium(self, node: LexborNode, tag: str, ctx: Ctx) -> None:
        """An image, a picture, a player or an iframe met in the walk: an image marks the next
        block as following one, and is kept for the figures; players and iframes are kept when
        embeds are."""
        if tag == "img":
            self.image = True
            self.pictures.append(Picture(len(self.pending), ctx.group, node))
        elif tag == "picture":
            inner = node.css_first("img")
            if inner is not None:
                self.pictures.append(Picture(len(self.pending), ctx.group, inner))
        elif self.embeds:
            src = player_source(node)
            kind = "video" if tag == "video" or video_host(src) else "iframe"
            self.media.append(Media(len(self.pending), kind, src, group=ctx.group))

    def walk(self, root: LexborNode) -> list[Block]:
        """Visit every node once, depth first, following first-child and next-sibling links;
        the stack holds where to resume after each element with children (no recursion, so
        any nesting depth is safe)."""
        limit = self.config.max_dom_nodes
        stack: list[Resume] = []
        node: LexborNode | None = root
        ctx = Ctx()
        depth = 0
        while node is not None or stack:
            if node is None:
                frame = stack.pop()
                if frame.closes:  # the end of a block element
                    if self.pieces:
                        self.flush(self.tag, self.ctx)
                    self.tag, self.ctx = frame.outer_tag, frame.outer_ctx
                node, ctx, depth = frame.node, frame.ctx, frame.depth
                continue
            self.nodes += 1
            if self.nodes > limit:
                break
            if self.nodes % 1024 == 0 and out_of_time(self.deadline):
                self.late = True
                break
            following = node.next if depth else None
            tag = tag_name(node, self.names) or "-"
            if tag == "-text":
                value = node.text_content
                if value and (self.pieces or not value.isspace()):  # not leading spaces
                    self.pieces.append(value)
                    if ctx.link:
                        self.link_chars += len(value.strip())
                    if self.keep_links:
                        self.hrefs.append(ctx.href)
            elif (entered := self.enter(node, tag, ctx, depth)) is not None and (
                child := node.first_child
            ) is not None:
                inner, block = entered
                stack.append(
                    Resume(
                        following, ctx, depth, closes=block, outer_tag=self.tag, outer_ctx=self.ctx
                    )
                )
                if block:
                    self.tag, self.ctx = tag, inner
                node, ctx, depth = child, inner, depth + 1
                continue
            node = following
        return self.finish()


# Hidden elements, inline ones included (<span style="display:none">), found in one query.
_HIDDEN_SELECTORS: Final = (
    "[hidden]",
    '[aria-hidden="true"]',
    '[style*="display:none"]',
    '[style*="display: none"]',
    '[style*="visibility:hidden"]',
    '[style*="visibility: hidden"]',
    ".hidden",
    ".hide",
    ".d-none",
    ".sr-only",
    ".visually-hidden",
    ".screen-reader-text",
    ".invisible",
)
_HIDDEN_SELECTOR: Final = ", ".join(_HIDDEN_SELECTORS)


def drop_hidden(root: LexborNode) -> None:
    """Remove hidden elements before the walk. Each is unlinked from its parent alone
    (``decompose(recursive=False)``): its descendants stay linked to it, out of the document,
    and Lexbor frees them with the document. A hidden element inside another (Lexbor lists
    them all, and twice one that two selectors match) is then unlinked from a subtree already
    out of the document, which changes nothing the walk reads. (Finding the outermost ones
    first, by climbing each one's parents, cost a fifth of this function: 4.5 M instructions a
    round of the dev pages.)"""
    found = root.css(_HIDDEN_SELECTOR)
    # The root itself hidden (found first, in document order) is emptied: the page shows
    # nothing. (mem_id: a LexborNode's == compares the two nodes' serialised HTML.)
    if found and found[0].mem_id == root.mem_id:
        root.decompose()
        return
    for node in found:
        node.decompose(recursive=False)


@dataclass(frozen=True)
class Walked:
    """What the walk of a page's DOM gives: its blocks, its media (images, players, embedded
    posts) and notes on what it could not read."""

    blocks: list[Block]
    media: list[Media]
    pictures: list[Picture]
    notes: list[str]


def html_blocks(
    tree: LexborHTMLParser, config: ExtractionConfig, deadline: float | None = None
) -> Walked:
    root = tree.body or tree.root
    if root is None:
        return Walked([], [], [], ["body: the HTML has no body"])
    drop_hidden(root)
    walker = _Walker(config, deadline)
    blocks = walker.walk(root)
    notes = []
    if walker.nodes > config.max_dom_nodes:
        notes.append(f"HTML has more than {config.max_dom_nodes} nodes; the rest was not read")
    if walker.late:
        notes.append(late_note(config, f"only the first {walker.nodes} nodes of the DOM were read"))
    return Walked(blocks, walker.media, walker.pictures, notes)


def extract_html(
    html: str,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    *,
    utf8: bytes | None = None,
    deadline: float | None = None,
) -> Article:
    """Extract the article from an HTML page (already decoded; ``utf8`` is the page as UTF-8
    bytes when the caller has them, which Lexbor parses faster than a str), by ``deadline``
    (see :mod:`arabic_extract.engine.deadline`)."""
    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    meta = read_meta(tree)
    walked = html_blocks(tree, config, deadline)
    blocks = walked.blocks
    notes = [*notes, *walked.notes]
    if not blocks:
        return Article(
            url=url,
            headline=meta.headline,
            site_name=meta.site_name,
            page_type="other",
            declared_language=meta.language,
            notes=[*notes, "body: the page has no visible text"],
        )
    analysis = analyse(blocks, config, page_hints(meta, url, tree), deadline)
    blocks, fields, decs, page = analysis.blocks, analysis.fields, analysis.decs, analysis.page
    article_page = page.page_type == "article"
    if article_page and config.use_trafilatura_fallback and not any(d.is_body for d in decs):
        if len(blocks) > config.fallback_max_blocks:
            fields = replace(fields, notes=[*fields.notes, FALLBACK_SKIPPED])
        elif out_of_time(deadline):
            note = late_note(config, "trafilatura not asked for a second opinion")
            fields = replace(fields, notes=[*fields.notes, note])
        elif (opinion := second_opinion(html, blocks, decs)) is not None:
            decs = opinion
            kept = [n for n in fields.notes if not n.startswith("body:")]
            fields = replace(fields, notes=[*kept, FALLBACK_NOTE])
    language, fields = with_language(blocks, decs, fields, config)
    fields, decs = merge_meta(blocks, decs, fields, meta)
    teasers = teasers_of(blocks, page.teasers, tree) if config.listing_teasers else None
    return assemble(
        blocks,
        fields,
        decs,
        config=config,
        url=url,
        notes=notes,
        page=page,
        language=language,
        declared_language=meta.language,
        teasers=teasers,
        media=article_media(walked, decs),
    )
