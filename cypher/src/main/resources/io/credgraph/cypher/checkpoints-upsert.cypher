UNWIND $rows AS row
MERGE (c:Checkpoint {batchHash: row.batchHash})
SET c.name = row.name, c.department = row.department, c.lastLine = row.lastLine, c.complete = row.complete,
  c.updatedAt = row.updatedAt, c.seq = row.seq
