"""Words and marks that tell a line of page text is not finished: its sentence goes on in the next
line. Tools that write one line per DOM text node (BeautifulSoup's ``get_text("\\n")``, lxml's
itertext) cut a sentence wherever a link or a bold word sits in it: ``ذكرت صحيفة`` /
``نيويورك تايمز`` / ``أن ...``.

Written as on pages (normalisation folds hamza, alef maqsura and ta marbuta).
"""

from __future__ import annotations

# Verbs of attribution, which name their subject next: a sentence goes on after them, and a
# line that opens with one (with its و or not) is a sentence, never a title.
ATTRIBUTION_VERBS: tuple[str, ...] = (
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "ذكر",
    "وذكر",
    "ذكرت",
    "وذكرت",
    "أكد",
    "وأكد",
    "أكدت",
    "وأكدت",
    "أعلن",
    "وأعلن",
    "أعلنت",
    "وأعلنت",
    "أفاد",
    "أفادت",
    "نشر",
    "نشرت",
    "كشف",
    "كشفت",
    "أوضح",
    "أوضحت",
    "أشار",
    "أشارت",
    "أضاف",
    "وأضاف",
    "أضافت",
    "نقل",
    "نقلت",
    "أورد",
    "أوردت",
    "غرد",
    "غردت",
    # (with its و only: كتب alone opens a byline, كتب: فلان)
    "وكتب",
    "وكتبت",
)

# Words after which a sentence or a title always goes on: prepositions, conjunctions and
# particles; relative pronouns; verbs of attribution, which name their subject next; and the
# nouns that introduce a name (an outlet's, a minister's), which sites link.
DANGLING_WORDS: tuple[str, ...] = (
    # prepositions
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "حول",
    "عبر",
    "نحو",
    "منذ",
    "خلال",
    "بين",
    "لدى",
    "عند",
    "ضد",
    "تجاه",
    "بحسب",
    "حسب",
    "وفق",
    "وفقا",
    "نقلا",
    "بشأن",
    "لصالح",
    # conjunctions and particles
    "و",
    "أو",
    "ثم",
    "لكن",
    "بل",
    "أن",  # and إن: both fold to ان
    "بأن",
    "لأن",
    "كما",
    "حيث",
    "حتى",
    "لم",
    "لن",
    "قد",
    "لقد",
    "سوف",
    # relative pronouns
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    *ATTRIBUTION_VERBS,
    # nouns that introduce a name
    "وكالة",
    "صحيفة",
    "موقع",
    "قناة",
    "شبكة",
    "جريدة",
    "مجلة",
)

# Marks that never open a line of running text: the line before it was cut (a comma or a full
# stop left after a link). Closing brackets and quotes are not among them: right-to-left pages
# often type them the other way round (”نص“, )نص().
CONTINUATION_MARKS = "،,.:;؛!؟?…"
