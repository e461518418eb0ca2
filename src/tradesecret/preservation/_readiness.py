"""
Is the application complete? The orders requested (SPC IP-preservation provisions Art. 4:
具体内容和期限; Art. 13), the security (Art. 11; CPL 2012/2017 Art. 101, 2021/2023 Art. 104:
pre-suit security is mandatory; CPL Interp. Art. 152) and the contents (Art. 4), as rule
tables beside the clauses they implement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Fact, Tri, TriLike, all_of, not_, tri
from tradesecret.money import Money, Ratio
from tradesecret.preservation._codes import CONTENTS, REQUESTS, SECURITY
from tradesecret.preservation._ctx import Ctx, finding
from tradesecret.preservation._facts import Security
from tradesecret.preservation._law import IP, POLICY, TS, cpl_versions
from tradesecret.preservation._merits import not_yet_law
from tradesecret.preservation._model import PartyKind, RequestedOrder, Stage
from tradesecret.preservation._result import SecurityEstimate
from tradesecret.results import Arg, Criterion, Outcome, Severity, Term

__all__ = [
    "CONTENTS_TABLE",
    "ORDER_TABLE",
    "SECURITY_TABLE",
    "contents",
    "order_months",
    "requests",
    "respondent_loss",
    "security",
]

_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


@attrs.frozen(kw_only=True)
class OrderRow:
    """One order requested, with the day assessed."""

    order: RequestedOrder
    day: pendulum.Date
    label: Term

    @property
    def duration(self) -> Fact[int]:
        """How many durations are given; not stated (unknown) when none is."""
        given = self.order.durations_given
        return UNKNOWN if given == 0 else given


def _no_secrets(f: OrderRow) -> bool:
    return not f.order.secrets


def _no_content(f: OrderRow) -> bool:
    return not f.order.description.strip()


def _no_duration(f: OrderRow) -> Tri:
    return not_(f.order.duration_stated)


def _until_past(f: OrderRow) -> bool:
    return f.order.until is not None and f.order.until <= f.day


def _mandatory(f: OrderRow) -> bool:
    return not f.order.kind.prohibitory


def _order(f: OrderRow) -> Mapping[str, object]:
    return {"order": f.label}


def _order_until(f: OrderRow) -> Mapping[str, object]:
    return {"order": f.label, "until": f.order.until}


_DURATION = "preservation.remedy.specify_duration"

# SPC IP-preservation provisions Art. 4: 「向人民法院申请行为保全，应当递交申请书和相应证据。申请书应当载明下列
# 事项：……（二）申请采取行为保全措施的内容和期限；……」 (the application states the content and the duration
# of the measures); Art. 13(2) (duration: 「裁定停止侵害知识产权行为的效力，一般应当维持至案件裁判生效时止。」).
_fails_art_4 = partial(Check[OrderRow], severity=Severity.HIGH, effect=Effect.FAILS, basis=(f"{IP}:4",),
                       args=_order)  # fmt: skip

ORDER_TABLE: Final[RuleTable[OrderRow]] = RuleTable(
    criterion=REQUESTS, basis=(f"{IP}:4", f"{IP}:13"),
    checks=(
        _fails_art_4(code="preservation.gap.order_secrets", when=_no_secrets,
                     remedies=("preservation.remedy.link_secrets",),
                     clause="内容 — which secret each order protects"),
        _fails_art_4(code="preservation.gap.order_content", severity=Severity.MEDIUM,
                     when=_no_content, remedies=("preservation.remedy.specify_content",),
                     clause="内容 — the concrete act ordered"),
        _fails_art_4(code="preservation.gap.order_duration", basis=(f"{IP}:4", f"{IP}:13"),
                     facts=("duration",), when=_no_duration, remedies=(_DURATION,),
                     clause="期限 — exactly one duration (until judgment, months, or a last day)"),
        _fails_art_4(code="preservation.gap.order_until_past", when=_until_past, args=_order_until,
                     remedies=(_DURATION,), clause="期限 — a last day already past"),
        Check(code="preservation.order.mandatory_caution", severity=Severity.LOW,
              effect=Effect.NOTES, basis=(POLICY,), when=_mandatory, args=_order,
              clause="library policy: orders to act are granted more cautiously than prohibitions"),
    ),
    clause="Art. 4 item 2: 申请采取行为保全措施的内容和期限",
)  # fmt: skip


def requests(ctx: Ctx) -> Criterion:
    """Art. 4 (content and duration), Art. 13 (duration): one evaluation per order."""
    absent = not_yet_law(ctx, REQUESTS, f"{IP}:4")
    if absent is not None:
        return absent
    app = ctx.app
    parts = []
    for i, order in enumerate(app.orders):
        row = OrderRow(
            order=order, day=ctx.day, label=Term(f"preservation.order.{order.kind.value}")
        )
        crit = ctx.evaluate(ORDER_TABLE, row)
        parts.append(_subject(crit, f"orders[{i}]"))
    findings = [f for c in parts for f in c.findings]
    cites = (*ctx.cite(f"{IP}:4", f"{IP}:13"), *ctx.cpl("scope"))
    if not app.orders:
        findings.append(
            finding(
                "preservation.gap.no_orders",
                Severity.CRITICAL,
                cites,
                remedies=("preservation.remedy.specify_content",),
            )
        )
    outcome = Outcome.combine(
        [c.outcome for c in parts] + ([Outcome.NOT_MET] if not app.orders else [])
    )
    outcome = Outcome.MET if outcome is Outcome.NOT_APPLICABLE else outcome
    return Criterion(
        code=REQUESTS,
        outcome=outcome,
        citations=cites,
        findings=tuple(findings),
        facts={"orders": len(app.orders)},
        strength=_ONE if outcome is Outcome.MET else _ZERO,
        open=tuple(u for c in parts for u in c.open),
    )


def _subject(crit: Criterion, subject: str) -> Criterion:
    """The order's criterion, its findings and open rules pointing at ``orders[i]``."""
    return attrs.evolve(
        crit,
        findings=tuple(attrs.evolve(f, subject=subject) for f in crit.findings),
        open=tuple(
            attrs.evolve(u, facts=tuple(f"{subject}.{p}" for p in u.facts)) for u in crit.open
        ),
    )


def order_months(ctx: Ctx) -> int:
    """The longest requested duration in months (rounded up); judgment-long or unstated: policy."""
    months: list[int] = []
    for order in ctx.app.orders:
        if order.months is not None:
            months.append(order.months)
        if order.until is not None and order.until > ctx.day:
            whole = ctx.day.diff(order.until).in_months()
            months.append(whole + (1 if ctx.day.add(months=whole) < order.until else 0))
        if order.until_judgment_effective:
            months.append(ctx.params.int("expected_months_to_judgment"))
    return max(months) if months else ctx.params.int("expected_months_to_judgment")


def respondent_loss(ctx: Ctx) -> None:
    """The respondent's possible loss from the order (Art. 11), with how it was reached."""
    rl = ctx.app.respondent_loss
    if rl.estimated is not None:
        ctx.loss = rl.estimated
        return
    lost_sales = rl.lost_sales
    if lost_sales is None and rl.monthly_sales_at_stake is not None:
        months = order_months(ctx)
        lost_sales = rl.monthly_sales_at_stake * months
        ctx.loss_facts = {"monthly_sales": rl.monthly_sales_at_stake, "months_at_stake": months}
    total: Money | None = None
    for part in (lost_sales, rl.storage_costs, rl.other_costs):
        if part is not None:
            total = part if total is None else total + part
    ctx.loss = total


@attrs.frozen(kw_only=True)
class SecurityRow:
    """The facts the security rows read."""

    pre_suit: bool
    security: Security
    loss: Money | None
    recommended: Money | None
    individual: bool

    @property
    def offered(self) -> Tri:
        """Whether security is offered (unknown while the amount is not stated)."""
        return self.security.offered

    def short(self) -> Tri:
        """The offer is below the respondent's estimated loss (decided once both are known)."""
        loss = self.loss
        if loss is None:
            return Tri.FALSE
        return all_of(self.offered, tri(self.security.amount, lambda a: a is not None and a < loss))

    def unbuffered(self) -> Tri:
        """The offer covers the loss but not the library's buffer above it."""
        loss, rec = self.loss, self.recommended
        if loss is None or rec is None:
            return Tri.FALSE
        return tri(self.security.amount, lambda a: a is not None and loss <= a < rec)


def _shortfall(f: SecurityRow) -> dict[str, object]:
    amount, loss = f.security.offered_amount, f.loss
    assert amount is not None
    assert loss is not None
    return {"offered": amount, "loss": loss, "shortfall": loss - amount}


def _pre_suit_unsecured(f: SecurityRow) -> Tri:
    return all_of(f.pre_suit, not_(f.offered))


def _no_security_no_reason(f: SecurityRow) -> Tri:
    return all_of(not f.pre_suit, not_(f.offered), not f.security.reason_for_none.strip())


def _reason_for_none(f: SecurityRow) -> Tri:
    return all_of(not f.pre_suit, not_(f.offered), bool(f.security.reason_for_none.strip()))


def _no_loss_individual(f: SecurityRow) -> Tri:
    return all_of(f.offered, f.loss is None, f.individual)


def _no_loss_company(f: SecurityRow) -> Tri:
    return all_of(f.offered, f.loss is None, not f.individual)


def _recommended(f: SecurityRow) -> Mapping[str, object]:
    return {"recommended": f.recommended}


_INTERP_152 = "cpl-interp@2022-04-01:152"
_AMOUNT = ("security.amount",)
_OFFER = ("preservation.remedy.offer_security",)

# CPL 2012 Art. 101 / 2021 Art. 104: 「申请人应当提供担保，不提供担保的，裁定驳回申请。」 (pre-suit: security
# is mandatory); CPL 2012 Art. 100 / 2021 Art. 103: 「人民法院采取保全措施，可以责令申请人提供担保」 (in suit:
# the court may require it); SPC IP-preservation provisions Art. 11: 「申请人申请行为保全的，应当依法提供担保。
# 申请人提供的担保数额，应当相当于被申请人可能因执行行为保全措施所遭受的损失……」 (the amount matches the
# respondent's possible loss); CPL Interp. Art. 152 (the court decides the amount).
_MANDATORY = "申请人应当提供担保，不提供担保的，裁定驳回申请"
_OR_REASON = (
    "Art. 4: 申请书应当载明……为行为保全提供担保的财产信息或资信证明，或者不需要提供担保的理由"
    " (in suit: offer security or say why not)"
)
_MAY_REQUIRE = "可以责令申请人提供担保 — in suit the court decides whether security is needed"
_COURT_SETS = (
    "CPL Interp. Art. 152: 担保的数额由人民法院根据案件的具体情况决定 (no loss figure: the court sets "
    "the amount)"
)
_QUANTIFY = (
    "CPL Interp. Art. 152: 担保的数额由人民法院根据案件的具体情况决定"
    " (quantify the respondent's loss to size the offer)"
)
_MATCHES_LOSS = "担保数额，应当相当于被申请人可能因执行行为保全措施所遭受的损失"
_art_11 = partial(Check[SecurityRow], basis=(f"{IP}:11",))
_court_sets = partial(_art_11, effect=Effect.NOTES, support=(_INTERP_152,))

SECURITY_TABLE: Final[RuleTable[SecurityRow]] = RuleTable(
    criterion=SECURITY, basis=(f"{IP}:11",),
    checks=(
        *cpl_versions(
            Check[SecurityRow](code="preservation.gap.security_missing_pre_suit",
                               severity=Severity.CRITICAL, effect=Effect.FAILS, basis=(),
                               support=(f"{IP}:11", _INTERP_152), facts=_AMOUNT,
                               when=_pre_suit_unsecured, remedies=_OFFER, clause=_MANDATORY),
            "pre_suit",
        ),
        _art_11(code="preservation.gap.security_or_reason", severity=Severity.MEDIUM,
                effect=Effect.FAILS, basis=(f"{IP}:4", f"{IP}:11"), facts=_AMOUNT,
                when=_no_security_no_reason, remedies=_OFFER, clause=_OR_REASON),
        _court_sets(code="preservation.security.court_decides", severity=Severity.LOW,
                    facts=_AMOUNT, when=_reason_for_none, clause=_MAY_REQUIRE),
        _court_sets(code="preservation.security.amount_by_court", severity=Severity.INFO,
                    when=_no_loss_individual, clause=_COURT_SETS),
        _court_sets(code="preservation.security.amount_by_court", severity=Severity.LOW,
                    when=_no_loss_company,
                    remedies=("preservation.remedy.quantify_respondent_loss",), clause=_QUANTIFY),
        _art_11(code="preservation.gap.security_short", severity=Severity.HIGH, effect=Effect.FAILS,
                facts=_AMOUNT, when=SecurityRow.short, args=_shortfall,
                remedies=("preservation.remedy.raise_security",), clause=_MATCHES_LOSS),
        Check(code="preservation.security.no_buffer", severity=Severity.LOW, effect=Effect.NOTES,
              basis=(POLICY,), when=SecurityRow.unbuffered, args=_recommended,
              clause="library policy: offer the loss plus a buffer"),
    ),
    clause="CPL Art. 101 (2012) / 104 (2021): 申请人应当提供担保，不提供担保的，裁定驳回申请; "
    "SPC IP-preservation provisions Art. 11: 申请人提供的担保数额，应当相当于被申请人可能因执行行为保全措施所遭受的损失",
)  # fmt: skip


def _security_facts(ctx: Ctx, recommended: Money | None) -> dict[str, Arg]:
    sec = ctx.app.security
    facts: dict[str, Arg] = {}
    if sec.offered_amount is not None:
        facts["offered"] = sec.offered_amount
    if sec.form is not None:
        facts["form"] = Term(f"preservation.security_form.{sec.form.value}")
    if ctx.loss is not None:
        facts["respondent_loss"] = ctx.loss
    facts.update(ctx.loss_facts)
    if recommended is not None:
        facts["recommended"] = recommended
    return facts


def security(ctx: Ctx) -> tuple[Criterion, SecurityEstimate]:
    """Art. 11; CPL Art. 101 (2012) / 104 (2021) (pre-suit security mandatory); CPL Interp. Art. 152."""
    app = ctx.app
    pre = app.stage is Stage.PRE_SUIT
    buffer = ctx.params.get("security_buffer_ratio")
    loss = ctx.loss
    recommended = (
        (loss * Ratio(_ONE + buffer.as_decimal())).round_fen() if loss is not None else None
    )
    row = SecurityRow(
        pre_suit=pre,
        security=app.security,
        loss=loss,
        recommended=recommended,
        individual=app.respondent.kind is PartyKind.INDIVIDUAL,
    )
    crit = ctx.evaluate(
        SECURITY_TABLE, row, facts_args=_security_facts(ctx, recommended), parameters=(buffer,)
    )
    cites = (
        *ctx.law(f"{IP}:11"),
        *ctx.cite_interp("152"),
        *ctx.cpl("pre_suit" if pre else "in_suit"),
    ) or crit.citations
    crit = attrs.evolve(
        crit, citations=cites, strength=_ONE if crit.outcome is Outcome.MET else _ZERO
    )
    offered = app.security.offered_amount
    estimate = SecurityEstimate(
        respondent_loss=loss,
        recommended=recommended,
        offered=offered,
        shortfall=loss - offered
        if loss is not None and offered is not None and offered < loss
        else None,
        mandatory=pre,
        citations=cites,
    )
    return crit, estimate


@attrs.frozen(kw_only=True)
class ContentsRow:
    """The facts the contents rows read: the parties and the other criteria's outcomes."""

    applicant_identified: bool
    respondent_identified: bool
    requests: Tri  # the requests are defective
    harm_unexplained: Tri
    security_missing: Tri
    court_chosen: bool


def _item(name: str) -> dict[str, object]:
    return {"item": Term(f"preservation.contents.{name}")}


def _gap(
    name: str, when: Callable[[ContentsRow], TriLike], remedies: tuple[str, ...] = ()
) -> Check[ContentsRow]:
    # The facts behind these rows are the other criteria's: their open rules name them.
    return Check(
        code="preservation.gap.contents_missing",
        severity=Severity.HIGH,
        effect=Effect.FAILS,
        basis=(f"{IP}:4",),
        when=when,
        args=lambda _f: _item(name),
        remedies=remedies,
        clause=f"申请书应当载明 — {name}",
    )


def _no_applicant(f: ContentsRow) -> bool:
    return not f.applicant_identified


def _no_respondent(f: ContentsRow) -> bool:
    return not f.respondent_identified


def _no_court(f: ContentsRow) -> bool:
    return not f.court_chosen


def _always(_f: object) -> bool:
    return True


_IDENTIFY = ("preservation.remedy.identify_party",)

# SPC IP-preservation provisions Art. 4: 「申请书应当载明下列事项：（一）申请人与被申请人的身份、送达地址、
# 联系方式；（二）申请采取行为保全措施的内容和期限；（三）申请所依据的事实、理由，包括被申请人的行为将会使
# 申请人的合法权益受到难以弥补的损害或者造成案件裁决难以执行等损害的具体说明；（四）为行为保全提供担保的财产
# 信息或资信证明，或者不需要提供担保的理由；（五）其他需要载明的事项。」
CONTENTS_TABLE: Final[RuleTable[ContentsRow]] = RuleTable(
    criterion=CONTENTS, basis=(f"{IP}:4",),
    checks=(
        _gap("applicant", _no_applicant, _IDENTIFY),
        _gap("respondent", _no_respondent, _IDENTIFY),
        _gap("content_and_duration", lambda f: f.requests),
        _gap("harm_explanation", lambda f: f.harm_unexplained),
        _gap("security", lambda f: f.security_missing),
        Check(code="preservation.contents.choose_court", severity=Severity.LOW, effect=Effect.NOTES,
              basis=(f"{IP}:3",), when=_no_court, remedies=("preservation.remedy.choose_court",),
              clause="Art. 3: the competent court"),
        Check(code="preservation.contents.confidentiality_application", severity=Severity.INFO,
              effect=Effect.NOTES, basis=(f"{TS}:21",), when=_always,
              remedies=("preservation.remedy.apply_confidentiality",),
              clause="SPC 2020 Art. 21: ask for confidentiality measures for the secret in the file"),
    ),
    clause="Art. 4: 申请书应当载明下列事项 (the application states the parties, the content and "
    "duration, the facts and reasons including the harm, and the security or why none)",
)  # fmt: skip


def _tri_of(outcome: Outcome, failing: Tri = Tri.TRUE) -> Tri:
    """A criterion outcome as "defective": met → false; undetermined → unknown; else ``failing``."""
    if outcome in (Outcome.MET, Outcome.NOT_APPLICABLE):
        return Tri.FALSE
    if outcome is Outcome.INSUFFICIENT_EVIDENCE:
        return Tri.UNKNOWN
    return failing


def contents(ctx: Ctx, harm: Criterion, requests_: Criterion, security_: Criterion) -> Criterion:
    """Art. 4: the application's required contents; SPC 2020 Art. 21 confidentiality."""
    absent = not_yet_law(ctx, CONTENTS, f"{IP}:4")
    if absent is not None:
        return absent
    app = ctx.app
    harm_gap = harm.outcome is Outcome.INSUFFICIENT_EVIDENCE or (
        harm.outcome is Outcome.NOT_MET and not app.harm.purely_monetary
    )
    row = ContentsRow(
        applicant_identified=app.applicant.identified,
        respondent_identified=app.respondent.identified,
        requests=_tri_of(requests_.outcome),
        harm_unexplained=Tri.of(harm_gap),
        security_missing=all_of(_tri_of(security_.outcome), not_(app.security.offered)),
        court_chosen=bool(app.court.strip()),
    )
    crit = ctx.evaluate(CONTENTS_TABLE, row)
    missing = sum(1 for f in crit.findings if f.code == "preservation.gap.contents_missing")
    return attrs.evolve(
        crit,
        facts={"missing": missing},
        strength=_ONE if crit.outcome is Outcome.MET else _ZERO,
    )
