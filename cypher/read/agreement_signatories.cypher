UNWIND $ids AS key
MATCH (o:Official)-[:SIGNED]->(a:Agreement {id: key})
RETURN a.id AS agreement, o.id AS id, o.name AS name, o.organisation AS organisation
ORDER BY agreement, name
