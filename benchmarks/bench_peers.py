"""
tradesecret beside its peers (NumPy, OpenFisca, Decimal) on the peer benchmark's population.

The peers live in ``../shared/peers`` (or ``$TS_PEERS``) and run in their own virtualenv
(``$PEER_PY``, built as that folder's README says, outside this repository). Where either
is missing, every command prints why and exits 0: nothing here is part of the test suite.

Commands (from the repository root):

``suite``
    One run of the peers' interleaved suite: for each size and repetition, NumPy,
    OpenFisca and tradesecret each run in a fresh child process, one after the other, so
    load from other work hits all alike. Writes ``benchmarks/results/peers_suite.json``
    (raw) and ``benchmarks/results/peers.json`` (per-round ratios and their medians).
``exact``
    tradesecret's batch amounts against the peers' Decimal reference on the common subset
    (periods of at most 12 months -- the peers apply 50 % above a year -- and a minimum
    wage that does not change during the period -- the peers read it once): the library
    takes the 12-month wage total, so the count of mismatches must be 0.
``latency``
    One agreement evaluated, and evaluated and explained in zh / en (the peers' latency
    command). Writes ``benchmarks/results/peers_latency.json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
PEERS = Path(os.environ.get("TS_PEERS", ROOT.parent / "shared" / "peers"))
PEER_PY = os.environ.get("PEER_PY", "")


def _missing() -> str | None:
    if not (PEERS / "bench_tradesecret.py").exists():
        return f"peer benchmark not found at {PEERS} (set TS_PEERS)"
    if not PEER_PY or not Path(PEER_PY).exists():
        return "peer virtualenv missing: build it as the peers' README says and set PEER_PY"
    return None


def _env() -> dict[str, str]:
    src = str(ROOT / "src")
    path = os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "TS_PY": sys.executable, "PEER_PY": PEER_PY}


def _ratios(raw: dict[str, Any]) -> dict[str, Any]:
    """Per-round ratios (same rep = run back to back) and their medians."""
    rounds: dict[tuple[int, int], dict[str, Any]] = {}
    for r in raw["runs"]:
        if "error" not in r:
            rounds.setdefault((r["n"], r["rep"]), {})[r["impl"]] = r
    wanted: dict[str, Callable[[dict[str, Any]], float]] = {
        "tradesecret_total/numpy_total": lambda v: (
            v["tradesecret"]["total_s"] / v["numpy"]["total_s"]
        ),
        "openfisca_total/tradesecret_total": lambda v: (
            v["openfisca"]["total_s"] / v["tradesecret"]["total_s"]
        ),
        "tradesecret_peak_extra/numpy_peak_extra": lambda v: (
            v["tradesecret"]["peak_extra_bytes"] / v["numpy"]["peak_extra_bytes"]
        ),
    }
    out: dict[str, Any] = {}
    for n in sorted({k[0] for k in rounds}):
        per = [v for (size, _), v in sorted(rounds.items()) if size == n]
        for name, f in wanted.items():
            values = []
            for v in per:
                try:
                    values.append(round(f(v), 3))
                except (KeyError, TypeError, ZeroDivisionError):
                    continue
            if values:
                out[f"{n}:{name}"] = {"rounds": values, "median": statistics.median(values)}
    return out


def cmd_suite(args: argparse.Namespace) -> None:
    raw_path = RESULTS / "peers_suite.json"
    RESULTS.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(PEERS / "bench_tradesecret.py"),
            "suite",
            "--sizes",
            args.sizes,
            "--reps",
            str(args.reps),
            "--impls",
            args.impls,
            "--out",
            str(raw_path),
        ],
        check=True,
        env=_env(),
    )
    raw = json.loads(raw_path.read_text(encoding="utf-8"))
    ratios = _ratios(raw)
    record = {"started": raw.get("started"), "nproc": raw.get("nproc"), "ratios": ratios}
    (RESULTS / "peers.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    for name, value in ratios.items():
        print(f"{name}: {value['rounds']} median {value['median']}")


def cmd_latency(args: argparse.Namespace) -> None:
    RESULTS.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(PEERS / "bench_tradesecret.py"),
            "latency",
            "--count",
            str(args.count),
            "--json",
            str(RESULTS / "peers_latency.json"),
        ],
        check=True,
        env=_env(),
    )


def cmd_exact(args: argparse.Namespace) -> None:
    sys.path[:0] = [str(ROOT / "src"), str(PEERS)]
    # the peers' modules (outside this repository) and the library load on use
    reference_impl: Any = importlib.import_module("nc_reference")
    synth: Any = importlib.import_module("synth")
    mapping: Any = importlib.import_module("ts_mapping")
    np: Any = importlib.import_module("numpy")
    ledger: Any = importlib.import_module("tradesecret.ledger")
    BatchInput, evaluate_batch = ledger.BatchInput, ledger.evaluate_batch  # noqa: N806

    p = importlib.import_module("nc_params").Params()
    data = synth.generate(args.n, seed=args.seed, params=p)
    n = args.n
    reference = np.array(
        [
            int(reference_impl.minimum_monthly_compensation(e, p).scaleb(2))
            for e in reference_impl.load(data)
        ],
        dtype=np.int64,
    )
    declared = data["declared"]
    total = np.where(declared, 0, data["wages"].sum(axis=1)).astype(np.int64)
    base = mapping.batch_input(data)
    inputs = {
        "wage_total": BatchInput(
            termination=base.termination,
            months=base.months,
            region=base.region,
            agreed_fen=np.zeros(n, dtype=np.int64),
            average_wage_fen=np.where(declared, data["declared_avg"], 0).astype(np.int64),
            wage_total_fen=total,
            reminder=base.reminder,
            pay_row=base.pay_row,
            pay_date=base.pay_date,
            pay_fen=base.pay_fen,
        ),
        "average_in_whole_fen (before)": base,
    }
    months = data["duration"].astype(np.int64)
    table = synth.min_wage_table(p)
    ends = np.stack([synth.K.add_months(data["term"], np.full(n, i + 1)) for i in range(24)], 1)
    mw_month = np.stack(
        [synth.K.min_wage_cents(data["region"], ends[:, i], table) for i in range(24)], 1
    )
    mw_term = synth.K.min_wage_cents(data["region"], data["term"], table)
    live = np.arange(24)[None, :] < months[:, None]
    steady = ~((mw_month != mw_term[:, None]) & live).any(axis=1)
    common = (months <= p.long_threshold) & steady
    report: dict[str, Any] = {"n": n, "seed": args.seed, "common_subset_rows": int(common.sum())}
    rb, opts = mapping.rulebook("default"), mapping.options("default")
    for name, batch in inputs.items():
        res = evaluate_batch(batch, as_of=mapping.AS_OF, options=opts, rulebook=rb)
        differs = ((res.amount[:, :24] != reference[:, None]) & live).any(axis=1)
        report[name] = {
            "invalid_rows": int((~res.valid).sum()),
            "mismatches_on_common_subset": int((differs & common).sum()),
        }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "peers_exact.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(json.dumps(report, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")  # none: the suite (benchmarks/run.py)
    suite = sub.add_parser("suite")
    suite.add_argument("--sizes", default="100000,1000000")
    suite.add_argument("--reps", type=int, default=3)
    suite.add_argument("--impls", default="numpy,openfisca,tradesecret")
    exact = sub.add_parser("exact")
    exact.add_argument("--n", type=int, default=20000)
    exact.add_argument("--seed", type=int, default=20240601)
    latency = sub.add_parser("latency")
    latency.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    if args.command is None:
        args = parser.parse_args(["suite"])
    reason = _missing()
    if reason is not None:
        print(f"skipped: {reason}")
        return
    {"suite": cmd_suite, "exact": cmd_exact, "latency": cmd_latency}[args.command](args)


if __name__ == "__main__":
    main()
