"""``python -m tradesecret.cli``."""

from tradesecret.cli import main

raise SystemExit(main())
