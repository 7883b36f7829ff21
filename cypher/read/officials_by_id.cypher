UNWIND $ids AS key
MATCH (o:Official {id: key})
RETURN o.id AS id, o.name AS name, o.organisation AS organisation, o.confidence AS confidence,
       o.sources AS sources, o.evidence AS evidence, o.spans AS spans
