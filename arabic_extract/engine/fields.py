"""Fields: headline, captions, date, author, source, site name and tags, from the labelled blocks.

Every value is cut from the original text of a block; patterns run on the normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block, strip_bullet
from arabic_extract.engine.bylines import (
    BARE_NAME_WORDS,
    Byline,
    Part,
    byline_outlet,
    dateline_place,
    filed_from,
    is_name,
    is_outlet_name,
    is_place,
    is_site_name,
    name_before_date,
    read_byline,
    role_end,
    split_outlet_byline,
)
from arabic_extract.engine.captions import caption_text
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.cuts import EDGE_PUNCT, clean_edges, original_text, span_text
from arabic_extract.engine.dates import is_date_line, read_dates
from arabic_extract.engine.features import NOISE_INDEX, Features, closing_agency, credit_tail
from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.header import (
    NAME_ABOVE_ROLE,
    POSITION_ONLY,
    is_handle,
    is_role_line,
    label_header,
)
from arabic_extract.engine.normalize import normalize, normalize_with_offsets
from arabic_extract.engine.segment import END_FAMILIES, Run
from arabic_extract.engine.words import CLITICS as _CLITICS
from arabic_extract.engine.words import (
    LEAD_PARAGRAPHS,
    bare,
    lead_overlap,
    lead_words,
    strip_clitic,
    tokens,
)
from arabic_extract.model import HijriDate
from arabic_extract.rules.attribution import (
    AGENCIES,
    BYLINE,
    LEAD_ATTRIBUTION,
    NAME_TRAILERS,
    OUTLET_SUFFIX,
    PUBLISHER,
    PUBLISHING,
    SOURCE_LINE,
    STORY_KIND,
    TRANSLATOR,
    UNNAMED_SOURCE,
)
from arabic_extract.rules.captions import CAPTION_LABEL
from arabic_extract.rules.noise import FOOTER, KEYWORDS, SITE_HEADER, WEATHER
from arabic_extract.rules.stopwords import STOPWORDS

_STOPWORDS: Final = frozenset(normalize(word) for word in STOPWORDS)
# Runs of spaces are matched from their first character only ((?<!\s) and the like): a search
# that tried each character of a long run would scan the rest of the run each time.
_TAG_SPLIT: Final = regex.compile(r"(?:(?<!\s)\s++)?+[،,;؛|•·/#]\s*+|(?<!\s)\s{2,}+|\n")
_NAME_STOP: Final = regex.compile(
    r"[،,.:;؛\"“”«»()\[\]]|\s(?:ان|انه|انها|بان|في|على|عن|من|الي|حول|ضمن|امس|اليوم|التي|الذي|"
    r"قوله|قولها|وقال|وقالت|واضاف|واضافت|نقلا|نقلته|بحسب|حسب|وفق|وفقا|مساء|صباح|يوم)(?![\p{L}])"
)
_OWNER: Final = regex.compile(
    r"(?:محفوظه|محفوظة)\s*+(?:ل(?P<article>(?=ل\p{L}))|ل|لـ|لصالح|الي)?+\s*+(?P<owner>.*+)"
)
_COPYRIGHT_YEAR: Final = regex.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)?(?:\d{4})?\s*(?P<owner>[^|©]*)"
)
# What _COPYRIGHT_YEAR and _OWNER open with (_OWNER with one of two spellings of محفوظة).
_COPYRIGHT_MARKS: Final = ("©", "(c)", "copyright")
_RESERVED: Final = "محفوظ"
# A year in a copyright line: Gregorian, or Hijri with its era (© 1445هـ - 2024م).
_YEAR: Final = regex.compile(r"(?<!\d)(?:(?:19|20)\d\d(?!\d)|1[34]\d\d\s?ه(?![\p{L}\p{N}]))")
# (a site's address after its name is no part of it: البوابة (www.albawaba.com))
_OWNER_END: Final = regex.compile(r"\s[-–|]\s|[.،,(]|\swww")
_DASH_SPLIT: Final = regex.compile(r"\s[-–—]\s")
_ARABIC: Final = regex.compile(r"\p{Arabic}")
_QUOTE_CREDIT: Final = regex.compile(r"(?:عنه|عنها|عنهم|عنهما|له|لها|لهم)(?![\p{L}])")
_OUTLET_HEADS: Final = frozenset({"وكاله", "صحيفه", "موقع", "قناه", "شبكه", "جريده", "مجله"})


@dataclass(frozen=True)
class Fields:
    """The article's fields and the notes on how they were found (or why not)."""

    headline: str | None = None
    source: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    published: datetime | None = None
    date_text: str | None = None
    published_hijri: HijriDate | None = None
    updated: datetime | None = None
    site_name: str | None = None
    # The site's name as its own pages write it (header, copyright line): the fallback source.
    own_name: str | None = None
    tags: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- headline and captions --------------------------------------------------------------------


# Arabic letters touching Latin ones (digits between allowed): links of a top bar a renderer ran
# together (رصيف22اشترك/ي في نادي رصيف22English), which no headline writes (5G and iPhone15
# touch no Arabic letter).
_GLUED_SCRIPTS: Final = regex.compile(r"\p{Arabic}\d*+[a-z]|[a-z]\d*+\p{Arabic}")
# Every match of _GLUED_SCRIPTS holds a Latin letter: a title without one (nearly every Arabic
# title) is not searched by it. The standard engine's search for one letter of a range costs a
# fortieth of the regex module's for the pattern (on the fixtures' candidate titles 60 k
# instructions a search; 0.35 M a round of 5 pages spared).
_LATIN_LETTER: Final = re.compile("[a-z]")


def glued_scripts(norm: str) -> bool:
    """Whether a normalised line glues Arabic to Latin letters (a slug, "عربيen")."""
    return (
        _LATIN_LETTER.search(norm) is not None
        and _GLUED_SCRIPTS.search(norm, None, None, KEEP_GIL) is not None
    )


def _candidate(feat: Features, dec: Decision) -> bool:
    return dec.cls in ("near", "short") and feat.title_like


_LISTS: Final = frozenset({"menu", "headline-list"})
_HEADER_FURNITURE: Final = frozenset(
    {"share-bar", "date-line", "time-ago", "byline", "counter", "empty", "no-letters"}
)

# Header lines after which a list is the article's share links, not the site's navigation.
_SHARE_HEADERS: Final = frozenset({"share-bar", "byline", "date-line"})
# Lines the headline lookback does not count: the header's furniture, and machine text (a
# URL wrapped over lines, template debris, a Latin credit).
_UNCOUNTED: Final = _HEADER_FURNITURE | {"url-line", "foreign-line", "cms-leftover"}
# A site's own links: never its headline.
_NAVIGATION: Final = frozenset({"menu", "navigation", "breadcrumb"})


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
    repeated = _repeated(blocks, blocks[i].norm)
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


def _repeated(blocks: list[Block], norm: str) -> bool:
    """Whether two blocks or more read ``norm`` (the count stops at the second)."""
    seen = 0
    for block in blocks:
        if block.norm == norm:
            seen += 1
            if seen > 1:
                return True
    return False


def _holds_another(blocks: list[Block], zone: range, i: int) -> bool:
    """Whether another title-length line of the zone stands whole inside this longer one."""
    norm = blocks[i].norm
    # (a normalised line's words are one space apart: more than three words is three spaces or
    # more, counted without splitting the line into its words)
    return any(
        k != i
        and len(blocks[k].norm) < len(norm)
        and blocks[k].norm.count(" ") >= 3
        and blocks[k].norm in norm
        for k in zone
    )


def _titles_above(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    zone: range,
    config: ExtractionConfig,
) -> list[int]:
    """Title-like lines (not running text) within headline_lookback blocks above the zone:
    where :func:`_named_above` looks."""
    start = max(0, zone.start - config.headline_lookback)
    return [
        i
        for i in range(start, zone.start)
        if feats[i].title_like
        and feats[i].words > config.label_max_words
        and decs[i].cls != "good"
        and _NAVIGATION.isdisjoint(decs[i].reasons)
        and not blocks[i].bullet
    ]


def _named_above(
    blocks: list[Block], titles: list[int], *, lead: frozenset[str], config: ExtractionConfig
) -> list[int]:
    """The title-like lines above the zone (``titles``, see :func:`_titles_above`) that name
    what the lead tells: the headline, when no line of the zone does because a line the
    engine took for a list item (a byline run into a date, a ticker before the story) cut the
    zone short."""
    return [i for i in titles if lead_overlap(blocks[i], lead) >= config.lead_share]


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
    # the site's name above its menu, printed again over the story (a source's credit): no title
    site = blocks[0].norm if masthead(blocks, decs) is not None else None
    candidates = [
        i
        for i in zone
        if (_candidate(feats[i], decs[i]) or blocks[i].heading == 1)
        and blocks[i].norm != site
        and not glued_scripts(blocks[i].norm)
    ]
    titles = _titles_above(blocks, feats, decs, zone, config)
    # (the lead's words are asked about only by the candidates and the titles above the zone)
    lead, has_lead = lead_words_asked(
        [blocks[k] for k in body[:LEAD_PARAGRAPHS] if decs[k].cls == "good"],
        [blocks[i] for i in [*candidates, *titles]],
    )
    named = any(lead_overlap(blocks[i], lead) >= config.lead_share for i in candidates)
    above = [] if named or not has_lead else _named_above(blocks, titles, lead=lead, config=config)
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


def lead_words_asked(lead: list[Block], asked: list[Block]) -> tuple[frozenset[str], bool]:
    """``lead_words(lead)`` as far as :func:`lead_overlap` asks it about the words of the
    ``asked`` blocks, and whether the lead has any word (``bool(lead_words(lead))``).

    A word's bare form is its end, three letters or more (see :func:`bare`): a lead word can
    have the bare form of an asked word only when it ends with the asked word's last two
    letters. Only those lead words are made bare and kept, where lead_words made a bare form
    of each (the stage's largest cost on a page: 200 k instructions for three paragraphs).
    """
    ends = {_last_two(word) for block in asked for word in tokens(block.norm) if len(word) > 2}
    found: set[str] = set()
    has_words = False
    for block in lead:
        for word in tokens(block.norm):
            if len(word) > 2:
                has_words = True
                if _last_two(word) in ends:
                    found.add(bare(word))
    return frozenset(found), has_words


def _last_two(word: str) -> int:
    """A word's last two letters as one number (read in place: a slice makes a string)."""
    return ord(word[-1]) | ord(word[-2]) << 21


def label_headline_and_captions(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    headline: int | None,
    *,
    config: ExtractionConfig,
    captions: dict[int, str] | None = None,
) -> list[Decision]:
    """Mark the headline, its repetitions, and captions (with their photo credits).
    ``captions`` keeps the caption texts read on the way, by block (see :func:`_caption`)."""
    known = {} if captions is None else captions
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
        out = label_header(blocks, feats, decs, out, headline=headline, run=run, config=config)
    first = headline if headline is not None else run.start
    for i in range(first, min(len(blocks), run.end + 2)):
        if (
            "photo-credit" in decs[i].reasons
            and CAPTION_LABEL.match(blocks[i].norm) is not None  # "صورة: ..." describes
            and len(_caption(blocks, i, known).split()) >= 3
        ):
            out[i] = Decision("bad", labels.CAPTION, ("photo-credit", "caption"))
    # (only the blocks around the run can be: the others are not looked at)
    for i in range(max(1, run.start - 1), min(len(blocks), run.end + 2)):
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


def _caption(blocks: list[Block], i: int, known: dict[int, str]) -> str:
    """``caption_text(blocks[i])``, read once a call: a photo's credited caption is read to
    label it and again for the article's captions (50-130 k instructions a caption)."""
    text = known.get(i)
    if text is None:
        text = known[i] = caption_text(blocks[i])
    return text


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


def header_order(
    decs: list[Decision], run: Run, order: list[int], config: ExtractionConfig
) -> list[int]:
    """``order``, then the rest of the article's header: the blocks before the body up to the
    menu above them (at most ``header_lookback``), nearest first. Page text splits a header
    over many lines (a share bar of five links, a byline's label on its own line)."""
    seen = set(order)
    extra: list[int] = []
    for i in range(run.start - 1, max(-1, run.start - 1 - config.header_lookback), -1):
        reasons = decs[i].reasons
        if "menu" in reasons or "navigation" in reasons:
            break
        if i not in seen:
            extra.append(i)
    return [*order, *extra]


def find_byline(
    blocks: list[Block],
    decs: list[Decision],
    run: Run,
    order: list[int],
    *,
    site: str | None,
    longest: int,
    read: dict[str, list[Part]] | None = None,
) -> Byline:
    """The byline nearest the headline that names people; else a date line of the header (of
    at most ``longest`` words) that opens with its author's name (أحمد سمير منذ 3 ساعات). Its
    dateline, or the first place a byline names. A translator's credit (ترجمة: فلان, under the
    story as Anadolu sets it) is one more credit after the writer's, never in its place: the
    translator is the author only when the page names no writer. ``read``: the bylines' parts
    read already, shared with find_source (see
    :func:`~arabic_extract.engine.bylines.read_byline`)."""
    place: str | None = None
    credits = [i for i in order if decs[i].label is labels.BYLINE and _translator(blocks[i])]
    translators: tuple[str, ...] = ()
    if credits:
        translators = read_byline(strip_bullet(blocks[credits[0]].text), site, read).authors
    for i in order:
        # (a name above its role line is read with the role and the place under it)
        if decs[i].reasons == NAME_ABOVE_ROLE or not _names_writer(blocks[i], decs[i]):
            continue
        if i in credits:
            continue
        # (a name and the date after it: محمد عبداللهمنذ ساعتين; the name alone is read)
        span = name_before_date(blocks[i].norm)
        named = span_text(blocks[i], *span) if span is not None else None
        found = read_byline(named or strip_bullet(blocks[i].text), site, read)
        payload = BYLINE.payload(blocks[i].norm)
        alone = payload is not None and not EDGE_PUNCT.sub("", payload)  # "بقلم:" on its own
        if alone and i + 1 < len(blocks):  # the name is on the next line
            found = read_byline(strip_bullet(blocks[i + 1].text), site, read)
        if found.authors:
            below = _place_below(blocks, decs, i, site) if not found.dateline else None
            authors = _credited(found.authors, translators)
            return Byline(authors, found.dateline or place or below, found.outlet)
        place = place or found.dateline
    for i in order:  # a name (at most three words) before a date line
        if i >= run.start or decs[i].is_body or blocks[i].norm.count(" ") >= longest:
            continue
        span = name_before_date(blocks[i].norm)
        name = span_text(blocks[i], *span) if span is not None else None
        # (not the site's own name before its date: زمان الوصل | 2026-11-24 12:40)
        if name and not is_site_name(name, site):
            return Byline(_credited((name,), translators), place)
    role = role_byline(blocks, decs, run, order) or author_box(blocks, decs, run, site)
    if role is not None:
        return Byline(_credited(role.authors, translators), role.dateline, role.outlet)
    return Byline(translators, place)


def _translator(block: Block) -> bool:
    """A translator's credit: ترجمة: فلان (a list's bullet before it)."""
    return TRANSLATOR.match(block.norm) is not None


def _credited(writers: tuple[str, ...], translators: tuple[str, ...]) -> tuple[str, ...]:
    """The writers, then the translators the story credits besides them."""
    return (*writers, *(name for name in translators if name not in writers))


_COUNTER: Final = ("counter",)
# The byline's place is at most this many lines under the name (a date and a count between).
_PLACE_BELOW: Final = 3
# The share buttons page text may set one a line between a byline and its place (Anadolu in
# BeautifulSoup's text: Facebook, X, WhatsApp, Telegram, Linkedin), besides those lines.
_SHARE_BUTTONS: Final = 8


def _names_writer(block: Block, dec: Decision) -> bool:
    """A byline, or a source line whose label opens the outlet's name, which may name the
    writer after it (المصدر أونلاين - حاوره: فلان)."""
    if dec.label is labels.BYLINE:
        return True
    return dec.label is labels.SOURCE and _label_and_suffix(block.norm) is not None


def _place_below(blocks: list[Block], decs: list[Decision], i: int, site: str | None) -> str | None:
    """The place on the byline line right under the one naming the author, when it names no
    one (منصور السلمي / سبق- جدة); the date and a count between them (a view counter) are
    skipped: محمد عبدالله / منذ ساعتين / 532 / القاهرة – باج نيوز; and the share buttons,
    one a line in page text (أحمد يلماز / 06.12.2026 / Facebook / ... / Linkedin / إسطنبول/
    الأناضول), and a social handle, which no line counts."""
    k = i + 1
    between = 0
    end = min(len(blocks) - 1, i + _PLACE_BELOW + _SHARE_BUTTONS)
    while k < end:
        if is_handle(blocks[k].norm) or (
            decs[k].label is labels.NOISE and "share-bar" in decs[k].reasons
        ):
            k += 1
        elif between < _PLACE_BELOW - 1 and (
            decs[k].label is labels.DATE or decs[k].reasons == _COUNTER
        ):
            k += 1
            between += 1
        else:
            break
    if k >= len(blocks) or decs[k].label is not labels.BYLINE:
        return None
    found = read_byline(strip_bullet(blocks[k].text), site)
    return None if found.authors else found.dateline


def role_byline(
    blocks: list[Block], decs: list[Decision], run: Run, order: list[int]
) -> Byline | None:
    """A name on a line of its own above a line that is only its role (محمد المنشاوي /
    مراسل الجزيرة نت), as bylines without a byline word are set apart; the place on the line
    under the role, if any, is its dateline (واشنطن)."""
    for i in order:
        if not 0 < i < run.start or decs[i].is_body or decs[i - 1].is_body:
            continue
        if not is_role_line(blocks[i].norm):
            continue
        if not is_name(blocks[i - 1].norm, BARE_NAME_WORDS):
            continue
        name = clean_edges(blocks[i - 1].text)
        after = i + 1
        place = None
        if after < run.start and not decs[after].is_body and is_place(blocks[after].norm):
            place = clean_edges(blocks[after].text) or None
        return Byline((name,), place) if name else None
    return None


def author_box(
    blocks: list[Block], decs: list[Decision], run: Run, site: str | None
) -> Byline | None:
    """The author's box under the story, when the header names no one: a name on a line of its
    own, then a line about its bearer that opens with a role (ليال حداد / صحافية لبنانية تكتب
    عن الثقافة والمدينة.; طوني عيسى / كاتب ومحلل سياسي في صحيفة «الجمهورية»)."""
    last = min(len(blocks) - 1, run.end + 1 + _AUTHOR_BOX_LINES)
    for i in range(run.end + 1, last):
        if decs[i].is_body or (decs[i + 1].is_body and decs[i + 1].cls == "good"):
            continue  # (the story's text, not a box: the run may end before its last line)
        bio = blocks[i + 1].norm
        if bio.count(" ") + 1 < _BIO_WORDS or role_end(bio) is None:
            continue
        if not is_name(blocks[i].norm, BARE_NAME_WORDS) or is_site_name(blocks[i].text, site):
            continue
        name = clean_edges(blocks[i].text)
        return Byline((name,), None) if name else None
    return None


# An author's box stands within this many lines under the story; its line about the author has
# at least this many words (a role alone is a byline's, not a box's).
_AUTHOR_BOX_LINES: Final = 6
_BIO_WORDS: Final = 4


def lead_dateline(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    config: ExtractionConfig,
) -> str | None:
    """The place an agency's dateline opens the story with: القاهرة - (أ ش أ) -; or a place
    and a dash or a colon with no agency, as sites date their own stories (عمان- الغد-,
    طرابلس - ..., الخرطوم 12 مايو 2024 — ...)."""
    for i in range(max(0, run.start - 2), min(len(blocks), run.end + 1)):
        credited = feats[i].dateline_agency or (
            decs[i].is_body and _placed_lead(blocks[i].norm, config)
        )
        # (an agency's dateline on a line of its own reads as a byline: الدقم ـ العمانية:)
        alone = decs[i].label is labels.BYLINE and feats[i].dateline_agency is not None
        if credited and (decs[i].is_body or alone or "dateline" in decs[i].reasons):
            span = dateline_place(blocks[i].norm) or _agency_place(blocks[i].norm, feats[i])
            return span_text(blocks[i], *span) or None if span is not None else None
        if decs[i].is_body:
            return _filed_lead(blocks[i])
    return None


def _filed_lead(block: Block) -> str | None:
    """The place the lead's credit says the story was filed from, the outlet and the place
    before a colon or a dash (إيلاف من لندن: ...), read as the same words on a header line
    are (see bylines.filed_from)."""
    norm = block.norm
    cut = _LEAD_CREDIT_END.search(norm, 0, _DATELINE_PLACE_CHARS)
    if cut is None:
        return None
    head = norm[: cut.start()].strip()
    if not head or head.count(" ") >= _LEAD_CREDIT_WORDS:
        return None
    return filed_from(span_text(block, 0, cut.start()), head)


# What ends a lead's credit (إيلاف من لندن:), and its most words (an outlet of two words, من
# and a place of two: العربي الجديد من الدار البيضاء has six).
_LEAD_CREDIT_END: Final = regex.compile(r"[:\-–—]")
_LEAD_CREDIT_WORDS: Final = 6


def _agency_place(norm: str, feat: Features) -> tuple[int, int] | None:
    """The place a known agency's dateline opens with, a place the list lacks (الدقم ـ العمانية:,
    a town the agency files from): a word or two of letters before the dash, no noise phrase."""
    agency = feat.dateline_agency
    if not agency or AGENCIES.compiled.fullmatch(agency) is None:
        return None
    dash = _PLACE_DASH.search(norm, 0, _AGENCY_PLACE_CHARS)
    head = norm[: dash.start()].strip() if dash is not None else ""
    words = head.split()
    if not 1 <= len(words) <= _AGENCY_PLACE_WORDS or not all(w.isalpha() for w in words):
        return None
    if NOISE_INDEX.match(head, len(words)) or head in _STOPWORDS:
        return None
    if STORY_KIND.match(head, len(words)) is not None or role_end(head) is not None:
        return None  # تقرير - رويترز:, خاص - رويترز: a story's kind or a desk, no place
    return (0, len(head))  # (a normalised line opens with no space: the head is its start)


# An unknown place before an agency's dateline has at most this many words and characters.
_AGENCY_PLACE_WORDS: Final = 2
_AGENCY_PLACE_CHARS: Final = 30
_PLACE_DASH: Final = regex.compile(r"\s?+[-–—]")


def _placed_lead(norm: str, config: ExtractionConfig) -> bool:
    """Whether a paragraph opens with the place it was filed from and a dash or a colon, maybe
    with the date between (طرابلس - أعلنت..., الخرطوم 12 مايو 2024 — أعلنت...): a dateline
    that credits no agency."""
    span = dateline_place(norm)
    if span is None:
        return False
    rest = norm[span[1] : span[1] + _DATELINE_PLACE_CHARS].lstrip(" ،,")
    if rest[:1] in _DATELINE_DASHES:
        return True
    if not rest[:1].isdigit():
        return False
    ends = [at for at in (rest.find(dash) for dash in _DATELINE_DASHES) if at > 0]
    return bool(ends) and is_date_line(rest[: min(ends)].strip(), config.max_date_line_words)


# How far after a dateline's place its dash may be (past the date).
_DATELINE_PLACE_CHARS: Final = 40
# What follows a dateline's place (or its date) before the story.
_DATELINE_DASHES: Final = ("-", "–", "—", ":")


def outlet_from_name(block: Block, norm_name: str) -> str | None:
    """Cut an outlet's name out of a block: drop descriptors (الروسية للأنباء) and outlet words
    that only introduce the name (وكالة، موقع، صحيفة)."""
    words = norm_name.split()
    while (
        len(words) > 1
        and NAME_TRAILERS.match(words[-1]) is not None
        and AGENCIES.compiled.fullmatch(" ".join(words)) is None  # الأنباء الألمانية: a name
    ):
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
    for found in LEAD_ATTRIBUTION.compiled.finditer(block.norm, None, None, False, KEEP_GIL):
        tail = block.norm[found.end() :].lstrip(" :")
        if _QUOTE_CREDIT.match(tail):  # "نقلت عنه صحيفة": it quotes someone, not the story
            continue
        stop = _NAME_STOP.search(tail)
        candidate = (tail[: stop.start()] if stop else tail).strip()
        if UNNAMED_SOURCE.match(candidate) is not None and not is_outlet_name(candidate):
            continue  # "حسبما ذكرت وسائل إعلام محلية" credits no outlet
        # (the longest run of words that names an outlet, else the first word: each run is
        # looked up once, the last one's answer kept for the test after the loop)
        words = candidate.split()[:6]
        named = False
        while words:
            named = is_outlet_name(" ".join(words))
            if named or len(words) == 1:
                break
            words.pop()
        if words and (named or len(words) <= 3):
            name = outlet_from_name(block, " ".join(words))
            if name:
                return name
    return None


CLOSING_PARAGRAPHS: Final = 2
"""How many of the body's last paragraphs may end with the story's credit (see
:func:`closing_credit`): its last, or the one before a short closing line."""


def closing_credit(block: Block) -> str | None:
    """An agency or outlet credited in brackets after a paragraph's last sentence, as agency
    copy ends (... إيجابية.--(بترا), ... المقبل. (رويترز)): the same credit a page that sets it
    on a line of its own gives in a source line."""
    agency = closing_agency(block.norm)
    return None if agency is None else original_text(block, agency) or None


def source_line_outlet(blocks: list[Block], i: int) -> str | None:
    """The outlet a source line names: after "المصدر:", or on the next line when the label
    stands alone; "(أبوظبي - البيان)" names البيان."""
    block = blocks[i]
    named = _label_and_suffix(block.norm)
    if named:  # المصدر أونلاين - حاوره: فلان: the label and the word after it are the outlet
        return original_text(block, named) or None
    payload = EDGE_PUNCT.sub("", SOURCE_LINE.payload(block.norm) or "")
    if not payload and i + 1 < len(blocks) and len(blocks[i + 1].norm.split()) <= 6:
        block = blocks[i + 1]
        payload = EDGE_PUNCT.sub("", block.norm)
    desk = role_end(payload)  # خاص "لبنان 24": an exclusive of the outlet named after it
    if desk is not None:
        payload = EDGE_PUNCT.sub("", payload[desk:])
    if not payload:
        return None
    parts = [p.strip(" ()") for p in _DASH_SPLIT.split(payload) if p.strip(" ()")]
    if len(parts) == 2:  # "city - outlet": the outlet is the part that names one, else the last
        named = next((p for p in parts if is_outlet_name(p)), None)
        others = [p for p in parts if not is_place(p)]
        # (a reporter and a place credit no outlet: المصدر: محمد فرحان - دبي)
        placed = named is None and len(others) < len(parts)
        if placed and (not others or is_name(others[0], BARE_NAME_WORDS)):
            return None
        payload = named or parts[-1]
    return outlet_from_name(block, payload)


def _label_and_suffix(norm: str) -> str | None:
    """The outlet's name when a source label is its first word: a word that ends names
    (:data:`OUTLET_SUFFIX`) follows the label with no mark between them, and the line ends there
    or goes on after a dash or a colon (المصدر أونلاين - حاوره: فلان)."""
    found = SOURCE_LINE.match(norm)
    if found is None or not found.group("rest")[:1].isspace():
        return None
    parts = found.group("rest").split(maxsplit=1)
    if not parts or OUTLET_SUFFIX.match(parts[0], 1) is None:
        return None
    after = parts[1] if len(parts) > 1 else ""
    if after and after[0] not in _NAME_ENDS:
        return None
    return EDGE_PUNCT.sub("", norm[: len(norm) - len(found.group("rest"))]) + " " + parts[0]


# What may follow an outlet's name on its source line: a dash or a bar before a byline, a colon.
_NAME_ENDS: Final = "-–—|:"


def credited_outlet(
    blocks: list[Block], decs: list[Decision], window: range, body: list[int]
) -> str | None:
    """The outlet the page credits in so many words: a source line near the body, else the
    credit in brackets that closes the body (see :func:`closing_credit`) or stands on the line
    after it (:func:`credit_alone`)."""
    for i in window:
        if "source-line" in decs[i].reasons:
            name = source_line_outlet(blocks, i)
            if name:
                return name
    for i in reversed(body[-CLOSING_PARAGRAPHS:]):
        name = closing_credit(blocks[i])
        if name:
            return name
    after = body[-1] + 1 if body else len(blocks)
    if after < len(blocks) and decs[after].label is not labels.CAPTION:
        return credit_alone(blocks[after])
    return None


def credit_alone(block: Block) -> str | None:
    """An agency credited in brackets on a line of its own (``(رويترز)``, ``- (أ ف ب)``), or
    agencies after a slash without brackets (``فرانس24/ أ ف ب``, as France 24 signs its
    copy): right after the story's last paragraph, the story's credit (a photo's credit is its
    caption's, under the photo)."""
    norm = block.norm
    if "(" not in norm:
        return _agencies_slashed(block)
    opening = norm.rfind("(")
    before = EDGE_PUNCT.sub("", norm[:opening])
    if before and not _initials(before):
        return None  # (DW signs its copy with the editors' initials first: ع.ج.م/ ح.ز (رويترز))
    inner = EDGE_PUNCT.sub("", norm[opening:])
    if not inner or len(inner) > _CREDIT_CHARS:
        return None
    if not _agencies(_CREDIT_LIST.split(inner)):
        return None  # (several agencies: رويترز، د ب أ)
    return original_text(block, inner) or None


def _agencies_slashed(block: Block) -> str | None:
    """Two or three agencies or outlets parted by slashes, the whole line (فرانس24/ أ ف ب)."""
    norm = block.norm
    if "/" not in norm or len(norm) > _CREDIT_CHARS:
        return None
    names = norm.split("/")
    if len(names) > _SLASHED_NAMES or not _agencies(names):
        return None
    return clean_edges(block.text) or None


def _agencies(names: list[str]) -> bool:
    """Whether every one of a credit's names (spaces around them allowed) is an agency's."""
    for raw in names:
        name = raw.strip()
        if not name or AGENCIES.compiled.fullmatch(name) is None:
            return False
    return True


def _initials(norm: str) -> bool:
    """Whether a normalised text is only editors' initials: ع.ج.م/ ح.ز."""
    tokens = norm.replace("/", " ").split()
    return bool(tokens) and all(_INITIAL.fullmatch(token) is not None for token in tokens)


# The longest credit a line of its own gives (وكالة الأنباء الكويتية; two or three agencies).
_CREDIT_CHARS: Final = 40
# What parts the agencies of one credit, and an editor's initials (ع.ج.م).
_CREDIT_LIST: Final = regex.compile(r"[،,]")
# A credit line without brackets names at most this many agencies (an outlet and two agencies).
_SLASHED_NAMES: Final = 3
_INITIAL: Final = regex.compile(r"\p{L}(?:\.\p{L})*+\.?+")


def find_source(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    *,
    order: list[int],
    config: ExtractionConfig,
    read: dict[str, list[Part]] | None = None,
) -> str | None:
    """The credited outlet, by precedence: source line (or the credit that closes the body),
    byline outlet, dateline, lead. ``read``: the bylines' parts find_byline read already."""
    window = range(max(0, run.start - 6), min(len(blocks), run.end + 4))
    body = [i for i in range(run.start, run.end + 1) if decs[i].is_body]
    credited = credited_outlet(blocks, decs, window, body)
    if credited:
        return credited
    for i in order:
        if decs[i].label is labels.BYLINE:
            pair = split_outlet_byline(blocks[i].norm)
            if pair is None and (payload := BYLINE.payload(blocks[i].norm)):
                pair = split_outlet_byline(EDGE_PUNCT.sub("", payload))
            if pair is not None:
                return original_text(blocks[i], pair[0]) or None
            outlet = byline_outlet(strip_bullet(blocks[i].text), read)  # أنقرة/ الأناضول
            if outlet:
                return outlet
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
    """The page's first line, when it is a short name standing above a menu (a logo's text);
    not a line that says something else (a date, a byline, a source). A top bar's widgets (the
    day's date, the weather: دبي 24°) may stand above the logo: they are skipped, never the name."""
    top = 0
    while top < min(len(blocks), _TOP_WIDGETS) and (
        decs[top].label is labels.DATE or is_weather_widget(blocks[top].norm)
    ):
        top += 1
    if len(blocks) < top + 3 or len(blocks[top].norm.split()) > 4 or blocks[top].tag is not None:
        return None
    first = decs[top]
    if first.cls == "good" or first.label not in (labels.BODY, labels.NOISE):
        return None
    if first.label is labels.NOISE and not (
        "menu" in first.reasons or POSITION_ONLY.issuperset(first.reasons)
    ):
        return None
    menu = 0
    for dec in decs[top + 1 : top + 6]:
        if "menu" in dec.reasons or "navigation" in dec.reasons:
            menu += 1
    return clean_edges(blocks[top].text) or None if menu >= 2 else None


# The top bar's widgets above a logo: the day's date and the weather (الخليج: دبي 24° over
# الثلاثاء 1 ديسمبر 2026 over الخليج).
_TOP_WIDGETS: Final = 2
# A temperature: degrees after a number (24°, 24 درجة), as a weather widget shows it.
_TEMPERATURE: Final = regex.compile(r"\d[\s\d.,]{0,4}(?:°|درجه)")


def is_weather_widget(norm: str) -> bool:
    """A place and its weather, a temperature among it (دبي 24°, الرياض غائم 31 درجة): a
    widget, never an outlet or a site's name, though as short as one (normalised)."""
    found = _TEMPERATURE.search(norm, None, None, KEEP_GIL)
    if found is None:
        return False
    words = norm.split()
    for n in range(min(len(words) - 1, _PLACE_WORDS), 0, -1):
        for place, rest in ((words[:n], words[n:]), (words[-n:], words[:-n])):
            if is_place(" ".join(place)) and WEATHER.match(" ".join(rest)) is not None:
                return True
    return False


# The most words of a weather widget's place (أبوظبي, رأس الخيمة, الدار البيضاء).
_PLACE_WORDS: Final = 3


def find_site_name(blocks: list[Block], decs: list[Decision]) -> str | None:
    """The site's own name from its header line, its copyright footer, or its masthead."""
    footers: list[int] = []  # (found in the same pass: the blocks' reasons are read once)
    for i, (block, dec) in enumerate(zip(blocks, decs, strict=True)):
        reasons = dec.reasons
        if "footer" in reasons:
            footers.append(i)
        if "site-header" not in reasons:
            continue
        payload = SITE_HEADER.payload(block.norm)
        if payload:
            name = EDGE_PUNCT.sub("", payload.split("|")[-1].split(" - ")[-1])
            if name and len(name.split()) <= 5:
                return original_text(block, name) or None
    for i in footers:
        block = blocks[i]
        # (every owner's line holds محفوظ: most footer lines run no pattern)
        owner = _OWNER.search(block.norm) if _RESERVED in block.norm else None
        name = (
            EDGE_PUNCT.sub("", _YEAR.sub(" ", _OWNER_END.split(owner.group("owner"))[0]))
            if (owner)
            else ""
        )
        if not name:  # © 2026 خبرني. جميع الحقوق محفوظة: the owner before the phrase
            name = copyright_owner(block.norm)
        if not name and owner and i + 1 < len(blocks) and len(blocks[i + 1].norm.split()) <= 4:
            return clean_edges(blocks[i + 1].text) or None
        if name and len(name.split()) <= 5:
            name = publisher_outlet(name)
            found = original_text(block, name)
            # "محفوظة للخبر": ل before the article's ال writes لل (the name is الخبر); but
            # "محفوظة للبنان 24" is ل before a place's name
            article = owner is not None and owner.group("article") is not None
            article = article and not is_place(name.split(" ", 1)[0])
            return (f"ا{found}" if article and found else found) or None
    return masthead(blocks, decs)


def publisher_outlet(norm: str) -> str:
    """The outlet a publishing house's name holds (normalised): المدينة in مؤسسة المدينة
    للصحافة والنشر; the name itself when it names no house, or nothing besides it."""
    rest = PUBLISHER.payload(norm)
    if not rest:
        return norm
    found = PUBLISHING.compiled.search(rest) if PUBLISHING.may_occur(rest) else None
    outlet = rest[: found.start()].strip() if found is not None else rest
    # (a place's house, مؤسسة دبي للإعلام, publishes an outlet of another name: kept whole)
    if not outlet or outlet.count(" ") >= _PUBLISHED_WORDS or is_place(outlet):
        return norm
    return outlet


# The most words of an outlet's name inside its publisher's (مؤسسة الأهرام, دار الخليج).
_PUBLISHED_WORDS: Final = 2


def copyright_owner(norm: str) -> str:
    """The owner in "© 2024 صدى الجزائر - جميع الحقوق محفوظة" (normalised), or ""."""
    # (the pattern opens with one of its marks: a line without any runs no pattern)
    if not any(mark in norm for mark in _COPYRIGHT_MARKS):
        return ""
    found = _COPYRIGHT_YEAR.search(norm)
    if found is None:
        return ""
    owner = EDGE_PUNCT.sub("", _YEAR.sub(" ", _OWNER_END.split(found.group("owner"))[0]))
    owner = " ".join(owner.split())
    if not owner or FOOTER.match(owner) is not None or len(owner.split()) > 5:
        return ""
    return owner


def split_tag_dump(payload: str, grounding: Callable[[], set[str]]) -> list[str]:
    """Split a keyword dump into entries. With separators, split on them; a dump joined by
    single spaces (as scrapers copy tag links) is cut where the words are grounded in the article:
    a run of words found together in the body is one entry, a word found alone is its own entry,
    and neighbouring words never found in the body stay together. ``grounding`` gives the
    article's words, asked for only by a dump without separators."""
    parts = [p for p in _TAG_SPLIT.split(payload) if p.strip()]
    if len(parts) > 1:
        return [p.strip() for p in parts]
    return _grounded_entries(payload, grounding())


def _grounded_entries(payload: str, grounding: set[str]) -> list[str]:
    """A dump joined by single spaces, cut where its words are grounded (see
    :func:`split_tag_dump`)."""
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
        found = tokens(block.norm)
        for k, token in enumerate(found):
            if token not in reachable:
                continue
            bare = strip_clitic(token)
            if token not in wanted and bare not in wanted:
                continue
            following = found[k + 1 : k + 4]
            for head in (token, bare) if bare != token else (token,):
                gram = head
                grams.add(gram)
                for word in following:
                    gram = f"{gram} {word}"
                    grams.add(gram)
    return grams


_LIST_REASONS: Final = frozenset({"dom:tags", "link-density"}) | frozenset(
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
    """Entries listed one per line under a keywords header that stands alone, or the links of
    the one element under it (HTML: الوسوم / <a>المعلمين</a> <a>ولاية الجزيرة</a> ...)."""
    entries: list[str] = []
    for k in range(header + 1, min(len(blocks), header + 31)):
        if k == header + 1 and _tag_links(blocks[k], decs[k]):
            return list(dict.fromkeys(blocks[k].links))
        words = len(blocks[k].norm.split())
        listed = set(decs[k].reasons) <= _LIST_REASONS
        if not 1 <= words <= 5 or decs[k].cls == "good" or not listed:
            break
        entries.append(clean_edges(strip_bullet(blocks[k].text)))
    return [e for e in dict.fromkeys(entries) if e]


def _tag_links(block: Block, dec: Decision) -> bool:
    """A block that is a run of links, kept out of the body: a tag list's entries."""
    return (
        len(block.links) > 1
        and block.link_density > _TAG_LINK_DENSITY
        and not dec.is_body
        and block.norm.count(" ") < _TAG_CLOUD_WORDS
    )


# A tag list's element is links (more than half its text), and at most this many words.
_TAG_LINK_DENSITY: Final = 0.5
_TAG_CLOUD_WORDS: Final = 40


def find_tags(blocks: list[Block], decs: list[Decision], run: Run) -> list[str]:
    """Entries of the keyword dump near the article, in order, without repeats or labels."""
    tags: list[str] = []
    for i in range(max(0, run.start - 6), min(len(blocks), run.end + 16)):
        if decs[i].label is not labels.TAGS:
            continue
        if "hashtags" in decs[i].reasons:  # #لبنان#بيروت#الكتب
            tags.extend(t for t in hashtag_entries(blocks[i].text) if t not in tags)
            continue
        payload = KEYWORDS.payload(blocks[i].norm)
        if blocks[i].links:  # HTML: the tag links themselves
            for link in blocks[i].links:
                if link not in tags and KEYWORDS.match(normalize(link)) is None:
                    tags.append(link)
            continue
        if not payload or not EDGE_PUNCT.sub("", payload):  # the label alone, or its colon too
            tags.extend(t for t in tags_below(blocks, decs, i) if t not in tags)
            continue
        entries = split_tag_dump(
            EDGE_PUNCT.sub("", payload), partial(_grounding, blocks, decs, payload)
        )
        mapped = normalize_with_offsets(blocks[i].text)
        for entry in entries:
            words = entry.split()
            if len(words) > 1 and len(set(words)) == 1:
                continue  # a label repeated once per group: ملفات ملفات ملفات
            text = original_text(blocks[i], entry, mapped)
            if text and text not in tags:
                tags.append(text)
    return tags


def hashtag_entries(text: str) -> list[str]:
    """The tags a line of hashtags names, as words: الموارد البشرية for #الموارد_البشرية."""
    entries = (" ".join(part.replace("_", " ").split()).strip(" ،,") for part in text.split("#"))
    return [entry for entry in entries if entry]


def article_end(decs: list[Decision], run: Run) -> int:
    """Where the page's part about the article ends: at the first related list, comments or
    footer after the main run (a caption past it is another story's, or the site's logo)."""
    after = range(max(run.end + 1, 0), len(decs))
    return next((i for i in after if not END_FAMILIES.isdisjoint(decs[i].reasons)), len(decs))


def extract_fields(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    config: ExtractionConfig,
) -> tuple[Fields, list[Decision]]:
    """All fields, and the decisions with headline, caption and credit labels added."""
    headline = find_headline(blocks, feats, decs, run, config) if not run.empty else None
    captions: dict[int, str] = {}
    decs = label_headline_and_captions(
        blocks, feats, decs, run, headline, config=config, captions=captions
    )
    order = _near_order(run, headline, len(blocks))
    header = header_order(decs, run, order, config)
    meta_words = config.max_meta_line_words * 2
    dated = read_dates(
        [blocks[i] for i in header if decs[i].label is labels.DATE],
        # (a block's features count its words: its text is not split again)
        [blocks[i] for i in header if not decs[i].is_body and feats[i].words <= meta_words],
        config,
        {i: feats[i].date_matches for i in header},
    )
    site = find_site_name(blocks, decs)
    # (the parts of the bylines find_byline reads, which find_source reads again: this page's)
    read: dict[str, list[Part]] = {}
    byline = find_byline(
        blocks, decs, run, header, site=site, longest=config.max_date_line_words + 3, read=read
    )
    notes = list(dated.notes)
    if headline is None:
        notes.append("headline: no title-like line introduces the body")
    fields = Fields(
        headline=blocks[headline].text if headline is not None else None,
        source=(
            find_source(blocks, feats, decs, run, order=order, config=config, read=read)
            if not run.empty
            else None
        ),
        author=byline.authors[0] if byline.authors else None,
        authors=list(byline.authors),
        dateline=byline.dateline
        or (lead_dateline(blocks, feats, decs, run, config) if not run.empty else None),
        published=dated.published,
        date_text=dated.date_text,
        published_hijri=dated.published_hijri,
        updated=dated.updated,
        site_name=site,
        own_name=site,
        tags=find_tags(blocks, decs, run) if not run.empty else [],
        captions=[
            _caption(blocks, i, captions)
            for i in range(article_end(decs, run))
            if decs[i].label is labels.CAPTION
        ],
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
