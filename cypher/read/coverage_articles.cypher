// Every article's year and outlet, for /coverage.
MATCH (a:Article)
RETURN a.id AS id, a.year AS year, a.outlet AS outlet
ORDER BY id
