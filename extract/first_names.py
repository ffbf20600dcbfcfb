"""First names that point to a full name: "Chris' paper", "Dami and Ines", a name in a heading.

A lone capitalised word is a person only when it is the first name (or nickname) of a
full name in the same issue: earlier, later (an ORG the NER made of it), or in its item's
heading, whose name the text's first name confirms.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from partnerkg.extract import lexicon
from partnerkg.extract.mention_builder import CONFIDENCE, MentionBuilder
from partnerkg.extract.model import EntityKind, Item
from partnerkg.extract.name_shape import POST_NOMINALS, looks_like_name
from partnerkg.extract.names import TITLES, normalise
from partnerkg.extract.narrators import FIRST_PERSON
from partnerkg.extract.roles import is_role_phrase
from partnerkg.extract.units import Unit


def first_names_shape(ent: Span) -> bool:
    """ "Dami and Ines", "Rohan": one or two capitalised words (joined by "and") that may be
    first names the NER took for an organisation."""
    pair = len(ent) == 3 and ent[1].lower_ in ("and", "&") and ent[0].is_title
    return (pair and ent[2].is_title) or (len(ent) == 1 and ent[0].is_title)


def as_first_names(builder: MentionBuilder, index: int, unit: Unit, ent: Span) -> bool:
    """First names of people named in the issue, tagged as an ORG ("Rohan's paper", "Dami and
    Ines"), are references to those people; adds them and says so."""
    tokens = [ent[0], ent[2]] if len(ent) == 3 else [ent[0]]
    refs = [(t, first_name_reference(builder, t.text, unit.item)) for t in tokens]
    if not all(ref for _, ref in refs):
        return False
    for token, ref in refs:
        end = token.idx + len(token.text)
        mention_id = builder.add(
            EntityKind.PERSON,
            token.text,
            unit.block.source_span(token.idx, end),
            "first_name",
            CONFIDENCE["ner"],
            unit.item,
            **ref,
        )
        builder.by_chars[(index, (token.idx, end))] = mention_id
    return True


_TITLE_FORMS = frozenset(t + "." for t in TITLES)


def strip_title(text: str) -> str:
    """The name without leading titles ("Prof.") or trailing honours ("MP", "OBE")."""
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") + "." in _TITLE_FORMS:
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".,") in POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


def first_name_reference(builder: MentionBuilder, first: str, item: Item | None) -> dict[str, str]:
    """``refers_to`` the latest full-name mention that starts with this first name or nickname;
    failing that, a full name in the heading of ``item`` (added as a mention then)."""
    if is_role_phrase(first) or lexicon.org_kind_of(first):
        return {}  # "Director", "Institute": a word of a title or of a name, not a first name
    for mention_id in reversed(list(builder.people)):
        mention = builder.people[mention_id]
        if first in _given_names(mention.text):
            return {"refers_to": mention_id}
    heading_name = _heading_full_name(builder, first, item)
    return {"refers_to": heading_name} if heading_name else {}


def surname_reference(builder: MentionBuilder, surname: str) -> dict[str, str]:
    """ "Prof Dwork": ``refers_to`` the latest full-name mention with this surname."""
    for mention_id in reversed(list(builder.people)):
        words = builder.people[mention_id].text.split()
        if len(words) >= 2 and words[-1] == surname:
            return {"refers_to": mention_id}
    return {}


def _given_names(full_name: str) -> list[str]:
    return full_name.replace("(", " ").replace(")", " ").split()[:-1]


def _heading_full_name(builder: MentionBuilder, first: str, item: Item | None) -> str | None:
    """ "### Research Associate Jane Doe presents …" then "Jane said …": the first name in the
    text confirms the heading's name, which the NER alone is not trusted with."""
    for entry in builder.heading_people.get(id(item), []) if item else []:
        if first in _given_names(strip_title(entry[2].text)):
            return _accept_heading_person(builder, entry)
    return None


def confirm_heading_people(builder: MentionBuilder, units: Sequence[Unit],
                           lower_words: set[str]) -> None:
    """ "### New paper from Jane Doe", where the issue's text names Jane Doe as well (in a
    team list, another item): the heading's name is that person. So is a heading that is only
    a name ("### Jane Doe", "### Community Scholar: Jane Doe") over a text in the first person:
    who speaks there."""
    named = builder.named_people()
    speaking = {id(u.item) for u in units
                if u.item is not None and not u.is_heading and FIRST_PERSON.search(u.text)}
    words = lower_words | lexicon.topic_words()
    for entries in builder.heading_people.values():
        for entry in list(entries):
            _, unit, ent = entry
            if normalise(strip_title(ent.text)) in named or (
                    id(unit.item) in speaking and _only_a_name(unit.text, ent)
                    and not any(t.lower_ in words for t in ent)):  # "### Data Journeys"
                _accept_heading_person(builder, entry)


def unlabelled_heading_name(doc: Doc) -> Span | None:
    """ "### Amara Obi", "### Community Scholar: Amara Obi": the two or three proper nouns that
    end a heading, after nothing or a label, where the NER saw nobody; a candidate that
    :func:`confirm_heading_people` accepts only over a text in the first person."""
    if any(e.label_ == "PERSON" for e in doc.ents):
        return None
    colon = max((t.i for t in doc if t.text in (":", "-", "–", "—")), default=-1)
    words = doc[colon + 1 :]
    name = Span(doc, words.start, words.end, label="PERSON")
    if not 2 <= len(words) <= 3 or any(t.pos_ != "PROPN" or t.ent_type_ for t in words):
        return None
    return name if looks_like_name(name) else None


def _only_a_name(heading: str, ent: Span) -> bool:
    """The heading is the name, after at most a role or a label ("Community Scholar:")."""
    before = heading[: ent.start_char].strip()
    return not heading[ent.end_char :].strip(" .!") and (
        not before or before.endswith((":", "-", "–", "—")) or is_role_phrase(before))


def _accept_heading_person(builder: MentionBuilder, entry: tuple[int, Unit, Span]) -> str:
    index, unit, ent = entry
    mention_id = builder.add(
        EntityKind.PERSON,
        strip_title(ent.text),
        unit.block.source_span(ent.start_char, ent.end_char),
        "ner",
        CONFIDENCE["ner"],
        unit.item,
    )
    builder.people[mention_id] = builder.mentions[-1]
    builder.by_chars[(index, (ent.start_char, ent.end_char))] = mention_id
    builder.rejected.discard((index, (ent.start_char, ent.end_char)))
    builder.heading_people[id(unit.item)].remove(entry)
    return mention_id
