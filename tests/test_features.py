"""Features of a block (:mod:`arabic_extract.engine.features`): the shortcuts that rule lines
out before a pattern runs answer as the pattern does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_extract import ExtractionConfig, extract
from arabic_extract.engine.bylines import is_place, split_outlet_byline
from arabic_extract.engine.captions import dated_credit
from arabic_extract.engine.features import (
    _CREDIT_TAIL,
    _MARKS,
    _META_SEPARATORS,
    _META_SPLIT,
    _OUTLET_BYLINE_WORDS,
    credit_search,
    credit_tail,
    leading_agency,
    meta_line,
    tail_agency,
)
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules.attribution import AGENCIES
from arabic_extract.rules.noise import PHOTO_CREDIT

# Words and marks photo captions end with, and others.
CAPTION_PIECES = [
    *("الوزير", "في", "المؤتمر", "أرشيف", "رويترز", "من المصدر", "تصوير", "photo", "credit"),
    *(" ", "  ", "-", " - ", "–", " — ", "|", " | ", "(", ")", ":", ": ", "x" * 30, "ب" * 45),
]


def plain_credit_tail(norm: str) -> bool:
    """credit_tail without its shortcut: the pattern on the line's last 60 characters."""
    found = _CREDIT_TAIL.search(norm[-60:])
    if found is None:
        return False
    credit = (found.group("credit") or found.group("label") or "").strip()
    return bool(credit) and PHOTO_CREDIT.test(credit, len(credit.split()), credit)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CAPTION_PIECES), max_size=12))
def test_credit_tail_shortcut_answers_as_the_pattern(pieces: list[str]) -> None:
    norm = normalize("".join(pieces))
    assert credit_tail(norm) == plain_credit_tail(norm)


def test_captions_with_credits() -> None:
    for line in (
        "الوزير في المؤتمر - أرشيف",
        "الوزير في المؤتمر (رويترز)",
        "المؤتمر تصوير: فلان",
        # AFP and EPA as Al Jazeera credits them
        "مزارع يجمع محصول القطن في ريف الرقة (الفرنسية)",
        "متظاهرون أمام البرلمان (الأوروبية)",
    ):
        assert credit_tail(normalize(line)), line
    assert not credit_tail(normalize("الوزير في المؤتمر الصحفي اليوم"))


def test_captions_with_a_date_and_a_name_in_brackets() -> None:
    # a photo dated and credited to whoever took it, the site itself too (Enab Baladi)
    for line in (
        "مزارع يتفقد أرضه في ريف حماة الغربي - 10 أيار 2024 (عنب بلدي)",
        "أطباء مضربون أمام مستشفى في لندن، 10 مايو 2024 (فرانس برس)",
        "سوق الحميدية في دمشق 12/05/2024 (خاص)",
    ):
        assert dated_credit(normalize(line)), line
    for line in (
        "وقال إن الاجتماع عقد في 10 أيار 2024. (رويترز)",  # a paragraph's closing credit
        "الوزير في المؤتمر (عنب بلدي)",  # no date
        "صورة من عام 2024 (أرشيف)",  # a year is no date
        "التقرير السنوي 10 أيار 2024 (الجزء 2)",  # a number in the brackets
    ):
        assert not dated_credit(normalize(line)), line
    story = (
        "يشكو مزارعو ريف حماة الغربي من ارتفاع أسعار الأسمدة بنسبة تجاوزت 40% منذ بداية العام، "
        "ما دفع بعضهم إلى تقليص المساحات المزروعة بالقمح.",
        "وبحسب أرقام مديرية الزراعة في حماة، تراجعت المساحة المزروعة بالقمح المروي في المحافظة "
        "إلى نحو 60 ألف هكتار، مقارنة بـ75 ألف هكتار في الموسم الماضي.",
    )
    caption = "مزارع يتفقد أرضه في ريف حماة الغربي - 10 أيار 2024 (عنب بلدي)"
    page = "\n".join(
        ["ارتفاع أسعار الأسمدة يهدد موسم القمح في ريف حماة", story[0], caption, story[1]]
    )
    article = extract(page)
    assert article.paragraphs == list(story)
    assert article.captions == ["مزارع يتفقد أرضه في ريف حماة الغربي - 10 أيار 2024"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="منذ ساعات|•·/-–—\t\u00a0\u2009\n 12", max_size=40))
def test_meta_separators_are_what_the_pattern_finds_in_a_normalised_line(text: str) -> None:
    norm = normalize(text)
    found = any(separator in norm for separator in _META_SEPARATORS)
    assert found == (_META_SPLIT.search(norm) is not None)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(CAPTION_PIECES),
            st.sampled_from(["\t", "\u00a0", "\u2009", "\u001f", "\n-", "((", "—|", "cre"]),
        ),
        max_size=14,
    ).map("".join)
)
def test_credit_search_finds_what_the_pattern_s_search_finds(text: str) -> None:
    # on any text, spaces of every kind included: the same match, or none
    tail = text[-60:]
    found, expected = credit_search(tail), _CREDIT_TAIL.search(tail)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found.span() == expected.span()
        assert found.groupdict() == expected.groupdict()


def test_a_dateline_needs_a_word_before_its_agency_when_it_has_a_number() -> None:
    """A dateline names its place (and a date, in words and numbers) before the agency; a
    number alone before a bracket is a widget: a reading time, a counter."""
    for line, agency in (
        ("عمان 5 أيار (بترا) - قال", "بترا"),
        ("القاهرة - (أ ش أ) - أعلنت وزارة", "ا ش ا"),
        ("--(بترا)", "بترا"),
        ("(رويترز) - أعلنت", "رويترز"),
    ):
        assert leading_agency(normalize(line)) == normalize(agency), line
    for widget in ("2 (min)", "2^(min)", "5 (AFP)", "12 - (رويترز)"):
        assert leading_agency(normalize(widget)) is None, widget


def test_captions_by_what_they_say() -> None:
    # a scene or a visit, on a short line that ends no sentence: a photo's caption even with no
    # credit (Akhbar Al Khaleej, Al-Anba, Alayam)
    story = (
        "أعلنت وزارة الأشغال بدء أعمال المرحلة الثانية من مشروع تطوير الطريق الساحلي، على أن "
        "تنتهي الأعمال خلال ثمانية عشر شهرا وفق الجدول الزمني المعتمد.",
        "وأوضحت الوزارة أن المشروع يشمل إنشاء ثلاثة جسور وتوسعة الطريق إلى أربعة مسارات في كل "
        "اتجاه، إلى جانب تطوير شبكات تصريف مياه الأمطار.",
    )
    config = ExtractionConfig(explain=True)
    for caption in ("جانب من أعمال المشروع", "وزير الأشغال خلال تفقده موقع المشروع"):
        page = "\n".join(["الأشغال تبدأ المرحلة الثانية من تطوير الطريق الساحلي", story[0]])
        article = extract(f"{page}\n{caption}\n{story[1]}", config=config)
        assert article.paragraphs == list(story), caption
        assert article.captions == [caption]
        assert next(b.reasons for b in article.blocks if b.text == caption)[0] == "caption-cue"
    # a sentence that says so is no caption
    sentence = "وقال الوزير إن جانب من الأعمال تأخر بسبب الأمطار."
    page = "\n".join(["الأشغال تبدأ المرحلة الثانية", story[0], sentence, story[1]])
    assert sentence in extract(page).paragraphs


def test_datelines_as_wafa_and_kurdistan24_write_them() -> None:
    # the place, the date in digits and the agency (WAFA); an outlet we do not know, in
    # brackets after its place (Kurdistan24); a desk in brackets, or brackets after no place,
    # name none
    for line, agency in (
        ("رام الله 12-5-2024 وفا- أقر مجلس الوزراء", "وفا"),
        ("أربيل (كوردستان 24)- أعلنت حكومة الإقليم", "كوردستان 24"),
        ("غزة (خاص)- قال شهود عيان", None),
        ("القانون (المادة 24)- ينص على", None),
    ):
        found = leading_agency(normalize(line))
        assert found == (normalize(agency) if agency else None), line
    story = (
        "أعلنت حكومة إقليم كردستان، اليوم الأحد، عن بدء صرف رواتب موظفي القطاع العام لشهر "
        "نيسان اعتبارا من الأسبوع المقبل، بعد وصول الدفعة الأولى من بغداد.",
        "وقال المتحدث باسم الحكومة إن عملية التوزيع ستبدأ بالوزارات التي أنجزت قوائمها، على "
        "أن تستكمل خلال عشرة أيام في جميع المحافظات.",
    )
    lead = "أربيل (كوردستان 24)- " + story[0]
    article = extract("\n".join(["حكومة الإقليم تبدأ صرف رواتب نيسان", lead, story[1]]))
    assert (article.source, article.dateline) == ("كوردستان 24", "أربيل")


PROSE = (
    "أعلنت الهيئة العليا للانتخابات اليوم النتائج الأولية للانتخابات البلدية التي جرت أمس في "
    "ثلاث محافظات، وسط إقبال فاق توقعات المراقبين وارتفاع ملحوظ في مشاركة الشباب والنساء."
)


def test_a_photo_s_alternative_text_above_its_caption_is_skipped() -> None:
    """Renderers that keep images (resiliparse, w3m) write a photo's alt text on a line of its
    own, right above its caption: it repeats the caption's words, is noise, and does not cut
    the article in two. A subheading above a caption, which shares none of its words, stays
    in the body."""
    caption = "ناخبون ينتظرون دورهم أمام أحد مراكز الاقتراع في العاصمة - أرشيفية"
    closing = (
        "ومن المنتظر أن تعلن الهيئة النتائج النهائية خلال أسبوع، بعد النظر في الطعون التي تقدم "
        "بها عدد من المرشحين والقوائم المتنافسة أمام المحاكم الإدارية المختصة."
    )
    page = "\n".join(["عنوان الخبر", "", PROSE, "ناخبون أمام مركز اقتراع", caption, closing])
    article = extract(page, config=ExtractionConfig(explain=True))
    assert article.paragraphs == [PROSE, closing]
    alt = next(b for b in article.blocks if b.text == "ناخبون أمام مركز اقتراع")
    assert (alt.label, alt.reasons) == ("noise", ["image-alt"])
    subheading = "نتائج المحافظات الثلاث"
    page = "\n".join(["عنوان الخبر", "", PROSE, subheading, caption, closing])
    article = extract(page, config=ExtractionConfig(explain=True))
    assert "image-alt" not in {r for b in article.blocks for r in b.reasons}


def test_the_site_s_name_is_a_short_line_above_the_menu_but_no_date() -> None:
    """A page text's first short line above a menu is the site's name (a logo's text); a date
    line there is the page's date, not its name."""
    menu = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة"]
    body = [PROSE, PROSE.replace("الأولية", "النهائية")]
    named = extract("\n".join(["الأفق نيوز", *menu, "", *body]))
    assert named.site_name == "الأفق نيوز"
    dated = extract("\n".join(["الأحد 12 مايو 2024", *menu, "", *body]))
    assert dated.site_name is None


BODY = (
    "أقرت الحكومة في اجتماعها الأسبوعي خطة جديدة لدعم المشروعات الصغيرة والمتوسطة، تتضمن "
    "قروضا ميسرة وإعفاءات ضريبية لمدة ثلاث سنوات للمشروعات التي توفر فرص عمل للشباب.",
    "وقال وزير التجارة في مؤتمر صحفي عقب الاجتماع إن الخطة تستهدف نحو عشرين ألف مشروع في "
    "المرحلة الأولى، وإن التمويل سيبدأ مطلع الشهر المقبل عبر البنوك الحكومية والخاصة.",
    "وأضاف الوزير أن الحكومة ستتابع تنفيذ الخطة عبر لجنة مشتركة تضم ممثلين عن الوزارات "
    "المعنية والقطاع الخاص، على أن تقدم تقريرا دوريا كل ثلاثة أشهر.",
)


@pytest.mark.parametrize(
    "widget",
    [
        "لمتابعة أهم الأخبار اشترك في قناتنا على واتساب",
        "اضغط هنا لمتابعة آخر الأخبار",
        "تابع أحدث الأخبار عبر تطبيق",
        "عرض المزيد",
        "تحميل المزيد",
        "قراءة المزيد",
        "شاهد الفيديو",
        "ما رأيك في هذا الخبر؟",
        "هل كان الخبر مفيداً؟",
        "نعم لا",
        "تقييم المقال",
        "دقيقة واحدة للقراءة",
        "الوقت المقدر للقراءة: 4 دقائق",
        "انشر على فيسبوك",
        "طباعة المقال",
        "تكبير",
        "استمع للخبر",
        "تابع قناتنا على يوتيوب",
        "فعل الإشعارات",
        "حمّل التطبيق",
        "اضغط للمزيد",
        "إعلان تجاري",
        "الصورة من الإنترنت",
    ],
)
def test_a_widget_between_paragraphs_leaves_the_body(widget: str) -> None:
    # (between the story's paragraphs, where the main run holds it; a comment prompt or a
    # related list's header there ends the story instead)
    page = "\n".join(["الحكومة تقر خطة جديدة لدعم المشروعات الصغيرة", BODY[0], widget, *BODY[1:]])
    assert extract(page).paragraphs == list(BODY)


def plain_tail_agency(norm: str) -> str | None:
    """tail_agency without its shortcut (the last word's lookup): every tail tried; a dated
    line whose date follows a place or nothing."""
    tokens = norm.split()
    if len(tokens) > 20 or not any(char.isdigit() for char in norm):
        return None
    digit = next(k for k, char in enumerate(norm) if char.isdigit())
    head = norm[:digit].strip(" ،,-–—/")
    for size in (3, 2, 1):
        tail = " ".join(tokens[-size:]).strip("()-–—:. ")
        if len(tokens) > size and tail and AGENCIES.compiled.fullmatch(tail):
            return tail if not head or is_place(head) else None
    return None


TAIL_PIECES = [
    *("الرياض", "12", "رمضان", "1445", "2024", "م", "واس", "رويترز", "ا ف ب", "ا.ف.ب"),
    *("الانباء", "الالمانيه", "الفرنسيه", "للانباء", "وكاله", "سكاي نيوز", "news", "reuters"),
    *("(", ")", "-", "–", ":", ".", " ", "( واس )", "(رويترز)", "- بترا", "واس).", "(ا ف ب)"),
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), min_size=1, max_size=12))
def test_tail_agency_shortcut_answers_as_every_tail(pieces: list[str]) -> None:
    norm = normalize(" ".join(pieces))
    assert tail_agency(norm) == plain_tail_agency(norm)


def test_a_photo_credited_to_afp_under_the_date_is_no_headline() -> None:
    # Noon Post (AMP) as inscriptis writes it: the title, the writer, the date, the photo's
    # caption credited (الفرنسية), then the story
    title = "كيف غيّرت الحرب خريطة الزراعة في شمال سوريا؟"
    caption = "مزارع يجمع محصول القطن في ريف الرقة (الفرنسية)"
    story = (
        "على امتداد سهول الجزيرة السورية، تبدو الحقول التي كانت تنتج قرابة نصف محصول القمح في "
        "البلاد شبه خالية، بعد سنوات من الحرب والجفاف وارتفاع تكاليف الإنتاج.",
        "يقول أبو محمد، وهو مزارع من ريف الحسكة، إنه لم يعد قادراً على تحمل تكاليف الوقود "
        "والبذار والأسمدة، وإن كثيراً من جيرانه هجروا أراضيهم.",
    )
    page = "\n".join([title, "سلمى الحسن", "15 نوفمبر 2026", caption, *story])
    article = extract(page)
    assert (article.headline, article.author) == (title, "سلمى الحسن")
    assert article.captions == ["مزارع يجمع محصول القطن في ريف الرقة"]


@pytest.mark.parametrize("bar", ["رصيف22اشترك/ي في نادي رصيف22English", "الرئيسيةEnglishFrançais"])
def test_a_top_bar_run_together_is_no_headline(bar: str) -> None:
    """A renderer that runs a top bar's links together glues Arabic letters to Latin ones; no
    headline does (شبكات 5G, iPhone15 touch no Arabic letter)."""
    title = "مكتبات بيروت القديمة... ذاكرة مدينة تقاوم الإغلاق"
    lead = (
        "في شارع الحمرا، تجلس السيدة منى على كرسي خشبي قديم بين رفوف مكتبة ورثتها عن والدها "
        "قبل ثلاثين عاماً، وتقول إن عدد الزبائن تراجع كثيرا."
    )
    more = (
        "ومنذ الأزمة الاقتصادية عام 2019، أغلقت أكثر من عشرين مكتبة مستقلة أبوابها في العاصمة "
        "اللبنانية، بحسب تقديرات نقابة الناشرين."
    )
    page = "\n".join([bar, "ثقافة", title, "الأحد 6 ديسمبر 2026", lead, more])
    assert extract(page).headline == title
    five_g = "\n".join(["شبكات 5G تصل إلى 20 مدينة جديدة", "الأحد 6 ديسمبر 2026", lead, more])
    assert extract(five_g).headline == "شبكات 5G تصل إلى 20 مدينة جديدة"


# Lines of widgets, datelines and outlet bylines, and the marks they are parted by or not.
MARKED_PIECES = [
    *("منذ 4 ساعات", "2315 مشاهدة", "القاهرة", "أ ش أ", "رويترز", "الجزيرة نت", "أحمد علي"),
    *(" ", "-", " - ", "–", " — ", "|", " | ", "/", " / ", "(", ")", " • ", "·", ":", "،", "x"),
]


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(MARKED_PIECES), min_size=1, max_size=8).map("".join),
        st.text(alphabet="القاهرة رويترز|•·/-–—()[]«»:،\t\u00a0 12", max_size=30),
    )
)
def test_a_short_line_without_the_marks_is_no_widget_line_dateline_or_outlet_byline(
    text: str,
) -> None:
    # block_features asks for a short line's widgets, dateline agency and outlet byline only
    # where _MARKS finds a mark
    norm = normalize(text)
    if not norm or _MARKS.search(norm) is not None:
        return
    assert not any(separator in norm for separator in _META_SEPARATORS)
    assert meta_line(norm, ExtractionConfig()) == ()
    assert leading_agency(norm) is None
    if len(norm.split()) <= _OUTLET_BYLINE_WORDS:
        assert split_outlet_byline(norm) is None
