/*
 * rebase.c - the rebase plan: the work tree's new revisions moved on top of
 * REF's heads, and applying it to the revision files (see check.h)
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

	rc = check_base_cmp_load(&c, cfg, ref);
	if (rc < 0)
		goto done;
	out->ref = cdb_arena_strdup(&out->arena, ref);
	out->commit = c.at_ref.commit;
	out->commit.short_id = cdb_arena_strdup(&out->arena, c.at_ref.commit.short_id);
	out->commit.author = cdb_arena_strdup(&out->arena, c.at_ref.commit.author);
	out->commit.date = cdb_arena_strdup(&out->arena, c.at_ref.commit.date);
	out->commit.summary = cdb_arena_strdup(&out->arena, c.at_ref.commit.summary);

	nheads = check_count_ref_heads(&c, &head);
	out->new_ids = cdb_arena_alloc(&out->arena, (c.work.n + 1) * sizeof *out->new_ids);
	for (i = 0; i < c.work.n; i++) {
		const struct rev_entry *w = &c.work.v[i];
		bool is_root = true;

		if (w->other >= 0)
			continue;
		out->new_ids[out->nnew++] = cdb_arena_strdup(&out->arena, w->rev.id);
		for (k = 0; k < w->rev.ndown; k++) {
			int p = check_find_id(&c.work, w->rev.down[k]);
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
			if (check_is_new_head(&c, i))
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
	if (root->rev.ndown == 1 && check_find_id(&c.ref, root->rev.down[0]) < 0) {
		rc = cdb_error_set(CDB_EINVALID, "revision '%s' follows '%s', which is not at '%s'",
		                   root->rev.id, root->rev.down[0], ref);
		goto done;
	}
	out->root = cdb_arena_strdup(&out->arena, root->rev.id);
	out->root_file = cdb_arena_strdup(&out->arena, root->path);
	out->old_down = cdb_arena_strdup(&out->arena, check_down_text(&c.arena, &root->rev));
	if (root->rev.ndown == 0)
		out->old_down = "";
	rc = 0;
done:
	check_base_cmp_release(&c);
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
