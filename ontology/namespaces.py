"""The namespaces partnerkg writes, as closed vocabularies: a misspelt term fails at import.

``SCHEMA`` is ``http://schema.org/`` (schema.org's own JSON-LD context), not
rdflib's ``SDO`` (https), as DESIGN.md's output contract requires. ``PKG`` holds
the project's own terms (https://w3id.org/partnerkg/ontology#), defined in
``partnerkg.ontology.build``; ``TOPIC`` is the base of the topic scheme's concepts.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class SCHEMA(DefinedNamespace):
    """The schema.org terms partnerkg uses (http scheme)."""

    _NS = Namespace("http://schema.org/")
    _fail = True

    # classes
    Person: URIRef
    Organization: URIRef
    CollegeOrUniversity: URIRef
    Corporation: URIRef
    ResearchOrganization: URIRef
    Hospital: URIRef
    GovernmentOrganization: URIRef
    NGO: URIRef
    FundingScheme: URIRef
    Event: URIRef
    SocialEvent: URIRef
    EducationEvent: URIRef
    BusinessEvent: URIRef
    Festival: URIRef
    ScholarlyArticle: URIRef
    Book: URIRef
    Chapter: URIRef
    Report: URIRef
    BlogPosting: URIRef
    VideoObject: URIRef
    CreativeWork: URIRef
    PublicationIssue: URIRef
    Article: URIRef
    Role: URIRef
    OrganizationRole: URIRef
    Place: URIRef
    JobPosting: URIRef
    Grant: URIRef
    Project: URIRef
    Periodical: URIRef
    Intangible: URIRef
    SoftwareApplication: URIRef
    # properties
    name: URIRef
    alternateName: URIRef
    description: URIRef
    url: URIRef
    sameAs: URIRef
    startDate: URIRef
    endDate: URIRef
    performer: URIRef
    organizer: URIRef
    location: URIRef
    about: URIRef
    author: URIRef
    isPartOf: URIRef
    publisher: URIRef
    affiliation: URIRef
    worksFor: URIRef
    memberOf: URIRef
    roleName: URIRef
    datePublished: URIRef
    mentions: URIRef
    superEvent: URIRef
    subEvent: URIRef
    hasPart: URIRef
    parentOrganization: URIRef
    subOrganization: URIRef
    hiringOrganization: URIRef
    validThrough: URIRef
    title: URIRef
    identifier: URIRef
    keywords: URIRef
    funder: URIRef
    contributor: URIRef
    headline: URIRef
    knows: URIRef


class PKG(DefinedNamespace):
    """partnerkg's ontology terms; each is defined (and aligned to schema.org) in ``build.py``."""

    _NS = Namespace("https://w3id.org/partnerkg/ontology#")
    _fail = True

    # organisation kinds without a schema.org class
    Funder: URIRef
    Charity: URIRef
    ResearchGroup: URIRef
    PartnerOrganisation: URIRef
    # event kinds without a schema.org class
    Talk: URIRef
    Seminar: URIRef
    Conference: URIRef
    Workshop: URIRef
    Lecture: URIRef
    AwardCeremony: URIRef
    StudyGroup: URIRef
    NetworkingEvent: URIRef
    EventSeries: URIRef
    # publications
    Publication: URIRef
    Preprint: URIRef
    # opportunities
    Opportunity: URIRef
    Studentship: URIRef
    Internship: URIRef
    FundingCall: URIRef
    CallForPapers: URIRef
    Award: URIRef
    Scheme: URIRef
    # newsletter structure, roles, provenance
    NewsletterIssue: URIRef
    NewsItem: URIRef
    Role: URIRef
    Component: URIRef
    # object properties
    hasRole: URIRef
    roleOf: URIRef
    statedIn: URIRef
    mentionedIn: URIRef
    collaboratesWith: URIRef
    # datatype properties
    deadline: URIRef
    evidenceText: URIRef
    sourceFile: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    # individuals
    topicScheme: URIRef


TOPIC = Namespace("https://w3id.org/partnerkg/topic/")
"""Base of the topic scheme's concepts: ``TOPIC["machine-learning"]``."""
