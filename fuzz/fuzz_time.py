"""A search for slow inputs: hypothesis, aimed at time rather than crashes.

Each example is a page of up to 64 KB built from the rule families' own phrases, the words and
marks of every pattern of the package, separators and digits, repeated and put in a line of
text, an HTML element, a keyword list or an attribute list (``tests/slow_inputs.py``).
``hypothesis.target`` steers the search toward the examples that take ``extract`` longest (CPU
time of the thread, so that other work on the machine does not count). An example over
``--limit`` seconds (0.5 by default) twice in a row fails the run, and is written to
``fuzz/slow/`` with its recipe; the slowest examples are listed at the end.

    python fuzz/fuzz_time.py --examples 3000
    python fuzz/fuzz_time.py --examples 500 --seed 7

The test suite runs the same recipes without timing them (``tests/test_fuzz_time.py``: each at
two sizes, the growth checked).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import heapq
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings, target  # noqa: E402
from slow_inputs import Recipe, build, recipes  # noqa: E402

from arabic_extract import InputError, extract  # noqa: E402
from arabic_extract.build_info import build_name  # noqa: E402

SLOW = ROOT / "fuzz" / "slow"


def timed(page: str) -> float:
    """CPU seconds of ``extract`` in this thread: what the page costs, whatever else runs on
    the machine."""
    start = time.thread_time()
    with contextlib.suppress(InputError):
        extract(page)
    return time.thread_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--limit", type=float, default=0.5, help="seconds an example may take")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    slowest: list[tuple[float, str]] = []
    over: list[tuple[float, Recipe]] = []
    sizes: list[int] = []

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        phases=(Phase.generate, Phase.target),
        suppress_health_check=list(HealthCheck),
    )
    @given(recipe=recipes())
    def probe(recipe: Recipe) -> None:
        page = build(recipe)
        seconds = timed(page)
        sizes.append(len(page.encode("utf-8")))
        target(seconds, label="seconds")
        heapq.heappush(slowest, (seconds, recipe.describe()[:150]))
        if len(slowest) > 10:
            heapq.heappop(slowest)
        if seconds > args.limit and timed(page) > args.limit:  # (twice: not a stall)
            over.append((seconds, recipe))

    print(f"arabic_extract {build_name()}: {args.examples} examples, limit {args.limit} s")
    start = time.perf_counter()
    probe()
    spent = time.perf_counter() - start
    print(f"{len(sizes)} inputs, up to {max(sizes) / 1000:.0f} KB, in {spent:.0f} s")
    print("slowest:")
    for seconds, what in sorted(slowest, reverse=True):
        print(f"  {seconds:.3f} s  {what}")
    for seconds, recipe in over:
        SLOW.mkdir(exist_ok=True)
        page = build(recipe)
        name = hashlib.sha1(page.encode("utf-8")).hexdigest()[:16]
        (SLOW / f"slow-{name}.txt").write_text(f"{recipe.describe()}\n{page}", encoding="utf-8")
        print(f"OVER {args.limit} s: {seconds:.3f} s  {recipe.describe()[:150]} -> fuzz/slow/")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
