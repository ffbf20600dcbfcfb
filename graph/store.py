"""The triple store: embedded Oxigraph on disk by default.

Minimal contract other modules rely on (keep these signatures):
``open_store(location) -> Store``, ``Store.from_dataset(dataset)``,
``Store.select(query, bindings) -> list[dict[str, rdflib Node]]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from partnerkg.errors import StoreError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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


class Store:
    """A SPARQL-queryable dataset; queries see the union of the issue graphs by default."""

    def __init__(self, oxigraph: ox.Store) -> None:
        self._ox = oxigraph

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Store:
        """An in-memory store holding ``dataset`` (tests, notebooks)."""
        store = ox.Store()
        store.load(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Node]]:
        """Run a SELECT query; ``bindings`` substitute variables (never string formatting)."""
        substitutions = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
        try:
            solutions = self._ox.query(
                query, use_default_graph_as_union=True, substitutions=substitutions
            )
        except SyntaxError as error:
            raise StoreError(f"invalid SPARQL: {error}") from error
        names = [v.value for v in solutions.variables]
        return [
            {name: _from_ox(row[name]) for name in names if row[name] is not None}
            for row in solutions
        ]


def open_store(location: str) -> Store:
    """Open the store at ``location`` (a folder; created when absent)."""
    path = Path(location)
    try:
        return Store(ox.Store(str(path)))
    except OSError as error:
        raise StoreError(f"cannot open store {path}: {error}; check the path and permissions") from error
