// One batch of `clear` on Neo4j, relationships first: a province holds tens of thousands
// of relationships, and `DETACH DELETE` of a batch of nodes would put all of them in one
// transaction's memory. The store repeats this until it deletes nothing, then deletes
// the nodes (clear_batch.neo4j).
MATCH ()-[r]->()
WITH r
LIMIT $limit
DELETE r
RETURN count(*) AS deleted
