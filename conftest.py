"""Repository-wide pytest configuration."""

# `python -m tradesecret.cli` runs the CLI on import; doctest collection must not import it.
collect_ignore = ["src/tradesecret/cli/__main__.py"]
