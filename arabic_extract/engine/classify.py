"""Two-pass classification, after jusText.

Pass 1 looks at each block alone: rule families, attribution and date patterns, DOM noise, and its
prose signals give it a class (``good``, ``near``, ``short`` or ``bad``), a provisional label and
the reasons. Pass 2 looks at neighbours: runs of short items are menus, runs of title-like lines
are headline lists, repeated lines are page furniture.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal, final

import regex

from arabic_extract.config import ExtractionConfig
from arabic_extract.engine import labels
from arabic_extract.engine.blocks import Block
from arabic_extract.engine.captions import dated_credit
from arabic_extract.engine.features import Features, credit_tail
from arabic_extract.engine.words import LEAD_PARAGRAPHS, lead_overlap, lead_words
from arabic_extract.model import Label
from arabic_extract.rules.captions import CAPTION_CUE
from arabic_extract.rules.pages import VIDEO_LINE

Cls = Literal["good", "near", "short", "bad"]

# Noise families whose lines carry a field rather than pure noise.
_FAMILY_LABEL: Final = MappingProxyType(
    {"keywords": labels.TAGS, "hashtags": labels.TAGS, "time-ago": labels.DATE}
)
# Lines that may sit between the items of a headline list without breaking it.
_LIST_GLUE: Final = frozenset(
    {"counter", "time-ago", "no-letters", "empty", "date-line", "navigation"}
)


@final
class Decision:
    """A block's class, label and the names of the rules that decided them, and whether it is
    body (immutable; see :class:`~arabic_extract.engine.blocks.Block`)."""

    __slots__ = ("cls", "is_body", "label", "reasons")

    def __init__(self, cls: Cls, label: Label, reasons: tuple[str, ...]) -> None:
        self.cls: Final = cls
        self.label: Final = label
        self.reasons: Final = reasons
        self.is_body: Final = label is labels.BODY

    def __repr__(self) -> str:
        return f"Decision({self.cls!r}, {self.label.value!r}, {self.reasons!r})"


def first_pass(block: Block, feat: Features, config: ExtractionConfig) -> Decision:
    """Classify one block on its own."""
    return _first_pass(block, feat, _Limits(config))


@final
class _Limits:
    """The thresholds pass 1 reads for every block, read from the config once a call (each
    read of a config's attribute costs the compiled module a generic attribute lookup: 3-6 a
    block, a third of pass 1's time)."""

    __slots__ = (
        "caption_words",
        "good_words",
        "headline_words",
        "link_density",
        "near_words",
        "stopword_ratio",
    )

    def __init__(self, config: ExtractionConfig) -> None:
        self.stopword_ratio: Final[float] = config.min_stopword_ratio
        self.headline_words: Final[int] = config.max_headline_words
        self.good_words: Final[int] = config.good_min_words
        self.caption_words: Final[int] = config.max_caption_words
        self.link_density: Final[float] = config.max_link_density
        self.near_words: Final[int] = config.near_min_words


# Pass 1's reasons, made once (the compiled module builds a tuple written in a call at every
# call).
_FIGCAPTION: Final = ("dom:figcaption",)
_SOURCE_LINE: Final = ("source-line",)
_BYLINE: Final = ("byline",)
_DATE_LINE: Final = ("date-line",)
_DATELINE: Final = ("dateline",)
_AFTER_IMAGE: Final = ("after-image",)
_LINK_DENSITY: Final = ("link-density",)
_PROSE: Final = ("prose",)
_NEAR_PROSE: Final = ("near-prose",)
_TITLE_LIKE: Final = ("title-like",)
_SHORT: Final = ("short",)


def _first_pass(block: Block, feat: Features, limits: _Limits) -> Decision:
    """:func:`first_pass`, with the config's thresholds read once (``limits``)."""
    if block.in_caption:
        return Decision("bad", labels.CAPTION, _FIGCAPTION)
    if feat.noise:
        label = next((_FAMILY_LABEL[f] for f in feat.noise if f in _FAMILY_LABEL), labels.NOISE)
        return Decision("bad", label, feat.noise)
    if feat.source_line:
        return Decision("bad", labels.SOURCE, _SOURCE_LINE)
    if feat.byline or feat.outlet_byline:
        return Decision("bad", labels.BYLINE, _BYLINE)
    if feat.date_line:
        return Decision("bad", labels.DATE, _DATE_LINE)
    if feat.dateline_line:
        return Decision("bad", labels.SOURCE, _DATELINE)
    prose = feat.prose or feat.stopword_ratio >= limits.stopword_ratio
    # A line without closing punctuation reads as a title unless it is longer than titles are.
    sentence = feat.prose_end or feat.words > limits.headline_words
    strong = feat.words >= limits.good_words and prose and sentence
    if block.dom_noise:
        return Decision("bad", labels.NOISE, block.dom_noise)
    if (
        block.after_image
        and not block.heading
        and not feat.prose_end
        and 3 <= feat.words <= limits.caption_words
        and block.link_density < limits.link_density
    ):
        return Decision("bad", labels.CAPTION, _AFTER_IMAGE)
    if block.link_density > limits.link_density:
        return Decision("bad", labels.NOISE, _LINK_DENSITY)
    if strong:
        return Decision("good", labels.BODY, _PROSE)
    if feat.words >= limits.near_words:
        return Decision("near", labels.BODY, _NEAR_PROSE if prose else _TITLE_LIKE)
    return Decision("short", labels.BODY, _SHORT)


def _menu_candidate(
    block: Block, feat: Features, dec: Decision, item_words: int, label_words: int
) -> bool:
    """A bulleted short item (at most ``item_words`` words), a label of a few words (at most
    ``label_words``), or a line already known as noise."""
    if dec.cls == "good" or feat.prose_end:
        return False
    if dec.cls == "bad":
        return True
    return feat.words <= (item_words if block.bullet else label_words)


def mark_menus(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """Runs of short items, mostly bulleted or already noise, are menus and section lists."""
    out = list(decs)
    item_words, label_words = config.menu_item_max_words, config.label_max_words
    shortest = config.menu_run
    candidate = [
        _menu_candidate(b, f, d, item_words, label_words)
        for b, f, d in zip(blocks, feats, decs, strict=True)
    ]
    start = 0
    n = len(blocks)
    while start < n:
        if not candidate[start]:
            start += 1
            continue
        end = start
        while end < n and candidate[end]:
            end += 1
        if end - start >= shortest:
            run = range(start, end)
            marked = sum(1 for i in run if blocks[i].bullet or "navigation" in decs[i].reasons)
            if marked * 2 >= len(run):
                for i in run:
                    if decs[i].cls != "bad":
                        out[i] = Decision("bad", labels.NOISE, ("menu",))
        start = end
    return out


def _list_item(feat: Features, dec: Decision) -> bool:
    return dec.cls in ("near", "short") and feat.title_like


def _glue(feat: Features, dec: Decision) -> bool:
    return dec.cls == "bad" and (bool(set(dec.reasons) & _LIST_GLUE) or feat.date_line)


# Widgets that sites put between a story's paragraphs: an ad's label, a photo's credit, a
# follow prompt, a poll's line, a read-also link with its title on the line, a related box
# written on one line, a video's player, duration and title (classify.mark_video_titles).
INLINE_WIDGETS: Final = frozenset(
    {
        "advert",
        "photo-credit",
        "follow-prompt",
        "feedback",
        "read-also",
        "related-titles",
        "video-player",
        "video-title",
    }
)


def mark_headline_lists(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """Runs of title-like lines (with dates or counters between them) that are not framed by
    body text on both sides are lists of other articles' headlines."""
    out = list(decs)
    n = len(decs)
    item = [_list_item(f, d) for f, d in zip(feats, decs, strict=True)]
    leads: dict[tuple[int, ...], frozenset[str]] = {}  # lists before one text share its lead
    shortest = config.menu_run
    i = 0
    while i < n:
        if not item[i]:
            i += 1
            continue
        items = [i]
        j = i + 1
        while j < n and (item[j] or _glue(feats[j], decs[j])):
            if item[j]:
                items.append(j)
            j += 1
        heading = -1
        if j < n and decs[j].cls == "good" and items[-1] == j - 1:
            items.pop()  # the title right above the text is the article's own headline
        elif items[-1] == j - 1 and _sentence_opens(blocks, feats, decs, j):
            # the title right above the text's opening sentence is its subheading: the lines
            # above it (a box's) still make a list, which ends at it
            heading = items[-1]
        if len(items) < shortest:  # (_others only drops items: told after the cheap tests)
            i = j
            continue
        after = _past_widgets(decs, j, config)  # (an ad, a read-also box between it and the text)
        framed = (
            any(d.cls == "good" for d in decs[max(0, i - 2) : i])
            and after < n
            and decs[after].cls == "good"
        )
        if framed:  # (told first: the article's own items are not looked for in it, which
            i = j  # costs the lead's words and each item's overlap with them)
            continue
        items = _others(blocks, decs, items, j, config=config, leads=leads)
        # a title shown twice (headline and its repetition) is one item, not a list
        distinct = {blocks[k].norm for k in items}
        if len(distinct) >= shortest:
            for k in items:
                if k != heading:
                    out[k] = Decision("bad", labels.NOISE, ("headline-list",))
        i = j
    return out


def _sentence_opens(
    blocks: list[Block], feats: list[Features], decs: list[Decision], j: int
) -> bool:
    """Does the story's text open at line ``j`` with a short sentence, right above a good
    paragraph or introducing a list (يعدد أصحاب المكتبات الذين التقيناهم أسباباً متشابهة:)? A
    list of other articles' titles is followed by no such sentence; a subheading is."""
    if j + 1 >= len(decs):
        return False
    dec = decs[j]
    sentence = (
        dec.is_body
        and dec.cls == "near"
        and not feats[j].title_like
        and feats[j].words >= _SENTENCE_WORDS
    )
    return sentence and (decs[j + 1].cls == "good" or blocks[j].norm.endswith(_INTRO))


# The fewest words of such a sentence (a near line has five or more: config.near_min_words),
# and the mark that ends one introducing a list.
_SENTENCE_WORDS: Final = 5
_INTRO: Final = ":"


def _past_widgets(decs: list[Decision], j: int, config: ExtractionConfig) -> int:
    """The first line at or after ``j`` past a few widgets' lines (see INLINE_WIDGETS), or
    past a read-also box: its header and the few titles under it."""
    k = j
    boxed = False  # a read-also header was passed: its titles (not yet known as such) follow
    while (
        k < len(decs)
        and k - j < _WIDGETS_SKIPPED
        and decs[k].cls == "bad"
        and not INLINE_WIDGETS.isdisjoint(decs[k].reasons)
    ):
        boxed = boxed or "read-also" in decs[k].reasons
        k += 1
    if boxed:
        while k < len(decs) and k - j <= config.inline_box_items and decs[k].cls != "good":
            k += 1
    return k


# How many widgets' lines may stand between a list of the story and its text.
_WIDGETS_SKIPPED: Final = 3


def _others(
    blocks: list[Block],
    decs: list[Decision],
    items: list[int],
    end: int,
    *,
    config: ExtractionConfig,
    leads: dict[tuple[int, ...], frozenset[str]],
) -> list[int]:
    """The items that are not the article's own headline or caption: those name what the
    text right after the list tells (its first paragraphs, within twice headline_lookback
    blocks: the article's header may stand between). ``leads`` keeps the lead words of the
    paragraphs already read in this call."""
    following = range(end, min(len(decs), end + 2 * config.headline_lookback))
    key = tuple([k for k in following if decs[k].cls == "good"][:LEAD_PARAGRAPHS])
    lead = leads.get(key)
    if lead is None:
        lead = leads[key] = lead_words([blocks[k] for k in key])
    if not lead:
        return items
    share = config.lead_share
    return [k for k in items if lead_overlap(blocks[k], lead) < share]


def mark_repeats(blocks: list[Block], decs: list[Decision]) -> list[Decision]:
    """A line seen before on the page carries the reason 'repeated' (and its noise)."""
    out = list(decs)
    seen: dict[str, int] = {}
    last = len(decs) - 1
    for i, block in enumerate(blocks):
        if not block.norm:
            continue
        first = seen.setdefault(block.norm, i)
        if first == i or decs[i].cls == "good":
            continue
        framed = 0 < i < last and decs[i - 1].cls == "good" and decs[i + 1].cls == "good"
        if not framed:
            cls: Cls = "bad" if decs[first].cls == "bad" else decs[i].cls
            out[i] = Decision(cls, decs[i].label, (*decs[i].reasons, "repeated"))
    return out


_ARABIC_LETTER: Final = regex.compile(r"[\u0621-\u064A]")


def has_arabic_letter(text: str) -> bool:
    """Whether ``text`` holds a letter of _ARABIC_LETTER (ء to ي), as its search tells: by code
    point, where a call of the pattern cost as much as a scan of a few hundred characters, and
    an Arabic line's first letter answers."""
    for k in range(len(text)):
        code = ord(text[k])
        if 0x621 <= code <= 0x64A:
            return True
    return False


def mark_foreign_lines(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """On an Arabic page, a short line with no Arabic letter (an English photo caption, an
    embed's title, a credit) is not the article's text."""
    good = [b for b, d in zip(blocks, decs, strict=True) if d.cls == "good"]
    arabic = sum(1 for b in good if has_arabic_letter(b.norm))
    if len(good) < 3 or arabic < config.arabic_page_share * len(good):
        return decs
    most = config.max_foreign_line_words
    return [
        Decision("bad", labels.NOISE, ("foreign-line",))
        if d.cls != "bad" and f.words <= most and not has_arabic_letter(b.norm)
        else d
        for b, f, d in zip(blocks, feats, decs, strict=True)
    ]


def mark_embeds(blocks: list[Block], decs: list[Decision]) -> list[Decision]:
    """The text of an embedded post stands right above its signature line (embed-signature:
    "— author (@handle) date"), unless a converter joined them on one line; its date may
    follow it on a line of its own: all of them are the post, not the article."""
    out = list(decs)
    for i in range(1, len(decs)):
        if "embed-signature" not in decs[i].reasons:
            continue
        if len(blocks[i].norm.split()) > _SIGNATURE_WORDS:
            continue  # the post's text is on the signature's line
        k = i - 1  # past the post's links (pic.twitter.com, #hashtag: one word a line)
        while (
            k > 0
            and i - k <= _EMBED_LINKS
            and (" " not in blocks[k].norm or "hashtags" in decs[k].reasons)
        ):
            k -= 1
        if decs[k].label is labels.BODY:
            for j in range(k, i):
                out[j] = Decision("bad", labels.NOISE, ("embed",))
        if i + 1 < len(decs) and decs[i + 1].label is labels.DATE:
            out[i + 1] = Decision("bad", labels.NOISE, ("embed",))  # the post's date, cut off
    return out


def mark_video_titles(
    blocks: list[Block], feats: list[Features], decs: list[Decision]
) -> list[Decision]:
    """A video embedded in the text shows its player's label (شاهد الفيديو), maybe its
    duration (03:42), then its title, a short line without a sentence's end: the title is the
    video's caption, not the story's, and the three lines are one widget of the text (see
    INLINE_WIDGETS)."""
    out = list(decs)
    for i, block in enumerate(blocks):
        norm = block.norm  # (every player's label holds one of these words: see VIDEO_LINE)
        if feats[i].words > _VIDEO_LABEL_WORDS or not (
            "فيديو" in norm or "المقطع" in norm or "video" in norm
        ):
            continue  # (plain tests: the compiled module makes no generator of them)
        if decs[i].cls == "good" or VIDEO_LINE.match(norm, feats[i].words) is None:
            continue
        out[i] = Decision("bad", decs[i].label, (*decs[i].reasons, _PLAYER))
        k = i + 1
        if k < len(blocks) and not _TITLE_AFTER_DURATION.isdisjoint(decs[k].reasons):
            out[k] = Decision("bad", decs[k].label, (*decs[k].reasons, _PLAYER))
            k += 1  # past the video's duration
        if (
            k < len(blocks)
            and decs[k].cls != "good"
            and feats[k].title_like
            and feats[k].words <= _VIDEO_TITLE_WORDS
        ):
            out[k] = Decision("bad", labels.CAPTION, ("video-title",))
    return out


# The reason a video player's label and duration carry.
_PLAYER: Final = "video-player"
# The most words of a player's label (as page_type reads them) and of a video's title.
_VIDEO_LABEL_WORDS: Final = 8
_VIDEO_TITLE_WORDS: Final = 12
# The reasons of a video's duration on its own line.
_TITLE_AFTER_DURATION: Final = frozenset({"counter", "no-letters"})


# How many lines of links may stand between an embedded post's text and its signature.
_EMBED_LINKS: Final = 3
# A signature alone: a dash, the author's name, the handle and a date.
_SIGNATURE_WORDS: Final = 14


def _described(norm: str) -> bool:
    """Whether what comes before a line's last bracket (its credit) describes something: a
    word of three letters or more, which an editors' initials (ع.ج.م/ ح.ز (رويترز)) are not."""
    bracket = norm.rfind("(")
    return _WORD.search(norm, 0, bracket if bracket > 0 else len(norm)) is not None


# A word of three letters or more.
_WORD: Final = regex.compile(r"\p{L}{3}")


def mark_credit_captions(
    blocks: list[Block], feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """A title-like line that ends with a photo credit, or with a date and a name in
    brackets, or that says what only a caption says (a scene: جانب من الاجتماع) is a caption
    (a gallery's or a figure's caption as page text shows it); a
    title-like line right above it that repeats its words is the photo's alternative text,
    which renderers that keep images write as a line of its own (resiliparse, w3m): noise,
    skipped in the run as the caption is."""
    out = list(decs)
    for i, (b, f, d) in enumerate(zip(blocks, feats, decs, strict=True)):
        if d.cls not in ("near", "short") or f.prose_end:
            continue
        # (the cheap tests first: most lines end with no credit and say no scene)
        if credit_tail(b.norm) or dated_credit(b.norm):
            reason = "credit-caption"
        elif _scene(b, f):
            reason = CAPTION_CUE.name
        else:
            continue
        if _described(b.norm):
            out[i] = Decision("bad", labels.CAPTION, (reason,))
    for i in range(1, len(out)):
        if (
            out[i].label is labels.CAPTION
            and out[i - 1].cls in ("near", "short")
            and _alt_text(blocks[i - 1], feats[i - 1], blocks[i], config)
        ):
            out[i - 1] = Decision("bad", labels.NOISE, ("image-alt",))
    return out


def _scene(block: Block, feat: Features) -> bool:
    """A short line that says what only a photo's caption says (CAPTION_CUE: جانب من الاجتماع،
    الوزير خلال تفقده المشروع), and no heading (a subheading may name a visit)."""
    return (
        not block.heading
        and feat.words <= _SCENE_WORDS
        and CAPTION_CUE.may_occur(block.norm)
        and CAPTION_CUE.match(block.norm, feat.words) is not None
    )


# The most words of a caption read by what it says (a sentence has more).
_SCENE_WORDS: Final = 12


def _alt_text(line: Block, feat: Features, caption: Block, config: ExtractionConfig) -> bool:
    """Is ``line``, right above ``caption``, the photo's alternative text: a short title-like
    line most of whose content words the caption has."""
    if feat.prose_end or feat.words > config.max_alt_words:
        return False
    return lead_overlap(line, lead_words([caption])) >= config.alt_caption_overlap


def mark_appeal_titles(
    feats: list[Features], decs: list[Decision], config: ExtractionConfig
) -> list[Decision]:
    """The title right above an appeal (a newsletter's or a membership's box: المجلة في بريدك /
    انضم/ي إلى قائمتنا البريدية ...) is the box's: a label's few words without a sentence's
    end. (A subheading of the story stands above the story's text, never above a box.)"""
    out = decs
    for i in range(1, len(decs)):
        if "appeal" not in decs[i].reasons:
            continue
        above, feat = decs[i - 1], feats[i - 1]
        if (
            above.label is labels.BODY
            and above.cls != "good"
            and not feat.prose_end
            and feat.words <= config.label_max_words
        ):
            if out is decs:
                out = list(decs)
            out[i - 1] = Decision("bad", labels.NOISE, ("appeal",))
    return out


def classify(
    blocks: list[Block], feats: list[Features], config: ExtractionConfig
) -> list[Decision]:
    """Both passes: each block alone, then with its neighbours."""
    limits = _Limits(config)
    decs = [_first_pass(b, f, limits) for b, f in zip(blocks, feats, strict=True)]
    decs = mark_embeds(blocks, mark_credit_captions(blocks, feats, decs, config))
    decs = mark_video_titles(blocks, feats, decs)
    decs = mark_appeal_titles(feats, decs, config)
    decs = mark_menus(blocks, feats, decs, config)
    decs = mark_headline_lists(blocks, feats, decs, config)
    decs = mark_repeats(blocks, decs)
    return mark_foreign_lines(blocks, feats, decs, config)
