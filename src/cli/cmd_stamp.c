/*
 * cmd_stamp.c - cdb stamp [--sql] [--purge] REV...
 *
 * Records revisions in the version table without running their SQL: for a
 * database created by other means, or, with --purge, to recover from a
 * version table naming a revision no file defines.
 */
#include <stdio.h>
#include <stdlib.h>

#include "revfmt.h"

int cmd_stamp(int argc, char **argv, struct cdb_cli *cli)
{
	bool sql = false, purge = false;
	const struct cli_option opts[] = {
		{ 0, "sql", CLI_OPT_FLAG, &sql },
		{ 0, "purge", CLI_OPT_FLAG, &purge },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
	struct cdb_buf out = CDB_BUF_INIT;
	const struct cdb_config *cfg;
	const struct cdb_dialect *d;
	struct cdb_db *db;
	char **pos = NULL;
	int npos, status, rc;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos == 0) {
		status = cli_usage_error(cli, "name the revision(s) to stamp (or 'base', 'head', 'heads')");
		goto done;
	}
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0)
		goto fail;
	/*
	 * Resolve the revisions offline first (the script starts from an empty
	 * version table, as Alembic's --sql does), so that a bad name leaves no
	 * database file and no version table behind.
	 */
	if ((rc = cli_config(cli, &cfg)) < 0 || (rc = cli_dialect(cli, &d)) < 0)
		goto fail;
	rc = cdb_runner_stamp_script(&out, d, cfg, &g, NULL, 0, (const char *const *)pos, (size_t)npos, purge);
	if (rc < 0)
		goto fail;
	if (sql) {
		fputs(out.ptr, stdout);
		status = CDB_EXIT_OK;
		goto done;
	}
	if ((rc = cli_db(cli, true, &db)) < 0)
		goto fail;
	if ((rc = cdb_runner_stamp(db, &g, (const char *const *)pos, (size_t)npos, purge)) < 0)
		goto fail;
	if (!cli->quiet) {
		struct cdb_strv rows = CDB_STRV_INIT;

		if (cdb_runner_current(&rows, db) == 0) {
			printf("stamped: the database is now at ");
			if (rows.n == 0)
				printf("base");
			for (size_t i = 0; i < rows.n; i++)
				printf("%s%s", i ? ", " : "", rows.v[i]);
			printf("\n");
		}
		cdb_strv_release(&rows);
	}
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cdb_buf_release(&out);
	cdb_graph_release(&g);
	free(pos);
	return status;
}
