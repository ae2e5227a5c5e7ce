"""Page-type families: the lines and titles that say a page is a live blog, a photo gallery or
a video page (see :mod:`arabic_extract.engine.page_type`, which weighs them with the page's
structure).

None of them is noise on its own; they are matched only by the page-type stage.
"""

from __future__ import annotations

from arabic_extract.rules import Family

ENTRY_TIME = Family(
    name="entry-time",
    kind="line",
    description="A time stamp alone on its line, as live blogs head each entry: 13:05, 9:30 ص, "
    "14:05 GMT, الساعة 10:15 صباحاً.",
    patterns=(
        r"(?:الساعه\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:ص|م|صباحا|مساء|ظهرا|فجرا|am|pm|gmt|utc))?"
        r"(?:\s*(?:بتوقيت|توقيت)\s*[\p{L}]{2,12}(?:\s[\p{L}]{2,12})?)?",
    ),
    examples=("13:05", "9:30 ص", "14:05 GMT", "الساعة 10:15 صباحاً", "08:40 بتوقيت مكة"),
    counter_examples=("13:05 - وصول فرق الإنقاذ إلى المنطقة المنكوبة", "12 مارس 2024"),
    pattern_starts=("<number>", "الساعه"),
    max_words=6,
)

PHOTO_COUNTER = Family(
    name="photo-counter",
    kind="line",
    description="A gallery's photo counter: 3 / 12, صورة 3 من 12.",
    patterns=(r"(?:(?:ال)?صوره\s*(?:رقم\s*)?)?\d{1,3}\s*(?:/|من)\s*\d{1,3}",),
    examples=("3 / 12", "صورة 3 من 12", "الصورة 1 من 8", "1/8"),
    counter_examples=("12 ألف مشاهدة", "3 من أصل 12 لاعباً غابوا عن التدريب"),
    pattern_starts=("<number>", "صوره", "الصوره"),
    max_words=6,
)

VIDEO_LINE = Family(
    name="video-line",
    kind="prefix",
    description="A video page's player labels: its duration, a play or watch prompt.",
    phrases=(
        "مدة الفيديو",
        "مدة المقطع",
        "شاهد الفيديو",
        "مشاهدة الفيديو",
        "تشغيل الفيديو",
        "اضغط لمشاهدة الفيديو",
        "video duration",
        "watch the video",
    ),
    examples=("مدة الفيديو: 01:48", "شاهد الفيديو", "تشغيل الفيديو"),
    counter_examples=("فيديو: لحظة إنقاذ راعٍ علق مع قطيعه في الثلوج",),
    max_words=8,
)

VIDEO_TITLE = Family(
    name="video-title",
    kind="prefix",
    description="A headline that says the page is a video: فيديو.., بالفيديو:, شاهد.",
    phrases=("فيديو", "بالفيديو", "شاهد بالفيديو", "فيديوجراف", "شاهد", "فيديو وصور"),
    examples=("فيديو.. لحظة انهيار جسر قديم", "بالفيديو: سيول في سوهاج", "شاهد.. أمطار غزيرة"),
    counter_examples=("فيديوهات الحرب تغزو مواقع التواصل", "شاهدت الأسرة الحادث من النافذة"),
    max_words=30,
)

GALLERY_TITLE = Family(
    name="gallery-title",
    kind="prefix",
    description="A headline that says the page is a photo gallery: بالصور.., ألبوم صور.",
    phrases=("بالصور", "صور", "ألبوم صور", "ألبوم", "معرض صور", "شاهد بالصور", "فوتوغراف"),
    examples=("بالصور.. مهرجان التمور في بريدة", "صور: أمطار غزيرة على عسير", "ألبوم صور: الرياض"),
    counter_examples=("صورة قاتمة للاقتصاد العالمي", "صورت الكاميرات لحظة الحادث"),
    max_words=30,
)

LIVE_TITLE = Family(
    name="live-title",
    kind="prefix",
    description="A headline that says the page is live coverage: مباشر |, لحظة بلحظة, "
    "تغطية مباشرة.",
    phrases=(
        "مباشر",
        "بث مباشر",
        "تغطية مباشرة",
        "تغطية حية",
        "لحظة بلحظة",
        "أولا بأول",
        "تحديثات مباشرة",
        "live",
    ),
    patterns=(r".{0,80}\s(?:لحظه بلحظه|اولا باول|تغطيه مباشره)",),
    examples=(
        "مباشر | زلزال يضرب جنوب تركيا",
        "لحظة بلحظة: نتائج الانتخابات",
        "الانتخابات لحظة بلحظة",
    ),
    counter_examples=("مباشرة بعد الاجتماع أعلن الوزير", "الحياة في المدينة بعد الحرب"),
    max_words=30,
)

PAGE_FAMILIES: tuple[Family, ...] = (
    ENTRY_TIME,
    PHOTO_COUNTER,
    VIDEO_LINE,
    VIDEO_TITLE,
    GALLERY_TITLE,
    LIVE_TITLE,
)
