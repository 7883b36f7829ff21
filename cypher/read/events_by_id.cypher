// One aggregation after the OPTIONAL MATCHes (see projects_by_id.cypher for why).
UNWIND $ids AS key
MATCH (e:Event {id: key})
OPTIONAL MATCH (h:Province)-[:HOSTED]->(e)
OPTIONAL MATCH (v:Province)-[:VISITED]->(e)
WITH e, collect(DISTINCT h.id) AS hosts, collect(DISTINCT v.id) AS visitors
RETURN e.id AS id, e.kind AS kind, e.date AS date, e.year AS year, hosts, visitors,
       e.confidence AS confidence, e.sources AS sources, e.evidence AS evidence, e.spans AS spans
