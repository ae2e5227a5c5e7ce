"""arabic_extract.engine.labels names every Label member, as the member itself."""

from __future__ import annotations

from arabic_extract.engine import labels
from arabic_extract.model import Label


def test_every_label_has_its_name_in_labels() -> None:
    names = {name for name in vars(labels) if name.isupper()}
    assert names == {member.name for member in Label}
    for member in Label:
        assert getattr(labels, member.name) is member
