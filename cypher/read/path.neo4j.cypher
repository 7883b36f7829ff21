// Shortest connections between two provinces through partnerships, shared agreements and
// succession. Neo4j 5 syntax; the LadybugDB form is path.ladybug.cypher. $src <> $dst
// (the API answers the trivial case itself: allShortestPaths refuses equal end points).
MATCH p = allShortestPaths((a:Province {id: $src})-[:PARTNERS_WITH|PARTY_TO|SUCCEEDED_BY*..6]-(b:Province {id: $dst}))
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT 1000
