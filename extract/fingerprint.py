"""A digest of the extraction rules, importable without spaCy.

The build compares it with the stored one before deciding there is nothing to
do, so a no-op rebuild must not pay for importing spaCy.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable

# The ontology's data files the rules read: editing one (a user extending the
# topic scheme, say) must re-extract every issue.
VOCABULARIES = ("org_kinds.yaml", "partners.yaml", "topics.ttl")


def rule_files() -> list[Traversable]:
    """Every file that decides an extraction: the extract package's code and config.cfg
    (all of it, so a new module cannot be forgotten) and the vocabularies."""
    code = [
        entry
        for entry in resources.files("partnerkg.extract").iterdir()
        if entry.name.endswith((".py", ".cfg"))
    ]
    ontology = resources.files("partnerkg.ontology")
    return sorted(code, key=lambda entry: entry.name) + [ontology / n for n in VOCABULARIES]


def extractor_fingerprint() -> str:
    """A digest of the rule files: a cache of extractions keyed by it is recomputed
    whenever a rule or a vocabulary changes."""
    digest = hashlib.sha256()
    for entry in rule_files():
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]
