/*
 * graph.c - the revision graph: loading the revision files, resolving their
 * references and ordering them, and sets over the graph (see
 * include/cdb/graph.h)
 *
 * Naming revisions is in graph_lookup.c and plans in graph_plan.c; what the
 * three share is in graph_priv.h.
 */
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
#include "graph_priv.h"

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

const struct cdb_graph_label *graph_find_label(const struct cdb_graph *g, const char *label)
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
			const struct cdb_graph_label *l = graph_find_label(g, r->depends[k]);

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

bool *graph_set_new(const struct cdb_graph *g)
{
	return xcalloc(g->nrevs + 1, sizeof(bool));
}

/* Add every ancestor (parents and dependencies) of members of `s`. */
void graph_set_close_down(const struct cdb_graph *g, bool *s)
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
void graph_set_close_up(const struct cdb_graph *g, bool *s)
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
	s = graph_set_new(g);
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
