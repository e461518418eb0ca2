"""
The result of a preservation assessment, and how its headline follows from its criteria.

The headline, stated (``Assessment.combination`` is ``WEIGHED``)
=================================================================

* :attr:`PreservationAssessment.outcome` is the **merits**:
  ``Outcome.combine`` of the five Art. 7 factors and, for a pre-suit application, urgency
  and security (CPL 2012/2017 Art. 101, 2021/2023 Art. 104: without them the application
  is rejected) -- any ``NOT_MET`` gives ``NOT_MET``; else any undetermined
  (``INSUFFICIENT_EVIDENCE``) gives ``INSUFFICIENT_EVIDENCE``; else any ``CONTESTED``
  gives ``CONTESTED``; else ``MET``. The factors are also *weighed* (library-policy
  weights): a ``MET`` whose weighted score is below the policy line reads ``CONTESTED``.
* :attr:`PreservationAssessment.ready` is ``outcome is MET`` and every readiness
  criterion (requests, security, contents) ``MET``.
* The hearing criterion (Art. 5) says whether the court may rule without questioning
  the respondent first; it is reported, never part of the headline.
* The first finding of the assessment is the verdict; a ``MET`` outcome with a readiness
  criterion not met or undetermined reads ``preservation.verdict.met_not_ready`` and
  names them, so a headline never reads "met" while a criterion is not settled.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.preservation._codes import EX_PARTE, FACTORS, READINESS, SECURITY, URGENCY
from tradesecret.preservation._model import Application, Stage
from tradesecret.preservation._report import render_report
from tradesecret.results import Assessment, Criterion, Finding, MissingFact, Outcome
from tradesecret.rulebook import ParameterValue

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["PreservationAssessment", "SecurityEstimate", "headline", "merits"]


def merits(criteria: Iterable[Criterion], stage: Stage) -> tuple[Criterion, ...]:
    """The criteria the headline combines: the five factors; pre-suit also urgency and security."""
    codes = (*FACTORS, URGENCY, SECURITY) if stage is Stage.PRE_SUIT else FACTORS
    return tuple(c for c in criteria if c.code in codes)


def headline(criteria: Iterable[Criterion], stage: Stage, *, below_line: bool) -> Outcome:
    """The merits outcome (see the module docstring)."""
    outcome = Outcome.combine(c.outcome for c in merits(criteria, stage))
    if outcome is Outcome.MET and below_line:
        return Outcome.CONTESTED
    return outcome


@attrs.frozen(kw_only=True)
class SecurityEstimate:
    """
    The security the court may require, and how the offer compares.

    Attributes:
        respondent_loss: The respondent's possible loss from the order -- the measure of
            security under SPC IP-preservation provisions Art. 11 -- where it is known.
        recommended: ``respondent_loss`` plus the library's buffer, rounded half up to
            the fen; what the library suggests offering.
        offered: What the applicant offers.
        shortfall: ``respondent_loss - offered`` when the offer is below the loss.
        mandatory: True for a pre-suit application (CPL Art. 104: without security the
            application is rejected).
        citations: Legal basis.
    """

    respondent_loss: Money | None
    recommended: Money | None
    offered: Money | None
    shortfall: Money | None
    mandatory: bool
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class PreservationAssessment(ShownAsMarkdown):
    """
    The readiness assessment of an application for conduct preservation.

    Attributes:
        application: The application assessed.
        as_of: The day of the assessment.
        outcome: The merits: :meth:`Outcome.combine <tradesecret.results.Outcome.combine>`
            of the :func:`merits` criteria (the five Art. 7 factors and, pre-suit, urgency
            and security), turned from ``MET`` into ``CONTESTED`` when the weighted score
            is below the policy line. See the module docstring.
        ready: ``outcome`` is ``MET`` and every :data:`READINESS` criterion is ``MET``:
            the application can be filed as it stands.
        score: Weighted readiness score in [0, 1] (library policy weights).
        assessment: The criteria (the five factors, urgency, hearing, readiness) with
            their findings; ``assessment.kind`` is ``"preservation"``.
        security: The security estimate.
        counter_arguments: What the respondent is likely to argue, with the answer to prepare.
    """

    application: Application
    as_of: pendulum.Date
    outcome: Outcome
    ready: bool
    score: Decimal
    assessment: Assessment
    security: SecurityEstimate
    counter_arguments: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The overall legal basis."""
        return self.assessment.citations

    @property
    def parameters(self) -> tuple[ParameterValue, ...]:
        """Every parameter value used."""
        return self.assessment.parameters

    def factor(self, code: str) -> Criterion:
        """The criterion with that code (e.g. :data:`HARM`)."""
        return self.assessment.criterion(code)

    def factors(self) -> tuple[Criterion, ...]:
        """The five Art. 7 factors, in order."""
        return tuple(self.assessment.criterion(code) for code in FACTORS)

    def gaps(self) -> tuple[Finding, ...]:
        """Every gap to close before filing, worst first."""
        found = [
            f
            for f in self.assessment.all_findings()
            if f.code.startswith(("preservation.gap.", "evidence.gap."))
        ]
        return tuple(sorted(found, key=lambda f: -f.severity.rank))

    def codes(self) -> frozenset[str]:
        """Codes of every finding and counter-argument."""
        return self.assessment.codes() | {f.code for f in self.counter_arguments}

    def merits(self) -> tuple[Criterion, ...]:
        """The criteria :attr:`outcome` combines (see :func:`merits`)."""
        return merits(self.assessment.criteria, self.application.stage)

    def readiness(self) -> tuple[Criterion, ...]:
        """The completeness criteria that decide :attr:`ready` with :attr:`outcome`."""
        return tuple(c for c in self.assessment.criteria if c.code in READINESS)

    def not_settled(self) -> tuple[Criterion, ...]:
        """
        Every criterion that is not met, undetermined or contested (the hearing question
        aside): what a ``MET`` headline must never hide.
        """
        return tuple(
            c
            for c in self.assessment.criteria
            if c.code != EX_PARTE and c.outcome in Outcome.MET.hides_failure_of
        )

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change an outcome, most decisive first."""
        return self.assessment.missing()

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render with :func:`tradesecret.explain` (the readiness report, without HTML)."""
        return render_report(self, loc, "markdown" if fmt == "markdown" else "text")
