/*
 * pg_shadow.c - PostgreSQL temporary and shadow databases, and the signal
 * guard that drops them
 *
 * Temporary databases (the shadow for the models when no shadow_url is
 * configured, and scratch databases) are dropped on every path out: normal
 * return, error, and SIGINT/SIGTERM. The signal guard cancels the running
 * query (PQcancel is async-signal-safe) and records the signal; the code
 * that owns the database sees the cancellation, drops the database through
 * its usual cleanup, then restores the previous disposition and re-raises
 * the signal so the process still dies of it (exit status 130/143 in a
 * shell). A SIGKILL can leave a `cdb_shadow_<pid>_<hex>` database behind.
 * A configured shadow_url is refused when it is the database being migrated
 * or holds anything that is not cdb's own.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "cdb/path.h"
#include "pg_db_priv.h"

/* ---------------------------------------------------------------- signals */

/*
 * One process loads models into at most a few temporary databases at once;
 * the guard covers the connection currently working in one of them.
 */
volatile sig_atomic_t pg_signalled;
static PGcancel *volatile pg_cancel;
static int guard_depth;
static struct sigaction old_int, old_term;

static void guard_handler(int sig)
{
	PGcancel *c = pg_cancel;
	char errbuf[256];

	pg_signalled = sig;
	if (c)
		PQcancel(c, errbuf, sizeof errbuf);
}

void pg_guard_enter(void)
{
	struct sigaction sa;

	if (guard_depth++)
		return;
	pg_signalled = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = guard_handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
}

void pg_guard_watch(PGconn *conn)
{
	PGcancel *old = pg_cancel;

	pg_cancel = conn ? PQgetCancel(conn) : NULL;
	if (old)
		PQfreeCancel(old);
}

/* Restores the old handlers; re-raises a signal that arrived meanwhile. */
void pg_guard_leave(void)
{
	int sig;

	if (--guard_depth)
		return;
	pg_guard_watch(NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sig = pg_signalled;
	pg_signalled = 0;
	if (sig)
		raise(sig);
}

int pg_check_signalled(void)
{
	if (pg_signalled)
		return cdb_error_set(CDB_ERROR, "interrupted");
	return 0;
}

/* ------------------------------------------------------- temporary databases */

int pg_drop_database(struct pg_db *via, const char *name)
{
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc;

	/* FORCE (13+) ends a connection a cancelled load may have left behind. */
	cdb_buf_puts(&sql, "DROP DATABASE IF EXISTS ");
	pg_quote_ident(&sql, name);
	if (PQserverVersion(via->conn) >= 130000)
		cdb_buf_puts(&sql, " WITH (FORCE)");
	rc = pg_run_sql(via, sql.ptr);
	cdb_buf_release(&sql);
	return rc;
}

struct dbinfo {
	char *encoding, *collate, *ctype;
};

static int dbinfo_row(void *ctx, int n, const char *const *v)
{
	struct dbinfo *i = ctx;

	if (n == 3) {
		i->encoding = xstrdup(v[0] ? v[0] : "UTF8");
		i->collate = xstrdup(v[1] ? v[1] : "C");
		i->ctype = xstrdup(v[2] ? v[2] : "C");
	}
	return 0;
}

/*
 * Create an empty temporary database on db's server, copying the target's
 * encoding and locale (from template0, so nothing an administrator added to
 * template1 shows up as part of the models), and connect to it. The new
 * connection drops the database when closed.
 */
int pg_create_temp_db(struct pg_db **out, struct pg_db *db)
{
	struct dbinfo info = {0};
	struct cdb_buf sql = CDB_BUF_INIT;
	struct pg_params params = {0};
	struct pg_db *tmp = NULL;
	char *name = NULL;
	const char *state;
	PGresult *res = NULL;
	int rc;

	rc = pg_query(db,
	              "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
	              " WHERE datname = current_database()",
	              NULL, 0, dbinfo_row, &info);
	if (rc)
		goto done;
	{
		unsigned r;
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		r = (unsigned)ts.tv_nsec ^ (unsigned)ts.tv_sec ^ ((unsigned)getpid() << 16);
		r = r * 2654435761u;
		name = xasprintf("cdb_shadow_%ld_%08x", (long)getpid(), r);
	}
	cdb_buf_puts(&sql, "CREATE DATABASE ");
	pg_quote_ident(&sql, name);
	cdb_buf_puts(&sql, " TEMPLATE template0 ENCODING ");
	pg_quote_literal(&sql, info.encoding ? info.encoding : "UTF8");
	cdb_buf_puts(&sql, " LC_COLLATE ");
	pg_quote_literal(&sql, info.collate ? info.collate : "C");
	cdb_buf_puts(&sql, " LC_CTYPE ");
	pg_quote_literal(&sql, info.ctype ? info.ctype : "C");
	if (db->base.echo)
		cdb_log(CDB_LOG_SQL, "%s", sql.ptr);
	pg_guard_enter();
	res = PQexec(db->conn, sql.ptr);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		char *m = pg_strip_nl(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));

		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		rc = cdb_error_set(CDB_EDB, "cannot create a temporary database on PostgreSQL at %s: %s",
		                   db->where, *m ? m : PQerrorMessage(db->conn));
		free(m);
		if (state && strcmp(state, "42501") == 0)
			cdb_error_hint("set shadow_url in cdb.ini to a database cdb may wipe, or grant CREATEDB");
		else if (state && strcmp(state, "25001") == 0)
			cdb_error_hint("the temporary database cannot be created inside a transaction");
		pg_guard_leave();
		goto done;
	}
	pg_params_with_db(&params, &db->params, name);
	rc = pg_connect_params(&tmp, &params, NULL, db->base.cfg);
	if (rc) {
		pg_drop_database(db, name);
		pg_guard_leave();
		goto done;
	}
	tmp->base.echo = db->base.echo;
	tmp->drop_on_close = name;
	pg_params_with_db(&tmp->origin, &db->params, NULL);
	for (int i = 0; i < db->params.n; i++)
		if (strcmp(db->params.keys[i], "dbname") == 0)
			pg_params_add(&tmp->origin, "dbname", db->params.values[i]);
	tmp->scratch_signals = true;
	pg_guard_watch(tmp->conn);
	name = NULL;
	*out = tmp;
done:
	PQclear(res);
	pg_params_release(&params);
	cdb_buf_release(&sql);
	free(name);
	free(info.encoding);
	free(info.collate);
	free(info.ctype);
	return rc;
}

int pg_flag_row(void *ctx, int n, const char *const *v)
{
	struct pg_flag_row *f = ctx;

	f->yes = n > 0 && v[0] && v[0][0] == 't';
	return 0;
}

struct namelist {
	char **names;
	size_t n;
};

static int name_row(void *ctx, int n, const char *const *v)
{
	struct namelist *l = ctx;

	if (n >= 1 && v[0]) {
		l->names = xrealloc(l->names, (l->n + 1) * sizeof *l->names);
		l->names[l->n++] = xstrdup(v[0]);
	}
	return 0;
}

/*
 * Empty the configured shadow database: every non-system schema goes, then
 * public comes back as a fresh database has it (owner, comment), so the
 * shadow's introspection matches a live database's.
 */
static int wipe_database(struct pg_db *db)
{
	struct namelist l = {0};
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc;

	rc = pg_query(db,
	              "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
	              " AND nspname <> 'information_schema' ORDER BY 1",
	              NULL, 0, name_row, &l);
	if (rc)
		goto done;
	for (size_t i = 0; i < l.n; i++) {
		cdb_buf_puts(&sql, "DROP SCHEMA ");
		pg_quote_ident(&sql, l.names[i]);
		cdb_buf_puts(&sql, " CASCADE;\n");
	}
	cdb_buf_puts(&sql, "CREATE SCHEMA public;\n"
	                   "COMMENT ON SCHEMA public IS 'standard public schema';\n"
	                   "GRANT USAGE ON SCHEMA public TO PUBLIC;\n");
	if (PQserverVersion(db->conn) >= 150000)
		cdb_buf_puts(&sql, "ALTER SCHEMA public OWNER TO pg_database_owner;\n");
	else
		cdb_buf_puts(&sql, "GRANT CREATE ON SCHEMA public TO PUBLIC;\n");
	/* Functions, types, ... in pg_catalog are not ours; extensions in other schemas were dropped above. */
	rc = pg_exec_script(db, sql.ptr, NULL);
	if (rc)
		cdb_error_prefix("cannot wipe the shadow database at %s", db->where);
done:
	for (size_t i = 0; i < l.n; i++)
		free(l.names[i]);
	free(l.names);
	cdb_buf_release(&sql);
	return rc;
}

/*
 * What cdb writes on a database it may wipe (COMMENT ON DATABASE), so that
 * the next run knows the models it left there are its own.
 */
static const char shadow_mark[] = "cdb scratch database: cdb empties it on every run";

/*
 * Whether the database holds anything at all of a user's: the test of
 * pristine_sql, without cdb's tables, and with public counting as empty
 * however it was made (cdb's own wipe makes it anew).
 */
static const char shadow_state_sql[] =
	"SELECT d.datname, pg_catalog.shobj_description(d.oid, 'pg_database') IS NOT DISTINCT FROM $1,"
	" NOT ("
	" EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE oid >= 16384 AND nspname <> 'public'"
	"  AND nspname !~ '^pg_(toast_)?temp_')"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid >= 16384"
	"  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND c.relpersistence <> 't')"
	PG_USER_OBJECTS_SQL ")"
	" FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()";

struct shadow_state {
	char *name;       /* the database's name, for COMMENT ON DATABASE */
	bool ours, empty;
};

static int shadow_state_row(void *ctx, int n, const char *const *v)
{
	struct shadow_state *st = ctx;

	if (n < 3)
		return 0;
	st->name = v[0] ? xstrdup(v[0]) : NULL;
	st->ours = v[1] && v[1][0] == 't';
	st->empty = v[2] && v[2][0] == 't';
	return 0;
}

static int text_row(void *ctx, int n, const char *const *v)
{
	char **out = ctx;

	if (n > 0 && v[0] && !*out)
		*out = xstrdup(v[0]);
	return 0;
}

/*
 * Whether `shadow` is the very database `target` is connected to: the
 * target's backend shows in the shadow's pg_stat_activity, connected to the
 * shadow's database. Aliases (localhost and 127.0.0.1, a socket and a port,
 * a pooler) all end at that one backend.
 */
static int same_database(struct pg_db *shadow, struct pg_db *target, bool *same)
{
	char *pid = NULL;
	const char *params[1];
	struct pg_flag_row found = {0};
	int rc;

	*same = false;
	rc = pg_query(target, "SELECT pg_catalog.pg_backend_pid()", NULL, 0, text_row, &pid);
	if (rc || !pid)
		return rc;
	params[0] = pid;
	rc = pg_query(shadow,
	              "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity"
	              " WHERE pid = $1::integer AND datname = pg_catalog.current_database())",
	              params, 1, pg_flag_row, &found);
	free(pid);
	*same = found.yes;
	return rc;
}

/*
 * Open the database of shadow_url and empty it for the models. Refused,
 * before anything is dropped: the database `target` is connected to (the one
 * being migrated), and a database that holds anything without being cdb's
 * own (marked by shadow_mark when cdb first used it empty).
 */
int pg_open_shadow_url(struct pg_db **out, const struct cdb_config *cfg, bool echo,
                           struct pg_db *target)
{
	struct cdb_url url;
	struct pg_params params = {0};
	struct pg_db *db = NULL;
	struct shadow_state st = {0};
	const char *mark[1] = { shadow_mark };
	char *masked = cdb_url_mask(cfg->shadow_url);
	bool same = false;
	int rc;

	rc = cdb_url_parse(&url, cfg->shadow_url, cfg->dir);
	if (rc)
		goto out;
	if (url.kind != CDB_URL_POSTGRES) {
		rc = cdb_error_set(CDB_EINVALID, "shadow_url '%s' is not a PostgreSQL URL", masked);
		goto done;
	}
	pg_params_from_url(&params, &url);
	rc = pg_connect_params(&db, &params, &url, cfg);
	if (rc) {
		cdb_error_hint("shadow_url in cdb.ini names this server");
		goto done;
	}
	db->base.echo = echo;
	if (target && (rc = same_database(db, target, &same)) == 0 && same) {
		rc = cdb_error_set(CDB_EINVALID,
		                   "shadow_url '%s' is the database being migrated; cdb empties its "
		                   "shadow database and will not empty this one", masked);
		cdb_error_hint("set shadow_url to a database of its own, or remove it to let cdb "
		               "create a temporary one");
	}
	if (rc == 0)
		rc = pg_query(db, shadow_state_sql, mark, 1, shadow_state_row, &st);
	if (rc == 0 && !st.ours && !st.empty) {
		rc = cdb_error_set(CDB_EINVALID,
		                   "shadow_url '%s' names a database that is not empty and not cdb's "
		                   "shadow database; cdb will not empty it", masked);
		cdb_error_hint("set shadow_url to an empty database that only cdb uses");
	}
	if (rc == 0 && !st.ours && st.name) {
		/* The mark needs the database's owner, as the wipe does. */
		struct cdb_buf sql = CDB_BUF_INIT;

		cdb_buf_puts(&sql, "COMMENT ON DATABASE ");
		pg_quote_ident(&sql, st.name);
		cdb_buf_puts(&sql, " IS ");
		pg_quote_literal(&sql, shadow_mark);
		rc = pg_run_sql(db, sql.ptr);
		if (rc) {
			cdb_error_prefix("cannot mark the shadow database at %s as cdb's", db->where);
			cdb_error_hint("shadow_url must name a database its user owns");
		}
		cdb_buf_release(&sql);
	}
	if (rc == 0)
		rc = wipe_database(db);
	if (rc) {
		pg_close(&db->base);
		goto done;
	}
	*out = db;
done:
	pg_params_release(&params);
	cdb_url_release(&url);
out:
	free(st.name);
	free(masked);
	return rc;
}

/*
 * A scratch database for `check --scratch`: the shadow database when
 * shadow_url is set (with the same refusals as for the models), otherwise a
 * temporary one on the server of `base`.
 */
int pg_open_scratch(struct cdb_db **out, struct cdb_db *base, const struct cdb_config *cfg)
{
	struct pg_db *tmp = NULL;
	int rc;

	if (cfg && cfg->shadow_url && *cfg->shadow_url)
		rc = pg_open_shadow_url(&tmp, cfg, base->echo, pg_of(base));
	else
		rc = pg_create_temp_db(&tmp, pg_of(base));
	if (rc)
		return rc;
	*out = &tmp->base;
	return 0;
}
