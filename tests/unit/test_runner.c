/* test_runner.c - applying plans to a real SQLite database: rows, history, failures, --sql, stamp */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/dialect.h"
#include "cdb/error.h"
#include "cdb/graph.h"
#include "cdb/path.h"
#include "cdb/runner.h"

static char tmpdir[] = "/tmp/cdb-test-runner-XXXXXX";
static struct cdb_config cfg;
static struct cdb_graph g;
static struct cdb_db *db;

static void setup(void)
{
	char *url;

	cr_assert_not_null(mkdtemp(tmpdir));
	cdb_config_defaults(&cfg, tmpdir);
	cr_assert_eq(cdb_path_mkdirs(cfg.versions_dir), 0);
	url = xasprintf("sqlite:///%s/app.db", tmpdir);
	free(cfg.database_url);
	cfg.database_url = url;
	cr_assert_eq(cdb_db_open(&db, cfg.database_url, &cfg), 0, "%s", cdb_error_message());
	cdb_graph_init(&g);
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	cdb_db_close(db);
	cdb_graph_release(&g);
	cdb_config_release(&cfg);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(runner, .init = setup, .fini = teardown);

/* Write revision `id` (parents `down`) with the given SQL, then reload the graph. */
static void rev(const char *id, const char *down, const char *extra, const char *up, const char *dn)
{
	char *name = xasprintf("%s.sql", id), *path = cdb_path_join(cfg.versions_dir, name);
	char *text = xasprintf("-- cdb revision\n-- revision: %s\n-- down_revision: %s\n-- message: %s\n%s\n"
	                       "-- +cdb upgrade\n%s\n-- +cdb downgrade\n%s\n",
	                       id, down, id, extra ? extra : "", up, dn);

	cr_assert_eq(cdb_path_write_atomic(path, text, strlen(text), false), 0);
	free(text);
	free(path);
	free(name);
}

static void load(void)
{
	cdb_graph_release(&g);
	cr_assert_eq(cdb_graph_load(&g, cfg.versions_dir), 0, "%s", cdb_error_message());
}

static char *rows(void)
{
	struct cdb_strv v = CDB_STRV_INIT;
	struct cdb_buf b = CDB_BUF_INIT;

	cr_assert_eq(cdb_runner_current(&v, db), 0, "%s", cdb_error_message());
	for (size_t i = 0; i < v.n; i++)
		cdb_buf_printf(&b, "%s%s", i ? " " : "", v.v[i]);
	cdb_strv_release(&v);
	return cdb_buf_detach(&b);
}

static void rows_are(const char *want)
{
	char *got = rows();

	cr_assert_str_eq(got, want);
	free(got);
}

static int first_int_cb(void *ctx, int n, const char *const *v)
{
	*(int *)ctx = n > 0 && v[0] ? atoi(v[0]) : -1;
	return 0;
}

static int scalar(const char *sql)
{
	int n = -1;

	cr_assert_eq(db->vt->query(db, sql, NULL, 0, first_int_cb, &n), 0, "%s: %s", sql,
	             cdb_error_message());
	return n;
}

static void linear(void)
{
	rev("r1", "", NULL, "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
	rev("r2", "r1", NULL, "CREATE TABLE b (id INTEGER PRIMARY KEY);\nINSERT INTO b VALUES (1);",
	    "DROP TABLE b;");
	rev("r3", "r2", NULL, "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;");
	load();
}

Test(runner, current_without_tables_is_empty_and_creates_nothing)
{
	rows_are("");
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master"), 0);
}

Test(runner, upgrade_downgrade_and_history)
{
	size_t n = 99;
	struct cdb_history_row *h;
	size_t nh;

	linear();
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", &n), 0, "%s", cdb_error_message());
	cr_assert_eq(n, 3);
	rows_are("r3");
	cr_assert_eq(scalar("SELECT count(*) FROM b"), 1);
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", &n), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_DOWN, "-1", &n), 0, "%s", cdb_error_message());
	cr_assert_eq(n, 1);
	rows_are("r2");
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'c'"), 0);
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_DOWN, "base", &n), 0, "%s", cdb_error_message());
	cr_assert_eq(n, 2);
	rows_are("");

	cr_assert_eq(cdb_runner_history(&h, &nh, db), 0, "%s", cdb_error_message());
	cr_assert_eq(nh, 6);
	cr_assert_str_eq(h[0].revision, "r1");
	cr_assert_str_eq(h[0].direction, "up");
	cr_assert_eq(strlen(h[0].checksum), 40);
	cr_assert_str_eq(h[3].revision, "r3");
	cr_assert_str_eq(h[3].direction, "down");
	cr_assert_str_eq(h[5].revision, "r1");
	cr_assert_str_eq(h[5].direction, "down");
	cr_assert_str_eq(h[0].cdb_version, CDB_VERSION);
	cr_assert_neq(h[0].applied_at[0], '\0');
	cdb_history_free(h, nh);
}

Test(runner, failing_statement_names_file_line_and_rolls_back)
{
	char *where;

	rev("r1", "", NULL, "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
	/* header is 5 lines + marker: the upgrade section starts on line 7 */
	rev("r2", "r1", NULL, "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\nINSERT INTO nope VALUES (1);",
	    "DROP TABLE b;");
	load();
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", NULL), CDB_EDB);
	where = xasprintf("%s/r2.sql:9: ", cfg.versions_dir);
	cr_assert(strstr(cdb_error_message(), where), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "nope"));
	cr_assert(strstr(cdb_error_detail_at(0), "INSERT INTO nope"), "%s", cdb_error_detail_at(0));
	free(where);
	/* r1 stays, r2 left no trace */
	rows_are("r1");
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 0);
	cr_assert_eq(scalar("SELECT count(*) FROM cdb_history"), 1);
}

Test(runner, transaction_all_rolls_back_everything)
{
	rev("r1", "", NULL, "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
	rev("r2", "r1", NULL, "INSERT INTO nope VALUES (1);", "");
	load();
	cfg.transaction = CDB_TX_ALL;
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", NULL), CDB_EDB);
	cr_assert(strstr(cdb_error_detail_at(1), "whole run"), "%s", cdb_error_detail_at(1));
	rows_are("");
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'a'"), 0);
}

Test(runner, no_transaction_revision)
{
	size_t n;

	rev("r1", "", "-- transaction: none", "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
	rev("r2", "r1", NULL, "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
	load();
	cr_assert(cdb_graph_get(&g, "r1")->no_transaction);
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", &n), 0, "%s", cdb_error_message());
	cr_assert_eq(n, 2);
	rows_are("r2");
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_DOWN, "base", &n), 0, "%s", cdb_error_message());
	rows_are("");
}

Test(runner, branches_and_merge_rows)
{
	rev("a0", "", NULL, "", "");
	rev("b1", "a0", NULL, "", "");
	rev("b2", "a0", NULL, "", "");
	rev("m0", "b1, b2", NULL, "", "");
	load();
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "b1", NULL), 0, "%s", cdb_error_message());
	rows_are("b1");
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "b2", NULL), 0, "%s", cdb_error_message());
	rows_are("b1 b2");
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", NULL), 0, "%s", cdb_error_message());
	rows_are("m0");
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_DOWN, "-1", NULL), 0, "%s", cdb_error_message());
	rows_are("b1 b2");
}

Test(runner, unknown_row_hints_stamp_purge)
{
	linear();
	cr_assert_eq(cdb_runner_ensure_tables(db), 0);
	cr_assert_eq(db->vt->exec(db, "INSERT INTO cdb_version VALUES ('ghost')", NULL), 0);
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "head", NULL), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "'ghost'"));
	cr_assert(strstr(cdb_error_hint_at(0), "cdb stamp --purge"));
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "r2" }, 1, false), CDB_ENOTFOUND);
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "r2" }, 1, true), 0, "%s", cdb_error_message());
	rows_are("r2");
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "base" }, 1, false), 0);
	rows_are("");
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "head" }, 1, false), 0);
	rows_are("r3");
	/* stamping does not run SQL */
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'a'"), 0);
}

Test(runner, stamp_keeps_unrelated_branches)
{
	rev("a0", "", NULL, "", "");
	rev("b1", "a0", NULL, "", "");
	rev("x0", "", NULL, "", "");
	rev("x1", "x0", NULL, "", "");
	load();
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "b1", "x0" }, 2, false), 0,
	             "%s", cdb_error_message());
	rows_are("b1 x0");
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "x1" }, 1, false), 0);
	rows_are("b1 x1");
	/* an ancestor named with its descendant gets no row */
	cr_assert_eq(cdb_runner_stamp(db, &g, (const char *[]){ "a0,b1" }, 1, true), 0);
	rows_are("b1");
}

Test(runner, sql_script_touches_nothing)
{
	struct cdb_buf out = CDB_BUF_INIT;
	const char *from[] = { "r3" };

	linear();
	cr_assert_eq(cdb_runner_script(&out, db->vt, &cfg, &g, CDB_UP, "head", NULL, 0), 0,
	             "%s", cdb_error_message());
	cr_assert(strstr(out.ptr, "CREATE TABLE IF NOT EXISTS \"cdb_version\""), "%s", out.ptr);
	cr_assert(strstr(out.ptr, "BEGIN;\nCREATE TABLE a"), "%s", out.ptr);
	cr_assert(strstr(out.ptr, "INSERT INTO \"cdb_version\" (version_num) VALUES ('r1');"));
	cr_assert(strstr(out.ptr, "UPDATE \"cdb_version\" SET version_num = 'r3' WHERE version_num = 'r2';"));
	cr_assert(strstr(out.ptr, "INSERT INTO \"cdb_history\""));
	cr_assert(strstr(out.ptr, "COMMIT;"));
	cdb_buf_reset(&out);
	cr_assert_eq(cdb_runner_script(&out, db->vt, &cfg, &g, CDB_DOWN, "r1", from, 1), 0,
	             "%s", cdb_error_message());
	cr_assert(strstr(out.ptr, "DROP TABLE c;"));
	cr_assert(strstr(out.ptr, "DROP TABLE b;"));
	cr_assert_null(strstr(out.ptr, "DROP TABLE a;"));
	cr_assert(strstr(out.ptr, "'down'"));
	cdb_buf_reset(&out);
	cr_assert_eq(cdb_runner_stamp_script(&out, db->vt, &cfg, &g, from, 1,
	                                     (const char *[]){ "r1" }, 1, false), 0);
	cr_assert(strstr(out.ptr, "DELETE FROM \"cdb_version\" WHERE version_num = 'r3';"), "%s", out.ptr);
	cr_assert(strstr(out.ptr, "INSERT INTO \"cdb_version\" (version_num) VALUES ('r1');"));
	cdb_buf_release(&out);
	/* nothing was created */
	cr_assert_eq(scalar("SELECT count(*) FROM sqlite_master"), 0);
}

Test(runner, quoting_of_table_names)
{
	free(cfg.version_table);
	cfg.version_table = xstrdup("odd \"version\" table");
	linear();
	cr_assert_eq(cdb_runner_migrate(db, &g, CDB_UP, "r1", NULL), 0, "%s", cdb_error_message());
	rows_are("r1");
	cr_assert_eq(scalar("SELECT count(*) FROM \"odd \"\"version\"\" table\""), 1);
}
