"""The assessment consumes the evidence-chain evaluation (tradesecret.evidence)."""

from __future__ import annotations

import pendulum
import pytest

from tradesecret import Money, explain, to_date
from tradesecret.evidence import (
    Carrier,
    ClaimCode,
    EventKind,
    EvidenceGraph,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    Party,
    PartyRole,
    Secret,
    evaluate,
)
from tradesecret.preservation import (
    BASIS,
    LIKELIHOOD,
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    OrderKind,
    PartyKind,
    PreservationAssessment,
    PublicInterestFacts,
    RequestedOrder,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
    claims_from_evaluation,
)
from tradesecret.preservation import Party as Applicant
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

TZ = "Asia/Shanghai"
AS_OF = to_date("2024-11-01")


def mailbox_graph(*, right_evidence: bool) -> EvidenceGraph:
    """An employee forwards a carrier of S1 to a personal mailbox; optionally, proof of the right."""
    b = EvidenceGraphBuilder()
    b.add(Party(id="acme", name="ACME", role=PartyRole.COMPANY))
    b.add(Party(id="li", name="Li", role=PartyRole.EMPLOYEE))
    b.add(Secret(id="S1", name="Process documents"))
    b.add(Carrier(id="doc-1", name="process.pdf"))
    b.embodies("doc-1", "S1")
    b.owns("acme", "S1")

    def item(item_id: str, kind: EvidenceKind) -> str:
        return b.add(
            EvidenceItem(
                id=item_id,
                kind=kind,
                sha256="a" * 64,
                collected_by="acme",
                collected_at=pendulum.datetime(2024, 10, 20, 10, tz=TZ),
            )
        )

    item("E-mail", EvidenceKind.EMAIL)
    b.event(
        id="ev1",
        kind=EventKind.SEND_PERSONAL,
        by="li",
        at=pendulum.datetime(2024, 10, 10, 22, tz=TZ),
        on="doc-1",
        source="E-mail",
    )
    if right_evidence:
        for code, kind in [
            (ClaimCode.NOT_PUBLICLY_KNOWN, EvidenceKind.PUBLIC_SEARCH_REPORT),
            (ClaimCode.COMMERCIAL_VALUE, EvidenceKind.VALUATION_REPORT),
            (ClaimCode.MEASURES, EvidenceKind.POLICY_RECORD),
            (ClaimCode.CONTENT_DEFINED, EvidenceKind.SECRET_SPECIFICATION),
            (ClaimCode.OWNERSHIP, EvidenceKind.FORMATION_DOCUMENT),
        ]:
            b.supports(item(f"E-{kind.value}", kind), b.claim(code, "S1"))
    return b.build()


def application(**kw: object) -> Application:
    base: dict[str, object] = {
        "id": "mailbox",
        "applicant": Applicant(name="ACME", kind=PartyKind.COMPANY),
        "respondent": Applicant(name="Li", kind=PartyKind.INDIVIDUAL),
        "stage": Stage.PRE_SUIT,
        "secrets": (ClaimedSecret(id="S1", title="Process documents"),),
        "orders": (
            RequestedOrder(
                kind=OrderKind.NOT_DISCLOSE,
                secrets=("S1",),
                description="Not to disclose",
                until_judgment_effective=True,
            ),
        ),
        "urgency": UrgencyFacts(disclosure_imminent=True),
        "security": Security(amount=Money("100000")),
        "public_interest": PublicInterestFacts.not_involved(),
        "court": "Court",
    }
    base.update(kw)
    return Application(**base)  # type: ignore[arg-type]


class TestClaimsFromEvaluation:
    def test_mapping(self) -> None:
        """Each preservation claim takes the outcome, evidence and gaps of its evidence claims."""
        e = evaluate(mailbox_graph(right_evidence=False), secret="S1", respondent="li", as_of=AS_OF)
        by = {c.claim: c for c in claims_from_evaluation(e, secret="S1")}

        assert Outcome.INSUFFICIENT_EVIDENCE == by[Claim.SECRET].outcome
        assert (Outcome.MET, ("E-mail",)) == (by[Claim.ACCESS].outcome, by[Claim.ACCESS].evidence)
        # the act is a parent claim: its evidence is that of the established child (acquisition)
        assert (Outcome.MET, ("E-mail",)) == (
            by[Claim.INFRINGING_ACT].outcome,
            by[Claim.INFRINGING_ACT].evidence,
        )
        assert by[Claim.SECRET].findings
        assert all(f.code.startswith("evidence.gap.") for f in by[Claim.SECRET].findings)
        assert {"S1"} == {c.secret for c in by.values()}

    def test_secret_is_the_worst_of_the_three_criteria_and_content(self) -> None:
        """With proof of every criterion the secret claim is met, with all items relied on."""
        e = evaluate(mailbox_graph(right_evidence=True), secret="S1", respondent="li", as_of=AS_OF)
        secret = next(c for c in claims_from_evaluation(e) if c.claim is Claim.SECRET)

        assert Outcome.MET == secret.outcome
        assert 4 == len(secret.evidence)


class TestAssessWithEvidence:
    def test_graph_without_proof_of_the_right(self) -> None:
        """The graph is evaluated: the act is proved, the right is not; evidence gaps surface."""
        pa = assess_preservation(
            application(), as_of=AS_OF, evidence=mailbox_graph(right_evidence=False)
        )

        assert Outcome.INSUFFICIENT_EVIDENCE == pa.factor(BASIS).outcome
        assert Outcome.MET == pa.factor(LIKELIHOOD).outcome  # similarity unproven but not needed
        assert any(f.code.startswith("evidence.gap.") for f in pa.gaps())
        assert not pa.ready

    def test_graph_with_proof_is_ready(self) -> None:
        """With the right proved the application is ready."""
        pa = assess_preservation(
            application(), as_of=AS_OF, evidence=mailbox_graph(right_evidence=True)
        )

        assert (Outcome.MET, True) == (pa.outcome, pa.ready)
        assert "E-mail" in pa.factor(LIKELIHOOD).evidence

    def test_stated_claims_take_precedence(self) -> None:
        """A claim the application states itself overrides the derived one."""
        stated = ClaimInput(
            claim=Claim.ACCESS, outcome=Outcome.CONTESTED, evidence=("witness",), secret="S1"
        )
        pa = assess_preservation(
            application(claims=(stated,)),
            as_of=AS_OF,
            evidence=mailbox_graph(right_evidence=True),
        )

        assert Outcome.CONTESTED == pa.factor(LIKELIHOOD).outcome

    def test_other_standard_is_noted(self) -> None:
        """An evaluation under another standard is used, with a low finding."""
        e = evaluate(
            mailbox_graph(right_evidence=True),
            secret="S1",
            respondent="li",
            as_of=AS_OF,
            standard="prima_facie",
        )
        pa = assess_preservation(application(), as_of=AS_OF, evidence=e)

        assert "preservation.evidence.other_standard" in pa.codes()

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_evidence_gaps_render_in_both_languages(self, locale: str) -> None:
        """Gap messages come from the evidence catalog in the reader's language."""
        pa = assess_preservation(
            application(), as_of=AS_OF, evidence=mailbox_graph(right_evidence=False)
        )

        assert explain(pa, locale=locale, format="markdown")


def test_json_round_trip_with_evidence_findings() -> None:
    """An assessment carrying the evaluation's gap findings survives JSON."""
    pa = assess_preservation(
        application(), as_of=AS_OF, evidence=mailbox_graph(right_evidence=False)
    )

    assert pa == from_json(to_json(pa), PreservationAssessment)


class TestWorstOutcome:
    @pytest.mark.parametrize(
        ("outcomes", "expected"),
        [
            ([Outcome.NOT_APPLICABLE], Outcome.NOT_APPLICABLE),
            ([Outcome.MET, Outcome.NOT_APPLICABLE], Outcome.MET),
            ([Outcome.NOT_APPLICABLE, Outcome.CONTESTED], Outcome.CONTESTED),
            ([Outcome.MET, Outcome.INSUFFICIENT_EVIDENCE, Outcome.NOT_MET], Outcome.NOT_MET),
        ],
    )
    def test_not_applicable_alone_is_not_met(
        self, outcomes: list[Outcome], expected: Outcome
    ) -> None:
        """A claim the evaluation marks not applicable is never turned into 'met'."""
        from tradesecret.preservation._evidence import _worst  # noqa: PLC0415

        assert expected == _worst(outcomes)
