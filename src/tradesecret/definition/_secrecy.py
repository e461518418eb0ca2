"""
Element 1: not publicly known (不为公众所知悉).

The statute sets the element (AUCL 1993 Art. 10 to AUCL 2025 Art. 10); the interpretations
list the situations in which information *may* be found publicly known:

* 法释〔2020〕7号 Art. 4(1), from 2020-09-12: 「（一）该信息在所属领域属于一般常识或者行业惯例的；
  （二）该信息仅涉及产品的尺寸、结构、材料、部件的简单组合等内容，所属领域的相关人员通过观察上市产品即可直接获得的；
  （三）该信息已经在公开出版物或者其他媒体上公开披露的；（四）该信息已通过公开的报告会、展览等方式公开的；
  （五）所属领域的相关人员从其他公开渠道可以获得该信息的。」
* 法释〔2007〕2号 Art. 9(2), 2007-02-01 to 2022-03-19: the same five situations and a sixth,
  「（六）该信息无需付出一定的代价而容易获得」 (no exposure kind of this library maps to it).

Before 2007-02-01 the statute alone applies: a confirmed exposure to the public still means
the information is known to the public, and the finding rests on the statute.

Each exposure is three-valued: it *counts* against secrecy when it happened on or before the
act date and, for a product on the market, observation reveals only simple features. Where
that is not stated the exposure is undetermined; the criterion is still decided when every
answer gives the same outcome (the outcome only worsens as exposures are added, so the
best and worst cases bound it), else it is undetermined and names the missing facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from tradesecret.definition._law import (
    SPC2007,
    SPC2020,
    DefinitionLaw,
    first_of_each,
    with_statute,
)
from tradesecret.definition._model import (
    PUBLIC_KNOWLEDGE_ITEMS,
    ExposureKind,
    PublicExposure,
    TradeSecret,
)
from tradesecret.definition._secrecy_rules import (
    CLOSING_ORDER,
    CLOSING_TABLE,
    EXPOSURE_NOTES,
    ClosingFacts,
    ExposureFacts,
)
from tradesecret.facts import UNKNOWN, Tri, all_of, tri
from tradesecret.law import Citation
from tradesecret.results import (
    Criterion,
    Finding,
    Outcome,
    Severity,
    TraceStep,
    Undetermined,
)

__all__ = ["not_publicly_known"]

CODE: Final = "definition.not_publicly_known"


@attrs.frozen(kw_only=True)
class _Exposed:
    """One exposure as it bears on secrecy on the day."""

    index: int
    exposure: PublicExposure
    covered: tuple[str, ...]
    counts: Tri
    missing: tuple[str, ...]

    @property
    def whole(self) -> bool:
        return not self.exposure.covers


@attrs.frozen(kw_only=True)
class _Tally:
    outcome: Outcome
    public: tuple[str, ...]
    contested: tuple[str, ...]
    remaining: tuple[str, ...]


def _tally(
    points: Sequence[str], counted: Sequence[_Exposed], *, compilation: bool, any_point: bool
) -> _Tally:
    """The outcome when exactly ``counted`` count against secrecy (monotone in ``counted``)."""
    public: set[str] = set()
    contested: set[str] = set()
    whole_public = whole_contested = False
    for e in counted:
        if compilation and not e.whole:
            continue  # Art. 4(2): public parts of a compilation do not defeat the whole
        if e.exposure.confirmed:
            public.update(e.covered)
            whole_public = whole_public or e.whole
        else:
            contested.update(e.covered)
            whole_contested = whole_contested or e.whole
    contested -= public
    remaining = tuple(p for p in points if p not in public and p not in contested)
    if whole_public:
        outcome = Outcome.NOT_MET
    elif not points:
        outcome = Outcome.INSUFFICIENT_EVIDENCE  # Art. 27: the content is not specified
    elif (not remaining and not contested) or (public and any_point):
        outcome = Outcome.NOT_MET
    elif remaining and not whole_contested:
        outcome = Outcome.MET
    else:
        outcome = Outcome.CONTESTED
    ordered = tuple(p for p in points if p in public)
    return _Tally(
        outcome=outcome,
        public=ordered,
        contested=tuple(p for p in points if p in contested),
        remaining=remaining,
    )


def _exposed(secret: TradeSecret, law: DefinitionLaw) -> list[_Exposed]:
    points = secret.point_ids()
    out: list[_Exposed] = []
    for i, exposure in enumerate(secret.exposures):
        dated = tri(exposure.on, lambda on: on <= law.day)
        simple: Tri | bool = True
        paths = [f"exposures[{i}].on"] if exposure.on is UNKNOWN else []
        if exposure.kind is ExposureKind.PRODUCT_OBSERVATION:
            simple = Tri.of(exposure.simple_features_only)
            if exposure.simple_features_only is UNKNOWN:
                paths.append(f"exposures[{i}].simple_features_only")
        out.append(
            _Exposed(
                index=i,
                exposure=exposure,
                covered=exposure.covers or points,
                counts=all_of(dated, simple),
                missing=tuple(paths),
            )
        )
    return out


def _item_cite(law: DefinitionLaw, item: int) -> tuple[Citation, ...]:
    """The item of the list of the day (:data:`PUBLIC_KNOWLEDGE_ITEMS`), else the statute."""
    row = PUBLIC_KNOWLEDGE_ITEMS[item - 1]
    return law.cites((row.cite,), (row.cite_2007,))


def _criterion_basis(law: DefinitionLaw) -> tuple[Citation, ...]:
    return law.cites((f"{SPC2020}:3", f"{SPC2020}:4"), (f"{SPC2007}:9",))


def not_publicly_known(secret: TradeSecret, law: DefinitionLaw, *, any_point: bool) -> Criterion:
    """The first element on the act date ``law.day`` under the law of that day."""
    points = secret.point_ids()
    exposed = _exposed(secret, law)
    findings = [*_exposure_notes(secret, exposed, law)]
    known = [e for e in exposed if e.counts is Tri.TRUE]
    unknown = [e for e in exposed if e.counts is Tri.UNKNOWN]
    tally = _tally(points, known, compilation=secret.compilation, any_point=any_point)
    worst = _tally(points, [*known, *unknown], compilation=secret.compilation, any_point=any_point)
    findings += _counted_findings(secret, known, law)
    open_rows = tuple(
        _open_row(secret, e, law, known, any_point=any_point, otherwise=tally.outcome)
        for e in unknown
    )
    outcome = tally.outcome if worst.outcome is tally.outcome else Outcome.INSUFFICIENT_EVIDENCE
    findings += _closing_findings(secret, law, tally, points, known)
    return Criterion(
        code=CODE,
        outcome=outcome,
        citations=_criterion_basis(law),
        findings=tuple(findings),
        facts={
            "points": len(points),
            "public": len(tally.public),
            "remaining": len(tally.remaining),
        },
        evidence=(*(e.id for e in secret.exposures), *secret.secrecy_evidence),
        trace=tuple(_trace(known, law)),
        open=open_rows,
    )


def _open_row(
    secret: TradeSecret,
    e: _Exposed,
    law: DefinitionLaw,
    known: Sequence[_Exposed],
    *,
    any_point: bool,
    otherwise: Outcome,
) -> Undetermined:
    """An exposure whose date or nature is not stated: what each answer would give."""
    holds = _tally(
        secret.point_ids(), [*known, e], compilation=secret.compilation, any_point=any_point
    )
    confirmed = e.exposure.confirmed
    return Undetermined(
        rule=f"definition.secrecy.item{e.exposure.kind.item}"
        if confirmed
        else "definition.secrecy.alleged_exposure",
        facts=e.missing,
        if_holds=holds.outcome,
        otherwise=otherwise,
        severity=Severity.HIGH if confirmed else Severity.MEDIUM,
        citations=_item_cite(law, e.exposure.kind.item),
        criterion=CODE,
    )


def _exposure_notes(
    secret: TradeSecret, exposed: Sequence[_Exposed], law: DefinitionLaw
) -> list[Finding]:
    """Exposures that do not count (rows of :data:`EXPOSURE_NOTES`): after the act, or a
    product observation stated to reveal more than simple features."""
    table = with_statute(EXPOSURE_NOTES, law)
    out: list[Finding] = []
    for e in exposed:
        x = e.exposure
        facts = ExposureFacts(
            secret_id=secret.id,
            exposure=x.id,
            later=x.on is not UNKNOWN and x.on > law.day,
            on=x.on,
            observation_not_simple=x.kind is ExposureKind.PRODUCT_OBSERVATION
            and x.simple_features_only is False,
            spc2020=law.spc2020,
            spc2007=law.spc2007,
        )
        fired, _ = table.run(facts, law.clock)
        out += first_of_each(f for _, f in fired)
    return out


def _counted_findings(
    secret: TradeSecret, known: Sequence[_Exposed], law: DefinitionLaw
) -> list[Finding]:
    out: list[Finding] = []
    for e in known:
        if secret.compilation and not e.whole:
            continue
        x = e.exposure
        confirmed = x.confirmed
        out.append(
            Finding(
                code=f"definition.secrecy.item{x.kind.item}"
                if confirmed
                else "definition.secrecy.alleged_exposure",
                severity=Severity.HIGH if confirmed else Severity.MEDIUM,
                citations=_item_cite(law, x.kind.item),
                args={"exposure": x.id, "points": _ids(e.covered)},
                subject=secret.id,
                remedies=(
                    "definition.remedy.narrow_claim"
                    if confirmed
                    else "definition.remedy.rebut_exposure",
                ),
            )
        )
    return out


def _closing_findings(
    secret: TradeSecret,
    law: DefinitionLaw,
    tally: _Tally,
    points: Sequence[str],
    known: Sequence[_Exposed],
) -> list[Finding]:
    """The closing rows (:data:`CLOSING_TABLE`) on the tally, the law of the day prevailing."""
    parts = {p for e in known if not e.whole for p in e.covered} if secret.compilation else set()
    facts = ClosingFacts(
        secret_id=secret.id,
        points=len(points),
        compilation=secret.compilation,
        public_parts=len(parts),
        searched=bool(secret.secrecy_evidence),
        met_on_remaining=tally.outcome is Outcome.MET and bool(tally.public or tally.contested),
        remaining=_ids(tally.remaining),
        spc2020=law.spc2020,
        spc2007=law.spc2007,
    )
    fired, _ = with_statute(CLOSING_TABLE, law).run(facts, law.clock)
    found = first_of_each(f for _, f in fired)
    return sorted(found, key=lambda f: CLOSING_ORDER.index(f.code))


def _trace(known: Sequence[_Exposed], law: DefinitionLaw) -> list[TraceStep]:
    out: list[TraceStep] = []
    for e in known:
        x = e.exposure
        item = x.kind.item
        on = x.on if x.on is not UNKNOWN else None
        out.append(
            TraceStep(
                rule=law.rule_label(f"spc_ts_art4_1_item{item}", f"spc_uc_2007_art9_item{item}"),
                code=f"definition.secrecy.item{item}",
                citations=_item_cite(law, item),
                args={"exposure": x.id, "points": _ids(e.covered)},
                on=on,
            )
        )
    return out


def _ids(values: Sequence[str]) -> str:
    return ", ".join(values) or "-"
