"""Extraction at scale: many inputs, worker processes, ordered or unordered results, resume.

Inputs (:func:`iter_tasks`) are enumerated lazily, one at a time:

- a page file (HTML or text), read by the worker that extracts it; ``-`` is standard input;
- a directory, walked recursively in sorted order, keeping the files whose name (or path relative
  to the directory, for a pattern with ``/``) matches one of the globs (case-insensitive);
- a WARC file (``.warc`` / ``.warc.gz``, local or any fsspec URL such as ``s3://``), read with
  FastWARC: every ``response`` record with a 2xx status and an HTML content type is one page,
  its HTTP charset handed to the decoder and its target URI given as the article's URL;
- an ``http://`` or ``https://`` URL, fetched by the worker (:mod:`arabic_extract.fetch`);
- a list file (:func:`iter_list_file`): one input of any of these kinds a line.

:func:`extract_many` yields one :class:`Result` per page, in input order (or as soon as ready
with ``ordered=False``). With ``workers`` > 1 the pages go to worker processes through bounded
queues (at most ``depth`` pages sent ahead to each worker, at most ``window`` results held back to
restore the order), so memory does not grow with the number of pages. A page that fails — not a
page, unreadable, an HTTP error, a worker that crashed or ran over ``page_timeout`` — becomes a
Result with an :class:`ErrorInfo`; it never stops the run.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias

from arabic_extract import files
from arabic_extract.api import InputFormat, extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.errors import InputError
from arabic_extract.extras import install_hint
from arabic_extract.fetch import FetchOptions, fetch
from arabic_extract.model import Article, PageType

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

STDIN: Final = "-"
STDIN_ID: Final = "<stdin>"
DEFAULT_GLOBS: Final = (
    *("*.html", "*.htm", "*.xhtml", "*.txt", "*.md", "*.markdown"),
    *("*.html.gz", "*.htm.gz", "*.txt.gz", "*.md.gz", "*.warc", "*.warc.gz"),
)
WARC_SUFFIXES: Final = (".warc", ".warc.gz")
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
SMALL_RUN: Final = 16
"""Runs of fewer pages than this are extracted in the calling process: starting workers costs
more than it saves."""
PIPE_BYTES: Final = 1 << 20
STILLBORN_LIMIT: Final = 4
"""This many workers in a row dying before their first result stops the run (a broken
environment, not a bad page)."""
DEFAULT_PAGE_TIMEOUT: Final = 120.0
"""Seconds one page may take (see :func:`extract_many`); the command line's default too."""
_DEFAULTS: Final = ExtractionConfig()


class ReadError(InputError):
    """An input file or directory cannot be read."""


class WarcError(InputError):
    """A WARC file cannot be opened or is broken (records before the break are kept)."""


@dataclass(frozen=True)
class ErrorInfo:
    """Why an input failed: ``type`` is an exception name (ReadError, InputError, FetchError,
    WarcError, Timeout, WorkerCrash, InternalError), ``message`` one line."""

    type: str
    message: str


@dataclass(frozen=True)
class Task:
    """One page to extract, small enough to send to a worker process.

    The page is ``data`` (bytes or text already in memory), else the file ``file``, else the URL
    ``uri`` when ``fetch`` is set. ``error`` marks an input that failed before extraction.
    """

    id: str
    file: str | None = None
    data: bytes | str | None = None
    fetch: bool = False
    record_id: str | None = None
    uri: str | None = None
    encoding: str | None = None
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class Result:
    """The outcome for one input: an :class:`Article` or an :class:`ErrorInfo`.

    ``id`` is the input's path (as enumerated), URL, or WARC-Record-ID; ``record_id`` and ``uri``
    are the WARC-Record-ID and WARC-Target-URI of a WARC record (``uri`` is also the final URL of
    a fetched page). ``size`` is the number of input bytes read. ``text`` is the output a
    ``render`` function made in the worker (the article is then dropped, but its
    ``fingerprint`` is kept, for :mod:`arabic_extract.dedup`). ``filtered`` says why a page the
    filters leave out (``page_types``, ``languages``) was left out: it then has no article and
    no text, and is neither ok nor an error.
    """

    id: str
    article: Article | None = None
    error: ErrorInfo | None = None
    record_id: str | None = None
    uri: str | None = None
    size: int = 0
    text: str | None = None
    filtered: str | None = None
    fingerprint: str | None = None

    @property
    def ok(self) -> bool:
        """Extracted and kept by the filters."""
        return self.error is None and self.filtered is None

    def head(self) -> dict[str, Any]:
        return {"id": self.id, "record_id": self.record_id, "uri": self.uri}

    def to_dict(self) -> dict[str, Any]:
        """The JSON row as a dict: ``id``, ``record_id``, ``uri``, then the Article's fields
        (JSON types), or ``error`` with ``type`` and ``message``."""
        row = self.head()
        if self.error is not None:
            row["error"] = {"type": self.error.type, "message": self.error.message}
        elif self.filtered is not None:
            row["filtered"] = self.filtered
        elif self.article is not None:
            row.update(self.article.model_dump(mode="json"))
        return row

    def to_json(self) -> str:
        """One JSON Lines row (no newline); see :meth:`to_dict`."""
        if self.error is None and self.article is not None:
            head = json.dumps(self.head(), ensure_ascii=False, separators=(",", ":"))
            return head[:-1] + "," + self.article.model_dump_json()[1:]
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


Render: TypeAlias = Callable[[Result], str]
Source: TypeAlias = "str | os.PathLike[str] | tuple[str, str | bytes] | Task"


PAGE_TYPES: Final[tuple[PageType, ...]] = (
    "article",
    "listing",
    "live",
    "gallery",
    "video",
    "other",
)


@dataclass(frozen=True)
class PageFilter:
    """The pages a run keeps: those of one of ``page_types`` and in one of ``languages``
    (language codes as :attr:`Article.language` gives them: ``ar``, ``fa``...; ``und`` keeps
    pages whose language could not be read). Empty keeps all."""

    page_types: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, page_types: Iterable[str] | None = None, languages: Iterable[str] | None = None
    ) -> PageFilter:
        """A filter from names as a user writes them (``ar-EG`` is ``ar``); ValueError for an
        unknown page type."""
        types = frozenset(t.strip().lower() for t in page_types or () if t.strip())
        unknown = sorted(types - set(PAGE_TYPES))
        if unknown:
            raise ValueError(
                f"unknown page type {', '.join(unknown)} (one of: {', '.join(PAGE_TYPES)})"
            )
        codes = frozenset(
            c.strip().lower().replace("_", "-").split("-")[0] for c in languages or () if c.strip()
        )
        return cls(types, codes)

    def reason(self, article: Article) -> str | None:
        """Why the filter leaves ``article`` out, or None when it keeps it."""
        if self.page_types and article.page_type not in self.page_types:
            return f"page type {article.page_type}"
        language = article.language or "und"
        if self.languages and language not in self.languages:
            return f"language {language}"
        return None


@dataclass(frozen=True)
class Job:
    """What every worker does with a task. ``render`` (a picklable callable) turns a successful
    Result into output text inside the worker, so the main process only writes; ``keep`` leaves
    out the pages it does not keep (their Result says why)."""

    config: ExtractionConfig = field(default_factory=ExtractionConfig)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    render: Render | None = None
    input_format: InputFormat = "auto"
    keep: PageFilter = field(default_factory=PageFilter)


# --- input enumeration ----------------------------------------------------------------------


def one_line(message: str) -> str:
    return " ".join(message.split())


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def is_warc(source: str) -> bool:
    return source.lower().endswith(WARC_SUFFIXES)


def _remote(source: str) -> bool:
    return "://" in source and not is_url(source)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or str(exc)


def read_file(path: str, config: ExtractionConfig = _DEFAULTS) -> bytes:
    """The bytes of a regular file, or of standard input for ``-``, read with the cap of
    ``extract`` (``config.max_input_bytes``: InputError past it, the rest unread, unless
    ``truncate_input``; see :mod:`arabic_extract.files`); ReadError with a short reason (a
    FIFO or a device is one)."""
    cap, cut = config.max_input_bytes, config.truncate_input
    if path == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        data = files.read_stream(stream, cap, cut=cut) if stream is not None else None
        if not isinstance(data, bytes):
            raise ReadError("standard input is not available as bytes")
        return data
    try:
        return files.read_file(path, cap, cut=cut)
    except OSError as exc:
        raise ReadError(_os_reason(exc)) from None


def _matches(relative: str, name: str, globs: Sequence[str]) -> bool:
    name, relative = name.lower(), relative.lower()
    for pattern in globs:
        target = relative if "/" in pattern else name
        if fnmatch.fnmatchcase(target, pattern.lower()):
            return True
    return False


def iter_directory(root: str, globs: Sequence[str] = DEFAULT_GLOBS) -> Iterator[str | Task]:
    """The matching files under ``root`` (sorted, recursive), and a failed Task for a
    directory that cannot be read or has no matching file."""
    errors: list[OSError] = []
    found = False
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames.sort()
        while errors:
            failed = errors.pop(0)
            where = failed.filename if isinstance(failed.filename, str) else dirpath
            yield Task(id=where, error=ErrorInfo("ReadError", _os_reason(failed)))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if _matches(relative, name, globs):
                found = True
                yield path
    for failed in errors:
        where = failed.filename if isinstance(failed.filename, str) else root
        yield Task(id=where, error=ErrorInfo("ReadError", _os_reason(failed)))
    if not found:
        patterns = " ".join(globs)
        message = f"directory has no files matching {patterns}"
        yield Task(id=root, error=ErrorInfo("ReadError", message))


def iter_list_file(path: str) -> Iterator[str]:
    """The inputs named in a list file (``-`` for stdin): one a line; blank lines and lines
    starting with ``#`` are skipped. Relative paths are taken from the current directory."""
    if path == STDIN:
        stream: IO[str] = sys.stdin
        yield from _list_lines(stream)
        return
    try:
        with open(path, encoding="utf-8-sig") as stream:
            yield from _list_lines(stream)
    except OSError as exc:
        raise ReadError(f"{path}: {_os_reason(exc)}") from None


def _list_lines(stream: IO[str]) -> Iterator[str]:
    for line in stream:
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield entry


def _http_status(record: Any) -> int:
    headers = record.http_headers
    code = getattr(headers, "status_code", None) if headers is not None else None
    return int(code) if code is not None else 0


def _truncated(record: Any, data: bytes) -> bool:
    """A payload shorter than its record says (FastWARC stops quietly at the end of a cut
    file). Only checked when no content or transfer encoding changed the payload's length."""
    headers = record.http_headers
    if headers is None or headers.get("Content-Encoding") or headers.get("Transfer-Encoding"):
        return False
    return len(data) < int(record.content_length)


def iter_warc(
    path: str, skip: Callable[[str], bool] | None = None, config: ExtractionConfig = _DEFAULTS
) -> Iterator[Task]:
    """One Task per HTML response record (2xx) of a WARC file, read with FastWARC, each payload
    with the cap of ``extract`` (a failed Task past it); a failed Task (WarcError) when the file
    cannot be opened or breaks off, cut in a record (see :func:`_warc_records`)."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: PLC0415
    except ImportError:  # pragma: no cover - depends on the environment
        message = f"reading WARC files needs FastWARC: {install_hint('warc')}"
        yield Task(id=path, error=ErrorInfo("WarcError", message))
        return
    if not _remote(path):
        try:
            with open(path, "rb"):
                pass
        except OSError as exc:
            yield Task(id=path, error=ErrorInfo("ReadError", _os_reason(exc)))
            return
    options: dict[str, Any] = {} if _remote(path) else {"fsspec_args": False}
    counter = [0]
    try:
        records = ArchiveIterator(path, parse_http=True, auto_decode="all", **options)
        yield from _warc_records(
            path,
            records,
            response=WarcRecordType.response,
            skip=skip,
            config=config,
            counter=counter,
        )
    except (OSError, ValueError) as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        message = f"broken WARC after {counter[0]} pages: {reason}"
        yield Task(id=path, error=ErrorInfo("WarcError", message))


def _warc_records(
    path: str,
    records: Iterable[Any],
    *,
    response: Any,
    skip: Callable[[str], bool] | None,
    config: ExtractionConfig,
    counter: list[int],
) -> Iterator[Task]:
    """The Tasks of a WARC file's records, each one held back until the next record shows it
    whole: FastWARC stops quietly where a file is cut, and the record cut in two would be lost
    without a word (or read half). A local file is checked from its last record on
    (:func:`arabic_extract.files.warc_cut_short`): its last record is given only when whole,
    and a cut makes a WarcError Task. ``counter[0]`` counts the pages given. (A header that
    FastWARC cannot read raises once the record before it is given: that one ended whole.)"""
    held: Task | None = None
    held_at = last = 0
    try:
        for record in records:
            if held is not None:
                yield held
                held = None
            last = record.stream_pos
            if record.record_type != response:
                continue
            task = _warc_task(path, record, skip, config, counter[0])
            if task is None:
                continue
            if task.error is not None and task.error.type == "WarcError":
                yield task
                return
            held, held_at = task, last
            counter[0] += task.error is None
    except (OSError, ValueError):
        if held is not None:
            yield held
        raise
    cut = None if _remote(path) else files.warc_cut_short(path, last)
    if held is not None and (cut is None or held_at != last or files.record_whole(path, last)):
        yield held
    elif held is not None:
        counter[0] -= held.error is None
    if cut is not None:
        message = f"broken WARC after {counter[0]} pages: {cut}"
        yield Task(id=path, error=ErrorInfo("WarcError", message))


def _warc_task(
    path: str,
    record: Any,
    skip: Callable[[str], bool] | None,
    config: ExtractionConfig,
    count: int,
) -> Task | None:
    """The Task of an HTML response record (2xx), None for another record or a skipped one."""
    media = (record.http_content_type or "").lower()
    if media not in HTML_TYPES or not 200 <= _http_status(record) < 300:
        return None
    # a record without its (mandatory) WARC-Record-ID is named by its place in the file
    record_id: str = record.record_id or f"{path}#{count + 1}"
    if skip is not None and skip(record_id):
        return None
    uri = record.headers.get("WARC-Target-URI")
    try:
        data = files.read_stream(record.reader, config.max_input_bytes, cut=config.truncate_input)
    except InputError as exc:
        error = ErrorInfo("InputError", one_line(str(exc)))
        return Task(id=record_id, record_id=record_id, uri=uri, error=error)
    if len(data) <= config.max_input_bytes and _truncated(record, data):
        message = f"broken WARC after {count} pages: the file ends inside a record"
        return Task(id=path, error=ErrorInfo("WarcError", message))
    encoding = record.http_charset or None
    return Task(id=record_id, data=data, record_id=record_id, uri=uri, encoding=encoding)


def iter_tasks(
    sources: Iterable[Source],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    skip: Container[str] | None = None,
    config: ExtractionConfig = _DEFAULTS,
) -> Iterator[Task]:
    """The Tasks of ``sources`` (see the module docstring), lazily; inputs whose id is in
    ``skip`` are left out (``--resume``). ``(id, page)`` pairs are pages already in memory.
    Standard input and WARC records are read here, with the cap of ``config``."""
    skipped: Callable[[str], bool] | None = None if skip is None else skip.__contains__
    for source in sources:
        if isinstance(source, Task):
            if skipped is None or not skipped(source.id):
                yield source
            continue
        if isinstance(source, tuple):
            ident, page = source
            if skipped is None or not skipped(ident):
                yield Task(id=ident, data=page)
            continue
        yield from _tasks_of(os.fspath(source), globs, skipped, config, top=True)


def _tasks_of(
    source: str,
    globs: Sequence[str],
    skipped: Callable[[str], bool] | None,
    config: ExtractionConfig,
    *,
    top: bool,
) -> Iterator[Task]:
    if source == STDIN:
        if skipped is None or not skipped(STDIN_ID):
            try:
                yield Task(id=STDIN_ID, data=read_file(STDIN, config))
            except InputError as exc:  # ReadError, or over the cap
                yield Task(id=STDIN_ID, error=ErrorInfo(type(exc).__name__, str(exc)))
        return
    if is_url(source):
        if skipped is None or not skipped(source):
            yield Task(id=source, uri=source, fetch=True)
        return
    if is_warc(source) and (_remote(source) or not os.path.isdir(source)):
        yield from iter_warc(source, skipped, config)
        return
    if top and os.path.isdir(source):
        for entry in iter_directory(source, globs):
            if isinstance(entry, Task):
                yield entry
            else:
                yield from _tasks_of(entry, globs, skipped, config, top=False)
        return
    if skipped is None or not skipped(source):
        yield Task(id=source, file=source)


def count_inputs(sources: Iterable[str], globs: Sequence[str] = DEFAULT_GLOBS) -> int | None:
    """How many pages ``sources`` hold, or None when that is unknown without reading them all
    (a WARC file). For the progress bar's ETA; it walks directories a second time."""
    total = 0
    for source in sources:
        if is_warc(source) or _remote(source):
            return None
        if source != STDIN and not is_url(source) and os.path.isdir(source):
            for entry in iter_directory(source, globs):
                if isinstance(entry, Task):
                    total += 1
                elif is_warc(entry):
                    return None
                else:
                    total += 1
        else:
            total += 1
    return total


# --- resume ---------------------------------------------------------------------------------


def id_key(ident: str) -> int:
    """A 64-bit digest of an id: the set of done ids costs 8 bytes of digest a page."""
    return int.from_bytes(hashlib.blake2b(ident.encode("utf-8"), digest_size=8).digest(), "big")


class DoneIds(Container[str]):
    """The ids already in a JSON Lines output file (rows and error rows), as 64-bit digests."""

    def __init__(self, keys: set[int] | None = None) -> None:
        self._keys = keys if keys is not None else set()

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and id_key(ident) in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, ident: str) -> None:
        self._keys.add(id_key(ident))


_ID_PREFIX: Final = '{"id":'
_decoder = json.JSONDecoder()


def _row_id(line: str) -> str | None:
    try:
        if line.startswith(_ID_PREFIX):  # our rows: decode only the id
            value, _ = _decoder.raw_decode(line, len(_ID_PREFIX))
        else:
            value = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def prepare_resume(path: str | os.PathLike[str]) -> DoneIds:
    """The ids already written to the JSON Lines file ``path`` (empty when it does not exist).

    A last line without its newline — the previous run was killed while writing it — is cut
    off, so that appending continues on a clean line boundary.
    """
    done = DoneIds()
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below; truncated in place
    except FileNotFoundError:
        return done
    with handle:
        end = 0
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            end += len(raw)
            ident = _row_id(raw.decode("utf-8", "replace"))
            if ident is not None:
                done.add(ident)
        handle.truncate(end)
    return done


# --- one task -------------------------------------------------------------------------------


def run_task(task: Task, job: Job) -> Result:
    """Read (or fetch) and extract one page; never raises for a bad page."""
    base = Result(id=task.id, record_id=task.record_id, uri=task.uri)
    if task.error is not None:
        return replace(base, error=task.error)
    size = 0
    try:
        uri, encoding = task.uri, task.encoding
        if task.data is not None:
            page: bytes | str = task.data
        elif task.file is not None:
            page = read_file(task.file, job.config)
        elif task.fetch and task.uri is not None:
            fetched = fetch(task.uri, options=job.fetch)
            page, uri, encoding = fetched.content, fetched.url, fetched.encoding
            base = replace(base, uri=uri)
        else:
            raise InputError("no page in this task")
        size = len(page) if isinstance(page, bytes) else len(page.encode("utf-8", "replace"))
        article = extract(
            page, url=uri, config=job.config, encoding=encoding, input_format=job.input_format
        )
        left_out = job.keep.reason(article)
        if left_out is not None:
            return replace(base, filtered=left_out, size=size)
        result = replace(base, article=article, size=size, fingerprint=article.fingerprint)
        if job.render is not None:
            result = replace(result, text=job.render(result), article=None)
        return result
    except InputError as exc:
        error = ErrorInfo(type(exc).__name__, one_line(str(exc)) or "not a page")
    except Exception as exc:  # one bad page must not end the run
        reason = f"{type(exc).__name__}: {one_line(str(exc))}".rstrip(": ")
        error = ErrorInfo("InternalError", f"internal error ({reason}); please report it")
    return replace(base, error=error, size=size)


# --- the worker pool ------------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> BaseContext:
    """forkserver where there is one (safe with threads, fast restarts), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["arabic_extract.batch"])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _worker_main(tasks: Connection, results: Connection, job: Job) -> None:
    """A worker process: a thread drains the task pipe into a local queue (so the parent's sends
    never wait on an extraction), the main thread extracts and sends results back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    sys.setswitchinterval(0.001)  # the pump thread gets the GIL soon after a task arrives
    inbox: queue.SimpleQueue[tuple[int, Task] | None] = queue.SimpleQueue()

    def pump() -> None:
        while True:
            try:
                item = tasks.recv()
            except (EOFError, OSError):
                item = None
            inbox.put(item)
            if item is None:
                return

    threading.Thread(target=pump, daemon=True).start()
    while (item := inbox.get()) is not None:
        number, task = item
        results.send((number, run_task(task, job)))


def _widen(connection: Connection) -> None:
    """A 1 MiB pipe buffer where Linux allows it: a page (or a result) fits in it, so the
    sender rarely waits for the reader's GIL."""
    try:
        import fcntl  # noqa: PLC0415 - not on Windows

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


@dataclass
class _Slot:
    """One worker process and the tasks sent to it that have no result yet, in order."""

    process: BaseProcess
    tasks: Connection
    results: Connection
    sent: deque[tuple[int, Task]] = field(default_factory=deque)
    since: float = 0.0  # when the oldest task in `sent` started (monotonic seconds)
    done: int = 0


class WorkerPool:
    """Worker processes fed through bounded queues; see :meth:`run`.

    ``depth`` tasks at most are sent ahead to each worker; in ordered mode, at most ``window``
    tasks may be between the oldest unfinished one and the newest sent. A worker that dies or
    spends more than ``page_timeout`` seconds on one page is replaced; that page becomes a
    WorkerCrash or Timeout result and the pages queued behind it are sent again.
    """

    def __init__(
        self,
        job: Job,
        workers: int,
        *,
        ordered: bool = True,
        page_timeout: float | None = None,
        depth: int = 2,
        window: int | None = None,
    ) -> None:
        self.job = job
        self.workers = max(1, workers)
        self.ordered = ordered
        self.page_timeout = page_timeout
        self.depth = max(1, depth)
        self.window = window if window is not None else max(64, 16 * self.workers)
        self._context = _context()
        self._slots: list[_Slot] = []
        self._source: Iterator[Task] = iter(())
        self._retry: deque[tuple[int, Task]] = deque()
        self._next = self._head = 0
        self._exhausted = False
        self._stillborn = 0  # workers in a row that died before their first result

    def _start(self) -> _Slot:
        task_out, task_in = self._context.Pipe(duplex=False)
        result_out, result_in = self._context.Pipe(duplex=False)
        _widen(task_in)
        _widen(result_in)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(task_out, result_in, self.job), daemon=True
        )
        process.start()
        task_out.close()
        result_in.close()
        return _Slot(process=process, tasks=task_in, results=result_out)

    def _stop(self, slot: _Slot, *, kill: bool) -> None:
        if kill:
            slot.process.kill()
        else:
            try:
                slot.tasks.send(None)
            except OSError:
                slot.process.kill()
        slot.process.join(timeout=None if kill else 5)
        if slot.process.is_alive():  # pragma: no cover - a worker that ignores the stop
            slot.process.kill()
            slot.process.join()
        slot.tasks.close()
        slot.results.close()

    def close(self, *, kill: bool = True) -> None:
        """Stop every worker (``kill``: at once, else after the tasks they have)."""
        slots, self._slots = self._slots, []
        for slot in slots:
            self._stop(slot, kill=kill)

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        """The Results of ``tasks``: in order, or as they finish when not ``ordered``."""
        self._source = iter(tasks)
        self._retry = deque()
        self._next = self._head = 0
        self._exhausted = False
        held: dict[int, Result] = {}
        finished = False
        self._slots = [self._start() for _ in range(self.workers)]
        try:
            while True:
                self._dispatch()
                if self._exhausted and not self._retry and not any(s.sent for s in self._slots):
                    break
                for number, result in self._collect():
                    if not self.ordered:
                        yield result
                        continue
                    held[number] = result
                    while self._head in held:
                        yield held.pop(self._head)
                        self._head += 1
            finished = True
        finally:
            self.close(kill=not finished)

    def _next_item(self) -> tuple[int, Task] | None:
        """The next task to send: a requeued one, else a new one while the window allows."""
        if self._retry:
            return self._retry.popleft()
        if self._exhausted or (self.ordered and self._next - self._head >= self.window):
            return None
        task = next(self._source, None)
        if task is None:
            self._exhausted = True
            return None
        self._next += 1
        return self._next - 1, task

    def _dispatch(self) -> None:
        """Send each worker tasks until it has ``depth`` of them."""
        for index in range(len(self._slots)):
            if not self._slots[index].process.is_alive() and not self._slots[index].sent:
                self._stop(self._slots[index], kill=True)
                self._slots[index] = self._start()
            slot = self._slots[index]
            while len(slot.sent) < self.depth:
                item = self._next_item()
                if item is None:
                    return
                if not slot.sent:
                    slot.since = time.monotonic()
                slot.sent.append(item)
                try:
                    slot.tasks.send(item)
                except OSError:
                    break  # the worker died; _collect sees it and sends the task again

    def _wait_timeout(self) -> float | None:
        if self.page_timeout is None:
            return None
        busy = [s.since for s in self._slots if s.sent]
        if not busy:
            return None
        return max(0.0, min(busy) + self.page_timeout - time.monotonic()) + 0.01

    def _collect(self) -> Iterator[tuple[int, Result]]:
        from multiprocessing.connection import wait  # noqa: PLC0415

        busy = [s for s in self._slots if s.sent]
        handles: list[Any] = [s.results for s in busy] + [s.process.sentinel for s in busy]
        if handles:
            wait(handles, timeout=self._wait_timeout())
        for index, slot in enumerate(self._slots):
            lost: str | None = None
            while slot.sent and lost is None:
                try:
                    if not slot.results.poll():
                        break
                    number, result = slot.results.recv()
                except (EOFError, OSError):
                    lost = "crash"
                    break
                slot.sent.popleft()
                slot.since = time.monotonic()
                slot.done += 1
                yield number, result
            if slot.sent and lost is None:
                if not slot.process.is_alive():
                    lost = "crash"
                elif (
                    self.page_timeout is not None
                    and time.monotonic() - slot.since > self.page_timeout
                ):
                    lost = "timeout"
            if lost is not None:
                yield self._replace(index, lost)

    def _replace(self, index: int, lost: str) -> tuple[int, Result]:
        """Replace a dead or stuck worker; its current task fails, the others are requeued."""
        slot = self._slots[index]
        self._stop(slot, kill=True)
        number, task = slot.sent.popleft()
        self._retry.extendleft(reversed(slot.sent))
        self._slots[index] = self._start()
        code = slot.process.exitcode
        self._stillborn = self._stillborn + 1 if slot.done == 0 and lost == "crash" else 0
        if self._stillborn >= STILLBORN_LIMIT:
            raise RuntimeError(
                f"{self._stillborn} worker processes in a row died before extracting a page "
                f"(exit code {code}). Worker processes import the main module: a script that "
                'starts them must run its code under `if __name__ == "__main__":`.'
            )
        if lost == "timeout":
            error = ErrorInfo("Timeout", f"no result after {self.page_timeout:g} s")
        else:
            error = ErrorInfo("WorkerCrash", f"the worker process died (exit code {code})")
        return number, Result(id=task.id, record_id=task.record_id, uri=task.uri, error=error)


def run_tasks(
    tasks: Iterable[Task],
    job: Job,
    *,
    workers: int | None = None,
    ordered: bool = True,
    page_timeout: float | None = None,
    min_pool_tasks: int = SMALL_RUN,
) -> Iterator[Result]:
    """Results of ``tasks``: in this process when ``workers`` is 1 or the run has fewer than
    ``min_pool_tasks`` tasks, else in a :class:`WorkerPool` (``workers`` default: all cores).
    In this process nothing can be stopped from outside: ``page_timeout`` bounds each page's
    extraction through the config's deadline (:func:`within`)."""
    count = default_workers() if workers is None else max(1, workers)
    source = iter(tasks)
    if count > 1:
        first: list[Task] = []
        for task in source:
            first.append(task)
            if len(first) >= min_pool_tasks:
                break
        if len(first) >= min_pool_tasks:
            pool = WorkerPool(job, count, ordered=ordered, page_timeout=page_timeout)
            yield from pool.run(_chain(first, source))
            return
        source = iter(first)
    job = within(job, page_timeout)
    for task in source:
        yield run_task(task, job)


def within(job: Job, page_timeout: float | None) -> Job:
    """``job`` with its config's ``max_seconds`` no later than ``page_timeout`` (a fetch has its
    own deadline, a file its cap): the bound a page extracted in this process gets."""
    limit = job.config.max_seconds
    if page_timeout is None or (limit is not None and limit <= page_timeout):
        return job
    return replace(job, config=job.config.model_copy(update={"max_seconds": page_timeout}))


def _chain(first: list[Task], rest: Iterator[Task]) -> Iterator[Task]:
    while first:
        yield first.pop(0)
    yield from rest


def extract_many(
    inputs: Iterable[Source],
    *,
    workers: int | None = None,
    ordered: bool = True,
    config: ExtractionConfig | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    skip: Container[str] | None = None,
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT,
    fetch_options: FetchOptions | None = None,
    input_format: InputFormat = "auto",
    page_types: Iterable[str] | None = None,
    languages: Iterable[str] | None = None,
) -> Iterator[Result]:
    """Extract many pages; yields one :class:`Result` per page.

    ``inputs``: paths of pages, directories (walked for ``globs``), WARC files, URLs, ``-`` for
    stdin, ``(id, page)`` pairs of pages in memory, or :class:`Task` objects. ``workers``:
    processes to use (default: all cores; 1 runs here, in this process). ``ordered=False``
    yields results as they finish. ``skip``: ids to leave out (see :func:`prepare_resume`).
    ``page_timeout``: seconds one page may take (120 by default, as on the command line; None:
    no limit): a worker process that spends longer is replaced and the page becomes a Timeout
    row; extracted in this process (``workers=1``, or a run of fewer than 16 pages), the page
    gets it as its ``config.max_seconds`` when that is later.
    ``input_format``: what every page is (see :func:`~arabic_extract.extract`).
    ``page_types`` and ``languages`` keep only pages of those types (``article``, ``listing``,
    ``live``, ``gallery``, ``video``, ``other``) and in those languages (``ar``, ``fa``...); a
    page left out still has its Result, with ``filtered`` saying why and no article (ValueError
    for an unknown page type).

    >>> for result in extract_many(["crawl.warc.gz"], workers=4):
    ...     print(result.id, result.article.headline if result.ok else result.error)
    """
    job = Job(
        config=config or ExtractionConfig(),
        fetch=fetch_options or FetchOptions(),
        input_format=input_format,
        keep=PageFilter.of(page_types, languages),
    )
    tasks = iter_tasks(inputs, globs=globs, skip=skip, config=job.config)
    yield from run_tasks(tasks, job, workers=workers, ordered=ordered, page_timeout=page_timeout)


# --- progress -------------------------------------------------------------------------------


def _errors(count: int) -> str:
    return "1 error" if count == 1 else f"{count} errors"


def _clock(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


@dataclass
class Progress:
    """Counts of a run, drawn as a one-line bar on ``stream`` when ``enabled`` (a terminal).

    ``total`` may be set later (a thread counting the inputs); with it the bar shows a
    percentage and an ETA.
    """

    stream: IO[str] | None
    enabled: bool
    total: int | None = None
    width: int = 80
    pages: int = 0
    errors: int = 0
    skipped: int = 0
    # pages the filters left out, by reason ("page type listing": 3)
    filtered: dict[str, int] = field(default_factory=dict)
    size: int = 0
    started: float = field(default_factory=time.monotonic)
    _drawn: float = 0.0
    _shown: bool = False

    def add(self, result: Result) -> None:
        self.pages += 1
        self.errors += result.error is not None
        if result.filtered is not None:
            self.filtered[result.filtered] = self.filtered.get(result.filtered, 0) + 1
        self.size += result.size
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.2:
            self._drawn = now
            self._draw(self.line(now))

    def rates(self, now: float | None = None) -> tuple[float, float, float]:
        """(seconds, pages/s, MB/s) so far."""
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        return elapsed, self.pages / elapsed, self.size / elapsed / 1e6

    def line(self, now: float | None = None) -> str:
        elapsed, per_second, mb_per_second = self.rates(now)
        parts = [f"{self.pages} pages" if self.total is None else f"{self.pages}/{self.total}"]
        if self.total:
            parts.append(f"{100 * self.pages / self.total:3.0f}%")
        parts += [f"{per_second:.1f} pages/s", f"{mb_per_second:.1f} MB/s"]
        parts.append(_errors(self.errors))
        if self.total and per_second > 0 and self.pages <= self.total:
            parts.append(f"ETA {_clock((self.total - self.pages) / per_second)}")
        parts.append(_clock(elapsed))
        return "  ".join(parts)[: max(self.width - 1, 20)]

    def _draw(self, text: str) -> None:
        if self.stream is None:
            return
        self.stream.write("\r\x1b[2K" + text)
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown and self.stream is not None:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False

    def note(self, message: str) -> None:
        """Print a line above the bar."""
        if self.stream is None:
            return
        self.clear()
        self.stream.write(message + "\n")
        self.stream.flush()
        self._drawn = 0.0

    def filtered_line(self) -> str:
        """How many pages the filters left out, and why: "3 left out (page type listing 2,
        language fa 1)"; empty when none."""
        if not self.filtered:
            return ""
        reasons = ", ".join(f"{why} {n}" for why, n in sorted(self.filtered.items()))
        return f"{sum(self.filtered.values())} left out by the filters ({reasons})"

    def summary(self) -> str:
        elapsed, per_second, mb_per_second = self.rates()
        left_out = sum(self.filtered.values())
        ok = self.pages - self.errors - left_out
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        filtered = f", {self.filtered_line()}" if left_out else ""
        return (
            f"{self.pages} pages ({ok} ok, {_errors(self.errors)}{skipped}{filtered}) in "
            f"{_clock(elapsed)}: {per_second:.1f} pages/s, {mb_per_second:.2f} MB/s"
        )
