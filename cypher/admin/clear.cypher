// Remove every node and relationship (tests and `vlkg reset`); the schema stays.
MATCH (n) DETACH DELETE n
