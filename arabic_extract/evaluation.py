"""Evaluation measures for Arabic article extraction.

The measures follow ``shared/README.md``:

* **body** — bag-of-words precision, recall and F1 of the extracted body against the gold
  paragraphs, after Arabic normalisation (:func:`normalise`) and tokenisation (:func:`tokens`),
  averaged over pages;
* **leak** — the share of the gold ``exclude`` snippets found, as whole contiguous token
  sequences, in the extracted body;
* **headline** — correct when its token F1 against the gold headline is at least 0.9;
* **source** — correct when the normalised gold source (or one of its alternatives) contains,
  or is contained in, the normalised extracted source;
* on the HTML as served (``mode="html"``) and on the page as other tools hand it over: its
  visible text (``mode="text"``, the HTML rendered by ``inscriptis.get_text``), BeautifulSoup's
  text (``"bs4"``), Markdown by html2text and markdownify, and a browser's ``innerText``
  (:mod:`arabic_extract.shapes`).

Conventions for degenerate cases are documented on each function.
The module holds no mutable state; :func:`evaluate` is what ``benchmarks/compare.py`` and the
``arabic-extract eval`` command run.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple, get_args

import regex  # type: ignore[import-untyped, unused-ignore]
from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field

from arabic_extract.api import extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.extras import install_hint
from arabic_extract.shapes import render

__all__ = [
    "HEADLINE_THRESHOLD",
    "MODES",
    "MODE_CHOICES",
    "PAGE_TABLE_HEADER",
    "TABLE_HEADER",
    "Extractor",
    "GoldPage",
    "Mode",
    "PageScore",
    "Prediction",
    "Report",
    "Scores",
    "arabic_extract_extractor",
    "arabic_extract_prediction",
    "decode_html",
    "evaluate",
    "format_markdown_table",
    "format_page_table",
    "format_table",
    "headline_correct",
    "leak",
    "load_gold_dir",
    "modes_for",
    "normalise",
    "page_input",
    "prf",
    "score_page",
    "source_correct",
    "tokens",
    "visible_text",
]

Mode = Literal["html", "text", "bs4", "html2text", "markdownify", "innertext"]
MODES: tuple[Mode, ...] = get_args(Mode)
"""Every mode: ``html``, then the page's renderings (``text`` is inscriptis' visible text)."""
MODE_CHOICES: tuple[str, ...] = (*MODES, "both", "all")
"""What ``--mode`` accepts: a mode, ``both`` (html and text) or ``all``."""


def modes_for(choice: str) -> list[Mode]:
    """The modes a ``--mode`` choice (see :data:`MODE_CHOICES`) names."""
    if choice == "both":
        return ["html", "text"]
    if choice == "all":
        return list(MODES)
    return [mode for mode in MODES if mode == choice]


HEADLINE_THRESHOLD = 0.9
"""Minimum token F1 against the gold headline for an extracted headline to count as correct."""

TABLE_HEADER: tuple[str, ...] = (
    "extractor",
    "P",
    "R",
    "F1 mean",
    "worst F1 (page)",
    "leak",
    "headline acc",
    "source acc",
    "median ms",
)
"""Column names of the comparison table (one row per :class:`Report`)."""

PAGE_TABLE_HEADER: tuple[str, ...] = (
    "page",
    "site",
    "P",
    "R",
    "F1",
    "leak",
    "headline",
    "source",
    "ms",
)
"""Column names of the per-page table of one :class:`Report` (:func:`format_page_table`)."""

# Arabic harakat and Quranic marks, superscript alef, tatweel.
_DIACRITICS = regex.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = MappingProxyType(
    str.maketrans(
        {
            "\u0623": "\u0627",  # أ -> ا
            "\u0625": "\u0627",  # إ -> ا
            "\u0622": "\u0627",  # آ -> ا
            "\u0671": "\u0627",  # ٱ -> ا
            "\u0649": "\u064a",  # ى -> ي
            "\u0629": "\u0647",  # ة -> ه
        }
    )
)
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
# (within one tag: a search from each "<meta" of a page without ">" would scan to its end)
_META_CHARSET = regex.compile(
    rb"""<meta[^<>]*?charset\s*+=\s*+["']?+\s*+([A-Za-z0-9_.:\-]+)""", regex.I
)


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """Normalise Arabic text for comparison.

    NFKC, then remove Arabic diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel
    (U+0640), fold alef variants (أ إ آ ٱ → ا), alef maqsura (ى → ي) and ta marbuta (ة → ه),
    and lowercase.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    return text.translate(_FOLD).lower()


def tokens(text: str) -> list[str]:
    """Tokens of ``text`` after :func:`normalise`: maximal runs of letters and digits.

    One character class ``[\\p{L}\\p{N}]+`` is used, so ``"covid19"`` is one token;
    punctuation, spaces and any other character separate tokens.
    """
    found: list[str] = _TOKEN.findall(normalise(text))
    return found


def _joined(toks: Sequence[str]) -> str:
    """Whitespace-joined tokens padded with spaces, for token-boundary substring tests."""
    return f" {' '.join(toks)} "


def _contains_sequence(haystack: str, needle: Sequence[str]) -> bool:
    """Whether ``needle`` occurs as a contiguous token sequence in the padded ``haystack``.

    Tokens never contain spaces, so a substring test on space-padded joins is exactly a
    contiguous-subsequence test on the token lists.
    """
    return _joined(needle) in haystack


# --------------------------------------------------------------------------- measures


class Scores(NamedTuple):
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float
    f1: float


def prf(extracted: str | Iterable[str], gold: str | Iterable[str]) -> Scores:
    """Bag-of-words precision, recall and F1 of ``extracted`` against ``gold``.

    Each side is a text or an iterable of texts (e.g. paragraphs); all are tokenised with
    :func:`tokens` and compared as multisets (a token counts at most as often as it occurs
    in the other side).

    Conventions: both sides without tokens → ``(1.0, 1.0, 1.0)``; exactly one side without
    tokens → ``(0.0, 0.0, 0.0)``.
    """
    ext = _bag(extracted)
    ref = _bag(gold)
    n_ext = sum(ext.values())
    n_ref = sum(ref.values())
    if n_ext == 0 and n_ref == 0:
        return Scores(1.0, 1.0, 1.0)
    if n_ext == 0 or n_ref == 0:
        return Scores(0.0, 0.0, 0.0)
    overlap = sum((ext & ref).values())
    if overlap == 0:
        return Scores(0.0, 0.0, 0.0)
    precision = overlap / n_ext
    recall = overlap / n_ref
    return Scores(precision, recall, 2 * precision * recall / (precision + recall))


def _bag(text: str | Iterable[str]) -> Counter[str]:
    if isinstance(text, str):
        return Counter(tokens(text))
    bag: Counter[str] = Counter()
    for part in text:
        bag.update(tokens(part))
    return bag


def leak(extracted: str, exclude: Sequence[str]) -> float:
    """Share of ``exclude`` snippets found in ``extracted`` as whole token sequences.

    A snippet is found when its token list is a contiguous subsequence of the extracted
    body's token list (so ``"شارك"`` is not found inside ``"المشاركة"``, and two snippet
    tokens present but apart do not count). Snippets without any token are ignored; with no
    remaining snippet the leak is ``0.0``.
    """
    snippets = [t for t in (tokens(s) for s in exclude) if t]
    if not snippets:
        return 0.0
    body = _joined(tokens(extracted))
    found = sum(1 for snippet in snippets if _contains_sequence(body, snippet))
    return found / len(snippets)


def headline_correct(extracted: str | None, gold: str | None) -> bool:
    """Whether the extracted headline matches the gold one (token F1 ≥ 0.9).

    When the gold headline is null or has no token, the extracted headline is correct only
    if it is ``None`` or has no token either.
    """
    if not tokens(gold or ""):
        return not tokens(extracted or "")
    if not extracted:
        return False
    return prf(extracted, gold or "").f1 >= HEADLINE_THRESHOLD


def source_correct(
    extracted: str | None, gold: str | None, alternatives: Sequence[str] = ()
) -> bool:
    """Whether the extracted source matches the gold source or one of its alternatives.

    Both sides are compared as normalised, whitespace-joined tokens; a candidate matches when
    it contains the extracted source or is contained in it, on token boundaries (``"CNN"``
    matches ``"شبكة CNN"``; ``"ا"`` does not match ``"بترا"``).

    When the gold source is null or has no token, the extraction is correct only if it is
    empty too; otherwise an empty extracted source is wrong.
    """
    ext = tokens(extracted or "")
    gold_tokens = tokens(gold or "")
    if not gold_tokens:
        return not ext
    if not ext:
        return False
    ext_joined = _joined(ext)
    for candidate in (gold_tokens, *(tokens(a) for a in alternatives)):
        if candidate and (
            _contains_sequence(ext_joined, candidate) or _contains_sequence(_joined(candidate), ext)
        ):
            return True
    return False


# --------------------------------------------------------------------------- models


class GoldPage(BaseModel):
    """One gold page: ``NNN.gold.json`` fields plus the path of ``NNN.html``."""

    model_config = ConfigDict(frozen=True)

    id: str
    site: str = ""
    headline: str | None = None
    source: str | None = None
    source_alternatives: list[str] = Field(default_factory=list)
    site_name: str | None = None
    author: str | None = None
    date: dt.date | None = None
    tags: list[str] = Field(default_factory=list)
    body: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    html_path: Path

    def html_bytes(self) -> bytes:
        """The page's HTML exactly as stored (not decoded)."""
        return self.html_path.read_bytes()


class Prediction(BaseModel):
    """What an extractor returns for one page."""

    body: str = ""
    headline: str | None = None
    source: str | None = None


class PageScore(BaseModel):
    """Scores of one extractor on one page."""

    id: str
    site: str
    precision: float
    recall: float
    f1: float
    leak: float
    headline_ok: bool
    source_ok: bool
    ms: float
    error: str | None = None


class Report(BaseModel):
    """Scores of one extractor on a set of pages in one mode, with aggregates.

    Aggregates over an empty page list are ``0.0`` (``worst_page`` is ``None``).
    """

    extractor: str
    mode: Mode
    pages: list[PageScore] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean_precision(self) -> float:
        return _mean(p.precision for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean_recall(self) -> float:
        return _mean(p.recall for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean_f1(self) -> float:
        return _mean(p.f1 for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def worst_f1(self) -> float:
        worst = self._worst()
        return worst.f1 if worst is not None else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def worst_page(self) -> str | None:
        worst = self._worst()
        return worst.id if worst is not None else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean_leak(self) -> float:
        return _mean(p.leak for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def headline_accuracy(self) -> float:
        return _mean(float(p.headline_ok) for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_accuracy(self) -> float:
        return _mean(float(p.source_ok) for p in self.pages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def median_ms(self) -> float:
        return statistics.median(p.ms for p in self.pages) if self.pages else 0.0

    @property
    def errors(self) -> list[PageScore]:
        """Pages on which the extractor raised."""
        return [p for p in self.pages if p.error is not None]

    def _worst(self) -> PageScore | None:
        return min(self.pages, key=lambda p: p.f1, default=None)

    def table_row(self) -> list[str]:
        """This report as one row of the comparison table (columns of ``TABLE_HEADER``)."""
        return [
            self.extractor,
            f"{self.mean_precision:.3f}",
            f"{self.mean_recall:.3f}",
            f"{self.mean_f1:.3f}",
            f"{self.worst_f1:.3f} ({self.worst_page or '-'})",
            f"{self.mean_leak:.3f}",
            f"{self.headline_accuracy:.2f}",
            f"{self.source_accuracy:.2f}",
            f"{self.median_ms:.1f}",
        ]


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return statistics.fmean(items) if items else 0.0


def format_table(reports: Sequence[Report]) -> str:
    """Reports as a plain-text table with aligned columns."""
    rows = [list(TABLE_HEADER), *(r.table_row() for r in reports)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_HEADER))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _aligned(rows: Sequence[Sequence[str]], left: int) -> list[str]:
    """Rows as aligned text lines: the first ``left`` columns left-aligned, the rest right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def format_page_table(report: Report) -> str:
    """One report page by page, then a total line (means; worst page; accuracies).

    Columns are :data:`PAGE_TABLE_HEADER`; ``headline`` and ``source`` are ``ok`` or ``-``, and
    a page on which the extractor raised shows its error after the row.
    """
    rows = [list(PAGE_TABLE_HEADER)]
    for page in report.pages:
        rows.append(
            [
                page.id,
                page.site or "-",
                f"{page.precision:.3f}",
                f"{page.recall:.3f}",
                f"{page.f1:.3f}",
                f"{page.leak:.3f}",
                "ok" if page.headline_ok else "-",
                "ok" if page.source_ok else "-",
                f"{page.ms:.1f}",
            ]
        )
    rows.append(
        [
            f"total ({len(report.pages)})",
            f"{report.extractor}/{report.mode}",
            f"{report.mean_precision:.3f}",
            f"{report.mean_recall:.3f}",
            f"{report.mean_f1:.3f}",
            f"{report.mean_leak:.3f}",
            f"{report.headline_accuracy:.2f}",
            f"{report.source_accuracy:.2f}",
            f"{report.median_ms:.1f}",
        ]
    )
    lines = _aligned(rows, left=2)
    rule = "-" * max(len(line) for line in lines)
    errors = {p.id: p.error for p in report.pages if p.error is not None}
    body = [
        line + (f"  ERROR {errors[page.id]}" if page.id in errors else "")
        for line, page in zip(lines[1:-1], report.pages, strict=True)
    ]
    worst = f"worst F1: {report.worst_f1:.3f} ({report.worst_page or '-'})"
    return "\n".join([lines[0], rule, *body, rule, lines[-1], worst])


def format_markdown_table(reports: Sequence[Report]) -> str:
    """Reports as a Markdown table."""
    align = ["---", *(["---:"] * (len(TABLE_HEADER) - 1))]
    rows = [list(TABLE_HEADER), align, *(r.table_row() for r in reports)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


# --------------------------------------------------------------------------- pages


def load_gold_dir(path: str | Path) -> list[GoldPage]:
    """Load every ``NNN.gold.json`` with its ``NNN.html`` from ``path``, sorted by file name.

    The HTML is not read (see :meth:`GoldPage.html_bytes`). A gold file without its HTML file
    raises ``FileNotFoundError``, one that is not valid JSON or has wrong fields ``ValueError``
    (the message names the file); HTML files without a gold file are ignored. The page id is
    the JSON ``id``, or the file stem when absent.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise NotADirectoryError(f"gold folder not found: {folder}")
    pages: list[GoldPage] = []
    for gold_file in sorted(folder.glob("*.gold.json")):
        stem = gold_file.name.removesuffix(".gold.json")
        html_path = folder / f"{stem}.html"
        if not html_path.is_file():
            raise FileNotFoundError(f"{gold_file.name} has no {html_path.name} beside it")
        pages.append(_gold_page(gold_file, stem, html_path))
    return pages


def _gold_page(gold_file: Path, stem: str, html_path: Path) -> GoldPage:
    """One gold page; ``ValueError`` naming the file when its JSON or its fields are wrong."""
    try:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{gold_file.name}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{gold_file.name}: invalid gold file: not a JSON object")
    data.setdefault("id", stem)
    try:
        return GoldPage.model_validate({**data, "html_path": html_path})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        )
        raise ValueError(f"{gold_file.name}: invalid gold file: {problems}") from exc


def decode_html(data: str | bytes) -> str:
    """Decode HTML bytes: UTF-8 (BOM allowed), else the ``<meta>`` charset, else cp1256."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1256", errors="replace")


def visible_text(html: str | bytes) -> str:
    """The page's visible text: ``inscriptis.get_text`` of the (decoded) HTML, unchanged."""
    try:
        from inscriptis import get_text  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "visible_text() needs inscriptis; install it with "
            f"`{install_hint('bench')}` or `{install_hint('test')}`"
        ) from exc
    text: str = get_text(decode_html(html))
    return text


def page_input(page: GoldPage, mode: Mode) -> str:
    """What an extractor receives for ``page``: the decoded HTML, or its rendering in
    ``mode`` (see :mod:`arabic_extract.shapes`; ``text`` is inscriptis' visible text)."""
    html = decode_html(page.html_bytes())
    if mode == "html":
        return html
    return visible_text(html) if mode == "text" else render(html, mode)


# --------------------------------------------------------------------------- running

Extractor = Callable[[GoldPage, str], Prediction]
"""An extractor under evaluation: ``(page, input) -> Prediction``."""


def arabic_extract_extractor(config: ExtractionConfig | None = None) -> Extractor:
    """The :data:`Extractor` for arabic_extract itself, with ``config`` (default settings when
    None): what the benchmark and ``arabic-extract eval`` score."""

    def run(page: GoldPage, source: str) -> Prediction:
        article = extract(source, config=config)
        return Prediction(body=article.body, headline=article.headline, source=article.source)

    return run


arabic_extract_prediction: Extractor = arabic_extract_extractor()
"""arabic_extract with default settings."""


def score_page(
    page: GoldPage, prediction: Prediction, ms: float, error: str | None = None
) -> PageScore:
    """Score one prediction. With an ``error`` the page scores 0 on every measure."""
    if error is not None:
        return PageScore(
            id=page.id,
            site=page.site,
            precision=0.0,
            recall=0.0,
            f1=0.0,
            leak=0.0,
            headline_ok=False,
            source_ok=False,
            ms=ms,
            error=error,
        )
    p, r, f = prf(prediction.body, page.body)
    return PageScore(
        id=page.id,
        site=page.site,
        precision=p,
        recall=r,
        f1=f,
        leak=leak(prediction.body, page.exclude),
        headline_ok=headline_correct(prediction.headline, page.headline),
        source_ok=source_correct(prediction.source, page.source, page.source_alternatives),
        ms=ms,
    )


def evaluate(
    pages: Sequence[GoldPage],
    extractor: Extractor,
    mode: Mode,
    *,
    name: str | None = None,
    inputs: Mapping[str, str] | None = None,
    repeat: int = 1,
    warmup: bool = False,
) -> Report:
    """Run ``extractor`` on every page and score it.

    ``inputs`` maps page ids to precomputed inputs (see :func:`page_input`), which avoids
    rendering the visible text again for each extractor. Each call is timed with
    ``time.perf_counter``; with ``warmup`` one untimed call precedes the timed ones, and the
    page's time is the median of ``repeat`` calls (the first timed call is the one scored).
    An extractor that raises on a page scores 0 on it; the error is recorded in
    :attr:`PageScore.error` and the run goes on.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    label = name or getattr(extractor, "__name__", "extractor")
    scores: list[PageScore] = []
    for page in pages:
        source = inputs[page.id] if inputs is not None else page_input(page, mode)
        prediction: Prediction | None = None
        timings: list[float] = []
        error: str | None = None
        try:
            if warmup:
                extractor(page, source)
            for _ in range(repeat):
                start = time.perf_counter()
                result = extractor(page, source)
                timings.append((time.perf_counter() - start) * 1000)
                if prediction is None:
                    prediction = result
        except Exception as exc:  # any extractor failure scores 0
            error = f"{type(exc).__name__}: {exc}"
        ms = statistics.median(timings) if timings else 0.0
        scores.append(score_page(page, prediction or Prediction(), ms, error))
    return Report(extractor=label, mode=mode, pages=scores)
