MATCH (m:Meta {id: $id})
SET m.version = $version, m.checkpointSeq = $checkpointSeq
