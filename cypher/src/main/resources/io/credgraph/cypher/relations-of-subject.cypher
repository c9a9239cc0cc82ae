// The relations of one subject: outgoing ones of $outTypes and incoming ones of $inTypes, in force on $on when
// $on is not null (since <= $on <= until, an absent until meaning open-ended). A self-relation (treasury shares) is
// both outgoing and incoming: it is returned once, by the first branch when its type is asked for there.
MATCH (s:Subject {key: $key})
CALL (s) {
  MATCH (s)-[r]->(o:Subject)
  WHERE type(r) IN $outTypes
  RETURN r, s.key AS from, o.key AS to
  UNION ALL
  MATCH (s)<-[r]-(o:Subject)
  WHERE type(r) IN $inTypes AND NOT (o = s AND type(r) IN $outTypes)
  RETURN r, o.key AS from, s.key AS to
}
WITH r, from, to
WHERE $on IS NULL OR (r.since <= $on AND (r.until IS NULL OR r.until >= $on))
RETURN type(r) AS type, from, to, r {.*} AS r
