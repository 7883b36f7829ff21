// Every official with the provinces they serve: the API ranks these by name in Python
// (fuzzy, diacritics-tolerant), which Cypher string functions cannot do portably.
MATCH (o:Official)
OPTIONAL MATCH (o)-[:OFFICIAL_OF]->(p:Province)
WITH o, collect(p.id) AS provinces
RETURN o.id AS id, o.name AS name, o.search AS search, o.organisation AS organisation, provinces
ORDER BY id
