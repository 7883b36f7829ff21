// Every agreement with its parties and signatories, without provenance: the API filters
// (party, year, kind) and pages these, then fetches the page with agreements_by_id.
MATCH (a:Agreement)
OPTIONAL MATCH (p:Province)-[:PARTY_TO]->(a)
WITH a, collect(p.id) AS parties
RETURN a.id AS id, a.kind AS kind, a.signed_year AS signed_year, a.signed_date AS signed_date,
       a.period_start AS period_start, a.period_end AS period_end, a.fields AS fields,
       a.sectors AS sectors, parties
ORDER BY id
