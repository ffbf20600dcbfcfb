"""Axioms that queries rely on: sub-properties, disjointness, derived collaborations."""

from __future__ import annotations

import io

import pytest
from owlready2 import World, sync_reasoner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF

from partnerkg.ontology.check import check_graph
from partnerkg.ontology.namespaces import PKG, SCHEMA
from partnerkg.ontology.reasoning import disjoint_pairs
from partnerkg.ontology.rules import DERIVED_GRAPH, apply_collaborations, derive_collaborations
from partnerkg.ontology.vocabularies import load_ontology
from tests.ontology.issue_graph import IssueGraph

AFFILIATIONS = """
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person ?org
WHERE { ?person ?relation ?org . ?relation rdfs:subPropertyOf* schema:affiliation }
"""


def test_works_for_counts_as_affiliation_in_sparql(issue: IssueGraph) -> None:
    ada = issue.entity("person/ada", SCHEMA.Person, "Ada")
    uni = issue.entity("organisation/uni", SCHEMA.CollegeOrUniversity, "University of Testing")
    issue.state(ada, SCHEMA.worksFor, uni, "Ada works for the University of Testing.")
    graph = Graph() + issue.graph + load_ontology()
    assert {(r.person, r.org) for r in graph.query(AFFILIATIONS)} == {(ada, uni)}


@pytest.mark.reasoner
def test_reasoner_infers_affiliation_from_works_for(java: None) -> None:
    world = World()
    world.get_ontology("https://w3id.org/partnerkg/test").load(
        fileobj=_ntriples(load_ontology(), [
            (URIRef("urn:ada"), RDF.type, SCHEMA.Person),
            (URIRef("urn:ada"), SCHEMA.worksFor, URIRef("urn:uni")),
            (URIRef("urn:uni"), RDF.type, OWL.NamedIndividual),
        ]),
        format="ntriples",
    )
    sync_reasoner(world, infer_property_values=True, debug=0)
    ada, uni = world["urn:ada"], world["urn:uni"]
    assert uni in ada.INDIRECT_affiliation  # worksFor is a sub-property of affiliation
    assert world[str(SCHEMA.Organization)] in uni.INDIRECT_is_a  # from the range


def _ntriples(ontology: Graph, triples: list) -> io.BytesIO:
    """The ontology (minus xsd:date ranges HermiT rejects) and ``triples`` as N-Triples."""
    graph = Graph()
    for s, p, o in ontology:
        if not (p == URIRef("http://www.w3.org/2000/01/rdf-schema#range")
                and (s, RDF.type, OWL.DatatypeProperty) in ontology):
            graph.add((s, p, o))
    for triple in triples:
        graph.add(triple)
    return io.BytesIO(graph.serialize(format="nt", encoding="utf-8"))


def test_people_organisations_events_publications_are_pairwise_disjoint() -> None:
    pairs = disjoint_pairs(load_ontology())
    kinds = [SCHEMA.Person, SCHEMA.Organization, SCHEMA.Event, PKG.Publication]
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert frozenset((a, b)) in pairs


@pytest.mark.reasoner
def test_reasoner_uses_subclasses_for_disjointness(issue: IssueGraph, java: None) -> None:
    node = issue.entity("event/x", PKG.Seminar, "Engines, a seminar")
    issue.graph.add((node, RDF.type, PKG.Preprint))
    report = check_graph(issue.dataset, shapes=False)
    assert not report.ok
    assert str(node) in report.problems[0].nodes
    assert "event (schema:Event)" in report.problems[0].message
    assert "publication (pkg:Publication)" in report.problems[0].message


# --- collaboratesWith ------------------------------------------------------------------


def _people(issue: IssueGraph, *names: str) -> list[URIRef]:
    return [issue.entity(f"person/{n.lower()}", SCHEMA.Person, n) for n in names]


def test_coauthors_collaborate_both_ways_never_with_themselves(issue: IssueGraph) -> None:
    ada, bob, cy = _people(issue, "Ada", "Bob", "Cy")
    paper = issue.entity("publication/p", SCHEMA.ScholarlyArticle, "On engines")
    for person in (ada, bob):
        issue.state(paper, SCHEMA.author, person, "On engines, by Ada and Bob.")
    derived = derive_collaborations(issue.dataset)
    assert set(derived) == {
        (ada, PKG.collaboratesWith, bob),
        (bob, PKG.collaboratesWith, ada),
    }
    assert (cy, None, None) not in derived


def test_co_speakers_collaborate(issue: IssueGraph) -> None:
    ada, bob = _people(issue, "Ada", "Bob")
    panel = issue.entity("event/panel", SCHEMA.Event, "Panel")
    for person in (ada, bob):
        issue.state(panel, SCHEMA.performer, person, "Panel with Ada and Bob.")
    assert (ada, PKG.collaboratesWith, bob) in derive_collaborations(issue.dataset)


def test_an_organisation_author_is_not_a_collaborator(issue: IssueGraph) -> None:
    (ada,) = _people(issue, "Ada")
    lab = issue.entity("organisation/lab", SCHEMA.Organization, "Engine Lab")
    report = issue.entity("publication/r", SCHEMA.Report, "Engines report")
    issue.state(report, SCHEMA.author, ada, "A report by Ada and the Engine Lab.")
    issue.state(report, SCHEMA.author, lab, "A report by Ada and the Engine Lab.")
    assert len(derive_collaborations(issue.dataset)) == 0


def test_collaborations_are_found_across_issue_graphs() -> None:
    march, april = IssueGraph("2024-03"), IssueGraph("2024-04")
    ada, bob = _people(march, "Ada", "Bob")
    paper = march.entity("publication/p", SCHEMA.ScholarlyArticle, "On engines")
    march.state(paper, SCHEMA.author, ada, "On engines, by Ada and Bob.")
    april.graph.add((paper, SCHEMA.author, bob))
    april.graph.add((bob, RDF.type, SCHEMA.Person))
    dataset = Dataset()
    for source in (march, april):
        for s, p, o, g in source.dataset.quads():
            dataset.graph(g).add((s, p, o))
    assert (ada, PKG.collaboratesWith, bob) in derive_collaborations(dataset)


def test_apply_puts_derived_links_in_their_own_graph(issue: IssueGraph) -> None:
    ada, bob = _people(issue, "Ada", "Bob")
    panel = issue.entity("event/panel", SCHEMA.Event, "Panel")
    issue.state(panel, SCHEMA.performer, ada, "Panel with Ada and Bob.")
    issue.state(panel, SCHEMA.performer, bob, "Panel with Ada and Bob.")
    assert apply_collaborations(issue.dataset) == 2
    assert (bob, PKG.collaboratesWith, ada) in issue.dataset.graph(DERIVED_GRAPH)
    assert (ada, PKG.collaboratesWith, bob) not in issue.graph
    assert apply_collaborations(issue.dataset) == 0  # idempotent


def test_collaborates_with_is_symmetric_and_a_kind_of_knowing() -> None:
    ontology = load_ontology()
    assert (PKG.collaboratesWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (PKG.collaboratesWith, URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf"),
            SCHEMA.knows) in ontology
