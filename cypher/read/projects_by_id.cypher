// One OPTIONAL MATCH chain and a single aggregation: LadybugDB cannot chain two
// collect() WITH clauses after an UNWIND. A project has one funder and one beneficiary
// at most (both are part of its key), so the DISTINCT collects stay tiny.
UNWIND $ids AS key
MATCH (pr:Project {id: key})
OPTIONAL MATCH (f:Province)-[:FUNDED]->(pr)
OPTIONAL MATCH (pr)-[:BENEFITS]->(b:Province)
WITH pr, collect(DISTINCT f.id) AS funders, collect(DISTINCT b.id) AS beneficiaries
RETURN pr.id AS id, pr.description AS description, pr.amount AS amount, pr.currency AS currency, pr.qualifier AS qualifier,
       pr.year_start AS year_start, pr.year_end AS year_end, pr.per_year AS per_year,
       pr.in_kind AS in_kind, funders, beneficiaries, pr.confidence AS confidence,
       pr.sources AS sources, pr.evidence AS evidence, pr.spans AS spans
