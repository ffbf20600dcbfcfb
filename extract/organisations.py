"""Organisation names: keyword-headed title-case phrases, partner names, NER repair.

The pretrained NER misses or mis-bounds many organisation names and tags job
titles as ORG. This component rebuilds the ORG entities from three sources —
org-kind head words (``University of …``, ``… Institute``), the configured
partner vocabulary and the NER — splits coordinations of two organisations
("Turing Institute and University of Southampton"), drops ORG spans that are
job titles, and records acronyms given in parentheses.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from partnerkg.extract import lexicon
from partnerkg.extract.items import names_event
from partnerkg.extract.name_joins import DOTTED_NAME
from partnerkg.extract.name_shape import looks_like_name
from partnerkg.extract.names import acronym_fits, looks_like_acronym
from partnerkg.extract.roles import ROLE_NOUNS, is_role_noun, is_role_phrase
from partnerkg.extract.spans import (
    DOUBTFUL_ORGS,
    camel_case,
    glued_dash,
    org_attributes,
    overlaps,
    register_extensions,
    text_of,
)

_CONNECTORS = ("of", "for", "on", "and", "&", "the", "de", "du")
_CAP = {"TEXT": {"REGEX": r"^([A-Z][\w'’.-]*\w|[A-Z])$"}, "IS_SENT_START": False}
_CAP_ANY = {"TEXT": {"REGEX": r"^([A-Z][\w'’.-]*\w|[A-Z])$"}}
# a capitalised word, an elided article before one ("Côte d'Azur") or the hyphen of a
# hyphenated one ("Meta-Learning" is three tokens)
_CAP_HYPHEN = {"TEXT": {"REGEX": r"^([A-Z][\w'’.-]*\w|[A-Z]|[dl]['’][A-Z]\w*|-)$"}}
_NOT_ORG_WORDS = {
    "Event",
    "Events",
    "Webinar",
    "Seminar",
    "Series",
    "Conference",
    "Workshop",
    "Symposium",
    "Lecture",
    "Award",
    "Awards",
    "Prize",
    "Call",
    "Programme",
    "Program",
    "Scheme",
    "Showcase",
    "Fellowship",
    "Studentship",
    "Course",
    "Club",
    "Hackathon",
    "Festival",
    "Summit",
    "Report",
    "Study",
    "Forum",
    "Debate",
    "Debates",
    "Lates",
    "Ideathon",
    "Unconference",
    "Launch",
    "Panel",
    "Masterclass",
    "Training",
    "Theme",
    "Fortnight",
    "Fortnights",
    "Workspace",
    "Channel",
    "Newsletter",
    "Version",
    "Challenge",
    "Challenges",
}
_NOT_ORG = re.compile(
    r"\b(?:" + "|".join(sorted(_NOT_ORG_WORDS)) + r")\b|\b(?:Summer|Winter|Spring|Autumn) School\b"
)
#: Lower-case collective nouns that end a capitalised name ("the X Y group", "X community").
_NOT_NAME_PREPOSITIONS = frozenset(
    "from at with by to into in as about via through across within between among after "
    "before during under over like per".split()
)
_ACRONYM = re.compile(r"\s*\(([A-Za-z][A-Za-z0-9&\- ]{1,15})\)")


@Language.factory(
    "partnerkg_organisations",
    default_config={"overwrite_ents": True},
)
def make_organisations(nlp: Language, name: str, overwrite_ents: bool) -> OrganisationFinder:
    return OrganisationFinder(nlp, name, overwrite_ents)


class OrganisationFinder:
    """Sets ``doc.ents`` ORG spans; records ``org_kind``/``acronym`` per organisation."""

    def __init__(self, nlp: Language, name: str, overwrite_ents: bool) -> None:
        register_extensions()
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.heads = frozenset(lexicon.org_head_words())
        self.modifier_heads = lexicon.modifier_heads()
        self.lower_heads = frozenset(lexicon.name_words().lower_heads)
        # a head word, as a cheap test before each matcher ("team" and "centre" are common)
        self.head_cue = re.compile(
            rf"\b(?:{'|'.join(map(re.escape, lexicon.org_head_words()))})\b")
        self.unit_cue = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.lower_heads))})\b")
        self.matcher = Matcher(nlp.vocab)
        self.unit_matcher = Matcher(nlp.vocab)  # names ending on a lower-case unit head
        single = list(lexicon.org_head_words())
        # "University of Aberdeen", "London School of Hygiene and Tropical Medicine"
        head = {"ORTH": {"IN": single}}
        # "of/for X" after the head; "and Y" only inside that complement
        # ("School of Hygiene and Tropical Medicine", never "Acme Analytics and Jane Doe")
        complement: list[dict[str, Any]] = [
            {"LOWER": {"IN": ["of", "for", "on", "de", "du"]}},
            {"LOWER": "the", "OP": "?"},
            _CAP_ANY,
            {**_CAP_HYPHEN, "OP": "*"},
        ]
        # (a word of two letters or more: "and N/LAB" starts another name)
        more: list[dict[str, Any]] = [{"LOWER": {"IN": ["and", "&"]}},
                                      {**_CAP_ANY, "LENGTH": {">=": 2}, "OP": "+"}]
        # words of a field, not of a name: no head word, no partner ("Machine Learning")
        field = {"ORTH": {"NOT_IN": [*single, *lexicon.partner_words()]},
                 "ENT_TYPE": {"NOT_IN": ["GPE", "LOC"]}}
        # "Applied Mathematics & Theoretical Physics group", "Data Science for X community"
        lower_head = {"LOWER": {"IN": sorted(self.lower_heads)}, "IS_LOWER": True}
        joined: dict[str, Any] = {"LOWER": {"IN": ["and", "&", "for", "of"]}}
        comma: dict[str, Any] = {"ORTH": ","}
        # "Novel data linkages for health Interest Group": a capitalised word, a few lower-case
        # words, then a capitalised name ending on a head word
        first: dict[str, Any] = {**_CAP_ANY, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]},
                                 "TAG": {"NOT_IN": ["NNS"]}}  # not "Applications open for X"
        # lower-case words of a name: content words and "for/of/on/and", never "from/at/with"
        # (which join a person or topic to an organisation, not words of one name)
        lower_word: dict[str, Any] = {
            "TEXT": {"REGEX": r"^([a-z][a-z'’]*|-)$"},
            "TAG": {"IN": ["NN", "NNS", "JJ", "VBG", "IN", "CC", "HYPH"]},
            "LOWER": {"NOT_IN": sorted(_NOT_NAME_PREPOSITIONS)},
        }
        content: dict[str, Any] = {**lower_word, "TAG": {"IN": ["NN", "NNS", "JJ", "VBG"]}}
        self.unit_matcher.add(
            "ORG_LOWER_HEAD",
            [
                [_CAP, {**_CAP_ANY, "OP": "+"}, lower_head],
                [_CAP, {**_CAP_ANY, "OP": "*"}, joined, {**_CAP_ANY, "OP": "+"}, lower_head],
                # "Research Software Engineering (RSE) team": its acronym before the head
                [_CAP, {**_CAP_ANY, "OP": "+"}, {"ORTH": "("}, {"IS_UPPER": True, "IS_ALPHA": True},
                 {"ORTH": ")"}, lower_head],
                # "Science, Technology & Society department": a listed unit name
                [_CAP, comma, _CAP_ANY, joined, {**_CAP_ANY, "OP": "+"}, lower_head],
                [_CAP, comma, _CAP_ANY, comma, _CAP_ANY, {**comma, "OP": "?"}, joined,
                 {**_CAP_ANY, "OP": "+"}, lower_head],
                # "the DEMON network", "N/LAB research centre": an acronym names the unit
                [{"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 3}}, lower_head],
                [{"IS_UPPER": True}, {"ORTH": "/"}, {"IS_UPPER": True},
                 {"LOWER": "research", "OP": "?"}, lower_head],
                [_CAP_ANY, {"ORTH": "-"}, {"IS_UPPER": True, "IS_ALPHA": True}, lower_head],
            ],
            greedy="LONGEST",
        )
        # "Turing's Omics data generation and analysis group": after an organisation's or place's
        # possessive, a capitalised word and lower-case words up to the unit head name its unit
        # (the match starts at the owner: two tokens are cut off)
        self.unit_matcher.add(
            "ORG_OWNED_UNIT",
            [[{"ENT_TYPE": {"IN": ["ORG", "GPE"]}}, {"ORTH": {"IN": ["'s", "’s"]}}, first,
              {**lower_word, "OP": "{1,5}"}, lower_head]],
            greedy="LONGEST",
        )
        self.owned_unit = nlp.vocab.strings["ORG_OWNED_UNIT"]
        # "Guy's and St Thomas' NHS Foundation Trust": two possessive names before the head
        possessive = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}
        self.matcher.add(
            "ORG_POSSESSIVE_PAIR",
            [[_CAP_ANY, possessive, {"LOWER": "and"}, {**_CAP_ANY, "OP": "{1,3}"}, possessive,
              {**_CAP_ANY, "OP": "*"}, head]],
            greedy="LONGEST",
        )
        self.matcher.add(
            "ORG_LOWER_RUN",
            [
                [
                    first,
                    {**lower_word, "OP": "*"},
                    content,
                    {**lower_word, "OP": "{0,6}"},
                    {**_CAP_ANY, "OP": "+"},
                    head,
                ]
            ],
            greedy="LONGEST",
        )
        self.matcher.add(
            "ORG_KEYWORD",
            [
                [{**_CAP, "OP": "*"}, head],
                [{**_CAP_ANY, "OP": "*"}, head],
                [{**_CAP_ANY, "OP": "*"}, head, *complement],
                [{**_CAP_ANY, "OP": "*"}, head, *complement, *more],
                # "Interest Group on Meta-Learning for Multimodal Data": two complements
                [{**_CAP_ANY, "OP": "*"}, head, *complement, *complement],
                # "Centre for Knowledge-driven Machine Learning": a lower-case word glued by a
                # hyphen to a capitalised one inside the complement
                [{**_CAP_ANY, "OP": "*"}, head, *complement[:3], {"ORTH": "-"}, {"IS_LOWER": True},
                 {**_CAP_HYPHEN, "OP": "+"}],
                # "Centre for AI in Healthcare": a field after "in", never a place or a date
                [{**_CAP_ANY, "OP": "*"}, head, *complement, {"LOWER": "in"},
                 {**_CAP_ANY, "ENT_TYPE": {"NOT_IN": ["GPE", "LOC", "DATE", "FAC"]}, "OP": "+"}],
                # "King's College London": a possessive name right before the head word
                [{**_CAP_ANY, "OP": "+"}, {"ORTH": {"IN": ["'s", "’s"]}}, head],
                # "AI for Precision Public Health Network": a field "for" a field, then the head
                # ("AI for Multiple Long-Term Conditions Research Support Facility")
                [first, {"LOWER": "for"}, _CAP_ANY, {**_CAP_HYPHEN, "OP": "*"}, head],
            ],
            greedy="LONGEST",
        )
        # "Bridging X and Y Models Interest Group": a coordinated field before the head; kept
        # only where no capitalised word comes before it (else it is the tail of two names)
        self.matcher.add(
            "ORG_FIELD_AND",
            [[{**_CAP, **field}, {**_CAP_ANY, **field, "OP": "*"}, {"LOWER": "and"},
              {**_CAP_ANY, "OP": "+"}, head]],
            greedy="LONGEST",
        )
        self.field_and = nlp.vocab.strings["ORG_FIELD_AND"]
        self.dictionary = dictionary_words(nlp)
        self.partners = PhraseMatcher(nlp.vocab)
        names = [n for p in lexicon.partners() for n in (p.name, *p.aliases)]
        if names:
            self.partners.add("ORG_PARTNER", [nlp.make_doc(n) for n in names])

    def _ner_org_ok(self, span: Span) -> bool:
        return _ner_org_ok(span, self.dictionary)

    def _modifies_next(self, doc: Doc, end: int) -> bool:
        """ "Crafting Digital Twins": a head only whole names give, before a capitalised word."""
        return doc[end - 1].text in self.modifier_heads and end < len(doc) and doc[end].is_title

    def _before_generic_tail(self, span: Span | None) -> Span | None:
        """ "Acme Analytics Open Source Grants" -> "Acme Analytics": common words ending on a
        field noun (``generic_heads``) after a complete name are its programme, not its name."""
        if span is None or span[-1].lower_ not in lexicon.name_words().generic_heads:
            return span
        heads = frozenset(lexicon.org_head_words())
        for token in reversed(span[:-1]):
            if token.lower_ in _CONNECTORS or not in_dictionary(token.lower_, self.dictionary):
                return span  # "School of Mathematical Sciences": a complement, not a tail
            if token.text in heads and token.i > span.start:
                return Span(span.doc, span.start, token.i + 1, label="ORG")
        return span

    def _before_event_modifier(self, span: Span | None) -> Span | None:
        """ "Centre for X Research Showcase" -> "Centre for X": modifier words
        (``event_modifiers``) right before an event word are the event's, not the name's."""
        span = self._before_generic_tail(span)
        if span is None or span.end >= len(span.doc) or span.doc[span.end].text not in (
                _NOT_ORG_WORDS):
            return span
        modifiers = lexicon.name_words().event_modifiers
        end = span.end
        while end > span.start and span.doc[end - 1].lower_ in modifiers:
            end -= 1
        if end == span.end:
            return span
        left = _trim(Span(span.doc, span.start, end, label="ORG")) if end > span.start else None
        if left is not None and len(left) > 1 and lexicon.org_kind_of(left.text):
            return left
        return span

    def _in_role_title(self, span: Span) -> bool:
        """ "Partnership Team Member Jane Doe": common words and a head word right before a
        role noun are the person's title, not a named organisation."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].lower_ not in ROLE_NOUNS:
            return False
        if len(span) > 2 and span[0].text in lexicon.org_head_words() and span[1].lower_ == "of":
            return False  # "University of Bath researcher Jane Doe": a named body's member
        return all(in_dictionary(t.lower_, self.dictionary) or lexicon.is_partner_name(t.text)
                   for t in span if t.is_alpha)  # "Turing-Roche Community Scholar"

    def _not_a_theme(self, span: Span) -> bool:
        """A head-word match that is no topic label and no field noun after common words."""
        if _is_topic_label(span):
            return False
        return _after_org_context(span) or not _generic_name(span, self.dictionary)

    def __call__(self, doc: Doc) -> Doc:
        heads = self.heads
        text = text_of(doc)
        # every pattern ends on a head word: most texts have none, skip the matchers
        matches = [*(self.matcher(doc) if self.head_cue.search(text) else []),
                   *(self.unit_matcher(doc) if self.unit_cue.search(text) else [])]
        candidates = [
            _with_place_tail(Span(doc, s + 2 * (rule == self.owned_unit), e, label="ORG"), heads)
            for rule, s, e in sorted(matches, key=lambda match: (match[1], match[2]))
            if (rule != self.field_and or not _after_a_name(doc, s))
            and not self._modifies_next(doc, e)
        ]
        trimmed = [
            self._before_event_modifier(_before_job_words(_trim(part)))
            for span in candidates
            for piece in _split_separators(span)
            for part in _split_coordination(piece, self.dictionary)
        ]
        split = [s for s in trimmed if s is not None and _plausible(s) and self._not_a_theme(s)
                 and not _written_work(s)]
        # names that need no NER: the configured partners, and country-coded names their
        # bracketed acronym spells out
        sure_names = [Span(doc, s, e, label="ORG") for _, s, e in self.partners(doc)]
        if "(" in text and any(code in text for code in _COUNTRY_CODES):  # a cheap test first
            sure_names += _national_names(doc)
        if _DEFINES.search(text):  # a cheap test before walking the tokens
            sure_names += _defined_as_organisations(doc)
        sure_names += _bodies_tagged_as_facilities(doc)
        if _EMPLOYER_CUE.search(text):  # a cheap test before walking the tokens
            sure_names += _employer_slot_names(doc, self.dictionary)
        sure_names += _unfamiliar_bodies_in_slots(doc, self.dictionary)
        ner = [e for e in doc.ents if e.label_ == "ORG"]
        members = [_member_of_body(e) for e in ner]  # "Jane Doe of Westby University"
        ner = [split[1] if split else e for e, split in zip(ner, members, strict=True)]
        cut = [
            self._before_event_modifier(_before_job_words(_before_event_word(_trim(part))))
            for span in ner
            for piece in _split_separators(span)
            for part in _split_coordination(piece, self.dictionary)
        ]
        ner_parts = [s for s in cut if s is not None and not lexicon.joins_partners(s.text)
                     and _plausible(s) and not _names_a_session(s) and not _a_papers_venue(s)]
        keyworded = {(o.start, o.end) for o in [*sure_names, *split]}
        kept = [(o.start, o.end) in keyworded or self._ner_org_ok(o) for o in ner_parts]
        doc.spans[DOUBTFUL_ORGS] = [o for o, ok in zip(ner_parts, kept, strict=True) if not ok]
        ner_parts = [o for o, ok in zip(ner_parts, kept, strict=True) if ok]
        orgs = filter_spans([*sure_names, *split, *ner_parts])
        orgs = [_with_list_head(_from_bracket(_with_acronym_head(_with_glued_start(
                    _with_acronym_field(_with_acronym_tail(o)))))) for o in orgs
                if not _role_run(o) and not self._in_role_title(o)]
        orgs = [s for s in orgs if not _inside_parentheses_after_org(s, orgs)]
        orgs = filter_spans([*orgs, *_conjoined_names(doc, orgs, self.dictionary)])
        listed, mistaken = _listed_with_organisations(doc, orgs, self.dictionary)
        orgs = filter_spans([*orgs, *listed])
        others = [e for e in doc.ents if e.label_ != "ORG" and e not in mistaken] + [
            split[0] for split in members if split]
        keep = [e for e in others if not any(overlaps(e, o) for o in orgs)]
        try:
            doc.set_ents(
                filter_spans([*orgs, *keep]),
                default="outside" if self.overwrite_ents else "unmodified",
            )
        except ValueError:
            doc.ents = filter_spans([*orgs, *keep])
        attributes = org_attributes(doc)
        for org in orgs:
            found: dict[str, str] = {}
            kind = lexicon.org_kind_of(org.text)
            if kind:
                found["org_kind"] = kind
            acronym = _acronym_after(org)
            if acronym and (_abbreviates(acronym.group(1), org.text)
                            or acronym_fits(acronym.group(1), org.text)):  # "AIM RSF"
                found["acronym"] = acronym.group(1).strip()
            if found:
                attributes[org.start_char] = found
        return doc


_WRITING_VERBS = frozenset({"write", "author", "co-author", "publish", "develop", "edit"})


def _member_of_body(span: Span) -> tuple[Span, Span] | None:
    """ "Nadia Rahman of Westby University", one ORG to the NER: a person's name before "of"
    and a body of a kind ("University", "Institute" …) after it, as (person, organisation)."""
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is None or not 2 <= of - span.start <= 3 or of + 1 >= span.end:
        return None
    person, body = span.doc[span.start : of], span.doc[of + 1 : span.end]
    if not looks_like_name(person) or lexicon.org_kind_of(body.text) is None:
        return None
    return Span(span.doc, person.start, person.end, label="PERSON"), Span(
        span.doc, body.start, body.end, label="ORG")


def _written_work(span: Span) -> bool:
    """ "team write Acme Guide chapter": a unit-like name that is what someone writes is a
    text (a chapter, a function of code), not a unit of an organisation."""
    head = span[-1]
    return head.is_lower and head.dep_ == "dobj" and head.head.lemma_.lower() in _WRITING_VERBS


def _after_a_name(doc: Doc, start: int) -> bool:
    """The word before ``start`` is capitalised, a hyphen or a name's "of": ``start`` is
    inside a name ("University of Westby and Northby University")."""
    return start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].text == "-"
                          or doc[start - 1].lower_ in ("of", "for", "on", "de"))


def _ner_org_ok(span: Span, dictionary: frozenset[str]) -> bool:
    """An ORG only the NER saw: not a topic of the scheme, not the field of a job title, not a
    channel on a platform ("Acme YouTube"), not a title's opening gerund, not in a heading-like
    text, not a theme ("on X", "be X"), not a capitalised phrase of dictionary words ("Genomic
    Data Diversity", "Life Sciences"), not a lone common word outside an organisation's place."""
    doc = span.doc
    if _is_topic_label(span) or _field_of_a_job(span) or span[-1].text in _PLATFORMS:
        return False
    if _names_a_kind(span, dictionary) or _has_own_acronym(span) or _acronym_owner(span):
        return True
    if (span.start == 0 or doc[span.start - 1].text == ":") and _gerund(span[0].lower_, dictionary):
        return False  # "Event: Crafting Digital [Twins]": a title's verb, not a name
    if _title_case_text(doc) or len(span.text) <= 2:
        return False
    if any(t.shape_ == "dddd" for t in span):
        return False  # "Acme 2030 Annual": an edition of an event, not a body
    words = [t for t in span if t.is_alpha and not t.is_stop]
    # an acronym is a name even when the lemma index happens to hold it ("NIHR"), unless
    # it is a theme's ("AI")
    if len(words) >= 2 and all(in_dictionary(t.lower_, dictionary) and not _acronym_name(t)
                               for t in words):
        return False
    if len(span) == 1 and _lone_common_word(span[0], dictionary):
        return False
    if span.root.dep_ == "compound" and span.root.head.is_lower and span.root.head.pos_ == "NOUN":
        return False  # a modifier ("the Acme newsletter"), not a mention of the organisation
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before not in ("on", "about", "be", "is", "theme", "in", "of", "into", "and")


def _gerund(word: str, dictionary: frozenset[str]) -> bool:
    """ "crafting", "making", "running": a verb's -ing form ("Turing" is none)."""
    stem = word[:-3]
    if not word.endswith("ing") or len(stem) < 3:
        return False
    doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
    return bool({stem, stem + "e", doubled} & dictionary)


_PLATFORMS = frozenset({"YouTube", "Twitter", "LinkedIn", "Instagram", "Facebook", "TikTok",
                        "Spotify", "Slack", "GitHub"})


def _field_of_a_job(span: Span) -> bool:
    """ "Pharmacokinetic/Pharmacodynamic (PK/PD) Data Scientist": the words before a role
    (and its bracketed acronym) name the job's field."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i : i + 6] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    return any(is_role_phrase(doc[i:end].text) for end in range(i + 1, min(len(doc), i + 3) + 1))


def _acronym_name(token: Token) -> bool:
    """An acronym of three letters or more that labels no topic ("NIHR", not "AI", "NLP")."""
    return (token.is_upper and token.is_alpha and len(token) >= 3
            and token.lower_ not in lexicon.topic_label_set())


def _acronym_owner(span: Span) -> bool:
    """ "the UCL's Causal Cognition Lab": an acronym owning a capitalised name is a body."""
    doc = span.doc
    return (all(t.is_upper for t in span) and span.end + 1 < len(doc)
            and doc[span.end].text in ("'s", "’s") and doc[span.end + 1].text[:1].isupper())


def _is_topic_label(span: Span) -> bool:
    """The whole span is a label of the topic scheme ("Digital Twins"): a theme, not a body."""
    return span.text.lower() in lexicon.topic_label_set()


def _has_own_acronym(span: Span) -> bool:
    """ "Acme Research Council (ARC)": a bracketed acronym right after that abbreviates it."""
    acronym = _acronym_after(span)
    return acronym is not None and _abbreviates(acronym.group(1), span.text)


def _acronym_after(span: Span) -> re.Match[str] | None:
    """The "(ACRONYM)" right after ``span``."""
    return _ACRONYM.match(text_of(span.doc), span.end_char)


def _names_a_kind(span: Span, dictionary: frozenset[str]) -> bool:
    """A partner, or a name whose org-kind head word stands where a head stands (last, or
    before "of/for …" or a final place) and is not a field noun heading common words."""
    if lexicon.is_partner_name(span.text):
        return True
    if not lexicon.org_kind_of(span.text):
        return False
    if _generic_name(span, dictionary) and not _after_org_context(span):
        return False
    heads = [t for t in span if t.text in frozenset(lexicon.org_head_words())]
    return not heads or any(_in_head_position(t, span) for t in heads)


def _after_org_context(span: Span) -> bool:
    """Right after "at", "from", "joined by" … (``org_context_words``), "the" allowed between:
    the place of an organisation ("Principal Scientist at Acme Analytics")."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in lexicon.name_words().org_context_words


def _in_head_position(token: Token, span: Span) -> bool:
    """Last word, before a complement ("of", "for" …), or before one last name word."""
    if token.i == span.end - 1:
        return True
    following = token.doc[token.i + 1]
    return following.lower_ in _CONNECTORS or (
        token.i == span.end - 2 and following.is_title and following.pos_ == "PROPN"
    )


def _generic_name(span: Span, dictionary: frozenset[str]) -> bool:
    """ "Visual Analytics", "Health Technologies": a field noun (``generic_heads``) after
    common words only, no other head word; a name needs a word of its own ("Acme
    Analytics") or a real head ("School of Mathematical Sciences")."""
    generic = lexicon.name_words().generic_heads
    heads = frozenset(lexicon.org_head_words())
    words = [t for t in span if t.is_alpha and not t.is_stop]
    return (
        bool(words)
        and words[-1].lower_ in generic
        and not any(t.text in heads and t.lower_ not in generic for t in words)
        and all(in_dictionary(t.lower_, dictionary) for t in words)
    )


def _lone_common_word(token: Token, dictionary: frozenset[str]) -> bool:
    """A single capitalised common word ("Analysis", "Oxford", "Interns") outside an
    organisation's place: not after "at/from/by …" nor an item of a list of organisations."""
    if not token.is_title or not in_dictionary(token.lower_, dictionary):
        return False
    return not (_after_org_context(token.doc[token.i : token.i + 1]) or _in_org_list(token))


def _in_org_list(token: Token) -> bool:
    """ "Acme, Globex and Initech": after a comma or "and" that follows an organisation, and
    itself followed by a list separator or the end of the clause."""
    doc = token.doc
    i = token.i
    if i < 2 or doc[i - 1].lower_ not in (",", "and", "&") or doc[i - 2].ent_type_ != "ORG":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (
        after is None
        or after.lower_ in (",", "and", "&", ".", ";", ")")
        or doc[i - 1].lower_ in ("and", "&")
    )


def _title_case_text(doc: Doc) -> bool:
    """Headings and bold lines: most words capitalised, so NER guesses are unreliable
    (worked out once per text)."""
    if "pkg_title_case" not in doc.user_data:
        words = [t for t in doc if t.is_alpha and not t.is_stop]
        sentence = text_of(doc).rstrip().endswith(".") and any(  # "Speakers came from A, B, C."
            t.pos_ in ("VERB", "AUX") and t.is_lower for t in doc)
        doc.user_data["pkg_title_case"] = not sentence and len(words) >= 3 and sum(
            t.text[:1].isupper() for t in words) >= 0.7 * len(words)
    return bool(doc.user_data["pkg_title_case"])


def _role_run(span: Span) -> bool:
    """The ORG is inside a title-case run that reads as a role ("Acme-Beta Partnership Lead")."""
    doc = span.doc
    end = span.end
    while end < len(doc) and (
        doc[end].is_title
        or (doc[end].text in ("-", "–") and not doc[end - 1].whitespace_)
        or (not doc[end - 1].whitespace_ and doc[end - 1].text in ("-", "–"))
    ):
        end += 1
    start = span.start
    while start > 0 and (
        doc[start - 1].text in ("-", "–")
        and not doc[start - 1].whitespace_
        or (start > 1 and doc[start - 1].is_title and doc[start - 2].text in ("-", "–"))
    ):
        start -= 1
    if end == span.end and start == span.start:
        return False
    return is_role_phrase(doc[start:end].text)


def _with_list_head(span: Span) -> Span:
    """ "(PHC) Data, Analytics and Imaging group": a name that lists its fields ("A and B
    group") starts at the capitalised word and comma before it."""
    doc = span.doc
    i = span.start
    listed = any(t.lower_ == "and" for t in span) and span[-1].is_lower
    if listed and i >= 2 and doc[i - 1].text == "," and doc[i - 2].is_title and (
            doc[i - 2].ent_type_ in ("", "ORG")):
        return Span(doc, i - 2, span.end, label="ORG")
    return span


def _with_acronym_tail(span: Span) -> Span:
    """ "HDR" + "UK": an all-capitals name continues over a following capitals token;
    "Unlearn" + ".AI": a name written like a web address keeps its ending."""
    doc = span.doc
    if DOTTED_NAME.fullmatch(doc[span.end - 1 : span.end + 2].text):
        return Span(doc, span.start, span.end + 2, label="ORG")
    if (
        span.end < len(doc)
        and span.text.isupper()
        and doc[span.end].text.isupper()
        and doc[span.end].is_alpha
    ):
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


def _with_acronym_head(span: Span) -> Span:
    """ "[Medicines and] Healthcare products Regulatory Agency (MHRA)": the capitalised words
    before a name whose bracketed acronym starts with a letter the name lacks belong to it,
    when taking them in makes the acronym fit."""
    acronym = _acronym_after(span)
    if acronym is None or _abbreviates(acronym.group(1), span.text):
        return span
    doc = span.doc
    start = span.start
    while start > max(0, span.start - 4) and (
            doc[start - 1].is_title or doc[start - 1].lower_ in ("and", "of", "for", "&")):
        start -= 1
        if doc[start].is_title and _abbreviates(acronym.group(1), doc[start : span.end].text):
            return Span(doc, start, span.end, label="ORG")
    return span


def _with_acronym_field(span: Span) -> Span:
    """ "[Turing Research and Innovation Cluster] in Digital Twins (TRIC-DT)": the "in/for …"
    words between a name and its bracketed acronym belong to it when the acronym needs them."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].lower_ not in ("in", "for", "of", "on"):
        return span
    end += 1
    while end < min(len(doc), span.end + 8) and (doc[end].is_title or doc[end].lower_ in (
            "and", "&", "of", "for")):
        end += 1
    longer = Span(doc, span.start, end, label="ORG")
    acronym = _acronym_after(longer)
    if end == span.end + 1 or acronym is None:
        return span
    letters = acronym.group(1)
    fits = acronym_fits(letters, longer.text) and not acronym_fits(letters, span.text)
    return longer if fits else span


_COUNTRY_CODES = ("UK", "US", "USA", "EU")


#: Nouns that say what kind of body a name is ("CLIRPath-AI are a network of …").
_BODY_NOUNS = frozenset({
    "network", "consortium", "company", "charity", "organisation", "organization", "institute",
    "collaboration", "partnership", "startup", "start-up", "foundation", "society",
    "association", "alliance", "coalition", "firm", "spin-out", "spinout", "non-profit",
    "nonprofit"})
_DEFINES = re.compile(r"\b(?:is|are) (?:a|an|the)\b|, (?:a|an|the) ")


def _defined_as_organisations(doc: Doc) -> list[Span]:
    """ "CLIRPath-AI are a network of academics …", "Owkin, a French biotech startup,": the
    capitalised name a sentence defines (or an apposition describes) as a kind of body is an
    organisation, whatever the NER made of it."""
    found = []
    for token in doc:
        if token.lemma_ == "be":
            attributes = [c for c in token.children if c.dep_ == "attr"]
            names = [c for c in token.children if c.dep_ == "nsubj"]  # "CLIRPath", "AI"
        elif token.dep_ == "appos" and token.head.pos_ == "PROPN":
            attributes, names = [token], [token.head]
        else:
            continue
        attributes += [c for a in attributes for c in a.conjuncts]  # "a platform and community"
        if not names or not any(_names_a_body(a) for a in attributes):
            continue
        if token.dep_ == "appos":  # the name's own words, or the NER's span of it
            named = next((e for e in doc.ents if e.start <= names[0].i < e.end), None)
            span = named if named is not None else doc[names[0].left_edge.i : names[0].i + 1]
        else:
            span = doc[names[0].left_edge.i : names[-1].right_edge.i + 1]
        while len(span) and (span[0].is_stop or span[0].is_punct):
            span = span[1:]
        if len(span) and span.root.pos_ == "PROPN" and all(
                t.text[:1].isupper() or t.text == "-" for t in span):
            found.append(Span(doc, span.start, span.end, label="ORG"))
    return found


def _names_a_body(noun: Token) -> bool:
    """ "network", "startup", "non-profit": a noun that says a name is an organisation."""
    doc = noun.doc
    hyphenated = doc[noun.i - 2 : noun.i + 1].text.lower() if noun.i >= 2 else ""
    return noun.lemma_.lower() in _BODY_NOUNS or hyphenated in _BODY_NOUNS


def _bodies_tagged_as_facilities(doc: Doc) -> list[Span]:
    """ "roles at Human Technopole in Milan", "the Global Partnership on AI (GPAI)": a name the
    NER took for a facility is an organisation when it stands where employers stand (after
    "at", before "in <place>") or carries its own acronym, unless an event word heads it
    ("at the Soil Summit 2030 in Leeds")."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "FAC":
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent
        head = [t for t in span if t.shape_ != "dddd"][-1:]  # "the Soil Summit 2030": an event
        if head and names_event(head[0].text):
            continue
        located = ent.start > 0 and doc[ent.start - 1].lower_ == "at" and ent.end + 1 < len(
            doc) and doc[ent.end].lower_ == "in" and doc[ent.end + 1].ent_type_ == "GPE"
        if len(span) and (located or _has_own_acronym(span)):
            found.append(Span(doc, span.start, span.end, label="ORG"))
    return found


#: "works at X", "is based at X", "employed by X", "has joined X as Director": X is an employer
_EMPLOYER_CUE = re.compile(
    r"\b(?:work(?:s|ed|ing)? (?:at|for)|(?:is|are|was|were) based at|employed by|"
    r"join(?:s|ed)(?= (?:[A-Z][\w.&-]* ){1,4}(?:as|in (?:19|20)\d\d)\b))(?: the)? (?=[A-Z])")


def _employer_slot_names(doc: Doc, dictionary: frozenset[str]) -> list[Span]:
    """ "Jane Doe works at Novartis", "has joined AstraZeneca as Director": the capitalised
    words an employer cue puts in an organisation's place, when one of them is no common word
    (the NER often misses or mislabels a lone company name) or the NER calls them all an
    organisation. Not a place, not a full name."""
    found = []
    for match in _EMPLOYER_CUE.finditer(text_of(doc)):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        end = first.start
        while end < min(len(doc), first.start + 4) and doc[end].text[:1].isupper() and (
                doc[end].ent_type_ not in ("GPE", "DATE") or camel_case(doc[end].text)):
            end += 1  # "works at DeepMind": a company the NER took for a place
        span = Span(doc, first.start, end, label="ORG")
        person = any(e.label_ == "PERSON" and len(e) > 1 and overlaps(e, span) for e in doc.ents)
        named = any(e.label_ == "ORG" and (e.start, e.end) == (span.start, span.end)
                    for e in doc.ents)  # "works at Microsoft Research": the NER agrees
        if len(span) and not person and (named or any(
                not in_dictionary(t.lower_, dictionary) for t in span if t.is_alpha)):
            found.append(span)
    return found


_SLOT_BEFORE = re.compile(r"(?:\bat |\(|\bfrom | [-–] )(?=[A-Z])")  # "at Quorvia", "(Quorvia)"
_OWNER = re.compile(r"(?<![A-Z]\w)(?<![A-Z]\w )\b[A-Z][\w&-]*(?= ?['’]s )")  # "Quorvia's"
#: Where a host's name stands: after "organised by", a hosts' label, an event "from"
_HOST_SLOT = re.compile(
    r"\b(?:(?:co-)?hosted|organi[sz]ed|run|convened|brought to you|presented|sponsored|"
    r"supported|funded) by |\b(?:(?:co-)?organi[sz]ers?|(?:co-)?hosts?|sponsors?)\s*:\s*|"
    r"\b(?:symposium|workshop|conference|seminar|webinar|event|talk|lecture|summit) from ",
    re.IGNORECASE)
#: A sentence's one-word subject that hosts, in the plural an organisation takes ("Quorvia are
#: delighted to …"; a first name takes the singular: "Rohan is hosting")
_HOST_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][\w&-]*)(?= are (?:hosting|organi[sz]ing|running|delighted|pleased|"
    r"excited|proud)\b)")


def _unfamiliar_bodies_in_slots(doc: Doc, dictionary: frozenset[str]) -> list[Span]:
    """ "Senior Scientist at Quorvia", "Jane Doe (Quorvia)", "Jane Doe from Quorvia", "Jane Doe -
    Quorvia", "Quorvia's Head of Data" (an employer's slot), "organised by Quorvia", "Hosts:
    Quorvia and Nexagen", "Quorvia are delighted to …" (a host's): capitalised words there, one
    of them in no dictionary, are an organisation's name, whatever the NER said (it calls a
    lone unfamiliar name a place, a person or nothing)."""
    text = text_of(doc)
    people = {e.end for e in doc.ents if e.label_ == "PERSON"}
    found = []
    for match in _SLOT_BEFORE.finditer(text):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None or first.start == 0:
            continue
        cue = doc[first.start - 1]
        span = _capitalised_run(doc, first.start)
        fits = (cue.text == "at" and cue.i > 0 and is_role_noun(doc[cue.i - 1].text)
                or cue.i in people and (cue.text != "(" or (
                    span.end < len(doc) and doc[span.end].text == ")")) and (
                    cue.text not in ("-", "–") or span.end == len(doc) or doc[span.end].is_punct))
        if fits:
            found.append(span)
    for match in _HOST_SLOT.finditer(text):  # "organised by Quorvia", "Hosts: Quorvia and X"
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        while first is not None:
            span = _capitalised_run(doc, first.start) or _lone_word(doc, first.start)
            found.append(span)
            joined = span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", ",", "&")
            first = doc[span.end + 1 : span.end + 2] if joined and doc[
                span.end + 1].text[:1].isupper() else None
    for match in _HOST_SUBJECT.finditer(text):  # "Quorvia invites you", "Quorvia are hosting"
        first = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if first is not None:
            found.append(_capitalised_run(doc, first.start))
    for match in _OWNER.finditer(text):
        first = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if first is not None and first.end + 1 < len(doc) and any(
                is_role_noun(t.text) for t in doc[first.end + 1 : first.end + 4]):
            found.append(_capitalised_run(doc, first.start))
    return [s for s in found if len(s) and any(
        t.is_alpha and not t.is_stop and not in_dictionary(t.lower_, dictionary) for t in s)]


def _lone_word(doc: Doc, start: int) -> Span:
    """A lone capitalised word at ``start`` the NER calls a person: in a host's slot, a body
    (a person hosts by full name)."""
    lone = doc[start].ent_iob_ == "B" and (start + 1 == len(doc) or doc[start + 1].ent_iob_ != "I")
    return Span(doc, start, start + 1 if lone and doc[start].ent_type_ == "PERSON" else start,
                label="ORG")


def _capitalised_run(doc: Doc, start: int) -> Span:
    """Up to four capitalised words from ``start`` that the NER gives no person or date."""
    end = start
    while end < min(len(doc), start + 4) and doc[end].text[:1].isupper() and (
            doc[end].ent_type_ not in ("PERSON", "DATE")):
        end += 1
    return Span(doc, start, end, label="ORG")


def _national_names(doc: Doc) -> list[Span]:
    """ "Health Data Research UK (HDR UK)", "Cancer Research UK (CRUK)": common words a
    country code ends are a name when the bracketed acronym after them spells them out."""
    found = []
    for code in (t for t in doc if t.text in _COUNTRY_CODES):
        end = code.i + 1
        start = code.i
        while start > max(0, code.i - 6) and (doc[start - 1].is_title or doc[start - 1].lower_ in (
                "and", "of", "for", "&")):
            start -= 1
        while start < code.i and not doc[start].is_title:
            start += 1
        name = Span(doc, start, end, label="ORG")
        acronym = _acronym_after(name)
        if start < code.i and acronym is not None and acronym_fits(acronym.group(1), name.text):
            found.append(name)
    return found


def _with_glued_start(span: Span) -> Span:
    """ "Turing-[Roche Strategic Partnership team]": a name starts at the first word of the
    hyphenated compound it opens with."""
    doc, start = span.doc, span.start
    while start >= 2 and glued_dash(doc[start - 1]) and doc[start - 2].text[:1].isupper():
        start -= 2
    return Span(doc, start, span.end, label="ORG") if start < span.start else span


def _from_bracket(span: Span) -> Span:
    """ "(Athinoula A. Martinos Center for …)": capitalised words and initials between an
    opening bracket and a name are the start of that name (a founder's name in it)."""
    doc = span.doc
    start = span.start
    while start > max(0, span.start - 5) and (
            doc[start - 1].is_title
            or (start >= 2 and doc[start - 1].text == "." and doc[start - 2].is_title)):
        start -= 1
    if start < span.start and start > 0 and doc[start - 1].text == "(":
        return Span(doc, start, span.end, label="ORG")
    return span


def _with_place_tail(span: Span, heads: frozenset[str]) -> Span:
    """ "Acme College London": a name ending on its head word continues over one last
    capitalised proper noun (a place qualifier) before lower case or punctuation."""
    doc = span.doc
    end = span.end
    if len(span) < 2 or span[-1].text not in heads or end >= len(doc):
        return span
    tail = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    if (
        tail.pos_ == "PROPN"
        and tail.is_title
        and tail.is_alpha
        and tail.text not in heads
        and not names_event(tail.text)  # "Acme Facility Seminar: …": the facility's seminar
        and not is_role_phrase(tail.text)
        and tail.ent_type_ not in ("DATE", "TIME")
        and not (tail.ent_type_ == "PERSON" and tail.ent_iob_ == "B")  # not "… College Jane Doe"
        and (after is None or not after.text[:1].isupper())
    ):
        return Span(doc, span.start, end + 1, label="ORG")
    return span


def dictionary_words(nlp: Language) -> frozenset[str]:
    """Common English words, from the rule lemmatizer's word index when the base pipeline
    has one (en_core_web_sm/md/lg/trf do); empty otherwise, which turns the check off."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


def in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    """``word``, its singular ("sciences", "studies") or the word it is derived from
    ("multimodal", "missingness", "lifecourse") is a common English word."""
    if _plain_word(word, dictionary):
        return True
    affixes = lexicon.name_words()
    stems = [word[len(p) :] for p in affixes.word_prefixes if word.startswith(p)]
    stems = [s for s in [word, *stems] if len(s) >= 4]
    derived = [
        base
        for stem in stems
        for suffix in affixes.word_suffixes
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3
        for base in (stem[: -len(suffix)], stem[: -len(suffix)] + "e")
    ]
    return any(_plain_word(w, dictionary) for w in [*stems[1:], *derived])


def _plain_word(word: str, dictionary: frozenset[str]) -> bool:
    singulars = (word, word[:-1] if word.endswith("s") else word, word[:-3] + "y")
    return any(w in dictionary for w in singulars if w)


def _abbreviates(acronym: str, name: str) -> bool:
    """ "HDR UK" for "Health Data Research UK": the acronym's capitals appear, in order, among
    the name's capitals, starting with the same letter."""
    letters = [c for i, c in enumerate(acronym) if c.isupper() or (i == 0 and c.isalpha())]
    letters = [c.upper() for c in letters]
    capitals = [c for c in name if c.isupper()]
    if not letters or not capitals or letters[0] != capitals[0]:
        return False
    remaining = iter(capitals)
    return all(letter in remaining for letter in letters)


def _trim(span: Span) -> Span | None:
    """Drop leading determiners/possessives and trailing connectors, punctuation or a
    lower-case "community" (the community of X is X)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in ("the", "our", "their", "a", "an", "and", "of", "in", "for")
        or doc[start].is_punct
        or (_first_word(doc[start]) and doc[start].pos_ not in ("PROPN", "NOUN", "X")
            and not lexicon.is_partner_name(doc[start].text))  # "Turing" tagged a verb
    ):
        start += 1
    partner_after = start + 1 < end and lexicon.is_partner_name(doc[start + 1 : end].text)
    if partner_after and _first_word(doc[start]):
        start += 1  # "Current Acme Institute vacancies": a sentence-initial word before a name
    if any(t.text == "(" for t in doc[start:end]) and not any(
        t.text == ")" for t in doc[start:end]
    ):
        end = next(t.i for t in doc[start:end] if t.text == "(")
    while end > start and (
        (doc[end - 1].is_lower and doc[end - 1].is_stop)
        or doc[end - 1].lower_ in _CONNECTORS
        or doc[end - 1].is_punct
        or doc[end - 1].text in ("'s", "’s")
        or (end - start > 1 and doc[end - 1].text == "community")
    ):
        end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label="ORG")


def _first_word(token: Token) -> bool:
    """The first word of its sentence, where capitals say nothing about names (walked back
    token by token: ``token.sent`` rebuilds the sentence on every call)."""
    doc, i = token.doc, token.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
        if doc[i].is_alpha:
            return False
    return True


_JOB_WORDS = frozenset(
    {
        "PhD",
        "Postdoctoral",
        "Position",
        "Positions",
        "Scholarship",
        "Scholarships",
        "Vacancy",
        "Vacancies",
        "Job",
        "Jobs",
        "Fellowships",
        "Internship",
        "Studentships",
        "Opportunity",
        "Opportunities",
    }
)


def _before_job_words(span: Span | None) -> Span | None:
    """ "University of X PhD Position" -> "University of X": a job or role word ends the name;
    so does "on" after a partner's full name ("held at Acme Institute on Soil Software")."""
    if span is None:
        return None
    on = next((t.i for t in span if t.lower_ == "on"), None)
    if on is not None and lexicon.is_partner_name(span.doc[span.start : on].text):
        return Span(span.doc, span.start, on, label="ORG")
    cut = next(
        (
            t.i
            for t in span
            if t.text in _JOB_WORDS or (
                t.i > span.start and is_role_phrase(t.text) and not _served_by(t))
        ),
        None,
    )
    if cut is None:
        return span
    generic = lexicon.name_words().generic_heads
    while cut > span.start + 1 and span.doc[cut - 1].lower_ in generic:
        cut -= 1  # "Acme Funding Opportunity": the funder is "Acme"
    left = _trim(Span(span.doc, span.start, cut, label="ORG")) if cut > span.start else None
    if left is not None and (len(left) > 1 and lexicon.org_kind_of(left.text) or (
            len(left) == 1 and left[0].is_upper and len(left[0]) >= 3)):
        return left  # "University of X", "ACME" before "PhD Position", "Funding Opportunity"
    return None


def _served_by(token: Token) -> bool:
    """ "Office for [Students]": a role word after a head word and "for/of" is whom the body
    serves, not a job title ending the name."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].lower_ in ("for", "of") and doc[i - 2].text in (
        lexicon.org_head_words())


def _a_papers_venue(span: Span) -> bool:
    """ "Paper accepted at AISTATS": what a paper is accepted at or presented at is a
    conference or a journal, unless its name says it is a body ("… at the University of X")."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ in ("at", "to", "in") and (
        doc[span.start - 2].lower_ in ("accepted", "presented")) and not lexicon.org_kind_of(
        span.text)


def _names_a_session(span: Span) -> bool:
    """ "in the Network Topology and Geometry session", "the Machine Learning track": the
    capitalised words before a lower-case session noun name the session (its topic)."""
    doc, i = span.doc, span.end
    while i < min(len(doc), span.end + 4) and (doc[i].is_title or doc[i].lower_ in ("and", "&")):
        i += 1
    return i < len(doc) and doc[i].lower_ in ("session", "sessions", "track", "stream")


def _before_event_word(span: Span | None) -> Span | None:
    """NER span "Royal Society of X Policy Lates" -> "Royal Society of X": an event or
    programme word ends the organisation's name; what precedes it counts only if it names a
    kind of org. (Keyword matches are not cut: their right edge is a guess already.)"""
    if span is None:
        return None
    kept = _without_name_phrases(span.text)
    cut = next((t.i for t in span if t.text in _NOT_ORG_WORDS
                and kept[t.idx - span.start_char:].startswith(t.text)), None)
    if cut is None:
        return span
    left = _trim(Span(span.doc, span.start, cut, label="ORG")) if cut > span.start else None
    if left is not None and (lexicon.org_kind_of(left.text) or lexicon.is_partner_name(left.text)):
        return left
    return None


def _without_name_phrases(text: str) -> str:
    """``text`` with the configured name phrases blanked ("Centre for Doctoral Training":
    "Training" there names the centre, it is no event word)."""
    return _name_phrase_pattern().sub(lambda m: " " * len(m.group()), text)


@cache
def _name_phrase_pattern() -> re.Pattern[str]:
    phrases = "|".join(map(re.escape, lexicon.name_words().name_phrases)) or "(?!)"
    return re.compile(rf"\b(?:{phrases})\b", re.IGNORECASE)


def _plausible(span: Span) -> bool:
    """Not a job title, not an event or programme heading word, not lower case."""
    if _NOT_ORG.search(_without_name_phrases(span.text)):
        return False
    if is_role_phrase(span.text):
        return False
    if len(span) == 1 and span.text in lexicon.org_head_words():
        return False
    if span.text in lexicon.kind_phrases():  # "Interest Group" left of a cut name
        return False
    if not span[0].text[:1].isupper() and not span[0].text[:1].isdigit():
        return False
    return not (len(span) == 1 and span[0].is_stop) and not _quoted_or_indefinite(span)


def _quoted_or_indefinite(span: Span) -> bool:
    """ "a story on 'Community Activities'": a quoted phrase is a title; "an Italian
    University": a short name after "a/an" is a kind of body, not a named one, unless the
    article is a noun's after it ("a Westby University event")."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    quoted = before in ("'", "‘", '"', "“") and after in ("'", "’", '"', "”")
    modifies = after.islower() and doc[span.end].pos_ == "NOUN"
    return quoted or (before.lower() in ("a", "an") and len(span) <= 2 and not modifies)


def _split_coordination(span: Span, dictionary: frozenset[str]) -> list[Span]:
    """Two organisations joined by "and": both sides name a kind of organisation
    ("X Institute and University of Y"), the first does and the second is a name of three or
    more capitalised words ("University of Y and Acme Medical Research Europe") or one
    capitalised word no dictionary holds ("University of Y and AstraZeneca"), both start
    with the same word ("NHS A and NHS B"), or the span ends a comma list of short names
    ("…, Quality, Regulatory and Supply Chain")."""
    for token in span:
        if token.lower_ in ("and", "&") and span.start < token.i < span.end - 1:
            left = Span(span.doc, span.start, token.i, label="ORG")
            right = Span(span.doc, token.i + 1, span.end, label="ORG")
            field = left[-1].lower_ in lexicon.name_words().generic_heads  # "Data Analytics"
            left_kind = lexicon.org_kind_of(left.text) and not field
            both_kinds = left_kind and lexicon.org_kind_of(right.text)
            full_right = left_kind and len(right) >= 3 and all(t.is_title or t.is_upper
                                                               for t in right)
            same_head = len(left) > 1 and len(right) > 1 and left[0].text == right[0].text
            # "University of X and EMBL"; "Institute for Data Science and AI" is one name
            acronym = left_kind and len(right) == 1 and len(right.text) > 2 and (
                looks_like_acronym(right.text))
            proper = left_kind and len(right) == 1 and right.text[:1].isupper() and (
                right.text.isalpha() and dictionary and not in_dictionary(right.text.lower(),
                                                                           dictionary))
            if (both_kinds or full_right or same_head or acronym or proper
                    or _ends_list(left, right) or _partner_and_org(left, right)):
                return [left, *_split_coordination(right, dictionary)]
    return [span]


def _partner_and_org(left: Span, right: Span) -> bool:
    """ "Acme Partnership and University of X": a partner (or the partnership) and another
    organisation named by its kind or as a partner are two organisations."""
    def partner(text: str) -> bool:
        bare = text.removeprefix("the ").removeprefix("The ")
        names = (lexicon.partnership_name(), *lexicon.partnership_aliases())
        return lexicon.is_partner_name(text) or lexicon.is_partner_name(bare) or any(
            bare.lower() == n.lower() for n in names)

    def named(text: str) -> bool:
        return partner(text) or lexicon.org_kind_of(text) is not None

    return (partner(left.text) and named(right.text)) or (
        partner(right.text) and named(left.text))


def _ends_list(left: Span, right: Span) -> bool:
    """ "A, B and C": after a comma, two short names without a connector of their own and
    without a head word they share ("A, B and C group" is one group)."""
    doc = left.doc
    short = all(len(side) <= 2 and not any(t.lower_ in _CONNECTORS for t in side)
                for side in (left, right))
    shared_head = (right[-1].text in lexicon.org_head_words()
                   or right[-1].lower_ in lexicon.name_words().lower_heads)
    return short and not shared_head and left.start > 0 and doc[left.start - 1].text == ","


def _split_separators(span: Span) -> list[Span]:
    """NER span "Professor of X, University of Y", "Quality, Regulatory and Z", "Data
    Quality at Acme", "Acme/Globex" or "Workshop on X- Acme": a comma, "at", a slash beside
    a partner or a spaced dash separates names (or a unit, topic, event or job and its
    organisation), so each side is judged on its own."""
    parts, start = [], span.start
    listed_unit = _listed_unit(span)
    for token in span:
        if token.text == "," and not listed_unit or (
                token.lower_ == "at" and not _campus(span, token)) or (
                _spaced_dash(token) or _partner_slash(token) or _owner_and_unit(span, token)):
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label="ORG"))
            start = token.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label="ORG"))
    return parts


def _listed_unit(span: Span) -> bool:
    """ "Science, Technology & Society department": single words listed before a unit's
    lower-case head name one unit (where "Quality, Regulatory and Z" lists several)."""
    words = [t for t in span[:-1] if t.text not in (",", "&", "and")]
    return span[-1].lower_ in lexicon.name_words().lower_heads and len(words) <= 5 and all(
        t.is_title for t in words) and any(t.text == "," for t in span)


def _owner_and_unit(span: Span, token: Token) -> bool:
    """ "Westby Institute of Health's SOIL Consortium": a possessive between two names of a
    kind is an owner and its unit ("King's College" has no owner)."""
    if token.text not in ("'s", "’s"):
        return False
    doc = span.doc
    owner, unit = doc[span.start : token.i], doc[token.i + 1 : span.end]
    return bool(len(unit) and lexicon.org_kind_of(owner.text) and lexicon.org_kind_of(unit.text))


def _campus(span: Span, at: Token) -> bool:
    """ "Icahn School of Medicine at Mount Sinai": after a name of a kind, "at" and a short
    name of no kind (a place, a campus) finish the same name."""
    before, after = span.doc[span.start : at.i], span.doc[at.i + 1 : span.end]
    return (0 < len(after) <= 3 and all(t.text[:1].isupper() for t in after)
            and bool(lexicon.org_kind_of(before.text)) and not lexicon.org_kind_of(after.text)
            and not lexicon.is_partner_name(after.text))


def _partner_slash(token: Token) -> bool:
    """ "Acme/Globex" where one side is a partner, or a slash with spaces ("Acme Bio /
    University of Westby"): two organisations ("Pharmacokinetic/Pharmacodynamic" is one
    phrase)."""
    doc = token.doc
    if token.text != "/" or not 0 < token.i < len(doc) - 1:
        return False
    spaced = bool(doc[token.i - 1].whitespace_ and token.whitespace_)
    return spaced or any(lexicon.is_partner_name(doc[i].text) for i in (token.i - 1, token.i + 1))


def _spaced_dash(token: Token) -> bool:
    """ "Workshop on X- University of Y", "X – Y": a dash with a space after it separates two
    phrases; "Fenwick-Achebe" and "Long-Term" stay one word."""
    dash = token.text in ("-", "–", "—", ":") or (len(token) > 1 and token.text[-1] in "-–")
    return dash and bool(token.whitespace_)


def _conjoined_names(doc: Doc, orgs: list[Span], dictionary: frozenset[str]) -> list[Span]:
    """ "researchers at Stanford University and Globex": a proper name coordinated with an
    organisation is one too (conjuncts share their type), unless the NER saw something else
    or, in a longer list, it is made of common words ("Policy, Data Analytics") or a role."""
    others = [e for e in doc.ents if e.label_ != "ORG"]
    taken = {i for e in [*others, *orgs] for i in range(e.start, e.end)}
    found = []
    for org in orgs:
        group = [org.root, *org.root.conjuncts]
        if not any(c.dep_ == "cc" for t in group for c in t.children):
            continue  # "Centre for X, Oxford": a place after a comma, no coordination
        if any(t.dep_ in ("compound", "nmod") and t.head.is_lower for t in group):
            continue  # "the Acme and Globex session": modifiers of a noun, not names
        for token in org.root.conjuncts:
            if token.i + 1 < len(doc) and doc[token.i + 1].is_title:
                continue  # "Research and Innovation Cluster": inside a longer name
            start = token.left_edge.i if token.left_edge.dep_ == "compound" else token.i
            span = doc[start : token.i + 1]
            common = all(in_dictionary(t.lower_, dictionary) for t in span if t.is_alpha)
            pair = len(group) == 2  # "Acme University and Globex": a common word may be a name
            # "AstraZeneca": a capital inside the word is still a name's
            name = token.pos_ == "PROPN" and span[0].text[:1].isupper() and (pair or not common)
            if name and _plausible(span) and not any(t.i in taken for t in span):
                found.append(Span(doc, span.start, span.end, label="ORG"))
                taken.update(range(span.start, span.end))
    return found


_CHUNK_CONNECTORS = frozenset({"of", "for", "on", "&"})


def _name_chunks(sent: Span) -> list[list[Span]]:
    """Runs of capitalised names separated by commas and a final "and" ("A, B, the C and D"),
    each name without its leading "the"."""
    runs: list[list[Span]] = []
    run: list[Span] = []
    joined_by_and = False
    i = sent.start
    doc = sent.doc
    while i < sent.end:
        start = i + 1 if doc[i].lower_ == "the" and i + 1 < sent.end else i
        end = start
        while end < sent.end and (doc[end].text[:1].isupper() or (
                (doc[end].lower_ in _CHUNK_CONNECTORS or _glued_hyphen(doc[end]))
                and end + 1 < sent.end and doc[end + 1].text[:1].isupper() and end > start)):
            end += 1  # "the Ministry of X", "EMBL-EBI"
        if end == start:
            if len(run) >= 3 and joined_by_and:
                runs.append(run)
            run, joined_by_and = [], False
            i += 1
            continue
        run.append(doc[start:end])
        gap = doc[end : end + 2]
        if end < sent.end and doc[end].text == "," and not (
                len(gap) > 1 and gap[1].lower_ == "and"):
            i = end + 1
        elif end < sent.end and (doc[end].lower_ == "and" or gap.text == ", and"):
            joined_by_and = True
            i = end + len(gap) if gap.text == ", and" else end + 1
        else:
            if len(run) >= 3 and joined_by_and:
                runs.append(run)
            run, joined_by_and = [], False
            i = end
    return runs


def _glued_hyphen(token: Token) -> bool:
    return token.text == "-" and glued_dash(token)


def _listed_with_organisations(doc: Doc, orgs: list[Span],
                               dictionary: frozenset[str]) -> tuple[list[Span], list[Span]]:
    """ "partners: Acme, GCHQ, the Ministry of X and the Y Centre": in a list of three or
    more names with an organisation among them, the other proper names (a word no dictionary
    has, or an acronym) are organisations too; a lone PERSON among two or more organisations
    is one the NER mistook ("Johnson Matthey"). Returns (new organisations, people they
    replace)."""
    org_at = {(o.start, o.end) for o in orgs}
    found: list[Span] = []
    replaced: list[Span] = []
    for sent in dict.fromkeys(o.sent for o in orgs):  # a list needs an organisation in it
        if not any(t.lower_ == "and" for t in sent):
            continue
        for run in _name_chunks(sent):
            kinds = [_chunk_kind(chunk, org_at, dictionary) for chunk in run]
            if "org" not in kinds or "other" in kinds:
                continue
            new = [c for c, k in zip(run, kinds, strict=True) if k == "name"]
            people = [c for c, k in zip(run, kinds, strict=True) if k == "person"]
            if len(people) > 1 or (people and kinds.count("org") + len(new) < 2):
                continue
            if people and all(looks_like_name(c) for c, k in zip(run, kinds, strict=True)
                              if k == "org"):
                continue  # "Jane Doe, Ann Lee and Ines Roe": the NER's "organisations" are names
            found += [Span(doc, c.start, c.end, label="ORG") for c in [*new, *people]]
            replaced += [e for e in doc.ents
                         if e.label_ == "PERSON" and any(overlaps(e, c) for c in people)]
    return found, replaced


def _chunk_kind(chunk: Span, org_at: set[tuple[int, int]], dictionary: frozenset[str]) -> str:
    """ "org" (an organisation already), "person" (a two-word PERSON entity), "name" (a
    proper name: no entity, a one-word PERSON or a set-aside ORG of the NER) or "other" (a
    place, a date, a topic, common capitalised words, a role: "Jane Doe, Research Fellow at
    …", which the NER may call a person)."""
    if (chunk.start, chunk.end) in org_at:
        return "org"
    if is_role_phrase(chunk.text):
        return "other"
    # "UK Biobank": a place opening a longer name is part of it
    named = chunk[1:] if len(chunk) > 1 and chunk[0].ent_type_ == "GPE" else chunk
    labels = {t.ent_type_ for t in named} - {""}
    # "Acme Labs", a lone "Globex": no person's full name
    if labels == {"PERSON"} and len(chunk) > 1 and chunk[-1].tag_ not in ("NNS", "NNPS"):
        return "person" if len(chunk) == 2 else "other"
    if labels - {"PERSON", "ORG"} or _is_topic_label(chunk) or not _plausible(chunk):
        return "other"
    words = [t for t in chunk if t.is_alpha]
    proper = any(t.is_upper and len(t) >= 2 or not in_dictionary(t.lower_, dictionary)
                 for t in words)
    return "name" if proper else "other"


def _inside_parentheses_after_org(span: Span, orgs: list[Span]) -> bool:
    """ "Health Data Research UK (HDR UK)": a bracketed other form of the name before it (an
    alias, not a second organisation). "Genentech (Roche)" names a second one: a partner or
    a name of a kind (a university, a company …) that is not the first one's short form."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    second = (lexicon.is_partner_name(span.text) or lexicon.org_kind_of(span.text)) and not (
        looks_like_acronym(span.text))
    return any(o.end == span.start - 1 and not (second and not _abbreviates(span.text, o.text))
               for o in orgs)
