UNWIND $rows AS row
CREATE (p:Pending)
SET p = row
