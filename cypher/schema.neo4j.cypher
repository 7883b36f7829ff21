// Neo4j 5 schema: uniqueness constraints (which also index) on every node key: every
// query finds its start nodes by id. Applied at start-up; every statement is idempotent.
// Keep in step with schema.ladybug.cypher and docs/model.md.
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
