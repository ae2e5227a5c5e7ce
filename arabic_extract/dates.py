"""Finding and reading dates in Arabic text: absolute dates in every month series, and
relative stamps (منذ 3 شهور) resolved against a reference time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

import regex

from arabic_extract.rules import literal_finder, phrase_regex
from arabic_extract.rules.dates import DATE_WORDS, MONTH_SERIES, WEEKDAYS


@dataclass(frozen=True)
class MonthName:
    number: int
    gregorian: bool


def _month_table() -> dict[str, MonthName]:
    table: dict[str, MonthName] = {}
    for series in MONTH_SERIES:
        for index, spellings in enumerate(series.months):
            for spelling in spellings:
                key = " ".join(phrase_regex(spelling).replace("\\s*", " ").split())
                table[key.replace("\\", "")] = MonthName(index + 1, series.gregorian)
    return table


MONTHS = MappingProxyType(_month_table())
_MONTH_ALT = "|".join(
    sorted((r"\s*".join(regex.escape(w) for w in k.split()) for k in MONTHS), key=len, reverse=True)
)
# The first word of every month's name, as literals: a line without any has no named month.
_MONTH_HINT = literal_finder({k.split()[0] for k in MONTHS})
_B = r"(?<![\p{L}\p{N}])"
_E = r"(?![\p{L}\p{N}])"
_MONTH = rf"{_B}(?P<month>{_MONTH_ALT}){_E}(?:\s*[/\\(-]\s*(?:{_MONTH_ALT}){_E}\)?)?"

DAY_MONTH_YEAR = regex.compile(
    rf"{_B}(?P<day>\d{{1,2}})\s*(?:من\s*)?{_MONTH}\s*[,،]?\s*(?:سنه|عام)?\s*(?P<year>\d{{4}}){_E}"
)
MONTH_DAY_YEAR = regex.compile(rf"{_MONTH}\s*(?P<day>\d{{1,2}})\s*[,،]?\s*(?P<year>\d{{4}}){_E}")
ISO_DATE = regex.compile(
    rf"{_B}(?P<year>(?:19|20)\d\d)\s*[-/.]\s*(?P<month>\d{{1,2}})\s*[-/.]\s*(?P<day>\d{{1,2}}){_E}"
)
DMY_DATE = regex.compile(
    rf"{_B}(?P<day>\d{{1,2}})\s*[-/.]\s*(?P<month>\d{{1,2}})\s*[-/.]\s*(?P<year>(?:19|20)\d\d){_E}"
)
TIME = regex.compile(
    r"(?<!\d)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?!\d)\s*(?P<half>ص|م|صباحا|مساء|am|pm)?"
)
RELATIVE = regex.compile(
    r"(?:منذ|قبل)\s*(?P<count>\d+)?\s*(?P<unit>ثانيه|ثوان|ثواني|دقيقتين|دقيقتان|دقيقه|دقائق|"
    r"ساعتين|ساعتان|ساعه|ساعات|يومين|يومان|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|"
    r"سنتين|سنه|سنوات|عامين|عام|اعوام)"
)

# unit -> (seconds per unit, count implied by a dual form)
# Relative-date units, normalised: (seconds per unit, the count a dual form implies).
_UNIT_SECONDS = (
    (("ثانيه", "ثوان", "ثواني"), 1),
    (("دقيقه", "دقائق", "دقيقتين", "دقيقتان"), 60),
    (("ساعه", "ساعات", "ساعتين", "ساعتان"), 3600),
    (("يوم", "ايام", "يومين", "يومان"), 86400),
    (("اسبوع", "اسابيع", "اسبوعين"), 7 * 86400),
    (("شهر", "اشهر", "شهور", "شهرين"), 30 * 86400),
    (("سنه", "سنوات", "سنتين", "عام", "اعوام", "عامين"), 365 * 86400),
)
_UNITS = MappingProxyType(
    {
        name: (seconds, 2 if name.endswith(("ين", "ان")) else 1)
        for names, seconds in _UNIT_SECONDS
        for name in names
    }
)

_YEAR_DIGITS = regex.compile(r"\d{4}")
_FILLER = regex.compile(r"[\s\p{P}\p{S}\d]+")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: the datetime (None for Hijri dates) and where it was found."""

    value: datetime | None
    start: int
    end: int


def _build(year: int, month: int, day: int, norm: str, end: int) -> datetime | None:
    hour = minute = 0
    clock = TIME.search(norm, end)
    if clock is not None:
        hour, minute = int(clock["hour"]), int(clock["minute"])
        if clock["half"] in ("م", "مساء", "pm") and hour < 12:
            hour += 12
        if clock["half"] in ("ص", "صباحا", "am") and hour == 12:
            hour = 0
    try:
        return datetime(year, month, day, hour % 24, minute % 60)
    except ValueError:
        return None


def find_date(norm: str) -> FoundDate | None:
    """The first absolute date in a normalised line."""
    hijri: FoundDate | None = None
    # the month patterns are slow (a long alternation tried at every position): they run only
    # when the first word of some month's name occurs in the line
    named = _MONTH_HINT.search(norm) is not None
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR) if named else ():
        for found in pattern.finditer(norm):
            name = MONTHS.get(" ".join(found["month"].split()))
            if name is None:
                continue
            if not name.gregorian:  # "12 رمضان 1445 هـ الموافق 22 مارس 2024": keep looking
                hijri = hijri or FoundDate(None, found.start(), found.end())
                continue
            value = _build(int(found["year"]), name.number, int(found["day"]), norm, found.end())
            return FoundDate(value, found.start(), found.end())
    for pattern in (ISO_DATE, DMY_DATE):
        numeric = pattern.search(norm)
        if numeric is not None:
            value = _build(
                int(numeric["year"]),
                int(numeric["month"]),
                int(numeric["day"]),
                norm,
                numeric.end(),
            )
            if value is not None:
                return FoundDate(value, numeric.start(), numeric.end())
    return hijri


def find_relative(norm: str, reference: datetime | None) -> FoundDate | None:
    """A relative stamp (منذ 3 شهور); its value is set when a reference time is given."""
    found = RELATIVE.search(norm)
    if found is None:
        return None
    seconds, implied = _UNITS[found["unit"]]
    count = int(found["count"]) if found["count"] else implied
    value = reference - timedelta(seconds=seconds * count) if reference is not None else None
    return FoundDate(value, found.start(), found.end())


def is_date_line(norm: str, max_words: int, words: int | None = None) -> bool:
    """True when the line is a date and little else (weekday, time, 'published', 'updated');
    ``words`` is the line's word count when the caller knows it."""
    if words is None:
        words = len(norm.split())
    # every date pattern has a four-digit year
    if words > max_words or _YEAR_DIGITS.search(norm) is None:
        return False
    found = find_date(norm)
    if found is None:
        return False
    rest = norm[: found.start] + " " + norm[found.end :]
    if rest.isspace():  # the date alone
        return True
    rest = TIME.sub(" ", rest)
    rest = WEEKDAYS.compiled.sub(" ", rest)
    rest = DATE_WORDS.compiled.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    return len(rest.split()) <= 1
