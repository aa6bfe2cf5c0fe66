/*
 * pg_db_priv.h - what the files of the PostgreSQL connection share
 *
 * Private to the PostgreSQL dialect in src/dialect/: pg_conn.c, pg_exec.c,
 * pg_lock.c, pg_shadow.c, pg_models.c and the operations table in pg_db.c.
 * The introspection and the renderer need only pg_priv.h.
 */
#ifndef CDB_PG_DB_PRIV_H
#define CDB_PG_DB_PRIV_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "cdb/config.h"
#include "pg_priv.h"

/* pg_conn.c: connection keywords, connecting and closing */
void pg_params_add(struct pg_params *p, const char *key, const char *value);
void pg_params_release(struct pg_params *p);
void pg_params_from_url(struct pg_params *p, const struct cdb_url *url);
/* A copy of `src` connecting to database `dbname` instead. */
void pg_params_with_db(struct pg_params *out, const struct pg_params *src, const char *dbname);
/* libpq messages end in a newline; ours are one line. A malloc'ed copy without it. */
char *pg_strip_nl(const char *msg);
/* Record the error of a failed result: message, detail and hint lines. */
int pg_set_result_error(const PGresult *res, PGconn *conn);
/* Takes ownership of `params`. */
int pg_connect_params(struct pg_db **out, struct pg_params *params, const struct cdb_url *url,
                      const struct cdb_config *cfg);
int pg_open(struct cdb_db **out, const struct cdb_url *url, const struct cdb_config *cfg);
/* Also drops the temporary database of the connection, if any. */
void pg_close(struct cdb_db *base);

/* pg_exec.c: statements of a script, running SQL */
bool pg_is_ident_char(char c);
bool pg_word_is(const char *w, size_t n, const char *kw);
/* End of the (possibly nested) block comment that starts at `p`. */
const char *pg_skip_block_comment(const char *p);
/* Length of the statement starting at `s`, up to and including its `;` (or the end). */
size_t pg_statement_length(const char *s);
/* True when the text holds only whitespace and comments. */
bool pg_blank_sql(const char *s, size_t n);
/* Run one statement; a failed result is left in *failed for the caller to PQclear. */
int pg_run_one(struct pg_db *db, const char *stmt, PGresult **failed);
/* Run `sql` statement by statement; `err` gets the failing line and statement. */
int pg_exec_script(struct pg_db *db, const char *sql, struct cdb_exec_error *err);
/* Send the statements held back by pg_exec(), before anything else. */
int pg_flush_pending(struct pg_db *db);
int pg_exec(struct cdb_db *base, const char *sql, struct cdb_exec_error *err);
/* Hand the rows of `res` to `cb`. */
int pg_pass_rows(const PGresult *res, cdb_row_cb cb, void *ctx);
int pg_query_vt(struct cdb_db *base, const char *sql, const char *const *params, int nparams,
                cdb_row_cb cb, void *ctx);
/* A statement cdb itself builds; errors carry the server's message. */
int pg_run_sql(struct pg_db *db, const char *sql);

/* pg_lock.c: transactions and the migration lock */
int pg_begin_query(struct cdb_db *base, const char *then, cdb_row_cb cb, void *ctx);
int pg_begin(struct cdb_db *base);
int pg_commit(struct cdb_db *base);
int pg_rollback(struct cdb_db *base);
int pg_lock_session(struct cdb_db *base);
int pg_unlock_session(struct cdb_db *base);

/* pg_shadow.c: the signal guard */
/* The signal that arrived while the guard was on, 0 when none. */
extern volatile sig_atomic_t pg_signalled;
void pg_guard_enter(void);
/* Cancel the running query of `conn` on a signal (NULL: of none). */
void pg_guard_watch(PGconn *conn);
/* Restores the old handlers; re-raises a signal that arrived meanwhile. */
void pg_guard_leave(void);
/* CDB_ERROR "interrupted" once a signal arrived, else 0. */
int pg_check_signalled(void);

/* pg_shadow.c: temporary and shadow databases */
/* A row callback for a single boolean column. */
struct pg_flag_row {
	bool yes;
};
int pg_flag_row(void *ctx, int n, const char *const *v);
int pg_drop_database(struct pg_db *via, const char *name);
/* An empty temporary database on db's server, dropped when its connection closes. */
int pg_create_temp_db(struct pg_db **out, struct pg_db *db);
/* The emptied database of shadow_url, refused when it is `target` or not cdb's. */
int pg_open_shadow_url(struct pg_db **out, const struct cdb_config *cfg, bool echo, struct pg_db *target);
int pg_open_scratch(struct cdb_db **out, struct cdb_db *base, const struct cdb_config *cfg);

/* pg_models.c: loading the model files */
int pg_load_models(struct cdb_schema *out, struct cdb_db *base, const struct cdb_config *cfg,
                   const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o);

/*
 * The part of "does this database hold anything of anybody's" that does
 * not depend on who asks (pg_models.c: the empty target; pg_shadow.c: a
 * shadow database cdb may empty): objects a database fresh from template0
 * lacks, each OR'ed on. Every object made later has an OID of 16384
 * (FirstNormalObjectId) or more.
 */
#define PG_USER_OBJECTS_SQL \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.oid >= 16384 AND t.typrelid = 0" \
	"  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0))" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE oid >= 16384)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE oid >= 16384)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_collation WHERE oid >= 16384)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_operator WHERE oid >= 16384)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config WHERE oid >= 16384)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_server)" \
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication)"

#endif
