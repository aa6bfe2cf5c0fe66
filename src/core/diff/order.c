/* order.c - creation orders: each object after the objects it needs */
#include <stdlib.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

/*
 * Indexes 0..n-1 in rounds: each round takes, in index order, every object
 * that needs (`needs(ctx, i, j)`: object i needs object j) no object not
 * yet taken. Returns an xmalloc'd array of n indexes; a cycle, which no
 * database can hold, leaves the rest in index order at the end.
 */
static size_t *rounds_order(size_t count, bool (*needs)(const void *ctx, size_t i, size_t j), const void *ctx)
{
	size_t *order = xcalloc(count + 1, sizeof(*order)), n = 0;
	bool *done = xcalloc(count + 1, sizeof(*done));
	bool progress = true;

	while (n < count && progress) {
		progress = false;
		for (size_t i = 0; i < count; i++) {
			bool ready = !done[i];

			for (size_t j = 0; j < count && ready; j++)
				if (j != i && !done[j] && needs(ctx, i, j))
					ready = false;
			if (ready) {
				done[i] = true;
				order[n++] = i;
				progress = true;
			}
		}
	}
	for (size_t i = 0; i < count; i++)
		if (!done[i])
			order[n++] = i;
	free(done);
	return order;
}

struct view_order_ctx {
	const struct ctx *c;
	const struct cdb_schema *s;
};

static bool view_reads(const void *ctx, size_t i, size_t j)
{
	const struct view_order_ctx *o = ctx;

	return depends_on(o->c, &o->s->views[i], o->s->views[j].schema, o->s->views[j].name);
}

/* Order views so that each comes after the views it reads (indexes into s->views). */
size_t *view_order(const struct ctx *c, const struct cdb_schema *s)
{
	struct view_order_ctx o = { c, s };

	return rounds_order(s->nviews, view_reads, &o);
}

/*
 * Order tables so a partition comes after its parent and referenced tables
 * come before the tables that reference them.
 */
struct torder {
	const struct ctx *c;
	const struct cdb_schema *s;
	size_t *order, n;
	unsigned char *state; /* 0 new, 1 on the path, 2 placed */
};

static void table_visit(struct torder *o, size_t i)
{
	const struct cdb_table *t = &o->s->tables[i];
	long j;

	if (o->state[i])
		return; /* placed, or a cycle of foreign keys: SQLite does not mind, the rest is name order */
	o->state[i] = 1;
	if (t->parent && find_table(o->c, o->s, t->parent_schema, t->parent, &j))
		table_visit(o, (size_t)j);
	for (size_t k = 0; k < t->nconstraints; k++) {
		const struct cdb_constraint *fk = &t->constraints[k];

		if (fk->kind == CDB_CON_FOREIGN &&
		    find_table(o->c, o->s, fk->ref_schema ? fk->ref_schema : t->schema, fk->ref_table, &j))
			table_visit(o, (size_t)j);
	}
	o->state[i] = 2;
	o->order[o->n++] = i;
}

size_t *table_order(const struct ctx *c, const struct cdb_schema *s)
{
	struct torder o = { c, s, xcalloc(s->ntables + 1, sizeof(size_t)), 0,
	                    xcalloc(s->ntables + 1, 1) };

	for (size_t i = 0; i < s->ntables; i++)
		table_visit(&o, i);
	free(o.state);
	return o.order;
}

static bool composite_needs(const void *ctx, size_t i, size_t j)
{
	const struct cdb_schema *s = ctx;

	return composite_uses(&s->composites[i], &s->composites[j]);
}

/*
 * Composite types of `s` in creation order: a type after the composite
 * types its attributes use. Returns an xmalloc'd array of s->ncomposites
 * indexes; a cycle (which the server cannot build) keeps catalog order.
 */
size_t *composite_order(const struct cdb_schema *s)
{
	return rounds_order(s->ncomposites, composite_needs, s);
}
