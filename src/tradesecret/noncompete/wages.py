"""
The average-wage base of non-compete compensation (Interp. (IV) Art. 6 from 2013-02-01,
Interp. (I) Art. 36 from 2021-01-01): the average monthly wage of the 12 months before
termination, from monthly records or from a figure the user states with its source.

The average is exact (never rounded here); the monthly instalments built on it are
rounded at the instalment (see :mod:`tradesecret.noncompete.floor`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money, Ratio
from tradesecret.noncompete._common import book_of
from tradesecret.noncompete.model import EmployeeFacts
from tradesecret.results import Determination, Finding, Severity, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = [
    "average_monthly_wage",
    "has_wage",
    "termination_of",
    "wage_base",
    "wage_months",
    "wage_share",
]

_AVG_MONTHS: Final = "noncompete.average_wage_months"


def termination_of(employee: EmployeeFacts, termination: object | None) -> pendulum.Date:
    """The termination date assumed (``termination``) or recorded; an input error without."""
    if termination is not None:
        assumed = to_date(termination, path="termination")
        if assumed < employee.employment_start:
            raise InvalidInputError.single(
                "termination", str(assumed), "before the employment start"
            )
        return assumed
    if employee.termination_date is None:
        raise InvalidInputError.single(
            "termination_date", None, "required: the average is taken before termination"
        )
    return employee.termination_date


def has_wage(employee: EmployeeFacts) -> bool:
    """True when the wage is stated: monthly records or a stated average."""
    return bool(employee.wages) or employee.average_wage is not UNKNOWN


def _month_start(day: pendulum.Date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, 1)


def _ym(day: pendulum.Date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def wage_months(
    employee: EmployeeFacts,
    *,
    termination: pendulum.Date,
    months: int,
    include_termination_month: bool = False,
) -> tuple[pendulum.Date, ...]:
    """
    The months (first days) whose wages form the average, oldest first.

    A calendar month counts when it ended on or before the termination date (so a
    termination on 31 August counts August; one on 1 September does not count
    September) unless ``include_termination_month``. The window is the ``months``
    months up to that month, cut at the employment start; a first month in which
    employment started after the 1st is left out when other months remain.
    """
    month_end = termination.end_of("month")
    last = _month_start(termination)
    if not include_termination_month and termination != month_end:
        last = last.subtract(months=1)
    first = last.subtract(months=months - 1)
    start_month = _month_start(employee.employment_start)
    if employee.employment_start.day != 1:
        start_month = start_month.add(months=1)
    if start_month > last:  # shorter than one full month: use what there is
        start_month = _month_start(employee.employment_start)
        last = max(last, start_month)
    first = max(first, start_month)
    out: list[pendulum.Date] = []
    current = first
    while current <= last:
        out.append(current)
        if current == last:  # never step past the last month (December 9999 has no successor)
            break
        current = current.add(months=1)
    return tuple(out)


def average_monthly_wage(
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    termination: object | None = None,
    include_termination_month: bool = False,
) -> Determination[Money]:
    """
    The average monthly wage of the 12 months before termination (exact, not rounded).

    Fewer months are used when employment was shorter; the trace and a finding say
    which months. A month without a wage record is an input error, never a zero.
    Without monthly records, the average stated in ``employee.average_wage`` is used
    as given, with its source (a finding says so).

    Args:
        employee: The employee, with ``wages`` and ``termination_date``.
        as_of: The date the question is asked for.
        rulebook: Parameters and citations (default: the package's).
        termination: Assume this termination date instead of ``termination_date``
            (e.g. when drafting).
        include_termination_month: Count the calendar month of termination too.

    Raises:
        InvalidInputError: no termination date, wage months missing (all listed), or
            no wage stated (neither records nor an average).
        OutOfCoverageError: a termination before 2013-02-01 (no rule set the base).

    Legal basis:
        spc-labor-1@2020-12-29:36; mohrss-nc-guide@2025-09-12:13
    """
    book = book_of(rulebook)
    day = to_date(as_of, path="as_of")
    end = termination_of(employee, termination)
    param = book.param(_AVG_MONTHS, as_of=end)
    if not employee.wages:
        return _stated(employee, param, day, end)
    window = wage_months(
        employee,
        termination=end,
        months=param.as_int(),
        include_termination_month=include_termination_month,
    )
    total = _total(employee, window)
    average = total / len(window)
    args = {
        "first_month": _ym(window[0]),
        "last_month": _ym(window[-1]),
        "count": len(window),
        "total": total,
        "average": average,
    }
    findings: list[Finding] = []
    if len(window) < param.as_int():
        findings.append(
            Finding(
                code="noncompete.average.short_employment",
                severity=Severity.INFO,
                citations=param.citations,
                args={**args, "months": param.as_int()},
            )
        )
    trace = ("noncompete_average_wage", "noncompete.trace.average_wage")
    return _determined(average, trace, param, args, day=day, end=end, findings=findings)


def _total(employee: EmployeeFacts, window: tuple[pendulum.Date, ...]) -> Money:
    """The wages of the window's months; a month without a record is an input error."""
    by_month = {w.month: w.amount for w in employee.wages}
    missing = [m for m in window if m not in by_month]
    if missing:
        raise InvalidInputError(
            [Problem.of("wages", _ym(m), "no wage record for this month") for m in missing]
        )
    try:
        return sum((by_month[m] for m in window), Money.zero())
    except InvalidInputError as exc:  # the total is out of the supported range: the wages are
        raise InvalidInputError(p.at("wages") for p in exc.problems) from None


def _stated(
    employee: EmployeeFacts, param: ParameterValue, day: pendulum.Date, end: pendulum.Date
) -> Determination[Money]:
    stated = employee.average_wage
    if stated is UNKNOWN:
        raise InvalidInputError.single(
            "wages", None, "not stated: give monthly wage records or average_wage"
        )
    args = {"average": stated.amount, "source": stated.source, "months": param.as_int()}
    finding = Finding(
        code="noncompete.average.stated",
        severity=Severity.INFO,
        citations=param.citations,
        args=args,
    )
    trace = ("noncompete_stated_average_wage", "noncompete.trace.stated_average")
    return _determined(stated.amount, trace, param, args, day=day, end=end, findings=[finding])


def _determined(
    value: Money,
    trace: tuple[str, str],
    param: ParameterValue,
    args: Mapping[str, object],
    *,
    day: pendulum.Date,
    end: pendulum.Date,
    findings: list[Finding],
) -> Determination[Money]:
    """An average wage resting on ``param`` (the months it averages), with its one trace step."""
    rule, code = trace
    citations = param.citations
    step = TraceStep(
        rule=rule, code=code, citations=citations, args=args, parameters=(param,), on=end
    )
    return Determination(
        value=value,
        rule=rule,
        as_of=day,
        citations=citations,
        parameters=(param,),
        trace=(step,),
        findings=tuple(findings),
    )


def wage_base(average: Determination[Money]) -> tuple[Money, int] | None:
    """
    The wage total and its month count behind a computed average (the exact base), or
    ``None`` for an average stated as one figure.
    """
    for step in average.trace:
        if step.rule == "noncompete_average_wage":
            values = dict(step.args)
            total, count = values.get("total"), values.get("count")
            if isinstance(total, Money) and isinstance(count, int):
                return total, count
    return None


def wage_share(average: Money | Determination[Money], ratio: Ratio | Decimal | int) -> Money:
    """
    ``ratio`` x the average monthly wage, exact, before its one rounding at the instalment.

    A computed average is ``total / months``, which a decimal cannot hold exactly
    (CNY 347,887.00 / 12); the share is therefore ``total x ratio / months``: CNY 347,887.00
    at 30 % over 12 months is exactly 8,697.175 and rounds half up to 8,697.18 (dividing
    first gives 8,697.1749... and the wrong fen).
    """
    factor = ratio.value if isinstance(ratio, Ratio) else Decimal(ratio)
    if isinstance(average, Determination):
        base = wage_base(average)
        if base is not None:
            total, months = base
            return Money(amount=total.amount * factor / months, currency=total.currency)
        average = average.value
    return Money(amount=average.amount * factor, currency=average.currency)
