DROP TABLE audit_events, audit_chain_head;
DROP FUNCTION audit_events_chain();
