CREATE TABLE IF NOT EXISTS agents (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id     uuid NOT NULL REFERENCES teams (id),
    hostname    dns_name NOT NULL,
    version     text NOT NULL,
    tags        text[],
    last_seen   timestamptz,
    UNIQUE (team_id, hostname)
);

CREATE TABLE IF NOT EXISTS deployment_targets (
    id             serial PRIMARY KEY,
    agent_id       uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    kind           text NOT NULL,           -- nginx; haproxy; k8s-secret; file
    config         jsonb NOT NULL,
    certificate_id uuid REFERENCES certificates (id) ON DELETE SET NULL
);

CREATE TABLE IF NOT EXISTS agent_heartbeats (
    agent_id   uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    seen_at    timestamptz NOT NULL,
    load       numeric(6, 2),
    addr       inet,
    PRIMARY KEY (agent_id, seen_at)
);
