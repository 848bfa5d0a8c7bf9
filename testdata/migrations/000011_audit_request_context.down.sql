ALTER TABLE audit_events DROP COLUMN IF EXISTS source_ip;
ALTER TABLE audit_events DROP COLUMN IF EXISTS request_id;
