"""Raw blocks of any format to a :class:`Newsletter`: sections, items, dated lines, links.

Structure rules only: ``##`` headings open sections, ``###`` headings open items.
Issues without any ``###`` (early newsletters set item titles in bold) get their items
from bold lines that are neither dates, links nor questions.

Span texts hold plain text, never the raw source, so no tracking URL reaches a span;
``Newsletter.text`` is the raw decoded source all offsets index into.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from partnerkg.extract.dates import ParsedDate, date_opening, names_a_season, parse_dated_line
from partnerkg.extract.layout import RawBlock, RawLink, Role
from partnerkg.extract.links import doi_of, unwrap
from partnerkg.extract.model import (
    Block,
    BlockKind,
    DatedLine,
    DateLabel,
    Item,
    Link,
    Newsletter,
    Section,
    SourceSpan,
)

log = logging.getLogger(__name__)

_Runs = tuple[tuple[int, int, int], ...]
_BARE_URL = re.compile(r"https?://\S+")
_STRIP = " \t\r\n*_"  # stray emphasis marks that markdown left as literal text
_NOT_A_TITLE_END = (":", "?")


@dataclass(slots=True)
class _Heading:
    level: int
    title: str
    span: SourceSpan


@dataclass(slots=True)
class _Draft:
    """A section or item while its blocks are being collected."""

    title: str
    span: SourceSpan | None
    blocks: list[Block] = field(default_factory=list)
    items: list[_Draft] = field(default_factory=list)


def assemble(
    source: str, text: str, raw_blocks: list[RawBlock], issue: dt.date, content_hash: str
) -> Newsletter:
    """The newsletter that ``raw_blocks`` (read from ``source``) describe."""
    built = [_build(raw, source) for raw in raw_blocks]
    parts = [part for part in built if part is not None]
    derive_items = not any(isinstance(p, _Heading) and p.level >= 3 for p in parts)
    preamble: list[Block] = []
    sections: list[_Draft] = []
    titled = False  # the part before opened an item from a bold line
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        after_title, titled = titled, False
        if isinstance(part, _Heading):
            dated = sections and _is_dated_line(following, issue)
            _open(sections, 3 if dated else part.level, part.title, part.span)
        # a bold line right under a title is its subtitle or place ("**Lake Placid, USA**")
        elif derive_items and sections and not after_title and _is_derived_title(
                part, following, issue):
            _open(sections, 3, part.text, part.span)
            titled = True
        elif not sections:
            preamble.append(part)
        else:
            (sections[-1].items[-1] if sections[-1].items else sections[-1]).blocks.append(part)
    return Newsletter(
        source=source,
        issue_month=f"{issue:%Y-%m}",
        text=text,
        sections=tuple(_section(draft, issue) for draft in sections),
        content_hash=content_hash,
        preamble=tuple(preamble),
    )


def _open(sections: list[_Draft], level: int, title: str, span: SourceSpan) -> None:
    """Start a section (level 1-2) or an item (3+, in an untitled section if need be)."""
    if level <= 2:
        sections.append(_Draft(title, span))
        return
    if not sections:
        sections.append(_Draft("", None))
    sections[-1].items.append(_Draft(title, span))


def _is_derived_title(block: Block, following: object, issue: dt.date) -> bool:
    """A bold line that titles an item: no link, no date, not a question or lead-in, unless
    a bold date line follows ("Health Equity: What has Data Science Done For Us?" above
    "7 April 2022" titles an event, where an interview question is followed by an answer)."""
    if block.kind is not BlockKind.BOLD_LINE or block.links:
        return False
    if _names_after_date(block.text, issue) or _edition_title(block.text, issue):
        return True  # "12 March 2030 - Soil Data Forum", "Acme Data Study Group May 2030"
    if parse_dated_line(block.text, issue) is not None or names_a_season(block.text):
        return False
    return _is_dated_line(following, issue) or not block.text.endswith(_NOT_A_TITLE_END)


def _is_dated_line(part: object, issue: dt.date) -> bool:
    """A date line ("**13-17 June 2030**", or plain and short): what follows an item's
    heading. A section heading it follows ("## Acme Awareness Week" in the Events section)
    titles an item."""
    if not isinstance(part, Block) or part.kind is BlockKind.LIST_ITEM or _names_after_date(
            part.text, issue) or _edition_title(part.text, issue):
        return False
    if part.kind is BlockKind.PARAGRAPH:
        return [line.span.text for line in _dated_lines(part, issue, plain=True)] == [part.text]
    return parse_dated_line(part.text, issue) is not None


_NAME_LINKS = frozenset({"of", "and", "for", "in", "on", "the", "at", "&"})
_DATE_LABEL_WORD = re.compile(r"\b(?:dates?|deadlines?|closing|when)\b", re.I)


def _edition_title(line: str, issue: dt.date) -> bool:
    """ "Acme Data Study Group December 2030", "Acme Networking Event - May 2030": a name of
    capitalised words before a month with no day names an edition; "Deadline 5 May" and
    "Workshop date: June 2030" are dated lines."""
    parsed = parse_dated_line(line, issue)
    if parsed is None or ":" in line or _DAY_NUMBER.search(line):
        return False
    if parsed.label not in (DateLabel.OTHER, DateLabel.EVENT) or _DATE_LABEL_WORD.search(
            parsed.raw_label):
        return False
    words = parsed.raw_label.strip(" -–—").split()
    return len(words) >= 2 and all(w[:1].isupper() or w in _NAME_LINKS for w in words)


def _section(draft: _Draft, issue: dt.date) -> Section:
    items = tuple(_item(item, draft.title, issue) for item in draft.items)
    return Section(draft.title, draft.span, tuple(draft.blocks), items)


def _item(draft: _Draft, section: str, issue: dt.date) -> Item:
    assert draft.span is not None  # items always have a heading
    title, span, dated = _heading_date(draft.title, draft.span, issue)
    lines = [line for block in draft.blocks if block.kind is not BlockKind.LIST_ITEM
             for line in _dated_lines(block, issue, plain=block.kind is BlockKind.PARAGRAPH)]
    listing = [line for line in lines if _names_after_date(line.span.text, issue)]
    dated += tuple(line for line in lines if len(listing) < 2 or line not in listing)
    links = tuple(link for block in draft.blocks for link in block.links)
    return Item(title, span, section, tuple(draft.blocks), dated, links)


def _names_after_date(line: str, issue: dt.date) -> bool:
    """ "12 March 2030 - Soil Data Forum": a line that names something after its date. Two
    such lines in one item list other events (a round-up), none of them the item's date."""
    return _date_then_name(line.strip(_STRIP), issue) is not None


def _date_then_name(text: str, issue: dt.date) -> tuple[ParsedDate, int] | None:
    """The date ``text`` opens with and where the name after it starts, if a capitalised
    name of two words or more follows."""
    opening = date_opening(text, issue)
    rest = text[opening[1] :].split() if opening else []
    return opening if len(rest) >= 2 and all(word[:1].isupper() for word in rest[:2]) else None


# "### Acme Hackathon, 12-13 March 2030", "### Acme Forum - 12 March", "### Acme Day (12 May)"
_NAME_THEN_DATE = re.compile(r"^(?P<name>.*?\w)\s*(?:,|\s[-–—|]|:|\()\s*(?P<date>[^,()]+?)\)?$")
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")


def _heading_date(
    title: str, span: SourceSpan, issue: dt.date
) -> tuple[str, SourceSpan, tuple[DatedLine, ...]]:
    """A heading that ends on a day's date, or opens with one ("12 March 2030 - Soil Data
    Forum"), is the item's name over its date line (a month alone, "Acme Event - April 2030",
    stays part of the name). Headings with markup inside keep their date: their characters do
    not map one to one onto the source."""
    if span.end - span.start != len(title):
        return title, span, ()
    match = _NAME_THEN_DATE.match(title)
    parsed = parse_dated_line(match["date"], issue) if match and _DAY_NUMBER.search(
        match["date"]) else None
    if match is not None and parsed is not None and not parsed.raw_label:
        (name_start, name_end), (date_start, date_end) = match.span("name"), match.span("date")
    elif (opening := _date_then_name(title, issue)) is not None:
        parsed, name_start = opening
        name_end, date_start = len(title), 0
        date_end = len(title[:name_start].rstrip(" :-–—"))
    else:
        return title, span, ()
    name = title[name_start:name_end]
    at = SourceSpan(span.file, span.start + name_start, span.start + name_end, name)
    when = SourceSpan(span.file, span.start + date_start, span.start + date_end,
                      title[date_start:date_end])
    return name, at, (DatedLine(parsed.label, "", parsed.start, parsed.end, when),)


#: The longest plain line read as a date line ("When: Tuesday 12 May 2030, 14:00-15:30 BST")
_SHORT_LINE = 60


def _dated_lines(block: Block, issue: dt.date, plain: bool = False) -> list[DatedLine]:
    """Each line of a bold block that is a date (a bold paragraph may stack several, or put
    them side by side: "Deadline: 1 May | Conference: 12 June"); of a plain paragraph, only a
    short line that is a date or "Label: date" ("**When:** Tuesday 12 May 2030, 2-3pm", "May
    12th, 2030"), never a sentence that holds one."""
    found = []
    for segment in _LINE_PART.finditer(block.text):
        line = segment.group()
        parsed = parse_dated_line(line, issue)
        if parsed is not None and plain and (len(line) > _SHORT_LINE or parsed.raw_label and not (
                ":" in line and len(parsed.raw_label.split()) <= 3 or _labels_a_date(parsed))):
            parsed = None
        if parsed is not None:
            span = block.source_span(segment.start(), segment.end())
            found.append(DatedLine(parsed.label, parsed.raw_label, parsed.start, parsed.end, span))
    return found


def _labels_a_date(parsed: ParsedDate) -> bool:
    """ "Workshop date 21 May 2030", "Deadline for registration: 7 May": a few words that
    say what the date is, not a sentence that holds one."""
    return parsed.label is not DateLabel.OTHER and len(parsed.raw_label.split()) <= 5


#: A line, or a part of one between " | " separators.
_LINE_PART = re.compile(r"(?:(?! \| )[^\n])+")


def _build(raw: RawBlock, source: str) -> Block | _Heading | None:
    """A Block (or a heading) from a raw block; None when it has no visible text."""
    plain, offsets, raw_links = _plain(raw)
    lead = len(plain) - len(plain.lstrip(_STRIP))
    stripped = plain.strip(_STRIP)
    if not stripped:
        return None
    offsets = _shift(offsets, lead, len(stripped))
    start = offsets[0][1] if offsets else raw.start
    end = offsets[-1][1] + offsets[-1][2] if offsets else raw.end
    span = SourceSpan(source, start, max(start, end), stripped)
    if raw.role is Role.HEADING:
        return _Heading(raw.level or 2, stripped, span)
    kind = _KINDS[raw.role] if not raw.bold else BlockKind.BOLD_LINE
    block = Block(kind, stripped, span, (), offsets)
    links = tuple(
        _link(block, raw_link.start - lead, raw_link.end - lead, raw_link.href)
        for raw_link in raw_links
    )
    return dataclasses.replace(block, links=tuple(link for link in links if link is not None))


_KINDS = {Role.PARAGRAPH: BlockKind.PARAGRAPH, Role.LIST_ITEM: BlockKind.LIST_ITEM}


def _unwrap_visible_urls(
    plain: str, runs: _Runs, links: list[RawLink]
) -> tuple[str, _Runs, list[RawLink]]:
    """Printed URLs unwrapped like link targets: a printed "view online" address carries
    tracking ids too. Kept text keeps its runs and links move with it."""
    replaced = [
        (match.start(), match.end(), target or "")
        for match in _BARE_URL.finditer(plain)
        for target in [unwrap(match.group())]
        if target != match.group()
    ]
    if not replaced:
        return plain, runs, links
    parts: list[str] = []
    new_runs: list[tuple[int, int, int]] = []
    position = 0
    for low, high, target in [*replaced, (len(plain), len(plain), "")]:
        offset = sum(map(len, parts))
        new_runs.extend((a + offset, b, c) for a, b, c in _shift(runs, position, low - position))
        parts.extend([plain[position:low], target])
        position = high

    def moved(old: int) -> int:
        shift = sum(len(new) - (high - low) for low, high, new in replaced if high <= old)
        inside = [low for low, high, _ in replaced if low < old < high]
        return (inside[0] if inside else old) + shift

    return (
        "".join(parts),
        tuple(new_runs),
        [RawLink(moved(link.start), moved(link.end), link.href) for link in links],
    )


def _plain(raw: RawBlock) -> tuple[str, _Runs, list[RawLink]]:
    """Plain text, its (text_start, source_start, length) runs (adjacent runs merged)
    and its links, printed tracking URLs unwrapped."""
    runs: list[tuple[int, int, int]] = []
    position = 0
    for piece, source in raw.pieces:
        if source is not None:
            last = runs[-1] if runs else None
            if last and last[0] + last[2] == position and last[1] + last[2] == source:
                runs[-1] = (last[0], last[1], last[2] + len(piece))
            else:
                runs.append((position, source, len(piece)))
        position += len(piece)
    return _unwrap_visible_urls("".join(p for p, _ in raw.pieces), tuple(runs), raw.links)


def _shift(
    runs: tuple[tuple[int, int, int], ...], lead: int, length: int
) -> tuple[tuple[int, int, int], ...]:
    """Runs clipped to ``[lead, lead + length)`` and renumbered from 0."""
    shifted = []
    for text_start, source_start, size in runs:
        low, high = max(text_start, lead), min(text_start + size, lead + length)
        if low < high:
            shifted.append((low - lead, source_start + low - text_start, high - low))
    return tuple(shifted)


def _link(block: Block, start: int, end: int, href: str) -> Link | None:
    """A Link with its real target, or None for links that only point at the mailing."""
    target = unwrap(href)
    start, end = max(start, 0), min(end, len(block.text))
    if not target:
        log.debug("dropped a link without a real target in %r", block.text[:40])
        return None
    return Link(block.text[start:end], target, block.source_span(start, end), doi_of(target))
