"""The configured vocabularies: topic scheme, partners, organisation-kind rules."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from partnerkg.ontology.namespaces import PKG, TOPIC
from partnerkg.ontology.vocabularies import (
    ORG_KINDS,
    load_org_kind_rules,
    load_partners,
    load_topic_scheme,
    org_kind_for,
    topic_index,
)


def test_topic_scheme_is_a_well_formed_skos_hierarchy() -> None:
    scheme = load_topic_scheme()
    concepts = set(scheme.subjects(RDF.type, SKOS.Concept))
    assert 40 <= len(concepts) <= 60
    for concept in concepts:
        assert str(concept).startswith(str(TOPIC))
        assert (concept, SKOS.inScheme, PKG.topicScheme) in scheme
        assert scheme.value(concept, SKOS.prefLabel) is not None
        parents = set(scheme.objects(concept, SKOS.broader))
        for parent in parents:  # broader and narrower agree
            assert (parent, SKOS.narrower, concept) in scheme
        if not parents:
            assert (PKG.topicScheme, SKOS.hasTopConcept, concept) in scheme
        assert concept not in set(scheme.transitive_objects(concept, SKOS.broader)) - {concept}


def test_topic_index_finds_concepts_by_abbreviation() -> None:
    index = topic_index()
    assert index["nlp"] == TOPIC["natural-language-processing"]
    assert index["causal inference"] == TOPIC["causal-inference"]
    assert index["ppi"] == TOPIC["patient-and-public-involvement"]
    assert all(isinstance(iri, URIRef) for iri in index.values())


def test_partners_resolve_aliases_to_canonical_names() -> None:
    partnership = load_partners()
    assert partnership.canonical_name("the Turing") == "The Alan Turing Institute"
    assert partnership.canonical_name("ATI") == "The Alan Turing Institute"
    assert partnership.canonical_name("F. Hoffmann-La Roche") == "Roche"
    assert partnership.canonical_name("Turing Roche") is None
    genentech = next(p for p in partnership.partners if p.name == "Genentech")
    assert genentech.parent == "Roche"
    assert all(p.kind in ORG_KINDS for p in partnership.partners)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("University of Northshire", "university"),
        ("Northshire University Hospitals NHS Foundation Trust", "hospital"),
        ("Acme Pharmaceuticals Ltd", "company"),
        ("Institute for Engine Studies", "research_institute"),
        ("Department for Engines", "government"),
        ("Engine Research Council", "funder"),
        ("Friends of Engines Foundation", "charity"),
        ("Bayesian Methods Interest Group", "group"),
        ("World Engine Organisation", "other"),
        ("Engine Analytics and Imaging Group", "group"),  # the head word, not the first rule
        ("Westby Institute for Engine Analytics", "research_institute"),
        ("Nothing Here", None),
    ],
)
def test_org_kind_rules(name: str, kind: str | None) -> None:
    assert org_kind_for(name) == kind


def test_org_kind_keywords_match_whole_words_only() -> None:
    assert org_kind_for("Groupon Example") is None  # "Group" inside a word
    assert all(rule.kind in ORG_KINDS for rule in load_org_kind_rules())
