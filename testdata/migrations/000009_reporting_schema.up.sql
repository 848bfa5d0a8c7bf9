-- Reporting lives in its own schema so a read-only role can be given just it.
CREATE SCHEMA IF NOT EXISTS reporting;

CREATE TABLE IF NOT EXISTS reporting.daily_counts (
    day         date NOT NULL,
    team_id     uuid NOT NULL,
    issued      int NOT NULL DEFAULT 0,
    renewed     int NOT NULL DEFAULT 0,
    revoked     int NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id)
);

CREATE OR REPLACE VIEW reporting.expiring_soon AS
SELECT c.id, t.slug AS team, c.common_name, c.not_after,
       c.not_after - now() AS remaining
FROM certificates c JOIN teams t ON t.id = c.team_id
WHERE c.state IN ('active', 'expiring') AND c.not_after < now() + interval '30 days';

CREATE OR REPLACE VIEW public.certificate_overview AS
SELECT state, algorithm, count(*) AS n FROM certificates GROUP BY state, algorithm;

CREATE OR REPLACE FUNCTION reporting.bump(p_day date, p_team uuid, p_what text) RETURNS void
LANGUAGE plpgsql AS $body$
BEGIN
    INSERT INTO reporting.daily_counts (day, team_id) VALUES (p_day, p_team)
    ON CONFLICT (day, team_id) DO NOTHING;
    EXECUTE format('UPDATE reporting.daily_counts SET %I = %I + 1 WHERE day = $1 AND team_id = $2', p_what, p_what)
        USING p_day, p_team;
END;
$body$;
