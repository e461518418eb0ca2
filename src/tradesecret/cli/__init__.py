"""
The ``tradesecret`` command line.

Commands: ``demo``, ``review FILE...`` (several files or a directory: JSON Lines),
``ledger FILE [--as-of DATE]``, ``params --as-of DATE [--region R]``, ``batch INPUT --as-of
DATE -o OUT|-``, ``schema NAME``, ``example NAME``, ``regions`` and ``serve`` (the HTTP API).
``--version`` prints the version.
Options: ``--locale zh_CN|en|bilingual``, ``--format text|markdown|html|json``,
``--fail-on info|low|medium|high|critical``, ``--output FILE``.

Exit codes: 0 ok; 1 findings at or above ``--fail-on``; 2 bad input, with every
problem listed (path and reason, in the command's ``--locale``; a global ``--locale`` before
the command serves the commands without one; ``bilingual``: Chinese, then English) -- never a
traceback for bad input; 70 an internal error
(a bug), reported in one line with an error id -- the traceback only with ``--debug``
(accepted anywhere on the command line).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from tradesecret.cli._commands import add_commands
from tradesecret.cli._errors import one_locale, say_error
from tradesecret.dates import to_date
from tradesecret.exceptions import (
    ConflictingRulesError,
    InvalidInputError,
    MissingMessageError,
    NoApplicableRuleError,
    TradeSecretError,
    unreadable_file,
)
from tradesecret.results import Severity

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_INTERNAL_ERROR", "EXIT_OK", "main"]

#: Everything went well (and no finding reached ``--fail-on``).
EXIT_OK = 0
#: A finding at or above ``--fail-on``.
EXIT_FINDINGS = 1
#: Bad input or usage: every problem is listed with its path.
EXIT_BAD_INPUT = 2
#: An internal error (a bug in the library): one line with an error id (``EX_SOFTWARE``).
EXIT_INTERNAL_ERROR = 70

#: Library errors that are bugs, not bad input.
_INTERNAL: tuple[type[TradeSecretError], ...] = (
    MissingMessageError,
    NoApplicableRuleError,
    ConflictingRulesError,
)

_FORMATS = ("text", "markdown", "html", "json")
_SEVERITIES = tuple(s.value for s in Severity)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as exit 2 through our stderr, never exiting itself."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tradesecret",
        description="PRC trade-secret and non-compete compliance, with citations. Not legal advice.",
        epilog="Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input, "
        "70 internal error (--debug, anywhere on the line, shows its traceback).",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--locale",
        dest="global_locale",
        default=None,
        help="language of error messages for every command (a command's own --locale wins): "
        "zh_CN (default), en or bilingual",
    )
    common = _Parser(add_help=False)
    common.add_argument("--locale", default=None, help="zh_CN (default), en or bilingual")
    common.add_argument("--format", default="text", choices=_FORMATS, help="output format")
    common.add_argument("--output", "-o", default=None, help="write to this file instead of stdout")
    failing = _Parser(add_help=False)
    failing.add_argument(
        "--fail-on",
        default=None,
        choices=_SEVERITIES,
        help="exit 1 when a finding is at or above this severity (default: never)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    demo = sub.add_parser("demo", parents=[common, failing], help="run the shipped worked example")
    demo.add_argument("--as-of", default=None, help="date of the report (default: the example's)")
    review = sub.add_parser(
        "review", parents=[common, failing], help="review a case file: findings and determinations"
    )
    review.add_argument(
        "file",
        nargs="+",
        help="case file (JSON); - for stdin; several files or a directory: JSON Lines",
    )
    review.add_argument("--as-of", default=None, help="override the case file's as_of date")
    ledger = sub.add_parser(
        "ledger", parents=[common, failing], help="the compensation ledger of a non-compete case"
    )
    ledger.add_argument("file", help="case file of kind noncompete (JSON); - for stdin")
    ledger.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: the case file's)")
    params = sub.add_parser("params", parents=[common], help="every parameter in force on a date")
    params.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    params.add_argument("--region", default=None, help="region code, e.g. CN-SH or CN-GD-SZ")
    batch = sub.add_parser(
        "batch",
        parents=[failing],
        help="compensation ledgers of many employees (CSV or Parquet); --fail-on: "
        "invalid rows and release rights are high, arrears medium",
    )
    batch.add_argument(
        "input", help="CSV, Parquet or JSON Lines file, one row per agreement (see the docs)"
    )
    batch.add_argument("--payments", default=None, help="payments: agreement_id,date,amount")
    batch.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    batch.add_argument(
        "--output", "-o", required=True, help="results file: .csv, .jsonl, .parquet; - for stdout"
    )
    batch.add_argument("--locale", default=None, help="language of the summary and errors")
    batch.add_argument("--chunk-rows", type=int, default=100_000, help="rows per chunk")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    batch.add_argument(
        "--params", default=None, help="a tenant's parameter overlay (TOML, the package format)"
    )
    schema = sub.add_parser(
        "schema", help="the JSON Schema of a case-file kind, or of the review output"
    )
    schema.add_argument(
        "name",
        help="case, a kind (trade_secret, noncompete, ...), or review (--format json output)",
    )
    example = sub.add_parser("example", help="print a shipped example case file")
    example.add_argument("name", help="a kind with a shipped example")
    add_commands(sub, common)
    return parser


def _version() -> str:
    metadata: Any = importlib.import_module("importlib.metadata")  # only for --version
    try:
        return str(metadata.version("tradesecret"))
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``: the package metadata is read when asked, not at every start."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, default=argparse.SUPPRESS, nargs=0, help="show the version"
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        _option_string: str | None = None,
    ) -> None:
        sys.stdout.write(f"tradesecret {_version()}\n")  # where argparse's version action writes
        parser.exit()


def _read(path: str) -> str | bytes:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInputError([unreadable_file(path, exc)]) from None


def _write(text: str, output: str | None, out: TextIO) -> None:
    if output is None:
        out.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(
            [unreadable_file("--output", exc, value=output, writing=True)]
        ) from None


def _exit_for(review: Any, fail_on: str | None) -> int:
    if fail_on is None:
        return EXIT_OK
    return EXIT_FINDINGS if review.fails(Severity(fail_on)) else EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    words = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in words
    words = [w for w in words if w != "--debug"]
    try:
        return _main(words, out, err)
    except BrokenPipeError:  # the reader of our output went away (``| head``): not a bug
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the one place that turns a bug into exit 70
        return _internal_error(exc, err, debug=debug)


def _internal_error(exc: BaseException, err: TextIO, *, debug: bool) -> int:
    """One line naming the error and an id that is the same for the same bug."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = "|".join(f"{Path(f.filename).name}:{f.name}:{f.lineno}" for f in frames[-5:])
    error_id = hashlib.sha256(f"{type(exc).__name__}|{where}".encode()).hexdigest()[:10]
    message = " ".join(str(exc).split())[:200] or type(exc).__name__
    if debug:
        err.write("".join(traceback.format_exception(exc)))
    err.write(
        f"error: internal error {error_id} ({type(exc).__name__}: {message}); "
        "this is a bug in tradesecret, please report it with the error id"
        f"{'' if debug else ' (--debug shows the traceback)'}\n"
    )
    return EXIT_INTERNAL_ERROR


def _main(argv: list[str], out: TextIO, err: TextIO) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        err.write(parser.format_usage())
        err.write(f"error: {exc}\n")
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help
        return EXIT_BAD_INPUT if exc.code else EXIT_OK
    # a command's own --locale, else the global one, else zh_CN: for its output and its errors
    args.locale = getattr(args, "locale", None) or args.global_locale or "zh_CN"
    try:
        return _dispatch(args, out, err)
    except _INTERNAL:
        raise
    except TradeSecretError as exc:  # bad input (or law not covered): every problem, localised
        say_error(exc, args.locale, err)
        return EXIT_BAD_INPUT


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if getattr(args, "locale", None) is not None:
        _check_locale(args.locale)
    if args.command == "batch":  # the batch path only: no reports, case files or server
        batch: Any = importlib.import_module("tradesecret.cli._batch_command")
        return int(batch.run(args, out, err))
    from tradesecret.reports import render  # noqa: PLC0415

    if args.command in ("review", "ledger", "regions", "serve"):
        # these load on use (case files, reports, numpy, the server): start-up stays light
        more: Any = importlib.import_module("tradesecret.cli._more")
        done: int | None = more.run(args, out, err, read=_read, write=_write)
        if done is not None:
            return done

    if args.command == "params":
        _check_locale(args.locale)
        as_of = to_date(args.as_of, path="--as-of")
        render_params = importlib.import_module("tradesecret.cli._params").render_params
        text = render_params(
            as_of=as_of, region=args.region, locale=one_locale(args.locale), fmt=args.format
        )
        if args.format == "html":
            from tradesecret.reports import REPORT_CSS, markdown_to_html  # noqa: PLC0415

            md = render_params(
                as_of=as_of, region=args.region, locale=one_locale(args.locale), fmt="markdown"
            )
            text = _html_page(markdown_to_html(md), REPORT_CSS)
        _write(text, args.output, out)
        return EXIT_OK
    if args.command == "demo":
        from tradesecret.cli._demo import run_demo  # noqa: PLC0415

        _check_locale(args.locale)
        demo_day = to_date(args.as_of, path="--as-of") if args.as_of else None
        review = run_demo(as_of=demo_day)
        _write(render(review, locale=args.locale, format=args.format), args.output, out)
        return _exit_for(review, args.fail_on)
    if args.command == "review":
        from tradesecret.casefile import load_case, review_case  # noqa: PLC0415

        _check_locale(args.locale)
        override = to_date(args.as_of, path="--as-of") if args.as_of else None
        case = load_case(_read(args.file[0]))
        review = review_case(case, as_of=override)
        _write(render(review, locale=args.locale, format=args.format), args.output, out)
        return _exit_for(review, args.fail_on)
    if args.command == "schema":
        from tradesecret.casefile import case_schema  # noqa: PLC0415

        out.write(json.dumps(case_schema(args.name), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.command == "example":
        from tradesecret.casefile import example_text  # noqa: PLC0415

        out.write(example_text(args.name))
        return EXIT_OK
    return EXIT_BAD_INPUT  # pragma: no cover - argparse enforces a known command


def _check_locale(locale: str) -> None:
    if locale in ("bilingual", "both"):
        return
    from tradesecret.i18n import normalize_locale  # noqa: PLC0415

    try:
        normalize_locale(locale)
    except InvalidInputError:
        raise InvalidInputError.single("--locale", locale, "one of zh_CN, en, bilingual") from None


def _html_page(body: str, css: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>tradesecret</title>'
        f"<style>{css}</style></head>\n<body>\n{body}\n</body>\n</html>\n"
    )


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
