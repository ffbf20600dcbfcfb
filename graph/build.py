"""Resolved entities and facts -> an RDF dataset that follows DESIGN.md's output contract.

One named graph per newsletter issue (its IRI is the issue's), so re-ingesting an
issue replaces exactly its graph. Each issue graph is self-contained: it states
the type, names and attributes of every entity it mentions, so dropping one
issue never orphans an entity another issue still mentions. Every extracted
statement is reified as an ``rdf:Statement``/``prov:Entity`` carrying the
evidence text, source file, character offsets, component and confidence.
Ontology alignment axioms go to ``…/id/ontology``. No blank nodes: building the
same input twice gives equal datasets.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath
from urllib.parse import quote, urlsplit

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node, _is_valid_uri

from partnerkg.extract.model import (
    DATE_ATTRIBUTES,
    Entity,
    EntityKind,
    Fact,
    Relation,
    Resolved,
)
from partnerkg.graph.iris import DEFAULT_BASE, Minter
from partnerkg.ontology.kinds import BASE_CLASS, SUBKIND_CLASS, class_for_attributes
from partnerkg.ontology.namespaces import PKG, SCHEMA, TOPIC
from partnerkg.ontology.vocabularies import load_partners
from partnerkg.settings import Settings

log = logging.getLogger(__name__)

Triple = tuple[URIRef, URIRef, Node]

#: Prefixes bound on every dataset (and used by the exports).
PREFIXES: Mapping[str, str] = {
    "schema": str(SCHEMA._NS),
    "pkg": str(PKG._NS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
    "topic": str(TOPIC),
}

#: Ontology files (package data of partnerkg.ontology) whose axioms ship with the graph.
ONTOLOGY_FILES = ("partnerkg.ttl", "topics.ttl")


def to_rdf(resolved: Resolved, settings: Settings | None = None) -> Dataset:
    """Build the dataset: one named graph per issue, plus the ontology graph.

    Parameters
    ----------
    resolved : Resolved
        Entities, facts and issue records from ``resolve``.
    settings : Settings, optional
        Only ``base_iri`` is read (default ``https://w3id.org/partnerkg/id/``).

    Returns
    -------
    rdflib.Dataset
        Named graphs ``…/id/issue/YYYY-MM`` and ``…/id/ontology``; nothing in the
        default graph.
    """
    mint = Minter(settings.base_iri if settings else DEFAULT_BASE)
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, replace=True)
    dataset.bind("id", str(mint.ns), replace=True)
    for name, triples in named_graphs(resolved, settings).items():
        graph = dataset.graph(name)
        for triple in triples:
            graph.add(triple)
    return dataset


def named_graphs(resolved: Resolved, settings: Settings | None = None) -> dict[URIRef, set[Triple]]:
    """The graphs of :func:`to_rdf` as sets of triples, by graph IRI (what the build stores).

    A set of tuples takes a fraction of the memory of an rdflib Dataset, which
    indexes every triple three ways: at 1,000 issues that Dataset alone is GBs.
    """
    mint = Minter(settings.base_iri if settings else DEFAULT_BASE)
    builder = _Builder(mint, {entity.key: entity for entity in resolved.entities}, resolved)
    graphs = {mint.ontology_graph: set(ontology_axioms())}
    for month, triples in builder.issue_graphs().items():
        graphs[mint.issue(month)] = triples
    if builder.misfits:
        log.warning(
            "left out facts whose entity kinds do not fit their relation: %s",
            ", ".join(f"{n} {relation}" for relation, n in sorted(builder.misfits.items())),
        )
    return graphs


def ontology_axioms() -> Iterator[Triple]:
    """The ontology's triples (``ontology/partnerkg.ttl``, topic scheme), else the alignments.

    Triples with blank nodes (OWL restrictions) are left out: the export needs the
    class hierarchy, and a graph without blank nodes compares and merges exactly.
    """
    package = resources.files("partnerkg.ontology")
    loaded = Graph()
    for name in ONTOLOGY_FILES:
        source = package / name
        if source.is_file():
            loaded.parse(data=source.read_text("utf-8"), format="turtle")
    if not loaded:
        log.info("ontology/partnerkg.ttl not found; exporting the built-in alignment axioms")
        yield from _alignment_axioms()
        return
    for s, p, o in loaded:
        if not isinstance(s, BNode) and not isinstance(o, BNode):
            yield s, p, _plain(o)  # type: ignore[misc]


def _plain(term: Node) -> Node:
    """``"x"^^xsd:string`` is ``"x"`` in RDF 1.1; write the simple form every store returns."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _alignment_axioms() -> Iterator[Triple]:
    """``pkg:X rdfs:subClassOf schema:Y`` for every project class a sub-kind maps to."""
    for kind, classes in SUBKIND_CLASS.items():
        parent = BASE_CLASS[kind]
        for cls in classes.values():
            if cls.startswith(str(PKG._NS)) and parent.startswith(str(SCHEMA._NS)):
                yield cls, RDFS.subClassOf, parent
    yield PKG.Role, RDFS.subClassOf, SCHEMA.OrganizationRole


# --- entity descriptions ------------------------------------------------------------------


def _date(value: str) -> Literal | None:
    try:
        return Literal(dt.date.fromisoformat(value[:10]).isoformat(), datatype=XSD.date)
    except ValueError:
        log.debug("ignoring date %r: not an ISO date", value)
        return None


def _dates(predicate: URIRef) -> Callable[[URIRef, str, _Builder], Iterable[Triple]]:
    def triples(node: URIRef, value: str, builder: _Builder) -> Iterable[Triple]:
        literal = _date(value)
        return [(node, predicate, literal)] if literal is not None else []

    return triples


def _doi(node: URIRef, value: str, builder: _Builder) -> Iterable[Triple]:
    doi = value.strip().removeprefix("https://doi.org/").removeprefix("doi:").strip()
    return [(node, SCHEMA.sameAs, URIRef("https://doi.org/" + quote(doi, safe="/:;()._-<>")))]


def _url(node: URIRef, value: str, builder: _Builder) -> Iterable[Triple]:
    # Only clean web addresses: the reader has removed tracking wrappers already.
    if urlsplit(value).scheme in ("http", "https") and _is_valid_uri(value):
        return [(node, SCHEMA.url, URIRef(value))]
    log.debug("ignoring url %r: not an http(s) IRI", value)
    return []


def _venue(node: URIRef, value: str, builder: _Builder) -> Iterable[Triple]:
    if node in builder.has_venue_fact:
        return []
    venue = builder.mint.periodical(value)
    return [
        (node, SCHEMA.isPartOf, venue),
        (venue, RDF.type, SCHEMA.Periodical),
        (venue, SCHEMA.name, Literal(value)),
    ]


#: Entity attribute -> its triples (kind-specific keys from the brief's shared decisions).
ATTRIBUTE_TRIPLES: Mapping[str, Callable[[URIRef, str, _Builder], Iterable[Triple]]] = {
    "start_date": _dates(SCHEMA.startDate),
    "end_date": _dates(SCHEMA.endDate),
    "deadline": _dates(PKG.deadline),
    "doi": _doi,
    "url": _url,
    "venue": _venue,
}


def _confidence(value: float) -> Literal:
    """Three decimals in canonical xsd:decimal form (as stores write it back: 0.85, 1)."""
    return Literal(f"{value:.3f}".rstrip("0").rstrip(".") or "0", datatype=XSD.decimal)


# --- relations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Statement:
    """What one fact adds: the stated (reified) triples and the nodes that support them."""

    stated: list[Triple]
    support: list[Triple] = field(default_factory=list)


@dataclass(frozen=True)
class _FactNodes:
    fact: Fact
    subject: URIRef
    object: URIRef | None
    subject_entity: Entity
    object_entity: Entity | None


def _direct(
    predicate: URIRef | Callable[[_FactNodes], URIRef],
) -> Callable[[_FactNodes, _Builder], _Statement]:
    """A relation stated as one triple ``subject predicate object``."""

    def statement(nodes: _FactNodes, builder: _Builder) -> _Statement:
        if nodes.object is None:
            return _Statement([])
        chosen = predicate(nodes) if callable(predicate) else predicate
        return _Statement([(nodes.subject, chosen, nodes.object)])

    return statement


def _role(nodes: _FactNodes, builder: _Builder) -> _Statement:
    """A role: the direct affiliation plus a ``pkg:Role`` node dated by the issue."""
    fact, person = nodes.fact, nodes.subject
    title = fact.attributes.get("title", "").strip()
    stated: list[Triple] = []
    if nodes.object is not None:
        stated.append((person, SCHEMA.affiliation, nodes.object))
    if not title:
        return _Statement(stated)
    role = builder.mint.role(person, title, str(nodes.object or ""), fact.issue_month)
    issue = builder.mint.issue(fact.issue_month)
    stated.append((person, PKG.hasRole, role))
    support: list[Triple] = [
        (role, RDF.type, PKG.Role),
        (role, SCHEMA.roleName, Literal(title)),
        (role, PKG.statedIn, issue),
    ]
    started = _date(fact.issue_month + "-01")
    if started is not None:
        support.append((role, SCHEMA.startDate, started))
    if nodes.object is not None:
        support.append((role, SCHEMA.affiliation, nodes.object))
    return _Statement(stated, support)


def _venue_predicate(nodes: _FactNodes) -> URIRef:
    """A publisher organisation (it has an org kind) publishes; a journal contains."""
    entity = nodes.object_entity
    if entity is not None and entity.kind is EntityKind.ORGANISATION:
        if entity.attributes.get("org_kind"):
            return SCHEMA.publisher
    return SCHEMA.isPartOf


def _offer_predicate(nodes: _FactNodes) -> URIRef:
    job = nodes.subject_entity.attributes.get("opportunity_kind") in ("job", "internship")
    return SCHEMA.hiringOrganization if job else SCHEMA.funder


#: Relation -> how a fact of it becomes triples (see the brief's relation mapping).
RELATION_TRIPLES: Mapping[Relation, Callable[[_FactNodes, _Builder], _Statement]] = {
    Relation.AFFILIATION: _direct(SCHEMA.affiliation),
    Relation.ROLE: _role,
    Relation.SPEAKER: _direct(SCHEMA.performer),
    Relation.ORGANIZER: _direct(SCHEMA.organizer),
    Relation.AUTHOR: _direct(SCHEMA.author),
    Relation.VENUE: _direct(_venue_predicate),
    Relation.LOCATION: _direct(SCHEMA.location),
    Relation.ABOUT: _direct(SCHEMA.about),
    Relation.PART_OF_SERIES: _direct(SCHEMA.superEvent),
    Relation.OFFERED_BY: _direct(_offer_predicate),
    Relation.PART_OF: _direct(SCHEMA.parentOrganization),
    Relation.MEMBER_OF: _direct(SCHEMA.memberOf),
}

_P, _O, _E = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.EVENT
_AGENTS = frozenset({_P, _O})

#: Relation -> (subject kinds, object kinds) it accepts (``None``: any), mirroring the
#: ontology's domains and ranges, so a mis-typed fact never makes the graph inconsistent.
RELATION_KINDS: Mapping[Relation, tuple[frozenset[EntityKind] | None, ...]] = {
    Relation.AFFILIATION: (frozenset({_P}), frozenset({_O})),
    Relation.ROLE: (frozenset({_P}), frozenset({_O})),
    Relation.SPEAKER: (frozenset({_E}), _AGENTS),
    Relation.ORGANIZER: (frozenset({_E}), _AGENTS),
    Relation.AUTHOR: (frozenset({EntityKind.PUBLICATION}), _AGENTS),
    Relation.VENUE: (frozenset({EntityKind.PUBLICATION}), None),
    Relation.LOCATION: (None, frozenset({EntityKind.PLACE})),
    Relation.ABOUT: (None, frozenset({EntityKind.TOPIC})),
    Relation.PART_OF_SERIES: (frozenset({_E}), frozenset({_E})),
    Relation.OFFERED_BY: (frozenset({EntityKind.OPPORTUNITY}), frozenset({_O})),
    Relation.PART_OF: (frozenset({_O}), frozenset({_O})),
    Relation.MEMBER_OF: (None, frozenset({_O, EntityKind.PROGRAMME})),
}

#: Predicates that link two nodes: each such triple gets a provenance record.
_LINK_PREDICATES = frozenset({SCHEMA.isPartOf, SCHEMA.publisher})

#: The agent credited with links read from entity attributes.
_ATTRIBUTE_COMPONENT = "entity-attributes"

#: Relations whose object may be absent (a role with no organisation).
_OPTIONAL_OBJECT = frozenset({Relation.ROLE})


def _kinds_fit(relation: Relation, subject: Entity, obj: Entity | None) -> bool:
    subjects, objects = RELATION_KINDS.get(relation, (None, None))
    if subjects is not None and subject.kind not in subjects:
        return False
    return obj is None or objects is None or obj.kind in objects


# --- the builder --------------------------------------------------------------------------


class _Builder:
    """Collects each issue's triples from the resolved entities and facts."""

    def __init__(self, mint: Minter, entities: Mapping[str, Entity], resolved: Resolved) -> None:
        self.mint = mint
        self.entities = entities
        self.resolved = resolved
        self.misfits: Counter[str] = Counter()
        self.partners = {partner.name for partner in load_partners().partners}
        self.has_venue_fact = {
            self.node(entities[f.subject])
            for f in resolved.facts
            if f.relation is Relation.VENUE and f.subject in entities
        }

    def node(self, entity: Entity) -> URIRef:
        """An entity's IRI; a topic in the project's scheme is its scheme concept."""
        concept = entity.attributes.get("concept", "")
        if entity.kind is EntityKind.TOPIC and concept.startswith(str(TOPIC)):
            return URIRef(concept)
        return self.mint.entity(entity.kind, entity.key)

    def issue_graphs(self) -> dict[str, set[Triple]]:
        """``YYYY-MM`` -> the triples of that issue's named graph."""
        mentioned = self._mentions()
        sources = {record.issue_month: record.source for record in self.resolved.issues}
        graphs: dict[str, set[Triple]] = {}
        for month in sorted(mentioned):
            triples = graphs.setdefault(month, set())
            triples.update(self._issue(month, sources.get(month)))
            for key in sorted(mentioned[month]):
                entity = self.entities[key]
                triples.add((self.mint.issue(month), SCHEMA.mentions, self.node(entity)))
                triples.update(self._describe(entity, month, sources.get(month) or month))
        for fact in self.resolved.facts:
            # Every fact's issue has a graph: _mentions() covers the months of all facts.
            graphs[fact.issue_month].update(self._fact(fact))
        return graphs

    def _mentions(self) -> dict[str, set[str]]:
        """Issue month -> keys of the entities it mentions (records, entities, facts)."""
        mentioned: dict[str, set[str]] = {}
        for record in self.resolved.issues:
            keys = mentioned.setdefault(record.issue_month, set())
            keys.update(k for k in record.entity_keys if k in self.entities)
        for entity in self.entities.values():
            for month in entity.issues:
                mentioned.setdefault(month, set()).add(entity.key)
        for fact in self.resolved.facts:
            keys = mentioned.setdefault(fact.issue_month, set())
            keys.update(k for k in (fact.subject, fact.object) if k in self.entities)
        return mentioned

    def _issue(self, month: str, source: str | None) -> Iterator[Triple]:
        issue = self.mint.issue(month)
        yield issue, RDF.type, SCHEMA.PublicationIssue
        yield issue, SCHEMA.datePublished, Literal(f"{month}-01", datatype=XSD.date)
        if source:
            yield issue, PKG.sourceFile, Literal(PurePath(source).name)

    def _describe(self, entity: Entity, month: str, source: str) -> Iterator[Triple]:
        node = self.node(entity)
        yield node, RDF.type, class_for_attributes(entity.kind, entity.attributes)
        if entity.kind is EntityKind.ORGANISATION and entity.name in self.partners:
            yield node, RDF.type, PKG.PartnerOrganisation  # a configured partner (partners.yaml)
        yield node, SCHEMA.name, Literal(entity.name)
        for alternate in sorted(set(entity.alternate_names) - {entity.name}):
            yield node, SCHEMA.alternateName, Literal(alternate)
        if entity.kind is EntityKind.TOPIC:
            yield node, SKOS.prefLabel, Literal(entity.name)
            yield node, SKOS.inScheme, PKG.topicScheme
        for key, value in sorted(entity.attributes.items()):
            if key in DATE_ATTRIBUTES and month not in entity.dated_in:
                continue  # another issue gave the date: this one's graph does not state it
            handler = ATTRIBUTE_TRIPLES.get(key)
            if handler is not None and value:
                for triple in handler(node, value, self):
                    yield triple
                    if triple[1] in _LINK_PREDICATES:
                        yield from self._attribute_provenance(triple, key, value, month, source)

    def _attribute_provenance(
        self, triple: Triple, key: str, value: str, month: str, source: str
    ) -> Iterator[Triple]:
        """A link read from an entity attribute (a venue): its evidence is the issue naming it.

        Attributes carry no character span, so the record quotes the value and points
        at the issue; offsets are left out rather than invented.
        """
        s, p, o = triple
        node = self.mint.assertion(month, s, p, str(o), "attribute", key)
        component = self.mint.component(_ATTRIBUTE_COMPONENT)
        yield node, RDF.type, RDF.Statement
        yield node, RDF.type, PROV.Entity
        yield node, RDF.subject, s
        yield node, RDF.predicate, p
        yield node, RDF.object, o
        yield node, PKG.evidenceText, Literal(value)
        yield node, PKG.sourceFile, Literal(PurePath(source).name)
        yield node, PROV.wasDerivedFrom, self.mint.issue(month)
        yield node, PROV.wasAttributedTo, component
        yield component, RDF.type, PROV.SoftwareAgent
        yield component, RDF.type, PKG.Component
        yield component, SCHEMA.name, Literal(_ATTRIBUTE_COMPONENT)

    def _fact(self, fact: Fact) -> Iterator[Triple]:
        subject_entity = self.entities.get(fact.subject)
        object_entity = self.entities.get(fact.object)
        if subject_entity is None or (
            object_entity is None and fact.relation not in _OPTIONAL_OBJECT
        ):
            # An empty object is resolution's "no entity here"; an unknown key is a bug upstream.
            level = logging.DEBUG if fact.object == "" else logging.WARNING
            log.log(
                level,
                "skipping %s fact in issue %s: %r or %r is not a resolved entity",
                fact.relation.value,
                fact.issue_month,
                fact.subject,
                fact.object,
            )
            return
        if not _kinds_fit(fact.relation, subject_entity, object_entity):
            self.misfits[fact.relation.value] += 1
            log.debug(
                "skipping %s fact in issue %s: %s -> %s does not fit the relation",
                fact.relation.value, fact.issue_month, subject_entity.kind,
                object_entity.kind if object_entity else None,
            )  # fmt: skip
            return
        nodes = _FactNodes(
            fact,
            self.node(subject_entity),
            self.node(object_entity) if object_entity else None,
            subject_entity,
            object_entity,
        )
        statement = RELATION_TRIPLES[fact.relation](nodes, self)
        yield from statement.support
        for triple in statement.stated:
            yield triple
            yield from self._provenance(triple, fact)

    def _provenance(self, triple: Triple, fact: Fact) -> Iterator[Triple]:
        """The reified statement: what was said, where, by which component, how sure."""
        s, p, o = triple
        span = fact.evidence
        source = PurePath(span.file).name
        node = self.mint.assertion(
            fact.issue_month, s, p, str(o), source, str(span.start), str(span.end)
        )
        component = self.mint.component(fact.component)
        yield node, RDF.type, RDF.Statement
        yield node, RDF.type, PROV.Entity
        yield node, RDF.subject, s
        yield node, RDF.predicate, p
        yield node, RDF.object, o
        yield node, PKG.evidenceText, Literal(span.text)
        yield node, PKG.sourceFile, Literal(source)
        yield node, PKG.startOffset, Literal(span.start, datatype=XSD.integer)
        yield node, PKG.endOffset, Literal(span.end, datatype=XSD.integer)
        yield node, PKG.confidence, _confidence(fact.confidence)
        yield node, PROV.wasAttributedTo, component
        yield component, RDF.type, PROV.SoftwareAgent
        yield component, RDF.type, PKG.Component
        yield component, SCHEMA.name, Literal(fact.component)
        item, item_triples = self._item(fact)
        yield node, PROV.wasDerivedFrom, item
        yield from item_triples

    def _item(self, fact: Fact) -> tuple[URIRef, list[Triple]]:
        """The news item a fact came from (the issue itself when the item is unknown).

        ``fact.attributes["item"]`` (the item's number in its issue) names it when the
        extractor gives one; otherwise a hash of its heading does.
        """
        issue = self.mint.issue(fact.issue_month)
        number = fact.attributes.get("item", "")
        label = number if number.isdigit() else fact.item_title
        if not label:
            return issue, []
        item = self.mint.item(fact.issue_month, label)
        triples: list[Triple] = [(item, RDF.type, PKG.NewsItem), (item, SCHEMA.isPartOf, issue)]
        if fact.item_title:
            triples.append((item, SCHEMA.name, Literal(fact.item_title)))
        return item, triples
