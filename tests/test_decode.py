"""Decoding page bytes: BOMs, declared and detected encodings, mojibake repair, binary inputs,
empty inputs and argument types, through ``arabic_extract.engine.decode`` and ``extract``."""

from __future__ import annotations

import codecs
import random

import pytest

from arabic_extract import Article, ExtractionConfig, InputError, extract
from arabic_extract.engine.decode import decode_bytes, decode_text, repair_mojibake, sniff_binary

# Plain Arabic article text: letters, ASCII digits, Arabic comma and full stops only, so that
# every legacy Arabic code page (cp1256, ISO-8859-6) can encode it.
PARAGRAPHS = [
    "وقالت وزارة الخارجية الروسية في بيان اليوم الأربعاء إن وزير الخارجية سيرغي لافروف ناقش "
    "حل الأزمة الأوكرانية مع نظيره الأمريكي ماركو روبيو، على هامش الدورة الثمانين للجمعية "
    "العامة للأمم المتحدة في نيويورك.",
    "وأكد الجانبان على ضرورة تكثيف الجهود لاستعادة عمل البعثات الدبلوماسية، واتفقا على مواصلة "
    "الحوار البناء بين وزارتي الخارجية الروسية والأمريكية، بحسب البيان الصادر عن الوزارة.",
    "وقال المتحدث باسم وزارة الخارجية الأميركية في بيان إن روبيو دعا إلى إنهاء إراقة الدماء "
    "في الحرب خلال اجتماعه مع لافروف يوم 24 من الشهر الجاري.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"

HTML = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head>'
    '<meta charset="windows-1256">'
    "<title>لافروف يبحث مع روبيو حل الأزمة الأوكرانية | أخبار العالم</title></head><body>"
    "<article><h1>لافروف يبحث مع روبيو حل الأزمة الأوكرانية</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)


def same_codec(a: str, b: str) -> bool:
    return codecs.lookup(a).name == codecs.lookup(b).name


# --------------------------------------------------------------------------- decode_bytes


@pytest.mark.parametrize(
    "data,codec",
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-bom"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", id="utf-16-be-bom"
        ),
        pytest.param(TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("cp1256"), "cp1256", id="cp1256"),
        pytest.param(TEXT.encode("iso8859_6"), "iso8859_6", id="iso-8859-6"),
    ],
)
def test_decode_bytes_detects_encoding(data: bytes, codec: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert same_codec(decoded.encoding, codec)


def test_decode_bytes_utf32_bom() -> None:
    decoded = decode_bytes(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"))
    assert decoded.text == TEXT


def test_bom_is_not_part_of_the_text() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + "شارك".encode())
    assert decoded.text == "شارك"
    assert not decoded.text.startswith("\ufeff")


def test_detected_legacy_encoding_is_noted() -> None:
    decoded = decode_bytes(TEXT.encode("cp1256"))
    assert any("cp1256" in note for note in decoded.notes)


def test_meta_charset_windows_1256() -> None:
    data = HTML.encode("cp1256")
    decoded = decode_bytes(data)
    assert decoded.text == HTML
    assert same_codec(decoded.encoding, "cp1256")


def test_meta_charset_iso_8859_6() -> None:
    html = HTML.replace("windows-1256", "iso-8859-6")
    decoded = decode_bytes(html.encode("iso8859_6"))
    assert decoded.text == html
    assert same_codec(decoded.encoding, "iso8859_6")


@pytest.mark.parametrize("name", ["iso-8859-6", "ISO-8859-6", "arabic", "iso8859_6"])
def test_encoding_argument(name: str) -> None:
    decoded = decode_bytes(TEXT.encode("iso8859_6"), name)
    assert decoded.text == TEXT
    assert same_codec(decoded.encoding, "iso8859_6")


@pytest.mark.parametrize("name", ["windows-1256", "cp1256"])
def test_encoding_argument_cp1256(name: str) -> None:
    decoded = decode_bytes(TEXT.encode("cp1256"), name)
    assert decoded.text == TEXT
    assert same_codec(decoded.encoding, "cp1256")


def test_utf8_bytes_win_over_a_wrong_declared_encoding() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8"), "windows-1256")
    assert decoded.text == TEXT
    assert same_codec(decoded.encoding, "utf-8")
    assert decoded.notes, "the conflict with the declared charset should be noted"


def test_unknown_encoding_argument_falls_back_to_detection() -> None:
    decoded = decode_bytes(TEXT.encode("cp1256"), "no-such-charset")
    assert decoded.text == TEXT


FRENCH = (
    '<html><head><title>Rentrée scolaire</title></head><body><ul><li><a href="/regions">'
    "Régions</a></li><li>Économie</li></ul><p>La rentrée aura lieu en septembre, a déclaré "
    "le ministère. « Les écoles sont prêtes », a-t-il ajouté.</p></body></html>"
)


def test_utf8_cut_inside_its_last_character_stays_utf8() -> None:
    """Little Arabic before the cut: no evidence for the "few broken bytes" rule, but a cut
    last character is no sign of another encoding."""
    data = ("<p>" + "x" * 200 + " تجاوز").encode("utf-8")[:-1]
    decoded = decode_bytes(data)
    assert same_codec(decoded.encoding, "utf-8")
    assert decoded.text.startswith("<p>") and "تجا" in decoded.text


def test_utf8_with_stray_bytes_and_little_non_ascii_stays_utf8() -> None:
    data = FRENCH.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:90] + b"\xff" + data[90:]
    decoded = decode_bytes(data)
    assert same_codec(decoded.encoding, "utf-8")
    assert decoded.text.replace("\ufffd", "") == FRENCH


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_latin_page_without_a_charset_is_windows_1252(codec: str) -> None:
    """What browsers do; not ISO-8859-6, whose lone Arabic letters inside French words
    ("Rىgions") read as no Arabic words."""
    decoded = decode_bytes(FRENCH.encode(codec))
    assert decoded.text == FRENCH
    assert same_codec(decoded.encoding, "cp1252")
    assert decode_bytes(FRENCH.encode(codec)[:120]).text == FRENCH[:120]


# --------------------------------------------------------------------------- mojibake

# Arabic without ف and harakat: their UTF-8 bytes (0x81, 0x8D, 0x8F, 0x90) are undefined in
# cp1252, so a cp1252 mis-decoding could not produce them.
MOJIBAKE_SOURCE = (
    "وقالت وزارة الخارجية الروسية إن لافروف ناقش مع نظيره الأمريكي حل الأزمة الأوكرانية "
    "على هامش الدورة الثمانين للجمعية العامة للأمم المتحدة."
).replace("ف", "")


def test_mojibake_cp1252_repaired_in_decode_text() -> None:
    broken = MOJIBAKE_SOURCE.encode("utf-8").decode("cp1252")
    assert "Ø" in broken
    decoded = decode_text(broken)
    assert decoded.text == MOJIBAKE_SOURCE
    assert any("repaired" in note for note in decoded.notes)


def test_mojibake_latin1_repaired() -> None:
    source = TEXT.strip()
    broken = source.encode("utf-8").decode("latin-1")
    fixed = repair_mojibake(broken)
    assert fixed is not None
    assert fixed.text == source
    assert fixed.notes


def test_mojibake_bytes_repaired_by_extract() -> None:
    broken = MOJIBAKE_SOURCE.encode("utf-8").decode("cp1252")
    article = extract(broken.encode("utf-8"))
    assert MOJIBAKE_SOURCE in article.body
    assert any("repaired" in note for note in article.notes)


def test_mojibake_str_repaired_by_extract() -> None:
    broken = "\n\n".join(p.replace("ف", "") for p in PARAGRAPHS).encode("utf-8").decode("cp1252")
    article = extract(broken)
    assert "Ø" not in article.body
    assert PARAGRAPHS[0].replace("ف", "") in article.body
    assert any("repaired" in note for note in article.notes)


def test_mojibake_repaired_line_by_line() -> None:
    """A page that joined a garbled part to a clean one: the whole text does not encode back,
    its garbled lines do."""
    garbled = PARAGRAPHS[0].encode("utf-8").decode("latin-1")
    fixed = repair_mojibake(garbled + "\n" + PARAGRAPHS[1])
    assert fixed is not None
    assert fixed.text == PARAGRAPHS[0] + "\n" + PARAGRAPHS[1]
    assert any("(1 of 2 lines)" in note for note in fixed.notes)


def test_clean_arabic_is_not_repaired() -> None:
    assert repair_mojibake(TEXT) is None
    assert decode_text(TEXT).text == TEXT
    assert decode_text(TEXT).notes == []


def test_french_text_is_not_repaired() -> None:
    text = "Élève à l'école: café, crème brûlée et garçon. Où êtes-vous? Déjà là."
    assert repair_mojibake(text) is None
    assert decode_text(text).text == text


# --------------------------------------------------------------------------- binary inputs

RNG = random.Random(20240501)
NOISE = RNG.randbytes(4000)


@pytest.mark.parametrize(
    "header,what",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n", "PNG", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG", id="jpeg"),
        pytest.param(b"%PDF-1.7\n", "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00", "ZIP", id="zip"),
        pytest.param(b"GIF89a", "GIF", id="gif"),
    ],
)
def test_binary_input_raises_input_error(header: bytes, what: str) -> None:
    data = header + NOISE
    assert sniff_binary(data) is not None
    with pytest.raises(InputError) as info:
        extract(data)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert what.lower() in message.lower()
    assert "not an html page or text" in message.lower()


def test_corrupt_gzip_raises_input_error() -> None:
    with pytest.raises(InputError, match="gzip-compressed data that does not decompress"):
        extract(b"\x1f\x8b\x08\x00" + NOISE)


def test_binary_input_raises_in_decode_bytes() -> None:
    with pytest.raises(InputError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + NOISE)


def test_random_bytes_raise_input_error() -> None:
    with pytest.raises(InputError, match="not text"):
        extract(NOISE)


def test_input_error_is_value_error() -> None:
    assert issubclass(InputError, ValueError)


def test_text_is_not_sniffed_as_binary() -> None:
    assert sniff_binary(TEXT.encode("utf-8")) is None
    assert sniff_binary(HTML.encode("cp1256")) is None


def test_nul_bytes_removed_with_note() -> None:
    data = (PARAGRAPHS[0] + "\x00\n\n" + PARAGRAPHS[1]).encode("utf-8")
    decoded = decode_bytes(data)
    assert "\x00" not in decoded.text
    assert PARAGRAPHS[0] in decoded.text
    assert decoded.notes


# --------------------------------------------------------------------------- extract on bytes


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-no-bom"),
        pytest.param(TEXT.encode("cp1256"), id="cp1256"),
        pytest.param(TEXT.encode("iso8859_6"), id="iso-8859-6"),
    ],
)
def test_extract_bytes_same_as_text(data: bytes) -> None:
    from_text = extract(TEXT)
    from_bytes = extract(data)
    assert from_text.paragraphs, "the reference text has a body"
    assert from_bytes.paragraphs == from_text.paragraphs
    for paragraph in from_bytes.paragraphs:
        assert paragraph in TEXT


def test_extract_html_with_meta_charset_windows_1256() -> None:
    article = extract(HTML.encode("cp1256"))
    assert article.paragraphs == PARAGRAPHS
    assert article.headline == "لافروف يبحث مع روبيو حل الأزمة الأوكرانية"


def test_extract_encoding_argument() -> None:
    data = TEXT.encode("iso8859_6")
    article = extract(data, encoding="iso-8859-6")
    assert article.paragraphs == extract(TEXT).paragraphs


def test_extract_bytearray_and_memoryview() -> None:
    data = TEXT.encode("utf-8")
    expected = extract(data).paragraphs
    assert expected
    assert extract(bytearray(data)).paragraphs == expected
    assert extract(memoryview(data)).paragraphs == expected


@pytest.mark.parametrize(
    "source",
    [b"", "", "   \n\t  \n", b"   \r\n \n", "\u200f\u00a0 \n", codecs.BOM_UTF8],
    ids=["empty-bytes", "empty-str", "spaces-str", "spaces-bytes", "format-marks", "bom-only"],
)
def test_empty_input_gives_empty_article_with_note(source: str | bytes) -> None:
    article = extract(source)
    assert isinstance(article, Article)
    assert article.body == ""
    assert article.paragraphs == []
    assert article.headline is None
    assert article.notes, "an empty result must say why"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: extract(123), id="int-source"),
        pytest.param(lambda: extract(None), id="none-source"),
        pytest.param(lambda: extract(["نص"]), id="list-source"),
        pytest.param(lambda: extract("x", config={}), id="dict-config"),
        pytest.param(lambda: extract("x", url=5), id="int-url"),
        pytest.param(lambda: extract("x", encoding=1256), id="int-encoding"),
    ],
)
def test_wrong_argument_types_raise_type_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call()


def test_size_limit() -> None:
    config = ExtractionConfig(max_input_bytes=1000)
    with pytest.raises(InputError, match="over the limit"):
        extract(TEXT.encode("utf-8") * 5, config=config)
    truncated = extract(
        TEXT.encode("utf-8") * 5, config=ExtractionConfig(max_input_bytes=1000, truncate_input=True)
    )
    assert any("cut" in note for note in truncated.notes)


# --------------------------------------------------------------------------- mixed and mislabelled


def test_utf8_page_with_a_cp1256_paragraph_stays_utf8() -> None:
    """A paragraph pasted from a cp1256 page into a UTF-8 one: the page stays UTF-8, the broken
    bytes are replaced and noted (read as cp1256, all the rest would be mojibake)."""
    more = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    page = HTML.replace('<meta charset="windows-1256">', '<meta charset="utf-8">')
    page = page.replace("</article>", more + "</article>")
    pasted = PARAGRAPHS[2].encode("cp1256")[:210]
    data = page.encode("utf-8").replace(PARAGRAPHS[2].encode("utf-8"), pasted, 1)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert any("invalid UTF-8 sequences replaced" in note for note in decoded.notes)
    article = extract(data)
    assert article.headline == "لافروف يبحث مع روبيو حل الأزمة الأوكرانية"
    assert PARAGRAPHS[0] in article.paragraphs


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin-1"])
def test_cp1256_served_with_a_latin_charset_is_read_as_cp1256(label: str) -> None:
    data = TEXT.encode("cp1256")
    decoded = decode_bytes(data, label)
    assert decoded.text == TEXT and decoded.encoding == "cp1256"
    assert any("but the bytes read as cp1256" in note for note in decoded.notes)
    article = extract(data, encoding=label)
    assert PARAGRAPHS[0] in article.paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé une réforme économique très attendue à Paris, où l'été.",
        "Die Regierung kündigte große Änderungen für Mädchen und Jungen an, schöne Grüße.",
    ],
)
def test_latin_text_with_a_latin_charset_stays_latin(text: str) -> None:
    decoded = decode_bytes(text.encode("latin-1"), "iso-8859-1")
    assert decoded.text == text and not decoded.notes


def test_text_of_replacement_characters_is_refused_and_a_few_are_kept() -> None:
    # (str input: the replacement characters are counted only when there is one)
    with pytest.raises(InputError, match="undecodable characters"):
        decode_text(PARAGRAPHS[0] + "\ufffd" * len(PARAGRAPHS[0]))
    assert decode_text(PARAGRAPHS[0] + "\ufffd").text == PARAGRAPHS[0] + "\ufffd"
    assert decode_text(PARAGRAPHS[0]).text == PARAGRAPHS[0]
