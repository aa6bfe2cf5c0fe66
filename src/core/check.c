/*
 * check.c - findings, `check --base REF` and the rebase plan (see check.h)
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

/* --- findings ------------------------------------------------------------ */

void cdb_findings_init(struct cdb_findings *fs)
{
	memset(fs, 0, sizeof *fs);
	cdb_arena_init(&fs->arena);
}

void cdb_findings_release(struct cdb_findings *fs)
{
	cdb_arena_release(&fs->arena);
	cdb_findings_init(fs);
}

static char *arena_vsprintf(struct cdb_arena *a, const char *fmt, va_list ap)
{
	struct cdb_buf b = CDB_BUF_INIT;
	char *s;

	cdb_buf_vprintf(&b, fmt, ap);
	s = cdb_arena_strndup(a, b.ptr, b.len);
	cdb_buf_release(&b);
	return s;
}

struct cdb_finding *cdb_findings_add(struct cdb_findings *fs, const char *kind,
                                     const char *revision, const char *file,
                                     const char *fmt, ...)
{
	struct cdb_finding *f = CDB_ARENA_PUSH(&fs->arena, fs->items, fs->n, fs->cap);
	va_list ap;

	f->kind = kind;
	f->revision = cdb_arena_strdup(&fs->arena, revision);
	f->file = cdb_arena_strdup(&fs->arena, file);
	va_start(ap, fmt);
	f->message = arena_vsprintf(&fs->arena, fmt, ap);
	va_end(ap);
	return f;
}

void cdb_finding_detail(struct cdb_findings *fs, struct cdb_finding *f, const char *fmt, ...)
{
	char **slot = CDB_ARENA_PUSH(&fs->arena, f->details, f->ndetails, f->details_cap);
	va_list ap;

	va_start(ap, fmt);
	*slot = arena_vsprintf(&fs->arena, fmt, ap);
	va_end(ap);
}

/* --- two sets of revision headers ------------------------------------------ */

/* One revision file: its header and checksum, from the work tree or from REF. */
struct rev_entry {
	struct cdb_revision rev; /* header only */
	const char *name;        /* file name inside versions/ */
	const char *path;        /* work tree: absolute path; REF: path in the repository */
	const char *file;        /* absolute path in the work tree (for REF: where it would be) */
	char checksum[CDB_GIT_HEXSZ + 1];
	int other;               /* index of the same id in the other set, -1: none */
	bool has_child;          /* some revision of the union names it as down_revision */
};

struct rev_set {
	struct rev_entry *v;
	size_t n, cap;
	size_t *by_id; /* indexes into v sorted by id, for lookups */
};

/* Everything both checks compare, owned by one arena. */
struct base_cmp {
	struct cdb_arena arena;
	struct cdb_git *git;
	struct cdb_git_files at_ref; /* REF's files (their own arena) */
	struct cdb_git_files at_base;/* the merge base's files, when have_mb */
	struct rev_set work, ref;
	struct rev_set mb;           /* revisions at the merge base of HEAD and REF */
	bool have_mb;
	const char *refname;
	const struct cdb_config *cfg;
};

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
static int find_id(const struct rev_set *s, const char *id)
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

static void base_cmp_release(struct base_cmp *c)
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
		c->work.v[i].other = find_id(&c->ref, c->work.v[i].rev.id);
		if (c->work.v[i].other >= 0)
			c->ref.v[c->work.v[i].other].other = (int)i;
	}
	/* Children in the union: a work revision shadows its copy at REF. */
	for (i = 0; i < c->work.n; i++) {
		const struct cdb_revision *r = &c->work.v[i].rev;
		for (k = 0; k < r->ndown; k++) {
			int w = find_id(&c->work, r->down[k]), f = find_id(&c->ref, r->down[k]);
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
			int w = find_id(&c->work, r->down[k]), f = find_id(&c->ref, r->down[k]);
			if (w >= 0)
				c->work.v[w].has_child = true;
			if (f >= 0)
				c->ref.v[f].has_child = true;
		}
	}
}

static int base_cmp_load(struct base_cmp *c, const struct cdb_config *cfg, const char *ref)
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
static const char *down_text(struct cdb_arena *a, const struct cdb_revision *r)
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
		cur = find_id(s, r->down[0]);
	}
	return false;
}

/* Heads of REF's own revisions; *last is one of them. */
static size_t count_ref_heads(struct base_cmp *c, const struct rev_entry **last)
{
	bool *child = cdb_arena_alloc(&c->arena, (c->ref.n + 1) * sizeof *child);
	size_t i, k, n = 0;

	for (i = 0; i < c->ref.n; i++)
		for (k = 0; k < c->ref.v[i].rev.ndown; k++) {
			int p = find_id(&c->ref, c->ref.v[i].rev.down[k]);
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
static bool is_new_head(const struct base_cmp *c, size_t i)
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
	nref_heads = count_ref_heads(c, NULL);
	for (i = 0; i < c->ref.n; i++)
		if (!c->ref.v[i].has_child)
			nunion++;
	for (i = 0; i < c->work.n; i++)
		if (is_new_head(c, i))
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

		if (!is_new_head(c, i))
			continue;
		f = cdb_findings_add(out, CDB_FINDING_BASE_HEADS, w->rev.id, w->file,
		                     "merging into '%s' would leave two heads: '%s' does not follow "
		                     "the head at '%s'", c->refname, w->rev.id, c->refname);
		cdb_finding_detail(out, f, "this branch: %s (down_revision %s), added in %s",
		                   w->rev.id, down_text(&out->arena, &w->rev),
		                   origin_text(&out->arena, &work_o[i]));
		for (k = 0; k < c->ref.n; k++) {
			const struct rev_entry *r = &c->ref.v[k];
			if (r->has_child)
				continue;
			cdb_finding_detail(out, f, "%s: %s (down_revision %s), added in %s", c->refname,
			                   r->rev.id, down_text(&out->arena, &r->rev),
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
			int p = find_id(&c->ref, c->work.v[i].rev.down[k]);
			if (p >= 0 && !done[p]) {
				done[p] = true;
				below[p] = true;
				stack[n++] = (size_t)p;
			}
		}
	while (n > 0) {
		const struct cdb_revision *r = &c->ref.v[stack[--n]].rev;
		for (k = 0; k < r->ndown; k++) {
			int p = find_id(&c->ref, r->down[k]);
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

	rc = base_cmp_load(&c, cfg, ref);
	if (rc < 0)
		goto done;
	below = xcalloc(c.ref.n + 1, sizeof *below);
	if (!c.have_mb)
		mark_ancestors_in_work(&c, below);
	for (i = 0; i < c.ref.n; i++) {
		const struct rev_entry *r = &c.ref.v[i];
		const struct rev_entry *w = r->other >= 0 ? &c.work.v[r->other] : NULL;
		int m = find_id(&c.mb, r->rev.id);
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
	base_cmp_release(&c);
	return rc;
}

/* --- checksums of applied revisions ------------------------------------------ */

static const struct cdb_history_row *sort_rows; /* qsort has no context argument */

/* By revision, then by position, so the last row of each revision is last. */
static int row_cmp(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	int c = strcmp(sort_rows[*x].revision, sort_rows[*y].revision);
	if (c)
		return c;
	return *x < *y ? -1 : *x > *y;
}

int cdb_check_checksums(struct cdb_findings *out, struct cdb_db *db, struct cdb_graph *g)
{
	struct cdb_history_row *rows = NULL;
	size_t nrows = 0, *idx = NULL, i;
	int rc;

	rc = cdb_runner_history(&rows, &nrows, db);
	if (rc < 0)
		goto done;
	idx = xcalloc(nrows ? nrows : 1, sizeof *idx);
	for (i = 0; i < nrows; i++)
		idx[i] = i;
	sort_rows = rows;
	qsort(idx, nrows, sizeof *idx, row_cmp);
	sort_rows = NULL;
	for (i = 0; i < nrows; i++) {
		const struct cdb_history_row *r = &rows[idx[i]];
		struct cdb_revision *rev;
		struct cdb_finding *f;

		/* Only the last row of each revision tells whether it is applied now. */
		if (i + 1 < nrows && strcmp(rows[idx[i + 1]].revision, r->revision) == 0)
			continue;
		if (strcmp(r->direction, "up") != 0)
			continue;
		rev = cdb_graph_get(g, r->revision);
		if (!rev) {
			f = cdb_findings_add(out, CDB_FINDING_APPLIED_DELETED, r->revision, NULL,
			                     "revision '%s' is applied to the database but its file is gone",
			                     r->revision);
			cdb_finding_detail(out, f, "applied at %s", r->applied_at ? r->applied_at : "?");
			cdb_finding_detail(out, f, "restore the file from git, or downgrade before deleting it");
			continue;
		}
		if (!r->checksum || !*r->checksum)
			continue;
		rc = cdb_revision_load_body(rev, &g->arena);
		if (rc < 0)
			goto done;
		if (strcmp(rev->checksum, r->checksum) != 0) {
			f = cdb_findings_add(out, CDB_FINDING_APPLIED_EDITED, rev->id,
			                     rev->file, "revision '%s' was edited after it was applied", rev->id);
			cdb_finding_detail(out, f, "checksum when applied %s, now %s", r->checksum,
			                   rev->checksum);
			cdb_finding_detail(out, f, "restore the file and write a new revision for the change");
		}
	}
	rc = 0;
done:
	free(idx);
	cdb_history_free(rows, nrows);
	return rc;
}

/* --- replay in a scratch database ------------------------------------------- */

static void introspect_opts(struct cdb_introspect_opts *o, const struct cdb_config *cfg)
{
	memset(o, 0, sizeof *o);
	o->exclude = cfg->exclude;
	o->schemas = cfg->schemas;
	o->version_table = cfg->version_table;
	o->history_table = cfg->history_table;
}

static int snapshot(struct cdb_schema *out, struct cdb_db *db, const struct cdb_config *cfg)
{
	struct cdb_introspect_opts o;

	introspect_opts(&o, cfg);
	cdb_schema_init(out);
	return db->vt->introspect(out, db, &o);
}

/*
 * Compare two schemas; 1 when they differ (each operation turning `a` into
 * `b` added as a detail of `f`, when `f` is given), 0 when equal.
 */
static int schema_differs(struct cdb_findings *fs, struct cdb_finding *f, const char *prefix,
                          const struct cdb_schema *a, const struct cdb_schema *b)
{
	struct cdb_diff d;
	struct cdb_buf line = CDB_BUF_INIT;
	size_t i;
	int rc;

	rc = cdb_diff_compute(&d, a, b, NULL);
	if (rc < 0)
		return rc;
	rc = cdb_diff_empty(&d) ? 0 : 1;
	for (i = 0; f && rc == 1 && i < d.nops; i++) {
		if (d.ops[i].dependent)
			continue;
		cdb_buf_reset(&line);
		cdb_op_describe(&line, &d.ops[i]);
		cdb_finding_detail(fs, f, "%s%s", prefix, line.ptr);
	}
	cdb_buf_release(&line);
	cdb_diff_release(&d);
	return rc;
}

/* The message of a failed migration step as one finding. */
static void failed_step(struct cdb_findings *out, const char *kind,
                        const struct cdb_revision *rev, const char *what)
{
	struct cdb_finding *f;
	int i;

	f = cdb_findings_add(out, kind, rev ? rev->id : NULL,
	                     rev ? rev->file : NULL,
	                     "%s: %s", what,
	                     cdb_error_message());
	for (i = 0; i < cdb_error_ndetails(); i++)
		cdb_finding_detail(out, f, "%s", cdb_error_detail_at(i));
	cdb_error_clear();
}

static bool graph_is_linear(const struct cdb_graph *g)
{
	size_t i;

	if (g->nbases > 1 || g->nheads > 1)
		return false;
	for (i = 0; i < g->nrevs; i++)
		if (g->revs[i]->ndown > 1 || g->revs[i]->nchildren > 1 || g->revs[i]->ndepends > 0)
			return false;
	return true;
}

/*
 * Read what the models declare, through `via` (the live server on
 * PostgreSQL: with shadow_url set, the scratch database is the shadow
 * itself, so the models must be read before the replay starts there).
 */
static int load_want(struct cdb_schema *want, struct cdb_models *m, const struct cdb_dialect *d,
                     struct cdb_db *via, const struct cdb_config *cfg)
{
	struct cdb_introspect_opts o;
	int rc;

	rc = cdb_models_load(m, cfg->models_dir);
	if (rc < 0)
		return rc;
	introspect_opts(&o, cfg);
	return d->load_models(want, via, cfg, (const char *const *)m->files, m->nfiles, &o);
}

static int compare_models(struct cdb_findings *out, const struct cdb_schema *head,
                          const struct cdb_schema *want, const struct cdb_models *m)
{
	struct cdb_diff d;
	struct cdb_buf line = CDB_BUF_INIT;
	size_t i;
	int rc;

	rc = cdb_diff_compute(&d, head, want, &m->hints);
	if (rc < 0)
		return rc;
	if (!cdb_diff_empty(&d)) {
		struct cdb_finding *f = cdb_findings_add(
			out, CDB_FINDING_MODELS_CHANGED, NULL, NULL,
			"models changed but no revision was written (%zu change%s)", d.nchanges,
			d.nchanges == 1 ? "" : "s");
		for (i = 0; i < d.nops; i++) {
			if (d.ops[i].dependent)
				continue;
			cdb_buf_reset(&line);
			cdb_op_describe(&line, &d.ops[i]);
			cdb_finding_detail(out, f, "%s", line.ptr);
		}
		cdb_finding_detail(out, f, "fix: cdb migrate -m \"describe the change\"");
	}
	cdb_diff_release(&d);
	cdb_buf_release(&line);
	return 0;
}

/* Downgrade one revision at a time (linear history), checking each step. */
static int roundtrip_linear(struct cdb_findings *out, struct cdb_db *db, const struct cdb_config *cfg,
                            struct cdb_graph *g, struct cdb_schema *after,
                            const struct cdb_schema *start, bool *failed)
{
	const struct cdb_schema *before;
	struct cdb_schema now;
	bool leftover = false;
	size_t i;
	int rc;

	/*
	 * Once one downgrade leaves something behind, every later comparison
	 * would show it again: name only the first, but run every downgrade.
	 */
	for (i = g->nrevs; i-- > 0;) {
		struct cdb_revision *rev = g->revs[i];
		const char *target = rev->ndown ? rev->down[0] : "base";
		struct cdb_finding *f;
		int diff;

		if (cdb_runner_migrate(db, g, CDB_DOWN, target, NULL) < 0) {
			failed_step(out, CDB_FINDING_DOWNGRADE_FAILED, rev, "downgrade fails");
			*failed = true;
			return 0;
		}
		if (leftover)
			continue;
		rc = snapshot(&now, db, cfg);
		if (rc < 0) {
			cdb_schema_release(&now);
			return rc;
		}
		/* The schema before rev's upgrade: the previous step's, or the fresh database's. */
		before = i > 0 ? &after[i - 1] : start;
		diff = schema_differs(NULL, NULL, "", before, &now);
		if (diff == 1) {
			f = cdb_findings_add(out, CDB_FINDING_ROUNDTRIP, rev->id,
			                     rev->file,
			                     "downgrade of '%s' does not restore the schema from before "
			                     "its upgrade", rev->id);
			schema_differs(out, f, "left by the downgrade: ", before, &now);
			leftover = true;
		}
		cdb_schema_release(&now);
		if (diff < 0)
			return diff;
	}
	/* Upgrading again over the leftovers would only fail on them. */
	*failed = leftover;
	return 0;
}

int cdb_check_scratch(struct cdb_findings *out, const struct cdb_dialect *d,
                      struct cdb_db *server, const struct cdb_config *cfg, struct cdb_graph *g,
                      const struct cdb_scratch_opts *o)
{
	struct cdb_db *db = NULL;
	struct cdb_schema *after = NULL, head, again, empty, want;
	struct cdb_models m;
	bool have_empty = false;
	bool linear = graph_is_linear(g), failed = false, have_head = false, have_again = false;
	size_t i, nafter = 0;
	int rc;

	cdb_models_init(&m);
	cdb_schema_init(&want);
	if (o->models && (rc = load_want(&want, &m, d, server, cfg)) < 0)
		goto done;
	rc = d->open_scratch(&db, server, cfg);
	if (rc < 0)
		goto done;
	/* What a fresh database holds (PostgreSQL: schema public) is what base must give back. */
	rc = snapshot(&empty, db, cfg);
	have_empty = true;
	if (rc < 0)
		goto done;
	/* Linear: one revision at a time, remembering each schema for the roundtrip. */
	if (linear && o->roundtrip) {
		after = xcalloc(g->nrevs ? g->nrevs : 1, sizeof *after);
		for (i = 0; i < g->nrevs; i++) {
			if (cdb_runner_migrate(db, g, CDB_UP, g->revs[i]->id, NULL) < 0) {
				failed_step(out, CDB_FINDING_UPGRADE_FAILED, g->revs[i], "upgrade fails");
				rc = 0;
				goto done;
			}
			rc = snapshot(&after[i], db, cfg);
			nafter++;
			if (rc < 0)
				goto done;
		}
	} else if (g->nrevs > 0 && cdb_runner_migrate(db, g, CDB_UP, "heads", NULL) < 0) {
		failed_step(out, CDB_FINDING_UPGRADE_FAILED, NULL, "upgrade to heads fails");
		rc = 0;
		goto done;
	}
	rc = snapshot(&head, db, cfg);
	have_head = true;
	if (rc < 0)
		goto done;
	if (o->models) {
		rc = compare_models(out, &head, &want, &m);
		if (rc < 0)
			goto done;
	}
	if (!o->roundtrip || g->nrevs == 0) {
		rc = 0;
		goto done;
	}
	if (linear) {
		rc = roundtrip_linear(out, db, cfg, g, after, &empty, &failed);
		if (rc < 0 || failed)
			goto done;
	} else {
		struct cdb_schema now;

		if (cdb_runner_migrate(db, g, CDB_DOWN, "base", NULL) < 0) {
			failed_step(out, CDB_FINDING_DOWNGRADE_FAILED, NULL, "downgrade to base fails");
			rc = 0;
			goto done;
		}
		rc = snapshot(&now, db, cfg);
		if (rc == 0) {
			rc = schema_differs(NULL, NULL, "", &empty, &now);
			if (rc == 1) {
				struct cdb_finding *f = cdb_findings_add(
					out, CDB_FINDING_ROUNDTRIP, NULL, NULL,
					"downgrade to base leaves objects behind");
				schema_differs(out, f, "left at base: ", &empty, &now);
				failed = true;
				rc = 0;
			}
		}
		cdb_schema_release(&now);
		if (rc < 0 || failed)
			goto done;
	}
	if (cdb_runner_migrate(db, g, CDB_UP, "heads", NULL) < 0) {
		failed_step(out, CDB_FINDING_UPGRADE_FAILED, NULL, "upgrade after downgrade fails");
		rc = 0;
		goto done;
	}
	rc = snapshot(&again, db, cfg);
	have_again = true;
	if (rc < 0)
		goto done;
	rc = schema_differs(NULL, NULL, "", &head, &again);
	if (rc == 1) {
		struct cdb_finding *f = cdb_findings_add(
			out, CDB_FINDING_ROUNDTRIP, NULL, NULL,
			"upgrade, downgrade to base and upgrade again gives a different schema at head");
		schema_differs(out, f, "second upgrade: ", &head, &again);
		rc = 0;
	}
done:
	for (i = 0; i < nafter; i++)
		cdb_schema_release(&after[i]);
	free(after);
	if (have_again)
		cdb_schema_release(&again);
	if (have_head)
		cdb_schema_release(&head);
	if (have_empty)
		cdb_schema_release(&empty);
	cdb_schema_release(&want);
	cdb_models_release(&m);
	if (db)
		db->vt->close(db);
	return rc;
}

/* --- rebase ---------------------------------------------------------------- */

void cdb_rebase_plan_init(struct cdb_rebase_plan *p)
{
	memset(p, 0, sizeof *p);
	cdb_arena_init(&p->arena);
}

void cdb_rebase_plan_release(struct cdb_rebase_plan *p)
{
	cdb_arena_release(&p->arena);
	cdb_rebase_plan_init(p);
}

int cdb_rebase_plan(struct cdb_rebase_plan *out, const struct cdb_config *cfg, const char *ref)
{
	struct base_cmp c;
	size_t i, k, nheads = 0, nroots = 0;
	const struct rev_entry *head = NULL, *root = NULL;
	int rc;

	rc = base_cmp_load(&c, cfg, ref);
	if (rc < 0)
		goto done;
	out->ref = cdb_arena_strdup(&out->arena, ref);
	out->commit = c.at_ref.commit;
	out->commit.short_id = cdb_arena_strdup(&out->arena, c.at_ref.commit.short_id);
	out->commit.author = cdb_arena_strdup(&out->arena, c.at_ref.commit.author);
	out->commit.date = cdb_arena_strdup(&out->arena, c.at_ref.commit.date);
	out->commit.summary = cdb_arena_strdup(&out->arena, c.at_ref.commit.summary);

	nheads = count_ref_heads(&c, &head);
	out->new_ids = cdb_arena_alloc(&out->arena, (c.work.n + 1) * sizeof *out->new_ids);
	for (i = 0; i < c.work.n; i++) {
		const struct rev_entry *w = &c.work.v[i];
		bool is_root = true;

		if (w->other >= 0)
			continue;
		out->new_ids[out->nnew++] = cdb_arena_strdup(&out->arena, w->rev.id);
		for (k = 0; k < w->rev.ndown; k++) {
			int p = find_id(&c.work, w->rev.down[k]);
			if (p >= 0 && c.work.v[p].other < 0)
				is_root = false; /* follows another new revision */
		}
		/* A new base with its own branch label starts a deliberate branch. */
		if (is_root && w->rev.ndown == 0 && w->rev.nlabels > 0)
			is_root = false;
		if (is_root) {
			nroots++;
			root = w;
		}
	}
	if (nheads > 1) {
		rc = cdb_error_set(CDB_EINVALID, "the revisions at '%s' have %zu heads", ref, nheads);
		cdb_error_hint("merge them on '%s' first ('cdb merge'), then rebase onto it", ref);
		goto done;
	}
	if (nheads == 1)
		out->onto = cdb_arena_strdup(&out->arena, head->rev.id);
	if (!root || !head) {
		rc = 0; /* nothing new, or nothing at REF to chain onto */
		goto done;
	}
	{
		/* A branch that already merged REF's head (cdb merge) has nothing to move. */
		size_t nunion = 0;
		for (i = 0; i < c.ref.n; i++)
			if (!c.ref.v[i].has_child)
				nunion++;
		for (i = 0; i < c.work.n; i++)
			if (is_new_head(&c, i))
				nunion++;
		if (nunion <= nheads) {
			rc = 0;
			goto done;
		}
	}
	if (nroots > 1) {
		rc = cdb_error_set(CDB_EINVALID, "this branch's new revisions start from %zu places",
		                   nroots);
		cdb_error_hint("merge this branch's heads first ('cdb merge'), then rebase");
		goto done;
	}
	if (root->rev.ndown == 1 && strcmp(root->rev.down[0], head->rev.id) == 0) {
		rc = 0; /* already on REF's head */
		goto done;
	}
	if (root->rev.ndown > 1) {
		rc = cdb_error_set(CDB_EINVALID, "cannot rebase merge revision '%s'", root->rev.id);
		cdb_error_hint("rebase the revisions it merges instead");
		goto done;
	}
	if (root->rev.ndown == 1 && find_id(&c.ref, root->rev.down[0]) < 0) {
		rc = cdb_error_set(CDB_EINVALID, "revision '%s' follows '%s', which is not at '%s'",
		                   root->rev.id, root->rev.down[0], ref);
		goto done;
	}
	out->root = cdb_arena_strdup(&out->arena, root->rev.id);
	out->root_file = cdb_arena_strdup(&out->arena, root->path);
	out->old_down = cdb_arena_strdup(&out->arena, down_text(&c.arena, &root->rev));
	if (root->rev.ndown == 0)
		out->old_down = "";
	rc = 0;
done:
	base_cmp_release(&c);
	return rc;
}

int cdb_rebase_apply(const struct cdb_rebase_plan *p)
{
	struct cdb_buf text = CDB_BUF_INIT, out = CDB_BUF_INIT;
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_revision rev;
	const char *line, *eol, *end;
	int rc, n;

	if (!p->root || !p->onto)
		return 0;
	rc = cdb_path_read(&text, p->root_file);
	if (rc < 0)
		goto done;
	rc = cdb_revision_parse_header(&rev, &a, p->root_file, text.ptr, text.len);
	if (rc < 0)
		goto done;
	if (rev.down_line <= 0) {
		rc = cdb_error_set(CDB_EINVALID, "%s: no down_revision line to rewrite",
		                   cdb_path_display(p->root_file));
		goto done;
	}
	/* Find line `down_line` and replace its text, keeping its line ending. */
	line = text.ptr;
	end = text.ptr + text.len;
	for (n = 1; n < rev.down_line && line < end; n++) {
		eol = memchr(line, '\n', (size_t)(end - line));
		line = eol ? eol + 1 : end;
	}
	eol = memchr(line, '\n', (size_t)(end - line));
	if (!eol)
		eol = end;
	if (eol > line && eol[-1] == '\r')
		eol--;
	cdb_buf_put(&out, text.ptr, (size_t)(line - text.ptr));
	cdb_buf_printf(&out, "-- down_revision: %s", p->onto);
	cdb_buf_put(&out, eol, (size_t)(end - eol));
	rc = cdb_path_write_atomic(p->root_file, out.ptr, out.len, false);
done:
	cdb_arena_release(&a);
	cdb_buf_release(&out);
	cdb_buf_release(&text);
	return rc;
}

int cdb_rebase_default_ref(char **out, const char *dir)
{
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_git_commit c;
	struct cdb_git *g = NULL;
	char *up;
	int rc;

	*out = NULL;
	rc = cdb_git_open(&g, dir);
	if (rc < 0)
		return rc;
	up = cdb_git_upstream(g);
	if (up) {
		*out = up;
	} else if (cdb_git_resolve(&c, g, "origin/main", &a) == 0) {
		*out = xstrdup("origin/main");
	} else {
		cdb_error_clear();
		*out = xstrdup("main");
	}
	cdb_arena_release(&a);
	cdb_git_free(g);
	return 0;
}
