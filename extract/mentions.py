"""Turn the annotated Docs of one newsletter into Mentions and Assertions.

Per text: PERSON/ORG entities, topic and publication-title spans become
mentions; relations the components recorded become assertions. Per item: the
heading becomes an event or opportunity mention (with its dates), and the
``EVENT``/``PUBLICATION`` slots of the item's relations bind to it. A first name
used after the full name ("Chris' paper") points to the full-name mention.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span

from partnerkg.extract import items as item_rules
from partnerkg.extract import lexicon, names
from partnerkg.extract.dates import (
    date_after_name,
    date_beside_name,
    date_opening,
    is_calendar_word,
)
from partnerkg.extract.events import (
    EVENT_HEADS,
    JOIN_US,
    NOT_SPEAKING,
    SPEAKER_CUES,
    TALK_NOUNS,
    WEAK_HOST,
    heading_organisers,
    heading_owner,
    heading_speakers,
)
from partnerkg.extract.first_names import (
    as_first_names,
    confirm_heading_people,
    first_name_reference,
    first_names_shape,
    strip_title,
    surname_reference,
    unlabelled_heading_name,
)
from partnerkg.extract.list_leaders import organisation_leaders
from partnerkg.extract.mention_builder import CONFIDENCE, MentionBuilder
from partnerkg.extract.model import (
    Assertion,
    BlockKind,
    DateLabel,
    EntityKind,
    Extraction,
    Item,
    Mention,
    Newsletter,
    Relation,
    Section,
    SourceSpan,
)
from partnerkg.extract.name_shape import IMPERATIVES, looks_like_name
from partnerkg.extract.narrators import narrators_of
from partnerkg.extract.publications import (
    GENERIC_LINK,
    PUBLICATION_SECTION,
    QUOTED_TITLE,
    linked_title,
    people_after_title,
    venue_after_title,
)
from partnerkg.extract.roles import is_role_phrase
from partnerkg.extract.spans import (
    EVENTS,
    NARRATOR,
    ORG_ATTRIBUTES,
    PUBLICATION_TITLES,
    RELATIONS,
    TOPICS,
    VENUES,
    overlaps,
    text_of,
)
from partnerkg.extract.units import Unit

_WRITTEN_BY = re.compile(r"\b(?:written|authored|co-authored|penned) by\b", re.I)
# "New paper: <title>", "First Partnership Paper Published: <title>"
_LABELLED_PAPER = re.compile(r"^(?:[\w-]+ ){0,3}?(?:publication|paper|preprint|article|blog)"
                             r"(?: published| out| accepted| released)?\s*:\s*"
                             r"(?P<title>\S.{10,})$", re.I)
_PAPER_NOUN_BEFORE = re.compile(r"\b(?:book|paper|preprint|article|chapter|report)"
                                r"(?: on| titled| entitled| called)?\s*$", re.I)
_PIECE = re.compile(r"\b(?:piece|blog|article|essay|op-ed|paper|book|chapter|preprint)\b", re.I)
#: A DOI printed in the text, bare or as a resolver address
_PRINTED_DOI = re.compile(r"\b(?:doi:?\s*|doi\.org/)(10\.\d{4,9}/\S+?)(?=[.,;)]*(?:\s|$))", re.I)
#: A word that makes a quoted phrase in the same text a publication's title.
_PUBLICATION_WORD = re.compile(
    r"\b(?:paper|preprint|article|publish(?:es|ed|ing)|publication|book|chapter|report|blog|"
    r"co-?authored|authors?)\b", re.I)
#: An item heading over one paper's bold title ("### Publication of the Month")
_ONE_PAPER = re.compile(r"\W*(?:(?:our|new|latest|featured|recent) )?(?:publication|paper|preprint)"
                        r"(?: of the (?:month|week))?\W*$", re.I)
_PUBLICATION_KINDS = (
    ("preprint", re.compile(r"\bpreprint|arxiv|biorxiv|medrxiv", re.I)),
    ("book", re.compile(r"\bbook\b", re.I)),
    ("chapter", re.compile(r"\bchapter\b", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
    ("blog_post", re.compile(r"\b(?:blog|piece|op-ed)\b", re.I)),
    ("video", re.compile(r"\bvideo\b", re.I)),
)
#: Words that may follow an organisation's acronym without making it a modifier ("NHS and").
_FUNCTION_WORDS = "|".join(sorted(
    {"and", "or", "in", "on", "at", "to", "for", "of", "is", "are", "was", "were", "has", "have",
     "will", "so", "as", "with", "from", "by", "who", "which", "that", "had", "can",
     "would", "should", "also", "team", "teams", "said", "says"}))
_BRACKETED_AFTER = re.compile(r"\s*\(([^()]{2,40})\)")  # "… Networks (CompleNet)"
_DATE_WORDS = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?:{'|'.join(calendar.month_name[1:])})(?: \d{{4}})?", re.I
)


def assemble(newsletter: Newsletter, units: Sequence[Unit], docs: Sequence[Doc]) -> Extraction:
    """The :class:`Extraction` of ``newsletter`` from its units' annotated docs."""
    builder = MentionBuilder(newsletter)
    item_things: dict[int, dict[str, str]] = {}
    section_things: dict[int, dict[str, str]] = {}
    leaders = organisation_leaders(units, docs)
    for index, (unit, doc) in enumerate(zip(units, docs, strict=True)):
        _entities(builder, index, unit, doc, [(s, e) for i, s, e in leaders if i == index])
        if unit.is_heading and unit.item is not None:
            item_things[id(unit.item)] = _item_mentions(
                builder, unit, doc, _event_its_text_names(units, docs, index))
        things = _slots_for(builder, unit, doc, item_things, section_things)
        _publications(builder, index, unit, doc, things)
        if unit.item is not None and id(unit.item) in builder.event_items and (
                unit.block.kind is BlockKind.LIST_ITEM):
            _programme_entry(builder, index, unit, doc)
    for index, unit, ent in builder.later_first_names:  # the full name came later in the issue
        if not as_first_names(builder, index, unit, ent):
            _add_organisation(builder, index, unit, ent, docs[index])
    lower_words = names.prose_words(unit.text for unit in units)  # once: two readers below
    confirm_heading_people(builder, units, lower_words)
    narrators = narrators_of(builder, units)
    for index, (unit, doc) in enumerate(zip(units, docs, strict=True)):
        group = id(unit.item) if unit.item else id(unit.section)
        slots = item_things if unit.item else section_things
        narrator = narrators.get(id(unit.section))
        things = slots.setdefault(group, {}) if narrator else slots.get(group, {})
        if narrator:
            things[NARRATOR] = narrator
        _relations(builder, index, unit, doc, things)
    return Extraction(
        newsletter, _without_common_phrases(builder, units, lower_words),
        _strongest_hosts(builder.assertions)
    )


def _programme_entry(builder: MentionBuilder, index: int, unit: Unit, doc: Doc) -> None:
    """ "- 15 October 2030: Dr Jane Doe (Acme) - Instrumental variables" under an event item: a
    dated entry of its programme is a talk of its own, part of the item's event, on that date,
    by the people it names."""
    opening = date_opening(unit.text, builder.newsletter.issue_date)
    dash = max(unit.text.rfind(" - "), unit.text.rfind(" – "))
    if opening is None or dash < opening[1]:
        return
    when, start = opening
    name = unit.text[dash + 3 :].strip().strip("'‘’\"“”.")
    if len(name.split()) < 2:
        return
    name_start = unit.text.index(name, dash)
    talk = builder.add(EntityKind.EVENT, name,
                       unit.block.source_span(name_start, name_start + len(name)),
                       "items.programme_entry", CONFIDENCE["rule"], unit.item,
                       event_kind="talk", **item_rules.date_fields(when.start, when.end))
    entry = unit.block.source_span(0, len(unit.text))
    builder.assert_(talk, Relation.PART_OF_SERIES, builder.event_items[id(unit.item)], entry,
                    "items.programme_entry", 0.8)
    for person in (e for e in doc.ents if e.label_ == "PERSON" and start <= e.start_char < dash):
        speaker = builder.mention_at(index, person)
        if speaker is not None:
            builder.assert_(talk, Relation.SPEAKER, speaker, entry, "items.programme_entry", 0.8)


def _strongest_hosts(assertions: list[Assertion]) -> tuple[Assertion, ...]:
    """A possessive ("Acme's symposium") names the host only when no sentence says who hosts;
    "join us" makes the partnership the host only when nothing else names one."""
    hosts = [a for a in assertions if a.relation is Relation.ORGANIZER]
    named = {a.subject for a in hosts if not a.component.endswith(JOIN_US)}
    hosted = {a.subject for a in hosts if not a.component.endswith((WEAK_HOST, JOIN_US))}
    return tuple(
        a for a in assertions if not (a.component.endswith(WEAK_HOST) and a.subject in hosted)
        and not (a.component.endswith(JOIN_US) and a.subject in named)
    )


def _without_common_phrases(builder: MentionBuilder, units: Sequence[Unit],
                            lower_words: set[str]) -> tuple[Mention, ...]:
    """Drop organisations and people only the NER saw whose every word the newsletter also
    uses in lower case ("Machine Learning", "Innovation Cluster"): capitalised topics, not
    names. One that a rule tied to someone or something stays."""
    texts = [unit.text for unit in units]
    used = {a.object for a in builder.assertions} | {a.subject for a in builder.assertions}
    used |= {m.attributes["refers_to"] for m in builder.mentions if "refers_to" in m.attributes}
    only_ner = {(EntityKind.ORGANISATION, "partnerkg_organisations"), (EntityKind.PERSON, "ner")}
    return tuple(
        m
        for m in builder.mentions
        if m.id not in builder.superseded and not (
            (m.kind, m.component) in only_ner
            and not m.attributes
            and m.id not in used
            and _common_phrase(m, lower_words, texts)
        )
    )


def _common_phrase(mention: Mention, lower_words: set[str], texts: Sequence[str]) -> bool:
    """Every word is short or one the newsletter also writes in lower case; an organisation
    named by acronyms only ("NHS") is a name unless the newsletter uses it as a term, and one
    written before a unit noun ("the X community") is a name."""
    words = re.findall(r"[A-Za-z'-]+", mention.text)
    if mention.kind is EntityKind.ORGANISATION and words and all(w.isupper() for w in words):
        return _used_as_term(mention.text, texts)
    if mention.kind is EntityKind.ORGANISATION and _before_unit_noun(mention.text, texts):
        return False  # "the Data Science for Health Equity community": a group's name
    return all(w.lower() in lower_words or len(w) <= 3 and not (
        mention.kind is EntityKind.PERSON and w.istitle()) for w in words)  # "Ann Lee", "Bo Li"


def _before_unit_noun(name: str, texts: Sequence[str]) -> bool:
    """Some text writes ``name`` right before a lower-case unit noun ("… community")."""
    named = re.compile(rf"\b{re.escape(name)}\s+(?:{_unit_nouns()})\b")
    return any(named.search(text) for text in texts)


@cache
def _unit_nouns() -> str:
    """The lower-case unit heads ("community", "network") as one alternation."""
    return "|".join(map(re.escape, lexicon.name_words().lower_heads))


def _used_as_term(acronym: str, texts: Sequence[str]) -> bool:
    """ "high-performance computing (HPC)", "a causal DAG", "RNA-sequencing", "11am GMT",
    "PHC product": somewhere the acronym abbreviates a phrase, takes an article, joins a
    word, follows a number or modifies a lower-case noun."""
    name = re.escape(acronym)
    term = re.compile(
        rf"[a-z]\s+\(\s*{name}\b|\b(?:a|an|my|your)\s+(?:[a-z]+\s+)?{name}\b|\b{name}-\w|"
        rf"\d\s*(?:am|pm)?\s+{name}\b|\b{name}\s+(?!(?:{_FUNCTION_WORDS})\b)(?![a-z]+ed\b)"
        rf"[a-z]{{3,}}"  # not a verb's past ("GSK joined")
    )
    return any(term.search(text) for text in texts)


def _entities(
    builder: MentionBuilder, index: int, unit: Unit, doc: Doc, leaders: list[tuple[int, int]]
) -> None:
    for start, end in leaders:  # "- Acme -- Automating X" among organisations (list_leaders)
        builder.by_chars[(index, (start, end))] = builder.add(
            EntityKind.ORGANISATION,
            unit.text[start:end],
            unit.block.source_span(start, end),
            "list_leaders",
            CONFIDENCE["rule"],
            unit.item,
            **({"org_kind": kind} if (kind := lexicon.org_kind_of(unit.text[start:end])) else {}),
        )
    speakers = heading_speakers(doc) + _introduced(doc) if unit.is_heading else []
    named_works = [*doc.spans.get(PUBLICATION_TITLES, []), *doc.spans.get(VENUES, []),
                   *_venues_after_links(unit, doc)]
    # "The first, [Title], is by Jane Doe": a name the NER calls an organisation is a person
    # where a component read it as a paper's author (a full name: two or three name words)
    authors = {tuple(f["object"]) for f in doc._.get(RELATIONS) or []
               if f["relation"] == "author" and not isinstance(f["object"], str)}
    for ent in doc.ents:
        if any(ent.start_char < end and start < ent.end_char for start, end in leaders):
            continue
        span = unit.block.source_span(ent.start_char, ent.end_char)
        if _inside(ent, named_works):
            continue
        if ent.label_ == "PERSON" and unit.is_heading and ent not in speakers:
            # title-case headings fool the NER; a heading names a person after a cue, or when
            # the item's text calls them by their first name (see _heading_full_name)
            builder.heading_people.setdefault(id(unit.item), []).append((index, unit, ent))
            builder.rejected.add((index, (ent.start_char, ent.end_char)))
            continue
        if ent.label_ == "PERSON" and ent.text.lower() in lexicon.topic_label_set():
            # "Machine Learning", "Rare Diseases": a theme the NER took for a name
            builder.rejected.add((index, (ent.start_char, ent.end_char)))
            continue
        if ent.label_ == "ORG" and first_names_shape(ent):
            if not as_first_names(builder, index, unit, ent):
                builder.later_first_names.append((index, unit, ent))
            continue
        if ent.label_ == "PERSON" or ent.label_ == "ORG" and (
                _named_person(builder, ent.text)
                or (ent.start_char, ent.end_char) in authors and len(ent) <= 3
                and looks_like_name(ent)):
            text = strip_title(ent.text)
            full = len(text.split()) >= 2
            attributes = {} if full else (
                first_name_reference(builder, text, unit.item)
                or (surname_reference(builder, text) if _titled(ent) else {}))
            if not full and not attributes:
                continue  # a lone capitalised word with no full name before it: too weak
            mention_id = builder.add(
                EntityKind.PERSON,
                text,
                span,
                "ner" if full else "first_name",
                CONFIDENCE["ner"] if not full else 0.8,
                unit.item,
                **attributes,
            )
            if full:
                builder.people[mention_id] = builder.mentions[-1]
        elif ent.label_ == "ORG":
            if not _names_an_event(builder, unit, ent):
                _add_organisation(builder, index, unit, ent, doc)
            continue
        elif ent.label_ == "GPE" and unit.item is not None and _names_a_place(ent):
            mention_id = builder.add(
                EntityKind.PLACE, ent.text, span, "ner", CONFIDENCE["ner"], unit.item
            )
        else:
            continue
        builder.by_chars[(index, (ent.start_char, ent.end_char))] = mention_id
    bare = unlabelled_heading_name(doc) if unit.is_heading and unit.item is not None else None
    if bare is not None:
        builder.heading_people.setdefault(id(unit.item), []).append((index, unit, bare))
    # the heading's own event is the item's; a non-event item's body may name one its
    # heading also names ("Call for Acme Conference Fringe Events": "Acme Conference"), and
    # a non-event item's heading may name one ("X attending the Acme Summit 2030")
    item = unit.item
    event_item = item is not None and id(item) in builder.event_items
    # the title's words, and normalised: "(ACIC)" is in one, "acic conference 2030" the other
    heading = _words(item.title) if item and event_item else ""
    own_name = _words(builder.mentions[builder.index(builder.event_items[id(item)])].text) if (
        item and event_item) else ""
    title = f" {heading} {names.normalise(item.title)} " if item and event_item else ""
    events = list(doc.spans.get(EVENTS, []))
    # the other event the heading's own is held at ("… at Bristol Data Week"), read once
    host = item_rules.held_at(item.title) if item is not None and events else None
    host_words = _words(host) if host else ""
    host_key = _YEAR_TAIL.sub("", names.normalise(host)) if host else ""
    if unit.is_heading:  # an event heading's event is the item's own (_item_mentions)
        event_heading = item is None or item_rules.classify(item).kind == "event"
        called = None if event_heading else _called_for(doc)
        events = [e for e in events if host and _words(e.text) in host_words] if (
            event_heading) else [e for e in events if _goes_to(e) and not (
                called and overlaps(e, called))] + ([called] if called else [])
    named = builder.item_events.setdefault(id(item), {})
    text = text_of(doc)
    for event in events:
        # "Acme Conference" in a heading is the text's "Acme conference 2030"
        key = _YEAR_TAIL.sub("", names.normalise(event.text))
        words = _words(event.text)
        items_own = (f" {words} " in title or f" {key} " in title
                     or _one_word_apart(words, heading) or _words_within(words, heading)
                     or _one_word_inside(heading, words) or _fuller_name(own_name, words)
                     or _with_head_word(own_name, words)
                     or (event_item and _called_this(event))) and not (host and words in host_words)
        if items_own and event_item and not unit.is_heading and f" {key} " not in title:
            # "The Wellcome Data Science Ideathon" under "Wellcome Trust Data Science
            # Ideathon": a second name of the item's event, for other issues to match
            builder.add(EntityKind.EVENT, event.text,
                        unit.block.source_span(event.start_char, event.end_char),
                        "items.text_name", CONFIDENCE["ner"], unit.item,
                        refers_to=builder.event_items[id(item)])
        if not items_own and not _date_like(event):
            if key not in named and host_key in named and words in host_words:
                key = host_key  # "Bristol's Data Week" under "… at Bristol Data Week"
            same = {"refers_to": named[key]} if key in named else {}
            short = _BRACKETED_AFTER.match(text, event.end_char)
            if short and event_item and f" {_words(short[1])} " in f" {heading} ":
                # "the International Conference on Complex Networks (CompleNet)" under the
                # heading "… at CompleNet Conference 2030": the item's own event
                same = {"refers_to": builder.event_items[id(item)]}
            after = text[event.end_char : event.sent.end_char]
            line_start = max(text.rfind("\n", 0, event.start_char) + 1, event.sent.start_char)
            when = date_after_name(after, builder.newsletter.issue_date) or date_beside_name(
                text[line_start : event.start_char], after, builder.newsletter.issue_date)
            if when is not None:
                same.update(item_rules.date_fields(when.start, when.end))
            elif unit.is_heading and item is not None and not event_item:
                same.update(_labelled_dates(item, event.text))
            mention_id = builder.add(
                EntityKind.EVENT,
                event.text,
                unit.block.source_span(event.start_char, event.end_char),
                "partnerkg_event_roles.named_in_text",
                CONFIDENCE["ner"],
                unit.item,
                event_kind=item_rules.event_kind(event.text),
                **same,
            )
            named.setdefault(key, mention_id)
            builder.by_chars[(index, (event.start_char, event.end_char))] = mention_id
            if unit.is_heading:
                builder.heading_events.setdefault(id(item), []).append(named[key])
    for topic in doc.spans.get(TOPICS, []):
        builder.add(
            EntityKind.TOPIC,
            topic.text,
            unit.block.source_span(topic.start_char, topic.end_char),
            "partnerkg_topics",
            CONFIDENCE["rule"],
            unit.item,
            concept=topic.kb_id_,
        )


def _names_an_event(builder: MentionBuilder, unit: Unit, ent: Span) -> bool:
    """ "the Acme Conference on Graphs (AcmeNet)": the bracketed short form of an event; "Acme
    Days, an annual festival": a name the events component read as an event's; "the 4th Acme
    Epidemiology School" under the heading "Acme Epidemiology School 2030": the item's own
    event. None is an organisation, whatever the NER says."""
    doc = ent.doc
    bracketed = 0 < ent.start and ent.end < len(doc) and (
        doc[ent.start - 1].text, doc[ent.end].text) == ("(", ")")
    events = doc.spans.get(EVENTS, [])
    if bracketed and any(e.end == ent.start - 1 for e in events):
        return True
    if any((e.start, e.end) == (ent.start, ent.end) for e in events):
        return True
    item = unit.item
    if item is None or _YEAR_TAIL.sub("", names.normalise(item.title)) != names.normalise(
            ent.text):
        return False
    return id(item) in builder.event_items or item_rules.classify(item).kind == "event"


def _add_organisation(builder: MentionBuilder, index: int, unit: Unit, ent: Span, doc: Doc) -> None:
    org_attributes = doc._.get(ORG_ATTRIBUTES) or {}
    attributes = dict(
        org_attributes.get(ent.start_char, org_attributes.get(str(ent.start_char), {}))
    )
    confidence = CONFIDENCE["rule"] if attributes.get("org_kind") else CONFIDENCE["ner"]
    builder.by_chars[(index, (ent.start_char, ent.end_char))] = builder.add(
        EntityKind.ORGANISATION,
        ent.text,
        unit.block.source_span(ent.start_char, ent.end_char),
        "partnerkg_organisations",
        confidence,
        unit.item,
        **attributes,
    )


_YEAR_TAIL = re.compile(r" (?:19|20)\d\d$")


def _words(text: str) -> str:
    """Lower-case words of ``text`` without punctuation: "Industry (PSI) 2023" -> "industry psi
    2023"."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _called_for(heading: Doc) -> Span | None:
    """ "Call for Papers: [Acme Workshop on Causality for Real-world Impact] at NeurIPS 2030":
    the event a call's heading names after its colon, up to where it is held."""
    if len(heading) < 4 or heading[0].lower_ != "call" or heading[1].lower_ != "for":
        return None
    colon = next((t.i for t in heading if t.text == ":"), None)
    if colon is None:
        return None
    end = next((t.i for t in heading[colon + 1 :] if t.lower_ == "at"), len(heading))
    named = heading[colon + 1 : end]
    return named if len(named) >= 2 and any(item_rules.names_event(t.text) for t in named) else None


_INTRODUCES = re.compile(r"\W*(?:meet|introducing|spotlight(?: on)?|five minutes with|"
                         r"(?:an )?interview with|in conversation with|q&a with|"
                         r"getting to know)\b", re.I)


def _introduced(heading: Doc) -> list[Span]:
    """ "Meet Jane Doe", "Five minutes with Jane Doe": the person a heading introduces."""
    if not _INTRODUCES.match(text_of(heading)):
        return []
    return [e for e in heading.ents if e.label_ == "PERSON"]


def _goes_to(event: Span) -> bool:
    """ "X presents at [Acme Conference]", "attending [the Acme Summit 2030]", "finalist in
    [Acme Awards]": a heading names an event someone goes to."""
    i = event.start - 1
    if i >= 0 and event.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and event.doc[i].lower_ in ("at", "attending", "attends", "in", "to")


def _date_like(span: Span) -> bool:
    """ "9 September 2022" tagged as an event: a date, not an event's name (which may hold
    a year: "Acme conference 2023")."""
    named = any(t.is_alpha and t.text[:1].isupper() and not is_calendar_word(t.text)
                for t in span)  # not the NER's DATE: "12 July 2030 - Acme Forum" is one
    return not named or bool(_DATE_WORDS.fullmatch(span.text))


def _labelled_dates(item: Item, name: str) -> dict[str, str]:
    """ "Call for papers at the Acme Workshop" over "Workshop: 03-09 August 2030": a dated line
    whose label is a word of the event's name dates it."""
    words = set(_words(name).split())
    line = next((d for d in item.dated_lines if d.label is DateLabel.EVENT
                 and d.raw_label and set(_words(d.raw_label).split()) <= words), None)
    return item_rules.date_fields(line.start, line.end) if line else {}


def _words_within(words: str, heading: str) -> bool:
    """ "Soil and Water Summer School" under the heading "Soil and Water: Acme and Globex
    Summer School 2030": three or more words, every one of them the heading's."""
    return len(words.split()) >= 3 and set(words.split()) <= set(heading.split())


def _one_word_apart(short: str, long: str) -> bool:
    """ "wellcome data science ideathon" in the heading "Wellcome Trust Data Science
    Ideathon": the heading's name with one word left out (a held-at event aside)."""
    words = short.split()
    return len(words) >= 3 and _one_more_word(words, long.split(), range(len(words) + 1))


def _one_word_inside(short: str, long: str) -> bool:
    """ "acme health hackathon" in an item headed "Acme Hackathon": the heading's name with
    one more word inside it (its first and last words kept), the full name of the item's own
    event."""
    words = short.split()
    return len(words) >= 2 and _one_more_word(words, long.split(), range(1, len(words)))


def _called_this(event: Span) -> bool:
    """ "This virtual Acme Insight Sharing Webinar will explore …": in an event item, the event
    "this" points to is the item's own."""
    before = event.doc[event.sent.start : event.start]  # its words may be parsed apart
    return len(before) > 0 and before[0].lower_ == "this" and not any(
        t.pos_ in ("VERB", "AUX") for t in before)


def _fuller_name(short: str, long: str) -> bool:
    """ "turing-roche partnership annual event" in an item headed "Highlights from our Annual
    Event": the item's event's name of two words or more, with up to four words before it."""
    words, longer = short.split(), long.split()
    return len(words) >= 2 and 0 < len(longer) - len(words) <= 4 and (
        longer[-len(words) :] == words)


def _with_head_word(name: str, words: str) -> bool:
    """ "ai uk conference" in an item whose event is "AI UK": the item's event's name with
    the word that says what kind of event it is."""
    *rest, last = words.split() or [""]
    return bool(name) and rest == name.split() and last.capitalize() in EVENT_HEADS


def _one_more_word(words: list[str], longer: list[str], places: range) -> bool:
    """``longer`` is ``words`` with one word added at one of ``places``."""
    return len(longer) == len(words) + 1 and any(
        longer[:i] + longer[i + 1 :] == words for i in places)


def _titled(ent: Span) -> bool:
    """ "Prof Dwork": a title before the name."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in names.TITLES


def _venues_after_links(unit: Unit, doc: Doc) -> list[Span]:
    """ "[Title](doi), Nature Medicine, 2030": the venue after a linked title is no person."""
    ends = [unit.text.find(link.text) + len(link.text) for link in unit.block.links
            if linked_title(link.text) and link.text in unit.text]
    return [venue for end in ends if (venue := venue_after_title(doc, end)) is not None]


def _inside(ent: object, spans: object) -> bool:
    return any(s.start <= ent.start and ent.end <= s.end for s in spans)  # type: ignore[attr-defined]


def _lists_items(item: Item) -> bool:
    """Most of the item's blocks are list items ("Recent papers:" then one per line), counted up
    to a short unpunctuated line after the first block: a section heading the layout lost ("The
    Partnership team" over a list), whose list is not this item's."""
    blocks = item.blocks
    cut = next((i for i, b in enumerate(blocks) if i and b.kind is BlockKind.PARAGRAPH
                and len(b.text.split()) <= 8 and b.text.rstrip()[-1:].isalnum()), len(blocks))
    return sum(b.kind is BlockKind.LIST_ITEM for b in blocks[:cut]) * 2 > cut


def _event_its_text_names(
    units: Sequence[Unit], docs: Sequence[Doc], heading: int
) -> tuple[str, SourceSpan] | None:
    """The first event the text of the item ``units[heading]`` heads names, for a heading that
    names none ("Save the date" over "The Acme Forum will take place on …")."""
    item = units[heading].item
    if item is None or not item_rules.announces_only(item.title):
        return None
    after = heading + 1
    pairs = zip(units[after:], docs[after:], strict=True)
    body = itertools.takewhile(lambda pair: pair[0].item is item, pairs)
    return next(((e.text, unit.block.source_span(e.start_char, e.end_char))
                 for unit, doc in body for e in doc.spans.get(EVENTS, [])), None)


def _item_mentions(builder: MentionBuilder, unit: Unit, doc: Doc,
                   named_in_text: tuple[str, SourceSpan] | None) -> dict[str, str]:
    """Event or opportunity named by an item heading (or, for a heading that names none, by
    its text: ``named_in_text``), with its dates; returns its slots."""
    item = unit.item
    assert item is not None
    reading = item_rules.classify(item)
    span = item.title_span
    if reading.kind == "event":
        attended = item_rules.attended_event(item.title) or item_rules.invited_to(item.title)
        held = item_rules.own_event_held_at(item.title)  # "X Workshop at Acme Conference 2030"
        named = attended or item_rules.announced_event(item.title) or held  # "Save the date: X"
        name = item.title
        if named is not None:  # "Jane Doe presenting at Acme Conference 2030"
            name = item.title[named[0] : named[1]]
            span = unit.block.source_span(*named)
        elif named_in_text is not None:
            name, span = named_in_text
        attributes = {
            "event_kind": reading.sub_kind or "other",
            **({} if attended else item_rules.event_names(name)),
            **item_rules.event_dates(item, builder.newsletter.issue_date),
        }
        event_id = builder.add(
            EntityKind.EVENT, name, span, "items.heading", CONFIDENCE["heading"], item, **attributes
        )
        builder.event_items[id(item)] = event_id
        if named is not None and named is held:  # the whole heading names it too
            builder.add(EntityKind.EVENT, item.title, item.title_span, "items.heading_full_name",
                        CONFIDENCE["heading"], item, refers_to=event_id)
        short = attributes.get("short_name")
        start = item.title.find(short) if short else -1
        names_someone = any(
            e.label_ == "PERSON" and e.end_char > start for e in doc.ents
        )  # "Series: Dr Jane Doe" names the speaker, not the event
        if short and start >= 0 and not names_someone:  # a second surface form to match
            builder.add(
                EntityKind.EVENT,
                short,
                unit.block.source_span(start, start + len(short)),
                "items.heading_short_name",
                CONFIDENCE["heading"],
                item,
                refers_to=event_id,
            )
        return {"EVENT": event_id}
    listing = _lists_items(item)
    authored = any(_WRITTEN_BY.search(b.text) for b in item.blocks)
    labelled = _LABELLED_PAPER.match(item.title)  # "New paper: <title>"
    if reading.kind is None and (
        (PUBLICATION_SECTION.search(item.section) and not listing
         and _is_papers_heading(item, doc))
        or (authored and _PIECE.search(item.title)) or labelled
        or _titled_by_its_item_paper(item, doc)
    ):
        attributes = {"publication_kind": _publication_kind(item.section + " " + item.title)}
        link = next((link for link in item.links if link.doi), None)
        if link is not None:
            attributes.update(doi=link.doi or "", url=link.target)
        title = labelled.group("title") if labelled else item.title
        if labelled:
            span = unit.block.source_span(labelled.start("title"), labelled.end("title"))
        return {
            "PUBLICATION": builder.add(
                EntityKind.PUBLICATION,
                title,
                span,
                "publications.heading",
                CONFIDENCE["heading"],
                item,
                **attributes,
            )
        }
    if reading.kind == "opportunity":
        attributes = {"opportunity_kind": reading.sub_kind or "scheme"}
        due = item_rules.deadline(item)
        if due:
            attributes["deadline"] = due
        opportunity_id = builder.add(
            EntityKind.OPPORTUNITY,
            item.title,
            span,
            "items.heading",
            CONFIDENCE["heading"],
            item,
            **attributes,
        )
        return {"OPPORTUNITY": opportunity_id}
    return {}


def _slots_for(
    builder: MentionBuilder,
    unit: Unit,
    doc: Doc,
    item_things: dict[int, dict[str, str]],
    section_things: dict[int, dict[str, str]],
) -> dict[str, str]:
    """The slots of the unit's item, or of its section; a bold line under a "Publication of
    the Month" heading (of either) is the paper they speak of."""
    if unit.item is not None:
        things = item_things.setdefault(id(unit.item), {})
        heading, blocks, item = unit.item.title, unit.item.blocks, unit.item
    elif unit.section is not None:
        things = section_things.setdefault(id(unit.section), {})
        heading, blocks, item = unit.section.title, unit.section.blocks, None
    else:
        return {}
    if "PUBLICATION" in things:
        return things
    section = unit.section
    if (
        (PUBLICATION_SECTION.search(heading) if item is None else _ONE_PAPER.match(heading))
        and unit.block.kind == "bold_line"
        and not unit.is_heading
        and len(unit.text.split()) >= 2
    ):
        text = unit.text.strip().strip("*").strip()
        start = unit.text.index(text)
        span = unit.block.source_span(start, start + len(text))
    elif item is None and section is not None and section.title_span is not None and (
            _titled_by_its_paper(section, unit)):
        text, span = section.title, section.title_span  # "## <paper title>" over "… this paper"
    else:
        return things
    doi = next((link.doi for b in blocks for link in b.links if link.doi), None)
    attributes = {"publication_kind": _publication_kind(heading + " " + text)}
    if doi:
        attributes["doi"] = doi
    things["PUBLICATION"] = builder.add(
        EntityKind.PUBLICATION, text, span, "publications.section_title", CONFIDENCE["rule"],
        item, **attributes)
    return things


def _names_a_place(ent: Span) -> bool:
    """A place the NER found that is one: not a topic's label ("medical AI"), a lower-case
    word, nor a word of a longer name ("Roche Pharma Development", "Multi-Modal Data") the
    NER cut a place from; a neighbouring place is no longer name ("Cambridge UK")."""
    doc = ent.doc
    if ent.text.lower() in lexicon.topic_label_set() or not ent.text[:1].isupper():
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text == "-" and not (after.whitespace_ or ent[-1].whitespace_):
        return False
    return not any(t is not None and t.is_alpha and t.text[:1].isupper() and not t.is_sent_start
                   and t.ent_type_ != "GPE" for t in (before, after))


_THIS_PAPER = re.compile(r"\bpublication of the month is\b|\bthis (?:paper|preprint|article)\b",
                         re.I)


def _titled_by_its_paper(section: Section, unit: Unit) -> bool:
    """A section whose heading is a paper's title ("## Combining Multi-Task Learning and …")
    and whose first paragraph presents "this preprint"."""
    first = section.blocks[0] if section.blocks else None
    return (unit.block is first and bool(_THIS_PAPER.search(unit.text))
            and len(section.title.split()) >= 4 and not PUBLICATION_SECTION.search(section.title))


# "The paper was co-authored by …", "In this paper, …": a first paragraph about one paper
_THE_PAPER = re.compile(r"\b(?:this|the) (?:new |recent |latest )?(?:paper|preprint|article)\b|"
                        r"\b(?:a|their) (?:new|recent|latest) (?:paper|preprint|article)\b|"
                        r"^\W*their (?:paper|preprint|article)\b|"
                        r"\b(?:lead|first|senior) author\b|"
                        # "X and Y explain in Nature Medicine how …"
                        r"\b(?:show|explain|describe|report|argue|propose|demonstrate)s? in "
                        r"(?:the journal )?(?-i:[A-Z])|"
                        r"\bthe authors\b|\bthis (?:work|study)\b|"
                        r"\b(?:published|written|co-?authored) (?:a|an|the) (?:new |recent )?"
                        r"(?:paper|preprint|article|study)\b", re.I)


_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+(?:\s*\([^()]{1,60}\))?"
#: "Jane Doe (Acme), John Roe and Ann Lee": a line of names and nothing else
_BYLINE = re.compile(rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})+\.?")


def _titled_by_its_item_paper(item: Item, heading: Doc) -> bool:
    """An item headed by a paper's title ("### Sparse models for soil records") whose first
    paragraph speaks of "the paper" (or lists its authors, the item speaking of it later) and
    names no title of its own. A heading that names a person ("X presenting at Y"), asks or
    bids ("Join the Acme team") is no title."""
    first = item.blocks[0] if item.blocks else None
    if first is None or len(item.title.split()) < 4 or item.title.rstrip().endswith("?") or (
            heading[0].tag_ == "VB" or heading[0].lower_ in IMPERATIVES) or any(
            e.label_ == "PERSON" for e in heading.ents):
        return False
    links = [link for block in item.blocks for link in block.links if link.doi]
    generic = [link for link in links if GENERIC_LINK.match(link.text.strip())]
    byline = _BYLINE.fullmatch(first.text.strip()) is not None and any(
        _THE_PAPER.search(b.text) for b in item.blocks[1:])  # names, then "the paper"
    speaks_of_it = byline or bool(_THE_PAPER.search(first.text)) or any(
        g in first.links for g in generic)
    return speaks_of_it and not QUOTED_TITLE.search(first.text) and len(generic) == len(links)


def _is_papers_heading(item: Item, heading: Doc) -> bool:
    """The heading of an item in a papers section is a paper's title when the item links a DOI
    or speaks of publishing ("### Outcome Indistinguishability" over "this paper by"), or
    when it has three words or more and bids nothing ("### Connect with us" closes the
    newsletter; "### Stop explaining black box models" over "this paper" is a title)."""
    words = len(item.title.split())
    speaks = any(link.doi for link in item.links) or any(
        _PUBLICATION_WORD.search(block.text) for block in item.blocks)
    return words >= 2 and speaks or words >= 3 and heading[0].tag_ != "VB"


def _publication_kind(text: str) -> str:
    return next((kind for kind, rx in _PUBLICATION_KINDS if rx.search(text)), "article")


def _publications(
    builder: MentionBuilder, index: int, unit: Unit, doc: Doc, things: dict[str, str]
) -> None:
    """Quoted titles and descriptive link texts of papers (with a DOI, or right after "the
    book", "a chapter on") become publication mentions."""
    titles = list(doc.spans.get(PUBLICATION_TITLES, []))
    heading = unit.item.title + " " + unit.item.section if unit.item else (
        unit.section.title if unit.section else "")  # "## Recent papers" over a list of them
    in_publication_context = bool(PUBLICATION_SECTION.search(heading) or any(
        _PUBLICATION_WORD.search(text) for text in (heading, unit.text)))
    # "Jane Doe wrote 'Title'": a quoted title someone is said to have written is a paper's
    authored = {tuple(f["subject"]) for f in doc._.get(RELATIONS) or []
                if f["relation"] == "author" and not isinstance(f["subject"], str)}
    found = []
    for title in titles:
        link = next(
            (lk for lk in unit.block.links if _overlaps_text(unit, lk.text, title.start_char)), None
        )
        where = (title.start_char, title.end_char)
        if link is None and not in_publication_context and where not in authored:
            builder.rejected.add((index, where))  # no paper: nor a name for what it relates
            continue
        found.append((*where, link))
    for link in unit.block.links:
        start = unit.text.find(link.text)
        named = link.doi or (start > 0 and link.text[:1].isupper() and bool(
            _PAPER_NOUN_BEFORE.search(unit.text, max(0, start - 40), start)))
        if named and linked_title(link.text):
            if start >= 0 and not any(
                s <= start < e or start <= s < start + len(link.text) for s, e, _ in found
            ):
                found.append((start, start + len(link.text), link))
    if not found and "PUBLICATION" not in things and _announces_paper(unit):
        _add_heading_publication(builder, unit, things)
    for start, end, link in found:
        text = unit.text[start:end].strip(" '‘’\"“”")
        attributes = {"publication_kind": _publication_kind(unit.text)}
        doi = link.doi if link is not None else None
        if doi is None and len(found) == 1:
            printed = _PRINTED_DOI.search(unit.text)  # "DOI: 10.1038/…", "https://doi.org/…"
            doi = next((lk.doi for lk in unit.block.links if lk.doi), None) or (
                printed.group(1) if printed else None)
        if doi:
            attributes["doi"] = doi
        if link is not None:
            attributes["url"] = link.target
        mention_id = builder.add(
            EntityKind.PUBLICATION,
            text,
            unit.block.source_span(start, end),
            "partnerkg_publications",
            CONFIDENCE["rule"],
            unit.item,
            **attributes,
        )
        builder.by_chars[(index, (start, end))] = mention_id
        for person in people_after_title(doc, end):
            author = builder.mention_at(index, person)
            if author is not None:
                builder.assert_(mention_id, Relation.AUTHOR, author,
                                unit.block.source_span(start, person.end_char),
                                "publications.reference", 0.8)
        for title in titles:
            if title.start_char <= start < title.end_char or start <= title.start_char < end:
                builder.by_chars[(index, (title.start_char, title.end_char))] = mention_id
        if len(found) == 1:
            _supersede_heading_paper(builder, things.get("PUBLICATION"), text)
            things["PUBLICATION"] = mention_id


def _supersede_heading_paper(builder: MentionBuilder, previous: str | None, title: str) -> None:
    """A heading that announces a paper ("New paper by X") gives way to the one title the
    item's text names: the heading was never the paper's name."""
    if previous is None:
        return
    heading = builder.mentions[builder.index(previous)]
    if heading.component == "publications.heading" and heading.text != title:
        builder.superseded.add(previous)


def _announces_paper(unit: Unit) -> bool:
    """A DOI link whose text is no title ("Published in Acme Medicine") in an item whose
    heading announces a paper: the heading is the paper's only name."""
    heading = unit.item.title if unit.item is not None else ""
    return bool(_PIECE.search(heading) or re.search(r"\bpublication\b", heading, re.I)) and any(
        link.doi and GENERIC_LINK.match(link.text.strip()) for link in unit.block.links
    )


def _add_heading_publication(builder: MentionBuilder, unit: Unit, things: dict[str, str]) -> None:
    item = unit.item
    assert item is not None
    link = next(link for link in unit.block.links if link.doi)
    things["PUBLICATION"] = builder.add(
        EntityKind.PUBLICATION,
        item.title,
        item.title_span,
        "publications.heading",
        CONFIDENCE["heading"],
        item,
        publication_kind=_publication_kind(item.title),
        doi=link.doi or "",
        url=link.target,
    )


def _overlaps_text(unit: Unit, link_text: str, start: int) -> bool:
    position = unit.text.find(link_text)
    return position >= 0 and position <= start < position + len(link_text) + 2


_RELATIONS = {r.value: r for r in Relation}


def _relations(
    builder: MentionBuilder, index: int, unit: Unit, doc: Doc, things: dict[str, str]
) -> None:
    """Recorded relations -> assertions between mention ids (slots bound to the item)."""
    for found in doc._.get(RELATIONS) or []:
        if found["subject"] == "EVENT" and "EVENT" not in things:
            subject = _event_named_in(builder, index, unit, found["evidence"])
        else:
            subject = _resolve(builder, index, unit, found["subject"], things)
        relation = found["relation"]
        if relation == "venue":
            if subject is not None:
                _set_venue(builder, subject, unit.text[found["object"][0] : found["object"][1]])
            continue
        obj = _resolve(builder, index, unit, found["object"], things, tuple(found["evidence"]))
        if subject is None or obj is None or not _kinds_fit(builder, relation, obj):
            continue
        start, end = found["evidence"]
        evidence = unit.block.source_span(start, end)
        component = found["rule"]
        attributes = dict(found.get("attributes") or {})
        builder.assert_(
            subject,
            _RELATIONS[relation],
            obj,
            evidence,
            component,
            found["confidence"],
            **attributes,
        )
        slot_bound_here = found["subject"] == "EVENT" and "EVENT" not in things
        held_at = _event_a_talk_is_at(builder, index, unit, found) if (
            relation == "speaker" and slot_bound_here) else None
        if held_at is not None and held_at != subject:
            builder.assert_(held_at, Relation.SPEAKER, obj, evidence, f"{component}.talk_at", 0.7)
    if "EVENT" in things and _after_speaker_list_cue(unit):
        person = next((e for e in doc.ents if e.label_ == "PERSON"), None)
        speaker = builder.mention_at(index, person) if person is not None else None
        if speaker:  # "… with talks from:" then "- Jane Doe, Role: 'Title'"
            builder.assert_(things["EVENT"], Relation.SPEAKER, speaker,
                            unit.block.source_span(0, len(unit.text)),
                            "events.listed_speaker", 0.8)
    if "EVENT" in things and not unit.is_heading and unit.item is not None and (
            id(unit.item) in builder.event_items):
        _bare_people_speak(builder, index, unit, doc, things["EVENT"])
    elif unit.block.kind is BlockKind.LIST_ITEM:
        _entry_speakers(builder, index, unit, doc)
    if unit.is_heading and (event := things.get("EVENT") or _heading_goes_to(builder, unit)):
        heading = unit.block.source_span(0, len(unit.text))
        for relation, spans, rule in (
            (Relation.ORGANIZER, heading_organisers(doc), "events.heading_host"),
            (Relation.ORGANIZER, heading_owner(doc), f"events.heading_owner.{WEAK_HOST}"),
            (Relation.SPEAKER, heading_speakers(doc), "events.heading_speaker"),
        ):
            for span in spans:
                obj = builder.mention_at(index, span)
                if obj:
                    builder.assert_(event, relation, obj, heading, rule, 0.8)


def _bare_people_speak(builder: MentionBuilder, index: int, unit: Unit, doc: Doc,
                       event: str) -> None:
    """A person an event item's text names with no part in it (no cue, no other relation
    than a role or an employer, not a contact, host or attendee) is most likely one of its
    speakers: a weak assertion (0.5) no rule made."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if not people:
        return
    parts = [a for a in builder.assertions
             if a.relation not in (Relation.AFFILIATION, Relation.ROLE)]
    tied = {a.object for a in parts} | {a.subject for a in parts}
    for person in people:
        mention = builder.mention_at(index, person)
        if mention and mention not in tied and _kinds_fit(builder, "speaker", mention) and (
                not _NOT_SPEAKING_HERE.search(person.sent.text)):
            sentence = unit.block.source_span(person.sent.start_char, person.sent.end_char)
            builder.assert_(event, Relation.SPEAKER, mention, sentence,
                            "events.person_in_event_item", 0.5)


_NOT_SPEAKING_HERE = re.compile(  # also registering, hosting, being chosen or attending
    rf"{NOT_SPEAKING}|\b(?:register|organis|organiz|hosted|chosen|led by|attend)", re.I)


def _after_speaker_list_cue(unit: Unit) -> bool:
    """A list item under a paragraph that ends "… with talks from:" (a speaker cue)."""
    if unit.item is None or unit.block.kind is not BlockKind.LIST_ITEM:
        return False
    blocks = unit.item.blocks
    before = blocks[: blocks.index(unit.block)]
    lead = next((b for b in reversed(before) if b.kind is not BlockKind.LIST_ITEM), None)
    return lead is not None and lead.text.rstrip().endswith(":") and bool(
        SPEAKER_CUES.search(lead.text.rstrip()[-60:]))


#: Between a list entry's event and its speakers: "Acme Forum (12 July 2030): Jane Doe, …"
_NAME_THEN_COLON = re.compile(r"\s*(?:\([^()]*\))?\s*:\s*(?:(?:Dr|Prof|Professor)\.?\s+)?")


def _entry_speakers(builder: MentionBuilder, index: int, unit: Unit, doc: Doc) -> None:
    """ "- Acme Forum (12 July 2030): Jane Doe, Westby University": the people a list entry
    names after its one event and a colon speak at it."""
    events = _events_in_unit(builder, index)
    if len(events) != 1:
        return
    (_, event_end), event = events[0]
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char >= event_end]
    if not people or not _NAME_THEN_COLON.fullmatch(unit.text[event_end : people[0].start_char]):
        return
    entry = unit.block.source_span(0, len(unit.text))
    for person in people:
        speaker = builder.mention_at(index, person)
        if speaker is not None:
            builder.assert_(event, Relation.SPEAKER, speaker, entry, "events.entry_speaker", 0.75)


def _event_named_in(builder: MentionBuilder, index: int, unit: Unit,
                    evidence: tuple[int, int]) -> str | None:
    """In an item that is no event, the event the sentence itself names ("… took part in X.
    X is a poster competition organised by Y") is the one its speakers and hosts belong to;
    failing that, the one event its paragraph or list entry names ("- 12 July: Acme Forum,
    London. Speakers include …"), or the one its heading says someone goes to ("Jane Doe
    attending the Acme Summit")."""
    start, end = evidence
    named = set()
    for (first, last), mention_id in _events_in_unit(builder, index):
        if start <= first and last <= end:
            return mention_id
        named.add(mention_id)
    return named.pop() if len(named) == 1 else _heading_goes_to(
        builder, unit, unit.text[start:end])


_TALK_TITLED = re.compile(
    rf"\b(?:{'|'.join(sorted(TALK_NOUNS))})s? (?:on|titled|entitled|called)\W{{0,2}}$", re.I)


def _event_a_talk_is_at(builder: MentionBuilder, index: int, unit: Unit,
                        found: dict) -> str | None:
    """ "Jane Doe and Mark Smith also gave a lightning talk on 'Soil records'" under "Acme team
    exhibits at the Soil Data Summit": a talk the sentence names by its title was given at the
    event the heading says the item goes to, so its speakers spoke there too."""
    start, end = found["evidence"]
    talks = [first for (first, last), _ in _events_in_unit(builder, index)
             if start <= first and last <= end and _TALK_TITLED.search(unit.text[start:first])]
    return _heading_goes_to(builder, unit, unit.text[start:end]) if talks else None


def _events_in_unit(builder: MentionBuilder, index: int) -> list[tuple[tuple[int, int], str]]:
    """The event mentions unit ``index`` names, with their characters, in the order added."""
    return [(chars, mention_id) for (at, chars), mention_id in builder.by_chars.items()
            if at == index and builder.mentions[builder.index(mention_id)].kind is (
                EntityKind.EVENT)]


def _heading_goes_to(builder: MentionBuilder, unit: Unit, sentence: str = "") -> str | None:
    """The one event the heading of a non-event item says someone goes to, if there is one;
    of two or more, the one whose last word the sentence uses ("The workshop is organised by
    …" under "Call for Papers: Acme Workshop at NeurIPS 2030")."""
    gone_to = set(builder.heading_events.get(id(unit.item), ())) if unit.item else set()
    if len(gone_to) > 1:
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        gone_to = {m for m in gone_to
                   if builder.mentions[builder.index(m)].text.split()[-1].lower() in words}
    return gone_to.pop() if len(gone_to) == 1 else None


_OBJECT_KINDS = {
    "affiliation": {EntityKind.ORGANISATION},
    "role": {EntityKind.ORGANISATION},
    "speaker": {EntityKind.PERSON},
    "author": {EntityKind.PERSON},
    "organizer": {EntityKind.ORGANISATION, EntityKind.PERSON},
}


def _named_person(builder: MentionBuilder, text: str) -> bool:
    """ "Rohan Chakraborty" tagged an organisation, where the issue has already named that
    person: the NER's labels vary from sentence to sentence, the name does not."""
    key = names.normalise(strip_title(text))
    return " " in key and key in builder.named_people()


def _kinds_fit(builder: MentionBuilder, relation: str, obj: str) -> bool:
    kinds = _OBJECT_KINDS.get(relation)
    return kinds is None or builder.mentions[builder.index(obj)].kind in kinds


def _resolve(
    builder: MentionBuilder,
    index: int,
    unit: Unit,
    ref: object,
    things: dict[str, str],
    evidence: tuple[int, int] = (0, 0),
) -> str | None:
    """A mention id for a char-offset pair or slot name recorded by a component."""
    if ref == "PARTNERSHIP":  # "join us", "our series": the newsletter's own partnership
        if "PARTNERSHIP" not in things:
            things["PARTNERSHIP"] = builder.add(
                EntityKind.ORGANISATION,
                lexicon.partnership_name(),
                unit.block.source_span(*evidence),
                "partnerkg_event_roles.first_person_host",
                0.7,
                unit.item,
                org_kind="group",
            )
        return things["PARTNERSHIP"]
    if isinstance(ref, str):
        return things.get(ref)
    start, end = (int(x) for x in ref)  # type: ignore[attr-defined]
    if (index, (start, end)) in builder.rejected:
        return None
    mention_id = builder.by_chars.get((index, (start, end)))
    if mention_id is not None:
        mention = builder.mentions[builder.index(mention_id)]
        return mention.attributes.get("refers_to", mention_id)
    text = unit.text[start:end]
    if text[:1].isupper():  # a name the NER did not tag ("Chris' paper", "joined by Jane Doe")
        reference = first_name_reference(builder, text, unit.item)
        if reference:
            return reference["refers_to"]
        if len(text.split()) < 2 or is_role_phrase(text) or lexicon.org_kind_of(text):
            return None  # a lone word with no full name to point to says too little
        return builder.add(
            EntityKind.PERSON,
            text,
            unit.block.source_span(start, end),
            "first_name",
            CONFIDENCE["proposed"],
            unit.item,
        )
    return None


def _set_venue(builder: MentionBuilder, publication_id: str, venue: str) -> None:
    i = builder.index(publication_id)
    mention = builder.mentions[i]
    if "venue" not in mention.attributes:
        attributes = {**mention.attributes, "venue": venue}
        builder.mentions[i] = Mention(
            mention.id,
            mention.kind,
            mention.text,
            mention.span,
            mention.component,
            mention.confidence,
            mention.item_title,
            attributes,
        )
