"""Noise families: the furniture of Arabic news pages that must never reach the body.

Each family names phrases that recur across sites (Egyptian, Gulf, Levantine and Maghreb), as
they are written on pages; normalisation takes care of hamza, ta marbuta, tanween and tatweel.
"""

from __future__ import annotations

from arabic_extract.rules import Family

SHARE_BAR = Family(
    name="share-bar",
    kind="line",
    description="Share, print and copy-link buttons, and the names of the networks they post to.",
    phrases=(
        "مشاركة", "شارك", "شاركها", "شارك الخبر", "شارك هذا الخبر", "شارك المقال",
        "شارك هذا المقال", "شارك على", "شارك عبر", "مشاركة عبر", "مشاركة الخبر", "انشر",
        "طباعة", "اطبع", "اطبع الخبر", "نسخ الرابط", "انسخ الرابط", "تم نسخ الرابط", "نسخ",
        "الرابط المختصر", "رابط مختصر", "أرسل لصديق", "ارسال لصديق", "إرسال بالبريد", "حفظ",
        "تغريد", "غرد", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تيليجرام",
        "تلغرام", "لينكدإن", "لينكد إن", "بريد إلكتروني", "ماسنجر", "إكس",
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "messenger", "pinterest",
        "email", "print", "share", "tweet", "copy", "copy link", "short url", "x",
        "تكبير الخط", "تصغير الخط", "حجم الخط", "a+", "a-",
    ),
    examples=("شارك", "مشاركة :", "• مشاركة :", "شارك هذا الخبر :", "فيسبوك تويتر واتساب",
              "Short URL Copy", "Tweet", "طباعة | نسخ الرابط"),
    counter_examples=("شاركت مصر في القمة العربية", "مشاركة واسعة في الانتخابات البلدية"),
    max_words=12,
)

FOLLOW_PROMPT = Family(
    name="follow-prompt",
    kind="prefix",
    description="Invitations to follow the site, subscribe, or install its app.",
    phrases=(
        "تابعنا", "تابعونا", "تابعنا على", "تابعونا على", "تابعوا", "أين يمكنك متابعتنا",
        "يمكنك متابعتنا", "تابع آخر الأخبار", "تابعوا آخر الأخبار", "لمتابعة آخر الأخبار",
        "اشترك في النشرة", "اشترك في نشرتنا", "اشترك الآن", "اشترك في قناتنا",
        "النشرة البريدية", "النشرة الإخبارية", "سجل بريدك", "حمل تطبيق", "حمل الآن تطبيق",
        "نزل تطبيق", "انضم إلى ملايين المتابعين", "انضم الى قناتنا",
        "انضم إلينا", "شاهد أحدث البرامج", "للاشتراك", "follow us", "subscribe",
        "download our app",
    ),
    examples=("تابعونا:", "أين يمكنك متابعتنا", "تابعونا على تويتر وفيسبوك",
              "حمل الآن تطبيق LBCI للهواتف المحمولة", "اشترك في النشرة البريدية"),
    counter_examples=("تابعوا التحقيقات في الحادث منذ أسبوع، وأكدت النيابة العامة أنها "
                      "ستعلن النتائج قريبا بعد الاستماع إلى الشهود كافة",),
    max_words=14,
)

COMMENTS = Family(
    name="comments",
    kind="prefix",
    description="The comment section: its header, form labels and empty-state messages.",
    phrases=(
        "التعليقات", "تعليقات", "تعليقات القراء", "التعليقات على الخبر", "أضف تعليق",
        "أضف تعليقاً", "اضف تعليقا واقرأ تعليقات القراء", "إضافة تعليق", "إضافة تعليق جديد",
        "اترك تعليقا", "اترك رد", "اترك ردا", "أكتب تعليقك",
        "لا توجد تعليقات", "لا يوجد تعليقات", "كن أول من يعلق", "تم إضافة تعليقك",
        "سيظهر تعليقك", "تعليقك", "اسمك", "الاسم", "البريد الإلكتروني",
        "بريدك الإلكتروني", "إرسال", "أرسل", "إرسال التعليق", "نشر التعليق",
        "عدد التعليقات", "comments", "leave a reply", "add comment",
    ),
    examples=("التعليقات", "أضف تعليق", "اضف تعليقاً واقرأ تعليقات القراء",
              "لا توجد تعليقات على الخبر", "تعليقك *", "إضافة تعليق جديد",
              "تم أضافة تعليقك سوف يظهر بعد المراجعة"),
    counter_examples=("تعليقات الوزير أثارت جدلاً واسعاً بين النواب في جلسة البرلمان أمس "
                      "حول الموازنة العامة للدولة",),
    max_words=10,
)

COMMENT_POLICY = Family(
    name="comment-policy",
    kind="search",
    description="Comment-policy and disclaimer paragraphs printed around the comment section.",
    patterns=(
        r"(?:الاراء|التعليقات) (?:الوارده|المنشوره)[^.]{0,60}(?:لا )?تعبر عن",
        r"تعبر عن (?:راي|اراء|وجهه نظر|وجهات نظر) (?:اصحابها|كاتبيها|كتابها|اصحابه)",
        r"بروتوكول نشر التعليقات",
        r"شروط (?:نشر )?التعليقات",
        r"سياسه التعليقات",
        r"بالنقاش الحيوي",
        r"مراجعه التعليقات قبل نشرها",
        r"لا يتحمل الموقع (?:اي )?مسؤوليه",
    ),
    examples=("الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر "
              "أصحابها فقط.", "بروتوكول نشر التعليقات من اليوم السابع",
              "التعليقات المنشورة تعبر عن رأي أصحابها"),
    counter_examples=("عبر الوزير عن رأيه في الأزمة خلال المؤتمر الصحفي",),
    max_words=90,
)

READ_ALSO = Family(
    name="read-also",
    kind="prefix",
    description="A read-also header; what follows it is another article's title or text.",
    phrases=(
        "اقرأ أيضا", "اقرأ كذلك", "اقرأ أيضا في",
        "طالع أيضا", "شاهد أيضا", "يمكنك أيضا قراءة",
        "قد يهمك أيضا", "قد يهمك", "قد يعجبك أيضا", "قد يعجبك", "ننصحك بقراءة",
        "للمزيد اقرأ", "المزيد من التفاصيل", "اقرأ المزيد", "اقرأ التفاصيل", "اقرأ الخبر",
        "read also", "read more", "see also",
    ),
    examples=("إقرأ أيضاً:", "اقرأ أيضا: الحكومة تعلن خطة جديدة لدعم الصادرات",
              "طالع أيضًا", "يمكنك أيضا قراءة X", "اقرأ المزيد"),
    counter_examples=("اقرأ الدستور جيدا قبل أن تحكم على القانون الجديد الذي أقره البرلمان "
                      "الأسبوع الماضي وسط جدل كبير بين الكتل السياسية",),
    max_words=25,
)

RELATED = Family(
    name="related",
    kind="line",
    description="Headers of related, recommended and latest-news lists.",
    phrases=(
        "مقالات مشابهة", "مقالات ذات صلة", "أخبار ذات صلة", "ذات صلة", "مواضيع ذات صلة",
        "مواضيع ذات علاقة", "أخبار ذات علاقة", "مواضيع متعلقة", "الموضوعات المتعلقة",
        "أخبار متعلقة", "أخبار مرتبطة", "مقالات مرتبطة", "موضوعات ذات صلة", "مواضيع مشابهة",
        "أخبار مشابهة", "مواضيع ساخنة أخرى", "مواضيع ساخنة", "اخترنا لكم", "اخترنا لك",
        "مختارات", "مختارات المحرر", "اختيارات المحرر", "اختيارات القراء", "مقالات مختارة",
        "مواضيع مقترحة", "مقترحات", "زوارنا يقرأون الآن", "يقرأون الآن", "المزيد", "المزيد من",
        "المزيد من الأخبار", "آخر الأخبار", "أحدث الأخبار", "أبرز الأخبار", "الأخبار العاجلة",
        "أخبار عاجلة", "شريط الأحداث", "شريط الأخبار", "أهم الأخبار", "الأخبار الرئيسية",
        "في نفس السياق", "فيديوهات ذات صلة", "قد يعجبك", "التالي", "السابق", "الخبر التالي",
        "الخبر السابق", "المقال التالي", "المقال السابق", "previous", "next", "related",
        "more", "stories", "trending", "trending plus", "you may also like",
    ),
    examples=("مقالات مشابهة", "مواضيع ذات علاقة", "الموضوعات المتعلقة", "اخترنا لكم",
              "المزيد ...", "التالي", "Trending Plus"),
    counter_examples=("ذات صلة بالموضوع قالت الوزارة إن الخطة ستطبق في كل المحافظات",),
    max_words=6,
)

MOST_READ = Family(
    name="most-read",
    kind="line",
    description="Most-read, most-viewed and most-commented list headers and their tabs.",
    phrases=(
        "الأكثر قراءة", "الأكثر تصفحا", "الأكثر مشاهدة", "الأكثر تداولا",
        "الأكثر تعليقا", "الأكثر شعبية", "الأكثر مشاركة", "أكثر قراءة", "أكثر تعليق",
        "أكثر ارسال", "أكثر مشاهدة", "الأكثر زيارة", "الأكثر رواجا", "مشاهدات عالية",
        "يوم", "أسبوع", "شهر", "most read", "most viewed", "popular",
    ),
    examples=("الأكثر تصفحاً", "أكثر قراءة أكثر تعليق أكثر ارسال", "يوم أسبوع شهر",
              "مشاهدات عالية"),
    counter_examples=("الأكثر قراءة بين الشباب هي الروايات البوليسية بحسب المسح",),
    max_words=8,
)

KEYWORDS = Family(
    name="keywords",
    kind="prefix",
    description="Keyword and tag dumps; their entries become the article's tags.",
    phrases=(
        "كلمات دلالية", "الكلمات الدلالية", "الكلمات المفتاحية", "كلمات مفتاحية", "الوسوم",
        "وسوم", "الوسم", "الكلمات الدالة", "كلمات البحث", "tags", "keywords",
    ),
    examples=("كلمات دلالية: روسيا أوكرانيا", "الوسوم", "الكلمات المفتاحية : اقتصاد، بورصة"),
    counter_examples=("مواضيع كثيرة طرحت على طاولة الحوار الوطني في جلسته الأولى أمس",),
    max_words=80,
)

NAVIGATION = Family(
    name="navigation",
    kind="line",
    description="Menu and section names, skip links and site tools, alone or in a row.",
    phrases=(
        "الرئيسية", "الصفحة الرئيسية", "أخبار", "الأخبار", "سياسة", "اقتصاد",
        "اقتصاد وأعمال", "اقتصاد وبورصة", "رياضة", "فن", "فنون", "ثقافة", "ثقافة وفنون",
        "منوعات", "صحة", "صحة وتكنولوجيا", "تكنولوجيا", "علوم وتكنولوجيا", "محليات", "محلي",
        "عربي", "عرب", "عربي ودولي", "دولي", "دولية", "عالم", "العالم", "الشرق الأوسط",
        "تقارير", "تحقيقات", "حوادث", "مقالات", "آراء", "رأي", "كتاب", "كتاب وآراء",
        "مرأة", "المرأة", "مرأة ومنوعات", "سيارات", "تعليم", "محافظات", "برلمان", "حوارات",
        "ملفات", "ملفات وتقارير", "فيديو", "فيديوهات", "صور", "ألبومات", "ألبوم الصور",
        "إنفوجراف", "انفوجرافيك", "كاريكاتير", "بث مباشر", "مباشر", "عاجل", "خبر عاجل",
        "البرامج", "برامج", "مسلسلات", "أفلام", "وثائقيات", "بودكاست", "الطقس", "حال الطقس",
        "الأبراج", "أقسام", "الأقسام", "أقسام مهمة", "القائمة", "القائمة الرئيسية", "بحث",
        "ابحث", "استمارة البحث", "من نحن", "اتصل بنا", "اتصلوا بنا", "أعلن معنا",
        "إعلانك على موقعنا", "وظائف", "سياسة الخصوصية", "الخصوصية",
        "الشروط والأحكام", "شروط الاستخدام", "شروط الخدمة", "بيان الخصوصية", "خريطة الموقع",
        "الهيكل التنظيمي", "ارسل خبر او صورة", "عن الشركة", "عن الموقع", "تسجيل الدخول",
        "تسجيل", "دخول", "خروج", "النسخة الورقية", "الأرشيف", "أرشيف", "English",
        "Français", "تجاوز إلى المحتوى الرئيسي", "انتقل إلى المحتوى",
        "toggle navigation", "menu", "search", "home", "skip to content", "rss", "pause",
        "footer links", "الإعلانات", "ترددات القنوات",
    ),
    examples=("الرئيسية", "من نحن سياسة الخصوصية", "Toggle navigation", "أقسام مهمة",
              "تجاوز إلى المحتوى الرئيسي", "شروط الخدمة | بيان الخصوصية | الإعلانات | من نحن؟"),
    counter_examples=("رياضة المشي مفيدة لصحة القلب بحسب دراسة حديثة",),
    max_words=20,
)

BREADCRUMB = Family(
    name="breadcrumb",
    kind="prefix",
    description="A breadcrumb trail that starts at the home page.",
    phrases=("الرئيسية", "الصفحة الرئيسية", "home"),
    patterns=(r"(?:انت|أنت) هنا",),
    examples=("الرئيسية تقارير مصرية", "الرئيسية » أخبار » سياسة", "أنت هنا: الرئيسية"),
    counter_examples=("الرئيسية في المدينة شهدت زحاما مروريا كبيرا صباح اليوم بسبب الأمطار",),
    pattern_starts=("انت",),
    max_words=6,
)

CMS_LEFTOVER = Family(
    name="cms-leftover",
    kind="line",
    description="Template and script debris: CSS class names, placeholders, code comments.",
    patterns=(
        r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+",  # post-title, d-none, entry_content
        r"//[^\n]*",
        r"\{\{[^}]*\}\}",
        r"undefined|null|nan|loading\.*|jquery|javascript",
        r"jsonp?|hideme|clearfix|sr-only",
    ),
    examples=("post-title", "d-none hideMe", "//Put this in the section", "{{ title }}"),
    counter_examples=("وزير الخارجية الروسي", "covid-19 في مصر: ارتفاع عدد الإصابات"),
    pattern_starts=("<latin>",),
    max_words=8,
)

PHOTO_CREDIT = Family(
    name="photo-credit",
    kind="line",
    description="Photo credits and image labels standing alone on a line.",
    phrases=(
        "أرشيفية", "صورة أرشيفية", "أرشيف", "صورة أرشيف", "صورة تعبيرية", "صورة توضيحية",
        "صورة من الأرشيف", "مواقع التواصل", "مواقع التواصل الاجتماعي", "أ ف ب", "أ.ف.ب",
        "رويترز", "أسوشيتد برس", "إي بي إيه", "غيتي", "غيتي إيميجز", "سبوتنيك", "الأناضول",
        "sputnik", "reuters", "afp", "ap", "epa", "getty", "getty images", "shutterstock",
        "anadolu", "photo", "tass", "ria novosti", "xinhua", "istock", "unsplash",
    ),
    patterns=(
        r"(?:تصوير|الصوره|صوره|عدسه|المصور|photo|credit)\s*[:\-–/]\s*\S.{0,40}",
        r"\(?(?:صوره|الصوره)\s*:?\s*[^)]{1,40}\)?",
    ),
    examples=("Sputnik", "أرشيفية", "صورة أرشيفية", "تصوير: محمد علي", "(رويترز)", "Getty Images"),
    counter_examples=("صورة قاتمة للاقتصاد العالمي في تقرير صندوق النقد الدولي الأخير",),
    pattern_starts=("تصوير", "الصوره", "صوره", "عدسه", "المصور", "photo", "credit", "<latin>"),
    max_words=8,
)

COUNTER = Family(
    name="counter",
    kind="line",
    description="Counters, bare numbers, reading times, temperatures and other widgets' figures.",
    patterns=(
        r"\d+(?:[.,]\d+)?\s*(?:k|m|الف|ألف|مليون)?\s*(?:خبر|اخبار|مقال|مقالات|مشاهده|مشاهدات|"
        r"قراءه|قراءات|تعليق|تعليقات|زياره|views?|comments?|shares?|likes?|مشاركه|اعجاب)?",
        r"(?:عدد )?(?:المشاهدات|القراءات|الزيارات|التعليقات)\s*:?\s*\d+",
        r"\d+\s*(?:min|mins|minutes?|دقيقه|دقائق|د)(?:\s*(?:read|قراءه|للقراءه))?",
        r"(?:دقيقه|دقيقتان|دقيقتين)\s*(?:للقراءه|قراءه)",
        r"(?:مده|وقت) القراءه\s*:?\s*\d*\s*(?:دقيقه|دقائق)?",
        r"-?\d+\s*°\s*[cf]?",
        r"(?:معرض|البوم)\s*(?:ال)?(?:صور|فيديو|الفيديو)\s*(?:\d+\s*(?:صور|صوره|مقاطع)?)?",
    ),
    examples=("37 خبر", "0", "2 min", "1520 مشاهدة", "14 °", "دقيقتان للقراءة",
              "عدد المشاهدات: 512"),
    counter_examples=("90 دقيقة من الإثارة في نهائي كأس العالم للأندية",),
    pattern_starts=("<number>", "عدد", "المشاهدات", "القراءات", "الزيارات", "التعليقات",
                    "دقيقه", "دقيقتان", "دقيقتين", "مده", "وقت", "معرض", "البوم"),
    max_words=5,
)

TIME_AGO = Family(
    name="time-ago",
    kind="line",
    description="Relative time stamps: منذ 3 شهور, قبل ساعتين, just now.",
    patterns=(
        r"(?:منذ|قبل)\s*(?:\d+\s*)?(?:ثانيه|ثوان|ثواني|دقيقه|دقيقتين|دقيقتان|دقائق|ساعه|"
        r"ساعتين|ساعتان|ساعات|يوم|يومين|يومان|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|"
        r"شهور|سنه|سنتين|سنوات|عام|عامين|اعوام)",
        r"(?:الان|الآن|حالا|للتو)",
        r"\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s*ago",
        r"just now",
    ),
    examples=("منذ 3 شهور", "منذ ساعتين", "قبل 5 دقائق", "منذ يوم", "3 hours ago"),
    counter_examples=("منذ ثلاثة أشهر بدأت المفاوضات بين الطرفين في العاصمة القطرية",),
    pattern_starts=("منذ", "قبل", "الان", "حالا", "للتو", "<number>", "just"),
    max_words=5,
)

FOOTER = Family(
    name="footer",
    kind="search",
    description="Copyright lines, site credits and republishing notices.",
    phrases=(
        "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "كافة الحقوق محفوظة", "جميع الحقوق",
        "حقوق النشر محفوظة", "حقوق الطبع والنشر", "الحقوق محفوظة", "©", "copyright",
        "all rights reserved", "تم التصميم والتطوير", "تصميم وتطوير", "تصميم وبرمجة",
        "برمجة وتطوير", "powered by", "managed by", "developed by", "designed by",
        "لا مانع من الاقتباس", "يحظر نشر", "يمنع نسخ", "يمنع إعادة النشر",
        "يمكنك أيضا قراءة",
    ),
    examples=("© 2020 حقوق النشر محفوظة لـ", "جميع الحقوق © محفوظة لـ \"دار الصباح\"",
              "Copyright © 2020 - All Rights Reserved", "تم التصميم والتطوير بواسطة فريق الموقع"),
    counter_examples=("أكد الوزير أن حقوق العمال مصونة بموجب القانون الجديد",),
    max_words=40,
)

CONTACT = Family(
    name="contact",
    kind="prefix",
    description="Contact and masthead details: address, phone, fax, e-mail, founder, editor.",
    phrases=(
        "الهاتف", "هاتف", "تلفون", "فاكس", "فاكس رئاسة التحرير", "فاكس التحرير", "فاكس الادارة",
        "فاكس الاعلانات", "البريد الإلكتروني", "المقر", "العنوان",
        "ص.ب", "صندوق بريد", "المؤسس", "رئيس التحرير", "رئيس مجلس الإدارة", "مدير التحرير",
        "المدير العام", "phone", "tel", "fax", "e-mail", "email",
    ),
    examples=("الهاتف : 222 238 71", "فاكس التحرير : 749 752 71", "المقر : شارع الحبيب بورقيبة",
              "المـــؤســـس : الحــبـيـب شــيـخ روحه", "رئيس التحرير: أحمد محمود"),
    counter_examples=("العنوان الأبرز في القمة كان ملف المياه والأمن الغذائي في المنطقة "
                      "العربية كلها وفق مصادر دبلوماسية مطلعة على النقاشات",),
    max_words=12,
)

WEATHER = Family(
    name="weather",
    kind="line",
    description="Weather widget entries.",
    phrases=(
        "الأحوال الجوية", "الطقس", "حالة الطقس", "غائم", "غائم جزئيا", "مشمس", "سماء صافية",
        "صحو", "ممطر", "أمطار", "غبار", "رياح", "اليوم", "غدا", "بعد غد", "درجة الحرارة",
    ),
    patterns=(r"\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}", r"-?\d+\s*°\s*[cf]?"),
    examples=("غائم جزئيا", "الأحوال الجوية", "اليوم 18:00-00:00", "سماء صافية"),
    counter_examples=("غائم جزئيا مع فرص لسقوط أمطار متفرقة على المرتفعات الشمالية والوسطى "
                      "مساء اليوم بحسب دائرة الأرصاد الجوية",),
    pattern_starts=("<number>",),
    max_words=6,
)

ADVERT = Family(
    name="advert",
    kind="line",
    description="Ad slots and sponsored labels.",
    phrases=(
        "إعلان", "إعلانات", "مساحة إعلانية", "محتوى مدفوع",
        "برعاية", "محتوى برعاية", "sponsored", "advertisement", "ads", "ad",
    ),
    examples=("إعلان", "Advertisement", "مساحة إعلانية"),
    counter_examples=("إعلان نتائج الثانوية العامة الأسبوع المقبل",),
    max_words=4,
)

SITE_HEADER = Family(
    name="site-header",
    kind="prefix",
    description="The site's own header line: الموقع الرسمي | Name. Gives the site name.",
    phrases=("الموقع الرسمي", "البوابة الرسمية", "الموقع الإلكتروني"),
    examples=("الموقع الرسمي | القاهرة الاخبارية", "البوابة الرسمية - وكالة الأنباء"),
    counter_examples=("موقع الحادث شهد انتشارا أمنيا كثيفا منذ الصباح الباكر",),
    max_words=8,
)

TICKER = Family(
    name="ticker",
    kind="line",
    description="Breaking-news ticker labels.",
    phrases=("عاجل", "عاجل الآن", "أخبار عاجلة", "الآن", "جديد", "حصري", "breaking",
             "live", "مباشر", "لحظة بلحظة"),
    examples=("عاجل", "Breaking", "لحظة بلحظة"),
    counter_examples=("عاجل إلى الرئيس",),
    max_words=3,
)

TICKER_ITEM = Family(
    name="ticker-item",
    kind="prefix",
    description="A news-ticker item: عاجل: ..., شريط الأخبار: ... (another story's title).",
    patterns=(
        r"(?:عاجل|خبر عاجل|شريط الاخبار|شريط الاحداث|الشريط الاخباري|اخر الاخبار|احدث الاخبار"
        r"|اخبار عاجله|breaking)\s*[:|\-–]",
    ),
    pattern_starts=("عاجل", "خبر", "شريط", "الشريط", "اخر", "احدث", "اخبار", "breaking"),
    examples=("عاجل: الحكومة تصادق على مشروع مرسوم", "شريط الأخبار: وزارة التربية تعلن",
              "عاجل | قوى الأمن: توقيف عصابة"),
    counter_examples=("عاجل إلى الرئيس", "الحكومة تصادق على مشروع مرسوم"),
    max_words=30,
)

# Families that, on their own line, end the article: what follows them belongs to the page.
ARTICLE_END = (RELATED, MOST_READ, COMMENTS, COMMENT_POLICY, FOOTER)

NOISE_FAMILIES: tuple[Family, ...] = (
    SHARE_BAR,
    FOLLOW_PROMPT,
    COMMENTS,
    COMMENT_POLICY,
    READ_ALSO,
    RELATED,
    MOST_READ,
    KEYWORDS,
    NAVIGATION,
    BREADCRUMB,
    CMS_LEFTOVER,
    PHOTO_CREDIT,
    COUNTER,
    TIME_AGO,
    FOOTER,
    CONTACT,
    WEATHER,
    ADVERT,
    SITE_HEADER,
    TICKER,
    TICKER_ITEM,
)
