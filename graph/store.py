"""The triple store: embedded Oxigraph on disk by default, or any SPARQL 1.1 server.

Contract other modules rely on (keep these signatures):
``open_store(location) -> Store``, ``Store.from_dataset(dataset)``,
``Store.select(query, bindings) -> list[dict[str, rdflib Node]]``.

Store kinds are registered by URL scheme (:func:`register_store_kind`): a plain
path is an embedded Oxigraph folder, ``http(s)://`` a remote SPARQL 1.1 server
(Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune). Every kind implements
three primitives (select, construct, update); everything else — issue graphs,
the content-hash metadata, counts, dumps — is written once on top of them.

Writes are atomic, and this process holds one issue graph's text at a time, not the build's.
A SPARQL server (and the in-memory store) gets each changed graph in its own
request into a staging graph (under ``…/id/meta/staging/``), then ONE update
swaps them in: it takes the old triples out of the default graph, moves each
staging graph onto its issue graph, adds the new triples to the default graph and
updates the metadata graph. The embedded store on disk writes graph by graph into
a copy of itself and puts the copy in its place (see :class:`OxigraphStore`): one
RocksDB transaction would hold the whole change in memory. Either way nothing a
reader sees changes before the last step, so a build killed halfway leaves the
previous graph intact; what it leaves behind (staging graphs, a half-written copy)
is never read and goes at the next write or open. Terms are written by
pyoxigraph's N-Triples serialiser (which escapes every literal); newsletter text
is never formatted into SPARQL syntax.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
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

#: Graph IRI -> its triples: what a build writes (lighter than an rdflib Dataset).
Graphs = Mapping[URIRef, Iterable[tuple[Node, Node, Node]]]

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
#: A copy being written is flushed after this much N-Triples text (memtables ~7 x the text).
_FLUSH_CHARACTERS = 16 * 2**20
#: Staging graphs of an unfinished write: never data, never read, dropped by the next write.
_STAGING = f"{_META}/staging/"
_NOT_STAGING = f'FILTER(!STRSTARTS(STR(?g), "{_STAGING}"))'
# Named graphs from the store's list of names, kept when non-empty: no scan of every quad.
_GRAPH_NAMES = (
    "SELECT ?g WHERE { GRAPH ?g { } FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } "
    f"{_NOT_STAGING} }}"
)
_ALL_QUADS = f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_STAGING} }}"
_STAGING_GRAPHS = f'SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{_STAGING}")) }}'
_MERGE_INTO_DEFAULT = (
    f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{_META}>) }}"
)


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


def _by_name(dataset: Dataset | Graphs) -> Graphs:
    """A Dataset's named graphs by IRI (an rdflib Graph iterates over its triples)."""
    if not isinstance(dataset, Dataset):
        return dataset
    return {
        URIRef(str(g.identifier)): g
        for g in dataset.graphs()
        if isinstance(g.identifier, URIRef) and len(g)  # not the (empty) default graph
    }


def _staging_name(graph: URIRef) -> URIRef:
    """Where ``graph``'s new triples wait for the swap (reversible, one per target graph)."""
    return URIRef(_STAGING + urllib.parse.quote(str(graph), safe=""))


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
    def _select(self, query: str, bindings: Mapping[str, Node]) -> list[dict[str, Node]]:
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
        texts = ((name, _ntriples(graph)) for name, graph in graphs.items() if name != _META)
        self._write(texts, dict(hashes or {}), set(remove) - {_META})

    def replace_all(self, dataset: Dataset | Graphs, hashes: Mapping[str, str]) -> None:
        """Make the store hold exactly ``dataset``'s named graphs and ``hashes``, atomically.

        ``dataset`` is an rdflib Dataset or, lighter, graph IRI -> triples
        (:func:`partnerkg.graph.build.named_graphs`).

        Graphs whose triples are unchanged (same digest as stored) are not rewritten,
        so rebuilding after one new issue writes little more than that issue. Each
        graph is serialised, staged and released in turn: the N-Triples of the whole
        dataset are never in memory at once.
        """
        graphs = _by_name(dataset)
        names = set(graphs) - {_META}  # an empty graph's text is empty: _write removes it
        stale = {g for g in self.graph_names() if g not in names and g != _META}
        # Metadata of an issue whose graph is gone (or never had triples) goes too.
        stale |= {Minter().issue(m) for m in self.issue_hashes() if m not in hashes}
        self._write(self._changed(graphs, sorted(names)), dict(hashes), stale)

    def _changed(self, graphs: Graphs, names: Iterable[URIRef]) -> Iterator[tuple[URIRef, str]]:
        """(name, N-Triples) of each graph whose digest differs from the stored one."""
        stored, changed, total = self.graph_digests(), 0, 0
        for name in names:
            text, total = _ntriples(graphs[name]), total + 1
            if stored.get(name) != _digest(text):
                changed += 1
                yield name, text
        log.info("%d of %d graph(s) changed", changed, total)

    def graph_digests(self) -> dict[URIRef, str]:
        """Named graph -> digest of its triples as last written (to skip unchanged graphs)."""
        rows = self._select(_GRAPH_DIGESTS, {})
        return {URIRef(str(row["g"])): str(row["digest"]) for row in rows}

    def _write(
        self, texts: Iterable[tuple[URIRef, str]], hashes: Mapping[str, str], remove: set[URIRef]
    ) -> None:
        """Stage each graph in ``texts`` (one request each), then swap them in with ONE update."""
        self._drop_staging()
        digests: dict[URIRef, str] = {}
        for graph, text in texts:
            if text:
                self._load_graph(_staging_name(graph), text)
                digests[graph] = _digest(text)
            else:
                remove.add(graph)
        remove -= digests.keys()
        if digests or remove or hashes:
            self._update(" ;\n".join(_swap(digests, remove) + _metadata(digests, hashes, remove)))
        log.info("wrote %d graph(s), removed %d", len(digests), len(remove))

    def _write_in_steps(
        self, texts: Iterable[tuple[URIRef, str]], hashes: Mapping[str, str], remove: set[URIRef]
    ) -> None:
        """The change :meth:`_write` makes, in small requests (one per graph and step).

        Not atomic: only for a copy of the store no reader sees until it is complete.
        Memory stays that of one graph, whatever the size of the change.
        """
        digests: dict[URIRef, str] = {}
        for graph, text in texts:
            if text:
                self._update(_drop(graph))
                self._load_graph(graph, text)
                self._update(f"ADD SILENT GRAPH {ox.NamedNode(str(graph))} TO DEFAULT")
                digests[graph] = _digest(text)
            else:
                remove.add(graph)
        remove -= digests.keys()
        for graph in sorted(remove):
            self._update(_drop(graph))
        if digests or remove or hashes:
            self._update(" ;\n".join(_metadata(digests, hashes, remove)))
        log.info("wrote %d graph(s), removed %d", len(digests), len(remove))

    def _drop_staging(self) -> None:
        """Drop the staging graphs a killed write left behind (never part of the data)."""
        leftovers = [ox.NamedNode(str(row["g"])) for row in self._select(_STAGING_GRAPHS, {})]
        if leftovers:
            log.info("dropping %d staging graph(s) of an unfinished write", len(leftovers))
            self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in leftovers))

    def _load_graph(self, graph: URIRef, ntriples: str) -> None:
        """Write N-Triples into the named graph ``graph`` in one atomic request."""
        self._update(f"INSERT DATA {{ GRAPH {ox.NamedNode(str(graph))} {{\n{ntriples}\n}} }}")


def _swap(digests: Mapping[URIRef, str], remove: set[URIRef]) -> list[str]:
    """The operations that make the staged graphs (``digests``) visible and drop ``remove``.

    The default graph is maintained for the changed graphs only: their old triples
    leave it unless a graph that stays (or a staged one) states them too, and the
    staged triples join it. Cost follows the size of the change, not of the store.
    """
    parts = [_unmerge(remove | digests.keys())] if remove or digests else []
    parts += [f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}" for graph in sorted(remove)]
    for graph in sorted(digests):
        name, staged = ox.NamedNode(str(graph)), ox.NamedNode(str(_staging_name(graph)))
        parts.append(f"MOVE SILENT GRAPH {staged} TO GRAPH {name}")
        parts.append(f"ADD SILENT GRAPH {name} TO DEFAULT")
    return parts


def _drop(graph: URIRef) -> str:
    """Drop one graph and its triples from the default graph that no other graph states."""
    return f"{_unmerge([graph])} ;\nDROP SILENT GRAPH {ox.NamedNode(str(graph))}"


def _metadata(
    digests: Mapping[URIRef, str], hashes: Mapping[str, str], remove: set[URIRef]
) -> list[str]:
    """Operations on the metadata graph: new digests and content hashes, removed issues."""
    meta, mint = ox.NamedNode(str(_META)), Minter()
    parts = [
        f"DELETE WHERE {{ GRAPH {meta} {{ {ox.NamedNode(str(graph))} ?p ?o }} }}"
        for graph in sorted(remove)
    ]
    parts += [
        f"DELETE WHERE {{ GRAPH {meta} {{ {ox.NamedNode(str(g))} <{BUILD.graphDigest}> ?d }} }}"
        for g in sorted(digests)
    ]
    for month in sorted(hashes):
        issue = ox.NamedNode(str(mint.issue(month)))
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {issue} <{BUILD.contentHash}> ?h }} }}")
    facts: list[tuple[Node, Node, Node]] = []
    for month, value in sorted(hashes.items()):
        facts.append((mint.issue(month), BUILD.issueMonth, Literal(month)))
        facts.append((mint.issue(month), BUILD.contentHash, Literal(value)))
    facts += [(g, BUILD.graphDigest, Literal(digest)) for g, digest in digests.items()]
    if facts:
        parts.append(f"INSERT DATA {{ GRAPH {meta} {{\n{_ntriples(facts)}\n}} }}")
    return parts


def _unmerge(replaced: Iterable[URIRef]) -> str:
    """Delete from the default graph the triples of ``replaced`` that no other graph states.

    Run before the swap: the graphs that count are those kept and the staged ones.
    """
    names = [str(ox.NamedNode(str(g))) for g in sorted(replaced)]
    excluded = ", ".join([*names, str(ox.NamedNode(str(_META)))])
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {' '.join(names)} }} "
        f"GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({excluded})) }} }}"
    )


# --- embedded Oxigraph ---------------------------------------------------------------------


class OxigraphStore(Store):
    """Oxigraph in this process: on disk (a folder) or in memory.

    On disk, a write does not go through one RocksDB transaction: that transaction
    holds every written quad in memory (about 2 KB each, several GB for a
    1,000-issue build). It changes a copy instead (``<store>.next``, a RocksDB
    checkpoint of hard links), graph by graph, then puts the copy in the store's
    place: renamed to ``<store>.ready`` once complete (the commit), then swapped in
    by two renames. A build killed before the commit leaves the previous store; one
    killed after it is completed when the store is next opened. The swap releases
    RocksDB's lock on the folder for a moment, so the swap and every open also hold
    ``<store>.lock`` (:func:`_swap_lock`): no other process opens the store half-swapped.
    """

    def __init__(
        self, oxigraph: ox.Store, location: str = "memory", writable: bool = True,
        *, durable: bool = True,
    ):  # fmt: skip
        self._ox = oxigraph
        self.location = location
        self.writable = writable
        self._durable = durable  # flush after each update (not in a copy being built)
        self._unflushed = 0  # N-Triples characters loaded since the last flush

    @classmethod
    def open(cls, location: str) -> OxigraphStore:
        """Open (or create) the store folder ``location``; read-only if another process holds it."""
        path = Path(location).expanduser()
        _check_store_folder(path)
        with _swap_lock(path):
            if not path.exists() and _sibling(path, "ready").is_dir():
                _sibling(path, "ready").rename(path)  # killed between the two renames of a commit
            path.mkdir(parents=True, exist_ok=True)
            try:
                store = cls(ox.Store(str(path)), str(path))
            except OSError as error:
                if "lock" not in str(error).lower():
                    raise StoreError(
                        f"cannot open store {path}: {error}; check the path and its permissions"
                    ) from error
            else:
                store._recover()
                return store
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

    def _recover(self) -> None:
        """With the store's lock held: finish a committed write, drop an unfinished one."""
        path = Path(self.location)
        shutil.rmtree(_sibling(path, "next"), ignore_errors=True)
        if _sibling(path, "ready").is_dir():
            log.info("completing the write of a build killed after its commit")
            self._swap_in()
        shutil.rmtree(_sibling(path, "old"), ignore_errors=True)

    def _write(
        self, texts: Iterable[tuple[URIRef, str]], hashes: Mapping[str, str], remove: set[URIRef]
    ) -> None:
        texts = iter(texts)
        first = next(texts, None)
        if first is None or self.location == "memory":
            # Metadata only, or an in-memory store (tests, notebooks): one small transaction.
            super()._write(itertools.chain([first] if first else [], texts), hashes, remove)
            return
        texts = itertools.chain([first], texts)
        self._check_writable()
        path = Path(self.location)
        copy = _sibling(path, "next")
        shutil.rmtree(copy, ignore_errors=True)
        self._ox.flush()
        try:
            self._ox.backup(str(copy))
            with OxigraphStore(ox.Store(str(copy)), str(copy), durable=False) as shadow:
                shadow._write_in_steps(texts, hashes, remove)
        except BaseException:
            shutil.rmtree(copy, ignore_errors=True)  # closed first: RocksDB writes no more
            raise
        with _swap_lock(path):
            copy.rename(_sibling(path, "ready"))  # the commit: from here on this write stands
            self._swap_in()

    def _swap_in(self) -> None:
        """Put ``<store>.ready`` in the store's place and reopen it (under :func:`_swap_lock`)."""
        path = Path(self.location)
        old = _sibling(path, "old")
        shutil.rmtree(old, ignore_errors=True)
        self._ox.flush()
        del self._ox  # releases the folder's lock
        path.rename(old)
        _sibling(path, "ready").rename(path)
        self._ox = ox.Store(str(path))
        shutil.rmtree(old, ignore_errors=True)

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
        # Listings repeat a few thousand terms over tens of thousands of rows, and building an
        # rdflib Literal costs as much as finding it: convert each distinct term once.
        converted: dict[object, Node] = {}

        def term(value: object) -> Node:
            node = converted.get(value)
            if node is None:
                node = converted[value] = _from_ox(value)
            return node

        return [
            {name: term(row[name]) for name in names if row[name] is not None} for row in solutions
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
        self._check_writable()
        try:
            self._ox.update(update)
            if self._durable:
                self._ox.flush()
        except SyntaxError as error:
            raise StoreError(f"internal error: generated update is invalid: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot write store {self.location}: {error}") from error

    def _load_graph(self, graph: URIRef, ntriples: str) -> None:
        """Oxigraph's N-Triples loader, one transaction: no SPARQL text to build and parse."""
        self._check_writable()
        try:
            name = ox.NamedNode(str(graph))
            self._ox.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
            self._unflushed += len(ntriples)
            if self._unflushed > _FLUSH_CHARACTERS:
                self._ox.flush()  # RocksDB's memtables grow with every unflushed write
                self._unflushed = 0
        except SyntaxError as error:
            raise StoreError(f"internal error: generated N-Triples are invalid: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot write store {self.location}: {error}") from error

    def _check_writable(self) -> None:
        if not self.writable:
            raise StoreError(
                f"store {self.location} is in use by another process (a build or "
                "`partnerkg serve`); stop it, then run the build again"
            )

    def to_dataset(self) -> Dataset:
        """The named graphs but the metadata graph, each read through Oxigraph's N-Triples writer.

        The default graph is left out (it is only the merge of the named graphs), and
        it is never dumped: it would double the text held in memory.
        """
        dataset = Dataset()
        for name in self._ox.named_graphs():
            if not isinstance(name, ox.NamedNode) or _hidden(name.value):
                continue
            data = self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
            if data:
                dataset.graph(URIRef(name.value)).parse(data=data.decode("utf-8"), format="nt")
        return dataset


def _sibling(path: Path, suffix: str) -> Path:
    """``<store>.<suffix>``: the copy a write builds (next, ready), the replaced store (old),
    or the swap's lock file (lock)."""
    return path.with_name(f"{path.name}.{suffix}")


@contextlib.contextmanager
def _swap_lock(path: Path) -> Iterator[None]:
    """Hold ``<store>.lock`` exclusively: while one process swaps a new store in, another
    waits to open it (the swap briefly releases RocksDB's own lock on the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(_sibling(path, "lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _hidden(graph: str) -> bool:
    """The metadata graph and staging graphs: stored, but never part of the data."""
    return graph == str(_META) or graph.startswith(_STAGING)


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
    """Bind variables with a VALUES block of serialised terms at the start of every
    ``WHERE {`` group, subqueries included.

    A trailing VALUES (as rdflib's SPARQLStore writes) is joined after the query, so a
    subquery that filters on a parameter (the named queries resolve names that way)
    would see it unbound and match nothing; this gives Oxigraph's substitution semantics.
    """
    if not bindings:
        return query
    names = sorted(bindings)
    variables = " ".join(f"?{name}" for name in names if name.isidentifier())
    if len(variables.split()) != len(names):
        raise StoreError(f"binding names must be SPARQL variable names: {names}")
    values = " ".join(str(_to_ox(bindings[name])) for name in names)
    block = f" VALUES ({variables}) {{ ({values}) }}"
    return _WHERE_GROUP.sub(lambda match: match[0] + block, query)


_WHERE_GROUP = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


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
