"""The pieces written here that a maintained library also does, measured against the libraries.

    python benchmarks/handwritten.py [--part charset|mojibake|pool|progress|metadata|all]
                                     [--repeat R] [--pages N] [--gold-dir DIR]

- ``charset``: :func:`arabic_extract.engine.decode.decode_bytes` against charset_normalizer,
  chardet, cChardet (faust-cchardet), chardetng and trafilatura's ``decode_file``, on every fixture
  (HTML, text, Markdown, seeds) and dev page encoded in UTF-8, cp1256, ISO-8859-6 and UTF-16
  LE/BE (with and without a BOM), with and without a charset declaration, cut to 300 bytes, and
  UTF-8 with three broken bytes. A case is right when the decoded text equals what the bytes
  say in their real encoding (a BOM aside). Characters a code page cannot hold become character
  references in HTML and ``?`` in text, as a legacy site would write them.
- ``mojibake``: :func:`arabic_extract.engine.decode.repair_mojibake` against ftfy's
  ``fix_encoding`` on the same texts, their UTF-8 decoded as windows-1252 (the browsers' way,
  undefined bytes kept) and as Latin-1; clean texts must come out unchanged.
- ``pool``: :class:`arabic_extract.batch.WorkerPool` against ``ProcessPoolExecutor.map``,
  ``multiprocessing.Pool.imap`` and pebble's ``ProcessPool``, two workers each, on ``--pages``
  empty tasks (the pool's own cost) and small pages (a short fixture); how many inputs each has
  read before its first result (what it holds in memory); and one stuck page (a read from a
  FIFO nobody writes) among the others: what each does with it.
- ``progress``: :class:`arabic_extract.batch.Progress` against tqdm and rich: import time in a
  fresh interpreter and time per update, drawing to a terminal-like buffer.
- ``metadata``: :func:`arabic_extract.engine.metadata.read_meta` against trafilatura's
  ``extract_metadata`` (and extruct's raw readers, for time) on the dev pages (gold) and the HTML
  fixtures (expected.json): headline, date, author, site name and tags; and whether
  trafilatura's value would fill a field the finished Article leaves empty.

Libraries that are not installed are left out, with a message. The dev pages are read in place
from ``../shared/eval/dev`` when it exists. The machine may be shared: compare the ratios of one
run, not times across runs.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import functools
import importlib
import io
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from near_duplicates import Page, load_pages  # noqa: E402  (the same pages)

from arabic_extract.batch import (  # noqa: E402
    ErrorInfo,
    Job,
    Progress,
    Result,
    Task,
    WorkerPool,
    run_task,
)
from arabic_extract.engine.decode import decode_bytes, repair_mojibake  # noqa: E402

DEFAULT_GOLD_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
FIXTURES = REPO_ROOT / "fixtures"


def load_sources(gold_dir: Path) -> list[Page]:
    """Every fixture page (HTML, text, Markdown, seeds) and the dev pages, as text."""
    if not gold_dir.is_dir():
        print(f"({gold_dir} not found: fixtures only)")
    markdown = [
        Page(f"markdown/{path.parent.name}", path.read_text(encoding="utf-8"), False)
        for path in sorted(FIXTURES.glob("markdown/*/input.md"))
    ]
    return load_pages(gold_dir) + markdown


def best_time(function: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _over(function: Callable[[Any], object], items: list[Any]) -> Callable[[], object]:
    """A call of ``function`` on every item, to time."""
    return lambda: [function(item) for item in items]


def print_table(header: list[str], rows: Iterable[list[str]]) -> None:
    rows = [header, *rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print()


def optional(module: str) -> Any | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"({module} is not installed: left out)")
        return None


# --- charset detection ----------------------------------------------------------------------

# <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=...">
_META_CHARSET = re.compile(r"<meta\b[^>]*charset[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b", re.I)
ENCODINGS = {
    "utf-8": "utf-8",
    "cp1256": "windows-1256",
    "iso8859_6": "iso-8859-6",
    "cp1252": "windows-1252",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
}
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
SHORT = 300


@dataclass(frozen=True)
class Case:
    kind: str  # "full, declared", "full, no declaration", "300 bytes", "broken UTF-8"
    encoding: str  # the real one, with "+BOM" when the bytes start with one
    data: bytes
    expected: str


def _declare(html: str, label: str | None) -> str:
    """The page with its charset declarations removed, and one for ``label`` added."""
    bare = _META_CHARSET.sub("", html)
    if label is None:
        return bare
    tag = f'<meta charset="{label}">'
    head = _HEAD.search(bare)
    return bare[: head.end()] + tag + bare[head.end() :] if head else tag + bare


def _encode(text: str, codec: str, html: bool) -> bytes:
    return text.encode(codec, errors="xmlcharrefreplace" if html else "replace")


def _expected(data: bytes, codec: str) -> str:
    return data.decode(codec, errors="replace").removeprefix("\ufeff")


def _broken(data: bytes) -> bytes:
    """Three stray bytes (0xFF is never UTF-8) at a quarter, a half and three quarters."""
    out = bytearray(data)
    for share in (4, 2, 4 / 3):
        out.insert(int(len(out) / share), 0xFF)
    return bytes(out)


def charset_cases(sources: list[Page]) -> list[Case]:
    cases: list[Case] = []
    for source in sources:
        start = _BODY.search(source.source) if source.is_html else None
        body = source.source[start.start() :] if start else source.source
        for codec, label in ENCODINGS.items():
            for bom in (b"", BOMS.get(codec)):
                if bom is None:
                    continue
                name = codec + ("+BOM" if bom else "")
                declared = (label, None) if source.is_html else (None,)
                for declare in declared:
                    text = _declare(source.source, declare) if source.is_html else source.source
                    data = bom + _encode(text, codec, source.is_html)
                    kind = "full, declared" if declare else "full, no declaration"
                    cases.append(Case(kind, name, data, _expected(data, codec)))
                data = bom + _encode(body, codec, source.is_html)[:SHORT]
                cases.append(Case("300 bytes", name, data, _expected(data, codec)))
        text = _declare(source.source, None) if source.is_html else source.source
        data = _broken(text.encode("utf-8"))
        cases.append(Case("broken UTF-8", "utf-8", data, _expected(data, "utf-8")))
    return cases


def _by_name(detect: Callable[[bytes], str | None]) -> Callable[[bytes], str]:
    """A decoder from a detector that names an encoding (UTF-8 when it names none)."""

    def decode(data: bytes) -> str:
        name = detect(data) or "utf-8"
        try:
            return data.decode(name, errors="replace").removeprefix("\ufeff")
        except LookupError:
            return data.decode("utf-8", errors="replace")

    return decode


def _ours_decode(data: bytes) -> str:
    return decode_bytes(data).text


def _ours_then(library: Callable[[bytes], str]) -> Callable[[bytes], str]:
    """Ours, asking ``library`` where ours has no answer (bytes that are not UTF-8 and read as
    no Arabic, which ours decodes as windows-1252)."""

    def decode(data: bytes) -> str:
        decoded = decode_bytes(data)
        if decoded.encoding == "cp1252":
            return library(data)
        return decoded.text

    return decode


def charset_decoders() -> dict[str, Callable[[bytes], str]]:
    decoders: dict[str, Callable[[bytes], str]] = {"arabic_extract": _ours_decode}
    normalizer = optional("charset_normalizer")
    if normalizer is not None:

        def normalized(data: bytes) -> str:
            best = normalizer.from_bytes(data).best()
            return str(best) if best is not None else data.decode("utf-8", errors="replace")

        decoders["charset_normalizer"] = normalized
        decoders["arabic_extract, then charset_normalizer"] = _ours_then(normalized)
    chardet = optional("chardet")
    if chardet is not None:
        decoders["chardet"] = _by_name(lambda data: chardet.detect(data)["encoding"])
    cchardet = optional("cchardet")
    if cchardet is not None:
        decoders["cchardet"] = _by_name(lambda data: cchardet.detect(data)["encoding"])
    chardetng = optional("chardetng_py")
    if chardetng is not None:
        decoders["chardetng"] = _by_name(lambda data: chardetng.detect(data, allow_utf8=True))
    trafilatura = optional("trafilatura.utils")
    if trafilatura is not None:
        decoders["trafilatura decode_file"] = lambda data: trafilatura.decode_file(
            data
        ).removeprefix("\ufeff")
    return decoders


def run_charset(gold_dir: Path, repeat: int) -> None:
    cases = charset_cases(load_sources(gold_dir))
    kinds = list(dict.fromkeys(case.kind for case in cases))
    encodings = list(dict.fromkeys(case.encoding for case in cases))
    print(f"charset detection: {len(cases)} cases, {sum(len(c.data) for c in cases) / 1e6:.1f} MB")
    rows, by_encoding = [], []
    base_time = 0.0
    for name, decode in charset_decoders().items():
        right: dict[str, int] = {}
        for case in cases:
            if decode(case.data) == case.expected:
                right[case.kind] = right.get(case.kind, 0) + 1
                right[case.encoding] = right.get(case.encoding, 0) + 1
        seconds = best_time(_over(decode, [case.data for case in cases]), repeat)
        base_time = base_time or seconds
        total = sum(right.get(kind, 0) for kind in kinds)
        rows.append(
            [
                name,
                f"{total}/{len(cases)}",
                *(f"{right.get(k, 0)}/{sum(c.kind == k for c in cases)}" for k in kinds),
                f"{1000 * seconds / len(cases):.2f}",
                f"{seconds / base_time:.1f}x",
            ]
        )
        by_encoding.append(
            [name] + [f"{right.get(e, 0)}/{sum(c.encoding == e for c in cases)}" for e in encodings]
        )
    print_table(["decoder", "right", *kinds, "ms/page", "time"], rows)
    print_table(["decoder", *encodings], by_encoding)


# --- mojibake repair ------------------------------------------------------------------------

_C1_TO_1252 = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _as_web_1252(data: bytes) -> str:
    """Bytes decoded as windows-1252 the way browsers do it (undefined bytes kept as C1)."""
    return "".join(_C1_TO_1252.get(b, chr(b)) for b in data)


CLEAN = "clean (must not change)"


def run_mojibake(gold_dir: Path, repeat: int) -> None:
    sources = load_sources(gold_dir)
    arabic = re.compile("[\u0621-\u064a]")
    cases: list[tuple[str, str, str]] = []  # (kind, input, expected)
    for source in sources:
        utf8 = source.source.encode("utf-8")
        if len(arabic.findall(source.source)) > 100:
            cases.append(("UTF-8 read as windows-1252", _as_web_1252(utf8), source.source))
            cases.append(("UTF-8 read as Latin-1", utf8.decode("latin-1"), source.source))
            # a page that joined a garbled part (its first half) to a clean one
            cut = source.source.index("\n", len(source.source) // 2)
            half = _as_web_1252(source.source[:cut].encode("utf-8")) + source.source[cut:]
            cases.append(("half garbled", half, source.source))
        cases.append((CLEAN, source.source, source.source))
    fixers: dict[str, Callable[[str], str]] = {
        "arabic_extract": lambda text: (
            repaired.text if (repaired := repair_mojibake(text)) else text
        )
    }
    ftfy = optional("ftfy")
    if ftfy is not None:
        fixers["ftfy fix_encoding"] = ftfy.fix_encoding
    kinds = list(dict.fromkeys(kind for kind, _, _ in cases))
    rows: list[list[str]] = []
    base: list[float] = []
    for name, fix in fixers.items():
        right = dict.fromkeys(kinds, 0)
        for kind, given, expected in cases:
            right[kind] += fix(given) == expected
        garbled = [given for kind, given, _ in cases if kind != CLEAN]
        clean = [given for kind, given, _ in cases if kind == CLEAN]
        seconds = [best_time(_over(fix, texts), repeat) / len(texts) for texts in (clean, garbled)]
        base = base or seconds
        rows.append(
            [
                name,
                *(f"{right[k]}/{sum(c[0] == k for c in cases)}" for k in kinds),
                *(f"{1000 * s:.3f} ({s / b:.1f}x)" for s, b in zip(seconds, base, strict=True)),
            ]
        )
    print(f"mojibake repair: {len(cases)} texts")
    print_table(["repair", *kinds, "ms/clean text", "ms/garbled text"], rows)


# --- worker pool ----------------------------------------------------------------------------

SMALL_PAGE = FIXTURES / "html" / "minimal_no_metadata" / "source.html"
POOL_WORKERS = 2


class Counted:
    """An iterator that counts what was taken from it (by any thread)."""

    def __init__(self, items: Iterable[Task]) -> None:
        self.items = iter(items)
        self.taken = 0

    def __iter__(self) -> Counted:
        return self

    def __next__(self) -> Task:
        item = next(self.items)
        self.taken += 1
        return item


Runner = Callable[[Iterable[Task], Job], Iterator[Result]]


def _forkserver() -> Any:
    """The start method WorkerPool uses (the same forkserver, with arabic_extract.batch
    preloaded), so that all pools start workers alike."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["arabic_extract.batch"])
    return context


def _ours_pool(tasks: Iterable[Task], job: Job) -> Iterator[Result]:
    yield from WorkerPool(job, POOL_WORKERS).run(tasks)


def _executor(chunksize: int) -> Runner:
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    def run(tasks: Iterable[Task], job: Job) -> Iterator[Result]:
        with ProcessPoolExecutor(POOL_WORKERS, mp_context=_forkserver()) as pool:
            yield from pool.map(functools.partial(run_task, job=job), tasks, chunksize=chunksize)

    return run


def _mp_pool(chunksize: int) -> Runner:
    def run(tasks: Iterable[Task], job: Job) -> Iterator[Result]:
        with _forkserver().Pool(POOL_WORKERS) as pool:
            yield from pool.imap(functools.partial(run_task, job=job), tasks, chunksize=chunksize)

    return run


def _pebble(chunksize: int) -> Runner:
    import pebble  # noqa: PLC0415

    def run(tasks: Iterable[Task], job: Job) -> Iterator[Result]:
        with pebble.ProcessPool(POOL_WORKERS, context=_forkserver()) as pool:
            work = functools.partial(run_task, job=job)
            yield from pool.map(work, tasks, chunksize=chunksize, timeout=60).result()

    return run


def pool_runners() -> dict[str, Runner]:
    runners: dict[str, Runner] = {"WorkerPool (ours)": _ours_pool}
    for chunksize in (1, 32):
        runners[f"ProcessPoolExecutor.map, chunksize {chunksize}"] = _executor(chunksize)
    for chunksize in (1, 32):
        runners[f"multiprocessing.Pool.imap, chunksize {chunksize}"] = _mp_pool(chunksize)
    if optional("pebble") is not None:
        for chunksize in (1, 32):
            runners[f"pebble ProcessPool.map, chunksize {chunksize}"] = _pebble(chunksize)
    return runners


def _timed_run(runner: Runner, tasks: list[Task], job: Job) -> tuple[float, int]:
    """Seconds for the whole run, and the most tasks read ahead of the results given (tasks
    held in memory at once)."""
    counted = Counted(tasks)
    start = time.perf_counter()
    ahead = 0
    for number, _ in enumerate(runner(counted, job)):
        ahead = max(ahead, counted.taken - number)
    return time.perf_counter() - start, ahead


def run_pool(pages: int, repeat: int) -> None:
    job = Job()
    empty = [Task(id=str(n), error=ErrorInfo("ReadError", "empty task")) for n in range(pages)]
    page = SMALL_PAGE.read_bytes()
    small = [Task(id=str(n), data=page) for n in range(pages)]
    print(
        f"worker pools: {pages} tasks, {POOL_WORKERS} workers; small page: {SMALL_PAGE.name} "
        f"({len(page):,} bytes)"
    )
    rows: list[list[str]] = []
    base: list[float] = []
    for name, runner in pool_runners().items():
        times = []
        ahead = 0
        for tasks in (empty, small):
            runs = [_timed_run(runner, tasks, job) for _ in range(repeat)]
            times.append(min(seconds for seconds, _ in runs))
            ahead = max(ahead, *(taken for _, taken in runs))
        base = base or times
        rows.append(
            [
                name,
                *(
                    f"{1e6 * t / pages:.0f} µs ({t / b:.2f}x)"
                    for t, b in zip(times, base, strict=True)
                ),
                f"{ahead:,}",
            ]
        )
    print_table(["pool", "empty task", "small page", "most tasks read ahead"], rows)
    run_stuck(job)


# One stuck page among others: a read from a FIFO that nobody writes blocks for ever.
STUCK_TASKS = 40
STUCK_AT = 5
STUCK_TIMEOUT = 2.0


def _release(fifo: str) -> None:
    """Let a worker blocked on ``fifo`` go on (it reads an empty page)."""
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def _stuck_ours(tasks: list[Task], job: Job, fifo: str) -> tuple[int, str]:
    results = list(WorkerPool(job, POOL_WORKERS, page_timeout=STUCK_TIMEOUT).run(tasks))
    stuck = results[STUCK_AT].error
    return sum(r.ok for r in results), stuck.type if stuck else "ok"


def _stuck_executor(tasks: list[Task], job: Job, fifo: str) -> tuple[int, str]:
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures import TimeoutError as FutureTimeout  # noqa: PLC0415

    done = 0
    with ProcessPoolExecutor(POOL_WORKERS, mp_context=_forkserver()) as pool:
        try:
            for result in pool.map(
                functools.partial(run_task, job=job), tasks, timeout=STUCK_TIMEOUT
            ):
                done += result.ok
        except FutureTimeout:
            outcome = "map stops (TimeoutError); the worker stays stuck"
        _release(fifo)
    return done, outcome


def _stuck_mp_pool(tasks: list[Task], job: Job, fifo: str) -> tuple[int, str]:
    done = 0
    with _forkserver().Pool(POOL_WORKERS) as pool:
        results = pool.imap_unordered(functools.partial(run_task, job=job), tasks)
        while True:
            try:
                done += results.next(timeout=STUCK_TIMEOUT).ok
            except multiprocessing.TimeoutError:
                break
        _release(fifo)
    return done, "never returns; its worker stays stuck (imap_unordered, next(timeout))"


def _stuck_pebble(tasks: list[Task], job: Job, fifo: str) -> tuple[int, str]:
    import pebble  # noqa: PLC0415

    done = 0
    outcome = "ok"
    with pebble.ProcessPool(POOL_WORKERS, context=_forkserver()) as pool:
        work = functools.partial(run_task, job=job)
        results = pool.map(work, tasks, timeout=STUCK_TIMEOUT).result()
        while True:
            try:
                done += next(results).ok
            except StopIteration:
                break
            except TimeoutError:
                outcome = "TimeoutError; the worker is killed and replaced"
    return done, outcome


def run_stuck(job: Job) -> None:
    page = SMALL_PAGE.read_bytes()
    stuck_runs = {
        "WorkerPool (ours)": _stuck_ours,
        "ProcessPoolExecutor.map": _stuck_executor,
        "multiprocessing.Pool": _stuck_mp_pool,
    }
    if optional("pebble") is not None:
        stuck_runs["pebble ProcessPool.map"] = _stuck_pebble
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "stuck.html")
        os.mkfifo(fifo)
        tasks = [Task(id=str(n), data=page) for n in range(STUCK_TASKS)]
        tasks[STUCK_AT] = Task(id="stuck", file=fifo)
        for name, run in stuck_runs.items():
            start = time.perf_counter()
            done, outcome = run(tasks, job, fifo)
            seconds = time.perf_counter() - start
            rows.append([name, f"{done}/{STUCK_TASKS - 1}", outcome, f"{seconds:.1f}"])
    print(
        f"one stuck page (task {STUCK_AT + 1} of {STUCK_TASKS} reads a FIFO nobody writes), "
        f"timeout {STUCK_TIMEOUT:g} s:"
    )
    print_table(["pool", "other pages done", "the stuck page", "seconds"], rows)


# --- progress display -----------------------------------------------------------------------

UPDATES = 20_000


def import_ms(module: str, repeat: int) -> float:
    """Milliseconds to import ``module`` in a fresh interpreter (``-X importtime``, the
    fastest of ``repeat``)."""
    best = float("inf")
    for _ in range(repeat):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in run.stderr.splitlines():
            parts = [part.strip() for part in line.split("|")]
            if len(parts) == 3 and parts[2] == module:
                best = min(best, int(parts[1]) / 1000)
    return best


Bar = tuple[Callable[[Result], None], Callable[[], object]]  # (add a result, close)


def _ours_progress() -> Bar:
    progress = Progress(io.StringIO(), enabled=True, total=UPDATES)
    return progress.add, progress.clear


def _tqdm_progress() -> Bar:
    from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415

    bar = tqdm(total=UPDATES, file=io.StringIO(), mininterval=0.2, unit="page")
    counts = {"errors": 0, "bytes": 0}

    def add(result: Result) -> None:
        counts["errors"] += result.error is not None
        counts["bytes"] += result.size
        bar.set_postfix(errors=counts["errors"], refresh=False)
        bar.update(1)

    return add, bar.close


def _rich_progress() -> Bar:
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import Progress as RichProgress  # noqa: PLC0415

    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    progress = RichProgress(console=console, refresh_per_second=5)
    progress.start()
    task = progress.add_task("pages", total=UPDATES, errors=0)
    counts = {"errors": 0}

    def add(result: Result) -> None:
        counts["errors"] += result.error is not None
        progress.update(task, advance=1, errors=counts["errors"])

    return add, progress.stop


def run_progress(repeat: int) -> None:
    bars: dict[str, tuple[str | None, Callable[[], Bar]]] = {
        "Progress (ours)": (None, _ours_progress)
    }
    if optional("tqdm") is not None:
        bars["tqdm"] = ("tqdm", _tqdm_progress)
    if optional("rich") is not None:
        bars["rich"] = ("rich.progress", _rich_progress)
    results = [Result(id=str(n), size=5000) for n in range(UPDATES)]
    rows = []
    for name, (module, make) in bars.items():

        def updates(make: Callable[[], Bar] = make) -> None:
            add, close = make()
            for result in results:
                add(result)
            close()

        seconds = best_time(updates, repeat)
        imported = f"{import_ms(module, repeat):.0f}" if module else "0 (in batch)"
        rows.append([name, imported, f"{1e6 * seconds / UPDATES:.1f}"])
    print(f"progress display: {UPDATES:,} updates drawn to a terminal-like buffer")
    print_table(["display", "import ms", "µs/update"], rows)


# --- metadata readers -----------------------------------------------------------------------

FIELDS = ("headline", "date", "author", "site_name", "tags")


@dataclass(frozen=True)
class Labelled:
    name: str
    html: str
    gold: dict[str, Any]


def load_labelled(gold_dir: Path) -> list[Labelled]:
    """The HTML fixtures with their expected.json, and the dev pages with their gold."""
    pages = [
        Labelled(
            f"fixture:{path.parent.name}",
            path.read_text(encoding="utf-8"),
            json.loads((path.parent / "expected.json").read_text(encoding="utf-8")),
        )
        for path in sorted(FIXTURES.glob("html/*/source.html"))
    ]
    if gold_dir.is_dir():
        pages += [
            Labelled(
                f"dev:{path.stem}",
                path.read_text(encoding="utf-8"),
                json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")),
            )
            for path in sorted(gold_dir.glob("*.html"))
        ]
    return pages


def _same(field: str, got: Any, want: Any) -> bool:
    if field == "tags":
        return {" ".join(t.split()) for t in got or []} == {" ".join(t.split()) for t in want or []}
    if field == "date":
        return (str(got)[:10] if got else None) == (str(want)[:10] if want else None)
    got = " ".join(str(got).split()) if got else None
    want = " ".join(str(want).split()) if want else None
    return bool(got == want)


def _fields(found: Any) -> dict[str, Any]:
    """The compared fields of a PageMeta or an Article."""
    published = found.published
    return {
        "headline": found.headline,
        "date": published.date().isoformat() if published else None,
        "author": found.author,
        "site_name": found.site_name,
        "tags": found.tags,
    }


def _ours_meta(html: str) -> dict[str, Any]:
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

    from arabic_extract.engine.metadata import read_meta  # noqa: PLC0415

    return _fields(read_meta(LexborHTMLParser(html)))


def _trafilatura_meta(html: str) -> dict[str, Any]:
    from trafilatura.metadata import extract_metadata  # noqa: PLC0415

    doc = extract_metadata(html)
    return {
        "headline": doc.title,
        "date": doc.date,
        "author": doc.author,
        "site_name": doc.sitename,
        "tags": doc.tags or [],
    }


def _article_fields(html: str) -> dict[str, Any]:
    from arabic_extract import extract  # noqa: PLC0415

    return _fields(extract(html))


def _filled(html: str) -> dict[str, Any]:
    """The Article's fields, trafilatura's metadata where the Article has none."""
    article, theirs = _article_fields(html), _trafilatura_meta(html)
    return {field: article[field] or theirs[field] for field in FIELDS}


def run_metadata(gold_dir: Path, repeat: int) -> None:
    pages = load_labelled(gold_dir)
    readers: dict[str, Callable[[str], dict[str, Any]]] = {
        "read_meta (ours)": _ours_meta,
        "trafilatura extract_metadata": _trafilatura_meta,
        "Article (whole extraction)": _article_fields,
        "Article, trafilatura where empty": _filled,
    }
    rows = []
    for name, read in readers.items():
        right = dict.fromkeys(FIELDS, 0)
        for page in pages:
            got = read(page.html)
            for field in FIELDS:
                right[field] += _same(field, got.get(field), page.gold.get(field))
        rows.append([name, *(f"{right[f]}/{len(pages)}" for f in FIELDS)])
    print(f"metadata: {len(pages)} pages with gold (HTML fixtures, dev pages)")
    print_table(["reader", *FIELDS], rows)
    run_metadata_time(pages, repeat)


def run_metadata_time(pages: list[Labelled], repeat: int) -> None:
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

    from arabic_extract.engine.metadata import read_json_ld, read_meta  # noqa: PLC0415

    trees = [LexborHTMLParser(page.html) for page in pages]
    timed: dict[str, Callable[[], object]] = {
        "read_meta on a parsed page (ours, as the pipeline calls it)": lambda: [
            read_meta(tree) for tree in trees
        ],
        "parse + read_meta (ours)": lambda: [_ours_meta(page.html) for page in pages],
        "trafilatura extract_metadata (parses with lxml)": lambda: [
            _trafilatura_meta(page.html) for page in pages
        ],
        "ours: JSON-LD only, on a parsed page": lambda: [read_json_ld(tree) for tree in trees],
    }
    extruct = optional("extruct")
    if extruct is not None:
        timed["extruct: JSON-LD, OpenGraph, microdata (raw)"] = lambda: [
            extruct.extract(page.html, syntaxes=["json-ld", "opengraph", "microdata"])
            for page in pages
        ]
    _trafilatura_meta(pages[0].html)  # imports and first-call set-up out of the timing
    rows, base = [], 0.0
    for name, run in timed.items():
        seconds = best_time(run, repeat) / len(pages)
        base = base or seconds
        rows.append([name, f"{1000 * seconds:.2f}", f"{seconds / base:.1f}x"])
    print_table(["metadata reader", "ms/page", "time"], rows)


# --- main -----------------------------------------------------------------------------------

PARTS: dict[str, Callable[[argparse.Namespace], None]] = {
    "charset": lambda args: run_charset(args.gold_dir, args.repeat),
    "mojibake": lambda args: run_mojibake(args.gold_dir, args.repeat),
    "pool": lambda args: run_pool(args.pages, args.repeat),
    "progress": lambda args: run_progress(args.repeat),
    "metadata": lambda args: run_metadata(args.gold_dir, args.repeat),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the fastest kept")
    parser.add_argument("--pages", type=int, default=2000, help="tasks for the pool part")
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    args = parser.parse_args(argv)
    for name, part in PARTS.items():
        if args.part in (name, "all"):
            part(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
