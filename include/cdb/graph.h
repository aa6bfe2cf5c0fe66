/*
 * graph.h - the revision graph, targets and upgrade/downgrade plans
 *
 * The graph is built from revision headers only. Edges: a revision's
 * `down_revision`s are its parents; its `depends_on`s are dependencies
 * (applied before it, but not its parents: they do not merge branches).
 *
 * The database state (Alembic's semantics): the version table holds one
 * row per current head. The *applied set* of a state is every revision
 * reachable from its rows through parents and dependencies. The rows of
 * an applied set A are its members that have no child in A (a revision
 * reached only as a dependency keeps its own row). So:
 *   - applying a revision whose parent still has a row UPDATEs that row;
 *   - applying one whose parent already has another applied child (a new
 *     branch) or a base INSERTs a row;
 *   - applying a merge replaces its parents' rows by one row (UPDATE one,
 *     DELETE the others);
 *   - unapplying does the reverse; unapplying a base DELETEs its row.
 *
 * Targets (DESIGN §1), as given to cdb_plan_build():
 *   head         the single head (several heads: CDB_EAMBIGUOUS listing them,
 *                hint 'cdb merge heads' / 'cdb heads'); for downgrade it is a no-op
 *   heads        every head
 *   base         nothing applied (downgrade: unapply everything)
 *   ID / PREFIX  a revision by full id, or a unique prefix of >= 4 characters
 *                (several matches: CDB_EAMBIGUOUS listing them)
 *   LABEL        the revision carrying branch label LABEL
 *   LABEL@head   the head of the branch LABEL is on
 *   LABEL@base   upgrade: the first revision of that branch; downgrade:
 *                unapply every revision of that branch (and what depends on it)
 *   +N / -N      N revisions forward / back from the current state
 *   REV+N / REV-N  N revisions forward / back from REV (REV any form above;
 *                `base+N` counts from nothing)
 *   LABEL@+N / LABEL@-N  relative moves restricted to the branch LABEL
 *   LABEL@REV    REV; a downgrade only unapplies revisions of branch LABEL
 *   LABEL@base+N N revisions up from nothing along LABEL's lineage
 *   A,B          several targets at once (upgrade both branches)
 * LABEL may also be a revision (or prefix) standing for its branch. The
 * branch of LABEL is the revisions above it and those of its ancestors
 * that lead to no other head.
 *
 * Upgrade to T applies T and everything T needs (ancestors and
 * dependencies) not yet applied, in topological order. Downgrade to T
 * unapplies every applied revision that descends from T (through parents or
 * dependencies), newest first; other branches are left alone. Downgrade to
 * REV-N unapplies the N revisions walked below REV and what stands on them
 * (so `d-1` does not take a sibling branch that shares d's parent).
 *
 * Unlike Alembic, a revision reached only through depends_on keeps its own
 * row (Alembic drops it, as implied by its dependent): rows then name every
 * branch tip explicitly and a dependency branch can move on with an UPDATE.
 *
 * Relative moves are deterministic where Alembic reports "ambiguous walk":
 * each of the N steps picks among the *candidates* (upgrade: unapplied
 * revisions whose parents and dependencies are all applied and that lead
 * to a head reachable from the start; downgrade: applied revisions nothing
 * applied depends on). One candidate: it is taken. Several candidates that
 * all lead to the same single head (they are sides of a branch that merges
 * again): upgrade takes the first in topological order, downgrade the last,
 * so `downgrade -1` from a merge goes to its parents and `-2` then unapplies
 * one side. Candidates leading to different heads: CDB_EAMBIGUOUS listing
 * them (hint: name a revision or LABEL@+N). Fewer than N candidates in
 * total: CDB_EINVALID ("only K revisions ...").
 *
 * Ownership: the graph's arena owns every revision and array. A plan has
 * its own arena and points into the graph, which must outlive it.
 */
#ifndef CDB_GRAPH_H
#define CDB_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"
#include "cdb/revision.h"

struct cdb_graph_label {
	const char *label;              /* branch label */
	struct cdb_revision *rev;       /* revision that declares it */
};

struct cdb_graph {
	struct cdb_arena arena;         /* owns everything */
	struct cdb_revision **revs;     /* topological order: parents and dependencies first;
	                                   ties broken by id */
	size_t nrevs, revs_cap;
	struct cdb_revision **heads;    /* revisions without children, by topological order */
	size_t nheads;
	struct cdb_revision **bases;    /* revisions without parents, by topological order */
	size_t nbases;
	struct cdb_graph_label *labels; /* sorted by label */
	size_t nlabels, labels_cap;
	void *index;                    /* id -> revision hash table (graph.c) */
	bool resolved;                  /* cdb_graph_resolve() succeeded */
};

void cdb_graph_init(struct cdb_graph *g);
void cdb_graph_release(struct cdb_graph *g);

/*
 * Build the graph from every *.sql file in `versions_dir` (headers only):
 * cdb_graph_init + cdb_graph_add_file for each + cdb_graph_resolve.
 * A missing directory is CDB_ENOTFOUND (hint: cdb init). `out` is
 * initialised by the call and must be released even on failure.
 */
int cdb_graph_load(struct cdb_graph *out, const char *versions_dir);

/* Add the revision whose header is in file `path` (read header only). */
int cdb_graph_add_file(struct cdb_graph *g, const char *path);
/* Add a revision from header text (tests, or files read elsewhere); `file` names it. */
int cdb_graph_add_text(struct cdb_graph *g, const char *file, const char *text);

/*
 * Link parents, dependencies, children and labels, then order the graph.
 * Errors name file:line: duplicate id (both files), missing parent or
 * dependency, a label used twice or equal to an id, a cycle (the files on
 * it). Returns 0, CDB_EINVALID or CDB_ENOTFOUND.
 */
int cdb_graph_resolve(struct cdb_graph *g);

/* The revision with exactly this id, or NULL. */
struct cdb_revision *cdb_graph_get(const struct cdb_graph *g, const char *id);

/*
 * Resolve a name that designates one revision: a full id, a unique prefix
 * of >= 4 characters, a branch label, "head" (the only head), LABEL@head,
 * or REV+N / REV-N along a line (N steps through children / parents;
 * several choices is CDB_EAMBIGUOUS). "base" gives *out = NULL (nothing).
 * Errors: CDB_ENOTFOUND ("no revision 'x'"), CDB_EAMBIGUOUS listing the
 * candidates (details), CDB_EINVALID for a malformed name.
 */
int cdb_graph_lookup(struct cdb_revision **out, const struct cdb_graph *g, const char *name);

/*
 * Like cdb_graph_lookup but also accepts "heads" (every head) and
 * comma-separated lists; for stamp, merge, history ranges. The array is
 * allocated from `a`. "base" gives n = 0.
 */
int cdb_graph_lookup_set(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                         const struct cdb_graph *g, const char *names);

/* Shape queries. */
static inline bool cdb_revision_is_base(const struct cdb_revision *r) { return r->ndown == 0; }
static inline bool cdb_revision_is_merge(const struct cdb_revision *r) { return r->ndown > 1; }
static inline bool cdb_revision_is_branch_point(const struct cdb_revision *r) { return r->nchildren > 1; }
static inline bool cdb_revision_is_head(const struct cdb_revision *r) { return r->nchildren == 0; }

/* True when `anc` is `rev` or reachable from it through parents (and dependencies when `deps`). */
bool cdb_graph_is_ancestor(const struct cdb_graph *g, const struct cdb_revision *anc,
                           const struct cdb_revision *rev, bool deps);

enum cdb_direction {
	CDB_UP,   /* upgrade: apply */
	CDB_DOWN, /* downgrade: unapply */
};

/* One revision applied or unapplied, and how the version table changes. */
struct cdb_step {
	struct cdb_revision *rev;   /* the revision */
	enum cdb_direction dir;     /* apply (upgrade SQL) or unapply (downgrade SQL) */
	const char **del;           /* version rows that must exist and go away */
	size_t ndel;
	const char **ins;           /* version rows that appear */
	size_t nins;
	/*
	 * The runner turns del/ins into SQL: pairs them into UPDATEs
	 * (del[i] -> ins[i]) while both remain, then DELETEs the rest of del,
	 * INSERTs the rest of ins. Every UPDATE/DELETE must hit exactly one row.
	 */
};

struct cdb_plan {
	struct cdb_arena arena;     /* owns the arrays below (revisions belong to the graph) */
	enum cdb_direction dir;
	/* The absolute goal, so the plan can be redone from another state (see cdb_plan_replan):
	   upgrade: these and everything they need are applied;
	   downgrade: these and everything depending on them are unapplied. */
	struct cdb_revision **goal;
	size_t ngoal;
	struct cdb_arena steps_arena; /* owns steps, rows and end_rows; emptied by each replan */
	struct cdb_step *steps;     /* in order */
	size_t nsteps, steps_cap;
	const char **rows;          /* the version rows the steps start from */
	size_t nrows;
	const char **end_rows;      /* the version rows after the last step */
	size_t nend_rows;
};

/*
 * Plan moving a database whose version table holds `rows` (`nrows` ids;
 * none: nothing applied) to `target` in direction `dir` (see the top of this
 * file). `out` is initialised by the call; release it even on failure.
 * Errors: those of the lookups; a row no revision file knows is CDB_ENOTFOUND
 * naming it with the hint 'cdb stamp --purge REV'; an upgrade target that
 * is already behind the database, or a downgrade target that is not
 * applied, is CDB_EINVALID with a hint naming the other command. A plan
 * with no steps is not an error (already there).
 */
int cdb_plan_build(struct cdb_plan *out, const struct cdb_graph *g, enum cdb_direction dir,
                   const char *target, const char *const *rows, size_t nrows);

/*
 * Recompute p's steps for the same goal from another state `rows` (the
 * runner re-reads the version table under the lock). Steps already applied
 * by someone else disappear. Errors as cdb_plan_build().
 */
int cdb_plan_replan(struct cdb_plan *p, const struct cdb_graph *g, const char *const *rows,
                    size_t nrows);

void cdb_plan_release(struct cdb_plan *p);

/*
 * The applied set of `rows`: marks[r->order] = true for every revision
 * applied. `marks` has g->nrevs entries. Unknown rows as cdb_plan_build().
 */
int cdb_graph_applied(bool *marks, const struct cdb_graph *g, const char *const *rows, size_t nrows);

#endif
