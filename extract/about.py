"""What an item is about: link its event, publication or opportunity to its topics.

A news item is one story, so the topic-scheme concepts named in its heading or body
are what the item's main things are about; so is a section's own text that presents a
paper ("## Publication of the Month" over a bold title and its description), for that
paper. Only concepts from the configured scheme count (a mention with a ``concept``);
proposed keyphrases do not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from partnerkg.extract.model import (
    Assertion,
    EntityKind,
    Extraction,
    Mention,
    Newsletter,
    Relation,
)
from partnerkg.extract.publications import PUBLICATION_SECTION

COMPONENT = "partnerkg_topic_links"
SUBJECT_KINDS = (EntityKind.EVENT, EntityKind.PUBLICATION, EntityKind.OPPORTUNITY)
# Item-level co-occurrence is weaker evidence than the topic match itself.
CONFIDENCE_FACTOR = 0.8


def with_topic_links(extraction: Extraction) -> Extraction:
    """``extraction`` plus an ``about`` assertion from each item's things to its topics."""
    by_item: dict[str, list[Mention]] = defaultdict(list)
    by_section: dict[int, list[Mention]] = defaultdict(list)
    section_at = _papers_sections_own_text(extraction.newsletter)
    for mention in extraction.mentions:
        if mention.item_title is not None:
            by_item[mention.item_title].append(mention)
        elif (section := section_at(mention.span.start)) is not None:
            by_section[section].append(mention)
    stories = [(mentions, SUBJECT_KINDS) for mentions in by_item.values()] + [
        (mentions, (EntityKind.PUBLICATION,)) for mentions in by_section.values()]
    links: list[Assertion] = []
    for mentions, kinds in stories:
        things = [m for m in mentions if m.kind in kinds]
        topics = _first_per_concept(m for m in mentions if m.kind is EntityKind.TOPIC)
        links += [
            Assertion(
                thing.id,
                Relation.ABOUT,
                topic.id,
                topic.span,
                COMPONENT,
                round(topic.confidence * CONFIDENCE_FACTOR, 3),
            )
            for thing in things
            for topic in topics
        ]
    return replace(extraction, assertions=extraction.assertions + tuple(links))


def _papers_sections_own_text(newsletter: Newsletter) -> Callable[[int], int | None]:
    """A lookup from a source offset to the index of the papers section whose own text
    (before its first item) holds it."""
    ranges = [(block.span.start, block.span.end, index)
              for index, section in enumerate(newsletter.sections)
              if PUBLICATION_SECTION.search(section.title) for block in section.blocks]

    def section_at(offset: int) -> int | None:
        return next((index for start, end, index in ranges if start <= offset < end), None)

    return section_at


def _first_per_concept(topics: object) -> list[Mention]:
    first: dict[str, Mention] = {}
    for topic in topics:  # type: ignore[attr-defined]
        concept = topic.attributes.get("concept")
        if concept and concept not in first:
            first[concept] = topic
    return list(first.values())
