"""People, and the roles and affiliations stated right next to their names.

Repairs the pretrained NER from the shape of the text (a title-case name
followed by ", <role> at <Org>" is a person even if tagged ORG; "A (B) C" is one
person with a nickname) and reads the constructions newsletters use:

- appositive: "Name, Role at Org", "Name, Role, Org", "Name, a PhD student at Org"
- preposition: "Name from (the) Org", "Name at Org", "Name (Org)"
- team list line: "Name, Org and Org, Role"

Ties stated by a phrase around a name ("Roche colleague Name", "Name, who is … at Org") are
read by :mod:`partnerkg.extract.phrase_ties`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from partnerkg.extract import lexicon, names
from partnerkg.extract.events import (
    INNER_CONNECTORS,
    SPEAKER_CUES,
    TALK_NOUNS,
    before_speak_verb,
)
from partnerkg.extract.items import names_event_or_opportunity
from partnerkg.extract.name_joins import DOTTED_NAME
from partnerkg.extract.name_shape import (
    IMPERATIVES,
    NAME_PARTICLES,
    NAME_WORD,
    POST_NOMINALS,
    after_pronouns,
    looks_like_name,
)
from partnerkg.extract.names import TITLE_TOKENS as TITLES
from partnerkg.extract.organisations import dictionary_words, in_dictionary
from partnerkg.extract.phrase_ties import org_after, phrase_ties, tie
from partnerkg.extract.publications import QUOTED_TITLE
from partnerkg.extract.roles import is_role_noun, is_role_phrase
from partnerkg.extract.spans import (
    DOUBTFUL_ORGS,
    LINKED_TITLES,
    Found,
    bracketed_capitals,
    camel_case,
    chars,
    ents_by_start,
    glued_dash,
    org_attributes,
    overlaps,
    register_extensions,
    relations,
    text_of,
    tokens_in,
)

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})  # a surname is singular, even "Davies"
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBG"})  # nor does a name open with an adjective
_PARTNERING = frozenset(
    {"partnership", "partnered", "partnering", "collaboration", "collaborating"}
)
_STOP_DEPS = frozenset({"relcl"})
#: what only people do to an event or a paper: "chaired by X" names a person
_DONE_BY_PEOPLE = frozenset({"chaired", "moderated", "presented", "delivered", "written",
                             "authored", "co-authored", "narrated", "interviewed"})
_STOP_WORDS = frozenset(
    {"who", "which", "whose", "that", "will", "is", "are", "was", "were", "has", "have"}
)


@Language.factory("partnerkg_person_roles", default_config={"max_window": 25})
def make_person_roles(nlp: Language, name: str, max_window: int) -> PersonRoles:
    return PersonRoles(name, max_window, dictionary_words(nlp))


class PersonRoles:
    """Sets PERSON entities and records role/affiliation relations on the doc."""

    def __init__(self, name: str, max_window: int, dictionary: frozenset[str]) -> None:
        register_extensions()
        self.name = name
        self.max_window = max_window
        self.dictionary = dictionary

    def __call__(self, doc: Doc) -> Doc:
        _repair_people(doc, self.dictionary)
        _bracketed_employers(doc)
        _orgs_after_roles(doc)
        found = relations(doc)
        found.extend(phrase_ties(doc))
        ents = list(doc.ents)
        for index, person in enumerate(ents):
            if person.label_ == "PERSON":
                ties = self._ties(doc, person, ents[index + 1 :])
                found.extend(ties)
                found.extend(_shared_with_the_person_before(doc, person, ties))
        return doc

    def _ties(self, doc: Doc, person: Span, following: list[Span]) -> list[Found]:
        """Organisations (and a role) tied to ``person`` by the words that follow it."""
        end = min(len(doc), person.end + self.max_window)
        sentence_end = person.sent.end if doc.has_annotation("SENT_START") else len(doc)
        end = min(end, sentence_end)
        orgs: list[Span] = []
        role_tokens: list[int] = []
        i = after_pronouns(doc, person.end)  # "Jane Doe (she/her), Research Fellow, …"
        cursor_after_comma = i < len(doc) and (doc[i].text in (",", "(", "|", "–", "—") or (
            doc[i].text == "-" and doc[i - 1].whitespace_)  # "Jane Doe – Research Fellow – X"
            or doc[i].text == ":" and any(is_role_noun(t.text) for t in doc[i + 1 : i + 5]))
        if not cursor_after_comma and not (i < len(doc) and doc[i].lower_ in ("from", "at", "of")):
            return []
        i += int(doc[i].text == ":")  # "Jane Doe: Theme Lead, Acme" (a colon ends the walk)
        nexts = iter(following)
        upcoming = next(nexts, None)
        while i < end:
            token = doc[i]
            if upcoming is not None and upcoming.start == i:
                if upcoming.label_ == "PERSON":
                    break
                if upcoming.label_ == "ORG":
                    if not _in_partner_compound(upcoming):
                        orgs.append(upcoming)
                    i = upcoming.end
                    upcoming = next(nexts, None)
                    continue
                i = upcoming.end
                upcoming = next(nexts, None)
                continue
            if (
                token.lower_ in _STOP_WORDS
                or token.text in (";", ".", ":")
                or token.dep_ in _STOP_DEPS
                or (token.text == ")" and doc[person.end].text == "(")  # "X (Org) on …"
            ):
                break
            if (token.lower_ == "and" and orgs and i + 1 < end
                    and not _org_starts(doc, following, i + 1)):
                # "…, Role at Org and Other Name, …": a second person starts here
                if not _role_follows(doc, i + 1, end):
                    break
            if (
                token.pos_ in ("VERB", "AUX")
                and token.tag_ not in ("VBN",)
                and not token.text[:1].isupper()
                and token.lower_ != "visiting"  # "Masters student visiting Westby University"
            ):
                break
            if token.is_alpha and token.lower_ not in (
                "at",
                "from",
                "of",
                "and",
                "in",
                "with",
                "the",
                "a",
                "an",
                "former",
            ):
                role_tokens.append(i)
            elif token.lower_ in ("of", "in", "for") and role_tokens and not orgs:
                role_tokens.append(i)
            i += 1
        if not orgs and not role_tokens:
            return []
        evidence = (
            person.start_char,
            doc[i - 1].idx + len(doc[i - 1]) if i > person.end else person.end_char,
        )
        role = _role_text(doc, role_tokens)
        rule = "appositive" if cursor_after_comma else "preposition"
        out: list[Found] = []
        for org in orgs:
            out.append(tie("affiliation", person, org, evidence, f"{self.name}.{rule}"))
        if role:
            target = orgs[0] if len(orgs) == 1 else None
            candidates: list[Span | None] = list(orgs) or [None]
            for holder in candidates:
                if target is not None and holder is not target:
                    continue
                out.append(
                    {
                        "relation": "role",
                        "subject": chars(person),
                        "object": chars(holder) if holder is not None else "NONE",
                        "evidence": evidence,
                        "rule": f"{self.name}.{rule}",
                        "confidence": 0.85,
                        "attributes": {"title": role},
                    }
                )
        return out


def _shared_with_the_person_before(doc: Doc, person: Span, ties: list[Found]) -> list[Found]:
    """ "Jane Doe and John Roe, Data Scientists at Acme": a plural role after the second
    name ties the first one too."""
    before = next((e for e in doc.ents if e.end == person.start - 1 and e.label_ == "PERSON"),
                  None)
    if before is None or doc[person.start - 1].lower_ != "and" or person.end + 1 >= len(doc):
        return []
    if doc[person.end].text != ",":
        return []
    role_end = person.end + 1  # the role's last word is its head: "Data Scientists"
    while role_end + 1 < len(doc) and doc[role_end + 1].is_title:
        role_end += 1
    if doc[role_end].tag_ not in ("NNS", "NNPS"):
        return []
    return [{**tie, "subject": chars(before)} for tie in ties]


def _in_partner_compound(org: Span) -> bool:
    """ "the Turing-Roche Partnership": a partner glued to another partner names the
    partnership, not a place the person works."""
    doc = org.doc
    glued_before = org.start >= 2 and doc[org.start - 1].text in ("-", "–") and not (
        doc[org.start - 2].whitespace_) and lexicon.is_partner_name(doc[org.start - 2].text)
    glued_after = org.end + 1 < len(doc) and doc[org.end].text in ("-", "–") and not (
        org[-1].whitespace_) and lexicon.is_partner_name(doc[org.end + 1].text)
    return lexicon.joins_partners(org.text) or (
        lexicon.is_partner_name(org.text) and (glued_before or glued_after))


def _org_starts(doc: Doc, ents: list[Span], i: int) -> bool:
    """One of ``ents`` is an organisation starting at ``i``, or right after a "the" there."""
    skip = int(i < len(doc) and doc[i].lower_ == "the")
    return any(e.start in (i, i + skip) and e.label_ == "ORG" for e in ents)


def _role_follows(doc: Doc, i: int, end: int) -> bool:
    """ "and Honorary Lecturer" continues a role; "and Leah Pirondini, …" starts a person."""
    words = []
    for token in doc[i:end]:
        if token.text in (",", ".") or token.lower_ in ("at", "from"):
            break
        words.append(token.text)
    return is_role_phrase(" ".join(words))


def _role_text(doc: Doc, indices: list[int]) -> str | None:
    """The first run of role words that reads as a role ("Turing-Roche Partnership Lead")."""
    runs: list[list[int]] = []
    for i in indices:
        joined = runs and (
            i == runs[-1][-1] + 1 or (i == runs[-1][-1] + 2 and doc[i - 1].text in ("-", "–"))
        )
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        while run and doc[run[-1]].lower_ in ("of", "in", "for"):
            run.pop()
        if run and is_role_phrase(doc[run[0] : run[-1] + 1].text):
            return doc[run[0] : run[-1] + 1].text
    return None


def _surnames_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Bruno van" + "der" + "Karimi", "Priyanka O" + "'" + "Marino": a name the NER cut at a
    surname's particle or "O'" prefix, the surname a PERSON of its own, is one person."""
    def cut(last: Span, ent: Span) -> bool:
        surname = ent.label_ == "PERSON" or len(ent) == 1 and bool(NAME_WORD.match(ent.text)) and (
            last.label_ == "PERSON" and last[-1].text in NAME_PARTICLES)
        return surname and _cut_before(doc, last, ent)

    return _people_joined(ents, cut)


def _people_joined(ents: list[Span], parts: Callable[[Span, Span], bool]) -> list[Span]:
    """``ents`` with each span that ``parts`` says continues the one before it joined to it,
    as one person."""
    joined: list[Span] = []
    for ent in ents:
        if joined and parts(joined[-1], ent):
            joined[-1] = Span(ent.doc, joined[-1].start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


def _cut_before(doc: Doc, first: Span, surname: Span) -> bool:
    """Only a surname's particles or "O'" prefix stand between ``first`` and ``surname``, at
    the end of one, between them or at the start of the other ("Dmitri" + "van der Raghavan",
    "Leila" + "O'" + "Larsen")."""
    between = doc[first.end : surname.start]
    return all(map(_name_glue, between)) and (
        len(between) > 0 or _name_glue(first[-1]) or _name_glue(surname[0])) and not (
        all(map(_name_glue, first)) or all(map(_name_glue, surname)))


def _name_glue(token: Token) -> bool:
    """A particle, an apostrophe or an initial: what joins a first name to its surname."""
    return token.text in NAME_PARTICLES or token.text in ("'", "’") or (
        len(token) == 1 and token.is_upper)


def _names_after_roles(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "our Theme Lead Priya Natarajan": the NER takes role and name for one span of another
    kind ("Theme Lead Priya Natarajan"), or splits them ("Theme Lead Priya" + "Natarajan",
    which may be left unlabelled); the name after the role words is a person."""
    fixed: list[Span] = []
    for ent in ents:
        if ent.label_ == "PERSON":
            fixed.append(ent)
            continue
        following = next((e for e in ents if e.start == ent.end and e.label_ == "PERSON"), None)
        end = following.end if following is not None else ent.end
        while following is None and end < min(len(doc), ent.end + 2) and (
                NAME_WORD.match(doc[end].text) and not doc[end].ent_type_):
            end += 1
        whole = doc[ent.start : end]
        name = next((Span(doc, whole.start + k + titled, whole.end, label="PERSON")
                     for k in range(1, len(whole) - 1)
                     if is_role_phrase(whole[:k].text)
                     and whole[k - 1].lower_ not in INNER_CONNECTORS
                     and (titled := int(whole[k].lower_ in TITLES)) < len(whole) - k
                     and looks_like_name(whole[k + titled :])), None)  # "Fellows Prof Ana Ruiz"
        fixed.append(name or ent)  # the following PERSON, inside the name, falls to filter_spans
    return fixed


def _repair_people(doc: Doc, dictionary: frozenset[str]) -> None:
    """Relabel name-shaped spans as PERSON, strip titles, join "A (B) C" nicknames."""
    ents = _names_after_roles(doc, _surnames_joined(doc, _people_after_and(list(doc.ents))))
    taken = {i for e in ents for i in range(e.start, e.end)}
    doubtful = [
        s
        for s in doc.spans.get(DOUBTFUL_ORGS, [])
        if not any(i in taken for i in range(s.start, s.end))
    ]
    fixed: list[Span] = []
    people_ends = {e.end for e in ents if e.label_ == "PERSON"}
    for ent in [*ents, *doubtful]:
        span = _without_opening(ent)
        if span.label_ != "PERSON" and ent[0].lower_.rstrip(".") in _PERSONAL_TITLES and (
                len(span) <= 3 and all(NAME_WORD.match(t.text) for t in span)) and not (
                lexicon.org_kind_of(span.text)):  # "Prof Castillo" (an organisation, said the
            span = Span(doc, span.start, span.end, label="PERSON")  # NER)
        span = _without_tail(span)
        if span.label_ == "PERSON" and _in_employer_slot(span, people_ends):
            span = Span(doc, span.start, span.end, label="ORG")
        elif span.label_ != "PERSON" and looks_like_name(span) and _in_person_slot(span):
            span = Span(doc, span.start, span.end, label="PERSON")
        elif len(span) == 1 and span.label_ in _NAME_LOOKALIKES and span[0].is_title and (
                _first_name_slot(span)):  # a first name the NER called a place: kept if the
            span = Span(doc, span.start, span.end, label="PERSON")  # issue has a full name
        elif ent in doubtful:
            continue
        if span.label_ == "PERSON" and is_role_phrase(span.text):
            continue
        if span.label_ == "PERSON" and lexicon.org_kind_of(span.text):
            if len(span) == 1 and span.text in lexicon.org_head_words():
                continue  # "Pharma", "Analytics": a kind of organisation, not one
            span = Span(doc, span.start, span.end, label="ORG")
        if span.label_ == "PERSON" and not _person_ok(span):
            continue
        if span.label_ == "PERSON":
            span = _with_surname_tail(_with_first_name(span, taken))
            if _names_a_chair(span):
                continue
        fixed.append(span)
    nicknames = _nicknames(doc)  # first: they win over an equal NER span of another label
    fixed = [*nicknames, *_team_line_name(doc), *fixed]
    # before the NER's spans: a name in a person's slot wins over an equal "facility" or "place"
    doc.ents = _first_names_joined(filter_spans(
        [*_unlabelled_names(doc, fixed, dictionary), *fixed, *_lone_first_names(doc)]))


def _people_after_and(ents: list[Span]) -> list[Span]:
    """ "Dr Sara Voss from the [University of Westby and Rob Tang] from Roche": an organisation
    span the NER ran on over "and" into a name followed by an employer is the organisation and
    a person ("National Institute for Health and Care Research" is one name)."""
    out = []
    for ent in ents:
        joins = [t.i for t in ent if t.lower_ == "and"] if ent.label_ == "ORG" else []
        if joins:
            body = Span(ent.doc, ent.start, joins[-1], label="ORG")
            name = Span(ent.doc, joins[-1] + 1, ent.end, label="PERSON")
            if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" for t in name) and (
                    looks_like_name(name) and lexicon.org_kind_of(body.text)
                    and _employer_after(name)):
                out += [body, name]
                continue
        out.append(ent)
    return out


def _employer_after(span: Span) -> bool:
    """ "Rob Tang from Roche", "Rob Tang (Roche)", "Rob Tang, Lecturer at …": only a person is
    followed by where they work."""
    doc, end = span.doc, span.end
    from_org = end + 1 < len(doc) and doc[end].lower_ == "from" and (
        org_after(doc, end + 1, ents_by_start(doc, "ORG")) is not None)
    return from_org or _org_in_brackets_after(span) or _role_after_comma(span)


def _without_opening(span: Span) -> Span:
    """The NER's span without the titles, an opening imperative ("Read Jane Doe's …") or
    role words ("[Scientist] Tomasz Sorensen" of "Chief Scientist …") it ran into a name."""
    doc = span.doc
    while len(span) > 1 and span[0].lower_ in TITLES or len(span) > 2 and (
            _opening_imperative(span[0]) or span.label_ == "PERSON" and is_role_noun(
                span[0].text)):
        span = Span(doc, span.start + 1, span.end, label=span.label_)
    return span


def _without_tail(span: Span) -> Span:
    """The NER's span without what it ran on into after a name: a comma and a role, a spaced
    dash, an open bracket, punctuation, "and", a title, honours, a possessive; and with the
    surname it cut at an "O'" ("Elif O" + "' Eze")."""
    doc = span.doc
    comma = next((t.i for t in span if t.text == ","), None)
    if span.label_ in _NAME_LOOKALIKES and comma is not None and comma > span.start + 1:
        span = Span(doc, span.start, comma, label=span.label_)  # "Jane Doe, Role …" whole
    dash = next((t.i for t in span if t.text in ("-", "–", "—") and t.whitespace_
                 and doc[t.i - 1].whitespace_), None)  # "John Roe - Acme": no "Jean-Pierre"
    if dash is not None and dash > span.start + 1:
        span = Span(doc, span.start, dash, label=span.label_)
    bracket = next((t.i for t in span if t.text == "("), None)
    if bracket is not None and bracket > span.start + 1 and ")" not in span.text:
        span = Span(doc, span.start, bracket, label=span.label_)  # "Ann Lee (Acme" …)
    while len(span) > 1 and (span[-1].text in (",", ";", ".", "(", "and", "&") or (
            span[-1].lower_ in TITLES)):  # "Dmitri Asante,", "Dr Jane Doe and Mr"
        span = Span(doc, span.start, span.end - 1, label=span.label_)
    if span.label_ != "PERSON" and _o_prefix_cut(doc, span.end):
        span = Span(doc, span.start, span.end + 2, label=span.label_)
    while len(span) > 2 and span[-1].text in POST_NOMINALS and looks_like_name(span[:-1]):
        span = Span(doc, span.start, span.end - 1, label=span.label_)  # "Ann Lee MP" (ORG)
    if len(span) > 2 and span[-1].text in ("'s", "’s") and not (  # "Ana Ruiz's series"
            span.end < len(doc) and doc[span.end].ent_type_ == "PERSON"):  # not "Acme's Ana"
        span = Span(doc, span.start, span.end - 1, label=span.label_)
    return span


# "is also co-organising", "will be hosting", "organises": after the organiser's name
_ORGANISES = re.compile(r"(?:(?:is|are|was|will be|has been) )?(?:also )?(?:co-?\s?-?\s?)?"
                        r"(?:organi[sz]|host|chair|run)", re.IGNORECASE)


def _organises(token: Token) -> bool:
    """ "(which Luca is also co-organising)": the subject of an organising verb."""
    doc = token.doc
    return bool(_ORGANISES.match(doc[token.i + 1 : token.i + 6].text))


#: What follows a lone first name the rules below read: a possessive, a copula, an organiser's
#: verb ("Luca is co-organising", "Luca hosts")
_AFTER_LONE_NAME = frozenset({"'s", "’s", "'", "’", "is", "was", "has", "are", "will", "also",
                              "co", "co-", "organises", "organizes", "hosts", "chairs", "runs"})


def _lone_first_names(doc: Doc) -> list[Span]:
    """ "Tomasz' paper", "Sofia is the president of …", "which Luca is co-organising": a
    capitalised word no entity holds, alone, before a paper or a role or as an organiser, is a
    first name (the mention builder keeps it only when the issue has a full name for it)."""
    found = []
    for after in tokens_in(doc, _AFTER_LONE_NAME):  # a cheap test before the others
        i = after.i - 1
        token = doc[max(i, 0)]
        if i < 0 or not token.is_title or token.ent_type_ or token.pos_ not in ("PROPN", "NOUN"):
            continue
        in_a_name = i > 0 and doc[i - 1].text[:1].isupper() and not token.is_sent_start or (
            i > 1 and doc[i - 1].lower_ in INNER_CONNECTORS and doc[i - 2].text[:1].isupper())
        if in_a_name or is_role_noun(token.text) or token.lower_ in TITLES or (
                lexicon.org_kind_of(token.text)):
            continue
        span = Span(doc, i, i + 1, label="PERSON")
        if _first_name_slot(span):  # (the tagger may call the name a noun: "Tomasz is the …")
            found.append(span)
    return found


def _first_name_slot(word: Span) -> bool:
    """ "Nadia's paper", "Nadia is the president of", "Nadia is co-organising": where a lone
    word can only be a person's first name."""
    return _owns_a_work(word) or _role_after_copula(word) or _organises(word[0])


def _names_a_chair(span: Span) -> bool:
    """ "the Tomasz Marino Volkov Professor of Soil Science": names before a role noun after
    "the" name a chair after its benefactor, not a person of the text."""
    doc = span.doc
    end = span.end
    while end < len(doc) and NAME_WORD.match(doc[end].text) and not is_role_noun(doc[end].text):
        end += 1
    start = span.start
    while start > 0 and NAME_WORD.match(doc[start - 1].text):
        start -= 1
    return end < len(doc) and doc[end].is_title and is_role_noun(doc[end].text) and (
        start > 0 and doc[start - 1].lower_ == "the")


def _first_names_joined(ents: list[Span]) -> list[Span]:
    """ "Kwame" + "Novak Fischer", "Dr Priyanka" + "Alvarez Weber", "Jonas Fischer" + "Volkov":
    a one-word person right before or after another person (nothing between them) is a part
    of that name."""
    return _people_joined(ents, lambda last, ent: last.end == ent.start and 1 in (
        len(last), len(ent)) and last.label_ == ent.label_ == "PERSON" and (
        len(last) + len(ent) <= 4))


#: Titles only a person bears ("Lady Margaret Hall" is a college)
_PERSONAL_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx"})


def _opening_imperative(token: Token) -> bool:
    """ "Watch" in "Watch Jane Doe's keynote": a verb that opens a sentence, no part of a name."""
    return token.is_sent_start is True and token.lower_ in IMPERATIVES


def _orgs_after_roles(doc: Doc) -> None:
    """ "Name, Role at Globex" / "Name from Globex" / "president of GLOBEX" / "a partnership
    with (the) Globex": the capitalised run after the preposition is an organisation even when
    the NER did not see it; "Name from DeepMind": a one-word camel-case name the NER took for
    a place is an organisation."""
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    people_ends = {e.end for e in doc.ents if e.label_ == "PERSON"}
    places = {e.start: e for e in doc.ents if e.label_ in ("GPE", "LOC") and len(e) == 1}
    added, replaced = [], []
    for preposition in tokens_in(doc, ("at", "from", "of", "with", "by")):
        if preposition.i + 1 >= len(doc):
            continue
        if preposition.lower_ == "by" and (preposition.i == 0 or doc[
                preposition.i - 1].lower_ not in _FUNDING):
            continue  # "funded by Acme": only funders are surely organisations
        partnering = preposition.lower_ == "with" and preposition.i > 0 and doc[
            preposition.i - 1].lower_ in _PARTNERING
        if preposition.lower_ == "with" and not partnering:
            continue
        token = preposition  # the token the run follows: the preposition, or "the" after it
        if doc[token.i + 1].lower_ == "the" and token.i + 2 < len(doc):
            token = doc[token.i + 1]
        following = doc[token.i + 1]
        before = doc[max(0, preposition.i - 6) : preposition.i]
        after_role = is_role_phrase(before.text.split(",")[-1])
        funded = preposition.lower_ == "by"
        if not (after_role or partnering or funded or preposition.i in people_ends):
            continue
        place = places.get(following.i)
        if place is not None and camel_case(place.text):
            added.append(Span(doc, place.start, place.end, label="ORG"))
            replaced.append(place)
        campus = _campus_name(doc, following)
        if campus is not None:  # "PhD student at UC San Diego", tagged as two places
            added.append(campus)
            replaced += [e for e in doc.ents if overlaps(e, campus)]
            continue
        if following.i in taken:
            continue
        # "president of GLOBEX"; "Professor at UCL" (after at/from a short one will do)
        after_person = preposition.i in people_ends  # "Jane Doe of GSK"
        acronym = following.is_upper and following.is_alpha and len(following) > (
            3 if preposition.lower_ == "of" and not after_person else 2)
        if preposition.lower_ == "of" and not acronym:
            continue  # "president of ACME" names an organisation; "Professor of Statistics",
            # "Head of AI" do not
        end = token.i + 1
        while (
            end < len(doc)
            and end not in taken
            and (
                _capitalised(doc[end])
                or doc[end].is_upper
                or (
                    doc[end].lower_ in ("of", "for", "and", "&")
                    and end + 1 < len(doc)
                    and doc[end + 1].is_title
                    and doc[end + 1].lower_.rstrip(".") not in TITLES  # "GSK and Dr Jane Doe"
                )
                or (doc[end].text == "-" and not doc[end - 1].whitespace_)  # "RARE-X"
                or DOTTED_NAME.fullmatch(doc[end - 1 : end + 2].text) is not None  # "Acme.AI"
            )
        ):
            end += 1
        while end > token.i + 1 and doc[end - 1].lower_ in ("of", "for", "and", "&"):
            end -= 1  # "at Acme Analytics and Jane Doe": the connector joins the next name
        # "at UC Davis": two capitals and a name after them
        short = following.is_upper and following.is_alpha and end > following.i + 1
        named = _capitalised(following) or acronym or short
        if end > token.i + 1 and named:
            added.append(Span(doc, token.i + 1, end, label="ORG"))
            taken.update(range(token.i + 1, end))
            if funded:  # "funded by Acme Research UK": a funder, even in common words
                org_attributes(doc).setdefault(following.idx, {"org_kind": "funder"})
    if added:
        doc.ents = filter_spans([*(e for e in doc.ents if e not in replaced), *added])


def _capitalised(token: Token) -> bool:
    """ "Acme", "AstraZeneca" (camel case is no title case), not "ACME" or "acme"."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _campus_name(doc: Doc, first: Token) -> Span | None:
    """ "UC San Diego", "ETH Zurich": a short acronym the NER took for a place and the
    place-like words after it name one institution."""
    if not (first.is_upper and first.is_alpha and len(first) <= 4 and first.ent_type_ in (
            "GPE", "LOC")):
        return None
    end = first.i + 1
    while end < len(doc) and end < first.i + 4 and doc[end].is_title and doc[end].ent_type_ in (
            "GPE", "LOC", ""):
        end += 1
    return Span(doc, first.i, end, label="ORG") if end > first.i + 1 else None


_FUNDING = frozenset({"funded", "sponsored", "co-funded"})


def _with_first_name(span: Span, taken: set[int]) -> Span:
    """ "Adarsh [Srivastava]": a capitalised name word the NER left just before a surname, or
    took for a nationality before a two-word name ("Hui" of "Hui [Min Ko]")."""
    doc = span.doc
    i = span.start - 1
    if len(span) == 1 and i >= 2 and doc[i].text in ("'", "’") and len(doc[i - 1]) == 1 and (
            doc[i - 1].is_upper and NAME_WORD.match(doc[i - 2].text) and _unclaimed(doc[i - 2])):
        return Span(doc, i - 2, span.end, label="PERSON")  # "Ama O' [Romano]"
    # (a one-word "place" may be the first name: "Amelia" + "Haddad"; before two words, only
    # after a lower-case word: "from Priyanka [Haddad Sato]", not "Data Science [Jane Doe]")
    two_after_lower = len(span) == 2 and i >= 1 and not doc[i - 1].text[:1].isupper()
    particle = span[0].text in NAME_PARTICLES  # "Elif [van der Castillo]"
    if (len(span) == 1 or two_after_lower or particle) and i >= 0 and (
            i not in taken or _unclaimed(doc[i])) and NAME_WORD.match(doc[i].text):
        word = doc[i]
        if not (  # (at a sentence's start too: "Emeka [Marino], Roche, Deputy Lead")
            word.is_stop or _opening_imperative(word) or word.lower_ in TITLES
            or is_role_phrase(word.text)
        ):
            if word.pos_ == "PROPN" and not lexicon.org_kind_of(word.text):
                span, i = Span(doc, i, span.end, label="PERSON"), i - 1
    if len(span) == 2 and i >= 0 and doc[i].ent_type_ == "NORP" and doc[i].ent_iob_ == "B" and (
            doc[i].is_title and not doc[i].is_sent_start and (i == 0 or not doc[i - 1].is_title)):
        return Span(doc, i, span.end, label="PERSON")
    return span


def _with_surname_tail(span: Span) -> Span:
    """ "Ines Carvalho[-Lund]", "Martin O' [Reilly]", "Kofi Lindqvist [Fischer]", "Kwame [van
    der Okonkwo]": a hyphen and a capitalised word glued to the end, a capitalised word after
    an "O'" prefix, a third name word, or particles and a name word continue the name the NER
    cut."""
    doc = span.doc
    end = _hyphen_compound_end(doc, span.end - 1)
    if _third_name_word(doc, span.end):  # "Dr Kofi Lindqvist [Fischer] has been invited"
        end = span.end + 1
    particle_next = span.end < len(doc) and doc[span.end].text in NAME_PARTICLES
    if span[-1].text in NAME_PARTICLES or particle_next:  # "Greta van" + "der Bello", "Kwame"
        end = span.end  # + "van der Okonkwo" (a third name word: the surname they lead to)
        while end < len(doc) and doc[end].text in NAME_PARTICLES:
            end += 1
        end = end + 1 if end < len(doc) and NAME_WORD.match(doc[end].text) else span.end
    elif _o_prefix_cut(doc, end):  # "Aisha O" + "' Eze"
        end += 2
    if (
        len(span) > 2
        and span[-1].text in ("'", "’")
        and len(span[-2]) == 1
        and span[-2].is_upper
        and end < len(doc)
        and doc[end].is_title
    ):
        end += 1
    return Span(doc, span.start, end, label=span.label_) if end > span.end else span


def _o_prefix_cut(doc: Doc, end: int) -> bool:
    """ "Aisha O" + "' Eze": a span ending at ``end`` on an initial that an apostrophe and a
    capitalised word continue."""
    return len(doc[end - 1]) == 1 and doc[end - 1].is_upper and end + 1 < len(doc) and (
        doc[end].text in ("'", "’") and doc[end + 1].is_title)


def _unclaimed(token: Token) -> bool:
    """No entity's, or alone in a "place" or "facility" the NER made of a name word."""
    doc, i = token.doc, token.i
    alone = token.ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
    return not token.ent_type_ or token.ent_type_ in _NAME_LOOKALIKES and alone


def _third_name_word(doc: Doc, i: int) -> bool:
    """The word at ``i`` is a capitalised name word the NER left off a name ("Kofi Lindqvist
    [Fischer] has …"): no entity's, no role's or organisation's, and not before another
    capitalised word (which would make it the start of a name or title of its own)."""
    word = doc[i] if i < len(doc) else None
    return word is not None and word.is_title and _unclaimed(word) and bool(
        NAME_WORD.match(word.text)) and not is_role_phrase(word.text) and not (
        lexicon.org_kind_of(word.text) or word.is_stop or word.is_sent_start) and (
        i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper()
        or doc[i + 1].text in POST_NOMINALS)  # "Leila [Asante] MP"


def _hyphen_compound_end(doc: Doc, i: int) -> int:
    """End of the word at ``i`` with its "-Word" parts written without spaces."""
    end = i + 1
    while end + 1 < len(doc) and glued_dash(doc[end]) and doc[end + 1].is_title:
        end += 2
    return end


def _hyphen_compound_start(doc: Doc, i: int) -> int:
    """Start of the word at ``i`` with its "Word-" parts written without spaces."""
    start = i
    while start >= 2 and glued_dash(doc[start - 1]) and doc[start - 2].is_title:
        start -= 2
    return start


def _person_ok(span: Span) -> bool:
    """Name-like: capitalised words, not an acronym, not a role, not a common noun phrase."""
    words = [t.text for t in span if t.text not in ("(", ")")]
    if len(words) == 1 and (words[0].isupper() or not NAME_WORD.match(words[0])):
        return False
    titled = span.start > 0 and span.doc[span.start - 1].lower_ in TITLES
    if not titled and (_common_noun_phrase(span) or _after_a_year(span)):
        return False
    return all(
        w[:1].isupper() or w in ("-", "'", "’") or w in NAME_PARTICLES for w in words
    ) and not is_role_phrase(span.text)


def _after_a_year(span: Span) -> bool:
    """ "the 2030 Soil Equity DataJam": a capitalised run that starts after a year names an
    edition of something, not a person."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_title:
        i -= 1
    return i >= 0 and span.doc[i].shape_ == "dddd"


def _common_noun_phrase(span: Span, dictionary: frozenset[str] = frozenset()) -> bool:
    """ "Research Assistants", "Rare Diseases", "Generative AI" (by the tagger), "Insight
    Sharing Webinar", "PhD Studentships", "Summer Schools" (by the word that heads it),
    "Monte Carlo Sampling (MCS)" (it has an acronym), "Tiger Stripe Patterns" (part of a longer
    name): no one's name. With a ``dictionary``, a plural the tagger sees in a word that is no
    English word is a surname's "s" ("Carla Mendes")."""
    last = span[-1].text
    plural = span[-1].tag_ in _PLURAL_TAGS and (
        not dictionary or in_dictionary(last.lower(), dictionary))
    plural_head = last.endswith("s") and last[:-1] in lexicon.org_head_words()
    doc = span.doc
    bracketed = bracketed_capitals(span)
    # "(MCS)" spells the phrase; "Holger Roth (NVIDIA)" is an employer's
    acronym = bracketed is not None and len(bracketed) > 1 and names.acronym_fits(
        bracketed.text, span.text)
    # "Identifying Tiger Stripe Patterns": a modifier of the capitalised noun that follows (not
    # of honours, "Nadia Volkov MP", nor of a surname the NER split off: "Bruno Qureshi" +
    # "Haddad")
    modifier = (
        span.end < len(doc)
        and doc[span.end].text[:1].isupper()
        and not doc[span.end].is_upper
        and span[-1].dep_ == "compound"
        and span[-1].head.i == span.end
        and not (span.label_ == "PERSON" and doc[span.end].ent_type_ == "PERSON")
    )
    return (
        plural
        or span[0].tag_ in _MODIFIER_TAGS
        or names_event_or_opportunity(last)
        or plural_head
        or acronym
        or modifier
    )


def _in_employer_slot(span: Span, people_ends: set[int]) -> bool:
    """ "Jane Doe of Novo Nordisk", "Jane Doe (Novo Nordisk)": what follows a person after
    "of/from/at" or in brackets is where they work, even when the NER saw a name in it; so
    does what follows "a researcher at", "works for"."""
    doc, before = span.doc, span.start - 1
    if before >= 1 and doc[before].lower_ in ("at", "for") and (
            is_role_noun(doc[before - 1].text) or doc[before - 1].lemma_.lower() == "work"):
        return True
    if before < 1 or before not in people_ends:
        return False
    if doc[before].lower_ in ("of", "from", "at"):
        return True
    return doc[before].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


def _in_person_slot(span: Span) -> bool:
    """A name followed by ", Role" or by its organisation in brackets ("Jane Doe (University
    of Westby)"), preceded by a title or a lower-case role noun ("research associate Jane
    Doe"), listed with a person after "by/with", after "chaired/written by", before "et al."
    or "and colleagues" or the subject of "speak/talk" is a person whatever the NER said."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in TITLES:
        return True
    if _person_shaped_slot(span) or _from_org_after(span) or _team_line(span):
        return True
    if _listed_before_a_person(span) or _listed_after_a_person(span) or (
            _bracket_after(span) is not None and _listed_with_brackets(span)):
        return True  # "X (Acme), Y (Globex) and Z (AstraZeneca)"
    if span.start > 0 and doc[span.start - 1].lower_ in ("by", "with") and _person_after_and(span):
        return True  # "written by Jane Doe and <person>"
    phrase = _phrase_after_comma(span)
    if phrase is not None:
        if any(is_role_phrase(part) for part in _role_parts(phrase)):
            return True
        first = all(not t.is_alpha for t in doc[: span.start])
        return first and (
            doc[span.end + 1].ent_type_ in ("ORG", "PERSON") or bool(lexicon.org_kind_of(phrase))
        )
    return False


def _person_shaped_slot(span: Span) -> bool:
    """The slots both a name the NER mislabelled and one it missed are read in: before its
    organisation in brackets, after a role noun, before "et al."/"and colleagues", the subject
    of "speak/talk", before "(from Acme) will be discussing", and the words before or after a
    name that only a person takes (``_ONLY_A_PERSON_BEFORE``, ``_ONLY_A_PERSON_AFTER``)."""
    return (_org_in_brackets_after(span) or _role_noun_before(span) or _before_et_al(span)
            or _talks(span) or _role_after_copula(span) or _after_speaker_cue(span)
            or _owns_a_work(span) or _done_by(span) or _among_speakers(span)
            or _speaks_next(span) or _whose_work(span) or _in_labelled_list(span)
            or _in_byline_after_title(span)
            or bool(_ONLY_A_PERSON_BEFORE.search(span.doc[span.sent.start : span.start].text))
            or bool(_ONLY_A_PERSON_AFTER.match(span.doc[span.end : span.end + 8].text)))


# What only a person is, right before their name: greeted, thanked on leaving, interviewed,
# awarded, working together ("Congratulations to Jane Doe", "our interview with Jane Doe",
# "presented to Jane Doe", "X, together with Jane Doe"; a name with an organisation's word is
# none of these), writing with someone ("co-led the paper 'Title' with her supervisor Jane
# Doe"), based somewhere ("Based at Westby University and the Acme Institute, Jane Doe …"),
# introduced ("This month's scholar is Jane Doe")
_ONLY_A_PERSON_BEFORE = re.compile(
    r"(?i:\b(?:(?:congratulations|congrats|well done|farewell|goodbye) to|interview(?:ed)? with|"
    r"(?:conversation|chat) with|(?:awarded|presented) to|, together with))$|"
    r"^\W*Based (?:at|in) [^,;]{2,120},$|"
    r"\b(?:co-?authored|co-? ?wrote|written|wrote|co-?led|published|paper|preprint|article)\b"
    r"[^.]{0,200}\bwith(?: (?:her|his|their|my|our))?(?: [a-z]+){0,2}$|"
    r"\b(?:joint work|teamed up|collaborat(?:ed|ing|ion)) with$|"
    # "This month's scholar is Jane Doe", "Our guest for this webinar will be Jane Doe"
    r"(?i:\b(?:scholar|speaker|guest|interviewee|presenter)(?: (?:this|for this|for the|of the) "
    r"\w+)? (?:is|was|will be)$)")
# … and right after it: holding a post, writing a paper, joining as a role, being based at a
# place of work ("… holds a joint appointment at X and Y", "… is the first author of", "… has
# joined us as Programme Manager", "… is based at Westby University")
_ONLY_A_PERSON_AFTER = re.compile(
    r"(?:currently |also |now )?hold(?:s|ing)? (?:a|an) (?:joint |dual |senior |visiting |"
    r"honorary )?(?:position|appointment|post|chair|fellowship|professorship)\b|"
    r"(?:is|was) (?:the |a |one of the )?(?:lead |first |senior |last |joint |corresponding )?"
    r"(?:co-)?authors? (?:of|on)\b|"
    r"as (?:a |the )?(?:lead |first |senior |last |joint |corresponding )?(?:co-)?author\b|"
    r"\((?:the )?(?:lead |first |senior |last |joint |corresponding )?(?:co-)?author\)|"
    r"(?:has |have |had |recently |just )*co-? ?(?:wrote|authored)\b|"
    r"(?:has|have) (?:a |an )(?:new |recent |first )?(?:paper|preprint|article)\b|"
    r"(?:has |have |recently |just )*joined (?:us|the (?:\w+ ){0,2}team|the partnership) as\b|"
    # "Jane Doe is based at Westby University" (an organisation is based in a place)
    r"(?:is|was) (?:currently |now )?based at\b")


# what stands between a paper's title and a name of its byline: "[Title](doi) - Jane Doe, …",
# "'Title', by Jane Doe and …"
_BYLINE_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}(?:\s*\([^()]{1,60}\))?"
_BYLINE_BEFORE = re.compile(  # a dash or "by" after the title; an "and" closes the list
    rf"['’\"”]?,?\s*(?:[-–—]|\bby)\s+(?:{_BYLINE_NAME}\s*,\s*)*(?:{_BYLINE_NAME}\s*(?:\band\b|&)\s*)?")


_YEAR_AFTER = re.compile(r"\s*[,(]?\s*(?:19|20)\d\d\b")


def _in_byline_after_title(span: Span) -> bool:
    """A name in the line of names right after a paper's title (linked by DOI or quoted)."""
    doc = span.doc
    text = text_of(doc)
    ends = [t.end_char for t in doc.spans.get(LINKED_TITLES, [])] + [
        m.end(1) for m in QUOTED_TITLE.finditer(text)]
    if _YEAR_AFTER.match(text, span.end_char):
        return False  # "'Title', Nature Medicine (2030)": the venue
    return any(end <= span.start_char and _BYLINE_BEFORE.fullmatch(text, end, span.start_char)
               for end in ends)


def _whose_work(span: Span) -> bool:
    """ "Congratulations to Jane Doe, whose paper …": only a person's talk or paper."""
    doc, i = span.doc, span.end
    return i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "whose" and any(
        t.lower_ in _PERSONAL_WORKS for t in doc[i + 2 : i + 4])


# "Authors: Jane Doe, Mark Smith": a line that labels the people it lists
_PEOPLE_LABEL = re.compile(
    r"\W*(?:(?:confirmed|invited|keynote|guest|our) )?(?:co-?)?(?:authors?|speakers?|"
    r"panell?ists?|organi[sz]ers?|contributors?|presenters?|chairs?|hosts?|editors?|supervisors?)"
    r"(?: [a-z]+){0,3}\s*:\s*|\W*in conversation\s*:\s*", re.IGNORECASE)  # "… so far:"
_LISTED_NAMES = re.compile(r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*\s*(?:,|;|\band\b|&)\s*)*")


def _in_labelled_list(span: Span) -> bool:
    """A name in the list after "Authors:", "Speakers:", "Panellists:" … (the other names of
    the list before it, if any, with commas or "and" between them)."""
    before = span.doc[span.sent.start : span.start].text
    label = _PEOPLE_LABEL.match(before)
    return label is not None and _LISTED_NAMES.fullmatch(before[label.end() :]) is not None


def _speaks_next(span: Span) -> bool:
    """ "…, Jane Doe from Acme will be discussing …" (not "people from Acme will be
    speaking", where the name is an employer)."""
    doc = span.doc
    return before_speak_verb(span) and not (
        span.start > 0 and doc[span.start - 1].lower_ in ("from", "at", "of", "by"))


# "… are amongst the second wave of speakers", after the name (and the names joined to it)
_AMONG_SPEAKERS = re.compile(
    r"(?:,? ?and [^.;:]{1,60}? )?(?:is|are|was|were|will be) (?:also )?among(?:st)? (?:the )?"
    r"(?:[\w-]+ ){0,5}?(?:speakers|panell?ists|presenters|keynotes)\b", re.IGNORECASE)


def _among_speakers(span: Span) -> bool:
    """ "Acme's Jane Doe and Westby's Mark Smith are amongst the speakers announced": only
    people are among an event's speakers."""
    return bool(_AMONG_SPEAKERS.match(span.doc[span.end : span.sent.end].text))


def _done_by(span: Span) -> bool:
    """ "chaired by Jane Doe": after what only people do to an event or a paper."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ == "by" and (
        doc[span.start - 2].lower_ in _DONE_BY_PEOPLE)


#: What only a person has: "Jane Doe's talk", "Jane Doe's new paper"
_PERSONAL_WORKS = TALK_NOUNS | {"paper", "preprint", "article", "blog", "book", "thesis", "phd",
                                 "poster", "lab"}


def _owns_a_work(span: Span) -> bool:
    """ "Jane Doe's talk at …", "Jane Doe's new paper": the owner of a talk or a paper."""
    doc = span.doc
    linked = {title.start for title in doc.spans.get(LINKED_TITLES, [])}  # "X's [Title](doi)"
    return span.end + 1 < len(doc) and doc[span.end].text in ("'s", "’s", "'", "’") and (any(
        t.lower_ in _PERSONAL_WORKS for t in doc[span.end + 1 : span.end + 3])  # ("Tomasz'")
        or span.end + 1 in linked)


def _after_speaker_cue(span: Span) -> bool:
    """ "Speakers will include Nina Petrova from …", "we will hear from Nina Petrova": the name
    right after a cue that introduces speakers."""
    before = span.doc[max(span.sent.start, span.start - 6) : span.start].text
    return any(cue.end() == len(before) for cue in SPEAKER_CUES.finditer(before))


# "is a", "was our", "has been the", "is now a": between a name and the role it holds
_COPULA = re.compile(r"(?:is|was|has been)(?: now| currently)?(?: (?:a|an|the|our|their))?$",
                     re.IGNORECASE)


def _role_after_copula(span: Span) -> bool:
    """ "Nina Petrova is a Senior Research Associate at …", "… has been our Theme Lead": only
    a person is a role."""
    doc = span.doc
    for start in range(span.end + 1, min(len(doc), span.end + 4) + 1):
        if _COPULA.match(doc[span.end : start].text):
            if any(is_role_phrase(doc[start:end].text)
                   for end in range(start + 1, min(len(doc), start + 5) + 1)):
                return True
    return False


def _org_in_brackets_after(span: Span) -> bool:
    """ "Jane Doe (University of Westby)"."""
    doc = span.doc
    return span.end + 2 < len(doc) and doc[span.end].text == "(" and bool(
        lexicon.org_kind_of(doc[span.end + 1 : span.end + 8].text.split(")")[0]))


def _bracket_after(span: Span) -> Span | None:
    """The capitalised words in brackets right after ``span`` ("Jane Doe (Acme)")."""
    doc, i = span.doc, span.end
    if i + 2 >= len(doc) or doc[i].text != "(":
        return None
    end = i + 1
    while end < min(len(doc), i + 6) and doc[end].text[:1].isupper():
        end += 1
    return doc[i + 1 : end] if end > i + 1 and end < len(doc) and doc[end].text == ")" else None


def _listed_with_brackets(span: Span) -> bool:
    """Another person of the sentence is followed by an organisation in brackets ("X (Acme),
    Y (Globex) and Z (Initech)"): the list gives every name the same shape."""
    doc = span.doc
    orgs = ents_by_start(doc, "ORG")
    return any(
        e.label_ == "PERSON" and e.start != span.start and e.end + 1 < len(doc)
        and doc[e.end].text == "(" and (org := orgs.get(e.end + 1)) is not None
        and org.end < len(doc) and doc[org.end].text == ")"  # "(University of Westby)" too
        for e in span.sent.ents)


def _bracketed_employers(doc: Doc) -> None:
    """ "Guillaume Desachy (AstraZeneca)" in a list of "Person (Organisation)": the bracketed
    name the NER missed is an organisation too."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    added = [Span(doc, inner.start, inner.end, label="ORG") for person in people
             if (inner := _bracket_after(person)) is not None
             and all(t.ent_type_ in ("", "PRODUCT", "WORK_OF_ART") for t in inner)
             and _listed_with_brackets(person)]
    if added:
        doc.ents = filter_spans([*(e for e in doc.ents if not any(overlaps(e, a) for a in added)),
                                 *added])


_ONLY_PEOPLE_DO = frozenset({"speak", "talk", "lecture"})


def _talks(span: Span) -> bool:
    """ "Nina Petrova will talk us through …", "Nina Petrova will join us to talk about …",
    "Nina Petrova and Jo Lee will be giving the keynote talks": only a person speaks or
    lectures."""
    root = span[-1]
    if root.dep_ == "appos":  # "Acme colleague Jane Doe is delivering …": the parser's subject
        root = root.head      # is the noun before the name
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    return verb.lemma_ in _ONLY_PEOPLE_DO or any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_ in _ONLY_PEOPLE_DO for c in verb.children) or (
        verb.lemma_ in ("give", "deliver") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS for c in verb.children))


_COLLEAGUES = frozenset({"colleagues", "collaborators", "co-authors", "coauthors"})


def _before_et_al(span: Span) -> bool:
    """ "Jane Doe et al. propose …", "Jane Doe and colleagues show …": a paper's first author."""
    doc, i = span.doc, span.end
    if i + 1 < len(doc) and doc[i].lower_ == "and" and doc[i + 1].lower_ in _COLLEAGUES:
        return True
    return i + 1 < len(doc) and doc[i].lower_ == "et" and doc[i + 1].lower_.startswith("al")


def _person_after_and(span: Span) -> bool:
    """ "hearing from Jane Doe and John Roe, …": coordinated with a person (after it, or
    before it: "Our Theme Leads Jane Doe and John Roe")."""
    doc, i = span.doc, span.end
    after = i + 1 < len(doc) and doc[i].lower_ == "and" and i + 1 in ents_by_start(doc, "PERSON")
    owner = i < len(doc) and doc[i].text in ("'s", "’s")  # "… and Acme's Jane Doe"
    start = span.start
    if start > 1 and doc[start - 1].text in ("'s", "’s"):  # "Roche's Jane Doe and Westby's
        start -= 1  # [John Roe]": after the owner's name
        while start > 1 and doc[start - 1].is_title and doc[start - 1].lower_ != "and":
            start -= 1
    return after or start > 1 and doc[start - 1].lower_ == "and" and not owner and any(
        e.label_ == "PERSON" and e.end in (start - 1, start)  # the NER's "Jane Doe and" ends
        for e in doc.ents)  # on the "and"


def _listed_before_a_person(span: Span) -> bool:
    """ "Tobias Richter, Grace Obi and Amelia Ford": a name in a list of names that ends on
    "and <person>" is a person too (a team line "Jane Doe, Genomics England, Lead" has no
    such end)."""
    doc, i = span.doc, span.end
    people = ents_by_start(doc, "PERSON")
    while i + 1 < len(doc) and doc[i].text in (",", "and"):
        if doc[i].text == "," and doc[i + 1].lower_ == "and":
            i += 1
        if doc[i].lower_ == "and":
            return i + 1 in people
        end = i + 1  # the next entry: two or three name words
        while end < len(doc) and end - i <= 3 and NAME_WORD.match(doc[end].text):
            end += 1
        if end - i < 3:
            return False
        i = end
    return False


def _listed_after_a_person(span: Span) -> bool:
    """ "Sofia Petrov, Nadia Romano and Elif Bello": a name coordinated in a list of names that
    opens with a person is a person too (every entry two or three name words, none an
    organisation's: a team line "Jane Doe, Acme Labs and Westby University" is no such list)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return False  # "Jane Doe and Google DeepMind's John Roe": an employer
    people_ends = {e.end for e in doc.ents if e.label_ == "PERSON"}
    last = span.start > 0 and doc[span.start - 1].lower_ == "and"
    if not (last or span.end + 1 < len(doc) and doc[span.end].lower_ == "and"
            and _name_entry_end(doc, span.end + 1) is not None):
        return False
    i = span.start
    while i >= 2 and doc[i - 1].lower_ in (",", "and"):
        separator = i - 1 - (doc[i - 1].lower_ == "and" and doc[i - 2].text == ",")
        if separator in people_ends:
            return True
        start = separator
        while start > 0 and separator - start < 3 and NAME_WORD.match(doc[start - 1].text):
            start -= 1
        if separator - start < 2 or lexicon.org_kind_of(doc[start:separator].text):
            return False
        i = start
    return False


def _name_entry_end(doc: Doc, start: int) -> int | None:
    """The end of two or three name words from ``start`` that name no organisation, if any."""
    end = start
    while end < len(doc) and end - start < 3 and NAME_WORD.match(doc[end].text):
        end += 1
    return end if end - start >= 2 and not lexicon.org_kind_of(doc[start:end].text) else None


def _from_org_after(span: Span) -> bool:
    """ "This month's scholar is Jane Doe, from Westby University", and at a sentence's start
    or after "including": "Jane Doe from the Westby Institute opened the session"."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif not span[0].is_sent_start and not (
            span.start > 0 and doc[span.start - 1].lower_ in ("including", "from")):
        return False  # (not "Machine Learning from Acme"; "including Jane Doe from Acme")
    if i + 1 >= len(doc) or doc[i].lower_ != "from":
        return False
    return org_after(doc, i + 1, ents_by_start(doc, "ORG")) is not None


def _after_role_words(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a capitalised run that opens with a role ("Community Scholar
    Jane Doe", which the NER leaves whole and unlabelled): after its last role noun ("Data
    Scientist Role" leaves one word, no name), unless a title follows it (read as a titled
    name)."""
    for i in range(end - 1, start - 1, -1):
        if is_role_noun(doc[i].text):
            return i + 1 if i + 1 >= end or doc[i + 1].lower_ not in TITLES else start
    return start


def _role_noun_before(span: Span) -> bool:
    """ "research associate Jane Doe", "Senior Research Associate Jane Doe", "our Community
    Scholar, Jane Doe, …", "our Theme Leads, Jane Doe and John Roe", "team members Jane Doe,
    Ann Lee and John Roe" (all of them)."""
    doc = span.doc
    start = _first_of_list(span)
    apposed = start > 1 and doc[start - 1].text == "," and (start < span.start or (  # (not
        span.end < len(doc) and doc[span.end].lower_ in (",", "and")))  # "Director, Stats at X")
    before = doc[start - 1 - apposed] if start > apposed else None
    return before is not None and before.is_alpha and is_role_phrase(before.text)


def _first_of_list(span: Span) -> int:
    """ "Jane Doe, Ann Lee and [John Roe]": where the names of two or three words that commas
    and "and" join to the span start (the span's own start when no name comes before)."""
    doc, start = span.doc, span.start
    while start > 2 and doc[start - 1].lower_ in ("and", ","):
        i = start - 1 - (doc[start - 1].lower_ == "and" and doc[start - 2].text == ",")
        first = i
        while first > max(0, i - 3) and NAME_WORD.match(doc[first - 1].text) and not (
                is_role_noun(doc[first - 1].text)):  # ("Associates Jane Doe and …")
            first -= 1
        if i - first < 2:
            break
        start = first
    return start


def _role_after_comma(span: Span) -> bool:
    """ ", Reader in Biostatistics at …": a role phrase right after the comma; one that names
    an organisation only as what a role is of ("Global Head of Regulatory")."""
    phrase = _phrase_after_comma(span)
    return phrase is not None and phrase != "" and any(
        is_role_phrase(part) and not (lexicon.org_kind_of(part) and not _role_of(part))
        for part in _role_parts(phrase))


def _role_parts(phrase: str) -> tuple[str, str]:
    """The phrase and its first conjunct: ", Data Scientist and Network Lead" and ", Expert Data
    Scientist and Imaging R&D" (cut before "Lead") are roles by their first part."""
    return phrase, phrase.split(" and ")[0]


def _role_of(phrase: str) -> bool:
    """ "Head of Regulatory", "Director for Agency Relations": a role noun before "of/for/in"."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "in")), 0)
    return cut > 0 and is_role_noun(words[cut - 1])


def _after_meet(span: Span) -> bool:
    """ "Meet Jane Doe", "Introducing Jane Doe": a line that introduces a person."""
    return span.start == 1 and span.doc[0].lower_ in ("meet", "introducing", "welcome")


def _team_line_name(doc: Doc) -> list[Span]:
    """ "Amelia Nilsson, Roche, Acme Partnership Deputy Lead": the two or three name words a team
    line opens with are a person, whatever the NER made of them ("Nilsson" an organisation)."""
    start = next((t.i for t in doc if t.is_alpha), len(doc))
    end = start
    while end < min(len(doc), start + 3) and NAME_WORD.match(doc[end].text) and (
            doc[end].ent_type_ != "ORG" or len(_ent_at(doc, end)) == 1):
        end += 1
    span = Span(doc, start, end, label="PERSON")
    if end - start < 2 or not looks_like_name(span) or _common_noun_phrase(span):
        return []
    return [span] if _team_line(span) else []


def _unknown_subject(span: Span, dictionary: frozenset[str]) -> bool:
    """ "Tomasz Marino will be leaving …", "Ingrid Sato received the medal": two or three
    capitalised words the NER left unlabelled, the subject of a verb, one of them no English
    word, are a person's name."""
    root, doc = span.root, span.doc
    owned = span.start > 0 and doc[span.start - 1].text in ("'s", "’s")  # "Acme's Data Ideathon"
    verb = root.head  # "Westby Genomics are organising": a body's plural verb
    plural = verb.tag_ == "VBP" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in verb.children)
    return 2 <= len(span) <= 3 and root.dep_ in ("nsubj", "nsubjpass") and (
        verb.pos_ in ("VERB", "AUX")) and not owned and not plural and any(
        not in_dictionary(t.lower_, dictionary) for t in span) and not any(
        names_event_or_opportunity(t.text) for t in span)


def _ent_at(doc: Doc, i: int) -> Span:
    """The entity holding token ``i`` (a one-token span when none does)."""
    return next((e for e in doc.ents if e.start <= i < e.end), doc[i : i + 1])


def _team_line(span: Span) -> bool:
    """ "Jane Doe, Acme Institute, Community Manager", "Jane Doe - Acme University": a line that
    opens with the name, then an organisation (or two joined by "and") and a role after commas
    or dashes (a team list), or
    nothing but an organisation its name says is one (a list of speakers)."""
    doc = span.doc
    if any(t.is_alpha for t in doc[: span.start]) or span.end + 1 >= len(doc) or (
            doc[span.end].text not in _LINE_SEPARATORS):
        return False
    orgs = {e.start: e for e in doc.ents if e.label_ == "ORG"}
    org = orgs.get(span.end + 1)
    while org is not None and org.end + 1 < len(doc) and doc[org.end].lower_ in ("and", "&") and (
            org.end + 1 in orgs):  # "Jane Doe, Acme Institute and Westby University, Lead"
        org = orgs[org.end + 1]
    if org is not None and all(not t.is_alpha for t in doc[org.end :]):
        return bool(lexicon.org_kind_of(org.text))
    if org is None or org.end + 1 >= len(doc) or doc[org.end].text not in _LINE_SEPARATORS:
        return False
    role = re.split(r"[,(|–—]| - ", doc[org.end + 1 : min(len(doc), org.end + 10)].text)[0]
    return is_role_phrase(role)  # "…, Deputy Lead (on sabbatical till August)"


_APPOSITION_MARKS = frozenset({",", ":", "–", "—", "|", "-"})
#: What separates a team line's name, organisation and role ("Jane Doe - Acme - Lead")
_LINE_SEPARATORS = _APPOSITION_MARKS - {":"}


def _phrase_after_comma(span: Span) -> str | None:
    """The words after a comma (or a colon, dash or bar) right after ``span``, up to the next
    one, "at", "from" or "visiting" ("Jane Doe, Reader in Biostatistics at …" -> "Reader in
    Biostatistics"; "Jane Doe: Theme Lead, Acme"); None without one."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in _APPOSITION_MARKS:
        return None
    words = []
    for token in doc[span.end + 1 : min(len(doc), span.end + 8)]:
        if token.text in _APPOSITION_MARKS or token.lower_ in ("at", "from", "visiting"):
            break
        words.append(token.text)
    return " ".join(words)


def _nicknames(doc: Doc) -> list[Span]:
    """ "Tapabrata (Rohan) Chakraborty": first name, bracketed nickname, surname."""
    found = []
    for lp in tokens_in(doc, ("(",)):
        i = lp.i - 1
        if i < 0 or i + 4 >= len(doc):
            continue
        a, b, rp, c = doc[i], doc[i + 2], doc[i + 3], doc[i + 4]
        if rp.text == ")" and all(NAME_WORD.match(t.text) for t in (a, b, c)):
            if a.is_title and b.is_title and c.is_title:
                start = _hyphen_compound_start(doc, i)  # "Eleni-Rosalina (Elrozy) …"
                found.append(Span(doc, start, _hyphen_compound_end(doc, i + 4), label="PERSON"))
    return found


#: Labels the NER gives names it does not know ("Ingrid Sato" a facility, "Lars Fischer" a
#: product, "Yilmaz" a place): a person's slot overrides them
_NAME_LOOKALIKES = frozenset({"NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})


def _lone_unknown_org(ent: Span) -> bool:
    """One capitalised word the NER called an organisation that no configured name or kind
    word says is one ("Novak" of "Emeka Novak")."""
    return ent.label_ == "ORG" and len(ent) == 1 and ent[0].is_title and not (
        lexicon.org_kind_of(ent.text))


def _unlabelled_names(doc: Doc, ents: list[Span], dictionary: frozenset[str]) -> list[Span]:
    """A name-shaped run the NER left unlabelled, in a person's slot: after a title (Dr, Prof),
    before ", Role" ("and Ines Carvalho-Lund, Reader in …"), before "(University of X)" or "et
    al.", after a role noun ("speaker Ghadi al Hajj"), the subject of "speak/talk"; hyphenated
    surnames stay whole."""
    # a nationality, place, facility or product the NER saw in a name ("Hui" of "Hui Xin Ng,
    # PhD student", "Yilmaz" of "Emeka Yilmaz, Turing Institute, …") does not stop it
    # and neither does a lone unknown word it called an organisation ("Emeka [Novak] and …")
    taken = {i for e in ents if e.label_ not in _NAME_LOOKALIKES and not _lone_unknown_org(e)
             for i in range(e.start, e.end)}
    found = []
    for token in doc:
        titled = token.lower_ in TITLES
        if titled:
            dotted = token.i + 1 < len(doc) and doc[token.i + 1].text == "."
            start = token.i + 1 + int(dotted)
        elif token.is_title and (token.i == 0 or not doc[token.i - 1].is_title or (
                token.i - 1 in taken) or _after_meet(doc[token.i : token.i + 1])):
            start = token.i + int(_opening_imperative(token))
        else:
            continue
        end, words = start, 0
        # up to four name words, after up to three role words ("Postdoctoral Research Associate
        # Ama Qureshi", cut at its role words below)
        while end < len(doc) and words < 7 and NAME_WORD.match(doc[end].text):
            if any(i in taken for i in range(end, _hyphen_compound_end(doc, end))):
                break
            end, words = _hyphen_compound_end(doc, end), words + 1
            if end + 1 < len(doc) and len(doc[end - 1]) == 1 and doc[end - 1].is_upper and (
                    doc[end].text in ("'", "’")) and NAME_WORD.match(doc[end + 1].text):
                end += 1  # "Tomasz O' [Sorensen]": the prefix joins the next word
            particles = end
            while particles < len(doc) and doc[particles].text in NAME_PARTICLES:
                particles += 1  # "Ghadi al [Hajj]", "Nadia van der [Berg]": particles join
            if particles > end and particles < len(doc) and NAME_WORD.match(
                    doc[particles].text) and particles not in taken:
                end = particles  # the next word
        if words < 2 - titled or start in taken:  # "Prof Dwork": a title makes one word a name
            continue
        if not titled:  # "our Community Scholar Jane Doe": the role words open the run
            start = _after_role_words(doc, start, end)
        if end - start > 5 or titled and end - start > 4:
            continue
        span = Span(doc, start, end, label="PERSON")
        after_preposition = start > 0 and doc[start - 1].lower_ in ("in", "of", "for", "on")
        if titled or (
            looks_like_name(span)
            and not after_preposition
            and not _common_noun_phrase(span, dictionary)
            and (_person_shaped_slot(span) or _role_after_comma(span) or _from_org_after(span)
                 or _team_line(span) or _after_meet(span)
                 or _person_after_and(span) or _listed_before_a_person(span)
                 or _unknown_subject(span, dictionary)
                 or (_bracket_after(span) is not None and _listed_with_brackets(span)))
        ):
            found.append(span)
            taken.update(range(start, end))
    return found
