"""Named SPARQL queries: ``.rq`` files with a header, run with safely bound parameters.

A named query is a file ``graph/queries/<name>.rq`` (package data) whose header says what it
answers and which parameters it takes::

    # title: Collaborators of a person
    # description: People who co-authored or co-spoke with the named person.
    # param: person (type: string) — the person's name [default Ada Quill]

Parameter values arrive as text (``--param person=Ada``), are converted to RDF terms by their
declared type (``iri``, ``string``, ``date``, ``int``) and handed to ``Store.select`` as variable
substitutions: user text is never formatted into SPARQL. Oxigraph substitutes only projected
variables, so the queries project their parameters and :class:`QueryResult` hides them.

SPARQL has no shortest-path operator: :func:`shortest_path` computes one with networkx over
the ``person_links`` query's edges (the ``connection_path`` query lists chains up to 2 hops).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from typing import Literal as TypingLiteral
from urllib.parse import urlsplit

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node, _is_valid_uri

from partnerkg.errors import QueryError, StoreError
from partnerkg.graph.store import Store, open_store
from partnerkg.settings import Settings

if TYPE_CHECKING:
    import pandas as pd
    from rich.table import Table

log = logging.getLogger(__name__)

ParamType = TypingLiteral["iri", "string", "date", "int"]

_QUERY_PACKAGE = "partnerkg.graph"
_QUERY_FOLDER = "queries"
_HEADER_FIELD = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\(type:\s*(?P<type>iri|string|date|int)\)"
    r"\s*(?:[—–-]+\s*)?(?P<meaning>.*?)\s*(?:\[default\s+(?P<default>[^\]]*)\])?\s*$"
)
#: A ``date`` parameter's default that means "the day the query runs".
TODAY = "today"


@dataclass(frozen=True)
class QueryParam:
    """A declared parameter: its variable name, type, meaning and default (None: required)."""

    name: str
    type: ParamType
    description: str = ""
    default: str | None = None

    def to_term(self, value: str) -> Node:
        """The RDF term for ``value`` (text from the command line), checked against the type."""
        text = value.strip()
        if self.type == "string":
            return Literal(value)
        if self.type == "int":
            try:
                return Literal(int(text))
            except ValueError:
                message = f"parameter {self.name} must be an integer, not {value!r}"
                raise QueryError(message) from None
        if self.type == "date":
            if text.lower() == TODAY:
                return Literal(dt.date.today().isoformat(), datatype=XSD.date)
            try:
                return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
            except ValueError:
                raise QueryError(
                    f"parameter {self.name} must be a date as YYYY-MM-DD, not {value!r}"
                ) from None
        if urlsplit(text).scheme and _is_valid_uri(text) and " " not in text:
            return URIRef(text)
        raise QueryError(
            f"parameter {self.name} must be an absolute IRI (e.g. https://…), not {value!r}"
        )


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL SELECT query with the metadata of its header comment."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    sparql: str
    source: str = ""

    def bindings(self, values: Mapping[str, str] | None = None) -> dict[str, Node]:
        """Typed terms for every parameter; unknown or missing ones raise :class:`QueryError`."""
        given = dict(values or {})
        declared = {param.name: param for param in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {self.describe_params()}"
            )
        bound: dict[str, Node] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if value is None:
                raise QueryError(
                    f"query {self.name!r} needs --param {param.name}=…; "
                    f"it takes: {self.describe_params()}"
                )
            bound[param.name] = param.to_term(value)
        return bound

    def describe_params(self) -> str:
        """``name (type) — meaning`` for each parameter, or "no parameters"."""
        if not self.params:
            return "no parameters"
        return "; ".join(
            f"{p.name} ({p.type}{', default ' + p.default if p.default is not None else ''})"
            f"{' — ' + p.description if p.description else ''}"
            for p in self.params
        )


@dataclass(frozen=True)
class QueryResult:
    """The rows of a SELECT: ``rows[i][column]`` is an rdflib term or None (unbound)."""

    columns: list[str]
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    query: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    def values(self, column: str) -> list[str | None]:
        """One column as plain strings (None where unbound)."""
        return [None if row[column] is None else str(row[column]) for row in self.rows]

    def to_csv(self) -> str:
        """CSV with a header row; terms as their lexical value (SPARQL 1.1 CSV results style)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if row[c] is None else str(row[c]) for c in self.columns])
        return buffer.getvalue()

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON Format."""
        bindings = [
            {c: _json_term(row[c]) for c in self.columns if row[c] is not None}  # type: ignore[arg-type]
            for row in self.rows
        ]
        document = {"head": {"vars": self.columns}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False, indent=1)

    def to_rich_table(self) -> Table:
        """A rich table for the terminal; every cell is plain text (never console markup)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(title=self.query or None, show_lines=False)
        for column in self.columns:
            table.add_column(column, overflow="fold")
        for row in self.rows:
            table.add_row(*(Text("" if row[c] is None else str(row[c])) for c in self.columns))
        table.caption = f"{len(self.rows)} row{'s' if len(self.rows) != 1 else ''}"
        return table

    def to_dataframe(self) -> pd.DataFrame:
        """A pandas DataFrame; literals become Python values (int, date, …), IRIs strings."""
        import pandas as pd

        return pd.DataFrame(
            [{c: _python_value(row[c]) for c in self.columns} for row in self.rows],
            columns=self.columns,
        )


def list_queries() -> list[NamedQuery]:
    """Every named query shipped with partnerkg, by name."""
    folder = resources.files(_QUERY_PACKAGE) / _QUERY_FOLDER
    names = sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))
    return [load_query(name) for name in names]


def load_query(name_or_path: str | Path) -> NamedQuery:
    """A named query (``"collaborators"``) or a ``.rq`` file path."""
    text = str(name_or_path)
    path = Path(text).expanduser()
    if text.endswith(".rq") or path.is_file():
        try:
            return parse_query(path.stem, path.read_text("utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"cannot read query file {path}: {error}") from error
    folder = resources.files(_QUERY_PACKAGE) / _QUERY_FOLDER
    resource = folder / f"{text}.rq"
    if not resource.is_file():
        known = sorted(q.name[:-3] for q in folder.iterdir() if q.name.endswith(".rq"))
        close = difflib.get_close_matches(text, known, n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise QueryError(
            f"no named query {text!r}; {hint}see `partnerkg query --list` or pass a .rq file"
        )
    return parse_query(text, resource.read_text("utf-8"), f"{_QUERY_FOLDER}/{text}.rq")


def parse_query(name: str, sparql: str, source: str = "") -> NamedQuery:
    """Read the header comment (title, description, params) of a query's text."""
    fields: dict[str, list[str]] = {"title": [], "description": []}
    params: list[QueryParam] = []
    current: list[str] | None = None
    for line in sparql.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        continuation = _CONTINUATION.match(line)
        if continuation and current is not None:
            current.append(continuation.group(1).strip())
            continue
        match = _HEADER_FIELD.match(line)
        current = None
        if match is None:
            continue
        key, value = match.groups()
        if key == "param":
            params.append(_parse_param(value, source or name))
        else:
            current = fields[key]
            current.append(value.strip())
    title = " ".join(fields["title"]) or name.replace("_", " ")
    return NamedQuery(name, title, " ".join(fields["description"]), tuple(params), sparql, source)


def _parse_param(text: str, source: str) -> QueryParam:
    match = _PARAM.match(text.strip())
    if match is None:
        raise QueryError(
            f"{source}: cannot read '# param: {text}'; write "
            "'# param: name (type: iri|string|date|int) — meaning [default value]'"
        )
    kind = cast(ParamType, match["type"])
    return QueryParam(match["name"], kind, match["meaning"], match["default"])


def run_query(
    target: Settings | Store,
    name_or_file: str | Path | NamedQuery,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a named query (or ``.rq`` file) with ``params`` bound safely; see module docs.

    ``target`` is the CLI's :class:`Settings` (the store is opened and closed here) or an open
    :class:`Store` (notebooks, tests).
    """
    query = name_or_file if isinstance(name_or_file, NamedQuery) else load_query(name_or_file)
    bindings = query.bindings(params)
    columns = [c for c in _projection(query.sparql) if c not in bindings]
    if isinstance(target, Store):
        rows = _select(target, query, bindings)
    else:
        with _open(target) as store:
            rows = _select(store, query, bindings)
    if not columns:  # a projection rdflib could not read: columns in order of appearance
        columns = list(dict.fromkeys(k for row in rows for k in row if k not in bindings))
    return QueryResult(columns, [{c: row.get(c) for c in columns} for row in rows], query.title)


def _select(store: Store, query: NamedQuery, bindings: Mapping[str, Node]) -> list[dict]:
    try:
        return store.select(query.sparql, bindings)
    except StoreError as error:
        raise QueryError(f"query {query.name!r} ({query.source}) failed: {error}") from error


def _open(settings: Settings) -> Store:
    location = settings.store
    if "://" not in location and not Path(location).expanduser().is_dir():
        raise StoreError(
            f"no store at {location}; build one with `partnerkg build PATH --store {location}`"
        )
    return open_store(location)


@lru_cache(maxsize=128)
def _projection(sparql: str) -> tuple[str, ...]:
    """The SELECT's variables in order, read by rdflib's SPARQL parser (empty if it cannot)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(sparql).algebra
    except Exception as error:  # noqa: BLE001 - rdflib raises pyparsing and other errors
        log.debug("rdflib cannot read the projection (%s); columns follow the rows", error)
        return ()
    return tuple(str(v) for v in algebra.get("PV") or ())


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    result = {"type": "literal", "value": str(term)}
    if term.language:
        result["xml:lang"] = term.language
    elif term.datatype is not None:
        result["datatype"] = str(term.datatype)
    return result


def _python_value(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython()
    return str(term)


def shortest_path(target: Settings | Store, source: str, destination: str) -> list[tuple[str, str]]:
    """The shortest chain of people, publications, events and organisations linking two people.

    Parameters
    ----------
    target : Settings or Store
        Where the graph is.
    source, destination : str
        A person's name (case-insensitive) or IRI.

    Returns
    -------
    list of (iri, name)
        From ``source`` to ``destination``, alternating people and the things that link them;
        empty when they are not connected. Computed with networkx over the ``person_links``
        query's edges, because SPARQL property paths give reachability, not paths.
    """
    import networkx as nx

    links = run_query(target, "person_links")
    graph = nx.Graph()
    names: dict[str, str] = {}
    for row in links.rows:
        person, thing = str(row["person"]), str(row["thing"])
        names[person], names[thing] = str(row["personName"]), str(row["thingName"])
        graph.add_edge(person, thing)
    start, end = _person(source, names, graph), _person(destination, names, graph)
    try:
        path = nx.shortest_path(graph, start, end)
    except nx.NetworkXNoPath:
        return []
    return [(node, names[node]) for node in path]


def _person(name_or_iri: str, names: Mapping[str, str], graph: Any) -> str:
    if name_or_iri in graph:
        return name_or_iri
    wanted = name_or_iri.casefold().strip()
    for node, name in names.items():
        if name.casefold() == wanted and graph.degree(node) and node in graph:
            return node
    raise QueryError(
        f"no linked person named {name_or_iri!r}; check the spelling with "
        "`partnerkg query entity_by_name --param name=…`"
    )
