"""
The shared context of the compensation criterion's modules: the facts and law of one
review, citations in force, and the open rules (undetermined comparisons).
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from tradesecret.dates import month_periods
from tradesecret.engine import LegalClock
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.law import POLICY, Citation
from tradesecret.noncompete.floor import MinimumWageDay, minimum_wage_for
from tradesecret.noncompete.model import CompensationBasis, EmployeeFacts, NonCompeteAgreement
from tradesecret.results import Finding, Outcome, Severity, Undetermined
from tradesecret.rulebook import ParameterValue, Rulebook

CRITERION: Final = "noncompete.criterion.compensation"
BELOW_DEFAULT: Final = "noncompete.compensation.below_default"
BELOW_MIN: Final = "noncompete.compensation.below_minimum_wage"
BELOW_LONG: Final = "noncompete.compensation.below_guidance_long_period"


@attrs.frozen(kw_only=True)
class Ctx:
    """What the comparisons need (an internal bundle)."""

    agreement: NonCompeteAgreement
    employee: EmployeeFacts
    day: pendulum.Date
    end: pendulum.Date
    assumed: bool
    book: Rulebook
    clock: LegalClock
    region: str
    months: int


def end_of(employee: EmployeeFacts, day: pendulum.Date) -> tuple[pendulum.Date, bool]:
    """The termination date, or the one assumed for an employee still employed."""
    if employee.termination_date is not None:
        return employee.termination_date, False
    if employee.wages:
        latest = max(w.month for w in employee.wages).end_of("month")
        return min(latest, day), True
    return day, True


def cites(ctx: Ctx, *texts: str) -> tuple[Citation, ...]:
    """The citations in force, or the library's policy where none is."""
    return ctx.clock.those_in_force(texts) or ctx.book.cite_all(POLICY)


def finding(
    _ctx: Ctx, code: str, severity: Severity, cites: tuple[Citation, ...], **args: object
) -> Finding:
    remedies = (
        ("noncompete.remedy.raise_compensation",) if severity.at_least(Severity.MEDIUM) else ()
    )
    return Finding(code=code, severity=severity, citations=cites, args=args, remedies=remedies)


def minimum_wages(ctx: Ctx) -> tuple[list[Fact[ParameterValue]], OutOfCoverageError | None]:
    out: list[Fact[ParameterValue]] = []
    error: OutOfCoverageError | None = None
    for period in month_periods(ctx.end, ctx.months):
        try:
            out.append(
                minimum_wage_for(
                    ctx.book, ctx.region, period.first_day, period.last_day, MinimumWageDay.LAST_DAY
                )
            )
        except OutOfCoverageError as exc:
            error = error or exc
            out.append(UNKNOWN)
    return out, error


def agreed_path(agreement: NonCompeteAgreement) -> str:
    terms = agreement.compensation
    if terms is UNKNOWN:
        return "agreement.compensation"
    if terms.basis is UNKNOWN:
        return "agreement.compensation.basis"
    if terms.basis is CompensationBasis.MONTHLY_AMOUNT:
        return "agreement.compensation.monthly_amount"
    return "agreement.compensation.ratio" if terms.ratio is UNKNOWN else "employee.wages"


def open_rule(  # noqa: PLR0917 - internal, called in order
    ctx: Ctx,
    rule: str,
    facts: tuple[str, ...],
    if_holds: Outcome,
    otherwise: Outcome,
    basis: tuple[str, ...],
    severity: Severity = Severity.MEDIUM,
) -> Undetermined:
    return Undetermined(
        rule=rule,
        facts=facts,
        if_holds=if_holds,
        otherwise=otherwise,
        severity=severity,
        citations=cites(ctx, *basis),
        criterion=CRITERION,
    )
