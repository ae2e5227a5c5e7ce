"""Memory: RSS growth over many extractions (a leak shows as steady growth).

    python benchmarks/memory.py                 # 10,000 extractions
    python benchmarks/memory.py --count 2000

Cycles through the fixture pages and the development pages of ../shared/eval/dev (when present),
as bytes, through :func:`arabic_extract.extract`. After a warm-up pass over every page (caches
and the allocator's pools filled), it records the current RSS (``/proc/self/statm``) and the peak
(``resource.getrusage``), runs the extractions, and prints both again. Target: under 20 MB of
growth.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from pathlib import Path

from arabic_extract import ExtractionConfig, extract
from arabic_extract.build_info import build_name

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
TARGET_MB = 20.0


def pages() -> list[bytes]:
    paths = [
        *sorted((ROOT / "fixtures").glob("*/*/input.txt")),
        *sorted((ROOT / "fixtures").glob("*/*/source.html")),
        *(sorted(DEV.glob("*.html")) if DEV.is_dir() else []),
    ]
    return [path.read_bytes() for path in paths]


def current_rss_mb() -> float:
    """Resident set size now (Linux /proc/self/statm: pages)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="extractions after warm-up")
    args = parser.parse_args()
    inputs = pages()
    explain = ExtractionConfig(explain=True)
    for page in inputs:  # warm-up
        extract(page)
        extract(page, config=explain)
    gc.collect()
    start_rss, start_peak = current_rss_mb(), peak_rss_mb()
    print(f"arabic_extract {build_name()}; {len(inputs)} pages")
    print(f"after warm-up: RSS {start_rss:.1f} MB, peak {start_peak:.1f} MB")
    started = time.perf_counter()
    checkpoints = {args.count * k // 4 for k in range(1, 5)}
    for i in range(1, args.count + 1):
        page = inputs[i % len(inputs)]
        extract(page, config=explain if i % 10 == 0 else None)
        if i in checkpoints:
            print(f"  {i:6d} extractions: RSS {current_rss_mb():.1f} MB", flush=True)
    gc.collect()
    elapsed = time.perf_counter() - started
    end_rss, end_peak = current_rss_mb(), peak_rss_mb()
    growth = end_rss - start_rss
    print(
        f"after {args.count} extractions ({elapsed:.0f} s): RSS {end_rss:.1f} MB, "
        f"peak {end_peak:.1f} MB"
    )
    verdict = "OK" if growth < TARGET_MB else "OVER TARGET"
    print(
        f"RSS growth: {growth:+.1f} MB (peak {end_peak - start_peak:+.1f} MB); "
        f"target < {TARGET_MB:.0f} MB: {verdict}"
    )
    return 0 if growth < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
