/*
 * gitinfo.h - the git side of revisions for the commands that show them:
 * which commit added each revision file (history -v, show)
 */
#ifndef CDB_CLI_GITINFO_H
#define CDB_CLI_GITINFO_H

#include "cdb/buf.h"
#include "cdb/config.h"
#include "cdb/git.h"
#include "cdb/graph.h"

/* The commits that added the files of a graph's revisions, by revision order. */
struct cli_git_origins {
	struct cdb_arena arena;    /* owns the strings */
	struct cdb_git_origin *by_order; /* g->nrevs entries, NULL: not a git project */
	size_t n;
};

/*
 * Find, with one walk of the history from HEAD, the commit that added each
 * revision file of `g` (initialises `out`). Without `cfg`, outside a git repository, or
 * when git cannot be read, every origin is simply unknown: this never
 * fails, since the origins only decorate the output.
 */
void cli_git_origins_load(struct cli_git_origins *out, const struct cdb_config *cfg,
                          const struct cdb_graph *g);
void cli_git_origins_release(struct cli_git_origins *o);

/* The origin of `r`, NULL when unknown. */
const struct cdb_git_origin *cli_git_origin(const struct cli_git_origins *o,
                                            const struct cdb_revision *r);

/*
 * Append "Commit: <short id> <summary>\nAdded by: <author>, <date>\n"
 * for `r` (nothing when unknown).
 */
void cli_git_origin_format(struct cdb_buf *out, const struct cli_git_origins *o,
                           const struct cdb_revision *r);

#endif
