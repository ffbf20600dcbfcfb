"""SHACL validation (pySHACL, ``shapes.ttl``) with results told in plain language."""

from __future__ import annotations

import logging

from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from partnerkg.errors import OntologyError
from partnerkg.ontology.evidence import describe, evidence_for, short_iri
from partnerkg.ontology.report import Problem

log = logging.getLogger(__name__)

_MAX_VALUES = 5


def _values(graph: Graph, focus: Node, path: Node | None, value: Node | None) -> str:
    """The offending values: the reported one, else all values of a simple path."""
    if value is not None:
        values = [value]
    elif isinstance(path, URIRef):
        values = sorted(graph.objects(focus, path), key=str)
    else:
        return ""
    if not values:
        return ""
    shown = ", ".join(
        describe(graph, v) if not isinstance(v, Literal) else f"“{v}”"
        + (f" ({short_iri(v.datatype)})" if v.datatype else "")
        for v in values[:_MAX_VALUES]
    )
    return f" ({short_iri(path) if isinstance(path, URIRef) else 'value'}: {shown})"


def _problem(data: Graph, results: Graph, result: Node) -> Problem:
    focus = results.value(result, SH.focusNode) or URIRef("urn:unknown")
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = str(results.value(result, SH.resultMessage) or "violates a shape")
    if isinstance(path, BNode):
        path = None
    message = f"{describe(data, focus)}: {message}{_values(data, focus, path, value)}"
    evidence = evidence_for(
        data, focus, path if isinstance(path, URIRef) else None, value  # type: ignore[arg-type]
    )
    return Problem("shapes", message, (str(focus),), evidence)


def shape_problems(data: Graph, shapes: Graph, ontology: Graph) -> list[Problem]:
    """SHACL violations of ``data``; the ontology's subclass axioms widen the targets."""
    conforms, results, _ = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        meta_shacl=False,
        advanced=True,  # SPARQL targets (shapes.ttl)
    )
    if not isinstance(results, Graph):  # pySHACL's ValidationFailure: the shapes are wrong
        raise OntologyError(f"ontology/shapes.ttl cannot be applied: {results}")
    if conforms:
        return []
    problems = [
        _problem(data, results, result)
        for result in results.subjects(SH.resultSeverity, SH.Violation)
    ]
    return sorted(problems, key=lambda p: (p.nodes, p.message))
