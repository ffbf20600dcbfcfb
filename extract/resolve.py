"""Resolution: one entity per real-world thing, within an issue and across issues.

Mentions are grouped by name compatibility, never by name plus type, so a person
tagged organisation once stays one entity whose kind is then chosen by a
confidence-weighted vote. The rules, cheapest first:

1. same normalised name (titles, accents, possessives, "the", punctuation ignored),
   a configured partner alias, a nickname variant, an explicit acronym or an explicit
   ``refers_to`` back-reference from the pipeline;
2. a bare acronym ("LSHTM") to the one name whose initials it spells;
3. a first name or surname alone ("Chris") to the one full-name person of the same
   item, else of the same issue; an initial ("J. Smith") to the one compatible person;
   an organisation name to the one qualified form of it in the same issue
   ("Centre for Data Science" -> "UCL Centre for Data Science");
4. fuzzy names (rapidfuzz) inside blocks that share a surname, first name or title
   opening; first names must agree, so two people who share a surname stay apart, and a
   surname spelt differently is only trusted inside one issue;
   organisation and title spellings must be 95 % alike.

Every step looks things up in dictionaries keyed by normalised tokens, so work grows
with the number of mentions, not with its square.

Keys (``Entity.key``) are ``<slug>-<hash>`` of the entity's *anchor*: its fullest name
in the earliest issue that mentions it (a curation split part: the part's name). The
key is independent of processing order and of later issues; a fuller name appearing
later changes ``name`` but not the key. Its limit: adding an *earlier* issue, or a
merge of two known entities (the earliest-seen key survives), can change a key.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TypeVar

from rapidfuzz import fuzz

from partnerkg.extract import lexicon, names
from partnerkg.extract.curation import Curation, RelationEdit, SplitPart, load_curation
from partnerkg.extract.items import names_event
from partnerkg.extract.model import (
    DATE_ATTRIBUTES,
    Entity,
    EntityKind,
    Extraction,
    Fact,
    IssueRecord,
    Mention,
    Relation,
    Resolved,
    SourceSpan,
)
from partnerkg.extract.roles import ROLE_NOUNS

__all__ = ["resolve", "load_curation"]

log = logging.getLogger(__name__)

#: Tie-break when two kinds get the same vote (named agents first).
_KIND_ORDER = tuple(EntityKind)
#: Kinds whose names are titles, fuzzily matched inside blocks of the first two words
#: (organisations: blocks of first word, start of last word and word count).
_TITLED = frozenset({EntityKind.EVENT, EntityKind.PUBLICATION})
_PERSON_FUZZ = 90
_TITLE_FUZZ = 95
# Words an organisation's name may drop or add without naming something else.
_ORG_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "at", "in"})
#: Nouns a company calls the same unit by ("group", "chapter") in names of five words or more
_UNIT_NOUNS = frozenset({"group", "team", "chapter", "unit"})
#: British spellings in organisation names, as their American forms
_US_SPELLING = {"centre": "center", "modelling": "modeling", "programme": "program",
                "organisation": "organization", "behavioural": "behavioral",
                "paediatric": "pediatric", "paediatrics": "pediatrics", "tumour": "tumor",
                "haematology": "hematology", "labour": "labor", "optimisation": "optimization"}
_DROPPED_ATTRIBUTES = frozenset({"refers_to", "acronym"})
_CLOSING_PARENS = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


@dataclass(slots=True)
class _Occurrence:
    """A mention with what resolution derives from it."""

    mention: Mention
    issue: str
    uid: str
    forms: tuple[str, ...]  # display names, first the cleaned surface
    keys: tuple[str, ...]  # exact-match keys (normalised, namespaced)
    context: str = ""


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    name: str | None = None  # curated name
    anchor: str | None = None  # curated anchor (split parts)
    key: str = ""


@cache
def _partner_names() -> dict[str, str]:
    """Normalised alias -> configured name, for the partnership and each partner
    (``ontology/partners.yaml``)."""
    from partnerkg.ontology.vocabularies import load_partners

    partnership = load_partners()
    table: dict[str, str] = {}
    for name, aliases in [(partnership.name, partnership.aliases),
                          *((p.name, p.aliases) for p in partnership.partners)]:
        for alias in (name, *aliases):
            table.setdefault(names.normalise(alias), name)
    return table


def _without_partner_prefix(tokens: list[str]) -> list[str]:
    """Normalised name tokens without a leading partner name ("turing institute", "turing s"),
    when at least three remain."""
    for end in range(len(tokens) - 3, 0, -1):
        if " ".join(tokens[:end]) in _partner_names():
            return tokens[end + (tokens[end] == "s") :]
    return tokens


@cache
def _partner_words() -> frozenset[str]:
    """The one-word names of the partners and the partnership ("turing", "roche")."""
    return frozenset(alias for alias in _partner_names() if " " not in alias)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return found


def resolve(extractions: Sequence[Extraction], curation: Curation | None = None) -> Resolved:
    """Merge the mentions of ``extractions`` into entities and their assertions into facts.

    Parameters
    ----------
    extractions : Sequence[Extraction]
        One per newsletter issue, in any order.
    curation : Curation, optional
        Corrections from ``load_curation``; applied after the machine, so they win.

    Returns
    -------
    Resolved
        Entities (sorted by key), facts deduplicated per issue, and one issue record
        per extraction.
    """
    curation = curation or Curation()
    occurrences = _occurrences(extractions)
    union = _UnionFind(len(occurrences))
    _link_exact(occurrences, union)
    _link_acronyms(occurrences, union)
    _link_embedded_acronyms(occurrences, union)
    _link_people(occurrences, union)
    _link_qualified(occurrences, union)
    _link_fuzzy(occurrences, union)
    _link_same_day_events(occurrences, union)
    spilled = _link_spilled(occurrences, union)
    _link_short_forms(occurrences, union)
    clusters = [_Cluster(members) for members in union.groups().values()]
    clusters = [part for cluster in clusters for part in _split_events(cluster, occurrences)]
    _assign_keys(clusters, occurrences)
    clusters = _curate_clusters(clusters, occurrences, curation)
    entities = _without_shared_first_names(
        {c.key: _entity(c, occurrences, spilled) for c in clusters})
    owner = {occurrences[i].uid: c.key for c in clusters for i in c.members}
    entities = _curate_entities(entities, curation)
    facts = _facts(extractions, owner, entities)
    facts = _curate_facts(facts, entities, curation)
    issues = _issue_records(extractions, owner, entities, facts)
    return Resolved(
        tuple(entities[k] for k in sorted(entities)),
        tuple(sorted(facts, key=_fact_order)),
        issues,
    )


# -- occurrences -------------------------------------------------------------------------


def _occurrences(extractions: Sequence[Extraction]) -> list[_Occurrence]:
    found = []
    ordered = sorted(extractions, key=lambda e: (e.newsletter.issue_month, e.newsletter.source))
    for extraction in ordered:
        issue = extraction.newsletter.issue_month
        context: dict[str, list[str]] = defaultdict(list)
        for assertion in extraction.assertions:
            for mention_id in (assertion.subject, assertion.object):
                context[mention_id].append(assertion.evidence.text)
        for mention in extraction.mentions:
            forms = _forms(mention)
            if not forms:
                continue
            text = " ".join([mention.item_title or "", mention.span.text, *context[mention.id]])
            found.append(_Occurrence(mention, issue, _uid(issue, mention.id), forms,
                                     _keys(mention, issue, forms), text))
    return found


def _uid(issue: str, mention_id: str) -> str:
    return f"{issue}/{mention_id}"


def _forms(mention: Mention) -> tuple[str, ...]:
    """Display names a mention supports: cleaned text, variants, an explicit acronym."""
    clean = names.clean_surface(mention.text)
    if mention.kind is EntityKind.PERSON:
        clean = _without_leading_role(clean)
    if not names.normalise(clean):
        return ()
    forms = [clean]
    if mention.kind is EntityKind.PERSON:
        forms.extend(names.person_variants(clean))
    else:
        plain = names.without_parentheses(clean)
        if plain and plain != clean:
            forms.append(plain)
        if mention.kind is EntityKind.ORGANISATION:
            forms.extend(_acronyms(mention, clean, plain))
    return tuple(dict.fromkeys(f for f in forms if names.normalise(f)))


def _without_leading_role(name: str) -> str:
    """ "Theme Lead Chris Harbron" -> "Chris Harbron": a title a name span took from the words
    before it, up to its last role noun; kept when fewer than two words would remain."""
    words = name.split(" ")
    roles = [i for i, word in enumerate(words[:-2]) if word.lower() in ROLE_NOUNS]
    return " ".join(words[roles[-1] + 1 :]) if roles else name


def _acronyms(mention: Mention, clean: str, plain: str) -> list[str]:
    """An organisation's short form: a closing "(HDR UK)" or the pipeline's ``acronym``,
    kept only when it fits the name ("Genentech (Roche)" is no acronym)."""
    closing = _CLOSING_PARENS.match(clean)
    candidates = [closing[2]] if closing else []
    candidates.append(mention.attributes.get("acronym", ""))
    return [c.strip() for c in candidates
            if c.strip() and names.looks_like_acronym(c) and names.acronym_fits(c, plain)]


def _keys(mention: Mention, issue: str, forms: Iterable[str]) -> tuple[str, ...]:
    if mention.kind is EntityKind.TOPIC:
        concept = mention.attributes.get("concept")
        return (f"topic:{concept or names.normalise(mention.text)}",)
    partners = _partner_names()
    keys = []
    for form in forms:
        norm = names.normalise(form)
        bare = norm.removesuffix(" team")  # "The Acme Partnership team" is the partnership
        if bare in partners:
            keys.append(f"partner:{partners[bare]}")
        elif mention.kind is EntityKind.PERSON and " " not in norm:
            keys.append(f"single:{issue}:{norm}")  # a lone first name is only safe in its issue
        else:
            keys.append(f"name:{norm}")
            tokens = norm.split(" ")
            if mention.kind is EntityKind.ORGANISATION:
                # "Queen Mary University London" is "Queen Mary University of London".
                content = [t for t in tokens if t not in _ORG_FUNCTION_WORDS]
                if len("".join(content)) >= 8:  # "Astra Zeneca" is "AstraZeneca"
                    keys.append(f"organisation-compact:{''.join(content)}")
                if len(content) >= 2:  # (an acronym may be all function words: "AT")
                    keys.extend(_organisation_keys(content))
                    # "X Turing Interest Group" and "Turing Institute X Interest Group" are
                    # "X Interest Group": a partner's name inside or before a unit's name
                    # only says whose it is.
                    unit = _without_partner_prefix(content)
                    inner = [unit[0], *(t for t in unit[1:] if t not in _partner_words())]
                    if len(content) > len(inner) >= 3:
                        keys.extend(_organisation_keys(inner))
                    # "Causal Inference Interest Group" is also called "Causal Inference Group"
                    if len(inner) >= 4 and inner[-2:] == ["interest", "group"]:
                        keys.append(f"organisation:{' '.join(inner[:-2])} group")
            if mention.kind is EntityKind.EVENT:
                # "Praxis Auril 2023 Knowledge Exchange Awards" is "PraxisAuril Knowledge
                # Exchange Awards": spacing and the year aside (dates still split editions)
                compact = "".join(t for t in tokens if not _YEAR.match(t))
                if len(compact) >= 12:
                    keys.append(f"event:{compact}")
                core = _event_core(tokens)
                if core != tokens and len(core) >= 2:
                    keys.append(f"name:{' '.join(core)}")  # "AI UK 2030" is an "AI UK"
                words = _event_words(tokens)
                if len(words) >= 3:  # "Westby Symposium on Soil Data" is the "Westby Soil
                    keys.append(f"event-words:{' '.join(sorted(words))}")  # Data Symposium"
            middle = tokens[1:-1]
            if mention.kind is EntityKind.PERSON and middle and all(map(names.is_initial, middle)):
                keys.append(f"name:{tokens[0]} {tokens[-1]}")
    return tuple(dict.fromkeys(keys))


#: Words an event's name may hold or drop without naming another event
_EVENT_GLUE = frozenset({"the", "a", "an", "of", "on", "in", "for", "and", "at", "by", "s", "event",
                         "hosted", "organised", "organized", "run", "with"})


def _event_words(tokens: list[str]) -> frozenset[str]:
    """The words that name an event, in any order: its core without glue words, plurals as
    their singular ("Scholars Showcase" is "Scholar Showcase")."""
    return frozenset(_PLURAL_S.sub("", t) for t in _event_core(tokens)) - _EVENT_GLUE


_PLURAL_S = re.compile(r"(?<=[a-z]{3}[^su])s$")


def _event_core(tokens: list[str]) -> list[str]:
    """An event's name without its edition ("The 3rd Annual Acme Symposium 2030" -> "acme
    symposium") and with its head word last ("Workshop on Graphs" -> "graphs workshop")."""
    core = [t for t in tokens if not (_YEAR.match(t) or _EDITION.match(t))]
    if len(core) >= 3 and names_event(core[0]) and core[1] in ("on", "of"):
        core = [*core[2:], core[0]]
    return core


def _organisation_keys(words: list[str]) -> tuple[str, ...]:
    """An organisation's content words as they are and stemmed ("King's", "Kings" and "Kings's
    College London": no possessive, no plural; "Centre" and "Center": one spelling); a
    university by its place, before or after the word; a long unit's name whatever its unit
    noun ("Predictive Modelling and Data Analytics group" and "… chapter")."""
    words = [_US_SPELLING.get(t, t) for t in words]
    stems = [t.removesuffix("s") for t in words if t != "s"]
    keys: tuple[str, ...] = (f"organisation:{' '.join(words)}",
                             f"organisation-stem:{' '.join(stems)}")
    if len(words) == 2 and "university" in words:  # "Oxford University", "University of Oxford"
        keys += (f"university:{words[words[0] == 'university']}",)
    if len(words) >= 5 and words[-1] in _UNIT_NOUNS:
        return (*keys, f"organisation-unit:{' '.join(stems[:-1])}")
    return keys


# -- machine linking ---------------------------------------------------------------------


def _link_exact(occ: list[_Occurrence], union: _UnionFind) -> None:
    first: dict[str, int] = {}
    by_uid = {o.uid: i for i, o in enumerate(occ)}
    for i, o in enumerate(occ):
        for key in o.keys:
            union.union(first.setdefault(key, i), i)
        target = o.mention.attributes.get("refers_to")
        if target and _uid(o.issue, target) in by_uid:
            union.union(i, by_uid[_uid(o.issue, target)])


def _kind_votes(members: Iterable[int], occ: list[_Occurrence]) -> EntityKind:
    votes: dict[EntityKind, float] = defaultdict(float)
    for i in members:
        votes[occ[i].mention.kind] += max(occ[i].mention.confidence, 0.01)
    return max(votes, key=lambda k: (votes[k], -_KIND_ORDER.index(k)))


def _norms(members: Iterable[int], occ: list[_Occurrence]) -> set[str]:
    return {names.normalise(f) for i in members for f in occ[i].forms}


def _link_acronyms(occ: list[_Occurrence], union: _UnionFind) -> None:
    """A bare acronym joins the one (preferably co-occurring) name whose initials it spells."""
    groups = union.groups()
    spelled: dict[str, set[int]] = defaultdict(set)
    short: list[tuple[int, str]] = []
    for root, members in groups.items():
        if _kind_votes(members, occ) is not EntityKind.ORGANISATION:
            continue
        for i in members:
            for form in occ[i].forms:
                if names.looks_like_acronym(form) and len(names.tokens(form)) <= 2:
                    short.append((root, names.acronym_key(form)))
                else:  # (one word spells its capitals: "GlaxoSmithKline")
                    acronym = names.acronym_of(form)
                    if acronym:
                        spelled[acronym].add(root)
    issues = {root: {occ[i].issue for i in members} for root, members in groups.items()}
    for root, acronym in short:
        if root in spelled.get(acronym, set()):
            continue  # its own long name already explains it
        candidates = spelled.get(acronym, set()) - {root}
        if len(candidates) > 1:
            candidates = {c for c in candidates if issues[c] & issues[root]}
        if len(candidates) == 1:
            union.union(root, candidates.pop())


#: scope (issue or year), kind, the words before, the acronym, the words after
_AcronymKey = tuple[str, EntityKind, tuple[str, ...], str, tuple[str, ...]]
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: Words that number an event's edition ("3rd"), which tell editions apart, and words
#: that only say it has editions ("Annual")
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth)$")
_EDITION = re.compile(_ORDINAL.pattern + r"|^(?:annual|inaugural)$")


def _link_embedded_acronyms(occ: list[_Occurrence], union: _UnionFind) -> None:
    """A name with an acronym among its words joins the one name of the same issue and kind
    that spells the acronym out between the same words: "ICLR 2026" and "The 10th
    International Conference on Learning Representations", "RSS Conference 2025" and "Royal
    Statistical Society Conference", "University of Edinburgh CDT" and "University of
    Edinburgh UKRI Centre for Doctoral Training". Years, ordinals and other acronyms among
    the surrounding words do not count; an organisation needs surrounding words (a bare
    acronym is :func:`_link_acronyms`' job). An event's year (named, or of its date) counts
    as its issue: "SMC 2030" in one issue is "Soil Modelling Conference" dated 2030 in
    another."""
    named: list[tuple[int, EntityKind, str, list[str]]] = []  # root, kind, scope, words
    for root, members in union.groups().items():
        kind = _kind_votes(members, occ)
        if kind in (EntityKind.EVENT, EntityKind.ORGANISATION):
            for i in members:
                for form in occ[i].forms:
                    words = [w for w in form.split() if not _ORDINAL.match(w)]
                    words = words[1:] if words[:1] in (["The"], ["the"]) else words
                    named += [(root, kind, scope, words)
                              for scope in _acronym_scopes(occ[i], kind, form)]
    short: list[tuple[int, _AcronymKey]] = []
    for root, kind, scope, words in named:
        for k, word in enumerate(words):
            if sum(c.isupper() for c in word) < 2 or not (
                    word.isalpha() and names.looks_like_acronym(word)):
                continue
            before, after = _context(words[:k]), _context(words[k + 1 :])
            if kind is EntityKind.EVENT or before or after:  # "DSxHE": its capitals spell
                letters = "".join(c for c in word if c.isupper()).lower()  # "dshe"
                short.append((root, (scope, kind, before, letters, after)))
    # spell out only where an acronym waits, from a word with its first letter, over at most
    # twice its letters in words
    waiting: dict[tuple[str, EntityKind], set[str]] = defaultdict(set)
    for _, (scope, kind, _, letters, _) in short:
        waiting[(scope, kind)].add(letters)
    spelled: dict[_AcronymKey, set[int]] = defaultdict(set)
    for root, kind, scope, words in named:
        acronyms = waiting.get((scope, kind), set())
        reach = 2 * max(map(len, acronyms), default=0) + 1
        firsts = {a[0] for a in acronyms}
        for start in (i for i, w in enumerate(words) if w[:1].lower() in firsts):
            for end in range(start + 2, min(len(words), start + reach) + 1):
                acronym = names.acronym_of(" ".join(words[start:end]))
                if acronym in acronyms:
                    spelled[(scope, kind, _context(words[:start]), acronym,
                             _context(words[end:]))].add(root)
    for root, wanted in short:
        candidates = spelled.get(wanted, set()) - {root}
        if len(candidates) == 1:
            union.union(root, candidates.pop())


def _acronym_scopes(occurrence: _Occurrence, kind: EntityKind, form: str) -> tuple[str, ...]:
    """Where an acronym may be spelled out: its issue, and an event's year."""
    date = str(occurrence.mention.attributes.get("start_date") or "")
    year = _named_year(form) or date[:4] if kind is EntityKind.EVENT else None
    return (occurrence.issue, year) if year else (occurrence.issue,)


def _context(words: list[str]) -> tuple[str, ...]:
    """The words around an acronym that must agree: no years, no other acronyms."""
    return tuple(w.lower() for w in words
                 if not _YEAR.match(w) and not (w.isupper() and len(w) > 1))


def _link_qualified(occ: list[_Occurrence], union: _UnionFind) -> None:
    """An organisation name of three or more words joins the one organisation that, in the
    same issues, is it with a qualifier in front ("Centre for Data Science" and
    "UCL Centre for Data Science"); a name of five or more words, the one in any issue;
    ambiguity anywhere leaves it alone."""
    groups = union.groups()
    orgs = {r: m for r, m in groups.items() if _kind_votes(m, occ) is EntityKind.ORGANISATION}
    by_tail: dict[tuple[str, tuple[str, ...]], set[tuple[int, str]]] = defaultdict(set)
    for root, members in orgs.items():
        for i in members:
            tokens = tuple(names.normalise(occ[i].forms[0]).split(" "))
            for cut in range(1, len(tokens) - 2):
                for issue in (occ[i].issue, _ANY_ISSUE):
                    by_tail[(issue, tokens[cut:])].add((root, " ".join(tokens)))
    for root, members in orgs.items():
        targets = set()
        for i in members:
            tokens = tuple(names.normalise(occ[i].forms[0]).split(" "))
            if len(tokens) >= 3:
                issue = occ[i].issue if len(tokens) < _DISTINCT_NAME_WORDS else _ANY_ISSUE
                targets |= {r for r, _ in by_tail.get((issue, tokens), ())} - {root}
        if len(targets) == 1:
            union.union(root, targets.pop())


#: A name this long is distinctive enough to join its qualified form across issues.
_DISTINCT_NAME_WORDS = 5
_ANY_ISSUE = ""


@dataclass(slots=True)
class _PersonIndex:
    """Full-name people by first name and surname, per issue and overall."""

    by_first: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    by_last: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    last_anywhere: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    firsts: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))


def _full_name_tokens(members: Iterable[int], occ: list[_Occurrence]) -> list[tuple[str, ...]]:
    found = []
    for norm in _norms(members, occ):
        tokens = tuple(norm.split(" "))
        if len(tokens) >= 2 and not names.is_initial(tokens[0]):
            found.append(tokens)
    return found


def _link_people(occ: list[_Occurrence], union: _UnionFind) -> None:
    """First names, surnames and initials to the one compatible full-name person."""
    groups = union.groups()
    people = {r: m for r, m in groups.items() if _kind_votes(m, occ) is EntityKind.PERSON}
    index = _PersonIndex()
    items: dict[int, set[tuple[str, str]]] = {}
    for root, members in people.items():
        items[root] = {(occ[i].issue, occ[i].mention.item_title or "") for i in members}
        for tokens in _full_name_tokens(members, occ):
            index.firsts[root].add(tokens[0])
            index.last_anywhere[tokens[-1]].add(root)
            for issue in {occ[i].issue for i in members}:
                index.by_first[(issue, tokens[0])].add(root)
                index.by_last[(issue, tokens[-1])].add(root)
    others: dict[tuple[str, str], set[int]] = defaultdict(set)
    for root, members in groups.items():
        if root not in people:
            for i in members:
                others[(occ[i].issue, names.normalise(occ[i].forms[0]))].add(root)
    for root, members in people.items():
        if root in index.firsts:
            continue
        target = _person_target(root, members, occ, index, items)
        if target is None:  # a one-word name typed person once, something else elsewhere
            same = {r for i in members for r in others.get((occ[i].issue, names.normalise(
                occ[i].forms[0])), set())}
            target = next(iter(same)) if len(same) == 1 else None
        if target is not None:
            union.union(root, target)


def _person_target(
    root: int, members: list[int], occ: list[_Occurrence], index: _PersonIndex,
    items: Mapping[int, set[tuple[str, str]]],
) -> int | None:
    for norm in sorted(_norms(members, occ)):
        tokens = norm.split(" ")
        issue = occ[members[0]].issue
        if len(tokens) == 1:
            for table in (index.by_first, index.by_last):
                found = _unique(table.get((issue, tokens[0]), set()), items[root], items)
                if found is not None:
                    return found
        elif names.is_initial(tokens[0]):
            compatible = {
                r for r in index.last_anywhere.get(tokens[-1], set())
                if any(first.startswith(tokens[0]) for first in index.firsts[r])
            }
            issues = {occ[i].issue for i in members}
            local = {r for r in compatible if any(issue in issues for issue, _ in items[r])}
            for candidates in (local, compatible):
                if len(candidates) == 1:
                    return next(iter(candidates))
                if candidates:
                    break
    return None


def _unique(candidates: set[int], where: set[tuple[str, str]],
            items: Mapping[int, set[tuple[str, str]]]) -> int | None:
    """The single candidate of the same item, else the single candidate of the issue."""
    same_item = {c for c in candidates if items[c] & where}
    for pool in (same_item, candidates):
        if len(pool) == 1:
            return next(iter(pool))
        if pool:
            return None
    return None


def _link_fuzzy(occ: list[_Occurrence], union: _UnionFind) -> None:
    """Near-identical names inside small blocks (surname, first name, title opening)."""
    groups = union.groups()
    blocks: dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    dates = {r: {occ[i].mention.attributes.get("start_date") for i in m} - {None}
             for r, m in groups.items()}
    issues = {r: {occ[i].issue for i in m} for r, m in groups.items()}
    for root, members in groups.items():
        kind = _kind_votes(members, occ)
        if kind is EntityKind.PERSON:
            for tokens in _full_name_tokens(members, occ):
                blocks[("last", tokens[-1])].append((root, tokens))
                blocks[("first", tokens[0])].append((root, tokens))
        elif kind in _TITLED:
            for norm in _norms(members, occ):
                tokens = tuple(norm.split(" "))
                if len(tokens) >= 3:
                    blocks[(kind.value, *tokens[:2])].append((root, tokens))
        elif kind is EntityKind.ORGANISATION:
            for norm in _norms(members, occ):
                tokens = tuple(norm.split(" "))
                if len(tokens) >= 2 and len(norm) >= 10:  # "Predictive Modelling"/"Modeling"
                    size = str(len(tokens))
                    blocks[(kind.value, tokens[0], tokens[-1][:3], size)].append((root, tokens))
                    # a slip in the first word: "Minstry of Justice", "Kings College London"
                    blocks[(kind.value, tokens[0][:3], tokens[-1], size)].append((root, tokens))
    for block, entries in blocks.items():
        for a, b in _pairs(entries):
            ra, rb = union.find(a[0]), union.find(b[0])
            if ra == rb:
                continue
            if block[0] == "last":
                if _same_person(a[1], b[1], by_surname=True):
                    union.union(ra, rb)
            elif block[0] == "first":
                if issues[a[0]] & issues[b[0]] and _same_person(a[1], b[1], by_surname=False):
                    union.union(ra, rb)
            elif not (dates[a[0]] and dates[b[0]] and dates[a[0]] != dates[b[0]]):
                if fuzz.ratio(" ".join(a[1]), " ".join(b[1])) >= _TITLE_FUZZ:
                    union.union(ra, rb)


def _link_same_day_events(occ: list[_Occurrence], union: _UnionFind) -> None:
    """Events on the same one day whose names differ by words that name no event ("Westby
    Soil Data Symposium 2030" and "Soil Data Symposium 2030", both on 12 May): one event
    (not "Acme Conference" and its "Acme Conference Graphs Workshop"). Over the same several
    days a name may add more ("Westby Summer School" and "Westby Summer School in Statistical
    Machine Learning", both 1-5 July)."""
    by_day: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    spans: dict[int, tuple[str, str]] = {}
    every_word: dict[int, frozenset[str]] = {}  # of all the group's names
    for root, members in union.groups().items():
        if _kind_votes(members, occ) is not EntityKind.EVENT:
            continue
        dates = {d for i in members if (d := occ[i].mention.attributes.get("start_date"))}
        ends = {d for i in members if (d := occ[i].mention.attributes.get("end_date"))}
        if len(dates) == 1:
            day = next(iter(dates))
            words = [_event_words(norm.split(" ")) for norm in _norms(members, occ)]
            by_day[day] += [(root, w) for w in words]
            every_word[root] = frozenset().union(*words)
            if len(ends) == 1 and ends != dates:
                spans[root] = (day, next(iter(ends)))
    for entries in by_day.values():
        for (a, small), (b, large) in _pairs(entries):
            if len(small) > len(large):
                (a, small), (b, large) = (b, large), (a, small)
            same_days = a in spans and spans[a] == spans.get(b)
            # "Workshop: Synthetic Data at the Acme Summit" is also "Synthetic Data at the
            # Acme Summit": no name of the larger group may add an event word
            if len(small) >= 2 and small < large and (len(large - small) <= 2 or same_days) and (
                    not any(names_event(w) for w in every_word[b] - every_word[a])) and (
                    _names_an_event(small)):
                union.union(union.find(a), union.find(b))


_SEASONS = frozenset({"summer", "winter", "spring", "autumn"})
#: Heads of an event's name that name a time (and so no event in a sentence of their own)
_TIME_HEADS = frozenset({"day", "week"})


def _names_an_event(words: frozenset[str]) -> bool:
    """A word of ``words`` heads an event's name ("symposium", "Data Science Day"), or they
    hold a "summer school" ("school" alone names a university's part)."""
    return any(names_event(w) for w in words) or bool(words & _TIME_HEADS) or (
        "school" in words and bool(words & _SEASONS))


def _link_spilled(occ: list[_Occurrence], union: _UnionFind) -> set[str]:
    """An organisation name that is another one of the same issue plus one trailing word
    ("Centre for X Research" from a heading "Centre for X Research Showcase") joins it,
    unless that word is itself an organisation's head ("X Institute") or an acronym.
    Returns the names whose extra word is an event modifier ("Research"): never a label."""
    heads = {w.lower() for w in lexicon.org_head_words()}
    groups = union.groups()
    orgs = {r: m for r, m in groups.items() if _kind_votes(m, occ) is EntityKind.ORGANISATION}
    known: dict[tuple[str, str], set[int]] = defaultdict(set)
    for root, members in orgs.items():
        for i in members:
            known[(occ[i].issue, names.normalise(occ[i].forms[0]))].add(root)
    spilled = set()
    for root, members in orgs.items():
        for i in members:
            surface = occ[i].forms[0]
            norm = names.normalise(surface)
            *body, tail = norm.split(" ")
            if len(body) < 2 or tail in heads or names.looks_like_acronym(surface.split()[-1]):
                continue
            targets = known.get((occ[i].issue, " ".join(body)), set()) - {root}
            if len(targets) == 1:
                union.union(root, targets.pop())
                if tail in lexicon.name_words().event_modifiers:
                    spilled.add(norm)
    return spilled


def _link_short_forms(occ: list[_Occurrence], union: _UnionFind) -> None:
    """A one- or two-word organisation name joins the one organisation, in any issue, that is
    it plus a head word and at most a place ("Queen Mary" -> "Queen Mary University of
    London", "Imperial" -> "Imperial College London"); a longer complement ("Cambridge Centre
    for X") names something else, and acronyms and partners have their own rules. A longer
    name with no kind word of its own joins the one that adds just a head word ("Data Science
    for Health Equity" -> "… Community"); a name of three or more words ending on its head
    word joins the one that adds a place or a "for"/"of" complement ("Acme Design Centre" ->
    "… London", "Acme Business School" -> "… for Health"); a lone place joins the one
    university named after it ("Oxford" -> "University of Oxford"); two head words join the
    one name that qualifies them ("University Network" -> "Acme University Network"); a name's
    first words and head join the one name that adds words between them ("Acme-RSS lab" ->
    "Acme-RSS Health Data Lab")."""
    heads = {w.lower() for w in lexicon.org_head_words()}
    groups = union.groups()
    orgs = {r: m for r, m in groups.items() if _kind_votes(m, occ) is EntityKind.ORGANISATION}
    longer: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for root, members in orgs.items():
        for norm in _norms(members, occ):
            tokens = tuple(norm.split(" "))
            for cut in (1, 2):
                rest = tokens[cut:]
                if rest and rest[0] in heads and len(rest) <= 3 and (
                        len(rest) < 3 or rest[1] == "of"):
                    longer[tokens[:cut]].add(root)
            if len(tokens) >= 4 and tokens[-1] in heads:  # "X for Y Community"
                longer[tokens[:-1]].add(root)
            if len(tokens) == 3 and tokens[:2] == ("university", "of"):
                longer[tokens[2:]].add(root)  # "Oxford" -> "University of Oxford"
            for end, word in enumerate(tokens[2:-1], start=2):  # "X Y School" + "for Health"
                if word in heads and (end == len(tokens) - 2 or tokens[end + 1] in ("for", "of")):
                    longer[tokens[: end + 1]].add(root)
            if len(tokens) >= 3 and all(t in heads for t in tokens[-2:]):
                longer[tokens[-2:]].add(root)  # "University Network" -> "Acme University Network"
            if tokens[-1] in heads:  # "Acme-RSS lab" -> "Acme-RSS Health Data Lab"
                for cut in range(2, len(tokens) - 1):
                    longer[(*tokens[:cut], tokens[-1])].add(root)
    partners = _partner_names()
    for root, members in orgs.items():
        targets: set[int] = set()
        for i in members:
            form = occ[i].forms[0]
            tokens = names.tokens(form)
            if (len(tokens) >= 3 or all(t in heads for t in tokens)) and tokens[-1] in heads:
                targets |= longer.get(tokens, set()) - {root}
                continue
            if tokens[-1] in heads or " ".join(tokens) in partners or names.looks_like_acronym(
                    form):
                continue
            if len(tokens) <= 2 or lexicon.org_kind_of(form) is None:
                targets |= longer.get(tokens, set()) - {root}
        if len({union.find(t) for t in targets}) == 1:
            union.union(root, targets.pop())


_Words = TypeVar("_Words", tuple[str, ...], frozenset[str])


def _pairs(entries: list[tuple[int, _Words]]) -> Iterator[tuple[tuple[int, _Words],
                                                                tuple[int, _Words]]]:
    """Each two distinct entries of different groups (an entry: group root, its words)."""
    distinct = list(dict.fromkeys(entries))
    for n, a in enumerate(distinct):
        for b in distinct[n + 1 :]:
            if a[0] != b[0]:
                yield a, b


def _same_person(a: tuple[str, ...], b: tuple[str, ...], by_surname: bool) -> bool:
    """Same surname and near-same first name, or same first name and near-same surname
    (the caller asks the latter only within one issue: Johnson and Johnston may be two)."""
    if by_surname:
        fa, fb = a[0], b[0]
        if min(len(fa), len(fb)) >= 4 and (fa.startswith(fb) or fb.startswith(fa)):
            return True  # a short form of the given name: "Chris" and "Christopher"
        return min(len(fa), len(fb)) >= 4 and fuzz.ratio(fa, fb) >= _PERSON_FUZZ
    la, lb = a[-1], b[-1]
    return min(len(la), len(lb)) >= 5 and fuzz.ratio(la, lb) >= _PERSON_FUZZ


def _split_events(cluster: _Cluster, occ: list[_Occurrence]) -> list[_Cluster]:
    """Same-named events on different dates are different events (a series' instances), unless
    every name gives the same year, the dates' (one edition, rescheduled or dated by one of
    its days); an
    undated mention joins the instance of its own issue, else a dated one its issue
    announces or has just reported (``_NEAR``), else stays apart ("AI UK" in a late-2023
    issue is the 2024 conference, not AI UK 2023)."""
    if _kind_votes(cluster.members, occ) is not EntityKind.EVENT:
        return [cluster]
    dated: dict[str, list[int]] = defaultdict(list)
    undated: list[int] = []
    for i in cluster.members:
        date = occ[i].mention.attributes.get("start_date")
        (dated[date] if date else undated).append(i)
    if not dated:
        return _split_by_named_edition(cluster, occ)
    named_years = {_named_year(occ[i].mention.text) or "" for i in cluster.members}
    edition = named_years.pop() if len(named_years) == 1 else ""
    if edition and all(d.startswith(edition) for d in dated):
        return [cluster]  # one edition ("Acme Forum 2030") on a new date: still that edition
    apart: dict[str, list[int]] = defaultdict(list)  # by the year it names, or its issue's
    for i in undated:
        year = _named_year(occ[i].mention.text)  # "the 2029 Westby Lecture": not the 2030 one
        fitting = [d for d in dated if year is None or d.startswith(year)]
        same_issue = sorted({d for d in fitting if any(occ[m].issue == occ[i].issue
                                                       for m in dated[d])})
        near = sorted(d for d in fitting if _NEAR[0] <= _months_until(d, occ[i].issue) <= _NEAR[1])
        if len(same_issue) == 1:
            dated[same_issue[0]].append(i)
        elif near:
            dated[max(near, key=lambda d: len(dated[d]))].append(i)
        else:
            apart[year or occ[i].issue[:4]].append(i)
    clusters = [*dated.values(), *apart.values()]
    if len(clusters) == 1:
        return [cluster]
    return [_Cluster(sorted(ms)) for ms in sorted(clusters, key=min)]


def _split_by_named_edition(cluster: _Cluster, occ: list[_Occurrence]) -> list[_Cluster]:
    """Undated editions the names tell apart by year ("AI UK 2029", "AI UK 2030"), then by
    number ("the 3rd Acme Symposium"); a name without one joins the one edition its issue
    names, else stays apart."""
    parts = [cluster]
    for marks in (_YEAR, _ORDINAL):
        parts = [piece for part in parts for piece in _split_by_mark(part, occ, marks)]
    return parts


def _split_by_mark(cluster: _Cluster, occ: list[_Occurrence], marks: re.Pattern[str]
                   ) -> list[_Cluster]:
    """The cluster's parts by the first word of their names ``marks`` matches."""
    by_mark: dict[str | None, list[int]] = defaultdict(list)
    for i in cluster.members:
        words = names.normalise(occ[i].mention.text).split()
        by_mark[next((w for w in words if marks.match(w)), None)].append(i)
    if len(by_mark) - (None in by_mark) <= 1:
        return [cluster]
    for i in by_mark.pop(None, []):
        own = {m for m, ms in by_mark.items() if any(occ[j].issue == occ[i].issue for j in ms)}
        by_mark[own.pop() if len(own) == 1 else None].append(i)
    return [_Cluster(sorted(ms)) for ms in sorted(by_mark.values(), key=min)]


def _named_year(name: str) -> str | None:
    """The year an event's name carries ("AI UK 2024" -> "2024"), if one."""
    return next((w for w in name.split() if _YEAR.match(w)), None)


#: Months from an undated mention's issue to a dated instance it may join: announced up to
#: nine months ahead, reported up to two months after.
_NEAR = (-2, 9)


def _months_until(date: str, issue: str) -> int:
    """Whole months from an issue month to an ISO date ("2029-12" to "2030-03-14": 3)."""
    return (int(date[:4]) - int(issue[:4])) * 12 + int(date[5:7]) - int(issue[5:7])


# -- keys and entities -------------------------------------------------------------------


def _fullest(forms: Iterable[str]) -> str:
    """The fullest form: most words, longest, keeps accents, most frequent, then stable.

    A nickname written as a middle name ("Tapabrata Rohan Chakraborty", when
    "Tapabrata (Rohan) Chakraborty" is known) does not make a form fuller.
    """
    forms = list(forms)
    nicknames = {names.normalise(p) for f in forms for p in names.parenthesised(f)}
    counts = Counter(f for f in forms if "(" not in f)
    if not counts:
        counts = Counter(names.without_parentheses(f) for f in forms)

    def words(form: str) -> int:
        tokens = names.tokens(form)
        return len(tokens) - sum(1 for t in tokens[1:-1] if t in nicknames)

    return max(counts, key=lambda f: (
        words(f), -len(names.tokens(f)), len(names.normalise(f)),
        sum(not c.isascii() for c in f), counts[f], f,
    ))


#: Mentions that give a thing a second name to match by, never its name
_SECOND_NAMES = frozenset({"items.text_name"})


def _naming(members: Iterable[int], occ: list[_Occurrence]) -> list[int]:
    """The members whose forms may name the entity (all, if only second names are left)."""
    members = list(members)
    return [i for i in members if occ[i].mention.component not in _SECOND_NAMES] or members


def _anchor(cluster: _Cluster, occ: list[_Occurrence]) -> str:
    if cluster.anchor:
        return cluster.anchor
    naming = _naming(cluster.members, occ)
    first_issue = min(occ[i].issue for i in naming)
    early = [i for i in naming if occ[i].issue == first_issue]
    kind = _kind_votes(cluster.members, occ)
    anchor = names.normalise(_fullest(f for i in early for f in occ[i].forms))
    if kind is EntityKind.PERSON and " " not in anchor:
        anchor = f"{anchor}@{first_issue}"  # lone first names are per issue
    dates = sorted({occ[i].mention.attributes.get("start_date", "") for i in cluster.members})
    if kind is EntityKind.EVENT and len(dates) == 1 and dates[0]:
        anchor = f"{anchor}@{dates[0]}"
    if kind is EntityKind.TOPIC:
        anchor = f"topic:{anchor}"
    return anchor


def _key_of(anchor: str) -> str:
    return f"{names.slug(anchor.split('@')[0].removeprefix('topic:'))}-{_digest(anchor)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _assign_keys(clusters: list[_Cluster], occ: list[_Occurrence]) -> None:
    """Deterministic keys; a clash (two things with one anchor) gets ``-2``, ``-3`` …"""
    def order(c: _Cluster) -> tuple[str, str]:
        return min((occ[i].issue, occ[i].uid) for i in c.members)

    taken: Counter[str] = Counter()
    for cluster in sorted(clusters, key=order):
        key = _key_of(_anchor(cluster, occ))
        taken[key] += 1
        cluster.key = key if taken[key] == 1 else f"{key}-{taken[key]}"


def _label(forms: Sequence[str], kind: EntityKind, spilled: set[str]) -> str:
    """The fullest name; for an organisation the cleanest: no spilled heading word, no
    heading that joins the name to something else ("Workshop on X- University of Y" when
    "University of Y" is known), and the commonest spelling among the fullest (a typo is
    rarer)."""
    if kind is not EntityKind.ORGANISATION:
        return _fullest(forms)
    norms = {names.normalise(f) for f in forms}
    clean = [f for f in forms if names.normalise(f) not in spilled and not _joins_other(f, norms)]
    clean = clean or list(forms)
    def words(form: str) -> int:  # "King's" is one word
        return sum(1 for t in names.tokens(form) if t != "s")

    most = max(words(f) for f in clean)
    fullest = [f for f in clean if words(f) == most]
    counts = Counter(names.normalise(f) for f in fullest)
    best = max(counts.values())
    return _fullest(f for f in fullest if counts[names.normalise(f)] == best)


_JOINERS = re.compile(r"\s*(?:[-–—:,;|]\s+|\s+[-–—]\s*)")


def _joins_other(form: str, norms: set[str]) -> bool:
    """``form`` is two parts joined by a dash, colon or comma, one of them another known
    name of the same entity."""
    parts = [names.normalise(p) for p in _JOINERS.split(form)]
    return len(parts) > 1 and any(p and p in norms for p in parts)


def _without_shared_first_names(entities: dict[str, Entity]) -> dict[str, Entity]:
    """A one-word name ("Sarah") two people carry names neither: drop it from both."""
    people = [e for e in entities.values() if e.kind is EntityKind.PERSON]
    owners = Counter(n for e in people for n in {names.normalise(a) for a in e.alternate_names
                                                   if " " not in a.strip()})
    shared = {n for n, count in owners.items() if count > 1}

    def kept(entity: Entity) -> tuple[str, ...]:
        return tuple(a for a in entity.alternate_names
                     if " " in a.strip() or names.normalise(a) not in shared)

    return {key: replace(e, alternate_names=kept(e)) if e.kind is EntityKind.PERSON else e
            for key, e in entities.items()}


def _entity(cluster: _Cluster, occ: list[_Occurrence], spilled: set[str]) -> Entity:
    members = sorted(cluster.members, key=lambda i: (occ[i].issue, occ[i].uid))
    kind = _kind_votes(members, occ)
    forms = [f for i in members for f in occ[i].forms]
    raw = [names.clean_surface(occ[i].mention.text) for i in members]
    partners = _partner_names()
    norms = (names.normalise(f) for f in forms)
    partner = next((partners[n] for n in norms if n in partners), None)
    named_by = [f for i in _naming(members, occ) for f in occ[i].forms]
    name = cluster.name or partner or _label(named_by, kind, spilled)
    surfaces = [names.strip_possessive(occ[i].mention.text) for i in members]
    alternates = sorted({*forms, *raw, *surfaces} - {name, ""})
    return Entity(
        key=cluster.key,
        kind=kind,
        name=name,
        alternate_names=tuple(alternates),
        mention_ids=tuple(occ[i].uid for i in members),
        issues=tuple(sorted({occ[i].issue for i in members})),
        attributes=_attributes(members, occ),
        dated_in=tuple(sorted({occ[i].issue for i in members
                               if DATE_ATTRIBUTES & occ[i].mention.attributes.keys()})),
    )


def _attributes(members: list[int], occ: list[_Occurrence]) -> dict[str, str]:
    """Per attribute, the value with the most confidence behind it (earliest on a tie)."""
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    first: dict[tuple[str, str], int] = {}
    for rank, i in enumerate(members):
        for key, value in occ[i].mention.attributes.items():
            if key in _DROPPED_ATTRIBUTES or not value:
                continue
            votes[key][value] += max(occ[i].mention.confidence, 0.01)
            first.setdefault((key, value), rank)
    chosen: dict[str, str] = {}
    for key, counter in sorted(votes.items()):
        ranked = sorted(counter.items(), key=lambda pair: (-pair[1], first[(key, pair[0])]))
        chosen[key] = ranked[0][0]
    return chosen


# -- curation ----------------------------------------------------------------------------


def _matches(ref: str, key: str, forms: Iterable[str]) -> bool:
    norm = names.normalise(ref)
    return ref == key or any(names.normalise(f) == norm for f in forms)


def _cluster_forms(cluster: _Cluster, occ: list[_Occurrence]) -> set[str]:
    forms = {f for i in cluster.members for f in occ[i].forms}
    return forms | ({cluster.name} if cluster.name else set())


def _curate_clusters(clusters: list[_Cluster], occ: list[_Occurrence],
                     curation: Curation) -> list[_Cluster]:
    """Splits first (so a merge can then join a part), then merges."""
    for split in curation.split:
        targets = [c for c in clusters if _matches(split.entity, c.key, _cluster_forms(c, occ))]
        if not targets:
            _unmatched(curation, "split", split.line, split.entity)
        for cluster in targets:
            clusters.remove(cluster)
            rest = list(cluster.members)
            for part in split.into:
                chosen = [i for i in rest if _in_part(occ[i], part)]
                rest = [i for i in rest if i not in chosen]
                if chosen:
                    clusters.append(_Cluster(chosen, name=part.name,
                                             anchor=names.normalise(part.name)))
            if rest:
                clusters.append(_Cluster(rest, cluster.name, cluster.anchor))
        _assign_keys(clusters, occ)
    for merge in curation.merge:
        targets = [c for c in clusters
                   if any(_matches(ref, c.key, _cluster_forms(c, occ)) for ref in merge.entities)]
        if len(targets) < 2:
            _unmatched(curation, "merge", merge.line, ", ".join(merge.entities),
                       "matches fewer than two entities")
        if not targets:
            continue
        keep = min(targets, key=lambda c: min((occ[i].issue, occ[i].uid) for i in c.members))
        for other in targets:
            if other is not keep:
                keep.members.extend(other.members)
                clusters.remove(other)
        keep.name = merge.name or keep.name
    return clusters


def _in_part(o: _Occurrence, part: SplitPart) -> bool:
    """The mention is in the part's issues and its item or evidence uses a context word."""
    if part.issues and o.issue not in part.issues:
        return False
    text = o.context.lower()
    return not part.context or any(word.lower() in text for word in part.context)


def _unmatched(curation: Curation, operation: str, line: int, ref: str,
               problem: str = "matches no entity") -> None:
    log.warning("%s:%d: %s entry %r %s in this build; it is kept for later builds",
                curation.source, line, operation, ref, problem)


def _find(ref: str, entities: Mapping[str, Entity]) -> list[str]:
    """Keys of the entities ``ref`` names: a key, else the canonical name, else any alias."""
    if ref in entities:
        return [ref]
    norm = names.normalise(ref)
    by_name = [k for k, e in entities.items() if names.normalise(e.name) == norm]
    if by_name:
        return sorted(by_name)
    return sorted(k for k, e in entities.items()
                  if any(names.normalise(a) == norm for a in e.alternate_names))


def _curate_entities(entities: dict[str, Entity], curation: Curation) -> dict[str, Entity]:
    for rename in curation.rename:
        keys = _find(rename.entity, entities)
        if not keys:
            _unmatched(curation, "rename", rename.line, rename.entity)
        for key in keys:
            entity = entities[key]
            alternates = sorted({*entity.alternate_names, entity.name} - {rename.name})
            entities[key] = replace(entity, name=rename.name, alternate_names=tuple(alternates))
    for retype in curation.retype:
        keys = _find(retype.entity, entities)
        if not keys:
            _unmatched(curation, "retype", retype.line, retype.entity)
        for key in keys:
            entity = entities[key]
            kept = {k: v for k, v in entity.attributes.items() if not k.endswith("_kind")}
            entities[key] = replace(entity, kind=retype.kind,
                                    attributes={**kept, **retype.attributes})
    for delete in curation.delete_entity:
        keys = _find(delete.entity, entities)
        if not keys:
            _unmatched(curation, "delete_entity", delete.line, delete.entity)
        for key in keys:
            del entities[key]
    return entities


def _curate_facts(facts: list[Fact], entities: Mapping[str, Entity],
                  curation: Curation) -> list[Fact]:
    for edit in curation.delete_relation:
        subjects, objects = set(_find(edit.subject, entities)), set(_find(edit.object, entities))
        before = len(facts)
        facts = [f for f in facts if not (
            f.relation is edit.relation and f.subject in subjects and f.object in objects
            and (edit.issue is None or f.issue_month == edit.issue))]
        if len(facts) == before:
            _unmatched(curation, "delete_relation", edit.line,
                       f"{edit.subject} {edit.relation.value} {edit.object}", "matches no relation")
    for edit in curation.add_relation:
        fact = _added_fact(edit, entities, curation)
        if fact is None:
            continue
        facts = [f for f in facts if _fact_identity(f) != _fact_identity(fact)]
        facts.append(fact)
    return facts


def _added_fact(edit: RelationEdit, entities: Mapping[str, Entity],
                curation: Curation) -> Fact | None:
    subjects, objects = _find(edit.subject, entities), _find(edit.object, entities)
    if len(subjects) != 1 or len(objects) != 1:
        _unmatched(curation, "add_relation", edit.line,
                   f"{edit.subject} {edit.relation.value} {edit.object}",
                   "needs exactly one subject and one object entity")
        return None
    return Fact(
        subject=subjects[0], relation=edit.relation, object=objects[0],
        issue_month=str(edit.issue),
        evidence=SourceSpan(curation.source, 0, 0, edit.note),
        component="curation", confidence=1.0, item_title=None, attributes=dict(edit.attributes),
    )


# -- facts and issues --------------------------------------------------------------------


def _fact_identity(fact: Fact) -> tuple[str, ...]:
    title = names.normalise(fact.attributes.get("title", ""))
    return fact.subject, fact.relation.value, fact.object, fact.issue_month, title


def _fact_order(fact: Fact) -> tuple[object, ...]:
    return (fact.issue_month, *_fact_identity(fact), fact.evidence.start)


def _facts(extractions: Sequence[Extraction], owner: Mapping[str, str],
           entities: Mapping[str, Entity]) -> list[Fact]:
    """Assertions as facts between entity keys, one per (subject, relation, object, issue)."""
    best: dict[tuple[str, ...], Fact] = {}
    for extraction in extractions:
        issue = extraction.newsletter.issue_month
        item_titles = {m.id: m.item_title for m in extraction.mentions}
        for a in extraction.assertions:
            subject = owner.get(_uid(issue, a.subject), "")
            obj = owner.get(_uid(issue, a.object), "")
            if subject not in entities or (obj not in entities and a.relation is not Relation.ROLE):
                continue
            if subject == obj:
                continue
            fact = Fact(subject, a.relation, obj if obj in entities else "", issue, a.evidence,
                        a.component, a.confidence, item_titles.get(a.subject),
                        dict(a.attributes))
            identity = _fact_identity(fact)
            kept = best.get(identity)
            if kept is None or (fact.confidence, -fact.evidence.start) > (
                    kept.confidence, -kept.evidence.start):
                best[identity] = fact
    return list(best.values())


def _issue_records(extractions: Sequence[Extraction], owner: Mapping[str, str],
                   entities: Mapping[str, Entity], facts: list[Fact]) -> tuple[IssueRecord, ...]:
    records = []
    for extraction in sorted(extractions, key=lambda e: e.newsletter.issue_month):
        issue = extraction.newsletter.issue_month
        keys = {owner.get(_uid(issue, m.id), "") for m in extraction.mentions}
        keys |= {k for f in facts if f.issue_month == issue for k in (f.subject, f.object)}
        records.append(IssueRecord(
            issue, extraction.newsletter.source, extraction.newsletter.content_hash,
            tuple(sorted(k for k in keys if k in entities)),
        ))
    return tuple(records)
