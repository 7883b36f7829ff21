// Agreements signed and events led by the officials in $ids, as (official, kind, target).
UNWIND $ids AS key
MATCH (o:Official {id: key})-[:SIGNED]->(a:Agreement)
RETURN o.id AS official, 'agreement' AS kind, a.id AS target
UNION ALL
UNWIND $ids AS key
MATCH (o:Official {id: key})-[:LED]->(e:Event)
RETURN o.id AS official, 'event' AS kind, e.id AS target
