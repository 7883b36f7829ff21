// Every partnership, without evidence sentences, for the whole-graph view (/network): the
// API filters by year, kind and confidence and may fold merged units into today's.
// PARTNERS_WITH runs from the Vietnamese to the Lao province.
MATCH (p:Province)-[r:PARTNERS_WITH]->(q:Province)
RETURN p.id AS vn, q.id AS la, r.first_year AS first_year, r.last_year AS last_year,
       r.article_count AS article_count, r.kinds AS kinds, r.confidence AS confidence,
       r.sources AS sources
ORDER BY vn, la
