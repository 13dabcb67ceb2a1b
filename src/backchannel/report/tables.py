"""Rows of plain dicts as a terminal table, JSON, JSON Lines or CSV.

Pure rendering: ``render`` takes the dicts a query returned and writes them to
a text stream. ``columns`` choose and order what the terminal table shows; the
machine formats (json, jsonl, csv) always carry every field, so nothing a
script might need is lost.

Values are made JSON-safe the same way in every machine format: dates and
datetimes become ISO strings, NaN and ±inf become null (empty in CSV), tuples
and sets become lists, ``Decimal`` becomes a float. CSV rows end in "\n", and
line breaks inside a cell are written as "\n" too.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import math
import os
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any, Literal, TextIO

from backchannel.errors import UsageError

FORMATS = ("table", "json", "jsonl", "csv")
ELLIPSIS = "…"
DEFAULT_MAX_WIDTH = 40  # auto-sized columns stop here so one long sentence cannot win the row

Getter = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the terminal table.

    ``get`` is a dotted path into the row (``"source.name"``) or a function of
    the row. ``width`` is in terminal cells; ``None`` sizes the column to its
    content, up to 40 cells. Longer cells are cut and end in "…".
    """

    header: str
    get: str | Getter
    width: int | None = None
    align: Literal["left", "right"] = "left"

    def value(self, row: Mapping[str, Any]) -> Any:
        if callable(self.get):
            return self.get(row)
        return lookup(row, self.get)


def render(
    rows: list[dict[str, Any]],
    fmt: str,
    *,
    columns: list[Column] | None = None,
    stream: TextIO,
) -> None:
    """Write ``rows`` to ``stream`` as ``table``, ``json``, ``jsonl`` or ``csv``.

    ``columns`` apply to ``table`` only; without them the table shows every
    (flattened) field. Raises ``UsageError`` for an unknown format before
    writing anything.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose table, json, jsonl or csv")
    if fmt == "json":
        _write_json(rows, stream)
    elif fmt == "jsonl":
        _write_jsonl(rows, stream)
    elif fmt == "csv":
        _write_csv(rows, stream)
    else:
        _write_table(rows, columns, stream)


def lookup(row: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` in nested mappings, or ``None`` when absent."""
    if path in row:
        return row[path]
    value: Any = row
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON types: ISO dates, null for NaN/inf, lists for tuples/sets."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v) for v in value), key=lambda v: (str(type(v)), str(v)))
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return jsonable(float(value))
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, uuid.UUID | PurePath):
        return str(value)
    raise TypeError(
        f"cannot render a {type(value).__name__} value; pass plain dicts, lists, "
        "strings, numbers, dates or None"
    )


# --- machine formats -------------------------------------------------------------------------


def _dumps(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, allow_nan=False, indent=indent)


def _write_json(rows: list[dict[str, Any]], stream: TextIO) -> None:
    stream.write(_dumps(rows, indent=2))
    stream.write("\n")


# Valid raw inside JSON strings, but str.splitlines() and some line readers break on them
_LINE_BREAKS_ESCAPED = {c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029)}


def _write_jsonl(rows: list[dict[str, Any]], stream: TextIO) -> None:
    for row in rows:
        stream.write(_dumps(row).translate(_LINE_BREAKS_ESCAPED))
        stream.write("\n")


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings as dotted keys (``source.name``); other values unchanged."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _union_keys(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _csv_cell(value: Any) -> str:
    plain = jsonable(value)
    if plain is None:
        return ""
    if isinstance(plain, str):
        # csv quotes a cell only for characters of the line terminator ("\n"): a bare "\r"
        # would go out unquoted and end the row for the reader, so line breaks become "\n"
        return plain.replace("\r\n", "\n").replace("\r", "\n")
    return json.dumps(plain, ensure_ascii=False)  # bools as true/false, lists as JSON


def _write_csv(rows: list[dict[str, Any]], stream: TextIO) -> None:
    flat = [flatten(row) for row in rows]
    headers = _union_keys(flat)
    if not headers:
        return
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(headers)
    for row in flat:
        writer.writerow([_csv_cell(row.get(h)) for h in headers])


# --- terminal table --------------------------------------------------------------------------


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: CJK names are two cells a character."""
    return sum(_char_width(c) for c in text)


def fit(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """``text`` cut to ``width`` cells (ending in "…") and padded to exactly ``width``."""
    if display_width(text) > width:
        kept: list[str] = []
        used = 0
        for char in text:
            w = _char_width(char)
            if used + w > width - 1:
                break
            kept.append(char)
            used += w
        text = "".join(kept) + ELLIPSIS
    pad = " " * max(0, width - display_width(text))
    return pad + text if align == "right" else text + pad


def _is_interval(value: Mapping[str, Any]) -> bool:
    return "start" in value and "end" in value and set(value) <= {"start", "end", "precision"}


def cell_text(value: Any) -> str:
    """A value as one line of table text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    if isinstance(value, Mapping):
        if _is_interval(value):
            start, end = value.get("start"), value.get("end")
            if start is None:
                return "undated"
            return str(start) if end in (None, start) else f"{start}..{end}"
        if "name" in value:
            return str(value["name"])
        return json.dumps(jsonable(value), ensure_ascii=False)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    # newlines and tabs would break the grid; other control characters (ESC …) in article
    # text could drive the terminal, so they are shown as U+FFFD
    text = " ".join(str(value).split())
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in text)


def _default_columns(rows: list[dict[str, Any]]) -> list[Column]:
    columns = []
    for key in _union_keys(flatten(row) for row in rows):
        numeric = all(
            isinstance(v, int | float | Decimal) and not isinstance(v, bool)
            for v in (lookup(row, key) for row in rows)
            if v is not None
        )
        columns.append(Column(key, key, align="right" if numeric else "left"))
    return columns


def _use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def _write_table(rows: list[dict[str, Any]], columns: list[Column] | None, stream: TextIO) -> None:
    cols = columns if columns is not None else _default_columns(rows)
    if not cols:
        stream.write("(no rows)\n")
        return
    cells = [[cell_text(col.value(row)) for col in cols] for row in rows]
    widths = []
    for i, col in enumerate(cols):
        if col.width is not None:
            widths.append(max(1, col.width))
            continue
        natural = max([display_width(col.header), *(display_width(r[i]) for r in cells)])
        widths.append(max(1, min(natural, DEFAULT_MAX_WIDTH)))

    colour = _use_colour(stream)
    bold, dim, reset = ("\x1b[1m", "\x1b[2m", "\x1b[0m") if colour else ("", "", "")
    gap = "  "
    header = gap.join(fit(c.header, w, c.align) for c, w in zip(cols, widths, strict=True))
    rule = gap.join("─" * w for w in widths)
    stream.write(f"{bold}{header.rstrip()}{reset}\n{dim}{rule}{reset}\n")
    for row_cells in cells:
        line = gap.join(
            fit(text, w, c.align) for text, c, w in zip(row_cells, cols, widths, strict=True)
        )
        stream.write(line.rstrip() + "\n")
    if not rows:
        stream.write("(no rows)\n")
