"""Keep names whole across sentence boundaries the parser would guess inside them.

"Martin O' Reilly" (an apostrophe written apart) makes the parser start a sentence at
"Reilly", "Unlearn.AI" (a company named like a web address) one at "AI" and "Eleni-Rosalina
(Elrozy) Andrinopoulou" one inside the brackets, which loses the name's role and speaker
relations. This component runs before the parser and marks such tokens as
sentence-internal.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from partnerkg.extract.spans import text_of

_APOSTROPHES = frozenset({"'", "’"})
_PREFIXES = frozenset({"O", "D"})
_APART = re.compile(r"\b[OD]\s*['’]\s+[A-Z]")
#: "Unlearn.AI", "Acme.io": a capitalised word, a dot and a short ending, nothing apart.
DOTTED_NAME = re.compile(r"\b[A-Z][A-Za-z]+\.(?:[A-Z]{2,3}|ai|io)\b")
_NICKNAME = re.compile(r"[A-Z][a-z]+ \([A-Z][a-z]+\) [A-Z]")


@Language.component("partnerkg_name_joins")
def join_names(doc: Doc) -> Doc:
    """"O' Reilly", "D' Souza", "Unlearn.AI", "A (B) C": no sentence starts inside the name."""
    text = text_of(doc)
    apart, dotted, nickname = _APART.search(text), DOTTED_NAME.search(text), _NICKNAME.search(text)
    if not apart and not dotted and not nickname:  # a cheap test before walking the tokens
        return doc
    for token in doc[:-2]:
        middle, after = doc[token.i + 1], doc[token.i + 2]
        if (nickname and token.text == "(" and 0 < token.i and token.i + 3 < len(doc)
                and doc[token.i + 2].text == ")" and doc[token.i - 1].is_title
                and doc[token.i + 3].is_title):
            for inside in doc[token.i + 1 : token.i + 4]:
                inside.is_sent_start = False
        if token.text in _PREFIXES and middle.text in _APOSTROPHES and after.is_title:
            middle.is_sent_start = after.is_sent_start = False
        elif (dotted and middle.text == "."
              and DOTTED_NAME.fullmatch(doc[token.i : after.i + 1].text)):
            middle.is_sent_start = after.is_sent_start = False
    return doc
