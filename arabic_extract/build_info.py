"""How this installation runs the pipeline: compiled by mypyc, or as pure Python (setup.py)."""

from __future__ import annotations

import importlib.machinery
from types import ModuleType

from arabic_extract.engine import blocks, features, html, normalize


def _is_extension(module: ModuleType) -> bool:
    return (module.__file__ or "").endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def is_compiled() -> bool:
    """True when the pipeline's modules are mypyc-compiled extension modules (a regular
    ``pip install``), False when they run as pure Python (an editable install, no compiler,
    or ``ARABIC_EXTRACT_PURE_PYTHON=1``). The results are the same; the speed is not."""
    return all(_is_extension(module) for module in (normalize, blocks, features, html))


def build_name() -> str:
    """``"compiled"`` or ``"pure Python"``, as the CLI's --version and the benchmarks say it."""
    return "compiled" if is_compiled() else "pure Python"
