"""Page metadata: JSON-LD, OpenGraph and article:* meta, <title>, <html lang>.

Read before the DOM walk (JSON-LD lives in <script>). Values are only hints: the extractor
cross-checks them against the page's own blocks (see :mod:`arabic_extract.engine.html`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

import regex
from selectolax.lexbor import LexborHTMLParser

_ARTICLE_TYPES: Final = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "blogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "liveblogposting",
        "webpage",
        "socialmediaposting",
    }
)
# A run of spaces is matched from its first character only ((?<!\s)): a split that tried each
# character of a long run would scan the rest of the run each time.
_KEYWORD_SPLIT: Final = regex.compile(r"(?:(?<!\s)\s++)?+[,،;؛|]\s*+")
# (guillemets part a title only with spaces on both sides, "الرئيسية » أخبار": touching a word
# they quote it, «الأشغال»: طرح مناقصة ...)
TITLE_SEPARATORS: Final = regex.compile(r"(?<!\s)\s++[|\-–—:»«]\s++|(?:(?<!\s)\s++)?+\|\s*+")
_UTC_OFFSET: Final = regex.compile(r"([+-]\d\d)(\d\d)$")
_URL: Final = regex.compile(r"^(?:https?:)?//|^www\.", regex.I)


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself."""

    title: str | None = None
    headline: str | None = None
    site_name: str | None = None
    author: str | None = None
    published: datetime | None = None
    published_text: str | None = None
    updated: datetime | None = None
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    description: str | None = None
    # What the page says it is, for the page-type stage: og:type ("article", "website",
    # "video.other"...) and the @type of every JSON-LD object, lower-cased.
    og_type: str | None = None
    schema_types: frozenset[str] = frozenset()


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime as written in metadata (None when it is not one)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    text = _UTC_OFFSET.sub(r"\1:\2", text)
    for candidate in (text, text[:19], text[:10]):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value) if n]
        return "، ".join(names) if names else None
    return None


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _json_ld_objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 6:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _json_ld_objects(item, depth + 1)]
    if isinstance(data, dict):
        found = [data]
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                found.extend(_json_ld_objects(data[key], depth + 1))
        return found
    return []


def _split_keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.extend(k.strip() for k in _KEYWORD_SPLIT.split(item) if k.strip())
    return out


def read_json_ld(tree: LexborHTMLParser) -> tuple[dict[str, Any], frozenset[str]]:
    """The page's article object in JSON-LD (merged with its publisher), or {}; and the @type of
    every JSON-LD object on the page, lower-cased."""
    best: dict[str, Any] = {}
    every: set[str] = set()
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True)
        if not raw or len(raw) > 1_000_000:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for obj in _json_ld_objects(data):
            kinds = _types(obj)
            every |= kinds
            article = kinds & _ARTICLE_TYPES and ("headline" in obj or "articleBody" in obj)
            if article and (not best or "newsarticle" in kinds):
                best = obj
    return best, frozenset(every - {""})


# A video player: a <video>, or an iframe whose address names a video host or a player.
_PLAYER_SRC: Final = regex.compile(
    r"youtube|youtu\.be|vimeo|dailymotion|jwplayer|brightcove|/player|/embed/video|/video/embed"
    r"|facebook\.com/plugins/video|/embed/\d",
    regex.I,
)


def count_players(tree: LexborHTMLParser) -> int:
    """How many video players the page holds."""
    players = 0
    for node in tree.css("video, iframe[src]"):
        src = node.attributes.get("src") or ""
        players += node.tag == "video" or _PLAYER_SRC.search(src) is not None
    return players


def _meta_values(tree: LexborHTMLParser) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def strip_site_from_title(title: str, site_name: str | None) -> str:
    """ "Headline - SiteName" or "SiteName | Headline" -> "Headline"."""
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    if site_name:
        kept = [p for p in parts if p.strip() != site_name.strip()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept).strip() if len(kept) > 1 else kept[0].strip()
    longest: str = max(parts, key=len)
    return longest.strip()


def _title_words(tags: list[str], headline: str) -> bool:
    """Keywords that are only the headline cut into words (a CMS default), not tags."""
    words = set(headline.split())
    single = [t for t in tags if " " not in t]
    return len(single) == len(tags) and sum(t in words for t in tags) >= 0.7 * len(tags)


def read_meta(tree: LexborHTMLParser) -> PageMeta:
    """Everything the page says about itself, first-found wins within each source."""
    ld, schema_types = read_json_ld(tree)
    meta = _meta_values(tree)

    def first(*keys: str) -> str | None:
        for key in keys:
            if meta.get(key):
                return meta[key][0]
        return None

    # a Twitter handle (@site_ar) is not a name; the publisher's name is
    site_name = first("og:site_name") or _name_of(ld.get("publisher")) or first("application-name")
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else None
    headline = _name_of(ld.get("headline")) or first("og:title", "twitter:title")
    if not headline and title:
        headline = strip_site_from_title(title, site_name)
    author = _name_of(ld.get("author")) or first("author", "article:author", "dc.creator")
    if author and _URL.match(author):
        author = None
    published_text = _name_of(ld.get("datePublished")) or first(
        "article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "og:published_time",
        "dc.date",
        "date",
    )
    # the update time is never taken for the publication time
    updated_text = _name_of(ld.get("dateModified")) or first(
        "article:modified_time", "datemodified", "og:updated_time", "dc.date.modified"
    )
    if published_text is None:
        time_node = tree.css_first("time[datetime]")
        published_text = time_node.attributes.get("datetime") if time_node is not None else None
    tags = (
        _split_keywords(meta.get("article:tag", []))
        or _split_keywords(ld.get("keywords"))
        or _split_keywords(first("news_keywords", "keywords"))
    )
    if tags and headline and _title_words(tags, headline):
        tags = []
    html = tree.css_first("html")
    language = html.attributes.get("lang") if html is not None else None
    return PageMeta(
        title=title,
        headline=" ".join(headline.split()) if headline else None,
        site_name=site_name,
        author=author,
        published=parse_datetime(published_text),
        published_text=published_text,
        updated=parse_datetime(updated_text),
        tags=list(dict.fromkeys(tags)),
        section=_name_of(ld.get("articleSection")) or first("article:section"),
        language=language or None,
        description=first("og:description", "description"),
        og_type=(first("og:type") or "").lower() or None,
        schema_types=schema_types,
    )
