"""Segmentation: find the article's one contiguous main run of blocks.

Article-end markers (source lines, keyword dumps, related/most-read/comment headers, footers) split
the page into segments; in each, the best-scoring contiguous run (good blocks add their length,
noise and short blocks subtract) is a candidate, and the best candidate is the article. A run that
begins after a read-also or related header is another article and is heavily discounted. Inside
the run, a read-also header and the other article's title that follows it are cut out.
"""

from __future__ import annotations

from typing import Final, final

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.classify import INLINE_WIDGETS, Decision
from arabic_extract.engine.features import Features
from arabic_extract.engine.structure import is_part
from arabic_extract.engine.words import lead_overlap, lead_words
from arabic_extract.rules.noise import ARTICLE_END

# Families after which the article is over (what follows belongs to the page, not the story).
END_FAMILIES: Final = frozenset(family.name for family in ARTICLE_END)
# Headers after which a run of text is another article.
OTHER_ARTICLE: Final = frozenset({"read-also", "related", "most-read"})
# Reasons of lines that sit inside the article without being its text: an embedded post, a
# photo's alternative text.
_EMBEDDED: Final = frozenset({"embed", "embed-signature", "image-alt"})
# Of those, the list headers that may also head a box inside the article.
_BOX_HEADERS: Final = OTHER_ARTICLE - {"read-also"}


@final
class Run:
    """The chosen main run: blocks ``start`` to ``end`` inclusive (empty when ``end < start``).
    (A slotted class, as the blocks' records: one is made for every run the search weighs.)"""

    __slots__ = ("end", "score", "start")

    def __init__(self, start: int, end: int, score: float) -> None:
        self.start: Final = start
        self.end: Final = end
        self.score: Final = score

    @property
    def empty(self) -> bool:
        return self.end < self.start


def _any_of(reasons: tuple[str, ...], names: frozenset[str]) -> bool:
    """``not names.isdisjoint(reasons)``, as a loop the compiled module runs without a method
    call (a decision has a few reasons)."""
    return any(reason in names for reason in reasons)


def is_barrier(block: Block, dec: Decision) -> bool:
    """Does this block end the article? A related box that the DOM places inside the article
    container does not: the article resumes after it."""
    if dec.cls != "bad":  # (barriers are all furniture, sources or tags)
        return False
    if block.in_article and block.dom_noise and "source-line" not in dec.reasons:
        return False
    if "hashtags" in dec.reasons:
        # (a line of hashtags may close a post quoted in the story, #السعودية #الرياض, as
        # well as the story: a label between paragraphs, not the article's end)
        return False
    return _any_of(dec.reasons, END_FAMILIES) or dec.label in (labels.SOURCE, labels.TAGS)


def inline_box(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    i: int,
    config: ExtractionConfig,
) -> int | None:
    """A related header in the flow of the text: body right before it (a paragraph, or the
    story's sentence or list item right under one), a few title lines (with their dates and
    time-ago stamps), then body again: two blocks of it, or the story's last paragraph and its
    source line or tags, or a sentence that goes on with the story (it opens with و, which no
    other article's lead does), even right under the header (the page text lost the box's
    titles: images, scripts). That box is skipped, not the article's end: where the text
    resumes (None when the header is no such box's)."""
    if not _BOX_HEADERS.intersection(decs[i].reasons) or not _text_above(feats, decs, i):
        return None
    for k in range(i + 1, min(len(decs), i + 2 + config.inline_box_items)):
        if decs[k].cls == "good":
            if blocks[k].norm.startswith(_AND):
                return k  # the story's next sentence (and maybe its last)
            below = decs[k + 1] if k + 1 < len(decs) else None
            closing = below is not None and below.label in (labels.SOURCE, labels.TAGS)
            resumes = k > i + 1 and below is not None and (below.cls == "good" or closing)
            return k if resumes else None
        if not decs[k].is_body and decs[k].label not in _BOX_LABELS:
            return None
    return None


def _text_above(feats: list[Features], decs: list[Decision], i: int) -> bool:
    """Is the story's text right above line ``i``: a good paragraph, an item of a list taken
    as the story's (see :mod:`~arabic_extract.engine.structure`), or a short sentence right
    under a good paragraph?"""
    if i == 0:
        return False
    above = decs[i - 1]
    if above.cls == "good" or (above.is_body and is_part(above)):
        return True
    told = above.is_body and above.cls == "near" and feats[i - 1].prose_end
    return told and i > 1 and decs[i - 2].cls == "good"


# What the lines of an inline box may be besides body-like text: its titles, and the dates and
# time-ago stamps (منذ 5 ساعات) under them.
_BOX_LABELS: Final = frozenset({labels.NOISE, labels.DATE})


def weight(block: Block, feat: Features, dec: Decision, config: ExtractionConfig) -> float:
    """A block's weight in the run: its characters when good (a share of them when near), a
    label's penalty or, for noise, the larger of its characters and the noise penalty."""
    return _weight(block, feat, dec, _Weights(config))


@final
class _Weights:
    """The config's weights and penalties, read once a page (each read of a config's attribute
    costs the compiled module a generic attribute lookup: 2-3 a block)."""

    __slots__ = ("label_words", "near", "noise", "short")

    def __init__(self, config: ExtractionConfig) -> None:
        self.near: Final[float] = config.near_weight
        self.label_words: Final[int] = config.label_max_words
        self.short: Final[float] = config.short_penalty
        self.noise: Final[float] = config.noise_penalty


def _weight(block: Block, feat: Features, dec: Decision, weights: _Weights) -> float:
    size = float(len(block.text))
    if dec.cls == "good":
        return size
    if dec.cls == "near":
        return size * weights.near
    if (
        dec.cls == "short"
        or feat.words <= weights.label_words
        or dec.label is labels.CAPTION
        or (block.in_article and block.dom_noise)
        or not _EMBEDDED.isdisjoint(dec.reasons)
    ):
        # a label, or furniture embedded in the article (as the DOM shows it, a post's text
        # and signature, a photo's alternative text): skipped, not a break
        return -weights.short
    return -max(weights.noise, size)


def best_subrun(weights: list[float], lo: int, hi: int) -> Run:
    """Kadane's maximum-sum contiguous run of ``weights[lo:hi]``."""
    best = Run(lo, lo - 1, 0.0)
    total = 0.0
    start = lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best.score:
            best = Run(start, i, total)
    return best


def inline_widgets(
    blocks: list[Block], feats: list[Features], decs: list[Decision], i: int
) -> int | None:
    """Widgets between two of the story's paragraphs: good text right before the widget line
    ``i`` and right after the last widget line within _WIDGET_LINES lines of it, and no good
    text between (a prompt and its button; an ad's label, its teaser and its closing label):
    where the text resumes, or None. They cost the run one label's penalty, not a noise
    block's each, so that a short paragraph after them stays the story's. (A read-also header
    alone opens no such run: its title, and maybe the other article, come next.) The text may
    also resume with the story's short closing sentence (see :func:`closing_sentence`)."""
    if i == 0 or decs[i - 1].cls != "good" or not _widget_line(feats[i], decs[i]):
        return None
    last = i
    end = min(len(decs), i + _WIDGET_LINES)  # (past the lines looked at)
    k = i + 1
    while k < end:
        if decs[k].cls == "good":
            break
        if _widget_line(feats[k], decs[k]):
            if k == last + 1 and _one_widget(decs[last], decs[k]):
                end = min(len(decs), end + 1, i + _WIDGET_BOX_LINES)
            last = k
        k += 1
    resumes = last + 1
    if resumes >= len(decs):
        return None
    if decs[resumes].cls == "good":
        return resumes
    return resumes if closing_sentence(blocks[resumes], feats[resumes], decs[resumes]) else None


def closing_sentence(block: Block, feat: Features, dec: Decision) -> bool:
    """A short sentence that goes on with the story (it opens with و and ends with a
    sentence's mark: ويستأنف الدوام الرسمي يوم الإثنين.), too short to be good text: after
    widgets, it is the story's last sentence, not an ad's teaser (those open otherwise)."""
    return dec.cls == "near" and feat.prose_end and block.norm.startswith(_AND)


# The conjunction "and", which opens a sentence that goes on with the one before.
_AND: Final = "و"


def _widget_line(feat: Features, dec: Decision) -> bool:
    if dec.cls != "bad" or not _any_of(dec.reasons, INLINE_WIDGETS):
        return False
    return "read-also" not in dec.reasons or feat.words > 3


def _one_widget(above: Decision, below: Decision) -> bool:
    """Whether two consecutive widget lines are lines of one box (a newsletter's form: its
    header, prompt, field, button and consent line), which count as one line."""
    return bool(_BOXED_WIDGETS.intersection(above.reasons, below.reasons))


# The most lines a group of widgets between two paragraphs has: an ad's label, its teaser and
# its closing label, the longest group in the probes of 36 pages as sites write them (a prompt
# and its button are two). More lines between two paragraphs are a box of their own.
_WIDGET_LINES: Final = 3
# The widgets whose consecutive lines make one box, and the most lines such a group spans (a
# newsletter's form has five). Read-also lines are not among them: several in a row are a
# related list, which the other article's text may follow.
_BOXED_WIDGETS: Final = frozenset({"follow-prompt", "advert"})
_WIDGET_BOX_LINES: Final = 6


def poll_box(decs: list[Decision], i: int, config: ExtractionConfig) -> int | None:
    """A poll between two of the story's paragraphs: its header (استطلاع رأي, a feedback
    line) right after good text, then its question, options and buttons (at most
    ``inline_box_items`` lines, none good), then good text again: where the text resumes (None
    when the line opens no such box)."""
    if "feedback" not in decs[i].reasons or i == 0 or decs[i - 1].cls != "good":
        return None
    for k in range(i + 1, min(len(decs), i + 2 + config.inline_box_items)):
        if decs[k].cls == "good":
            return k if k > i + 1 else None
    return None


def links_box(
    blocks: list[Block], decs: list[Decision], i: int, config: ExtractionConfig
) -> int | None:
    """A read-also or related header between two of the story's paragraphs whose titles are
    links, two or more (Markdown's list of other articles' links), or one when the text
    resumes with a sentence that opens with و: where the text resumes, or None. (The other
    article that may follow a read-also line is no list of links.)"""
    if i == 0 or decs[i - 1].cls != "good" or OTHER_ARTICLE.isdisjoint(decs[i].reasons):
        return None
    k = i + 1
    while (
        k < len(decs)
        and k - i <= config.inline_box_items
        and decs[k].cls == "bad"
        and blocks[k].link_density > config.max_link_density
    ):
        k += 1
    if k - i - 1 < 1 or k >= len(decs) or decs[k].cls != "good":
        return None
    # (one linked title may be followed by the other article's text; the story's own goes on
    # with a sentence that opens with و, which no article's lead does)
    if k - i - 1 < _LINKED_TITLES and not blocks[k].norm.startswith(_AND):
        return None
    return k


# The fewest linked titles that make a list of other articles' links.
_LINKED_TITLES: Final = 2


def main_run(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> Run:
    """The best run of the page. Segments are separated by barriers; a segment's run that
    starts after a read-also or related header following the best run so far is discounted.
    Widgets' lines, a poll, or a list of links between two paragraphs cost one label's penalty
    (:func:`inline_widgets`, :func:`poll_box`, :func:`links_box`)."""
    read = _Weights(config)
    weights = [_weight(b, f, d, read) for b, f, d in zip(blocks, feats, decs, strict=True)]
    for i, dec in enumerate(decs):
        if dec.cls != "bad":
            continue
        resumes = inline_widgets(blocks, feats, decs, i)
        if resumes is None:
            resumes = poll_box(decs, i, config) or links_box(blocks, decs, i, config)
        if resumes is not None:  # the widgets, or the poll, cost the run one label's penalty
            # (none before a closing sentence, shorter than the penalty: it is kept)
            cost = -config.short_penalty if decs[resumes].cls == "good" else 0.0
            weights[i:resumes] = [cost] + [0.0] * (resumes - i - 1)
    headers = [i for i, d in enumerate(decs) if _any_of(d.reasons, OTHER_ARTICLE)]
    barriers: list[int] = []
    for i, (block, dec) in enumerate(zip(blocks, decs, strict=True)):
        if not is_barrier(block, dec):
            continue
        resumes = inline_box(blocks, feats, decs, i, config)
        if resumes is None:
            barriers.append(i)
        else:  # the box's titles are skipped like labels, as the DOM shows them embedded
            weights[i + 1 : resumes] = [-config.short_penalty] * (resumes - i - 1)
    best = Run(0, -1, 0.0)
    lo = 0
    for i in [*barriers, len(blocks)]:
        run = best_subrun(weights, lo, i)
        lo = i + 1
        if run.empty:
            continue
        other = not best.empty and any(best.end < k < run.start for k in headers)
        score = run.score * (config.after_related_factor if other else 1.0)
        if score > best.score:
            best = Run(run.start, run.end, score)
    return best


def bridge_back(
    blocks: list[Block], decs: list[Decision], run: Run, config: ExtractionConfig
) -> Run:
    """Body text cut off by a read-also box: when a read-also or related header with its few
    title lines sits right before the run, and body paragraphs sit right before that box, the
    run starts at those paragraphs (the box inside them is cut out later)."""
    start = run.start
    while True:
        k = start - 1
        gap = 0
        boxed = False
        while k >= 0 and decs[k].cls != "good" and gap <= config.inline_box_items + 2:
            if is_barrier(blocks[k], decs[k]) and not _BOX_HEADERS.intersection(decs[k].reasons):
                return Run(start, run.end, run.score)
            boxed = boxed or bool(OTHER_ARTICLE.intersection(decs[k].reasons))
            gap += 1
            k -= 1
        if k < 0 or not boxed or decs[k].cls != "good":
            return Run(start, run.end, run.score)
        while k > 0 and decs[k - 1].cls == "good":
            k -= 1
        start = k


def trim_titles(feats: list[Features], decs: list[Decision], run: Run) -> Run:
    """A run neither starts nor ends with a title-like line: that is a headline or a teaser.
    A table or list of the article, and the line introducing it, are no titles."""
    start, end = run.start, run.end
    while start <= end and _title(feats[start], decs[start]):
        start += 1
    while end >= start and _title(feats[end], decs[end]):
        end -= 1
    return Run(start, end, run.score)


def _title(feat: Features, dec: Decision) -> bool:
    return dec.cls != "good" and not feat.prose_end and not (dec.reasons and is_part(dec))


def take_sentences(feats: list[Features], decs: list[Decision], run: Run) -> Run:
    """A short sentence right before or after the run (a closing line: "وتستمر الحملة شهراً
    كاملاً.") is the article's: a block of a few words that ends a sentence and that no rule
    claimed, next to the run's running text. Kadane's sum leaves it out, as it costs the run
    short_penalty."""
    if run.empty:
        return run
    start, end = run.start, run.end
    while start > 0 and decs[start].cls == "good" and _sentence(feats[start - 1], decs[start - 1]):
        start -= 1
    while (
        end + 1 < len(decs) and decs[end].cls == "good" and _sentence(feats[end + 1], decs[end + 1])
    ):
        end += 1
    return Run(start, end, run.score)


def _sentence(feat: Features, dec: Decision) -> bool:
    return dec.cls in ("near", "short") and dec.is_body and feat.prose_end and feat.words >= 2


def start_after_header(decs: list[Decision], run: Run, config: ExtractionConfig) -> Run:
    """The article's header (date line, byline) marks where the story starts: text the run
    took in before it (a ticker, a teaser, a standfirst) is not the story's body."""
    good_before = 0
    limit = min(run.end, run.start + config.header_window)
    for k in range(run.start, limit + 1):
        if OTHER_ARTICLE.intersection(decs[k].reasons):
            break  # dates further on belong to the boxed titles, not to the story
        header = decs[k].label in (labels.DATE, labels.BYLINE) and k > run.start
        if header and good_before <= 2 and any(d.cls == "good" for d in decs[k + 1 : run.end + 1]):
            return Run(k + 1, run.end, run.score)
        if decs[k].cls == "good":
            good_before += 1
    return run


def cut_read_also(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    run: Run,
    config: ExtractionConfig,
) -> list[Decision]:
    """Inside the run, a read-also header and the title lines after it are not body, nor are
    a poll's lines (:func:`poll_box`)."""
    out = list(decs)
    i = run.start
    while i <= run.end:
        resumes = None
        if decs[i].cls == "bad":
            resumes = inline_widgets(blocks, feats, decs, i) or poll_box(decs, i, config)
        if resumes is not None:  # the box's lines (a poll's, an ad's teaser) are its own
            for k in range(i + 1, resumes):
                if decs[k].cls != "bad":
                    out[k] = Decision("bad", labels.NOISE, decs[i].reasons)
            i = resumes
        elif OTHER_ARTICLE.intersection(decs[i].reasons):
            j = i + 1
            if not (feats[i].noise and feats[i].words > 3):  # not an inline read-also
                j = _cut_titles(blocks, feats, decs, out, j, end=run.end)
            i = j
        else:
            i += 1
    return out


def _cut_titles(
    blocks: list[Block],
    feats: list[Features],
    decs: list[Decision],
    out: list[Decision],
    j: int,
    *,
    end: int,
) -> int:
    """Mark the title lines from ``j`` on, up to good text or ``end``, as read-also noise in
    ``out``; where they stop. On HTML, the box's titles are links or its furniture: a
    subheading of the page's own (``<h2>``, neither) after them is the story's again. Titles
    written as list items (``* title``, ``<li>``) share their marker: the first line without
    one (a subheading of the story) ends them. A sentence of the story's ends them too (see
    :func:`_told`), and so does a line right above a paragraph that names what it tells: its
    subheading (see :func:`_subheading`). (A loop of its own: mypyc miscompiles it
    nested in the caller's.)"""
    start = j
    listed = _list_item(blocks[j]) if j <= end else False
    while j <= end and decs[j].cls != "good":
        block = blocks[j]
        if j > start and block.heading and not block.dom_noise and not block.links:
            break
        if j > start and (_sentence_end(block.text) or _told(feats[j])):
            break  # a short sentence of the story's: no title ends on a full stop or a colon
        if j > start and listed and not _list_item(block):
            break  # the list of titles is over: its items all carry the marker
        if j > start and _subheading(blocks, decs, j):
            break
        if decs[j].cls != "bad":
            out[j] = Decision("bad", labels.NOISE, ("read-also",))
        j += 1
    return j


def _subheading(blocks: list[Block], decs: list[Decision], j: int) -> bool:
    """Is line ``j``, right above a good paragraph, that paragraph's subheading: most of its
    content words are the paragraph's (see :func:`lead_overlap`)? A subheading repeats what
    the text under it tells; another article's title on the same subject shares a few."""
    if j + 1 >= len(decs) or decs[j + 1].cls != "good" or blocks[j].links:
        return False
    return lead_overlap(blocks[j], lead_words([blocks[j + 1]])) >= _SUBHEADING_SHARE


# The share of a subheading's content words that the paragraph under it has. The subheadings
# after a read-also box in the probes and the golden pages (المرحلة الأولى خلال عامين, حماية
# العمال) have all of theirs; a related title on the story's own subject 0.4 (tests/
# test_structure.py: رسميا.. التعليم تعلن مواصفات الامتحانات over a paragraph on the exams).
_SUBHEADING_SHARE: Final = 0.75


def _list_item(block: Block) -> bool:
    """Is the block an item of a list: a bulleted line of page text, an ``<li>`` of HTML?"""
    return block.bullet or block.container in _LIST_CONTAINERS


_LIST_CONTAINERS: Final = frozenset({"ul", "ol"})


def _told(feat: Features) -> bool:
    """A line that tells (clauses parted by a comma, as many words as a paragraph of the
    story) rather than names an article: a title is a phrase, not such a sentence. A quoted
    sentence of the story's (a speech, a blockquote) ends on its quote mark without a full
    stop, so only its length and its commas tell it from the box's titles."""
    return feat.commas > 0 and feat.words >= _TOLD_WORDS


# The fewest words of a sentence that ends a box of titles: the good_min_words default (10),
# a paragraph's length (the read-also titles of the tests and probes with a comma are shorter).
_TOLD_WORDS: Final = 10


def _sentence_end(text: str) -> bool:
    """Does the text end a sentence with a full stop (not an ellipsis, as a teaser's cut
    title may), or introduce a list with a colon?"""
    stripped = text.rstrip()
    return stripped.endswith((".", ":")) and not stripped.endswith("..")


def label_run(decs: list[Decision], run: Run) -> list[Decision]:
    """Blocks outside the run are not body; inside it, body blocks stay body."""
    out: list[Decision] = []
    for i, dec in enumerate(decs):
        if not dec.is_body:
            out.append(dec)
        elif not run.start <= i <= run.end:
            out.append(Decision(dec.cls, labels.NOISE, (*dec.reasons, "outside-main-run")))
        elif dec.cls == "bad":
            out.append(Decision(dec.cls, labels.NOISE, dec.reasons))
        else:
            out.append(dec)
    return out


def segment(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> tuple[Run, list[Decision]]:
    run = trim_titles(feats, decs, main_run(blocks, feats, decs, config))
    run = bridge_back(blocks, decs, run, config)
    run = trim_titles(feats, decs, start_after_header(decs, run, config))
    run = take_sentences(feats, decs, run)
    if not run.empty:
        decs = cut_read_also(blocks, feats, decs, run, config)
    return run, label_run(decs, run)
