"""Bylines: the author a byline block names."""

from __future__ import annotations

import regex

from arabic_extract.blocks import Block
from arabic_extract.cuts import EDGE_PUNCT, original_text
from arabic_extract.features import Features, split_outlet_byline
from arabic_extract.rules.attribution import BYLINE


def person_name(block: Block, feat: Features) -> str | None:
    """The author named by a byline block."""
    pair = split_outlet_byline(block.norm)
    if pair is not None:
        return original_text(block, pair[1]) or None
    payload = BYLINE.payload(block.norm)
    if not payload:
        return None
    payload = EDGE_PUNCT.sub("", payload)
    pair = split_outlet_byline(payload)
    name = pair[1] if pair is not None else payload
    parts = regex.split(r"\s[-–—]\s", name)
    if len(parts) == 2 and len(parts[1].split()) <= 2:  # "حسام أبو العلا - القاهرة"
        name = parts[0]
    if not name or len(name.split()) > 5:
        return None
    return original_text(block, name) or None
