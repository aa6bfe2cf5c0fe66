/*
 * cmd_rebase.c - cdb rebase [--onto REF]: put this branch's new revisions
 * on top of REF's head, so merging the branch leaves one head
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/check.h"
#include "cdb/graph.h"
#include "cdb/path.h"
#include "cdb/runner.h"
#include "cli.h"

/* Whether revision `id` is applied per the history table (its last row is an upgrade). */
static bool in_history(const struct cdb_history_row *rows, size_t n, const char *id)
{
	bool applied = false;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(rows[i].revision, id) == 0)
			applied = strcmp(rows[i].direction, "up") == 0;
	return applied;
}

/*
 * Refuse when one of the revisions that move is applied to the configured
 * database: its recorded parent would no longer be its parent. A database
 * that cannot be reached cannot have them applied as far as we can tell;
 * that is said on stderr, not treated as an error.
 */
static int refuse_if_applied(struct cdb_cli *cli, const struct cdb_config *cfg,
                             const struct cdb_rebase_plan *p)
{
	struct cdb_history_row *hist = NULL;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_graph g;
	struct cdb_db *db = NULL;
	bool *marks = NULL, have_marks = false;
	size_t nhist = 0, i;
	int rc;

	cdb_graph_init(&g);
	rc = cli_db(cli, false, &db);
	if (rc == CDB_ENOTFOUND) {
		cdb_error_clear(); /* no database file yet: nothing is applied */
		rc = 0;
		goto done;
	}
	if (rc < 0) {
		cli_warn(cli, "cannot reach the database to see what is applied: %s", cdb_error_message());
		cdb_error_clear();
		rc = 0;
		goto done;
	}
	if ((rc = cdb_runner_history(&hist, &nhist, db)) < 0)
		goto done;
	if ((rc = cdb_runner_current(&rows, db)) < 0)
		goto done;
	/* The version rows also cover stamped revisions, which have no history row. */
	cdb_graph_release(&g);
	if (cdb_graph_load(&g, cfg->versions_dir) == 0) {
		marks = xcalloc(g.nrevs ? g.nrevs : 1, sizeof *marks);
		if (cdb_graph_applied(marks, &g, (const char *const *)rows.v, rows.n) == 0)
			have_marks = true;
	}
	cdb_error_clear();
	for (i = 0; i < p->nnew; i++) {
		const struct cdb_revision *r = cdb_graph_get(&g, p->new_ids[i]);
		bool applied = in_history(hist, nhist, p->new_ids[i]) ||
		               (have_marks && r && marks[r->order]);

		if (!applied)
			continue;
		rc = cdb_error_set(CDB_EINVALID, "revision '%s' is already applied to the database",
		                   p->new_ids[i]);
		cdb_error_hint("rebasing would change the parent of an applied revision");
		cdb_error_hint("downgrade first: cdb downgrade %s", p->old_down && *p->old_down
		                                                     ? p->old_down : "base");
		goto done;
	}
	rc = 0;
done:
	free(marks);
	cdb_graph_release(&g);
	cdb_strv_release(&rows);
	cdb_history_free(hist, nhist);
	return rc;
}

int cmd_rebase(int argc, char **argv, struct cdb_cli *cli)
{
	const char *onto = NULL;
	const struct cli_option opts[] = {
		{ 0, "onto", CLI_OPT_STRING, &onto },
		{ 0, NULL, 0, NULL },
	};
	const struct cdb_config *cfg;
	struct cdb_rebase_plan plan;
	char *ref = NULL, **pos = NULL;
	int npos, status, rc;

	cdb_rebase_plan_init(&plan);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	if (onto && !*onto) {
		status = cli_usage_error(cli, "--onto needs a git revision");
		goto done;
	}
	if ((rc = cli_config(cli, &cfg)) < 0)
		goto fail;
	if (onto) {
		ref = xstrdup(onto);
	} else if ((rc = cdb_rebase_default_ref(&ref, cfg->dir)) < 0) {
		cdb_error_hint("cdb rebase reads the revisions of another branch from git");
		goto fail;
	}
	if ((rc = cdb_rebase_plan(&plan, cfg, ref)) < 0)
		goto fail;
	if (!plan.onto) {
		if (!cli->quiet)
			printf("nothing to rebase: '%s' has no revisions\n", ref);
		status = CDB_EXIT_OK;
		goto done;
	}
	if (!plan.root) {
		if (!cli->quiet) {
			if (plan.nnew == 0)
				printf("nothing to rebase: no revision is new compared with '%s'\n", ref);
			else
				printf("nothing to rebase: the %zu new revision%s already build%s on '%s', "
				       "the head at '%s'\n", plan.nnew, plan.nnew == 1 ? "" : "s",
				       plan.nnew == 1 ? "s" : "", plan.onto, ref);
		}
		status = CDB_EXIT_OK;
		goto done;
	}
	if ((rc = refuse_if_applied(cli, cfg, &plan)) < 0)
		goto fail;
	if ((rc = cdb_rebase_apply(&plan)) < 0)
		goto fail;
	if (!cli->quiet) {
		printf("rebased %zu revision%s onto '%s' (head at %s, commit %s)\n", plan.nnew,
		       plan.nnew == 1 ? "" : "s", plan.onto, ref, plan.commit.short_id);
		printf("  %s: down_revision %s -> %s\n", plan.root,
		       *plan.old_down ? plan.old_down : "(base)", plan.onto);
		printf("  file: %s\n", cdb_path_display(plan.root_file));
	}
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cdb_rebase_plan_release(&plan);
	free(ref);
	free(pos);
	return status;
}
