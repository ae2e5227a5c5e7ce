"""Fetching pages over HTTP (arabic_extract.fetch and URLs on the command line), against a local
server on 127.0.0.1 that serves fixture pages in UTF-8 and cp1256, errors, a slow page, an
oversize page, redirects and an image."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from arabic_extract import extract, extract_many, extract_url
from arabic_extract.cli import main
from arabic_extract.fetch import FetchError, FetchOptions, fetch, user_agent

pytest.importorskip("httpx")

PAGE = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "html").glob("*/source.html"))[0]
UTF8 = PAGE.read_bytes()
# The same page in cp1256, its own charset declarations removed: only HTTP tells the charset.
TEXT = re.sub(r"<meta[^>]*charset[^>]*>", "", UTF8.decode("utf-8"), flags=re.I)
CP1256 = TEXT.encode("cp1256", "xmlcharrefreplace")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
SLOW_SECONDS = 3.0


class Handler(BaseHTTPRequestHandler):
    """Routes: /utf8 /cp1256 /gzip /redirect /loop /404 /500 /slow /big /unsized /image /json
    /agent."""

    seen_agents: list[str] = []  # noqa: RUF012 - shared by the handler instances

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet

    def send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if "no_length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            if name != "no_length":
                self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # (the client may have given up: timeout and size tests)

    def do_GET(self) -> None:
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        route = ROUTES.get(self.path, Route(404, b"", "text/plain"))
        self.send(route.status, route.body, route.content_type, **route.headers)


@dataclass(frozen=True)
class Route:
    """What the test server answers on one path."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


HTML = "text/html; charset=utf-8"
ROUTES = {
    "/utf8": Route(200, UTF8, HTML),
    "/cp1256": Route(200, CP1256, "text/html; charset=windows-1256"),
    "/gzip": Route(200, gzip.compress(UTF8), HTML, {"Content_Encoding": "gzip"}),
    "/redirect": Route(302, b"", "text/html", {"Location": "/utf8"}),
    "/loop": Route(302, b"", "text/html", {"Location": "/loop"}),
    "/404": Route(404, b"<html>not found</html>", "text/html"),
    "/500": Route(500, b"<html>oops</html>", "text/html"),
    "/slow": Route(200, UTF8, HTML),
    "/big": Route(200, UTF8 * 4, HTML),
    # no Content-Length: the cap applies while reading
    "/unsized": Route(200, UTF8 * 4, HTML, {"no_length": "1", "Connection": "close"}),
    "/image": Route(200, PNG, "image/png"),
    # an API answering with a JSON document
    "/json": Route(200, '{"title": "عنوان"}'.encode(), "application/json"),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_utf8_page(server: str) -> None:
    article = extract_url(f"{server}/utf8")
    assert article == extract(UTF8, url=f"{server}/utf8")
    assert article.headline and article.paragraphs


def test_cp1256_page_is_decoded_with_the_http_charset(server: str) -> None:
    fetched = fetch(f"{server}/cp1256")
    assert fetched.encoding == "cp1256"
    assert fetched.content == CP1256
    article = extract_url(f"{server}/cp1256")
    assert article.paragraphs == extract(UTF8).paragraphs
    assert article.headline == extract(UTF8).headline


def test_gzip_content_encoding(server: str) -> None:
    assert extract_url(f"{server}/gzip").paragraphs == extract(UTF8).paragraphs


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    article = extract_url(f"{server}/redirect")
    assert article.url == f"{server}/utf8"
    assert article.headline == extract(UTF8).headline


@pytest.mark.parametrize(("path", "status"), [("/404", 404), ("/500", 500)])
def test_http_errors_are_fetch_errors_with_the_status(server: str, path: str, status: int) -> None:
    with pytest.raises(FetchError, match=f"HTTP {status}") as caught:
        extract_url(server + path)
    assert caught.value.status == status
    assert caught.value.url == server + path


def test_timeout(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", options=FetchOptions(timeout=0.5))
    assert time.monotonic() - start < SLOW_SECONDS


@pytest.mark.parametrize("path", ["/big", "/unsized"])
def test_size_cap(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="over the limit"):
        fetch(server + path, options=FetchOptions(max_bytes=len(UTF8) * 2))


def test_redirect_loop_and_not_a_page(server: str) -> None:
    with pytest.raises(FetchError, match="redirects"):
        fetch(f"{server}/loop", options=FetchOptions(max_redirects=3))
    with pytest.raises(FetchError, match="not a page: Content-Type image/png"):
        fetch(f"{server}/image")
    with pytest.raises(FetchError, match="not a page: Content-Type application/json"):
        fetch(f"{server}/json")


def test_connection_refused_and_bad_scheme() -> None:
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/")  # the discard port: nothing listens
    with pytest.raises(FetchError, match="only http"):
        fetch("ftp://example.com/page.html")


def test_user_agent_is_sent(server: str) -> None:
    Handler.seen_agents.clear()
    fetch(f"{server}/utf8")
    assert Handler.seen_agents == [user_agent()]
    assert user_agent().startswith("arabic-extract/")


def test_cli_fetches_a_url(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", f"{server}/cp1256"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["headline"] == extract(UTF8).headline
    assert article["url"] == f"{server}/cp1256"


def test_cli_batch_of_urls_has_rows_and_error_rows(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/utf8\n{server}/404\n{server}/redirect\n", encoding="utf-8")
    assert main(["extract", "--files-from", str(listing), "-w", "1"]) == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == [f"{server}/utf8", f"{server}/404", f"{server}/redirect"]
    assert rows[1]["error"]["type"] == "FetchError"
    assert rows[1]["error"]["message"].startswith("HTTP 404")
    assert rows[2]["uri"] == f"{server}/utf8"  # the URL after the redirect
    assert f"{server}/404: HTTP 404" in err


def test_extract_many_fetches_urls(server: str) -> None:
    results = list(extract_many([f"{server}/utf8", f"{server}/500"], workers=1))
    assert results[0].ok and results[0].article == extract(UTF8, url=f"{server}/utf8")
    assert results[1].error is not None and results[1].error.type == "FetchError"
