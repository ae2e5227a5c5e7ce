"""The compiled build gives exactly the articles of the pure-Python source.

``pip install .`` compiles the pipeline with mypyc (setup.py), while ``python -m pytest`` in the
source tree runs the pure-Python source. These tests run the *installed* package in a
subprocess, from outside the tree, on every fixture page and every shared dev page, and compare
its articles (with the blocks' labels and reasons) with the source's.

An editable install runs the source itself: the comparison is skipped then, unless
``ARABIC_EXTRACT_REQUIRE_COMPILED=1`` (set by CI) makes a pure-Python install a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from arabic_extract import ExtractionConfig, extract
from arabic_extract.build_info import build_name

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
REQUIRE = os.environ.get("ARABIC_EXTRACT_REQUIRE_COMPILED") == "1"

# Run by the installed package: a JSON list of paths in, a JSON object path -> article out.
_EXTRACT_ALL = """
import json, sys
from arabic_extract import ExtractionConfig, extract
config = ExtractionConfig(explain=True)
paths = json.load(sys.stdin)
out = {p: extract(open(p, "rb").read(), config=config).model_dump(mode="json") for p in paths}
json.dump(out, sys.stdout, ensure_ascii=False)
"""

_DESCRIBE = """
import json, arabic_extract
from arabic_extract import build_info
print(json.dumps({"build": build_info.build_name(), "file": arabic_extract.__file__}))
"""


def run_installed(code: str, stdin: str, tmp: Path) -> str:
    """Run ``code`` with the installed package: from outside the source tree, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp,
        env=env,
        check=True,
        timeout=600,
    )
    return done.stdout


def pages() -> list[Path]:
    found = [
        *sorted((ROOT / "fixtures" / "html").glob("*/source.html")),
        *sorted((ROOT / "fixtures" / "text").glob("*/input.txt")),
        *sorted((ROOT / "fixtures" / "seeds").glob("*/input.txt")),
    ]
    if DEV.is_dir():
        found.extend(sorted(DEV.glob("*.html")))
    return found


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outside")


@pytest.fixture(scope="module")
def compiled_install(outside: Path) -> dict[str, str]:
    if build_name() == "compiled":  # the suite itself runs on the installed build
        pytest.skip("this process runs the compiled build: no pure-Python side to compare")
    described = dict(json.loads(run_installed(_DESCRIBE, "", outside)))
    if described["build"] != "compiled":
        message = f"the installed package is {described['build']} ({described['file']})"
        if REQUIRE:
            pytest.fail(f"ARABIC_EXTRACT_REQUIRE_COMPILED=1 but {message}")
        pytest.skip(message)
    return described


def test_the_installed_package_is_not_the_source_tree(compiled_install: dict[str, str]) -> None:
    # (CI's virtual environment lives inside the checkout: compare with the package folder)
    assert Path(compiled_install["file"]).parent != ROOT / "arabic_extract"


def test_compiled_articles_equal_the_pure_python_ones(
    compiled_install: dict[str, str], outside: Path
) -> None:
    paths = [str(p) for p in pages()]
    assert len(paths) > 10  # the fixtures alone, when ../shared is absent
    theirs = json.loads(run_installed(_EXTRACT_ALL, json.dumps(paths), outside))
    config = ExtractionConfig(explain=True)
    for path in paths:
        ours = extract(Path(path).read_bytes(), config=config).model_dump(mode="json")
        assert theirs[path] == ours, path
