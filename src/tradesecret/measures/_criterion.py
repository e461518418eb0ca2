"""
Element 3: confidentiality measures (相应保密措施), by period.

* 法释〔2020〕7号 Arts. 5-6, from 2020-09-12: 「权利人为防止商业秘密泄露，在被诉侵权行为发生以前所采取的合理
  保密措施」 (Art. 5(1): reasonable measures taken *before* the alleged infringement); the
  Art. 5(2) factors; the Art. 6 list of seven items, each finding measures taken where it
  「在正常情况下足以防止商业秘密泄露的」.
* 法释〔2007〕2号 Art. 11, 2007-02-01 to 2020-09-11 (then displaced where inconsistent; repealed
  2022-03-20): 「权利人为防止信息泄露所采取的与其商业价值等具体情况相适应的合理保护措施」, its factors
  (Art. 11(2)) and its own list of seven items (Art. 11(3); :attr:`MeasureKind.item_2007`).
  No "before the act" rule: a measure counts when it is in force on the act date.
* Before 2007-02-01: the statute alone (AUCL 1993 Art. 10: 「经权利人采取保密措施」).

Unknown facts: a measure's ``evidence`` or ``identifies_secret`` left unstated makes the
criterion undetermined where the answer would change it (best and worst cases bound the
outcome); the open rules name ``measures[<id>].evidence`` / ``.identifies_secret``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Final

import pendulum

from tradesecret.definition._law import (
    SPC2007,
    SPC2020,
    DefinitionLaw,
    first_of_each,
    with_statute,
)
from tradesecret.definition._model import CarrierKind, ClassificationTier, TradeSecret
from tradesecret.facts import UNKNOWN, Tri, any_of
from tradesecret.law import POLICY, Citation
from tradesecret.measures._gap_rules import GAP_TABLE, GapFacts
from tradesecret.measures._legal import Citer, MeasureTiming, _ids
from tradesecret.measures._model import MEASURE_ITEMS, ConfidentialityMeasure
from tradesecret.results import Criterion, Finding, Outcome, Severity, TraceStep, Undetermined
from tradesecret.rulebook import ParameterValue

__all__ = ["reasonable_measures"]

CODE: Final = "definition.reasonable_measures"


def _counts(
    m: ConfidentialityMeasure, day: pendulum.Date, timing: MeasureTiming, *, before_rule: bool
) -> bool:
    strict = before_rule and timing is MeasureTiming.BEFORE_ACT
    started = m.start < day if strict else m.start <= day
    return started and (m.end is None or m.end >= day)


def _proven(m: ConfidentialityMeasure) -> Tri:
    return Tri.UNKNOWN if m.evidence is UNKNOWN else Tri.of(bool(m.evidence))


def _specific(m: ConfidentialityMeasure, secret_id: str) -> Tri:
    return any_of(m.identifies_secret, secret_id in m.secret_ids)


def _outcome(
    counted: Sequence[ConfidentialityMeasure],
    proven: Sequence[ConfidentialityMeasure],
    specific: Sequence[ConfidentialityMeasure],
    *,
    require_correspondence: bool,
) -> Outcome:
    if not counted:
        return Outcome.NOT_MET
    if not proven:
        return Outcome.INSUFFICIENT_EVIDENCE
    if not specific and require_correspondence:
        return Outcome.INSUFFICIENT_EVIDENCE
    return Outcome.MET


def _basis(law: DefinitionLaw) -> tuple[Citation, ...]:
    return law.cites((f"{SPC2020}:5.1", f"{SPC2020}:6"), (f"{SPC2007}:11",))


def reasonable_measures(  # noqa: PLR0917 - positional for internal callers
    secret: TradeSecret,
    measures: tuple[ConfidentialityMeasure, ...],
    day: pendulum.Date,
    rb: Citer,
    timing: MeasureTiming,
    require_correspondence: bool,
    *,
    law: DefinitionLaw | None = None,
) -> Criterion:
    """The measures element for ``secret`` on the act date under the law of that day."""
    law = law if law is not None else DefinitionLaw.on(day, rb.rulebook)
    spc2020 = law.spc2020
    mine = [m for m in measures if m.applies_to(secret.id)]
    counted = [m for m in mine if _counts(m, day, timing, before_rule=spc2020)]
    findings = _not_counted(secret, [m for m in mine if m not in counted], law)
    sure = [m for m in counted if _proven(m) is Tri.TRUE]
    maybe = [m for m in counted if _proven(m) is not Tri.FALSE]
    spec_sure = [m for m in sure if _specific(m, secret.id) is Tri.TRUE]
    spec_maybe = [m for m in maybe if _specific(m, secret.id) is not Tri.FALSE]
    rc = require_correspondence
    worst = _outcome(counted, sure, spec_sure, require_correspondence=rc)
    best = _outcome(counted, maybe, spec_maybe, require_correspondence=rc)
    open_rows: tuple[Undetermined, ...] = ()
    if best is not worst:
        open_rows = _open_rows(counted, law, worst=worst, best=best)
    else:
        findings += _gap(secret, counted, sure, spec_sure, law, require_correspondence=rc)
    parameters: list[ParameterValue] = []
    if worst is Outcome.MET:
        findings += _factor_value(secret, sure, law, rb, parameters)
    findings += _carrier_factors(secret, counted, law)
    return Criterion(
        code=CODE,
        outcome=worst,
        citations=_basis(law),
        findings=tuple(findings),
        facts={
            "counted": len(counted),
            "proven": len(sure),
            "items": ", ".join(str(i) for i in sorted({_item(m, law) for m in counted})) or "-",
        },
        evidence=tuple(
            dict.fromkeys(e for m in counted if m.evidence is not UNKNOWN for e in m.evidence)
        ),
        trace=tuple(_trace(counted, law)),
        parameters=tuple(parameters),
        open=open_rows,
    )


def _item(m: ConfidentialityMeasure, law: DefinitionLaw) -> int:
    return m.item if law.spc2020 or not law.spc2007 else m.kind.item_2007


def _item_cite(m: ConfidentialityMeasure, law: DefinitionLaw) -> tuple[Citation, ...]:
    """The item of the list of the day (:data:`MEASURE_ITEMS`; 2007 Art. 11(3)), else the statute."""
    return law.cites((MEASURE_ITEMS[m.item - 1].cite,), (f"{SPC2007}:11.3.{m.kind.item_2007}",))


def _trace(counted: Sequence[ConfidentialityMeasure], law: DefinitionLaw) -> list[TraceStep]:
    return [
        TraceStep(
            rule=law.rule_label(
                f"spc_ts_art6_item{m.item}", f"spc_uc_2007_art11_item{m.kind.item_2007}"
            ),
            code=f"definition.measures.item{m.item}",
            citations=_item_cite(m, law),
            args={"measure": m.id},
            on=m.start,
        )
        for m in counted
    ]


def _not_counted(
    secret: TradeSecret, others: Sequence[ConfidentialityMeasure], law: DefinitionLaw
) -> list[Finding]:
    timing = law.cites((f"{SPC2020}:5.1",), (f"{SPC2007}:11.1",))
    out: list[Finding] = []
    for m in others:
        if m.start >= law.day:
            out.append(
                Finding(
                    code="definition.measures.after_act",
                    severity=Severity.MEDIUM,
                    citations=timing,
                    args={"measure": m.id, "start": m.start},
                    subject=secret.id,
                )
            )
        else:
            out.append(
                Finding(
                    code="definition.measures.lapsed",
                    severity=Severity.MEDIUM,
                    citations=timing,
                    args={"measure": m.id, "end": m.end or m.start},
                    subject=secret.id,
                    remedies=("definition.remedy.renew_measure",),
                )
            )
    return out


def _gap(
    secret: TradeSecret,
    counted: Sequence[ConfidentialityMeasure],
    proven: Sequence[ConfidentialityMeasure],
    specific: Sequence[ConfidentialityMeasure],
    law: DefinitionLaw,
    *,
    require_correspondence: bool,
) -> list[Finding]:
    """The decided gap, if any (rows of :data:`GAP_TABLE`, the law of the day's prevailing)."""
    facts = GapFacts(
        secret_id=secret.id,
        on=law.day,
        counted=tuple(m.id for m in counted),
        proven=len(proven),
        specific=len(specific),
        strict=require_correspondence,
        interpreted=law.spc2020 or law.spc2007,
    )
    fired, _ = with_statute(GAP_TABLE, law).run(facts, law.clock)
    return first_of_each(f for _, f in fired)  # 2020 rows are listed first and prevail


def _open_rows(
    counted: Sequence[ConfidentialityMeasure],
    law: DefinitionLaw,
    *,
    worst: Outcome,
    best: Outcome,
) -> tuple[Undetermined, ...]:
    """Each unstated fact of a counted measure that could lift the worst case."""
    rows: list[Undetermined] = []
    for m in counted:
        for path, rule, unknown in (
            ("evidence", "definition.measures.no_evidence", m.evidence is UNKNOWN),
            (
                "identifies_secret",
                "definition.measures.generic_only",
                m.identifies_secret is UNKNOWN,
            ),
        ):
            if not unknown:
                continue
            rows.append(
                Undetermined(
                    rule=rule,
                    facts=(f"measures[{m.id}].{path}",),
                    if_holds=worst,
                    otherwise=best,
                    severity=Severity.HIGH,
                    citations=law.cites((f"{SPC2020}:5.2",), (f"{SPC2007}:11.2",)),
                    criterion=CODE,
                )
            )
    return tuple(rows)


def _factor_value(
    secret: TradeSecret,
    proven: Sequence[ConfidentialityMeasure],
    law: DefinitionLaw,
    rb: Citer,
    parameters: list[ParameterValue],
) -> list[Finding]:
    """
    Art. 5(2) factor, commercial value (2020 provisions only): a core secret whose proven
    measures fall under fewer Art. 6 items than the library's policy figure is flagged for
    review (the flag and its figure are library policy and never change the outcome).
    """
    if not law.spc2020 or secret.tier is not ClassificationTier.CORE:
        return []
    minimum = rb.param("definition.core_min_measure_items", law.day)
    parameters.append(minimum)
    kinds = {m.item for m in proven}
    if len(kinds) >= minimum.as_int():
        return []
    return [
        Finding(
            code="definition.factor.value",
            severity=Severity.INFO,
            citations=(*rb.cite_all(f"{SPC2020}:5.2"), *minimum.citations),
            args={"items": len(kinds), "minimum": minimum.as_int()},
            subject=secret.id,
            remedies=("definition.remedy.layer_measures",),
        )
    ]


def _carrier_factors(
    secret: TradeSecret, counted: Sequence[ConfidentialityMeasure], law: DefinitionLaw
) -> list[Finding]:
    """
    The nature of the secret and its carriers (2020 Art. 5(2); 2007 Art. 11(2) 「所涉信息载体的
    特性」): which measures protect a physical carrier (premises, marking/sealing) or source
    code (devices) is the library's reading -- a low, informational finding.
    """
    factor = (*law.cites((f"{SPC2020}:5.2",), (f"{SPC2007}:11.2",)), law.rulebook.cite(POLICY))
    low = partial(Finding, severity=Severity.LOW, citations=factor, subject=secret.id)
    out: list[Finding] = []
    physical = [c.id for c in secret.carriers if c.kind.physical]
    if physical and not any(m.item in (3, 4) for m in counted):
        out.append(low(code="definition.factor.physical_carrier", args={"carriers": _ids(physical)},
                       remedies=("definition.remedy.protect_physical_carriers",)))  # fmt: skip
    source_code = any(c.kind is CarrierKind.SOURCE_CODE for c in secret.carriers)
    if source_code and not any(m.item == 5 for m in counted):
        out.append(low(code="definition.factor.digital_carrier",
                       remedies=("definition.remedy.restrict_devices",)))  # fmt: skip
    return out
