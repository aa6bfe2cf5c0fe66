/*
 * cmd_migrate.c - cdb migrate -m MSG [--empty] [--rev-id ID] [--check]
 *
 * Autogenerate: diff the database (which must be at head, so the new
 * revision follows what it already has) against the models and write a
 * revision whose upgrade is the diff's operations and whose downgrade is
 * their inverse. Prints one line per operation; destructive ones and
 * possible renames are also reported on stderr. Nothing to do writes
 * nothing, unless --empty asks for a revision anyway (to fill by hand).
 * --check only answers whether there is something to migrate (exit 1)
 * and writes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "autogen.h"
#include "revfmt.h"

static void print_ops(const struct cdb_cli *cli, const struct cdb_diff *d)
{
	struct cdb_buf line = CDB_BUF_INIT;

	for (size_t i = 0; i < d->nops; i++) {
		const struct cdb_op *op = &d->ops[i];

		if (op->dependent)
			continue;
		cdb_buf_reset(&line);
		cdb_op_describe(&line, op);
		if (!cli->quiet)
			printf("  %s\n", line.ptr);
		if (op->destructive)
			cli_warn(cli, "destructive: %s", op->reason);
	}
	cdb_buf_release(&line);
}

int cmd_migrate(int argc, char **argv, struct cdb_cli *cli)
{
	const char *message = NULL, *rev_id = NULL;
	bool empty = false, check = false;
	const struct cli_option opts[] = {
		{ 'm', "message", CLI_OPT_STRING, &message },
		{ 0, "empty", CLI_OPT_FLAG, &empty },
		{ 0, "rev-id", CLI_OPT_STRING, &rev_id },
		{ 0, "check", CLI_OPT_FLAG, &check },
		{ 0, NULL, 0, NULL },
	};
	struct cli_autogen ag;
	struct cdb_graph g;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_buf up = CDB_BUF_INIT, down = CDB_BUF_INIT;
	struct cdb_revision_spec spec = { 0 };
	const struct cdb_config *cfg;
	struct cdb_db *db;
	const char **heads = NULL;
	char **pos = NULL, *path = NULL;
	char id[CDB_REV_ID_MAX + 1];
	size_t pending = 0;
	int npos, status, rc;

	cli_autogen_init(&ag);
	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	if (!message && !check) {
		status = cli_usage_error(cli, "a message is required (-m MSG)");
		goto done;
	}
	if (empty && check) {
		status = cli_usage_error(cli, "--empty and --check cannot be used together");
		goto done;
	}
	if (rev_id && (rc = cdb_revision_check_id(rev_id)) < 0)
		goto fail;
	cdb_graph_release(&g);
	if ((rc = cli_config(cli, &cfg)) < 0 || (rc = cli_graph(cli, &g)) < 0)
		goto fail;
	if (rev_id && cdb_graph_get(&g, rev_id)) {
		rc = cdb_error_set(CDB_EEXISTS, "revision id '%s' is already used by '%s'", rev_id,
		                   cdb_graph_get(&g, rev_id)->file);
		goto fail;
	}
	/* a project's first migrate may come before its database exists (Alembic creates it too) */
	if ((rc = cli_db(cli, !check, &db)) < 0 || (rc = cli_current_rows(cli, &g, &rows)) < 0)
		goto fail;
	if (!cli_at_head(&g, &rows, &pending)) {
		rc = cdb_error_set(CDB_EINVALID, "the database is not at head (%zu revision%s not applied)",
		                   pending, pending == 1 ? "" : "s");
		cdb_error_hint("run 'cdb upgrade head' first, so the new revision starts from the latest schema");
		goto fail;
	}
	if ((rc = cli_autogen_compute(cli, &ag, !check)) < 0)
		goto fail;
	if (cdb_diff_empty(&ag.diff) && !empty) {
		if (!cli->quiet)
			printf("No changes detected\n");
		status = CDB_EXIT_OK;
		goto done;
	}
	print_ops(cli, &ag.diff);
	if (check) {
		status = CDB_EXIT_FINDINGS;
		goto done;
	}
	if (!cdb_diff_empty(&ag.diff) && (rc = db->vt->render(&up, &down, &ag.diff)) < 0)
		goto fail;

	/* the new revision follows every head (several heads: it merges them) */
	heads = xcalloc(g.nheads + 1, sizeof(*heads));
	for (size_t i = 0; i < g.nheads; i++)
		heads[i] = g.heads[i]->id;
	spec.id = rev_id;
	spec.down = heads;
	spec.ndown = g.nheads;
	spec.message = message;
	spec.upgrade_sql = up.ptr;
	spec.downgrade_sql = down.ptr;
	if ((rc = cdb_revision_write(&path, cfg, &spec, id)) < 0)
		goto fail;
	if (!cli->quiet)
		printf("Generated %s\n", cdb_path_display(path));
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	free(path);
	free(heads);
	cdb_buf_release(&up);
	cdb_buf_release(&down);
	cdb_strv_release(&rows);
	cdb_graph_release(&g);
	cli_autogen_release(&ag);
	free(pos);
	return status;
}
