"""to_rdf follows DESIGN.md's output contract, with provenance, and is deterministic."""

from __future__ import annotations

import dataclasses
import logging

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

from partnerkg.extract.model import EntityKind, Relation, Resolved
from partnerkg.graph.build import to_rdf
from partnerkg.ontology.namespaces import PKG, SCHEMA
from partnerkg.ontology.vocabularies import load_partners
from partnerkg.settings import Settings
from tests.graph.build_fixture import entity, fact, small_resolved

ID = "https://w3id.org/partnerkg/id/"
ADA = URIRef(ID + "person/ada-quill-1a2b")
UNI = URIRef(ID + "organisation/northfield-9f")
TALK = URIRef(ID + "event/winter-talk-3c")
PAPER = URIRef(ID + "publication/causal-paper-7d")
JAN, FEB = URIRef(ID + "issue/2025-01"), URIRef(ID + "issue/2025-02")


def _graphs(dataset: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_one_named_graph_per_issue_plus_the_ontology() -> None:
    graphs = _graphs(to_rdf(small_resolved()))
    assert set(graphs) == {str(JAN), str(FEB), ID + "ontology"}


def test_issue_node_is_a_dated_publication_issue_mentioning_its_entities() -> None:
    jan = to_rdf(small_resolved()).graph(JAN)
    assert (JAN, RDF.type, SCHEMA.PublicationIssue) in jan
    assert jan.value(JAN, SCHEMA.datePublished) == Literal("2025-01-01", datatype=XSD.date)
    mentioned = set(jan.objects(JAN, SCHEMA.mentions))
    assert {
        ADA,
        UNI,
        TALK,
        URIRef("https://w3id.org/partnerkg/topic/causal-inference"),
    } <= mentioned
    assert PAPER not in mentioned


def test_schema_is_the_http_namespace() -> None:
    quads = to_rdf(small_resolved()).serialize(format="nquads")
    assert "<http://schema.org/Person>" in quads
    assert "https://schema.org/" not in quads


def test_entities_are_typed_and_named_in_every_issue_that_mentions_them() -> None:
    dataset = to_rdf(small_resolved())
    for issue in (JAN, FEB):
        graph = dataset.graph(issue)
        assert (ADA, RDF.type, SCHEMA.Person) in graph
        assert graph.value(ADA, SCHEMA.name) == Literal("Ada Quill")
        assert set(graph.objects(ADA, SCHEMA.alternateName)) == {
            Literal("Ada"),
            Literal("Dr Ada Quill"),
        }
        assert (UNI, RDF.type, SCHEMA.CollegeOrUniversity) in graph


def test_event_dates_are_xsd_dates_and_subkind_class_is_aligned_in_the_ontology_graph() -> None:
    dataset = to_rdf(small_resolved())
    jan = dataset.graph(JAN)
    assert jan.value(TALK, SCHEMA.startDate) == Literal("2025-01-21", datatype=XSD.date)
    assert jan.value(TALK, SCHEMA.endDate) == Literal("2025-01-22", datatype=XSD.date)
    assert (TALK, RDF.type, PKG.Talk) in jan
    ontology = dataset.graph(URIRef(ID + "ontology"))
    supers = set(ontology.transitive_objects(PKG.Talk, RDFS.subClassOf))
    assert SCHEMA.Event in supers


def test_an_issue_graph_states_only_the_dates_its_own_text_gave() -> None:
    talk = dataclasses.replace(entity("winter-talk-3c", EntityKind.EVENT, "Winter Talk",
                                      start_date="2025-01-21", issues=("2025-01", "2025-02")),
                               dated_in=("2025-01",))
    resolved = dataclasses.replace(small_resolved(), entities=(talk,), facts=())
    dataset = to_rdf(resolved)
    assert dataset.graph(JAN).value(TALK, SCHEMA.startDate) == Literal("2025-01-21",
                                                                       datatype=XSD.date)
    assert (TALK, SCHEMA.name, Literal("Winter Talk")) in dataset.graph(FEB)
    assert dataset.graph(FEB).value(TALK, SCHEMA.startDate) is None


def test_doi_becomes_sameas_doi_org_and_speaker_becomes_performer() -> None:
    dataset = to_rdf(small_resolved())
    assert (PAPER, SCHEMA.sameAs, URIRef("https://doi.org/10.1234/abc.5")) in dataset.graph(FEB)
    assert (PAPER, SCHEMA.author, ADA) in dataset.graph(FEB)
    assert (TALK, SCHEMA.performer, ADA) in dataset.graph(JAN)


def test_role_is_an_iri_node_with_name_date_and_organisation_plus_direct_affiliation() -> None:
    jan = to_rdf(small_resolved()).graph(JAN)
    assert (ADA, SCHEMA.affiliation, UNI) in jan
    roles = list(jan.objects(ADA, PKG.hasRole))
    assert len(roles) == 1 and isinstance(roles[0], URIRef)
    role = roles[0]
    assert str(role).startswith(ID + "role/")
    assert (role, RDF.type, PKG.Role) in jan
    assert jan.value(role, SCHEMA.roleName) == Literal("Theme Lead")
    assert jan.value(role, SCHEMA.startDate) == Literal("2025-01-01", datatype=XSD.date)
    assert jan.value(role, SCHEMA.affiliation) == UNI
    assert jan.value(role, PKG.statedIn) == JAN


def test_role_without_organisation_has_no_affiliation() -> None:
    base = small_resolved()
    lone = fact("ada-quill-1a2b", Relation.ROLE, "", "2025-02", "Ada, Fellow", 10, title="Fellow")
    feb = to_rdf(dataclasses.replace(base, facts=(lone,))).graph(FEB)
    (role,) = feb.objects(ADA, PKG.hasRole)
    assert feb.value(role, SCHEMA.roleName) == Literal("Fellow")
    assert feb.value(role, SCHEMA.affiliation) is None
    assert (ADA, SCHEMA.affiliation, None) not in feb


def test_every_extracted_statement_is_reified_with_its_evidence() -> None:
    jan = to_rdf(small_resolved()).graph(JAN)
    statements = {
        st: (jan.value(st, RDF.subject), jan.value(st, RDF.predicate), jan.value(st, RDF.object))
        for st in jan.subjects(RDF.type, RDF.Statement)
    }
    assert (TALK, SCHEMA.performer, ADA) in statements.values()
    assert (ADA, SCHEMA.affiliation, UNI) in statements.values()
    for st, triple in statements.items():
        assert triple in jan, "a reified statement describes a triple its graph states"
        assert (st, RDF.type, PROV.Entity) in jan
    (speaker,) = [st for st, t in statements.items() if t == (TALK, SCHEMA.performer, ADA)]
    assert jan.value(speaker, PKG.evidenceText) == Literal("Ada Quill will speak")
    assert jan.value(speaker, PKG.sourceFile) == Literal("2025-01.md")
    assert jan.value(speaker, PKG.startOffset).toPython() == 100
    assert jan.value(speaker, PKG.endOffset).toPython() == 120
    assert float(jan.value(speaker, PKG.confidence)) == 0.85
    agent = jan.value(speaker, PROV.wasAttributedTo)
    assert jan.value(agent, SCHEMA.name) == Literal("dependency-rules")
    item = jan.value(speaker, PROV.wasDerivedFrom)
    assert (item, RDF.type, PKG.NewsItem) in jan
    assert jan.value(item, SCHEMA.isPartOf) == JAN
    assert jan.value(item, SCHEMA.name) == Literal("Winter talk")


def test_item_number_from_the_extractor_names_the_item() -> None:
    feb = to_rdf(small_resolved()).graph(FEB)
    (statement,) = feb.subjects(RDF.type, RDF.Statement)
    assert feb.value(statement, PROV.wasDerivedFrom) == URIRef(ID + "item/2025-02/3")


def test_topic_in_the_scheme_keeps_its_concept_iri() -> None:
    jan = to_rdf(small_resolved()).graph(JAN)
    topic = URIRef("https://w3id.org/partnerkg/topic/causal-inference")
    assert (topic, RDF.type, SKOS.Concept) in jan
    assert (topic, SKOS.inScheme, PKG.topicScheme) in jan
    assert (TALK, SCHEMA.about, topic) in jan


def test_building_twice_or_from_shuffled_input_gives_the_same_graphs() -> None:
    resolved = small_resolved()
    shuffled = Resolved(
        tuple(reversed(resolved.entities)),
        tuple(reversed(resolved.facts)),
        tuple(reversed(resolved.issues)),
    )
    first, second, third = to_rdf(resolved), to_rdf(resolved), to_rdf(shuffled)
    for name, graph in _graphs(first).items():
        for other in (second, third):
            assert isomorphic(graph, other.graph(URIRef(name))), name
    for s, p, o, _ in first.quads((None, None, None, None)):
        assert not any(isinstance(term, BNode) for term in (s, p, o)), "no blank nodes"


def test_iris_never_carry_raw_text() -> None:
    odd = entity('o"dd <key> with spaces', EntityKind.PERSON, "Odd Person")
    resolved = small_resolved()
    weird = fact(odd.key, Relation.AFFILIATION, "northfield-9f", "2025-01", "Odd <b>text</b>", 9)
    dataset = to_rdf(
        dataclasses.replace(
            resolved, entities=(*resolved.entities, odd), facts=(*resolved.facts, weird)
        )
    )
    for quad in dataset.quads((None, None, None, None)):
        for term in quad[:3]:
            if isinstance(term, URIRef):
                assert not set(str(term)) & set(' "<>{}|\\^`'), term
                assert "text" not in str(term)


def test_unsafe_urls_are_dropped_and_clean_ones_kept() -> None:
    resolved = small_resolved()
    bad = entity("bad-link", EntityKind.PUBLICATION, "Bad", url="javascript:alert(1)")
    good = entity("good-link", EntityKind.PUBLICATION, "Good", url="https://example.org/paper")
    jan = to_rdf(dataclasses.replace(resolved, entities=(*resolved.entities, bad, good))).graph(JAN)
    assert jan.value(URIRef(ID + "publication/bad-link"), SCHEMA.url) is None
    assert jan.value(URIRef(ID + "publication/good-link"), SCHEMA.url) == URIRef(
        "https://example.org/paper"
    )


def test_fact_about_an_unknown_entity_is_skipped_with_a_warning(caplog) -> None:
    resolved = small_resolved()
    orphan = fact("ada-quill-1a2b", Relation.AFFILIATION, "nobody", "2025-01", "x", 1)
    with caplog.at_level(logging.WARNING):
        dataset = to_rdf(dataclasses.replace(resolved, facts=(orphan,)))
    assert "nobody" in caplog.text
    assert (ADA, SCHEMA.affiliation, None) not in dataset.graph(JAN)


def test_base_iri_comes_from_settings() -> None:
    dataset = to_rdf(small_resolved(), Settings(base_iri="https://example.org/kg/"))
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://example.org/kg/issue/2025-01" in names


def test_a_configured_partner_is_typed_partner_organisation() -> None:
    partner = load_partners().partners[0]
    org = entity("partner-org", EntityKind.ORGANISATION, partner.name, org_kind=partner.kind)
    resolved = small_resolved()
    dataset = to_rdf(dataclasses.replace(resolved, entities=(*resolved.entities, org)))
    node = URIRef(ID + "organisation/partner-org")
    assert (node, RDF.type, PKG.PartnerOrganisation) in dataset.graph(JAN)
    assert (UNI, RDF.type, PKG.PartnerOrganisation) not in dataset.graph(JAN)


def test_a_venue_attribute_links_a_periodical_with_provenance() -> None:
    resolved = small_resolved()
    paper = entity("venue-paper", EntityKind.PUBLICATION, "P", venue="Journal of Things")
    jan = to_rdf(dataclasses.replace(resolved, entities=(*resolved.entities, paper))).graph(JAN)
    node = URIRef(ID + "publication/venue-paper")
    venue = jan.value(node, SCHEMA.isPartOf)
    assert (venue, RDF.type, SCHEMA.Periodical) in jan
    assert jan.value(venue, SCHEMA.name) == Literal("Journal of Things")
    (record,) = jan.subjects(RDF.subject, node)
    assert jan.value(record, RDF.object) == venue
    assert jan.value(record, PKG.evidenceText) == Literal("Journal of Things")
    assert jan.value(record, PROV.wasDerivedFrom) == JAN
    assert jan.value(record, PKG.sourceFile) == Literal("2025-01.md")


def test_a_fact_whose_kinds_do_not_fit_its_relation_is_left_out(caplog) -> None:
    resolved = small_resolved()
    # "Northfield University" as the event of a speaker fact would make it an Event too.
    misfit = fact("northfield-9f", Relation.SPEAKER, "ada-quill-1a2b", "2025-01", "x", 1)
    with caplog.at_level(logging.WARNING):
        jan = to_rdf(dataclasses.replace(resolved, facts=(misfit,))).graph(JAN)
    assert (UNI, SCHEMA.performer, ADA) not in jan
    assert "1 speaker" in caplog.text
