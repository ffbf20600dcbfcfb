"""What the graph says about a node, in words: its name and the sentences that stated it.

Reads the provenance model (README.md): ``rdf:Statement`` nodes with ``rdf:subject``,
``rdf:object``, ``pkg:evidenceText``, ``pkg:sourceFile`` and character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from partnerkg.ontology.namespaces import PKG, SCHEMA

_PREFIXES = {
    str(SCHEMA._NS): "schema:",
    str(PKG._NS): "pkg:",
    str(SKOS): "skos:",
    str(RDF): "rdf:",
    str(RDFS): "rdfs:",
    str(XSD): "xsd:",
    str(PROV): "prov:",
}


@dataclass(frozen=True)
class Evidence:
    """A source sentence and where it is."""

    text: str
    source_file: str | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        where = self.source_file or "unknown file"
        if self.start is not None and self.end is not None:
            where = f"{where}:{self.start}-{self.end}"
        return f"“{self.text}” ({where})"


def short_iri(term: Node) -> str:
    """``schema:name`` for a term of a known vocabulary, ``<iri>`` otherwise."""
    for namespace, prefix in _PREFIXES.items():
        if isinstance(term, URIRef) and term.startswith(namespace):
            return prefix + term[len(namespace):]
    return f"<{term}>"


def describe(graph: Graph, node: Node) -> str:
    """``“Name” <iri>`` for a named node, the literal itself for a literal."""
    if isinstance(node, Literal):
        return f"“{node}”"
    for predicate in (SCHEMA.name, SKOS.prefLabel, RDFS.label, SCHEMA.roleName):
        names = sorted(str(name) for name in graph.objects(node, predicate))
        if names:
            return " / ".join(f"“{name}”" for name in names) + f" <{node}>"
    return f"<{node}>"


def _int(value: Node | None) -> int | None:
    return int(value) if isinstance(value, Literal) else None


def evidence_for(
    graph: Graph, node: Node, predicate: URIRef | None = None, value: Node | None = None,
    limit: int = 3,
) -> tuple[Evidence, ...]:
    """Source sentences of statements about ``node`` (as subject or object).

    With ``predicate``/``value`` the statements of exactly that triple come first.
    """
    statements: list[Node] = []
    if predicate is not None and value is not None:
        statements += [
            s for s in graph.subjects(RDF.subject, node)
            if (s, RDF.predicate, predicate) in graph and (s, RDF.object, value) in graph
        ]
    for link in (RDF.subject, RDF.object):
        statements += sorted(set(graph.subjects(link, node)) - set(statements), key=str)
    found: list[Evidence] = []
    for statement in statements:
        text = graph.value(statement, PKG.evidenceText)
        if text is None:
            continue
        evidence = Evidence(
            str(text),
            str(graph.value(statement, PKG.sourceFile) or "") or None,
            _int(graph.value(statement, PKG.startOffset)),
            _int(graph.value(statement, PKG.endOffset)),
        )
        if evidence not in found:
            found.append(evidence)
        if len(found) == limit:
            break
    return tuple(found)
