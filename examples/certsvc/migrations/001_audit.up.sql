-- A service's audit log: rows hash-chained by a trigger, as certctl does.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE audit_events (
    id             text PRIMARY KEY,
    actor          text NOT NULL,
    actor_type     text NOT NULL,
    action         text NOT NULL,
    resource_type  text NOT NULL,
    resource_id    text NOT NULL,
    details        jsonb,
    "timestamp"    timestamptz NOT NULL DEFAULT now(),
    event_category text,
    prev_hash      text,
    row_hash       text NOT NULL
);

CREATE TABLE audit_chain_head (
    id         int PRIMARY KEY CHECK (id = 1),
    row_hash   text,
    updated_at timestamptz
);
INSERT INTO audit_chain_head (id) VALUES (1);

CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head text;
BEGIN
    SELECT row_hash INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    NEW.prev_hash := head;
    NEW.row_hash := encode(digest(
        COALESCE(head, '') || '|' || NEW.id || '|' || NEW.actor || '|' || NEW.actor_type || '|' ||
        NEW.action || '|' || NEW.resource_type || '|' || NEW.resource_id || '|' ||
        COALESCE(NEW.details::text, '') || '|' ||
        to_char(NEW."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
        COALESCE(NEW.event_category, ''), 'sha256'), 'hex');
    UPDATE audit_chain_head SET row_hash = NEW.row_hash, updated_at = NEW."timestamp" WHERE id = 1;
    RETURN NEW;
END $$;

CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
