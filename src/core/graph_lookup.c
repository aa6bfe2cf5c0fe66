/*
 * graph_lookup.c - naming revisions: ids, unique prefixes, labels, heads,
 * BRANCH@ names and relative moves such as REV+N (see include/cdb/graph.h)
 *
 * A relative move is simulated step by step over the graph's applied sets;
 * when several branches could move, the rule in graph.h chooses or the
 * name is refused as ambiguous with the candidates listed.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/graph.h"
#include "cdb/path.h"
#include "graph_priv.h"

#define MIN_PREFIX 4
#define MAX_LISTED 10 /* candidates listed in an ambiguity error */

/* ---- lookups ---- */

static void list_candidates(struct cdb_revision *const *v, size_t n)
{
	for (size_t i = 0; i < n && i < MAX_LISTED; i++)
		cdb_error_detail("candidate %s (%s)%s%s", v[i]->id, cdb_path_basename(v[i]->file),
		                 v[i]->message[0] ? " " : "", v[i]->message);
	if (n > MAX_LISTED)
		cdb_error_detail("and %zu more", n - MAX_LISTED);
}

static int several_heads(struct cdb_revision *const *heads, size_t n, const char *what)
{
	struct cdb_buf ids = CDB_BUF_INIT;
	int ret;

	for (size_t i = 0; i < n; i++)
		cdb_buf_printf(&ids, "%s%s", i ? ", " : "", heads[i]->id);
	ret = cdb_error_set(CDB_EAMBIGUOUS, "%s has %zu heads: %s", what, n, ids.ptr);
	list_candidates(heads, n);
	cdb_error_hint("join them with 'cdb merge -m MSG heads', or name one revision");
	cdb_error_hint("'cdb heads' lists them; 'cdb upgrade heads' applies all of them");
	cdb_buf_release(&ids);
	return ret;
}

/* Heads reachable from `r` (r itself when it is a head), into `out`/`n` (malloc'ed). */
static void reachable_heads(const struct cdb_graph *g, const struct cdb_revision *r,
                            struct cdb_revision ***out, size_t *n)
{
	bool *s = graph_set_new(g);
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	s[r->order] = true;
	for (size_t i = r->order; i < g->nrevs; i++) {
		struct cdb_revision *x = g->revs[i];

		if (!s[i])
			for (size_t k = 0; k < x->ndown && !s[i]; k++)
				s[i] = s[x->parents[k]->order];
		if (s[i] && !x->nchildren) {
			XGROW(*out, cap, *n + 1);
			(*out)[(*n)++] = x;
		}
	}
	free(s);
}

/* Exact id, label or unique prefix. */
static int lookup_plain(struct cdb_revision **out, const struct cdb_graph *g, const char *name)
{
	struct cdb_revision *r = cdb_graph_get(g, name), **matches = NULL;
	const struct cdb_graph_label *l;
	size_t len = strlen(name), n = 0, cap = 0;
	int ret;

	if (r) {
		*out = r;
		return 0;
	}
	l = graph_find_label(g, name);
	if (l) {
		*out = l->rev;
		return 0;
	}
	if (len >= MIN_PREFIX)
		for (size_t i = 0; i < g->nrevs; i++)
			if (!strncmp(g->revs[i]->id, name, len)) {
				XGROW(matches, cap, n + 1);
				matches[n++] = g->revs[i];
			}
	if (n == 1) {
		*out = matches[0];
		free(matches);
		return 0;
	}
	if (n > 1) {
		ret = cdb_error_set(CDB_EAMBIGUOUS, "revision prefix '%s' matches %zu revisions", name, n);
		list_candidates(matches, n);
		cdb_error_hint("give more characters of the id");
		free(matches);
		return ret;
	}
	free(matches);
	if (len < MIN_PREFIX && len > 0) {
		for (size_t i = 0; i < g->nrevs; i++)
			if (!strncmp(g->revs[i]->id, name, len)) {
				ret = cdb_error_set(CDB_ENOTFOUND, "no revision '%s'", name);
				cdb_error_hint("a revision prefix needs at least %d characters", MIN_PREFIX);
				return ret;
			}
	}
	return cdb_error_set(CDB_ENOTFOUND, "no revision '%s'", name);
}

/* A branch label's head (LABEL@head). */
int graph_label_head(struct cdb_revision **out, const struct cdb_graph *g, const char *label)
{
	const struct cdb_graph_label *l = graph_find_label(g, label);
	struct cdb_revision **heads;
	size_t n;
	int ret = 0;

	if (!l) {
		struct cdb_revision *r;

		/* Alembic also accepts REV@head: the head above a revision. */
		ret = lookup_plain(&r, g, label);
		if (ret) {
			if (ret == CDB_ENOTFOUND)
				cdb_error_set(CDB_ENOTFOUND, "no branch label or revision '%s'", label);
			return ret;
		}
		reachable_heads(g, r, &heads, &n);
	} else {
		reachable_heads(g, l->rev, &heads, &n);
	}
	if (n == 1) {
		*out = heads[0];
	} else {
		char *what = xasprintf("branch '%s'", label);

		ret = several_heads(heads, n, what);
		free(what);
	}
	free(heads);
	return ret;
}

/*
 * Revisions of the branch carrying label (or revision) `name`: everything
 * from it upwards, and the ancestors that lead to no other head.
 */
int graph_branch_members(bool **out, const struct cdb_graph *g, const char *name)
{
	const struct cdb_graph_label *l = graph_find_label(g, name);
	struct cdb_revision *r, **heads;
	bool *members, *other;
	size_t n;
	int ret;

	if (l) {
		r = l->rev;
	} else {
		ret = lookup_plain(&r, g, name);
		if (ret) {
			if (ret == CDB_ENOTFOUND)
				cdb_error_set(CDB_ENOTFOUND, "no branch label or revision '%s'", name);
			return ret;
		}
	}
	reachable_heads(g, r, &heads, &n);
	members = graph_set_new(g);
	other = graph_set_new(g);
	members[r->order] = true;
	graph_set_close_up(g, members);
	for (size_t i = 0; i < g->nheads; i++) {
		bool mine = false;

		for (size_t k = 0; k < n; k++)
			mine |= heads[k] == g->heads[i];
		if (!mine)
			other[g->heads[i]->order] = true;
	}
	graph_set_close_down(g, other);
	{
		bool *anc = graph_set_new(g);

		anc[r->order] = true;
		graph_set_close_down(g, anc);
		for (size_t i = 0; i < g->nrevs; i++)
			if (anc[i] && !other[i])
				members[i] = true;
		free(anc);
	}
	free(other);
	free(heads);
	*out = members;
	return 0;
}

/* Split "X+N" / "X-N" / "+N" / "-N": returns true and fills base (malloc'ed) and delta. */
bool graph_split_relative(const char *name, char **base, long *delta)
{
	size_t len = strlen(name), i = len;
	char *end;
	long n;

	while (i > 0 && isdigit((unsigned char)name[i - 1]))
		i--;
	if (i == len || i == 0 || (name[i - 1] != '+' && name[i - 1] != '-'))
		return false;
	n = strtol(name + i, &end, 10);
	if (n <= 0 || n > INT_MAX)
		return false;
	*delta = name[i - 1] == '+' ? n : -n;
	*base = xstrndup(name, i - 1);
	return true;
}

/* ---- relative moves ---- */

/*
 * Among candidates `c` (k > 1), choose by the rule in graph.h: all leading
 * to one and the same head -> first (up) or last (down) in order.
 */
static int choose(struct cdb_revision **out, const struct cdb_graph *g, struct cdb_revision **c,
                  size_t k, enum cdb_direction dir, const char *target)
{
	struct cdb_revision *head = NULL;
	bool same = true;
	int ret;

	for (size_t i = 0; i < k && same; i++) {
		struct cdb_revision **heads;
		size_t n;

		reachable_heads(g, c[i], &heads, &n);
		if (n != 1 || (head && head != heads[0]))
			same = false;
		else
			head = heads[0];
		free(heads);
	}
	if (same) {
		*out = dir == CDB_UP ? c[0] : c[k - 1];
		return 0;
	}
	ret = cdb_error_set(CDB_EAMBIGUOUS, "relative target '%s' is ambiguous: %zu branches can move",
	                    target, k);
	list_candidates(c, k);
	cdb_error_hint("name the revision to move to, or restrict the move to a branch with LABEL@%s",
	               strchr(target, '@') ? strchr(target, '@') + 1 : target);
	return ret;
}

/*
 * Simulate |delta| steps from applied set `applied` (modified), restricted
 * to `universe` (NULL: all). Moved revisions are appended to *moved.
 */
int graph_simulate(const struct cdb_graph *g, bool *applied, const bool *universe, long delta,
                    const char *target, struct cdb_revision ***moved, size_t *nmoved)
{
	enum cdb_direction dir = delta > 0 ? CDB_UP : CDB_DOWN;
	long steps = delta > 0 ? delta : -delta;
	struct cdb_revision **c = xmalloc(sizeof *c * (g->nrevs + 1));
	size_t cap = 0;
	int ret = 0;

	*moved = NULL;
	*nmoved = 0;
	for (long s = 0; s < steps; s++) {
		size_t k = 0;
		struct cdb_revision *pick = NULL;

		for (size_t i = 0; i < g->nrevs; i++) {
			struct cdb_revision *r = g->revs[i];
			bool ok = true;

			if (universe && !universe[i])
				continue;
			if (dir == CDB_UP) {
				if (applied[i])
					continue;
				for (size_t j = 0; j < r->ndown && ok; j++)
					ok = applied[r->parents[j]->order];
				for (size_t j = 0; j < r->ndepends && ok; j++)
					ok = applied[r->deps[j]->order];
			} else {
				if (!applied[i])
					continue;
				for (size_t j = 0; j < r->nchildren && ok; j++)
					ok = !applied[r->children[j]->order];
				for (size_t j = 0; j < r->ndependents && ok; j++)
					ok = !applied[r->dependents[j]->order];
			}
			if (ok)
				c[k++] = r;
		}
		if (k == 0) {
			ret = cdb_error_set(CDB_EINVALID, "cannot move %s %ld revision%s for '%s': only %ld %s",
			                    dir == CDB_UP ? "up" : "down", steps, steps == 1 ? "" : "s",
			                    target, s, dir == CDB_UP ? "ahead" : "applied");
			goto done;
		}
		if (k == 1)
			pick = c[0];
		else if ((ret = choose(&pick, g, c, k, dir, target)))
			goto done;
		applied[pick->order] = dir == CDB_UP;
		XGROW(*moved, cap, *nmoved + 1);
		(*moved)[(*nmoved)++] = pick;
	}
done:
	free(c);
	if (ret) {
		free(*moved);
		*moved = NULL;
		*nmoved = 0;
	}
	return ret;
}

/* The version rows of applied set `s`: members with no applied child, in order. */
size_t graph_rows_of(const struct cdb_graph *g, const bool *s, struct cdb_revision **out)
{
	size_t n = 0;

	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i];
		bool row = s[i];

		for (size_t k = 0; k < r->nchildren && row; k++)
			row = !s[r->children[k]->order];
		if (row)
			out[n++] = r;
	}
	return n;
}

/* REV+N / REV-N / LABEL@+N as a set of revisions (the rows of the state reached). */
int graph_lookup_relative(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                           const struct cdb_graph *g, const char *base, long delta,
                           const char *name)
{
	return graph_lookup_relative_moved(out, n, a, g, base, delta, name, NULL, NULL);
}

/* As graph_lookup_relative; also hands out the revisions the walk moved over (malloc'ed). */
int graph_lookup_relative_moved(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                                 const struct cdb_graph *g, const char *base, long delta,
                                 const char *name, struct cdb_revision ***moved_out,
                                 size_t *nmoved_out)
{
	struct cdb_revision *r, **moved = NULL, **rows;
	bool *applied = graph_set_new(g), *universe = NULL;
	size_t nmoved;
	int ret;

	if (strlen(base) > 5 && !strcmp(base + strlen(base) - 5, "@base")) {
		/* LABEL@base+N counts from nothing along the branch's lineage (Alembic's rule). */
		char *label = xstrndup(base, strlen(base) - 5);
		struct cdb_revision *head;

		ret = graph_label_head(&head, g, label);
		free(label);
		if (ret)
			goto done;
		universe = graph_set_new(g);
		universe[head->order] = true;
		graph_set_close_down(g, universe);
		r = NULL;
	} else {
		ret = cdb_graph_lookup(&r, g, base);
		if (ret)
			goto done;
	}
	if (r) {
		applied[r->order] = true;
		graph_set_close_down(g, applied);
		if (delta > 0) {
			universe = graph_set_new(g);
			universe[r->order] = true;
			graph_set_close_up(g, universe);
			graph_set_close_down(g, universe);
		}
	}
	ret = graph_simulate(g, applied, universe, delta, name, &moved, &nmoved);
	if (ret)
		goto done;
	rows = cdb_arena_alloc(a, sizeof *rows * (g->nrevs + 1));
	*n = graph_rows_of(g, applied, rows);
	*out = rows;
	if (moved_out) {
		*moved_out = moved;
		*nmoved_out = nmoved;
		moved = NULL;
	}
done:
	free(moved);
	free(applied);
	free(universe);
	return ret;
}

int cdb_graph_lookup(struct cdb_revision **out, const struct cdb_graph *g, const char *name)
{
	const char *at;
	char *base = NULL;
	long delta;
	int ret;

	*out = NULL;
	if (!name[0])
		return cdb_error_set(CDB_EINVALID, "empty revision name");
	if (!strcmp(name, "base"))
		return 0;
	if (!strcmp(name, "head")) {
		if (g->nheads == 1) {
			*out = g->heads[0];
			return 0;
		}
		if (g->nheads == 0) {
			ret = cdb_error_set(CDB_ENOTFOUND, "there are no revisions yet");
			cdb_error_hint("create one with 'cdb revision -m MSG' or 'cdb migrate -m MSG'");
			return ret;
		}
		return several_heads(g->heads, g->nheads, "the revision graph");
	}
	if (!strcmp(name, "heads")) {
		if (g->nheads == 1) {
			*out = g->heads[0];
			return 0;
		}
		return several_heads(g->heads, g->nheads, "the revision graph");
	}
	/* An id or label that merely looks relative ("release-2") is itself. */
	if (cdb_graph_get(g, name) || graph_find_label(g, name))
		return lookup_plain(out, g, name);
	if (graph_split_relative(name, &base, &delta)) {
		struct cdb_arena a = CDB_ARENA_INIT;
		struct cdb_revision **set;
		size_t n;

		if (!base[0] || (base[strlen(base) - 1] == '@')) {
			ret = cdb_error_set(CDB_EINVALID,
			                    "'%s' is relative to the database's current revision", name);
			cdb_error_hint("use it with 'cdb upgrade' or 'cdb downgrade'");
			free(base);
			return ret;
		}
		ret = graph_lookup_relative(&set, &n, &a, g, base, delta, name);
		if (!ret && n == 1)
			*out = set[0];
		else if (!ret && n > 1) {
			ret = cdb_error_set(CDB_EAMBIGUOUS, "'%s' names %zu revisions", name, n);
			list_candidates(set, n);
		}
		cdb_arena_release(&a);
		free(base);
		return ret;
	}
	at = strchr(name, '@');
	if (at) {
		char *label = xstrndup(name, (size_t)(at - name));

		if (!strcmp(at + 1, "head")) {
			ret = graph_label_head(out, g, label);
		} else if (!strcmp(at + 1, "base")) {
			bool *members = NULL;

			ret = graph_branch_members(&members, g, label);
			for (size_t i = 0; !ret && i < g->nrevs; i++)
				if (members[i]) {
					*out = g->revs[i];
					break;
				}
			free(members);
		} else if (at[1]) {
			/* LABEL@REV: REV, the label only restricts which branch a downgrade touches */
			struct cdb_revision *ignored;

			ret = graph_label_head(&ignored, g, label);
			if (ret == CDB_EAMBIGUOUS)
				ret = 0; /* a label below a branch point is still a fine restriction */
			if (!ret)
				ret = cdb_graph_lookup(out, g, at + 1);
		} else {
			ret = cdb_error_set(CDB_EINVALID,
			                    "cannot read '%s': expected LABEL@head, LABEL@base, LABEL@REV or LABEL@+N",
			                    name);
		}
		free(label);
		return ret;
	}
	return lookup_plain(out, g, name);
}

int cdb_graph_lookup_set(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                         const struct cdb_graph *g, const char *names)
{
	struct cdb_revision **v = NULL;
	size_t cnt = 0, cap = 0;
	const char *p = names;
	int ret = 0;

	*out = NULL;
	*n = 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		char *name = xstrndup(p, len), *s = name, *e = name + len;
		char *base;
		long delta;

		while (*s && isspace((unsigned char)*s))
			s++;
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (!strcmp(s, "heads")) {
			for (size_t i = 0; i < g->nheads; i++)
				*CDB_ARENA_PUSH(a, v, cnt, cap) = g->heads[i];
		} else if (*s && !cdb_graph_get(g, s) && !graph_find_label(g, s) &&
		           graph_split_relative(s, &base, &delta) && base[0] && base[strlen(base) - 1] != '@') {
			struct cdb_revision **set;
			size_t k;

			ret = graph_lookup_relative(&set, &k, a, g, base, delta, s);
			free(base);
			for (size_t i = 0; !ret && i < k; i++)
				*CDB_ARENA_PUSH(a, v, cnt, cap) = set[i];
		} else if (*s) {
			struct cdb_revision *r;

			ret = cdb_graph_lookup(&r, g, s);
			if (!ret && r)
				*CDB_ARENA_PUSH(a, v, cnt, cap) = r;
		}
		free(name);
		if (ret)
			return ret;
		p += len;
		if (*p == ',')
			p++;
	}
	/* Drop repeats, keep the first mention. */
	{
		size_t w = 0;

		for (size_t i = 0; i < cnt; i++) {
			bool dup = false;

			for (size_t j = 0; j < w && !dup; j++)
				dup = v[j] == v[i];
			if (!dup)
				v[w++] = v[i];
		}
		cnt = w;
	}
	*out = v;
	*n = cnt;
	return 0;
}
