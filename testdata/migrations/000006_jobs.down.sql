DROP FUNCTION IF EXISTS claim_renewal_job();
DROP TABLE IF EXISTS job_attempts;
DROP TABLE IF EXISTS renewal_jobs;
