"""The claim tree and how parents combine their children."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from tradesecret.evidence.model import ClaimCode
from tradesecret.results import Outcome

C = ClaimCode


class Combine(enum.Enum):
    """How a parent claim combines its children."""

    ALL = "all"
    ANY = "any"


#: Parent -> (combination, children). Leaves are absent.
CLAIM_TREE: Final[Mapping[ClaimCode, tuple[Combine, tuple[ClaimCode, ...]]]] = MappingProxyType(
    {
        C.INFRINGEMENT: (Combine.ALL, (C.RIGHT, C.ACT)),
        C.RIGHT: (
            Combine.ALL,
            (C.NOT_PUBLICLY_KNOWN, C.COMMERCIAL_VALUE, C.MEASURES, C.CONTENT_DEFINED, C.OWNERSHIP),
        ),
        C.ACT: (
            Combine.ANY,
            (
                C.IMPROPER_ACQUISITION,
                C.DISCLOSURE_OR_USE,
                C.BREACH_OF_DUTY,
                C.INFERRED_FROM_ACCESS_AND_SIMILARITY,
            ),
        ),
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY: (Combine.ALL, (C.ACCESS, C.SIMILARITY)),
    }
)
RESPONDENT_CLAIMS: Final = frozenset(
    {
        C.INFRINGEMENT,
        C.ACCESS,
        C.SIMILARITY,
        C.ACT,
        C.IMPROPER_ACQUISITION,
        C.DISCLOSURE_OR_USE,
        C.BREACH_OF_DUTY,
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY,
        C.BURDEN_SHIFT_NOT_A_SECRET,
        C.BURDEN_SHIFT_NON_INFRINGEMENT,
    }
)
RANK: Final = {
    Outcome.NOT_MET: 0,
    Outcome.INSUFFICIENT_EVIDENCE: 1,
    Outcome.CONTESTED: 2,
    Outcome.MET: 3,
    Outcome.NOT_APPLICABLE: -1,
}


def combine(how: Combine, outcomes: Iterable[Outcome]) -> Outcome:
    relevant = [o for o in outcomes if o is not Outcome.NOT_APPLICABLE]
    if not relevant:
        return Outcome.NOT_APPLICABLE
    if how is Combine.ALL:
        if all(o is Outcome.MET for o in relevant):
            return Outcome.MET
        if any(o is Outcome.NOT_MET for o in relevant):
            return Outcome.NOT_MET
        if any(o is Outcome.CONTESTED for o in relevant):
            return Outcome.CONTESTED
        return Outcome.INSUFFICIENT_EVIDENCE
    if any(o is Outcome.MET for o in relevant):
        return Outcome.MET
    if any(o is Outcome.CONTESTED for o in relevant):
        return Outcome.CONTESTED
    if all(o is Outcome.NOT_MET for o in relevant):
        return Outcome.NOT_MET
    return Outcome.INSUFFICIENT_EVIDENCE


def resolve(
    leaves: Mapping[ClaimCode, Outcome], overrides: Mapping[ClaimCode, Outcome]
) -> dict[ClaimCode, Outcome]:
    result: dict[ClaimCode, Outcome] = dict(leaves)

    def visit(code: ClaimCode) -> Outcome:
        if code in overrides:
            result[code] = overrides[code]
            return overrides[code]
        if code not in CLAIM_TREE:
            return result[code]
        how, children = CLAIM_TREE[code]
        outcome = combine(how, [visit(child) for child in children])
        result[code] = outcome
        return outcome

    visit(C.INFRINGEMENT)
    return result


def cost(code: ClaimCode, outcomes: Mapping[ClaimCode, Outcome]) -> int:
    """How many more leaves must be established for ``code`` to be MET (a large number if none can)."""
    outcome = outcomes.get(code, Outcome.NOT_APPLICABLE)
    if outcome is Outcome.MET:
        return 0
    if outcome is Outcome.NOT_APPLICABLE:
        return FAR
    if code not in CLAIM_TREE:
        return 1
    how, children = CLAIM_TREE[code]
    costs = [cost(child, outcomes) for child in children]
    if how is Combine.ANY:
        return min(costs)
    return min(FAR, sum(c for c in costs if c < FAR))


FAR: Final = 10_000


def tree_order() -> tuple[ClaimCode, ...]:
    order: list[ClaimCode] = []

    def visit(code: ClaimCode) -> None:
        order.append(code)
        for child in CLAIM_TREE.get(code, (Combine.ALL, ()))[1]:
            visit(child)

    visit(C.INFRINGEMENT)
    return tuple(order)
