-- Later release: every audit event carries the request it came from. The
-- column is NOT NULL without a default: writers must say.
ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS request_id uuid;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_events WHERE request_id IS NULL) THEN
        UPDATE audit_events SET request_id = '00000000-0000-0000-0000-000000000000' WHERE request_id IS NULL;
    END IF;
END
$$;
ALTER TABLE audit_events ALTER COLUMN request_id SET NOT NULL;
ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS source_ip inet;

-- The same release re-applies the base objects of earlier migrations, as
-- its installer does on every start: all of it must be a no-op here.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE IF NOT EXISTS teams (id uuid PRIMARY KEY, slug citext NOT NULL UNIQUE, display text NOT NULL);
CREATE INDEX IF NOT EXISTS certificates_team ON certificates (team_id, state);
CREATE SCHEMA IF NOT EXISTS reporting;
INSERT INTO audit_chain_head (id, row_hash) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'certificate_state') THEN
        CREATE TYPE certificate_state AS ENUM ('pending', 'active', 'expiring', 'expired', 'revoked');
    END IF;
END
$$;
