"""
The three comparisons of an agreed amount with the floors, each three-valued, decided by
interval reasoning where a minimum wage is not held (see
:mod:`tradesecret.noncompete.compensation_check`).
"""

from __future__ import annotations

from tradesecret.dates import month_periods
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money, Ratio
from tradesecret.noncompete._common import G13, I1_36, I4_6
from tradesecret.noncompete._compensation_ctx import (
    BELOW_DEFAULT,
    BELOW_LONG,
    BELOW_MIN,
    Ctx,
    agreed_path,
    cites,
    finding,
    minimum_wages,
    open_rule,
)
from tradesecret.noncompete.floor import CompensationFloor, highest_minimum_wage
from tradesecret.noncompete.wages import wage_share
from tradesecret.results import Determination, Finding, Outcome, Severity, Undetermined
from tradesecret.rulebook import ParameterValue

__all__ = ["Comparisons"]


class Comparisons:
    """The three comparisons of an agreed amount with the floors, each a Tri."""

    def __init__(
        self,
        ctx: Ctx,
        ratio: ParameterValue,
        floor: CompensationFloor | None,
        average: Fact[Money],
        agreed: Fact[Money | None],
        *,
        exact: Fact[Determination[Money]] = UNKNOWN,
    ) -> None:
        self.ctx = ctx
        self.ratio = ratio.as_ratio()
        self.average = average
        # the exact wage base behind the average, for shares rounded once
        self.exact: Fact[Money | Determination[Money]] = average if exact is UNKNOWN else exact
        self.agreed = agreed
        self.parameters: list[ParameterValue] = []
        if floor is not None:
            self.wages: list[Fact[ParameterValue]] = [
                m.minimum_wage_parameter for m in floor.months
            ]
            self.coverage: OutOfCoverageError | None = None
        else:
            self.wages, self.coverage = minimum_wages(ctx)
            self.parameters += [w for w in self.wages if w is not UNKNOWN]
        self.highest = highest_minimum_wage(ctx.book)
        self.guidance = guidance_ratio(ctx)
        self.findings: list[Finding] = []
        self.opened: list[Undetermined] = []
        self.cites = cites(ctx, G13)

    def run(self) -> tuple[list[Finding], list[Undetermined]]:
        if self.coverage is not None:
            self.findings.append(
                finding(
                    self.ctx,
                    "noncompete.compensation.out_of_coverage",
                    Severity.INFO,
                    cites(self.ctx, I1_36, I4_6),
                    name=self.coverage.name,
                    on=str(self.coverage.as_of),
                    since=str(self.coverage.covered_since),
                )
            )
        self._below_default()
        self._below_minimum()
        if self.guidance is not None:
            self._below_long(*self.guidance)
        return self.findings, self.opened

    def _bound_used(self) -> None:
        if self.highest is not None and self.highest not in self.parameters:
            self.parameters.append(self.highest)

    def _wage_path(self) -> str:
        return f"minimum_wage.monthly[{self.ctx.region}]"

    def _unknown_inputs(self) -> tuple[str, ...]:
        paths = []
        if self.agreed is UNKNOWN:
            paths.append(agreed_path(self.ctx.agreement))
        if self.average is UNKNOWN:
            paths.append("employee.wages")
        return tuple(dict.fromkeys(paths))

    def _open(
        self, rule: str, facts: tuple[str, ...], severity: Severity = Severity.MEDIUM
    ) -> None:
        """The comparison ``rule`` left open on ``facts`` (MOHRSS §13): not met if it holds."""
        self.opened.append(
            open_rule(self.ctx, rule, facts, Outcome.NOT_MET, Outcome.MET, (G13,), severity)
        )

    def _below_default(self) -> None:
        agreed, average = self.agreed, self.average
        if agreed is UNKNOWN or average is UNKNOWN or agreed is None:
            self._open(BELOW_DEFAULT, self._unknown_inputs() or ("employee.wages",))
            return
        raw = wage_share(self.exact, self.ratio)  # type: ignore[arg-type]  # known here
        default = raw.round_fen()
        first = self.wages[0] if self.wages else UNKNOWN
        governed = first is not UNKNOWN and raw < first.as_money()
        if agreed < default and not governed:
            self.findings.append(
                finding(
                    self.ctx,
                    BELOW_DEFAULT,
                    Severity.MEDIUM,
                    self.cites,
                    agreed=agreed,
                    default=default,
                    ratio=self.ratio,
                )
            )

    def _below_minimum(self) -> None:
        agreed = self.agreed
        if agreed is UNKNOWN or agreed is None:
            self._open(BELOW_MIN, self._unknown_inputs() or ("employee.wages",), Severity.HIGH)
            return
        known = [(i, w) for i, w in enumerate(self.wages) if w is not UNKNOWN]
        low = [(i, w) for i, w in known if agreed < w.as_money()]
        if low:
            periods = month_periods(self.ctx.end, self.ctx.months)
            i, w = low[0]
            self.findings.append(
                finding(
                    self.ctx,
                    BELOW_MIN,
                    Severity.HIGH,
                    self.cites,
                    agreed=agreed,
                    minimum_wage=w.as_money(),
                    first=periods[i].first_day,
                    count=len(low),
                )
            )
            return
        if len(known) == len(self.wages):
            return
        self._bound_used()
        if self.highest is not None and agreed >= self.highest.as_money():
            return  # at or above every minimum wage held for any place: decided
        self._open(BELOW_MIN, (self._wage_path(),), Severity.HIGH)

    def _below_long(
        self, g_ratio: Ratio, threshold: int, params: tuple[ParameterValue, ...]
    ) -> None:
        if self.ctx.months <= threshold:
            return
        self.parameters += params
        agreed, average = self.agreed, self.average
        if agreed is UNKNOWN or average is UNKNOWN or agreed is None:
            self._open(BELOW_LONG, self._unknown_inputs() or ("employee.wages",))
            return
        first = self.wages[0] if self.wages else UNKNOWN
        raw = wage_share(self.exact, g_ratio)  # type: ignore[arg-type]  # known here
        guidance = raw if first is UNKNOWN or raw >= first.as_money() else first.as_money()
        guidance = guidance.round_fen()
        if agreed < guidance:
            self.findings.append(
                finding(
                    self.ctx,
                    BELOW_LONG,
                    Severity.MEDIUM,
                    cites(self.ctx, G13),
                    agreed=agreed,
                    guidance=guidance,
                    ratio=g_ratio,
                    months=self.ctx.months,
                    threshold=threshold,
                )
            )
        elif first is UNKNOWN and not (
            self.highest is not None and agreed >= self.highest.as_money()
        ):
            self._bound_used()
            self._open(BELOW_LONG, (self._wage_path(),))


def guidance_ratio(ctx: Ctx) -> tuple[Ratio, int, tuple[ParameterValue, ...]] | None:
    """The long-period guidance ratio and threshold in force on the review date, if any."""
    try:
        threshold = ctx.book.param(
            "noncompete.guidance_long_period_threshold_months", as_of=ctx.day
        )
        long_ratio = ctx.book.param("noncompete.guidance_long_period_ratio", as_of=ctx.day)
    except OutOfCoverageError:
        return None
    return long_ratio.as_ratio(), threshold.as_int(), (threshold, long_ratio)
