"""A disk cache of parsed dictionary records, so worker processes skip the parse.

Entries live under ``$XDG_CACHE_HOME/backchannel/dictionaries`` (default
``~/.cache``), one ``marshal`` file per key. The key hashes the dictionary's
bytes, the caller's extra inputs, the reader's own code and CAMEO table, and
the Python version (marshal's format is Python's own): any change makes a new
entry. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from backchannel.kb import petrarch


def directory() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "backchannel" / "dictionaries"


def key(data: bytes, extra: Iterable[str]) -> str:
    """The cache key of a dictionary's bytes read with ``extra`` inputs (e.g. the KB's states)."""
    digest = hashlib.sha256(data)
    digest.update("\x1f".join(extra).encode("utf-8"))
    digest.update(Path(petrarch.__file__).read_bytes())
    digest.update(Path(__file__).with_name("dictionaries.py").read_bytes())
    digest.update(resources.files("backchannel").joinpath("data", "petrarch.yaml").read_bytes())
    digest.update(repr(sys.version_info[:2]).encode())
    return digest.hexdigest()


def load(name: str) -> Any | None:
    """The cached value, or None when there is none (or it cannot be read)."""
    try:
        return marshal.loads((directory() / name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(name: str, value: Any) -> None:
    """Write the value atomically; a failure to write only costs the next parse."""
    folder = directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as handle:
            handle.write(marshal.dumps(value))
        os.replace(handle.name, folder / name)
    except (OSError, ValueError):
        return
