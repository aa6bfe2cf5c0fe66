/*
 * cmd_check.c - cdb check [--scratch] [--roundtrip] [--base REF]
 *
 * The CI gate (DESIGN §7). Every check appends findings to one list, which
 * is printed at the end (text or --format=json); exit 0 when it is empty,
 * 1 when not, 2 when a check could not run at all. In order:
 *   1. the revision graph loads and has one head (or one per labelled branch);
 *   2. the database is at head: no pending revision, no unknown one;
 *   3. applied revisions are unchanged, --base, --scratch, --roundtrip
 *      (check_git.c);
 *   4. the models equal the database: nothing left to `cdb migrate`
 *      (with --scratch, the scratch replay compares instead).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/path.h"
#include "autogen.h"
#include "check_git.h"
#include "revfmt.h"

#define FINDING_GRAPH "graph-invalid"
#define FINDING_HEADS "multiple-heads"
#define FINDING_PENDING "not-at-head"
#define FINDING_UNKNOWN "unknown-revision"

/* A head is on a labelled branch when it or one of its first-parent ancestors has a label. */
static bool labelled(const struct cdb_revision *r)
{
	for (; r; r = r->ndown ? r->parents[0] : NULL)
		if (r->nlabels)
			return true;
	return false;
}

static void check_heads(struct cdb_findings *fs, const struct cdb_graph *g)
{
	struct cdb_finding *f;
	size_t unlabelled = 0;

	if (g->nheads < 2)
		return;
	for (size_t i = 0; i < g->nheads; i++)
		if (!labelled(g->heads[i]))
			unlabelled++;
	if (unlabelled < 2)
		return;
	f = cdb_findings_add(fs, FINDING_HEADS, NULL, NULL, "the revision graph has %zu heads", g->nheads);
	for (size_t i = 0; i < g->nheads; i++)
		cdb_finding_detail(fs, f, "head %s (%s)", g->heads[i]->id,
		                   cdb_path_display(g->heads[i]->file));
	cdb_finding_detail(fs, f, "join them with 'cdb merge -m MSG heads'");
}

/* Pending revisions, in the order an upgrade would apply them. */
static void check_at_head(struct cdb_findings *fs, const struct cdb_graph *g, const struct cdb_strv *rows)
{
	bool *applied = calloc(g->nrevs + 1, sizeof(*applied));
	struct cdb_finding *f = NULL;
	size_t pending = 0;

	if (!applied || cdb_graph_applied(applied, g, (const char *const *)rows->v, rows->n) < 0) {
		free(applied);
		return;
	}
	for (size_t i = 0; i < g->nrevs; i++)
		if (!applied[i])
			pending++;
	if (pending) {
		f = cdb_findings_add(fs, FINDING_PENDING, NULL, NULL,
		                     "the database is not at head: %zu revision%s not applied", pending,
		                     pending == 1 ? "" : "s");
		for (size_t i = 0; i < g->nrevs; i++)
			if (!applied[g->revs[i]->order])
				cdb_finding_detail(fs, f, "pending %s (%s)", g->revs[i]->id,
				                   cdb_path_display(g->revs[i]->file));
		cdb_finding_detail(fs, f, "run 'cdb upgrade head'");
	}
	free(applied);
}

static void models_finding(struct cdb_findings *fs, const struct cdb_diff *d)
{
	struct cdb_buf line = CDB_BUF_INIT;
	struct cdb_finding *f;

	f = cdb_findings_add(fs, CDB_FINDING_MODELS_CHANGED, NULL, NULL,
	                     "the models differ from the database (%zu change%s to migrate)", d->nchanges,
	                     d->nchanges == 1 ? "" : "s");
	for (size_t i = 0; i < d->nops; i++) {
		if (d->ops[i].dependent)
			continue;
		cdb_buf_reset(&line);
		cdb_op_describe(&line, &d->ops[i]);
		cdb_finding_detail(fs, f, "%s%s", line.ptr, d->ops[i].destructive ? " (destructive)" : "");
	}
	cdb_finding_detail(fs, f, "run 'cdb migrate -m MSG' to write a revision");
	cdb_buf_release(&line);
}

int cmd_check(int argc, char **argv, struct cdb_cli *cli)
{
	struct cli_check_flags flags = { 0 };
	const struct cli_option opts[] = {
		{ 0, "scratch", CLI_OPT_FLAG, &flags.scratch },
		{ 0, "roundtrip", CLI_OPT_FLAG, &flags.roundtrip },
		{ 0, "base", CLI_OPT_STRING, &flags.base },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_findings fs;
	struct cdb_graph g;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cli_autogen ag;
	struct cdb_db *db = NULL;
	char **pos = NULL;
	bool graph_ok = false, at_head = false;
	int npos, status, rc;

	cdb_findings_init(&fs);
	cdb_graph_init(&g);
	cli_autogen_init(&ag);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}

	/* 1. the graph */
	cdb_graph_release(&g);
	rc = cli_graph(cli, &g);
	if (rc == CDB_EINVALID || (rc == CDB_ENOTFOUND && g.nrevs > 0)) {
		cdb_findings_add(&fs, FINDING_GRAPH, NULL, NULL, "%s", cdb_error_message());
	} else if (rc < 0) {
		goto fail;
	} else {
		graph_ok = true;
		check_heads(&fs, &g);
	}

	/* 2. the database's position */
	if (graph_ok && !flags.scratch) {
		if ((rc = cli_db(cli, false, &db)) < 0)
			goto fail;
		rc = cli_current_rows(cli, &g, &rows);
		if (rc == CDB_ENOTFOUND) {
			struct cdb_finding *f = cdb_findings_add(&fs, FINDING_UNKNOWN, NULL, NULL, "%s",
			                                         cdb_error_message());

			for (int i = 0; i < cdb_error_nhints(); i++)
				cdb_finding_detail(&fs, f, "%s", cdb_error_hint_at(i));
		} else if (rc < 0) {
			goto fail;
		} else {
			check_at_head(&fs, &g, &rows);
			at_head = cli_at_head(&g, &rows, NULL);
		}
	}

	/* 3. checksums, --base, --scratch, --roundtrip */
	if ((rc = cli_check_git(cli, &fs, graph_ok ? &g : NULL, db, &flags, flags.scratch)) < 0)
		goto fail;

	/* 4. the models against the live database (only meaningful at head) */
	if (graph_ok && !flags.scratch && at_head) {
		if ((rc = cli_autogen_compute(cli, &ag, false)) < 0)
			goto fail;
		if (!cdb_diff_empty(&ag.diff))
			models_finding(&fs, &ag.diff);
	}

	if ((rc = cli_print_findings(cli, &fs)) < 0)
		goto fail;
	status = fs.n ? CDB_EXIT_FINDINGS : CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cli_autogen_release(&ag);
	cdb_strv_release(&rows);
	cdb_graph_release(&g);
	cdb_findings_release(&fs);
	free(pos);
	return status;
}
