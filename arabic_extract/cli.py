"""The ``arabic-extract`` command: extract articles from pages — saved files, stdin, URLs — and
in batch from directories, list files and WARC files (the machinery is :mod:`arabic_extract.batch`).

One page (a file, ``-`` or a URL) prints its Article (JSON, text or Markdown). Anything more is a
batch: JSON output becomes JSON Lines, one row a page with its ``id`` (see docs/scale.md), pages
are extracted by ``--workers`` processes, a progress bar shows on a terminal.

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
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Final

from arabic_extract import __version__
from arabic_extract.api import INPUT_FORMATS, InputFormat
from arabic_extract.batch import (
    DEFAULT_GLOBS,
    PAGE_TYPES,
    STDIN_ID,
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
    read_file,
    run_task,
    run_tasks,
)
from arabic_extract.build_info import build_name
from arabic_extract.commands import SUBCOMMANDS
from arabic_extract.config import ExtractionConfig
from arabic_extract.dedup import DEFAULT_MAX_DISTANCE, MAX_DISTANCE_LIMIT, DedupConfig, DedupLog
from arabic_extract.model import Article, BlockInfo, Label
from arabic_extract.outputs import (
    FORMATS,
    csv_header,
    render_as,
    to_json,
    to_markdown,
    to_text,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG: Final = "arabic-extract"
STDIN: Final = "-"
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPT: Final = 130
EXIT_BROKEN_PIPE: Final = 141
DEFAULT_PAGE_TIMEOUT: Final = 120.0

_RESET: Final = "\x1b[0m"
_STYLES: Final[Mapping[Label, str]] = MappingProxyType(
    {
        Label.BODY: "\x1b[32m",
        Label.HEADLINE: "\x1b[1;33m",
        Label.BYLINE: "\x1b[36m",
        Label.DATE: "\x1b[36m",
        Label.SOURCE: "\x1b[36m",
        Label.CAPTION: "\x1b[35m",
        Label.TAGS: "\x1b[35m",
        Label.NOISE: "\x1b[2;90m",
    }
)
_MAX_REASONS_WIDTH: Final = 32
_ELLIPSIS: Final = "…"


@dataclass(frozen=True)
class Options:
    """The parsed command line."""

    paths: tuple[str, ...]
    fmt: str
    indent: int | None
    explain: bool
    reference_time: datetime | None
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
    links: bool = False
    embeds: bool = False

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
        return self.batch and self.fmt == "json" and not self.explain

    @property
    def error_rows(self) -> bool:
        """In a JSON Lines batch a failed input is an error row (id, error type, message) in
        its place, as well as one line on stderr."""
        return self.rows


class InputFailure(Exception):
    """An input could not be read; the message is one line for stderr."""


class OutputFailure(Exception):
    """Stdout cannot be written (a full disk, a closed descriptor); not a broken pipe."""


# --- argument parsing ---------------------------------------------------------------------


def _iso_datetime(value: str) -> datetime:
    """argparse type for --reference-time: an ISO 8601 date or date-time (``Z`` allowed)."""
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 date-time: {value!r} (e.g. 2024-05-01T12:00:00+03:00)"
        ) from None


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


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help reaches stdout as UTF-8 (it has Arabic examples)."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is None:
            write_stdout(self.format_help())
        else:
            super().print_help(file)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``arabic-extract`` command."""
    parser = _Parser(
        prog=PROG,
        description="Extract the article (headline, source, author, date, tags, body) from "
        "saved Arabic news pages: HTML or the page's visible text.",
        epilog="Exit status: 0 success, 1 an input failed, 2 bad usage.",
    )
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
        help="output format (default: json, one object per line; csv: one row per page)",
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
        type=_iso_datetime,
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
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} ({build_name()})"
    )
    return parser


def _usage_problem(ns: argparse.Namespace, options: Options) -> str | None:
    """A usage error the parser cannot see on its own, or None."""
    if not ns.paths and not ns.files_from:
        return "the following arguments are required: PATH (or --files-from FILE)"
    if ns.explain and ns.fmt is not None:
        return "--explain prints its own report; it cannot be combined with --format"
    if ns.indent is not None and (ns.explain or ns.fmt not in (None, "json")):
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


def parse_args(argv: list[str] | None) -> Options | int:
    """The options, or the exit status when parsing ended the run (--help, --version, errors)."""
    parser = build_parser()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as stop:
        return _exit_code(stop.code)
    try:
        keep = PageFilter.of(
            [n for names in ns.page_types for n in names],
            [n for names in ns.languages for n in names],
        )
    except ValueError as exc:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: --page-type: {exc}", file=sys.stderr)
        return EXIT_USAGE
    options = Options(
        paths=tuple(ns.paths),
        fmt=ns.fmt or "json",
        indent=ns.indent,
        explain=ns.explain,
        reference_time=ns.reference_time,
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
        links=ns.links,
        embeds=ns.embeds,
    )
    problem = _usage_problem(ns, options)
    if problem is not None:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return options


def _exit_code(code: object) -> int:
    """The integer status of a SystemExit code."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    return EXIT_USAGE


# --- input --------------------------------------------------------------------------------


def _display_name(path: str) -> str:
    return STDIN_ID if path == STDIN else path


def _config(options: Options) -> ExtractionConfig:
    return ExtractionConfig(
        explain=options.explain,
        reference_time=options.reference_time,
        links=options.links,
        embeds=options.embeds,
    )


def _single_task(path: str) -> Task:
    """The one task of a single page: a file, stdin or a URL (never a directory or WARC)."""
    if path == STDIN:
        try:
            return Task(id=STDIN_ID, data=read_file(STDIN))
        except ReadError as exc:
            raise InputFailure(str(exc)) from None
    if is_url(path):
        return Task(id=path, uri=path, fetch=True)
    if os.path.isdir(path):
        raise InputFailure("is a directory")
    return Task(id=path, file=path)


def extract_path(
    path: str, config: ExtractionConfig, input_format: InputFormat = "auto"
) -> Article:
    """Read (or fetch) and extract one input; InputFailure when it cannot be read or is not a
    page."""
    result = run_task(_single_task(path), Job(config=config, input_format=input_format))
    if result.error is not None or result.article is None:
        raise InputFailure(result.error.message if result.error else "not a page")
    return result.article


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --- formatting ---------------------------------------------------------------------------


def format_json(article: Article, indent: int | None) -> str:
    return to_json(article, indent)


format_text = to_text
"""The headline, a blank line and the body (:func:`arabic_extract.outputs.to_text`)."""


def format_markdown(article: Article) -> str:
    """The article as Markdown (:func:`arabic_extract.outputs.to_markdown`)."""
    return to_markdown(article)


# --- explain ------------------------------------------------------------------------------


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, with an ellipsis when cut."""
    if sum(_char_width(c) for c in text) <= width:
        return text
    used, out = 0, []
    for char in text:
        char_width = _char_width(char)
        if used + char_width > width - 1:
            break
        used += char_width
        out.append(char)
    return "".join(out) + _ELLIPSIS


def _reasons_width(blocks: list[BlockInfo]) -> int:
    widths = (len(", ".join(b.reasons) or "-") for b in blocks)
    return min(max(widths, default=1), _MAX_REASONS_WIDTH)


def _block_line(block: BlockInfo, reasons_width: int, columns: int | None, colour: bool) -> str:
    reasons = ", ".join(block.reasons) or "-"
    prefix = f"{block.index:>4}  {block.label.value:<8}  {reasons:<{reasons_width}}  "
    text = " ".join(block.text.split())
    if columns is not None:
        text = truncate(text, max(columns - len(prefix), 10))
    line = prefix + text
    return f"{_STYLES[block.label]}{line}{_RESET}" if colour else line


def _summary(article: Article) -> Iterator[str]:
    fields: list[tuple[str, str | None]] = [
        ("headline", article.headline),
        ("source", article.source),
        ("author", article.author),
        ("published", article.published.isoformat() if article.published else None),
        ("date_text", article.date_text),
        ("site_name", article.site_name),
        ("page_type", article.page_type),
        ("language", article.language),
        ("declared", article.declared_language),
        ("tags", ", ".join(article.tags) or None),
    ]
    for name, value in fields:
        yield f"{name + ':':<12}{value if value is not None else '-'}"
    chars = sum(len(p) for p in article.paragraphs)
    yield f"{'paragraphs:':<12}{len(article.paragraphs)} ({chars} characters)"
    yield f"{'captions:':<12}{len(article.captions)}"
    if article.entries:
        yield (
            f"{'entries:':<12}{len(article.entries)} ("
            + ", ".join(e.time for e in article.entries)
            + ")"
        )
    if article.teasers:
        yield f"{'teasers:':<12}{len(article.teasers)}"
    for note in article.notes:
        yield f"{'note:':<12}{note}"


def format_explain(article: Article, columns: int | None, colour: bool) -> str:
    width = _reasons_width(article.blocks)
    lines = [_block_line(b, width, columns, colour) for b in article.blocks]
    if not lines:
        lines.append("(no blocks)")
    lines.append("")
    lines.extend(_summary(article))
    return "\n".join(lines) + "\n"


# --- output -------------------------------------------------------------------------------


def _stdout_is_tty() -> bool:
    isatty: Callable[[], bool] | None = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def use_colour() -> bool:
    """ANSI colours: stdout is a terminal, NO_COLOR is unset or empty, and TERM is not dumb."""
    return (
        _stdout_is_tty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM", "") != "dumb"
    )


def _terminal_columns() -> int | None:
    return shutil.get_terminal_size().columns if _stdout_is_tty() else None


def _write_utf8(text: str) -> None:
    if sys.stdout is None:
        raise OSError(0, "standard output is closed")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()


def write_stdout(text: str) -> None:
    """Write UTF-8 to stdout whatever the locale; OutputFailure on errors but a broken pipe."""
    try:
        _write_utf8(text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputFailure(_one_line(reason)) from None


@dataclass(frozen=True)
class Renderer:
    """Formats a successful Result; picklable, so that worker processes format their pages."""

    fmt: str = "json"
    indent: int | None = None
    explain: bool = False
    columns: int | None = None
    colour: bool = False
    rows: bool = False
    images: bool = False
    links: bool = False

    def article(self, article: Article, ident: str | None = None) -> str:
        """The article in the chosen format; ``ident`` is its input's id (CSV, XML)."""
        if self.explain:
            return format_explain(article, self.columns, self.colour)
        if self.fmt == "json":
            return format_json(article, self.indent)
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
        explain=options.explain,
        columns=_terminal_columns() if to_stdout else None,
        colour=use_colour() if to_stdout else False,
        rows=options.rows,
        images=options.images,
        links=options.links,
    )


def render(article: Article, options: Options, ident: str | None = None) -> str:
    return renderer(options).article(article, ident)


def _header(name: str, first: bool, options: Options) -> str:
    """The separator before an input's output in a batch (none for JSON lines, CSV rows and
    TEI documents, which carry their id; the CSV header row before the first)."""
    if options.fmt == "csv" and not options.explain:
        return csv_header() if first else ""
    if not options.batch or (options.fmt in ("json", "xml") and not options.explain):
        return ""
    comment = options.fmt in ("markdown", "html") and not options.explain
    head = f"<!-- {name} -->\n\n" if comment else f"==> {name} <==\n"
    return head if first else "\n" + head


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class Sink:
    """Where output goes: stdout (UTF-8 whatever the locale) or the -o file."""

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self._file: IO[bytes] | None = None
        if path is not None:
            try:
                self._file = open(path, "ab" if append else "wb")  # noqa: SIM115 - see close()
            except OSError as exc:
                raise OutputFailure(f"{path}: {exc.strerror or exc}") from None

    def write(self, text: str) -> None:
        if self._file is None:
            write_stdout(text)
            return
        try:
            self._file.write(text.encode("utf-8", "replace"))
        except OSError as exc:
            raise OutputFailure(exc.strerror or str(exc)) from None

    def close(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError as exc:
                raise OutputFailure(exc.strerror or str(exc)) from None


def _stderr_is_tty() -> bool:
    isatty: Callable[[], bool] | None = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def run_single(options: Options) -> int:
    """One page (a file, stdin or a URL): its Article, or one line on stderr."""
    path = options.paths[0]
    try:
        article = extract_path(path, _config(options), options.input_format)
    except InputFailure as failure:
        print(f"{PROG}: {_display_name(path)}: {failure}", file=sys.stderr)
        return EXIT_INPUT
    left_out = options.keep.reason(article)
    if left_out is not None:
        if not options.quiet:
            print(
                f"{PROG}: {_display_name(path)}: left out by the filters ({left_out})",
                file=sys.stderr,
            )
        return EXIT_OK
    sink = Sink(options.output)
    try:
        ident = _display_name(path)
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
            yield Task(id=_display_name(listing), error=_error_info(exc))


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
    done = prepare_resume(options.output) if options.resume and options.output else None
    dedup = _dedup_log(options, done)
    skip = _CountingSkip(done) if done is not None else None
    show = not options.quiet and _stderr_is_tty()
    progress = Progress(stream=sys.stderr, enabled=show, width=shutil.get_terminal_size().columns)
    if show:
        _count_in_background(options, progress)
    tasks = iter_tasks(_sources(options), globs=options.globs, skip=skip)
    job = Job(
        config=_config(options),
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
    sink = Sink(options.output, append=options.resume)
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


def _main(argv: list[str] | None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in SUBCOMMANDS:
        try:
            return SUBCOMMANDS[args[0]](args[1:])
        except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    options = parse_args(argv)
    if isinstance(options, int):
        return options
    return run(options)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OutputFailure as failure:
        _silence_stdout()
        print(f"{PROG}: cannot write the output: {failure}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPT
