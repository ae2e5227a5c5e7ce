"""Fetching pages over HTTP (arabic_extract.fetch and URLs on the command line), against a local
server on 127.0.0.1 that serves fixture pages in UTF-8 and cp1256, errors, a slow page, an
oversize page, redirects and an image."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from arabic_extract import extract, extract_many, extract_url
from arabic_extract.cli import main
from arabic_extract.fetch import FetchError, FetchOptions, fetch, user_agent

httpx = pytest.importorskip("httpx")

from arabic_extract import network  # noqa: E402 - needs httpx

PAGE = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "html").glob("*/source.html"))[0]
UTF8 = PAGE.read_bytes()
# The same page in cp1256, its own charset declarations removed: only HTTP tells the charset.
TEXT = re.sub(r"<meta[^>]*charset[^>]*>", "", UTF8.decode("utf-8"), flags=re.I)
CP1256 = TEXT.encode("cp1256", "xmlcharrefreplace")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
SLOW_SECONDS = 3.0
# Compressed bodies that inflate to 40 MB (twice the default cap) from a few kilobytes.
BOMB = b"<html><body>" + b" " * 40_000_000
BOMBS = {
    "gzip": gzip.compress(BOMB),
    "deflate": zlib.compress(BOMB),
    "gzip, deflate": zlib.compress(gzip.compress(BOMB)),
}
_RAW = zlib.compressobj(wbits=-15)
RAW_DEFLATE_BOMB = _RAW.compress(BOMB) + _RAW.flush()
with contextlib.suppress(ImportError):
    import brotli

    BOMBS["br"] = brotli.compress(BOMB)
with contextlib.suppress(ImportError):
    import zstandard

    BOMBS["zstd"] = zstandard.ZstdCompressor().compress(BOMB)
CODED = {
    "gzip": gzip.compress(UTF8),
    "deflate": zlib.compress(UTF8),
    "gzip, deflate": zlib.compress(gzip.compress(UTF8)),
    **({"br": brotli.compress(UTF8)} if "br" in BOMBS else {}),
    **({"zstd": zstandard.ZstdCompressor().compress(UTF8)} if "zstd" in BOMBS else {}),
}


class Handler(BaseHTTPRequestHandler):
    """Routes: ROUTES, the answers that depend on the request (a slow drip of headers,
    redirects to other hosts, the request's cookies echoed), and the compressed bodies."""

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
        port = self.server.server_address[1]
        answers = {  # the routes whose answer depends on the request
            "/drip": self.drip,
            "/to-localhost": lambda: self.redirect(f"http://localhost:{port}/utf8"),
            "/to-b": lambda: self.redirect(f"http://b.example:{port}/utf8"),
            "/echo-cookie": lambda: self.send(
                200, f"<p>{self.headers.get('Cookie', 'none')}</p>".encode(), "text/html"
            ),
        }
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path in answers:
            answers[self.path]()
        elif self.path.startswith(("/bomb/", "/coded/")):
            kind, coding = self.path[1:].split("/", 1)
            coding = coding.replace("+", ", ")
            body = (BOMBS if kind == "bomb" else CODED)[coding]
            self.send(200, body, HTML, Content_Encoding=coding)
        else:
            route = ROUTES.get(self.path, Route(404, b"", "text/plain"))
            self.send(route.status, route.body, route.content_type, **route.headers)

    def redirect(self, location: str) -> None:
        self.send(302, b"", "text/html", Location=location)

    def drip(self) -> None:
        """The status line and headers one byte at a time."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: x\r\n" * 20
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for byte in head:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)


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
    # deflate without its zlib wrapper, as some servers send it
    "/bomb-raw-deflate": Route(200, RAW_DEFLATE_BOMB, "text/html", {"Content_Encoding": "deflate"}),
    "/cut-gzip": Route(200, gzip.compress(UTF8)[:-200], "text/html", {"Content_Encoding": "gzip"}),
    "/compress": Route(200, UTF8, "text/html", {"Content_Encoding": "compress"}),
    # a wrong label on the bytes
    "/cp1256-as-latin1": Route(200, CP1256, "text/html; charset=iso-8859-1"),
    "/set-cookie": Route(200, UTF8, HTML, {"Set_Cookie": "session=42; Path=/"}),
    "/cookie-then-echo": Route(
        302, b"", "text/html", {"Location": "/echo-cookie", "Set_Cookie": "hop=1; Path=/"}
    ),
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


# --------------------------------------------------------------------------- bounds and policies


@pytest.mark.parametrize("coding", list(BOMBS))
def test_the_cap_counts_decoded_bytes_for_every_coding(server: str, coding: str) -> None:
    """A few kilobytes that inflate to 40 MB stop at the 20 MB cap, read in bounded pieces
    (benchmarks/hostile.py measures the peak memory)."""
    assert len(BOMBS[coding]) < 100_000
    with pytest.raises(FetchError, match="over the limit of 20000000 bytes \\(decoded\\)"):
        fetch(f"{server}/bomb/{coding.replace(', ', '+')}")


def test_the_cap_counts_decoded_bytes_of_raw_deflate(server: str) -> None:
    with pytest.raises(FetchError, match="over the limit of 20000000 bytes \\(decoded\\)"):
        fetch(f"{server}/bomb-raw-deflate")


@pytest.mark.parametrize("coding", list(CODED))
def test_every_coding_is_decoded(server: str, coding: str) -> None:
    assert fetch(f"{server}/coded/{coding.replace(', ', '+')}").content == UTF8


def test_a_cut_or_unknown_coding_is_a_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="cut short"):
        fetch(f"{server}/cut-gzip")
    with pytest.raises(FetchError, match="cannot decode Content-Encoding compress"):
        fetch(f"{server}/compress")


def test_headers_sent_a_byte_at_a_time_end_at_the_deadline(server: str) -> None:
    """Each byte comes well within the read timeout; the deadline of the whole fetch ends it
    (the server would drip for 3 s)."""
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out \(over 0.5 s in all\)"):
        fetch(f"{server}/drip", options=FetchOptions(timeout=5, deadline=0.5))
    assert time.monotonic() - start < 2.5


def test_public_only_refuses_loopback(server: str) -> None:
    with pytest.raises(
        FetchError, match=r"refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1 is a loopback"
    ):
        fetch(f"{server}/utf8", options=FetchOptions(public_only=True))
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match=r"refused: localhost resolves to .* loopback"):
        fetch(f"http://localhost:{port}/utf8", options=FetchOptions(public_only=True))
    with httpx.Client() as own, pytest.raises(FetchError, match=r"refused: .*loopback"):
        fetch(f"{server}/utf8", options=FetchOptions(public_only=True), client=own)


def test_public_only_checks_the_connection_of_a_redirect(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """a.example passes the check, the redirect's b.example does not (both names resolved by
    a stand-in resolver to this machine)."""
    real_resolve, real_refusal = socket.getaddrinfo, network.refusal
    names = {"a.example": "127.0.0.1", "b.example": "127.0.0.2"}

    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list[object]:
        return real_resolve(names.get(host, host), port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(network.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(network, "refusal", lambda a: real_refusal(a) if a == "127.0.0.2" else None)
    port = server.rsplit(":", 1)[1]
    options = FetchOptions(public_only=True)
    assert fetch(f"http://a.example:{port}/utf8", options=options).content == UTF8
    with pytest.raises(FetchError, match=r"refused: b\.example resolves to 127\.0\.0\.2"):
        fetch(f"http://a.example:{port}/to-b", options=options)


def test_same_host_refuses_a_redirect_to_another_host(server: str) -> None:
    assert fetch(f"{server}/to-localhost").content == UTF8
    with pytest.raises(FetchError, match="another host, localhost"):
        fetch(f"{server}/to-localhost", options=FetchOptions(same_host=True))
    assert fetch(f"{server}/redirect", options=FetchOptions(same_host=True)).content == UTF8


def test_no_cookie_is_kept_between_fetches_unless_the_client_is_yours(server: str) -> None:
    fetch(f"{server}/set-cookie")
    assert b"none" in fetch(f"{server}/echo-cookie").content
    assert b"hop=1" in fetch(f"{server}/cookie-then-echo").content  # within one fetch
    assert b"none" in fetch(f"{server}/echo-cookie").content
    with httpx.Client() as own:
        fetch(f"{server}/set-cookie", client=own)
        assert b"session=42" in fetch(f"{server}/echo-cookie", client=own).content


def test_a_latin_charset_on_cp1256_bytes_is_checked_against_them(server: str) -> None:
    article = extract_url(f"{server}/cp1256-as-latin1")
    assert article.paragraphs == extract(UTF8).paragraphs
    assert any("but the bytes read as cp1256" in note for note in article.notes)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata address
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4 inside IPv6
        ("100.64.0.1", "not a public"),  # shared address space
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_which_addresses_public_only_refuses(address: str, kind: str | None) -> None:
    reason = network.refusal(address)
    assert (reason is None) if kind is None else (reason is not None and kind in reason)
