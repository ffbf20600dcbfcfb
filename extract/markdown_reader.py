"""Markdown newsletters to raw blocks, via markdown-it-py.

Block tokens carry line ranges (``token.map``); each inline token is then located in
the block's source, left to right, so every plain-text piece keeps its file offset.
Link destinations are skipped with markdown-it's own parser so that short text never
matches inside a URL. Long plain URLs (Outlook safelinks run to 1,500 characters) reach
markdown-it as short stand-ins: it scans destinations a character at a time, which made
reading a third of the build's own cost. Offsets are unaffected, because blocks are placed
by line and inline text is found in the original source.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination
from markdown_it.token import Token

from partnerkg.extract.layout import RawBlock, RawLink, Role

_NEWLINE = re.compile(r"\r\n?|\n")  # the same line breaks markdown-it counts
_BOLD_MARKS = ("**", "__")
_Handler = Callable[[RawBlock, Token, str, int, int], int]
# A URL markdown-it would pass through unchanged (no normalisation, no validation veto).
_LONG_URL = re.compile(r"\]\((https?://(?:[A-Za-z0-9_.~:/?#@!$&'*+,;=-]|%[0-9A-Fa-f]{2}){200,})\)")
_STAND_IN = "partnerkg-url:"


def read_markdown(text: str) -> list[RawBlock]:
    """Headings, paragraphs and list items of a markdown document, in order."""
    parser = MarkdownIt("commonmark")
    parser.disable("text_join")  # keep escapes and entities apart from their source form
    urls: list[str] = []
    line_starts = [0] + [match.end() for match in _NEWLINE.finditer(text)] + [len(text)]
    blocks: list[RawBlock] = []
    list_depth = 0
    shortened = text if _STAND_IN in text else _LONG_URL.sub(lambda m: _stand_in(m, urls), text)
    tokens = parser.parse(shortened)
    for index, token in enumerate(tokens):
        list_depth += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        role = _role(token, list_depth)
        if role is None or token.map is None or index + 1 >= len(tokens):
            continue
        start = line_starts[min(token.map[0], len(line_starts) - 1)]
        end = line_starts[min(token.map[1], len(line_starts) - 1)]
        end = start + len(text[start:end].rstrip())
        level = int(token.tag[1:]) if role is Role.HEADING else 0
        block = RawBlock(role, start, end, level=level, bold=_is_bold(text[start:end], role))
        _add_inline(block, tokens[index + 1].children or [], text, end, urls)
        blocks.extend(_bold_lines(block, text))
    return blocks


def _bold_lines(block: RawBlock, text: str) -> list[RawBlock]:
    """A paragraph whose lines are each bold as a whole ("**Acme School**" over "**12 May
    2030**") as one block per line: the e-mail showed separate lines, a title over its
    place or date, which markdown joins into one paragraph."""
    lines = text[block.start : block.end].split("\n")
    if block.role is not Role.PARAGRAPH or len(lines) < 2 or not all(
            _is_bold(line, block.role) for line in lines):
        return [block]
    parts = [RawBlock(block.role, block.start, block.end, bold=True)]
    starts = [0]  # where each part starts in the block's plain text
    for piece, source in block.pieces:
        if piece == "\n" and source is not None and parts[-1].pieces:
            parts[-1].end = source
            parts.append(RawBlock(block.role, source + 1, block.end, bold=True))
            starts.append(starts[-1] + parts[-2].length + 1)
        else:
            parts[-1].add(piece, source)
    for link in block.links:
        at = max(i for i, start in enumerate(starts) if start <= link.start)
        parts[at].links.append(RawLink(link.start - starts[at], link.end - starts[at], link.href))
    return parts


def _stand_in(match: re.Match[str], urls: list[str]) -> str:
    """``](partnerkg-url:N)`` for the Nth long URL, which ``urls`` keeps."""
    urls.append(match.group(1))
    return f"]({_STAND_IN}{len(urls) - 1})"


def _role(token: Token, list_depth: int) -> Role | None:
    """The block role an opening token starts, or None for anything else."""
    if token.type == "heading_open":
        return Role.HEADING
    if token.type == "paragraph_open":
        return Role.LIST_ITEM if list_depth else Role.PARAGRAPH
    return None


def _is_bold(source: str, role: Role) -> bool:
    """Bold as a whole, judged on the source so a stray space before ``**`` still counts."""
    stripped = source.strip().lstrip("#").strip()
    return (
        role is not Role.LIST_ITEM
        and stripped.startswith(_BOLD_MARKS)
        and stripped.endswith(_BOLD_MARKS)
    )


def _add_inline(
    block: RawBlock, children: list[Token], text: str, limit: int, urls: list[str]
) -> None:
    """Add each inline token's plain text at the source position it was found."""
    cursor = block.start
    for child in children:
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if urls and href.startswith(_STAND_IN):
                href = urls[int(href.removeprefix(_STAND_IN))]
            block.open_link(href)
        cursor = _INLINE.get(child.type, _skip_markup)(block, child, text, cursor, limit)


def _find(text: str, needle: str, cursor: int, limit: int) -> int:
    """Position of ``needle`` in ``text[cursor:limit]``, or -1."""
    return text.find(needle, cursor, limit) if needle else -1


def _text(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
    found = _find(text, token.content, cursor, limit)
    block.add(token.content, found if found >= 0 else None)
    return found + len(token.content) if found >= 0 else cursor


def _special(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
    """Escapes (``\\.``) map to the escaped character, entities to their first character."""
    found = _find(text, token.markup, cursor, limit)
    if found < 0:
        block.add(token.content, None)
        return cursor
    shift = len(token.markup) - len(token.content) if token.info == "escape" else 0
    block.add(token.content, found + max(shift, 0))
    return found + len(token.markup)


def _break(separator: str) -> _Handler:
    """A handler for line breaks, which read as ``separator`` in plain text."""

    def handle(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
        found = _find(text, "\n", cursor, limit)
        block.add(separator, found if found >= 0 else None)
        return found + 1 if found >= 0 else cursor

    return handle


def _link_close(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
    block.close_link()
    return cursor if token.markup == "autolink" else _skip_destination(text, cursor, limit)


def _image(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
    """Images add no text; their destination is skipped like a link's."""
    found = _find(text, "![", cursor, limit)
    return _skip_destination(text, found, limit) if found >= 0 else cursor


def _skip_destination(text: str, cursor: int, limit: int) -> int:
    """Position after ``](destination "title")`` starting at or after ``cursor``."""
    found = _find(text, "](", cursor, limit)
    if found < 0:
        return cursor
    long_url = _LONG_URL.match(text, found, limit)
    if long_url:
        return long_url.end()
    destination = parseLinkDestination(text, found + 2, limit)
    if not destination.ok:
        return found + 2
    close = _find(text, ")", destination.pos, limit)
    return close + 1 if close >= 0 else destination.pos


def _skip_markup(block: RawBlock, token: Token, text: str, cursor: int, limit: int) -> int:
    """Emphasis marks, inline HTML and the like add no text; step over their source."""
    found = _find(text, token.markup or token.content, cursor, limit)
    return found + len(token.markup or token.content) if found >= 0 else cursor


_INLINE: dict[str, _Handler] = {
    "text": _text,
    "code_inline": _text,
    "text_special": _special,
    "softbreak": _break("\n"),
    "hardbreak": _break("\n"),
    "link_close": _link_close,
    "image": _image,
}
