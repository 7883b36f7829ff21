// OFFICIAL_OF ties of the officials in $ids.
UNWIND $ids AS key
MATCH (o:Official {id: key})-[r:OFFICIAL_OF]->(p:Province)
RETURN o.id AS official, p.id AS province, r.positions AS positions, r.first_year AS first_year,
       r.last_year AS last_year, r.confidence AS confidence, r.sources AS sources,
       r.evidence AS evidence, r.spans AS spans
ORDER BY official, first_year, province
