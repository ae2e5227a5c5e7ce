"""Cutting a field out of a block: the original text behind a fragment of its normalised text,
with the punctuation at its edges trimmed. Fields, bylines and dates are all cut this way."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from arabic_extract.engine.blocks import Block, strip_bullet
from arabic_extract.engine.normalize import normalize_with_offsets, original_slice
from arabic_extract.engine.twins import Twinned

# Spaces, punctuation and symbols at either end. The second alternative starts only where a run
# of them starts (the lookbehind), so a long run inside the text is scanned once, not once per
# character: linear on any input.
EDGE_PUNCT: Final = Twinned(r"^[\s\p{P}\p{S}]++|(?<![\s\p{P}\p{S}])[\s\p{P}\p{S}]++$")


def original_text(
    block: Block, norm_fragment: str, mapped: tuple[str, list[int]] | None = None
) -> str:
    """The original text of ``block`` behind a fragment of its normalised text; ``mapped`` is
    ``normalize_with_offsets(block.text)`` when the caller cuts several fragments."""
    if not norm_fragment:
        return ""
    if mapped is None:
        text = strip_bullet(block.text)
        position = block.norm.find(norm_fragment)
        if position < 0:
            return ""
        end = position + len(norm_fragment)
        _, offsets = normalize_with_offsets(text, end)
        return clean_edges(original_slice(text, offsets, position, end))
    norm, offsets = mapped
    position = norm.find(norm_fragment)
    if position < 0:
        return ""
    return clean_edges(original_slice(block.text, offsets, position, position + len(norm_fragment)))


_PAIRS: Final = MappingProxyType({")": "(", "]": "[", "»": "«", "”": "“", '"': '"'})


def clean_edges(text: str) -> str:
    """Trim punctuation and spaces from both ends, keeping closing brackets that balance."""
    if text[:1].isalnum() and text[-1:].isalnum():
        return text  # (no character of EDGE_PUNCT is a letter or a number: nothing to trim)
    trimmed: str = EDGE_PUNCT.sub("", text)
    stripped = text.rstrip()
    while stripped and stripped[-1] in _PAIRS and trimmed:
        closer = stripped[-1]
        opener = _PAIRS[closer]
        body = trimmed + closer
        count = body.count(closer) if opener == closer else body.count(opener) - body.count(closer)
        if (opener == closer and count % 2) or (opener != closer and count < 0):
            break
        if opener not in trimmed:
            break
        trimmed = body
        stripped = stripped[:-1].rstrip()
    return trimmed


def span_text(block: Block, start: int, end: int) -> str:
    """The original text of ``block`` behind its normalised characters ``start:end``."""
    text = strip_bullet(block.text)
    _, offsets = normalize_with_offsets(text, end)
    return clean_edges(original_slice(text, offsets, start, end))
