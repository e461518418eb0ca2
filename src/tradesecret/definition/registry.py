"""
The secret registry: secrets, who was granted access to what and when, and access logs.

A :class:`SecretRegistry` is immutable. Its indexes (per person and per secret, as
numpy arrays of day ordinals) are built once at construction, so "which secrets did
P know between two dates" and "who had access to S on a day" cost a slice and a
vectorised comparison, not a scan of every grant.

Date semantics (library convention, stated here once):

* a grant covers every day from ``granted`` to ``revoked`` **inclusive** -- access
  revoked on a day was still held during that day; ``revoked=None`` means still held;
* a person *knew* a secret in ``[start, end]`` when a grant overlaps that window or an
  access event falls in it.

Examples:
    >>> from tradesecret.definition import (
    ...     AccessGrant, SecretKind, SecretRegistry, TradeSecret)
    >>> reg = SecretRegistry(
    ...     secrets=(TradeSecret(id="TS-1", title="Cathode sintering curve",
    ...                          kind=SecretKind.TECHNICAL),),
    ...     grants=(AccessGrant(person="E-7", secret_id="TS-1",
    ...                         granted="2024-03-01", revoked="2025-06-30"),),
    ... )
    >>> sorted(reg.secrets_known_by("E-7", start="2025-01-01", end="2025-12-31"))
    ['TS-1']
    >>> sorted(reg.holders_of("TS-1", on="2025-07-01"))
    []
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs
import numpy as np
import numpy.typing as npt
import pendulum

from tradesecret._convert import check_id as _check_id
from tradesecret._convert import date_field as _date
from tradesecret._convert import optional_date_field as _opt_date
from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.definition._model import Carrier, TradeSecret
from tradesecret.exceptions import InvalidInputError, Problem

__all__ = ["AccessAction", "AccessEvent", "AccessGrant", "Knowledge", "SecretRegistry"]

#: Ordinal used for "not revoked" (far beyond any real date).
_OPEN: Final = np.int32(np.iinfo(np.int32).max)
_IntArray = npt.NDArray[np.int32]
_IdxArray = npt.NDArray[np.intp]


@attrs.frozen(kw_only=True)
class AccessGrant:
    """
    Access to one secret granted to one person for a period.

    Attributes:
        person: Person identifier (employee number, partner contact...).
        secret_id: The secret.
        granted: First day of access.
        revoked: Last day of access (inclusive); ``None`` while access continues.
        purpose: Why access was needed (need-to-know, SPC 2020 Art. 6 item 4).
        carrier_ids: Carriers handed over under this grant (to be returned on exit).
    """

    person: str = attrs.field(validator=_check_id)
    secret_id: str = attrs.field(validator=_check_id)
    granted: pendulum.Date = attrs.field(converter=_date)
    revoked: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    purpose: str = ""
    carrier_ids: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def active_on(self, day: pendulum.Date) -> bool:
        """True when the grant covers ``day``."""
        return self.granted <= day and (self.revoked is None or day <= self.revoked)


class AccessAction(enum.Enum):
    """What an access event did."""

    VIEW = "view"
    DOWNLOAD = "download"
    COPY = "copy"
    PRINT = "print"
    MODIFY = "modify"
    EXPORT = "export"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class AccessEvent:
    """
    One logged access to a secret or one of its carriers.

    Attributes:
        person: Who.
        secret_id: Which secret.
        on: The day.
        action: What was done.
        carrier_id: The carrier touched, if known.
        id: The log record's id, if any.
    """

    person: str = attrs.field(validator=_check_id)
    secret_id: str = attrs.field(validator=_check_id)
    on: pendulum.Date = attrs.field(converter=_date)
    action: AccessAction = AccessAction.VIEW
    carrier_id: str | None = None
    id: str | None = None


@attrs.frozen(kw_only=True)
class Knowledge:
    """
    What one person knew of one secret within a window, and how it is shown.

    Attributes:
        secret_id: The secret.
        first: First day of access within the window.
        last: Last day of access within the window.
        grants: Number of grants overlapping the window.
        events: Number of logged accesses within the window.
        purposes: The purposes stated on those grants, without repeats.
    """

    secret_id: str
    first: pendulum.Date
    last: pendulum.Date
    grants: int
    events: int
    purposes: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))


@attrs.frozen(kw_only=True)
class _Index:
    secret_ids: tuple[str, ...]
    person_ids: tuple[str, ...]
    secret_pos: Mapping[str, int]
    person_pos: Mapping[str, int]
    # grants
    g_secret: _IntArray
    g_start: _IntArray
    g_end: _IntArray
    g_by_person: _IdxArray
    g_person_off: _IdxArray
    g_by_secret: _IdxArray
    g_secret_off: _IdxArray
    # events, sorted by (person, day) and by (secret, day)
    e_secret: _IntArray
    e_person: _IntArray
    e_day: _IntArray
    e_by_person: _IdxArray
    e_person_off: _IdxArray
    e_by_secret: _IdxArray
    e_secret_off: _IdxArray


def _offsets(keys: _IntArray, size: int) -> _IdxArray:
    counts = np.bincount(keys, minlength=size) if keys.size else np.zeros(size, dtype=np.intp)
    offsets = np.zeros(size + 1, dtype=np.intp)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def _build_index(
    secrets: tuple[TradeSecret, ...],
    grants: tuple[AccessGrant, ...],
    events: tuple[AccessEvent, ...],
) -> _Index:
    secret_ids = tuple(s.id for s in secrets)
    secret_pos = {sid: i for i, sid in enumerate(secret_ids)}
    person_pos: dict[str, int] = {}
    for g in grants:
        person_pos.setdefault(g.person, len(person_pos))
    for e in events:
        person_pos.setdefault(e.person, len(person_pos))
    person_ids = tuple(person_pos)
    n, m = len(grants), len(events)
    g_person = np.fromiter((person_pos[g.person] for g in grants), dtype=np.int32, count=n)
    g_secret = np.fromiter((secret_pos[g.secret_id] for g in grants), dtype=np.int32, count=n)
    g_start = np.fromiter((g.granted.toordinal() for g in grants), dtype=np.int32, count=n)
    g_end = np.fromiter(
        (_OPEN if g.revoked is None else g.revoked.toordinal() for g in grants),
        dtype=np.int32,
        count=n,
    )
    e_person = np.fromiter((person_pos[e.person] for e in events), dtype=np.int32, count=m)
    e_secret = np.fromiter((secret_pos[e.secret_id] for e in events), dtype=np.int32, count=m)
    e_day = np.fromiter((e.on.toordinal() for e in events), dtype=np.int32, count=m)
    return _Index(
        secret_ids=secret_ids,
        person_ids=person_ids,
        secret_pos=MappingProxyType(secret_pos),
        person_pos=MappingProxyType(person_pos),
        g_secret=g_secret,
        g_start=g_start,
        g_end=g_end,
        g_by_person=np.argsort(g_person, kind="stable"),
        g_person_off=_offsets(g_person, len(person_ids)),
        g_by_secret=np.argsort(g_secret, kind="stable"),
        g_secret_off=_offsets(g_secret, len(secret_ids)),
        e_secret=e_secret,
        e_person=e_person,
        e_day=e_day,
        e_by_person=np.lexsort((e_day, e_person)),
        e_person_off=_offsets(e_person, len(person_ids)),
        e_by_secret=np.lexsort((e_day, e_secret)),
        e_secret_off=_offsets(e_secret, len(secret_ids)),
    )


def _validate(
    secrets: tuple[TradeSecret, ...],
    grants: tuple[AccessGrant, ...],
    events: tuple[AccessEvent, ...],
) -> list[Problem]:
    problems: list[Problem] = []
    ids: set[str] = set()
    carriers: dict[str, str] = {}
    for i, secret in enumerate(secrets):
        if secret.id in ids:
            problems.append(Problem.of(f"secrets[{i}].id", secret.id, "duplicate secret id"))
        ids.add(secret.id)
        for j, carrier in enumerate(secret.carriers):
            other = carriers.setdefault(carrier.id, secret.id)
            if other != secret.id:
                problems.append(
                    Problem.of(
                        f"secrets[{i}].carriers[{j}].id",
                        carrier.id,
                        "carrier id already used by secret {secret}",
                        secret=other,
                    )
                )
    for i, grant in enumerate(grants):
        if grant.secret_id not in ids:
            problems.append(Problem.of(f"grants[{i}].secret_id", grant.secret_id, "unknown secret"))
        if grant.revoked is not None and grant.revoked < grant.granted:
            problems.append(
                Problem.of(f"grants[{i}].revoked", grant.revoked, "revoked before granted")
            )
        for carrier_id in grant.carrier_ids:
            if carriers.get(carrier_id) != grant.secret_id:
                problems.append(
                    Problem.of(
                        f"grants[{i}].carrier_ids", carrier_id, "not a carrier of this secret"
                    )
                )
    for i, event in enumerate(events):
        if event.secret_id not in ids:
            problems.append(Problem.of(f"events[{i}].secret_id", event.secret_id, "unknown secret"))
    return problems


@attrs.frozen(kw_only=True)
class SecretRegistry:
    """
    An immutable registry of secrets, access grants and access events.

    Construction validates references (every grant and event names a registered
    secret; carrier ids are unique; ``revoked`` is not before ``granted``) and
    raises :class:`~tradesecret.exceptions.InvalidInputError` listing every problem.

    Attributes:
        secrets: The secrets, each with a unique id.
        grants: Access grants over time.
        events: Logged accesses.
    """

    secrets: tuple[TradeSecret, ...] = attrs.field(default=(), validator=tuple_of(TradeSecret))
    grants: tuple[AccessGrant, ...] = attrs.field(default=(), validator=tuple_of(AccessGrant))
    events: tuple[AccessEvent, ...] = attrs.field(default=(), validator=tuple_of(AccessEvent))
    _index: _Index = attrs.field(init=False, eq=False, repr=False, hash=False)
    _by_id: Mapping[str, TradeSecret] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _carriers: Mapping[str, tuple[str, Carrier]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        problems = _validate(self.secrets, self.grants, self.events)
        if problems:
            raise InvalidInputError(problems)
        object.__setattr__(self, "_index", _build_index(self.secrets, self.grants, self.events))
        object.__setattr__(self, "_by_id", MappingProxyType({s.id: s for s in self.secrets}))
        object.__setattr__(
            self,
            "_carriers",
            MappingProxyType({c.id: (s.id, c) for s in self.secrets for c in s.carriers}),
        )

    # -- lookups --------------------------------------------------------------------------

    def secret(self, secret_id: str) -> TradeSecret:
        """The secret with that id; raises :class:`InvalidInputError` for an unknown id."""
        try:
            return self._by_id[secret_id]
        except KeyError:
            raise InvalidInputError.single("secret_id", secret_id, "unknown secret") from None

    def carrier(self, carrier_id: str) -> tuple[str, Carrier]:
        """``(secret id, carrier)`` for a carrier id."""
        try:
            return self._carriers[carrier_id]
        except KeyError:
            raise InvalidInputError.single("carrier_id", carrier_id, "unknown carrier") from None

    def persons(self) -> tuple[str, ...]:
        """Every person named in a grant or event, in first-seen order."""
        return self._index.person_ids

    def grants_of(self, person: str) -> tuple[AccessGrant, ...]:
        """The person's grants, in input order."""
        pos = self._index.person_pos.get(person)
        if pos is None:
            return ()
        ix = self._index
        rows = ix.g_by_person[ix.g_person_off[pos] : ix.g_person_off[pos + 1]]
        return tuple(self.grants[int(r)] for r in rows)

    def grants_for(self, secret_id: str) -> tuple[AccessGrant, ...]:
        """The grants for one secret, in input order."""
        self.secret(secret_id)
        ix = self._index
        pos = ix.secret_pos[secret_id]
        rows = ix.g_by_secret[ix.g_secret_off[pos] : ix.g_secret_off[pos + 1]]
        return tuple(self.grants[int(r)] for r in rows)

    def events_of(
        self, person: str, *, start: object = None, end: object = None
    ) -> tuple[AccessEvent, ...]:
        """The person's access events in ``[start, end]`` (open ends allowed), by day."""
        pos = self._index.person_pos.get(person)
        if pos is None:
            return ()
        rows = self._event_rows(self._index.e_by_person, self._index.e_person_off, pos, start, end)
        return tuple(self.events[int(r)] for r in rows)

    # -- the two questions -------------------------------------------------------------------

    def secrets_known_by(self, person: str, *, start: object, end: object) -> frozenset[str]:
        """
        Ids of the secrets ``person`` had access to, or accessed, on any day of ``[start, end]``.

        Raises:
            InvalidInputError: a bad date, or ``end`` before ``start``.
        """
        lo, hi = self._window(start, end)
        ix = self._index
        pos = ix.person_pos.get(person)
        if pos is None:
            return frozenset()
        found = set(ix.g_secret[self._grant_rows(pos, lo, hi)].tolist())
        erows = self._event_rows(ix.e_by_person, ix.e_person_off, pos, lo, hi)
        found.update(ix.e_secret[erows].tolist())
        return frozenset(ix.secret_ids[i] for i in found)

    def knowledge_of(self, person: str, *, start: object, end: object) -> tuple[Knowledge, ...]:
        """
        Per secret, when ``person`` had access within ``[start, end]`` and the records showing
        it (grants overlapping the window, logged accesses in it), sorted by secret id.

        Raises:
            InvalidInputError: a bad date, or ``end`` before ``start``.
        """
        lo, hi = self._window(start, end)
        ix = self._index
        pos = ix.person_pos.get(person)
        if pos is None:
            return ()
        acc: dict[int, _Tally] = {}
        for r in self._grant_rows(pos, lo, hi).tolist():
            first, last = max(int(ix.g_start[r]), lo), min(int(ix.g_end[r]), hi)
            tally = acc.setdefault(int(ix.g_secret[r]), _Tally(first, last))
            tally.see(first, last)
            tally.grants += 1
            purpose = self.grants[r].purpose
            if purpose and purpose not in tally.purposes:
                tally.purposes.append(purpose)
        for r in self._event_rows(ix.e_by_person, ix.e_person_off, pos, lo, hi).tolist():
            day = int(ix.e_day[r])
            tally = acc.setdefault(int(ix.e_secret[r]), _Tally(day, day))
            tally.see(day, day)
            tally.events += 1
        out = [
            Knowledge(
                secret_id=ix.secret_ids[sid],
                first=_from_ordinal(t.first),
                last=_from_ordinal(t.last),
                grants=t.grants,
                events=t.events,
                purposes=tuple(t.purposes),
            )
            for sid, t in acc.items()
        ]
        return tuple(sorted(out, key=lambda k: k.secret_id))

    def holders_of(self, secret_id: str, *, on: object) -> frozenset[str]:
        """
        The persons holding a grant for ``secret_id`` on day ``on``.

        Raises:
            InvalidInputError: every problem at once -- unknown secret, bad date.
        """
        problems = self._unknown_secret(secret_id)
        try:
            day = to_date(on, path="on").toordinal()
        except InvalidInputError as exc:
            raise InvalidInputError([*problems, *exc.problems]) from None
        if problems:
            raise InvalidInputError(problems)
        ix = self._index
        pos = ix.secret_pos[secret_id]
        rows = ix.g_by_secret[ix.g_secret_off[pos] : ix.g_secret_off[pos + 1]]
        hit = rows[(ix.g_start[rows] <= day) & (ix.g_end[rows] >= day)]
        return frozenset(self.grants[int(r)].person for r in hit)

    def accessed_by(self, secret_id: str, *, start: object, end: object) -> frozenset[str]:
        """
        The persons with a logged access to ``secret_id`` in ``[start, end]``.

        Raises:
            InvalidInputError: every problem at once -- unknown secret, bad dates, ``end``
                before ``start``.
        """
        problems = self._unknown_secret(secret_id)
        try:
            lo, hi = self._window(start, end)
        except InvalidInputError as exc:
            raise InvalidInputError([*problems, *exc.problems]) from None
        if problems:
            raise InvalidInputError(problems)
        ix = self._index
        pos = ix.secret_pos[secret_id]
        rows = self._event_rows(ix.e_by_secret, ix.e_secret_off, pos, lo, hi)
        return frozenset(ix.person_ids[i] for i in set(ix.e_person[rows].tolist()))

    def unauthorised_events(self) -> tuple[AccessEvent, ...]:
        """Access events on a day the person held no grant for that secret, in input order."""
        by_pair: dict[tuple[str, str], list[AccessGrant]] = {}
        for grant in self.grants:
            by_pair.setdefault((grant.person, grant.secret_id), []).append(grant)
        return tuple(
            e
            for e in self.events
            if not any(g.active_on(e.on) for g in by_pair.get((e.person, e.secret_id), ()))
        )

    # -- helpers ---------------------------------------------------------------------------

    def _unknown_secret(self, secret_id: str) -> list[Problem]:
        if secret_id in self._index.secret_pos:
            return []
        return [Problem.of("secret_id", secret_id, "unknown secret")]

    @staticmethod
    def _window(start: object, end: object) -> tuple[int, int]:
        problems: list[Problem] = []
        lo = hi = None
        try:
            lo = to_date(start, path="start")
        except InvalidInputError as exc:
            problems.extend(exc.problems)
        try:
            hi = to_date(end, path="end")
        except InvalidInputError as exc:
            problems.extend(exc.problems)
        if lo is not None and hi is not None and hi < lo:
            problems.append(Problem.of("end", hi, "end is before start"))
        if problems or lo is None or hi is None:
            raise InvalidInputError(problems)
        return lo.toordinal(), hi.toordinal()

    def _grant_rows(self, pos: int, lo: int, hi: int) -> _IdxArray:
        """The grants of the person at ``pos`` that overlap the days ``[lo, hi]``."""
        ix = self._index
        rows = ix.g_by_person[ix.g_person_off[pos] : ix.g_person_off[pos + 1]]
        hit: _IdxArray = rows[(ix.g_start[rows] <= hi) & (ix.g_end[rows] >= lo)]
        return hit

    def _event_rows(
        self, order: _IdxArray, offsets: _IdxArray, pos: int, start: object, end: object
    ) -> _IdxArray:
        ix = self._index
        rows = order[offsets[pos] : offsets[pos + 1]]
        if rows.size == 0:
            return rows
        days = ix.e_day[rows]
        lo = 0 if start is None else int(np.searchsorted(days, _ordinal(start), side="left"))
        hi = rows.size if end is None else int(np.searchsorted(days, _ordinal(end), side="right"))
        return rows[lo:hi]


class _Tally:
    __slots__ = ("events", "first", "grants", "last", "purposes")

    def __init__(self, first: int, last: int) -> None:
        self.first, self.last = first, last
        self.grants = self.events = 0
        self.purposes: list[str] = []

    def see(self, first: int, last: int) -> None:
        self.first, self.last = min(self.first, first), max(self.last, last)


def _from_ordinal(ordinal: int) -> pendulum.Date:
    day = pendulum.Date.fromordinal(ordinal)
    return pendulum.Date(day.year, day.month, day.day)


def _ordinal(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return to_date(value, path="date").toordinal()


def registry_from(
    secrets: Iterable[TradeSecret],
    grants: Iterable[AccessGrant] = (),
    events: Iterable[AccessEvent] = (),
) -> SecretRegistry:
    """Build a registry from any iterables (lists from an HR export, generators...)."""
    return SecretRegistry(secrets=tuple(secrets), grants=tuple(grants), events=tuple(events))
