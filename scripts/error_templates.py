"""
The input-error message templates the code raises, and the ``errors`` catalogs.

An input error's reason is written once, in English, as a template at the place that
raises it (``Problem.of(path, value, "must be at most {limit}", limit=24)``); the
template is its message id in ``i18n/locale/<locale>/LC_MESSAGES/errors.po``, as in
gettext. This script finds every template in ``src/tradesecret`` (like ``xgettext``)
and keeps the catalogs in step:

    python scripts/error_templates.py --check    # exit 1 naming what is missing or stale
    python scripts/error_templates.py --update   # add new templates (zh_CN left to translate),
                                                 # drop stale ones, en = the template itself

What counts as a template: the reason argument of ``Problem.of``, ``Problem(reason=...)``,
``InvalidInputError.single``, ``CitationError``, ``UnknownRegionError`` and of the helpers
listed in ``_REASON_AT`` -- a string literal, or a name bound to one at module level.
An f-string there is refused (``--check`` names it): the reason's variable parts are
parameters, so a translation can move them.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "tradesecret"
LOCALES = ROOT / "src" / "tradesecret" / "i18n" / "locale"

#: call name -> (position of the reason argument, its keyword name)
_REASON_AT: dict[str, tuple[int, str]] = {
    "Problem.of": (2, "reason"),
    "InvalidInputError.single": (2, "reason"),
    "Problem": (-1, "reason"),
    "CitationError": (1, "reason"),
    "UnknownRegionError": (1, "hint"),
    "problem": (2, "reason"),  # the local helpers named ``problem(path, value, reason)``
    "invalid": (2, "reason"),
}

#: Templates the exceptions module composes (``UnknownRegionError`` prefixes its hint).
_COMPOSED_PREFIX = {"UnknownRegionError": "unknown region code: "}

#: Frames around a problem, with stable ids (not English templates).
FRAMES = ("error.line", "error.line_no_value", "error.prefix")
#: Words a parameter can be that are translated too: the kinds of JSON value
#: (:func:`tradesecret.exceptions.json_kind`).
VOCABULARY = ("null", "a boolean", "a string", "a number", "an array", "an object")


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{func.value.id}.{func.attr}"
    return ""


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            out[target.id] = value.value
    return out


def _reason_arg(node: ast.Call, name: str) -> ast.expr | None:
    position, keyword = _REASON_AT[name]
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    if position >= 0 and len(node.args) > position:
        return node.args[position]
    return None


def _literal(expr: ast.expr, constants: dict[str, str]) -> list[str] | None:
    """The template(s) an expression can be: literals, constants, either side of ``a if c else b``."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.Name) and expr.id in constants:
        return [constants[expr.id]]
    if isinstance(expr, ast.IfExp):
        left, right = _literal(expr.body, constants), _literal(expr.orelse, constants)
        if left is not None and right is not None:
            return left + right
    return None


def scan(src: Path = SRC) -> tuple[dict[str, list[str]], list[str]]:
    """Every template found (with where) and every place whose reason is not a template."""
    found: dict[str, list[str]] = {}
    bad: list[str] = []
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name not in _REASON_AT:
                continue
            arg = _reason_arg(node, name)
            if arg is None:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            templates = _literal(arg, constants)
            if templates is None:
                if not _dynamic_ok(path, node.lineno):
                    bad.append(f"{where}: reason is not a string literal ({ast.unparse(arg)[:60]})")
                continue
            for template in templates:
                if name in _COMPOSED_PREFIX and template:
                    found.setdefault(_COMPOSED_PREFIX[name] + template, []).append(where)
                if template:
                    found.setdefault(template, []).append(where)
    return found, bad


def _dynamic_ok(path: Path, lineno: int) -> bool:
    """A reason passed through (already a template elsewhere) says so on its line."""
    lines = path.read_text("utf-8").splitlines()
    window = lines[max(0, lineno - 1) : lineno + 6]
    return any("# template: passed through" in line for line in window)


#: Which catalog file holds a template: by the package of its first place.
_AREAS = {
    "definition": "domains",
    "measures": "domains",
    "supply_chain": "domains",
    "evidence": "domains",
    "noncompete": "ledger",
    "ledger": "ledger",
    "remedies": "ledger",
    "preservation": "ledger",
}


def _file_for(where: str) -> str:
    """``errors.po`` (core and interfaces), ``errors_domains.po`` or ``errors_ledger.po``."""
    parts = Path(where.rsplit(":", 1)[0]).parts  # src/tradesecret/<package>/...
    area = _AREAS.get(parts[2]) if len(parts) > 3 else None
    return f"errors_{area}.po" if area else "errors.po"


def _catalogs(locale: str) -> dict[str, polib.POFile]:
    folder = LOCALES / locale / "LC_MESSAGES"
    return {p.name: polib.pofile(str(p)) for p in sorted(folder.glob("errors*.po"))}


def check() -> list[str]:
    """What is wrong: templates not in a catalog, stale entries, untranslated zh_CN, f-strings."""
    found, bad = scan()
    out = list(bad)
    fixed = set(FRAMES) | set(VOCABULARY)
    for locale in ("zh_CN", "en"):
        ids: set[str] = set()
        for name, po in _catalogs(locale).items():
            ids |= {e.msgid for e in po}
            out.extend(
                f"{locale}/{name}: untranslated {e.msgid!r}" for e in po if not e.msgstr
            )
        for template in sorted(set(found) - ids):
            out.append(f"{locale}: missing {template!r} ({found[template][0]})")
        out.extend(
            f"{locale}: {template!r} in {', '.join(names)} (keep it in {home}; --update does)"
            for template, names, home in _duplicates(found, locale)
        )
        for stale in sorted(ids - set(found) - fixed):
            out.append(f"{locale}: stale {stale!r}")
    return out


def update() -> None:
    """Add new templates, drop stale ones; en = the template, zh_CN left empty to translate."""
    found, _ = scan()
    keep = set(found) | set(FRAMES) | set(VOCABULARY)
    for locale in ("zh_CN", "en"):
        catalogs = _catalogs(locale)
        have: set[str] = set()
        for po in catalogs.values():
            for entry in [e for e in po if e.msgid not in keep]:
                po.remove(entry)
            have |= {e.msgid for e in po}
        for template in sorted(set(found) - have):
            name = _file_for(found[template][0])
            if name not in catalogs:
                catalogs[name] = _new_catalog(locale, name)
            catalogs[name].append(
                polib.POEntry(
                    msgid=template,
                    msgstr=template if locale == "en" else "",
                    occurrences=[tuple(found[template][0].rsplit(":", 1))],
                )
            )
        _deduplicate(found, catalogs)
        for po in catalogs.values():
            po.save()


def _duplicates(found: dict[str, list[str]], locale: str) -> list[tuple[str, list[str], str]]:
    """Templates in more than one errors catalog (e.g. after merging branches), with their home."""
    where: dict[str, list[str]] = {}
    for name, po in _catalogs(locale).items():
        for entry in po:
            where.setdefault(entry.msgid, []).append(name)
    return [
        (t, names, _file_for(found[t][0]) if t in found else names[0])
        for t, names in sorted(where.items())
        if len(names) > 1
    ]


def _deduplicate(found: dict[str, list[str]], catalogs: dict[str, polib.POFile]) -> None:
    """Keep a template in its home catalog only (its text moved there when the home has none)."""
    entries: dict[str, list[tuple[str, polib.POEntry]]] = {}
    for name, po in catalogs.items():
        for entry in po:
            entries.setdefault(entry.msgid, []).append((name, entry))
    for template, places in entries.items():
        if len(places) < 2:
            continue
        home = _file_for(found[template][0]) if template in found else places[0][0]
        kept = next((e for n, e in places if n == home), places[0][1])
        for name, entry in places:
            if entry is kept:
                continue
            kept.msgstr = kept.msgstr or entry.msgstr
            catalogs[name].remove(entry)


def _new_catalog(locale: str, name: str) -> polib.POFile:
    po = polib.POFile()
    po.fpath = str(LOCALES / locale / "LC_MESSAGES" / name)
    po.header = (
        f"tradesecret message catalog: {name[:-3]} ({locale}).\n"
        "Input-error reasons: msgid is the English template the code raises (as in gettext);\n"
        "scripts/error_templates.py keeps this file in step with the code. Placeholders are {named}."
    )
    po.metadata = {
        "Project-Id-Version": "tradesecret",
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "en",
    }
    return po


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--update", action="store_true")
    args = parser.parse_args(argv)
    if args.update:
        update()
    problems = check()
    for line in problems:
        print(line)
    return 1 if problems and args.check else 0


def iter_templates() -> Iterator[str]:
    """Every template found in the source (for tests)."""
    yield from scan()[0]


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
