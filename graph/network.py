"""networkx projections of the knowledge graph, and the analytics researchers ask of them.

Every projection is built from the store through SPARQL (``graph/projections/*.rq``)
and keeps, on each edge, the facts that made it (``edge["facts"]``: relation, the
work or organisation through which, the issue month, the evidence sentence), so a
number in a notebook can always be traced back to the newsletter text.

Nodes are IRIs (strings) with ``name``, ``kind``, ``first`` (first issue month
mentioned, ``YYYY-MM``) and ``url`` attributes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import networkx as nx

from partnerkg.graph.store import Store

log = logging.getLogger(__name__)

PERSON = "person"
ORGANISATION = "organisation"
TOPIC = "topic"


@cache
def _projection(name: str) -> str:
    return (resources.files("partnerkg.graph") / "projections" / f"{name}.rq").read_text("utf-8")


def _rows(store: Store, name: str) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in row.items()} for row in store.select(_projection(name))]


def _month(date: str | None) -> str:
    return (date or "")[:7]


def _add_entities(graph: nx.Graph, store: Store, projection: str, kind: str) -> None:
    for row in _rows(store, projection):
        graph.add_node(
            row["node"],
            name=row["name"],
            kind=kind,
            first=_month(row.get("first")),
            last=_month(row.get("last")),
            url=row.get("url", ""),
        )


def _add_fact(graph: nx.Graph, a: str, b: str, fact: Mapping[str, str]) -> None:
    """Add one supporting fact to edge a–b; weight counts distinct facts."""
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        if fact in data["facts"]:
            return
        data["facts"].append(dict(fact))
        data["weight"] += 1
        data["first"] = min(data["first"], fact["month"])
        data["kinds"] = sorted(set(data["kinds"]) | {fact["relation"]})
    else:
        graph.add_edge(
            a, b, facts=[dict(fact)], weight=1, first=fact["month"], kinds=[fact["relation"]]
        )


def collaboration_network(store: Store) -> nx.Graph:
    """People linked by co-authorship, co-speaking and shared affiliation.

    Edge ``kinds`` says which: ``co-author``, ``co-speaker``, ``colleague``
    (both tied to one organisation in the same issue).

    Examples
    --------
    >>> from rdflib import Dataset
    >>> collaboration_network(Store.from_dataset(Dataset())).number_of_nodes()
    0
    """
    graph = nx.Graph()
    _add_entities(graph, store, "people", PERSON)
    relation_names = {"author": "co-author", "performer": "co-speaker"}
    for row in _rows(store, "shared_work"):
        relation = relation_names[row["relation"].rsplit("/", 1)[-1]]
        fact = {
            "relation": relation,
            "via": row["work"],
            "via_name": row.get("workName", ""),
            "month": _month(row["date"]),
            "evidence": row.get("evidence", ""),
        }
        _add_fact(graph, row["a"], row["b"], fact)
    by_org_month: dict[tuple[str, str], set[str]] = {}
    for row in _rows(store, "affiliations"):
        by_org_month.setdefault((row["org"], _month(row["date"])), set()).add(row["person"])
    names = _names(store, "organisations")
    for (org, month), people in by_org_month.items():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                fact = {
                    "relation": "colleague",
                    "via": org,
                    "via_name": names.get(org, org),
                    "month": month,
                    "evidence": "",
                }
                _add_fact(graph, a, b, fact)
    return graph


def _names(store: Store, projection: str) -> dict[str, str]:
    return {row["node"]: row["name"] for row in _rows(store, projection)}


def affiliation_network(store: Store) -> nx.Graph:
    """Bipartite people–organisations; edges carry the roles stated and their months."""
    graph = nx.Graph()
    _add_entities(graph, store, "people", PERSON)
    _add_entities(graph, store, "organisations", ORGANISATION)
    for row in _rows(store, "affiliations"):
        if row["person"] not in graph or row["org"] not in graph:
            continue
        fact = {
            "relation": "affiliation",
            "via": row.get("role", ""),
            "via_name": row.get("role", ""),
            "month": _month(row["date"]),
            "evidence": row.get("evidence", ""),
        }
        _add_fact(graph, row["person"], row["org"], fact)
    return graph


def institution_network(store: Store) -> nx.Graph:
    """Organisations linked by people they share and events they organise together."""
    people_orgs = affiliation_network(store)
    graph = nx.Graph()
    graph.add_nodes_from(
        (node, data) for node, data in people_orgs.nodes(data=True) if data["kind"] == ORGANISATION
    )
    for person, data in people_orgs.nodes(data=True):
        if data["kind"] != PERSON:
            continue
        orgs = sorted(people_orgs.neighbors(person))
        for i, a in enumerate(orgs):
            for b in orgs[i + 1 :]:
                month = min(
                    people_orgs.edges[person, a]["first"], people_orgs.edges[person, b]["first"]
                )
                fact = {
                    "relation": "shared person",
                    "via": person,
                    "via_name": data["name"],
                    "month": month,
                    "evidence": "",
                }
                _add_fact(graph, a, b, fact)
    by_event: dict[str, list[dict[str, str]]] = {}
    for row in _rows(store, "event_organisers"):
        by_event.setdefault(row["event"], []).append(row)
    for rows in by_event.values():
        orgs = sorted({row["org"] for row in rows if row["org"] in graph})
        for i, a in enumerate(orgs):
            for b in orgs[i + 1 :]:
                fact = {
                    "relation": "co-organised",
                    "via": rows[0]["event"],
                    "via_name": rows[0].get("eventName", ""),
                    "month": _month(rows[0]["date"]),
                    "evidence": "",
                }
                _add_fact(graph, a, b, fact)
    return graph


def topic_network(store: Store) -> nx.Graph:
    """Topics linked when one event, paper or opportunity is about both."""
    graph = nx.Graph()
    things: dict[str, list[dict[str, str]]] = {}
    for row in _rows(store, "topics"):
        month = _month(row["date"])
        if row["topic"] not in graph:
            graph.add_node(
                row["topic"], name=row["label"], kind=TOPIC, first=month, last=month, url=""
            )
        node = graph.nodes[row["topic"]]
        node["first"] = min(node["first"], month)
        node["last"] = max(node["last"], month)
        things.setdefault(row["thing"], []).append(row)
    for rows in things.values():
        topics = sorted({row["topic"] for row in rows})
        for i, a in enumerate(topics):
            for b in topics[i + 1 :]:
                fact = {
                    "relation": "co-occurrence",
                    "via": rows[0]["thing"],
                    "via_name": rows[0].get("thingName", ""),
                    "month": min(row["date"] for row in rows)[:7],
                    "evidence": "",
                }
                _add_fact(graph, a, b, fact)
    return graph


def time_slice(graph: nx.Graph, until: str) -> nx.Graph:
    """The network as it stood at the end of month ``until`` (``YYYY-MM``)."""
    kept = [n for n, first in graph.nodes(data="first") if first and first <= until]
    view = graph.subgraph(kept)
    edges = [(a, b) for a, b, first in view.edges(data="first") if first <= until]
    sliced = nx.Graph()
    sliced.add_nodes_from((n, graph.nodes[n]) for n in kept)
    sliced.add_edges_from((a, b, graph.edges[a, b]) for a, b in edges)
    return sliced


def growth(graph: nx.Graph) -> list[dict[str, int | str]]:
    """Nodes and edges the network had at the end of each month it grew in."""
    months = sorted({m for _, m in graph.nodes(data="first") if m})
    return [
        {"month": m, "nodes": s.number_of_nodes(), "edges": s.number_of_edges()}
        for m in months
        for s in [time_slice(graph, m)]
    ]


def centrality(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree, betweenness and eigenvector centrality of every node.

    Eigenvector centrality is computed per connected component (it is undefined
    across components) and scaled by the component's share of the nodes.
    """
    degree = nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else {}
    betweenness = nx.betweenness_centrality(graph, weight=None)
    eigenvector: dict[str, float] = {}
    total = max(graph.number_of_nodes(), 1)
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_nodes() < 3:
            eigenvector.update(dict.fromkeys(component, 0.0))
            continue
        try:
            values = nx.eigenvector_centrality(sub, max_iter=1000, tol=1e-6)
        except nx.PowerIterationFailedConvergence:
            log.warning("eigenvector centrality did not converge on a component of %d", len(sub))
            values = dict.fromkeys(component, 0.0)
        share = len(component) / total
        eigenvector.update({node: value * share for node, value in values.items()})
    return {
        node: {
            "degree": degree.get(node, 0.0),
            "betweenness": betweenness.get(node, 0.0),
            "eigenvector": eigenvector.get(node, 0.0),
        }
        for node in graph.nodes
    }


def communities(graph: nx.Graph, seed: int = 0) -> list[set[str]]:
    """Louvain communities, largest first (deterministic for a given ``seed``)."""
    if graph.number_of_edges() == 0:
        return [{node} for node in graph.nodes]
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def partner_nodes(graph: nx.Graph, partners: Iterable[Iterable[str]]) -> list[set[str]]:
    """For each partner (its names and aliases), the organisation nodes that are it."""
    found = []
    for names in partners:
        wanted = {name.casefold() for name in names}
        found.append(
            {
                n
                for n, d in graph.nodes(data=True)
                if d.get("kind") == ORGANISATION and d.get("name", "").casefold() in wanted
            }
        )
    return found


def brokers(graph: nx.Graph, side_a: set[str], side_b: set[str]) -> list[tuple[str, float]]:
    """People on the shortest paths between two groups of organisations, ranked.

    ``graph`` joins people and organisations (e.g. :func:`affiliation_network`
    composed with :func:`collaboration_network`); the score is the betweenness
    restricted to paths from ``side_a`` to ``side_b``, so it rewards the people
    who bridge the two partners rather than those central to one of them.
    """
    if not side_a or not side_b:
        return []
    scores = nx.betweenness_centrality_subset(graph, sources=side_a, targets=side_b)
    ranked = [
        (node, score)
        for node, score in scores.items()
        if score > 0 and graph.nodes[node].get("kind") == PERSON
    ]
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))
