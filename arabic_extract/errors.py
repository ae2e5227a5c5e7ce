"""Typed errors raised by arabic_extract."""

from __future__ import annotations


class InputError(ValueError):
    """The input cannot be read as a page: binary data, an unknown encoding, or over a limit."""
