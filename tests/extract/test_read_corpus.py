"""The reader on all real newsletters: every item and dated line, exact offsets, no tracking."""

from __future__ import annotations

import calendar
import dataclasses
import random
import re
from pathlib import Path

import pytest

from partnerkg.extract import read
from partnerkg.extract.model import Block, Newsletter

pytestmark = pytest.mark.corpus

_MONTH = re.compile(r"\b(?:" + "|".join(calendar.month_name[1:]) + r")\b")
_BOLD_WITH_NUMBER = re.compile(r"^\*\*(?P<body>[^\[\]]*\d[^\[\]]*)\*\*\s*$")
_WORD = re.compile(r"\w+")
_TRACKING = ("safelinks", "elink.", "_cldee", "recipientid", "esid=", "%40", "sdata")


@pytest.fixture(scope="module")
def newsletters(corpus_dir: Path) -> dict[Path, Newsletter]:
    return {path: read(path) for path in sorted(corpus_dir.glob("*.md"))}


def _expected_counts(path: Path) -> tuple[int, int]:
    """Independent count: ``### `` lines (and ``## `` lines over a date line, items at the wrong
    level) and bold lines naming a month and a number in items."""
    lines = path.read_text(encoding="utf-8").splitlines()
    has_items = any(line.startswith("### ") for line in lines)
    inside_item, dated, headings = False, 0, 0

    def is_date(line: str) -> bool:
        bold = _BOLD_WITH_NUMBER.match(line)
        return bool(bold and _MONTH.search(bold.group("body")))

    for index, line in enumerate(lines):
        following = next((n for n in lines[index + 1 :] if n.strip()), "")
        if line.startswith("## "):
            inside_item = not has_items  # early issues: bold titles open items
            if has_items and is_date(following):
                inside_item = True
                headings += 1
        if line.startswith("### "):
            inside_item = True
            headings += 1
        dated += inside_item and is_date(line)
    return headings, dated


def test_all_corpus_files_are_read(newsletters: dict[Path, Newsletter]) -> None:
    assert len(newsletters) == 25
    for path, newsletter in newsletters.items():
        assert newsletter.issue_month == path.stem, path


def test_every_item_and_dated_line_is_found(newsletters: dict[Path, Newsletter]) -> None:
    for path, newsletter in newsletters.items():
        headings, dated = _expected_counts(path)
        if headings:
            assert len(newsletter.items) == headings, path
        found = sum(len(item.dated_lines) for item in newsletter.items)
        assert found == dated, path


@pytest.mark.parametrize("month", ["2022-03", "2022-04"])
def test_issues_without_item_headings_get_items_from_bold_titles(
    newsletters: dict[Path, Newsletter], month: str
) -> None:
    newsletter = next(n for n in newsletters.values() if n.issue_month == month)
    assert len(newsletter.items) >= 8
    assert all(item.title and not item.title.startswith("*") for item in newsletter.items)
    assert sum(bool(item.dated_lines) for item in newsletter.items) >= 4


def _all_blocks(newsletter: Newsletter) -> list[Block]:
    blocks = list(newsletter.preamble)
    for section in newsletter.sections:
        blocks.extend(section.blocks)
        for item in section.items:
            blocks.extend(item.blocks)
    return blocks


def test_plain_text_maps_back_to_the_same_words(newsletters: dict[Path, Newsletter]) -> None:
    chooser = random.Random(7)
    for newsletter in newsletters.values():
        for block in _all_blocks(newsletter):
            for _ in range(4):
                start = chooser.randrange(len(block.text))
                end = chooser.randrange(start, len(block.text) + 1)
                span = block.source_span(start, end)
                original = newsletter.text[span.start : span.end]
                whole_words = _WORD.findall(block.text[start:end])[1:-1]
                assert all(word in original for word in whole_words), (
                    block.text[start:end],
                    original,
                )
                assert span.text == block.text[start:end]


def test_titles_and_links_point_at_their_text(newsletters: dict[Path, Newsletter]) -> None:
    for newsletter in newsletters.values():
        for item in newsletter.items:
            first_word = _WORD.findall(item.title)[0]
            assert first_word in newsletter.text[item.title_span.start : item.title_span.end]
            for link in item.links:
                words = _WORD.findall(link.text)
                original = newsletter.text[link.span.start : link.span.end]
                assert all(word in original for word in words), link


def test_no_tracking_survives_outside_the_raw_source(newsletters: dict[Path, Newsletter]) -> None:
    """Recipient addresses and tracking ids only ever live in ``Newsletter.text`` (raw source)."""
    for newsletter in newsletters.values():
        exported = repr(dataclasses.replace(newsletter, text=""))
        for marker in _TRACKING:
            assert marker not in exported, (newsletter.source, marker)
        # Addresses may appear only as visible text the newsletter printed, never in targets.
        for block in _all_blocks(newsletter):
            for link in block.links:
                assert "@" not in link.target or link.target.startswith("mailto:"), link.target


def test_dois_are_recognised_in_real_targets(newsletters: dict[Path, Newsletter]) -> None:
    dois = {link.doi for n in newsletters.values() for item in n.items for link in item.links}
    assert any(doi and doi.startswith("10.1007/") for doi in dois)
