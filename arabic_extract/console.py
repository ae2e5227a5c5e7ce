"""What every ``arabic-extract`` command shares: its name and exit statuses, UTF-8 output
whatever the locale (stdout or an ``-o`` file), the argument types and parser, and reading one
page (a file, stdin or a URL) into an Article."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from datetime import datetime
from typing import IO, TYPE_CHECKING, Final

from arabic_extract import files
from arabic_extract.api import InputFormat
from arabic_extract.batch import STDIN_ID, Job, ReadError, Task, is_url, read_file, run_task
from arabic_extract.config import ExtractionConfig
from arabic_extract.model import Article

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG: Final = "arabic-extract"
STDIN: Final = "-"
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPT: Final = 130
EXIT_BROKEN_PIPE: Final = 141


class InputFailure(Exception):
    """An input could not be read; the message is one line for stderr."""


class UsageError(Exception):
    """Options that do not go together, or settings that are not valid: exit status 2."""


class OutputFailure(Exception):
    """Stdout cannot be written (a full disk, a closed descriptor); not a broken pipe."""


def iso_datetime(value: str) -> datetime:
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


class Parser(argparse.ArgumentParser):
    """An argument parser whose help reaches stdout as UTF-8 (it has Arabic examples)."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is None:
            write_stdout(self.format_help())
        else:
            super().print_help(file)


class VersionAction(argparse.Action):
    """``--version``: the version line on stdout as it is, never wrapped to the terminal's
    width (argparse's own action wraps it, which breaks scripts that read it)."""

    def __init__(self, option_strings: list[str], dest: str, version: str, help: str) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)
        self.version = version

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        write_stdout(f"{parser.prog} {self.version}\n")
        parser.exit()


def exit_code(code: object) -> int:
    """The integer status of a SystemExit code."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    return EXIT_USAGE


def display_name(path: str) -> str:
    return STDIN_ID if path == STDIN else path


def single_task(path: str) -> Task:
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
    result = run_task(single_task(path), Job(config=config, input_format=input_format))
    if result.error is not None or result.article is None:
        raise InputFailure(result.error.message if result.error else "not a page")
    return result.article


def one_line(message: str) -> str:
    return " ".join(message.split())


# --- output --------------------------------------------------------------------------------------


def stdout_is_tty() -> bool:
    isatty: Callable[[], bool] | None = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def use_colour() -> bool:
    """ANSI colours: stdout is a terminal, NO_COLOR is unset or empty, and TERM is not dumb."""
    return (
        stdout_is_tty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM", "") != "dumb"
    )


def terminal_columns() -> int | None:
    return shutil.get_terminal_size().columns if stdout_is_tty() else None


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
        raise OutputFailure(one_line(reason)) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class Sink:
    """Where output goes: stdout (UTF-8 whatever the locale) or the -o file, locked for this
    run (a second run on the same file stops before writing or emptying it: see
    :func:`arabic_extract.files.open_locked`)."""

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self._file: IO[bytes] | None = None
        if path is not None:
            try:
                self._file = files.open_locked(path, append=append)
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
