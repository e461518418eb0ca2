"""
The inputs of staged, de-sensitized disclosure: stages, data items, forms, the policy,
suppliers, authorization letters and the project.

Everything here is a frozen, keyword-only attrs class that round-trips through
:mod:`tradesecret.serialization`. Identifiers link the pieces: a data item names the
registry secrets it embodies (``secret_ids``, the ids of
:class:`tradesecret.definition` secrets), a planned release names an item, a letter names
a project, a supplier and an order.
"""

from __future__ import annotations

import enum
import hashlib
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, Final

import attrs
import pendulum

from tradesecret._constraints import SHA256_PATTERN as SHA256
from tradesecret._constraints import declare, matches
from tradesecret._convert import tuple_of
from tradesecret.exceptions import DataFileError, InvalidInputError, Problem
from tradesecret.measures import NdaTier
from tradesecret.supply_chain._common import (
    ID_FIELD,
    TEXT_FIELD,
    check_id,
    collect,
    normalize_dates,
)

#: An enum slot given something else: the type and its values.
_ENUM: Final = "must be a {type} ({allowed})"

__all__ = [
    "DEFAULT_STAGES",
    "AuthorizationLetter",
    "DataItem",
    "DisclosureForm",
    "DisclosurePolicy",
    "FileRef",
    "ItemKind",
    "PlannedRelease",
    "PolicyRule",
    "Sensitivity",
    "StageNdaRequirement",
    "file_ref",
]

#: The default ordered project stages: prototyping (打样), pilot run (试产), mass production (量产).
DEFAULT_STAGES: Final = ("prototyping", "pilot_run", "mass_production")


class ItemKind(enum.Enum):
    """What a data item is (SPC Trade Secret Provisions Art. 1 lists such technical and business information)."""

    DRAWING = "drawing"  # 图纸
    PARAMETER = "parameter"  # 参数
    ALGORITHM = "algorithm"  # 算法
    FIRMWARE = "firmware"  # 固件
    BILL_OF_MATERIALS = "bill_of_materials"  # 物料清单
    PROCESS = "process"  # 工艺
    LAUNCH_PLAN = "launch_plan"  # 上市计划
    OTHER = "other"


class Sensitivity(enum.Enum):
    """Core (核心) or non-core (非核心)."""

    CORE = "core"
    NON_CORE = "non_core"


class DisclosureForm(enum.Enum):
    """
    The form in which an item goes to a supplier.

    ``WITHHOLD`` sends nothing; ``PARTIAL`` sends a reduced view (appearance only, with the
    motor structure hidden); ``CODED`` replaces the real value by a supplier-specific
    internal code ("Runtime Level A" for 2,000 mAh); ``FULL`` sends the item in clear.
    """

    WITHHOLD = "withhold"
    PARTIAL = "partial"
    CODED = "coded"
    FULL = "full"

    @property
    def exposure(self) -> int:
        """0 (nothing sent) to 2 (in clear); partial and coded both expose 1."""
        return _EXPOSURE[self]

    def permits(self, other: DisclosureForm) -> bool:
        """
        True when a policy allowing ``self`` also allows ``other``.

        ``FULL`` allows every form; ``PARTIAL`` and ``CODED`` allow themselves and
        ``WITHHOLD`` (they hide different things, so neither allows the other);
        ``WITHHOLD`` allows only itself.
        """
        if other is DisclosureForm.WITHHOLD or self is DisclosureForm.FULL:
            return True
        return self is other


_EXPOSURE: Final = {
    DisclosureForm.WITHHOLD: 0,
    DisclosureForm.PARTIAL: 1,
    DisclosureForm.CODED: 1,
    DisclosureForm.FULL: 2,
}


def _sha256(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not matches(SHA256, value):
        raise InvalidInputError.single(
            attribute.name, value, "must be a SHA-256 digest: 64 lowercase hex digits"
        )


declare(_sha256, pattern=SHA256)


@attrs.frozen(kw_only=True)
class FileRef:
    """
    One file prepared for an item, in one form (the full drawing, the appearance-only drawing).

    Attributes:
        name: File name as sent.
        sha256: SHA-256 of the file's bytes, 64 lowercase hex digits (see :func:`file_ref`).
        form: The form this file carries; it goes out only when the item is released in it.
    """

    name: str
    sha256: str = attrs.field(validator=_sha256)
    form: DisclosureForm


def file_ref(name: str, content: bytes, form: DisclosureForm) -> FileRef:
    """
    A :class:`FileRef` for ``content`` (the library hashes, the caller reads the file).

    Examples:
        >>> file_ref("a.txt", b"abc", DisclosureForm.FULL).sha256[:12]
        'ba7816bf8f01'
    """
    if not isinstance(content, bytes | bytearray):
        raise InvalidInputError.single("content", type(content).__name__, "must be bytes")
    return FileRef(name=name, sha256=hashlib.sha256(content).hexdigest(), form=form)


@attrs.frozen(kw_only=True)
class DataItem:
    """
    One piece of project data that a supplier may see.

    Attributes:
        id: Item id, unique in the project.
        kind: Drawing, parameter, algorithm, launch plan...
        title: Human title (any language).
        sensitivity: Core or non-core.
        secret_ids: Ids of the registry secrets this item embodies (``tradesecret.definition``).
        real_value: For a parameter, its real value as text (``"2000"``); required to code it.
        unit: Unit of the real value (``"mAh"``).
        code_label: Label placed before the code token (``"Runtime Level"``); defaults to
            the title.
        partial_view: What a partial release shows (``"appearance only"``); required to
            release partially.
        hidden: What a partial release hides (``("motor structure",)``).
        files: The files prepared for the item, one or more per form.
    """

    id: str = attrs.field(metadata=ID_FIELD)
    kind: ItemKind
    title: str = attrs.field(metadata=TEXT_FIELD)
    sensitivity: Sensitivity
    secret_ids: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    real_value: str | None = attrs.field(default=None, metadata=TEXT_FIELD)
    unit: str | None = None
    code_label: str | None = None
    partial_view: str | None = None
    hidden: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    files: tuple[FileRef, ...] = attrs.field(default=(), validator=tuple_of(FileRef))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.id, "id", problems)
        if not isinstance(self.kind, ItemKind):
            problems.append(
                Problem.of("kind", self.kind, _ENUM, type="ItemKind", allowed=list(ItemKind))
            )
        if not isinstance(self.sensitivity, Sensitivity):
            problems.append(
                Problem.of(
                    "sensitivity",
                    self.sensitivity,
                    _ENUM,
                    type="Sensitivity",
                    allowed=list(Sensitivity),
                )
            )
        if not isinstance(self.title, str) or not self.title.strip():
            problems.append(Problem.of("title", self.title, "must be non-empty text"))
        if self.real_value is not None:
            if not isinstance(self.real_value, str) or not self.real_value.strip():
                problems.append(
                    Problem.of("real_value", self.real_value, "must be non-empty text, e.g. '2000'")
                )
            else:
                # the title, code label and partial-view texts travel with every release;
                # a real value inside them would go out in clear with the code
                secret = self.real_value.strip()
                for name, text in (
                    ("title", self.title),
                    ("code_label", self.code_label),
                    ("partial_view", self.partial_view),
                    *((f"hidden[{i}]", h) for i, h in enumerate(self.hidden)),
                ):
                    if isinstance(text, str) and secret in text:
                        problems.append(
                            Problem.of(name, text, "contains the real value, which would leak")
                        )
        collect(problems)

    def supports(self, form: DisclosureForm) -> bool:
        """True when the item can go out in ``form`` (coding needs a real value, partial a view)."""
        if form is DisclosureForm.CODED:
            return self.real_value is not None
        if form is DisclosureForm.PARTIAL:
            return self.partial_view is not None
        return True

    def files_for(self, form: DisclosureForm) -> tuple[FileRef, ...]:
        """The files that carry ``form`` (none for ``WITHHOLD``)."""
        if form is DisclosureForm.WITHHOLD:
            return ()
        return tuple(f for f in self.files if f.form is form)


@attrs.frozen(kw_only=True)
class PolicyRule:
    """
    The most revealing form allowed for matching items at one stage.

    ``sensitivity``, ``kind`` and ``item_id`` left ``None`` match every item. The most
    specific matching rule wins (a rule for one item beats every rule by kind or
    sensitivity), and among equally specific rules the least revealing.

    Attributes:
        stage: The stage.
        form: The most revealing form allowed.
        sensitivity: Only items of this sensitivity.
        kind: Only items of this kind.
        item_id: Only this item (a decision for one item, e.g. a drawing whose appearance
            is already public).
    """

    stage: str
    form: DisclosureForm
    sensitivity: Sensitivity | None = None
    kind: ItemKind | None = None
    item_id: str | None = None

    @property
    def specificity(self) -> int:
        """1 for each of ``sensitivity`` and ``kind`` the rule fixes, 3 for an item rule."""
        if self.item_id is not None:
            return 3
        return (self.sensitivity is not None) + (self.kind is not None)

    def matches(self, stage: str, item: DataItem) -> bool:
        """True when the rule applies to ``item`` at ``stage``."""
        return (
            self.stage == stage
            and (self.item_id is None or self.item_id == item.id)
            and (self.sensitivity is None or self.sensitivity is item.sensitivity)
            and (self.kind is None or self.kind is item.kind)
        )


@attrs.frozen(kw_only=True)
class StageNdaRequirement:
    """
    The NDA a supplier must have signed before it receives anything at ``stage``.

    Attributes:
        stage: Project stage.
        tier: Required NDA tier (a higher tier also qualifies).
    """

    stage: str
    tier: NdaTier


@attrs.frozen(kw_only=True)
class DisclosurePolicy:
    """
    What each stage may release, and what must be in place first.

    The default (:meth:`default`) is the library's own policy, cited as
    ``tradesecret-policy@2026-11-21``; replace it with your own
    (:meth:`from_toml`, or build the rules directly).

    Attributes:
        rules: Per stage, sensitivity and kind, the most revealing form allowed. An item no
            rule matches is withheld.
        nda: The NDA tier required at each stage. A stage not listed still requires a
            signed NDA (of any tier) when ``nda_always_required``.
        nda_always_required: Require a signed NDA before any release at any stage.
        letter_stages: Stages at which a release needs a data-use authorization letter
            limiting use to the named order (default: mass production).
    """

    rules: tuple[PolicyRule, ...] = attrs.field(validator=tuple_of(PolicyRule))
    nda: tuple[StageNdaRequirement, ...] = attrs.field(
        default=(), validator=tuple_of(StageNdaRequirement)
    )
    nda_always_required: bool = True
    letter_stages: tuple[str, ...] = attrs.field(
        default=("mass_production",), validator=tuple_of(str)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[tuple[str, Sensitivity | None, ItemKind | None, str | None]] = set()
        for i, rule in enumerate(self.rules):
            key = (rule.stage, rule.sensitivity, rule.kind, rule.item_id)
            if key in seen:
                problems.append(Problem.of(f"rules[{i}]", key, "duplicate rule for this scope"))
            seen.add(key)
        stages = [n.stage for n in self.nda]
        if len(stages) != len(set(stages)):
            problems.append(Problem.of("nda", stages, "one NDA requirement per stage"))
        collect(problems)

    def allowed(self, stage: str, item: DataItem) -> tuple[DisclosureForm, PolicyRule | None]:
        """The most revealing form allowed for ``item`` at ``stage``, and the rule that says so."""
        matching = [r for r in self.rules if r.matches(stage, item)]
        if not matching:
            return DisclosureForm.WITHHOLD, None
        best = max(r.specificity for r in matching)
        winners = sorted(
            (r for r in matching if r.specificity == best), key=lambda r: r.form.exposure
        )
        return winners[0].form, winners[0]

    def nda_tier(self, stage: str) -> NdaTier | None:
        """The NDA tier required at ``stage``, if the policy names one."""
        for requirement in self.nda:
            if requirement.stage == stage:
                return requirement.tier
        return None

    def stages(self) -> frozenset[str]:
        """Every stage the policy mentions."""
        return frozenset(
            [r.stage for r in self.rules] + [n.stage for n in self.nda] + list(self.letter_stages)
        )

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<policy>") -> DisclosurePolicy:
        """
        Read a policy::

            nda_always_required = true
            letter_stages = ["mass_production"]

            [[nda]]
            stage = "prototyping"
            tier = "important"

            [[rule]]
            stage = "prototyping"
            sensitivity = "core"      # optional
            kind = "parameter"        # optional
            item_id = "battery"       # optional: a rule for one item
            form = "coded"

        Raises:
            DataFileError: listing every problem.
        """
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            # the position only (Python < 3.14 has it in the text alone), not the parser's words
            at = _TOML_AT.search(str(exc))
            line, column = at.groups() if at else ("?", "?")
            where = Problem.of(
                "<toml>", "", "not TOML (line {line}, column {column})", line=line, column=column
            )
            raise DataFileError(source, [where]) from None
        problems: list[Problem] = []
        for key in sorted(set(data) - {"nda_always_required", "letter_stages", "nda", "rule"}):
            problems.append(Problem.of(key, data[key], "unknown key"))
        rules = _policy_rules(data.get("rule", []), problems)
        ndas = _policy_ndas(data.get("nda", []), problems)
        always = data.get("nda_always_required", True)
        if not isinstance(always, bool):
            problems.append(Problem.of("nda_always_required", always, "expected true or false"))
        if problems:
            raise DataFileError(source, problems)
        try:
            return cls(
                rules=tuple(rules),
                nda=tuple(ndas),
                nda_always_required=always is True,
                letter_stages=tuple(data.get("letter_stages", ["mass_production"])),
            )
        except InvalidInputError as exc:
            raise DataFileError(source, exc.problems) from None

    @classmethod
    def default(cls) -> DisclosurePolicy:
        """The library's default policy (``default_policy.toml`` in this package), read once."""
        return _default_policy()


@lru_cache(maxsize=1)
def _default_policy() -> DisclosurePolicy:
    text = (resources.files("tradesecret.supply_chain") / "default_policy.toml").read_text("utf-8")
    return DisclosurePolicy.from_toml(text, source="default_policy.toml")


@attrs.frozen(kw_only=True)
class PlannedRelease:
    """
    One line of the brand's disclosure plan: release ``item_id`` at ``stage`` in ``form``.

    Attributes:
        stage: Project stage.
        item_id: The data item.
        form: The form planned.
        supplier_id: Only for this supplier; ``None`` for every supplier. A supplier-specific
            line wins over a general one.
    """

    stage: str = attrs.field(metadata=ID_FIELD)
    item_id: str = attrs.field(metadata=ID_FIELD)
    form: DisclosureForm
    supplier_id: str | None = attrs.field(default=None, metadata=ID_FIELD)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.stage, "stage", problems)
        check_id(self.item_id, "item_id", problems)
        if not isinstance(self.form, DisclosureForm):
            problems.append(
                Problem.of(
                    "form", self.form, _ENUM, type="DisclosureForm", allowed=list(DisclosureForm)
                )
            )
        if self.supplier_id is not None:
            check_id(self.supplier_id, "supplier_id", problems)
        collect(problems)


@attrs.frozen(kw_only=True)
class AuthorizationLetter:
    """
    A data-use authorization letter (数据使用授权书): the supplier may use the data only for
    the named order.

    Attributes:
        id: Letter reference.
        project_id: The project whose data it covers.
        supplier_id: The supplier it authorizes.
        order_id: The order the use is limited to.
        issued_on: Date the brand issued it.
        countersigned_on: Date the supplier signed it; ``None`` while unsigned.
        valid_until: Last day of validity, if limited.
        use_limited_to_order: The letter limits use to the named order (the point of it).
    """

    id: str
    project_id: str
    supplier_id: str
    order_id: str
    issued_on: pendulum.Date
    countersigned_on: pendulum.Date | None = None
    valid_until: pendulum.Date | None = None
    use_limited_to_order: bool = True

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("id", "project_id", "supplier_id", "order_id"):
            check_id(getattr(self, name), name, problems)
        normalize_dates(self, ("issued_on", "countersigned_on", "valid_until"), problems)
        issued = self.issued_on if isinstance(self.issued_on, pendulum.Date) else None
        for name in ("countersigned_on", "valid_until"):
            other = getattr(self, name)
            if issued is not None and isinstance(other, pendulum.Date) and other < issued:
                problems.append(Problem.of(name, other, "before issued_on"))
        collect(problems)

    def in_force_on(self, day: pendulum.Date) -> bool:
        """Countersigned on or before ``day`` and not expired."""
        if self.countersigned_on is None or self.countersigned_on > day:
            return False
        return self.valid_until is None or day <= self.valid_until


_TOML_AT: Final = re.compile(r"line (\d+), column (\d+)")


def _policy_rules(rows: object, problems: list[Problem]) -> list[PolicyRule]:
    """The ``[[rule]]`` tables of a policy file; each bad one is a problem."""
    rules: list[PolicyRule] = []
    for i, raw in enumerate(rows if isinstance(rows, list) else [rows]):
        path = f"rule[{i}]"
        if not isinstance(raw, dict):
            problems.append(Problem.of(path, raw, "expected a table"))
            continue
        for key in sorted(set(raw) - {"stage", "sensitivity", "kind", "item_id", "form"}):
            problems.append(Problem.of(f"{path}.{key}", raw[key], "unknown key"))
        try:
            rules.append(
                PolicyRule(
                    stage=raw["stage"],
                    form=DisclosureForm(raw["form"]),
                    sensitivity=Sensitivity(raw["sensitivity"]) if "sensitivity" in raw else None,
                    kind=ItemKind(raw["kind"]) if "kind" in raw else None,
                    item_id=raw.get("item_id"),
                )
            )
        except KeyError as exc:
            problems.append(
                Problem.of(path, raw, "bad rule: {field} is missing", field=str(exc.args[0]))
            )
        except InvalidInputError as exc:  # before ValueError, its base
            problems += [p.at(f"{path}.{p.path}") for p in exc.problems]
        except ValueError:
            problems.append(
                Problem.of(path, raw, "bad rule: a form, sensitivity or kind not known")
            )
    return rules


def _policy_ndas(rows: object, problems: list[Problem]) -> list[StageNdaRequirement]:
    """The ``[[nda]]`` tables of a policy file; each bad one is a problem."""
    ndas: list[StageNdaRequirement] = []
    for i, raw in enumerate(rows if isinstance(rows, list) else [rows]):
        if not isinstance(raw, dict) or set(raw) != {"stage", "tier"}:
            problems.append(Problem.of(f"nda[{i}]", raw, "needs exactly 'stage' and 'tier'"))
            continue
        try:
            ndas.append(StageNdaRequirement(stage=raw["stage"], tier=NdaTier(raw["tier"])))
        except InvalidInputError as exc:  # before ValueError, its base
            problems += [p.at(f"nda[{i}].{p.path}") for p in exc.problems]
        except ValueError:
            problems.append(
                Problem.of(
                    f"nda[{i}].tier",
                    raw["tier"],
                    "expected one of {allowed}",
                    allowed=[t.value for t in NdaTier],
                )
            )
    return ndas
