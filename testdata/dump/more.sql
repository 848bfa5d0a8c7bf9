-- more.sql: further object shapes for the dump parity tests: overloaded and
-- variadic functions, OUT and TABLE results, domains over domains, multiple
-- inheritance, NO INHERIT checks, a table without columns, NULLS NOT
-- DISTINCT and deferrable uniques, MATCH FULL keys, descending sequences,
-- nested partitions on an enum, INSTEAD OF triggers and rules on views,
-- recursive and security_invoker views, a quoted role in ACLs and as a large
-- object's owner.

SET client_min_messages = warning;
DO $$ BEGIN CREATE ROLE "My Role" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA extra;
CREATE FUNCTION extra.f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION extra.f(x text) RETURNS text LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION extra.f(VARIADIC xs integer[]) RETURNS integer LANGUAGE sql AS 'SELECT xs[1]';
CREATE FUNCTION extra.outs(a integer, OUT b integer, OUT c text) LANGUAGE sql AS 'SELECT a, a::text';
CREATE FUNCTION extra.poly(anyelement) RETURNS anyelement LANGUAGE sql AS 'SELECT $1';
CREATE FUNCTION extra.tbl(n int) RETURNS TABLE(i int, s text) LANGUAGE sql AS 'SELECT g, g::text FROM generate_series(1, n) g';
CREATE TYPE extra.color AS ENUM ('red', 'green');
CREATE DOMAIN extra.d1 AS integer CHECK (VALUE > 0);
CREATE DOMAIN extra.d2 AS extra.d1 CHECK (VALUE < 100);
CREATE TABLE extra.p1 (a integer CHECK (a > 0) NO INHERIT, "with space" text);
CREATE TABLE extra.p2 (b integer);
CREATE TABLE extra.multi (c integer) INHERITS (extra.p1, extra.p2);
CREATE TABLE extra.nocols ();
INSERT INTO extra.nocols DEFAULT VALUES;
CREATE TABLE extra.u (
    a integer, b integer, colors extra.color[], dd extra.d2,
    CONSTRAINT u_ab UNIQUE NULLS NOT DISTINCT (a, b), CONSTRAINT u_b UNIQUE (b) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX u_desc ON extra.u (a DESC NULLS FIRST, (b::text) text_pattern_ops) WITH (fillfactor = 70);
CREATE TABLE extra.fk (a integer, b integer, FOREIGN KEY (a, b) REFERENCES extra.u (a, b) MATCH FULL ON UPDATE SET NULL);
CREATE SEQUENCE extra.down INCREMENT -1 MINVALUE -50 MAXVALUE -1 START -1;
CREATE TABLE extra.colored (id int, c extra.color) PARTITION BY LIST (c);
CREATE TABLE extra.colored_red PARTITION OF extra.colored FOR VALUES IN ('red') PARTITION BY RANGE (id);
CREATE TABLE extra.colored_red_low PARTITION OF extra.colored_red FOR VALUES FROM (MINVALUE) TO (100);
INSERT INTO extra.colored VALUES (1, 'red');
CREATE VIEW extra.v WITH (security_invoker = true) AS SELECT a, b FROM extra.u;
CREATE FUNCTION extra.v_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO extra.u (a, b) VALUES (NEW.a, NEW.b); RETURN NEW; END $$;
CREATE TRIGGER v_ins INSTEAD OF INSERT ON extra.v FOR EACH ROW EXECUTE FUNCTION extra.v_ins();
CREATE RULE v_del AS ON DELETE TO extra.v DO INSTEAD DELETE FROM extra.u WHERE a = OLD.a;
CREATE RECURSIVE VIEW extra.nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 5;
CREATE FUNCTION extra.later_default() RETURNS integer LANGUAGE sql AS 'SELECT 42';
CREATE TABLE extra.uses_later (x integer DEFAULT extra.later_default());
CREATE MATERIALIZED VIEW extra.mv_fn AS SELECT extra.later_default() AS v;
COMMENT ON TABLE extra.nocols IS E'multi\nline ''quoted'' comment';
COMMENT ON COLUMN extra.p1."with space" IS 'spaced';
GRANT SELECT ON extra.u TO "My Role";
GRANT USAGE ON SCHEMA extra TO "My Role" WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION extra.f(integer) TO "My Role";
REVOKE EXECUTE ON FUNCTION extra.f(text) FROM PUBLIC;
CREATE POLICY p ON extra.u USING (extra.later_default() > a);
ALTER TABLE extra.u ENABLE ROW LEVEL SECURITY;
SELECT lo_from_bytea(123456, 'abc');
ALTER LARGE OBJECT 123456 OWNER TO "My Role";
