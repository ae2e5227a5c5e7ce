"""The HTML explain report (``arabic_extract.report``, ``arabic-extract explain PAGE --html``).

Its structure is checked with an HTML parser; then a real headless Chromium renders it: the
report's inline script writes facts about the rendered page (computed direction, the side the
block labels sit on, distinct legend colours, rendered counts) onto ``<body>``, which
``--dump-dom`` gives back. The browser tests skip only when no Chromium is installed (``.ci/run``
installs Debian's ``chromium``). Set ``ARABIC_EXTRACT_SCREENSHOT=1`` (or to a path) to write the
screenshot to ``docs/explain-report.png`` (or that path).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arabic_extract import Article, BlockInfo, ExtractionConfig, Label, extract
from arabic_extract.cli import main
from arabic_extract.report import block_key, legend, render_report

ROOT = Path(__file__).resolve().parents[1]
TEXT_PAGE = ROOT / "fixtures" / "text" / "iraq_comments_mostread" / "input.txt"
HTML_PAGE = ROOT / "fixtures" / "html" / "custom_cms_egypt_youm" / "source.html"
SCREENSHOT_PAGE = ROOT / "fixtures" / "seeds" / "003_118f5a348380cf0b" / "input.txt"
SCREENSHOT_DOC = ROOT / "docs" / "explain-report.png"
VOID = {"meta", "br", "img", "link", "input", "hr", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(self.parts) + "".join(c.text() for c in self.children)

    def iter(self) -> list[Node]:
        found = [self]
        for child in self.children:
            found += child.iter()
        return found

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes)]

    def find(self, tag: str, cls: str | None = None) -> Node:
        (node,) = self.find_all(tag, cls)[:1]
        return node


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(document: str) -> Node:
    builder = TreeBuilder()
    builder.feed(document)
    builder.close()
    return builder.root


def explained(page: Path) -> Article:
    return extract(page.read_bytes(), config=ExtractionConfig(explain=True))


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("page", [TEXT_PAGE, HTML_PAGE], ids=["text", "html"])
def test_report_structure(page: Path) -> None:
    article = explained(page)
    document = render_report(article, title=page.name)
    assert document.startswith("<!DOCTYPE html>")
    root = parse(document)

    html = root.find("html")
    assert html.attrs["lang"] == "ar"
    assert html.attrs["dir"] == "rtl"
    csp = next(m for m in root.find_all("meta") if m.attrs.get("http-equiv"))
    assert "default-src 'none'" in csp.attrs["content"]
    for node in root.iter():  # self-contained: nothing to fetch
        assert node.tag not in ("link", "img", "iframe", "object")
        assert "src" not in node.attrs and "href" not in node.attrs
    assert "http://" not in document.split("<body>")[0]

    fields = {row.attrs["data-field"]: row for row in root.find_all("tr")}
    assert list(fields)[:3] == ["headline", "source", "author"]
    assert {"date_text", "published", "tags", "captions", "paragraphs"} <= set(fields)
    assert article.headline is not None
    assert fields["headline"].find("td").text() == article.headline
    assert fields["paragraphs"].find("td").text().startswith(f"{len(article.paragraphs)} ")

    counts = Counter(block_key(b) for b in article.blocks)
    chips = root.find("ul", "legend").find_all("li", "chip")
    keys = [chip.attrs["data-key"] for chip in chips]
    non_noise = [label.value for label in Label if label is not Label.NOISE]
    assert keys[: len(non_noise)] == non_noise
    assert set(keys[len(non_noise) :]) == {k for k in counts if k.startswith("noise:")}
    assert {chip.attrs["data-key"]: int(chip.attrs["data-count"]) for chip in chips} == {
        key: counts[key] for key in keys
    }

    styles = root.find("style").text()
    colours = dict(re.findall(r"\.(k-[\w-]+) \{ background-color: (#[0-9a-f]{6}); \}", styles))
    chip_classes = [next(c for c in chip.classes if c.startswith("k-")) for chip in chips]
    assert set(chip_classes) <= set(colours)
    assert len({colours[c] for c in chip_classes}) == len(chips)  # a colour per entry

    blocks = root.find("ol", "blocks").find_all("li", "block")
    assert len(blocks) == len(article.blocks)
    for node, block in zip(blocks, article.blocks, strict=True):
        reasons = ", ".join(block.reasons) or "-"
        assert node.attrs["data-label"] == block.label.value
        assert node.attrs["data-key"] == block_key(block)
        assert reasons in node.attrs["title"]
        assert node.find("aside", "why").text().startswith(reasons)
        assert node.find("div", "text").text() == block.text
        entry_class = chip_classes[keys.index(block_key(block))]
        assert entry_class in node.classes


def test_report_escapes_text() -> None:
    nasty = '<script>alert("x")</script> & <b>bold</b>'
    article = Article(
        headline=f"عنوان {nasty}",
        tags=[nasty],
        paragraphs=["فقرة"],
        blocks=[
            BlockInfo(index=0, text=nasty, label=Label.BODY, reasons=['"quoted" <rule>']),
            BlockInfo(index=1, text="شارك", label=Label.NOISE, reasons=[]),
        ],
    )
    document = render_report(article, title="<page>.html")
    root = parse(document)
    assert len(root.find_all("script")) == 1  # the report's own
    assert root.find_all("b") == []
    assert nasty in root.find("div", "text").text()
    block = root.find("li", "block")
    assert '"quoted" <rule>' in block.attrs["title"]
    assert "<page>.html" in root.find("p", "file").text()
    assert [chip.attrs["data-key"] for chip in root.find("ul", "legend").find_all("li")][-1] == (
        "noise:noise"
    )


def test_report_without_blocks() -> None:
    root = parse(render_report(Article(headline="عنوان", paragraphs=["فقرة"])))
    assert root.find_all("li", "block") == []
    assert "explain=True" in root.find("ol", "blocks").text()


def test_legend_colours_stay_distinct_with_many_families() -> None:
    blocks = [
        BlockInfo(index=i, text=f"x{i}", label=Label.NOISE, reasons=[f"family-{i}"])
        for i in range(80)
    ]
    entries = legend(blocks)
    assert len(entries) == len(Label) - 1 + 80
    assert len({e.colour for e in entries}) == len(entries)


# --------------------------------------------------------------------------- command line


def test_explain_html_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["explain", str(TEXT_PAGE), "--html", str(out)]) == 0
    assert capsys.readouterr().out == ""
    document = out.read_text(encoding="utf-8")
    assert document == render_report(explained(TEXT_PAGE), title=str(TEXT_PAGE))

    assert main(["explain", str(TEXT_PAGE), "--html", "-"]) == 0
    assert capsys.readouterr().out == document


def test_explain_without_html_is_the_explain_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(TEXT_PAGE), "--explain"]) == 0
    listing = capsys.readouterr().out
    assert main(["explain", str(TEXT_PAGE)]) == 0
    assert capsys.readouterr().out == listing
    assert "share-bar" in listing


def test_explain_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path / "missing.html"), "--html", "r.html"]) == 1
    assert "missing.html" in capsys.readouterr().err
    assert main(["explain", str(TEXT_PAGE), "--html", str(tmp_path / "no" / "r.html")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(["explain"]) == 2


# --------------------------------------------------------------------------- real browser


def find_chromium() -> str | None:
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = find_chromium()
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def write_report(page: Path, folder: Path) -> tuple[Article, Path]:
    article = explained(page)
    path = folder / "report.html"
    path.write_text(render_report(article, title=page.name), encoding="utf-8")
    return article, path


@needs_browser
@pytest.mark.parametrize("page", [TEXT_PAGE, HTML_PAGE], ids=["text", "html"])
def test_rendered_in_chromium(tmp_path: Path, page: Path) -> None:
    article, report = write_report(page, tmp_path)
    dom = chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    body = parse(dom).find("body").attrs
    assert body.get("data-ready") == "1", "the report's script did not run"
    assert body["data-direction"] == "rtl"  # computed direction of the block list
    assert body["data-label-side"] == "right"  # the block's label column is on the right
    counts = Counter(block_key(b) for b in article.blocks)
    entries = len(Label) - 1 + sum(1 for key in counts if key.startswith("noise:"))
    assert int(body["data-chips"]) == entries
    assert int(body["data-chip-colours"]) == entries  # a distinct computed colour per entry
    assert int(body["data-blocks"]) == len(article.blocks)
    assert int(body["data-blocks-coloured"]) == len(article.blocks)  # block colour = its entry
    rendered = dict(item.split("=") for item in body["data-counts"].split())
    assert {key: int(value) for key, value in rendered.items()} == dict(counts)


@needs_browser
def test_screenshot(tmp_path: Path) -> None:
    _, report = write_report(SCREENSHOT_PAGE, tmp_path)
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    target = os.environ.get("ARABIC_EXTRACT_SCREENSHOT")
    if target:
        destination = SCREENSHOT_DOC if target == "1" else Path(target)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, destination)
