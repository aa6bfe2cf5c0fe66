/*
 * pg_db.c - the PostgreSQL dialect: connection, scripts, transactions,
 * the migration lock and the shadow database the models are loaded into
 *
 * Scripts are split into statements here (quotes, dollar quotes, comments
 * and BEGIN ATOMIC bodies respected) and sent one at a time with the
 * simple-query protocol. That gives the failing statement and its line even
 * when the server reports no error position, keeps PQexec from wrapping a
 * multi-statement string in an implicit transaction of its own, and lets
 * `transaction: none` revisions run statements such as CREATE INDEX
 * CONCURRENTLY that refuse any transaction block.
 *
 * Temporary databases (the shadow for the models when no shadow_url is
 * configured, and scratch databases) are dropped on every path out: normal
 * return, error, and SIGINT/SIGTERM. The signal guard cancels the running
 * query (PQcancel is async-signal-safe) and records the signal; the code
 * that owns the database sees the cancellation, drops the database through
 * its usual cleanup, then restores the previous disposition and re-raises
 * the signal so the process still dies of it (exit status 130/143 in a
 * shell). A SIGKILL can leave a `cdb_shadow_<pid>_<hex>` database behind.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
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
#include "pg_priv.h"

/* ------------------------------------------------------------------ quoting */

void pg_quote_ident(struct cdb_buf *b, const char *ident)
{
	cdb_buf_putc(b, '"');
	for (; *ident; ident++) {
		if (*ident == '"')
			cdb_buf_putc(b, '"');
		cdb_buf_putc(b, *ident);
	}
	cdb_buf_putc(b, '"');
}

/* standard_conforming_strings is on since 9.1: only the quote needs doubling. */
void pg_quote_literal(struct cdb_buf *b, const char *lit)
{
	cdb_buf_putc(b, '\'');
	for (; *lit; lit++) {
		if (*lit == '\'')
			cdb_buf_putc(b, '\'');
		cdb_buf_putc(b, *lit);
	}
	cdb_buf_putc(b, '\'');
}

void pg_quote_qualified(struct cdb_buf *b, const char *schema, const char *name)
{
	if (schema && strcmp(schema, "public") != 0) {
		pg_quote_ident(b, schema);
		cdb_buf_putc(b, '.');
	}
	pg_quote_ident(b, name);
}

static void vt_quote_ident(struct cdb_buf *b, const char *ident) { pg_quote_ident(b, ident); }
static void vt_quote_literal(struct cdb_buf *b, const char *lit) { pg_quote_literal(b, lit); }

/* --------------------------------------------------------- connection params */

static void params_add(struct pg_params *p, const char *key, const char *value)
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

static void params_release(struct pg_params *p)
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
static void params_from_url(struct pg_params *p, const struct cdb_url *url)
{
	params_add(p, "application_name", "cdb");
	params_add(p, "client_encoding", "UTF8");
	params_add(p, "host", url->host);
	params_add(p, "port", url->port);
	params_add(p, "user", url->user);
	params_add(p, "password", url->password);
	params_add(p, "dbname", url->dbname);
	for (int i = 0; i < url->nparams; i++)
		params_add(p, url->param_keys[i], url->param_values[i]);
}

/* A copy of `src` connecting to database `dbname` instead. */
static void params_with_db(struct pg_params *out, const struct pg_params *src, const char *dbname)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < src->n; i++)
		if (strcmp(src->keys[i], "dbname") != 0)
			params_add(out, src->keys[i], src->values[i]);
	params_add(out, "dbname", dbname);
}

/* ------------------------------------------------------------ server errors */

/* libpq messages end in a newline; our messages are one line. */
static char *strip_nl(const char *msg)
{
	char *s = xstrdup(msg ? msg : "");
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

/* Record the error of a failed result: message, detail and hint lines. */
static int set_result_error(const PGresult *res, PGconn *conn)
{
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char *m = strip_nl(msg ? msg : PQerrorMessage(conn));
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
	char *m = strip_nl(PQresultErrorMessage(res));

	if (sev && strcmp(sev, "WARNING") == 0)
		cdb_log(CDB_LOG_WARNING, "%s", m);
	else if (db->base.echo)
		cdb_log(CDB_LOG_INFO, "%s", m);
	free(m);
}

/* ---------------------------------------------------------------- signals */

/*
 * One process loads models into at most a few temporary databases at once;
 * the guard covers the connection currently working in one of them.
 */
static volatile sig_atomic_t pg_signalled;
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

static void guard_enter(void)
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

static void guard_watch(PGconn *conn)
{
	PGcancel *old = pg_cancel;

	pg_cancel = conn ? PQgetCancel(conn) : NULL;
	if (old)
		PQfreeCancel(old);
}

/* Restores the old handlers; re-raises a signal that arrived meanwhile. */
static void guard_leave(void)
{
	int sig;

	if (--guard_depth)
		return;
	guard_watch(NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sig = pg_signalled;
	pg_signalled = 0;
	if (sig)
		raise(sig);
}

static int check_signalled(void)
{
	if (pg_signalled)
		return cdb_error_set(CDB_ERROR, "interrupted");
	return 0;
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
	char *m = strip_nl(conn ? PQerrorMessage(conn) : "out of memory");
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
static int connect_params(struct pg_db **out, struct pg_params *params, const struct cdb_url *url,
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
	params_release(&db->params);
	free(db->where);
	free(db);
	return CDB_EDB;
}

static int pg_open(struct cdb_db **out, const struct cdb_url *url, const struct cdb_config *cfg)
{
	struct pg_params params = {0};
	struct pg_db *db;
	int rc;

	params_from_url(&params, url);
	rc = connect_params(&db, &params, url, cfg);
	if (rc)
		return rc;
	*out = &db->base;
	return 0;
}

static int drop_database(struct pg_db *via, const char *name);

static void pg_close(struct cdb_db *base)
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
		rc = connect_params(&admin, &origin, NULL, db->base.cfg);
		if (rc == 0) {
			rc = drop_database(admin, db->drop_on_close);
			PQfinish(admin->conn);
			admin->conn = NULL;
			params_release(&admin->params);
			free(admin->where);
			free(admin);
		}
		if (rc)
			cdb_log(CDB_LOG_WARNING, "cannot drop the temporary database '%s': %s", db->drop_on_close,
			        cdb_error_message());
		cdb_error_restore(&saved, NULL);
		params_release(&origin);
		free(db->drop_on_close);
	}
	if (db->scratch_signals)
		guard_leave();
	params_release(&db->params);
	params_release(&db->origin);
	cdb_buf_release(&db->pending);
	free(db->where);
	free(db);
}

/* ------------------------------------------------------------- statements */

static bool is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '$' || (unsigned char)c >= 0x80;
}

static bool word_is(const char *w, size_t n, const char *kw)
{
	return strlen(kw) == n && strncasecmp(w, kw, n) == 0;
}

/* End of the (possibly nested) block comment that starts at `p`. */
static const char *skip_block_comment(const char *p)
{
	int nest = 1;

	p += 2;
	while (*p && nest) {
		if (p[0] == '/' && p[1] == '*')
			nest++, p += 2;
		else if (p[0] == '*' && p[1] == '/')
			nest--, p += 2;
		else
			p++;
	}
	return p;
}

/*
 * Length of the statement starting at `s`, up to and including its `;`
 * (or the end of the text). BEGIN ... END bodies of CREATE FUNCTION /
 * PROCEDURE (SQL-standard bodies) may contain semicolons; like psql we count
 * BEGIN/CASE against END inside such statements.
 */
static size_t statement_length(const char *s)
{
	const char *p = s;
	int depth = 0;
	int nwords = 0;
	bool routine = false;

	while (*p) {
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			p = skip_block_comment(p);
		} else if (*p == '\'') {
			/* E'' strings allow backslash escapes; others only '' */
			bool esc = p > s && (p[-1] == 'E' || p[-1] == 'e') && (p - 1 == s || !is_ident_char(p[-2]));

			p++;
			while (*p) {
				if (esc && *p == '\\' && p[1])
					p += 2;
				else if (*p == '\'' && p[1] == '\'')
					p += 2;
				else if (*p == '\'')
					break;
				else
					p++;
			}
			if (*p)
				p++;
		} else if (*p == '"') {
			p++;
			while (*p) {
				if (*p == '"' && p[1] == '"')
					p += 2;
				else if (*p == '"')
					break;
				else
					p++;
			}
			if (*p)
				p++;
		} else if (*p == '$' && (p == s || !is_ident_char(p[-1]))) {
			/* dollar quote: $tag$ ... $tag$ (tag: identifier without $) */
			const char *t = p + 1;

			while (*t && *t != '$' && is_ident_char(*t) && !(*t >= '0' && *t <= '9' && t == p + 1))
				t++;
			if (*t == '$') {
				size_t tl = (size_t)(t - p + 1);
				const char *end = t + 1;

				while (*end && strncmp(end, p, tl) != 0)
					end++;
				p = *end ? end + tl : end;
			} else {
				p++;
			}
		} else if (*p == ';' && depth <= 0) {
			return (size_t)(p - s + 1);
		} else if (is_ident_char(*p) && !(*p >= '0' && *p <= '9')) {
			const char *w = p;
			size_t n;

			while (*p && is_ident_char(*p))
				p++;
			n = (size_t)(p - w);
			if (nwords < 4 && (word_is(w, n, "function") || word_is(w, n, "procedure")))
				routine = true;
			nwords++;
			if (routine && (word_is(w, n, "begin") || word_is(w, n, "case")))
				depth++;
			else if (routine && word_is(w, n, "end") && depth > 0)
				depth--;
		} else {
			p++;
		}
	}
	return (size_t)(p - s);
}

/* True when the text holds only whitespace and comments. */
static bool blank_sql(const char *s, size_t n)
{
	const char *e = s + n;

	while (s < e) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == ';') {
			s++;
		} else if (s + 1 < e && s[0] == '-' && s[1] == '-') {
			while (s < e && *s != '\n')
				s++;
		} else if (s + 1 < e && s[0] == '/' && s[1] == '*') {
			s = skip_block_comment(s);
		} else {
			return false;
		}
	}
	return true;
}

static int count_lines(const char *s, size_t n)
{
	int lines = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n')
			lines++;
	return lines;
}

/* Byte offset of the 1-based character position `pos` (UTF-8) in `s`. */
static size_t char_to_byte(const char *s, size_t n, long pos)
{
	size_t i = 0;

	for (long c = 1; i < n && c < pos; c++) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

static int run_one(struct pg_db *db, const char *stmt, PGresult **failed)
{
	PGresult *res;
	ExecStatusType st;

	if (db->base.echo)
		cdb_log(CDB_LOG_SQL, "%s", stmt);
	res = PQexec(db->conn, stmt);
	st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
		PQclear(res);
		return 0;
	}
	if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
		PQclear(res);
		/* Leave COPY mode; a script cannot carry its data through here. */
		while ((res = PQgetResult(db->conn)))
			PQclear(res);
		return cdb_error_set(CDB_EINVALID, "COPY FROM STDIN/TO STDOUT is not supported in scripts");
	}
	*failed = res;
	return set_result_error(res, db->conn);
}

/*
 * Run `sql` statement by statement. On failure the message is the server's
 * and `err` gets the line (1-based within `sql`, of the error position when
 * the server gives one, else of the statement's first line) and the text.
 */
static int exec_script(struct pg_db *db, const char *sql, struct cdb_exec_error *err)
{
	const char *p = sql;
	int line = 1;
	int rc = 0;

	while (*p) {
		size_t n = statement_length(p);
		PGresult *failed = NULL;
		char *stmt;
		const char *lead;

		if (blank_sql(p, n)) {
			line += count_lines(p, n);
			p += n;
			continue;
		}
		/* Skip leading blanks and comments so the reported line is the statement's own. */
		lead = p;
		for (;;) {
			if (*lead == ' ' || *lead == '\t' || *lead == '\n' || *lead == '\r') {
				lead++;
			} else if (lead[0] == '-' && lead[1] == '-') {
				while (*lead && *lead != '\n')
					lead++;
			} else if (lead[0] == '/' && lead[1] == '*') {
				lead = skip_block_comment(lead);
			} else {
				break;
			}
		}
		line += count_lines(p, (size_t)(lead - p));
		n -= (size_t)(lead - p);
		p = lead;
		stmt = xstrndup(p, n);
		rc = run_one(db, stmt, &failed);
		if (rc == 0)
			rc = check_signalled();
		if (rc) {
			const char *pos = failed ? PQresultErrorField(failed, PG_DIAG_STATEMENT_POSITION) : NULL;
			int at = line;

			if (pos) {
				long cp = strtol(pos, NULL, 10);
				at += count_lines(stmt, char_to_byte(stmt, n, cp));
			}
			if (failed && pg_signalled)
				cdb_error_set(CDB_ERROR, "interrupted");
			if (err) {
				err->line = at;
				err->statement = stmt;
				stmt = NULL;
			}
			free(stmt);
			PQclear(failed);
			return rc;
		}
		free(stmt);
		line += count_lines(p, n);
		p += n;
	}
	return 0;
}

/* Send the statements held back by pg_exec(), before anything else. */
static int flush_pending(struct pg_db *db)
{
	PGresult *failed = NULL;
	int rc;

	if (!db->pending.len)
		return 0;
	rc = run_one(db, db->pending.ptr, &failed);
	PQclear(failed);
	cdb_buf_reset(&db->pending);
	return rc;
}

static int pg_exec(struct cdb_db *base, const char *sql, struct cdb_exec_error *err)
{
	struct pg_db *db = pg_of(base);
	int rc = flush_pending(db);

	if (rc)
		return rc;
	/*
	 * Inside a transaction, a caller that does not ask where a failure was
	 * (cdb's own version and history statements) gets its script held back
	 * and sent with whatever comes next, COMMIT most often: a one-statement
	 * revision then costs the round trips psql's BEGIN, file, COMMIT would,
	 * plus the lock and the version re-read. A failure shows at that next
	 * call, which fails the step as a failure here would. Outside a
	 * transaction, a multi-statement message would become one implicit
	 * transaction, which statements such as CREATE DATABASE refuse.
	 */
	if (err || PQtransactionStatus(db->conn) != PQTRANS_INTRANS)
		return exec_script(db, sql, err);
	cdb_buf_puts(&db->pending, sql);
	cdb_buf_puts(&db->pending, ";\n");
	return 0;
}

/* Hand the rows of `res` to `cb`. */
static int pass_rows(const PGresult *res, cdb_row_cb cb, void *ctx)
{
	int nrows = PQntuples(res), ncols = PQnfields(res), rc = 0;
	const char **vals = xcalloc((size_t)ncols + 1, sizeof *vals);

	for (int r = 0; r < nrows && rc == 0; r++) {
		for (int c = 0; c < ncols; c++)
			vals[c] = PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c);
		rc = cb(ctx, ncols, vals);
	}
	free(vals);
	return rc;
}

int pg_query(struct pg_db *db, const char *sql, const char *const *params, int nparams,
             cdb_row_cb cb, void *ctx)
{
	PGresult *res;
	int rc = flush_pending(db);

	if (rc)
		return rc;
	if (db->base.echo)
		cdb_log(CDB_LOG_SQL, "%s", sql);
	res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
		if (res && PQresultStatus(res) == PGRES_COMMAND_OK)
			goto done;
		rc = set_result_error(res, db->conn);
		goto done;
	}
	if (cb)
		rc = pass_rows(res, cb, ctx);
done:
	PQclear(res);
	if (rc == 0)
		rc = check_signalled();
	return rc;
}

static int pg_query_vt(struct cdb_db *base, const char *sql, const char *const *params, int nparams,
                       cdb_row_cb cb, void *ctx)
{
	return pg_query(pg_of(base), sql, params, nparams, cb, ctx);
}

/* A statement cdb itself builds; errors carry the server's message. */
static int run_sql(struct pg_db *db, const char *sql)
{
	PGresult *failed = NULL;
	int rc = run_one(db, sql, &failed);

	PQclear(failed);
	return rc;
}

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
		return set_result_error(NULL, db->conn);
	while ((res = PQgetResult(db->conn))) {
		ExecStatusType st = PQresultStatus(res);

		if (rc == 0 && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
			rc = set_result_error(res, db->conn);
		else if (rc == 0 && st == PGRES_TUPLES_OK && selects++ == 0) {
			if (PQntuples(res) == 1)
				*got = PQgetvalue(res, 0, 0)[0] == 't';
			else
				rc = set_result_error(res, db->conn);
		} else if (rc == 0 && st == PGRES_TUPLES_OK && cb && (!got || *got)) {
			rc = pass_rows(res, cb, ctx);
		}
		PQclear(res);
	}
	if (rc == 0)
		rc = check_signalled();
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
		rc = run_sql(db, "ROLLBACK");
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
static int pg_begin_query(struct cdb_db *base, const char *then, cdb_row_cb cb, void *ctx)
{
	struct pg_db *db = pg_of(base);
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc = flush_pending(db);

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

static int pg_begin(struct cdb_db *base)
{
	return pg_begin_query(base, NULL, NULL, NULL);
}

static int pg_commit(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);

	if (db->pending.len) {
		int rc;

		cdb_buf_puts(&db->pending, "COMMIT");
		rc = flush_pending(db);
		/* A held-back statement failed and the COMMIT never ran: end it here. */
		if (rc && PQtransactionStatus(db->conn) == PQTRANS_INERROR) {
			PGresult *r = PQexec(db->conn, "ROLLBACK");

			PQclear(r);
		}
		return rc;
	}
	return run_sql(db, "COMMIT");
}

static int pg_rollback(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);

	cdb_buf_reset(&db->pending);
	return run_sql(db, "ROLLBACK");
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
static int pg_lock_session(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);
	struct pg_params params = {0};
	struct pg_db *holder;
	int rc;

	if (db->lock_holder)
		return 0;
	for (int i = 0; i < db->params.n; i++)
		params_add(&params, db->params.keys[i], db->params.values[i]);
	rc = connect_params(&holder, &params, NULL, base->cfg);
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

static int pg_unlock_session(struct cdb_db *base)
{
	struct pg_db *db = pg_of(base);
	int rc;

	if (!db->lock_holder)
		return 0;
	rc = run_sql(db->lock_holder, "COMMIT");
	pg_close(&db->lock_holder->base);
	db->lock_holder = NULL;
	return rc;
}

static int pg_noop(struct cdb_db *db)
{
	(void)db;
	return 0;
}

/* ---------------------------------------------------------- version tables */

static void pg_version_tables_sql(struct cdb_buf *b, const struct cdb_config *cfg)
{
	const char *vt = cfg && cfg->version_table ? cfg->version_table : "cdb_version";
	const char *ht = cfg && cfg->history_table ? cfg->history_table : "cdb_history";

	cdb_buf_puts(b, "CREATE TABLE IF NOT EXISTS ");
	pg_quote_ident(b, vt);
	cdb_buf_puts(b, " (\n    version_num VARCHAR(32) NOT NULL PRIMARY KEY\n);\n");
	cdb_buf_puts(b, "CREATE TABLE IF NOT EXISTS ");
	pg_quote_ident(b, ht);
	cdb_buf_puts(b, " (\n"
	                "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
	                "    revision VARCHAR(32) NOT NULL,\n"
	                "    direction VARCHAR(16) NOT NULL,\n"
	                "    checksum VARCHAR(64),\n"
	                "    applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
	                "    duration_ms BIGINT NOT NULL,\n"
	                "    applied_by TEXT,\n"
	                "    cdb_version TEXT\n"
	                ");\n");
}

/* ------------------------------------------------------- temporary databases */

static int drop_database(struct pg_db *via, const char *name)
{
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc;

	/* FORCE (13+) ends a connection a cancelled load may have left behind. */
	cdb_buf_puts(&sql, "DROP DATABASE IF EXISTS ");
	pg_quote_ident(&sql, name);
	if (PQserverVersion(via->conn) >= 130000)
		cdb_buf_puts(&sql, " WITH (FORCE)");
	rc = run_sql(via, sql.ptr);
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
static int create_temp_db(struct pg_db **out, struct pg_db *db)
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
	guard_enter();
	res = PQexec(db->conn, sql.ptr);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		char *m = strip_nl(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));

		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		rc = cdb_error_set(CDB_EDB, "cannot create a temporary database on PostgreSQL at %s: %s",
		                   db->where, *m ? m : PQerrorMessage(db->conn));
		free(m);
		if (state && strcmp(state, "42501") == 0)
			cdb_error_hint("set shadow_url in cdb.ini to a database cdb may wipe, or grant CREATEDB");
		else if (state && strcmp(state, "25001") == 0)
			cdb_error_hint("the temporary database cannot be created inside a transaction");
		guard_leave();
		goto done;
	}
	params_with_db(&params, &db->params, name);
	rc = connect_params(&tmp, &params, NULL, db->base.cfg);
	if (rc) {
		drop_database(db, name);
		guard_leave();
		goto done;
	}
	tmp->base.echo = db->base.echo;
	tmp->drop_on_close = name;
	params_with_db(&tmp->origin, &db->params, NULL);
	for (int i = 0; i < db->params.n; i++)
		if (strcmp(db->params.keys[i], "dbname") == 0)
			params_add(&tmp->origin, "dbname", db->params.values[i]);
	tmp->scratch_signals = true;
	guard_watch(tmp->conn);
	name = NULL;
	*out = tmp;
done:
	PQclear(res);
	params_release(&params);
	cdb_buf_release(&sql);
	free(name);
	free(info.encoding);
	free(info.collate);
	free(info.ctype);
	return rc;
}

struct flag_row {
	bool yes;
};

static int flag_row(void *ctx, int n, const char *const *v)
{
	struct flag_row *f = ctx;

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
	rc = exec_script(db, sql.ptr, NULL);
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
	"SELECT pg_catalog.shobj_description(d.oid, 'pg_database') IS NOT DISTINCT FROM $1,"
	" NOT ("
	" EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE oid >= 16384 AND nspname <> 'public'"
	"  AND nspname !~ '^pg_(toast_)?temp_')"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid >= 16384"
	"  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND c.relpersistence <> 't')"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.oid >= 16384 AND t.typrelid = 0"
	"  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0))"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_collation WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_operator WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_server)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication))"
	" FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()";

struct shadow_state {
	bool ours, empty;
};

static int shadow_state_row(void *ctx, int n, const char *const *v)
{
	struct shadow_state *st = ctx;

	st->ours = n > 0 && v[0] && v[0][0] == 't';
	st->empty = n > 1 && v[1] && v[1][0] == 't';
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
	struct flag_row found = {0};
	int rc;

	*same = false;
	rc = pg_query(target, "SELECT pg_catalog.pg_backend_pid()", NULL, 0, text_row, &pid);
	if (rc || !pid)
		return rc;
	params[0] = pid;
	rc = pg_query(shadow,
	              "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity"
	              " WHERE pid = $1::integer AND datname = pg_catalog.current_database())",
	              params, 1, flag_row, &found);
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
static int open_shadow_url(struct pg_db **out, const struct cdb_config *cfg, bool echo,
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
	params_from_url(&params, &url);
	rc = connect_params(&db, &params, &url, cfg);
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
	if (rc == 0 && !st.ours) {
		/* The mark needs the database's owner, as the wipe does. */
		struct cdb_buf sql = CDB_BUF_INIT;
		char *dbname = NULL;

		rc = pg_query(db, "SELECT pg_catalog.current_database()", NULL, 0, text_row, &dbname);
		if (rc == 0 && dbname) {
			cdb_buf_puts(&sql, "COMMENT ON DATABASE ");
			pg_quote_ident(&sql, dbname);
			cdb_buf_puts(&sql, " IS ");
			pg_quote_literal(&sql, shadow_mark);
			rc = run_sql(db, sql.ptr);
			if (rc) {
				cdb_error_prefix("cannot mark the shadow database at %s as cdb's", db->where);
				cdb_error_hint("shadow_url must name a database its user owns");
			}
		}
		free(dbname);
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
	params_release(&params);
	cdb_url_release(&url);
out:
	free(masked);
	return rc;
}

/*
 * pg_dump (15.14 and later) brackets its output with the psql meta-commands
 * \restrict KEY and \unrestrict KEY, which are not SQL. Blank those lines,
 * keeping the line count, so a pasted dump loads as a model file and errors
 * still point at the right line. Any other meta-command is left for the
 * server to reject at its line.
 */
static void blank_psql_restrict(char *text)
{
	char *line = text;

	while (line && *line) {
		char *end = strchr(line, '\n');

		if (!strncmp(line, "\\restrict", 9) || !strncmp(line, "\\unrestrict", 11)) {
			char *stop = end ? end : line + strlen(line);

			memset(line, ' ', (size_t)(stop - line));
		}
		line = end ? end + 1 : NULL;
	}
}

/*
 * The first word of a statement (after blanks and comments) is one that
 * ends or nests a transaction: such a model cannot be run inside cdb's own
 * transaction in the target database.
 */
static bool controls_transaction(const char *s, size_t n)
{
	static const char *const words[] = {
		"begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare",
	};
	const char *e = s + n;
	const char *w;

	while (s < e) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '(')
			s++;
		else if (s + 1 < e && s[0] == '-' && s[1] == '-')
			while (s < e && *s != '\n')
				s++;
		else if (s + 1 < e && s[0] == '/' && s[1] == '*')
			s = skip_block_comment(s);
		else
			break;
	}
	for (w = s; w < e && is_ident_char(*w);)
		w++;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (word_is(s, (size_t)(w - s), words[i]))
			return true;
	return false;
}

/*
 * More statements than this do not run in the target's transaction: every
 * relation they create stays locked until its end, and the server's lock
 * table (max_locks_per_transaction, 64 per connection by default) runs out
 * at a few thousand; a schema that large also pays for a database of its
 * own only a small part of its cost.
 */
#define TARGET_MAX_STATEMENTS 500

/*
 * Whether the models may run inside cdb's transaction in the target: no
 * statement ends or nests a transaction, and there are not too many.
 */
static bool fit_one_transaction(const struct cdb_buf *texts, size_t nfiles)
{
	size_t n = 0;

	for (size_t i = 0; i < nfiles; i++) {
		for (const char *p = texts[i].ptr; p && *p;) {
			size_t len = statement_length(p);

			if (!blank_sql(p, len) && (controls_transaction(p, len) || ++n > TARGET_MAX_STATEMENTS))
				return false;
			p += len;
		}
	}
	return true;
}

/*
 * Whether the database holds nothing of anybody's but cdb's own tables:
 * every object a fresh database from template0 does not have gets an OID of
 * 16384 (FirstNormalObjectId) or more. Other sessions' temporary objects do
 * not count; database-level settings do, as the models would run under them.
 */
static const char pristine_sql[] =
	"SELECT NOT ("
	" EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE oid >= 16384"
	"  AND nspname !~ '^pg_(toast_)?temp_')"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid >= 16384"
	"  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND c.relpersistence <> 't'"
	"  AND NOT (c.relkind = 'r' AND c.relname IN ($1, $2))"
	"  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
	"   JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
	"   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid"
	"   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
	"   AND d.deptype IN ('a', 'i') AND t.relname IN ($1, $2))))"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.oid >= 16384 AND t.typrelid = 0"
	"  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0))"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_collation WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_operator WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config WHERE oid >= 16384)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_server)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication)"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_db_role_setting s"
	"  JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database()))";

/*
 * Run the model texts into `into`; a failure names file:line.
 *
 * Inside the caller's transaction (the empty target), each file goes as one
 * message, one round trip instead of one per statement; a failure there is
 * CDB_EINVALID with no line, and the caller loads the models into a
 * database of their own. There, outside a transaction, the statements run
 * one by one in autocommit: a multi-statement message would be one
 * implicit transaction, which holds a lock on every relation it creates
 * until its end and refuses CREATE INDEX CONCURRENTLY or a new enum label
 * used at once; one by one, a failure names its statement's line.
 */
static int run_models(struct pg_db *into, const struct cdb_buf *texts, const char *const *files,
                      size_t nfiles)
{
	bool in_tx = PQtransactionStatus(into->conn) == PQTRANS_INTRANS;

	for (size_t i = 0; i < nfiles; i++) {
		struct cdb_exec_error err = {0};
		int rc;

		if (in_tx) {
			PGresult *failed = NULL;

			rc = run_one(into, texts[i].ptr, &failed);
			PQclear(failed);
			if (rc == 0)
				rc = check_signalled();
			if (rc && !pg_signalled)
				rc = CDB_EINVALID;
			if (rc)
				return rc;
			continue;
		}
		rc = exec_script(into, texts[i].ptr, &err);
		if (rc) {
			if (!pg_signalled) {
				cdb_error_prefix("%s:%d", cdb_path_display(files[i]), err.line);
				rc = CDB_EINVALID;
			}
			free(err.statement);
			return rc;
		}
	}
	return 0;
}

/*
 * Load the models into the target itself, inside a transaction that is
 * always rolled back, and read them there. Returns 0 (read), 1 (not done:
 * the caller uses a shadow database) or an error.
 */
static int load_in_target(struct cdb_schema *out, struct pg_db *db, const struct cdb_buf *texts,
                          const char *const *files, size_t nfiles,
                          const struct cdb_introspect_opts *o)
{
	const char *names[2];
	struct flag_row pristine = {0};
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc;

	if (PQtransactionStatus(db->conn) != PQTRANS_IDLE || !fit_one_transaction(texts, nfiles))
		return 1;
	names[0] = o && o->version_table ? o->version_table : "cdb_version";
	names[1] = o && o->history_table ? o->history_table : "cdb_history";
	/* Ctrl-C cancels the running statement; the rollback below still runs. */
	guard_enter();
	guard_watch(db->conn);
	/*
	 * One snapshot for the whole read: what others commit meanwhile is not
	 * seen, so it cannot pass for part of the models.
	 */
	cdb_buf_printf(&sql, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL lock_timeout = '%ds'",
	               db->lock_timeout);
	rc = run_sql(db, sql.ptr);
	cdb_buf_release(&sql);
	if (rc == 0)
		rc = pg_query(db, pristine_sql, names, 2, flag_row, &pristine);
	if (rc == 0 && !pristine.yes)
		rc = 1;
	if (rc == 0) {
		rc = run_models(db, texts, files, nfiles);
		if (rc == 0)
			rc = pg_introspect(out, &db->base, o);
		else if (rc == CDB_EINVALID)
			rc = 1; /* e.g. CREATE INDEX CONCURRENTLY: try again in a database of their own */
	}
	/* Whatever happened, nothing of the models stays. */
	{
		int r = run_sql(db, "ROLLBACK");

		if (r && rc >= 0)
			rc = r;
	}
	if (rc == 1) {
		cdb_error_clear();
		cdb_log(CDB_LOG_SQL, "-- the models need a database of their own");
	}
	guard_leave(); /* dies of a signal that came meanwhile */
	return rc;
}

static int pg_load_models(struct cdb_schema *out, struct cdb_db *base, const struct cdb_config *cfg,
                          const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o)
{
	struct pg_db *db = pg_of(base);
	struct pg_db *shadow = NULL;
	struct cdb_buf *texts = xcalloc(nfiles ? nfiles : 1, sizeof *texts);
	bool shadow_url = cfg && cfg->shadow_url && *cfg->shadow_url;
	int rc = 0;

	for (size_t i = 0; i < nfiles && rc == 0; i++) {
		rc = cdb_path_read(&texts[i], files[i]);
		if (rc == 0)
			blank_psql_restrict(texts[i].ptr);
	}
	if (rc)
		goto done;
	/*
	 * An empty target needs no database of its own: what the models create
	 * there is rolled back, and creating a database costs more than a
	 * small schema. A configured shadow_url is always used.
	 */
	if (!shadow_url) {
		rc = load_in_target(out, db, texts, files, nfiles, o);
		if (rc <= 0)
			goto done;
	}
	if (shadow_url)
		rc = open_shadow_url(&shadow, cfg, base->echo, db);
	else
		rc = create_temp_db(&shadow, db);
	if (rc)
		goto done;
	/*
	 * The shadow database is thrown away: its autocommitted statements need
	 * not wait for the WAL to reach the disk (a user may set this).
	 */
	if (run_sql(shadow, "SET synchronous_commit = off"))
		cdb_error_clear();
	rc = run_models(shadow, texts, files, nfiles);
	if (rc == 0)
		rc = pg_introspect(out, &shadow->base, o);
	pg_close(&shadow->base);
done:
	for (size_t i = 0; i < nfiles; i++)
		cdb_buf_release(&texts[i]);
	free(texts);
	return rc;
}

/*
 * A scratch database for `check --scratch`: the shadow database when
 * shadow_url is set (with the same refusals as for the models), otherwise a
 * temporary one on the server of `base`.
 */
static int pg_open_scratch(struct cdb_db **out, struct cdb_db *base, const struct cdb_config *cfg)
{
	struct pg_db *tmp = NULL;
	int rc;

	if (cfg && cfg->shadow_url && *cfg->shadow_url)
		rc = open_shadow_url(&tmp, cfg, base->echo, pg_of(base));
	else
		rc = create_temp_db(&tmp, pg_of(base));
	if (rc)
		return rc;
	*out = &tmp->base;
	return 0;
}

static int pg_render_vt(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff)
{
	return pg_render(up, down, diff);
}

const struct cdb_dialect cdb_postgres_dialect = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.query = pg_query_vt,
	.begin = pg_begin,
	.begin_query = pg_begin_query,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.lock_session = pg_lock_session,
	.unlock_session = pg_unlock_session,
	.before_step = pg_noop,
	.after_step = pg_noop,
	.check_constraints = pg_noop,
	.quote_ident = vt_quote_ident,
	.quote_literal = vt_quote_literal,
	.table_exists_sql = "SELECT CAST(pg_catalog.to_regclass(pg_catalog.quote_ident($1)) AS text)",
	.version_tables_sql = pg_version_tables_sql,
	.now_expr = "CURRENT_TIMESTAMP",
	.introspect = pg_introspect,
	.load_models = pg_load_models,
	.open_scratch = pg_open_scratch,
	.scratch_needs_server = true,
	.render = pg_render_vt,
};
