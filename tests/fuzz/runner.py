"""
Long fuzz runs (``scripts/fuzz``): the bounded CI strategies, run for as many inputs as asked.

Prints, per case kind, how many inputs were reviewed (ok), refused with a typed error,
accepted although the schema refuses them (silent conversions), crashed (tracebacks) or ran
longer than ``--hang-seconds`` (hangs); then the same for the public API functions of
:mod:`tests.fuzz.test_fuzz_api`. Exits 1 when any traceback, hang or silent conversion was
seen.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import KINDS, Verdict, case_inputs, judge
from tradesecret.exceptions import TradeSecretError


class _HangError(Exception):
    pass


def _alarm(_: int, __: FrameType | None) -> None:
    raise _HangError


def _timed(fn: Callable[[], Verdict], seconds: float) -> Verdict:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    except _HangError:
        return Verdict("hang")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _settings(n: int, seed: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )


def fuzz_kind(kind: str, n: int, hang: float, seed: int) -> tuple[Counter[str], Counter[str]]:
    """Counts of outcomes and of traceback signatures for ``n`` inputs of ``kind``."""
    counts: Counter[str] = Counter()
    signatures: Counter[str] = Counter()

    @_settings(n, seed)
    @given(case_inputs(kind))
    def one(text: str | bytes) -> None:
        verdict = _timed(lambda: judge(text, kind), hang)
        counts[verdict.outcome] += 1
        if verdict.signature:
            signatures[verdict.signature] += 1

    one()
    return counts, signatures


def fuzz_api(n: int, hang: float, seed: int) -> tuple[Counter[str], Counter[str]]:
    """Counts for ``n`` calls of each public function of the API fuzz test."""
    from tests.fuzz.test_fuzz_api import CALLS  # noqa: PLC0415 - the test module is the catalogue

    counts: Counter[str] = Counter()
    signatures: Counter[str] = Counter()
    for name, (fn, strategies) in sorted(CALLS.items()):
        _fuzz_call(name, fn, strategies, n, hang, seed, counts, signatures)()
    return counts, signatures


def _call(fn: Callable[..., Any], args: tuple[Any, ...]) -> Verdict:
    try:
        fn(*args)
    except TradeSecretError:
        return Verdict("refused")
    except TypeError as exc:
        if "unsupported operand" in str(exc) or "can't multiply" in str(exc):
            return Verdict("refused")  # an operator's protocol, as in the CI test
        return Verdict("traceback", f"{type(exc).__name__}: {str(exc)[:100]}")
    except Exception as exc:
        return Verdict("traceback", f"{type(exc).__name__}: {str(exc)[:100]}")
    return Verdict("ok")


def _fuzz_call(
    name: str,
    fn: Callable[..., Any],
    strategies: tuple[st.SearchStrategy[Any], ...],
    n: int,
    hang: float,
    seed: int,
    counts: Counter[str],
    signatures: Counter[str],
) -> Callable[[], None]:
    @_settings(n, seed)
    @given(st.tuples(*strategies))
    def one(args: tuple[Any, ...]) -> None:
        verdict = _timed(lambda: _call(fn, args), hang)
        counts[verdict.outcome] += 1
        if verdict.signature:
            signatures[f"{name}: {verdict.signature}"] += 1

    return one


def _line(label: str, counts: Counter[str], seconds: float) -> str:
    total = sum(counts.values())
    parts = " ".join(
        f"{k}={counts.get(k, 0)}" for k in ("ok", "refused", "silent", "traceback", "hang")
    )
    return f"{label:<14} inputs={total:<8} {parts}  ({seconds:.0f} s)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fuzzers; 0 when no traceback, hang or silent conversion was seen."""
    parser = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__)
    parser.add_argument("--per-kind", type=int, default=100_000, help="inputs per case kind")
    parser.add_argument("--api", type=int, default=1_000, help="calls per public function")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), help="case kinds to fuzz")
    parser.add_argument("--hang-seconds", type=float, default=10.0, help="slower is a hang")
    parser.add_argument("--seed", type=int, default=0, help="reserved (hypothesis seeds itself)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    total: Counter[str] = Counter()
    bugs: Counter[str] = Counter()
    for kind in args.kinds:
        start = time.perf_counter()  # the fuzz script times itself; the library never does
        counts, signatures = fuzz_kind(kind, args.per_kind, args.hang_seconds, args.seed)
        print(_line(kind, counts, time.perf_counter() - start), flush=True)
        total += counts
        bugs += signatures
    if args.api:
        start = time.perf_counter()
        counts, signatures = fuzz_api(args.api, args.hang_seconds, args.seed)
        print(_line("public API", counts, time.perf_counter() - start), flush=True)
        total += counts
        bugs += signatures
    print(_line("total", total, 0).rsplit("  (", 1)[0])
    for signature, count in bugs.most_common(30):
        print(f"  {count:>6}  {signature}")
    return 1 if total["traceback"] or total["hang"] or total["silent"] else 0


if __name__ == "__main__":
    sys.exit(main())
