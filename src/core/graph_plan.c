/*
 * graph_plan.c - plans: from the database's version rows and a target, the
 * goal revisions and the steps that reach them (see include/cdb/graph.h)
 *
 * Each step records the version rows it deletes and inserts, so the runner
 * moves the version table exactly as the plan says, one step at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/graph.h"
#include "graph_priv.h"

/* ---- plans ---- */

int cdb_graph_applied(bool *marks, const struct cdb_graph *g, const char *const *rows, size_t nrows)
{
	memset(marks, 0, sizeof *marks * g->nrevs);
	for (size_t i = 0; i < nrows; i++) {
		struct cdb_revision *r = cdb_graph_get(g, rows[i]);
		int ret;

		if (!r) {
			ret = cdb_error_set(CDB_ENOTFOUND,
			                    "the database is at revision '%s', which no revision file knows",
			                    rows[i]);
			cdb_error_hint("restore the missing revision file, or record where the database really is with 'cdb stamp --purge REV'");
			return ret;
		}
		marks[r->order] = true;
	}
	graph_set_close_down(g, marks);
	return 0;
}

void cdb_plan_release(struct cdb_plan *p)
{
	cdb_arena_release(&p->steps_arena);
	cdb_arena_release(&p->arena);
	memset(p, 0, sizeof *p);
}

static bool in_list(struct cdb_revision *const *v, size_t n, const struct cdb_revision *r)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == r)
			return true;
	return false;
}

/* Compute p->steps for p->goal from version rows `rows`. */
static int compute_steps(struct cdb_plan *p, const struct cdb_graph *g, const char *const *rows,
                         size_t nrows)
{
	bool *applied = graph_set_new(g), *todo = graph_set_new(g), *isrow = graph_set_new(g);
	struct cdb_revision **cur = xmalloc(sizeof *cur * (g->nrevs + nrows + 1));
	size_t ncur;
	int ret;

	cdb_arena_release(&p->steps_arena);
	p->steps = NULL;
	p->nsteps = p->steps_cap = 0;
	ret = cdb_graph_applied(applied, g, rows, nrows);
	if (ret)
		goto done;
	p->rows = cdb_arena_alloc(&p->steps_arena, sizeof *p->rows * (nrows + 1));
	p->nrows = 0;
	for (size_t i = 0; i < nrows; i++) {
		bool dup = false;

		for (size_t j = 0; j < p->nrows && !dup; j++)
			dup = !strcmp(p->rows[j], rows[i]);
		if (!dup)
			p->rows[p->nrows++] = cdb_arena_strdup(&p->steps_arena, rows[i]);
	}
	for (size_t i = 0; i < p->ngoal; i++)
		todo[p->goal[i]->order] = true;
	if (p->dir == CDB_UP) {
		graph_set_close_down(g, todo);
		for (size_t i = 0; i < g->nrevs; i++)
			todo[i] = todo[i] && !applied[i];
	} else {
		graph_set_close_up(g, todo);
		for (size_t i = 0; i < g->nrevs; i++)
			todo[i] = todo[i] && applied[i];
	}
	ncur = graph_rows_of(g, applied, cur);
	for (size_t i = 0; i < ncur; i++)
		isrow[cur[i]->order] = true;

	for (size_t s = 0; s < g->nrevs; s++) {
		size_t i = p->dir == CDB_UP ? s : g->nrevs - 1 - s;
		struct cdb_revision *r = g->revs[i];
		struct cdb_step *st;
		size_t nd = 0, ni = 0, capd = 0, capi = 0;

		if (!todo[i])
			continue;
		st = CDB_ARENA_PUSH(&p->steps_arena, p->steps, p->nsteps, p->steps_cap);
		st->rev = r;
		st->dir = p->dir;
		if (p->dir == CDB_UP) {
			applied[i] = true;
			for (size_t k = 0; k < r->ndown; k++)
				isrow[r->parents[k]->order] = false;
			isrow[i] = true;
		} else {
			applied[i] = false;
			isrow[i] = false;
			for (size_t k = 0; k < r->ndown; k++) {
				struct cdb_revision *par = r->parents[k];
				bool row = applied[par->order];

				for (size_t c = 0; c < par->nchildren && row; c++)
					row = !applied[par->children[c]->order];
				if (row)
					isrow[par->order] = true;
			}
		}
		/* Rows before this step: the given rows for the first step, the previous result after. */
		if (p->nsteps == 1) {
			for (size_t k = 0; k < p->nrows; k++) {
				struct cdb_revision *x = cdb_graph_get(g, p->rows[k]);

				if (!isrow[x->order])
					*CDB_ARENA_PUSH(&p->steps_arena, st->del, nd, capd) = x->id;
			}
			for (size_t k = 0; k < g->nrevs; k++) {
				bool given = false;

				if (!isrow[k])
					continue;
				for (size_t j = 0; j < p->nrows && !given; j++)
					given = !strcmp(p->rows[j], g->revs[k]->id);
				if (!given)
					*CDB_ARENA_PUSH(&p->steps_arena, st->ins, ni, capi) = g->revs[k]->id;
			}
		} else if (p->dir == CDB_UP) {
			for (size_t k = 0; k < r->ndown; k++)
				if (in_list(cur, ncur, r->parents[k]))
					*CDB_ARENA_PUSH(&p->steps_arena, st->del, nd, capd) = r->parents[k]->id;
			*CDB_ARENA_PUSH(&p->steps_arena, st->ins, ni, capi) = r->id;
		} else {
			if (in_list(cur, ncur, r))
				*CDB_ARENA_PUSH(&p->steps_arena, st->del, nd, capd) = r->id;
			for (size_t k = 0; k < r->ndown; k++)
				if (isrow[r->parents[k]->order] && !in_list(cur, ncur, r->parents[k]))
					*CDB_ARENA_PUSH(&p->steps_arena, st->ins, ni, capi) = r->parents[k]->id;
		}
		st->ndel = nd;
		st->nins = ni;
		/* cur := the rows after this step */
		if (p->nsteps == 1) {
			ncur = 0;
			for (size_t k = 0; k < g->nrevs; k++)
				if (isrow[k])
					cur[ncur++] = g->revs[k];
		} else {
			size_t w = 0;

			for (size_t k = 0; k < ncur; k++)
				if (isrow[cur[k]->order])
					cur[w++] = cur[k];
			for (size_t k = 0; k < ni; k++)
				cur[w++] = cdb_graph_get(g, st->ins[k]);
			ncur = w;
		}
	}
	/* The rows at the end, in graph order (or the given rows when nothing moves). */
	if (p->nsteps) {
		size_t n = 0;

		p->end_rows = cdb_arena_alloc(&p->steps_arena, sizeof *p->end_rows * (g->nrevs + 1));
		for (size_t i = 0; i < g->nrevs; i++)
			if (isrow[i])
				p->end_rows[n++] = g->revs[i]->id;
		p->nend_rows = n;
	} else {
		p->end_rows = p->rows;
		p->nend_rows = p->nrows;
	}
done:
	free(applied);
	free(todo);
	free(isrow);
	free(cur);
	return ret;
}

int cdb_plan_replan(struct cdb_plan *p, const struct cdb_graph *g, const char *const *rows,
                    size_t nrows)
{
	return compute_steps(p, g, rows, nrows);
}

static void set_goal(struct cdb_plan *p, struct cdb_revision *const *v, size_t n)
{
	p->goal = cdb_arena_alloc(&p->arena, sizeof *p->goal * (n + 1));
	if (n)
		memcpy(p->goal, v, sizeof *v * n);
	p->ngoal = n;
}

/* Upgrade to the revisions `t`: refuse a target the database is already past. */
static int goal_up(struct cdb_plan *p, const bool *applied, struct cdb_revision *const *t,
                   size_t n, const char *target)
{
	int ret;

	for (size_t i = 0; i < n; i++) {
		struct cdb_revision *r = t[i];

		if (!applied[r->order])
			continue;
		for (size_t k = 0; k < r->nchildren; k++)
			if (applied[r->children[k]->order]) {
				ret = cdb_error_set(CDB_EINVALID,
				                    "the database is already past '%s' (revision %s)", target,
				                    r->id);
				cdb_error_hint("to go back to it, run 'cdb downgrade %s'", target);
				return ret;
			}
	}
	set_goal(p, t, n);
	return 0;
}

/* Downgrade to the revisions `t` (n == 0: base): unapply what descends from them. */
static int goal_down(struct cdb_plan *p, const struct cdb_graph *g, const bool *applied,
                     struct cdb_revision *const *t, size_t n, const char *target)
{
	bool *keep = graph_set_new(g), *drop = graph_set_new(g);
	struct cdb_revision **v = xmalloc(sizeof *v * (g->nrevs + 1));
	size_t nv = 0;
	int ret = 0;

	for (size_t i = 0; i < n; i++) {
		if (!applied[t[i]->order]) {
			ret = cdb_error_set(CDB_EINVALID, "revision %s ('%s') is not applied, so the database cannot go down to it",
			                    t[i]->id, target);
			cdb_error_hint("to apply it, run 'cdb upgrade %s'", target);
			goto done;
		}
		keep[t[i]->order] = true;
		drop[t[i]->order] = true;
	}
	graph_set_close_down(g, keep);
	graph_set_close_up(g, drop);
	for (size_t i = 0; i < g->nrevs; i++)
		if (n == 0 ? applied[i] : (drop[i] && !keep[i] && applied[i]))
			v[nv++] = g->revs[i];
	set_goal(p, v, nv);
done:
	free(keep);
	free(drop);
	free(v);
	return ret;
}

/* +N, -N, LABEL@+N, LABEL@-N (`base` "" or "LABEL@", modified): relative to the database. */
static int goal_from_db(struct cdb_plan *p, const struct cdb_graph *g, bool *applied, char *base,
                        long delta, const char *target, const char *const *rows, size_t nrows)
{
	struct cdb_revision **moved = NULL, *r;
	bool *universe = NULL;
	size_t n;
	int ret;

	if ((delta > 0) != (p->dir == CDB_UP))
		return cdb_error_set(CDB_EUSAGE, "'%s' moves %s; use 'cdb %s %s'", target,
		                     delta > 0 ? "up" : "down", delta > 0 ? "upgrade" : "downgrade", target);
	if (base[0]) {
		base[strlen(base) - 1] = '\0';
		if (delta > 0) {
			ret = graph_label_head(&r, g, base);
			if (ret)
				return ret;
			universe = graph_set_new(g);
			universe[r->order] = true;
			graph_set_close_down(g, universe);
		} else {
			ret = graph_branch_members(&universe, g, base);
			if (ret)
				return ret;
		}
	} else if (delta > 0 && nrows > 0) {
		/* forward from the current heads: what leads to the heads above them */
		universe = graph_set_new(g);
		for (size_t i = 0; i < nrows; i++)
			universe[cdb_graph_get(g, rows[i])->order] = true;
		graph_set_close_up(g, universe);
		graph_set_close_down(g, universe);
	}
	ret = graph_simulate(g, applied, universe, delta, target, &moved, &n);
	free(universe);
	if (ret == 0)
		set_goal(p, moved, n);
	free(moved);
	return ret;
}

/* The goal of an upgrade to `target` (`base`: REV of REV+N / REV-N, else NULL). */
static int goal_for_upgrade(struct cdb_plan *p, const struct cdb_graph *g, const bool *applied,
                            const char *base, long delta, const char *target)
{
	struct cdb_revision **set = NULL, *r;
	size_t n;
	int ret = 0;

	if (!strcmp(target, "heads")) {
		set_goal(p, g->heads, g->nheads);
	} else if (base) {
		/* REV+N / REV-N: to the state reached from REV */
		ret = graph_lookup_relative(&set, &n, &p->arena, g, base, delta, target);
		if (!ret)
			ret = goal_up(p, applied, set, n, target);
	} else if (strchr(target, ',')) {
		ret = cdb_graph_lookup_set(&set, &n, &p->arena, g, target);
		if (!ret)
			ret = goal_up(p, applied, set, n, target);
	} else {
		ret = cdb_graph_lookup(&r, g, target);
		if (!ret && r)
			ret = goal_up(p, applied, &r, 1, target);
		else if (!ret) { /* upgrade base */
			for (size_t i = 0; i < g->nrevs && !ret; i++)
				if (applied[i]) {
					ret = cdb_error_set(CDB_EINVALID, "the database is already past 'base'");
					cdb_error_hint("to go back to it, run 'cdb downgrade base'");
				}
		}
	}
	return ret;
}

/* LABEL@base: every applied revision of the branch. */
static int goal_branch_base(struct cdb_plan *p, const struct cdb_graph *g, const bool *applied,
                            const char *target)
{
	bool *members = NULL;
	char *label = xstrndup(target, strlen(target) - 5);
	struct cdb_revision **v = xmalloc(sizeof *v * (g->nrevs + 1));
	size_t nv = 0;
	int ret;

	ret = graph_branch_members(&members, g, label);
	for (size_t i = 0; !ret && i < g->nrevs; i++)
		if (members[i] && applied[i])
			v[nv++] = g->revs[i];
	if (!ret)
		set_goal(p, v, nv);
	free(v);
	free(members);
	free(label);
	return ret;
}

/* The goal of a downgrade to `target` (`base`: REV of REV+N / REV-N, else NULL). */
static int goal_for_downgrade(struct cdb_plan *p, const struct cdb_graph *g, const bool *applied,
                              const char *base, long delta, const char *target)
{
	struct cdb_revision **set = NULL, *r;
	size_t n;
	int ret;

	if (!strcmp(target, "base")) {
		ret = goal_down(p, g, applied, NULL, 0, target);
	} else if (base) {
		struct cdb_revision **walked = NULL;
		size_t nwalked = 0;

		ret = graph_lookup_relative_moved(&set, &n, &p->arena, g, base, delta, target, &walked,
		                                  &nwalked);
		if (!ret)
			ret = goal_down(p, g, applied, set, n, target);
		/*
		 * REV-N unapplies the N revisions walked below REV (and what
		 * stands on them), not everything above the state reached:
		 * "d1-1" must not take a sibling branch that shares d1's parents.
		 */
		if (!ret && delta < 0)
			set_goal(p, walked, nwalked);
		free(walked);
	} else if (strlen(target) > 5 && !strcmp(target + strlen(target) - 5, "@base")) {
		ret = goal_branch_base(p, g, applied, target);
	} else if (!strcmp(target, "heads") || strchr(target, ',')) {
		ret = cdb_graph_lookup_set(&set, &n, &p->arena, g, target);
		if (!ret)
			ret = goal_down(p, g, applied, set, n, target);
	} else {
		ret = cdb_graph_lookup(&r, g, target);
		if (!ret)
			ret = goal_down(p, g, applied, &r, r ? 1 : 0, target);
	}
	return ret;
}

/* BRANCH@...: a downgrade leaves the other branches alone. */
static int goal_keep_branch(struct cdb_plan *p, const struct cdb_graph *g, const char *target)
{
	char *label = xstrndup(target, (size_t)(strchr(target, '@') - target));
	bool *members = NULL;
	size_t w = 0;
	int ret;

	ret = graph_branch_members(&members, g, label);
	for (size_t i = 0; !ret && i < p->ngoal; i++)
		if (members[p->goal[i]->order])
			p->goal[w++] = p->goal[i];
	if (!ret)
		p->ngoal = w;
	free(members);
	free(label);
	return ret;
}

int cdb_plan_build(struct cdb_plan *out, const struct cdb_graph *g, enum cdb_direction dir,
                   const char *target, const char *const *rows, size_t nrows)
{
	bool *applied = graph_set_new(g);
	struct cdb_revision *r;
	char *base = NULL;
	long delta = 0;
	int ret;

	memset(out, 0, sizeof *out);
	cdb_arena_init(&out->arena);
	cdb_arena_init(&out->steps_arena);
	out->dir = dir;
	ret = cdb_graph_applied(applied, g, rows, nrows);
	if (ret)
		goto done;

	if (cdb_graph_get(g, target) || graph_find_label(g, target)) {
		/* an id or label that merely looks relative ("release-2") is itself */
		r = cdb_graph_get(g, target) ? cdb_graph_get(g, target) : graph_find_label(g, target)->rev;
		ret = dir == CDB_UP ? goal_up(out, applied, &r, 1, target)
		                    : goal_down(out, g, applied, &r, 1, target);
	} else if (graph_split_relative(target, &base, &delta) &&
	           (!base[0] || base[strlen(base) - 1] == '@')) {
		ret = goal_from_db(out, g, applied, base, delta, target, rows, nrows);
	} else if (dir == CDB_UP) {
		ret = goal_for_upgrade(out, g, applied, base, delta, target);
	} else {
		ret = goal_for_downgrade(out, g, applied, base, delta, target);
	}
	if (ret)
		goto done;
	if (dir == CDB_DOWN && strchr(target, '@')) {
		ret = goal_keep_branch(out, g, target);
		if (ret)
			goto done;
	}
	ret = compute_steps(out, g, rows, nrows);
done:
	free(base);
	free(applied);
	return ret;
}
