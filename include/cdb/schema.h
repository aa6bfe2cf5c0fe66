/*
 * schema.h - the in-memory model of a database schema
 *
 * Both sides of every diff are read into this model by the same dialect
 * introspection code (the live database, and the scratch database the models
 * were executed into), so two schemas can be compared field by field.
 *
 * Ownership: every object, string and array hangs off the schema's arena and
 * is freed by cdb_schema_release(). Arrays are in a deterministic order
 * (sorted by schema then name) once the introspector calls cdb_schema_sort().
 * Strings that are "NULL when absent" are never empty strings.
 *
 * Names are stored unquoted, exactly as the catalog holds them. Text that is
 * SQL (types, defaults, expressions, definitions) is stored as the server
 * itself formats it, so equal text means equal meaning on one server; the
 * introspectors normalise what the server does not (e.g. SQLite keeps the
 * text as written, so its introspector compares token-normalised text).
 */
#ifndef CDB_SCHEMA_H
#define CDB_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"

struct cdb_column {
	char *name;       /* column name */
	char *type;       /* SQLite: declared type, upper-cased, as written ("" allowed for none);
	                     PostgreSQL: format_type() text, e.g. "character varying(80)" */
	bool notnull;     /* NOT NULL (SQLite: also true for INTEGER PRIMARY KEY) */
	char *default_expr; /* default expression as the server prints it, NULL: none */
	char *collation;  /* explicit collation, NULL: the default */
	char *generated;  /* generation expression, NULL: not generated */
	bool generated_stored; /* STORED (true) or VIRTUAL (false) */
	char identity;    /* PostgreSQL: 'a' ALWAYS, 'd' BY DEFAULT, 0 none */
	char *serial_seq; /* PostgreSQL: sequence owned by this column (serial), NULL: none */
	char *comment;    /* COMMENT ON COLUMN, NULL: none */
	int position;     /* 1-based ordinal position in the table */
	bool hidden;      /* SQLite: hidden column of a virtual table; skipped by diff */
	char *definition; /* SQLite: the column definition as written in CREATE TABLE
	                     ("name TYPE NOT NULL ..."), for ADD COLUMN; NULL on PostgreSQL */
};

enum cdb_constraint_kind {
	CDB_CON_PRIMARY,
	CDB_CON_UNIQUE,
	CDB_CON_CHECK,
	CDB_CON_FOREIGN,
	CDB_CON_EXCLUDE, /* PostgreSQL only */
};

struct cdb_constraint {
	enum cdb_constraint_kind kind;
	char *name;        /* constraint name; NULL when unnamed (SQLite) */
	char **columns;    /* key columns (PK, UNIQUE, FK); NULL for CHECK */
	size_t ncolumns;
	char *ref_schema;  /* FK: referenced table's schema (PostgreSQL), NULL on SQLite */
	char *ref_table;   /* FK: referenced table */
	char **ref_columns;/* FK: referenced columns (SQLite: may be empty = the target's PK) */
	size_t nref_columns;
	char *on_delete;   /* FK: "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"; NULL: NO ACTION */
	char *on_update;   /* FK: as on_delete */
	char *match;       /* FK: "FULL", "PARTIAL"; NULL: SIMPLE/NONE */
	bool deferrable;   /* DEFERRABLE */
	bool initially_deferred; /* INITIALLY DEFERRED */
	bool autoincrement;/* SQLite: PRIMARY KEY ... AUTOINCREMENT */
	char *expr;        /* CHECK: the expression text, without CHECK and parentheses */
	char *definition;  /* the whole constraint clause as the server prints it
	                      (PostgreSQL: pg_get_constraintdef(); SQLite: the clause text
	                      from the CREATE TABLE, for rendering) */
	char *comment;     /* COMMENT ON CONSTRAINT, NULL: none */
	char *in_column;   /* SQLite: the column whose definition holds this clause;
	                      NULL for a table constraint (not compared) */
};

struct cdb_index {
	char *schema;      /* PostgreSQL schema, NULL on SQLite */
	char *table;       /* table (or materialized view) indexed */
	char *name;        /* index name */
	bool unique;       /* UNIQUE index */
	bool partial;      /* has a WHERE clause */
	char *where;       /* predicate text, NULL: not partial */
	char **keys;       /* key parts as text: a quoted column or an expression,
	                      with COLLATE/opclass/DESC/NULLS as written by the server */
	size_t nkeys;
	char *method;      /* PostgreSQL access method ("btree", "gin", ...), NULL on SQLite */
	char **include;    /* PostgreSQL INCLUDE columns */
	size_t ninclude;
	char *definition;  /* full CREATE INDEX statement (SQLite: sqlite_schema.sql;
	                      PostgreSQL: pg_get_indexdef()) */
	char *comment;     /* COMMENT ON INDEX, NULL: none */
};

/* PostgreSQL CREATE POLICY (row-level security) on a table. */
struct cdb_policy {
	char *name;        /* policy name, unique per table */
	bool permissive;   /* AS PERMISSIVE (true) or AS RESTRICTIVE */
	char *command;     /* "ALL", "SELECT", "INSERT", "UPDATE" or "DELETE" */
	char **roles;      /* role names sorted in byte order; "PUBLIC" for the pseudo-role */
	size_t nroles;
	char *using_expr;  /* USING expression as pg_get_expr() prints it, NULL: none */
	char *check_expr;  /* WITH CHECK expression as pg_get_expr() prints it, NULL: none */
};

struct cdb_table {
	char *schema;      /* PostgreSQL schema, NULL on SQLite */
	char *name;        /* table name */
	struct cdb_column *columns; /* in ordinal order */
	size_t ncolumns, columns_cap;
	struct cdb_constraint *constraints; /* PK first, then by kind and name/content */
	size_t nconstraints, constraints_cap;
	bool without_rowid;/* SQLite WITHOUT ROWID */
	bool strict;       /* SQLite STRICT */
	char *comment;     /* COMMENT ON TABLE, NULL: none */
	char *sql;         /* SQLite: CREATE TABLE text from sqlite_schema; NULL on PostgreSQL */
	char *partition_key; /* PostgreSQL: pg_get_partkeydef(), e.g. "RANGE (created_on)";
	                        NULL: not partitioned */
	char *parent_schema; /* PostgreSQL partition: the partitioned table it belongs to */
	char *parent;        /* NULL: not a partition */
	char *bound;         /* partition: pg_get_expr(relpartbound), e.g. "FOR VALUES FROM
	                        ('2024-01-01') TO ('2025-01-01')" or "DEFAULT"; NULL otherwise.
	                        A partition carries only what is its own: its columns and
	                        what it inherits from its parent are not read */
	bool rls;          /* PostgreSQL: ENABLE ROW LEVEL SECURITY (relrowsecurity) */
	bool rls_forced;   /* PostgreSQL: FORCE ROW LEVEL SECURITY (relforcerowsecurity) */
	bool unlogged;     /* PostgreSQL: UNLOGGED (relpersistence 'u') */
	char **options;    /* PostgreSQL storage parameters as "key=value" (reloptions),
	                      sorted in byte order */
	size_t noptions;
	struct cdb_policy *policies; /* PostgreSQL policies, by name in byte order */
	size_t npolicies, policies_cap;
};

struct cdb_view {
	char *schema;      /* PostgreSQL schema, NULL on SQLite */
	char *name;
	bool materialized; /* PostgreSQL materialized view */
	char *definition;  /* SELECT text (PostgreSQL: pg_get_viewdef()); SQLite: the whole CREATE VIEW */
	char **columns;    /* output column names */
	size_t ncolumns;
	char **depends;    /* tables and views it reads ("schema.name" on PostgreSQL), when known */
	size_t ndepends;
	char *comment;
};

struct cdb_trigger {
	char *schema;      /* PostgreSQL schema, NULL on SQLite */
	char *table;       /* table (or view) it fires on */
	char *name;
	char *definition;  /* SQLite: CREATE TRIGGER text; PostgreSQL: pg_get_triggerdef() */
	char *comment;
};

struct cdb_enum {
	char *schema;
	char *name;
	char **labels;     /* in sort order */
	size_t nlabels;
	char *comment;
};

/* A named CHECK of a domain. */
struct cdb_domain_check {
	char *name;        /* constraint name (the server's default name when unnamed) */
	char *definition;  /* pg_get_constraintdef(): "CHECK (VALUE ~ '...'::text)" */
};

/* PostgreSQL CREATE DOMAIN. */
struct cdb_domain {
	char *schema;
	char *name;
	char *type;        /* base type as format_type() prints it */
	bool notnull;      /* NOT NULL */
	char *default_expr; /* DEFAULT expression as the server prints it, NULL: none */
	char *collation;   /* explicit collation (quoted, qualified unless pg_catalog), NULL: default */
	struct cdb_domain_check *checks; /* by name */
	size_t nchecks;
	char *comment;
};

/* An attribute of a PostgreSQL composite type. */
struct cdb_type_attr {
	char *name;        /* attribute name */
	char *type;        /* format_type() text, as for a column */
	char *collation;   /* explicit collation (quoted, qualified unless pg_catalog), NULL: default */
};

/* PostgreSQL CREATE TYPE ... AS (...): a standalone composite type. */
struct cdb_composite {
	char *schema;
	char *name;
	struct cdb_type_attr *attrs; /* in attribute order */
	size_t nattrs;
	char *comment;     /* COMMENT ON TYPE, NULL: none */
};

/* PostgreSQL CREATE TYPE ... AS RANGE. Text fields are SQL as the server prints it. */
struct cdb_range {
	char *schema;
	char *name;
	char *subtype;     /* format_type() of the subtype */
	char *opclass;     /* subtype operator class when not the default, NULL: default */
	char *collation;   /* collation when not the subtype's default, NULL: default */
	char *canonical;   /* canonical function (regproc text), NULL: none */
	char *subtype_diff;/* subtype_diff function (regproc text), NULL: none */
	char *multirange_schema; /* multirange type (PostgreSQL 14+), NULL: none */
	char *multirange;
	char *comment;     /* COMMENT ON TYPE, NULL: none */
};

/* PostgreSQL CREATE COLLATION. */
struct cdb_collation {
	char *schema;
	char *name;
	char provider;     /* 'i' icu, 'c' libc, 'b' builtin, 'd' default */
	char *locale;      /* icu/builtin locale, NULL: none (libc) */
	char *lc_collate;  /* libc LC_COLLATE, NULL: none */
	char *lc_ctype;    /* libc LC_CTYPE, NULL: none */
	char *rules;       /* icu tailoring rules (PostgreSQL 16+), NULL: none */
	bool deterministic;
	char *comment;     /* COMMENT ON COLLATION, NULL: none */
};

struct cdb_sequence {
	char *schema;
	char *name;
	char *type;        /* "bigint", "integer", "smallint" */
	long long start, increment, min, max, cache;
	bool cycle;
	char *owned_by;    /* "table.column" for serial/identity-owned sequences, NULL: none */
	bool identity;     /* backs an identity column; managed with the column, not diffed alone */
	char *comment;
};

struct cdb_function {
	char *schema;
	char *name;
	char *args;        /* pg_get_function_identity_arguments() */
	char *kind;        /* "function" or "procedure" */
	char *definition;  /* pg_get_functiondef() */
	char *comment;
};

struct cdb_extension {
	char *name;
	char *schema;
	char *version;
};

struct cdb_namespace {
	char *name;        /* PostgreSQL schema name */
	char *comment;
};

struct cdb_schema {
	struct cdb_arena arena; /* owns everything below */
	struct cdb_table *tables;        size_t ntables, tables_cap;
	struct cdb_index *indexes;       size_t nindexes, indexes_cap;
	struct cdb_view *views;          size_t nviews, views_cap;
	struct cdb_trigger *triggers;    size_t ntriggers, triggers_cap;
	struct cdb_enum *enums;          size_t nenums, enums_cap;
	struct cdb_domain *domains;      size_t ndomains, domains_cap; /* PostgreSQL; in query order:
	                                    by schema then name */
	struct cdb_sequence *sequences;  size_t nsequences, sequences_cap;
	struct cdb_composite *composites;size_t ncomposites, composites_cap; /* PostgreSQL; by schema, name */
	struct cdb_range *ranges;        size_t nranges, ranges_cap;         /* PostgreSQL; by schema, name */
	struct cdb_collation *collations;size_t ncollations, collations_cap; /* PostgreSQL; by schema, name */
	struct cdb_function *functions;  size_t nfunctions, functions_cap;
	struct cdb_extension *extensions;size_t nextensions, extensions_cap;
	struct cdb_namespace *namespaces;size_t nnamespaces, namespaces_cap;
	bool sqlite;       /* read from SQLite: names compare case-insensitively, SQL text
	                      compares token-normalised, constraint names are not significant */
};

void cdb_schema_init(struct cdb_schema *s);
void cdb_schema_release(struct cdb_schema *s);

/* Sort every array into the deterministic order described above. */
void cdb_schema_sort(struct cdb_schema *s);

/* Lookups by (schema, name); `schema` NULL matches NULL. NULL when absent. */
struct cdb_table *cdb_schema_table(const struct cdb_schema *s, const char *schema, const char *name);
struct cdb_column *cdb_table_column(const struct cdb_table *t, const char *name);
struct cdb_view *cdb_schema_view(const struct cdb_schema *s, const char *schema, const char *name);
struct cdb_index *cdb_schema_index(const struct cdb_schema *s, const char *schema, const char *name);

/*
 * The owner of sequence `q` (its `owned_by`, "table.column", or
 * "schema.table.column" for a table in another schema) split into its parts,
 * each malloc'ed for the caller to free; the schema defaults to the
 * sequence's own (or "public"). False, and nothing allocated, when the
 * sequence has no owner.
 */
bool cdb_sequence_owner(const struct cdb_sequence *q, char **schema, char **table, char **column);

/*
 * True when `name` matches one of the comma-separated fnmatch() globs in
 * `patterns` (NULL or empty: nothing matches). Used for `exclude`.
 */
bool cdb_name_excluded(const char *patterns, const char *name);

#endif
