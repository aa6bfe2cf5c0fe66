/*
 * cmd_merge.c - cdb merge -m MSG [--rev-id ID] [--branch-label LABEL] REV...
 *
 * Writes a revision whose down_revision lists several heads, joining the
 * branches again (usually `cdb merge -m MSG heads`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "revfmt.h"

int cmd_merge(int argc, char **argv, struct cdb_cli *cli)
{
	const char *message = NULL, *rev_id = NULL;
	struct cli_strlist labels = { 0 };
	const struct cli_option opts[] = {
		{ 'm', "message", CLI_OPT_STRING, &message },
		{ 0, "rev-id", CLI_OPT_STRING, &rev_id },
		{ 0, "branch-label", CLI_OPT_LIST, &labels },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_revision_spec spec = { 0 };
	const struct cdb_config *cfg;
	const char **parents = NULL;
	size_t nparents = 0;
	char **pos = NULL, *path = NULL;
	char id[CDB_REV_ID_MAX + 1];
	int npos, status, rc;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (!message) {
		status = cli_usage_error(cli, "a message is required (-m MSG)");
		goto done;
	}
	if (npos == 0) {
		status = cli_usage_error(cli, "name the revisions to merge (or 'heads')");
		goto done;
	}
	if (rev_id && (rc = cdb_revision_check_id(rev_id)) < 0)
		goto fail;
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0 || (rc = cli_config(cli, &cfg)) < 0)
		goto fail;
	parents = xcalloc(g.nrevs + 1, sizeof *parents);
	for (int i = 0; i < npos; i++) {
		struct cdb_revision **revs;
		size_t n;

		if ((rc = cdb_graph_lookup_set(&revs, &n, &a, &g, pos[i])) < 0)
			goto fail;
		for (size_t k = 0; k < n; k++) {
			bool dup = false;
			for (size_t j = 0; j < nparents; j++)
				dup = dup || strcmp(parents[j], revs[k]->id) == 0;
			if (!dup)
				parents[nparents++] = revs[k]->id;
		}
	}
	if (nparents < 2) {
		rc = cdb_error_set(CDB_EINVALID, "a merge needs at least two revisions; '%s' names %zu", pos[0],
		                   nparents);
		if (g.nheads < 2)
			cdb_error_hint("there is only one head; nothing to merge");
		goto fail;
	}
	/* Merging a revision with its own ancestor would add nothing but a cycle-free knot. */
	for (size_t i = 0; i < nparents; i++) {
		for (size_t j = 0; j < nparents; j++) {
			if (i != j && cdb_graph_is_ancestor(&g, cdb_graph_get(&g, parents[i]),
			                                    cdb_graph_get(&g, parents[j]), false)) {
				rc = cdb_error_set(CDB_EINVALID, "'%s' is an ancestor of '%s'; only separate branches can be merged",
				                   parents[i], parents[j]);
				goto fail;
			}
		}
	}
	if ((rc = cli_check_unused(&g, rev_id, labels.items, (size_t)labels.n)) < 0)
		goto fail;
	spec.id = rev_id;
	spec.down = parents;
	spec.ndown = nparents;
	spec.message = message;
	spec.labels = labels.items;
	spec.nlabels = (size_t)labels.n;
	if ((rc = cdb_revision_write(&path, cfg, &spec, id)) < 0)
		goto fail;
	printf("%s\n", cdb_path_display(path));
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	free(path);
	free(parents);
	cdb_arena_release(&a);
	cdb_graph_release(&g);
	cli_strlist_release(&labels);
	free(pos);
	return status;
}
