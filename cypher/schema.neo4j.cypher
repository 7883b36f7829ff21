// Neo4j 5 schema: uniqueness constraints (which also index) on every node key: every
// query finds its start nodes by id. Applied at start-up; every statement is idempotent.
// Keep in step with schema.ladybug.cypher and docs/model.md. `Article.cites` (the keys of
// the facts an article supports) needs no index: it is read from the Article found by id.
CREATE CONSTRAINT province_id IF NOT EXISTS FOR (n:Province) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT district_partnership_id IF NOT EXISTS FOR (n:DistrictPartnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
// Secondary indexes of earlier versions served no query (lists are read whole and
// filtered in Python); they only slowed writes. Dropped where they exist.
DROP INDEX province_iso IF EXISTS;
DROP INDEX province_country IF EXISTS;
DROP INDEX official_search IF EXISTS;
DROP INDEX agreement_year IF EXISTS;
DROP INDEX article_published IF EXISTS;
// Full-text indexes that serve /search (app/api/search.py): words folded like the API
// folds them (lower case, diacritics removed: `standard-folding`), so the index returns
// the candidate rows and the API ranks them with the same scorer as on LadybugDB.
CREATE FULLTEXT INDEX official_names IF NOT EXISTS FOR (n:Official) ON EACH [n.name, n.search] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX agreement_words IF NOT EXISTS FOR (n:Agreement) ON EACH [n.kind, n.fields, n.sectors] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX project_words IF NOT EXISTS FOR (n:Project) ON EACH [n.description, n.in_kind] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX article_titles IF NOT EXISTS FOR (n:Article) ON EACH [n.title] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
