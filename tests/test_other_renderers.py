"""Renderer invariance beyond the five shapes of ``test_shapes.py``: the pages as programs
outside Python write them (lynx and w3m dumps, pandoc's plain text, GFM, Markdown and
CommonMark, each at its defaults: :data:`arabic_extract.shapes.COMMANDS`) and as other Python
libraries write them (resiliparse's plain text, with and without link addresses:
:data:`arabic_extract.shapes.LIBRARIES`) give the Article the HTML gives, by the same measures.
A program that is not installed skips its cases (CI installs them: ``apt-get install lynx w3m
pandoc``); ``benchmarks/other_renderers.py`` scores the same renderings against the gold pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_shapes import DEV, FIXTURES, assert_same_article, html_of, reference

from arabic_extract import extract
from arabic_extract.shapes import COMMANDS, LIBRARIES, has_command, render_command

# What these renderings lose of a page, kept as known limits (strict: they fail today, and the
# test says so when they pass).
LIMITS = {
    # a page laid out in tables: its columns come out side by side, or as one table
    ("layout_table_portal", "lynx"),
    ("layout_table_portal", "w3m"),
    ("layout_table_portal", "pandoc-plain"),
    ("layout_table_portal", "pandoc-gfm"),
    ("layout_table_portal", "pandoc-markdown"),
    ("layout_table_portal", "pandoc-commonmark"),
    # a gallery: the photos' alt texts and captions come out as text of their own ([alt] in
    # pandoc's plain text, w3m's [alt]), and pandoc's Markdown keeps the figures as HTML
    ("photo_gallery", "lynx"),
    ("photo_gallery", "w3m"),
    ("photo_gallery", "pandoc-plain"),
    ("photo_gallery", "pandoc-gfm"),
    ("photo_gallery", "pandoc-markdown"),
    ("photo_gallery", "pandoc-commonmark"),
    # a listing whose teasers pandoc writes as HTML blocks (GFM, CommonMark): no page at all
    ("listing_tag", "pandoc-gfm"),
    ("listing_tag", "pandoc-commonmark"),
    ("listing_search", "lynx"),
    # the title wrapped over two lines, in a page whose column is not found
    ("011", "pandoc-plain"),
    # short pages whose wrapped paragraphs are too few to show w3m's and lynx's column
    ("table_election_results", "w3m"),
    ("live_gallery_tweets", "lynx"),
    ("minimal_no_metadata", "lynx"),
    ("persian_article", "w3m"),
    # a video page: w3m writes the player's fallback links, pandoc's Markdown its attributes
    ("video_page", "w3m"),
    ("video_page", "pandoc-markdown"),
}

PAGES = [
    *(
        (p, p.parent.name, f"fixture-{p.parent.name}")
        for p in sorted(FIXTURES.glob("*/source.html"))
    ),
    *((p, p.stem, f"dev-{p.stem}") for p in sorted(DEV.glob("*.html"))),
]
CASES = [
    pytest.param(
        path,
        name,
        id=f"{page_id}-{name}",
        marks=[
            pytest.mark.skipif(not has_command(name), reason=f"{COMMANDS[name][0]} not installed"),
            *(
                [pytest.mark.xfail(strict=True, reason="a rendering that loses the structure")]
                if (stem, name) in LIMITS
                else []
            ),
        ],
    )
    for path, stem, page_id in PAGES
    for name in COMMANDS
]


@pytest.mark.parametrize("path,name", CASES)
def test_every_program_gives_the_html_article(path: Path, name: str) -> None:
    assert_same_article(reference(path), extract(render_command(html_of(path), name)), name)


@pytest.mark.parametrize(
    "path,name",
    [
        pytest.param(path, name, id=f"{page_id}-{name}")
        for path, _, page_id in PAGES
        for name in LIBRARIES
    ],
)
def test_every_library_gives_the_html_article(path: Path, name: str) -> None:
    pytest.importorskip("resiliparse")
    assert_same_article(reference(path), extract(LIBRARIES[name](html_of(path))), name)


def test_the_limits_name_pages_and_programs_that_exist() -> None:
    stems = {stem for _, stem, _ in PAGES}
    assert all(name in COMMANDS for _, name in LIMITS)
    assert all(stem in stems for stem, _ in LIMITS if not stem.isdigit())
