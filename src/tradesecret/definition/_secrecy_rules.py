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

from typing import Final

import attrs

from tradesecret.definition._law import POLICY, SPC2007, SPC2020, STATUTE
from tradesecret.engine import Check, Effect, RuleTable
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


def _no_points(f: ClosingFacts) -> bool:
    return f.points == 0


def _remaining(f: ClosingFacts) -> bool:
    return f.met_on_remaining


def _uninterpreted(f: ClosingFacts | ExposureFacts) -> bool:
    return not (f.spc2020 or f.spc2007)


def _secret(f: ClosingFacts | ExposureFacts) -> str:
    return f.secret_id


# 法释〔2020〕7号 Art. 27 (paraphrase): the holder specifies the content of the secret claimed;
# Art. 3: what is not known to the public is judged on that content.
NO_POINTS_2020: Final = Check[ClosingFacts](
    code="definition.secrecy.no_secret_points",
    severity=Severity.HIGH,
    effect=Effect.DOUBTS,
    basis=(f"{SPC2020}:27", f"{SPC2020}:3"),
    when=_no_points,
    subject=_secret,
    remedies=("definition.remedy.define_secret_points",),
    clause="法释〔2020〕7号 第二十七条、第三条（paraphrase: specify the content claimed）",
)
# 法释〔2007〕2号 Art. 14: the claimant proves 「商业秘密的载体、具体内容、商业价值和对该项商业秘密所采取的具体保密措施」.
NO_POINTS_2007: Final = attrs.evolve(
    NO_POINTS_2020,
    basis=(f"{SPC2007}:14",),
    clause="法释〔2007〕2号 第十四条：……商业秘密的载体、具体内容……",
)
# Before 2007-02-01 the statute alone: the information claimed must be identified to be judged.
NO_POINTS_STATUTE: Final = attrs.evolve(
    NO_POINTS_2020,
    basis=(STATUTE,),
    when=lambda f: _no_points(f) and _uninterpreted(f),
    clause="反不正当竞争法 商业秘密条（paraphrase）",
)

# 法释〔2020〕7号 Art. 4(2) (paraphrase): new information formed by sorting, improving or
# processing public information may be found not publicly known.
COMPILATION_2020: Final = Check[ClosingFacts](
    code="definition.secrecy.compilation",
    severity=Severity.INFO,
    effect=Effect.NOTES,
    basis=(f"{SPC2020}:4.2",),
    when=lambda f: f.compilation,
    args=lambda f: {"public": f.public_parts},
    subject=_secret,
    clause="法释〔2020〕7号 第四条第二款（paraphrase: a compilation of public parts）",
)
COMPILATION_STATUTE: Final = attrs.evolve(
    COMPILATION_2020,
    basis=(STATUTE,),
    when=lambda f: f.compilation and not f.spc2020,
    clause="反不正当竞争法 商业秘密条（paraphrase）",
)

# Library policy: a search of the public domain on file supports the element.
NO_SEARCH: Final = Check[ClosingFacts](
    code="definition.secrecy.no_search",
    severity=Severity.LOW,
    effect=Effect.NOTES,
    basis=(POLICY,),
    when=lambda f: not f.searched,
    subject=_secret,
    remedies=("definition.remedy.commission_search",),
    clause="Library policy (paraphrase): commission a search of the public domain.",
)

# 法释〔2020〕7号 Art. 3 and Art. 27 (paraphrase): the element is judged point by point on the
# content claimed; the points not exposed may still qualify.
REMAINING_2020: Final = Check[ClosingFacts](
    code="definition.secrecy.points_remaining",
    severity=Severity.MEDIUM,
    effect=Effect.NOTES,
    basis=(f"{SPC2020}:3", f"{SPC2020}:27"),
    when=_remaining,
    args=lambda f: {"points": f.remaining},
    subject=_secret,
    remedies=("definition.remedy.narrow_claim",),
    clause="法释〔2020〕7号 第三条、第二十七条（paraphrase: the remaining points）",
)
# 法释〔2007〕2号 Art. 9 (paraphrase): information not generally known and not easily obtained.
REMAINING_2007: Final = attrs.evolve(
    REMAINING_2020, basis=(f"{SPC2007}:9",), clause="法释〔2007〕2号 第九条（paraphrase）"
)
REMAINING_STATUTE: Final = attrs.evolve(
    REMAINING_2020,
    basis=(STATUTE,),
    when=lambda f: _remaining(f) and _uninterpreted(f),
    clause="反不正当竞争法 商业秘密条（paraphrase）",
)

#: The closing rows, newest law first (the 2020 rows prevail where both apply).
CLOSING_TABLE: Final = RuleTable[ClosingFacts](
    criterion="definition.not_publicly_known",
    basis=(f"{SPC2020}:3", f"{SPC2020}:4"),
    checks=(
        NO_POINTS_2020,
        COMPILATION_2020,
        REMAINING_2020,
        NO_POINTS_2007,
        REMAINING_2007,
        NO_POINTS_STATUTE,
        COMPILATION_STATUTE,
        REMAINING_STATUTE,
        NO_SEARCH,
    ),
    clause="法释〔2020〕7号 第三条、第四条第二款、第二十七条；法释〔2007〕2号 第九条、第十四条；反不正当竞争法",
)

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


# 法释〔2020〕7号 Art. 3 (paraphrase): not known to the public *when the alleged infringement
# occurred*; Art. 17 (paraphrase): information made public after the act is weighed for the
# remedy, not the element. 法释〔2007〕2号 Arts. 9 and 16 (paraphrase) likewise.
LATER_2020: Final = Check[ExposureFacts](
    code="definition.secrecy.later_exposure",
    severity=Severity.INFO,
    effect=Effect.NOTES,
    basis=(f"{SPC2020}:3", f"{SPC2020}:17"),
    when=_later,
    args=lambda f: {"exposure": f.exposure, "on": f.on},
    subject=_secret,
    clause="法释〔2020〕7号 第三条、第十七条（paraphrase: exposure after the act）",
)
LATER_2007: Final = attrs.evolve(
    LATER_2020,
    basis=(f"{SPC2007}:9", f"{SPC2007}:16"),
    clause="法释〔2007〕2号 第九条、第十六条（paraphrase）",
)
LATER_STATUTE: Final = attrs.evolve(
    LATER_2020,
    basis=(STATUTE,),
    when=lambda f: _later(f) and _uninterpreted(f),
    clause="反不正当竞争法 商业秘密条（paraphrase）",
)

# 法释〔2020〕7号 Art. 4(1) item 2 (paraphrase): observation of a product on the market reveals
# only simple combinations of size, structure, materials, parts; Art. 14 (paraphrase):
# reverse engineering. 法释〔2007〕2号 Art. 9(2) item 2 and Art. 12 (paraphrase) likewise.
NOT_SIMPLE_2020: Final = Check[ExposureFacts](
    code="definition.secrecy.observation_not_simple",
    severity=Severity.INFO,
    effect=Effect.NOTES,
    basis=(f"{SPC2020}:4.1.2", f"{SPC2020}:14"),
    when=_not_simple,
    args=lambda f: {"exposure": f.exposure},
    subject=_secret,
    remedies=("definition.remedy.document_reverse_engineering_effort",),
    clause="法释〔2020〕7号 第四条第一款第二项、第十四条（paraphrase）",
)
NOT_SIMPLE_2007: Final = attrs.evolve(
    NOT_SIMPLE_2020,
    basis=(f"{SPC2007}:9.2.2", f"{SPC2007}:12"),
    clause="法释〔2007〕2号 第九条第二款第二项、第十二条（paraphrase）",
)
NOT_SIMPLE_STATUTE: Final = attrs.evolve(
    NOT_SIMPLE_2020,
    basis=(STATUTE,),
    when=lambda f: _not_simple(f) and _uninterpreted(f),
    clause="反不正当竞争法 商业秘密条（paraphrase）",
)

#: Exposures that do not count against secrecy, newest law first.
EXPOSURE_NOTES: Final = RuleTable[ExposureFacts](
    criterion="definition.not_publicly_known",
    basis=(f"{SPC2020}:3", f"{SPC2020}:4"),
    checks=(
        LATER_2020,
        NOT_SIMPLE_2020,
        LATER_2007,
        NOT_SIMPLE_2007,
        LATER_STATUTE,
        NOT_SIMPLE_STATUTE,
    ),
    clause="法释〔2020〕7号 第三条、第四条第一款第二项；法释〔2007〕2号 第九条；反不正当竞争法",
)
