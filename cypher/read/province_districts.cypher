// District partnerships with a side in one of the provinces $ids; `via` says which.
UNWIND $ids AS pid
MATCH (d:DistrictPartnership)-[:IN_PROVINCE]->(p:Province {id: pid})
RETURN pid AS via, d.id AS id
