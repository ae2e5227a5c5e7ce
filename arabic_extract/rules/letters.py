"""How often letters occur in news text, most frequent first.

A literal is looked for from its rarest letter (see :func:`arabic_extract.rules.literal_finder`):
the regular-expression engine then stops at few places of a line, where an alternation of Arabic
words that start with alef, lam or ya stops at nearly every letter. The orders are the usual ones
for Modern Standard Arabic and English text, over normalised letters (alef forms, alef maqsura
and ta marbuta folded: see :mod:`arabic_extract.engine.normalize`); a character that is not listed
(digits, symbols, hamza seats, Persian letters) counts as rarer than all of them.
"""

from __future__ import annotations

ARABIC_BY_FREQUENCY = "اليمونهرتبعفقدسكحجشصطخزثضغذظ"
LATIN_BY_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz"
