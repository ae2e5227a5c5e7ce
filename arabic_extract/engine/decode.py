"""Decoding: bytes to text, refusing binary formats, and repairing mis-decoded Arabic.

Order: a byte-order mark; the caller's encoding (an HTTP charset); the page's own ``<meta>``
charset, each checked against the bytes (a Latin charset on bytes that read as Arabic in cp1256
is a wrong label: noted, and read as cp1256); strict UTF-8 (also when only the last character is
cut, or a few bytes are broken); then the legacy Arabic code pages, cp1256 and ISO-8859-6, told
apart by which one reads as Arabic words; else windows-1252, the web's default for a page that
says nothing. Text whose
Arabic was decoded as Latin-1 or cp1252 (``Ø§Ù„``) is repaired when re-decoding it as UTF-8
gives Arabic, and reported in the notes.

Written here rather than taken from charset_normalizer or chardet: on the fixtures and dev pages
in every encoding (``benchmarks/handwritten.py --part charset``), these rules decode more pages
right, several times faster (see "Written here, not taken from a library" in the docs).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, final

import regex

from arabic_extract.errors import InputError

_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "an executable (PE)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg media"),
    (b"ID3", "an MP3 file"),
    (b"WARC/", "a WARC archive (use the batch reader)"),
)
_BOMS: Final[tuple[tuple[bytes, str], ...]] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET: Final = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?+\s*+(?P<name>[A-Za-z0-9_.:-]{2,40})""", regex.I
)
_ARABIC: Final = regex.compile(r"[\u0621-\u064A]")
_LATIN_ACCENTED: Final = regex.compile(r"[\u00C0-\u00FF]")
_ARABIC_WORD: Final = re.compile(r"[\u0621-\u064A]{3,}")
# Plain character classes: the standard re engine scans them several times faster.
_MOJIBAKE_LEADS: Final = "ØÙÚÛ"
_MOJIBAKE: Final = re.compile(rf"[{_MOJIBAKE_LEADS}][\u0080-\u00BF\u0152-\u2122]")
# cp1252's characters for bytes 0x80-0x9F, back to those bytes (as Latin-1 code points).
_CP1252_BYTES: Final = MappingProxyType(
    {
        ord(bytes([b]).decode("cp1252")): b
        for b in range(0x80, 0xA0)
        if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    }
)
# The other way, as a decoding table for codecs.charmap_decode: windows-1252 as browsers read
# it, the five bytes cp1252 leaves undefined kept as C1 controls.
_WEB_1252: Final = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")
# The same characters as UTF-8 bytes (each is one byte, never part of a longer sequence).
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_UNDECODABLE: Final = "\ufffd"
# Lone UTF-16 surrogates: a str can hold them, but no text encoding (nor JSON) can.
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# UTF-8 with errors: at least this many bytes of valid multi-byte sequences per broken one.
# cp1256 and ISO-8859-6 pages form at most 0.08 (the fixtures and dev pages in both, whole and
# cut to 300 bytes: benchmarks/handwritten.py --part charset); UTF-8 pages with three stray
# bytes, 14 and up unless the page has almost no non-ASCII text.
_MOSTLY_UTF8: Final = 2
# A Latin charset label is wrong when cp1256 (or ISO-8859-6) reads the bytes as Arabic: at least
# this many words of three Arabic letters or more, holding at least half of the characters past
# ASCII (a cp1256 page holds hundreds, and 95-100 % of those characters).
_LATIN_CODE_PAGES: Final = frozenset({"iso8859-1", "cp1252", "iso8859-15"})
_ARABIC_WORDS: Final = 5
_MOSTLY_ARABIC: Final = 0.5
# Codecs that decode bytes to str but are no page's charset.
_NOT_PAGE_ENCODINGS: Final = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "punycode"}
)


@final
class Decoded:
    """Text decoded from the input, the encoding used, and what was repaired (``notes``);
    ``utf8``: the input bytes when they are exactly ``text`` in UTF-8 (the parser reads them
    as they are, without encoding the text again).

    A final slotted class with Final fields, as the pipeline's records are (see
    :class:`~arabic_extract.engine.blocks.Block`): a dataclass's generated ``__init__`` runs
    as interpreted Python even when mypyc compiles the module, 1.9 us a call, and
    ``dataclasses.replace`` 4.5 us more (compiled, per page); this one costs a fraction."""

    __slots__ = ("encoding", "notes", "text", "utf8")

    def __init__(
        self, text: str, encoding: str, notes: list[str] | None = None, utf8: bytes | None = None
    ) -> None:
        self.text: Final = text
        self.encoding: Final = encoding
        self.notes: Final[list[str]] = [] if notes is None else notes
        self.utf8: Final = utf8

    def __repr__(self) -> str:
        return f"Decoded(text={self.text!r}, encoding={self.encoding!r}, notes={self.notes!r})"


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is, by its magic number, or None."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    if data[4:8] == b"ftyp":
        return "an MP4/ISO media file"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is a NUL (Latin) or 0x06 (Arabic)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    odd_share = (odd.count(0) + odd.count(6)) / len(odd)
    even_share = (even.count(0) + even.count(6)) / len(even)
    if odd_share > 0.6 and even_share < 0.2:
        return "utf-16-le"
    if even_share > 0.6 and odd_share < 0.2:
        return "utf-16-be"
    return None


def _lookup(name: str) -> str | None:
    """The codec a charset name means, if it is a text encoding a page can be written in
    (not base64, zlib, rot13 or the like, which a hostile ``<meta>`` may name)."""
    aliases = {"windows-1256": "cp1256", "iso-8859-6": "iso8859_6", "arabic": "iso8859_6"}
    name = aliases.get(name.lower(), name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def _arabic_score(text: str) -> int:
    return len(_ARABIC.findall(text)) - 3 * len(_LATIN_ACCENTED.findall(text))


def _bytes_of(codec: str, low: str, high: str) -> bytes:
    """The bytes that ``codec`` reads as a character from ``low`` to ``high``."""
    found = []
    for byte in range(256):
        char = bytes([byte]).decode(codec, errors="ignore")
        if char and low <= char <= high:
            found.append(byte)
    return bytes(found)


@dataclass(frozen=True)
class _CodePage:
    """What a legacy Arabic code page reads as Arabic letters and as accented Latin ones, as
    byte classes: the bytes are scored before they are decoded, at C speed."""

    name: str
    not_arabic: bytes
    not_accented: bytes
    lone: re.Pattern[bytes]
    mixed: re.Pattern[bytes]

    @classmethod
    def of(cls, name: str) -> _CodePage:
        arabic = _bytes_of(name, "\u0621", "\u064a")
        accented = _bytes_of(name, "\u00c0", "\u00ff")
        letter = b"[" + b"".join(b"\\x%02x" % b for b in arabic) + b"]"
        # A code page read wrongly gives lone Arabic letters, next to symbols ("آ©") or inside
        # Latin words ("Rىgions"); read rightly, Arabic letters make words. (Each pattern
        # starts with the letter, so that re scans for it at C speed.)
        return cls(
            name=name,
            not_arabic=bytes(b for b in range(256) if b not in arabic),
            not_accented=bytes(b for b in range(256) if b not in accented),
            lone=re.compile(letter + b"(?<!" + letter + letter + b")(?!" + letter + b")"),
            mixed=re.compile(letter + b"(?:(?<=[A-Za-z].)|(?=[A-Za-z]))", re.S),
        )

    def score(self, data: bytes) -> int:
        """Letters in Arabic words, less lone letters glued to Latin ones and accented Latin."""
        letters = len(data.translate(None, self.not_arabic))
        accented = len(data.translate(None, self.not_accented))
        lone, mixed = len(self.lone.findall(data)), len(self.mixed.findall(data))
        return letters - lone - 3 * mixed - 3 * accented


_LEGACY_ARABIC: Final = (_CodePage.of("cp1256"), _CodePage.of("iso8859_6"))


def _legacy_arabic(data: bytes) -> Decoded | None:
    """cp1256 or ISO-8859-6, whichever reads as more Arabic words (None if neither does)."""
    best: tuple[int, str, str] | None = None
    for page in _LEGACY_ARABIC:
        name = page.name
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = page.score(data)
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is None or best[0] <= 0:
        return None
    return Decoded(best[2], best[1], [f"decoded as {best[1]} (detected)"])


def _reads_as_arabic(text: str) -> bool:
    """Whether text decoded from a single-byte code page reads as Arabic: its bytes past ASCII
    make words of Arabic letters (a German page read as cp1256 has an Arabic letter here and
    there: ä is ن, ß is ك)."""
    words = _ARABIC_WORD.findall(text)
    letters = sum(map(len, words))
    beyond_ascii = len(text.encode("utf-8", "surrogatepass")) - len(text)
    return len(words) >= _ARABIC_WORDS and letters >= _MOSTLY_ARABIC * beyond_ascii


def _declared(data: bytes, codec: str) -> Decoded | None:
    """``data`` in the declared ``codec`` (None when it does not decode), checked against the
    bytes: a Latin code page on bytes that cp1256 or ISO-8859-6 read as Arabic words is a
    wrong label (a cp1256 page served as iso-8859-1), noted and corrected."""
    try:
        text = data.decode(codec)
    except UnicodeError:  # UnicodeDecodeError, or a codec's own failure
        return None
    if codec in _LATIN_CODE_PAGES:
        legacy = _legacy_arabic(data)
        if legacy is not None and _reads_as_arabic(legacy.text):
            note = f"declared {codec}, but the bytes read as {legacy.encoding}: decoded as such"
            return Decoded(legacy.text, legacy.encoding, [note])
    return Decoded(text, codec)


def _web_1252(text: str) -> bytes:
    """The bytes behind text decoded as windows-1252 the way browsers and WHATWG decoders do
    it (cp1252, with its five undefined bytes kept as C1 controls)."""
    return text.translate(_CP1252_BYTES).encode("latin-1")


def _redecoded(text: str) -> tuple[str, str] | None:
    """``text`` encoded back the way it was wrongly decoded and decoded as UTF-8, when that
    gives more Arabic; with the name of the wrong decoding."""
    for legacy in ("cp1252", "latin-1", "windows-1252"):
        try:
            raw = _web_1252(text) if legacy == "windows-1252" else text.encode(legacy)
            fixed = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _arabic_score(fixed) > _arabic_score(text):
            return fixed, legacy
    return None


def repair_mojibake(text: str) -> Decoded | None:
    """Arabic UTF-8 that was decoded as Latin-1/cp1252 (``Ø§Ù„``), decoded again properly:
    the whole text, else line by line (a page that joined a garbled part to a clean one)."""
    head = text[:20000]
    if not any(lead in head for lead in _MOJIBAKE_LEADS):  # four fast scans, most pages stop
        return None
    if _MOJIBAKE.search(head) is None or len(_MOJIBAKE.findall(head)) < 3:
        return None
    whole = _redecoded(text)
    if whole is not None:
        return Decoded(
            whole[0], "utf-8", [f"repaired UTF-8 text that had been decoded as {whole[1]}"]
        )
    lines = text.split("\n")  # not splitlines(): U+0085 and U+001C-U+001E are mojibake here
    repaired = 0
    for number, line in enumerate(lines):
        fixed = _redecoded(line) if _MOJIBAKE.search(line) is not None else None
        if fixed is not None:
            lines[number] = fixed[0]
            repaired += 1
    if not repaired:
        return None
    note = (
        "repaired UTF-8 text that had been decoded as Latin-1 or cp1252 "
        f"({repaired} of {len(lines)} lines)"
    )
    return Decoded("\n".join(lines), "utf-8", [note])


def _check_text(
    text: str,
    encoding: str,
    notes: list[str],
    *,
    no_controls: bool = False,
    utf8: bytes | None = None,
) -> Decoded:
    """Refuse text that is binary data, remove control characters, repair mojibake;
    ``no_controls`` when the caller knows the text has no control character; ``utf8``: the
    text's UTF-8, kept when the text comes out unchanged."""
    # (a search for the character is many times faster than counting it: most pages have none)
    bad = text.count(_UNDECODABLE) if _UNDECODABLE in text else 0
    if text and bad / len(text) > 0.1:
        raise InputError(f"input is not text: {bad} undecodable characters in {len(text)}")
    has_controls = not no_controls and _CONTROL.search(text) is not None
    controls = len(_CONTROL.findall(text)) if has_controls else 0
    if text and controls / len(text) > 0.05:
        raise InputError("input is not text: it is mostly control characters (binary data?)")
    if controls:
        text = _CONTROL.sub("", text)
        notes = [*notes, f"removed {controls} control characters (NUL and the like)"]
        utf8 = None
    repaired = repair_mojibake(text)
    if repaired is not None:
        return Decoded(repaired.text, encoding, [*notes, *repaired.notes])
    return Decoded(text, encoding, notes, utf8)


def decode_text(text: str) -> Decoded:
    """A str input: replace lone surrogates (decoded bytes never hold them), remove control
    characters and repair mis-decoded Arabic. Encoding the text as UTF-8 (which the HTML
    parser needs anyway) finds both surrogates and control characters faster than a scan."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # only lone surrogates fail
        text, count = _SURROGATE.subn(_UNDECODABLE, text)
        return _check_text(text, "str", [f"replaced {count} lone surrogates with U+FFFD"])
    return _utf8_checked(text, data, "str", [])


def has_control_bytes(data: bytes) -> bool:
    """Whether ``data`` holds one of _CONTROL_BYTES: one search for each (memchr, a small
    fraction of an instruction a byte) costs a third of what removing them all costs
    (``data.translate(None, _CONTROL_BYTES)``, a pass over every byte): 3 M instructions instead
    of 10 M a round of the HTML dev pages. Each byte is searched for as an int: a one-byte
    bytes needle is first tried as an int, and the TypeError that makes (its message
    formatted) cost most of a search, 16.7 us a page of the text fixtures in all, compiled."""
    return any(byte in data for byte in _CONTROL_BYTES)


def _utf8_checked(text: str, data: bytes, encoding: str, notes: list[str]) -> Decoded:
    """:func:`_check_text` for text that ``data`` is the UTF-8 of; the bytes are kept when
    the text comes out unchanged."""
    return _check_text(text, encoding, notes, no_controls=not has_control_bytes(data), utf8=data)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode page bytes (see the module docstring for the order)."""
    what = sniff_binary(data)
    if what is not None:
        raise InputError(f"input is {what}, not an HTML page or text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name, errors="replace")
            return _check_text(text, name, [])
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _check_text(
            data.decode(utf16, errors="replace"), utf16, [f"decoded as {utf16} (no BOM)"]
        )
    declared = [encoding] if encoding else []
    meta = _META_CHARSET.search(data[:8192])
    if meta is not None:
        declared.append(meta.group("name").decode("ascii", "replace"))
    try:
        # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever a header says: legacy Arabic
        # text practically never forms valid UTF-8 sequences.
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _not_utf8(data, declared)
    named = sorted(c for c in (_lookup(name) for name in declared) if c and c != "utf-8")
    notes = (
        [f"declared {named[0]}, but the bytes are UTF-8"] if named and not data.isascii() else []
    )
    return _utf8_checked(text, data, "utf-8", notes)


def _not_utf8(data: bytes, declared: list[str]) -> Decoded:
    """Bytes that are not strict UTF-8: nearly UTF-8, a declared encoding, a legacy Arabic
    code page, else windows-1252."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_UNDECODABLE)
    if _cut_utf8(data):
        return _check_text(text, "utf-8", ["UTF-8 cut inside its last character"])
    if len(data) - len(text) >= _MOSTLY_UTF8 * bad:
        # UTF-8 with a few broken sequences (a stray byte) is still UTF-8: read as a legacy
        # code page, all of its Arabic would be mojibake.
        return _check_text(text, "utf-8", [f"{bad} invalid UTF-8 sequences replaced with U+FFFD"])
    for name in declared:
        codec = _lookup(name)
        found = _declared(data, codec) if codec is not None else None
        if found is not None:
            return _check_text(found.text, found.encoding, found.notes)
    legacy = _legacy_arabic(data)
    if legacy is not None:
        return _check_text(legacy.text, legacy.encoding, legacy.notes)
    # What browsers do with a page that names no charset (outside an Arabic locale); its five
    # undefined bytes are kept as C1 controls, as they do.
    text, _ = codecs.charmap_decode(data, "strict", _WEB_1252)
    return _check_text(text, "cp1252", ["decoded as windows-1252 (not UTF-8, no Arabic)"])


def _cut_utf8(data: bytes) -> bool:
    """UTF-8 whose only fault is its last character, cut short (a truncated download), with
    at least one whole multi-byte character before it."""
    try:
        head = codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return not head.isascii()
