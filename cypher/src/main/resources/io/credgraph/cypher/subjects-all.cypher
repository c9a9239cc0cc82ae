MATCH (s:Subject)
RETURN s {.*} AS s
