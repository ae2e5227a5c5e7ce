"""The public entry point: :func:`extract` decodes the input, tells HTML from page text, and
sends it down the matching path (:mod:`arabic_extract.html` or the text pipeline)."""

from __future__ import annotations

from dataclasses import replace

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.decode import Decoded, decode_bytes, decode_text
from arabic_extract.errors import InputError
from arabic_extract.html import extract_html
from arabic_extract.model import Article
from arabic_extract.pipeline import extract_text

_HTML_MARKERS = regex.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]",
    regex.I,
)
_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment; plain page text has no markup."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) is None:
        return False
    return len(_TAG.findall(head)) >= 2


def decode(source: str | bytes, encoding: str | None, config: ExtractionConfig) -> Decoded:
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "replace"))
    notes: list[str] = []
    if size > config.max_input_bytes:
        if not config.truncate_input:
            raise InputError(
                f"input is {size} bytes, over the limit of {config.max_input_bytes} "
                "(raise max_input_bytes or set truncate_input)"
            )
        source = source[: config.max_input_bytes]
        notes.append(f"input cut to {config.max_input_bytes} bytes (truncate_input)")
    decoded = decode_bytes(source, encoding) if isinstance(source, bytes) else decode_text(source)
    return replace(decoded, notes=[*notes, *decoded.notes])


def extract(
    source: str | bytes,
    *,
    url: str | None = None,
    config: ExtractionConfig | None = None,
    encoding: str | None = None,
) -> Article:
    """Extract the article from an Arabic news page: its HTML, or its visible text.

    ``source`` is the page as ``str`` or ``bytes`` (decoded from a BOM, ``encoding`` — e.g. the
    HTTP charset —, the page's ``<meta>`` charset, UTF-8, or detected cp1256/ISO-8859-6).
    Raises :class:`InputError` for input that is not a page (binary data, over the size limit)
    and ``TypeError`` for arguments of the wrong type.
    """
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if not isinstance(source, (str, bytes)):
        raise TypeError(f"source must be str or bytes, not {type(source).__name__}")
    if config is None:
        config = ExtractionConfig()
    elif not isinstance(config, ExtractionConfig):
        raise TypeError(f"config must be an ExtractionConfig, not {type(config).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be str or None, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be str or None, not {type(encoding).__name__}")
    decoded = decode(source, encoding, config)
    if looks_like_html(decoded.text):
        return extract_html(decoded.text, config, url, decoded.notes)
    return extract_text(decoded.text, config, url, decoded.notes)
