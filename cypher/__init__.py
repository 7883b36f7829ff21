"""Every Cypher statement vlkg runs, as `.cypher` files: package data of the wheel.

This folder stays at the top of the repository (where Neo4j people look for it, and where
the Cypher lint and Neo4j Browser open it), and it is an import package only so that an
installed vlkg finds it with `importlib.resources.files("cypher")`, exactly as a checkout
does. `app.store.cypher` reads it; nothing here is Python code.
"""
