"""A digest of the extraction rules, importable without spaCy.

The build compares it with the stored one before deciding there is nothing to
do, so a no-op rebuild must not pay for importing spaCy.
"""

from __future__ import annotations

import hashlib
from importlib import resources

RULE_MODULES = (
    "about.py",
    "config.cfg",
    "events.py",
    "items.py",
    "lexicon.py",
    "mentions.py",
    "organisations.py",
    "person_roles.py",
    "pipeline.py",
    "publications.py",
    "roles.py",
    "spans.py",
    "topics.py",
    "units.py",
)


def extractor_fingerprint() -> str:
    """A digest of the extraction rules (component code and config.cfg): a cache of
    extractions keyed by it is recomputed whenever a rule changes."""
    digest = hashlib.sha256()
    package = resources.files("partnerkg.extract")
    for name in RULE_MODULES:
        digest.update(name.encode())
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]
