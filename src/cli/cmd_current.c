/* cmd_current.c - cdb current [-v]: the revision(s) the database is at */
#include <stdio.h>
#include <stdlib.h>

#include "revfmt.h"

int cmd_current(int argc, char **argv, struct cdb_cli *cli)
{
	bool verbose = false;
	const struct cli_option opts[] = {
		{ 'v', "verbose", CLI_OPT_FLAG, &verbose },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_buf line = CDB_BUF_INIT;
	json_t *arr = NULL;
	char **pos = NULL;
	int npos, status, rc;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0 || (rc = cli_current_rows(cli, &g, &rows)) < 0)
		goto fail;
	if (cli->format == CLI_FORMAT_JSON)
		arr = json_array();
	for (size_t i = 0; i < rows.n; i++) {
		const struct cdb_revision *r = cdb_graph_get(&g, rows.v[i]);

		if (arr) {
			json_array_append_new(arr, cli_rev_json(r, true));
			continue;
		}
		cdb_buf_reset(&line);
		if (verbose)
			cli_format_rev_verbose(&line, r, false);
		else
			cli_format_rev(&line, r, REVFMT_HEAD | REVFMT_TREE | (cli->color_out ? REVFMT_COLOR : 0));
		printf("%s\n", line.ptr);
	}
	if (arr && (rc = cli_print_json(arr)) < 0)
		goto fail;
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cdb_buf_release(&line);
	cdb_strv_release(&rows);
	cdb_graph_release(&g);
	free(pos);
	return status;
}
