"""DOM vocabulary: tags and class/id tokens, as named tables.

Class and id attributes are split into tokens on anything that is not a letter or digit
(``td-post-sharing`` -> ``td``, ``post``, ``sharing``; ``entryContent`` stays one token and is
matched whole, lower-cased), and each token is looked up here. A table's name is what an
explanation shows (``dom:share``).
"""

from __future__ import annotations

from types import MappingProxyType

# Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "head",
        "select",
        "option",
        "textarea",
        "input",
        "button",
        "title",
        "meta",
        "link",
        "base",
        "source",
        "track",
        "picture",
        "img",
        "dialog",
    }
)

# Elements that start a new block of text.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "label",
    }
)

HEADINGS = MappingProxyType({"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6})

# Structural elements that are page furniture wherever they are, unless inside the article.
FURNITURE_TAGS = MappingProxyType(
    {
        "nav": "dom:nav",
        "aside": "dom:aside",
        "footer": "dom:footer",
        "form": "dom:form",
        "menu": "dom:menu",
    }
)

# Class/id tokens of page furniture, grouped by what they are; the key is the reason shown.
NOISE_TOKENS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "dom:share": frozenset(
            {
                "share",
                "shares",
                "sharing",
                "sharethis",
                "addthis",
                "addtoany",
                "social",
                "socials",
                "socialmedia",
                "sociallinks",
                "shareicons",
                "sharebar",
                "sharebox",
                "print",
                "whatsapp",
                "facebook",
                "twitter",
                "telegram",
                "copylink",
            }
        ),
        "dom:related": frozenset(
            {
                "related",
                "relateds",
                "relatedposts",
                "relatedarticles",
                "readalso",
                "readmore",
                "alsoread",
                "more",
                "morenews",
                "recommended",
                "recommendations",
                "suggested",
                "youmaylike",
                "jp",
                "yarpp",
                "crp",
                "outbrain",
                "taboola",
                "next",
                "prev",
                "previous",
                "pagination",
                "pager",
                "navigation",
                "postnav",
            }
        ),
        "dom:most-read": frozenset(
            {
                "mostread",
                "mostviewed",
                "popular",
                "trending",
                "mostpopular",
                "topnews",
                "latest",
                "latestnews",
                "lastnews",
                "breaking",
                "ticker",
                "marquee",
                "newsticker",
                "headlines",
            }
        ),
        "dom:tags": frozenset(
            {"tags", "tag", "tagcloud", "tagged", "keywords", "hashtags", "topics"}
        ),
        "dom:comments": frozenset(
            {
                "comment",
                "comments",
                "commentlist",
                "respond",
                "disqus",
                "fbcomments",
                "reply",
                "replies",
            }
        ),
        "dom:breadcrumb": frozenset({"breadcrumb", "breadcrumbs", "crumbs", "crumb"}),
        # (not a column by its side: in a right-to-left layout the right column holds the
        # article, rightCol on Akhbar El Yom)
        "dom:sidebar": frozenset({"sidebar", "widget", "widgets", "aside"}),
        "dom:newsletter": frozenset(
            {"newsletter", "subscribe", "subscription", "signup", "follow", "followus", "download"}
        ),
        "dom:ad": frozenset(
            {
                "ad",
                "ads",
                "adv",
                "advert",
                "adverts",
                "advertisement",
                "adsbygoogle",
                "banner",
                "sponsor",
                "sponsored",
                "promo",
                "dfp",
                "gpt",
                "adslot",
                "adunit",
                "googleads",
            }
        ),
        "dom:menu": frozenset(
            {
                "nav",
                "navbar",
                "menu",
                "menus",
                "topbar",
                "topmenu",
                "mainmenu",
                "megamenu",
                "header",
                "masthead",
                "footer",
                "copyright",
                "sitemap",
                "skip",
                "search",
                "login",
                "cookie",
                "cookies",
                "consent",
                "modal",
                "popup",
                "overlay",
                "offcanvas",
            }
        ),
    }
)

# Whole class names (separators removed) that hide an element; "hidden-xs" only hides it on
# small screens, so these are never matched as parts.
HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "hide",
        "hideme",
        "dnone",
        "invisible",
        "sronly",
        "visuallyhidden",
        "screenreadertext",
        "screenreaderonly",
    }
)

# Class/id tokens of the article's text container.
ARTICLE_TOKENS = frozenset(
    {
        "articlebody",
        "articlecontent",
        "articletext",
        "articledetails",
        "articledetail",
        "entrycontent",
        "postcontent",
        "postbody",
        "posttext",
        "storybody",
        "storycontent",
        "storytext",
        "newscontent",
        "newsbody",
        "newstext",
        "newsdetails",
        "newsdetail",
        "contentbody",
        "bodytext",
        "maintext",
        "textbody",
        "detailsbody",
        "detailbody",
        "tdpostcontent",
        "fieldnamebody",
        "fielditems",
        "articlebodytext",
        "itembody",
    }
)

# The article's own header (its headline, byline and date; WordPress writes entry-header),
# never the site's: a class or id word that starts with one of these (separators removed, as
# for ARTICLE_TOKENS: entry-header-outer, Article_header__Qw1) makes no furniture of the
# "header" in it.
ARTICLE_HEADER_TOKENS = frozenset(
    {
        "entryhead",
        "posthead",
        "articlehead",
        "storyheader",
        "newsheader",
        "singleheader",
        "singlepostheader",
        "tdpostheader",
    }
)

# Class and id attributes are read as runs of letters (digits and punctuation separate tokens):
# "td-post-sharing" -> td, post, sharing. Compound class names are also read with their
# separators removed: "entry-content" -> "entrycontent", so ARTICLE_TOKENS can list them once.
CLASS_TOKEN = r"[a-z]+"

# A style attribute that hides the element.
HIDDEN_STYLE = r"display\s*:\s*none|visibility\s*:\s*hidden"

# Classes of the <blockquote> an embed script turns into a post (Twitter/X, Instagram, TikTok,
# Facebook, Threads), by the kind of embed it is.
EMBED_CLASSES = MappingProxyType(
    {
        "twitter-tweet": "tweet",
        "twitter-video": "tweet",
        "instagram-media": "post",
        "tiktok-embed": "post",
        "fb-xfbml-parse-ignore": "post",
        "text-post-media": "post",
    }
)

# Hosts of video players embedded in iframes.
VIDEO_HOSTS = (
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "dai.ly",
    "facebook.com/plugins/video",
    "twitch.tv",
    "jwplayer.com",
    "brightcove.net",
)

# Attributes that hold an image's address, in order of preference: lazy loaders keep the real
# one in a data- attribute and a placeholder (data: URI, a blank gif) in src.
IMAGE_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
