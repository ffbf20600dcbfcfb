"""partnerkg: a partnership's newsletters as a knowledge graph of its network.

The public API, one function per stage of the data flow (see DESIGN.md)::

    newsletter = read("2023-11.md")
    extraction = extract(newsletter, load_pipeline())
    resolved = resolve([extraction])
    dataset = to_rdf(resolved)
"""

from partnerkg.errors import PartnerKGError
from partnerkg.settings import Settings

__all__ = ["PartnerKGError", "Settings"]
__version__ = "0.1.0"
