"""The triple store: embedded Oxigraph on disk by default, or any SPARQL 1.1 server.

Contract other modules rely on (keep these signatures):
``open_store(location) -> Store``, ``Store.from_dataset(dataset)``,
``Store.select(query, bindings) -> list[dict[str, rdflib Node]]``.

Store kinds are registered by URL scheme (:func:`register_store_kind`): a plain
path is an embedded Oxigraph folder, ``http(s)://`` a remote SPARQL 1.1 server
(Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune). Every kind implements
three primitives (select, construct, update); everything else — issue graphs,
the content-hash metadata, counts, dumps — is written once on top of them.

Writes are transactional: a build's whole change (drop old issue graphs, insert
new ones, update the metadata graph) is ONE SPARQL Update request. Oxigraph
applies an update in a single RocksDB transaction and a SPARQL server applies a
request atomically, so a build killed halfway leaves the previous graph intact.
Terms in that request are written by pyoxigraph's N-Triples serialiser (which
escapes every literal); newsletter text is never formatted into SPARQL syntax.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from partnerkg.errors import ConfigError, StoreError
from partnerkg.graph.iris import BUILD, Minter

log = logging.getLogger(__name__)

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_META = Minter().meta_graph
_SCHEMA_MENTIONS = "http://schema.org/mentions"
_RDF_STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"

#: Formats :meth:`Store.dump` writes; ``turtle`` is the union of the graphs.
DUMP_FORMATS: Mapping[str, str] = {
    "trig": "trig",
    "nquads": "nquads",
    "turtle": "turtle",
    "jsonld": "json-ld",
}

_ISSUE_HASHES = f"""
SELECT ?month ?hash WHERE {{
  GRAPH <{_META}> {{ ?issue <{BUILD.issueMonth}> ?month ; <{BUILD.contentHash}> ?hash }}
}}"""
_COUNT_ENTITIES = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?issue <{_SCHEMA_MENTIONS}> ?e }}"
_COUNT_FACTS = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{_RDF_STATEMENT}> }}"
_GRAPH_DIGESTS = f"""
SELECT ?g ?digest WHERE {{ GRAPH <{_META}> {{ ?g <{BUILD.graphDigest}> ?digest }} }}"""
_GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_MERGE_INTO_DEFAULT = (
    f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{_META}>) }}"
)
_MERGE_DEFAULT_GRAPH = ["CLEAR SILENT DEFAULT", _MERGE_INTO_DEFAULT]


def _to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot bind a {type(term).__name__} in a query; bind an IRI or a literal")


def _from_ox(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unsupported term in query result: {term!r}")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples as N-Triples lines, escaped by pyoxigraph (safe inside INSERT DATA)."""
    lines = sorted(
        str(ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o))) + " ."  # type: ignore[arg-type]
        for s, p, o in triples
    )
    return "\n".join(lines)


class Store(ABC):
    """A SPARQL-queryable dataset.

    Each issue has its named graph; the default graph is the merge (a set, no
    duplicates) of the issue and ontology graphs, rewritten in the same update as
    they are. Querying Oxigraph's union-of-graphs mode instead repeats a triple once
    per issue stating it, and joins over entities mentioned in many issues explode.
    """

    location: str = "memory"
    #: False when another process holds an embedded store: reads work, writes raise.
    writable: bool = True

    # --- primitives each store kind implements -------------------------------------------

    @abstractmethod
    def _select(
        self, query: str, bindings: Mapping[str, Node]) -> list[dict[str, Node]]:
        """Run a SELECT over the default graph (the merge of the data graphs)."""

    @abstractmethod
    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        """Run a CONSTRUCT/DESCRIBE over the default graph."""

    @abstractmethod
    def _update(self, update: str) -> None:
        """Apply one SPARQL Update request atomically."""

    def close(self) -> None:
        """Release the store (the embedded kind's lock); the object is unusable afterwards."""
        return None  # remote stores hold nothing open

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- shared API ----------------------------------------------------------------------

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Store:
        """An in-memory store holding ``dataset`` (tests, notebooks)."""
        store = ox.Store()
        store.load(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
        store.update(_MERGE_INTO_DEFAULT)
        return OxigraphStore(store)

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Node]]:
        """Run a SELECT query; ``bindings`` substitute variables (never string formatting)."""
        return self._select(query, bindings or {})

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        """Run a CONSTRUCT query and return its triples as an rdflib Graph."""
        return self._construct(query, bindings or {})

    def graph_names(self) -> list[URIRef]:
        """Every named graph holding data, metadata graph included, sorted."""
        rows = self._select(_GRAPH_NAMES, {})
        return sorted(URIRef(str(row["g"])) for row in rows if isinstance(row.get("g"), URIRef))

    def to_dataset(self) -> Dataset:
        """The issue graphs and the ontology graph as an rdflib Dataset (no metadata graph)."""
        dataset = Dataset()
        for row in self._select(_ALL_QUADS, {}):
            if row["g"] != _META:
                dataset.graph(row["g"]).add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
        return dataset

    def dump(self, fmt: str) -> bytes:
        """Serialise the exportable graphs: ``trig``, ``nquads``, ``turtle`` (union), ``jsonld``."""
        from partnerkg.graph.build import PREFIXES

        if fmt not in DUMP_FORMATS:
            raise ConfigError(f"unknown dump format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
        dataset = self.to_dataset()
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, replace=True)
        if fmt == "turtle":
            union = Graph()
            for prefix, namespace in PREFIXES.items():
                union.bind(prefix, namespace, replace=True)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                union.add((s, p, o))
            return union.serialize(format="turtle", encoding="utf-8")
        if fmt == "jsonld":
            return dataset.serialize(
                format="json-ld", context=dict(PREFIXES), encoding="utf-8", auto_compact=True
            )
        return dataset.serialize(format=DUMP_FORMATS[fmt], encoding="utf-8")

    def issue_hashes(self) -> dict[str, str]:
        """``YYYY-MM`` -> the content hash the issue was last built from (incremental builds)."""
        rows = self._select(_ISSUE_HASHES, {})
        return {str(row["month"]): str(row["hash"]) for row in rows}

    def counts(self) -> tuple[int, int]:
        """(entities mentioned by some issue, reified facts) in the store."""
        entities = self._select(_COUNT_ENTITIES, {})
        facts = self._select(_COUNT_FACTS, {})
        return int(entities[0]["n"]), int(facts[0]["n"])  # type: ignore[call-overload]

    def replace_issue_graphs(
        self,
        graphs: Mapping[URIRef, Graph],
        hashes: Mapping[str, str] | None = None,
        *,
        remove: Iterable[URIRef] = (),
    ) -> None:
        """Replace the named graphs in ``graphs`` and drop those in ``remove``, atomically.

        ``hashes`` (``YYYY-MM`` -> content hash) updates the metadata of those issues;
        the metadata of removed issues goes with their graphs.
        """
        texts = {name: _ntriples(graph) for name, graph in graphs.items() if name != _META}
        self._write(texts, dict(hashes or {}), set(remove) - {_META})

    def replace_all(self, dataset: Dataset, hashes: Mapping[str, str]) -> None:
        """Make the store hold exactly ``dataset``'s named graphs and ``hashes``, atomically.

        Graphs whose triples are unchanged (same digest as stored) are not rewritten,
        so rebuilding after one new issue writes little more than that issue.
        """
        texts = {
            URIRef(str(g.identifier)): _ntriples(g)
            for g in dataset.graphs()
            if isinstance(g.identifier, URIRef) and len(g) and g.identifier != _META
        }
        stale = {g for g in self.graph_names() if g not in texts and g != _META}
        # Metadata of an issue whose graph is gone (or never had triples) goes too.
        stale |= {Minter().issue(m) for m in self.issue_hashes() if m not in hashes}
        stored = self.graph_digests()
        changed = {g: text for g, text in texts.items() if stored.get(g) != _digest(text)}
        log.info("%d of %d graph(s) changed", len(changed), len(texts))
        self._write(changed, dict(hashes), stale)

    def graph_digests(self) -> dict[URIRef, str]:
        """Named graph -> digest of its triples as last written (to skip unchanged graphs)."""
        rows = self._select(_GRAPH_DIGESTS, {})
        return {URIRef(str(row["g"])): str(row["digest"]) for row in rows}

    def _write(self, texts: Mapping[URIRef, str], hashes: Mapping[str, str], remove: set[URIRef]):
        """One SPARQL Update: drop ``remove`` and the old ``texts`` graphs, insert the new."""
        mint, meta = Minter(), ox.NamedNode(str(_META))
        remove = remove | {g for g, text in texts.items() if not text}
        texts = {g: text for g, text in texts.items() if text}
        parts = []
        for graph in sorted(remove - set(texts)):
            name = ox.NamedNode(str(graph))
            parts.append(f"DROP SILENT GRAPH {name}")
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {name} ?p ?o }} }}")
        for graph in sorted(texts):
            name = ox.NamedNode(str(graph))
            parts.append(f"DROP SILENT GRAPH {name}")
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {name} <{BUILD.graphDigest}> ?d }} }}")
        for month in sorted(hashes):
            issue = ox.NamedNode(str(mint.issue(month)))
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {issue} <{BUILD.contentHash}> ?h }} }}")
        facts: list[tuple[Node, Node, Node]] = []
        for month, value in sorted(hashes.items()):
            facts.append((mint.issue(month), BUILD.issueMonth, Literal(month)))
            facts.append((mint.issue(month), BUILD.contentHash, Literal(value)))
        facts += [(g, BUILD.graphDigest, Literal(_digest(text))) for g, text in texts.items()]
        blocks = [f"GRAPH {ox.NamedNode(str(g))} {{\n{texts[g]}\n}}" for g in sorted(texts)]
        if facts:
            blocks.append(f"GRAPH {meta} {{\n{_ntriples(facts)}\n}}")
        if blocks:
            parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if parts:
            parts += _MERGE_DEFAULT_GRAPH
            self._update(" ;\n".join(parts))
        log.info("wrote %d graph(s), removed %d", len(texts), len(remove))


# --- embedded Oxigraph ---------------------------------------------------------------------


class OxigraphStore(Store):
    """Oxigraph in this process: on disk (a folder) or in memory."""

    def __init__(self, oxigraph: ox.Store, location: str = "memory", writable: bool = True):
        self._ox = oxigraph
        self.location = location
        self.writable = writable

    @classmethod
    def open(cls, location: str) -> OxigraphStore:
        """Open (or create) the store folder ``location``; read-only if another process holds it."""
        path = Path(location).expanduser()
        _check_store_folder(path)
        path.mkdir(parents=True, exist_ok=True)
        try:
            return cls(ox.Store(str(path)), str(path))
        except OSError as error:
            if "lock" not in str(error).lower():
                raise StoreError(
                    f"cannot open store {path}: {error}; check the path and its permissions"
                ) from error
        log.info("store %s is in use by another process; opened read-only", path)
        try:
            return cls(ox.Store.read_only(str(path)), str(path), writable=False)
        except OSError as error:
            raise StoreError(
                f"store {path} is locked by another process and cannot be read: {error}; "
                "stop the other partnerkg process (build or serve) and retry"
            ) from error

    def close(self) -> None:
        if self.writable:
            self._ox.flush()
        del self._ox

    def _query(self, query: str, bindings: Mapping[str, Node]) -> object:
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _to_ox(v) for k, v in bindings.items()
        }
        try:
            try:
                return self._ox.query(query, substitutions=substitutions)
            except RuntimeError:
                if not bindings:
                    raise
                # Oxigraph substitutes projected variables only; bind the others with VALUES.
                return self._ox.query(_with_values(query, bindings))
        except SyntaxError as error:
            raise StoreError(f"invalid SPARQL: {error}") from error
        except (OSError, RuntimeError) as error:
            raise StoreError(f"query failed on store {self.location}: {error}") from error

    def _select(self, query: str, bindings: Mapping[str, Node]) -> list[dict[str, Node]]:
        solutions = self._query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("select() needs a SELECT query; use construct() for CONSTRUCT")
        names = [v.value for v in solutions.variables]
        return [
            {name: _from_ox(row[name]) for name in names if row[name] is not None}
            for row in solutions
        ]

    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        triples = self._query(query, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in triples:
            graph.add(tuple(_from_ox(term) for term in triple))  # type: ignore[arg-type]
        return graph

    def _update(self, update: str) -> None:
        if not self.writable:
            raise StoreError(
                f"store {self.location} is in use by another process (a build or "
                "`partnerkg serve`); stop it, then run the build again"
            )
        try:
            self._ox.update(update)
            self._ox.flush()
        except SyntaxError as error:
            raise StoreError(f"internal error: generated update is invalid: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot write store {self.location}: {error}") from error

    def to_dataset(self) -> Dataset:
        """The named graphs but the metadata graph, read through Oxigraph's N-Quads writer.

        The default graph is left out: it is only the merge of the named graphs.
        """
        dataset = Dataset()
        data = self._ox.dump(format=ox.RdfFormat.N_QUADS)
        if data:
            dataset.parse(data=data.decode("utf-8"), format="nquads")
        dataset.remove_graph(dataset.graph(_META))
        dataset.remove_graph(dataset.default_graph)
        return dataset


def _check_store_folder(path: Path) -> None:
    """Refuse a file, or a non-empty folder that is not an Oxigraph store (never write into it)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"store location {path} is a file; give a folder (new or a store)")
    if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
        raise StoreError(
            f"{path} is not a partnerkg store (a non-empty folder with no Oxigraph database); "
            "choose an empty or new folder with --store"
        )


# --- remote SPARQL 1.1 server --------------------------------------------------------------


class SparqlStore(Store):
    """A SPARQL 1.1 Query + Update server over HTTP.

    The store URL is the query endpoint. The update endpoint is
    ``PARTNERKG_UPDATE_URL`` when set; otherwise ``…/query`` becomes ``…/update``
    (Oxigraph server, Fuseki), a bare server root gets ``/query`` and ``/update``
    (Oxigraph server), and any other URL serves both (Virtuoso, Neptune ``/sparql``,
    a Fuseki dataset URL). GraphDB: set ``PARTNERKG_UPDATE_URL`` to
    ``…/repositories/<id>/statements``. Queries see the server's default graph,
    which every build rewrites as the merge of the data graphs.
    """

    def __init__(self, url: str, update_url: str | None = None, timeout: float = 60.0):
        self.location = url
        self.query_url, self.update_url = _endpoints(url, update_url)
        self.timeout = timeout

    def _request(self, url: str, body: bytes, content_type: str, accept: str) -> bytes:
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": content_type, "Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return response.read()  # type: ignore[no-any-return]
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:300]
            raise StoreError(
                f"SPARQL server {url} answered {error.code} {error.reason}: {detail}"
            ) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(
                f"cannot reach the SPARQL server at {url} ({reason}); start it or fix the "
                "URL given with --store / PARTNERKG_STORE"
            ) from error

    def _post_query(self, query: str, bindings: Mapping[str, Node], accept: str) -> bytes:
        body = urllib.parse.urlencode([("query", _with_values(query, bindings))]).encode()
        return self._request(self.query_url, body, "application/x-www-form-urlencoded", accept)

    def _select(self, query: str, bindings: Mapping[str, Node]) -> list[dict[str, Node]]:
        raw = self._post_query(query, bindings, "application/sparql-results+json")
        return _parse_results(raw)

    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        raw = self._post_query(query, bindings, "application/n-triples")
        graph = Graph()
        graph.parse(data=raw.decode("utf-8"), format="nt")
        return graph

    def _update(self, update: str) -> None:
        self._request(self.update_url, update.encode("utf-8"), "application/sparql-update", "*/*")


def _endpoints(url: str, update_url: str | None) -> tuple[str, str]:
    update_url = update_url or os.environ.get("PARTNERKG_UPDATE_URL") or None
    parts = urllib.parse.urlsplit(url)
    if not parts.netloc:
        raise ConfigError(f"store URL {url!r} has no host; use e.g. http://localhost:7878/query")
    path = parts.path.rstrip("/")
    if not path:
        query_url = parts._replace(path="/query").geturl()
        return query_url, update_url or parts._replace(path="/update").geturl()
    if path.endswith("/query"):
        return url, update_url or parts._replace(path=path[: -len("query")] + "update").geturl()
    return url, update_url or url


def _with_values(query: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables with a trailing VALUES block of serialised terms (as rdflib's SPARQLStore)."""
    if not bindings:
        return query
    names = sorted(bindings)
    variables = " ".join(f"?{name}" for name in names if name.isidentifier())
    if len(variables.split()) != len(names):
        raise StoreError(f"binding names must be SPARQL variable names: {names}")
    values = " ".join(str(_to_ox(bindings[name])) for name in names)
    return f"{query}\nVALUES ({variables}) {{ ({values}) }}"


def _parse_results(raw: bytes) -> list[dict[str, Node]]:
    """SPARQL 1.1 Query Results JSON -> rows of rdflib terms."""
    try:
        document = json.loads(raw)
        rows = document["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as error:
        raise StoreError(f"the SPARQL server sent an unreadable result: {error}") from error
    return [{name: _json_term(term) for name, term in row.items()} for row in rows]


def _json_term(term: Mapping[str, str]) -> Node:
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in term:
        return Literal(value, lang=term["xml:lang"])
    datatype = term.get("datatype")
    if datatype and datatype != _XSD_STRING:
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


# --- the registry of store kinds -----------------------------------------------------------

StoreOpener = Callable[[str], Store]

_STORE_KINDS: dict[str, StoreOpener] = {
    "": OxigraphStore.open,
    "file": lambda location: OxigraphStore.open(urllib.parse.urlsplit(location).path),
    "http": SparqlStore,
    "https": SparqlStore,
}


def register_store_kind(scheme: str, opener: StoreOpener) -> None:
    """Make ``open_store`` open ``scheme://…`` locations with ``opener``."""
    _STORE_KINDS[scheme.lower()] = opener


def open_store(location: str) -> Store:
    """Open the store at ``location``: a folder (created when absent) or a server URL.

    >>> open_store("ftp://example.org/store")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    partnerkg.errors.ConfigError: no store kind for 'ftp://…'; use a folder or one of: ...
    """
    scheme = urllib.parse.urlsplit(location).scheme.lower() if "://" in location else ""
    opener = _STORE_KINDS.get(scheme)
    if opener is None:
        kinds = ", ".join(sorted(k for k in _STORE_KINDS if k))
        raise ConfigError(f"no store kind for '{scheme}://…'; use a folder or one of: {kinds}")
    return opener(location)
