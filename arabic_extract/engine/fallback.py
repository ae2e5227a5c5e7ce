"""A second opinion from trafilatura, for HTML pages where the engine finds no article text.

trafilatura reads the DOM with its own, language-neutral heuristics. Its output is only used to
choose among the page's own blocks (a block whose text it kept becomes body), so every body line
is still a block of the input, as written. It costs about as much as a whole trafilatura run
(30-50 ms a page), so it runs only when the engine's main run is empty.
"""

from __future__ import annotations

from typing import Final

from arabic_extract.engine.blocks import Block
from arabic_extract.engine.classify import Decision
from arabic_extract.engine.normalize import normalize
from arabic_extract.model import Label

NOTE: Final = "body: no article run found; blocks chosen by trafilatura's reading (second opinion)"
SKIPPED: Final = (
    "body: trafilatura not asked for a second opinion: the page has over fallback_max_blocks"
)


def trafilatura_lines(html: str) -> set[str]:
    """The normalised lines of trafilatura's main text (empty when it finds none)."""
    import trafilatura  # noqa: PLC0415 - only loaded when the fallback runs (~0.5 s import)

    text = trafilatura.extract(
        html, favor_precision=True, include_comments=False, include_tables=False
    )
    if not text:
        return set()
    return {normalize(line) for line in text.splitlines() if line.strip()}


def second_opinion(html: str, blocks: list[Block], decs: list[Decision]) -> list[Decision] | None:
    """Decisions with the blocks trafilatura kept as body, or None when it keeps none of ours."""
    wanted = trafilatura_lines(html)
    if not wanted:
        return None
    out: list[Decision] = []
    found = False
    for block, dec in zip(blocks, decs, strict=True):
        keep = block.norm in wanted and dec.label in (Label.BODY, Label.NOISE)
        keep = keep and not block.dom_noise and not block.in_caption
        if keep:
            out.append(Decision("good", Label.BODY, (*dec.reasons, "trafilatura")))
            found = True
        else:
            out.append(Decision(dec.cls, Label.NOISE, dec.reasons) if dec.is_body else dec)
    return out if found else None
