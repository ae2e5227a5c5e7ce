"""Subcommands of ``arabic-extract`` besides ``extract`` (:mod:`arabic_extract.cli`): each has an
``add_*_arguments`` that fills its argparse subparser and sets the function that runs it (which
takes the parsed namespace and returns the exit status).

``schema``
    print the JSON schema of the Article as the command writes it (``mode="serialization"``:
    with ``body``).
``eval GOLD_DIR``
    score arabic_extract on a folder of ``NNN.html`` + ``NNN.gold.json`` pages with the measures
    of :mod:`arabic_extract.evaluation` (the ones ``benchmarks/compare.py`` reports), page by page
    and in total; exit 1 when the mean F1 is under ``--min-f1``.
``explain PAGE``
    every block of a page with its label and rules (as ``arabic-extract extract PAGE
    --explain``), or with ``--html FILE`` a self-contained right-to-left HTML report
    (:mod:`arabic_extract.report`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from arabic_extract import settings
from arabic_extract.config import ExtractionConfig
from arabic_extract.console import (
    EXIT_INPUT,
    EXIT_OK,
    PROG,
    STDIN,
    InputFailure,
    UsageError,
    display_name,
    extract_path,
    iso_datetime,
    terminal_columns,
    use_colour,
    write_stdout,
)
from arabic_extract.evaluation import (
    MODE_CHOICES,
    GoldPage,
    Report,
    arabic_extract_extractor,
    evaluate,
    format_page_table,
    load_gold_dir,
    modes_for,
)
from arabic_extract.explain import format_explain
from arabic_extract.model import Article
from arabic_extract.report import render_report


def _error(prog: str, message: str) -> None:
    print(f"{prog}: {message}", file=sys.stderr)


def _config(ns: argparse.Namespace, **fixed: object) -> ExtractionConfig:
    """The settings options' config; UsageError (exit 2) when they are not valid."""
    try:
        return settings.config_from(ns, **fixed)
    except settings.SettingsError as exc:
        raise UsageError(str(exc)) from None


# --- schema -------------------------------------------------------------------------------


def add_schema_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``arabic-extract schema``."""
    parser.description = (
        "Print the JSON schema of the Article the command writes (every field, body included)."
    )
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    parser.set_defaults(run=run_schema, command_parser=parser)


def run_schema(ns: argparse.Namespace) -> int:
    """``arabic-extract schema``."""
    schema = Article.model_json_schema(mode="serialization")
    write_stdout(json.dumps(schema, ensure_ascii=False, indent=ns.indent) + "\n")
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


def add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``arabic-extract eval``."""
    parser.description = (
        "Score arabic_extract on a folder of gold pages (NNN.html with NNN.gold.json beside "
        "it): body precision/recall/F1 (bag of normalised words), worst page, leaked noise "
        "snippets, headline and source accuracy; per page and in total."
    )
    parser.epilog = (
        "Exit status: 0 success; 1 the folder cannot be read, a page failed to extract, or "
        "the mean F1 is under --min-f1; 2 bad usage."
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
    settings.add_arguments(parser)
    parser.set_defaults(run=run_eval, command_parser=parser)


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


def run_eval(options: argparse.Namespace) -> int:
    """``arabic-extract eval GOLD_DIR [--mode MODE|both|all] [--json] [--min-f1 X]``."""
    extractor = arabic_extract_extractor(_config(options))
    pages = _load_pages(options.gold_dir)
    if isinstance(pages, str):
        _error(EVAL_PROG, pages)
        return EXIT_INPUT
    modes = modes_for(options.mode)
    reports: list[Report] = []
    for mode in modes:
        try:
            reports.append(evaluate(pages, extractor, mode, name="arabic_extract"))
        except ImportError as exc:  # a rendering without its renderer (the test extra)
            _error(EVAL_PROG, str(exc))
            return EXIT_INPUT
    if options.json:
        write_stdout(_eval_json(options.gold_dir, reports, options.min_f1))
    else:
        write_stdout(_eval_table(options.gold_dir, reports))
    status = EXIT_OK
    for report in reports:
        for page in report.errors:
            _error(EVAL_PROG, f"{page.id} ({report.mode}): extraction failed: {page.error}")
            status = EXIT_INPUT
        if options.min_f1 is not None and report.mean_f1 < options.min_f1:
            _error(
                EVAL_PROG,
                f"mean F1 {report.mean_f1:.3f} ({report.mode}) is under --min-f1 "
                f"{options.min_f1:g}",
            )
            status = EXIT_INPUT
    return status


# --- explain ------------------------------------------------------------------------------

EXPLAIN_PROG = "arabic-extract explain"


def add_explain_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``arabic-extract explain``."""
    parser.description = (
        "Show every block of a page with its label and the rules that decided it: in the "
        "terminal (as `arabic-extract extract PAGE --explain`), or as a self-contained "
        "right-to-left HTML report with --html."
    )
    parser.epilog = (
        "Exit status: 0 success, 1 the page cannot be read or the report cannot be written, "
        "2 bad usage."
    )
    parser.add_argument("page", metavar="PAGE", help="a saved page (HTML, text, Markdown), or -")
    parser.add_argument(
        "--html",
        metavar="REPORT",
        default=None,
        help="write the HTML report to this file (- for stdout)",
    )
    parser.add_argument(
        "--reference-time",
        type=iso_datetime,
        default=None,
        metavar="ISO8601",
        help="resolve relative dates against this time",
    )
    settings.add_arguments(parser)
    parser.set_defaults(run=run_explain, command_parser=parser)


def run_explain(ns: argparse.Namespace) -> int:
    """``arabic-extract explain PAGE [--html REPORT] [--reference-time ISO8601]``."""
    fixed: dict[str, object] = {"explain": True}
    if ns.reference_time is not None:
        fixed["reference_time"] = ns.reference_time
    config = _config(ns, **fixed)
    name = display_name(ns.page)
    try:
        article = extract_path(ns.page, config)
    except InputFailure as failure:
        _error(PROG, f"{name}: {failure}")
        return EXIT_INPUT
    if ns.html is None:
        write_stdout(format_explain(article, terminal_columns(), use_colour()))
        return EXIT_OK
    report = render_report(article, title=name)
    if ns.html == STDIN:
        write_stdout(report)
        return EXIT_OK
    try:
        Path(ns.html).write_text(report, encoding="utf-8")
    except OSError as exc:
        _error(EXPLAIN_PROG, f"cannot write {ns.html}: {exc.strerror or exc}")
        return EXIT_INPUT
    return EXIT_OK
