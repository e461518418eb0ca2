"""
What may be restricted: business, region and period against the secrets known
(Interp. (II) Art. 13(2), from 2025-09-01; LCL Arts. 24(1)-(2); Guiding Case 190; the
MOHRSS guidelines from 2025-09-12).

Each row reads the agreement as written and the secrets known; a row that needs the
secrets stays open (undetermined) while they are not stated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Final

import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.facts import UNKNOWN, Tri, not_, tri
from tradesecret.law import POLICY
from tradesecret.noncompete._common import (
    GC_190,
    GUIDE,
    I2_13_2,
    LCL_24_1,
    LCL_24_2,
    NOT_STATED,
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


def _business_unstated(f: ReviewFacts) -> bool:
    return not norm(f.agreement.business_lines)


def _undescribed(f: ReviewFacts) -> Tri:
    return _on_secrets(f, lambda s: len(_described(s)) < len(s))


def _undescribed_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"ids": join(s.id for s in f.secret_list() if not s.business_lines)}


def _lines_beyond(f: ReviewFacts) -> Tri:
    return _on_secrets(f, lambda _: bool(_line_excess(f)))


def _lines_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "excess": show(_line_excess(f), f.agreement.business_lines),
        "covered": show(_secret_lines(f), *(x.business_lines for x in _described(f.secret_list()))),
    }


def _period_beyond(f: ReviewFacts) -> Tri:
    return _on_secrets(f, lambda s: _beyond_relevance(f, s))


def _period_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "months": f.agreement.duration_months,
        "relevance": _relevance(f.secret_list()) or 0,
    }


def _region_beyond(f: ReviewFacts) -> Tri:
    return _on_secrets(f, lambda _: _region_excess(f) is not None)


def _region_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "excess": _region_excess(f) or NOT_STATED,
        "covered": show(_secret_regions(f), *(x.regions for x in f.secret_list())),
    }


def _any_employer(f: ReviewFacts) -> Tri:
    return not_(f.agreement.limited_to_competitors)


def _no_names(f: ReviewFacts) -> bool:
    return not f.agreement.restricted_companies


def _region_unstated(f: ReviewFacts) -> bool:
    return f.agreement.region_extent is RegionExtent.NOT_STATED


def _broad_without_reasons(f: ReviewFacts) -> bool:
    return f.agreement.region_extent in _BROAD and not f.agreement.region_reasons_stated


def _extent_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"extent": Term(f"noncompete.term.region.{f.agreement.region_extent.value}")}


def _beyond_operations(f: ReviewFacts) -> bool:
    return bool(_wider_than_operations(f))


def _operations_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "excess": show(_wider_than_operations(f), f.agreement.regions),
        "operations": show(norm(f.agreement.employer_regions), f.agreement.employer_regions),
    }


_SECRETS = ("employee.secrets_known",)
_REASONS = ("agreement.region_extent", "agreement.region_reasons_stated")
_OPERATIONS = ("agreement.regions", "agreement.employer_regions")
_i2_13_2 = partial(Check[ReviewFacts], basis=(I2_13_2,), facts=_SECRETS, clause=_I2)
_exceeds = partial(_i2_13_2, effect=Effect.FAILS)
_lcl_24 = partial(Check[ReviewFacts], clause=_LCL)
_guide = partial(Check[ReviewFacts], severity=Severity.MEDIUM, effect=Effect.FAILS, basis=(GUIDE,),
                 context=(TYPICAL_SCOPE,), clause=_GUIDE)  # fmt: skip

SCOPE: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.scope", basis=(I2_13_2, LCL_24_1), clause=_I2,
    checks=(
        _lcl_24(code="noncompete.scope.business_not_stated", severity=Severity.MEDIUM,
                effect=Effect.FAILS, basis=(LCL_24_1,), support=(I2_13_2,), when=_business_unstated,
                facts=("agreement.business_lines",),
                remedies=("noncompete.remedy.state_business",)),
        _i2_13_2(code="noncompete.scope.secrets_not_described", severity=Severity.INFO,
                 effect=Effect.DOUBTS, when=_undescribed, args=_undescribed_args,
                 remedies=("noncompete.remedy.describe_secrets",)),
        _exceeds(code="noncompete.scope.exceeds_secrets", severity=Severity.HIGH,
                 support=(TYPICAL_SCOPE,), when=_lines_beyond, args=_lines_args,
                 remedies=("noncompete.remedy.narrow_scope",)),
        _exceeds(code="noncompete.scope.period_exceeds_relevance", severity=Severity.MEDIUM,
                 when=_period_beyond, args=_period_args,
                 remedies=("noncompete.remedy.shorten_period",)),
        _exceeds(code="noncompete.scope.region_exceeds_secrets", severity=Severity.MEDIUM,
                 when=_region_beyond, args=_region_args,
                 remedies=("noncompete.remedy.narrow_region",)),
        _lcl_24(code="noncompete.scope.not_limited_to_competitors", severity=Severity.MEDIUM,
                effect=Effect.FAILS, basis=(LCL_24_2,), support=(GC_190,), when=_any_employer,
                facts=("agreement.limited_to_competitors",),
                remedies=("noncompete.remedy.limit_to_competitors",)),
        # No source in the reference asks for a named list: the library's advice.
        Check(code="noncompete.scope.no_named_list", severity=Severity.LOW, effect=Effect.NOTES,
              basis=(POLICY,), when=_no_names, facts=("agreement.restricted_companies",),
              remedies=("noncompete.remedy.name_competitors",), clause=_GUIDE),
        _lcl_24(code="noncompete.scope.region_not_stated", severity=Severity.LOW,
                effect=Effect.NOTES, basis=(LCL_24_1,), when=_region_unstated,
                facts=("agreement.region_extent",), remedies=("noncompete.remedy.narrow_region",)),
        _guide(code="noncompete.scope.broad_region_without_reasons", when=_broad_without_reasons,
               facts=_REASONS, args=_extent_args,
               remedies=("noncompete.remedy.state_region_reasons",)),
        _guide(code="noncompete.scope.region_wider_than_operations", when=_beyond_operations,
               facts=_OPERATIONS, args=_operations_args,
               remedies=("noncompete.remedy.narrow_region",)),
    ),
)  # fmt: skip


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
