"""The format-neutral shape every reader produces before sections and items are built.

Each format (markdown, HTML, e-mail, plain text) only has to say which blocks it saw,
their plain text piece by piece with the source offset of each piece, and where the
links are; :mod:`partnerkg.extract.assemble` does the rest once for all formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

_WHITESPACE_OR_WORD = re.compile(r"\s+|\S+")
# Typographic quotes and fixed-width spaces read as their plain forms, one character for
# one so offsets stay valid: rules and name matching then see one spelling ("O’Brien" is
# "O'Brien"), and the tokenizer splits on a non-breaking space as on any other.
_PLAIN_FORMS = str.maketrans(
    {
        **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f", " "),
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
    }
)


class Role(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"


@dataclass(slots=True)
class RawLink:
    """A link over plain-text positions ``[start, end)`` of its block."""

    start: int
    end: int
    href: str


@dataclass(slots=True)
class RawBlock:
    """One block as a reader saw it: plain-text pieces with their source offsets.

    ``level`` is the heading level (2 = section, 3 = item); ``bold`` marks a block
    that is bold as a whole, the place newsletters put dates and item headings.
    """

    role: Role
    start: int
    end: int
    level: int = 0
    bold: bool = False
    pieces: list[tuple[str, int | None]] = field(default_factory=list)
    links: list[RawLink] = field(default_factory=list)
    _open_link: tuple[int, str] | None = None

    @property
    def length(self) -> int:
        return sum(len(text) for text, _ in self.pieces)

    def add(self, text: str, source: int | None) -> None:
        """Append ``text`` found at ``source`` (None when the text is synthetic)."""
        if text:
            self.pieces.append((text.translate(_PLAIN_FORMS), source))

    def add_collapsed(self, text: str, source: int) -> None:
        """Append markup text whose whitespace runs read as one space (HTML, e-mail)."""
        for match in _WHITESPACE_OR_WORD.finditer(text):
            if not match.group().isspace():
                self.add(match.group(), source + match.start())
            elif self.pieces and not self.pieces[-1][0].endswith((" ", "\n")):
                self.add(" ", source + match.start())

    def open_link(self, href: str) -> None:
        self._open_link = (self.length, href)

    def close_link(self) -> None:
        if self._open_link is not None:
            start, href = self._open_link
            self.links.append(RawLink(start, self.length, href))
            self._open_link = None
