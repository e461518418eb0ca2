"""NDA review against the holder's policy (common-practice figures by default)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.dates import to_date
from tradesecret.definition._law import SPC2007, DefinitionLaw
from tradesecret.definition._model import TradeSecret
from tradesecret.definition.registry import SecretRegistry
from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.law import COMMON_PRACTICE as _PRACTICE
from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation
from tradesecret.measures._model import (
    LiquidatedDamages,
    NdaTier,
    NonDisclosureAgreement,
)
from tradesecret.money import Money
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = ["NdaPolicy", "review_nda"]

_SPC = "spc-ts@2020-09-10"


# -- NDA review -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NdaPolicy:
    """
    The holder's chosen policy for tiered NDAs (an input; not law).

    Attributes:
        damages_multiple_min: Lowest acceptable multiple of estimated loss.
        damages_multiple_max: Highest acceptable multiple.
        damages_floor: Lowest acceptable floor amount.
        partner_noncompete_max_months: Longest acceptable partner non-compete.
        require_verifier: Whether a third-party verifier of leaks must be named.
        parameters: The parameter values the policy was built from, if any.
    """

    damages_multiple_min: Decimal = attrs.field(validator=exact(Decimal))
    damages_multiple_max: Decimal = attrs.field(validator=exact(Decimal))
    damages_floor: Money = attrs.field(validator=exact(Money))
    partner_noncompete_max_months: int
    require_verifier: bool = True
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )

    @classmethod
    def common_practice(cls, *, as_of: object, rulebook: Rulebook | None = None) -> NdaPolicy:
        """The common-practice figures of ``data/measures.toml`` (3-5x, RMB 500,000, 24 months)."""
        day = to_date(as_of, path="as_of")
        rb = rulebook if rulebook is not None else default_rulebook()
        lo = rb.param("measures.nda_damages_multiple_min", as_of=day)
        hi = rb.param("measures.nda_damages_multiple_max", as_of=day)
        floor = rb.param("measures.nda_damages_floor", as_of=day)
        months = rb.param("measures.partner_noncompete_months", as_of=day)
        return cls(
            damages_multiple_min=lo.as_decimal(),
            damages_multiple_max=hi.as_decimal(),
            damages_floor=floor.as_money(),
            partner_noncompete_max_months=months.as_int(),
            parameters=(lo, hi, floor, months),
        )


def review_nda(
    nda: NonDisclosureAgreement,
    *,
    as_of: object,
    policy: NdaPolicy | None = None,
    secrets: Iterable[TradeSecret] | SecretRegistry | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Review a tiered NDA against the holder's policy.

    Criteria (kind ``nda_review``): ``measures.nda.scope`` (missing scope, undefined
    secrets, unknown secret ids, NDA tier below a covered secret's tier),
    ``measures.nda.damages`` (outside the policy), ``measures.nda.verifier`` and
    ``measures.nda.noncompete``. An employee's non-compete is governed by labour law (LCL
    Arts. 23-24) and is only flagged here; see :mod:`tradesecret.noncompete`.

    Args:
        nda: The agreement.
        as_of: Review date (selects the parameter values of the default policy).
        policy: The holder's policy; default :meth:`NdaPolicy.common_practice`.
        secrets: The registry or secrets, to check scope ids and tiers.
        rulebook: Defaults to the package rulebook.
    """
    day = to_date(as_of, path="as_of")
    rb = rulebook if rulebook is not None else default_rulebook()
    pol = policy if policy is not None else NdaPolicy.common_practice(as_of=day, rulebook=rb)
    policy_cite = rb.cite(_POLICY)
    practice_cite = rb.cite(_PRACTICE)
    law = DefinitionLaw.on(day, rb)
    by_id: dict[str, TradeSecret] | None = None
    if secrets is not None:
        listed = secrets.secrets if isinstance(secrets, SecretRegistry) else tuple(secrets)
        by_id = {s.id: s for s in listed}
    criteria = [
        _nda_scope(nda, by_id, rb, law),
        _nda_damages(nda, pol, rb, day),
        _nda_verifier(nda, pol, policy_cite, practice_cite),
        _nda_noncompete(nda, pol, rb, practice_cite, day),
        _nda_duration(nda, policy_cite),
    ]
    return Assessment(
        kind="nda_review",
        subject=nda.id,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=(
            *law.cites((f"{_SPC}:6.1.1", f"{_SPC}:10"), (f"{SPC2007}:11.3.5",)),
            policy_cite,
        ),
        criteria=tuple(criteria),
        parameters=pol.parameters,
    )


def _nda_scope(
    nda: NonDisclosureAgreement,
    by_id: dict[str, TradeSecret] | None,
    rb: Rulebook,
    law: DefinitionLaw,
) -> Criterion:
    """The scope: an agreement item of the list of the day (2020 Art. 6 item 1; 2007 Art.
    11(3) item 5), identifying the secret (2020 Art. 5(2); 2007 Art. 11(2))."""
    cites = law.cites((f"{_SPC}:6.1.1", f"{_SPC}:5.2"), (f"{SPC2007}:11.3.5", f"{SPC2007}:11.2"))
    identify = law.cites((f"{_SPC}:5.2",), (f"{SPC2007}:11.2",))
    about = partial(Finding, subject=nda.id)
    if not nda.scope:
        missing = about(code="measures.nda.missing_scope", severity=Severity.HIGH, citations=cites,
                        remedies=("measures.remedy.nda_scope",))  # fmt: skip
        return Criterion(
            code="measures.nda.scope",
            outcome=Outcome.NOT_MET,
            citations=cites,
            findings=(missing,),
            facts={"items": 0},
        )
    unnamed = partial(about, severity=Severity.MEDIUM, citations=identify,
                      remedies=("measures.remedy.nda_define",))  # fmt: skip
    findings = [
        unnamed(code="measures.nda.undefined_secret",
                args={"index": i, "category": Term(f"measures.scope.{item.category.value}")})
        for i, item in enumerate(nda.scope, start=1)
        if not item.defined
    ]  # fmt: skip
    for sid in nda.secret_ids() if by_id is not None else ():
        secret = (by_id or {}).get(sid)
        if secret is None:
            findings.append(unnamed(code="measures.nda.unknown_secret", args={"secret": sid}))
        elif not nda.tier.covers(secret.tier):
            findings.append(about(code="measures.nda.tier_too_low", severity=Severity.MEDIUM,
                                  citations=(rb.cite(_POLICY),), remedies=("measures.remedy.nda_upgrade",),
                                  args={"secret": sid,
                                        "secret_tier": Term(f"measures.tier.{secret.tier.value}"),
                                        "nda_tier": Term(f"measures.tier.{nda.tier.value}")}))  # fmt: skip
    worst = max((f.severity.rank for f in findings), default=0)
    return Criterion(
        code="measures.nda.scope",
        outcome=Outcome.MET if worst < Severity.MEDIUM.rank else Outcome.NOT_MET,
        citations=cites,
        findings=tuple(findings),
        facts={"items": len(nda.scope)},
    )


@attrs.frozen(kw_only=True)
class _DamagesFacts:
    """What the damages rows read: the agreed terms (``None``: none agreed) and the policy."""

    nda_id: str
    damages: LiquidatedDamages | None
    policy: NdaPolicy


def _multiple_outside(f: _DamagesFacts) -> bool:
    d, p = f.damages, f.policy
    multiple = None if d is None else d.multiple
    return multiple is not None and not (
        p.damages_multiple_min <= multiple <= p.damages_multiple_max
    )


def _floor_below(f: _DamagesFacts) -> bool:
    d = f.damages
    return d is not None and d.floor is not None and d.floor.amount < f.policy.damages_floor.amount


def _no_loss_estimate(f: _DamagesFacts) -> bool:
    d = f.damages
    return d is not None and d.multiple is not None and d.estimated_loss is None


def _multiple_args(f: _DamagesFacts) -> dict[str, object]:
    return {
        "multiple": f.damages.multiple if f.damages and f.damages.multiple else Decimal(0),
        "low": f.policy.damages_multiple_min,
        "high": f.policy.damages_multiple_max,
    }


def _floor_args(f: _DamagesFacts) -> dict[str, object]:
    floor = f.damages.floor if f.damages and f.damages.floor else f.policy.damages_floor
    return {"floor": floor, "policy": f.policy.damages_floor}


#: A policy row on the damages: medium fails the criterion, low only notes.
_damages = partial(Check[_DamagesFacts], basis=(_PRACTICE, _POLICY), subject=lambda f: f.nda_id,
                   remedies=("measures.remedy.nda_damages",))  # fmt: skip
_damages_fails = partial(_damages, severity=Severity.MEDIUM, effect=Effect.FAILS)
_damages_notes = partial(_damages, severity=Severity.LOW, effect=Effect.NOTES)

#: Liquidated damages in an NDA against the holder's policy (common practice by default):
#: agreed at all, a multiple within the policy's range with a loss estimate, a floor.
DAMAGES: Final = RuleTable[_DamagesFacts](
    criterion="measures.nda.damages",
    basis=(_PRACTICE, _POLICY),
    checks=(
        _damages_notes(code="measures.nda.no_damages", when=lambda f: f.damages is None),
        _damages_fails(code="measures.nda.multiple_outside_policy", when=_multiple_outside,
                       args=_multiple_args),
        _damages_notes(code="measures.nda.no_loss_estimate", when=_no_loss_estimate,
                       remedies=("measures.remedy.nda_loss_estimate",)),
        _damages_fails(code="measures.nda.no_floor",
                       when=lambda f: f.damages is not None and f.damages.floor is None,
                       args=lambda f: {"policy": f.policy.damages_floor}),
        _damages_fails(code="measures.nda.floor_below_policy", when=_floor_below, args=_floor_args),
    ),
)  # fmt: skip


def _nda_damages(
    nda: NonDisclosureAgreement, pol: NdaPolicy, rb: Rulebook, day: pendulum.Date
) -> Criterion:
    facts = _DamagesFacts(nda_id=nda.id, damages=nda.damages, policy=pol)
    return DAMAGES.evaluate(
        facts, on=day, rulebook=rb, facts_args={"amount": _amount_or_dash(nda.damages)}
    )


def _amount_or_dash(damages: LiquidatedDamages | None) -> Money | str:
    """The agreed amount where it can be computed, else ``-`` (never a misleading zero)."""
    amount = damages.amount() if damages is not None else None
    return amount if amount is not None else "-"


def _nda_verifier(
    nda: NonDisclosureAgreement, pol: NdaPolicy, policy_cite: Citation, practice_cite: Citation
) -> Criterion:
    cites = (practice_cite, policy_cite)
    verifier = partial(Criterion, code="measures.nda.verifier", citations=cites,
                       facts={"verifier": nda.verifier or "-"})  # fmt: skip
    if nda.verifier or not pol.require_verifier:
        return verifier(outcome=Outcome.MET if nda.verifier else Outcome.NOT_APPLICABLE)
    missing = Finding(code="measures.nda.no_verifier", severity=Severity.MEDIUM, citations=cites,
                      subject=nda.id, remedies=("measures.remedy.nda_verifier",))  # fmt: skip
    return verifier(outcome=Outcome.NOT_MET, findings=(missing,))


def _nda_noncompete(
    nda: NonDisclosureAgreement,
    pol: NdaPolicy,
    rb: Rulebook,
    practice_cite: Citation,
    day: pendulum.Date,
) -> Criterion:
    nc = nda.noncompete
    noncompete = partial(Criterion, code="measures.nda.noncompete", citations=(practice_cite,),
                         facts={"months": 0 if nc is None else nc.months})  # fmt: skip
    if nc is None:
        return noncompete(outcome=Outcome.NOT_APPLICABLE)
    about = partial(Finding, args={"months": nc.months}, subject=nda.id)
    if nda.party_kind.is_employee:
        # labour law governs it: LCL Arts. 23-24 in the version of the day (from 2008-01-01)
        lcl = LegalClock(rb, day).those_in_force(["lcl@2012-12-28:23", "lcl@2012-12-28:24"])
        cites = lcl or (rb.cite(_POLICY),)
        said = about(code="measures.nda.employee_noncompete", severity=Severity.INFO, citations=cites,
                     remedies=("measures.remedy.use_noncompete_module",))  # fmt: skip
        return noncompete(outcome=Outcome.NOT_APPLICABLE, citations=cites, findings=(said,))
    if nc.months > pol.partner_noncompete_max_months:
        said = about(code="measures.nda.noncompete_too_long", severity=Severity.MEDIUM,
                     citations=(practice_cite,), remedies=("measures.remedy.nda_noncompete",),
                     args={"months": nc.months, "policy": pol.partner_noncompete_max_months})  # fmt: skip
        return noncompete(outcome=Outcome.NOT_MET, findings=(said,))
    return noncompete(outcome=Outcome.MET)


def _nda_duration(nda: NonDisclosureAgreement, policy_cite: Citation) -> Criterion:
    """Library policy: a core NDA should bind until the information becomes public."""
    months: int | str = nda.duration_months if nda.duration_months is not None else "-"
    findings: tuple[Finding, ...] = ()
    if nda.duration_months is not None and nda.tier is NdaTier.CORE:
        findings = (
            Finding(
                code="measures.nda.limited_duration",
                severity=Severity.LOW,
                citations=(policy_cite,),
                args={"months": nda.duration_months},
                subject=nda.id,
                remedies=("measures.remedy.nda_until_public",),
            ),
        )
    return Criterion(
        code="measures.nda.duration",
        outcome=Outcome.MET,
        citations=(policy_cite,),
        findings=findings,
        facts={"months": months},
    )


# -- exit procedure -------------------------------------------------------------------------
