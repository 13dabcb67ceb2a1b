"""The static HTML report: one self-contained file, no JavaScript, everything escaped.

``render_report`` turns the plain dicts a report query returns into a view
model (every field present, every value a display string, every link checked)
and renders it with Jinja2 under ``autoescape=True``. Text from articles is
hostile input: it is only ever escaped, and only ``http``/``https`` URLs
become links — ``javascript:``, ``data:`` and relative URLs are shown as text.
A Content-Security-Policy in the page forbids scripts as a second line of
defence.
"""

from __future__ import annotations

import base64
import functools
import math
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import jinja2

from backchannel.report._html_template import TEMPLATE

STATUSES = ("active", "dormant", "severed")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
COUNT_LABELS = (
    ("documents", "documents"),
    ("events", "events"),
    ("role_changes", "role changes"),
    ("actors", "actors"),
    ("skipped", "skipped inputs"),
)


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.from_string(TEMPLATE)


def render_report(data: dict[str, Any]) -> str:
    """The HTML report for ``data`` (see the keys below); missing keys render as empty.

    Keys: ``title``, ``generated``, ``as_of``, ``db``, ``counts``, ``channels``,
    ``events``, ``role_changes``, ``skipped`` and ``timeline_png`` (PNG bytes
    or ``None``). Of ``events`` only those not asserted are listed; asserted
    ones appear as channel evidence and in the timeline.
    """
    return _template().render(**view_model(data))


def view_model(data: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as display strings with defaults filled in."""
    channels = [_channel(c) for c in _dicts(data.get("channels"))]
    skipped = [
        {
            "origin": _text(s.get("origin")),
            "reason": _text(s.get("reason")),
            "detail": _text(s.get("detail")),
        }
        for s in _dicts(data.get("skipped"))
    ]
    reasons = Counter(s["reason"] or "unknown" for s in skipped)
    return {
        "title": _text(data.get("title")) or "backchannel report",
        "generated": _text(data.get("generated")),
        "as_of": _text(data.get("as_of")) or "—",
        "db": _text(data.get("db")),
        "counts": _counts(_mapping(data.get("counts")), channels),
        "timeline": _png_uri(data.get("timeline_png")),
        "channels": channels,
        "role_changes": [_role_change(r) for r in _dicts(data.get("role_changes"))],
        "not_asserted": [
            _event(e)
            for e in _dicts(data.get("events"))
            if _text(e.get("modality")) not in ("", "asserted")
        ],
        "skipped": skipped,
        "skip_reasons": [{"reason": r, "count": n} for r, n in reasons.most_common()],
        "brokers": [
            {
                "name": _text(b.get("name")),
                "group": _text(b.get("group")),
                "roles": {k: _count(v) for k, v in _mapping(b.get("roles")).items()},
                "z": _number(_mapping(b.get("z")).get("total")),
                "bridges": ", ".join(_text(x) for x in (b.get("bridges") or [])),
            }
            for b in _dicts(data.get("brokers"))[:15]
        ],
        "capacity": _capacity(_mapping(data.get("capacity"))),
        "breaks": [
            {
                "date": _text(b.get("date")),
                "kind": _text(b.get("kind")),
                "series": _text(b.get("series")),
                "label": _text(b.get("label")),
                "evidence": [_text(e.get("sentence")) for e in _dicts(b.get("evidence"))[:3]],
            }
            for b in _dicts(data.get("breaks"))
        ],
    }


def _capacity(cap: Mapping[str, Any]) -> dict[str, Any] | None:
    if not cap:
        return None
    return {
        "source": _text(_mapping(cap.get("source")).get("name")),
        "target": _text(_mapping(cap.get("target")).get("name")),
        "count": _count(cap.get("capacity")),
        "routes": [_text(r.get("text")) for r in _dicts(cap.get("routes"))],
        "notes": [_text(n) for n in (cap.get("notes") or [])],
    }


def safe_href(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL safe to put in ``href``, else ``None``."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return None  # browsers drop tabs and newlines inside schemes: "java\tscript:"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# --- view-model pieces -----------------------------------------------------------------------


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple):
        return []
    return [v for v in value if isinstance(v, Mapping)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return str(value)


def _number(value: Any, digits: int = 2) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _text(value) or "—"
    if not math.isfinite(value):
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.{digits}f}"


def _count(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return _number(value, 0)


def _counts(counts: Mapping[str, Any], channels: list[dict[str, Any]]) -> list[dict[str, str]]:
    shown = [{"label": label, "value": _count(counts.get(key, 0))} for key, label in COUNT_LABELS]
    by_status = Counter(c["status"] for c in channels)
    shown.append({"label": "channels", "value": _count(len(channels))})
    shown += [{"label": f"{s} channels", "value": _count(by_status.get(s, 0))} for s in STATUSES]
    return shown


def _interval(value: Any) -> dict[str, str]:
    date = _mapping(value)
    start, end = _text(date.get("start")), _text(date.get("end"))
    precision = _text(date.get("precision"))
    if not start:
        return {"text": "undated", "precision": ""}
    text = start if end in ("", start) else f"{start} – {end}"
    return {"text": text, "precision": "" if precision in ("", "day") else precision}


def _party(value: Any) -> dict[str, str]:
    party = _mapping(value)
    meta = " · ".join(_text(party.get(k)) for k in ("country", "sector") if party.get(k))
    return {"name": _text(party.get("name")) or "?", "meta": meta}


def _kind(item: Mapping[str, Any]) -> str:
    return " / ".join(_text(item.get(k)) for k in ("type", "mode") if item.get(k))


def _link(item: Mapping[str, Any]) -> dict[str, str | None]:
    url = _text(item.get("url")).strip()
    href = safe_href(url)
    title = _text(item.get("title")).strip()
    label = title or (url if href else "") or "source"
    return {
        "href": href,
        "label": label,
        "url": "" if href or url == label else url,
        "doc_id": _text(item.get("doc_id")),
    }


def _channel(channel: Mapping[str, Any]) -> dict[str, Any]:
    status = _text(channel.get("status")) or "unknown"
    return {
        "a": _party(channel.get("a")),
        "b": _party(channel.get("b")),
        "status": status,
        "status_class": f"status-{status}" if status in STATUSES else "status-unknown",
        "reason": _text(channel.get("reason")),
        "first_contact": _text(channel.get("first_contact")) or "—",
        "last_contact": _text(channel.get("last_contact")) or "—",
        "events": _count(channel.get("events", 0)),
        "strength": _number(channel.get("strength")),
        "named": bool(channel.get("named")),
        "name": _text(channel.get("name")),
        "evidence": [
            {
                "date": _text(ev.get("date")) or "undated",
                "kind": _kind(ev),
                "sentence": _text(ev.get("sentence")),
                "source": _link(ev),
            }
            for ev in _dicts(channel.get("evidence"))
        ],
    }


def _role_change(change: Mapping[str, Any]) -> dict[str, Any]:
    actor = _mapping(change.get("actor"))
    return {
        "date": _interval(change.get("date")),
        "name": _text(actor.get("name")) or "?",
        "country": _text(actor.get("country")),
        "change": _text(change.get("change")),
        "role": _text(change.get("role")),
        "sentence": _text(change.get("sentence")),
        "doc_id": _text(change.get("doc_id")),
    }


def _event(event: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "modality": _text(event.get("modality")),
        "date": _interval(event.get("date")),
        "source": _party(event.get("source"))["name"],
        "target": _party(event.get("target"))["name"],
        "kind": _kind(event),
        "sentence": _text(event.get("sentence")),
        "sources": [_link(s) for s in _dicts(event.get("sources"))],
    }


def _png_uri(value: Any) -> str | None:
    if not isinstance(value, bytes | bytearray) or not bytes(value).startswith(PNG_MAGIC):
        return None  # only our own PNG goes into a data: URI, never arbitrary bytes
    return "data:image/png;base64," + base64.b64encode(bytes(value)).decode("ascii")
