"""Fuzz :func:`arabic_extract.extract` with atheris (libFuzzer, coverage-guided).

Each input goes in as bytes, and as the str it decodes to (``surrogateescape``, so invalid UTF-8
becomes lone surrogates, which a str may hold), plain and as the body of an HTML page. Anything
but an :class:`~arabic_extract.InputError` is a crash, and so is an Article that cannot be
serialised. libFuzzer saves the input of a crash (or of a run over ``-timeout`` seconds) under
``fuzz/crashes/``; ``tests/test_fuzz_regressions.py`` replays every file there.

    python fuzz/fuzz_extract.py -max_total_time=180 fuzz/corpus

An empty or missing corpus folder is first seeded with small slices of the fixture pages.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from arabic_extract import Article, ExtractionConfig, InputError, extract

ROOT = Path(__file__).resolve().parents[1]
CRASHES = ROOT / "fuzz" / "crashes"
# Inputs are small (libFuzzer's -max_len, 4096 bytes by default): limits scaled down to match,
# so that the limits' own paths (cuts, unwrapping, text only) are reached too.
CONFIGS = (
    ExtractionConfig(),
    ExtractionConfig(
        max_input_bytes=2048,
        truncate_input=True,
        max_line_chars=64,
        max_dom_nodes=40,
        max_dom_depth=6,
        max_blocks=12,
        explain=True,
    ),
)


def check_article(article: Article) -> None:
    article.model_dump_json()
    for paragraph in article.paragraphs:
        assert paragraph and paragraph == paragraph.strip(), repr(paragraph)


def check(data: bytes) -> None:
    """Run every way of feeding ``data`` to extract; raise on anything undocumented."""
    text = data.decode("utf-8", errors="surrogateescape")
    html = f"<html><body><p>{text}</p></body></html>"
    for config in CONFIGS:
        for source in (data, text, html):
            try:
                article = extract(source, config=config)
            except InputError:
                continue
            check_article(article)


def test_one_input(data: bytes) -> None:
    check(data)


def seed_corpus(folder: Path, size: int = 1200, step: int = 2500) -> int:
    """Fill ``folder`` with slices of the fixture pages (and a few edge cases)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = [b"", b"<html><body><p>\xd9\x86\xd8\xb5</p></body></html>"]
    paths = [
        *sorted((ROOT / "fixtures").glob("*/*/input.txt")),
        *sorted((ROOT / "fixtures").glob("*/*/source.html")),
    ]
    for path in paths:
        data = path.read_bytes()
        seeds += [data[start : start + size] for start in range(0, len(data), step)]
        text = data.decode("utf-8", errors="replace")
        seeds.append(text[:600].encode("cp1256", errors="replace"))
        seeds.append(text[:400].encode("utf-16"))
    for seed in seeds:
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    return len(seeds)


def main(argv: list[str]) -> None:
    import atheris  # noqa: PLC0415  (only the fuzzer needs it; the tests import check())

    folders = [Path(arg) for arg in argv[1:] if not arg.startswith("-")]
    for folder in folders[:1]:
        if not folder.is_dir() or not any(folder.iterdir()):
            print(f"seeded {folder} with {seed_corpus(folder)} inputs", file=sys.stderr)
    CRASHES.mkdir(parents=True, exist_ok=True)
    options = [
        f"-artifact_prefix={CRASHES}/",
        "-timeout=10",
        "-rss_limit_mb=4096",
    ]
    given = {arg.split("=")[0] for arg in argv[1:] if arg.startswith("-")}
    args = [argv[0], *(o for o in options if o.split("=")[0] not in given), *argv[1:]]
    atheris.instrument_all()
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
