// Every fact (node or relationship) whose provenance cites article $id; `dst` is '' for
// nodes (a typed empty string, not null, so both engines accept the UNION).
MATCH (n:Official)
WHERE $id IN n.sources
RETURN 'Official' AS fact, n.id AS src, '' AS dst, n.confidence AS confidence,
       n.sources AS sources, n.evidence AS evidence, n.spans AS spans
UNION ALL
MATCH (n:Agreement)
WHERE $id IN n.sources
RETURN 'Agreement' AS fact, n.id AS src, '' AS dst, n.confidence AS confidence,
       n.sources AS sources, n.evidence AS evidence, n.spans AS spans
UNION ALL
MATCH (n:Project)
WHERE $id IN n.sources
RETURN 'Project' AS fact, n.id AS src, '' AS dst, n.confidence AS confidence,
       n.sources AS sources, n.evidence AS evidence, n.spans AS spans
UNION ALL
MATCH (n:Event)
WHERE $id IN n.sources
RETURN 'Event' AS fact, n.id AS src, '' AS dst, n.confidence AS confidence,
       n.sources AS sources, n.evidence AS evidence, n.spans AS spans
UNION ALL
MATCH (n:DistrictPartnership)
WHERE $id IN n.sources
RETURN 'DistrictPartnership' AS fact, n.id AS src, '' AS dst, n.confidence AS confidence,
       n.sources AS sources, n.evidence AS evidence, n.spans AS spans
UNION ALL
MATCH (a:Province)-[r:PARTNERS_WITH]->(b:Province)
WHERE $id IN r.sources
RETURN 'PARTNERS_WITH' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Official)-[r:OFFICIAL_OF]->(b:Province)
WHERE $id IN r.sources
RETURN 'OFFICIAL_OF' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Province)-[r:PARTY_TO]->(b:Agreement)
WHERE $id IN r.sources
RETURN 'PARTY_TO' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Official)-[r:SIGNED]->(b:Agreement)
WHERE $id IN r.sources
RETURN 'SIGNED' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Official)-[r:LED]->(b:Event)
WHERE $id IN r.sources
RETURN 'LED' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Province)-[r:FUNDED]->(b:Project)
WHERE $id IN r.sources
RETURN 'FUNDED' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Project)-[r:BENEFITS]->(b:Province)
WHERE $id IN r.sources
RETURN 'BENEFITS' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Province)-[r:HOSTED]->(b:Event)
WHERE $id IN r.sources
RETURN 'HOSTED' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:Province)-[r:VISITED]->(b:Event)
WHERE $id IN r.sources
RETURN 'VISITED' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
UNION ALL
MATCH (a:DistrictPartnership)-[r:IN_PROVINCE]->(b:Province)
WHERE $id IN r.sources
RETURN 'IN_PROVINCE' AS fact, a.id AS src, b.id AS dst, r.confidence AS confidence,
       r.sources AS sources, r.evidence AS evidence, r.spans AS spans
