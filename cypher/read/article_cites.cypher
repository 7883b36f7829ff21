// The keys of the facts article $id supports (`Article.cites`, app/graph.py): the API and
// the RDF description then fetch those facts by key (`GraphStore.cited_by`), no scan.
MATCH (a:Article {id: $id})
RETURN a.cites AS cites
