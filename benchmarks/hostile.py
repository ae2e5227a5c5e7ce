"""Time every hostile input at the sizes the hardening issues name, and bound fetch and batch.

    python benchmarks/hostile.py                  # every extract() case, best of 3 runs each
    python benchmarks/hostile.py --runs 1 --only nesting
    python benchmarks/hostile.py --isolate 60     # each case in a child process, killed at 60 s
    python benchmarks/hostile.py --fetch --batch  # also: fetch and batch, peak RSS per case

The inputs come from ``tests/hostile_cases.py`` (the test suite runs them scaled down). Target:
no case over 0.5 s in ``extract`` (exit status 1 if one is). Building an input is not timed;
``extract`` is, from the input as given (bytes or str) to the Article or the error, in CPU time
of its thread (the development machine is shared: wall-clock time there says more about the
others' work than about the input).
``--isolate`` runs each case in a child process and stops it after the given seconds (how the
times of a build with super-linear patterns are taken without waiting for them).

``--fetch`` serves hostile responses from a local server (compression bombs of every content
coding, headers a byte at a time) and ``--batch`` writes hostile files (a 1 GiB WARC record, a
2 GB file, a FIFO, a cut WARC, two runs on one output); each case runs in a child process of its
own, whose peak RSS (VmHWM) is read from the kernel. Targets: peak RSS under 300 MB, and every
input either in the output or in an error row.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the cases, shared with the tests
# The installed package is measured (see benchmarks/compare.py); a checkout runs its source.
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(ROOT))

from hostile_cases import Case, hostile_cases  # noqa: E402

from arabic_extract import InputError, extract  # noqa: E402
from arabic_extract.build_info import build_name  # noqa: E402

TARGET = 0.5
RSS_TARGET_MB = 300.0


def run_case(case: Case, runs: int) -> tuple[float, str]:
    """Best time of ``runs`` extractions, and what came out. The time is the CPU time of this
    thread (``extract`` and the parser it calls run in it): what the input costs, whatever else
    the machine is doing."""
    source = case.build()
    best = float("inf")
    outcome = ""
    for _ in range(runs):
        start = time.thread_time()
        try:
            article = extract(source, config=case.config, encoding=case.encoding)
            outcome = f"{len(article.paragraphs)} paragraphs"
        except InputError as error:
            outcome = f"InputError: {str(error)[:48]}"
        best = min(best, time.thread_time() - start)
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "replace"))
    return best, f"{size / 1e6:8.2f} MB  {outcome}"


def _case_child(name: str, runs: int, out: Any) -> None:
    case = next(c for c in hostile_cases(full=True) if c.name == name)
    out.send(run_case(case, runs))


def run_isolated(case: Case, runs: int, seconds: float) -> tuple[float, str]:
    """:func:`run_case` in a child process, stopped after ``seconds``."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_case_child, args=(case.name, runs, send), daemon=True)
    child.start()
    if receive.poll(seconds):
        result: tuple[float, str] = receive.recv()
        child.join()
        return result
    child.kill()
    child.join()
    return float("inf"), f"stopped after {seconds:g} s"


# --- fetch and batch: each case in a child process, its peak RSS from the kernel ---------------


CHILD_SECONDS = 60.0
"""A fetch or batch case still running after this long is stopped (and reported so)."""


def _peak_child(target: Callable[..., str], args: tuple[Any, ...]) -> tuple[str, float, float]:
    """Run ``target(*args)`` in a new process: (what it says, seconds, peak RSS in MB)."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_measured, args=(target, args, send))
    start = time.perf_counter()
    child.start()
    peak = 0.0
    if receive.poll(CHILD_SECONDS):
        outcome, peak = receive.recv()
    else:
        outcome = f"still running after {CHILD_SECONDS:g} s: stopped"
        peak = _peak_of(child.pid)
        child.kill()
    seconds = time.perf_counter() - start
    child.join()
    return outcome, seconds, peak


def _peak_of(pid: int | str) -> float:
    """A process's peak RSS since it started its program, in MB (VmHWM: unlike ru_maxrss, it
    does not count the parent's memory the child had before its exec)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _measured(target: Callable[..., str], args: tuple[Any, ...], out: Any) -> None:
    try:
        outcome = target(*args)
    except Exception as error:  # the outcome is what is reported
        outcome = f"{type(error).__name__}: {error}"
    out.send((outcome, _peak_of("self")))


def report(rows: list[tuple[str, str, float, float]]) -> bool:
    ok = True
    for name, outcome, seconds, rss in rows:
        verdict = "ok" if rss < RSS_TARGET_MB else "OVER"
        ok = ok and rss < RSS_TARGET_MB
        print(f"{seconds:8.2f} s {rss:8.1f} MB {verdict:4}  {name:44} {outcome}", flush=True)
    return ok


def run_fetch_cases() -> bool:
    from hostile_fetch import FETCH_CASES, serve  # noqa: PLC0415 - benchmarks/hostile_fetch.py

    print(f"\nfetch (a local server; target: peak RSS < {RSS_TARGET_MB:.0f} MB)")
    rows = []
    with serve() as base:
        for name, case in FETCH_CASES.items():
            outcome, seconds, rss = _peak_child(case, (base,))
            rows.append((name, outcome, seconds, rss))
    return report(rows)


def run_batch_cases() -> bool:
    from hostile_batch import BATCH_CASES, hostile_files  # noqa: PLC0415

    print(f"\nbatch (local files; target: peak RSS < {RSS_TARGET_MB:.0f} MB, no input lost)")
    rows = []
    with hostile_files() as folder:
        for name, case in BATCH_CASES.items():
            outcome, seconds, rss = _peak_child(case, (str(folder),))
            rows.append((name, outcome, seconds, rss))
    return report(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (best is kept)")
    parser.add_argument("--only", default="", help="cases whose name contains this")
    parser.add_argument("--isolate", type=float, default=0.0, metavar="SECONDS")
    parser.add_argument("--fetch", action="store_true", help="also the fetch cases")
    parser.add_argument("--batch", action="store_true", help="also the batch cases")
    parser.add_argument("--no-extract", action="store_true", help="skip the extract() cases")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    print(f"arabic_extract {build_name()}")
    ok = True
    if not args.no_extract:
        ok = extract_cases(args)
    if args.fetch:
        ok = run_fetch_cases() and ok
    if args.batch:
        ok = run_batch_cases() and ok
    return 0 if ok else 1


def extract_cases(args: argparse.Namespace) -> bool:
    cases = [c for c in hostile_cases(full=True) if args.only.lower() in c.name.lower()]
    rows = []
    for case in cases:
        if args.isolate:
            seconds, outcome = run_isolated(case, args.runs, args.isolate)
        else:
            seconds, outcome = run_case(case, args.runs)
        rows.append((seconds, case.name, outcome))
        print(f"{seconds:8.3f} s  {case.name:44} {outcome}", flush=True)
    if not rows:
        return True
    worst = max(rows)
    print()
    print("| case | time (s) | input, result |")
    print("| --- | ---: | --- |")
    for seconds, name, outcome in sorted(rows, reverse=True)[:12]:
        print(f"| {name} | {seconds:.3f} | {' '.join(outcome.split())} |")
    print()
    verdict = "OK" if worst[0] <= TARGET else "OVER TARGET"
    print(f"worst case: {worst[1]}: {worst[0]:.3f} s (target {TARGET} s: {verdict})")
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {usage:.0f} MB")
    return worst[0] <= TARGET


if __name__ == "__main__":
    sys.exit(main())
