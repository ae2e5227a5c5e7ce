"""The credited source of a story wherever the page credits it: a line of its own or the end of
the story's last paragraph, as agency copy ends (``... إيجابية.--(بترا)``, ``... (رويترز)``), in
HTML and in every shape of page text (one paragraph a line, or the whole story on one line as
lxml's text_content() and BeautifulSoup's get_text() give it)."""

from __future__ import annotations

import pytest

from arabic_extract import extract
from arabic_extract.engine.blocks import line_blocks
from arabic_extract.engine.fields import closing_credit

TITLE = "الولايات المتحدة تسجل 50 ألف وفاة بفيروس كورونا"
LEAD = (
    "بلغت حصيلة الوفيات الناجمة عن فيروس كورونا المستجد في الولايات المتحدة 50 ألفاً مساء "
    "الخميس، بعدما حصد الوباء خلال الساعات الأربع والعشرين الماضية أرواح 3176 مصاباً."
)
LAST = (
    "وفي بيانات نشرها مركز الجامعة، ارتفع إجمالي عدد الإصابات المثبتة مخبرياً بالفيروس في "
    "الولايات المتحدة إلى 866 ألف إصابة بعدما أتت نتيجة الفحوص الأخيرة إيجابية."
)
CREDITS = [
    ("--(بترا)", "بترا"),
    (" (رويترز)", "رويترز"),
    ("(أ ف ب)", "أ ف ب"),
    (" - (الأناضول)", "الأناضول"),
    (" (CNN)", "CNN"),
]


def _html(last: str) -> str:
    return f"<html><body><h1>{TITLE}</h1><p>{LEAD}</p><p>{last}</p></body></html>"


@pytest.mark.parametrize("credit,source", CREDITS)
def test_a_credit_after_the_last_sentence_is_the_source(credit: str, source: str) -> None:
    last = LAST + credit
    shapes = {
        "html": _html(last),
        "text": f"{TITLE}\n{LEAD}\n{last}",
        # lxml's text_content(), BeautifulSoup's get_text(): the story's paragraphs run together
        "glued": f"{TITLE}\n{LEAD}{last}",
    }
    for shape, page in shapes.items():
        assert extract(page).source == source, shape


@pytest.mark.parametrize(
    "last",
    [
        # the agency is quoted inside the sentence, or the bracket is no credit
        LAST[:-1] + " (رويترز).",
        LAST.replace("مركز الجامعة،", "مركز الجامعة (رويترز)،"),
        LAST + " (انتهى)",
        LAST + " (صور)",
    ],
)
def test_a_bracket_that_credits_no_outlet_is_no_source(last: str) -> None:
    assert extract(_html(last)).source is None
    assert extract(f"{TITLE}\n{LEAD}\n{last}").source is None


def test_a_separate_source_line_comes_first() -> None:
    page = f"{TITLE}\n{LEAD}\n{LAST} (رويترز)\nالمصدر: سكاي نيوز عربية"
    assert extract(page).source == "سكاي نيوز عربية"


def test_the_credit_keeps_its_original_spelling() -> None:
    (block,) = line_blocks([LAST + " (أ.ف.ب)"], 10_000)
    assert closing_credit(block) == "أ.ف.ب"


def test_a_caption_credit_is_no_closing_credit() -> None:
    # a photo's caption ends with its credit without a sentence before it
    (block,) = line_blocks(["الرئيس الأمريكي في البيت الأبيض (رويترز)"], 10_000)
    assert closing_credit(block) is None
