"""The ``arabic-extract`` command: extract articles from saved pages (files or stdin).

Exit status: 0 on success; 1 when an input could not be read or is not a page (the other
inputs are still processed) or the output cannot be written; 2 on bad usage; 141 when the
reader of stdout went away (a pipe into ``head``); 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from arabic_extract import __version__
from arabic_extract.api import extract
from arabic_extract.commands import SUBCOMMANDS
from arabic_extract.config import ExtractionConfig
from arabic_extract.errors import InputError
from arabic_extract.model import Article, BlockInfo, Label

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG: Final = "arabic-extract"
STDIN: Final = "-"
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPT: Final = 130
EXIT_BROKEN_PIPE: Final = 141
URL_MESSAGE: Final = "fetching URLs is not supported yet; save the page and pass the file"

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


def _indent(value: str) -> int:
    """argparse type for --indent: a non-negative integer."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a non-negative integer: {value!r}")
    return number


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
        "paths", nargs="+", metavar="PATH", help="a saved page (HTML or text), or - for stdin"
    )
    parser.add_argument(
        "-f",
        "--format",
        dest="fmt",
        choices=("json", "text", "markdown"),
        default=None,
        help="output format (default: json, one object per line)",
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
        "--reference-time",
        type=_iso_datetime,
        default=None,
        metavar="ISO8601",
        help="resolve relative dates (منذ 3 ساعات) against this time",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _usage_problem(ns: argparse.Namespace) -> str | None:
    """A usage error the parser cannot see on its own, or None."""
    if ns.explain and ns.fmt is not None:
        return "--explain prints its own report; it cannot be combined with --format"
    if ns.indent is not None and (ns.explain or ns.fmt not in (None, "json")):
        return "--indent only applies to JSON output"
    if ns.indent is not None and len(ns.paths) > 1:
        return "--indent needs a single input (several inputs give one JSON object per line)"
    return None


def parse_args(argv: list[str] | None) -> Options | int:
    """The options, or the exit status when parsing ended the run (--help, --version, errors)."""
    parser = build_parser()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as stop:
        return _exit_code(stop.code)
    problem = _usage_problem(ns)
    if problem is not None:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return Options(
        paths=tuple(ns.paths),
        fmt=ns.fmt or "json",
        indent=ns.indent,
        explain=ns.explain,
        reference_time=ns.reference_time,
    )


def _exit_code(code: object) -> int:
    """The integer status of a SystemExit code."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    return EXIT_USAGE


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


# --- input --------------------------------------------------------------------------------


def _display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputFailure("standard input is not available")
    data = stream.read()
    if not isinstance(data, bytes):
        raise InputFailure("standard input is not a byte stream")
    return data


def read_input(path: str) -> bytes:
    """The bytes of a file, or of stdin for ``-``; InputFailure with a one-line reason."""
    if path == STDIN:
        return _read_stdin()
    file = Path(path)
    if file.is_dir():
        raise InputFailure("is a directory")
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputFailure("no such file") from None
    except PermissionError:
        raise InputFailure("permission denied") from None
    except OSError as exc:
        raise InputFailure(exc.strerror or str(exc)) from None


def _config(options: Options) -> ExtractionConfig:
    return ExtractionConfig(explain=options.explain, reference_time=options.reference_time)


def extract_path(path: str, config: ExtractionConfig) -> Article:
    """Read and extract one input; InputFailure when it cannot be read or is not a page."""
    data = read_input(path)
    try:
        return extract(data, config=config)
    except InputError as exc:
        raise InputFailure(_one_line(str(exc)) or "not a page") from None
    except Exception as exc:  # one bad page must not end a run with a traceback
        message = f"internal error ({type(exc).__name__}: {_one_line(str(exc))}); please report it"
        raise InputFailure(message) from None


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --- formatting ---------------------------------------------------------------------------


def format_json(article: Article, indent: int | None) -> str:
    return article.model_dump_json(indent=indent) + "\n"


def format_text(article: Article) -> str:
    parts = [article.headline] if article.headline else []
    parts.append(article.body)
    return "\n\n".join(parts).rstrip("\n") + "\n"


def _date_value(article: Article) -> str | None:
    iso = article.published.isoformat() if article.published else None
    if article.date_text and iso:
        return f"{article.date_text} ({iso})"
    return article.date_text or iso


def _metadata(article: Article) -> list[tuple[str, str | None]]:
    return [
        ("Source", article.source),
        ("Author", article.author),
        ("Date", _date_value(article)),
        ("Site", article.site_name),
        ("Tags", ", ".join(article.tags) or None),
    ]


def _md_escape(line: str) -> str:
    """Escape a leading character that Markdown would read as a heading, list or quote."""
    stripped = line.lstrip()
    if stripped[:1] in ("#", ">", "-", "+", "*", "=", "|"):
        return line.replace(stripped[:1], "\\" + stripped[:1], 1)
    digits = len(stripped) - len(stripped.lstrip("0123456789"))
    if digits and stripped[digits : digits + 1] in (".", ")"):
        return line.replace(stripped[digits], "\\" + stripped[digits], 1)
    return line


def _md_paragraph(text: str) -> str:
    return "\n".join(_md_escape(line) for line in text.splitlines())


def format_markdown(article: Article) -> str:
    sections: list[str] = []
    if article.headline:
        sections.append(f"# {' '.join(article.headline.split())}")
    meta = [f"- **{name}:** {value}" for name, value in _metadata(article) if value]
    if meta:
        sections.append("\n".join(meta))
    sections.extend(_md_paragraph(p) for p in article.paragraphs)
    sections.extend(
        "\n".join(f"> {line}" for line in caption.splitlines()) for caption in article.captions
    )
    return "\n\n".join(sections) + "\n"


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
        ("language", article.language),
        ("tags", ", ".join(article.tags) or None),
    ]
    for name, value in fields:
        yield f"{name + ':':<12}{value if value is not None else '-'}"
    chars = sum(len(p) for p in article.paragraphs)
    yield f"{'paragraphs:':<12}{len(article.paragraphs)} ({chars} characters)"
    yield f"{'captions:':<12}{len(article.captions)}"
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


def render(article: Article, options: Options) -> str:
    if options.explain:
        return format_explain(article, _terminal_columns(), use_colour())
    if options.fmt == "text":
        return format_text(article)
    if options.fmt == "markdown":
        return format_markdown(article)
    return format_json(article, options.indent)


def _header(path: str, first: bool, options: Options) -> str:
    """The separator before an input's output when there are several (none for JSON lines)."""
    if len(options.paths) < 2 or (options.fmt == "json" and not options.explain):
        return ""
    name = _display_name(path)
    head = f"<!-- {name} -->\n\n" if options.fmt == "markdown" else f"==> {name} <==\n"
    return head if first else "\n" + head


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run(options: Options) -> int:
    """Extract and print every input; 1 if any failed, else 0."""
    config = _config(options)
    status = EXIT_OK
    for number, path in enumerate(options.paths):
        try:
            article = extract_path(path, config)
        except InputFailure as failure:
            print(f"{PROG}: {_display_name(path)}: {failure}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        write_stdout(_header(path, number == 0, options) + render(article, options))
    return status


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
    if any(_is_url(p) for p in options.paths):
        print(f"{PROG}: {URL_MESSAGE}", file=sys.stderr)
        return EXIT_USAGE
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
