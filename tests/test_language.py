"""The language check (:mod:`arabic_extract.engine.language`): every hand-written sample named
right, Arabic told from Persian, Urdu, Central Kurdish and Pashto, and what a page that is not
Arabic gets (a note, no fields read by the Arabic rules, its declared language kept)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import ExtractionConfig, extract
from arabic_extract.engine.language import detect_language, letter_runs
from arabic_extract.evaluation import visible_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = json.loads((ROOT / "fixtures" / "languages" / "samples.json").read_text("utf-8"))
CASES = [
    pytest.param(s["lang"], s["text"], id=f"{n}-{s['lang']}-{s['kind']}")
    for n, s in enumerate(SAMPLES["samples"])
]
CONFIG = ExtractionConfig()


@pytest.mark.parametrize("lang,text", CASES)
def test_sample(lang: str, text: str) -> None:
    assert detect_language(text, CONFIG).code == lang


@pytest.mark.parametrize(
    "text,lang",
    [
        ("ئەم هەواڵە لە لایەن پەیامنێری ئێمە لە کەرکووک ئامادە کراوە", "ckb"),
        ("پەرلەمانی کوردستان کۆبوونەوەی ئاسایی خۆی ئەنجام دا", "ckb"),
        ("د کابل ښار ښاروالۍ د نوي سړک کار پیل کړ", "ps"),
        ("ولسمشر وویل چې سوله د ټولو افغانانو غوښتنه ده", "ps"),
        ("حکومت نے بجلی کی قیمتوں میں کمی کا اعلان کر دیا ہے", "ur"),
        ("دولت برنامه جدیدی برای کاهش تورم ارائه کرده است", "fa"),
        ("أعلنت الحكومة عن خطة جديدة لخفض التضخم خلال العام المقبل", "ar"),
    ],
)
def test_sorani_pashto_and_their_neighbours(text: str, lang: str) -> None:
    assert detect_language(text, CONFIG).code == lang


def test_arabic_with_persian_letters_stays_arabic() -> None:
    iraqi = "وقال محافظ البصرة إن مشروع الگاز سيصل إلى منازل المواطنين في الچبايش قريباً"
    typed = "وأکد الوزیر أن الحکومة ستعمل على تنفیذ القرار فی أسرع وقت ممکن"
    assert detect_language(iraqi, CONFIG).code == "ar"
    assert detect_language(typed, CONFIG).code == "ar"


def test_too_little_text_names_no_language() -> None:
    guess = detect_language("عاجل", CONFIG)
    assert guess.code is None
    assert guess.arabic  # undetermined is not called "not Arabic"
    assert detect_language("", CONFIG).code is None


def test_other_scripts() -> None:
    assert (
        detect_language("הממשלה הודיעה היום על תוכנית חדשה לצמצום האינפלציה", CONFIG).code == "he"
    )
    russian = detect_language("Правительство объявило о новом плане по снижению инфляции", CONFIG)
    assert russian.code is None and "Cyrillic" in russian.reason


@pytest.mark.parametrize(
    "name,lang", [("persian_article", "fa"), ("urdu_article", "ur"), ("english_article", "en")]
)
def test_page_not_in_arabic(name: str, lang: str) -> None:
    data = (ROOT / "fixtures" / "html" / name / "source.html").read_bytes()
    for source in (data, visible_text(data)):
        article = extract(source)
        assert article.language == lang
        assert any(n.startswith("language: the text is") for n in article.notes)
        assert article.paragraphs  # the body is read by structure


def test_declared_language_is_kept_and_the_text_decides() -> None:
    data = (ROOT / "fixtures" / "html" / "french_article" / "source.html").read_bytes()
    article = extract(data)
    assert (article.language, article.declared_language) == ("fr", "ar")
    assert extract(visible_text(data)).declared_language is None


def test_arabic_rules_do_not_read_fields_of_other_languages() -> None:
    # an Arabic byline and source line in an English page are not read as its author or source
    page = "\n".join(
        [
            "Oman expands its largest desalination plant",
            "كتب: أحمد علي",
            "Oman has awarded a contract to expand the Barka desalination plant, a project that "
            "officials say will double the drinking water available to the capital region.",
            "The expansion adds two units powered partly by a new solar field, the company said "
            "in a statement on Monday, and should be finished within three years.",
            "المصدر: وكالة الأنباء العمانية",
        ]
    )
    article = extract(page)
    assert article.language == "en"
    assert article.author is None
    assert article.source is None


LETTER_RUN = re.compile(r"[^\W\d_]+")
# Letters of several scripts, digits of several systems (² is a digit but no decimal), marks,
# the zero-width non-joiner, tatweel, punctuation and every kind of space.
_RUN_ALPHABET = (
    "اأبةىیکپ\u0640\u064e\u0651\u200c\u200fabcÉé2٣۴²½_-.,،()\t\n \u00a0\u2009\u3000\u001f"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_RUN_ALPHABET, max_size=80))
def test_letter_runs_are_the_pattern_runs(text: str) -> None:
    assert letter_runs(text) == LETTER_RUN.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=6))
def test_a_word_sorts_within_a_block_when_its_first_letter_is_in_it(word: str) -> None:
    # (how detect_language tells a run's script without taking its first letter)
    assert ("\u0620" <= word < "\u0700") == ("\u0620" <= word[0] <= "\u06ff")
    assert (word < "\u0250") == (word[0] < "\u0250")


def test_letter_runs_agree_with_the_pattern_on_every_character() -> None:
    # letter_runs tells ASCII and the Arabic letters by code and every other character as the
    # pattern's class does: each code point, alone and between letters of both fast ranges
    for low in range(0, 0x110000, 0x1000):
        chars = "".join(chr(code) for code in range(low, low + 0x1000))
        assert letter_runs(chars) == LETTER_RUN.findall(chars), hex(low)
    for code in range(0x600, 0x700):
        for text in (chr(code), f"ب{chr(code)}a", f"a{chr(code)}ب", f"1{chr(code)} "):
            assert letter_runs(text) == LETTER_RUN.findall(text), hex(code)
