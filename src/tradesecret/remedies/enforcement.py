"""
Trade-secret enforcement by AUCL version: administrative fines and civil damages.

Fine bands (prc-legal-facts-disputes.md 4.1), each a dated parameter:

* AUCL 1993 Art. 25 (1993-12-01 to 2017-12-31): order to stop; a fine "according to the
  circumstances" in one band, no separate band for serious cases;
* AUCL 2017 Art. 21 (2018-01-01 to 2019-04-22): business operators (经营者) only; an
  ordinary and a serious band;
* AUCL 2019 Art. 21 (2019-04-23 to 2025-10-14): operators and other persons; confiscation
  of illegal gains; ordinary and serious bands;
* AUCL 2025 Art. 26 (from 2025-10-15): as 2019, with a higher floor of the serious band.

Civil damages: the statutory maximum (none in the 1993 text) and the punitive multiplier
(from 2019: for **malicious** infringement with serious circumstances; 2025 Art. 22: for
**intentional** infringement), on the loss-first basis (1993, 2017, 2019: the loss, else
the infringer's gains) or the loss-or-gains basis (2025 Art. 22).

Which version: the one in force on the act's last day (an act continuing across an
amendment is judged under the amended law -- the SPC's rule for civil cases, 法释〔2020〕7号
Art. 28; for administrative penalties the sources give no rule, so the library applies the
same reading and says so).

Examples:
    >>> import pendulum
    >>> from tradesecret.remedies.enforcement import InfringingAct, review_enforcement
    >>> r = review_enforcement(InfringingAct(start=pendulum.date(2025, 10, 15), serious=True),
    ...                        as_of=pendulum.date(2026, 1, 1))
    >>> r.version, [str(d.value) for d in r.fine]
    ('2025-06-27', ['CNY 1000000', 'CNY 5000000'])
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import date_field, optional_date_field, tuple_of
from tradesecret.dates import to_date
from tradesecret.engine import LegalClock
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of
from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation, Instrument
from tradesecret.money import Money
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.remedies._explain import explain_enforcement
from tradesecret.results import (
    Determination,
    Finding,
    FindingCodes,
    Outcome,
    Severity,
    Undetermined,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["EnforcementReview", "FineBand", "InfringingAct", "review_enforcement"]

_CONTINUING = "spc-ts@2020-09-10:28"
_AUCL_2025_DAMAGES = "aucl@2025-06-27:22"


class FineBand(enum.Enum):
    """Which band applies."""

    ORDINARY = "ordinary"
    SERIOUS = "serious"
    SINGLE = "single"  # one band whatever the seriousness (AUCL 1993)
    EITHER = "either"  # seriousness not stated: both bands shown
    NOT_LIABLE = "not_liable"  # the act's author is outside the article (AUCL 2017: operators only)


@attrs.frozen(kw_only=True)
class InfringingAct:
    """
    A trade-secret infringing act, for enforcement.

    Attributes:
        start: First day of the act.
        end: Last day, where it has ended (``None``: continuing).
        serious: The circumstances are serious (情节严重).
        operator: The actor is a business operator (经营者).
        malicious: Malicious infringement (恶意, AUCL 2019 Art. 17).
        intentional: Intentional infringement (故意, AUCL 2025 Art. 22).
        loss: The right holder's actual loss.
        infringer_gains: The infringer's gains from the infringement.
    """

    start: pendulum.Date = attrs.field(converter=date_field)
    end: pendulum.Date | None = attrs.field(default=None, converter=optional_date_field)
    serious: Fact[bool] = UNKNOWN
    operator: Fact[bool] = UNKNOWN
    malicious: Fact[bool] = UNKNOWN
    intentional: Fact[bool] = UNKNOWN
    loss: Fact[Money] = UNKNOWN
    infringer_gains: Fact[Money] = UNKNOWN

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.end is not None and self.end < self.start:
            problems.append(Problem.of("end", self.end, "the act ends before it starts"))
        for name in ("loss", "infringer_gains"):
            value = getattr(self, name)
            if isinstance(value, Money) and value.amount < 0:
                problems.append(Problem.of(name, value, "must not be negative"))
        if problems:
            raise InvalidInputError(problems)

    def last_day(self, as_of: pendulum.Date) -> pendulum.Date:
        """The act's last day as known on ``as_of`` (continuing: ``as_of``)."""
        return as_of if self.end is None or self.end > as_of else self.end


@attrs.frozen(kw_only=True)
class EnforcementReview(FindingCodes, ShownAsMarkdown):
    """
    Fines and civil damages under the AUCL version that governs the act.

    Attributes:
        as_of: The day asked about.
        act_day: The day whose law governs (the act's last day).
        version: The AUCL version applied (its version date).
        citations: The articles applied (fine article, damages article).
        band: Which fine band applies.
        fine: The minimum and maximum of the band that applies (both bands when
            seriousness is not stated: ordinary first).
        damages_cap: The statutory damages maximum, where the version has one.
        punitive: The punitive multiplier range, where the version has one and its
            conditions are met or open.
        punitive_available: Whether the punitive conditions are met.
        findings: What was found.
        parameters: Parameter values used.
        open: Rules undecided for want of facts.
    """

    as_of: pendulum.Date
    act_day: pendulum.Date
    version: str
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    band: FineBand
    fine: tuple[Determination[Money], ...] = attrs.field(
        default=(), validator=tuple_of(Determination)
    )
    damages_cap: Determination[Money] | None = None
    punitive: tuple[Determination[Decimal], ...] = attrs.field(
        default=(), validator=tuple_of(Determination)
    )
    punitive_available: Tri = Tri.UNKNOWN
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    open: tuple[Undetermined, ...] = attrs.field(default=(), validator=tuple_of(Undetermined))

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        return explain_enforcement(self, loc, fmt)


def _version(book: Rulebook, day: pendulum.Date) -> Instrument:
    for instrument in book.instruments.values():
        if instrument.id == "aucl" and instrument.in_force_on(day):
            return instrument
    raise InvalidInputError.single(
        "start", str(day), "no version of the Anti-Unfair Competition Law was in force that day"
    )


def _money_line(
    book: Rulebook, name: str, rule: str, day: pendulum.Date, as_of: pendulum.Date
) -> Determination[Money] | None:
    entry = book.lookup(name, as_of=day)
    if not isinstance(entry, ParameterValue):
        return None
    return Determination(
        value=entry.as_money(),
        rule=rule,
        as_of=as_of,
        citations=entry.citations,
        parameters=(entry,),
    )


def _fine(
    act: InfringingAct, book: Rulebook, day: pendulum.Date, as_of: pendulum.Date
) -> tuple[FineBand, tuple[Determination[Money], ...], list[Finding], list[Undetermined]]:
    ordinary = [
        _money_line(book, "aucl.admin_fine_min", "remedies.fine.minimum", day, as_of),
        _money_line(book, "aucl.admin_fine_max", "remedies.fine.maximum", day, as_of),
    ]
    serious = [
        _money_line(
            book, "aucl.admin_fine_serious_min", "remedies.fine.serious_minimum", day, as_of
        ),
        _money_line(
            book, "aucl.admin_fine_serious_max", "remedies.fine.serious_maximum", day, as_of
        ),
    ]
    lines_o = tuple(d for d in ordinary if d is not None)
    lines_s = tuple(d for d in serious if d is not None)
    cited = lines_o[0].citations if lines_o else book.cite_all(_POLICY)
    findings: list[Finding] = []
    open_rules: list[Undetermined] = []
    operators_only = _operators_only(book, day)
    if operators_only and act.operator is False:
        findings.append(
            Finding(code="remedies.fine.operators_only", severity=Severity.HIGH, citations=cited)
        )
        return FineBand.NOT_LIABLE, (), findings, open_rules
    if operators_only and act.operator is UNKNOWN:
        open_rules.append(_undetermined("remedies.fine.operators_only", "act.operator", cited))
    if not lines_s:
        findings.append(
            Finding(code="remedies.fine.single_band", severity=Severity.INFO, citations=cited)
        )
        return FineBand.SINGLE, lines_o, findings, open_rules
    if act.serious is True:
        return FineBand.SERIOUS, lines_s, findings, open_rules
    if act.serious is False:
        return FineBand.ORDINARY, lines_o, findings, open_rules
    open_rules.append(_undetermined("remedies.fine.serious_band", "act.serious", cited))
    return FineBand.EITHER, lines_o + lines_s, findings, open_rules


def _operators_only(book: Rulebook, day: pendulum.Date) -> bool:
    """AUCL 2017: only business operators are liable (the article names 经营者 only)."""
    entry = book.lookup("remedies.aucl_fine_reaches_non_operators", as_of=day)
    return isinstance(entry, ParameterValue) and entry.as_int() == 0


def _undetermined(rule: str, fact: str, citations: tuple[Citation, ...]) -> Undetermined:
    return Undetermined(
        rule=rule,
        facts=(fact,),
        if_holds=Outcome.MET,
        otherwise=Outcome.NOT_MET,
        severity=Severity.HIGH,
        citations=citations,
        criterion="remedies.criterion.enforcement",
    )


def review_enforcement(
    act: InfringingAct, *, as_of: pendulum.Date, rulebook: Rulebook | None = None
) -> EnforcementReview:
    """The fine band and the civil damages frame for ``act`` under the version that governs it."""
    as_of = to_date(as_of, path="as_of")  # a date, a datetime.date or ISO text
    book = rulebook if rulebook is not None else default_rulebook()
    day = act.last_day(as_of)
    version = _version(book, day)
    findings: list[Finding] = []
    first = _version(book, act.start)
    if first.key != version.key:
        clock = LegalClock(book, day)
        findings.append(
            Finding(
                code="remedies.enforcement.spans_change",
                severity=Severity.MEDIUM,
                citations=(book.cite(_POLICY),),
                context=clock.those_in_force((_CONTINUING,)),
                args={"first": first.version, "applied": version.version, "day": day},
            )
        )
    band, fine, more, open_rules = _fine(act, book, day, as_of)
    findings += more
    cap = _money_line(
        book, "aucl.statutory_damages_cap", "remedies.damages.statutory_cap", day, as_of
    )
    punitive, available, damages_findings, damages_open = _damages(act, book, day, as_of)
    findings += damages_findings
    open_rules += damages_open
    used = (*fine, cap) if cap is not None else fine
    params = [p for d in used for p in d.parameters]
    params += [p for d in punitive for p in d.parameters]
    cited = [c for d in fine for c in d.citations] + [c for d in punitive for c in d.citations]
    citations = tuple(dict.fromkeys(cited)) or book.cite_all(f"aucl@{version.version}")
    return EnforcementReview(
        as_of=as_of,
        act_day=day,
        version=version.version,
        citations=citations,
        band=band,
        fine=fine,
        damages_cap=cap,
        punitive=punitive,
        punitive_available=available,
        findings=tuple(findings),
        parameters=tuple(params),
        open=tuple(open_rules),
    )


def _damages(
    act: InfringingAct, book: Rulebook, day: pendulum.Date, as_of: pendulum.Date
) -> tuple[tuple[Determination[Decimal], ...], Tri, list[Finding], list[Undetermined]]:
    clock = LegalClock(book, day)
    art_2025 = clock.those_in_force((_AUCL_2025_DAMAGES,))
    findings: list[Finding] = []
    lo = book.lookup("aucl.punitive_multiplier_min", as_of=day)
    hi = book.lookup("aucl.punitive_multiplier_max", as_of=day)
    basis_cites = lo.citations
    findings.append(
        Finding(
            code="remedies.damages.loss_or_gains" if art_2025 else "remedies.damages.loss_first",
            severity=Severity.INFO,
            citations=basis_cites,
        )
    )
    if not (isinstance(lo, ParameterValue) and isinstance(hi, ParameterValue)):
        findings.append(
            Finding(
                code="remedies.damages.no_punitive", severity=Severity.INFO, citations=basis_cites
            )
        )
        return (), Tri.FALSE, findings, []
    lines = tuple(
        Determination(
            value=p.as_decimal(), rule=rule, as_of=as_of, citations=p.citations, parameters=(p,)
        )
        for p, rule in (
            (lo, "remedies.damages.punitive_min"),
            (hi, "remedies.damages.punitive_max"),
        )
    )
    state, fact = (
        (act.intentional, "act.intentional") if art_2025 else (act.malicious, "act.malicious")
    )
    available = all_of(state, act.serious)
    open_rules: list[Undetermined] = []
    if available is Tri.UNKNOWN:
        missing = [f for f, v in ((fact, state), ("act.serious", act.serious)) if v is UNKNOWN]
        open_rules.append(
            Undetermined(
                rule="remedies.damages.punitive",
                facts=tuple(missing),
                if_holds=Outcome.MET,
                otherwise=Outcome.NOT_MET,
                severity=Severity.HIGH,
                citations=lo.citations,
                criterion="remedies.criterion.enforcement",
            )
        )
    code = (
        "remedies.damages.punitive_intentional"
        if art_2025
        else "remedies.damages.punitive_malicious"
    )
    findings.append(Finding(code=code, severity=Severity.MEDIUM, citations=lo.citations))
    return lines, available, findings, open_rules
