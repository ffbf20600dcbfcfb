"""Which ontology class an entity gets, from its kind and sub-kind attribute.

Sub-kinds come from ``Entity.attributes`` (``org_kind``, ``event_kind``,
``publication_kind``, ``opportunity_kind``). A schema.org class is used where
schema.org has one; otherwise a ``pkg:`` class that the ontology declares as
``rdfs:subClassOf`` the nearest schema.org class, so every export satisfies the
output contract.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef
from rdflib.namespace import SKOS

from partnerkg.extract.model import EntityKind
from partnerkg.ontology.namespaces import PKG, SCHEMA

#: The attribute key that carries each kind's sub-kind.
SUBKIND_KEY: Mapping[EntityKind, str] = {
    EntityKind.ORGANISATION: "org_kind",
    EntityKind.EVENT: "event_kind",
    EntityKind.PUBLICATION: "publication_kind",
    EntityKind.OPPORTUNITY: "opportunity_kind",
}

#: The class of an entity whose sub-kind is unknown (or has no sub-kinds).
BASE_CLASS: Mapping[EntityKind, URIRef] = {
    EntityKind.PERSON: SCHEMA.Person,
    EntityKind.ORGANISATION: SCHEMA.Organization,
    EntityKind.EVENT: SCHEMA.Event,
    # The output contract lists concrete publication classes; in a research
    # newsletter an unspecified publication is a scholarly article.
    EntityKind.PUBLICATION: SCHEMA.ScholarlyArticle,
    EntityKind.TOPIC: SKOS.Concept,
    EntityKind.PLACE: SCHEMA.Place,
    EntityKind.OPPORTUNITY: PKG.Opportunity,
    EntityKind.PROGRAMME: SCHEMA.Project,
}

#: Sub-kind value -> class, per kind.
SUBKIND_CLASS: Mapping[EntityKind, Mapping[str, URIRef]] = {
    EntityKind.ORGANISATION: {
        "university": SCHEMA.CollegeOrUniversity,
        "company": SCHEMA.Corporation,
        "research_institute": SCHEMA.ResearchOrganization,
        "hospital": SCHEMA.Hospital,
        "funder": PKG.Funder,
        "charity": PKG.Charity,
        "government": SCHEMA.GovernmentOrganization,
        "group": PKG.ResearchGroup,
        "other": SCHEMA.Organization,
    },
    EntityKind.EVENT: {
        "talk": PKG.Talk,
        "seminar": PKG.Seminar,
        "conference": PKG.Conference,
        "workshop": PKG.Workshop,
        "lecture": PKG.Lecture,
        "award_ceremony": PKG.AwardCeremony,
        "festival": SCHEMA.Festival,
        "study_group": PKG.StudyGroup,
        "networking": PKG.NetworkingEvent,
        "series": PKG.EventSeries,
        "other": SCHEMA.Event,
    },
    EntityKind.PUBLICATION: {
        "article": SCHEMA.ScholarlyArticle,
        "preprint": PKG.Preprint,
        "book": SCHEMA.Book,
        "chapter": SCHEMA.Chapter,
        "report": SCHEMA.Report,
        "blog_post": SCHEMA.BlogPosting,
        "video": SCHEMA.VideoObject,
    },
    EntityKind.OPPORTUNITY: {
        "job": SCHEMA.JobPosting,
        "studentship": PKG.Studentship,
        "internship": PKG.Internship,
        "funding_call": PKG.FundingCall,
        "call_for_papers": PKG.CallForPapers,
        "award": PKG.Award,
        "scheme": PKG.Scheme,
    },
}


def class_for(kind: EntityKind, subkind: str | None = None) -> URIRef:
    """The class IRI for an entity of ``kind`` with sub-kind ``subkind``.

    An unknown or missing sub-kind falls back to the kind's base class, so a
    new extractor label never breaks the graph build.

    >>> class_for(EntityKind.ORGANISATION, "university")
    rdflib.term.URIRef('http://schema.org/CollegeOrUniversity')
    >>> class_for(EntityKind.EVENT, None)
    rdflib.term.URIRef('http://schema.org/Event')
    """
    if subkind:
        found = SUBKIND_CLASS.get(kind, {}).get(subkind)
        if found is not None:
            return found
    return BASE_CLASS[kind]


def class_for_attributes(kind: EntityKind, attributes: Mapping[str, str]) -> URIRef:
    """The class IRI for an entity, reading its sub-kind from ``attributes``."""
    key = SUBKIND_KEY.get(kind)
    return class_for(kind, attributes.get(key) if key else None)
