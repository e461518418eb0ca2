"""
The description of a trade secret: what it is, where it lives, where it came from.

The types here are plain frozen records. They say nothing about whether the
information *qualifies*; that is :func:`tradesecret.definition.assess_trade_secret`.

Vocabulary follows SPC 法释〔2020〕7号 (the SPC Trade Secret Provisions 2020):

* Art. 1(1) technical information, Art. 1(2) business information and Art. 1(3)
  customer information -- :class:`SecretKind` and :class:`SecretSubtype`;
* Art. 4(1) items 1-5, the situations in which information may be found publicly
  known -- :class:`ExposureKind`;
* Art. 7 value, including stage results -- :class:`ValueKind`.
"""

from __future__ import annotations

import enum
import hashlib
from typing import Final

import attrs
import pendulum

from tradesecret._constraints import SHA256_PATTERN, declare, matches
from tradesecret._convert import check_id as _check_id
from tradesecret._convert import date_field as _date
from tradesecret._convert import exact, tuple_of
from tradesecret._convert import optional_date_field as _opt_date
from tradesecret.definition._facts import fact_bool, fact_date, fact_tuple_of
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money

__all__ = [
    "PUBLIC_KNOWLEDGE_ITEMS",
    "Carrier",
    "CarrierKind",
    "ClassificationTier",
    "CustomerElement",
    "CustomerInformation",
    "ExposureKind",
    "FormationKind",
    "FormationRecord",
    "ListedItem",
    "PublicExposure",
    "SecretKind",
    "SecretPoint",
    "SecretSubtype",
    "TradeSecret",
    "ValueEvidence",
    "ValueKind",
    "content_hash",
]


def _check_sha256(
    _instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not matches(SHA256_PATTERN, value):
        raise InvalidInputError.single(
            attribute.name, value, "must be 64 lowercase hex digits (SHA-256)"
        )


declare(_check_sha256, pattern=SHA256_PATTERN)


def content_hash(content: bytes) -> str:
    """
    The SHA-256 of ``content`` as 64 lowercase hex digits, the form :class:`Carrier` stores.

    Examples:
        >>> content_hash(b"sintering SOP v7")[:16]
        '4abdaad13d0ba76b'
    """
    if not isinstance(content, bytes | bytearray | memoryview):
        raise InvalidInputError.single("content", content, "expected bytes")
    return hashlib.sha256(content).hexdigest()


class SecretKind(enum.Enum):
    """The kind of commercial information (AUCL 2019 Art. 9(4); SPC 2020 Art. 1)."""

    TECHNICAL = "technical"  # 技术信息, SPC Art. 1(1)
    BUSINESS = "business"  # 经营信息, SPC Art. 1(2)
    CUSTOMER_INFORMATION = "customer_information"  # 客户信息, SPC Art. 1(2)-(3)
    OTHER = "other"  # 其他商业信息 ("技术信息、经营信息等商业信息")


class SecretSubtype(enum.Enum):
    """
    The sub-types SPC 2020 Art. 1 lists (the lists are open: "等").

    The value is ``<kind>.<subtype>``; :attr:`kind` gives the :class:`SecretKind`.
    """

    # Art. 1(1) technical information
    STRUCTURE = "technical.structure"  # 结构
    RAW_MATERIAL = "technical.raw_material"  # 原料
    COMPONENT = "technical.component"  # 组分
    FORMULA = "technical.formula"  # 配方
    MATERIAL = "technical.material"  # 材料
    TECHNICAL_SAMPLE = "technical.sample"  # 样品
    STYLE = "technical.style"  # 样式
    PLANT_PROPAGATING_MATERIAL = "technical.plant_propagating_material"  # 植物新品种繁殖材料
    PROCESS = "technical.process"  # 工艺
    METHOD = "technical.method"  # 方法或其步骤
    ALGORITHM = "technical.algorithm"  # 算法
    TECHNICAL_DATA = "technical.data"  # 数据
    COMPUTER_PROGRAM = "technical.computer_program"  # 计算机程序及其有关文档
    # Art. 1(2) business information
    IDEA = "business.idea"  # 创意
    MANAGEMENT = "business.management"  # 管理
    SALES = "business.sales"  # 销售
    FINANCIAL = "business.financial"  # 财务
    PLAN = "business.plan"  # 计划
    BUSINESS_SAMPLE = "business.sample"  # 样本
    BIDDING_MATERIAL = "business.bidding_material"  # 招投标材料
    BUSINESS_DATA = "business.data"  # 数据
    # Art. 1(2)-(3) customer information
    CUSTOMER_LIST = "customer_information.customer_list"  # 客户名称、地址、联系方式
    CUSTOMER_TRADING = "customer_information.trading"  # 交易习惯、意向、内容
    # anything else
    OTHER = "other.other"

    @property
    def kind(self) -> SecretKind:
        """The kind this sub-type belongs to."""
        return SecretKind(self.value.split(".", 1)[0])


class ClassificationTier(enum.Enum):
    """The holder's internal classification of a secret: core, important, ordinary (核心/重要/一般)."""

    CORE = "core"
    IMPORTANT = "important"
    ORDINARY = "ordinary"

    @property
    def rank(self) -> int:
        """2 for ``CORE``, 1 for ``IMPORTANT``, 0 for ``ORDINARY``."""
        return {"core": 2, "important": 1, "ordinary": 0}[self.value]

    def at_least(self, other: ClassificationTier) -> bool:
        """True when this tier is ``other`` or higher."""
        return self.rank >= other.rank


class CarrierKind(enum.Enum):
    """What a carrier (载体) of the secret is."""

    DOCUMENT = "document"
    SOURCE_CODE = "source_code"
    DRAWING = "drawing"
    SAMPLE = "sample"
    DATABASE = "database"
    EQUIPMENT = "equipment"
    MEDIA = "media"  # removable storage, backups
    OTHER = "other"

    @property
    def physical(self) -> bool:
        """True for carriers that exist as objects (samples, equipment, removable media)."""
        return self in (CarrierKind.SAMPLE, CarrierKind.EQUIPMENT, CarrierKind.MEDIA)


@attrs.frozen(kw_only=True)
class Carrier:
    """
    A carrier of the secret: a document, a repository, a drawing, a sample.

    Attributes:
        id: Identifier, unique within the registry.
        kind: What it is.
        description: What it contains.
        location: Where it is kept (a path, a vault, a workshop).
        sha256: SHA-256 of its content at registration (64 lowercase hex digits), if any.
        registered: The day it was registered.
    """

    id: str = attrs.field(validator=_check_id)
    kind: CarrierKind
    description: str = ""
    location: str = ""
    sha256: str | None = attrs.field(default=None, validator=_check_sha256)
    registered: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)

    def matches(self, content: bytes) -> bool | None:
        """
        True when ``content`` hashes to :attr:`sha256`, False when it does not, ``None``
        when no hash was registered. The caller reads the bytes; this library does no I/O.
        """
        if self.sha256 is None:
            return None
        return content_hash(content) == self.sha256


class FormationKind(enum.Enum):
    """A record in the chain that proves the origin and ownership of the secret."""

    RD_LOG = "rd_log"  # 研发记录
    LAB_NOTEBOOK = "lab_notebook"  # 实验记录
    COMMIT = "commit"  # 代码提交
    DESIGN_REVIEW = "design_review"  # 设计评审
    TEST_REPORT = "test_report"  # 测试报告
    ASSIGNMENT = "assignment"  # 权属约定 / 职务成果归属
    PURCHASE = "purchase"  # 受让 / 许可取得
    OTHER = "other"


@attrs.frozen(kw_only=True)
class FormationRecord:
    """
    One link in the formation chain (R&D log, commit, design review...).

    Attributes:
        id: Identifier.
        kind: What kind of record.
        on: The day it was made.
        description: What it shows.
        author: Who made it.
        carrier_id: The carrier holding the record, if registered.
        sha256: Content hash (e.g. a commit's tree hash re-hashed, a scanned log), if any.
    """

    id: str = attrs.field(validator=_check_id)
    kind: FormationKind
    on: pendulum.Date = attrs.field(converter=_date)
    description: str = ""
    author: str | None = None
    carrier_id: str | None = None
    sha256: str | None = attrs.field(default=None, validator=_check_sha256)


class ValueKind(enum.Enum):
    """Evidence of commercial value (SPC 2020 Art. 7; cf. the Art. 19 factors)."""

    RD_COST = "rd_cost"  # 研发成本
    REVENUE = "revenue"  # 实施收益
    COST_SAVING = "cost_saving"  # 降本增效
    LICENCE_FEE = "licence_fee"  # 许可使用费
    COMPETITIVE_ADVANTAGE = "competitive_advantage"  # 竞争优势
    VALUATION = "valuation"  # 评估报告
    STAGE_RESULT = "stage_result"  # 阶段性成果, Art. 7(2)
    OTHER = "other"


@attrs.frozen(kw_only=True)
class ValueEvidence:
    """
    One piece of evidence of commercial value.

    Attributes:
        kind: What kind of evidence.
        description: What it shows.
        amount: An amount, where the evidence has one (R&D cost, revenue, fee).
        on: The day the evidence speaks to (undated evidence is taken as timeless).
        potential: True for potential rather than realised value (Art. 7(1) "潜在的").
        evidence_id: Id of the underlying document, if any.
    """

    kind: ValueKind
    description: str = ""
    amount: Money | None = attrs.field(default=None, validator=exact(Money, optional=True))
    on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    potential: bool = False
    evidence_id: str | None = None


class ExposureKind(enum.Enum):
    """
    A way information reaches the public, mapped to SPC 2020 Art. 4(1) items 1-5.

    :attr:`item` gives the item number.
    """

    GENERAL_KNOWLEDGE = "general_knowledge"  # item 1: 常识
    INDUSTRY_PRACTICE = "industry_practice"  # item 1: 行业惯例
    PRODUCT_OBSERVATION = "product_observation"  # item 2: 观察上市产品即可直接获得
    PUBLICATION = "publication"  # item 3: 公开出版物或其他媒体
    PATENT = "patent"  # item 3: patent publication (a publication)
    PUBLIC_REPORT = "public_report"  # item 4: 公开的报告会
    EXHIBITION = "exhibition"  # item 4: 展览
    OTHER_PUBLIC_CHANNEL = "other_public_channel"  # item 5: 其他公开渠道

    @property
    def item(self) -> int:
        """The SPC 2020 Art. 4(1) item the exposure falls under."""
        return _EXPOSURE_ITEM[self].item

    @property
    def listed(self) -> ListedItem:
        """The item of the law's list the exposure falls under (see :data:`PUBLIC_KNOWLEDGE_ITEMS`)."""
        return _EXPOSURE_ITEM[self]


@attrs.frozen(kw_only=True)
class ListedItem:
    """
    One item of a list in the law, quoted, with the kinds this library maps to it.

    Attributes:
        item: The item number.
        kinds: The library's kinds that fall under it.
        clause: The item's text (2020 provisions).
        cite: The citation id of the item (2020 provisions).
        clause_2007: The corresponding item's text in 法释〔2007〕2号, if any.
        cite_2007: Its citation id, if any.
    """

    item: int
    kinds: tuple[ExposureKind, ...]
    clause: str
    cite: str
    clause_2007: str = ""
    cite_2007: str = ""


_SPC2020: Final = "spc-ts@2020-09-10"
_SPC2007: Final = "spc-unfair-comp@2007-01-12"

#: 法释〔2020〕7号 Art. 4(1) (from 2020-09-12): 「具有下列情形之一的，人民法院可以认定有关信息为公众所知悉」,
#: and 法释〔2007〕2号 Art. 9(2) (2007-02-01 to 2022-03-19): 「具有下列情形之一的，可以认定有关信息不构成不为
#: 公众所知悉」 -- the situations in which a court *may* find information publicly known, item by
#: item. (2007 item 6, 「该信息无需付出一定的代价而容易获得」, has no exposure kind here.)
PUBLIC_KNOWLEDGE_ITEMS: Final = (
    ListedItem(item=1, kinds=(ExposureKind.GENERAL_KNOWLEDGE, ExposureKind.INDUSTRY_PRACTICE),
               cite=f"{_SPC2020}:4.1.1", clause="该信息在所属领域属于一般常识或者行业惯例的",
               cite_2007=f"{_SPC2007}:9.2.1",
               clause_2007="该信息为其所属技术或者经济领域的人的一般常识或者行业惯例"),
    ListedItem(item=2, kinds=(ExposureKind.PRODUCT_OBSERVATION,), cite=f"{_SPC2020}:4.1.2",
               clause="该信息仅涉及产品的尺寸、结构、材料、部件的简单组合等内容，"
                      "所属领域的相关人员通过观察上市产品即可直接获得的",
               cite_2007=f"{_SPC2007}:9.2.2",
               clause_2007="该信息仅涉及产品的尺寸、结构、材料、部件的简单组合等内容，"
                           "进入市场后相关公众通过观察产品即可直接获得"),
    ListedItem(item=3, kinds=(ExposureKind.PUBLICATION, ExposureKind.PATENT),
               cite=f"{_SPC2020}:4.1.3", clause="该信息已经在公开出版物或者其他媒体上公开披露的",
               cite_2007=f"{_SPC2007}:9.2.3", clause_2007="该信息已经在公开出版物或者其他媒体上公开披露"),
    ListedItem(item=4, kinds=(ExposureKind.PUBLIC_REPORT, ExposureKind.EXHIBITION),
               cite=f"{_SPC2020}:4.1.4", clause="该信息已通过公开的报告会、展览等方式公开的",
               cite_2007=f"{_SPC2007}:9.2.4", clause_2007="该信息已通过公开的报告会、展览等方式公开"),
    ListedItem(item=5, kinds=(ExposureKind.OTHER_PUBLIC_CHANNEL,), cite=f"{_SPC2020}:4.1.5",
               clause="所属领域的相关人员从其他公开渠道可以获得该信息的",
               cite_2007=f"{_SPC2007}:9.2.5", clause_2007="该信息从其他公开渠道可以获得"),
)  # fmt: skip

_EXPOSURE_ITEM: Final = {kind: row for row in PUBLIC_KNOWLEDGE_ITEMS for kind in row.kinds}


@attrs.frozen(kw_only=True)
class PublicExposure:
    """
    A known or alleged public exposure of the secret.

    Attributes:
        id: Identifier.
        kind: The Art. 4(1) channel.
        on: The day the information became public this way; ``UNKNOWN`` when not stated
            (then whether it predates the act is undetermined).
        covers: Ids of the secret points revealed; empty means the whole secret.
        description: What was published, shown or sold (title, patent number, fair).
        simple_features_only: For :attr:`ExposureKind.PRODUCT_OBSERVATION`: True when
            what observation reveals is only size, structure, materials or a simple
            combination of parts (Art. 4(1) item 2 requires this); ``UNKNOWN`` when not
            stated (then item 2 is undetermined). Ignored for other kinds.
        confirmed: False for an exposure alleged but not established (e.g. raised by the
            other side); unconfirmed exposures make the outcome contested, not "not met".
        source: Where the exposure is documented.
    """

    id: str = attrs.field(validator=_check_id)
    kind: ExposureKind
    on: Fact[pendulum.Date] = attrs.field(default=UNKNOWN, converter=fact_date)
    covers: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    description: str = ""
    simple_features_only: Fact[bool] = attrs.field(default=UNKNOWN, validator=fact_bool)
    confirmed: bool = True
    source: str = ""


@attrs.frozen(kw_only=True)
class SecretPoint:
    """
    One secret point (秘密点): a precise statement of what is secret.

    SPC 2020 Art. 27 requires the holder to specify the content of the claimed secret;
    a point says what distinguishes it from public information.

    Attributes:
        id: Identifier, unique within the secret.
        description: The content, precisely (e.g. "sintering at 780-800 °C for 11 h").
        distinguishing: How it differs from what is public (the closest public art).
    """

    id: str = attrs.field(validator=_check_id)
    description: str
    distinguishing: str = ""


class CustomerElement(enum.Enum):
    """What a customer-information secret contains (SPC 2020 Art. 1(3))."""

    NAME = "name"  # 名称
    ADDRESS = "address"  # 地址
    CONTACT = "contact"  # 联系方式
    TRADING_HABITS = "trading_habits"  # 交易习惯
    INTENTIONS = "intentions"  # 意向
    CONTENTS = "contents"  # 内容 (prices, volumes, terms)

    @property
    def in_depth(self) -> bool:
        """True for the elements beyond identity and contact details."""
        return self in (
            CustomerElement.TRADING_HABITS,
            CustomerElement.INTENTIONS,
            CustomerElement.CONTENTS,
        )


@attrs.frozen(kw_only=True)
class CustomerInformation:
    """
    Details of a customer-information secret (SPC 2020 Arts. 1(3) and 2).

    Attributes:
        elements: What the compilation contains for each customer; ``UNKNOWN`` when not
            stated (``()`` is "stated: nothing beyond a list").
        customer_count: How many customers it covers.
        relies_on_long_term_relationship_only: True when the only ground offered is a
            long-term stable trading relationship with the customers (Art. 2(1): not
            enough by itself).
        followed_individual_employee: Ids or names of customers who dealt with the holder
            because of trust in an individual employee and chose to follow that employee
            (Art. 2(2)).
    """

    elements: Fact[tuple[CustomerElement, ...]] = attrs.field(
        default=UNKNOWN, validator=fact_tuple_of(CustomerElement)
    )
    customer_count: int = 0
    relies_on_long_term_relationship_only: bool = False
    followed_individual_employee: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))


def _unknown_if_none(value: object) -> Fact[CustomerInformation]:
    """``None`` (the former "not given") reads as not stated."""
    if value is None or value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, CustomerInformation):
        raise InvalidInputError.single(
            "TradeSecret.customer_information", value, "expected CustomerInformation or null"
        )
    return value


@attrs.frozen(kw_only=True)
class TradeSecret:
    """
    One secret as the holder describes it.

    Attributes:
        id: Identifier, unique within the registry (e.g. ``"TS-0042"``).
        title: Short title.
        kind: Technical, business, customer information or other.
        subtypes: SPC Art. 1 sub-types.
        owner: The right holder (权利人).
        points: Secret points: what exactly is secret.
        carriers: Where it is recorded.
        formation: The chain proving origin and ownership, in any order.
        value_evidence: Evidence of commercial value; ``UNKNOWN`` when not stated (``()`` is
            "stated: none").
        tier: The holder's classification.
        exposures: Known or alleged public exposures.
        compilation: True when the secret is new information formed by sorting, improving
            or processing public information (SPC Art. 4(2)).
        secrecy_evidence: Ids of prior-art searches or non-public-knowledge appraisals
            (非公知性鉴定) supporting that it is not publicly known.
        customer_information: Details for customer information; ``UNKNOWN`` when not stated
            (for customer information the Art. 1(3) and 2 rules are then undetermined).
        created: The day the information came into being, if known.
        description: Free text.
    """

    id: str = attrs.field(validator=_check_id)
    title: str
    kind: SecretKind
    subtypes: tuple[SecretSubtype, ...] = attrs.field(default=(), validator=tuple_of(SecretSubtype))
    owner: str = ""
    points: tuple[SecretPoint, ...] = attrs.field(default=(), validator=tuple_of(SecretPoint))
    carriers: tuple[Carrier, ...] = attrs.field(default=(), validator=tuple_of(Carrier))
    formation: tuple[FormationRecord, ...] = attrs.field(
        default=(), validator=tuple_of(FormationRecord)
    )
    value_evidence: Fact[tuple[ValueEvidence, ...]] = attrs.field(
        default=UNKNOWN, validator=fact_tuple_of(ValueEvidence)
    )
    tier: ClassificationTier = ClassificationTier.ORDINARY
    exposures: tuple[PublicExposure, ...] = attrs.field(
        default=(), validator=tuple_of(PublicExposure)
    )
    compilation: bool = False
    secrecy_evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    customer_information: Fact[CustomerInformation] = attrs.field(
        default=UNKNOWN, converter=_unknown_if_none
    )
    created: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, ids in (
            ("points", [p.id for p in self.points]),
            ("carriers", [c.id for c in self.carriers]),
            ("formation", [f.id for f in self.formation]),
            ("exposures", [e.id for e in self.exposures]),
        ):
            seen: set[str] = set()
            for i, item_id in enumerate(ids):
                if item_id in seen:
                    problems.append(Problem.of(f"{name}[{i}].id", item_id, "duplicate id"))
                seen.add(item_id)
        known = set(self.point_ids())
        for i, exposure in enumerate(self.exposures):
            for point in exposure.covers:
                if point not in known:
                    problems.append(
                        Problem.of(
                            f"exposures[{i}].covers",
                            point,
                            "not a secret point of this secret",
                        )
                    )
        for i, subtype in enumerate(self.subtypes):
            if subtype.kind is not self.kind and not (
                self.kind is SecretKind.BUSINESS and subtype.kind is SecretKind.CUSTOMER_INFORMATION
            ):
                problems.append(
                    Problem.of(
                        f"subtypes[{i}]",
                        subtype.value,
                        "a sub-type of {subtype_kind} information, not of {kind}",
                        subtype_kind=subtype.kind.value,
                        kind=self.kind.value,
                    )
                )
        if problems:
            raise InvalidInputError(problems)

    def point_ids(self) -> tuple[str, ...]:
        """The ids of the secret points, in order."""
        return tuple(p.id for p in self.points)

    def carrier_ids(self) -> tuple[str, ...]:
        """The ids of the carriers, in order."""
        return tuple(c.id for c in self.carriers)
