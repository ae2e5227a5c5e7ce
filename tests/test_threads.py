"""Thread safety: extracting pages from 8 threads at once gives exactly the sequential results,
and no module of the package keeps mutable state at module level."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import random
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import pytest
import regex
from pydantic import BaseModel

import arabic_extract
from arabic_extract import ExtractionConfig, InputError, extract

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
THREADS = 8
ROUNDS = 2


def fixture_pages() -> list[tuple[str, bytes]]:
    paths = [
        *sorted((ROOT / "fixtures" / "html").glob("*/source.html")),
        *sorted((ROOT / "fixtures" / "text").glob("*/input.txt")),
        *sorted((ROOT / "fixtures" / "seeds").glob("*/input.txt")),
    ]
    return [(str(p.relative_to(ROOT)), p.read_bytes()) for p in paths]


def dev_pages() -> list[tuple[str, bytes]]:
    if not DEV.is_dir():
        return []
    return [(f"dev/{p.name}", p.read_bytes()) for p in sorted(DEV.glob("*.html"))]


def result(page: bytes, config: ExtractionConfig | None) -> dict[str, Any] | str:
    try:
        return extract(page, config=config).model_dump(mode="json")
    except InputError as error:
        return f"InputError: {error}"


def same_concurrently(pages: list[tuple[str, bytes]], config: ExtractionConfig | None) -> None:
    expected = {name: result(page, config) for name, page in pages}
    jobs = [item for _ in range(ROUNDS) for item in pages]
    random.Random(20240717).shuffle(jobs)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda job: (job[0], result(job[1], config)), jobs))
    assert len(results) == len(jobs)
    for name, got in results:
        assert got == expected[name], f"{name}: a concurrent run differs from the sequential one"


def test_dev_pages_concurrently_equal_sequential() -> None:
    pages = dev_pages()
    if not pages:
        pytest.skip(f"{DEV} is absent")
    same_concurrently(pages, None)


def test_fixtures_concurrently_equal_sequential() -> None:
    pages = fixture_pages()
    assert pages
    same_concurrently(pages, None)


def test_explained_runs_concurrently_equal_sequential() -> None:
    """With explanations and a reference time: more of the engine's paths, same results."""
    config = ExtractionConfig(explain=True, reference_time=datetime(2024, 7, 17, 16, 0))
    same_concurrently(fixture_pages(), config)


def test_limit_paths_concurrently_equal_sequential() -> None:
    """The input limits' own paths (unwrapping, text-only, cuts, errors) under threads."""
    paragraph = "وقالت وزارة الخارجية في بيان اليوم إن الوزير ناقش حل الأزمة مع نظيره الأمريكي."
    pages = [
        ("deep", ("<html><body>" + "<div>" * 21_000 + f"<p>{paragraph}</p>").encode()),
        ("wide", ("<html><body>" + "<i></i>" * 2_000 + f"<p>{paragraph}</p>").encode()),
        ("lines", ("أخبار\n" * 3_000 + paragraph).encode()),
        ("binary", b"%PDF-1.4 binary"),
        ("cp1256", (paragraph + "\n").encode("cp1256") * 5),
    ]
    config = ExtractionConfig(max_dom_nodes=1_000, max_blocks=1_000)
    same_concurrently(pages, config)


# --------------------------------------------------------------------------- module state

IMMUTABLE_SCALARS = (str, bytes, int, float, complex, bool, type(None), range, Path)


def mutable_parts(value: object, seen: set[int] | None = None) -> list[str]:
    """What in ``value`` can be changed in place: lists, dicts, sets, bytearrays, and objects
    of classes that are not frozen (searched through tuples, frozensets, mapping proxies and
    frozen dataclasses)."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, IMMUTABLE_SCALARS):
        return []
    seen.add(id(value))
    if isinstance(value, (list, dict, set, bytearray)):
        return [type(value).__name__]
    if isinstance(value, (re.Pattern, regex.Pattern)):
        return []
    if isinstance(value, (tuple, frozenset)):
        return [part for item in value for part in mutable_parts(item, seen)]
    if isinstance(value, MappingProxyType):
        return [
            part
            for key, item in value.items()
            for part in (*mutable_parts(key, seen), *mutable_parts(item, seen))
        ]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            return [f"unfrozen dataclass {type(value).__name__}"]
        return [
            part
            for item in dataclasses.fields(value)
            for part in mutable_parts(getattr(value, item.name), seen)
        ]
    if isinstance(value, BaseModel):
        return [] if value.model_config.get("frozen") else [f"unfrozen model {type(value)}"]
    if type(value).__module__.startswith("arabic_extract") and hasattr(value, "__dict__"):
        return [f"instance of {type(value).__name__}"]
    return []


def package_modules() -> list[ModuleType]:
    modules = [arabic_extract]
    for info in pkgutil.walk_packages(arabic_extract.__path__, "arabic_extract."):
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:  # an optional dependency (a plugin) that is not installed
            continue
    return modules


def test_no_module_level_mutable_state() -> None:
    """Module globals are constants: tuples, frozensets, mapping proxies, compiled patterns,
    frozen dataclasses and models. A list, dict or set could be changed by one thread while
    another reads it (translation tables from str.maketrans are dicts: wrap them in
    MappingProxyType, which str.translate accepts)."""
    offenders: dict[int, str] = {}  # by object: a table imported elsewhere is named once
    for module in package_modules():
        for name, value in vars(module).items():
            if name.startswith("__") or isinstance(value, (ModuleType, type)) or callable(value):
                continue
            parts = mutable_parts(value)
            if parts and id(value) not in offenders:
                offenders[id(value)] = f"{module.__name__}.{name}: {', '.join(sorted(set(parts)))}"
    found = sorted(offenders.values())
    assert not found, "module-level mutable state:\n" + "\n".join(found)
