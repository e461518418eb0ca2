"""
``tradesecret batch``: the one command that loads only the batch path.

The CLI dispatches here before anything else, so a batch run loads the ledger's batch
modules, the readers and writers and the summary's catalog -- not the reports, the case
files, the server or the other commands.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from tradesecret.cli._batchio import run_batch_any
from tradesecret.cli._errors import one_locale
from tradesecret.dates import to_date
from tradesecret.results import Severity

__all__ = ["run"]

EXIT_OK, EXIT_FINDINGS = 0, 1


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Evaluate the input file, write the results and the summary; the exit code."""
    summary = run_batch_any(
        args.input,
        as_of=to_date(args.as_of, path="--as-of"),
        output=args.output,
        stdout=out,
        payments_path=args.payments,
        chunk_rows=args.chunk_rows,
        progress=None if args.no_progress else err,
        params_path=args.params,
        locale=one_locale(args.locale),
    )
    (err if args.output == "-" else out).write(summary.render(one_locale(args.locale)))
    worst = summary.worst()
    if args.fail_on is not None and worst is not None and worst.at_least(Severity(args.fail_on)):
        return EXIT_FINDINGS
    return EXIT_OK
