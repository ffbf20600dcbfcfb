"""Publication titles, venues and authors stated in sentences.

Titles: quoted phrases of several words ('…', ‘…’, "…"). Venue: the title-case
name after "published in". Authors: "X's paper", "paper/study by X", "X et al.",
"written/authored by X", "'Title' by X", "X, whose paper", "Lead author X", "X has a paper
with Y", "X's paper with Y", "X wrote 'Title'", "X and Y show … in a new paper", "… X and Y!
Their paper", "a collaboration between X and Y", "X contributed to this paper", "the team
that published", "She is senior author", "X: 'Title'", and in an interview "I published …",
"My paper" (the ``NARRATOR``). A quoted talk's title ("a lecture on '…'") is no paper's. A
name the NER took for an organisation counts where the issue names that person. The
publication itself is the slot ``"PUBLICATION"`` when the sentence names no title, bound
per item later.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from partnerkg.extract.name_shape import IMPERATIVES, person_like
from partnerkg.extract.spans import (
    EVENTS,
    LINKED_TITLES,
    NARRATOR,
    PUBLICATION_TITLES,
    VENUES,
    Found,
    chars,
    only_glue_between,
    overlaps,
    register_extensions,
    relations,
    text_of,
)

# "there is a saying that '…'", "her motto: '…'": a quotation, not a title
_SAYING = re.compile(r"\b(?:saying|says|said|quote|motto|slogan|mantra|adage|proverb)\b\W*"
                     r"(?:that|is|was|goes)?\W*$", re.IGNORECASE)
# "gave a lecture on '…'", "a talk titled '…'": a talk's title, not a paper's
_TALK_BEFORE = re.compile(r"\b(?:talk|lecture|keynote|seminar|webinar|presentation)s?"
                          r"(?: (?:on|titled|entitled|called))?\W*$", re.IGNORECASE)
# "Sparse models for soil records, a new paper by …": an unquoted title a sentence opens with
_TITLE_IN_APPOSITION = re.compile(
    r"\W*([A-Z][^,;:'‘\"“\n]{12,300}?),\s+(?:a|an|the)\s+(?:new |recent |latest )?"
    r"(?:paper|preprint|article|study|review)\s+(?:by|from|in|on)\b")
#: A quoted phrase that may be a title ("'Sparse models for soil records'")
QUOTED_TITLE = re.compile(r"(?<![\w])['‘\"“]([A-Z0-9][^'’\"”]{12,300}?)['’\"”](?![\w])")
#: A journal's or publisher's name: capitalised words and the short words inside names
_VENUE_NAME = r"[A-Z][\w&:\-]*(?: (?:[A-Z0-9][\w&:\-]*|of|in|for|and|on|the|&))*"
_VENUE = re.compile(
    r"\b(?i:published (?:in|by|at|on)|appear(?:s|ed)? in|out (?:now )?in|et al\.?,)(?: the)?"
    rf"(?: journal)? ({_VENUE_NAME})"
)
#: A section heading over papers ("Publication of the Month", "Recent papers", "Reading")
PUBLICATION_SECTION = re.compile(r"\bpublications?\b|\bpapers?\b|\breading\b", re.I)
GENERIC_LINK = re.compile(  # link texts that are no title ("Published in Acme Medicine")
    r"^(?:here|this|this paper|link|website|read more|more|click here|"
    r"(?:read|see|view|access|download|find) (?:it|them) (?:here|online)|"
    # a bare kind or a preprint server: "[Preprint](…)", "on [arXiv](…)"
    r"paper|preprint|article|pdf|full text|arxiv|biorxiv|medrxiv|ssrn|zenodo|"
    # "Read the paper here", "Access the full preprint", "Download the report"
    r"(?:read|see|view|access|download|find|check out|get)(?: the| our| this)?(?: full)? "
    r"(?:paper|preprint|article|publication|report|study|book|chapter|blog(?: post)?)"
    r"(?: here| online)?|"
    r"(?:published|available|out now) (?:in|by|at|on)\b.*|"
    r"(?:the |our )?(?:publication|paper|preprint|article|book)s? of the (?:week|month|year)|"
    # "a new paper", "their latest preprint"
    r"(?:(?:a|an|the|this|our|their|his|her|new|recent|latest) )+(?:paper|preprint|article|"
    r"publication|study))\.?$",
    re.I,
)


def linked_title(text: str) -> bool:
    """A link's text that can be a paper's title: four words or more, not "Read it here"."""
    return len(text.split()) >= 4 and not GENERIC_LINK.match(text.strip())


_CONGRATS = r"congrat(?:ulation)?s"  # "Congratulations", "Congrats"
# "Lead author X worked with …": the person right after
_LEAD_AUTHOR = re.compile(  # "The paper's lead author, X, …"
    r"^\W*(?:the )?(?:(?:paper|study|preprint|article)['’]s )?"
    r"(?:lead|first|senior|last|joint|corresponding)[- ]authors?\b,?", re.I)
_AUTHOR_CUES = tuple(  # separate patterns: one phrase may hold two cues ("X's paper is by")
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"['’]s?\s+(?:\w+\s+)?(?:paper|article|preprint|book|chapter|report|blog|publication|"
        r"work|study|research|review|findings)",
        r"['’]s\s+(?=['‘\"“])",  # "X's 'Title' is out"
        r"\b(?:paper|article|preprint|book|report|blog(?: post)?|publication|work|chapter|study|"
        r"research|review|analysis)"
        r"(?: in (?:the )?(?-i:[A-Z])[\w&-]*(?: (?-i:[A-Z&])[\w&-]*){0,4})?"  # "in Nature"
        r",? (?:written |(?:co-)?authored |co-written )?by\b",  # "This paper, by X and Y, …"
        r"\bet al\b|\b(?:written|authored|co-authored|co-written) by\b|"
        r"\bby .{0,40}\band colleagues\b",
        r"(?<=['’\"”]) by\b|\bco-?authored with\b",  # "'Title' by X", "co-authored with X"
        r"(?<=['’\"”]) \([^()]{1,60}\) by\b",  # "'Title' (Nature, 2030) by X"
        # "In 'Title', published in Nature, X and Y show …"
        r"^\W*in ['‘\"“][^'’\"”]{12,300}['’\"”]",
        # "The work of X and Y, 'Title', …", "with Y as co-author"
        r"\b(?:work|research) of\b|\bwith (?=[A-Z][^,.;]{0,60}? as (?:a |the )?"
        r"(?:lead |first |senior |last |joint |corresponding )?(?:co-)?author\b)",
        # "with co-authors X and Y", "Authors: X, Y", "The authors, X and Y, …"
        r"\bco-?authors?\b|\bauthors?(?=\s*:)|\bthe authors\b,?",
        r"\b(?:is|was|are|were) (?:the |a |an |one of the |among the )?(?:\w+ )?(?:co-)?"
        r"authors?\b",  # "X is the first author", "X is one of the authors"
        _LEAD_AUTHOR.pattern,
        # "X's group has a new publication": the person before the possessive
        r"['’]s\s+(?:group|team|lab)\b[^.]{0,30}\b(?:paper|publication|preprint|article|"
        r"published)",
        # "X, first author of the paper, …", "X (first author) and Y …": the person before
        r"[,(]\s*(?:the\s+)?(?:lead|first|senior|last|joint|corresponding)[- ]authors?\b",
        r"[,(]\s*one of the (?:\w+['’]s )?(?:co-)?authors\b",  # "X, one of the paper's authors"
        # "Congratulations to X and Y on their new paper", "Authors include X and Y"
        rf"\b{_CONGRATS} to\b(?=[^.]{{0,150}}\b(?:paper|article|preprint|publication|book|"
        r"publish(?:ed|ing))\b)",
        r"\bauthors? (?:include|are|were)\b",
        # "The study, led by X, …", "In a new paper, X and Y show …"
        r"\b(?:study|paper|preprint|article|review|analysis|researchers|team)\b[^.]{0,40}?"
        r"\bled by\b|"
        r"\b(?:work|research),? (?:was |is )?(?:co-)?led by\b|^\W*(?:co-)?led by\b|"
        r"\b(?:work|research|study|analysis),? (?:was |is )?(?:carried out|conducted|done|"
        r"performed|undertaken) by\b",  # "The research, carried out by X, …"
        r"^\W*in (?:a|an|the|their|his|her|our|this) (?:\w+ )?(?:paper|preprint|article|study)"
        r"\b,?",
        r"^\W*by\b|^\W*new from\b",  # a byline: "By X, Y and Z."; "New from X and Y: …"
        # "the new preprint <title> from X": a person right after "from" (not "… featured in
        # the press, with comments from X")
        r"\b(?:paper|preprint|article|publication)\b(?:(?!\b(?:comments?|quotes?|input|"
        r"feedback|reactions?|responses?)\b)[^.]){0,150}?\bfrom(?= (?-i:[A-Z]))",
        r"\bwhose (?:\w+ )?(?:paper|article|preprint|book|chapter|study|work|research)\b",
        r"\b(?:paper|publication|article|preprint|book|report)(?: of the \w+)?"
        r"(?: \([^)]{0,60}\))? (?:is|was|comes) (?:from|by)\b",  # "(preprint here)" between
        r"\b(?:(?:this|the|a) (?:new |recent |latest )?(?:paper|preprint|article|report|study)|"
        r"(?:new |recent )?(?:research|work)) from\b",
        # "The paper is the result of a collaboration between X and Y"
        r"\b(?:paper|study|work|preprint|article)\b[^.]{0,60}?\bcollaboration (?:between|with)\b",
        # "'Title', a collaboration between X and Y": after the title
        r"(?:(?<=['’\"”], )|(?<=['’\"”] )|(?<=['’\"”] is )|(?<=['’\"”] was ))(?:a |the )?"
        r"(?:\w+ )?collaboration (?:between|with)\b",
        r"\band (?:(?:his|her|their) (?:colleagues|collaborators|co-authors|team)|"
        r"colleagues|collaborators|co-authors)\b",
    )
)
_CONGRATULATED = re.compile(rf"\W*(?:many |huge |big )?{_CONGRATS}(?: to)?\b", re.I)
# "Their new paper …" opening a sentence that names nobody: the people of the sentence before
# "She is senior author of the paper", "They co-authored …": the same
_PRONOUN_PAPER = re.compile(
    r"\W*(?:(?:(?P<plural>their)|his|her) (?:\w+ )?(?:paper|preprint|article|study|book|chapter|"
    r"blog)\b|(?:(?P<they>they)|he|she) (?:(?:is|was|are|were) (?:the |a |an |one of the )?"
    r"(?:\w+ )?(?:co-)?authors?\b|(?:\w+ )?(?:co-)?(?:authored|wrote|published)\b))",
    re.I)
# what a byline holds besides its names (the parser may end it on the title's opening quote)
_GLUE_PARTS = (r"\s|,|;|&|\band\b|\bet al\b\.?|\.|['‘\"“]|\((?:19|20)\d\d\)|"
               r"\b[A-Z][\w-]*['’]s\b")  # "X and Acme's Y": the next one's employer
_BYLINE_GLUE = re.compile(rf"(?:{_GLUE_PARTS})*", re.I)  # "Jane Doe and John Roe (2030)."
# and employers in brackets: "Jane Doe (Acme), John Roe (Globex)"
_BYLINE_AND_ASIDES = re.compile(rf"(?:{_GLUE_PARTS}|\([^()]{{1,80}}\))*", re.I)
# ", Nature Medicine (2030).": a byline's venue and year
_VENUE_AND_YEAR = re.compile(r",\s*[A-Z][\w&:' -]{1,80}?,?\s*\(?(?:19|20)\d\d\)?\W*")
# "X (Acme)", "X from the University of Acme": an aside between a name and "and colleagues"
_ASIDE = re.compile(
    r"\s*\([^()]{1,80}\)\s*|,?\s+(?:from|at|of)\s+(?:the\s+)?[A-Z][^,.;()]{0,60}?,?\s*")
# "X contributed to this paper", "X worked with Y on this paper": (preposition, verb)
_WORKED_ON = frozenset(
    {("to", "contribute"), ("on", "work"), ("on", "collaborate"), ("on", "team")})
# "X and Y have co-authored", "I co-wrote": the parser splits the verb into three words
#: "co-authored", "has first-authored", "also co-wrote", "co-written"
_SHARED_WRITING = (r"(?:\w+ly |just |also )?"
                   r"(?:(?:co|first|senior|lead)-?(?:authored|wrote|written)\b|"
                   r"co-?led (?:the |this |a |an |their )?(?:new |recent )?(?:paper|study|"
                   r"preprint|article|review|analysis)\b)")  # "co-led the study"
_CO_WROTE = re.compile(rf"\b(?:have |has |had )?{_SHARED_WRITING}", re.IGNORECASE)
#: "I co-wrote", "I am the first author of", "I'm one of the authors on"
_I_CO_WROTE = re.compile(rf"\bI(?: (?:have |had )?{_SHARED_WRITING}|(?: am|'m|’m| was) (?:the |a |"
                         r"one of the )?(?:first |lead |senior |last |co-?)?authors? (?:of|on)\b)")
_AUTHORS_THEN_TITLE = re.compile(r"\s*(?:et al\.?)?\s*[:–—,-]\s*['‘\"“]?\s*")
_ASIDE_OR_SPACE = re.compile(r"\s*(?:\([^()]{1,80}\))?\s*")
_PAREN_ASIDE = re.compile(r"^\s*\([^()]{1,80}\)")
_WITH_WHOM = re.compile(r" with (?:(?:my|our|his|her|their|the) )?(?:[a-z]+ ){0,2}")
_WRITING_VERBS = frozenset(  # "lead": "X (co-)led the study"; "X has posted a new preprint"
    {"have", "write", "publish", "co-author", "author", "release", "contribute", "lead", "post",
     "submit", "upload"})
_PAPER_WORD = re.compile(
    r"\b(paper|article|preprint|publication|publish(?:es|ed|ing)|study|review|book|chapter|report|"
    r"journal|co-?authors?|authors?|et al)\b", re.I
)
#: A word every author cue holds (the paper words, "by", "colleagues", …).
_CUE_WORD = re.compile(_PAPER_WORD.pattern + r"|\b(?:by|work|blog|authored|colleagues|research|"
                       rf"collaborators|team|group|lab|{_CONGRATS})\b", re.I)


@Language.factory("partnerkg_publications", default_config={"min_title_words": 4})
def make_publications(nlp: Language, name: str, min_title_words: int) -> PublicationFinder:
    return PublicationFinder(name, min_title_words)


class PublicationFinder:
    """Sets ``doc.spans`` groups of titles and venues; records ``author``/``venue`` relations."""

    def __init__(self, name: str, min_title_words: int) -> None:
        register_extensions()
        self.name = name
        self.min_title_words = min_title_words

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        titles = []
        events = doc.spans.get(EVENTS, [])
        for match in QUOTED_TITLE.finditer(text):
            span = doc.char_span(
                match.start(1), match.end(1), label="PUBLICATION", alignment_mode="expand"
            )
            if span is not None and len(match.group(1).split()) >= self.min_title_words and not any(
                    overlaps(e, span) for e in events) and not any(
                    rx.search(text, max(0, match.start() - 40), match.start())
                    for rx in (_SAYING, _TALK_BEFORE)):
                titles.append(span)  # a quoted event name, saying or talk is no paper's title
        titles += [link for link in doc.spans.get(LINKED_TITLES, [])  # papers linked by DOI
                   if not any(overlaps(link, other) for other in [*titles, *events])]
        reference = _reference(doc)
        if reference is not None and not any(overlaps(reference[0], t) for t in titles):
            titles.append(reference[0])
        for sent in doc.sents:
            opening = _TITLE_IN_APPOSITION.match(text, sent.start_char)
            span = opening and doc.char_span(opening.start(1), opening.end(1), label="PUBLICATION")
            if span and len(span) >= self.min_title_words and not any(
                    overlaps(span, t) for t in [*titles, *events]):
                titles.append(span)
        venues = []
        for match in _VENUE.finditer(text):
            name = re.sub(r"(?: (?:of|in|for|and|on|the|&))+$", "", match.group(1)).rstrip(":")
            span = doc.char_span(
                match.start(1), match.start(1) + len(name), label="VENUE", alignment_mode="expand"
            )
            if span is not None and len(name) > 2:
                venues.append(span)
        if reference is not None and reference[1] is not None and reference[0] in titles:
            venues.append(reference[1])
        listed = _title_first_reference(doc, self.min_title_words) if reference is None else None
        if listed is not None and any(overlaps(listed.title, t) for t in [*titles, *events]):
            listed = None
        if listed is not None:
            titles.append(listed.title)
            venues.append(listed.venue)
        doc.spans[PUBLICATION_TITLES] = titles
        doc.spans[VENUES] = venues
        found = relations(doc)
        if listed is not None:
            found += [self._found("author", chars(listed.title), chars(person), doc[:], 0.85)
                      for person in listed.authors]
        found += [self._found("author", chars(title), chars(person), doc[:], 0.8)
                  for title in titles for person in _cited_by_surname(doc, title)]
        # a sentence naming no title speaks of the text's one title ("X, Y et al. 'Title',
        # Journal (2030)." splits after "et al."), or of the item's paper
        own = chars(titles[0]) if len(titles) == 1 else "PUBLICATION"
        before: list[Span] = []  # the people of the sentence before
        after_paper = False  # the sentence before names a paper
        for sent in doc.sents:
            sent_titles = [t for t in titles if sent.start <= t.start < sent.end]
            subject = chars(sent_titles[0]) if len(sent_titles) == 1 else (
                own if not sent_titles else "PUBLICATION")
            sent_text = text[sent.start_char : sent.end_char]
            people, by_narrator = _authors_in(sent, sent_text, sent_titles)
            if sent.start == 0:
                people += _reporting_findings(sent)
            people += _told_before(sent, sent_text, sent_titles, before)
            if after_paper and _CONGRATULATED.match(sent_text):  # "… published. Congratulations
                people += [e for e in sent.ents if person_like(e)]  # to X and Y!"
            for person in people:  # a title's or venue's words the NER took for a name are none
                if not any(overlaps(person, named) for named in [*titles, *venues]) and not (
                        _bracketed_after_a_person(person)):
                    found.append(self._found("author", subject, chars(person), sent, 0.85))
            found += [self._found("author", chars(title), chars(person), sent, 0.85)
                      for title, person in _each_titles_authors(sent, sent_titles)]
            if by_narrator:
                found.append(self._found("author", subject, NARRATOR, sent, 0.8))
            before = [e for e in sent.ents if person_like(e)]
            after_paper = bool(sent_titles) or _PAPER_WORD.search(sent_text) is not None
            for venue in venues:
                if sent.start <= venue.start < sent.end:
                    found.append(self._found("venue", subject, chars(venue), sent, 0.85))
        return doc

    def _found(self, relation: str, subject: tuple[int, int] | str, obj: tuple[int, int] | str,
               sent: Span, conf: float) -> Found:
        return {
            "relation": relation,
            "subject": subject,
            "object": obj,
            "evidence": chars(sent),
            "rule": f"{self.name}.{relation}",
            "confidence": conf,
            "attributes": {},
        }


def _authors_in(sent: Span, sent_text: str, titles: list[Span]) -> tuple[list[Span], bool]:
    """The people ``sent`` names as a paper's authors, and whether "I" is one of them."""
    # every cue holds one of these words: a sentence without any is spared the cues
    if not titles and _CUE_WORD.search(sent_text) is None:
        return _byline(sent), False
    people = [
        person
        for pattern in _AUTHOR_CUES
        for cue in pattern.finditer(sent_text)
        for person in _people_near(
            sent, sent.start_char + cue.start(), sent.start_char + cue.end())
    ]
    people += (_writers(sent, titles) + _co_writers(sent, sent_text) + _byline(sent)
               + _names_before_title(sent, titles) + _owners_of(sent, titles))
    verb = _narrator_wrote(sent, titles)
    if verb is not None:
        people += _people_with(sent, verb)
    by_narrator = verb is not None or _I_CO_WROTE.search(sent_text) is not None
    if people or by_narrator:
        people += _together_with(sent, sent_text)
    return people, by_narrator


# "… published in Nature together with Theme Lead Y": the parser hangs the "with" anywhere
_TOGETHER_WITH = re.compile(r"\b(?:together|jointly) with\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(r" (?:(?:my|our|his|her|their|the) )?(?:[A-Za-z-]+ ){0,3}")


def _together_with(sent: Span, sent_text: str) -> list[Span]:
    """The people a sentence that names a paper's authors adds "together with" them."""
    text, people = text_of(sent.doc), [e for e in sent.ents if person_like(e)]
    return [listed for match in _TOGETHER_WITH.finditer(sent_text)
            for person in people if _ROLE_WORDS.fullmatch(
                text, sent.start_char + match.end(), person.start_char)
            for listed in _listed_with(person, people, text)]


def _writers(sent: Span, titles: list[Span]) -> list[Span]:
    """ "X, Y and Z have a new paper (with W)", "X and Y have written an article", "Together
    with W, X wrote 'Title'": the people in the subject of a writing verb whose object is a
    paper word or one of ``titles``, and those it is "with";
    "X and Y recently published in Nature", "X has had her paper accepted": the people in the
    subject of "publish" (not of "X and Y have published papers": which paper is whose?), or
    of the verb whose object is "her/his/their paper"; "X and Y show … in a new paper": the
    subject of the verb the paper is "in"."""
    found = []
    for token in sent:
        owned = token.lower_ in ("his", "her", "their") and _is_paper_word(token.head) and (
            token.head.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"))
        if _publishes(token) or owned:
            verb = token if not owned else token.head.head
            if verb.dep_ == "prep":  # "X reflects on her new book"
                verb = verb.head
            people = _people_in_subject(sent, verb)
            if not people and verb.dep_ in ("ccomp", "xcomp"):  # "X has had [her paper accepted]"
                people = _people_in_subject(sent, verb.head)
            found += people + (_people_with(sent, verb) if people else [])  # "… with Y"
    for token in sent:
        writing = _writing_verb_of(token, titles)
        if writing is not None:
            writers = _people_in_subject(sent, writing)
            if not writers and writing.dep_ in ("advcl", "xcomp"):  # "X has teamed up with Y
                writing = writing.head  # to write 'Title'": who teamed up, and with whom
                writers = _people_in_subject(sent, writing)
            found += writers + (_people_with(sent, writing) if writers else [])
            continue
        title = next((t for t in titles if t.start <= token.i < t.end), None)
        if not (_is_paper_word(token) or title is not None and not title.start <= token.head.i
                < title.end):  # a title's words once, at its head
            continue
        token = _phrase_head(token)
        verb = token.head
        worker = verb.head  # "X teamed up with [Y on this paper]": who teamed up, and with whom
        while worker.dep_ in ("pobj", "prep") and worker.head.i != worker.i:
            worker = worker.head
        if token.dep_ == "pobj" and (verb.lower_, worker.lemma_.lower()) in _WORKED_ON:
            writers = _people_in_subject(sent, worker)  # "X contributed to this paper"
            found += writers + (_people_with(sent, worker) if writers else [])
        elif token.dep_ == "pobj" and verb.lower_ == "in" and (
                token.i > verb.i + 1 and sent.doc[verb.i + 1].lower_ in (
                    "a", "an", "their", "his", "her", "this")
                or title is not None and title.start - verb.i <= 2):  # "… in 'Title'"
            while verb.dep_ in ("prep", "ccomp", "advcl", "pobj", "dobj") and (
                    verb.head.i != verb.i):  # "X and Y describe [how models travel in a new
                verb = verb.head  # paper]", "X and Y propose [models for Z in this paper]"
                writers = _people_in_subject(sent, verb) if verb.pos_ == "VERB" else []
                if writers:
                    found += writers
                    break
    return found


#: What a paper's authors do in the sentence that opens a text about it ("X and Y show …")
_FINDING_VERBS = frozenset({"show", "find", "demonstrate", "propose", "describe", "explain",
                            "report", "argue", "introduce", "reveal", "explore", "investigate",
                            "examine", "discuss", "evaluate", "analyse", "analyze", "outline",
                            "highlight", "develop"})


def _reporting_findings(sent: Span) -> list[Span]:
    """ "Jane Doe and John Roe show that sparse models travel": a text's opening sentence
    whose subject is only people reporting findings names the authors of its paper (a text
    with no paper has none to give them)."""
    verb = sent.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() not in _FINDING_VERBS or len(subjects) != 1:
        return []
    people = _people_under(sent, subjects)
    named = {i for p in people for i in range(p.start, p.end)}
    return people if people and all(t.i in named or t.dep_ in ("cc", "punct") for t in
                                    subjects[0].subtree) else []


def _bracketed_after_a_person(span: Span) -> bool:
    """ "Jane Doe (Acme Bio)": a name in brackets right after a person's is where they work
    (or what they are called), not a second author."""
    doc = span.doc
    return 2 <= span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and (
        doc[span.end].text == ")") and any(
        e.end == span.start - 1 and person_like(e) for e in doc.ents)


def _phrase_head(token: Token) -> Token:
    """The noun a paper word modifies ("a new paper 'Title'": the title's head)."""
    while token.dep_ in ("nmod", "compound", "amod") and token.head.i != token.i:
        token = token.head
    return token


def _co_writers(sent: Span, sent_text: str) -> list[Span]:
    """ "X (Acme) and Y have co-authored 'Title' with Z": the people listed right before
    "co-authored" (which the parser splits into three words) and after its "with"."""
    match = _CO_WROTE.search(sent_text)
    if match is None:
        return []
    text, start = text_of(sent.doc), sent.start_char
    people = [e for e in sent.ents if person_like(e)]
    with_word = sent_text.find(" with ", match.end())
    after = [p for p in people if with_word >= 0 and _WITH_WHOM.fullmatch(
        text[start + with_word : p.start_char])]
    return [*_listed_right_before(people, text, start + match.start()),
            *(_listed_with(after[0], people, text) if after else [])]


def _publishes(token: Token) -> bool:
    """ "publish" (not in "X and Y have published papers": which paper is whose?)."""
    return token.lemma_.lower() == "publish" and token.pos_ == "VERB" and not any(
        c.dep_ == "dobj" and c.tag_ == "NNS" and _PAPER_WORD.fullmatch(c.lemma_)
        for c in token.children)


def _writing_verb_of(token: Token, titles: list[Span]) -> Token | None:
    """The writing verb ``token`` (a paper word or a title's word) is the object of: "have
    written an article", "wrote 'Title'", "have co-authored 'Title'"."""
    title = next((t for t in titles if t.start <= token.i < t.end), None)
    if not (_is_paper_word(token) or title is not None and token.dep_ in ("dobj", "pobj")):
        return None
    token = _phrase_head(token)
    verb, doc = token.head, token.doc
    if token.dep_ == "pobj":  # "X and Y wrote about soil data in 'Title'"
        while (title is not None and verb.lower_ in ("in", "about") or verb.pos_ == "NOUN") and (
                verb.head.i != verb.i):
            verb = verb.head
        return verb if verb.lemma_.lower() == "write" else None
    if title is not None and any(c.dep_ == "appos" and c.lower_ == "work" and any(
            m.lower_ == "joint" for m in c.children) for t in title for c in t.children):
        return verb  # "X presented 'Title', joint work with Y"
    co_verb = verb.lower_ == "co" and verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-" and (
        doc[verb.i + 2].lemma_.lower() in _WRITING_VERBS)  # "co", "-", "authored"
    writes = verb.lemma_.lower() in _WRITING_VERBS or co_verb
    return verb if token.dep_ in ("dobj", "attr") and writes else None


def _narrator_wrote(sent: Span, titles: list[Span]) -> Token | None:
    """ "I recently published …", "I have written a paper", "My paper 'Title' …": the person
    "I" is (the ``NARRATOR``) wrote the paper; the verb (or the "paper"), for its "with"."""
    speaks_alone = any(t.lower_ in ("i", "my", "me") for t in sent)  # "our" is the narrator's
    for token in sent:
        owner = token.lower_ == "my" or token.lower_ == "our" and speaks_alone
        # the parser may hang "my" on the title after "paper" ("My paper Sparse models …")
        paper = token.head if _is_paper_word(token.head) else token.nbor() if (
            token.i + 1 < sent.end and _is_paper_word(token.nbor())) else None
        if owner and paper is not None and not any(
                c.lower_ in _CHOSEN for c in paper.children):  # "My favourite paper is …"
            return paper
        if token.lower_ == "i" and token.dep_ == "nsubj" and (_publishes(token.head) or any(
                _writing_verb_of(t, titles) == token.head for t in token.head.children)):
            return token.head
    return None


#: What makes "my paper" one the narrator chose rather than wrote
_CHOSEN = frozenset({"favourite", "favorite", "recommended", "chosen", "selected", "top"})


def _is_paper_word(token: Token) -> bool:
    """ "paper", "study", …, "blog", "piece" and the "post" of "blog post"."""
    return _PAPER_WORD.fullmatch(token.text) is not None or token.lower_ in ("blog", "piece") or (
        token.lower_ == "post" and any(c.lower_ == "blog" for c in token.children))


def _people_with(sent: Span, verb: Token) -> list[Span]:
    """The people in a "with" phrase of ``verb`` or inside its object ("X has a new paper out
    with Y and Z", "I published 'Title' with my supervisor Y", the parser hanging "with" on the
    title's last word) or of a writing clause in the sentence ("My preprint, 'Title', written
    with Y", which the parser may hang on the title's last word)."""
    heads = [verb, *(t for c in verb.children if c.dep_ == "dobj" for t in c.subtree),
             *(t for t in sent if t.dep_ == "acl" and t.lemma_.lower() in _WRITING_VERBS)]
    return _people_under(sent, [c for head in heads for c in head.children
                                if c.dep_ == "prep" and c.lower_ == "with"])


def _told_before(sent: Span, sent_text: str, titles: list[Span], before: list[Span]
                 ) -> list[Span]:
    """ "Congratulations to X and Y! Their paper …", "… X. She is senior author of …": "their"
    and "they" are everyone in the sentence before, "his"/"her"/"he"/"she" its last person;
    so is who the sentence before names in "The paper was co-written with Y"."""
    if _WRITTEN_WITH_OTHERS.match(sent_text):
        return before  # who the sentence before says presented or wrote it
    pronoun = _PRONOUN_PAPER.match(sent_text)
    if pronoun is None or not before or any(person_like(e) and not any(
            overlaps(e, t) for t in titles) for e in sent.ents):
        return []  # a sentence that names someone speaks of them
    return before if pronoun.group("plural") or pronoun.group("they") else before[-1:]


# "X presented the paper at Y. The paper was co-written with Z": X wrote it too
_WRITTEN_WITH_OTHERS = re.compile(r"\W*(?:the|this) (?:\w+ )?(?:paper|preprint|article|study) "
                                  r"(?:was|is|has been) (?:co-?)?(?:written|authored) with\b",
                                  re.IGNORECASE)


# what follows a reference's authors before its title: "et al.", a full stop, "(2030)."
_BEFORE_REFERENCE_TITLE = re.compile(r"(?:,? et al\.?)?\s*[.,:]?\s*(?:\((?:19|20)\d\d\)\.?\s*)?")
# an unquoted title ending on its full stop, then a venue
_REFERENCE_TITLE = re.compile(r"([A-Z][^.?!]{12,250}[.?!])\s+([A-Z][^\n.,;()]{1,80}?)"
                              r"(?=[.,;]|\s*\(?(?:19|20)\d\d\b|\s*$)")
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
_A_VENUE = re.compile(_VENUE_NAME)
_OPENS_PROSE = re.compile(r"(?:We|I|It|They|He|She|You|Our|This|These|There)\b")


def _reference(doc: Doc) -> tuple[Span, Span | None] | None:
    """ "Jane Doe, John Roe and Ann Lee. Sparse models for soil records. Nature Medicine 2030."
    "Jane Doe and John Roe (2030). Sparse models for soil records. Soil Science, 12, 3-9.":
    the unquoted title of a reference that opens with its authors, gives a year and ends on
    a venue, and the venue."""
    text = text_of(doc)
    people = [e for e in doc.ents if person_like(e)]
    if not people or text[: people[0].start_char].strip(" -–*•"):
        return None
    last = max(_listed_with(people[0], people, text), key=lambda p: p.end_char)
    gap = _BEFORE_REFERENCE_TITLE.match(text, last.end_char)
    found = _REFERENCE_TITLE.match(text, gap.end()) if gap and gap.end() > last.end_char else None
    if found is None or len(found.group(1).split()) < 4 or not _YEAR_IN_TEXT.search(
            text, last.end_char) or _OPENS_PROSE.match(found.group(1)) or not (
            _A_VENUE.fullmatch(found.group(2))):  # a year, a venue's name, no prose
        return None
    title = doc.char_span(found.start(1), found.end(1) - 1, label="PUBLICATION",
                          alignment_mode="contract")
    venue = doc.char_span(found.start(2), found.end(2), label="VENUE", alignment_mode="contract")
    return (title, venue) if title is not None else None


# "'Title' (Rahman and Berg, 2030)", "(Rahman et al., 2030)": authors cited by surname
_SURNAME_CITATION = re.compile(r"['’\"”]?\s*\((?P<first>[A-Z][\w'’-]+)"
                               r"(?: (?:and|&) (?P<second>[A-Z][\w'’-]+)| et al\.?)?,? "
                               r"(?:19|20)\d\d\)")


def _cited_by_surname(doc: Doc, title: Span) -> list[Span]:
    """The people of the text whose surnames a citation right after ``title`` gives."""
    cited = _SURNAME_CITATION.match(text_of(doc), title.end_char)
    surnames = {cited.group("first"), cited.group("second")} if cited else set()
    return [p for p in doc.ents if person_like(p) and len(p) > 1 and p[-1].text in surnames]


class ListedReference(NamedTuple):
    """A reference that opens with its title: the title, its authors, its venue."""

    title: Span
    authors: list[Span]
    venue: Span


# the title's end: a comma, full stop, colon or dash, or the end of its line
_TITLE_END = re.compile(r"(?s)(.+?)(?:\s*[.,:]\s*|\s+[-–—]\s+|[ \t]*\n\s*)")
_AUTHORS_END = re.compile(r"(?<!\bal)\.(?=\s|$)|\n")  # not the full stop of "et al."
_VENUE_THEN_YEAR = re.compile(rf"\s*({_VENUE_NAME})[,\s(]*(?:19|20)\d\d\b")


def _title_first_reference(doc: Doc, min_title_words: int) -> ListedReference | None:
    """ "Sparse models for soil records, Jane Doe, John Roe. Nature Medicine, 2030.",
    "Title. Jane Doe and John Roe. Venue (2030).", or title, authors and venue on lines of
    their own (a bold title over an italic byline): a title, a line of names and nothing
    else, then a venue's name and a year."""
    text = text_of(doc)
    people = [e for e in doc.ents if person_like(e)]
    start = len(text) - len(text.lstrip(" -–*•\n"))
    title = _TITLE_END.fullmatch(text, start, people[0].start_char) if people else None
    if title is None or "\n" in title.group(1) or len(title.group(1).split()) < min_title_words \
            or not title.group(1)[0].isupper() or _OPENS_PROSE.match(title.group(1)):
        return None
    first = people[0]
    end_of_authors = _AUTHORS_END.search(text, first.end_char)
    end = end_of_authors.start() if end_of_authors else len(text)
    authors = [p for p in people if p.end_char <= end]
    venue = _VENUE_THEN_YEAR.match(text, end + 1) if end_of_authors else None
    if venue is None or not only_glue_between(text, authors, first.start_char, end,
                                              _BYLINE_AND_ASIDES):
        return None
    title_span = doc.char_span(title.start(1), title.end(1), label="PUBLICATION",
                               alignment_mode="contract")
    venue_span = doc.char_span(venue.start(1), venue.end(1), label="VENUE",
                               alignment_mode="contract")
    if title_span is None or venue_span is None:
        return None
    return ListedReference(title_span, authors, venue_span)


def _names_before_title(sent: Span, titles: list[Span]) -> list[Span]:
    """ "Jane Doe and John Roe: 'Title', Journal": a reference that opens with its authors."""
    text = text_of(sent.doc)
    people = [e for e in sent.ents if person_like(e)]
    first = people[0] if people else None
    if first is None or text[sent.start_char : first.start_char].strip(" -–*•"):
        return []
    listed = _listed_with(first, people, text)
    last = max(listed, key=lambda p: p.end_char)
    title = next((t for t in titles if t.start_char > last.end_char), None)
    return listed if title is not None and _AUTHORS_THEN_TITLE.fullmatch(
        text[last.end_char : title.start_char]) else []


_IS_BY = re.compile(r"['’\"”]?,?\s*(?:is|was) (?:written |authored |co-authored )?by\b")
_LISTED_AFTER = re.compile(r"[^.;]*:\s*['‘\"“]?$")  # "… has published two papers: "


def _each_titles_authors(sent: Span, titles: list[Span]) -> list[tuple[Span, Span]]:
    """(title, author) pairs of a sentence that names several titles: "The first, [Title], is
    by Jane Doe"; "Jane Doe has published two papers this month: [Title] and [Title]" (the
    subject of "publish" or "write" before a colon that lists them wrote each)."""
    text = text_of(sent.doc)
    people = [e for e in sent.ents if person_like(e)]
    pairs = []
    for title in titles:
        by = _IS_BY.match(text, title.end_char)
        after = [p for p in people if by and p.start_char > by.end() and not text[
            by.end() : p.start_char].strip()]
        pairs += [(title, p) for p in (_listed_with(after[0], people, text) if after else [])]
    if len(titles) > 1 and _LISTED_AFTER.fullmatch(text, sent.start_char, titles[0].start_char):
        verbs = [t for t in sent if t.i < titles[0].start and t.lemma_.lower() in (
            "publish", "write") and t.pos_ == "VERB"]
        writers = _people_in_subject(sent, verbs[0]) if verbs else []
        pairs += [(title, person) for title in titles for person in writers]
    return pairs


def _owners_of(sent: Span, titles: list[Span]) -> list[Span]:
    """ "Jane Doe and John Roe's [Title](doi)": the people whose possessive opens a title."""
    text = text_of(sent.doc)
    people = [e for e in sent.ents if person_like(e)]
    return [person for title in titles if text[: title.start_char].endswith(("'s ", "’s "))
            for person in _listed_right_before(people, text, title.start_char - 3)]


def _byline(sent: Span) -> list[Span]:
    """ "Jane Doe, John Roe and Ann Poe (et al.)", "Jane Doe (Acme), John Roe (Globex)",
    "Jane Doe and John Roe, Nature Medicine (2030)": a line of names and nothing else but
    their employers and the venue lists a paper's authors (in an item that has a paper;
    elsewhere the subject does not bind)."""
    text = text_of(sent.doc)
    people = [e for e in sent.ents if person_like(e)]
    if len(people) < 2:
        return []
    tail = _VENUE_AND_YEAR.match(text, people[-1].end_char, sent.end_char)
    end = tail.start() if tail and tail.end() == sent.end_char else sent.end_char
    return people if only_glue_between(text, people, sent.start_char, end,
                                       _BYLINE_AND_ASIDES) else []


def _people_in_subject(sent: Span, verb: Token) -> list[Span]:
    """The people inside the active subject of ``verb``; for "the team that published", of
    the team's phrase, or of the sentence's subject when it is "part of the team"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "ccomp":  # "members X, Y and Z [have a new paper]", the
        people = [e for e in sent.ents if person_like(e)]  # parser leaving "have" no subject
        return _listed_right_before(people, text_of(sent.doc), sent.doc[verb.left_edge.i].idx)
    if verb.dep_ != "relcl" or not any(s.lower_ in ("that", "who", "which") for s in subjects):
        return _people_under(sent, subjects)
    antecedent = verb.head
    people = [p for p in _people_under(sent, [antecedent]) if p.start < antecedent.i]
    while not people and antecedent.dep_ in ("pobj", "prep", "attr"):
        antecedent = antecedent.head
        if antecedent.lemma_ == "be":
            people = _people_in_subject(sent, antecedent)
    return people


def _listed_right_before(people: list[Span], text: str, at: int) -> list[Span]:
    """The people listed (commas, "and") right before character ``at``, an aside in brackets
    allowed after the last ("X (Acme) and Y have co-authored …")."""
    last = [p for p in people if p.end_char <= at and _ASIDE_OR_SPACE.fullmatch(
        text[p.end_char : at])]
    return _listed_with(last[-1], people, text) if last else []


def _people_under(sent: Span, heads: list[Token]) -> list[Span]:
    """The people of ``sent`` that start inside the phrase of one of ``heads``."""
    return [p for head in heads for p in sent.ents if person_like(p)
            and head.left_edge.i <= p.start <= head.right_edge.i]


def _people_near(sent: Span, cue_start: int, cue_end: int) -> list[Span]:
    """The person right before a possessive cue, or the people right after a "by" cue."""
    doc = sent.doc
    full = text_of(doc)
    text = full[cue_start:cue_end].lower()
    people = [e for e in sent.ents if person_like(e)]
    if text.startswith(("'", "’")):
        before = [p for p in people if 0 <= cue_start - p.end_char <= 1]
        if before:
            return _listed_with(before[0], people, full) + _written_with(people, full, cue_end)
        token = doc.char_span(
            cue_start - 40 if cue_start >= 40 else 0, cue_start, alignment_mode="expand"
        )
        if (
            token is not None
            and len(token)
            and token[-1].is_title
            and token[-1].pos_ == "PROPN"
            and token[-1].ent_type_ in ("", "PERSON", "ORG")
        ):
            start = token[-1].i  # "Jonas Weber's group": the name's words before the last
            while start > token.start and start > token[-1].i - 2 and doc[start - 1].is_title and (
                    doc[start - 1].pos_ == "PROPN") and doc[start - 1].lower_ not in IMPERATIVES:
                start -= 1
            owner = Span(doc, start, token[-1].i + 1, label="PERSON")
            return _listed_with(owner, people, full) + _written_with(people, full, cue_end)
        return []
    if text.startswith("whose"):  # "X, whose paper …"
        return [p for p in people if full[p.end_char:cue_start].strip() in (",", "")]
    if re.match(r"(?:is|was|are|were)\b", text):  # "X, a PhD student at Y, is the first author"
        return [p for p in people if p.end_char <= cue_start]
    if text.startswith((",", "(")):  # "X, first author of …", "X (first author)"
        return [p for p in people if 0 <= cue_start - p.end_char <= 1]
    if _LEAD_AUTHOR.fullmatch(text):
        after = [p for p in people if 0 <= p.start_char - cue_end <= 2]  # "Lead author X"
        return _listed_with(after[0], people, full) if after else []
    if "et al" in text or text.startswith("and "):  # "X (Acme) and colleagues": an aside between
        before = [p for p in people if 0 <= cue_start - p.end_char <= 2
                  or _ASIDE.fullmatch(full[p.end_char:cue_start])]
        return _listed_with(before[-1], people, full) if before else []  # "X, Y and colleagues"
    after = [p for p in people if p.start_char >= cue_start and p.start_char - cue_end < 80]
    return after or (_possessor_after(doc, cue_end) if text.endswith("from") else [])


# "X's paper with Y", "X's paper, written with her colleague Y": the co-authors after
# (its title may come between: "X's latest paper, 'Title', written with Y")
_WRITTEN_WITH = re.compile(r"(?:,?\s*['‘\"“][^'’\"”]{12,300}['’\"”])?"
                           r",?\s*(?:(?:co-)?written |co-authored )?with (?:[a-z]+ ){0,3}")


def _written_with(people: list[Span], text: str, cue_end: int) -> list[Span]:
    """The people a possessive paper cue (ending at ``cue_end``) was written "with"."""
    match = _WRITTEN_WITH.match(text, cue_end)
    after = [p for p in people if match is not None and p.start_char == match.end()]
    return _listed_with(after[0], people, text) if after else []


def _possessor_after(doc: Doc, start: int) -> list[Span]:
    """ "… this paper from Jane Doe's lab": the name before the possessive right after
    ``start``, which the NER often misses."""
    words = doc.char_span(start, min(len(text_of(doc)), start + 60), alignment_mode="expand")
    if words is None:
        return []
    possessive = [t for t in words[:4] if t.text in ("'s", "’s")]
    end = possessive[0].i if possessive else words.start
    run = doc[words.start : end]
    if run and len(run) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in run):
        return [Span(doc, run.start, run.end, label="PERSON")]
    return []


_AFTER_TITLE = re.compile(r"['’\"”]?\s*(?:,|[-–—]|\()?\s*(?:by\s+)?", re.IGNORECASE)


def people_after_title(doc: Doc, end: int) -> list[Span]:
    """ "[Title], by A, B and C, Nature Medicine", "'Title' - A and B (2030)": the people a
    reference lists right after its title (``end``: the title's last character)."""
    text = text_of(doc)
    people = sorted((e for e in doc.ents if person_like(e) and e.start_char >= end),
                    key=lambda e: e.start_char)
    if not people or not _AFTER_TITLE.fullmatch(text[end : people[0].start_char]):
        return []
    return _listed_with(people[0], people, text)


_VENUE_AFTER_TITLE = re.compile(r"['’\"”]?," + _VENUE_THEN_YEAR.pattern)


def venue_after_title(doc: Doc, end: int) -> Span | None:
    """ "[Title](doi), Nature Medicine, 2030": the venue and year right after a title (the NER
    takes some journals for people)."""
    found = _VENUE_AFTER_TITLE.match(text_of(doc), end)
    return doc.char_span(found.start(1), found.end(1), label="VENUE",
                         alignment_mode="contract") if found else None


def _listed_with(person: Span, people: list[Span], text: str) -> list[Span]:
    """``person`` and the people joined to it by commas and "and" ("X and Y's paper",
    "Lead authors X and Y", "X (Acme) and Y")."""
    listed = [person]
    for step in (-1, 1):
        edge = person
        for other in sorted(people, key=lambda p: p.start_char, reverse=step < 0):
            if step * (other.start_char - edge.start_char) <= 0:
                continue
            lo, hi = (other, edge) if step < 0 else (edge, other)
            if not _BYLINE_GLUE.fullmatch(_PAREN_ASIDE.sub("", text[lo.end_char:hi.start_char])):
                break
            listed.append(other)
            edge = other
    return listed
