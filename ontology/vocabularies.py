"""The ontology package's data files, loaded as typed values (package data, no paths).

``partnerkg.ttl`` (the ontology), ``shapes.ttl`` (SHACL), ``topics.ttl`` (SKOS topic
scheme), ``partners.yaml`` and ``org_kinds.yaml``; their formats are in README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from partnerkg.errors import OntologyError

ORG_KINDS = frozenset(
    {"university", "company", "research_institute", "hospital", "funder", "charity",
     "government", "group", "other"}
)


@dataclass(frozen=True)
class Partner:
    """A partner organisation of the configured partnership."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Partnership:
    """The partnership the newsletters report on, and its partner organisations."""

    name: str
    aliases: tuple[str, ...]
    partners: tuple[Partner, ...]

    def canonical_name(self, surface: str) -> str | None:
        """The partner whose name or alias is exactly ``surface`` (e.g. "the Turing")."""
        for partner in self.partners:
            if surface == partner.name or surface in partner.aliases:
                return partner.name
        return None


@dataclass(frozen=True)
class OrgKindRule:
    """Keywords that, found as whole words in a name, give the organisation a kind."""

    kind: str
    keywords: tuple[str, ...]
    ignore_case: bool = False

    def matches(self, name: str) -> bool:
        return self._pattern.search(name) is not None

    def last_match(self, name: str, before: int) -> tuple[int, int] | None:
        """(end, -start) of the last, then longest, keyword found in ``name`` that starts
        before ``before``; None when there is none."""
        return max(((m.end(), -m.start()) for m in self._pattern.finditer(name)
                    if m.start() < before), default=None)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        """All keywords in one compiled pattern (a search per keyword cost 2 s a corpus build)."""
        alternatives = "|".join(re.escape(keyword) for keyword in self.keywords) or "(?!)"
        flags = re.IGNORECASE if self.ignore_case else 0
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def _text(name: str) -> str:
    try:
        return files("partnerkg.ontology").joinpath(name).read_text("utf-8")
    except FileNotFoundError as error:
        raise OntologyError(
            f"ontology data file {name} is missing; reinstall partnerkg or run `make ontology`"
        ) from error


def _turtle(name: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(data=_text(name), format="turtle")
    except SyntaxError as error:
        raise OntologyError(f"ontology/{name} is not valid Turtle: {error}") from error
    return graph


def _yaml(name: str) -> dict:
    try:
        data = yaml.safe_load(_text(name))
    except yaml.YAMLError as error:
        raise OntologyError(f"ontology/{name} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise OntologyError(f"ontology/{name} must be a mapping; see ontology/README.md")
    return data


def load_ontology() -> Graph:
    """The OWL ontology (``partnerkg.ttl``) as an rdflib Graph (a fresh copy)."""
    return _turtle("partnerkg.ttl")


def load_shapes() -> Graph:
    """The SHACL shapes (``shapes.ttl``)."""
    return _turtle("shapes.ttl")


def load_topic_scheme() -> Graph:
    """The SKOS topic scheme (``topics.ttl``)."""
    return _turtle("topics.ttl")


@cache
def topic_index() -> dict[str, URIRef]:
    """Lower-cased preferred and alternative labels -> concept IRI, for matching text."""
    scheme = load_topic_scheme()
    index: dict[str, URIRef] = {}
    for concept in scheme.subjects(RDF.type, SKOS.Concept):
        for predicate in (SKOS.altLabel, SKOS.prefLabel):  # prefLabel wins a clash
            for label in scheme.objects(concept, predicate):
                index[str(label).casefold()] = URIRef(str(concept))
    return index


def _check_kind(kind: object, where: str) -> str:
    if kind not in ORG_KINDS:
        raise OntologyError(
            f"{where}: org kind {kind!r} is not one of {sorted(ORG_KINDS)}; fix the YAML file"
        )
    return str(kind)


@cache
def load_partners() -> Partnership:
    """The partnership and partner organisations (``partners.yaml``)."""
    data = _yaml("partners.yaml")
    try:
        head = data["partnership"]
        partners = tuple(
            Partner(
                name=str(entry["name"]),
                kind=_check_kind(entry["kind"], f"partners.yaml, partner {entry['name']!r}"),
                aliases=tuple(str(a) for a in entry.get("aliases", [])),
                parent=entry.get("parent"),
                url=entry.get("url"),
            )
            for entry in data["partners"]
        )
        return Partnership(str(head["name"]), tuple(map(str, head.get("aliases", []))), partners)
    except (KeyError, TypeError) as error:
        raise OntologyError(
            f"ontology/partners.yaml lacks {error}; each partner needs name and kind "
            "(see ontology/README.md)"
        ) from error


@cache
def load_org_kind_rules() -> tuple[OrgKindRule, ...]:
    """The ordered keyword rules of ``org_kinds.yaml``."""
    data = _yaml("org_kinds.yaml")
    try:
        return tuple(
            OrgKindRule(
                kind=_check_kind(rule["kind"], f"org_kinds.yaml, rule {number}"),
                keywords=tuple(str(k) for k in rule["keywords"]),
                ignore_case=bool(rule.get("ignore_case", False)),
            )
            for number, rule in enumerate(data["rules"], start=1)
        )
    except (KeyError, TypeError) as error:
        raise OntologyError(
            f"ontology/org_kinds.yaml lacks {error}; each rule needs kind and keywords"
        ) from error


_COMPLEMENT = re.compile(r"\s(?:of|for|on)\s")


@cache
def org_kind_for(name: str) -> str | None:
    """The kind the name's head word gives: the last (then longest) keyword before any
    "of/for/on" complement ("Data Analytics and Imaging Group" is a group, "Leeds Institute
    for Data Analytics" an institute); on a tie, the first rule; None when no keyword occurs.

    >>> org_kind_for("University College London")
    'university'
    >>> org_kind_for("Oxford University Hospitals NHS Foundation Trust")
    'hospital'
    """
    complement = _COMPLEMENT.search(name)
    before = complement.start() if complement else len(name)
    best: tuple[tuple[int, int], str] | None = None
    for rule in load_org_kind_rules():
        found = rule.last_match(name, before)
        if found is not None and (best is None or found > best[0]):
            best = (found, rule.kind)
    if best is not None:
        return best[1]
    return next((rule.kind for rule in load_org_kind_rules() if rule.matches(name)), None)
