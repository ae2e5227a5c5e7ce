"""The rule modules that define families, in the order the rule reference shows them.

The tests check every family of these modules (its data and its examples), and the docs build
writes the rule reference from them; a test checks that no module of ``arabic_extract.rules``
defines a family without being listed here.
"""

from __future__ import annotations

from types import ModuleType

from arabic_extract.rules import Family, attribution, captions, dates, noise, pages

FAMILY_MODULES: tuple[ModuleType, ...] = (noise, attribution, captions, dates, pages)


def module_families(module: ModuleType) -> list[Family]:
    """The families bound at module level in ``module``, once each, in definition order."""
    found: list[Family] = []
    for value in vars(module).values():
        if isinstance(value, Family) and all(value is not f for f in found):
            found.append(value)
    return found


def all_families() -> list[Family]:
    """Every family of the rule modules, once each."""
    found: list[Family] = []
    for module in FAMILY_MODULES:
        found.extend(f for f in module_families(module) if all(f is not g for g in found))
    return found
