-- pgdrill audit hash chain. Idempotent: running it again changes nothing.
--
-- Every audit_events row carries row_hash = sha256 of its payload (see
-- audit_events_payload) and prev_hash = the row_hash of the row inserted
-- before it. audit_chain_head holds the newest row_hash, so deleting the
-- newest rows is detectable too.
--
-- Chain order is ("timestamp", id COLLATE "C"): the byte order of id, not the
-- database collation, so that every verifier (SQL, Go) sorts the same way.
-- The insert trigger links each row to the head, i.e. to the last row
-- inserted, so insertion order must equal chain order; the trigger therefore
-- REJECTS a row that does not sort after the current head row, instead of
-- letting the chain break silently. It checks against the greatest
-- ("timestamp", id) in the table, found at the end of the chain-order index,
-- which is the head row's whenever the chain is intact.

CREATE TABLE IF NOT EXISTS audit_events (
    id             text PRIMARY KEY,
    actor          text NOT NULL,
    actor_type     text NOT NULL,
    action         text NOT NULL,
    resource_type  text NOT NULL,
    resource_id    text NOT NULL,
    details        jsonb,
    "timestamp"    timestamptz NOT NULL,
    event_category text DEFAULT 'cert_lifecycle',
    prev_hash      text,
    row_hash       text NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_events_chain_order ON audit_events ("timestamp", id COLLATE "C");

CREATE TABLE IF NOT EXISTS audit_chain_head (
    id         int PRIMARY KEY CHECK (id = 1),
    row_hash   text,
    updated_at timestamptz
);

INSERT INTO audit_chain_head (id, row_hash, updated_at) VALUES (1, NULL, NULL)
ON CONFLICT (id) DO NOTHING;

-- The canonical payload. Any NULL operand of || other than the COALESCEd ones
-- makes the payload (and so the hash) NULL: in practice only an infinite
-- timestamp, for which to_char returns NULL; row_hash NOT NULL then rejects
-- the row.
CREATE OR REPLACE FUNCTION audit_events_payload(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(e.prev_hash, '') || '|' || e.id || '|' || e.actor || '|' || e.actor_type
        || '|' || e.action || '|' || e.resource_type || '|' || e.resource_id
        || '|' || COALESCE(e.details::text, '')
        || '|' || to_char(e."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        || '|' || COALESCE(e.event_category, '')
$$;

CREATE OR REPLACE FUNCTION audit_events_row_hash(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(audit_events_payload(e), 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION audit_events_chain_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head_hash text;
    last_ts   timestamptz;
    last_id   text;
BEGIN
    -- The row lock serialises concurrent inserters on the head.
    SELECT row_hash INTO head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit_chain_head has no row 1';
    END IF;
    SELECT "timestamp", id INTO last_ts, last_id FROM audit_events
    ORDER BY "timestamp" DESC, id COLLATE "C" DESC LIMIT 1;
    IF FOUND THEN
        IF NEW."timestamp" < last_ts OR (NEW."timestamp" = last_ts AND NEW.id COLLATE "C" <= last_id) THEN
            RAISE EXCEPTION 'audit_events % (%) does not sort after the last row % (%)',
                NEW.id, NEW."timestamp", last_id, last_ts
                USING HINT = 'insert audit events in ("timestamp", id) order';
        END IF;
    END IF;
    NEW.prev_hash := head_hash;
    NEW.row_hash := audit_events_row_hash(NEW);
    UPDATE audit_chain_head SET row_hash = NEW.row_hash, updated_at = now() WHERE id = 1;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION audit_events_write_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is write-once: % rejected', TG_OP;
END
$$;

DROP TRIGGER IF EXISTS audit_events_chain_insert ON audit_events;
CREATE TRIGGER audit_events_chain_insert BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_chain_insert();

DROP TRIGGER IF EXISTS audit_events_write_once ON audit_events;
CREATE TRIGGER audit_events_write_once BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_write_once();

DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_write_once();

-- Walks every row in chain order and reports the first one whose prev_hash
-- differs from the previous row's stored row_hash, or whose row_hash differs
-- from the recomputed hash (IS DISTINCT FROM: NULL-aware), with its 0-based
-- position; row_count is the number of rows walked, always all of them.
-- It does not look at audit_chain_head (chain.Verify does).
CREATE OR REPLACE FUNCTION audit_events_verify_chain()
RETURNS TABLE (first_break_id text, first_break_pos bigint, row_count bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r        audit_events;
    expected text := NULL;
    pos      bigint := 0;
BEGIN
    first_break_id := NULL;
    first_break_pos := NULL;
    FOR r IN SELECT * FROM audit_events ORDER BY "timestamp", id COLLATE "C" LOOP
        IF first_break_pos IS NULL
           AND (r.prev_hash IS DISTINCT FROM expected
                OR r.row_hash IS DISTINCT FROM audit_events_row_hash(r)) THEN
            first_break_id := r.id;
            first_break_pos := pos;
        END IF;
        expected := r.row_hash;
        pos := pos + 1;
    END LOOP;
    row_count := pos;
    RETURN NEXT;
END
$$;
