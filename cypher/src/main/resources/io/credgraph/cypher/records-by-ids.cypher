UNWIND $ids AS id
MATCH (r:Record {id: id})
RETURN r {.*} AS r
