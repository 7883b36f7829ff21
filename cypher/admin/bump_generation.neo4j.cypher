// Counts the loads that changed the graph, each with a new random `token`: the API keys
// its cached answers on Neo4j by (value, token), which a `clear` cannot bring back.
MERGE (m:Meta {key: 'generation'})
SET m.value = toString(coalesce(toInteger(m.value), 0) + 1), m.token = $token
