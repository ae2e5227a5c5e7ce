"""The trafilatura second opinion: only when the engine finds no article run, only the page's
own blocks, and switchable off."""

from __future__ import annotations

from pathlib import Path

import pytest

from arabic_extract import ExtractionConfig, extract
from arabic_extract.engine.fallback import NOTE, SKIPPED

# A poem: short lines without sentence punctuation, which the engine's prose rules do not take
# for article text; a general extractor's DOM reading does.
VERSES = [
    "يا ليل الصب متى غده",
    "أقيام الساعة موعده",
    "رقد السمار فأرقه",
    "أسف للبين يردده",
    "فبكاه النجم ورق له",
    "مما يرعاه ويرصده",
    "كلف بغزال ذي هيف",
    "خوف الواشين يشرده",
    "نصبت عيناي له شركا",
    "في النوم فعز تصيده",
]
PAGE = (
    "<html lang='ar'><head><title>قصيدة يا ليل الصب</title></head><body>"
    "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>ثقافة</a></li></ul></nav>"
    "<article><h1>قصيدة يا ليل الصب</h1>"
    + "".join(f"<p>{verse}</p>" for verse in VERSES * 3)
    + "</article><footer>جميع الحقوق محفوظة 2024</footer></body></html>"
)


def test_second_opinion_when_no_run_is_found() -> None:
    article = extract(PAGE)
    assert NOTE in article.notes
    assert article.paragraphs == VERSES * 3
    assert "الرئيسية" not in article.body
    assert "جميع الحقوق" not in article.body


def test_second_opinion_can_be_switched_off() -> None:
    article = extract(PAGE, config=ExtractionConfig(use_trafilatura_fallback=False))
    assert article.paragraphs == []
    assert any(note.startswith("body:") for note in article.notes)


def test_not_consulted_on_pages_too_large_for_it() -> None:
    """trafilatura's time grows faster than the page: big pages are left without its opinion
    (and within the time limit), with a note saying so."""
    article = extract(PAGE, config=ExtractionConfig(fallback_max_blocks=10))
    assert article.paragraphs == []
    assert SKIPPED in article.notes


@pytest.mark.parametrize("folder", ["readalso_midbody", "drupal_views_sport"])
def test_not_consulted_when_the_engine_finds_the_article(folder: str) -> None:
    page = Path(__file__).resolve().parents[1] / "fixtures" / "html" / folder / "source.html"
    article = extract(page.read_bytes())
    assert article.paragraphs
    assert NOTE not in article.notes
