UNWIND $keys AS key
MATCH (s:Subject {key: key})
RETURN key
