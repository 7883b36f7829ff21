// Article ids starting with $prefix (suggestions for a mistyped id).
MATCH (a:Article)
WHERE a.id STARTS WITH $prefix
RETURN a.id AS id
ORDER BY id
LIMIT 5
