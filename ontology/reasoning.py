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
from collections.abc import Callable, Iterable, Iterator
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
from rdflib.term import Node

from partnerkg.errors import OntologyError
from partnerkg.ontology.evidence import describe, evidence_for, short_iri
from partnerkg.ontology.report import Problem

log = logging.getLogger(__name__)

_CHECK_IRI = "https://w3id.org/partnerkg/check"
_MAX_CULPRITS = 50
_MAX_REASONER_RUNS = 25  # localising a union clash costs one JVM run each


def disjoint_pairs(ontology: Graph) -> set[frozenset[URIRef]]:
    """Every pair of classes the ontology declares disjoint."""
    pairs: set[frozenset[URIRef]] = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        head = ontology.value(axiom, OWL.members)
        members = [m for m in Collection(ontology, head) if isinstance(m, URIRef)] if head else []
        pairs.update(frozenset(pair) for pair in combinations(members, 2))
    for a, b in ontology.subject_objects(OWL.disjointWith):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            pairs.add(frozenset((a, b)))
    return pairs


def _tbox(ontology: Graph, with_disjointness: bool) -> Graph:
    tbox = Graph()
    datatype_properties = set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    dropped: set[Node] = set()
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
    except FileNotFoundError as error:  # no `java` on PATH
        raise OntologyError(
            "the OWL reasoner needs Java, which was not found; install it "
            "(`make system-deps`, or apt-get install default-jre-headless)"
        ) from error
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


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


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
    problems = []
    if world is not None:
        pairs = disjoint_pairs(ontology)
        inferred = dict(_inferred_classes(world))
        problems = [
            _clash(data, ontology, node, pair)
            for node, classes in sorted(inferred.items())
            for pair in sorted(pairs, key=sorted)
            if pair <= classes
        ]
        # A clash through a union (e.g. an event as a schema:author, whose range is
        # person-or-organisation) has no single disjoint pair on the node.
        problems += _union_clashes(data, ontology, abox, inferred, pairs)
    # Anything else: search for a small set of nodes that still contradicts.
    return problems[:_MAX_CULPRITS] or [_minimal_contradiction(data, ontology, abox)]


def _union_clashes(
    data: Graph,
    ontology: Graph,
    abox: Graph,
    inferred: dict[URIRef, set[URIRef]],
    pairs: set[frozenset[URIRef]],
) -> list[Problem]:
    """Nodes used where a union class is required but disjoint with every member."""
    problems = []
    for axis in (RDFS.domain, RDFS.range):
        for prop, expression in sorted(ontology.subject_objects(axis)):
            if not isinstance(prop, URIRef):
                continue
            union = ontology.value(expression, OWL.unionOf)
            if not isinstance(expression, BNode) or union is None:
                continue
            members = [m for m in Collection(ontology, union) if isinstance(m, URIRef)]
            for s, o in sorted(abox.subject_objects(prop)):
                node, other = (o, s) if axis == RDFS.range else (s, o)
                if not (isinstance(node, URIRef) and isinstance(other, URIRef)):
                    continue
                clashing = [
                    c for c in sorted(inferred.get(node, ()))
                    if all(_disjoint(ontology, pairs, c, m) for m in members)
                ]
                if clashing:
                    problems.append(_misuse(data, ontology, node, other, prop, axis,
                                            members, clashing[0]))
    return problems


def _disjoint(
    ontology: Graph, pairs: set[frozenset[URIRef]], cls: URIRef, member: URIRef
) -> bool:
    ancestors = set(ontology.transitive_objects(member, RDFS.subClassOf))
    return any(frozenset((cls, a)) in pairs for a in ancestors)


def _misuse(data: Graph, ontology: Graph, node: URIRef, other: URIRef, prop: URIRef,
            axis: URIRef, members: list[URIRef], cls: URIRef) -> Problem:
    role = "value" if axis == RDFS.range else "subject"
    wanted = " or ".join(_a(_label(ontology, m)) for m in members)
    message = (
        f"{describe(data, node)} is the {role} of {short_iri(prop)} for "
        f"{describe(data, other)}, which must be {wanted}, but it is "
        f"{_a(_label(ontology, cls))}. Correct the entity's kind or that statement."
    )
    triple = (other, prop, node) if axis == RDFS.range else (node, prop, other)
    evidence = evidence_for(data, triple[0], triple[1], triple[2]) or evidence_for(data, node)
    return Problem("reasoner", message, (str(node), str(other)), evidence)


def _minimal_contradiction(data: Graph, ontology: Graph, abox: Graph) -> Problem:
    """Shrink the data to a small set of nodes whose statements still contradict."""
    tbox = _tbox(ontology, with_disjointness=True)
    stars: dict[URIRef, Graph] = {}
    for s, p, o in abox:
        if not (p == RDF.type and o == OWL.NamedIndividual):
            stars.setdefault(s, Graph()).add((s, p, o))  # type: ignore[arg-type]
    nodes = sorted(stars)
    budget = [_MAX_REASONER_RUNS]

    def contradicts(subset: list[URIRef]) -> bool:
        budget[0] -= 1
        part = Graph()
        for node in subset:
            part += stars[node]
        for s, o in part.subject_objects():
            part.add((s, RDF.type, OWL.NamedIndividual))
            if isinstance(o, URIRef) and o in stars:
                part.add((o, RDF.type, OWL.NamedIndividual))
        return _reason(tbox, part) is None

    culprits = _shrink(nodes, contradicts, budget)
    names = "; ".join(describe(data, node) for node in culprits[:10])
    evidence = tuple(e for node in culprits[:10] for e in evidence_for(data, node, limit=1))
    return Problem(
        "reasoner",
        f"These entities' types and links contradict the ontology together: {names}. "
        "Look for an entity of the wrong kind (e.g. an event given as an author).",
        tuple(str(node) for node in culprits),
        evidence,
    )


def _shrink(
    items: list[URIRef], contradicts: Callable[[list[URIRef]], bool], budget: list[int]
) -> list[URIRef]:
    """Delta debugging (ddmin): drop chunks while the rest still contradicts."""
    chunks = 2
    while len(items) >= 2 and budget[0] > 0:
        size = -(-len(items) // chunks)
        for start in range(0, len(items), size):
            rest = items[:start] + items[start + size:]
            if budget[0] > 0 and contradicts(rest):
                items, chunks = rest, max(chunks - 1, 2)
                break
        else:
            if chunks >= len(items):
                break
            chunks = min(len(items), chunks * 2)
    return items
