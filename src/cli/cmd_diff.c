/*
 * cmd_diff.c - cdb diff: print the upgrade SQL that `cdb migrate` would
 * write for the difference between the database and the models; writes
 * nothing and changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "autogen.h"

int cmd_diff(int argc, char **argv, struct cdb_cli *cli)
{
	const struct cli_option opts[] = { { 0, NULL, 0, NULL } };
	struct cli_autogen ag;
	struct cdb_buf up = CDB_BUF_INIT, down = CDB_BUF_INIT;
	struct cdb_db *db;
	char **pos = NULL;
	int npos, status, rc;

	cli_autogen_init(&ag);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	if ((rc = cli_autogen_compute(cli, &ag, false)) < 0 || (rc = cli_db(cli, false, &db)) < 0)
		goto fail;
	if (cdb_diff_empty(&ag.diff)) {
		if (!cli->quiet)
			fprintf(stderr, "No changes detected\n");
		status = CDB_EXIT_OK;
		goto done;
	}
	if ((rc = db->vt->render(&up, &down, &ag.diff)) < 0)
		goto fail;
	fputs(up.ptr, stdout);
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cdb_buf_release(&up);
	cdb_buf_release(&down);
	cli_autogen_release(&ag);
	free(pos);
	return status;
}
