DROP VIEW IF EXISTS public.certificate_overview;
DROP SCHEMA IF EXISTS reporting CASCADE;
