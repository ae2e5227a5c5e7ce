"""Hostile inputs for :func:`arabic_extract.extract`, generated (nothing is stored).

Shared by ``tests/test_hostile.py`` (small sizes, to keep the suite fast) and
``benchmarks/hostile.py`` (the sizes the hardening issue names: a 10 MB line, a 50 MB page,
100,000-deep nesting, 1,000,000 empty elements), which times every case.

A case says what ``extract`` must give: ``InputError`` (``expect="error"``), an article with a
body (``"body"``), no body but a note saying why (``"empty"``), or either (``"any"``: an empty
body must still come with a note). ``paragraphs`` (when set) must all be in the body,
``forbidden`` must appear nowhere in it, and ``note`` must be part of a note.
"""

from __future__ import annotations

import codecs
import gzip
import random
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from arabic_extract import ExtractionConfig

Expect = Literal["error", "body", "empty", "any"]

HEADLINE = "وزارة الزراعة تعلن خطة لدعم مزارعي الزيتون في الجنوب"
DATE = "الأربعاء 17 تموز 2024 - 10:15"
PARAGRAPHS = (
    "أعلنت وزارة الزراعة اليوم الأربعاء عن خطة جديدة لدعم مزارعي الزيتون في المحافظات "
    "الجنوبية، تشمل قروضا ميسرة وتوزيع شتلات محسنة على أكثر من خمسة آلاف مزارع.",
    "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تهدف إلى رفع الإنتاج بنسبة عشرين في المئة "
    "خلال ثلاث سنوات، وإلى تحسين جودة الزيت المعد للتصدير إلى الأسواق الأوروبية.",
    "وأضاف أن الوزارة ستفتح مراكز إرشاد في القرى لتدريب المزارعين على أساليب الري الحديثة، "
    "بعد موسمين من الجفاف أضرا بالمحاصيل وقلصا دخل آلاف الأسر الريفية.",
    "ورحبت نقابة المزارعين بالخطة، لكنها دعت إلى تسريع صرف التعويضات المتأخرة عن الموسم "
    "الماضي، وإلى إشراك الجمعيات الزراعية في توزيع الدعم حتى يصل إلى مستحقيه.",
)
# Text of the page's furniture: never part of the body.
SHARE = "شارك على فيسبوك | تويتر | واتساب"
MENU = ("الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة")
# A marker that hidden text carries: it must never reach the body.
SECRET = "نصمخفيسري"
SECRET_TEXT = (
    f"هذا {SECRET} نص طويل مخفي عن القارئ في الصفحة، ولا يجوز أن يظهر في متن الخبر المستخرج "
    "مهما كانت طريقة إخفائه في الصفحة."
)


def article_text(paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    """The article as page text: menu, headline, date, body, share line."""
    lines = [*MENU, "", HEADLINE, DATE, "", *(f"{p}\n" for p in paragraphs), SHARE]
    return "\n".join(lines) + "\n"


def article_html(body_extra: str = "", head: str = "", paragraphs: str | None = None) -> str:
    """The article as an HTML page; ``body_extra`` goes inside the article, between paragraphs."""
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    inner = (
        paragraphs if paragraphs is not None else "\n".join([*paras[:2], body_extra, *paras[2:]])
    )
    menu = "".join(f'<li><a href="/c/{i}">{m}</a></li>' for i, m in enumerate(MENU))
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{HEADLINE}</title>{head}</head><body>"
        f'<nav class="menu"><ul>{menu}</ul></nav>'
        f'<article><h1>{HEADLINE}</h1><time datetime="2024-07-17T10:15">{DATE}</time>\n'
        f'{inner}\n<div class="share">{SHARE}</div></article>'
        "</body></html>"
    )


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], str | bytes]
    expect: Expect
    config: ExtractionConfig | None = None
    encoding: str | None = None
    note: str | None = None
    paragraphs: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())  # "large": a size the issue names


# --------------------------------------------------------------------------- generators


def sprinkle(text: str, chars: str, every: int = 7, seed: int = 1) -> str:
    """``text`` with one of ``chars`` after every ``every``-th character or so."""
    rng = random.Random(seed)
    out: list[str] = []
    for i, char in enumerate(text):
        out.append(char)
        if char != "\n" and i % every == 0:
            out.append(rng.choice(chars))
    return "".join(out)


def bidi_everywhere(text: str) -> str:
    """Every line wrapped in an RTL embedding, marks and zero-width characters between words."""
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        marked = "\u200f \u200b".join(words).replace("ا", "ا\u200d")
        lines.append(f"\u202b\u2067{marked}\u2069\u202c\ufeff" if line else line)
    return "\n".join(lines)


def _presentation_map() -> dict[str, str]:
    """Base Arabic letter -> its isolated presentation form (U+FE70-U+FEFF)."""
    table: dict[str, str] = {}
    for code in range(0xFE70, 0xFEFD):
        char = chr(code)
        base = unicodedata.normalize("NFKC", char)
        if len(base) == 1 and base not in table and "ISOLATED" in unicodedata.name(char, ""):
            table[base] = char
    return table


def presentation_forms(text: str) -> str:
    table = _presentation_map()
    return "".join(table.get(char, char) for char in text)


def random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def invalid_utf8() -> bytes:
    """The article in UTF-8 with stray and cut sequences in its first paragraph."""
    data = article_text().encode("utf-8")
    start = data.index(PARAGRAPHS[0].encode("utf-8"))
    return data[: start + 41] + b"\xff\xc0\x80" + data[start + 42 :]


def mojibake(latin1: bool = False) -> str:
    """Arabic UTF-8 that was decoded as windows-1252 somewhere upstream, the way browsers and
    WHATWG decoders do it (undefined bytes kept as C1 controls), or as Latin-1."""
    data = article_text().encode("utf-8")
    if latin1:
        return data.decode("latin-1")
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def long_line(size: int) -> str:
    """One line of ``size`` characters: the article's sentences over and over, no break."""
    unit = " ".join(PARAGRAPHS) + " "
    return (unit * (size // len(unit) + 1))[:size]


def big_page(size: int) -> bytes:
    """A page of ``size`` bytes: the article's paragraphs repeated as lines."""
    unit = article_text().encode("utf-8")
    return (unit * (size // len(unit) + 1))[:size]


def deep_nesting(depth: int, closed: bool = True) -> str:
    html = article_html(paragraphs="<div>" * depth + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    return html.replace("</article>", ("</div>" * depth if closed else "") + "</article>")


def empty_elements(count: int, tag: str = "span") -> str:
    empties = f"<{tag}></{tag}>" * count
    return article_html(body_extra=empties)


def unclosed_tags() -> str:
    paras = "".join(f"<div><p>{p}<span><b>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{HEADLINE}</title><body><h1>{HEADLINE}<div class='x'>{paras}<a href='"
    )


def hidden_text_page() -> str:
    """The article with Arabic text in scripts, styles, comments and hidden block elements."""
    hidden = "\n".join(
        [
            f'<script>var s = "{SECRET_TEXT}"; document.write("<p>{SECRET}</p>");</script>',
            f"<style>/* {SECRET_TEXT} */ .x::after {{ content: '{SECRET}'; }}</style>",
            f"<!-- {SECRET_TEXT} -->",
            f'<div style="display: none"><p>{SECRET_TEXT}</p></div>',
            f'<div style="visibility:hidden"><p>{SECRET_TEXT}</p></div>',
            f"<div hidden><p>{SECRET_TEXT}</p></div>",
            f'<div aria-hidden="true"><p>{SECRET_TEXT}</p></div>',
            f'<div class="d-none"><p>{SECRET_TEXT}</p></div>',
            f'<p class="sr-only">{SECRET_TEXT}</p>',
            f"<noscript><p>{SECRET_TEXT}</p></noscript>",
            f"<template><p>{SECRET_TEXT}</p></template>",
            f"<textarea>{SECRET_TEXT}</textarea>",
            f'<select><option>{SECRET_TEXT}</option></select><iframe src="/x">{SECRET}</iframe>',
        ]
    )
    return article_html(body_extra=hidden)


def iframe_only() -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        '<iframe src="https://example.com/article/1" width="100%" height="900"></iframe>'
        "</body></html>"
    )


def many_short_lines(count: int) -> str:
    return "\n".join(MENU[i % len(MENU)] for i in range(count)) + "\n" + article_text()


def menu_page(count: int) -> str:
    """An HTML page that is only a long list of links: no article, so no main run."""
    items = "".join(
        f'<li><a href="/c/{i}">{MENU[i % len(MENU)]} {i}</a></li>' for i in range(count)
    )
    return f"<html><body><ul>{items}</ul></body></html>"


def header_line(line: str) -> str:
    """The article as page text, with ``line`` where its date line is (under the headline:
    where the date and byline readers look)."""
    return article_text().replace(f"\n{DATE}\n", f"\n{line}\n", 1)


# --------------------------------------------------------------------------- issue 13 classes
#
# Inputs that made a regular expression backtrack (cubic, quadratic, exponential) or Lexbor work
# with the square of an element's attributes, each a class built at a size: the issue's own
# strings are their members at the issue's sizes.

PROSE = PARAGRAPHS[0]


def dashed_names(count: int, where: str = "text") -> str:
    """CSS-like names joined by dashes (the cms-leftover family): a-a-a-...-a, then a letter
    that no family takes, as a line under a headline, or inside an HTML element."""
    line = "-".join(["a"] * count) + " ب"
    if where == "text":
        return f"عنوان\n\n{line}\n" + "\n".join(PARAGRAPHS) + "\n"
    element = {"p": "<p>{}</p>", "h1": "<h1>{}</h1>", "li": "<ul><li>{}</li></ul>"}
    element |= {"a": '<p><a href="/x">{}</a></p>', "title": "<title>{}</title>"}
    return article_html(body_extra=element[where].format(line))


def counters(count: int) -> str:
    """Numbers with a decimal mark and a separator (the counter family): 1.1-1.1-...x."""
    return "1.1-" * count + "x\n" + "\n".join(PARAGRAPHS) + "\n"


def spaced_keywords(spaces: int, where: str = "keywords") -> str:
    """A keyword list of two words and a run of spaces (the metadata keyword split)."""
    value = "أ" + " " * spaces + "ب"
    heads = {
        "keywords": f'<meta name="keywords" content="{value}">',
        "news_keywords": f'<meta name="news_keywords" content="{value}">',
        "article:tag": f'<meta property="article:tag" content="{value}">',
        "JSON-LD": '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "{HEADLINE}", "keywords": "{value}"}}</script>',
        "title": f"<title>{HEADLINE}{' ' * spaces}x</title>",
    }
    return article_html(head=heads[where])


def spaced_line(spaces: int, line: str = "صورة: أ{}ب") -> str:
    """A line with a long run of spaces in it under the headline, then the article's prose
    (caption_text, clean_edges, the byline and caption patterns)."""
    return f"{HEADLINE}\n{line.format(' ' * spaces)}\n" + "\n".join(PARAGRAPHS * 2) + "\n"


def crowded_element(count: int, kind: str = "valued") -> str:
    """One element with ``count`` attributes (Lexbor's time grows with their square)."""
    attribute = {
        "valued": lambda i: f"a{i}=1",
        "boolean": lambda i: f"b{i}",
        "quoted >": lambda i: f'q{i}=">"',
    }[kind]
    attributes = " ".join(attribute(i) for i in range(count))
    return article_html(body_extra=f"<div {attributes}><p>{PARAGRAPHS[1]}</p></div>")


def distinct_attribute_names(count: int) -> str:
    """Many elements, each with an attribute name of its own (Lexbor's names table)."""
    return article_html(body_extra="".join(f"<i a{i}=1></i>" for i in range(count)))


def family_line(count: int, phrases: str) -> str:
    """A rule family's own phrases repeated on one line, which then fails to be the family's
    (a last word no family has)."""
    return f"{HEADLINE}\n{(phrases + ' ') * count}بxz\n" + "\n".join(PARAGRAPHS) + "\n"


def utf8_with_cp1256(size: int) -> bytes:
    """A UTF-8 page with ``size`` bytes of a cp1256 paragraph pasted into it."""
    pasted = (PARAGRAPHS[2] * (size // len(PARAGRAPHS[2]) + 1)).encode("cp1256")[:size]
    page = article_html(paragraphs="".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3))
    return page.encode("utf-8").replace(PARAGRAPHS[2].encode("utf-8"), pasted, 1)


def issue13_cases(full: bool) -> list[Case]:
    """The classes above at the issue's sizes (``full``) or at sizes that keep the suite fast
    while still far past where the old patterns blew up (a quarter: every pattern is linear)."""
    k = 1 if full else 4
    dashes, dots, spaces, line = 1600 // k, 3200 // k, 40_000 // k, 32_000 // k
    attributes, names, repeats = 100_000 // k, 160_000 // k, 4000 // k
    keyword_places = ("keywords", "news_keywords", "article:tag", "JSON-LD", "title")
    cases = [
        Case(f"{dashes} dashed names, text", lambda: dashed_names(dashes), "body",
             paragraphs=PARAGRAPHS),
        *(
            Case(f"{dashes} dashed names, <{tag}>", lambda t=tag: dashed_names(dashes, t), "body")
            for tag in ("p", "h1", "li", "a", "title")
        ),
        Case(f"{dashes * 10} dashed names", lambda: dashed_names(dashes * 10), "body"),
        Case(f"{dots} counters 1.1-", lambda: counters(dots), "body", paragraphs=PARAGRAPHS),
        Case(f"{dots * 10} counters 1.1-", lambda: counters(dots * 10), "body"),
        *(
            Case(f"{spaces} spaces in {where}", lambda w=where: spaced_keywords(spaces, w), "body")
            for where in keyword_places
        ),
        Case(f"{spaces * 5 // 2} spaces in keywords", lambda: spaced_keywords(spaces * 5 // 2),
             "body"),
        *(
            Case(f"{line} spaces in a {name} line", lambda t=template: spaced_line(line, t), "body",
                 paragraphs=PARAGRAPHS)
            for name, template in (
                ("caption", "صورة: أ{}ب"),
                ("byline", "كتب أ{}- ب"),
                ("credit", "أ{}- أرشيف"),
                ("plain", "أ{}ب."),
            )
        ),
        *(
            Case(f"{attributes} {kind} attributes", lambda k=kind: crowded_element(attributes, k),
                 "body", note="max_attributes", paragraphs=(PARAGRAPHS[1],))
            for kind in ("valued", "boolean", "quoted >")
        ),
        Case(f"{names} distinct attribute names", lambda: distinct_attribute_names(names), "body",
             note="max_attribute_names", paragraphs=(PARAGRAPHS[0],)),
        Case("UTF-8 with 210 bytes of cp1256", lambda: utf8_with_cp1256(210), "body",
             note="invalid UTF-8", paragraphs=PARAGRAPHS[:2]),
        Case("cp1256 served as iso-8859-1", lambda: article_text().encode("cp1256"), "body",
             encoding="iso-8859-1", note="read as cp1256", paragraphs=PARAGRAPHS),
    ]  # fmt: skip
    phrases = {
        "share bar": "فيسبوك تويتر واتساب",
        "menu": "سياسة الخصوصية القائمة الرئيسية",
        "ticker": "عاجل الآن",
        "time ago": "منذ 3 ساعات",
        "photo credit": "تصوير: محمد علي - أرشيفية",
        "counter": "1520 مشاهدة 14 °",
        "weather": "18:00-00:00 غائم جزئيا",
        "footer": "© 2024 جميع الحقوق محفوظة",
    }
    cases += [
        Case(f"{repeats} {name} phrases on a line", lambda p=p: family_line(repeats, p), "body",
             paragraphs=PARAGRAPHS)
        for name, p in phrases.items()
    ]  # fmt: skip
    return cases


# --------------------------------------------------------------------------- the cases


def hostile_cases(full: bool = False) -> list[Case]:
    """Every hostile case; ``full`` gives the sizes the issue names (benchmark), else sizes
    that still cross each limit with a config scaled down to them (tests)."""
    text = article_text()
    body = PARAGRAPHS
    html_paras = (PARAGRAPHS[0], PARAGRAPHS[3])
    line_size = 10_000_000 if full else 2_000_000
    depth = 100_000 if full else 25_000
    empties = 1_000_000 if full else 30_000
    empties_config = None if full else ExtractionConfig(max_dom_nodes=20_000)
    truncate = (
        ExtractionConfig(truncate_input=True)
        if full
        else ExtractionConfig(truncate_input=True, max_input_bytes=500_000)
    )
    lines = 1_000_000 if full else 30_000
    lines_config = None if full else ExtractionConfig(max_blocks=5_000)
    links = 20_000 if full else 4_000
    links_config = None if full else ExtractionConfig(fallback_max_blocks=1_000)
    large = ("large",)
    repeats = 100_000 if full else 10_000
    marks = 100_000 if full else 20_000
    return [
        # empty and blank
        Case("empty str", lambda: "", "empty"),
        Case("empty bytes", lambda: b"", "empty"),
        Case("whitespace", lambda: " \n\t\r\n \u00a0\u3000 \n\n", "empty"),
        Case("bom only", lambda: codecs.BOM_UTF8, "empty"),
        Case("format controls only", lambda: "\u200f\u200e\n\u200b\u202b\u202c\n", "empty"),
        # NUL and control characters
        Case("NUL bytes only", lambda: b"\x00" * 4096, "error"),
        Case("control bytes only", lambda: bytes(range(1, 9)) * 512, "error"),
        Case(
            "NUL bytes in the text",
            lambda: sprinkle(text, "\x00", every=40).encode("utf-8"),
            "body",
            note="control characters",
        ),
        # binary formats
        Case("PNG", lambda: b"\x89PNG\r\n\x1a\n" + random_bytes(4000), "error"),
        Case("JPEG", lambda: b"\xff\xd8\xff\xe0" + random_bytes(4000), "error"),
        Case("PDF", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + random_bytes(4000), "error"),
        # a saved .html.gz is read decompressed; a broken or cut stream is an error, and a
        # small bomb stops at max_input_bytes (decompression is bounded, the limit applies)
        Case(
            "gzip",
            lambda: gzip.compress(text.encode("utf-8")),
            "body",
            note="gzip-compressed",
            paragraphs=body,
        ),
        Case("gzip, corrupt", lambda: b"\x1f\x8b\x08\x00" + random_bytes(4000), "error"),
        Case("gzip, cut short", lambda: gzip.compress(text.encode("utf-8"))[:40], "error"),
        Case("gzip bomb", lambda: gzip.compress(b" " * 64_000_000, compresslevel=9), "error"),
        Case("zlib", lambda: zlib.compress(text.encode("utf-8")), "error"),
        Case("ZIP", lambda: b"PK\x03\x04" + random_bytes(4000), "error"),
        Case("ELF", lambda: b"\x7fELF\x02\x01\x01" + random_bytes(4000), "error"),
        Case("random bytes", lambda: random_bytes(64_000), "error"),
        Case("random bytes, small", lambda: random_bytes(40, seed=3), "any"),
        # encodings
        Case("invalid UTF-8", invalid_utf8, "body", note="invalid UTF-8", paragraphs=body[1:]),
        Case(
            "UTF-16 LE with BOM",
            lambda: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
            "body",
            paragraphs=body,
        ),
        Case(
            "UTF-16 BE with BOM",
            lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
            "body",
            paragraphs=body,
        ),
        Case("UTF-16 LE, no BOM", lambda: text.encode("utf-16-le"), "body", paragraphs=body),
        Case("UTF-16 BE, no BOM", lambda: text.encode("utf-16-be"), "body", paragraphs=body),
        Case("UTF-32 with BOM", lambda: text.encode("utf-32"), "body", paragraphs=body),
        Case("cp1256", lambda: text.encode("cp1256"), "body", paragraphs=body),
        Case("ISO-8859-6", lambda: text.encode("iso8859_6"), "body", paragraphs=body),
        Case(
            "cp1256 HTML with its meta",
            lambda: (
                article_html().replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256")
            ),
            "body",
            paragraphs=html_paras,
        ),
        Case(
            "wrong charset argument",
            lambda: text.encode("utf-8"),
            "body",
            encoding="iso-8859-1",
            paragraphs=body,
        ),
        Case("unknown charset argument", lambda: text.encode("cp1256"), "body", encoding="x-no"),
        Case(
            "meta charset base64",
            lambda: article_html().replace('charset="utf-8"', 'charset="base64"').encode("cp1256"),
            "body",
        ),
        Case("mojibake (windows-1252)", mojibake, "body", note="repaired", paragraphs=body),
        Case(
            "mojibake (Latin-1)",
            lambda: mojibake(latin1=True),
            "body",
            note="repaired",
            paragraphs=body,
        ),
        Case(
            "lone surrogates",
            lambda: text.replace("الزراعة", "الزرا\ud800عة", 1),
            "body",
            note="surrogate",
        ),
        # invisible and compatibility characters
        Case("bidi and zero-width everywhere", lambda: bidi_everywhere(text), "body"),
        Case("presentation forms", lambda: presentation_forms(text), "any"),
        Case("tatweel and diacritics", lambda: sprinkle(text, "\u0640\u064e\u0651", 5), "any"),
        # sizes
        Case(f"{line_size // 1_000_000} MB single line", lambda: long_line(line_size), "any"),
        # a page on one line is cut at its sentences: one of nothing but sentence ends
        Case(
            f"one line of {marks:,} question marks",
            lambda: "؟ " * marks,
            "any",
        ),
        Case("50 MB page", lambda: big_page(50_000_000), "error", tags=large),
        Case(
            "50 MB page, truncate_input",
            lambda: big_page(50_000_000),
            "body",
            truncate,
            note="input cut",
            paragraphs=body,
        ),
        Case(
            f"{lines} short lines",
            lambda: many_short_lines(lines),
            "any",
            lines_config,
            note="max_blocks",
        ),
        # markup
        Case(
            f"{depth}-deep nesting",
            lambda: deep_nesting(depth),
            "body",
            note="max_dom_depth",
            tags=large,
        ),
        Case(
            f"{depth}-deep nesting, unclosed",
            lambda: deep_nesting(depth, closed=False),
            "body",
            note="max_dom_depth",
        ),
        Case(
            f"{depth} self-closed divs",
            lambda: article_html(body_extra="<div/>" * depth),
            "any",
        ),
        Case(
            f"{empties} empty elements",
            lambda: empty_elements(empties),
            "body",
            empties_config,
            note="max_dom_nodes",
            paragraphs=body,
            tags=large,
        ),
        Case(
            f"{empties} empty divs",
            lambda: empty_elements(empties, "div"),
            "body",
            empties_config,
            note="max_dom_nodes",
            paragraphs=body,
        ),
        Case(
            f"{links} links and no article",
            lambda: menu_page(links),
            "empty",
            links_config,
            note="fallback_max_blocks",
        ),
        Case(f"{empties} line breaks", lambda: "<html><body><p>" + "<br>" * empties, "empty"),
        Case("unclosed tags", unclosed_tags, "body"),
        Case("only '<'", lambda: "<" * 1_000_000, "any"),
        Case("unclosed comments", lambda: article_html() + "<!--" * 200_000, "body"),
        Case("unclosed script starts", lambda: article_html() + "<script" * 200_000, "body"),
        Case(
            "hidden text",
            hidden_text_page,
            "body",
            paragraphs=html_paras,
            forbidden=(SECRET,),
        ),
        # date lines and bylines: every reader of the header line stays linear
        Case(
            f"a date line of {repeats} labelled dates in one word",
            lambda: header_line("نشر،2024-01-01،" * repeats),
            "body",
            paragraphs=body,
        ),
        Case(
            f"a dual-calendar line repeated {repeats} times",
            lambda: header_line("15 رمضان 1445 هـ الموافق 25 مارس 2024 م " * repeats),
            "body",
            paragraphs=body,
        ),
        Case(
            f"a byline of {repeats} names",
            lambda: header_line("كتب: " + "أحمد علي، " * repeats),
            "body",
            paragraphs=body,
        ),
        Case(
            f"a place byline with {repeats * 10} spaces",
            lambda: header_line("القاهرة" + " " * repeats * 10 + "- حسام أبو العلا"),
            "body",
            paragraphs=body,
        ),
        Case(
            f"a byline of {repeats} dashes and tatweels",
            lambda: header_line("بيروت " + "ـ - " * repeats + "نذير رضا"),
            "body",
            paragraphs=body,
        ),
        Case("a page that is only an iframe", iframe_only, "empty"),
        Case("script only", lambda: f"<html><body><script>{text}</script></body></html>", "empty"),
        *issue13_cases(full),
    ]
