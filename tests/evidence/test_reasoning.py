"""Evaluation under each standard of proof, gaps and their order, law version, explain."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import (
    STANDARDS,
    Carrier,
    ClaimCode,
    EventKind,
    EvidenceGraph,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    Measure,
    MeasureKind,
    Party,
    Secret,
    Stance,
    StandardOfProof,
    evaluate,
    gaps,
    sha256_hex,
    verify,
)
from tradesecret.evidence.example import CONTENT, example_builder
from tradesecret.evidence.ingest import ingest_csv, log_item
from tradesecret.evidence.reasoning import EvidenceEvaluation
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError
from tradesecret.i18n import explain
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

AS_OF = pendulum.Date(2025, 4, 10)
ARTICLE = "evidence.aucl_trade_secret_article"
M, NM, IE, CT, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.INSUFFICIENT_EVIDENCE,
    Outcome.CONTESTED,
    Outcome.NOT_APPLICABLE,
)


def with_rebuttal(*items: tuple[str, EvidenceKind]) -> EvidenceGraph:
    """The example plus respondent items rebutting 'not publicly known'."""
    b = example_builder()
    claim = b.claim(ClaimCode.NOT_PUBLICLY_KNOWN, "S-gear")
    for item_id, kind in items:
        b.add(
            EvidenceItem(
                id=item_id,
                kind=kind,
                sha256=sha256_hex(item_id.encode()),
                collected_by="counsel",
                collected_at=t("2025-04-08T10:00:00+08:00"),
            )
        )
        b.rebuts(item_id, claim)
    return b.build()


class TestStandards:
    """Named standards and the decision rule."""

    def test_named(self) -> None:
        """The shipped figures, from evidence.toml."""
        got = {
            name: (s.threshold, s.minimum)
            for name in STANDARDS
            for s in [StandardOfProof.named(name, as_of=AS_OF)]
        }
        assert {
            "prima_facie": (Decimal("0.5"), Decimal("0.3")),
            "preponderance": (Decimal("0.5"), Decimal("0.6")),
            "high_probability": (Decimal("0.75"), Decimal("1.0")),
        } == got

    def test_prima_facie_cites_art32(self) -> None:
        """Prima facie cites AUCL 2019 Art. 32 and the policy."""
        s = StandardOfProof.named("prima_facie", as_of=AS_OF)
        assert ["aucl@2019-04-23:32", "tradesecret-policy@2026-11-21"] == [
            c.id for c in s.citations
        ]

    def test_unknown(self) -> None:
        """An unknown name is an input error."""
        with pytest.raises(InvalidInputError):
            StandardOfProof.named("beyond_doubt", as_of=AS_OF)

    @pytest.mark.parametrize(
        ("pro", "con", "expected"),
        [
            ("0", "0", IE),
            ("0.5", "0", IE),
            ("0.6", "0", M),
            ("0.8", "0.4", M),
            ("0.6", "0.6", CT),
            ("0.4", "0.8", NM),
            ("0", "0.1", NM),
        ],
    )
    def test_decide_preponderance(self, pro: str, con: str, expected: Outcome) -> None:
        """Preponderance: share > 50 % and weight >= 0.6."""
        s = StandardOfProof.named("preponderance", as_of=AS_OF)
        assert expected == s.decide(Decimal(pro), Decimal(con))

    def test_custom(self) -> None:
        """A custom standard with its own figures."""
        s = StandardOfProof.custom("strict", threshold=Decimal("0.9"), minimum=Decimal(2))
        assert CT == s.decide(Decimal(3), Decimal(1))
        with pytest.raises(InvalidInputError):
            StandardOfProof.custom("bad", threshold=Decimal("1.5"), minimum=Decimal(0))

    @given(
        pro=st.decimals(min_value=0, max_value=5, places=2),
        con=st.decimals(min_value=0, max_value=5, places=2),
        extra=st.decimals(min_value=Decimal("0.01"), max_value=2, places=2),
        name=st.sampled_from(STANDARDS),
    )
    def test_more_support_never_hurts(
        self, pro: Decimal, con: Decimal, extra: Decimal, name: str
    ) -> None:
        """Adding supporting weight never lowers a claim's outcome."""
        rank = {NM: 0, IE: 1, CT: 2, M: 3}
        s = StandardOfProof.named(name, as_of=AS_OF)
        before, after = s.decide(pro, con), s.decide(pro + extra, con)
        assert rank[after] >= rank[before] or (before is IE and after is CT)


class TestWorkedExample:
    """The former employee who forwarded drawings to a personal mailbox."""

    @pytest.mark.parametrize(
        ("standard", "root", "content_defined"),
        [("prima_facie", M, M), ("preponderance", M, M), ("high_probability", IE, IE)],
    )
    def test_each_standard(
        self, example: EvidenceGraph, standard: str, root: Outcome, content_defined: Outcome
    ) -> None:
        """Established under prima facie and preponderance; not under high probability."""
        ev = evaluate(example, standard=standard, as_of=AS_OF)
        assert (root, content_defined) == (ev.outcome, ev.outcome_of(ClaimCode.CONTENT_DEFINED))
        assert M == ev.outcome_of(ClaimCode.IMPROPER_ACQUISITION)
        assert M == ev.outcome_of(ClaimCode.MEASURES)

    def test_claims(self, example: EvidenceGraph) -> None:
        """Claim by claim under preponderance, with the evidence relied on."""
        ev = evaluate(example, standard="preponderance", as_of=AS_OF)
        expected = {
            ClaimCode.INFRINGEMENT: M,
            ClaimCode.RIGHT: M,
            ClaimCode.ACT: M,
            ClaimCode.ACCESS: M,
            ClaimCode.SIMILARITY: IE,
            ClaimCode.DISCLOSURE_OR_USE: IE,
            ClaimCode.BREACH_OF_DUTY: IE,
            ClaimCode.INFERRED_FROM_ACCESS_AND_SIMILARITY: IE,
            ClaimCode.BURDEN_SHIFT_NOT_A_SECRET: M,
            ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT: M,
        }
        assert expected == {code: ev.outcome_of(code) for code in expected}
        acquisition = ev.claim(ClaimCode.IMPROPER_ACQUISITION)
        assert ("E-log", "E-mail") == acquisition.evidence
        # e-mail 0.7 x send_personal 1.0; access log 0.8 x download 0.5
        assert Decimal("1.10") == dict(acquisition.facts)["pro"]
        assert ["aucl@2019-04-23:9.1.1", "spc-ts@2020-09-10:8"] == [
            c.id for c in acquisition.citations
        ]
        measures = ev.claim(ClaimCode.MEASURES)
        assert ("E-nda", "E-policy") == measures.evidence
        assert ("wang", "mail-0", "doc-spec", "S-gear") in ev.paths

    def test_respondent_and_secret_inferred(self, example: EvidenceGraph) -> None:
        """With one secret and one actor, they need not be named."""
        ev = evaluate(example, as_of=AS_OF)
        assert ("S-gear", "wang") == (ev.secret, ev.respondent)

    def test_unknown_respondent(self, example: EvidenceGraph) -> None:
        """A respondent that is not a party is an input error."""
        with pytest.raises(InvalidInputError):
            evaluate(example, as_of=AS_OF, respondent="doc-spec")

    def test_contested_and_not_met(self) -> None:
        """A rebuttal makes 'not publicly known' contested, then not met."""
        one = with_rebuttal(("X-witness", EvidenceKind.WITNESS_STATEMENT))
        ev = evaluate(one, standard="high_probability", as_of=AS_OF)
        assert CT == ev.outcome_of(ClaimCode.NOT_PUBLICLY_KNOWN)  # 0.8 vs 0.4
        assert M == evaluate(one, standard="preponderance", as_of=AS_OF).outcome_of(
            ClaimCode.NOT_PUBLICLY_KNOWN
        )
        two = with_rebuttal(
            ("X-witness", EvidenceKind.WITNESS_STATEMENT), ("X-expert", EvidenceKind.EXPERT_REPORT)
        )
        ev2 = evaluate(two, standard="preponderance", as_of=AS_OF)
        assert (NM, NM, NM) == (
            ev2.outcome_of(ClaimCode.NOT_PUBLICLY_KNOWN),
            ev2.outcome_of(ClaimCode.RIGHT),
            ev2.outcome,
        )

    def test_excluded_items(self, example: EvidenceGraph) -> None:
        """Items failing verification can be disregarded."""
        changed = dict(CONTENT, **{"E-mail": b"tampered"})
        report = verify(example, contents=changed)
        ev = evaluate(example, as_of=AS_OF, excluded=report.failed_items)
        acquisition = ev.claim(ClaimCode.IMPROPER_ACQUISITION)
        assert Decimal("0.40") == dict(acquisition.facts)["pro"]
        assert IE == acquisition.outcome

    def test_no_inference(self) -> None:
        """Access plus similarity establishes the act unless the inference is switched off."""
        b = example_builder()
        b.supports("E-spec", b.claim(ClaimCode.SIMILARITY, "S-gear", "wang"))
        g = b.build()
        on = evaluate(g, as_of=AS_OF)
        off = evaluate(g, as_of=AS_OF, infer_act_from_access_and_similarity=False)
        assert (M, NA) == (
            on.outcome_of(ClaimCode.INFERRED_FROM_ACCESS_AND_SIMILARITY),
            off.outcome_of(ClaimCode.INFERRED_FROM_ACCESS_AND_SIMILARITY),
        )


class TestLawVersion:
    """The AUCL version follows the date of the (last) act."""

    def shifted(self, years: int, months: int = 0) -> EvidenceGraph:
        b = example_builder()
        b.event(
            id="late-send",
            kind=EventKind.SEND_PERSONAL,
            by="wang",
            on="doc-dwg",
            at=t("2025-03-28T22:10:00+08:00").add(years=years, months=months),
            source="E-mail",
        )
        return b.build()

    def test_2019(self, example: EvidenceGraph) -> None:
        """An act in March 2025 is judged under AUCL 2019 Art. 9; the reading is cited."""
        ev = evaluate(example, as_of=AS_OF)
        assert "aucl@2019-04-23:9" == ev.assessment.citations[0].id
        (version,) = [f for f in ev.findings if f.code == "evidence.law.version"]
        assert ["aucl@2019-04-23:9", "spc-ts@2020-09-10:28", "tradesecret-policy@2026-11-21"] == [
            c.id for c in version.citations
        ]
        assert pendulum.Date(2025, 3, 28) == ev.act_date

    def test_2025(self) -> None:
        """An act continuing past 2025-10-15 is judged under AUCL 2025 Art. 10; the burden-shift
        article number is flagged as unverified, and can be switched off."""
        g = self.shifted(0, 7)
        ev = evaluate(g, as_of=pendulum.Date(2025, 11, 1))
        assert "aucl@2025-06-27:10" == ev.assessment.citations[0].id
        assert "evidence.burden_shift.article_unverified" in ev.assessment.codes()
        assert M == ev.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT)
        off = evaluate(g, as_of=pendulum.Date(2025, 11, 1), apply_burden_shift_after_2025=False)
        assert NA == off.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT)


class TestLawBoundaries:
    """The AUCL version and the burden-shift citations at the version boundaries."""

    def one_act(self, at: str) -> EvidenceGraph:
        """One copy of one carrier at ``at``."""
        b = EvidenceGraphBuilder()
        b.add(Party(id="p", name="P"))
        b.add(Secret(id="S", name="S"))
        b.add(Carrier(id="c", name="c"))
        b.embodies("c", "S")
        b.event(id="e", kind=EventKind.COPY, by="p", on="c", at=t(at))
        return b.build()

    def all_ids(self, ev: EvidenceEvaluation) -> set[str]:
        """Every citation id in the evaluation: criteria, findings, parameters."""
        a = ev.assessment
        ids = {c.id for c in a.citations}
        for crit in a.criteria:
            ids |= {c.id for c in crit.citations}
        for f in a.findings:
            ids |= {c.id for c in f.citations}
        for p in a.parameters:
            ids |= {c.id for c in p.citations}
        return ids

    @pytest.mark.parametrize(
        ("at", "article"),
        [
            ("2018-01-01T00:00:00+08:00", "aucl@2017-11-04:9"),
            ("2017-12-31T23:59:59+08:00", "aucl@1993-09-02:10"),
            ("2019-04-23T00:00:00+08:00", "aucl@2019-04-23:9"),
            ("2019-04-22T23:59:59+08:00", "aucl@2017-11-04:9"),
            ("2025-10-14T23:59:59+08:00", "aucl@2019-04-23:9"),
            ("2025-10-15T00:00:00+08:00", "aucl@2025-06-27:10"),
            # 16:30 UTC on 14 October is 00:30 on 15 October in Beijing
            ("2025-10-14T16:30:00+00:00", "aucl@2025-06-27:10"),
        ],
    )
    def test_version_by_act_day(self, at: str, article: str) -> None:
        """The act's Beijing day selects the version; the first day of a version is in it."""
        ev = evaluate(self.one_act(at), as_of=pendulum.Date(2026, 1, 1))
        assert article == ev.assessment.citations[0].id

    def test_utc_log_time_counts_in_beijing(self) -> None:
        """An ingested time with a UTC offset is dated by its Beijing day."""
        b = EvidenceGraphBuilder()
        b.add(Party(id="it", name="IT"))
        b.add(Secret(id="S", name="S"))
        b.add(
            log_item(
                id="L",
                data=b"x",
                kind=EvidenceKind.ACCESS_LOG,
                collected_by="it",
                collected_at=t("2025-11-01T10:00:00+08:00"),
            )
        )
        ingest_csv(b, "time,user,doc,action\n2025-10-14T16:30:00+00:00,p,c,copy\n", item="L")
        b.embodies("c", "S")
        ev = evaluate(b.build(), as_of=pendulum.Date(2025, 11, 1), respondent="p")
        assert pendulum.Date(2025, 10, 15) == ev.act_date
        assert "aucl@2025-06-27:10" == ev.assessment.citations[0].id

    def test_2025_burden_shift_never_numbered(self) -> None:
        """For an AUCL 2025 act no citation gives the burden-shift rule a 2025 article number."""
        ev = evaluate(self.one_act("2025-11-01T10:00:00+08:00"), as_of=pendulum.Date(2026, 1, 1))
        ids = self.all_ids(ev)
        assert {i for i in ids if i.startswith("aucl@2025-06-27:")} == {"aucl@2025-06-27:10"}
        assert ["aucl@2025-06-27", "aucl@2019-04-23:32.2", "tradesecret-policy@2026-11-21"] == [
            c.id for c in ev.claim(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT).citations
        ]
        assert ["aucl@2025-06-27", "aucl@2019-04-23:32.1"] == [
            c.id for c in ev.claim(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET).citations
        ]
        (finding,) = [
            f for f in ev.findings if f.code == "evidence.burden_shift.article_unverified"
        ]
        assert ["aucl@2025-06-27", "aucl@2019-04-23:32"] == [c.id for c in finding.citations]
        assert "V2" == ev.assessment.citations[0].status.value
        off = evaluate(
            self.one_act("2025-11-01T10:00:00+08:00"),
            as_of=pendulum.Date(2026, 1, 1),
            apply_burden_shift_after_2025=False,
        )
        assert "evidence.burden_shift.article_unverified_not_applied" in off.assessment.codes()
        assert "evidence.burden_shift.article_unverified" not in off.assessment.codes()
        assert "未经核实" in explain(off, locale="zh_CN")
        assert "not applied" in explain(off, locale="en")

    def test_pre_2019_no_article_32(self) -> None:
        """Before AUCL 2019 no claim cites Art. 32; the inference rests on library policy only; the law of 2018 is cited (SPC 2007 interpretation, AUCL 2017), never the SPC 2020 provisions."""
        ev = evaluate(self.one_act("2018-06-01T10:00:00+08:00"), as_of=pendulum.Date(2019, 1, 1))
        assert ["tradesecret-policy@2026-11-21"] == [
            c.id for c in ev.claim(ClaimCode.INFERRED_FROM_ACCESS_AND_SIMILARITY).citations
        ]
        assert ["aucl@2017-11-04:9"] == [c.id for c in ev.claim(ClaimCode.ACCESS).citations]
        assert ["spc-unfair-comp@2007-01-12:14"] == [
            c.id for c in ev.claim(ClaimCode.SIMILARITY).citations
        ]
        assert ["aucl@2017-11-04:9", "spc-unfair-comp@2007-01-12:11"] == [
            c.id for c in ev.claim(ClaimCode.MEASURES).citations
        ]

    def test_spc_2020_provisions_from_their_first_day(self) -> None:
        """An act on 2020-09-11 is measured by the SPC 2007 interpretation; on 2020-09-12 the 2020 provisions apply too."""
        before = evaluate(
            self.one_act("2020-09-11T10:00:00+08:00"), as_of=pendulum.Date(2021, 1, 1)
        )
        on = evaluate(self.one_act("2020-09-12T10:00:00+08:00"), as_of=pendulum.Date(2021, 1, 1))

        assert ["aucl@2019-04-23:9.4", "spc-unfair-comp@2007-01-12:11"] == [
            c.id for c in before.claim(ClaimCode.MEASURES).citations
        ]
        assert [
            "aucl@2019-04-23:9.4",
            "spc-ts@2020-09-10:5.1",
            "spc-ts@2020-09-10:6",
            "spc-unfair-comp@2007-01-12:11",
        ] == [c.id for c in on.claim(ClaimCode.MEASURES).citations]

    def test_2019_article_32(self) -> None:
        """Under AUCL 2019 access and similarity cite Art. 32(2) with the SPC factors."""
        ev = evaluate(self.one_act("2024-06-01T10:00:00+08:00"), as_of=pendulum.Date(2025, 1, 1))
        assert ["spc-ts@2020-09-10:12", "aucl@2019-04-23:32.2"] == [
            c.id for c in ev.claim(ClaimCode.ACCESS).citations
        ]
        assert ["aucl@2019-04-23:32.2", "tradesecret-policy@2026-11-21"] == [
            c.id for c in ev.claim(ClaimCode.INFERRED_FROM_ACCESS_AND_SIMILARITY).citations
        ]
        assert ["aucl@2019-04-23:32.2", "tradesecret-policy@2026-11-21"] == [
            c.id for c in ev.claim(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT).citations
        ]
        assert ["aucl@2019-04-23:32.1"] == [
            c.id for c in ev.claim(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET).citations
        ]

    def test_before_coverage(self) -> None:
        """An act before AUCL 1993 took effect is out of the rulebook's coverage."""
        with pytest.raises(OutOfCoverageError):
            evaluate(self.one_act("1993-11-30T10:00:00+08:00"), as_of=pendulum.Date(2000, 1, 1))

    def test_no_act(self) -> None:
        """With no act recorded, the law in force on the evaluation date is cited, and said so."""
        b = EvidenceGraphBuilder()
        b.add(Party(id="p", name="P"))
        b.add(Secret(id="S", name="S"))
        b.add(Carrier(id="c", name="c"))
        b.embodies("c", "S")
        b.event(id="v", kind=EventKind.ACCESS, by="p", on="c", at=t("2024-06-01T10:00:00+08:00"))
        ev = evaluate(b.build(), as_of=pendulum.Date(2025, 11, 1))
        assert None is ev.act_date
        assert "evidence.law.version_no_act" in ev.assessment.codes()
        assert "evidence.law.version" not in ev.assessment.codes()
        assert "aucl@2025-06-27:10" == ev.assessment.citations[0].id
        assert "No act complained of is recorded" in explain(ev, locale="en")
        assert "未记录被诉行为" in explain(ev, locale="zh_CN")


class TestGaps:
    """What is missing, most useful first."""

    def test_high_probability_gaps(self, example: EvidenceGraph) -> None:
        """Under high probability the right needs more; gaps name what and where."""
        found = gaps(example, standard="high_probability", as_of=AS_OF)
        claims = [g.claim for g in found]
        assert ClaimCode.NOT_PUBLICLY_KNOWN == claims[0]
        assert ClaimCode.DISCLOSURE_OR_USE in claims
        assert claims.index(ClaimCode.OWNERSHIP) < claims.index(ClaimCode.DISCLOSURE_OR_USE)
        assert not any(g.changes_outcome for g in found)

    def test_gap_that_flips_comes_first(self) -> None:
        """When one item would establish the whole claim, that gap is first."""
        b = example_builder()
        g = b.build()
        # under preponderance, drop the NDA and policy evidence: measures is the only hole
        ev = evaluate(g, as_of=AS_OF, excluded={"E-nda", "E-policy"})
        assert (IE, IE) == (ev.outcome, ev.outcome_of(ClaimCode.MEASURES))
        first = ev.gaps[0]
        assert (ClaimCode.MEASURES, True, True, M) == (
            first.claim,
            first.changes_outcome,
            first.establishes_claim,
            first.outcome_after,
        )
        flipping = [g for g in ev.gaps if g.changes_outcome]
        assert all(g.claim is ClaimCode.MEASURES for g in flipping)
        assert ev.gaps.index(flipping[-1]) == len(flipping) - 1

    def test_access_log_gap_names_carrier_and_window(self) -> None:
        """Access gaps name the carrier and the period to pull logs for."""
        b = example_builder()
        g = b.build()
        ev = evaluate(g, as_of=AS_OF, excluded={"E-log", "E-mail", "E-nda"})
        access = [gap for gap in ev.gaps if gap.code == "evidence.gap.access_logs"]
        args = {dict(gap.args)["carrier"]: dict(gap.args) for gap in access}
        assert {"gear.dwg", "spec.pdf"} == set(args)
        assert (pendulum.Date(2021, 1, 1), pendulum.Date(2025, 3, 31)) == (
            args["spec.pdf"]["start"],
            args["spec.pdf"]["end"],
        )

    def test_access_window_ends_at_departure_event(self) -> None:
        """A departure recorded only as an event also ends the window of the access-log gap."""
        b = EvidenceGraphBuilder()
        b.add(Party(id="p", name="P"))
        b.add(Secret(id="S", name="S"))
        b.add(Carrier(id="c", name="c.pdf"))
        b.embodies("c", "S")
        b.event(id="cp", kind=EventKind.COPY, by="p", on="c", at=t("2025-02-01T10:00:00+08:00"))
        b.event(id="bye", kind=EventKind.DEPARTURE, by="p", at=t("2025-03-15T18:00:00+08:00"))
        ev = evaluate(b.build(), as_of=AS_OF)
        (gap,) = [g for g in ev.gaps if g.code == "evidence.gap.access_logs"]
        assert ("c.pdf", pendulum.Date(2025, 2, 1), pendulum.Date(2025, 3, 15)) == (
            dict(gap.args)["carrier"],
            dict(gap.args)["start"],
            dict(gap.args)["end"],
        )

    def test_breach_gap_skips_proven_duty(self, example: EvidenceGraph) -> None:
        """The NDA is proven, so the breach gap asks only for proof of use."""
        found = gaps(example, as_of=AS_OF)
        breach = [g.kind for g in found if g.claim is ClaimCode.BREACH_OF_DUTY]
        assert [EvidenceKind.NOTARIZED_CAPTURE] == breach


class TestPresentation:
    """explain() in both languages; JSON round trip."""

    def test_explain(self, example: EvidenceGraph) -> None:
        """Both locales render the tree, burden shift, gaps and chains."""
        ev = evaluate(example, standard="high_probability", as_of=AS_OF)
        zh = explain(ev, locale="zh_CN")
        en = explain(ev, locale="en", format="markdown")
        assert "证明标准：高度可能性" in zh
        assert "不为公众所知悉" in zh
        assert "Standard of proof: high probability" in en
        assert "### Missing evidence (most useful first)" in en
        assert "wang → mail-0 → doc-spec → S-gear" in en
        assert "Wang" not in "".join(ev.assessment.codes())

    def test_json_round_trip(self, example: EvidenceGraph) -> None:
        """The evaluation round-trips through tradesecret.serialization."""
        ev = evaluate(example, as_of=AS_OF)
        assert ev == from_json(to_json(ev), EvidenceEvaluation)

    def test_markdown_repr(self, example: EvidenceGraph) -> None:
        """Notebooks show the Chinese Markdown."""
        ev = evaluate(example, as_of=AS_OF)
        assert str(ev._repr_markdown_()).startswith("## 证据链评估")


class TestMore:
    """Older acts, the gaps() shortcut, rebutted acts, remedies in explanations."""

    def test_act_before_2019(self) -> None:
        """An act in 2018 falls under AUCL 2017 Art. 9; Art. 32 (added 2019) does not apply."""
        old = EvidenceGraphBuilder()
        old.add(Party(id="p", name="P"))
        old.add(Secret(id="S", name="S"))
        old.add(Carrier(id="c", name="c"))
        old.embodies("c", "S")
        old.event(id="e", kind=EventKind.COPY, by="p", on="c", at=t("2018-06-01T10:00:00+08:00"))
        ev_old = evaluate(old.build(), as_of=pendulum.Date(2019, 1, 1))
        assert "aucl@2017-11-04:9" == ev_old.assessment.citations[0].id
        assert (NA, NA) == (
            ev_old.outcome_of(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET),
            ev_old.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT),
        )

    def test_gaps_shortcut(self, example: EvidenceGraph) -> None:
        """gaps() returns evaluate().gaps."""
        assert evaluate(example, as_of=AS_OF).gaps == gaps(example, as_of=AS_OF)

    def test_rebutted_act(self) -> None:
        """An expert report rebutting the act claim makes it contested under preponderance."""
        b = example_builder()
        b.add(
            EvidenceItem(
                id="X-forensic",
                kind=EvidenceKind.FORENSIC_IMAGE,
                sha256=sha256_hex(b"x"),
                collected_by="counsel",
                collected_at=t("2025-04-08T10:00:00+08:00"),
            )
        )
        b.rebuts("X-forensic", b.claim(ClaimCode.IMPROPER_ACQUISITION, "S-gear", "wang"))
        g = b.build()
        ev = evaluate(g, as_of=AS_OF)
        acquisition = ev.claim(ClaimCode.IMPROPER_ACQUISITION)
        # pro 1.10 against con 0.9: share 55 % > 50 % -> still met; con share 45 %
        assert (M, Decimal("0.5500")) == (acquisition.outcome, acquisition.strength)
        strict = evaluate(g, standard="high_probability", as_of=AS_OF)
        assert CT == strict.outcome_of(ClaimCode.IMPROPER_ACQUISITION)

    def test_remedy_rendered(self) -> None:
        """A measure after the act carries a remedy, rendered in both languages."""
        b = example_builder()
        b.add(Measure(id="M-late", kind=MeasureKind.OTHER, since=t("2025-03-20T00:00:00+08:00")))
        b.protected_by("doc-dwg", "M-late")
        ev = evaluate(b.build(), as_of=AS_OF)
        assert "保密措施M-late未证明早于首次被诉行为" in explain(ev, locale="zh_CN")
        assert "Prove the measure predates the first act complained of" in explain(ev, locale="en")
        assert "早于首次被诉行为的证据" in explain(ev, locale="zh_CN")

    def test_parameters_listed(self, example: EvidenceGraph) -> None:
        """Every policy figure used is on the assessment, and rendered."""
        ev = evaluate(example, as_of=AS_OF)
        names = {p.name for p in ev.assessment.parameters}
        assert {
            "evidence.standard.preponderance.threshold",
            "evidence.standard.preponderance.minimum",
            # the burden-shift triggers are decided under the prima facie figures
            "evidence.standard.prima_facie.threshold",
            "evidence.standard.prima_facie.minimum",
            "evidence.weight.email",
            "evidence.act_weight.send_personal",
            "evidence.access_factor.post",
        } <= names
        policy = [p for p in ev.assessment.parameters if p.name != ARTICLE]
        assert all(p.citations[0].id == "tradesecret-policy@2026-11-21" for p in policy)
        assert all(p.tier.value == "library_policy" for p in policy)
        (article,) = [p for p in ev.assessment.parameters if p.name == ARTICLE]
        assert (9, "aucl@2019-04-23:9", "V2") == (
            article.as_int(),
            article.citations[0].id,
            article.status.value,
        )
        assert "Evidence weight: E-mail" in explain(ev, locale="en")

    def test_fact_counts(self, example: EvidenceGraph) -> None:
        """Claims report the facts they rest on: Art. 12 contact events, duty and use items."""
        ev = evaluate(example, as_of=AS_OF)
        access = dict(ev.claim(ClaimCode.ACCESS).facts)
        assert (2, 1, 2) == (
            access["count_access"],
            access["count_download"],
            access["count_send_personal"],
        )
        breach = dict(ev.claim(ClaimCode.BREACH_OF_DUTY).facts)
        assert (1, 0) == (breach["count_duty_items"], breach["count_use_items"])


def _claim_graph(*links: tuple[str, EvidenceKind, Stance, str]) -> EvidenceGraph:
    """Secret S held by acme; items bearing directly on 'not publicly known' with strengths."""
    b = EvidenceGraphBuilder()
    b.add(Party(id="acme", name="ACME"))
    b.add(Party(id="p", name="P"))
    b.add(Secret(id="S", name="S"))
    b.owns("acme", "S")
    claim = b.claim(ClaimCode.NOT_PUBLICLY_KNOWN, "S")
    for item_id, kind, stance, strength in links:
        b.add(
            EvidenceItem(
                id=item_id,
                kind=kind,
                sha256=sha256_hex(item_id.encode()),
                collected_by="acme",
                collected_at=t("2025-04-01T10:00:00+08:00"),
            )
        )
        b.evidences(item_id, claim, stance=stance, strength=Decimal(strength))
    return b.build()


def _npk(graph: EvidenceGraph, standard: str) -> Outcome:
    """The outcome of 'not publicly known' under ``standard``."""
    return evaluate(graph, standard=standard, as_of=AS_OF, secret="S", respondent="p").outcome_of(
        ClaimCode.NOT_PUBLICLY_KNOWN
    )


SUP, REB = Stance.SUPPORTS, Stance.REBUTS
SEARCH, NOTARY, CHAT = (
    EvidenceKind.PUBLIC_SEARCH_REPORT,  # policy weight 0.8
    EvidenceKind.NOTARIZED_CAPTURE,  # 1.0
    EvidenceKind.CHAT_RECORD,  # 0.6
)


class TestThresholdBoundaries:
    """Evidence exactly at a standard's minimum weight or share threshold."""

    @pytest.mark.parametrize(
        ("standard", "strength", "expected"),
        [
            ("preponderance", "0.75", M),  # 0.8 x 0.75 = 0.6 = minimum: reaches it
            ("preponderance", "0.74", IE),  # 0.592 < 0.6
            ("prima_facie", "0.375", M),  # 0.8 x 0.375 = 0.3 = minimum
            ("prima_facie", "0.37", IE),  # 0.296 < 0.3
        ],
    )
    def test_minimum_weight_is_inclusive(
        self, standard: str, strength: str, expected: Outcome
    ) -> None:
        """Unopposed support exactly at the minimum weight establishes the claim; just below does not."""
        assert expected == _npk(_claim_graph(("E", SEARCH, SUP, strength)), standard)

    def test_share_threshold_is_exclusive(self) -> None:
        """Support of exactly 75 % is not more than 75 %: contested under high probability."""
        pro = (("E1", SEARCH, SUP, "1"), ("E2", NOTARY, SUP, "1"))  # 1.8
        exactly = _claim_graph(*pro, ("X", CHAT, REB, "1"))  # con 0.6: share 1.8 / 2.4 = 0.75
        assert CT == _npk(exactly, "high_probability")
        above = _claim_graph(*pro, ("X", CHAT, REB, "0.99"))  # con 0.594: share > 0.75
        assert M == _npk(above, "high_probability")
        ev = evaluate(exactly, standard="high_probability", as_of=AS_OF, secret="S", respondent="p")
        assert Decimal("0.7500") == ev.claim(ClaimCode.NOT_PUBLICLY_KNOWN).strength

    def test_even_split(self) -> None:
        """Equal support and rebuttal (share exactly 50 %) is contested under preponderance."""
        even = _claim_graph(("E", SEARCH, SUP, "1"), ("X", SEARCH, REB, "1"))
        assert CT == _npk(even, "preponderance")
        assert CT == _npk(even, "prima_facie")


class TestInputs:
    """Arguments are checked together; every problem comes back with its path."""

    def test_iso_text_date(self, example: EvidenceGraph) -> None:
        """as_of may be ISO text, as everywhere in the library."""
        ev = evaluate(example, as_of="2025-04-10")
        assert (AS_OF, M) == (ev.as_of, ev.outcome)
        assert StandardOfProof.named("preponderance", as_of="2025-04-10") == ev.standard

    def test_every_problem_listed(self, example: EvidenceGraph) -> None:
        """A bad date, secret, respondent, standard and excluded id are listed at once."""
        with pytest.raises(InvalidInputError) as info:
            evaluate(
                example,
                as_of="2025-02-30",
                secret="doc-spec",
                respondent="S-gear",
                standard="beyond_doubt",
                excluded=["E-mail", "ghost"],
            )
        assert ["as_of", "secret", "respondent", "standard", 'excluded["ghost"]'] == [
            p.path for p in info.value.problems
        ]

    def test_excluded_one_string(self, example: EvidenceGraph) -> None:
        """A single id passed as excluded (not a collection) is refused, not read letter by letter."""
        with pytest.raises(InvalidInputError) as info:
            evaluate(example, as_of=AS_OF, excluded="E-mail")
        assert ["excluded"] == [p.path for p in info.value.problems]

    def test_ambiguous(self) -> None:
        """Without names, a graph with two secrets and two actors needs both named."""
        b = example_builder()
        b.add(Secret(id="S-2", name="Other"))
        b.event(
            id="x",
            kind=EventKind.ACCESS,
            by="acme",
            on="doc-dwg",
            at=t("2025-03-01T09:00:00+08:00"),
        )
        with pytest.raises(InvalidInputError) as info:
            evaluate(b.build(), as_of=AS_OF)
        assert ["secret", "respondent"] == [p.path for p in info.value.problems]

    def test_custom_standard_problems(self) -> None:
        """A custom standard lists each bad figure by name."""
        with pytest.raises(InvalidInputError) as info:
            StandardOfProof.custom("x", threshold=Decimal(1), minimum=Decimal(-1))
        assert ["standard.threshold", "standard.minimum"] == [p.path for p in info.value.problems]
        with pytest.raises(InvalidInputError) as info:
            StandardOfProof.named("beyond_doubt", as_of="not a date")
        assert ["standard", "as_of"] == [p.path for p in info.value.problems]


class TestBurdenShiftTriggers:
    """Which Art. 32 triggers the evidence meets, under the prima facie standard."""

    def test_without_measures(self, example: EvidenceGraph) -> None:
        """Without proof of measures 32(1) is not triggered; 32(2) still is, by the act."""
        ev = evaluate(example, as_of=AS_OF, excluded={"E-nda", "E-policy"})
        assert (NM, M) == (
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET),
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT),
        )

    def test_without_any_act(self, example: EvidenceGraph) -> None:
        """Without an act shown, neither trigger is met (nothing 'reasonably shows' infringement)."""
        ev = evaluate(example, as_of=AS_OF, excluded={"E-log", "E-mail"})
        assert IE == ev.outcome_of(ClaimCode.ACT)
        assert (NM, NM) == (
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET),
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT),
        )

    def test_prima_facie_even_under_strict_standard(self, example: EvidenceGraph) -> None:
        """The triggers use the prima facie standard whatever standard the claims use."""
        ev = evaluate(example, standard="high_probability", as_of=AS_OF)
        assert IE == ev.outcome
        assert (M, M) == (
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET),
            ev.outcome_of(ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT),
        )
        assert (
            "prima_facie" == dict(ev.claim(ClaimCode.BURDEN_SHIFT_NOT_A_SECRET).facts)["standard"]
        )
