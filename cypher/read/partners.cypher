// Partner provinces of the provinces in $ids (a province and, for merged units, its
// predecessors). `via` says whose partnership it is, so the API can mark inherited ones.
// One directed branch per side, filtered with `IN $ids`: on LadybugDB this is several
// times faster than an undirected pattern under `UNWIND $ids` (bench/bench_partners_latency.py).
// Shared agreements come from partner_agreements.cypher; the API sorts the rows.
MATCH (p:Province)-[r:PARTNERS_WITH]->(q:Province)
WHERE p.id IN $ids
RETURN p.id AS via, q.id AS id, r.first_year AS first_year, r.last_year AS last_year,
       r.article_count AS article_count, r.kinds AS kinds, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (q:Province)-[r:PARTNERS_WITH]->(p:Province)
WHERE p.id IN $ids
RETURN p.id AS via, q.id AS id, r.first_year AS first_year, r.last_year AS last_year,
       r.article_count AS article_count, r.kinds AS kinds, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
