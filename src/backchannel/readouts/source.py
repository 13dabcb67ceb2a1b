"""Read a readout from disk: the one place this package opens a user's file."""

from __future__ import annotations

from pathlib import Path

from backchannel.errors import SourceError
from backchannel.readouts.records import ReadoutText


def read_readout(
    path: str | Path, *, label: str | None = None, side: str = "", published: str | None = None
) -> ReadoutText:
    """A ``ReadoutText`` from a UTF-8 text file; the label defaults to the file name."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(f"{file}: no such file; give the path of a readout text file") from None
    except UnicodeDecodeError:
        raise SourceError(f"{file}: not UTF-8 text; convert it (e.g. iconv -t UTF-8)") from None
    except OSError as exc:
        raise SourceError(f"{file}: cannot be read ({exc.strerror})") from None
    if not text.strip():
        raise SourceError(f"{file}: the file is empty; a readout needs its text")
    first_line = text.strip().splitlines()[0].strip()
    return ReadoutText(
        text=text,
        label=label or file.stem,
        side=side,
        published=published,
        title=first_line if len(first_line) < 200 else "",
    )
