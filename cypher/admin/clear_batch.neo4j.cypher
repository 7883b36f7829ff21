// One batch of `clear` on Neo4j: deleting a large graph in one transaction needs it all
// in transaction memory, so the store repeats this until it deletes nothing.
MATCH (n)
WITH n
LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
