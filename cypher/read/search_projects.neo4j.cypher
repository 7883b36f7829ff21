// Projects the full-text index matches by description and in-kind aid ($terms: see
// search_officials.neo4j.cypher), shaped as projects_list; the API scores them.
CALL db.index.fulltext.queryNodes('project_words', $terms, {limit: $limit}) YIELD node
WITH node AS pr
OPTIONAL MATCH (f:Province)-[:FUNDED]->(pr)
WITH pr, collect(f.id) AS funders
OPTIONAL MATCH (pr)-[:BENEFITS]->(b:Province)
WITH pr, funders, collect(b.id) AS beneficiaries
RETURN pr.id AS id, pr.description AS description, pr.amount AS amount, pr.currency AS currency, pr.qualifier AS qualifier,
       pr.year_start AS year_start, pr.year_end AS year_end, pr.per_year AS per_year,
       pr.in_kind AS in_kind, funders, beneficiaries
ORDER BY id
