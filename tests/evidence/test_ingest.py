"""Bulk ingestion: CSV and JSON-lines logs, e-mail metadata, errors collected."""

from __future__ import annotations

import gc
import hashlib
import json

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.evidence import (
    CLAIM_TREE,
    EDGE_RULES,
    ClaimCode,
    EdgeKind,
    Event,
    EventKind,
    EvidenceGraphBuilder,
    EvidenceKind,
    NodeKind,
    Party,
    Secret,
)
from tradesecret.evidence.example import CONTENT
from tradesecret.evidence.ingest import (
    DEFAULT_ACTIONS,
    DEFAULT_COLUMNS,
    MAX_PROBLEMS,
    ingest_csv,
    ingest_email_metadata,
    ingest_jsonl,
    log_item,
)
from tradesecret.evidence.model import NODE_CLASSES
from tradesecret.evidence.reasoning import SUGGESTIONS
from tradesecret.exceptions import InvalidInputError

AT = pendulum.datetime(2025, 4, 2, 10, tz="Asia/Shanghai")


def builder(item: str = "L", data: bytes = b"") -> EvidenceGraphBuilder:
    """A builder with a collector and one log item."""
    b = EvidenceGraphBuilder()
    b.add(Party(id="it", name="IT"))
    b.add(
        log_item(
            id=item, data=data, kind=EvidenceKind.ACCESS_LOG, collected_by="it", collected_at=AT
        )
    )
    return b


class TestCsv:
    """CSV access logs and cloud exports."""

    def test_rows_become_events(self) -> None:
        """Each row is an event with the SHA-256 of its line; people and documents are added."""
        text = (
            "id,time,user,doc,action,detail\n"
            "a1,2025-03-01T09:00:00+08:00,wang,doc-1,view,\n"
            'a2,2025-03-02T01:00:00+00:00,wang,doc-2,share_external,"link, public"\n'
        )
        b = builder()
        assert 2 == ingest_csv(b, text, item="L")
        g = b.build()
        a2 = g.node("a2")
        assert isinstance(a2, Event)
        line = 'a2,2025-03-02T01:00:00+00:00,wang,doc-2,share_external,"link, public"'
        assert (EventKind.UPLOAD, "link, public", hashlib.sha256(line.encode()).hexdigest()) == (
            a2.kind,
            a2.detail,
            a2.record_sha256,
        )
        assert pendulum.datetime(2025, 3, 2, 9, tz="Asia/Shanghai") == a2.at
        assert "L" == g.event_source("a1")
        assert {NodeKind.PARTY, NodeKind.CARRIER} == {
            g.node("wang").node_kind,
            g.node("doc-1").node_kind,
        }

    def test_custom_columns_and_actions(self) -> None:
        """Column names and action words are configurable; ids default to item#line."""
        text = "ts,who,file,op\n2025-03-01T09:00:00+08:00,li,f1,FWD\n"
        b = builder()
        ingest_csv(
            b,
            text.splitlines(keepends=True),
            item="L",
            columns={"time": "ts", "person": "who", "document": "file", "action": "op"},
            actions={"fwd": EventKind.SEND_PERSONAL},
        )
        assert EventKind.SEND_PERSONAL == b.build().events_by("li")[0].kind

    def test_every_problem_listed(self) -> None:
        """Bad rows are all reported, with line numbers, and nothing is added."""
        text = (
            "time,user,doc,action\n"
            "2025-03-01T09:00:00,wang,doc-1,view\n"
            "2025-03-01T09:00:00+08:00,wang,doc-1,teleport\n"
            "2025-03-01T09:00:00+08:00,,doc-1,view\n"
            "2025-03-01T09:00:00+08:00,wang\n"
        )
        b = builder()
        with pytest.raises(InvalidInputError) as info:
            ingest_csv(b, text, item="L")
        assert ["L:2.time", "L:3.action", "L:4.person", "L:5.record"] == [
            p.path for p in info.value.problems
        ]
        assert "wang" not in b

    def test_problem_cap(self) -> None:
        """At most MAX_PROBLEMS problems are listed, then a note."""
        text = "time,user,doc,action\n" + "x,wang,doc,view\n" * (MAX_PROBLEMS + 5)
        with pytest.raises(InvalidInputError) as info:
            ingest_csv(builder(), text, item="L")
        assert MAX_PROBLEMS + 1 == len(info.value.problems)

    def test_missing_column(self) -> None:
        """A header without the needed columns is refused."""
        with pytest.raises(InvalidInputError):
            ingest_csv(builder(), "time,user\n", item="L")

    def test_unknown_item(self) -> None:
        """The source must be an evidence item in the builder."""
        with pytest.raises(InvalidInputError):
            ingest_csv(
                builder(), "time,user,doc,action\n2025-03-01T09:00:00+08:00,w,d,view\n", item="nope"
            )


class TestJsonl:
    """JSON-lines records."""

    def test_records(self) -> None:
        """Objects per line; blank lines skipped; bad JSON listed."""
        lines = [
            json.dumps(
                {
                    "time": "2025-03-01T09:00:00+08:00",
                    "user": "wang",
                    "doc": "d1",
                    "action": "download",
                }
            ),
            "",
            json.dumps(
                {
                    "time": "2025-03-01T10:00:00+08:00",
                    "user": "wang",
                    "doc": "d1",
                    "action": "print",
                }
            ),
        ]
        b = builder()
        assert 2 == ingest_jsonl(b, "\n".join(lines), item="L")
        assert [EventKind.DOWNLOAD, EventKind.PRINT] == [
            e.kind for e in b.build().events_by("wang")
        ]
        with pytest.raises(InvalidInputError) as info:
            ingest_jsonl(builder(), "{not json}\n[1]\n", item="L")
        assert ["L:1.record", "L:2.record"] == [p.path for p in info.value.problems]


class TestEmail:
    """E-mail metadata."""

    def test_classification(self) -> None:
        """Personal domain -> send_personal; other outside domain -> disclosure; internal -> copy."""
        records = [
            {
                "message_id": "m1",
                "time": "2025-03-28T22:10:00+08:00",
                "from": "Wang@acme.cn",
                "to": "wang1987@qq.com",
                "attachments": ["doc-spec"],
            },
            {
                "message_id": "m2",
                "time": "2025-03-29T10:00:00+08:00",
                "from": "wang@acme.cn",
                "to": ["buyer@rival.com"],
                "attachments": "doc-spec;doc-dwg",
            },
            {
                "message_id": "m3",
                "time": "2025-03-29T11:00:00+08:00",
                "from": "wang@acme.cn",
                "to": "li@acme.cn",
                "attachments": ["doc-dwg"],
            },
            {
                "message_id": "m4",
                "time": "2025-03-29T11:00:00+08:00",
                "from": "x@acme.cn",
                "to": "y@qq.com",
                "attachments": ["doc-dwg"],
            },
            {
                "message_id": "m5",
                "time": "2025-03-29T11:00:00+08:00",
                "from": "wang@acme.cn",
                "to": "y@qq.com",
                "attachments": [],
            },
        ]
        b = builder("MAIL")
        n = ingest_email_metadata(
            b, records, item="MAIL", people={"wang@acme.cn": "wang"}, company_domains=["acme.cn"]
        )
        g = b.build()
        assert 4 == n
        got = [(e.id, e.kind) for e in g.events_by("wang")]
        assert [
            ("m1", EventKind.SEND_PERSONAL),
            ("m2/0", EventKind.DISCLOSURE),
            ("m2/1", EventKind.DISCLOSURE),
            ("m3", EventKind.COPY),
        ] == got

    def test_jsonl_text(self) -> None:
        """Metadata may come as JSON-lines text."""
        text = json.dumps(
            {
                "message_id": "m1",
                "time": "2025-03-28T22:10:00+08:00",
                "from": "w@a.cn",
                "to": "w@gmail.com",
                "attachments": ["d"],
            }
        )
        b = builder("MAIL")
        assert 1 == ingest_email_metadata(
            b, text, item="MAIL", people={"w@a.cn": "w"}, company_domains=["a.cn"]
        )
        with pytest.raises(InvalidInputError):
            ingest_email_metadata(b, "{", item="MAIL", people={}, company_domains=[])


class TestProcessState:
    """Ingestion leaves process-global state alone (tenants and threads share the process)."""

    def test_garbage_collector_untouched(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No call pauses, freezes or retunes the cyclic garbage collector."""
        calls: list[str] = []
        for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold", "collect"):
            monkeypatch.setattr(gc, name, lambda *a, _n=name, **k: calls.append(_n))
        text = "time,user,doc,action\n2025-03-01T09:00:00+08:00,wang,doc-1,view\n"
        b = builder()
        assert 1 == ingest_csv(b, text, item="L")
        assert 1 == ingest_jsonl(
            b,
            json.dumps(
                {"time": "2025-03-01T10:00:00+08:00", "user": "wang", "doc": "d", "action": "view"}
            ),
            item="L",
        )
        assert [] == calls
        assert gc.isenabled()

    def test_module_tables_read_only(self) -> None:
        """Module-level tables are read-only views: no tenant can change another's defaults."""
        tables: list[tuple[object, object]] = [
            (DEFAULT_ACTIONS, "view"),
            (DEFAULT_COLUMNS, "time"),
            (EDGE_RULES, EdgeKind.OWNS),
            (CLAIM_TREE, ClaimCode.RIGHT),
            (NODE_CLASSES, NodeKind.EVENT),
            (SUGGESTIONS, ClaimCode.ACCESS),
            (CONTENT, "E-log"),
        ]
        for table, key in tables:
            with pytest.raises(TypeError):
                table[key] = None  # type: ignore[index]


class TestAtomicBatches:
    """A bad batch adds nothing, and every problem is listed with its line or row."""

    def test_graph_problems_listed_with_lines(self) -> None:
        """Repeated ids, ids already taken and wrong node kinds are all listed, by line."""
        b = builder()
        b.add(Secret(id="S1", name="S"))
        text = (
            "id,time,user,doc,action\n"
            "a1,2025-03-01T09:00:00+08:00,wang,doc-1,view\n"
            "a1,2025-03-01T10:00:00+08:00,wang,doc-1,view\n"
            "L,2025-03-01T11:00:00+08:00,wang,doc-1,view\n"
            "a4,2025-03-01T12:00:00+08:00,S1,doc-1,view\n"
            "a5,2025-03-01T13:00:00+08:00,wang,it,view\n"
            "a6,2025-03-01T14:00:00+08:00,wang,S1,copy\n"
        )
        with pytest.raises(InvalidInputError) as info:
            ingest_csv(b, text, item="L")
        assert [
            ("L:3.id", '"a1"'),
            ("L:4.id", '"L"'),
            ("L:5.person", '"S1"'),
            ("L:6.carrier", '"it"'),
        ] == [(p.path, p.value) for p in info.value.problems]
        assert "wang" not in b
        assert "doc-1" not in b
        assert "a1" not in b

    def test_record_and_graph_problems_together(self) -> None:
        """A malformed record and a person who is not a party come back in one error."""
        b = builder()
        text = (
            "time,user,doc,action\n"
            "2025-03-01T09:00:00,wang,doc-1,view\n"
            "2025-03-01T09:00:00+08:00,it,L,view\n"
        )
        with pytest.raises(InvalidInputError) as info:
            ingest_csv(b, text, item="L")
        assert ["L:2.time", "L:3.carrier"] == [p.path for p in info.value.problems]

    def test_bad_event_ids(self) -> None:
        """An event id from the file's id column must be a valid node id, as for add()."""
        b = builder()
        text = "id,time,user,doc,action\nmy event,2025-03-01T09:00:00+08:00,wang,d1,view\n"
        with pytest.raises(InvalidInputError) as info:
            ingest_csv(b, text, item="L")
        assert ["L:2.id"] == [p.path for p in info.value.problems]
        with pytest.raises(InvalidInputError) as info:
            b.add(Event(id="my event", kind=EventKind.ACCESS, at=AT))
        assert ["id"] == [p.path for p in info.value.problems]

    def test_bad_new_ids(self) -> None:
        """A person or document id that cannot be a node id is listed, not half-added."""
        b = builder()
        rows = [
            json.dumps(
                {
                    "time": "2025-03-01T09:00:00+08:00",
                    "user": "li lei",
                    "doc": "d1",
                    "action": "view",
                }
            ),
            json.dumps(
                {"time": "2025-03-01T09:00:00+08:00", "user": "li", "doc": "d 2", "action": "view"}
            ),
        ]
        with pytest.raises(InvalidInputError) as info:
            ingest_jsonl(b, "\n".join(rows), item="L")
        assert ["L:1.person", "L:2.carrier"] == [p.path for p in info.value.problems]
        assert "li" not in b

    def test_add_events_bulk_rows(self) -> None:
        """The builder's bulk method names problems by row and adds nothing."""
        b = builder()
        e = Event(id="e1", kind=EventKind.ACCESS, at=AT)
        with pytest.raises(InvalidInputError) as info:
            b.add_events_bulk([(e, "wang", "d1"), (e, "L", "d1")], source="nope")
        assert ["source", "rows[1].id", "rows[1].person"] == [p.path for p in info.value.problems]
        assert "wang" not in b
        assert 1 == b.add_events_bulk([(e, "wang", "d1")], source="L")
        g = b.build()
        assert ("wang", "L") == (g.performer("e1"), g.event_source("e1"))


class TestAtomicityProperty:
    """Whatever the mix of good and bad rows, a failing batch leaves the builder unchanged."""

    @given(
        rows=st.lists(
            st.tuples(
                st.sampled_from(["wang", "li", "it", "bad person", ""]),
                st.sampled_from(["d1", "d2", "L", "bad doc"]),
                st.sampled_from(["view", "copy", "teleport"]),
                st.sampled_from(["2025-03-01T09:00:00+08:00", "2025-03-01T09:00:00", "x"]),
            ),
            min_size=1,
            max_size=8,
        )
    )
    def test_all_or_nothing(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Either every row becomes an event, or an error lists problems and nothing is added."""
        b = builder()
        text = "time,user,doc,action\n" + "".join(
            f"{at},{who},{doc},{act}\n" for who, doc, act, at in rows
        )
        good = all(
            who in ("wang", "li", "it")
            and doc in ("d1", "d2")
            and act != "teleport"
            and at.endswith("+08:00")
            for who, doc, act, at in rows
        )
        if good:
            assert len(rows) == ingest_csv(b, text, item="L")
            assert len(rows) == b.build().count(NodeKind.EVENT)
            return
        with pytest.raises(InvalidInputError):
            ingest_csv(b, text, item="L")
        g = b.build()
        assert (2, 0) == (len(g), g.count(NodeKind.EVENT))
