"""Field lint: checks that an :class:`~arabic_extract.Article`'s fields are as clean as its body.

The extraction scores measure the body; a field can carry noise that no score sees: a caption
label or an image credit as a caption, a number as a tag, a date with its label in front, a role
in an author's name, a share prompt kept as a paragraph. :func:`lint` names each such finding
with the rule it breaks. The test suite runs it over every fixture, seed and development page in
every input shape, and a pipeline can run it over its own output:

>>> from arabic_extract import extract
>>> from arabic_extract.lint import lint
>>> lint(extract("<h1>عنوان</h1><p>نص المقال.</p>"))
[]

The checks read the same rule families as the engine (``rules/``), so a finding is either a
phrase the families do not know yet or a place where the engine did not apply them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.bylines import is_outlet_name, is_place
from arabic_extract.engine.captions import Known, not_a_caption
from arabic_extract.engine.dates import find_date
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.tags import article_text, tag_problem
from arabic_extract.model import Article
from arabic_extract.rules.attribution import BYLINE, BYLINE_ROLE
from arabic_extract.rules.captions import CAPTION_LABEL
from arabic_extract.rules.dates import MONTH_SERIES, WEEKDAYS
from arabic_extract.rules.noise import FOLLOW_PROMPT, SHARE_BAR

FieldName = Literal["headline", "source", "author", "date_text", "tags", "captions", "body"]

_LETTER = regex.compile(r"\p{L}")
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
# Where a date as written starts: a weekday, a number, a month's name, or a relative stamp.
_DATE_FIRST_WORDS = tuple(
    sorted(
        {
            normalize(word)
            for word in (
                *WEEKDAYS.phrases,
                *(name for series in MONTH_SERIES for names in series.months for name in names),
                *("منذ", "قبل", "اليوم", "أمس", "الآن"),
                *("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
            )
        },
        key=len,
        reverse=True,
    )
)
_DATE_START = regex.compile(  # (anchored: matched at a line's start only)
    r"\A[\s\p{P}\p{S}]*+(?:\d|(?:" + "|".join(map(regex.escape, _DATE_FIRST_WORDS)) + r")(?!\p{L}))"
)
# A share or follow prompt is short: a paragraph that starts with "شارك" is not one.
_PROMPT_MAX_WORDS = 12


class Finding(BaseModel):
    """A field value that breaks one of the lint's rules."""

    model_config = ConfigDict(frozen=True)

    field: FieldName = Field(description="The Article field the value is in.")
    value: str = Field(description="The value as the Article gives it.")
    rule: str = Field(description="The rule it breaks: tag-without-letters, caption-credit...")

    def __str__(self) -> str:
        return f"{self.field}: {self.rule}: {self.value!r}"


def lint(article: Article, config: ExtractionConfig | None = None) -> list[Finding]:
    """Every finding on an article's fields, field by field, in page order (``config``: the
    one the article was extracted with, for its limits)."""
    config = config or ExtractionConfig()
    return [
        *_headline(article),
        *_source(article),
        *_author(article),
        *_date_text(article),
        *_tags(article),
        *_captions(article, config),
        *_body(article),
    ]


def _prompt(norm: str) -> str | None:
    """The family a short share or follow prompt belongs to, or None."""
    words = len(norm.split())
    if words > _PROMPT_MAX_WORDS:
        return None
    for family in (SHARE_BAR, FOLLOW_PROMPT):
        if family.match(norm, words) is not None:
            return family.name
    return None


def _headline(article: Article) -> Iterator[Finding]:
    if article.headline is not None and (name := _prompt(normalize(article.headline))):
        yield Finding(field="headline", value=article.headline, rule=name)


def _source(article: Article) -> Iterator[Finding]:
    if article.source is not None and not _LETTER.search(article.source):
        yield Finding(field="source", value=article.source, rule="source-without-letters")


def _author(article: Article) -> Iterator[Finding]:
    names = dict.fromkeys([*([article.author] if article.author else []), *article.authors])
    for author in names:
        norm = normalize(author)
        if not _LETTER.search(author) or any(ch.isdigit() for ch in norm):
            rule = "author-not-a-name"
        elif BYLINE.match(norm) is not None:
            rule = "author-with-byline-word"
        elif BYLINE_ROLE.match(norm) is not None:
            rule = "author-with-role"
        elif is_place(norm):
            rule = "author-is-a-place"
        elif is_outlet_name(norm) and _ARABIC_LETTER.search(author):
            rule = "author-is-an-outlet"
        else:
            continue
        yield Finding(field="author", value=author, rule=rule)


def _date_text(article: Article) -> Iterator[Finding]:
    text = article.date_text
    if text is None:
        return
    norm = normalize(text)
    if _DATE_START.match(norm) is None:
        yield Finding(field="date_text", value=text, rule="date-text-not-a-date-first")
    found = find_date(norm)
    if found is None or found.value is None:
        return
    if article.published is not None and not _same_day(found.value, article.published):
        yield Finding(field="date_text", value=text, rule="date-text-disagrees-with-published")


def _same_day(written: datetime, published: datetime) -> bool:
    return written.date() == published.date() or (
        # a page that writes local time and gives UTC in its metadata: a day apart at most
        published.tzinfo is not None and abs((written.date() - published.date()).days) <= 1
    )


def _tags(article: Article) -> Iterator[Finding]:
    text = article_text(article.headline, article.paragraphs)
    for tag in article.tags:
        problem = tag_problem(tag, text, arabic=article.language == "ar")
        if problem is not None:
            yield Finding(field="tags", value=tag, rule=f"tag-{problem}")
        elif _prompt(normalize(tag)) is not None:
            yield Finding(field="tags", value=tag, rule="tag-prompt")


def _captions(article: Article, config: ExtractionConfig) -> Iterator[Finding]:
    seen: set[str] = set()
    known = Known(author=article.author, site=article.site_name)
    for caption in article.captions:
        norm = normalize(caption)
        if norm in seen:
            yield Finding(field="captions", value=caption, rule="caption-repeated")
        seen.add(norm)
        if CAPTION_LABEL.match(norm) is not None:
            yield Finding(field="captions", value=caption, rule="caption-label")
        elif (problem := not_a_caption(caption, known, config)) is not None:
            yield Finding(field="captions", value=caption, rule=f"caption-{problem}")


def _body(article: Article) -> Iterator[Finding]:
    for paragraph in article.paragraphs:
        name = _prompt(normalize(paragraph))
        if name is not None:
            yield Finding(field="body", value=paragraph, rule=name)
