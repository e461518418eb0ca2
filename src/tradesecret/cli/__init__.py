"""
The ``tradesecret`` command line.

Exit codes: 0 ok; 1 findings at or above ``--fail-on``; 2 bad input, with every
problem listed (path and reason) -- never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from tradesecret.cli._params import render_params
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, TradeSecretError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradesecret",
        description="PRC trade-secret and non-compete compliance, with citations. Not legal advice.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--locale", default="zh_CN", help="zh_CN (default) or en")
    common.add_argument(
        "--format", default="text", choices=("text", "markdown", "json"), help="output format"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", parents=[common], help="run the shipped worked example")
    demo.add_argument(
        "--as-of", default=None, help="date of the report (default: the example's date)"
    )
    params = sub.add_parser("params", parents=[common], help="every parameter in force on a date")
    params.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    params.add_argument("--region", default=None, help="region code, e.g. CN-SH or CN-GD-SZ")
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return EXIT_BAD_INPUT if exc.code else EXIT_OK
    try:
        if args.command == "params":
            out.write(
                render_params(
                    as_of=to_date(args.as_of, path="--as-of"),
                    region=args.region,
                    locale=args.locale,
                    fmt=args.format,
                )
            )
            return EXIT_OK
        if args.command == "demo":
            from tradesecret.cli._demo import run_demo  # noqa: PLC0415

            out.write(run_demo(as_of=args.as_of, locale=args.locale, fmt=args.format))
            return EXIT_OK
    except InvalidInputError as exc:
        for line in exc.lines():
            err.write(f"error: {line}\n")
        return EXIT_BAD_INPUT
    except TradeSecretError as exc:
        err.write(f"error: {exc}\n")
        return EXIT_BAD_INPUT
    return EXIT_BAD_INPUT  # pragma: no cover - argparse enforces a known command


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
