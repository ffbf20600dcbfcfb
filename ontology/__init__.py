"""partnerkg.ontology: the OWL ontology, SHACL shapes, topic scheme and vocabularies.

Public API (import from the submodules; heavy libraries load only when used):

- ``namespaces``: ``SCHEMA``, ``PKG``, ``TOPIC``
- ``kinds.class_for(kind, subkind)``: the class of an entity
- ``vocabularies``: ``load_ontology``, ``load_shapes``, ``load_topic_scheme``,
  ``topic_index``, ``load_partners``, ``load_org_kind_rules``, ``org_kind_for``
- ``rules``: ``derive_collaborations``, ``apply_collaborations``
- ``check``: ``check_graph``, ``check_store``, ``CheckReport``
- ``build``: ``build_ontology``, ``write`` (``python -m partnerkg.ontology.build``)

See README.md in this folder.
"""
