"""Pages/s of arabic_extract's datatrove step against datatrove's own Trafilatura step, on the
same WARC, in the same run.

    python benchmarks/datatrove_throughput.py [--repeat 20] [--rounds 5]

The WARC is built in a temporary directory from the pages of ../shared/eval/dev (when present)
and the project's HTML fixtures, each repeated ``--repeat`` times. datatrove's ``WarcReader``
reads it once; then, round after round, each step (``ArabicExtractor`` and ``Trafilatura``,
both with their default settings and datatrove's sandbox process) extracts a fresh copy of the
documents, the two taking turns so that a machine whose speed drifts slows both alike. Reported:
each step's pages/s per round (wall clock), and the ratio of the medians. Target: the
arabic_extract step at least 3x the Trafilatura step. Needs ``pip install ".[datatrove]"``.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))  # warc_files, shared with the tests
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(REPO_ROOT))
DEV_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"


def pages() -> list[bytes]:
    found = sorted(DEV_DIR.glob("*.html")) + sorted(REPO_ROOT.glob("fixtures/html/*/source.html"))
    return [path.read_bytes() for path in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of each page")
    parser.add_argument("--rounds", type=int, default=5, help="turns of each step")
    args = parser.parse_args(argv)

    from datatrove.pipeline.extractors import Trafilatura  # noqa: PLC0415
    from datatrove.pipeline.readers import WarcReader  # noqa: PLC0415
    from warc_files import html_response, write_warc  # noqa: PLC0415

    from arabic_extract.build_info import build_name  # noqa: PLC0415
    from arabic_extract.datatrove import ArabicExtractor  # noqa: PLC0415

    sources = pages()
    if not DEV_DIR.is_dir():
        print(f"{DEV_DIR} not found: the fixtures only")
    with tempfile.TemporaryDirectory() as folder:
        records = [
            html_response(f"https://news.example/{n}", sources[n % len(sources)])
            for n in range(len(sources) * args.repeat)
        ]
        write_warc(Path(folder) / "pages.warc.gz", records)
        documents = list(WarcReader(folder)())
    print(
        f"arabic_extract ({build_name()}); {len(documents)} documents "
        f"({len(sources)} pages x {args.repeat}), {args.rounds} rounds"
    )
    steps = {"arabic_extract": ArabicExtractor(), "trafilatura": Trafilatura()}
    rates: dict[str, list[float]] = {name: [] for name in steps}
    kept: dict[str, int] = {}
    for round_number in range(args.rounds):
        for name, step in steps.items():
            batch = copy.deepcopy(documents)
            start = time.perf_counter()
            kept[name] = sum(1 for _ in step.run(iter(batch)))
            elapsed = time.perf_counter() - start
            rates[name].append(len(batch) / elapsed)
        line = "  ".join(f"{name} {rates[name][-1]:7.1f} pages/s" for name in steps)
        print(f"round {round_number + 1}: {line}")
    ours, theirs = (statistics.median(rates[name]) for name in steps)
    print(f"median: arabic_extract {ours:.1f} pages/s, trafilatura {theirs:.1f} pages/s")
    print(f"documents kept: {kept}")
    print(f"ratio: {ours / theirs:.2f}x (target >= 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
