"""``export_store``: every format reads back, holds the contract, and is written whole."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from partnerkg.errors import ConfigError, StoreError
from partnerkg.graph import export as export_module
from partnerkg.graph.build import to_rdf
from partnerkg.graph.export import export_store
from partnerkg.graph.store import open_store
from partnerkg.ontology.namespaces import PKG, SCHEMA
from partnerkg.settings import Settings
from tests.graph.build_fixture import small_resolved

ID = "https://w3id.org/partnerkg/id/"
ADA = URIRef(ID + "person/ada-quill-1a2b")
TALK = URIRef(ID + "event/winter-talk-3c")
JAN = URIRef(ID + "issue/2025-01")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    location = tmp_path / "store"
    with open_store(str(location)) as store:
        store.replace_all(to_rdf(small_resolved()), {"2025-01": "h1", "2025-02": "h2"})
    return Settings(store=str(location))


def test_trig_keeps_issue_graphs_provenance_and_ontology_but_not_bookkeeping(
    settings: Settings, tmp_path: Path
) -> None:
    written = export_store(settings, "trig", tmp_path / "out" / "graph.trig")
    dataset = Dataset()
    dataset.parse(written, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {str(JAN), ID + "issue/2025-02", ID + "ontology"}
    jan = dataset.graph(JAN)
    assert (JAN, RDF.type, SCHEMA.PublicationIssue) in jan
    assert any(jan.objects(None, PKG.evidenceText))
    ontology = dataset.graph(URIRef(ID + "ontology"))
    assert (PKG.Talk, RDFS.subClassOf, None) in ontology


def test_nquads_and_turtle_read_back(settings: Settings, tmp_path: Path) -> None:
    quads = Dataset()
    quads.parse(export_store(settings, "nquads", tmp_path / "g.nq"), format="nquads")
    assert (ADA, SCHEMA.name, Literal("Ada Quill"), JAN) in quads
    union = Graph().parse(export_store(settings, "turtle", tmp_path / "g.ttl"), format="turtle")
    assert (TALK, SCHEMA.performer, ADA) in union
    assert (ADA, RDF.type, SCHEMA.Person) in union


def test_jsonld_has_the_project_context_and_the_same_triples(
    settings: Settings, tmp_path: Path
) -> None:
    written = export_store(settings, "jsonld", tmp_path / "g.jsonld")
    context = json.loads(written.read_text("utf-8"))["@context"]
    assert context["schema"] == "http://schema.org/"
    assert {"pkg", "prov", "skos", "xsd"} <= set(context)
    dataset = Dataset()
    dataset.parse(written, format="json-ld")
    assert (ADA, SCHEMA.name, Literal("Ada Quill"), JAN) in dataset


def test_graphml_and_gexf_hold_the_entity_network(settings: Settings, tmp_path: Path) -> None:
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        network = read(export_store(settings, fmt, tmp_path / f"net.{fmt}"))
        assert network.nodes[str(ADA)]["name"] == "Ada Quill"
        assert network.nodes[str(ADA)]["kind"] == "person"
        assert network.nodes[str(TALK)]["type"] == "Talk"
        assert network.edges[str(TALK), str(ADA)]["relation"] == "performer"
        uni = ID + "organisation/northfield-9f"
        assert network.edges[str(ADA), uni]["relation"] == "affiliation"
        assert not any(n.startswith(ID + "role/") for n in network), "roles are not entities"


def test_csv_tables_of_entities_and_relations_with_evidence(
    settings: Settings, tmp_path: Path
) -> None:
    folder = export_store(settings, "csv", tmp_path / "tables")
    with (folder / "entities.csv").open(encoding="utf-8") as handle:
        entities = {row["iri"]: row for row in csv.DictReader(handle)}
    assert entities[str(ADA)]["alternate_names"] == "Ada|Dr Ada Quill"
    assert entities[str(ADA)]["issues"] == "2025-01 2025-02"
    with (folder / "relations.csv").open(encoding="utf-8") as handle:
        relations = list(csv.DictReader(handle))
    (speaker,) = [r for r in relations if r["relation"] == "performer"]
    assert speaker["evidence"] == "Ada Quill will speak"
    assert (speaker["issue"], speaker["start"], speaker["end"]) == ("2025-01", "100", "120")
    assert speaker["component"] == "dependency-rules"


def test_a_failed_export_leaves_the_previous_file_untouched(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.trig"
    target.write_text("previous export")

    def broken(network: object, out: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        export_module.EXPORTERS,
        "trig",
        export_module._network(broken),  # type: ignore[arg-type]
    )
    with pytest.raises(RuntimeError, match="disk full"):
        export_store(settings, "trig", target)
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_exported_iris_are_minted_never_raw_text(settings: Settings, tmp_path: Path) -> None:
    dataset = Dataset()
    dataset.parse(export_store(settings, "nquads", tmp_path / "g.nq"), format="nquads")
    for quad in dataset.quads((None, None, None, None)):
        for term in quad:
            if isinstance(term, URIRef):
                assert " " not in term and "?" not in term, term
                assert "elink" not in term and "safelinks" not in term


def test_unknown_format_and_missing_store_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xml'.*trig"):
        export_store(Settings(store=str(tmp_path / "s")), "xml", tmp_path / "x")
    with pytest.raises(StoreError, match="no store at .*partnerkg build"):
        export_store(Settings(store=str(tmp_path / "nowhere")), "trig", tmp_path / "x.trig")
    assert not (tmp_path / "nowhere").exists(), "exporting never creates a store"
