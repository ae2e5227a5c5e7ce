"""HTML pages: the DOM, read with selectolax (Lexbor), turned into blocks with DOM features.

One iterative walk (no recursion, so any nesting depth is safe) visits each node once. Block-level
elements and ``<br>`` end the current block; every block remembers its tag, heading level, link
density, whether it sits in the article's text container or in a figure caption, and the
furniture it sits in (``nav``, a ``share`` class...). Hidden elements are skipped. The blocks
then go through the same engine as plain text, and the page's metadata fills what the text does
not say, cross-checked against it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from types import MappingProxyType
from typing import NamedTuple

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from arabic_extract.blocks import Block, make_block
from arabic_extract.classify import Decision
from arabic_extract.config import ExtractionConfig
from arabic_extract.fallback import NOTE as FALLBACK_NOTE
from arabic_extract.fallback import SKIPPED as FALLBACK_SKIPPED
from arabic_extract.fallback import second_opinion
from arabic_extract.features import is_outlet_name
from arabic_extract.fields import Fields
from arabic_extract.metadata import PageMeta, read_meta
from arabic_extract.model import Article, Label
from arabic_extract.normalize import normalize
from arabic_extract.pipeline import analyse, assemble
from arabic_extract.rules.dom import (
    ARTICLE_TOKENS,
    BLOCK_TAGS,
    CLASS_TOKEN,
    FURNITURE_TAGS,
    HEADINGS,
    HIDDEN_CLASSES,
    HIDDEN_STYLE,
    NOISE_TOKENS,
    SKIP_TAGS,
)

_HIDDEN_STYLE = regex.compile(HIDDEN_STYLE, regex.I)
_TOKEN_REASON = MappingProxyType(
    {token: reason for reason, tokens in NOISE_TOKENS.items() for token in tokens}
)
_EXEMPT = frozenset({"html", "body", "main", "article"})
# Elements whose presence inside a large container shows it holds the article.
_PROSE_MARKERS = frozenset({"p", "h1", "article", "main"})


class Ctx(NamedTuple):
    """What the walk knows about the element it is in (inherited by its descendants)."""

    noise: tuple[str, ...] = ()
    in_article: bool = False
    in_caption: bool = False
    heading: int = 0
    link: bool = False


_CLASS_TOKEN = re.compile(CLASS_TOKEN)
_NOISE_TOKEN_SET = frozenset(_TOKEN_REASON)
_NEGATIONS = ("no-", "no_", "noshare", "nocomment", "hide-", "without-", "disable-", "disabled-")
# Leaf blocks: the parser never nests block elements in these, so their text is read in one
# call to Lexbor instead of node by node (unless a <br> splits them).
_LEAVES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


class Own(NamedTuple):
    """What an element's own tag and attributes say, before its ancestors are considered."""

    hidden: bool = False
    noise: tuple[str, ...] = ()
    article: bool = False
    caption: bool = False
    heading: int = 0

    @property
    def neutral(self) -> bool:
        return not (self.hidden or self.noise or self.article or self.caption or self.heading)


NEUTRAL = Own()
HIDDEN = Own(hidden=True)
_TAG_OWN = MappingProxyType(
    {
        **{tag: Own(noise=(reason,)) for tag, reason in FURNITURE_TAGS.items()},
        **{tag: Own(heading=level) for tag, level in HEADINGS.items()},
        "article": Own(article=True),
        "main": Own(article=True),
        "figcaption": Own(caption=True),
    }
)


class Words(NamedTuple):
    """What a class or id attribute's words say."""

    hidden: bool = False
    noise: tuple[str, ...] = ()
    article: bool = False
    caption: bool = False


def read_words(value: str, noise_tokens: bool) -> Words:
    """Read a class or id attribute: hiding classes, furniture tokens, article containers."""
    words = value.lower().split()
    joined = {w.replace("-", "").replace("_", "") for w in words}
    if joined & HIDDEN_CLASSES:
        return Words(hidden=True)
    reasons: tuple[str, ...] = ()
    if noise_tokens and not joined & ARTICLE_TOKENS:  # an article container is never furniture
        # no-share, hide-comments: a negated word says what is absent
        kept = " ".join(w for w in words if not w.startswith(_NEGATIONS))
        hits = _NOISE_TOKEN_SET.intersection(_CLASS_TOKEN.findall(kept))
        if hits:
            reasons = tuple(dict.fromkeys(_TOKEN_REASON[t] for t in sorted(hits)))
    return Words(
        noise=reasons,
        article=bool(joined & ARTICLE_TOKENS),
        caption="wpcaptiontext" in joined,
    )


NO_WORDS = Words()


def _holds_prose(node: LexborNode, config: ExtractionConfig) -> bool:
    """A container that holds the page's prose is not furniture, whatever its class says
    (a page wrapped in one <form>, an article div with a "has-share" class)."""
    if len(node.text(deep=True)) <= config.dom_noise_max_chars:
        return False
    return any(d.tag in _PROSE_MARKERS for d in node.traverse(include_text=False))


def inner_context(node: LexborNode, own: Own, ctx: Ctx, config: ExtractionConfig) -> Ctx:
    noise = own.noise
    if noise and _holds_prose(node, config):
        noise = ()
    return Ctx(
        noise=tuple(dict.fromkeys((*ctx.noise, *noise))) if noise else ctx.noise,
        in_article=ctx.in_article or own.article,
        in_caption=ctx.in_caption or own.caption,
        heading=own.heading or ctx.heading,
        link=ctx.link,
    )


# A stack entry: a node to visit (None: the end of the block element opened before it), the
# context it is visited in, the tag of the block it belongs to, and its depth.
Frame = tuple[LexborNode | None, Ctx, str, int]


class _Walker:
    """Accumulates text into blocks during the walk."""

    def __init__(self, config: ExtractionConfig) -> None:
        self.config = config
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links: list[str] = []
        self.image = False
        self.nodes = 0
        self.tag, self.ctx = "body", Ctx()
        # Class strings repeat across a page (every menu item has the same); their reading is
        # kept for this walk only.
        self.read: dict[tuple[str, bool], Words] = {}

    def words(self, value: str | None, noise_tokens: bool) -> Words:
        if not value:
            return NO_WORDS
        key = (value, noise_tokens)
        found = self.read.get(key)
        if found is None:
            found = self.read[key] = read_words(value, noise_tokens)
        return found

    def own(self, node: LexborNode, tag: str) -> Own:
        """What the element's tag and attributes say about it."""
        attrs = node.attributes
        if not attrs:
            return _TAG_OWN.get(tag, NEUTRAL)
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return HIDDEN
        style = attrs.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return HIDDEN
        tokens = tag not in _EXEMPT and tag not in _LEAVES
        by_class = self.words(attrs.get("class"), tokens)
        by_id = self.words(attrs.get("id"), tokens)
        if by_class.hidden or by_id.hidden:
            return HIDDEN
        base = _TAG_OWN.get(tag, NEUTRAL)
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
        text = " ".join("".join(self.pieces).split())
        link_chars, links, image = self.link_chars, self.links, self.image
        self.pieces = []
        self.link_chars = 0
        self.links = []
        if not text:
            return
        self.image = False
        base = make_block(len(self.blocks), text, self.config.max_line_chars)
        self.blocks.append(
            Block(
                position=base.position,
                text=text,
                norm=base.norm,
                bullet=base.bullet,
                tag=tag,
                heading=ctx.heading,
                link_density=min(1.0, link_chars / max(1, len(text) - text.count(" "))),
                in_article=ctx.in_article,
                in_caption=ctx.in_caption,
                dom_noise=ctx.noise,
                links=tuple(links),
                after_image=image,
            )
        )

    def leaf(self, node: LexborNode, tag: str, ctx: Ctx) -> bool:
        """A <p> or heading: its text in one call to Lexbor, unless a <br> (or a block the
        parser let in) splits it; then False, and the walk goes through it node by node."""
        links: list[LexborNode] = []
        for inner in node.traverse(include_text=False):
            name = inner.tag
            if name == "a":
                links.append(inner)
            elif name == "img":
                self.image = True
            elif name == "br" or (name in BLOCK_TAGS and inner is not node and name != tag):
                return False
        text = node.text(deep=True)
        self.pieces.append(text)
        if ctx.link:
            self.link_chars += len(text.strip())
        else:
            anchors = [" ".join(a.text(deep=True).split()) for a in links]
            self.links.extend(a for a in anchors if a)
            self.link_chars += sum(len(a) for a in anchors)
        self.flush(tag, ctx)
        return True

    def open(
        self, node: LexborNode, tag: str, ctx: Ctx, depth: int, stack: list[Frame]
    ) -> Ctx | None:
        """Enter an element: the context for its children, or None when they are not walked
        (hidden, or a leaf already read whole)."""
        if tag in BLOCK_TAGS and depth < self.config.max_dom_depth:
            own = self.own(node, tag)
            if own.hidden:
                return None
            inner = ctx if own.neutral else inner_context(node, own, ctx, self.config)
            self.flush(self.tag, self.ctx)
            if tag in _LEAVES and self.leaf(node, tag, inner):
                return None
            stack.append((None, self.ctx, self.tag, depth))
            self.tag, self.ctx = tag, inner
            return inner
        if tag == "a" and not ctx.link:
            anchor = " ".join(node.text(deep=True).split())
            if anchor:
                self.links.append(anchor)
            return ctx._replace(link=True)
        return ctx

    def walk(self, root: LexborNode) -> None:
        """Visit every node once, depth first, with an explicit stack."""
        stack: list[Frame] = [(root, Ctx(), "body", 0)]
        while stack:
            node, ctx, block_tag, depth = stack.pop()
            if node is None:  # the end of a block element
                self.flush(self.tag, self.ctx)
                self.tag, self.ctx = block_tag, ctx
                continue
            self.nodes += 1
            if self.nodes > self.config.max_dom_nodes:
                break
            tag = node.tag
            if tag == "-text":
                self.add_text(node.text_content, ctx)
                continue
            if tag is None or tag[0] == "-" or tag in SKIP_TAGS:
                self.image = self.image or tag == "img"
                continue
            if tag in {"br", "hr"}:
                self.flush(self.tag, self.ctx)
                continue
            inner = self.open(node, tag, ctx, depth, stack)
            if inner is None:
                continue
            children: list[Frame] = []
            child = node.child
            while child is not None:
                children.append((child, inner, self.tag, depth + 1))
                child = child.next
            children.reverse()
            stack.extend(children)
        self.flush(self.tag, self.ctx)

    def add_text(self, value: str | None, ctx: Ctx) -> None:
        if value:
            self.pieces.append(value)
            if ctx.link:
                self.link_chars += len(value.strip())


# Hidden elements, inline ones included (<span style="display:none">), found in one query.
_HIDDEN_SELECTOR = ", ".join(
    (
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
)


def drop_hidden(root: LexborNode) -> None:
    """Remove hidden elements before the walk. Only the outermost of nested hidden elements is
    removed (removing an inner one after its ancestor would touch freed nodes)."""
    found = root.css(_HIDDEN_SELECTOR)
    if not found:
        return
    marked = {node.mem_id for node in found}
    for node in found:
        parent = node.parent
        while parent is not None and parent.mem_id not in marked:
            parent = parent.parent
        if parent is None:
            node.decompose()


def html_blocks(tree: LexborHTMLParser, config: ExtractionConfig) -> tuple[list[Block], list[str]]:
    root = tree.body or tree.root
    if root is None:
        return [], ["body: the HTML has no body"]
    drop_hidden(root)
    walker = _Walker(config)
    walker.walk(root)
    notes = []
    if walker.nodes > config.max_dom_nodes:
        notes.append(f"HTML has more than {config.max_dom_nodes} nodes; the rest was not read")
    return walker.blocks, notes


_WORD = regex.compile(r"[\p{L}\p{N}]+")


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 of two normalised strings."""
    left, right = Counter(_WORD.findall(a)), Counter(_WORD.findall(b))
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision, recall = common / sum(left.values()), common / sum(right.values())
    return 2 * precision * recall / (precision + recall)


def match_headline(
    blocks: list[Block], decs: list[Decision], fields: Fields, meta: PageMeta
) -> tuple[str | None, list[Decision]]:
    """The headline: the page's block that the metadata title names (its text as shown),
    else what the text engine found, else the metadata title itself."""
    if not meta.headline:
        return fields.headline, decs
    wanted = normalize(meta.headline)
    scored = [
        (token_f1(b.norm, wanted) + (0.05 if b.heading == 1 else 0.0), i)
        for i, b in enumerate(blocks)
        if b.heading or decs[i].label is Label.HEADLINE
    ]
    best = max(scored, default=(0.0, -1))
    if best[0] >= 0.8:
        out = list(decs)
        index = best[1]
        for i, b in enumerate(blocks):
            if out[i].label is Label.HEADLINE and b.norm != blocks[index].norm:
                out[i] = Decision("bad", Label.NOISE, (*out[i].reasons, "not-the-headline"))
        out[index] = Decision("bad", Label.HEADLINE, ("headline", "meta-title"))
        return blocks[index].text, out
    if fields.headline and token_f1(normalize(fields.headline), wanted) >= 0.5:
        return fields.headline, decs
    return meta.headline, decs


def dom_tags(blocks: list[Block], decs: list[Decision]) -> list[str]:
    """Entries of tag lists marked up as such (a 'tags' class), as link texts."""
    tags: list[str] = []
    for block, dec in zip(blocks, decs, strict=True):
        if (
            "dom:tags" in block.dom_noise
            and block.link_density > 0.5
            and (1 <= len(block.norm.split()) <= 6 and dec.label is not Label.BODY)
            and block.text not in tags
        ):
            tags.append(block.text)
    return tags


_ACRONYM = regex.compile(r"^[A-Z0-9]{2,8}$")


def is_person_name(name: str, site_name: str | None) -> bool:
    """A metadata author that names a person, not the outlet or its staff account."""
    norm = normalize(name)
    if site_name and (norm in normalize(site_name) or normalize(site_name) in norm):
        return False
    return not (is_outlet_name(norm) and not _LATIN_PERSON.match(name)) and not _ACRONYM.match(name)


_LATIN_PERSON = regex.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}$")


def merge_meta(
    blocks: list[Block], decs: list[Decision], fields: Fields, meta: PageMeta
) -> tuple[Fields, list[Decision]]:
    """Fill and cross-check the fields with the page's metadata."""
    headline, decs = match_headline(blocks, decs, fields, meta)
    author = fields.author
    if author is None and meta.author and is_person_name(meta.author, meta.site_name):
        author = meta.author
    notes = [n for n in fields.notes if not n.startswith(("published:", "headline:"))]
    published = meta.published or fields.published
    if published is None:
        notes.append("published: no date in the metadata or on the page")
    if headline is None:
        notes.append("headline: no title in the metadata and none introduces the body")
    return (
        replace(
            fields,
            headline=headline,
            author=author,
            published=published,
            date_text=fields.date_text or meta.published_text,
            site_name=meta.site_name or fields.site_name,
            tags=fields.tags or dom_tags(blocks, decs) or meta.tags,
            notes=notes,
        ),
        decs,
    )


def extract_html(html: str, config: ExtractionConfig, url: str | None, notes: list[str]) -> Article:
    """Extract the article from an HTML page (already decoded)."""
    tree = LexborHTMLParser(html)
    meta = read_meta(tree)
    blocks, walk_notes = html_blocks(tree, config)
    notes = [*notes, *walk_notes]
    if not blocks:
        return Article(
            url=url,
            headline=meta.headline,
            site_name=meta.site_name,
            language=meta.language,
            notes=[*notes, "body: the page has no visible text"],
        )
    fields, decs = analyse(blocks, config)
    if config.use_trafilatura_fallback and not any(d.label is Label.BODY for d in decs):
        if len(blocks) > config.fallback_max_blocks:
            fields = replace(fields, notes=[*fields.notes, FALLBACK_SKIPPED])
        elif (opinion := second_opinion(html, blocks, decs)) is not None:
            decs = opinion
            kept = [n for n in fields.notes if not n.startswith("body:")]
            fields = replace(fields, notes=[*kept, FALLBACK_NOTE])
    fields, decs = merge_meta(blocks, decs, fields, meta)
    return assemble(
        blocks, fields, decs, config=config, url=url, notes=notes, language=meta.language
    )
