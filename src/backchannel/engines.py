"""Where extraction runs: in this process, in a local process pool, or on Dask.

    InProcessEngine   Extractor.process_batch here (the default of ``pipeline.run``)
    PoolEngine        N local worker processes; each builds its Extractor once
    DaskEngine        a Dask distributed cluster (an address, or ``local:N``)

Every engine has one method, ``map_batches(settings, batches)``: it takes the
batches of documents lazily from the caller, keeps only a few of them in
flight (two per worker), and yields one result list per batch, in the order
the batches came. Workers return records and never touch the DuckDB file;
the driver alone writes, so results are identical row for row whichever
engine ran them.

A worker loads the spaCy model once: ``extractor_for(settings)`` caches one
``Extractor`` per ``Settings`` in the worker process. The pool initializer and
``Client.run`` on Dask fill that cache before the first batch arrives; a Dask
worker that joins later fills it on its first task. ``Settings`` carries the
KB files and PETRARCH dictionaries by path, so every worker builds the same
pipeline (reading parsed dictionaries from the disk cache of ``kb/dictcache``).
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from backchannel.errors import UsageError
from backchannel.model import Document, Extraction, Skip

if TYPE_CHECKING:
    from backchannel.pipeline import Extractor, Settings

Results = list[Extraction | Skip]

# One Extractor per settings in each process: a worker keeps its model between batches.
_EXTRACTORS: dict[Settings, Extractor] = {}


class Engine(Protocol):
    """Runs ``Extractor.process_batch`` over a stream of batches, results in input order."""

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[Results]: ...


def extractor_for(settings: Settings) -> Extractor:
    """The process's Extractor for ``settings``, built (model loaded) on first use."""
    from backchannel.pipeline import Extractor

    extractor = _EXTRACTORS.get(settings)
    if extractor is None:
        extractor = _EXTRACTORS[settings] = Extractor(settings)
    return extractor


def extract_batch(settings: Settings, documents: list[Document]) -> Results:
    """The task a worker runs: one batch through the cached Extractor."""
    if not documents:
        return []
    return extractor_for(settings).process_batch(documents)


def _warm(settings: Settings) -> None:
    extractor_for(settings)


def _warm_single_threaded(settings: Settings) -> None:
    """Pool initializer: the model, then one native thread per worker process.

    numpy's BLAS and torch's OpenMP pool each start a thread per core; with one worker
    process per core those threads only compete with the other workers.
    """
    import sys

    _warm(settings)  # first, so the libraries the model loads are limited too
    try:
        # Typed as Any: threadpoolctl (installed with scikit-learn and others) has no stubs.
        threadpoolctl: Any = importlib.import_module("threadpoolctl")
    except ImportError:  # not installed: the libraries keep their defaults
        pass
    else:
        threadpoolctl.threadpool_limits(1)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


@dataclass(frozen=True, slots=True)
class InProcessEngine:
    """Extraction in the calling process, one batch at a time."""

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[Results]:
        for batch in batches:
            yield extract_batch(settings, batch)


@dataclass(frozen=True, slots=True)
class PoolEngine:
    """A local pool of ``workers`` processes (spawned, so no DuckDB or model state is forked).

    A worker is replaced after ``batches_per_worker`` batches: spaCy's string store
    grows with every new token string, so a long run would otherwise grow without bound
    (measured: ~24 MB per 1,000 articles, ``benchmarks/rss_trace.py``). The default
    starts a new worker (importing spaCy and loading the model, 5–10 s, 2–3 % of a
    worker's time) every 3,200 articles at ``run``'s batch size, so a worker's peak
    stops where it is after the first 3,200 articles.
    """

    workers: int
    batches_per_worker: int = 100

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise UsageError(f"--workers must be at least 1, not {self.workers}")
        if self.batches_per_worker < 1:
            raise UsageError(
                f"batches_per_worker must be at least 1, not {self.batches_per_worker}"
            )

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[Results]:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_warm_single_threaded,
            initargs=(settings,),
            max_tasks_per_child=self.batches_per_worker,
        ) as pool:

            def submit(batch: list[Document]) -> Future[Results]:
                return pool.submit(extract_batch, settings, batch)

            yield from _ordered(batches, submit, _result, window=2 * self.workers)


@dataclass(frozen=True, slots=True)
class DaskEngine:
    """A Dask distributed cluster: ``tcp://host:8786`` or ``local:N`` for a LocalCluster."""

    address: str

    def __post_init__(self) -> None:
        if self.address.startswith("local:"):
            n = self.address.removeprefix("local:")
            if not n.isdigit() or int(n) < 1:
                raise UsageError(
                    f"--dask {self.address}: use local:N with N ≥ 1 workers, "
                    "or a scheduler address such as tcp://127.0.0.1:8786"
                )

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[Results]:
        try:
            # Typed as Any: distributed is an optional dependency without complete stubs.
            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise UsageError(
                'Dask is not installed: pip install "dask[distributed]" (or use --workers N)'
            ) from exc
        cluster: Any = None
        if self.address.startswith("local:"):
            n = int(self.address.removeprefix("local:"))
            cluster = distributed.LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = distributed.Client(cluster)
        else:
            try:
                client = distributed.Client(self.address, timeout="30s")
            except OSError as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {self.address}: {exc}"
                ) from exc
        try:
            # Load the model on every worker now, not inside the first task of each.
            client.run(_warm, settings)
            workers = max(1, len(client.scheduler_info().get("workers", {})))

            def submit(batch: list[Document]) -> Any:
                return client.submit(extract_batch, settings, batch, pure=False)

            yield from _ordered(batches, submit, _result, window=2 * workers)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _result(future: Any) -> Results:
    result: Results = future.result()
    return result


def _ordered(
    batches: Iterable[list[Document]],
    submit: Any,
    wait: Any,
    *,
    window: int,
) -> Iterator[Results]:
    """Submit batches lazily, at most ``window`` in flight; yield results in input order."""
    in_flight: deque[Any] = deque()
    for batch in batches:
        in_flight.append(submit(batch))
        if len(in_flight) >= window:
            yield wait(in_flight.popleft())
    while in_flight:
        yield wait(in_flight.popleft())


def engine_for(workers: int | None = None, dask: str | None = None) -> Engine | None:
    """The engine for ``--workers N`` / ``--dask ADDR`` (None: in-process, the default)."""
    if workers is not None and dask is not None:
        raise UsageError("--workers and --dask do not go together: use one of them")
    if dask is not None:
        return DaskEngine(dask)
    if workers is not None and workers > 1:
        return PoolEngine(workers)
    return None
