// Agreements by year of signing: how many, of which kinds, between which provinces, and
// the source article ids. Agreements with no known year are listed under null, last.
//
// In Neo4j Browser, set the parameter first: a province (any id, ISO code, name or alias,
// any case) to see only its agreements, or null for all of them.
//   :param name => null
//   :param name => 'Hà Tĩnh'
MATCH (a:Agreement)
OPTIONAL MATCH (p:Province)-[:PARTY_TO]->(a)
WITH a,
     collect(p) AS parties
WHERE $name IS NULL
   OR any(p IN parties WHERE toLower($name) IN [x IN [p.id, p.iso, p.name_en, p.name_vi, p.name_native] + coalesce(p.aliases, [])
                                               WHERE x IS NOT NULL | toLower(x)])
WITH a.signed_year AS year,
     a,
     [p IN parties | p.name_vi] AS provinces
ORDER BY year, a.signed_date
RETURN year,
       count(a) AS agreements,
       collect(DISTINCT a.kind) AS kinds,
       collect({id: a.id, kind: a.kind, date: a.signed_date, provinces: provinces, sources: a.sources}) AS details
ORDER BY year
