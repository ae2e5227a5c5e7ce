"""arabic_extract: clean, typed articles from Arabic news pages (HTML or scraped page text).

>>> from arabic_extract import extract
>>> article = extract(page_html_or_text)
>>> article.headline, article.source, article.body
"""

from arabic_extract.api import extract
from arabic_extract.batch import extract_many
from arabic_extract.config import ExtractionConfig
from arabic_extract.errors import InputError
from arabic_extract.fetch import extract_url
from arabic_extract.model import (
    Article,
    BlockInfo,
    ContentNode,
    EmbedNode,
    FigureNode,
    HeadingNode,
    HijriDate,
    Label,
    ListItem,
    ListNode,
    LiveEntry,
    ParagraphNode,
    QuoteNode,
    Span,
    TableNode,
    Teaser,
)

__all__ = [
    "Article",
    "BlockInfo",
    "ContentNode",
    "EmbedNode",
    "ExtractionConfig",
    "FigureNode",
    "HeadingNode",
    "HijriDate",
    "InputError",
    "Label",
    "ListItem",
    "ListNode",
    "LiveEntry",
    "ParagraphNode",
    "QuoteNode",
    "Span",
    "TableNode",
    "Teaser",
    "extract",
    "extract_many",
    "extract_url",
]
__version__ = "0.1.0"
