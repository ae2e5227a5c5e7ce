"""The batch cases of ``benchmarks/hostile.py``: hostile files for ``arabic-extract``.

Each case is a function of the folder the files are in, run in a child process of its own (its
peak RSS is read by the caller); it runs the command line and says, in a few words, how it ended
and whether every input is in the output or an error row.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import io
import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from hostile_cases import article_html

from arabic_extract.cli import main

HUGE_RECORD = 1 << 30
"""A WARC record's payload: 1 GiB (gzip-compressed in the file)."""
PAGES = 20
"""Pages around the huge record: enough for the run to use worker processes."""


def _record(uri: str, body_parts: Iterator[bytes], size: int) -> Iterator[bytes]:
    """A WARC response record holding an HTTP response of ``size`` body bytes."""
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {size}\r\n\r\n".encode()
    )
    header = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nWARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2024-07-17T10:15:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + size}\r\n\r\n"
    ).encode()
    yield header + http
    yield from body_parts
    yield b"\r\n\r\n"


def _write_gzip_member(stream: io.BufferedWriter, parts: Iterator[bytes]) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for part in parts:
        stream.write(compressor.compress(part))
    stream.write(compressor.flush())


def _page(i: int) -> bytes:
    return article_html().replace("<h1>", f"<h1>{i} ").encode("utf-8")


def _spaces(total: int) -> Iterator[bytes]:
    piece = b" " * (1 << 20)
    yield b"<html><body>"
    for _ in range(total // len(piece)):
        yield piece


@contextlib.contextmanager
def hostile_files() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with (folder / "huge-record.warc.gz").open("wb") as stream:
            for i in range(PAGES):
                page = _page(i)
                _write_gzip_member(
                    stream, _record(f"https://news.example/{i}", iter([page]), len(page))
                )
                if i == PAGES // 2:
                    size = 12 + HUGE_RECORD
                    _write_gzip_member(
                        stream, _record("https://news.example/huge", _spaces(HUGE_RECORD), size)
                    )
        with (folder / "huge.html").open("wb") as stream:
            stream.truncate(2 << 30)  # 2 GB, sparse
        (folder / "page.html").write_bytes(_page(0))
        pages = folder / "pages"
        pages.mkdir()
        (pages / "a.html").write_bytes(_page(1))
        os.mkfifo(pages / "x.html")  # nothing ever writes to it
        (pages / "z.html").write_bytes(_page(2))
        whole = b"".join(
            gzip.compress(
                b"".join(_record(f"https://news.example/{i}", iter([_page(i)]), len(_page(i))))
            )
            for i in range(3)
        )
        last = len(whole) - len(
            gzip.compress(
                b"".join(_record("https://news.example/2", iter([_page(2)]), len(_page(2))))
            )
        )
        (folder / "cut.warc.gz").write_bytes(whole[: last + (len(whole) - last) // 2])
        yield folder


def _run(arguments: list[str], output: Path) -> str:
    with contextlib.redirect_stderr(io.StringIO()):
        status = main(["extract", *arguments, "-o", str(output), "-q"])
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    errors = [row["error"] for row in rows if "error" in row]
    said = "; ".join(f"{e['type']}: {e['message'][:60]}" for e in errors)
    return f"exit {status}, {len(rows)} rows, {len(errors)} error rows" + (
        f" ({said})" if said else ""
    )


def huge_record(folder: str, workers: int) -> str:
    path = Path(folder)
    output = path / f"w{workers}.jsonl"
    return _run([str(path / "huge-record.warc.gz"), "-w", str(workers)], output)


def huge_file(folder: str) -> str:
    path = Path(folder)
    return _run([str(path / "huge.html"), str(path / "page.html"), "-w", "1"], path / "f.jsonl")


def fifo(folder: str) -> str:
    path = Path(folder)
    return _run([str(path / "pages"), "-w", "1"], path / "fifo.jsonl")


def cut_warc(folder: str) -> str:
    path = Path(folder)
    return _run([str(path / "cut.warc.gz"), "-w", "1"], path / "cut.jsonl")


def two_runs(folder: str) -> str:
    """A run on an output that another run is writing (holding the lock a run takes)."""
    path = Path(folder)
    output = path / "shared.jsonl"
    output.write_bytes(b'{"id":"written by the first run"}\n')
    with output.open("ab") as first, contextlib.redirect_stderr(io.StringIO()) as err:
        fcntl.flock(first.fileno(), fcntl.LOCK_EX)  # the first run, writing
        status = main(["extract", str(path / "page.html"), "-o", str(output), "--resume"])
    rows = output.read_text(encoding="utf-8").count("\n")
    said = err.getvalue().strip().split(": ", 1)[-1][:60]
    return f"second run: exit {status}, output now {rows} rows; {said}"


BATCH_CASES: dict[str, Callable[[str], str]] = {
    f"WARC with a 1 GiB record and {PAGES} pages, 1 worker": partial(huge_record, workers=1),
    f"WARC with a 1 GiB record and {PAGES} pages, 2 workers": partial(huge_record, workers=2),
    "a 2 GB file and a page": huge_file,
    "a directory with a FIFO named x.html": fifo,
    ".warc.gz cut inside its last member": cut_warc,
    "two runs on one -o": two_runs,
}
