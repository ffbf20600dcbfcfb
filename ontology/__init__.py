"""partnerkg.ontology: the OWL ontology, SHACL shapes, topic scheme and vocabularies."""
