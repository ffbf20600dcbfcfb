"""Who speaks at and who organises the event an item describes.

Speakers: people in a sentence with a speaking cue ("joined by", "hearing from",
"keynote", "panel with", "presented by", "talk by") or who are the subject of a
speaking verb. Organisers: organisations (or people) that are the subject of
"host/organise/run/hold" or its "by" agent, and in headings the name before
"hosting". The event itself is the slot ``"EVENT"``, bound per item later.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from partnerkg.extract import lexicon
from partnerkg.extract.items import SPEAKS_AT, names_event, names_event_or_opportunity
from partnerkg.extract.names import TITLES
from partnerkg.extract.roles import is_role_noun
from partnerkg.extract.spans import (
    EVENTS,
    NARRATOR,
    Found,
    bracketed_capitals,
    chars,
    glued_dash,
    overlaps,
    register_extensions,
    relations,
    text_of,
    tokens_in,
)

SPEAKER_CUES = re.compile(
    r"\b(joined by|hear(?:ing)? from|keynotes?(?: speakers?| talks?| lectures?)?(?: from| by)?|"
    r"(?:speakers?|presenters?|panell?ists?|panel)(?: (?:this|for|at) \w+)?"
    r"(?: include| includes| will include| are| is| will be)|line-?up(?: includes?| is| will be|:)|"
    r"presenting (?:this \w+ )?(?:is|are|will be)|"  # "Presenting this month is Dr X"
    r"(?:chair|moderator|facilitator|discussant)s?(?=\s*:)|q&a with|"
    r"speaking (?:at|in) [^.()]{0,40}?(?:will be|are|is)|(?:given|delivered|moderated|opened|"
    r"facilitated) by|^\W*with(?= (?-i:[A-Z]))|"
    r"contributions? from|(?:opening |closing |welcome )?remarks (?:from|by)|"
    r"guests? (?:this \w+ )?(?:are|is|include|will be)|"
    r"speakers?(?: [a-z]+){0,3}(?=\s*:)|in conversation(?=\s*:)|"  # "Speakers confirmed so far:"
    r"(?:guest|invited|with|by) speakers?|special guests?|"
    r"panel(?:lists?| discussion)? with|panell?ists?|presented by|presentations? (?:from|by)|"
    r"talks? (?:from|by)|chaired by|featur(?:e|es|ing)|in (?:conversation|discussion|dialogue) "
    r"with|fireside chat with|"
    r"(?:talk|seminar|lecture|presentation)s? (?:is|are|will be|comes?) (?:from|by)|"
    r"lecture by|welcom(?:e|es|ing)|(?:be|is|are) led by|join(?= (?-i:[A-Z][a-z]+ [A-Z]))|"
    r"(?:seminar|webinar|talk|lecture|session)s? with|speakers? (?-i:(?=[A-Z]))|"
    r"joining us\b[^.]{0,80}?\b(?:will be|is|are)|"
    r"among(?:st)? the (?:\w+ )?(?:experts|speakers|panell?ists|presenters)|"
    r"(?:course|session|workshop|class|tutorial|masterclass)s? (?:led|delivered|given) by)\b",
    re.IGNORECASE,
)
_HEADING_SPEAKS_AT = re.compile(rf"\s+{SPEAKS_AT}")  # "Jane Doe speaker at …" in a heading
_I_WORD = re.compile(r"\bI\b")
_SPEAKERS_NAMED_BEFORE = re.compile(
    r"\b(?:are|is) (?:amongst|among|one of)\b[^.]{0,60}\bspeakers\b|"
    # "X will be in conversation with Y"
    r"\b(?:will be|is|are) in (?:conversation|discussion|dialogue) with\b|"
    # "X will be our guest speaker", "X is this month's speaker", "X, who will speak on …"
    r"\b(?:is|are|was|were|will be) (?:our|the|this \w+['’]s|a|an) (?:\w+ )?(?:speaker|presenter|"
    r"panell?ist|keynote)s?\b|, who (?:will|is going to) (?:speak|present|talk|give|deliver)\b|"
    r"\bwill (?:lead|facilitate|run) (?:a|the) (?:[\w-]+ )?(?:workshop|session|tutorial|"
    r"masterclass|discussion)\b|"
    r"\b(?:took|take|takes|taking) part in (?:a|the) (?:\w+ )?(?:panel|discussion)|"
    r"\b(?:sat|sits|sit|was|were|is|are|will be) on (?:a|the) (?:\w+ )?panel\b|"
    r"\b(?:invited|selected|chosen) (?:as|to be) (?:an? |the )?(?:\w+ )?"
    r"(?:speaker|panell?ist|keynote|presenter)s?\b", re.IGNORECASE)
#: Words that put a person named after a speaking cue in another part ("contact X").
NOT_SPEAKING = r"\b(?:contact|get in touch|e-?mail|reach out)\b"
_NOT_SPEAKING = re.compile(NOT_SPEAKING, re.IGNORECASE)
SPEAK_VERBS = frozenset(
    {"speak", "present", "talk", "discuss", "deliver", "give", "introduce", "share", "explore",
     "describe", "explain", "outline", "showcase", "demonstrate", "address", "cover", "lecture",
     "reflect", "highlight", "examine", "chair", "moderate", "keynote"}
)
_FIRST_PERSON_HOST = re.compile(
    r"\b(?:join us|we are (?:hosting|organising|organizing|running)|we(?:'re| will be) "
    r"(?:hosting|organising|organizing|running)|our (?:\w+ )?(?:event|series|webinar|seminar|"
    r"workshop|symposium|conference|lecture|hackathon|festival)s?\b)",
    re.IGNORECASE,
)
_PRESENT_VERBS = frozenset({"present", "have", "announce", "offer", "deliver", "put"})
_ORGANISE_STEM = re.compile(r"(?i)\b(?:host|organi[sz]|run|ran\b|hold|held|convene|co-host|launch)")
GUEST_VERBS = frozenset({"host", "welcome", "invite", "feature"})
ORGANISE_VERBS = frozenset(
    {"host", "organise", "organize", "run", "hold", "convene", "co-host", "launch", "invite",
     "offer"}
)


_CALENDAR_WORDS = [w.lower() for w in (*calendar.month_name[1:], *calendar.day_name)]


EVENT_HEADS = (
    "Conference",
    "Congress",
    "Symposium",
    "Summit",
    "Workshop",
    "Forum",
    "Festival",
    "Lecture",
    "Hackathon",
    "Ideathon",
    "Datathon",
    "DataJam",
    "Week",
    "Fair",
    "Expo",
    "Colloquium",
    "Meeting",
    "Awards",
    "Launch",
    "Event",
    "Seminar",
    "Webinar",
    "Bootcamp",
    "Masterclass",
    "Roundtable",
    "Showcase",
    "Sprint",
    "Tutorial",
    "Retreat",
    "Day",
)


@Language.factory("partnerkg_event_roles", default_config={"event_heads": list(EVENT_HEADS)})
def make_event_roles(nlp: Language, name: str, event_heads: list[str]) -> EventRoles:
    return EventRoles(nlp, name, event_heads)


_LIST_GLUE = re.compile(r"\s*(?:,|,? and|&)\s*")


def _listed_with_speakers(people: list[Span], found: list[Found], text: str) -> list[Span]:
    """ "Jane Doe and Mark Smith will be speaking", which the parser may read as one name
    modifying another: the people a list joins to a speaker speak too."""
    speaking = {f["object"] for f in found if f["relation"] == "speaker"}
    added: list[Span] = []
    for _ in range(len(people)):
        for before, after in zip(people, people[1:], strict=False):
            pair = {chars(before), chars(after)}
            if len(pair & speaking) == 1 and _LIST_GLUE.fullmatch(
                    text[before.end_char : after.start_char]):
                new = before if chars(after) in speaking else after
                speaking.add(chars(new))
                added.append(new)
    return added


class EventRoles:
    """Records ``speaker`` and ``organizer`` relations with the ``EVENT`` slot as subject, and
    names of events in running text (``doc.spans["pkg_events"]``)."""

    def __init__(self, nlp: Language, name: str, event_heads: list[str]) -> None:
        register_extensions()
        self.name = name
        self.heads = frozenset(event_heads)
        self.cue = re.compile(
            rf"\b(?:{'|'.join(map(re.escape, [*event_heads, 'School']))}|\d{{4}})\b")
        self.matcher = Matcher(nlp.vocab)
        cap = {"TEXT": {"REGEX": "^[A-Z][a-z]"}, "IS_SENT_START": False}  # also "PraxisAuril"
        # after a capitalised word, acronyms too ("Human-Centered AI Book Launch")
        cap_or_acronym = {"TEXT": {"REGEX": "^[A-Z](?:[a-z]|[A-Z]+$)"}, "OP": "*"}
        head: dict[str, Any] = {"ORTH": {"IN": event_heads}}
        year: dict[str, Any] = {"SHAPE": "dddd", "OP": "?"}
        complement: list[dict[str, Any]] = [  # not "Acme Summit on Tuesday"
            {"LOWER": {"IN": ["on", "of", "for", "in"]}},
            {"IS_TITLE": True, "LOWER": {"NOT_IN": _CALENDAR_WORDS}, "OP": "+"},
        ]
        # a name may open a sentence or a list entry ("Responsible AI Forum, 12 July"), but
        # not with a verb, a pronoun or a determiner ("Join Acme Summit", "Our Summit")
        opening = {"TEXT": {"REGEX": "^[A-Z][a-z]"}, "IS_SENT_START": True, "IS_STOP": False,
                   "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
        season_school: list[dict[str, Any]] = [
            {"ORTH": {"IN": ["Summer", "Winter", "Spring", "Autumn"]}}, {"ORTH": "School"}]
        self.matcher.add(
            "EVENT_NAME",
            [
                [year, cap, cap_or_acronym, head, year],
                [opening, cap_or_acronym, head, year],
                [opening, {**cap, "OP": "*"}, head, *complement, year],
                [year, {**cap, "OP": "+"}, head, *complement, year],
                # "Workshop on Causal Machine Learning for Real-World Impact"
                [year, {**cap, "OP": "+"}, head, *complement, complement[0],
                 {"TEXT": {"REGEX": "^(?:[A-Z]|-$)"}, "OP": "+"}],
                # "Conference on Medical Image Understanding and Analysis"
                [year, {**cap, "OP": "+"}, head, *complement, {"LOWER": {"IN": ["and", "&"]}},
                 {"IS_TITLE": True, "ENT_TYPE": {"NOT_IN": ["PERSON", "ORG"]}, "OP": "+"}, year],
                # "Acme 2023 Knowledge Exchange Awards", "Global Partnership on AI Summit 2023"
                [{**cap, "OP": "+"}, {"SHAPE": "dddd"}, {**cap, "OP": "+"}, head],
                # "Acme in Soil Summit", "AI in Health Summit"
                [{**cap, "TEXT": {"REGEX": "^[A-Z](?:[a-z]|[A-Z]+$)"}, "OP": "+"}, complement[0],
                 {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}, head, year],
                [opening, {**cap, "OP": "*"}, complement[0],
                 {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}, head, year],
                # "the Complex Networks conference 2023": a year makes a lower-case noun a name
                [{**cap, "OP": "+"}, {"LOWER": {"IN": [h.lower() for h in event_heads]},
                                      "IS_LOWER": True}, {"SHAPE": "dddd"}],
                [
                    {**cap, "OP": "*"},
                    {"IS_UPPER": True, "LENGTH": {">=": 2}, "OP": "+"},
                    {"SHAPE": "dddd"},
                    {**head, "OP": "?"},
                ],  # "IJCAI 2024", "PSI 2023 Conference", "Soil UK 2030"
                [{"TEXT": {"REGEX": "^[A-Z][a-z]+[A-Z][A-Za-z]*$"}}, {"SHAPE": "dddd"},
                 {**head, "OP": "?"}],  # "NeurIPS 2030": capitals inside a word
                # "Acme Winter School on Graphs", "a Soil and Water Summer School": a season's
                # school after a name (a school alone is a body)
                [{**cap, "OP": "+"}, *season_school, *complement, year],
                [{**cap, "OP": "+"}, *season_school, year],
                [{**cap, "OP": "+"}, {"LOWER": {"IN": ["and", "&"]}}, {**cap, "OP": "+"},
                 *season_school, year],
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc) -> Doc:
        hosts = _name_hosts(doc)
        # every pattern needs a head word or a year: most texts have neither, skip the matcher
        doc_text = text_of(doc)
        cued = self.cue.search(doc_text) is not None
        named = [_widened(doc, s, e) for _, s, e in self.matcher(doc)
                 if not _venue_word(doc, e) and not _in_proceedings(doc, s)] if cued else []
        named += [_with_cut_tail(e) for e in doc.ents if e.label_ == "EVENT"]
        if _EVENT_NOUN_WORD.search(doc_text):  # a cheap test before walking the tokens
            defined = _defined_as_events(doc)
            named += (defined + _repeats(doc, defined) + _named_after_event_nouns(doc)
                      + _called(doc))
        doc.spans[EVENTS] = filter_spans(
            [s for s in named if not any(overlaps(s, h) for h in hosts)])
        found = relations(doc)
        for sent in doc.sents:
            text = sent.text  # built anew on every access: read it once
            first_person = _FIRST_PERSON_HOST.search(text)
            if first_person and not any(  # "join us for Acme's conference"
                    e.label_ == "ORG" and _owns_event(e) for e in sent.ents):
                # "Join us" invites, it names no host: it gives way to one the item names
                invites = first_person.group().lower() == "join us"
                found.append(
                    {
                        "relation": "organizer",
                        "subject": "EVENT",
                        "object": "PARTNERSHIP",
                        "evidence": chars(sent),
                        "rule": f"{self.name}.{JOIN_US if invites else 'first_person_host'}",
                        "confidence": 0.7,
                        "attributes": {},
                    }
                )
            people = [e for e in sent.ents if e.label_ == "PERSON"]
            cue = SPEAKER_CUES.search(text)
            named_before = _SPEAKERS_NAMED_BEFORE.search(text)  # "X and Y are amongst …"
            before = sent.start_char + named_before.start() if named_before else -1
            for person in people:
                between = doc_text[sent.start_char + cue.end() : person.start_char] if cue else ""
                if (
                    cue
                    and person.start_char >= sent.start_char + cue.start()
                    and not _NOT_SPEAKING.search(between)
                ):
                    found.append(self._found("speaker", person, sent, "cue", 0.85))
                elif person.end_char <= before:
                    found.append(self._found("speaker", person, sent, "cue_after", 0.8))
                elif _object_of(person, GUEST_VERBS):
                    found.append(self._found("speaker", person, sent, "guest_object", 0.8))
                elif cue and _subject_of_passive_join(person):
                    found.append(self._found("speaker", person, sent, "joined_subject", 0.75))
                elif (_verb_of(person, SPEAK_VERBS, active=True) or before_speak_verb(person)
                      or _invited_to_speak(person) or _gives_a_talk(person)):
                    found.append(self._found("speaker", person, sent, "speak_verb", 0.75))
            found += [self._found("speaker", person, sent, "listed_with_speaker", 0.7)
                      for person in _listed_with_speakers(people, found, doc_text)]
            listed_hosts = _host_list(sent)
            by_cue = _HOSTED_BY.search(text)
            by_start = sent.start_char + by_cue.end() if by_cue else None
            for ent in sent.ents:
                if ent.label_ not in ("ORG", "PERSON"):
                    continue
                listed = by_start is not None and _listed_after(ent, by_start)
                past_hosts = (by_start is not None and ent.start_char >= by_start
                              and _starts_new_clause(ent, by_start))
                if (
                    _verb_of(ent, ORGANISE_VERBS, active=True)
                    or _partners_to_host(ent, by_cue)
                    or _brings_together(ent)
                    or (_agent_of(ent, ORGANISE_VERBS) and not past_hosts)
                    or listed
                    or ent in listed_hosts
                ):
                    if ent.label_ == "PERSON" and any(
                        f["object"] == chars(ent) for f in found if f.get("relation") == "speaker"
                    ):
                        continue
                    host = _unit_owned_by(ent) or ent  # "Acme's Soil Institute have organised"
                    found.append(self._found("organizer", host, sent, "host_verb", 0.8))
                elif ent.label_ == "ORG" and (_presents_event(ent) or _joined_for_event(ent)
                                              or _owns_event_by_pronoun(ent)
                                              or _event_from(ent)):
                    found.append(self._found("organizer", ent, sent, "own_event", 0.75))
                elif ent.label_ == "ORG" and (_owns_event(ent) or _joint_owner(ent)
                                              or _names_whose_event(ent)):
                    found.append(self._found("organizer", ent, sent, WEAK_HOST, 0.6))
            found.extend(self._partners_of_host(sent, text, found))
            antecedent = _pronoun_host(sent)
            if antecedent is not None:
                found.append(self._found("organizer", antecedent, sent, "pronoun_host", 0.7))
            # "I am organising …", "I presented my work at X": the one the text is by
            found += [{"relation": relation, "subject": "EVENT", "object": NARRATOR,
                       "evidence": chars(sent), "rule": f"{self.name}.first_person",
                       "confidence": 0.75, "attributes": {}}
                      for relation, says in (("organizer", _first_person_host),
                                             ("speaker", _first_person_speaker))
                      if _I_WORD.search(text) and says(sent)]
        return doc

    def _partners_of_host(self, sent: Span, text: str, found: list[Found]) -> list[Found]:
        """ "X are hosting … in collaboration with Y and Z": when the sentence names a host,
        the organisations listed after "in partnership/collaboration with" co-organise."""
        cue = _WITH_PARTNER.search(text)
        if cue is None:
            return []
        hosts = {f["object"] for f in found if f.get("relation") == "organizer"
                 and f["rule"].endswith((".host_verb", ".own_event"))
                 and isinstance(f["object"], tuple)
                 and sent.start_char <= f["object"][0] < sent.end_char}
        pronoun_host = any(
            t.lemma_.lower() in ORGANISE_VERBS
            and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in t.children)
            for t in sent
        )  # "They are hosting a school joint with Y": Y co-organises whoever "they" are
        if not (hosts or pronoun_host):
            return []
        start = sent.start_char + cue.end()
        return [self._found("organizer", ent, sent, "host_partner", 0.75) for ent in sent.ents
                if ent.label_ == "ORG" and chars(ent) not in hosts and _listed_after(ent, start)]

    def _found(self, relation: str, ent: Span, sent: Span, rule: str, confidence: float) -> Found:
        return {
            "relation": relation,
            "subject": "EVENT",
            "object": chars(ent),
            "evidence": chars(sent),
            "rule": f"{self.name}.{rule}",
            "confidence": confidence,
            "attributes": {},
        }


WEAK_HOST = (
    "weak_host"  # possessive or heading-initial owner: used only when no sentence names a host
)
JOIN_US = "join_us"  # the partnership as host of what "join us" invites to: used only when
# nothing else names a host
_HOSTED_BY = re.compile(
    r"\b(?:(?:co-?)?(?:hosted|organi[sz]ed|run|convened|curated) by|under the auspices of|"
    r"brought to you by|"
    r"(?:event|workshop|conference|symposium|seminar|webinar|course|school|summit|forum|"
    r"hackathon|festival|series|meeting) (?:is|was) a (?:joint )?collaboration between|"
    # "This is a joint event between X and Y", "a joint workshop of X and Y"
    r"\bjoint (?:event|workshop|conference|symposium|seminar|webinar|meeting|initiative) "
    r"(?:between|of|by|from)|"
    r"(?:hosted|organi[sz]ed|run|held) in (?:collaboration|partnership|association) with|"
    r"co-?(?:hosted|organi[sz]ed) (?:with|alongside)|"  # "Co-hosted with X, the symposium …"
    # "X has partnered with Y to deliver this symposium": Y (and X, whose verb it is)
    r"partner(?:ed|ing|s)? (?:up )?with(?=[^.]{0,80}\bto (?:deliver|host|run|organi[sz]e|hold|"
    r"bring|launch|convene)\b))\b|"
    r"\b(?:organi[sz]ers?|hosts?)\s*:",  # "Organisers: X and Y"
    re.IGNORECASE,
)
_WITH_PARTNER = re.compile(
    r"\b(?:in (?:partnership|collaboration|association|conjunction) with|jointly with|"
    r"joint with)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\b(?:who|which|where|to|for|with|and will|is|are|was|were)\b|[;:.]")


def _partners_to_host(ent: Span, by_cue: re.Match[str] | None) -> bool:
    """ "X has partnered with Y to deliver this symposium": X, the subject of "partnered",
    hosts as well as Y (whom the "partnered with" cue lists)."""
    return by_cue is not None and by_cue.group().lower().startswith("partner") and (
        ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() == "partner")


def _listed_after(ent: Span, start: int) -> bool:
    """``ent`` is in the list after "hosted by": no clause break before it, and not the
    place of the one before ("… at University X")."""
    doc = ent.doc
    if ent.start_char < start:
        return False
    between = text_of(doc)[start : ent.start_char]
    if between.strip().lower() in ("", "the"):
        return True  # the first host, right after a cue that ends on "of" ("a joint initiative of")
    for other in doc.ents:  # "for"/"and" inside a listed name do not end the list
        if start <= other.start_char and other.end_char <= ent.start_char:
            offset = other.start_char - start
            between = between[:offset] + " " * len(other.text) + between[offset + len(other.text) :]
    if _CLAUSE_END.search(between) and not _first_name_after(ent, start):
        return False
    if _starts_new_clause(ent, start):
        return False
    if ent.start > 1 and doc[ent.start - 1].lower_ == "the" and doc[ent.start - 2].lower_ in (
            "at", "from", "of") and not _first_name_after(ent, start):
        return False  # "… Dr Jane Doe from (of) the University of X": her employer
    return ent.start == 0 or doc[ent.start - 1].lower_ not in ("at", "in", "of", "from")


def _starts_new_clause(ent: Span, start: int) -> bool:
    """ "Hosted by X, Jane Doe will present …": after a comma, the subject of another verb
    or a person after an organisation, or anything after a verb, is past the list of hosts."""
    doc = ent.doc
    words = [t for t in doc if start <= t.idx < ent.start_char]
    if any(t.pos_ == "VERB" for t in words):
        return True
    if not any(t.text == "," for t in words):
        return False
    org_before = any(e.label_ == "ORG" and start <= e.start_char < ent.start_char
                     for e in doc.ents)
    if ent.start > 1 and doc[ent.start - 1].text == "," and is_role_noun(doc[ent.start - 2].text):
        return False  # "Run by our Community Scholar, Jane Doe, the series …": the role's name
    return ent.root.dep_ in ("nsubj", "nsubjpass") or (ent.label_ == "PERSON" and org_before)


def _first_name_after(ent: Span, start: int) -> bool:
    """``ent`` is the first name after "organised by", with no verb before it: a colon
    inside the organiser's own name ("by the AI for X: Research Facility") ends nothing."""
    doc = ent.doc
    words = [t for t in doc if start <= t.idx < ent.start_char]
    names = [e for e in doc.ents if start <= e.start_char < ent.start_char
             and e.label_ in ("ORG", "PERSON")]
    return not names and not any(t.pos_ in ("VERB", "AUX", "PRON") or t.text == ";"
                                 for t in words)


def _presents_event(org: Span) -> bool:
    """ "The Acme Group has their next seminar", "Acme present the first workshop", "Acme are
    delighted to present the Acme Forum": the organisation is the subject of a verb whose
    object is an event noun."""
    token = _climb(org.root)
    if token.dep_ != "nsubj":
        return False
    verbs = [token.head, *(x for a in token.head.children if a.dep_ == "acomp"
                           for x in a.children if x.dep_ == "xcomp")]  # "are delighted to present"
    return any(verb.lemma_.lower() in _PRESENT_VERBS and any(
        c.dep_ == "dobj" and _an_event_noun_phrase(c) for c in verb.children) for verb in verbs)


def _an_event_noun_phrase(noun: Token) -> bool:
    """ "a workshop", and "a day of talks", "an evening of lectures": an event noun, or a
    stretch of time "of" event nouns."""
    return noun.lemma_.lower() in _PRESENTED_EVENTS or any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in _PRESENTED_EVENTS
                                 for o in p.children) for p in noun.children)


def _event_from(org: Span) -> bool:
    """ "A workshop from the University of Glasgow on …": an event noun's "from" names whose
    event it is (not right after a person: "a seminar with Dr Jane Doe from the University of
    Westby", however the parser attached it)."""
    token = _climb(org.root)
    preposition = token.head
    after_person = preposition.i > 0 and org.doc[preposition.i - 1].ent_type_ == "PERSON"
    return token.dep_ == "pobj" and preposition.lower_ == "from" and not after_person and (
        preposition.head.lemma_.lower() in _PRESENTED_EVENTS)


def _joined_for_event(org: Span) -> bool:
    """ "Join the Acme Society for a workshop": whom readers are asked to join hosts."""
    token = _climb(org.root)
    verb = token.head
    return token.dep_ == "dobj" and verb.lemma_.lower() == "join" and not any(
        c.dep_ == "nsubj" for c in verb.children) and any(
        t.lemma_.lower() in _PRESENTED_EVENTS for t in verb.subtree if t.i > token.i)


def _owns_event_by_pronoun(org: Span) -> bool:
    """ "Acme invites you to its annual conference", "Acme is pleased to announce its annual
    conference": the subject's own ("its", "their") event."""
    token = _climb(org.root)
    if token.dep_ != "nsubj" or not any(t.lower_ in ("its", "their") for t in org.sent):
        return False
    verb = token.head
    return any(
        t.lemma_.lower() in _PRESENTED_EVENTS
        and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children)
        and _same_clause(t, verb)
        for t in verb.subtree
    )


def _same_clause(token: Token, verb: Token) -> bool:
    """No other verb between ``token`` and ``verb`` ("partnered with X to support their
    launch event": "their" is X's, in another clause) but an open complement, which shares
    the subject ("is pleased to announce its conference")."""
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i != verb.i and token.pos_ in ("VERB", "AUX") and token.dep_ != "xcomp":
            return False
    return token.i == verb.i


def _owns_event(org: Span) -> bool:
    """ "Acme's Data Science Ideathon", "Acme's national conference": an organisation's
    possessive before an event name or an event noun (adjectives between allowed)."""
    doc = org.doc
    i = org.end
    if i >= len(doc) or doc[i].text not in ("'s", "’s", "'", "’"):
        return False
    i += 1
    end = min(len(doc), i + 6)  # "Acme's flagship two-day AI conference"
    while i < end and (doc[i].is_title or doc[i].pos_ in _MODIFIER_POS or doc[i].text == "-") and (
            doc[i].text not in EVENT_HEADS and doc[i].lower_ not in _EVENT_NOUNS):
        i += 1
    return i < len(doc) and (doc[i].text in EVENT_HEADS or doc[i].lower_ in _EVENT_NOUNS)


def _joint_owner(org: Span) -> bool:
    """ "Acme and the Globex Society's joint workshop": the first of two owners."""
    doc = org.doc
    i = org.end + 1 + (org.end + 1 < len(doc) and doc[org.end + 1].lower_ == "the")
    if org.end >= len(doc) or doc[org.end].lower_ != "and":
        return False
    return any(e.start == i and e.label_ == "ORG" and _owns_event(e) for e in doc.ents)


def _names_whose_event(org: Span) -> bool:
    """ "This is a Westby University event", "at this Acme event", "a Westby University and
    Acme Institute collaboration": organisations that modify a lower-case event noun after "a"
    or "this" ("a Turing Lecture" is one name)."""
    doc = org.doc
    by_start = {e.start: e for e in doc.ents if e.label_ == "ORG"}
    by_end = {e.end: e for e in by_start.values()}
    start = org.start
    while start >= 2 and doc[start - 1].lower_ == "and" and start - 1 in by_end:
        start = by_end[start - 1].start
    end = org.end
    while end + 1 < len(doc) and doc[end].lower_ == "and" and end + 1 in by_start:
        end = by_start[end + 1].end
    return start > 0 and doc[start - 1].lower_ in ("a", "an", "this") and end < len(doc) and (
        doc[end].text in _EVENT_NOUNS or doc[end].text == "collaboration")


_MODIFIER_POS = frozenset({"ADJ", "NUM", "PROPN", "NOUN"})


_EVENT_NOUNS = frozenset(
    {
        "event",
        "webinar",
        "seminar",
        "workshop",
        "conference",
        "symposium",
        "lecture",
        "series",
        "hackathon",
        "ideathon",
        "festival",
        "summit",
        "showcase",
        "panel",
        "course",
        "talk",
        "congress",
        "competition",
        "exhibition",
        "forum",
    }
)
_EVENT_NOUN_FORMS = _EVENT_NOUNS | {f"{noun}s" for noun in _EVENT_NOUNS} | {"symposia"}
#: What an organisation may "present" or "have" as its event ("present the first Research Sprint").
_PRESENTED_EVENTS = _EVENT_NOUNS | {"sprint", "school", "meetup", "datathon", "jamboree",
                                    "masterclass", "bootcamp", "sandpit", "retreat"}
_CALLED = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(_EVENT_NOUNS))})s?\s+(?:called|titled|entitled|named)|"
    r"(?i:talk|presentation|keynote|lecture)(?:\s+on)?)\s+"  # "His talk 'Mining X' will be …"
    r"['‘\"“]([A-Z][^'’\"”]{2,120})['’\"”]"
)
_EVENT_NOUN_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_EVENT_NOUNS))})\b")
#: Entity labels a longer capitalised name may swallow ("Acme Research UK" over "UK").
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_HEAD_WORDS = frozenset(EVENT_HEADS)
#: Lower-case words inside a capitalised name ("Caucus for Women in Statistics").
INNER_CONNECTORS = frozenset({"for", "of", "on", "in", "and", "&"})
_NAME_CONNECTORS = INNER_CONNECTORS | {"the"}


def _defined_as_events(doc: Doc) -> list[Span]:
    """ "Acme for Britain is a major poster competition": a capitalised subject that the
    sentence says is an event noun names an event, and so does a name in apposition to one."""
    found = []
    # from the event noun up: a token's children are a walk over the sentence, so only the
    # few copulas with an event-noun attribute are asked for theirs
    copulas = dict.fromkeys(t.head for t in tokens_in(doc, _EVENT_NOUN_FORMS)
                            if t.dep_ == "attr" and t.lemma_ in _EVENT_NOUNS
                            and t.head.lemma_ == "be")
    for token in copulas:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            name = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
            named = subjects[0].pos_ == "PROPN" or len(name) > 1
            if named and len(name) <= 8 and not name[0].is_stop and _capitalised_name(name):
                found.append(Span(doc, name.start, name.end, label="EVENT"))
    return found + [apposed for t in tokens_in(doc, _EVENT_NOUN_FORMS)
                    if t.lemma_ in _EVENT_NOUNS and (apposed := _named_by_apposition(t))]


def _named_by_apposition(noun: Token) -> Span | None:
    """ "Soil Data Live, the UK's national showcase of soil science", "Acme Days - an annual
    festival": the capitalised name an event noun stands in apposition to (no person's: "Run
    by Jane Doe, the Acme Club series …")."""
    doc, head = noun.doc, noun.head
    if noun.dep_ != "appos" or head.pos_ != "PROPN" or head.i + 2 != noun.left_edge.i or (
            doc[head.i + 1].text not in (",", "-", "–", "—")):
        return None
    start = head.left_edge.i + (head.left_edge.lower_ == "the")
    name = doc[start : head.i + 1]
    return Span(doc, start, head.i + 1, label="EVENT") if len(name) <= 8 and (
        _capitalised_name(name)) and not any(t.ent_type_ == "PERSON" for t in name) else None


def _repeats(doc: Doc, events: list[Span]) -> list[Span]:
    """The other places the text writes an event's name ("took part in Acme Day on 6 March.
    Acme Day is a poster competition"): the sentence that says what it is names it for all."""
    found = []
    text = text_of(doc)
    for event in events:
        start = text.find(event.text)
        while start >= 0:
            span = doc.char_span(start, start + len(event.text), label="EVENT")
            if span is not None and span.start != event.start:
                found.append(span)
            start = text.find(event.text, start + 1)
    return found


def _with_cut_tail(event: Span) -> Span:
    """NER's "the 27th Conference on Image Understanding (and)": "and" and the capitalised
    words after it finish a name with a complement ("… and Analysis"); a lower-case
    "series" right after the name belongs to it; a place after "in/at" does not."""
    event = _without_place(event)
    doc, end = event.doc, event.end
    connectors = ("and", "&")
    if event[-1].lower_ not in connectors and end < len(doc) and doc[end].lower_ in connectors:
        end += 1
    if doc[end - 1].lower_ in connectors and any(t.lower_ in ("on", "of", "for") for t in event):
        tail = end
        while tail < len(doc) and doc[tail].is_title and doc[tail].ent_type_ not in (
                "PERSON", "ORG"):
            tail += 1
        if tail > end:
            return Span(doc, event.start, tail, label="EVENT")
    if end < len(doc) and doc[end].lower_ == "series" and doc[end].is_lower:
        return Span(doc, event.start, end + 1, label="EVENT")  # "a Seminar/Talk series"
    return event


def _named_after_event_nouns(doc: Doc) -> list[Span]:
    """ "Acme's national conference Globex UK is …": capitalised words right after a
    lower-case event noun are the event's name."""
    found = []
    for token in tokens_in(doc, _EVENT_NOUNS):
        if not (token.is_lower and token.pos_ == "NOUN"):
            continue  # the singular only: "workshops Acme and Globex" names no event
        end = token.i + 1
        while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1
        if end > token.i + 1 and doc[token.i + 1].ent_type_ != "PERSON":
            found.append(Span(doc, token.i + 1, end, label="EVENT"))
    return found


def _called(doc: Doc) -> list[Span]:
    """ "a workshop called 'AI in Pathology: Research Meets Reality'": the quoted name an
    event noun is given."""
    found = []
    for match in _CALLED.finditer(text_of(doc)):
        span = doc.char_span(match.start(1), match.end(1), label="EVENT",
                             alignment_mode="contract")
        if span is not None and len(span):
            found.append(span)
    return found


def _capitalised_name(span: Span) -> bool:
    return span[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _NAME_CONNECTORS for t in span
    )


def _name_hosts(doc: Doc) -> list[Span]:
    """A capitalised subject of "host/organise" the NER missed ("CAUSALab are hosting",
    "Acme Research UK are launching", where the NER saw only a place) is an organisation, and
    so is a "by" agent the NER did not take for a person ("Organised by AIM RSF,", "hosted by
    the Acme Forum"). Returns the organisations added."""
    taken = {i for e in doc.ents if e.label_ not in _PLACE_LABELS for i in range(e.start, e.end)}
    places = [e for e in doc.ents if e.label_ in _PLACE_LABELS]

    def free(span: Span) -> bool:
        """No token of another entity, no place it does not strictly contain, no topic."""
        return not any(t.i in taken for t in span) and not any(
            overlaps(p, span) and not (
                span.start <= p.start and p.end <= span.end and len(p) < len(span))
            for p in places) and span.text.lower() not in lexicon.topic_label_set()

    added: list[Span] = []
    if not _ORGANISE_STEM.search(text_of(doc)):  # a cheap test before walking the tokens
        return added
    for token in doc:
        if token.lemma_.lower() not in ORGANISE_VERBS or token.pos_ not in ("VERB", "AUX") or (
                _organises_nothing(token)):
            continue
        for agent in (c for c in token.children if c.dep_ == "agent"):
            for name in (c for c in agent.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                span = doc[name.left_edge.i : name.i + 1]
                if span[0].is_stop:
                    span = span[1:]
                named = all(t.is_upper for t in span) or (
                    len(span) > 1 and all(t.is_title for t in span))
                part_of = name.i + 1 < len(doc) and doc[name.i + 1].lower_ == "of"
                if span and named and not part_of and free(span):
                    added.append(Span(doc, span.start, span.end, label="ORG"))
                    taken.update(range(span.start, span.end))
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        subjects += [c for s in subjects for c in s.conjuncts]
        for subject in subjects:
            start = subject.left_edge.i
            while start < subject.i and (doc[start].is_stop or doc[start].is_punct):
                start += 1
            end = subject.i + 1
            for child in subject.rights:  # "Data Science for Health Equity are hosting"
                if child.dep_ != "prep" or child.lower_ not in ("for", "of", "on", "in"):
                    continue
                if not all(_name_word(t) for t in doc[child.i + 1 : child.right_edge.i + 1]):
                    break  # "X in conjunction with Y are running": X's name ends before "in"
                end = child.right_edge.i + 1
            span = doc[start:end]
            capitalised = span[0].text[:1].isupper() and all(_name_word(t) for t in span)
            if _place_after_org(span):
                continue  # "Centre for X, Westby hosting …": the town of the organisation
            proper = subject.pos_ == "PROPN" or sum(t.pos_ == "PROPN" for t in span) >= 2
            if capitalised and proper and free(span):
                added.append(Span(doc, span.start, span.end, label="ORG"))
                taken.update(range(span.start, span.end))
    if added:
        kept = [e for e in doc.ents if not any(overlaps(e, a) for a in added)]
        doc.ents = [*kept, *added]
    return added


def _in_proceedings(doc: Doc, start: int) -> bool:
    """ "Proceedings of the 53rd Annual Acme Symposium": a paper's venue, not an event."""
    return any(t.lower_ == "proceedings" for t in doc[max(0, start - 4) : start])


def _without_place(event: Span) -> Span:
    """ "the 2030 Acme Summit in Manchester", "the Acme Symposium in March": a place or a time
    after "in/at" is no part of the name."""
    doc = event.doc
    place = next((t.i for t in event[1:] if t.lower_ in ("in", "at") and t.i + 1 < event.end
                  and doc[t.i + 1].ent_type_ in (*_PLACE_LABELS, "DATE", "TIME")), None)
    return Span(doc, event.start, place, label="EVENT") if place is not None else event


def _widened(doc: Doc, start: int, end: int) -> Span:
    """A matched event name with the hyphenated word it starts inside ("Human-Centered AI Book
    Launch": the matcher's words start at "Centered") and a closing "Event" ("… Launch Event"),
    without a place after it."""
    while (start >= 2 and doc[start - 1].text == "-" and glued_dash(doc[start - 1])
           and doc[start - 2].text[:1].isupper()):
        start -= 2
    if end < len(doc) and doc[end].text in ("Event", "Events"):
        end += 1
    return _without_place(Span(doc, start, end, label="EVENT"))


def _venue_word(doc: Doc, end: int) -> bool:
    """ "Hallam Conference Centre": an organisation's head word right after an event name
    makes it the name of a place; "RSS 2023 Honours": a capitalised word right after a
    closing year makes it the name of something else; a colon after "Event" makes it a
    line's label."""
    if end < len(doc) and doc[end].text in lexicon.org_head_words():
        return True
    if end < len(doc) and doc[end - 1].text in _HEAD_WORDS and doc[end].is_title and (
            doc[end].text not in ("Event", "Events", "Series", "Ceremony")):
        return True  # "Springer Lecture Notes", "Acme Workshop Proceedings": the head modifies
    if end < len(doc) and doc[end - 1].text == "Event" and doc[end].text == ":":
        return True  # "Summer School Event: 20 July 2030"
    # "the RSS 2023 Honours": a year then a capitalised word names something of that edition
    return end < len(doc) and doc[end - 1].shape_ == "dddd" and doc[end].is_title


def _name_word(token: Token) -> bool:
    """A word that may stand inside a capitalised name ("Caucus for Women in Statistics")."""
    return token.text[:1].isupper() or token.is_punct or token.lower_ in INNER_CONNECTORS


def _place_after_org(span: Span) -> bool:
    """One word right after "<organisation>,": a place qualifying it, not a second host."""
    doc = span.doc
    return (
        len(span) == 1
        and span.start >= 2
        and doc[span.start - 1].text == ","
        and doc[span.start - 2].ent_type_ == "ORG"
    )


def _climb(token: Token) -> Token:
    """From a conjunct, appositive, "for"-complement, a name cut short ("the Turing" of "the
    Turing Institute") or a name before its unit noun up to the phrase it belongs to; not
    from a person's employer ("talks from Jane Doe (Acme University)") up to the person."""
    while token.head.i != token.i and not (
        token.dep_ == "appos" and token.head.ent_type_ == "PERSON" and token.ent_type_ != "PERSON"
    ) and (
        token.dep_ in ("conj", "appos")
        or (token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i == token.i + 1)
        or (token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.pos_ == "PROPN")
        # "the Data Science for Health Equity community will hold …": the unit it names
        or (token.dep_ in ("compound", "nmod") and token.head.lower_ in (
            lexicon.name_words().lower_heads))
    ):
        token = token.head.head if token.dep_ == "pobj" else token.head
    return token


def _verb_of(ent: Span, lemmas: frozenset[str], active: bool) -> bool:
    """``ent`` is the subject of a verb in ``lemmas`` ("HDR UK are hosting …")."""
    token = _climb(ent[-1] if ent.root.dep_ == "det" else ent.root)  # "the Turing" Institute
    acronym = bracketed_capitals(ent)
    if token.dep_ != "nsubj" and acronym is not None and acronym.dep_ == "nsubj":
        token = acronym  # "The Acme Institute (AI) have organised": the parser took the acronym
    if token.dep_ not in ("nsubj",):
        return False
    head = token.head
    if head.lemma_.lower() in lemmas:
        return not _organises_nothing(head)
    # "X are hosting" heads: xcomp/aux chains
    return any(  # "X travelled to Y to present": a purpose clause counts too
        child.lemma_.lower() in lemmas and child.dep_ in ("xcomp", "conj", "advcl")
        and not _organises_nothing(child) for child in head.children
    )


def _organises_nothing(verb: Token) -> bool:
    """ "X holds a joint appointment", "X holds a PhD": "hold" with a post or a degree; "the
    school runs for five days": "run" with no object. No event is organised."""
    lemma = verb.lemma_.lower()
    return lemma == "hold" and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in _POSTS or is_role_noun(c.text))
        for c in verb.children) or lemma == "run" and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)


_POSTS = frozenset({"appointment", "position", "post", "role", "degree", "phd", "grant", "award",
                    "fellowship", "chair", "title", "record", "patent", "view", "belief"})


#: What a person gives at an event: "Jane Doe's talk at …", "Watch Jane Doe's keynote"
TALK_NOUNS = frozenset({"talk", "keynote", "presentation", "lecture", "speech", "address",
                        "seminar"})


def _gives_a_talk(person: Span) -> bool:
    """ "Jane Doe's talk at the Acme Summit": the owner of a talk noun."""
    return person.root.dep_ == "poss" and person.root.head.lemma_.lower() in TALK_NOUNS


def _invited_to_speak(person: Span) -> bool:
    """ "Jane Doe was invited to speak at …": the passive subject of "invite" or "ask" whose
    clause speaks."""
    root = person.root
    return root.dep_ == "nsubjpass" and root.head.lemma_.lower() in ("invite", "ask") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in SPEAK_VERBS for c in root.head.children)


def before_speak_verb(person: Span) -> bool:
    """ "…, Jane Doe from Acme University will be discussing …": the person (and an employer
    after "from/at/of"), then auxiliaries and a speaking verb whose subject the parser lost
    (it took the name for an apposition)."""
    doc = person.doc
    i = person.end
    if i < len(doc) and doc[i].lower_ in ("from", "at", "of"):
        employer = next((e for e in doc.ents if e.start == i + 1), None)
        if employer is None:
            return False
        i = employer.end
    verb = i
    while verb < len(doc) and doc[verb].pos_ == "AUX":
        verb += 1
    return i < verb < len(doc) and doc[verb].pos_ == "VERB" and doc[verb].tag_ != "VBN" and (
        doc[verb].lemma_.lower() in SPEAK_VERBS)  # (not "… will be discussed")


def _pronoun_host(sent: Span) -> Span | None:
    """ "Acme are a network of … . They are hosting a summer school", "Acme is dedicated to X
    and they will be holding their annual conference": the organisation that is the subject
    before "they/it" host, in the same sentence or the one before."""
    verb = next((t for t in sent if t.lemma_.lower() in ORGANISE_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in ("they", "it") for c in t.children)), None)
    if verb is None:
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    for scope in (doc[sent.start : verb.i], before):
        subjects = [e for e in (scope.ents if scope is not None else [])
                    if e.label_ == "ORG" and _climb(e.root).dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
    return None


def _unit_owned_by(owner: Span) -> Span | None:
    """The organisation right after "Owner's" ("Acme's [Soil Institute]"): when a parse
    makes the owner the subject, the unit is still the one that acts."""
    doc = owner.doc
    if owner.end + 1 >= len(doc) or doc[owner.end].text not in ("'s", "’s"):
        return None
    return next((e for e in doc.ents if e.start == owner.end + 1 and e.label_ == "ORG"), None)


def _first_person_host(sent: Span) -> bool:
    """ "I am organising a workshop": the one the text is by organises it."""
    return any(t.text == "I" and t.dep_ == "nsubj" and t.head.lemma_.lower() in ORGANISE_VERBS
               for t in sent)


def _first_person_speaker(sent: Span) -> bool:
    """ "I presented my work at X", "I will give a talk at X", "I gave a keynote at X": the one
    the text is by spoke at the event the sentence goes on to name."""
    for verb in (t.head for t in sent if t.text == "I" and t.dep_ == "nsubj"):
        lemma = verb.lemma_.lower()
        talks = lemma in ("present", "speak", "talk", "lecture") or (
            lemma in ("give", "deliver")
            and any(c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS for c in verb.children))
        if talks and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.subtree):
            return True
    return False


_BRING = frozenset({"bring"})


def _brings_together(ent: Span) -> bool:
    """ "Acme are bringing together experts in a debate": the subject convenes the event (a
    venue the parser took for the subject, "… at The Acme Centre will bring together", not)."""
    before = [t.lower_ for t in ent.doc[max(0, ent.start - 2) : ent.start]]
    at_venue = bool(before) and (before[-1] in ("at", "in") or before[-2:] in (
        ["at", "the"], ["in", "the"]))
    return not at_venue and _verb_of(ent, _BRING, active=True) and any(
        t.lower_ == "together" and t.head.lemma_ == "bring" for t in ent.sent)


_BRACKETED = re.compile(r"\([^)]*\)")
_AUX_WORDS = frozenset(
    {"are", "is", "will", "be", "been", "have", "has", "also", "currently", "jointly",
     "pleased", "delighted", "happy", "excited", "to"}  # "… are pleased to offer"
)


def _after_preposition(ent: Span) -> bool:
    """ "by/from/with (the) X": a name inside a phrase of its own, not the head of a list."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in ("by", "from", "with", "of", "at", "for")


def _host_list(sent: Span) -> list[Span]:
    """ "A, B (BB), the C and D are pleased to offer …", "Turing Fellows Prof Jane Doe and Dr
    John Roe are running …": the organisations and people listed right before an organising
    verb, found by its lemma or, where the tagger took it for something else, by its stem."""
    doc = sent.doc
    listed: list[Span] = []
    for verb in sent:
        if not (verb.lemma_.lower() in ORGANISE_VERBS and verb.pos_ == "VERB" or (
                verb.is_lower and _ORGANISE_STEM.match(verb.text))) or _organises_nothing(verb) or (
                any(c.dep_ == "auxpass" for c in verb.children)):  # "…, Roche, will be held at"
            continue
        end = verb.i - 2 if verb.i >= 2 and doc[verb.i - 1].text == "-" else verb.i  # "co-host"
        while end > sent.start and doc[end - 1].lower_ in _AUX_WORDS:
            end -= 1
        for ent in reversed([e for e in sent.ents if e.end <= end and e.label_ in _HOSTS]):
            # "A (AA), the B and Dr C": an acronym in brackets, "the" or a title in the gap
            gap = " ".join(_BRACKETED.sub(" ", doc[ent.end : end].text).split())
            gap = " ".join(w for w in gap.split() if w.lower().rstrip(".") not in _GAP_WORDS)
            if gap not in ("", ",", "and", ", and", "&") or listed and _after_preposition(ent):
                break  # (not "Supported by the Acme Trust, X will host")
            listed.append(ent)
            end = ent.start
    return listed


#: Labels of a host; words that may stand between two listed hosts besides "," and "and".
_HOSTS = frozenset({"ORG", "PERSON"})
_GAP_WORDS = TITLES | {"the"}


def _object_of(ent: Span, lemmas: frozenset[str]) -> bool:
    """``ent`` is the object of a verb in ``lemmas`` ("are hosting Dr X")."""
    token = _climb(ent.root)
    return token.dep_ == "dobj" and token.head.lemma_.lower() in lemmas


def _agent_of(ent: Span, lemmas: frozenset[str]) -> bool:
    """``ent`` is the "by" agent of a verb in ``lemmas`` ("organised by X")."""
    token = _climb(ent.root)
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    verb = token.head.head
    return verb.lemma_.lower() in lemmas or verb.lower_ in (
        "organised",
        "organized",
        "hosted",
        "run",
    )


def _subject_of_passive_join(person: Span) -> bool:
    """ "X will be joined by …", "X has been invited as a panellist" (with a cue)."""
    token = _climb(person.root)
    return token.dep_ == "nsubjpass" and token.head.lemma_ in ("join", "invite")


def heading_speakers(doc: Doc) -> list[Span]:
    """People named after the colon of an event heading ("… Series: Dr Jane Doe"; not "PhD
    Opportunity at Acme: Digital Twins"), after a dash that ends it ("Title - Jane Doe"),
    after "with"/"by"/"featuring", or before "speaker at"/"presenting at" are its speakers."""
    found: list[Span] = []
    text = text_of(doc)
    for ent in doc.ents:
        before = [t for t in doc[max(0, ent.start - 2) : ent.start]]
        # "Title - Jane Doe (Acme)", "Knowledge Share: Jane Doe on soil records"
        last = ent.end == len(doc) or doc[ent.end].text == "(" or doc[ent.end].lower_ == "on"
        cue = any(
            (t.text in (":", "-", "–") and (last or any(names_event(w.text) for w in doc[: t.i])))
            or t.lower_ in ("with", "by", "featuring")
            or t.lower_.rstrip(".") in ("dr", "prof", "professor")
            for t in before
        ) or _HEADING_SPEAKS_AT.match(text, ent.end_char) is not None
        # "New paper by Jane Doe and John Roe": a name listed after one the heading cues
        listed = bool(found) and found[-1].end < ent.start and all(
            t.text in (",", "&") or t.lower_ == "and" for t in doc[found[-1].end : ent.start])
        if ent.label_ == "PERSON" and (cue or listed):
            found.append(ent)
    return found


def heading_owner(doc: Doc) -> list[Span]:
    """ "Acme Society Policy Lates: …", "Acme Event: …": an event heading that opens with an
    organisation names it as a likely host (weak: a sentence naming a host wins)."""
    start = 1 if len(doc) and doc[0].lower_ == "the" else 0
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.start >= start]
    if not orgs or orgs[0].start != start:
        return []
    owner = orgs[0]
    if len(orgs) > 1 and orgs[1].start == owner.end:
        owner = orgs[1]  # "Acme Clinical Interest Group Seminar": the group, not its parent
    programme = next((t for t in doc[owner.end :] if names_event_or_opportunity(t.text)), None)
    if programme is not None and not names_event(programme.text):
        return []  # "Acme Enrichment Scheme Open Event": the scheme's event, not Acme's
    return [owner]


def heading_organisers(doc: Doc) -> list[Span]:
    """Organisations named before "hosting"/"host" in a heading ("X hosting a workshop")."""
    hosts = [t for t in doc if t.lower_ in ("hosting", "hosts", "presents", "presenting")]
    if not hosts:
        return []
    return [e for e in doc.ents if e.label_ == "ORG" and e.end <= hosts[0].i][:1]
