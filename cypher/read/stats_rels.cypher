// Relationship counts per type, one branch per type (no type()/label() needed).
MATCH ()-[r:PARTNERS_WITH]->() RETURN 'PARTNERS_WITH' AS type, count(r) AS n
UNION ALL MATCH ()-[r:PARTY_TO]->() RETURN 'PARTY_TO' AS type, count(r) AS n
UNION ALL MATCH ()-[r:OFFICIAL_OF]->() RETURN 'OFFICIAL_OF' AS type, count(r) AS n
UNION ALL MATCH ()-[r:SIGNED]->() RETURN 'SIGNED' AS type, count(r) AS n
UNION ALL MATCH ()-[r:LED]->() RETURN 'LED' AS type, count(r) AS n
UNION ALL MATCH ()-[r:FUNDED]->() RETURN 'FUNDED' AS type, count(r) AS n
UNION ALL MATCH ()-[r:BENEFITS]->() RETURN 'BENEFITS' AS type, count(r) AS n
UNION ALL MATCH ()-[r:HOSTED]->() RETURN 'HOSTED' AS type, count(r) AS n
UNION ALL MATCH ()-[r:VISITED]->() RETURN 'VISITED' AS type, count(r) AS n
UNION ALL MATCH ()-[r:SUCCEEDED_BY]->() RETURN 'SUCCEEDED_BY' AS type, count(r) AS n
UNION ALL MATCH ()-[r:IN_PROVINCE]->() RETURN 'IN_PROVINCE' AS type, count(r) AS n
