"""Time growth on adversarial input: best CPU time of a few runs, garbage collector off.

Used by the tests that check a stage stays linear: the time at 8 times the input must grow at
most ``GROWTH`` times (linear is 8; the margin absorbs a loaded machine). CPU time of this
process, so other processes' load does not count.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

GROWTH = 24
SMALL = 4_000
LARGE = 8 * SMALL


def best_time(run: Callable[[str], object], text: str, repeats: int = 5) -> float:
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.process_time()
            run(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def growth(run: Callable[[str], object], make: Callable[[int], str]) -> tuple[float, float]:
    """Times of ``run`` on ``make(SMALL)`` and ``make(LARGE)``."""
    return best_time(run, make(SMALL)), best_time(run, make(LARGE))


def linear(small: float, large: float) -> bool:
    return large <= GROWTH * max(small, 1e-4)
