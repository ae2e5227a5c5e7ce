"""Article.fingerprint, the Hamming distance helper, the dedup index and --dedup."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from arabic_extract import extract
from arabic_extract.batch import Result
from arabic_extract.cli import main
from arabic_extract.dedup import (
    DedupConfig,
    Deduplicator,
    FingerprintIndex,
    read_rows,
    side_file,
)
from arabic_extract.engine.fingerprint import fingerprint, hamming, to_int

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(ROOT.glob("fixtures/html/*/source.html"))


def test_fingerprint_is_sixteen_hex_digits_and_reproducible() -> None:
    article = extract(PAGES[0].read_bytes())
    assert article.fingerprint is not None
    assert len(article.fingerprint) == 16
    assert int(article.fingerprint, 16) == to_int(article.fingerprint)
    assert fingerprint(article.paragraphs) == article.fingerprint
    assert json.loads(article.model_dump_json())["fingerprint"] == article.fingerprint


def test_empty_body_has_no_fingerprint() -> None:
    assert extract("").fingerprint is None
    assert fingerprint([]) is None
    assert fingerprint(["... — !"]) is None


def test_fingerprint_folds_arabic_spelling() -> None:
    body = ["أعلنت الوزارة أن الإنتاج ارتفع بنسبة ٥٠ في المئة خلال العام الماضي."]
    folded = ["اعلـنت الوزارة انّ الانتاج ارتفع بنسبه 50 في المئه خلال العام الماضي"]
    assert fingerprint(body) == fingerprint(folded)


def test_copies_are_close_and_different_articles_far() -> None:
    articles = [a for a in (extract(path.read_bytes()) for path in PAGES) if a.paragraphs]
    for article in articles:
        words = len(article.body.split())
        if 3 * len(article.paragraphs[-1].split()) > words:
            continue  # a closing paragraph that is a third of the story is no small edit
        cut = fingerprint(article.paragraphs[:-1])  # the closing paragraph dropped
        assert article.fingerprint is not None and cut is not None
        assert hamming(article.fingerprint, cut) <= DedupConfig().max_distance
    for first in articles:
        for second in articles:
            if first is not second:
                assert first.fingerprint is not None and second.fingerprint is not None
                assert hamming(first.fingerprint, second.fingerprint) > 16


def test_hamming_rejects_what_is_not_a_fingerprint() -> None:
    assert hamming("0" * 16, "f" * 16) == 64
    assert hamming("00000000000000ff", "0000000000000000") == 8
    for bad in ("0x12345678901234", "1_23456789abcdef", "123", "ghijklmnopqrstuv"):
        with pytest.raises(ValueError, match="16 hexadecimal digits"):
            hamming(bad, "0" * 16)


def test_index_finds_every_fingerprint_within_the_bound_and_none_beyond() -> None:
    rng = random.Random(17)
    for distance in (0, 3, 8, 9, 11):
        index = FingerprintIndex(distance, capacity=1000)
        values = [rng.getrandbits(64) for _ in range(200)]
        for number, value in enumerate(values):
            index.add(value, f"row{number}")
        for number, value in enumerate(values[:50]):
            near = value
            for bit in rng.sample(range(64), distance):
                near ^= 1 << bit
            found = index.nearest(near)
            assert found is not None and index.ident(found[0]) == f"row{number}"
            assert found[1] == distance
            far = value
            for bit in rng.sample(range(64), distance + 1):
                far ^= 1 << bit
            beyond = index.nearest(far)
            assert beyond is None or beyond[1] <= distance  # only another random row


def test_deduplicator_keeps_first_and_forgets_the_oldest_generation() -> None:
    dedup = Deduplicator(DedupConfig(max_distance=2, max_rows=4))
    assert dedup.check("a", "00000000000000ff") is None
    assert dedup.check("b", "00000000000000fe") == ("a", 1)
    assert dedup.check("c", None) is None  # no fingerprint: kept, not indexed
    rng = random.Random(4)
    others = [f"{rng.getrandbits(64):016x}" for _ in range(4)]
    for number, value in enumerate(others):
        assert dedup.check(f"x{number}", value) is None
    # two generations of 2 rows: a and x0 were forgotten when x3 came
    assert (dedup.kept, dedup.dropped, dedup.forgotten) == (5, 1, 2)
    assert dedup.check("again", "00000000000000ff") is None
    assert dedup.check("copy", others[1]) == ("x1", 0)


def test_filter_over_results_lists_duplicates() -> None:
    article = extract(PAGES[0].read_bytes())
    other = extract(PAGES[1].read_bytes())
    results = [
        Result(id="p1", article=article, fingerprint=article.fingerprint),
        Result(id="p2", article=other, fingerprint=other.fingerprint),
        Result(id="p3", article=article, fingerprint=article.fingerprint, uri="https://x.example"),
    ]
    dropped = []
    kept = list(Deduplicator().filter(results, on_duplicate=dropped.append))
    assert [r.id for r in kept] == ["p1", "p2"]
    assert [(d.id, d.duplicate_of, d.distance, d.uri) for d in dropped] == [
        ("p3", "p1", 0, "https://x.example")
    ]


def test_side_file_name() -> None:
    assert side_file("out/articles.jsonl") == Path("out/articles.duplicates.jsonl")
    assert side_file("rows") == Path("rows.duplicates.jsonl")


def _pages(folder: Path) -> Path:
    folder.mkdir()
    for number, path in enumerate(PAGES[:3]):
        (folder / f"{number}.html").write_bytes(path.read_bytes())
    (folder / "3.html").write_bytes(PAGES[0].read_bytes())  # a copy of page 0
    return folder


def test_cli_dedup_drops_copies_into_the_side_file(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages")
    out = tmp_path / "articles.jsonl"
    assert main(["extract", str(pages), "-o", str(out), "-q", "-w", "1", "--dedup"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(row["id"]).name for row in rows] == ["0.html", "1.html", "2.html"]
    side = [json.loads(line) for line in side_file(out).read_text("utf-8").splitlines()]
    assert [(Path(r["id"]).name, Path(r["duplicate_of"]).name, r["distance"]) for r in side] == [
        ("3.html", "0.html", 0)
    ]


def test_cli_dedup_with_resume_compares_with_rows_already_written(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages")
    out = tmp_path / "articles.jsonl"
    first = [str(pages / "0.html"), str(pages / "1.html")]
    assert main(["extract", *first, "-o", str(out), "-q", "-w", "1", "--dedup"]) == 0
    args = ["extract", str(pages), "-o", str(out), "-q", "-w", "1", "--dedup", "--resume"]
    assert main(args) == 0
    assert [Path(ident).name for ident, _ in read_rows(out)] == ["0.html", "1.html", "2.html"]
    assert [Path(ident).name for ident, _ in read_rows(side_file(out))] == ["3.html"]
    assert main(args) == 0  # nothing new: the dropped copy is not extracted again
    assert len(list(read_rows(side_file(out)))) == 1


def test_cli_dedup_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(PAGES[0]), str(PAGES[1]), "--dedup"]) == 2
    assert "--dedup needs" in capsys.readouterr().err
    assert main(["extract", str(PAGES[0]), str(PAGES[1]), "--dedup-distance", "40"]) == 2
