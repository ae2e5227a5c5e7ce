"""pytest plugin: extraction snapshots (``extraction_snapshot``) for regression tests.

Installed with the package and loaded by pytest through the ``pytest11`` entry point (disable it
with ``-p no:arabic_extract``). A snapshot is a folder::

    <name>/page.html   or page.txt, page.md  (the project's own source.html / input.txt /
                       input.md also work)
    <name>/expected.json

and a test calls the fixture with the folder::

    def test_page(extraction_snapshot):
        article = extraction_snapshot("fixtures/my_page")  # relative to pytest's rootdir

The page is extracted with ``ExtractionConfig(explain=True)`` and compared with
``expected.json`` field by field. A key absent from ``expected.json`` is not compared; keys
starting with ``_`` are comments; any other key is an error. The keys:

``paragraphs``
    the body, line by line: whitespace is collapsed, order matters. A failure lists the lines
    missing from the body and the extra lines, each with the label of the block that holds it
    and the rule families that decided it (a paragraph that turned into noise shows
    ``noise · share-bar, ...``).
``headline``
    equal after collapsing whitespace; ``null`` means no headline.
``source``
    normalised (hamza, ta marbuta, diacritics... folded), one containing the other; ``null``
    means none.
``author``, ``site_name``, ``date_text``
    equal after normalisation; ``null`` means none.
``date``
    the published date as ``YYYY-MM-DD``; ``null`` means none.
``tags``
    the list, in order, each normalised.
``captions``
    the list, in order, each normalised: a caption the page does not have (a credit, a
    byline, the author's photo) fails as a missing one does.
``exclude``
    hand-written noise lines that must not be in the body (as whole normalised word
    sequences).
``page_type``, ``language``
    equal: what kind of page it is (``article``, ``listing``, ``live``...) and the language
    its text is in (``ar``, ``fa``...).

With ``--arabic-extract-update`` the compared fields of ``expected.json`` are rewritten from the
current result instead of failing (``ensure_ascii=False``, indent 2; a missing file is created
with every field but an empty ``exclude``). ``exclude`` is written by hand: a leaked line still
fails. Only files inside pytest's root directory are written, and never through a symbolic
link (a snapshot folder, or an ``expected.json``, that is one fails the test instead): a
snapshot taken from elsewhere cannot make an update write there.
"""

from __future__ import annotations

import difflib
import errno
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import pytest

from arabic_extract.api import extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.engine.normalize import normalize
from arabic_extract.evaluation import tokens
from arabic_extract.model import Article, BlockInfo

__all__ = [
    "COMPARED_FIELDS",
    "EXPECTED_NAME",
    "PAGE_NAMES",
    "ExtractionSnapshot",
    "FieldDiff",
    "SnapshotError",
    "compare_snapshot",
    "extraction_snapshot",
    "find_page",
    "snapshot_dirs",
    "snapshot_values",
]

UPDATE_OPTION: Final = "--arabic-extract-update"
EXPECTED_NAME: Final = "expected.json"
PAGE_NAMES: Final = (
    "page.html",
    "page.txt",
    "page.md",
    "source.html",
    "input.txt",
    "input.md",
)
"""Names of the page in a snapshot folder, in order of preference."""

OUTPUT_FIELDS: Final = (
    "headline",
    "source",
    "author",
    "site_name",
    "date",
    "date_text",
    "tags",
    "captions",
    "paragraphs",
    "page_type",
    "language",
)
"""Fields taken from the extraction (what ``--arabic-extract-update`` writes)."""

COMPARED_FIELDS: Final = (*OUTPUT_FIELDS, "exclude")
"""Every key of ``expected.json`` the plugin knows, in the order a new file lists them."""

_TEXT_WIDTH: Final = 160
_MAX_BLOCKS_SHOWN: Final = 3
_MIN_PARTIAL_CHARS: Final = 12


class SnapshotError(Exception):
    """A snapshot folder or its ``expected.json`` cannot be used (no page, bad JSON, a key of
    the wrong type or an unknown key)."""


@dataclass(frozen=True)
class FieldDiff:
    """How one field of the extraction differs from ``expected.json``: readable lines."""

    field: str
    summary: str
    details: tuple[str, ...] = ()

    def format(self) -> str:
        """The field, its summary, then the indented details."""
        return "\n".join([f"{self.field}: {self.summary}", *(f"  {d}" for d in self.details)])


# --- folders ------------------------------------------------------------------------------


def find_page(folder: Path) -> Path:
    """The page of a snapshot folder (see :data:`PAGE_NAMES`); SnapshotError when none."""
    for name in PAGE_NAMES:
        if (folder / name).is_file():
            return folder / name
    raise SnapshotError(f"{folder}: no page ({' / '.join(PAGE_NAMES)})")


def snapshot_dirs(root: str | os.PathLike[str]) -> list[Path]:
    """Folders under ``root`` (at any depth, ``root`` included) that hold a page, sorted; for
    ``pytest.mark.parametrize``. Whether they have an ``expected.json`` yet is not checked."""
    base = Path(root)
    found = {page.parent for name in PAGE_NAMES for page in base.rglob(name) if page.is_file()}
    return sorted(found)


def load_expected(path: Path) -> dict[str, Any]:
    """``expected.json`` as a dict, checked: known keys with values of the right type."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: must hold a JSON object")
    unknown = [k for k in data if k not in COMPARED_FIELDS and not k.startswith("_")]
    if unknown:
        raise SnapshotError(
            f"{path}: unknown keys {unknown}; known: {', '.join(COMPARED_FIELDS)} "
            "(keys starting with _ are comments)"
        )
    for key in ("tags", "captions", "paragraphs", "exclude"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SnapshotError(f"{path}: {key!r} must be a list of strings")
    for key in ("headline", "source", "author", "site_name", "date", "date_text", "language"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise SnapshotError(f"{path}: {key!r} must be a string or null")
    if "page_type" in data and not isinstance(data["page_type"], str):
        raise SnapshotError(f"{path}: 'page_type' must be a string")
    return data


def snapshot_values(article: Article) -> dict[str, Any]:
    """The :data:`OUTPUT_FIELDS` of ``article`` as ``expected.json`` holds them."""
    return {
        "headline": article.headline,
        "source": article.source,
        "author": article.author,
        "site_name": article.site_name,
        "date": article.published.date().isoformat() if article.published else None,
        "date_text": article.date_text,
        "tags": list(article.tags),
        "captions": list(article.captions),
        "paragraphs": list(article.paragraphs),
        "page_type": article.page_type,
        "language": article.language,
    }


# --- comparison ---------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split())


def _norm(text: str | None) -> str:
    return _squash(normalize(text or ""))


def _short(text: str) -> str:
    text = _squash(text)
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def _describe(block: BlockInfo) -> str:
    reasons = ", ".join(block.reasons) or "-"
    return f"block #{block.index} {block.label.value} · {reasons}"


def _blocks_holding(blocks: Sequence[BlockInfo], text: str) -> list[BlockInfo]:
    """The blocks whose text is ``text`` (normalised), else those that contain it or that it
    contains (a paragraph split over blocks, or a block holding several paragraphs)."""
    key = _norm(text)
    if not key:
        return []
    normed = [(block, _norm(block.text)) for block in blocks]
    exact = [block for block, norm in normed if norm == key]
    if exact:
        return exact[:_MAX_BLOCKS_SHOWN]
    partial = [
        block
        for block, norm in normed
        if len(norm) >= min(_MIN_PARTIAL_CHARS, len(key)) and (key in norm or norm in key)
    ]
    return partial[:_MAX_BLOCKS_SHOWN]


def _where(blocks: Sequence[BlockInfo], text: str) -> str:
    if not blocks:
        return "no block information"
    holding = _blocks_holding(blocks, text)
    if not holding:
        return "not in any block of the page"
    return "; ".join(_describe(block) for block in holding)


def _paragraphs_diff(article: Article, expected: list[str]) -> FieldDiff | None:
    want = [_squash(p) for p in expected]
    got = [_squash(p) for p in article.paragraphs]
    if want == got:
        return None
    want_count, got_count = Counter(want), Counter(got)
    details: list[str] = []
    missing = extra = moved = 0
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i in range(i1, i2):
            line = want[i]
            if got_count[line] >= want_count[line]:  # in the body, elsewhere
                moved += 1
                details.append(
                    f"~ expected line {i + 1} is line {got.index(line) + 1} of the body "
                    "(out of order)"
                )
            else:
                missing += 1
                details.append(
                    f"- expected line {i + 1} missing from the body: {_where(article.blocks, line)}"
                )
            details.append(f"    {_short(line)}")
        for j in range(j1, j2):
            line = got[j]
            if want_count[line] >= got_count[line]:  # reported above as out of order
                continue
            extra += 1
            details.append(f"+ extra line {j + 1} of the body: {_where(article.blocks, line)}")
            details.append(f"    {_short(line)}")
    counts = [f"{missing} line(s) missing from the body", f"{extra} extra"]
    counts += [f"{moved} out of order"] if moved else []
    summary = f"{', '.join(counts)} (body has {len(got)} lines, expected {len(want)})"
    return FieldDiff("paragraphs", summary, tuple(details))


def _exclude_diff(article: Article, expected: list[str]) -> FieldDiff | None:
    body = f" {' '.join(tokens(article.body))} "
    details: list[str] = []
    for line in expected:
        toks = tokens(line)
        if not toks or f" {' '.join(toks)} " not in body:
            continue
        holder = next(
            (p for p in article.paragraphs if f" {' '.join(toks)} " in f" {' '.join(tokens(p))} "),
            line,
        )
        details.append(f"- {_short(line)}")
        details.append(f"    in body line: {_short(holder)}")
        details.append(f"    {_where(article.blocks, holder)}")
    if not details:
        return None
    leaked = len(details) // 3
    return FieldDiff("exclude", f"{leaked} noise line(s) in the body", tuple(details))


def _value_diff(
    article: Article, field: str, want: str | None, got: str | None, same: bool
) -> FieldDiff | None:
    """The diff of a single-valued field (None when ``same``), with the blocks that hold the
    expected and the extracted text for fields that are a line of the page."""
    if same:
        return None
    details = [f"expected: {want!r}", f"got:      {got!r}"]
    if want and field in ("headline", "date_text", "author"):
        details.append(f"expected text: {_where(article.blocks, want)}")
    if got and field in ("headline", "date_text", "author"):
        details.append(f"extracted from: {_where(article.blocks, got)}")
    summary = "missing" if not got else "unexpected" if want is None else "differs"
    return FieldDiff(field, summary, tuple(details))


def _tags_diff(want: list[str], got: list[str]) -> FieldDiff | None:
    want_norm, got_norm = [_norm(t) for t in want], [_norm(t) for t in got]
    if want_norm == got_norm:
        return None
    lost = [t for t, n in zip(want, want_norm, strict=True) if n not in got_norm]
    extra = [t for t, n in zip(got, got_norm, strict=True) if n not in want_norm]
    details = [f"expected: {want}", f"got:      {got}"]
    details += [f"missing: {lost}"] if lost else []
    details += [f"extra:   {extra}"] if extra else []
    details += [] if lost or extra else ["same tags in another order"]
    return FieldDiff("tags", "differ", tuple(details))


def _captions_diff(article: Article, want: list[str]) -> FieldDiff | None:
    want_norm, got_norm = [_norm(c) for c in want], [_norm(c) for c in article.captions]
    if want_norm == got_norm:
        return None
    missing = [c for c, n in zip(want, want_norm, strict=True) if n not in got_norm]
    extra = [c for c, n in zip(article.captions, got_norm, strict=True) if n not in want_norm]
    details: list[str] = []
    for caption in missing:
        details += [f"- {_short(caption)}", f"    {_where(article.blocks, caption)}"]
    for caption in extra:
        details += [f"+ {_short(caption)}", f"    {_where(article.blocks, caption)}"]
    details += [] if missing or extra else ["same captions in another order"]
    summary = f"{len(missing)} caption(s) not found, {len(extra)} not expected"
    return FieldDiff("captions", summary, tuple(details))


def _same_text(want: str, got: str) -> bool:
    return _norm(want) == _norm(got)


def _same_headline(want: str, got: str) -> bool:
    return _squash(want) == _squash(got)


def _same_source(want: str, got: str) -> bool:
    return _norm(want) in _norm(got) or _norm(got) in _norm(want)


_SCALAR_MATCH: Final[Mapping[str, Callable[[str, str], bool]]] = MappingProxyType(
    {
        "headline": _same_headline,
        "source": _same_source,
        "author": _same_text,
        "site_name": _same_text,
        "date_text": _same_text,
        "date": str.__eq__,
        "page_type": str.__eq__,
        "language": str.__eq__,
    }
)


def _field_diff(article: Article, field: str, want: Any) -> FieldDiff | None:
    if field == "paragraphs":
        return _paragraphs_diff(article, want)
    if field == "exclude":
        return _exclude_diff(article, want)
    if field == "tags":
        return _tags_diff(want, article.tags)
    if field == "captions":
        return _captions_diff(article, want)
    got = snapshot_values(article)[field]
    if want is None:
        return _value_diff(article, field, want, got, same=got is None)
    same = got is not None and _SCALAR_MATCH[field](want, got)
    return _value_diff(article, field, want, got, same)


def compare_snapshot(
    article: Article, expected: dict[str, Any], fields: Iterable[str] | None = None
) -> list[FieldDiff]:
    """The fields of ``expected`` (or only ``fields`` among them) that ``article`` does not
    match, in :data:`COMPARED_FIELDS` order. Keys absent from ``expected`` are not compared."""
    wanted = set(COMPARED_FIELDS if fields is None else fields)
    unknown = wanted - set(COMPARED_FIELDS)
    if unknown:
        raise SnapshotError(f"unknown fields {sorted(unknown)}; known: {COMPARED_FIELDS}")
    diffs = []
    for field in COMPARED_FIELDS:
        if field in wanted and field in expected:
            diff = _field_diff(article, field, expected[field])
            if diff is not None:
                diffs.append(diff)
    return diffs


# --- the fixture --------------------------------------------------------------------------

_CACHE_KEY = pytest.StashKey[dict[tuple[str, int, int, str], Article]]()
_UPDATED_KEY = pytest.StashKey[list[Path]]()


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class ExtractionSnapshot:
    """The ``extraction_snapshot`` fixture: call it with a snapshot folder."""

    def __init__(self, config: pytest.Config) -> None:
        self._config = config
        self.update: bool = bool(config.getoption(UPDATE_OPTION))

    def _folder(self, folder: str | os.PathLike[str]) -> Path:
        path = Path(folder)
        return path if path.is_absolute() else self._config.rootpath / path

    def extract(self, page: Path, config: ExtractionConfig | None = None) -> Article:
        """Extract ``page`` with explain on; cached for the session while the file is unchanged."""
        settings = (config or ExtractionConfig()).model_copy(update={"explain": True})
        stat = page.stat()
        key = (str(page.resolve()), stat.st_mtime_ns, stat.st_size, settings.model_dump_json())
        cache = self._config.stash.setdefault(_CACHE_KEY, {})
        if key not in cache:
            cache[key] = extract(page.read_bytes(), config=settings)
        return cache[key]

    def __call__(
        self,
        folder: str | os.PathLike[str],
        *,
        fields: Iterable[str] | None = None,
        config: ExtractionConfig | None = None,
    ) -> Article:
        """Extract the folder's page, compare it with ``expected.json`` (only ``fields`` if
        given) and fail with a readable diff; with ``--arabic-extract-update`` rewrite the
        compared fields instead. Returns the article for further checks."""
        __tracebackhide__ = True
        path = self._folder(folder)
        problem: str | None
        try:
            article, problem = self._check(path, None if fields is None else tuple(fields), config)
        except SnapshotError as exc:  # failed outside the handler: no chained traceback
            problem = str(exc)
        if problem is not None:
            pytest.fail(problem, pytrace=False)
        return article

    def _check(
        self, path: Path, fields: tuple[str, ...] | None, config: ExtractionConfig | None
    ) -> tuple[Article, str | None]:
        """The article and the failure message (None when it matches)."""
        page = find_page(path)
        expected_path = path / EXPECTED_NAME
        expected = load_expected(expected_path) if expected_path.is_file() else None
        article = self.extract(page, config)
        if self.update:
            expected = self._write(expected_path, expected, article, fields)
        if expected is None:
            message = (
                f"{path}: no {EXPECTED_NAME}; run pytest {UPDATE_OPTION} to write it from "
                "the current output"
            )
            return article, message
        diffs = compare_snapshot(article, expected, fields)
        return article, self._message(path, page, diffs) if diffs else None

    def _message(self, folder: Path, page: Path, diffs: Sequence[FieldDiff]) -> str:
        lines = [f"{folder}: {page.name} differs from {EXPECTED_NAME}"]
        lines += [diff.format() for diff in diffs]
        if not self.update and any(d.field != "exclude" for d in diffs):
            lines.append(f"(pytest {UPDATE_OPTION} rewrites {EXPECTED_NAME} from this output)")
        if any(d.field == "exclude" for d in diffs):
            lines.append("(exclude is written by hand: remove a line if it belongs to the body)")
        return "\n".join(lines)

    def _write(
        self,
        path: Path,
        expected: dict[str, Any] | None,
        article: Article,
        fields: Sequence[str] | None,
    ) -> dict[str, Any]:
        """Rewrite the compared output fields of ``expected.json`` from ``article``."""
        values = snapshot_values(article)
        if expected is None:
            keys = [f for f in OUTPUT_FIELDS if fields is None or f in fields]
            data: dict[str, Any] = {key: values[key] for key in keys}
            if fields is None or "exclude" in fields:
                data["exclude"] = []
        else:
            data = dict(expected)
            for key in OUTPUT_FIELDS:
                if key in data and (fields is None or key in fields):
                    data[key] = values[key]
        text = _dump(data)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            _write_inside(self._config.rootpath, path, text)
            updated = self._config.stash.setdefault(_UPDATED_KEY, [])
            if path not in updated:
                updated.append(path)
        return data


def _write_inside(root: Path, path: Path, text: str) -> None:
    """Write ``text`` to ``path`` if it is inside ``root`` and reached without a symbolic link
    (the folders between them and the file itself); SnapshotError otherwise."""
    base, folder = root.absolute(), path.parent.absolute()
    try:
        inside = folder.relative_to(base)
    except ValueError:
        raise SnapshotError(f"{path}: not written: outside pytest's root {base}") from None
    if ".." in inside.parts:
        raise SnapshotError(f"{path}: not written: outside pytest's root {base}")
    if folder.resolve() != base.resolve() / inside:
        raise SnapshotError(f"{path}: not written: its folder is reached through a symbolic link")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:  # (O_NOFOLLOW: a link put there after the checks is not followed either)
        descriptor = os.open(path, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP or path.is_symlink():
            raise SnapshotError(f"{path}: not written: it is a symbolic link") from None
        raise
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text)


@pytest.fixture
def extraction_snapshot(request: pytest.FixtureRequest) -> ExtractionSnapshot:
    """Compare a saved page's extraction with the ``expected.json`` beside it:
    ``extraction_snapshot(folder, fields=None, config=None) -> Article``."""
    return ExtractionSnapshot(request.config)


# --- hooks --------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--arabic-extract-update``."""
    group = parser.getgroup("arabic_extract", "arabic_extract extraction snapshots")
    group.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help=f"rewrite each snapshot's {EXPECTED_NAME} from the current extraction instead of "
        "failing (hand-written exclude lists are kept and still checked)",
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say so in the header when snapshots are being rewritten."""
    if config.getoption(UPDATE_OPTION):
        return f"arabic_extract: {UPDATE_OPTION}: snapshots are rewritten, not compared"
    return None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the ``expected.json`` files that ``--arabic-extract-update`` rewrote."""
    updated = terminalreporter.config.stash.get(_UPDATED_KEY, [])
    if updated:
        terminalreporter.section("arabic_extract snapshots")
        terminalreporter.write_line(f"updated {len(updated)} {EXPECTED_NAME} file(s):")
        for path in updated:
            terminalreporter.write_line(f"  {path}")
