"""Whatever bytes a newsletter file holds, ``read`` fails only with a PartnerKGError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerkg.errors import PartnerKGError
from partnerkg.extract import read
from partnerkg.extract.formats import FORMATS

_MARKUP = st.sampled_from(
    [
        "## ",
        "### ",
        "**",
        "[",
        "](",
        ")",
        "<p>",
        "</p>",
        "<h2>",
        "<a href='",
        "'>",
        "</a>",
        "&amp;",
        "&#",
        "\\",
        "\n",
        "\r\n",
        "- ",
        "===",
        "Deadline: ",
        "12 March 2024",
        "-",
        "https://eur01.safelinks.protection.outlook.com/?url=",
        "http://elink.x/c/7/eyJ1Ijo",
        "Welcome to May's newsletter",
        "Content-Type: text/html\n\n",
        "`",
        "*",
    ]
)
_TEXT = st.lists(st.one_of(_MARKUP, st.text(max_size=20)), max_size=40).map("".join)


def _read_quietly(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2024-05{suffix}"
        path.write_bytes(data)
        try:
            newsletter = read(path)
        except PartnerKGError:
            return
        for item in newsletter.items:
            for block in item.blocks:
                block.source_span(0, len(block.text))


@pytest.mark.parametrize("suffix", sorted(FORMATS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_read_text_never_raises_other_errors(suffix: str, text: str) -> None:
    _read_quietly(suffix, text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("suffix", sorted(FORMATS))
@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_read_bytes_never_raises_other_errors(suffix: str, data: bytes) -> None:
    _read_quietly(suffix, data)
