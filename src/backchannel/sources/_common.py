"""What every reader shares: bounded reads, binary sniffing, decoding, dates.

Decoding order, for bytes that do not say what they are:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins;
2. strict UTF-8 (by far the most common, and it almost never decodes by accident);
3. a charset the file declares (``<meta charset>``, ``<?xml encoding>``), if it decodes;
4. a multi-byte legacy encoding (GB18030, Big5, Shift-JIS, EUC-*) when
   charset-normalizer is confident: Chinese-language pages are part of the job;
5. mixed: UTF-8 with some cp1252 bytes pasted in (a quote copied from an old
   page), when the file holds real UTF-8 characters too — each stray byte is
   read as cp1252, so neither part turns into mojibake;
6. cp1252, then latin-1 — the usual Western fallback — if the result is text
   and not a mess of control characters.

Short Western text is where detectors guess wrong (cp1250 for an English page
with one "é"), so they are only trusted for the multi-byte encodings that a
single-byte guess would mangle. Only when every step gives control-character
soup is the document skipped as ``undecodable``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from email.utils import parsedate_to_datetime
from pathlib import Path

import ftfy

from backchannel.model import Skip
from backchannel.nlp.dates import month_numbers

DEFAULT_MAX_BYTES = 5_000_000
_SNIFF = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MULTIBYTE = frozenset(
    {"gb18030", "gb2312", "gbk", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr",
     "cp949", "iso2022_jp", "hz"}
)  # fmt: skip
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MIXED = "utf-8+cp1252"
_STRAY = re.compile("[\udc80-\udcff]")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_FIRST = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
)
_DAY_FIRST = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})"
)


def too_large(origin: str, size: int, limit: int) -> Skip:
    return Skip(
        origin,
        "too-large",
        f"{size:,} bytes is over the {limit:,}-byte limit; raise max_bytes to read it",
    )


def read_bytes(path: Path, origin: str, max_bytes: int) -> bytes | Skip:
    """The whole file, or a Skip if it is unreadable, empty or over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return too_large(origin, size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Skip(origin, "unreadable", exc.strerror or str(exc))
    if len(data) > max_bytes:  # the file grew between stat and read
        return too_large(origin, len(data), max_bytes)
    if not data.strip():
        return Skip(origin, "empty", "the file has no text" if data else "the file is empty")
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16/32), or many control bytes, in the first 8 KiB."""
    head = data[:_SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return controls > 0.1 * max(len(head), 1)


def decode(data: bytes, origin: str) -> str | Skip:
    """Text from bytes, trying the encodings in the module docstring in order."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for candidate in (_declared(data), _multibyte_guess(data), _MIXED, "cp1252", "latin-1"):
        if candidate is None:
            continue
        try:
            text = _mixed_utf8(data) if candidate == _MIXED else data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if text is not None and _is_text(text):
            return text
    return Skip(origin, "undecodable", "not UTF-8, and no other encoding gives readable text")


def read_text(path: Path, origin: str, max_bytes: int, kind: str) -> str | Skip:
    """A file's decoded text, or the Skip saying why not (too large, binary, undecodable)."""
    data = read_bytes(path, origin, max_bytes)
    if isinstance(data, Skip):
        return data
    if looks_binary(data):
        return Skip(origin, "binary-file", f"NUL or control bytes: not {kind}")
    return decode(data, origin)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with each undecodable byte read as cp1252; None unless there is real UTF-8 in it."""
    text = data.decode("utf-8", "surrogateescape")
    if not any(c >= "\u0080" and not "\udc80" <= c <= "\udcff" for c in text):
        return None
    return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)


def _declared(data: bytes) -> str | None:
    found = _DECLARED.search(data[:4096])
    if found is None:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _multibyte_guess(data: bytes) -> str | None:
    # imported here: it is only needed for the rare non-UTF-8 file
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    return best.encoding if name in _MULTIBYTE else None


def _is_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:_SNIFF]
    junk = sum(
        1
        for c in sample
        if (c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc") or c == "\ufffd"
    )
    return junk <= 0.02 * len(sample)


def normalise_text(text: str) -> str:
    """Unix newlines, no BOM, no NUL, no surrounding blank space, no mojibake.

    Mojibake is UTF-8 that was once read as cp1252 or latin-1 and saved again
    ("Washingtonâ€™s" for "Washington’s"): scraped archives are full of it, and
    it splits a possessive from its name, so the parse loses the actor. ftfy
    undoes it only where the text reads as such a sequence; real accents and
    symbols ("café", "5€") stay as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return ftfy.fix_encoding(text.removeprefix("\ufeff")).strip()


def parse_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from the usual ways sources write one, else None.

    Accepts ISO dates and datetimes (the local date as written), ``YYYY/MM/DD``,
    ``YYYYMMDD``, "May 10, 2019", "10 May 2019" and RFC 2822 ("Fri, 10 May 2019
    08:00:00 GMT"). Month names are English and matched without the locale.
    """
    value = value.strip()
    if not value:
        return None
    for pattern in (_ISO, _SLASHED, _COMPACT):
        m = pattern.match(value)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    months = month_numbers()
    m = _MONTH_FIRST.match(value)
    if m and m.group(1).casefold() in months:
        return _iso(int(m.group(3)), months[m.group(1).casefold()], int(m.group(2)))
    m = _DAY_FIRST.match(value)
    if m and m.group(2).casefold() in months:
        return _iso(int(m.group(3)), months[m.group(2).casefold()], int(m.group(1)))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
