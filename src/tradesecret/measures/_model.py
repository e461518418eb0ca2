"""
Confidentiality measures, tiered non-disclosure agreements and exit procedures.

:class:`MeasureKind` maps every kind of measure to the item of SPC 法释〔2020〕7号
Art. 6 it falls under (items 1-7); :attr:`MeasureKind.item` gives the number.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from tradesecret._convert import check_id as _check_id
from tradesecret._convert import date_field as _date
from tradesecret._convert import exact, fact_bool, tuple_of
from tradesecret._convert import optional_date_field as _opt_date
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money

if TYPE_CHECKING:  # the definition package imports this module; no runtime cycle
    from tradesecret.definition._model import ClassificationTier

__all__ = [
    "MEASURE_ITEMS",
    "ConfidentialityMeasure",
    "ExitProcedure",
    "LiquidatedDamages",
    "MeasureItem",
    "MeasureKind",
    "NdaScopeItem",
    "NdaTier",
    "NonDisclosureAgreement",
    "PartnerNonCompete",
    "PartyKind",
    "ScopeCategory",
    "StepStatus",
]


class MeasureKind(enum.Enum):
    """A kind of confidentiality measure; :attr:`item` is its SPC 2020 Art. 6 item."""

    # item 1: 签订保密协议或者在合同中约定保密义务
    CONFIDENTIALITY_AGREEMENT = "confidentiality_agreement"
    CONTRACT_CLAUSE = "contract_clause"
    # item 2 (paraphrase): 通过章程、培训、规章制度、书面告知等方式提出保密要求
    ARTICLES_OF_ASSOCIATION = "articles_of_association"
    RULES = "rules"
    TRAINING = "training"
    WRITTEN_NOTICE = "written_notice"
    # item 3 (paraphrase): 涉密场所限制来访者或者进行区分管理
    RESTRICTED_PREMISES = "restricted_premises"
    VISITOR_CONTROL = "visitor_control"
    # item 4 (paraphrase): 标记、分类、隔离、加密、封存、限制能够接触或者获取的人员范围
    MARKING = "marking"
    CLASSIFICATION = "classification"
    ISOLATION = "isolation"
    ENCRYPTION = "encryption"
    SEALING = "sealing"
    NEED_TO_KNOW = "need_to_know"
    # item 5 (paraphrase): 对计算机设备、电子设备、网络设备、存储设备、软件等禁止或者限制使用、访问、存储、复制
    DEVICE_RESTRICTION = "device_restriction"
    NETWORK_RESTRICTION = "network_restriction"
    STORAGE_RESTRICTION = "storage_restriction"
    SOFTWARE_RESTRICTION = "software_restriction"
    # item 6: 要求离职员工登记、返还、清除、销毁……继续承担保密义务
    EXIT_PROCEDURE = "exit_procedure"
    # item 7: 采取其他合理保密措施
    OTHER = "other"

    @property
    def item(self) -> int:
        """The SPC 2020 Art. 6 item (1-7)."""
        return _MEASURE_ITEM[self]

    @property
    def item_2007(self) -> int:
        """The 法释〔2007〕2号 Art. 11(3) item (1-7) the kind falls under (7: other measures)."""
        return _MEASURE_ITEM_2007.get(self, 7)


@attrs.frozen(kw_only=True)
class MeasureItem:
    """
    One item of 法释〔2020〕7号 Art. 6(1), quoted, with the kinds this library maps to it.

    Attributes:
        item: The item number (1-7).
        kinds: The measure kinds that fall under it.
        clause: The item's text.
        cite: Its citation id.
    """

    item: int
    kinds: tuple[MeasureKind, ...]
    clause: str
    cite: str


_SPC: Final = "spc-ts@2020-09-10"

#: 法释〔2020〕7号 Art. 6(1) (from 2020-09-12): 「具有下列情形之一，在正常情况下足以防止商业秘密泄露的，人民法院
#: 应当认定权利人采取了相应保密措施」 -- item by item.
MEASURE_ITEMS: Final = (
    MeasureItem(item=1, cite=f"{_SPC}:6.1.1",
                kinds=(MeasureKind.CONFIDENTIALITY_AGREEMENT, MeasureKind.CONTRACT_CLAUSE),
                clause="签订保密协议或者在合同中约定保密义务的"),
    MeasureItem(item=2, cite=f"{_SPC}:6.1.2",
                kinds=(MeasureKind.ARTICLES_OF_ASSOCIATION, MeasureKind.RULES, MeasureKind.TRAINING,
                       MeasureKind.WRITTEN_NOTICE),
                clause="通过章程、培训、规章制度、书面告知等方式，"
                       "对能够接触、获取商业秘密的员工、前员工、供应商、客户、来访者等提出保密要求的"),
    MeasureItem(item=3, cite=f"{_SPC}:6.1.3",
                kinds=(MeasureKind.RESTRICTED_PREMISES, MeasureKind.VISITOR_CONTROL),
                clause="对涉密的厂房、车间等生产经营场所限制来访者或者进行区分管理的"),
    MeasureItem(item=4, cite=f"{_SPC}:6.1.4",
                kinds=(MeasureKind.MARKING, MeasureKind.CLASSIFICATION, MeasureKind.ISOLATION,
                       MeasureKind.ENCRYPTION, MeasureKind.SEALING, MeasureKind.NEED_TO_KNOW),
                clause="以标记、分类、隔离、加密、封存、限制能够接触或者获取的人员范围等方式，"
                       "对商业秘密及其载体进行区分和管理的"),
    MeasureItem(item=5, cite=f"{_SPC}:6.1.5",
                kinds=(MeasureKind.DEVICE_RESTRICTION, MeasureKind.NETWORK_RESTRICTION,
                       MeasureKind.STORAGE_RESTRICTION, MeasureKind.SOFTWARE_RESTRICTION),
                clause="对能够接触、获取商业秘密的计算机设备、电子设备、网络设备、存储设备、软件等，"
                       "采取禁止或者限制使用、访问、存储、复制等措施的"),
    MeasureItem(item=6, cite=f"{_SPC}:6.1.6", kinds=(MeasureKind.EXIT_PROCEDURE,),
                clause="要求离职员工登记、返还、清除、销毁其接触或者获取的商业秘密及其载体，继续承担保密义务的"),
    MeasureItem(item=7, cite=f"{_SPC}:6.1.7", kinds=(MeasureKind.OTHER,), clause="采取其他合理保密措施的"),
)  # fmt: skip

_MEASURE_ITEM: Final = {kind: row.item for row in MEASURE_ITEMS for kind in row.kinds}

# 法释〔2007〕2号 Art. 11(3) (2007-02-01 to 2022-03-19): （一）限定涉密信息的知悉范围，只对必须知悉的相关人员
# 告知其内容；（二）对于涉密信息载体采取加锁等防范措施；（三）在涉密信息的载体上标有保密标志；（四）对于涉密信息
# 采用密码或者代码等；（五）签订保密协议；（六）对于涉密的机器、厂房、车间等场所限制来访者或者提出保密要求；
# （七）确保信息秘密的其他合理措施。 Kinds the 2007 list does not name fall under item 7.
_MEASURE_ITEM_2007: Final = {
    MeasureKind.NEED_TO_KNOW: 1,
    MeasureKind.SEALING: 2,
    MeasureKind.ISOLATION: 2,
    MeasureKind.MARKING: 3,
    MeasureKind.ENCRYPTION: 4,
    MeasureKind.CONFIDENTIALITY_AGREEMENT: 5,
    MeasureKind.CONTRACT_CLAUSE: 5,
    MeasureKind.RESTRICTED_PREMISES: 6,
    MeasureKind.VISITOR_CONTROL: 6,
}

#: A representative kind per Art. 6 item, used when a plan proposes a measure.
ITEM_DEFAULT_KIND: Final = {
    1: MeasureKind.CONFIDENTIALITY_AGREEMENT,
    2: MeasureKind.RULES,
    3: MeasureKind.RESTRICTED_PREMISES,
    4: MeasureKind.CLASSIFICATION,
    5: MeasureKind.DEVICE_RESTRICTION,
    6: MeasureKind.EXIT_PROCEDURE,
    7: MeasureKind.OTHER,
}


def _fact_strings(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not UNKNOWN:
        tuple_of(str)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class ConfidentialityMeasure:
    """
    One confidentiality measure, its scope, period and proof.

    Attributes:
        id: Identifier.
        kind: What kind of measure (mapped to an Art. 6 item).
        start: First day in force.
        end: Last day in force (inclusive); ``None`` while in force.
        secret_ids: The secrets it protects specifically.
        all_secrets: True for a company-wide measure covering every secret.
        people: Persons or groups bound by it.
        areas: Premises, systems or networks it covers.
        evidence: Ids of the evidence that it was in force (signed copies, attendance
            sheets, access-control logs, screenshots); ``UNKNOWN`` when not stated (``()``
            is "stated: none").
        identifies_secret: True when the measure itself names or defines the protected
            secret (correspondence, SPC 2020 Art. 5(2)); a generic "all confidential
            information" clause does not. ``UNKNOWN`` when not stated.
        description: Free text.
    """

    id: str = attrs.field(validator=_check_id)
    kind: MeasureKind
    start: pendulum.Date = attrs.field(converter=_date)
    end: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    secret_ids: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    all_secrets: bool = False
    people: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    areas: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    evidence: Fact[tuple[str, ...]] = attrs.field(default=UNKNOWN, validator=_fact_strings)
    identifies_secret: Fact[bool] = attrs.field(default=UNKNOWN, validator=fact_bool)
    description: str = ""

    @property
    def item(self) -> int:
        """The SPC 2020 Art. 6 item."""
        return self.kind.item

    def applies_to(self, secret_id: str) -> bool:
        """True when the measure covers ``secret_id`` (specifically or company-wide)."""
        return self.all_secrets or secret_id in self.secret_ids

    def in_force_on(self, day: pendulum.Date) -> bool:
        """True when ``start <= day <= end``."""
        return self.start <= day and (self.end is None or day <= self.end)


class NdaTier(enum.Enum):
    """
    The tier of a non-disclosure agreement, matching the secrets it may cover.

    A ``CORE`` agreement may cover secrets of any tier; an ``IMPORTANT`` one, important
    and ordinary secrets; an ``ORDINARY`` one, ordinary secrets only (library convention).
    """

    CORE = "core"
    IMPORTANT = "important"
    ORDINARY = "ordinary"

    @property
    def rank(self) -> int:
        """2, 1, 0."""
        return {"core": 2, "important": 1, "ordinary": 0}[self.value]

    def covers(self, tier: ClassificationTier) -> bool:
        """True when this NDA tier is high enough for a secret of ``tier``."""
        return self.rank >= tier.rank

    @classmethod
    def for_secret(cls, tier: ClassificationTier) -> NdaTier:
        """The NDA tier matching a classification tier."""
        return cls(tier.value)


class PartyKind(enum.Enum):
    """Who signs the NDA with the holder."""

    EMPLOYEE = "employee"
    SUPPLIER = "supplier"
    CUSTOMER = "customer"
    CONTRACTOR = "contractor"
    OTHER_PARTNER = "other_partner"

    @property
    def is_employee(self) -> bool:
        """True for employees (labour law governs their non-competes)."""
        return self is PartyKind.EMPLOYEE


class ScopeCategory(enum.Enum):
    """A category of confidential scope item in an NDA."""

    DESIGN_DRAWINGS = "design_drawings"  # 设计图纸（含公差数据）
    FUNCTIONAL_PARAMETERS = "functional_parameters"  # 功能参数
    ALGORITHMS = "algorithms"  # 算法
    SOURCE_CODE = "source_code"
    PROCESS = "process"  # 工艺
    FORMULA = "formula"  # 配方
    LAUNCH_PLANS = "launch_plans"  # 上市计划（含里程碑）
    CUSTOMER_INFORMATION = "customer_information"
    PRICING = "pricing"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class NdaScopeItem:
    """
    One item of the confidential scope of an NDA.

    An item is *defined* when it names registered secrets, or when it has a description
    and at least one concrete detail (e.g. "tolerance data", "milestones"); a bare
    "all confidential information" is not.

    Attributes:
        category: What kind of information.
        description: What it covers.
        details: Concrete elements (e.g. ``("tolerance data",)``).
        secret_ids: Registered secrets it covers.
    """

    category: ScopeCategory
    description: str = ""
    details: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    secret_ids: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    @property
    def defined(self) -> bool:
        """True when the item identifies what is confidential (see the class docstring)."""
        return bool(self.secret_ids) or (bool(self.description.strip()) and bool(self.details))


@attrs.frozen(kw_only=True)
class PartnerNonCompete:
    """
    A partner's promise not to make similar products for competing brands.

    Attributes:
        products: The restricted products ("similar products for competing brands in the
            same category").
        category: The product category.
        months: The restricted period.
        region: The region, if limited.
    """

    products: str
    category: str = ""
    months: int = attrs.field(validator=attrs.validators.ge(0))
    region: str = ""


@attrs.frozen(kw_only=True)
class LiquidatedDamages:
    """
    Agreed damages for a leak: a multiple of the estimated loss, with a floor.

    Attributes:
        multiple: Multiple of the estimated loss (e.g. ``Decimal("3")``).
        estimated_loss: The loss estimate the multiple applies to, if agreed.
        floor: Minimum amount.
        fixed: A fixed amount instead of (or besides) a multiple.
    """

    multiple: Decimal | None = attrs.field(default=None, validator=exact(Decimal, optional=True))
    estimated_loss: Money | None = attrs.field(default=None, validator=exact(Money, optional=True))
    floor: Money | None = attrs.field(default=None, validator=exact(Money, optional=True))
    fixed: Money | None = attrs.field(default=None, validator=exact(Money, optional=True))

    def amount(self) -> Money | None:
        """
        The agreed amount where it can be computed: the larger of ``multiple x loss``,
        ``floor`` and ``fixed`` (whichever are given); ``None`` if none is. Not rounded.
        """
        candidates: list[Money] = []
        if self.multiple is not None and self.estimated_loss is not None:
            candidates.append(self.estimated_loss * self.multiple)
        if self.floor is not None:
            candidates.append(self.floor)
        if self.fixed is not None:
            candidates.append(self.fixed)
        return max(candidates, key=lambda m: m.amount) if candidates else None


@attrs.frozen(kw_only=True)
class NonDisclosureAgreement:
    """
    A tiered non-disclosure agreement with an employee or a partner.

    Attributes:
        id: Identifier.
        tier: Its tier (which secrets it may cover).
        party: The counterparty.
        party_kind: Employee, supplier, customer...
        signed: Day signed (in force from then).
        duration_months: Confidentiality period from signing; ``None`` = until the
            information becomes public.
        scope: The confidential scope items.
        noncompete: A partner non-compete clause, if any.
        damages: Liquidated damages, if agreed.
        verifier: The designated third-party verifier of leaks, if any.
        evidence: Ids of the signed copies.
    """

    id: str = attrs.field(validator=_check_id)
    tier: NdaTier
    party: str
    party_kind: PartyKind
    signed: pendulum.Date = attrs.field(converter=_date)
    duration_months: int | None = None
    scope: tuple[NdaScopeItem, ...] = attrs.field(default=(), validator=tuple_of(NdaScopeItem))
    noncompete: PartnerNonCompete | None = None
    damages: LiquidatedDamages | None = None
    verifier: str | None = None
    evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def secret_ids(self) -> tuple[str, ...]:
        """Every secret id named in the scope, in order, without repeats."""
        return tuple(dict.fromkeys(s for item in self.scope for s in item.secret_ids))


class StepStatus(enum.Enum):
    """An exit step stated as not done (a date says it was done; ``UNKNOWN``, not stated)."""

    NOT_DONE = "not_done"


def _step(value: object) -> Fact[pendulum.Date | StepStatus]:
    """
    Converter of an exit step: ``UNKNOWN`` (not stated), :attr:`StepStatus.NOT_DONE` or its
    value ``"not_done"``, a date (``pendulum.Date``, ``datetime.date`` or ISO text). In the
    Python API ``None`` is read as *not done* (what it meant before facts could be left
    unstated); in a case file ``null`` or a left-out field is *not stated*.
    """
    if value is UNKNOWN:
        return UNKNOWN
    if value is None or value is StepStatus.NOT_DONE or value == StepStatus.NOT_DONE.value:
        return StepStatus.NOT_DONE
    return _date(value)


@attrs.frozen(kw_only=True)
class ExitProcedure:
    """
    What was done when an employee left (SPC 2020 Art. 6 item 6).

    Each step (``registered_on``, ``reminder_on``, ``access_revoked_on``) has three states:
    a date (done that day), :attr:`StepStatus.NOT_DONE` (stated as not done; ``None`` in
    Python means the same) and ``UNKNOWN`` (not stated, the default). A step not stated
    leaves its criterion undetermined with an open rule naming the field, unless every
    answer gives the same outcome.

    Attributes:
        person: The departing person (as in the registry).
        last_day: The last day of employment.
        registered_on: Day the secrets and carriers the person accessed were registered
            (登记), or not done, or not stated.
        returned: Carrier ids returned (返还).
        destroyed: Carrier ids erased or destroyed (清除、销毁).
        reminder_on: Day of the reminder of continuing confidentiality obligations, or not
            done, or not stated.
        reminder_written: True when that reminder was in writing, False when it was oral
            only (``UNKNOWN``: not stated; read only where a reminder was given).
        access_revoked_on: Day system and premises access was revoked, or not done, or not
            stated.
        carriers_held: Carrier ids the person held besides those recorded on registry grants.
        evidence: Ids of the exit documents (checklist, signed acknowledgement).
    """

    person: str = attrs.field(validator=_check_id)
    last_day: pendulum.Date = attrs.field(converter=_date)
    registered_on: Fact[pendulum.Date | StepStatus] = attrs.field(default=UNKNOWN, converter=_step)
    returned: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    destroyed: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    reminder_on: Fact[pendulum.Date | StepStatus] = attrs.field(default=UNKNOWN, converter=_step)
    reminder_written: Fact[bool] = attrs.field(default=UNKNOWN, validator=fact_bool)
    access_revoked_on: Fact[pendulum.Date | StepStatus] = attrs.field(
        default=UNKNOWN, converter=_step
    )
    carriers_held: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
