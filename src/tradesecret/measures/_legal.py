"""
The legal criterion of confidentiality measures (SPC 法释〔2020〕7号 Arts. 5-6).

Shared by :func:`tradesecret.definition.assess_trade_secret` and
:func:`tradesecret.measures.assess_measures`. It lives in ``measures`` and imports only
the model modules, so neither package imports the other's assessment module.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import pendulum

from tradesecret.dates import term_end, to_date
from tradesecret.definition._model import CarrierKind, ClassificationTier, TradeSecret
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import Citation
from tradesecret.measures._model import (
    ConfidentialityMeasure,
    MeasureKind,
    NonDisclosureAgreement,
)
from tradesecret.results import Criterion, Finding, Outcome, Severity, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = [
    "Citer",
    "MeasureTiming",
    "as_measures",
    "combine_outcomes",
    "date_and_problems",
    "measures_and_problems",
    "nda_as_measure",
    "reasonable_measures",
]

_SPC = "spc-ts@2020-09-10"
_POLICY = "tradesecret-policy@2026-11-21"


class MeasureTiming(enum.Enum):
    """Which measures count as taken before the act (SPC 2020 Art. 5(1)); see the module docstring."""

    BEFORE_ACT = "before_act"
    ON_OR_BEFORE_ACT = "on_or_before_act"


def combine_outcomes(outcomes: Iterable[Outcome]) -> Outcome:
    """
    Cumulative elements: any not met -> not met; else any contested -> contested; else any
    insufficient evidence -> insufficient evidence; else met. Not-applicable ones are ignored.
    """
    found = [o for o in outcomes if o is not Outcome.NOT_APPLICABLE]
    for outcome in (Outcome.NOT_MET, Outcome.CONTESTED, Outcome.INSUFFICIENT_EVIDENCE):
        if outcome in found:
            return outcome
    return Outcome.MET if found else Outcome.NOT_APPLICABLE


def nda_as_measure(nda: NonDisclosureAgreement) -> ConfidentialityMeasure:
    """
    An NDA as an Art. 6 item 1 measure: in force from signing for ``duration_months``
    (open-ended when ``None``), scoped to the secrets its scope names -- or to every
    secret, generically, when it names none.
    """
    ids = nda.secret_ids()
    end = (
        term_end(nda.signed, months=nda.duration_months)
        if nda.duration_months is not None
        else None
    )
    return ConfidentialityMeasure(
        id=nda.id,
        kind=MeasureKind.CONFIDENTIALITY_AGREEMENT,
        start=nda.signed,
        end=end,
        secret_ids=ids,
        all_secrets=not ids,
        people=(nda.party,),
        evidence=nda.evidence,
        identifies_secret=bool(ids),
        description=f"NDA with {nda.party}",
    )


def as_measures(
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
) -> tuple[ConfidentialityMeasure, ...]:
    """
    Measures and NDAs as measures.

    Raises:
        InvalidInputError: one problem per item that is neither (path ``measures[i]``).
    """
    indexed, problems = measures_and_problems(measures)
    if problems:
        raise InvalidInputError(problems)
    return tuple(m for _, m in indexed)


def measures_and_problems(
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
) -> tuple[tuple[tuple[int, ConfidentialityMeasure], ...], list[Problem]]:
    """
    The valid items as measures with their input positions, and a problem for every other
    item (returned, not raised).
    """
    out: list[tuple[int, ConfidentialityMeasure]] = []
    problems: list[Problem] = []
    for i, item in enumerate(measures):
        if isinstance(item, ConfidentialityMeasure):
            out.append((i, item))
        elif isinstance(item, NonDisclosureAgreement):
            out.append((i, nda_as_measure(item)))
        else:
            problems.append(
                Problem.of(
                    f"measures[{i}]",
                    item,
                    "expected a ConfidentialityMeasure or a NonDisclosureAgreement",
                )
            )
    return tuple(out), problems


def date_and_problems(value: object, path: str) -> tuple[pendulum.Date | None, list[Problem]]:
    """``to_date(value, path=path)``, with its problems returned instead of raised."""
    try:
        return to_date(value, path=path), []
    except InvalidInputError as error:
        return None, list(error.problems)


class Citer:
    """
    Resolves citation ids against one rulebook, remembering each for the life of one call
    (a batch of 10,000 assessments resolves the same twenty ids). Not shared across calls.
    """

    __slots__ = ("_cache", "_params", "rulebook")

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self._cache: dict[str, Citation] = {}
        self._params: dict[tuple[str, pendulum.Date], ParameterValue] = {}

    def param(self, name: str, day: pendulum.Date) -> ParameterValue:
        """``rulebook.param(name, as_of=day)``, memoised."""
        key = (name, day)
        found = self._params.get(key)
        if found is None:
            found = self._params[key] = self.rulebook.param(name, as_of=day)
        return found

    def cite(self, text: str) -> Citation:
        """``rulebook.cite(text)``, memoised."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.rulebook.cite(text)
        return found

    def cite_all(self, *texts: str) -> tuple[Citation, ...]:
        """``rulebook.cite_all(*texts)``, memoised."""
        return tuple(self.cite(t) for t in texts)


def _cite(rb: Citer, *ids: str) -> tuple[Citation, ...]:
    return rb.cite_all(*ids)


def _ids(values: Iterable[str]) -> str:
    return ", ".join(values) or "-"


def _counts(m: ConfidentialityMeasure, day: pendulum.Date, timing: MeasureTiming) -> bool:
    started = m.start < day if timing is MeasureTiming.BEFORE_ACT else m.start <= day
    return started and (m.end is None or m.end >= day)


def reasonable_measures(  # noqa: PLR0917 - positional for internal callers
    secret: TradeSecret,
    measures: tuple[ConfidentialityMeasure, ...],
    day: pendulum.Date,
    rb: Citer,
    timing: MeasureTiming,
    require_correspondence: bool,
) -> Criterion:
    code = "definition.reasonable_measures"
    cites = _cite(rb, f"{_SPC}:5.1", f"{_SPC}:6")
    mine = [m for m in measures if m.applies_to(secret.id)]
    counted: list[ConfidentialityMeasure] = []
    findings: list[Finding] = []
    trace: list[TraceStep] = []
    for m in mine:
        if _counts(m, day, timing):
            counted.append(m)
            trace.append(
                TraceStep(
                    rule=f"spc_ts_art6_item{m.item}",
                    code=f"definition.measures.item{m.item}",
                    citations=_cite(rb, f"{_SPC}:6.1.{m.item}"),
                    args={"measure": m.id},
                    on=m.start,
                )
            )
        elif m.start >= day:
            findings.append(
                Finding(
                    code="definition.measures.after_act",
                    severity=Severity.MEDIUM,
                    citations=_cite(rb, f"{_SPC}:5.1"),
                    args={"measure": m.id, "start": m.start},
                    subject=secret.id,
                )
            )
        else:
            findings.append(
                Finding(
                    code="definition.measures.lapsed",
                    severity=Severity.MEDIUM,
                    citations=_cite(rb, f"{_SPC}:5.1"),
                    args={"measure": m.id, "end": m.end or m.start},
                    subject=secret.id,
                    remedies=("definition.remedy.renew_measure",),
                )
            )
    proven = [m for m in counted if m.evidence]
    specific = [m for m in proven if m.identifies_secret or secret.id in m.secret_ids]
    items = sorted({m.item for m in counted})
    facts = {
        "counted": len(counted),
        "proven": len(proven),
        "items": ", ".join(str(i) for i in items) or "-",
    }
    if not counted:
        outcome = Outcome.NOT_MET
        findings.append(
            Finding(
                code="definition.measures.none_before_act",
                severity=Severity.CRITICAL,
                citations=_cite(rb, f"{_SPC}:5.1", f"{_SPC}:6"),
                args={"on": day},
                subject=secret.id,
                remedies=("definition.remedy.adopt_measures",),
            )
        )
    elif not proven:
        outcome = Outcome.INSUFFICIENT_EVIDENCE
        findings.append(
            Finding(
                code="definition.measures.no_evidence",
                severity=Severity.HIGH,
                citations=_cite(rb, f"{_SPC}:6", f"{_SPC}:5.2"),
                args={"measures": _ids(m.id for m in counted)},
                subject=secret.id,
                remedies=("definition.remedy.keep_measure_evidence",),
            )
        )
    elif not specific:
        outcome = Outcome.INSUFFICIENT_EVIDENCE if require_correspondence else Outcome.MET
        findings.append(
            Finding(
                code="definition.measures.generic_only",
                severity=Severity.HIGH if require_correspondence else Severity.LOW,
                citations=_cite(rb, f"{_SPC}:5.2"),
                subject=secret.id,
                remedies=("definition.remedy.identify_secret_in_measures",),
            )
        )
    else:
        outcome = Outcome.MET
    # Art. 5(2) factor: commercial value. A core secret whose proven measures fall under
    # fewer Art. 6 items than the library's policy figure is flagged for review (the factor
    # is the law; the flag and its figure are library policy and never change the outcome).
    parameters: list[ParameterValue] = []
    kinds = {m.item for m in proven}
    if outcome is Outcome.MET and secret.tier is ClassificationTier.CORE:
        minimum = rb.param("definition.core_min_measure_items", day)
        parameters.append(minimum)
        if len(kinds) < minimum.as_int():
            findings.append(
                Finding(
                    code="definition.factor.value",
                    severity=Severity.INFO,
                    citations=(*_cite(rb, f"{_SPC}:5.2"), *minimum.citations),
                    args={"items": len(kinds), "minimum": minimum.as_int()},
                    subject=secret.id,
                    remedies=("definition.remedy.layer_measures",),
                )
            )
    # Art. 5(2) factor: nature of the secret and its carriers. Which Art. 6 items protect a
    # physical carrier (3 premises, 4 marking/sealing) or source code (5 devices) is the
    # library's reading of the item texts: a low, informational finding citing the policy.
    physical = [c.id for c in secret.carriers if c.kind.physical]
    if physical and not any(m.item in (3, 4) for m in counted):
        findings.append(
            Finding(
                code="definition.factor.physical_carrier",
                severity=Severity.LOW,
                citations=_cite(rb, f"{_SPC}:5.2", _POLICY),
                args={"carriers": _ids(physical)},
                subject=secret.id,
                remedies=("definition.remedy.protect_physical_carriers",),
            )
        )
    if any(c.kind is CarrierKind.SOURCE_CODE for c in secret.carriers) and not any(
        m.item == 5 for m in counted
    ):
        findings.append(
            Finding(
                code="definition.factor.digital_carrier",
                severity=Severity.LOW,
                citations=_cite(rb, f"{_SPC}:5.2", _POLICY),
                subject=secret.id,
                remedies=("definition.remedy.restrict_devices",),
            )
        )
    return Criterion(
        code=code,
        outcome=outcome,
        citations=cites,
        findings=tuple(findings),
        facts=facts,
        evidence=tuple(dict.fromkeys(e for m in counted for e in m.evidence)),
        trace=tuple(trace),
        parameters=tuple(parameters),
    )
