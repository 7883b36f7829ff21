// Partner provinces of the provinces in $ids (a province and, for merged units, its
// predecessors), with the agreements the two sides are party to. `via` says whose
// partnership it is, so the API can mark inherited ones.
UNWIND $ids AS pid
MATCH (p:Province {id: pid})-[r:PARTNERS_WITH]-(q:Province)
OPTIONAL MATCH (p)-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(q)
WITH pid, q, r, collect(DISTINCT a.id) AS agreements
RETURN pid AS via,
       q.id AS id,
       r.first_year AS first_year,
       r.last_year AS last_year,
       r.article_count AS article_count,
       r.kinds AS kinds,
       r.confidence AS confidence,
       r.sources AS sources,
       r.evidence AS evidence,
       r.spans AS spans,
       agreements
ORDER BY first_year, id
