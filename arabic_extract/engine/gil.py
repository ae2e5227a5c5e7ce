"""The engine's calls into the ``regex`` module keep the GIL.

The ``regex`` module gives up the global interpreter lock around every match on a str, so that
other threads may run meanwhile. The engine's matches are short (a line, a word): giving the
lock up and taking it back costs a fifth to a third of such a call (compiled build, an Arabic
line of 60 characters: a search 363 -> 289 ns, a match 289 -> 204 ns, a findall of its words
2.8 -> 2.0 us), about 3 % of a page's time on the text path. The engine's calls pass regex's
``concurrent`` argument as False, positionally (a keyword argument costs more to read than the
release it saves)::

    PATTERN.search(text, None, None, KEEP_GIL)  # match, fullmatch: the same
    PATTERN.findall(text, None, None, False, KEEP_GIL)  # finditer: the same

The price: threads that extract pages side by side no longer run during each other's matches.
They gained little from it (the matches are a fifth of a page's time and each lasts well under
a microsecond); ``extract_many`` runs pages in parallel in processes, which this does not touch.
(``re`` patterns keep the lock anyway.)
"""

from __future__ import annotations

from typing import Final

KEEP_GIL: Final = False
"""``regex``'s ``concurrent`` argument: do not release the GIL during the match."""
