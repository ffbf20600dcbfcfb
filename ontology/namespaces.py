"""The namespaces partnerkg writes, as closed vocabularies: a misspelt term fails at import.

``SCHEMA`` is ``http://schema.org/`` (schema.org's own JSON-LD context), not
rdflib's ``SDO`` (https), as DESIGN.md's output contract requires.
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
