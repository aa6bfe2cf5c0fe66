/*
 * pg_priv.h - what every PostgreSQL file shares (pg_*.c, pg_render/): the connection, queries, quoting
 *
 * Private to src/dialect/: this is the only header that includes libpq.
 */
#ifndef CDB_PG_PRIV_H
#define CDB_PG_PRIV_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "cdb/buf.h"
#include "cdb/dialect.h"

/* Connection keywords for PQconnectdbParams, NULL-terminated, all malloc'ed. */
struct pg_params {
	char **keys;
	char **values;
	int n;
};

struct pg_db {
	struct cdb_db base;       /* first member: cdb code sees a struct cdb_db */
	PGconn *conn;
	struct pg_params params;  /* how this connection was opened, to reach its server again */
	char *where;              /* "host:port as user", for messages (never a password) */
	long long lock_key;       /* advisory lock key, derived from the version table name */
	int lock_timeout;         /* seconds */
	char *drop_on_close;      /* temporary database to drop when closing, NULL: none */
	struct pg_params origin;  /* with drop_on_close: how to reach the database it was created from */
	bool scratch_signals;     /* this connection registered a database with the signal guard */
	struct pg_db *lock_holder; /* second connection holding the lock of a `transaction: none` step */
	struct cdb_buf pending;   /* cdb's own statements of the open transaction, not sent yet */
};

/* The pg_db behind a cdb_db of the PostgreSQL dialect. */
static inline struct pg_db *pg_of(struct cdb_db *db) { return (struct pg_db *)db; }

/*
 * Run one query with text parameters and hand each row to `cb`
 * (pg_exec.c; also echoed with -v). Returns 0 or CDB_EDB with the server's
 * message set.
 */
int pg_query(struct pg_db *db, const char *sql, const char *const *params, int nparams,
             cdb_row_cb cb, void *ctx);

/* Quoting (pg_db.c), also used by the renderer which has no connection. */
void pg_quote_ident(struct cdb_buf *b, const char *ident);
void pg_quote_literal(struct cdb_buf *b, const char *lit);
/* "schema"."name", or just "name" when schema is NULL or "public". */
void pg_quote_qualified(struct cdb_buf *b, const char *schema, const char *name);

/* pg_introspect.c: read the whole schema of db's database. */
int pg_introspect(struct cdb_schema *out, struct cdb_db *db, const struct cdb_introspect_opts *o);

/* pg_render/render.c: upgrade and downgrade SQL for a diff. */
int pg_render(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff);

#endif
