// Agreements the provinces in $ids share with another party: one row per (agreement,
// other party), with what the partners answer shows of each agreement. LadybugDB may
// bind both PARTY_TO steps to the same relationship (Neo4j never does), hence q <> p.
MATCH (p:Province)-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(q:Province)
WHERE p.id IN $ids AND q.id <> p.id
RETURN p.id AS via, q.id AS partner, a.id AS id, a.kind AS kind, a.signed_year AS signed_year,
       a.period_start AS period_start, a.period_end AS period_end, a.fields AS fields,
       a.sectors AS sectors
