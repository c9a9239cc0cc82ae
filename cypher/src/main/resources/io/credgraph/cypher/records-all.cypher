MATCH (r:Record)
RETURN r {.*} AS r
