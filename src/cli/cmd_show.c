/* cmd_show.c - cdb show REV: one revision in full */
#include <stdio.h>
#include <stdlib.h>

#include "gitinfo.h"
#include "revfmt.h"

int cmd_show(int argc, char **argv, struct cdb_cli *cli)
{
	const struct cli_option opts[] = { { 0, NULL, 0, NULL } };
	struct cdb_graph g;
	struct cdb_buf out = CDB_BUF_INIT;
	struct cli_git_origins origins = { CDB_ARENA_INIT, NULL, 0 };
	const struct cdb_config *cfg;
	struct cdb_revision *r;
	char **pos = NULL;
	int npos, status, rc;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos != 1) {
		status = npos ? cli_usage_error(cli, "one revision at a time") : cli_usage_error(cli, "name a revision");
		goto done;
	}
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0 || (rc = cdb_graph_lookup(&r, &g, pos[0])) < 0)
		goto fail;
	if (!r) {
		rc = cdb_error_set(CDB_EINVALID, "'%s' is not a revision", pos[0]);
		goto fail;
	}
	if ((rc = cdb_revision_load_body(r, &g.arena)) < 0)
		goto fail;
	if (cli->format == CLI_FORMAT_JSON) {
		json_t *o = cli_rev_json(r, false);
		json_object_set_new(o, "checksum", json_string(r->checksum));
		json_object_set_new(o, "upgrade", json_string(r->upgrade_sql));
		json_object_set_new(o, "downgrade", json_string(r->downgrade_sql));
		if ((rc = cli_print_json(o)) < 0)
			goto fail;
	} else {
		if (cli_config(cli, &cfg) == 0)
			cli_git_origins_load(&origins, cfg, &g);
		cli_format_rev_verbose_git(&out, r, false, &origins);
		cdb_buf_printf(&out, "\nChecksum: %s\n\n-- +cdb upgrade\n%s\n-- +cdb downgrade\n%s\n", r->checksum,
		               r->upgrade_sql, r->downgrade_sql);
		cdb_buf_rtrim(&out);
		printf("%s\n", out.ptr);
	}
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cli_git_origins_release(&origins);
	cdb_buf_release(&out);
	cdb_graph_release(&g);
	free(pos);
	return status;
}
