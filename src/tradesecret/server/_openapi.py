"""The OpenAPI 3.1 document of the HTTP API, built from the JSON Schemas the CLI publishes."""

from __future__ import annotations

from typing import Any, Final

from tradesecret.casefile import case_schema, review_schema, schema_names

__all__ = ["PROBLEMS_SCHEMA", "openapi_document"]

#: The body of every 4xx answer: the same problems the CLI lists, each with its English reason,
#: its message template and parameters, and the message in the requested locale.
PROBLEMS_SCHEMA: Final = {
    "type": "object",
    "properties": {
        "error": {"type": "string", "description": "invalid_input, malformed_json, ..."},
        "problems": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "path": {
                        "type": "string",
                        "description": "where: a full JSON path ($.data.wages[3].amount) or a "
                        "query parameter or header name",
                    },
                    "value": {
                        "type": "string",
                        "description": "the value given, as JSON text (empty when none)",
                    },
                    "reason": {"type": "string", "description": "why, in English"},
                    "template": {
                        "type": "string",
                        "description": "the reason's message template, its id in the errors "
                        "catalogs (stable: match on it, not on message)",
                    },
                    "params": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "description": "the template's parameters, each as text",
                    },
                    "message": {
                        "type": "string",
                        "description": "the reason in the requested locale (?locale=, else "
                        "Accept-Language, else zh_CN; bilingual: zh_CN)",
                    },
                },
                "required": ["path", "value", "reason", "template", "params", "message"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["error", "problems"],
}

_INTERNAL: Final = {
    "type": "object",
    "properties": {"error": {"const": "internal"}, "error_id": {"type": "string"}},
    "required": ["error", "error_id"],
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors() -> dict[str, Any]:
    problems = {"application/json": {"schema": _ref("Problems")}}
    return {
        "400": {"description": "malformed JSON or body", "content": problems},
        "401": {"description": "missing or wrong bearer token", "content": problems},
        "413": {"description": "request body over the size limit", "content": problems},
        "422": {"description": "bad input: every problem listed", "content": problems},
        "500": {
            "description": "internal error (the error id is in the server log)",
            "content": {"application/json": {"schema": _ref("InternalError")}},
        },
        "503": {"description": "time limit exceeded", "content": problems},
    }


def _query(name: str, description: str, *, enum: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if enum is not None:
        schema["enum"] = enum
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


_LOCALE: Final = _query(
    "locale", "language of messages and reports", enum=["zh_CN", "zh", "en", "bilingual"]
)
#: Error messages follow Accept-Language when ?locale= is not given.
_ACCEPT_LANGUAGE: Final = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "language of problem messages when ?locale= is not given (zh, en)",
}
_AS_OF: Final = _query("as_of", "YYYY-MM-DD; default: the case file's as_of")


def _report(description: str, body: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _ref(body)}},
        },
        "parameters": [
            _LOCALE,
            _query("format", "output format", enum=["json", "markdown", "html", "text"]),
            _AS_OF,
            _ACCEPT_LANGUAGE,
        ],
        "responses": {
            "200": {
                "description": description,
                "content": {
                    "application/json": {"schema": _ref("Review")},
                    "text/markdown": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                },
            },
            **_errors(),
        },
    }


def _paths() -> dict[str, Any]:
    text_json = {"application/json": {"schema": {"type": "object"}}}
    return {
        "/v1/review": {"post": _report("the review of a case file", "Case")},
        "/v1/ledger": {
            "post": _report("the compensation ledger of a noncompete case file", "Case")
        },
        "/v1/batch": {
            "post": {
                "description": "ledgers of many agreements: one row each (the columns of "
                "`tradesecret batch`); results streamed as JSON Lines; the `messages` "
                "column in the requested locale (?locale=, else Accept-Language, else zh_CN)",
                "parameters": [
                    _query("as_of", "YYYY-MM-DD (required)"),
                    _query("input", "default: from Content-Type", enum=["csv", "jsonl", "parquet"]),
                    _LOCALE,
                    _ACCEPT_LANGUAGE,
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "text/csv": {"schema": {"type": "string"}},
                        "application/x-ndjson": {"schema": {"type": "string"}},
                        "application/vnd.apache.parquet": {
                            "schema": {"type": "string", "format": "binary"}
                        },
                    },
                },
                "responses": {
                    "200": {
                        "description": "one JSON object per line, one line per agreement",
                        "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                    },
                    **_errors(),
                },
            }
        },
        "/v1/parameters/{name}": {
            "get": {
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}},
                    _query("as_of", "YYYY-MM-DD (required)"),
                    _query("region", "region code, e.g. CN-SH"),
                    _LOCALE,
                    _ACCEPT_LANGUAGE,
                ],
                "responses": {
                    "200": {"description": "the value in force", "content": text_json},
                    **_errors(),
                },
            }
        },
        "/v1/regions": {
            "get": {
                "responses": {"200": {"description": "every region code", "content": text_json}}
            }
        },
        "/v1/schema/{kind}": {
            "get": {
                "parameters": [
                    {
                        "name": "kind",
                        "in": "path",
                        "required": True,
                        "schema": {"enum": list(schema_names())},
                    }
                ],
                "responses": {
                    "200": {"description": "a JSON Schema", "content": text_json},
                    **_errors(),
                },
            }
        },
        "/healthz": {"get": {"responses": {"200": {"description": "alive", "content": text_json}}}},
        "/openapi.json": {
            "get": {"responses": {"200": {"description": "this document", "content": text_json}}}
        },
    }


def openapi_document(*, version: str, token: bool = False) -> dict[str, Any]:
    """
    The OpenAPI 3.1 document: the request and response bodies are the published JSON Schemas.

    ``Case`` is :func:`tradesecret.casefile.case_schema` ``("case")``, ``Review`` is
    :func:`tradesecret.casefile.review_schema` (each keeps its ``$id``, so its own
    ``$defs`` references resolve inside it).
    """
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "tradesecret",
            "version": version,
            "description": "PRC trade-secret and non-compete compliance, with citations. "
            "Not legal advice.",
        },
        "paths": _paths(),
        "components": {
            "schemas": {
                "Case": case_schema("case"),
                "Review": review_schema(),
                "Problems": PROBLEMS_SCHEMA,
                "InternalError": _INTERNAL,
            }
        },
    }
    if token:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        doc["security"] = [{"bearer": []}]
    return doc
