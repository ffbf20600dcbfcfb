"""Doc extension attributes the partnerkg components share.

Components record what they find as plain data keyed by character offsets, so
the state survives ``nlp.pipe(n_process>1)`` (it travels in ``doc.user_data``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TypedDict

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token


class Found(TypedDict, total=False):
    """One relation a rule found: subject/object are ``(start_char, end_char)`` or a slot.

    A slot (``"EVENT"``, ``"PUBLICATION"``) stands for the thing the item is about;
    ``mentions`` binds it once the item's heading has been read. ``NARRATOR`` stands for
    the person a first-person text is by (``narrators``).
    """

    relation: str
    subject: tuple[int, int] | str
    object: tuple[int, int] | str
    evidence: tuple[int, int]
    rule: str
    confidence: float
    attributes: dict[str, str]


NARRATOR = "NARRATOR"  # the slot of the person "I" is
RELATIONS = "pkg_relations"
ORG_ATTRIBUTES = "pkg_org_attributes"  # start_char -> {"acronym": …, "org_kind": …}
PUBLICATION_TITLES = "pkg_publication_titles"  # doc.spans key
LINKED_TITLES = "pkg_linked_titles"  # doc.spans key: texts of DOI links, set before the pipeline
VENUES = "pkg_venues"  # doc.spans key
TOPICS = "pkg_topics"  # doc.spans key
EVENTS = "pkg_events"  # doc.spans key: events named in running text
DOUBTFUL_ORGS = "pkg_doubtful_orgs"  # doc.spans key: NER ORG spans the organisation rules rejected
_TEXT = "pkg_text"  # doc.user_data key: the doc's text, read once


def register_extensions() -> None:
    """Declare the extensions once (idempotent: components call it at creation)."""
    if not Doc.has_extension(RELATIONS):
        Doc.set_extension(RELATIONS, default=None)
    if not Doc.has_extension(ORG_ATTRIBUTES):
        Doc.set_extension(ORG_ATTRIBUTES, default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every access, read once: no
    component changes the characters (retokenizing and entities keep them)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def relations(doc: Doc) -> list[Found]:
    """The doc's relation list, created on first use."""
    found = doc._.get(RELATIONS)
    if found is None:
        found = []
        doc._.set(RELATIONS, found)
    return found


def org_attributes(doc: Doc) -> dict[int, dict[str, str]]:
    """Per-organisation attributes keyed by the organisation's start character."""
    found = doc._.get(ORG_ATTRIBUTES)
    if found is None:
        found = {}
        doc._.set(ORG_ATTRIBUTES, found)
    return found


def chars(span: Span) -> tuple[int, int]:
    return (span.start_char, span.end_char)


def bracketed_capitals(span: Span) -> Token | None:
    """The all-capitals token of "(ACRONYM)" right after ``span``, if there is one."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        return doc[span.end + 1] if doc[span.end + 1].is_upper else None
    return None


def overlaps(a: Span, b: Span) -> bool:
    """The two spans share a token."""
    return a.start < b.end and b.start < a.end


def glued_dash(token: Token) -> bool:
    """A hyphen or en dash written without spaces on either side ("Turing-Roche")."""
    return token.text in ("-", "–") and token.i > 0 and not token.whitespace_ and not (
        token.nbor(-1).whitespace_)


def ents_by_start(doc: Doc, label: str) -> dict[int, Span]:
    """The doc's ``label`` entities by their first token."""
    return {e.start: e for e in doc.ents if e.label_ == label}


def tokens_in(doc: Doc, lowered: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """The tokens whose lower-case text is one of ``lowered``, found in the doc's array of
    word ids rather than token by token (a Python loop over every token costs most of a
    rule)."""
    ids = _word_ids(lowered)
    return [doc[i] for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in ids]


@cache
def _word_ids(lowered: tuple[str, ...] | frozenset[str]) -> frozenset[int]:
    """Word ids are hashes of the text, the same in every vocabulary."""
    strings = StringStore()
    return frozenset(strings.add(word) for word in lowered)


def camel_case(word: str) -> bool:
    """ "DeepMind", "AstraZeneca": a capital after a lower-case letter, which a company's name
    may have and a place's does not."""
    return re.search(r"[a-z][A-Z]", word) is not None


def only_glue_between(text: str, spans: list[Span], start: int, end: int,
                      glue: re.Pattern[str]) -> bool:
    """``text[start:end]`` holds ``spans`` (in order) and, around them, only what ``glue``
    matches: "Jane Doe, John Roe and Ann Poe" is a line of names and nothing else."""
    bounds = [start, *(c for s in spans for c in (s.start_char, s.end_char)), end]
    return all(glue.fullmatch(text[bounds[i] : bounds[i + 1]]) for i in range(0, len(bounds), 2))
