"""The public result model: :class:`Article`, and the per-block explanation :class:`BlockInfo`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from functools import cached_property
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, computed_field

from arabic_extract.engine.fingerprint import body_forms, from_norms

FINGERPRINT_PATTERN: Final = r"^[0-9a-f]{16}$"
"""What a fingerprint looks like (16 lowercase hexadecimal digits), as the JSON schema says."""


class Label(str, Enum):
    """What a block of the page is."""

    BODY = "body"
    HEADLINE = "headline"
    BYLINE = "byline"
    DATE = "date"
    SOURCE = "source"
    CAPTION = "caption"
    TAGS = "tags"
    NOISE = "noise"


PageType = Literal["article", "listing", "live", "gallery", "video", "other"]
"""What kind of page the input is: an ``article``; a ``listing`` of other pages' teasers (home,
section, tag, search or author page); a ``live`` blog of time-stamped entries; a ``gallery`` or
``video`` page; or ``other``."""


class BlockInfo(BaseModel):
    """One block of the input (a non-blank line of text, or an HTML block) and its label."""

    model_config = ConfigDict(frozen=True)

    index: int = Field(description="Position of the block in the page, from 0.")
    text: str = Field(description="The block's text as it is in the input.")
    label: Label = Field(description="What the block is: body, headline, noise...")
    reasons: list[str] = Field(
        default_factory=list,
        description="Names of the rule families and structural rules that decided the label.",
    )
    tag: str | None = Field(default=None, description="HTML tag of the block (None for text).")


class Teaser(BaseModel):
    """A teaser of another page on a listing page: its headline and where it links."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The teaser's headline as shown on the page.")
    url: str | None = Field(
        default=None, description="Where the headline links (HTML only; as written in the page)."
    )


class LiveEntry(BaseModel):
    """One entry of a live blog: its time stamp as shown, its title if it has one, its text."""

    model_config = ConfigDict(frozen=True)

    time: str = Field(description="The entry's time stamp as shown on the page (13:05).")
    title: str | None = Field(default=None, description="The entry's own title, if any.")
    paragraphs: list[str] = Field(
        default_factory=list, description="The entry's text, one entry per paragraph."
    )


class HijriDate(BaseModel):
    """A date of the Hijri calendar as a page writes it, and as numbers."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(
        description="The Hijri date as written on the page, characters unchanged "
        "(١٠ جمادى الأولى ١٤٤٥ هـ, 1445/9/14هـ)."
    )
    year: int = Field(description="The Hijri year (AH).")
    month: int = Field(ge=1, le=12, description="The Hijri month, 1 (محرم) to 12 (ذو الحجة).")
    day: int = Field(ge=1, le=30, description="The day of the Hijri month.")


# --- the body as typed content -------------------------------------------------------------------


class Span(BaseModel):
    """A run of a text: plain (``href`` None) or a link. A text's spans, joined, are the text."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The run's text, as shown.")
    href: str | None = Field(
        default=None, description="Where the run links, as written in the page; None: plain."
    )


class ParagraphNode(BaseModel):
    """A paragraph of the article (or a subheading the page writes as a bold line)."""

    model_config = ConfigDict(frozen=True)

    type: Literal["paragraph"] = Field(
        default="paragraph", description="The node's kind: paragraph."
    )
    text: str = Field(description="The paragraph as shown on the page.")
    bold: bool = Field(
        default=False,
        description="The whole paragraph is bold on the page: an interview's question, a "
        "subheading written as a bold line.",
    )
    spans: list[Span] = Field(
        default_factory=list,
        description="The text as plain runs and links, when config.links is on and the "
        "paragraph holds a link; empty otherwise.",
    )


class HeadingNode(BaseModel):
    """A subheading inside the article (the headline is Article.headline)."""

    model_config = ConfigDict(frozen=True)

    type: Literal["heading"] = Field(default="heading", description="The node's kind: heading.")
    level: int = Field(ge=2, le=6, description="2 to 6, as <h2>-<h6> (an <h1> in the body is 2).")
    text: str = Field(description="The subheading as shown on the page.")


class ListItem(BaseModel):
    """One item of a list."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The item's text, without its bullet or number.")
    spans: list[Span] = Field(
        default_factory=list,
        description="Its plain runs and links (config.links), as a paragraph's.",
    )


class ListNode(BaseModel):
    """A list of the article: numbered steps, points, observations."""

    model_config = ConfigDict(frozen=True)

    type: Literal["list"] = Field(default="list", description="The node's kind: list.")
    ordered: bool = Field(default=False, description="Numbered (<ol>, '1.' lines) or bulleted.")
    items: list[ListItem] = Field(default_factory=list, description="The items, in order.")


class TableNode(BaseModel):
    """A data table of the article: rows of cells, and its header row when the page has one."""

    model_config = ConfigDict(frozen=True)

    type: Literal["table"] = Field(default="table", description="The node's kind: table.")
    header: list[str] | None = Field(
        default=None,
        description="The header row's cells (<th> cells, a Markdown table's first row); None "
        "when the table has no header row or the page text does not show one.",
    )
    rows: list[list[str]] = Field(
        default_factory=list, description="The body rows, each a list of cell texts."
    )


class QuoteNode(BaseModel):
    """A quoted statement set apart from the text (<blockquote>, a Markdown '> ' block)."""

    model_config = ConfigDict(frozen=True)

    type: Literal["quote"] = Field(default="quote", description="The node's kind: quote.")
    text: str = Field(description="The quote as shown.")
    spans: list[Span] = Field(
        default_factory=list, description="Its plain runs and links (config.links)."
    )


class FigureNode(BaseModel):
    """An image of the article with its caption."""

    model_config = ConfigDict(frozen=True)

    type: Literal["figure"] = Field(default="figure", description="The node's kind: figure.")
    src: str | None = Field(
        default=None, description="The image's address as written in the page (None: unknown)."
    )
    alt: str | None = Field(default=None, description="The image's alternative text.")
    caption: str | None = Field(
        default=None, description="Its caption, without the photo credit (also in captions)."
    )
    credit: str | None = Field(
        default=None, description="The photo credit the caption gives (رويترز، تصوير: فلان)."
    )


EmbedKind = Literal["tweet", "video", "iframe", "post"]
"""What an embed is: a ``tweet``, a ``video`` player, another ``iframe``, or a social ``post``
as page text shows it (its text and signature)."""


class EmbedNode(BaseModel):
    """Something the article embeds from elsewhere: a tweet, a video, an iframe. Only in the
    content (and its text in the body) when config.embeds is on."""

    model_config = ConfigDict(frozen=True)

    type: Literal["embed"] = Field(default="embed", description="The node's kind: embed.")
    kind: EmbedKind = Field(description="tweet, video, iframe or post.")
    url: str | None = Field(default=None, description="The embedded item's address, if known.")
    text: str | None = Field(default=None, description="The embedded post's text, if it shows.")


ContentNode = Annotated[
    ParagraphNode | HeadingNode | ListNode | TableNode | QuoteNode | FigureNode | EmbedNode,
    Field(discriminator="type"),
]
"""One node of :attr:`Article.content`, told apart by its ``type``."""


class BodyForms:
    """The matching forms of an article's body blocks, by their text, as the pipeline made
    them: kept for the fingerprint's first read, which then need not normalise the
    paragraphs again, and dropped by it. Not part of the article's value: an article read
    back from its JSON, which has none, is equal to the one extracted."""

    __slots__ = ("forms",)

    def __init__(self, forms: Mapping[str, str] | None = None) -> None:
        self.forms = forms

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BodyForms)

    __hash__ = None  # type: ignore[assignment]

    def take(self) -> Mapping[str, str] | None:
        """The forms, once: they are dropped when taken."""
        forms, self.forms = self.forms, None
        return forms


def keep_body_forms(article: Article, forms: Mapping[str, str]) -> Article:
    """``article`` with the body blocks' matching forms kept for its fingerprint's first read
    (the pipeline's; see :class:`BodyForms`)."""
    article._forms.forms = forms
    return article


class Article(BaseModel):
    """A clean article extracted from an Arabic news page.

    Every string is original text from the input: normalisation is only used for matching.
    """

    model_config = ConfigDict(frozen=True)

    headline: str | None = Field(
        default=None, description="The article's headline as shown on the page."
    )
    source: str | None = Field(
        default=None,
        description="The outlet or agency credited for the story (رويترز، سكاي نيوز عربية).",
    )
    author: str | None = Field(
        default=None,
        description="The person who wrote the story (never an outlet, a place or a role); the "
        "first of authors.",
    )
    authors: list[str] = Field(
        default_factory=list,
        description="Everyone the byline names as writing the story, in order (بقلم: أحمد علي "
        "ومحمد سمير gives both).",
    )
    dateline: str | None = Field(
        default=None,
        description="The place the story was filed from, as the byline or the agency dateline "
        "writes it (القاهرة in 'القاهرة - فلان', بيروت in 'بيروت ـ فلان').",
    )
    published: datetime | None = Field(
        default=None,
        description="Publication time, when the page gives one that can be read: always "
        "Gregorian (a Hijri date is converted by the Umm al-Qura calendar), never the update "
        "time.",
    )
    date_text: str | None = Field(
        default=None,
        description="The publication date as written on the page, characters unchanged: "
        "without its label (نشر في، تاريخ النشر), with the weekday before it and the clock "
        "time after it when the line has them; both dates of a dual-calendar line.",
    )
    published_hijri: HijriDate | None = Field(
        default=None,
        description="The publication date in the Hijri calendar, when the page writes one "
        "(alone, or beside the Gregorian date of a dual-calendar line).",
    )
    updated: datetime | None = Field(
        default=None,
        description="When the story was last updated (آخر تحديث، تم التحديث, dateModified), "
        "when the page says so; relative stamps are resolved against config.reference_time.",
    )
    site_name: str | None = Field(
        default=None, description="The site's own name, when the page states it."
    )
    url: str | None = Field(default=None, description="The page's URL, as passed to extract.")
    page_type: PageType = Field(
        default="article",
        description="What kind of page this is: article, listing, live, gallery, video or other.",
    )
    language: str | None = Field(
        default=None,
        description="The language the body is written in, read from its text (ISO 639-1: ar, "
        "fa, ur, ps, en, fr...; ckb for Central Kurdish); None when there is too little text.",
    )
    tags: list[str] = Field(
        default_factory=list, description="The article's tags or keywords, in page order."
    )
    captions: list[str] = Field(
        default_factory=list, description="Image captions and photo credits."
    )
    notes: list[str] = Field(
        default_factory=list,
        description="Why a field or the body is empty, and what was repaired in the input.",
    )
    paragraphs: list[str] = Field(
        default_factory=list,
        description="The body, noise removed, derived from content: one entry per paragraph, "
        "subheading, quote and list item; a table row is one entry, its cells joined by ' | '; "
        "a figure adds nothing (its caption is in captions) but on a gallery page, whose "
        "captions are the body; an embed adds its text (config.embeds).",
    )
    content: list[ContentNode] = Field(
        default_factory=list,
        description="The article's own content in page order, typed: paragraphs, subheadings, "
        "lists, tables, quotes, figures and (config.embeds) embeds.",
    )
    blocks: list[BlockInfo] = Field(
        default_factory=list, description="Every block with its label (when config.explain)."
    )
    declared_language: str | None = Field(
        default=None,
        description="The language the HTML page declares (<html lang>), which may be wrong.",
    )
    teasers: list[Teaser] = Field(
        default_factory=list,
        description="On a listing page, the teasers it lists (headline and link), when "
        "config.listing_teasers is set; empty otherwise.",
    )
    entries: list[LiveEntry] = Field(
        default_factory=list,
        description="On a live blog, its entries in page order, each with its time.",
    )

    @computed_field(  # type: ignore[prop-decorator]
        description="A 64-bit SimHash of the body as 16 hexadecimal digits (a string: JSON "
        "readers that use doubles lose 64-bit integers); re-publications of the same story are "
        "a few bits apart (arabic_extract.dedup.hamming), different articles about 32. "
        "None when the body is empty. Derived from paragraphs when first read.",
        json_schema_extra={"pattern": FINGERPRINT_PATTERN},
    )
    @cached_property
    def fingerprint(self) -> str | None:
        """``arabic_extract.dedup.fingerprint(self.paragraphs)``, computed on first read (it
        costs 7-22 % of a page-text extraction, which a caller who wants the body alone does not
        pay), from the body's matching forms the pipeline made when it has them."""
        return from_norms(body_forms(self.paragraphs, self._forms.take()))

    # The matching forms of the body's blocks, kept by the pipeline for the fingerprint's
    # first read (see BodyForms).
    _forms: BodyForms = PrivateAttr(default_factory=BodyForms)

    def __setattr__(self, name: str, value: object) -> None:
        # pydantic lets a cached property be set even on a frozen model: the fingerprint is
        # frozen as the fields are
        if name == "fingerprint":
            raise ValidationError.from_exception_data(
                type(self).__name__, [{"type": "frozen_instance", "loc": (name,), "input": value}]
            )
        super().__setattr__(name, value)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def body(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)
