// How many facts (nodes and relationships read from articles) have each confidence, per
// label or relationship type: /coverage groups them into tiers.
MATCH (n:Official) RETURN 'Official' AS fact, n.confidence AS confidence, count(*) AS n
UNION ALL MATCH (n:Agreement) RETURN 'Agreement' AS fact, n.confidence AS confidence, count(*) AS n
UNION ALL MATCH (n:Project) RETURN 'Project' AS fact, n.confidence AS confidence, count(*) AS n
UNION ALL MATCH (n:Event) RETURN 'Event' AS fact, n.confidence AS confidence, count(*) AS n
UNION ALL MATCH (n:DistrictPartnership) RETURN 'DistrictPartnership' AS fact, n.confidence AS confidence, count(*) AS n
UNION ALL MATCH ()-[r:PARTNERS_WITH]->() RETURN 'PARTNERS_WITH' AS fact, r.confidence AS confidence, count(*) AS n
UNION ALL MATCH ()-[r:OFFICIAL_OF]->() RETURN 'OFFICIAL_OF' AS fact, r.confidence AS confidence, count(*) AS n
