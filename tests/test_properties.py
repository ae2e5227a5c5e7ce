"""Property tests (hypothesis) of :func:`arabic_extract.extract` on generated pages.

Pages are built from realistic lines: Arabic "sentences" (words of a small vocabulary, joined,
ending with a full stop), headlines, menus and share lines. Properties: nothing but the
documented exceptions; every paragraph is a line of the input (nothing invented) and the
paragraphs keep the input's order; extracting the extracted body again gives the same body;
the result does not depend on line endings or trailing whitespace.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from arabic_extract import Article, ExtractionConfig, InputError, extract
from arabic_extract.engine.reflow import is_cut
from arabic_extract.outputs import to_text as format_text

# Derandomised: the same examples on every run, so that CI is stable; raise max_examples or
# drop derandomize locally to search further.
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = (
    *("في", "من", "على", "إلى", "أن", "التي", "الذي", "مع", "بعد", "خلال", "هذا", "كما"),
    *("وقال", "وأضاف", "أعلنت", "الوزارة", "الحكومة", "الرئيس", "المدينة", "اليوم", "الأربعاء"),
    *("مشروع", "جديد", "الاقتصاد", "المياه", "الزراعة", "الطلاب", "المستشفى", "الطريق"),
    *("ملايين", "دولار", "العام", "الماضي", "بنسبة", "عشرين", "المئة", "المواطنين", "السكان"),
    *("وأكد", "ضرورة", "تعزيز", "التعاون", "بين", "البلدين", "لتحسين", "الخدمات", "العامة"),
)
MENU_ITEMS = ("الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة", "فيديو", "منوعات", "اتصل بنا")
SHARE_LINES = (
    "شارك",
    "شارك على فيسبوك",
    "تويتر | واتساب | تلغرام",
    "اقرأ أيضاً:",
    "تابعونا على تويتر",
    "منذ 3 ساعات",
    "الكلمات المفتاحية: اقتصاد، زراعة",
)

word = st.sampled_from(WORDS)


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 8, max_words: int = 30) -> str:
    words = draw(st.lists(word, min_size=min_words, max_size=max_words))
    if len(words) > 6 and draw(st.booleans()):
        words[len(words) // 2] += "،"
    return " ".join(words) + draw(st.sampled_from([".", ".", ".", "؟", "!"]))


headline = st.lists(word, min_size=5, max_size=10).map(" ".join)
menu = st.lists(st.sampled_from(MENU_ITEMS), min_size=3, max_size=6, unique=True)
share = st.sampled_from(SHARE_LINES)


@st.composite
def page_lines(draw: st.DrawFn, min_sentence_words: int = 8) -> list[str]:
    """A page as lines: furniture, perhaps a headline, a run of sentences, furniture."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines += draw(menu)
    if draw(st.booleans()):
        lines.append(draw(headline))
    for _ in range(draw(st.integers(1, 3))):
        lines += draw(st.lists(sentence(min_sentence_words), min_size=1, max_size=5))
        if draw(st.booleans()):
            lines.append(draw(share))
    if draw(st.booleans()):
        lines += draw(menu)
    return lines


def blank_lines(lines: list[str]) -> str:
    """Lines joined as scrapers write them: paragraphs separated by a blank line."""
    return "\n\n".join(lines) + "\n"


arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(" \n\r\t.،؛؟!:-|«»()0123456789\u200f\u200e\u200b\u0640"),
    ),
    max_size=2000,
)


# --------------------------------------------------------------------------- robustness


@SETTINGS
@given(arabic_text)
def test_any_arabic_text_gives_an_article(text: str) -> None:
    article = extract(text)
    article.model_dump_json()
    if not article.paragraphs:
        assert any(note.startswith("body:") for note in article.notes)


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_give_an_article_or_input_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        extract(data).model_dump_json()


@SETTINGS
@given(st.text(max_size=2000))
def test_any_unicode_text_gives_an_article_or_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        extract(text).model_dump_json()


@SETTINGS
@given(page_lines(), st.sampled_from(["div", "p", "li"]))
def test_any_html_page_gives_an_article(lines: list[str], tag: str) -> None:
    html = "<html><body>" + "".join(f"<{tag}>{line}</{tag}>" for line in lines) + "</body></html>"
    article = extract(html)
    for paragraph in article.paragraphs:
        assert paragraph in lines  # nothing invented


# --------------------------------------------------------------------------- faithfulness


def in_order(paragraphs: list[str], lines: list[str]) -> bool:
    """Each paragraph is one of the lines, and they come in the lines' order."""
    position = 0
    for paragraph in paragraphs:
        try:
            position = lines.index(paragraph, position) + 1
        except ValueError:
            return False
    return True


def joined_in_order(paragraphs: list[str], lines: list[str]) -> bool:
    """Each paragraph is one of the lines, or consecutive lines joined (the text reader joins
    a sentence cut over lines: see arabic_extract.engine.reflow), and they come in the lines'
    order."""
    position = 0
    for paragraph in paragraphs:
        while position < len(lines) and not paragraph.startswith(lines[position]):
            position += 1
        if position == len(lines):
            return False
        rest = paragraph[len(lines[position]) :]
        position += 1
        while rest:
            if position == len(lines):
                return False
            piece = lines[position]
            if rest.startswith(" " + piece):
                rest = rest[len(piece) + 1 :]
            elif rest.startswith(piece):
                rest = rest[len(piece) :]
            else:
                return False
            position += 1
    return True


@SETTINGS
@given(page_lines())
def test_every_paragraph_is_an_input_line_in_order(lines: list[str]) -> None:
    article = extract(blank_lines(lines))
    stripped = [line.strip() for line in lines]
    for paragraph in article.paragraphs:
        assert paragraph in stripped
    assert in_order(article.paragraphs, stripped)


@SETTINGS
@given(page_lines())
def test_every_paragraph_is_input_lines_joined_in_order(lines: list[str]) -> None:
    # without blank lines between them, lines cut inside a sentence are joined back
    article = extract("\n".join(lines) + "\n")
    stripped = [line.strip() for line in lines]
    assert joined_in_order(article.paragraphs, stripped)


# Idempotence. Hypothesis found that it fails for a legit engine reason when the body has a
# short paragraph (fewer than good_min_words = 10 words: "near" prose, not "good"): next to the
# headline's place, such a line reads as the headline or as body depending on what surrounds it
# (a share line, a headline before it), and extracting again changes that surrounding. These
# are kept as known counterexamples (strict xfail: they flip when the engine changes); the
# properties themselves are stated for bodies of "good" paragraphs, 10 words or more.
IDEMPOTENCE_COUNTEREXAMPLES = {
    "body alone: short first paragraph becomes the headline": [
        "في في في في في",
        "في في في في في في في أعلنت؟",
        "في في في في في في في في في أعلنت.",
    ],
    "text output: short headline-like line joins the body": [
        "في في في في في في في في؟",
        "شارك",
        "في في في في في، في في في.",
    ],
}


def text_output(article: Article) -> str:
    """The CLI's text output: the headline, a blank line, the body."""
    return format_text(article)


@pytest.mark.xfail(strict=True, reason="engine: short paragraphs next to the headline's place")
@pytest.mark.parametrize(
    "lines", list(IDEMPOTENCE_COUNTEREXAMPLES.values()), ids=list(IDEMPOTENCE_COUNTEREXAMPLES)
)
def test_idempotence_known_counterexamples(lines: list[str]) -> None:
    first = extract(blank_lines(lines))
    assert extract("\n".join(first.paragraphs)).paragraphs == first.paragraphs
    assert extract(text_output(first)).paragraphs == first.paragraphs


good_pages = page_lines(min_sentence_words=10)


@SETTINGS
@given(good_pages)
def test_extracting_the_body_again_gives_the_same_body(lines: list[str]) -> None:
    first = extract(blank_lines(lines))
    if not first.paragraphs:
        return
    again = extract("\n".join(first.paragraphs))
    assert again.paragraphs == first.paragraphs


@SETTINGS
@given(good_pages)
def test_extracting_the_text_output_again_gives_the_same_article(lines: list[str]) -> None:
    """The CLI's text output (headline, blank line, body) extracted again: same body, same
    headline."""
    first = extract(blank_lines(lines))
    if not first.paragraphs:
        return
    again = extract(text_output(first))
    assert again.paragraphs == first.paragraphs
    assert again.headline == first.headline


@SETTINGS
@given(
    page_lines(),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.lists(st.sampled_from(["", " ", "  ", "\t", " \t "]), min_size=1, max_size=8),
    st.booleans(),
)
def test_line_endings_and_trailing_whitespace_do_not_matter(
    lines: list[str], newline: str, trailing: list[str], final_newline: bool
) -> None:
    reference = extract("\n".join(lines))
    padded = [line + trailing[i % len(trailing)] for i, line in enumerate(lines)]
    page = newline.join(padded) + (newline if final_newline else "")
    assert extract(page).paragraphs == reference.paragraphs
    assert extract(page.encode("utf-8")).paragraphs == reference.paragraphs


@SETTINGS
@given(page_lines())
def test_blank_lines_between_paragraphs_do_not_matter(lines: list[str]) -> None:
    # (a line that stops on a word no sentence ends on is joined with the next one when no
    # blank line stands between them: see test_every_paragraph_is_input_lines_joined_in_order)
    assume(not any(is_cut(line.strip()) for line in lines if line.strip()))
    assert extract(blank_lines(lines)).paragraphs == extract("\n".join(lines)).paragraphs


@settings(max_examples=60, deadline=None)
@given(page_lines(), st.integers(min_value=200, max_value=2000))
def test_max_line_chars_never_changes_short_pages(lines: list[str], limit: int) -> None:
    """Lines shorter than max_line_chars are matched whole: the limit changes nothing."""
    page = blank_lines(lines)
    longest = max(len(line) for line in lines)
    config = ExtractionConfig(max_line_chars=max(limit, longest))
    assert extract(page, config=config).paragraphs == extract(page).paragraphs
