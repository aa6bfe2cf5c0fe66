/* test_models.c - model file listing and rename hints */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/models.h"

static char tmpdir[] = "/tmp/cdb-test-models-XXXXXX";

static void setup(void)
{
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

static void write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

TestSuite(models, .init = setup, .fini = teardown);

Test(models, hints_of_both_kinds)
{
	struct cdb_rename_hints h;

	cdb_rename_hints_init(&h);
	cr_assert_eq(cdb_rename_hints_scan(&h, "m.sql",
	                                   "CREATE TABLE users (id INTEGER);\n"
	                                   "-- cdb: rename table accounts to users\n"
	                                   "  --  CDB: Rename Column users.mail TO email;\n"
	                                   "-- an ordinary comment about cdb: nothing\n"
	                                   "-- cdb: rename column \"Event Venues\".\"Old Name\" to \"New Name\"\n"
	                                   "-- cdb: rename table billing.invoice to invoices\n"), 0);
	cr_assert_eq(h.n, 4);
	cr_assert_eq(h.items[0].kind, CDB_RENAME_TABLE);
	cr_assert_str_eq(h.items[0].from, "accounts");
	cr_assert_str_eq(h.items[0].to, "users");
	cr_assert_null(h.items[0].table);
	cr_assert_null(h.items[0].schema);
	cr_assert_eq(h.items[0].line, 2);
	cr_assert_str_eq(h.items[0].file, "m.sql");
	cr_assert_eq(h.items[1].kind, CDB_RENAME_COLUMN);
	cr_assert_str_eq(h.items[1].table, "users");
	cr_assert_str_eq(h.items[1].from, "mail");
	cr_assert_str_eq(h.items[1].to, "email");
	cr_assert_eq(h.items[1].line, 3);
	cr_assert_str_eq(h.items[2].table, "Event Venues");
	cr_assert_str_eq(h.items[2].from, "Old Name");
	cr_assert_str_eq(h.items[2].to, "New Name");
	cr_assert_str_eq(h.items[3].schema, "billing");
	cr_assert_str_eq(h.items[3].from, "invoice");
	cdb_rename_hints_release(&h);
}

Test(models, malformed_hint_names_file_and_line)
{
	struct cdb_rename_hints h;

	cdb_rename_hints_init(&h);
	cr_assert_eq(cdb_rename_hints_scan(&h, "models/a.sql", "\n\n-- cdb: rename colum users.a to b\n"),
	             CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "models/a.sql:3:"), "%s", cdb_error_message());
	cr_assert_gt(cdb_error_nhints(), 0);
	cr_assert_eq(cdb_rename_hints_scan(&h, "b.sql", "-- cdb: rename column users to b\n"), CDB_EINVALID);
	cr_assert_eq(cdb_rename_hints_scan(&h, "c.sql", "-- cdb: rename table a to b extra\n"), CDB_EINVALID);
	cr_assert_eq(h.n, 0);
	cdb_rename_hints_release(&h);
}

Test(models, files_sorted_sql_only_with_hints)
{
	struct cdb_models m;
	char *sub = xasprintf("%s/dir.sql", tmpdir);

	write_file("b.sql", "-- cdb: rename table x to y\n");
	write_file("a.sql", "CREATE TABLE a (id INTEGER);\n");
	write_file("notes.txt", "-- cdb: rename table q to r\n");
	write_file(".hidden.sql", "-- cdb: rename table s to t\n");
	write_file("10_c.sql", "-- cdb: rename column y.c to d\n");
	cr_assert_eq(mkdir(sub, 0755), 0);
	cdb_models_init(&m);
	cr_assert_eq(cdb_models_load(&m, tmpdir), 0, "%s", cdb_error_message());
	cr_assert_eq(m.nfiles, 3);
	cr_assert(strstr(m.files[0], "/10_c.sql"));
	cr_assert(strstr(m.files[1], "/a.sql"));
	cr_assert(strstr(m.files[2], "/b.sql"));
	cr_assert_eq(m.hints.n, 2);
	cr_assert_eq(m.hints.items[0].kind, CDB_RENAME_COLUMN);
	cr_assert_eq(m.hints.items[1].kind, CDB_RENAME_TABLE);
	cdb_models_release(&m);
	free(sub);
}

Test(models, missing_directory)
{
	struct cdb_models m;
	char *dir = xasprintf("%s/nope", tmpdir);

	cdb_models_init(&m);
	cr_assert_eq(cdb_models_load(&m, dir), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "nope"));
	cr_assert_gt(cdb_error_nhints(), 0);
	cdb_models_release(&m);
	free(dir);
}

Test(models, empty_directory_is_an_empty_schema)
{
	struct cdb_models m;

	cdb_models_init(&m);
	cr_assert_eq(cdb_models_load(&m, tmpdir), 0);
	cr_assert_eq(m.nfiles, 0);
	cdb_models_release(&m);
}
