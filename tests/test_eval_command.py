"""``arabic-extract eval GOLD_DIR``: the evaluation measures over a folder of gold pages, page by
page and in total, as a table or JSON, with ``--min-f1`` deciding the exit status.

The gold folders are built from the project's HTML fixtures (``fixtures/html/<name>/source.html``
+ ``expected.json`` become ``NNN.html`` + ``NNN.gold.json``); the shared dev set is used too when
``../shared/eval/dev`` is present.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arabic_extract.cli import main
from arabic_extract.evaluation import arabic_extract_prediction, evaluate, load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
HTML_FIXTURES = sorted(p.parent for p in (ROOT / "fixtures" / "html").glob("*/source.html"))
DEV = ROOT.parent / "shared" / "eval" / "dev"


def build_gold_dir(folder: Path, fixtures: list[Path] = HTML_FIXTURES) -> Path:
    """Fixtures converted to the gold format of shared/README.md."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, fixture in enumerate(fixtures, start=1):
        stem = f"{number:03d}"
        expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
        gold = {
            "id": stem,
            "site": fixture.name,
            "headline": expected.get("headline"),
            "source": expected.get("source"),
            "site_name": expected.get("site_name"),
            "author": expected.get("author"),
            "date": expected.get("date"),
            "tags": expected.get("tags", []),
            "body": expected.get("paragraphs", []),
            "exclude": expected.get("exclude", []),
        }
        shutil.copyfile(fixture / "source.html", folder / f"{stem}.html")
        (folder / f"{stem}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return folder


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gold_dir(tmp_path_factory.mktemp("gold"))


@pytest.fixture(scope="module")
def spoiled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three pages, one whose gold body has a paragraph the page does not have (F1 < 1)."""
    folder = build_gold_dir(tmp_path_factory.mktemp("spoiled"), HTML_FIXTURES[:3])
    gold_file = folder / "002.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["body"].append("فقرة إضافية لا وجود لها في الصفحة " * 20)
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["eval", *args])
    out, err = capsys.readouterr()
    return status, out, err


def json_run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    status, out, _ = run([*args, "--json"], capsys)
    data: dict[str, Any] = json.loads(out)
    return status, data


def test_fixtures_found() -> None:
    assert len(HTML_FIXTURES) >= 5


def test_table_per_page_and_total(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run([str(gold_dir)], capsys)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == f"== html: {len(HTML_FIXTURES)} pages from {gold_dir} =="
    assert lines[1].split() == ["page", "site", "P", "R", "F1", "leak", "headline", "source", "ms"]
    for number, fixture in enumerate(HTML_FIXTURES, start=1):
        row = next(line for line in lines if line.startswith(f"{number:03d} "))
        assert fixture.name in row
    total = next(line for line in lines if line.startswith("total"))
    assert f"total ({len(HTML_FIXTURES)})" in total
    assert "arabic_extract/html" in total
    assert any(line.startswith("worst F1: ") for line in lines)


def test_json_output(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, data = json_run([str(gold_dir)], capsys)
    assert status == 0
    assert data["gold_dir"] == str(gold_dir)
    (report,) = data["reports"]
    assert report["mode"] == "html"
    assert report["extractor"] == "arabic_extract"
    assert [p["id"] for p in report["pages"]] == [
        f"{n:03d}" for n in range(1, len(HTML_FIXTURES) + 1)
    ]
    # the fixtures' expected outputs are what the extractor gives (tests/test_fixtures.py)
    assert report["mean_f1"] > 0.99
    assert report["mean_leak"] == 0.0
    assert report["headline_accuracy"] == 1.0
    assert report["source_accuracy"] == 1.0
    for key in ("mean_precision", "mean_recall", "worst_f1", "worst_page", "median_ms"):
        assert key in report
    for page in report["pages"]:
        assert page["error"] is None
        assert set(page) >= {"precision", "recall", "f1", "leak", "headline_ok", "source_ok"}


def test_min_f1_sets_exit_status(spoiled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, data = json_run([str(spoiled_dir)], capsys)
    assert status == 0
    mean_f1 = data["reports"][0]["mean_f1"]
    assert 0.5 < mean_f1 < 1.0
    assert data["reports"][0]["worst_page"] == "002"

    status, _, err = run([str(spoiled_dir), "--min-f1", f"{mean_f1 - 0.01:.3f}"], capsys)
    assert status == 0, err
    status, _, err = run([str(spoiled_dir), "--min-f1", f"{mean_f1 + 0.01:.3f}"], capsys)
    assert status == 1
    assert "is under --min-f1" in err
    status, data = json_run([str(spoiled_dir), "--min-f1", "1"], capsys)
    assert status == 1
    assert data["min_f1"] == 1.0  # the report is still printed


def test_text_and_both_modes(spoiled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("inscriptis")
    status, data = json_run([str(spoiled_dir), "--mode", "both"], capsys)
    assert status == 0
    assert [r["mode"] for r in data["reports"]] == ["html", "text"]
    status, out, _ = run([str(spoiled_dir), "--mode", "text"], capsys)
    assert status == 0
    assert out.startswith("== text: 3 pages")


def load_compare(monkeypatch: pytest.MonkeyPatch) -> Any:
    """benchmarks/compare.py as a module."""
    path = ROOT / "benchmarks" / "compare.py"
    spec = importlib.util.spec_from_file_location("benchmarks_compare", path)
    assert spec is not None and spec.loader is not None
    compare = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, compare)  # its dataclasses look it up
    spec.loader.exec_module(compare)
    return compare


def test_benchmark_rounds_and_docs(
    spoiled_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compare = load_compare(monkeypatch)
    doc = tmp_path / "bench.md"
    argv = [str(spoiled_dir), "--mode", "html", "--extractors", "arabic_extract"]
    status = compare.main([*argv, "--repeat", "1", "--rounds", "2", "--write-docs", str(doc)])
    assert status == 0
    out = capsys.readouterr().out
    assert "repeat=1, rounds=2" in out
    text = doc.read_text(encoding="utf-8")
    assert "2 round(s) in which the extractors take turns page by page" in text
    assert "\n| arabic_extract | " in text
    with pytest.raises(SystemExit):
        compare.main([*argv, "--rounds", "0"])


def test_extractors_take_turns_page_by_page(
    spoiled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compare = load_compare(monkeypatch)
    calls: list[tuple[str, str]] = []

    def recording(name: str) -> Any:
        def make(mode: str) -> Any:
            def adapter(page: Any, source: str) -> Any:
                calls.append((name, page.id))
                return arabic_extract_prediction(page, source)

            return adapter

        return compare.Competitor(name, name, make)

    pages = load_gold_dir(spoiled_dir)
    reports = compare.run_mode(pages, [recording("a"), recording("b")], "html", 1, rounds=2)
    # one warm-up and one timed call per page, "a" then "b" on each page, round after round
    per_round = [(n, p.id) for p in pages for n in ("a", "b") for _ in range(2)]
    assert calls == per_round * 2
    assert [r.extractor for r in reports] == ["a", "b"]
    assert [p.id for p in reports[0].pages] == [p.id for p in pages]


def test_speed_ratios_are_stated_as_the_targets_are(
    spoiled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compare = load_compare(monkeypatch)
    report = evaluate(load_gold_dir(spoiled_dir), arabic_extract_prediction, "html")

    def timed(name: str, ms: float) -> Any:
        pages = [page.model_copy(update={"ms": ms}) for page in report.pages]
        return report.model_copy(update={"extractor": name, "pages": pages})

    reports = [timed("arabic_extract", 3.0), timed("trafilatura", 30.0), timed("resiliparse", 1.5)]
    assert compare.speed_ratios(reports) == (
        "arabic_extract median time = 0.10x trafilatura, 2.00x resiliparse"
    )
    assert compare.speed_ratios(reports[1:]) == ""  # arabic_extract not in the run
    assert compare.speed_ratios(reports[:1]) == ""  # nothing to compare with


def test_same_numbers_as_the_benchmark(
    spoiled_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    compare = load_compare(monkeypatch)
    assert compare.make_arabic_extract("html") is arabic_extract_prediction
    expected = evaluate(load_gold_dir(spoiled_dir), arabic_extract_prediction, "html")
    _, data = json_run([str(spoiled_dir)], capsys)
    report = data["reports"][0]
    for key in ("mean_precision", "mean_recall", "mean_f1", "mean_leak", "worst_page"):
        assert report[key] == getattr(expected, key)


@pytest.mark.parametrize(
    "setup,message",
    [
        ("missing", "gold folder not found"),
        ("empty", "no NNN.gold.json + NNN.html pairs"),
        ("no-html", "has no 001.html beside it"),
        ("bad-json", "001.gold.json"),
        ("bad-field", "invalid gold file"),
    ],
)
def test_unreadable_gold_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    folder = tmp_path / "gold"
    if setup != "missing":
        folder.mkdir()
    if setup in ("no-html", "bad-json", "bad-field"):
        content = {"no-html": "{}", "bad-json": "{", "bad-field": '{"body": "not a list"}'}[setup]
        (folder / "001.gold.json").write_text(content, encoding="utf-8")
    if setup in ("bad-json", "bad-field"):
        (folder / "001.html").write_text("<html></html>", encoding="utf-8")
    status, out, err = run([str(folder)], capsys)
    assert status == 1
    assert out == ""
    assert err.startswith("arabic-extract eval: ")
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args", [[], ["--min-f1", "2"], ["--min-f1", "x"], ["--mode", "pdf"], ["a", "b"]]
)
def test_bad_usage(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(args, capsys)
    assert status == 2
    assert "usage: arabic-extract eval" in err


def test_console_script_exit_status(spoiled_dir: Path) -> None:
    command = [sys.executable, "-m", "arabic_extract", "eval", str(spoiled_dir)]
    ok = subprocess.run(command, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "total (3)" in ok.stdout
    failed = subprocess.run(
        [*command, "--min-f1", "0.999"], capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1
    assert "is under --min-f1 0.999" in failed.stderr


@pytest.mark.skipif(not DEV.is_dir(), reason=f"shared dev set not found at {DEV}")
def test_shared_dev_set(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("inscriptis")
    pages = load_gold_dir(DEV)
    status, data = json_run([str(DEV), "--mode", "both", "--min-f1", "0.9"], capsys)
    assert status == 0
    for report in data["reports"]:
        assert len(report["pages"]) == len(pages)
        assert report["mean_f1"] >= 0.9
    status, out, _ = run([str(DEV)], capsys)
    assert status == 0
    for page in pages:
        assert any(line.startswith(page.id) for line in out.splitlines())
    status, _, err = run([str(DEV), "--min-f1", "1"], capsys)
    perfect = all(p["f1"] == 1.0 for p in data["reports"][0]["pages"])
    assert status == (0 if perfect else 1), err
