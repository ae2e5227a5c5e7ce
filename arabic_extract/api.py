"""The public entry point: :func:`extract` decodes the input, tells HTML from page text, and
sends it down the matching path (:mod:`arabic_extract.engine.html` or the text pipeline)."""

from __future__ import annotations

import html as html_lib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from types import MappingProxyType
from typing import Final, Literal, get_args

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.deadline import deadline_for
from arabic_extract.engine.decode import Decoded, decode_bytes, decode_text
from arabic_extract.engine.html import extract_html, quoted_gt
from arabic_extract.engine.markdown import DETECT_CHARS, markdown_signals
from arabic_extract.engine.pipeline import extract_markdown, extract_text
from arabic_extract.errors import InputError
from arabic_extract.model import Article
from arabic_extract.rules.dom import BLOCK_TAGS, HIDDEN_CLASSES, HIDDEN_STYLE

_HTML_MARKERS = regex.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]",
    regex.I,
)
_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment; plain page text has no markup."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) is None:
        return False
    return len(_TAG.findall(head)) >= 2


def _utf8_boundary(data: bytes) -> bytes:
    """``data`` without a UTF-8 sequence cut off at its end (a cut made by a byte limit)."""
    end = len(data)
    tail = 0
    while tail < 3 and end - tail > 0 and 0x80 <= data[end - tail - 1] <= 0xBF:
        tail += 1
    lead_at = end - tail - 1
    if lead_at < 0:
        return data
    lead = data[lead_at]
    size = 4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1
    return data[:lead_at] if size > tail + 1 else data


def cut_bytes(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes of ``data``, not ending inside a character."""
    cut = data[:limit]
    if cut.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return cut[: len(cut) - len(cut) % 4]
    if cut.startswith((b"\xff\xfe", b"\xfe\xff")):
        return cut[: len(cut) - len(cut) % 2]
    return _utf8_boundary(cut)


def input_size(source: str | bytes, limit: int) -> int:
    """The input's size in bytes (a str counts as UTF-8), exact where it decides: a str that is
    surely over or under ``limit`` is not encoded (no 200 MB encode to refuse 50 M characters)."""
    if isinstance(source, bytes) or len(source) > limit or 4 * len(source) <= limit:
        return len(source)  # exact, surely over, or surely under (4 bytes a character at most)
    if source.isascii():  # (a flag of the string: one byte a character)
        return len(source)
    return len(source.encode("utf-8", "surrogatepass"))


_GZIP = b"\x1f\x8b"


def gunzip(data: bytes, limit: int) -> bytes:
    """A gzip-compressed page (a saved ``.html.gz``, a response stored still encoded),
    decompressed; at most ``limit + 1`` bytes come out, so a small bomb never fills memory
    (the caller sees it is over the limit). InputError when it does not decompress."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(
            f"input is gzip-compressed data that does not decompress ({exc})"
        ) from None
    if not out and not inflater.eof:
        raise InputError("input is gzip-compressed data that does not decompress (cut short)")
    return out


def decode(source: str | bytes, encoding: str | None, config: ExtractionConfig) -> Decoded:
    notes: list[str] = []
    if isinstance(source, bytes) and source.startswith(_GZIP):
        source = gunzip(source, config.max_input_bytes)
        notes.append("input was gzip-compressed; read decompressed")
    size = input_size(source, config.max_input_bytes)
    if size > config.max_input_bytes:
        if not config.truncate_input:
            unit = "characters" if isinstance(source, str) and size == len(source) else "bytes"
            unpacked = " decompressed" if notes else ""
            raise InputError(
                f"input is {size} {unit}{unpacked}, over the limit of {config.max_input_bytes} "
                "bytes (raise max_input_bytes or set truncate_input)"
            )
        if isinstance(source, bytes):
            source = cut_bytes(source, config.max_input_bytes)
        else:
            encoded = source.encode("utf-8", "surrogatepass")
            source = _utf8_boundary(encoded[: config.max_input_bytes]).decode(
                "utf-8", "surrogatepass"
            )
        notes.append(f"input cut to {config.max_input_bytes} bytes (truncate_input)")
    decoded = decode_bytes(source, encoding) if isinstance(source, bytes) else decode_text(source)
    if not notes:  # (most pages: nothing to add, no second record)
        return decoded
    return Decoded(decoded.text, decoded.encoding, [*notes, *decoded.notes], decoded.utf8)


# --- HTML limits, enforced before the parser sees the page ---------------------------------
#
# Lexbor's tree builder looks down its stack of open elements for most block tags, so a page
# nested 100,000 deep costs it minutes, and every element costs the DOM walk. Below
# _SCAN_ABOVE tags neither can get expensive, and the walk applies max_dom_depth itself. Above
# it, a page of more than ``max_dom_nodes`` elements is read as text only (regular expressions,
# no DOM), and one linear scan measures the nesting: elements deeper than ``max_dom_depth``
# lose their tags (their text joins their ancestor's, as the walk reads them; hidden ones are
# dropped with their content).

_SCAN_ABOVE = 20_000
_TAG_PARTS = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
_MARKUP = re.compile(r"<(?:(!--)|(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*?)(/?)>)")
_COMMENT_END = re.compile(r"--!?>")
# Elements whose content the parser reads as raw text, up to their end tag.
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "noframes"})
_RAW_END = MappingProxyType(
    {name: re.compile(rf"</{name}(?=[\s/>])[^<>]*>", re.I) for name in _RAW}
)
# Elements that never hold content, and those the parser closes itself when a sibling opens:
# neither deepens the tree.
_VOID = frozenset(
    {
        *("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image"),
        *("img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"),
    }
)
_SELF_CLOSING = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot"}
)
_LEAF = _VOID | _SELF_CLOSING
_FOREIGN = frozenset({"svg", "math"})
_HIDDEN_STYLE_RE = re.compile(HIDDEN_STYLE, re.I)
_HIDDEN_ATTR = re.compile(r"""(?:^|\s)(?:hidden(?=[\s=/]|$)|aria-hidden\s*=\s*["']?true)""", re.I)
_CLASS_OR_ID = re.compile(
    r"""(?:^|\s)(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I
)


def attrs_hidden(attrs: str) -> bool:
    """Do an element's attributes (its start tag after the name) hide it?"""
    if not attrs or attrs.isspace():
        return False
    if _HIDDEN_ATTR.search(attrs) or _HIDDEN_STYLE_RE.search(attrs):
        return True
    for found in _CLASS_OR_ID.finditer(attrs):
        value = found.group(1) or found.group(2) or found.group(3) or ""
        words = {w.replace("-", "").replace("_", "") for w in value.lower().split()}
        if words & HIDDEN_CLASSES:
            return True
    return False


def nesting_depth(page: str) -> int:
    """How deep the page's elements nest, as the parser would build them (closely enough to
    bound its work; tags inside scripts and comments are counted, which only overestimates).
    ``<div/>`` opens a div in HTML: only SVG and MathML elements close themselves."""
    depth = foreign = 0
    stack: list[str] = []
    open_names: dict[str, int] = {}
    for close, tag, selfclose in _TAG_PARTS.findall(page):
        name = tag.lower()
        if close:
            if open_names.get(name):
                foreign -= _close(stack, open_names, name)
        elif name not in _LEAF and not (selfclose and (foreign or name in _FOREIGN)):
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
            foreign += name in _FOREIGN
            depth = max(depth, len(stack))
    return depth


def _close(stack: list[str], open_names: dict[str, int], name: str) -> int:
    """Pop the open elements down to the innermost ``name`` (an end tag); how many of them
    were SVG or MathML roots."""
    foreign = 0
    while stack:
        top = stack.pop()
        open_names[top] -= 1
        foreign += top in _FOREIGN
        if top == name:
            break
    return foreign


class _Unwrapper:
    """Drops the tags of elements nested deeper than ``max_depth`` (and hidden deep elements
    with their content), in one pass over the markup."""

    def __init__(self, page: str, max_depth: int) -> None:
        self.page = page
        self.max_depth = max_depth
        self.pieces: list[str] = []
        self.stack: list[str] = []
        self.open_names: dict[str, int] = {}
        self.unwrapped: dict[str, int] = {}  # deep elements whose tags were dropped, by name
        self.count = 0
        self.skip: str | None = None  # inside a deep hidden element of this name
        self.skip_nesting = 0

    def run(self) -> tuple[str, int]:
        page, pos, kept = self.page, 0, 0
        while (found := _MARKUP.search(page, pos)) is not None:
            start, pos = found.span()
            if found.group(1):  # a comment: up to its end
                closing = _COMMENT_END.search(page, pos)
                pos = len(page) if closing is None else closing.end()
                continue
            name = found.group(3).lower()
            if not found.group(2) and name in _RAW:  # up to its end tag; adds no depth
                closing = _RAW_END[name].search(page, pos)
                pos = len(page) if closing is None else closing.end()
                continue
            skipping = self.skip is not None
            if self.drop(found, name):
                if not skipping:
                    self.pieces.append(page[kept:start])
                kept = pos
        if self.skip is None:
            self.pieces.append(page[kept:])
        return "".join(self.pieces), self.count

    def drop(self, found: re.Match[str], name: str) -> bool:
        """Is this tag dropped? (Updates the open elements.)"""
        close, attrs, selfclose = found.group(2), found.group(4), found.group(5)
        if self.skip is not None:
            if name == self.skip:
                self.skip_nesting += -1 if close else 1
                if self.skip_nesting == 0:
                    self.skip = None
            return True
        if close:
            if self.unwrapped.get(name):
                self.unwrapped[name] -= 1
                return True
            if self.open_names.get(name):
                _close(self.stack, self.open_names, name)
            return False
        if name in _LEAF or (selfclose and (name in _FOREIGN or self._foreign())):
            return False
        if len(self.stack) < self.max_depth:
            self.stack.append(name)
            self.open_names[name] = self.open_names.get(name, 0) + 1
            return False
        self.count += 1
        if attrs_hidden(attrs):
            self.skip, self.skip_nesting = name, 1
        else:
            self.unwrapped[name] = self.unwrapped.get(name, 0) + 1
        return True

    def _foreign(self) -> bool:
        return any(self.open_names.get(name) for name in _FOREIGN)


def name_pattern(names: Iterable[str]) -> str:
    """A regular expression for any of ``names`` (lower or upper case), as a prefix tree: a
    tag that is none of them fails on its first letters, not once per name."""

    def tree(words: list[str]) -> str:
        heads: dict[str, list[str]] = {}
        for word in words:
            if word:
                heads.setdefault(word[0], []).append(word[1:])
        branches = [re.escape(head) + tree(rest) for head, rest in sorted(heads.items())]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{inner})?" if "" in words else inner

    lower = sorted({name.lower() for name in names})
    return f"(?:{tree(lower)}|{tree([name.upper() for name in lower])})"


def unwrap_deep(page: str, max_depth: int) -> tuple[str, int]:
    """``page`` without the tags of elements nested deeper than ``max_depth`` (their text joins
    their ancestor's; hidden ones go with their content), and how many were unwrapped."""
    return _Unwrapper(page, max_depth).run()


# Elements whose content is never shown besides the raw-text ones.
_UNSHOWN = frozenset(
    {
        *("template", "noscript", "head", "svg", "math", "iframe", "object", "canvas"),
        *("video", "audio", "map", "select", "button", "dialog", "picture"),
    }
)
# Where an unseen part of the page may start: a comment, an element never shown, or a start
# tag whose attributes may say hidden (attrs_hidden decides).
_UNSEEN_START = re.compile(
    r"<(?:(!--)|" + name_pattern(_RAW | _UNSHOWN) + r"(?=[\s/>])|[a-zA-Z][a-zA-Z0-9:-]*+\s[^<>]*"
    r"(?:[Hh][Ii][Dd]|[Nn][Oo][Nn][Ee]|[Ii]nvisible|[Oo]nly|[Ss]creen))"
)
_HEAD_END = re.compile(r"</head\s*>|<body(?=[\s>])", re.I)
_HTML_SPACE = re.compile(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+")
# A block tag (a line break in the text), and the page's tags in runs: a run of adjacent block
# tags is one line break, a run of other tags is removed, in one pass (one match for a thousand
# empty elements in a row, where each tag was one match, and the tags were read twice).
_BLOCK_TAG = "</?" + name_pattern(BLOCK_TAGS | _SELF_CLOSING | {"br"}) + r"(?=[\s/>])[^<>]*+>"
_TAG_RUNS = re.compile(
    rf"(?P<blocks>(?:{_BLOCK_TAG})++)|(?:(?!{_BLOCK_TAG})(?:</?[a-zA-Z][^<>]*+>|<![^<>]*+>))++"
)
# A text node that is not blank: every block holds at least one.
_TEXT_NODE = re.compile(r">\s*[^\s<]")
# A start or end tag and its name (the end of an unseen element is looked for by name).
_NAMED_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>])[^<>]*>")


def _unseen_end(page: str, start: int) -> int | None:
    """Where the unseen part of the page that may start at ``start`` ends (None: it is seen)."""
    if page.startswith("<!--", start):
        closing = _COMMENT_END.search(page, start + 4)
        return len(page) if closing is None else closing.end()
    found = _MARKUP.match(page, start)
    if found is None or found.group(3) is None:
        return None
    name, attrs = found.group(3).lower(), found.group(4)
    if name in _RAW:
        closing = _RAW_END[name].search(page, found.end())
        return len(page) if closing is None else closing.end()
    if name not in _UNSHOWN and not attrs_hidden(attrs):
        return None
    if name in _VOID or found.group(5):
        return found.end()
    if name == "head":  # its end tag is optional: <body> ends it too
        closing = _HEAD_END.search(page, found.end())
        return len(page) if closing is None else closing.start()
    nesting = 1
    for tag in _NAMED_TAG.finditer(page, found.end()):
        if tag.group(2).lower() != name:
            continue
        if not tag.group(1):
            if name in _SELF_CLOSING:  # a sibling closes it
                return tag.start()
            nesting += 1
        else:
            nesting -= 1
            if nesting == 0:
                return tag.end()
    return len(page)


def drop_unseen(page: str) -> str:
    """``page`` without comments, scripts and styles, hidden elements and the elements whose
    content is never shown."""
    pieces: list[str] = []
    kept = pos = 0
    while (found := _UNSEEN_START.search(page, pos)) is not None:
        end = _unseen_end(page, found.start())
        if end is None:
            pos = found.end()
            continue
        pieces.append(page[kept : found.start()])
        kept = pos = max(end, found.start() + 1)
    pieces.append(page[kept:])
    return "".join(pieces)


def _tag_run(found: re.Match[str]) -> str:
    return "\x00" if found.group("blocks") else ""


def visible_text(page: str) -> str:
    """The text of an HTML page without a DOM: block elements on lines of their own, no
    comments, scripts, styles or hidden elements, entities decoded."""
    # Block boundaries are marked with NUL (decoding removed every NUL of the input) until the
    # tags are gone and the text, much shorter, has its whitespace collapsed.
    text = _TAG_RUNS.sub(_tag_run, drop_unseen(page))
    text = html_lib.unescape(_HTML_SPACE.sub(" ", text))
    return "\n".join(filter(None, map(str.strip, text.split("\x00"))))


# --- attributes ---------------------------------------------------------------------------
#
# Lexbor compares each new attribute with the element's others, and a new attribute name with the
# page's: its time grows with the square of one element's attributes (20,000 took 0.7 s, 40,000
# 5 s) and of the page's distinct attribute names (80,000 took 1 s, 160,000 6.5 s). So:
# - an element's attributes past ``max_attributes`` are dropped. Such an element spans more than
#   twice as many characters without a ">" (each attribute is a name and a separator), unless
#   one of its quoted values holds a ">": one linear search (_CROWDED) finds the tags that may be
#   crowded either way, and their attributes are counted as the parser's tokenizer reads them;
# - a page over _NAMES_ABOVE characters whose tags name more than ``max_attribute_names``
#   distinct attributes is read as text only.

# (matched where a tag's name or attribute ends, never after a separator: (?<!...) keeps a
# search from trying every character of a run of spaces)
_ATTRIBUTE = (
    r"(?<![\t\n\f\r /])[\t\n\f\r /]*+(?P<name>[^\t\n\f\r />][^\t\n\f\r /=>]*+)"
    r"(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\t\n\f\r >]*+))?+"
)
_CHUNK = 64
# (\G: only where the reading stands, as .match is called; a search would try every character
# of a long attribute name, each reading it to its end)
_SOME_ATTRIBUTES = regex.compile(rf"\G(?:{_ATTRIBUTE}){{{_CHUNK}}}+")
_ONE_ATTRIBUTE = regex.compile(_ATTRIBUTE)
_OTHER_ATTRIBUTES = regex.compile(rf"(?:{_ATTRIBUTE})*+")
_TAG_NAME = regex.compile(r"</?[a-zA-Z][^\t\n\f\r />]*+")
_FEW_ATTRIBUTES = regex.compile(rf"</?[a-zA-Z][^\t\n\f\r />]*+(?:{_ATTRIBUTE}){{0,{_CHUNK}}}+")
# Where a crowded tag may be: a stretch of 2,000 characters without ">" (twice the least
# max_attributes), or a quoted value holding a ">" (engine.html.quoted_gt: where
# ``=[\t\n\f\r ]*+(?:"[^">]*+|'[^'>]*+)>`` matches, by searches for single characters). Both
# searches skip to their first character, ">" or "=".
_STRETCH: Final = 2_000
_TAG_START = re.compile(r"<[a-zA-Z/]")
# The attributes of every tag that has some (quoted values may hold ">"), and an attribute's
# value: what is left of a tag's attributes without their values is their names. (re: its
# plain character runs are faster here; each repetition starts with a quote, so the pattern
# never backtracks.)
_TAG_ATTRIBUTES = re.compile(
    r"""<[a-zA-Z][^\t\n\f\r /<>]*+([\t\n\f\r /][^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)"""
)
_VALUE = re.compile(r"""=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >]*+)""")
# A page needs at least this many characters to name max_attribute_names (20,000) distinct
# attributes; smaller pages are not scanned for them.
_NAMES_ABOVE = 150_000


def _crowded_starts(page: str) -> list[int]:
    """Where the tags start that may hold many attributes (a superset): every tag start in a
    long stretch without ">", and the tag holding each quoted value with a ">" (the last tag
    start before it; the searches back never cross each other, so the whole is linear)."""
    starts: set[int] = set()
    stretches = [0] if page.find(">", 0, _STRETCH + 1) < 0 else []
    stretches.extend(_long_stretches(page))
    for begin in stretches:
        end = page.find(">", begin + 1)
        stop = len(page) if end < 0 else end
        starts.update(tag.start() for tag in _TAG_START.finditer(page, begin, stop))
    floor = 0
    for value in quoted_gt(page):
        at = value
        while (at := page.rfind("<", floor, at)) >= 0 and not _TAG_START.match(page, at):
            pass
        if at >= 0:
            starts.add(at)
        floor = value
    return sorted(starts)


def _long_stretches(page: str) -> list[int]:
    """Each ">" followed by at least _STRETCH characters without one (as a search for
    ``>[^>]{2000}`` finds them). The next candidate is the last ">" within _STRETCH characters
    of the current one (the ones between have it within reach too): on a page with tags the
    search takes steps of nearly _STRETCH characters instead of reading every one."""
    found: list[int] = []
    at = page.find(">")
    while at >= 0 and at + _STRETCH < len(page):
        last = page.rfind(">", at + 1, at + _STRETCH + 1)
        if last >= 0:
            at = last
            continue
        found.append(at)
        at = page.find(">", at + _STRETCH + 1)
    return found


def _attributes_end(page: str, start: int, limit: int) -> int:
    """Where the ``limit`` first attributes of the tag at ``start`` end."""
    name = _TAG_NAME.match(page, start)
    pos = start + 1 if name is None else name.end()
    kept = 0
    while kept + _CHUNK <= limit and (some := _SOME_ATTRIBUTES.match(page, pos)) is not None:
        pos, kept = some.end(), kept + _CHUNK
    while kept < limit and (one := _ONE_ATTRIBUTE.match(page, pos)) is not None:
        pos, kept = one.end(), kept + 1
    return pos


def bound_attributes(page: str, limit: int) -> tuple[str, int]:
    """``page`` with each element's attributes past the ``limit``-th dropped (the page itself
    when none has that many), and how many elements lost some."""
    pieces: list[str] = []
    kept = read = cut = 0
    for start in _crowded_starts(page):
        if start < read:  # inside a tag already read (a "<" in one of its values)
            continue
        read = _FEW_ATTRIBUTES.match(page, start).end()  # type: ignore[union-attr]
        if _ONE_ATTRIBUTE.match(page, read) is None:  # the common case: a few attributes
            continue
        attributes_end = _attributes_end(page, start, limit)
        read = _OTHER_ATTRIBUTES.match(page, attributes_end).end()  # type: ignore[union-attr]
        if read == attributes_end:  # no more than the limit
            continue
        pieces.append(page[kept:attributes_end])
        kept = read
        cut += 1
    if not cut:
        return page, 0
    pieces.append(page[kept:])
    return "".join(pieces), cut


def attribute_names(page: str) -> int:
    """How many distinct attribute names the page's tags hold, closely enough to bound the
    parser's work (tags in scripts and comments are counted too)."""
    attributes = _VALUE.sub(" ", " ".join(_TAG_ATTRIBUTES.findall(page)))
    return len(set(attributes.replace("/", " ").split()))


@dataclass(frozen=True)
class Markup:
    """The page as the engine reads it: HTML within the DOM limits, or its text."""

    text: str
    text_only: bool = False
    notes: tuple[str, ...] = ()


def _cut_before(page: str, pattern: re.Pattern[str], count: int) -> int | None:
    """Where the match of ``pattern`` after the first ``count`` starts (None: no more)."""
    found = next(islice(pattern.finditer(page), count, None), None)
    return None if found is None else found.start()


def bound_markup(page: str, config: ExtractionConfig) -> Markup:
    """Enforce ``max_attributes``, ``max_attribute_names``, ``max_dom_nodes``, ``max_blocks``
    and ``max_dom_depth`` on an HTML page before it is parsed."""
    notes: list[str] = []
    tags = page.count("<")
    scan = tags > min(_SCAN_ABOVE, config.max_dom_nodes, config.max_blocks)
    elements = tags - page.count("</") - page.count("<!") if scan else 0
    if elements > config.max_dom_nodes:  # (no DOM: the attributes do not matter)
        notes.append(
            f"HTML has {elements} elements, over max_dom_nodes ({config.max_dom_nodes}); "
            "read as text only"
        )
        return Markup(visible_text(page), text_only=True, notes=tuple(notes))
    page, crowded = bound_attributes(page, config.max_attributes)
    if crowded:
        which = "1 element" if crowded == 1 else f"{crowded} elements"
        notes.append(
            f"HTML has {which} with more than max_attributes ({config.max_attributes}) "
            "attributes; the others were dropped"
        )
    if len(page) > _NAMES_ABOVE and (names := attribute_names(page)) > config.max_attribute_names:
        notes.append(
            f"HTML names {names} distinct attributes, over max_attribute_names "
            f"({config.max_attribute_names}); read as text only"
        )
        return Markup(visible_text(page), text_only=True, notes=tuple(notes))
    if not scan:
        return Markup(page, notes=tuple(notes))
    cut = _cut_before(page, _TEXT_NODE, config.max_blocks)
    if cut is not None:
        page = page[: cut + 1]
        notes.append(
            f"HTML has more than {config.max_blocks} pieces of text (max_blocks); the rest was cut"
        )
    if tags > _SCAN_ABOVE and nesting_depth(page) > config.max_dom_depth:
        page, unwrapped = unwrap_deep(page, config.max_dom_depth)
        if unwrapped:
            notes.append(
                f"HTML nests deeper than max_dom_depth ({config.max_dom_depth}); "
                f"{unwrapped} deeper elements were unwrapped"
            )
    return Markup(page, notes=tuple(notes))


# A non-blank line (at least as the text reader counts lines: any line break).
_LINE = re.compile(r"\S[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*")


def bound_lines(text: str, config: ExtractionConfig) -> tuple[str, list[str]]:
    """Page text cut after its ``max_blocks``-th non-blank line, with a note if it was."""
    if len(text) < 2 * config.max_blocks:
        return text, []
    cut = _cut_before(text, _LINE, config.max_blocks)
    if cut is None:
        return text, []
    note = f"text has more than {config.max_blocks} lines (max_blocks); the rest was cut"
    return text[:cut], [note]


# The configuration of a call that passes none (frozen: one instance serves every call, and
# making one costs a validation of every field, 1 % of a short page's time).
_DEFAULT_CONFIG: Final = ExtractionConfig()

InputFormat = Literal["auto", "html", "text", "markdown"]
INPUT_FORMATS: tuple[InputFormat, ...] = get_args(InputFormat)


def detect_format(text: str, config: ExtractionConfig) -> InputFormat:
    """What a decoded page is: ``html`` (markup), ``markdown`` (at least
    ``config.markdown_min_signals`` signs of it, see
    :func:`~arabic_extract.engine.markdown.markdown_signals`) or plain ``text``. Markup in
    Markdown (:func:`markdown_with_html`) leaves it Markdown."""
    if looks_like_html(text):
        return "markdown" if markdown_with_html(text, config) else "html"
    if markdown_signals(text) >= config.markdown_min_signals:
        return "markdown"
    return "text"


# What only an HTML document has (Markdown with HTML blocks in it holds fragments).
_DOCUMENT_MARKERS = regex.compile(r"<!doctype\s|<html[\s>]|<head[\s>]|<body[\s>]", regex.I)
# A line that starts with a tag (an HTML block of Markdown, or a line of an HTML page).
_TAG_LINE = re.compile(r"^[ \t]*<.*\n?", re.M)


def markdown_with_html(text: str, config: ExtractionConfig) -> bool:
    """Markdown holding HTML blocks (pandoc's GFM keeps an element it cannot write as Markdown,
    such as a <div>, as lines of HTML; READMEs do the same): no mark of an HTML document, and
    the lines that do not start with a tag show ``config.markdown_with_html_min_signals`` signs
    of Markdown. An HTML page's text sits inside its tags; its lines start with them."""
    head = text[:DETECT_CHARS]
    if _DOCUMENT_MARKERS.search(head) is not None:
        return False
    untagged = _TAG_LINE.sub("", head)
    return markdown_signals(untagged) >= config.markdown_with_html_min_signals


def extract(
    source: str | bytes,
    *,
    url: str | None = None,
    config: ExtractionConfig | None = None,
    encoding: str | None = None,
    input_format: InputFormat = "auto",
) -> Article:
    """Extract the article from an Arabic news page: its HTML, its visible text, or Markdown.

    ``source`` is the page as ``str`` or ``bytes`` (decoded from a BOM, ``encoding`` — e.g. the
    HTTP charset —, the page's ``<meta>`` charset, UTF-8, or detected cp1256/ISO-8859-6).
    ``input_format`` says what it is (``"html"``, ``"text"``, ``"markdown"``); ``"auto"``
    tells them apart (:func:`detect_format`).
    Raises :class:`InputError` for input that is not a page (binary data, over the size limit)
    and ``TypeError`` or ``ValueError`` for arguments of the wrong type or value.
    """
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if not isinstance(source, (str, bytes)):
        raise TypeError(f"source must be str or bytes, not {type(source).__name__}")
    if config is None:
        config = _DEFAULT_CONFIG
    elif not isinstance(config, ExtractionConfig):
        raise TypeError(f"config must be an ExtractionConfig, not {type(config).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be str or None, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be str or None, not {type(encoding).__name__}")
    if input_format not in INPUT_FORMATS:
        raise ValueError(
            f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}"
        )
    deadline = deadline_for(config)
    decoded = decode(source, encoding, config)
    text, notes = decoded.text, decoded.notes
    kind = detect_format(text, config) if input_format == "auto" else input_format
    if kind == "html":
        page = bound_markup(text, config)
        text, notes = page.text, [*notes, *page.notes]
        if not page.text_only:
            utf8 = decoded.utf8 if page.text is decoded.text else None
            return extract_html(text, config, url, notes, utf8=utf8, deadline=deadline)
    text, cut = bound_lines(text, config)
    if kind == "markdown":
        return extract_markdown(text, config, url, [*notes, *cut], deadline)
    return extract_text(text, config, url, [*notes, *cut], deadline)
