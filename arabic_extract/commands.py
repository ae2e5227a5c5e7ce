"""Subcommands of ``arabic-extract`` besides extraction itself: ``schema`` (and the tools that
build on extraction). ``arabic-extract NAME ...`` runs ``SUBCOMMANDS[NAME]`` with the rest of
the arguments; it returns the exit status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from types import MappingProxyType

from arabic_extract.model import Article


def schema_command(argv: list[str]) -> int:
    """``arabic-extract schema``: print the Article JSON schema."""
    parser = argparse.ArgumentParser(
        prog="arabic-extract schema", description="Print the JSON schema of Article."
    )
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    options = parser.parse_args(argv)
    text = json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=options.indent)
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    return 0


SUBCOMMANDS: MappingProxyType[str, Callable[[list[str]], int]] = MappingProxyType(
    {"schema": schema_command}
)
