// Store bookkeeping (format version of the graph); not a fact.
UNWIND $rows AS row
MERGE (m:Meta {key: row.key})
SET m.value = row.value
