/*
 * cmd_revision.c - cdb revision -m MSG [--head REV] [--rev-id ID]
 *                  [--branch-label LABEL] [--depends-on REV]
 *
 * Writes a new, empty revision on top of the single head (or --head) from
 * the project's template, atomically, and prints its path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "revfmt.h"

/* The parent of the new revision: --head, or the only head. NULL: a new base. */
static int pick_parent(struct cdb_revision **out, const struct cdb_graph *g, const char *head)
{
	int rc;

	*out = NULL;
	if (head)
		return cdb_graph_lookup(out, g, head);
	if (g->nheads == 0)
		return 0;
	if (g->nheads > 1) {
		rc = cdb_error_set(CDB_EAMBIGUOUS, "there are %zu heads; which one should the new revision follow?",
		                   g->nheads);
		for (size_t i = 0; i < g->nheads; i++)
			cdb_error_detail("head %s, %s", g->heads[i]->id, g->heads[i]->message);
		cdb_error_hint("pass --head REV, or join the heads first with 'cdb merge -m MSG heads'");
		return rc;
	}
	*out = g->heads[0];
	return 0;
}

int cmd_revision(int argc, char **argv, struct cdb_cli *cli)
{
	const char *message = NULL, *head = NULL, *rev_id = NULL;
	struct cli_strlist labels = { 0 }, depends = { 0 };
	const struct cli_option opts[] = {
		{ 'm', "message", CLI_OPT_STRING, &message },
		{ 0, "head", CLI_OPT_STRING, &head },
		{ 0, "rev-id", CLI_OPT_STRING, &rev_id },
		{ 0, "branch-label", CLI_OPT_LIST, &labels },
		{ 0, "depends-on", CLI_OPT_LIST, &depends },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
	struct cdb_revision_spec spec = { 0 };
	struct cdb_revision *parent = NULL;
	const char **dep_ids = NULL;
	const struct cdb_config *cfg;
	char **pos = NULL, *path = NULL;
	char id[CDB_REV_ID_MAX + 1];
	int npos, status, rc;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	if (!message) {
		status = cli_usage_error(cli, "a message is required (-m MSG)");
		goto done;
	}
	if (rev_id && (rc = cdb_revision_check_id(rev_id)) < 0)
		goto fail;
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0 || (rc = cli_config(cli, &cfg)) < 0)
		goto fail;
	if (!(head && strcmp(head, "base") == 0) && (rc = pick_parent(&parent, &g, head)) < 0)
		goto fail;
	if ((rc = cli_check_unused(&g, rev_id, labels.items, (size_t)labels.n)) < 0)
		goto fail;
	dep_ids = xcalloc((size_t)depends.n + 1, sizeof *dep_ids);
	for (int i = 0; i < depends.n; i++) {
		struct cdb_revision *d;

		if ((rc = cdb_graph_lookup(&d, &g, depends.items[i])) < 0)
			goto fail;
		if (!d) {
			rc = cdb_error_set(CDB_EINVALID, "--depends-on needs a revision, not '%s'", depends.items[i]);
			goto fail;
		}
		dep_ids[i] = d->id;
	}

	spec.id = rev_id;
	spec.down = parent ? (const char *const *)&parent->id : NULL;
	spec.ndown = parent ? 1 : 0;
	spec.message = message;
	spec.labels = labels.items;
	spec.nlabels = (size_t)labels.n;
	spec.depends = dep_ids;
	spec.ndepends = (size_t)depends.n;
	if ((rc = cdb_revision_write(&path, cfg, &spec, id)) < 0)
		goto fail;
	/* The path alone, so `$EDITOR "$(cdb revision -m x)"` works. */
	printf("%s\n", cdb_path_display(path));
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	free(path);
	free(dep_ids);
	cdb_graph_release(&g);
	cli_strlist_release(&labels);
	cli_strlist_release(&depends);
	free(pos);
	return status;
}
