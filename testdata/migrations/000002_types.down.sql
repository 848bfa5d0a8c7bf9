DROP DOMAIN IF EXISTS dns_name;
DROP TYPE IF EXISTS job_state;
DROP TYPE IF EXISTS key_algorithm;
DROP TYPE IF EXISTS certificate_state;
