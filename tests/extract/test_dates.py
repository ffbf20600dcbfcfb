"""Dated lines: labels, ranges, ordinals and missing years resolved against the issue."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerkg.extract.dates import label_of, parse_dated_line
from partnerkg.extract.model import DateLabel

NOVEMBER = dt.date(2023, 11, 1)
D = dt.date


@pytest.mark.parametrize(
    ("line", "label", "start", "end"),
    [
        ("21 November 2023", DateLabel.DATE, D(2023, 11, 21), None),
        ("Deadline: 22 December 2024", DateLabel.DEADLINE, D(2024, 12, 22), None),
        (
            "Registration deadline: 06 November 2023",
            DateLabel.REGISTRATION_DEADLINE,
            D(2023, 11, 6),
            None,
        ),
        (
            "Application deadline: 14 November 2023",
            DateLabel.APPLICATION_DEADLINE,
            D(2023, 11, 14),
            None,
        ),
        (
            "Paper submission deadline: 27 October 2023",
            DateLabel.SUBMISSION_DEADLINE,
            D(2023, 10, 27),
            None,
        ),
        ("Event: 4-7 December 2023", DateLabel.EVENT, D(2023, 12, 4), D(2023, 12, 7)),
        ("Fringe: 04 March-29 March 2024", DateLabel.OTHER, D(2024, 3, 4), D(2024, 3, 29)),
        ("08-10 July 2024", DateLabel.DATE, D(2024, 7, 8), D(2024, 7, 10)),
        ("22nd-23rd March 2022", DateLabel.DATE, D(2022, 3, 22), D(2022, 3, 23)),
        ("Deadline 31st January 2022", DateLabel.DEADLINE, D(2022, 1, 31), None),
        ("31 October- 11 November 2022", DateLabel.DATE, D(2022, 10, 31), D(2022, 11, 11)),
        ("June 20-23 2023 and June 26-30 2023", DateLabel.DATE, D(2023, 6, 20), D(2023, 6, 30)),
        ("Deadline: 9 September 2022 23:59", DateLabel.DEADLINE, D(2022, 9, 9), None),
        ("11 March 2024- 10am GMT", DateLabel.DATE, D(2024, 3, 11), None),
        ("30-31 October 2023", DateLabel.DATE, D(2023, 10, 30), D(2023, 10, 31)),
        ("Immersion Week: 27-31 March 2024", DateLabel.EVENT, D(2024, 3, 27), D(2024, 3, 31)),
        ("Next seminar: 14 April 2024", DateLabel.EVENT, D(2024, 4, 14), None),
        ("Info and Q&A webinar: 05 July 2023", DateLabel.EVENT, D(2023, 7, 5), None),
        ("Pre conference events: 18 and 25 October 2023", DateLabel.OTHER, D(2023, 10, 18),
         D(2023, 10, 25)),
        # weekdays, times of day, time zones and a place or format after the date
        ("10 June 2025, 14:00-15:00 BST", DateLabel.DATE, D(2025, 6, 10), None),
        ("10 June 2025 | 14:00 - 15:00", DateLabel.DATE, D(2025, 6, 10), None),
        ("Tuesday 10 June 2025, 2-3pm (BST)", DateLabel.DATE, D(2025, 6, 10), None),
        ("Wednesday, 4 June 2025, 12.30-13.30", DateLabel.DATE, D(2025, 6, 4), None),
        ("12:30 - 13:30, 4 June 2025", DateLabel.DATE, D(2025, 6, 4), None),
        ("20-24 July 2025, Liverpool", DateLabel.DATE, D(2025, 7, 20), D(2025, 7, 24)),
        ("10th-12th June 2025 | London", DateLabel.DATE, D(2025, 6, 10), D(2025, 6, 12)),
        ("5 June 2025 - Online", DateLabel.DATE, D(2025, 6, 5), None),
        ("Monday 7 - Friday 11 July 2025", DateLabel.DATE, D(2025, 7, 7), D(2025, 7, 11)),
        ("When: Thursday 5 June 2025, 11am–12pm", DateLabel.DATE, D(2025, 6, 5), None),
        ("Closing date: 3 June 2025", DateLabel.DEADLINE, D(2025, 6, 3), None),
        ("Date: 12/05/2030", DateLabel.DATE, D(2030, 5, 12), None),  # the day first
        ("June 3-4, 2030", DateLabel.DATE, D(2030, 6, 3), D(2030, 6, 4)),  # "4, 2030" is a day
        ("From 1 July to 3 July 2030", DateLabel.DATE, D(2030, 7, 1), D(2030, 7, 3)),
        ("Takes place 12 May 2030", DateLabel.DATE, D(2030, 5, 12), None),
        ("Date: 2030-06-30 to 2030-07-02", DateLabel.DATE, D(2030, 6, 30), D(2030, 7, 2)),
    ],
)
def test_dated_lines(line: str, label: DateLabel, start: dt.date, end: dt.date | None) -> None:
    parsed = parse_dated_line(line, NOVEMBER)
    assert parsed is not None
    assert (parsed.label, parsed.start, parsed.end) == (label, start, end)


def test_a_december_issue_means_next_january() -> None:
    parsed = parse_dated_line("Deadline: 12 January", dt.date(2023, 12, 1))
    assert parsed is not None and parsed.start == D(2024, 1, 12)


def test_a_range_across_new_year_without_years() -> None:
    parsed = parse_dated_line("28 December-3 January", dt.date(2023, 12, 1))
    assert parsed is not None and (parsed.start, parsed.end) == (D(2023, 12, 28), D(2024, 1, 3))


@pytest.mark.parametrize(
    "line",
    [
        "Causality Seminar Series 2022",
        "Spring and Summer 2022",
        "Tell us about yourself:",
        "May the best team win",
        "Connect with us",
        "",
    ],
)
def test_titles_are_not_dates(line: str) -> None:
    assert parse_dated_line(line, NOVEMBER) is None


def test_raw_label_is_kept() -> None:
    parsed = parse_dated_line("Deadline for applications: 31 March 2023", NOVEMBER)
    assert parsed is not None and parsed.raw_label == "Deadline for applications"
    assert parsed.label is DateLabel.APPLICATION_DEADLINE
    assert label_of("Internship begins") is DateLabel.OTHER


@pytest.mark.parametrize(
    ("line", "issue", "start"),
    [
        ("Summer School: August 28 - 2 September", D(2023, 2, 1), D(2023, 8, 28)),  # coming
        ("Event: 12 December", D(2024, 1, 1), D(2023, 12, 12)),  # just reported
        ("Event: 3 October", D(2024, 2, 1), D(2024, 10, 3)),
    ],
)
def test_a_missing_year_favours_what_is_coming(line: str, issue: dt.date, start: dt.date) -> None:
    parsed = parse_dated_line(line, issue)
    assert parsed is not None and parsed.start == start


@pytest.mark.parametrize(
    ("after", "start"),
    [
        (" on Monday 6th March. It is a poster competition.", D(2024, 3, 6)),
        (" conference on 12 June 2025 in Leeds", D(2025, 6, 12)),
        (", in the strategic partnership category", None),
        (" is run by the institute. We met on 2 May.", None),
        (" is taking place July 10-14 as a hybrid meeting", D(2024, 7, 10)),
        (" has opened submissions for the event taking place in Leeds on 2-5 September.",
         D(2024, 9, 2)),
        (" has opened submissions; our own team met in Leeds on 2 September.", None),
    ],
)
def test_the_date_right_after_an_events_name(after: str, start: dt.date | None) -> None:
    from partnerkg.extract.dates import date_after_name

    found = date_after_name(after, dt.date(2024, 3, 1))
    assert (found.start if found else None) == start


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The conference will take place on 12-14 May 2030 in Leeds.", D(2030, 5, 12),
         D(2030, 5, 14)),
        ("The webinar is on 12 May 2030 at 2pm.", D(2030, 5, 12), None),
        ("Join us on Tuesday 12 May for a day of talks.", D(2030, 5, 12), None),
        ("The event runs from 12 to 14 May.", D(2030, 5, 12), D(2030, 5, 14)),
        ("The next seminar is scheduled for 12 May.", D(2030, 5, 12), None),
        ("Save the date: 12 May 2030.", D(2030, 5, 12), None),
        ("Applications close soon; the deadline is on 12 May.", None, None),
        ("Registration closes on 1 May; the symposium itself is on 12 May.", D(2030, 5, 12),
         None),
    ],
)
def test_a_sentence_saying_when_an_event_takes_place_dates_it(
    sentence: str, start: dt.date | None, end: dt.date | None
) -> None:
    from partnerkg.extract.dates import prose_event_date

    found = prose_event_date(sentence, dt.date(2030, 3, 1))
    assert ((found.start, found.end) if found else (None, None)) == (start, end)
