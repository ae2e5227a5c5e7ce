"""A self-contained, right-to-left HTML report of one extraction (``arabic-extract explain PAGE
--html report.html``).

:func:`render_report` takes an :class:`~arabic_extract.model.Article` extracted with
``ExtractionConfig(explain=True)`` and returns one HTML document: the extracted fields on top, a
legend with a colour and a count per label (and per noise family, the rule that made a block
noise), then every block of the page in order, coloured by its label, with the rules that decided
it in a side note and on hover (``title``). Styles and the small script are inline; a
Content-Security-Policy forbids any other resource, so the file opens anywhere, offline.

The script filters blocks when a legend entry is clicked, and on load records a few facts about
the rendered page as ``data-`` attributes of ``<body>`` (computed direction of the block list,
the side the block labels sit on, distinct legend colours, rendered counts per label) so that a
headless browser can check the layout from ``--dump-dom``.
"""

from __future__ import annotations

import colorsys
import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from arabic_extract.model import Article, BlockInfo, Label

__all__ = ["LABEL_COLOURS", "LABEL_NAMES", "LegendEntry", "block_key", "legend", "render_report"]

LABEL_COLOURS: Final[Mapping[Label, str]] = MappingProxyType(
    {
        Label.BODY: "#b7e4c7",
        Label.HEADLINE: "#ffd166",
        Label.BYLINE: "#a0d8ef",
        Label.DATE: "#c3c7ff",
        Label.SOURCE: "#7fd1c1",
        Label.CAPTION: "#e4b5f0",
        Label.TAGS: "#f7b2cf",
        Label.NOISE: "#d9d9d9",
    }
)
"""Background colour of each label; noise blocks get one colour per family instead."""

LABEL_NAMES: Final[Mapping[Label, str]] = MappingProxyType(
    {
        Label.BODY: "متن",
        Label.HEADLINE: "عنوان",
        Label.BYLINE: "كاتب",
        Label.DATE: "تاريخ",
        Label.SOURCE: "مصدر",
        Label.CAPTION: "تعليق صورة",
        Label.TAGS: "وسوم",
        Label.NOISE: "ضجيج",
    }
)
"""Arabic name of each label, shown beside the label's own (English) value."""

_NOISE_WITHOUT_RULE: Final = "noise"
_GOLDEN_ANGLE: Final = 137.508


@dataclass(frozen=True)
class LegendEntry:
    """One entry of the legend: a label, or a noise family (``family`` set)."""

    key: str  # "body", "noise:share-bar"
    css_class: str  # "k-body", "k-n0"
    label: Label
    family: str | None
    colour: str
    count: int

    @property
    def title(self) -> str:
        """What the entry is called: the noise family, or the label's value."""
        return self.family if self.family is not None else str(self.label.value)


def block_key(block: BlockInfo) -> str:
    """The legend key of a block: its label, or ``noise:<family>`` where the family is the first
    rule that decided it (``noise:noise`` when none is named)."""
    if block.label is Label.NOISE:
        family = block.reasons[0] if block.reasons else _NOISE_WITHOUT_RULE
        return f"noise:{family}"
    return str(block.label.value)


def _hex(hue: float, saturation: float, lightness: float) -> str:
    rgb: tuple[float, float, float] = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def _noise_colours(count: int, taken: Iterable[str]) -> list[str]:
    """``count`` muted colours, distinct from each other and from ``taken``: hues a golden
    angle apart, low saturation, two lightness levels."""
    used = {colour.lower() for colour in taken}
    colours: list[str] = []
    step = 0
    while len(colours) < count:
        hue = (20 + step * _GOLDEN_ANGLE) / 360
        colour = _hex(hue, 0.14 + 0.06 * (step % 3), 0.80 + 0.05 * (step % 2))
        step += 1
        if colour not in used:
            used.add(colour)
            colours.append(colour)
    return colours


def legend(blocks: Sequence[BlockInfo]) -> list[LegendEntry]:
    """Every label but noise (count 0 included), then the noise families seen in ``blocks``,
    the most frequent first; each with its own colour."""
    counts = Counter(block_key(b) for b in blocks)
    entries = [
        LegendEntry(
            label.value, f"k-{label.value}", label, None, LABEL_COLOURS[label], counts[label.value]
        )
        for label in Label
        if label is not Label.NOISE
    ]
    families = sorted(
        (key for key in counts if key.startswith("noise:")), key=lambda k: (-counts[k], k)
    )
    colours = _noise_colours(len(families), LABEL_COLOURS.values())
    entries += [
        LegendEntry(key, f"k-n{i}", Label.NOISE, key.removeprefix("noise:"), colour, counts[key])
        for i, (key, colour) in enumerate(zip(families, colours, strict=True))
    ]
    return entries


# --- HTML ---------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS: Final = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem 1.5rem 3rem; background: #f6f6f3; color: #1d1d1d;
  font: 15px/1.7 "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
h2 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.file { color: #666; font-size: .85rem; margin: 0; direction: ltr; text-align: right; }
table.fields { border-collapse: collapse; width: 100%; background: #fff; }
table.fields th, table.fields td { border: 1px solid #ddd; padding: .3rem .6rem;
  text-align: start; vertical-align: top; }
table.fields th { width: 11rem; background: #f0f0ec; font-weight: 600; white-space: nowrap; }
table.fields th small { color: #777; font-weight: 400; margin-inline-start: .35rem; }
.empty { color: #999; }
.notes li { color: #8a4b00; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0;
  margin: 0; }
.chip { display: inline-block; border-radius: 999px; padding: .05rem .7rem;
  border: 1px solid rgba(0,0,0,.15); font-size: .85rem; white-space: nowrap; }
ul.legend .chip { cursor: pointer; user-select: none; }
ul.legend .chip.off { opacity: .35; text-decoration: line-through; }
ul.legend .chip.zero { opacity: .55; }
.chip .count { font-weight: 700; margin-inline-start: .35rem; }
.summary { margin: .5rem 0 0; color: #444; font-size: .9rem; }
ol.blocks { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column;
  gap: .3rem; }
.block { display: grid; grid-template-columns: 13rem minmax(0, 1fr) 11rem; gap: .75rem;
  align-items: start; padding: .45rem .7rem; border-radius: .4rem;
  border: 1px solid rgba(0,0,0,.08); }
.block:hover { outline: 2px solid #333; }
.block .meta { display: flex; gap: .4rem; align-items: baseline; min-width: 0; }
.block .idx { color: #555; font: .8rem/1 monospace; min-width: 2.2rem; }
.block .meta .chip { background: rgba(255,255,255,.65); font-size: .78rem; min-width: 0;
  overflow: hidden; text-overflow: ellipsis; }
.block .text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.block .why { color: #444; font-size: .78rem; direction: ltr; text-align: left;
  overflow-wrap: anywhere; }
.block.noise { border-style: dashed; border-color: rgba(0,0,0,.25); }
.block.noise .text { color: #555; }
.block.body .text { font-size: 1rem; }
.block[hidden] { display: none; }
footer { margin-top: 2rem; color: #777; font-size: .8rem; }
"""

# On load: record facts about the rendered page on <body> (for headless checks), and make the
# legend entries toggle their blocks.
_SCRIPT: Final = """
(function () {
  "use strict";
  var body = document.body;
  var list = document.getElementById("blocks");
  var blocks = Array.prototype.slice.call(list.querySelectorAll(".block"));
  var chips = Array.prototype.slice.call(document.querySelectorAll("ul.legend .chip"));
  var colours = {}, byKey = {}, matches = 0, counts = {};
  chips.forEach(function (chip) {
    var bg = getComputedStyle(chip).backgroundColor;
    colours[bg] = true;
    byKey[chip.getAttribute("data-key")] = bg;
  });
  blocks.forEach(function (block) {
    var key = block.getAttribute("data-key");
    counts[key] = (counts[key] || 0) + 1;
    if (getComputedStyle(block).backgroundColor === byKey[key]) { matches += 1; }
  });
  var side = "none";
  if (blocks.length) {
    var box = blocks[0].getBoundingClientRect();
    var meta = blocks[0].querySelector(".meta").getBoundingClientRect();
    side = (meta.left + meta.right) / 2 > (box.left + box.right) / 2 ? "right" : "left";
  }
  body.setAttribute("data-direction", getComputedStyle(list).direction);
  body.setAttribute("data-label-side", side);
  body.setAttribute("data-chips", String(chips.length));
  body.setAttribute("data-chip-colours", String(Object.keys(colours).length));
  body.setAttribute("data-blocks", String(blocks.length));
  body.setAttribute("data-blocks-coloured", String(matches));
  body.setAttribute("data-counts", Object.keys(counts).sort().map(function (k) {
    return k + "=" + counts[k];
  }).join(" "));
  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      var off = chip.classList.toggle("off");
      var key = chip.getAttribute("data-key");
      blocks.forEach(function (block) {
        if (block.getAttribute("data-key") === key) { block.hidden = off; }
      });
    });
  });
  body.setAttribute("data-ready", "1");
})();
"""

_CSP: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)


def _value(text: str | None) -> str:
    return _e(text) if text else '<span class="empty">—</span>'


def _field_rows(article: Article) -> list[tuple[str, str, str]]:
    """(Arabic name, field name, cell HTML) for the fields table."""
    published = article.published.isoformat() if article.published else None
    updated = article.updated.isoformat() if article.updated else None
    hijri = article.published_hijri.text if article.published_hijri else None
    chars = sum(len(p) for p in article.paragraphs)
    tags = " ".join(f'<span class="chip tag">{_e(t)}</span>' for t in article.tags)
    captions = "".join(f"<li>{_e(c)}</li>" for c in article.captions)
    return [
        ("العنوان", "headline", _value(article.headline)),
        ("المصدر", "source", _value(article.source)),
        ("الكاتب", "author", _value(article.author)),
        ("الكتّاب", "authors", _value("، ".join(article.authors))),
        ("مكان الخبر", "dateline", _value(article.dateline)),
        ("تاريخ النشر", "published", _value(published)),
        ("التاريخ كما كُتب", "date_text", _value(article.date_text)),
        ("التاريخ الهجري", "published_hijri", _value(hijri)),
        ("آخر تحديث", "updated", _value(updated)),
        ("الموقع", "site_name", _value(article.site_name)),
        ("الرابط", "url", f'<span dir="ltr">{_value(article.url)}</span>'),
        ("اللغة", "language", _value(article.language)),
        ("الوسوم", "tags", tags or _value(None)),
        ("تعليقات الصور", "captions", f"<ol>{captions}</ol>" if captions else _value(None)),
        ("المتن", "paragraphs", f"{len(article.paragraphs)} فقرة، {chars} حرفاً"),
    ]


def _fields_html(article: Article) -> str:
    rows = "\n".join(
        f'<tr data-field="{field}"><th>{name}<small>{field}</small></th><td>{cell}</td></tr>'
        for name, field, cell in _field_rows(article)
    )
    notes = "".join(f"<li>{_e(n)}</li>" for n in article.notes)
    notes_html = f'<ul class="notes">{notes}</ul>' if notes else ""
    return f'<table class="fields">\n{rows}\n</table>\n{notes_html}'


def _legend_html(entries: Sequence[LegendEntry]) -> str:
    items = []
    for entry in entries:
        name = LABEL_NAMES[entry.label] if entry.family is None else f"{LABEL_NAMES[Label.NOISE]}:"
        zero = " zero" if entry.count == 0 else ""
        items.append(
            f'<li class="chip {entry.css_class}{zero}" data-key="{_e(entry.key)}" '
            f'data-count="{entry.count}" title="{_e(entry.key)}">{_e(name)} '
            f'<span dir="ltr">{_e(entry.title)}</span>'
            f'<span class="count">{entry.count}</span></li>'
        )
    return '<ul class="legend">\n' + "\n".join(items) + "\n</ul>"


def _summary_html(blocks: Sequence[BlockInfo]) -> str:
    counts = Counter(b.label for b in blocks)
    parts = [f"{counts[label]} {label.value}" for label in Label if counts[label]]
    text = f"{len(blocks)} blocks" + (f": {', '.join(parts)}" if parts else "")
    return f'<p class="summary" dir="ltr">{_e(text)}</p>'


def _chip_text(entry: LegendEntry) -> str:
    return entry.label.value if entry.family is None else f"noise · {entry.family}"


def _block_html(block: BlockInfo, entry: LegendEntry) -> str:
    reasons = ", ".join(block.reasons) or "-"
    tag = f" <{block.tag}>" if block.tag else ""
    title = f"#{block.index} {block.label.value}{tag} — {reasons}"
    return (
        f'<li class="block {block.label.value} {entry.css_class}" data-index="{block.index}" '
        f'data-label="{block.label.value}" data-key="{_e(entry.key)}" title="{_e(title)}">'
        f'<div class="meta"><span class="idx">{block.index}</span>'
        f'<span class="chip" dir="ltr">{_e(_chip_text(entry))}</span></div>'
        f'<div class="text" dir="auto">{_e(block.text)}</div>'
        f'<aside class="why">{_e(reasons)}{_e(tag)}</aside></li>'
    )


def _css(entries: Sequence[LegendEntry]) -> str:
    rules = "\n".join(f".{e.css_class} {{ background-color: {e.colour}; }}" for e in entries)
    return _CSS + rules + "\n"


def render_report(article: Article, *, title: str | None = None) -> str:
    """The report of ``article`` as one self-contained HTML document (right-to-left, Arabic).

    ``article.blocks`` must be filled (``ExtractionConfig(explain=True)``); without blocks the
    report says so and shows the fields only. ``title`` names the input (e.g. its file name).
    """
    entries = legend(article.blocks)
    by_key = {entry.key: entry for entry in entries}
    if article.blocks:
        blocks_html = "\n".join(_block_html(b, by_key[block_key(b)]) for b in article.blocks)
    else:
        blocks_html = (
            '<li class="empty">no blocks: extract with ExtractionConfig(explain=True)</li>'
        )
    heading = article.headline or title or "تقرير الاستخراج"
    file_line = f'<p class="file">{_e(title)}</p>' if title else ""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="arabic_extract">
<title>تقرير الاستخراج — {_e(heading)}</title>
<style>{_css(entries)}</style>
</head>
<body>
<header>
<h1>تقرير الاستخراج</h1>
{file_line}
</header>
<section id="fields">
<h2>الحقول المستخرجة</h2>
{_fields_html(article)}
</section>
<section id="legend">
<h2>الألوان</h2>
{_legend_html(entries)}
{_summary_html(article.blocks)}
</section>
<section id="page">
<h2>كتل الصفحة بالترتيب</h2>
<ol class="blocks" id="blocks">
{blocks_html}
</ol>
</section>
<footer>arabic_extract — مرّر المؤشر فوق كتلة لرؤية القواعد التي حددت تصنيفها؛ انقر على لون في
المفتاح لإخفاء كتله أو إظهارها.</footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""
