"""WARC files for the tests and the batch benchmark, written with warcio (a test dependency).

Not a test module: ``tests/test_batch.py``, ``tests/test_dask.py`` and
``benchmarks/batch_throughput.py`` import it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


class WarcRecord(NamedTuple):
    """A record to write: its type, target URI, HTTP status line, body and HTTP headers."""

    kind: str
    uri: str
    status: str
    body: bytes
    headers: list[tuple[str, str]]


def html_response(uri: str, body: bytes) -> WarcRecord:
    """A 200 response holding an HTML page (UTF-8)."""
    return WarcRecord(
        "response", uri, "200 OK", body, [("Content-Type", "text/html; charset=utf-8")]
    )


def write_warc(path: Path, records: Iterable[WarcRecord]) -> Path:
    """A gzipped WARC of ``records`` (one gzip member a record, as crawlers write them)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for record in records:
            http = StatusAndHeaders(
                record.status,
                [*record.headers, ("Content-Length", str(len(record.body)))],
                protocol="HTTP/1.1",
            )
            if record.kind == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
                )
            writer.write_record(
                writer.create_warc_record(
                    record.uri, record.kind, payload=io.BytesIO(record.body), http_headers=http
                )
            )
    return path
