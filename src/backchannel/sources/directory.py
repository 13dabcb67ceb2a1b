"""Directories: every file below, recursively, in sorted order, one directory at a time.

Hidden files and directories (name starting with ".") are passed over without
a Skip: they are version-control and editor state, not articles. A symlink
is followed only if it stays inside the directory given; one that leaves it
is ``Skip(reason="symlink-outside-input")`` (a link to /etc must not make us
read it), and a dangling one is ``Skip(reason="broken-symlink")``. A directory
reached twice through links is read once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from backchannel.model import Document, Skip
from backchannel.sources._common import DEFAULT_MAX_BYTES
from backchannel.sources.files import read_file


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """Documents and Skips from every file under ``path``."""
    root = path.resolve()
    seen: set[Path] = {root}
    yield from _walk(path, root, seen, max_bytes)


def _walk(
    directory: Path, root: Path, seen: set[Path], max_bytes: int
) -> Iterator[Document | Skip]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield Skip(str(directory), "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        child = directory / entry.name
        if entry.is_symlink():
            target = child.resolve()
            if not target.exists():
                yield Skip(str(child), "broken-symlink", f"points to {os.readlink(child)}")
                continue
            if not target.is_relative_to(root):
                yield Skip(
                    str(child),
                    "symlink-outside-input",
                    f"points to {target}, outside {root}; copy the file in to read it",
                )
                continue
        if entry.is_dir():
            real = child.resolve()
            if real in seen:
                continue  # a link back into a directory already read
            seen.add(real)
            yield from _walk(child, root, seen, max_bytes)
        elif entry.is_file():
            yield from read_file(child, max_bytes=max_bytes)
        else:
            yield Skip(
                str(child), "unsupported-file-type", "not a regular file (socket, pipe or device)"
            )
