"""Inline Markdown: a block's source in, the text a browser would show out, with the share of it
that is link text and whether it holds an image. An image after some text starts a new segment:
converters write a gallery's figures inline, one caption after another.

Every step is one linear pass (no backtracking regular expression, no unbounded recursion):

1. code spans and backslash escapes are protected: their characters are swapped for private-use
   code points that no later step reads as syntax, and swapped back at the end;
2. HTML comments, tags and autolinks left inside the Markdown are removed;
3. brackets and parentheses are matched with a stack each; ``[text](url)``, ``[text][ref]`` and
   ``[ref]`` (with a definition) are links, ``![alt](src)`` images (they show nothing); a link's
   text is read the same way, two levels deep at most;
4. emphasis delimiters (``*``, ``_``, ``~~``) that pair up as CommonMark's flanking rules say are
   removed; a lone ``*`` or ``_`` stays (an interview's ``*`` before a question);
5. entities are decoded and white space collapsed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, final

from arabic_extract.engine.blocks import LinkRun, link_runs
from arabic_extract.rules.dom import HIDDEN_CLASSES

LinkRefs = Mapping[str, str]
"""Reference definitions of a page: label (lower case) -> URL."""

# Private-use code points (plane 15) stand for protected characters until the end.
_PROTECT_BASE: Final = 0xF0000
_PROTECTED: Final = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_PROTECT: Final = MappingProxyType(
    str.maketrans({c: chr(_PROTECT_BASE + ord(c)) for c in _PROTECTED})
)
_RESTORE: Final = MappingProxyType(
    str.maketrans({chr(_PROTECT_BASE + ord(c)): c for c in _PROTECTED})
)
_SYNTAX: Final = frozenset("\\[]!*_`~<&")

_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_BACKTICKS: Final = re.compile(r"`+")
_AUTOLINK: Final = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2048}>")
_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,31}(?:\s[^<>]{0,2048})?/?>")
_BRACKET: Final = re.compile(r"[\[\]]")
_PAREN: Final = re.compile(r"[()]")
_DELIMITER: Final = re.compile(r"\*+|_+|~~+")
_SPACE: Final = re.compile(r"\s+")
_MAX_DEPTH: Final = 2  # a link's text, and an image inside it

# An HTML link's opening and closing tags, its address (see _html_links), and the brackets of
# its text, protected.
_A_OPEN: Final = re.compile(r"<a\s", re.I)
_A_CLOSE: Final = re.compile(r"</a>", re.I)
_HREF: Final = re.compile(r"""\shref\s*=\s*["']?([^"'\s<>()]{1,2048})""", re.I)
_PROTECT_BRACKETS: Final = MappingProxyType(
    str.maketrans({c: chr(_PROTECT_BASE + ord(c)) for c in "[]"})
)

# Pandoc's Markdown: attributes in braces right after a link, an image or a bracketed span
# ([text]{.class}, [a](b){#id}), and a bracketed span without a link inside. A span that a
# hiding class marks (.d-none, .sr-only: a page's hidden copy of its title) shows nothing.
_ATTRIBUTES: Final = re.compile(r"(?<=[\])])\{[^{}]{0,2048}\}")
_SPAN: Final = re.compile(r"\[([^\[\]]{0,2048})\]\{([^{}]{0,2048})\}")
_ATTRIBUTE_CLASS: Final = re.compile(r"(?<![^\s{])\.([\w-]{1,64})")


# Marks put around a link's text when its runs are kept (private-use code points that no step
# reads as syntax), then taken out.
_LINK_OPEN: Final = "\U000f0100"
_LINK_CLOSE: Final = "\U000f0101"

Image = tuple[str, str]
"""An image of a block: its alternative text and its address."""


@final
class Inline:
    """A block's shown text, how many of its characters (spaces aside) are link text, the
    link texts, whether the block holds an image, its images (alternative text and address)
    and, when asked, its runs of plain text and links (see
    :func:`~arabic_extract.engine.blocks.link_runs`)."""

    __slots__ = ("image", "images", "link_chars", "links", "spans", "text")

    def __init__(
        self,
        text: str,
        link_chars: int = 0,
        links: tuple[str, ...] = (),
        image: bool = False,
        *,
        images: tuple[Image, ...] = (),
        spans: tuple[LinkRun, ...] = (),
    ) -> None:
        self.text: Final = text
        self.link_chars: Final = link_chars
        self.links: Final = links
        self.image: Final = image
        self.images: Final = images
        self.spans: Final = spans


def _protect(text: str) -> str:
    """Code spans (their content, as written) and escaped characters, protected."""
    if "`" in text:
        text = _code_spans(text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: m.group(1).translate(_PROTECT), text)
    return text


def _code_spans(text: str) -> str:
    """Each backtick run closes at the next run of the same length; what is between is
    protected. Runs are looked up by length, so the pass stays linear."""
    runs = list(_BACKTICKS.finditer(text))
    by_length: dict[int, list[int]] = {}
    for k, run in enumerate(runs):
        by_length.setdefault(len(run.group()), []).append(k)
    pieces: list[str] = []
    kept = 0
    closed_until = -1
    cursor: dict[int, int] = {}  # per length, the next candidate closer in by_length
    for k, run in enumerate(runs):
        if k <= closed_until:
            continue
        same = by_length[len(run.group())]
        at = cursor.get(len(run.group()), 0)
        while at < len(same) and same[at] <= k:
            at += 1
        cursor[len(run.group())] = at
        if at == len(same):
            continue
        closer = runs[same[at]]
        pieces.append(text[kept : run.start()])
        pieces.append(text[run.end() : closer.start()].translate(_PROTECT))
        kept = closer.end()
        closed_until = same[at]
    pieces.append(text[kept:])
    return "".join(pieces)


def _html_links(text: str) -> str:
    """``text`` with each HTML link left in the Markdown (``<a href="u">text</a>``, as pandoc's
    GFM keeps a link with attributes) written as a Markdown link, so that its text counts as a
    link's, as the DOM path counts it. One pass: each opening tag's end and its closing tag are
    looked up once, in order (in ``text`` itself: lower-casing may change its length)."""
    pieces: list[str] = []
    kept = 0
    found = _A_OPEN.search(text)
    while found is not None:
        start = found.start()
        opened = text.find(">", start)
        closing = _A_CLOSE.search(text, opened) if opened >= 0 else None
        if closing is None:
            break
        href = _HREF.search(text, start, opened)
        shown = text[opened + 1 : closing.start()].translate(_PROTECT_BRACKETS)
        pieces.append(text[kept:start])
        pieces.append(f"[{shown}]({href.group(1)})" if href is not None else shown)
        kept = closing.end()
        found = _A_OPEN.search(text, kept)
    pieces.append(text[kept:])
    return "".join(pieces)


def _drop_comments(text: str) -> str:
    """``text`` without HTML comments; an unclosed one is left as it is. One pass: once no
    ``-->`` follows a ``<!--``, none follows a later one either."""
    pieces: list[str] = []
    kept = 0
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pieces.append(text[kept:start])
        kept = end + 3
        start = text.find("<!--", kept)
    pieces.append(text[kept:])
    return " ".join(pieces) if len(pieces) > 1 else text


def _pairs(text: str, pattern: re.Pattern[str], opener: str) -> dict[int, int]:
    """Matching brackets (or parentheses): opening position -> closing position."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for found in pattern.finditer(text):
        if found.group() == opener:
            stack.append(found.start())
        elif stack:
            pairs[stack.pop()] = found.start()
    return pairs


class _Out:
    """What rendering a range collects; at the top level, an image after some text closes a
    segment (a figure between two pieces of text, as html2text writes a gallery inline)."""

    def __init__(self, marked: bool = False) -> None:
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links: list[str] = []
        self.image = False
        self.images: list[Image] = []
        self.marked = marked  # links' texts marked, their addresses in hrefs
        self.hrefs: list[str | None] = []
        self.done: list[Inline] = []

    def cut(self) -> None:
        """Close the segment so far, when it shows any text."""
        shown = "".join(self.pieces)
        if not _unmarked(shown).strip():
            self.pieces = []  # only spaces: nothing to keep (and nothing to join again)
            self.hrefs = []
            return
        self.done.append(self.finish(shown))
        self.pieces, self.link_chars, self.links, self.image = [], 0, [], False
        self.images, self.hrefs = [], []

    def finish(self, shown: str) -> Inline:
        """The segment ``shown`` (with its links marked, when they are) as an Inline."""
        text = _clean(_unmarked(shown)) if self.marked else _clean(shown)
        spans = _runs(shown, self.hrefs, text) if self.marked and self.hrefs else ()
        return Inline(
            text,
            self.link_chars,
            tuple(self.links),
            self.image,
            images=tuple(self.images),
            spans=spans,
        )


class _Links:
    """Links and images of one block's (protected) text."""

    def __init__(self, text: str, refs: LinkRefs) -> None:
        self.text = text
        self.refs = refs
        self.brackets = _pairs(text, _BRACKET, "[")
        self.parens = _pairs(text, _PAREN, "(") if "](" in text else {}

    def target_end(self, start: int, close: int, hi: int) -> int | None:
        """Where the link whose text is ``[start..close]`` ends: after ``(url)``, ``[ref]``, or
        at ``close`` for a shortcut reference; None when the brackets are no link."""
        text, after = self.text, close + 1
        if after < hi and text[after] == "(":
            end = self.parens.get(after)
            return end if end is not None and end < hi else None
        if not self.refs:
            return None
        if after < hi and text[after] == "[":
            end = self.brackets.get(after)
            if end is not None and end < hi:
                label = text[after + 1 : end] or text[start + 1 : close]
                return end if self._defined(label) else None
        return close if self._defined(text[start + 1 : close]) else None

    def _defined(self, label: str) -> bool:
        return " ".join(label.split()).lower() in self.refs

    def render(self, lo: int, hi: int, out: _Out, depth: int) -> None:
        text = self.text
        pos = lo
        i = text.find("[", lo, hi)
        while i >= 0:
            close = self.brackets.get(i)
            end = self.target_end(i, close, hi) if close is not None and close < hi else None
            if close is None or end is None:
                i = text.find("[", i + 1, hi)
                continue
            image = i > pos and text[i - 1] == "!"
            out.pieces.append(text[pos : i - 1 if image else i])
            if image:
                if depth == 0:
                    out.cut()
                out.image = True
                src = self.target(i, close, end)
                if src:
                    alt = " ".join(_emphasis(text[i + 1 : close]).translate(_RESTORE).split())
                    out.images.append((html.unescape(alt), src))
            else:
                href = self.target(i, close, end) if out.marked and depth == 0 else None
                self.link(i + 1, close, out, depth, href)
            pos = end + 1
            i = text.find("[", pos, hi)
        out.pieces.append(text[pos:hi])

    def target(self, start: int, close: int, end: int) -> str | None:
        """The address of the link or image whose text is ``[start..close]`` and which ends at
        ``end`` (see :meth:`target_end`): ``(url "title")``, or a reference's."""
        text = self.text
        if end > close + 1 and text[close + 1] == "(":
            inner = text[close + 2 : end].strip()
            if inner.startswith("<"):
                url = inner[1 : inner.find(">")] if ">" in inner else inner[1:]
            else:
                url = inner.split()[0] if inner else ""
            return url.translate(_RESTORE) or None
        label = text[close + 2 : end] if end > close + 1 else ""
        label = label or text[start + 1 : close]
        return self.refs.get(" ".join(label.split()).lower())

    def link(self, lo: int, hi: int, out: _Out, depth: int, href: str | None) -> None:
        inner = _Out()
        if depth < _MAX_DEPTH:
            self.render(lo, hi, inner, depth + 1)
        else:
            inner.pieces.append(self.text[lo:hi])
        shown = "".join(inner.pieces)
        if out.marked and depth == 0:
            out.pieces.append(f"{_LINK_OPEN}{shown}{_LINK_CLOSE}")
            out.hrefs.append(href)
        else:
            out.pieces.append(shown)
        out.images.extend(inner.images)
        out.image = out.image or inner.image
        if depth == 0:
            anchor = " ".join(_emphasis(shown).translate(_RESTORE).split())
            out.link_chars += len(anchor) - anchor.count(" ")
            if anchor:
                out.links.append(anchor)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for a delimiter run."""
    after_punct = not after.isalnum() and not after.isspace()
    before_punct = not before.isalnum() and not before.isspace()
    left = not after.isspace() and (not after_punct or before.isspace() or before_punct)
    right = not before.isspace() and (not before_punct or after.isspace() or after_punct)
    return left, right


def _emphasis(text: str) -> str:
    """``text`` without the emphasis delimiters that pair up."""
    if "*" not in text and "_" not in text and "~" not in text:
        return text
    runs = list(_DELIMITER.finditer(text))
    openers: dict[str, list[int]] = {}
    drop = [False] * len(runs)
    for k, run in enumerate(runs):
        kind = run.group()[0]
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        left, right = _flanking(before, after)
        if kind == "_":  # no emphasis inside a word: snake_case
            before_punct = not before.isalnum() and not before.isspace()
            after_punct = not after.isalnum() and not after.isspace()
            left, right = left and (not right or before_punct), right and (not left or after_punct)
        stack = openers.setdefault(kind, [])
        if right and stack:
            drop[stack.pop()] = drop[k] = True
        elif left:
            stack.append(k)
    if not any(drop):
        return text
    pieces: list[str] = []
    kept = 0
    for run, dropped in zip(runs, drop, strict=True):
        if dropped:
            pieces.append(text[kept : run.start()])
            kept = run.end()
    pieces.append(text[kept:])
    return "".join(pieces)


def _shown(text: str) -> str:
    """Emphasis, protection and entities undone: the characters a browser shows."""
    shown = _emphasis(text).translate(_RESTORE)
    return html.unescape(shown) if "&" in shown else shown


def _clean(shown: str) -> str:
    return _SPACE.sub(" ", _shown(shown)).strip()


def _unmarked(text: str) -> str:
    if _LINK_OPEN not in text:
        return text
    return text.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "")


def _runs(marked: str, hrefs: list[str | None], text: str) -> tuple[LinkRun, ...]:
    """The runs of plain text and links of a segment whose links are marked; none when they
    do not give back its ``text`` (emphasis that pairs across a link's edge)."""
    pieces: list[str] = []
    links: list[str | None] = []
    k = 0
    for part in _shown(marked).split(_LINK_OPEN):
        inside, _, after = part.rpartition(_LINK_CLOSE)
        if _LINK_CLOSE in part and k < len(hrefs):
            pieces.append(inside.replace(_LINK_CLOSE, ""))
            links.append(hrefs[k])
            k += 1
        elif _LINK_CLOSE in part:
            after = part.replace(_LINK_CLOSE, "")
        pieces.append(after)
        links.append(None)
    runs = link_runs(pieces, links)
    if "".join(run for run, _ in runs) != text or all(href is None for _, href in runs):
        return ()
    return runs


def _span_text(found: re.Match[str]) -> str:
    """A bracketed span's text (pandoc's ``[text]{attributes}``), none when it is hidden."""
    # (class names are matched as the DOM path matches them: lower case, no - or _)
    classes = {
        name.lower().replace("-", "").replace("_", "")
        for name in _ATTRIBUTE_CLASS.findall(found.group(2))
    }
    return "" if not classes.isdisjoint(HIDDEN_CLASSES) else found.group(1)


def render_inline(raw: str, refs: LinkRefs, *, spans: bool = False) -> list[Inline]:
    """The text ``raw`` shows, with its link share, whether it holds images and which, and
    (``spans``) its runs of plain text and links: one segment, or one more after each image
    that follows some text."""
    if _SYNTAX.isdisjoint(raw):
        return [Inline(_SPACE.sub(" ", raw).strip())]
    text = _protect(raw)
    if "<" in text:
        text = _drop_comments(text)
        if _A_CLOSE.search(text) is not None:
            text = _html_links(text)
        text = _TAG.sub(" ", _AUTOLINK.sub(" ", text))
    if "]{" in text or "){" in text:
        text = _ATTRIBUTES.sub("", _SPAN.sub(_span_text, text))
    out = _Out(marked=spans)
    if "[" in text:
        _Links(text, refs).render(0, len(text), out, 0)
    else:
        out.pieces.append(text)
    last = out.finish("".join(out.pieces))
    return [*out.done, last] if last.text or not out.done else out.done
