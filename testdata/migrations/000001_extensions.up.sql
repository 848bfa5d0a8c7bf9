-- Extensions the rest of the schema leans on. IF NOT EXISTS keeps a re-run
-- harmless; the extensions live in public, as most hosted setups put them.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
