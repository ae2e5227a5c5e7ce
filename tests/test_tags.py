"""Tags: the entries of a keyword list near the article, as HTML marks them up (links under a
label) and as page text gives them (a dump after its label, or one entry a line)."""

from __future__ import annotations

import pytest

from arabic_extract import extract

TITLE = "المعلمون في ولاية الجزيرة يدخلون في إضراب مفتوح للمطالبة بصرف الرواتب المتأخرة"
STORY = (
    "دخل المعلمون في ولاية الجزيرة، صباح الأحد، في إضراب مفتوح عن العمل للمطالبة بصرف رواتبهم "
    "المتأخرة منذ ثلاثة أشهر، ما أدى إلى توقف الدراسة في معظم مدارس الولاية.",
    "وقالت لجنة المعلمين في بيان إن الإضراب سيستمر حتى تستجيب حكومة الولاية لمطالبهم، محملة "
    "وزارة المالية مسؤولية تأخير صرف الرواتب وتدهور أوضاع المعلمين المعيشية.",
)
WANTED = ["المعلمين", "ولاية الجزيرة", "إضراب"]


def _html(tags: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return f"<html lang='ar'><body><article><h1>{TITLE}</h1>{body}{tags}</article></body></html>"


@pytest.mark.parametrize(
    "tags",
    [
        # the label in an element of its own, the links in the next one (Jannah's tag cloud)
        '<div class="post-bottom-meta"><div>الوسوم</div><span class="tagcloud">'
        '<a href="/tag/1" rel="tag">المعلمين</a> <a href="/tag/2" rel="tag">ولاية الجزيرة</a> '
        '<a href="/tag/3" rel="tag">إضراب</a></span></div>',
        # the label and the links in one element
        '<div class="tags">كلمات دلالية: <a href="/tag/1">المعلمين</a> '
        '<a href="/tag/2">ولاية الجزيرة</a> <a href="/tag/3">إضراب</a></div>',
        # Al-Ahram Gate's label, a space before its colon, in an element of its own
        '<div class="tags"><span>الكلمات المتعلقة :</span> <a href="/Tags/1.aspx">المعلمين</a> '
        '<a href="/Tags/2.aspx">ولاية الجزيرة</a> <a href="/Tags/3.aspx">إضراب</a></div>',
    ],
)
def test_tag_links_are_the_tags(tags: str) -> None:
    assert extract(_html(tags)).tags == WANTED


@pytest.mark.parametrize(
    "lines",
    [
        ["كلمات دلالية: المعلمين، ولاية الجزيرة، إضراب"],
        ["الوسوم", "المعلمين", "ولاية الجزيرة", "إضراب"],
        ["الكلمات المتعلقة : المعلمين، ولاية الجزيرة، إضراب"],
        ["الكلمات المتعلقة :", "المعلمين", "ولاية الجزيرة", "إضراب"],
    ],
)
def test_tags_in_page_text(lines: list[str]) -> None:
    article = extract("\n".join([TITLE, *STORY, *lines]))
    assert article.tags == WANTED
    assert not any(tag in article.paragraphs for tag in WANTED)
    markdown = "\n\n".join([f"# {TITLE}", *STORY, *lines]) + "\n"
    assert extract(markdown).tags == WANTED


def test_related_words_in_a_sentence_are_no_tags() -> None:
    # the label's words inside the story's sentence: no tags, the sentence kept
    line = "الكلمات المتعلقة بالإضراب تكررت في بيان لجنة المعلمين أكثر من مرة خلال الأسبوع الماضي."
    for page in (
        "\n".join([TITLE, *STORY, line]),
        _html(f"<p>{line}</p>"),
    ):
        article = extract(page)
        assert article.tags == []
        assert article.paragraphs == [*STORY, line]
