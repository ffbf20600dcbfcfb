"""E-mail newsletters (.eml): the HTML part when there is one, else the plain-text part.

Offsets of an e-mail refer to the decoded body part (``Newsletter.text``), not to the
raw MIME file, whose transfer encoding (quoted-printable, base64) hides the text.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from partnerkg.errors import ReaderError
from partnerkg.extract.html_reader import read_html
from partnerkg.extract.layout import RawBlock
from partnerkg.extract.text_reader import read_text


def read_email(data: bytes, name: str) -> tuple[str, list[RawBlock]]:
    """The decoded body text of an e-mail and its blocks."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):
        raise ReaderError(f"{name}: not an e-mail message; save the newsletter as .eml")
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        raise ReaderError(
            f"{name}: the e-mail has no text/html or text/plain part; "
            "save the newsletter itself (not an attachment-only message)"
        )
    try:
        body = part.get_content()
    except (LookupError, ValueError, AttributeError) as error:
        detail = f"{name}: cannot decode the e-mail body ({error}); re-export it"
        raise ReaderError(detail) from error
    if not isinstance(body, str):
        raise ReaderError(f"{name}: the e-mail body is not text; re-export it as text or HTML")
    reader = read_html if part.get_content_subtype() == "html" else read_text
    return body, reader(body)
