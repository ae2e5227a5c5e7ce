"""Subcommands of ``arabic-extract`` besides extraction itself. ``arabic-extract NAME ...`` runs
``SUBCOMMANDS[NAME]`` with the rest of the arguments; it returns the exit status.

``schema``
    print the Article JSON schema.
``eval GOLD_DIR``
    score arabic_extract on a folder of ``NNN.html`` + ``NNN.gold.json`` pages with the measures
    of :mod:`arabic_extract.evaluation` (the ones ``benchmarks/compare.py`` reports), page by page
    and in total; exit 1 when the mean F1 is under ``--min-f1``.
``explain PAGE``
    every block of a page with its label and rules (as ``arabic-extract PAGE --explain``), or
    with ``--html FILE`` a self-contained right-to-left HTML report (:mod:`arabic_extract.report`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType

from arabic_extract.evaluation import (
    MODE_CHOICES,
    GoldPage,
    Report,
    arabic_extract_prediction,
    evaluate,
    format_page_table,
    load_gold_dir,
    modes_for,
)
from arabic_extract.model import Article

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _write(text: str) -> None:
    """UTF-8 to stdout whatever the locale (the CLI's writer: broken pipes handled by main)."""
    from arabic_extract.cli import write_stdout  # noqa: PLC0415  (cli imports this module)

    write_stdout(text)


def _error(prog: str, message: str) -> None:
    print(f"{prog}: {message}", file=sys.stderr)


# --- schema -------------------------------------------------------------------------------


def schema_command(argv: list[str]) -> int:
    """``arabic-extract schema``: print the Article JSON schema."""
    parser = argparse.ArgumentParser(
        prog="arabic-extract schema", description="Print the JSON schema of Article."
    )
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    options = parser.parse_args(argv)
    text = json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=options.indent)
    _write(text + "\n")
    return EXIT_OK


# --- eval ---------------------------------------------------------------------------------

EVAL_PROG = "arabic-extract eval"


def _unit_float(value: str) -> float:
    """argparse type for --min-f1: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"not a number from 0 to 1: {value!r}")
    return number


def eval_parser() -> argparse.ArgumentParser:
    """The argument parser of ``arabic-extract eval``."""
    parser = argparse.ArgumentParser(
        prog=EVAL_PROG,
        description="Score arabic_extract on a folder of gold pages (NNN.html with "
        "NNN.gold.json beside it): body precision/recall/F1 (bag of normalised words), worst "
        "page, leaked noise snippets, headline and source accuracy; per page and in total.",
        epilog="Exit status: 0 success; 1 the folder cannot be read, a page failed to extract, "
        "or the mean F1 is under --min-f1; 2 bad usage.",
    )
    parser.add_argument("gold_dir", metavar="GOLD_DIR", type=Path, help="folder of gold pages")
    parser.add_argument(
        "--mode",
        choices=MODE_CHOICES,
        default="html",
        help="extract from the HTML as served (html), from its visible text (text: inscriptis, "
        "as a scraper copies it), from BeautifulSoup's text (bs4), from Markdown (html2text, "
        "markdownify), from a browser's innerText (innertext); both: html and text; all: every "
        "one (default: html)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--min-f1",
        type=_unit_float,
        default=None,
        metavar="X",
        help="exit 1 when the mean body F1 (of any mode) is under X",
    )
    return parser


def _load_pages(gold_dir: Path) -> list[GoldPage] | str:
    """The gold pages, or a one-line reason they cannot be loaded."""
    try:
        pages = load_gold_dir(gold_dir)
    except (OSError, ValueError) as exc:  # missing folder or HTML, bad JSON, bad gold fields
        return " ".join(str(exc).split()) or type(exc).__name__
    if not pages:
        return f"no NNN.gold.json + NNN.html pairs in {gold_dir}"
    return pages


def _eval_json(gold_dir: Path, reports: Sequence[Report], min_f1: float | None) -> str:
    data = {
        "gold_dir": str(gold_dir),
        "min_f1": min_f1,
        "reports": [report.model_dump(mode="json") for report in reports],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _eval_table(gold_dir: Path, reports: Sequence[Report]) -> str:
    parts = [
        f"== {report.mode}: {len(report.pages)} pages from {gold_dir} ==\n"
        f"{format_page_table(report)}\n"
        for report in reports
    ]
    return "\n".join(parts)


def eval_command(argv: list[str]) -> int:
    """``arabic-extract eval GOLD_DIR [--mode MODE|both|all] [--json] [--min-f1 X]``."""
    options = eval_parser().parse_args(argv)
    pages = _load_pages(options.gold_dir)
    if isinstance(pages, str):
        _error(EVAL_PROG, pages)
        return EXIT_FAILED
    modes = modes_for(options.mode)
    reports: list[Report] = []
    for mode in modes:
        try:
            reports.append(evaluate(pages, arabic_extract_prediction, mode, name="arabic_extract"))
        except ImportError as exc:  # a rendering without its renderer (the test extra)
            _error(EVAL_PROG, str(exc))
            return EXIT_FAILED
    if options.json:
        _write(_eval_json(options.gold_dir, reports, options.min_f1))
    else:
        _write(_eval_table(options.gold_dir, reports))
    status = EXIT_OK
    for report in reports:
        for page in report.errors:
            _error(EVAL_PROG, f"{page.id} ({report.mode}): extraction failed: {page.error}")
            status = EXIT_FAILED
        if options.min_f1 is not None and report.mean_f1 < options.min_f1:
            _error(
                EVAL_PROG,
                f"mean F1 {report.mean_f1:.3f} ({report.mode}) is under --min-f1 "
                f"{options.min_f1:g}",
            )
            status = EXIT_FAILED
    return status


# --- explain ------------------------------------------------------------------------------

EXPLAIN_PROG = "arabic-extract explain"


def explain_parser() -> argparse.ArgumentParser:
    """The argument parser of ``arabic-extract explain``."""
    from arabic_extract.cli import _iso_datetime  # noqa: PLC0415  (cli imports this module)

    parser = argparse.ArgumentParser(
        prog=EXPLAIN_PROG,
        description="Show every block of a page with its label and the rules that decided it: "
        "in the terminal (as `arabic-extract PAGE --explain`), or as a self-contained "
        "right-to-left HTML report with --html.",
        epilog="Exit status: 0 success, 1 the page cannot be read or the report cannot be "
        "written, 2 bad usage.",
    )
    parser.add_argument("page", metavar="PAGE", help="a saved page (HTML or text), or - for stdin")
    parser.add_argument(
        "--html",
        metavar="REPORT",
        default=None,
        help="write the HTML report to this file (- for stdout)",
    )
    parser.add_argument(
        "--reference-time",
        type=_iso_datetime,
        default=None,
        metavar="ISO8601",
        help="resolve relative dates against this time",
    )
    return parser


def explain_command(argv: list[str]) -> int:
    """``arabic-extract explain PAGE [--html REPORT] [--reference-time ISO8601]``."""
    from arabic_extract import cli  # noqa: PLC0415  (cli imports this module)
    from arabic_extract.config import ExtractionConfig  # noqa: PLC0415
    from arabic_extract.report import render_report  # noqa: PLC0415

    options = explain_parser().parse_args(argv)
    if options.html is None:  # exactly `arabic-extract PAGE --explain`
        when = options.reference_time
        reference = ["--reference-time", when.isoformat()] if when is not None else []
        return cli._main(["--explain", *reference, "--", options.page])
    name = cli._display_name(options.page)
    config = ExtractionConfig(explain=True, reference_time=options.reference_time)
    try:
        article = cli.extract_path(options.page, config)
    except cli.InputFailure as failure:
        _error(cli.PROG, f"{name}: {failure}")
        return EXIT_FAILED
    report = render_report(article, title=name)
    if options.html == cli.STDIN:
        _write(report)
        return EXIT_OK
    try:
        Path(options.html).write_text(report, encoding="utf-8")
    except OSError as exc:
        _error(EXPLAIN_PROG, f"cannot write {options.html}: {exc.strerror or exc}")
        return EXIT_FAILED
    return EXIT_OK


SUBCOMMANDS: MappingProxyType[str, Callable[[list[str]], int]] = MappingProxyType(
    {"schema": schema_command, "eval": eval_command, "explain": explain_command}
)
