// Reads every node once: fails on damaged store files (vlkg doctor, a server opening a snapshot).
MATCH (n) RETURN count(n) AS n
