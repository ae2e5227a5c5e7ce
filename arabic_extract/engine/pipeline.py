"""The pipeline: decode, blocks, features, two-pass classification, segmentation, fields, the
page type, and the assembled :class:`~arabic_extract.model.Article`."""

from __future__ import annotations

from dataclasses import replace
from typing import Final, final

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block, Media, line_blocks
from arabic_extract.engine.captions import Known, article_captions
from arabic_extract.engine.classify import Decision, classify
from arabic_extract.engine.content import body_lines, build_content
from arabic_extract.engine.deadline import late_note
from arabic_extract.engine.features import features
from arabic_extract.engine.fields import Fields, extract_fields, with_source_fallback
from arabic_extract.engine.fingerprint import known_forms
from arabic_extract.engine.language import LanguageGuess, detect_language, language_name
from arabic_extract.engine.markdown import read_markdown
from arabic_extract.engine.merge import merge_meta, title_line
from arabic_extract.engine.metadata import PageMeta
from arabic_extract.engine.one_line import cut_page
from arabic_extract.engine.page_type import PageHints, PageKind, classify_page
from arabic_extract.engine.reflow import text_rows
from arabic_extract.engine.segment import segment
from arabic_extract.engine.structure import mark_structures
from arabic_extract.engine.tags import plausible_tags
from arabic_extract.model import Article, BlockInfo, Teaser, keep_body_forms

# Below this many characters of body, the language is read from the page's other text too.
_LANGUAGE_MIN_BODY: Final = 200


@final
class Analysis:
    """What the engine makes of a page's blocks: the fields, every block's decision, and the
    page type; ``blocks`` are the blocks analysed (all of them, unless the deadline cut them
    short). (A final slotted class: a frozen dataclass's __init__ runs as interpreted Python.)"""

    __slots__ = ("blocks", "decs", "fields", "page")

    def __init__(
        self, fields: Fields, decs: list[Decision], page: PageKind, blocks: list[Block]
    ) -> None:
        self.fields: Final = fields
        self.decs: Final = decs
        self.page: Final = page
        self.blocks: Final = blocks


def analyse(
    blocks: list[Block],
    config: ExtractionConfig,
    hints: PageHints | None = None,
    deadline: float | None = None,
) -> Analysis:
    """Features, both classification passes, segmentation, fields and the page type, for the
    blocks read before ``deadline`` (see :mod:`arabic_extract.engine.deadline`)."""
    feats = features(blocks, config, deadline)
    late = []
    if len(feats) < len(blocks):
        late.append(late_note(config, f"only the first {len(feats)} blocks were read"))
        blocks = blocks[: len(feats)]
    decs = mark_structures(blocks, feats, classify(blocks, feats, config), config)
    run, decs = segment(blocks, feats, decs, config)
    fields, decs = extract_fields(blocks, feats, decs, run, config)
    if run.empty:
        fields = replace(fields, notes=[*fields.notes, "body: no run of article text found"])
    if late:
        fields = replace(fields, notes=[*late, *fields.notes])
    page = classify_page(blocks, feats, decs, hints or PageHints(), config)
    return Analysis(fields, page.decs, page, blocks)


def read_language(
    blocks: list[Block], decs: list[Decision], config: ExtractionConfig
) -> LanguageGuess:
    """The language of the body (of the whole page's text when the body is short)."""
    wanted = config.language_sample_chars
    body: list[str] = []
    size = 0
    for block, dec in zip(blocks, decs, strict=True):
        if dec.is_body:
            body.append(block.text)
            size += len(block.text) + 1
            if size >= wanted:
                break
    if size < _LANGUAGE_MIN_BODY:  # a listing, a gallery: the page's text says it
        body.extend(b.text for b in blocks[: config.language_sample_blocks])
    return detect_language("\n".join(body), config)


def language_note(guess: LanguageGuess) -> str | None:
    """The note a page that is not Arabic gets (None for Arabic or undetermined text)."""
    if guess.arabic:
        return None
    return (
        f"language: the text is {language_name(guess.code)} ({guess.reason}), not Arabic; "
        "the body is read by structure only and the Arabic attribution and tag rules are not "
        "applied"
    )


def with_language(
    blocks: list[Block], decs: list[Decision], fields: Fields, config: ExtractionConfig
) -> tuple[LanguageGuess, Fields]:
    """The body's language (:func:`read_language`), and the fields as a page in it keeps them
    (:func:`not_arabic` when it is not Arabic)."""
    language = read_language(blocks, decs, config)
    return language, (fields if language.arabic else not_arabic(fields))


def not_arabic(fields: Fields) -> Fields:
    """Fields of a page that is not Arabic: what only the Arabic rules find in the text (an
    author's byline, a source credit, a keyword line) is left out."""
    return replace(fields, author=None, authors=[], dateline=None, source=None, tags=[])


def assemble(
    blocks: list[Block],
    fields: Fields,
    decs: list[Decision],
    *,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    page: PageKind,
    language: LanguageGuess,
    declared_language: str | None = None,
    teasers: list[Teaser] | None = None,
    media: list[Media] | None = None,
) -> Article:
    gallery = page.page_type == "gallery"
    content = build_content(blocks, decs, media or [], gallery=gallery, embeds=config.embeds)
    paragraphs = body_lines(content, gallery=gallery)
    infos = (
        [
            BlockInfo(
                index=b.position, text=b.text, label=d.label, reasons=list(d.reasons), tag=b.tag
            )
            for b, d in zip(blocks, decs, strict=True)
        ]
        if config.explain
        else []
    )
    page_type = page.page_type
    page_notes = list(page.reasons)
    if page_type == "listing":
        # other pages' dates, bylines, tags and credits are not this page's
        fields = replace(
            fields,
            source=None,
            author=None,
            authors=[],
            dateline=None,
            published=None,
            date_text=None,
            published_hijri=None,
            updated=None,
            tags=[],
            captions=[],
        )
        fields = replace(fields, notes=[n for n in fields.notes if not n.startswith("body:")])
    else:
        fields = with_source_fallback(fields)
    if page_type == "live":  # entries' titles read as captions before the page was typed
        body = set(paragraphs)
        fields = replace(fields, captions=[c for c in fields.captions if c not in body])
    if page_type == "article" and not paragraphs and not page.article_chars:
        page_type = "other"
        page_notes.append("page: no article text and no list of teasers; typed other")
    foreign = language_note(language)
    article = Article(
        headline=fields.headline,
        source=fields.source,
        author=fields.author,
        authors=fields.authors,
        dateline=fields.dateline,
        published=fields.published,
        date_text=fields.date_text,
        published_hijri=fields.published_hijri,
        updated=fields.updated,
        site_name=fields.site_name,
        url=url,
        page_type=page_type,
        language=language.code,
        tags=plausible_tags(fields.tags, fields.headline, paragraphs, arabic=language.code == "ar"),
        captions=article_captions(
            fields.captions, Known(author=fields.author, site=fields.site_name), config
        ),
        notes=[*notes, *page_notes, *([foreign] if foreign else []), *fields.notes],
        paragraphs=paragraphs,
        content=content,
        blocks=infos,
        declared_language=declared_language,
        teasers=teasers or [],
        entries=page.entries,
    )
    shown = [b for b, d in zip(blocks, decs, strict=True) if d.is_body]
    return keep_body_forms(article, known_forms(shown, config.max_line_chars))


EMPTY_NOTE: Final = "body: the input is empty or only whitespace"
IMAGES_ONLY_NOTE: Final = (
    "body: the text holds nothing but images, as text-mode renderers write them ([alt] lines)"
)


def extract_text(
    text: str,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    deadline: float | None = None,
) -> Article:
    """The article of a page's text (one block per line), by ``deadline``. A page joined on
    one line is cut back into lines first (:mod:`~arabic_extract.engine.one_line`)."""
    cut = cut_page(text, config)
    if cut is not None:  # (its lines are cut where they should be: none is joined again)
        notes = [*notes, one_line_note(text)]
        lines, rows = cut, [0] * len(cut)
    else:
        lines, rows = text_rows(text)
    blocks = line_blocks(lines, config.max_line_chars, rows)
    if not blocks:
        # (text that is not blank leaves no block only when its lines were images' [alt])
        empty = IMAGES_ONLY_NOTE if "[" in text else EMPTY_NOTE
        return Article(url=url, page_type="other", notes=[*notes, empty])
    analysis = analyse(blocks, config, PageHints(url=url), deadline)
    blocks = analysis.blocks
    meta = title_line(blocks, config)
    if meta is not None:  # the page's <title>: it names the headline, it is not the body
        title = Decision("bad", labels.NOISE, ("page-title",))
        analysis = with_meta(blocks, analysis, meta, [title, *analysis.decs[1:]], first=1)
    return finish(blocks, analysis, config=config, url=url, notes=notes)


def one_line_note(text: str) -> str:
    """The note a page joined on one line gets: it was cut back into lines, and less surely
    than its lines would have been."""
    longest = max(text.splitlines(), key=len, default="")
    return (
        f"text: one line of {len(longest)} characters (a whole page joined by spaces, as "
        "BeautifulSoup's get_text(' ') gives it), cut back into lines at its sentences, dates, "
        "prompts and list headers; its menus and lists are told from its article less surely "
        "than in lines: pass the HTML, or the text with its line breaks"
    )


def extract_markdown(
    text: str,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    deadline: float | None = None,
) -> Article:
    """The article of a Markdown page, by ``deadline``; its front matter's title names the
    headline."""
    page = read_markdown(text, config.max_line_chars, spans=config.links)
    blocks, front = page.blocks, page.front
    if not blocks:
        return Article(
            url=url,
            headline=front.meta.headline,
            page_type="other",
            notes=[*notes, EMPTY_NOTE],
        )
    analysis = analyse(blocks, config, PageHints(url=url), deadline)
    blocks = analysis.blocks
    if front.start:
        analysis = with_meta(blocks, analysis, front.meta, analysis.decs, first=0)
    return finish(blocks, analysis, config=config, url=url, notes=notes, media=page.media)


def with_meta(
    blocks: list[Block], analysis: Analysis, meta: PageMeta, decs: list[Decision], *, first: int
) -> Analysis:
    """The analysis with page text's own title (a title line, front matter) merged in; a title
    line (``first`` 1) is only a hint, front matter (``first`` 0) says what the page is."""
    fields, decs = merge_meta(blocks, decs, analysis.fields, meta, first=first, trusted=first == 0)
    return Analysis(fields, decs, analysis.page, analysis.blocks)


def finish(
    blocks: list[Block],
    analysis: Analysis,
    *,
    config: ExtractionConfig,
    url: str | None,
    notes: list[str],
    media: list[Media] | None = None,
) -> Article:
    """The Article of page text or Markdown: the body's language read, the teasers of a
    listing kept when asked."""
    decs, page = analysis.decs, analysis.page
    language, fields = with_language(blocks, decs, analysis.fields, config)
    teasers = (
        [Teaser(text=blocks[i].text) for i in page.teasers] if config.listing_teasers else None
    )
    return assemble(
        blocks,
        fields,
        decs,
        config=config,
        url=url,
        notes=notes,
        page=page,
        language=language,
        teasers=teasers,
        media=media,
    )
