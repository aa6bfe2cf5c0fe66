/*
 * check.c - findings, and the checksums of applied revisions (see check.h)
 *
 * `check --base REF` is check_base.c, `check --scratch` check_scratch.c and
 * the rebase plan rebase.c; they share check_priv.h.
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
