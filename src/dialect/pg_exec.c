/*
 * pg_exec.c - running SQL on PostgreSQL: scripts split into statements,
 * queries with parameters, and cdb's own statements
 *
 * Scripts are split into statements here (quotes, dollar quotes, comments
 * and BEGIN ATOMIC bodies respected) and sent one at a time with the
 * simple-query protocol. That gives the failing statement and its line even
 * when the server reports no error position, keeps PQexec from wrapping a
 * multi-statement string in an implicit transaction of its own, and lets
 * `transaction: none` revisions run statements such as CREATE INDEX
 * CONCURRENTLY that refuse any transaction block.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "pg_db_priv.h"

/* ------------------------------------------------------------- statements */

bool pg_is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '$' || (unsigned char)c >= 0x80;
}

bool pg_word_is(const char *w, size_t n, const char *kw)
{
	return strlen(kw) == n && strncasecmp(w, kw, n) == 0;
}

/* End of the (possibly nested) block comment that starts at `p`. */
const char *pg_skip_block_comment(const char *p)
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
size_t pg_statement_length(const char *s)
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
			p = pg_skip_block_comment(p);
		} else if (*p == '\'') {
			/* E'' strings allow backslash escapes; others only '' */
			bool esc = p > s && (p[-1] == 'E' || p[-1] == 'e') && (p - 1 == s || !pg_is_ident_char(p[-2]));

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
		} else if (*p == '$' && (p == s || !pg_is_ident_char(p[-1]))) {
			/* dollar quote: $tag$ ... $tag$ (tag: identifier without $) */
			const char *t = p + 1;

			while (*t && *t != '$' && pg_is_ident_char(*t) && !(*t >= '0' && *t <= '9' && t == p + 1))
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
		} else if (pg_is_ident_char(*p) && !(*p >= '0' && *p <= '9')) {
			const char *w = p;
			size_t n;

			while (*p && pg_is_ident_char(*p))
				p++;
			n = (size_t)(p - w);
			if (nwords < 4 && (pg_word_is(w, n, "function") || pg_word_is(w, n, "procedure")))
				routine = true;
			nwords++;
			if (routine && (pg_word_is(w, n, "begin") || pg_word_is(w, n, "case")))
				depth++;
			else if (routine && pg_word_is(w, n, "end") && depth > 0)
				depth--;
		} else {
			p++;
		}
	}
	return (size_t)(p - s);
}

/* True when the text holds only whitespace and comments. */
bool pg_blank_sql(const char *s, size_t n)
{
	const char *e = s + n;

	while (s < e) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == ';') {
			s++;
		} else if (s + 1 < e && s[0] == '-' && s[1] == '-') {
			while (s < e && *s != '\n')
				s++;
		} else if (s + 1 < e && s[0] == '/' && s[1] == '*') {
			s = pg_skip_block_comment(s);
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

int pg_run_one(struct pg_db *db, const char *stmt, PGresult **failed)
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
	return pg_set_result_error(res, db->conn);
}

/*
 * Run `sql` statement by statement. On failure the message is the server's
 * and `err` gets the line (1-based within `sql`, of the error position when
 * the server gives one, else of the statement's first line) and the text.
 */
int pg_exec_script(struct pg_db *db, const char *sql, struct cdb_exec_error *err)
{
	const char *p = sql;
	int line = 1;
	int rc = 0;

	while (*p) {
		size_t n = pg_statement_length(p);
		PGresult *failed = NULL;
		char *stmt;
		const char *lead;

		if (pg_blank_sql(p, n)) {
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
				lead = pg_skip_block_comment(lead);
			} else {
				break;
			}
		}
		line += count_lines(p, (size_t)(lead - p));
		n -= (size_t)(lead - p);
		p = lead;
		stmt = xstrndup(p, n);
		rc = pg_run_one(db, stmt, &failed);
		if (rc == 0)
			rc = pg_check_signalled();
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
int pg_flush_pending(struct pg_db *db)
{
	PGresult *failed = NULL;
	int rc;

	if (!db->pending.len)
		return 0;
	rc = pg_run_one(db, db->pending.ptr, &failed);
	PQclear(failed);
	cdb_buf_reset(&db->pending);
	return rc;
}

int pg_exec(struct cdb_db *base, const char *sql, struct cdb_exec_error *err)
{
	struct pg_db *db = pg_of(base);
	int rc = pg_flush_pending(db);

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
		return pg_exec_script(db, sql, err);
	cdb_buf_puts(&db->pending, sql);
	cdb_buf_puts(&db->pending, ";\n");
	return 0;
}

/* Hand the rows of `res` to `cb`. */
int pg_pass_rows(const PGresult *res, cdb_row_cb cb, void *ctx)
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
	int rc = pg_flush_pending(db);

	if (rc)
		return rc;
	if (db->base.echo)
		cdb_log(CDB_LOG_SQL, "%s", sql);
	res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
		if (res && PQresultStatus(res) == PGRES_COMMAND_OK)
			goto done;
		rc = pg_set_result_error(res, db->conn);
		goto done;
	}
	if (cb)
		rc = pg_pass_rows(res, cb, ctx);
done:
	PQclear(res);
	if (rc == 0)
		rc = pg_check_signalled();
	return rc;
}

int pg_query_vt(struct cdb_db *base, const char *sql, const char *const *params, int nparams,
                       cdb_row_cb cb, void *ctx)
{
	return pg_query(pg_of(base), sql, params, nparams, cb, ctx);
}

/* A statement cdb itself builds; errors carry the server's message. */
int pg_run_sql(struct pg_db *db, const char *sql)
{
	PGresult *failed = NULL;
	int rc = pg_run_one(db, sql, &failed);

	PQclear(failed);
	return rc;
}
