"""Rules as data: named families of Arabic phrases and patterns.

A :class:`Family` is one kind of thing a line can be (a share bar, a read-also header, a source
line...). Its phrases are written as they appear on pages and normalised when the family is built;
its patterns are regular expressions over normalised text (see
:mod:`arabic_extract.engine.normalize`). Each family compiles to exactly one pattern, and its
``name`` is what an explanation shows.

How a family matches a normalised line depends on its ``kind``:

``line``
    the whole line is made of the family's phrases (one or more, with punctuation between, the
    ones after the first may take the conjunction و): ``"شارك"``, ``"فيسبوك تويتر واتساب"``,
    ``"فيسبوك وتويتر"``.
``prefix``
    the line starts with a phrase; the rest of the line is the family's payload, available as
    the match group ``rest`` (``"كلمات دلالية: روسيا أوكرانيا"``).
``label``
    a ``prefix`` whose phrase is a label: a separator (``:`` ``،`` ``,`` ``-`` ``|``) or the
    end of the line follows it, so ``"الصورة: الوزير"`` is one and ``"الصورة النمطية"`` is not.
``search``
    a phrase occurs anywhere in the line, on word boundaries.

``max_words`` bounds the length of a line the family may claim: a 60-word paragraph that happens to
start with "شارك" is not a share bar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Literal

import regex

from arabic_extract.engine.gil import KEEP_GIL
from arabic_extract.engine.normalize import normalize
from arabic_extract.engine.twins import TwinMatch, Twinned
from arabic_extract.rules.letters import ARABIC_BY_FREQUENCY, LATIN_BY_FREQUENCY

Kind = Literal["line", "prefix", "label", "search"]

# Separators between phrases on a "line" family and around prefixes: spaces, punctuation, symbols.
SEP: Final = r"[\s\p{P}\p{S}]"
# A phrase must not run on into a longer word: "شارك" must not match "شاركت".
WORD_END: Final = r"(?![\p{L}\p{N}\p{M}])"
WORD_START: Final = r"(?<![\p{L}\p{N}\p{M}])"
# The conjunction "and", written joined to the next word.
AND: Final = "و"
# What ends a label: "الصورة:", "صدر الصورة،", "Image caption,", "تصوير -".
LABEL_ENDS: Final = ":：،,؛;-–—|"
LABEL_END: Final = "[" + LABEL_ENDS.replace("-", "\\-") + "]"


_FIRST_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")


# Punctuation and symbols that may surround a line's words (a subset of SEP).
EDGE_MARKS: Final = " :|-–—•·,.،؛;!?؟()[]«»\"'*/\\+_"
# What may close a sentence after its final mark: quotes, brackets and spaces.
CLOSERS: Final = "\"'”»)]’ "

NUMBER: Final = "<number>"
LATIN: Final = "<latin>"


def first_word(norm: str) -> str:
    """The first run of letters or digits of a normalised line ("" when it has none); a run
    that starts with a digit is ``NUMBER``. Families index their phrases by it."""
    found = _FIRST_WORD.search(norm, None, None, KEEP_GIL)
    if found is None:
        return ""
    word = found.group()
    return NUMBER if word[0].isdigit() else word


# How common a character is (higher: commoner); whitespace is the commonest of all.
_COMMONNESS: Final = MappingProxyType(
    {
        ch: len(order) - rank
        for order in (ARABIC_BY_FREQUENCY, LATIN_BY_FREQUENCY)
        for rank, ch in enumerate(order)
    }
)


def _commonness(char: str) -> int:
    return 1_000 if char.isspace() else _COMMONNESS.get(char, 0)


def literal_finder(literals: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` tells whether any of the literals occurs in a text.

    Each literal is looked for from its rarest character (not its last, when it has others):
    the engine then tries a match only where such a character is, where a plain alternation of
    Arabic words stops at nearly every letter (on article lines 2-2.5x faster). There it reads
    the characters after it, and only when they are there checks the whole literal with a
    lookbehind (``ظه(?<=محفوظه)`` for ``محفوظه``): the commoner characters (ع, ف, ق) stop the
    engine at several places of most lines, where a lookbehind costs much more than failing on
    the next character. The literals are grouped by that character, commonest first, so that
    where the engine stops it finds its group at once (this layout costs 20 % less than one
    alternative a literal, each starting with its lookbehind). A match's span is not the
    literal's, so the pattern is for yes-or-no questions only."""
    groups: dict[str, set[str]] = {}
    for literal in literals:
        if not literal:
            raise ValueError("literal_finder: empty literal")
        at = min(range(max(len(literal) - 1, 1)), key=lambda i: _commonness(literal[i]))
        check = f"(?<={re.escape(literal)})" if at else ""
        groups.setdefault(literal[at], set()).add(re.escape(literal[at + 1 :]) + check)
    if not groups:
        raise ValueError("literal_finder: no literal")
    alternatives = []
    for char in sorted(groups, key=lambda c: (-_commonness(c), c)):
        tails = sorted(groups[char], key=lambda tail: (-len(tail), tail))
        tail = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        alternatives.append(re.escape(char) + tail)
    return re.compile("|".join(alternatives))


@dataclass(frozen=True)
class RuleIndex:
    """Families indexed by the first words they can match, for matching a line in one lookup:
    only the families that could match its first word, and the unindexed ones, are tried."""

    by_first: Mapping[str, tuple[Family, ...]]
    always: tuple[Family, ...]
    # One prefilter for all the unindexed families: most lines match none of them.
    always_quick: re.Pattern[str] | None = None
    # The longest line an unindexed family may claim (see Family.max_words).
    always_max_words: float = float("inf")
    # The words by_first holds (made from it), looked up first: a set lookup costs the compiled
    # module no method call, and most lines start with none of them.
    starts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", frozenset(self.by_first))

    @classmethod
    def build(cls, families: tuple[Family, ...]) -> RuleIndex:
        table: dict[str, list[Family]] = {}
        for family in families:
            for word in family.first_words or ():
                table.setdefault(word, []).append(family)
        always = tuple(f for f in families if f.first_words is None)
        quick = None
        if always and all(f.quick is not None for f in always):
            quick = literal_finder(word for f in always for word in f.literals)
        longest = max(
            (float("inf") if f.max_words is None else f.max_words for f in always), default=0.0
        )
        return cls(
            MappingProxyType({k: tuple(v) for k, v in table.items()}), always, quick, longest
        )

    def match(self, norm: str, words: int, first: str | None = None) -> tuple[str, ...]:
        """Names of the families that match a normalised line of ``words`` words."""
        if first is None:
            first = first_word(norm)
        candidates = self.by_first[first] if first in self.starts else ()
        if first and first.isascii() and first != NUMBER and LATIN in self.starts:
            candidates = (*candidates, *self.by_first[LATIN])
        always = words <= self.always_max_words and (
            self.always_quick is None or self.always_quick.search(norm) is not None
        )
        if not candidates and not always:
            return ()  # most lines of a page
        core = norm.strip(EDGE_MARKS)
        names = [f.name for f in candidates if f.test(norm, words, core)]
        if always:
            names.extend(f.name for f in self.always if f.test(norm, words, core))
        return tuple(dict.fromkeys(names)) if len(names) > 1 else tuple(names)


def phrase_regex(phrase: str) -> str:
    """A phrase as written on a page, as a regular expression over normalised text."""
    words = normalize(phrase).split()
    return r"\s*".join(regex.escape(word) for word in words) if words else ""


@dataclass(frozen=True)
class Family:
    """A named family of phrases and patterns; compiled once, when it is built."""

    name: str
    kind: Kind
    description: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    max_words: int | None = None
    # First words a pattern can start with (see first_word); a family with patterns and no
    # starts is tried on every line.
    pattern_starts: tuple[str, ...] = ()
    # For a search family with patterns: literal words, one of which every match contains.
    # They make a plain-text prefilter (no anchors: the family's pattern runs on every line).
    anchors: tuple[str, ...] = ()
    # The family's pattern, and its twin for the re engine that reads the lines it is exact
    # on (see engine.twins): .compiled and .twin.
    reader: Twinned = field(init=False, repr=False, compare=False)
    # A search family's literals (phrases and anchors, normalised) and the prefilter they make.
    literals: frozenset[str] = field(init=False, repr=False, compare=False)
    quick: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    first_words: frozenset[str] | None = field(init=False, repr=False, compare=False)
    # A line, prefix or label family's phrases, normalised, for matching a line that is one of
    # them (with marks around it, see test) without the pattern.
    exact: frozenset[str] = field(init=False, repr=False, compare=False)
    # For a line family of phrases only: every run of letters and digits its lines can show
    # (see item_runs); None for the other families.
    runs: frozenset[str] | None = field(init=False, repr=False, compare=False)
    # For a prefix or label family of phrases only: how its lines can open (see phrase_heads);
    # None for the other families.
    heads: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reader", compile_family(self))
        # Search families are tried on every line; finding their literals (phrases and anchors)
        # with the standard re engine, much faster than the exact pattern, rules most lines out
        # before the exact pattern runs.
        literals: frozenset[str] = frozenset()
        if self.kind == "search" and (self.anchors or not self.patterns):
            literals = frozenset({normalize(p) for p in (*self.phrases, *self.anchors)} - {""})
        object.__setattr__(self, "literals", literals)
        object.__setattr__(self, "quick", literal_finder(literals) if literals else None)
        # A line or prefix family can only match a line whose first word starts one of its
        # phrases: checking that first is what keeps matching fast (None: patterns, no index).
        starts = None
        if self.kind != "search" and (self.pattern_starts or not self.patterns):
            words = {first_word(normalize(p)) for p in self.phrases}
            starts = frozenset(words | set(self.pattern_starts))
        object.__setattr__(self, "first_words", starts)
        exact = {normalize(p) for p in self.phrases} if self.kind != "search" else set()
        object.__setattr__(self, "exact", frozenset(exact - {""}))
        runs = None
        if self.kind == "line" and not self.patterns:
            runs = frozenset(run for p in self.phrases for run in item_runs(normalize(p).split()))
        object.__setattr__(self, "runs", runs)
        heads = None
        if self.kind in ("prefix", "label") and not self.patterns:
            found = [phrase_heads(normalize(p).split()) for p in self.phrases]
            if None not in found:  # (a phrase of separators only: a line may open with anything)
                heads = frozenset(head for each in found if each is not None for head in each)
        object.__setattr__(self, "heads", heads)

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The family's pattern (the regex module's)."""
        return self.reader.pattern

    @property
    def twin(self) -> re.Pattern[str] | None:
        """The pattern's twin for the re engine (see engine.twins), or None."""
        return self.reader.twin

    def match(
        self, norm: str, words: int | None = None, first: str | None = None
    ) -> TwinMatch | None:
        """Match a normalised line; ``words`` (its word count) and ``first`` (its first word,
        see :func:`first_word`) let a caller that knows them skip the regular expression."""
        if self.max_words is not None:
            count = words if words is not None else len(norm.split())
            if count > self.max_words:
                return None
        if first is not None and self.first_words is not None and first not in self.first_words:
            return None
        if self.kind != "search":
            if self.runs is not None and not may_be_items(norm, self.runs):
                return None
            if self.heads is not None and not may_open_with(norm, self.heads):
                return None
            return self.reader.match(norm, None, None, KEEP_GIL)
        if not self.may_occur(norm):
            return None
        return self.reader.search(norm, None, None, KEEP_GIL)

    def may_occur(self, norm: str) -> bool:
        """False when a search family surely does not occur in the line: none of its
        literals (phrases and anchors) is there."""
        return self.quick is None or self.quick.search(norm) is not None

    def test(self, norm: str, words: int, core: str) -> bool:
        """Does the family match a normalised line of ``words`` words? ``core`` is the line
        without the punctuation at its ends: a line family matches a line that is exactly one
        of its phrases without running its pattern."""
        if self.max_words is not None and words > self.max_words:
            return False
        if core in self.exact and (self.kind == "line" or self._opens_with(norm, core)):
            return True
        return self.match(norm, words) is not None

    def _opens_with(self, norm: str, phrase: str) -> bool:
        """Whether a prefix or label family matches a line that opens with one of its phrases
        (nothing before it) and has after it only marks (``core`` of the line, see test): what
        follows a prefix is its payload, a label is followed by the line's end or, after
        spaces, a label's end. False means only that the pattern must tell."""
        if not norm.startswith(phrase):
            return False
        if self.kind == "prefix":
            return True
        after = norm[len(phrase) :].lstrip(" ")
        return not after or after[0] in LABEL_ENDS

    def payload(self, norm: str) -> str | None:
        """For a ``prefix`` family, the normalised text after the phrase (or None)."""
        found = self.match(norm)
        if found is None or "rest" not in found.groupdict():
            return None
        return (found.group("rest") or "").strip()


_SEPARATORS: Final = regex.compile(f"{SEP}+")


def _writings(words: list[str]) -> list[str]:
    """A phrase of normalised ``words`` as its pattern reads it: the space between two words is
    ``\\s*``, so each space is there or not (2 ** (words - 1) ways; a phrase has a few)."""
    writings = []
    for glued in range(1 << max(len(words) - 1, 0)):
        text = words[0] if words else ""
        for at, word in enumerate(words[1:]):
            text += ("" if glued >> at & 1 else " ") + word
        writings.append(text)
    return writings


def _runs(text: str) -> list[str]:
    """The runs of characters between separators (:data:`SEP`) of a text."""
    return [run for run in _SEPARATORS.split(text) if run]


def item_runs(words: list[str]) -> set[str]:
    """The runs of characters between separators (:data:`SEP`) that an item of a line family
    can show when it is the phrase of these normalised ``words``: the pattern reads the space
    between two words as ``\\s*`` (none: the words glued) and an item after the first may
    open with the conjunction (:data:`AND`). Each way of writing the phrase is made and split
    (a phrase has a few words: 2 ** (words - 1) ways)."""
    runs: set[str] = set()
    for text in _writings(words):
        runs.update(_runs(text))
        runs.update(_runs(AND + text))
    return runs


def phrase_heads(words: list[str]) -> set[str] | None:
    """How a line that opens with the phrase of these normalised ``words`` opens: its first
    run between separators when the phrase has one, else its first two, a space between them
    (each way the pattern reads the phrase, see :func:`item_runs`). None when a phrase has no
    run (separators only): then a line may open with anything."""
    heads = set()
    for text in _writings(words):
        runs = _runs(text)
        if not runs:
            return None
        heads.add(runs[0] if len(runs) == 1 else f"{runs[0]} {runs[1]}")
    return heads


# The words of a line may_open_with reads: two, after words of marks alone ("« -").
_OPENING_WORDS: Final = 4


def may_open_with(norm: str, heads: frozenset[str]) -> bool:
    """False when a normalised line surely does not open with a prefix family's phrase: its
    first word (marks at its ends stripped) is letters and digits only, so its first run
    between separators, and neither it nor it and the next such word are one of the family's
    ``heads`` (see phrase_heads). A word with a separator inside, or another character, rules
    nothing out. The family's index has already found the line's first word among its
    phrases' first words; this reads the second word too, without the pattern."""
    first = ""
    # (the line's first words only: the rest, one piece with its spaces, is no alphanumeric
    # word and rules nothing out; a long line is not split whole for two words)
    for word in norm.split(None, _OPENING_WORDS):
        core = word.strip(EDGE_MARKS)
        if not core:
            continue
        if not core.isalnum():
            return True
        if not first:
            if core in heads:
                return True
            first = core
        else:
            return f"{first} {core}" in heads
    return False


def may_be_items(norm: str, runs: frozenset[str]) -> bool:
    """False when a normalised line surely is not a line family's items: a word of it (its
    marks at its ends stripped) is letters and digits only, so a whole run between separators,
    and none of the family's ``runs`` (see item_runs). A word with a separator inside, or
    another character, rules nothing out. Cheaper than the family's pattern, which tries the
    trie of all its phrases after every separator (on a menu line 5 µs, as pages run it)."""
    for word in norm.split():
        core = word.strip(EDGE_MARKS)
        if core and core.isalnum() and core not in runs:
            return False
    return True


def _parts(family: Family) -> list[tuple[str, str | None]]:
    """A family's alternatives, longest first, so that "اقرأ أيضا" wins over "اقرأ": each as its
    regular expression and, for a phrase, its normalised words (None for a pattern)."""
    parts: list[tuple[str, str | None]] = []
    for phrase in family.phrases:
        source = phrase_regex(phrase)
        if source:
            parts.append((source, " ".join(normalize(phrase).split())))
    parts.extend((f"(?:{p})", None) for p in family.patterns if p)
    if not parts:
        raise ValueError(f"rule family {family.name!r} has no phrase and no pattern")
    # Stable: alternatives of one length keep the family's order.
    parts.sort(key=lambda part: len(part[0]), reverse=True)
    return parts


def plain_alternation(family: Family) -> str:
    """The family's alternatives one after another, longest first: what :func:`alternation`
    reads the same as (tests/test_rules_data.py compares the two)."""
    return "(?:" + "|".join(source for source, _ in _parts(family)) + ")"


class _Node:
    """A node of a trie of phrases: its children by next character (a space stands for the
    ``\\s*`` between two words), whether a phrase ends here, and its longest phrase's length."""

    def __init__(self, longest: int) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False
        self.longest = longest


def _joins_glued(node: _Node, text: str) -> bool:
    """Would adding the phrase ``text`` below ``node`` give some node both a space (``\\s*``)
    and a character that the space is followed by? Then a phrase with the space and one without
    it can both match, read one after the other in a trie, and no longer longest first."""
    for at, char in enumerate(text):
        if char == " ":
            if text[at + 1] in node.children:
                return True
        else:
            gap = node.children.get(" ")
            if gap is not None and char in gap.children:
                return True
        child = node.children.get(char)
        if child is None:
            return False  # the rest of the path is new: no node on it has two children
        node = child
    return False


def _add(root: _Node, text: str, length: int) -> None:
    node = root
    node.longest = max(node.longest, length)
    for char in text:
        child = node.children.get(char)
        if child is None:
            child = node.children[char] = _Node(length)
        child.longest = max(child.longest, length)
        node = child
    node.end = True


def _trie_source(node: _Node, space: str = r"\s*") -> str:
    """The trie below a node as a regular expression: the child with the longest phrase first,
    and where a phrase ends, the longer ones that go on from it tried before it. ``space`` is
    what a space between two words reads."""
    branches = [
        (space if char == " " else regex.escape(char)) + _trie_source(child, space)
        for char, child in sorted(node.children.items(), key=lambda item: -item[1].longest)
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if node.end else body


def phrases_trie(phrases: Iterable[str], space: str) -> str:
    """Normalised phrases (words one space apart) as one trie, a regular expression that reads
    as their alternation longest first, ``space`` between two words (see :func:`alternation`).
    A ValueError when two phrases would be read out of that order (one glued, one spaced), which
    only a ``space`` that matches nothing allows."""
    root = _Node(0)
    optional_space = regex.fullmatch(space, "") is not None
    for text in sorted(set(phrases), key=len, reverse=True):
        if optional_space and _joins_glued(root, text):
            raise ValueError(f"phrases_trie: {text!r} is also written glued or spaced")
        _add(root, text, len(text))
    return _trie_source(root, space)


def alternation(family: Family) -> str:
    """The family's alternatives as one regular expression that reads as
    :func:`plain_alternation` does, phrases merged into tries where their order allows.

    An alternation of phrases is tried one phrase after another at each place; a trie reads the
    common start of many phrases once (on a navigation line 25-45 % less time). The order is
    kept: phrases run longest first, and each run of phrases between two patterns (or two
    phrases that the trie would read out of order, "فيس بوك" and "فيسبوك") is one trie. In a
    trie two phrases can both match at one place only when one continues the other, and the
    longer is tried first, as in the plain alternation; the length of their match is the only
    thing that differs between phrases, so the match and its groups are the same."""
    runs: list[str] = []
    root: _Node | None = None
    for source, text in _parts(family):
        if text is not None and root is not None and not _joins_glued(root, text):
            _add(root, text, len(source))
            continue
        if root is not None:
            runs.append(_trie_source(root))
            root = None
        if text is None:
            runs.append(source)
        else:
            root = _Node(len(source))
            _add(root, text, len(source))
    if root is not None:
        runs.append(_trie_source(root))
    return "(?:" + "|".join(runs) + ")"


_SEPARATOR: Final = regex.compile(SEP)
# The marks a patterned family's line may open with before its phrase (``-- (أ ش أ) -``): a real
# line opens with a few; the bound keeps a line of thousands of them from being tried at each
# (a 16 KB line of "- " cost 17 ms in the dateline family alone, now a constant).
MAX_LEAD: Final = 16


def _lead(family: Family) -> str:
    """The separators a line may start with: taken possessively when no phrase of the family
    starts with one, so that a line of a thousand punctuation marks is not tried at each of
    them. A family with patterns may start with one (``--(بترا)``, ``(رويترز)``): its lead is
    tried at each of at most :data:`MAX_LEAD` marks, never at every mark of a long run."""
    if family.patterns or any(_SEPARATOR.match(normalize(p)[:1]) for p in family.phrases):
        return f"{SEP}{{0,{MAX_LEAD}}}"
    return f"{SEP}*+"


def compile_family(family: Family) -> Twinned:
    """The family's pattern and its twin (see :func:`family_source`)."""
    return Twinned(family_source(family, alternation(family)))


def family_source(family: Family, alt: str) -> str:
    """The family's pattern around ``alt``, its alternatives (see :func:`alternation`)."""
    if family.kind == "line":
        # Possessive separators: a long run of punctuation costs linear time, never backtracking.
        # Items after the first may carry the conjunction: "فيسبوك وتويتر".
        # The items after the first are taken possessively: the first reading of a piece that
        # ends at a word's end (the longest phrase first) is kept, and a line that fails at its
        # end is given up in linear time, without going back through its pieces (a backtracking
        # engine tries every reading of every piece, and this one keeps a record of the places
        # it tried that costs time in proportion to the pieces at each of them). The longest
        # reading is one that can go on: when a phrase and a longer one both start a piece
        # ("نسخ", "نسخ الرابط") and pieces after the shorter one run past the longer one's end
        # ("الرابط المختصر"), the family also lists the whole ("نسخ الرابط المختصر"), and the
        # patterns are written so. tests/test_rules_data.py checks both.
        source = rf"^{_lead(family)}{alt}{WORD_END}(?:{SEP}++{AND}?{alt}{WORD_END})*+{SEP}*+$"
    elif family.kind == "prefix":
        source = rf"^{_lead(family)}{alt}{WORD_END}(?P<rest>.*+)$"
    elif family.kind == "label":
        source = rf"^{_lead(family)}{alt}{WORD_END}\s*+(?:{LABEL_END}(?P<rest>.*+)|$)"
    else:
        source = rf"{WORD_START}{alt}{WORD_END}"
    return source
