"""Checking the arguments of an evaluation: every problem at once."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.evidence._standards import STANDARDS, StandardOfProof
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    Event,
    EventKind,
    EvidenceItem,
    NodeKind,
    Party,
    Secret,
)
from tradesecret.exceptions import InvalidInputError, Problem, render_value


@attrs.frozen(kw_only=True)
class Inputs:
    secret: str
    respondent: str
    day: pendulum.Date
    standard: StandardOfProof | str
    excluded: frozenset[str]


def _secret(graph: EvidenceGraph, secret: object, problems: list[Problem]) -> object:
    if secret is None:
        secrets = graph.secrets()
        if len(secrets) == 1:
            return secrets[0]
        problems.append(
            Problem.of("secret", secrets, "name the secret: the graph has several or none")
        )
    elif (
        not isinstance(secret, str)
        or secret not in graph
        or not isinstance(graph.node(secret), Secret)
    ):
        problems.append(Problem.of("secret", secret, "no secret with this id"))
    return secret


def _respondent(graph: EvidenceGraph, respondent: object, problems: list[Problem]) -> object:
    if respondent is None:
        performers = sorted(
            {
                graph.performer(e.id) or ""
                for e in graph.nodes(NodeKind.EVENT)
                if isinstance(e, Event) and e.kind is not EventKind.DEPARTURE
            }
            - {""}
        )
        if len(performers) == 1:
            return performers[0]
        problems.append(
            Problem.of("respondent", performers, "name the respondent: several or no actors")
        )
    elif (
        not isinstance(respondent, str)
        or respondent not in graph
        or not isinstance(graph.node(respondent), Party)
    ):
        problems.append(Problem.of("respondent", respondent, "no party with this id"))
    return respondent


def _standard(standard: object, problems: list[Problem]) -> None:
    if isinstance(standard, str):
        if standard not in STANDARDS:
            problems.append(
                Problem.of("standard", standard, "known standards: {allowed}", allowed=STANDARDS)
            )
    elif not isinstance(standard, StandardOfProof):
        problems.append(
            Problem.of("standard", standard, "a StandardOfProof or the name of a standard")
        )


def _excluded(graph: EvidenceGraph, excluded: object, problems: list[Problem]) -> set[str]:
    items: set[str] = set()
    if isinstance(excluded, str | bytes) or not isinstance(excluded, Iterable):
        problems.append(
            Problem.of("excluded", excluded, "a collection of evidence item ids, not one id")
        )
        return items
    for item in excluded:
        if (
            not isinstance(item, str)
            or item not in graph
            or not isinstance(graph.node(item), EvidenceItem)
        ):
            problems.append(
                Problem.of(f"excluded[{render_value(item)}]", item, "no evidence item with this id")
            )
        else:
            items.add(item)
    return items


def check_inputs(
    graph: EvidenceGraph,
    *,
    secret: object,
    respondent: object,
    as_of: object,
    standard: object,
    excluded: object,
) -> Inputs:
    """Check every argument of :func:`evaluate`; raise all problems together."""
    problems: list[Problem] = []
    day: pendulum.Date | None = None
    try:
        day = to_date(as_of, path="as_of")
    except InvalidInputError as exc:
        problems.extend(exc.problems)
    secret = _secret(graph, secret, problems)
    respondent = _respondent(graph, respondent, problems)
    _standard(standard, problems)
    items = _excluded(graph, excluded, problems)
    if problems:
        raise InvalidInputError(problems)
    assert isinstance(secret, str)
    assert isinstance(respondent, str)
    assert day is not None
    assert isinstance(standard, str | StandardOfProof)
    return Inputs(
        secret=secret,
        respondent=respondent,
        day=day,
        standard=standard,
        excluded=frozenset(items),
    )
