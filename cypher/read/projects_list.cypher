// Every project with funder and beneficiary ids, without provenance (filtered and paged
// in the API, then fetched with projects_by_id).
MATCH (pr:Project)
OPTIONAL MATCH (f:Province)-[:FUNDED]->(pr)
WITH pr, collect(f.id) AS funders
OPTIONAL MATCH (pr)-[:BENEFITS]->(b:Province)
WITH pr, funders, collect(b.id) AS beneficiaries
RETURN pr.id AS id, pr.description AS description, pr.amount AS amount, pr.currency AS currency, pr.qualifier AS qualifier,
       pr.year_start AS year_start, pr.year_end AS year_end, pr.per_year AS per_year,
       pr.in_kind AS in_kind, funders, beneficiaries
ORDER BY id
