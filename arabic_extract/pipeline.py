"""The pipeline: decode, blocks, features, two-pass classification, segmentation, fields, and
the assembled :class:`~arabic_extract.model.Article`."""

from __future__ import annotations

from dataclasses import replace

from arabic_extract.blocks import Block, text_blocks
from arabic_extract.classify import Decision, classify
from arabic_extract.config import ExtractionConfig
from arabic_extract.features import features
from arabic_extract.fields import Fields, extract_fields, with_source_fallback
from arabic_extract.fingerprint import fingerprint
from arabic_extract.model import Article, BlockInfo
from arabic_extract.segment import segment


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
    blocks: list[Block],
    fields: Fields,
    decs: list[Decision],
    *,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    language: str | None = None,
) -> Article:
    paragraphs = [b.text for b, d in zip(blocks, decs, strict=True) if d.is_body]
    infos = (
        [
            BlockInfo(
                index=b.position, text=b.text, label=d.label, reasons=list(d.reasons), tag=b.tag
            )
            for b, d in zip(blocks, decs, strict=True)
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
        fingerprint=fingerprint(paragraphs),
    )


def extract_text(text: str, config: ExtractionConfig, url: str | None, notes: list[str]) -> Article:
    blocks = text_blocks(text, config.max_line_chars)
    if not blocks:
        return Article(url=url, notes=[*notes, "body: the input is empty or only whitespace"])
    fields, decs = analyse(blocks, config)
    return assemble(blocks, fields, decs, config=config, url=url, notes=notes)
