// Neo4j 5 schema: uniqueness constraints (which also index) on every node key, plus
// lookup indexes used by the API. Applied at start-up; every statement is idempotent.
// Keep in step with schema.ladybug.cypher and docs/model.md.
CREATE CONSTRAINT province_id IF NOT EXISTS FOR (n:Province) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
CREATE INDEX province_iso IF NOT EXISTS FOR (n:Province) ON (n.iso);
CREATE INDEX province_country IF NOT EXISTS FOR (n:Province) ON (n.country);
CREATE INDEX official_search IF NOT EXISTS FOR (n:Official) ON (n.search);
CREATE INDEX agreement_year IF NOT EXISTS FOR (n:Agreement) ON (n.signed_year);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
