UNWIND $rows AS row
MERGE (c:Checkpoint {batchHash: row.batchHash})
SET c = row
