// The schema of the credgraph store. Run statement by statement (each ends with ';'), every one idempotent.
CREATE CONSTRAINT subject_key IF NOT EXISTS FOR (s:Subject) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT subject_id IF NOT EXISTS FOR (s:Subject) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT record_id IF NOT EXISTS FOR (r:Record) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT pending_id IF NOT EXISTS FOR (p:Pending) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT checkpoint_hash IF NOT EXISTS FOR (c:Checkpoint) REQUIRE c.batchHash IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE;
CREATE INDEX pending_awaited IF NOT EXISTS FOR (p:Pending) ON (p.awaited);
CREATE INDEX record_subject IF NOT EXISTS FOR (r:Record) ON (r.subject);
CREATE INDEX record_list IF NOT EXISTS FOR (r:Record) ON (r.list);
CREATE INDEX subject_name IF NOT EXISTS FOR (s:Subject) ON (s.name);
