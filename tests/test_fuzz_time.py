"""A bounded run of the search for slow inputs (``fuzz/fuzz_time.py`` is the timed one): pages
built from the rule families' phrases, the patterns' words and marks, separators and digits
(``tests/slow_inputs.py``), each extracted at 2 KB and at 16 KB. What is checked is growth, not
time: as in ``tests/test_linear_time.py``, the CPU time of this thread, best of 3 runs, may grow
at most 20 times for 8 times the input (linear work grows 8 times, fixed costs less), and only
times over 20 ms at the large size count. Derandomised, and steered toward the recipes whose
time grows most (``hypothesis.target``)."""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings, target

sys.path.insert(0, str(Path(__file__).resolve().parent))

from slow_inputs import Recipe, build, recipes

from arabic_extract import InputError, extract

SMALL, FACTOR, RUNS = 2000, 8, 3
MAX_RATIO, FLOOR = 20.0, 0.02


def cpu_seconds(page: str) -> float:
    gc.disable()
    try:
        start = time.thread_time()
        with contextlib.suppress(InputError):
            extract(page)
        return time.thread_time() - start
    finally:
        gc.enable()


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(recipe=recipes(max_size=SMALL))
def test_extract_time_grows_linearly(recipe: Recipe) -> None:
    small = min(cpu_seconds(build(recipe, SMALL)) for _ in range(RUNS))
    large = min(cpu_seconds(build(recipe, SMALL * FACTOR)) for _ in range(RUNS))
    ratio = large / max(small, 1e-6)
    target(ratio, label="growth")
    assert not (large > FLOOR and ratio > MAX_RATIO), (
        f"{recipe.describe()}: {1e3 * small:.1f} ms at {SMALL} bytes, "
        f"{1e3 * large:.1f} ms at {SMALL * FACTOR} (x{ratio:.0f})"
    )
