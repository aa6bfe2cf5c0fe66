/*
 * graph_priv.h - what graph.c, graph_lookup.c and graph_plan.c share
 *
 * Private to src/core/: sets over the graph are bool arrays indexed by
 * revision order (nrevs + 1 entries, malloc'ed); the lookups that plans
 * need beyond the public cdb_graph_lookup().
 */
#ifndef CDB_GRAPH_PRIV_H
#define CDB_GRAPH_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/graph.h"

/* graph.c */
/* The label `label` of `g`, NULL when there is none. */
const struct cdb_graph_label *graph_find_label(const struct cdb_graph *g, const char *label);
/* An empty set over `g`. */
bool *graph_set_new(const struct cdb_graph *g);
/* Add every ancestor (parents and dependencies) of members of `s`. */
void graph_set_close_down(const struct cdb_graph *g, bool *s);
/* Add every descendant (children and dependents) of members of `s`. */
void graph_set_close_up(const struct cdb_graph *g, bool *s);

/* graph_lookup.c */
/* A branch label's head (LABEL@head). */
int graph_label_head(struct cdb_revision **out, const struct cdb_graph *g, const char *label);
/* Revisions of the branch carrying label (or revision) `name`, as a set in *out. */
int graph_branch_members(bool **out, const struct cdb_graph *g, const char *name);
/* Split "X+N" / "X-N" / "+N" / "-N": returns true and fills base (malloc'ed) and delta. */
bool graph_split_relative(const char *name, char **base, long *delta);
/*
 * Simulate |delta| steps from applied set `applied` (modified), restricted
 * to `universe` (NULL: all). Moved revisions are appended to *moved.
 */
int graph_simulate(const struct cdb_graph *g, bool *applied, const bool *universe, long delta,
                   const char *target, struct cdb_revision ***moved, size_t *nmoved);
/* The version rows of applied set `s`: members with no applied child, in order. */
size_t graph_rows_of(const struct cdb_graph *g, const bool *s, struct cdb_revision **out);
/* REV+N / REV-N / LABEL@+N as a set of revisions (the rows of the state reached). */
int graph_lookup_relative(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                          const struct cdb_graph *g, const char *base, long delta, const char *name);
/* As graph_lookup_relative; also hands out the revisions the walk moved over (malloc'ed). */
int graph_lookup_relative_moved(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                                const struct cdb_graph *g, const char *base, long delta,
                                const char *name, struct cdb_revision ***moved_out,
                                size_t *nmoved_out);

#endif
