"""Every code block of the README and the docs is checked, so the documentation cannot drift
from the code:

- Python blocks run, each page's blocks in order in one namespace (a block may use what an
  earlier one defined), in a scratch folder holding ``examples/``, the pages the prose names
  (``page.html``, ``page.txt``, ``saved/``) and small WARC files (``crawl.warc.gz``, the
  example page twice; ``crawl/0001.warc.gz``, ``crawl/0002.warc.gz``). A few names stand for
  "your page" in the prose and are given: ``page`` and ``page_bytes`` (the example HTML),
  ``data`` (bytes that are no page) and ``fetched_at`` (a datetime). A block whose optional
  dependency is not installed is skipped with the module's name. A ``print(...)  # text`` call
  must print that text (``…`` stands for any text; a ``;`` starts a remark).
- Shell blocks (``bash``, ``console``): every ``arabic-extract`` command is parsed by the real
  parser, and the ``extract`` options are checked together as the command checks them. A
  ``console`` block that shows the output of a ``$`` command is run and the output compared.
- A block that cannot run here (a cluster, the network, an excerpt with ``...``) carries a
  marker on the line above it, with the reason: ``<!-- docs-test: skip (a Spark cluster) -->``.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import shlex
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
import regex
from warc_files import html_response, write_warc  # warcio, a test dependency

from arabic_extract import cli
from arabic_extract.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
EXAMPLE = ROOT / "examples" / "article.html"

_FENCE = regex.compile(
    r"^(?P<indent>[ ]*)```(?P<lang>[a-z]+)[^\n]*\n(?P<code>(?:.*\n)*?)(?P=indent)```[ ]*$",
    regex.MULTILINE,
)
_SKIP = regex.compile(r"<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]+)\)\s*-->")
_SHELL = frozenset({"bash", "sh", "console"})
_COMMAND_END = frozenset({"|", "||", "&&", ";", ">", ">>", "2>", "<"})


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    code: str
    skip: str | None

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        start = match.start()
        before = text[:start].rstrip("\n").rpartition("\n")[2]
        skip = _SKIP.search(before)
        found.append(
            Block(
                page=page,
                line=text.count("\n", 0, start) + 1,
                lang=match["lang"],
                code=textwrap.dedent(match["code"]),
                skip=skip["reason"] if skip else None,
            )
        )
    return found


ALL = [block for page in PAGES for block in blocks(page)]
PYTHON_PAGES = sorted({block.page for block in ALL if block.lang == "python"})


def test_the_docs_have_code_blocks() -> None:
    langs = {block.lang for block in ALL}
    assert {"python", "bash"} <= langs
    assert len([b for b in ALL if b.lang == "python" and b.skip is None]) >= 15


def _crawl(folder: Path) -> None:
    """The WARC files the examples read."""
    page = EXAMPLE.read_bytes()
    copies = [html_response(f"https://news.example/{i}", page) for i in (1, 2)]
    write_warc(folder / "crawl.warc.gz", copies)
    (folder / "crawl").mkdir()
    write_warc(folder / "crawl" / "0001.warc.gz", copies[:1])
    write_warc(folder / "crawl" / "0002.warc.gz", copies[1:])


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copyfile(EXAMPLE, tmp_path / "page.html")
    shutil.copyfile(ROOT / "examples" / "page.txt", tmp_path / "page.txt")
    (tmp_path / "saved").mkdir()
    shutil.copyfile(EXAMPLE, tmp_path / "saved" / "page.html")
    _crawl(tmp_path)
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(here)


def _given() -> dict[str, object]:
    page = EXAMPLE.read_bytes()
    return {
        "__name__": "__docs__",
        "page": page,
        "page_bytes": page,
        "data": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "fetched_at": datetime(2024, 7, 17, 16, 0, tzinfo=timezone.utc),
    }


@dataclass(frozen=True)
class Statement:
    """A top-level statement of a Python block, and what it prints when the docs say so: a
    ``print(...)  # shown`` call (the comment up to a ``;``, which starts a remark)."""

    tree: ast.Module
    shows: str | None


def shown_as(comment: str) -> regex.Pattern[str]:
    """The output a comment shows, where ``…`` stands for any text."""
    return regex.compile(".*?".join(regex.escape(part) for part in comment.split("…")), regex.S)


def statements(block: Block) -> Iterator[Statement]:
    lines = block.code.splitlines()
    for node in ast.parse(block.code, block.name).body:
        shows = None
        call = node.value if isinstance(node, ast.Expr) else None
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
            comment = lines[(node.end_lineno or node.lineno) - 1].partition("  # ")[2]
            if call.func.id == "print" and comment:
                shows = comment.partition(";")[0].strip()
        tree = ast.Module(body=[node], type_ignores=[])
        yield Statement(tree=tree, shows=shows)


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_blocks_run(page: Path, workdir: Path) -> None:
    namespace = _given()
    for block in blocks(page):
        if block.lang != "python" or block.skip is not None:
            continue
        try:
            for statement in statements(block):
                code = compile(statement.tree, block.name, "exec")
                with contextlib.redirect_stdout(io.StringIO()) as out:
                    exec(code, namespace)  # the documentation's own examples
                if statement.shows is not None:
                    assert shown_as(statement.shows).fullmatch(out.getvalue().strip()), (
                        f"{ast.unparse(statement.tree)} printed {out.getvalue()!r}"
                    )
        except ModuleNotFoundError as missing:
            if (missing.name or "").startswith("arabic_extract"):
                raise
            pytest.skip(f"{block.name}: needs {missing.name}")
        except Exception as error:
            pytest.fail(f"{block.name}: {type(error).__name__}: {error}\n{block.code}")


def test_skipped_blocks_say_why() -> None:
    for block in ALL:
        if block.skip is not None:
            assert len(block.skip.split()) >= 2, f"{block.name}: say why it cannot run"


# --- shell blocks ----------------------------------------------------------------------------


def commands(block: Block) -> Iterator[list[str]]:
    """The argument lists of the ``arabic-extract`` commands in a shell block."""
    for line in block.code.splitlines():
        if block.lang == "console" and not line.startswith("$ "):
            continue  # what the command printed
        words = shlex.split(line.removeprefix("$ "), comments=True)
        while "arabic-extract" in words:
            words = words[words.index("arabic-extract") + 1 :]
            end = next((i for i, w in enumerate(words) if w in _COMMAND_END), len(words))
            yield words[:end]
            words = words[end:]


SHELL_COMMANDS = [
    pytest.param(argv, id=f"{block.name}:{' '.join(argv)[:50]}")
    for block in ALL
    if block.lang in _SHELL
    for argv in commands(block)
]


def test_the_docs_show_commands() -> None:
    assert len(SHELL_COMMANDS) >= 20


@pytest.mark.parametrize("argv", SHELL_COMMANDS)
def test_shell_commands_parse(argv: list[str], workdir: Path) -> None:
    parser = build_parser()
    try:
        with contextlib.redirect_stderr(io.StringIO()) as err:
            ns, extra = parser.parse_known_args(argv)
    except SystemExit:
        pytest.fail(f"arabic-extract {' '.join(argv)}: {err.getvalue()}")
    assert not extra, f"unrecognized arguments: {extra}"
    assert ns.command is not None
    if ns.command == "extract" and ns.config is None and not _shows_an_error(argv):
        cli.extract_options(ns)  # the options that must go together do


def _shows_an_error(argv: list[str]) -> bool:
    """A documented mistake (the docs show its error message)."""
    return any(
        f"arabic-extract {shlex.join(argv)}" in block.code and "error:" in block.code
        for block in ALL
        if block.lang == "console"
    )


@dataclass(frozen=True)
class Shown:
    """A ``$`` command of a console block and the output the docs show for it."""

    argv: list[str]
    output: str


def shown(block: Block) -> Iterator[Shown]:
    lines = block.code.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("$ arabic-extract "):
            continue
        output = []
        for after in lines[i + 1 :]:
            if after.startswith("$ "):
                break
            output.append(after)
        if any(output):
            argv = shlex.split(line.removeprefix("$ arabic-extract "))
            yield Shown(argv=argv, output="\n".join(output))


SHOWN = [
    pytest.param(item, id=f"{block.name}:{' '.join(item.argv)[:50]}")
    for block in ALL
    if block.lang == "console"
    for item in shown(block)
]


@pytest.mark.parametrize("item", SHOWN)
def test_console_output_is_what_the_docs_show(
    item: Shown, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(item.argv)
    captured = capsys.readouterr()
    assert item.output.strip() in captured.out + captured.err


def test_the_shell_block_parser_reads_pipes_and_comments() -> None:
    block = Block(
        page=ROOT / "README.md",
        line=1,
        lang="bash",
        code="cat p.html | arabic-extract extract - -f text > out.txt  # a comment\n"
        "pip install . && arabic-extract schema\n",
        skip=None,
    )
    assert list(commands(block)) == [["extract", "-", "-f", "text"], ["schema"]]
