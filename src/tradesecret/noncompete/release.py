"""
Employer release during the period: three extra months of compensation (Interp. (IV)
Art. 9 from 2013-02-01; Interp. (I) Art. 39 from 2021-01-01; MOHRSS guidelines §18).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pendulum

from tradesecret.dates import month_periods, to_date
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.noncompete._common import book_of
from tradesecret.noncompete.floor import (
    CompensationFloor,
    MinimumWageDay,
    agreed_monthly_compensation,
    compensation_floor,
)
from tradesecret.noncompete.model import EmployeeFacts, NonCompeteAgreement, check_parties
from tradesecret.noncompete.wages import termination_of
from tradesecret.results import Determination, Finding, Severity, TraceStep
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook

__all__ = ["employer_release"]

_DEFAULT_RATIO: Final = "noncompete.default_ratio"
_CAP: Final = "noncompete.max_post_term_months"
_EXTRA: Final = "noncompete.employer_release_extra_months"
_G_EXTRA: Final = "noncompete.guidance_employer_release_min_months"


def _no_cost(
    extra: ParameterValue, day: pendulum.Date, rule: str, code: str, **args: object
) -> Determination[Money]:
    """A release that costs nothing under Art. 39: say why, with the article."""
    return _nothing(rule, code, day, extra.citations, parameters=(extra,), args=args)


def _no_rule(entry: NoRule, day: pendulum.Date, released: pendulum.Date) -> Determination[Money]:
    """Before 2013-02-01 no rule gave extra months on an employer release: say so."""
    args = {"release_date": released, "effective": entry.until or released}
    code = "noncompete.release.no_rule"
    return _nothing("noncompete_release_no_rule", code, day, entry.citations, args=args)


def _nothing(
    rule: str,
    code: str,
    day: pendulum.Date,
    citations: tuple[Citation, ...],
    *,
    parameters: tuple[ParameterValue, ...] = (),
    args: Mapping[str, object],
) -> Determination[Money]:
    """Nothing owed, with the one finding that says why."""
    finding = Finding(code=code, severity=Severity.INFO, citations=citations, args=args)
    return Determination(
        value=Money.zero(),
        rule=rule,
        as_of=day,
        citations=citations,
        parameters=parameters,
        findings=(finding,),
    )


def employer_release(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    release_date: object,
    as_of: object,
    by_agreement: bool = False,
    rulebook: Rulebook | None = None,
    minimum_wage_day: MinimumWageDay = MinimumWageDay.LAST_DAY,
) -> Determination[Money]:
    """
    Extra cost of the employer releasing the employee from the non-compete early.

    * Released on or before the termination date (before the post-termination
      restriction takes effect): no extra compensation.
    * Released during the period: three extra months of compensation (Interp. (I)
      Art. 39); the MOHRSS guidelines (§18) say at least three months where no
      agreement is reached (``by_agreement=False`` adds that guidance finding).
    * Released after the period ended: nothing to release.
    * Released before Interp. (IV) Art. 9 (2013-02-01): no such rule; the result says so.

    The monthly basis is the agreed monthly compensation, or, where none was agreed,
    the judicial default for the month of release (Interp. (I) Art. 36).

    ``employee.termination_date`` is required; ``as_of`` fixes whether the MOHRSS note
    applies; ``by_agreement``: the release was agreed (no guidance note);
    ``minimum_wage_day``: see :func:`~tradesecret.noncompete.compensation_floor`.

    Raises:
        InvalidInputError: no termination date, another person's agreement, bad dates,
            missing wage months (when the period has begun).

    Legal basis:
        spc-labor-4@2013-01-18:9 (2013-2020); spc-labor-1@2020-12-29:39;
        mohrss-nc-guide@2025-09-12:18
    """
    check_parties(agreement, employee)
    book = book_of(rulebook)
    day = to_date(as_of, path="as_of")
    released = to_date(release_date, path="release_date")
    end = termination_of(employee, None)
    entry = book.lookup(_EXTRA, as_of=released)
    if isinstance(entry, NoRule):
        return _no_rule(entry, day, released)
    extra = entry

    def no_cost(rule: str, code: str, **args: object) -> Determination[Money]:
        return _no_cost(extra, day, rule, code, **args)

    if not agreement.post_termination:
        return no_cost(
            "noncompete_release_before_effect",
            "noncompete.release.no_post_termination_restriction",
            release_date=released,
            extra_months=extra.as_int(),
        )
    if released <= end:
        return no_cost(
            "noncompete_release_before_effect",
            "noncompete.release.before_effect",
            release_date=released,
            termination=end,
        )
    floor, agreed, period_end = _basis(
        agreement, employee, book=book, day=day, end=end, rule=minimum_wage_day
    )
    if period_end is None or released > period_end:
        return no_cost(
            "noncompete_release_after_period",
            "noncompete.release.after_period",
            release_date=released,
        )
    basis = agreed if agreed is not None or floor is None else floor.default_for(released)
    assert basis is not None  # the pre-2013 branch refuses a clause without an amount
    return _during_period(
        floor, basis, extra, book=book, day=day, released=released, by_agreement=by_agreement
    )


def _basis(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    book: Rulebook,
    day: pendulum.Date,
    end: pendulum.Date,
    rule: MinimumWageDay,
) -> tuple[CompensationFloor | None, Money | None, pendulum.Date | None]:
    """
    The floor (where a default rule applied at termination), the agreed monthly amount
    (``None``: none agreed, the default is the basis) and the period's last day.

    Terminated before any default rule (before 2013-02-01): only an agreed monthly amount
    can be the basis, and the period is the agreed one, capped.
    """
    if isinstance(book.lookup(_DEFAULT_RATIO, as_of=end), NoRule):
        agreed = agreed_monthly_compensation(agreement, Money.zero())
        if agreed is None:
            raise InvalidInputError.single(
                "agreement.compensation", "none", "no default rule at termination: state the amount"
            )
        cap = book.param(_CAP, as_of=end).as_int()
        periods = month_periods(end, min(agreement.duration_months, cap))
        return None, agreed, periods[-1].last_day if periods else None
    floor = compensation_floor(agreement, employee, as_of=day, rulebook=book, minimum_wage_day=rule)
    agreed = agreed_monthly_compensation(agreement, floor.average_wage.value)
    return floor, agreed, floor.period_end


def _during_period(
    floor: CompensationFloor | None,
    basis: Money,
    extra: ParameterValue,
    *,
    book: Rulebook,
    day: pendulum.Date,
    released: pendulum.Date,
    by_agreement: bool,
) -> Determination[Money]:
    """Released during the period: the extra months of compensation at ``basis`` a month."""
    art39 = extra.citations
    months = extra.as_int()
    value = (basis * months).round_fen()
    findings = [
        Finding(
            code="noncompete.release.during_period",
            severity=Severity.INFO,
            citations=art39,
            args={"months": months, "monthly": basis, "amount": value, "release_date": released},
        )
    ]
    params: list[ParameterValue] = [extra, *(floor.parameters if floor is not None else ())]
    guidance = None if by_agreement else _guidance_minimum(book, day)
    if guidance is not None:
        params.append(guidance)
        findings.append(
            Finding(
                code="noncompete.release.guidance_minimum",
                severity=Severity.INFO,
                citations=guidance.citations,
                args={
                    "months": guidance.as_int(),
                    "amount": (basis * guidance.as_int()).round_fen(),
                },
            )
        )
    step = TraceStep(
        rule="spc_labor_1_art39_extra_months",
        code="noncompete.trace.release_extra",
        citations=art39,
        args={"months": months, "monthly": basis, "amount": value},
        parameters=(extra,),
        on=released,
    )
    return Determination(
        value=value,
        rule="spc_labor_1_art39_extra_months",
        as_of=day,
        citations=art39,
        parameters=tuple(params),
        trace=(*(floor.trace if floor is not None else ()), step),
        findings=tuple(findings),
    )


def _guidance_minimum(book: Rulebook, day: pendulum.Date) -> ParameterValue | None:
    """The MOHRSS §18 minimum in force on ``day`` (``None`` before the guidelines)."""
    try:
        return book.param(_G_EXTRA, as_of=day)
    except OutOfCoverageError:
        return None
