"""Write src/tradesecret/data/_snapshot.json from the package's law data (TOML); run after editing it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tradesecret._data_snapshot import SNAPSHOT, dumps  # noqa: E402


def main() -> None:
    data = ROOT / "src" / "tradesecret" / "data"
    sources = [(p.name, p.read_bytes()) for p in sorted(data.glob("*.toml"))]
    (data / SNAPSHOT).write_text(dumps(sources), encoding="utf-8")
    print(f"wrote {data / SNAPSHOT} from {len(sources)} files")


if __name__ == "__main__":
    main()
