DROP MATERIALIZED VIEW IF EXISTS reporting.team_certificate_counts;
DROP SEQUENCE IF EXISTS order_numbers;
DROP TABLE IF EXISTS settings;
DROP POLICY IF EXISTS certificates_team_isolation ON certificates;
ALTER TABLE certificates DISABLE ROW LEVEL SECURITY;
