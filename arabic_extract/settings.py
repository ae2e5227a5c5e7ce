"""Settings from the command line, validated into :class:`~arabic_extract.ExtractionConfig`:
a named preset (``--precision``, ``--recall``), a TOML file (``--config FILE``: the config's
field names as top-level keys), and single settings (``--set NAME=VALUE``, the value written as
in TOML: ``8``, ``false``, ``0.3``, ``2024-07-17T16:00:00``; anything else is a string). Later
ones win: preset, then file, then ``--set``, then the command's own options (``--explain``,
``--reference-time``). A bad key or value is a :class:`SettingsError` whose message names each
one, where it came from, and what is wrong.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from arabic_extract.config import PRESETS, ExtractionConfig

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_FIELDS = tuple(ExtractionConfig.model_fields)


class SettingsError(ValueError):
    """A setting that is not a field of ExtractionConfig, or a value it does not accept."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The settings options (``--config``, ``--set``, ``--precision`` / ``--recall``)."""
    group = parser.add_argument_group(
        "settings",
        "any field of ExtractionConfig (docs: Tuning); later ones win: preset, file, --set",
    )
    group.add_argument(
        "--config", metavar="FILE", default=None, help="settings from a TOML file (NAME = VALUE)"
    )
    group.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="one setting, the value as in TOML (repeat for several)",
    )
    presets = group.add_mutually_exclusive_group()
    for name in PRESETS:
        presets.add_argument(
            f"--{name}",
            dest="preset",
            action="store_const",
            const=name,
            default=None,
            help=f"the {name} preset (see docs: Tuning)",
        )


def _check_keys(values: Mapping[str, Any], origin: str) -> None:
    unknown = [key for key in values if key not in _FIELDS]
    if unknown:
        problems = []
        for key in unknown:
            close = difflib.get_close_matches(key, _FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{origin}: unknown setting {key!r}{hint}")
        raise SettingsError("; ".join(problems))


def read_file(path: str) -> dict[str, Any]:
    """The settings of a TOML file (its top-level keys)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text") from None
    try:
        values: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    tables = [key for key, value in values.items() if isinstance(value, dict)]
    if tables:
        raise SettingsError(f"{path}: settings are top-level keys, not tables: {tables[0]!r}")
    _check_keys(values, path)
    return values


def parse_setting(item: str) -> dict[str, Any]:
    """One ``NAME=VALUE`` of ``--set``."""
    name, sep, raw = item.partition("=")
    name = name.strip()
    if not sep or not name:
        raise SettingsError(f"--set {item!r}: expected NAME=VALUE")
    _check_keys({name: None}, "--set")
    try:
        value = tomllib.loads(f"value = {raw.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()  # a bare word: a string
    return {name: value}


def _explained(exc: ValidationError, origins: Mapping[str, str]) -> str:
    problems = []
    for error in exc.errors():
        key = str(error["loc"][0]) if error["loc"] else "?"
        value = error.get("input")
        problems.append(f"{origins.get(key, 'settings')}: {key} = {value!r}: {error['msg']}")
    return "; ".join(problems)


def config_from(ns: argparse.Namespace, **fixed: Any) -> ExtractionConfig:
    """The ExtractionConfig the options in ``ns`` (see :func:`add_arguments`) describe, with
    ``fixed`` (the command's own options) last."""
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    def take(more: Mapping[str, Any], origin: str) -> None:
        values.update(more)
        origins.update(dict.fromkeys(more, origin))

    if ns.preset is not None:
        take(PRESETS[ns.preset], f"--{ns.preset}")
    if ns.config is not None:
        take(read_file(ns.config), ns.config)
    for item in ns.settings:
        take(parse_setting(item), "--set")
    take(fixed, "options")
    try:
        return ExtractionConfig.model_validate(values)
    except ValidationError as exc:
        raise SettingsError(_explained(exc, origins)) from None
