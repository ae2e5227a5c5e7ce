"""The public result model: :class:`Article`, and the per-block explanation :class:`BlockInfo`."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field


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
        description="The body, one entry per paragraph or subheading, noise removed.",
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
    fingerprint: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{16}$",
        description="A 64-bit SimHash of the body as 16 hexadecimal digits (a string: JSON "
        "readers that use doubles lose 64-bit integers); re-publications of the same story are "
        "a few bits apart (arabic_extract.fingerprint.hamming), different articles about 32. "
        "None when the body is empty.",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def body(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)
