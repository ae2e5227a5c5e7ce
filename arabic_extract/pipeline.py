"""The pipeline: decode, blocks, features, two-pass classification, segmentation, fields, and
the assembled :class:`~arabic_extract.model.Article`."""

from __future__ import annotations

from dataclasses import replace

from arabic_extract import labels
from arabic_extract.blocks import Block, text_blocks
from arabic_extract.classify import Decision, classify
from arabic_extract.config import ExtractionConfig
from arabic_extract.features import features
from arabic_extract.fields import Fields, extract_fields, with_source_fallback
from arabic_extract.markdown import markdown_blocks
from arabic_extract.merge import merge_meta, title_line
from arabic_extract.model import Article, BlockInfo
from arabic_extract.reflow import text_lines
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
    )


EMPTY_NOTE = "body: the input is empty or only whitespace"


def extract_text(text: str, config: ExtractionConfig, url: str | None, notes: list[str]) -> Article:
    """The article of a page's text (one block per line)."""
    blocks = text_blocks(text_lines(text), config.max_line_chars)
    if not blocks:
        return Article(url=url, notes=[*notes, EMPTY_NOTE])
    fields, decs = analyse(blocks, config)
    meta = title_line(blocks, config)
    if meta is not None:
        decs = [Decision("bad", labels.NOISE, ("page-title",)), *decs[1:]]
        fields, decs = merge_meta(blocks, decs, fields, meta, first=1, trusted=False)
    return assemble(blocks, fields, decs, config=config, url=url, notes=notes)


def extract_markdown(
    text: str, config: ExtractionConfig, url: str | None, notes: list[str]
) -> Article:
    """The article of a Markdown page; its front matter's title names the headline."""
    blocks, front = markdown_blocks(text, config.max_line_chars)
    if not blocks:
        return Article(url=url, headline=front.meta.headline, notes=[*notes, EMPTY_NOTE])
    fields, decs = analyse(blocks, config)
    if front.start:
        fields, decs = merge_meta(blocks, decs, fields, front.meta, first=0)
    return assemble(blocks, fields, decs, config=config, url=url, notes=notes)
