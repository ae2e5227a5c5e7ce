"""The pytest plugin (``arabic_extract.pytest_plugin``): the ``extraction_snapshot`` fixture run in
inner pytest sessions (pytester), its failure messages, and ``--arabic-extract-update``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from arabic_extract import Article, BlockInfo, ExtractionConfig, Label, extract
from arabic_extract.pytest_plugin import (
    COMPARED_FIELDS,
    SnapshotError,
    compare_snapshot,
    find_page,
    load_expected,
    snapshot_dirs,
)

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seeds" / "003_118f5a348380cf0b"  # share-bar, cms-leftover, caption, byline
HTML = FIXTURES / "html" / "minimal_no_metadata"

TEST_SNAPSHOT = """
def test_snapshot(extraction_snapshot):
    article = extraction_snapshot("snap")
    assert article.blocks  # extracted with explain
"""


# Plugins of this environment that only slow the inner sessions down (unknown names are ignored).
QUIET = ("-p", "no:hypothesispytest", "-p", "no:benchmark", "-p", "no:cacheprovider")


def run_inner(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """An inner pytest session in this process, with the plugin loaded from its entry point."""
    return pytester.runpytest(*QUIET, *args)


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def make_snapshot(root: Path, source: Path = SEED, page_name: str = "page.txt") -> Path:
    """A snapshot folder ``root/snap`` with the fixture's page and expected.json."""
    folder = root / "snap"
    folder.mkdir()
    shutil.copyfile(find_page(source), folder / page_name)
    shutil.copyfile(source / "expected.json", folder / "expected.json")
    return folder


def first_words(text: str, count: int = 5) -> str:
    return " ".join(text.split()[:count])


def explained(folder: Path) -> Article:
    return extract(find_page(folder).read_bytes(), config=ExtractionConfig(explain=True))


# --------------------------------------------------------------------------- inner sessions


def test_fixture_is_registered_by_the_entry_point(pytester: pytest.Pytester) -> None:
    result = run_inner(pytester, "--fixtures")
    result.stdout.fnmatch_lines(["*extraction_snapshot*"])
    helped = run_inner(pytester, "--help")
    helped.stdout.fnmatch_lines(["*--arabic-extract-update*"])


def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    make_snapshot(pytester.path)
    pytester.makepyfile(TEST_SNAPSHOT)
    result = run_inner(pytester, "-p", "no:arabic_extract")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'extraction_snapshot' not found*"])


def test_explicit_load_when_autoload_is_off(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_snapshot(pytester.path)
    pytester.makepyfile(TEST_SNAPSHOT)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    run_inner(pytester).assert_outcomes(errors=1)
    run_inner(pytester, "-p", "arabic_extract.pytest_plugin").assert_outcomes(passed=1)


@pytest.mark.parametrize(
    "source,page_name",
    [(SEED, "page.txt"), (SEED, "input.txt"), (HTML, "page.html"), (HTML, "source.html")],
)
def test_matching_snapshot_passes(pytester: pytest.Pytester, source: Path, page_name: str) -> None:
    make_snapshot(pytester.path, source, page_name)
    pytester.makepyfile(TEST_SNAPSHOT)
    result = run_inner(pytester)
    result.assert_outcomes(passed=1)


def test_failure_shows_lines_moved_between_body_and_noise(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    article = explained(folder)
    share = next(b for b in article.blocks if b.label is Label.NOISE and "share-bar" in b.reasons)
    expected = read_json(folder / "expected.json")
    dropped = expected["paragraphs"].pop(1)  # now an extra line of the body
    expected["paragraphs"].insert(3, share.text)  # a noise line the user wants in the body
    expected["headline"] = "عنوان لم يرد في الصفحة"
    write_json(folder / "expected.json", expected)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester)

    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "snap: page.txt differs from expected.json" in out
    assert "paragraphs: 1 line(s) missing from the body, 1 extra" in out
    assert f"- expected line 4 missing from the body: block #{share.index} noise · share-bar" in out
    assert share.text.strip() in out
    body_block = next(b for b in article.blocks if b.text.strip() == dropped.strip())
    reasons = ", ".join(body_block.reasons)
    assert f"+ extra line 2 of the body: block #{body_block.index} body · {reasons}" in out
    assert dropped[:60] in out
    assert "headline: differs" in out
    assert "expected: 'عنوان لم يرد في الصفحة'" in out
    assert "--arabic-extract-update rewrites expected.json" in out
    assert "Traceback" not in out and "def __call__" not in out  # a message, not plugin code
    assert json.loads((folder / "expected.json").read_text(encoding="utf-8")) == expected


def test_leaked_exclude_line_fails_with_its_block(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    article = explained(folder)
    expected = read_json(folder / "expected.json")
    expected["exclude"].append(first_words(article.paragraphs[0]))
    write_json(folder / "expected.json", expected)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester)

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["exclude: 1 noise line(s) in the body", "*body · prose*"])


def test_update_rewrites_compared_fields(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    article = explained(folder)
    stale = read_json(folder / "expected.json")
    stale["headline"] = "عنوان قديم"
    stale["paragraphs"] = stale["paragraphs"][:3]
    del stale["tags"]  # absent: not compared, and not written back
    stale["_note"] = "kept"
    write_json(folder / "expected.json", stale)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester, "--arabic-extract-update")

    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*arabic_extract snapshots*", "updated 1 expected.json file(s):"])
    text = (folder / "expected.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["headline"] == article.headline
    assert data["paragraphs"] == article.paragraphs
    assert "tags" not in data
    assert data["_note"] == "kept"
    assert data["exclude"] == stale["exclude"]  # hand-written, kept
    assert list(data) == list(stale)  # key order kept
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert article.headline is not None and article.headline in text  # Arabic, not \u escapes

    again = run_inner(pytester)
    again.assert_outcomes(passed=1)


def test_update_creates_missing_expected_file(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    (folder / "expected.json").unlink()
    pytester.makepyfile(TEST_SNAPSHOT)

    missing = run_inner(pytester)
    missing.assert_outcomes(failed=1)
    missing.stdout.fnmatch_lines(["*no expected.json; run pytest --arabic-extract-update*"])

    created = run_inner(pytester, "--arabic-extract-update")
    created.assert_outcomes(passed=1)
    data = read_json(folder / "expected.json")
    assert list(data) == list(COMPARED_FIELDS)
    assert data["exclude"] == []
    assert data["paragraphs"] == explained(folder).paragraphs


def test_update_still_fails_on_leaked_exclude(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    expected = read_json(folder / "expected.json")
    expected["exclude"].append(first_words(expected["paragraphs"][0]))
    write_json(folder / "expected.json", expected)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester, "--arabic-extract-update")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*exclude is written by hand*"])


def test_fields_argument_limits_comparison_and_update(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    expected = read_json(folder / "expected.json")
    expected["headline"] = "عنوان قديم"
    expected["author"] = "كاتب آخر"
    write_json(folder / "expected.json", expected)
    pytester.makepyfile(
        """
        def test_body(extraction_snapshot):
            extraction_snapshot("snap", fields=["paragraphs", "exclude"])

        def test_headline(extraction_snapshot):
            extraction_snapshot("snap", fields=["headline"])
        """
    )
    result = run_inner(pytester)
    result.assert_outcomes(passed=1, failed=1)

    run_inner(pytester, "--arabic-extract-update", "-k", "headline").assert_outcomes(passed=1)
    data = read_json(folder / "expected.json")
    assert data["headline"] != "عنوان قديم"
    assert data["author"] == "كاتب آخر"  # not among the fields of that call


def test_bad_expected_file_is_reported(pytester: pytest.Pytester) -> None:
    folder = make_snapshot(pytester.path)
    expected = read_json(folder / "expected.json")
    expected["headlines"] = "typo"
    write_json(folder / "expected.json", expected)
    pytester.makepyfile(TEST_SNAPSHOT)
    result = run_inner(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.re_match_lines([r".*unknown keys \['headlines'\]"])
    assert "During handling" not in result.stdout.str()


# --------------------------------------------------------------------------- helpers


def article(**fields: Any) -> Article:
    return Article.model_validate(fields)


def test_compare_field_rules() -> None:
    got = article(
        headline="عنوان  الخبر",
        source="وكالة الأنباء الأردنية (بترا)",
        author="منى عبد الحميد",
        tags=["الشرطة", "الكرخ"],
        captions=["لاعبو الخليج يحتفلون", "Getty Images"],
        paragraphs=["فقرة أولى", "فقرة  ثانية"],
    )
    ok = {
        "headline": "عنوان الخبر",
        "source": "بترا",
        "author": "منى عبدالحميد".replace("عبدالحميد", "عبد الحميد"),
        "site_name": None,
        "date": None,
        "tags": ["الشرطة", "الكرخ"],
        "captions": ["لاعبو الخليج يحتفلون", "Getty Images"],
        "paragraphs": ["فقرة أولى", "فقرة ثانية"],
        "exclude": ["شارك"],
    }
    assert compare_snapshot(got, ok) == []
    bad = {**ok, "source": "رويترز", "date": "2024-01-02", "tags": ["الكرخ", "الشرطة"]}
    diffs = {d.field: d for d in compare_snapshot(got, bad)}
    assert set(diffs) == {"source", "date", "tags"}
    assert "same tags in another order" in diffs["tags"].format()
    assert [d.field for d in compare_snapshot(got, bad, fields=["date"])] == ["date"]
    # captions are the list: a credit kept as a caption fails as a lost caption does
    (extra,) = compare_snapshot(got, {"captions": ["لاعبو الخليج يحتفلون"]})
    assert extra.summary == "0 caption(s) not found, 1 not expected"
    assert "+ Getty Images" in extra.format()
    with pytest.raises(SnapshotError):
        compare_snapshot(got, bad, fields=["nope"])


def test_paragraph_diff_names_blocks_and_moves() -> None:
    blocks = [
        BlockInfo(index=0, text="فقرة أولى", label=Label.BODY, reasons=["prose"]),
        BlockInfo(index=1, text="شارك", label=Label.NOISE, reasons=["share-bar"]),
        BlockInfo(index=2, text="فقرة ثانية", label=Label.BODY, reasons=["prose"]),
    ]
    got = article(paragraphs=["فقرة ثانية", "فقرة أولى"], blocks=blocks)
    (diff,) = compare_snapshot(got, {"paragraphs": ["فقرة أولى", "شارك", "فقرة ثانية"]})
    text = diff.format()
    assert "- expected line 2 missing from the body: block #1 noise · share-bar" in text
    assert "~ expected line 1 is line 2 of the body (out of order)" in text or (
        "~ expected line 3 is line 1 of the body (out of order)" in text
    )
    assert diff.summary.startswith("1 line(s) missing from the body, 0 extra, 1 out of order")
    (repeated,) = compare_snapshot(got, {"paragraphs": ["فقرة ثانية"]})
    assert "+ extra line 2 of the body: block #0 body · prose" in repeated.format()


def test_snapshot_dirs_and_load_expected(tmp_path: Path) -> None:
    for name, page in (("a", "page.html"), ("b/c", "input.txt"), ("d", "notes.txt")):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / page).write_text("x", encoding="utf-8")
    assert snapshot_dirs(tmp_path) == [tmp_path / "a", tmp_path / "b" / "c"]
    bad = tmp_path / "a" / "expected.json"
    bad.write_text('{"tags": "not a list"}', encoding="utf-8")
    with pytest.raises(SnapshotError, match="'tags' must be a list of strings"):
        load_expected(bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(SnapshotError, match="JSON object"):
        load_expected(bad)
    with pytest.raises(SnapshotError, match="no page"):
        find_page(tmp_path / "d")


# --- updates write only inside the root, never through a link --------------------------------


def test_update_does_not_write_through_a_linked_expected_file(
    pytester: pytest.Pytester, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = make_snapshot(pytester.path)
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "victim.json"
    elsewhere.write_text('{"headline": "old"}\n', encoding="utf-8")
    (folder / "expected.json").unlink()
    (folder / "expected.json").symlink_to(elsewhere)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester, "--arabic-extract-update")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*expected.json: not written: it is a symbolic link*"])
    assert elsewhere.read_text(encoding="utf-8") == '{"headline": "old"}\n'


def snapshot_elsewhere(factory: pytest.TempPathFactory, name: str) -> Path:
    """A snapshot folder outside the inner session's root, with no expected.json yet."""
    folder = make_snapshot(factory.mktemp(name))
    (folder / "expected.json").unlink()
    return folder


def test_update_does_not_write_into_a_linked_folder(
    pytester: pytest.Pytester, tmp_path_factory: pytest.TempPathFactory
) -> None:
    real = snapshot_elsewhere(tmp_path_factory, "outside")
    (pytester.path / "snap").symlink_to(real, target_is_directory=True)
    pytester.makepyfile(TEST_SNAPSHOT)

    result = run_inner(pytester, "--arabic-extract-update")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*not written: its folder is reached through a symbolic link*"])
    assert not (real / "expected.json").exists()


def test_update_does_not_write_outside_the_root(
    pytester: pytest.Pytester, tmp_path_factory: pytest.TempPathFactory
) -> None:
    real = snapshot_elsewhere(tmp_path_factory, "far")
    pytester.makepyfile(
        f"""
def test_far(extraction_snapshot):
    extraction_snapshot({str(real)!r})

def test_up(extraction_snapshot):
    extraction_snapshot("../{real.parent.name}/snap")
"""
    )

    result = run_inner(pytester, "--arabic-extract-update")

    result.assert_outcomes(failed=2)
    # The failure sections, not the short summary (whose lines are cut to the terminal's width).
    refused = [
        line
        for line in result.outlines
        if "not written: outside pytest's root" in line and not line.startswith("FAILED")
    ]
    assert len(refused) == 2
    assert not (real / "expected.json").exists()
