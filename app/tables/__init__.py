"""The graph as tables: one CSV per fact type, described by a Frictionless data package.

Researchers take the dataset to a spreadsheet, R or pandas, where a graph is awkward and a
row per cited fact is natural. So each table has one row per (fact, source article): the
fact's own columns (province codes with their Vietnamese and English names, years, amount,
currency, confidence), then the article that states it (id, URL, title, date, outlet) and
the evidence sentence with the extraction rule that read it. A fact stated by three articles
is three rows sharing a `fact_id`; `confidence` is the fact's, combined over its sources.

Multi-valued columns (parties, positions, fields) are joined with `; `. The article is named
by its URL or file name only (`app.provenance`): no table holds a path of the machine that
ingested it. `datapackage.json` (Frictionless Data Package v1) gives every column a type and
a description, so the tables validate and load with their types.
"""

from app.tables.export import (
    PROVENANCE_COLUMNS,
    TABLES,
    Column,
    Table,
    cell,
    join,
    write_datapackage,
    write_tables,
    write_xlsx,
)

__all__ = [
    "PROVENANCE_COLUMNS",
    "TABLES",
    "Column",
    "Table",
    "cell",
    "join",
    "write_datapackage",
    "write_tables",
    "write_xlsx",
]
