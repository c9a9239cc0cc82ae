// Taking the write lock on the metadata node serialises writing transactions, also across clients of one server.
MATCH (m:Meta {id: $id})
SET m.version = m.version
RETURN m.version AS version, m.checkpointSeq AS checkpointSeq
