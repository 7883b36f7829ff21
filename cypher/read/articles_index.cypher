// Every article's metadata, for /articles (filtered, sorted and paged in Python).
MATCH (a:Article)
RETURN a.id AS id, a.source AS source, a.url AS url, a.title AS title, a.published AS published,
       a.year AS year, a.outlet AS outlet, a.language AS language
ORDER BY id
