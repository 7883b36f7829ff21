// Every district partnership id with the provinces of its sides, without provenance.
MATCH (d:DistrictPartnership)
OPTIONAL MATCH (d)-[:IN_PROVINCE]->(p:Province)
WITH d, collect(p.id) AS provinces
RETURN d.id AS id, d.first_year AS first_year, d.last_year AS last_year, provinces
ORDER BY id
