"""End-to-end: ``extract`` on every fixture page, field by field.

Fixtures live in ``fixtures/seeds/<name>/input.txt``, ``fixtures/text/<name>/input.txt`` and
``fixtures/html/<name>/source.html``, each with an ``expected.json`` written by hand (see
``fixtures/html/README.md``). Each field is its own test, so a failure names the fixture and the
field.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from arabic_extract import Article, extract
from arabic_extract.evaluation import tokens
from arabic_extract.normalize import normalize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INPUT_NAMES = {"seeds": "input.txt", "text": "input.txt", "html": "source.html"}


def fixture_dirs() -> list[tuple[str, Path]]:
    found = []
    for kind, input_name in INPUT_NAMES.items():
        root = FIXTURES / kind
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if (folder / input_name).is_file() and (folder / "expected.json").is_file():
                found.append((kind, folder))
    return found


CASES = fixture_dirs()
IDS = [f"{kind}/{folder.name}" for kind, folder in CASES]


def test_fixtures_present() -> None:
    kinds = {kind for kind, _ in CASES}
    assert kinds == {"seeds", "text", "html"}
    assert sum(1 for kind, _ in CASES if kind == "seeds") == 5


@cache
def run(kind: str, folder: Path) -> Article:
    data = (folder / INPUT_NAMES[kind]).read_bytes()
    return extract(data)


@cache
def expected_of(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return data


def squash(text: str) -> str:
    return " ".join(text.split())


def norm(text: str | None) -> str:
    return normalize(text or "")


def params(field: str | None = None, when=None) -> list[Any]:  # type: ignore[no-untyped-def]
    """Cases, optionally only those whose expected.json has ``field`` (and ``when`` holds)."""
    out = []
    for (kind, folder), case_id in zip(CASES, IDS, strict=False):
        exp = expected_of(folder)
        if field is not None and field not in exp:
            continue
        if when is not None and not when(exp.get(field)):
            continue
        out.append(pytest.param(kind, folder, id=case_id))
    return out


# --------------------------------------------------------------------------- body


@pytest.mark.parametrize("kind,folder", params("paragraphs"))
def test_paragraphs(kind: str, folder: Path) -> None:
    expected = [squash(p) for p in expected_of(folder)["paragraphs"]]
    got = [squash(p) for p in run(kind, folder).paragraphs]
    if got == expected:
        return
    missing = [p for p in expected if p not in got]
    extra = [p for p in got if p not in expected]
    lines = [f"{folder.name}: body differs ({len(got)} paragraphs, expected {len(expected)})"]
    lines += [f"  MISSING: {p[:120]}" for p in missing]
    lines += [f"  EXTRA:   {p[:120]}" for p in extra]
    if not missing and not extra:
        lines.append("  same paragraphs, different order or repeated")
    pytest.fail("\n".join(lines))


@pytest.mark.parametrize("kind,folder", params("exclude", when=bool))
def test_exclude_not_in_body(kind: str, folder: Path) -> None:
    body = f" {' '.join(tokens(run(kind, folder).body))} "
    leaked = []
    for line in expected_of(folder)["exclude"]:
        toks = tokens(line)
        if toks and f" {' '.join(toks)} " in body:
            leaked.append(line)
    assert leaked == [], f"{folder.name}: noise in the body: {leaked}"


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize("kind,folder", params("headline"))
def test_headline(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["headline"]
    got = run(kind, folder).headline
    if expected is None:
        assert got is None, f"{folder.name}: no headline expected, got {got!r}"
    else:
        assert got is not None, f"{folder.name}: headline missing, expected {expected!r}"
        assert squash(got) == squash(expected)


@pytest.mark.parametrize("kind,folder", params("source"))
def test_source(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["source"]
    got = run(kind, folder).source
    if expected is None:
        assert got is None, f"{folder.name}: no source expected, got {got!r}"
        return
    assert got, f"{folder.name}: source missing, expected {expected!r}"
    e, g = norm(expected), norm(got)
    assert e in g or g in e, f"{folder.name}: source {got!r}, expected {expected!r}"


@pytest.mark.parametrize("kind,folder", params("author"))
def test_author(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["author"]
    got = run(kind, folder).author
    if expected is None:
        assert got is None, f"{folder.name}: no author expected, got {got!r}"
    else:
        assert norm(got) == norm(expected), f"{folder.name}: author {got!r}, expected {expected!r}"


@pytest.mark.parametrize("kind,folder", params("site_name", when=lambda v: v is not None))
def test_site_name(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["site_name"]
    got = run(kind, folder).site_name
    assert norm(got) == norm(expected), f"{folder.name}: site_name {got!r}, expected {expected!r}"


@pytest.mark.parametrize("kind,folder", params("date"))
def test_date(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["date"]
    published = run(kind, folder).published
    if expected is None:
        assert published is None, f"{folder.name}: no date expected, got {published}"
    else:
        assert published is not None, f"{folder.name}: date missing, expected {expected}"
        assert published.date().isoformat() == expected


@pytest.mark.parametrize("kind,folder", params("date_text"))
def test_date_text(kind: str, folder: Path) -> None:
    expected = expected_of(folder)["date_text"]
    got = run(kind, folder).date_text
    if expected is None:
        assert got is None, f"{folder.name}: no date_text expected, got {got!r}"
    else:
        assert norm(got) == norm(expected), (
            f"{folder.name}: date_text {got!r}, expected {expected!r}"
        )


@pytest.mark.parametrize("kind,folder", params("tags", when=bool))
def test_tags(kind: str, folder: Path) -> None:
    expected = [norm(t) for t in expected_of(folder)["tags"]]
    got = [norm(t) for t in run(kind, folder).tags]
    assert got == expected, (
        f"{folder.name}: missing tags {[t for t in expected if t not in got]}, "
        f"extra tags {[t for t in got if t not in expected]}"
    )


@pytest.mark.parametrize("kind,folder", params("captions", when=bool))
def test_captions(kind: str, folder: Path) -> None:
    got = [norm(c) for c in run(kind, folder).captions]
    missing = [c for c in expected_of(folder)["captions"] if not any(norm(c) in g for g in got)]
    assert missing == [], f"{folder.name}: captions not found {missing}; got {got}"
