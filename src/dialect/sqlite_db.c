/*
 * sqlite_db.c - the SQLite dialect: connection, scripts, transactions, locks
 *
 * The migration lock is SQLite's own write lock: begin() is BEGIN IMMEDIATE
 * with a busy timeout of lock_timeout seconds, so two cdb processes
 * serialise on the database file and the second re-reads the version table
 * once it holds the lock. Foreign keys cannot be switched inside a
 * transaction, so before_step()/after_step() switch them around it and
 * check_constraints() runs PRAGMA foreign_key_check before COMMIT.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/log.h"
#include "sqlite_priv.h"

void sqlite_quote_ident(struct cdb_buf *b, const char *ident)
{
	cdb_buf_putc(b, '"');
	for (const char *p = ident; *p; p++) {
		if (*p == '"')
			cdb_buf_putc(b, '"');
		cdb_buf_putc(b, *p);
	}
	cdb_buf_putc(b, '"');
}

void sqlite_quote_literal(struct cdb_buf *b, const char *lit)
{
	cdb_buf_putc(b, '\'');
	for (const char *p = lit; *p; p++) {
		if (*p == '\'')
			cdb_buf_putc(b, '\'');
		cdb_buf_putc(b, *p);
	}
	cdb_buf_putc(b, '\'');
}

static int set_db_error(sqlite3 *h, const char *what)
{
	return cdb_error_set(CDB_EDB, "%s: %s", what, sqlite3_errmsg(h));
}

/* Skip blanks and comments, counting newlines into *line. */
static const char *skip_space(const char *p, int *line)
{
	for (;;) {
		if (*p == '\n') {
			(*line)++;
			p++;
		} else if (isspace((unsigned char)*p)) {
			p++;
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			p += 2;
			while (*p && !(p[0] == '*' && p[1] == '/')) {
				if (*p == '\n')
					(*line)++;
				p++;
			}
			if (*p)
				p += 2;
		} else {
			return p;
		}
	}
}

static int count_lines(const char *from, const char *to)
{
	int n = 0;

	for (; from < to; from++)
		if (*from == '\n')
			n++;
	return n;
}

/*
 * The text of the statement starting at `p` when prepare() failed and
 * gave no tail: up to the ';' that completes it (sqlite3_complete), else
 * to the end of the script.
 */
static char *statement_text(const char *p)
{
	struct cdb_buf b = CDB_BUF_INIT;

	for (const char *q = p; *q; q++) {
		if (*q != ';')
			continue;
		cdb_buf_reset(&b);
		cdb_buf_put(&b, p, (size_t)(q - p + 1));
		if (sqlite3_complete(b.ptr))
			return cdb_buf_detach(&b);
	}
	cdb_buf_reset(&b);
	cdb_buf_puts(&b, p);
	cdb_buf_rtrim(&b);
	return cdb_buf_detach(&b);
}

int sqlite_exec_script(sqlite3 *h, bool echo, const char *sql, struct cdb_exec_error *err)
{
	const char *p = sql;
	int line = 1;

	for (;;) {
		sqlite3_stmt *stmt = NULL;
		const char *tail = NULL;
		int rc;

		p = skip_space(p, &line);
		if (!*p)
			return 0;
		rc = sqlite3_prepare_v2(h, p, -1, &stmt, &tail);
		if (rc != SQLITE_OK) {
			int off = sqlite3_error_offset(h);
			int r = cdb_error_set(CDB_EDB, "%s", sqlite3_errmsg(h));
			if (err) {
				/* The error offset points into the statement; the line of that token helps most. */
				err->line = line + (off >= 0 ? count_lines(p, p + off) : 0);
				err->statement = statement_text(p);
			}
			return r;
		}
		if (!stmt) {
			/* Only a comment or an empty statement: nothing to run. */
			line += count_lines(p, tail);
			p = tail;
			continue;
		}
		if (echo)
			cdb_log(CDB_LOG_SQL, "%.*s", (int)(tail - p), p);
		do
			rc = sqlite3_step(stmt);
		while (rc == SQLITE_ROW);
		if (rc != SQLITE_DONE) {
			int r = cdb_error_set(rc == SQLITE_BUSY ? CDB_ELOCKED : CDB_EDB, "%s", sqlite3_errmsg(h));
			if (err) {
				err->line = line;
				err->statement = xstrndup(p, (size_t)(tail - p));
			}
			sqlite3_finalize(stmt);
			return r;
		}
		sqlite3_finalize(stmt);
		line += count_lines(p, tail);
		p = tail;
	}
}

static int sqlite_exec(struct cdb_db *db, const char *sql, struct cdb_exec_error *err)
{
	return sqlite_exec_script(sqlite_of(db)->handle, db->echo, sql, err);
}

static int sqlite_query(struct cdb_db *db, const char *sql, const char *const *params, int nparams,
                        cdb_row_cb cb, void *ctx)
{
	sqlite3 *h = sqlite_of(db)->handle;
	sqlite3_stmt *stmt = NULL;
	const char **values = NULL;
	int rc, ret = 0, ncols;

	/* -v shows what changes the database; cdb's own reads would drown it. */
	if (db->echo && strncasecmp(sql, "SELECT", 6) != 0 && strncasecmp(sql, "PRAGMA", 6) != 0)
		cdb_log(CDB_LOG_SQL, "%s", sql);
	if (sqlite3_prepare_v2(h, sql, -1, &stmt, NULL) != SQLITE_OK)
		return set_db_error(h, "cannot prepare query");
	/* Parameters are written $1, $2...; bind each by its number. */
	for (int i = 1; i <= sqlite3_bind_parameter_count(stmt); i++) {
		const char *name = sqlite3_bind_parameter_name(stmt, i);
		long k = name && name[0] == '$' ? strtol(name + 1, NULL, 10) : 0;

		if (k < 1 || k > nparams) {
			ret = cdb_error_set(CDB_ERROR, "query parameter '%s' has no value", name ? name : "?");
			goto done;
		}
		if (params[k - 1])
			rc = sqlite3_bind_text(stmt, i, params[k - 1], -1, SQLITE_TRANSIENT);
		else
			rc = sqlite3_bind_null(stmt, i);
		if (rc != SQLITE_OK) {
			ret = set_db_error(h, "cannot bind query parameter");
			goto done;
		}
	}
	ncols = sqlite3_column_count(stmt);
	values = xcalloc((size_t)ncols + 1, sizeof *values);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			values[i] = (const char *)sqlite3_column_text(stmt, i);
		if (cb) {
			ret = cb(ctx, ncols, values);
			if (ret != 0)
				goto done;
		}
	}
	if (rc != SQLITE_DONE)
		ret = cdb_error_set(rc == SQLITE_BUSY ? CDB_ELOCKED : CDB_EDB, "%s", sqlite3_errmsg(h));
done:
	free(values);
	sqlite3_finalize(stmt);
	return ret;
}

static int sqlite_begin(struct cdb_db *db)
{
	struct sqlite_db *s = sqlite_of(db);
	int rc;

	if (db->echo)
		cdb_log(CDB_LOG_SQL, "BEGIN IMMEDIATE;");
	sqlite3_busy_timeout(s->handle, s->lock_timeout_ms);
	rc = sqlite3_exec(s->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		rc = cdb_error_set(CDB_ELOCKED, "timed out after %d s waiting for the lock on database '%s'",
		                   s->lock_timeout_ms / 1000, s->path ? s->path : ":memory:");
		cdb_error_hint("another process (another cdb?) is writing to it; retry, or raise lock_timeout in cdb.ini");
		return rc;
	}
	if (rc != SQLITE_OK)
		return set_db_error(s->handle, "cannot begin a transaction");
	return 0;
}

static int sqlite_commit(struct cdb_db *db)
{
	sqlite3 *h = sqlite_of(db)->handle;

	if (db->echo)
		cdb_log(CDB_LOG_SQL, "COMMIT;");
	if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return set_db_error(h, "cannot commit");
	return 0;
}

static int sqlite_rollback(struct cdb_db *db)
{
	sqlite3 *h = sqlite_of(db)->handle;

	/* A failed statement may already have ended the transaction. */
	if (sqlite3_get_autocommit(h))
		return 0;
	if (db->echo)
		cdb_log(CDB_LOG_SQL, "ROLLBACK;");
	if (sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		return set_db_error(h, "cannot roll back");
	return 0;
}

/*
 * SQLite has no lock outside a transaction; a `transaction: none` revision
 * relies on each of its statements taking the write lock as it runs.
 */
static int sqlite_lock_session(struct cdb_db *db)
{
	(void)db;
	return 0;
}

static int sqlite_unlock_session(struct cdb_db *db)
{
	(void)db;
	return 0;
}

static int int_cb(void *ctx, int n, const char *const *v)
{
	*(int *)ctx = n > 0 && v[0] ? atoi(v[0]) : 0;
	return 0;
}

static int sqlite_before_step(struct cdb_db *db)
{
	struct sqlite_db *s = sqlite_of(db);
	int fk = 0, rc;

	rc = sqlite_query(db, "PRAGMA foreign_keys", NULL, 0, int_cb, &fk);
	if (rc < 0)
		return rc;
	s->saved_fk = fk;
	if (fk)
		return sqlite_exec(db, "PRAGMA foreign_keys=OFF", NULL);
	return 0;
}

static int sqlite_after_step(struct cdb_db *db)
{
	struct sqlite_db *s = sqlite_of(db);
	int rc = 0;

	if (s->saved_fk == 1)
		rc = sqlite_exec(db, "PRAGMA foreign_keys=ON", NULL);
	s->saved_fk = -1;
	return rc;
}

static int sqlite_check_constraints(struct cdb_db *db)
{
	sqlite3 *h = sqlite_of(db)->handle;
	sqlite3_stmt *stmt = NULL;
	int rc = 0, n = 0;

	if (db->echo)
		cdb_log(CDB_LOG_SQL, "PRAGMA foreign_key_check;");
	if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
		return set_db_error(h, "cannot check foreign keys");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		/* table, rowid (NULL for WITHOUT ROWID), parent, fkid */
		const char *t = (const char *)sqlite3_column_text(stmt, 0);
		const char *r = (const char *)sqlite3_column_text(stmt, 1);
		const char *p = (const char *)sqlite3_column_text(stmt, 2);

		if (n == 0)
			cdb_error_set(CDB_EDB, "foreign key violation: row %s of table '%s' has no matching row in '%s'",
			              r ? r : "?", t ? t : "?", p ? p : "?");
		/* A handful of rows is enough to find the cause. */
		else if (n < 10)
			cdb_error_detail("also row %s of table '%s' (no matching row in '%s')", r ? r : "?",
			                 t ? t : "?", p ? p : "?");
		n++;
	}
	if (rc != SQLITE_DONE) {
		rc = set_db_error(h, "cannot check foreign keys");
	} else if (n > 0) {
		if (n > 10)
			cdb_error_detail("%d violating rows in all", n);
		rc = CDB_EDB;
	} else {
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static void sqlite_version_tables_sql(struct cdb_buf *b, const struct cdb_config *cfg)
{
	cdb_buf_puts(b, "CREATE TABLE IF NOT EXISTS ");
	sqlite_quote_ident(b, cfg->version_table);
	cdb_buf_puts(b, " (\n    version_num VARCHAR(32) NOT NULL PRIMARY KEY\n);\n");
	cdb_buf_puts(b, "CREATE TABLE IF NOT EXISTS ");
	sqlite_quote_ident(b, cfg->history_table);
	cdb_buf_puts(b, " (\n"
	                "    id INTEGER PRIMARY KEY,\n"
	                "    revision VARCHAR(32) NOT NULL,\n"
	                "    direction VARCHAR(8) NOT NULL,\n"
	                "    checksum VARCHAR(40),\n"
	                "    applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
	                "    duration_ms INTEGER NOT NULL,\n"
	                "    applied_by TEXT,\n"
	                "    cdb_version TEXT\n"
	                ");\n");
}

static void sqlite_close(struct cdb_db *db)
{
	struct sqlite_db *s;

	if (!db)
		return;
	s = sqlite_of(db);
	sqlite3_close_v2(s->handle);
	free(s->path);
	free(s);
}

int sqlite_open_path(struct cdb_db **out, const char *path, const struct cdb_config *cfg)
{
	struct sqlite_db *s;
	sqlite3 *h = NULL;
	const char *name = path ? path : ":memory:";
	int rc;

	*out = NULL;
	rc = sqlite3_open_v2(name, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		int sys = h ? sqlite3_system_errno(h) : 0;
		rc = cdb_error_set(CDB_EDB, "cannot open database '%s': %s", name,
		                   sys ? strerror(sys) : (h ? sqlite3_errmsg(h) : sqlite3_errstr(rc)));
		sqlite3_close(h);
		return rc;
	}
	/* Reads also wait for a writer (another cdb migrating) rather than fail at once. */
	sqlite3_busy_timeout(h, (cfg ? cfg->lock_timeout : 60) * 1000);
	/*
	 * sqlite3_open only opens the file; reading the schema is what finds a
	 * file that is not a database, or one we may not read.
	 */
	rc = sqlite3_exec(h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int sys = sqlite3_system_errno(h);
		rc = cdb_error_set(CDB_EDB, "cannot read database '%s': %s", name,
		                   sys && rc != SQLITE_NOTADB ? strerror(sys) : sqlite3_errmsg(h));
		sqlite3_close(h);
		return rc;
	}
	s = xcalloc(1, sizeof *s);
	s->base.vt = &cdb_sqlite_dialect;
	s->base.cfg = cfg;
	s->handle = h;
	s->path = path ? xstrdup(path) : NULL;
	s->saved_fk = -1;
	s->lock_timeout_ms = (cfg ? cfg->lock_timeout : 60) * 1000;
	*out = &s->base;
	return 0;
}

static int sqlite_open(struct cdb_db **out, const struct cdb_url *url, const struct cdb_config *cfg)
{
	return sqlite_open_path(out, url->path, cfg);
}

static int sqlite_open_scratch(struct cdb_db **out, struct cdb_db *db, const struct cdb_config *cfg)
{
	int rc = sqlite_open_path(out, NULL, cfg);

	if (rc == 0)
		(*out)->echo = db ? db->echo : false;
	return rc;
}

const struct cdb_dialect cdb_sqlite_dialect = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.exec = sqlite_exec,
	.query = sqlite_query,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.lock_session = sqlite_lock_session,
	.unlock_session = sqlite_unlock_session,
	.before_step = sqlite_before_step,
	.after_step = sqlite_after_step,
	.check_constraints = sqlite_check_constraints,
	/*
	 * A rebuild drops the old table: with foreign keys on, that deletes
	 * (or cascades to) every child row. PRAGMA foreign_keys is a no-op
	 * inside a transaction, so it goes before the first BEGIN. The check
	 * cannot stop a shell by itself; a CHECK that fails under OR ROLLBACK
	 * both stops a shell run with -bail and undoes the transaction when
	 * the shell goes on. A script cannot read the setting to restore it:
	 * it ends with foreign keys on, as they must have been for the
	 * deletion to happen.
	 */
	.script_prologue = "-- run with sqlite3 -bail: a statement that fails must stop the script\n"
	                   "PRAGMA foreign_keys = OFF;\n",
	.script_check =
		"CREATE TEMP TABLE IF NOT EXISTS cdb_foreign_key_check (violations INTEGER\n"
		"    CONSTRAINT \"foreign key violated: nothing of this revision is kept\"\n"
		"    CHECK (violations = 0));\n"
		"INSERT OR ROLLBACK INTO temp.cdb_foreign_key_check\n"
		"    SELECT count(*) FROM pragma_foreign_key_check;\n",
	.script_epilogue = "DROP TABLE IF EXISTS temp.cdb_foreign_key_check;\n"
	                   "PRAGMA foreign_keys = ON;\n",
	.quote_ident = sqlite_quote_ident,
	.quote_literal = sqlite_quote_literal,
	.table_exists_sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1",
	.version_tables_sql = sqlite_version_tables_sql,
	.now_expr = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
	.introspect = cdb_sqlite_introspect,
	.load_models = cdb_sqlite_load_models,
	.open_scratch = sqlite_open_scratch,
	.render = cdb_sqlite_render,
};
