"""The fetch cases of ``benchmarks/hostile.py``: a local server with hostile responses.

Each case is a function of the server's base URL, run in a child process of its own (its peak
RSS is read by the caller); it returns what came out, in a few words.
"""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from arabic_extract.fetch import FetchError, FetchOptions, fetch

BOMB = 1 << 30
"""What each compression bomb inflates to: 1 GiB of spaces after an HTML start."""
_PIECE = b" " * (1 << 20)


def _gzip(total: int, wbits: int = 31) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    parts = [compressor.compress(b"<html><body>")]
    parts += [compressor.compress(_PIECE) for _ in range(total // len(_PIECE))]
    return b"".join([*parts, compressor.flush()])


def _brotli(total: int) -> bytes:
    import brotli  # noqa: PLC0415 - a fetch extra

    compressor = brotli.Compressor(quality=5)
    parts = [compressor.process(b"<html><body>")]
    parts += [compressor.process(_PIECE) for _ in range(total // len(_PIECE))]
    return b"".join([*parts, compressor.finish()])


def _zstd(total: int) -> bytes:
    import zstandard  # noqa: PLC0415 - a fetch extra

    compressor = zstandard.ZstdCompressor(level=19).compressobj()
    parts = [compressor.compress(b"<html><body>")]
    parts += [compressor.compress(_PIECE) for _ in range(total // len(_PIECE))]
    return b"".join([*parts, compressor.flush()])


def bombs() -> dict[str, bytes]:
    """Content coding -> a body that decodes to BOMB bytes (br and zstd when their packages
    are installed)."""
    gzipped = _gzip(BOMB)
    out = {
        "gzip": gzipped,
        "deflate": _gzip(BOMB, 15),
        "gzip, deflate": zlib.compress(gzipped, 9),  # stacked: deflate of the gzip bomb
    }
    for coding, make in (("br", _brotli), ("zstd", _zstd)):
        with contextlib.suppress(ImportError):
            out[coding] = make(BOMB)
    return out


class _Handler(BaseHTTPRequestHandler):
    bombs: dict[str, bytes] = {}  # noqa: RUF012 - set once, before serving

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path.startswith("/bomb/"):
                coding = self.path.removeprefix("/bomb/").replace("+", ", ")
                body = self.bombs[coding]
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", coding)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/drip":  # the status line and headers, a byte a second
                for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Pad: x\r\n" * 100:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1)


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """A local server of the hostile responses (building the bombs takes a few seconds)."""
    _Handler.bombs = bombs()
    for coding, body in _Handler.bombs.items():
        print(f"  {coding}: {len(body):,} bytes inflate to {BOMB:,}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def bomb(base: str, coding: str) -> str:
    try:
        fetched = fetch(f"{base}/bomb/{coding.replace(', ', '+')}")
    except FetchError as error:
        return f"FetchError: {error}"
    return f"{len(fetched.content)} bytes"


def drip(base: str) -> str:
    """Headers a byte a second, with a 5 s deadline (60 s by default)."""
    start = time.monotonic()
    try:
        fetch(f"{base}/drip", options=FetchOptions(deadline=5))
    except FetchError as error:
        return f"FetchError after {time.monotonic() - start:.1f} s: {error}"
    return "fetched (it should have timed out)"


FETCH_CASES: dict[str, Callable[[str], str]] = {
    **{f"{coding} body inflating to 1 GiB": partial(bomb, coding=coding) for coding in
       ("gzip", "deflate", "gzip, deflate", "br", "zstd")},
    "headers a byte a second (deadline 5 s)": drip,
}  # fmt: skip
