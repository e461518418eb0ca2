"""
From the evidence-chain evaluation to the claims the preservation factors rest on.

:func:`claims_from_evaluation` reads an :class:`~tradesecret.evidence.EvidenceEvaluation`
(normally under the *preponderance* standard) and gives one
:class:`~tradesecret.preservation.ClaimInput` per claim:

======================  ===============================================================
Preservation claim       Evidence claims (``tradesecret.evidence.ClaimCode``)
======================  ===============================================================
``SECRET``               ``NOT_PUBLICLY_KNOWN``, ``COMMERCIAL_VALUE``, ``MEASURES``,
                         ``CONTENT_DEFINED`` -- the worst of them (all are required)
``OWNERSHIP``            ``OWNERSHIP``
``ACCESS``               ``ACCESS``
``SIMILARITY``           ``SIMILARITY``
``INFRINGING_ACT``       ``ACT`` (improper acquisition, disclosure or use, breach of duty,
                         or -- the evidence module's reading -- inferred from access and
                         similarity)
======================  ===============================================================

The evidence relied on is the union of the items the evaluation counted (for a parent
claim such as ``ACT``, those of its established children); the strength is
the weakest supporting share among the claims combined (``None`` where the evaluation
gives none, so the preservation policy strength for the outcome applies); the gaps are
the evaluation's own :class:`~tradesecret.evidence.Gap` messages, kept as findings so the
readiness report renders them in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from tradesecret.evidence import ClaimCode, EvidenceEvaluation
from tradesecret.preservation._model import Claim, ClaimInput
from tradesecret.results import Finding, Outcome, Severity

__all__ = ["CLAIM_MAP", "claims_from_evaluation"]

#: Which evidence claims each preservation claim combines.
CLAIM_MAP: Final[Mapping[Claim, tuple[ClaimCode, ...]]] = MappingProxyType(
    {
        Claim.SECRET: (
            ClaimCode.NOT_PUBLICLY_KNOWN,
            ClaimCode.COMMERCIAL_VALUE,
            ClaimCode.MEASURES,
            ClaimCode.CONTENT_DEFINED,
        ),
        Claim.OWNERSHIP: (ClaimCode.OWNERSHIP,),
        Claim.ACCESS: (ClaimCode.ACCESS,),
        Claim.SIMILARITY: (ClaimCode.SIMILARITY,),
        Claim.INFRINGING_ACT: (ClaimCode.ACT,),
    }
)

_ORDER: Final = (Outcome.NOT_MET, Outcome.CONTESTED, Outcome.INSUFFICIENT_EVIDENCE)


def _worst(outcomes: list[Outcome]) -> Outcome:
    """The worst outcome; not-applicable ones say nothing, unless all are."""
    for candidate in _ORDER:
        if candidate in outcomes:
            return candidate
    if outcomes and all(o is Outcome.NOT_APPLICABLE for o in outcomes):
        return Outcome.NOT_APPLICABLE
    return Outcome.MET


def _evidence(evaluation: EvidenceEvaluation, code: ClaimCode) -> tuple[str, ...]:
    """Items a claim rests on; for a parent claim, those of its established children."""
    own = evaluation.claim(code).evidence
    if own:
        return own
    children = dict(evaluation.tree).get(code.value, ())
    out: list[str] = []
    for child in children:
        child_code = ClaimCode(child)
        if evaluation.outcome_of(child_code) is Outcome.MET:
            out.extend(_evidence(evaluation, child_code))
    return tuple(dict.fromkeys(out))


def claims_from_evaluation(
    evaluation: EvidenceEvaluation, *, secret: str | None = None
) -> tuple[ClaimInput, ...]:
    """
    The preservation claims an evidence evaluation establishes (see the module docstring).

    Args:
        evaluation: The evaluation of the chain for one secret and one respondent.
        secret: The claimed secret id to attach the claims to (``None``: all secrets).

    Legal basis:
        spc-ip-preservation@2018-12-12:7, spc-ip-preservation@2018-12-12:8,
        spc-ts@2020-09-10:12, spc-ts@2020-09-10:13
    """
    out: list[ClaimInput] = []
    for claim, codes in CLAIM_MAP.items():
        criteria = [evaluation.claim(code) for code in codes]
        outcome = _worst([c.outcome for c in criteria])
        evidence = tuple(dict.fromkeys(e for code in codes for e in _evidence(evaluation, code)))
        shares = [c.strength for c in criteria if c.strength is not None]
        strength: Decimal | None = min(shares) if shares and outcome is Outcome.MET else None
        findings = tuple(
            Finding(
                code=gap.code,
                severity=Severity.MEDIUM if gap.changes_outcome else Severity.LOW,
                citations=gap.citations,
                args=gap.args,
                subject=secret,
            )
            for gap in evaluation.gaps
            if gap.claim in codes
        )
        out.append(
            ClaimInput(
                claim=claim,
                outcome=outcome,
                evidence=evidence,
                strength=strength,
                secret=secret,
                findings=findings,
            )
        )
    return tuple(out)
