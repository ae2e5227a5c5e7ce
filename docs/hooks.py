"""MkDocs hooks: pages generated from the code at build time, and a docstring check.

Loaded by ``hooks:`` in mkdocs.yml (and excluded from the site by ``exclude_docs``).

* ``on_config`` imports the public API of :mod:`arabic_extract` and fails the build when a public
  object or method has no docstring, or a field of a public model has no description.
* ``on_page_markdown`` replaces ``<!-- generated:NAME ARGS -->`` markers with Markdown built from
  the code: the rule reference (the whole of ``rules.md``), the ExtractionConfig table, the
  block-by-block walkthrough of a fixture page, the field tables of the public models. Nothing
  generated is ever written to docs/, so the docs cannot drift from the rules.
* ``on_page_content`` turns the Sphinx roles left in docstrings (``:class:`X```) into plain code.

Anything that looks like drift (a marker with no generator, a rule example its family does not
match, a reason in the walkthrough that no page explains, a public name missing from api.md) is
logged as a warning, and ``mkdocs build --strict`` fails on warnings.
"""

from __future__ import annotations

import ast
import contextlib
import html
import importlib
import inspect
import io
import json
import logging
import os
import re
import shlex
import subprocess
import sys
import textwrap
import time
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import griffe
from mkdocs.exceptions import PluginError
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

import arabic_extract
from arabic_extract import ExtractionConfig, extract
from arabic_extract import config as config_module
from arabic_extract.engine.normalize import normalize
from arabic_extract.rules import Family, Kind, dom
from arabic_extract.rules.catalog import FAMILY_MODULES, module_families
from arabic_extract.rules.continuation import CONTINUATION_MARKS, DANGLING_WORDS
from arabic_extract.rules.dates import MONTH_SERIES
from arabic_extract.rules.stopwords import STOPWORDS

log = logging.getLogger("mkdocs.plugins.arabic_extract_docs")

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!--\s*generated:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->")
# Markers each page must keep: deleting one would silently drop generated content.
REQUIRED_MARKERS: Mapping[str, tuple[str, ...]] = {
    "rules.md": ("rules",),
    "tuning.md": ("config-fields",),
    "how-it-works.md": ("walkthrough", "reasons", "explain-screenshot"),
    "api.md": ("fields", "enum"),
    "quickstart.md": ("python-output", "cli-json", "cli-text"),
    "outputs.md": ("cli-text",),
    "hardening.md": ("config-section",),
}
_STATE: dict[str, float] = {"started": 0.0}


# --------------------------------------------------------------------------- Markdown helpers

# Python-Markdown's escapable characters, and "|" for tables.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(text: str) -> str:
    """Text as literal Markdown inline content: HTML-escaped, Markdown syntax escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(re.sub(r"\s+", " ", text), quote=False))


def rtl(text: str) -> str:
    """Arabic (or mixed) text in an isolated right-to-left span, literal."""
    return f'<span dir="rtl" lang="ar">{md(text)}</span>'


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A Markdown table; cells must already be Markdown (see :func:`md`)."""
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def chips(items: Iterable[str]) -> str:
    """Phrases as written, one chip each, right to left: a raw HTML block (never Markdown)."""
    spans = "".join(f'<bdi class="ae-chip">{html.escape(item)}</bdi>' for item in items)
    return f'<div class="ae-chips" dir="rtl" lang="ar">{spans}</div>'


_RST_CODE = re.compile(r"``(.+?)``", re.S)


def rst(text: str) -> str:
    """A docstring written with reST inline literals (``x``) as Markdown paragraphs."""
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        parts = _RST_CODE.split(" ".join(paragraph.split()))
        paragraphs.append(
            "".join(code(part) if i % 2 else md(part) for i, part in enumerate(parts))
        )
    return "\n\n".join(paragraphs)


def code(text: str) -> str:
    """Inline code that may contain backticks."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def leading_comments(module: ModuleType) -> dict[str, str]:
    """For each top-level assignment of a module, the ``#`` comment lines right above it."""
    source = inspect.getsource(module)
    lines = source.splitlines()
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names:
            continue
        comment: list[str] = []
        i = node.lineno - 2
        while i >= 0 and lines[i].lstrip().startswith("#"):
            comment.insert(0, lines[i].lstrip()[1:].strip())
            i -= 1
        for name in names:
            found[name] = " ".join(comment)
    return found


def warn(message: str) -> None:
    log.warning(message)


# --------------------------------------------------------------------------- the docstring check


def _own_doc(obj: object) -> str:
    doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    return (doc or "").strip()


def _missing_in_model(cls: type[BaseModel], qual: str) -> tuple[list[str], set[str]]:
    """Fields of a pydantic model without a description, and the names of all its fields."""
    missing: list[str] = []
    names: set[str] = set()
    for field, info in cls.model_fields.items():
        names.add(field)
        if not (info.description or "").strip():
            missing.append(f"{qual}.{field} (Field description)")
    for field, cinfo in cls.model_computed_fields.items():
        names.add(field)
        prop = getattr(cinfo, "wrapped_property", None)
        doc = cinfo.description or getattr(prop, "__doc__", None) or ""
        if not doc.strip():
            missing.append(f"{qual}.{field} (computed field docstring)")
    return missing, names


def _missing_in_class(cls: type, qual: str) -> list[str]:
    """The class's own docstring, its fields' descriptions, its public methods' docstrings."""
    missing = [] if _own_doc(cls) not in ("", "An enumeration.") else [qual]
    skip: set[str] = set()
    if issubclass(cls, BaseModel):
        in_fields, skip = _missing_in_model(cls, qual)
        missing += in_fields
    for name, member in vars(cls).items():
        if name.startswith(("_", "model_")) or name in skip or isinstance(member, cls):
            continue  # private, pydantic's own, fields, enum members
        target = getattr(member, "__func__", member)  # classmethod, staticmethod
        if isinstance(target, property):
            target = target.fget
        if callable(target) and not (getattr(target, "__doc__", None) or "").strip():
            missing.append(f"{qual}.{name}")
    return missing


def missing_docstrings() -> list[str]:
    """Public objects of arabic_extract without a docstring, and model fields without a
    description (each as a dotted name)."""
    missing: list[str] = []
    if not (arabic_extract.__doc__ or "").strip():
        missing.append("arabic_extract (module docstring)")
    for name in arabic_extract.__all__:
        obj = getattr(arabic_extract, name)
        qual = f"arabic_extract.{name}"
        if inspect.isclass(obj):
            missing += _missing_in_class(obj, qual)
        elif not _own_doc(obj):
            missing.append(qual)
    return missing


# --------------------------------------------------------------------------- the rule reference

KIND_TEXT: Mapping[str, str] = {
    "line": "the whole line is made of the family's phrases (one or more, with punctuation "
    "between; the ones after the first may take the conjunction و).",
    "prefix": "the line starts with a phrase; the rest of the line is the family's payload "
    "(a source's name, a list of keywords).",
    "label": "like prefix, but the phrase is a label: a separator (: ، , - |) or the end of "
    "the line follows it.",
    "search": "a phrase occurs anywhere in the line, on word boundaries.",
}

NORMALISATION_SAMPLES = (
    "اقرأ أيضاً",
    "إقرأ ايضا",
    "المصـــدر",
    "بيروت ـ رويترز:",
    "مُشارَكة",
    "٢٠ تموز ٢٠٢٤",
    "Share",
)


def rule_modules() -> tuple[ModuleType, ...]:
    return FAMILY_MODULES


def rule_families() -> list[tuple[ModuleType, Any]]:
    """Every Family bound at module level in the rule modules, once, in definition order."""
    found: list[tuple[ModuleType, Any]] = []
    for module in rule_modules():
        for family in module_families(module):
            if all(family is not f for _, f in found):
                found.append((module, family))
    return found


def family_groups() -> dict[int, list[tuple[str, str]]]:
    """For each family (by id), the module-level tuples that list it, with their comments."""
    groups: dict[int, list[tuple[str, str]]] = {}
    for module in rule_modules():
        comments = leading_comments(module)
        for name, value in vars(module).items():
            if isinstance(value, tuple) and value and all(isinstance(v, Family) for v in value):
                for family in value:
                    groups.setdefault(id(family), []).append((name, comments.get(name, "")))
    return groups


def example_rows(family: Any, lines: Iterable[str], expect: bool) -> list[list[str]]:
    """Rows of (example, what the family does on it), computed; a surprise is a warning."""
    rows = []
    for line in lines:
        hit = family.match(normalize(line)) is not None
        if hit != expect:
            what = "does not match its example" if expect else "matches its counter-example"
            warn(f"rule family {family.name!r} {what} {line!r}")
        rows.append(
            [
                "example" if expect else "counter-example",
                rtl(line),
                "✓ matches" if hit else "✗ no match",
            ]
        )
    return rows


def family_section(module: ModuleType, family: Any, groups: list[tuple[str, str]]) -> str:
    out = [f"### {family.name} {{#{family.name}}}", "", md(family.description), ""]
    facts = [
        f"**kind** [{code(family.kind)}](#how-a-family-matches)",
        f"**max words** {family.max_words if family.max_words is not None else 'no limit'}",
        f"**defined in** {code(module.__name__)}",
    ]
    if groups:
        facts.append("**listed in** " + ", ".join(code(name) for name, _ in groups))
    out += [" · ".join(facts), ""]
    out += [f"{code(name)}: {md(comment)}" + "\n" for name, comment in groups if comment]
    if family.phrases:
        count = len(family.phrases)
        out += [f"**Phrases** ({count}, as written on pages):", "", chips(family.phrases), ""]
    if family.patterns:
        out += [f"**Patterns** ({len(family.patterns)}, over normalised text):", "", "```text"]
        out += list(family.patterns)
        out += ["```", ""]
    if family.examples or family.counter_examples:
        rows = example_rows(family, family.examples, True)
        rows += example_rows(family, family.counter_examples, False)
        out += [table(["", "line", "the family on it (computed at build)"], rows), ""]
    return "\n".join(out)


def dom_section() -> str:
    comments = leading_comments(dom)
    header = inspect.getdoc(dom) or ""
    out = [
        "## DOM token tables {#dom-tables}",
        "",
        rst(header),
        "",
    ]
    for name, value in vars(dom).items():
        if name.startswith("_") or not name.isupper():
            continue
        anchor = "dom-" + name.lower().replace("_", "-")
        out += [f"### {code(name)} {{#{anchor}}}", ""]
        if comments.get(name):
            out += [md(comments[name]), ""]
        if isinstance(value, frozenset):
            out += [f"{len(value)} entries:", "", chips(sorted(value)), ""]
        elif isinstance(value, Mapping):
            rows = []
            for key, item in value.items():
                if isinstance(item, frozenset):
                    shown = ", ".join(code(t) for t in sorted(item))
                else:
                    shown = code(str(item))
                rows.append([code(str(key)), shown])
            out += [table(["key", "value"], rows), ""]
        elif isinstance(value, str):
            out += ["```text", value, "```", ""]
        else:
            out += [code(repr(value)), ""]
    return "\n".join(out)


def months_section() -> str:
    head = ["month"] + [
        f"{code(s.name)}" + ("" if s.gregorian else " (Hijri)") for s in MONTH_SERIES
    ]
    rows = []
    for month in range(12):
        row = [str(month + 1)]
        row += [rtl(" / ".join(series.months[month])) for series in MONTH_SERIES]
        rows.append(row)
    return "\n".join(
        [
            "## Month series {#month-series}",
            "",
            "Every spelling of every month that a date line may use, by series "
            f"({code('arabic_extract.rules.dates.MONTH_SERIES')}). A name's words match with "
            "or without the space between them (ذو القعدة, ذوالقعدة). Hijri dates are "
            "converted to Gregorian by the Umm al-Qura calendar, and kept as written in "
            f"{code('published_hijri')}.",
            "",
            table(head, rows),
            "",
        ]
    )


def rules_page() -> str:
    kinds = typing.get_args(Kind)
    for kind in kinds:
        if kind not in KIND_TEXT:
            warn(f"rule kind {kind!r} is not explained in docs/hooks.py KIND_TEXT")
    families = rule_families()
    groups = family_groups()
    out = [
        "# Rule reference",
        "",
        '!!! info "Generated from the rule tables"',
        "    This page is built by `docs/hooks.py` at documentation build time from",
        "    `arabic_extract/rules/`: every family, phrase, pattern and example below is read from",
        "    the code, and the *matches* column is computed by running each family on its own",
        "    examples. To change a rule, edit the rule module (see [Tuning](tuning.md)); there is",
        "    nothing to edit here.",
        "",
        '<div dir="rtl" lang="ar" markdown>',
        "",
        "**مرجع القواعد.** كل قاعدة «عائلة» لها اسم ونوع ووصف، وعبارات مكتوبة كما تظهر في "
        "الصفحات، وأمثلة تطابقها وأمثلة مضادة لا تطابقها. تُطابَق العبارات على النص بعد التطبيع "
        "(الهمزات، التاء المربوطة، التشكيل، التطويل، علامات الاتجاه، الأرقام الهندية)، ويُعاد النص "
        "الأصلي كما هو.",
        "",
        "</div>",
        "",
        f"{len(families)} families, "
        f"{sum(len(f.phrases) for _, f in families)} phrases, "
        f"{sum(len(f.patterns) for _, f in families)} patterns.",
        "",
        "## How a family matches {#how-a-family-matches}",
        "",
        "A family compiles to one regular expression over **normalised** text. Its `kind` says "
        "how it matches a line; `max words` bounds the length of a line it may claim (a 60-word "
        "paragraph that happens to start with «شارك» is not a share bar).",
        "",
        "Before the expression runs, checks that it implies rule most lines out (each is tested "
        "against the expression in `tests/test_rules_families.py` and `test_rules_data.py`): "
        "a `line` or `prefix` family is tried only on a line whose first word opens one of its "
        "phrases (or one its patterns declare they open with; a family with patterns and no "
        "such words is tried on every line); a `line` family of "
        "phrases only, on a line whose every word is a piece of its phrases (written spaced, "
        "glued, or after the conjunction و); a `prefix` or `label` family of phrases only, on a "
        "line whose first two words open one of them; a `search` family, on a line that holds "
        "one of its literals. A line that is one of a family's phrases, marks around it, is "
        "matched without the expression.",
        "",
        table(["kind", "matches when"], [[code(k), md(KIND_TEXT.get(k, ""))] for k in kinds]),
        "",
        "Normalisation, computed here with `arabic_extract.engine.normalize.normalize`:",
        "",
        table(
            ["as written", "normalised"],
            [[rtl(s), rtl(normalize(s))] for s in NORMALISATION_SAMPLES],
        ),
        "",
        "## All families {#all-families}",
        "",
        table(
            ["family", "kind", "max words", "phrases", "patterns", "what it catches"],
            [
                [
                    f"[{md(f.name)}](#{f.name})",
                    code(f.kind),
                    str(f.max_words or "–"),
                    str(len(f.phrases)),
                    str(len(f.patterns)),
                    md(f.description),
                ]
                for _, f in families
            ],
        ),
        "",
    ]
    titles = {
        "arabic_extract.rules.noise": "Noise families",
        "arabic_extract.rules.attribution": "Attribution families",
        "arabic_extract.rules.captions": "Caption families",
        "arabic_extract.rules.dates": "Date families",
        "arabic_extract.rules.pages": "Page-type families",
    }
    for module in rule_modules():
        doc = inspect.getdoc(module) or ""
        title = titles.get(module.__name__, module.__name__)
        anchor = module.__name__.rsplit(".", 1)[-1] + "-families"
        out += [f"## {title} {{#{anchor}}}", "", rst(doc), ""]
        for mod, family in families:
            if mod is module:
                out += [family_section(mod, family, groups.get(id(family), [])), ""]
    out += [months_section(), ""]
    out += [
        "## Function words {#stopwords}",
        "",
        f"The {len(STOPWORDS)} Arabic function words whose share of a line tells running prose "
        "from titles, menus and tag lists (see `min_stopword_ratio` in "
        "[Tuning](tuning.md#config-min_stopword_ratio)):",
        "",
        chips(STOPWORDS),
        "",
        "## Words that continue a line {#continuation}",
        "",
        "Page text written one line per DOM text node cuts a sentence wherever a link or a bold "
        "word sits in it. A line that stops on one of these words goes on in the next line, and "
        "a line that starts with one of these marks goes on the line before "
        "(`arabic_extract/rules/continuation.py`, read by `arabic_extract.engine.reflow`):",
        "",
        chips(DANGLING_WORDS),
        "",
        "Marks: " + " ".join(code(mark) for mark in CONTINUATION_MARKS),
        "",
    ]
    out += [dom_section()]
    return "\n".join(out)


# --------------------------------------------------------------------------- models and config


def annotations_of(cls: type) -> dict[str, str]:
    """Field annotations of a class as written in its source."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    found: dict[str, str] = {}
    for node in tree.body[0].body:  # type: ignore[attr-defined]
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = ast.unparse(node.annotation)
    return found


def show_default(info: Any) -> str:
    if info.default_factory is not None:
        return code(repr(info.default_factory()))
    if info.default is PydanticUndefined:
        return "required"
    value = info.default
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return code(f"{value:_}")
    if isinstance(value, Enum):
        return code(f"{type(value).__name__}.{value.name}")
    return code(repr(value))


def resolve(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def fields_table(args: str) -> str:
    cls = resolve(args.strip())
    types = annotations_of(cls)
    rows = [
        [
            f"{code(name)}",
            code(types.get(name, "")),
            show_default(info),
            md(info.description or ""),
        ]
        for name, info in cls.model_fields.items()
    ]
    for name, cinfo in cls.model_computed_fields.items():
        prop = getattr(cinfo, "wrapped_property", None)
        doc = cinfo.description or inspect.getdoc(prop) or ""
        kind = cinfo.return_type  # a class (str), or a union (str | None): shown as written
        shown = kind.__name__ if isinstance(kind, type) else str(kind)
        rows.append([code(name), code(shown), "computed", md(doc)])
    return fields_div(table(["field", "type", "default", "description"], rows))


def fields_div(markdown_table: str) -> str:
    """A table of fields, styled so that names and types do not wrap (docs/stylesheets)."""
    return f'<div class="ae-fields" markdown>\n\n{markdown_table}\n\n</div>'


def enum_table(args: str) -> str:
    cls = resolve(args.strip())
    return table(["member", "value"], [[code(m.name), code(str(m.value))] for m in cls])


def config_sections() -> list[tuple[str, list[str]]]:
    """ExtractionConfig's fields under the ``# --- title ---`` comments of config.py that head
    them, in the source's order."""
    source = inspect.getsource(ExtractionConfig)
    sections: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        section = re.match(r"\s*# -+ (.+?) -+\s*$", line)
        field = re.match(r"\s{4}(\w+): ", line)
        if section:
            sections.append((section.group(1), []))
        elif field and field.group(1) in ExtractionConfig.model_fields:
            if not sections:
                sections.append(("fields", []))
            sections[-1][1].append(field.group(1))
    listed = [name for _, names in sections for name in names]
    for name in ExtractionConfig.model_fields:
        if name not in listed:
            warn(f"ExtractionConfig.{name} was not found in the source sections of config.py")
    return sections


def config_rows(names: Iterable[str]) -> list[list[str]]:
    types = annotations_of(ExtractionConfig)
    rows = []
    for name in names:
        info = ExtractionConfig.model_fields[name]
        rows.append(
            [
                f'<span id="config-{name}"></span>{code(name)}',
                code(types.get(name, "")),
                show_default(info),
                md(info.description or ""),
            ]
        )
    return rows


def config_fields(_args: str) -> str:
    calibration = (inspect.getdoc(config_module) or "").split("\n\n", 1)[-1]
    out = [
        '!!! note "How a value was calibrated"',
        "    " + md(calibration),
        "",
    ]
    for title, names in config_sections():
        out += [f"### {md(title[:1].upper() + title[1:])}", ""]
        head = ["field", "type", "default", "what it does, and how it was calibrated"]
        out += [fields_div(table(head, config_rows(names))), ""]
    return "\n".join(out)


def config_section(args: str) -> str:
    """One section of ExtractionConfig's fields (``<!-- generated:config-section input
    limits -->``): their defaults and descriptions, as the code has them."""
    wanted = args.strip()
    for title, names in config_sections():
        if title == wanted:
            fields = ExtractionConfig.model_fields
            rows = [
                [
                    f"[{code(name)}](tuning.md#config-{name})",
                    show_default(fields[name]),
                    md(fields[name].description or ""),
                ]
                for name in names
            ]
            return fields_div(table(["field", "default", "what it does"], rows))
    warn(f"config.py has no section {wanted!r}")
    return ""


# --------------------------------------------------------------------------- the walkthrough

# Reasons that are not a rule family's name nor a DOM table's key: the structural rules.
STRUCTURAL_REASONS: Mapping[str, str] = {
    "prose": "pass 1: long enough, with sentence punctuation and function words — good body "
    "text (`good_min_words`, `min_stopword_ratio`).",
    "near-prose": "pass 1: a few words of prose — near-good, body if the main run takes it in "
    "(`near_min_words`).",
    "title-like": "pass 1: a few words without function words — a title-like line.",
    "short": "pass 1: fewer than `near_min_words` words.",
    "empty": "pass 1: no letters and no digits (a separator, an icon).",
    "no-letters": "pass 1: digits and symbols only.",
    "link-density": "pass 1 (HTML): more than `max_link_density` of the text is link text — "
    "navigation.",
    "after-image": "pass 1 (HTML): a short line without closing punctuation right after an "
    "image — its caption (`max_caption_words`).",
    "dom:figcaption": "pass 1 (HTML): inside a `<figcaption>` — a caption.",
    "date-line": "pass 1: the line is a date and little else (weekday, time, published, "
    "updated; `max_date_line_words`).",
    "menu": "pass 2: a run of `menu_run` or more short items, mostly bulleted or already "
    "navigation.",
    "headline-list": "pass 2: a run of title-like lines (dates and counters between them) not "
    "framed by body text — other articles' headlines.",
    "repeated": "pass 2: the same line appeared earlier on the page (menus shown twice).",
    "outside-main-run": "segmentation: the block is outside the article's main run.",
    "headline": "fields: the article's headline (the title-like line that introduces the body).",
    "meta-title": "fields (HTML): the headline block is the one the page's metadata title names.",
    "not-the-headline": "fields (HTML): a title-like line that the metadata title does not name.",
    "headline-repeat": "fields: the headline shown again (often as an image's alt caption).",
    "caption": "fields: an image caption.",
    "credit-caption": "pass 2: a title-like line that ends with a photo credit (`- أرشيف`, "
    "`(رويترز)`), or with a date and a name in brackets: a photo's caption.",
    "listing-page": "page type: the page is a listing; its body blocks are teasers, not the body.",
    "live-entry": "page type: a block of a live blog's entry (its title or text): the body.",
    "not-a-live-entry": "page type: on a live blog, text outside the entries is not the body.",
    "entry-time": "page type: the time stamp heading a live blog's entry.",
    "gallery-caption": "page type: a photo gallery's caption: part of the body.",
    "pre-body-caption": "fields: a short line between the headline and the body, outside the "
    "main run — a caption.",
    "data-table": "structure: a cell of a data table that sits in the article (introduced by a "
    "line ending in ':', between body text, or in the article's container): body, never "
    "a break of the main run (`table_cell_max_words`).",
    "table-note": "structure: the note right under a data table (its unit or its data's "
    "source, a line opened by `*` or a [`table-note`](rules.md#table-note) label): the table's, "
    "body.",
    "layout-table": "structure: a table of fewer than two rows or columns, a long cell "
    "(`table_cell_max_words`) or headings lays out the page; its blocks are read as any others.",
    "link-table": "structure: a table most of whose cells are links — other pages, not data.",
    "article-list": "structure: an item of a list that sits in the article (not links, not "
    "furniture, no teasers' dates or bylines): body, never a break of the main run.",
    "list-intro": "structure: body text ending in ':' that introduces the table or list after it "
    "(`list_intro_min_words`).",
    "intro-list": "structure (page text): a short line after a `list-intro` line, up to the "
    "next paragraph — an item of a list the text shows without bullets "
    "(`intro_list_max_items`).",
}


def reason_link(reason: str, family_names: set[str], dom_keys: Mapping[str, str]) -> str:
    if reason in family_names:
        return f"[{md(reason)}](rules.md#{reason})"
    if reason in dom_keys:
        return f"[{md(reason)}](rules.md#{dom_keys[reason]})"
    if reason in STRUCTURAL_REASONS:
        return f"[{md(reason)}](#reason-{reason.replace(':', '-')})"
    warn(f"reason {reason!r} in the walkthrough is explained nowhere (docs/hooks.py)")
    return md(reason)


def dom_reason_anchors() -> dict[str, str]:
    anchors = {}
    for name, value in vars(dom).items():
        if isinstance(value, Mapping) and name.isupper():
            anchor = "dom-" + name.lower().replace("_", "-")
            for key, item in value.items():
                for reason in (key, item):
                    if isinstance(reason, str) and reason.startswith("dom:"):
                        anchors[reason] = anchor
    return anchors


def walkthrough(args: str) -> str:
    relative = args.strip() or "fixtures/html/readalso_midbody/source.html"
    path = ROOT / relative
    if not path.is_file():
        warn(f"walkthrough page {relative} not found")
        return f"*(walkthrough page `{relative}` not found)*"
    data = path.read_bytes()
    started = time.perf_counter()
    article = extract(data, config=ExtractionConfig(explain=True))
    elapsed = (time.perf_counter() - started) * 1000
    families = {f.name for _, f in rule_families()}
    dom_keys = dom_reason_anchors()
    counts = Counter(block.label.value for block in article.blocks)
    summary = ", ".join(f"{n} {label}" for label, n in counts.most_common())
    rows = [
        [
            str(block.index),
            code(block.tag or "–"),
            f"**{block.label.value}**" if block.label.value != "noise" else "noise",
            ", ".join(reason_link(r, families, dom_keys) for r in block.reasons),
            rtl(clip(block.text, 70)),
        ]
        for block in article.blocks
    ]
    fields = article.model_dump(mode="json", exclude={"blocks"})
    fields["paragraphs"] = [clip(p, 60) for p in fields["paragraphs"]]
    fields["body"] = clip(fields["body"], 60)
    return "\n".join(
        [
            f"`{relative}` ({len(data):,} bytes of HTML) gives {len(article.blocks)} blocks "
            f"({summary}) in {elapsed:.0f} ms here. Reproduce it with:",
            "",
            "```bash",
            f"arabic-extract {relative} --explain",
            "```",
            "",
            '<div class="ae-walkthrough" markdown>',
            "",
            table(["#", "tag", "label", "reasons (the rules that decided)", "text"], rows),
            "",
            "</div>",
            "",
            "And the `Article` it assembles (paragraphs cut to 60 characters here):",
            "",
            "```json",
            json.dumps(fields, ensure_ascii=False, indent=2),
            "```",
        ]
    )


_BACKTICKS = re.compile(r"`([^`]+)`")


def prose(text: str) -> str:
    """Hand-written text with `code` spans; a span naming a config field links to it."""
    parts = _BACKTICKS.split(text)
    out = []
    for i, part in enumerate(parts):
        if not i % 2:
            out.append(md(part))
        elif part in ExtractionConfig.model_fields:
            out.append(f"[{code(part)}](tuning.md#config-{part})")
        else:
            out.append(code(part))
    return "".join(out)


def reasons_table(_args: str) -> str:
    rows = [
        [f'<span id="reason-{name.replace(":", "-")}"></span>{code(name)}', prose(text)]
        for name, text in STRUCTURAL_REASONS.items()
    ]
    return table(["reason", "set by"], rows)


def explain_screenshot(_args: str) -> str:
    if (ROOT / "docs" / "explain-report.png").is_file():
        return (
            "![The explain report of a page: every block coloured by its label, with the rules "
            "that decided it](explain-report.png)"
        )
    log.info("docs/explain-report.png is absent; the walkthrough shows no screenshot")
    return (
        '!!! note "Screenshot"\n'
        "    The screenshot of the explain report is added by the report's own page; see "
        "[Tools](tools.md)."
    )


# --------------------------------------------------------------------------- outputs of examples

_PYTHON_FENCE = re.compile(r"```python\n(.*?)```", re.S)


def python_output(_args: str, before: str) -> str:
    """Run the last ```python block above the marker (from the repository root) and show what
    it prints: the example and its output cannot disagree."""
    blocks = _PYTHON_FENCE.findall(before)
    if not blocks:
        warn("python-output marker without a python block above it")
        return ""
    stdout = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(stdout):
            exec(compile(blocks[-1], "<docs example>", "exec"), {"__name__": "__docs__"})
    except Exception as exc:  # a broken example is a broken page
        warn(f"a documented example failed: {type(exc).__name__}: {exc}")
    finally:
        os.chdir(cwd)
    return "```text\n" + stdout.getvalue().rstrip() + "\n```"


def run_cli(args: str) -> str:
    argv = [sys.executable, "-m", "arabic_extract", *shlex.split(args)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        warn(f"documented command failed ({done.returncode}): {' '.join(argv[2:])}: {done.stderr}")
    return done.stdout


def cli_json(args: str, _before: str) -> str:
    """The command's JSON output, paragraphs cut and blocks left out."""
    data = json.loads(run_cli(args + " --indent 2") or "{}")
    data.pop("blocks", None)
    data["paragraphs"] = [clip(p, 60) for p in data.get("paragraphs", [])]
    if "body" in data:
        data["body"] = clip(data["body"], 60)
    return "```json\n" + json.dumps(data, ensure_ascii=False, indent=2) + "\n```"


def cli_text(args: str, _before: str) -> str:
    """The command's text output, long lines cut."""
    lines = [clip(line, 60) if line.strip() else "" for line in run_cli(args).splitlines()]
    return "```text\n" + "\n".join(lines).rstrip() + "\n```"


def _plain(generator: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda args, _before: generator(args)


GENERATORS: Mapping[str, Callable[[str, str], str]] = {
    "rules": lambda _args, _before: rules_page(),
    "config-fields": _plain(config_fields),
    "config-section": _plain(config_section),
    "fields": _plain(fields_table),
    "enum": _plain(enum_table),
    "walkthrough": _plain(walkthrough),
    "reasons": _plain(reasons_table),
    "explain-screenshot": _plain(explain_screenshot),
    "python-output": python_output,
    "cli-json": cli_json,
    "cli-text": cli_text,
}


# --------------------------------------------------------------------------- docstrings (griffe)


def fence_doctests(text: str) -> str:
    """Wrap the ``>>>`` examples of a docstring in ``pycon`` fences (Markdown would read the
    ``>>>`` lines as nested quotes)."""
    out: list[str] = []
    in_example = False
    for line in text.splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not in_example:
            out += ["```pycon"]
            in_example = True
        elif in_example and not line.strip():
            out += ["```"]
            in_example = False
        out.append(line.strip() if in_example else line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Griffe extension (mkdocs.yml: ``extensions: [docs/hooks.py:DoctestFences]``) that
    renders doctest examples in docstrings as code."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)


# --------------------------------------------------------------------------- MkDocs events


def on_config(config: Any) -> Any:
    _STATE["started"] = time.perf_counter()
    missing = missing_docstrings()
    if missing:
        raise PluginError(
            "public objects of arabic_extract without a docstring or description: "
            + ", ".join(missing)
        )
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    src = page.file.src_uri
    present = {m.group("name") for m in MARKER.finditer(markdown)}
    for name in REQUIRED_MARKERS.get(src, ()):
        if name not in present:
            warn(f"{src} lost its <!-- generated:{name} --> marker")

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        generator = GENERATORS.get(name)
        if generator is None:
            warn(f"{src}: no generator for <!-- generated:{name} -->")
            return ""
        return generator(match.group("args"), markdown[: match.start()])

    if src == "rules.md" and "rules" in present:
        return rules_page()  # the whole page: the stub's text only says it is generated
    if src == "api.md":
        for name in arabic_extract.__all__:
            if f"::: arabic_extract.{name}" not in markdown:
                warn(f"api.md does not document the public name arabic_extract.{name}")
    return MARKER.sub(replace, markdown)


_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):(?=<code)")
_TILDE_PATH = re.compile(r"<code>~(?:[\w]+\.)*(\w+)</code>")


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    return _TILDE_PATH.sub(r"<code>\1</code>", _ROLE.sub("", content))


def on_post_build(config: Any) -> None:
    log.info("docs built in %.1f s", time.perf_counter() - _STATE["started"])
