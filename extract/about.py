"""What an item is about: link its event, publication or opportunity to its topics.

A news item is one story, so the topic-scheme concepts named in its heading or body
are what the item's main things are about. Only concepts from the configured scheme
count (a mention with a ``concept``); proposed keyphrases do not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from partnerkg.extract.model import Assertion, EntityKind, Extraction, Mention, Relation

COMPONENT = "partnerkg_topic_links"
SUBJECT_KINDS = (EntityKind.EVENT, EntityKind.PUBLICATION, EntityKind.OPPORTUNITY)
# Item-level co-occurrence is weaker evidence than the topic match itself.
CONFIDENCE_FACTOR = 0.8


def with_topic_links(extraction: Extraction) -> Extraction:
    """``extraction`` plus an ``about`` assertion from each item's things to its topics."""
    by_item: dict[str, list[Mention]] = defaultdict(list)
    for mention in extraction.mentions:
        if mention.item_title is not None:
            by_item[mention.item_title].append(mention)
    links: list[Assertion] = []
    for mentions in by_item.values():
        things = [m for m in mentions if m.kind in SUBJECT_KINDS]
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


def _first_per_concept(topics: object) -> list[Mention]:
    first: dict[str, Mention] = {}
    for topic in topics:  # type: ignore[attr-defined]
        concept = topic.attributes.get("concept")
        if concept and concept not in first:
            first[concept] = topic
    return list(first.values())
