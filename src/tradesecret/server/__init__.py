"""
The HTTP API (``pip install 'tradesecret[server]'``; ``tradesecret serve``).

Starlette on uvicorn. Every endpoint is stateless: its answer depends on the request alone.

* ``POST /v1/review?locale=zh_CN|en&format=json|markdown|html|text&as_of=`` -- a case file
  in, its review out (the JSON has a ``message`` on every finding, criterion and
  determination).
* ``POST /v1/ledger`` -- the compensation ledger of a noncompete case file.
* ``POST /v1/batch?as_of=`` -- CSV, JSON Lines or Parquet (by ``Content-Type`` or
  ``?input=``); one JSON line per agreement, streamed.
* ``GET /v1/parameters/{name}?as_of=&region=``, ``GET /v1/regions``,
  ``GET /v1/schema/{kind}``, ``GET /openapi.json`` (built from the same JSON Schemas as
  ``tradesecret schema``), ``GET /healthz``.

Bad input is a 422 with ``{"error": ..., "problems": [{"path", "value", "reason"}]}`` (the
problems the CLI lists); malformed JSON a 400 with the same shape; an internal error a 500
with an ``error_id`` (the traceback is logged, never sent). Bodies over
``max_body_bytes`` are refused (413); a request computing longer than
``timeout_seconds`` gets a 503. With a ``token``, every ``/v1`` request needs
``Authorization: Bearer <token>``.

Examples:
    >>> from tradesecret.server import Settings, create_app
    >>> app = create_app(Settings(max_body_bytes=1_000_000))
    >>> sorted(r.path for r in app.routes)[:3]
    ['/healthz', '/openapi.json', '/v1/batch']
"""

from __future__ import annotations

import importlib
import json
import os
from typing import Any

from tradesecret.server._app import Settings, create_app
from tradesecret.server._openapi import openapi_document

__all__ = ["Settings", "app_from_environment", "create_app", "openapi_document", "run"]


def run(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """
    Serve the API with uvicorn until interrupted.

    With ``workers > 1`` uvicorn starts that many processes, each building its app with
    :func:`create_app` from the same settings (passed through the environment of this process).
    """
    uvicorn: Any = importlib.import_module("uvicorn")
    if workers > 1:
        os.environ["TRADESECRET_SERVER_SETTINGS"] = _encode(settings)
        uvicorn.run(
            "tradesecret.server:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
        )
        return
    uvicorn.run(create_app(settings), host=host, port=port)


def _encode(settings: Settings) -> str:
    return json.dumps(
        {
            "token": settings.token,
            "max_body_bytes": settings.max_body_bytes,
            "timeout_seconds": settings.timeout_seconds,
            "version": settings.version,
        }
    )


def app_from_environment() -> Any:
    """The app a uvicorn worker process builds (``--workers N``): settings from the environment."""
    raw = json.loads(os.environ.get("TRADESECRET_SERVER_SETTINGS", "{}"))
    return create_app(Settings(**raw))
