// First statement of every Neo4j load transaction: writing this node takes its write
// lock until commit, so concurrent loaders plan and write one after the other.
MERGE (m:Meta {key: 'load_lock'})
SET m.value = $token
