"""A call's deadline, ``ExtractionConfig.max_seconds``: a backstop, not what keeps a call short.

Every stage is linear in its input and the input is bounded (see docs/hardening.md); the deadline
only ends a call that runs far past its expected time anyway (a machine stalled, a case nobody
foresaw). It is checked at a few cheap points of the stages' loops (every 1,024 nodes of the DOM
walk, every 64 blocks of the features): when it has passed, the stage stops there and the call
goes on with what was read, so the result is partial and a note says so. A call that ends in
time gives the same result as without a deadline.
"""

from __future__ import annotations

import time

from arabic_extract.config import ExtractionConfig


def deadline_for(config: ExtractionConfig) -> float | None:
    """The ``time.monotonic()`` by which a call started now must end (None: no deadline)."""
    if config.max_seconds is None:
        return None
    return time.monotonic() + config.max_seconds


def out_of_time(deadline: float | None) -> bool:
    """Whether ``deadline`` has passed."""
    return deadline is not None and time.monotonic() > deadline


def late_note(config: ExtractionConfig, what: str) -> str:
    """The note of a call that ran out of time: ``what`` was all it read."""
    return f"stopped at max_seconds ({config.max_seconds:g} s): {what}"
