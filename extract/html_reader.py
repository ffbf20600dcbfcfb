"""HTML newsletters (and HTML e-mail bodies) to raw blocks, via the standard html.parser.

``html.parser`` reports the position of every tag, text run and character reference,
so each plain-text piece keeps the offset of its characters in the original HTML.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from partnerkg.extract.layout import RawBlock, Role

_BLOCK_TAGS = {"p": Role.PARAGRAPH, "li": Role.LIST_ITEM} | {
    f"h{level}": Role.HEADING for level in range(1, 7)
}
_BREAKING_TAGS = frozenset(
    {
        "div",
        "td",
        "th",
        "tr",
        "table",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "body",
        "header",
        "footer",
        "hr",
        "center",
    }
)
_BOLD_TAGS = frozenset({"strong", "b"})
_HIDDEN_TAGS = frozenset({"head", "script", "style", "title", "template"})


class _BlockCollector(HTMLParser):
    """Turns parser events into :class:`RawBlock` values with source offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # references arrive with their positions
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.blocks: list[RawBlock] = []
        self.current: RawBlock | None = None
        self.hidden = 0
        self.bold = 0
        self.plain_chars = 0

    def position(self) -> int:
        """Character offset of the construct being handled (html.parser gives line, column)."""
        line, column = self.getpos()
        return self.line_starts[min(line - 1, len(self.line_starts) - 1)] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS or tag in _BREAKING_TAGS:
            self.close_block()
            if tag in _BLOCK_TAGS:
                level = int(tag[1]) if tag.startswith("h") else 0
                self.current = RawBlock(_BLOCK_TAGS[tag], self.position(), self.position(), level)
        elif tag in _BOLD_TAGS:
            self.bold += 1
        elif tag == "a":
            self.block().open_link(dict(attrs).get("href") or "")
        elif tag == "br" and self.current is not None:
            self.current.add("\n", self.position())

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS or tag in _BREAKING_TAGS:
            self.close_block()
        elif tag in _BOLD_TAGS:
            self.bold = max(0, self.bold - 1)
        elif tag == "a" and self.current is not None:
            self.current.close_link()

    def handle_data(self, data: str) -> None:
        if self.hidden or (self.current is None and data.isspace()):
            return
        block = self.block()
        block.add_collapsed(data, self.position())
        self.count(data)

    def handle_entityref(self, name: str) -> None:
        self.add_reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.add_reference(f"&#{name};")

    def add_reference(self, reference: str) -> None:
        """A character reference reads as its character, placed at the ``&``."""
        if not self.hidden:
            character = html.unescape(reference)
            self.block().add(" " if character.isspace() else character, self.position())
            self.count(character)

    def count(self, data: str) -> None:
        """Remember whether any visible text fell outside bold markup."""
        if not self.bold and not data.isspace():
            self.plain_chars += 1

    def block(self) -> RawBlock:
        """The open block, or an implicit paragraph for text outside any block tag."""
        if self.current is None:
            self.current = RawBlock(Role.PARAGRAPH, self.position(), self.position())
            self.plain_chars = 0
        return self.current

    def close_block(self) -> None:
        if self.current is None:
            return
        block, self.current = self.current, None
        block.close_link()
        block.end = max(block.end, self.position())
        block.bold = self.plain_chars == 0 and block.role is not Role.LIST_ITEM
        self.plain_chars = 0
        self.blocks.append(block)


def read_html(text: str) -> list[RawBlock]:
    """Headings, paragraphs and list items of an HTML document, in order."""
    collector = _BlockCollector(text)
    collector.feed(text)
    collector.close()
    collector.close_block()
    return collector.blocks
