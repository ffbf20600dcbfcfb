"""Dated lines such as ``Deadline: 22 December 2024`` or ``08-10 July 2024``.

Regular expressions only split a line into its label and its date pieces (ranges,
"and" lists); python-dateutil parses every piece, and a piece missing its month or
year borrows them from the piece to its right, as English writes ranges.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from partnerkg.extract.model import DateLabel

_MONTHS = "|".join(name for name in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
_CALENDAR_WORD = re.compile(
    rf"{_MONTHS}|{'|'.join((*calendar.day_name, *calendar.day_abbr))}", re.I)
# The label ends at a colon, or before the first day number or month name.
_LABEL = re.compile(rf"^(?P<label>[^:]*?):\s*|^(?P<bare>\D*?)\s*(?=\d|\b(?:{_MONTHS})\b)", re.I)
_PIECE_SEPARATOR = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|&)\s*", re.I)
_ASIDE = re.compile(r"\([^)]*\)")
_WEEKDAY_WORD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?,?"
_WEEKDAY = re.compile(rf"\b{_WEEKDAY_WORD}", re.I)
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}"
#: a time of day or a range of them ("2-3pm", "14:00-15:00"), "noon", a time zone
_TIME = re.compile(
    rf"\b(?:(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm)?|\d{{1,2}}[:.]\d{{2}})\s*(?:-|–|to)\s*"
    rf"(?:{_CLOCK})|{_CLOCK}|noon|midday)(?![\w:.])|\b(?:BST|GMT|UTC|CES?T|[ECMP][SD]?T)\b",
    re.I,
)
#: what comes after a date: ", Liverpool", " | online", "; 2pm"
_SEGMENT_SEPARATOR = re.compile(r"\s*[|;,]\s*|\s+[-–—]\s+(?=\D*$)")
_MAX_LINE = 120

#: Label words to DateLabel, most specific first (first rule whose words all occur wins).
LABEL_RULES: tuple[tuple[tuple[str, ...], DateLabel], ...] = (
    (("registration",), DateLabel.REGISTRATION_DEADLINE),
    (("application", "deadline"), DateLabel.APPLICATION_DEADLINE),
    (("deadline", "applications"), DateLabel.APPLICATION_DEADLINE),
    (("submission", "deadline"), DateLabel.SUBMISSION_DEADLINE),
    (("deadline", "submi"), DateLabel.SUBMISSION_DEADLINE),
    (("deadline", "abstract"), DateLabel.SUBMISSION_DEADLINE),
    (("deadline", "contribution"), DateLabel.SUBMISSION_DEADLINE),
    (("deadline",), DateLabel.DEADLINE),
    (("event",), DateLabel.EVENT),
    (("conference",), DateLabel.EVENT),
    (("workshop",), DateLabel.EVENT),
    (("school",), DateLabel.EVENT),
    (("course",), DateLabel.EVENT),
    (("week",), DateLabel.EVENT),  # "Immersion Week: 27-31 March"
    # "Next seminar: 14 April", "Webinar date: …", "Symposium day: …"
    *(((word,), DateLabel.EVENT) for word in (
        "seminar", "webinar", "symposium", "lecture", "talk", "meeting", "session", "summit",
        "forum", "hackathon", "masterclass")),
    (("closing",), DateLabel.DEADLINE),  # "Closing date: …"
    (("date",), DateLabel.DATE),
    (("when",), DateLabel.DATE),
)
#: Labels that only say when ("From 1 July to 3 July", "On 12 May", "Takes place 12 May")
_WHEN_WORDS = re.compile(r"(?:from|on|runs?|running|(?:takes|taking) place|held(?: on)?)",
                         re.IGNORECASE)
#: "Pre-conference events", "Post-conference workshop": dates of side events, not the event's.
_SIDE_EVENT_LABEL = re.compile(r"^(?:pre|post)\b", re.I)
#: A year left out is the one that puts the date in this window around the issue (days):
#: newsletters announce what is coming and report what has just happened.
_UNDATED_YEAR_WINDOW = (-92, 273)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """What a dated line says, before it is tied to a source span."""

    label: DateLabel
    raw_label: str
    start: dt.date
    end: dt.date | None


def parse_dated_line(text: str, issue: dt.date) -> ParsedDate | None:
    """Read ``text`` as a dated line, or None when it is not one.

    A line counts only when some piece names a month, so titles such as
    "Seminar Series 2022" stay titles. Years left out are the nearest to ``issue``.
    """
    line = _ISO_DATE.sub(_spelled_out, _ASIDE.sub(" ", text)).strip()
    if not line or len(line) > _MAX_LINE:
        return None
    # times go first: the colon of "14:00" would read as a label's
    match = _LABEL.match(_TIME.sub(" ", _WEEKDAY.sub(" ", line)).strip(" ,;|-–"))
    if match is None:
        return None
    raw_label = (match.group("label") or match.group("bare") or "").strip()
    body = _date_part(match.string[match.end() :])
    return _parsed(label_of(raw_label), raw_label, _parse_pieces(body, issue))


#: "2030-06-30": its dashes would read as a range
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _spelled_out(match: re.Match[str]) -> str:
    """ "2030-06-30" -> "30 June 2030" (an impossible date stays as it is)."""
    year, month, day = (int(part) for part in match.groups())
    try:
        return f"{dt.date(year, month, day):%d %B %Y}"
    except ValueError:
        return match.group()


def _date_part(body: str) -> str:
    """The calendar part of a dated line without its times: "10 June 2025, online |
    Liverpool" -> "10 June 2025" (a place or format after a separator goes)."""
    segments = [s for s in _SEGMENT_SEPARATOR.split(body) if s.strip(" ,.-–")]
    dated = [s for s in segments if re.search(rf"\d|\b(?:{_MONTHS})\b", s, re.I)]
    kept = segments[: segments.index(dated[-1]) + 1] if dated else segments
    return " ".join(kept).strip(" ,-–")


def _parsed(label: DateLabel, raw_label: str, dates: list[dt.date]) -> ParsedDate | None:
    """The first and (when different) last of ``dates``; None when there are none."""
    if not dates:
        return None
    end = dates[-1] if dates[-1] != dates[0] else None
    return ParsedDate(label, raw_label, dates[0], end)


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_RANGE = rf"{_DAY}(?:\s*(?:-|–|to|and)\s*{_DAY})?"
# "is taking place virtually from October 24th-26th", "will take place … on the 17-19 April 2024"
_PROSE_DATE = re.compile(
    rf"\b(?:tak(?:e|es|ing) place|(?:will be|is being|is) held|will run|is running|runs|"
    rf"(?:will )?happen(?:s|ing)?|(?:is|are|will be) (?:scheduled|planned) for|(?:is|will be) on|"
    rf"join us on|save the date|returns?|is back|"
    rf"(?:^|(?<=[.!?]\s))\W*(?:from|on))\b:?"  # "From 12 to 14 May 2030, X will host …"
    rf"(?:[^.;]{{0,80}}?\b(?:on|from|between))?\s+(?:the\s+)?"  # "takes place July 10-14"
    rf"(?:{_WEEKDAY_WORD}\s+)?"  # "Join us on Tuesday 12 May"
    rf"(?P<date>(?:{_RANGE}\s+(?:of\s+)?(?:{_MONTHS})|(?:{_MONTHS})\s+{_RANGE})(?:,?\s+\d{{4}})?)",
    re.I,
)


_DEADLINE_WORDS = re.compile(r"\b(?:deadline|closes?|closing|apply|applications?|submit|"
                             r"submissions?|nominations?)\b", re.I)


_SEASONS = re.compile(
    r"^(?:(?:early|late|mid-?)\s*)?(?:spring|summer|autumn|fall|winter)"
    r"(?:\s*(?:and|&|-|–|to|/)\s*(?:spring|summer|autumn|fall|winter))*(?:\s+\d{4})?$", re.I)


def names_a_season(text: str) -> bool:
    """ "Spring and Summer 2022": a line that says when, too vaguely for a date."""
    return _SEASONS.match(text.strip()) is not None


_DATE_AFTER_NAME = re.compile(
    rf"^[^.;:]{{0,25}}?\bon (?:the )?(?:{_WEEKDAY_WORD} )?"
    rf"(?P<date>{_RANGE}(?: of)? (?:{_MONTHS})(?:,? \d{{4}})?|"
    rf"(?:{_MONTHS}) {_RANGE}(?:,? \d{{4}})?)\b",
    re.I,
)


#: "the event taking place", "which will be held": a phrase that dates the event named before it
_POINTS_BACK = re.compile(r"\b(?:the (?:event|conference|meeting|workshop|summit|symposium)|"
                          r"which|it)\s+(?:is\s+|will\s+)?(?=tak(?:e|es|ing) place|be held|"
                          r"held\b|runs?\b)", re.I)


def date_after_name(text: str, issue: dt.date) -> ParsedDate | None:
    """The date right after an event's name in a sentence ("took part in [Acme Day] on Monday
    6th March", "[Acme 2030] is taking place July 10-14", "… for the event taking place on 2-5
    May"): ``text`` is what follows the name in its sentence."""
    match = _DATE_AFTER_NAME.match(text)
    if match:
        return _parsed(DateLabel.EVENT, "", _parse_pieces(match["date"], issue))
    taking_place = _PROSE_DATE.search(text, 0, 200)  # "[Acme 2030] is taking place July 10-14"
    if taking_place and taking_place.start() <= 12:
        return prose_event_date(text, issue)
    # "[Acme 2030] has opened submissions for the event taking place in Brighton on 2-5 May"
    back = _POINTS_BACK.search(text)
    return prose_event_date(text[back.end() :], issue) if back else None


#: "15 October 2030: Dr Jane Doe - Title", "Tue 3 May - …": a list entry that opens with a date
_DATE_OPENING = re.compile(
    rf"^\s*(?:{_WEEKDAY_WORD}\s*)?(?P<date>(?:{_RANGE}\s+(?:of\s+)?(?:{_MONTHS})|"
    rf"(?:{_MONTHS})\s+{_RANGE})(?:,?\s+\d{{4}})?)\s*(?::|\s[-–—]\s)\s*", re.I)


def date_opening(text: str, issue: dt.date) -> tuple[ParsedDate, int] | None:
    """The date a list entry opens with, and where the rest of the entry starts."""
    match = _DATE_OPENING.match(text)
    parsed = _parsed(DateLabel.EVENT, "", _parse_pieces(match["date"], issue)) if match else None
    return (parsed, match.end()) if match and parsed else None


def opens_with_date(text: str) -> bool:
    """ "15 October 2030: …": see :func:`date_opening`."""
    return _DATE_OPENING.match(text) is not None


_DATE_AFTER_COMMA = re.compile(  # "[Acme Forum] (London, 12 July 2030)": a place may come first
    r"^\s*(?:,|\n|\s[-–—]\s|\()\s*(?:[A-Z][a-z]+,\s*)?([^,;\n()]{4,40})")
#: "On 12 July 2030, the [Acme Forum] …", "On 12 July 2030, Jane Doe will speak at the
#: [Acme Forum]": a date that opens the sentence before the name
_DATE_BEFORE_NAME = re.compile(r"^\s*on\s+(?P<date>[^,;]{4,40}),(?:\s*(?:the)?|[^,;]{0,80}?"
                               r"\b(?:at|to|attend(?:s|ing)?|for)(?: the)?)\s*$", re.I)


def date_beside_name(before: str, after: str, issue: dt.date) -> ParsedDate | None:
    """The date a list entry or a line puts next to an event's name, with nothing else
    between: "12 July 2030 - [Acme Forum], London", "[Acme Forum], 12 July 2030, London",
    "[Acme Forum] (12 July 2030): …", "[Acme Forum]" over "12 July 2030", "On 12 July 2030,
    the [Acme Forum] …", "The [Acme Forum] (London, 12 July 2030) …". ``before`` runs from the
    line's start to the name, ``after`` from the name to the sentence's end."""
    lead = before.strip(" *-–—:|")
    opening = _DATE_BEFORE_NAME.match(lead)
    if opening:
        lead = opening["date"]
    parsed = _unlabelled(parse_dated_line(lead, issue)) if lead else None
    tail = _DATE_AFTER_COMMA.match(after)
    return parsed or (_unlabelled(parse_dated_line(tail[1], issue)) if tail else None)


def _unlabelled(parsed: ParsedDate | None) -> ParsedDate | None:
    """A date with no label ("Deadline: …" dates something else)."""
    return parsed if parsed is not None and not parsed.raw_label else None


def is_calendar_word(word: str) -> bool:
    """A month's or a weekday's name, in full or short ("May", "Tue")."""
    return _CALENDAR_WORD.fullmatch(word) is not None


def says_when(text: str) -> bool:
    """``text`` says when something takes place (see :func:`prose_event_date`)."""
    return _PROSE_DATE.search(text) is not None


def prose_event_date(text: str, issue: dt.date) -> ParsedDate | None:
    """The dates a sentence gives for when something takes place ("The conference is taking
    place virtually from October 24th-26th", "Join us on Tuesday 12 May"), for an event item
    without a dated line; not a deadline ("Applications close … the panel is on 2 May")."""
    match = next((m for m in _PROSE_DATE.finditer(text) if not _DEADLINE_WORDS.search(
        text, max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1, m.start())),
        None)  # the clause before a date says whether it is a deadline's
    if match is None:
        return None
    # "October 24th-26th": a month first names both days; read it as "24th-26th October"
    month_first = re.match(rf"(?P<month>{_MONTHS})\s+(?P<days>{_RANGE})(?P<year>.*)$",
                           match.group("date"), re.I)
    phrase = (f"{month_first['days']} {month_first['month']}{month_first['year']}"
              if month_first else match.group("date"))
    return _parsed(DateLabel.EVENT, "", _parse_pieces(phrase, issue))


def label_of(raw_label: str) -> DateLabel:
    """The DateLabel of a label such as "Registration deadline" (DATE when empty)."""
    words = raw_label.lower()
    if not words or _WHEN_WORDS.fullmatch(words):
        return DateLabel.DATE
    if _SIDE_EVENT_LABEL.match(words):
        return DateLabel.OTHER
    for needed, label in LABEL_RULES:
        if all(word in words for word in needed):
            return label
    return DateLabel.OTHER


def _parse_pieces(body: str, issue: dt.date) -> list[dt.date]:
    """Dates of the range/list pieces of ``body``, right to left; [] if any piece fails."""
    pieces = [piece for piece in _PIECE_SEPARATOR.split(body) if piece.strip()]
    dates: list[dt.date] = []
    has_month = False
    right: dt.date | None = None
    for index in reversed(range(len(pieces))):
        day_and_year = index and _DAY_AND_YEAR.fullmatch(pieces[index])  # "June 3-[4, 2030]"
        parsed = None if day_and_year else _parse_piece(pieces[index], right, issue)
        if parsed is None and index:
            parsed = _parse_piece(_with_left_month(pieces, index, issue), right, issue)
        if parsed is None:
            return []
        if parsed.date is None:  # a time of day such as "10am GMT" adds no date
            continue
        has_month = has_month or parsed.names_month
        dates.append(parsed.date)
        right = parsed.date
    return list(reversed(dates)) if has_month else []


#: A day and a year with no month ("4, 2030"): dateutil would read the day as a month
_DAY_AND_YEAR = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\s*")


def _with_left_month(pieces: list[str], index: int, issue: dt.date) -> str:
    """``pieces[index]`` with the month its left neighbour names ("June 20-23 2023")."""
    left = _parse_piece(pieces[index - 1], None, issue)
    if left is not None and left.date is not None and left.names_month:
        return f"{pieces[index]} {calendar.month_name[left.date.month]}"
    return pieces[index]


@dataclass(frozen=True, slots=True)
class _Piece:
    """One piece of a dated line; ``date`` is None for a bare time of day."""

    date: dt.date | None
    names_month: bool


def _parse_piece(piece: str, right: dt.date | None, issue: dt.date) -> _Piece | None:
    """One piece of a dated line, or None if it is not a date.

    Parsing twice with different defaults shows which fields the text itself gave.
    """
    first = _dateutil(piece, dt.datetime(2000, 1, 1))
    second = _dateutil(piece, dt.datetime(2001, 3, 3))  # both 31-day months
    if first is None or second is None:
        return None
    named_day, named_month = first.day == second.day, first.month == second.month
    named_year = first.year == second.year
    if not named_day and not named_month:
        return _Piece(None, False) if first.hour or first.minute else None
    base = right or _nearest(first.date(), issue, named_year)
    try:
        date = dt.date(
            first.year if named_year else base.year,
            first.month if named_month else base.month,
            first.day if named_day else 1 if named_month else base.day,
        )
    except ValueError:
        return None
    if right is not None and date > right and not named_year:
        date = _replace_year(date, date.year - 1)
    return _Piece(date, named_month)


def _dateutil(piece: str, default: dt.datetime) -> dt.datetime | None:
    """dateutil's reading of ``piece`` with ``default`` filling the gaps, or None; "12/05/2030"
    is 12 May (British newsletters write the day first), "2030-05-12" too."""
    try:
        return date_parser.parse(piece, default=default,
                                 dayfirst=not re.match(r"\s*\d{4}", piece))
    except (ValueError, OverflowError, TypeError):
        return None


def _nearest(date: dt.date, issue: dt.date, named_year: bool) -> dt.date:
    """``date`` with the year that puts it within :data:`_UNDATED_YEAR_WINDOW` of the issue
    when the text gave none (August in a February issue is the coming August)."""
    if named_year:
        return date
    low, high = _UNDATED_YEAR_WINDOW
    candidates = [_replace_year(date, issue.year + delta) for delta in (-1, 0, 1)]
    return next(c for c in candidates if low <= (c - issue).days < high)


def _replace_year(date: dt.date, year: int) -> dt.date:
    """``date`` in ``year`` (29 February becomes 28 February in common years)."""
    day = min(date.day, calendar.monthrange(year, date.month)[1])
    return date.replace(year=year, day=day)
