"""Run every benchmark, each in its own process so peak memory is its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run ``benchmarks/bench_*.py`` (or the names given) one by one."""
    names = sys.argv[1:] or sorted(p.stem for p in (ROOT / "benchmarks").glob("bench_*.py"))
    failed = 0
    for name in names:
        module = f"benchmarks.{name if name.startswith('bench_') else 'bench_' + name}"
        result = subprocess.run([sys.executable, "-m", module], cwd=ROOT, check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
