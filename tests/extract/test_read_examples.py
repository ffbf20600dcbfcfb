"""The bundled fictional examples read like the real corpus: items, dates, clean links."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from partnerkg.extract import discover, read
from partnerkg.extract.model import BlockKind, DateLabel, Newsletter


@pytest.fixture(scope="module")
def examples(examples_dir: Path) -> list[Newsletter]:
    return [read(path) for path in discover([examples_dir]).files]


def test_three_issues_in_two_formats(examples: list[Newsletter]) -> None:
    assert [n.issue_month for n in examples] == ["2025-01", "2025-02", "2025-03"]
    assert {Path(n.source).suffix for n in examples} == {".md", ".html"}


def test_every_issue_has_dated_items_and_a_team_list(examples: list[Newsletter]) -> None:
    for newsletter in examples:
        labels = {line.label for item in newsletter.items for line in item.dated_lines}
        assert {DateLabel.DATE, DateLabel.REGISTRATION_DEADLINE} & labels, newsletter.source
        assert any(line.end for item in newsletter.items for line in item.dated_lines)
        team = newsletter.items[-1]
        assert sum(block.kind is BlockKind.LIST_ITEM for block in team.blocks) >= 5


def test_links_are_unwrapped_and_carry_no_recipient(examples: list[Newsletter]) -> None:
    for newsletter in examples:
        exported = repr(dataclasses.replace(newsletter, text=""))
        for marker in ("safelinks", "elink", "sam.reader", "%40larkspur", "_cldee", "recipientid"):
            assert marker not in exported, (newsletter.source, marker)
    dois = {link.doi for n in examples for item in n.items for link in item.links}
    assert "10.5555/lmhp.2025.0117" in dois


def test_spans_of_every_format_point_at_their_words(examples: list[Newsletter]) -> None:
    for newsletter in examples:
        blocks = [*newsletter.preamble, *(b for s in newsletter.sections for b in s.blocks)]
        blocks += [block for item in newsletter.items for block in item.blocks]
        for block in blocks:
            for start in range(0, len(block.text), 7):
                end = min(len(block.text), start + 25)
                span = block.source_span(start, end)
                original = newsletter.text[span.start : span.end]
                words = re.findall(r"\w+", block.text[start:end])[1:-1]
                assert all(word in original for word in words), original
