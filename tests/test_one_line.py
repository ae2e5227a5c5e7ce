"""A whole page joined on one line (BeautifulSoup's ``get_text(" ")``, trafilatura's
``html2txt``, resiliparse without formatting), cut back into lines before it is read
(:mod:`arabic_extract.engine.one_line`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from growth import best_time, growth, linear

from arabic_extract import ExtractionConfig, extract
from arabic_extract.engine import one_line
from arabic_extract.engine.one_line import _sentence_ends, cut_line, cut_page, page_line
from arabic_extract.evaluation import prf
from arabic_extract.shapes import ONE_LINE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_shapes import DEV, html_of, reference

CONFIG = ExtractionConfig()

HEADLINE = "وزارة الزراعة تطلق خطة لدعم مزارعي الزيتون في المحافظات الجنوبية"
LEAD = (
    "أعلنت وزارة الزراعة اليوم الأربعاء عن خطة جديدة لدعم مزارعي الزيتون في المحافظات "
    "الجنوبية، تشمل قروضا ميسرة وتوزيع شتلات محسنة على أكثر من خمسة آلاف مزارع."
)
BODY = [
    LEAD,
    "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تهدف إلى رفع إنتاج زيت الزيتون بنسبة عشرين "
    "في المئة خلال ثلاث سنوات، وإن المزيد من الدعم سيصل إلى صغار المزارعين في القرى النائية.",
    "وأضاف أن الوزارة خصصت لهذا الغرض ميزانية تتجاوز مئة مليون دينار، بالتعاون مع البنك "
    "الزراعي والجمعيات التعاونية في المحافظات الثلاث.",
    "ومن المنتظر أن يبدأ توزيع الشتلات مطلع الشهر المقبل، على أن تتولى لجان فنية متابعة "
    "تنفيذ الخطة وتقديم تقارير دورية إلى الوزارة عن نتائجها في كل محافظة.",
    "وكان موسم الزيتون الماضي قد شهد تراجعا في الإنتاج بسبب الجفاف وارتفاع درجات الحرارة، "
    "ما دفع المزارعين إلى المطالبة بتعويضات عن خسائرهم وبدعم أسعار الأسمدة والري.",
    "ورحبت نقابة المزارعين بالخطة في بيان أصدرته مساء اليوم، ودعت إلى تبسيط إجراءات "
    "الحصول على القروض وإشراك النقابة في لجان المتابعة حتى تصل الشتلات إلى مستحقيها.",
]
MENU = "الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة ثقافة وفنون منوعات صحة تكنولوجيا فيديو"
TEASERS = [
    "ارتفاع أسعار الخضر في الأسواق المحلية مع بداية الصيف",
    "الترجي يتأهل إلى نهائي الكأس بعد فوز صعب على النجم",
    "أمطار غزيرة متوقعة في الشمال الغربي نهاية الأسبوع",
    "افتتاح معرض الكتاب الدولي بمشاركة أكثر من مئتي دار نشر",
    "وزير الصحة يتفقد المستشفى الجامعي ويعد بتحسين الخدمات",
    "انطلاق امتحانات الباكالوريا بمشاركة مئة وخمسين ألف مترشح",
]
MOST_READ = [
    "الأكثر قراءة",
    "مجلس النواب يصادق على قانون المالية التكميلي بأغلبية مريحة",
    "ارتفاع درجات الحرارة إلى أربعين درجة في الجنوب يومي الخميس والجمعة",
    "البنك المركزي يبقي على نسبة الفائدة الرئيسية دون تغيير للشهر الثالث",
    "وزارة التربية تعلن مواعيد التسجيل في المدارس الإعدادية للعام المقبل",
    "من نحن اتصل بنا سياسة الخصوصية شروط الاستخدام أعلن معنا",
]
PAGE = " ".join(
    [
        f"{HEADLINE} - الأفق نيوز",
        MENU,
        "آخر الأخبار",
        *TEASERS[:2],
        "اقتصاد",
        HEADLINE,
        "الأربعاء 15 مايو 2024 10:30",
        "شارك هذا الخبر فيسبوك واتساب",
        *BODY,
        "كلمات دلالية: الزيتون الزراعة المحافظات الجنوبية",
        "مقالات ذات صلة",
        *TEASERS,
        *MOST_READ,
        "جميع الحقوق محفوظة © 2024 الأفق نيوز",
    ]
)


def test_a_page_on_one_line_gives_its_article() -> None:
    """Menus, teaser lists, the date, the share prompt, the keywords and the footer are told
    from the article's sentences, which come back whole and unchanged; the headline is where
    the page shows its title again."""
    assert len(PAGE) >= CONFIG.one_line_page_chars
    article = extract(PAGE)
    assert " ".join(article.paragraphs) == " ".join(BODY)
    assert article.headline == HEADLINE
    assert article.published is not None and article.published.date().isoformat() == "2024-05-15"


def test_the_note_says_the_page_was_cut() -> None:
    note = [n for n in extract(PAGE).notes if n.startswith("text: one line of")]
    assert note == [
        f"text: one line of {len(PAGE)} characters (a whole page joined by spaces, as "
        "BeautifulSoup's get_text(' ') gives it), cut back into lines at its sentences, dates, "
        "prompts and list headers; its menus and lists are told from its article less surely "
        "than in lines: pass the HTML, or the text with its line breaks"
    ]
    in_lines = "\n".join([MENU, HEADLINE, *BODY, *TEASERS, *MOST_READ])
    assert not any(n.startswith("text: one line") for n in extract(in_lines).notes)
    assert not any(n.startswith("text: one line") for n in extract(LEAD).notes)
    assert cut_page(in_lines, CONFIG) is None
    assert cut_page(LEAD, CONFIG) is None


@pytest.mark.parametrize("before", [0, 1, 5, 40])
@pytest.mark.parametrize("after", [0, 1, 5, 40])
@pytest.mark.parametrize("long_words", [200, 400, 800])
def test_the_quick_check_answers_as_page_line(before: int, after: int, long_words: int) -> None:
    """cut_page rules a text out when a line break stands in its middle, without splitting
    it: it says what page_line says of its lines."""
    short = "سطر قصير من كلمات"
    text = "\n".join([*[short] * before, " ".join(["كلمة"] * long_words), *[short] * after])
    expected = page_line(text.splitlines(), CONFIG) is not None
    assert (cut_page(text, CONFIG) is not None) == expected


def test_an_article_alone_on_one_line_keeps_all_of_its_text() -> None:
    """Another extractor's output joined on one line is all article: every sentence is kept."""
    text = " ".join(BODY * 3)
    assert len(text) >= CONFIG.one_line_page_chars
    assert " ".join(extract(text).paragraphs) == text


def test_pieces_are_the_original_text_in_order() -> None:
    """The pieces cover the line, unchanged: diacritics, tatweel and spacing as written."""
    line = "  ".join(
        ["الرئيـــسية", "الأربعاء 15 مايو 2024", "أعلنَت الوزارةُ اليومَ عن خطةٍ جديدة.", *BODY]
    )
    pieces = cut_line(line, CONFIG)
    assert " ".join(pieces).split() == line.split()
    assert all(piece in line for piece in pieces)
    assert "أعلنَت الوزارةُ اليومَ عن خطةٍ جديدة." in pieces


@pytest.mark.parametrize(
    "phrases, pattern",
    [
        (one_line.PROMPT_PHRASES, one_line._PROMPTS),
        (one_line.HEADER_PHRASES, one_line._HEADERS),
        (one_line.FOOTER_PHRASES, one_line._FOOTERS),
    ],
    ids=["prompts", "headers", "footers"],
)
def test_the_phrase_tries_read_as_the_phrases_longest_first(
    phrases: frozenset[str], pattern: regex.Pattern[str]
) -> None:
    # the prompts', headers' and footers' phrases are one trie each: it finds what their
    # alternation, longest first, finds, at word bounds, in and around one another
    alternation = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    plain = regex.compile(f"{one_line.WORD_BEFORE}(?:{alternation}){one_line.WORD_AFTER}")
    ordered = sorted(phrases)
    texts = [
        " ".join(ordered),
        "، ".join(ordered),
        "".join(ordered),
        " و".join(ordered),
        " ".join(p + "ات" for p in ordered),
        " ".join(p.rsplit(" ", 1)[0] for p in ordered),
        " ".join(p[:-1] for p in ordered),
    ]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
    assert len(pattern.findall(texts[1])) == len(phrases)


def test_where_a_line_is_cut() -> None:
    """At sentence ends and ellipses, around dates (with their weekday) and clock times, around
    prompts wherever they stand, and around list headers only outside sentences (المزيد من
    is also a phrase of sentences)."""
    expected = [
        "وزير الزراعة يفتتح الموسم...",
        "الأربعاء 15 مايو 2024",
        "10:30",
        "وقال الوزير إن المزيد من الدعم سيصل قريبا.",
        "شارك هذا الخبر",
        "المزيد من الأخبار",
    ]
    assert cut_line(" ".join(expected), CONFIG) == expected


def test_a_keyword_list_s_one_word_label_is_cut_outside_sentences() -> None:
    """الوسوم heads a keyword list: cut around outside sentences, kept inside one."""
    sentence = "وتداول المستخدمون الوسوم الخاصة بالعاصفة على نطاق واسع أمس."
    pieces = cut_line(f"{sentence} فيديو إنقاذ راع في الثلوج الوسوم عاصفة ثلجية لبنان", CONFIG)
    assert pieces == [sentence, "فيديو إنقاذ راع في الثلوج", "الوسوم", "عاصفة ثلجية لبنان"]


def test_a_footer_is_cut_before_its_phrases_and_keeps_its_owner() -> None:
    """The owner follows a footer's phrase (محفوظة لـ ...): the site's name is read from it."""
    footer = "جميع الحقوق محفوظة لـ اليوم السابع"
    pieces = cut_line(f"{LEAD} من نحن سياسة الخصوصية {footer} تم التصميم والتطوير", CONFIG)
    assert footer in pieces
    assert pieces[-1] == "تم التصميم والتطوير"
    page = " ".join([LEAD] * 14 + ["من نحن سياسة الخصوصية", footer, "تم التصميم والتطوير"])
    assert len(page) >= CONFIG.one_line_page_chars  # (read as a page on one line)
    assert extract(page).site_name == "اليوم السابع"


def test_a_share_bar_s_buttons_are_cut_off() -> None:
    """Two or more of a share bar's buttons in a row, or one after its prompt, are a piece of
    their own; a network a sentence names is not."""
    sentence = "وقال الوزير عبر فيسبوك وتويتر إن الخطة ستبدأ الشهر المقبل."
    pieces = cut_line(f"شارك هذا الخبر فيسبوك {sentence} طباعة واتساب تويتر {LEAD}", CONFIG)
    assert pieces == ["شارك هذا الخبر", "فيسبوك", sentence, "طباعة واتساب تويتر", LEAD]
    pieces = cut_line(f"كتبت أسماء نصار مشاركة أضف تعليقاً {LEAD}", CONFIG)
    assert pieces == ["كتبت أسماء نصار", "مشاركة", "أضف تعليقاً", LEAD]


def test_a_clock_time_takes_its_time_zone() -> None:
    """A time zone after a clock time is part of the stamp: the dateline after it starts a
    line, as the source needs it to."""
    pieces = cut_line("آخر تحديث 14:00 (GMT+0400) دمشق، سوريا (CNN) -- " + LEAD, CONFIG)
    assert pieces == ["آخر تحديث", "14:00 (GMT+0400)", "دمشق، سوريا (CNN) -- " + LEAD]
    assert cut_line("الساعة 10:30 بتوقيت القدس " + LEAD, CONFIG)[1:] == ["10:30 بتوقيت القدس", LEAD]


def test_items_run_together_are_cut_into_items() -> None:
    """A piece of one_line_run_words words or more that ends no sentence (a menu, a list of
    teasers) is cut into items of one_line_item_words words; a sentence of as many is not."""
    words = " ".join(TEASERS).split()
    assert len(words) >= CONFIG.one_line_run_words
    pieces = cut_line(" ".join(words), CONFIG)
    assert all(len(p.split()) <= CONFIG.one_line_item_words for p in pieces)
    assert " ".join(pieces) == " ".join(words)
    sentence = " ".join(words) + "."
    assert cut_line(sentence, CONFIG) == [sentence]


def test_the_title_above_the_lead_is_cut_from_the_menu_before_it() -> None:
    """Without the page's title at the top, the headline is the run of words above the lead
    that shares its words."""
    date = "الأربعاء 15 مايو 2024"
    page = " ".join(
        [MENU, "آخر الأخبار", *TEASERS, "اقتصاد", HEADLINE, date, *BODY, *MOST_READ, *TEASERS]
    )
    assert len(page) >= CONFIG.one_line_page_chars
    pieces = cut_line(page, CONFIG)
    assert HEADLINE.split()[-8:] == pieces[pieces.index(date) - 1].split()[-8:]
    assert extract(page).paragraphs == BODY


def test_a_headline_run_into_its_lead_is_cut_off_it() -> None:
    """The headline shown in the page's header (with its section's name after it) and again
    right above the lead, where no mark parts them: the lead's sentence is cut after it."""
    page = " ".join(
        [MENU, HEADLINE, "اقتصاد", "الأربعاء 15 مايو 2024", "شارك هذا الخبر", HEADLINE, *BODY]
    )
    pieces = cut_line(page, CONFIG)
    assert pieces.count(HEADLINE) == 2
    assert LEAD in pieces


# --- linear time -------------------------------------------------------------------------------

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "sentence marks": lambda n: "كلمة. " * n,
    "runs of marks": lambda n: "۔" * n,
    "dates": lambda n: "الأربعاء 15 مايو 2024 " * (n // 4),
    "clock times": lambda n: "10:30 " * n,
    "clock times with zones": lambda n: "10:30 (GMT+0400) " * (n // 3),
    "prompts": lambda n: "شارك هذا الخبر " * (n // 3),
    "headers": lambda n: "مقالات ذات صلة " * (n // 3),
    "title separators": lambda n: "عنوان الخبر هنا - " * (n // 4),
    "title shown again": lambda n: "عنوان الخبر هنا - الموقع " + "عنوان الخبر هنا " * (n // 3),
    "words without marks": lambda n: "كلمة " * n,
    "ellipses": lambda n: "عنوان... " * n,
    "buttons": lambda n: "فيسبوك " * (n // 7),
    "prompts and buttons": lambda n: "شارك هذا الخبر فيسبوك " * (n // 21),
    "same openings": lambda n: "وزير الصحة يتفقد المستشفى اليوم وزير الصحة يتفقد. " * (n // 8),
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_cutting_time_grows_linearly(name: str) -> None:
    small, large = growth(lambda text: cut_line(text, CONFIG), ADVERSARIAL[name])
    assert linear(small, large), f"{name}: {small:.4f}s -> {large:.4f}s"


# --- the dev pages as one-line renderers write them ----------------------------------------------


@pytest.mark.parametrize("name", ONE_LINE)
def test_the_dev_pages_on_one_line(name: str) -> None:
    """Body F1 against the HTML's article: at least 0.85 on each dev page, 0.93 on average
    (0.96-0.97 today, worst page 0.92; 0.50-0.60 before the cutting; docs/benchmarks.md has
    the scores against the gold)."""
    pages = sorted(DEV.glob("*.html"))
    if not pages:
        pytest.skip("../shared/eval/dev is not there")
    try:
        texts = {path.stem: ONE_LINE[name](html_of(path)) for path in pages}
    except ImportError as exc:  # (its renderer's package is not installed)
        pytest.skip(str(exc))
    scores = {
        path.stem: prf(extract(texts[path.stem]).paragraphs, reference(path).paragraphs).f1
        for path in pages
    }
    assert min(scores.values()) >= 0.85, scores
    assert sum(scores.values()) / len(scores) >= 0.93, scores


def test_a_run_of_marks_makes_no_sentences() -> None:
    # "! ! !" holds no letter between its marks: no sentence ends there, so a hostile line of
    # them is not cut into thousands of pieces (the cut before was linear, but a block a mark)
    assert _sentence_ends("! " * 50) == []
    assert _sentence_ends("جملة اولي. ! ! جملة ثانيه. ") == [10, 26]


def test_marks_with_no_words_between_them_are_no_items() -> None:
    # a run of items is words with letters: " " " ... and 0 0 0 ... stay one piece (they were
    # a block every two marks or numbers)
    config = ExtractionConfig()
    assert cut_line('" ' * 400 + '"', config) == ['" ' * 400 + '"']
    assert cut_line("0 " * 400 + "0", config) == ["0 " * 400 + "0"]
    # a run of words is cut into one_line_max_items items at most, the rest one piece
    stamps = cut_line("!3:20" * 3000, config)  # a hostile line of stamps: bounded cuts
    assert len(stamps) <= config.one_line_max_cuts + 1
    pieces = cut_line("ب " * 4000, config)
    assert len(pieces) == config.one_line_max_items + 1
    assert pieces[-1].split() == ["ب"] * (4000 - 2 * config.one_line_max_items)
    menu = " ".join(["الرئيسية", "أخبار", "رياضة", "اقتصاد", "ثقافة", "فنون", "صحة", "تقنية"] * 3)
    assert len(cut_line(menu, config)) > 1


@pytest.mark.parametrize(
    "line",
    [
        "tags " * 3000,  # a list's label: each step's cuts are bounded, the headers' too
        "09:22 " * 3000,  # stamps a few characters apart
        "شارك هذا الخبر " * 1000,  # prompts
        "الجمعة 8 فيفري 2019 " * 800,  # dates
    ],
    ids=["labels", "stamps", "prompts", "dates"],
)
def test_a_line_is_cut_at_most_once_every_few_characters(line: str) -> None:
    config = ExtractionConfig()
    pieces = cut_line(line.strip(), config)
    assert len(pieces) <= len(line) // config.one_line_cut_chars + 1
    # the rest of the line is one piece, the original text
    assert " ".join(pieces) == line.strip()
    # (at one cut a million characters, the floor of 100 cuts: fewer pieces)
    fewer = cut_line(line.strip(), ExtractionConfig(one_line_cut_chars=10**6))
    assert len(fewer) < len(pieces)


def test_a_long_lead_is_read_once_however_many_titles_reach_it() -> None:
    # a sentence is the lead of every piece among the few before it that could be its title:
    # each of them read its words again (a 16 KB line of a thousand stamps, the line's rest one
    # long "sentence", cost 19 ms compiled, and the fuzz test of extract's growth found it).
    # Its words are read once, so the line costs about what its parts cost apart (1.5x; 5x
    # when each title read them).
    stamps = " 09:22 مساء" * 30
    sentence = " ".join(LEAD.split()[:-1] * 200) + "."
    apart = best_time(lambda text: cut_line(text, CONFIG), stamps) + best_time(
        lambda text: cut_line(text, CONFIG), sentence
    )
    joined = best_time(lambda text: cut_line(text, CONFIG), stamps + " " + sentence)
    assert joined <= 3 * max(apart, 1e-4), f"{apart:.4f}s apart, {joined:.4f}s joined"
