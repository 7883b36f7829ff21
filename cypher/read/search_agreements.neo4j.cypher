// Agreements the full-text index matches by kind, fields and sectors ($terms: see
// search_officials.neo4j.cypher), shaped as agreements_list; the API scores them.
CALL db.index.fulltext.queryNodes('agreement_words', $terms, {limit: $limit}) YIELD node
WITH node AS a
OPTIONAL MATCH (p:Province)-[:PARTY_TO]->(a)
WITH a, collect(p.id) AS parties
RETURN a.id AS id, a.kind AS kind, a.signed_year AS signed_year, a.signed_date AS signed_date,
       a.period_start AS period_start, a.period_end AS period_end, a.fields AS fields,
       a.sectors AS sectors, parties
ORDER BY id
