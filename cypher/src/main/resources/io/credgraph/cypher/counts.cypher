// Relations are every relationship between subjects: all relationships but the HAS_RECORD links (count store reads).
CALL () { MATCH (s:Subject) RETURN count(s) AS subjects }
CALL () { MATCH ()-[r]->() RETURN count(r) AS links }
CALL () { MATCH ()-[h:HAS_RECORD]->() RETURN count(h) AS recordLinks }
CALL () { MATCH (r:Record) RETURN count(r) AS records }
CALL () { MATCH (p:Pending) RETURN count(p) AS pending }
RETURN subjects, links - recordLinks AS relations, records, pending
