DROP FUNCTION IF EXISTS audit_events_verify_chain();
DROP TABLE IF EXISTS audit_events;
DROP TABLE IF EXISTS audit_chain_head;
DROP FUNCTION IF EXISTS audit_events_reject_change();
DROP FUNCTION IF EXISTS audit_events_link();
DROP FUNCTION IF EXISTS audit_event_hash(text, text, text, text, text, text, text, jsonb, timestamptz, text);
