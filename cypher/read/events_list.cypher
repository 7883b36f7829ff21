// Every visit or meeting with its hosts and visitors, without provenance: the API filters
// (province, year, kind) and pages these, then fetches the page with events_by_id.
MATCH (e:Event)
OPTIONAL MATCH (h:Province)-[:HOSTED]->(e)
OPTIONAL MATCH (v:Province)-[:VISITED]->(e)
WITH e, collect(DISTINCT h.id) AS hosts, collect(DISTINCT v.id) AS visitors
RETURN e.id AS id, e.kind AS kind, e.date AS date, e.year AS year, hosts, visitors
ORDER BY id
