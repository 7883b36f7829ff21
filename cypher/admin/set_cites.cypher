// Migrating a vlkg-graph/2 store (app/store/migrate.py): each article's `cites`, worked out
// from one pass over every fact's `sources`.
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.cites = row.cites
