"""Every regular expression of the package, and adversarial strings that drive each one.

Shared by ``tests/test_linear_time.py`` (each pattern at two sizes, its growth checked),
``benchmarks/hostile.py`` and ``fuzz/fuzz_time.py``. Nothing here names a pattern: they are
found by walking the package's modules (module-level compiled patterns, rule families and
their prefilters, and the tables that hold them), so a new pattern is covered as soon as it
exists. (``tests/test_linear_time.py`` also checks that no function compiles a pattern of
its own, which this walk could not see.)

The subjects repeat what makes a backtracking engine slow: a pattern's separators, digits and
spaces, its own literals (the words of its source, a family's phrases), and mixes of them,
each run with and without something that fails the match at its end.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from types import MappingProxyType

import regex

import arabic_extract
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.twins import Twinned
from arabic_extract.rules import Family, RuleIndex

AnyPattern = re.Pattern[str] | re.Pattern[bytes] | regex.Pattern[str] | regex.Pattern[bytes]
PATTERN_TYPES = (re.Pattern, regex.Pattern)

# Characters every pattern is driven with, besides its own: separators, digits, letters.
CORE_SEPARATORS = (" ", "-", ".", ",", ":", "/", "|", "،", "\n", "_", "(", ")", "«")
CORE_WORDS = ("a", "1", "ب")
# What follows a run to make a match fail at its very end (where backtracking starts).
FAILING_TAIL = "بx!"
MAX_WORDS = 6
MAX_PHRASES = 16


@dataclass(frozen=True)
class NamedPattern:
    """A compiled pattern of the package, the name it is reached by, and its literals (the
    words of its source, and a family's phrases and examples, normalised)."""

    name: str
    pattern: AnyPattern
    literals: tuple[str, ...] = ()
    # The source the subjects are made from, when not the pattern's own: a twin's (see
    # arabic_extract.engine.twins) spells its classes, its pattern's names their words.
    source: str | None = None

    @property
    def is_bytes(self) -> bool:
        return isinstance(self.pattern.pattern, bytes)


def package_modules() -> list[object]:
    modules: list[object] = [arabic_extract]
    for info in pkgutil.walk_packages(arabic_extract.__path__, "arabic_extract."):
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:  # an optional dependency that is not installed
            continue
    return modules


def _family_literals(family: Family) -> tuple[str, ...]:
    texts = (*family.phrases, *family.examples, *family.anchors)
    return tuple(dict.fromkeys(n for n in (normalize(t) for t in texts) if n))


class _Collector:
    def __init__(self) -> None:
        self.found: dict[int, NamedPattern] = {}
        self.seen: set[int] = set()

    def add(
        self,
        name: str,
        pattern: AnyPattern,
        literals: tuple[str, ...] = (),
        source: str | None = None,
    ) -> None:
        if id(pattern) not in self.found:
            self.found[id(pattern)] = NamedPattern(name, pattern, literals, source)

    def visit(self, name: str, value: object) -> None:
        if id(value) in self.seen:
            return
        self.seen.add(id(value))
        if isinstance(value, PATTERN_TYPES):
            self.add(name, value)
        elif isinstance(value, Family):
            self.family(value)
        elif isinstance(value, Twinned):
            self.add(name, value.pattern)
            if value.twin is not None:
                self.add(f"{name} (twin)", value.twin, source=value.pattern.pattern)
        elif isinstance(value, RuleIndex):
            if value.always_quick is not None:
                self.add(f"{name}.always_quick", value.always_quick)
            for families in value.by_first.values():
                self.visit(name, families)
            self.visit(name, value.always)
        else:
            self.container(name, value)

    def family(self, family: Family) -> None:
        literals = _family_literals(family)
        self.add(f"family {family.name}", family.compiled, literals)
        if family.quick is not None:
            self.add(f"family {family.name} (prefilter)", family.quick, literals)
        if family.twin is not None:
            source = family.compiled.pattern
            self.add(f"family {family.name} (twin)", family.twin, literals, source)

    def container(self, name: str, value: object) -> None:
        if isinstance(value, (tuple, frozenset, list)):
            for index, item in enumerate(value):
                self.visit(f"{name}[{index}]", item)
        elif isinstance(value, (MappingProxyType, dict)):
            for key, item in value.items():
                self.visit(f"{name}[{key!r}]", item)
        elif is_dataclass(value) and not isinstance(value, type):
            for item in fields(value):
                self.visit(f"{name}.{item.name}", getattr(value, item.name, None))


def package_patterns() -> list[NamedPattern]:
    """Every compiled pattern reachable from a module global of the package, once."""
    collector = _Collector()
    for module in package_modules():
        module_name = getattr(module, "__name__", "")
        for attr, value in sorted(vars(module).items()):
            if attr.startswith("__"):
                continue
            collector.visit(f"{module_name}.{attr}", value)
    return sorted(collector.found.values(), key=lambda p: p.name)


# --- subjects -------------------------------------------------------------------------------

_SYNTAX = regex.compile(
    r"\\[pP]\{[^}]*\}|\\[dDsSwWbBAZzGnrtfv]|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}"
    r"|\(\?P?<[A-Za-z_]\w*>|\(\?[imsxaLu:!=<>]+"
)
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SYNTAX_CHARS = frozenset("\\^$*+?{}[]")


def source_literals(source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words (runs of letters and digits) and the other characters a pattern's source
    names, regular-expression syntax aside."""
    text = _SYNTAX.sub(" ", source)
    words = tuple(dict.fromkeys(_WORD.findall(text)))
    marks = tuple(
        dict.fromkeys(
            c for c in text if not c.isalnum() and not c.isspace() and c not in _SYNTAX_CHARS
        )
    )
    return words, marks


def _spread(items: list[str], count: int) -> list[str]:
    """``count`` items spread evenly over ``items`` (sorted by length), the shortest and the
    longest included."""
    ordered = sorted(dict.fromkeys(items), key=lambda w: (len(w), w))
    if len(ordered) <= count:
        return ordered
    step = (len(ordered) - 1) / (count - 1)
    return [ordered[round(i * step)] for i in range(count)]


@dataclass(frozen=True)
class Unit:
    """A piece repeated to make a subject, and what goes before the run."""

    label: str
    piece: str
    head: str = ""


def units(named: NamedPattern) -> list[Unit]:
    """The pieces a pattern is driven with: its marks and the core separators, letters and
    digits alone and in pairs (``a-``, ``1.``), numbers with a mark (``1.1-``), its words
    with separators, and all its words in a row."""
    source = named.source if named.source is not None else named.pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    source_words, marks = source_literals(text)
    words = _spread([*source_words, *named.literals], MAX_WORDS)
    separators = list(dict.fromkeys([*CORE_SEPARATORS, *marks]))
    singles = list(dict.fromkeys([*separators, *CORE_WORDS]))
    out = [Unit(f"{c!r}", c) for c in singles]
    out += [Unit(f"'ب' then {c!r}", c, head="ب") for c in singles]  # a run between letters
    out += [Unit(f"{w!r}+{s!r}", w + s) for w in CORE_WORDS for s in separators]
    out += [Unit(f"1{m}1-", f"1{m}1-") for m in marks]
    out += [Unit(f"1{m}1 ", f"1{m}1 ") for m in (".", ",", ":", "/", "-")]
    for word in words:
        out.append(Unit(f"{word!r}", word))
        out += [Unit(f"{word!r}+{s!r}", word + s) for s in (" ", "-", ".", ":", "\n")]
        out.append(Unit(f"{word!r} then spaces", " ", head=word))
        out.append(Unit(f"{word!r} then digits", "1", head=word + " "))
    phrases = _spread([p for p in named.literals if " " in p], MAX_PHRASES)
    for phrase in phrases:  # a phrase of several words may also be read as several
        out += [Unit(f"{phrase!r}+{s!r}", phrase + s) for s in (" ", " | ", "\n")]
    if words:
        out.append(Unit("all words, spaced", " ".join(words) + " "))
        out.append(Unit("all words, dashed", "-".join(words) + "-"))
        out.append(Unit("all words, dotted", ". ".join(words) + ". "))
    return out


def subject(unit: Unit, size: int, failing: bool) -> str:
    """``unit`` repeated to about ``size`` characters, after its head, and with a tail that
    fails the match when ``failing``."""
    count = max(1, size // max(1, len(unit.piece)))
    return unit.head + unit.piece * count + (FAILING_TAIL if failing else "")


def subjects(named: NamedPattern, size: int) -> Iterator[tuple[str, str | bytes]]:
    """(label, subject) pairs for a pattern, about ``size`` characters each (bytes for a bytes
    pattern)."""
    for unit in units(named):
        for failing in (False, True):
            text = subject(unit, size, failing)
            label = f"{unit.label}{' + failing tail' if failing else ''}"
            yield label, text.encode("utf-8") if named.is_bytes else text


def run(pattern: AnyPattern, text: str | bytes, timeout: float | None = None) -> int:
    """Drive a pattern the most expensive way: every match of a search over the whole text
    (what search, findall, sub and split cost at most). The number of matches."""
    if isinstance(pattern, regex.Pattern):
        return sum(1 for _ in pattern.finditer(text, timeout=timeout))  # type: ignore[arg-type]
    return sum(1 for _ in pattern.finditer(text))  # type: ignore[arg-type]


# --- growth ---------------------------------------------------------------------------------

SMALL = 500
"""Characters of a subject at the small size; the large size is ``FACTOR`` times more."""
FACTOR = 8
RUNS = 5
CANDIDATES = 4
"""The subjects of a pattern slowest at the small size, and the subjects that grow most from it
to twice it, whose growth is measured."""
SCREEN_FLOOR = 2e-5
"""Seconds under which a time at the small size is taken as this (the growth of subjects that
take next to nothing is timer noise)."""
MAX_RATIO = 20.0
"""Linear work grows 8 times from the small size to the large one, quadratic work 64 times,
cubic 512 times: a ratio over 20 is super-linear by a wide margin either way."""
FLOOR = 0.002
"""Seconds at the large size (4,000 characters) under which no growth is reported: a
quadratic pattern spends tens of milliseconds there; timer noise is around a microsecond."""
SCREEN_TIMEOUT = 0.5
"""A subject of the small size that keeps a ``regex`` pattern busy this long is reported at
once (an exponential pattern would not finish at the large size)."""


def cpu_seconds(pattern: AnyPattern, text: str | bytes, timeout: float | None = None) -> float:
    """CPU time of this thread for :func:`run`: other processes on a loaded machine do not
    count (wall-clock time would), and the garbage collector is kept out of the measure."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.thread_time()
        run(pattern, text, timeout)
        return time.thread_time() - start
    finally:
        if gc_was_enabled:
            gc.enable()


def best_of(pattern: AnyPattern, text: str | bytes, runs: int) -> float:
    return min(cpu_seconds(pattern, text) for _ in range(runs))


@dataclass(frozen=True)
class Growth:
    """How long a pattern took on a subject at the small and the large size (best of RUNS)."""

    pattern: str
    subject: str
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, 1e-9)

    @property
    def superlinear(self) -> bool:
        return self.large > FLOOR and self.ratio > MAX_RATIO

    def describe(self) -> str:
        return (
            f"{self.pattern} on {self.subject}: {1e3 * self.small:.2f} ms at {SMALL} characters, "
            f"{1e3 * self.large:.2f} ms at {SMALL * FACTOR} (x{self.ratio:.0f})"
        )


def _encoded(named: NamedPattern, text: str) -> str | bytes:
    return text.encode("utf-8") if named.is_bytes else text


def measure(named: NamedPattern) -> list[Growth]:
    """The growth of a pattern on its subjects that are slowest at the small size, and on
    those that grow most from the small size to twice it (a quadratic pattern may be fast at
    the small size on the subject that shows it: a subject that times out is reported with
    an infinite large time)."""
    timed: list[tuple[float, str, Unit, bool]] = []
    grown: list[tuple[float, str, Unit, bool]] = []
    for unit in units(named):
        for failing in (False, True):
            label = f"{unit.label}{' + failing tail' if failing else ''}"
            try:
                seconds = cpu_seconds(
                    named.pattern, _encoded(named, subject(unit, SMALL, failing)), SCREEN_TIMEOUT
                )
                double = cpu_seconds(
                    named.pattern,
                    _encoded(named, subject(unit, 2 * SMALL, failing)),
                    SCREEN_TIMEOUT,
                )
            except TimeoutError:
                return [Growth(named.name, label, SCREEN_TIMEOUT, float("inf"))]
            timed.append((seconds, label, unit, failing))
            grown.append((double / max(seconds, SCREEN_FLOOR), label, unit, failing))
    timed.sort(key=lambda item: item[0], reverse=True)
    grown.sort(key=lambda item: item[0], reverse=True)
    chosen = {label: (unit, failing) for _, label, unit, failing in timed[:CANDIDATES]}
    chosen.update({label: (unit, failing) for _, label, unit, failing in grown[:CANDIDATES]})
    out = []
    for label, (unit, failing) in chosen.items():
        small = _encoded(named, subject(unit, SMALL, failing))
        large = _encoded(named, subject(unit, SMALL * FACTOR, failing))
        small_time = best_of(named.pattern, small, RUNS)
        try:  # a cubic pattern would take minutes at the large size: stop it well before
            cpu_seconds(named.pattern, large, max(SCREEN_TIMEOUT, 2 * MAX_RATIO * small_time))
        except TimeoutError:
            out.append(Growth(named.name, label, small_time, float("inf")))
            continue
        out.append(Growth(named.name, label, small_time, best_of(named.pattern, large, RUNS)))
    return out
