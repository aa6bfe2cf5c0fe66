/* graph.c - the revision graph, targets and plans (see include/cdb/graph.h) */
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/graph.h"
#include "cdb/path.h"

#define MIN_PREFIX 4
#define MAX_LISTED 10 /* candidates listed in an ambiguity error */

/* ---- id index: open addressing over revision pointers ---- */

struct index {
	struct cdb_revision **slots;
	size_t mask;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct cdb_revision *index_get(const struct index *ix, const char *id)
{
	if (!ix || !ix->slots)
		return NULL;
	for (size_t i = hash_str(id) & ix->mask;; i = (i + 1) & ix->mask) {
		struct cdb_revision *r = ix->slots[i];

		if (!r)
			return NULL;
		if (!strcmp(r->id, id))
			return r;
	}
}

/* Insert `r`; returns the revision already holding the id, or NULL. */
static struct cdb_revision *index_put(struct index *ix, struct cdb_revision *r)
{
	for (size_t i = hash_str(r->id) & ix->mask;; i = (i + 1) & ix->mask) {
		if (!ix->slots[i]) {
			ix->slots[i] = r;
			return NULL;
		}
		if (!strcmp(ix->slots[i]->id, r->id))
			return ix->slots[i];
	}
}

/* ---- building ---- */

void cdb_graph_init(struct cdb_graph *g)
{
	memset(g, 0, sizeof *g);
	cdb_arena_init(&g->arena);
}

void cdb_graph_release(struct cdb_graph *g)
{
	struct index *ix = g->index;

	if (ix) {
		free(ix->slots);
		free(ix);
	}
	cdb_arena_release(&g->arena);
	memset(g, 0, sizeof *g);
}

static void add_rev(struct cdb_graph *g, struct cdb_revision *r)
{
	*CDB_ARENA_PUSH(&g->arena, g->revs, g->nrevs, g->revs_cap) = r;
	g->resolved = false;
}

int cdb_graph_add_file(struct cdb_graph *g, const char *path)
{
	struct cdb_revision *r = cdb_arena_alloc(&g->arena, sizeof *r);
	int ret = cdb_revision_load_header(r, &g->arena, path);

	if (!ret)
		add_rev(g, r);
	return ret;
}

int cdb_graph_add_text(struct cdb_graph *g, const char *file, const char *text)
{
	struct cdb_revision *r = cdb_arena_alloc(&g->arena, sizeof *r);
	int ret = cdb_revision_parse_header(r, &g->arena, file, text, strlen(text));

	if (!ret)
		add_rev(g, r);
	return ret;
}

int cdb_graph_load(struct cdb_graph *out, const char *versions_dir)
{
	struct cdb_path_list files = CDB_PATH_LIST_INIT;
	int ret, dirfd = -1;

	cdb_graph_init(out);
	ret = cdb_path_list_sql(&files, versions_dir);
	if (ret) {
		if (ret == CDB_ENOTFOUND) {
			cdb_error_set(ret, "versions directory '%s' does not exist",
			              cdb_path_display(versions_dir));
			cdb_error_hint("run 'cdb init' to create a project");
		}
		goto done;
	}
	/* Opening names relative to the directory skips a path walk per file. */
	dirfd = open(versions_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (size_t i = 0; i < files.n; i++) {
		struct cdb_revision *r = cdb_arena_alloc(&out->arena, sizeof *r);

		ret = cdb_revision_load_header_at(r, &out->arena, dirfd >= 0 ? dirfd : AT_FDCWD,
		                                  dirfd >= 0 ? cdb_path_basename(files.paths[i])
		                                             : files.paths[i],
		                                  files.paths[i]);
		if (ret)
			goto done;
		add_rev(out, r);
	}
	ret = cdb_graph_resolve(out);
done:
	if (dirfd >= 0)
		close(dirfd);
	cdb_path_list_release(&files);
	return ret;
}

static int cmp_label(const void *a, const void *b)
{
	return strcmp(((const struct cdb_graph_label *)a)->label,
	              ((const struct cdb_graph_label *)b)->label);
}

static const struct cdb_graph_label *find_label(const struct cdb_graph *g, const char *label)
{
	struct cdb_graph_label key = { label, NULL };

	if (!g->nlabels)
		return NULL;
	return bsearch(&key, g->labels, g->nlabels, sizeof *g->labels, cmp_label);
}

/* Min-heap of revisions by id, for a deterministic topological order. */
struct heap {
	struct cdb_revision **v;
	size_t n;
};

static void heap_push(struct heap *h, struct cdb_revision *r)
{
	size_t i = h->n++;

	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (strcmp(h->v[p]->id, r->id) <= 0)
			break;
		h->v[i] = h->v[p];
		i = p;
	}
	h->v[i] = r;
}

static struct cdb_revision *heap_pop(struct heap *h)
{
	struct cdb_revision *top = h->v[0], *last = h->v[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && strcmp(h->v[c + 1]->id, h->v[c]->id) < 0)
			c++;
		if (strcmp(last->id, h->v[c]->id) <= 0)
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n)
		h->v[i] = last;
	return top;
}

/*
 * An unsorted prerequisite of unsorted `r` (mark == 0). One always exists:
 * Kahn's algorithm leaves a revision unsorted only while one is pending.
 */
static struct cdb_revision *unsorted_prereq(const struct cdb_revision *r)
{
	for (size_t k = 0; k < r->ndown; k++)
		if (!r->parents[k]->mark)
			return r->parents[k];
	for (size_t k = 0; k < r->ndepends; k++)
		if (!r->deps[k]->mark)
			return r->deps[k];
	return NULL;
}

/* Name a cycle among the revisions left unsorted. */
static int report_cycle(struct cdb_graph *g)
{
	struct cdb_revision *r = NULL, *start;
	struct cdb_buf path = CDB_BUF_INIT;
	int ret;

	for (size_t i = 0; i < g->nrevs && !r; i++)
		if (!g->revs[i]->mark)
			r = g->revs[i];
	/* Following prerequisites for nrevs steps is sure to land on the cycle. */
	for (size_t steps = 0; steps < g->nrevs; steps++)
		r = unsorted_prereq(r);
	start = r;
	do {
		cdb_buf_printf(&path, "%s%s", path.len ? " -> " : "", r->id);
		r = unsorted_prereq(r);
	} while (r != start);
	cdb_buf_printf(&path, " -> %s", start->id);
	ret = cdb_error_set(CDB_EINVALID, "%s:%d: revision '%s' is its own ancestor: %s",
	                    cdb_path_display(start->file),
	                    start->down_line ? start->down_line : start->depends_line, start->id,
	                    path.ptr);
	do {
		cdb_error_detail("%s:%d: %s", cdb_path_display(r->file),
		                 r->down_line ? r->down_line : r->id_line, r->id);
		r = unsorted_prereq(r);
	} while (r != start);
	cdb_buf_release(&path);
	return ret;
}

static int link_refs(struct cdb_graph *g, struct index *ix, struct cdb_revision *r)
{
	r->parents = cdb_arena_alloc(&g->arena, sizeof *r->parents * (r->ndown + 1));
	for (size_t k = 0; k < r->ndown; k++) {
		struct cdb_revision *p = index_get(ix, r->down[k]);

		if (!p)
			return cdb_error_set(CDB_ENOTFOUND,
			                     "%s:%d: down_revision '%s' of revision '%s' is not in any revision file",
			                     cdb_path_display(r->file), r->down_line, r->down[k],
			                     r->id);
		for (size_t j = 0; j < k; j++)
			if (r->parents[j] == p)
				return cdb_error_set(CDB_EINVALID, "%s:%d: down_revision '%s' listed twice",
				                     cdb_path_display(r->file), r->down_line,
				                     p->id);
		r->parents[k] = p;
		*CDB_ARENA_PUSH(&g->arena, p->children, p->nchildren, p->children_cap) = r;
	}
	r->deps = cdb_arena_alloc(&g->arena, sizeof *r->deps * (r->ndepends + 1));
	for (size_t k = 0; k < r->ndepends; k++) {
		struct cdb_revision *p = index_get(ix, r->depends[k]);

		if (!p) {
			const struct cdb_graph_label *l = find_label(g, r->depends[k]);

			p = l ? l->rev : NULL;
		}
		if (!p)
			return cdb_error_set(CDB_ENOTFOUND,
			                     "%s:%d: depends_on '%s' of revision '%s' is not in any revision file",
			                     cdb_path_display(r->file), r->depends_line,
			                     r->depends[k], r->id);
		if (p == r)
			return cdb_error_set(CDB_EINVALID, "%s:%d: revision '%s' depends on itself",
			                     cdb_path_display(r->file),
			                     r->depends_line, r->id);
		r->deps[k] = p;
		*CDB_ARENA_PUSH(&g->arena, p->dependents, p->ndependents, p->dependents_cap) = r;
	}
	return 0;
}

static int cmp_rev_id(const void *a, const void *b)
{
	return strcmp((*(struct cdb_revision *const *)a)->id, (*(struct cdb_revision *const *)b)->id);
}

int cdb_graph_resolve(struct cdb_graph *g)
{
	struct index *ix;
	struct heap h = { NULL, 0 };
	struct cdb_revision **sorted = NULL;
	size_t *pending = NULL, nsorted = 0, cap;
	int ret = 0;

	if (g->index) {
		ix = g->index;
		free(ix->slots);
		free(ix);
		g->index = NULL;
	}
	ix = xcalloc(1, sizeof *ix);
	g->index = ix;
	for (cap = 16; cap < 2 * g->nrevs + 2; cap *= 2)
		;
	ix->slots = xcalloc(cap, sizeof *ix->slots);
	ix->mask = cap - 1;
	g->nlabels = 0;
	g->nheads = g->nbases = 0;

	/* Files are read in name order; sorting by id makes errors independent of names. */
	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i], *other = index_put(ix, r);

		r->nchildren = r->ndependents = 0;
		r->mark = 0;
		if (other) {
			ret = cdb_error_set(CDB_EINVALID, "%s:%d: duplicate revision id '%s' (also in %s:%d)",
			                    cdb_path_display(r->file), r->id_line, r->id,
			                    cdb_path_display(other->file), other->id_line);
			goto done;
		}
	}
	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i];

		for (size_t k = 0; k < r->nlabels; k++) {
			struct cdb_graph_label *l;

			if (strchr(r->labels[k], '@') || strchr(r->labels[k], '+') || strchr(r->labels[k], ':')) {
				ret = cdb_error_set(CDB_EINVALID, "%s:%d: branch label '%s' contains '@', '+' or ':'",
				                    cdb_path_display(r->file), r->labels_line,
				                    r->labels[k]);
				goto done;
			}
			if (index_get(ix, r->labels[k])) {
				ret = cdb_error_set(CDB_EINVALID, "%s:%d: branch label '%s' is also a revision id",
				                    cdb_path_display(r->file), r->labels_line,
				                    r->labels[k]);
				goto done;
			}
			l = CDB_ARENA_PUSH(&g->arena, g->labels, g->nlabels, g->labels_cap);
			l->label = r->labels[k];
			l->rev = r;
		}
	}
	if (g->nlabels > 1)
		qsort(g->labels, g->nlabels, sizeof *g->labels, cmp_label);
	for (size_t i = 1; i < g->nlabels; i++)
		if (!strcmp(g->labels[i].label, g->labels[i - 1].label)) {
			const struct cdb_graph_label *a = &g->labels[i - 1], *b = &g->labels[i];

			ret = cdb_error_set(CDB_EINVALID, "%s:%d: branch label '%s' already used by %s:%d",
			                    cdb_path_display(b->rev->file), b->rev->labels_line,
			                    b->label, cdb_path_display(a->rev->file),
			                    a->rev->labels_line);
			goto done;
		}
	for (size_t i = 0; i < g->nrevs; i++) {
		ret = link_refs(g, ix, g->revs[i]);
		if (ret)
			goto done;
	}
	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i];

		if (r->nchildren > 1)
			qsort(r->children, r->nchildren, sizeof *r->children, cmp_rev_id);
		if (r->ndependents > 1)
			qsort(r->dependents, r->ndependents, sizeof *r->dependents, cmp_rev_id);
	}

	/* Kahn's algorithm; `pending` counts unsorted prerequisites. */
	pending = xcalloc(g->nrevs + 1, sizeof *pending);
	h.v = xmalloc(sizeof *h.v * (g->nrevs + 1));
	sorted = xmalloc(sizeof *sorted * (g->nrevs + 1));
	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i];

		r->order = i; /* temporarily: position in revs */
		pending[i] = r->ndown + r->ndepends;
		if (!pending[i])
			heap_push(&h, r);
	}
	while (h.n) {
		struct cdb_revision *r = heap_pop(&h);

		r->mark = 1;
		sorted[nsorted++] = r;
		for (size_t k = 0; k < r->nchildren; k++)
			if (--pending[r->children[k]->order] == 0)
				heap_push(&h, r->children[k]);
		for (size_t k = 0; k < r->ndependents; k++)
			if (--pending[r->dependents[k]->order] == 0)
				heap_push(&h, r->dependents[k]);
	}
	if (nsorted < g->nrevs) {
		ret = report_cycle(g);
		goto done;
	}
	for (size_t i = 0; i < nsorted; i++) {
		g->revs[i] = sorted[i];
		g->revs[i]->order = i;
		g->revs[i]->mark = 0;
		if (!sorted[i]->nchildren)
			g->nheads++;
		if (!sorted[i]->ndown)
			g->nbases++;
	}
	g->heads = cdb_arena_alloc(&g->arena, sizeof *g->heads * (g->nheads + 1));
	g->bases = cdb_arena_alloc(&g->arena, sizeof *g->bases * (g->nbases + 1));
	g->nheads = g->nbases = 0;
	for (size_t i = 0; i < nsorted; i++) {
		if (!sorted[i]->nchildren)
			g->heads[g->nheads++] = sorted[i];
		if (!sorted[i]->ndown)
			g->bases[g->nbases++] = sorted[i];
	}
	g->resolved = true;
done:
	free(pending);
	free(h.v);
	free(sorted);
	return ret;
}

struct cdb_revision *cdb_graph_get(const struct cdb_graph *g, const char *id)
{
	return index_get(g->index, id);
}

/* ---- sets over the graph: bool arrays indexed by revision order ---- */

static bool *set_new(const struct cdb_graph *g)
{
	return xcalloc(g->nrevs + 1, sizeof(bool));
}

/* Add every ancestor (parents and dependencies) of members of `s`. */
static void set_close_down(const struct cdb_graph *g, bool *s)
{
	for (size_t i = g->nrevs; i-- > 0;) {
		struct cdb_revision *r = g->revs[i];

		if (!s[i])
			continue;
		for (size_t k = 0; k < r->ndown; k++)
			s[r->parents[k]->order] = true;
		for (size_t k = 0; k < r->ndepends; k++)
			s[r->deps[k]->order] = true;
	}
}

/* Add every descendant (children and dependents) of members of `s`. */
static void set_close_up(const struct cdb_graph *g, bool *s)
{
	for (size_t i = 0; i < g->nrevs; i++) {
		struct cdb_revision *r = g->revs[i];

		if (s[i])
			continue;
		for (size_t k = 0; k < r->ndown && !s[i]; k++)
			s[i] = s[r->parents[k]->order];
		for (size_t k = 0; k < r->ndepends && !s[i]; k++)
			s[i] = s[r->deps[k]->order];
	}
}

bool cdb_graph_is_ancestor(const struct cdb_graph *g, const struct cdb_revision *anc,
                           const struct cdb_revision *rev, bool deps)
{
	bool *s, found;

	if (anc == rev)
		return true;
	if (anc->order > rev->order)
		return false;
	s = set_new(g);
	s[rev->order] = true;
	/* Only orders between anc and rev can lie on a path. */
	for (size_t i = rev->order + 1; i-- > anc->order;) {
		struct cdb_revision *r = g->revs[i];

		if (!s[i])
			continue;
		for (size_t k = 0; k < r->ndown; k++)
			s[r->parents[k]->order] = true;
		for (size_t k = 0; deps && k < r->ndepends; k++)
			s[r->deps[k]->order] = true;
	}
	found = s[anc->order];
	free(s);
	return found;
}

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
	bool *s = set_new(g);
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
	l = find_label(g, name);
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
static int label_head(struct cdb_revision **out, const struct cdb_graph *g, const char *label)
{
	const struct cdb_graph_label *l = find_label(g, label);
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
static int branch_members(bool **out, const struct cdb_graph *g, const char *name)
{
	const struct cdb_graph_label *l = find_label(g, name);
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
	members = set_new(g);
	other = set_new(g);
	members[r->order] = true;
	set_close_up(g, members);
	for (size_t i = 0; i < g->nheads; i++) {
		bool mine = false;

		for (size_t k = 0; k < n; k++)
			mine |= heads[k] == g->heads[i];
		if (!mine)
			other[g->heads[i]->order] = true;
	}
	set_close_down(g, other);
	{
		bool *anc = set_new(g);

		anc[r->order] = true;
		set_close_down(g, anc);
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
static bool split_relative(const char *name, char **base, long *delta)
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
static int simulate(const struct cdb_graph *g, bool *applied, const bool *universe, long delta,
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
static size_t rows_of(const struct cdb_graph *g, const bool *s, struct cdb_revision **out)
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
static int lookup_relative_moved(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                                 const struct cdb_graph *g, const char *base, long delta,
                                 const char *name, struct cdb_revision ***moved_out,
                                 size_t *nmoved_out);

static int lookup_relative(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                           const struct cdb_graph *g, const char *base, long delta,
                           const char *name)
{
	return lookup_relative_moved(out, n, a, g, base, delta, name, NULL, NULL);
}

/* As lookup_relative; also hands out the revisions the walk moved over (malloc'ed). */
static int lookup_relative_moved(struct cdb_revision ***out, size_t *n, struct cdb_arena *a,
                                 const struct cdb_graph *g, const char *base, long delta,
                                 const char *name, struct cdb_revision ***moved_out,
                                 size_t *nmoved_out)
{
	struct cdb_revision *r, **moved = NULL, **rows;
	bool *applied = set_new(g), *universe = NULL;
	size_t nmoved;
	int ret;

	if (strlen(base) > 5 && !strcmp(base + strlen(base) - 5, "@base")) {
		/* LABEL@base+N counts from nothing along the branch's lineage (Alembic's rule). */
		char *label = xstrndup(base, strlen(base) - 5);
		struct cdb_revision *head;

		ret = label_head(&head, g, label);
		free(label);
		if (ret)
			goto done;
		universe = set_new(g);
		universe[head->order] = true;
		set_close_down(g, universe);
		r = NULL;
	} else {
		ret = cdb_graph_lookup(&r, g, base);
		if (ret)
			goto done;
	}
	if (r) {
		applied[r->order] = true;
		set_close_down(g, applied);
		if (delta > 0) {
			universe = set_new(g);
			universe[r->order] = true;
			set_close_up(g, universe);
			set_close_down(g, universe);
		}
	}
	ret = simulate(g, applied, universe, delta, name, &moved, &nmoved);
	if (ret)
		goto done;
	rows = cdb_arena_alloc(a, sizeof *rows * (g->nrevs + 1));
	*n = rows_of(g, applied, rows);
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
	if (cdb_graph_get(g, name) || find_label(g, name))
		return lookup_plain(out, g, name);
	if (split_relative(name, &base, &delta)) {
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
		ret = lookup_relative(&set, &n, &a, g, base, delta, name);
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
			ret = label_head(out, g, label);
		} else if (!strcmp(at + 1, "base")) {
			bool *members = NULL;

			ret = branch_members(&members, g, label);
			for (size_t i = 0; !ret && i < g->nrevs; i++)
				if (members[i]) {
					*out = g->revs[i];
					break;
				}
			free(members);
		} else if (at[1]) {
			/* LABEL@REV: REV, the label only restricts which branch a downgrade touches */
			struct cdb_revision *ignored;

			ret = label_head(&ignored, g, label);
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
		} else if (*s && !cdb_graph_get(g, s) && !find_label(g, s) &&
		           split_relative(s, &base, &delta) && base[0] && base[strlen(base) - 1] != '@') {
			struct cdb_revision **set;
			size_t k;

			ret = lookup_relative(&set, &k, a, g, base, delta, s);
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
	set_close_down(g, marks);
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
	bool *applied = set_new(g), *todo = set_new(g), *isrow = set_new(g);
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
		set_close_down(g, todo);
		for (size_t i = 0; i < g->nrevs; i++)
			todo[i] = todo[i] && !applied[i];
	} else {
		set_close_up(g, todo);
		for (size_t i = 0; i < g->nrevs; i++)
			todo[i] = todo[i] && applied[i];
	}
	ncur = rows_of(g, applied, cur);
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
	bool *keep = set_new(g), *drop = set_new(g);
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
	set_close_down(g, keep);
	set_close_up(g, drop);
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

int cdb_plan_build(struct cdb_plan *out, const struct cdb_graph *g, enum cdb_direction dir,
                   const char *target, const char *const *rows, size_t nrows)
{
	bool *applied = set_new(g);
	struct cdb_revision **moved = NULL, **set = NULL, *r;
	char *base = NULL;
	size_t n;
	long delta;
	int ret;

	memset(out, 0, sizeof *out);
	cdb_arena_init(&out->arena);
	cdb_arena_init(&out->steps_arena);
	out->dir = dir;
	ret = cdb_graph_applied(applied, g, rows, nrows);
	if (ret)
		goto done;

	if (cdb_graph_get(g, target) || find_label(g, target)) {
		/* an id or label that merely looks relative ("release-2") is itself */
		r = cdb_graph_get(g, target) ? cdb_graph_get(g, target) : find_label(g, target)->rev;
		ret = dir == CDB_UP ? goal_up(out, applied, &r, 1, target)
		                    : goal_down(out, g, applied, &r, 1, target);
	} else if (split_relative(target, &base, &delta) &&
	           (!base[0] || base[strlen(base) - 1] == '@')) {
		/* +N, -N, LABEL@+N, LABEL@-N: relative to the database. */
		bool *universe = NULL;

		if ((delta > 0) != (dir == CDB_UP)) {
			ret = cdb_error_set(CDB_EUSAGE, "'%s' moves %s; use 'cdb %s %s'", target,
			                    delta > 0 ? "up" : "down", delta > 0 ? "upgrade" : "downgrade",
			                    target);
			goto done;
		}
		if (base[0]) {
			base[strlen(base) - 1] = '\0';
			if (delta > 0) {
				ret = label_head(&r, g, base);
				if (ret)
					goto done;
				universe = set_new(g);
				universe[r->order] = true;
				set_close_down(g, universe);
			} else {
				ret = branch_members(&universe, g, base);
				if (ret)
					goto done;
			}
		} else if (delta > 0 && nrows > 0) {
			/* forward from the current heads: what leads to the heads above them */
			universe = set_new(g);
			for (size_t i = 0; i < nrows; i++)
				universe[cdb_graph_get(g, rows[i])->order] = true;
			set_close_up(g, universe);
			set_close_down(g, universe);
		}
		ret = simulate(g, applied, universe, delta, target, &moved, &n);
		free(universe);
		if (ret)
			goto done;
		set_goal(out, moved, n);
	} else if (dir == CDB_UP) {
		if (!strcmp(target, "heads")) {
			set_goal(out, g->heads, g->nheads);
		} else if (base) {
			/* REV+N / REV-N: to the state reached from REV */
			ret = lookup_relative(&set, &n, &out->arena, g, base, delta, target);
			if (!ret)
				ret = goal_up(out, applied, set, n, target);
		} else if (strchr(target, ',')) {
			ret = cdb_graph_lookup_set(&set, &n, &out->arena, g, target);
			if (!ret)
				ret = goal_up(out, applied, set, n, target);
		} else {
			ret = cdb_graph_lookup(&r, g, target);
			if (!ret && r)
				ret = goal_up(out, applied, &r, 1, target);
			else if (!ret) { /* upgrade base */
				for (size_t i = 0; i < g->nrevs && !ret; i++)
					if (applied[i]) {
						ret = cdb_error_set(CDB_EINVALID, "the database is already past 'base'");
						cdb_error_hint("to go back to it, run 'cdb downgrade base'");
					}
			}
		}
	} else {
		if (!strcmp(target, "base")) {
			ret = goal_down(out, g, applied, NULL, 0, target);
		} else if (base) {
			struct cdb_revision **walked = NULL;
			size_t nwalked = 0;

			ret = lookup_relative_moved(&set, &n, &out->arena, g, base, delta, target,
			                            &walked, &nwalked);
			if (!ret)
				ret = goal_down(out, g, applied, set, n, target);
			/*
			 * REV-N unapplies the N revisions walked below REV (and what
			 * stands on them), not everything above the state reached:
			 * "d1-1" must not take a sibling branch that shares d1's parents.
			 */
			if (!ret && delta < 0)
				set_goal(out, walked, nwalked);
			free(walked);
		} else if (strlen(target) > 5 && !strcmp(target + strlen(target) - 5, "@base")) {
			bool *members = NULL;
			char *label = xstrndup(target, strlen(target) - 5);
			struct cdb_revision **v = xmalloc(sizeof *v * (g->nrevs + 1));
			size_t nv = 0;

			ret = branch_members(&members, g, label);
			for (size_t i = 0; !ret && i < g->nrevs; i++)
				if (members[i] && applied[i])
					v[nv++] = g->revs[i];
			if (!ret)
				set_goal(out, v, nv);
			free(v);
			free(members);
			free(label);
		} else if (!strcmp(target, "heads") || strchr(target, ',')) {
			ret = cdb_graph_lookup_set(&set, &n, &out->arena, g, target);
			if (!ret)
				ret = goal_down(out, g, applied, set, n, target);
		} else {
			ret = cdb_graph_lookup(&r, g, target);
			if (!ret)
				ret = goal_down(out, g, applied, &r, r ? 1 : 0, target);
		}
	}
	if (ret)
		goto done;
	/* BRANCH@...: a downgrade leaves the other branches alone */
	if (dir == CDB_DOWN && strchr(target, '@')) {
		char *label = xstrndup(target, (size_t)(strchr(target, '@') - target));
		bool *members = NULL;
		size_t w = 0;

		ret = branch_members(&members, g, label);
		for (size_t i = 0; !ret && i < out->ngoal; i++)
			if (members[out->goal[i]->order])
				out->goal[w++] = out->goal[i];
		if (!ret)
			out->ngoal = w;
		free(members);
		free(label);
		if (ret)
			goto done;
	}
	ret = compute_steps(out, g, rows, nrows);
done:
	free(base);
	free(moved);
	free(applied);
	return ret;
}
