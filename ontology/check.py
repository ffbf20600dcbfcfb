"""The quality gate: OWL reasoner (consistency) and SHACL shapes over the whole graph.

``partnerkg check`` and ``partnerkg build --check`` call ``check_store``; tests and
notebooks call ``check_graph`` on an rdflib Graph or Dataset.
"""

from __future__ import annotations

import logging

from rdflib import Dataset, Graph

from partnerkg.errors import StoreError
from partnerkg.ontology.reasoning import reasoner_problems
from partnerkg.ontology.report import CheckReport, Problem
from partnerkg.ontology.union import union_graph
from partnerkg.ontology.validation import shape_problems
from partnerkg.ontology.vocabularies import load_ontology, load_shapes
from partnerkg.settings import Settings

__all__ = ["CheckReport", "Problem", "check_graph", "check_store"]

log = logging.getLogger(__name__)


def check_graph(
    data: Graph | Dataset, *, reasoner: bool = True, shapes: bool = True
) -> CheckReport:
    """Check ``data`` (all named graphs of a Dataset together) against the ontology.

    ``reasoner`` runs HermiT (needs Java) for contradictions such as a node that is
    both a person and an organisation; ``shapes`` runs pySHACL with ``shapes.ttl``.
    Every problem names the nodes and quotes the source sentences where the graph
    has provenance.
    """
    graph = union_graph(data)
    ontology = load_ontology()
    problems: list[Problem] = []
    checks: list[str] = []
    if reasoner:
        checks.append("OWL reasoner")
        problems += reasoner_problems(graph, ontology)
    if shapes:
        checks.append("SHACL shapes")
        problems += shape_problems(graph, load_shapes(), ontology)
    log.info("checked %d triples: %d problem(s)", len(graph), len(problems))
    return CheckReport(tuple(problems), len(graph), tuple(checks))


def check_store(settings: Settings) -> CheckReport:
    """Check the graph in the store ``settings.store``."""
    from partnerkg.graph.store import open_store

    with open_store(settings.store) as store:
        dataset = store.to_dataset()
    if not len(dataset):
        raise StoreError(
            f"the store {settings.store} holds no graph to check; run `partnerkg build` first"
        )
    return check_graph(dataset)
