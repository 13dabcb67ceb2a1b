"""The FastAPI application: one page, its static files, the JSON API, and error handling.

``create_app(db_path)`` builds everything and touches nothing: the store is
opened per request, read-only. When the server starts, it indexes the store
and computes the map for the default date before it listens (``warm``), so
no request waits for that; after a write, a background thread indexes the new
version while answers come from the previous one (``cache.StoreCache.pin``).
Every response carries a Content-Security-Policy that allows scripts and
styles only from this server (no inline script), so hostile article text that
slipped into the DOM still could not run. Errors are
``application/problem+json`` objects without stack traces.
"""

from __future__ import annotations

import contextlib
import functools
import http
import logging
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backchannel import __version__
from backchannel.errors import BackchannelError, StoreError
from backchannel.web import api, readouts
from backchannel.web.cache import SETTLE_LATER, StoreCache, settled

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

# Cytoscape.js inserts one <style> element into <head> (".__________cytoscape_container
# { position: relative; }"); its hash allows exactly that rule and no other inline style.
CYTOSCAPE_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"
CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        f"style-src 'self' {CYTOSCAPE_STYLE_HASH}",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
PROBLEM_TYPE = "application/problem+json"
RETRY_AFTER = "5"  # seconds, on a 503: the store may be back after the run's next write
log = logging.getLogger(__name__)


class HTTPMiddleware:
    """ASGI middleware that acts on HTTP requests (``http``) and passes anything else on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        else:
            await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SecurityHeaders(HTTPMiddleware):
    """The CSP and friends on every HTTP response, and ``api.STALE_HEADER``."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        # the request's state, shared with the endpoint: it marks an answer from an older version
        state = scope.setdefault("state", {})

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if state.get("stale"):
                    extra.append((api.STALE_HEADER.lower().encode(), b"1"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Serving(HTTPMiddleware):
    """A request counts as served (``Priority.serving``) until its body is sent.

    Background indexing of a new store version waits meanwhile, sending a
    large answer included. What a request computed and the cache keeps is
    settled (``cache.settled``) after its body is sent, not before.
    """

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        cache: StoreCache = scope["app"].state.cache
        pending: list[bool] = []
        token = SETTLE_LATER.set(pending)
        try:
            with cache.priority.serving():
                await self.app(scope, receive, send)
        finally:
            SETTLE_LATER.reset(token)
            if pending:
                await anyio.to_thread.run_sync(settled)


def problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem response."""
    body = {
        "type": "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE)


async def _on_backchannel_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, StoreError):
        # Store.open has already waited out a writer's lock (with backoff, ~35 s at most):
        # the store is missing, unreadable, or held far longer than a run's write batch.
        response = problem(503, str(exc))
        response.headers["Retry-After"] = RETRY_AFTER
        return response
    return problem(400, str(exc))


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
    return problem(422, detail or "invalid request", errors=errors)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else http.HTTPStatus(exc.status_code).phrase
    response = problem(exc.status_code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)
    return problem(500, "unexpected error in backchannel; the server log has the details")


def create_app(db_path: str, *, sides: Sequence[str] | None = None) -> FastAPI:
    """The dashboard over the store at ``db_path`` (opened read-only per request).

    ``sides`` defaults to the knowledge base's dyad, loaded on first use.
    """

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the store indexed before the server listens (uvicorn binds its socket once the
        # start-up is done): no answer has to build the indexes, the first page load neither
        await anyio.to_thread.run_sync(warm, app)
        yield

    app = FastAPI(
        title="backchannel",
        version=__version__,
        description="Who talks to whom between two governments, with evidence, at any date.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI needs inline script and a CDN: not under our CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db_path = str(db_path)
    app.state.sides = _sides_loader(sides)
    app.state.cache = StoreCache()
    app.state.cache.refresher = lambda: warm(app, with_map=False)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Serving)
    app.add_exception_handler(BackchannelError, _on_backchannel_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
    app.include_router(api.router)
    app.include_router(readouts.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    templates = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(("html",))
    )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        page = templates.get_template("index.html").render(version=__version__)
        return HTMLResponse(page)

    return app


def warm(app: FastAPI, with_map: bool = True) -> None:
    """Index the store as it now is: its channel inputs, any date's edges, the brokers' network.

    Run when the server starts, before it listens, with the map of the
    store's last date, and again after each write (``StoreCache.pin``), in
    the background and pausing while requests are served; answers come from
    this version once it is done. The store is open only to read the inputs and for the map, so a
    writer is not kept waiting.
    """
    from backchannel.store import Store, file_identity

    cache: StoreCache = app.state.cache
    try:
        pair = app.state.sides()
        cache.pause()
        with Store.open(app.state.db_path, read_only=True) as store:
            version = file_identity(store.path)  # no writer gets in while this is open
            cache.hold(store, version)  # and once closed, the indexes come from what it read
            day = api.last_day(store, cache)
            cache.roles(store)
            for read in (cache.snapshot, cache.channel_inputs):
                cache.pause()
                read(store)
        for step in (cache.index, cache.arc_index):
            cache.pause()
            step(store, pair)
        if with_map:  # a request's worth of work, which cannot pause: at the start only
            with Store.open(app.state.db_path, read_only=True) as now:
                if file_identity(now.path) == version:  # the first page load asks for it
                    api.cached_graph(cache, now, day, pair)
        cache.pause()
        cache.prepare(store, pair)
        cache.ready(version)
    except Exception as exc:  # a store that is not there yet: the page will say so
        log.warning("could not precompute the map: %s", exc)


def _sides_loader(sides: Sequence[str] | None) -> Any:
    if sides is not None:
        fixed = tuple(sides)
        return lambda: fixed

    @functools.cache
    def load() -> tuple[str, ...]:
        from backchannel.kb import KnowledgeBase

        return tuple(KnowledgeBase.load().default_sides())

    return load
