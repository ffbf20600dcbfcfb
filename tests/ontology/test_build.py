"""The generated ontology: loads everywhere, is current, and satisfies the output contract."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from owlready2 import World
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from partnerkg.extract.model import EntityKind
from partnerkg.ontology import build
from partnerkg.ontology.kinds import BASE_CLASS, SUBKIND_CLASS, class_for
from partnerkg.ontology.namespaces import PKG, SCHEMA
from partnerkg.ontology.vocabularies import load_ontology, load_topic_scheme

SOURCE = Path(build.__file__).resolve().parent


def _ancestors(ontology: Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


def test_ontology_loads_in_rdflib_from_both_files() -> None:
    turtle = load_ontology()
    rdfxml = Graph().parse(SOURCE / "partnerkg.owl", format="xml")
    assert (URIRef(build.ONTOLOGY_IRI), RDF.type, OWL.Ontology) in turtle
    assert isomorphic(turtle, rdfxml)


def test_ontology_loads_in_owlready2() -> None:
    world = World()
    onto = world.get_ontology(f"file://{SOURCE / 'partnerkg.owl'}").load()
    person = world[str(SCHEMA.Person)]
    seminar = world[str(PKG.Seminar)]
    assert onto.base_iri.startswith(build.ONTOLOGY_IRI)
    assert person is not None and seminar is not None
    assert world[str(SCHEMA.Event)] in seminar.ancestors()


def test_committed_exports_and_diagram_are_current(tmp_path: Path) -> None:
    shutil.copy(SOURCE / "README.md", tmp_path / "README.md")
    build.write(tmp_path)
    for name, fmt in (("partnerkg.owl", "xml"), ("partnerkg.ttl", "turtle")):
        fresh = Graph().parse(tmp_path / name, format=fmt)
        committed = Graph().parse(SOURCE / name, format=fmt)
        assert isomorphic(fresh, committed), f"ontology/{name} is stale: run `make ontology`"
    assert (tmp_path / "README.md").read_text() == (SOURCE / "README.md").read_text(), (
        "the diagram in ontology/README.md is stale: run `make ontology`"
    )


def test_diagram_shows_classes_and_relations() -> None:
    text = (SOURCE / "README.md").read_text()
    assert "schema_Organization <|-- schema_CollegeOrUniversity" in text
    assert "schema_Event --> schema_Person : schema:performer" in text


def test_every_project_class_is_a_schema_class() -> None:
    ontology = load_ontology()
    project = [c for c in ontology.subjects(RDF.type, OWL.Class)
               if isinstance(c, URIRef) and c.startswith(str(PKG._NS))]
    assert project
    for cls in project:
        assert any(a.startswith(str(SCHEMA._NS)) for a in _ancestors(ontology, cls)), cls


@pytest.mark.parametrize("kind", sorted(SUBKIND_CLASS, key=str))
def test_every_subkind_maps_to_a_declared_class_under_its_kind(kind: EntityKind) -> None:
    ontology = load_ontology()
    for subkind in SUBKIND_CLASS[kind]:
        cls = class_for(kind, subkind)
        assert (cls, RDF.type, OWL.Class) in ontology, (kind, subkind)
        assert kind is EntityKind.OPPORTUNITY or cls.startswith(str(SCHEMA._NS)) or any(
            p.startswith(str(SCHEMA._NS)) for p in ontology.objects(cls, RDFS.subClassOf)
        ), f"{cls} needs a direct schema.org superclass (output contract)"
        assert any(a.startswith(str(SCHEMA._NS)) for a in _ancestors(ontology, cls))
        if kind is not EntityKind.PUBLICATION:  # publications sit under pkg:Publication
            assert BASE_CLASS[kind] in _ancestors(ontology, cls), (kind, subkind)


def test_unknown_subkind_falls_back_to_the_kind_class() -> None:
    assert class_for(EntityKind.ORGANISATION, "spaceship") == SCHEMA.Organization
    assert class_for(EntityKind.EVENT, None) == SCHEMA.Event
    assert class_for(EntityKind.TOPIC) == URIRef("http://www.w3.org/2004/02/skos/core#Concept")


def test_every_project_term_is_defined() -> None:
    defined = set(load_ontology().subjects()) | set(load_topic_scheme().subjects())
    missing = [name for name in PKG.__annotations__ if PKG[name] not in defined]
    assert not missing, f"PKG terms with no definition in the ontology: {missing}"


def test_properties_have_domains_ranges_and_inverses() -> None:
    ontology = load_ontology()
    assert (SCHEMA.superEvent, OWL.inverseOf, SCHEMA.subEvent) in ontology
    assert (PKG.roleOf, OWL.inverseOf, PKG.hasRole) in ontology
    assert (PKG.hasRole, RDFS.range, PKG.Role) in ontology
    assert (PKG.Role, RDFS.subClassOf, SCHEMA.OrganizationRole) in ontology
    assert (SCHEMA.author, RDFS.subPropertyOf,
            URIRef("http://purl.org/dc/terms/creator")) in ontology
