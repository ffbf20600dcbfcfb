"""Plain-text newsletters to raw blocks, headings found by structure alone.

A heading is a ``#``-prefixed line, a line underlined with ``===`` (section) or
``---`` (item), or a short ALL-CAPS line (section). Blank lines separate paragraphs;
``-``, ``*`` or ``•`` starts a list item. Plain text has no bold, so a one-line
paragraph without closing punctuation stands in for a bold line (dates, sub-headings).
"""

from __future__ import annotations

import re

from partnerkg.extract.layout import RawBlock, Role

_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)?")
_HASH_HEADING = re.compile(r"(#{1,6})\s+")
_UNDERLINE = re.compile(r"(=+|-+)\s*")
_BULLET = re.compile(r"(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = (".", "!", ",", ";")  # a question may stand alone, as bold ones do
_MAX_CAPS_HEADING = 100
_MAX_STANDALONE = 200  # a paper's title may run long; prose ends its sentence


def read_text(text: str) -> list[RawBlock]:
    """Headings, paragraphs and list items of a plain-text document, in order."""
    lines = [(match.start(), match.group().rstrip("\r\n")) for match in _LINE.finditer(text)]
    blocks: list[RawBlock] = []
    paragraph: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        start, line = lines[index]
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        heading = _heading_level(line, following)
        if not line.strip() or heading or _BULLET.match(line.lstrip()):
            blocks.extend(_paragraph(paragraph))
            paragraph = []
        if heading:
            blocks.append(_heading(start, line, heading))
            index += 2 if _UNDERLINE.fullmatch(following) and line.strip() else 1
            continue
        if _BULLET.match(line.lstrip()):
            indent = len(line) - len(line.lstrip())
            bullet = _BULLET.match(line.lstrip())
            skip = indent + (bullet.end() if bullet else 0)
            paragraph = [(start + skip, line[skip:])]
            blocks.extend(_paragraph(paragraph, Role.LIST_ITEM))
            paragraph = []
        elif line.strip():
            paragraph.append((start, line))
        index += 1
    blocks.extend(_paragraph(paragraph))
    return blocks


def _heading_level(line: str, following: str) -> int:
    """2 or 3 for a heading line (given the line after it), else 0."""
    hashes = _HASH_HEADING.match(line)
    if hashes:
        return min(len(hashes.group(1)), 3)
    if line.strip() and _UNDERLINE.fullmatch(following) and len(following.strip()) >= 3:
        return 2 if following.startswith("=") else 3
    letters = [character for character in line if character.isalpha()]
    return 2 if len(letters) >= 3 and line.isupper() and len(line) <= _MAX_CAPS_HEADING else 0


def _heading(start: int, line: str, level: int) -> RawBlock:
    hashes = _HASH_HEADING.match(line)
    skip = hashes.end() if hashes else 0
    block = RawBlock(Role.HEADING, start, start + len(line), level=level)
    block.add(line[skip:].strip(), start + skip)
    return block


def _paragraph(lines: list[tuple[int, str]], role: Role = Role.PARAGRAPH) -> list[RawBlock]:
    """One block from consecutive lines; a lone short line counts as a bold line, and so does
    each of a stack of them ("Registration deadline: 1 May" over "Event: 12 May"), where
    wrapped prose has a line that ends a sentence or starts in lower case."""
    if not lines:
        return []
    if role is Role.PARAGRAPH and len(lines) > 1 and all(
            _standalone(line) and not line.lstrip()[:1].islower() for _, line in lines):
        return [block for line in lines for block in _paragraph([line])]
    block = RawBlock(role, lines[0][0], lines[-1][0] + len(lines[-1][1]))
    for number, (start, line) in enumerate(lines):
        if number:
            block.add(" ", start - 1)
        block.add(line, start)
    block.bold = role is Role.PARAGRAPH and len(lines) == 1 and _standalone(lines[0][1])
    return [block]


def _standalone(line: str) -> bool:
    """A short line that ends no sentence: a date, a label, a sub-heading."""
    text = line.strip()
    return len(text) <= _MAX_STANDALONE and not text.endswith(_SENTENCE_END)
