MATCH (a:Article {id: $id})
RETURN a.id AS id, a.source AS source, a.url AS url, a.title AS title, a.published AS published,
       a.year AS year, a.outlet AS outlet, a.language AS language
