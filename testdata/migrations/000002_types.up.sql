-- Enum types cannot say IF NOT EXISTS: guard each with a DO block, so the
-- migration can be applied twice.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'certificate_state') THEN
        CREATE TYPE certificate_state AS ENUM ('pending', 'active', 'expiring', 'expired', 'revoked');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'key_algorithm') THEN
        CREATE TYPE key_algorithm AS ENUM ('rsa-2048', 'rsa-4096', 'ecdsa-p256', 'ecdsa-p384', 'ed25519');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'job_state') THEN
        CREATE TYPE job_state AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');
    END IF;
END
$$;

-- A domain for DNS names: lower case, no trailing dot, at most 253 bytes.
DO $do$
BEGIN
    CREATE DOMAIN dns_name AS text
        CHECK (VALUE = lower(VALUE) AND VALUE !~ '\.$' AND octet_length(VALUE) <= 253);
EXCEPTION WHEN duplicate_object THEN
    RAISE NOTICE 'domain dns_name exists; leaving it';
END
$do$;
