"""The web dashboard: ``create_app(db_path)`` builds it, ``serve(db, host, port)`` runs it.

The page (one HTML file, static JavaScript, vendored Cytoscape.js) reads
everything through the JSON API under ``/api``; the OpenAPI schema is at
``/api/openapi.json``. The store is opened read-only per request, so the
dashboard can stay open while ``backchannel run`` adds articles.
"""

from __future__ import annotations

from backchannel.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the dashboard over the store at ``db`` until interrupted."""
    import uvicorn

    from backchannel.store import Store

    with Store.open(db, read_only=True):  # fail now, with a clear message, not per request
        pass
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
