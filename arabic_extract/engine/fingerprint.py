"""Near-duplicate fingerprints: a 64-bit SimHash of an article's body.

The same agency story runs, nearly word for word, on dozens of sites. The copies differ at their
edges: another lead line or dateline, another source credited, the closing paragraphs cut, the
paragraphs split differently, and the site's own menus and related lists around the body (which
extraction removes). The fingerprint is built so that such copies land a few bits apart while
different articles stay about 32 bits apart, as unrelated 64-bit values are:

- **words**: the body's words after Arabic normalisation (the blocks' matching form, see
  :func:`~arabic_extract.engine.blocks.matching_form`: hamza, ta marbuta, diacritics, tatweel,
  digits folded, a list marker dropped), punctuation (:data:`PUNCTUATION`) dropped;
- **features**: every run of three consecutive words. Each word is hashed with CRC-32 and each
  run of three CRCs with one multiply-shift hash to 64 bits, computed for all the features at
  once with one big-integer multiplication (both stable: the same body has the same fingerprint
  on every machine, run and Python version);
- **weights** by the feature's place in the story (:func:`windows`): rising to full over the
  first :data:`RISE_WORDS` words (where re-publishers write their own lead line and dateline),
  full to word :data:`FULL_WORDS`, then falling evenly to zero at the end of the body (where
  they cut the closing paragraphs and add their credit line). The fall is measured against the
  body's own length, so that the closing paragraph of a short story weighs as little as that of
  a long one, within bounds: a body shorter than :data:`SHORT_WORDS` words is weighed as if it
  were that long, one longer than :data:`MAX_WORDS` as if it ended there (the words past it do
  not count, which also bounds the fingerprint's time). The weight depends on the word's place
  in the body, not on the paragraphs, which sites split differently.
- **SimHash**: bit *i* of the fingerprint is set when the features whose hash has bit *i* set
  outweigh those whose hash has it clear.

The shape was calibrated with ``benchmarks/near_duplicates.py`` (docs/benchmarks.md,
"Near-duplicate fingerprints"), see :data:`RISE_WORDS`. ``Article.fingerprint`` is
:func:`fingerprint` of the article's paragraphs, computed when it is first read (a batch run,
which writes it, reads it; a caller who wants the body alone does not pay for it).

A fingerprint is written as 16 lowercase hexadecimal digits (``"3fa0c2e1b6d49a07"``): a 64-bit
integer does not survive JSON readers that use doubles (JavaScript's safe integers stop at
2**53), a string does. :func:`hamming` counts the bits in which two fingerprints differ;
``int(fingerprint, 16)`` is the integer.
"""

from __future__ import annotations

import hashlib
import re
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Final, Literal

from arabic_extract.engine.blocks import Block, matching_form, matching_forms

RISE_WORDS: Final = 60
"""A feature's weight rises to full over the body's first RISE_WORDS words, stays full to word
FULL_WORDS, then falls evenly to zero at the body's end (see :func:`windows`).

Calibrated with ``benchmarks/near_duplicates.py`` (its expected distances) on the dev pages,
fixtures and seeds, each edited as re-publishers edit agency copy (another lead line, the
closing paragraph cut, another source line and dateline, all at once). Its expected Hamming
distances (from the angle between the two weighted sets of features; the hash does not change
them) were compared for shapes rising over 40-120 words, full for 0-80 more, falling to zero at
the body's end (bounded by SHORT_WORDS of 100-200 and MAX_WORDS of 200-400) or at a fixed word.
The earlier shape, fixed (rising over 80 words, full to 150, zero from 282), put the closing
paragraph of a short story at full weight: the largest expected distance of a re-publication
pair was 11.9 bits (a 136-word story with its closing paragraph cut, and another lead), and 13
pairs were expected beyond 9 bits. This one: 6.5 bits at most, 0.9 pairs expected beyond 9.
(Shapes that weigh the lead less keep copies with a 40-word lead or a sentence cut mid-story
closer, and the re-publications farther: see docs/benchmarks.md.)"""
FULL_WORDS: Final = 80
"""The weight is full from word RISE_WORDS to word FULL_WORDS (see RISE_WORDS)."""
SHORT_WORDS: Final = 100
"""A body shorter than this many words is weighed as if it were this long: its end keeps some
weight, so that a short caption or brief still has a fingerprint of its own (see RISE_WORDS)."""
MAX_WORDS: Final = 300
"""A body longer than this many words is weighed as if it ended there: the words past it do not
count, which also bounds the fingerprint's time (see RISE_WORDS)."""
LEVELS: Final = 8
"""Weights are whole numbers, 0 to LEVELS: a feature's weight on a scale of 0-1, times LEVELS,
rounded. A copy whose words have shifted (another lead line) moves weights by up to 1/LEVELS
where rounded weights step: re-publication pairs expected beyond 9 bits are 0.7 unrounded, 0.8
at 12 levels, 0.9 at 8 and 2.2 at 4; the time of the count grows with the bits of LEVELS (see
_simhash)."""
FEATURE_WORDS: Final = 3
MAX_CHARS: Final = (MAX_WORDS + FEATURE_WORDS) * 32
"""Only the body's first MAX_CHARS characters are read: 32 a word, where news words run 4-8
with their space. A body of 100,000 characters costs no more than one of 2,000."""
_HEAD_CHARS: Final = MAX_WORDS * 12
"""The words that count are looked for in the first _HEAD_CHARS characters, then, if there are
not enough of them there, in all MAX_CHARS."""

PUNCTUATION: Final = (
    "\u060c\u061b\u061f\u066a\u066d\u06d4"  # Arabic , ; ? % and star, Urdu full stop
    "\u00ab\u00bb\u2018\u2019\u201c\u201d\u2039\u203a"  # guillemets and curly quotes
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2026\u00b7\u2022"  # dashes, ellipsis, dots, bullet
)
"""The marks, besides ASCII punctuation, that are not part of a word: a copy that sets them
otherwise (another comma, other quotes) has the same words. (Other signs stay in their word.)"""

# ASCII punctuation (every byte but letters, digits, "_" and the bytes past ASCII) becomes a
# space in the UTF-8 of the text; the other marks are replaced in the text, one at a time (the
# test for an absent mark is one fast scan: far less than a regex over the text would cost).
_ASCII_MARKS: Final = bytes(
    value if value >= 0x80 or chr(value).isalnum() or value == 0x5F else 0x20
    for value in range(256)
)

# The multiply-shift hash of a feature: a 64-bit key x made of its words' CRC-32s (3 bytes of
# the first, 3 of the second, 2 of the third), and bits 64-127 of A * x + B, with A and B below
# 2**128 (Dietzfelbinger's multiply-add-shift: over random A and B, a 2-independent family of
# hashes of x to 64 bits). The constants are the BLAKE2b digest of a fixed label, not chosen by
# trial.
_KEY: Final = hashlib.blake2b(b"arabic_extract.fingerprint", digest_size=32).digest()
_A: Final = int.from_bytes(_KEY[:16], "little")
_B: Final = int.from_bytes(_KEY[16:], "little")
_KEY_BYTES: Final = (3, 3, 2)
"""The bytes of each word's CRC in a feature's key (8 in all)."""
_FIELD: Final = 24
"""Bytes of a feature in the big integer: A * x + B < 2**192, so no carry reaches the next."""
_OUT: Final = 8
"""The byte of the field where the hash's 64 bits start (bit 64)."""
_ALL_B: Final = int.from_bytes(_B.to_bytes(_FIELD, "little") * MAX_WORDS, "little")
_U32: Final[Literal["I", "L"]] = "I" if array("I").itemsize == 4 else "L"

# _BIT[j] has bit j set in each byte: a column of hash bytes ANDed with it and counted with
# int.bit_count gives the number of features with bit j set.
_BIT: Final = tuple(int.from_bytes(bytes((1 << bit,)) * MAX_WORDS, "little") for bit in range(8))
_HEX: Final = re.compile(r"[0-9a-fA-F]{16}")
# (int.bit_count called as a function: the compiled module looks a method up by its name at
# every call, 256 calls a fingerprint)
_BIT_COUNT: Final = int.bit_count


def fingerprint(paragraphs: Sequence[str]) -> str | None:
    """The 64-bit SimHash of a body given as its paragraphs (``Article.paragraphs``), as 16
    hexadecimal digits; None when the body has no words. ``Article.fingerprint`` is this, of
    the article's paragraphs, computed when it is first read."""
    return from_norms(body_forms(paragraphs))


_MARGIN: Final = 1_000
"""Characters of matching form beyond MAX_CHARS that :func:`_form` makes sure of: normalising
a prefix of a text changes its form only within a few characters of the cut (a space dropped,
a combining mark left alone), far less than this."""
_WHOLE_CHARS: Final = 4 * (MAX_CHARS + _MARGIN)
"""A paragraph up to this long is normalised whole; a longer one a prefix at a time
(:func:`_form`)."""


def body_forms(paragraphs: Sequence[str], known: Mapping[str, str] | None = None) -> list[str]:
    """The matching forms of a body's paragraphs (each as
    :func:`~arabic_extract.engine.blocks.matching_form` gives it), up to the one that takes
    them past MAX_CHARS: the fingerprint reads no further. ``known`` gives the forms the
    pipeline made (a body block's text and its form, :func:`known_forms`): when it has every
    paragraph's, nothing is normalised again. Otherwise consecutive paragraphs are folded
    together, about MAX_CHARS + _MARGIN characters at a time
    (:func:`~arabic_extract.engine.blocks.matching_forms`: one pass where a paragraph at a time
    cost a call each); an empty paragraph's form is empty, and one over _WHOLE_CHARS is
    normalised alone (:func:`_form`)."""
    norms: list[str] = []
    size = start = 0
    if known is not None:
        for text in paragraphs:
            norm = known.get(text)
            if norm is None:
                break
            norms.append(norm)
            size += len(norm) + 1
            start += 1
            if size > MAX_CHARS:
                return norms
    while start < len(paragraphs) and size <= MAX_CHARS:
        stop = _batch_end(paragraphs, start)
        if stop == start:  # empty or very long: alone
            text = paragraphs[start]
            forms = [_form(text) if text else ""]
            stop += 1
        else:
            batch = list(paragraphs[start:stop])
            forms = [form for form, _ in matching_forms(batch, _WHOLE_CHARS)]
        for form in forms:
            norms.append(form)
            size += len(form) + 1
            if size > MAX_CHARS:
                break
        start = stop
    return norms


def known_forms(blocks: Sequence[Block], max_chars: int) -> dict[str, str]:
    """The text and matching form of each of the body's blocks whose form is whole (a block
    over ``max_chars`` was matched on a prefix): what :func:`body_forms` need not redo."""
    return {block.text: block.norm for block in blocks if len(block.text) <= max_chars}


def _batch_end(paragraphs: Sequence[str], start: int) -> int:
    """Where the batch of paragraphs from ``start`` ends (see :func:`body_forms`): before the
    first empty or very long paragraph, or once it holds MAX_CHARS + _MARGIN characters."""
    stop = start
    chars = 0
    while stop < len(paragraphs) and chars <= MAX_CHARS + _MARGIN:
        text = paragraphs[stop]
        if not text or len(text) > _WHOLE_CHARS:
            break
        chars += len(text) + 1
        stop += 1
    return stop


def _form(text: str) -> str:
    """The matching form of ``text`` (see :func:`~arabic_extract.engine.blocks.matching_form`)
    as far as the fingerprint reads it: the form of a prefix long enough to give MAX_CHARS +
    _MARGIN characters of it (a prefix 4 times as long, and so on). A paragraph of megabytes
    costs what one of 40,000 characters costs, where the whole would have been normalised."""
    size = _WHOLE_CHARS
    while size < len(text):
        norm = matching_form(text, size)[0]
        if len(norm) > MAX_CHARS + _MARGIN:
            return norm
        size *= 4
    return matching_form(text, len(text))[0]


def words(norms: Sequence[str]) -> list[bytes]:
    """The words (UTF-8) of a body given as its paragraphs' matching forms, without
    punctuation, up to the last one that counts."""
    text = "\n".join(norms)[:MAX_CHARS]
    found = _split(text[:_HEAD_CHARS])
    if len(found) <= MAX_WORDS and len(text) > _HEAD_CHARS:  # long words: read on
        found = _split(text)
    return found[:MAX_WORDS]


def _split(text: str) -> list[bytes]:
    """The words of ``text`` (the first MAX_WORDS and a piece of the rest)."""
    for mark in PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_MARKS).split(None, MAX_WORDS)


def from_norms(norms: Sequence[str]) -> str | None:
    """:func:`fingerprint` of a body given as its paragraphs' matching forms."""
    found = words(norms)
    if not found:
        return None
    count = max(1, len(found) - FEATURE_WORDS + 1)
    hashes = _feature_hashes(found, count)
    spans = windows(len(found), count) or [(0, count)]  # 3-5 words, none weighed: each once
    return f"{_simhash(hashes, spans):016x}"


def weighted_features(paragraphs: Sequence[str]) -> dict[bytes, int]:
    """The features of a body given as its paragraphs (runs of FEATURE_WORDS words, UTF-8,
    joined by spaces) and their weights, as the fingerprint counts them: for analysis (the
    angle between two bodies' weighted features sets the distance their fingerprints are
    apart on average, see benchmarks/near_duplicates.py)."""
    found = words([matching_form(text, len(text))[0] for text in paragraphs])
    count = max(1, len(found) - FEATURE_WORDS + 1)
    weights: dict[bytes, int] = {}
    for start, stop in windows(len(found), count) or [(0, count)]:
        for position in range(start, stop):
            feature = b" ".join(found[position : position + FEATURE_WORDS])
            weights[feature] = weights.get(feature, 0) + 1
    return weights if found else {}


def _feature_hashes(found: list[bytes], count: int) -> bytes:
    """The 64-bit hash of each of the ``count`` features, as one big integer's bytes: feature
    ``i``'s hash is bytes ``_OUT`` to ``_OUT + 8`` of field ``i`` (little-endian)."""
    crcs = array(_U32, map(zlib.crc32, found))
    crcs.frombytes(bytes(4 * (count + FEATURE_WORDS - 1 - len(found))))  # a body of 1-2 words
    if sys.byteorder == "big":
        crcs.byteswap()
    raw = crcs.tobytes()
    keys = bytearray(_FIELD * count)
    at = 0
    for word, size in enumerate(_KEY_BYTES):  # field i: the CRCs of words i, i+1 and i+2
        for byte in range(size):
            start = 4 * word + byte
            keys[at::_FIELD] = raw[start : start + 4 * count : 4]
            at += 1
    value = _A * int.from_bytes(keys, "little") + (_ALL_B >> (8 * _FIELD * (MAX_WORDS - count)))
    return value.to_bytes(_FIELD * count, "little")


def windows(word_count: int, feature_count: int) -> list[tuple[int, int]]:
    """The weights of a body's features, as LEVELS nested ranges of feature positions: a
    feature's weight is the number of ranges that hold it. Feature ``i`` (words ``i`` to
    ``i + 2``) weighs ``min((i + 1) / RISE_WORDS, 1, (end - i) / (end - FULL_WORDS))``
    (0 when negative) times LEVELS, rounded half up, where ``end`` is the body's length in
    words, bounded by SHORT_WORDS and MAX_WORDS; range ``l`` (1 to LEVELS) holds the features
    that weigh ``l`` or more. Empty ranges are left out."""
    end = max(SHORT_WORDS, min(word_count, MAX_WORDS))
    fall = end - FULL_WORDS
    spans: list[tuple[int, int]] = []
    for level in range(1, LEVELS + 1):
        # weight >= level - 1/2 on a scale of LEVELS: (i + 1) / RISE_WORDS >= t and
        # (end - i) / fall >= t, for t = (2 * level - 1) / (2 * LEVELS)
        first = -(-(2 * level - 1) * RISE_WORDS // (2 * LEVELS)) - 1
        last = end + (-(2 * level - 1) * fall // (2 * LEVELS))
        start, stop = max(0, first), min(feature_count, last + 1)
        if start < stop:
            spans.append((start, stop))
    return spans


def _simhash(hashes: bytes, spans: list[tuple[int, int]]) -> int:
    """The weighted majority of the features' hash bits (see the module docstring).

    The features are grouped by the bits of their weights (:func:`weight_bits`): the fields of
    the features whose weight has bit ``b`` set are put end to end, byte ``k`` of every field
    is one big integer, and ``bit_count`` of it ANDed with ``_BIT[j]``, times ``2**b``, is
    those features' share of the weight of hash bit ``8k + j``: a few slices and 64
    AND-and-count a group, whatever the number of features, over about twice as many bytes
    as there are features (a field repeated as many times as its weight was 4-5 times as
    many).
    """
    total = 0
    counts = [0] * 64
    for value, ranges in weight_bits(spans):
        rows = b"".join([hashes[_FIELD * start : _FIELD * stop] for start, stop in ranges])
        total += value * (len(rows) // _FIELD)
        for byte in range(8):
            column = int.from_bytes(rows[_OUT + byte :: _FIELD], "little")
            for bit in range(8):
                counts[8 * byte + bit] += value * _BIT_COUNT(column & _BIT[bit])
    # (total counted each feature once per weight bit: the weights' sum is the sum of the
    # groups' sizes times their values, as above)
    out = 0
    for position, count in enumerate(counts):
        if 2 * count > total:
            out |= 1 << position
    return out


def weight_bits(spans: list[tuple[int, int]]) -> list[tuple[int, list[tuple[int, int]]]]:
    """The feature positions of each bit of the weights that ``spans`` give (a feature weighs
    as many of the nested ranges as hold it, see :func:`windows`): ``(2**b, ranges)`` for each
    bit ``b`` set in some weight, the ranges holding the features whose weight has it set."""
    edges = sorted({edge for span in spans for edge in span})
    groups: dict[int, list[tuple[int, int]]] = {}
    for start, stop in pairwise(edges):
        weight = 0
        for first, last in spans:
            if first <= start and stop <= last:
                weight += 1
        value = 1
        while value <= weight:
            if weight & value:
                groups.setdefault(value, []).append((start, stop))
            value <<= 1
    return sorted(groups.items())


def to_int(value: str) -> int:
    """A fingerprint's 64-bit integer; ValueError when ``value`` is not 16 hexadecimal digits."""
    if _HEX.fullmatch(value) is None:
        raise ValueError(f"a fingerprint is 16 hexadecimal digits, not {value!r}")
    return int(value, 16)


def hamming(first: str, second: str) -> int:
    """How many of the 64 bits differ between two fingerprints: 0 for the same body, a few for
    re-publications of one story, about 32 for unrelated articles. ValueError when either is
    not a fingerprint."""
    return (to_int(first) ^ to_int(second)).bit_count()
