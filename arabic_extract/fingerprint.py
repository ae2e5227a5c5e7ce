"""Near-duplicate fingerprints: a 64-bit SimHash of an article's body.

The same agency story runs, nearly word for word, on dozens of sites. The copies differ at their
edges: another lead line or dateline, another source credited, the closing paragraphs cut, the
paragraphs split differently, and the site's own menus and related lists around the body (which
extraction removes). The fingerprint is built so that such copies land a few bits apart while
different articles stay about 32 bits apart, as unrelated 64-bit values are:

- **words**: the body's words after Arabic normalisation (:func:`~arabic_extract.normalize.fold`:
  hamza, ta marbuta, diacritics, tatweel, digits), punctuation dropped;
- **features**: every run of three consecutive words, hashed to 64 bits with BLAKE2b (a stable
  hash: the same body has the same fingerprint on every machine, run and Python version);
- **weights** by the feature's place in the story (:data:`WEIGHTS`): rising over the first
  :data:`RAMP_WORDS` words (where re-publishers write their own lead line and dateline), full up
  to word :data:`FULL_END`, then falling to zero at word :data:`MAX_WORDS` (where they cut the
  closing paragraphs). Words past that do not count, so a story and its copy with paragraphs cut
  or added at the end stay close, and the fingerprint's time is bounded. The weight depends on
  the word's place in the body, not on the paragraphs, which sites split differently.
- **SimHash**: bit *i* of the fingerprint is set when the features whose hash has bit *i* set
  outweigh those whose hash has it clear.

The shape was calibrated with ``benchmarks/near_duplicates.py`` (docs/benchmarks.md,
"Near-duplicate fingerprints"): re-publications of the dev pages and fixtures, edited as sites
edit agency copy, land 0-10 bits apart; different articles 21 or more.

A fingerprint is written as 16 lowercase hexadecimal digits (``"3fa0c2e1b6d49a07"``): a 64-bit
integer does not survive JSON readers that use doubles (JavaScript's safe integers stop at
2**53), a string does. :func:`hamming` counts the bits in which two fingerprints differ;
``int(fingerprint, 16)`` is the integer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Final

from arabic_extract.normalize import fold

RAMP_WORDS: Final = 80
FULL_END: Final = 150
MAX_WORDS: Final = 300
LEVELS: Final = 4
"""Weights are whole numbers, 0 to LEVELS: the weight of a feature, on a scale of 0-1, times
LEVELS, rounded. (The feature counts are then sums of whole numbers; 4 levels give the same
distances as unrounded weights on the benchmark's pairs, 3 levels do not.)"""


def _weight(position: int) -> int:
    """The weight of the feature that starts at word ``position`` of the body."""
    rise = min(1.0, (position + 1) / RAMP_WORDS)
    fall = 1.0 - max(0, position - FULL_END) / (MAX_WORDS - FULL_END)
    return round(LEVELS * rise * max(0.0, fall))


WEIGHTS: Final = tuple(_weight(position) for position in range(MAX_WORDS))
"""The weight of the feature starting at each word of the body."""
_FIRST: Final = min(position for position, weight in enumerate(WEIGHTS) if weight)
_END: Final = max(position for position, weight in enumerate(WEIGHTS) if weight) + 1
"""The features that count are those from _FIRST to _END: the others weigh 0 (rounded) and
are not hashed."""
FEATURE_WORDS: Final = 3
MAX_CHARS: Final = (MAX_WORDS + FEATURE_WORDS) * 32
"""Only the body's first MAX_CHARS characters are read: 32 a word, where news words run 4-8
with their space. A body of 100,000 characters costs no more than one of 2,000."""

_WORD = re.compile(r"\w+")
_HEX = re.compile(r"[0-9a-fA-F]{16}")
# _BIT_OF[j] maps a byte to 1 when its bit j is set, else to 0: a column of digest bytes
# translated with it counts its set bits with bytes.count.
_BIT_OF: Final = tuple(bytes((value >> bit) & 1 for value in range(256)) for bit in range(8))
_ONE: Final = b"\x01"


def _runs() -> tuple[tuple[int, tuple[tuple[int, int], ...]], ...]:
    """For each weight above 0: the (start, end) position ranges that have it."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    start = 0
    for position in range(1, MAX_WORDS + 1):
        if position == MAX_WORDS or WEIGHTS[position] != WEIGHTS[start]:
            if WEIGHTS[start]:
                ranges.setdefault(WEIGHTS[start], []).append((start, position))
            start = position
    return tuple((weight, tuple(spans)) for weight, spans in sorted(ranges.items()))


_RUNS: Final = _runs()


def words(paragraphs: Sequence[str]) -> list[str]:
    """The body's normalised words, without punctuation, up to the last one that counts."""
    limit = _END + FEATURE_WORDS - 1
    text = "\n".join(paragraphs)[:MAX_CHARS]
    # the words that count usually fit in the first limit * 8 characters: read those first
    head = _WORD.findall(fold(text[: limit * 8]))
    if len(head) >= limit or len(text) <= limit * 8:
        return head[:limit]
    return _WORD.findall(fold(text))[:limit]


def _features(tokens: list[str]) -> list[str]:
    """Every run of FEATURE_WORDS words (the whole body when it is shorter)."""
    if len(tokens) < FEATURE_WORDS:
        return [" ".join(tokens)]
    return [f"{a} {b} {c}" for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)]


def _digests(features: list[str]) -> list[bytes]:
    """The 8-byte BLAKE2b digest of each feature."""
    encoded = "\n".join(features).encode("utf-8").split(b"\n")
    return [hashlib.blake2b(feature, digest_size=8).digest() for feature in encoded]


def _simhash(features: list[str]) -> bytes:
    """The weighted majority of the features' hash bits (see the module docstring), 8 bytes.

    Each digest is repeated as many times as its weight, and the repeated digests are laid out
    column by column (byte 0 of every digest, then byte 1...): one ``translate`` per bit and one
    ``count`` per column then add up all the features, 72 C calls instead of a loop over 64 bits
    per feature. A body too short for any feature to weigh (a dozen words) counts each once.
    """
    if len(features) <= _FIRST:
        data = b"".join(_digests(features))
    else:
        data = _weighted(b"".join(_digests(features[_FIRST:])))
    rows = len(data) // 8
    columns = b"".join(data[byte::8] for byte in range(8))
    out = bytearray(8)
    for bit in range(8):
        plane = columns.translate(_BIT_OF[bit])
        for byte in range(8):
            if 2 * plane.count(_ONE, byte * rows, (byte + 1) * rows) > rows:
                out[byte] |= 1 << bit
    return bytes(out)


def _weighted(data: bytes) -> bytes:
    """The digests of ``data`` (features from _FIRST on), each repeated as many times as its
    weight."""
    return b"".join(
        data[8 * (start - _FIRST) : 8 * (end - _FIRST)] * weight
        for weight, spans in _RUNS
        for start, end in spans
    )


def fingerprint(paragraphs: Sequence[str]) -> str | None:
    """The 64-bit SimHash of a body given as its paragraphs (``Article.paragraphs``), as 16
    hexadecimal digits; None when the body has no words. ``fingerprint(article.paragraphs)``
    is ``article.fingerprint``."""
    tokens = words(paragraphs)
    if not tokens:
        return None
    return _simhash(_features(tokens)).hex()


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
