"""partnerkg.extract: newsletter files to resolved entities and facts."""
