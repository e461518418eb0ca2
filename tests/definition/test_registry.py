"""The secret registry: who knew what, when."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import from_json, to_date, to_json
from tradesecret.definition import (
    AccessAction,
    AccessEvent,
    AccessGrant,
    Carrier,
    CarrierKind,
    SecretKind,
    SecretRegistry,
    TradeSecret,
    registry_from,
)
from tradesecret.exceptions import InvalidInputError


def secret(sid: str, *carriers: str) -> TradeSecret:
    return TradeSecret(
        id=sid,
        title=sid,
        kind=SecretKind.TECHNICAL,
        carriers=tuple(Carrier(id=c, kind=CarrierKind.DOCUMENT) for c in carriers),
    )


@pytest.fixture
def reg() -> SecretRegistry:
    """Two secrets, three people, grants and logs."""
    return SecretRegistry(
        secrets=(secret("TS-1", "C-1"), secret("TS-2")),
        grants=(
            AccessGrant(
                person="alice",
                secret_id="TS-1",
                granted="2024-01-01",
                revoked="2024-06-30",
                purpose="process R&D",
                carrier_ids=("C-1",),
            ),
            AccessGrant(person="alice", secret_id="TS-2", granted="2025-01-01"),
            AccessGrant(person="bob", secret_id="TS-1", granted="2024-06-30"),
        ),
        events=(
            AccessEvent(
                person="carol", secret_id="TS-2", on="2024-03-03", action=AccessAction.COPY
            ),
            AccessEvent(person="alice", secret_id="TS-1", on="2024-05-05"),
        ),
    )


class TestQueries:
    def test_secrets_known_by_window(self, reg: SecretRegistry) -> None:
        """A grant overlapping the window counts; one starting after it does not."""
        assert frozenset({"TS-1"}) == reg.secrets_known_by(
            "alice", start="2024-06-01", end="2024-12-31"
        )
        assert frozenset({"TS-1", "TS-2"}) == reg.secrets_known_by(
            "alice", start="2024-01-01", end="2025-01-01"
        )

    def test_revocation_day_is_inclusive(self, reg: SecretRegistry) -> None:
        """Access revoked on 2024-06-30 was still held that day, not the next."""
        assert frozenset({"alice", "bob"}) == reg.holders_of("TS-1", on="2024-06-30")
        assert frozenset({"bob"}) == reg.holders_of("TS-1", on="2024-07-01")

    def test_access_events_count_as_knowledge(self, reg: SecretRegistry) -> None:
        """A logged access without a grant still means the person knew the secret."""
        assert frozenset({"TS-2"}) == reg.secrets_known_by(
            "carol", start="2024-01-01", end="2024-12-31"
        )
        assert frozenset() == reg.secrets_known_by("carol", start="2024-03-04", end="2024-12-31")
        assert frozenset({"carol"}) == reg.accessed_by("TS-2", start="2024-03-03", end="2024-03-03")

    def test_unknown_person_knows_nothing(self, reg: SecretRegistry) -> None:
        """A person not in the registry has no secrets."""
        assert frozenset() == reg.secrets_known_by("zed", start="2020-01-01", end="2030-01-01")

    def test_unauthorised_events(self, reg: SecretRegistry) -> None:
        """Carol's copy had no grant; Alice's view did."""
        assert ("carol",) == tuple(e.person for e in reg.unauthorised_events())

    def test_lookups(self, reg: SecretRegistry) -> None:
        """Grants by person and secret, carriers and events are reachable."""
        assert 2 == len(reg.grants_of("alice"))
        assert ("alice", "bob") == tuple(g.person for g in reg.grants_for("TS-1"))
        assert "TS-1" == reg.carrier("C-1")[0]
        assert ("alice", "bob", "carol") == reg.persons()
        assert 1 == len(reg.events_of("alice", start="2024-05-05", end="2024-05-05"))

    def test_bad_window(self, reg: SecretRegistry) -> None:
        """An end before the start, and a bad date, are both reported."""
        with pytest.raises(InvalidInputError) as err:
            reg.secrets_known_by("alice", start="2025-01-01", end="2024-01-01")
        assert "end" == err.value.field
        with pytest.raises(InvalidInputError) as err:
            reg.holders_of("TS-9", on="2024-01-01")
        assert ["secret_id"] == [p.path for p in err.value.problems]

    def test_every_query_problem_at_once(self, reg: SecretRegistry) -> None:
        """An unknown secret and a bad date are reported together, each with its path."""
        with pytest.raises(InvalidInputError) as err:
            reg.holders_of("TS-9", on="2024-02-30")
        assert ["secret_id", "on"] == [p.path for p in err.value.problems]
        with pytest.raises(InvalidInputError) as err:
            reg.accessed_by("TS-9", start="2025-01-01", end="2024-01-01")
        assert ["secret_id", "end"] == [p.path for p in err.value.problems]


class TestValidation:
    def test_every_problem_reported(self) -> None:
        """Unknown secrets, reversed dates and foreign carriers are all listed at once."""
        with pytest.raises(InvalidInputError) as err:
            SecretRegistry(
                secrets=(secret("TS-1", "C-1"), secret("TS-1")),
                grants=(
                    AccessGrant(person="a", secret_id="TS-9", granted="2024-01-01"),
                    AccessGrant(
                        person="a", secret_id="TS-1", granted="2024-01-02", revoked="2024-01-01"
                    ),
                    AccessGrant(
                        person="a", secret_id="TS-1", granted="2024-01-01", carrier_ids=("C-X",)
                    ),
                ),
                events=(AccessEvent(person="a", secret_id="TS-8", on="2024-01-01"),),
            )
        assert [
            "secrets[1].id",
            "grants[0].secret_id",
            "grants[1].revoked",
            "grants[2].carrier_ids",
            "events[0].secret_id",
        ] == [p.path for p in err.value.problems]

    def test_lists_refused(self) -> None:
        """Collections are tuples; registry_from accepts any iterable."""
        with pytest.raises(TypeError):
            SecretRegistry(secrets=[secret("TS-1")])  # type: ignore[arg-type]
        assert 1 == len(registry_from([secret("TS-1")]).secrets)


class TestJson:
    def test_round_trip(self, reg: SecretRegistry) -> None:
        """The registry survives JSON and answers the same questions."""
        back = from_json(to_json(reg), SecretRegistry)

        assert reg == back
        assert reg.holders_of("TS-1", on="2024-07-01") == back.holders_of("TS-1", on="2024-07-01")


DAY0 = dt.date(2024, 1, 1)
days = st.integers(min_value=0, max_value=60)
people = st.sampled_from(["p0", "p1", "p2", "p3"])
sids = st.sampled_from(["S0", "S1", "S2"])


@st.composite
def grants(draw: st.DrawFn) -> AccessGrant:
    start = draw(days)
    length = draw(st.none() | st.integers(min_value=0, max_value=30))
    return AccessGrant(
        person=draw(people),
        secret_id=draw(sids),
        granted=to_date(DAY0 + dt.timedelta(days=start)),
        revoked=None if length is None else to_date(DAY0 + dt.timedelta(days=start + length)),
    )


@st.composite
def events(draw: st.DrawFn) -> AccessEvent:
    return AccessEvent(
        person=draw(people),
        secret_id=draw(sids),
        on=to_date(DAY0 + dt.timedelta(days=draw(days))),
    )


class TestAgainstBruteForce:
    @given(
        gs=st.lists(grants(), max_size=25),
        es=st.lists(events(), max_size=10),
        person=people,
        a=days,
        b=days,
    )
    def test_secrets_known_by(
        self, gs: list[AccessGrant], es: list[AccessEvent], person: str, a: int, b: int
    ) -> None:
        """The indexed query equals a scan of every grant and event."""
        reg = SecretRegistry(
            secrets=tuple(secret(s) for s in ("S0", "S1", "S2")), grants=tuple(gs), events=tuple(es)
        )
        start = to_date(DAY0 + dt.timedelta(days=min(a, b)))
        end = to_date(DAY0 + dt.timedelta(days=max(a, b)))
        expected = {
            g.secret_id
            for g in gs
            if g.person == person and g.granted <= end and (g.revoked is None or g.revoked >= start)
        } | {e.secret_id for e in es if e.person == person and start <= e.on <= end}

        assert frozenset(expected) == reg.secrets_known_by(person, start=start, end=end)

    @given(gs=st.lists(grants(), max_size=25), sid=sids, d=days)
    def test_holders_of(self, gs: list[AccessGrant], sid: str, d: int) -> None:
        """holders_of equals a scan of the grants active on the day."""
        reg = SecretRegistry(secrets=tuple(secret(s) for s in ("S0", "S1", "S2")), grants=tuple(gs))
        day = to_date(DAY0 + dt.timedelta(days=d))

        assert frozenset(g.person for g in gs if g.secret_id == sid and g.active_on(day)) == (
            reg.holders_of(sid, on=day)
        )


class TestCarrierHash:
    def test_matches(self) -> None:
        """A carrier's registered SHA-256 verifies the content handed back."""
        from tradesecret.definition import content_hash  # noqa: PLC0415

        carrier = Carrier(id="SOP", kind=CarrierKind.DOCUMENT, sha256=content_hash(b"v7"))

        assert carrier.matches(b"v7") is True
        assert carrier.matches(b"v8") is False
        assert Carrier(id="X", kind=CarrierKind.DOCUMENT).matches(b"v7") is None


class TestKnowledge:
    def test_periods_and_records(self, reg: SecretRegistry) -> None:
        """Alice's access within 2024: TS-1 from the window start to revocation, by one grant and one log."""
        from tradesecret.definition import Knowledge  # noqa: PLC0415

        assert (
            Knowledge(
                secret_id="TS-1",
                first=to_date("2024-02-01"),
                last=to_date("2024-06-30"),
                grants=1,
                events=1,
                purposes=("process R&D",),
            ),
        ) == reg.knowledge_of("alice", start="2024-02-01", end="2024-12-31")

    def test_event_only_knowledge(self, reg: SecretRegistry) -> None:
        """Carol's single copy is knowledge on that day only."""
        (k,) = reg.knowledge_of("carol", start="2024-01-01", end="2024-12-31")

        assert ("TS-2", to_date("2024-03-03"), to_date("2024-03-03"), 0, 1) == (
            k.secret_id,
            k.first,
            k.last,
            k.grants,
            k.events,
        )

    @given(gs=st.lists(grants(), max_size=20), es=st.lists(events(), max_size=8), person=people)
    def test_same_secrets_as_secrets_known_by(
        self, gs: list[AccessGrant], es: list[AccessEvent], person: str
    ) -> None:
        """knowledge_of names exactly the secrets of secrets_known_by."""
        reg = SecretRegistry(
            secrets=tuple(secret(s) for s in ("S0", "S1", "S2")), grants=tuple(gs), events=tuple(es)
        )
        start, end = to_date("2024-01-10"), to_date("2024-02-20")

        assert reg.secrets_known_by(person, start=start, end=end) == frozenset(
            k.secret_id for k in reg.knowledge_of(person, start=start, end=end)
        )


class TestEmpty:
    def test_registry_without_grants(self) -> None:
        """A registry with secrets but no grants or events answers with empty sets."""
        reg = SecretRegistry(secrets=(secret("A"),))

        assert frozenset() == reg.holders_of("A", on="2024-01-01")
        assert () == reg.knowledge_of("x", start="2024-01-01", end="2024-12-31")
        assert () == SecretRegistry().persons()
