"""The pieces of a newsletter the pipeline reads, each one plain text with its source map.

Every block of the preamble, of each section and of each item, plus each item
heading (as a one-run block over its ``title_span``), in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from partnerkg.extract.model import Block, BlockKind, Item, Newsletter, Section


@dataclass(frozen=True, slots=True)
class Unit:
    """One text the pipeline runs over, and where it sits in the newsletter."""

    block: Block
    section: Section | None
    item: Item | None
    is_heading: bool = False

    @property
    def text(self) -> str:
        return self.block.text


def units_of(newsletter: Newsletter) -> list[Unit]:
    """All texts of ``newsletter`` in reading order."""
    units = [Unit(block, None, None) for block in newsletter.preamble]
    for section in newsletter.sections:
        units.extend(Unit(block, section, None) for block in section.blocks)
        for item in section.items:
            units.append(Unit(_heading_block(item), section, item, is_heading=True))
            units.extend(Unit(block, section, item) for block in item.blocks)
    return units


def _heading_block(item: Item) -> Block:
    """The heading as a block; its source map aligns the plain title with the raw heading
    (which may still hold link markup)."""
    span = item.title_span
    if span.text == item.title:
        offsets: tuple[tuple[int, int, int], ...] = ((0, span.start, len(item.title)),)
    else:
        matcher = SequenceMatcher(None, item.title, span.text, autojunk=False)
        offsets = tuple(
            (a, span.start + b, size) for a, b, size in matcher.get_matching_blocks() if size
        )
    return Block(BlockKind.BOLD_LINE, item.title, span, (), offsets)
