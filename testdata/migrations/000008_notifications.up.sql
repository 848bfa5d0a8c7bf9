CREATE TABLE IF NOT EXISTS notification_channels (
    id        serial PRIMARY KEY,
    team_id   uuid NOT NULL REFERENCES teams (id),
    kind      text NOT NULL CHECK (kind IN ('email', 'slack', 'webhook', 'pagerduty')),
    target    text NOT NULL,
    secret    bytea,       -- encrypted with pgp_sym_encrypt by the application
    muted     boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS notification_rules (
    id          serial PRIMARY KEY,
    channel_id  int NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    days_before int[] NOT NULL DEFAULT '{30,14,7,1}',
    filter      jsonb
);

CREATE TABLE IF NOT EXISTS notifications_sent (
    rule_id        int NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
    certificate_id uuid NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    days_before    int NOT NULL,
    sent_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, certificate_id, days_before)
);
