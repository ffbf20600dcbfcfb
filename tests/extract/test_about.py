"""An item's event, paper or opportunity is about the scheme topics the item names."""

from __future__ import annotations

from partnerkg.extract.about import with_topic_links
from partnerkg.extract.model import (
    EntityKind,
    Extraction,
    Mention,
    Newsletter,
    Relation,
    SourceSpan,
)

SPAN = SourceSpan("n.md", 0, 5, "x")
CAUSAL = "https://w3id.org/partnerkg/topic/causal-inference"


def _mention(n: int, kind: EntityKind, item: str, **attributes: str) -> Mention:
    return Mention(f"2025-01/m{n}", kind, f"m{n}", SPAN, "test", 0.9, item, attributes)


def _extraction(*mentions: Mention) -> Extraction:
    newsletter = Newsletter("n.md", "2025-01", "", (), "h")
    return Extraction(newsletter, mentions, ())


def test_event_is_about_each_scheme_topic_of_its_item_once() -> None:
    extraction = _extraction(
        _mention(1, EntityKind.EVENT, "Talk"),
        _mention(2, EntityKind.TOPIC, "Talk", concept=CAUSAL),
        _mention(3, EntityKind.TOPIC, "Talk", concept=CAUSAL),
        _mention(4, EntityKind.PERSON, "Talk"),
    )
    links = [a for a in with_topic_links(extraction).assertions if a.relation is Relation.ABOUT]
    assert [(a.subject, a.object) for a in links] == [("2025-01/m1", "2025-01/m2")]
    assert links[0].confidence < 0.9  # weaker than the topic match itself


def test_topics_of_other_items_and_proposed_phrases_are_not_linked() -> None:
    extraction = _extraction(
        _mention(1, EntityKind.PUBLICATION, "Paper"),
        _mention(2, EntityKind.TOPIC, "Other item", concept=CAUSAL),
        _mention(3, EntityKind.TOPIC, "Paper", proposed="true"),
    )
    assert with_topic_links(extraction).assertions == ()
