"""The page type (:mod:`arabic_extract.engine.page_type`): every fixture typed right from its HTML
and from its visible text, every article (fixtures, seeds, dev pages) typed article, and the
classifier's signals one by one on small pages written here."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from arabic_extract import Article, ExtractionConfig, extract
from arabic_extract.engine.blocks import line_blocks
from arabic_extract.engine.features import features
from arabic_extract.engine.page_type import PageHints, _Item, _stamp, prose_stretch, teaser_lists
from arabic_extract.engine.pipeline import analyse
from arabic_extract.engine.reflow import text_lines
from arabic_extract.evaluation import visible_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DEV = ROOT.parent / "shared" / "eval" / "dev"
HTML = sorted(p.parent for p in (FIXTURES / "html").glob("*/source.html"))
TEXT = sorted(p.parent for p in FIXTURES.glob("*/*/input.txt"))


def expected(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return data


@cache
def html_article(name: str, mode: str) -> Article:
    data = (FIXTURES / "html" / name / "source.html").read_bytes()
    return extract(data if mode == "html" else visible_text(data))


# --- fixtures -------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["html", "text"])
@pytest.mark.parametrize("folder", HTML, ids=[f.name for f in HTML])
def test_fixture_typed_right_in_both_shapes(folder: Path, mode: str) -> None:
    want = expected(folder)
    article = html_article(folder.name, mode)
    assert article.page_type == want.get("page_type", "article"), article.notes
    assert article.language == want.get("language", "ar"), article.notes
    if article.page_type == "listing":
        assert article.paragraphs == []
        assert any(n.startswith("page: a listing") for n in article.notes)


@pytest.mark.parametrize("folder", TEXT, ids=[f"{f.parent.name}/{f.name}" for f in TEXT])
def test_text_fixtures_and_seeds_are_arabic_articles(folder: Path) -> None:
    article = extract((folder / "input.txt").read_bytes())
    assert (article.page_type, article.language) == ("article", "ar")


def test_every_page_type_has_a_fixture() -> None:
    types = {str(expected(f).get("page_type", "article")) for f in HTML}
    assert types == {"article", "listing", "live", "gallery", "video"}
    languages = {str(expected(f).get("language", "ar")) for f in HTML}
    assert {"ar", "fa", "ur", "en", "fr"} <= languages


@pytest.mark.skipif(not DEV.is_dir(), reason=f"shared dev set not found at {DEV}")
@pytest.mark.parametrize("mode", ["html", "text"])
def test_dev_pages_are_arabic_articles(mode: str) -> None:
    for page in sorted(DEV.glob("*.html")):
        data = page.read_bytes()
        article = extract(data if mode == "html" else visible_text(data))
        assert (article.page_type, article.language) == ("article", "ar"), (page.name, mode)
        assert not any(n.startswith(("page:", "language:")) for n in article.notes)


@pytest.mark.skipif(not DEV.is_dir(), reason=f"shared dev set not found at {DEV}")
def test_declared_language_is_kept_beside_the_text_language() -> None:
    # 008 declares en-US over Arabic text
    article = extract((DEV / "008.html").read_bytes())
    assert (article.language, article.declared_language) == ("ar", "en-US")


# --- what each page type gives ------------------------------------------------------------


def test_listing_gives_no_article_fields() -> None:
    article = html_article("listing_section", "html")
    assert article.headline == "اقتصاد"
    assert (article.author, article.source, article.published, article.tags) == (
        None,
        None,
        None,
        [],
    )
    assert article.teasers == []


def test_listing_teasers_on_request() -> None:
    data = (FIXTURES / "html" / "listing_section" / "source.html").read_bytes()
    article = extract(data, config=ExtractionConfig(listing_teasers=True))
    assert article.paragraphs == []
    texts = [t.text for t in article.teasers]
    assert texts[0] == "أسعار النفط ترتفع 2 في المئة بعد تراجع المخزونات الأمريكية"
    assert len(texts) == 8
    assert article.teasers[0].url == "https://sawt-alkhaleej.example/2024/09/18/51207/"
    text = extract(visible_text(data), config=ExtractionConfig(listing_teasers=True))
    assert [t.text for t in text.teasers][:1] == texts[:1]
    assert text.teasers[0].url is None


def test_live_entries_in_page_order_with_times_and_titles() -> None:
    for mode in ("html", "text"):
        article = html_article("live_blog", mode)
        times = [e.time for e in article.entries]
        assert times == ["13:05", "12:20", "11:40", "10:15", "09:30", "08:05", "07:10", "06:20"]
        titled = {e.time: e.title for e in article.entries if e.title}
        assert titled == {
            "13:05": "ارتفاع حصيلة الإصابات في هاتاي",
            "11:40": "فرق إنقاذ أردنية تصل إلى المنطقة",
            "09:30": "هزة ارتدادية بقوة 4.3 درجات",
            "06:20": "زلزال يضرب المنطقة الحدودية",
        }
        assert len(article.entries[2].paragraphs) == 2
        body = [p for e in article.entries for p in ([e.title] if e.title else []) + e.paragraphs]
        assert article.paragraphs == body


def test_gallery_body_is_description_and_captions() -> None:
    article = html_article("photo_gallery", "html")
    assert article.paragraphs[0].startswith("تتواصل فعاليات مهرجان التمور")
    assert article.paragraphs[1:] == article.captions


def test_article_with_a_live_ticker_and_a_small_gallery_stays_an_article() -> None:
    for mode in ("html", "text"):
        article = html_article("live_gallery_tweets", mode)
        assert article.page_type == "article"
        assert article.entries == []


def test_empty_pages_are_other() -> None:
    assert extract("").page_type == "other"
    assert extract("<html><body><div></div></body></html>").page_type == "other"
    lines = "\n".join(["الرئيسية", "سياسة", "اقتصاد", "رياضة"])
    assert extract(lines).page_type == "other"


# --- signals --------------------------------------------------------------------------------

TEASERS = "\n".join(
    line
    for n in range(8)
    for line in (
        f"عنوان الخبر رقم {n} عن تطورات الاقتصاد في المنطقة",
        f"{10 + n} مارس 2024",
        f"ملخص قصير للخبر رقم {n} يذكر أبرز ما جاء فيه من تفاصيل ومعلومات جديدة للقارئ ...",
    )
)
SUBHEADINGS = "\n".join(
    line
    for n in range(8)
    for line in (
        f"المحور رقم {n} في خطة الحكومة الجديدة",
        f"وتتناول الخطة في محورها رقم {n} إصلاح المؤسسات العامة وتحسين الخدمات، بحسب ما "
        "أعلنه الوزير في مؤتمر صحفي عقده أمس في العاصمة.",
    )
)
BRIEF = "\n".join(
    [
        "الحكومة تقر موازنة العام المقبل بعجز أقل من المتوقع",
        "الأحد 12 مايو 2024",
        "أقر مجلس الوزراء في جلسته الأسبوعية أمس مشروع موازنة العام المقبل، بعجز يقل عن "
        "ثلاثة في المئة من الناتج المحلي، وأحاله إلى البرلمان لمناقشته خلال الدورة الحالية، "
        "فيما قال وزير المالية إن الإيرادات الضريبية ستغطي معظم الزيادة في الإنفاق.",
        "أخبار ذات صلة",
        *(f"عنوان خبر آخر رقم {n} عن الموازنة والضرائب\n{n + 1} مايو 2024" for n in range(8)),
    ]
)


def analysed(text: str, hints: PageHints | None = None) -> str:
    blocks = line_blocks(text_lines(text), 100_000)
    return analyse(blocks, ExtractionConfig(), hints).page.page_type


def test_teasers_with_dates_and_snippets_make_a_listing() -> None:
    assert analysed(TEASERS) == "listing"


def test_subheadings_with_paragraphs_are_not_teasers() -> None:
    assert analysed(SUBHEADINGS) == "article"


def test_a_short_article_with_a_rail_of_dated_headlines_stays_an_article() -> None:
    assert analysed(BRIEF) == "article"


def test_time_stamped_entries_make_a_live_blog_and_a_ticker_does_not() -> None:
    entries = "\n".join(
        f"{9 + n}:15\nأعلنت السلطات المحلية في الساعة {n} أن فرق الإنقاذ واصلت عملها في المنطقة "
        "المتضررة، وأن عدد المصابين لم يتغير منذ التحديث السابق."
        for n in range(5)
    )
    assert analysed(entries) == "live"
    ticker = "\n".join(f"{9 + n}:15 - عنوان خبر عاجل رقم {n} في الشريط" for n in range(5))
    assert analysed(f"{ticker}\n{BRIEF}") == "article"


def test_photo_counters_make_a_gallery_on_text() -> None:
    photos = "\n".join(
        f"{n} / 6\nصورة لزوار المهرجان في يومه رقم {n} أمام الأجنحة" for n in range(1, 7)
    )
    assert analysed(f"بالصور.. مهرجان الربيع في المدينة\n{photos}") == "gallery"


def test_video_headline_and_player_line_with_little_text_make_a_video_page() -> None:
    page = (
        "فيديو.. لحظة سقوط شجرة ضخمة على سيارة في الجيزة\nمدة الفيديو: 00:58\n"
        "رصدت كاميرا مراقبة لحظة سقوط شجرة ضخمة على سيارة متوقفة في أحد شوارع الجيزة، دون "
        "وقوع إصابات بين المارة."
    )
    assert analysed(page) == "video"


INLINE_VIDEO = (
    "محمد صلاح يقود ليفربول لفوز كبير على توتنهام بأربعة أهداف",
    "الأحد، 05 مايو 2024 08:10 م",
    "قاد النجم المصري محمد صلاح فريقه ليفربول لتحقيق فوز كبير على ضيفه توتنهام.",
    "وسجل صلاح الهدف الأول لليفربول في الدقيقة 16 بضربة رأس.",
    "شاهد الفيديو",
    "03:42",
    "أهداف مباراة ليفربول وتوتنهام",
    "ورفع ليفربول رصيده إلى 78 نقطة في المركز الثالث بجدول الترتيب.",
)


def test_a_video_between_a_short_storys_paragraphs_is_embedded_in_an_article() -> None:
    # the player's label is inside the story, not above it: an article; the video's title is
    # its caption, not a paragraph
    article = extract("\n".join(INLINE_VIDEO))
    assert article.page_type == "article"
    assert article.captions == ["أهداف مباراة ليفربول وتوتنهام"]
    assert article.paragraphs == [INLINE_VIDEO[2], INLINE_VIDEO[3], INLINE_VIDEO[7]]
    # the same label above the text makes a video page
    video = extract("\n".join([*INLINE_VIDEO[:2], "شاهد الفيديو", "03:42", *INLINE_VIDEO[2:4]]))
    assert video.page_type == "video"
    # and in HTML, with the player
    player = "".join(f"<div>{line}</div>" for line in INLINE_VIDEO[4:7])
    page = (
        f"<html lang='ar'><body><article><h1>{INLINE_VIDEO[0]}</h1><div>{INLINE_VIDEO[1]}</div>"
        f"<p>{INLINE_VIDEO[2]}</p><p>{INLINE_VIDEO[3]}</p>{player}"
        f"<video src='/v/1.mp4'></video><p>{INLINE_VIDEO[7]}</p></article></body></html>"
    )
    article = extract(page)
    assert article.page_type == "article"
    assert article.paragraphs == [INLINE_VIDEO[2], INLINE_VIDEO[3], INLINE_VIDEO[7]]


def test_stamps() -> None:
    def stamp(line: str) -> bool:
        block = line_blocks([line], 1000)[0]
        return _stamp(block, features([block], ExtractionConfig())[0])

    assert stamp("13:05")
    assert stamp("9:30 ص")
    assert stamp("منذ 5 دقائق")
    assert stamp("13:05 - وصول فرق الإنقاذ إلى المنطقة المنكوبة")
    assert not stamp("12 مارس 2024")
    assert not stamp("أعلنت الوزارة في الساعة الثالثة أن الطريق مغلق")


def test_hints() -> None:
    assert PageHints(og_type="article").says_article
    assert PageHints(schema_types=frozenset({"newsarticle", "website"})).says_article
    assert PageHints(og_type="website").says_listing
    assert PageHints(url="https://example.com/").says_listing
    assert PageHints(url="https://example.com/tag/economy").says_listing
    assert PageHints(url="https://example.com/search?q=x").says_listing
    assert not PageHints(url="https://example.com/news/2024/05/12/budget.html").says_listing
    assert not PageHints(og_type="article", url="https://example.com/tag/x").says_listing
    assert PageHints(og_type="video.other").says_video
    assert not PageHints(schema_types=frozenset({"videoobject", "newsarticle"})).says_video


def test_teaser_lists_need_neighbours() -> None:

    config = ExtractionConfig()
    row = [_Item(i * 3, i * 3 + 1, True, i * 3 + 2) for i in range(4)]
    assert len(teaser_lists(row, config)) == 4
    apart = [_Item(i * 10, -1, True, i * 10 + 1) for i in range(4)]
    assert teaser_lists(apart, config) == []


def test_prose_stretch_skips_snippets() -> None:
    blocks = line_blocks(text_lines(SUBHEADINGS), 100_000)
    decs = analyse(blocks, ExtractionConfig()).decs
    whole = prose_stretch(decs, frozenset(), blocks)
    assert whole > 0
    snippets = frozenset(i for i, d in enumerate(decs) if d.cls == "good")
    assert prose_stretch(decs, snippets, blocks) == 0
