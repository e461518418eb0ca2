"""
The termination agreement, as a fact in three states (Interp. (I) Art. 37).

Was the employment ended by an agreement, and does that agreement deal with the
non-compete? ``TerminationAgreement.NONE`` states that there was no termination
agreement; ``MENTIONS`` and ``SILENT`` state what the agreement says; ``UNKNOWN`` (the
default of :attr:`~tradesecret.noncompete.EmployeeFacts.termination_agreement`) is not
stated.

The deprecated boolean ``termination_agreement_mentions_noncompete`` used ``None`` both
for "no such agreement" and for "not known"; it is still accepted as input (``True`` →
``MENTIONS``, ``False`` → ``SILENT``, ``None`` → not stated) and must agree with
``termination_agreement`` where both are given.
"""

from __future__ import annotations

import enum

from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN, Fact

__all__ = ["TerminationAgreement", "from_deprecated"]


class TerminationAgreement(enum.Enum):
    """Whether a termination agreement (解除或终止协议) exists and deals with the non-compete."""

    NONE = "none"  # 无解除（终止）协议
    MENTIONS = "mentions"  # 协议对竞业限制作了约定
    SILENT = "silent"  # 协议未涉及竞业限制


_DEPRECATED = "termination_agreement_mentions_noncompete"


def from_deprecated(
    stated: Fact[TerminationAgreement], mentions: object
) -> tuple[Fact[TerminationAgreement], Problem | None]:
    """
    The termination agreement from the new field and the deprecated boolean.

    Examples:
        >>> from_deprecated(UNKNOWN, False)[0]
        <TerminationAgreement.SILENT: 'silent'>
        >>> from_deprecated(TerminationAgreement.NONE, None)[0]
        <TerminationAgreement.NONE: 'none'>
        >>> str(from_deprecated(TerminationAgreement.NONE, True)[1])
        'deprecated, and it contradicts termination_agreement @ termination_agreement_mentions_noncompete (got true)'
    """
    if mentions is None:
        return stated, None
    if not isinstance(mentions, bool):
        return stated, Problem.of(_DEPRECATED, mentions, "must be true, false or not stated")
    implied = TerminationAgreement.MENTIONS if mentions else TerminationAgreement.SILENT
    if stated is UNKNOWN:
        return implied, None
    if stated is not implied:
        return stated, Problem.of(
            _DEPRECATED,
            mentions,
            "deprecated, and it contradicts {other}",
            other="termination_agreement",
        )
    return stated, None
