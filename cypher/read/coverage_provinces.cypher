// The articles that state a fact about each province (partnerships, tenures, agreements,
// projects, visits, district twinnings), one row per fact end: /coverage counts distinct
// articles per province, /articles finds a province's articles.
MATCH (p:Province)-[r:PARTNERS_WITH]->(q:Province)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (p:Province)-[r:PARTNERS_WITH]->(q:Province)
RETURN q.id AS province, r.sources AS sources
UNION ALL MATCH (:Official)-[r:OFFICIAL_OF]->(p:Province)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (p:Province)-[r:PARTY_TO]->(:Agreement)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (p:Province)-[r:FUNDED]->(:Project)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (:Project)-[r:BENEFITS]->(p:Province)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (p:Province)-[r:HOSTED]->(:Event)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (p:Province)-[r:VISITED]->(:Event)
RETURN p.id AS province, r.sources AS sources
UNION ALL MATCH (:DistrictPartnership)-[r:IN_PROVINCE]->(p:Province)
RETURN p.id AS province, r.sources AS sources
