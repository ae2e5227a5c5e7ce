"""Bylines: who wrote the story and where it was filed from; and the outlet names a byline
may hold.

A byline names people and often more: the place the story was filed from (``القاهرة - فلان``,
``بيروت ـ فلان``, ``فلان (جدة)``), a role or a desk (``مراسل``, ``محرر``, ``Staff Writer``,
``فريق التحرير``), the outlet or the site itself (``القاهرة الإخبارية - إسلام عيسى``,
``لندن - عربي21``). The line's original text is cut into parts at its separators: a dash (a
tatweel standing alone is one: ``بيروت ـ فلان``), a colon, a comma, brackets and quotes. Each
part is a place (:data:`~arabic_extract.rules.attribution.DATELINE_PLACE`), an outlet, a role
(:data:`~arabic_extract.rules.attribution.BYLINE_ROLE`) or people. Only people are authors, and
a part naming several (``أحمد علي ومحمد سمير``, ``أحمد علي و محمد سمير``) gives each of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, final

import regex

from arabic_extract.engine.cuts import clean_edges
from arabic_extract.engine.dates import (
    has_date_words,
    has_relative_word,
    may_hold_digit,
    only_dates,
    read_date_line,
)
from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.normalize import normalize, normalize_with_offsets
from arabic_extract.rules.attribution import (
    AGENCIES,
    AGENCY_NATIONALITIES,
    BYLINE,
    BYLINE_OTHERS,
    BYLINE_ROLE,
    DATELINE_PLACE,
    OUTLET_WORDS,
    SOURCE_LINE,
    WAW_NAMES,
)
from arabic_extract.rules.stopwords import STOPWORDS

_LETTER: Final = regex.compile(r"\p{L}")
# Where a date may start: a digit, or a relative stamp (منذ 3 ساعات، قبل يومين). منذ may touch
# the name before it (محمد عبداللهمنذ ساعتين: two inline elements, minified): no word ends so,
# but for ومنذ; many end in قبل (مستقبل).
_DATE_START: Final = regex.compile(r"\d|منذ(?![\p{L}])|(?<![\p{L}])قبل(?![\p{L}])")
_LATIN_NAME: Final = regex.compile(r"^[a-z][a-z .&-]{1,24}$")
# Between the parts of a byline: a dash or a bar standing apart from a word (a lone tatweel is a
# dash: "بيروت ـ فلان"), or one that ends a word before a space ("لندن- عربي21"), or a dash or a
# slash between two Arabic words (an agency's own "دمشق-سانا": Arabic words are not hyphenated,
# Latin names are: "Al-Ahram", "Jean-Marc"); a colon, a
# comma; brackets and quotes ("فلان (جدة)", "بيروت ـ «القدس العربي» من فلان"). Each alternative
# starts at its separator (a run of dashes at its first one), so the search stays linear on any
# run of spaces or dashes.
_SEPARATOR: Final = regex.compile(
    r"(?<!\S)[-–—ـ|/]++|(?<=[^\s\-–—|/])[-–—|/]++(?=\s)|[-–—/](?<=\p{Arabic}.)(?=\p{Arabic})"
    r"|[:،,؛;]|[()\[\]«»\"“”]"
)
# Any separator character: a line without one is no byline of parts (the standard engine scans
# a character class fastest).
_SEPARATOR_CHAR: Final = re.compile('[-–—ـ|/:،,؛;()\\[\\]«»"“”]')
_TOKEN: Final = regex.compile(r"\S++")
# A word of a name: letters and marks, with the dots and apostrophes of initials (د. ، O'Neil).
_NAME_WORD: Final = regex.compile(r"[\p{L}\p{M}\u0640][\p{L}\p{M}\u0640.'’-]*+")
# Words that join two people's names (the Arabic و may also be written on the next name).
_JOINERS: Final = frozenset({"و", "and", "&"})
# Function words never stand in a name; those that are also names once normalised are kept
# (أم كلثوم; على is written like the name علي).
_NOT_IN_NAMES: Final = frozenset(normalize(word) for word in STOPWORDS) - {normalize("أم"), "علي"}
# A byline names a person by two to five words (أحمد سمير، حسام أبو العلا، د. محمد عبد الله
# السيد); a line without a byline word ("القاهرة - حسام أبو العلا") by two or three.
_NAME_WORDS: Final = range(2, 6)
BARE_NAME_WORDS: Final = range(2, 4)
# The longest line read as a byline without a byline word (a place, an outlet, a name).
_BARE_BYLINE_WORDS: Final = 8
# The most words a part naming people has (three people of five words, and their و).
_MAX_PART_WORDS: Final = 18
# A byline has a few parts (a place, an outlet, two or three people): only the first twelve of a
# line cut into more are read.
_MAX_PARTS: Final = 12


# (the small records of this module are slotted classes, not frozen dataclasses: a frozen
# dataclass's generated __init__ runs interpreted, about 5 k instructions a record in the
# compiled build, where a native class's costs a few hundred. Their attributes are not
# declared Final: mypyc borrows a Final attribute for a whole expression, and released the
# record before a call's arguments were used when a comprehension stood between them.)
@final
class Part:
    """A part of a byline: its original text, normalised, and where it is in the line."""

    __slots__ = ("end", "norm", "start", "text")

    def __init__(self, text: str, norm: str, start: int, end: int) -> None:
        self.text = text
        self.norm = norm
        self.start = start
        self.end = end


@final
class Byline:
    """What a byline says: the people who wrote the story (original text, in order), the
    place it was filed from (its dateline) and the outlet it credits (``أنقرة/ الأناضول``,
    ``دمشق-سانا``), when it names them."""

    __slots__ = ("authors", "dateline", "outlet")

    def __init__(
        self, authors: tuple[str, ...] = (), dateline: str | None = None, outlet: str | None = None
    ) -> None:
        self.authors = authors
        self.dateline = dateline
        self.outlet = outlet


def split_parts(text: str, start: int = 0, limit: int = _MAX_PARTS) -> list[Part]:
    """The parts of ``text[start:]`` between separators (see the module docstring); at most
    ``limit`` and one more when there are more (a line cut into so many is not a byline)."""
    parts: list[Part] = []
    position = start
    for separator in _SEPARATOR.finditer(text, start, None, False, KEEP_GIL):
        _add_part(parts, text, position, separator.start())
        position = separator.end()
        if len(parts) > limit:
            return parts
    _add_part(parts, text, position, len(text))
    return parts


def _add_part(parts: list[Part], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without the spaces, punctuation and symbols at its edges (the **
    of Markdown emphasis, a full stop)."""
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    norm = normalize(text[start:end]) if start < end else ""
    if norm:
        parts.append(Part(text[start:end], norm, start, end))


def _is_edge(char: str) -> bool:
    """A space, a punctuation mark or a symbol. (A letter or a digit, the most, is told by
    ``str.isalnum`` first: its category is a letter's or a number's, tests/test_bylines.py.)"""
    if char.isalnum():
        return False
    return char.isspace() or unicodedata.category(char)[0] in "PSZ"


def is_site_name(name: str, site: str | None) -> bool:
    """Whether a name (original text) names the site whose name is ``site`` (see _is_site)."""
    return bool(site) and _is_site(normalize(name), normalize(site or ""))


def _is_site(norm: str, site: str) -> bool:
    """Whether a part names the site (or is a word sequence of its name: عربي of عربي بوست)."""
    return bool(site) and (f" {norm} " in f" {site} " or f" {site} " in f" {norm} ")


def is_place(norm: str) -> bool:
    """A place a story is filed from: القاهرة, دمشق، سوريا (normalised). One place's name,
    the most, is looked up (the pattern matches each, tests/test_bylines.py), where the
    pattern cost 8-10 k instructions."""
    if norm in _PLACE_NAMES:
        return True
    return _may_be_place(norm) and DATELINE_PLACE.match(norm) is not None


def _may_be_place(norm: str) -> bool:
    """False when DATELINE_PLACE surely does not match ``norm``: a line that opens with an
    Arabic letter (no separator, which the pattern lets a line open with) opens with the
    first word of a place's name. (A lookup and a test of its start, where the family's match
    cost 9-10 k instructions a call: is_place runs on every name a byline's part may be.)"""
    if not norm or not _ARABIC_LETTER_FIRST <= ord(norm[0]) <= _ARABIC_LETTER_LAST:
        return True  # (the pattern decides)
    key = norm[:2]
    return key in _PLACE_KEYS and norm.startswith(_PLACE_STARTS[key])


def _place_starts() -> MappingProxyType[str, tuple[str, ...]]:
    """The first words of the places' names (normalised) by their first two characters."""
    table: dict[str, set[str]] = {}
    for place in DATELINE_PLACE.phrases:
        word = normalize(place).split()[0]
        if len(word) < 2:
            raise ValueError(f"_place_starts: a place's first word of one character: {word!r}")
        table.setdefault(word[:2], set()).add(word)
    return MappingProxyType({key: tuple(sorted(words)) for key, words in table.items()})


_PLACE_STARTS: Final = _place_starts()
# The places' names, normalised (each a line DATELINE_PLACE matches).
_PLACE_NAMES: Final = frozenset(normalize(place) for place in DATELINE_PLACE.phrases)
# (its keys as a frozenset, looked up first: the compiled module tests a frozenset without a
# method call, and most lines miss)
_PLACE_KEYS: Final = frozenset(_PLACE_STARTS)
# The Arabic letters (hamza to yeh) by code point: no separator is among them.
_ARABIC_LETTER_FIRST: Final = 0x0621
_ARABIC_LETTER_LAST: Final = 0x064A


def is_name(norm: str, words: range = _NAME_WORDS, known: str = "") -> bool:
    """Whether a normalised phrase can be a person's name: a few words of letters, no function
    word, and not an outlet, a place or a role. ``known`` is a normalised text the caller has
    found to be none of these three already (see :func:`people`)."""
    tokens = norm.split()
    if len(tokens) not in words:
        return False
    for token in tokens:
        if token in _NOT_IN_NAMES:
            return False
    # (a name of Arabic or Latin letters, the most, is told by one search, where each word's
    # test cost 3-4 k instructions compiled)
    if _LETTER_WORDS.fullmatch(norm) is None:
        for token in tokens:
            if not _name_word(token):
                return False
    if norm == known:
        return True
    return not (_known_outlet(norm) or is_place(norm) or BYLINE_ROLE.match(norm) is not None)


def _name_word(token: str) -> bool:
    """Whether a token is a word of a name (_NAME_WORD matches it whole). A token of letters
    below _LETTERS_KNOWN_BELOW is one without the pattern (1 µs a token): every character
    there that ``str.isalpha`` takes is a letter to the pattern (tests/test_bylines.py)."""
    if token.isalpha() and max(token) < _LETTERS_KNOWN_BELOW:
        return True
    return _NAME_WORD.fullmatch(token, None, None, KEEP_GIL) is not None


_LETTERS_KNOWN_BELOW: Final = "\u0800"
# Words of the Arabic letters (hamza to yeh) and the Latin small letters, one space apart:
# every one of them is a letter to _NAME_WORD (tests/test_bylines.py).
_LETTER_WORDS: Final = re.compile("[\u0621-\u064aa-z]+(?: [\u0621-\u064aa-z]+)*")


def _known_outlet(norm: str) -> bool:
    """An outlet by name or by an outlet word (a short Latin name may be a person's: John
    Smith, unlike in :func:`is_outlet_name`), or named "today" in a byline's part (see
    _today_outlet)."""
    words = norm.split()
    return len(words) <= _OUTLET_MAX_WORDS and (
        AGENCIES.match(norm) is not None
        or OUTLET_WORDS.match(norm) is not None
        or _today_outlet(words)
        or _national_outlet(words)
    )


def _national_outlet(words: list[str]) -> bool:
    """A byline's part (its words) of two or three words that ends with a nationality in the
    feminine (أخبارنا المغربية، الشروق التونسية): an outlet's name, no person's."""
    return 2 <= len(words) <= _NATIONAL_OUTLET_WORDS and words[-1] in _NATIONALITIES


_NATIONALITIES: Final = frozenset(normalize(word) for word in AGENCY_NATIONALITIES)
_NATIONAL_OUTLET_WORDS: Final = 3


def _today_outlet(words: list[str]) -> bool:
    """A byline's part (its words) that names an outlet "today", alone or after a place or a
    people: اليوم (the Saudi daily), الإمارات اليوم، بغداد اليوم، روسيا اليوم. (In a sentence
    اليوم is the day: only a byline's part is read so.)"""
    if not words or words[-1] != _TODAY or len(words) > _TODAY_OUTLET_WORDS:
        return False
    return len(words) == 1 or words[0] not in _NOT_IN_NAMES


_TODAY: Final = normalize("اليوم")
_TODAY_OUTLET_WORDS: Final = 2


@final
class _Token:
    __slots__ = ("end", "norm", "start")

    def __init__(self, start: int, end: int, norm: str) -> None:
        self.start = start
        self.end = end
        self.norm = norm


def _tokens(text: str, norm: str) -> list[_Token]:
    """The words of a part's original text with their normalised forms (``norm`` is the
    part's, taken word by word when the words match one for one)."""
    spans = _word_spans(text)
    words = norm.split()
    if len(words) == len(spans):
        return [_Token(start, end, word) for (start, end), word in zip(spans, words, strict=True)]
    found = (_Token(start, end, normalize(text[start:end])) for start, end in spans)
    return [token for token in found if token.norm]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Where the runs of non-space characters of ``text`` are (_TOKEN's matches). A printable
    text has no white space but the plain space (every other is unprintable): its words are
    found between spaces with ``str.find``, where the pattern's matches cost 1-2 µs each."""
    if not text.isprintable():
        return [m.span() for m in _TOKEN.finditer(text, None, None, False, KEEP_GIL)]
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        if text[start] == " ":
            start += 1
            continue
        end = text.find(" ", start)
        if end < 0:
            end = length
        spans.append((start, end))
        start = end
    return spans


def _role_at(tokens: list[_Token], known: str = "") -> int:
    """The index of the first token where a role starts (len(tokens) when none does; none
    does in ``known``, a text with no role, see :func:`people`)."""
    joined = " ".join(token.norm for token in tokens)
    if joined == known:
        return len(tokens)
    role = (
        BYLINE_ROLE.compiled.search(joined, None, None, KEEP_GIL)
        if BYLINE_ROLE.may_occur(joined)
        else None
    )
    if role is None:
        return len(tokens)
    return joined[: role.start()].count(" ")


def _groups(text: str, tokens: list[_Token], listed: bool = False) -> list[list[_Token]]:
    """Tokens split into people at the words that join names: "و", "and", and a و written on
    the next name when both names keep two words or more (أحمد علي ومحمد سمير), or on the
    part's first name when earlier parts ``listed`` people (أحمد علي، وشيماء سمير); a name
    that begins with و keeps it (وليد سمير). Words that close the list without naming anyone
    (وآخرون) end it."""
    groups: list[list[_Token]] = [[]]
    for index, token in enumerate(tokens):
        if token.norm in BYLINE_OTHERS.exact or (
            index + 1 < len(tokens)
            and f"{token.norm} {tokens[index + 1].norm}" in BYLINE_OTHERS.exact
        ):
            break
        if token.norm in _JOINERS:
            groups.append([])
            continue
        attached = (
            token.norm.startswith("و")
            and len(token.norm) > 3
            and (len(groups[-1]) >= 2 or (listed and index == 0))
            and index + 1 < len(tokens)
            and tokens[index + 1].norm not in _JOINERS
            and token.norm not in WAW_NAMES.exact
        )
        if attached:
            # the name starts at the letter after the و (past any mark on the و)
            waw = text.find("و", token.start, token.end)
            letter = _LETTER.search(text, waw + 1, token.end, KEEP_GIL) if waw >= 0 else None
            start = letter.start() if letter is not None else token.start
            groups.append([_Token(start, token.end, token.norm[1:])])
            continue
        groups[-1].append(token)
    return [group for group in groups if group]


def people(
    part: Part,
    site: str = "",
    words: range = _NAME_WORDS,
    *,
    listed: bool = False,
    vetted: bool = False,
) -> list[str]:
    """The people a part names (original text), none when any of its names is not a name;
    ``listed`` when earlier parts of the byline named people (see :func:`_groups`). ``vetted``
    when the caller has found the part to be no outlet (_known_outlet), place (is_place) or
    role (BYLINE_ROLE.match) already: a name that is the whole part is not looked up again
    (the lookups are most of a two-word name's reading: 10-15 k instructions each)."""
    if part.norm.count(" ") >= _MAX_PART_WORDS:
        return []  # a sentence, not a list of names
    known = part.norm if vetted else ""
    tokens = _tokens(part.text, part.norm)
    if tokens and tokens[0].norm == "من":  # "«القدس العربي» من سعد الياس"
        tokens = tokens[1:]
    tokens = tokens[: _role_at(tokens, known)]  # "محمد علي مراسل الجزيرة في غزة"
    names: list[str] = []
    for group in _groups(part.text, tokens, listed):
        norm = " ".join(token.norm for token in group)
        if not is_name(norm, words, known) or _is_site(norm, site):
            return []
        names.append(clean_edges(part.text[group[0].start : group[-1].end]))
    return [name for name in names if name]


def read_parts(parts: list[Part], text: str, site: str = "") -> Byline:
    """The people and the dateline of a byline's parts (``text`` is the line they are cut
    from): the people of every part that names only people, and the first run of places."""
    authors: list[str] = []
    places: list[Part] = []
    outlet: str | None = None
    named: str | None = None  # a one-word part that names no person (see _one_name)
    run_over = False
    filed: str | None = None  # a place named after في or من: مراسلنا في غزة، إيلاف من بيروت
    for part in parts:
        if is_place(part.norm):
            if not run_over:
                places.append(part)
            continue
        filed = filed or filed_from(part.text, part.norm)
        run_over = run_over or bool(places)
        role = BYLINE_ROLE.may_occur(part.norm) and BYLINE_ROLE.match(part.norm) is not None
        if not role and _known_outlet(part.norm):
            outlet = outlet or clean_edges(part.text) or None
            continue
        if not role and _is_site(part.norm, site):
            continue  # "محمد علي مراسل الجزيرة" names a person before the role's outlet
        # (past the outlet test, a part that holds no role is vetted: see people)
        found = people(part, site, listed=bool(authors), vetted=not role)
        if not found and not role and _one_name(part.norm):
            named = named or clean_edges(part.text) or None
        authors.extend(name for name in found if name not in authors)
    dateline = clean_edges(text[places[0].start : places[-1].end]) if places else filed
    if outlet is None and authors and len(parts) == 2:
        outlet = named  # "هسبريس - عبد الرحيم العسري": a one-word outlet we do not know
    return Byline(tuple(authors), dateline or None, outlet)


def filed_from(text: str, norm: str) -> str | None:
    """The place a byline's part says it was filed from after في or من, when what comes
    before is a role, an outlet or one word (the site's name): غزة in مراسلنا في غزة, بيروت in
    إيلاف من بيروت (original text); None otherwise."""
    # (the part may open with the word: the byline word before it is cut off, مراسلنا)
    padded = f" {norm}"
    for word in _FILED_WORDS:
        at = padded.rfind(word)
        if at < 0 or padded.count(" ", 0, at) >= _OUTLET_MAX_WORDS:
            continue
        head = padded[:at].strip()
        if not is_place(padded[at + len(word) :]):
            continue
        if " " in head and role_end(head) is None and not _known_outlet(head):
            return None
        return clean_edges(f" {text}".rpartition(word)[2]) or None
    return None


# The words between who filed a story and the place they filed it from (spaced).
_FILED_WORDS: Final = (" في ", " من ")


def read_byline(
    text: str, site: str | None = None, read: dict[str, list[Part]] | None = None
) -> Byline:
    """What a byline line says (see :class:`Byline`): after its byline word, if any (كتب،
    بقلم، حوار:), its parts. ``site`` is the site's own name: it is never an author.
    ``read``: the parts of the lines read already (see :func:`_byline_parts`)."""
    return read_parts(_byline_parts(text, read), text, normalize(site) if site else "")


def _byline_parts(text: str, read: dict[str, list[Part]] | None = None) -> list[Part]:
    """The parts of a byline line after its byline word, if any (see :func:`read_byline`).
    ``read`` holds the parts of the lines read already by their text, for one page's fields
    (find_byline and find_source read the same bylines): they are cut once. (Nothing is kept
    between pages: the caller makes the dict.)"""
    if read is None:
        return _cut_byline(text)
    parts = read.get(text)
    if parts is None:
        parts = read[text] = _cut_byline(text)
    return parts


def _cut_byline(text: str) -> list[Part]:
    """:func:`_byline_parts`, cut."""
    # (the offsets, twice the cost of the normalised text, only for a line with a byline word)
    keyword = BYLINE.compiled.match(normalize(text), None, None, KEEP_GIL)
    start = 0
    if keyword is not None:
        rest = keyword.start("rest")
        offsets = normalize_with_offsets(text)[1]
        start = offsets[rest] if rest < len(offsets) else len(text)
    return split_parts(text, start)[:_MAX_PARTS]


def byline_outlet(text: str, read: dict[str, list[Part]] | None = None) -> str | None:
    """``read_byline(text).outlet``, without reading the people of a line cut into other than
    two parts: its outlet is its first part that names a known outlet (only a line of two
    parts, its outlet unknown, takes the part that names no one: see :func:`read_parts`).
    The people are the most of a byline's reading. (``read``: see :func:`_byline_parts`.)"""
    parts = _byline_parts(text, read)
    if len(parts) == 2:
        return read_parts(parts, text).outlet
    for part in parts:
        if is_place(part.norm):
            continue
        role = BYLINE_ROLE.may_occur(part.norm) and BYLINE_ROLE.match(part.norm) is not None
        if not role and _known_outlet(part.norm):
            outlet = clean_edges(part.text)
            if outlet:
                return outlet
    return None


def is_place_byline(text: str, norm: str, words: int | None = None) -> bool:
    """A byline without a byline word: the place it was filed from and who filed it, in
    either order: people (القاهرة - حسام أبو العلا، فهيم الحامد (جدة)), maybe with their outlet
    (بيروت ـ «القدس العربي» من سعد الياس), or only an outlet, a desk or the site's one-word name
    (القاهرة - أ ش أ، غزة - خاص، لندن- عربي21). A name has two or three words: a longer phrase
    after a place is a headline. ``words`` is the line's word count when the caller knows it."""
    if (words if words is not None else len(norm.split())) > _BARE_BYLINE_WORDS:
        return False
    # the cheap tests first: most lines have no separator, or name no place
    if _SEPARATOR_CHAR.search(text) is None or not _place_at_an_edge(norm):
        return False
    parts = split_parts(text, limit=3)
    if not 2 <= len(parts) <= 3:
        return False
    # A place among the parts, and every other part credits someone: the places are looked up
    # first (a lookup of the first words: a line whose parts name no place is given up before
    # the costly tests of the others), then each other part, the cheapest test first (which
    # one credits it does not matter). (18 -> 4 µs on a headline whose last word is a place,
    # compiled.)
    others: list[Part] = []
    for part in parts:
        if not is_place(part.norm):
            others.append(part)
    if not others or len(others) == len(parts):
        return False
    return all(_credits(part) for part in others)


def _credits(part: Part) -> bool:
    """Whether a part of a place byline that is no place names who filed the story: one word
    that may be an outlet's name, a known outlet, a role or a desk, or people."""
    norm = part.norm
    if _one_name(norm) or _known_outlet(norm) or BYLINE_ROLE.match(norm) is not None:
        return True
    # (no place, outlet or role: is_place_byline looked the part up first)
    return bool(people(part, words=BARE_NAME_WORDS, vetted=True))


# The places by their first and by their last word: a line whose edge words start or end no
# place opens and closes with none (set and string lookups, not the places' alternation).
def _places_by(word: int) -> Mapping[str, tuple[str, ...]]:
    """The places (normalised, longest first) by their first (0) or last (-1) word."""
    table: dict[str, list[str]] = {}
    for place in sorted({normalize(p) for p in DATELINE_PLACE.phrases}, key=len, reverse=True):
        table.setdefault(place.split()[word], []).append(place)
    return MappingProxyType({key: tuple(places) for key, places in table.items()})


_PLACES_BY_FIRST: Final = _places_by(0)
_PLACES_BY_LAST: Final = _places_by(-1)
_EDGE_MARKS: Final = ' \t()[]«»"“”-–—|/:،,؛;.*'


# The marks that may join a place to the next part without a space (see _SEPARATOR).
_WORD_JOINERS: Final = "-–—/"


def _place_at_an_edge(norm: str) -> bool:
    """Whether a normalised line opens or closes with a place's name (a cheap test, before
    the line is cut into parts and each part is looked up). Its edge words end at a space or
    at a mark that joins words ("دمشق-سانا": the place is the word before the dash), and are
    looked up in the sets of the places' first and last words. (Plain searches and set
    lookups: partitions, ``str.isalpha`` and the tables' ``get`` cost 5-7 k instructions a
    line compiled, a third of it now.)"""
    core = norm.strip(_EDGE_MARKS)
    end = len(core)
    start = 0
    for mark in _WORD_BREAKS:
        at = core.find(mark, 0, end)
        if at >= 0:
            end = at
        at = core.rfind(mark, start)
        if at >= 0:
            start = at + 1
    head = core[:end].rstrip(_EDGE_MARKS)
    if head in _PLACE_FIRST_WORDS:
        for place in _PLACES_BY_FIRST[head]:
            if core.startswith(place) and not core[len(place) : len(place) + 1].isalnum():
                return True
    tail = core[start:].lstrip(_EDGE_MARKS)
    if tail in _PLACE_LAST_WORDS:
        for place in _PLACES_BY_LAST[tail]:
            if core.endswith(place) and not core[-len(place) - 1 : -len(place)].isalnum():
                return True
    return False


# Where an edge word ends: a space, or a mark that joins words (see _SEPARATOR). (A tuple of
# any length: the compiled module indexes it, where it iterates a tuple of four.)
_WORD_BREAKS: Final[tuple[str, ...]] = (" ", *_WORD_JOINERS)
_PLACE_FIRST_WORDS: Final = frozenset(_PLACES_BY_FIRST)
_PLACE_LAST_WORDS: Final = frozenset(_PLACES_BY_LAST)


def _one_name(norm: str) -> bool:
    """A single word that may name an outlet we do not know (عربي21، هسبريس)."""
    return (
        " " not in norm
        and _LETTER.search(norm, None, None, KEEP_GIL) is not None
        and norm not in _NOT_IN_NAMES
    )


def name_before_date(norm: str) -> tuple[int, int] | None:
    """A date line that opens with its author's name (مريم الحمادي 20 فبراير 2024 08:15 ص،
    أحمد سمير منذ 3 ساعات، كتب: أحمد سمير | الأحد 5 مايو 2024): where the name starts and ends
    in the normalised line (after a byline word), or None. The name has two or three words and
    the rest of the line is a date and date-line words."""
    # (every date starts at a digit or at منذ or قبل: most lines of a header hold none, and
    # are told so for less than the search)
    if not (may_hold_digit(norm) or has_relative_word(norm)):
        return None
    date = _DATE_START.search(norm, None, None, KEEP_GIL)
    if date is None:
        return None
    # (the name's words and the space before the date, which a name touching its date lacks:
    # محمد عبدالله19 نوفمبر 2026)
    glued = date.start() > 0 and norm[date.start() - 1].isalpha()
    spaces = norm.count(" ", 0, date.start()) + (1 if glued else 0)
    if not 2 <= spaces <= 7:
        return None  # not a few words before the date: most lines of a header
    dated = read_date_line(norm, None)
    if not dated:
        return None
    first = min(part.start for part in dated)
    head = norm[:first].rstrip(" -–—|•·،,:")
    start = 0
    keyword = BYLINE.compiled.match(head, None, None, KEEP_GIL)
    if keyword is not None and (
        letter := _LETTER.search(head, keyword.start("rest"), None, KEEP_GIL)
    ):
        start = letter.start()  # كتب: أحمد سمير
    name = head[start:]
    if not is_name(name, BARE_NAME_WORDS) or has_date_words(name):  # not "آخر تحديث"
        return None
    return (start, len(head)) if only_dates(norm, first) else None


def dateline_place(norm: str) -> tuple[int, int] | None:
    """The place an agency dateline opens with, as a normalised span: القاهرة in
    "القاهرة - (أ ش أ) -", دمشق، سوريا in "دمشق، سوريا (CNN) --", الرياض in "الرياض 12 رمضان
    1445 هـ ... واس". The words before the first bracket, dash, colon or digit."""
    # (a place, or an outlet and a place, has a few words: a sentence's start is looked at no
    # further than they reach)
    cut = _DATELINE_END.search(norm, 0, _DATELINE_HEAD_CHARS, KEEP_GIL)
    end = cut.start() if cut is not None else len(norm)
    head = norm[:end].rstrip(" ،,")
    if end > _DATELINE_HEAD_CHARS or head.count(" ") >= _DATELINE_HEAD_WORDS:
        return None
    if head.endswith(_BEFORE_DATE):  # أبوظبي في 12 يناير / وام /
        head = head[: -len(_BEFORE_DATE)].rstrip(" ،,")
    if head and is_place(head):
        return (0, len(head))
    # the outlet first, then a slash: شفق نيوز/ بغداد -
    outlet, slash, place = head.rpartition("/")
    start = len(outlet) + len(slash) + len(place) - len(place.lstrip())
    if slash and outlet.count(" ") < _OUTLET_MAX_WORDS and is_place(place.strip()):
        return (start, len(head))
    return None


# How long the words before a dateline's first mark may be (an outlet, a slash and a place
# of a few words: شفق نيوز/ بغداد; دبي، الإمارات العربية المتحدة).
_DATELINE_HEAD_CHARS: Final = 60
_DATELINE_HEAD_WORDS: Final = 8
# (the dash may touch the place: لندن- "القدس العربي":)
_DATELINE_END: Final = regex.compile(r"[(\[:\d]|\s?+[-–—]|--")
# The word between a dateline's place and its date (normalised).
_BEFORE_DATE: Final = " في"


# The longest name read as an outlet's (وكالة أنباء الشرق الأوسط الرسمية...).
_OUTLET_MAX_WORDS: Final = 6


def is_outlet_name(norm_name: str) -> bool:
    """A name that is an agency or outlet: known by name, marked by an outlet word, or a short
    Latin acronym or name such as CNN or RT."""
    words = len(norm_name.split())
    if not norm_name or words > _OUTLET_MAX_WORDS:
        return False
    return (
        AGENCIES.match(norm_name) is not None
        or OUTLET_WORDS.match(norm_name) is not None
        or (_LATIN_NAME.match(norm_name, None, None, KEEP_GIL) is not None and words <= 4)
    )


# (a run of spaces is matched from its first character only: a split that tried each character
# of a long run would scan the rest of the run each time)
_BYLINE_SPLIT: Final = regex.compile(r"(?<!\s)\s++[-–—|/]\s++|(?:(?<!\s)\s++)?+[|]\s*+")


def _may_split(norm: str) -> bool:
    r"""Whether _BYLINE_SPLIT can part ``norm``: it holds a bar, or a dash or a slash with white
    space on both sides (``str.isspace`` holds every character ``\s`` does)."""
    if "|" in norm:
        return True
    last = len(norm) - 1
    for mark in _SPLIT_MARKS:
        at = norm.find(mark, 1)
        while 0 < at < last:
            if norm[at - 1].isspace() and norm[at + 1].isspace():
                return True
            at = norm.find(mark, at + 1)
    return False


# The marks _BYLINE_SPLIT parts a line at between spaces (a bar parts it anywhere).
_SPLIT_MARKS: Final = ("-", "–", "—", "/")


def _byline_halves(norm: str) -> list[str]:
    """``_BYLINE_SPLIT.split(norm)``, each part up to the spaces at its edges (the caller
    strips them). A printable text has no white space but the plain space: one parted by one
    bar and no other mark between spaces, or by one of the others once and no bar, is cut
    there with plain searches (where the pattern, tried at every character, cost 15-20 k
    instructions a line compiled; tests/test_bylines.py compares the two)."""
    if norm.isprintable():
        bars = norm.count("|")
        spaced = 0
        at = -1
        for mark in _SPACED_MARKS:
            count = norm.count(mark)
            if count:
                spaced += count
                at = norm.find(mark)
        if bars == 1 and spaced == 0:
            bar = norm.find("|")
            return [norm[:bar], norm[bar + 1 :]]
        if bars == 0 and spaced == 1:
            return [norm[:at], norm[at + len(_SPACED_MARKS[0]) :]]
    return _BYLINE_SPLIT.split(norm, 0, KEEP_GIL)


# The marks but the bar between single spaces, as _BYLINE_SPLIT parts a printable line at them.
_SPACED_MARKS: Final[tuple[str, ...]] = tuple(f" {mark} " for mark in _SPLIT_MARKS)


def role_end(norm: str) -> int | None:
    """Where the role that opens a normalised text ends (مراسل in مراسل الجزيرة نت), or None
    when it opens with none."""
    role = (
        BYLINE_ROLE.compiled.match(norm, None, None, KEEP_GIL)
        if BYLINE_ROLE.may_occur(norm)
        else None
    )
    return None if role is None else role.end()


def _without_role(norm: str) -> str:
    """A normalised part without the role or the source label that opens it (مراسل الجزيرة
    نت: الجزيرة نت; المصدر: رويترز: رويترز)."""
    label = SOURCE_LINE.payload(norm)
    if label:
        return label
    end = role_end(norm)
    return norm[end:].strip() if end is not None and end < len(norm) else norm


# What a person's name never holds and a photo's description often does: a figure or a quoted
# name (صاروخ "سويوز-2.1ب" / RIA Novosti is a caption and its photo's credit).
_DESCRIBED: Final = regex.compile(r'[\d"«»“”]')


def split_outlet_byline(norm: str) -> tuple[str, str] | None:
    """For a byline "Outlet - Person" (either order), the normalised outlet and person."""
    # (the split only where it can part the line: 3-8 µs a line; most lines hold no separator,
    # told by plain searches before the words are counted)
    if not _may_split(norm) or len(norm.split()) > 8:
        return None
    parts = _byline_halves(norm)
    if len(parts) != 2:
        return None
    first, second = (part.strip() for part in parts)
    for named, person in ((first, second), (second, first)):
        if named in _PLACE_NAMES:
            continue  # a place's name is none of an outlet's (and has no role)
        # the cheap conditions first: the role and is_outlet_name run regular expressions
        if (
            not 1 <= len(person.split()) <= 4
            or _LETTER.search(person, None, None, KEEP_GIL) is None
            or _DESCRIBED.search(person, None, None, KEEP_GIL) is not None
        ):
            # (a date line's clock time, 22:40, and its date: السبت 11 مايو 2024 - 22:40 is
            # given up before the role's and the outlet's patterns run)
            continue
        outlet = _without_role(named)  # "مراسل الجزيرة نت" credits الجزيرة نت
        if (
            len(outlet.split()) <= _OUTLET_MAX_WORDS
            and is_outlet_name(outlet)
            and not is_outlet_name(person)
            # (one part: بنغازي - بوابة الوسط: عبدالرحمن أميني has an outlet and a person there)
            and len(split_parts(outlet, limit=1)) == 1
        ):
            return outlet, person
    return None
