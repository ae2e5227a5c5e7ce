"""The article's header: the lines between the headline and the body that only their place
kept out of it, read as what they are. A byline set apart (a name on a line of its own above
the date, or the outlet and the name; who filed it and from where: إيلاف من بيروت), a role
under a name (صحافية, مراسل الجزيرة نت), and else a photo's caption. Sites set these lines
without any byline word, so only their shape and their place tell them.
"""

from __future__ import annotations

from typing import Final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.bylines import (
    BARE_NAME_WORDS,
    filed_from,
    is_name,
    is_place,
    role_end,
    split_parts,
)
from arabic_extract.engine.captions import Known, not_a_caption
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.dates import has_date_words, is_date_label, is_date_line
from arabic_extract.engine.features import Features
from arabic_extract.engine.segment import Run
from arabic_extract.rules.attribution import AGENCIES


def label_header(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    out: list[Decision],
    *,
    headline: int,
    run: Run,
    config: ExtractionConfig,
) -> list[Decision]:
    """The lines between the headline and the body that only their place kept out of it: a
    name above the date or above its role, the role, and the captions of a photo."""
    out = list(out)
    named = headline + 1
    # (a photo and its caption, or a deck, may stand between the headline and the byline)
    while named < min(run.start, headline + 1 + _LINES_BEFORE_NAME) and (
        out[named].label is labels.CAPTION
        or (_deck(feats[named], out[named]) and not _bare_byline(blocks[named].norm))
    ):
        named += 1
    if named < run.start and _name_above_date(blocks, feats, decs, named, run=run, config=config):
        out[named] = Decision("bad", labels.BYLINE, ("byline-above-date",))
        # (the name's place in brackets on the next line, as page text parts خالد العتيبي
        # (الرياض) at the link around the name; a social handle may stand between them)
        k = _past_handles(blocks, named + 1, run.start)
        if k < run.start and out[k].label is labels.NOISE and bracketed_place(blocks[k].norm):
            out[k] = Decision("bad", labels.BYLINE, ("byline-place",))
    for i in range(headline + 1, run.start):
        if out[i].label is labels.NOISE and _role_under_name(blocks, out, i):
            out[i] = Decision("bad", labels.BYLINE, ("byline-role",))
            if out[i - 1].label is not labels.BYLINE:
                out[i - 1] = Decision("bad", labels.BYLINE, NAME_ABOVE_ROLE)
        elif out[i].label is labels.NOISE and _filed_line(blocks[i]):
            out[i] = Decision("bad", labels.BYLINE, ("byline-filed",))
        elif (
            out[i].label is labels.NOISE
            and decs[i].cls in ("near", "short")
            and ("outside-main-run" in decs[i].reasons and "repeated" not in decs[i].reasons)
            and not blocks[i].heading  # a deck under the headline, not a photo's caption
            and (blocks[i].after_image or feats[i].words >= config.min_header_caption_words)
            and not is_date_label(blocks[i].norm)  # a date's label alone: نشرت في:
            and not_a_caption(blocks[i].text, Known(), config) is None
        ):
            out[i] = Decision("bad", labels.CAPTION, ("pre-body-caption",))
    return out


def _name_above_date(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    i: int,
    *,
    run: Run,
    config: ExtractionConfig,
) -> bool:
    """Whether block ``i``, right under the headline, is its author's name set on a line of
    its own above the date (الأرصاد تحذر... / محمود فتحي / الإثنين 20 مايو 2024): two or three
    words of a name, or the outlet and the name (هسبريس - عبد الرحيم العسري), noise only by
    where it stands, and a date line or a byline's place next, or after one short line between
    (the outlet's name: بي بي سي نيوز عربي)."""
    dec = decs[i]
    if dec.label is not labels.NOISE or not dec.reasons:
        return False
    if not _LINKED_NAME.issuperset(dec.reasons) or not _bare_byline(blocks[i].norm):
        return False
    # (a source's label and its outlet may stand under the name: المصدر: / الشرق, a line more)
    reach = _NAME_TO_DATE + 1 if decs[i + 1].label is labels.SOURCE else _NAME_TO_DATE
    # (the writer's social handle under the name is no line between the name and its date)
    handles = _past_handles(blocks, i + 1, run.start) - (i + 1)
    for k in range(i + 1, min(i + 1 + reach + handles, run.start)):
        if is_handle(blocks[k].norm):
            continue
        # (a date of digits alone is "no-letters" noise to features, not a date line; a
        # byline's place and outlet may stand under the name: منصور السلمي / سبق- جدة, or the
        # place alone in brackets: خالد العتيبي / (الرياض))
        if (
            feats[k].date_line
            or decs[k].label in (labels.BYLINE, labels.DATE)  # (a time-ago: منذ ساعتين)
            or bracketed_place(blocks[k].norm)
            or (
                "no-letters" in decs[k].reasons
                and is_date_line(blocks[k].norm, config.max_date_line_words)
            )
        ):
            return True
        if feats[k].words > _OUTLET_LINE_WORDS or decs[k].is_body:
            return False
    return False


def is_handle(norm: str) -> bool:
    """A social account's handle alone on a line (@okaz_online), as page text keeps a byline's
    link to the writer's account: neither a name nor a place, and no line of the header."""
    return _HANDLE.fullmatch(norm.strip()) is not None


def _past_handles(blocks: list[Block], k: int, end: int) -> int:
    """The first line from ``k`` (before ``end``) that is no social handle."""
    while k < end and is_handle(blocks[k].norm):
        k += 1
    return k


def bracketed_place(norm: str) -> bool:
    """A place alone in brackets ((الرياض)): where the byline above it was filed from."""
    core = norm.strip()
    return core[:1] == "(" and core[-1:] == ")" and is_place(core[1:-1].strip())


def _filed_line(block: Block) -> bool:
    """Who filed the story and from where, on a line of its own above the story, its colon
    or dash after it (إيلاف من لندن:, as page text parts the lead's bold credit from it): a
    byline, never a photo's caption."""
    # (its colon or dash says it credits the text under it: لقطة من غزة alone is a caption)
    last = block.norm.rstrip()[-1:]
    if not last or last not in _CREDIT_MARKS:
        return False
    core = block.norm.strip(_CREDIT_MARKS + " ")
    return (
        core.count(" ") < _FILED_WORDS
        and " " in core
        and filed_from(block.text.strip(_CREDIT_MARKS + " "), core) is not None
    )


def _deck(feat: Features, dec: Decision) -> bool:
    """A deck under the headline (a sentence that sums the story up): words enough for no
    name, kept out of the body by its place only."""
    return (
        feat.words >= _DECK_WORDS
        and dec.label is labels.NOISE
        and bool(dec.reasons)
        and POSITION_ONLY.issuperset(dec.reasons)
    )


def _role_under_name(blocks: list[Block], decs: list[Decision], i: int) -> bool:
    """Whether block ``i`` is only the role of the name on the line above it (لمياء الرفاعي /
    صحافية; محمد المنشاوي / مراسل الجزيرة نت): part of the byline, never a photo's caption."""
    if i == 0 or not is_role_line(blocks[i].norm):
        return False
    above = decs[i - 1]
    return above.label is labels.BYLINE or (
        not above.is_body and is_name(blocks[i - 1].norm, BARE_NAME_WORDS)
    )


def is_role_line(norm: str) -> bool:
    """Whether a normalised line is only a role, a few words (مراسل الجزيرة نت، صحافية)."""
    return norm.count(" ") < _ROLE_WORDS and role_end(norm) is not None


def _bare_byline(norm: str) -> bool:
    """A name alone (two or three words: محمود فتحي), or a name and, on the other side of one
    dash or bar, a short part that is not a name (the outlet, as the site writes it:
    العربية.نت - محمد الحربي); who filed the story and from where (إيلاف من بيروت); or an
    agency alone (أ ش أ), which the byline credits. Not a date's label (آخر تحديث)."""
    if has_date_words(norm):
        return False
    if is_name(norm, BARE_NAME_WORDS) or filed_from(norm, norm) is not None:
        return True
    if _name_and_role(norm):
        return True
    if len(norm) <= _AGENCY_CHARS and AGENCIES.compiled.fullmatch(norm) is not None:
        return True
    # (parted as bylines are: a dash touching a word parts it too, عربي21- محمد عبد الله)
    parts = split_parts(norm, limit=3)
    if len(parts) != 2 or not any(mark in norm for mark in _BYLINE_MARKS):
        return False
    named = [is_name(part.norm, BARE_NAME_WORDS) for part in parts]
    other = parts[1] if named[0] else parts[0]
    return named.count(True) == 1 and other.norm.count(" ") < _OUTLET_PART_WORDS


def _name_and_role(norm: str) -> bool:
    """A name and its role after it, on one line: أمين العاصي صحافي، محمد المنشاوي مراسل
    الجزيرة نت."""
    words = norm.split()
    for count in BARE_NAME_WORDS:
        name, role = " ".join(words[:count]), " ".join(words[count:])
        if role and is_name(name, BARE_NAME_WORDS) and is_role_line(role):
            return True
    return False


# The marks around a credit line (إيلاف من لندن:), and its most words (an outlet of two words,
# من and a place of two).
_CREDIT_MARKS: Final = ":-–—"
_FILED_WORDS: Final = 6
# A social account's handle (normalised: lower case): @ and a user name of letters, digits, _ and .
_HANDLE: Final = regex.compile(r"@[\w.]{1,30}+")
# The longest agency's name a byline of its own gives (وكالة أنباء الشرق الأوسط).
_AGENCY_CHARS: Final = 40
# What parts an outlet from a name on a bare byline line, and how many words the outlet has.
_BYLINE_MARKS: Final = ("-", "–", "—", "|")
_OUTLET_PART_WORDS: Final = 3
# The reasons of a name on a line of its own above its role (see role_byline).
NAME_ABOVE_ROLE: Final = ("name-above-role",)
# What a header line's decision says when nothing but its place kept it out of the body.
POSITION_ONLY: Final = frozenset({"outside-main-run", "short", "near-prose", "title-like"})
# ... or its place and its link: a byline's name often links to the author's page.
_LINKED_NAME: Final = POSITION_ONLY | {"link-density"}
# The most lines (a photo, its caption, a deck) between the headline and a byline under them,
# and the fewest words of a deck (a name has two or three).
_LINES_BEFORE_NAME: Final = 3
_DECK_WORDS: Final = 6
# A name is at most this many lines above its date line; a line between them (an outlet's
# name) has at most this many words.
_NAME_TO_DATE: Final = 2
_OUTLET_LINE_WORDS: Final = 5
# A role line is short (مراسل الجزيرة نت، محرر الشؤون الاقتصادية); the name above it has as
# many words as a bare byline's (bylines.BARE_NAME_WORDS).
_ROLE_WORDS: Final = 5
