"""A whole page joined on one line, cut back into lines before it is read.

Some tools hand a page over as one line: BeautifulSoup's ``get_text(" ")``, trafilatura's
``html2txt``, resiliparse's ``extract_plain_text(preserve_formatting=False)``. Its menus, lists
and article run together; the page's line breaks are gone, but most of what the engine reads
a line by still shows in the words. The line is cut:

- after every **sentence** (``.``, ``!``, ``؟``, ``…``, Urdu's ``۔``): the article's sentences
  become lines of their own, as do the teasers a list cuts short with ``...``;
- around every **date** (with its weekday) and **clock time**: a page's header and its lists
  stamp items with them;
- around the **prompts** of share bars, comment boxes, follow-us and read-also boxes and
  keyword lists (phrases of two words or more of their rule families: ``شارك هذا الخبر``,
  ``أضف تعليقاً``), wherever they stand, and a share bar's **buttons** (two or more of its
  one-word phrases in a row, or one after a prompt: ``فيسبوك واتساب``);
- around the **headers** of related and most-read lists and of menus (``مقالات ذات صلة``) and a
  keyword list's label (``الوسوم``), and before a footer's phrases (``جميع الحقوق محفوظة``: its
  owner follows them), in the pieces that do not end a sentence: their phrases are common words
  inside sentences (``المزيد من``);
- around the **page title** shown again: when the line starts with "headline - site" (the
  ``<title>`` that BeautifulSoup keeps), the headline where the page shows it again;
- else around the **title above a lead**: in a piece that ends no sentence, the run of words
  that shares most words with the sentences of running text that follow (a headline runs into
  the menu and the section's name before it);
- after a **title run into its lead**: a sentence whose first words open a title-like piece
  elsewhere on the page (the headline in the page's header) is cut after them.

A piece of many words that still ends no sentence is items run together (a menu, a list of
teasers): it is cut into pieces of a few words, which the classifier reads as a menu or a list
of titles, as it reads them in lines. The pieces are the original text, unchanged.
"""

from __future__ import annotations

from itertools import islice, pairwise
from typing import Final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.dates import stamps
from arabic_extract.engine.normalize import normalize, normalize_with_offsets
from arabic_extract.engine.reflow import link_marks
from arabic_extract.engine.words import STOPWORD_SET, bare, tokens
from arabic_extract.rules import CLOSERS, Family, phrases_trie
from arabic_extract.rules.noise import NOISE_FAMILIES

# The share of a text's characters its longest line holds when the text is that one line.
ONE_LINE_SHARE: Final = 0.8

# A sentence's end: its marks and the quotes or brackets that close it, before a space.
# (A run of marks is matched from its first: linear on a run of them with no space after.)
_SENTENCE_END: Final = regex.compile(r"(?<![.!?؟…۔])[.!?؟…۔]++[\"'»”’)\]]*+(?=\s)")
# The marks a finished sentence ends with (an ellipsis cuts a teaser short: it is no end).
_FULL_STOPS: Final = frozenset(".!?؟۔")
_WORD: Final = regex.compile(r"\S++")
_LETTER: Final = regex.compile(r"\p{L}")
# Marks around a button's word (|فيسبوك|, "طباعة").
_MARKS_AROUND: Final = "|•·/-–—:,،()[]«»\"'"
# What parts a page's title: a dash or a bar between spaces ("headline - site").
_TITLE_SEPARATOR: Final = regex.compile(r"\s[|\-–—]\s")
# A title is looked for among the last this many words of the piece above a lead (and the
# page's title among the first this many words of the line); the lead is the first sentences
# of running text (up to _LEAD_SENTENCES) among the _LEAD_REACH pieces of three words or more
# after it (a date, a time, a byline and a prompt may stand between them). A word of the
# title that is not the lead's costs _OTHER_WORD (a word of the lead counts one): titles say
# what the lead says in other words too. On the fixtures joined on one line (trafilatura's
# html2txt, resiliparse), the lead's first sentence alone and a cost of one found 1 headline
# in 20; three sentences and a half, 3 (the others take in the section's name before the
# title, or leave words out).
_TITLE_REACH: Final = 40
_LEAD_REACH: Final = 6
# Pieces looked at after a title in all, short ones too (bounds the work on a page of items).
_LEAD_SCAN: Final = 4 * _LEAD_REACH
_LEAD_SENTENCES: Final = 3
# A lead sentence's first this many words are read: a title shares words with its start (the
# dev pages' and fixtures' one-line leads hold 119 words at most), and a "sentence" of
# thousands of words (a hostile line's rest, one piece past its cuts) is not read whole.
_LEAD_WORDS: Final = 200
_OTHER_WORD: Final = 0.5
# However short the line, this many cuts are allowed (the rate of one_line_cut_chars would
# allow 83 on a line of one_line_page_chars; real lines that short have 19-36).
_MIN_CUTS: Final = 100
# Title-like pieces kept for each opening of their first words (a page of pieces that open
# alike, a list of "وزير ..." teasers, is not compared pair by pair).
_SAME_OPENING: Final = 4

# Rule families whose phrases are prompts, cut around wherever they stand, and those whose
# phrases head a list or a footer, cut around only outside sentences.
_PROMPT_FAMILIES: Final = frozenset(
    {"share-bar", "comments", "follow-prompt", "read-also", "keywords"}
)
_HEADER_FAMILIES: Final = frozenset({"related", "most-read", "breadcrumb", "navigation"})


def _phrases(
    names: frozenset[str], families: tuple[Family, ...], whole: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The phrases of two words or more of the named families, and all the phrases of the
    ``whole`` ones, normalised (a single word is too often a word of a sentence: شارك،
    التعليقات)."""
    return frozenset(
        " ".join(normalize(p).split())
        for f in families
        if f.name in names
        for p in f.phrases
        if f.name in whole or len(p.split()) >= 2
    )


# A phrase stands as whole words: no letter or digit right before it or right after it.
WORD_BEFORE: Final = r"(?<![\p{L}\p{N}])"
WORD_AFTER: Final = r"(?![\p{L}\p{N}])"
_ONE_SPACE: Final = r"\ "  # (normalised text: words one space apart)


def _whole_words(phrases: frozenset[str]) -> str:
    """A pattern of phrases as whole words, one trie (see
    :func:`~arabic_extract.rules.phrases_trie`; it reads as their alternation longest first):
    an alternation of 150 phrases is tried phrase after phrase at every word (3 µs a word on a
    line of one-letter words); the trie reads a word's first letters once."""
    return f"{WORD_BEFORE}(?:{phrases_trie(phrases, _ONE_SPACE)}){WORD_AFTER}"


PROMPT_PHRASES: Final = _phrases(_PROMPT_FAMILIES, NOISE_FAMILIES)
_PROMPTS: Final = regex.compile(_whole_words(PROMPT_PHRASES))
# (a keyword list's one-word label, الوسوم, heads it too: outside sentences it is cut around)
HEADER_PHRASES: Final = _phrases(
    _HEADER_FAMILIES | {"keywords"}, NOISE_FAMILIES, frozenset({"keywords"})
)
_HEADERS: Final = regex.compile(_whole_words(HEADER_PHRASES))
# A footer's phrases are cut before only: what follows them is the footer's own (جميع الحقوق
# محفوظة لـ "دار الصباح", the owner the site's name is read from).
FOOTER_PHRASES: Final = _phrases(frozenset({"footer"}), NOISE_FAMILIES)
_FOOTERS: Final = regex.compile(_whole_words(FOOTER_PHRASES))
# The one-word phrases of share bars and follow-us prompts (شارك، فيسبوك، واتساب، طباعة): a
# run of two or more of them, or one after a prompt, is a share bar's buttons (a sentence
# names a network with a preposition or a conjunction: عبر فيسبوك، وتويتر).
_BUTTON_FAMILIES: Final = frozenset({"share-bar", "follow-prompt"})
_BUTTONS: Final = frozenset(
    normalize(p)
    for f in NOISE_FAMILIES
    if f.name in _BUTTON_FAMILIES
    for p in f.phrases
    if len(p.split()) == 1
)


def page_line(lines: list[str], config: ExtractionConfig) -> int | None:
    """The index of the line that is the whole page, when the text is one long line (at least
    ``one_line_page_chars``, and nearly all of its characters); None for text in lines."""
    sizes = [len(line) for line in lines]
    longest = max(sizes, default=0)
    if longest < config.one_line_page_chars or longest < ONE_LINE_SHARE * sum(sizes):
        return None
    return sizes.index(longest)


def cut_page(text: str, config: ExtractionConfig) -> list[str] | None:
    """The lines of a page text that is one long line, cut (see the module's docstring); None
    when the text is not one long line. The marks renderers leave around links go first
    (:func:`~arabic_extract.engine.reflow.link_marks`); the line's first ``max_line_chars``
    characters are cut, the rest stays one line, which bounds the time."""
    size = len(text)
    if size < config.one_line_page_chars:
        return None
    # (a line that holds ONE_LINE_SHARE of the text spans its middle: a line break there
    # rules it out without splitting the text)
    if text.find("\n", int(size * (1 - ONE_LINE_SHARE)), int(size * ONE_LINE_SHARE)) >= 0:
        return None
    lines = text.splitlines()
    at = page_line(lines, config)
    if at is None:
        return None
    line = link_marks([lines[at].strip()])[0]
    limit = config.max_line_chars
    if len(line) > limit:  # (cut between words)
        space = line.rfind(" ", 0, limit + 1)
        limit = space if space > 0 else limit
    head, rest = line[:limit], line[limit:]
    pieces = cut_line(head, config)
    if rest.strip():
        pieces.append(rest.strip())
    kept = [*lines[:at], *pieces, *lines[at + 1 :]]
    return [piece.strip() for piece in kept if piece.strip()]


def cut_line(line: str, config: ExtractionConfig) -> list[str]:
    """The pieces of a page joined on one line, in order (see the module's docstring). Each
    step's cuts are bounded (:func:`_first_cuts`: once every ``one_line_cut_chars``
    characters, ``one_line_max_cuts`` in all): a hostile line is a bounded number of pieces,
    however many stamps, prompts, headers or titles it repeats."""
    norm, offsets = normalize_with_offsets(line)
    end = len(norm)
    limit = min(config.one_line_max_cuts, max(_MIN_CUTS, end // config.one_line_cut_chars))
    cuts = {0, end}
    cuts.update(_sentence_ends(norm))
    for start, stop in stamps(norm):
        cuts.update((start, stop))
    prompts = [match.span() for match in _PROMPTS.finditer(norm)]
    for span in prompts:
        cuts.update(span)
    cuts.update(_button_runs(norm, prompts))
    cuts = _first_cuts(cuts, limit, end)
    shown = _title_cuts(norm, cuts, config)
    cuts = _first_cuts(cuts | set(shown), limit, end)
    for start, stop in pairwise(sorted(cuts)):
        if not _ends_sentence(norm[start:stop]):
            for match in _HEADERS.finditer(norm, start, stop):
                cuts.update(match.span())
            cuts.update(match.start() for match in _FOOTERS.finditer(norm, start, stop))
    cuts = _first_cuts(cuts, limit, end)
    if not shown:  # (where the page's title is shown again, that is the headline)
        cuts.update(_titles_above_leads(norm, sorted(cuts), config))
    cuts.update(_titles_before_leads(norm, sorted(cuts), config))
    pieces: list[str] = []
    for start, stop in pairwise(sorted(_first_cuts(cuts, limit, end))):
        first = offsets[start] if start < len(offsets) else len(line)
        last = offsets[stop] if stop < len(offsets) else len(line)
        piece = line[first:last].strip()
        if piece:
            pieces.extend(_items(piece, _ends_sentence(norm[start:stop]), config))
    return pieces


def _first_cuts(cuts: set[int], limit: int, end: int) -> set[int]:
    """The first ``limit`` cuts and the line's ``end``: past them the rest of the line is one
    piece (a hostile line of stamps, '!3:20' a thousand times, or of a list's label, 'tags'
    three thousand times, is not thousands of blocks)."""
    if len(cuts) <= limit:
        return cuts
    return set(sorted(cuts)[:limit]) | {end}


def _sentence_ends(norm: str) -> list[int]:
    """Where the sentences of a normalised line end: after a sentence's mark, when a letter
    stands since the last end (a run of marks, "! ! !", makes no sentences: each would be a
    block of its own, thousands on a hostile line)."""
    ends: list[int] = []
    last = 0
    lettered = False  # a letter since the last end
    for match in _SENTENCE_END.finditer(norm):
        # (each stretch is searched once: from the last mark's end, not the last cut's)
        lettered = lettered or _LETTER.search(norm, last, match.start()) is not None
        if lettered:
            ends.append(match.end())
            lettered = False
        last = match.end()
    return ends


def _button_runs(norm: str, prompts: list[tuple[int, int]]) -> list[int]:
    """Cuts around the runs of a share bar's buttons: two or more of _BUTTONS in a row, or one
    or more right next to a prompt (شارك هذا الخبر فيسبوك واتساب، مشاركة أضف تعليقاً)."""
    ends = {end for _, end in prompts}
    starts = {start for start, _ in prompts}
    found: list[int] = []
    start = end = -1
    count = 0
    for word in _WORD.finditer(norm):
        if word.group().strip(_MARKS_AROUND) in _BUTTONS:
            if count == 0:
                start = word.start()
                count = 2 if word.start() - 1 in ends else 1  # (after a prompt: a run)
            else:
                count += 1
            end = word.end()
            continue
        if count >= 2 or (count == 1 and end + 1 in starts):  # (or right before one)
            found.extend((start, end))
        count = 0
    if count >= 2:
        found.extend((start, end))
    return found


def _titles_above_leads(norm: str, bounds: list[int], config: ExtractionConfig) -> list[int]:
    """Cuts around the title run into the piece above a story's lead: in a piece that ends no
    sentence, the run of words (up to ``max_headline_words``) that shares most words with the
    sentences of running text (``good_min_words`` or more) that follow within a few pieces: a
    word of the lead counts one, another word minus _OTHER_WORD, a function word nothing. (The
    headline runs into the menu and the section's name before it, and into a stamp's label
    after it: تم نشره.) Each piece's words are counted, and a lead's words read, once: a piece
    is in the reach of many pieces before it (a hostile line of a thousand stamps and one
    long sentence read that sentence a thousand times)."""
    spans = list(pairwise(bounds))
    sizes = [len(norm[start:end].split()) for start, end in spans]
    sentences = [_ends_sentence(norm[start:end]) for start, end in spans]
    lead_words: dict[int, frozenset[str]] = {}
    found: list[int] = []
    for at, (start, end) in enumerate(spans):
        if sentences[at]:
            continue
        lead = _lead_after(sizes, sentences, at, config)
        for i in lead:
            if i not in lead_words:
                first, last = spans[i]
                lead_words[i] = _lead_words(
                    " ".join(norm[first:last].split(maxsplit=_LEAD_WORDS)[:_LEAD_WORDS])
                )
        if lead:
            words = [lead_words[i] for i in lead]
            found.extend(_title_run(norm, start, end, words, config))
    return found


def _titles_before_leads(norm: str, bounds: list[int], config: ExtractionConfig) -> list[int]:
    """Cuts after a title run into the sentence that follows it: a sentence of running text
    whose first words (``min_title_words`` to ``max_headline_words``) open a title-like piece
    elsewhere on the page (one that ends no sentence: the headline shown in the page's header,
    or with its section's name after it) is cut after them, and that piece too. A headline
    stands right above its lead, where no mark parts them."""
    titles: dict[tuple[str, ...], list[list[regex.Match[str]]]] = {}
    sentences: list[list[regex.Match[str]]] = []
    for start, end in pairwise(bounds):
        words = list(islice(_WORD.finditer(norm, start, end), config.max_headline_words + 1))
        if len(words) < config.min_title_words:
            continue
        if _ends_sentence(norm[start:end]):
            sentences.append(words)
        elif len(words) <= config.max_headline_words:
            key = tuple(w.group() for w in words[: config.min_title_words])
            same = titles.setdefault(key, [])
            if len(same) < _SAME_OPENING:
                same.append(words)
    found: list[int] = []
    for words in sentences:
        key = tuple(w.group() for w in words[: config.min_title_words])
        for title in titles.get(key, []):
            shared = 0
            for first, second in zip(words, title, strict=False):
                if first.group() != second.group():
                    break
                shared += 1
            if shared < len(words) and shared >= config.min_title_words:
                found.append(words[shared - 1].end())
                if shared < len(title):
                    found.append(title[shared - 1].end())
    return found


def _lead_after(
    sizes: list[int], sentences: list[bool], at: int, config: ExtractionConfig
) -> list[int]:
    """The pieces that are the first sentences of running text (up to _LEAD_SENTENCES) among
    the _LEAD_REACH pieces of a few words or more after piece ``at`` (``sizes``: each piece's
    words; ``sentences``: whether it ends a sentence): a stamp, a button, a label of one or two
    words between a headline and its lead does not count."""
    lead: list[int] = []
    reach = 0
    for i in range(at + 1, min(len(sizes), at + 1 + _LEAD_SCAN)):
        if sizes[i] < config.min_title_words:
            continue
        reach += 1
        if reach > _LEAD_REACH or len(lead) == _LEAD_SENTENCES:
            break
        if sizes[i] >= config.good_min_words and sentences[i]:
            lead.append(i)
    return lead


def _title_run(
    norm: str, start: int, end: int, lead: list[frozenset[str]], config: ExtractionConfig
) -> list[int]:
    """Where the best-scoring run of words of ``norm[start:end]`` (see
    :func:`_titles_above_leads`) starts and ends; nothing when it is shorter than a title or
    scores less than ``min_title_words`` (Kadane's maximum-sum run, as the main run's)."""
    words = list(_WORD.finditer(norm, start, end))[-_TITLE_REACH:]
    best, best_span = 0.0, (0, 0)
    total, first = 0.0, 0
    for i, word in enumerate(words):
        if total <= 0:
            total, first = 0.0, i
        total += _lead_weight(word.group(), lead)
        if total > best and i - first < config.max_headline_words:
            best, best_span = total, (first, i)
    first, last = best_span
    if best < config.min_title_words or last - first + 1 < config.min_title_words:
        return []
    return [words[first].start(), words[last].end()]


def _lead_words(text: str) -> frozenset[str]:
    """The bare words (see :func:`~arabic_extract.engine.words.bare`) of a normalised text:
    its words of three letters or more, and its numbers."""
    return frozenset(bare(w) for w in tokens(text) if len(w) > 2 or w.isdigit())


def _lead_weight(word: str, lead: list[frozenset[str]]) -> float:
    """One for a word of the lead (the words of its sentences), nothing for a function word or
    a mark, minus _OTHER_WORD for another word."""
    found = tokens(word)
    if any(bare(w) in words for w in found if len(w) > 2 or w.isdigit() for words in lead):
        return 1.0
    if not found or all(w in STOPWORD_SET or len(w) <= 2 for w in found):
        return 0.0
    return -_OTHER_WORD


def _ends_sentence(norm: str) -> bool:
    """Does a piece end a sentence (a full stop, not an ellipsis)?"""
    end = norm.rstrip(CLOSERS)
    return end[-1:] in _FULL_STOPS and not end.endswith("..")


def _items(piece: str, sentence: bool, config: ExtractionConfig) -> list[str]:
    """A piece of ``one_line_run_words`` words or more that ends no sentence is items run
    together: cut into pieces of ``one_line_item_words`` words (``one_line_max_items`` at
    most, the rest one piece)."""
    words = piece.split()
    if sentence or len(words) < config.one_line_run_words:
        return [piece]
    # (items are words with letters: marks with none between them, " " " ..., or numbers,
    # 0 0 0 ..., are no run of a menu's items, and a hostile line of them is not cut into a
    # block every two marks or numbers: 4,000 blocks of "0 0", 23 ms, on a 16 KB line)
    if sum(1 for word in words if _LETTER.search(word) is not None) < config.one_line_run_words:
        return [piece]
    size = config.one_line_item_words
    reach = min(len(words), size * config.one_line_max_items)
    items = [" ".join(words[i : i + size]) for i in range(0, reach, size)]
    if reach < len(words):  # (past one_line_max_items, the run's rest is one piece)
        items.append(" ".join(words[reach:]))
    return items


def _title_cuts(norm: str, cuts: set[int], config: ExtractionConfig) -> list[int]:
    """When the line opens with the page's title ("headline - site", "site | headline": the
    ``<title>`` that BeautifulSoup keeps), the places where the page shows the headline again,
    before and after it. The title is looked for up to the first date or finished sentence
    (a headline may hold an ellipsis: "عاصفة تضرب لبنان.. طرق مقطوعة"); its headline is the
    longest of its parts between separators that the page shows again."""
    ends = [c for c in cuts if c > 0 and _ends_sentence(norm[:c])]
    ends.extend(start for start, _ in stamps(norm[: _TITLE_REACH * 8]) if start > 0)
    head = norm[: min(ends, default=len(norm))]
    words = head.split()
    if len(words) > _TITLE_REACH:
        head = " ".join(words[:_TITLE_REACH])
    parts = sorted((p.strip() for p in _TITLE_SEPARATOR.split(head)), key=len, reverse=True)
    for part in parts if len(parts) > 1 else []:
        if not config.min_title_words <= len(part.split()) <= config.max_headline_words:
            continue
        found: list[int] = []
        at = norm.find(part, norm.find(part) + len(part))
        while at >= 0:
            found.extend((at, at + len(part)))
            at = norm.find(part, at + len(part))
        if found:
            return found
    return []
