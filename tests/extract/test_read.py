"""Reading newsletter files of every format, and failing clearly on bad input."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from pathlib import Path

import pytest

from partnerkg.errors import ReaderError
from partnerkg.extract import discover, read
from partnerkg.extract.model import BlockKind, DateLabel
from partnerkg.extract.read import MAX_BYTES

MARKDOWN = """Welcome to March's Example Partnership newsletter!

## Partnership Updates

### Spring Seminar: Graphs in **Health**

**12 March 2025**

We will be joined by [Ada Quill](https://example.org/people/ada?utm_source=mail),
Lecturer at Northgate University\\.

- Ben Ort, Northgate University, Programme Lead

### Call for Posters

**Deadline: 04 April 2025**

Send posters to the team.
"""

HTML = """<html><head><title>x</title><style>p{}</style></head><body>
<p>Welcome to March&#39;s Example newsletter!</p>
<h2>Events</h2>
<h3>Spring Seminar &amp; Social</h3>
<p><strong>Event: 12-13 March 2025</strong></p>
<p>Joined by <a href="https://example.org/a?esid=1">Ada Quill</a>, Lecturer at
   Northgate University.</p>
<ul><li>Ben Ort, Northgate University, Programme Lead</li></ul>
</body></html>
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_sections_items_dates_links(tmp_path: Path) -> None:
    newsletter = read(_write(tmp_path, "issue.md", MARKDOWN))
    assert newsletter.issue_month == "2025-03"
    seminar, call = newsletter.items
    assert seminar.title == "Spring Seminar: Graphs in Health"
    assert seminar.section == "Partnership Updates"
    assert [(d.label, d.start.isoformat()) for d in seminar.dated_lines] == [
        (DateLabel.DATE, "2025-03-12")
    ]
    assert call.dated_lines[0].label is DateLabel.DEADLINE
    (link,) = seminar.links
    assert (link.text, link.target) == ("Ada Quill", "https://example.org/people/ada")
    paragraph = next(b for b in seminar.blocks if b.kind is BlockKind.PARAGRAPH)
    assert paragraph.text.endswith("Northgate University.")  # escape removed
    assert [b.kind for b in seminar.blocks].count(BlockKind.LIST_ITEM) == 1


def test_markdown_offsets_point_into_the_file(tmp_path: Path) -> None:
    newsletter = read(_write(tmp_path, "issue.md", MARKDOWN))
    block = next(b for b in newsletter.items[0].blocks if "Lecturer" in b.text)
    start = block.text.index("Ada Quill")
    span = block.source_span(start, start + len("Ada Quill, Lecturer"))
    assert newsletter.text[span.start : span.end].startswith("Ada Quill](")
    assert newsletter.text[span.end - len("Lecturer") : span.end] == "Lecturer"


def test_crlf_files_keep_exact_offsets(tmp_path: Path) -> None:
    newsletter = read(_write(tmp_path, "2025-03.md", MARKDOWN.replace("\n", "\r\n")))
    title = newsletter.items[1].title_span
    assert newsletter.text[title.start : title.end] == "Call for Posters"


def test_html_newsletter(tmp_path: Path) -> None:
    newsletter = read(_write(tmp_path, "issue.html", HTML))
    (item,) = newsletter.items
    assert item.title == "Spring Seminar & Social"
    assert (item.dated_lines[0].start.day, item.dated_lines[0].end.day) == (12, 13)  # type: ignore[union-attr]
    (link,) = item.links
    assert link.target == "https://example.org/a"
    assert newsletter.text[link.span.start : link.span.end] == "Ada Quill"
    paragraph = next(b for b in item.blocks if "Lecturer" in b.text)
    assert "Lecturer at Northgate University." in paragraph.text  # whitespace collapsed
    start = paragraph.text.index("Northgate")
    span = paragraph.source_span(start, start + 9)
    assert newsletter.text[span.start : span.end] == "Northgate"


def test_eml_prefers_the_html_part(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Newsletter"
    message.set_content("Plain version without structure")
    message.add_alternative(HTML, subtype="html")
    newsletter = read(_write(tmp_path, "mail.eml", bytes(message)))
    assert newsletter.items[0].title == "Spring Seminar & Social"
    span = newsletter.items[0].title_span
    assert newsletter.text[span.start : span.end].startswith("Spring Seminar")  # decoded body


def test_text_newsletter_headings_by_structure(tmp_path: Path) -> None:
    text = (
        "Welcome to March's newsletter.\n\nEVENTS\n\nSpring Seminar\n--------------\n\n"
        "21 March 2025\n\nA talk by Ada Quill.\n\n- Ben Ort, Programme Lead\n"
    )
    newsletter = read(_write(tmp_path, "2025-03.txt", text))
    (section,) = newsletter.sections
    assert section.title == "EVENTS"
    (item,) = section.items
    assert item.title == "Spring Seminar"
    assert item.dated_lines[0].start.isoformat() == "2025-03-21"
    assert item.blocks[-1].kind is BlockKind.LIST_ITEM


def test_issue_month_from_file_name_then_option(tmp_path: Path) -> None:
    body = "## News\n\n### Item\n\nText.\n"
    assert read(_write(tmp_path, "2024-06.md", body)).issue_month == "2024-06"
    assert read(_write(tmp_path, "news.md", body), issue_month="2024-07").issue_month == "2024-07"
    with pytest.raises(ReaderError, match="--issue-month"):
        read(_write(tmp_path, "other.md", body))
    with pytest.raises(ReaderError, match="not YYYY-MM"):
        read(tmp_path / "other.md", issue_month="July")


def test_no_headings_keeps_paragraphs_in_the_preamble(tmp_path: Path) -> None:
    newsletter = read(_write(tmp_path, "2024-06.md", "Just one paragraph.\n\nAnd another.\n"))
    assert newsletter.sections == ()
    assert [b.text for b in newsletter.preamble] == ["Just one paragraph.", "And another."]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("2024-01.md", "", "empty"),
        ("2024-01.md", "  \n\n", "empty"),
        ("2024-01.md", b"## A\x00B", "binary"),
        ("2024-01.pdf", "## Title", "unknown file type"),
    ],
)
def test_bad_files_fail_clearly(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(ReaderError, match=message) as error:
        read(path)
    assert str(path) in str(error.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no such file"):
        read(tmp_path / "2024-01.md")


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "2024-01.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: cheap to create
    assert path.stat().st_size > MAX_BYTES
    with pytest.raises(ReaderError, match="MiB limit"):
        read(path)


def test_invalid_utf8_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path, "2024-01.md", b"## News\n\n### Caf" + b"\xe9 Day\n\nText.\n")
    with caplog.at_level(logging.WARNING):
        newsletter = read(path)
    assert newsletter.items[0].title == "Caf\ufffd Day"
    assert "not valid UTF-8" in caplog.text


def test_discover_mixed_folder(tmp_path: Path) -> None:
    _write(tmp_path, "2024-01.md", MARKDOWN)
    _write(tmp_path, "b.html", HTML)
    _write(tmp_path, "notes.docx", "x")
    _write(tmp_path, ".hidden.md", "x")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "c.txt", "TEXT")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["2024-01.md", "b.html", "c.txt"]
    reasons = {s.path.name: s.reason for s in found.skipped}
    assert "unknown file type '.docx'" in reasons["notes.docx"]
    assert reasons[".hidden.md"] == "hidden file"
    with pytest.raises(ReaderError, match="no such file or folder"):
        discover([tmp_path / "absent"])


def test_printed_tracking_urls_are_unwrapped_and_links_stay_aligned(tmp_path: Path) -> None:
    text = (
        "## News\n\n### Item\n\nOnline: http://elink.example.org/m/1/59/p1-abc/1/1 "
        "or see [the page](https://example.org/p?utm_medium=mail).\n"
    )
    (item,) = read(_write(tmp_path, "2024-01.md", text)).items
    (block,) = item.blocks
    assert "elink" not in block.text
    assert block.links[0].text == "the page"
    assert block.links[0].target == "https://example.org/p"


def test_long_link_targets_keep_their_url_and_offsets(tmp_path: Path) -> None:
    safelink = "https://eur01.safelinks.example.com/?url=https%3A%2F%2Fexample.org%2F" + "a1" * 400
    text = f"## News\n\n### Item\n\nRead [the paper]({safelink}) by Ada Quill (2025).\n"
    newsletter = read(_write(tmp_path, "2025-01.md", text))
    (block,) = newsletter.items[0].blocks
    assert block.text == "Read the paper by Ada Quill (2025)."
    assert block.links[0].target == safelink
    start = block.text.index("Ada Quill")
    span = block.source_span(start, start + len("Ada Quill"))
    assert newsletter.text[span.start : span.end] == "Ada Quill"


def test_a_newsletter_cannot_forge_a_long_link_stand_in(tmp_path: Path) -> None:
    text = "## News\n\n### Item\n\nSee [this](partnerkg-url:7) and [that](partnerkg-url:0).\n"
    (item,) = read(_write(tmp_path, "2025-01.md", text)).items
    assert [link.target for link in item.blocks[0].links] == ["partnerkg-url:7", "partnerkg-url:0"]


def test_a_bold_question_over_a_bold_date_titles_an_item(tmp_path: Path) -> None:
    text = ("## Events\n\n**Soil Seminar Series 2030**\n\nThe Westby Institute runs a series.\n\n"
            "**Soil Equity: What has Data Science Done For Us?**\n\n**7 April 2030**\n\n"
            "A launch event.\n\n**Tell us about yourself:**\n\nI study soil.\n\n"
            "**Soil Training from Acme**\n\n**Spring and Summer 2030**\n\nCourses in Westby.\n")
    items = read(_write(tmp_path, "2030-03.md", text)).items
    assert [item.title for item in items] == [
        "Soil Seminar Series 2030", "Soil Equity: What has Data Science Done For Us?",
        "Soil Training from Acme"]  # a line of seasons says when, it titles nothing
    assert items[0].dated_lines == ()
    assert [d.start.isoformat() for d in items[1].dated_lines] == ["2030-04-07"]


def test_bold_titled_items_keep_their_place_line_and_dated_editions(tmp_path: Path) -> None:
    text = ("## Events\n\n**Acme Summer School**\n\n**Lake Placid, USA**\n\n**12-15 July 2030**\n\n"
            "A week of courses.\n\n**Westby Data Study Group May 2030**\n\n"
            "**Deadline for applications: 27 March 2030**\n\nA sprint.\n")
    items = read(_write(tmp_path, "2030-03.md", text)).items
    assert [item.title for item in items] == [
        "Acme Summer School", "Westby Data Study Group May 2030"]
    assert items[0].blocks[0].text == "Lake Placid, USA"  # the place line, no item of its own
    assert [d.start.isoformat() for d in items[0].dated_lines] == ["2030-07-12"]
    assert [d.label for d in items[1].dated_lines] == [DateLabel.APPLICATION_DEADLINE]


def test_typographic_quotes_and_fixed_spaces_read_plain_with_offsets_kept(
    tmp_path: Path,
) -> None:
    text = ("## News\n\n### Jane\u00a0O\u2019Neil\u2019s \u201cSoil\u201d Talk\n\n"
            "Jane\u202fDoe spoke.\n")
    newsletter = read(_write(tmp_path, "2030-03.md", text))
    (item,) = newsletter.items
    assert item.title == "Jane O'Neil's \"Soil\" Talk"
    assert item.blocks[0].text == "Jane Doe spoke."
    span = item.blocks[0].source_span(0, len("Jane Doe"))
    assert newsletter.text[span.start : span.end] == "Jane\u202fDoe"


def test_plain_short_date_lines_date_an_item_like_bold_ones(tmp_path: Path) -> None:
    text = ("## Events\n\n### Acme Workshop on Soil Data\n\n"
            "Deadline for registration 7 May 2030\n\nWorkshop date 21 May 2030\n\n"
            "The workshop closes on 30 May 2030 with a poster session.\n")
    (item,) = read(_write(tmp_path, "2030-03.md", text)).items
    assert [(d.label, d.start.isoformat()) for d in item.dated_lines] == [
        (DateLabel.REGISTRATION_DEADLINE, "2030-05-07"), (DateLabel.EVENT, "2030-05-21")]
    derived = ("## Events\n\n**Soil Equity: What has Data Science Done For Us?**\n\n"
               "7 April 2030\n\nA launch event.\n\n**Tell us about yourself:**\n\nI study soil.\n")
    items = read(_write(tmp_path, "2030-04.md", derived)).items
    assert [item.title for item in items] == ["Soil Equity: What has Data Science Done For Us?"]


def test_a_paragraph_of_bold_lines_is_one_block_per_line(tmp_path: Path) -> None:
    text = ("## Events\n\n### Acme Forum\n\n**Registration deadline: 10 May 2030**\n"
            "**Event: [31 May 2030](https://example.org/forum)**\n\nTalks on soil.\n")
    newsletter = read(_write(tmp_path, "2030-03.md", text))
    (item,) = newsletter.items
    assert [b.text for b in item.blocks[:2]] == ["Registration deadline: 10 May 2030",
                                                 "Event: 31 May 2030"]
    (link,) = item.blocks[1].links
    assert (link.text, link.target) == ("31 May 2030", "https://example.org/forum")
    span = item.blocks[1].source_span(0, len("Event"))
    assert newsletter.text[span.start : span.end] == "Event"


def test_text_newsletter_stacked_short_lines_and_a_question_over_a_date(tmp_path: Path) -> None:
    text = (
        "Welcome to March's newsletter.\n\nEVENTS\n\nSoil Forum\n----------\n\n"
        "Registration deadline: 10 May 2030\nEvent: 31 May 2030\n\nThe forum brings together\n"
        "soil scientists.\n"
    )
    (forum,) = read(_write(tmp_path, "2030-03.txt", text)).items
    assert [(d.label, d.start.isoformat()) for d in forum.dated_lines] == [
        (DateLabel.REGISTRATION_DEADLINE, "2030-05-10"), (DateLabel.EVENT, "2030-05-31")]
    assert forum.blocks[-1].text == "The forum brings together soil scientists."  # wrapped prose
    # no underlined item titles: short lines title items, a question too when a date follows
    text = ("Welcome to April's newsletter.\n\nEVENTS\n\nWhat has Data Science Done For Soil?\n\n"
            "7 April 2030\n\nA launch event.\n")
    (talk,) = read(_write(tmp_path, "2030-04.txt", text)).items
    assert talk.title == "What has Data Science Done For Soil?"
