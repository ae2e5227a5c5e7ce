"""Unit tests of arabic_extract.evaluation on synthetic data (plus one on the shared dev set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arabic_extract.evaluation import (
    TABLE_HEADER,
    GoldPage,
    PageScore,
    Prediction,
    Report,
    decode_html,
    evaluate,
    format_markdown_table,
    format_table,
    headline_correct,
    leak,
    load_gold_dir,
    normalise,
    page_input,
    prf,
    source_correct,
    tokens,
    visible_text,
)

DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


# --------------------------------------------------------------------------- normalise / tokens


def test_normalise_folds_alef_variants_ya_and_ta_marbuta() -> None:
    assert normalise("أإآٱ") == "اااا"
    assert normalise("مستشفى") == "مستشفي"
    assert normalise("مدرسة") == "مدرسه"


def test_normalise_removes_diacritics_and_tatweel() -> None:
    assert normalise("مُحَمَّدٌ") == "محمد"
    assert normalise("عـــربي") == "عربي"
    assert normalise("الرَّحْمٰن") == "الرحمن"  # superscript alef U+0670
    assert normalise("ذٰلِكَ ۖ") == "ذلك "  # Quranic mark U+06D6


def test_normalise_nfkc_and_lowercase() -> None:
    assert normalise("ﻻ") == "لا"  # presentation form ligature
    assert normalise("ＣＮＮ News") == "cnn news"  # full-width letters


def test_tokens_are_runs_of_letters_and_digits() -> None:
    assert tokens("قال: «الرئيس» في 2020-04-24!") == ["قال", "الرئيس", "في", "2020", "04", "24"]
    assert tokens("COVID19 و ١٢٣") == ["covid19", "و", "١٢٣"]
    assert tokens("") == []
    assert tokens(" ... -- ") == []


def test_tokens_apply_normalisation() -> None:
    assert tokens("أَحْمَد وإبراهيم") == tokens("احمد وابراهيم") == ["احمد", "وابراهيم"]


# --------------------------------------------------------------------------- prf


def test_prf_identical_text_is_perfect() -> None:
    assert prf("ذهب الولد إلى المدرسة", ["ذهب الولد", "إلى المدرسة"]) == (1.0, 1.0, 1.0)


def test_prf_partial_overlap() -> None:
    # extracted: a b c d (4 tokens); gold: a b e (3 tokens); overlap 2
    p, r, f = prf("a b c d", "a b e")
    assert p == pytest.approx(0.5)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_prf_counts_multiset_overlap() -> None:
    # "في" three times extracted, once in gold: only one counts
    p, r, f = prf("في في في خبر", "في خبر")
    assert p == pytest.approx(0.5)
    assert r == pytest.approx(1.0)
    assert f == pytest.approx(2 / 3)


def test_prf_compares_after_normalisation() -> None:
    assert prf("إلى المدرسةِ", "الى المدرسه").f1 == 1.0


def test_prf_empty_conventions() -> None:
    assert prf("", []) == (1.0, 1.0, 1.0)
    assert prf("!!", ["..."]) == (1.0, 1.0, 1.0)
    assert prf("", ["نص"]) == (0.0, 0.0, 0.0)
    assert prf("نص", []) == (0.0, 0.0, 0.0)
    assert prf("الف", "باء") == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- leak


def test_leak_contiguous_sequences() -> None:
    body = "الخبر الأول. شارك هذا الخبر : على فيسبوك. نهاية"
    exclude = ["شارك هذا الخبر", "اقرأ أيضا", "نهاية"]
    assert leak(body, exclude) == pytest.approx(2 / 3)


def test_leak_tokens_present_but_not_contiguous_do_not_count() -> None:
    body = "شارك الناس في هذا اليوم الخبر"
    assert leak(body, ["شارك هذا الخبر"]) == 0.0


def test_leak_respects_token_boundaries() -> None:
    assert leak("المشاركة واسعة", ["شارك"]) == 0.0
    assert leak("المشاركة واسعة", ["مشاركة"]) == 0.0
    assert leak("اضغط مشاركة الآن", ["مشاركة"]) == 1.0


def test_leak_normalises_and_ignores_empty_snippets() -> None:
    assert leak("آخر الأخبار اليوم", ["اخر الاخبار", "---"]) == 1.0
    assert leak("نص", []) == 0.0
    assert leak("", ["شيء"]) == 0.0


# --------------------------------------------------------------------------- headline


def test_headline_threshold_at_0_9() -> None:
    gold = "a b c d e f g h i j"  # 10 tokens
    # 9 of 10 tokens: P=1, R=0.9, F1=0.947 -> correct
    assert headline_correct("a b c d e f g h i", gold)
    # 8 of 10 tokens: P=1, R=0.8, F1=0.889 -> wrong
    assert not headline_correct("a b c d e f g h", gold)
    # exactly 0.9: 9 tokens, 10 extracted with 9 shared, gold 10 -> P=R=F1=0.9
    assert prf("a b c d e f g h i x", gold).f1 == pytest.approx(0.9)
    assert headline_correct("a b c d e f g h i x", gold)


def test_headline_normalised_and_missing() -> None:
    assert headline_correct("وزير الرّي يشهد توقيع عقد", "وزير الري يشهد توقيع عقد")
    assert not headline_correct(None, "عنوان")
    assert not headline_correct("", "عنوان")
    assert headline_correct(None, None)
    assert headline_correct("", "")
    assert not headline_correct("عنوان", None)


# --------------------------------------------------------------------------- source


def test_source_gold_contained_in_extracted() -> None:
    assert source_correct("شبكة CNN الإخبارية", "CNN")
    assert source_correct("جريدة الصباح", "الصباح")


def test_source_extracted_contained_in_gold() -> None:
    assert source_correct("اليوم السابع", "موقع اليوم السابع")
    assert source_correct("cnn", "CNN بالعربية")


def test_source_alternatives() -> None:
    alternatives = ["وكالة الأنباء الأردنية", "Petra"]
    assert source_correct("وكالة الانباء الاردنية (بترا)", "بترا", alternatives)
    assert source_correct("PETRA", "بترا", alternatives)
    assert not source_correct("رويترز", "بترا", alternatives)


def test_source_token_boundaries_and_empty() -> None:
    assert not source_correct("ا", "بترا")
    assert not source_correct("CNNArabic", "CNN")
    assert source_correct("CNNArabic", "CNN", ["CNNArabic"])
    assert not source_correct(None, "بترا")
    assert not source_correct("   ", "بترا")
    assert source_correct(None, None)
    assert not source_correct("بترا", None)


# --------------------------------------------------------------------------- pages, evaluate


def _write_pair(folder: Path, stem: str, html: bytes, **gold: object) -> None:
    (folder / f"{stem}.html").write_bytes(html)
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")


def test_load_gold_dir_keeps_bytes_and_fields(tmp_path: Path) -> None:
    cp1256 = '<html><meta charset="windows-1256"><body><p>خبر عاجل</p></body></html>'
    raw = cp1256.encode("cp1256")
    _write_pair(
        tmp_path,
        "002",
        raw,
        id="002",
        site="example.com",
        headline="عنوان",
        source=None,
        date="2020-04-24",
        body=["خبر عاجل"],
        exclude=[],
    )
    _write_pair(tmp_path, "001", b"<p>x</p>", site="a.com", body=["x"])
    (tmp_path / "003.html").write_bytes(b"<p>no gold</p>")

    pages = load_gold_dir(tmp_path)
    assert [p.id for p in pages] == ["001", "002"]  # id defaults to the stem
    page = pages[1]
    assert page.html_bytes() == raw
    assert page.date is not None
    assert page.date.isoformat() == "2020-04-24"
    assert page.source_alternatives == []
    assert decode_html(page.html_bytes()) == cp1256


def test_load_gold_dir_missing_html_raises(tmp_path: Path) -> None:
    (tmp_path / "009.gold.json").write_text('{"id": "009"}', "utf-8")
    with pytest.raises(FileNotFoundError):
        load_gold_dir(tmp_path)


def test_decode_html_fallbacks() -> None:
    text = "<p>الأخبار</p>"
    assert decode_html(text.encode("utf-8")) == text
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_html(text.encode("cp1256")) == text  # no meta: cp1256 fallback
    iso = '<meta charset="iso-8859-6"><p>خبر</p>'
    assert decode_html(iso.encode("iso-8859-6")) == iso


def test_visible_text_one_block_per_line() -> None:
    pytest.importorskip("inscriptis")
    text = visible_text("<html><body><h1>عنوان</h1><p>فقرة أولى</p><p>فقرة ثانية</p></body></html>")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == ["عنوان", "فقرة أولى", "فقرة ثانية"]


def _page(tmp_path: Path) -> GoldPage:
    html = "<html><body><h1>عنوان الخبر</h1><p>نص الخبر هنا</p><p>اقرأ أيضا</p></body></html>"
    _write_pair(
        tmp_path,
        "001",
        html.encode("utf-8"),
        id="001",
        site="example.com",
        headline="عنوان الخبر",
        source="الصباح",
        body=["نص الخبر هنا"],
        exclude=["اقرأ أيضا"],
    )
    return load_gold_dir(tmp_path)[0]


def test_evaluate_scores_pages_and_passes_input(tmp_path: Path) -> None:
    page = _page(tmp_path)
    seen: list[str] = []

    def extractor(p: GoldPage, source: str) -> Prediction:
        seen.append(source)
        return Prediction(
            body="نص الخبر هنا\nاقرأ أيضا", headline="عنوان الخبر", source="جريدة الصباح"
        )

    report = evaluate([page], extractor, "html", name="fake", repeat=2, warmup=True)
    assert len(seen) == 3  # warm-up + 2 timed calls
    assert seen[0] == page_input(page, "html")
    assert "<h1>" in seen[0]
    score = report.pages[0]
    assert score.recall == 1.0
    assert score.precision == pytest.approx(3 / 5)
    assert score.leak == 1.0
    assert score.headline_ok
    assert score.source_ok
    assert score.error is None
    assert score.ms >= 0.0
    assert report.extractor == "fake"
    assert report.mode == "html"


def test_evaluate_text_mode_gets_visible_text(tmp_path: Path) -> None:
    pytest.importorskip("inscriptis")
    page = _page(tmp_path)
    seen: list[str] = []

    def extractor(p: GoldPage, source: str) -> Prediction:
        seen.append(source)
        return Prediction(body=source)

    report = evaluate([page], extractor, "text")
    assert "<" not in seen[0]
    assert "نص الخبر هنا" in seen[0]
    assert report.pages[0].recall == 1.0


def test_evaluate_records_errors_and_scores_zero(tmp_path: Path) -> None:
    page = _page(tmp_path)

    def broken(p: GoldPage, source: str) -> Prediction:
        raise RuntimeError("boom")

    report = evaluate([page, page], broken, "html", inputs={page.id: "<p>x</p>"})
    assert [p.error for p in report.pages] == ["RuntimeError: boom"] * 2
    assert report.mean_f1 == 0.0
    assert report.headline_accuracy == 0.0
    assert len(report.errors) == 2


def test_evaluate_rejects_bad_mode(tmp_path: Path) -> None:
    page = _page(tmp_path)
    with pytest.raises(ValueError, match="mode"):
        evaluate([page], lambda p, s: Prediction(), "pdf")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- report


def _score(pid: str, f1: float, *, headline: bool, source: bool, ms: float) -> PageScore:
    return PageScore(
        id=pid,
        site="s",
        precision=f1,
        recall=1.0,
        f1=f1,
        leak=0.5 if headline else 0.0,
        headline_ok=headline,
        source_ok=source,
        ms=ms,
    )


def test_report_aggregates_and_tables() -> None:
    report = Report(
        extractor="x",
        mode="text",
        pages=[
            _score("001", 0.9, headline=True, source=False, ms=10.0),
            _score("002", 0.5, headline=False, source=False, ms=30.0),
            _score("003", 1.0, headline=True, source=True, ms=20.0),
        ],
    )
    assert report.mean_f1 == pytest.approx(0.8)
    assert report.mean_precision == pytest.approx(0.8)
    assert report.mean_recall == 1.0
    assert (report.worst_f1, report.worst_page) == (0.5, "002")
    assert report.mean_leak == pytest.approx(1 / 3)
    assert report.headline_accuracy == pytest.approx(2 / 3)
    assert report.source_accuracy == pytest.approx(1 / 3)
    assert report.median_ms == 20.0
    dumped = report.model_dump()
    assert dumped["worst_page"] == "002"
    assert Report.model_validate_json(report.model_dump_json()).pages == report.pages

    row = report.table_row()
    assert len(row) == len(TABLE_HEADER)
    assert row[4] == "0.500 (002)"
    assert format_table([report]).splitlines()[0].split()[0] == "extractor"
    markdown = format_markdown_table([report]).splitlines()
    assert markdown[0] == "| " + " | ".join(TABLE_HEADER) + " |"
    assert markdown[2].startswith("| x | 0.800 |")


def test_empty_report() -> None:
    report = Report(extractor="x", mode="html")
    assert report.mean_f1 == 0.0
    assert report.worst_page is None
    assert report.median_ms == 0.0


# --------------------------------------------------------------------------- shared dev set


def test_dev_set_loads_and_gold_scores_perfectly() -> None:
    if not DEV_DIR.is_dir():
        pytest.skip(f"shared dev set not found at {DEV_DIR}")
    pages = load_gold_dir(DEV_DIR)
    assert pages
    for page in pages:
        assert page.body, page.id
        assert page.html_bytes().lstrip()[:1] == b"<", page.id

    def oracle(page: GoldPage, source: str) -> Prediction:
        return Prediction(body="\n".join(page.body), headline=page.headline, source=page.source)

    inputs = {page.id: "" for page in pages}
    report = evaluate(pages, oracle, "html", inputs=inputs)
    assert report.mean_f1 == 1.0
    assert report.headline_accuracy == 1.0
    assert report.source_accuracy == 1.0
    assert report.mean_leak == 0.0  # noise snippets never occur in the gold bodies


def test_dev_set_visible_text_contains_gold() -> None:
    if not DEV_DIR.is_dir():
        pytest.skip(f"shared dev set not found at {DEV_DIR}")
    pytest.importorskip("inscriptis")
    pages = load_gold_dir(DEV_DIR)
    report = evaluate(pages, lambda page, text: Prediction(body=text), "text")
    for score in report.pages:
        assert score.recall == 1.0, score.id  # decoding and rendering keep every gold token
        assert score.leak == 1.0, score.id  # and every noise snippet is visible on the page
