"""Language data: the letters and function words that tell Arabic from the other languages
written in the Arabic script (Persian, Urdu, Central Kurdish, Pashto) and name the common
Latin-script languages of the region's press (English, French, Spanish, German, Italian,
Portuguese, Turkish).

Letters are matched on the original text (normalisation folds ی and ک into ي and ك). Each list
of function words is written as the words appear on pages; :mod:`arabic_extract.engine.language`
matches every spelling of them in which the letters Arabic and Persian writers interchange (ی ي ى,
ک ك, the alef forms, ة ه) stand for one another, and Latin words in lower case.
"""

from __future__ import annotations

from types import MappingProxyType

# Letters of one language of the Arabic script and of no other in this list: a few in a text
# name its language (Urdu ے and ں, Pashto ښ and ې, Sorani ە and ێ are among its commonest
# letters). ھ (Urdu and Sorani) and ی, ک (all four) are shared and not listed.
SPECIFIC_LETTERS: MappingProxyType[str, str] = MappingProxyType(
    {
        "ur": "ےںٹڈڑہۓ",
        "ps": "ټډړږښګڼېۍځڅ",
        "ckb": "ەێۆڕڵ",
    }
)

# Letters Persian shares with Urdu, Pashto and Kurdish but Standard Arabic does not write (Iraqi
# and Gulf Arabic write چ and گ in names and dialect words: a hint, never a proof), and the
# zero-width non-joiner that Persian writes inside words (می‌شود).
PERSIAN_LETTERS = "پچژگۀ"
ZWNJ = "\u200c"

# Letters only Arabic writes among these languages: ta marbuta and alef maqsura.
ARABIC_LETTERS = "ةى"

# Function words: frequent short words of each language, as pages write them. A word that is
# frequent in two of the languages (Arabic and Persian ما and هم, Persian and Pashto او, Arabic
# and Pashto له) is in neither list; Persian این is kept (Arabic أين, "where", is rare in news).
FUNCTION_WORDS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "ar": frozenset(
            (
                *("في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "الذين", "مع"),
                *("هذا", "هذه", "كان", "كانت", "قال", "وقال", "بين", "بعد", "قبل", "ما", "لا"),
                *("لم", "لن", "قد", "وقد", "كما", "أو", "ذلك", "تلك", "حيث", "حتى", "عند"),
                *("منذ", "خلال", "وفي", "ومن", "أي", "كل", "إنه", "أنه", "فيه", "عليه", "هو"),
                *("هي", "بعض", "غير", "وهو", "وهي", "أكثر", "مش", "اللي", "بزاف"),
            )
        ),
        "fa": frozenset(
            (
                *("است", "را", "که", "می", "های", "برای", "شده", "شد", "کرد", "کند", "نیز"),
                *("خود", "آن", "اند", "بود", "یک", "ها", "شود", "دارد", "باید", "این"),
                *("کرده", "گفت", "همچنین", "اما", "اگر", "چند", "پس", "ای", "آنها"),
            )
        ),
        "ur": frozenset(
            (
                *("کے", "کی", "کا", "ہے", "ہیں", "اور", "میں", "سے", "کو", "نے", "پر", "بھی"),
                *("یہ", "وہ", "تھا", "تھی", "گیا", "گئی", "کر", "ہو", "جو", "لیے", "کہا"),
            )
        ),
        "ckb": frozenset(
            (
                *("لە", "بە", "کە", "ئەو", "ئەم", "بۆ", "لەگەڵ", "یان", "دوای", "هەروەها"),
                *("بوو", "دەکات", "دەکرێت", "ئەوە", "کرد", "زۆر", "هەموو", "چەند"),
            )
        ),
        "ps": frozenset(
            (
                *("د", "په", "چې", "دی", "ته", "سره", "کې", "دا", "یې", "شوی", "وو"),
                *("ده", "څخه", "دې", "هغه", "شول", "دي", "ویلي"),
            )
        ),
        "en": frozenset(
            (
                *("the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with"),
                *("by", "at", "from", "it", "are", "said", "has", "have", "will", "its"),
                *("this", "which", "would", "were", "been", "their", "after", "an"),
            )
        ),
        "fr": frozenset(
            (
                *("le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans"),
                *("pour", "sur", "au", "aux", "par", "qui", "que", "pas", "plus", "ont"),
                *("été", "sont", "ce", "cette", "avec", "selon", "d", "l", "qu", "depuis"),
            )
        ),
        "es": frozenset(
            (
                *(
                    "el",
                    "la",
                    "de",
                    "en",
                    "los",
                    "las",
                    "del",
                    "y",
                    "que",
                    "por",
                    "para",
                    "con",
                    "una",
                ),
                *("es", "se", "al", "lo", "su", "como", "más", "pero", "sus", "fue"),
            )
        ),
        "de": frozenset(
            (
                *("der", "die", "das", "und", "ist", "nicht", "mit", "sich", "den", "dem"),
                *("auf", "für", "im", "ein", "eine", "dass", "wird", "werden", "auch", "von"),
            )
        ),
        "it": frozenset(
            (
                *("il", "della", "che", "di", "è", "gli", "per", "sono", "nel", "alla"),
                *("dei", "delle", "anche", "questo", "una", "con", "non", "più"),
            )
        ),
        "pt": frozenset(
            (
                *("o", "os", "da", "do", "das", "dos", "não", "em", "uma", "que", "para"),
                *("com", "por", "mais", "foi", "ao", "seu", "sua", "também"),
            )
        ),
        "tr": frozenset(
            (
                *("ve", "bir", "bu", "için", "ile", "olarak", "çok", "daha", "gibi"),
                *("olan", "da", "de", "en", "sonra", "göre", "kadar", "yeni", "ise"),
            )
        ),
    }
)

# Latin letters that only some of those languages write: a hint added to their function words.
LATIN_LETTERS: MappingProxyType[str, str] = MappingProxyType(
    {
        "fr": "éèêàçœùâî",
        "es": "ñáíóú¿¡",
        "de": "ßäöü",
        "pt": "ãõçáéâ",
        "tr": "ığşçöü",
        "it": "àèìòù",
    }
)

# Scripts that name a language on their own (a text in them is not Arabic either way).
SCRIPT_LANGUAGES: MappingProxyType[str, str] = MappingProxyType(
    {
        "Hebrew": "he",
        "Greek": "el",
        "Hangul": "ko",
        "Hiragana": "ja",
        "Katakana": "ja",
        "Thai": "th",
        "Armenian": "hy",
        "Georgian": "ka",
    }
)

LANGUAGE_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {
        "ar": "Arabic",
        "fa": "Persian",
        "ur": "Urdu",
        "ckb": "Central Kurdish (Sorani)",
        "ps": "Pashto",
        "en": "English",
        "fr": "French",
        "es": "Spanish",
        "de": "German",
        "it": "Italian",
        "pt": "Portuguese",
        "tr": "Turkish",
        "he": "Hebrew",
        "el": "Greek",
        "ko": "Korean",
        "ja": "Japanese",
        "th": "Thai",
        "hy": "Armenian",
        "ka": "Georgian",
    }
)
