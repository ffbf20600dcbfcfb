"""OWL consistency of the graph, with HermiT (through owlready2), named node by node.

The reasoner sees the ontology plus the graph's instance data converted to it:
``rdf:type`` triples with an ontology class and object-property triples between
IRIs. Literals stay out (HermiT does not support ``xsd:date``; SHACL checks
values). When the whole is inconsistent, HermiT does not say why, so the
reasoner runs again without the disjointness axioms and the nodes whose
inferred classes include two disjoint ones are the culprits.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from itertools import combinations

from owlready2 import (
    OwlReadyInconsistentOntologyError,
    OwlReadyJavaError,
    World,
    sync_reasoner,
)
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from partnerkg.errors import OntologyError
from partnerkg.ontology.evidence import describe, evidence_for, short_iri
from partnerkg.ontology.report import Problem

log = logging.getLogger(__name__)

_CHECK_IRI = "https://w3id.org/partnerkg/check"
_MAX_CULPRITS = 50


def disjoint_pairs(ontology: Graph) -> set[frozenset[URIRef]]:
    """Every pair of classes the ontology declares disjoint."""
    pairs: set[frozenset[URIRef]] = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = [m for m in Collection(ontology, ontology.value(axiom, OWL.members))]
        pairs.update(frozenset(pair) for pair in combinations(members, 2))
    for a, b in ontology.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    return {pair for pair in pairs if all(isinstance(c, URIRef) for c in pair)}


def _tbox(ontology: Graph, with_disjointness: bool) -> Graph:
    tbox = Graph()
    datatype_properties = set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    dropped: set[BNode] = set()
    if not with_disjointness:
        dropped = set(ontology.subjects(RDF.type, OWL.AllDisjointClasses))
    for s, p, o in ontology:
        if s in datatype_properties and p == RDFS.range:
            continue  # xsd:date is outside the OWL 2 datatype map HermiT implements
        if s in dropped or p == OWL.disjointWith:
            continue
        tbox.add((s, p, o))
    return tbox


def instance_data(data: Graph, ontology: Graph) -> Graph:
    """The part of ``data`` an OWL reasoner needs: typed individuals and their links."""
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    terms = set(ontology.subjects())
    abox = Graph()
    for s, p, o in data:
        if not isinstance(s, URIRef) or s in terms:
            continue
        if (p == RDF.type and o in classes) or (
            p in properties and isinstance(o, URIRef) and o not in terms
        ):
            abox.add((s, p, o))
            abox.add((s, RDF.type, OWL.NamedIndividual))
            if p != RDF.type:
                abox.add((o, RDF.type, OWL.NamedIndividual))  # type: ignore[arg-type]
    return abox


def _reason(tbox: Graph, abox: Graph) -> World | None:
    """A world with the reasoner's inferences, or None when it is inconsistent."""
    world = World()
    text = (tbox + abox).serialize(format="nt", encoding="utf-8")
    world.get_ontology(_CHECK_IRI).load(fileobj=io.BytesIO(text), format="ntriples")
    try:
        sync_reasoner(world, infer_property_values=False, debug=0)
    except OwlReadyInconsistentOntologyError:
        return None
    except OwlReadyJavaError as error:
        raise OntologyError(
            f"the OWL reasoner (HermiT, Java) failed: {str(error).splitlines()[-1]}; "
            "check that Java is installed (`java -version`)"
        ) from error
    return world


def _inferred_classes(world: World) -> Iterator[tuple[URIRef, set[URIRef]]]:
    for individual in world.individuals():
        classes = {
            URIRef(c.iri) for c in individual.INDIRECT_is_a if hasattr(c, "iri")
        }
        yield URIRef(individual.iri), classes


def _label(ontology: Graph, cls: URIRef) -> str:
    label = ontology.value(cls, RDFS.label)
    return f"{label} ({short_iri(cls)})" if label else short_iri(cls)


def _clash(data: Graph, ontology: Graph, node: URIRef, pair: Iterable[URIRef]) -> Problem:
    a, b = sorted(pair)
    declared = {o for o in data.objects(node, RDF.type) if o in (a, b)} == {a, b}
    # when not declared, a property's domain or range made it one of the two
    how = "it is declared as both" if declared else "its types and links make it both"
    message = (
        f"{describe(data, node)} cannot be both {_label(ontology, a)} and "
        f"{_label(ontology, b)}, which the ontology declares disjoint, but {how}. "
        "Correct the entity's kind or the statement that links it (curation file)."
    )
    return Problem("reasoner", message, (str(node),), evidence_for(data, node))


def reasoner_problems(data: Graph, ontology: Graph) -> list[Problem]:
    """Inconsistencies of ``data`` under ``ontology``, one problem per culprit node."""
    abox = instance_data(data, ontology)
    if not abox:
        return []
    if _reason(_tbox(ontology, with_disjointness=True), abox) is not None:
        return []
    log.info("graph is inconsistent; localising the culprits")
    world = _reason(_tbox(ontology, with_disjointness=False), abox)
    if world is None:
        return [Problem(
            "reasoner",
            "The graph contradicts the ontology, but not through disjoint classes; run "
            "HermiT on `partnerkg export` output with the ontology to see why.",
        )]
    pairs = disjoint_pairs(ontology)
    problems = [
        _clash(data, ontology, node, pair)
        for node, classes in sorted(_inferred_classes(world))
        for pair in sorted(pairs, key=sorted)
        if pair <= classes
    ]
    return problems[:_MAX_CULPRITS]
