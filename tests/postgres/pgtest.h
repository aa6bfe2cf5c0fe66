/*
 * pgtest.h - helpers for the PostgreSQL tests
 *
 * The tests need a server whose superuser URL is in CDB_TEST_PG_URL
 * (scripts/pgtmp starts one). Without it they skip, except when CI is set:
 * then a missing server is a failure, so CI cannot go green by skipping.
 * Every test works in a database of its own, created and dropped here.
 */
#ifndef CDB_PGTEST_H
#define CDB_PGTEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/config.h"
#include "cdb/dialect.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "cdb/schema.h"

/* The server's admin URL, or skip/fail as described above. */
static inline const char *pgtest_admin_url(void)
{
	const char *url = getenv("CDB_TEST_PG_URL");

	if (url && *url)
		return url;
	if (getenv("CI"))
		cr_assert_fail("CDB_TEST_PG_URL is not set with CI set; run the suite through scripts/pgtmp");
	cr_skip_test("CDB_TEST_PG_URL is not set (run through scripts/pgtmp)");
	return NULL;
}

/* `url` with its database replaced by `db` (malloc'ed). */
static inline char *pgtest_url_with_db(const char *url, const char *db)
{
	const char *q = strchr(url, '?');
	const char *end = q ? q : url + strlen(url);
	const char *slash = end;
	const char *host = strstr(url, "://");

	while (slash > url && *slash != '/')
		slash--;
	if (host && slash < host + 3)
		slash = end;
	return xasprintf("%.*s/%s%s", (int)(slash - url), url, db, q ? q : "");
}

static inline void pgtest_config(struct cdb_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->version_table = (char *)"cdb_version";
	cfg->history_table = (char *)"cdb_history";
	cfg->lock_timeout = 5;
	cfg->dir = (char *)"/nonexistent";
}

static inline struct cdb_db *pgtest_open(const char *url, const struct cdb_config *cfg)
{
	struct cdb_db *db = NULL;
	int rc = cdb_db_open(&db, url, cfg);

	cr_assert_eq(rc, 0, "cannot open %s: %s", url, cdb_error_message());
	return db;
}

static inline void pgtest_exec(struct cdb_db *db, const char *sql)
{
	int rc = db->vt->exec(db, sql, NULL);

	cr_assert_eq(rc, 0, "exec failed: %s\n%s", cdb_error_message(), sql);
}

static int pgtest_first_cb(void *ctx, int n, const char *const *v)
{
	char **out = ctx;

	if (n > 0 && !*out)
		*out = xstrdup(v[0] ? v[0] : "(null)");
	return 0;
}

/* First column of the first row (malloc'ed), NULL: no row. */
static inline char *pgtest_value(struct cdb_db *db, const char *sql)
{
	char *out = NULL;
	int rc = db->vt->query(db, sql, NULL, 0, pgtest_first_cb, &out);

	cr_assert_eq(rc, 0, "query failed: %s\n%s", cdb_error_message(), sql);
	return out;
}

/* Create a fresh database; returns its URL (malloc'ed). */
static inline char *pgtest_create_db(const char *tag)
{
	static int n;
	struct cdb_config cfg;
	struct cdb_db *admin;
	struct cdb_buf sql = CDB_BUF_INIT;
	char *name = xasprintf("cdbtest_%s_%ld_%d", tag, (long)getpid(), n++);
	char *url;

	pgtest_config(&cfg);
	admin = pgtest_open(pgtest_admin_url(), &cfg);
	cdb_buf_puts(&sql, "DROP DATABASE IF EXISTS ");
	cdb_quote_ident(admin, &sql, name);
	cdb_buf_puts(&sql, "; CREATE DATABASE ");
	cdb_quote_ident(admin, &sql, name);
	pgtest_exec(admin, sql.ptr);
	cdb_db_close(admin);
	cdb_buf_release(&sql);
	url = pgtest_url_with_db(pgtest_admin_url(), name);
	free(name);
	return url;
}

/* Number of databases whose name starts with `prefix`. */
static inline int pgtest_count_dbs(const char *prefix)
{
	struct cdb_config cfg;
	struct cdb_db *admin;
	struct cdb_buf sql = CDB_BUF_INIT;
	char *v;
	int n;

	pgtest_config(&cfg);
	admin = pgtest_open(pgtest_admin_url(), &cfg);
	cdb_buf_puts(&sql, "SELECT count(*) FROM pg_database WHERE starts_with(datname, ");
	cdb_quote_literal(admin, &sql, prefix);
	cdb_buf_puts(&sql, ")");
	v = pgtest_value(admin, sql.ptr);
	n = atoi(v);
	free(v);
	cdb_buf_release(&sql);
	cdb_db_close(admin);
	return n;
}

/* Write `text` into a new temporary file; returns its path (malloc'ed). */
static inline char *pgtest_write_file(const char *text)
{
	char *path = xstrdup("/tmp/cdb-pgtest-XXXXXX.sql");
	int fd = mkstemps(path, 4);
	FILE *f;

	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

#endif
