"""Which month an issue is: from its own words, else its file name, else the user.

Newsletters open with "Welcome to November's … newsletter"; the year is the one its
explicit dates ("21 November 2023") name most often.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections import Counter

from partnerkg.errors import ReaderError

log = logging.getLogger(__name__)

_MONTH_NAMES = "|".join(calendar.month_name[1:])
_WELCOME = re.compile(rf"\b(?P<month>{_MONTH_NAMES})(?:'s|’s)?\b[^.!?\n]{{0,80}}\bnewsletter", re.I)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_FILE_MONTH = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}


def issue_month(text: str, name: str, explicit: str | None) -> dt.date:
    """First day of the issue's month; ReaderError naming ``--issue-month`` when unknown."""
    from_content, from_name = _from_content(text), _from_file_name(name)
    if from_content and from_name and from_content != from_name:
        log.warning(
            "%s: the text says %s but the file name %s; using the text",
            name,
            f"{from_content:%Y-%m}",
            f"{from_name:%Y-%m}",
        )
    found = from_content or from_name or _from_option(explicit, name)
    if found is None:
        raise ReaderError(
            f"{name}: cannot tell which month this issue is (no \"Welcome to <Month>'s "
            'newsletter" line and no YYYY-MM in the file name); pass --issue-month YYYY-MM'
        )
    return found


def _from_content(text: str) -> dt.date | None:
    """The welcome line's month, in the year the issue's dates name most often."""
    welcome = _WELCOME.search(text)
    if welcome is None:
        return None
    month = _MONTHS[welcome.group("month").lower()]
    years = Counter(int(match.group("year")) for match in _MONTH_YEAR.finditer(text))
    same_month = Counter(
        int(match.group("year"))
        for match in _MONTH_YEAR.finditer(text)
        if _MONTHS[match.group("month").lower()] == month
    )
    counts = same_month or years
    return dt.date(counts.most_common(1)[0][0], month, 1) if counts else None


def _from_file_name(name: str) -> dt.date | None:
    match = _FILE_MONTH.search(name.rsplit("/", 1)[-1])
    return dt.date(int(match.group("year")), int(match.group("month")), 1) if match else None


def _from_option(explicit: str | None, name: str) -> dt.date | None:
    if explicit is None:
        return None
    match = _FILE_MONTH.fullmatch(explicit.strip())
    if match is None:
        raise ReaderError(f"{name}: --issue-month {explicit!r} is not YYYY-MM (e.g. 2024-03)")
    return dt.date(int(match.group("year")), int(match.group("month")), 1)
