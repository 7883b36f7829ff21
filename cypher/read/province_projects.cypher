// Projects the provinces in $ids fund or benefit from; `via` says which of them.
UNWIND $ids AS pid
MATCH (p:Province {id: pid})-[:FUNDED]->(pr:Project)
RETURN pid AS via, pr.id AS id, 'funder' AS role
UNION ALL
UNWIND $ids AS pid
MATCH (pr:Project)-[:BENEFITS]->(p:Province {id: pid})
RETURN pid AS via, pr.id AS id, 'beneficiary' AS role
