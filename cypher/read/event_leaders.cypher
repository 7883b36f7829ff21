UNWIND $ids AS key
MATCH (o:Official)-[:LED]->(e:Event {id: key})
RETURN e.id AS event, o.id AS id, o.name AS name, o.organisation AS organisation
ORDER BY event, name
