MATCH (s:Subject {key: $key})
RETURN s {.*} AS s
