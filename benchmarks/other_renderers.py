"""arabic_extract on the dev pages as tools the tests do not render them with.

    python benchmarks/other_renderers.py [GOLD_DIR] [--renderers a,b,...]

The renderer-invariance tests and ``compare.py`` use five renderings (:mod:`arabic_extract.shapes`).
Scrapers and converters write others; this script renders the pages with each one found on the
machine (a missing tool is skipped, with a line saying so) and scores arabic_extract on them as
``compare.py`` scores (body F1, worst page, leak, headline, source). Each rendering is what the
tool gives when called as its documentation shows, at its default width where it wraps:

- ``html-text``: ``html_text.extract_text(html, guess_layout=True)`` (Zyte's html-text);
- ``markitdown``: Microsoft's markitdown, HTML to Markdown;
- ``html2text-78``: html2text at its default width, hard-wrapped at 78 columns;
- ``lynx``, ``w3m``: ``lynx -dump -nolist``, ``w3m -dump`` (80 columns, wrapped);
- ``pandoc-plain``, ``pandoc-gfm``, ``pandoc-markdown``, ``pandoc-commonmark``: pandoc from HTML
  to each, wrapped at its default 72 columns (GFM keeps the page's ``<div>`` as HTML blocks,
  pandoc's own Markdown writes them as fenced divs with attributes);
- ``pandoc-gfm-unwrapped``: GFM with ``--wrap=none``;
- ``bs4-get-text``: BeautifulSoup's ``get_text()`` with no separator (text nodes run together,
  line breaks only where the HTML source has them), scripts kept;
- ``bs4-one-line``: ``get_text(" ", strip=True)``: the whole page on one line;
- ``resiliparse``, ``resiliparse-links``: resiliparse's ``extract_plain_text``, at its defaults
  and with ``links=True`` (a link's address in parentheses after its text);
- ``resiliparse-unformatted``: ``extract_plain_text(preserve_formatting=False)``, the page on
  one line;
- ``trafilatura-html2txt``: trafilatura's ``html2txt``, the whole page on one line;
- ``chromium-innertext``: a real browser's ``document.body.innerText`` (headless Chromium driven
  by Playwright, JavaScript off, nothing fetched).

Install the Python ones with ``pip install html-text markitdown playwright resiliparse``; lynx, w3m,
pandoc and chromium are system packages (``apt-get install lynx w3m pandoc chromium``).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(REPO_ROOT))

from arabic_extract.evaluation import (  # noqa: E402
    GoldPage,
    Report,
    arabic_extract_prediction,
    decode_html,
    evaluate,
    format_table,
    load_gold_dir,
)
from arabic_extract.shapes import COMMANDS, LIBRARIES, ONE_LINE  # noqa: E402

DEFAULT_GOLD_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
TIMEOUT = 60  # seconds a command may take on one page

Renderer = Callable[[str], str]


def _command(*args: str) -> Renderer:
    def run(html: str) -> str:
        done = subprocess.run(
            list(args), input=html.encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=True
        )
        return done.stdout.decode("utf-8", "replace")

    return run


def _html_text(html: str) -> str:
    import html_text  # type: ignore[import-not-found, import-untyped, unused-ignore]  # noqa: PLC0415

    text: str = html_text.extract_text(html, guess_layout=True)
    return text


def _markitdown(html: str) -> str:
    from markitdown import MarkItDown  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(html, encoding="utf-8")
        text: str = MarkItDown().convert(str(path)).text_content
    return text


def _html2text(html: str) -> str:
    import html2text  # noqa: PLC0415

    text: str = html2text.HTML2Text().handle(html)
    return text


def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup  # noqa: PLC0415

    return BeautifulSoup(html, "html.parser")


def _bs4_get_text(html: str) -> str:
    text: str = _soup(html).get_text()
    return text


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _chromium_innertext(html: str) -> str:
    from playwright.sync_api import sync_playwright  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.route("**/*", lambda route: route.abort())  # nothing is fetched
            page.set_content(html, wait_until="domcontentloaded")
            text: str = page.evaluate("document.body ? document.body.innerText : ''")
        finally:
            browser.close()
    return text


# name -> (what it needs: a module or a command, the renderer)
RENDERERS: dict[str, tuple[str, Renderer]] = {
    "html-text": ("html_text", _html_text),
    "markitdown": ("markitdown", _markitdown),
    "html2text-78": ("html2text", _html2text),
    **{name: (command[0], _command(*command)) for name, command in COMMANDS.items()},
    "pandoc-gfm-unwrapped": ("pandoc", _command(*COMMANDS["pandoc-gfm"], "--wrap=none")),
    "bs4-get-text": ("bs4", _bs4_get_text),
    "bs4-one-line": ("bs4", ONE_LINE["bs4-one-line"]),
    **{name: ("resiliparse", render) for name, render in LIBRARIES.items()},
    "resiliparse-unformatted": ("resiliparse", ONE_LINE["resiliparse-unformatted"]),
    "trafilatura-html2txt": ("trafilatura", ONE_LINE["trafilatura-html2txt"]),
    "chromium-innertext": ("chromium", _chromium_innertext),
}


def available(need: str) -> bool:
    """Whether a renderer's module can be imported or its command is on the PATH."""
    if need in ("lynx", "w3m", "pandoc"):
        return shutil.which(need) is not None
    if need == "chromium":
        return Path(CHROMIUM).exists() and importlib.util.find_spec("playwright") is not None
    return importlib.util.find_spec(need) is not None


def score(pages: list[GoldPage], name: str, render: Renderer) -> Report:
    """arabic_extract on every page as ``render`` gives it (input_format auto)."""
    inputs = {page.id: render(decode_html(page.html_bytes())) for page in pages}
    return evaluate(pages, arabic_extract_prediction, "text", name=name, inputs=inputs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--renderers", default=",".join(RENDERERS), help="comma-separated")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"no gold folder at {args.gold_dir}", file=sys.stderr)
        return 2
    names = [name.strip() for name in args.renderers.split(",") if name.strip()]
    unknown = [name for name in names if name not in RENDERERS]
    if unknown:
        print(f"unknown renderers: {', '.join(unknown)}", file=sys.stderr)
        return 2
    pages = load_gold_dir(args.gold_dir)
    reports: list[Report] = []
    for name in names:
        need, render = RENDERERS[name]
        if not available(need):
            print(f"skipped {name}: {need} is not installed")
            continue
        reports.append(score(pages, name, render))
    print(f"{len(pages)} pages from {args.gold_dir}; arabic_extract on each rendering")
    print(format_table(reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
