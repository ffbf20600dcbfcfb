"""Every IRI partnerkg mints, in one place (the brief's shared IRI decisions).

Data IRIs live under ``Settings.base_iri`` (``https://w3id.org/partnerkg/id/``):
``person/<key>``, ``organisation/<key>``, …, ``issue/YYYY-MM``, ``item/YYYY-MM/<n>``,
``assertion/<hash>``, ``role/<hash>``, ``component/<name>``. Keys come from
resolution and are percent-safe; anything built from raw text is hashed first,
so no IRI ever carries newsletter text.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from partnerkg.extract.model import EntityKind
from partnerkg.ontology.namespaces import TOPIC

DEFAULT_BASE = "https://w3id.org/partnerkg/id/"

#: Path segment of each entity kind under the data base.
KIND_SEGMENT: dict[EntityKind, str] = {
    EntityKind.PERSON: "person",
    EntityKind.ORGANISATION: "organisation",
    EntityKind.EVENT: "event",
    EntityKind.PUBLICATION: "publication",
    EntityKind.TOPIC: "topic",
    EntityKind.PLACE: "place",
    EntityKind.OPPORTUNITY: "opportunity",
    EntityKind.PROGRAMME: "programme",
}

_MONTH = re.compile(r"\d{4}-\d{2}")
_SAFE = re.compile(r"[^a-z0-9]+")


class BUILD(DefinedNamespace):
    """The store's own bookkeeping terms (the ``…/id/meta`` graph; never exported)."""

    _NS = Namespace("https://w3id.org/partnerkg/build#")
    _fail = True

    contentHash: URIRef
    issueMonth: URIRef
    graphDigest: URIRef


def digest(*parts: str, length: int = 16) -> str:
    """A short, stable hash of ``parts`` (NUL-separated so parts never run together)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:length]


def _segment(value: str) -> str:
    """``value`` as one percent-safe path segment (keys are already safe; this guarantees it)."""
    return quote(value, safe="-._~")


def _month(issue_month: str) -> str:
    if not _MONTH.fullmatch(issue_month):
        raise ValueError(f"issue month {issue_month!r} is not of the form YYYY-MM")
    return issue_month


class Minter:
    """Mints data IRIs under one base, so a deployment can move its namespace in one setting."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.ns = Namespace(base if base.endswith(("/", "#")) else base + "/")

    def entity(self, kind: EntityKind, key: str) -> URIRef:
        """``…/person/ada-lovelace-3f9a`` from an entity's kind and resolution key."""
        return self.ns[f"{KIND_SEGMENT[kind]}/{_segment(key)}"]

    def issue(self, issue_month: str) -> URIRef:
        """The issue node, which is also the IRI of the issue's named graph."""
        return self.ns[f"issue/{_month(issue_month)}"]

    def item(self, issue_month: str, item: str) -> URIRef:
        """An item of an issue: ``item`` is its number, or a title (then hashed)."""
        local = item if item.isdigit() else digest(item, length=10)
        return self.ns[f"item/{_month(issue_month)}/{local}"]

    def assertion(self, *parts: str) -> URIRef:
        """A reified statement; ``parts`` identify it (triple, issue, evidence span)."""
        return self.ns[f"assertion/{digest(*parts)}"]

    def role(self, person: str, title: str, organisation: str, issue_month: str) -> URIRef:
        """A role held by ``person`` as stated in one issue (same inputs, same IRI)."""
        return self.ns[f"role/{digest(person, title.casefold(), organisation, issue_month)}"]

    def periodical(self, name: str) -> URIRef:
        """A venue known only by name (a journal on a publication), keyed by its hashed name."""
        return self.ns[f"publication/venue-{digest(name.casefold(), length=12)}"]

    def component(self, name: str) -> URIRef:
        """The pipeline component (a software agent) that produced a statement."""
        slug = _SAFE.sub("-", name.casefold()).strip("-") or "unknown"
        return self.ns[f"component/{slug}"]

    @property
    def ontology_graph(self) -> URIRef:
        """Named graph holding the ontology's alignment axioms (exported)."""
        return self.ns["ontology"]

    @property
    def meta_graph(self) -> URIRef:
        """Named graph of the store's bookkeeping (issue content hashes; not exported)."""
        return self.ns["meta"]

    def kind_of(self, iri: str) -> EntityKind | None:
        """The entity kind of an IRI minted here (topic-scheme concepts are topics)."""
        if iri.startswith(str(TOPIC)):
            return EntityKind.TOPIC
        for kind, segment in KIND_SEGMENT.items():
            if iri.startswith(str(self.ns[segment + "/"])):
                return kind
        return None

    def issue_month(self, issue: str) -> str | None:
        """The ``YYYY-MM`` of an issue IRI minted here, else ``None``."""
        prefix = str(self.ns["issue/"])
        month = issue[len(prefix) :] if issue.startswith(prefix) else ""
        return month if _MONTH.fullmatch(month) else None
