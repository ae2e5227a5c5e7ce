"""Fetch a page over HTTP(S) with httpx and extract its article: :func:`extract_url`, :func:`fetch`.

httpx is an optional dependency (``pip install "arabic-news-extract[fetch]"``); it is imported
when a page is fetched, so ``import arabic_extract`` never needs it.

What a fetch does: one GET with a clear user agent; redirects followed one by one (at most
``max_redirects``; with ``same_host``, only to the same host); ``timeout`` to connect and between
two reads, and one ``deadline`` for the whole fetch, from the first connection to the last byte
of the body; the body read raw and its content codings (gzip, deflate, br, zstd, stacked)
undone as it arrives, in bounded pieces, so that the cap ``max_bytes`` counts decoded bytes and
a compressed bomb stops there; the charset of the ``Content-Type`` header handed to the decoder
(which checks it against the bytes). With ``public_only``, addresses that are not public
(loopback, private, link-local, multicast...) are refused, after the name is resolved, on every
connection, redirects included. The default client keeps no cookie from one fetch to the next
(cookies set during a fetch's redirects are sent along them); a client you pass keeps its own.

Every failure — an HTTP status of 400 or more, a timeout, a refused connection or address, too
many redirects, an oversize or undecodable body, a body that is plainly not a page (``image/*``,
``application/pdf``…) — raises :class:`FetchError`, a subclass of
:class:`~arabic_extract.InputError`, with the URL and the status when there was one.

The deadline holds for every byte with the default client, whose connections are made by
:mod:`arabic_extract.network`. A client you pass keeps its own transport: the deadline is then
checked between the pieces of the body, and ``public_only`` checks each host's addresses before
the request and the address the response came from (a DNS answer that changes between the two is
only caught once the request was sent).
"""

from __future__ import annotations

import codecs
import functools
import http.cookiejar
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

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
    """Seconds for the whole fetch: connections, redirects, headers and body."""
    max_bytes: int = 20_000_000
    """Bodies larger than this once decoded (gzip, brotli...) fail with FetchError."""
    max_redirects: int = 10
    user_agent: str | None = None
    """None: :func:`user_agent`."""
    public_only: bool = False
    """Refuse hosts that resolve to an address that is not public (loopback, private,
    link-local, multicast, reserved): what a service fetching URLs from its users wants."""
    same_host: bool = False
    """Refuse redirects to another host (``example.com`` to ``www.example.com`` is another)."""


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the final URL (after redirects), the status and the body's bytes."""

    url: str
    status: int
    content: bytes
    content_type: str | None
    encoding: str | None
    """The charset of the Content-Type header when Python knows it, else None."""


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The default client's cookie policy: it keeps none (see fetch)."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


def _new_client(options: FetchOptions) -> httpx.Client:
    import httpx  # noqa: PLC0415 - optional dependency

    from arabic_extract.network import GuardedTransport  # noqa: PLC0415 - needs httpx

    return httpx.Client(
        transport=GuardedTransport(public_only=options.public_only),
        follow_redirects=False,
        timeout=httpx.Timeout(options.timeout),
        cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
        headers={
            "User-Agent": options.user_agent or user_agent(),
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Language": "ar,en;q=0.5",
        },
    )


@functools.lru_cache(maxsize=8)
def shared_client(options: FetchOptions) -> httpx.Client:
    """One client per options and process, so repeated fetches reuse connections (httpx
    clients are thread-safe). It keeps no cookies, and does not read proxy settings from the
    environment: pass a client of your own for a proxy."""
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

        from arabic_extract.network import (  # noqa: PLC0415 - needs httpx
            AddressRefused,
            Late,
            deadline_of_this_fetch,
        )
    except ImportError:  # pragma: no cover - depends on the environment
        raise FetchError(f"fetching URLs needs httpx: {install_hint('fetch')}", url=url) from None
    deadline = time.monotonic() + opts.deadline
    try:
        with deadline_of_this_fetch(deadline):
            http = client or shared_client(opts)
            return _Fetch(http, opts, deadline, own=client is None).get(url)
    except FetchError:
        raise
    except (Late, httpx.TimeoutException):
        if time.monotonic() >= deadline:
            raise FetchError(f"timed out (over {opts.deadline:g} s in all)", url=url) from None
        raise FetchError(f"timed out (no data for {opts.timeout:g} s)", url=url) from None
    except AddressRefused as refused:
        raise FetchError(f"refused: {refused}", url=url) from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", url=url) from None
    except httpx.HTTPError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchError(f"cannot fetch: {reason}", url=url) from None


class _Fetch:
    """One fetch: its requests, one a redirect, and the cookies set along them."""

    def __init__(self, client: httpx.Client, opts: FetchOptions, deadline: float, *, own: bool):
        import httpx  # noqa: PLC0415 - optional dependency

        self.client, self.opts, self.deadline, self.own = client, opts, deadline, own
        # The default client keeps no cookies: those of this fetch's redirects are kept here.
        self.cookies = httpx.Cookies()

    def get(self, url: str) -> Fetched:
        from arabic_extract.codings import accepted  # noqa: PLC0415

        request = self.client.build_request("GET", url, headers={"Accept-Encoding": accepted()})
        first_host = request.url.host
        for _ in range(self.opts.max_redirects + 1):
            if self.own:
                self.cookies.set_cookie_header(request)
            elif self.opts.public_only:  # (the default client checks as it connects)
                self._check_host(request)
            response = self.client.send(request, stream=True, follow_redirects=False)
            try:
                if self.opts.public_only and not self.own:
                    self._check_peer(response)
                if self.own:
                    self.cookies.extract_cookies(response)
                following = response.next_request
                if following is None:
                    return _read(response, url, self.opts, self.deadline)
                if self.opts.same_host and following.url.host != first_host:
                    raise FetchError(
                        f"refused: a redirect to another host, {following.url.host} (same_host)",
                        url=url,
                        status=response.status_code,
                    )
            finally:
                response.close()
            request = following
        raise FetchError(f"more than {self.opts.max_redirects} redirects", url=url)

    @staticmethod
    def _check_host(request: httpx.Request) -> None:
        from arabic_extract.network import public_addresses  # noqa: PLC0415

        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        public_addresses(request.url.host, port)

    @staticmethod
    def _check_peer(response: httpx.Response) -> None:
        from arabic_extract.network import AddressRefused, refusal  # noqa: PLC0415

        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        reason = refusal(str(peer[0])) if peer else None
        if reason is not None:
            raise AddressRefused(f"{response.request.url.host}: {reason} (public_only)")


def _read(response: httpx.Response, url: str, opts: FetchOptions, deadline: float) -> Fetched:
    from arabic_extract.codings import CodingError, decoded  # noqa: PLC0415

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
    try:
        for part in decoded(response.iter_raw(), response.headers.get("content-encoding")):
            size += len(part)
            if size > opts.max_bytes:
                raise FetchError(
                    f"the page is over the limit of {opts.max_bytes} bytes (decoded)",
                    url=url,
                    status=status,
                )
            if time.monotonic() > deadline:
                raise FetchError(f"timed out (over {opts.deadline:g} s in all)", url=url)
            parts.append(part)
    except CodingError as error:
        raise FetchError(str(error), url=url, status=status) from None
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
