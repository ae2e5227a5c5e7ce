"""The cheap prechecks that rule lines out before a rule family's pattern runs (page_type), and
the `in` tests that stand for a search of a class of letters (language), agree with what they
stand for."""

from __future__ import annotations

import random
import re
from collections import Counter

from arabic_extract.engine import classify, merge, page_type
from arabic_extract.engine.blocks import (
    _BULLET_STARTS,
    _NO_BULLET_FROM,
    _NO_BULLET_TO,
    BULLET,
    bullet_end,
)
from arabic_extract.engine.language import _SPECIFIC_CHARS, _any_of, _share
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules.languages import PERSIAN_LETTERS, SPECIFIC_LETTERS
from arabic_extract.rules.pages import PHOTO_COUNTER, VIDEO_LINE

_PIECES = (
    "صوره",
    "الصوره",
    "صور",
    "ال",
    "رقم",
    "من",
    "/",
    " ",
    "3",
    "12",
    "الفيديو",
    "المقطع",
    "مده",
    "شاهد",
    "مشاهده",
    "تشغيل",
    "اضغط",
    "لمشاهده",
    "video",
    "duration",
    "watch",
    "the",
    ":",
    "-",
    "،",
    "صباح",
    "ص",
    "ا",
    "ة",
    "ى",
    "پ",
    "ے",
    "ښ",
    "ە",
    "\u200c",
)


def _lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(count)]


def _samples() -> list[str]:
    return [
        *_lines(3000, 1),
        *PHOTO_COUNTER.examples,
        *PHOTO_COUNTER.counter_examples,
        *VIDEO_LINE.examples,
        *VIDEO_LINE.counter_examples,
    ]


def test_photo_counter_opens_with_a_digit_or_its_word() -> None:
    for line in _samples():
        norm = normalize(line)
        if norm[:1] in page_type._COUNTER_STARTS and PHOTO_COUNTER.match(norm) is not None:
            assert norm[0].isdigit() or norm.startswith(page_type._COUNTER_WORDS), line


def test_video_label_holds_one_of_its_words() -> None:
    assert page_type._VIDEO_WORDS is not None
    for line in [*_samples(), *VIDEO_LINE.phrases]:
        norm = normalize(line)
        if VIDEO_LINE.match(norm) is not None:
            assert any(word in norm for word in page_type._VIDEO_WORDS), line


def test_letters_found_by_in_as_by_a_class() -> None:
    specific = re.compile("[" + re.escape("".join(SPECIFIC_LETTERS.values())) + "]")
    for text in _samples():
        assert _any_of(text, _SPECIFIC_CHARS) == (specific.search(text) is not None), text
        for letters in (PERSIAN_LETTERS, "ةى", _SPECIFIC_CHARS):
            expected = sum(text.count(ch) for ch in letters) / 7
            assert _share(text, letters, 7) == expected, text


def test_bullet_end_without_a_number_mark() -> None:
    rng = random.Random(2)
    pieces = ("1", "12", "٣", "²", ".", ")", " ", "\t", "-", "•", "أ", "x", "\u200f")
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        found = BULLET.match(text) if text[:1] in _BULLET_STARTS else None
        assert bullet_end(text) == (found.end() if found is not None else 0), text


def test_bullet_end_told_without_the_pattern() -> None:
    # bullet_end tells common items (a bullet, maybe a space, then a letter or digit) by code:
    # it agrees with BULLET on lines opened by every bullet and followed by every kind of
    # character (letters, digits of other scripts, marks, white space the pattern knows)
    rng = random.Random(3)
    signs = "•●◦▪▫■□►▶◄◀·∙‣⁃*+-–—»"
    pieces = (
        *signs,
        "1",
        "٣",
        "²",
        "½",
        ".",
        ")",
        " ",
        "\t",
        "\u00a0",
        "\u2003",
        "\u200f",
        "خ",
        "أ",
        "x",
        "Z",
        "_",
        "\u064b",
        "\u0640",
        "(",
        "ﻻ",
        "\u200c",
    )
    texts = [sign + tail for sign in signs for tail in ("", *pieces)]
    texts += [sign + " " + piece for sign in signs for piece in pieces]
    for _ in range(20000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))
    for text in texts:
        found = BULLET.match(text) if text[:1] in _BULLET_STARTS else None
        assert bullet_end(text) == (found.end() if found is not None else 0), repr(text)


def test_no_line_opened_between_the_bullets_code_points_has_one() -> None:
    # matching_forms rules a marker out by the code point of a line's first character
    for char in _BULLET_STARTS:
        assert not _NO_BULLET_FROM <= ord(char) <= _NO_BULLET_TO, repr(char)
    for code in range(_NO_BULLET_FROM, _NO_BULLET_TO + 1):
        assert bullet_end(chr(code) + "• خبر") == 0, hex(code)


def test_arabic_letter_by_code_point() -> None:
    # classify.has_arabic_letter stands for a search of _ARABIC_LETTER, edges of its range too
    rng = random.Random(4)
    chars = "\u0620\u0621\u064a\u064b\u0640\u0660\u06cc\u06a9 aZ1\ufefb\u200f،"
    texts = ["", *chars, *_lines(2000, 5)]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    for text in texts:
        expected = classify._ARABIC_LETTER.search(text) is not None
        assert classify.has_arabic_letter(text) == expected, repr(text)


def _may_name_by_f1(norm: str, bag: Counter[str]) -> bool:
    # the title check as first written: the F1 bound recomputed at each word the line misses
    total = sum(bag.values())
    if total <= 0:
        return False
    shared = missed = 0
    for word, count in bag.items():
        if word in norm:
            shared += count
        else:
            missed += count
            best = total - missed
            if 2 * best / (best + total) + merge._H1_BONUS < merge._TITLE_MATCH:
                return False
    return 2 * shared / (shared + total) + merge._H1_BONUS >= merge._TITLE_MATCH


def test_title_words_bound_once() -> None:
    # merge._may_name reads the F1 bound as a count of misses made once a title (merge._Title)
    rng = random.Random(6)
    vocabulary = [f"w{k}" for k in range(12)] + ["ال", "في", "من"]
    for _ in range(4000):
        title = [rng.choice(vocabulary) for _ in range(rng.randint(0, 14))]
        bag = Counter(title)
        words = merge._Title(bag)
        for _ in range(5):
            line = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 16)))
            assert merge._may_name(line, words) == _may_name_by_f1(line, bag), (title, line)
