"""
The law catalog: legal instruments, their versions and tiers, and citations.

An :class:`Instrument` is one *version* of a legal source (the 2019 AUCL and the
2025 AUCL are two instruments), with its titles, document number, issuer,
promulgation/effective/superseded dates, **tier** and verification status, and
the articles this library relies on, each with a summary in both languages.

A :class:`Citation` points at an instrument version and, optionally, an article,
paragraph and item. Its stable string form is::

    <instrument>@<version>:<article>[.<paragraph>[.<item>]]

for example ``lcl@2012-12-28:24.2`` (Labour Contract Law, as amended on
2012-12-28, Art. 24(2)). The version is in the identifier because the same
rule is renumbered between revisions (AUCL 2019 Art. 9 became AUCL 2025
Art. 10). Citations are created by :meth:`tradesecret.rulebook.Rulebook.cite`,
which checks the instrument and article against the catalog, so a citation in a
result always resolves.

Examples:
    >>> from tradesecret.law import CitationRef
    >>> ref = CitationRef.parse("lcl@2012-12-28:24.2")
    >>> (ref.instrument, ref.version, ref.article, ref.paragraph, ref.item)
    ('lcl', '2012-12-28', '24', 2, None)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.exceptions import CitationError

__all__ = [
    "COMMON_PRACTICE",
    "POLICY",
    "Article",
    "Authority",
    "Citation",
    "CitationRef",
    "Instrument",
    "Tier",
    "Tiered",
    "Verification",
    "chinese_numeral",
    "weakest",
]


#: The citation id of the library's own policy: its heuristics, thresholds and default
#: readings (tier ``library_policy``; never binds a court).
POLICY: Final = "tradesecret-policy@2026-11-21"
#: The citation id of figures the project describes as common contracting practice
#: (tier ``practice``).
COMMON_PRACTICE: Final = "common-practice@2026-11-21"


class Authority(enum.Enum):
    """How far a source binds a court or arbitration body."""

    #: Laws, judicial interpretations, administrative and local rules.
    BINDING = "binding"
    #: SPC guiding cases: courts "shall refer to" them (应当参照) in similar cases.
    REFERENCE = "reference"
    #: Typical cases, administrative guidance, common practice: persuasive only.
    GUIDANCE = "guidance"
    #: This library's own heuristics and default policies; no legal force.
    HEURISTIC = "heuristic"

    @property
    def rank(self) -> int:
        """0 for the strongest (binding) to 3 for a heuristic."""
        return _AUTHORITY_RANK[self]


_AUTHORITY_RANK: Final = {
    Authority.BINDING: 0,
    Authority.REFERENCE: 1,
    Authority.GUIDANCE: 2,
    Authority.HEURISTIC: 3,
}


class Tier(enum.Enum):
    """The tier of a legal source (效力层级)."""

    LAW = "law"  # 法律 (NPC / NPCSC)
    JUDICIAL_INTERPRETATION = "judicial_interpretation"  # 司法解释 (SPC 法释)
    JUDICIAL_GUIDANCE = (
        "judicial_guidance"  # 司法指导性文件 (SPC 意见, 纪要): not an interpretation
    )
    GUIDING_CASE = "guiding_case"  # 指导性案例
    TYPICAL_CASE = "typical_case"  # 典型案例
    ADMINISTRATIVE_RULE = "administrative_rule"  # 部门规章
    ADMINISTRATIVE_GUIDANCE = "administrative_guidance"  # 行政指导性文件 / 合规指引
    LOCAL_RULE = "local_rule"  # 地方性法规 / 地方政府规章与规范性文件
    OFFICIAL_COMPILATION = "official_compilation"  # official tables that report local rules
    PRACTICE = "practice"  # standard / common practice (行业惯例)
    LIBRARY_POLICY = "library_policy"  # tradesecret's own heuristics and defaults

    @property
    def authority(self) -> Authority:
        """How far this tier binds."""
        return _TIER_AUTHORITY[self]

    @property
    def binding(self) -> bool:
        """True for sources that bind a court."""
        return self.authority is Authority.BINDING


_TIER_AUTHORITY: Final = {
    Tier.LAW: Authority.BINDING,
    Tier.JUDICIAL_INTERPRETATION: Authority.BINDING,
    Tier.ADMINISTRATIVE_RULE: Authority.BINDING,
    Tier.LOCAL_RULE: Authority.BINDING,
    Tier.GUIDING_CASE: Authority.REFERENCE,
    Tier.JUDICIAL_GUIDANCE: Authority.GUIDANCE,
    Tier.TYPICAL_CASE: Authority.GUIDANCE,
    Tier.ADMINISTRATIVE_GUIDANCE: Authority.GUIDANCE,
    Tier.OFFICIAL_COMPILATION: Authority.GUIDANCE,
    Tier.PRACTICE: Authority.GUIDANCE,
    Tier.LIBRARY_POLICY: Authority.HEURISTIC,
}


class Verification(enum.Enum):
    """How well a fact was checked (the legend of the legal facts reference)."""

    #: Checked against the full official text.
    V1 = "V1"
    #: Quoted by a secondary source citing the official page, or two independent ones.
    V2 = "V2"
    #: One secondary source only: provisional.
    V3 = "V3"
    #: No source found; must be checked before use.
    UNVERIFIED = "UNVERIFIED"
    #: Arithmetic or modelling inference made by this library, not stated by a source.
    DERIVED = "DERIVED"

    @property
    def confirmed(self) -> bool:
        """True for V1 and V2."""
        return self in (Verification.V1, Verification.V2)


_STATUS_ORDER: Final = (
    Verification.V1,
    Verification.V2,
    Verification.DERIVED,
    Verification.V3,
    Verification.UNVERIFIED,
)


def weakest(first: Verification, *others: Verification) -> Verification:
    """
    The weakest of several statuses (V1 > V2 > DERIVED > V3 > UNVERIFIED).

    A figure is never stronger than its date, its region mapping or its source.

    Examples:
        >>> weakest(Verification.V2, Verification.V3).value
        'V3'
    """
    return max((first, *others), key=_STATUS_ORDER.index)


_REF_RE: Final = re.compile(
    r"^(?P<instrument>[a-z0-9][a-z0-9-]*)@(?P<version>\d{4}-\d{2}-\d{2})"
    r"(?::(?P<article>[0-9]+[a-z]?)(?:\.(?P<paragraph>[0-9]+)(?:\.(?P<item>[0-9]+))?)?)?$"
)


@attrs.frozen(kw_only=True)
class CitationRef:
    """
    The parsed identifier of a citation, before it is resolved against a catalog.

    Attributes:
        instrument: Instrument id, e.g. ``"lcl"``.
        version: Version date of the instrument (promulgation or amendment).
        article: Article number as text (``"24"``), or ``None`` for a whole instrument
            (guiding cases are cited whole).
        paragraph: Paragraph (款), 1-based.
        item: Item (项), 1-based.
    """

    instrument: str
    version: str
    article: str | None = None
    paragraph: int | None = None
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> CitationRef:
        """Parse ``instrument@version[:article[.paragraph[.item]]]``."""
        match = _REF_RE.match(text) if isinstance(text, str) else None
        if match is None:
            raise CitationError(str(text), "malformed citation id")
        paragraph = match["paragraph"]
        item = match["item"]
        return cls(
            instrument=match["instrument"],
            version=match["version"],
            article=match["article"],
            paragraph=int(paragraph) if paragraph else None,
            item=int(item) if item else None,
        )

    @property
    def key(self) -> str:
        """``instrument@version``: the catalog key of the instrument version."""
        return f"{self.instrument}@{self.version}"

    def __str__(self) -> str:
        return self.key + _pinpoint(self, str, str, str, forms=_ID_FORMS)


@attrs.frozen(kw_only=True)
class Article:
    """
    One article of an instrument that this library relies on.

    Attributes:
        number: Article number as text (``"24"``).
        summary_en: One-line English paraphrase (not the official text).
        summary_zh: 中文摘要（非官方原文）.
        status: How well this article's number and content were verified.
    """

    number: str
    summary_en: str
    summary_zh: str
    status: Verification


@attrs.frozen(kw_only=True)
class Instrument:
    """
    One version of a legal source.

    Attributes:
        id: Stable instrument id shared by all versions (``"aucl"``).
        version: Version date in ``YYYY-MM-DD`` form, the promulgation or amendment date.
        tier: The tier of the source.
        title_zh: Full Chinese title.
        title_en: English title.
        short_zh: Short Chinese name used in citations (without 《》).
        short_en: Short English name used in citations.
        issuer_zh: Issuing body, in Chinese.
        issuer_en: Issuing body, in English.
        doc_number: Document number (文号) where one exists.
        doc_number_status: Verification status of the document number when it is
            weaker than ``status`` (e.g. a number resting on one secondary source).
        promulgated: Date of adoption or publication.
        effective: Date in force.
        superseded: Date from which a later version replaces this one, if any.
        status: Verification status of the instrument's identifying facts.
        note: Free-text note on open points.
        articles: The articles relied on, by number.
    """

    id: str
    version: str
    tier: Tier
    title_zh: str
    title_en: str
    short_zh: str
    short_en: str
    issuer_zh: str
    issuer_en: str
    doc_number: str | None
    promulgated: pendulum.Date | None
    effective: pendulum.Date
    superseded: pendulum.Date | None
    status: Verification
    note: str
    articles: tuple[Article, ...] = attrs.field(validator=tuple_of(Article))
    doc_number_status: Verification | None = None

    @property
    def key(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"

    def article(self, number: str) -> Article | None:
        """The article with that number, or ``None`` when the catalog does not list it."""
        for article in self.articles:
            if article.number == number:
                return article
        return None

    def in_force_on(self, day: pendulum.Date) -> bool:
        """True when ``day`` falls within ``[effective, superseded)``."""
        if day < self.effective:
            return False
        return self.superseded is None or day < self.superseded


class Tiered:
    """
    Mixin: how far a source binds follows from its ``tier`` -- a citation's own tier, or
    for a result the tier of the strongest source it rests on.
    """

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def tier(self) -> Tier: ...

    @property
    def authority(self) -> Authority:
        """How far the (strongest) source binds."""
        return self.tier.authority

    @property
    def binding(self) -> bool:
        """True when the (strongest) source binds a court."""
        return self.tier.binding


@attrs.frozen(kw_only=True)
class Citation(Tiered):
    """
    A resolved citation: an identifier plus what is needed to display and weigh it.

    Two citations are equal when their identifiers are equal. Create them with
    :meth:`tradesecret.rulebook.Rulebook.cite`.

    Attributes:
        ref: The parsed identifier.
        tier: Tier of the cited instrument.
        short_zh: Short Chinese name of the instrument.
        short_en: Short English name of the instrument.
        status: The weaker of the instrument's and the article's verification status.
    """

    ref: CitationRef
    tier: Tier = attrs.field(eq=False)
    short_zh: str = attrs.field(eq=False)
    short_en: str = attrs.field(eq=False)
    status: Verification = attrs.field(eq=False)

    @property
    def id(self) -> str:
        """The stable string identifier."""
        return str(self.ref)

    def render(self, locale: str) -> str:
        """
        Human form: ``《劳动合同法》第二十四条第二款`` or ``LCL Art. 24(2)``.

        ``locale`` starting with ``zh`` gives Chinese; anything else English.
        """
        if locale.startswith("zh"):
            spelt = _pinpoint(
                self.ref, _article_zh, chinese_numeral, chinese_numeral, forms=_ZH_FORMS
            )
            return f"《{self.short_zh}》{spelt}"
        return self.short_en + _pinpoint(self.ref, str, str, str, forms=_EN_FORMS)

    def __str__(self) -> str:
        return self.id


_DIGITS: Final = "零一二三四五六七八九"


#: Where the article, paragraph and item go in a citation's id and human forms.
_ID_FORMS: Final = (":{}", ".{}", ".{}")
_ZH_FORMS: Final = ("第{}条", "第{}款", "第（{}）项")
_EN_FORMS: Final = (" Art. {}", "({})", ", item {}")


def _pinpoint(
    ref: CitationRef,
    article: Callable[[str], str],
    paragraph: Callable[[int], str],
    item: Callable[[int], str],
    *,
    forms: tuple[str, str, str],
) -> str:
    """The article, paragraph and item of ``ref`` as far as given, each spelt by its function
    and put in its form (``"{}"`` stands for the spelt number)."""
    text = ""
    if ref.article is not None:
        text += forms[0].format(article(ref.article))
        if ref.paragraph is not None:
            text += forms[1].format(paragraph(ref.paragraph))
            if ref.item is not None:
                text += forms[2].format(item(ref.item))
    return text


def chinese_numeral(number: int) -> str:
    """
    Chinese numeral for 1--9999 as used in article numbers.

    Examples:
        >>> [chinese_numeral(n) for n in (1, 10, 12, 24, 100, 103, 110, 1000, 1005)]
        ['一', '十', '十二', '二十四', '一百', '一百零三', '一百一十', '一千', '一千零五']
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 9999:
        msg = f"chinese_numeral takes an int from 1 to 9999, not {number!r}"
        raise ValueError(msg)
    if 10 <= number < 20:
        return "十" + (_DIGITS[number - 10] if number > 10 else "")
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    parts: list[str] = []
    pending_zero = False
    rest = number
    for size, unit in units:
        digit, rest = divmod(rest, size)
        if digit:
            if pending_zero:
                parts.append("零")
                pending_zero = False
            parts.append(_DIGITS[digit] + unit)
        elif parts and rest:
            pending_zero = True
    return "".join(parts)


def _article_zh(article: str) -> str:
    if article.isdigit():
        return chinese_numeral(int(article))
    digits = article.rstrip("abcdefghijklmnopqrstuvwxyz")
    suffix = article[len(digits) :]
    return chinese_numeral(int(digits)) + f"之{chinese_numeral(ord(suffix) - ord('a') + 1)}"
