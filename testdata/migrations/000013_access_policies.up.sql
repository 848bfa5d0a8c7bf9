-- Row-level security for the multi-tenant tables: a session sees its own
-- team's rows (app.team_id), superusers and the owner see everything.
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS certificates_team_isolation ON certificates;
CREATE POLICY certificates_team_isolation ON certificates
    USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid);

CREATE TABLE IF NOT EXISTS settings (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO settings (key, value, updated_at) VALUES
    ('renewal.window_days', '30', '2024-01-01 00:00:00+00'),
    ('notify.digest', '{"hour": 7, "tz": "Europe/Berlin"}', '2024-01-01 00:00:00+00'),
    ('ui.banner', '"Maintenance Sunday 02:00–04:00 UTC; expect delays"', '2024-01-01 00:00:00+00')
ON CONFLICT (key) DO NOTHING;

CREATE SEQUENCE IF NOT EXISTS order_numbers START 1000 INCREMENT 10;
SELECT setval('order_numbers', 1230, true);

CREATE MATERIALIZED VIEW IF NOT EXISTS reporting.team_certificate_counts AS
SELECT team_id, state, count(*) AS n FROM certificates GROUP BY team_id, state;
