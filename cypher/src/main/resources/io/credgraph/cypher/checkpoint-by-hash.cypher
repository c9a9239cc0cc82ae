MATCH (c:Checkpoint {batchHash: $hash})
RETURN c {.*} AS c
