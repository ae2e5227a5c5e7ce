"""The HTML path's shortcuts against what they stand for: each gives the answer of the plain
code it replaces (kept here as the reference), on many inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract.engine.decode import _CONTROL_BYTES, has_control_bytes

_SOME_BYTES = st.binary(max_size=80) | st.lists(
    st.sampled_from(
        [b"\x00", b"\x08", b"\t", b"\n", b"\x0b", b"\r", b"\x1f", b"\x7f", b"a", b"\xd8\xa7"]
    )
).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(_SOME_BYTES)
def test_control_bytes_are_found_as_removing_them_finds_them(data: bytes) -> None:
    removed = len(data.translate(None, _CONTROL_BYTES)) != len(data)
    assert has_control_bytes(data) == removed


def test_every_control_byte_is_found_alone_and_in_text() -> None:
    for byte in range(256):
        data = bytes([byte])
        expected = byte in _CONTROL_BYTES
        assert has_control_bytes(data) == expected
        assert has_control_bytes(b"abc" + data + "نص".encode()) == expected
