"""The partnerkg ontology, defined once in Python with owlready2, and its exports.

``python -m partnerkg.ontology.build`` writes ``partnerkg.owl`` (RDF/XML),
``partnerkg.ttl`` (Turtle) and the class diagram in ``README.md`` next to this
module. Tests regenerate them and fail when a committed file is stale.

The graph uses schema.org terms (``http://schema.org/``) wherever schema.org
has one; ``pkg:`` classes fill the gaps and are ``rdfs:subClassOf`` the nearest
schema.org class, and the schema.org terms the graph uses are declared here so
the export carries those axioms. Alignments to FOAF, W3C ORG, PROV-O, SKOS and
DCTERMS let tools that speak those vocabularies read the graph.
"""

from __future__ import annotations

import argparse
import datetime
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from owlready2 import (
    AllDisjoint,
    DataProperty,
    Namespace,
    ObjectProperty,
    Ontology,
    SymmetricProperty,
    Thing,
    World,
    locstr,
)
from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SKOS, XSD

from partnerkg.ontology.diagram import mermaid_diagram, reference_tables, replace_generated_block
from partnerkg.ontology.namespaces import PKG, SCHEMA

log = logging.getLogger(__name__)

ONTOLOGY_IRI = "https://w3id.org/partnerkg/ontology"
VERSION = "0.1.0"
HERE = Path(__file__).resolve().parent  # the source folder, also under a strict editable install

#: Prefix -> namespace, for the owlready2 namespaces and the Turtle export.
PREFIXES: dict[str, str] = {
    "pkg": str(PKG._NS),
    "schema": str(SCHEMA._NS),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}


@dataclass(frozen=True)
class ClassSpec:
    """One class: ``prefix:name``, its parents (``prefix:name``) and what it is for."""

    term: str
    parents: Sequence[str]
    label: str
    comment: str = ""
    equivalent: Sequence[str] = ()


@dataclass(frozen=True)
class PropertySpec:
    """One object or datatype property, with domain, range and alignments."""

    term: str
    label: str
    comment: str = ""
    domain: Sequence[str] = ()  # several terms = their union
    range: Sequence[str] = ()  # several terms = their union; a Python type for data
    parents: Sequence[str] = ()
    inverse: str | None = None
    symmetric: bool = False
    equivalent: Sequence[str] = ()
    datatype: type | None = None


# Classes from other vocabularies that only appear as alignment targets.
ALIGNMENT_CLASSES: Sequence[str] = (
    "foaf:Person",
    "foaf:Organization",
    "foaf:Document",
    "foaf:Project",
    "org:Organization",
    "org:Membership",
    "prov:Agent",
    "prov:SoftwareAgent",
    "prov:Entity",
    "dcterms:Location",
    "dcterms:BibliographicResource",
)

CLASSES: Sequence[ClassSpec] = (
    # people and organisations
    ClassSpec("schema:Person", ["prov:Agent"], "person",
              "A person named in a newsletter.", equivalent=["foaf:Person"]),
    ClassSpec("schema:Organization", ["foaf:Organization", "prov:Agent"], "organisation",
              "Any organisation; a kind, when known, is one of its subclasses.",
              equivalent=["org:Organization"]),
    ClassSpec("schema:CollegeOrUniversity", ["schema:Organization"], "university",
              "A university, college or one of its schools."),
    ClassSpec("schema:Corporation", ["schema:Organization"], "company",
              "A company, including pharmaceutical and technology firms."),
    ClassSpec("schema:ResearchOrganization", ["schema:Organization"], "research institute",
              "A research institute or centre."),
    ClassSpec("schema:Hospital", ["schema:Organization"], "hospital",
              "A hospital or NHS trust."),
    ClassSpec("schema:GovernmentOrganization", ["schema:Organization"], "government body",
              "A government department, agency or council."),
    ClassSpec("schema:NGO", ["schema:Organization"], "non-governmental organisation"),
    ClassSpec("pkg:Funder", ["schema:Organization"], "funder",
              "An organisation whose role in the text is to fund research."),
    ClassSpec("pkg:Charity", ["schema:NGO"], "charity or learned society",
              "A charity, foundation or learned society."),
    ClassSpec("pkg:ResearchGroup", ["schema:Organization"],
              "research group, network or interest group",
              "A group, lab, network, consortium or interest group."),
    ClassSpec("pkg:PartnerOrganisation", ["schema:Organization"], "partner organisation",
              "An organisation of the configured partnership (ontology/partners.yaml)."),
    # events
    ClassSpec("schema:Event", [], "event", "Something that happens at a time."),
    ClassSpec("schema:EducationEvent", ["schema:Event"], "education event"),
    ClassSpec("schema:SocialEvent", ["schema:Event"], "social event"),
    ClassSpec("schema:Festival", ["schema:Event"], "festival"),
    ClassSpec("pkg:Talk", ["schema:EducationEvent"], "talk",
              "A talk, often one of a series."),
    ClassSpec("pkg:Seminar", ["schema:EducationEvent"], "seminar or webinar"),
    ClassSpec("pkg:Conference", ["schema:Event"], "conference", "A conference or symposium."),
    ClassSpec("pkg:Workshop", ["schema:EducationEvent"], "workshop",
              "A workshop, hackathon or data study group session."),
    ClassSpec("pkg:Lecture", ["schema:EducationEvent"], "lecture"),
    ClassSpec("pkg:AwardCeremony", ["schema:Event"], "award ceremony"),
    ClassSpec("pkg:StudyGroup", ["schema:EducationEvent"], "study group",
              "A reading group or study group that meets repeatedly."),
    ClassSpec("pkg:NetworkingEvent", ["schema:SocialEvent"], "networking event"),
    ClassSpec("pkg:EventSeries", ["schema:Event"], "event series",
              "A named series; its events point to it with schema:superEvent."),
    # publications
    ClassSpec("schema:CreativeWork", [], "creative work"),
    ClassSpec("pkg:Publication", ["schema:CreativeWork", "foaf:Document",
                                  "dcterms:BibliographicResource"], "publication",
              "Anything published that a newsletter points to; its kinds are subclasses."),
    ClassSpec("schema:ScholarlyArticle", ["pkg:Publication"], "article",
              "A journal or conference article."),
    ClassSpec("pkg:Preprint", ["schema:ScholarlyArticle"], "preprint",
              "An article not yet peer reviewed (arXiv, medRxiv, bioRxiv, ...)."),
    ClassSpec("schema:Book", ["pkg:Publication"], "book"),
    ClassSpec("schema:Chapter", ["pkg:Publication"], "chapter"),
    ClassSpec("schema:Report", ["pkg:Publication"], "report"),
    ClassSpec("schema:BlogPosting", ["pkg:Publication"], "blog post"),
    ClassSpec("schema:VideoObject", ["pkg:Publication"], "video"),
    ClassSpec("schema:Periodical", ["schema:CreativeWork"], "periodical",
              "A journal or series a publication is part of."),
    # newsletters
    ClassSpec("schema:PublicationIssue", ["schema:CreativeWork"], "publication issue"),
    ClassSpec("pkg:NewsletterIssue", ["schema:PublicationIssue"], "newsletter issue",
              "One issue of the partnership's newsletter; its statements are in the named "
              "graph of the same IRI."),
    ClassSpec("pkg:NewsItem", ["schema:CreativeWork", "prov:Entity"], "news item",
              "One item (heading and text) of an issue; the source statements are derived "
              "from."),
    # topics, places, opportunities, programmes
    ClassSpec("skos:Concept", [], "topic",
              "A research theme or method in the topic scheme (ontology/topics.ttl)."),
    ClassSpec("schema:Place", ["dcterms:Location"], "place"),
    ClassSpec("schema:Intangible", [], "intangible"),
    ClassSpec("pkg:Opportunity", ["schema:Intangible"], "opportunity",
              "Something readers can apply for, usually with a deadline."),
    ClassSpec("schema:JobPosting", ["pkg:Opportunity"], "job"),
    ClassSpec("pkg:Studentship", ["schema:JobPosting"], "studentship",
              "A funded PhD or master's place."),
    ClassSpec("pkg:Internship", ["schema:JobPosting"], "internship"),
    ClassSpec("pkg:FundingCall", ["pkg:Opportunity"], "funding call"),
    ClassSpec("pkg:CallForPapers", ["pkg:Opportunity"], "call for papers",
              "A call for papers, abstracts or posters."),
    ClassSpec("pkg:Award", ["pkg:Opportunity"], "award",
              "A prize or award open for applications or nominations."),
    ClassSpec("pkg:Scheme", ["pkg:Opportunity"], "scheme",
              "A fellowship, mentoring or visitor scheme."),
    ClassSpec("schema:Project", ["foaf:Project"], "programme or project",
              "A research programme or project people are members of."),
    # roles and provenance
    ClassSpec("schema:OrganizationRole", [], "organisation role"),
    ClassSpec("pkg:Role", ["schema:OrganizationRole", "org:Membership"], "role",
              "A person's position (schema:roleName) at an organisation as stated in one "
              "issue (pkg:statedIn, schema:startDate = the issue date)."),
    ClassSpec("schema:SoftwareApplication", ["schema:CreativeWork"], "software application"),
    ClassSpec("pkg:Component", ["schema:SoftwareApplication", "prov:SoftwareAgent"],
              "extraction component",
              "The part of the pipeline that asserted a statement."),
)

#: Classes no individual may share: a node typed with two of them is an error.
DISJOINT: Sequence[str] = ("schema:Person", "schema:Organization", "schema:Event",
                           "pkg:Publication")

_AGENT = ("schema:Person", "schema:Organization")

OBJECT_PROPERTIES: Sequence[PropertySpec] = (
    PropertySpec("schema:memberOf", "member of",
                 "A person or organisation belongs to an organisation or programme.",
                 range=("schema:Organization", "schema:Project")),
    PropertySpec("schema:affiliation", "affiliation",
                 "A person's (or a role's) organisation.",
                 range=("schema:Organization",), parents=("schema:memberOf", "org:memberOf")),
    PropertySpec("schema:worksFor", "works for", "Employment: a kind of affiliation.",
                 domain=("schema:Person",), range=("schema:Organization",),
                 parents=("schema:affiliation",)),
    PropertySpec("org:memberOf", "member of (ORG)"),
    PropertySpec("schema:performer", "performer",
                 "A speaker, presenter, panellist or keynote of an event.",
                 domain=("schema:Event",), range=_AGENT),
    PropertySpec("schema:organizer", "organiser", "A host of an event.",
                 domain=("schema:Event",), range=_AGENT),
    PropertySpec("schema:author", "author", domain=("schema:CreativeWork",), range=_AGENT,
                 parents=("dcterms:creator", "foaf:maker")),
    PropertySpec("dcterms:creator", "creator (DCTERMS)"),
    PropertySpec("foaf:maker", "maker (FOAF)"),
    PropertySpec("schema:publisher", "publisher", domain=("schema:CreativeWork",),
                 range=_AGENT, parents=("dcterms:publisher",)),
    PropertySpec("dcterms:publisher", "publisher (DCTERMS)"),
    PropertySpec("schema:hasPart", "has part", parents=("dcterms:hasPart",)),
    PropertySpec("dcterms:hasPart", "has part (DCTERMS)"),
    PropertySpec("schema:isPartOf", "is part of",
                 "An item is part of an issue; a publication of its journal.",
                 parents=("dcterms:isPartOf",), inverse="schema:hasPart"),
    PropertySpec("dcterms:isPartOf", "is part of (DCTERMS)", inverse="dcterms:hasPart"),
    PropertySpec("schema:location", "location", range=("schema:Place",)),
    PropertySpec("schema:about", "about", "The topic of an event, publication or item.",
                 range=("skos:Concept",), parents=("dcterms:subject",)),
    PropertySpec("dcterms:subject", "subject (DCTERMS)"),
    PropertySpec("schema:subEvent", "sub-event", domain=("schema:Event",),
                 range=("schema:Event",)),
    PropertySpec("schema:superEvent", "super-event", "An event's series or parent event.",
                 domain=("schema:Event",), range=("schema:Event",), inverse="schema:subEvent"),
    PropertySpec("schema:subOrganization", "sub-organisation",
                 domain=("schema:Organization",), range=("schema:Organization",)),
    PropertySpec("schema:parentOrganization", "parent organisation",
                 domain=("schema:Organization",), range=("schema:Organization",),
                 inverse="schema:subOrganization"),
    PropertySpec("schema:hiringOrganization", "offered by",
                 "The organisation offering an opportunity.",
                 domain=("pkg:Opportunity",), range=("schema:Organization",)),
    PropertySpec("schema:funder", "funder", range=_AGENT),
    PropertySpec("schema:mentions", "mentions",
                 "An issue mentions every entity it names.", domain=("schema:CreativeWork",)),
    PropertySpec("pkg:mentionedIn", "mentioned in", range=("schema:CreativeWork",),
                 inverse="schema:mentions"),
    PropertySpec("schema:sameAs", "same as", "An external identifier IRI, e.g. a DOI."),
    PropertySpec("schema:knows", "knows", domain=("schema:Person",), range=("schema:Person",),
                 parents=("foaf:knows",)),
    PropertySpec("foaf:knows", "knows (FOAF)"),
    PropertySpec("pkg:collaboratesWith", "collaborates with",
                 "Derived: two people who co-author a publication or perform at the same "
                 "event (ontology/rules/collaborates_with.rq).",
                 domain=("schema:Person",), range=("schema:Person",),
                 parents=("schema:knows",), symmetric=True),
    PropertySpec("org:hasMembership", "has membership (ORG)"),
    PropertySpec("pkg:hasRole", "has role", "A person's role node.",
                 domain=("schema:Person",), range=("pkg:Role",),
                 parents=("org:hasMembership",)),
    PropertySpec("pkg:roleOf", "role of", domain=("pkg:Role",), range=("schema:Person",),
                 inverse="pkg:hasRole"),
    PropertySpec("prov:wasDerivedFrom", "was derived from (PROV)"),
    PropertySpec("pkg:statedIn", "stated in", "The issue that stated a role.",
                 range=("schema:PublicationIssue",), parents=("prov:wasDerivedFrom",)),
)

DATA_PROPERTIES: Sequence[PropertySpec] = (
    PropertySpec("schema:name", "name",
                 "The fullest form of a name (no titles); exactly one per person.",
                 equivalent=("foaf:name",)),
    PropertySpec("foaf:name", "name (FOAF)"),
    PropertySpec("schema:alternateName", "alternate name", "Every other surface form."),
    PropertySpec("schema:roleName", "role name", "A title as stated, e.g. 'Theme Lead'.",
                 domain=("pkg:Role",)),
    PropertySpec("schema:startDate", "start date", datatype=datetime.date),
    PropertySpec("schema:endDate", "end date", "Never before the start date.",
                 datatype=datetime.date),
    PropertySpec("dcterms:issued", "issued (DCTERMS)"),
    PropertySpec("schema:datePublished", "date published", datatype=datetime.date,
                 parents=("dcterms:issued",)),
    PropertySpec("schema:validThrough", "valid through"),
    PropertySpec("pkg:deadline", "deadline", "The last day to apply.",
                 domain=("pkg:Opportunity",), datatype=datetime.date,
                 parents=("schema:validThrough",)),
    PropertySpec("pkg:evidenceText", "evidence text",
                 "On an rdf:Statement: the source sentence that states it.", datatype=str),
    PropertySpec("pkg:sourceFile", "source file",
                 "On an rdf:Statement: the newsletter file it was read from.", datatype=str),
    PropertySpec("pkg:startOffset", "start offset",
                 "On an rdf:Statement: first character of the evidence in the file.",
                 datatype=int),
    PropertySpec("pkg:endOffset", "end offset",
                 "On an rdf:Statement: character after the evidence in the file.", datatype=int),
    PropertySpec("pkg:confidence", "confidence",
                 "On an rdf:Statement: the component's confidence, a number from 0 to 1."),
)


def _split(term: str) -> tuple[str, str]:
    prefix, name = term.split(":", 1)
    return prefix, name


class _Builder:
    """Creates owlready2 entities for ``prefix:name`` terms in one ontology."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self.namespaces: dict[str, Namespace] = {
            prefix: onto.get_namespace(iri) for prefix, iri in PREFIXES.items()
        }
        self.entities: dict[str, Any] = {}  # owlready2 classes and properties

    def _new(self, term: str, bases: tuple[Any, ...]) -> Any:
        prefix, name = _split(term)
        with self.onto:
            entity = type(name, bases, {"namespace": self.namespaces[prefix]})
        self.entities[term] = entity
        return entity

    def _union(self, terms: Sequence[str]) -> Any:
        classes = [self.entities[t] for t in terms]
        union = classes[0]
        for other in classes[1:]:
            union = union | other
        return union

    def add_class(self, spec: ClassSpec) -> None:
        parents = tuple(self.entities[p] for p in spec.parents) or (Thing,)
        cls = self._new(spec.term, parents)
        self._annotate(cls, spec.label, spec.comment)
        for term in spec.equivalent:
            cls.equivalent_to.append(self.entities[term])

    def add_property(self, spec: PropertySpec, kind: type) -> None:
        self._annotate(self._new(spec.term, (kind,)), spec.label, spec.comment)

    def relate_property(self, spec: PropertySpec) -> None:
        prop = self.entities[spec.term]
        if spec.symmetric:
            prop.is_a.append(SymmetricProperty)
        for term in spec.parents:
            prop.is_a.append(self.entities[term])
        if spec.domain:
            prop.domain = [self._union(spec.domain)]
        if spec.range:
            prop.range = [self._union(spec.range)]
        if spec.datatype is not None:
            prop.range = [spec.datatype]
        if spec.inverse:
            prop.inverse_property = self.entities[spec.inverse]
        for term in spec.equivalent:
            prop.equivalent_to.append(self.entities[term])

    @staticmethod
    def _annotate(entity: Any, label: str, comment: str) -> None:
        entity.label = [locstr(label, "en")]
        if comment:
            entity.comment = [locstr(comment, "en")]


def build_ontology(world: World | None = None) -> Ontology:
    """Define the partnerkg ontology in ``world`` (a fresh one by default)."""
    world = world or World()
    onto = world.get_ontology(ONTOLOGY_IRI)
    builder = _Builder(onto)
    for term in ALIGNMENT_CLASSES:
        builder._new(term, (Thing,))
    for class_spec in CLASSES:
        builder.add_class(class_spec)
    for spec in OBJECT_PROPERTIES:
        builder.add_property(spec, ObjectProperty)
    for spec in DATA_PROPERTIES:
        builder.add_property(spec, DataProperty)
    # Second pass: properties refer to each other (parents, inverses, equivalents).
    for spec in (*OBJECT_PROPERTIES, *DATA_PROPERTIES):
        builder.relate_property(spec)
    with onto:
        AllDisjoint([builder.entities[t] for t in DISJOINT])
    onto.metadata.label = [locstr("partnerkg ontology", "en")]
    onto.metadata.versionInfo = [VERSION]
    onto.metadata.comment = [locstr(
        "The partnerkg ontology: people, organisations, events, publications, topics, "
        "opportunities and roles found in a research partnership's newsletters, aligned "
        "to schema.org, FOAF, W3C ORG, PROV-O, SKOS and DCTERMS.", "en")]
    return onto


def ontology_graph(onto: Ontology | None = None) -> Graph:
    """The ontology as an rdflib Graph (parsed back from owlready2's RDF/XML)."""
    return _parse(_rdfxml(onto or build_ontology()))


def _parse(rdfxml: str) -> Graph:
    graph = Graph()
    graph.parse(data=rdfxml, format="xml")
    for prefix, iri in PREFIXES.items():
        # replace: rdflib binds "schema" to https://schema.org/ by default
        graph.bind(prefix, iri, override=True, replace=True)
    for prefix, ns in (("owl", OWL), ("rdfs", RDFS), ("xsd", XSD)):
        graph.bind(prefix, ns)
    return graph


def _rdfxml(onto: Ontology) -> str:
    buffer = io.BytesIO()
    onto.save(file=buffer, format="rdfxml")
    return buffer.getvalue().decode("utf-8")


def write(out_dir: Path = HERE) -> list[Path]:
    """Write ``partnerkg.owl``, ``partnerkg.ttl`` and the README diagram into ``out_dir``."""
    rdfxml = _rdfxml(build_ontology())
    graph = _parse(rdfxml)
    owl_path, ttl_path = out_dir / "partnerkg.owl", out_dir / "partnerkg.ttl"
    owl_path.write_text(rdfxml, encoding="utf-8")
    graph.serialize(ttl_path, format="turtle")
    written = [owl_path, ttl_path]
    readme = out_dir / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        block = f"{mermaid_diagram(graph)}\n\n{reference_tables(graph)}"
        readme.write_text(replace_generated_block(text, block), encoding="utf-8")
        written.append(readme)
    for path in written:
        log.info("wrote %s", path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: regenerate the ontology files (``make ontology``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    write(args.out)


if __name__ == "__main__":
    main()
