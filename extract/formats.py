"""Which reader handles which file: a registry keyed by file suffix.

Adding a format is one entry here (a function from the file's bytes to its text and
raw blocks); :func:`partnerkg.extract.read.read` never branches on the kind of file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from partnerkg.extract.email_reader import read_email
from partnerkg.extract.html_reader import read_html
from partnerkg.extract.layout import RawBlock
from partnerkg.extract.markdown_reader import read_markdown
from partnerkg.extract.text_reader import read_text

log = logging.getLogger(__name__)

FormatReader = Callable[[bytes, str], tuple[str, list[RawBlock]]]


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM dropped); undecodable bytes become U+FFFD with a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        log.warning("%s: not valid UTF-8 (%s); undecodable bytes replaced by U+FFFD", name, error)
        return data.decode("utf-8-sig", errors="replace")


def _text_format(parse: Callable[[str], list[RawBlock]]) -> FormatReader:
    """A reader for a text format: decode as UTF-8, then parse."""

    def read_format(data: bytes, name: str) -> tuple[str, list[RawBlock]]:
        text = decode_utf8(data, name)
        return text, parse(text)

    return read_format


FORMATS: dict[str, FormatReader] = {
    ".md": _text_format(read_markdown),
    ".markdown": _text_format(read_markdown),
    ".html": _text_format(read_html),
    ".htm": _text_format(read_html),
    ".txt": _text_format(read_text),
    ".eml": read_email,
}
