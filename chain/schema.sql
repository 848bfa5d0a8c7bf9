-- pgdrill audit hash chain. Idempotent: running it again changes nothing.
--
-- Every audit_events row carries row_hash = sha256 of its payload (see
-- audit_events_payload) and prev_hash = the row_hash of the row inserted
-- before it. audit_chain_head holds the newest row_hash, so deleting the
-- newest rows is detectable too.
--
-- Chain order is ("timestamp", id) in the database's default collation, as
-- certctl's verifier walks it (its migration 000047), so that this chain and
-- certctl's give the same answers on the same rows. The offline Go verifier
-- cannot sort by the database's collation and sorts id by its bytes: the two
-- orders agree under the C collation (the drill's throwaway server) and for
-- ids of one fixed shape such as UUIDs, and otherwise only differ between
-- rows with equal timestamps.
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

-- pgdrill before this version indexed id COLLATE "C"; replace that index.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_indexes
               WHERE schemaname = current_schema() AND indexname = 'audit_events_chain_order'
                 AND indexdef LIKE '%COLLATE "C"%') THEN
        DROP INDEX audit_events_chain_order;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS audit_events_chain_order ON audit_events ("timestamp", id);

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
    ORDER BY "timestamp" DESC, id DESC LIMIT 1;
    IF FOUND THEN
        IF NEW."timestamp" < last_ts OR (NEW."timestamp" = last_ts AND NEW.id <= last_id) THEN
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

-- audit_events_verify_chain() walks the rows in chain order and stops at
-- the first that does not verify: row 0 with a non-NULL prev_hash, a later
-- row whose prev_hash IS DISTINCT FROM the previous row's row_hash, or a row
-- whose row_hash differs from the recomputed hash. It returns
-- (first_break_id, first_break_pos, row_count): (NULL, -1, N) for a clean
-- chain of N rows, (id, p, p+1) for a break at 0-based position p, so
-- row_count is the rows walked. This is certctl's convention, signature and
-- order, so a drill gets the same answer from either function. It does not
-- look at audit_chain_head (chain.Verify does).
--
-- pgdrill before this version returned TABLE (text, bigint, bigint) and
-- walked every row; CREATE OR REPLACE cannot change the result type, so
-- drop that one first.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_proc WHERE oid = to_regprocedure('audit_events_verify_chain()') AND proretset) THEN
        DROP FUNCTION audit_events_verify_chain();
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION audit_events_verify_chain(
    OUT first_break_id text, OUT first_break_pos int, OUT row_count int)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r        audit_events;
    expected text := NULL;
BEGIN
    first_break_id := NULL;
    first_break_pos := -1;
    row_count := 0;
    FOR r IN SELECT * FROM audit_events ORDER BY "timestamp", id LOOP
        IF r.prev_hash IS DISTINCT FROM expected
           OR r.row_hash IS DISTINCT FROM audit_events_row_hash(r) THEN
            first_break_id := r.id;
            first_break_pos := row_count;
            row_count := row_count + 1;
            RETURN;
        END IF;
        expected := r.row_hash;
        row_count := row_count + 1;
    END LOOP;
END
$$;

-- chain.VerifySQL reads this comment to tell pgdrill's function from a
-- schema's own (certctl's).
COMMENT ON FUNCTION audit_events_verify_chain() IS
    'pgdrill audit chain verifier: (NULL, -1, N) when clean, (id, p, p+1) at the first break';
