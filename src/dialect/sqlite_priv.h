/*
 * sqlite_priv.h - what sqlite_db.c, sqlite_introspect.c and sqlite_render.c share
 *
 * Private to src/dialect/: with sqlite_*.c the only code that includes sqlite3.h.
 */
#ifndef CDB_SQLITE_PRIV_H
#define CDB_SQLITE_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "cdb/buf.h"
#include "cdb/dialect.h"
#include "cdb/diff.h"
#include "cdb/schema.h"

struct sqlite_db {
	struct cdb_db base;  /* first member: cdb code sees a struct cdb_db */
	sqlite3 *handle;     /* the connection */
	char *path;          /* database file (malloc'ed), NULL: in memory */
	int saved_fk;        /* PRAGMA foreign_keys before before_step(): 0/1, -1: not saved */
	int lock_timeout_ms; /* busy timeout used by begin() */
};

/* The sqlite_db behind a cdb_db of the SQLite dialect. */
static inline struct sqlite_db *sqlite_of(struct cdb_db *db) { return (struct sqlite_db *)db; }

/*
 * Open `path` (NULL: a new in-memory database) as a cdb_db of the SQLite
 * dialect with the settings of `cfg` (may be NULL: defaults). A file that
 * cannot be opened or is not a SQLite database is CDB_EDB naming it.
 */
int sqlite_open_path(struct cdb_db **out, const char *path, const struct cdb_config *cfg);

/*
 * Run every statement of `sql` on `handle` (echoed when `echo`); on failure
 * the message is set and `err` (may be NULL) gets the 1-based line and text
 * of the failing statement. Also used on scratch connections.
 */
int sqlite_exec_script(sqlite3 *handle, bool echo, const char *sql, struct cdb_exec_error *err);

/* Quoting, also used by the renderer which has no connection. */
void sqlite_quote_ident(struct cdb_buf *b, const char *ident);
void sqlite_quote_literal(struct cdb_buf *b, const char *lit);

/* Written in sqlite_introspect.c and sqlite_render.c (see struct cdb_dialect). */
int cdb_sqlite_introspect(struct cdb_schema *out, struct cdb_db *db, const struct cdb_introspect_opts *o);
int cdb_sqlite_load_models(struct cdb_schema *out, struct cdb_db *db, const struct cdb_config *cfg,
                           const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o);
int cdb_sqlite_render(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff);

#endif
