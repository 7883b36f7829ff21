"""Linked Data for vlkg: the ontology mapping, streamed dumps, descriptions, SHACL.

The graph lives in a property-graph store; RDF is a view of it computed on demand. The
modules here turn store rows into RDF terms (`mapping`), write them as N-Triples, Turtle
or JSON-LD without holding the whole graph (`writers`, `export`), describe one entity
(`describe`), describe the dataset (`void`) and check the result against SHACL shapes
(`validate`). Content negotiation, which answers HTTP requests with these, is part of
the API (`app.api.negotiation`); nothing here imports `app.api`. See docs/linked-data.md.
"""
