"""How the DOM walk reads an element's class and id (:mod:`arabic_extract.engine.html`): the
runs of letters it matches furniture words against, and what a class string says."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from arabic_extract.engine.html import (
    _HIDDEN_SELECTOR,
    _HIDDEN_STYLE,
    _HIDDEN_STYLE_ENDS,
    _NOISE_TOKEN_SET,
    _NOT_IN_LEAF,
    HIDDEN_WORDS,
    NO_WORDS,
    _class_tokens,
    _noise_hits,
    drop_hidden,
    inside,
    may_hide,
    read_words,
    tag_name,
)
from arabic_extract.rules.dom import CLASS_TOKEN

CLASS_CHARS = "abcxyz-_ 0129\t\n.:/أبé"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=CLASS_CHARS, max_size=60))
def test_class_tokens_are_the_runs_of_letters(lowered: str) -> None:
    assert _class_tokens(lowered) == re.findall(CLASS_TOKEN, lowered)


def test_what_a_class_string_says() -> None:
    assert read_words("post-body entry-content", noise_tokens=True).article
    assert read_words("d-none", noise_tokens=True) is HIDDEN_WORDS
    assert read_words("col-md-8 row", noise_tokens=True) is NO_WORDS
    shared = read_words("td-post-sharing", noise_tokens=True)
    assert shared.noise and not shared.article
    # a negated word says what is absent: "no-share" is no share bar
    assert read_words("no-share", noise_tokens=True) is NO_WORDS
    # the site's header is furniture, the article's own header is none (WordPress, its themes,
    # CSS modules); another furniture word in it still counts
    assert read_words("site-header", noise_tokens=True).noise == ("dom:menu",)
    for own in ("entry-header", "entry-header-outer", "td-post-header", "Article_header__Qw1"):
        assert read_words(own, noise_tokens=True) is NO_WORDS, own
    assert read_words("entry-header share", noise_tokens=True).noise == ("dom:share",)
    # a column by its side says nothing: in a right-to-left layout the right one is the article's
    assert read_words("rightCol", noise_tokens=True) is NO_WORDS


_SOME_TOKENS = sorted(_NOISE_TOKEN_SET)[:20]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SOME_TOKENS), st.text(alphabet=CLASS_CHARS, max_size=10))
    ).map(" ".join)
)
def test_noise_tokens_found_in_bytes_are_those_of_the_runs_of_letters(value: str) -> None:
    lowered = value.lower()
    assert _noise_hits(lowered) == _NOISE_TOKEN_SET.intersection(_class_tokens(lowered))


_HIDING = (
    '<div hidden><span class="hide">a</span></div><p style="display: none" class="d-none">b</p>'
    '<b aria-hidden="true" class="invisible visually-hidden screen-reader-text hidden">c</b>'
    '<i style="visibility:hidden;display:none">d</i><i style="visibility: hidden">e</i>'
    '<q class="sr-only">f</q><q class="HIDDEN">g</q><u HIDDEN>h</u><s aria-hidden="TRUE">i</s>'
    '<em style="DISPLAY:NONE">j</em><span class="hidden"><span class="hide">k</span></span>'
    "<p>shown</p>"
)


def test_hidden_elements_are_dropped_outermost_first() -> None:
    """Nested hidden elements, and elements two selectors match: the outer one is removed,
    once, and nothing freed is read. As CSS
    says: attribute values are matched with their case (aria-hidden="TRUE", DISPLAY:NONE stay),
    class names too in standards mode (HIDDEN stays), not in quirks mode."""
    for page, shown in (
        (f"<!DOCTYPE html><body>{_HIDING}</body>", ["g", "i", "j", "shown"]),
        (f"<body>{_HIDING}</body>", ["i", "j", "shown"]),
    ):
        tree = LexborHTMLParser(page)
        assert tree.body is not None
        drop_hidden(tree.body)
        assert tree.body.text(deep=True, separator=" ").split() == shown


def _drop_outermost(root: LexborNode) -> None:
    """drop_hidden as it was: the outermost hidden elements found by climbing each one's
    parents, and removed with their descendants."""
    found = root.css(_HIDDEN_SELECTOR)
    marked = {node.mem_id for node in found}
    outermost: dict[int, LexborNode] = {}
    for node in found:
        parent = node.parent
        while parent is not None and parent.mem_id not in marked:
            parent = parent.parent
        if parent is None:
            outermost[node.mem_id] = node
    for node in outermost.values():
        node.decompose()


_TAGS = ("div", "span", "p", "b", "li")
_MARKS = ("", "", "", " hidden", ' class="x hide"', ' style="display:none"', ' aria-hidden="true"')


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        tag = draw(st.sampled_from(_TAGS))
        mark = draw(st.sampled_from(_MARKS))
        inner = draw(_trees(depth + 1))
        parts.append(f"<{tag}{mark}>{draw(st.sampled_from('abc'))}{inner}</{tag}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_trees(), st.sampled_from(("", " hidden", ' class="hidden"')))
def test_unlinking_hidden_elements_alone_leaves_the_document_of_removing_the_outermost(
    inner: str, body_mark: str
) -> None:
    """drop_hidden unlinks every hidden element alone; the document left is the one that
    removing the outermost ones with their descendants leaves (the root hidden: empty)."""
    page = f"<!DOCTYPE html><html><body{body_mark}>{inner}<p>z</p></body></html>"
    old, new = LexborHTMLParser(page), LexborHTMLParser(page)
    assert old.body is not None and new.body is not None
    old_body, new_body = old.body, new.body
    _drop_outermost(old_body)
    drop_hidden(new_body)
    assert new_body.html == old_body.html
    assert new.html == old.html


def _inside_by_traversal(node: LexborNode) -> tuple[list[int], list[int], int] | None:
    """What the leaf reading traversed every element for: links, images and the first bold
    element, by address; None at a block, break or unseen element."""
    links: list[int] = []
    images: list[int] = []
    strong = 0
    elements = node.traverse(include_text=False)
    next(elements)
    for inner in elements:
        name = inner.tag
        if name == "a":
            links.append(inner.mem_id)
        elif name == "img":
            images.append(inner.mem_id)
        elif name in _NOT_IN_LEAF:
            return None
        elif not strong and name in ("strong", "b"):
            strong = inner.mem_id
    return links, images, strong


_LEAF_PARTS = ("", " ", "\\n  ", "x", "<!-- c -->", "<br>", "<img src=a>", "<b>y</b>", "<a>z</a>")
_LEAF_WRAPS = ("div", "span", "p", "strong", "a", "script")


@st.composite
def _leaf_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        parts.append(draw(st.sampled_from(_LEAF_PARTS)))
        if draw(st.booleans()):
            tag = draw(st.sampled_from(_LEAF_WRAPS))
            hidden = draw(st.sampled_from(("", " hidden")))  # removed: texts side by side
            parts.append(f"<{tag}{hidden}>{draw(_leaf_trees(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(_leaf_trees())
def test_a_glance_at_the_first_nodes_agrees_with_the_traversal(inner: str) -> None:
    """inside() spares most block elements the traversal (see glance); what it finds is what
    traversing every element finds."""
    tree = LexborHTMLParser(f"<!DOCTYPE html><body><div>{inner}</div></body>")
    assert tree.body is not None
    drop_hidden(tree.body)
    div = tree.body.css_first("div")
    assert div is not None
    found = inside(div, {})
    expected = _inside_by_traversal(div)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert [a.mem_id for a in found.links] == expected[0]
        assert [i.mem_id for i in found.images] == expected[1]
        assert (found.strong.mem_id if found.strong is not None else 0) == expected[2]


_HTML_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
_HTML_PAGES = sorted(_HTML_FIXTURES.glob("*/source.html"))
_FOREIGN = (
    "<clippath>a</clippath><svg><clipPath>b</clipPath><foreignObject><div>c</div>"
    "</foreignObject></svg><math><mi>d</mi></math><fb:like></fb:like><x-y></x-y><X-Y>e</X-Y>"
    "<![CDATA[f]]><?pi g?><!-- h --><DIV>i</DIV>"
)


def test_a_tag_name_by_its_id_is_the_name_outside_svg_and_math() -> None:
    """tag_name gives node.tag, read once per tag id, for every node outside <svg> and <math>
    (which the walk skips: inside them an SVG name keeps its case under the id of an HTML
    name)."""
    pages = [p.read_text(encoding="utf-8") for p in _HTML_PAGES]
    for page in [f"<body>{_FOREIGN}</body>", *pages]:
        tree = LexborHTMLParser(page)
        names: dict[object, str] = {}
        node: LexborNode | None = tree.root
        checked = 0
        while node is not None:  # depth first, not into svg and math
            assert tag_name(node, names) == node.tag
            checked += 1
            child = node.first_child if node.tag not in ("svg", "math") else None
            if child is not None:
                node = child
                continue
            while node is not None and node.next is None:
                node = node.parent
            node = node.next if node is not None else None
        assert checked > 10
    svg = LexborHTMLParser(f"<body>{_FOREIGN}</body>").css_first("svg > *")
    assert svg is not None and svg.tag == "clipPath"
    assert tag_name(svg, {svg.tag_id: "clippath"}) != svg.tag


def test_the_letters_of_a_hiding_style_s_ends_match_only_themselves() -> None:
    """may_hide looks for the lowered ends of a _HIDDEN_STYLE match: the pattern's
    case-insensitive matching must find n, o, e and d only as themselves, upper or lower."""
    for letter in sorted(set("".join(_HIDDEN_STYLE_ENDS))):
        pattern = regex.compile(letter, regex.I)
        found = {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))}
        assert found == {letter, letter.upper()}


_STYLE_CHARS = "displayvisibltyhdenoDISPLAYNONEHIDDENİı :;-\t"


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(("display", "none", "visibility", "hidden", ":", " ", "DiSpLaY")),
            st.text(alphabet=_STYLE_CHARS, max_size=8),
        ),
        max_size=8,
    ).map("".join)
)
def test_a_style_that_hides_may_hide(style: str) -> None:
    assert _HIDDEN_STYLE.search(style) is None or may_hide(style)
