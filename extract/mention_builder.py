"""The mentions and assertions of one newsletter while it is assembled, and their indexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from partnerkg.extract.model import (
    Assertion,
    EntityKind,
    Item,
    Mention,
    Newsletter,
    Relation,
    SourceSpan,
)
from partnerkg.extract.names import normalise
from partnerkg.extract.units import Unit

CONFIDENCE = {"rule": 0.9, "heading": 0.9, "ner": 0.6, "proposed": 0.4}


@dataclass
class MentionBuilder:
    """Numbering and indexes while one newsletter is assembled."""

    newsletter: Newsletter
    mentions: list[Mention] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    by_chars: dict[tuple[int, tuple[int, int]], str] = field(default_factory=dict)
    people: dict[str, Mention] = field(default_factory=dict)
    later_first_names: list[tuple[int, Unit, Span]] = field(default_factory=list)
    heading_people: dict[int, list[tuple[int, Unit, Span]]] = field(default_factory=dict)
    rejected: set[tuple[int, tuple[int, int]]] = field(default_factory=set)
    # per item whose heading is an event: that event's mention id
    event_items: dict[int, str] = field(default_factory=dict)
    # per item: an event named in its text, by name without a closing year -> mention id
    item_events: dict[int, dict[str, str]] = field(default_factory=dict)
    # per non-event item: the events its heading says someone goes to -> mention ids
    heading_events: dict[int, list[str]] = field(default_factory=dict)
    asserted: set[tuple[str, Relation, str, str]] = field(default_factory=set)
    # mentions a later one replaced (a heading that only announced a paper)
    superseded: set[str] = field(default_factory=set)

    def named_people(self) -> set[str]:
        """The normalised full names of the people named so far."""
        return {normalise(m.text) for m in self.people.values()}

    def mention_at(self, index: int, span: Span) -> str | None:
        """The mention made of ``span`` in unit ``index``, if one was."""
        return self.by_chars.get((index, (span.start_char, span.end_char)))

    def index(self, mention_id: str) -> int:
        """Position of a mention in ``mentions`` (ids are numbered in order)."""
        return int(mention_id.rsplit("/m", 1)[1]) - 1

    def add(
        self,
        kind: EntityKind,
        text: str,
        span: SourceSpan,
        component: str,
        confidence: float,
        item: Item | None,
        **attributes: str,
    ) -> str:
        mention_id = f"{self.newsletter.issue_month}/m{len(self.mentions) + 1}"
        title = item.title if item is not None else None
        self.mentions.append(
            Mention(mention_id, kind, text, span, component, confidence, title, attributes)
        )
        return mention_id

    def assert_(
        self,
        subject: str,
        relation: Relation,
        obj: str,
        evidence: SourceSpan,
        component: str,
        confidence: float,
        **attributes: str,
    ) -> None:
        if subject == obj:
            return
        key = (subject, relation, obj, attributes.get("title", ""))
        if key in self.asserted:
            return
        self.asserted.add(key)
        self.assertions.append(
            Assertion(subject, relation, obj, evidence, component, confidence, attributes)
        )
