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


HASHTAGS = "#المعلمين#ولاية_الجزيرة#إضراب"


MORE = (
    "وأكدت اللجنة أن الإضراب سيتواصل حتى صرف جميع الرواتب المتأخرة، داعية أولياء الأمور إلى "
    "تفهم موقف المعلمين الذين لم يعد بإمكانهم تحمل تكاليف التنقل إلى المدارس.",
)


@pytest.mark.parametrize("after", [(), MORE])
def test_a_line_of_hashtags_is_the_tags(after: tuple[str, ...]) -> None:
    # Raseef22 ends its stories with the tags as hashtags, joined on one line in page text; a
    # line of hashtags between two paragraphs is tags too, and the story goes on after it
    lines = [TITLE, *STORY, HASHTAGS, *after]
    markdown = "\n\n".join(lines) + "\n"
    html = _html(f"<p>{HASHTAGS}</p>" + "".join(f"<p>{p}</p>" for p in after))
    links = "".join(f'<a href="/tag/{k}">#{t}</a>' for k, t in enumerate(HASHTAGS[1:].split("#")))
    linked = _html(f"<div>{links}</div>" + "".join(f"<p>{p}</p>" for p in after))
    for page in ("\n".join(lines), markdown, html, linked):
        article = extract(page)
        assert article.tags == WANTED
        assert article.paragraphs == [*STORY, *after]


def test_a_hashtag_opening_a_sentence_is_no_tag() -> None:
    line = "#عاجل المعلمون يعلقون الإضراب بعد صرف رواتب شهر واحد من الأشهر الثلاثة المتأخرة."
    for page in ("\n".join([TITLE, *STORY, line]), _html(f"<p>{line}</p>")):
        article = extract(page)
        assert article.tags == []
        assert article.paragraphs == [*STORY, line]


def test_a_posts_hashtags_are_the_posts() -> None:
    # an embedded post's text ends with its hashtags above its signature: all of it is the
    # post's, no tag of the article, and the story goes on after it
    post = ("المعلمون يواصلون الإضراب لليوم الثالث", "#المعلمين #إضراب")
    signature = "— لجنة المعلمين (@teachers_sd) 12 يناير 2025"
    last = "وأكدت اللجنة أن الإضراب سيتواصل حتى صرف جميع الرواتب المتأخرة للمعلمين."
    article = extract("\n".join([TITLE, STORY[0], *post, signature, STORY[1], last]))
    assert article.tags == []
    assert article.paragraphs == [*STORY, last]
