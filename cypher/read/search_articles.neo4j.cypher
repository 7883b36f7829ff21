// Articles the full-text index matches by title ($terms: see
// search_officials.neo4j.cypher), shaped as articles_list; the API scores them.
CALL db.index.fulltext.queryNodes('article_titles', $terms, {limit: $limit}) YIELD node
WITH node AS a
RETURN a.id AS id, a.title AS title, a.published AS published
ORDER BY id
