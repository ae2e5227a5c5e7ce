"""arabic_extract.datatrove: the extractor step in a real datatrove pipeline, and the filter."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter
from warc_files import WarcRecord, html_response, write_warc

from arabic_extract import Article, ExtractionConfig, extract
from arabic_extract.datatrove import (
    METADATA_FIELDS,
    ArabicExtractor,
    FingerprintDedup,
    article_metadata,
    keeps,
)
from arabic_extract.dedup import DedupConfig

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
PAGES = sorted(ROOT.glob("fixtures/html/*/source.html"))


def _records() -> list[WarcRecord]:
    pages = [*PAGES, *sorted(DEV.glob("*.html"))]
    records = [
        html_response(f"https://news.example/{n}/{p.parent.name}", p.read_bytes())
        for n, p in enumerate(pages)
    ]
    # a page with no article text (dropped: empty body) and a duplicate record of page 0
    records.append(html_response("https://news.example/empty", b"<html><body></body></html>"))
    records.append(html_response("https://news.example/again", PAGES[0].read_bytes()))
    return records


def _read_output(folder: Path) -> list[dict[str, object]]:
    rows = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            rows.extend(json.loads(line) for line in stream)
    return rows


def test_pipeline_with_two_tasks_gives_extract_on_every_record(tmp_path: Path) -> None:
    records = _records()
    warcs = tmp_path / "warc"
    warcs.mkdir()
    half = len(records) // 2  # two files, so that each task reads one
    write_warc(warcs / "a.warc.gz", records[:half])
    write_warc(warcs / "b.warc.gz", records[half:])
    out = tmp_path / "out"
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(warcs)), ArabicExtractor(timeout=10), JsonlWriter(str(out))],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    # the records datatrove's reader yields (it skips those libmagic does not call HTML)
    read = {doc.metadata["url"] for doc in WarcReader(str(warcs))()}
    assert len(read) >= len(records) - 2
    expected = {}
    others = 0  # listings, live blogs, galleries, videos and the empty page: dropped
    for record in records:
        article = extract(record.body, url=record.uri)
        if record.uri not in read:
            continue
        if article.page_type == "article" and article.body:
            expected[record.uri] = article
        else:
            others += article.page_type != "article"
    assert "https://news.example/empty" in read and others >= 5
    assert len(expected) == len(read) - others
    rows = _read_output(out)
    assert sorted(row["metadata"]["url"] for row in rows) == sorted(expected)  # type: ignore[index]
    for row in rows:
        metadata = row["metadata"]
        assert isinstance(metadata, dict)
        article = expected[metadata["url"]]
        assert row["text"] == article.body
        assert {key: metadata[key] for key in METADATA_FIELDS} == article_metadata(article)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step = next(s for s in stats if s["name"] == "🛢 - EXTRAC: 🌙 arabic_extract")
    assert step["stats"]["forwarded"] == len(expected)
    assert step["stats"]["non_article"] == others


def test_metadata_is_json_and_names_the_page_language_apart() -> None:
    article = extract(PAGES[0].read_bytes(), url="https://news.example/1")
    metadata = article_metadata(article)
    assert json.loads(json.dumps(metadata)) == metadata
    assert metadata["html_lang"] == article.language
    assert "language" not in metadata  # datatrove's LanguageFilter writes its own there
    assert metadata["fingerprint"] == article.fingerprint


def test_non_articles_are_dropped_or_kept_by_the_switch() -> None:
    listing = Article(page_type="listing", paragraphs=["عنوان أول", "عنوان ثان"])
    assert not keeps(listing.page_type, keep_non_articles=False)
    assert keeps(listing.page_type, keep_non_articles=True)
    assert keeps(Article(page_type="article").page_type, keep_non_articles=False)

    dropping, keeping = ArabicExtractor(), ArabicExtractor(keep_non_articles=True)
    assert dropping._dropped(listing.body, listing.page_type)
    assert not keeping._dropped(listing.body, listing.page_type)
    for step in (dropping, keeping):
        assert step.stats["non_article"].total == 1
        assert step.stats["page_type_listing"].total == 1
    assert dropping.stats["dropped"].total == 1
    assert keeping.stats["dropped"].total == 0


def test_the_per_document_timeout_is_honoured() -> None:
    # 80,000 lines: seconds of work once max_blocks lets the engine read them all
    slow = "\n".join(f"سطر رقم {n} من نص طويل جداً بلا نهاية." for n in range(80_000))
    step = ArabicExtractor(timeout=1.0, config=ExtractionConfig(max_blocks=200_000))
    docs = [
        Document(text=slow, id="slow"),
        Document(text=PAGES[0].read_text(encoding="utf-8"), id="ok", metadata={"url": None}),
    ]
    out = list(step.run(iter(docs)))
    assert [doc.id for doc in out] == ["ok"]
    assert step.stats["timeout"].total == 1
    assert out[0].text == extract(PAGES[0].read_text(encoding="utf-8")).body


def test_fingerprint_dedup_drops_near_copies_and_names_the_kept_one() -> None:
    first = extract(PAGES[0].read_bytes())
    other = extract(PAGES[1].read_bytes())
    docs = [
        Document(text=first.body, id="a", metadata={"fingerprint": first.fingerprint}),
        Document(text=other.body, id="b", metadata={"fingerprint": other.fingerprint}),
        Document(text=first.body, id="c", metadata={"fingerprint": first.fingerprint}),
        Document(text="بلا بصمة", id="d", metadata={}),
    ]
    step = FingerprintDedup(DedupConfig(max_distance=3))
    kept = list(step.run(iter(docs)))
    assert [doc.id for doc in kept] == ["a", "b", "d"]
    assert docs[2].metadata["duplicate_of"] == "a"
    assert docs[2].metadata["duplicate_distance"] == 0
    assert step.stats["dropped_near_duplicate"].total == 1
