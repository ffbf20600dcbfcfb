"""Typed, frozen values that flow between the stages of DESIGN.md's data flow.

``read`` produces a :class:`Newsletter`; ``extract`` an :class:`Extraction` of
:class:`Mention` and :class:`Assertion`; ``resolve`` a :class:`Resolved` graph of
:class:`Entity` and :class:`Fact`. Every piece of text keeps a :class:`SourceSpan`
so any fact can be traced back to the characters that said it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Characters ``[start, end)`` of the original (undecoded-markup) text of ``file``."""

    file: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink with its tracking wrappers removed; ``target`` is the real URL."""

    text: str
    target: str
    span: SourceSpan
    doi: str | None = None


class DateLabel(StrEnum):
    """What a dated line dates: the item's own date, or a deadline of some kind."""

    DATE = "date"
    DEADLINE = "deadline"
    REGISTRATION_DEADLINE = "registration deadline"
    APPLICATION_DEADLINE = "application deadline"
    SUBMISSION_DEADLINE = "submission deadline"
    EVENT = "event"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class DatedLine:
    """A line such as ``**Deadline: 22 December 2024**`` resolved to dates."""

    label: DateLabel
    raw_label: str
    start: dt.date
    end: dt.date | None
    span: SourceSpan


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    BOLD_LINE = "bold_line"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or list item as plain text (link markup removed).

    ``offsets`` maps runs of ``text`` back to the original file: each triple is
    ``(text_start, source_start, length)``; use :meth:`source_span`.
    """

    kind: BlockKind
    text: str
    span: SourceSpan
    links: tuple[Link, ...] = ()
    offsets: tuple[tuple[int, int, int], ...] = ()

    def source_span(self, start: int, end: int) -> SourceSpan:
        """Map ``text[start:end]`` to the original file's characters."""
        last = _to_source(self.offsets, max(start, end - 1), self.span.start)
        return SourceSpan(
            self.span.file,
            _to_source(self.offsets, start, self.span.start),
            last + (1 if end > start else 0),
            self.text[start:end],
        )


def _to_source(offsets: tuple[tuple[int, int, int], ...], pos: int, default: int) -> int:
    """Source offset of plain-text position ``pos`` (nearest run when it falls in a gap)."""
    best = default
    for text_start, source_start, length in offsets:
        if text_start <= pos < text_start + length:
            return source_start + (pos - text_start)
        if text_start <= pos:
            best = source_start + length
    return best


@dataclass(frozen=True, slots=True)
class Item:
    """A ``###`` item: a heading, its dated lines and its body."""

    title: str
    title_span: SourceSpan
    section: str
    blocks: tuple[Block, ...]
    dated_lines: tuple[DatedLine, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A ``##`` section; ``blocks`` is the body before its first item (e.g. a team list)."""

    title: str
    title_span: SourceSpan | None
    blocks: tuple[Block, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Newsletter:
    """One newsletter issue as read from one file."""

    source: str
    issue_month: str  # "YYYY-MM"
    text: str
    sections: tuple[Section, ...]
    content_hash: str
    preamble: tuple[Block, ...] = ()

    @property
    def issue_date(self) -> dt.date:
        year, month = self.issue_month.split("-")
        return dt.date(int(year), int(month), 1)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    EVENT = "event"
    PUBLICATION = "publication"
    TOPIC = "topic"
    PLACE = "place"
    OPPORTUNITY = "opportunity"
    PROGRAMME = "programme"


class Relation(StrEnum):
    """Relations the extractor asserts; graph.build maps each to ontology terms."""

    AFFILIATION = "affiliation"  # person -> organisation
    ROLE = "role"  # person -> organisation, attributes: title
    SPEAKER = "speaker"  # event -> person
    ORGANIZER = "organizer"  # event -> organisation | person
    AUTHOR = "author"  # publication -> person
    VENUE = "venue"  # publication -> organisation (publisher/journal name as literal attr)
    LOCATION = "location"  # event -> place
    ABOUT = "about"  # event | publication | opportunity -> topic
    PART_OF_SERIES = "part_of_series"  # event -> event (series)
    OFFERED_BY = "offered_by"  # opportunity -> organisation
    PART_OF = "part_of"  # organisation -> organisation (sub-unit)
    MEMBER_OF = "member_of"  # person -> programme


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text, as the pipeline found it.

    ``attributes`` holds kind-specific values: ``start_date``/``end_date`` (ISO)
    for events, ``doi``/``venue``/``url`` for publications, ``org_kind`` for
    organisations, ``deadline`` for opportunities, ``concept`` for topics.
    """

    id: str
    kind: EntityKind
    text: str
    span: SourceSpan
    component: str
    confidence: float
    item_title: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Assertion:
    """``subject --relation--> object`` between mention ids, with its evidence."""

    subject: str
    relation: Relation
    object: str
    evidence: SourceSpan
    component: str
    confidence: float
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one newsletter."""

    newsletter: Newsletter
    mentions: tuple[Mention, ...]
    assertions: tuple[Assertion, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, merged from its mentions across issues."""

    key: str  # stable, percent-safe local name used to mint the IRI
    kind: EntityKind
    name: str
    alternate_names: tuple[str, ...]
    mention_ids: tuple[str, ...]
    issues: tuple[str, ...]  # issue months it is mentioned in
    attributes: Mapping[str, str] = field(default_factory=dict)
    #: issue months whose own text dates it: only their named graphs state its dates
    dated_in: tuple[str, ...] = ()


#: Attributes an issue states about a thing (an event's dates, a deadline), not what it is
DATE_ATTRIBUTES = frozenset({"start_date", "end_date", "deadline"})


@dataclass(frozen=True, slots=True)
class Fact:
    """A resolved assertion between entity keys (or to a literal), stated in one issue."""

    subject: str
    relation: Relation
    object: str
    issue_month: str
    evidence: SourceSpan
    component: str
    confidence: float
    item_title: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IssueRecord:
    """What graph.build needs to know about one newsletter issue."""

    issue_month: str
    source: str
    content_hash: str
    entity_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolved:
    """The resolved network: entities, facts, and the issues they came from."""

    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    issues: tuple[IssueRecord, ...]
