// Each row holds every property of the subject after the merge (absent fields are null and so not stored).
UNWIND $rows AS row
MERGE (s:Subject {key: row.key})
SET s = row
