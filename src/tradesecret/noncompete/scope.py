"""
What may be restricted: business, region and period against the secrets known
(Interp. (II) Art. 13(2), from 2025-09-01; LCL Arts. 24(1)-(2); Guiding Case 190; the
MOHRSS guidelines from 2025-09-12).

Each row reads the agreement as written and the secrets known; a row that needs the
secrets stays open (undetermined) while they are not stated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.facts import UNKNOWN, Tri, not_, tri
from tradesecret.noncompete._common import (
    GC_190,
    GUIDE,
    I2_13_2,
    LCL_24_1,
    LCL_24_2,
    NOT_STATED,
    POLICY,
    TYPICAL_SCOPE,
    ReviewFacts,
    join,
    norm,
    show,
)
from tradesecret.noncompete.model import KnownSecret, RegionExtent
from tradesecret.results import Criterion, Severity, Term
from tradesecret.rulebook import Rulebook

__all__ = ["SCOPE", "scope"]

_BROAD = (RegionExtent.NATIONWIDE, RegionExtent.WORLDWIDE)


def _on_secrets(f: ReviewFacts, test: Callable[[tuple[KnownSecret, ...]], bool]) -> Tri:
    """``test(secrets)`` as a :class:`Tri`; unknown while the secrets are not stated."""
    return tri(f.secrets, test)


def _beyond_relevance(f: ReviewFacts, secrets: tuple[KnownSecret, ...]) -> bool:
    longest = _relevance(secrets)
    return (
        f.agreement.post_termination
        and longest is not None
        and f.agreement.duration_months > longest
    )


def _described(secrets: tuple[KnownSecret, ...]) -> list[KnownSecret]:
    return [s for s in secrets if s.business_lines]


def _secret_lines(f: ReviewFacts) -> set[str]:
    return set().union(*(norm(s.business_lines) for s in _described(f.secret_list())))


def _line_excess(f: ReviewFacts) -> set[str]:
    lines = norm(f.agreement.business_lines)
    return lines - _secret_lines(f) if lines and _described(f.secret_list()) else set()


def _relevance(secrets: tuple[KnownSecret, ...]) -> int | None:
    months = [s.relevance_months for s in secrets if s.relevance_months is not None]
    return max(months) if secrets and len(months) == len(secrets) else None


def _secret_regions(f: ReviewFacts) -> set[str]:
    return set().union(*(norm(s.regions) for s in f.secret_list()))


def _region_excess(f: ReviewFacts) -> Term | str | None:
    secrets = f.secret_list()
    covered = _secret_regions(f)
    if not covered or not all(s.regions for s in secrets):
        return None
    a = f.agreement
    if a.region_extent in _BROAD:
        return Term(f"noncompete.term.region.{a.region_extent.value}")
    wider = norm(a.regions) - covered
    if a.region_extent is RegionExtent.SPECIFIED and wider:
        return show(wider, a.regions)
    return None


def _wider_than_operations(f: ReviewFacts) -> set[str]:
    a = f.agreement
    operations = norm(a.employer_regions)
    if not operations or a.region_extent is not RegionExtent.SPECIFIED:
        return set()
    return norm(a.regions) - operations


# Interp. (II) Art. 13(2): 竞业限制条款约定的竞业限制范围、地域、期限等内容与劳动者知悉、接触的商业秘密
# 和与知识产权相关的保密事项不相适应……超过合理比例部分无效……(Scope, region or period not commensurate with the secrets known or
# accessed: the part beyond a reasonable proportion is invalid.)
_I2 = (
    "解释（二）第十三条第二款：竞业限制条款约定的竞业限制范围、地域、期限等内容与劳动者知悉、接触的"
    "商业秘密和与知识产权相关的保密事项不相适应，劳动者请求确认竞业限制条款超过合理比例部分无效的，"
    "人民法院依法予以支持。 (The part not commensurate with "
    "the secrets known is invalid.)"
)
# LCL Art. 24(1)-(2): 范围、地域、期限由用人单位与劳动者约定……到与本单位生产或者经营同类产品、从事
# 同类业务的有竞争关系的其他用人单位……(scope, region and period are agreed; the restriction covers
# competing employers with the same kind of products or business.)
_LCL = (
    "劳动合同法第二十四条：竞业限制的范围、地域、期限由用人单位与劳动者约定……到与本单位生产或者经营同类产品、从事同类业务的有竞争关系的其他用人单位……"
    " (Scope, region, period agreed; competitors only.)"
)
_GUIDE = (
    "（大意）企业实施竞业限制合规指引：列明竞争企业名单；地域与实际经营地相匹配；全国或全球地域应说明理由。"
    " (Name the competitors; match regions to operations;"
    " give reasons for a nationwide region.)"
)

SCOPE: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.scope",
    basis=(I2_13_2, LCL_24_1),
    clause=_I2,
    checks=(
        Check(
            code="noncompete.scope.business_not_stated",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(LCL_24_1,),
            support=(I2_13_2,),
            when=lambda f: not norm(f.agreement.business_lines),
            facts=("agreement.business_lines",),
            remedies=("noncompete.remedy.state_business",),
            clause=_LCL,
        ),
        Check(
            code="noncompete.scope.secrets_not_described",
            severity=Severity.INFO,
            effect=Effect.DOUBTS,
            basis=(I2_13_2,),
            when=lambda f: _on_secrets(f, lambda s: len(_described(s)) < len(s)),
            facts=("employee.secrets_known",),
            args=lambda f: {"ids": join(s.id for s in f.secret_list() if not s.business_lines)},
            remedies=("noncompete.remedy.describe_secrets",),
            clause=_I2,
        ),
        Check(
            code="noncompete.scope.exceeds_secrets",
            severity=Severity.HIGH,
            effect=Effect.FAILS,
            basis=(I2_13_2,),
            support=(TYPICAL_SCOPE,),
            when=lambda f: _on_secrets(f, lambda _: bool(_line_excess(f))),
            facts=("employee.secrets_known",),
            args=lambda f: {
                "excess": show(_line_excess(f), f.agreement.business_lines),
                "covered": show(
                    _secret_lines(f), *(x.business_lines for x in _described(f.secret_list()))
                ),
            },
            remedies=("noncompete.remedy.narrow_scope",),
            clause=_I2,
        ),
        Check(
            code="noncompete.scope.period_exceeds_relevance",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(I2_13_2,),
            when=lambda f: _on_secrets(f, lambda s: _beyond_relevance(f, s)),
            facts=("employee.secrets_known",),
            args=lambda f: {
                "months": f.agreement.duration_months,
                "relevance": _relevance(f.secret_list()) or 0,
            },
            remedies=("noncompete.remedy.shorten_period",),
            clause=_I2,
        ),
        Check(
            code="noncompete.scope.region_exceeds_secrets",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(I2_13_2,),
            when=lambda f: _on_secrets(f, lambda _: _region_excess(f) is not None),
            facts=("employee.secrets_known",),
            args=lambda f: {
                "excess": _region_excess(f) or NOT_STATED,
                "covered": show(_secret_regions(f), *(x.regions for x in f.secret_list())),
            },
            remedies=("noncompete.remedy.narrow_region",),
            clause=_I2,
        ),
        Check(
            code="noncompete.scope.not_limited_to_competitors",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(LCL_24_2,),
            support=(GC_190,),
            when=lambda f: not_(f.agreement.limited_to_competitors),
            facts=("agreement.limited_to_competitors",),
            remedies=("noncompete.remedy.limit_to_competitors",),
            clause=_LCL,
        ),
        Check(
            code="noncompete.scope.no_named_list",
            severity=Severity.LOW,
            effect=Effect.NOTES,
            # No source in the reference asks for a named list: the library's advice.
            basis=(POLICY,),
            when=lambda f: not f.agreement.restricted_companies,
            facts=("agreement.restricted_companies",),
            remedies=("noncompete.remedy.name_competitors",),
            clause=_GUIDE,
        ),
        Check(
            code="noncompete.scope.region_not_stated",
            severity=Severity.LOW,
            effect=Effect.NOTES,
            basis=(LCL_24_1,),
            when=lambda f: f.agreement.region_extent is RegionExtent.NOT_STATED,
            facts=("agreement.region_extent",),
            remedies=("noncompete.remedy.narrow_region",),
            clause=_LCL,
        ),
        Check(
            code="noncompete.scope.broad_region_without_reasons",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(GUIDE,),
            context=(TYPICAL_SCOPE,),
            when=lambda f: (
                f.agreement.region_extent in _BROAD and not f.agreement.region_reasons_stated
            ),
            facts=("agreement.region_extent", "agreement.region_reasons_stated"),
            args=lambda f: {
                "extent": Term(f"noncompete.term.region.{f.agreement.region_extent.value}")
            },
            remedies=("noncompete.remedy.state_region_reasons",),
            clause=_GUIDE,
        ),
        Check(
            code="noncompete.scope.region_wider_than_operations",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(GUIDE,),
            context=(TYPICAL_SCOPE,),
            when=lambda f: bool(_wider_than_operations(f)),
            facts=("agreement.regions", "agreement.employer_regions"),
            args=lambda f: {
                "excess": show(_wider_than_operations(f), f.agreement.regions),
                "operations": show(
                    norm(f.agreement.employer_regions), f.agreement.employer_regions
                ),
            },
            remedies=("noncompete.remedy.narrow_region",),
            clause=_GUIDE,
        ),
    ),
)


def scope(
    facts: ReviewFacts, *, day: pendulum.Date, book: Rulebook, clock: LegalClock
) -> Criterion:
    """The scope criterion (see :data:`SCOPE`)."""
    secrets: int | Term = NOT_STATED if facts.secrets is UNKNOWN else len(facts.secrets)
    return SCOPE.evaluate(
        facts,
        on=day,
        rulebook=book,
        clock=clock,
        facts_args={"lines": len(norm(facts.agreement.business_lines)), "secrets": secrets},
    )
