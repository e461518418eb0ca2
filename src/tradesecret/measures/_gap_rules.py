"""
The decided gaps of the measures element as rule tables, one row per gap and period.

Which measures count, are proven and are specific to the secret is interval reasoning over
the measures (:mod:`tradesecret.measures._criterion`); once that is decided, the gap it
leaves is one of a list, and each gap is a row beside the clause it rests on:

* no measure in force on the act date (法释〔2020〕7号 Art. 5(1) and Art. 6; 法释〔2007〕2号
  Art. 11(1); before 2007-02-01 the statute, AUCL 1993 Art. 10);
* measures in force but none proven (Art. 6: the court finds measures *taken*; Art. 5(2)
  factors; 2007 Art. 11);
* proven measures, none identifying the secret (Art. 5(2): 「保密措施与商业秘密的对应程度」;
  2007 Art. 11(2): 「保密措施的可识别程度」) -- high where the holder's policy requires
  correspondence, else low.

Rows of the 2020 provisions never fire before 2020-09-12, those of the 2007 interpretation
never after 2022-03-19; where both are law, the 2020 row prevails (listed first; the
criterion keeps the first finding of each code). The statute rows fire only where no
interpretation is law on the day (before 2007-02-01), citing the statute of the day
(:data:`~tradesecret.definition._law.STATUTE`, replaced by
:func:`~tradesecret.definition._law.with_statute`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.definition._law import SPC2007, SPC2020, STATUTE
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.measures._legal import _ids
from tradesecret.results import Severity

__all__ = ["GAP_TABLE", "GapFacts"]


@attrs.frozen(kw_only=True)
class GapFacts:
    """The decided counts of one secret's measures on the act date."""

    secret_id: str
    on: pendulum.Date
    counted: tuple[str, ...]  # ids of the measures in force on the act date
    proven: int  # how many of them are proven
    specific: int  # how many proven ones identify the secret
    strict: bool  # the holder's policy requires correspondence
    interpreted: bool  # an SPC interpretation of the measures element is law that day


def _none(f: GapFacts) -> bool:
    return not f.counted


def _unproven(f: GapFacts) -> bool:
    return bool(f.counted) and f.proven == 0


def _generic(f: GapFacts) -> bool:
    return bool(f.counted) and f.proven > 0 and f.specific == 0


def _uninterpreted(f: GapFacts) -> bool:
    return not f.interpreted


def _secret(f: GapFacts) -> str:
    return f.secret_id


def _generic_strict(f: GapFacts) -> bool:
    return _generic(f) and f.strict


def _generic_lenient(f: GapFacts) -> bool:
    return _generic(f) and not f.strict


def _statute_only(when: Callable[[GapFacts], bool]) -> Callable[[GapFacts], bool]:
    """The row's condition where no interpretation is law that day (the statute alone)."""
    return lambda f: when(f) and _uninterpreted(f)


# Each gap's columns, stated once; its rows by period give their basis and clause.
_none_rows = partial(Check[GapFacts], code="definition.measures.none_before_act",
                     severity=Severity.CRITICAL, effect=Effect.FAILS, when=_none,
                     args=lambda f: {"on": f.on}, subject=_secret,
                     remedies=("definition.remedy.adopt_measures",))  # fmt: skip
_unproven_rows = partial(Check[GapFacts], code="definition.measures.no_evidence",
                         severity=Severity.HIGH, effect=Effect.DOUBTS, when=_unproven,
                         args=lambda f: {"measures": _ids(f.counted)}, subject=_secret,
                         remedies=("definition.remedy.keep_measure_evidence",))  # fmt: skip
#: High (undetermined) where the holder's policy requires correspondence, else a low note.
_generic_rows = partial(Check[GapFacts], code="definition.measures.generic_only",
                        severity=Severity.HIGH, effect=Effect.DOUBTS, when=_generic_strict,
                        subject=_secret,
                        remedies=("definition.remedy.identify_secret_in_measures",))  # fmt: skip
_generic_notes = partial(_generic_rows, severity=Severity.LOW, effect=Effect.NOTES,
                         when=_generic_lenient)  # fmt: skip

_CORRESPONDENCE: Final = "法释〔2020〕7号 第五条第二款：保密措施与商业秘密的对应程度"
# 法释〔2007〕2号 Art. 11(2) factor: 「保密措施的可识别程度」 (how identifiable the measures are).
_IDENTIFIABLE: Final = "法释〔2007〕2号 第十一条第二款：保密措施的可识别程度"
_AUCL_10: Final = "反不正当竞争法（1993）第十条（paraphrase）"

#: The decided gaps, newest law first (the 2020 rows prevail where both apply).
GAP_TABLE: Final = RuleTable[GapFacts](
    criterion="definition.reasonable_measures",
    basis=(f"{SPC2020}:5.1", f"{SPC2020}:6"),
    checks=(
        # 法释〔2020〕7号 Art. 5(1) (paraphrase): measures are the reasonable measures taken before
        # the alleged infringement; Art. 6 lists them. None in force: the element fails.
        _none_rows(basis=(f"{SPC2020}:5.1", f"{SPC2020}:6"),
                   clause="法释〔2020〕7号 第五条第一款、第六条（paraphrase: no measure before the act）"),
        # 法释〔2020〕7号 Art. 6 (paraphrase): the court finds measures *taken* where one of the
        # items applies; Art. 5(2) factors. Measures in force but none proven: undetermined.
        _unproven_rows(basis=(f"{SPC2020}:6", f"{SPC2020}:5.2"),
                       clause="法释〔2020〕7号 第六条、第五条第二款（paraphrase: measures must be shown）"),
        # 法释〔2020〕7号 Art. 5(2) factor: 「保密措施与商业秘密的对应程度」 (how far the measures
        # correspond to the secret).
        _generic_rows(basis=(f"{SPC2020}:5.2",), clause=_CORRESPONDENCE),
        _generic_notes(basis=(f"{SPC2020}:5.2",), clause=_CORRESPONDENCE),
        # 法释〔2007〕2号 Art. 11(1): 「权利人为防止信息泄露所采取的与其商业价值等具体情况相适应的合理保护措施」
        _none_rows(basis=(f"{SPC2007}:11",), clause="法释〔2007〕2号 第十一条第一款：……相适应的合理保护措施"),
        _unproven_rows(basis=(f"{SPC2007}:11",), clause="法释〔2007〕2号 第十一条（paraphrase: measures must be shown）"),
        _generic_rows(basis=(f"{SPC2007}:11.2",), clause=_IDENTIFIABLE),
        _generic_notes(basis=(f"{SPC2007}:11.2",), clause=_IDENTIFIABLE),
        # AUCL 1993 Art. 10 (paraphrase): information the holder keeps secret by measures
        # (「经权利人采取保密措施」).
        _none_rows(basis=(STATUTE,), when=_statute_only(_none), clause="反不正当竞争法（1993）第十条：经权利人采取保密措施"),
        _unproven_rows(basis=(STATUTE,), when=_statute_only(_unproven), clause=_AUCL_10),
        _generic_rows(basis=(STATUTE,), when=_statute_only(_generic_strict), clause=_AUCL_10),
        _generic_notes(basis=(STATUTE,), when=_statute_only(_generic_lenient), clause=_AUCL_10),
    ),
    clause="法释〔2020〕7号 第五条、第六条；法释〔2007〕2号 第十一条（至2022-03-19）；反不正当竞争法（1993）第十条",
)  # fmt: skip
