"""
The commands that serve other programs: ``review`` of many files, ``ledger``, ``batch``,
``regions`` and ``serve``.

* ``review A.json B.json`` or ``review DIR`` -- one JSON line per file: ``{"file", "ok":
  true, "review": {...}}`` or ``{"file", "ok": false, "problems": [...]}``; exit 2 when a
  file had problems, else as ``--fail-on`` says.
* ``ledger FILE`` -- ``--as-of`` defaults to the case file's ``as_of``.
* ``batch IN -o -`` -- JSON Lines on standard output, the summary on standard error; the
  input may be CSV, Parquet or JSON Lines (:mod:`tradesecret.cli._batch_command`).
* ``regions [--format json|text]`` -- every region code.
* ``serve [--host H] [--port P] [--workers N] [--token-env VAR]`` -- the HTTP API (needs
  ``pip install 'tradesecret[server]'``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from tradesecret.casefile import load_case, review_case
from tradesecret.cli._errors import one_locale
from tradesecret.cli._ledger import run_ledger
from tradesecret.cli._regions import render_regions
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem, TradeSecretError
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import error_problems
from tradesecret.reports import render
from tradesecret.reports._render import to_plain
from tradesecret.results import Severity

__all__ = ["review_files", "run"]

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
_CANNOT = "cannot be reviewed (an internal error)"


def _plain_problems(problems: tuple[Problem, ...], locale: str) -> list[dict[str, object]]:
    """Each problem as JSON: path, value, reason (English), template, params, message."""
    loc = Localizer.for_locale(one_locale(locale))
    return [loc.problem_object(p) for p in problems]


def _case_files(paths: list[str]) -> Iterator[str]:
    for path in paths:
        folder = Path(path)
        if folder.is_dir():
            yield from (str(p) for p in sorted(folder.glob("*.json")))
        else:
            yield path


def review_files(
    paths: list[str], *, locale: str, as_of: Any, out: TextIO, fail_on: str | None
) -> int:
    """Review every file (directories: their ``*.json``), one JSON line each."""
    bad = failed = False
    for path in _case_files(paths):
        line: dict[str, Any] = {"file": path}
        try:
            review = review_case(load_case(Path(path)), as_of=as_of)
            line |= {"ok": True, "review": to_plain(review, locale=locale)}
            failed |= fail_on is not None and review.fails(Severity(fail_on))
        except TradeSecretError as exc:
            bad = True
            problems = error_problems(exc) or (Problem(path="$", value="", reason=_CANNOT),)
            line |= {"ok": False, "problems": _plain_problems(problems, locale)}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if failed else EXIT_OK


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    try:
        server: Any = importlib.import_module("tradesecret.server")
    except ImportError as exc:
        raise InvalidInputError.single(
            "serve", str(exc.name), "install the server extra: pip install 'tradesecret[server]'"
        ) from None
    token = None
    if args.token_env is not None:
        token = os.environ.get(args.token_env)
        if not token:
            raise InvalidInputError.single("--token-env", args.token_env, "variable not set")
    version = importlib.import_module("tradesecret").__version__
    settings = server.Settings(
        token=token,
        max_body_bytes=args.max_body_bytes,
        timeout_seconds=args.timeout,
        version=version,
    )
    err.write(f"tradesecret {version}: http://{args.host}:{args.port} (Ctrl-C to stop)\n")
    server.run(settings, host=args.host, port=args.port, workers=args.workers)
    return EXIT_OK


def run(args: argparse.Namespace, out: TextIO, err: TextIO, *, read: Any, write: Any) -> int | None:
    """Run the commands of this module (``read``/``write``: the CLI's file helpers); ``None`` for the others."""
    if args.command == "review" and (len(args.file) > 1 or Path(args.file[0]).is_dir()):
        as_of = to_date(args.as_of, path="--as-of") if args.as_of else None
        return review_files(
            args.file, locale=args.locale, as_of=as_of, out=out, fail_on=args.fail_on
        )
    if args.command == "ledger":
        as_of = to_date(args.as_of, path="--as-of") if args.as_of else None
        review = run_ledger(read(args.file), as_of=as_of)
        write(render(review, locale=args.locale, format=args.format), args.output, out)
        if args.fail_on is not None and review.fails(Severity(args.fail_on)):
            return EXIT_FINDINGS
        return EXIT_OK
    if args.command == "batch":
        batch: Any = importlib.import_module("tradesecret.cli._batch_command")
        return int(batch.run(args, out, err))
    if args.command == "regions":
        out.write(render_regions(fmt=args.format, locale=args.locale))
        return EXIT_OK
    if args.command == "serve":
        return _serve(args, err)
    return None
