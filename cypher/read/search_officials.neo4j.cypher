// Officials the full-text index matches ($terms: Lucene syntax from the folded query
// words, built by app/api/search.py), shaped as officials_list; the API scores them.
CALL db.index.fulltext.queryNodes('official_names', $terms, {limit: $limit}) YIELD node
WITH node AS o
OPTIONAL MATCH (o)-[:OFFICIAL_OF]->(p:Province)
WITH o, collect(p.id) AS provinces
RETURN o.id AS id, o.name AS name, o.search AS search, o.organisation AS organisation, provinces
ORDER BY id
