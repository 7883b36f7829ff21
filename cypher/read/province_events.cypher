// Visits and meetings the provinces in $ids hosted or made; `via` says which of them.
UNWIND $ids AS pid
MATCH (p:Province {id: pid})-[:HOSTED]->(e:Event)
RETURN pid AS via, e.id AS id, 'host' AS role
UNION ALL
UNWIND $ids AS pid
MATCH (p:Province {id: pid})-[:VISITED]->(e:Event)
RETURN pid AS via, e.id AS id, 'visitor' AS role
