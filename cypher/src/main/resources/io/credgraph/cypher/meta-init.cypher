// The store's single metadata node: the version counter and the sequence that orders checkpoints.
MERGE (m:Meta {id: $id})
  ON CREATE SET m.version = 0, m.checkpointSeq = 0
