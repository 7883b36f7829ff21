// The load generation (Neo4j bumps it in each load that changes the graph).
MATCH (m:Meta {key: 'generation'})
RETURN m.value AS generation
