"""The package's layout: the engine (arabic_extract/engine/, the compiled pipeline) depends on
nothing above it but the config, the model, the errors and the rules, so that the command line,
batch runs, outputs and integrations can change without touching a stage, and every engine
module is in setup.py's compiled list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "arabic_extract" / "engine"
ALLOWED = ("arabic_extract.engine", "arabic_extract.rules")
ALLOWED_MODULES = {"arabic_extract.config", "arabic_extract.model", "arabic_extract.errors"}

# CI runs the suite a second time on the installed build, from a copy of the checkout without
# the package's source: there is no source to read there.
pytestmark = pytest.mark.skipif(
    not ENGINE.is_dir(), reason="the package's source is not in this checkout"
)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "arabic_extract":  # from arabic_extract import x
                found |= {f"arabic_extract.{alias.name}" for alias in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.split(".")[0] == "arabic_extract"}


def test_the_engine_imports_nothing_above_it_but_config_model_errors_and_rules() -> None:
    modules = sorted(ENGINE.glob("*.py"))
    assert len(modules) > 20
    for path in modules:
        outside = {
            name
            for name in _imports(path)
            if not name.startswith(ALLOWED) and name not in ALLOWED_MODULES
        }
        assert not outside, f"{path.name} imports {sorted(outside)}"


def test_every_engine_module_is_compiled() -> None:
    listed = set(re.findall(r'"arabic_extract/engine/(\w+)\.py"', (ROOT / "setup.py").read_text()))
    modules = {path.stem for path in ENGINE.glob("*.py")} - {"__init__"}
    assert modules == listed
