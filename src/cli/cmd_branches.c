/* cmd_branches.c - cdb branches [-v]: branch points and where they lead */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revfmt.h"

int cmd_branches(int argc, char **argv, struct cdb_cli *cli)
{
	bool verbose = false;
	const struct cli_option opts[] = {
		{ 'v', "verbose", CLI_OPT_FLAG, &verbose },
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
	if ((rc = cli_graph(cli, &g)) < 0)
		goto fail;
	if (cli->format == CLI_FORMAT_JSON)
		arr = json_array();
	for (size_t i = 0; i < g.nrevs; i++) {
		const struct cdb_revision *r = g.revs[i];

		if (!cdb_revision_is_branch_point(r))
			continue;
		if (arr) {
			json_t *o = cli_rev_json(r, false), *kids = json_array();
			for (size_t k = 0; k < r->nchildren; k++)
				json_array_append_new(kids, json_string(r->children[k]->id));
			json_object_set_new(o, "children", kids);
			json_array_append_new(arr, o);
			continue;
		}
		cdb_buf_reset(&line);
		if (verbose)
			cli_format_rev_verbose(&line, r, false);
		else
			cli_format_rev(&line, r, REVFMT_LABELS | REVFMT_HEAD | REVFMT_TREE | (cli->color_out ? REVFMT_COLOR : 0));
		printf("%s\n", line.ptr);
		for (size_t k = 0; k < r->nchildren; k++) {
			cdb_buf_reset(&line);
			cli_format_rev(&line, r->children[k],
			               REVFMT_LABELS | REVFMT_HEAD | REVFMT_TREE | (verbose ? REVFMT_MESSAGE : 0) |
			                   (cli->color_out ? REVFMT_COLOR : 0));
			printf("%*s -> %s\n", (int)strlen(r->id), "", line.ptr);
		}
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
