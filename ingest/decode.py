"""Bytes to clean Unicode text: encoding detection, rejection of binary data, normalisation.

Vietnamese news reaches us as UTF-8 (with or without a BOM), UTF-16 from Windows tools, and the
legacy code page Windows-1258, which writes tone marks as separate combining characters. All of
it must end up as the same NFC text, or the gazetteer and every regex downstream would see two
spellings of one word. Anything that is not text is refused here with a one-line reason, so the
extractor never has to guess what it is looking at.

The order of attempts matters and is cheapest-first: BOMs are certain, strict UTF-8 is almost
certain (random legacy bytes are practically never valid UTF-8), Windows-1258 is checked for
Vietnamese plausibility, and only then is charset-normalizer asked what else the bytes might be,
to say so in the rejection.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer

__all__ = ["DecodeError", "Decoded", "decode_bytes", "normalise_text"]


class DecodeError(ValueError):
    """The bytes are not text we can read; `str(err)` is a one-line reason for the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# Leading bytes of common binary formats: naming the format makes the rejection actionable.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document (DOC/XLS)"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media file"),
    (b"wOFF", "web font"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"BZh", "bzip2 archive"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0/C1 control characters that never occur in prose (tab, newline, CR and form feed do).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85\x0c\x0b]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Anything one of the four patterns above would touch, found in a single scan.
_UNUSUAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
)

# Every precomposed letter Vietnamese writes, lower and upper case. Windows-1258 text, once
# decoded and composed, uses these and little else outside ASCII; mis-decoded CJK or binary
# data does not.
_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VIETNAMESE_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())
# Typographic punctuation Windows-1258 provides in 0x80-0x9F and that real articles use.
_CP1258_PUNCT = frozenset("“”‘’–—…•€‚„†‡‰‹›™«»°±×·§©®")

_SNIFF = 65536


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode `data` to NFC text or raise `DecodeError` saying why it is not text.

    `declared` is an encoding the container named (an HTML `<meta charset>`); it is tried
    before guessing but after BOMs and strict UTF-8, because pages often lie about it.
    """
    if not data:
        raise DecodeError("empty file")
    text, encoding, warnings = _decode(data, declared)
    if _UNUSUAL.search(text) is not None:  # rare: most articles skip the slow path
        controls = len(_CONTROL.findall(text))
        if controls > max(8, len(text) // 200):
            raise DecodeError(f"binary content: {controls} control characters after decoding as {encoding}")
        text = normalise_text(text)
    else:
        text = unicodedata.normalize("NFC", text)
    if not text or text.isspace():  # `not text.strip()`, without copying the text
        raise DecodeError("empty file (only whitespace)")
    return Decoded(text, encoding, warnings)


def normalise_text(text: str) -> str:
    """One canonical form: LF newlines, plain spaces, no invisible characters, NFC.

    Offsets of every segment and fact are into this text, so it must be computed once, here.
    """
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, declared: str | None) -> tuple[str, str, list[str]]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(name), name if name != "utf-8" else "utf-8-sig", []
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"undecodable: starts with a {name} byte-order mark but {err.reason}"
                ) from None

    head = data[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise DecodeError(f"binary file ({what})")

    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("binary file (contains NUL bytes)")

    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass

    if declared:
        declared_text = _try_declared(data, declared)
        if declared_text is not None:
            return declared_text, declared, []

    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8

    try:
        legacy = data.decode("cp1258")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and _plausible_legacy(legacy):
        return legacy, "cp1258", []

    return _guess(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 without a BOM shows NULs in every other byte for ASCII letters and spaces."""
    sample = data[: _SNIFF - (_SNIFF % 2)]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    name = None
    if odd > 0.3 and even < 0.05:
        name = "utf-16-le"
    elif even > 0.3 and odd < 0.05:
        name = "utf-16-be"
    if name is None or len(data) % 2:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return text, name, [f"no byte-order mark; decoded as {name.upper()}"]


def _try_declared(data: bytes, declared: str) -> str | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in {"utf-8", "ascii"}:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if _plausible_legacy(text) else None


def _mostly_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """Accept UTF-8 with a few corrupt bytes (a truncated copy, one bad paste) with a warning.

    Legacy-encoded Vietnamese fails UTF-8 on nearly every accented letter; real UTF-8 with a
    stray byte fails once or twice among thousands of good multi-byte sequences.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if good >= 20 and bad * 50 <= good:
        return text, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"]
    return None


def _plausible_legacy(text: str) -> bool:
    """True if an 8-bit decode reads as Vietnamese (or plain Western) prose, not mojibake.

    After NFC, real Windows-1258 Vietnamese has only Vietnamese letters and a little
    typographic punctuation outside ASCII. CJK, Cyrillic or binary bytes read as 1258 give
    other letters (Ä, Æ, Ð ...), symbols, and combining marks left over on consonants.
    """
    composed = unicodedata.normalize("NFC", text)
    vietnamese = other_letters = stray = 0
    for ch in composed:
        if ord(ch) < 0x80:
            continue
        if ch in VIETNAMESE_LETTERS:
            vietnamese += 1
        elif ch in _CP1258_PUNCT:
            continue
        elif ch.isalpha():
            other_letters += 1
        else:
            stray += 1
    total = vietnamese + other_letters + stray
    return stray <= 0.03 * total and other_letters <= vietnamese


def _guess(data: bytes) -> tuple[str, str, list[str]]:
    """Refuse the bytes, naming the encoding charset-normalizer sees when it is confident.

    Its guesses are not accepted: for Vietnamese news any encoding other than the ones above
    means a wrong file or mojibake, and a Cyrillic reading of corrupt bytes is worse than a
    clear refusal. The guess still tells the user what the file probably is.
    """
    best = charset_normalizer.from_bytes(data[: 4 * _SNIFF]).best()
    hint = ""
    if best is not None and best.encoding and best.chaos <= 0.1 and best.coherence >= 0.2:
        hint = f"; it looks like {best.encoding}"
    raise DecodeError(f"undecodable: not valid UTF-8, UTF-16 or Windows-1258 text{hint}")
