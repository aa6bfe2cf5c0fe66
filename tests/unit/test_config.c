/* test_config.c - cdb.ini parsing, discovery, URL precedence and relative paths */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/path.h"

static char tmpdir[] = "/tmp/cdb-test-config-XXXXXX";

static void setup(void)
{
	cr_assert_not_null(mkdtemp(tmpdir));
	unsetenv("CDB_DATABASE_URL");
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(config, .init = setup, .fini = teardown);

/* Write `text` to tmpdir/rel, making directories; returns the absolute path. */
static char *put(const char *rel, const char *text)
{
	char *path = cdb_path_join(tmpdir, rel), *dir = cdb_path_dirname(path);

	cr_assert_eq(cdb_path_mkdirs(dir), 0);
	cr_assert_eq(cdb_path_write_atomic(path, text, strlen(text), false), 0);
	free(dir);
	return path;
}

static char *in_tmp(const char *rel)
{
	return cdb_path_join(tmpdir, rel);
}

Test(config, defaults_and_discovery_from_a_subdirectory)
{
	struct cdb_config c;
	char *ini = put("proj/cdb.ini", "[cdb]\n"), *sub = in_tmp("proj/src/deep");
	char *want;

	cr_assert_eq(cdb_path_mkdirs(sub), 0);
	cr_assert_eq(chdir(sub), 0);
	cr_assert_eq(cdb_config_load(&c, NULL, NULL), 0, "%s", cdb_error_message());
	cr_assert_str_eq(c.file, ini);
	want = in_tmp("proj");
	cr_assert_str_eq(c.dir, want);
	free(want);
	want = in_tmp("proj/models");
	cr_assert_str_eq(c.models_dir, want);
	free(want);
	want = in_tmp("proj/migrations/versions");
	cr_assert_str_eq(c.versions_dir, want);
	free(want);
	want = in_tmp("proj/migrations/script.sql.tmpl");
	cr_assert_str_eq(c.template_file, want);
	free(want);
	want = xasprintf("sqlite:///%s/proj/app.db", tmpdir);
	cr_assert_str_eq(c.database_url, want);
	free(want);
	cr_assert_str_eq(c.database_url_source, "default");
	cr_assert_str_eq(c.version_table, "cdb_version");
	cr_assert_str_eq(c.history_table, "cdb_history");
	cr_assert_str_eq(c.file_template, "%(rev)s_%(slug)s");
	cr_assert_eq(c.truncate_slug_length, 40);
	cr_assert_eq(c.lock_timeout, 60);
	cr_assert_eq(c.transaction, CDB_TX_PER_REVISION);
	cr_assert_null(c.exclude);
	cdb_config_release(&c);
	free(ini);
	free(sub);
}

Test(config, every_key)
{
	struct cdb_config c;
	char *ini = put("cdb.ini",
	                "# comment\n[cdb]\ndatabase_url = sqlite:///data/app.db\nmodels = schema\n"
	                "migrations = db/migrations\nversion_table = vt\nhistory_table = ht\n"
	                "exclude = tmp_*, audit\nschemas = public,app\nshadow_url = postgresql:///shadow\n"
	                "file_template = %(year)d_%(rev)s\ntruncate_slug_length = 20\nlock_timeout = 5\n"
	                "transaction = all\n");
	char *want;

	cr_assert_eq(cdb_config_load(&c, ini, NULL), 0, "%s", cdb_error_message());
	want = xasprintf("sqlite:///%s/data/app.db", tmpdir);
	cr_assert_str_eq(c.database_url, want);
	free(want);
	cr_assert_str_eq(c.database_url_given, "sqlite:///data/app.db");
	cr_assert_str_eq(c.database_url_source, "cdb.ini");
	want = in_tmp("schema");
	cr_assert_str_eq(c.models_dir, want);
	free(want);
	want = in_tmp("db/migrations/versions");
	cr_assert_str_eq(c.versions_dir, want);
	free(want);
	cr_assert_str_eq(c.version_table, "vt");
	cr_assert_str_eq(c.history_table, "ht");
	cr_assert_str_eq(c.exclude, "tmp_*, audit");
	cr_assert_str_eq(c.schemas, "public,app");
	cr_assert_str_eq(c.shadow_url, "postgresql:///shadow");
	cr_assert_str_eq(c.file_template, "%(year)d_%(rev)s");
	cr_assert_eq(c.truncate_slug_length, 20);
	cr_assert_eq(c.lock_timeout, 5);
	cr_assert_eq(c.transaction, CDB_TX_ALL);
	cdb_config_release(&c);
	free(ini);
}

Test(config, explicit_file_from_elsewhere_resolves_against_its_directory)
{
	struct cdb_config c;
	char *ini = put("other/cdb.ini", "[cdb]\nmodels = m\ndatabase_url = sqlite:///x.db\n");
	char *want = in_tmp("other/m"), *url = xasprintf("sqlite:///%s/other/x.db", tmpdir);

	cr_assert_eq(chdir("/"), 0);
	cr_assert_eq(cdb_config_load(&c, ini, NULL), 0, "%s", cdb_error_message());
	cr_assert_str_eq(c.models_dir, want);
	cr_assert_str_eq(c.database_url, url);
	cdb_config_release(&c);
	free(want);
	free(url);
	free(ini);
}

Test(config, precedence_flag_env_file_default)
{
	struct cdb_config c;
	char *ini = put("p/cdb.ini", "[cdb]\ndatabase_url = postgresql://u:secret@h/file\n");
	char *sub = in_tmp("p/sub"), *want;

	cr_assert_eq(cdb_path_mkdirs(sub), 0);
	cr_assert_eq(chdir(sub), 0);
	cr_assert_eq(cdb_config_load(&c, NULL, NULL), 0);
	cr_assert_str_eq(c.database_url, "postgresql://u:secret@h/file");
	cr_assert_str_eq(c.database_url_source, "cdb.ini");
	cdb_config_release(&c);

	/* the environment beats the file; its relative path is taken from the cwd */
	setenv("CDB_DATABASE_URL", "sqlite:///env.db", 1);
	cr_assert_eq(cdb_config_load(&c, NULL, NULL), 0);
	want = xasprintf("sqlite:///%s/p/sub/env.db", tmpdir);
	cr_assert_str_eq(c.database_url, want);
	free(want);
	cr_assert_str_eq(c.database_url_source, "CDB_DATABASE_URL");
	cdb_config_release(&c);

	/* -d beats both */
	cr_assert_eq(cdb_config_load(&c, NULL, "sqlite:///flag.db"), 0);
	want = xasprintf("sqlite:///%s/p/sub/flag.db", tmpdir);
	cr_assert_str_eq(c.database_url, want);
	free(want);
	cr_assert_str_eq(c.database_url_source, "--database");
	cdb_config_release(&c);

	cr_assert_eq(cdb_config_load(&c, NULL, "sqlite://"), 0);
	cr_assert_str_eq(c.database_url, "sqlite://");
	cdb_config_release(&c);
	free(sub);
	free(ini);
}

Test(config, no_config_hints_init)
{
	struct cdb_config c;
	char *empty = in_tmp("empty");

	cr_assert_eq(cdb_path_mkdirs(empty), 0);
	cr_assert_eq(chdir(empty), 0);
	/* (a stray /tmp/cdb.ini or /cdb.ini would be found and fail this test) */
	cr_assert_eq(cdb_config_load(&c, NULL, NULL), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "cdb.ini"));
	cr_assert(strstr(cdb_error_hint_at(0), "cdb init"));

	cr_assert_eq(cdb_config_load(&c, "missing.ini", NULL), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "missing.ini"));
	free(empty);
}

static void load_fails(const char *text, const char *needle)
{
	struct cdb_config c;
	char *ini = put("bad/cdb.ini", text);

	cr_assert_eq(cdb_config_load(&c, ini, NULL), CDB_EINVALID, "accepted: %s", text);
	cr_assert(strstr(cdb_error_message(), needle), "'%s' not in '%s'", needle, cdb_error_message());
	cr_assert(strstr(cdb_error_message(), ini), "no file name in '%s'", cdb_error_message());
	free(ini);
}

Test(config, malformed_files_name_file_and_line)
{
	load_fails("[cdb]\nmodels = m\ncolour = blue\n", "cdb.ini:3: unknown key 'colour'");
	load_fails("[cdb]\n[alembic]\nscript_location = x\n", "cdb.ini:3: unknown section '[alembic]'");
	load_fails("[cdb]\n\n[empty]\n", "cdb.ini:3: unknown section '[empty]'");
	load_fails("[cdb]\nthis is not ini\n", "cdb.ini:2:");
	load_fails("[cdb]\nlock_timeout = soon\n", "cdb.ini:2: lock_timeout 'soon'");
	load_fails("[cdb]\ntransaction = sometimes\n", "cdb.ini:2: transaction 'sometimes'");
	load_fails("models = m\n", "cdb.ini:1:");
	load_fails("[cdb]\ndatabase_url = mysql://root:pw@h/db\n", "'mysql'");
}

Test(config, bad_url_scheme_lists_accepted)
{
	struct cdb_config c;
	char *ini = put("cdb.ini", "[cdb]\n");

	cr_assert_eq(cdb_config_load(&c, ini, "oracle://x"), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "'oracle'"));
	cr_assert(strstr(cdb_error_hint_at(0), "postgresql"));
	free(ini);
}
