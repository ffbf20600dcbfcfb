"""partnerkg.extract: newsletter files to resolved entities and facts."""

from partnerkg.extract.curation import load_curation
from partnerkg.extract.resolve import resolve
