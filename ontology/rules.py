"""Derived knowledge the OWL ontology cannot state: SPARQL CONSTRUCT rules in ``rules/``."""

from __future__ import annotations

from importlib.resources import files

from rdflib import Dataset, Graph, URIRef

from partnerkg.ontology.union import union_graph

#: Named graph that holds derived statements when they are added to a Dataset.
DERIVED_GRAPH = URIRef("https://w3id.org/partnerkg/id/graph/derived")


def rule_text(name: str) -> str:
    """The SPARQL text of the rule ``rules/<name>.rq``."""
    return files("partnerkg.ontology").joinpath("rules", f"{name}.rq").read_text("utf-8")


def derive_collaborations(data: Graph | Dataset) -> Graph:
    """``pkg:collaboratesWith`` links (both directions) from co-authorship and co-speaking.

    The input is not changed; the union of a Dataset's graphs is read, so two
    people who co-authored in one issue and co-spoke in another are both found.
    """
    derived = Graph()
    for triple in union_graph(data).query(rule_text("collaborates_with")):
        derived.add(triple)  # type: ignore[arg-type]
    return derived


def apply_collaborations(data: Graph | Dataset) -> int:
    """Add the derived links to ``data`` (a Dataset gets them in ``DERIVED_GRAPH``).

    Returns the number of triples added.
    """
    derived = derive_collaborations(data)
    target = data.graph(DERIVED_GRAPH) if isinstance(data, Dataset) else data
    before = len(target)
    target += derived
    return len(target) - before
