"""Features of each block: size, prose signals, and the rule families its text matches."""

from __future__ import annotations

import re
from typing import Final, final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.bylines import (
    is_outlet_name,
    is_place,
    is_place_byline,
    split_outlet_byline,
)
from arabic_extract.engine.dates import DateMatch, find_relative, has_relative_word, is_date_line
from arabic_extract.engine.deadline import out_of_time
from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules import CLOSERS, NUMBER, RuleIndex, first_word
from arabic_extract.rules.attribution import (
    AGENCIES,
    AGENCY_NATIONALITIES,
    BYLINE,
    BYLINE_ROLE,
    CLOSING_CREDIT,
    DATELINE,
    HASHTAGS,
    SOURCE_LINE,
)
from arabic_extract.rules.dates import ISSUE_LINK
from arabic_extract.rules.noise import NOISE_FAMILIES, PHOTO_CREDIT, RELATED, RELATED_TITLES
from arabic_extract.rules.stopwords import STOPWORDS

_STOPWORDS: Final = frozenset(normalize(word) for word in STOPWORDS)
NOISE_INDEX: Final = RuleIndex.build(NOISE_FAMILIES)
# (held by this module: a compiled module reads its own final names directly, an imported one
# through its dictionary of globals, and this one is read for every block)
_CLOSERS: Final = CLOSERS
_PROSE_MARKS: Final = frozenset(".!؟?…۔")  # ۔ ends Urdu sentences
_SENTENCE_MARKS: Final = frozenset(".!؟?…:;؛۔")
_LETTER: Final = regex.compile(r"\p{L}")
_DIGIT: Final = regex.compile(r"\d")


@final
class Features:
    """What pass 1 knows about a block before looking at its neighbours (immutable; see
    :class:`~arabic_extract.engine.blocks.Block`). ``stopword_ratio`` is counted only for a
    line that does not read as prose (no sentence's end, no comma): 0.0 on one that does,
    where classify does not ask for it. ``date_matches``: the date patterns' matches in a line
    short enough to be a date line, as is_date_line found them (None on longer lines and on
    noise), for read_dates; nobody changes the list."""

    __slots__ = (
        "byline",
        "chars",
        "commas",
        "date_line",
        "date_matches",
        "dateline_agency",
        "dateline_line",
        "noise",
        "outlet_byline",
        "prose_end",
        "source_line",
        "stopword_ratio",
        "time_ago",
        "title_like",
        "words",
    )

    def __init__(
        self,
        *,
        words: int,
        chars: int,
        stopword_ratio: float,
        prose_end: bool,
        commas: int,
        title_like: bool,
        noise: tuple[str, ...],
        source_line: bool,
        byline: bool,
        date_line: bool,
        date_matches: list[DateMatch] | None,
        time_ago: bool,
        dateline_agency: str | None,
        dateline_line: bool,
        outlet_byline: bool,
    ) -> None:
        self.words: Final = words
        self.chars: Final = chars
        self.stopword_ratio: Final = stopword_ratio
        self.prose_end: Final = prose_end
        self.commas: Final = commas
        self.title_like: Final = title_like
        self.noise: Final = noise
        self.source_line: Final = source_line
        self.byline: Final = byline
        self.date_line: Final = date_line
        # (not Final: see dates.FoundDate on mypyc and borrowed Final attributes)
        self.date_matches = date_matches
        self.time_ago: Final = time_ago
        self.dateline_agency: Final = dateline_agency
        self.dateline_line: Final = dateline_line
        self.outlet_byline: Final = outlet_byline

    @property
    def prose(self) -> bool:
        """Reads like running text: sentence punctuation or a share of function words."""
        return self.prose_end or self.commas > 0


def leading_agency(norm: str) -> str | None:
    """The agency named by a dateline that opens a normalised line: القاهرة - (أ ش أ) -."""
    head = norm[:80]
    # (a bracket, a dash, or a slash: بيروت- رويترز-, أبوظبي في 12 يناير / وام /; plain "in"
    # tests, run on every line: the compiled module makes no generator of them)
    if not ("(" in head or "-" in head or "/" in head or "–" in head or "—" in head):
        return None
    found = DATELINE.match(norm)
    if found is None:
        return None
    # A number and no word before the agency is a widget, not a dateline's date: a reading
    # time "2 (min)" (pandoc writes <sup>min</sup> as "^(min)"), a counter "5 (AFP)".
    before = norm[: found.start("agency")]
    if any(char.isdigit() for char in before) and not any(char.isalpha() for char in before):
        return None
    agency = (found.group("agency") or "").strip(" ()[]-–—")
    if is_outlet_name(agency):
        return agency
    # (a short name in brackets after a place is the outlet's, known or not: أربيل (كوردستان
    # 24)-; a desk or a role is none: غزة (خاص)-)
    bracketed = norm[found.start("agency") - 1 : found.start("agency")] == "("
    if (
        bracketed
        and agency.count(" ") < _BRACKETED_OUTLET_WORDS
        and is_place(before.strip(" ()[]-–—،,"))
        and BYLINE_ROLE.match(agency) is None
    ):
        return agency
    return None


# The most words of an outlet's name in brackets after a dateline's place.
_BRACKETED_OUTLET_WORDS: Final = 3


def dateline_agency(norm: str, words: int | None = None) -> str | None:
    """The agency named by a dateline at the start of a normalised line, or ending a short
    dated line; normalised."""
    return leading_agency(norm) or tail_agency(norm, words)


# The marks around an agency's name at a line's end: (واس), - واس.
_TAIL_MARKS: Final = "()-–—:. "
# The words an agency's name can end with, normalised: the last words of its phrases, and of
# what its pattern matches (الأنباء + a nationality, a nationality + للأنباء).
AGENCY_ENDS: Final = frozenset(
    {normalize(phrase).split()[-1] for phrase in AGENCIES.phrases}
    | {normalize(nationality) for nationality in AGENCY_NATIONALITIES}
    | {normalize("للأنباء")}
)


def _may_end_an_agency(tokens: list[str]) -> bool:
    """Whether one of a line's last tokens, without its marks, is a word an agency's name ends
    with: a tail that names an agency ends with such a word (the tails tried end with one of
    these tokens, some of its marks stripped, and a name holds no mark at its ends)."""
    return any(token.strip(_TAIL_MARKS) in AGENCY_ENDS for token in tokens)


def tail_agency(norm: str, words: int | None = None, tokens: list[str] | None = None) -> str | None:
    """A dateline line that ends with the agency: الرياض 12 رمضان 1445 هـ الموافق 22 مارس 2024 م
    واس. Short, dated, and its last words are a known agency. (``tokens``: ``norm.split()``,
    when the caller has it.)"""
    if (words is not None and words > _TAIL_WORDS) or _DIGIT.search(
        norm, None, None, KEEP_GIL
    ) is None:
        return None
    return _dated_tail_agency(norm, norm.split() if tokens is None else tokens)


# The most words of a dated line that ends with its agency.
_TAIL_WORDS: Final = 20


def _dated_tail_agency(norm: str, tokens: list[str]) -> str | None:
    """:func:`tail_agency` of a line known to hold a digit (``tokens``: ``norm.split()``)."""
    if len(tokens) > _TAIL_WORDS:
        return None
    if not _may_end_an_agency(tokens[-3:]):
        return None
    for size in (3, 2, 1):
        tail = " ".join(tokens[-size:]).strip(_TAIL_MARKS)
        if len(tokens) > size and tail and AGENCIES.compiled.fullmatch(tail, None, None, KEEP_GIL):
            return tail if _dated_from_a_place(norm) else None
    return None


def _dated_from_a_place(norm: str) -> bool:
    """Whether what comes before a dated line's first digit is a place or nothing (الرياض 12
    رمضان...): a photo's caption that ends with its date and credit (أطباء مضربون أمام
    مستشفى... في لندن، 10 مايو 2024 (فرانس برس)) describes something first."""
    found = _DIGIT.search(norm, None, None, KEEP_GIL)
    head = norm[: found.start() if found is not None else len(norm)].strip(_HEAD_MARKS)
    return not head or is_place(head)


# What may stand between a dateline's place and its date.
_HEAD_MARKS: Final = " ،,-–—/"


# The end of a line that may be a photo credit: after a dash or a bar, inside brackets, or after
# a photographer's label (تصوير: فلان). Searched in a line's last 60 characters only.
_CREDIT_TAIL: Final = regex.compile(
    r"(?:\s[-–—|]\s*|\()(?P<credit>[^()\-–—|]{1,40}?)\)?\s*$"
    r"|(?P<label>(?:تصوير|عدسه|photo|credit)\s*:\s*[^:]{1,40})$"
)


# Every match of _CREDIT_TAIL in a normalised line (one space between words, none at its ends)
# holds one of these within the line's last _CREDIT_REACH characters (a space and a dash or a
# bar, a space, 40 characters of credit and a bracket; a label's colon, a space and 40
# characters): most lines hold none there, and are ruled out without running the pattern.
_CREDIT_MARKS: Final = (" -", " –", " —", " |", "(", ":")
_CREDIT_REACH: Final = 44


# Where a match of _CREDIT_TAIL starts: a bracket, a space before one of the dashes or a bar,
# or a photographer's label.
_CREDIT_OPENERS: Final = ("(", "تصوير", "عدسه", "photo", "credit")
_CREDIT_DASHES: Final = ("-", "–", "—", "|")


def credit_search(tail: str) -> regex.Match[str] | None:
    """``_CREDIT_TAIL.search(tail)``, the pattern tried only where a match can start (found
    with plain searches, in order; a space is what ``str.isspace`` says, a superset of the
    pattern's): the search tried it at every character, each time running its lazy credit
    to the end of the text."""
    starts: list[int] = []
    for mark in _CREDIT_OPENERS:
        at = tail.find(mark)
        while at >= 0:
            starts.append(at)
            at = tail.find(mark, at + 1)
    for mark in _CREDIT_DASHES:
        at = tail.find(mark, 1)
        while at >= 0:
            if tail[at - 1].isspace():
                starts.append(at - 1)
            at = tail.find(mark, at + 1)
    for start in sorted(starts):
        found = _CREDIT_TAIL.match(tail, start, None, KEEP_GIL)
        if found is not None:
            return found
    return None


def credit_tail(norm: str) -> bool:
    """Whether a normalised line ends with a photo credit (``- أرشيف``, ``(من المصدر)``,
    ``(رويترز)``, ``تصوير: فلان``): what an image's caption ends with."""
    reach = norm[-_CREDIT_REACH:]
    # (plain tests, not any() over _CREDIT_MARKS: the compiled module makes a generator of it)
    if not (
        " -" in reach
        or " –" in reach
        or " —" in reach
        or " |" in reach
        or "(" in reach
        or ":" in reach
    ):
        return False
    found = credit_search(norm[-60:])
    if found is None:
        return False
    credit = (found.group("credit") or found.group("label") or "").strip()
    return bool(credit) and PHOTO_CREDIT.test(credit, len(credit.split()), credit)


_META_SPLIT: Final = regex.compile(r"\s[|•·/]\s|\s[-–—]\s")
# What _META_SPLIT finds in a normalised line, whose only white space is one space between words
# (looked for as plain text: most lines have none).
_META_SEPARATORS: Final = tuple(f" {mark} " for mark in "|•·/-–—")


# How much of a line's end holds a closing credit (a sentence's mark, a dash, a bracketed name
# of 30 characters).
_CREDIT_END_CHARS: Final = 48


def closing_agency(norm: str) -> str | None:
    """The outlet a normalised line ends by crediting, its name in brackets after the line's
    last sentence (``... المقبل. (رويترز)``, ``... إيجابية.--(بترا)``), normalised; None when it
    ends otherwise. The sentence is ended all the same."""
    if norm[-1:] != ")":
        return None
    found = CLOSING_CREDIT.match(norm[-_CREDIT_END_CHARS:])
    if found is None or not is_outlet_name(found.group("agency")):
        return None
    return found.group("agency")


def meta_line(norm: str, config: ExtractionConfig) -> tuple[str, ...]:
    """A line of widgets joined by separators (منذ 4 ساعات | 2315 مشاهدة | دقيقتان للقراءة) is
    noise when every part is: the union of the parts' families (a date part counts)."""
    parts = [p.strip() for p in _META_SPLIT.split(norm, 0, KEEP_GIL) if p.strip()]
    if len(parts) < 2:
        return ()
    names: list[str] = []
    for part in parts:
        words = len(part.split())
        found = NOISE_INDEX.match(part, words)
        if found:
            names.extend(found)
        elif not is_date_line(part, config.max_date_line_words):
            return ()
    return tuple(dict.fromkeys(names or ["date-line"]))


@final
class _Limits:
    """The thresholds block_features reads for every block, read from the config once a call
    (each read of a config's attribute costs the compiled module a generic attribute lookup)."""

    __slots__ = (
        "date_words",
        "digit_words",
        "marked_words",
        "max_title",
        "meta_words",
        "min_title",
    )

    def __init__(self, config: ExtractionConfig) -> None:
        self.date_words: Final[int] = config.max_date_line_words
        self.meta_words: Final[int] = config.max_meta_line_words
        self.min_title: Final[int] = config.min_title_words
        self.max_title: Final[int] = config.max_title_words
        # The longest line whose digits matter: a date line's, or a dated agency line's.
        self.digit_words: Final[int] = max(config.max_date_line_words, _TAIL_WORDS)
        # The longest line whose marks are searched for once (see _marked).
        self.marked_words: Final[int] = max(config.max_meta_line_words, _OUTLET_BYLINE_WORDS)


# The longest line read as an outlet byline (split_outlet_byline: an outlet and a person).
_OUTLET_BYLINE_WORDS: Final = 8
# Every mark meta_line, leading_agency and split_outlet_byline need: a line of widgets is parted
# by one of "|•·/-–—" between spaces, a dateline names its agency after a bracket, a dash or a
# slash, an outlet byline is parted by a bar, a dash or a slash.
_MARKS: Final = re.compile("[-–—|/(•·]")


def _marked(norm: str, words: int, limits: _Limits) -> bool:
    """False when a short line holds none of the marks the widget line, dateline and outlet
    byline tests look for (one search of the standard engine, where their plain tests of
    each mark cost 3-4 k instructions a line compiled); True otherwise, and for a long line,
    whose tests read only its start."""
    return words > limits.marked_words or _MARKS.search(norm) is not None


def block_features(block: Block, config: ExtractionConfig) -> Features:
    """What pass 1 knows about one block (see :func:`features`)."""
    return _block_features(block, config, _Limits(config))


def _block_features(block: Block, config: ExtractionConfig, limits: _Limits) -> Features:
    norm = block.norm
    if not norm:
        return _noise_features(block, 0, ("empty",), False)
    # A normalised line has one space between words and none at its ends: its words are
    # counted without splitting it (a split makes a string of every word: on a paragraph,
    # more than the rest of its features), and split only where a feature reads its words.
    words = norm.count(" ") + 1
    space = norm.find(" ")
    head = norm if space < 0 else norm[:space]
    if head.isalnum():  # the common case, without a regular expression: see first_word
        first = NUMBER if head[0].isdigit() else head
        has_letters = head[0].isalpha() or _LETTER.search(norm, None, None, KEEP_GIL) is not None
    else:
        first = first_word(norm)
        has_letters = _LETTER.search(norm, None, None, KEEP_GIL) is not None
    noise = _noise_of(norm, words, first)
    digits = False
    date_line = False
    date_matches: list[DateMatch] | None = None
    # A line the noise families claim is furniture whatever its date: whether it is a date line
    # is asked only where the answer can change its noise (a counter that is a date, an issue's
    # link), which spares most of the page's short lines the digit search and the date patterns.
    if not noise or noise == _COUNTER_ONLY or _may_be_issue_link(words, first):
        # Whether the line holds a digit, asked once for is_date_line and tail_agency: a date
        # line holds a year's four digits or a relative stamp's منذ or قبل (see is_date_line),
        # and most lines hold neither, which plain tests and one search tell for less than its
        # patterns.
        digits = (
            words <= limits.digit_words and _DIGIT.search(norm, None, None, KEEP_GIL) is not None
        )
        # (the matches is_date_line finds, none in a line without a digit, are handed to
        # read_dates: see dates.KnownDates)
        date_matches = [] if words <= limits.date_words else None
        date_line = (
            date_matches is not None
            and (digits or has_relative_word(norm))
            and is_date_line(norm, limits.date_words, words, date_matches)
        )
    # (whether the line holds a mark the tests of widgets, datelines and outlet bylines need,
    # asked of a line that may be no noise: a counter that is a date is none, below)
    marked = (not noise or noise == _COUNTER_ONLY) and _marked(norm, words, limits)
    if (
        not noise
        and marked
        and words <= limits.meta_words
        and not date_line
        and any(separator in norm for separator in _META_SEPARATORS)
    ):
        noise = meta_line(norm, config)
    if noise == _COUNTER_ONLY and date_line:
        noise = ()  # "28/2/2023" is a date, not a counter
    if not has_letters and "counter" not in noise and "empty" not in noise:
        noise = (*noise, "no-letters")
    if date_line and ISSUE_LINK.match(norm, words, first) is not None:
        noise = (*noise, ISSUE_LINK.name)
    if noise:  # furniture: attribution and dates are never read from it
        time_ago = "time-ago" in noise and find_relative(norm, None) is not None
        return _noise_features(block, words, noise, time_ago)
    tail = norm.rstrip(_CLOSERS)[-1:]
    if tail not in _SENTENCE_MARKS and norm[-1:] == ")" and closing_agency(norm) is not None:
        tail = "."  # a sentence closed by its credit: ... المقبل. (رويترز)
    sentence_end = tail in _SENTENCE_MARKS
    tokens: list[str] | None = None
    agency_at_end = None
    if digits and words <= _TAIL_WORDS:
        tokens = norm.split()
        agency_at_end = _dated_tail_agency(norm, tokens)
    agency = (leading_agency(norm) if marked else None) or agency_at_end
    title_words = limits.min_title <= words <= limits.max_title
    prose_end = tail in _PROSE_MARKS
    commas = norm.count("،") + norm.count(",") + norm.count("؛")
    # (classify reads the share of function words only of a line that does not read as prose
    # already: counting them, each word a lookup, is spared on a paragraph)
    stopword_ratio = 0.0
    if not (prose_end or commas > 0):
        stopword_ratio = _stopwords(norm.split() if tokens is None else tokens) / words
    return Features(
        words=words,
        chars=len(block.text),
        stopword_ratio=stopword_ratio,
        prose_end=prose_end,
        commas=commas,
        title_like=title_words and (not sentence_end or norm.endswith(("?", "؟", "!"))),
        noise=noise,
        source_line=SOURCE_LINE.match(norm, words, first) is not None,
        byline=BYLINE.match(norm, words, first) is not None
        or is_place_byline(block.text, norm, words),
        date_line=date_line,
        date_matches=date_matches,
        time_ago=False,
        dateline_agency=agency,
        dateline_line=agency is not None and (words <= 4 or agency_at_end is not None),
        outlet_byline=marked
        and words <= _OUTLET_BYLINE_WORDS
        and split_outlet_byline(norm) is not None,
    )


def _noise_of(norm: str, words: int, first: str) -> tuple[str, ...]:
    """The noise families that claim a normalised line (see _one_header), or a line of hashtags
    (HASHTAGS, tried only on a line that opens with one)."""
    noise = _one_header(NOISE_INDEX.match(norm, words, first))
    if not noise and norm[:1] == "#" and HASHTAGS.match(norm, words) is not None:
        return (HASHTAGS.name,)
    return noise


def _one_header(noise: tuple[str, ...]) -> tuple[str, ...]:
    """A line made of related headers only ("أخبار ذات صلة المزيد") is a header, which ends
    the article, not a box with its titles on its line (RELATED_TITLES)."""
    if len(noise) > 1 and RELATED.name in noise:
        return tuple(name for name in noise if name != RELATED_TITLES.name)
    return noise


_COUNTER_ONLY: Final = ("counter",)
_ISSUE_LINK: Final = ISSUE_LINK


def _may_be_issue_link(words: int, first: str) -> bool:
    """Whether ``ISSUE_LINK.match(norm, words, first)`` may match: the word count and the first
    word it checks before running its pattern (see Family.match)."""
    most = _ISSUE_LINK.max_words
    starts = _ISSUE_LINK.first_words
    return (most is None or words <= most) and (starts is None or first in starts)


def _stopwords(tokens: list[str]) -> int:
    """How many of ``tokens`` are function words."""
    count = 0
    for token in tokens:
        if token in _STOPWORDS:
            count += 1
    return count


def _noise_features(block: Block, words: int, noise: tuple[str, ...], time_ago: bool) -> Features:
    return Features(
        words=words,
        chars=len(block.text),
        stopword_ratio=0.0,
        prose_end=False,
        commas=0,
        title_like=False,
        noise=noise,
        source_line=False,
        byline=False,
        date_line=False,
        date_matches=None,
        time_ago=time_ago,
        dateline_agency=None,
        dateline_line=False,
        outlet_byline=False,
    )


def features(
    blocks: list[Block], config: ExtractionConfig, deadline: float | None = None
) -> list[Features]:
    """Features of every block, or of the blocks read before ``deadline`` (see
    :mod:`arabic_extract.engine.deadline`). Pages repeat lines (menus shown twice, headline lists),
    so a line's features are computed once per call; nothing is kept between calls."""
    seen: dict[tuple[str, int], Features] = {}
    out: list[Features] = []
    limits = _Limits(config)
    for index, block in enumerate(blocks):
        if index and index % 64 == 0 and out_of_time(deadline):  # (the first 64 always)
            break
        key = (block.norm, len(block.text))
        feat = seen.get(key)
        if feat is None:
            feat = seen[key] = _block_features(block, config, limits)
        out.append(feat)
    return out
