"""The shapes in which other tools hand a page over: renderings of its HTML as page text or
Markdown, for judging extraction on every shape (``arabic-extract eval --mode``, the benchmark
and the renderer-invariance tests).

- ``inscriptis``: ``inscriptis.get_text``, one block per line, lists with ``*`` (the seeds' shape);
- ``bs4``: BeautifulSoup's ``get_text("\\n", strip=True)`` after dropping script, style and
  noscript: one line per text node, so a link or a bold word splits its sentence;
- ``html2text``: Markdown by html2text (``body_width=0``: a paragraph a line);
- ``markdownify``: Markdown by markdownify (its defaults: setext headings);
- ``innertext``: a browser's ``innerText``, written here with selectolax: block elements on lines
  of their own, a blank line around paragraphs, table cells joined by tabs, nothing hidden.

Only ``innertext`` uses the runtime dependencies; the others need the renderers of the ``test``
extra (``pip install "arabic-news-extract[test]"``), imported when first used. :data:`COMMANDS`
adds the renderings of programs outside Python, when installed: lynx and w3m dumps, pandoc's
plain text, GFM, Markdown and CommonMark; :data:`LIBRARIES` those of Python libraries outside
the five shapes (``tests/test_other_renderers.py``, ``benchmarks/other_renderers.py``), and
:data:`ONE_LINE` those that give the whole page on one line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from types import MappingProxyType
from typing import Literal, get_args

from selectolax.lexbor import LexborHTMLParser, LexborNode

from arabic_extract.extras import install_hint
from arabic_extract.rules.dom import BLOCK_TAGS

Shape = Literal["inscriptis", "bs4", "html2text", "markdownify", "innertext"]
SHAPES: tuple[Shape, ...] = get_args(Shape)

_HINT = f"install the renderers with `{install_hint('test')}`"


def _missing(package: str, exc: ImportError) -> ImportError:
    return ImportError(f"the {package} rendering needs {package}; {_HINT}")


def inscriptis_text(html: str) -> str:
    try:
        from inscriptis import get_text  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise _missing("inscriptis", exc) from exc
    text: str = get_text(html)
    return text


def _soup(html: str) -> object:
    try:
        from bs4 import BeautifulSoup  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise _missing("beautifulsoup4", exc) from exc
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "noscript"]):
        element.decompose()
    return soup


def bs4_text(html: str) -> str:
    """``get_text("\\n", strip=True)``, as scrapers call it."""
    text: str = _soup(html).get_text("\n", strip=True)  # type: ignore[attr-defined]
    return text


def html2text_markdown(html: str) -> str:
    try:
        import html2text  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise _missing("html2text", exc) from exc
    converter = html2text.HTML2Text()
    converter.body_width = 0
    text: str = converter.handle(html)
    return text


def markdownify_markdown(html: str) -> str:
    try:
        from markdownify import markdownify  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise _missing("markdownify", exc) from exc
    text: str = markdownify(str(_soup(html)))
    return text


# --- innerText --------------------------------------------------------------------------------

# Elements a browser does not render (display: none by default, or no text of their own).
_UNRENDERED = frozenset(
    {
        *("script", "style", "noscript", "template", "head", "title", "meta", "link"),
        *("iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "select"),
        *("datalist", "img", "input", "button", "textarea", "map", "area", "dialog"),
    }
)
# Blocks a browser surrounds with a blank line (innerText's "required line count" of 2).
_SPACED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
# Elements on lines of their own (table cells are not: a tab ends each).
_BLOCKS = (BLOCK_TAGS | {"li", "tr", "caption"}) - _CELLS
_PRE = frozenset({"pre", "textarea", "listing", "xmp"})
_SPACES = re.compile(r"[ \t\n\r\f]+")


class _InnerText:
    """Writes a DOM as ``innerText`` does, in one walk without recursion."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.breaks = 0  # line breaks owed before the next text (the larger request wins)
        self.started = False

    def request(self, count: int) -> None:
        if self.started:
            self.breaks = max(self.breaks, count)

    def write(self, text: str, preformatted: bool) -> None:
        if not preformatted:
            text = _SPACES.sub(" ", text)
        if not text:
            return
        if self.breaks:
            if text == " ":
                return
            self.out.append("\n" * self.breaks)
            self.breaks = 0
            text = text.lstrip(" ")
        elif text == " " and (not self.out or self.out[-1].endswith((" ", "\n", "\t"))):
            return
        if self.out and self.out[-1].endswith(" ") and text.startswith(" "):
            text = text[1:]
        self.out.append(text)
        self.started = True

    def walk(self, root: LexborNode) -> str:
        # (node, leaving): an element is visited twice, entering and leaving
        stack: list[tuple[LexborNode, bool]] = [(root, False)]
        pre = 0
        while stack:
            node, leaving = stack.pop()
            tag = node.tag or ""
            if tag == "-text":
                self.write(node.text_content or "", pre > 0)
                continue
            if leaving:
                self.leave(tag)
                pre -= tag in _PRE
                continue
            if tag.startswith("-") or tag in _UNRENDERED or _hidden(node):
                continue
            self.enter(tag)
            pre += tag in _PRE
            stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
        text = "".join(self.out).strip()
        return text + "\n" if text else ""

    def enter(self, tag: str) -> None:
        if tag == "br":
            self.out.append("\n")
            self.breaks = 0
        elif tag in _SPACED:
            self.request(2)
        elif tag in _BLOCKS:
            self.request(1)

    def leave(self, tag: str) -> None:
        if tag in _CELLS:
            self.out.append("\t")
        elif tag in _SPACED:
            self.request(2)
        elif tag in _BLOCKS:
            self.request(1)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "hidden" in attrs or "display:none" in style or "visibility:hidden" in style


def innertext(html: str) -> str:
    """The page's ``innerText``, as a browser gives it for ``document.body``: text of block
    elements on lines of their own, paragraphs and headings between blank lines, table cells
    ended by a tab, ``<br>`` as a line break; scripts, styles, images, form controls and
    elements hidden by an attribute or inline style left out."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    text = _InnerText().walk(root)
    # a row's last cell leaves a tab before the line break, as browsers do; trim it
    return "\n".join(line.rstrip("\t ") for line in text.split("\n")) if text else ""


RENDERERS: MappingProxyType[Shape, Callable[[str], str]] = MappingProxyType(
    {
        "inscriptis": inscriptis_text,
        "bs4": bs4_text,
        "html2text": html2text_markdown,
        "markdownify": markdownify_markdown,
        "innertext": innertext,
    }
)


def render(html: str, shape: Shape) -> str:
    """The page as ``shape`` hands it over (see the module's docstring)."""
    return RENDERERS[shape](html)


# Renderings by programs outside Python, at their defaults (they wrap: lynx and w3m at 80
# columns, pandoc at 72): the benchmark of other renderers and the tests use those found on
# the machine.
COMMANDS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "lynx": (
            "lynx",
            "-dump",
            "-nolist",
            "-stdin",
            "-assume_charset=utf-8",
            "-display_charset=utf-8",
        ),
        "w3m": ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"),
        "pandoc-plain": ("pandoc", "-f", "html", "-t", "plain"),
        "pandoc-gfm": ("pandoc", "-f", "html", "-t", "gfm"),
        "pandoc-markdown": ("pandoc", "-f", "html", "-t", "markdown"),
        "pandoc-commonmark": ("pandoc", "-f", "html", "-t", "commonmark"),
    }
)
COMMAND_TIMEOUT = 60  # seconds a program may take on one page


def has_command(name: str) -> bool:
    """Whether the program of the rendering ``name`` (of :data:`COMMANDS`) is installed."""
    return shutil.which(COMMANDS[name][0]) is not None


def render_command(html: str, name: str) -> str:
    """The page as the program of the rendering ``name`` (of :data:`COMMANDS`) writes it;
    FileNotFoundError when the program is not installed."""
    done = subprocess.run(
        list(COMMANDS[name]),
        input=html.encode("utf-8"),
        capture_output=True,
        timeout=COMMAND_TIMEOUT,
        check=True,
    )
    return done.stdout.decode("utf-8", "replace")


# --- renderings by Python libraries outside the five shapes -------------------------------------


def resiliparse_text(html: str) -> str:
    """resiliparse's ``extract_plain_text`` at its defaults (the whole page, list bullets and
    image alt texts, no link addresses): the page text of many web-corpus pipelines."""
    return _resiliparse(html, links=False)


def resiliparse_links(html: str) -> str:
    """resiliparse's ``extract_plain_text`` keeping links: a link's address follows its text
    in parentheses (``رياضة (/sports/ar)``)."""
    return _resiliparse(html, links=True)


def _resiliparse(html: str, links: bool, formatted: bool = True) -> str:
    try:
        from resiliparse.extract.html2text import extract_plain_text  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise _missing("resiliparse", exc) from exc
    text: str = extract_plain_text(html, links=links, preserve_formatting=formatted)
    return text


LIBRARIES: MappingProxyType[str, Callable[[str], str]] = MappingProxyType(
    {"resiliparse": resiliparse_text, "resiliparse-links": resiliparse_links}
)


# --- the whole page on one line ------------------------------------------------------------------


def bs4_one_line(html: str) -> str:
    """BeautifulSoup's ``get_text(" ", strip=True)`` after dropping script, style and noscript:
    the text nodes joined by spaces, the whole page on one line."""
    text: str = _soup(html).get_text(" ", strip=True)  # type: ignore[attr-defined]
    return text


def trafilatura_html2txt(html: str) -> str:
    """trafilatura's ``html2txt``: the page's text, its white space collapsed into one line."""
    from trafilatura import html2txt  # noqa: PLC0415

    text: str = html2txt(html)
    return text


def resiliparse_unformatted(html: str) -> str:
    """resiliparse's ``extract_plain_text(preserve_formatting=False)``: the page on one line."""
    return _resiliparse(html, links=False, formatted=False)


ONE_LINE: MappingProxyType[str, Callable[[str], str]] = MappingProxyType(
    {
        "bs4-one-line": bs4_one_line,
        "trafilatura-html2txt": trafilatura_html2txt,
        "resiliparse-unformatted": resiliparse_unformatted,
    }
)
"""Renderings that give the whole page on one line (``tests/test_one_line.py``,
``benchmarks/other_renderers.py``), read by :mod:`arabic_extract.engine.one_line`."""
