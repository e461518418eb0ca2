"""The Starlette application: routes, limits, the token check and the error answers."""

from __future__ import annotations

import hmac
import logging
import tempfile
import uuid
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

import anyio
import anyio.to_thread
import attrs
import pendulum
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tradesecret._jsonread import read_json
from tradesecret.casefile import case_schema, load_case, review_case
from tradesecret.cli._batchio import evaluate_file, iter_jsonl
from tradesecret.cli._ledger import run_ledger
from tradesecret.cli._regions import region_rows
from tradesecret.dates import to_date
from tradesecret.exceptions import (
    InvalidInputError,
    MissingMessageError,
    ParameterNotFoundError,
    Problem,
    TradeSecretError,
    json_kind,
)
from tradesecret.i18n import Localizer, normalize_locale
from tradesecret.i18n._errors import error_problems
from tradesecret.reports import render
from tradesecret.reports._json import annotate
from tradesecret.rulebook import Rulebook, default_rulebook
from tradesecret.serialization import unstructure
from tradesecret.server._openapi import openapi_document

__all__ = ["Settings", "create_app"]

_LOG: Final = logging.getLogger("tradesecret.server")
T = TypeVar("T")

_MEDIA: Final = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
_TOO_LARGE: Final = "body over {limit} bytes"
_BATCH_TYPES: Final = {
    "text/csv": "csv",
    "application/csv": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/vnd.apache.parquet": "parquet",
    "application/x-parquet": "parquet",
}


@attrs.frozen(kw_only=True)
class Settings:
    """
    How an application is configured (nothing else is kept between requests).

    Attributes:
        token: When set, every ``/v1`` request needs ``Authorization: Bearer <token>``.
        max_body_bytes: Largest request body accepted (413 above it).
        timeout_seconds: Longest time one request may compute (503 after it).
        rulebook: The rulebook answers are computed with (default: the package's).
        version: The version ``/healthz`` and ``/openapi.json`` report.
    """

    token: str | None = None
    max_body_bytes: int = 10 * 1024 * 1024
    timeout_seconds: float = 30.0
    rulebook: Rulebook | None = None
    version: str = "unknown"

    def book(self) -> Rulebook:
        """The rulebook in use."""
        return self.rulebook if self.rulebook is not None else default_rulebook()


class _RefusedError(Exception):
    """An answer other than 200, with the problems to list."""

    def __init__(self, status: int, error: str, problems: Sequence[Problem]) -> None:
        super().__init__(error)
        self.status, self.error, self.problems = status, error, tuple(problems)


def _problems(
    status: int, error: str, problems: Sequence[Problem], request: Request | None = None
) -> JSONResponse:
    """The problem answer: each problem with its English reason, template, params and the
    message in the requested locale (:func:`_message_locale`)."""
    loc = Localizer.for_locale(_message_locale(request))
    body = {"error": error, "problems": [loc.problem_object(p) for p in problems]}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _refuse(status: int, error: str, problem: Problem) -> _RefusedError:
    return _RefusedError(status, error, [problem])


def _message_locale(request: Request | None) -> str:
    """
    The locale of problem messages: ``?locale=`` when it names a supported locale
    (``bilingual``: ``zh_CN``), else the first supported language of ``Accept-Language``,
    else ``zh_CN`` (the default of every answer).
    """
    if request is None:
        return "zh_CN"
    raw = request.query_params.get("locale")
    if raw is not None:
        return "zh_CN" if raw in ("bilingual", "both") else _supported(raw) or "zh_CN"
    return _accepted(request.headers.get("accept-language", "")) or "zh_CN"


def _supported(raw: str) -> str | None:
    try:
        return normalize_locale(raw)
    except InvalidInputError:
        return None


def _accepted(header: str) -> str | None:
    """The best supported locale of an ``Accept-Language`` header (by its q-values)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _, weight = part.strip().partition(";")
        q = weight.strip().removeprefix("q=")
        try:
            quality = float(q) if weight else 1.0
        except ValueError:
            quality = 0.0
        found = _supported(tag.strip()) or _supported(tag.strip().split("-")[0])
        if found is not None and quality > 0:
            ranked.append((-quality, i, found))
    return min(ranked)[2] if ranked else None


# -- reading a request ---------------------------------------------------------------------------


async def _body(request: Request, settings: Settings) -> bytes:
    limit = settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _refuse(413, "too_large", Problem.of("$", int(declared), _TOO_LARGE, limit=limit))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _refuse(413, "too_large", Problem.of("$", size, _TOO_LARGE, limit=limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _json(body: bytes) -> Any:
    """The body as JSON, read within the limits of :mod:`tradesecret.limits` (as the CLI reads)."""
    try:
        return read_json(body)
    except InvalidInputError as exc:
        if all(p.template.startswith("malformed JSON") for p in exc.problems):
            raise _RefusedError(400, "malformed_json", exc.problems) from None
        raise  # a number, a string or the nesting beyond the limits: bad input (422)


def _object(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _refuse(
            422,
            "invalid_input",
            Problem.of("$", raw, "expected a JSON object, got {got}", got=json_kind(raw)),
        )
    return raw


def _locale(request: Request) -> str:
    raw = request.query_params.get("locale", "zh_CN")
    if raw in ("bilingual", "both"):
        return "bilingual"
    try:
        return normalize_locale(raw)
    except InvalidInputError:
        raise _refuse(
            422,
            "invalid_input",
            Problem.of(
                "locale",
                raw,
                "expected one of {allowed}",
                allowed=["zh_CN", "zh", "en", "bilingual"],
            ),
        ) from None


def _format(request: Request) -> str:
    raw = request.query_params.get("format", "json")
    if raw not in _MEDIA:
        raise _refuse(
            422,
            "invalid_input",
            Problem.of("format", raw, "expected one of {allowed}", allowed=list(_MEDIA)),
        )
    return raw


def _date(request: Request, name: str, *, required: bool) -> pendulum.Date | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        if required:
            raise _refuse(
                422, "invalid_input", Problem(path=name, value="", reason="required: YYYY-MM-DD")
            )
        return None
    return to_date(raw, path=name)


# -- endpoints -----------------------------------------------------------------------------------


async def _work(fn: Callable[[], T]) -> T:
    """Run blocking work in a worker thread (the event loop stays free for other requests)."""
    return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True)


async def review(request: Request, settings: Settings) -> Response:
    """``POST /v1/review``: a case file in, its review out (JSON, Markdown, HTML or text)."""
    locale, fmt = _locale(request), _format(request)
    as_of = _date(request, "as_of", required=False)
    raw = _object(_json(await _body(request, settings)))
    book = settings.book()

    def run() -> str:
        case = load_case(raw, rulebook=book)
        return render(review_case(case, as_of=as_of, rulebook=book), locale=locale, format=fmt)

    return Response(await _work(run), media_type=_MEDIA[fmt])


async def ledger(request: Request, settings: Settings) -> Response:
    """``POST /v1/ledger``: the compensation ledger of a noncompete case file."""
    locale, fmt = _locale(request), _format(request)
    as_of = _date(request, "as_of", required=False)
    raw = _object(_json(await _body(request, settings)))

    def run() -> str:
        return render(run_ledger(raw, as_of=as_of), locale=locale, format=fmt)

    return Response(await _work(run), media_type=_MEDIA[fmt])


def _batch_kind(request: Request) -> str:
    chosen = request.query_params.get("input")
    if chosen is not None:
        if chosen not in ("csv", "jsonl", "parquet"):
            raise _refuse(
                422,
                "invalid_input",
                Problem.of(
                    "input",
                    chosen,
                    "expected one of {allowed}",
                    allowed=["csv", "jsonl", "parquet"],
                ),
            )
        return chosen
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in _BATCH_TYPES:
        raise _refuse(
            415 if media else 422,
            "invalid_input",
            Problem.of(
                "Content-Type",
                media,
                "send text/csv, application/x-ndjson or application/vnd.apache.parquet "
                "(or name it with ?input=csv|jsonl|parquet)",
            ),
        )
    return _BATCH_TYPES[media]


async def batch(request: Request, settings: Settings) -> Response:
    """``POST /v1/batch``: CSV, JSON Lines or Parquet in; one JSON line per agreement out.

    The ``messages`` column is in the request's locale, as problem answers are:
    ``?locale=`` (checked; ``bilingual``: ``zh_CN``), else ``Accept-Language``, else ``zh_CN``.
    """
    as_of = _date(request, "as_of", required=True)
    assert as_of is not None  # required above
    kind = _batch_kind(request)
    if "locale" in request.query_params:
        _locale(request)  # an unsupported ?locale= is refused, not ignored
    locale = _message_locale(request)
    body = await _body(request, settings)

    def run() -> list[str]:
        with tempfile.TemporaryDirectory(prefix="tradesecret-batch-") as tmp:
            path = Path(tmp) / f"input.{kind}"
            path.write_bytes(body)
            columns, _ = evaluate_file(str(path), as_of=as_of, locale=locale)
        return list(iter_jsonl(columns))

    lines = await _work(run)
    return StreamingResponse(iter(lines), media_type="application/x-ndjson")


async def parameter(request: Request, settings: Settings) -> Response:
    """``GET /v1/parameters/{name}?as_of=&region=``: one parameter value, with its sources."""
    name = request.path_params["name"]
    as_of = _date(request, "as_of", required=True)
    assert as_of is not None  # required above
    region = request.query_params.get("region") or None
    loc = Localizer.for_locale(_locale(request).replace("bilingual", "zh_CN"))
    book = settings.book()
    if region is not None:
        book.check_region(region, path="region")
    try:
        value = book.param(name, as_of=as_of, region=region)
    except ParameterNotFoundError as exc:
        problems = [p.at("name") if p.path == "parameter" else p for p in exc.problems]
        raise _RefusedError(404, "not_found", problems) from None
    plain = unstructure(value)
    annotate(value, plain, loc)
    plain["label"] = value.label_zh if loc.zh else value.label_en
    plain["text"] = loc.parameter(value)
    return JSONResponse(plain)


async def regions(request: Request, settings: Settings) -> Response:
    """``GET /v1/regions``: every region code with its names."""
    _ = request
    return JSONResponse(region_rows(settings.book()))


async def schema(request: Request, settings: Settings) -> Response:
    """``GET /v1/schema/{kind}``: the JSON Schema of a case kind, ``case`` or ``review``."""
    _ = settings
    kind = request.path_params["kind"]
    try:
        return JSONResponse(case_schema(kind))
    except InvalidInputError as exc:
        raise _RefusedError(404, "not_found", exc.problems) from None


async def openapi(request: Request, settings: Settings) -> Response:
    """``GET /openapi.json``."""
    _ = request
    return JSONResponse(
        openapi_document(version=settings.version, token=settings.token is not None)
    )


async def healthz(request: Request, settings: Settings) -> Response:
    """``GET /healthz``: the process answers (no token needed)."""
    _ = request
    return JSONResponse({"status": "ok", "version": settings.version})


# -- the guard around every endpoint -----------------------------------------------------------

Handler = Callable[[Request, Settings], Awaitable[Response]]


def _check_token(request: Request, settings: Settings) -> None:
    if settings.token is None or not request.url.path.startswith("/v1/"):
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        value.strip().encode(), settings.token.encode()
    ):
        raise _refuse(
            401,
            "unauthorized",
            Problem(path="Authorization", value="", reason="a valid bearer token is required"),
        )


async def _guarded(handler: Handler, settings: Settings, request: Request) -> Response:
    try:
        _check_token(request, settings)
        with anyio.fail_after(settings.timeout_seconds):
            return await handler(request, settings)
    except _RefusedError as exc:
        return _problems(exc.status, exc.error, exc.problems, request)
    except MissingMessageError:  # a bug, not bad input
        return _internal(request)
    except TradeSecretError as exc:  # bad input (a region, a float, a parameter...): its problems
        if not exc.problems:  # an error without problems is a bug
            return _internal(request)
        return _problems(422, "invalid_input", error_problems(exc), request)
    except TimeoutError:
        limit = settings.timeout_seconds
        return _problems(
            503,
            "timeout",
            [Problem.of("$", None, "time limit of {limit} s exceeded", limit=limit)],
            request,
        )
    except Exception:
        return _internal(request)


def _internal(request: Request) -> Response:
    """A 500 with an error id; the traceback goes to the server log, never to the client."""
    error_id = uuid.uuid4().hex
    _LOG.exception("internal error %s on %s %s", error_id, request.method, request.url.path)
    return JSONResponse({"error": "internal", "error_id": error_id}, status_code=500)


def _route(path: str, handler: Handler, method: str, settings: Settings) -> Route:
    return Route(path, partial(_guarded, handler, settings), methods=[method])


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    return _problems(
        status,
        "not_found" if status == 404 else "http",
        [
            Problem(path=request.url.path, value="", reason="no such endpoint")
            if status == 404
            else Problem(path=request.url.path, value="", reason="method not allowed")
            if status == 405
            else Problem(path=request.url.path, value="", reason="the request was refused")
        ],
        request,
    )


def create_app(settings: Settings | None = None, **options: Any) -> Starlette:
    """
    The ASGI application (stateless: every answer depends on the request alone).

    ``create_app(token="s3cret", max_body_bytes=1_000_000)`` is shorthand for
    ``create_app(Settings(...))``.
    """
    conf = settings if settings is not None else Settings(**options)
    routes = [
        _route("/v1/review", review, "POST", conf),
        _route("/v1/ledger", ledger, "POST", conf),
        _route("/v1/batch", batch, "POST", conf),
        _route("/v1/parameters/{name}", parameter, "GET", conf),
        _route("/v1/regions", regions, "GET", conf),
        _route("/v1/schema/{kind}", schema, "GET", conf),
        _route("/openapi.json", openapi, "GET", conf),
        _route("/healthz", healthz, "GET", conf),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
