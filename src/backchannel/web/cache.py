"""Answers computed once per store version: the slider's dates come back instantly.

The dashboard reads a store that ``backchannel run`` may be writing. A cached
value is keyed on a version of the store: the file's identity (inode, size and
modification time of the database file and of its write-ahead log,
``store.file_identity``). Whatever is read from the store to be kept is read
under a connection opened before that identity is taken: DuckDB lets no
writer in while a reader is open, so the identity and the data belong
together, and any later write changes the identity.

Four levels: the store's channel inputs (every communication record, roles,
departures), loaded once per version instead of once per request, with the
map's fixed positions, every actor's roles and a copy of the actors and roles
tables; the indexes built from them once per version and sides
(``ChannelIndex``: channels on any date; ``ArcIndex``: the brokers' network
on any date); the channels on a date (for the map, the channel list, one
channel's panel and the what-if) and the capacity between the leaders on it
(the what-if's "before", whatever actors are taken out); and whole encoded
JSON responses per (version, endpoint, parameters).

Each request first chooses its version (``pin``). After a write, building
the new version's levels takes a second or two at 20,000 events. Answers do
not wait for it: once one version is indexed (``ready``), a request for a
newer one is answered from the newest indexed version while a background
thread (``refresher``, set by the app) indexes the store as it now is,
pausing whenever a request is being served (``Priority``); ``pin`` says the
answer is from an older version, and the API says so in a header. The
server indexes the store before it listens; only when that failed (the
store unreadable then) does a request build what it needs itself. A request
answered from an indexed version needs no connection at all
(``store.DeferredStore`` connects on first use); one that does read the
store and finds it written since its version (``moved``) is answered but
not kept.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any
from weakref import WeakKeyDictionary

from backchannel.analysis.asof import ChannelIndex, Clipped
from backchannel.analysis.brokers import ArcIndex
from backchannel.analysis.capacity import Capacity, capacity
from backchannel.analysis.channels import Channel, ChannelInputs
from backchannel.store import Identity, SnapshotStore, Store, file_identity
from backchannel.web.fastjson import ChannelJSON
from backchannel.web.views import positions, roles_by_actor

PAUSE_MAX = 0.25  # seconds background indexing waits at most for requests to finish


def _settle() -> None:
    """Leave the objects alive now out of the cyclic garbage collector's full passes.

    The inputs and indexes of a store version are a few hundred thousand
    long-lived objects; every full collection would traverse them all again
    (a quarter of a new date's time at 20,000 events). Frozen objects are
    still freed by reference counting when the cache drops them; these hold
    no reference cycles. The young generations are collected first, so that
    cycles other threads just left are freed rather than frozen (a short
    pass: everything older is frozen already or still in use).
    """
    gc.collect(1)
    gc.freeze()


@contextlib.contextmanager
def _kept() -> Iterator[None]:
    """Compute something the cache keeps with the cyclic collector paused, then ``_settle``.

    A new date allocates a few hundred thousand objects (its channels, its
    network, the answer) that outlive the request in the cache: young
    collections during the computation find nothing to free, and later full
    ones would traverse them all again (40–60 ms a new date at 20,000 events).
    A collection first frees the cycles earlier requests left (an exception's
    traceback and frames, which may hold a response body): frozen, they would
    never be freed. It is short, as everything older is frozen already. The
    pause is process-wide; nested or concurrent computations leave it to the
    outermost one to end.
    """
    enabled = gc.isenabled()
    if enabled:
        gc.collect()
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            later = SETTLE_LATER.get()
            if later is None:
                settled()
            else:  # a request: settled once its answer is sent (``web.app.Serving``)
                later.append(True)


SETTLE_LATER: ContextVar[list[bool] | None] = ContextVar("settle_later", default=None)
"""Set by a request: ``_kept`` leaves the collector paused and says so here, for after the answer.

Settling walks every object the computation made (20 ms for a what-if at
20,000 events); the answer need not wait for it.
"""


def settled() -> None:
    """``_settle`` what a computation left alive, and turn the collector on again."""
    _settle()
    gc.enable()


class LRU:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def encode(data: Any) -> bytes:
    """Compact JSON, as FastAPI would send it (the values here are plain JSON types already)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


class Striped:
    """A fixed set of locks, one chosen per key.

    A second request for a key being computed waits for that answer instead of
    computing it again on a busy machine.
    """

    def __init__(self, n: int = 16) -> None:
        self._locks = [threading.Lock() for _ in range(n)]

    def __call__(self, key: Hashable) -> threading.Lock:
        return self._locks[hash(key) % len(self._locks)]


class Priority:
    """Requests first: background indexing pauses between its steps while a request is served.

    The indexing is pure Python like the answers, so both would share the
    interpreter's lock and a request would take twice as long; instead the
    indexing waits (up to ``PAUSE_MAX`` at a time, so it always progresses)
    until no request is being served.
    """

    def __init__(self) -> None:
        self._serving = 0
        self._idle = threading.Condition()

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        with self._idle:
            self._serving += 1
        try:
            yield
        finally:
            with self._idle:
                self._serving -= 1
                if not self._serving:
                    self._idle.notify_all()

    def pause(self) -> None:
        with self._idle:
            self._idle.wait_for(lambda: not self._serving, timeout=PAUSE_MAX)


class StoreCache:
    """Per store version: the channel inputs, the channels by date, and encoded answers.

    Each level has its own locks, always taken in the order answers → capacity →
    channels → index → inputs, so two requests never wait for each other in a circle.
    """

    def __init__(self, answers: int = 64, versions: int = 2, dates: int = 16) -> None:
        self.inputs = LRU(versions)
        self.indexes = LRU(versions)
        self.arcs = LRU(2 * versions)
        self.encoders = LRU(versions)
        self.places = LRU(versions)
        self.small = LRU(8 * versions)
        self.channels = LRU(dates)
        self.clips = LRU(dates)
        self.capacities = LRU(dates)
        self.answers = LRU(answers)
        self._inputs_lock, self._channels_lock, self._answers_lock = Striped(), Striped(), Striped()
        self._index_lock, self._capacity_lock = Striped(), Striped()
        self.refresher: Callable[[], None] | None = None
        self._ready = LRU(versions)  # versions fully indexed, as keys
        self._latest: Identity | None = None  # the newest of them
        self._refreshing = False
        self._pins: WeakKeyDictionary[Store, Identity] = WeakKeyDictionary()
        self._state = threading.Lock()
        self.priority = Priority()
        self._background = threading.local()  # .on in the refresher's thread

    def pin(self, store: Store) -> bool:
        """Choose the version this request's answers come from; ``True`` when it is an older one.

        The newest indexed version when the store's own is not indexed yet and
        a ``refresher`` is indexing it (started here); otherwise the store's
        own, read under a connection when it is to be built from the store. A
        ``DeferredStore`` answered from an indexed version may never connect.
        """
        current = file_identity(store.path)
        refresh = None
        with self._state:
            ready = self._ready.get(current) is not None
            latest, use = self._latest, current
            if self.refresher is not None and not ready and current[0] is not None:
                if latest is not None and self.inputs.get(latest) is not None:
                    use = latest
                refresh = self.refresher
        if use == current and not ready:
            store.con  # noqa: B018 (connects a DeferredStore: no writer gets in from now on)
            use = current = file_identity(store.path)
        self._pins[store] = use
        if refresh is not None:
            self.start(refresh)
        return use != current

    def start(self, work: Callable[[], None]) -> bool:
        """Run ``work`` (indexing) in a thread unless such work is running; ``True`` if started.

        It waits while requests are served (``pause``).
        """
        with self._state:
            if self._refreshing:
                return False
            self._refreshing = True
        threading.Thread(
            target=self._run, args=(work,), name="backchannel-refresh", daemon=True
        ).start()
        return True

    def moved(self, store: Store) -> bool:
        """Whether ``store`` connected after a write: what it read is newer than its version."""
        opened = getattr(store, "opened_as", None)
        return opened is not None and opened != self.version(store)

    def per_version(self, store: Store, name: str, compute: Callable[[], Any]) -> Any:
        """A small value read from the store (``compute()``), kept per version and ``name``."""
        key = (self.version(store), name)
        found = self.small.get(key)
        if found is None:  # one short query: two requests may both make it
            found = compute()
            if not self.moved(store):
                self.small.put(key, found)
        return found

    def _run(self, work: Callable[[], None]) -> None:
        self._background.on = True
        try:
            work()
        finally:
            with self._state:
                self._refreshing = False

    def pause(self) -> None:
        """Wait for the requests being served, in the refresher's thread; elsewhere nothing."""
        found = self._pause()
        if found is not None:
            found()

    def _pause(self) -> Callable[[], None] | None:
        """``_step`` for work done in the refresher's thread, else nothing."""
        return self._step if getattr(self._background, "on", False) else None

    def _step(self) -> None:
        """Between two steps of background indexing: ``_settle`` what is built, then wait.

        Unfrozen, the half-built version would make every request's first
        collection (``_kept``) traverse it: 0.15 s at 20,000 events.
        """
        _settle()
        self.priority.pause()

    def hold(self, store: Store, version: Identity) -> None:
        """Key ``store``'s answers on ``version``, whatever the file is now (a closed store)."""
        self._pins[store] = version

    def ready(self, version: Identity) -> None:
        """Record that ``version``'s levels are built: requests may be answered from it."""
        with self._state:
            self._ready.put(version, True)
            self._latest = version

    def version(self, store: Store) -> Identity:
        """The version ``store``'s answers come from: the one ``pin`` chose, or the store's own."""
        found = self._pins.get(store)
        return found if found is not None else file_identity(store.path)

    @staticmethod
    def _once(
        kept: LRU, locks: Striped, key: Hashable, compute: Callable[[], Any], settle: bool = False
    ) -> Any:
        """``compute()`` kept in ``kept`` under ``key``; computed once while it stays there.

        ``settle`` for the long-lived structures of a store version (``_settle``).
        """
        with locks(key):
            found = kept.get(key)
            if found is None:
                found = compute()
                kept.put(key, found)
                if settle:
                    _settle()
        return found

    def channel_inputs(self, store: Store) -> ChannelInputs:
        """The store's channel inputs, loaded at most once per version."""
        key = self.version(store)
        found = self._once(
            self.inputs,
            self._inputs_lock,
            key,
            lambda: ChannelInputs.load(store, self._pause()),
            settle=True,
        )
        assert isinstance(found, ChannelInputs)
        return found

    def index(self, store: Store, sides: Sequence[str]) -> ChannelIndex:
        """The channel inputs grouped by pair for ``sides``, built at most once per version."""
        key = (self.version(store), tuple(sides))
        found = self._once(
            self.indexes,
            self._index_lock,
            key,
            lambda: ChannelIndex.build(self.channel_inputs(store), sides, pause=self._pause()),
            settle=True,
        )
        assert isinstance(found, ChannelIndex)
        return found

    def arc_index(self, store: Store, sides: Sequence[str], by: str = "side") -> ArcIndex:
        """The brokers' network for any date, built at most once per version, sides and grouping."""
        key = (self.version(store), tuple(sides), by)
        found = self._once(
            self.arcs,
            self._index_lock,
            key,
            lambda: ArcIndex.build(
                self.channel_inputs(store).records, sides=sides, by=by, pause=self._pause()
            ),
            settle=True,
        )
        assert isinstance(found, ArcIndex)
        return found

    def positions(self, store: Store, sides: Sequence[str]) -> dict[str, tuple[float, float]]:
        """``views.positions`` for this version of the store, computed at most once."""
        key = (self.version(store), tuple(sides))
        found = self.places.get(key)
        if found is None:  # cheap next to the rest: two requests may both compute it
            found = positions(self.channel_inputs(store), sides)
            self.places.put(key, found)
        assert isinstance(found, dict)
        return found

    def snapshot(self, store: Store) -> Store:
        """``store`` reading its version's actors and roles from memory (``SnapshotStore``)."""
        copy = self.per_version(store, "snapshot", lambda: SnapshotStore.snapshot(store))
        return SnapshotStore(store, copy)

    def roles(self, store: Store) -> dict[str, list[dict[str, Any]]]:
        """``views.roles_by_actor`` of every actor for this version of the store."""
        found = self.per_version(store, "roles", lambda: roles_by_actor(store))
        assert isinstance(found, dict)
        return found

    def channel_list(
        self, store: Store, as_of: str, sides: Sequence[str], dormant_after: int = 365
    ) -> list[Channel]:
        """``channels(store, as_of, ...)``, computed at most once per version and parameters."""
        key = (self.version(store), as_of, tuple(sides), dormant_after)
        found = self._once(
            self.channels,
            self._channels_lock,
            key,
            lambda: self._channels(store, as_of, sides, dormant_after),
        )
        assert isinstance(found, list)
        return found

    def _channels(
        self, store: Store, as_of: str, sides: Sequence[str], dormant_after: int
    ) -> list[Channel]:
        """The channels on ``as_of``, made from its clipped pairs."""
        return self.index(store, sides).made(
            self.clipped(store, as_of, sides, dormant_after), as_of
        )

    def clipped(
        self, store: Store, as_of: str, sides: Sequence[str], dormant_after: int = 365
    ) -> Clipped:
        """``ChannelIndex.clipped`` on ``as_of``, kept for the map, list and what-if of the date."""
        key = (self.version(store), as_of, tuple(sides), dormant_after)
        found = self.clips.get(key)
        if found is None:  # two requests may both clip: the same answer either way
            found = self.index(store, sides).clipped(as_of, dormant_after=dormant_after)
            self.clips.put(key, found)
        assert isinstance(found, Clipped)
        return found

    def capacity(self, store: Store, as_of: str, sides: Sequence[str]) -> Capacity:
        """``capacity(store, as_of, sides=sides)`` between the leaders, once per version and date.

        Raises ``UsageError`` (not kept) when a side has no leader on ``as_of``.
        """
        key = (self.version(store), as_of, tuple(sides))
        with self._capacity_lock(key):
            found = self.capacities.get(key)
            if found is None:
                found = capacity(
                    self.snapshot(store),
                    as_of,
                    sides=sides,
                    found=self.channel_list(store, as_of, sides),
                )
                if not self.moved(store):  # the leaders read are this version's
                    self.capacities.put(key, found)
        assert isinstance(found, Capacity)
        return found

    def answer(self, store: Store, key: Hashable, compute: Callable[[], Any]) -> bytes:
        """The JSON of ``compute()`` for ``key`` on this version of ``store``."""
        return self.encoded(store, key, lambda: encode(compute()))

    def encoded(self, store: Store, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """``compute()``, JSON already, for ``key`` on this version of ``store``."""
        full = (self.version(store), key)
        found = self.answers.get(full)
        if found is None:
            with self._answers_lock(full):
                found = self.answers.get(full)
                if found is None:
                    with _kept():
                        found = compute()
                    if not self.moved(store):  # all it read is this version's
                        self.answers.put(full, found)
        assert isinstance(found, bytes)
        return found

    def channel_json(self, store: Store, sides: Sequence[str]) -> ChannelJSON:
        """The channel-list encoder for this version of the store and ``sides``."""
        key = (self.version(store), tuple(sides))
        found = self.encoders.get(key)
        if found is None:  # cheap: two requests may both make one, and the parts kept differ
            found = ChannelJSON(self.index(store, sides))
            self.encoders.put(key, found)
        assert isinstance(found, ChannelJSON)
        return found

    def prepare(self, store: Store, sides: Sequence[str]) -> None:
        """Encode ahead what the map of any date takes from this version of the store."""
        pause = self._pause()
        # in the background the collector stays on for requests: each pause settles instead
        with contextlib.nullcontext() if pause is not None else _kept():
            self.channel_json(store, sides).prepare(pause)
