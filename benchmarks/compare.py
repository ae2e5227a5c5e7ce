"""Compare arabic_extract with other main-content extractors on a gold folder.

    python benchmarks/compare.py [GOLD_DIR] [--mode MODE|both|all] [--extractors a,b,...]
                                 [--write-docs docs/benchmarks.md] [--repeat N]

GOLD_DIR holds ``NNN.html`` + ``NNN.gold.json`` pairs (format in ``shared/README.md``); it
defaults to ``../shared/eval/dev`` next to the repository. All extractors run in this process on
the same pages and the same inputs. In ``html`` mode each gets the HTML as served (decoded); in
the other modes each gets the page as another tool hands it over (see
:mod:`arabic_extract.shapes`): its visible text (``text``, inscriptis), BeautifulSoup's text
(``bs4``), Markdown (``html2text``, ``markdownify``) or a browser's ``innerText``
(``innertext``): arabic_extract as it is, the others as that text with each line wrapped in
``<p>`` (none of them reads page text or Markdown). ``both`` is html and text, ``all`` every
mode. Competitors that are not
installed are skipped (``pip install -e '.[bench]'``). Measures, scoring and table layout come
from :mod:`arabic_extract.evaluation`; this script only adds the adapters, the run loop and the
output.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import importlib.util
import os
import platform
import statistics
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
# The installed package is measured (a regular install runs compiled, see setup.py); a checkout
# that is not installed runs its source.
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(REPO_ROOT))

from arabic_extract.build_info import build_name  # noqa: E402
from arabic_extract.evaluation import (  # noqa: E402
    MODE_CHOICES,
    GoldPage,
    Mode,
    PageScore,
    Prediction,
    Report,
    arabic_extract_prediction,
    evaluate,
    format_markdown_table,
    format_table,
    load_gold_dir,
    modes_for,
    page_input,
)

DEFAULT_GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"

Adapter = Callable[[GoldPage, str], Prediction]
"""``(page, input) -> Prediction``; ``input`` is HTML in html mode, visible text in text mode."""


@dataclass(frozen=True)
class Competitor:
    name: str
    distribution: str  # package name on PyPI, for versions and skip messages
    make: Callable[[Mode], Adapter]  # raises ImportError when the package is missing


# --------------------------------------------------------------------------- helpers


def text_as_html(text: str) -> str:
    """Visible text as minimal HTML: each non-blank line in its own escaped ``<p>``."""
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f"<html><body>\n{paragraphs}</body></html>"


def html_input(mode: Mode, source: str) -> str:
    return source if mode == "html" else text_as_html(source)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with block boundaries kept (for readability's summary)."""
    from inscriptis import get_text  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    text: str = get_text(fragment)
    return text


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# --------------------------------------------------------------------------- adapters


def make_arabic_extract(mode: Mode) -> Adapter:
    # the same adapter `arabic-extract eval` scores
    return arabic_extract_prediction


def make_trafilatura(favor_precision: bool) -> Callable[[Mode], Adapter]:
    def make(mode: Mode) -> Adapter:
        from trafilatura import bare_extraction  # noqa: PLC0415

        def run(page: GoldPage, source: str) -> Prediction:
            doc = bare_extraction(
                html_input(mode, source), favor_precision=favor_precision, with_metadata=True
            )
            if doc is None or isinstance(doc, dict):
                return Prediction()
            # same text as trafilatura.extract(): body, then comments (included by default)
            body = "\n".join(t for t in (doc.text, doc.comments) if t)
            return Prediction(body=body, headline=_str(doc.title), source=_str(doc.sitename))

        return run

    return make


def make_justext(mode: Mode) -> Adapter:
    import justext  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    stoplist = justext.get_stoplist("Arabic")

    def run(page: GoldPage, source: str) -> Prediction:
        paragraphs = justext.justext(html_input(mode, source), stoplist)
        body = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return Prediction(body=body)

    return run


def make_readability(mode: Mode) -> Adapter:
    import inscriptis  # noqa: F401, PLC0415  (for html_to_text)
    from readability import Document  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    def run(page: GoldPage, source: str) -> Prediction:
        doc = Document(html_input(mode, source))
        body = html_to_text(doc.summary())
        return Prediction(body=body, headline=_str(doc.short_title()))

    return run


def make_resiliparse(mode: Mode) -> Adapter:
    from resiliparse.extract.html2text import extract_plain_text  # noqa: PLC0415

    def run(page: GoldPage, source: str) -> Prediction:
        return Prediction(body=extract_plain_text(html_input(mode, source), main_content=True))

    return run


def make_boilerpy3(mode: Mode) -> Adapter:
    from boilerpy3 import extractors  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    extractor = extractors.ArticleExtractor()

    def run(page: GoldPage, source: str) -> Prediction:
        doc = extractor.get_doc(html_input(mode, source))
        return Prediction(body=doc.content, headline=_str(doc.title))

    return run


def make_newspaper(mode: Mode) -> Adapter:
    with warnings.catch_warnings():  # "nltk is not installed" (NLP features are not used)
        warnings.simplefilter("ignore")
        import newspaper  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    def run(page: GoldPage, source: str) -> Prediction:
        article = newspaper.Article(
            f"https://{page.site or 'example.com'}/", language="ar", fetch_images=False
        )
        article.download(input_html=html_input(mode, source))
        article.parse()
        return Prediction(
            body=article.text, headline=_str(article.title), source=_str(article.meta_site_name)
        )

    return run


def make_goose(mode: Mode) -> Adapter:
    from goose3 import Goose  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    goose = Goose({"target_language": "ar", "use_meta_language": False})

    def run(page: GoldPage, source: str) -> Prediction:
        article = goose.extract(raw_html=html_input(mode, source))
        return Prediction(body=article.cleaned_text or "", headline=_str(article.title))

    return run


COMPETITORS: tuple[Competitor, ...] = (
    Competitor("arabic_extract", "arabic-news-extract", make_arabic_extract),
    Competitor("trafilatura", "trafilatura", make_trafilatura(favor_precision=False)),
    Competitor("trafilatura-precision", "trafilatura", make_trafilatura(favor_precision=True)),
    Competitor("justext", "jusText", make_justext),
    Competitor("readability", "readability-lxml", make_readability),
    Competitor("resiliparse", "resiliparse", make_resiliparse),
    Competitor("boilerpy3", "boilerpy3", make_boilerpy3),
    Competitor("newspaper4k", "newspaper4k", make_newspaper),
    Competitor("goose3", "goose3", make_goose),
)


# --------------------------------------------------------------------------- running


def run_mode(
    pages: list[GoldPage], competitors: list[Competitor], mode: Mode, repeat: int, rounds: int = 1
) -> list[Report]:
    """Score every competitor on every page. The competitors take turns page by page (each
    gets its warm-up and timed calls on a page, then the next one does), and with several
    ``rounds`` a page's time is the median of its rounds: a machine whose speed drifts during
    the run (shared or throttled cores) slows every competitor alike."""
    inputs = {page.id: page_input(page, mode) for page in pages}
    adapters: list[tuple[str, Adapter]] = []
    for competitor in competitors:
        try:
            adapters.append((competitor.name, competitor.make(mode)))
        except ImportError as exc:
            print(
                f"skipping {competitor.name}: {competitor.distribution} not installed ({exc})",
                file=sys.stderr,
            )
    runs: dict[str, list[Report]] = {name: [] for name, _ in adapters}
    for _ in range(rounds):
        scores: dict[str, list[PageScore]] = {name: [] for name, _ in adapters}
        for page in pages:
            for name, adapter in adapters:
                one = evaluate(
                    [page], adapter, mode, name=name, inputs=inputs, repeat=repeat, warmup=True
                )
                scores[name].extend(one.pages)
        for name, page_scores in scores.items():
            runs[name].append(Report(extractor=name, mode=mode, pages=page_scores))
    reports = [median_times(name_runs) for name_runs in runs.values()]
    for report in reports:
        failed: dict[str, list[str]] = {}
        for page in report.errors:
            failed.setdefault(page.error or "", []).append(page.id)
        for error, ids in failed.items():
            print(f"  {report.extractor} failed on {', '.join(ids)}: {error}", file=sys.stderr)
    return reports


def speed_ratios(reports: list[Report], ours: str = "arabic_extract") -> str:
    """arabic_extract's median time per page as a multiple of each other extractor's (the
    form of the speed targets: <= 0.2x trafilatura, <= 3x resiliparse); "" without it."""
    base = next((r for r in reports if r.extractor == ours), None)
    if base is None or not base.pages:
        return ""
    parts = [
        f"{base.median_ms / r.median_ms:.2f}x {r.extractor}"
        for r in reports
        if r is not base and r.pages and r.median_ms > 0
    ]
    return f"{ours} median time = " + ", ".join(parts) if parts else ""


def median_times(runs: list[Report]) -> Report:
    """The first round's scores, each page timed by the median of its rounds."""
    first = runs[0]
    pages = [
        page.model_copy(update={"ms": statistics.median(run.pages[i].ms for run in runs)})
        for i, page in enumerate(first.pages)
    ]
    return first.model_copy(update={"pages": pages})


def package_versions(competitors: list[Competitor]) -> dict[str, str]:
    names = [*(c.distribution for c in competitors), "inscriptis", "lxml"]
    versions: dict[str, str] = {}
    for name in dict.fromkeys(names):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    if versions.get("arabic-news-extract") == "not installed":  # run from a checkout
        import arabic_extract  # noqa: PLC0415

        versions["arabic-news-extract"] = str(getattr(arabic_extract, "__version__", "checkout"))
    if "arabic-news-extract" in versions:
        versions["arabic-news-extract"] += f" ({build_name()})"
    return versions


def nproc() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def markdown(
    results: dict[str, list[Report]],
    gold_dir: Path,
    n_pages: int,
    repeat: int,
    competitors: list[Competitor],
    *,
    rounds: int = 1,
) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `python benchmarks/compare.py` on {now}.",
        "",
        f"- gold pages: {n_pages} (`{gold_dir.name}`)",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, nproc = {nproc()}",
        f"- timing: one warm-up call, then median of {repeat} call(s) per page; {rounds} "
        "round(s) in which the extractors take turns page by page, a page's time being the "
        "median of its rounds",
        "- packages: " + ", ".join(f"{k} {v}" for k, v in package_versions(competitors).items()),
        "",
        "Measures (see `arabic_extract/evaluation.py`): bag-of-words precision/recall/F1 of the "
        "body after Arabic normalisation, averaged over pages; worst page F1; leak = share of "
        "gold noise snippets found in the body; headline correct at token F1 >= 0.9; source "
        "correct on normalised containment. An extractor that raises on a page scores 0 there.",
    ]
    titles = {
        "html": "HTML as served",
        "text": "Visible text (inscriptis)",
        "bs4": "BeautifulSoup text (get_text with a newline separator)",
        "html2text": "Markdown (html2text, body_width=0)",
        "markdownify": "Markdown (markdownify)",
        "innertext": "Browser innerText",
    }
    for mode, reports in results.items():
        lines += ["", f"## {titles.get(mode, mode)}", "", format_markdown_table(reports)]
        if ratios := speed_ratios(reports):
            lines += ["", f"Speed: {ratios}."]
        errors = [(r.extractor, p.id, p.error) for r in reports for p in r.errors]
        if errors:
            lines += ["", "Errors:", ""]
            lines += [f"- {name} on {pid}: `{err}`" for name, pid, err in errors]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--mode", choices=MODE_CHOICES, default="both")
    names = ",".join(c.name for c in COMPETITORS)
    parser.add_argument(
        "--extractors", default=names, help=f"comma-separated subset of: {names} (default: all)"
    )
    parser.add_argument("--write-docs", type=Path, metavar="FILE", help="write Markdown tables")
    parser.add_argument("--repeat", type=int, default=3, help="timed calls per page (median)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds in which the extractors take turns page by page; a page's time is the "
        "median of them",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    wanted = [n.strip() for n in args.extractors.split(",") if n.strip()]
    known = {c.name for c in COMPETITORS}
    unknown = [n for n in wanted if n not in known]
    if unknown or not wanted:
        parser.error(f"unknown extractor(s) {', '.join(unknown) or '(none given)'}; use {names}")
    args.extractors = wanted
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pages = load_gold_dir(args.gold_dir)
    if not pages:
        print(f"no NNN.gold.json + NNN.html pairs in {args.gold_dir}", file=sys.stderr)
        return 1
    competitors = [c for c in COMPETITORS if c.name in args.extractors]
    modes = modes_for(args.mode)
    print(f"{len(pages)} pages from {args.gold_dir}, repeat={args.repeat}, rounds={args.rounds}")
    results: dict[str, list[Report]] = {}
    for mode in modes:
        reports = run_mode(pages, competitors, mode, args.repeat, args.rounds)
        results[mode] = reports
        print(f"\n== mode: {mode} ==")
        print(format_table(reports))
        if ratios := speed_ratios(reports):
            print(ratios)
    if args.write_docs:
        doc = markdown(
            results, args.gold_dir, len(pages), args.repeat, competitors, rounds=args.rounds
        )
        args.write_docs.parent.mkdir(parents=True, exist_ok=True)
        args.write_docs.write_text(doc, encoding="utf-8")
        print(f"\nwrote {args.write_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
