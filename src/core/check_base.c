/*
 * check_base.c - `check --base REF`: the revision headers of the work tree
 * and of REF (and their merge base) compared (see check.h)
 *
 * Both sets are read from headers only, without building a graph, so a
 * work tree whose graph does not resolve still gets its findings; the
 * rebase plan in rebase.c reads the same two sets.
 */
#include "cdb/check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/dialect.h"
#include "cdb/diff.h"
#include "cdb/graph.h"
#include "cdb/models.h"
#include "cdb/path.h"
#include "cdb/revision.h"
#include "cdb/runner.h"
#include "cdb/schema.h"
#include "check_priv.h"

/* --- two sets of revision headers ------------------------------------------ */

static const struct rev_set *sort_set; /* qsort has no context argument */

static int by_id_cmp(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	return strcmp(sort_set->v[*x].rev.id, sort_set->v[*y].rev.id);
}

static void index_set(struct cdb_arena *a, struct rev_set *s)
{
	size_t i;

	s->by_id = cdb_arena_alloc(a, (s->n ? s->n : 1) * sizeof *s->by_id);
	for (i = 0; i < s->n; i++)
		s->by_id[i] = i;
	sort_set = s;
	qsort(s->by_id, s->n, sizeof *s->by_id, by_id_cmp);
	sort_set = NULL;
}

/* Index of revision `id` in `s`, -1 when absent. */
int check_find_id(const struct rev_set *s, const char *id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->v[s->by_id[mid]].rev.id, id);
		if (c == 0)
			return (int)s->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int load_work(struct base_cmp *c, const char *versions_dir)
{
	struct cdb_path_list files = CDB_PATH_LIST_INIT;
	struct cdb_buf text = CDB_BUF_INIT;
	size_t i;
	int rc;

	rc = cdb_path_list_sql(&files, versions_dir);
	if (rc == CDB_ENOTFOUND) {
		/* No versions directory in the work tree: no revisions here. */
		cdb_error_clear();
		rc = 0;
		goto done;
	}
	if (rc < 0)
		goto done;
	for (i = 0; i < files.n; i++) {
		struct rev_entry *e = CDB_ARENA_PUSH(&c->arena, c->work.v, c->work.n, c->work.cap);

		cdb_buf_reset(&text);
		rc = cdb_path_read(&text, files.paths[i]);
		if (rc < 0)
			goto done;
		rc = cdb_revision_parse_header(&e->rev, &c->arena, files.paths[i], text.ptr, text.len);
		if (rc < 0)
			goto done;
		e->path = cdb_arena_strdup(&c->arena, files.paths[i]);
		e->name = cdb_path_basename(e->path);
		e->file = e->path;
		e->other = -1;
		cdb_git_text_id(e->checksum, text.ptr, text.len);
	}
	rc = 0;
done:
	cdb_buf_release(&text);
	cdb_path_list_release(&files);
	return rc;
}

/* Parse the revision files read from a commit (`files`) into `set`. */
static int load_tree(struct base_cmp *c, struct rev_set *set, const struct cdb_git_files *files,
                     const char *refname, const char *versions_dir)
{
	size_t i;
	int rc;

	for (i = 0; i < files->n; i++) {
		const struct cdb_git_file *f = &files->files[i];
		struct rev_entry *e = CDB_ARENA_PUSH(&c->arena, set->v, set->n, set->cap);
		char *where = cdb_arena_sprintf(&c->arena, "%s:%s", refname, f->path);

		rc = cdb_revision_parse_header(&e->rev, &c->arena, where, f->data, f->len);
		if (rc < 0)
			return rc;
		e->path = f->path;
		e->name = f->name;
		e->file = cdb_arena_sprintf(&c->arena, "%s/%s", versions_dir, f->name);
		e->other = -1;
		memcpy(e->checksum, f->text_id, sizeof e->checksum);
	}
	return 0;
}

static int load_ref(struct base_cmp *c, const char *versions_dir)
{
	char mb[CDB_GIT_HEXSZ + 1];
	int rc;

	rc = cdb_git_list_files(&c->at_ref, c->git, c->refname, versions_dir);
	if (rc < 0)
		return rc;
	rc = load_tree(c, &c->ref, &c->at_ref, c->refname, versions_dir);
	if (rc < 0)
		return rc;
	/*
	 * The merge base tells "deleted on this branch" from "added at REF
	 * since the branch started"; without one (unrelated or cut history)
	 * the checks fall back to what REF alone shows.
	 */
	if (cdb_git_merge_base(mb, c->git, c->refname) < 0) {
		cdb_error_clear();
		return 0;
	}
	rc = cdb_git_list_files(&c->at_base, c->git, mb, versions_dir);
	if (rc < 0)
		return rc;
	rc = load_tree(c, &c->mb, &c->at_base, mb, versions_dir);
	if (rc < 0)
		return rc;
	c->have_mb = true;
	return 0;
}

void check_base_cmp_release(struct base_cmp *c)
{
	cdb_git_files_release(&c->at_ref);
	cdb_git_files_release(&c->at_base);
	cdb_git_free(c->git);
	cdb_arena_release(&c->arena);
}

/* Duplicate ids inside one set are the graph loader's error to report. */
static void link_sets(struct base_cmp *c)
{
	size_t i, k;

	index_set(&c->arena, &c->work);
	index_set(&c->arena, &c->ref);
	index_set(&c->arena, &c->mb);
	for (i = 0; i < c->work.n; i++) {
		c->work.v[i].other = check_find_id(&c->ref, c->work.v[i].rev.id);
		if (c->work.v[i].other >= 0)
			c->ref.v[c->work.v[i].other].other = (int)i;
	}
	/* Children in the union: a work revision shadows its copy at REF. */
	for (i = 0; i < c->work.n; i++) {
		const struct cdb_revision *r = &c->work.v[i].rev;
		for (k = 0; k < r->ndown; k++) {
			int w = check_find_id(&c->work, r->down[k]), f = check_find_id(&c->ref, r->down[k]);
			if (w >= 0)
				c->work.v[w].has_child = true;
			if (f >= 0)
				c->ref.v[f].has_child = true;
		}
	}
	for (i = 0; i < c->ref.n; i++) {
		const struct cdb_revision *r = &c->ref.v[i].rev;
		if (c->ref.v[i].other >= 0)
			continue;
		for (k = 0; k < r->ndown; k++) {
			int w = check_find_id(&c->work, r->down[k]), f = check_find_id(&c->ref, r->down[k]);
			if (w >= 0)
				c->work.v[w].has_child = true;
			if (f >= 0)
				c->ref.v[f].has_child = true;
		}
	}
}

int check_base_cmp_load(struct base_cmp *c, const struct cdb_config *cfg, const char *ref)
{
	int rc;

	memset(c, 0, sizeof *c);
	cdb_arena_init(&c->arena);
	cdb_git_files_init(&c->at_ref);
	cdb_git_files_init(&c->at_base);
	c->refname = cdb_arena_strdup(&c->arena, ref);
	c->cfg = cfg;
	rc = cdb_git_open(&c->git, cfg->dir);
	if (rc < 0) {
		if (rc == CDB_ENOTFOUND)
			cdb_error_hint("the revisions at '%s' are read from git: run cdb inside the "
			               "project's git work tree", ref);
		return rc;
	}
	rc = load_ref(c, cfg->versions_dir);
	if (rc < 0)
		return rc;
	rc = load_work(c, cfg->versions_dir);
	if (rc < 0)
		return rc;
	link_sets(c);
	return 0;
}

/* "a, b" or "(base)" for a down_revision list. */
const char *check_down_text(struct cdb_arena *a, const struct cdb_revision *r)
{
	struct cdb_buf b = CDB_BUF_INIT;
	const char *s;
	size_t i;

	if (r->ndown == 0)
		return "(base)";
	for (i = 0; i < r->ndown; i++)
		cdb_buf_printf(&b, "%s%s", i ? ", " : "", r->down[i]);
	s = cdb_arena_strdup(a, b.ptr);
	cdb_buf_release(&b);
	return s;
}

/* "commit 1a2b3c4 (summary, date)" or "an unknown commit". */
static const char *origin_text(struct cdb_arena *a, const struct cdb_git_origin *o)
{
	if (!o->found)
		return "an unknown commit";
	return cdb_arena_sprintf(a, "commit %s (%s, %s)", o->commit.short_id, o->commit.summary,
	                         o->commit.date);
}

/* True when `i` in `s` or one of its ancestors within `s` carries branch_labels. */
static bool labelled_line(const struct rev_set *s, size_t i)
{
	size_t steps = 0;
	int cur = (int)i;

	/* Follow first parents only: enough to find the base of a labelled branch. */
	while (cur >= 0 && steps++ <= s->n) {
		const struct cdb_revision *r = &s->v[cur].rev;
		if (r->nlabels > 0)
			return true;
		if (r->ndown == 0)
			return false;
		cur = check_find_id(s, r->down[0]);
	}
	return false;
}

/* Heads of REF's own revisions; *last is one of them. */
size_t check_count_ref_heads(struct base_cmp *c, const struct rev_entry **last)
{
	bool *child = cdb_arena_alloc(&c->arena, (c->ref.n + 1) * sizeof *child);
	size_t i, k, n = 0;

	for (i = 0; i < c->ref.n; i++)
		for (k = 0; k < c->ref.v[i].rev.ndown; k++) {
			int p = check_find_id(&c->ref, c->ref.v[i].rev.down[k]);
			if (p >= 0)
				child[p] = true;
		}
	for (i = 0; i < c->ref.n; i++)
		if (!child[i]) {
			n++;
			if (last)
				*last = &c->ref.v[i];
		}
	return n;
}

/* A new revision (absent at REF) that no revision follows, outside a labelled branch. */
bool check_is_new_head(const struct base_cmp *c, size_t i)
{
	const struct rev_entry *w = &c->work.v[i];
	return w->other < 0 && !w->has_child && !labelled_line(&c->work, i);
}

static void report_heads(struct cdb_findings *out, struct base_cmp *c, const char *versions_dir)
{
	size_t i, k, nref_heads, nunion = 0;
	const char **names;
	struct cdb_git_origin *work_o, *ref_o;
	int rc;

	if (c->ref.n == 0)
		return; /* nothing at REF yet: every revision is new, the graph check sees the rest */
	nref_heads = check_count_ref_heads(c, NULL);
	for (i = 0; i < c->ref.n; i++)
		if (!c->ref.v[i].has_child)
			nunion++;
	for (i = 0; i < c->work.n; i++)
		if (check_is_new_head(c, i))
			nunion++;
	if (nunion <= nref_heads)
		return;

	/* Who added what: one walk from HEAD for ours, one from REF for theirs. */
	names = cdb_arena_alloc(&c->arena, (c->work.n + c->ref.n + 1) * sizeof *names);
	work_o = cdb_arena_alloc(&c->arena, (c->work.n + 1) * sizeof *work_o);
	ref_o = cdb_arena_alloc(&c->arena, (c->ref.n + 1) * sizeof *ref_o);
	for (i = 0; i < c->work.n; i++)
		names[i] = c->work.v[i].name;
	rc = cdb_git_origins(work_o, c->git, NULL, versions_dir, names, c->work.n, 0, &c->arena);
	for (i = 0; i < c->ref.n; i++)
		names[i] = c->ref.v[i].name;
	if (rc == 0)
		rc = cdb_git_origins(ref_o, c->git, c->refname, versions_dir, names, c->ref.n, 0,
		                     &c->arena);
	if (rc < 0)
		cdb_error_clear(); /* origins are a courtesy: report "unknown" */

	for (i = 0; i < c->work.n; i++) {
		const struct rev_entry *w = &c->work.v[i];
		struct cdb_finding *f;

		if (!check_is_new_head(c, i))
			continue;
		f = cdb_findings_add(out, CDB_FINDING_BASE_HEADS, w->rev.id, w->file,
		                     "merging into '%s' would leave two heads: '%s' does not follow "
		                     "the head at '%s'", c->refname, w->rev.id, c->refname);
		cdb_finding_detail(out, f, "this branch: %s (down_revision %s), added in %s",
		                   w->rev.id, check_down_text(&out->arena, &w->rev),
		                   origin_text(&out->arena, &work_o[i]));
		for (k = 0; k < c->ref.n; k++) {
			const struct rev_entry *r = &c->ref.v[k];
			if (r->has_child)
				continue;
			cdb_finding_detail(out, f, "%s: %s (down_revision %s), added in %s", c->refname,
			                   r->rev.id, check_down_text(&out->arena, &r->rev),
			                   origin_text(&out->arena, &ref_o[k]));
		}
		cdb_finding_detail(out, f, "fix: cdb rebase --onto %s", c->refname);
	}
}

/*
 * below[i]: REF revision i is an ancestor (within REF) of a REF revision
 * present in the work tree, so the branch has revisions above it.
 */
static void mark_ancestors_in_work(struct base_cmp *c, bool *below)
{
	size_t *stack = xcalloc(3 * c->ref.n + 1, sizeof *stack), n = 0, i, k;
	bool *done = xcalloc(c->ref.n + 1, sizeof *done);

	for (i = 0; i < c->ref.n; i++)
		if (c->ref.v[i].other >= 0)
			stack[n++] = i;
	/* Parents named by our own revisions count too. */
	for (i = 0; i < c->work.n; i++)
		for (k = 0; k < c->work.v[i].rev.ndown; k++) {
			int p = check_find_id(&c->ref, c->work.v[i].rev.down[k]);
			if (p >= 0 && !done[p]) {
				done[p] = true;
				below[p] = true;
				stack[n++] = (size_t)p;
			}
		}
	while (n > 0) {
		const struct cdb_revision *r = &c->ref.v[stack[--n]].rev;
		for (k = 0; k < r->ndown; k++) {
			int p = check_find_id(&c->ref, r->down[k]);
			if (p >= 0 && !done[p]) {
				done[p] = true;
				below[p] = true;
				stack[n++] = (size_t)p;
			}
		}
	}
	free(done);
	free(stack);
}

int cdb_check_base(struct cdb_findings *out, const struct cdb_config *cfg, const char *ref)
{
	struct base_cmp c;
	bool *below = NULL;
	size_t i;
	int rc;

	rc = check_base_cmp_load(&c, cfg, ref);
	if (rc < 0)
		goto done;
	below = xcalloc(c.ref.n + 1, sizeof *below);
	if (!c.have_mb)
		mark_ancestors_in_work(&c, below);
	for (i = 0; i < c.ref.n; i++) {
		const struct rev_entry *r = &c.ref.v[i];
		const struct rev_entry *w = r->other >= 0 ? &c.work.v[r->other] : NULL;
		int m = check_find_id(&c.mb, r->rev.id);
		struct cdb_finding *f;

		if (!w) {
			/*
			 * Missing here: deleted on this branch when the branch had it
			 * (merge base), else merely not merged yet. Without a merge
			 * base, only a gap below revisions we do have is a deletion.
			 */
			if (c.have_mb ? m < 0 : !below[i])
				continue;
			f = cdb_findings_add(out, CDB_FINDING_BASE_DELETED, r->rev.id, r->file,
			                     "revision '%s' exists at '%s' but was deleted", r->rev.id, ref);
			cdb_finding_detail(out, f, "restore it: git checkout %s -- ':/%s'", ref, r->path);
			continue;
		}
		if (strcmp(w->checksum, r->checksum) == 0)
			continue;
		/* Changed at REF since the branch started, not here: not this branch's doing. */
		if (m >= 0 && strcmp(w->checksum, c.mb.v[m].checksum) == 0)
			continue;
		f = cdb_findings_add(out, CDB_FINDING_BASE_EDITED, w->rev.id, w->file,
		                     "revision '%s' exists at '%s' and was edited", w->rev.id, ref);
		cdb_finding_detail(out, f, "see the change: git diff %s -- ':/%s'", ref, r->path);
		cdb_finding_detail(out, f, "a revision others may have applied must not change; "
		                           "write a new revision instead");
	}
	report_heads(out, &c, cfg->versions_dir);
	rc = 0;
done:
	free(below);
	check_base_cmp_release(&c);
	return rc;
}
