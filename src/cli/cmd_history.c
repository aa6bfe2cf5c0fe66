/*
 * cmd_history.c - cdb history [-r RANGE] [-v] [-i] [--ids]
 *
 * Newest first, in Alembic's line format. Only -i and a range naming
 * `current` read the database; everything else reads revision headers only.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "gitinfo.h"
#include "revfmt.h"

/* One end of -r START:END: a set of revisions; n = 0 means unbounded. */
struct range_end {
	struct cdb_revision **revs;
	size_t n;
};

static int resolve_end(struct range_end *out, struct cdb_arena *a, const struct cdb_graph *g,
                       const struct cdb_strv *rows, const char *text, bool is_start)
{
	out->revs = NULL;
	out->n = 0;
	if (!*text || (is_start && strcmp(text, "base") == 0) ||
	    (!is_start && (strcmp(text, "head") == 0 || strcmp(text, "heads") == 0)))
		return 0;
	if ((text[0] == '-' || text[0] == '+') && isdigit((unsigned char)text[1])) {
		/* -N / +N: relative to the revision the database is at (Alembic's -r -3:current). */
		char *rel;
		struct cdb_revision *r;
		int rc;

		if (rows->n != 1) {
			return cdb_error_set(CDB_EINVALID, "'%s' is relative to the current revision, and the database is at %s",
			                     text, rows->n ? "several revisions" : "base");
		}
		rel = cdb_arena_sprintf(a, "%s%s", rows->v[0], text);
		if ((rc = cdb_graph_lookup(&r, g, rel)) < 0)
			return rc;
		out->revs = cdb_arena_alloc(a, sizeof *out->revs);
		out->revs[0] = r;
		out->n = r ? 1 : 0;
		return 0;
	}
	if (strcmp(text, "current") == 0) {
		out->revs = cdb_arena_alloc(a, (rows->n + 1) * sizeof *out->revs);
		for (size_t i = 0; i < rows->n; i++)
			out->revs[out->n++] = cdb_graph_get(g, rows->v[i]);
		if (out->n == 0 && !is_start) {
			/* Up to an empty database: nothing is in range. */
			out->revs[0] = NULL;
			out->n = 1;
		}
		return 0;
	}
	return cdb_graph_lookup_set(&out->revs, &out->n, a, g, text);
}

/* A range end that is read from the database. */
static bool needs_current(const char *text)
{
	return strcmp(text, "current") == 0 ||
	       ((text[0] == '-' || text[0] == '+') && isdigit((unsigned char)text[1]));
}

static bool in_range(const struct cdb_graph *g, const struct cdb_revision *r, const struct range_end *start,
                     const struct range_end *end)
{
	bool ok = start->n == 0;

	for (size_t i = 0; !ok && i < start->n; i++)
		ok = start->revs[i] && cdb_graph_is_ancestor(g, start->revs[i], r, true);
	if (!ok)
		return false;
	if (end->n == 0)
		return true;
	for (size_t i = 0; i < end->n; i++)
		if (end->revs[i] && cdb_graph_is_ancestor(g, r, end->revs[i], true))
			return true;
	return false;
}

int cmd_history(int argc, char **argv, struct cdb_cli *cli)
{
	const char *range = NULL;
	bool verbose = false, indicate = false, ids = false;
	const struct cli_option opts[] = {
		{ 'r', "rev-range", CLI_OPT_STRING, &range },
		{ 'v', "verbose", CLI_OPT_FLAG, &verbose },
		{ 'i', "indicate-current", CLI_OPT_FLAG, &indicate },
		{ 0, "ids", CLI_OPT_FLAG, &ids },
		{ 0, NULL, 0, NULL },
	};
	struct cdb_graph g;
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_buf line = CDB_BUF_INIT;
	struct range_end start = { NULL, 0 }, end = { NULL, 0 };
	char *start_text = NULL;
	const char *end_text = "";
	struct cli_git_origins origins = { CDB_ARENA_INIT, NULL, 0 };
	json_t *arr = NULL;
	char **pos = NULL;
	int npos, status, rc;
	bool first = true;

	cdb_graph_init(&g);
	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		goto done;
	if (npos > 0) {
		status = cli_usage_error(cli, "unexpected argument '%s'", pos[0]);
		goto done;
	}
	if (range) {
		const char *colon = strchr(range, ':');
		if (!colon) {
			status = cli_usage_error(cli, "-r takes START:END (either may be empty), not '%s'", range);
			goto done;
		}
		start_text = xstrndup(range, (size_t)(colon - range));
		end_text = colon + 1;
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
	if (indicate || (start_text && (needs_current(start_text) || needs_current(end_text))))
		if ((rc = cli_current_rows(cli, &g, &rows)) < 0)
			goto fail;
	if (start_text && ((rc = resolve_end(&start, &a, &g, &rows, start_text, true)) < 0 ||
	                   (rc = resolve_end(&end, &a, &g, &rows, end_text, false)) < 0))
		goto fail;

	if (verbose && !ids && cli->format == CLI_FORMAT_TEXT) {
		const struct cdb_config *cfg;
		if (cli_config(cli, &cfg) == 0)
			cli_git_origins_load(&origins, cfg, &g);
	}
	if (cli->format == CLI_FORMAT_JSON)
		arr = json_array();
	for (size_t i = g.nrevs; i-- > 0;) {
		const struct cdb_revision *r = g.revs[i];
		bool current = indicate && cli_rows_contain(&rows, r->id);

		if (!in_range(&g, r, &start, &end))
			continue;
		if (arr) {
			json_array_append_new(arr, cli_rev_json(r, cli_rows_contain(&rows, r->id)));
			continue;
		}
		cdb_buf_reset(&line);
		if (ids) {
			cdb_buf_puts(&line, r->id);
		} else if (verbose) {
			if (!first)
				cdb_buf_putc(&line, '\n');
			cli_format_rev_verbose_git(&line, r, current, &origins);
		} else {
			cli_format_rev(&line, r, REVFMT_PARENTS | REVFMT_LABELS | REVFMT_HEAD | REVFMT_TREE |
			                         REVFMT_MESSAGE | (current ? REVFMT_CURRENT : 0) |
			                         (cli->color_out ? REVFMT_COLOR : 0));
		}
		first = false;
		printf("%s\n", line.ptr);
	}
	if (arr && (rc = cli_print_json(arr)) < 0)
		goto fail;
	status = CDB_EXIT_OK;
	goto done;
fail:
	status = cli_fail(rc);
done:
	cli_git_origins_release(&origins);
	free(start_text);
	cdb_buf_release(&line);
	cdb_strv_release(&rows);
	cdb_arena_release(&a);
	cdb_graph_release(&g);
	free(pos);
	return status;
}
