"""
Was it a breach? The competitive relationship, indirect competition, in-service
competition and side duties, as rule tables.

* **Competitive relationship** (LCL Art. 24(2); Guiding Case 190): decided on actual
  business lines, products (or their substitutability where names differ), customers and
  markets -- never on the registered business scope alone. Overlap may be partial.
* **Indirect competition**: no statute, judicial interpretation or MOHRSS rule defines it
  (prc-legal-facts-disputes.md 2.3, open item 3); the library's policy is that it counts
  as the person's own competition when evidence links the person to the business (SPC
  typical case of 2024-04-30: a senior manager competing through his spouse's company).
* **In service**: Interp. (II) Art. 14 (from 2025-09-01) upholds an in-service clause
  with eligible staff; directors, supervisors and senior officers are also under the
  Company Law duty (2018 Art. 148; 2023 Art. 184 from 2024-07-01).
* **Side duties** (reporting new employment) are not competition. The sources say nothing
  on their proportionality: the rows here are the library's policy and say so.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from functools import partial

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of, any_of, not_, tri
from tradesecret.law import POLICY as _POLICY
from tradesecret.remedies.breach import Breach, BreachKind, Business, CompanyRole
from tradesecret.results import Criterion, Outcome, Severity, Undetermined
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = [
    "ATTRIBUTION",
    "COMPETITION",
    "IN_SERVICE",
    "SIDE_DUTY",
    "Comparison",
    "InServiceFacts",
    "overlap",
    "review_breach_scope",
]

_LCL_24_2 = "lcl@2012-12-28:24.2"
_GC_190 = "gc-190@2022-12-08"


def _norm(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.strip().casefold() for v in values if v.strip())


def overlap(a: Fact[tuple[str, ...]], b: Fact[tuple[str, ...]]) -> Tri:
    """
    True when the two lists share an item (compared without case or surrounding space);
    false when either is stated as none or they share nothing; unknown when either is.
    """
    if _stated_empty(a) or _stated_empty(b):
        return Tri.FALSE  # decided whatever the other list is
    if a is UNKNOWN or b is UNKNOWN:
        return Tri.UNKNOWN
    return Tri.of(bool(_norm(a) & _norm(b)))


def _stated_empty(a: Fact[tuple[str, ...]]) -> bool:
    return a is not UNKNOWN and not _norm(a)


def _disjoint(a: Fact[tuple[str, ...]], b: Fact[tuple[str, ...]]) -> Tri:
    """True only when both lists are stated, non-empty, and share nothing."""
    if _stated_empty(a) or _stated_empty(b):
        return Tri.FALSE
    if a is UNKNOWN or b is UNKNOWN:
        return Tri.UNKNOWN
    return Tri.of(bool(_norm(a)) and bool(_norm(b)) and not (_norm(a) & _norm(b)))


def _partial(a: Fact[tuple[str, ...]], b: Fact[tuple[str, ...]]) -> Tri:
    """True when the lists share some items but one of them has items the other lacks."""
    if a is UNKNOWN or b is UNKNOWN:
        return Tri.UNKNOWN
    shared = _norm(a) & _norm(b)
    return Tri.of(bool(shared) and (shared != _norm(a) or shared != _norm(b)))


def _shared(a: Fact[tuple[str, ...]], b: Fact[tuple[str, ...]]) -> str:
    if a is UNKNOWN or b is UNKNOWN:
        return ""
    shared = _norm(a) & _norm(b)
    return "、".join(v for v in a if v.strip().casefold() in shared)


@attrs.frozen(kw_only=True)
class Comparison:
    """
    The former employer's business against the business the person competes through.

    Attributes:
        employer: The former employer.
        other: The other business.
        substitutable: The other's products can substitute for the employer's.
    """

    employer: Business
    other: Business
    substitutable: Fact[bool] = UNKNOWN


def _same_kind(f: Comparison) -> Tri:
    return any_of(
        overlap(f.employer.business_lines, f.other.business_lines),
        overlap(f.employer.products, f.other.products),
        f.substitutable,
    )


_ACTUAL = (
    "employer.business_lines",
    "other.business_lines",
    "employer.products",
    "other.products",
    "substitutable",
)
_CUSTOMERS = ("employer.customers", "other.customers")
_MARKETS = ("employer.markets", "other.markets")
_SCOPES = ("employer.registered_scope", "other.registered_scope")
_LINES = ("employer.business_lines", "other.business_lines")
_RENAMED = ("substitutable", "employer.products", "other.products")


def _other_kind(f: Comparison) -> Tri:
    return not_(_same_kind(f))


def _other_customers(f: Comparison) -> Tri:
    return _disjoint(f.employer.customers, f.other.customers)


def _other_markets(f: Comparison) -> Tri:
    return _disjoint(f.employer.markets, f.other.markets)


def _same_scope(f: Comparison) -> Tri:
    return overlap(f.employer.registered_scope, f.other.registered_scope)


def _partly(f: Comparison) -> Tri:
    return _partial(f.employer.business_lines, f.other.business_lines)


def _renamed(f: Comparison) -> Tri:  # substitutable products under other names
    return all_of(f.substitutable, not_(overlap(f.employer.products, f.other.products)))


def _business(f: Comparison) -> Mapping[str, object]:
    return {"business": f.other.name}


def _kind_args(f: Comparison) -> Mapping[str, object]:
    return {
        "lines": _shared(f.employer.business_lines, f.other.business_lines) or "-",
        "products": _shared(f.employer.products, f.other.products) or "-",
    }


def _shared_line(f: Comparison) -> Mapping[str, object]:
    return {"shared": _shared(f.employer.business_lines, f.other.business_lines)}


# LCL Art. 24(2): 「与本单位生产或者经营同类产品、从事同类业务的有竞争关系的其他用人单位」
# ("another employer producing or dealing in the same kind of products or engaged in the same
# kind of business, in competition with this employer"); GC 190: not decided by registered
# scope alone -- actual business, service objects / product audience and markets. Customers
# and markets are factors weighed with the actual business: disjoint ones alone leave the
# relationship undetermined (DOUBTS); no same kind of business decides it (FAILS).
_gc_190 = partial(Check[Comparison], basis=(_LCL_24_2,), support=(_GC_190,), args=_business)
_fails = partial(_gc_190, severity=Severity.HIGH, effect=Effect.FAILS)
_doubts = partial(_gc_190, severity=Severity.HIGH, effect=Effect.DOUBTS)
_notes = partial(Check[Comparison], effect=Effect.NOTES, basis=(_LCL_24_2,))
_TYPICAL = "spc-typical-interp2@2025-08-01"

COMPETITION: RuleTable[Comparison] = RuleTable(
    criterion="remedies.criterion.competition", basis=(_LCL_24_2,),
    checks=(
        _fails(code="remedies.competition.no_same_kind", facts=_ACTUAL, when=_other_kind),
        _doubts(code="remedies.competition.different_customers", facts=_CUSTOMERS,
                when=_other_customers),
        _doubts(code="remedies.competition.different_markets", facts=_MARKETS, when=_other_markets),
        _notes(code="remedies.competition.same_kind", severity=Severity.INFO, facts=_ACTUAL,
               when=_same_kind, args=_kind_args),
        _notes(code="remedies.competition.registered_scope_not_decisive", severity=Severity.INFO,
               support=(_GC_190,), facts=_SCOPES, when=_same_scope),
        _notes(code="remedies.competition.partial_overlap", severity=Severity.LOW, facts=_LINES,
               when=_partly, args=_shared_line),
        _notes(code="remedies.competition.substitutable", severity=Severity.INFO,
               support=(_TYPICAL,), facts=_RENAMED, when=_renamed),
    ),
    clause=(
        "LCL 24(2) 「生产或者经营同类产品、从事同类业务的有竞争关系」; "
        "GC 190 (paraphrase): 实际经营内容、服务对象或者产品受众、对应市场"
    ),
)  # fmt: skip


def _no_link(b: Breach) -> Tri:
    return tri(b.links, lambda links: not links)


def _always(_: object) -> bool:
    return True


def _channel(b: Breach) -> Mapping[str, object]:
    return {"channel": "" if b.channel is UNKNOWN else b.channel.value}


# No rule of law: prc-legal-facts-disputes.md 2.3 (open item 3). Library policy, supported by
# the SPC typical case of 2024-04-30 (competition through a spouse's company is a breach).
_policy = partial(Check[Breach], basis=(_POLICY,), context=(_LCL_24_2,))
_SPOUSE = "spc-labor-typical@2024-04-30"

ATTRIBUTION: RuleTable[Breach] = RuleTable(
    criterion="remedies.criterion.attribution", basis=(_POLICY,),
    checks=(
        _policy(code="remedies.indirect.no_link", severity=Severity.HIGH, effect=Effect.FAILS,
                support=(_SPOUSE,), facts=("links",), when=_no_link),
        _policy(code="remedies.indirect.no_rule_of_law", severity=Severity.INFO,
                effect=Effect.NOTES, when=_always, args=_channel),
    ),
    clause="(no rule of law) indirect competition counts where evidence links the person to the business",
)  # fmt: skip


@attrs.frozen(kw_only=True)
class InServiceFacts:
    """
    The facts of an in-service breach.

    Attributes:
        breach: The breach.
        in_service_clause: The agreement restricts competition during employment.
        officer: The person is a director or senior officer (supervisors too from the
            2023 Company Law).
        termination_date: The last day of employment.
        last_day: The breach's last day as of the day asked about.
    """

    breach: Breach
    in_service_clause: Fact[bool] = UNKNOWN
    officer: Tri = Tri.UNKNOWN
    termination_date: Fact[pendulum.Date] = UNKNOWN
    last_day: pendulum.Date

    @property
    def continued_after(self) -> Tri:
        """The breach went on after the employment ended."""
        return tri(self.termination_date, lambda t: t < self.last_day)


def _officer(role: Fact[CompanyRole], *, supervisors: bool) -> Tri:
    roles = {CompanyRole.DIRECTOR, CompanyRole.SENIOR_OFFICER}
    if supervisors:
        roles.add(CompanyRole.SUPERVISOR)
    return tri(role, lambda r: r in roles)


def _no_clause(f: InServiceFacts) -> Tri:
    return all_of(not_(f.in_service_clause), not_(f.officer), not_(f.continued_after))


def _continued(f: InServiceFacts) -> Tri:
    return all_of(not_(f.in_service_clause), f.continued_after)


def _clause(f: InServiceFacts) -> Fact[bool]:
    return f.in_service_clause


def _unapproved_2023(f: InServiceFacts) -> Tri:
    return all_of(_officer(f.breach.company_role, supervisors=True), not_(f.breach.board_approved))


def _unapproved_2018(f: InServiceFacts) -> Tri:
    return all_of(_officer(f.breach.company_role, supervisors=False), not_(f.breach.board_approved))


def _unlimited_period(b: Breach) -> Tri:
    return not_(b.duty_limited_to_period)


def _unlimited_use(b: Breach) -> Tri:
    return not_(b.duty_limited_to_verification)


_LCL_23 = "lcl@2012-12-28:23"
_CL_2023 = "company-law@2023-12-29:184"
_CL_2018 = "company-law@2018-10-26:148"
_I2_14 = "spc-labor-2@2025-07-31:14"
_CLAUSE_ROLE_END = ("in_service_clause", "breach.company_role", "termination_date")
_AFTER = ("in_service_clause", "termination_date")
_CLAUSE = ("in_service_clause",)
_OFFICER = ("breach.company_role", "breach.board_approved")

# Interp. (II) Art. 14: 「用人单位与高级管理人员、高级技术人员和其他负有保密义务的人员约定在职期间
# 竞业限制条款，劳动者以不得约定在职期间竞业限制、未支付经济补偿为由请求确认竞业限制条款无效的，
# 人民法院不予支持。」 Company Law 2023 Art. 184 / 2018 Art. 148(1)(5): no same-kind business
# without approval.
_in_service = partial(Check[InServiceFacts], basis=(_LCL_23,))
_officers = partial(
    Check[InServiceFacts], severity=Severity.HIGH, effect=Effect.NOTES, facts=_OFFICER
)

IN_SERVICE: RuleTable[InServiceFacts] = RuleTable(
    criterion="remedies.criterion.in_service", basis=(_LCL_23,),
    checks=(
        _in_service(code="remedies.in_service.no_clause", severity=Severity.HIGH,
                    effect=Effect.FAILS, facts=_CLAUSE_ROLE_END, when=_no_clause),
        _in_service(code="remedies.in_service.continued_after_termination",
                    severity=Severity.MEDIUM, effect=Effect.NOTES, facts=_AFTER, when=_continued),
        _in_service(code="remedies.in_service.clause_upheld", severity=Severity.INFO,
                    effect=Effect.NOTES, basis=(_I2_14,), support=(_TYPICAL,), facts=_CLAUSE,
                    when=_clause),
        _officers(code="remedies.in_service.company_law_2023", basis=(_CL_2023,),
                  when=_unapproved_2023),
        _officers(code="remedies.in_service.company_law_2018", basis=(_CL_2018,),
                  when=_unapproved_2018),
    ),
    clause="Interp. (II) Art. 14; Company Law 2023 Art. 184 (2018 Art. 148(1)(5))",
)  # fmt: skip

# No source speaks to side duties: every row is the library's policy (LCL Art. 25 limits
# employee penalties to service-period and non-compete breaches; whether a side duty's
# penalty is a "non-compete" penalty is not settled).
_side_duty = partial(Check[Breach], severity=Severity.MEDIUM, basis=(_POLICY,))
_beyond = partial(_side_duty, effect=Effect.FAILS)
_LCL_25 = "lcl@2012-12-28:25"

SIDE_DUTY: RuleTable[Breach] = RuleTable(
    criterion="remedies.criterion.side_duty", basis=(_POLICY,),
    checks=(
        _side_duty(code="remedies.side_duty.not_competition", effect=Effect.NOTES,
                   context=(_LCL_24_2, _LCL_25), when=_always),
        _beyond(code="remedies.side_duty.beyond_period", facts=("duty_limited_to_period",),
                when=_unlimited_period),
        _beyond(code="remedies.side_duty.beyond_verification",
                facts=("duty_limited_to_verification",), when=_unlimited_use),
    ),
    clause="(no rule of law) a side duty is proportionate when limited to the period and to verification",
)  # fmt: skip


def review_breach_scope(
    breach: Breach,
    *,
    employer: Business | None,
    termination_date: Fact[pendulum.Date | _dt.date | str],
    in_service_clause: Fact[bool],
    as_of: object,
    rulebook: Rulebook | None = None,
) -> tuple[Criterion, ...]:
    """
    The criteria that decide whether the breach is one: competition (with the
    employer's business, where given), attribution for indirect competition, in-service
    rules where the breach began before the employment ended, or the side-duty review.
    The law applied is the law of the breach's first day (a continuing breach: its last
    day as of ``as_of``, the later law governing continuing facts). ``as_of`` and a stated
    ``termination_date`` are each a ``pendulum.Date``, a ``datetime.date`` or ISO text.
    """
    as_of = to_date(as_of, path="as_of")
    ended: Fact[pendulum.Date] = (
        UNKNOWN
        if termination_date is UNKNOWN
        else to_date(termination_date, path="termination_date")
    )
    book = rulebook if rulebook is not None else default_rulebook()
    day = breach.last_day(as_of)
    out: list[Criterion] = []
    if breach.kind is BreachKind.SIDE_DUTY:
        out.append(SIDE_DUTY.evaluate(breach, on=day, rulebook=book, facts_args=_kind(breach)))
        return tuple(out)
    if breach.business is not None:
        # The employer's business not given: every fact of it is unknown, never "none".
        known = employer if employer is not None else Business(name="-")
        comparison = Comparison(
            employer=known, other=breach.business, substitutable=breach.substitutable
        )
        criterion = COMPETITION.evaluate(
            comparison, on=day, rulebook=book, facts_args={"business": breach.business.name}
        )
        out.append(_repath(criterion))
    if breach.kind is BreachKind.INDIRECT_COMPETITION:
        out.append(ATTRIBUTION.evaluate(breach, on=day, rulebook=book, facts_args=_kind(breach)))
    began_in_service = tri(ended, lambda t: breach.start <= t)
    if began_in_service is not Tri.FALSE:
        facts = InServiceFacts(
            breach=breach,
            in_service_clause=in_service_clause,
            officer=_officer(breach.company_role, supervisors=True),
            termination_date=ended,
            last_day=day,
        )
        criterion = IN_SERVICE.evaluate(facts, on=day, rulebook=book, facts_args=_kind(breach))
        if began_in_service is Tri.UNKNOWN:
            criterion = attrs.evolve(criterion, open=(*criterion.open, _when_unknown(criterion)))
        out.append(criterion)
    return tuple(out)


#: Where the comparison's facts sit in an :class:`~tradesecret.remedies.AfterBreach`.
_PATHS = {"other.": "breach.business.", "substitutable": "breach.substitutable"}


def _repath(criterion: Criterion) -> Criterion:
    """The comparison's fact paths as the user wrote them (``breach.business.customers``)."""

    def one(path: str) -> str:
        for prefix, target in _PATHS.items():
            if path.startswith(prefix):
                return target + path[len(prefix) :]
        return path

    rows = tuple(attrs.evolve(u, facts=tuple(map(one, u.facts))) for u in criterion.open)
    return attrs.evolve(criterion, open=rows)


def _kind(breach: Breach) -> Mapping[str, object]:
    return {"kind": breach.kind.value}


def _when_unknown(criterion: Criterion) -> Undetermined:
    return Undetermined(
        rule="remedies.in_service.began_in_service",
        facts=("termination_date",),
        if_holds=criterion.outcome,
        otherwise=Outcome.NOT_APPLICABLE,
        severity=Severity.MEDIUM,
        citations=criterion.citations,
        criterion=criterion.code,
    )
