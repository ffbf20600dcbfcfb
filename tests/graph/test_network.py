"""Network projections keep the facts behind each edge; analytics answer the questions."""

from __future__ import annotations

import networkx as nx

from partnerkg.graph import network
from tests.graph.network_fixture import contract_store

ADA, BO, CY = (f"https://w3id.org/partnerkg/id/person/{k}" for k in ("ada", "bo", "cy"))
UNI = "https://w3id.org/partnerkg/id/organisation/northfield"
FIRM = "https://w3id.org/partnerkg/id/organisation/acme"


def test_collaboration_edges_say_how_and_when_people_worked_together() -> None:
    graph = network.collaboration_network(contract_store())
    assert graph.edges[ADA, BO]["kinds"] == ["co-speaker"]
    assert graph.edges[ADA, BO]["facts"][0]["via_name"] == "Winter Talk"
    assert graph.edges[BO, CY]["kinds"] == ["co-author"]
    assert graph.edges[BO, CY]["first"] == "2025-02"
    assert not graph.has_edge(ADA, CY)  # same university, but stated in different issues


def test_affiliation_network_carries_the_evidence_sentence() -> None:
    graph = network.affiliation_network(contract_store())
    facts = graph.edges[ADA, UNI]["facts"]
    assert facts[0]["evidence"] == "Ada Quill, Lecturer at Northfield"
    assert graph.nodes[FIRM]["kind"] == "organisation"  # a schema.org subclass counts


def test_institutions_linked_by_a_co_organised_event() -> None:
    graph = network.institution_network(contract_store())
    assert graph.edges[FIRM, UNI]["kinds"] == ["co-organised"]


def test_time_slice_and_growth_follow_the_months() -> None:
    graph = network.collaboration_network(contract_store())
    january = network.time_slice(graph, "2025-01")
    assert set(january.edges) == {(ADA, BO)} or set(january.edges) == {(BO, ADA)}
    assert network.growth(graph)[-1] == {"month": "2025-01", "nodes": 3, "edges": 1}


def test_brokers_rank_the_person_bridging_both_partners_first() -> None:
    store = contract_store()
    graph = nx.compose(network.affiliation_network(store), network.collaboration_network(store))
    uni, firm = network.partner_nodes(graph, [["northfield university"], ["Acme Health"]])
    ranked = network.brokers(graph, uni, firm)
    assert ranked[0][0] == BO


def test_centrality_and_communities_cover_every_node() -> None:
    graph = network.collaboration_network(contract_store())
    scores = network.centrality(graph)
    assert max(scores, key=lambda n: scores[n]["betweenness"]) == BO
    assert set().union(*network.communities(graph)) == set(graph.nodes)
