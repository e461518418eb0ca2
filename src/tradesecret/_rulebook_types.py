"""
Value types of the rulebook: regions, dated parameter values, "no such rule" entries
and parameter series. Re-exported by :mod:`tradesecret.rulebook`; import them from there.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

import attrs
import pendulum

from tradesecret.law import Citation, Tier, Tiered, Verification
from tradesecret.money import Money, Ratio

__all__ = [
    "NoRule",
    "ParameterSeries",
    "ParameterValue",
    "Region",
    "RegionTier",
    "Unit",
]

#: Units a parameter may have (see ``tradesecret.rulebook``).
Unit = str


@attrs.frozen(kw_only=True)
class RegionTier:
    """
    Which minimum-wage tier region applies to a city, from when.

    Attributes:
        region: The tier region's code (``CN-GD-T2``), or the city's own series
            (Shenzhen) when the city has its own standard.
        valid_from: First day the mapping is known to apply; ``None`` when the source
            gives no date (then it is known only for the dates its source names).
        status: Verification status of the mapping.
        note: Scope and open points (e.g. "urban districts only", a conflict).
    """

    region: str
    valid_from: pendulum.Date | None
    status: Verification
    note: str = ""


@attrs.frozen(kw_only=True)
class Region:
    """
    A region: ISO 3166-2 for provinces (``CN-SH``), ``CN-GD-SZ`` style for cities,
    ``CN-GD-T2`` for a province's minimum-wage tier.

    Attributes:
        code: The library's code.
        name_zh: Chinese name.
        name_en: English name.
        parent: Parent region code; ``None`` for the country.
        note: Open points (e.g. an unverified minimum-wage tier mapping).
        gbt2260: GB/T 2260 six-digit administrative code, where one applies.
        tiers: The city's minimum-wage tier mapping over time (empty when the region
            holds its own values).
    """

    code: str
    name_zh: str
    name_en: str
    parent: str | None
    note: str = ""
    gbt2260: str | None = None
    tiers: tuple[RegionTier, ...] = ()


class _Sourced(Tiered):
    """Mixin: the tier of an entry from its first (strongest) citation; its authority, binding."""

    citations: tuple[Citation, ...]

    @property
    def tier(self) -> Tier:
        """Tier of the strongest source (the first citation)."""
        return self.citations[0].tier


@attrs.frozen(kw_only=True)
class ParameterValue(_Sourced):
    """
    One dated value of a parameter, as used by a rule.

    Results carry the :class:`ParameterValue` objects they used, so every figure
    in an answer can be traced to its date, region, source and status.

    Attributes:
        name: Parameter name, e.g. ``"noncompete.default_ratio"``.
        unit: One of ``months, days, hours, count, ratio, multiple, decibel, cny``.
        value: ``int``, ``Decimal`` or :class:`~tradesecret.money.Money` by unit.
        since: First day the value applies.
        until: First day it no longer applies (the next entry's ``since``), if any.
        region: Region the value is defined for; ``None`` for national values.
        citations: Sources, strongest first. Never empty.
        status: Verification status of this value (the weaker of the figure and its date).
        note: Open points, e.g. "effective date from memory".
        label_zh: Parameter label in Chinese.
        label_en: Parameter label in English.
        last_reviewed: When the series was last checked against its sources.
    """

    name: str
    unit: Unit
    value: int | Decimal | Money
    since: pendulum.Date
    until: pendulum.Date | None
    region: str | None
    citations: tuple[Citation, ...]
    status: Verification
    note: str
    label_zh: str
    label_en: str
    last_reviewed: pendulum.Date

    def as_int(self) -> int:
        """The value of a ``months/days/hours/count`` parameter."""
        if isinstance(self.value, int):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not an integer unit"
        raise TypeError(msg)

    def as_decimal(self) -> Decimal:
        """The value of a ``ratio/multiple/decibel`` parameter."""
        if isinstance(self.value, Decimal):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not a decimal unit"
        raise TypeError(msg)

    def as_ratio(self) -> Ratio:
        """The value of a ``ratio`` parameter as a :class:`~tradesecret.money.Ratio`."""
        return Ratio(self.as_decimal())

    def as_money(self) -> Money:
        """The value of a ``cny`` parameter."""
        if isinstance(self.value, Money):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not money"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class NoRule(_Sourced):
    """
    A period in which the law had **no such rule** (``absent = true`` in the data).

    This is a legal answer, not a gap in the data: before 2013-02-01 no rule set a
    30 % default non-compete compensation, and a :class:`NoRule` cites what the law
    then was (LCL Art. 23). Domains turn it into a result; they never apply the later
    rule backwards.

    Attributes:
        name: Parameter name.
        unit: The parameter's unit.
        since: First day of the period without the rule.
        until: First day a later entry applies, if any.
        region: Region of the series; ``None`` for national series.
        citations: What the law then was, strongest first. Never empty.
        status: Verification status of the statement that no such rule existed.
        note: What governed instead, open points.
        label_zh: Parameter label in Chinese.
        label_en: Parameter label in English.
        last_reviewed: When the series was last checked against its sources.
    """

    name: str
    unit: Unit
    since: pendulum.Date
    until: pendulum.Date | None
    region: str | None
    citations: tuple[Citation, ...]
    status: Verification
    note: str
    label_zh: str
    label_en: str
    last_reviewed: pendulum.Date


@attrs.frozen(kw_only=True)
class ParameterSeries:
    """
    All dated entries of one parameter for one region (``None`` = national), sorted.

    ``values`` holds the values only (what vectorised callers read); ``absences`` the
    periods with no such rule. :meth:`at` returns ``None`` both before the first entry
    and inside an absent period; :meth:`entry_at` tells them apart.
    """

    name: str
    region: str | None
    values: tuple[ParameterValue, ...]
    absences: tuple[NoRule, ...] = ()
    _entries: tuple[ParameterValue | NoRule, ...] = attrs.field(init=False, eq=False, repr=False)
    _sinces: tuple[pendulum.Date, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        both: list[ParameterValue | NoRule] = [*self.values, *self.absences]
        entries = sorted(both, key=lambda e: e.since)
        object.__setattr__(self, "_entries", tuple(entries))
        object.__setattr__(self, "_sinces", tuple(e.since for e in entries))

    @property
    def entries(self) -> tuple[ParameterValue | NoRule, ...]:
        """Values and absences, by date."""
        return self._entries

    @property
    def first_since(self) -> pendulum.Date:
        """The first day the series covers."""
        return self._sinces[0]

    def entry_at(self, *, as_of: pendulum.Date) -> ParameterValue | NoRule | None:
        """The entry in force on ``as_of``, or ``None`` before the first one."""
        index = bisect.bisect_right(self._sinces, as_of) - 1
        return self._entries[index] if index >= 0 else None

    def at(self, *, as_of: pendulum.Date) -> ParameterValue | None:
        """The value in force on ``as_of``; ``None`` before the first entry or with no rule."""
        entry = self.entry_at(as_of=as_of)
        return entry if isinstance(entry, ParameterValue) else None
