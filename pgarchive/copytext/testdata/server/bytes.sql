-- bytes.sql: rows whose text values hold every byte 0x01..0xff, loaded into
-- a SQL_ASCII database (the only encoding where any non-NUL byte is valid
-- text). gen.sh dumps them with COPY TO STDOUT into bytes.copy, the golden
-- that AppendRow must reproduce byte for byte (see server_test.go).
CREATE TABLE bytes (id int PRIMARY KEY, b text, s text, arr text[], ba bytea);

-- One row per byte value: the byte alone, between two letters, inside an
-- array (whose output adds its own quoting and backslashes), and as bytea.
INSERT INTO bytes
SELECT i, c, 'a' || c || 'z', ARRAY[c, 'x' || c], decode(lpad(to_hex(i), 2, '0'), 'hex')
FROM generate_series(1, 255) AS i,
     LATERAL (SELECT convert_from(decode(lpad(to_hex(i), 2, '0'), 'hex'), 'SQL_ASCII') AS c) AS one;

-- Every byte in one value, ascending and descending.
INSERT INTO bytes
SELECT 256, string_agg(b, '' ORDER BY id), string_agg(b, '' ORDER BY id DESC), NULL, NULL
FROM bytes;

-- NULL against the texts that look like markers.
INSERT INTO bytes VALUES
  (300, NULL, '', '{}', NULL),
  (301, '\N', '\\N', ARRAY[NULL, '\N'], '\x5c4e'),
  (302, '\.', '\\.', ARRAY['\.'], '\x5c2e'),
  (303, E'\\', E'\\\\', ARRAY[E'\\'], '\x'),
  (304, 'é日本🙂', 'tab	and
newline', ARRAY['a b', 'c"d', 'e,f'], NULL),
  (305, E'\r\n', E'\t\t', ARRAY[E'\n'], NULL);
