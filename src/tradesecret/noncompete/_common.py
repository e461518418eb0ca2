"""
What the non-compete review modules share: the citations they rest on, the facts
object the rule tables read, the secrets known, and small text helpers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.facts import UNKNOWN, Fact, Tri, tri
from tradesecret.law import POLICY
from tradesecret.noncompete.model import (
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PersonnelCategory,
)
from tradesecret.results import Term
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = [
    "POLICY",
    "ReviewFacts",
    "SecretSource",
    "known_secrets",
]

LCL_23_2: Final = "lcl@2012-12-28:23.2"
LCL_24_1: Final = "lcl@2012-12-28:24.1"
LCL_24_2: Final = "lcl@2012-12-28:24.2"
LCL_26: Final = "lcl@2012-12-28:26"
I4_6: Final = "spc-labor-4@2013-01-18:6"
I4_7: Final = "spc-labor-4@2013-01-18:7"
I4_8: Final = "spc-labor-4@2013-01-18:8"
I1_36: Final = "spc-labor-1@2020-12-29:36"
I1_37: Final = "spc-labor-1@2020-12-29:37"
I1_38: Final = "spc-labor-1@2020-12-29:38"
I2: Final = "spc-labor-2@2025-07-31"
I2_13_1: Final = "spc-labor-2@2025-07-31:13.1"
I2_13_2: Final = "spc-labor-2@2025-07-31:13.2"
I2_14: Final = "spc-labor-2@2025-07-31:14"
I2_15: Final = "spc-labor-2@2025-07-31:15"
GC_184: Final = "gc-184@2022-07-04"
GC_190: Final = "gc-190@2022-12-08"
GUIDE: Final = "mohrss-nc-guide@2025-09-12"
G7: Final = "mohrss-nc-guide@2025-09-12:7"
G13: Final = "mohrss-nc-guide@2025-09-12:13"
G14: Final = "mohrss-nc-guide@2025-09-12:14"
G16: Final = "mohrss-nc-guide@2025-09-12:16"
G17: Final = "mohrss-nc-guide@2025-09-12:17"
TYPICAL_GUARD: Final = "spc-mohrss-typical-4@2025-04-16"
TYPICAL_TRAINER: Final = "spc-labor-typical@2024-04-30"
TYPICAL_SCOPE: Final = "spc-typical-interp2@2025-08-01"

#: The message argument for a fact not stated.
NOT_STATED: Final = Term("noncompete.term.not_stated")


class SecretSource(Protocol):
    """What the review needs from a secret registry (``tradesecret.definition.SecretRegistry``)."""

    def secrets_known_by(self, person: str, *, start: object, end: object) -> frozenset[str]:
        """Ids of the secrets ``person`` had access to or accessed in ``[start, end]``."""
        ...


@attrs.frozen(kw_only=True)
class ReviewFacts:
    """
    The facts the review's rule tables read (paths ``employee.*`` and ``agreement.*``
    name the user's inputs in the "what is missing" list).

    Attributes:
        employee: The employee as stated.
        agreement: The agreement as written.
        secrets: The secrets known or accessed, the registry's included (``UNKNOWN``:
            not stated and the registry lists none).
        cap: The statutory cap on the post-termination period, in months.
        release_months: Months of non-payment after which the employee may ask for
            release under the interpretation in force (``None``: no such rule that day).
        release_rule_from: Where no such rule existed yet, the day one took effect.
    """

    employee: EmployeeFacts
    agreement: NonCompeteAgreement
    secrets: Fact[tuple[KnownSecret, ...]]
    cap: int
    release_months: int | None = None
    release_rule_from: pendulum.Date | None = None

    def category_is(self, *categories: PersonnelCategory) -> Tri:
        """Whether the personnel category is one of ``categories`` (unknown if not stated)."""
        return tri(self.employee.category, lambda c: c in categories)

    def knew_none(self) -> Tri:
        """Whether the employee knew or accessed no secret at all."""
        return tri(self.secrets, lambda s: not s)

    def secret_list(self) -> tuple[KnownSecret, ...]:
        """The secrets known, ``()`` when not stated (for counts and message text only)."""
        return () if self.secrets is UNKNOWN else self.secrets


def book_of(rulebook: Rulebook | None) -> Rulebook:
    """``rulebook`` or the package's."""
    return rulebook if rulebook is not None else default_rulebook()


def known_secrets(
    employee: EmployeeFacts,
    *,
    as_of: object,
    registry: SecretSource | None = None,
) -> Fact[tuple[KnownSecret, ...]]:
    """
    The secrets the employee knew or accessed: those given directly plus, with a
    registry, the registry's for the employment (start to termination, or ``as_of``).

    ``UNKNOWN`` when ``employee.secrets_known`` is not stated and no registry lists any
    (a registry that lists none is not a statement that the employee knew none). A
    registry id that is also given directly keeps the direct description (which says
    what business it concerns).
    """
    day = to_date(as_of, path="as_of")
    stated = employee.secrets_known
    out = {} if stated is UNKNOWN else {s.id: s for s in stated}
    if registry is not None:
        end = employee.termination_date or day
        found = registry.secrets_known_by(
            employee.person_id, start=employee.employment_start, end=end
        )
        for sid in sorted(found):
            out.setdefault(sid, KnownSecret(id=sid))
    if stated is UNKNOWN and not out:
        return UNKNOWN
    return tuple(out.values())


def norm(items: Iterable[str]) -> set[str]:
    """Items trimmed and case-folded, empty ones dropped."""
    return {i.strip().casefold() for i in items if i.strip()}


def show(keys: Iterable[str], *sources: Iterable[str]) -> str:
    """The items whose normalised form is in ``keys``, as first written in ``sources``."""
    wanted = set(keys)
    shown: dict[str, str] = {}
    for source in sources:
        for item in source:
            key = item.strip().casefold()
            if key in wanted:
                shown.setdefault(key, item.strip())
    return ", ".join(sorted(shown.get(k, k) for k in wanted))


def join(items: Iterable[str]) -> str:
    """Sorted, comma-separated."""
    return ", ".join(sorted(items))
