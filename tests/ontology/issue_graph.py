"""A small issue graph built in code, following the brief's output contract."""

from __future__ import annotations

import itertools

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, XSD

from partnerkg.ontology.namespaces import PKG, SCHEMA

ID = Namespace("https://w3id.org/partnerkg/id/")


class IssueGraph:
    """One newsletter issue's named graph, following the brief's output contract."""

    def __init__(self, month: str = "2024-03") -> None:
        self.dataset = Dataset()
        self.month = month
        self.issue = ID[f"issue/{month}"]
        self.item = ID[f"item/{month}/1"]
        self.graph = self.dataset.graph(self.issue)
        self._ids = itertools.count(1)
        for triple in (
            (self.issue, RDF.type, SCHEMA.PublicationIssue),
            (self.issue, SCHEMA.datePublished, Literal(f"{month}-01", datatype=XSD.date)),
            (self.item, RDF.type, PKG.NewsItem),
            (self.item, SCHEMA.isPartOf, self.issue),
            (self.item, SCHEMA.name, Literal("News")),
        ):
            self.graph.add(triple)

    def entity(self, path: str, cls: URIRef, name: str, *, mentioned: bool = True) -> URIRef:
        node = ID[path]
        self.graph.add((node, RDF.type, cls))
        self.graph.add((node, SCHEMA.name, Literal(name)))
        if mentioned:
            self.graph.add((self.issue, SCHEMA.mentions, node))
        return node

    def state(self, s: URIRef, p: URIRef, o: URIRef, evidence: str | None) -> URIRef:
        """Add ``s p o`` and, unless ``evidence`` is None, its provenance record."""
        self.graph.add((s, p, o))
        statement = ID[f"assertion/{next(self._ids)}"]
        if evidence is not None:
            for triple in (
                (statement, RDF.type, RDF.Statement),
                (statement, RDF.subject, s),
                (statement, RDF.predicate, p),
                (statement, RDF.object, o),
                (statement, PROV.wasDerivedFrom, self.item),
                (statement, PKG.evidenceText, Literal(evidence)),
                (statement, PKG.sourceFile, Literal(f"{self.month}.md")),
                (statement, PKG.startOffset, Literal(100, datatype=XSD.integer)),
                (statement, PKG.endOffset, Literal(100 + len(evidence), datatype=XSD.integer)),
            ):
                self.graph.add(triple)
        return statement
