"""Regressions found by fuzzing (``fuzz/fuzz_extract.py``) and by the hostile-input work.

Every file in ``fuzz/crashes/`` is replayed through the fuzz target's own check (bytes, the
str they decode to, and that str in an HTML page; default and scaled-down limits), and each
crash that was fixed has its own named case below.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from arabic_extract import Article, ExtractionConfig, InputError, extract

ROOT = Path(__file__).resolve().parents[1]
CRASHES = ROOT / "fuzz" / "crashes"


def load_check() -> Callable[[bytes], None]:
    spec = importlib.util.spec_from_file_location("fuzz_extract", ROOT / "fuzz" / "fuzz_extract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    check: Callable[[bytes], None] = module.check
    return check


check = load_check()
CRASH_FILES = sorted(p for p in CRASHES.glob("*") if p.is_file() and not p.name.startswith("."))


@pytest.mark.parametrize("path", CRASH_FILES, ids=[p.name for p in CRASH_FILES])
def test_saved_crash_inputs_no_longer_crash(path: Path) -> None:
    check(path.read_bytes())


def test_crash_folder_stays_small() -> None:
    assert sum(p.stat().st_size for p in CRASH_FILES) < 200_000


# --------------------------------------------------------------------------- named cases

PARAGRAPH = (
    "وقالت وزارة الخارجية الروسية في بيان اليوم الأربعاء إن وزير الخارجية سيرغي لافروف ناقش "
    "حل الأزمة الأوكرانية مع نظيره الأمريكي ماركو روبيو على هامش الدورة الثمانين."
)


@pytest.mark.parametrize(
    "charset",
    ["base64", "hex", "zlib", "rot13", "bz2", "uu", "quopri", "undefined", "unicode-escape"],
)
def test_meta_charset_naming_a_non_text_codec(charset: str) -> None:
    """``<meta charset=base64>`` made decode() call bytes.decode('base64'): LookupError."""
    page = f"<html><head><meta charset='{charset}'></head><body><p>{PARAGRAPH}</p></body></html>"
    article = extract(page.encode("cp1256"))
    assert article.paragraphs == [PARAGRAPH]
    assert extract(PARAGRAPH.encode("cp1256"), encoding=charset).paragraphs == [PARAGRAPH]


def test_lone_surrogates_in_a_str() -> None:
    """A str with a lone surrogate gave an Article that model_dump_json() could not write."""
    article = extract(PARAGRAPH.replace("الروسية", "الروس\udcffية"))
    assert article.paragraphs
    assert "\ufffd" in article.paragraphs[0]
    article.model_dump_json()


def test_utf8_with_a_stray_byte_is_not_read_as_cp1256() -> None:
    """One invalid byte in UTF-8 Arabic made the whole page cp1256 mojibake."""
    data = PARAGRAPH.encode("utf-8")
    article = extract(data[:41] + b"\xff" + data[41:])
    assert article.paragraphs and article.paragraphs[0].endswith(PARAGRAPH[-30:])
    assert any("invalid UTF-8" in note for note in article.notes)


def test_truncated_bytes_cut_inside_a_character() -> None:
    """truncate_input cut UTF-8 inside a character, and the page was then read as cp1256."""
    data = (PARAGRAPH + "\n").encode("utf-8") * 40
    config = ExtractionConfig(max_input_bytes=4001, truncate_input=True)
    article = extract(data, config=config)
    assert PARAGRAPH in article.paragraphs
    assert not any("cp1256" in note for note in article.notes)


def test_mojibake_with_c1_controls() -> None:
    """Browsers decode windows-1252 keeping its undefined bytes as C1 controls (ف is D9 81):
    neither cp1252 nor Latin-1 alone could encode that back."""
    data = (PARAGRAPH + "\nفي فترة في في.\n").encode("utf-8")
    garbled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    article = extract(garbled)
    assert PARAGRAPH in article.paragraphs
    assert any("repaired" in note for note in article.notes)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<html><body>" + "<div/>" * 30_000 + PARAGRAPH, id="self-closed divs"),
        pytest.param("<html><body>" + "<div></span>" * 30_000 + PARAGRAPH, id="stray ends"),
        pytest.param("<html><body>" + "<div>" * 30_000 + PARAGRAPH, id="unclosed divs"),
        pytest.param(
            "<html><body>" + "<span>" * 25_000 + f"<p>{PARAGRAPH}</p>" * 300, id="deep then blocks"
        ),
    ],
)
def test_deep_nesting_is_unwrapped_before_parsing(page: str) -> None:
    """Lexbor's tree builder is quadratic in the depth of open elements (100,000 nested divs
    took 30 s; `<div/>` * 100,000 68 s): nesting over max_dom_depth is unwrapped first."""
    article = extract(page)
    assert any("max_dom_depth" in note for note in article.notes)
    assert PARAGRAPH in article.body


def test_text_only_mode_over_max_dom_nodes() -> None:
    """1,000,000 empty elements took ~3 s in the DOM walk: over max_dom_nodes the page is
    read as text (scaled down here)."""
    page = "<html><body>" + "<span></span>" * 3_000 + f"<p>{PARAGRAPH}</p>"
    article = extract(page, config=ExtractionConfig(max_dom_nodes=2_000))
    assert article.paragraphs == [PARAGRAPH]
    assert any("read as text only" in note for note in article.notes)


def test_many_short_lines_are_cut_at_max_blocks() -> None:
    """1,000,000 short lines took 19 s (15-50 µs a block): max_blocks bounds them."""
    text = "أخبار\n" * 3_000 + PARAGRAPH
    article = extract(text, config=ExtractionConfig(max_blocks=500))
    assert isinstance(article, Article)
    assert any("max_blocks" in note for note in article.notes)


def test_binary_is_still_refused() -> None:
    with pytest.raises(InputError):
        extract(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
