"""One exception tree for everything a user can cause.

    BackchannelError
     ├── SourceError      an input path, URL list, feed or line could not be read
     ├── KnowledgeBaseError  a KB file is missing or invalid
     ├── ModelError       the spaCy English model is not installed
     ├── StoreError       the DuckDB file cannot be opened, is locked, or is too new
     └── UsageError       options that do not fit together (bad date, unknown side …)

Every message says what went wrong and how to fix it, in one line; the CLI
prints it as ``error: …`` and exits with status 2. Per-document problems are
not exceptions that stop a run: they become ``Skip`` records with a reason.
"""

from __future__ import annotations


class BackchannelError(Exception):
    """Base of every error backchannel raises on purpose."""


class SourceError(BackchannelError):
    """An input could not be read."""


class KnowledgeBaseError(BackchannelError):
    """A knowledge-base file is missing or invalid."""


class ModelError(BackchannelError):
    """The spaCy English model is not available."""


class StoreError(BackchannelError):
    """The DuckDB store cannot be used."""


class UsageError(BackchannelError):
    """Options that do not make sense together."""
