MATCH (r:Record {id: $id})
RETURN r {.*} AS r
