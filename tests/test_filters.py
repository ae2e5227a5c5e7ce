"""The page-type and language filters of batch runs: :class:`arabic_extract.batch.PageFilter`,
``extract_many(page_types=..., languages=...)`` and the command line's ``--page-type`` and
``--language`` (left-out pages counted, never silently dropped)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from arabic_extract import extract, extract_many
from arabic_extract.batch import PageFilter, Progress, Result
from arabic_extract.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = {"article": "opinion_column", "listing": "listing_home", "persian": "persian_article"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    for name, fixture in PAGES.items():
        shutil.copyfile(FIXTURES / fixture / "source.html", out / f"{name}.html")
    return out


def test_page_filter() -> None:
    article = extract((FIXTURES / "listing_home" / "source.html").read_bytes())
    assert PageFilter().reason(article) is None
    assert PageFilter.of(["article"]).reason(article) == "page type listing"
    assert PageFilter.of(["listing", "article"], ["ar-EG"]).reason(article) is None
    assert PageFilter.of(None, ["fa"]).reason(article) == "language ar"
    with pytest.raises(ValueError, match="unknown page type"):
        PageFilter.of(["articles"])


def test_undetermined_language_is_und() -> None:
    article = extract("عاجل")
    assert PageFilter.of(None, ["und"]).reason(article) is None
    assert PageFilter.of(None, ["ar"]).reason(article) == "language und"


def test_extract_many_filters(folder: Path) -> None:
    results = list(extract_many([folder], workers=1, page_types=["article"], languages=["ar"]))
    kept = {Path(r.id).stem for r in results if r.ok}
    left = {Path(r.id).stem: r.filtered for r in results if r.filtered}
    assert kept == {"article"}
    assert left == {"listing": "page type listing", "persian": "language fa"}
    assert all(r.article is None and r.error is None for r in results if r.filtered)
    row = next(r for r in results if r.filtered).to_dict()
    assert "filtered" in row and "headline" not in row


def test_progress_counts_left_out_pages() -> None:
    progress = Progress(stream=None, enabled=False)
    progress.add(Result(id="a", filtered="page type listing"))
    progress.add(Result(id="b", filtered="page type listing"))
    progress.add(Result(id="c", filtered="language fa"))
    progress.add(Result(id="d"))
    assert progress.errors == 0
    assert (
        progress.filtered_line() == "3 left out by the filters (language fa 1, page type listing 2)"
    )
    assert "(1 ok, 0 errors, 3 left out by the filters" in progress.summary()


def test_cli_filters_and_counts(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["extract", str(folder), "--page-type", "article,listing", "--language", "ar", "-w", "1"]
    )
    out, err = capsys.readouterr()
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(Path(r["id"]).stem for r in rows) == ["article", "listing"]
    assert "1 left out by the filters (language fa 1)" in err


def test_cli_single_page_left_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", str(folder / "listing.html"), "--page-type", "article"])
    out, err = capsys.readouterr()
    assert (status, out) == (0, "")
    assert "left out by the filters (page type listing)" in err


def test_cli_unknown_page_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "x.html", "--page-type", "articel"]) == 2
    assert "unknown page type articel" in capsys.readouterr().err
