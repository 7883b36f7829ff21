// Counts the loads that changed the graph: a token for caches of answers on Neo4j.
MERGE (m:Meta {key: 'generation'})
SET m.value = toString(coalesce(toInteger(m.value), 0) + 1)
