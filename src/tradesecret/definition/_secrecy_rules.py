"""
The closing findings of the secrecy element as rule-table rows, by period.

Which exposures count is interval reasoning over the exposures
(:mod:`tradesecret.definition._secrecy`); once the tally is made, what is left to say is a
list, each row beside the clause it rests on:

* the secret's content is not specified (法释〔2020〕7号 Art. 27 and Art. 3, paraphrase: the
  holder specifies the content of the secret claimed; 法释〔2007〕2号 Art. 14: the claimant
  proves 「商业秘密的载体、具体内容、商业价值和对该项商业秘密所采取的具体保密措施」);
* a compilation (法释〔2020〕7号 Art. 4(2), paraphrase: information formed by sorting,
  improving or processing public information may be found not publicly known);
* no search of the public domain (the library's policy);
* the element met on the points that remain, after some were exposed (Art. 3 and Art. 27,
  paraphrase; 2007 Art. 9).

Rows resting on the statute (:data:`STATUTE`, the AUCL 1993 article as written) fire only
where no interpretation row can, and cite the statute of the day
(``definition.statutory_article``; :func:`~tradesecret.definition._law.with_statute`).
Where a 2020 and a 2007 row give the same finding, the 2020 row (listed first) prevails.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final, TypeVar

import attrs

from tradesecret.definition._law import SPC2007, SPC2020, STATUTE
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.law import POLICY
from tradesecret.results import Severity

__all__ = [
    "CLOSING_ORDER",
    "CLOSING_TABLE",
    "EXPOSURE_NOTES",
    "ClosingFacts",
    "ExposureFacts",
]


@attrs.frozen(kw_only=True)
class ClosingFacts:
    """The tally of the secrecy element, as the closing rows read it."""

    secret_id: str
    points: int  # secret points claimed
    compilation: bool
    public_parts: int  # parts of a compilation exposed
    searched: bool  # a search of the public domain is on file
    met_on_remaining: bool  # met, though some points were exposed or contested
    remaining: str  # the points that remain, joined
    spc2020: bool
    spc2007: bool


_F = TypeVar("_F", "ClosingFacts", "ExposureFacts")


def _no_points(f: ClosingFacts) -> bool:
    return f.points == 0


def _remaining(f: ClosingFacts) -> bool:
    return f.met_on_remaining


def _uninterpreted(f: ClosingFacts | ExposureFacts) -> bool:
    return not (f.spc2020 or f.spc2007)


def _secret(f: ClosingFacts | ExposureFacts) -> str:
    return f.secret_id


def _compilation(f: ClosingFacts) -> bool:
    return f.compilation


def _statute_only(when: Callable[[_F], bool]) -> Callable[[_F], bool]:
    """The row's condition where no interpretation is law that day (the statute alone)."""
    return lambda f: when(f) and _uninterpreted(f)


#: The clause of the rows resting on the statute alone (before 2007-02-01).
_STATUTE_CLAUSE: Final = "反不正当竞争法 商业秘密条（paraphrase）"

# Each finding's columns, stated once; its rows by period give their basis and clause.
_no_points_rows = partial(Check[ClosingFacts], code="definition.secrecy.no_secret_points",
                          severity=Severity.HIGH, effect=Effect.DOUBTS, when=_no_points,
                          subject=_secret, remedies=("definition.remedy.define_secret_points",))  # fmt: skip
_compilation_rows = partial(Check[ClosingFacts], code="definition.secrecy.compilation",
                            severity=Severity.INFO, effect=Effect.NOTES, when=_compilation,
                            args=lambda f: {"public": f.public_parts}, subject=_secret)  # fmt: skip
_remaining_rows = partial(Check[ClosingFacts], code="definition.secrecy.points_remaining",
                          severity=Severity.MEDIUM, effect=Effect.NOTES, when=_remaining,
                          args=lambda f: {"points": f.remaining}, subject=_secret,
                          remedies=("definition.remedy.narrow_claim",))  # fmt: skip

#: The closing rows, newest law first (the 2020 rows prevail where both apply).
CLOSING_TABLE: Final = RuleTable[ClosingFacts](
    criterion="definition.not_publicly_known",
    basis=(f"{SPC2020}:3", f"{SPC2020}:4"),
    checks=(
        # 法释〔2020〕7号 Art. 27 (paraphrase): the holder specifies the content of the secret
        # claimed; Art. 3: what is not known to the public is judged on that content.
        _no_points_rows(basis=(f"{SPC2020}:27", f"{SPC2020}:3"),
                        clause="法释〔2020〕7号 第二十七条、第三条（paraphrase: specify the content claimed）"),
        # 法释〔2020〕7号 Art. 4(2) (paraphrase): new information formed by sorting, improving or
        # processing public information may be found not publicly known.
        _compilation_rows(basis=(f"{SPC2020}:4.2",),
                          clause="法释〔2020〕7号 第四条第二款（paraphrase: a compilation of public parts）"),
        # 法释〔2020〕7号 Art. 3 and Art. 27 (paraphrase): the element is judged point by point on
        # the content claimed; the points not exposed may still qualify.
        _remaining_rows(basis=(f"{SPC2020}:3", f"{SPC2020}:27"),
                        clause="法释〔2020〕7号 第三条、第二十七条（paraphrase: the remaining points）"),
        # 法释〔2007〕2号 Art. 14: the claimant proves
        # 「商业秘密的载体、具体内容、商业价值和对该项商业秘密所采取的具体保密措施」.
        _no_points_rows(basis=(f"{SPC2007}:14",), clause="法释〔2007〕2号 第十四条：……商业秘密的载体、具体内容……"),
        # 法释〔2007〕2号 Art. 9 (paraphrase): information not generally known and not easily obtained.
        _remaining_rows(basis=(f"{SPC2007}:9",), clause="法释〔2007〕2号 第九条（paraphrase）"),
        # Before 2007-02-01 the statute alone: the information claimed must be identified to be judged.
        _no_points_rows(basis=(STATUTE,), when=_statute_only(_no_points), clause=_STATUTE_CLAUSE),
        _compilation_rows(basis=(STATUTE,), when=lambda f: f.compilation and not f.spc2020,
                          clause=_STATUTE_CLAUSE),
        _remaining_rows(basis=(STATUTE,), when=_statute_only(_remaining), clause=_STATUTE_CLAUSE),
        # Library policy: a search of the public domain on file supports the element.
        Check[ClosingFacts](code="definition.secrecy.no_search", severity=Severity.LOW,
                            effect=Effect.NOTES, basis=(POLICY,), when=lambda f: not f.searched,
                            subject=_secret, remedies=("definition.remedy.commission_search",),
                            clause="Library policy (paraphrase): commission a search of the public domain."),
    ),
    clause="法释〔2020〕7号 第三条、第四条第二款、第二十七条；法释〔2007〕2号 第九条、第十四条；反不正当竞争法",
)  # fmt: skip

#: The order the closing findings are given in.
CLOSING_ORDER: Final = (
    "definition.secrecy.no_secret_points",
    "definition.secrecy.compilation",
    "definition.secrecy.no_search",
    "definition.secrecy.points_remaining",
)


# -- exposures that do not count ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ExposureFacts:
    """One exposure as the notes read it (its date and nature, as stated)."""

    secret_id: str
    exposure: str
    later: bool  # dated after the act
    on: object  # its date, where stated
    observation_not_simple: bool  # a product observation stated to reveal more than simple features
    spc2020: bool
    spc2007: bool


def _later(f: ExposureFacts) -> bool:
    return f.later


def _not_simple(f: ExposureFacts) -> bool:
    return not f.later and f.observation_not_simple


# Each finding's columns, stated once; its rows by period give their basis and clause.
_later_rows = partial(Check[ExposureFacts], code="definition.secrecy.later_exposure",
                      severity=Severity.INFO, effect=Effect.NOTES, when=_later,
                      args=lambda f: {"exposure": f.exposure, "on": f.on}, subject=_secret)  # fmt: skip
_not_simple_rows = partial(Check[ExposureFacts], code="definition.secrecy.observation_not_simple",
                           severity=Severity.INFO, effect=Effect.NOTES, when=_not_simple,
                           args=lambda f: {"exposure": f.exposure}, subject=_secret,
                           remedies=("definition.remedy.document_reverse_engineering_effort",))  # fmt: skip

#: Exposures that do not count against secrecy, newest law first.
EXPOSURE_NOTES: Final = RuleTable[ExposureFacts](
    criterion="definition.not_publicly_known",
    basis=(f"{SPC2020}:3", f"{SPC2020}:4"),
    checks=(
        # 法释〔2020〕7号 Art. 3 (paraphrase): not known to the public *when the alleged
        # infringement occurred*; Art. 17 (paraphrase): information made public after the act is
        # weighed for the remedy, not the element.
        _later_rows(basis=(f"{SPC2020}:3", f"{SPC2020}:17"),
                    clause="法释〔2020〕7号 第三条、第十七条（paraphrase: exposure after the act）"),
        # 法释〔2020〕7号 Art. 4(1) item 2 (paraphrase): observation of a product on the market
        # reveals only simple combinations of size, structure, materials, parts; Art. 14
        # (paraphrase): reverse engineering.
        _not_simple_rows(basis=(f"{SPC2020}:4.1.2", f"{SPC2020}:14"),
                         clause="法释〔2020〕7号 第四条第一款第二项、第十四条（paraphrase）"),
        # 法释〔2007〕2号 Arts. 9 and 16 (paraphrase) likewise.
        _later_rows(basis=(f"{SPC2007}:9", f"{SPC2007}:16"), clause="法释〔2007〕2号 第九条、第十六条（paraphrase）"),
        # 法释〔2007〕2号 Art. 9(2) item 2 and Art. 12 (paraphrase) likewise.
        _not_simple_rows(basis=(f"{SPC2007}:9.2.2", f"{SPC2007}:12"),
                         clause="法释〔2007〕2号 第九条第二款第二项、第十二条（paraphrase）"),
        # Before 2007-02-01 the statute alone.
        _later_rows(basis=(STATUTE,), when=_statute_only(_later), clause=_STATUTE_CLAUSE),
        _not_simple_rows(basis=(STATUTE,), when=_statute_only(_not_simple), clause=_STATUTE_CLAUSE),
    ),
    clause="法释〔2020〕7号 第三条、第四条第一款第二项；法释〔2007〕2号 第九条；反不正当竞争法",
)  # fmt: skip
