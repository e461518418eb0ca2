"""Standards of proof: named, parameterised thresholds."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import POLICY, Citation
from tradesecret.results import Outcome
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

STANDARDS: Final = ("prima_facie", "preponderance", "high_probability")


@attrs.frozen(kw_only=True)
class StandardOfProof:
    """
    A named, parameterised standard of proof.

    Attributes:
        name: ``prima_facie``, ``preponderance``, ``high_probability`` or a custom name.
        threshold: Share of the weighed evidence (pro / (pro + con)) that must be exceeded.
        minimum: Minimum total weight of the supporting evidence.
        parameters: The parameter values the figures come from (empty for a custom one).
        citations: Basis of the standard.

    Examples:
        >>> from tradesecret.dates import to_date
        >>> s = StandardOfProof.named("preponderance", as_of=to_date("2025-06-01"))
        >>> (s.threshold, s.minimum)
        (Decimal('0.5'), Decimal('0.6'))
        >>> s.decide(Decimal("0.8"), Decimal("0.3")).value
        'met'
    """

    name: str
    threshold: Decimal = attrs.field(validator=exact(Decimal, floats_only=True))
    minimum: Decimal = attrs.field(validator=exact(Decimal, floats_only=True))
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))

    @classmethod
    def named(
        cls, name: str, *, as_of: _dt.date | str, rulebook: Rulebook | None = None
    ) -> StandardOfProof:
        """
        A standard from ``evidence.toml``: ``prima_facie`` (初步证据, the notion used by
        AUCL 2019 Art. 32), ``preponderance`` (the library's default for conduct
        preservation) or ``high_probability``. The figures are library policy.

        Raises:
            InvalidInputError: an unknown name or a bad date (both listed).
        """
        problems: list[Problem] = []
        if name not in STANDARDS:
            problems.append(
                Problem.of("standard", name, "known standards: {allowed}", allowed=STANDARDS)
            )
        try:
            day = to_date(as_of, path="as_of")
        except InvalidInputError as exc:
            problems.extend(exc.problems)
        if problems:
            raise InvalidInputError(problems)
        rb = rulebook or default_rulebook()
        threshold = rb.param(f"evidence.standard.{name}.threshold", as_of=day)
        minimum = rb.param(f"evidence.standard.{name}.minimum", as_of=day)
        cites = [rb.cite(POLICY)]
        if name == "prima_facie":
            cites.insert(0, rb.cite("aucl@2019-04-23:32"))
        return cls(
            name=name,
            threshold=threshold.as_decimal(),
            minimum=minimum.as_decimal(),
            parameters=(threshold, minimum),
            citations=tuple(cites),
        )

    @classmethod
    def custom(
        cls,
        name: str,
        *,
        threshold: Decimal,
        minimum: Decimal,
        rulebook: Rulebook | None = None,
    ) -> StandardOfProof:
        """A standard with the caller's own figures (cites the library policy)."""
        problems: list[Problem] = []
        if not isinstance(name, str) or not name:
            problems.append(Problem.of("standard.name", name, "a non-empty name"))
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, Decimal)
            or not threshold.is_finite()
            or not (0 <= threshold < 1)
        ):
            problems.append(
                Problem.of(
                    "standard.threshold", threshold, "must be a share of at least 0 and below 1"
                )
            )
        if (
            isinstance(minimum, bool)
            or not isinstance(minimum, Decimal)
            or not minimum.is_finite()
            or minimum < 0
        ):
            problems.append(
                Problem.of("standard.minimum", minimum, "must be a weight of at least 0")
            )
        if problems:
            raise InvalidInputError(problems)
        rb = rulebook or default_rulebook()
        return cls(name=name, threshold=threshold, minimum=minimum, citations=(rb.cite(POLICY),))

    def decide(self, pro: Decimal, con: Decimal) -> Outcome:
        """The outcome of a claim with supporting weight ``pro`` and rebutting weight ``con``."""
        total = pro + con
        if total == 0:
            return Outcome.INSUFFICIENT_EVIDENCE
        if pro / total > self.threshold and pro >= self.minimum:
            return Outcome.MET
        if pro == 0 or con / total > self.threshold:
            return Outcome.NOT_MET
        if con > 0:
            return Outcome.CONTESTED
        return Outcome.INSUFFICIENT_EVIDENCE


def standard(
    standard: StandardOfProof | str, as_of: pendulum.Date, rb: Rulebook
) -> StandardOfProof:
    if isinstance(standard, StandardOfProof):
        return standard
    return StandardOfProof.named(standard, as_of=as_of, rulebook=rb)
