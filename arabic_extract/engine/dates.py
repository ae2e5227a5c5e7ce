"""Finding and reading dates in Arabic text: absolute dates in every month series and in both
calendars, the labels that say what a date is (published or updated), and relative stamps
(منذ 3 شهور) resolved against a reference time.

A Hijri date (``15 رمضان 1445 هـ``, ``1445/9/14هـ``) is converted to the Gregorian calendar by
Umm al-Qura, the calendar of Saudi Arabia, with `hijridate <https://pypi.org/project/hijridate/>`_
(pure Python, no dependencies; about 1 ms to import and 1.3 µs a conversion). Months that other
countries start by sighting the moon may begin a day or two apart from it: a dual-calendar line
(``… هـ الموافق … م``) is read once, its Gregorian part is the date, and the Hijri part only
checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from types import MappingProxyType
from typing import Final, Literal, final

import regex
from hijridate import Hijri

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.cuts import span_text
from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.twins import plain as is_plain
from arabic_extract.engine.twins import twin
from arabic_extract.model import HijriDate
from arabic_extract.rules import (
    WORD_END,
    WORD_START,
    Family,
    alternation,
    literal_finder,
    phrase_regex,
    phrases_trie,
)
from arabic_extract.rules.dates import (
    DATE_LINE_WIDGETS,
    DATE_WORDS,
    DUAL_MARKER,
    GREGORIAN_ERA,
    HIJRI_ERA,
    MONTH_SERIES,
    PUBLISHED_LABEL,
    UPDATED_LABEL,
    WEEKDAYS,
)

Role = Literal["published", "updated"]


@dataclass(frozen=True)
class MonthName:
    number: int
    gregorian: bool


def _spaceless(text: str) -> str:
    return "".join(text.split())


def _month_table() -> dict[str, MonthName]:
    """Every spelling of every month, normalised and without spaces (ذو القعدة is also written
    ذوالقعدة), with its number and calendar."""
    table: dict[str, MonthName] = {}
    for series in MONTH_SERIES:
        for index, spellings in enumerate(series.months):
            for spelling in spellings:
                key = " ".join(phrase_regex(spelling).replace("\\s*", " ").split())
                table[_spaceless(key.replace("\\", ""))] = MonthName(index + 1, series.gregorian)
    return table


MONTHS: Final = MappingProxyType(_month_table())


def _month_phrases() -> list[str]:
    return [
        " ".join(phrase_regex(s).replace("\\s*", " ").split()).replace("\\", "")
        for series in MONTH_SERIES
        for spellings in series.months
        for s in spellings
    ]


# (a trie: the engine reads the spellings' common starts once, where an alternation tries the
# hundred spellings one after another at each word; it reads as their alternation longest
# first, spaces optional between words: tests/test_dates.py compares the two)
_MONTH_ALT: Final = phrases_trie(_month_phrases(), r"\s*+")
# The first word of every month's name, as literals: a line without any has no named month.
_MONTH_HINT: Final = literal_finder({p.split()[0] for p in _month_phrases()})
_B: Final = r"(?<![\p{L}\p{N}])"
_E: Final = r"(?![\p{L}\p{N}])"
# A year or a day may touch its era mark: 2024م, 1445هـ.
_NUMBER_END: Final = r"(?=[مه]?+(?![\p{L}\p{N}]))"
# A year may also touch the clock time after it (12/1/202510:35, where a page's date and time
# sit in two elements with nothing between them and a scraper joins their text).
_YEAR_END: Final = r"(?=[مه]?+(?![\p{L}\p{N}])|\d{1,2}[:h]\d\d(?!\d))"
_GLUED_YEAR: Final = r"(?<=(?<!\d)(?:19|20|1[34])\d\d)"
_HIJRI_ERA: Final = alternation(HIJRI_ERA)
_GREGORIAN_ERA: Final = alternation(GREGORIAN_ERA)
_ERA: Final = rf"(?:\s*+(?:{_HIJRI_ERA}|{_GREGORIAN_ERA}){_E})?+"
_MONTH: Final = rf"(?P<month>{_MONTH_ALT}){_E}(?:\s*+[/\\(-]\s*+(?:{_MONTH_ALT}){_E}\)?+)?+"
_SEP: Final = r"\s*+[-/.]\s*+"

# A named month, day first (15 رمضان 1445; 19/مايو/2024 and 12-يناير-2025, as some CMSes write
# it) or month first (November 9, 2020): one pattern, so that a line is scanned once (the
# day-first branch starts at a digit, the other at a letter). A day may touch the letter before
# it (محمد عبدالله19 نوفمبر 2026: a byline's name and its date in two inline elements, their
# texts joined with nothing between), never a digit.
_NAMED_SOURCE: Final = (
    rf"(?:(?<!\p{{N}})(?P<day>\d{{1,2}})\s*+(?:[/-]\s*+)?+(?:من\s*+)?+{_MONTH}\s*+[,،/-]?+\s*+"
    rf"(?:(?:سنه|عام)\s*+)?+"
    rf"|{_B}{_MONTH}\s*+(?P<day>\d{{1,2}})\s*+[,،]?+\s*+)(?P<year>\d{{4}}){_YEAR_END}{_ERA}"
)
# All digits, year first or last. Years 1300-1499 are Hijri (no Gregorian news date has them);
# the Hijri branches set the empty group "hijri".
_NUMERIC_SOURCE: Final = (
    rf"{_B}(?:(?P<year>(?:19|20)\d\d){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}}){_NUMBER_END}"
    rf"|(?P<day>\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<year>(?:19|20)\d\d){_YEAR_END}"
    rf"|(?P<hijri>)(?P<year>1[34]\d\d){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})"
    rf"{_NUMBER_END}"
    rf"|(?P<hijri>)(?P<day>\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<year>1[34]\d\d)"
    rf"{_YEAR_END})"
    rf"{_ERA}"
)
_NUMERIC_HINT: Final = regex.compile(r"\d\s?[-/.]\s?\d")
# A clock time: 10:30, and 10h30 as Maghrebi pages write it (French usage); after no digit but
# a year's (see _YEAR_END).
TIME: Final = regex.compile(
    rf"(?:(?<!\d)|{_GLUED_YEAR})(?P<hour>\d{{1,2}})[:h](?P<minute>\d{{2}})(?::\d{{2}})?+(?!\d)"
    r"(?:\s*+(?P<half>صباحا|مساء|ظهرا|عصرا|ليلا|فجرا|ص|م|am|pm)(?![\p{L}]))?+"
)
RELATIVE: Final = regex.compile(
    r"(?:منذ|قبل)\s*+(?P<count>\d{1,6})?+\s*+(?P<unit>ثانيه|ثوان|ثواني|دقيقتين|دقيقتان|دقيقه|"
    r"دقائق|ساعتين|ساعتان|ساعه|ساعات|يومين|يومان|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|"
    r"شهور|سنتين|سنه|سنوات|عامين|عام|اعوام)(?![\p{L}])"
)


def has_relative_word(norm: str) -> bool:
    """Whether a normalised text holds منذ or قبل, which every RELATIVE stamp opens with: a
    text without them holds none (plain tests, before the pattern)."""
    return "منذ" in norm or "قبل" in norm


# The part of the day a clock time names: after noon (4:10 عصرا is 16:10), around noon (1:30
# ظهرا is 13:30, 11:30 ظهرا is 11:30), at night (11:20 ليلا is 23:20, 1:00 ليلا and 12 ليلا
# are after midnight), in the morning (12:30 ص is 00:30).
_AFTERNOON: Final = frozenset({"م", "مساء", "pm", "عصرا"})
_NOON: Final = "ظهرا"
_NIGHT: Final = "ليلا"
_MORNING: Final = frozenset({"ص", "صباحا", "am", "فجرا"})
# Before this hour a time around noon is after it (1-5 ظهرا); from this hour on, a time at
# night is before midnight (6-11 ليلا).
_NOON_HOURS_AFTER: Final = 6
# A weekday right before a date belongs to it: "الأحد، 15 رمضان 1445 هـ".
_WEEKDAY_BEFORE: Final = regex.compile(rf"(?:{alternation(WEEKDAYS)})[\s,،-]*+$")

# Relative-date units, normalised: (seconds per unit, the count a dual form implies).
_UNIT_SECONDS: Final = (
    (("ثانيه", "ثوان", "ثواني"), 1),
    (("دقيقه", "دقائق", "دقيقتين", "دقيقتان"), 60),
    (("ساعه", "ساعات", "ساعتين", "ساعتان"), 3600),
    (("يوم", "ايام", "يومين", "يومان"), 86400),
    (("اسبوع", "اسابيع", "اسبوعين"), 7 * 86400),
    (("شهر", "اشهر", "شهور", "شهرين"), 30 * 86400),
    (("سنه", "سنوات", "سنتين", "عام", "اعوام", "عامين"), 365 * 86400),
)
_UNITS: Final = MappingProxyType(
    {
        name: (seconds, 2 if name.endswith(("ين", "ان")) else 1)
        for names, seconds in _UNIT_SECONDS
        for name in names
    }
)

_YEAR_DIGITS: Final = regex.compile(r"\d{4}")
# The code points year_digits() reads itself: every decimal digit below _KNOWN_BELOW is in one
# of _DIGIT_RANGES (ASCII, Arabic-Indic, Persian, NKo), and General Punctuation (dashes,
# quotes) holds none (tests/test_dates.py checks each code point against the pattern's \d).
_KNOWN_BELOW: Final = 0x0966
_DIGIT_RANGES: Final = ((0x30, 0x39), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x07C0, 0x07C9))
_PUNCTUATION_START: Final = 0x2000
_PUNCTUATION_END: Final = 0x206F
# Lines up to this long are read character by character; a longer one by the pattern, whose
# call costs 4-5 k instructions and whose scan then costs less a character than the reading
# (pure Python: 0.2 µs a character, 5 ms on a 16 KB page on one line).
_READ_BY_CHARS: Final = 512


def _decimal_digit(code: int) -> bool:
    """Whether a code point below _KNOWN_BELOW is a decimal digit."""
    if code <= 0x39:
        return code >= 0x30
    if code < 0x0660:
        return False  # (Arabic letters and punctuation: most of a line)
    return any(low <= code <= high for low, high in _DIGIT_RANGES)


def year_digits(norm: str) -> bool:
    """Whether ``norm`` holds four decimal digits in a row (_YEAR_DIGITS: the year every absolute
    date has), read character by character: the pattern's search cost 4-5 k instructions a
    line, most of it the call's own, on every short line of a page. A character past the
    ranges read here hands the line to the pattern, and so does a line longer than
    _READ_BY_CHARS (the pattern's scan is the cheaper there: a page joined on one line)."""
    if len(norm) > _READ_BY_CHARS:
        return _YEAR_DIGITS.search(norm, None, None, KEEP_GIL) is not None
    run = 0
    for i in range(len(norm)):
        code = ord(norm[i])
        if code < _KNOWN_BELOW:
            if _decimal_digit(code):
                run += 1
                if run == 4:
                    return True
            else:
                run = 0
        elif _PUNCTUATION_START <= code <= _PUNCTUATION_END:
            run = 0
        else:
            return _YEAR_DIGITS.search(norm, None, None, KEEP_GIL) is not None
    return False


def may_hold_digit(norm: str) -> bool:
    r"""False when ``norm`` surely holds no decimal digit (``\d``): read by code point as
    :func:`year_digits` reads, a character past the ranges it knows counts as a digit. (A
    search for ``\d`` costs 4-7 k instructions on a short line, the reading a fraction.)"""
    for i in range(len(norm)):
        code = ord(norm[i])
        if code < _KNOWN_BELOW:
            if _decimal_digit(code):
                return True
        elif not _PUNCTUATION_START <= code <= _PUNCTUATION_END:
            return True
    return False


# --- the date patterns, and their twins for the re engine --------------------------------------


_GROUP_NAME: Final = re.compile(r"\(\?P<(\w+)>")


def _unique_groups(source: str) -> tuple[str, MappingProxyType[str, tuple[str, ...]]]:
    """``source`` with each repeated group name numbered (day, day_2...: the branches of a date
    pattern name their day, month and year alike, and the re engine takes a name once), and
    each name's numbered names, in order."""
    numbered: dict[str, list[str]] = {}
    pieces: list[str] = []
    last = 0
    for found in _GROUP_NAME.finditer(source):
        taken = numbered.setdefault(found[1], [])
        taken.append(found[1] if not taken else f"{found[1]}_{len(taken) + 1}")
        pieces += [source[last : found.start()], f"(?P<{taken[-1]}>"]
        last = found.end()
    pieces.append(source[last:])
    by_name = {name: tuple(names) for name, names in numbered.items()}
    return "".join(pieces), MappingProxyType(by_name)


@final
class _Groups:
    """The numbered names of a date pattern's groups (see _unique_groups)."""

    __slots__ = ("day", "hijri", "month", "year")

    def __init__(self, numbered: MappingProxyType[str, tuple[str, ...]]) -> None:
        self.day = numbered["day"]
        self.month = numbered["month"]
        self.year = numbered["year"]
        self.hijri = numbered.get("hijri", ())


def _twin_of(source: str) -> re.Pattern[str]:
    """The re twin of a date pattern (see :mod:`arabic_extract.engine.twins`; the regex
    module's call costs 4-5 times the re engine's on a date line: NAMED_DATE on "السبت 11 مايو
    2024", 4.8 against 1.0 µs). A date pattern has one: a ValueError when it has none."""
    found = twin(source)
    if found is None:
        raise ValueError(f"a date pattern without a twin: {source[:60]!r}")
    return found


# (a regex Match, or a twin's re Match: the same groups, read by their numbered names)
DateMatch = regex.Match[str] | re.Match[str]
_NAMED_UNIQUE: Final = _unique_groups(_NAMED_SOURCE)
NAMED_DATE: Final = regex.compile(_NAMED_UNIQUE[0])
_NAMED_TWIN: Final = _twin_of(_NAMED_UNIQUE[0])
_NAMED_GROUPS: Final = _Groups(_NAMED_UNIQUE[1])
_NUMERIC_UNIQUE: Final = _unique_groups(_NUMERIC_SOURCE)
NUMERIC_DATE: Final = regex.compile(_NUMERIC_UNIQUE[0])
_NUMERIC_TWIN: Final = _twin_of(_NUMERIC_UNIQUE[0])
_NUMERIC_GROUPS: Final = _Groups(_NUMERIC_UNIQUE[1])


def _group(match: DateMatch, names: tuple[str, ...]) -> str | None:
    """A group of a date match by its numbered names: the one its branch set."""
    for name in names:
        value: str | None = match.group(name)
        if value is not None:
            return value
    return None


_FILLER: Final = regex.compile(r"[\s\p{P}\p{S}\d]++")
# The words of a date line that are not its dates (removed to see whether anything else is left).
_LINE_WORDS: Final[tuple[Family, ...]] = (
    WEEKDAYS,
    PUBLISHED_LABEL,
    UPDATED_LABEL,
    DUAL_MARKER,
    HIJRI_ERA,
    DATE_WORDS,
    DATE_LINE_WIDGETS,
)
# Their phrases in one pattern, longest first (one pass over a line instead of one a family).
_LINE_WORDS_RE: Final = regex.compile(
    rf"{WORD_START}(?:{'|'.join(alternation(f) for f in _LINE_WORDS)}){WORD_END}"
)


@dataclass(frozen=True)
class HijriDay:
    """A day of the Hijri calendar, as numbers."""

    year: int
    month: int
    day: int


# (the records read for every date line are slotted classes, not frozen dataclasses: a frozen
# dataclass's generated __init__ runs interpreted, about 5 k instructions a record in the
# compiled build, where a native class's costs a few hundred. Their attributes are not
# declared Final: mypyc borrows a Final attribute for a whole expression, and released the
# record before a call's arguments were used when a comprehension stood between them.)
@final
class FoundDate:
    """A date found in a normalised line: its Gregorian datetime (None when it names no real
    day, or a Hijri day outside the Umm al-Qura table), where it was found, and its Hijri day
    when the line writes it in that calendar."""

    __slots__ = ("end", "hijri", "start", "value")

    def __init__(
        self, value: datetime | None, start: int, end: int, hijri: HijriDay | None = None
    ) -> None:
        self.value = value
        self.start = start
        self.end = end
        self.hijri = hijri


def hijri_to_gregorian(day: HijriDay) -> date | None:
    """The Gregorian date of a Hijri day by Umm al-Qura (None outside its table, 1343-1500 AH,
    or for a day no month has). A 30th day where Umm al-Qura's month has 29 is the day after
    the 29th: the month was longer where the page was written."""
    try:
        if day.day == 30 and Hijri(day.year, day.month, 1).month_length() == 29:
            found = Hijri(day.year, day.month, 29).to_gregorian()
            return date(found.year, found.month, found.day) + timedelta(days=1)
        found = Hijri(day.year, day.month, day.day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(found.year, found.month, found.day)


def _day_value(year: int, month: int, day: int, gregorian: bool) -> FoundDate:
    """The date of numbers read from a line (start and end are set by the caller)."""
    if gregorian:
        try:
            return FoundDate(datetime(year, month, day), 0, 0)
        except ValueError:
            return FoundDate(None, 0, 0)
    hijri = HijriDay(year, month, day)
    converted = hijri_to_gregorian(hijri)
    value = datetime.combine(converted, time()) if converted is not None else None
    return FoundDate(value, 0, 0, hijri)


def _found(match: DateMatch, groups: _Groups, month: int, gregorian: bool) -> FoundDate:
    # (every branch of a date pattern sets its day and year)
    day = _day_value(
        int(_group(match, groups.year) or ""),
        month,
        int(_group(match, groups.day) or ""),
        gregorian,
    )
    return FoundDate(day.value, match.start(), match.end(), day.hijri)


# A date line holds a few dates (a dual line's two, an update's one or two); a line with more
# is a list of dates, not a date line, and is not read further.
MAX_LINE_DATES: Final = 4


def _date_matches(norm: str, limit: int, *, year: bool = False) -> list[DateMatch]:
    """The matches of the date patterns in a normalised line, in order, none overlapping
    another (up to ``limit`` and one more of each pattern); ``year``: the caller knows the
    line holds four digits."""
    if not year and not year_digits(norm):
        return []  # every absolute date has a four-digit year
    found: list[DateMatch] = []
    # (the patterns' twins read a line of the twin ranges: see engine.twins)
    plain = is_plain(norm)
    # the month pattern is slow (a long alternation tried at every position): it runs only
    # when the first word of some month's name occurs in the line
    if _MONTH_HINT.search(norm) is not None:
        _named_dates(norm, limit, found, plain)
    # (a numeric date holds two separators: a line with one, as "2024 - 22:40" has, runs
    # neither the hint nor the pattern, 60 k instructions)
    if _separators(norm, 0) >= 2 and _NUMERIC_HINT.search(norm) is not None:
        _numeric_dates(norm, limit, found, plain)
    if len(found) > 1:
        found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[DateMatch] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


# The first words of the months' names by their first two characters (every first word has two
# or more), for _named_start.
def _month_starts() -> MappingProxyType[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for word in sorted({p.split()[0] for p in _month_phrases()}, key=len, reverse=True):
        if len(word) < 2:
            raise ValueError(f"_month_starts: a month's first word of one character: {word!r}")
        table.setdefault(word[:2], []).append(word)
    return MappingProxyType({key: tuple(words) for key, words in table.items()})


_MONTH_STARTS: Final = _month_starts()
# (its keys as a frozenset, looked up first: the compiled module tests a frozenset without a
# method call, and most places miss)
_MONTH_KEYS: Final = frozenset(_MONTH_STARTS)
# Letters and digits by code point (Arabic letters, a-z, 0-9): every one is a letter or a
# number to the patterns' lookbehinds, so no word starts right after one.
_ARABIC_LETTERS: Final = (0x0621, 0x064A)


def _word_char(code: int) -> bool:
    """Whether a code point is surely a letter or a number to the patterns (an Arabic letter,
    a-z, 0-9); False when unsure."""
    if code < 0x80:
        return 0x61 <= code <= 0x7A or 0x30 <= code <= 0x39
    return _ARABIC_LETTERS[0] <= code <= _ARABIC_LETTERS[1]


def _named_start(norm: str, start: int) -> int:
    """The first index from ``start`` where a match of NAMED_DATE may start (-1: none): a
    character that may be a decimal digit (a day first, read as :func:`may_hold_digit`
    reads), or a word's start (no letter or digit before it) where a month's first word is
    written (a month first). The pattern, two branches each behind a lookbehind and a month
    trie, is tried at every position of what it is given: from here it skips the weekday and
    the words before a line's date (السبت 11 مايو 2024: 31.6 -> 22.6 k instructions)."""
    word_start = start == 0 or not _word_char(ord(norm[start - 1]))
    for i in range(start, len(norm)):
        code = ord(norm[i])
        if code < _KNOWN_BELOW:
            if _decimal_digit(code):
                return i
        elif not _PUNCTUATION_START <= code <= _PUNCTUATION_END:
            return i  # (a character past the known ranges may be a digit)
        if word_start:
            key = norm[i : i + 2]
            if key in _MONTH_KEYS and norm.startswith(_MONTH_STARTS[key], i):
                return i
        word_start = not _word_char(code)
    return -1


def _named_dates(norm: str, limit: int, found: list[DateMatch], plain: bool) -> None:
    """Add NAMED_DATE's matches in ``norm``, up to ``limit`` and one more, as its finditer
    gives them (islice(NAMED_DATE.finditer(norm), limit + 1)). After a match the pattern is
    searched again only when the first word of some month's name occurs past it (every named
    date holds one, where its month starts): the search that finds nothing after a line's one
    date cost 3-4 µs, 12-15 k instructions, on a few characters ("... 2024 - 22:40")."""
    _dates_of(NAMED_DATE, _NAMED_TWIN if plain else None, norm, limit, found, named=True)


def _numeric_dates(norm: str, limit: int, found: list[DateMatch], plain: bool) -> None:
    """Add NUMERIC_DATE's matches in ``norm``, up to ``limit`` and one more, as its finditer
    gives them; searched again after a match only when two separators are left past it (every
    numeric date holds two)."""
    _dates_of(NUMERIC_DATE, _NUMERIC_TWIN if plain else None, norm, limit, found, named=False)


def _dates_of(
    pattern: regex.Pattern[str],
    twin: re.Pattern[str] | None,
    norm: str,
    limit: int,
    found: list[DateMatch],
    *,
    named: bool,
) -> None:
    """The search loop of _named_dates and _numeric_dates: ``pattern``'s matches in order, up
    to ``limit`` and one more, each search after the first only where another date may start
    (a month's first word past it for a named date, two separators for a numeric one)."""
    position = _named_start(norm, 0) if named else 0
    count = 0
    while count <= limit and position >= 0:
        match: DateMatch | None = (
            pattern.search(norm, position, None, KEEP_GIL)
            if twin is None
            else twin.search(norm, position)
        )
        if match is None:
            return
        found.append(match)
        count += 1
        position = match.end()
        if named and _MONTH_HINT.search(norm, position) is None:
            return
        if not named and _separators(norm, position) < 2:
            return
        if named:
            position = _named_start(norm, position)


def _separators(norm: str, start: int) -> int:
    """How many of a numeric date's separators (- / .) ``norm[start:]`` holds."""
    return norm.count("-", start) + norm.count("/", start) + norm.count(".", start)


# A time zone after a clock time ("14:00 (GMT+0400)", "10:30 بتوقيت القدس"), normalised. (Not
# after a space: a search over a run of spaces would read it to its end from each.)
# A time zone: GMT+3, UTC, the zones of the region and Europe by their abbreviations (GST,
# AST, EET, MSK...), or بتوقيت and a place.
_ZONE: Final = (
    r"(?:(?:gmt|utc|gst|ast|eet|eest|cet|cest|msk|trt|ksa|bst|est|edt)(?![\p{L}])"
    r"(?:\s*+[+-]\s*+\d{1,2}(?::?+\d\d)?+)?+|بتوقيت\s++\p{L}++)"
)
_ZONE_AFTER: Final = regex.compile(rf"(?<!\s)\s*+\(?+{_ZONE}\)?+")
# A time zone anywhere in what is left of a date line (its clock times are gone).
_ZONE_WORDS: Final = regex.compile(rf"(?<![\p{{L}}]){_ZONE}")
# How far before a date its weekday may start: the longest weekday's name and a separator.
_WEEKDAY_REACH: Final = 16


def stamps(norm: str) -> list[tuple[int, int]]:
    """Where a normalised text's dates (each with the weekday right before it) and clock times
    are, in order: the places a page joined on one line is cut at (see
    :mod:`~arabic_extract.engine.one_line`)."""
    spans: list[tuple[int, int]] = []
    for match in _date_matches(norm, len(norm)):
        start = match.start()
        weekday = _WEEKDAY_BEFORE.search(norm, max(0, start - _WEEKDAY_REACH), start, KEEP_GIL)
        spans.append((start if weekday is None else weekday.start(), match.end()))
    for clock in TIME.finditer(norm, None, None, False, KEEP_GIL):
        zone = _ZONE_AFTER.match(norm, clock.end(), None, KEEP_GIL)
        spans.append((clock.start(), clock.end() if zone is None else zone.end()))
    return sorted(spans)


def find_dates(
    norm: str, limit: int = MAX_LINE_DATES, matches: list[DateMatch] | None = None
) -> list[FoundDate]:
    """The absolute dates of a normalised line, in order, none overlapping another: all of
    them up to ``limit``, and more than ``limit`` when the line has more (then it is no date
    line, and the rest are not looked for). ``matches``: the date patterns' matches in the
    line up to MAX_LINE_DATES, when the caller has them (see :func:`is_date_line`)."""
    dates: list[FoundDate] = []
    if matches is None or limit != MAX_LINE_DATES:
        matches = _date_matches(norm, limit)
    for match in matches:
        named = match.re is NAMED_DATE or match.re is _NAMED_TWIN
        groups = _NAMED_GROUPS if named else _NUMERIC_GROUPS
        month = _group(match, groups.month)
        if month is not None and not month.isdigit():
            name = MONTHS.get(_spaceless(month))
            if name is not None:
                dates.append(_found(match, groups, name.number, name.gregorian))
        else:
            gregorian = _group(match, groups.hijri) is None
            dates.append(_found(match, groups, int(month or ""), gregorian))
    return dates


def _date_spans(norm: str) -> list[tuple[int, int]] | None:
    """Where a line's dates are (None when it has more than a date line has)."""
    matches = _date_matches(norm, MAX_LINE_DATES)
    if len(matches) > MAX_LINE_DATES:
        return None
    return [match.span() for match in matches]


def find_date(norm: str) -> FoundDate | None:
    """The first Gregorian date of a normalised line, else its first Hijri date; with the clock
    time its part of the line gives (see :func:`read_date_line`)."""
    dates = find_dates(norm)
    if not dates or len(dates) > MAX_LINE_DATES:
        return None
    first = next((d for d in dates if d.hijri is None), dates[0])
    segment = next(
        (s for s in segments(norm) if s.start <= first.start < s.end),
        Segment("published", 0, len(norm)),
    )
    clock = clock_time(norm, segment, dates)
    if first.value is None or clock is None:
        return first
    return FoundDate(_at(first.value, clock), first.start, first.end, first.hijri)


def find_relative(norm: str, reference: datetime | None) -> FoundDate | None:
    """A relative stamp (منذ 3 شهور); its value is set when a reference time is given."""
    found = RELATIVE.search(norm, None, None, KEEP_GIL)
    if found is None:
        return None
    return _relative(found, reference)


def _relative(found: regex.Match[str], reference: datetime | None) -> FoundDate:
    seconds, implied = _UNITS[found["unit"]]
    count = int(found["count"]) if found["count"] else implied
    value = reference - timedelta(seconds=seconds * count) if reference is not None else None
    return FoundDate(value, found.start(), found.end())


# --- a date line, part by part ------------------------------------------------------------------


@final
class Segment:
    """A part of a date line and what its label says it dates (published when unlabelled)."""

    __slots__ = ("end", "role", "start")

    def __init__(self, role: Role, start: int, end: int) -> None:
        self.role = role
        self.start = start
        self.end = end


def segments(norm: str) -> list[Segment]:
    """The line cut at its labels: "نشر في 2024-03-20، آخر تحديث: منذ يومين" is a published
    part and an updated part. Where labels overlap the longer wins (تاريخ التحديث, not تاريخ).
    A line with more labels than a date line has (two a date) has no parts."""
    labels: list[tuple[regex.Match[str], Role]] = []
    families: tuple[tuple[Family, Role], ...] = (
        (PUBLISHED_LABEL, "published"),
        (UPDATED_LABEL, "updated"),
    )
    for family, label_role in families:
        if family.may_occur(norm):
            found = islice(
                family.compiled.finditer(norm, None, None, False, KEEP_GIL), 2 * MAX_LINE_DATES + 1
            )
            labels.extend((m, label_role) for m in found)
    if len(labels) > 2 * MAX_LINE_DATES:
        return []
    labels.sort(key=lambda pair: (pair[0].start(), -pair[0].end()))
    kept: list[tuple[regex.Match[str], Role]] = []
    for match, label_role in labels:
        if not kept or match.start() >= kept[-1][0].end():
            kept.append((match, label_role))
    out: list[Segment] = []
    start = 0
    role: Role = "published"
    for match, label_role in kept:
        if match.start() > start:
            out.append(Segment(role, start, match.start()))
        start, role = match.end(), label_role
    out.append(Segment(role, start, len(norm)))
    return out


def clock_time(norm: str, segment: Segment, dates: list[FoundDate]) -> regex.Match[str] | None:
    """The first clock time of a segment that is not part of a date."""
    if not _may_hold_clock(norm, segment.start, segment.end):
        return None
    for found in TIME.finditer(norm, segment.start, segment.end, False, KEEP_GIL):
        if not any(d.start <= found.start() < d.end for d in dates):
            return found
    return None


def _may_hold_clock(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds a colon or an h, as every clock time does (10:30,
    10h30): the search for one costs 1-4 µs, the test a few hundred instructions."""
    return norm.find(":", start, end) >= 0 or norm.find("h", start, end) >= 0


def _at(day: datetime, clock: regex.Match[str]) -> datetime:
    hour, minute = int(clock["hour"]), int(clock["minute"])
    half = clock["half"]
    after_noon = (half in _AFTERNOON and hour < 12) or (half == _NOON and hour < _NOON_HOURS_AFTER)
    if after_noon or (half == _NIGHT and _NOON_HOURS_AFTER <= hour < 12):
        hour += 12
    elif (half in _MORNING or half == _NIGHT) and hour == 12:
        hour = 0
    return day.replace(hour=hour % 24, minute=minute % 60)


@final
class DatedPart:
    """What one part of a date line dates, and how it is written.

    ``start:end`` is the date as written in the normalised line: from a weekday or clock time
    before it through its era mark or the clock time after it (a dual line's two dates and
    الموافق between them); labels are outside it. ``hijri`` is the Hijri date among them."""

    __slots__ = ("clocked", "end", "hijri", "note", "relative", "role", "start", "value")

    def __init__(
        self,
        role: Role,
        value: datetime | None,
        start: int,
        end: int,
        *,
        hijri: FoundDate | None = None,
        relative: bool = False,
        note: str | None = None,
        clocked: bool = False,
    ) -> None:
        self.role = role
        self.value = value
        self.start = start
        self.end = end
        self.hijri = hijri
        self.relative = relative
        self.note = note
        # Whether the part holds a clock time (a TIME match in start:end, as a search there
        # finds: _with_clock_beside then does not search again).
        self.clocked = clocked


def _dual_note(gregorian: FoundDate, hijri: FoundDate, tolerance: int) -> str | None:
    """A note when a dual line's Hijri date is not its Gregorian date (give or take the
    ``tolerance`` days by which local calendars differ from Umm al-Qura)."""
    if gregorian.value is None or hijri.value is None or hijri.hijri is None:
        return None
    gap = abs((hijri.value.date() - gregorian.value.date()).days)
    if gap <= tolerance:
        return None
    day = hijri.hijri
    return (
        f"published: the line's Hijri date ({day.year}-{day.month:02d}-{day.day:02d}) is "
        f"{hijri.value.date().isoformat()} by Umm al-Qura, {gap} days from its Gregorian date "
        f"{gregorian.value.date().isoformat()}; the Gregorian date is kept"
    )


def _absolute_part(
    norm: str, segment: Segment, dates: list[FoundDate], tolerance: int
) -> DatedPart:
    gregorian = next((d for d in dates if d.hijri is None), None)
    hijri = next((d for d in dates if d.hijri is not None), None)
    first = gregorian or dates[0]
    start, end = dates[0].start, dates[-1].end
    clock = clock_time(norm, segment, dates)
    value = first.value if first.value is None or clock is None else _at(first.value, clock)
    if clock is not None:
        start, end = min(start, clock.start()), max(end, clock.end())
    weekday = _WEEKDAY_BEFORE.search(norm, segment.start, start, KEEP_GIL)
    if weekday is not None:
        start = weekday.start()
    note = None
    if gregorian is not None and hijri is not None:
        note = _dual_note(gregorian, hijri, tolerance)
    elif hijri is not None and hijri.value is None and hijri.hijri is not None:
        day = hijri.hijri
        note = (
            f"{segment.role}: the Hijri date {day.year}-{day.month:02d}-{day.day:02d} is not "
            "a day of the Umm al-Qura calendar (1343-1500 AH)"
        )
    return DatedPart(
        segment.role, value, start, end, hijri=hijri, note=note, clocked=clock is not None
    )


def read_date_line(
    norm: str,
    reference: datetime | None,
    tolerance: int = 2,
    matches: list[DateMatch] | None = None,
) -> list[DatedPart]:
    """What a normalised date line dates, part by part (see :class:`DatedPart`).

    A part's dates are read once: a Gregorian date and a Hijri one beside it are one date (the
    Gregorian's value; a note when they are more than ``tolerance`` days apart); a relative
    stamp is resolved against ``reference`` (None without one); an updated part that gives
    only a clock time ("آخر تحديث 14:00") is on the day of the line's other date.
    ``matches``: the date patterns' matches in the line, when the caller has them (see
    :func:`find_dates`)."""
    dates = find_dates(norm, MAX_LINE_DATES, matches)
    if len(dates) > MAX_LINE_DATES:
        return []
    if not dates and not has_relative_word(norm):
        return []  # (no part dates anything: a clock time alone dates nothing, see below)
    parts: list[DatedPart] = []
    clock_only: list[tuple[Segment, regex.Match[str]]] = []
    first = 0  # segments and dates are both in line order: one pass over each
    for segment in segments(norm):
        while first < len(dates) and dates[first].start < segment.start:
            first += 1
        last = first
        while last < len(dates) and dates[last].start < segment.end:
            last += 1
        inside = dates[first:last]
        if inside:
            parts.append(_absolute_part(norm, segment, inside, tolerance))
            continue
        relative = RELATIVE.search(norm, segment.start, segment.end, KEEP_GIL)
        if relative is not None:
            found = _relative(relative, reference)
            parts.append(
                DatedPart(segment.role, found.value, found.start, found.end, relative=True)
            )
            continue
        clock = clock_time(norm, segment, dates)
        if clock is not None and segment.role == "updated":
            clock_only.append((segment, clock))
    day = next((p.value for p in parts if p.value is not None and not p.relative), None)
    if day is None:  # a clock time alone dates nothing
        return parts
    for segment, clock in clock_only:
        parts.append(DatedPart(segment.role, _at(day, clock), clock.start(), clock.end()))
    return parts


# --- the article's dates ------------------------------------------------------------------------

NO_DATE: Final = "published: no date line found"
NO_REFERENCE: Final = "relative date, no reference_time given"


@final
class DateFields:
    """The article's dates: published (as written, and in the Hijri calendar when the page
    writes it so) and updated, with notes on how they were read."""

    __slots__ = ("date_text", "notes", "published", "published_hijri", "updated")

    def __init__(
        self,
        *,
        published: datetime | None = None,
        date_text: str | None = None,
        published_hijri: HijriDate | None = None,
        updated: datetime | None = None,
        notes: tuple[str, ...] = (),
    ) -> None:
        self.published = published
        self.date_text = date_text
        self.published_hijri = published_hijri
        self.updated = updated
        self.notes = notes


@final
class _Dated:
    __slots__ = ("block", "part")

    def __init__(self, block: Block, part: DatedPart) -> None:
        self.block = block
        self.part = part


# The date patterns' matches in lines of the page by their blocks' positions, as features
# found them (None where it did not look): read_dates reads a date line's parts from them
# instead of running the patterns on the line again (-0.24 M instructions a round of the text
# fixtures, 0.75 %).
KnownDates = dict[int, list[DateMatch] | None]


def _line_parts(block: Block, config: ExtractionConfig, known: KnownDates) -> list[DatedPart]:
    """read_date_line of a block's line, with the matches features found in it."""
    return read_date_line(
        block.norm, config.reference_time, config.hijri_tolerance_days, known.get(block.position)
    )


def _first_parts(
    dated: list[Block], config: ExtractionConfig, known: KnownDates
) -> tuple[_Dated | None, _Dated | None]:
    """The published and the updated part of the date lines, nearest first: the first line
    that dates the publication, and an update on it or on the line after it."""
    published: _Dated | None = None
    updated: _Dated | None = None
    after = 0
    for block in dated:
        # (a time-ago stamp and the date right under it, منذ 4 ساعات / · / 26 تشرين الثاني
        # 2026: the date is read, as it is when both share a line)
        absolute = published is not None and _stamp_above(published, block)
        if published is not None and not absolute and not UPDATED_LABEL.may_occur(block.norm):
            break  # the line after the publication date is read for an update only
        for part in _line_parts(block, config, known):
            if part.role == "published" and absolute and not part.relative:
                published, absolute = _Dated(block, part), False
            elif part.role == "published" and published is None:
                published = _Dated(block, part)
            elif part.role == "updated" and updated is None:
                updated = _Dated(block, part)
        if published is not None:
            after += 1
            if updated is not None or after > 1:
                break
    return published, updated


def _stamp_above(published: _Dated, block: Block) -> bool:
    """Whether the publication was read from a time-ago stamp a few lines above ``block``."""
    return (
        published.part.relative and 0 < block.position - published.block.position <= _STAMP_TO_DATE
    )


# A time-ago stamp and the absolute date it sits beside are at most this many lines apart (a
# separator's line between them: منذ 4 ساعات / · / 26 تشرين الثاني 2026).
_STAMP_TO_DATE: Final = 2


def _header_parts(
    header: list[Block], config: ExtractionConfig, known: KnownDates
) -> tuple[_Dated | None, _Dated | None]:
    """A date inside a short line of the article's header (a dateline: الرياض 12 رمضان 1445 هـ
    الموافق 22 مارس 2024 م واس; a row of meta widgets: مصطفى دالغا |12.01.2025 - تحديث :
    13.01.2025; a byline and its stamp: أحمد سمير منذ ساعتين), and the update the same line
    gives. An absolute date is taken before a relative stamp."""
    stamp: tuple[_Dated | None, _Dated | None] = (None, None)
    for block in header:
        parts = _line_parts(block, config, known)
        for part in parts:
            if part.role != "published" or (part.value is None and not part.relative):
                continue
            update = next((p for p in parts if p.role == "updated"), None)
            found = (_Dated(block, part), None if update is None else _Dated(block, update))
            if not part.relative:
                return found
            if stamp[0] is None:
                stamp = found
    return stamp


def _hijri(found: _Dated) -> HijriDate | None:
    hijri = found.part.hijri
    if hijri is None or hijri.hijri is None:
        return None
    day = hijri.hijri
    text = span_text(found.block, hijri.start, hijri.end)
    return HijriDate(text=text, year=day.year, month=day.month, day=day.day)


def read_dates(
    dated: list[Block],
    header: list[Block],
    config: ExtractionConfig,
    known: KnownDates | None = None,
) -> DateFields:
    """The article's dates from its date lines (``dated``, nearest the headline first), else
    from a date inside a short line of its header (``header``); ``known``: the date patterns'
    matches features found in their lines (see :data:`KnownDates`)."""
    if known is None:
        known = {}
    published, updated = _first_parts(dated, config, known)
    if published is None:
        published, header_update = _header_parts(header, config, known)
        updated = updated or header_update
    notes: list[str] = []
    for found in (published, updated):
        if found is None:
            continue
        if found.part.note:
            notes.append(found.part.note)
        if found.part.relative and found.part.value is None:
            notes.append(f"{found.part.role}: {NO_REFERENCE}")
    if published is None:
        notes.append(NO_DATE)
    first = published.part.value if published is not None else None
    if first is not None and published is not None and not published.part.relative:
        first = _with_clock_beside(first, published.block, published.part, header)
    last = updated.part.value if updated is not None else None
    if updated is None:
        last = _update_under_label(header, published, config, known)
    if first is not None and last is not None and last < first:
        notes.append("updated: earlier than the publication date (both kept as labelled)")
    return DateFields(
        published=first,
        date_text=(
            span_text(published.block, published.part.start, published.part.end) or None
            if published is not None
            else None
        ),
        published_hijri=_hijri(published) if published is not None else None,
        updated=last,
        notes=tuple(notes),
    )


def is_date_label(norm: str) -> bool:
    """Whether a normalised line is a date's label alone (نشرت في:، آخر تحديث:), its date on
    the next line."""
    return _label_alone(PUBLISHED_LABEL, norm) or _label_alone(UPDATED_LABEL, norm)


def _label_alone(family: Family, norm: str) -> bool:
    found = family.match(norm)
    return found is not None and not _FILLER.sub(
        "", norm[: found.start()] + norm[found.end() :], 0, None, None, KEEP_GIL
    )


def _update_under_label(
    header: list[Block], published: _Dated | None, config: ExtractionConfig, known: KnownDates
) -> datetime | None:
    """The date on the line under an update's label that stands alone (آخر تحديث: /
    12/05/2024 - 11:45, as a page's text sets a label and its value apart), unless that line
    is the one the publication was read from."""
    by_position = {block.position: block for block in header}
    for block in header:
        if not _label_alone(UPDATED_LABEL, block.norm):
            continue
        below = by_position.get(block.position + 1)
        if below is None or (published is not None and below is published.block):
            continue
        for part in _line_parts(below, config, known):
            if not part.relative and part.value is not None:
                return part.value
    return None


def _with_clock_beside(
    day: datetime, block: Block, part: DatedPart, header: list[Block]
) -> datetime:
    """A date line without a clock time takes the time a line right above or below it gives
    alone (الأحد 12 يناير 2025 / 10:30 ص, as pages that set the date and the time apart write
    them); else it stays as it is."""
    if part.clocked or (
        _may_hold_clock(block.norm, part.start, part.end)
        and TIME.search(block.norm, part.start, part.end, KEEP_GIL) is not None
    ):
        return day
    for other in header:
        if abs(other.position - block.position) == 1:
            # (a clock at a line's start has its colon or h second or third: 9:30, 10h30)
            clock = (
                TIME.match(other.norm, None, None, KEEP_GIL)
                if _may_hold_clock(other.norm, 1, 3)
                else None
            )
            rest = other.norm[clock.end() :] if clock is not None else ""
            if clock is not None and (
                not rest.strip() or _ZONE_AFTER.fullmatch(rest, None, None, KEEP_GIL)
            ):
                return _at(day, clock)
    return day


# --- date lines ---------------------------------------------------------------------------------


def _without(norm: str, spans: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in sorted(spans):
        pieces.append(norm[last:start])
        last = max(last, end)
    pieces.append(norm[last:])
    return " ".join(pieces)


def only_date_words(rest: str) -> bool:
    """Whether what is left of a line besides its dates is date-line words and time zones (at
    most one other word: a place)."""
    if not rest or rest.isspace():
        return True
    # (each pattern is run only when a character or word every match of it holds is there: a
    # clock's colon or h, منذ or قبل, a zone's t or k or بتوقيت)
    if ":" in rest or "h" in rest:
        rest = TIME.sub(" ", rest, 0, None, None, KEEP_GIL)
    if has_relative_word(rest):
        rest = RELATIVE.sub(" ", rest, 0, None, None, KEEP_GIL)
    if "t" in rest or "k" in rest or "بتوقيت" in rest:
        rest = _ZONE_WORDS.sub(" ", rest, 0, None, None, KEEP_GIL)
    rest = _LINE_WORDS_RE.sub(" ", rest, 0, None, None, KEEP_GIL)
    rest = _FILLER.sub(" ", rest, 0, None, None, KEEP_GIL)
    return len(rest.split()) <= 1


def has_date_words(norm: str) -> bool:
    """Whether a normalised phrase holds a word of date lines: a label, a weekday, an era."""
    return _LINE_WORDS_RE.search(norm, None, None, KEEP_GIL) is not None


def only_dates(norm: str, start: int = 0) -> bool:
    """Whether ``norm[start:]`` holds nothing but dates, clock times, relative stamps and
    date-line words (at most one other word)."""
    spans = _date_spans(norm)
    if spans is None:
        return False
    shifted = [(a - start, b - start) for a, b in spans if a >= start]
    return only_date_words(_without(norm[start:], shifted))


def _labelled_relative(norm: str) -> bool:
    """A label and a relative stamp (آخر تحديث: منذ يومين). A stamp alone is the time-ago
    noise family's, not a date line."""
    if not has_relative_word(norm):
        return False
    found = RELATIVE.search(norm, None, None, KEEP_GIL)
    if found is None:
        return False
    labelled = any(
        family.may_occur(norm) and family.compiled.search(norm, None, None, KEEP_GIL) is not None
        for family in (PUBLISHED_LABEL, UPDATED_LABEL)
    )
    return labelled and only_date_words(_without(norm, [found.span()]))


def is_date_line(
    norm: str,
    max_words: int,
    words: int | None = None,
    found: list[DateMatch] | None = None,
) -> bool:
    """True when the line is a date and little else (weekday, time, 'published', 'updated');
    ``words`` is the line's word count when the caller knows it. ``found``, an empty list,
    receives the date patterns' matches in the line as :func:`find_dates` reads them (none
    without a year), when the line has no more than ``max_words`` words: features hands them
    to read_dates, which then does not read the line with the patterns again."""
    if words is None:
        words = len(norm.split())
    if words > max_words:
        return False
    # every absolute date pattern has a four-digit year
    if not year_digits(norm):
        return _labelled_relative(norm)
    matches = _date_matches(norm, MAX_LINE_DATES, year=True)
    if found is not None:
        found.extend(matches)
    if not matches or len(matches) > MAX_LINE_DATES:
        return False
    return only_date_words(_without(norm, [match.span() for match in matches]))
