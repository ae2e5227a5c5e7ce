"""Throughput of arabic_extract's text and Markdown paths on one core: MB/s and pages/s.

    python benchmarks/throughput.py [--seconds S] [--gold-dir DIR]

Inputs: the five seed pages (fixtures/seeds/*/input.txt), the project's text fixtures, and the
pages in ../shared/eval/dev in every rendering but HTML (rendered once, as the evaluation does:
inscriptis, BeautifulSoup and innerText page text, html2text and markdownify Markdown; skipped
when the folder is absent). Each corpus is extracted repeatedly for about S seconds of CPU time;
the figure is bytes of UTF-8 input per CPU second. Targets: at least 5 MB/s for page text, 4 MB/s
for Markdown.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# The installed package is measured (a regular install runs compiled, see setup.py); a checkout
# that is not installed runs its source.
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(REPO_ROOT))

from arabic_extract import __version__, extract  # noqa: E402
from arabic_extract.build_info import build_name  # noqa: E402
from arabic_extract.evaluation import MODES, load_gold_dir, page_input  # noqa: E402

DEFAULT_GOLD_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
MARKDOWN_MODES = frozenset({"html2text", "markdownify"})
TARGETS = {"text": 5.0, "markdown": 4.0}  # MB/s on one core


def corpora(gold_dir: Path) -> dict[str, list[str]]:
    """Named lists of page texts."""
    found = {
        "seeds": sorted(REPO_ROOT.glob("fixtures/seeds/*/input.txt")),
        "text fixtures": sorted(REPO_ROOT.glob("fixtures/text/*/input.txt")),
    }
    out = {name: [p.read_text(encoding="utf-8") for p in paths] for name, paths in found.items()}
    if gold_dir.is_dir():
        pages = load_gold_dir(gold_dir)
        for mode in MODES[1:]:
            out[f"eval/dev {mode}"] = [page_input(page, mode) for page in pages]
    return {name: pages for name, pages in out.items() if pages}


def target(name: str) -> float:
    return TARGETS["markdown" if name.rsplit(maxsplit=1)[-1] in MARKDOWN_MODES else "text"]


def measure(pages: Sequence[str], seconds: float) -> tuple[float, float]:
    """(MB/s, pages/s) of CPU time over repeated passes."""
    size = sum(len(page.encode("utf-8")) for page in pages)
    for page in pages:  # warm up
        extract(page)
    passes = 0
    start = time.process_time()
    while True:
        for page in pages:
            extract(page)
        passes += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            break
    return size * passes / elapsed / 1e6, len(pages) * passes / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Text-path throughput of arabic_extract.")
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per corpus")
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    args = parser.parse_args(argv)
    print(f"arabic_extract {__version__} ({build_name()}), one core")
    print(f"{'corpus':<24} {'pages':>5} {'KB':>8} {'MB/s':>7} {'pages/s':>8} {'target':>7}")
    for name, pages in corpora(args.gold_dir).items():
        mbs, pps = measure(pages, args.seconds)
        kb = sum(len(p.encode("utf-8")) for p in pages) / 1000
        goal = target(name)
        status = "met" if mbs >= goal else "NOT met"
        print(
            f"{name:<24} {len(pages):>5} {kb:>8.1f} {mbs:>7.2f} {pps:>8.0f} {goal:>5.1f} {status}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
