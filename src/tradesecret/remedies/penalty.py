"""
The agreed penalty (违约金) and how a court may adjust it -- never a predicted figure.

The court may, **on a party's request**, increase a penalty lower than the loss or
appropriately reduce one excessively higher than the loss (Civil Code Art. 585(2); before
2021-01-01 Contract Law Art. 114). Reference lines, by the law applied:

* 2009-05-13 to 2020-12-31: the 2009 Contract Law interpretation Art. 29(2) -- more than
  30 % above the actual loss is generally excessive; an increased penalty is capped at
  the loss (Art. 28);
* 2021-01-01 to 2023-12-04: Civil Code Art. 585(2), no figure;
* from 2023-12-05: 法释〔2023〕13号 Art. 65(2) -- more than 30 % above the Art. 584 loss
  is generally excessive; the breaching party bears the burden (Art. 64(2)); a malicious
  breacher's request to reduce is generally refused (Art. 65(3)).

The MOHRSS guide's multiple of total compensation (from 2025-09-12) is a reference line
of administrative guidance, never a cap. Whether labour courts apply the contract
interpretation's figures to non-compete penalties is not stated by any source found
(open item 2): every review says so.

The law applied: facts that ended before the Civil Code took effect follow the Contract
Law and the 2009 interpretation; facts on or after it (or continuing past it) follow the
Civil Code and the interpretation in force on the day asked about (法释〔2023〕13号 Art. 69
applies it to cases not finally decided on 2023-12-05).

Examples:
    >>> import pendulum
    >>> from tradesecret.money import Money
    >>> from tradesecret.remedies.penalty import PenaltyFacts, review_penalty
    >>> r = review_penalty(PenaltyFacts(agreed=Money("1000000"), loss=Money("200000")),
    ...                    as_of=pendulum.date(2024, 3, 1), facts_day=pendulum.date(2023, 6, 1))
    >>> r.adjustment.value, str(r.line("remedies.line.excessive").value)
    ('reduction_likely_unless_malicious', 'CNY 260000.00')
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.engine import LegalClock
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation
from tradesecret.money import Money, times
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.remedies._explain import explain_penalty
from tradesecret.results import (
    Args,
    Determination,
    Finding,
    FindingCodes,
    Outcome,
    Severity,
    Term,
    Undetermined,
    make_args,
)
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "Adjustment",
    "Factor",
    "PenaltyFacts",
    "PenaltyReview",
    "law_day",
    "review_penalty",
]

_CIVIL_CODE = "civil-code@2020-05-28"
_ART_585 = "civil-code@2020-05-28:585.2"
_ART_584 = "civil-code@2020-05-28:584"
_ART_114 = "contract-law@1999-10-01:114"
_BURDEN = "spc-contract-general@2023-12-04:64.2"
_MALICE = "spc-contract-general@2023-12-04:65.3"
_WEIGH_2023 = "spc-contract-general@2023-12-04:65.1"
_WEIGH_2009 = "spc-contract-2@2009-04-24:29.1"
_INCREASE_CAP_2009 = "spc-contract-2@2009-04-24:28"
_ARTICLE = "remedies.penalty_adjustment_article"
_MULTIPLE = "remedies.penalty_excessive_loss_multiple"
_GUIDANCE = "noncompete.guidance_max_penalty_multiple"


class Adjustment(enum.Enum):
    """Whether an adjustment of the agreed penalty is indicated, and which way."""

    REDUCTION_LIKELY = "reduction_likely"  # above the excessive line, not malicious
    REDUCTION_LIKELY_UNLESS_MALICIOUS = "reduction_likely_unless_malicious"
    REDUCTION_UNLIKELY_MALICIOUS = "reduction_unlikely_malicious"  # Art. 65(3)
    REDUCTION_POSSIBLE = "reduction_possible"  # above the loss; no figure in force
    NONE_INDICATED = "none_indicated"  # between the loss and the excessive line
    INCREASE_POSSIBLE = "increase_possible"  # below the loss
    UNDETERMINED = "undetermined"  # the agreed amount or the loss is not stated


@attrs.frozen(kw_only=True)
class PenaltyFacts:
    """
    What the court weighs; each may be unknown.

    Attributes:
        agreed: The agreed penalty (from the clause).
        loss: The employer's loss as stated (Civil Code Art. 584 loss).
        malicious: The breach was malicious.
        compensation_paid: Compensation paid before the breach was found.
        total_compensation: Total agreed compensation (for the guidance reference line).
        monthly_income: The employee's monthly wage before leaving.
        breach_days: How many days the breach lasted (as of the day asked about).
    """

    agreed: Fact[Money] = UNKNOWN
    loss: Fact[Money] = UNKNOWN
    malicious: Fact[bool] = UNKNOWN
    compensation_paid: Fact[Money] = UNKNOWN
    total_compensation: Fact[Money] = UNKNOWN
    monthly_income: Fact[Money] = UNKNOWN
    breach_days: Fact[int] = UNKNOWN


@attrs.frozen(kw_only=True)
class Factor:
    """
    One factor the court weighs, stated or not.

    Attributes:
        code: Message code of the factor.
        known: Whether the fact was stated.
        args: Its value, when stated.
        citations: What says the court weighs it.
    """

    code: str
    known: bool
    args: Args = ()
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class PenaltyReview(FindingCodes, ShownAsMarkdown):
    """
    The agreed penalty, whether an adjustment is indicated, the reference lines and the
    factors -- not a prediction of the amount a court will award.

    Attributes:
        as_of: The day asked about.
        law_day: The day whose law is applied.
        agreed: The agreed amount (``UNKNOWN``: not stated or not computable).
        adjustment: Whether an adjustment is indicated and which way.
        citations: The article governing adjustment on ``law_day``.
        lines: Reference lines (each a :class:`Determination` with its basis).
        factors: The factors the court weighs, known or unknown.
        findings: What was found, with its basis.
        shortfall: Loss minus the agreed penalty where the penalty is below the loss.
        parameters: Parameter values used.
        open: Rules undecided for want of facts.
    """

    as_of: pendulum.Date
    law_day: pendulum.Date
    agreed: Fact[Money]
    adjustment: Adjustment
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    lines: tuple[Determination[Money], ...] = attrs.field(
        default=(), validator=tuple_of(Determination)
    )
    factors: tuple[Factor, ...] = attrs.field(default=(), validator=tuple_of(Factor))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))
    shortfall: Money | None = None
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    open: tuple[Undetermined, ...] = attrs.field(default=(), validator=tuple_of(Undetermined))

    def line(self, rule: str) -> Determination[Money]:
        """The reference line ``rule``."""
        for line in self.lines:
            if line.rule == rule:
                return line
        raise KeyError(rule)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        return explain_penalty(self, loc, fmt)


def law_day(facts_day: pendulum.Date, as_of: pendulum.Date, rulebook: Rulebook) -> pendulum.Date:
    """
    The day whose contract law governs the adjustment: ``as_of`` where the facts reach
    the Civil Code; else the last day before it (the Contract Law and its interpretation
    as they last stood), or ``as_of`` if earlier.
    """
    code_start = rulebook.instrument(_CIVIL_CODE).effective
    if facts_day >= code_start:
        return as_of
    return min(as_of, code_start.subtract(days=1))


def _cite(clock: LegalClock, *texts: str) -> tuple[Citation, ...]:
    return clock.those_in_force(texts)


def _finding(
    code: str, severity: Severity, citations: tuple[Citation, ...], **args: object
) -> Finding:
    return Finding(code=code, severity=severity, citations=citations, args=args)


def review_penalty(
    facts: PenaltyFacts,
    *,
    as_of: object,
    facts_day: object,
    rulebook: Rulebook | None = None,
) -> PenaltyReview:
    """
    Review the agreed penalty against the stated loss, as of ``as_of``, for facts
    reaching ``facts_day`` (the breach's last day as of ``as_of``). Each date is a
    ``pendulum.Date``, a ``datetime.date`` or ISO ``YYYY-MM-DD`` text.
    """
    as_of = to_date(as_of, path="as_of")
    facts_day = to_date(facts_day, path="facts_day")
    book = rulebook if rulebook is not None else default_rulebook()
    day = law_day(facts_day, as_of, book)
    clock = LegalClock(book, day)
    article = book.param(_ARTICLE, as_of=day)
    governing = article.citations
    params: list[ParameterValue] = [article]
    multiple = book.lookup(_MULTIPLE, as_of=day)
    lines: list[Determination[Money]] = []
    findings: list[Finding] = [
        _finding(
            "remedies.penalty.labour_application_open",
            Severity.INFO,
            (book.cite(_POLICY),),
        )
    ]
    line_amount: Money | None = None
    if isinstance(multiple, ParameterValue):
        params.append(multiple)
        if facts.loss is not UNKNOWN:
            line_amount = times(facts.loss, multiple.as_decimal(), "loss", facts.loss).round_fen()
            lines.append(
                Determination(
                    value=line_amount,
                    rule="remedies.line.excessive",
                    as_of=as_of,
                    citations=multiple.citations,
                    parameters=(multiple,),
                )
            )
    else:
        findings.append(
            _finding(
                "remedies.penalty.no_figure_in_force",
                Severity.INFO,
                _no_rule_citations(multiple),
                since=multiple.since,
            )
        )
    guidance = _guidance_line(facts, as_of, book)
    if guidance is not None:
        lines.append(guidance)
        params.extend(guidance.parameters)
        if facts.agreed is not UNKNOWN and guidance.value < facts.agreed:
            findings.append(
                _finding(
                    "remedies.penalty.above_guidance_reference",
                    Severity.LOW,
                    guidance.citations,
                    line=guidance.value,
                )
            )
    adjustment, more, shortfall = _adjust(facts, line_amount, clock, governing)
    findings += more
    return PenaltyReview(
        as_of=as_of,
        law_day=day,
        agreed=facts.agreed,
        adjustment=adjustment,
        citations=governing,
        lines=tuple(lines),
        factors=_factors(facts, clock, book),
        findings=tuple(findings),
        shortfall=shortfall,
        parameters=tuple(params),
        open=_open(facts, adjustment, governing),
    )


def _no_rule_citations(entry: NoRule | ParameterValue) -> tuple[Citation, ...]:
    return entry.citations


def _guidance_line(
    facts: PenaltyFacts, as_of: pendulum.Date, book: Rulebook
) -> Determination[Money] | None:
    """The MOHRSS guide's multiple of total compensation, where in force: a reference."""
    if facts.total_compensation is UNKNOWN:
        return None
    entry = book.lookup(_GUIDANCE, as_of=as_of)
    if not isinstance(entry, ParameterValue):
        return None
    return Determination(
        value=(facts.total_compensation * entry.as_decimal()).round_fen(),
        rule="remedies.line.guidance_multiple",
        as_of=as_of,
        citations=entry.citations,
        parameters=(entry,),
    )


def _adjust(
    facts: PenaltyFacts,
    line: Money | None,
    clock: LegalClock,
    governing: tuple[Citation, ...],
) -> tuple[Adjustment, list[Finding], Money | None]:
    agreed, loss = facts.agreed, facts.loss
    if agreed is UNKNOWN or loss is UNKNOWN:
        return Adjustment.UNDETERMINED, [], None
    out: list[Finding] = []
    if loss < agreed:
        burden = _cite(clock, _BURDEN)
        if burden:
            out.append(
                _finding("remedies.penalty.burden_on_breaching_party", Severity.INFO, burden)
            )
        if line is None:
            out.append(
                _finding(
                    "remedies.penalty.reduction_possible", Severity.MEDIUM, governing, loss=loss
                )
            )
            return Adjustment.REDUCTION_POSSIBLE, out, None
        if not line < agreed:
            out.append(
                _finding("remedies.penalty.within_line", Severity.INFO, governing, line=line)
            )
            return Adjustment.NONE_INDICATED, out, None
        adjustment, more = _excessive(facts.malicious, line, clock, governing)
        return adjustment, out + more, None
    if agreed < loss:
        shortfall = loss - agreed
        basis = governing + _cite(clock, _INCREASE_CAP_2009)
        out.append(
            _finding(
                "remedies.penalty.increase_possible",
                Severity.MEDIUM,
                basis,
                loss=loss,
                shortfall=shortfall,
            )
        )
        return Adjustment.INCREASE_POSSIBLE, out, shortfall
    out.append(_finding("remedies.penalty.equals_loss", Severity.INFO, governing))
    return Adjustment.NONE_INDICATED, out, None


def _excessive(
    malicious: Fact[bool],
    line: Money,
    clock: LegalClock,
    governing: tuple[Citation, ...],
) -> tuple[Adjustment, list[Finding]]:
    """Above the excessive line: reduction likely, unless the malicious-breach rule bars it."""
    weigh = _cite(clock, "spc-contract-general@2023-12-04:65.2", "spc-contract-2@2009-04-24:29.2")
    basis = (*weigh, *governing)
    bar = _cite(clock, _MALICE)
    if bar and malicious is True:
        return Adjustment.REDUCTION_UNLIKELY_MALICIOUS, [
            _finding("remedies.penalty.malicious_no_reduction", Severity.HIGH, bar, line=line)
        ]
    if bar and malicious is UNKNOWN:
        return Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS, [
            _finding(
                "remedies.penalty.above_line_unless_malicious", Severity.HIGH, basis, line=line
            )
        ]
    return Adjustment.REDUCTION_LIKELY, [
        _finding("remedies.penalty.above_line", Severity.HIGH, basis, line=line)
    ]


def _factors(facts: PenaltyFacts, clock: LegalClock, book: Rulebook) -> tuple[Factor, ...]:
    """The factors courts weigh (a practice survey [V3]; the general rule where in force)."""
    weigh = _cite(clock, _WEIGH_2023, _WEIGH_2009) or (book.cite(_POLICY),)
    loss_basis = _cite(clock, _ART_584, _ART_114) or weigh
    rows: tuple[tuple[str, object, tuple[Citation, ...]], ...] = (
        ("remedies.factor.loss", facts.loss, loss_basis),
        ("remedies.factor.compensation_paid", facts.compensation_paid, weigh),
        ("remedies.factor.income", facts.monthly_income, weigh),
        ("remedies.factor.malice", facts.malicious, weigh),
        ("remedies.factor.breach_days", facts.breach_days, weigh),
    )
    out: list[Factor] = []
    for code, value, citations in rows:
        known = value is not UNKNOWN
        args: Args = ()
        if known:
            shown = Term(f"term.bool.{str(value).lower()}") if isinstance(value, bool) else value
            args = make_args({"value": shown})
        out.append(Factor(code=code, known=known, args=args, citations=citations))
    return tuple(out)


def _open(
    facts: PenaltyFacts, adjustment: Adjustment, governing: tuple[Citation, ...]
) -> tuple[Undetermined, ...]:
    out: list[Undetermined] = []
    for name, path in (("agreed", "penalty"), ("loss", "loss")):
        if getattr(facts, name) is UNKNOWN:
            out.append(
                Undetermined(
                    rule="remedies.penalty.adjustment",
                    facts=(path,),
                    if_holds=Outcome.MET,
                    otherwise=Outcome.INSUFFICIENT_EVIDENCE,
                    severity=Severity.HIGH,
                    citations=governing,
                    criterion="remedies.penalty.adjustment",
                )
            )
    if adjustment is Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS:
        out.append(
            Undetermined(
                rule="remedies.penalty.malicious_no_reduction",
                facts=("breach.malicious",),
                if_holds=Outcome.NOT_MET,
                otherwise=Outcome.MET,
                severity=Severity.HIGH,
                citations=governing,
                criterion="remedies.penalty.adjustment",
            )
        )
    return tuple(out)
