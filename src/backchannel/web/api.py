"""The JSON API under ``/api``: validated parameters in, ``views`` data out.

Each endpoint opens the store read-only for the length of the request
(``Store.open`` waits out a writer's lock), calls one function, and returns
its data. Parameters are typed (dates are ``date``, lists are bounded) and
reach SQL only as bound parameters inside the library.

The map's endpoints (graph, channels, one channel, brokers, what-if) answer
from ``app.state.cache`` (``cache.StoreCache``) while the store is unchanged:
moving the slider back to a date already seen costs no computation. Just
after a write they answer from the previous version of the store, marked
with the ``X-Backchannel-Stale: 1`` header, until the new one is indexed in
the background; the other endpoints read the store as it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, BeforeValidator

from backchannel import queries
from backchannel.analysis.brokers import bridging
from backchannel.analysis.brokers import brokers as broker_rows
from backchannel.errors import UsageError
from backchannel.store import Store
from backchannel.web import views
from backchannel.web.cache import StoreCache

# on an answer from the store's previous version, while its new one is indexed
STALE_HEADER = "X-Backchannel-Stale"


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


_PROBLEM = {
    "description": "a problem (RFC 9457)",
    "content": {"application/problem+json": {"schema": Problem.model_json_schema()}},
}
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: _PROBLEM,
    404: _PROBLEM,
    422: {**_PROBLEM, "description": "invalid parameters"},
    503: {**_PROBLEM, "description": "the store cannot be opened"},
}


class Status(StrEnum):
    active = "active"
    dormant = "dormant"
    severed = "severed"


class Modality(StrEnum):
    asserted = "asserted"
    negated = "negated"
    hypothetical = "hypothetical"
    planned = "planned"
    denied = "denied"


class Grouping(StrEnum):
    side = "side"
    side_sector = "side-sector"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"


MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "graphml": "application/xml",
    "gexf": "application/xml",
}

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    # pydantic alone would also take "0" (a Unix timestamp) or "2024-01-01T00:00" as a date
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("use a date as YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]
AsOf = Annotated[
    Day | None,
    Query(description="the date to look at (YYYY-MM-DD); default: the store's last event date"),
]
Sides = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Z]{3},[A-Z]{3}$",
        description="the two sides as ISO3 codes, e.g. USA,CHN (default: the KB's dyad)",
    ),
]
ActorId = Annotated[str, Path(min_length=1, max_length=200)]

router = APIRouter(prefix="/api", responses=PROBLEMS)


@contextlib.contextmanager
def _store(request: Request) -> Iterator[Store]:
    with Store.open(request.app.state.db_path, read_only=True) as store:
        yield store


@contextlib.contextmanager
def _pinned(request: Request) -> Iterator[tuple[Store, StoreCache]]:
    """The store, connected only if read, and the cache, with the answers' version chosen.

    ``StoreCache.pin`` chooses; an answer from an older version than the
    store's, or that read a store written since that version, carries
    ``STALE_HEADER``.
    """
    cache = _cache(request)
    with Store.deferred(request.app.state.db_path) as store:
        stale = cache.pin(store)
        yield store, cache
        if stale or cache.moved(store):
            request.state.stale = True


def _sides(request: Request, given: str | None) -> tuple[str, ...]:
    if given:
        a, b = given.split(",")
        if a == b:
            raise UsageError(f"sides '{given}' name one country twice: give two, e.g. USA,CHN")
        return (a, b)
    sides: tuple[str, ...] = request.app.state.sides()
    return sides


def _as_of(store: Store, given: dt.date | None, cache: StoreCache | None = None) -> str:
    """``given``, or the store's last event date (kept per version by ``cache``)."""
    if given is not None:
        return given.isoformat()
    return default_as_of(store) if cache is None else last_day(store, cache)


def last_day(store: Store, cache: StoreCache) -> str:
    """``default_as_of(store)``, read once per version of the store."""
    return str(cache.per_version(store, "last day", lambda: default_as_of(store)))


def default_as_of(store: Store) -> str:
    """The store's last event date (today for a store without dated events)."""
    row = store.query(
        "SELECT max(coalesce(date_end, date_start)) AS last FROM event_records "
        "WHERE date_start IS NOT NULL"
    )[0]
    return str(row["last"] or dt.date.today().isoformat())


def _cache(request: Request) -> StoreCache:
    cache: StoreCache = request.app.state.cache
    return cache


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def not_found(detail: str) -> HTTPException:
    return HTTPException(status_code=404, detail=detail)


@router.get("/meta", summary="date range, counts, and the values the filters offer")
def get_meta(request: Request) -> dict[str, Any]:
    sides = _sides(request, None)
    with _pinned(request) as (store, cache):
        found: dict[str, Any] = cache.per_version(
            store, f"meta {','.join(sides)}", lambda: views.meta(store, sides)
        )
        return found


@router.get(
    "/graph",
    summary="the channel map on a date: actors as nodes, channels as edges",
    response_model=dict[str, Any],
)
def get_graph(request: Request, as_of: AsOf = None, sides: Sides = None) -> Response:
    with _pinned(request) as (store, cache):
        day, pair = _as_of(store, as_of, cache), _sides(request, sides)
        return _json(cached_graph(cache, store, day, pair))


def cached_graph(cache: StoreCache, store: Store, day: str, sides: tuple[str, ...]) -> bytes:
    """The JSON of ``views.graph`` for this version of ``store``, computed at most once."""

    def compute() -> bytes:
        found = cache.clipped(store, day, sides)
        ranks = bridging(store, day, sides=sides, arc_index=cache.arc_index(store, sides))
        facts = views.node_facts(store, found.ends(), ranks, day, cache.roles(store))
        return cache.channel_json(store, sides).graph(
            day, found, facts, cache.positions(store, sides)
        )

    return cache.encoded(store, ("graph", day, sides), compute)


@router.get(
    "/channels",
    summary="channels with their status and the reason for it",
    response_model=list[dict[str, Any]],
)
def get_channels(
    request: Request,
    as_of: AsOf = None,
    sides: Sides = None,
    status: Annotated[Status | None, Query()] = None,
    dormant_after: Annotated[int, Query(ge=1, le=36500)] = 365,
) -> Response:
    wanted = status.value if status else None
    with _pinned(request) as (store, cache):
        day, pair = _as_of(store, as_of, cache), _sides(request, sides)

        def compute() -> bytes:
            found = cache.clipped(store, day, pair, dormant_after)
            return cache.channel_json(store, pair).encode(found, wanted)

        return _json(cache.encoded(store, ("channels", day, pair, wanted, dormant_after), compute))


@router.get("/channels/{a}/{b}", summary="one channel: status, reason and its whole history")
def get_channel(
    request: Request, a: ActorId, b: ActorId, as_of: AsOf = None, sides: Sides = None
) -> dict[str, Any]:
    with _pinned(request) as (store, cache):
        day, pair = _as_of(store, as_of, cache), _sides(request, sides)
        # one pair's channel from the index: the whole list on a new date costs a hundred times more
        ch = cache.index(store, pair).channel(a, b, day)
        found = views.channel_detail(store, a, b, day, pair, [] if ch is None else [ch])
    if found is None:
        raise not_found(f"no channel between '{a}' and '{b}' on that date")
    return found


@router.get("/actors", summary="actors seen in the articles, by name")
def get_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="part of a name")] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 50,
) -> list[dict[str, Any]]:
    with _store(request) as store:
        return views.search_actors(store, q, limit)


@router.get("/actors/{actor_id}", summary="one actor: dated roles, role changes, events")
def get_actor(request: Request, actor_id: ActorId, as_of: AsOf = None) -> dict[str, Any]:
    with _store(request) as store:
        found = views.actor_detail(store, actor_id, _as_of(store, as_of))
    if found is None:
        raise not_found(f"no actor with id '{actor_id}': search with /api/actors?q=NAME")
    return found


@router.get("/events", summary="events merged across articles, with their sources")
def get_events(
    request: Request,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    since: Annotated[Day | None, Query()] = None,
    until: Annotated[Day | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100000)] = 1000,
) -> list[dict[str, Any]]:
    flt = queries.EventFilter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        actor=actor,
        type=type,
        modality=modality.value if modality else None,
        limit=limit,
    )
    with _store(request) as store:
        return queries.events(store, flt)


@router.get(
    "/brokers",
    summary="Gould–Fernandez brokerage roles on a date",
    response_model=list[dict[str, Any]],
)
def get_brokers(
    request: Request,
    as_of: AsOf = None,
    sides: Sides = None,
    by: Annotated[Grouping, Query()] = Grouping.side,
) -> Response:
    with _pinned(request) as (store, cache):
        day, pair = _as_of(store, as_of, cache), _sides(request, sides)
        return _json(
            cache.answer(
                store,
                ("brokers", day, pair, by.value),
                lambda: broker_rows(
                    store, day, sides=pair, by=by.value, arc_index=cache.arc_index(store, pair, by)
                ),
            )
        )


@router.get(
    "/whatif",
    summary="what changes without some actors or with proposed channels: channels and capacity",
    response_model=dict[str, Any],
)
def get_whatif(
    request: Request,
    remove: Annotated[
        list[Annotated[str, Query(min_length=1, max_length=200)]],
        Query(max_length=50, description="actor ids (or names) to take out"),
    ] = [],  # noqa: B006 (FastAPI copies a query's default per request)
    add: Annotated[
        list[Annotated[str, Query(pattern=r"^[^,]{1,200},[^,]{1,200}$")]],
        Query(max_length=50, description="a proposed channel: two actor ids (or names), A,B"),
    ] = [],  # noqa: B006
    as_of: AsOf = None,
    sides: Sides = None,
) -> Response:
    if not remove and not add:
        raise UsageError("nothing to change: give remove=ID or add=A,B")
    proposed = tuple((a, b) for a, b in (p.split(",") for p in add))
    with _pinned(request) as (store, cache):
        day, pair = _as_of(store, as_of, cache), _sides(request, sides)
        return _json(
            cache.answer(
                store,
                ("whatif", day, pair, tuple(remove), proposed),
                lambda: views.what_if(
                    cache.snapshot(store),
                    day,
                    pair,
                    remove,
                    index=cache.index(store, pair),
                    found=cache.channel_list(store, day, pair),
                    arc_index=cache.arc_index(store, pair),
                    before=lambda: cache.capacity(store, day, pair),
                    add=proposed,
                ),
            )
        )


@router.get(
    "/export",
    summary="the channel graph on a date as a file (JSON, CSV, GraphML, GEXF)",
    response_class=Response,
    responses={
        200: {
            "description": "the file, as an attachment",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "text/csv": {"schema": {"type": "string"}},
                "application/xml": {"schema": {"type": "string"}},
            },
        }
    },
)
def get_export(
    request: Request,
    format: Annotated[ExportFormat, Query()] = ExportFormat.json,
    as_of: AsOf = None,
    sides: Sides = None,
) -> Response:
    from backchannel.export import export

    buffer = io.StringIO()
    with _store(request) as store:
        day = _as_of(store, as_of)
        export(store, day, format.value, buffer, sides=_sides(request, sides))
    name = f"backchannel-{day}.{format.value}"
    return Response(
        buffer.getvalue(),
        media_type=MEDIA[format.value],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
