"""Linear time: no regular expression of the package backtracks super-linearly.

Every compiled pattern reachable from a module of the package (module-level patterns, each rule
family's pattern and prefilter, the tables that hold them: see ``tests/linear_patterns.py``) is
driven with adversarial subjects — runs of its separators, digits, spaces and its own literals,
alone and mixed, with and without a tail that fails the match — at 500 and 4,000 characters,
searching the whole subject (every match, as ``finditer``, ``sub`` and ``split`` do). The
subjects whose growth is measured are the four slowest at 500 characters and the four that grow
most from 500 to 1,000: a quadratic pattern may be among the fastest at 500 characters on the
subject that shows it (the slowest alone once let one through, caught by a loaded CI run).

Why this is not flaky on a loaded 2-core machine:

- time is the CPU time of the test's own thread (``time.thread_time``), not wall-clock time:
  other processes only slow it through shared caches, and the garbage collector is off while
  measuring;
- each size is timed 5 times and the best run kept, which removes interruptions;
- the bound is wide: linear work grows 8 times between the two sizes, quadratic work 64 times
  and cubic work 512 times; a pattern fails only over 20 times and 2 ms at 4,000 characters
  (a quadratic pattern spends tens of milliseconds there, a linear one well under 1 ms);
- a pattern that backtracks exponentially fails fast: its subject at the small size runs into
  the ``regex`` module's own timeout (0.5 s).
"""

from __future__ import annotations

import ast
import gc
import sys
import time
from pathlib import Path

import pytest
import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linear_patterns import Growth, measure, package_patterns, units

from arabic_extract.rules import SEP
from arabic_extract.rules.catalog import all_families

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = package_patterns()


def test_the_walk_finds_every_kind_of_pattern() -> None:
    names = {p.name for p in PATTERNS}
    assert "family cms-leftover" in names and "family counter" in names
    assert "family footer (prefilter)" in names
    assert "arabic_extract.engine.metadata._KEYWORD_SPLIT" in names
    assert "arabic_extract.engine.decode._META_CHARSET" in names  # a bytes pattern
    assert any(name.startswith("arabic_extract.api._RAW_END[") for name in names)  # in a table
    assert len(PATTERNS) > 100


@pytest.mark.parametrize("named", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_time_grows_linearly(named: object) -> None:
    assert units(named)  # type: ignore[arg-type]
    growth: list[Growth] = measure(named)  # type: ignore[arg-type]
    slow = [g.describe() for g in growth if g.superlinear]
    assert not slow, "super-linear:\n" + "\n".join(slow)


_COMPILERS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "split"})
_COMPILERS |= {"findall", "finditer"}


def _compiled_in_functions(path: Path) -> list[str]:
    """Calls such as ``regex.split(r"...", text)`` or ``re.compile(f"...")`` inside a function:
    a pattern that no module global holds, which the walk above cannot drive."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("re", "regex")
                and node.func.attr in _COMPILERS
                and node.args
                and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_function_compiles_a_pattern_of_its_own() -> None:
    """Every pattern is a module global (or a rule family's), so that the test above drives it;
    a pattern built from data (a family's alternation) is built when its module is imported."""
    found = [
        where
        for path in sorted((ROOT / "arabic_extract").rglob("*.py"))
        for where in _compiled_in_functions(path)
    ]
    assert not found, "patterns compiled inside functions:\n" + "\n".join(found)


_RUN_MARKS = ("- ", "-", " ", "،", "(", "/", "—", ". ", " | ", "*")
_SCAN = regex.compile(rf"{SEP}*+")


def _best_cpu(pattern: regex.Pattern[str], subject: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.thread_time()
        pattern.match(subject)
        best = min(best, time.thread_time() - start)
    return best


@pytest.mark.parametrize("mark", _RUN_MARKS)
def test_a_run_of_marks_is_read_once_by_line_families(mark: str) -> None:
    """A line of 8,000 marks then a word no family takes: every family read from the line's start
    (line, prefix, label) gives it up after reading the run about once, as a bare scan of marks
    does. The growth test above does not see it: a family whose lead was tried again at each mark
    is still linear, but 750 times the scan (a 16 KB line cost 17 ms in one family)."""
    subject = mark * (8000 // len(mark)) + "بxz!"
    gc.disable()
    try:
        scan = _best_cpu(_SCAN, subject)
        slow = []
        for family in all_families():
            if family.kind == "search":
                continue
            cost = _best_cpu(family.compiled, subject)
            if cost > 20 * scan and cost > 5e-4:
                slow.append(f"{family.name}: {cost / scan:.0f}x the scan")
    finally:
        gc.enable()
    assert not slow, "\n".join(slow)
