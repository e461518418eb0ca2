"""
Element 2: commercial value, by period.

* 法释〔2020〕7号 Art. 7, from 2020-09-12: 「因不为公众所知悉而具有现实的或者潜在的商业价值的」
  (actual or potential value); Art. 7(2) 「生产经营活动中形成的阶段性成果」 (stage results).
* 法释〔2007〕2号 Art. 10, 2007-02-01 to 2022-03-19: 「有关信息具有现实的或者潜在的商业价值，
  能为权利人带来竞争优势的」 -- what the AUCL 1993 called 「能为权利人带来经济利益、具有实用性」.
* Before 2007-02-01: the statute alone (AUCL 1993 Art. 10).

Evidence of value not stated at all (``value_evidence`` is ``UNKNOWN``) leaves the element
undetermined and names the fact; evidence stated as none leaves it unproven (insufficient
evidence), as before.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from tradesecret.definition._law import SPC2007, SPC2020, DefinitionLaw
from tradesecret.definition._model import TradeSecret, ValueKind
from tradesecret.facts import UNKNOWN
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.results import Criterion, Finding, Outcome, Severity, Undetermined

__all__ = ["commercial_value"]

CODE: Final = "definition.commercial_value"


def _basis(law: DefinitionLaw) -> tuple[Citation, ...]:
    return law.cites((f"{SPC2020}:7.1",), (f"{SPC2007}:10",))


def _unstated(law: DefinitionLaw) -> Criterion:
    """Value evidence not stated: undetermined, naming the fact."""
    return Criterion(
        code=CODE,
        outcome=Outcome.INSUFFICIENT_EVIDENCE,
        citations=_basis(law),
        facts={"items": 0, "largest": "-"},
        open=(
            Undetermined(
                rule="definition.value.no_evidence",
                facts=("value_evidence",),
                if_holds=Outcome.INSUFFICIENT_EVIDENCE,
                otherwise=Outcome.MET,
                severity=Severity.HIGH,
                citations=_basis(law),
                criterion=CODE,
            ),
        ),
    )


def commercial_value(secret: TradeSecret, law: DefinitionLaw) -> Criterion:
    """The second element on the act date under the law of that day."""
    day = law.day
    if secret.value_evidence is UNKNOWN:
        return _unstated(law)
    stated = secret.value_evidence
    usable = [v for v in stated if v.on is None or v.on <= day]
    found = partial(Finding, citations=_basis(law), subject=secret.id)
    findings: list[Finding] = []
    if len(stated) > len(usable):
        findings.append(found(code="definition.value.later_evidence", severity=Severity.INFO,
                              args={"count": len(stated) - len(usable)}))  # fmt: skip
    amounts = [v.amount for v in usable if v.amount is not None and v.kind is not ValueKind.OTHER]
    largest: Money | str = max(amounts, key=lambda m: m.amount) if amounts else "-"
    facts = {"items": len(usable), "largest": largest}
    cites = list(_basis(law))
    stage = law.clock.cite(f"{SPC2020}:7.2")  # no stage-result rule before 2020-09-12
    if not usable:
        findings.append(found(code="definition.value.no_evidence", severity=Severity.HIGH,
                              remedies=("definition.remedy.record_value",
                                        "definition.remedy.record_stage_result")))  # fmt: skip
    elif stage is not None and any(v.kind is ValueKind.STAGE_RESULT for v in usable):
        cites.append(stage)
        findings.append(found(code="definition.value.stage_result", severity=Severity.INFO,
                              citations=(stage,)))  # fmt: skip
    if usable and all(v.potential for v in usable):
        findings.append(found(code="definition.value.potential_only", severity=Severity.LOW,
                              remedies=("definition.remedy.record_value",)))  # fmt: skip
    return Criterion(
        code=CODE,
        outcome=Outcome.MET if usable else Outcome.INSUFFICIENT_EVIDENCE,
        citations=tuple(cites),
        findings=tuple(findings),
        facts=facts,
        evidence=tuple(v.evidence_id for v in usable if v.evidence_id),
    )
