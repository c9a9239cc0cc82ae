MATCH (m:Meta {id: $id})
RETURN m.version AS version, m.checkpointSeq AS checkpointSeq
