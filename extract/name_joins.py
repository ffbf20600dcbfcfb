"""Keep names whole across sentence boundaries the parser would guess inside them.

"Martin O' Reilly" (an apostrophe written apart) makes the parser start a sentence at
"Reilly", which loses the name's role and speaker relations. This component runs before
the parser and marks such tokens as sentence-internal.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_APOSTROPHES = frozenset({"'", "’"})
_PREFIXES = frozenset({"O", "D"})
_APART = re.compile(r"\b[OD]\s*['’]\s+[A-Z]")


@Language.component("partnerkg_name_joins")
def join_names(doc: Doc) -> Doc:
    """"O' Reilly", "D' Souza": no sentence starts after the apostrophe."""
    if not _APART.search(doc.text):  # a cheap test before walking the tokens
        return doc
    for token in doc[:-2]:
        after = doc[token.i + 2]
        if token.text in _PREFIXES and doc[token.i + 1].text in _APOSTROPHES and after.is_title:
            doc[token.i + 1].is_sent_start = False
            after.is_sent_start = False
    return doc
