"""The HTTP API over real HTTP on localhost: every endpoint, bad input, limits, concurrency."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

import pendulum
import pytest

pytest.importorskip("starlette", reason="the server extra is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the server extra is not installed")
httpx = pytest.importorskip("httpx", reason="the server extra is not installed")

from tradesecret.casefile import (  # noqa: E402
    case_schema,
    example_text,
    load_case,
    review_schema,
)
from tradesecret.cli import main  # noqa: E402
from tradesecret.exceptions import InvalidInputError  # noqa: E402
from tradesecret.rulebook import Rulebook, default_rulebook  # noqa: E402
from tradesecret.server import Settings, create_app  # noqa: E402

BATCH = Path(__file__).resolve().parents[2] / "examples" / "batch"
NONCOMPETE = example_text("noncompete").encode("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class _Live:
    """A uvicorn server on 127.0.0.1 in a thread, stopped at teardown."""

    def __init__(self, settings: Settings) -> None:
        port = _free_port()
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=port, log_level="critical"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Any:
        self.thread.start()
        for _ in range(200):  # at most 10 s
            if self.server.started:
                break
            time.sleep(0.05)
        assert self.server.started, "server did not start"
        self.client = httpx.Client(base_url=self.base, timeout=60)
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def http() -> Iterator[Any]:
    """A client of a live server with the default settings."""
    with _Live(Settings(version="test")) as client:
        yield client


def _findings(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "severity" in node and "code" in node and "args" in node:
            yield node
        for value in node.values():
            yield from _findings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _findings(value)


class TestEndpoints:
    def test_healthz(self, http: Any) -> None:
        """/healthz answers ok with the version."""
        r = http.get("/healthz")
        assert (200, {"status": "ok", "version": "test"}) == (r.status_code, r.json())

    def test_openapi_lists_review_with_the_published_schemas(self, http: Any) -> None:
        """/openapi.json lists every endpoint; its Case and Review schemas are the CLI's."""
        doc = http.get("/openapi.json").json()
        assert "3.1.0" == doc["openapi"]
        assert {"/v1/review", "/v1/ledger", "/v1/batch", "/v1/regions", "/healthz"} <= set(
            doc["paths"]
        )
        assert "post" in doc["paths"]["/v1/review"]
        assert json.loads(json.dumps(case_schema("case"))) == doc["components"]["schemas"]["Case"]
        assert json.loads(json.dumps(review_schema())) == doc["components"]["schemas"]["Review"]

    def test_review_in_english(self, http: Any) -> None:
        """POST /v1/review?locale=en on the shipped example: English messages and labels."""
        r = http.post("/v1/review?locale=en", content=NONCOMPETE)
        assert 200 == r.status_code
        assert r.headers["content-type"].startswith("application/json")
        found = {f["code"]: f for f in _findings(r.json())}
        eligible = found["noncompete.eligibility.eligible"]
        assert eligible["message"].startswith("The employee is senior technical staff")
        assert "LCL Art. 24(1)" == eligible["citations"][0]["label"]
        assert eligible["binding"] is True

    def test_review_locales_differ(self, http: Any) -> None:
        """The zh and en JSON reviews carry the same codes and different messages."""
        zh = list(_findings(http.post("/v1/review?locale=zh", content=NONCOMPETE).json()))
        en = list(_findings(http.post("/v1/review?locale=en", content=NONCOMPETE).json()))
        assert [f["code"] for f in zh] == [f["code"] for f in en]
        assert all(a["message"] != b["message"] for a, b in zip(zh, en, strict=True))

    @pytest.mark.parametrize(
        ("fmt", "media", "needle"),
        [
            ("markdown", "text/markdown", "# "),
            ("html", "text/html", "<!DOCTYPE html>"),
            ("text", "text/plain", "As of"),
        ],
    )
    def test_review_formats(self, http: Any, fmt: str, media: str, needle: str) -> None:
        """format=markdown|html|text give the report with its media type."""
        r = http.post(f"/v1/review?locale=en&format={fmt}", content=NONCOMPETE)
        assert 200 == r.status_code
        assert r.headers["content-type"].startswith(media)
        assert needle in r.text

    def test_review_as_of_override(self, http: Any) -> None:
        """?as_of= overrides the case file's date."""
        r = http.post("/v1/review?as_of=2025-12-31", content=NONCOMPETE)
        assert "2025-12-31" == r.json()["as_of"]

    def test_ledger_defaults_to_the_case_date(self, http: Any) -> None:
        """POST /v1/ledger without as_of evaluates as of the case file's date, amounts exact."""
        doc = http.post("/v1/ledger?locale=en", content=NONCOMPETE).json()
        state = doc["results"][0]["value"]
        assert ("2026-01-15", "2026-01-15") == (doc["as_of"], state["as_of"])
        assert "CompensationState" == doc["results"][0]["type"]

    def test_parameter(self, http: Any) -> None:
        """GET /v1/parameters/{name}: the value in force, its label and citation labels."""
        r = http.get("/v1/parameters/noncompete.max_post_term_months?as_of=2025-01-01&locale=en")
        body = r.json()
        assert 200 == r.status_code
        expected = default_rulebook().param("noncompete.max_post_term_months", as_of=_day())
        assert expected.value == body["value"]
        assert any("LCL Art. 24" in c["label"] for c in body["citations"])
        assert body["text"]

    def test_regions(self, http: Any) -> None:
        """GET /v1/regions lists every rulebook region."""
        codes = [r["code"] for r in http.get("/v1/regions").json()]
        assert sorted(default_rulebook().regions) == sorted(codes)

    def test_schema(self, http: Any) -> None:
        """GET /v1/schema/{kind}: the kind's schema; an unknown kind is 404 with problems."""
        assert (
            "https://tradesecret.invalid/schema/noncompete.json"
            == (http.get("/v1/schema/noncompete").json()["$id"])
        )
        r = http.get("/v1/schema/nope")
        assert 404 == r.status_code
        assert "kind" == r.json()["problems"][0]["path"]

    @pytest.mark.parametrize(
        ("suffix", "media"),
        [
            ("csv", "text/csv"),
            ("jsonl", "application/x-ndjson"),
        ],
    )
    def test_batch_matches_the_cli(self, http: Any, suffix: str, media: str) -> None:
        """POST /v1/batch (CSV or JSON Lines) streams the rows the CLI writes for the same input."""
        r = http.post(
            "/v1/batch?as_of=2026-01-15",
            content=(BATCH / f"agreements.{suffix}").read_bytes(),
            headers={"content-type": media},
        )
        assert 200 == r.status_code
        assert r.headers["content-type"].startswith("application/x-ndjson")
        out, err = io.StringIO(), io.StringIO()
        main(
            ["batch", str(BATCH / "agreements.csv"), "--as-of", "2026-01-15", "-o", "-"],
            stdout=out,
            stderr=err,
        )
        assert out.getvalue().splitlines() == r.text.splitlines()
        assert "72000.00" == json.loads(r.text.splitlines()[0])["total_scheduled"]

    def test_batch_with_nested_payments(self, http: Any) -> None:
        """JSON Lines agreements carrying their payments give the CLI's rows for CSV + --payments."""
        r = http.post(
            "/v1/batch?as_of=2026-01-15&input=jsonl",
            content=(BATCH / "agreements_with_payments.jsonl").read_bytes(),
        )
        out = io.StringIO()
        main(
            [
                "batch",
                str(BATCH / "agreements.csv"),
                "--payments",
                str(BATCH / "payments.csv"),
                "--as-of",
                "2026-01-15",
                "-o",
                "-",
            ],
            stdout=out,
            stderr=io.StringIO(),
        )
        assert (200, out.getvalue().splitlines()) == (r.status_code, r.text.splitlines())
        assert "12000.00" == json.loads(r.text.splitlines()[0])["arrears"]

    @pytest.mark.parametrize(
        ("query", "headers", "expected"),
        [
            ("&locale=en", {}, 'not an integer "abc" @ months'),
            ("", {"accept-language": "en-GB,en;q=0.9"}, 'not an integer "abc" @ months'),
            ("&locale=zh_CN", {"accept-language": "en"}, 'months：不是整数："abc"'),
            ("&locale=bilingual", {}, 'months：不是整数："abc"'),
            ("", {}, 'months：不是整数："abc"'),
        ],
    )
    def test_batch_messages_in_the_requested_locale(
        self, http: Any, query: str, headers: dict[str, str], expected: str
    ) -> None:
        """The batch's ``messages`` column is said in ``?locale=``, else the best language of
        ``Accept-Language``, else zh_CN (as the problem answers are); the row's ``problems``
        keep the English reason and the template."""
        body = (
            "agreement_id,termination_date,months,region,agreed_monthly\n"
            "NC-1,2025-08-31,12,CN-SH,6000.00\n"
            "NC-BAD,2025-08-31,abc,CN-SH,6000.00\n"
        )
        r = http.post(
            f"/v1/batch?as_of=2026-01-15{query}",
            content=body.encode(),
            headers={"content-type": "text/csv", **headers},
        )
        assert 200 == r.status_code
        rows = [json.loads(line) for line in r.text.splitlines()]
        assert ["", expected] == [row["messages"] for row in rows]
        assert "not an integer {value}" == rows[1]["problems"][0]["template"]

    def test_batch_refuses_an_unsupported_locale(self, http: Any) -> None:
        """``?locale=fr`` on a batch is refused (422, the locale's path), not ignored."""
        r = http.post(
            "/v1/batch?as_of=2026-01-15&locale=fr",
            content=(BATCH / "agreements.csv").read_bytes(),
            headers={"content-type": "text/csv"},
        )
        assert 422 == r.status_code
        assert ["locale"] == [p["path"] for p in r.json()["problems"]]

    def test_batch_parquet(self, http: Any, tmp_path: Path) -> None:
        """POST /v1/batch with a Parquet upload gives the CSV's rows."""
        pacsv = pytest.importorskip("pyarrow.csv")
        pq = pytest.importorskip("pyarrow.parquet")
        pa = pytest.importorskip("pyarrow")
        names = (BATCH / "agreements.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        table = pacsv.read_csv(
            BATCH / "agreements.csv",
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string())),
        )
        target = tmp_path / "a.parquet"
        pq.write_table(table, target)
        parquet = http.post("/v1/batch?as_of=2026-01-15&input=parquet", content=target.read_bytes())
        csv = http.post(
            "/v1/batch?as_of=2026-01-15",
            content=(BATCH / "agreements.csv").read_bytes(),
            headers={"content-type": "text/csv"},
        )
        assert (200, csv.text) == (parquet.status_code, parquet.text)


def _day() -> pendulum.Date:
    return pendulum.date(2025, 1, 1)


class TestBadInput:
    def test_malformed_json(self, http: Any) -> None:
        """Malformed JSON is a 400 with a problems list naming line and column."""
        r = http.post("/v1/review", content=b'{"format": ')
        body = r.json()
        assert 400 == r.status_code
        assert "malformed_json" == body["error"]
        assert body["problems"][0]["path"].startswith("$ (line 1")

    def test_bad_case_lists_the_problems_the_cli_lists(self, http: Any) -> None:
        """A bad case file is a 422 with exactly the problems load_case raises."""
        bad = json.loads(NONCOMPETE)
        bad["as_of"] = "2025-02-30"
        bad["data"]["employee"]["wages"] = "many"
        with pytest.raises(InvalidInputError) as caught:
            load_case(bad)
        expected = [
            {"path": p.path, "value": p.value, "reason": p.reason} for p in caught.value.problems
        ]
        r = http.post("/v1/review", content=json.dumps(bad).encode())
        assert 422 == r.status_code
        got = [{k: p[k] for k in ("path", "value", "reason")} for p in r.json()["problems"]]
        assert ("invalid_input", expected) == (r.json()["error"], got)

    @pytest.mark.parametrize(
        ("query", "headers", "message"),
        [
            ("", {}, "应为数组，实际为字符串"),
            ("?locale=en", {}, "expected an array, got a string"),
            ("?locale=zh", {"Accept-Language": "en"}, "应为数组，实际为字符串"),
            ("", {"Accept-Language": "en-GB,zh;q=0.5"}, "expected an array, got a string"),
            ("", {"Accept-Language": "fr, zh-CN;q=0.8, en;q=0.5"}, "应为数组，实际为字符串"),
        ],
    )
    def test_problem_message_in_the_requested_locale(
        self, http: Any, query: str, headers: dict[str, str], message: str
    ) -> None:
        """A 422 problem carries its English reason, template, params and the message in the
        locale of ?locale=, else Accept-Language, else zh_CN."""
        bad = json.loads(NONCOMPETE)
        bad["data"]["employee"]["wages"] = "many"
        r = http.post(f"/v1/review{query}", content=json.dumps(bad).encode(), headers=headers)
        assert 422 == r.status_code
        assert {
            "path": "$.data.employee.wages",
            "value": '"many"',
            "reason": "expected an array, got a string",
            "template": "expected an array, got {got}",
            "params": {"got": "a string"},
            "message": message,
        } == r.json()["problems"][0]

    def test_problems_match_the_published_schema(self, http: Any) -> None:
        """Every problem answer (400, 404, 422) is valid against the Problems schema of
        /openapi.json."""
        jsonschema = pytest.importorskip("jsonschema")
        schema = http.get("/openapi.json").json()["components"]["schemas"]["Problems"]
        bad = json.loads(NONCOMPETE)
        bad["as_of"] = "2025-02-30"
        answers = [
            http.post("/v1/review", content=b'{"format": '),
            http.post("/v1/review?locale=en", content=json.dumps(bad).encode()),
            http.get("/v1/schema/alien"),
            http.get("/v1/nowhere"),
        ]
        for r in answers:
            assert r.status_code in (400, 404, 422)
            jsonschema.validate(r.json(), schema)

    def test_not_an_object(self, http: Any) -> None:
        """A JSON array as the body is a 422."""
        r = http.post("/v1/ledger", content=b"[1]")
        assert (422, "$") == (r.status_code, r.json()["problems"][0]["path"])

    @pytest.mark.parametrize(
        ("url", "path"),
        [
            ("/v1/review?locale=fr", "locale"),
            ("/v1/review?format=pdf", "format"),
            ("/v1/review?as_of=2025-13-01", "as_of"),
        ],
    )
    def test_bad_query(self, http: Any, url: str, path: str) -> None:
        """A bad locale, format or date is a 422 naming the query parameter."""
        r = http.post(url, content=NONCOMPETE)
        assert (422, path) == (r.status_code, r.json()["problems"][0]["path"])

    def test_parameter_errors(self, http: Any) -> None:
        """Missing as_of and unknown region are 422; an unknown name is 404."""
        no_date = http.get("/v1/parameters/noncompete.default_ratio")
        region = http.get("/v1/parameters/noncompete.default_ratio?as_of=2025-01-01&region=CN-XX")
        name = http.get("/v1/parameters/no.such?as_of=2025-01-01")
        assert (422, "as_of") == (no_date.status_code, no_date.json()["problems"][0]["path"])
        assert (422, "region") == (region.status_code, region.json()["problems"][0]["path"])
        assert 404 == name.status_code

    def test_batch_without_a_type_or_date(self, http: Any) -> None:
        """A batch without as_of is 422; with an unknown content type 415."""
        body = (BATCH / "agreements.csv").read_bytes()
        assert 422 == http.post("/v1/batch", content=body).status_code
        r = http.post(
            "/v1/batch?as_of=2026-01-15", content=body, headers={"content-type": "image/png"}
        )
        assert 415 == r.status_code

    def test_batch_missing_column(self, http: Any) -> None:
        """A CSV without the required columns is a 422 naming them."""
        r = http.post(
            "/v1/batch?as_of=2026-01-15",
            content=b"agreement_id\nA\n",
            headers={"content-type": "text/csv"},
        )
        assert 422 == r.status_code
        assert any("termination_date" in p["path"] for p in r.json()["problems"])

    def test_unknown_route(self, http: Any) -> None:
        """An unknown path is a JSON 404."""
        r = http.get("/v2/nothing")
        assert (404, "not_found") == (r.status_code, r.json()["error"])


class TestLimitsAndToken:
    def test_body_limit(self) -> None:
        """A body over max_body_bytes is a 413 with problems."""
        with _Live(Settings(max_body_bytes=1000)) as client:
            r = client.post("/v1/review", content=NONCOMPETE)
        assert (413, "too_large") == (r.status_code, r.json()["error"])

    def test_time_limit(self) -> None:
        """A request computing past timeout_seconds is a 503 with problems."""
        with _Live(Settings(timeout_seconds=0.001)) as client:
            r = client.post("/v1/review", content=NONCOMPETE)
        assert (503, "timeout") == (r.status_code, r.json()["error"])

    def test_bearer_token(self) -> None:
        """With a token, /v1 needs it (401 otherwise); /healthz stays open."""
        with _Live(Settings(token="s3cret")) as client:
            missing = client.get("/v1/regions")
            wrong = client.get("/v1/regions", headers={"authorization": "Bearer nope"})
            right = client.get("/v1/regions", headers={"authorization": "Bearer s3cret"})
            health = client.get("/healthz")
        assert (401, 401, 200, 200) == (
            missing.status_code,
            wrong.status_code,
            right.status_code,
            health.status_code,
        )
        assert "Bearer" == missing.headers["www-authenticate"]
        assert missing.json()["problems"]

    def test_internal_error_has_an_id_and_no_traceback(self) -> None:
        """An internal failure is a 500 with an error id; no traceback reaches the client."""

        class Broken:
            def __getattr__(self, name: str) -> Any:
                msg = "boom"
                raise RuntimeError(msg)

        with _Live(Settings(rulebook=cast("Rulebook", Broken()))) as client:
            r = client.get("/v1/regions")
        body = r.json()
        assert (500, "internal") == (r.status_code, body["error"])
        assert 32 == len(body["error_id"])
        assert "Traceback" not in r.text and "boom" not in r.text


def test_concurrent_requests_match_sequential(http: Any) -> None:
    """50 concurrent requests (reviews in both locales, ledgers, parameters) equal sequential ones."""
    calls: list[tuple[str, str, bytes | None]] = []
    for i in range(50):
        kind = i % 4
        if kind == 0:
            calls.append(("POST", "/v1/review?locale=en", NONCOMPETE))
        elif kind == 1:
            calls.append(("POST", "/v1/review?locale=zh", NONCOMPETE))
        elif kind == 2:
            calls.append(("POST", "/v1/ledger?format=markdown", NONCOMPETE))
        else:
            calls.append(
                ("GET", "/v1/parameters/minimum_wage.monthly?as_of=2025-09-01&region=CN-SH", None)
            )

    def call(c: tuple[str, str, bytes | None]) -> tuple[int, str]:
        r = http.request(c[0], c[1], content=c[2])
        return r.status_code, r.text

    sequential = [call(c) for c in calls]
    with ThreadPoolExecutor(max_workers=50) as pool:
        concurrent = list(pool.map(call, calls))
    assert all(200 == code for code, _ in sequential)
    assert sequential == concurrent


def test_tradesecret_serve_command(tmp_path: Path) -> None:
    """``tradesecret serve --token-env VAR`` in its own process answers over HTTP and checks the token."""
    port = _free_port()
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src, "TS_TEST_TOKEN": "tok-123"}
    cmd = [sys.executable, "-m", "tradesecret.cli", "serve", "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--token-env", "TS_TEST_TOKEN"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w"),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        health = None
        for _ in range(200):  # at most about 20 s
            try:
                health = httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health is not None, (tmp_path / "serve.log").read_text()
        assert "ok" == health.json()["status"]
        assert 401 == httpx.post(f"{base}/v1/review", content=NONCOMPETE).status_code
        answer = httpx.post(
            f"{base}/v1/review?locale=en",
            content=NONCOMPETE,
            headers={"authorization": "Bearer tok-123"},
            timeout=60,
        )
        messages = [f["message"] for f in _findings(answer.json())]
        assert any(m.startswith("The employee is senior technical staff") for m in messages)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
