CREATE TABLE IF NOT EXISTS issuers (
    id           serial PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    kind         text NOT NULL CHECK (kind IN ('acme', 'internal-ca', 'vault', 'manual')),
    directory    text,
    settings     jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled      boolean NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS certificates (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id       uuid NOT NULL REFERENCES teams (id),
    issuer_id     int REFERENCES issuers (id),
    common_name   dns_name NOT NULL,
    serial_hex    text UNIQUE,
    state         certificate_state NOT NULL DEFAULT 'pending',
    algorithm     key_algorithm NOT NULL DEFAULT 'ecdsa-p256',
    not_before    timestamptz,
    not_after     timestamptz,
    -- days of validity, kept by the server
    lifetime_days int GENERATED ALWAYS AS ((extract(epoch FROM (not_after - not_before)) / 86400)::int) STORED,
    pem           text,
    fingerprint   bytea,
    labels        jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT certificates_validity CHECK (not_after IS NULL OR not_before IS NULL OR not_after > not_before)
);
CREATE INDEX IF NOT EXISTS certificates_expiry ON certificates (not_after) WHERE state IN ('active', 'expiring');
CREATE INDEX IF NOT EXISTS certificates_team ON certificates (team_id, state);

CREATE TABLE IF NOT EXISTS certificate_sans (
    certificate_id uuid NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    san            dns_name NOT NULL,
    PRIMARY KEY (certificate_id, san)
);

COMMENT ON TABLE certificates IS 'Every certificate the service manages; PEM text; state follows the lifecycle enum.';
COMMENT ON COLUMN certificates.fingerprint IS 'sha256 of the DER encoding';
