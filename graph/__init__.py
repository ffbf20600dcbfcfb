"""partnerkg.graph: RDF building, the store, queries, networks and views."""
