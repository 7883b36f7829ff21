// Sort keys of the agreements in $ids (paging a province's agreements before fetching
// the page in full).
UNWIND $ids AS key
MATCH (a:Agreement {id: key})
RETURN a.id AS id, a.signed_year AS signed_year, a.signed_date AS signed_date,
       a.period_start AS period_start
