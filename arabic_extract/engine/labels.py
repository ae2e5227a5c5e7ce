"""The members of :class:`~arabic_extract.model.Label` as module names, for per-block code.

On Python 3.10 and 3.11 every ``Label.BODY`` goes through ``EnumType.__getattr__``'s hook (about
120 ns, against 10-30 for ``labels.BODY``); the pipeline reads labels a few thousand times a page.
"""

from __future__ import annotations

from typing import Final

from arabic_extract.model import Label

BODY: Final = Label.BODY
HEADLINE: Final = Label.HEADLINE
BYLINE: Final = Label.BYLINE
DATE: Final = Label.DATE
SOURCE: Final = Label.SOURCE
CAPTION: Final = Label.CAPTION
TAGS: Final = Label.TAGS
NOISE: Final = Label.NOISE
