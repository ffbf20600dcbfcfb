"""The configured vocabularies the extraction rules read, as plain tuples.

Org-kind keywords, partner organisations and topic labels live under
``ontology/`` (``org_kinds.yaml``, ``partners.yaml``, ``topics.ttl``) and are
loaded by :mod:`partnerkg.ontology.vocabularies`; this module only reshapes them
for spaCy matchers. The other word lists of the organisation rules
(the lists at the end of ``org_kinds.yaml``) are read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from partnerkg.errors import OntologyError
from partnerkg.ontology import vocabularies


@dataclass(frozen=True)
class Partner:
    """A configured partner organisation: its name, other names and kind."""

    name: str
    aliases: tuple[str, ...]
    org_kind: str | None


@dataclass(frozen=True)
class TopicLabel:
    """One preferred or alternative label of a topic-scheme concept."""

    concept: str
    label: str


@cache
def org_kind_keywords() -> dict[str, tuple[str, ...]]:
    """``org_kind`` -> keywords (``University``, ``School of`` …), in rule order."""
    kinds: dict[str, tuple[str, ...]] = {}
    for rule in vocabularies.load_org_kind_rules():
        kinds[rule.kind] = kinds.get(rule.kind, ()) + rule.keywords
    return kinds


#: Kinds whose multi-word keywords, standing alone, name a kind of body and not one
#: ("Interest Group", "Medical School"); a government or charity keyword can be a name
#: ("NHS England", "Royal Society").
_GENERIC_KINDS = ("group", "research_institute", "university", "hospital", "funder")


@cache
def kind_phrases() -> frozenset[str]:
    """Multi-word keywords that name a kind of organisation, not one ("Interest Group")."""
    keywords = org_kind_keywords()
    return frozenset(k for kind in _GENERIC_KINDS for k in keywords.get(kind, ()) if " " in k)


@cache
def org_head_words() -> tuple[str, ...]:
    """Head word of each keyword: the last capitalised word ("Interest Group" -> "Group",
    "School of" -> "School"), i.e. the word an organisation name ends on or turns on."""
    words = set()
    for keywords in org_kind_keywords().values():
        for keyword in keywords:
            if " and " in keyword:  # "Research and Innovation" names a field, not a head word
                continue
            capitalised = [w for w in keyword.split() if w[:1].isupper() and len(w) > 2]
            if capitalised:
                words.add(capitalised[-1])
    return tuple(sorted(words))


@cache
def modifier_heads() -> frozenset[str]:
    """Head words only whole names give ("NHS Digital" -> "Digital", "NHS England" ->
    "England"): they end a name ("Genomics England") but, before another capitalised word,
    modify it ("Crafting Digital Twins")."""
    keywords = [k.split() for ks in org_kind_keywords().values() for k in ks]
    whole = [words for words in keywords if len(words) > 1 and words[0].isupper()]
    return frozenset({w[-1] for w in whole} - {w[-1] for w in keywords if w not in whole})


@cache
def partners() -> tuple[Partner, ...]:
    """Configured partner organisations."""
    return tuple(Partner(p.name, p.aliases, p.kind) for p in vocabularies.load_partners().partners)


def is_partner_name(text: str) -> bool:
    """``text`` is a configured partner's name or one of its aliases."""
    return text in _partner_names()


def joins_partners(text: str) -> bool:
    """``text`` is partners' names joined by a dash ("Acme-Beta"): the partnership, not one
    partner."""
    parts = text.replace("–", "-").split("-")
    return len(parts) > 1 and all(is_partner_name(part.strip()) for part in parts)


@cache
def _partner_names() -> frozenset[str]:
    return frozenset(n for p in partners() for n in (p.name, *p.aliases))


@cache
def partner_words() -> frozenset[str]:
    """Every word of the partners' names and aliases ("Turing", "Roche")."""
    return frozenset(w for name in _partner_names() for w in name.split())


@cache
def partnership_name() -> str:
    """The partnership the newsletters speak for ("our series", "join us")."""
    return vocabularies.load_partners().name


@cache
def partnership_aliases() -> tuple[str, ...]:
    """Other names of the partnership ("Turing-Roche partnership")."""
    return tuple(vocabularies.load_partners().aliases)


@cache
def topic_labels() -> tuple[TopicLabel, ...]:
    """Every pref/alt label of the SKOS topic scheme."""
    return tuple(
        TopicLabel(str(concept), label) for label, concept in vocabularies.topic_index().items()
    )


def org_kind_of(name: str) -> str | None:
    """The configured kind of a partner, else of the first keyword rule that matches."""
    for partner in partners():
        if name == partner.name or name in partner.aliases:
            return partner.org_kind
    return vocabularies.org_kind_for(name)


@dataclass(frozen=True)
class NameWords:
    """The word lists at the end of ``ontology/org_kinds.yaml`` (lower case)."""

    generic_heads: frozenset[str]
    word_prefixes: tuple[str, ...]
    word_suffixes: tuple[str, ...]
    org_context_words: frozenset[str]
    event_modifiers: frozenset[str]
    lower_heads: tuple[str, ...]
    name_phrases: tuple[str, ...]


@cache
def name_words() -> NameWords:
    """Generic org heads, derivation affixes, organisation-context words and event
    modifiers."""
    text = (resources.files("partnerkg.ontology") / "org_kinds.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    try:
        lists = {key: [str(w).lower() for w in data[key]] for key in (
            "generic_heads", "word_prefixes", "word_suffixes", "org_context_words",
            "event_modifiers", "lower_heads", "name_phrases")}
    except (KeyError, TypeError) as error:
        raise OntologyError(
            f"ontology/org_kinds.yaml lacks the list {error}; see the comment above it"
        ) from error
    return NameWords(
        frozenset(lists["generic_heads"]),
        tuple(sorted(lists["word_prefixes"], key=len, reverse=True)),
        tuple(sorted(lists["word_suffixes"], key=len, reverse=True)),
        frozenset(lists["org_context_words"]),
        frozenset(lists["event_modifiers"]),
        tuple(lists["lower_heads"]),
        tuple(lists["name_phrases"]),
    )


@cache
def topic_label_set() -> frozenset[str]:
    """Every topic label, lower case: a name equal to one is a topic, not an organisation."""
    return frozenset(label.label.lower() for label in topic_labels())


@cache
def topic_words() -> frozenset[str]:
    """The words of every topic label ("data", "science"), lower case."""
    return frozenset(word for label in topic_label_set() for word in label.split())
