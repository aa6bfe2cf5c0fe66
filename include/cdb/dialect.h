/*
 * dialect.h - one database connection behind a vtable (after sqlite3_vfs)
 *
 * Everything that knows sqlite3 or libpq lives in src/dialect/ and is
 * reached through `struct cdb_dialect`. The rest of cdb holds a
 * `struct cdb_db *` and calls the cdb_db_* wrappers below.
 */
#ifndef CDB_DIALECT_H
#define CDB_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/buf.h"
#include "cdb/config.h"
#include "cdb/schema.h"

struct cdb_db;
struct cdb_diff;

/*
 * Where a failed statement was: filled by exec() when a script fails. The
 * line is 1-based within the script passed to exec() (0: unknown), so the
 * caller adds the script's first line in the revision file.
 */
struct cdb_exec_error {
	int line;          /* line of the failing statement (or error position) */
	char *statement;   /* the failing statement text (malloc'ed), NULL: unknown */
};
void cdb_exec_error_release(struct cdb_exec_error *e);

/* One result row: `n` columns of text (NULL for SQL NULL). */
typedef int (*cdb_row_cb)(void *ctx, int n, const char *const *values);

/* Options for reading a schema. */
struct cdb_introspect_opts {
	const char *exclude;       /* comma-separated table globs to skip */
	const char *schemas;       /* PostgreSQL: schema list, NULL: all non-system */
	const char *version_table; /* cdb's own tables, always skipped */
	const char *history_table;
};

struct cdb_dialect {
	const char *name; /* "sqlite" or "postgresql" */

	int (*open)(struct cdb_db **out, const struct cdb_url *url, const struct cdb_config *cfg);
	void (*close)(struct cdb_db *db);

	/*
	 * Run a script of one or more statements. On failure fills `err`. With
	 * `err` NULL the caller does not need to know which statement failed,
	 * and inside a transaction the dialect may send the whole script in one
	 * message.
	 */
	int (*exec)(struct cdb_db *db, const char *sql, struct cdb_exec_error *err);
	/* Run one query with text parameters ($1, $2, ...); `cb` gets each row. */
	int (*query)(struct cdb_db *db, const char *sql, const char *const *params, int nparams,
	             cdb_row_cb cb, void *ctx);

	/*
	 * Start the transaction of a migration step and take the migration lock
	 * (SQLite: BEGIN IMMEDIATE with the busy timeout; PostgreSQL: BEGIN plus
	 * a transaction-scoped advisory lock, honouring lock_timeout).
	 * Lock timeouts are CDB_ELOCKED.
	 */
	int (*begin)(struct cdb_db *db);
	/*
	 * begin(), then the query `sql` (no parameters) with its rows to `cb`,
	 * in as few round trips as the dialect can (PostgreSQL: in the message
	 * that takes the lock). NULL: the caller runs begin() and query().
	 */
	int (*begin_query)(struct cdb_db *db, const char *sql, cdb_row_cb cb, void *ctx);
	int (*commit)(struct cdb_db *db);
	int (*rollback)(struct cdb_db *db);
	/*
	 * The migration lock held across a `transaction: none` step, whose
	 * statements run outside a transaction (PostgreSQL: a transaction of a
	 * second connection holds it; begin() then does not take it again).
	 */
	int (*lock_session)(struct cdb_db *db);
	int (*unlock_session)(struct cdb_db *db);

	/*
	 * Around each revision: SQLite turns foreign keys off before begin() and
	 * restores them after commit/rollback; check_constraints() runs before
	 * commit (PRAGMA foreign_key_check) and fails naming the rows.
	 * PostgreSQL: no-ops.
	 */
	int (*before_step)(struct cdb_db *db);
	int (*after_step)(struct cdb_db *db);
	int (*check_constraints)(struct cdb_db *db);
	/*
	 * The same for a --sql script, which a shell runs as written: SQL put
	 * before its first transaction, before each COMMIT (failing, and
	 * rolling the transaction back, when a constraint does not hold) and
	 * after its last transaction. NULL: nothing.
	 */
	const char *script_prologue;
	const char *script_check;
	const char *script_epilogue;

	/* Quote an identifier / a string literal for this dialect, appending to `b`. */
	void (*quote_ident)(struct cdb_buf *b, const char *ident);
	void (*quote_literal)(struct cdb_buf *b, const char *lit);

	/* A query returning a row when table $1 (a plain, unquoted name) exists. */
	const char *table_exists_sql;
	/* The CREATE TABLE IF NOT EXISTS statements for the version and history tables. */
	void (*version_tables_sql)(struct cdb_buf *b, const struct cdb_config *cfg);
	/* SQL expression for "now" in the history table, e.g. CURRENT_TIMESTAMP */
	const char *now_expr;

	/* Read the schema of this database into `out` (initialised by the caller). */
	int (*introspect)(struct cdb_schema *out, struct cdb_db *db, const struct cdb_introspect_opts *o);

	/*
	 * Execute the model files (sorted paths) into a scratch database of this
	 * dialect (SQLite: in memory; PostgreSQL: shadow_url or a temporary
	 * database on db's server, always dropped) and introspect it into `out`.
	 * A failing file is CDB_EINVALID naming file:line and the server message.
	 */
	int (*load_models)(struct cdb_schema *out, struct cdb_db *db, const struct cdb_config *cfg,
	                   const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o);

	/*
	 * Open an empty scratch database of this dialect (for check --scratch);
	 * closing it drops it. `db` is a connection to the configured server
	 * when scratch_needs_server is set, else NULL.
	 */
	int (*open_scratch)(struct cdb_db **out, struct cdb_db *db, const struct cdb_config *cfg);
	bool scratch_needs_server; /* the scratch database is made on the configured server */

	/* Render the diff's operations as upgrade and downgrade SQL. */
	int (*render)(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff);
};

struct cdb_db {
	const struct cdb_dialect *vt; /* first member: the dialect */
	const struct cdb_config *cfg; /* configuration it was opened with (borrowed) */
	bool echo;                    /* -v: echo each statement through cdb_log_sql() */
};

extern const struct cdb_dialect cdb_sqlite_dialect;
extern const struct cdb_dialect cdb_postgres_dialect;

/* Open the database named by `url`, picking the dialect from its scheme. */
int cdb_db_open(struct cdb_db **out, const char *url, const struct cdb_config *cfg);
void cdb_db_close(struct cdb_db *db);

/* Convenience wrappers around the vtable. */
void cdb_quote_ident(const struct cdb_db *db, struct cdb_buf *b, const char *ident);
void cdb_quote_literal(const struct cdb_db *db, struct cdb_buf *b, const char *lit);

#endif
