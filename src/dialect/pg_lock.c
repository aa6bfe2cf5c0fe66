/*
 * pg_lock.c - PostgreSQL transactions and the migration lock
 *
 * The lock is a transaction-scoped advisory lock, only ever tried, taken
 * in the same round trip as BEGIN when it is free; a `transaction: none`
 * step holds it in an idle transaction on a second connection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "pg_db_priv.h"

/* ------------------------------------------------------------ transactions */

static int locked_error(struct pg_db *db)
{
	cdb_error_set(CDB_ELOCKED,
	              "cannot take the migration lock on PostgreSQL at %s: another cdb held it for more than %d s",
	              db->where, db->lock_timeout);
	cdb_error_hint("wait for the other migration to finish, or raise lock_timeout in cdb.ini");
	return CDB_ELOCKED;
}

/* Milliseconds since `t0`, on the monotonic clock. */
static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Send `sql`, statements of which the first SELECT is the lock's (when
 * `got` is not NULL), as one message. *got says whether the lock was taken;
 * the rows of the SELECT after it (with the lock taken) go to `cb`.
 */
static int send_locked(struct pg_db *db, const char *sql, bool *got, cdb_row_cb cb, void *ctx)
{
	PGresult *res;
	int rc = 0, selects = got ? 0 : 1;

	if (db->base.echo)
		cdb_log(CDB_LOG_SQL, "%s", sql);
	if (!PQsendQuery(db->conn, sql))
		return pg_set_result_error(NULL, db->conn);
	while ((res = PQgetResult(db->conn))) {
		ExecStatusType st = PQresultStatus(res);

		if (rc == 0 && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
			rc = pg_set_result_error(res, db->conn);
		else if (rc == 0 && st == PGRES_TUPLES_OK && selects++ == 0) {
			if (PQntuples(res) == 1)
				*got = PQgetvalue(res, 0, 0)[0] == 't';
			else
				rc = pg_set_result_error(res, db->conn);
		} else if (rc == 0 && st == PGRES_TUPLES_OK && cb && (!got || *got)) {
			rc = pg_pass_rows(res, cb, ctx);
		}
		PQclear(res);
	}
	if (rc == 0)
		rc = pg_check_signalled();
	return rc;
}

/*
 * BEGIN, SET LOCAL lock_timeout and the migration lock, in one round trip
 * when the lock is free. The lock is only ever tried: a cdb that waited in
 * pg_advisory_xact_lock() would hold a snapshot while it waits, and CREATE
 * INDEX CONCURRENTLY in the holder's `transaction: none` step waits for
 * every older snapshot, a deadlock the server ends by killing one of the
 * two. A busy lock is a ROLLBACK, a pause (10 ms doubling to 200 ms) and
 * another try, until lock_timeout has passed.
 */
static int begin_locked(struct pg_db *db, const char *then, cdb_row_cb cb, void *ctx)
{
	struct cdb_buf sql = CDB_BUF_INIT;
	struct timespec t0;
	long pause_ms = 10;
	bool got = false;
	int rc;

	cdb_buf_printf(&sql, "BEGIN; SET LOCAL lock_timeout = '%ds'; SELECT pg_try_advisory_xact_lock(%lld)",
	               db->lock_timeout, db->lock_key);
	if (then)
		cdb_buf_printf(&sql, "; %s", then);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		rc = send_locked(db, sql.ptr, &got, cb, ctx);
		if (rc || got)
			break;
		rc = pg_run_sql(db, "ROLLBACK");
		if (rc)
			goto done;
		if (elapsed_ms(&t0) >= db->lock_timeout * 1000L) {
			rc = locked_error(db);
			goto done;
		}
		{
			struct timespec ts = { pause_ms / 1000, (pause_ms % 1000) * 1000000L };

			nanosleep(&ts, NULL);
		}
		if (pause_ms < 200)
			pause_ms *= 2;
	}
	if (rc) {
		PGresult *r = PQexec(db->conn, "ROLLBACK");

		PQclear(r);
	}
done:
	cdb_buf_release(&sql);
	return rc;
}

/*
 * Transaction-scoped: released by COMMIT/ROLLBACK, so it works behind
 * transaction-pooling proxies; lock_timeout also bounds the DDL's own lock
 * waits for the rest of the step. While a `transaction: none` step holds
 * the lock on its second connection, the short transaction that records
 * the step must not try to take it again.
 */
int pg_begin_query(struct cdb_db *base, const char *then, cdb_row_cb cb, void *ctx)
{
	struct pg_db *db = pg_of(base);
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc = pg_flush_pending(db);

	if (rc)
		return rc;
	if (!db->lock_holder)
		return begin_locked(db, then, cb, ctx);
	cdb_buf_printf(&sql, "BEGIN; SET LOCAL lock_timeout = '%ds'", db->lock_timeout);
	if (then)
		cdb_buf_printf(&sql, "; %s", then);
	rc = send_locked(db, sql.ptr, NULL, cb, ctx);
	if (rc && PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
		PGresult *r = PQexec(db->conn, "ROLLBACK");

		PQclear(r);
	}
	cdb_buf_release(&sql);
	return rc;
}

int pg_begin(struct cdb_db *base)
{
	return pg_begin_query(base, NULL, NULL, NULL);
}

int pg_commit(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);

	if (db->pending.len) {
		int rc;

		cdb_buf_puts(&db->pending, "COMMIT");
		rc = pg_flush_pending(db);
		/* A held-back statement failed and the COMMIT never ran: end it here. */
		if (rc && PQtransactionStatus(db->conn) == PQTRANS_INERROR) {
			PGresult *r = PQexec(db->conn, "ROLLBACK");

			PQclear(r);
		}
		return rc;
	}
	return pg_run_sql(db, "COMMIT");
}

int pg_rollback(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);

	cdb_buf_reset(&db->pending);
	return pg_run_sql(db, "ROLLBACK");
}

/*
 * The lock of a `transaction: none` step is held by a transaction on a
 * second connection, idle while the step's statements run on the first. A
 * session-level advisory lock would do on a direct connection, but behind
 * a transaction-pooling proxy its release could reach another server
 * session and the lock would stay behind, blocking every later cdb. An idle
 * transaction pins one server session and holds no snapshot, so CREATE
 * INDEX CONCURRENTLY does not wait for it, and a cdb that dies loses its
 * connection and with it the lock.
 */
int pg_lock_session(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);
	struct pg_params params = {0};
	struct pg_db *holder;
	int rc;

	if (db->lock_holder)
		return 0;
	for (int i = 0; i < db->params.n; i++)
		pg_params_add(&params, db->params.keys[i], db->params.values[i]);
	rc = pg_connect_params(&holder, &params, NULL, base->cfg);
	if (rc)
		return rc;
	holder->base.echo = base->echo;
	free(holder->where);
	holder->where = xstrdup(db->where);
	holder->lock_key = db->lock_key;
	holder->lock_timeout = db->lock_timeout;
	rc = begin_locked(holder, NULL, NULL, NULL);
	if (rc) {
		pg_close(&holder->base);
		return rc;
	}
	db->lock_holder = holder;
	return 0;
}

int pg_unlock_session(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);
	int rc;

	if (!db->lock_holder)
		return 0;
	rc = pg_run_sql(db->lock_holder, "COMMIT");
	pg_close(&db->lock_holder->base);
	db->lock_holder = NULL;
	return rc;
}
