"""Dask helpers: extraction spread over the workers of a Dask cluster, one or many machines.

``pip install "arabic-news-extract[dask,warc]"``. Dask is imported inside the functions, so
``import arabic_extract`` never needs it.

>>> from dask.distributed import Client
>>> from arabic_extract.dask import extract_warcs
>>> client = Client("scheduler:8786")
>>> rows = extract_warcs(["s3://crawl/0001.warc.gz", "s3://crawl/0002.warc.gz"])
>>> write_jsonl(rows, "s3://out/articles-*.jsonl")  # one JSON Lines file a partition

Each partition runs :func:`arabic_extract.extract_many` with ``workers=1`` inside a Dask worker
(Dask provides the parallelism). Rows are the dicts of :meth:`arabic_extract.batch.Result.to_dict`:
the JSON Lines schema of the command line, error rows included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from arabic_extract.batch import DEFAULT_GLOBS, Source, extract_many
from arabic_extract.config import ExtractionConfig
from arabic_extract.extras import install_hint

if TYPE_CHECKING:
    import dask.bag

INSTALL_HINT: Final = f"arabic_extract.dask needs Dask: {install_hint('dask', 'warc')}"


def extract_partition(
    items: Iterable[Source],
    config: ExtractionConfig | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
) -> list[dict[str, Any]]:
    """The rows of one partition: ``items`` are anything :func:`extract_many` takes (paths,
    WARC files, URLs, ``(id, page)`` pairs). For ``bag.map_partitions(extract_partition)``."""
    return [r.to_dict() for r in extract_many(items, workers=1, config=config, globs=globs)]


def extract_bag(
    bag: dask.bag.Bag,
    *,
    config: ExtractionConfig | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
) -> dask.bag.Bag:
    """A bag of rows (dicts) from a bag of inputs, partition by partition."""
    rows: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        extract_partition, config=config, globs=globs
    )
    return rows


def extract_warcs(
    paths: Sequence[str],
    *,
    config: ExtractionConfig | None = None,
    partitions: int | None = None,
) -> dask.bag.Bag:
    """A bag of rows from WARC files (local paths every worker can read, or fsspec URLs such
    as ``s3://``), one partition per file unless ``partitions`` says otherwise. The rows come
    in file order, and in record order within a file."""
    try:
        import dask.bag as db  # noqa: PLC0415 - optional dependency
    except ModuleNotFoundError as missing:
        raise ModuleNotFoundError(INSTALL_HINT, name=missing.name) from None
    count = partitions or max(1, len(paths))
    bag = db.from_sequence(list(paths), npartitions=count)  # type: ignore[no-untyped-call]
    return extract_bag(bag, config=config)


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


def write_jsonl(rows: dask.bag.Bag, urlpath: str, **storage: Any) -> list[str]:
    """Write a bag of rows as JSON Lines, one file a partition (``urlpath`` has a ``*`` for
    the partition number: ``out/articles-*.jsonl``, ``s3://bucket/part-*.jsonl``), Arabic as is,
    every line ending in a newline, the last one too, so the parts concatenate into one valid
    JSON Lines file (Dask's ``to_textfiles`` leaves the last line of each file open unless
    told). ``storage`` goes to ``to_textfiles`` (``storage_options``, ``compression``...).
    Returns the paths written."""
    lines = rows.map(_json_line)  # type: ignore[no-untyped-call]
    written: list[str] = lines.to_textfiles(urlpath, last_endline=True, **storage)
    return written
