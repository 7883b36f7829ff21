UNWIND $ids AS key
MATCH (a:Agreement {id: key})
OPTIONAL MATCH (p:Province)-[:PARTY_TO]->(a)
WITH a, collect(p.id) AS parties
RETURN a.id AS id, a.kind AS kind, a.signed_year AS signed_year, a.signed_date AS signed_date,
       a.period_start AS period_start, a.period_end AS period_end, a.fields AS fields,
       a.sectors AS sectors, a.count AS count, a.confidence AS confidence, a.sources AS sources,
       a.evidence AS evidence, a.spans AS spans, parties
