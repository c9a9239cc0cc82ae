UNWIND $ids AS id
MATCH (p:Pending {id: id})
DELETE p
RETURN count(p) AS removed
