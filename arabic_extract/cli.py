"""The ``arabic-extract`` command and its subcommands: ``extract`` (articles from pages — saved
files, stdin, URLs — and in batch from directories, list files and WARC files; the machinery is
:mod:`arabic_extract.batch`), ``eval``, ``explain`` and ``schema`` (:mod:`arabic_extract.commands`).

``extract`` on one page (a file, ``-`` or a URL) prints its Article (JSON, text or Markdown).
Anything more is a batch: JSON output becomes JSON Lines, one row a page with its ``id`` (see
docs/scale.md), pages are extracted by ``--workers`` processes, a progress bar shows on a
terminal.

Exit status: 0 on success; 1 when an input could not be read or is not a page (the other
inputs are still processed) or the output cannot be written; 2 on bad usage; 141 when the
reader of stdout went away (a pipe into ``head``); 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from arabic_extract import __version__, commands, settings
from arabic_extract.api import INPUT_FORMATS, InputFormat
from arabic_extract.batch import (
    DEFAULT_GLOBS,
    DEFAULT_PAGE_TIMEOUT,
    PAGE_TYPES,
    DoneIds,
    ErrorInfo,
    Job,
    PageFilter,
    Progress,
    ReadError,
    Result,
    Task,
    count_inputs,
    default_workers,
    is_url,
    is_warc,
    iter_list_file,
    iter_tasks,
    prepare_resume,
    run_tasks,
)
from arabic_extract.build_info import build_name
from arabic_extract.config import ExtractionConfig
from arabic_extract.console import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERRUPT,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    STDIN,
    InputFailure,
    OutputFailure,
    Parser,
    Sink,
    UsageError,
    VersionAction,
    display_name,
    exit_code,
    extract_path,
    iso_datetime,
    silence_stdout,
    terminal_columns,
    use_colour,
)
from arabic_extract.dedup import DEFAULT_MAX_DISTANCE, MAX_DISTANCE_LIMIT, DedupConfig, DedupLog
from arabic_extract.explain import format_explain
from arabic_extract.model import Article
from arabic_extract.outputs import FORMATS, csv_header, render_as, to_json

SUBCOMMANDS: Final = ("extract", "eval", "explain", "schema")


@dataclass(frozen=True)
class Options:
    """The parsed command line."""

    paths: tuple[str, ...]
    fmt: str
    indent: int | None
    explain: bool
    config: ExtractionConfig
    # --explain without --format: the terminal listing (with --format json, the Article and its
    # blocks as JSON)
    listing: bool = False
    files_from: tuple[str, ...] = ()
    globs: tuple[str, ...] = DEFAULT_GLOBS
    output: str | None = None
    workers: int | None = None
    ordered: bool = True
    resume: bool = False
    quiet: bool = False
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT
    input_format: InputFormat = "auto"
    keep: PageFilter = field(default_factory=PageFilter)
    dedup: bool = False
    dedup_distance: int = DEFAULT_MAX_DISTANCE
    images: bool = False

    @property
    def expands(self) -> bool:
        """An input that holds many pages: a list file, a directory or a WARC file."""
        return bool(self.files_from) or any(_expands(path) for path in self.paths)

    @property
    def batch(self) -> bool:
        """More than one page (or --resume): rows with ids, workers, progress."""
        return len(self.paths) > 1 or self.resume or self.expands

    @property
    def rows(self) -> bool:
        """JSON Lines rows ``{"id": ..., ...}`` rather than bare Articles."""
        return self.batch and self.fmt == "json" and not self.listing

    @property
    def error_rows(self) -> bool:
        """In a JSON Lines batch a failed input is an error row (id, error type, message) in
        its place, as well as one line on stderr."""
        return self.rows


# --- argument parsing ---------------------------------------------------------------------


def _expands(path: str) -> bool:
    return not is_url(path) and (is_warc(path) or os.path.isdir(path))


def _count(value: str, what: str) -> int:
    """A non-negative integer argument; ``what`` names it in the error."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not {what}: {value!r}")
    return number


def _workers(value: str) -> int:
    """argparse type for --workers: a positive integer, or 0 for all cores."""
    return _count(value, "a number of workers") or default_workers()


def _seconds(value: str) -> float:
    """argparse type for --page-timeout: seconds, 0 for none."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}")
    return number


def _names(value: str) -> list[str]:
    """argparse type for --page-type and --language: one name or a comma list."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("expected a name or a comma-separated list")
    return names


def _distance(value: str) -> int:
    """argparse type for --dedup-distance: 0 to MAX_DISTANCE_LIMIT bits."""
    number = _count(value, "a number of bits")
    if number > MAX_DISTANCE_LIMIT:
        raise argparse.ArgumentTypeError(f"at most {MAX_DISTANCE_LIMIT} bits: {value!r}")
    return number


def _indent(value: str) -> int:
    """argparse type for --indent: a non-negative integer."""
    return _count(value, "a non-negative integer")


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``arabic-extract extract``."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a saved page (HTML or text), - for stdin, an http(s) URL, a directory, "
        "or a WARC file (.warc, .warc.gz)",
    )
    parser.add_argument(
        "-f",
        "--format",
        dest="fmt",
        choices=FORMATS,
        default=None,
        help="output format (default: json, one object per line; csv: one row per page; with "
        "--explain, json gives the Article with every block)",
    )
    parser.add_argument(
        "--images",
        action="store_true",
        help="markdown, html, xml: write the figures' images (their addresses), not only "
        "their captions",
    )
    parser.add_argument(
        "--links",
        action="store_true",
        help="keep the links of the article's text (Article.content's spans) and write them",
    )
    parser.add_argument(
        "--embeds",
        action="store_true",
        help="keep what the article embeds (tweets, videos, iframes) in its content and body",
    )
    parser.add_argument(
        "--indent", type=_indent, default=None, metavar="N", help="pretty-print JSON (one input)"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="show every block with its label and the rules that decided it",
    )
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="what the pages are: HTML, page text or Markdown (default: auto, told apart by "
        "their content)",
    )
    parser.add_argument(
        "--reference-time",
        type=iso_datetime,
        default=None,
        metavar="ISO8601",
        help="resolve relative dates (منذ 3 ساعات) against this time",
    )
    batch = parser.add_argument_group(
        "batch", "many pages: JSON output is then JSON Lines, one row a page with its id"
    )
    batch.add_argument(
        "--files-from",
        action="append",
        default=[],
        metavar="FILE",
        help="read inputs (paths, directories, WARCs, URLs) from FILE, one a line; - for stdin",
    )
    batch.add_argument(
        "--glob",
        action="append",
        default=None,
        metavar="PATTERN",
        help="files to take from directories, case-insensitive; repeat for several "
        f"(default: {' '.join(DEFAULT_GLOBS)})",
    )
    batch.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE, not stdout"
    )
    batch.add_argument(
        "-w",
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help="worker processes (default: all cores; 1: no worker processes)",
    )
    batch.add_argument(
        "--unordered",
        action="store_true",
        help="write each page as soon as it is done, not in input order",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs whose id is already in the -o file, and append to it",
    )
    batch.add_argument(
        "--page-timeout",
        type=_seconds,
        default=DEFAULT_PAGE_TIMEOUT,
        metavar="SECONDS",
        help="a worker that spends longer on one page is replaced and the page reported as "
        f"failed (default {DEFAULT_PAGE_TIMEOUT:g}; 0: no limit)",
    )
    batch.add_argument(
        "--dedup",
        action="store_true",
        help="drop pages whose body duplicates, exactly or nearly, one written before; they "
        "are listed, with the id they duplicate, in FILE.duplicates.jsonl beside -o FILE",
    )
    batch.add_argument(
        "--dedup-distance",
        type=_distance,
        default=DEFAULT_MAX_DISTANCE,
        metavar="BITS",
        help="--dedup: bodies whose fingerprints differ in at most this many of 64 bits are "
        f"duplicates (default {DEFAULT_MAX_DISTANCE}; 0: the same body)",
    )
    batch.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    filters = parser.add_argument_group(
        "filters",
        "keep only some pages; the others are not output, and are counted in the summary",
    )
    filters.add_argument(
        "--page-type",
        dest="page_types",
        action="append",
        type=_names,
        default=[],
        metavar="TYPE",
        help=f"keep pages of this type: {', '.join(PAGE_TYPES)} (repeat, or a comma list)",
    )
    filters.add_argument(
        "--language",
        dest="languages",
        action="append",
        type=_names,
        default=[],
        metavar="CODE",
        help="keep pages whose text is in this language: ar, fa, ur, en... (repeat, or a comma "
        "list; und: not determined)",
    )
    settings.add_arguments(parser)
    parser.set_defaults(run=run_extract, command_parser=parser)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``arabic-extract`` command and its subcommands."""
    parser = Parser(
        prog=PROG,
        description="Extract the article (headline, source, author, date, tags, body) from "
        "Arabic news pages: HTML, the page's visible text, or Markdown.",
        epilog=f"Run {PROG} COMMAND --help for a command's options. Exit status: 0 success, "
        "1 an input failed, 2 bad usage.",
    )
    parser.add_argument(
        "--version",
        action=VersionAction,
        version=f"{__version__} ({build_name()})",
        help="show the version and the build (compiled or pure Python) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    add_extract_arguments(
        sub.add_parser(
            "extract",
            help="extract the article of pages: files, stdin, URLs, directories, WARC files",
            description="Extract the article of saved pages (HTML, text or Markdown), stdin, "
            "URLs, and in batch of directories, list files and WARC files.",
            epilog="Exit status: 0 success, 1 an input failed, 2 bad usage.",
        )
    )
    commands.add_eval_arguments(
        sub.add_parser("eval", help="score the extraction on a folder of gold pages")
    )
    commands.add_explain_arguments(
        sub.add_parser("explain", help="every block of a page with its label and rules")
    )
    commands.add_schema_arguments(
        sub.add_parser("schema", help="print the JSON schema of the Article rows")
    )
    return parser


def _usage_problem(ns: argparse.Namespace, options: Options) -> str | None:
    """A usage error the parser cannot see on its own, or None."""
    if not ns.paths and not ns.files_from:
        return "the following arguments are required: PATH (or --files-from FILE)"
    if ns.explain and ns.fmt not in (None, "json"):
        return "--explain shows its own listing, or with --format json the Article and its blocks"
    if ns.indent is not None and (options.listing or ns.fmt not in (None, "json")):
        return "--indent only applies to JSON output"
    if ns.indent is not None and options.batch:
        return "--indent needs a single input (several inputs give one JSON object per line)"
    if ns.resume and (ns.output is None or not options.rows):
        return "--resume needs JSON output to a file: -o FILE"
    if ns.dedup and (ns.output is None or not options.batch):
        return "--dedup needs a batch written to a file: -o FILE (duplicates go beside it)"
    if STDIN in ns.paths and STDIN in ns.files_from:
        return "standard input cannot be both a page (-) and a list (--files-from -)"
    return None


def extract_options(ns: argparse.Namespace) -> Options:
    """The options of ``arabic-extract extract``; UsageError when they do not go together."""
    try:
        keep = PageFilter.of(
            [n for names in ns.page_types for n in names],
            [n for names in ns.languages for n in names],
        )
    except ValueError as exc:
        raise UsageError(f"--page-type: {exc}") from None
    fixed: dict[str, object] = {"explain": True} if ns.explain else {}
    if ns.reference_time is not None:
        fixed["reference_time"] = ns.reference_time
    fixed.update({name: True for name in ("links", "embeds") if getattr(ns, name)})
    try:
        config = settings.config_from(ns, **fixed)
    except settings.SettingsError as exc:
        raise UsageError(str(exc)) from None
    options = Options(
        paths=tuple(ns.paths),
        fmt=ns.fmt or "json",
        indent=ns.indent,
        explain=ns.explain,
        config=config,
        listing=ns.explain and ns.fmt is None,
        files_from=tuple(ns.files_from),
        globs=tuple(ns.glob) if ns.glob else DEFAULT_GLOBS,
        output=ns.output,
        workers=ns.workers,
        ordered=not ns.unordered,
        resume=ns.resume,
        quiet=ns.quiet,
        page_timeout=ns.page_timeout or None,
        input_format=ns.input_format,
        keep=keep,
        dedup=ns.dedup,
        dedup_distance=ns.dedup_distance,
        images=ns.images,
    )
    problem = _usage_problem(ns, options)
    if problem is not None:
        raise UsageError(problem)
    return options


# --- input --------------------------------------------------------------------------------


# --- output -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Renderer:
    """Formats a successful Result; picklable, so that worker processes format their pages."""

    fmt: str = "json"
    indent: int | None = None
    listing: bool = False
    columns: int | None = None
    colour: bool = False
    rows: bool = False
    images: bool = False
    links: bool = False

    def article(self, article: Article, ident: str | None = None) -> str:
        """The article in the chosen format; ``ident`` is its input's id (CSV, XML)."""
        if self.listing:
            return format_explain(article, self.columns, self.colour)
        if self.fmt == "json":
            return to_json(article, self.indent)
        return render_as(self.fmt, article, images=self.images, links=self.links, ident=ident)

    def __call__(self, result: Result) -> str:
        if self.rows:
            return result.to_json() + "\n"
        if result.article is None:
            raise ValueError("only successful results are rendered")
        return self.article(result.article, result.id)


def renderer(options: Options) -> Renderer:
    to_stdout = options.output is None
    return Renderer(
        fmt=options.fmt,
        indent=options.indent,
        listing=options.listing,
        columns=terminal_columns() if to_stdout else None,
        colour=use_colour() if to_stdout else False,
        rows=options.rows,
        images=options.images,
        links=options.config.links,
    )


def render(article: Article, options: Options, ident: str | None = None) -> str:
    return renderer(options).article(article, ident)


def _header(name: str, first: bool, options: Options) -> str:
    """The separator before an input's output in a batch (none for JSON lines, CSV rows and
    TEI documents, which carry their id; the CSV header row before the first)."""
    if options.fmt == "csv" and not options.listing:
        return csv_header() if first else ""
    if not options.batch or (options.fmt in ("json", "xml") and not options.listing):
        return ""
    comment = options.fmt in ("markdown", "html") and not options.listing
    head = f"<!-- {name} -->\n\n" if comment else f"==> {name} <==\n"
    return head if first else "\n" + head


def _stderr_is_tty() -> bool:
    isatty: Callable[[], bool] | None = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def run_single(options: Options) -> int:
    """One page (a file, stdin or a URL): its Article, or one line on stderr."""
    path = options.paths[0]
    try:
        article = extract_path(path, options.config, options.input_format)
    except InputFailure as failure:
        print(f"{PROG}: {display_name(path)}: {failure}", file=sys.stderr)
        return EXIT_INPUT
    left_out = options.keep.reason(article)
    if left_out is not None:
        if not options.quiet:
            print(
                f"{PROG}: {display_name(path)}: left out by the filters ({left_out})",
                file=sys.stderr,
            )
        return EXIT_OK
    sink = Sink(options.output)
    try:
        ident = display_name(path)
        sink.write(_header(ident, True, options) + render(article, options, ident))
    finally:
        sink.close()
    return EXIT_OK


class _CountingSkip:
    """The ids of --resume, counting how many inputs they skip."""

    def __init__(self, done: DoneIds) -> None:
        self.done = done
        self.count = 0

    def __contains__(self, ident: object) -> bool:
        found = ident in self.done
        self.count += found
        return found


def _sources(options: Options) -> Iterator[str | Task]:
    """The inputs: the PATH arguments, then the entries of each --files-from list."""
    yield from options.paths
    for listing in options.files_from:
        try:
            yield from iter_list_file(listing)
        except ReadError as exc:
            yield Task(id=display_name(listing), error=_error_info(exc))


def _error_info(exc: ReadError) -> ErrorInfo:
    return ErrorInfo(type(exc).__name__, str(exc))


def _count_in_background(options: Options, progress: Progress) -> None:
    """Give the progress bar its total (for the ETA) when counting is cheap."""
    if STDIN in options.files_from:
        return

    def count() -> None:
        entries: Iterable[str] = (s for s in _sources(options) if isinstance(s, str))
        try:
            progress.total = count_inputs(entries, options.globs)
        except (OSError, ValueError):
            return

    threading.Thread(target=count, name="count-inputs", daemon=True).start()


def run_batch(options: Options) -> int:
    """Many pages: rows (or formatted pages with headers) in input order; failures counted."""
    sink = Sink(options.output, append=options.resume)  # locked before anything is read
    try:
        done = prepare_resume(options.output) if options.resume and options.output else None
        dedup = _dedup_log(options, done)
    except BaseException:
        sink.close()
        raise
    skip = _CountingSkip(done) if done is not None else None
    show = not options.quiet and _stderr_is_tty()
    progress = Progress(stream=sys.stderr, enabled=show, width=shutil.get_terminal_size().columns)
    if show:
        _count_in_background(options, progress)
    tasks = iter_tasks(_sources(options), globs=options.globs, skip=skip, config=options.config)
    job = Job(
        config=options.config,
        render=renderer(options),
        keep=options.keep,
        input_format=options.input_format,
    )
    results = run_tasks(
        tasks,
        job,
        workers=options.workers,
        ordered=options.ordered,
        page_timeout=options.page_timeout,
    )
    status = EXIT_OK
    try:
        written = 0
        for result in results:
            progress.add(result)
            if result.filtered is not None:
                continue
            if result.error is None:
                if dedup is not None and dedup.drop(result):
                    continue
                sink.write(_header(result.id, written == 0, options) + (result.text or ""))
                written += 1
                continue
            status = EXIT_INPUT
            if not (options.quiet and options.error_rows):
                progress.note(f"{PROG}: {result.id}: {result.error.message}")
            if options.error_rows:
                sink.write(result.to_json() + "\n")
    finally:
        progress.clear()
        sink.close()
        if dedup is not None:
            dedup.close()
    if show:
        progress.skipped = skip.count if skip is not None else 0
        dropped = f"; {dedup.summary()}" if dedup is not None else ""
        print(f"{PROG}: {progress.summary()}{dropped}", file=sys.stderr)
    elif progress.filtered and not options.quiet:  # no summary line: still say so
        print(f"{PROG}: {progress.filtered_line()}", file=sys.stderr)
    return status


def _dedup_log(options: Options, done: DoneIds | None) -> DedupLog | None:
    """--dedup: the side file beside -o (on --resume, its ids join the done ones)."""
    if not options.dedup or options.output is None:
        return None
    config = DedupConfig(max_distance=options.dedup_distance)
    add = done.add if done is not None else None
    try:
        return DedupLog(options.output, config, resume=options.resume, done=add)
    except OSError as exc:
        raise OutputFailure(f"{exc.filename}: {exc.strerror or exc}") from None


def run(options: Options) -> int:
    """Extract and print every input; 1 if any failed, else 0."""
    return run_batch(options) if options.batch else run_single(options)


def run_extract(ns: argparse.Namespace) -> int:
    """``arabic-extract extract``."""
    return run(extract_options(ns))


def _not_a_command(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """The usage error for a first argument that is no command (a page given without
    ``extract``, as earlier versions took it), or None."""
    first = next((a for a in argv if not a.startswith("-") or a == STDIN), None)
    if first is None or first in SUBCOMMANDS:
        return None
    return f"{first!r} is not a command; to extract a page: {PROG} extract {first}"


def _main(argv: list[str] | None) -> int:
    args = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    problem = _not_a_command(parser, args)
    if problem is not None:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        ns, extra = parser.parse_known_args(args)
        if ns.command is None:
            parser.print_help()
            return EXIT_USAGE
        if extra:  # said by the command's parser, with its usage
            ns.command_parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as stop:  # --help, --version (0) or a usage error (2)
        return exit_code(stop.code)
    try:
        status: int = ns.run(ns)
    except UsageError as problem_:
        ns.command_parser.print_usage(sys.stderr)
        print(f"{PROG} {ns.command}: error: {problem_}", file=sys.stderr)
        return EXIT_USAGE
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except OutputFailure as failure:
        silence_stdout()
        print(f"{PROG}: cannot write the output: {failure}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPT
