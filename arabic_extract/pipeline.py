"""The pipeline: decode, blocks, features, two-pass classification, segmentation, fields, and
the assembled :class:`~arabic_extract.model.Article`."""

from __future__ import annotations

from dataclasses import replace

import regex

from arabic_extract.blocks import Block, text_blocks
from arabic_extract.classify import Decision, classify
from arabic_extract.config import ExtractionConfig
from arabic_extract.decode import Decoded, decode_bytes, decode_text
from arabic_extract.errors import InputError
from arabic_extract.features import features
from arabic_extract.fields import Fields, extract_fields, with_source_fallback
from arabic_extract.model import Article, BlockInfo, Label
from arabic_extract.segment import segment

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


def analyse(blocks: list[Block], config: ExtractionConfig) -> tuple[Fields, list[Decision]]:
    """Features, both classification passes, segmentation and fields for a page's blocks."""
    feats = features(blocks, config)
    decs = classify(blocks, feats, config)
    run, decs = segment(blocks, feats, decs, config)
    fields, decs = extract_fields(blocks, feats, decs, run, config)
    if run.empty:
        fields = replace(fields, notes=[*fields.notes, "body: no run of article text found"])
    return fields, decs


def assemble(
    blocks: list[Block], fields: Fields, decs: list[Decision], config: ExtractionConfig,
    url: str | None, notes: list[str], language: str | None = None,
) -> Article:
    paragraphs = [b.text for b, d in zip(blocks, decs) if d.label is Label.BODY]
    infos = (
        [
            BlockInfo(index=b.index, text=b.text, label=d.label, reasons=list(d.reasons), tag=b.tag)
            for b, d in zip(blocks, decs)
        ]
        if config.explain
        else []
    )
    fields = with_source_fallback(fields)
    return Article(
        headline=fields.headline,
        source=fields.source,
        author=fields.author,
        published=fields.published,
        date_text=fields.date_text,
        site_name=fields.site_name,
        url=url,
        language=language,
        tags=fields.tags,
        captions=fields.captions,
        notes=[*notes, *fields.notes],
        paragraphs=paragraphs,
        blocks=infos,
    )


def extract_text(text: str, config: ExtractionConfig, url: str | None, notes: list[str]) -> Article:
    blocks = text_blocks(text, config.max_line_chars)
    if not blocks:
        return Article(url=url, notes=[*notes, "body: the input is empty or only whitespace"])
    fields, decs = analyse(blocks, config)
    return assemble(blocks, fields, decs, config, url, notes)


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
        from arabic_extract.html import extract_html

        return extract_html(decoded.text, config, url, decoded.notes)
    return extract_text(decoded.text, config, url, decoded.notes)
