UNWIND $ids AS id
MATCH (p:Pending {id: id})
RETURN p.id AS id
