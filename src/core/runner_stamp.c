/*
 * runner_stamp.c - `cdb stamp` (the version rows set without running any
 * revision, on the database or as a script) and reading the history table
 * (see include/cdb/runner.h)
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/runner.h"
#include "runner_priv.h"

/* ---- stamp ---- */

/*
 * The rows after stamping `revs` over `current`: the named revisions, plus
 * the current rows of branches none of them touches (purge: none kept).
 */
static int stamp_rows(struct cdb_strv *out, const struct cdb_graph *g, const char *const *current,
                      size_t ncur, const char *const *revs, size_t nrevs, bool purge)
{
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_revision **named = NULL, **all = NULL;
	size_t nnamed = 0, nall = 0, cap = 0;
	bool *marks = NULL;
	int ret = 0;

	if (!purge) {
		marks = xcalloc(g->nrevs + 1, sizeof *marks);
		ret = cdb_graph_applied(marks, g, current, ncur);
		if (ret)
			goto done;
	}
	for (size_t i = 0; i < nrevs; i++) {
		struct cdb_revision **v;
		size_t n;

		ret = cdb_graph_lookup_set(&v, &n, &a, g, revs[i]);
		if (ret)
			goto done;
		for (size_t k = 0; k < n; k++)
			*CDB_ARENA_PUSH(&a, named, nnamed, cap) = v[k];
	}
	cap = 0;
	for (size_t i = 0; i < nnamed; i++)
		*CDB_ARENA_PUSH(&a, all, nall, cap) = named[i];
	if (!purge && nnamed) {
		for (size_t i = 0; i < ncur; i++) {
			struct cdb_revision *c = cdb_graph_get(g, current[i]);
			bool related = false;

			for (size_t k = 0; k < nnamed && !related; k++)
				related = cdb_graph_is_ancestor(g, c, named[k], true) ||
				          cdb_graph_is_ancestor(g, named[k], c, true);
			if (!related)
				*CDB_ARENA_PUSH(&a, all, nall, cap) = c;
		}
	}
	/* Normalise: an ancestor of another row gets no row of its own. */
	for (size_t i = 0; i < nall; i++) {
		bool covered = false, dup = false;

		for (size_t k = 0; k < nall && !covered; k++)
			covered = k != i && all[k] != all[i] && cdb_graph_is_ancestor(g, all[i], all[k], false);
		for (size_t k = 0; k < out->n && !dup; k++)
			dup = !strcmp(out->v[k], all[i]->id);
		if (!covered && !dup)
			cdb_strv_push(out, all[i]->id);
	}
	runner_sort_rows(out);
done:
	free(marks);
	cdb_arena_release(&a);
	return ret;
}

static void stamp_sql(struct cdb_buf *b, const struct cdb_dialect *d, const struct cdb_config *cfg,
                      const char *const *current, size_t ncur, const struct cdb_strv *want, bool purge)
{
	if (purge) {
		cdb_buf_puts(b, "DELETE FROM ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t i = 0; !purge && i < ncur; i++) {
		bool keep = false;

		for (size_t k = 0; k < want->n && !keep; k++)
			keep = !strcmp(want->v[k], current[i]);
		if (keep)
			continue;
		cdb_buf_puts(b, "DELETE FROM ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, " WHERE version_num = ");
		d->quote_literal(b, current[i]);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t k = 0; k < want->n; k++) {
		bool have = false;

		for (size_t i = 0; !purge && i < ncur && !have; i++)
			have = !strcmp(want->v[k], current[i]);
		if (have)
			continue;
		cdb_buf_puts(b, "INSERT INTO ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, " (version_num) VALUES (");
		d->quote_literal(b, want->v[k]);
		cdb_buf_puts(b, ");\n");
	}
}

int cdb_runner_stamp(struct cdb_db *db, const struct cdb_graph *g, const char *const *revs,
                     size_t nrevs, bool purge)
{
	struct cdb_strv cur = CDB_STRV_INIT, want = CDB_STRV_INIT;
	struct cdb_buf sql = CDB_BUF_INIT;
	int ret;

	ret = cdb_runner_ensure_tables(db);
	if (ret)
		goto done;
	ret = db->vt->begin(db);
	if (ret)
		goto done;
	ret = runner_read_rows(&cur, db);
	if (!ret)
		ret = stamp_rows(&want, g, (const char *const *)cur.v, cur.n, revs, nrevs, purge);
	if (!ret) {
		stamp_sql(&sql, db->vt, db->cfg, (const char *const *)cur.v, cur.n, &want, purge);
		if (sql.len)
			ret = db->vt->exec(db, sql.ptr, NULL);
	}
	if (!ret)
		ret = db->vt->commit(db);
	if (ret) {
		struct cdb_error_saved e;

		cdb_error_save(&e);
		db->vt->rollback(db);
		ret = cdb_error_restore(&e, NULL);
		goto done;
	}
done:
	cdb_buf_release(&sql);
	cdb_strv_release(&cur);
	cdb_strv_release(&want);
	return ret;
}

int cdb_runner_stamp_script(struct cdb_buf *out, const struct cdb_dialect *d,
                            const struct cdb_config *cfg, const struct cdb_graph *g,
                            const char *const *from, size_t nfrom,
                            const char *const *revs, size_t nrevs, bool purge)
{
	struct cdb_strv want = CDB_STRV_INIT;
	int ret = stamp_rows(&want, g, from, nfrom, revs, nrevs, purge);

	if (!ret) {
		cdb_buf_puts(out, "-- cdb tables\n");
		d->version_tables_sql(out, cfg);
		cdb_buf_puts(out, "\nBEGIN;\n");
		stamp_sql(out, d, cfg, from, nfrom, &want, purge);
		cdb_buf_puts(out, "COMMIT;\n");
	}
	cdb_strv_release(&want);
	return ret;
}

/* ---- history ---- */

struct history_ctx {
	struct cdb_history_row *rows;
	size_t n, cap;
};

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

static int history_cb(void *ctx, int n, const char *const *v)
{
	struct history_ctx *h = ctx;
	struct cdb_history_row *r;

	if (n < 7)
		return cdb_error_set(CDB_ERROR, "history table has %d columns, expected 7", n);
	XGROW(h->rows, h->cap, h->n + 1);
	r = &h->rows[h->n++];
	r->revision = dup_or_empty(v[0]);
	r->direction = dup_or_empty(v[1]);
	r->checksum = dup_or_empty(v[2]);
	r->applied_at = dup_or_empty(v[3]);
	r->duration_ms = dup_or_empty(v[4]);
	r->applied_by = dup_or_empty(v[5]);
	r->cdb_version = dup_or_empty(v[6]);
	return 0;
}

void cdb_history_free(struct cdb_history_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].revision);
		free(rows[i].direction);
		free(rows[i].checksum);
		free(rows[i].applied_at);
		free(rows[i].duration_ms);
		free(rows[i].applied_by);
		free(rows[i].cdb_version);
	}
	free(rows);
}

int cdb_runner_history(struct cdb_history_row **out, size_t *n, struct cdb_db *db)
{
	struct history_ctx h = { NULL, 0, 0 };
	struct cdb_buf q = CDB_BUF_INIT;
	bool exists;
	int ret;

	*out = NULL;
	*n = 0;
	ret = runner_table_exists(&exists, db, db->cfg->history_table);
	if (ret || !exists)
		return ret;
	cdb_buf_puts(&q, "SELECT revision, direction, checksum, CAST(applied_at AS TEXT), "
	                 "CAST(duration_ms AS TEXT), applied_by, cdb_version FROM ");
	db->vt->quote_ident(&q, db->cfg->history_table);
	cdb_buf_puts(&q, " ORDER BY id");
	ret = db->vt->query(db, q.ptr, NULL, 0, history_cb, &h);
	cdb_buf_release(&q);
	if (ret) {
		cdb_history_free(h.rows, h.n);
		return ret;
	}
	*out = h.rows;
	*n = h.n;
	return 0;
}
