"""What an item is about, read from its heading and dated lines.

A heading names an event ("Knowledge Share Series Event: …", "… Webinar- …"),
an opportunity ("Job: …", "Call for papers: …") or neither; dated lines give the
event's own dates and the opportunity's deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from partnerkg.extract import lexicon
from partnerkg.extract.dates import opens_with_date, prose_event_date, says_when
from partnerkg.extract.model import BlockKind, DateLabel, Item
from partnerkg.extract.roles import is_role_phrase

_OPPORTUNITY_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "call_for_papers",
        re.compile(
            r"\bcall for (?:\w+ )?(?:papers|abstracts|submissions|contributions|posters)\b", re.I
        ),
    ),
    ("internship", re.compile(r"\binternships?\b", re.I)),
    ("studentship", re.compile(r"\b(?:studentships?|phd position|doctoral)\b", re.I)),
    (
        "job",
        re.compile(
            r"^(?:jobs?|vacanc(?:y|ies)|hiring)\b|\bjob:|\b(?:vacanc(?:y|ies)|post)\b|"
            r"\b(?:position|role)\b(?!\s+of\b)",  # not "The Role of AI in …"
            re.I,
        ),
    ),
    ("award", re.compile(r"\b(?:award|prize|medal|nominations?)\b(?!s? ceremony)", re.I)),
    (
        "funding_call",
        re.compile(
            r"\b(?:funding|grants?|call for (?:proposals|applications)|call:|open call|calls?\b)",
            re.I,
        ),
    ),
    ("scheme", re.compile(r"\b(?:scheme|fellowships?|programme applications?)\b", re.I)),
)
_EVENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("award_ceremony", re.compile(r"\baward(?:s)? ceremony\b", re.I)),
    ("study_group", re.compile(r"\bdata study group\b|\bstudy group\b", re.I)),
    (
        "conference",
        re.compile(r"\b(?:conference|congress|summit|symposium|forum|unconference)\b", re.I),
    ),
    (
        "workshop",
        re.compile(
            r"\b(?:workshop|hackathon|masterclass|training|course|bootcamp|tutorial|"
            r"(?:summer|winter|spring|autumn) school)\b", re.I
        ),
    ),
    ("lecture", re.compile(r"\blectures?\b", re.I)),
    ("seminar", re.compile(r"\b(?:seminar|webinar|colloquium|club|reading group)\b", re.I)),
    ("festival", re.compile(r"\b(?:festival|fringe|fair)\b", re.I)),
    (
        "networking",
        re.compile(r"\b(?:networking|meet-?up|drinks|social|open day|open event)\b", re.I),
    ),
    (
        "talk",
        re.compile(
            r"\b(?:talk|panel|debates?|q&a|fireside|showcase|launch|lates|session|event)\b", re.I
        ),
    ),
)
_EVENT_WORD = re.compile(
    r"\b(?:events?|webinars?|seminars?|symposi(?:um|a)|conferences?|workshops?|lectures?|festival|"
    r"data study group|open day|q&a|showcase|launch|debates?|forum|unconference|lates|hackathon|"
    r"datathon|ideathon|datajam|"
    r"summit|meet-?up|masterclass|training course|talks?|panel|colloquium|roundtable|ceremony|"
    r"retreat|club|"
    r"networking|fringe|session|bootcamp|series)\b",
    re.I,
)
_ENDS_ON_EVENT_WORD = re.compile(_EVENT_WORD.pattern + r"(?:\s+\d{4})?\s*$", re.I)
# "Acme Seminar: Title", "Acme Conference 2030", "Acme Summer School", "Acme Seminar Series
# 2030": a heading that names an event without dates
_NAMED_EVENT = re.compile(
    r"\b(?:Event|Seminar|Webinar|Workshop|Symposium|Conference|Lecture|Colloquium)"
    r"(?::\s|\s+\d{4}$)|\bSeries\s+\d{4}$|\b(?:Hackathon|Datathon|Data[Jj]am)(?:\s+\d{4})?$|"
    r"^(?:[Ss]ave the [Dd]ate|[Rr]egistration (?:is )?(?:now )?open)\s*[:\-–]\s*\S|"
    r"^(?:[A-Z][A-Za-z]*[A-Z]){2,}\s+(?:19|20)\d\d\b|"  # "NeurIPS 2025", "ICML 2025 Workshop …"
    r"\b(?:Summer|Winter|Spring|Autumn) School(?::\s|(?:\s+\d{4})?$)"
)
#: "Catchup on the Acme Workshops", "Highlights from the Acme Summit": a past event's name
_RECAP = re.compile(r"^(?:catch[- ]?up on|recordings? (?:of|from)|highlights from|"
                    r"recap(?: of)?:?)\s+(?:(?:the|our|this year['’]s)\s+)?(?P<name>\S.*)$", re.I)
_TAUGHT = re.compile(r"\b(?:training|courses?|(?:summer|winter|spring|autumn) schools?)\b", re.I)
_HELD = re.compile(r"\b(?:will be|is|are) held\b|\btak(?:e|es|ing) place\b", re.I)
# opportunity words that head a name ("Studentships"); job and funding words are too common
_OPPORTUNITY_HEADS = tuple(
    rx for kind, rx in _OPPORTUNITY_KINDS if kind not in ("job", "funding_call")
)
#: "presenting at", "speaker at": a person's part at an event a heading names after it
SPEAKS_AT = (
    r"(?:presenting|presents|speaking|speaks|speaker|talking|talks|keynote|panell?ist|"
    r"(?:to|will) (?:speak|present|talk))\s+at\b")
#: "Jane Doe presenting at the Acme Conference 2030": a heading about going to an event
_GOES_TO = re.compile(rf"^(?P<who>.*?)\s{SPEAKS_AT}\s*(?:the\s+)?(?P<event>[A-Z0-9].*)$")
#: "Partnership at NeurIPS 2030": who is at (or attends) an event
_IS_AT = re.compile(r"^(?P<who>.*?)\s(?:at|attending|attends)\s+(?:the\s+)?(?P<event>[A-Z0-9].*)$")
_SHORT_NAME = re.compile(r"^(?P<prefix>.*?)\s*(?::|(?<=\w)-|–|—)\s+(?P<short>\S.*)$")
_SERIES = re.compile(r"^(?P<series>.*?\bSeries)\b", re.I)
_ALWAYS_OPPORTUNITY = frozenset({"job", "studentship", "internship", "call_for_papers"})
EVENT_DATE_LABELS = frozenset({DateLabel.DATE, DateLabel.EVENT})


@dataclass(frozen=True)
class ItemKind:
    """How an item reads: ``kind`` ∈ {event, opportunity, None} and its sub-kind."""

    kind: str | None
    sub_kind: str | None = None


def classify(item: Item) -> ItemKind:
    """Event, opportunity or neither, from the heading words and the dated lines."""
    title = item.title
    has_date = any(d.label in EVENT_DATE_LABELS for d in item.dated_lines)
    has_deadline = any(d.label not in EVENT_DATE_LABELS for d in item.dated_lines)
    opportunity = next((kind for kind, rx in _OPPORTUNITY_KINDS if rx.search(title)), None)
    if has_date and _ENDS_ON_EVENT_WORD.search(title):  # "Centres for Doctoral X Conference 2030"
        return ItemKind("event", event_kind(title))
    if opportunity in _ALWAYS_OPPORTUNITY or (opportunity and re.match(r"(?i)call\b", title)):
        return ItemKind("opportunity", opportunity)
    # a jobs section's items are jobs, unless one is a dated event ("Acme Workshop", 12 May)
    jobs_section = _JOBS_SECTION.search(item.section) and not (has_date and (
        _EVENT_WORD.search(title) or _TAUGHT.search(title) or _NAMED_EVENT.search(title)))
    if jobs_section or (_job_title(title) and any(_HIRING.search(b.text) for b in item.blocks)):
        return ItemKind("opportunity", opportunity or "job")  # "Research Fellow in X"
    # a deadline to submit or apply makes a call; one to register does not
    calls = any(d.label not in (*EVENT_DATE_LABELS, DateLabel.REGISTRATION_DEADLINE)
                for d in item.dated_lines)
    listed = _EVENTS_SECTION.search(item.section) and _names_only(title)  # "## Events" over it
    if _EVENT_WORD.search(title) and (has_date or not calls and (
            listed or any(says_when(b.text) for b in item.blocks))):
        return ItemKind("event", event_kind(title))  # "… is taking place on 24-26 October"
    if opportunity:
        return ItemKind("opportunity", opportunity)
    if _TAUGHT.search(title) and any(_HELD.search(b.text) for b in item.blocks):
        return ItemKind("event", "workshop")  # "X Training" whose courses "will be held in Leeds"
    if has_date or _NAMED_EVENT.search(title) or _recalled_event(title) or (
            _EVENT_WORD.search(title) and _dated_entries(item)):
        return ItemKind("event", event_kind(title))
    if has_deadline:
        return ItemKind("opportunity", "scheme")
    return ItemKind(None)


_EVENTS_SECTION = re.compile(r"\bevents?\b", re.I)
_JOBS_SECTION = re.compile(r"^\W*(?:jobs?|vacanc(?:y|ies)|careers?|we(?:'re| are) hiring)\b", re.I)
_HIRING = re.compile(r"\b(?:hiring|recruiting|vacanc(?:y|ies)|apply|applications?|deadline|"
                     r"closing date|salary)\b", re.I)
_NOT_A_JOB = frozenset({"meet", "welcome", "welcoming", "congratulations", "introducing", "new",
                        "our", "farewell", "goodbye", "spotlight"})


def _job_title(title: str) -> bool:
    """ "Research Fellow in Causal Machine Learning", "Data Scientist (12 months)": a heading
    that is a job's title (the caller asks for hiring words in its text)."""
    head = re.split(r"\s+(?:in|on|for|of|at|with)\s+|\s*[:(–-]\s*", title, maxsplit=1)[0]
    words = head.split()
    return 0 < len(words) <= 5 and words[0].lower() not in _NOT_A_JOB and is_role_phrase(head)


_NAME_CONNECTORS = frozenset({"of", "for", "on", "in", "and", "&", "the", "at", "-", "–"})


def _names_only(title: str) -> bool:
    """ "Acme Summit 2030", "Workshop on Soil and Water": a name ending on an event word, not
    news about one ("New speakers announced for the Acme Conference")."""
    return bool(_ENDS_ON_EVENT_WORD.search(title)) and _capitalised_words(title)



def _dated_entries(item: Item) -> bool:
    """A list of entries that open with dates ("- 15 October 2030: Dr Jane Doe - Title"): a
    series' programme."""
    return any(b.kind is BlockKind.LIST_ITEM and opens_with_date(b.text) for b in item.blocks)


def attended_event(title: str) -> tuple[int, int] | None:
    """ "Jane Doe presenting at Acme Conference 2030" -> the characters of "Acme Conference
    2030": the event a heading says someone speaks at or attends is the item's event (the
    heading tells a person's story, it names no event of its own)."""
    match = _GOES_TO.match(title)
    if match is None:  # "Partnership at NeurIPS 2030"
        went = _IS_AT.match(title)
        match = went if went and _capitalised_words(went["event"]) else None
    if match is None or _EVENT_WORD.search(match["who"]):
        return None
    event = match["event"]
    if not (_EVENT_WORD.search(event) or re.search(r"\b(?:19|20)\d\d\b", event)):
        return None  # "Jane Doe speaking at Acme University": a place, not an event
    return match.start("event"), match.end("event")


def _capitalised_words(text: str) -> bool:
    """Capitalised words, numbers and name connectors only: what may be a name."""
    return all(w[:1].isupper() or w.isdigit() or w in _NAME_CONNECTORS for w in text.split())


def _recalled_event(title: str) -> str | None:
    """ "Catchup on the Acme Workshops" -> "Acme Workshops": the past event a heading recalls."""
    recap = _RECAP.match(title)
    name = recap["name"].strip() if recap else ""
    return name if len(name.split()) >= 2 and _ENDS_ON_EVENT_WORD.search(name) else None


def names_event(word: str) -> bool:
    """ "Webinar", "Event": a word that heads the name of an event."""
    return bool(_EVENT_WORD.fullmatch(word))


def names_event_or_opportunity(word: str) -> bool:
    """ "Webinar", "Studentships": a word that heads the name of an event or an opportunity."""
    return names_event(word) or any(
        rx.fullmatch(word) for rx in _OPPORTUNITY_HEADS
    )


def event_kind(title: str) -> str:
    return next((kind for kind, rx in _EVENT_KINDS if rx.search(title)), "other")


def event_names(title: str) -> dict[str, str]:
    """``short_name`` (after "Event:" / "Webinar-") and ``series`` from an event heading."""
    found: dict[str, str] = {}
    recalled = _recalled_event(title)
    if recalled:
        return {"short_name": recalled}
    hosted = re.search(
        r"\b(?:hosting|hosts|presents|presenting)\s+(?!at\b)(?:an?\s|the\s)?\s*(\S.*)$", title
    )
    if hosted and len(hosted.group(1).split()) >= 2:
        return {"short_name": hosted.group(1).strip()}
    match = _SHORT_NAME.match(title)
    if match and len(match.group("short").split()) >= 2 and not _names_a_host(match):
        found["short_name"] = match.group("short").strip()
        prefix = match.group("prefix")
        series = _SERIES.match(prefix)
        if series:
            found["series"] = series.group("series").strip()
    elif match is None and (named := _name_before_event_word(title)) and named != title:
        found["short_name"] = named  # "Expression of Interest for the X Hackathon"
    return found


_NAME_EVENT_WORDS = frozenset(
    {"Conference", "Congress", "Symposium", "Summit", "Workshop", "Hackathon", "Festival"})


def _name_before_event_word(title: str) -> str | None:
    """The capitalised name ending on the heading's last event word ("R in Pharma Conference
    featuring Roche colleagues", "New Speakers Announced for AI UK Conference"): words to its
    left while they are capitalised, bracketed or "of/in/and/&"."""
    words = title.split()
    ends = [i for i, w in enumerate(words) if w in _NAME_EVENT_WORDS]
    if not ends:
        return None
    end = ends[-1] + 1
    if end + 1 < len(words) and words[end] in ("on", "of", "in") and words[end + 1][:1].isupper():
        end += 1  # "Conference on Machine Learning": its complement
        while end < len(words) and (words[end][:1].isupper() or words[end] in ("and", "&")):
            end += 1
    if end < len(words) and re.fullmatch(r"\d{4}", words[end]):
        end += 1
    start = ends[-1]
    while start > 0 and (words[start - 1][:1].isupper() or words[start - 1][:1] == "("
                         or words[start - 1].endswith(")") or words[start - 1].isdigit()
                         or words[start - 1] in ("of", "in", "and", "&")):
        start -= 1
    while start < ends[-1] and not words[start][:1].isupper():
        start += 1
    name = " ".join(words[start:end])
    host = held_at(title)
    if host and name in host and any(names_event(w) for w in title[: title.rfind(host)].split()):
        return None  # "Workshop on X at the Acme Conference": the workshop is the heading's
    return name if start < ends[-1] else None


#: "Join us at the Acme Forum", "Attend the Acme Hackathon", "Registration open for Acme
#: 2030": an invitation before the event's name
_INVITATION = re.compile(
    r"^(?:join us (?:at|for|in)|attend|come to|sign up (?:for|to)|register (?:now )?for|"
    r"book (?:your|a) (?:place|ticket|seat) (?:at|for|on)|registration (?:is )?(?:now )?open "
    r"(?:for|to))\s+(?:(?:a|an|the|our)\s+)?(?=[A-Z0-9])", re.IGNORECASE)


def invited_to(title: str) -> tuple[int, int] | None:
    """ "Join us at the Acme Forum" -> the characters of "Acme Forum": a heading that invites
    readers names the event after its invitation."""
    match = _INVITATION.match(title)
    return (match.end(), len(title)) if match and len(title) - match.end() > 3 else None


#: What a heading announces about an event beside its name ("Save the date: X", "X -
#: registration open", "X (recording available)"): no part of the name
_ANNOUNCEMENT = (
    r"(?:save the date|reminder|last chance|coming soon|new date|postponed|cancelled|"
    r"rescheduled|(?:registration|registrations|tickets|booking|applications|submissions|"
    r"call for (?:abstracts|papers|posters|proposals))(?: (?:is|are))?(?: now)? "
    r"(?:open|available|live|closing soon|extended)|(?:recordings?|slides|videos?)"
    r"(?: (?:is|are))?(?: now)? (?:available|online|out)|(?:programme|agenda|speakers?|"
    r"keynotes?)(?: (?:is|are|has been|have been))?(?: now)? (?:announced|available|out|"
    r"confirmed|live))")
_ANNOUNCED = re.compile(
    rf"^{_ANNOUNCEMENT}!?\s*(?::|-|–|—)\s+(?P<after>\S.*)$|"
    rf"^(?P<before>.*?\S)\s*(?::|(?<=\w)-|\s-|–|—|\()\s*{_ANNOUNCEMENT}\)?[.!]?$",
    re.IGNORECASE)


_ONLY_ANNOUNCES = re.compile(
    rf"^(?:{_ANNOUNCEMENT}|upcoming events?|event announcement|new event)[.!]?$", re.IGNORECASE)


def announces_only(title: str) -> bool:
    """ "Save the date", "Registration now open": a heading that names no event, only what it
    announces about the one its text names."""
    return _ONLY_ANNOUNCES.match(title.strip()) is not None


def announced_event(title: str) -> tuple[int, int] | None:
    """ "Save the date: Acme Forum 2030", "Acme Forum 2030 - registration open", "Highlights
    from our Annual Event" -> the characters of the event's name beside what the heading
    announces."""
    recalled = _RECAP.match(title)
    if recalled is not None and _recalled_event(title):
        return recalled.start("name"), len(title.rstrip())
    match = _ANNOUNCED.match(title)
    if match is None:
        return None
    group = "after" if match.group("after") else "before"
    return (match.start(group), match.end(group)) if len(match.group(group).split()) >= 2 else (
        None)


def held_at(title: str) -> str | None:
    """ "Workshop on X at the Acme Conference" -> "Acme Conference": the other event (or the
    place) a heading's own event is held at, or None ("Join us at the Acme Forum" invites to
    the heading's own)."""
    match = _held_at(title)
    return match["host"].strip() if match else None


def own_event_held_at(title: str) -> tuple[int, int] | None:
    """ "Westby Soil Workshop at Acme Conference 2030" -> the characters of "Westby Soil
    Workshop": the heading's own event, when its name is an event's and it is held at another."""
    match = _held_at(title)
    if match is None or invited_to(title):
        return None
    own = match["own"].strip()
    if not any(names_event(w) for w in own.split()):
        return None
    return match.start("own"), match.start("own") + len(own)


_OWN_AT_HOST = re.compile(r"(?P<own>.*?)\bat (?:the )?(?P<host>[A-Z].*)$")


def _held_at(title: str) -> re.Match[str] | None:
    invited = invited_to(title)
    at = invited[0] if invited else 0
    match = _OWN_AT_HOST.match(title, at)
    if match is None:
        return None
    last = match["host"].split()[-1]  # "Acme Xplorers at Bristol Data Week"
    if not (any(names_event(w) for w in match["own"].split()) or names_event(last)
            or last in ("Week", "Day")):
        return None
    return match


def _names_a_host(match: re.Match[str]) -> bool:
    """ "Title- Acme University", "Title- HDR UK": after a dash the heading may name the host or
    place, not the event (a colon always introduces the event's own name)."""
    if match.group(0)[match.end("prefix"):].lstrip()[:1] == ":":
        return False
    short = match.group("short").strip()
    words = short.split()
    if ":" in short or len(words) > 6 or _EVENT_WORD.search(short) or re.search(r"\d", short):
        return False
    if lexicon.org_kind_of(short) or lexicon.is_partner_name(short):
        return True
    return len(words) <= 4 and all(w[:1].isupper() for w in words) and any(
        w.isupper() and w.isalpha() and len(w) >= 2 for w in words)


def event_dates(item: Item, issue: dt.date) -> dict[str, str]:
    """``start_date``/``end_date`` from the item's own date line (never a deadline); without
    one, from a sentence saying when it takes place ("is taking place from 24-26 October"),
    even under a registration deadline."""
    found = next(((line.start, line.end) for line in item.dated_lines
                  if line.label in EVENT_DATE_LABELS), None)
    if found is None:
        prose = next((d for b in item.blocks if (d := prose_event_date(b.text, issue))), None)
        found = (prose.start, prose.end) if prose else None
    return date_fields(*found) if found else {}


def date_fields(start: dt.date, end: dt.date | None) -> dict[str, str]:
    """``start_date`` and (when it differs) ``end_date`` as an event's ISO attributes."""
    return {"start_date": start.isoformat(),
            **({"end_date": end.isoformat()} if end and end != start else {})}


def deadline(item: Item) -> str | None:
    return next(
        (d.start.isoformat() for d in item.dated_lines if d.label not in EVENT_DATE_LABELS), None
    )
