// Package dump turns a live PostgreSQL database into a custom-format archive
// that pg_restore (12 and later for format 1.14, 17 and later for 1.16) and
// pgdrill restore accept, the way pg_dump -Fc does: one REPEATABLE READ, READ
// ONLY snapshot under pg_dump's session settings; definitions built from the
// catalogs (with the server's pg_get_*def functions where pg_dump uses them);
// one TOC entry per object with pg_dump's desc, tag, section, owner and
// dependencies, sorted by pg_dump's type priorities and then topologically;
// and table data streamed from COPY TO straight into the archive writer, so
// no table is held in memory.
//
// The archive's TOC text matches pg_dump 15's (1.14) or 17's (1.16) for:
// schemas, extensions, collations, enum/domain/composite/range types,
// functions, procedures, aggregates, operators, operator classes and
// families, casts, text search
// dictionaries and configurations, foreign-data wrappers, servers, user
// mappings, tables (defaults, identity, generated columns, NOT NULL,
// partitions, inheritance, storage, compression, statistics, table access
// method), foreign tables, sequences (OWNED BY, SEQUENCE SET), views,
// materialized views (and their REFRESH), constraints (primary key, unique,
// check, foreign key, exclusion), indexes (partial, expression, partition
// attach), extended statistics, triggers, rules, row-level security and
// policies, event triggers, publications, comments, large objects, owners,
// ACLs and default privileges, and the database's own properties. With
// Options.Statistics it also writes pg_dump 18's STATISTICS DATA entries
// (relation and column planner statistics) and matches pg_dump 18's
// archive on an 18 server; Options.SchemaOnly, DataOnly, NoSchema, NoData,
// StatisticsOnly and SequenceData choose the parts as pg_dump 18 does.
//
// An object the package does not know how to dump (a base type, a
// procedural language, an access method, a transform, a conversion, a text
// search parser or template, a security label, an extension's configuration
// table, a subscription) is an error that names it, never a silent omission.
package dump
