UNWIND $ids AS key
MATCH (a:Article {id: key})
RETURN a.id AS id, a.source AS source, a.url AS url, a.title AS title,
       a.published AS published, a.outlet AS outlet, a.language AS language
