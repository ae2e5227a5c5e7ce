"""Page text as scrapers hand it over, reflowed into one line per block before it is read.

- **Text-mode browsers' dumps** (``lynx -dump``, ``w3m -dump``, ``links -dump``): the link
  numbers lynx writes before each link (``[12]``) are removed, and the hard-wrapped lines of a
  paragraph (72-100 columns) are joined back. A document is wrapped when no line runs
  past a column of 40-130 characters and many lines fill it; a line that fills the column
  goes on in the next one.
- **Table cells on one line** (a browser's ``innerText`` ends each cell with a tab): one line
  per cell, as the DOM path reads ``<td>``.
- **One line per text node** (BeautifulSoup's ``get_text("\\n")``): a link or a bold word cuts
  its sentence into lines. A line that ends on a word no sentence ends on (``في``، ``وقال``،
  ``صحيفة``: :data:`~arabic_extract.rules.continuation.DANGLING_WORDS`) goes on in the next
  one; so does a line of running prose (commas, ten words or more) that stops without a mark,
  when the next one is short (the link it stopped at). A line that starts with a mark no text
  starts with (a comma, a full stop: the rest of a sentence after a link) goes on the one
  before. After a cut, the text after the linked words goes on too unless it is a block of its
  own (a list item).

The joined line is what the Article returns.
"""

from __future__ import annotations

import re
from itertools import pairwise
from types import MappingProxyType
from typing import Final, final

from arabic_extract.engine.bylines import BARE_NAME_WORDS, is_name, is_place, is_place_byline
from arabic_extract.engine.dates import is_date_line
from arabic_extract.engine.features import NOISE_INDEX, closing_agency
from arabic_extract.engine.normalize import kept_as_is, longer_when_normal, normalize
from arabic_extract.rules.attribution import BYLINE
from arabic_extract.rules.continuation import (
    ATTRIBUTION_VERBS,
    CONTINUATION_MARKS,
    DANGLING_WORDS,
)

_DANGLING: Final = frozenset(normalize(word) for word in DANGLING_WORDS)
_LONGEST_DANGLING: Final = max(map(len, _DANGLING))
_DANGLING_FIRST: Final = frozenset(word[0] for word in _DANGLING)
_DANGLING_LAST: Final = frozenset(word[-1] for word in _DANGLING)
_MARKS: Final = frozenset(CONTINUATION_MARKS)
# Marks that end a sentence: a line ending in one is finished.
_FINAL: Final = frozenset(".!؟?…")
_BULLETS: Final = frozenset("•●◦▪▫■□►▶◄◀·∙‣⁃*+-–—»")

# Wrapped text: the column is the fifth widest line's width (a few lines may run past it: an
# unbreakable word); a document is wrapped when it is 40-130 characters, at most one line in a
# hundred (one, in a shorter text: pandoc leaves an image's long text unwrapped) runs past it by
# more than a tenth, and at least this many lines fill it (come within
# 85 % of it). Real pages in one line per block have paragraphs of 150-600 characters;
# lynx, w3m and links dumps of the dev pages wrap at 89-101 with 20-93 full lines.
_MIN_COLUMN: Final = 40
_MAX_COLUMN: Final = 130
_MIN_FULL_LINES: Final = 8
# The greedy reading (greedy_column): columns up to this wide (w3m -cols 200), a line within
# this share of the column is full, and at most these shares of the full lines leave room for
# the next line's first word, or of lines run past the column with a word ending within it.
# lynx and w3m dumps of the dev pages at 80-200 columns, pandoc's plain text at 72: at most
# 0.17 of the full lines leave room (a line before a list or a heading) and no line is
# breakable at the column; page text of one line a paragraph or a title, and titles of even
# width above their dates: many of both.
_GREEDY_MAX_COLUMN: Final = 250
_MIN_GREEDY_ROWS: Final = 2
_FULL_SHARE: Final = 0.85
_ROOM_SHARE: Final = 0.2
_BREAKABLE_SHARE: Final = 0.05
# Of the lines that fill the column, at least this share stop mid-sentence (no mark at their
# end) in a wrapped document (lynx, w3m and links dumps of the dev pages: 0.8-1.0), and at least
# this share, and this many, are followed by another full line (dumps: 0.2-0.8; page text of
# listings, titles of even width alternating with their dates: 0-0.11, 4 lines at most).
_CUT_SHARE: Final = 0.5
_ROW_SHARE: Final = 0.2
# Wrapped text has blank lines between its paragraphs: at least this share of its lines (dumps
# of the dev pages: 0.15-0.4; BeautifulSoup's text: none).
_BLANK_SHARE: Final = 0.05
_MIN_IN_A_ROW: Final = 4
# A line this full (share of the column) was wrapped: the next line goes on with it.
_WRAPPED_LINE: Final = 0.75
# After a cut word, a line of at most this many words is the link that followed it.
_INLINE_WORDS: Final = 6
# A line of running prose has at least this many words (good_min_words in ExtractionConfig).
_PROSE_WORDS: Final = 10
# A text-mode browser's link number: [12] right before the link's text. A page has them when
# this many stand in its first lines (a footnote mark [1] follows its word instead).
_LINK_NUMBER: Final = re.compile(r"\[\d{1,5}\](?=[^\s\d\[\]])")
_MIN_LINK_NUMBERS: Final = 5
# A link's address in parentheses after its text, as converters that keep links in plain text
# write them (resiliparse's ``extract_plain_text(links=True)``: ``رياضة (/sports/ar)``): a
# web address, a path (relative too) or a fragment. A page has them when this many stand in
# its first lines.
_LINK_URL: Final = re.compile(
    r" ?\((?:(?:https?://|www\.|\.{0,2}/|mailto:|tel:)[^\s()]*+|#[!-'*-~]*+)\)", re.IGNORECASE
)
_MIN_LINK_URLS: Final = 5
# The same addresses without the space before them, to count them: re scans for a pattern's
# first character when it is a literal, and tries one that opens with " ?" at every character.
# Each address has one match of either (a match holds no parenthesis but its own two).
_LINK_URL_COUNTED: Final = re.compile(_LINK_URL.pattern.removeprefix(" ?"), re.IGNORECASE)
# An image as a text-mode renderer writes it on a line of its own: its alternative text in
# brackets (not a number: a footnote or a link's number).
_IMAGE_ALT: Final = re.compile(r"\[(?!\d+\])[^\[\]\n]{1,300}\]")
# A numbered list item (1. , 12) ).
_NUMBERED: Final = re.compile(r"\d{1,5}[.)]\s")
# A word longer than this is no word wrapping can break (a URL).
_LONG_WORD: Final = 40
# A line's long word is looked for in its first this many characters: a line of megabytes is
# not split into all its words.
_WORD_SCAN: Final = 10_000
_NUMBERED_SCAN: Final = 400


def wrap_column(lines: list[str]) -> int | None:
    """The column a document is hard-wrapped at (None: it is not wrapped), from its lines:
    blank lines part its paragraphs, many lines fill the same column and none is much wider
    (see :func:`_width`), and the full ones
    mostly stop mid-sentence and follow one another (a list of teasers of even width ends its
    snippets with a mark, and its titles alternate with their dates)."""
    blank = sum(1 for line in lines if not line.strip())
    if len(lines) - blank < _MIN_FULL_LINES or blank < _BLANK_SHARE * len(lines):
        return None  # (paragraphs of wrapped text stand between blank lines)
    column = _fifth_widest(lines, blank)
    return column if column is not None else greedy_column(lines)


def _fifth_widest(lines: list[str], blank: int) -> int | None:
    """:func:`wrap_column` by the fifth widest line (see _MIN_COLUMN), for text with ``blank``
    blank lines."""
    # A line wider than any column (see below) is over the column whatever it is: more of them
    # than the 1 % allowed and the text is not wrapped, whatever the other lines' widths (the
    # lines of paragraphs of a page copied as it is: the common case, told from a few lines).
    widest = _MAX_COLUMN * 1.1
    allowed = (len(lines) - blank) // 100
    over = 0
    for line in lines:
        if len(line) > widest and _width(line) > widest:
            over += 1
            if over > allowed:
                return None
    # (list items are left out: pandoc's plain text, for one, leaves some of them unwrapped)
    measured = [
        (width, line)
        for line in lines
        if (width := _width(line)) and line.lstrip()[:1] not in _BULLETS
    ]
    if len(measured) < _MIN_FULL_LINES:
        return None
    ranked = sorted((width for width, _ in measured), reverse=True)
    column = ranked[4]
    if not _MIN_COLUMN <= column <= _MAX_COLUMN:
        return None
    over = sum(1 for width in ranked if width > column * 1.1)
    filled = [width >= 0.85 * column for width, _ in measured]
    full = [line for (_, line), is_full in zip(measured, filled, strict=True) if is_full]
    if over > max(1, len(measured) // 100) or len(full) < _MIN_FULL_LINES:
        return None
    cut = sum(1 for line in full if line.rstrip()[-1] not in _MARKS)
    # a paragraph wrapped over three lines or more has full lines in a row; titles of even
    # width alternate with their dates and snippets
    in_a_row = sum(1 for this, following in pairwise(filled) if this and following)
    if cut < _CUT_SHARE * len(full) or in_a_row < max(_MIN_IN_A_ROW, _ROW_SHARE * len(full)):
        return None
    return column


def greedy_column(lines: list[str]) -> int | None:
    """The column a greedy wrapper (lynx, w3m, pandoc: each word on the line if it fits) cut the
    lines at, when :func:`wrap_column`'s first reading finds none (a wide column, where most
    paragraphs take two lines and few full lines follow one another): the column of 40-250
    that at least _MIN_FULL_LINES lines fill (come within 85 % of it), stopping mid-sentence,
    while the next line's first word would not have fit on them, that hardly any full line
    leaves room for that word
    (_ROOM_SHARE), and that hardly any line runs past while a word of it ends within it
    (_BREAKABLE_SHARE). Titles of even width followed by their dates leave room for the date;
    a page in one line a paragraph has lines past any column that a wrapper would have broken.
    Some paragraph takes three lines or more (_MIN_GREEDY_ROWS full lines follow another):
    titles of one width alternate with their dates.
    Linear: each line adds itself to the range of columns it supports, contradicts or breaks."""
    top = _GREEDY_MAX_COLUMN
    tallies = Tallies(top)
    for k, line in enumerate(lines):
        text = line.rstrip()
        width = len(text)
        if width <= _MIN_COLUMN:
            continue
        indent = width - len(text.lstrip())
        space = text.find(" ", indent)
        if space >= 0:
            tallies.breakable(space, width, _MIN_COLUMN)
        if width > top or text[-1] in _MARKS:
            continue  # (a full line of a wrapped paragraph stops mid-sentence)
        following = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if not following:
            continue
        gap = following.find(" ")
        fits_from = width + 1 + (gap if gap >= 0 else len(following))  # its first word fits
        tallies.fills(width, fits_from)
    found = greedy_pick(tallies, _MIN_COLUMN, _MIN_FULL_LINES)
    if found is None or _full_in_a_row(lines, found) < _MIN_GREEDY_ROWS:
        return None
    return found


@final
class Tallies:
    """For each column a document may be wrapped at (an index, up to the widest tried), kept
    as differences (see :func:`count_range`): how many lines fill it with no room for the next
    line's first word (``supports``), fill it with room for it (``rooms``), and run past it
    with a word ending within it (``breaks``)."""

    __slots__ = ("breaks", "filling", "rooms", "supports", "top")

    def __init__(self, top: int) -> None:
        self.top: Final = top
        self.supports: Final = [0] * (top + 2)
        self.rooms: Final = [0] * (top + 2)
        self.breaks: Final = [0] * (top + 2)
        self.filling = 0  # how many lines fill some column: no column has more supports

    def fills(self, width: int, fits_from: int) -> None:
        """A line ``width`` wide, on which the next line's first word would fit from column
        ``fits_from`` on: it fills the columns up to ``width / _FULL_SHARE``."""
        self.filling += 1
        widest = min(self.top, int(width / _FULL_SHARE))
        count_range(self.supports, width, min(widest, fits_from - 1))
        count_range(self.rooms, max(width, fits_from), widest)

    def breakable(self, space: int, width: int, first: int) -> None:
        """A line ``width`` wide whose first word ends at ``space``: a wrapper at a column from
        there to its width (and from ``first`` on) would have broken it."""
        count_range(self.breaks, max(first, space + 1), min(self.top, width - 1))


def greedy_pick(tallies: Tallies, first: int, minimum: int) -> int | None:
    """The column from ``first`` on that most lines fill as a greedy wrapper fills them (at
    least ``minimum``), with at most _ROOM_SHARE as many leaving room and _BREAKABLE_SHARE as
    many breakable (see :func:`greedy_column`); None when no column is so."""
    if tallies.filling < minimum:
        return None  # (no column can have enough: page text of a paragraph a line, mostly)
    best, found = 0, None
    support = room = broken = 0
    for column in range(len(tallies.supports)):
        support += tallies.supports[column]
        room += tallies.rooms[column]
        broken += tallies.breaks[column]
        if (
            column >= first
            and support >= max(minimum, best + 1)
            and room <= _ROOM_SHARE * support
            and broken <= _BREAKABLE_SHARE * support
        ):
            best, found = support, column
    return found


def _full_in_a_row(lines: list[str], column: int) -> int:
    """How many lines that fill ``column`` and stop mid-sentence follow another such line."""
    count = 0
    filled = False
    for line in lines:
        text = line.rstrip()
        full = _FULL_SHARE * column <= len(text) <= column and text[-1] not in _MARKS
        count += full and filled
        filled = full
    return count


def count_range(counts: list[int], first: int, last: int) -> None:
    """Count one more in ``counts[first..last]``, kept as differences (summed in order)."""
    if first <= last:
        counts[first] += 1
        counts[last + 1] -= 1


def _widget(line: str, norm: str | None = None) -> bool:
    """A short line that a noise family claims whole (a share bar, a date line's label);
    ``norm`` is its normalised form when the caller has it."""
    if line.count(" ") >= _LABEL_WORDS:
        return False
    if norm is None:
        norm = normalize(line)
    return bool(NOISE_INDEX.match(norm, len(norm.split())))


def _continues(line: str) -> bool:
    """Can this line go on the wrapped line above it? Not when it is blank, opens a list item
    (a bullet, a number) or is a widget of its own."""
    return (
        bool(line) and line[0] not in _BULLETS and not _NUMBERED.match(line) and not _widget(line)
    )


def unwrap(lines: list[str], column: int) -> list[str]:
    """The paragraphs of a hard-wrapped document (and "" for each blank line): a line that
    fills the column is joined with the next line when that one can go on it (see
    :func:`_continues`); a line holding a URL fills no column."""
    out: list[list[str]] = []
    joining = False
    for raw in lines:
        line = raw.strip()
        if joining and _continues(line):
            out[-1].append(line)
        else:
            out.append([line])
        joining = _width(line) >= _WRAPPED_LINE * column
    return [" ".join(parts) for parts in out]


# A widget (a share bar, a follow prompt, a date's label) has at most this many words (with
# its separators); longer lines are not asked whether a noise family claims them whole.
_LABEL_WORDS: Final = 16
# How much of a joined line's end is enough to read its last word.
_TAIL_CHARS: Final = 200


def is_cut(line: str, known: dict[str, bool] | None = None) -> bool:
    """Does the line stop on a word no sentence ends on? A widget's label (تابعونا على, its
    icons gone) and a byline (كتب: محمد علي) are no cut sentence. ``known`` holds the last
    words already looked up (:func:`_dangling`) on the page: the same few words end many of
    its lines (a site's section names), each normalised once."""
    if line[-1] in _MARKS:
        return False
    word = line[line.rfind(" ") + 1 :]
    if known is None:
        dangling = _dangling(word)
    else:
        found = known.get(word)
        if found is None:
            found = known[word] = _dangling(word)
        dangling = found
    if not dangling:
        return False
    if line.count(" ") >= _LABEL_WORDS:
        return True
    # a byline ends on a name that may be written as a preposition is (كتب: أحمد سمير ومحمد علي،
    # القاهرة - محمد علي, or the name alone: محمد علي)
    norm = normalize(line)
    return not (
        _widget(line, norm)
        or BYLINE.match(norm) is not None
        or is_place_byline(line, norm)
        or _bare_name(norm)
    )


def _dangling(word: str) -> bool:
    """Is the word one of DANGLING_WORDS once normalised?"""
    if _plain_arabic(word):  # (most words: no normalising, no pattern's search)
        return word in _DANGLING_SPELLINGS
    if not word or longer_when_normal(word, _LONGEST_DANGLING):
        return False
    # (a first or last letter that stays as it is and that no dangling word has: not one)
    first, last = word[0], word[-1]
    if (first not in _DANGLING_FIRST and kept_as_is(first)) or (
        last not in _DANGLING_LAST and kept_as_is(last)
    ):
        return False
    return normalize(word) in _DANGLING


# The letters normalisation folds among the Arabic letters ء to ي (hamza's seats, ta marbuta,
# alef maqsura; tatweel, which it drops, is no plain letter: see _plain_arabic).
_LETTER_FOLDS: Final = MappingProxyType({"ا": "اأإآ", "ه": "هة", "ي": "يى"})


def _spellings(word: str) -> set[str]:
    """Every word of plain Arabic letters that normalises to ``word``."""
    forms = {""}
    for char in word:
        forms = {form + alt for form in forms for alt in _LETTER_FOLDS.get(char, char)}
    return forms


# DANGLING_WORDS as a word of plain Arabic letters may spell them (a few hundred): such a word
# is one when it is one of these, told without normalising it.
_DANGLING_SPELLINGS: Final = frozenset(
    spelling for word in _DANGLING for spelling in _spellings(word)
)


def _plain_arabic(word: str) -> bool:
    """Whether ``word`` is made of the Arabic letters ء to ي but tatweel: normalisation folds
    them one to one (_LETTER_FOLDS) and keeps the others as they are, whatever stands around
    them."""
    for k in range(len(word)):
        code = ord(word[k])
        if not 0x621 <= code <= 0x64A or code == 0x640:
            return False
    return bool(word)


def _bare_name(norm: str) -> bool:
    """A line that is a name of two or three words ending on علي (a normalised line that ends
    on على), such as a byline without its byline word: not a sentence cut after على, whose
    first word is not a name's (it has the article: الاعتداء على)."""
    words = norm.split()
    return (
        2 <= len(words) <= 3
        and words[-1] == _ALI
        and not words[0].startswith("ال")
        and is_name(norm, BARE_NAME_WORDS)
    )


_ALI: Final = normalize("علي")


def _piece(rest: str) -> str:
    """A line as it goes on the one before: after a space, unless it opens with a mark."""
    return rest if rest[0] in _MARKS else " " + rest


def _tail(first: str, more: list[str]) -> str:
    """The end of a line being joined (``first`` and the pieces ``more`` after it), enough to
    judge it: the whole line while it is one piece (a widget's label is judged whole), else its
    last characters."""
    if not more:
        return first
    last_two = first + more[0] if len(more) == 1 else more[-2] + more[-1]
    return last_two[-_TAIL_CHARS:].lstrip()


def _ellipsis(line: str) -> bool:
    """A line opened by an ellipsis (a snippet's "... " cut from its story) starts text."""
    return line.startswith(("..", "…"))


def _running(line: str) -> bool:
    """Running prose stopped short: a sentence's words (commas and all) and no mark at its end.
    What follows it, when short, is the link it stopped at."""
    return (
        line[-1] not in _MARKS
        and ("،" in line or "," in line)
        and line.count(" ") + 1 >= _PROSE_WORDS
        and not _widget(line)
        and not (line[-1] == ")" and closing_agency(normalize(line[-_TAIL_CHARS:])) is not None)
        and not _dated(line)
    )


def _dated(line: str) -> bool:
    """A date line, which a dual date makes as long as prose, commas and all (الأربعاء، 15
    جمادى الآخرة 1448 هـ - 25 نوفمبر 2026 م): what follows it is no link it stopped at."""
    norm = normalize(line)
    words = norm.count(" ") + 1
    return is_date_line(norm, words, words)


def join_fragments(lines: list[str]) -> list[str]:
    """Lines cut at inline elements, joined back (see the module's docstring); a blank line
    ("") between two lines keeps them apart, and a list item (a line opened by a bullet) is
    never joined to the line above it. Blank lines are not returned."""
    return _join(lines, [0] * len(lines))[0]


def _short(line: str) -> bool:
    """A line of at most _INLINE_WORDS words, no mark at its end: the link after a cut."""
    # (split no further than the count needs: a paragraph's line is not split whole)
    return line[-1] not in _MARKS and len(line.split(None, _INLINE_WORDS)) <= _INLINE_WORDS


def _goes_on(
    line: str, tail: str, last: str, after_cut: bool, known: dict[str, bool], *, following: str
) -> tuple[bool, bool]:
    """Whether ``line`` goes on the line before it, whose end is ``tail`` and last piece
    ``last`` (``after_cut``: that piece was joined after a cut word), and whether it does
    after a cut word (what follows it is its link); ``known``: see :func:`is_cut`;
    ``following``: the line after ``line`` when no blank line parts them, else ""."""
    if line[0] in _MARKS and last[-1] not in _FINAL and not _ellipsis(line):
        return True, False
    if is_cut(tail, known):
        return True, _short(line)
    if _running(last) and _short(line):
        return True, True
    if following:  # a link cut out of a sentence (BeautifulSoup's text)
        if _link_between(last, line, following):
            return True, True
        if _opening_link(last, line, following):
            return True, False
        if _verb_before_link(last, line, following):
            return True, True
    return after_cut and not line[0].isdigit(), False


def _link_between(before: str, line: str, after: str) -> bool:
    """A link cut out of a sentence (BeautifulSoup writes a line per text node): a sentence's
    start with no mark at its end (see _sentence_start: titles are none), then a few words that
    are no label, date or count (the link's text), then the sentence's end (أعلنت الوزارة أن
    المفاوضات بين إسرائيل وحركة / حماس / بشأن هدنة ...; وقال رئيس الوزراء / محمد مصطفى / في
    مستهل الجلسة ...)."""
    if before[-1] in _MARKS or not _ends_sentence(after) or not _short(line):
        return False
    if before[0] in _BULLETS or ":" in line or any(char.isdigit() for char in line):
        return False  # a list's item or a deck; a label, a date or a count: the header's lines
    return _sentence_start(before)


def _ends_sentence(line: str) -> bool:
    """A line that ends a sentence: with a final mark, or with a colon after words enough for a
    clause that introduces a quote (... على منصة «إكس»:), which a label (المصدر:) has not."""
    if line[-1] in _FINAL:
        return True
    return line[-1] == ":" and line.count(" ") + 1 >= _QUOTING_WORDS


def _sentence_start(line: str) -> bool:
    """A line no title is: it holds a complementizer or a relative pronoun (with words enough
    for a sentence), or it opens with a verb of attribution."""
    words = normalize(line[-_TAIL_CHARS:]).split()
    if len(words) >= _PROSE_START_WORDS and not _SENTENCE_WORDS.isdisjoint(words):
        return True
    return _opens_with_attribution(line)


def _opens_with_attribution(line: str) -> bool:
    """A line that opens with a verb of attribution, with its و or not (وقال رئيس الوزراء،
    وأوضح السيد), or with و and a verb in the past (وانخفضت العقود الآجلة): a sentence's start,
    never a title's (a title opens with no و)."""
    first = normalize(line.split(None, 1)[0])
    if first in _OPENERS:
        return True
    return first[:1] == "و" and (first[1:] in _OPENERS or _past_verb(first[1:]))


def _past_verb(word: str) -> bool:
    """A verb in the past, by its feminine ت (سجلت، وقعت، انخفضت): not a plural in ات, nor
    a word with the article. (A place ending so, بيروت, is ruled out by the caller.)"""
    return (
        len(word) in _VERB_LETTERS
        and word.isalpha()
        and word[-1] == "ت"
        and not word.endswith(("ات", "وت"))
        and not word.startswith("ال")
    )


def _opening_link(before: str, line: str, after: str) -> bool:
    """A link inside a sentence: a few words, or a sentence's start (see _sentence_start),
    with no mark at their end, the link's text, then the sentence going on after a comma
    (أطلقت / وزارة البلدية / ، ممثلة في ...; وأشارت إلى أن تكلفة المشروع تبلغ / 52 مليون دينار /
    ، ويمول ...). The comma says the link sits inside a sentence, whose start is the line
    before it."""
    return (
        after[0] in _CLAUSE_MARKS
        and before[-1] not in _MARKS
        and before[0] not in _BULLETS
        and _short(line)
        and (before.count(" ") < _OPENING_WORDS or _sentence_start(before))
    )


def _verb_before_link(before: str, line: str, after: str) -> bool:
    """A sentence's first word alone, a verb in the past (its feminine ت: سجلت، وقعت، أطلقت),
    then a link of two words or more (its subject, a name), then the sentence going on to its
    end (سجلت / محمية جزيرة تاروت / في المنطقة الشرقية ارتفاعا ...). A noun's plural ends in ات
    and a place's name is no verb (بيروت)."""
    # (the cheap tests first: most lines before another are no lone word ending in ت)
    if before[-1] != "ت" or " " in before or after[-1] not in _FINAL:
        return False
    if not _past_verb(before) or after.count(" ") + 1 < _PROSE_WORDS or not _short(line):
        return False
    # (a link of two words or more, a name: a poll's buttons, تصويت / النتائج, are one word
    # each; and what follows goes on the sentence, it opens no new one: وقال ...)
    if " " not in line or any(char.isdigit() for char in line) or ":" in line:
        return False
    return not _opens_with_attribution(after) and not is_place(normalize(before))


# How many letters a verb in the past with its feminine ت has (سجلت to واستعرضت).
_VERB_LETTERS: Final = range(3, 10)
# The marks after a link inside a sentence; the most words before a sentence's first link
# that are joined to it (a title, above a paragraph that opens with a link, has more).
_CLAUSE_MARKS: Final = frozenset("،,")
_OPENING_WORDS: Final = 3
# Verbs of attribution that open a sentence (نشر also opens a date's label: نشر في).
_OPENERS: Final = frozenset(normalize(w) for w in ATTRIBUTION_VERBS if not w.startswith("نشر"))


# Words that make a line a sentence's start, never a title's: complementizers and relative
# pronouns (normalised: أن and إن are both ان); with at least this many words.
# The fewest words of a clause that ends with a colon before a quote (رشيد الخالدي على منصة
# «إكس»:); a label has one to three (المصدر:، اقرأ أيضا:، رابط مختصر:).
_QUOTING_WORDS: Final = 4
_SENTENCE_WORDS: Final = frozenset({"ان", "انه", "انها", "التي", "الذي", "الذين", "اللذين"})
_PROSE_START_WORDS: Final = 6


def _join(lines: list[str], rows: list[int]) -> tuple[list[str], list[int]]:
    """:func:`join_fragments`, with each line's table row (``rows``, 0: none): a table's cell
    is never joined, nor joined to."""
    out: list[str] = []
    kept: list[int] = []  # the row of each line of out
    # The line being joined: its first piece, the pieces after it (joined once, when the line
    # is done: no quadratic copying; plain locals, no object per line) and its last line.
    first = last = ""
    more: list[str] = []
    after_cut = False  # the last line was joined after a cut word: what follows is its link
    adjacent = False  # no blank line between the last line and this one
    known: dict[str, bool] = {}  # the last words looked up (see is_cut)
    for k in range(len(lines)):  # (indexes: no zip object and no tuple per line)
        line = lines[k]
        row = rows[k]
        if not line:
            adjacent = after_cut = False
            continue
        if row or (kept and kept[-1]):
            adjacent = after_cut = False
        if adjacent and line[0] not in _BULLETS:
            following = lines[k + 1] if k + 1 < len(lines) and not rows[k + 1] else ""
            joins, after_cut = _goes_on(
                line, _tail(first, more), last, after_cut, known, following=following
            )
            if joins:
                more.append(_piece(line))
                last = line
                continue
        if kept:
            out.append(first + "".join(more) if more else first)
            if more:
                more = []
        first = last = line
        kept.append(row)
        after_cut = False
        adjacent = True
    if kept:
        out.append(first + "".join(more) if more else first)
    return out, kept


def split_cells(lines: list[str]) -> list[str]:
    """A line of tab-separated cells as one line per cell."""
    if not any("\t" in line for line in lines):
        return lines
    return cell_rows(lines)[0]


# Columns of a table that a renderer aligns with spaces (inscriptis): two spaces or more
# between cells, on at least _MIN_ROWS consecutive lines of the same number of cells, each of
# at most _CELL_WORDS words.
_COLUMNS: Final = re.compile(r"[ \t]{2,}")
# The rule a text table draws under its header row: runs of dashes (or = signs), one a column.
_RULE_ROW: Final = re.compile(r"[-=]{3,}(?: [-=]{3,})*")
# A cell of a row laid out in columns: the first word at the line's start or after two spaces,
# and the words after it one space apart.
_CELL: Final = re.compile(r"(?:(?<=^)|(?<=  ))[^ ](?:[^ ]| (?! ))*+", re.M)
_MIN_ROWS: Final = 2
_CELL_WORDS: Final = 25


def _aligned(lines: list[str]) -> set[int]:
    """The lines that are rows of a table laid out in columns of spaces."""
    found: set[int] = set()
    run: list[int] = []
    width = 0
    for k, line in enumerate([*lines, ""]):
        if not run and "  " not in line:
            continue  # no cell, no table under way: nothing changes (most lines)
        stripped = line.strip()
        if run and _RULE_ROW.fullmatch(stripped):
            continue  # the rule under a header row (pandoc's plain text): the table goes on
        # (a list item's marker and the spaces after it, pandoc's "-   item", make no cell)
        cells = _COLUMNS.split(stripped) if "  " in stripped and not _item(stripped) else []
        wide = len(cells) >= 2 and all(cell.count(" ") < _CELL_WORDS for cell in cells)
        if wide and (not run or len(cells) == width):
            run.append(k)
            width = len(cells)
            continue
        if len(run) >= _MIN_ROWS:
            found.update(run)
        run, width = ([k], len(cells)) if wide else ([], 0)
    return found


def _run(aligned: set[int], first: int) -> range:
    """The lines of the run of table rows that starts at line ``first``."""
    last = first
    while last + 1 in aligned:
        last += 1
    return range(first, last + 1)


def _item(stripped: str) -> bool:
    """A stripped line that opens with a list marker and white space (``-   item``)."""
    return stripped[0] in _BULLETS and stripped[1:2].isspace()


def _cell_starts(line: str) -> tuple[int, ...]:
    """Where each cell of a row laid out in columns of spaces starts."""
    return tuple(found.start() for found in _CELL.finditer(line))


def _header(line: str, starts: tuple[int, ...]) -> list[str] | None:
    """The cells of the line above a table laid out in columns, when its words start at the
    columns the rows start at: a header wider than the rows' cells is set one space apart
    (lynx, w3m), its columns still where the rows' are. None when it is no such header."""
    if len(line) <= starts[-1] or "  " in line.strip():
        return None
    cells: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
        if start and line[start - 1] != " ":
            return None  # a word runs across the column
        cell = line[start:end].strip()
        if not cell:
            return None
        cells.append(cell)
    return cells if line[: starts[0]].strip() == "" else None


def cell_rows(lines: list[str]) -> tuple[list[str], list[int]]:
    """Table rows as one line per cell: a line of tab-separated cells (a browser's
    innerText), or of cells aligned in columns with spaces (inscriptis), with the header row
    above them that is set one space apart (see :func:`_header`). With each line, its row
    (numbered from 1; 0 for a line that is no table's)."""
    aligned = _aligned(lines) if any("  " in line for line in lines) else set()
    headers: dict[int, list[str]] = {}
    for k in sorted(aligned):
        if k - 1 in aligned or k == 0:
            continue
        starts = _cell_starts(lines[k])
        if starts and all(_cell_starts(lines[j]) == starts for j in _run(aligned, k)):
            header = _header(lines[k - 1], starts)
            if header is not None:
                headers[k - 1] = header
    out: list[str] = []
    rows: list[int] = []
    row = 0
    for k, line in enumerate(lines):
        if not aligned and "\t" not in line:  # no table row: the line as it is (most lines)
            out.append(line)
            rows.append(0)
            continue
        if k - 1 in aligned and k + 1 in aligned and _RULE_ROW.fullmatch(line.strip()):
            continue  # a header's rule, inside the table
        if "\t" in line:
            cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        elif k in headers:
            cells = headers[k]
        elif k in aligned:
            cells = _COLUMNS.split(line.strip())
        else:
            out.append(line)
            rows.append(0)
            continue
        row += 1
        out.extend(cells)
        rows.extend([row if len(cells) >= 2 else 0] * len(cells))
    return out, rows


def _width(line: str) -> int:
    """A line's width as wrapping sees it; 0 for a blank line, and for a line holding a word
    no wrapping can break (a URL, as text-mode browsers list their links; looked for in the
    line's first _WORD_SCAN characters): it runs past the column whatever the column."""
    stripped = line.strip()
    if len(stripped) <= _LONG_WORD:
        return len(stripped)
    words = stripped[:_WORD_SCAN].split()  # (a line that long is no wrapped line either way)
    return 0 if max(map(len, words)) > _LONG_WORD else len(stripped)


def link_marks(lines: list[str], text: str | None = None) -> list[str]:
    """Lines without the marks of links that renderers write in plain text, when the page
    has many of them: the link numbers a text-mode browser writes before each link's text
    (``[12]وزارة الصحة``, ``lynx -dump``), and the addresses some converters write after it
    in parentheses (``رياضة (/sports/ar)``). The link's text stays. ``text``: the text the
    lines were split from, when the caller has it."""
    # (the marks are counted in the first lines at once, in the text itself when they are all
    # of it: no mark runs past a line's end, and one scan of the whole by the pattern's first
    # character takes less time than a search of each line, whose Arabic makes a search for
    # "(" by its low byte stop at every ب: 3.6 -> 0.9 us a page of the text fixtures, compiled,
    # for more instructions, run faster; "[" is found by its low byte, which no Arabic has)
    if text is None or len(lines) > _NUMBERED_SCAN:
        text = "\n".join(lines[:_NUMBERED_SCAN])
    head = text
    if "[" in head and len(_LINK_NUMBER.findall(head)) >= _MIN_LINK_NUMBERS:
        lines = _without(lines, "[", _LINK_NUMBER)
        head = "\n".join(lines[:_NUMBERED_SCAN])
    if len(_LINK_URL_COUNTED.findall(head)) >= _MIN_LINK_URLS:
        lines = _without(lines, "(", _LINK_URL)
    return lines


def _without(lines: list[str], sign: str, mark: re.Pattern[str]) -> list[str]:
    """``lines`` with every ``mark`` removed (every mark holds ``sign``: the lines without it
    are not searched)."""
    return [mark.sub("", line) if sign in line else line for line in lines]


def image_alts(lines: list[str]) -> list[str]:
    """Lines without the images text-mode renderers write as their alternative text in
    brackets (``[شعار الموقع]``: w3m, pandoc's plain text), a line each: an image shows no
    text of the page's (a blank line in its place, as in the page it stood apart)."""
    if not any("[" in line for line in lines):
        return lines
    return ["" if _IMAGE_ALT.fullmatch(line.strip()) else line for line in lines]


def text_lines(text: str) -> list[str]:
    """The page text's blocks, one a line: link numbers gone, unwrapped, cells apart, cut
    sentences joined."""
    return text_rows(text)[0]


def text_rows(text: str) -> tuple[list[str], list[int]]:
    """:func:`text_lines`, with each line's table row (0: none; see :func:`cell_rows`)."""
    raw = link_marks(text.splitlines(), text)
    column = wrap_column(raw)
    lines = unwrap(raw, column) if column is not None else [line.rstrip() for line in raw]
    lines = image_alts(lines)  # (a long one wrapped over lines is one line again)
    if "\t" in text or "  " in text:
        cells, rows = cell_rows(lines)
    else:
        cells, rows = lines, [0] * len(lines)
    return _join([cell.strip() for cell in cells], rows)
