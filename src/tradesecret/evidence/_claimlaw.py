"""The law the act date selects: the trade-secret article, the claims' citations, the burden shift."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

import attrs
import pendulum

from tradesecret.evidence._tally import Context
from tradesecret.evidence.model import ClaimCode
from tradesecret.law import POLICY
from tradesecret.results import (
    Finding,
    Outcome,
    Severity,
)
from tradesecret.rulebook import ParameterValue, Rulebook

C = ClaimCode


#: The AUCL version that added the burden-shifting article (Art. 32), in force 2019-04-23.
AUCL_2019: Final = "aucl@2019-04-23"
#: The AUCL revision in force from 2025-10-15, where that article's number is UNVERIFIED.
AUCL_2025: Final = "aucl@2025-06-27"


class Shift(enum.Enum):
    """Which burden-shifting rule the act date selects."""

    NONE = "none"  # before AUCL 2019: no Art. 32
    AUCL_2019 = "aucl_2019"  # AUCL 2019 Art. 32
    AUCL_2025 = "aucl_2025"  # AUCL 2025: article number UNVERIFIED


@attrs.frozen(kw_only=True)
class Law:
    """The law the act date selects: the trade-secret article and the burden-shift rule."""

    article: ParameterValue
    key: str
    number: str
    shift: Shift


def law_on(rb: Rulebook, act_day: pendulum.Date) -> Law:
    """
    The AUCL version in force on ``act_day`` (parameter ``evidence.aucl_trade_secret_article``,
    whose first citation names the instrument version and article).

    Raises:
        OutOfCoverageError: an act before the first AUCL version the parameter covers.
    """
    article = rb.param("evidence.aucl_trade_secret_article", as_of=act_day)
    key = article.citations[0].ref.key
    shift = {AUCL_2019: Shift.AUCL_2019, AUCL_2025: Shift.AUCL_2025}.get(key, Shift.NONE)
    return Law(article=article, key=key, number=str(article.as_int()), shift=shift)


def claim_cites(code: ClaimCode, law: Law) -> tuple[str, ...]:
    para = law.key == AUCL_2019  # paragraph numbers are verified for the 2019 text only
    base = f"{law.key}:{law.number}"

    def p(suffix: str) -> str:
        return f"{base}.{suffix}" if para else base

    def art32(paragraph: str) -> tuple[str, ...]:
        """The burden-shift article: none before 2019; for AUCL 2025 the instrument (no
        article number: it is UNVERIFIED) and the 2019 article whose content is applied."""
        old = f"{AUCL_2019}:32.{paragraph}"
        if law.shift is Shift.NONE:
            return ()
        if law.shift is Shift.AUCL_2025:
            return (AUCL_2025, old)
        return (old,)

    spc = "spc-ts@2020-09-10:"
    # the SPC 2007 interpretation (in force 2007-02-01 to 2022-03-20) where the 2020
    # provisions were not yet law; LegalClock keeps only what was law on the act day
    old = "spc-unfair-comp@2007-01-12:"
    table: dict[ClaimCode, tuple[str, ...]] = {
        C.INFRINGEMENT: (base,),
        C.RIGHT: (p("4"), f"{spc}1"),
        C.NOT_PUBLICLY_KNOWN: (p("4"), f"{spc}3", f"{spc}4", f"{old}9"),
        C.COMMERCIAL_VALUE: (p("4"), f"{spc}7", f"{old}10"),
        C.MEASURES: (p("4"), f"{spc}5.1", f"{spc}6", f"{old}11"),
        C.CONTENT_DEFINED: (f"{spc}1", f"{spc}27"),
        C.OWNERSHIP: (p("4"), POLICY),
        C.ACT: (p("1"),),
        C.IMPROPER_ACQUISITION: (p("1.1"), f"{spc}8"),
        C.DISCLOSURE_OR_USE: (p("1.2"), f"{spc}9"),
        C.BREACH_OF_DUTY: (p("1.3"), f"{spc}10"),
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY: (*art32("2"), POLICY),
        C.ACCESS: (f"{spc}12", *art32("2")),
        C.SIMILARITY: (f"{spc}13", f"{old}14", *art32("2")),
        C.BURDEN_SHIFT_NOT_A_SECRET: art32("1") or (f"{AUCL_2019}:32.1",),
        # the triggers of Art. 32(2) are read from the claims by library policy (an improper
        # acquisition counts as a risk of disclosure or use, item 2)
        C.BURDEN_SHIFT_NON_INFRINGEMENT: (*(art32("2") or (f"{AUCL_2019}:32.2",)), POLICY),
    }
    return table[code]


def burden_shift(
    ctx: Context,
    law: Law,
    pf: Mapping[ClaimCode, Outcome],
    findings: list[Finding],
    after_2025: bool,
) -> dict[ClaimCode, Outcome]:
    rb = ctx.rb
    if law.shift is Shift.NONE:
        return {
            C.BURDEN_SHIFT_NOT_A_SECRET: Outcome.NOT_APPLICABLE,
            C.BURDEN_SHIFT_NON_INFRINGEMENT: Outcome.NOT_APPLICABLE,
        }
    if law.shift is Shift.AUCL_2025:
        # the instrument as a whole: the article number in AUCL 2025 is UNVERIFIED
        findings.append(
            Finding(
                code=(
                    "evidence.burden_shift.article_unverified"
                    if after_2025
                    else "evidence.burden_shift.article_unverified_not_applied"
                ),
                severity=Severity.MEDIUM,
                citations=(rb.cite(AUCL_2025), rb.cite(f"{AUCL_2019}:32")),
                args={"act": ctx.act_day},
            )
        )
        if not after_2025:
            return {
                C.BURDEN_SHIFT_NOT_A_SECRET: Outcome.NOT_APPLICABLE,
                C.BURDEN_SHIFT_NON_INFRINGEMENT: Outcome.NOT_APPLICABLE,
            }
    met = Outcome.MET
    infringement_shown = pf[C.ACT] is met
    not_a_secret = met if pf[C.MEASURES] is met and infringement_shown else Outcome.NOT_MET
    channel = pf[C.ACCESS] is met and pf[C.SIMILARITY] is met
    used = pf[C.DISCLOSURE_OR_USE] is met or pf[C.IMPROPER_ACQUISITION] is met
    non_infringement = met if infringement_shown and (channel or used) else Outcome.NOT_MET
    return {
        C.BURDEN_SHIFT_NOT_A_SECRET: not_a_secret,
        C.BURDEN_SHIFT_NON_INFRINGEMENT: non_infringement,
    }
