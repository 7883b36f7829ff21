// Agreements the provinces in $ids are party to; `via` says which of them.
UNWIND $ids AS pid
MATCH (p:Province {id: pid})-[:PARTY_TO]->(a:Agreement)
RETURN pid AS via, a.id AS id
