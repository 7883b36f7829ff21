// Migrating a vlkg-graph/2 store (app/store/migrate.py): the column `Article.cites` (last,
// as in schema.ladybug.cypher). Neo4j has no columns to add.
ALTER TABLE Article ADD IF NOT EXISTS cites STRING[]
