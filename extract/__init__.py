"""partnerkg.extract: newsletter files to resolved entities and facts."""

from partnerkg.extract.curation import load_curation as load_curation
from partnerkg.extract.read import discover as discover
from partnerkg.extract.read import read as read
from partnerkg.extract.resolve import resolve as resolve

_PIPELINE_API = ("extract", "extract_all", "load_pipeline")


def __getattr__(name: str) -> object:
    """The spaCy stage loads on first use, so reading and resolving stay light to import."""
    if name in _PIPELINE_API:
        from partnerkg.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'partnerkg.extract' has no attribute {name!r}")
