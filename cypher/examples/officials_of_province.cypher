// Officials of a province, as a table: name, organisation, positions held and the years
// they were seen in office, the agreements they signed, and the source article ids.
// Switch the result to the graph view to see them around the province.
//
// In Neo4j Browser, set the parameter first: any id, ISO code, name or alias, any case.
//   :param name => 'Hà Tĩnh'
//   :param name => 'LA-KH'
MATCH (p:Province)
WHERE toLower($name) IN [x IN [p.id, p.iso, p.name_en, p.name_vi, p.name_native] + coalesce(p.aliases, [])
                         WHERE x IS NOT NULL | toLower(x)]
MATCH (o:Official)-[office:OFFICIAL_OF]->(p)
OPTIONAL MATCH (o)-[:SIGNED]->(a:Agreement)
WITH p, o, office, collect(DISTINCT a) AS signed
RETURN p.name_vi AS province,
       o.name AS official,
       o.organisation AS organisation,
       office.positions AS positions,
       office.first_year AS first_year,
       office.last_year AS last_year,
       [a IN signed | coalesce(a.kind, 'agreement') + ' ' + coalesce(toString(a.signed_year), '')] AS signed,
       office.sources AS sources,
       o, office, p
ORDER BY province, last_year DESC, official
