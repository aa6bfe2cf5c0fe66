/*
 * pg_conn.c - PostgreSQL connections: parameters, connecting and closing,
 * and the server's errors and notices
 *
 * A connection keeps the keywords it was opened with, so the lock's second
 * connection and the temporary databases reach the same server again.
 * Closing a connection to a temporary database drops that database through
 * the database it was created from.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "pg_db_priv.h"

/* --------------------------------------------------------- connection params */

void pg_params_add(struct pg_params *p, const char *key, const char *value)
{
	if (!value)
		return;
	p->keys = xrealloc(p->keys, (size_t)(p->n + 2) * sizeof *p->keys);
	p->values = xrealloc(p->values, (size_t)(p->n + 2) * sizeof *p->values);
	p->keys[p->n] = xstrdup(key);
	p->values[p->n] = xstrdup(value);
	p->n++;
	p->keys[p->n] = NULL;
	p->values[p->n] = NULL;
}

void pg_params_release(struct pg_params *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->keys[i]);
		free(p->values[i]);
	}
	free(p->keys);
	free(p->values);
	memset(p, 0, sizeof *p);
}

/*
 * Unset fields are left out so libpq falls back to PGHOST, PGUSER, ... and
 * its defaults. Later keywords win in PQconnectdbParams, so a URL's own
 * application_name or client_encoding overrides ours.
 */
void pg_params_from_url(struct pg_params *p, const struct cdb_url *url)
{
	pg_params_add(p, "application_name", "cdb");
	pg_params_add(p, "client_encoding", "UTF8");
	pg_params_add(p, "host", url->host);
	pg_params_add(p, "port", url->port);
	pg_params_add(p, "user", url->user);
	pg_params_add(p, "password", url->password);
	pg_params_add(p, "dbname", url->dbname);
	for (int i = 0; i < url->nparams; i++)
		pg_params_add(p, url->param_keys[i], url->param_values[i]);
}

/* A copy of `src` connecting to database `dbname` instead. */
void pg_params_with_db(struct pg_params *out, const struct pg_params *src, const char *dbname)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < src->n; i++)
		if (strcmp(src->keys[i], "dbname") != 0)
			pg_params_add(out, src->keys[i], src->values[i]);
	pg_params_add(out, "dbname", dbname);
}

/* ------------------------------------------------------------ server errors */

/* libpq messages end in a newline; our messages are one line. */
char *pg_strip_nl(const char *msg)
{
	char *s = xstrdup(msg ? msg : "");
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

/* Record the error of a failed result: message, detail and hint lines. */
int pg_set_result_error(const PGresult *res, PGconn *conn)
{
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char *m = pg_strip_nl(msg ? msg : PQerrorMessage(conn));
	int code = CDB_EDB;

	if (state && strcmp(state, "55P03") == 0)
		code = CDB_ELOCKED;
	cdb_error_set(code, "%s", *m ? m : "the server reported an unknown error");
	if (detail)
		cdb_error_detail("%s", detail);
	if (hint)
		cdb_error_hint("%s", hint);
	free(m);
	return code;
}

static void notice_receiver(void *arg, const PGresult *res)
{
	struct pg_db *db = arg;
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	char *m = pg_strip_nl(PQresultErrorMessage(res));

	if (sev && strcmp(sev, "WARNING") == 0)
		cdb_log(CDB_LOG_WARNING, "%s", m);
	else if (db->base.echo)
		cdb_log(CDB_LOG_INFO, "%s", m);
	free(m);
}

/* ------------------------------------------------------------- connecting */

static char *describe_where(PGconn *conn, const struct cdb_url *url)
{
	const char *host = conn ? PQhost(conn) : NULL;
	const char *port = conn ? PQport(conn) : NULL;
	const char *user = conn ? PQuser(conn) : NULL;

	if (!host || !*host)
		host = url && url->host ? url->host : "localhost";
	if (!port || !*port)
		port = url && url->port ? url->port : "5432";
	if (!user || !*user)
		user = url && url->user ? url->user : "(default user)";
	return xasprintf("%s:%s as %s", host, port, user);
}

/*
 * The first line of libpq's reason, without the "connection to server at
 * ... failed:" preamble that repeats what our message already says; later
 * lines ("Is the server running ...?") become hints.
 */
static void set_connect_error(PGconn *conn, const char *where)
{
	char *m = pg_strip_nl(conn ? PQerrorMessage(conn) : "out of memory");
	char *reason = m, *nl, *p;

	if (strncmp(reason, "connection to server ", 21) == 0 && (p = strstr(reason, " failed: ")) &&
	    (!(nl = strchr(reason, '\n')) || p < nl))
		reason = p + 9;
	/* the server's severity adds nothing to "cannot connect" */
	if (strncmp(reason, "FATAL:  ", 8) == 0)
		reason += 8;
	nl = strchr(reason, '\n');
	if (nl)
		*nl++ = '\0';
	cdb_error_set(CDB_EDB, "cannot connect to PostgreSQL at %s: %s", where, reason);
	while (nl && *nl) {
		char *line = nl + strspn(nl, " \t");

		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		if (*line)
			cdb_error_hint("%s", line);
	}
	free(m);
}

static long long lock_key_for(const char *table)
{
	/* FNV-1a: stable across runs and machines, so every cdb agrees on it. */
	uint64_t h = 1469598103934665603ULL;
	const char *prefix = "cdb migration lock:";

	for (const char *s = prefix; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	for (const char *s = table ? table : "cdb_version"; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (long long)(h & 0x7fffffffffffffffULL);
}

/* Takes ownership of `params`. */
int pg_connect_params(struct pg_db **out, struct pg_params *params, const struct cdb_url *url,
                          const struct cdb_config *cfg)
{
	struct pg_db *db = xcalloc(1, sizeof *db);
	PGresult *res;

	db->base.vt = &cdb_postgres_dialect;
	db->base.cfg = cfg;
	cdb_buf_init(&db->pending);
	db->params = *params;
	memset(params, 0, sizeof *params);
	db->lock_key = lock_key_for(cfg && cfg->version_table ? cfg->version_table : "cdb_version");
	db->lock_timeout = cfg && cfg->lock_timeout > 0 ? cfg->lock_timeout : 60;
	db->conn = PQconnectdbParams((const char *const *)db->params.keys,
	                             (const char *const *)db->params.values, 0);
	db->where = describe_where(db->conn, url);
	if (!db->conn || PQstatus(db->conn) != CONNECTION_OK) {
		set_connect_error(db->conn, db->where);
		goto fail;
	}
	PQsetNoticeReceiver(db->conn, notice_receiver, db);
	/* NOTICEs ("drop cascades to ...", "... does not exist, skipping") are noise here. */
	res = PQexec(db->conn, "SET client_min_messages = warning");
	PQclear(res);
	*out = db;
	return 0;
fail:
	if (db->conn)
		PQfinish(db->conn);
	pg_params_release(&db->params);
	free(db->where);
	free(db);
	return CDB_EDB;
}

int pg_open(struct cdb_db **out, const struct cdb_url *url, const struct cdb_config *cfg)
{
	struct pg_params params = {0};
	struct pg_db *db;
	int rc;

	pg_params_from_url(&params, url);
	rc = pg_connect_params(&db, &params, url, cfg);
	if (rc)
		return rc;
	*out = &db->base;
	return 0;
}

void pg_close(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);
	struct pg_db *admin = NULL;

	if (!db)
		return;
	if (db->lock_holder)
		pg_close(&db->lock_holder->base);
	if (db->conn)
		PQfinish(db->conn);
	if (db->drop_on_close) {
		struct pg_params origin = {0};
		struct cdb_error_saved saved;
		int rc;

		/*
		 * Reach the server again through the database we were created
		 * from. Closing often follows a failure: its message must
		 * survive, and a database that cannot be dropped is a warning.
		 */
		cdb_error_save(&saved);
		origin = db->origin;
		memset(&db->origin, 0, sizeof db->origin);
		rc = pg_connect_params(&admin, &origin, NULL, db->base.cfg);
		if (rc == 0) {
			rc = pg_drop_database(admin, db->drop_on_close);
			PQfinish(admin->conn);
			admin->conn = NULL;
			pg_params_release(&admin->params);
			free(admin->where);
			free(admin);
		}
		if (rc)
			cdb_log(CDB_LOG_WARNING, "cannot drop the temporary database '%s': %s", db->drop_on_close,
			        cdb_error_message());
		cdb_error_restore(&saved, NULL);
		pg_params_release(&origin);
		free(db->drop_on_close);
	}
	if (db->scratch_signals)
		pg_guard_leave();
	pg_params_release(&db->params);
	pg_params_release(&db->origin);
	cdb_buf_release(&db->pending);
	free(db->where);
	free(db);
}
