"""Affiliations a phrase around a name states, rather than the words right after it.

"NASA's Jane Doe", "Roche colleague Jane Doe", "Turing Fellow Jane Doe", "her team at X",
"Jane Doe and John Roe, both at X", "Jane Doe is the president of X", "Jane Doe, who is
completing her PhD at X", and "I am a PhD student at X" in an interview (the ``NARRATOR``
slot). ``person_roles`` reads the words right after a name and calls :func:`phrase_ties`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from partnerkg.extract import lexicon
from partnerkg.extract.name_shape import after_pronouns
from partnerkg.extract.names import TITLE_TOKENS as TITLES
from partnerkg.extract.roles import ROLE_NOUNS, is_role_noun, is_role_phrase
from partnerkg.extract.spans import (
    NARRATOR,
    Found,
    chars,
    ents_by_start,
    only_glue_between,
    overlaps,
    text_of,
    tokens_in,
)


def phrase_ties(doc: Doc) -> list[Found]:
    """Every tie the phrases around the doc's names state."""
    return [*_possessive_employers(doc), *_titled_by_organisation(doc), *_partner_title(doc),
            *_own_team(doc), *_led_team(doc), *_role_taken_as(doc), *_both_at(doc),
            *_copular_roles(doc), *_first_person_roles(doc), *_relative_clause_ties(doc),
            *_listed_under_organisation(doc), *_based_at_opening(doc)]


def _based_at_opening(doc: Doc) -> list[Found]:
    """ "Based at Westby University, Jane Doe studies …": the organisation of a sentence's
    opening "Based at" is where the person right after its comma works."""
    orgs, ties = ents_by_start(doc, "ORG"), []
    people = ents_by_start(doc, "PERSON")
    for sent in doc.sents:
        org = _based_at(doc, sent.start, orgs) if sent[0].is_title else None
        based = []
        while org is not None:  # "Based at X and the Y, …"
            based.append(org)
            joined = org.end + 1 < len(doc) and doc[org.end].lower_ == "and"
            org = org_after(doc, org.end + 1, orgs) if joined else None
        end = based[-1].end if based else len(doc)
        person = people.get(end + 1) if end < len(doc) and doc[end].text == "," else None
        ties += [tie("affiliation", person, org, chars(doc[sent.start : person.end]),
                     "partnerkg_person_roles.based_at_opening") for org in based if person]
    return ties


def _partner_title(doc: Doc) -> list[Found]:
    """ "Jane Doe, Turing Fellow and Associate Professor at X": a partner's name opening the
    role after the comma is an organisation the person belongs to."""
    ties = []
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        i = person.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 2].lower_ not in _ROLE_WORDS:
            continue
        if lexicon.is_partner_name(doc[i + 1].text) and (org := _org_before(doc, i + 2)):
            ties.append(tie("affiliation", person, org, chars(doc[person.start : i + 3]),
                            "partnerkg_person_roles.partner_title"))
    return ties


def _possessive_employers(doc: Doc) -> list[Found]:
    """ "NASA's Jane Doe", "Globex DeepMind's John Roe", "Acme's Chief Scientist Jane Doe",
    "Acme's Head of Data, Jane Doe": the capitalised name before "'s" and a person (or a
    title-case role and a person) is the organisation the person works for."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    orgs, ties = [], []
    for person in people:
        end = person.start - 1
        while end > 0 and doc[end].lower_.rstrip(".") in TITLES | {"."}:
            end -= 1  # "Acme's Dr Jane Doe"
        comma = 1 if end > 0 and doc[end].text == "," else 0
        role = end - comma
        while role > max(0, end - 6) and (doc[role].is_title or doc[role].lower_ in (
                "of", "for", "and")) and doc[role].text not in ("'s", "’s"):
            role -= 1  # "Acme's Chief Scientist Jane Doe", "Acme's Head of Data, Jane Doe"
        if role < end - comma and doc[role].text in ("'s", "’s") and is_role_phrase(
                doc[role + 1 : end + 1 - comma].text):
            end = role
        if end < 1 or doc[end].text not in ("'s", "’s"):
            continue
        start = end
        while start > 0 and doc[start - 1].text[:1].isupper():
            if doc[start - 1].ent_type_ == "PERSON":
                break
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == end:
            continue
        org = Span(doc, start, end, label="ORG")
        orgs.append(org)
        ties.append(tie("affiliation", person, org, chars(doc[start : person.end]),
                         "partnerkg_person_roles.possessive"))
    if orgs:
        kept = [
            e
            for e in doc.ents
            if e.label_ == "PERSON" or not any(overlaps(e, o) for o in orgs)
        ]
        doc.ents = filter_spans([*kept, *orgs])
    return ties


def _titled_by_organisation(doc: Doc) -> list[Found]:
    """ "Roche colleague Jane Doe", "our Acme colleagues Jane Doe and John Roe", "Turing
    Fellow Jane Doe", "Globex researcher Jane Doe": the organisation right before a colleague
    or role noun is where the people named after it work."""
    ties = []
    people_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    for word in tokens_in(doc, _ROLE_WORDS):
        i = word.i + 1
        while i < len(doc) and (doc[i].lower_.rstrip(".") in TITLES or doc[i].text == "."):
            i += 1  # "Turing Fellow Dr Jane Doe"
        if i not in people_starts:
            continue
        org = _org_before(doc, word.i)
        if org is None or (org.start > 0 and doc[org.start - 1].text in ("-", "–")):
            continue  # "Turing-Roche colleagues" are the partnership's, not Roche's
        for person in (e for e in doc.ents if e.start >= i and e.label_ == "PERSON"):
            if person.start != i:
                break
            ties.append(tie("affiliation", person, org, chars(doc[org.start : person.end]),
                             "partnerkg_person_roles.org_title"))
            i = person.end
            while i < len(doc) and (doc[i].lower_ in (",", "and") or doc[i].lower_.rstrip(
                    ".") in TITLES):
                i += 1  # "…, and Dr John Roe"
    return ties


#: One word naming a role or a colleague ("Fellow", "researcher", "colleagues").
_ROLE_WORDS = ROLE_NOUNS | {"colleague", "colleagues"}


def _org_before(doc: Doc, end: int) -> Span | None:
    """The organisation ending right before ``end``: an ORG entity, a partner's name the
    organisation rules left inside a title ("Turing Fellow"), or a capitalised run with an
    acronym in it ("EDF France"); it joins the entities."""
    org = next((e for e in doc.ents if e.end == end and e.label_ == "ORG"), None)
    if org is not None:
        return org
    start = end
    while start > max(0, end - 4) and doc[start - 1].text[:1].isupper() and not (
            doc[start - 1].is_sent_start and doc[start - 1].is_stop):
        start -= 1
    run = doc[start:end]
    if not len(run) or any(t.ent_type_ and t.ent_type_ not in ("ORG", "GPE") for t in run):
        return None
    acronym = any(t.is_upper and t.is_alpha and len(t) >= 2 for t in run)
    if not (lexicon.is_partner_name(run.text) or (acronym and run[0].ent_type_ != "GPE")):
        return None
    org = Span(doc, start, end, label="ORG")
    doc.ents = filter_spans([*(e for e in doc.ents if not overlaps(e, org)), org])
    return org


def _own_team(doc: Doc) -> list[Found]:
    """ "Jane Doe is hiring … to join her team at the University of X": the organisation
    of the team the sentence's one person calls theirs."""
    ties = []
    for word in tokens_in(doc, ("his", "her")):
        after = doc[word.i + 1 : word.i + 4]
        if len(after) < 3 or after[0].lower_ not in _TEAM_WORDS or after[1].lower_ not in (
                "at", "in"):
            continue
        org = org_after(doc, after[2].i, ents_by_start(doc, "ORG"))
        people = [e for e in word.sent.ents if e.label_ == "PERSON" and e.end <= word.i]
        if org is not None and len(people) == 1:
            ties.append(tie("affiliation", people[0], org, chars(doc[word.i : org.end]),
                             "partnerkg_person_roles.own_team"))
    return ties


#: Verbs whose subject is in charge of (and so part of) the team that is their object
_LEAD_VERBS = frozenset({"lead", "head", "direct", "manage", "co-lead", "run"})


def _led_team(doc: Doc) -> list[Found]:
    """ "Jane Doe leads the Health Foundation's data analytics team": the organisation whose
    team a person leads."""
    ties = []
    orgs = [e for e in doc.ents if e.label_ == "ORG"]
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        verb = person.root.head
        if person.root.dep_ != "nsubj" or verb.lemma_.lower() not in _LEAD_VERBS:
            continue
        for team in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _TEAM_WORDS):
            owner = next((c for c in team.children if c.dep_ == "poss"), None)
            org = next((o for o in orgs if owner is not None and o.start <= owner.i < o.end), None)
            if org is not None:
                ties.append(tie("affiliation", person, org, chars(doc[person.start : team.i + 1]),
                                "partnerkg_person_roles.led_team"))
    return ties


def _role_taken_as(doc: Doc) -> list[Found]:
    """ "Jane Doe recently started a new role as Data Scientist at Roche": the organisation of
    the role "as" introduces, for the one person the sentence names before it."""
    ties = []
    orgs = ents_by_start(doc, "ORG")
    for word in tokens_in(doc, ("as",)):
        org = _role_of_organisation(doc, word.i + 1, orgs)
        people = [e for e in word.sent.ents if e.label_ == "PERSON" and e.end <= word.i]
        if org is not None and len(people) == 1:
            ties.append(tie("affiliation", people[0], org, chars(doc[people[0].start : org.end]),
                            "partnerkg_person_roles.role_as"))
    return ties


#: What a line listing people holds between their names: commas, "and", bracketed roles
_LIST_GLUE = re.compile(r"(?:\s|,|;|&|\band\b|\.|\([^()]{1,60}\))*")


def _listed_under_organisation(doc: Doc) -> list[Found]:
    """ "Roche: Jane Doe, Mark Smith and Ann Lee": a line that opens with an organisation and
    a colon, then lists only people, lists its members."""
    orgs = [e for e in doc.ents if e.label_ == "ORG"]
    if not orgs or orgs[0].start != 0 or orgs[0].end >= len(doc) or doc[orgs[0].end].text != ":":
        return []
    org, text = orgs[0], text_of(doc)
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start > org.end]
    if not people or not only_glue_between(text, people, doc[org.end].idx + 1, len(text),
                                           _LIST_GLUE):
        return []
    return [tie("affiliation", person, org, chars(doc[: person.end]),
                "partnerkg_person_roles.listed_under_organisation") for person in people]


def _copular_roles(doc: Doc) -> list[Found]:
    """ "Anna is the president of GLOBEX and a member of the Acme Committee": each role
    "of/at" an organisation after "is/was" belongs to the person the sentence opens with."""
    ties = []
    orgs = ents_by_start(doc, "ORG")
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        i = person.end
        if i >= len(doc) or doc[i].lower_ not in ("is", "was"):
            continue
        while (org := _role_of_organisation(doc, i + 1, orgs)) is not None:
            ties.append(tie("affiliation", person, org, chars(doc[person.start : org.end]),
                             "partnerkg_person_roles.copula"))
            i = org.end
            if i >= len(doc) or doc[i].lower_ != "and":
                break
    return ties


def _first_person_roles(doc: Doc) -> list[Found]:
    """ "I am a clinical PhD student at Westby Cancer Institute", "I'm a second-year PhD
    student at UCL", "I am based at X", "I work as a data scientist at X": the organisation of
    the person the text is by (the ``NARRATOR`` slot)."""
    orgs = ents_by_start(doc, "ORG")
    found: list[Found] = []
    for word in tokens_in(doc, ("i",)):
        after = word.i + 1
        while after < len(doc) and doc[after].pos_ == "ADV":  # "I recently joined …"
            after += 1
        verb = doc[after] if after < len(doc) else None
        if word.text != "I" or verb is None:
            continue
        if verb.lower_ in ("am", "'m", "’m", "was"):
            org = _role_of_organisation(doc, verb.i + 1, orgs) or _based_at(doc, verb.i + 1, orgs)
        elif verb.lemma_ == "work":  # "I work as a data scientist at Acme", "I work for Acme"
            at = next((t.i for t in doc[verb.i + 1 : verb.i + 9] if t.lower_ in ("at", "for")),
                      None)
            org = org_after(doc, at + 1, orgs) if at is not None else None
        elif verb.lemma_ == "join":  # "I joined Acme in 2029 as a data scientist"
            org = org_after(doc, verb.i + 1, orgs)
        else:
            org = None
        org = org or _my_studies_at(doc, word, orgs)
        while org is not None:  # "… in the School of Computing at the University of Leeds"
            found.append({"relation": "affiliation", "subject": NARRATOR, "object": chars(org),
                          "evidence": chars(doc[word.i : org.end]),
                          "rule": "partnerkg_person_roles.first_person", "confidence": 0.8,
                          "attributes": {}})
            at = org.end < len(doc) and doc[org.end].lower_ in ("at", "of")
            part_of = doc[org.end : org.end + 3].text.lower() == ", part of"  # "…, part of Y"
            org = org_after(doc, org.end + 1 + 2 * part_of, orgs) if at or part_of else None
    return found


#: What a narrator studies or holds "at" an organisation ("my PhD at Acme")
_STUDIES = frozenset({"phd", "dphil", "doctorate", "postdoc", "degree", "masters", "master's",
                      "studies", "fellowship"})


def _my_studies_at(doc: Doc, word: Token, orgs: dict[int, Span]) -> Span | None:
    """ "I am currently doing my PhD at Acme", "I recently started my PhD in the School of X":
    the organisation of the narrator's own studies, in the sentence "I" opens."""
    for token in word.sent:
        if token.i > word.i and token.lower_ == "my" and token.i + 3 < len(doc) and (
                doc[token.i + 1].lower_ in _STUDIES and doc[token.i + 2].lower_ in ("at", "in")):
            return org_after(doc, token.i + 3, orgs)
    return None


def org_after(doc: Doc, i: int, orgs: dict[int, Span]) -> Span | None:
    """The organisation of ``orgs`` (by start token) that starts at token ``i``, or right after
    a "the" there ("at the University of X"); the NER's span may hold the "the" ("the Turing")."""
    return orgs.get(i) or orgs.get(i + (i < len(doc) and doc[i].lower_ == "the"))


def _based_at(doc: Doc, start: int, orgs: dict[int, Span]) -> Span | None:
    """The organisation of "based at (the) ORG" starting at ``start``."""
    if start + 2 >= len(doc) or doc[start].lower_ != "based" or doc[start + 1].lower_ != "at":
        return None
    return org_after(doc, start + 2, orgs)


def _role_of_organisation(doc: Doc, start: int, orgs: dict[int, Span]) -> Span | None:
    """The organisation of "(a|the) <role words> of/at/with (the) ORG" starting at ``start``."""
    i = start + (start < len(doc) and doc[start].lower_ in ("a", "an", "the"))
    end = i
    while end < min(len(doc), i + 5) and (doc[end].is_alpha or doc[end].text == "-") and not (
            is_role_noun(doc[end].text)):
        end += 1
    if end + 2 >= len(doc) or not is_role_noun(doc[end].text) or doc[end + 1].lower_ not in (
            "of", "at", "with", "in"):  # "a PhD student in the School of X"
        return None
    return org_after(doc, end + 2, orgs)


def _relative_clause_ties(doc: Doc) -> list[Found]:
    """ "Jane Doe, who is completing her PhD in Psychology at Westby College", "Jane Doe is
    based at Westby College", "Jane Doe recently joined Acme", "Jane Doe has moved to Acme",
    "Jane Doe holds a joint appointment at (between) X and Y", "… before joining Acme", "…
    leaving us to join Acme", "Jane Doe has taken up a post at Acme", "Jane Doe leads the
    Acme Soil Group (at Westby)": the places a clause about the person's work or study puts
    them (not one they speak at)."""
    ties = []
    orgs = ents_by_start(doc, "ORG")
    people_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        end = after_pronouns(doc, person.end)  # "Jane Doe (she/her) is …"
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who":
            clause = end + 2
        elif end < len(doc) and doc[end].pos_ in ("AUX", "VERB", "ADV"):
            clause = end  # "Jane Doe is based at …", "Jane Doe recently joined Acme"
        else:
            continue
        working, after = False, clause
        for token in doc[clause : min(len(doc), clause + 25)]:
            if token.text in (".", ";") or token.i in people_starts or token.lemma_ in (
                    _NOT_WORK_VERBS):
                break
            if token.i < after:
                continue  # inside the organisation just tied
            working = working or token.lower_ in _WORK_WORDS
            works_for = token.lower_ == "for" and doc[token.i - 1].lemma_ == "work"
            member_of = token.lower_ == "of" and doc[token.i - 1].lower_ == "member"
            moved_to = token.lower_ == "to" and "move" in (doc[token.i - 1].lemma_,
                                                           token.head.lemma_)
            to_join = token.lower_ == "join" and doc[token.i - 1].lower_ in ("to", "will")
            placed = token.lower_ in ("at", "in", "between") and working or works_for or (
                member_of or moved_to or to_join or token.lower_ in _JOINED | _LEADS)
            org = org_after(doc, token.i + 1, orgs) if placed else None
            if org is not None and token.lower_ == "in" and not lexicon.org_kind_of(org.text):
                org = None  # "a lecturer in the Department of Statistics", not "in London"
            while org is not None:  # "… at the University of Y and Acme"
                ties.append(tie("affiliation", person, org, chars(doc[person.start : org.end]),
                                "partnerkg_person_roles.relative_clause"))
                after = org.end
                joined = org.end + 1 < len(doc) and doc[org.end].lower_ == "and"
                the = joined and doc[org.end + 1].lower_ == "the"  # "X and the Acme Institute"
                org = orgs.get(org.end + 1 + the) if joined else None
    return ties


_JOINED = frozenset({"joined", "joins", "joining"})
#: "Jane Doe leads the Acme Soil Group": the organisation right after is the one led
_LEADS = frozenset({"leads", "heads", "directs", "co-leads", "manages"})
_WORK_WORDS = frozenset({"is", "works", "based", "studying", "completing", "completed", "did",
                        "finished", "doing", "holds", "employed", "appointed", "post",
                        "position", "role", *_LEADS})
_NOT_WORK_VERBS = frozenset({"speak", "present", "talk", "give", "deliver", "visit", "attend"})


def _both_at(doc: Doc) -> list[Found]:
    """ "Jane Doe, Role and John Roe, Role, both at Acme": the two people named last before
    "both at/from" work there."""
    ties = []
    for word in tokens_in(doc, ("both",)):
        after = doc[word.i + 1 : word.i + 3]
        if len(after) < 2 or after[0].lower_ not in ("at", "from"):
            continue
        org = ents_by_start(doc, "ORG").get(after[1].i)
        people = [e for e in word.sent.ents if e.label_ == "PERSON" and e.end <= word.i][-2:]
        if org is not None and len(people) == 2:
            ties += [tie("affiliation", person, org, chars(doc[word.i : org.end]),
                          "partnerkg_person_roles.both_at") for person in people]
    return ties


_TEAM_WORDS = frozenset({"team", "group", "lab", "laboratory"})


def tie(relation: str, person: Span, org: Span, evidence: tuple[int, int], rule: str) -> Found:
    """A tie of ``person`` to ``org`` found by ``rule``."""
    return {
        "relation": relation,
        "subject": chars(person),
        "object": chars(org),
        "evidence": evidence,
        "rule": rule,
        "confidence": 0.9,
        "attributes": {},
    }
