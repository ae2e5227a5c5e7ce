"""The one configuration object: every threshold the engine uses, with how it was calibrated.

Calibration set: the five seed pages (fixtures/seeds), the synthetic fixtures (fixtures/html,
fixtures/text) and the development pages of ../shared/eval/dev in both modes (HTML and visible
text). A value is "calibrated" when moving it by the stated step changes no page's result, and a
larger move costs body F1 or leaks noise on at least one page; the comment says which way it fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field


class ExtractionConfig(BaseModel):
    """Thresholds and switches for :func:`arabic_extract.extract`; override any field per call:
    ``extract(page, config=ExtractionConfig(explain=True))``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # --- switches ----------------------------------------------------------------------------
    explain: bool = Field(
        default=False,
        description="Fill Article.blocks with every block's label and the rules that decided it.",
    )
    reference_time: datetime | None = Field(
        default=None,
        description="Resolve relative dates (منذ 3 شهور) against this time; None leaves "
        "them unset.",
    )
    use_trafilatura_fallback: bool = Field(
        default=True,
        description="On HTML, ask trafilatura for a second opinion when the engine finds no "
        "article run; its output only picks among the page's own blocks. It costs 30-50 ms a "
        "page, so it only runs in that case (on none of the dev pages).",
    )

    listing_teasers: bool = Field(
        default=False,
        description="On a listing page (home, section, tag, search, author), return its "
        "teasers (headline and link) in Article.teasers. The body stays empty either way: "
        "teasers are other pages' text.",
    )

    links: bool = Field(
        default=False,
        description="Keep the body's inline links: each paragraph, list item and quote that "
        "holds a link gets its spans (text and href) in Article.content. Off, nothing is "
        "collected and the output is as without links.",
    )
    embeds: bool = Field(
        default=False,
        description="Keep what the article embeds (tweets, videos, iframes, a social post's "
        "text): embed nodes in Article.content, with their text in the body. Off, embeds are "
        "left out of both, as noise.",
    )

    fallback_max_blocks: int = Field(
        default=3000,
        description="The trafilatura second opinion is asked only on pages of at most this many "
        "blocks: its time grows faster than the page (0.5 s at 3,000 list items, 3 s at 20,000). "
        "The largest dev page has 271 blocks.",
    )

    # --- input limits ------------------------------------------------------------------------
    max_input_bytes: int = Field(
        default=20_000_000,
        description="Larger inputs raise InputError; with truncate_input they are cut to this "
        "many bytes (never inside a UTF-8 character or a UTF-16/32 code unit; a str counts as its "
        "UTF-8 bytes), with a note.",
    )
    truncate_input: bool = Field(
        default=False, description="Cut inputs over max_input_bytes instead of raising."
    )
    max_line_chars: int = Field(
        default=100_000,
        description="A longer line (or HTML block) is matched on its first this many characters "
        "only; its text is kept whole. Bounds the work spent on one line (a 10 MB line costs "
        "0.13 s); no real paragraph comes near it.",
    )
    max_dom_nodes: int = Field(
        default=200_000,
        description="HTML with more elements than this is read as text only, without a DOM: "
        "block elements become lines; scripts, styles, comments, hidden elements and elements "
        "never shown (template, iframe, svg, select...) are dropped; entities decoded. A million "
        "empty elements read so take 0.45 s; the dev pages and fixtures have at most 2,533 "
        "elements.",
    )
    max_dom_depth: int = Field(
        default=400,
        description="Elements nested deeper than this are unwrapped before parsing (their text "
        "joins their ancestor's, as the DOM walk reads them; hidden ones are dropped with their "
        "content), with a note. Lexbor's tree builder costs the square of the nesting (100,000 "
        "nested div took 31 s); the dev pages and fixtures nest at most 28 deep.",
    )
    max_attributes: int = Field(
        default=1000,
        ge=1000,
        description="HTML: an element's attributes past this many are dropped before the page is "
        "parsed, with a note. The parser's time grows with the square of one element's "
        "attributes (20,000 took 0.7 s, 40,000 5 s; 1,000 take 2 ms); real elements have under "
        "50. At least 1,000: the scan that finds crowded elements looks for 2,000 characters of "
        "attributes.",
    )
    max_attribute_names: int = Field(
        default=20_000,
        description="HTML over 150 KB whose tags name more distinct attributes than this is read "
        "as text only, with a note. The parser's time grows with the square of a page's distinct "
        "attribute names (20,000 take 0.02 s, 80,000 1 s, 160,000 6.5 s); real pages name under "
        "300.",
    )
    max_blocks: int = Field(
        default=20_000,
        description="Only the first this many blocks are read (non-blank lines of text; pieces "
        "of text of HTML), the rest is cut with a note. The engine spends 15-50 µs a block, so "
        "this bounds a page's time to about a second; real pages have under 1,000.",
    )
    max_seconds: float | None = Field(
        default=10.0,
        gt=0,
        description="A deadline for one call, as a backstop: past it, the DOM walk and the "
        "features stop where they are (checked every 1,024 DOM nodes and every 64 blocks) and the "
        "article is made of the blocks read so far, with a note. Nothing comes near it (the "
        "slowest hostile input takes 0.5 s, a real page 2-50 ms); a call that ends in time gives "
        "the same result as without it. None: no deadline.",
    )

    # --- input shapes ------------------------------------------------------------------------
    markdown_min_signals: int = Field(
        default=3,
        description="input_format='auto' reads page text as Markdown from this many signals "
        "(a link, an image, an ATX heading, a setext or table rule count 3; a '---' line, an "
        "escape or **strong** 1, two at most): one sure sign is enough, weak ones alone never "
        "are. The seeds and the text fixtures show 0; Markdown renderings of the dev pages 39 "
        "and more.",
    )
    one_line_page_chars: int = Field(
        default=2_000,
        description="Page text that is one line of at least this many characters, holding "
        "nearly all of the text (BeautifulSoup's get_text(' ') joins a whole page so), is cut "
        "back into lines (at its sentences, dates, prompts and list headers: "
        "engine.one_line) and gets a note. The dev pages so joined: 3,300-9,900 characters; "
        "their lines in every other rendering, and the seeds' and fixtures': 3,018 at most, "
        "among many other lines.",
    )
    one_line_run_words: int = Field(
        default=15,
        description="A piece of a page on one line with at least this many words that ends "
        "no sentence is a menu or a list run together, and is cut into items. Calibrated on "
        "the dev pages in three one-line renderings (BeautifulSoup's get_text(' '), "
        "trafilatura's html2txt, resiliparse without formatting) and the fixtures so joined, "
        "with 2-word items: body F1 0.96-0.97, worst page 0.92, at 15; at 20 0.97-0.98 but a "
        "page at 0.89, at 25 one loses its article (a list of teasers is taken for it).",
    )
    one_line_item_words: int = Field(
        default=2,
        description="Words in each item such a piece is cut into: fewer than a title has "
        "(min_title_words), so that no item is taken for a headline and a run of them reads "
        "as a menu. 3-word items: F1 0.01 higher, but items taken for headlines (the dev "
        "pages' headlines found 0.33-0.67 of the time against 0.50-0.67); 5 words: a page's "
        "article lost; 12: another's F1 0.73.",
    )
    one_line_max_cuts: int = Field(
        default=1000,
        description="The most places a page on one line is cut at (sentence ends, time stamps, "
        "prompts, buttons, list headers, titles; each step's first ones); past them the line's "
        "rest is one piece, so that a hostile line of stamps ('!3:20' a thousand times) is not "
        "thousands of blocks. The dev pages' one-line renderings have 326 at most (dev 011, "
        "15,840 characters).",
    )
    one_line_cut_chars: int = Field(
        default=24,
        gt=0,
        description="A page on one line is cut at most once every this many characters on "
        "average (and one_line_max_cuts times in all): a line of stamps or labels a few "
        "characters apart ('09:22 ' a thousand times) is not a block every few characters, "
        "which made a 16 KB hostile line cost as much as a page of 1,000 lines. The dev "
        "pages' and fixtures' one-line renderings are cut once every 36 characters at the "
        "densest (dev 011, BeautifulSoup's get_text(' ')), 40-70 mostly.",
    )
    one_line_max_items: int = Field(
        default=200,
        description="The most items one run of a page on one line is cut into; the rest of the "
        "run stays one piece, so that a huge or hostile run (a 16 KB line of one-letter words) "
        "is not thousands of blocks. The dev pages' and the probes' one-line renderings cut "
        "a run into 72 items at most.",
    )
    markdown_with_html_min_signals: int = Field(
        default=9,
        description="Markdown that holds blocks of HTML (pandoc's GFM keeps every <div> it cannot "
        "write as Markdown on lines of its own; READMEs) is read as Markdown, not as HTML, from "
        "this many signals on the lines that do not start with a tag, when no <!doctype>, <html>, "
        "<head> or <body> says it is an HTML document. Three sure signs: pandoc's GFM renderings "
        "of the dev pages show 48 and more there, the HTML fixtures and dev pages none; one or "
        "two stray '[a](b)' in an HTML fragment (a CMS's article HTML) leave it HTML.",
    )

    # --- pass 1: each block alone ------------------------------------------------------------
    good_min_words: int = Field(
        default=10,
        description="A block with at least this many words and sentence features is 'good'. "
        "Calibrated 8-12: at 14 short lead paragraphs of agency stories drop to 'near'.",
    )
    near_min_words: int = Field(
        default=5,
        description="At least this many words (and not noise) is 'near-good'; fewer is 'short'.",
    )
    min_stopword_ratio: float = Field(
        default=0.08,
        description="Share of Arabic function words that makes a long line prose, not a list of "
        "titles. Prose runs 0.15-0.35; menus and tag dumps 0-0.05. Calibrated 0.05-0.12.",
    )
    max_title_words: int = Field(
        default=30,
        description="A title-like line (headline, subheading, caption) has at most this "
        "many words.",
    )
    min_title_words: int = Field(
        default=3, description="...and at least this many (shorter lines are labels)."
    )
    max_headline_words: int = Field(
        default=22,
        description="A line without closing punctuation and at most this many words reads as a "
        "title, never as a good body block. Headlines on the dev pages run 6-18 words.",
    )
    max_date_line_words: int = Field(
        default=24,
        description="Longest line read as a date line (weekday, date, time, 'updated'). A line "
        "that gives both dates in full (تاريخ النشر: الأحد، 12 مايو 2024 - 10:30 ص آخر تحديث: "
        "الأحد، 12 مايو 2024 - 11:00 ص) has 18 words, and 21 in both calendars with their dashes "
        "(نُشر: 11:26-12 يناير 2025 م ـ 12 رجب 1446 هـ آخر تحديث: ...); the rest of a date line "
        "must be date words whatever its length, and 24 leaves every Article of the fixtures, dev "
        "pages and seeds as 16 did.",
    )
    dom_noise_max_chars: int = Field(
        default=1000,
        description="HTML: an element whose class says furniture (share, related, nav, form...) "
        "but holds more text than this, with paragraphs in it, is a content wrapper, not "
        "furniture (ASP.NET pages wrap everything in one <form>).",
    )
    hijri_tolerance_days: int = Field(
        default=2,
        ge=0,
        description="A dual-calendar line (… هـ الموافق … م) whose Hijri date, converted by Umm "
        "al-Qura, falls more than this many days from its Gregorian date gets a note (the "
        "Gregorian date is kept). Countries that start months by sighting the moon run one or "
        "two days from Umm al-Qura's computed calendar (14 رمضان 1445 is 24 March by Umm "
        "al-Qura and was 23 or 24 March elsewhere); 3 days apart is another date.",
    )
    max_meta_line_words: int = Field(
        default=14,
        description="Longest line tried as a row of widgets joined by separators (time-ago | "
        "views | reading time); each part must be noise on its own.",
    )
    max_caption_words: int = Field(
        default=20,
        description="HTML: a line of at most this many words, without closing punctuation, "
        "right after an image is its caption.",
    )
    min_header_caption_words: int = Field(
        default=3,
        description="A line left between the headline and the body, with no image above it, "
        "is a photo's caption only with at least this many words: a caption says who does what "
        "where. Shorter lines there are labels, names and counters (ملخص, دقائق, the outlet's "
        "name, أخبار جوجل): 12 such lines on 40 probe pages, and no caption of fewer words "
        "without an image in the fixtures, dev pages and probes.",
    )
    max_alt_words: int = Field(
        default=12,
        description="Page text: a title-like line of at most this many words right above a "
        "photo's caption, sharing its words, is the photo's alternative text (the alt texts of "
        "the fixtures and dev pages, in every rendering, run 2-6 words).",
    )
    alt_caption_overlap: float = Field(
        default=0.5,
        description="Share of such a line's content words (bare, see engine.words) that the "
        "caption below it must have for it to be the photo's alternative text: alt texts "
        "repeat a caption or a shortened form of it. Fixtures and dev pages in every rendering: "
        "their alt texts 0.75-1.0; the other lines right above a caption (list items, "
        "bylines, date lines, a section's name) 0.",
    )
    max_link_density: float = Field(
        default=0.5,
        description="HTML: a block whose text is more than this share of link text is navigation. "
        "Body paragraphs run 0-0.2; related lists 0.9-1.0. Calibrated 0.4-0.6.",
    )

    # --- pass 2 and segmentation -------------------------------------------------------------
    arabic_page_share: float = Field(
        default=0.6,
        description="A page is Arabic when at least this share of its good blocks has Arabic "
        "letters; then short lines with none are not article text. Dev pages: 1.0.",
    )
    max_foreign_line_words: int = Field(
        default=25,
        description="Longest line without Arabic letters treated as a caption, credit or embed "
        "title on an Arabic page (longer ones are left to the other rules).",
    )
    menu_run: int = Field(
        default=3,
        description="This many consecutive short lines without sentence punctuation make a menu. "
        "2 eats subheading pairs; 4 lets small section lists through.",
    )
    menu_item_max_words: int = Field(
        default=6, description="A bulleted menu item has at most this many words."
    )
    label_max_words: int = Field(
        default=3,
        description="An unbulleted line of at most this many words may be a menu entry or label; "
        "at 4+ a six-word headline between a site header and a share bar became 'menu'.",
    )
    near_weight: float = Field(
        default=0.5,
        description="Weight of a near-good block's characters in the main-run score (good = 1).",
    )
    short_penalty: float = Field(
        default=40.0,
        description="Score (in characters) a short block costs the main run. Lets a few "
        "subheadings and captions sit inside the body; a menu of them breaks the run.",
    )
    noise_penalty: float = Field(
        default=120.0,
        description="Minimum score a noise block costs the main run (its length if longer). "
        "Calibrated 80-200: lower joins the next article across a share bar.",
    )
    after_related_factor: float = Field(
        default=0.25,
        description="Score factor for a run that starts after a read-also or related header: "
        "that is another article, chosen only if it outweighs the main one four times.",
    )
    lead_share: float = Field(
        default=0.34,
        description="A title-like line names the story it stands above when at least this "
        "share of its content words (with or without clitics) are in the story's first "
        "paragraphs: the headline, not a section name or another article's teaser, which share "
        "none or a few. Headlines of the dev pages and fixtures share 0.4-1.0 with their "
        "leads; teasers above a story 0-0.25.",
    )
    header_window: int = Field(
        default=6,
        description="A date line or byline within this many blocks of the run's start marks the "
        "top of the story; what the run took in before it (at most two good blocks: a ticker, "
        "a standfirst) is dropped.",
    )
    inline_box_items: int = Field(
        default=6,
        description="A related header followed by at most this many title lines and then body "
        "text again is a box inside the article, not its end. Related lists after an article "
        "run 5-12 items; boxes inside it 1-5.",
    )
    header_lookback: int = Field(
        default=20,
        description="How many blocks before the body are searched for the byline and the date "
        "line when none is near the headline (the search stops at a menu). Page text splits "
        "an article's header over many lines: the opinion_column fixture's byline label, name "
        "and date line stand 9-12 lines above the body, behind a share bar of five lines.",
    )

    # --- tables and lists inside the article (see arabic_extract.engine.structure) -----------
    # Calibration: the fixtures with tables, lists, quotes and interviews (fixtures/html:
    # table_election_results, list_health_steps, interview_qa, layout_table_portal...) keep
    # them in every shape; every dev page, seed and other fixture gives the body it gave
    # before. Each comment gives the measured margin.
    table_cell_max_words: int = Field(
        default=25,
        description="A data table's cells hold at most this many words (names, figures, short "
        "phrases: 1-12 on the fixtures); a table with a longer cell lays out text, and its "
        "blocks are read as paragraphs (layout-table).",
    )
    list_intro_min_words: int = Field(
        default=4,
        description="A line ending in ':' that introduces a table or a list has at least this "
        "many words (a sentence: 'وجاءت النتائج على النحو التالي:'); shorter ones are box "
        "headers ('مواضيع قد تهمك:'), which head other articles' lists.",
    )
    intro_list_max_items: int = Field(
        default=20,
        description="Page text that shows no bullets (BeautifulSoup's text, innerText): at "
        "most this many short lines between a line that introduces a list and the text that "
        "follows are the list's items. The fixtures' lists have 3-12.",
    )
    headline_lookback: int = Field(
        default=10,
        description="How many blocks before the body are searched for the headline.",
    )
    lead_blocks: int = Field(
        default=2,
        description="How many body blocks count as the lead, where 'وفقاً لوكالة X' names the "
        "source. Calibrated 1-3: wider picks up outlets merely quoted further down.",
    )

    # --- language ----------------------------------------------------------------------------
    language_sample_chars: int = Field(
        default=1000,
        description="The language is read from the first this many characters of the body (of "
        "the page's text when the body is short). Every hand-made sample (fixtures/languages, "
        "25-300 characters) is named right; 1,000 keeps the check under 0.1 ms a page.",
    )
    language_sample_blocks: int = Field(
        default=400,
        description="When the body is short (a listing, a gallery), the language is read from "
        "the page's first this many blocks instead (then cut to language_sample_chars).",
    )
    language_min_letters: int = Field(
        default=20,
        description="Fewer letters than this name no language (Article.language is None). The "
        "shortest headline samples (fixtures/languages) have 25-40 letters.",
    )
    language_specific_letters: float = Field(
        default=0.01,
        description="Share of the Arabic-script letters that are Urdu's, Pashto's or Sorani's "
        "own (ے ں ٹ / ښ ې ړ / ە ێ ۆ) that names that language. Their samples run 0.08-0.24 "
        "(Sorani ە alone is 5-8 %); Arabic and Persian have none, a loan name at most a "
        "letter or two in a paragraph (0.004-0.008). Calibrated 0.01-0.05.",
    )
    language_min_word_share: float = Field(
        default=0.08,
        description="A Latin-script text names a language when at least this share of its "
        "words are that language's function words (or its own letters, é ñ ß ı, add up to "
        "more). English and French news run 0.25-0.45; a 7-word headline has one or two.",
    )

    # --- page type (see arabic_extract.engine.page_type) -------------------------------------
    # Calibration: every dev page (HTML and inscriptis text), seed and fixture article stays an
    # article with its body unchanged, and the page-type fixtures (fixtures/html: listing_home,
    # listing_section, listing_tag, listing_search, listing_author, live_blog, photo_gallery,
    # video_page) are typed right in both shapes. Each comment gives the measured margin.
    teaser_item_blocks: int = Field(
        default=3,
        description="A teaser is a headline (HTML: a link; text: a title-like line) and at most "
        "this many blocks after it: a date, a snippet, a byline or a section label. Teasers "
        "on the fixtures use 1-3.",
    )
    teaser_snippet_max_words: int = Field(
        default=45,
        description="Longest block read as a teaser's snippet. Snippets run 12-35 words on the "
        "fixtures; an article's lead paragraph under its headline usually runs longer, and is "
        "only read as a snippet inside a list of teasers anyway.",
    )
    teaser_min_list: int = Field(
        default=3,
        description="Teasers count when at least this many follow one another (a list): an "
        "article's own headline, date and lead look like one teaser, never like three.",
    )
    listing_min_teasers: int = Field(
        default=6,
        description="A listing has at least this many teasers in lists. Listing fixtures have "
        "6-14; article pages with no article text are rare enough that 6 keeps rails of 3-5 "
        "items from typing a page.",
    )
    listing_min_rich: int = Field(
        default=4,
        description="...of which at least this many have a date or a snippet (on HTML, unless "
        "the page has no article text at all: its headlines are links). Listing fixtures have "
        "6-11; a short article under a ticker of headlines, read as text, has 1 (its own "
        "headline, date and lead).",
    )
    listing_max_article_chars: int = Field(
        default=300,
        description="A page with the teasers of a listing and less article text than this "
        "(good body blocks that are not teaser snippets) is a listing. Listing fixtures have "
        "0-170 characters (an author's bio, a section's description); the shortest dev article "
        "has 536. Calibrated 200-450.",
    )
    listing_meta_max_article_chars: int = Field(
        default=600,
        description="The same bound when the page says it is a listing (og:type website or "
        "profile; JSON-LD CollectionPage, ProfilePage, SearchResultsPage, ItemList; a listing "
        "URL) and not an article: an author's bio or a section's introduction may be longer.",
    )
    listing_teaser_ratio: float = Field(
        default=4.0,
        description="On a page that does not say it is an article, teasers with a date or a "
        "snippet whose text outweighs the article text this many times make a listing (an "
        "author page with a long bio). Dev articles' rails weigh 0.1-1.5 times their text.",
    )
    listing_ratio_max_article_chars: int = Field(
        default=1200,
        description="Above this much article text no weight of teasers makes a listing.",
    )
    live_min_entries: int = Field(
        default=4,
        description="A live blog has at least this many time-stamped entries with text (the "
        "fixture has 8). An article's live ticker has 3-5 stamps but headlines, not text.",
    )
    live_meta_min_entries: int = Field(
        default=2,
        description="The same when the page says it is live coverage (JSON-LD "
        "LiveBlogPosting, or a live headline: مباشر |, لحظة بلحظة).",
    )
    live_min_share: float = Field(
        default=0.6,
        description="The entries hold at least this share of the page's article text (on the "
        "fixture 1.0): a timeline of times inside an article is not a live blog.",
    )
    gallery_min_photos: int = Field(
        default=5,
        description="A gallery has at least this many captioned photos (the fixture has 8; "
        "articles with an inline gallery on the fixtures have 3-4).",
    )
    gallery_meta_min_photos: int = Field(
        default=3,
        description="The same when the page says it is a gallery (JSON-LD ImageGallery or "
        "MediaGallery, or a gallery headline: بالصور..).",
    )
    gallery_caption_share: float = Field(
        default=0.5,
        description="The captions hold at least this share of the page's text (captions and "
        "article text; the fixture 0.73): an article with many photos stays an article.",
    )
    video_max_article_chars: int = Field(
        default=800,
        description="A video page has at most this much article text (its description; the "
        "fixture has 290 characters). Dev articles have 536 and more but no video signal.",
    )


# Named presets (``arabic-extract extract --precision`` / ``--recall``; in Python,
# ``ExtractionConfig(**PRESETS["precision"])``), as trafilatura users know them. Precision: no
# trafilatura second opinion, short lines cost the run more and near-good ones count less, a run
# after a related header is discounted further. Recall: short lines cost less and near-good ones
# count more, boxes of up to 8 titles inside the story are skipped, and fewer blocks before a
# date line are taken for a teaser. Measured with every rendering of the dev pages and every
# fixture (benchmarks/compare.py's measures): both leave body F1 at 1.000 where the defaults are
# calibrated; they move the margins on pages the defaults were not tuned on.
PRESETS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        "precision": MappingProxyType(
            {
                "use_trafilatura_fallback": False,
                "short_penalty": 60.0,
                "near_weight": 0.35,
                "after_related_factor": 0.15,
            }
        ),
        "recall": MappingProxyType(
            {
                "short_penalty": 25.0,
                "near_weight": 0.7,
                "inline_box_items": 8,
                "header_window": 4,
            }
        ),
    }
)
