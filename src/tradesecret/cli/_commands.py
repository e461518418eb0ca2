"""The options of ``regions`` and ``serve`` (argparse only: cheap to import at start-up)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_commands"]


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``regions`` and ``serve`` to the subcommands."""
    regions = sub.add_parser("regions", help="every region code: names, GB/T 2260 code, tiers")
    regions.add_argument("--format", default="text", choices=("text", "json"))
    regions.add_argument("--locale", default=None, help="order of the names in text output")
    serve = sub.add_parser("serve", help="the HTTP API (pip install 'tradesecret[server]')")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.add_argument(
        "--token-env",
        default=None,
        metavar="VAR",
        help="require 'Authorization: Bearer <token>', the token read from this variable",
    )
    serve.add_argument("--max-body-bytes", type=int, default=10 * 1024 * 1024)
    serve.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    _ = common
