// District partnerships among $ids with the provinces of their two sides (IN_PROVINCE;
// a side the article did not place has none).
UNWIND $ids AS key
MATCH (d:DistrictPartnership {id: key})
OPTIONAL MATCH (d)-[:IN_PROVINCE]->(p:Province)
WITH d, collect(DISTINCT p.id) AS provinces
RETURN d.id AS id, d.vn_district AS vn_district, d.la_district AS la_district,
       d.first_year AS first_year, d.last_year AS last_year, provinces,
       d.confidence AS confidence, d.sources AS sources, d.evidence AS evidence, d.spans AS spans
