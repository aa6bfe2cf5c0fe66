/* gitinfo.c - which commit added each revision file (see gitinfo.h) */
#include "gitinfo.h"

#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/path.h"

void cli_git_origins_load(struct cli_git_origins *out, const struct cdb_config *cfg,
                          const struct cdb_graph *g)
{
	struct cdb_git *git = NULL;
	const char **names = NULL;
	size_t i;

	memset(out, 0, sizeof *out);
	cdb_arena_init(&out->arena);
	if (!cfg || g->nrevs == 0 || cdb_git_open(&git, cfg->dir) < 0)
		goto done;
	names = xcalloc(g->nrevs, sizeof *names);
	for (i = 0; i < g->nrevs; i++)
		names[g->revs[i]->order] = cdb_path_basename(g->revs[i]->file);
	out->by_order = cdb_arena_alloc(&out->arena, g->nrevs * sizeof *out->by_order);
	out->n = g->nrevs;
	if (cdb_git_origins(out->by_order, git, NULL, cfg->versions_dir, names, g->nrevs, 0,
	                    &out->arena) < 0) {
		out->by_order = NULL;
		out->n = 0;
	}
done:
	/* Unknown origins are not an error: the output just has less in it. */
	cdb_error_clear();
	free(names);
	cdb_git_free(git);
}

void cli_git_origins_release(struct cli_git_origins *o)
{
	cdb_arena_release(&o->arena);
	memset(o, 0, sizeof *o);
}

const struct cdb_git_origin *cli_git_origin(const struct cli_git_origins *o,
                                            const struct cdb_revision *r)
{
	if (!o->by_order || r->order >= o->n || !o->by_order[r->order].found)
		return NULL;
	return &o->by_order[r->order];
}

void cli_git_origin_format(struct cdb_buf *out, const struct cli_git_origins *o,
                           const struct cdb_revision *r)
{
	const struct cdb_git_origin *org = cli_git_origin(o, r);

	if (!org)
		return;
	cdb_buf_printf(out, "Commit: %s %s\n", org->commit.short_id, org->commit.summary);
	cdb_buf_printf(out, "Added by: %s, %s\n", org->commit.author, org->commit.date);
}
