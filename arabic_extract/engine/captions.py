"""Captions: an image's caption as shown, without its label and its credit; and the lines that
sit where captions sit but are none (a credit alone, a byline or date line under the headline,
the author's photo, the site's logo).

A figure on a news page has up to three parts: a label for screen readers (``التعليق على
الصورة،``), the caption, and the image's source (``صدر الصورة، Getty Images``, ``(رويترز)``,
``- أرشيفية``, ``تصوير: فلان``). Only the caption is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.blocks import Block, strip_bullet
from arabic_extract.engine.bylines import is_outlet_name, is_place
from arabic_extract.engine.dates import find_dates, is_date_line
from arabic_extract.engine.normalize import normalize, normalize_with_offsets, original_slice
from arabic_extract.engine.twins import Twinned
from arabic_extract.rules.attribution import AGENCIES, BYLINE
from arabic_extract.rules.captions import CAPTION_LABEL, PHOTO_SOURCE_LABEL
from arabic_extract.rules.noise import FOLLOW_PROMPT, PHOTO_CREDIT, SHARE_BAR

# The last part of a caption after a dash, a bar or an Arabic comma, or in brackets at its end;
# a photographer's label ("تصوير: فلان") at its end. Searched in a caption's last characters.
_TAIL: Final = Twinned(
    r"(?:\s[-–—|]\s*+|،\s*+|\()(?P<credit>[^()\-–—|،]{1,40}?)\)?\s*+$"
    r"|(?P<label>(?:تصوير|عدسه|المصور|photo|credit)\s*+:\s*+[^:]{1,40})$"
)
_TAIL_WINDOW: Final = 80
_LETTER: Final = regex.compile(r"\p{L}")
# A clock time (10:15, ۱۰:۳۰ once normalised): captions do not give one, meta lines do.
_CLOCK: Final = regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
# A date at the end of a line ("اسٹاف رپورٹر 23 مئی 2024", "Par X 29 août 2024"): a byline.
_DATE_AT_END: Final = Twinned(r"(?<!\d)\d{1,2}\s++\p{L}++(?:\s++\p{L}++)?\s++\d{4}\s*+$")
# A caption may end with the day the photo was taken (أطباء مضربون أمام مستشفى... في لندن، 10
# مايو 2024) when at least this many words describe it first; fewer are a byline's or a place's.
_DESCRIBED_WORDS: Final = 5


def _dated_meta(norm: str) -> bool:
    """Whether a text ending with a date is a meta line (a name or a place and the date),
    not a photo's description and the day it was taken."""
    found = _DATE_AT_END.search(norm)
    if found is None:
        return False
    head = norm[: found.start()]
    # (a meta line's parts are set apart: المشرق الجديد · رنا الخطيب · 3 أغسطس 2024)
    return head.count(" ") < _DESCRIBED_WORDS or any(mark in head for mark in _META_MARKS)


# What sets a meta line's parts apart (a site, a name, a date), never a photo's description.
_META_MARKS: Final = (" · ", " | ", " • ", " / ")


# A logo's caption or an "about us" link names the site in a few words.
_SITE_CAPTION_MAX_WORDS: Final = 4
# What a caption's parts are cut at.
_EDGES: Final = " :|-–—,،.()"
# The most credits a caption ends with ("(رويترز) - أرشيف").
_MAX_TAILS: Final = 2
LONGEST_CAPTION: Final = 2_000
"""A photo's caption runs a sentence or two: the longest of the fixtures and dev pages has 79
characters. A longer text is kept as it is (a hostile line of megabytes costs no
normalisation here)."""


@dataclass(frozen=True)
class Known:
    """What the page is known to be by the time captions are read: its author and its name."""

    author: str | None = None
    site: str | None = None


def _is_credit(norm: str) -> bool:
    words = len(norm.split())
    return (
        PHOTO_CREDIT.match(norm, words) is not None
        or PHOTO_SOURCE_LABEL.match(norm, words) is not None
        or AGENCIES.match(norm) is not None
    )


def _tail_start(norm: str, end: int) -> int | None:
    """Where a credit at the end of ``norm[:end]`` starts, or None."""
    window = max(0, end - _TAIL_WINDOW)
    found = _TAIL.search(norm, window, end)
    if found is None:
        return None
    credit = (found.group("credit") or found.group("label") or "").strip()
    if not credit:
        return None
    bracketed = found.group(0).lstrip().startswith("(")
    if _is_credit(credit) or (bracketed and is_outlet_name(credit)):
        return found.start()
    if bracketed and dated_credit(norm[:end]):  # (a name after the photo's date: its taker)
        return found.start()
    return None


def dated_credit(norm: str) -> bool:
    """Whether a normalised line ends with a date and a short name in brackets, with no
    sentence's mark before them (مزارع يتفقد أرضه في ريف حماة - 10 أيار 2024 (عنب بلدي)): a
    photo's caption, dated and credited to whoever took it (the site itself, too). A
    paragraph's closing credit follows its sentence's mark: ... في 10 أيار 2024. (رويترز)"""
    if not norm.endswith(")"):
        return False
    opening = norm.rfind("(")
    inner = norm[opening + 1 : -1].strip()
    if opening <= 0 or not inner or inner.count(" ") >= _CREDIT_NAME_WORDS:
        return False
    head = norm[:opening].rstrip()
    if not head[-1:].isdigit() or any(char.isdigit() for char in inner):
        return False  # (most lines: no date right before the bracket)
    dates = find_dates(head)
    return bool(dates) and dates[-1].end >= len(head)


# The most words of a name credited in brackets after a caption's date (وكالة الأنباء الفرنسية).
_CREDIT_NAME_WORDS: Final = 4


def caption_text(block: Block) -> str:
    """A caption as shown, without a leading label ("الصورة:", "التعليق على الصورة،") or a
    trailing credit ("- أرشيف", "(رويترز)", "تصوير: فلان", "(من المصدر)"); "" when nothing
    else is left."""
    return split_caption(block)[0]


def split_caption(block: Block) -> tuple[str, str | None]:
    """A caption as :func:`caption_text` gives it, and the photo credit it ends with
    (``أرشيفية``, ``رويترز``, ``تصوير: فلان``; None when it gives none). A text over
    :data:`LONGEST_CAPTION` characters is no photo's caption: it is given back trimmed, not
    searched for a label and a credit."""
    text = strip_bullet(block.text)
    if len(text) > LONGEST_CAPTION:
        return _trim(text), None
    norm, offsets = normalize_with_offsets(text)
    start, end = 0, len(norm)
    label = CAPTION_LABEL.match(norm)
    if label is not None:
        start = label.start("rest") if label.group("rest") is not None else end
    credits: list[str] = []
    for _ in range(_MAX_TAILS):
        tail = _tail_start(norm, end)
        if tail is None or tail <= start:
            break
        credits.insert(0, _trim(original_slice(text, offsets, tail, end)))
        end = tail
    caption = _trim(original_slice(text, offsets, start, end))
    return caption, " ".join(c for c in credits if c) or None


def _trim(text: str) -> str:
    """A cut without the separators and brackets at its edges; "" when it has no letter."""
    return text.strip(_EDGES) if _LETTER.search(text) else ""


def not_a_caption(text: str, known: Known, config: ExtractionConfig) -> str | None:
    """Why a caption's text is no caption: ``no-words``, ``credit`` (a credit alone),
    ``meta-line`` (a byline or date line), ``author`` (the author's photo), ``site`` (the
    site's logo or "about" link), ``prompt`` (share, follow); None when it is one. (A text is
    matched on its first ``max_line_chars`` characters, as a block is.)"""
    return _why_no_caption(normalize(text[: config.max_line_chars]), known, config)


def _why_no_caption(norm: str, known: Known, config: ExtractionConfig) -> str | None:
    """:func:`not_a_caption` of a text whose matching form is ``norm``."""
    words = len(norm.split())
    if not _LETTER.search(norm):
        return "no-words"
    if _is_credit(norm):
        return "credit"
    if (
        _CLOCK.search(norm)
        or _dated_meta(norm)
        or BYLINE.match(norm, words) is not None
        or is_date_line(norm, config.max_date_line_words, words)
    ):
        return "meta-line"
    if known.author and len(known.author.split()) >= 2 and normalize(known.author) in norm:
        return "author"
    if is_place(norm):  # a place alone is a byline's dateline (واشنطن), not a photo's caption
        return "place"
    if known.site and words <= _SITE_CAPTION_MAX_WORDS and normalize(known.site) in norm:
        return "site"
    if SHARE_BAR.match(norm, words) or FOLLOW_PROMPT.match(norm, words):
        return "prompt"
    return None


def article_captions(texts: list[str], known: Known, config: ExtractionConfig) -> list[str]:
    """The captions of the article, once each, in page order."""
    seen: set[str] = set()
    out: list[str] = []
    for text in texts:
        key = normalize(text[: config.max_line_chars])
        if key in seen or _why_no_caption(key, known, config) is not None:
            continue
        seen.add(key)
        out.append(text)
    return out
