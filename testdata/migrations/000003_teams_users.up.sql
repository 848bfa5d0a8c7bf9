BEGIN;

CREATE TABLE IF NOT EXISTS teams (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        citext NOT NULL UNIQUE,
    display     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS users (
    id          uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    team_id     uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email       citext NOT NULL UNIQUE,
    full_name   text,
    is_admin    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- API keys are stored as salted hashes only (crypt() from pgcrypto).
CREATE TABLE IF NOT EXISTS api_keys (
    id          bigserial PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label       text NOT NULL,
    key_hash    text NOT NULL,
    scopes      text[] NOT NULL DEFAULT '{}',
    last_used   timestamptz,
    revoked     boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS api_keys_user ON api_keys (user_id) WHERE NOT revoked;

COMMIT;
