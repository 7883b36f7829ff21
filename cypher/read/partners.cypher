// Partner provinces of the provinces in $ids (a province and, for merged units, its
// predecessors). `via` says whose partnership it is, so the API can mark inherited ones.
// One directed branch per side, filtered with `IN $ids`: on LadybugDB this is several
// times faster than an undirected pattern under `UNWIND $ids` (bench/bench_partners_latency.py).
// Shared agreements come from partner_agreements.cypher; the API sorts the rows.
// Only the first $sources_end sources (with their sentences and spans) come back, and
// `sources_total` counts them all (issue #12). The slice starts at 0 on purpose: a
// prefix `[0..n]` is the same on both engines, while LadybugDB reads other starts as
// 1-based and inclusive where Neo4j reads them 0-based; the API drops the offset.
MATCH (p:Province)-[r:PARTNERS_WITH]->(q:Province)
WHERE p.id IN $ids
RETURN p.id AS via, q.id AS id, r.first_year AS first_year, r.last_year AS last_year,
       r.article_count AS article_count, r.kinds AS kinds, r.confidence AS confidence,
       r.sources[0..$sources_end] AS sources, r.evidence[0..$sources_end] AS evidence,
       r.spans[0..$sources_end] AS spans, size(r.sources) AS sources_total
UNION ALL
MATCH (q:Province)-[r:PARTNERS_WITH]->(p:Province)
WHERE p.id IN $ids
RETURN p.id AS via, q.id AS id, r.first_year AS first_year, r.last_year AS last_year,
       r.article_count AS article_count, r.kinds AS kinds, r.confidence AS confidence,
       r.sources[0..$sources_end] AS sources, r.evidence[0..$sources_end] AS evidence,
       r.spans[0..$sources_end] AS spans, size(r.sources) AS sources_total
