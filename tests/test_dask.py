"""The Dask integration on a real (local) cluster: two worker processes extract two WARC files;
the rows must equal those of one process."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from arabic_extract import extract_many

pytest.importorskip("fastwarc")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")
warcio = pytest.importorskip("warcio")

from warc_files import html_response, write_warc  # noqa: E402

from arabic_extract.dask import (  # noqa: E402
    extract_bag,
    extract_partition,
    extract_warcs,
    write_jsonl,
)

PAGES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "html").glob("*/source.html"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def fixture_warc(path: Path, first: int, count: int) -> Path:
    """``count`` HTML responses of the fixture pages, the third one a PNG (an error row)."""
    return write_warc(
        path,
        (
            html_response(
                f"https://news.example/{number}",
                PNG if number - first == 2 else PAGES[number % len(PAGES)].read_bytes(),
            )
            for number in range(first, first + count)
        ),
    )


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("warcs")
    return [fixture_warc(folder / "a.warc.gz", 0, 8), fixture_warc(folder / "b.warc.gz", 8, 7)]


def test_extract_warcs_on_a_local_cluster_equals_one_process(
    client: object, warcs: list[Path]
) -> None:
    rows = extract_warcs([str(p) for p in warcs]).compute()
    expected = [r.to_dict() for r in extract_many(warcs, workers=1)]
    assert rows == expected
    assert len(rows) == 15
    assert sum("error" in row for row in rows) == 2
    assert len(client.scheduler_info()["workers"]) == 2  # type: ignore[attr-defined]
    json.dumps(rows, ensure_ascii=False)  # rows are plain JSON types


def test_extract_bag_of_pages_in_memory(client: object) -> None:
    import dask.bag as db  # noqa: PLC0415

    pages = [(f"page-{i}", PAGES[i].read_bytes()) for i in range(4)]
    rows = extract_bag(db.from_sequence(pages, npartitions=2)).compute()
    assert rows == extract_partition(pages)
    assert [row["id"] for row in rows] == ["page-0", "page-1", "page-2", "page-3"]


def test_jsonl_parts_end_in_a_newline_and_concatenate(
    client: object, warcs: list[Path], tmp_path: Path
) -> None:
    rows = extract_warcs([str(p) for p in warcs])
    written = write_jsonl(rows, str(tmp_path / "out" / "articles-*.jsonl"))
    assert len(written) == 2
    parts = [Path(path).read_text(encoding="utf-8") for path in sorted(written)]
    assert all(part.endswith("}\n") for part in parts)
    assert "\\u0" not in parts[0]  # Arabic as is
    joined = "".join(parts).splitlines()  # `cat out/*.jsonl`
    assert [json.loads(line) for line in joined] == rows.compute()


def test_without_dask_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # as if Dask were not installed
    hint = r'pip install "arabic-news-extract\[dask,warc\]"'
    with pytest.raises(ModuleNotFoundError, match=hint):
        extract_warcs(["crawl.warc.gz"])
