"""The extraction cache round-trips every stage value exactly."""

from __future__ import annotations

import datetime as dt

from partnerkg.codec import from_json, to_json
from partnerkg.extract.model import (
    Assertion,
    Block,
    BlockKind,
    DatedLine,
    DateLabel,
    EntityKind,
    Extraction,
    Item,
    Link,
    Mention,
    Newsletter,
    Relation,
    Section,
    SourceSpan,
)


def _extraction() -> Extraction:
    span = SourceSpan("a.md", 10, 20, "Ada Byron")
    block = Block(
        BlockKind.PARAGRAPH,
        "Ada Byron spoke.",
        span,
        links=(Link("paper", "https://doi.org/10.1/x", span, doi="10.1/x"),),
        offsets=((0, 10, 16),),
    )
    item = Item(
        "Talk",
        span,
        "Events",
        (block,),
        dated_lines=(DatedLine(DateLabel.DATE, "", dt.date(2025, 1, 2), None, span),),
    )
    newsletter = Newsletter("a.md", "2025-01", "text", (Section("Events", None, (), (item,)),), "h")
    mention = Mention("2025-01/m1", EntityKind.PERSON, "Ada Byron", span, "ner", 0.9,
                      attributes={"x": "y"})
    assertion = Assertion("2025-01/m1", Relation.SPEAKER, "2025-01/m2", span, "rule", 0.8)
    return Extraction(newsletter, (mention,), (assertion,))


def test_extraction_round_trips_through_json() -> None:
    extraction = _extraction()
    assert from_json(to_json(extraction), Extraction) == extraction


def test_round_trip_keeps_enum_and_date_types() -> None:
    back = from_json(to_json(_extraction()), Extraction)
    assert back.mentions[0].kind is EntityKind.PERSON
    assert back.newsletter.items[0].dated_lines[0].start == dt.date(2025, 1, 2)
