// The load generation (Neo4j bumps it, with a new token, in each load that changes the graph).
MATCH (m:Meta {key: 'generation'})
RETURN m.value AS generation, m.token AS token
