// Partners of a province, as a graph: the province, its partner provinces across the
// border, the partnership (years seen, number of articles, source article ids) and the
// agreements both sides are party to. Partners of a province's predecessors (the 2025
// reorganisation, SUCCEEDED_BY) are included, so Quảng Ngãi also shows Kon Tum's partners.
//
// In Neo4j Browser, set the parameter first: any id, ISO code, name or alias, any case.
//   :param name => 'Khammouane'
//   :param name => 'Quảng Ngãi'
MATCH (p:Province)
WHERE toLower($name) IN [x IN [p.id, p.iso, p.name_en, p.name_vi, p.name_native] + coalesce(p.aliases, [])
                         WHERE x IS NOT NULL | toLower(x)]
MATCH via = (origin:Province)-[:SUCCEEDED_BY*0..3]->(p)
MATCH partnership = (origin)-[:PARTNERS_WITH]-(partner:Province)
OPTIONAL MATCH agreement = (origin)-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(partner)
RETURN via, partnership, agreement
