"""Bylines: the author a byline block names, and the outlet names a byline may hold."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from arabic_extract.blocks import Block
from arabic_extract.cuts import EDGE_PUNCT, original_text
from arabic_extract.rules.attribution import AGENCIES, BYLINE, OUTLET_WORDS

if TYPE_CHECKING:
    from arabic_extract.features import Features

_LETTER = regex.compile(r"\p{L}")
_LATIN_NAME = regex.compile(r"^[a-z][a-z .&-]{1,24}$")


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


# The longest name read as an outlet's (وكالة أنباء الشرق الأوسط الرسمية...).
_OUTLET_MAX_WORDS = 6


def is_outlet_name(norm_name: str) -> bool:
    """A name that is an agency or outlet: known by name, marked by an outlet word, or a short
    Latin acronym or name such as CNN or RT."""
    words = len(norm_name.split())
    if not norm_name or words > _OUTLET_MAX_WORDS:
        return False
    return (
        AGENCIES.match(norm_name) is not None
        or OUTLET_WORDS.match(norm_name) is not None
        or (_LATIN_NAME.match(norm_name) is not None and words <= 4)
    )


_BYLINE_SPLIT = regex.compile(r"\s+[-–—|/]\s+|\s*[|]\s*")


def split_outlet_byline(norm: str) -> tuple[str, str] | None:
    """For a byline "Outlet - Person" (either order), the normalised outlet and person."""
    parts = _BYLINE_SPLIT.split(norm)
    if len(parts) != 2 or len(norm.split()) > 8:
        return None
    first, second = (part.strip() for part in parts)
    for outlet, person in ((first, second), (second, first)):
        person_words = len(person.split())
        if (  # the cheap conditions first: is_outlet_name runs regular expressions
            1 <= person_words <= 4
            and len(outlet.split()) <= _OUTLET_MAX_WORDS
            and _LETTER.search(person) is not None
            and is_outlet_name(outlet)
            and not is_outlet_name(person)
        ):
            return outlet, person
    return None
