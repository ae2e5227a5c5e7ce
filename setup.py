"""Build: the pipeline's modules are compiled with mypyc when a C compiler is at hand.

The compiled modules are the same source as the pure-Python ones (mypyc turns the typed Python
into C); they run the engine 1.3-1.5x faster (docs/benchmarks.md, "Compiled build"). When they
cannot be built (no compiler, no Python headers, a mypy that rejects the code) the package is
installed as pure Python, with a warning, and works the same. It is also pure Python when:

- ``ARABIC_EXTRACT_PURE_PYTHON=1`` is set (``ARABIC_EXTRACT_PURE_PYTHON=1 pip install .``);
- the install is editable (``pip install -e .``), so that edits to the source take effect.

With ``ARABIC_EXTRACT_REQUIRE_COMPILED=1`` (as CI sets it) a build that cannot compile fails with
its error instead.

Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules a page goes through (arabic_extract/engine/, and the rules' Family), in pipeline
# order. The rest (the API's argument checks, the CLI, batch, evaluation, the rule data, the
# pydantic models) stays pure Python: it runs once per call or holds data, and the API's own
# TypeErrors stay as they are.
COMPILED = [
    "arabic_extract/engine/gil.py",
    "arabic_extract/engine/normalize.py",
    "arabic_extract/engine/twins.py",
    "arabic_extract/engine/decode.py",
    "arabic_extract/rules/__init__.py",
    "arabic_extract/engine/labels.py",
    "arabic_extract/engine/reflow.py",
    "arabic_extract/engine/blocks.py",
    "arabic_extract/engine/inline.py",
    "arabic_extract/engine/markdown.py",
    "arabic_extract/engine/html.py",
    "arabic_extract/engine/metadata.py",
    "arabic_extract/engine/features.py",
    "arabic_extract/engine/dates.py",
    "arabic_extract/engine/deadline.py",
    "arabic_extract/engine/words.py",
    "arabic_extract/engine/one_line.py",
    "arabic_extract/engine/classify.py",
    "arabic_extract/engine/structure.py",
    "arabic_extract/engine/segment.py",
    "arabic_extract/engine/cuts.py",
    "arabic_extract/engine/bylines.py",
    "arabic_extract/engine/captions.py",
    "arabic_extract/engine/tags.py",
    "arabic_extract/engine/header.py",
    "arabic_extract/engine/fields.py",
    "arabic_extract/engine/merge.py",
    "arabic_extract/engine/language.py",
    "arabic_extract/engine/page_type.py",
    "arabic_extract/engine/fingerprint.py",
    "arabic_extract/engine/content.py",
    "arabic_extract/engine/fallback.py",
    "arabic_extract/engine/pipeline.py",
]
PURE_ENV = "ARABIC_EXTRACT_PURE_PYTHON"
# Set by CI (and by anyone who wants the compiled build or nothing): a failure to compile stops
# the build with its error instead of falling back to pure Python, whose warning pip hides.
REQUIRE_ENV = "ARABIC_EXTRACT_REQUIRE_COMPILED"
# The setup commands that build the package's files (pip runs bdist_wheel; the metadata steps,
# egg_info and dist_info, need no compiled module).
BUILDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})
EDITABLE = frozenset({"editable_wheel", "develop"})


def _warn(message: str) -> None:
    print(f"arabic-extract: {message}", file=sys.stderr)


def _describe(error: BaseException) -> str:
    if isinstance(error, SystemExit):
        return f"mypy stopped with status {error.code}"
    first_line = (str(error).splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line[:160]}"


def compiled_extensions(commands: list[str]) -> list[Any]:
    """The mypyc extensions for a build, or none (pure Python), with a warning saying why."""
    if EDITABLE.intersection(commands):
        _warn("editable install: pure Python, so that edits to the source take effect")
        return []
    if not BUILDS.intersection(commands):
        return []
    if os.environ.get(PURE_ENV) == "1":
        _warn(f"{PURE_ENV}=1: installing pure Python")
        return []
    try:
        from mypyc.build import mypycify  # noqa: PLC0415 - only a build needs mypy

        return list(mypycify(COMPILED, opt_level="3"))
    # mypy exits on a type error (SystemExit): any failure means pure Python
    except (Exception, SystemExit) as error:
        if os.environ.get(REQUIRE_ENV) == "1":
            raise RuntimeError(
                f"{REQUIRE_ENV}=1, and mypyc could not compile the modules: {_describe(error)}"
            ) from error
        _warn(f"mypyc could not compile the modules ({_describe(error)}): pure Python")
        return []


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or leave the package pure Python when they fail to build."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            if os.environ.get(REQUIRE_ENV) == "1":
                raise
            _warn(f"the compiled modules could not be built ({_describe(error)}): pure Python")
            for extension in self.extensions:
                # a module's compiled shim without the shared library it loads would not import
                path = self.get_ext_fullpath(extension.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []


setup(ext_modules=compiled_extensions(sys.argv[1:]), cmdclass={"build_ext": OptionalBuildExt})
