// Article titles for search.
MATCH (a:Article)
RETURN a.id AS id, a.title AS title, a.published AS published
ORDER BY id
