-- A hash-chained audit log shaped like certctl's (its migration 000047), for
-- pgdrill's tests: written for pgdrill from the facts stated in issue 10, not
-- copied from certctl. What matters is what pgdrill must agree with:
--   * audit_events_verify_chain(OUT first_break_id text, OUT first_break_pos
--     int, OUT row_count int) in plpgsql, walking ("timestamp", id) in the
--     database's default collation, returning (NULL, -1, N) when clean and
--     (id, p, p+1) at once for the first break at 0-based position p;
--   * the hash: hex sha256 through pgcrypto's digest() over the '|'-joined
--     payload;
--   * a single-row audit_chain_head locked FOR UPDATE and advanced by a
--     BEFORE INSERT trigger (which, unlike pgdrill's, does not refuse rows
--     out of order), and a WORM trigger named audit_events_worm_trigger.
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

CREATE INDEX idx_audit_events_timestamp ON audit_events ("timestamp");

CREATE TABLE audit_chain_head (
    id         int PRIMARY KEY CHECK (id = 1),
    row_hash   text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_chain_head (id) VALUES (1);

CREATE FUNCTION audit_event_digest(ev audit_events) RETURNS text
LANGUAGE sql STABLE AS $fn$
    SELECT encode(digest(
        COALESCE(ev.prev_hash, '') || '|' || ev.id || '|' || ev.actor || '|' ||
        ev.actor_type || '|' || ev.action || '|' || ev.resource_type || '|' ||
        ev.resource_id || '|' || COALESCE(ev.details::text, '') || '|' ||
        to_char(ev."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
        COALESCE(ev.event_category, ''),
        'sha256'), 'hex')
$fn$;

CREATE FUNCTION audit_events_link_row() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    current_head text;
BEGIN
    SELECT row_hash INTO current_head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    NEW.prev_hash := current_head;
    NEW.row_hash := audit_event_digest(NEW);
    UPDATE audit_chain_head SET row_hash = NEW.row_hash, updated_at = now() WHERE id = 1;
    RETURN NEW;
END
$fn$;

CREATE TRIGGER audit_events_chain_trigger BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_link_row();

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END
$fn$;

CREATE TRIGGER audit_events_worm_trigger BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE FUNCTION audit_events_verify_chain(
    OUT first_break_id text, OUT first_break_pos int, OUT row_count int)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
    ev       audit_events;
    previous text;
    n        int := 0;
BEGIN
    first_break_id := NULL;
    first_break_pos := -1;
    FOR ev IN SELECT * FROM audit_events ORDER BY "timestamp" ASC, id ASC LOOP
        IF (n = 0 AND ev.prev_hash IS NOT NULL)
           OR (n > 0 AND ev.prev_hash IS DISTINCT FROM previous)
           OR ev.row_hash IS DISTINCT FROM audit_event_digest(ev) THEN
            first_break_id := ev.id;
            first_break_pos := n;
            row_count := n + 1;
            RETURN;
        END IF;
        previous := ev.row_hash;
        n := n + 1;
    END LOOP;
    row_count := n;
END
$fn$;
