// Node counts per label; one branch per label so it runs on Neo4j and LadybugDB alike
// (their label functions differ).
MATCH (n:Province) RETURN 'Province' AS label, count(n) AS n
UNION ALL MATCH (n:Article) RETURN 'Article' AS label, count(n) AS n
UNION ALL MATCH (n:Official) RETURN 'Official' AS label, count(n) AS n
UNION ALL MATCH (n:Agreement) RETURN 'Agreement' AS label, count(n) AS n
UNION ALL MATCH (n:Project) RETURN 'Project' AS label, count(n) AS n
UNION ALL MATCH (n:Event) RETURN 'Event' AS label, count(n) AS n
UNION ALL MATCH (n:DistrictPartnership) RETURN 'DistrictPartnership' AS label, count(n) AS n
