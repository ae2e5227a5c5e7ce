"""The optional extras and how to install them.

The distribution is ``arabic-news-extract`` (the import package stays ``arabic_extract``): the
registry's ``arabic-extract`` is another, unrelated project (Arabic text from PDFs and scans)
that ships a top-level ``arabic_extract`` package too, so the two must not be installed side by
side. Every message that asks for an optional dependency names this distribution.
"""

from __future__ import annotations

from typing import Final

DISTRIBUTION: Final = "arabic-news-extract"


def install_hint(*extras: str) -> str:
    """The command that installs the distribution with ``extras``:
    ``pip install "arabic-news-extract[warc]"``."""
    return f'pip install "{DISTRIBUTION}[{",".join(extras)}]"'
