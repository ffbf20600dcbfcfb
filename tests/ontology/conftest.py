"""Small issue graphs built inside each test, and the reasoner precondition (Java)."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest
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


@pytest.fixture
def issue() -> IssueGraph:
    return IssueGraph()


@pytest.fixture
def clean_issue(issue: IssueGraph) -> IssueGraph:
    """A small graph that follows every rule: a seminar, its speaker and her university."""
    ada = issue.entity("person/ada-lovelace", SCHEMA.Person, "Ada Lovelace")
    uni = issue.entity("organisation/uni", SCHEMA.CollegeOrUniversity, "University of Testing")
    talk = issue.entity("event/seminar", PKG.Seminar, "Seminar on engines")
    issue.graph.add((talk, SCHEMA.startDate, Literal("2024-03-05", datatype=XSD.date)))
    issue.graph.add((talk, SCHEMA.endDate, Literal("2024-03-05", datatype=XSD.date)))
    issue.state(talk, SCHEMA.performer, ada, "Ada Lovelace (University of Testing) speaks.")
    issue.state(ada, SCHEMA.affiliation, uni, "Ada Lovelace (University of Testing) speaks.")
    return issue


@pytest.fixture
def java() -> None:
    """The reasoner needs Java: skip without it, except under CI where it is installed."""
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java not found; CI installs it with .ci/system-deps")
        pytest.skip("java not found (the OWL reasoner HermiT needs it)")
