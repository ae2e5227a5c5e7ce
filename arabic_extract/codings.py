"""HTTP content codings (``Content-Encoding``), decoded as the body arrives, in bounded pieces.

A compressed body is a bomb in waiting: 3 KB of brotli inflate to 4 GB. Each decoder here takes
the body's pieces as they come off the wire and gives back pieces of at most ``PIECE`` bytes
(zstd: a few megabytes at most), never the whole decoded body at once, so that the reader can
count the decoded bytes and stop at its cap with next to nothing in memory. Codings applied in
turn (``Content-Encoding: gzip, deflate``) are undone in turn, each on the other's pieces.

gzip and deflate use :mod:`zlib`; ``br`` needs the ``brotli`` package (1.2 or later, whose
decompressor can bound its output) and ``zstd`` the ``zstandard`` package. :func:`accepted`
names the codings this installation can decode, for the ``Accept-Encoding`` header.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from types import MappingProxyType
from typing import Any

PIECE = 1 << 16
"""The most a decoder gives back at a time (but zstd: see _unzstd)."""
_ZSTD_INPUT = 64
"""zstd bounds no output: it is fed this many bytes at a time, which decode to 2 MB at most."""


class CodingError(ValueError):
    """A body that does not decode: an unknown coding, corrupt data, or a stream cut short."""


def _brotli() -> Any | None:
    """The brotli module, if its decompressor can bound its output (brotli 1.2+)."""
    try:
        import brotli  # noqa: PLC0415 - optional dependency
    except ImportError:
        return None
    try:
        brotli.Decompressor().process(b"", output_buffer_limit=PIECE)
    except TypeError:  # brotli < 1.2
        return None
    return brotli


def _zstandard() -> Any | None:
    try:
        import zstandard  # noqa: PLC0415 - optional dependency
    except ImportError:
        return None
    return zstandard


def accepted() -> str:
    """The ``Accept-Encoding`` value for what this installation decodes."""
    codings = ["gzip", "deflate"]
    if _brotli() is not None:
        codings.append("br")
    if _zstandard() is not None:
        codings.append("zstd")
    return ", ".join(codings)


def _inflate(pieces: Iterable[bytes], wbits: int, members: bool) -> Iterator[bytes]:
    """zlib streams (gzip, with ``members`` one after the other; deflate, one)."""
    decompressor = zlib.decompressobj(wbits)
    for piece in pieces:
        data = piece
        while data:
            try:
                out = decompressor.decompress(data, PIECE)
            except zlib.error as error:
                raise CodingError(f"corrupt compressed body ({error})") from None
            if out:
                yield out
            if decompressor.eof:
                data = decompressor.unused_data
                if not members or not data:
                    break  # (bytes after a deflate stream are ignored, as browsers do)
                decompressor = zlib.decompressobj(wbits)
                continue
            data = decompressor.unconsumed_tail
    while not decompressor.eof and (out := decompressor.decompress(b"", PIECE)):
        yield out
    if not decompressor.eof:
        raise CodingError("the compressed body is cut short")


def _gunzip(pieces: Iterable[bytes]) -> Iterator[bytes]:
    return _inflate(pieces, 16 + zlib.MAX_WBITS, members=True)


def _deflate(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """deflate as servers send it: zlib-wrapped (RFC 9110) or raw, told by its first bytes."""
    stream = iter(pieces)
    head = b""
    for piece in stream:
        head += piece
        if len(head) >= 2:
            break
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return _inflate(_chain(head, stream), zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS, False)


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from rest


def _unbrotli(pieces: Iterable[bytes]) -> Iterator[bytes]:
    brotli = _brotli()
    if brotli is None:
        raise CodingError('cannot decode Content-Encoding br: pip install "brotli>=1.2"')
    decompressor = brotli.Decompressor()
    try:
        for piece in pieces:
            yield decompressor.process(piece, output_buffer_limit=PIECE)
            while not decompressor.can_accept_more_data():
                yield decompressor.process(b"", output_buffer_limit=PIECE)
    except brotli.error as error:
        raise CodingError(f"corrupt compressed body ({error})") from None
    if not decompressor.is_finished():
        raise CodingError("the compressed body is cut short")


def _unzstd(pieces: Iterable[bytes]) -> Iterator[bytes]:
    zstandard = _zstandard()
    if zstandard is None:
        raise CodingError("cannot decode Content-Encoding zstd: pip install zstandard")
    decompressor = zstandard.ZstdDecompressor().decompressobj()
    try:
        for piece in pieces:
            for start in range(0, len(piece), _ZSTD_INPUT):
                out = decompressor.decompress(piece[start : start + _ZSTD_INPUT])
                if out:
                    yield out
    except zstandard.ZstdError as error:
        raise CodingError(f"corrupt compressed body ({error})") from None
    if not decompressor.eof:
        raise CodingError("the compressed body is cut short")


_DECODERS: MappingProxyType[str, Callable[[Iterable[bytes]], Iterator[bytes]]] = MappingProxyType(
    {"gzip": _gunzip, "x-gzip": _gunzip, "deflate": _deflate, "br": _unbrotli, "zstd": _unzstd}
)


def codings(header: str | None) -> list[str]:
    """The codings a ``Content-Encoding`` header lists, in the order they were applied."""
    names = (name.strip().lower() for name in (header or "").split(","))
    return [name for name in names if name and name != "identity"]


def decoded(pieces: Iterable[bytes], header: str | None) -> Iterator[bytes]:
    """The pieces of a body with its content codings undone (the last applied first), each
    piece at most PIECE bytes (zstd: a few megabytes). CodingError for a coding this module
    does not know, a corrupt body or one cut short; raised as the pieces are read."""
    stream: Iterable[bytes] = pieces
    for name in reversed(codings(header)):
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise CodingError(f"cannot decode Content-Encoding {name}")
        stream = decoder(stream)
    return iter(stream)
