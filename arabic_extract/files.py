"""Files of a batch run (:mod:`arabic_extract.batch`): inputs read with the cap of ``extract``,
WARC files checked for an end cut off, and the output file locked for one run at a time.

- A page file is read only when it is a regular file (a FIFO would hang the run, a device never
  end): it is opened without blocking and checked before anything is read. A file over the cap
  (``max_input_bytes``) is refused from its size, unread; standard input and WARC records are
  read up to one byte past the cap and refused there, the rest left unread. (With
  ``truncate_input`` that much is read and ``extract`` cuts it, with its note.)
- FastWARC stops quietly at a WARC file's cut end, and the record cut in two is lost without a
  word. :func:`warc_cut_short` reads the file from its last record on: every gzip member must be
  whole (a ``.warc.gz``), every record as long as its ``Content-Length`` says (a ``.warc``).
- :func:`open_locked` opens the output for writing under an exclusive ``flock``: a second run on
  the same file finds it locked and stops before writing, or truncating, anything. The lock is
  the kernel's, on the file itself: no lock file is left behind, and a run that dies releases
  it. (Windows has no ``flock``: there the output is not locked.)
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from typing import IO, BinaryIO

from arabic_extract.errors import InputError

_WARC_HEADER_MAX = 1 << 16
_CHUNK = 1 << 20
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.I)


class NotAFile(OSError):
    """A path that is not a regular file: a directory, a FIFO, a device, a socket."""


class OutputLocked(OSError):
    """The output file is locked by another run."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is not a regular file (a FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is not a regular file (a device)"
    if stat.S_ISSOCK(mode):
        return "is not a regular file (a socket)"
    return "is not a regular file"


def over_the_cap(limit: int, size: int | None = None) -> InputError:
    """The error of ``extract`` for an input over ``max_input_bytes``."""
    what = f"input is {size} bytes, over" if size is not None else "input is over"
    return InputError(
        f"{what} the limit of {limit} bytes (raise max_input_bytes or set truncate_input)"
    )


def read_file(path: str, limit: int, *, cut: bool = False) -> bytes:
    """The bytes of the regular file at ``path``: NotAFile (an OSError) for anything else,
    ``over_the_cap`` for a file of more than ``limit`` bytes (unless ``cut``: then its first
    ``limit + 1`` bytes, for ``extract`` to cut and note)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)  # (a FIFO opened without blocking: never waits)
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(0, _kind(info.st_mode), path)
        if info.st_size > limit and not cut:
            raise over_the_cap(limit, info.st_size)
        return read_stream(stream, limit, cut=cut)


def read_stream(stream: IO[bytes], limit: int, *, cut: bool = False) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``: ``over_the_cap`` past ``limit`` (unless
    ``cut``), the rest of the stream unread."""
    data = stream.read(limit + 1)
    if len(data) > limit and not cut:
        raise over_the_cap(limit)
    return data


# --- WARC files ------------------------------------------------------------------------------


def warc_cut_short(path: str, last_record: int) -> str | None:
    """Why the WARC file at ``path`` ends inside a record, read from the start of its last
    record (byte ``last_record``; 0 when it had none); None when it ends where a record does."""
    with open(path, "rb") as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
        stream.seek(last_record)
        if gzipped:
            return _gzip_cut_short(stream)
        return _records_cut_short(stream, last_record, os.fstat(stream.fileno()).st_size)


def record_whole(path: str, start: int) -> bool:
    """Whether the record at byte ``start`` of the WARC file at ``path`` is whole: its gzip
    member (a ``.warc.gz``: one a record) or its ``Content-Length`` bytes all there."""
    with open(path, "rb") as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
        stream.seek(start)
        if not gzipped:
            size = os.fstat(stream.fileno()).st_size
            head = stream.read(_WARC_HEADER_MAX)
            end = head.find(b"\r\n\r\n")
            found = _CONTENT_LENGTH.search(head, 0, end) if end >= 0 else None
            return found is not None and start + end + 4 + int(found.group(1)) <= size
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while not decompressor.eof and (chunk := stream.read(_CHUNK)):
            data = chunk
            while data and not decompressor.eof:
                try:
                    decompressor.decompress(data, _CHUNK)
                except zlib.error:
                    return False
                data = decompressor.unconsumed_tail
        return decompressor.eof


def _gzip_cut_short(stream: BinaryIO) -> str | None:
    """Whether the gzip members from here on are all whole (decompressed in bounded pieces,
    the output thrown away)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    started = False
    while chunk := stream.read(_CHUNK):
        data = chunk
        while data:
            started = True
            try:
                decompressor.decompress(data, _CHUNK)
            except zlib.error as error:
                return f"a gzip member is corrupt ({error})"
            if decompressor.eof:
                data = decompressor.unused_data
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                started = bool(data)
                continue
            data = decompressor.unconsumed_tail
    while started and not decompressor.eof and decompressor.decompress(b"", _CHUNK):
        pass
    if started and not decompressor.eof:
        return "the file ends inside a gzip member"
    return None


def _records_cut_short(stream: BinaryIO, position: int, size: int) -> str | None:
    """Whether the uncompressed records from ``position`` on are all as long as they say."""
    while position < size:
        stream.seek(position)
        head = stream.read(_WARC_HEADER_MAX)
        blank = len(head) - len(head.lstrip(b"\r\n"))  # (blank lines between records)
        if blank:
            position += blank
            continue
        end = head.find(b"\r\n\r\n")
        found = _CONTENT_LENGTH.search(head, 0, end) if end >= 0 else None
        if found is None:
            return "the file ends inside a record's headers"
        # the headers, a blank line, the block, and the two line breaks that end a record
        position += end + 4 + int(found.group(1)) + 4
        if position - 4 > size:
            return "the file ends inside a record"
    return None


# --- the output ------------------------------------------------------------------------------


def open_locked(path: str, *, append: bool) -> BinaryIO:
    """The output file at ``path``, open for writing (emptied unless ``append``) once this
    process holds an exclusive lock on it; OutputLocked when another process holds it."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags | (os.O_APPEND if append else 0), 0o666)
    try:
        _lock(descriptor, path)
        if not append:
            os.ftruncate(descriptor, 0)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "ab" if append else "wb")


def _lock(descriptor: int, path: str) -> None:
    try:
        import fcntl  # noqa: PLC0415 - not on Windows
    except ImportError:  # pragma: no cover - Windows: no lock
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputLocked(0, "another run is writing to it", path) from None
