-- Tamper-evident audit log.
--
-- Each row's row_hash is the hex SHA-256 of its fields joined by '|' (see
-- audit_event_hash), beginning with the row_hash of the row before it
-- (prev_hash), so changing, removing or reordering any row breaks every
-- later link. audit_chain_head keeps the newest row_hash so that cutting
-- rows off the end shows too. The order of the chain is ("timestamp", id).
CREATE TABLE IF NOT EXISTS audit_events (
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
CREATE INDEX IF NOT EXISTS audit_events_time ON audit_events ("timestamp", id);
CREATE INDEX IF NOT EXISTS audit_events_resource ON audit_events (resource_type, resource_id);

CREATE TABLE IF NOT EXISTS audit_chain_head (
    id         int PRIMARY KEY CHECK (id = 1),
    row_hash   text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_chain_head (id, row_hash) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION audit_event_hash(
    p_prev text, p_id text, p_actor text, p_actor_type text, p_action text,
    p_resource_type text, p_resource_id text, p_details jsonb, p_ts timestamptz, p_category text)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(digest(
        COALESCE(p_prev, '') || '|' || p_id || '|' || p_actor || '|' || p_actor_type || '|' || p_action
        || '|' || p_resource_type || '|' || p_resource_id || '|' || COALESCE(p_details::text, '')
        || '|' || to_char(p_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        || '|' || COALESCE(p_category, ''),
        'sha256'), 'hex')
$$;

-- Links a new row to the head. Locking the head row makes concurrent
-- writers take turns, so two rows never claim the same predecessor.
CREATE OR REPLACE FUNCTION audit_events_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_head text;
BEGIN
    SELECT row_hash INTO v_head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit_chain_head row 1 is missing';
    END IF;
    NEW.prev_hash := v_head;
    NEW.row_hash := audit_event_hash(NEW.prev_hash, NEW.id, NEW.actor, NEW.actor_type, NEW.action,
        NEW.resource_type, NEW.resource_id, NEW.details, NEW."timestamp", NEW.event_category);
    UPDATE audit_chain_head SET row_hash = NEW.row_hash, updated_at = now() WHERE id = 1;
    RETURN NEW;
END;
$$;

-- Write once, read many: the log only grows.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events rows cannot be changed (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS audit_events_chain_trigger ON audit_events;
CREATE TRIGGER audit_events_chain_trigger BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_link();

DROP TRIGGER IF EXISTS audit_events_worm_trigger ON audit_events;
CREATE TRIGGER audit_events_worm_trigger BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();

-- Walks the chain in order. Clean: (NULL, -1, rows walked). At the first
-- bad row, at 0-based position p, it stops and answers (its id, p, p + 1).
-- A row is bad when it is the first and has a prev_hash, when its
-- prev_hash is not the previous row's row_hash, or when its row_hash is
-- not the hash of its own fields.
CREATE OR REPLACE FUNCTION audit_events_verify_chain(
    OUT first_break_id text, OUT first_break_pos int, OUT row_count int)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    ev   record;
    prev text;
    p    int := 0;
BEGIN
    first_break_id := NULL;
    first_break_pos := -1;
    FOR ev IN SELECT * FROM audit_events ORDER BY "timestamp" ASC, id ASC LOOP
        IF (p = 0 AND ev.prev_hash IS NOT NULL)
           OR (p > 0 AND ev.prev_hash IS DISTINCT FROM prev)
           OR ev.row_hash IS DISTINCT FROM audit_event_hash(ev.prev_hash, ev.id, ev.actor, ev.actor_type,
                  ev.action, ev.resource_type, ev.resource_id, ev.details, ev."timestamp", ev.event_category) THEN
            first_break_id := ev.id;
            first_break_pos := p;
            row_count := p + 1;
            RETURN;
        END IF;
        prev := ev.row_hash;
        p := p + 1;
    END LOOP;
    row_count := p;
END;
$$;
