"""Near-duplicate fingerprints: recall on realistic re-publications, separation of different
articles, the default bound, and the fingerprint's cost against extraction.

    python benchmarks/near_duplicates.py [--gold-dir DIR] [--seconds S] [--show-pairs]
                                         [--bound N]
    valgrind --tool=callgrind python benchmarks/near_duplicates.py --only step --rounds 30

Articles: the pages of ../shared/eval/dev (skipped, with a message, when that folder is absent),
the project's HTML fixtures, the text fixtures and the seed pages. Each page is edited the way
an agency story is when another site runs it, and re-extracted. The issue's edits:

- ``lead``: its first sentence is replaced by a different lead line;
- ``tail``: its closing paragraph is dropped (only when that paragraph is at most a third of the
  body: cutting half a two-paragraph story is not a re-publication of it);
- ``source``: a dateline naming another agency opens the body and an ``المصدر:`` line ends it;
- ``furniture``: the headline and body are put in a different site's page (menus, share bar,
  related list, comments, footer);
- ``republished``: all four at once.

And three stress edits, harder than a site's usual re-publication:

- ``long lead``: a 40-word introduction instead of the first sentence;
- ``middle``: a sentence is cut from the middle of the story (and the page is another site's);
- ``merged``: another site's paragraphing, the first two paragraphs run as one.

A copy whose extracted body differs from the original's in more than a third of its characters
is not a re-publication of it (a 40-word lead on a 48-word video caption; a gallery whose
captions another site's page does not keep): such pairs are listed apart, not counted.

Reported for every (page, edit) pair: the Hamming distance of the two fingerprints, and the
expected distance, 64 times the angle between the two weighted sets of features over pi (what
SimHash gives on average over hash functions; the shape of the weights, not the hash, sets it:
``arabic_extract.engine.fingerprint.RISE_WORDS`` was calibrated on it). Then the smallest distance
between two different articles, and, for bounds 6 to 11, the pairs within each, the pairs
expected beyond it and the chance that two unrelated articles fall within it. The default bound
(``arabic_extract.dedup.DEFAULT_MAX_DISTANCE``) is checked: every pair of the issue's edits
within it, no two different articles within it.

Cost: the CPU time of the first read of ``Article.fingerprint`` (computed then, not by
``extract()``, from the body's matching forms the pipeline kept), against the CPU time of
:func:`arabic_extract.extract` on the same pages; and of
:func:`arabic_extract.engine.fingerprint.fingerprint` on the paragraphs (a stored body, which
is normalised first). Target: under 5 %.

Instructions: ``--only extract``, ``--only step`` and ``--only none`` load the pages, extract them
once (the warm-up, and the bodies) and then run only ``--rounds`` rounds of ``extract()`` over
the pages, of ``fingerprint(paragraphs)`` over their bodies, or nothing: run each under
callgrind and subtract the ``none`` count to get the instructions of a round.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import itertools
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("arabic_extract") is None:
    sys.path.insert(0, str(REPO_ROOT))

from selectolax.lexbor import LexborHTMLParser, LexborNode  # noqa: E402

from arabic_extract import Article, extract  # noqa: E402
from arabic_extract.build_info import build_name  # noqa: E402
from arabic_extract.dedup import DEFAULT_MAX_DISTANCE  # noqa: E402
from arabic_extract.engine.fingerprint import (  # noqa: E402
    fingerprint,
    hamming,
    weighted_features,
)

DEFAULT_GOLD_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"

# What re-publishing sites put around the same story: their own lead, dateline and credit.
OTHER_LEAD = "أفادت مصادر إعلامية متطابقة اليوم بأن التطورات الأخيرة تتواصل وسط متابعة واسعة."
LONG_LEAD = (
    "في تطور لافت تتابعه الأوساط السياسية والاقتصادية عن كثب منذ أيام، كشفت مصادر مطلعة "
    "لموقعنا تفاصيل جديدة حول الملف. ونعرض فيما يلي ما نشرته الوكالة كاملاً مع بعض الإضافات "
    "التي حصلنا عليها من مصادرنا الخاصة."
)
OTHER_DATELINE = "القاهرة - (أ ش أ) - "
OTHER_SOURCE = "المصدر: وكالة أنباء الشرق الأوسط"
SENTENCE_END = (".", "؟", "!", "?")
MAX_SHARE = 1 / 3
"""A closing paragraph over this share of the body is not cut, and a copy whose body differs in
more than this share is not a re-publication."""
ISSUE_EDITS = ("lead", "tail", "source", "furniture", "republished")
STRESS_EDITS = ("long lead", "middle", "merged")
BOUNDS = range(6, 12)

OTHER_SITE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | شبكة الأخبار</title></head>
<body>
<header class="site-header"><a href="/">شبكة الأخبار</a>
<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li>
<li><a href="/world">عربي ودولي</a></li><li><a href="/eco">اقتصاد</a></li>
<li><a href="/sport">رياضة</a></li><li><a href="/video">فيديو</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/world">عربي ودولي</a></div>
<main><article class="post">
<h1 class="post-title">{title}</h1>
<div class="post-meta"><span class="date">الأحد 12 مايو 2024 - 09:30</span>
<span class="views">1520 مشاهدة</span></div>
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a>
<a href="#">تلغرام</a></div>
<figure><img src="/img/1.jpg" alt=""><figcaption>صورة أرشيفية</figcaption></figure>
<div class="post-content">
{paragraphs}
</div>
<div class="tags"><span>كلمات مفتاحية:</span> <a href="/tag/1">أخبار</a>
<a href="/tag/2">عاجل</a></div>
</article>
<section class="related"><h3>اقرأ أيضاً</h3><ul>
<li><a href="/a/1">ارتفاع أسعار الذهب في الأسواق المحلية مع بداية تعاملات الأسبوع</a></li>
<li><a href="/a/2">الأرصاد تحذر من موجة حارة تضرب البلاد خلال الأيام المقبلة</a></li>
<li><a href="/a/3">افتتاح معرض الكتاب بمشاركة أكثر من ألف دار نشر عربية وأجنبية</a></li>
<li><a href="/a/4">المنتخب الوطني يبدأ استعداداته للمباراة الودية المقبلة</a></li></ul></section>
<section class="comments"><h3>التعليقات</h3><p>لا توجد تعليقات بعد. كن أول من يعلق على الخبر.</p>
<form><textarea name="c"></textarea><button>أرسل تعليقك</button></form></section>
</main>
<footer><p>جميع الحقوق محفوظة © 2024 شبكة الأخبار</p>
<ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li>
<li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer>
</body></html>
"""


@dataclass(frozen=True)
class Page:
    """One article: its name, its input (HTML or text) and whether the input is HTML."""

    name: str
    source: str
    is_html: bool


def load_pages(gold_dir: Path) -> list[Page]:
    """The dev pages (when present), the HTML and text fixtures and the seeds."""
    pages: list[Page] = []
    if gold_dir.is_dir():
        for path in sorted(gold_dir.glob("*.html")):
            data = path.read_bytes()
            pages.append(Page(f"dev/{path.stem}", data.decode("utf-8", "replace"), True))
    for path in sorted(REPO_ROOT.glob("fixtures/html/*/source.html")):
        pages.append(Page(f"html/{path.parent.name}", path.read_text(encoding="utf-8"), True))
    for path in sorted(REPO_ROOT.glob("fixtures/text/*/input.txt")):
        pages.append(Page(f"text/{path.parent.name}", path.read_text(encoding="utf-8"), False))
    for path in sorted(REPO_ROOT.glob("fixtures/seeds/*/input.txt")):
        pages.append(Page(f"seed/{path.parent.name}", path.read_text(encoding="utf-8"), False))
    return pages


# --- edits ----------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split())


def _element_of(tree: LexborHTMLParser, paragraph: str) -> LexborNode | None:
    """The deepest element whose whole text is ``paragraph`` (spaces collapsed)."""
    target = _squash(paragraph)
    found = None
    body = tree.body
    if body is None:
        return None
    for node in body.traverse():
        if node.tag is None or node.tag.startswith("-"):
            continue
        if _squash(node.text(deep=True)) == target:
            found = node  # pre-order: a later match is inside the earlier one
    return found


def _replace_text(node: LexborNode, text: str) -> None:
    fragment = LexborHTMLParser(f"<p>{html.escape(text)}</p>").css_first("p")
    if fragment is None:
        raise ValueError("could not build a paragraph")
    node.replace_with(fragment)


def first_sentence_end(paragraph: str) -> int:
    """Where the first sentence of ``paragraph`` ends (after its mark), or after its first 15
    words when it has no sentence mark before them."""
    words = paragraph.split()
    limit = len(" ".join(words[:15]))
    for index, char in enumerate(paragraph[:limit]):
        if char in SENTENCE_END:
            return index + 1
    return limit


def new_lead(paragraph: str, lead: str = OTHER_LEAD) -> str:
    return lead + " " + paragraph[first_sentence_end(paragraph) :].strip()


def tail_droppable(article: Article) -> bool:
    if len(article.paragraphs) < 2:
        return False
    return len(article.paragraphs[-1]) <= MAX_SHARE * len(article.body)


Edit = Callable[[Page, Article], "str | None"]


def _edit_html(
    page: Page, article: Article, change: Callable[[LexborHTMLParser], bool]
) -> str | None:
    tree = LexborHTMLParser(page.source)
    if not change(tree):
        return None
    return tree.html


def _edit_lines(page: Page, paragraph: str, new: str | None) -> str | None:
    """A text page with the line holding ``paragraph`` replaced by ``new`` (None: dropped)."""
    lines = page.source.split("\n")
    target = _squash(paragraph)
    for index, line in enumerate(lines):
        if _squash(line) == target:
            lines[index : index + 1] = [] if new is None else [new]
            return "\n".join(lines)
    return None


def _lead_edit(lead: str) -> Edit:
    def edit(page: Page, article: Article) -> str | None:
        first = article.paragraphs[0]
        if not page.is_html:
            return _edit_lines(page, first, new_lead(first, lead))

        def change(tree: LexborHTMLParser) -> bool:
            node = _element_of(tree, first)
            if node is None:
                return False
            _replace_text(node, new_lead(first, lead))
            return True

        return _edit_html(page, article, change)

    return edit


def edit_tail(page: Page, article: Article) -> str | None:
    if not tail_droppable(article):
        return None
    last = article.paragraphs[-1]
    if not page.is_html:
        return _edit_lines(page, last, None)

    def change(tree: LexborHTMLParser) -> bool:
        node = _element_of(tree, last)
        if node is None:
            return False
        node.decompose()
        return True

    return _edit_html(page, article, change)


def edit_source(page: Page, article: Article) -> str | None:
    first, last = article.paragraphs[0], article.paragraphs[-1]
    if not page.is_html:
        text = _edit_lines(page, first, OTHER_DATELINE + first)
        if text is None:
            return None
        return _edit_lines(Page(page.name, text, False), last, last + "\n\n" + OTHER_SOURCE)

    def change(tree: LexborHTMLParser) -> bool:
        head, tail = _element_of(tree, first), _element_of(tree, last)
        if head is None or tail is None:
            return False
        credit = LexborHTMLParser(f"<p>{html.escape(OTHER_SOURCE)}</p>").css_first("p")
        if credit is None:
            return False
        tail.insert_after(credit)
        _replace_text(head, OTHER_DATELINE + first)
        return True

    return _edit_html(page, article, change)


def _sentences(paragraph: str) -> list[str]:
    """``paragraph`` cut after each sentence mark (the marks stay with their sentence)."""
    out: list[str] = []
    start = 0
    for index, char in enumerate(paragraph):
        if char in SENTENCE_END and paragraph[index + 1 : index + 2] in (" ", ""):
            out.append(paragraph[start : index + 1].strip())
            start = index + 1
    rest = paragraph[start:].strip()
    return [*out, rest] if rest else out


def edit_middle(page: Page, article: Article) -> str | None:
    """A sentence cut from the middle of the story: from the middle paragraph that has two or
    more sentences, its last sentence."""
    paragraphs = list(article.paragraphs)
    middle = len(paragraphs) // 2
    for index in sorted(range(1, len(paragraphs)), key=lambda i: abs(i - middle)):
        sentences = _sentences(paragraphs[index])
        if len(sentences) >= 2:
            paragraphs[index] = " ".join(sentences[:-1])
            return other_site(article.headline or "", paragraphs)
    return None


def edit_merged(page: Page, article: Article) -> str | None:
    """Another site's paragraphing: the first two paragraphs run as one."""
    if len(article.paragraphs) < 3:
        return None
    first, second, *rest = article.paragraphs
    return other_site(article.headline or "", [f"{first} {second}", *rest])


def other_site(headline: str, paragraphs: Sequence[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return OTHER_SITE.format(title=html.escape(headline), paragraphs=body)


def edit_furniture(page: Page, article: Article) -> str | None:
    return other_site(article.headline or "", article.paragraphs)


def edit_republished(page: Page, article: Article) -> str | None:
    paragraphs = list(article.paragraphs)
    if tail_droppable(article):
        paragraphs = paragraphs[:-1]
    paragraphs[0] = OTHER_DATELINE + new_lead(paragraphs[0])
    paragraphs.append(OTHER_SOURCE)
    return other_site(article.headline or "", paragraphs)


EDITS: dict[str, Edit] = {
    "lead": _lead_edit(OTHER_LEAD),
    "long lead": _lead_edit(LONG_LEAD),
    "tail": edit_tail,
    "source": edit_source,
    "furniture": edit_furniture,
    "middle": edit_middle,
    "merged": edit_merged,
    "republished": edit_republished,
}


# --- measures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    page: str
    edit: str
    distance: int
    expected: float
    """64 * the angle between the weighted feature sets / pi (see the module docstring)."""
    changed_share: float
    """The share of the body's characters that differ (1 - matching characters / longer body)."""

    @property
    def counted(self) -> bool:
        """A re-publication: the copy's body differs in at most MAX_SHARE of its characters."""
        return self.changed_share <= MAX_SHARE


def changed_share(a: str, b: str) -> float:
    from difflib import SequenceMatcher  # noqa: PLC0415

    longer = max(len(a), len(b)) or 1
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    same = sum(block.size for block in blocks)
    return 1 - same / longer


def expected_distance(first: Sequence[str], second: Sequence[str]) -> float:
    """The Hamming distance SimHash gives two bodies on average over hash functions: 64 times
    the angle between their weighted feature sets, over pi."""
    a, b = weighted_features(first), weighted_features(second)
    dot = sum(weight * b.get(feature, 0) for feature, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return 64 * math.acos(max(-1.0, min(1.0, dot / norms))) / math.pi if norms else 0.0


def beyond(expected: float, bound: int) -> float:
    """The chance that a pair at this expected distance is more than ``bound`` bits apart: each
    of the 64 bits differs with probability expected / 64."""
    p = expected / 64
    return sum(math.comb(64, k) * p**k * (1 - p) ** (64 - k) for k in range(bound + 1, 65))


def unrelated_within(bound: int) -> float:
    """The chance that two unrelated articles (independent random bits) fall within ``bound``."""
    return sum(math.comb(64, k) for k in range(bound + 1)) / 2**64


def near_pairs(pages: Sequence[Page], articles: Sequence[Article]) -> tuple[list[Pair], list[str]]:
    """Every (page, edit) pair and its distance; and the edits that could not be made."""
    pairs: list[Pair] = []
    skipped: list[str] = []
    for page, article in zip(pages, articles, strict=True):
        if not article.paragraphs:
            skipped.append(f"{page.name}: no body")
            continue
        for name, edit in EDITS.items():
            edited = edit(page, article)
            if edited is None:
                skipped.append(f"{page.name} {name}")
                continue
            copy = extract(edited)
            if copy.body == article.body and name not in ("furniture", "source"):
                skipped.append(f"{page.name} {name}: the edit did not reach the body")
                continue
            distance = hamming(article.fingerprint or "0", copy.fingerprint or "0")
            expected = expected_distance(article.paragraphs, copy.paragraphs)
            share = changed_share(article.body, copy.body)
            pairs.append(Pair(page.name, name, distance, expected, share))
    return pairs, skipped


def different_pairs(
    pages: Sequence[Page], articles: Sequence[Article]
) -> list[tuple[int, str, str]]:
    """The distance between every two different articles, smallest first."""
    out = []
    named = [(p.name, a) for p, a in zip(pages, articles, strict=True) if a.fingerprint]
    for (name_a, a), (name_b, b) in itertools.combinations(named, 2):
        out.append((hamming(a.fingerprint or "0", b.fingerprint or "0"), name_a, name_b))
    return sorted(out)


@dataclass(frozen=True)
class Cost:
    """CPU ms per page: extract(); the first read of Article.fingerprint (from the body's
    matching forms the pipeline kept); fingerprint(paragraphs) (a stored body's)."""

    extract_ms: float
    read_ms: float
    paragraphs_ms: float


def cost(pages: Sequence[Page], seconds: float) -> Cost:
    """CPU ms per page of extract(), of the first read of the extracted articles'
    fingerprints, and of fingerprint() on their paragraphs (interleaved in rounds, so a
    machine whose speed drifts slows all alike)."""
    sources = [p.source for p in pages]
    times = [0.0, 0.0, 0.0]
    rounds = 0
    while times[0] < seconds:
        start = time.process_time()
        articles = [extract(source) for source in sources]
        times[0] += time.process_time() - start
        start = time.process_time()
        for article in articles:
            _ = article.fingerprint
        times[1] += time.process_time() - start
        start = time.process_time()
        for article in articles:
            fingerprint(article.paragraphs)
        times[2] += time.process_time() - start
        rounds += 1
    count = rounds * len(pages)
    return Cost(*(1000 * t / count for t in times))


def run_only(what: str, rounds: int, pages: Sequence[Page], articles: Sequence[Article]) -> None:
    """``rounds`` rounds of extract() over the pages or of the fingerprint's step over their
    bodies (after one warm-up of the step), or nothing."""
    bodies = [list(a.paragraphs) for a in articles]
    for body in bodies:
        fingerprint(body)
    for _ in range(rounds if what != "none" else 0):
        if what == "extract":
            for page in pages:
                extract(page.source)
        else:
            for body in bodies:
                fingerprint(body)


def report_pairs(pairs: list[Pair], bound: int, show: bool) -> None:
    counted = [p for p in pairs if p.counted]
    for edit in EDITS:
        found = [p for p in counted if p.edit == edit]
        if found:
            dists = [p.distance for p in found]
            within = sum(d <= bound for d in dists)
            kind = "" if edit in ISSUE_EDITS else " (stress)"
            print(
                f"  {edit + kind:<21} {len(dists):>3} pairs, distance max {max(dists):>2}, "
                f"mean {sum(dists) / len(dists):4.1f}, within bound {within}/{len(dists)}; "
                f"expected max {max(p.expected for p in found):4.1f}"
            )
    issue = [p for p in counted if p.edit in ISSUE_EDITS]
    dev = [p for p in issue if p.page.startswith("dev/")]
    if dev:
        print(
            f"  dev pages only, issue's edits: {len(dev)} pairs, max distance "
            f"{max(p.distance for p in dev)}"
        )
    worst = max(issue, key=lambda p: p.distance)
    recall = sum(p.distance <= bound for p in issue) / len(issue)
    print(
        f"  issue's edits: recall at the bound {recall:.3f}; farthest pair: {worst.page} "
        f"{worst.edit} (distance {worst.distance}, expected {worst.expected:.1f}, "
        f"{100 * worst.changed_share:.0f} % of the body changed)"
    )
    apart = [p for p in pairs if not p.counted]
    if apart:
        listed = ", ".join(
            f"{p.page} {p.edit} ({100 * p.changed_share:.0f} %: {p.distance})" for p in apart
        )
        print(f"  not re-publications (over {100 * MAX_SHARE:.0f} % of the body changed): {listed}")
    if show:
        for p in sorted(pairs, key=lambda p: (-p.distance, -p.expected)):
            print(
                f"    {p.distance:>2}  expected {p.expected:4.1f}  {p.page:<40} {p.edit:<12} "
                f"{100 * p.changed_share:4.0f} % changed"
            )


def report_bounds(pairs: list[Pair], different: list[tuple[int, str, str]]) -> None:
    """For each bound: the pairs within it, those expected beyond it, and the different
    articles within it."""
    issue = [p for p in pairs if p.counted and p.edit in ISSUE_EDITS]
    stress = [p for p in pairs if p.counted and p.edit in STRESS_EDITS]
    print(
        "\nbound | issue's edits within | expected beyond | stress within | expected beyond"
        " | different within | unrelated within"
    )
    for bound in BOUNDS:
        print(
            f"  {bound:>3} | {sum(p.distance <= bound for p in issue):>4}/{len(issue)} | "
            f"{sum(beyond(p.expected, bound) for p in issue):5.2f} | "
            f"{sum(p.distance <= bound for p in stress):>4}/{len(stress)} | "
            f"{sum(beyond(p.expected, bound) for p in stress):5.2f} | "
            f"{sum(d <= bound for d, _, _ in different):>3} | {unrelated_within(bound):.1e}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds of extraction")
    parser.add_argument("--show-pairs", action="store_true", help="print every pair")
    parser.add_argument("--bound", type=int, default=DEFAULT_MAX_DISTANCE, help="the bound checked")
    parser.add_argument(
        "--only",
        choices=("extract", "step", "none"),
        help="run only --rounds rounds of extract() or of the fingerprint step (for callgrind)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds for --only")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"{args.gold_dir} not found: measuring the fixtures and seeds only")
    pages = load_pages(args.gold_dir)
    articles = [extract(p.source) for p in pages]
    if args.only is not None:
        run_only(args.only, args.rounds, pages, articles)
        return 0
    print(f"arabic_extract ({build_name()}), {len(pages)} articles")
    print(f"bound: distance <= {args.bound} (default {DEFAULT_MAX_DISTANCE})")

    pairs, skipped = near_pairs(pages, articles)
    print(f"\nre-publication pairs: {len(pairs)} ({len(skipped)} edits not made)")
    report_pairs(pairs, args.bound, args.show_pairs)
    if args.show_pairs:
        for line in skipped:
            print(f"    not made: {line}")

    different = different_pairs(pages, articles)
    closest = different[0]
    within = sum(d <= args.bound for d, _, _ in different)
    print(
        f"\ndifferent articles: {len(different)} pairs, smallest distance {closest[0]} "
        f"({closest[1]} / {closest[2]}), within bound: {within}"
    )
    dev_only = [d for d in different if d[1].startswith("dev/") and d[2].startswith("dev/")]
    if dev_only:
        print(f"  dev pages only: {len(dev_only)} pairs, smallest distance {dev_only[0][0]}")
    report_bounds(pairs, different)

    if args.seconds > 0:
        spent = cost(pages, args.seconds)
        print(
            f"\ncost: extract {spent.extract_ms:.3f} ms/page; the fingerprint's first read "
            f"{spent.read_ms:.4f} ms/page = {100 * spent.read_ms / spent.extract_ms:.2f} % of "
            f"extraction; fingerprint(paragraphs) {spent.paragraphs_ms:.4f} ms/page = "
            f"{100 * spent.paragraphs_ms / spent.extract_ms:.2f} %"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
