"""Caption vocabulary: the labels that introduce an image's caption or its source.

Pages label the two parts of a figure for screen readers or in print style: BBC Arabic writes
``التعليق على الصورة، …`` before the caption and ``صدر الصورة، Getty Images`` before the credit;
others write ``الصورة: …`` or ``شرح الصورة: …``. A label is never part of the caption, and a
line that is only a label, or a label and a credit, is no caption at all.
"""

from __future__ import annotations

from arabic_extract.rules import Family

CAPTION_LABEL = Family(
    name="caption-label",
    kind="label",
    description="A label before an image's caption: التعليق على الصورة، الصورة:, Image caption.",
    phrases=(
        "التعليق على الصورة",
        "تعليق على الصورة",
        "التعليق على الصور",
        "تعليق الصورة",
        "شرح الصورة",
        "وصف الصورة",
        "الصورة",
        "صورة",
        "image caption",
        "photo caption",
        "caption",
    ),
    examples=(
        "التعليق على الصورة، متظاهرون في وسط الخرطوم",
        "التعليق على الصورة",
        "الصورة: الرئيس خلال الاجتماع",
        "Image caption, Protesters in Khartoum",
    ),
    counter_examples=(
        "صورة قاتمة للاقتصاد العالمي في تقرير صندوق النقد الدولي الأخير",
        "الصورة النمطية عن المرأة العاملة ما زالت حاضرة في الإعلانات التجارية",
    ),
    max_words=40,
)

PHOTO_SOURCE_LABEL = Family(
    name="photo-source-label",
    kind="label",
    description="A label before an image's source or photographer: صدر الصورة، Getty Images.",
    phrases=(
        "صدر الصورة",
        "مصدر الصورة",
        "حقوق الصورة",
        "حقوق الصور",
        "الصورة من",
        "الصورة عن",
        "مصدر الصور",
        "image source",
        "image credit",
        "photo credit",
        "photo source",
    ),
    examples=("صدر الصورة، Getty Images", "مصدر الصورة: رويترز", "Image source, Reuters"),
    counter_examples=("مصدر الصورة الأولى للمجرة لم يكن معروفا حتى أعلن الفريق البحثي النتائج",),
    max_words=8,
)

# The note under a table: its data's unit or source. A line opened by a footnote's mark (*) is
# one too (see structure.table_note).
TABLE_NOTE = Family(
    name="table-note",
    kind="prefix",
    description="The note under a table: its unit or its data's source (المبالغ بالمليون ريال، "
    "المصدر: وزارة المالية).",
    phrases=(
        *("المبالغ", "الأرقام", "القيم", "البيانات", "الأسعار", "المصدر", "مصدر البيانات"),
        *("ملاحظة", "ملاحظات", "source", "note"),
    ),
    examples=("المبالغ بالمليون ريال", "المصدر: الهيئة العامة للإحصاء", "الأرقام بالمليار دولار"),
    counter_examples=("أرباح الشركة ارتفعت في الربع الأول",),
    max_words=12,
)

# What a photo's caption says and a sentence or a title does not: "a view of" the scene (جانب
# من الاجتماع), "a shot of", or who does what "during" their visit (الوزير خلال تفقده المشروع).
# Read on a short line that ends no sentence (see classify.mark_credit_captions).
CAPTION_CUE = Family(
    name="caption-cue",
    kind="search",
    description="What only a photo's caption says: جانب من, لقطة من, خلال لقائه (a scene, a "
    "visit).",
    phrases=(
        *("جانب من", "جانب آخر من", "لقطة من", "لقطة لـ", "لقطات من", "مشهد من", "صورة تجمع"),
        *("خلال لقائه", "خلال لقائها", "خلال استقباله", "خلال استقبالها", "خلال زيارته"),
        *("خلال زيارتها", "خلال تفقده", "خلال تفقدها", "خلال ترؤسه", "خلال ترؤسها"),
        *("خلال مشاركته", "خلال مشاركتها", "خلال افتتاحه", "خلال افتتاحها", "أثناء زيارته"),
        *("أثناء لقائه", "أثناء تفقده"),
    ),
    examples=(
        "جانب من أعمال المشروع",
        "جانب من اجتماع قياديي وزارة التربية (محمد هاشم)",
        "ولي العهد رئيس الوزراء خلال لقائه الخريجين",
    ),
    counter_examples=("الحكومة تقر خطة جديدة لدعم المشروعات",),
    max_words=16,
)
