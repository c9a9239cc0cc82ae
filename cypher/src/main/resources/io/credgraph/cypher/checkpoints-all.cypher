// Oldest first: seq is assigned when a batch is first seen.
MATCH (c:Checkpoint)
RETURN c {.*} AS c
ORDER BY c.seq
