"""Per-page quality on the shared dev set (real pages, not copied into the repository).

Each page is extracted from its HTML bytes and from every rendering of it (inscriptis text,
BeautifulSoup text, html2text and markdownify Markdown, innerText: ``evaluation.MODES``), and
judged with the measures of ``arabic_extract.evaluation``: body F1, leaked noise snippets,
headline and source. The module is skipped when ``shared/eval/dev`` is not beside the project.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
if not DEV.is_dir():
    pytest.skip(f"shared dev set not found at {DEV}", allow_module_level=True)

from arabic_extract import Article, extract  # noqa: E402
from arabic_extract.evaluation import (  # noqa: E402
    MODES,
    GoldPage,
    headline_correct,
    load_gold_dir,
    page_input,
    prf,
    source_correct,
    tokens,
)

PAGES = load_gold_dir(DEV)
MIN_F1 = 0.95
MAX_LEAKED = 1  # snippets of the page's exclude list allowed in the body

CASES = [pytest.param(page, mode, id=f"{page.id}-{mode}") for page in PAGES for mode in MODES]


def test_dev_set_loaded() -> None:
    assert PAGES, f"no gold pages in {DEV}"


@cache
def run(page_id: str, mode: str) -> Article:
    page = next(p for p in PAGES if p.id == page_id)
    return extract(page.html_bytes() if mode == "html" else page_input(page, mode))  # type: ignore[arg-type]


@pytest.mark.parametrize("page,mode", CASES)
def test_body_f1(page: GoldPage, mode: str) -> None:
    article = run(page.id, mode)
    scores = prf(article.body, page.body)
    assert scores.f1 >= MIN_F1, (
        f"{page.id} ({page.site}) {mode}: F1 {scores.f1:.3f} "
        f"(P {scores.precision:.3f}, R {scores.recall:.3f}) < {MIN_F1}"
    )


@pytest.mark.parametrize("page,mode", CASES)
def test_leak(page: GoldPage, mode: str) -> None:
    body = f" {' '.join(tokens(run(page.id, mode).body))} "
    leaked = [s for s in page.exclude if tokens(s) and f" {' '.join(tokens(s))} " in body]
    assert len(leaked) <= MAX_LEAKED, f"{page.id} ({page.site}) {mode}: leaked {leaked}"


@pytest.mark.parametrize("page,mode", CASES)
def test_headline(page: GoldPage, mode: str) -> None:
    got = run(page.id, mode).headline
    assert headline_correct(got, page.headline), (
        f"{page.id} ({page.site}) {mode}: headline {got!r}, expected {page.headline!r}"
    )


@pytest.mark.parametrize("page,mode", CASES)
def test_source(page: GoldPage, mode: str) -> None:
    got = run(page.id, mode).source
    assert source_correct(got, page.source, page.source_alternatives), (
        f"{page.id} ({page.site}) {mode}: source {got!r}, expected {page.source!r} "
        f"or one of {page.source_alternatives}"
    )
