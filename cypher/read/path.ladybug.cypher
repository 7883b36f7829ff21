// Shortest connections between two provinces through partnerships, shared agreements and
// succession (a merged unit reaches its predecessors' partners). LadybugDB syntax; the
// Neo4j form is path.neo4j.cypher. Node ids only: the API names them.
MATCH p = (a:Province {id: $src})-[:PARTNERS_WITH|PARTY_TO|SUCCEEDED_BY* ALL SHORTEST 1..6]-(b:Province {id: $dst})
RETURN properties(nodes(p), 'id') AS ids
LIMIT 1000
