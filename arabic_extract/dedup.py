"""Dropping exact and near duplicates from a batch run, by the articles' fingerprints.

Every article carries a 64-bit SimHash of its body (``Article.fingerprint``, see
:mod:`arabic_extract.engine.fingerprint`). A row whose fingerprint is within
:attr:`DedupConfig.max_distance` bits of a row kept before it is a duplicate: it is dropped,
and listed in a side file with the id of the row it duplicates. Identical bodies have the same
fingerprint (distance 0); re-publications of one story by other sites are a few bits apart.

Why a side file, and not the kept row naming its duplicates: rows are written as they are
extracted (JSON Lines, streamed, never held back), so a kept row is already on disk when its
first duplicate arrives. The side file is streamed the same way: one JSON row per dropped
input, ``{"id", "record_id", "uri", "duplicate_of", "distance", "fingerprint"}``. Grouping the
copies of a story is then a join of the two files on ``duplicate_of``.

The index (:class:`FingerprintIndex`) finds a fingerprint within ``k`` bits without comparing
it with every row: the 64 bits are cut into three bands, and two fingerprints within ``k`` bits
differ in at most ``k // 3`` bits of some band (pigeonhole). Each band has a table from its
leading bits to the rows that have them; a lookup reads, in each band, the entries of every
key within ``k // 3`` bits of its own (718 keys for ``k`` = 8, 5,000 for 9-11) and compares
the fingerprints found there. Memory is flat arrays: 28 bytes a kept row plus its id (UTF-8),
and three key tables of 4 bytes an entry (24 MB in all at the default size). At most
:attr:`DedupConfig.max_rows` rows are held: the index keeps two generations of half that many,
and when the newer one is full the older one is forgotten, so the run's memory stays bounded
and every row is compared with at least the ``max_rows / 2`` rows kept before it.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pydantic import BaseModel, ConfigDict, Field

from arabic_extract.batch import _row_id as row_id
from arabic_extract.engine.fingerprint import fingerprint, hamming, to_int

if TYPE_CHECKING:
    from arabic_extract.batch import Result

__all__ = [
    "DedupConfig",
    "DedupLog",
    "Deduplicator",
    "Duplicate",
    "FingerprintIndex",
    "fingerprint",
    "hamming",
    "read_rows",
    "side_file",
]

DEFAULT_MAX_DISTANCE: Final = 11
"""The default bound (DedupConfig.max_distance), calibrated with benchmarks/near_duplicates.py
(docs/benchmarks.md, "Near-duplicate fingerprints"): the smallest that holds every
re-publication pair of the dev pages, fixtures and seeds (another lead line, the closing
paragraph cut, another source line and dateline, another site's page, all at once: 177 pairs,
0-11 bits apart, at most 6.5 expected), while different articles are 20 bits apart or more.
At 9 (the bound of a smaller set of pages) two of the 177 were missed: a 125-word story with
its closing paragraph cut, 11 bits apart for 6.5 expected. The price: unrelated articles fall
within 11 bits with probability 5.0e-8 (about 25,000 pairs in a million rows, if fingerprints
were uniformly random); at 9, 1.8e-9 (900 pairs). The side file gives each dropped row's
distance, so a run can re-admit the rows 10-11 bits away afterwards."""
MAX_DISTANCE_LIMIT: Final = 11
"""Bounds past 11 come near different articles (they start at about 20 bits) and need lookups
in tens of thousands of keys."""
BANDS: Final = 3
SIDE_SUFFIX: Final = ".duplicates.jsonl"
MIN_KEY_BITS: Final = 10


class DedupConfig(BaseModel):
    """How near duplicates are found: ``Deduplicator(DedupConfig(max_distance=6))``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_distance: int = Field(
        default=DEFAULT_MAX_DISTANCE,
        ge=0,
        le=MAX_DISTANCE_LIMIT,
        description="Largest Hamming distance between two fingerprints that makes the later "
        "row a duplicate. Calibrated with benchmarks/near_duplicates.py: re-publications of "
        "the dev pages, fixtures and seeds (another lead line, the closing paragraph cut, "
        "another source line and dateline, another site's page around the body, all four at "
        "once) land 0-11 bits apart, short stories included; different articles 20 or more. "
        "Unrelated articles fall within 11 bits of each other with probability 5.0e-8 (about "
        "25,000 pairs in a million rows, for uniformly random fingerprints); at 9, 1.8e-9 "
        "(900 pairs), with 2 of the 177 re-publications missed.",
    )
    max_rows: int = Field(
        default=2_000_000,
        ge=2,
        description="Most kept rows held for comparison (two generations of half as many; the "
        "older is forgotten when the newer is full). Memory: about 28 bytes a row plus its "
        "id, and the key tables (24 MB at this size).",
    )


def _band_widths() -> tuple[int, ...]:
    base, extra = divmod(64, BANDS)
    return tuple(base + (1 if band >= BANDS - extra else 0) for band in range(BANDS))


def _masks(width: int, radius: int) -> list[int]:
    """Every ``width``-bit value with at most ``radius`` bits set (0 first)."""
    out = [0]
    for bits in range(1, radius + 1):
        for positions in itertools.combinations(range(width), bits):
            out.append(sum(1 << position for position in positions))
    return out


class FingerprintIndex:
    """Fingerprints (as 64-bit integers) and the ids of their rows, searchable by Hamming
    distance up to ``max_distance``; holds at most ``capacity`` rows. See the module
    docstring."""

    def __init__(self, max_distance: int, capacity: int) -> None:
        self.max_distance = max_distance
        self.capacity = capacity
        radius = max_distance // BANDS
        self._key_bits: list[int] = []
        self._shifts: list[int] = []
        self._masks: list[list[int]] = []
        wanted = max(MIN_KEY_BITS, math.ceil(math.log2(max(capacity, 2))))
        low = 0
        for width in _band_widths():
            bits = min(width, wanted)  # a band's leading bits: fewer keys, same guarantee
            self._key_bits.append(bits)
            self._shifts.append(low + width - bits)
            self._masks.append(_masks(bits, radius))
            low += width
        self._heads: list[array[int]] = []  # allocated with the first row
        self._next: list[array[int]] = [array("i") for _ in range(BANDS)]
        self._values: array[int] = array("Q")
        self._id_ends: array[int] = array("Q")
        self._ids = bytearray()

    def __len__(self) -> int:
        return len(self._values)

    def _keys(self, value: int) -> list[int]:
        return [
            (value >> shift) & ((1 << bits) - 1)
            for shift, bits in zip(self._shifts, self._key_bits, strict=True)
        ]

    def nearest(self, value: int) -> tuple[int, int] | None:
        """The kept row closest to ``value`` within ``max_distance`` bits, and its distance."""
        if not self._heads:
            return None
        best: tuple[int, int] | None = None
        values = self._values
        for band, key in enumerate(self._keys(value)):
            heads, chain = self._heads[band], self._next[band]
            for mask in self._masks[band]:
                row = heads[key ^ mask]
                while row >= 0:
                    distance = (values[row] ^ value).bit_count()
                    if distance <= self.max_distance and (best is None or distance < best[1]):
                        if distance == 0:
                            return row, 0
                        best = (row, distance)
                    row = chain[row]
        return best

    def add(self, value: int, ident: str) -> None:
        """Keep a row: its fingerprint and its id."""
        if len(self) >= self.capacity:
            raise OverflowError("the index is full")
        if not self._heads:
            self._heads = [array("i", [-1]) * (1 << bits) for bits in self._key_bits]
        row = len(self._values)
        for band, key in enumerate(self._keys(value)):
            self._next[band].append(self._heads[band][key])
            self._heads[band][key] = row
        self._values.append(value)
        self._ids += ident.encode("utf-8", "surrogatepass")
        self._id_ends.append(len(self._ids))

    def ident(self, row: int) -> str:
        """The id of kept row ``row``."""
        start = self._id_ends[row - 1] if row else 0
        return self._ids[start : self._id_ends[row]].decode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class Duplicate:
    """A dropped row: its id (and WARC record id and URI), the id of the row kept before it
    that it duplicates, their Hamming distance and its fingerprint."""

    id: str
    duplicate_of: str
    distance: int
    fingerprint: str
    record_id: str | None = None
    uri: str | None = None

    def to_json(self) -> str:
        """The side file's row (one line, no newline)."""
        row = {
            "id": self.id,
            "record_id": self.record_id,
            "uri": self.uri,
            "duplicate_of": self.duplicate_of,
            "distance": self.distance,
            "fingerprint": self.fingerprint,
        }
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


class Deduplicator:
    """Keeps the first of each group of near-identical bodies, in the order rows are checked.

    >>> dedup = Deduplicator()
    >>> kept = [r for r in dedup.filter(extract_many(["crawl.warc.gz"]))]
    >>> dedup.dropped, [d.duplicate_of for d in dedup.duplicates]  # with keep_duplicates=True

    Rows without a fingerprint (an error, an empty body) are always kept and never indexed.
    """

    def __init__(self, config: DedupConfig | None = None) -> None:
        self.config = config or DedupConfig()
        self._generation_rows = max(1, self.config.max_rows // 2)
        self._older: FingerprintIndex | None = None
        self._newer = self._index()
        self.kept = 0
        self.dropped = 0
        self.forgotten = 0
        """Kept rows no longer compared with (the older generation, when dropped)."""

    def _index(self) -> FingerprintIndex:
        return FingerprintIndex(self.config.max_distance, self._generation_rows)

    def find(self, fingerprint: str) -> tuple[str, int] | None:
        """The id of the kept row ``fingerprint`` duplicates and their distance, or None."""
        value = to_int(fingerprint)
        best: tuple[str, int] | None = None
        for index in (self._newer, self._older):
            found = index.nearest(value) if index is not None else None
            if index is not None and found is not None and (best is None or found[1] < best[1]):
                best = (index.ident(found[0]), found[1])
                if found[1] == 0:
                    break
        return best

    def keep(self, ident: str, fingerprint: str) -> None:
        """Index a kept row (its fingerprint is compared with the rows that come after it)."""
        if len(self._newer) >= self._generation_rows:
            self.forgotten += len(self._older) if self._older is not None else 0
            self._older, self._newer = self._newer, self._index()
        self._newer.add(to_int(fingerprint), ident)
        self.kept += 1

    def check(self, ident: str, fingerprint: str | None) -> tuple[str, int] | None:
        """None when the row is kept (and indexed); else the kept row it duplicates and their
        distance (the row is counted as dropped)."""
        if fingerprint is None:
            return None
        found = self.find(fingerprint)
        if found is None:
            self.keep(ident, fingerprint)
            return None
        self.dropped += 1
        return found

    def duplicate(self, result: Result) -> Duplicate | None:
        """:meth:`check` for a batch Result: the Duplicate when it is one, else None."""
        fingerprint = result.fingerprint if result.error is None else None
        found = self.check(result.id, fingerprint)
        if found is None or fingerprint is None:
            return None
        return Duplicate(
            id=result.id,
            duplicate_of=found[0],
            distance=found[1],
            fingerprint=fingerprint,
            record_id=result.record_id,
            uri=result.uri,
        )

    def filter(
        self, results: Iterable[Result], on_duplicate: Callable[[Duplicate], None] | None = None
    ) -> Iterator[Result]:
        """The results that are not duplicates of an earlier one (errors included); each
        dropped one is passed to ``on_duplicate``."""
        for result in results:
            duplicate = self.duplicate(result)
            if duplicate is None:
                yield result
            elif on_duplicate is not None:
                on_duplicate(duplicate)


# --- the side file and --resume -------------------------------------------------------------


def side_file(output: str | Path) -> Path:
    """Where the dropped rows of the JSON Lines file ``output`` are listed:
    ``articles.jsonl`` -> ``articles.duplicates.jsonl``."""
    path = Path(output)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(stem + SIDE_SUFFIX)


_FINGERPRINT = re.compile(r'"fingerprint":"([0-9a-f]{16})"')


def read_rows(path: str | Path) -> Iterator[tuple[str, str | None]]:
    """The (id, fingerprint) of each complete row of a JSON Lines file, streamed; nothing when
    the file does not exist. (A fingerprint is matched as its key and 16 hexadecimal digits:
    inside a JSON string a quote is escaped, so article text cannot fake it.)"""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return
    with handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                return
            line = raw.decode("utf-8", "replace")
            ident = row_id(line)
            if ident is None:
                continue
            found = _FINGERPRINT.search(line)
            yield ident, found.group(1) if found is not None else None


class DedupLog:
    """``--dedup`` of the command line: a Deduplicator and its side file.

    With ``resume``, the rows already in ``output`` are indexed (so that new inputs are compared
    with them), the ids already in the side file are added to ``done`` (so that they are
    skipped), and the side file is appended to; else it is written anew.
    """

    def __init__(
        self,
        output: str,
        config: DedupConfig,
        *,
        resume: bool = False,
        done: Callable[[str], None] | None = None,
    ) -> None:
        self.dedup = Deduplicator(config)
        self.path = side_file(output)
        if resume:
            for ident, fingerprint in read_rows(output):
                if fingerprint is not None:
                    self.dedup.keep(ident, fingerprint)
            for ident, _ in read_rows(self.path):
                if done is not None:
                    done(ident)
            _cut_partial_line(self.path)
        self._file = open(self.path, "ab" if resume else "wb")  # noqa: SIM115 - see close()
        self.earlier_kept = self.dedup.kept

    def drop(self, result: Result) -> bool:
        """True when ``result`` duplicates a row kept before it (it is then listed in the side
        file and must not be written)."""
        duplicate = self.dedup.duplicate(result)
        if duplicate is None:
            return False
        self._file.write((duplicate.to_json() + "\n").encode("utf-8", "replace"))
        return True

    def close(self) -> None:
        self._file.close()

    def summary(self) -> str:
        """``3 duplicates dropped (listed in out.duplicates.jsonl)``."""
        count = self.dedup.dropped
        noun = "duplicate" if count == 1 else "duplicates"
        return f"{count} {noun} dropped (listed in {self.path})"


def _cut_partial_line(path: Path) -> None:
    """Cut a last line without its newline (a run killed while writing it)."""
    try:
        with open(path, "r+b") as handle:
            end = 0
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break
                end += len(raw)
            handle.truncate(end)
    except FileNotFoundError:
        return
