"""Fetch a page over HTTP(S) with httpx and extract its article: :func:`extract_url`, :func:`fetch`.

httpx is an optional dependency (``pip install "arabic-news-extract[fetch]"``); it is imported
when a page is fetched, so ``import arabic_extract`` never needs it.

What a fetch does: one GET with a clear user agent, redirects followed (at most
``max_redirects``), a connect/read timeout and an overall deadline, the body streamed and cut
off past ``max_bytes`` (counted after gzip/brotli decoding, so a compressed bomb stops early),
and the charset of the ``Content-Type`` header handed to the decoder. Every failure — an HTTP
status of 400 or more, a timeout, a refused connection, too many redirects, an oversize body, a
body that is plainly not a page (``image/*``, ``application/pdf``…) — raises :class:`FetchError`,
a subclass of :class:`~arabic_extract.InputError`, with the URL and the status when there was one.
"""

from __future__ import annotations

import codecs
import functools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from arabic_extract.api import InputFormat, extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.errors import InputError
from arabic_extract.extras import install_hint
from arabic_extract.model import Article

if TYPE_CHECKING:
    import httpx


def user_agent() -> str:
    """The default User-Agent: ``arabic-extract/VERSION (...)``."""
    from arabic_extract import __version__  # noqa: PLC0415 - the package imports this module

    return f"arabic-extract/{__version__} (Arabic article extraction; python-httpx)"


# What a page is served as: HTML, page text or Markdown (XHTML and XML carry HTML too). A
# response that says it is anything else (JSON, an image, a PDF, an archive) is not a page; one
# that says nothing is decoded and sniffed (decode.py refuses binary formats).
_PAGE_TYPES: Final = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/xml",
        "text/xml",
    }
)


class FetchError(InputError):
    """A page could not be fetched: HTTP status >= 400, timeout, connection, redirects, size."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


@dataclass(frozen=True)
class FetchOptions:
    """How pages are fetched. Hashable: worker processes keep one HTTP client per options."""

    timeout: float = 15.0
    """Seconds to connect, and between two reads of the body."""
    deadline: float = 60.0
    """Seconds for the whole fetch, redirects and body included."""
    max_bytes: int = 20_000_000
    """Bodies larger than this (after content decoding) fail with FetchError."""
    max_redirects: int = 10
    user_agent: str | None = None
    """None: :func:`user_agent`."""


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the final URL (after redirects), the status and the body's bytes."""

    url: str
    status: int
    content: bytes
    content_type: str | None
    encoding: str | None
    """The charset of the Content-Type header when Python knows it, else None."""


def _new_client(options: FetchOptions) -> httpx.Client:
    import httpx  # noqa: PLC0415 - optional dependency

    return httpx.Client(
        follow_redirects=True,
        max_redirects=options.max_redirects,
        timeout=httpx.Timeout(options.timeout),
        headers={
            "User-Agent": options.user_agent or user_agent(),
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Language": "ar,en;q=0.5",
        },
    )


@functools.lru_cache(maxsize=8)
def shared_client(options: FetchOptions) -> httpx.Client:
    """One client per options and process, so repeated fetches reuse connections (httpx
    clients are thread-safe)."""
    return _new_client(options)


def _charset(value: str | None) -> str | None:
    """A charset name Python can decode, or None (unknown names are dropped, not fatal)."""
    if not value:
        return None
    try:
        return codecs.lookup(value.strip().strip("\"'")).name
    except LookupError:
        return None


def _is_not_a_page(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return bool(media) and media not in _PAGE_TYPES


def _check_url(url: str) -> None:
    if not isinstance(url, str):
        raise TypeError(f"url must be str, not {type(url).__name__}")
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("only http:// and https:// URLs can be fetched", url=url)


def fetch(
    url: str, *, options: FetchOptions | None = None, client: httpx.Client | None = None
) -> Fetched:
    """GET ``url``; :class:`FetchError` on any failure (see the module docstring)."""
    _check_url(url)
    opts = options or FetchOptions()
    try:
        import httpx  # noqa: PLC0415 - optional dependency, imported on first use
    except ImportError:  # pragma: no cover - depends on the environment
        raise FetchError(f"fetching URLs needs httpx: {install_hint('fetch')}", url=url) from None
    http = client or shared_client(opts)
    deadline = time.monotonic() + opts.deadline
    try:
        with http.stream("GET", url) as response:
            return _read(response, url, opts, deadline)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {opts.max_redirects} redirects", url=url) from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out (no data for {opts.timeout:g} s)", url=url) from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", url=url) from None
    except httpx.HTTPError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchError(f"cannot fetch: {reason}", url=url) from None


def _read(response: httpx.Response, url: str, opts: FetchOptions, deadline: float) -> Fetched:
    status = response.status_code
    if status >= 400:
        phrase = response.reason_phrase or ""
        raise FetchError(f"HTTP {status} {phrase}".rstrip(), url=url, status=status)
    content_type = response.headers.get("content-type")
    if _is_not_a_page(content_type):
        raise FetchError(f"not a page: Content-Type {content_type}", url=url, status=status)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes:
        raise FetchError(
            f"the page is {declared} bytes, over the limit of {opts.max_bytes}",
            url=url,
            status=status,
        )
    parts: list[bytes] = []
    size = 0
    for part in response.iter_bytes():
        size += len(part)
        if size > opts.max_bytes:
            raise FetchError(
                f"the page is over the limit of {opts.max_bytes} bytes", url=url, status=status
            )
        if time.monotonic() > deadline:
            raise FetchError(f"timed out (over {opts.deadline:g} s in all)", url=url)
        parts.append(part)
    return Fetched(
        url=str(response.url),
        status=status,
        content=b"".join(parts),
        content_type=content_type,
        encoding=_charset(response.charset_encoding),
    )


def extract_url(
    url: str,
    *,
    config: ExtractionConfig | None = None,
    options: FetchOptions | None = None,
    client: httpx.Client | None = None,
    input_format: InputFormat = "auto",
) -> Article:
    """Fetch ``url`` and extract its article (``article.url`` is the URL after redirects;
    ``input_format``: see :func:`~arabic_extract.extract`).

    Raises :class:`FetchError` when the page cannot be fetched and
    :class:`~arabic_extract.InputError` when what came back is not a page.
    """
    fetched = fetch(url, options=options, client=client)
    return extract(
        fetched.content,
        url=fetched.url,
        config=config,
        encoding=fetched.encoding,
        input_format=input_format,
    )
