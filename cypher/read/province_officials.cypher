// Officials of the provinces in $ids (a unit and its predecessors); `via` says whose.
UNWIND $ids AS pid
MATCH (o:Official)-[r:OFFICIAL_OF]->(p:Province {id: pid})
RETURN pid AS via, o.id AS id, o.name AS name, o.organisation AS organisation,
       r.positions AS positions, r.first_year AS first_year, r.last_year AS last_year,
       r.confidence AS confidence, r.sources AS sources, r.evidence AS evidence, r.spans AS spans
ORDER BY first_year, name, id
