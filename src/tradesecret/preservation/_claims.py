"""
The two factors that rest on the evidence: the basis of the request and the likelihood
of infringement (SPC IP-preservation provisions Arts. 7(1), 8; SPC 2020 trade-secret
provisions Arts. 9--15), from the claim outcomes of the evidence evaluation.

This is aggregation, not a list of rules: each claim's outcome comes from the evidence
evaluation (:mod:`tradesecret.evidence`), and a factor is the worst outcome of the
claims it needs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from tradesecret.preservation._codes import BASIS, LIKELIHOOD
from tradesecret.preservation._ctx import Ctx, finding, worst
from tradesecret.preservation._law import IP, TS
from tradesecret.preservation._model import Claim, ClaimInput
from tradesecret.results import Arg, Criterion, Finding, Outcome, Severity, Term

__all__ = ["CLAIM_CITES", "basis", "likelihood"]

_ZERO: Final = Decimal(0)

#: The sources each claim rests on.
CLAIM_CITES: Final = {
    Claim.SECRET: (f"{TS}:3", f"{TS}:5", f"{TS}:7", f"{IP}:8"),
    Claim.OWNERSHIP: (f"{IP}:8",),
    Claim.ACCESS: (f"{TS}:12",),
    Claim.SIMILARITY: (f"{TS}:13",),
    Claim.INFRINGING_ACT: (f"{TS}:9", f"{TS}:15"),
}
_CLAIM_REMEDY: Final = {
    Claim.SECRET: "preservation.remedy.prove_secret",
    Claim.OWNERSHIP: "preservation.remedy.prove_ownership",
    Claim.ACCESS: "preservation.remedy.prove_access",
    Claim.SIMILARITY: "preservation.remedy.prove_similarity",
    Claim.INFRINGING_ACT: "preservation.remedy.prove_act",
}


class _Acc:
    """What a factor collects from its claims."""

    def __init__(self, ctx: Ctx, outcomes: list[Outcome], findings: list[Finding]) -> None:
        self.ctx = ctx
        self.outcomes = outcomes
        self.strengths: list[Decimal] = []
        self.evidence: list[str] = []
        self.findings = findings
        self.facts: dict[str, Arg] = {}

    def missing_claim(self, kind: Claim) -> None:
        self.outcomes.append(Outcome.INSUFFICIENT_EVIDENCE)
        self.strengths.append(_ZERO)
        self.findings.append(
            finding(
                "preservation.gap.claim_not_evaluated",
                Severity.HIGH,
                self.ctx.rests_on(*CLAIM_CITES[kind]),
                {"claim": Term(f"preservation.claim.{kind.value}")},
                remedies=(_CLAIM_REMEDY[kind],),
            )
        )

    def add(self, kind: Claim, claims: list[ClaimInput]) -> None:
        ctx = self.ctx
        cites = ctx.rests_on(*CLAIM_CITES[kind])
        label = Term(f"preservation.claim.{kind.value}")
        self.facts[f"claim_{kind.value}"] = Term(
            f"term.outcome.{worst([c.outcome for c in claims]).value}"
        )
        for claim in claims:
            self.outcomes.append(claim.outcome)
            strength = claim.strength
            self.strengths.append(
                strength if strength is not None else ctx.params.claim_strength(claim.outcome)
            )
            self.evidence.extend(e for e in claim.evidence if e not in self.evidence)
            if claim.outcome is not Outcome.MET:
                self.findings.append(
                    finding(
                        "preservation.gap.claim",
                        Severity.HIGH if claim.outcome is Outcome.NOT_MET else Severity.MEDIUM,
                        cites,
                        {"claim": label, "outcome": Term(f"term.outcome.{claim.outcome.value}")},
                        subject=claim.secret,
                        remedies=(_CLAIM_REMEDY[kind],),
                    )
                )
            self.findings.extend(claim.findings)
            self.findings.extend(
                finding(
                    "preservation.gap.evidence",
                    Severity.MEDIUM,
                    cites,
                    {"claim": label, "what": gap},
                    subject=claim.secret,
                )
                for gap in claim.gaps
            )


def _claims_factor(
    ctx: Ctx,
    *,
    code: str,
    required: tuple[Claim, ...],
    optional: tuple[Claim, ...],
    base_cites: tuple[str, ...],
    acc: _Acc,
) -> Criterion:
    """A factor that rests on claim outcomes from the evidence evaluation."""
    cites = list(ctx.rests_on(*base_cites))
    for kind in (*required, *optional):
        # A claim the evaluation marks not applicable says nothing either way.
        claims = [c for c in ctx.claims(kind) if c.outcome is not Outcome.NOT_APPLICABLE]
        if kind in optional:
            # An optional claim counts only where the evidence bears on it either way.
            claims = [c for c in claims if c.outcome is not Outcome.INSUFFICIENT_EVIDENCE]
        cites.extend(ctx.law(*CLAIM_CITES[kind]))
        if claims:
            acc.add(kind, claims)
        elif kind in required:
            acc.missing_claim(kind)
    return Criterion(
        code=code,
        outcome=worst(acc.outcomes),
        citations=tuple(cites),
        findings=tuple(acc.findings),
        facts=acc.facts,
        evidence=tuple(acc.evidence),
        strength=min(acc.strengths) if acc.strengths else _ZERO,
        parameters=tuple(
            p for p in ctx.params.all() if p.name.startswith("preservation.claim_strength")
        ),
    )


def basis(ctx: Ctx) -> Criterion:
    """Art. 7(1), Art. 8: factual and legal basis, incl. the stability of the right."""
    undefined = [s for s in ctx.app.secrets if not s.content_defined]
    findings = [
        finding(
            "preservation.gap.secret_undefined",
            Severity.HIGH,
            ctx.rests_on(f"{IP}:4", f"{TS}:27"),
            {"secret": s.title},
            subject=s.id,
            remedies=("preservation.remedy.define_secret_points",),
        )
        for s in undefined
    ]
    outcomes = [Outcome.INSUFFICIENT_EVIDENCE] if undefined else []
    if not ctx.app.secrets:
        outcomes.append(Outcome.INSUFFICIENT_EVIDENCE)
    acc = _Acc(ctx, outcomes, findings)
    acc.facts["secrets"] = len(ctx.app.secrets)
    return _claims_factor(
        ctx,
        code=BASIS,
        required=(Claim.SECRET, Claim.OWNERSHIP),
        optional=(),
        base_cites=(f"{IP}:7", f"{IP}:8"),
        acc=acc,
    )


def likelihood(ctx: Ctx) -> Criterion:
    """Likelihood of infringement, on a preponderance of the evidence."""
    acc = _Acc(ctx, [], [])
    acc.facts["standard"] = Term("preservation.standard.preponderance")
    return _claims_factor(
        ctx,
        code=LIKELIHOOD,
        required=(Claim.ACCESS, Claim.INFRINGING_ACT),
        optional=(Claim.SIMILARITY,),
        base_cites=(f"{IP}:7", f"{TS}:15"),
        acc=acc,
    )
