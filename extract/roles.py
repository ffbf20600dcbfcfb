"""What a job title or role looks like: title-case words ending in a role noun.

Shared by the organisation and person rules: a phrase whose head is a role noun
("Principal Data Scientist", "Deputy Lead", "PhD student") is a role, not an
organisation, even when the pretrained NER says ORG.
"""

from __future__ import annotations

from partnerkg.extract import lexicon

ROLE_NOUNS = frozenset(
    """
    scientist scientists lead leads director directors manager managers fellow fellows
    associate associates lecturer lecturers professor professors researcher researchers
    student students candidate engineer engineers head chair chairs officer officers
    president vice-president founder co-founder ceo cto cso coordinator analyst
    statistician epidemiologist modeler modeller clinician consultant advisor adviser
    scholar scholars
    postdoc postdocs pdra pdras director-general dean principal member members editor developer
    architect assistant assistants technician
    investigator pi intern trainee specialist partner physician surgeon nurse
    administrator secretary executive vp chancellor vice-chancellor reader
    leader leaders biologist chemist physicist mathematician bioinformatician economist
    supervisor curator pharmacist programmer strategist ambassador trustee commissioner
    """.split()
)


def is_role_phrase(text: str) -> bool:
    """True when the last word (or the word before ``in``/``of``) is a role noun."""
    words = text.replace(",", " ").split()
    if not words:
        return False
    cut = next(
        (i for i, w in enumerate(words) if w.lower() in ("in", "of", "for", "at")), len(words)
    )
    head = words[cut - 1] if cut > 0 else words[-1]
    if cut < len(words) and head in lexicon.org_head_words():
        return False  # "Office for Students": a body named after whom it serves
    return is_role_noun(head) or is_role_noun(words[-1])


def is_role_noun(word: str) -> bool:
    """A role noun, also after a hyphenated prefix ("co-director", "co-lead")."""
    lowered = word.lower()
    return lowered in ROLE_NOUNS or lowered.rsplit("-", 1)[-1] in ROLE_NOUNS
