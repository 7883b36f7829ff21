// Reads every relationship once: fails on damaged store files.
MATCH ()-[r]->() RETURN count(r) AS n
