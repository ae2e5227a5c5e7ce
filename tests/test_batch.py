"""Tests of batch extraction (arabic_extract.batch and the batch side of the command line):
inputs (WARC, directories, list files, stdin), ordered and unordered worker output, error rows,
resume, bounded queues, worker crashes and timeouts, the progress bar."""

from __future__ import annotations

import gzip
import inspect
import io
import itertools
import json
import os
import re
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from arabic_extract import Article, ExtractionConfig, extract, extract_many, files
from arabic_extract.batch import (
    DEFAULT_PAGE_TIMEOUT,
    Job,
    Progress,
    Result,
    Task,
    WorkerPool,
    iter_tasks,
    prepare_resume,
    run_tasks,
    within,
)
from arabic_extract.cli import main

warcio = pytest.importorskip("warcio")
pytest.importorskip("fastwarc")

from warc_files import WarcRecord, html_response, write_warc  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*/source.html"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def page_bytes(index: int) -> bytes:
    return PAGES[index % len(PAGES)].read_bytes()


def cp1256_page(index: int) -> bytes:
    """A fixture page in cp1256 with its charset declarations removed (characters that cp1256
    lacks become character references)."""
    text = re.sub(r"<meta[^>]*charset[^>]*>", "", page_bytes(index).decode("utf-8"), flags=re.I)
    return text.encode("cp1256", "xmlcharrefreplace")


def html_records(count: int, start: int = 0) -> list[WarcRecord]:
    return [
        html_response(f"https://news.example/{i}", page_bytes(i))
        for i in range(start, start + count)
    ]


@pytest.fixture
def mixed_warc(tmp_path: Path) -> Path:
    """Pages, and records that are not pages: a request, an image, a 404, a redirect, an HTML
    response whose body is a PNG (an error row), a cp1256 page and a gzip-encoded page."""
    gz_page = gzip.compress(page_bytes(2))
    records = [
        *html_records(2),
        WarcRecord("request", "https://news.example/0", "", b"", []),
        WarcRecord("response", "https://news.example/logo.png", "200 OK", PNG,
            [("Content-Type", "image/png")]),
        WarcRecord("response", "https://news.example/gone", "404 Not Found", page_bytes(3),
            [("Content-Type", "text/html")]),
        WarcRecord("response", "https://news.example/moved", "301 Moved", b"<html>moved</html>",
            [("Content-Type", "text/html"), ("Location", "/")]),
        WarcRecord("response", "https://news.example/broken", "200 OK", PNG,
            [("Content-Type", "text/html; charset=utf-8")]),
        WarcRecord("response", "https://news.example/cp1256", "200 OK", cp1256_page(0),
            [("Content-Type", "text/html; charset=windows-1256")]),
        WarcRecord("response", "https://news.example/gz", "200 OK", gz_page,
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]),
    ]  # fmt: skip
    return write_warc(tmp_path / "mixed.warc.gz", records)


def rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


# --- WARC -----------------------------------------------------------------------------------


def test_warc_gives_one_row_per_html_response(
    mixed_warc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(mixed_warc), "-w", "1"]) == 1  # the PNG in an HTML response failed
    out, err = capsys.readouterr()
    found = rows(out)
    assert [row["uri"] for row in found] == [
        "https://news.example/0",
        "https://news.example/1",
        "https://news.example/broken",
        "https://news.example/cp1256",
        "https://news.example/gz",
    ]
    for row in found:
        assert str(row["id"]).startswith("<urn:uuid:")
        assert row["record_id"] == row["id"]
    good = [row for row in found if "error" not in row]
    assert len(good) == 4
    assert all(row["url"] == row["uri"] for row in good)  # the target URI is the article's URL
    expected = extract(page_bytes(0), url="https://news.example/0")
    assert good[0]["headline"] == expected.headline
    assert good[0]["paragraphs"] == expected.paragraphs
    assert good[2]["paragraphs"] == expected.paragraphs  # cp1256, charset from HTTP headers
    assert good[3]["headline"] == extract(page_bytes(2)).headline  # Content-Encoding: gzip
    (broken,) = [row for row in found if "error" in row]
    assert broken["error"] == {"type": "InputError", "message": broken["error"]["message"]}  # type: ignore[index]
    assert "PNG" in broken["error"]["message"]  # type: ignore[index]
    assert set(broken) == {"id", "record_id", "uri", "error"}
    assert err.count("\n") == 1 and "PNG" in err  # one line on stderr for the failure


def test_truncated_warc_keeps_the_records_before_the_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", html_records(3)).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 2000])
    assert main(["extract", str(cut), "-w", "1"]) == 1
    found = rows(capsys.readouterr().out)
    assert all("headline" in row for row in found[:-1])
    assert len(found) >= 2
    assert found[-1]["id"] == str(cut)
    assert found[-1]["error"]["type"] == "WarcError"  # type: ignore[index]


def test_a_record_without_its_id_is_named_by_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "<html><body><h1>عنوان</h1><p>نص المقال هنا، وهو نص طويل بما يكفي.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    warc = tmp_path / "no-id.warc"
    warc.write_bytes(head.encode() + http + b"\r\n\r\n")
    assert main(["extract", str(warc), "-w", "1"]) == 0
    (row,) = rows(capsys.readouterr().out)
    assert row["id"] == row["record_id"] == f"{warc}#1"
    assert row["uri"] == "https://a.example/"


def test_extract_many_reads_a_warc_like_the_cli(mixed_warc: Path) -> None:
    results = list(extract_many([mixed_warc], workers=1))
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert results[0].article == extract(page_bytes(0), url="https://news.example/0")
    assert results[2].error is not None and results[2].error.type == "InputError"
    remote = list(extract_many([f"file://{mixed_warc}"], workers=1))  # fsspec URLs
    assert remote == results


# --- directories, list files, stdin ---------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "a" / "1.html").write_bytes(page_bytes(0))
    (root / "b" / "2.HTM").write_bytes(page_bytes(1))
    (root / "b" / "deep" / "3.html").write_bytes(page_bytes(2))
    (root / "b" / "deep" / "notes.json").write_text("{}", encoding="utf-8")  # not a page
    (root / "b" / "logo.png").write_bytes(PNG)
    return root


def test_directory_is_walked_recursively_in_sorted_order(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tree), "-w", "1"]) == 0
    found = rows(capsys.readouterr().out)
    assert [row["id"] for row in found] == [
        str(tree / "a" / "1.html"),
        str(tree / "b" / "2.HTM"),
        str(tree / "b" / "deep" / "3.html"),
    ]
    assert [row["headline"] for row in found] == [extract(page_bytes(i)).headline for i in range(3)]
    assert found[0]["record_id"] is None and found[0]["uri"] is None


def test_glob_selects_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["extract", str(tree), "--glob", "b/deep/*.html", "--glob", "*.PNG", "-w", "1"]) == 1
    )
    found = rows(capsys.readouterr().out)
    assert [Path(str(row["id"])).name for row in found] == ["logo.png", "3.html"]
    assert found[0]["error"]["type"] == "InputError"  # type: ignore[index]
    assert "headline" in found[1]


def test_empty_directory_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    (row,) = rows(out)
    assert row["id"] == str(tmp_path)
    assert row["error"]["type"] == "ReadError"  # type: ignore[index]
    assert "directory" in err


def test_files_from_a_list_and_stdin(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "inputs.txt"
    listing.write_text(
        f"# pages to extract\n{tree / 'a' / '1.html'}\n\n{tmp_path / 'missing.html'}\n",
        encoding="utf-8",
    )
    assert main(["extract", "--files-from", str(listing), "-w", "1"]) == 1
    found = rows(capsys.readouterr().out)
    assert [row["id"] for row in found] == [
        str(tree / "a" / "1.html"),
        str(tmp_path / "missing.html"),
    ]
    assert found[1]["error"] == {"type": "ReadError", "message": "no such file"}

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{tree}\n".encode())))
    assert main(["extract", "--files-from", "-", "-w", "1"]) == 0
    assert len(rows(capsys.readouterr().out)) == 3


def test_stdin_page_in_a_batch(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(page_bytes(4))

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert main(["extract", "-", str(tree / "a" / "1.html"), "-w", "1"]) == 0
    found = rows(capsys.readouterr().out)
    assert [row["id"] for row in found] == ["<stdin>", str(tree / "a" / "1.html")]
    assert found[0]["headline"] == extract(page_bytes(4)).headline


def test_text_format_in_a_batch_has_headers(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tree), "-f", "text", "-w", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"==> {tree / 'a' / '1.html'} <==\n")
    assert out.count("==> ") == 3


def test_missing_list_file_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--files-from", str(tmp_path / "nope.txt")]) == 1
    (row,) = rows(capsys.readouterr().out)
    assert row["error"]["type"] == "ReadError"  # type: ignore[index]


# --- workers: order, errors, bounded queues -------------------------------------------------


@pytest.fixture(scope="module")
def big_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 pages and two broken ones, enough to run in worker processes."""
    records = html_records(40)
    broken = WarcRecord(
        "response",
        "https://news.example/bad",
        "200 OK",
        PNG,
        [("Content-Type", "text/html")],
    )
    records[7] = broken
    records[31] = broken
    return write_warc(tmp_path_factory.mktemp("warc") / "big.warc.gz", records)


def test_workers_keep_input_order(big_warc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(big_warc), "-w", "1"]) == 1
    serial = capsys.readouterr().out
    assert main(["extract", str(big_warc), "-w", "2"]) == 1
    parallel, err = capsys.readouterr()
    assert parallel == serial
    assert len(rows(serial)) == 40
    assert err.count("arabic-extract: <urn:uuid:") == 2
    assert main(["extract", str(big_warc), "-w", "2", "--unordered", "--quiet"]) == 1
    unordered, err = capsys.readouterr()
    assert sorted(unordered.splitlines()) == sorted(serial.splitlines())
    assert err == ""  # --quiet: the failures are in the error rows


def test_extract_many_in_workers_equals_one_process(big_warc: Path) -> None:
    serial = list(extract_many([big_warc], workers=1))
    parallel = list(extract_many([big_warc], workers=2))
    assert parallel == serial
    assert sum(not r.ok for r in parallel) == 2


def test_pool_reads_inputs_lazily_with_bounded_queues() -> None:
    """With an endless input, the pool never takes more than its window ahead of the output."""
    pulled = [0]

    def endless() -> Iterator[Task]:
        for number in itertools.count():
            pulled[0] += 1
            yield Task(id=str(number), data=page_bytes(number))

    pool = WorkerPool(Job(), 2, window=16, depth=2)
    results = pool.run(endless())
    try:
        for seen, result in enumerate(itertools.islice(results, 30), start=1):
            assert result.id == str(seen - 1)
            assert pulled[0] - seen <= 16  # taken from the input but not yet given out
    finally:
        results.close()


def crash_on_marker(result: Result) -> str:
    """A render function that kills its worker on one page (a stand-in for a segfault)."""
    if result.id == "crash":
        os._exit(3)
    return result.id + "\n"


def test_a_crashing_worker_becomes_an_error_row_and_the_run_goes_on() -> None:
    tasks = [Task(id=str(i), data=page_bytes(i)) for i in range(20)]
    tasks.insert(5, Task(id="crash", data=page_bytes(0)))
    job = Job(render=crash_on_marker)
    results = list(run_tasks(tasks, job, workers=2, min_pool_tasks=0))
    assert [r.id for r in results] == [t.id for t in tasks]
    failed = [r for r in results if not r.ok]
    assert len(failed) == 1 and failed[0].id == "crash"
    assert failed[0].error is not None and failed[0].error.type == "WorkerCrash"
    assert "exit code 3" in failed[0].error.message
    assert all(r.text == r.id + "\n" for r in results if r.ok)


def stall_on_marker(result: Result) -> str:
    """A render function that never ends on one page (a stand-in for a stuck extraction)."""
    if result.id == "stuck":
        time.sleep(3600)
    return result.id + "\n"


def test_a_page_over_the_timeout_is_an_error_row() -> None:
    tasks = [Task(id=str(i), data=page_bytes(i)) for i in range(6)]
    tasks.insert(2, Task(id="stuck", data=page_bytes(0)))
    job = Job(render=stall_on_marker)
    # (a timeout well above a page's time, so that only the stuck page passes it even on a
    # loaded machine, where starting a worker and importing the package take a second or two)
    results = list(run_tasks(tasks, job, workers=2, page_timeout=8.0, min_pool_tasks=0))
    assert [r.id for r in results] == [t.id for t in tasks]
    (stuck,) = [r for r in results if not r.ok]
    assert stuck.id == "stuck" and stuck.error is not None and stuck.error.type == "Timeout"


# --- resume ---------------------------------------------------------------------------------


def test_resume_skips_done_ids_and_finishes_the_file(
    big_warc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(big_warc), "-o", str(full), "-w", "1"]) == 1
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 40

    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(lines[:10]) + lines[10][:50], encoding="utf-8")  # killed mid-line
    assert main(["extract", str(big_warc), "-o", str(partial), "--resume", "-w", "1"]) == 1
    assert partial.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    capsys.readouterr()

    assert (
        main(["extract", str(big_warc), "-o", str(partial), "--resume", "-w", "1"]) == 0
    )  # all done
    assert partial.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_prepare_resume_reads_ids_and_cuts_a_partial_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(
        '{"id":"a","headline":"x"}\n{"uri":null, "id": "b"}\nnot json\n{"id":"c"', "utf-8"
    )
    done = prepare_resume(out)
    assert "a" in done and "b" in done and "c" not in done
    assert len(done) == 2
    assert out.read_text(encoding="utf-8").endswith("not json\n")
    assert len(prepare_resume(tmp_path / "absent.jsonl")) == 0


def test_resume_needs_json_to_a_file(big_warc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(big_warc), "--resume"]) == 2
    assert "--resume needs" in capsys.readouterr().err


# --- API ------------------------------------------------------------------------------------


def test_extract_many_takes_pages_in_memory_and_skips_ids() -> None:
    inputs = [("one", page_bytes(0)), ("two", page_bytes(1).decode("utf-8")), ("three", PNG)]
    results = list(extract_many(inputs, skip={"two"}))
    assert [r.id for r in results] == ["one", "three"]
    assert results[0].article == extract(page_bytes(0))
    assert results[1].error is not None and results[1].error.type == "InputError"
    assert results[0].to_dict()["headline"] == results[0].article.headline  # type: ignore[union-attr]
    assert json.loads(results[1].to_json())["error"]["type"] == "InputError"


def test_to_json_is_the_article_with_its_id_first() -> None:
    article = Article(headline="عنوان", paragraphs=["فقرة"])
    line = Result(id="x", article=article, uri="https://a.example/").to_json()
    assert line.startswith('{"id":"x","record_id":null,"uri":"https://a.example/","headline":')
    assert json.loads(line) == {"id": "x", "record_id": None, "uri": "https://a.example/",
                                **article.model_dump(mode="json")}  # fmt: skip


def test_iter_tasks_is_lazy(tmp_path: Path) -> None:
    def sources() -> Iterator[str]:
        yield str(tmp_path / "a.html")
        raise AssertionError("read past the first input")

    first = next(iter_tasks(sources()))
    assert first == Task(id=str(tmp_path / "a.html"), file=str(tmp_path / "a.html"))


# --- progress -------------------------------------------------------------------------------


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_and_summary_on_a_terminal(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stderr = Tty()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["extract", str(tree), "-w", "1"]) == 0
    err = stderr.getvalue()
    last = err.rstrip("\n").split("\r")[-1].removeprefix("\x1b[2K")  # the bar is cleared
    assert last.startswith("arabic-extract: 3 pages (3 ok, 0 errors)")
    assert "pages/s" in err and "MB/s" in err
    assert len(rows(capsys.readouterr().out)) == 3

    quiet = Tty()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["extract", str(tree), "-w", "1", "-q"]) == 0
    assert quiet.getvalue() == ""


def test_progress_line_shows_rate_errors_and_eta() -> None:
    progress = Progress(stream=None, enabled=False, total=10, started=0.0)
    progress.add(Result(id="a", size=2_000_000))
    progress.add(Result(id="b", error=None, size=0))
    progress.errors = 1
    line = progress.line(now=2.0)
    assert line.startswith("2/10   20%  1.0 pages/s  1.0 MB/s  1 error  ETA 0:08")


# --- bounded reads, cut files, the output lock ---------------------------------------------


def _gzip_members(data: bytes) -> list[int]:
    """Where each gzip member of ``data`` starts."""
    starts, position = [], 0
    while position < len(data):
        starts.append(position)
        decompressor = zlib.decompressobj(31)
        decompressor.decompress(data[position:])
        position = len(data) - len(decompressor.unused_data)
    return starts


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_fifo_or_a_device_is_an_error_row_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(page_bytes(0))
    os.mkfifo(folder / "b.html")  # nothing ever writes to it
    (folder / "c.html").write_bytes(page_bytes(1))
    assert main(["extract", str(folder), os.devnull, "-w", "1"]) == 1
    found = rows(capsys.readouterr().out)
    assert [Path(str(row["id"])).name for row in found] == ["a.html", "b.html", "c.html", "null"]
    assert found[1]["error"] == {"type": "ReadError", "message": "is not a regular file (a FIFO)"}
    assert found[3]["error"]["message"] == "is not a regular file (a device)"  # type: ignore[index]
    assert "headline" in found[0] and "headline" in found[2]


def test_a_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as stream:
        stream.truncate(3 << 30)  # 3 GB, sparse: reading it would take seconds and memory
    small = tmp_path / "small.html"
    small.write_bytes(page_bytes(0))
    results = list(extract_many([str(huge), str(small)], workers=1))
    assert results[0].error is not None and results[0].error.type == "InputError"
    assert results[0].error.message.startswith(f"input is {3 << 30} bytes, over the limit")
    assert results[1].ok


def test_standard_input_over_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(page_bytes(0))

    monkeypatch.setattr(sys, "stdin", Stdin())
    config = ExtractionConfig(max_input_bytes=1000)
    (task,) = iter_tasks(["-"], config=config)
    assert task.error is not None and task.error.type == "InputError"
    assert Stdin.buffer.tell() == 1001  # the rest is left unread


def test_a_warc_record_over_the_cap_is_an_error_row(tmp_path: Path) -> None:
    page = page_bytes(0)
    doubled = html_response("https://news.example/twice", page.replace(b"</body>", page))
    path = write_warc(tmp_path / "big.warc.gz", [*html_records(1), doubled])
    config = ExtractionConfig(max_input_bytes=len(page) + 100)
    results = list(extract_many([str(path)], workers=1, config=config))
    assert results[0].ok
    assert results[1].error is not None and results[1].error.type == "InputError"
    assert "over the limit" in results[1].error.message


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.95])
def test_a_warc_gz_cut_in_its_last_member_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fraction: float
) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", html_records(3)).read_bytes()
    last = _gzip_members(whole)[-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: last + int((len(whole) - last) * fraction)])
    assert main(["extract", str(cut), "-w", "1"]) == 1
    found = rows(capsys.readouterr().out)
    assert [row.get("uri") for row in found[:2]] == [f"https://news.example/{i}" for i in (0, 1)]
    assert all("headline" in row for row in found[:2])
    assert len(found) == 3 and found[2]["id"] == str(cut)
    assert found[2]["error"]["type"] == "WarcError"  # type: ignore[index]
    assert "after 2 pages" in found[2]["error"]["message"]  # type: ignore[index]


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_a_warc_cut_in_its_last_record_is_an_error_row(tmp_path: Path, fraction: float) -> None:
    """An uncompressed WARC whose last record (a gzip-encoded page) is cut: no half page."""
    encoded = WarcRecord(
        "response",
        "https://news.example/gz",
        "200 OK",
        gzip.compress(page_bytes(2)),
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
    )
    packed = write_warc(tmp_path / "whole.warc.gz", [*html_records(2), encoded]).read_bytes()
    whole = gzip.decompress(packed)
    last = whole.rindex(b"WARC/1.0\r\n")
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: last + int((len(whole) - last) * fraction)])
    results = list(extract_many([str(cut)], workers=1))
    assert [r.ok for r in results] == [True, True, False]
    assert results[2].error is not None and results[2].error.type == "WarcError"
    assert results[2].id == str(cut)


def test_whole_warc_files_have_no_error_row(tmp_path: Path) -> None:
    packed = write_warc(tmp_path / "whole.warc.gz", html_records(3))
    plain = tmp_path / "whole.warc"
    plain.write_bytes(gzip.decompress(packed.read_bytes()))
    for path in (packed, plain):
        assert all(r.ok for r in extract_many([str(path)], workers=1))


def test_a_second_run_on_the_same_output_refuses_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_bytes(page_bytes(0))
    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"earlier"}\n', encoding="utf-8")
    with files.open_locked(str(out), append=True):  # another run, writing
        assert main(["extract", str(tmp_path / "a.html"), "-o", str(out), "--resume"]) == 1
        assert main(["extract", str(tmp_path), "-o", str(out), "--glob", "*.html"]) == 1
        err = capsys.readouterr().err
        assert err.count("another run is writing to it") == 2
        assert out.read_text(encoding="utf-8") == '{"id":"earlier"}\n'  # neither emptied it
    # once it is done:
    assert main(["extract", str(tmp_path), "-o", str(out), "--glob", "*.html"]) == 0
    assert "headline" in out.read_text(encoding="utf-8")


def test_extract_many_has_a_page_timeout_by_default() -> None:
    default = inspect.signature(extract_many).parameters["page_timeout"].default
    assert default == DEFAULT_PAGE_TIMEOUT == 120.0
    unbounded = Job(config=ExtractionConfig(max_seconds=None))
    assert within(unbounded, 120.0).config.max_seconds == 120.0  # in this process
    assert within(Job(), 120.0).config.max_seconds == 10.0  # already sooner
