/*
 * views.c - views, materialized views and triggers
 *
 * With the views and triggers that are dropped and created again around a
 * change PostgreSQL refuses under them (a column's new type).
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "render_priv.h"

static bool view_columns_extend(const struct cdb_view *from, const struct cdb_view *to)
{
	if (from->ncolumns > to->ncolumns)
		return false;
	for (size_t i = 0; i < from->ncolumns; i++)
		if (strcmp(from->columns[i], to->columns[i]) != 0)
			return false;
	return true;
}

void pg_drop_view(struct cdb_buf *b, const struct cdb_view *v)
{
	cdb_buf_puts(b, v->materialized ? "DROP MATERIALIZED VIEW " : "DROP VIEW ");
	pg_quote_qualified(b, v->schema, v->name);
	cdb_buf_puts(b, ";\n");
}

void pg_create_view(struct cdb_buf *b, const struct cdb_view *v, bool replace)
{
	cdb_buf_puts(b, v->materialized ? "CREATE MATERIALIZED VIEW " : replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
	pg_quote_qualified(b, v->schema, v->name);
	cdb_buf_puts(b, " AS\n");
	pg_put_def(b, v->definition);
	cdb_buf_puts(b, ";\n");
}

/* The schema (diff->from or diff->to) that holds the view `v`. */
static const struct cdb_schema *owner_of_view(const struct render *r, const struct cdb_view *v)
{
	const struct cdb_schema *sides[2] = { r->diff->to, r->diff->from };

	for (int s = 0; s < 2; s++)
		if (sides[s] && sides[s]->nviews && v >= sides[s]->views && v < sides[s]->views + sides[s]->nviews)
			return sides[s];
	return NULL;
}

/*
 * Dropping a materialized view dropped its indexes: build again those the
 * list does not create itself.
 */
void pg_recreate_view_indexes(const struct render *r, const struct cdb_view *v)
{
	const struct cdb_schema *s = owner_of_view(r, v);

	for (size_t i = 0; s && i < s->nindexes; i++) {
		const struct cdb_index *x = &s->indexes[i];

		if (!same(x->table, v->name) || !same_schema(x->schema, v->schema) || pg_index_created_here(r, x))
			continue;
		pg_put_def(r->out, x->definition);
		cdb_buf_puts(r->out, ";\n");
	}
}

static bool in_names(char **names, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], key) == 0)
			return true;
	return false;
}

/*
 * The views of schema `s` that read (directly or through other views) one
 * of the `n` relations in `names` ("schema.name") and that no op of the list
 * handles, in creation order. PostgreSQL refuses to change a column's type
 * under a view, so these are dropped around the change and created again.
 * Returns the count; `*out` is malloc'ed.
 */
size_t pg_views_reading(const struct render *r, const struct cdb_schema *s, char ***names, size_t *n,
                            const struct cdb_view ***out)
{
	const struct cdb_view **found = NULL;
	size_t nfound = 0, nsorted = 0;
	const struct cdb_view **sorted;
	bool grew = true;

	while (grew) {
		grew = false;
		for (size_t i = 0; s && i < s->nviews; i++) {
			const struct cdb_view *v = &s->views[i];
			char *key = xasprintf("%s.%s", v->schema ? v->schema : "public", v->name);
			bool hit = false;

			for (size_t d = 0; d < v->ndepends && !hit; d++)
				hit = in_names(*names, *n, v->depends[d]);
			if (hit && !in_names(*names, *n, key)) {
				*names = xrealloc(*names, (*n + 1) * sizeof **names);
				(*names)[(*n)++] = key;
				key = NULL;
				if (!pg_view_has_op(r, v)) {
					found = xrealloc(found, (nfound + 1) * sizeof *found);
					found[nfound++] = v;
				}
				grew = true;
			}
			free(key);
		}
	}
	/* creation order: a view after the views it reads */
	sorted = xcalloc(nfound ? nfound : 1, sizeof *sorted);
	while (nsorted < nfound) {
		size_t before = nsorted;

		for (size_t i = 0; i < nfound; i++) {
			bool ready = true, done = false;

			for (size_t k = 0; k < nsorted; k++)
				done = done || sorted[k] == found[i];
			if (done)
				continue;
			for (size_t d = 0; d < found[i]->ndepends && ready; d++)
				for (size_t k = 0; k < nfound; k++) {
					char *key = xasprintf("%s.%s", found[k]->schema ? found[k]->schema : "public",
					                      found[k]->name);
					bool pending = k != i && strcmp(found[i]->depends[d], key) == 0;

					free(key);
					if (pending) {
						bool placed = false;

						for (size_t m = 0; m < nsorted; m++)
							placed = placed || sorted[m] == found[k];
						if (!placed)
							ready = false;
					}
				}
			if (ready)
				sorted[nsorted++] = found[i];
		}
		if (nsorted == before) /* a cycle cannot happen between views; keep the rest as they are */
			for (size_t i = 0; i < nfound; i++) {
				bool placed = false;

				for (size_t m = 0; m < nsorted; m++)
					placed = placed || sorted[m] == found[i];
				if (!placed)
					sorted[nsorted++] = found[i];
			}
	}
	free(found);
	*out = sorted;
	return nsorted;
}

/*
 * PostgreSQL refuses to change the type of a column that a trigger's WHEN
 * condition reads: such triggers of table `t` (as in the schema that holds
 * `t`) are dropped before the change (`drop`) and created again after it.
 */
void pg_when_triggers(const struct render *r, const struct cdb_table *t, const char *column, bool drop)
{
	const struct cdb_schema *s = pg_owner_of_table(r, t);

	for (size_t i = 0; s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		if (!same(g->table, t->name) || !same_schema(g->schema, t->schema) || !g->definition ||
		    !strstr(g->definition, " WHEN ") || !strstr(g->definition, column) || pg_trigger_has_op(r, g))
			continue;
		if (drop) {
			cdb_buf_puts(r->out, "DROP TRIGGER ");
			pg_quote_ident(r->out, g->name);
			cdb_buf_puts(r->out, " ON ");
			pg_qtable(r->out, t);
			cdb_buf_puts(r->out, ";\n");
		} else {
			pg_put_def(r->out, g->definition);
			cdb_buf_puts(r->out, ";\n");
		}
	}
}

int pg_render_create_view(const struct render *r, const struct cdb_op *op)
{
	pg_create_view(r->out, op->to_view, false);
	return 0;
}

int pg_render_drop_view(const struct render *r, const struct cdb_op *op)
{
	pg_drop_view(r->out, op->from_view);
	return 0;
}

int pg_render_replace_view(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	if (!op->from_view->materialized && !op->to_view->materialized &&
	    view_columns_extend(op->from_view, op->to_view)) {
		pg_create_view(b, op->to_view, true);
	} else {
		pg_drop_view(b, op->from_view);
		pg_create_view(b, op->to_view, false);
		if (op->to_view->materialized)
			pg_recreate_view_indexes(r, op->to_view);
	}
	return 0;
}

int pg_render_create_trigger(const struct render *r, const struct cdb_op *op)
{
	pg_put_def(r->out, op->to_trigger->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_drop_trigger(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "DROP TRIGGER ");
	pg_quote_ident(b, op->from_trigger->name);
	cdb_buf_puts(b, " ON ");
	pg_quote_qualified(b, op->from_trigger->schema, op->from_trigger->table);
	cdb_buf_puts(b, ";\n");
	return 0;
}
