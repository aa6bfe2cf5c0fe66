/* cmd_heads.c - cdb heads [-v] [--ids]: the revisions nothing follows */
#include <stdio.h>
#include <stdlib.h>

#include "revfmt.h"

int cmd_heads(int argc, char **argv, struct cdb_cli *cli)
{
	bool verbose = false, ids = false;
	const struct cli_option opts[] = {
		{ 'v', "verbose", CLI_OPT_FLAG, &verbose },
		{ 0, "ids", CLI_OPT_FLAG, &ids },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
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
	if ((rc = cli_graph(cli, &g)) < 0) {
		/* --ids feeds shell completion: outside a project it prints nothing. */
		if (ids && rc == CDB_ENOTFOUND) {
			status = CDB_EXIT_OK;
			goto done;
		}
		goto fail;
	}
	if (cli->format == CLI_FORMAT_JSON)
		arr = json_array();
	for (size_t i = 0; i < g.nheads; i++) {
		const struct cdb_revision *r = g.heads[i];

		if (arr) {
			json_array_append_new(arr, cli_rev_json(r, false));
			continue;
		}
		cdb_buf_reset(&line);
		if (ids)
			cdb_buf_puts(&line, r->id);
		else if (verbose)
			cli_format_rev_verbose(&line, r, false);
		else
			cli_format_rev(&line, r, REVFMT_LABELS | REVFMT_HEAD | (cli->color_out ? REVFMT_COLOR : 0));
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
	cdb_graph_release(&g);
	free(pos);
	return status;
}
