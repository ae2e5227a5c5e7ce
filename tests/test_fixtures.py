"""End-to-end: ``extract`` on every fixture page, field by field, through the project's own pytest
plugin (:mod:`arabic_extract.pytest_plugin`, fixture ``extraction_snapshot``).

Fixtures live in ``fixtures/seeds/<name>/input.txt``, ``fixtures/text/<name>/input.txt``,
``fixtures/markdown/<name>/input.md`` and ``fixtures/html/<name>/source.html``, each with an
``expected.json`` written by hand (see
``fixtures/html/README.md``; the keys and how each is compared are in the plugin's docstring and
``docs/tools.md``). Each field of each fixture is its own test, so a failure names the fixture
and the field, and the plugin's message says which body lines moved to noise and by which rules.
``pytest tests/test_fixtures.py --arabic-extract-update`` rewrites the expected outputs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arabic_extract.pytest_plugin import (
    COMPARED_FIELDS,
    EXPECTED_NAME,
    ExtractionSnapshot,
    find_page,
    snapshot_dirs,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KINDS = ("seeds", "text", "markdown", "html")


def fixture_dirs() -> list[tuple[str, Path]]:
    return [
        (kind, folder)
        for kind in KINDS
        for folder in snapshot_dirs(FIXTURES / kind)
        if (folder / EXPECTED_NAME).is_file()
    ]


CASES = fixture_dirs()


def expected_keys(folder: Path) -> list[str]:
    data = json.loads((folder / EXPECTED_NAME).read_text(encoding="utf-8"))
    return [field for field in COMPARED_FIELDS if field in data]


FIELD_CASES = [
    pytest.param(folder, field, id=f"{kind}/{folder.name}-{field}")
    for kind, folder in CASES
    for field in expected_keys(folder)
]


def test_fixtures_present() -> None:
    kinds = {kind for kind, _ in CASES}
    assert kinds == set(KINDS)
    assert sum(1 for kind, _ in CASES if kind == "seeds") == 5
    pages = {kind: {find_page(folder).name for k, folder in CASES if k == kind} for kind in KINDS}
    assert pages == {
        "seeds": {"input.txt"},
        "text": {"input.txt"},
        "markdown": {"input.md"},
        "html": {"source.html"},
    }


def test_every_fixture_checks_the_body_and_noise() -> None:
    for _, folder in CASES:
        keys = expected_keys(folder)
        assert "paragraphs" in keys, folder
        assert "exclude" in keys, folder


@pytest.mark.parametrize("folder,field", FIELD_CASES)
def test_fixture_field(extraction_snapshot: ExtractionSnapshot, folder: Path, field: str) -> None:
    extraction_snapshot(folder, fields=[field])
