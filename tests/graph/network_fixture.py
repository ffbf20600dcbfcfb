"""A small fictional graph that follows DESIGN.md's output contract, built in code."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from partnerkg.graph.store import Store
from partnerkg.ontology.namespaces import SCHEMA

ID = "https://w3id.org/partnerkg/id/"
PKG = "https://w3id.org/partnerkg/ontology#"


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


def contract_dataset(names: dict[str, str] | None = None) -> Dataset:
    """Two issues: a talk with two speakers, a paper with two authors, affiliations."""
    names = {"ada": "Ada Quill", "bo": "Bo Tran", "cy": "Cy Morrow", **(names or {})}
    ds = Dataset()
    ontology = ds.graph(iri("ontology"))
    ontology.add((URIRef(PKG + "University"), RDFS.subClassOf, SCHEMA.Organization))
    issues = {"2025-01": ds.graph(iri("issue/2025-01")), "2025-02": ds.graph(iri("issue/2025-02"))}
    for month, g in issues.items():
        issue = iri(f"issue/{month}")
        g.add((issue, RDF.type, SCHEMA.PublicationIssue))
        g.add((issue, SCHEMA.datePublished, Literal(f"{month}-01", datatype=XSD.date)))
    people = {key: iri(f"person/{key}") for key in names}
    g1, g2 = issues["2025-01"], issues["2025-02"]
    uni, firm = iri("organisation/northfield"), iri("organisation/acme")
    talk, paper, topic = iri("event/talk"), iri("publication/paper"), iri("topic/causal")
    for g, month in ((g1, "2025-01"), (g2, "2025-02")):
        for node in (*people.values(), uni, firm, talk, paper, topic):
            g.add((iri(f"issue/{month}"), SCHEMA.mentions, node))
        for key, person in people.items():
            g.add((person, RDF.type, SCHEMA.Person))
            g.add((person, SCHEMA.name, Literal(names[key])))
        g.add((uni, RDF.type, URIRef(PKG + "University")))
        g.add((uni, SCHEMA.name, Literal("Northfield University")))
        g.add((firm, RDF.type, SCHEMA.Corporation))
        g.add((firm, SCHEMA.name, Literal("Acme Health")))
        g.add((topic, RDF.type, SKOS.Concept))
        g.add((topic, SKOS.prefLabel, Literal("causal inference")))
    g1.add((talk, RDF.type, SCHEMA.Event))
    g1.add((talk, SCHEMA.name, Literal("Winter Talk")))
    g1.add((talk, SCHEMA.performer, people["ada"]))
    g1.add((talk, SCHEMA.performer, people["bo"]))
    g1.add((talk, SCHEMA.organizer, uni))
    g1.add((talk, SCHEMA.organizer, firm))
    g1.add((talk, SCHEMA.about, topic))
    g1.add((people["ada"], SCHEMA.affiliation, uni))
    g1.add((people["bo"], SCHEMA.affiliation, firm))
    statement = iri("assertion/a1")
    g1.add((statement, RDF.type, RDF.Statement))
    g1.add((statement, RDF.subject, people["ada"]))
    g1.add((statement, RDF.predicate, SCHEMA.affiliation))
    g1.add((statement, RDF.object, uni))
    g1.add(
        (
            statement,
            URIRef(PKG + "evidenceText"),
            Literal(f"{names['ada']}, Lecturer at Northfield"),
        )
    )
    g1.add((statement, PROV.wasDerivedFrom, iri("item/2025-01/1")))
    g2.add((paper, RDF.type, SCHEMA.ScholarlyArticle))
    g2.add((paper, SCHEMA.name, Literal("Causal Things")))
    g2.add((paper, SCHEMA.author, people["bo"]))
    g2.add((paper, SCHEMA.author, people["cy"]))
    g2.add((people["cy"], SCHEMA.affiliation, uni))
    g2.add((people["cy"], SCHEMA.url, Literal("javascript:alert(1)")))
    return ds


def contract_store(names: dict[str, str] | None = None) -> Store:
    return Store.from_dataset(contract_dataset(names))
