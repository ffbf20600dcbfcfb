"""One error hierarchy: every message says what happened, where, and what to do next.

The CLI turns any ``PartnerKGError`` into one line on stderr and a non-zero exit;
anything else escaping is a bug.
"""

from __future__ import annotations


class PartnerKGError(Exception):
    """Base class of every error partnerkg raises on purpose."""

    exit_code = 1


class ConfigError(PartnerKGError):
    """A setting, flag or environment variable has a value partnerkg cannot use."""


class ReaderError(PartnerKGError):
    """A newsletter file cannot be read (missing, empty, binary, unknown type)."""


class ExtractionError(PartnerKGError):
    """The NLP pipeline cannot be loaded or run."""


class CurationError(PartnerKGError):
    """The curation file is malformed or names an entity that does not exist."""


class OntologyError(PartnerKGError):
    """The ontology, SHACL shapes or topic scheme are missing or inconsistent."""


class StoreError(PartnerKGError):
    """The triple store cannot be opened, read or written."""


class QueryError(PartnerKGError):
    """A named query is unknown, a parameter is missing, or SPARQL is invalid."""


class ViewError(PartnerKGError):
    """An HTML view cannot be built (unknown view, unknown node)."""


class EvaluationError(PartnerKGError):
    """A gold annotation file is malformed."""
