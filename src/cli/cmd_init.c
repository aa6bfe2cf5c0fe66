/*
 * cmd_init.c - cdb init [--database URL] [DIR]
 *
 * Creates a project: a commented cdb.ini, models/ with an example,
 * migrations/versions/ and migrations/script.sql.tmpl. cdb.ini is written
 * last, so an init that fails half-way can simply be run again, and an
 * existing cdb.ini makes init refuse before anything is touched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "cdb/template.h"
#include "cli.h"

#define DEFAULT_URL "sqlite:///app.db"

/* Write embedded file `name` as `path` unless a file is already there. */
static int write_new(const char *path, const char *data, bool *created)
{
	int rc;

	*created = false;
	if (cdb_path_exists(path))
		return 0;
	rc = cdb_path_write_atomic(path, data, strlen(data), true);
	if (rc < 0)
		return rc;
	*created = true;
	return 0;
}

int cmd_init(int argc, char **argv, struct cdb_cli *cli)
{
	const char *url = NULL;
	const struct cli_option opts[] = {
		{ 0, "database", CLI_OPT_STRING, &url },
		{ 0, NULL, 0, NULL },
	};
	const char *keys[] = { "database_url" };
	const char *values[1];
	struct cdb_buf ini = CDB_BUF_INIT;
	struct cdb_url parsed;
	char **pos = NULL;
	char *dir = NULL, *ini_path = NULL, *models = NULL, *example = NULL, *migrations = NULL,
	     *versions = NULL, *tmpl = NULL;
	bool created_example = false, created_tmpl = false;
	int npos, status, rc;

	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		return status;
	if (npos > 1) {
		status = cli_usage_error(cli, "too many arguments");
		goto done;
	}
	/* `cdb -d URL init` means the same as `cdb init --database URL`. */
	if (!url)
		url = cli->database_url ? cli->database_url : DEFAULT_URL;
	rc = cdb_url_parse(&parsed, url, NULL);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	cdb_url_release(&parsed);

	dir = cdb_path_absolute(npos ? pos[0] : ".", NULL);
	if (!dir) {
		cdb_error_set(CDB_ERROR, "cannot read the current directory");
		status = cli_fail(CDB_ERROR);
		goto done;
	}
	ini_path = cdb_path_join(dir, "cdb.ini");
	if (cdb_path_exists(ini_path)) {
		cdb_error_set(CDB_EEXISTS, "'%s' already exists", cdb_path_display(ini_path));
		cdb_error_hint("this directory already holds a cdb project; edit its cdb.ini instead");
		status = cli_fail(CDB_EEXISTS);
		goto done;
	}
	values[0] = url;
	rc = cdb_template_expand(&ini, cdb_template_get("cdb.ini"), keys, values, 1);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}

	models = cdb_path_join(dir, "models");
	example = cdb_path_join(models, "example.sql");
	migrations = cdb_path_join(dir, "migrations");
	versions = cdb_path_join(migrations, "versions");
	tmpl = cdb_path_join(migrations, "script.sql.tmpl");
	if ((rc = cdb_path_mkdirs(models)) < 0 || (rc = cdb_path_mkdirs(versions)) < 0 ||
	    (rc = write_new(example, cdb_template_get("example.sql"), &created_example)) < 0 ||
	    (rc = write_new(tmpl, cdb_template_get("script.sql.tmpl"), &created_tmpl)) < 0 ||
	    (rc = cdb_path_write_atomic(ini_path, ini.ptr, ini.len, true)) < 0) {
		status = cli_fail(rc);
		goto done;
	}

	if (!cli->quiet) {
		printf("initialized a cdb project in %s\n", dir);
		char *masked = cdb_url_mask(url);
		printf("  cdb.ini                     database_url = %s\n", masked);
		free(masked);
		printf("  models/%s\n", created_example ? "example.sql" : "");
		printf("  migrations/versions/\n");
		printf("  migrations/script.sql.tmpl%s\n", created_tmpl ? "" : " (kept)");
		printf("next: declare your tables in models/*.sql, then run 'cdb migrate -m \"create tables\"'\n");
	}
	status = CDB_EXIT_OK;
done:
	cdb_buf_release(&ini);
	free(dir);
	free(ini_path);
	free(models);
	free(example);
	free(migrations);
	free(versions);
	free(tmpl);
	free(pos);
	return status;
}
