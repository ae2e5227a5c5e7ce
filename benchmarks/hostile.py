"""Time every hostile input at the sizes the hardening issue names, and print the worst case.

    python benchmarks/hostile.py            # every case, best of 3 runs each
    python benchmarks/hostile.py --runs 1 --only nesting

The inputs come from ``tests/hostile_cases.py`` (the test suite runs them scaled down). Target:
no case over 2 s (exit status 1 if one is). Building an input is not timed; ``extract`` is, from
the input as given (bytes or str) to the Article or the error.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the cases, shared with the tests
# The installed package is measured (see benchmarks/compare.py); a checkout runs its source.
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(ROOT))

from hostile_cases import Case, hostile_cases  # noqa: E402

from arabic_extract import InputError, extract  # noqa: E402
from arabic_extract.build_info import build_name  # noqa: E402

TARGET = 2.0


def run_case(case: Case, runs: int) -> tuple[float, str]:
    """Best time of ``runs`` extractions, and what came out."""
    source = case.build()
    best = float("inf")
    outcome = ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            article = extract(source, config=case.config, encoding=case.encoding)
            outcome = f"{len(article.paragraphs)} paragraphs"
        except InputError as error:
            outcome = f"InputError: {str(error)[:48]}"
        best = min(best, time.perf_counter() - start)
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "replace"))
    return best, f"{size / 1e6:8.2f} MB  {outcome}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (best is kept)")
    parser.add_argument("--only", default="", help="cases whose name contains this")
    args = parser.parse_args()
    cases = [c for c in hostile_cases(full=True) if args.only.lower() in c.name.lower()]
    print(f"arabic_extract {build_name()}")
    rows = []
    for case in cases:
        seconds, outcome = run_case(case, args.runs)
        rows.append((seconds, case.name, outcome))
        print(f"{seconds:8.3f} s  {case.name:36} {outcome}", flush=True)
    worst = max(rows)
    print()
    print("| case | time (s) | input, result |")
    print("| --- | ---: | --- |")
    for seconds, name, outcome in sorted(rows, reverse=True)[:12]:
        print(f"| {name} | {seconds:.3f} | {' '.join(outcome.split())} |")
    print()
    verdict = "OK" if worst[0] <= TARGET else "OVER TARGET"
    print(f"worst case: {worst[1]}: {worst[0]:.3f} s (target {TARGET:.0f} s: {verdict})")
    return 0 if worst[0] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
