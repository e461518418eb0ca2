"""
Bulk ingestion of machine evidence: access logs, cloud-document operation records
(CSV or JSON lines) and e-mail metadata.

The log itself is an :class:`~tradesecret.evidence.model.EvidenceItem` (make one with
:func:`log_item`, which hashes the file); every record becomes an
:class:`~tradesecret.evidence.model.Event` carrying the SHA-256 of its source line, so a
single line can be checked against the original later. People and documents not yet in
the graph are added as parties and carriers. A million records load in seconds (see the
benchmarks page).

Records are one per physical line. Times are ISO 8601 **with an offset**; a naive time
is refused, never guessed. Actions are mapped to event kinds by ``actions`` (defaults
below); an unknown action is an input error, as is any malformed record -- all
problems are collected (up to :data:`MAX_PROBLEMS`) and raised together.

Examples:
    >>> import pendulum
    >>> from tradesecret.evidence import EvidenceGraphBuilder, EvidenceKind, Party
    >>> from tradesecret.evidence.ingest import ingest_csv, log_item
    >>> raw = (
    ...     "time,user,doc,action\\n"
    ...     "2025-03-01T09:00:00+08:00,wang,doc-1,view\\n"
    ...     "2025-03-20T22:00:00+08:00,wang,doc-1,download\\n"
    ... )
    >>> b = EvidenceGraphBuilder()
    >>> _ = b.add(Party(id="it", name="IT department"))
    >>> _ = b.add(log_item(id="E-log", data=raw.encode(), kind=EvidenceKind.ACCESS_LOG,
    ...     collected_by="it", collected_at=pendulum.datetime(2025, 4, 2, tz="Asia/Shanghai")))
    >>> ingest_csv(b, raw, item="E-log")
    2
    >>> [e.kind.value for e in b.build().events_by("wang")]
    ['access', 'download']
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import json
from array import array
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs
import pendulum

from tradesecret.evidence.builder import EvidenceGraphBuilder
from tradesecret.evidence.custody import sha256_hex
from tradesecret.evidence.model import (
    CollectionMethod,
    Event,
    EventKind,
    EvidenceItem,
    EvidenceKind,
)
from tradesecret.exceptions import InvalidInputError, Problem

__all__ = [
    "DEFAULT_ACTIONS",
    "DEFAULT_COLUMNS",
    "MAX_PROBLEMS",
    "PERSONAL_MAIL_DOMAINS",
    "EmailRecord",
    "ingest_csv",
    "ingest_email_metadata",
    "ingest_jsonl",
    "log_item",
]

#: How many problems an ingestion error lists before it stops reading.
MAX_PROBLEMS: Final = 100

#: Default mapping of log actions (lower-cased) to event kinds: access logs and the
#: operation records of common cloud-document services.
DEFAULT_ACTIONS: Final[Mapping[str, EventKind]] = MappingProxyType(
    {
        "access": EventKind.ACCESS,
        "view": EventKind.ACCESS,
        "open": EventKind.ACCESS,
        "read": EventKind.ACCESS,
        "preview": EventKind.ACCESS,
        "download": EventKind.DOWNLOAD,
        "export": EventKind.DOWNLOAD,
        "sync": EventKind.DOWNLOAD,
        "copy": EventKind.COPY,
        "duplicate": EventKind.COPY,
        "usb_copy": EventKind.COPY,
        "print": EventKind.PRINT,
        "upload": EventKind.UPLOAD,
        "share_external": EventKind.UPLOAD,
        "external_link": EventKind.UPLOAD,
        "send_personal": EventKind.SEND_PERSONAL,
        "forward_personal": EventKind.SEND_PERSONAL,
        "disclosure": EventKind.DISCLOSURE,
        "use": EventKind.USE,
    }
)

#: Default column names: event id (optional), time, person, document, action, detail (optional).
DEFAULT_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "id": "id",
        "time": "time",
        "person": "user",
        "document": "doc",
        "action": "action",
        "detail": "detail",
    }
)

#: Mail domains treated as personal by :func:`ingest_email_metadata` unless overridden.
PERSONAL_MAIL_DOMAINS: Final = frozenset(
    {
        "qq.com",
        "foxmail.com",
        "163.com",
        "126.com",
        "yeah.net",
        "sina.com",
        "sohu.com",
        "aliyun.com",
        "139.com",
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "proton.me",
    }
)


def log_item(
    *,
    id: str,
    data: bytes,
    kind: EvidenceKind,
    collected_by: str,
    collected_at: pendulum.DateTime,
    method: CollectionMethod = CollectionMethod.SYSTEM_EXPORT,
    description: str = "",
    source: str = "",
) -> EvidenceItem:
    """An evidence item for a log file, with the SHA-256 of ``data``."""
    return EvidenceItem(
        id=id,
        kind=kind,
        sha256=sha256_hex(data),
        collected_by=collected_by,
        collected_at=collected_at,
        method=method,
        description=description,
        source=source,
    )


_NO_OFFSET: Final = "a time needs an offset (e.g. +08:00)"
_NOT_TIME: Final = "not an ISO 8601 time with offset"


def _parse_time(text: str) -> pendulum.DateTime:
    """An aware moment; ``ValueError`` with :data:`_NO_OFFSET` or :data:`_NOT_TIME`."""
    try:
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_NOT_TIME) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(_NO_OFFSET)
    return pendulum.DateTime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tzinfo=value.tzinfo,
    )


class _Rows:
    """Turns raw records into ``(event, person, carrier)`` rows, collecting problems."""

    def __init__(self, item: str, actions: Mapping[str, EventKind]) -> None:
        self.item = item
        self.actions = {k.lower(): v for k, v in actions.items()}
        self.problems: list[Problem] = []
        self.truncated = False
        #: The line number of each row produced, in order (for problem paths).
        self.lines: array[int] = array("q")

    def at(self, line: int, field: str) -> str:
        """The path of ``field`` on ``line`` of the item (``E-log:3.time``)."""
        return f"{self.item}:{line}.{field}"

    def fail(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.truncated = True

    def row(
        self,
        line: int,
        raw: bytes,
        *,
        event_id: str | None,
        time: str | None,
        person: str | None,
        document: str | None,
        action: str | None,
        detail: str | None,
    ) -> tuple[Event, str, str | None] | None:
        kind = self.actions.get((action or "").strip().lower())
        if kind is None:
            self.fail(
                Problem.of(self.at(line, "action"), action, "unknown action (pass actions=...)")
            )
            return None
        if not person:
            self.fail(Problem.of(self.at(line, "person"), person, "missing person"))
            return None
        if not document and kind is not EventKind.DEPARTURE:
            self.fail(Problem.of(self.at(line, "document"), document, "missing document"))
            return None
        try:
            at = _parse_time(time or "")
        except ValueError as exc:
            self.fail(
                Problem.of(
                    self.at(line, "time"),
                    time,
                    _NO_OFFSET if exc.args == (_NO_OFFSET,) else _NOT_TIME,
                )
            )
            return None
        event = Event(
            id=event_id or f"{self.item}#{line}",
            kind=kind,
            at=at,
            detail=detail or "",
            record_sha256=hashlib.sha256(raw).hexdigest(),
        )
        self.lines.append(line)
        return event, person, document or None

    def raise_if_failed(self) -> None:
        if self.problems:
            if self.truncated:
                self.problems.append(
                    Problem.of(
                        self.item,
                        "",
                        "more than {limit} problems; stopped listing",
                        limit=MAX_PROBLEMS,
                    )
                )
            raise InvalidInputError(self.problems)


def _lines(data: str | bytes | Iterable[str]) -> Iterator[str]:
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    if isinstance(data, str):
        yield from data.splitlines()
        return
    for line in data:
        yield line.rstrip("\r\n")


def ingest_csv(
    builder: EvidenceGraphBuilder,
    data: str | bytes | Iterable[str],
    *,
    item: str,
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    actions: Mapping[str, EventKind] = DEFAULT_ACTIONS,
) -> int:
    """
    Read a CSV access log or cloud-operation export (with a header row) into ``builder``.

    Args:
        builder: The builder; ``item`` must already be in it.
        data: The file's text or bytes, or an iterable of lines (e.g. an open file).
        item: Id of the evidence item the log is.
        columns: Logical name -> column header (see :data:`DEFAULT_COLUMNS`); ``id`` and
            ``detail`` may be absent from the file.
        actions: Action text -> event kind (see :data:`DEFAULT_ACTIONS`).

    Returns:
        The number of events added.

    Raises:
        InvalidInputError: a missing header column or any bad record (all listed).
    """
    lines = _lines(data)
    cols = _header(next(lines, None), item, columns)
    rows = _Rows(item, actions)
    return _add(builder, _records(lines, cols, item, rows), item, rows)


@attrs.frozen
class _Cols:
    """Where each logical column is in the header (-1: absent)."""

    time: int
    person: int
    doc: int
    action: int
    id: int
    detail: int
    width: int


def _header(header_line: str | None, item: str, columns: Mapping[str, str]) -> _Cols:
    if header_line is None:
        raise InvalidInputError.single(item, "", "empty log")
    header = next(csv.reader([header_line]))
    index = {name: i for i, name in enumerate(header)}
    needed = ("time", "person", "document", "action")
    missing = [columns[k] for k in needed if columns.get(k) not in index]
    if missing:
        raise InvalidInputError.single(
            f"{item}.header", header, "missing columns: {columns}", columns=missing
        )
    i_time, i_person, i_doc, i_action = (index[columns[k]] for k in needed)
    return _Cols(
        time=i_time,
        person=i_person,
        doc=i_doc,
        action=i_action,
        id=index.get(columns.get("id", ""), -1),
        detail=index.get(columns.get("detail", ""), -1),
        width=len(header),
    )


def _records(
    lines: Iterator[str], cols: _Cols, item: str, rows: _Rows
) -> Iterator[tuple[Event, str, str | None]]:
    """The events of the log, fast for well-formed records; problems go to ``rows``."""
    i_time, i_person, i_doc, i_action = cols.time, cols.person, cols.doc, cols.action
    i_id, i_detail, width = cols.id, cols.detail, cols.width
    acts = rows.actions
    fromiso = _dt.datetime.fromisoformat
    make_dt = pendulum.DateTime
    sha = hashlib.sha256
    line_of = rows.lines.append
    for n, raw in enumerate(lines, start=2):
        if not raw:
            continue
        # fast path for unquoted records; the csv module for quoted ones
        rec = raw.split(",") if '"' not in raw else next(csv.reader([raw]))
        if len(rec) != width:
            rows.fail(
                Problem.of(
                    rows.at(n, "record"),
                    raw,
                    "expected {width} fields, got {count}",
                    width=width,
                    count=len(rec),
                )
            )
            continue
        # fast path for a well-formed record; the slow path below reports problems
        kind = acts.get(rec[i_action].strip().lower())
        person, document = rec[i_person], rec[i_doc]
        if kind is not None and person and document:
            try:
                v = fromiso(rec[i_time])
            except ValueError:
                v = None
            if v is not None and v.tzinfo is not None:
                line_of(n)
                at = make_dt(
                    v.year,
                    v.month,
                    v.day,
                    v.hour,
                    v.minute,
                    v.second,
                    v.microsecond,
                    tzinfo=v.tzinfo,
                )
                yield (
                    Event(
                        id=(rec[i_id] if i_id >= 0 and rec[i_id] else f"{item}#{n}"),
                        kind=kind,
                        at=at,
                        detail=rec[i_detail] if i_detail >= 0 else "",
                        record_sha256=sha(raw.encode("utf-8")).hexdigest(),
                    ),
                    person,
                    document,
                )
                continue
        out = rows.row(
            n,
            raw.encode("utf-8"),
            event_id=rec[i_id] if i_id >= 0 else None,
            time=rec[i_time],
            person=rec[i_person],
            document=rec[i_doc],
            action=rec[i_action],
            detail=rec[i_detail] if i_detail >= 0 else None,
        )
        if out is not None:
            yield out


def _add(
    builder: EvidenceGraphBuilder,
    rows_iter: Iterator[tuple[Event, str, str | None]],
    item: str,
    rows: _Rows,
) -> int:
    # Validate everything before touching the builder, so a bad file adds nothing. The rows
    # are buffered column by column: a million short-lived row tuples would otherwise
    # survive into the oldest generation of the garbage collector and be traversed by
    # every full collection (the collector's own settings are never touched: they are
    # process-global).
    events: list[Event] = []
    people: list[str] = []
    carriers: list[str | None] = []
    add_event, add_person, add_carrier = events.append, people.append, carriers.append
    for event, person, carrier in rows_iter:
        add_event(event)
        add_person(person)
        add_carrier(carrier)
    lines = rows.lines

    def path(i: int) -> str:
        return f"{item}:{lines[i]}"

    # problems of the records and problems with the graph (ids taken, wrong node kinds),
    # all in one error
    try:
        builder._check_bulk(events, people, carriers, item, path)
    except InvalidInputError as exc:
        rows.problems.extend(exc.problems)
    rows.raise_if_failed()
    return builder._add_columns(events, people, carriers, source=item, paths=path, checked=True)


def ingest_jsonl(
    builder: EvidenceGraphBuilder,
    data: str | bytes | Iterable[str],
    *,
    item: str,
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    actions: Mapping[str, EventKind] = DEFAULT_ACTIONS,
) -> int:
    """
    Read JSON-lines records (one object per line) into ``builder``; same arguments and
    errors as :func:`ingest_csv`, with ``columns`` naming the object keys.
    """
    rows = _Rows(item, actions)

    def get(obj: Mapping[str, object], key: str) -> str | None:
        name = columns.get(key)
        value = obj.get(name) if name else None
        return None if value is None else str(value)

    def gen() -> Iterator[tuple[Event, str, str | None]]:
        for n, line in enumerate(_lines(data), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                rows.fail(Problem.of(rows.at(n, "record"), line[:60], "not JSON"))
                continue
            if not isinstance(obj, dict):
                rows.fail(Problem.of(rows.at(n, "record"), line[:60], "not a JSON object"))
                continue
            out = rows.row(
                n,
                line.encode("utf-8"),
                event_id=get(obj, "id"),
                time=get(obj, "time"),
                person=get(obj, "person"),
                document=get(obj, "document"),
                action=get(obj, "action"),
                detail=get(obj, "detail"),
            )
            if out is not None:
                yield out

    return _add(builder, gen(), item, rows)


class EmailRecord:
    """Field names of e-mail metadata records (a dict per message; JSON lines)."""

    #: Message-ID (becomes the event id).
    ID: Final = "message_id"
    #: Sent time, ISO 8601 with offset.
    TIME: Final = "time"
    #: Sender address.
    FROM: Final = "from"
    #: Recipient addresses (a list, or text separated by ``;`` or ``,``).
    TO: Final = "to"
    #: Ids of the carriers attached (a list, or text separated by ``;``).
    ATTACHMENTS: Final = "attachments"


def _split(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str):
        return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]
    return []


def ingest_email_metadata(
    builder: EvidenceGraphBuilder,
    records: Iterable[Mapping[str, object]] | str | bytes,
    *,
    item: str,
    people: Mapping[str, str],
    company_domains: Iterable[str],
    personal_domains: Iterable[str] = PERSONAL_MAIL_DOMAINS,
) -> int:
    """
    Turn e-mail metadata into events, one per (message, attached carrier).

    A message sent by an address in ``people`` (address -> party id) with attachments
    becomes, for each attachment: ``send_personal`` when a recipient is at a personal
    domain, ``disclosure`` when a
    recipient is at another outside domain, ``copy`` when all recipients are internal.
    Messages from unknown senders or without attachments are skipped.

    Args:
        builder: The builder; ``item`` must already be in it.
        records: Dicts with the :class:`EmailRecord` fields, or their JSON-lines text.
        item: Id of the evidence item (the mail export).
        people: Sender address (lower case) -> party id.
        company_domains: The company's own mail domains.
        personal_domains: Domains treated as personal.

    Returns:
        The number of events added.
    """
    if isinstance(records, str | bytes):
        text = records.decode("utf-8") if isinstance(records, bytes) else records
        parsed: list[Any] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                parsed.append(json.loads(line))
            except (json.JSONDecodeError, RecursionError):
                raise InvalidInputError.single(
                    f"{item}:{number}", line[:60], "not JSON lines"
                ) from None
        records = parsed
    company = {d.lower() for d in company_domains}
    personal = {d.lower() for d in personal_domains}
    who = {k.lower(): v for k, v in people.items()}
    rows = _Rows(item, {k.value: k for k in EventKind})

    def gen() -> Iterator[tuple[Event, str, str | None]]:
        for n, rec in enumerate(records, start=1):
            sender = str(rec.get(EmailRecord.FROM, "")).strip().lower()
            party = who.get(sender)
            attachments = _split(rec.get(EmailRecord.ATTACHMENTS))
            if party is None or not attachments:
                continue
            recipients = [r.lower() for r in _split(rec.get(EmailRecord.TO))]
            domains = {r.rsplit("@", 1)[-1] for r in recipients}
            if domains & personal:
                kind = EventKind.SEND_PERSONAL
            elif domains - company:
                kind = EventKind.DISCLOSURE
            else:
                kind = EventKind.COPY
            raw = json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8")
            message_id = str(rec.get(EmailRecord.ID) or f"{item}#{n}")
            for a, attachment in enumerate(attachments):
                out = rows.row(
                    n,
                    raw,
                    event_id=message_id if len(attachments) == 1 else f"{message_id}/{a}",
                    time=str(rec.get(EmailRecord.TIME, "")),
                    person=party,
                    document=attachment,
                    action=kind.value,
                    detail=";".join(recipients),
                )
                if out is not None:
                    yield out

    return _add(builder, gen(), item, rows)
