"""
The preconditions of a disclosure as rule tables: the NDA, its scope, the registry links,
the supplier and the data-use letter.

These are the library's policy (tier ``library_policy``): no statute or interpretation
lists them. Where a row also points at the law it serves, that law is ``support`` (cited
where in force, never the row's basis): SPC 法释〔2020〕7号 Art. 6 item 1 lists confidentiality
agreements among reasonable measures and Art. 10 names the contractual duty of
confidentiality (paraphrased, not quoted); its Art. 5 weighs whether the measures
correspond to the secret (paraphrase). Before 2020-09-12 those articles are not cited.

A row whose severity is high or critical keeps the package from being cleared
(``DisclosurePackage.cleared``): its effect is ``FAILS``; a medium row ``NOTES``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

import attrs

from tradesecret.definition import ClassificationTier, TradeSecret
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.measures import NdaTier, NonDisclosureAgreement
from tradesecret.results import Outcome, Severity, Term
from tradesecret.supply_chain._common import POLICY, SPC_CORRESPONDENCE, SPC_DUTY, SPC_MEASURES
from tradesecret.supply_chain._model import AuthorizationLetter, Sensitivity
from tradesecret.supply_chain._parties import Project, Supplier, SupplierKind

__all__ = [
    "LETTER_TABLE",
    "LINK_TABLE",
    "NDA_TABLE",
    "SUPPLIER_TABLE",
    "LetterFacts",
    "LinkFacts",
    "NdaFacts",
    "SupplierFacts",
]

_CLEARED: Final = "supply_chain.disclosure.cleared"


def _tier_term(tier: NdaTier | ClassificationTier) -> Term:
    return Term(f"term.supply_chain.nda_tier.{tier.value}")


# -- the NDA ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NdaFacts:
    """The NDA position of one release."""

    project: Project
    supplier: Supplier
    required: bool  # the policy or the secrets released call for an NDA
    tier: NdaTier | None  # the tier required, if any
    qualifying: NonDisclosureAgreement | None  # an NDA in force of that tier
    covering: NonDisclosureAgreement | None  # an NDA in force of any tier
    gaps: tuple[str, ...] = ()  # secrets released that the qualifying NDA does not name


def _lower_tier(f: NdaFacts) -> bool:
    return f.required and f.qualifying is None and f.covering is not None and f.tier is not None


def _no_nda(f: NdaFacts) -> bool:
    return f.required and f.qualifying is None and not _lower_tier(f)


def _scope_gap(f: NdaFacts) -> bool:
    return f.qualifying is not None and bool(f.gaps)


def _no_nda_args(f: NdaFacts) -> dict[str, object]:
    return {"supplier": f.supplier.name, "project": f.project.id}


def _lower_args(f: NdaFacts) -> dict[str, object]:
    assert f.covering is not None
    assert f.tier is not None
    return {
        "nda": f.covering.id,
        "tier": _tier_term(f.covering.tier),
        "required": _tier_term(f.tier),
    }


def _scope_args(f: NdaFacts) -> dict[str, object]:
    assert f.qualifying is not None
    return {"nda": f.qualifying.id, "secrets": ", ".join(f.gaps)}


def _supplier_id(f: NdaFacts | SupplierFacts | LetterFacts) -> str:
    return f.supplier.id


# Library policy (paraphrase): an NDA of the tier the stage requires before anything goes
# out; one of a lower tier is a high finding, none at all a critical one. The law it serves
# (support): SPC 2020 Art. 6 item 1 (agreements as measures), Art. 10 (contractual duty).
# An NDA that names secrets should name every secret released; SPC 2020 Art. 5 (support)
# weighs whether measures correspond to the secret.
_nda_policy = partial(Check[NdaFacts], basis=(POLICY,), subject=_supplier_id)
_nda_fails = partial(_nda_policy, effect=Effect.FAILS)

NDA_TABLE: Final = RuleTable[NdaFacts](
    criterion=_CLEARED,
    basis=(POLICY,),
    checks=(
        _nda_fails(code="supply_chain.disclosure.nda_tier_too_low", severity=Severity.HIGH,
                   when=_lower_tier, args=_lower_args, remedies=("supply_chain.remedy.upgrade_nda",),
                   clause="Library policy (paraphrase): an NDA of the tier required before release."),
        _nda_fails(code="supply_chain.disclosure.no_nda", severity=Severity.CRITICAL,
                   support=(SPC_MEASURES, SPC_DUTY), when=_no_nda, args=_no_nda_args,
                   remedies=("supply_chain.remedy.sign_nda",),
                   clause="Library policy (paraphrase): no release without an NDA in force."),
        _nda_policy(code="supply_chain.disclosure.nda_scope_gap", severity=Severity.MEDIUM,
                    effect=Effect.NOTES, support=(SPC_CORRESPONDENCE,), when=_scope_gap,
                    args=_scope_args, remedies=("supply_chain.remedy.extend_nda_scope",),
                    clause="Library policy (paraphrase): the NDA's scope names what is released."),
    ),
    clause="Library policy (paraphrase): NDA before disclosure, of the tier, covering the secrets.",
)  # fmt: skip


# -- the registry links -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LinkFacts:
    """One item's link to one registered secret."""

    item_id: str
    item: str
    secret_id: str
    secret: TradeSecret | None  # None: not in the registry
    sensitivity: Sensitivity


def _below_tier(f: LinkFacts) -> bool:
    return (
        f.secret is not None
        and f.sensitivity is Sensitivity.NON_CORE
        and f.secret.tier.at_least(ClassificationTier.IMPORTANT)
    )


def _link_args(f: LinkFacts) -> dict[str, object]:
    return {"item": f.item, "secret": f.secret_id}


def _below_args(f: LinkFacts) -> dict[str, object]:
    assert f.secret is not None
    return {"item": f.item, "secret": f.secret_id, "tier": _tier_term(f.secret.tier)}


_link_policy = partial(Check[LinkFacts], basis=(POLICY,), subject=lambda f: f.item_id)

# Library policy (paraphrase): an item marked non-core must not embody an important or core
# secret; SPC 2020 Art. 5 (support) weighs whether measures correspond to the secret.
LINK_TABLE: Final = RuleTable[LinkFacts](
    criterion=_CLEARED,
    basis=(POLICY,),
    checks=(
        _link_policy(code="supply_chain.disclosure.unknown_secret", severity=Severity.MEDIUM,
                     effect=Effect.NOTES, when=lambda f: f.secret is None, args=_link_args,
                     remedies=("supply_chain.remedy.fix_secret_link",),
                     clause="Library policy (paraphrase): every linked secret is registered."),
        _link_policy(code="supply_chain.disclosure.sensitivity_below_tier", severity=Severity.HIGH,
                     effect=Effect.FAILS, support=(SPC_CORRESPONDENCE,), when=_below_tier,
                     args=_below_args, remedies=("supply_chain.remedy.reclassify_item",),
                     clause="Library policy (paraphrase): an item is at least as sensitive as its secrets."),
    ),
    clause="Library policy (paraphrase): registered secrets, sensitivity not below their tier.",
)  # fmt: skip


# -- the supplier -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SupplierFacts:
    """The recipient and its factory audit, where one was made (``None``: none given)."""

    supplier: Supplier
    audit: Outcome | None
    audit_day: object = None


def _trading(f: SupplierFacts) -> bool:
    return f.supplier.kind is SupplierKind.TRADING_COMPANY


def _audit_is(outcome: Outcome) -> Callable[[SupplierFacts], bool]:
    return lambda f: f.audit is outcome


def _supplier_name(f: SupplierFacts | LetterFacts) -> dict[str, object]:
    return {"supplier": f.supplier.name}


def _audit_args(f: SupplierFacts) -> dict[str, object]:
    return {"supplier": f.supplier.name, "as_of": f.audit_day}


_supplier_fails = partial(Check[SupplierFacts], severity=Severity.HIGH, effect=Effect.FAILS,
                          basis=(POLICY,), subject=_supplier_id)  # fmt: skip

SUPPLIER_TABLE: Final = RuleTable[SupplierFacts](
    criterion=_CLEARED,
    basis=(POLICY,),
    checks=(
        _supplier_fails(code="supply_chain.disclosure.trading_company", when=_trading,
                        args=_supplier_name, remedies=("supply_chain.remedy.contract_with_manufacturer",),
                        clause="Library policy (paraphrase): contract with the manufacturer, not a trader."),
        _supplier_fails(code="supply_chain.disclosure.audit_failed", when=_audit_is(Outcome.NOT_MET),
                        args=_audit_args, remedies=("supply_chain.remedy.resolve_audit",),
                        clause="Library policy (paraphrase): no release to a supplier whose audit failed."),
        _supplier_fails(code="supply_chain.disclosure.audit_incomplete", severity=Severity.MEDIUM,
                        effect=Effect.NOTES, when=_audit_is(Outcome.INSUFFICIENT_EVIDENCE),
                        args=_audit_args, remedies=("supply_chain.remedy.resolve_audit",),
                        clause="Library policy (paraphrase): an incomplete audit is reported."),
    ),
    clause="Library policy (paraphrase): the recipient is the audited manufacturer.",
)  # fmt: skip


# -- the data-use letter ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LetterFacts:
    """The letters in force for this project, supplier and order."""

    supplier: Supplier
    order_id: str | None
    limited: AuthorizationLetter | None  # one limiting use to the order
    unlimited: AuthorizationLetter | None  # one that does not


def _no_letter(f: LetterFacts) -> bool:
    return f.order_id is not None and f.limited is None and f.unlimited is None


def _not_limited(f: LetterFacts) -> bool:
    return f.order_id is not None and f.limited is None and f.unlimited is not None


def _no_letter_args(f: LetterFacts) -> dict[str, object]:
    return {"supplier": f.supplier.name, "order": f.order_id}


def _not_limited_args(f: LetterFacts) -> dict[str, object]:
    assert f.unlimited is not None
    return {"letter": f.unlimited.id, "order": f.order_id}


_letter_fails = partial(Check[LetterFacts], effect=Effect.FAILS, basis=(POLICY,),
                        subject=_supplier_id, remedies=("supply_chain.remedy.issue_letter",))  # fmt: skip

LETTER_TABLE: Final = RuleTable[LetterFacts](
    criterion=_CLEARED,
    basis=(POLICY,),
    checks=(
        _letter_fails(code="supply_chain.disclosure.no_order", severity=Severity.HIGH,
                      when=lambda f: f.order_id is None, args=_supplier_name,
                      remedies=("supply_chain.remedy.name_order",),
                      clause="Library policy (paraphrase): a letter stage release names its order."),
        _letter_fails(code="supply_chain.disclosure.letter_not_limited", severity=Severity.HIGH,
                      when=_not_limited, args=_not_limited_args,
                      clause="Library policy (paraphrase): the letter limits use to the order."),
        _letter_fails(code="supply_chain.disclosure.no_letter", severity=Severity.CRITICAL,
                      when=_no_letter, args=_no_letter_args,
                      clause="Library policy (paraphrase): a countersigned data-use letter for the order."),
    ),
    clause="Library policy (paraphrase): a data-use letter for the order, limiting use to it.",
)  # fmt: skip
