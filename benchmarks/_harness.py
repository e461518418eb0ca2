"""
A tiny benchmark harness: wall time and peak memory of one callable, written to JSON.

Peak memory is the process's maximum resident set size (``ru_maxrss``), so run each
benchmark in its own process (``run.py`` does) to measure it alone.
"""

from __future__ import annotations

import json
import platform
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def measure(name: str, fn: Callable[[], dict[str, Any]], *, target: str = "") -> dict[str, Any]:
    """Run ``fn`` once, record seconds, peak RSS and ``fn``'s own figures, and save them."""
    start = time.perf_counter()
    extra = fn()
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    record = {
        "name": name,
        "seconds": round(seconds, 3),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "target": target,
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        **extra,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(record))
    return record
