"""The connections of the default HTTP client (:func:`arabic_extract.fetch.shared_client`): one
deadline for a whole fetch, and an opt-in refusal of addresses that are not public.

httpx bounds each read (``timeout``), not a fetch: a server that sends its headers one byte a
second is never late for a read. So the client's network backend wraps every connection and
gives each connect, read and write no more than what is left of the deadline of the fetch being
made (``fetch`` sets it for its thread with :func:`deadline_of_this_fetch`; a connection kept
alive for the next fetch then counts against that one's). With ``public_only`` it resolves the
host name itself and connects only to the addresses it checked, every address of the name being
public (not loopback, private, link-local, multicast, reserved or unspecified): a name whose DNS
answer changes between a check and the connection cannot slip through, and redirects are
checked the same way since every connection is made here.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

# The deadline (time.monotonic()) of the fetch this thread is making, None outside one.
_DEADLINE: ContextVar[float | None] = ContextVar("arabic_extract_fetch_deadline", default=None)


class AddressRefused(Exception):
    """A host name resolves to an address that ``public_only`` refuses."""


class Late(Exception):
    """The deadline of a fetch has passed."""


@contextlib.contextmanager
def deadline_of_this_fetch(deadline: float) -> Iterator[None]:
    """Make ``deadline`` the one the connections of this thread keep, for a block."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def left(timeout: float | None) -> float | None:
    """``timeout``, or what is left of this thread's deadline if that is less; Late when
    nothing is."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Late
    return remaining if timeout is None else min(timeout, remaining)


def refusal(address: str) -> str | None:
    """Why ``public_only`` refuses an IP address (None: it is public)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # (an IPv6 zone is no part of it)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{address} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, all public; AddressRefused when one is not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error.strerror}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        reason = refusal(address)
        if reason is not None:
            raise AddressRefused(f"{host} resolves to {reason} (public_only)")
    return addresses


class _Stream(httpcore.NetworkStream):
    """A connection whose reads and writes end by this thread's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, public_only: bool) -> None:
        self._backend = httpcore.SyncBackend()
        self._public_only = public_only

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        targets = public_addresses(host, port) if self._public_only else [host]
        failure: Exception | None = None
        for target in targets:  # (a name resolved here: each of its addresses in turn)
            try:
                stream = self._backend.connect_tcp(
                    target, port, left(timeout), local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
                continue
            return _Stream(stream)
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - httpx connects to URLs, never to sockets
        raise httpcore.ConnectError("no Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport, its connections made by the backend above. (httpx gives no other
    way to choose a transport's network backend than to replace the connection pool it makes,
    ``_pool``, which it has kept since 0.18; tests/test_fetch.py would see a change.)"""

    def __init__(self, *, public_only: bool) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_Backend(public_only),
        )
