"""Fields: headline, captions, date, author, source, site name and tags, from the labelled blocks.

Every value is cut from the original text of a block; patterns run on the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType

import regex

from arabic_extract import labels
from arabic_extract.blocks import Block, strip_bullet
from arabic_extract.classify import Decision
from arabic_extract.config import ExtractionConfig
from arabic_extract.dates import FoundDate, find_date, find_relative
from arabic_extract.features import Features, credit_tail, is_outlet_name, split_outlet_byline
from arabic_extract.normalize import normalize, normalize_with_offsets, original_slice
from arabic_extract.rules.attribution import (
    AGENCIES,
    BYLINE,
    LEAD_ATTRIBUTION,
    NAME_TRAILERS,
    SOURCE_LINE,
)
from arabic_extract.rules.noise import FOOTER, KEYWORDS, SITE_HEADER
from arabic_extract.rules.stopwords import STOPWORDS
from arabic_extract.segment import Run
from arabic_extract.words import CLITICS as _CLITICS
from arabic_extract.words import LEAD_PARAGRAPHS, lead_overlap, lead_words, strip_clitic

_STOPWORDS = frozenset(normalize(word) for word in STOPWORDS)
_EDGE_PUNCT = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")
_TAG_SPLIT = regex.compile(r"\s*[،,;؛|•·/#]\s*|\s{2,}|\n")
_NAME_STOP = regex.compile(
    r"[،,.:;؛\"“”«»()\[\]]|\s(?:ان|انه|انها|بان|في|على|عن|من|الي|حول|ضمن|امس|اليوم|التي|الذي|"
    r"قوله|قولها|وقال|وقالت|واضاف|واضافت|نقلا|نقلته|بحسب|حسب|وفق|وفقا|مساء|صباح|يوم)(?![\p{L}])"
)
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_OWNER = regex.compile(r"(?:محفوظه|محفوظة)\s*(?:ل|لـ|لصالح|الي)\s*(?P<owner>.*)$")
_DATE_LABEL = regex.compile(
    r"^(?:التاريخ|تاريخ النشر|تاريخ|نشر في|نُشر في|آخر تحديث|تم النشر|بتاريخ|Published|Date)\s*:\s*"
)
_ERA = regex.compile(r"\s*(?:م|ه|هـ|ميلادي|هجري)(?![\p{L}\p{N}])")
_COPYRIGHT_YEAR = regex.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)?(?:\d{4})?\s*(?P<owner>[^|©]*)"
)
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OWNER_END = regex.compile(r"\s[-–|]\s|[.،,]")
_ARABIC = regex.compile(r"\p{Arabic}")
_QUOTE_CREDIT = regex.compile(r"(?:عنه|عنها|عنهم|عنهما|له|لها|لهم)(?![\p{L}])")
_OUTLET_HEADS = frozenset({"وكاله", "صحيفه", "موقع", "قناه", "شبكه", "جريده", "مجله"})


@dataclass(frozen=True)
class Fields:
    """The article's fields and the notes on how they were found (or why not)."""

    headline: str | None = None
    source: str | None = None
    author: str | None = None
    published: datetime | None = None
    date_text: str | None = None
    site_name: str | None = None
    # The site's name as its own pages write it (header, copyright line): the fallback source.
    own_name: str | None = None
    tags: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def original_text(
    block: Block, norm_fragment: str, mapped: tuple[str, list[int]] | None = None
) -> str:
    """The original text of ``block`` behind a fragment of its normalised text; ``mapped`` is
    ``normalize_with_offsets(block.text)`` when the caller cuts several fragments."""
    if not norm_fragment:
        return ""
    if mapped is None:
        text = strip_bullet(block.text)
        position = block.norm.find(norm_fragment)
        if position < 0:
            return ""
        end = position + len(norm_fragment)
        _, offsets = normalize_with_offsets(text, end)
        return clean_edges(original_slice(text, offsets, position, end))
    norm, offsets = mapped
    position = norm.find(norm_fragment)
    if position < 0:
        return ""
    return clean_edges(original_slice(block.text, offsets, position, position + len(norm_fragment)))


_PAIRS = MappingProxyType({")": "(", "]": "[", "»": "«", "”": "“", '"': '"'})


def clean_edges(text: str) -> str:
    """Trim punctuation and spaces from both ends, keeping closing brackets that balance."""
    trimmed: str = _EDGE_PUNCT.sub("", text)
    stripped = text.rstrip()
    while stripped and stripped[-1] in _PAIRS and trimmed:
        closer = stripped[-1]
        opener = _PAIRS[closer]
        body = trimmed + closer
        count = body.count(closer) if opener == closer else body.count(opener) - body.count(closer)
        if (opener == closer and count % 2) or (opener != closer and count < 0):
            break
        if opener not in trimmed:
            break
        trimmed = body
        stripped = stripped[:-1].rstrip()
    return trimmed


# --- headline and captions --------------------------------------------------------------------


def _candidate(feat: Features, dec: Decision) -> bool:
    return dec.cls in ("near", "short") and feat.title_like


_LISTS = frozenset({"menu", "headline-list"})
_HEADER_FURNITURE = frozenset(
    {"share-bar", "date-line", "time-ago", "byline", "counter", "empty", "no-letters"}
)

# Header lines after which a list is the article's share links, not the site's navigation.
_SHARE_HEADERS = frozenset({"share-bar", "byline", "date-line"})
# Lines the headline lookback does not count: the header's furniture, and machine text (a
# URL wrapped over lines, template debris, a Latin credit).
_UNCOUNTED = _HEADER_FURNITURE | {"url-line", "foreign-line", "cms-leftover"}
# A site's own links: never its headline.
_NAVIGATION = frozenset({"menu", "navigation", "breadcrumb"})


def prebody_zone(decs: list[Decision], run: Run, config: ExtractionConfig) -> range:
    """Blocks between the last menu or body text before the run and the run's start, at most
    headline_lookback of them besides the article header's furniture (share buttons, counters,
    dates, bylines: a header may hold a dozen). A list right after the article's share bar,
    byline or date (its share links, as text browsers list them) does not end the zone."""
    start = run.start
    budget = config.headline_lookback
    passed_good = 0  # a standfirst may sit between the headline and the byline
    while start > 0 and budget > 0:
        prev = decs[start - 1]
        if not _LISTS.isdisjoint(prev.reasons):
            first = start - 1
            while first > 0 and not _LISTS.isdisjoint(decs[first - 1].reasons):
                first -= 1
            if first == 0 or _SHARE_HEADERS.isdisjoint(decs[first - 1].reasons):
                break
            start = first
            continue
        if prev.cls == "good":
            passed_good += 1
            if passed_good > 1:
                break
        if prev.cls != "bad" or _UNCOUNTED.isdisjoint(prev.reasons):
            budget -= 1
        start -= 1
    return range(start, run.start)


def headline_score(
    blocks: list[Block],
    decs: list[Decision],
    zone: range,
    i: int,
    *,
    lead: frozenset[str],
    config: ExtractionConfig,
) -> int:
    """How much a title-like line in the pre-body zone looks like the article's headline:
    repeated on the page, an <h1>, or naming what the lead paragraphs tell (+); a ticker item,
    a line before the breadcrumb, a line after the article's date, byline or share bar, or one
    that ends with a photo credit (those are captions), a list item, or a line that holds
    another line of the zone whole (a breadcrumb trail ending with the title) (-). Section
    names and a site's other
    links share no words with the lead: on page text without list markers they stand right
    above the headline."""
    overlap = lead_overlap(blocks[i], lead)
    repeated = sum(1 for b in blocks if b.norm == blocks[i].norm) > 1
    # a label of a few words repeats as menus do (header and footer), not as a headline does
    label = len(blocks[i].norm.split()) <= config.label_max_words and overlap == 0.0
    score = 3 if repeated and not label else 0
    score += 3 if blocks[i].heading == 1 else 0
    score += 3 if overlap >= config.lead_share else 0
    score -= 3 if credit_tail(blocks[i].norm) else 0
    score -= 3 if blocks[i].bullet or _holds_another(blocks, zone, i) else 0
    before = range(zone.start, i)
    after = range(i + 1, zone.stop)
    if any("breadcrumb" in decs[k].reasons for k in after):
        score -= 3
    if any(_HEADER_FURNITURE.intersection(decs[k].reasons) for k in before):
        score -= 2
    return score


def _holds_another(blocks: list[Block], zone: range, i: int) -> bool:
    """Whether another title-length line of the zone stands whole inside this longer one."""
    norm = blocks[i].norm
    return any(
        k != i
        and len(blocks[k].norm) < len(norm)
        and len(blocks[k].norm.split()) > 3
        and blocks[k].norm in norm
        for k in zone
    )


def _named_above(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    zone: range,
    *,
    lead: frozenset[str],
    config: ExtractionConfig,
) -> list[int]:
    """Title-like lines (not running text) within headline_lookback blocks above the zone
    that name what the lead tells: the headline, when no line of the zone does because a
    line the engine took for a list item (a byline run into a date, a ticker before the
    story) cut the zone short."""
    start = max(0, zone.start - config.headline_lookback)
    return [
        i
        for i in range(start, zone.start)
        if feats[i].title_like
        and feats[i].words > config.label_max_words
        and decs[i].cls != "good"
        and _NAVIGATION.isdisjoint(decs[i].reasons)
        and not blocks[i].bullet
        and lead_overlap(blocks[i], lead) >= config.lead_share
    ]


def find_headline(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    config: ExtractionConfig,
) -> int | None:
    """Index of the headline block: the title-like line that introduces the body."""
    zone = prebody_zone(decs, run, config)
    body = [i for i in range(run.start, run.end + 1) if decs[i].is_body]
    lead = lead_words([blocks[k] for k in body[:LEAD_PARAGRAPHS] if decs[k].cls == "good"])
    candidates = [i for i in zone if _candidate(feats[i], decs[i]) or blocks[i].heading == 1]
    named = any(lead_overlap(blocks[i], lead) >= config.lead_share for i in candidates)
    above = (
        []
        if named or not lead
        else _named_above(blocks, feats, decs, zone, lead=lead, config=config)
    )
    if above:
        zone = range(above[0], zone.stop)
        candidates = [*above, *candidates]
    if candidates:
        return max(
            candidates,
            key=lambda i: (headline_score(blocks, decs, zone, i, lead=lead, config=config), -i),
        )
    for position, i in enumerate(body[:2]):
        if decs[i].cls == "good" or not feats[i].title_like or feats[i].words < 5:
            continue
        others = lead_words([blocks[k] for k in body[:3] if k != i and decs[k].cls == "good"])
        if position <= 1 and others and lead_overlap(blocks[i], others) >= 0.5:
            return i
    return None


_CAPTION_LABEL = regex.compile(r"^\s*\(?(?:الصورة|صورة|صوره|الصوره)\s*:\s*")
_CAPTION_CREDIT = regex.compile(
    r"\s*(?:[-–—|]\s*(?:أرشيف|أرشيفية|ارشيف|ارشيفية)|\((?:أرشيف|أرشيفية|ارشيف|ارشيفية)\))\s*$"
)


_PHOTOGRAPHER = regex.compile(r"\s+(?:تصوير|عدسة|photo)\s*:\s*[^:]{1,40}$")
_TRAILING_PARENS = regex.compile(r"\s*\(([^()]{1,40})\)\s*$")


def caption_text(block: Block) -> str:
    """A caption as shown, without a leading "صورة:" label or a trailing credit ("- أرشيف",
    "(رويترز)", "تصوير: فلان")."""
    return split_caption(block)[0]


def split_caption(block: Block) -> tuple[str, str | None]:
    """A caption as :func:`caption_text` gives it, and the photo credit it ends with
    (``أرشيفية``, ``رويترز``, ``تصوير: فلان``; None when it gives none)."""
    text = _CAPTION_LABEL.sub("", strip_bullet(block.text))
    credits: list[str] = []
    for pattern in (_CAPTION_CREDIT, _PHOTOGRAPHER):
        found = pattern.search(text)
        if found is not None:
            credits.append(found.group())
            text = text[: found.start()]
    found = _TRAILING_PARENS.search(text)
    if found is not None and (
        is_outlet_name(normalize(found.group(1)))
        or _PHOTOGRAPHER.search(" " + found.group(1)) is not None
    ):
        credits.append(found.group(1))
        text = text[: found.start()]
    credit = " ".join(clean_edges(c) for c in reversed(credits) if clean_edges(c)) or None
    return clean_edges(text) or clean_edges(block.text), credit


def label_headline_and_captions(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    headline: int | None,
) -> list[Decision]:
    """Mark the headline, its repetitions, and captions (with their photo credits)."""
    out = list(decs)
    if headline is not None:
        out[headline] = Decision("bad", labels.HEADLINE, ("headline",))
        for i, block in enumerate(blocks):
            if i == headline or block.norm != blocks[headline].norm:
                continue
            credited = i + 1 < len(blocks) and "photo-credit" in decs[i + 1].reasons
            if credited:
                out[i] = Decision("bad", labels.CAPTION, ("headline-repeat", "caption"))
            elif i <= run.end + 1:
                out[i] = Decision("bad", labels.HEADLINE, ("headline-repeat",))
        for i in range(headline + 1, run.start):
            if (
                out[i].label is labels.NOISE
                and decs[i].cls in ("near", "short")
                and ("outside-main-run" in decs[i].reasons and "repeated" not in decs[i].reasons)
            ):
                out[i] = Decision("bad", labels.CAPTION, ("pre-body-caption",))
    first = headline if headline is not None else run.start
    for i in range(first, min(len(blocks), run.end + 2)):
        labelled = _CAPTION_LABEL.match(blocks[i].text) is not None  # "صورة: ..." describes
        if (
            "photo-credit" in decs[i].reasons
            and labelled
            and len(caption_text(blocks[i]).split()) >= 3
        ):
            out[i] = Decision("bad", labels.CAPTION, ("photo-credit", "caption"))
    for i in range(len(blocks)):
        if (
            "photo-credit" in decs[i].reasons
            and out[i].label is not labels.CAPTION
            and i > 0
            and out[i - 1].label
            in (
                labels.CAPTION,
                labels.BODY,
                labels.HEADLINE,
            )
            and out[i - 1].cls != "good"  # a credit after a paragraph does not make it a caption
            and run.start - 1 <= i <= run.end + 1
        ):
            if out[i - 1].label is not labels.HEADLINE or i - 1 != headline:
                reasons = tuple(dict.fromkeys((*out[i - 1].reasons, "caption")))
                out[i - 1] = Decision("bad", labels.CAPTION, reasons)
            out[i] = Decision("bad", labels.CAPTION, ("photo-credit",))
    return out


# --- dates, bylines, sources ------------------------------------------------------------------


def _near_order(run: Run, headline: int | None, n: int) -> list[int]:
    """Block indices by how likely they hold the article's date or byline: after the headline,
    then before it, then the run's first blocks, then the blocks just after the run."""
    first = headline if headline is not None else run.start
    zone_after = list(range(first, run.start))
    zone_before = list(range(max(0, first - 4), first))[::-1]
    lead = list(range(run.start, min(run.end + 1, run.start + 3)))
    tail = list(range(run.end + 1, min(n, run.end + 4)))
    return zone_after + zone_before + lead + tail


def date_as_written(block: Block, start: int, end: int) -> str:
    """The original text of a date found at normalised ``start:end`` of a date line: from the
    line's start (weekday, "تم نشره") through the date, without the clock time after it."""
    norm, offsets = normalize_with_offsets(strip_bullet(block.text))
    text = strip_bullet(block.text)
    era = _ERA.match(norm, end)
    if era is not None:
        end = era.end()
    written = clean_edges(original_slice(text, offsets, start, min(end, len(norm)))) or text
    return _DATE_LABEL.sub("", written) or written


def find_date_field(
    blocks: list[Block], decs: list[Decision], order: list[int], config: ExtractionConfig
) -> Fields:
    """The date line nearest the headline; else a date inside a short line of the article's
    header (a dateline, a row of meta widgets)."""
    for i in order:
        if decs[i].label is not labels.DATE:
            continue
        found = find_date(blocks[i].norm)
        if found is not None:
            return Fields(published=found.value, date_text=date_as_written(blocks[i], 0, found.end))
        relative = find_relative(blocks[i].norm, config.reference_time)
        if relative is not None:
            notes = [] if relative.value else ["published: relative date, no reference_time given"]
            text = strip_bullet(blocks[i].text)
            return Fields(published=relative.value, date_text=text, notes=notes)
    for i in order:
        if len(blocks[i].norm.split()) > config.max_meta_line_words * 2 or decs[i].is_body:
            continue
        found = find_date(blocks[i].norm)
        if found is not None and found.value is not None:
            start = hijri_start(blocks[i].norm, found)
            return Fields(
                published=found.value, date_text=date_as_written(blocks[i], start, found.end)
            )
    return Fields(notes=["published: no date line found"])


def hijri_start(norm: str, found: FoundDate) -> int:
    """Where a date begins when a Hijri date is given first (... الموافق 22 مارس 2024)."""
    before = norm[: found.start]
    marker = before.rfind("الموافق")
    if marker < 0:
        return found.start
    hijri = find_date(before[:marker])
    return hijri.start if hijri is not None else found.start


def person_name(block: Block, feat: Features) -> str | None:
    """The author named by a byline block."""
    pair = split_outlet_byline(block.norm)
    if pair is not None:
        return original_text(block, pair[1]) or None
    payload = BYLINE.payload(block.norm)
    if not payload:
        return None
    payload = _EDGE_PUNCT.sub("", payload)
    pair = split_outlet_byline(payload)
    name = pair[1] if pair is not None else payload
    parts = regex.split(r"\s[-–—]\s", name)
    if len(parts) == 2 and len(parts[1].split()) <= 2:  # "حسام أبو العلا - القاهرة"
        name = parts[0]
    if not name or len(name.split()) > 5:
        return None
    return original_text(block, name) or None


def outlet_from_name(block: Block, norm_name: str) -> str | None:
    """Cut an outlet's name out of a block: drop descriptors (الروسية للأنباء) and outlet words
    that only introduce the name (وكالة، موقع، صحيفة)."""
    words = norm_name.split()
    while len(words) > 1 and NAME_TRAILERS.match(words[-1]) is not None:
        words.pop()
    short = words[1:] if len(words) > 1 and words[0] in _OUTLET_HEADS else words
    # "وكالة سبوتنيك" is known as سبوتنيك; an outlet we do not know keeps its full name
    # ("وكالة المغرب العربي للأنباء").
    if short is not words and AGENCIES.compiled.fullmatch(" ".join(short)) is None:
        short = norm_name.split()
    return original_text(block, " ".join(short)) or None


def lead_outlet(block: Block) -> str | None:
    """An outlet credited in a lead sentence: وفقاً لوكالة X, حسبما ذكرت صحيفة X, نقلاً عن X."""
    if not LEAD_ATTRIBUTION.may_occur(block.norm):
        return None
    for found in LEAD_ATTRIBUTION.compiled.finditer(block.norm):
        tail = block.norm[found.end() :].lstrip(" :")
        if _QUOTE_CREDIT.match(tail):  # "نقلت عنه صحيفة": it quotes someone, not the story
            continue
        stop = _NAME_STOP.search(tail)
        candidate = (tail[: stop.start()] if stop else tail).strip()
        words = candidate.split()[:6]
        while words and not is_outlet_name(" ".join(words)) and len(words) > 1:
            words.pop()
        if words and (is_outlet_name(" ".join(words)) or len(words) <= 3):
            name = outlet_from_name(block, " ".join(words))
            if name:
                return name
    return None


def source_line_outlet(blocks: list[Block], i: int) -> str | None:
    """The outlet a source line names: after "المصدر:", or on the next line when the label
    stands alone; "(أبوظبي - البيان)" names البيان."""
    block = blocks[i]
    payload = _EDGE_PUNCT.sub("", SOURCE_LINE.payload(block.norm) or "")
    if not payload and i + 1 < len(blocks) and len(blocks[i + 1].norm.split()) <= 6:
        block = blocks[i + 1]
        payload = _EDGE_PUNCT.sub("", block.norm)
    if not payload:
        return None
    parts = [p.strip(" ()") for p in regex.split(r"\s[-–—]\s", payload) if p.strip(" ()")]
    if len(parts) == 2:  # "city - outlet": the outlet is the part that names one, else the last
        payload = next((p for p in parts if is_outlet_name(p)), parts[-1])
    return outlet_from_name(block, payload)


def find_source(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    *,
    order: list[int],
    config: ExtractionConfig,
) -> str | None:
    """The credited outlet, by precedence: source line, byline outlet, dateline, lead."""
    window = range(max(0, run.start - 6), min(len(blocks), run.end + 4))
    for i in window:
        if "source-line" in decs[i].reasons:
            name = source_line_outlet(blocks, i)
            if name:
                return name
    for i in order:
        if decs[i].label is labels.BYLINE:
            pair = split_outlet_byline(blocks[i].norm)
            if pair is None and (payload := BYLINE.payload(blocks[i].norm)):
                pair = split_outlet_byline(_EDGE_PUNCT.sub("", payload))
            if pair is not None:
                return original_text(blocks[i], pair[0]) or None
    body = [i for i in range(run.start, run.end + 1) if decs[i].is_body]
    for i in [*body[:1], *window]:
        agency = feats[i].dateline_agency
        if agency and (decs[i].is_body or "dateline" in decs[i].reasons):
            return original_text(blocks[i], agency) or None
    for i in body[: config.lead_blocks]:
        name = lead_outlet(blocks[i])
        if name:
            return name
    return None


# --- site name and tags -------------------------------------------------------------------------


def masthead(blocks: list[Block], decs: list[Decision]) -> str | None:
    """The page's first line, when it is a short name standing above a menu (a logo's text)."""
    if len(blocks) < 3 or len(blocks[0].norm.split()) > 4 or blocks[0].tag is not None:
        return None
    first = decs[0]
    if first.cls == "good" or (first.label is labels.NOISE and "menu" not in first.reasons):
        return None
    menu = sum(1 for d in decs[1:6] if {"menu", "navigation"} & set(d.reasons))
    return clean_edges(blocks[0].text) or None if menu >= 2 else None


def find_site_name(blocks: list[Block], decs: list[Decision]) -> str | None:
    """The site's own name from its header line, its copyright footer, or its masthead."""
    for block, dec in zip(blocks, decs, strict=True):
        if "site-header" not in dec.reasons:
            continue
        payload = SITE_HEADER.payload(block.norm)
        if payload:
            name = _EDGE_PUNCT.sub("", payload.split("|")[-1].split(" - ")[-1])
            if name and len(name.split()) <= 5:
                return original_text(block, name) or None
    for i, block in enumerate(blocks):
        if "footer" not in decs[i].reasons:
            continue
        owner = _OWNER.search(block.norm)
        name = (
            _EDGE_PUNCT.sub("", _YEAR.sub(" ", _OWNER_END.split(owner.group("owner"))[0]))
            if (owner)
            else ""
        )
        if not name and owner and i + 1 < len(blocks) and len(blocks[i + 1].norm.split()) <= 4:
            return clean_edges(blocks[i + 1].text) or None
        if not name:
            name = copyright_owner(block.norm)
        if name and len(name.split()) <= 5:
            return original_text(block, name) or None
    return masthead(blocks, decs)


def copyright_owner(norm: str) -> str:
    """The owner in "© 2024 صدى الجزائر - جميع الحقوق محفوظة" (normalised), or ""."""
    found = _COPYRIGHT_YEAR.search(norm)
    if found is None:
        return ""
    owner = _EDGE_PUNCT.sub("", _YEAR.sub(" ", _OWNER_END.split(found.group("owner"))[0]))
    owner = " ".join(owner.split())
    if not owner or FOOTER.match(owner) is not None or len(owner.split()) > 5:
        return ""
    return owner


def split_tag_dump(payload: str, grounding: set[str]) -> list[str]:
    """Split a keyword dump into entries. With separators, split on them; a dump joined by
    single spaces (as scrapers copy tag links) is cut where the words are grounded in the article:
    a run of words found together in the body is one entry, a word found alone is its own entry,
    and neighbouring words never found in the body stay together."""
    parts = [p for p in _TAG_SPLIT.split(payload) if p.strip()]
    if len(parts) > 1:
        return [p.strip() for p in parts]
    words = payload.split()
    entries: list[str] = []
    i = 0
    while i < len(words):
        best = 1
        for n in range(min(4, len(words) - i), 1, -1):
            if " ".join(words[i : i + n]) in grounding:
                best = n
                break
        if best == 1 and strip_clitic(words[i]) not in grounding and words[i] not in grounding:
            j = i + 1
            while (
                j < len(words)
                and j - i < 3
                and words[j] not in grounding
                and (strip_clitic(words[j]) not in grounding)
            ):
                j += 1
            best = j - i
        entries.append(" ".join(words[i : i + best]))
        i += best
    return entries


def _grounding(blocks: list[Block], decs: list[Decision], dump: str) -> set[str]:
    """Word sequences (1-4 words, also without clitics) of the article's text that start with a
    word of the keyword dump: what split_tag_dump may find grounded."""
    wanted = set(dump.split())
    wanted |= {strip_clitic(w) for w in wanted}
    # every word that is wanted, or wanted after a clitic: most words of the text are neither
    reachable = wanted | {clitic + w for clitic in _CLITICS for w in wanted}
    grams: set[str] = set()
    for block, dec in zip(blocks, decs, strict=True):
        if dec.label not in (labels.BODY, labels.HEADLINE):
            continue
        tokens = _TOKEN.findall(block.norm)
        for k, token in enumerate(tokens):
            if token not in reachable:
                continue
            bare = strip_clitic(token)
            if token not in wanted and bare not in wanted:
                continue
            following = tokens[k + 1 : k + 4]
            for head in (token, bare) if bare != token else (token,):
                gram = head
                grams.add(gram)
                for word in following:
                    gram = f"{gram} {word}"
                    grams.add(gram)
    return grams


_LIST_REASONS = frozenset({"dom:tags", "link-density"}) | frozenset(
    {
        "menu",
        "navigation",
        "repeated",
        "outside-main-run",
        "headline-list",
        "short",
        "title-like",
        "near-prose",
    }
)


def tags_below(blocks: list[Block], decs: list[Decision], header: int) -> list[str]:
    """Entries listed one per line under a keywords header that stands alone."""
    entries: list[str] = []
    for k in range(header + 1, min(len(blocks), header + 31)):
        words = len(blocks[k].norm.split())
        listed = set(decs[k].reasons) <= _LIST_REASONS
        if not 1 <= words <= 5 or decs[k].cls == "good" or not listed:
            break
        entries.append(clean_edges(strip_bullet(blocks[k].text)))
    return [e for e in dict.fromkeys(entries) if e]


def find_tags(blocks: list[Block], decs: list[Decision], run: Run) -> list[str]:
    """Entries of the keyword dump near the article, in order, without repeats or labels."""
    tags: list[str] = []
    for i in range(max(0, run.start - 6), min(len(blocks), run.end + 16)):
        if decs[i].label is not labels.TAGS:
            continue
        payload = KEYWORDS.payload(blocks[i].norm)
        if blocks[i].links:  # HTML: the tag links themselves
            for link in blocks[i].links:
                if link not in tags and KEYWORDS.match(normalize(link)) is None:
                    tags.append(link)
            continue
        if not payload:
            tags.extend(t for t in tags_below(blocks, decs, i) if t not in tags)
            continue
        grounding = _grounding(blocks, decs, payload)
        mapped = normalize_with_offsets(blocks[i].text)
        for entry in split_tag_dump(_EDGE_PUNCT.sub("", payload), grounding):
            words = entry.split()
            if len(words) > 1 and len(set(words)) == 1:
                continue  # a label repeated once per group: ملفات ملفات ملفات
            text = original_text(blocks[i], entry, mapped)
            if text and text not in tags:
                tags.append(text)
    return tags


def extract_fields(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    config: ExtractionConfig,
) -> tuple[Fields, list[Decision]]:
    """All fields, and the decisions with headline, caption and credit labels added."""
    headline = find_headline(blocks, feats, decs, run, config) if not run.empty else None
    decs = label_headline_and_captions(blocks, feats, decs, run, headline)
    order = _near_order(run, headline, len(blocks))
    dated = find_date_field(blocks, decs, order, config)
    author = next(
        (
            name
            for i in order
            if decs[i].label is labels.BYLINE and (name := person_name(blocks[i], feats[i]))
        ),
        None,
    )
    notes = list(dated.notes)
    if headline is None:
        notes.append("headline: no title-like line introduces the body")
    fields = Fields(
        headline=blocks[headline].text if headline is not None else None,
        source=(
            find_source(blocks, feats, decs, run, order=order, config=config)
            if not run.empty
            else None
        ),
        author=author,
        published=dated.published,
        date_text=dated.date_text,
        site_name=(site := find_site_name(blocks, decs)),
        own_name=site,
        tags=find_tags(blocks, decs, run) if not run.empty else [],
        captions=[caption_text(blocks[i]) for i, d in enumerate(decs) if d.label is labels.CAPTION],
        notes=notes,
    )
    return fields, decs


def with_source_fallback(fields: Fields) -> Fields:
    """When the page credits no outlet, the story is the site's own."""
    # the site's name in Arabic (og:site_name, publisher) reads best; a Latin slug ("alyaum")
    # gives way to the name the page itself prints
    site = fields.site_name
    name = site if site and _ARABIC.search(site) else fields.own_name or site
    if fields.source or not name:
        return fields
    return replace(
        fields,
        source=name,
        notes=[*fields.notes, "source: no attribution in the article; the site's own name"],
    )
