"""The case-file envelope, the registry of kinds, loading and reviewing."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import pendulum

from tradesecret.casefile._schema import DATE_PATTERN, json_schema, review_schema
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem, TradeSecretError, unreadable_file
from tradesecret.i18n import Format, Localizer, explain
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio
from tradesecret.presenters import present
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.serialization import read_json, structure, unstructure

#: The value of the envelope's ``format`` key.
CASE_FORMAT: Final = "tradesecret-case"
#: The envelope version this library reads and writes.
CASE_VERSION: Final = 1

#: ``(data, as_of, rulebook) -> results`` for one kind.
Runner = Callable[[Any, pendulum.Date, Rulebook], tuple[object, ...]]


@attrs.frozen(kw_only=True)
class CaseKind:
    """
    One kind of case file: the type of its ``data`` and how to review it.

    Attributes:
        name: The ``kind`` key of the envelope (``noncompete``, ``trade_secret``...).
        title_en: English title.
        title_zh: Chinese title.
        requires: The domain modules the kind needs (``tradesecret.noncompete``...).
        data_type: Returns the attrs class of ``data`` (imported on use).
        run: Reviews a structured ``data`` as of a date.
        example: File name of the shipped example (under ``tradesecret.casefile/examples``).
    """

    name: str
    title_en: str
    title_zh: str
    requires: tuple[str, ...]
    data_type: Callable[[], type]
    run: Runner
    example: str = ""

    def available(self) -> bool:
        """True when every domain module the kind needs can be imported."""
        import importlib  # noqa: PLC0415

        try:
            for module in self.requires:
                importlib.import_module(module)
            self.data_type()
        except ImportError:
            return False
        return True


@attrs.frozen(kw_only=True)
class CaseKinds:
    """An immutable registry of case kinds; :meth:`with_kind` returns a new one."""

    kinds: tuple[CaseKind, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every kind name, in order."""
        return tuple(k.name for k in self.kinds)

    def get(self, name: str) -> CaseKind | None:
        """The kind called ``name``, or ``None``."""
        return next((k for k in self.kinds if k.name == name), None)

    def __getitem__(self, name: str) -> CaseKind:
        kind = self.get(name)
        if kind is None:
            raise InvalidInputError.single(
                "kind", name, "unknown case kind; known: {allowed}", allowed=list(self.names())
            )
        return kind

    def __iter__(self) -> Iterator[CaseKind]:
        return iter(self.kinds)

    def with_kind(self, kind: CaseKind) -> CaseKinds:
        """A registry with ``kind`` added (or replacing the kind of the same name)."""
        return CaseKinds(kinds=(*(k for k in self.kinds if k.name != kind.name), kind))


@attrs.frozen(kw_only=True)
class Case:
    """
    A parsed case file: ``{"format": "tradesecret-case", "version": 1, "kind": ..., "as_of": ..., "data": ...}``.

    Attributes:
        kind: The kind name.
        as_of: The date the case is reviewed as of (overridable when reviewing).
        data: The structured domain input (an instance of the kind's data type).
        title: Free text title, shown in reports.
        version: Envelope version.
    """

    kind: str
    as_of: pendulum.Date
    data: Any
    title: str = ""
    version: int = CASE_VERSION


@attrs.frozen(kw_only=True)
class CaseReview:
    """
    The review of one case file: every result the domain returned, plus the findings.

    Attributes:
        kind: Kind of the case.
        title: Title of the case.
        as_of: The date reviewed as of.
        results: The domain results, in order (assessments, determinations, domain results).
        missing: Kinds left out because their domain module is not installed (demo only).
    """

    kind: str
    title: str
    as_of: pendulum.Date
    results: tuple[object, ...]
    missing: tuple[str, ...] = ()

    def findings(self) -> tuple[Finding, ...]:
        """Every finding in every result (each once)."""
        return tuple(iter_findings(self.results))

    def worst_severity(self) -> Severity | None:
        """The worst severity among the findings, or ``None``."""
        found = [f.severity for f in self.findings()]
        return max(found, key=lambda s: s.rank) if found else None

    def fails(self, threshold: Severity) -> bool:
        """True when some finding is at or above ``threshold``."""
        worst = self.worst_severity()
        return worst is not None and worst.at_least(threshold)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        code = f"casefile.kind.{self.kind}"
        head = self.title or (loc.term(code) if loc.has(code) else self.kind)
        lines = [f"# {head}" if fmt == "markdown" else head, ""]
        lines.append(f"{loc.label('heading.as_of')}{loc.date(self.as_of)}")
        worst = self.worst_severity()
        lines.append(
            loc.message(
                "casefile.summary",
                {
                    "count": len(self.findings()),
                    "worst": loc.value(worst) if worst else loc.term("casefile.none"),
                },
            )
        )
        story = f"casefile.story.{self.kind}"
        if loc.has(story):
            lines += ["", loc.message(story)]
        if self.missing:
            lines.append(loc.message("cli.demo.missing", {"modules": ", ".join(self.missing)}))
        for result in self.results:
            lines += ["", explain(result, locale=loc.locale, format=fmt)]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return explain(self, locale="zh_CN", format="markdown")

    def _repr_html_(self) -> str | None:
        shown = present("html", self, locale="zh_CN")  # reports registers itself
        return None if shown is None else str(shown)


_LEAVES: Final = (str, int, Citation, ParameterValue, Money, Ratio, pendulum.Date)


def iter_findings(obj: object) -> Iterator[Finding]:
    """Every :class:`Finding` reachable from ``obj`` (results, tuples, attrs classes), once each."""
    seen: set[int] = set()

    def walk(node: object) -> Iterator[Finding]:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, Finding):
            yield node
            return
        if isinstance(node, _LEAVES):
            return
        if isinstance(node, tuple | list | frozenset):
            for item in node:
                yield from walk(item)
            return
        if isinstance(node, Mapping):
            for item in node.values():
                yield from walk(item)
            return
        cls: Any = type(node)
        if attrs.has(cls):
            for field in attrs.fields(cls):
                yield from walk(getattr(node, field.name))

    yield from walk(obj)


def envelope_schema(kinds: CaseKinds | None = None) -> dict[str, Any]:
    """The JSON Schema of the envelope (``data`` left open; see :func:`case_schema`)."""
    reg = kinds if kinds is not None else default_kinds()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tradesecret.invalid/schema/case.json",
        "title": "tradesecret case file",
        "type": "object",
        "properties": {
            "format": {"const": CASE_FORMAT},
            "version": {"const": CASE_VERSION},
            "kind": {"enum": list(reg.names())},
            "as_of": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            "title": {"type": "string"},
            "data": {"type": "object"},
        },
        "required": ["format", "version", "kind", "as_of", "data"],
        "additionalProperties": False,
    }


def case_schema(name: str, *, kinds: CaseKinds | None = None) -> dict[str, Any]:
    """
    The JSON Schema of a whole case file of kind ``name`` (envelope and ``data``).

    ``name`` may also be ``case`` (the envelope alone) or ``review`` (the output of
    ``tradesecret review --format json``, see :func:`review_schema`).

    Raises:
        InvalidInputError: unknown kind, or a kind whose domain is not installed.
    """
    reg = kinds if kinds is not None else default_kinds()
    if name == "case":
        return envelope_schema(reg)
    if name == "review":
        return review_schema()
    kind = reg[name]
    data_type = _data_type(kind)
    inner = json_schema(data_type)
    envelope = envelope_schema(reg)
    envelope["$id"] = f"https://tradesecret.invalid/schema/{name}.json"
    envelope["title"] = f"tradesecret case file: {kind.title_en}"
    envelope["properties"]["kind"] = {"const": name}
    defs = inner.pop("$defs", {})
    inner.pop("$schema", None)
    envelope["properties"]["data"] = inner
    if defs:
        envelope["$defs"] = defs
    return envelope


def schema_names(kinds: CaseKinds | None = None) -> tuple[str, ...]:
    """Names accepted by :func:`case_schema`: ``case``, every available kind, and ``review``."""
    reg = kinds if kinds is not None else default_kinds()
    return ("case", *(k.name for k in reg if k.available()), "review")


def _data_type(kind: CaseKind) -> type:
    try:
        return kind.data_type()
    except ImportError as exc:
        raise InvalidInputError.single(
            "$.kind",
            kind.name,
            "this installation lacks the domain module it needs ({module})",
            module=exc.name or "-",
        ) from None


def parse_case(
    raw: object, *, kinds: CaseKinds | None = None, rulebook: Rulebook | None = None
) -> Case:
    """
    Build a :class:`Case` from decoded JSON (a dict), checking the envelope and the data.

    Region codes are checked against ``rulebook`` (default: the package rulebook), so a
    file with several unknown regions reports every one with its path.

    Raises:
        InvalidInputError: every problem found, with its JSON path (``$.data.wages[3].amount``).
    """
    reg = kinds if kinds is not None else default_kinds()
    if not isinstance(raw, dict):
        raise InvalidInputError.single("$", raw, "a case file is a JSON object")
    problems: list[Problem] = []
    title, as_of, kind = _envelope(raw, reg, problems)
    data: Any = None
    if "data" not in raw:
        problems.append(Problem(path="$.data", value="", reason="required field missing"))
    elif not isinstance(raw["data"], dict):
        problems.append(Problem.of("$.data", raw["data"], "must be a JSON object"))
    elif kind is not None:
        data = _data(raw["data"], kind, rulebook, problems)
    if problems:
        raise InvalidInputError(problems)
    assert kind is not None
    assert as_of is not None
    return Case(kind=kind.name, as_of=as_of, data=data, title=title)


def _envelope(
    raw: dict[str, Any], reg: CaseKinds, problems: list[Problem]
) -> tuple[str, pendulum.Date | None, CaseKind | None]:
    """The envelope's title, date and kind; every problem found is appended."""
    extra = sorted(set(raw) - {"format", "version", "kind", "as_of", "title", "data"})
    if extra:
        problems.append(Problem.of("$", extra, "unknown envelope keys"))
    if raw.get("format") != CASE_FORMAT:
        problems.append(
            Problem.of(
                "$.format", raw.get("format"), "must be {expected}", expected=f'"{CASE_FORMAT}"'
            )
        )
    version = raw.get("version")
    if version != CASE_VERSION or isinstance(version, bool):
        problems.append(
            Problem.of(
                "$.version", version, "this library reads version {version}", version=CASE_VERSION
            )
        )
    title = raw.get("title", "")
    if not isinstance(title, str):
        problems.append(Problem.of("$.title", title, "must be a string"))
        title = ""
    as_of: pendulum.Date | None = None
    if "as_of" not in raw:
        problems.append(Problem(path="$.as_of", value="", reason="required field missing"))
    else:
        try:
            as_of = to_date(raw["as_of"], path="$.as_of")
        except InvalidInputError as exc:
            problems += exc.problems
    name = raw.get("kind")
    if not isinstance(name, str) or reg.get(name) is None:
        problems.append(
            Problem.of(
                "$.kind", name, "unknown case kind; known: {allowed}", allowed=list(reg.names())
            )
        )
        return title, as_of, None
    return title, as_of, reg[name]


def _data(
    raw: dict[str, Any], kind: CaseKind, rulebook: Rulebook | None, problems: list[Problem]
) -> Any:
    """The case data read into its kind's types, and every region code checked."""
    data: Any = None
    try:
        data_type = _data_type(kind)
    except InvalidInputError as exc:
        problems += exc.problems
        return None
    try:
        data = structure(raw, data_type)
    except InvalidInputError as exc:
        problems += [_under_data(p) for p in exc.problems]
    except TradeSecretError as exc:
        problems += [_under_data(p) for p in exc.problems] or [  # template: passed through
            Problem(path="$.data", value="", reason="cannot be read (an internal error)")
        ]
    book = rulebook if rulebook is not None else default_rulebook()
    problems += _region_problems(raw, "$.data", book.regions.keys())
    return data


_SEQUENCES: Final = (tuple, list, frozenset, set)

#: Fields that hold a region code (the minimum wage and other regional figures depend on it).
_REGION_FIELDS: Final = frozenset({"region", "place_of_performance"})


def _region_problems(raw: object, path: str, known: Collection[str]) -> list[Problem]:
    """
    Every region code in the case data that the package rulebook does not know, with its path.

    Checked here, at load time, so that a case file with two bad regions reports both (a
    domain function would stop at the first one it needs).
    """
    out: list[Problem] = []
    if isinstance(raw, dict):
        for key, value in raw.items():
            child = f"{path}.{key}"
            if key in _REGION_FIELDS and isinstance(value, str) and value not in known:
                out.append(Problem.of(child, value, "unknown region code"))
            else:
                out += _region_problems(value, child, known)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            out += _region_problems(item, f"{path}[{i}]", known)
    return out


def _under_data(problem: Problem) -> Problem:
    path = problem.path
    if path == "$" or path.startswith(("$.", "$[")):
        path = "$.data" + path[1:]
    elif path.startswith("$data"):
        path = "$.data" + path[5:]
    else:
        path = f"$.data.{path}"
    return attrs.evolve(problem, path=path)


def load_case(
    source: str | bytes | Path | Mapping[str, Any],
    *,
    kinds: CaseKinds | None = None,
    rulebook: Rulebook | None = None,
) -> Case:
    """
    Read a case file from a path, JSON text or a decoded mapping.

    ``rulebook`` (default: the package rulebook) is the one whose region codes the file may use.

    The text is read within the bounds of :mod:`tradesecret.limits` (size, nesting, number
    literals, valid Unicode) before anything is converted; see
    :func:`tradesecret.serialization.read_json`.

    Raises:
        InvalidInputError: unreadable file, malformed JSON or bad content (every problem listed).
    """
    if isinstance(source, Mapping):
        return parse_case(dict(source), kinds=kinds, rulebook=rulebook)
    if isinstance(source, Path):
        try:
            text: str | bytes = source.read_bytes()
        except OSError as exc:
            raise InvalidInputError([unreadable_file(str(source), exc)]) from None
    else:
        text = source
    raw = read_json(text)
    return parse_case(raw, kinds=kinds, rulebook=rulebook)


def dump_case(case: Case, *, indent: int | None = 2) -> str:
    """The JSON text of a case file (round-trips with :func:`load_case`)."""
    body: dict[str, Any] = {
        "format": CASE_FORMAT,
        "version": case.version,
        "kind": case.kind,
        "as_of": case.as_of.to_date_string(),
    }
    if case.title:
        body["title"] = case.title
    body["data"] = unstructure(case.data)
    return json.dumps(body, ensure_ascii=False, indent=indent) + "\n"


def review_case(
    case: Case,
    *,
    as_of: pendulum.Date | None = None,
    rulebook: Rulebook | None = None,
    kinds: CaseKinds | None = None,
) -> CaseReview:
    """
    Review a case: run its kind's assessments as of ``as_of`` (default: the case's date).

    Raises:
        InvalidInputError: the domain refused the input (every problem listed; a path the
            domain gives relative to its own objects, such as ``wages``, is completed to the
            full JSON path, ``$.data.employee.wages``, where the case file has one such place).
    """
    reg = kinds if kinds is not None else default_kinds()
    kind = reg[case.kind]
    day = to_date(as_of, path="as_of") if as_of is not None else case.as_of
    try:
        results = kind.run(case.data, day, rulebook if rulebook is not None else default_rulebook())
    except InvalidInputError as exc:
        places = _json_places(unstructure(case.data), "$.data")
        raise InvalidInputError(
            attrs.evolve(p, path=_full_path(p.path, places)) for p in exc.problems
        ) from None
    return CaseReview(kind=case.kind, title=case.title, as_of=day, results=tuple(results))


_STEP: Final = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _json_places(node: object, path: str) -> list[str]:
    """Every JSON path in ``node``, depth first."""
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _json_places(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _json_places(value, f"{path}[{i}]")
    return out


def _full_path(path: str, places: list[str]) -> str:
    """``path`` completed to the one JSON path of the case file that ends with it, if unique."""
    if path.startswith("$") or not path:
        return path
    tail = "".join(f".{key}" if key else f"[{index}]" for key, index in _STEP.findall(path))
    found = [place for place in places if place.endswith(tail)]
    return found[0] if len(found) == 1 else path


def example_names(kinds: CaseKinds | None = None) -> tuple[str, ...]:
    """The kinds with a shipped example file."""
    reg = kinds if kinds is not None else default_kinds()
    return tuple(k.name for k in reg if k.example)


def example_text(name: str, *, kinds: CaseKinds | None = None) -> str:
    """The JSON text of the shipped example case file of kind ``name``."""
    from importlib import resources  # noqa: PLC0415

    reg = kinds if kinds is not None else default_kinds()
    kind = reg[name]
    if not kind.example:
        raise InvalidInputError.single("kind", name, "no shipped example for this kind")
    return (resources.files("tradesecret.casefile") / "examples" / kind.example).read_text("utf-8")


#: The built-in kinds, registered once by the package (``tradesecret.casefile``) when it
#: loads ``_kinds``: this module never imports the kinds that are built on it.
_BUILTIN: Final[list[CaseKinds]] = []


def register_builtin_kinds(kinds: CaseKinds) -> None:
    """Register the built-in kinds (called once, by ``tradesecret.casefile``)."""
    _BUILTIN[:] = [kinds]


def default_kinds() -> CaseKinds:
    """The built-in kinds (each reports whether its domain is installed)."""
    return _BUILTIN[0]
