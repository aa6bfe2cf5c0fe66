/*
 * dependents.c - views, indexes and triggers, which depend on the tables
 * (and views) they read, index or fire on: those are dropped before their
 * dependencies change and created again after (marked `dependent` when
 * they do not change themselves)
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/sqltok.h"
#include "diff_priv.h"

bool view_changed(const struct ctx *c, const struct cdb_view *a, const struct cdb_view *b)
{
	return a->materialized != b->materialized || !sql_eq(c, a->definition, b->definition);
}

/* Does the view depend on `dep` ("schema.name" on PostgreSQL, "name" on SQLite)? */
bool depends_on(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name)
{
	for (size_t i = 0; i < v->ndepends; i++) {
		const char *dep = v->depends[i], *dot = schema ? strchr(dep, '.') : NULL;

		if (schema && dot) {
			if ((size_t)(dot - dep) == strlen(schema) && !strncmp(dep, schema, (size_t)(dot - dep)) &&
			    name_eq(c, dot + 1, name))
				return true;
		} else if (name_eq(c, dep, name)) {
			return true;
		}
	}
	return false;
}

/*
 * Append `sql` (an index key or WHERE clause of from-table m->ft) to `out`
 * with every column name replaced by the column's name in `to`: RENAME
 * COLUMN rewrites the indexes on the column, so an index on a renamed column
 * is unchanged when its keys match once mapped. Token by token, so a string
 * or a longer name holding the column's name is left alone; the word after
 * COLLATE is a collation, never a column.
 */
static void map_sql(const struct ctx *c, const struct colmap *m, struct cdb_buf *out, const char *sql)
{
	const char *pos = sql, *prev_end = sql;
	struct cdb_tok t;
	enum cdb_tok_kind k;
	bool after_collate = false;
	struct cdb_arena tmp;

	cdb_arena_init(&tmp);
	while ((k = cdb_tok_next(&pos, &t)) != CDB_TOK_END) {
		const char *to = NULL;

		if ((k == CDB_TOK_WORD || k == CDB_TOK_QUOTED) && !after_collate) {
			const char *id = cdb_tok_ident(&tmp, &t), *mapped = map_column(c, m, id);

			if (mapped != id)
				to = mapped;
		}
		after_collate = cdb_tok_is(&t, "COLLATE");
		/* keep the text between tokens (spaces, comments): the normal form drops it */
		cdb_buf_put(out, prev_end, (size_t)(t.p - prev_end));
		if (to) {
			cdb_buf_putc(out, '"');
			for (const char *q = to; *q; q++) {
				if (*q == '"')
					cdb_buf_putc(out, '"');
				cdb_buf_putc(out, *q);
			}
			cdb_buf_putc(out, '"');
		} else {
			cdb_buf_put(out, t.p, t.n);
		}
		prev_end = t.p + t.n;
	}
	cdb_arena_release(&tmp);
}

/* sql_eq(a, b) where `a` is from-table text to be read through the column renames of `m`. */
static bool mapped_sql_eq(const struct ctx *c, const struct colmap *m, const char *a, const char *b)
{
	struct cdb_buf ma = CDB_BUF_INIT;
	bool eq;

	if (!a || !b || !m)
		return sql_eq(c, a, b);
	map_sql(c, m, &ma, a);
	eq = sql_eq(c, ma.ptr, b);
	cdb_buf_release(&ma);
	return eq;
}

/* `a` is an index in `from`, `b` one in `to`; column renames of a's table are followed. */
bool index_eq(const struct ctx *c, const struct cdb_index *a, const struct cdb_index *b)
{
	long ti;
	struct colmap m = { NULL, NULL, NULL }, *mp = NULL;

	if (find_table(c, c->from, a->schema, a->table, &ti) && c->tstate[ti].colmap) {
		m.ft = &c->from->tables[ti];
		m.from_to = c->tstate[ti].colmap;
		mp = &m;
	}
	if (a->unique != b->unique || a->nkeys != b->nkeys || a->ninclude != b->ninclude ||
	    !opt_eq(a->method, b->method) || !mapped_sql_eq(c, mp, a->where, b->where) ||
	    !name_eq(c, map_table(c, a->schema, a->table), b->table))
		return false;
	for (size_t i = 0; i < a->nkeys; i++)
		if (!mapped_sql_eq(c, mp, a->keys[i], b->keys[i]))
			return false;
	for (size_t i = 0; i < a->ninclude; i++)
		if (!name_eq(c, mp ? map_column(c, mp, a->include[i]) : a->include[i], b->include[i]))
			return false;
	/* PostgreSQL fills keys from the catalog; when it does not, the definition decides */
	if (!a->nkeys && !b->nkeys && !c->ci)
		return sql_eq(c, a->definition, b->definition);
	return true;
}

/*
 * Whether triggers on a table must be dropped and re-created around its
 * changes: SQLite rebuilds loses them on any change; PostgreSQL refuses to
 * retype a column a trigger names.
 */
static bool from_table_changed(const struct ctx *c, const char *schema, const char *name)
{
	long i;

	return find_table(c, c->from, schema, name, &i) && (c->ci ? c->tstate[i].changed : c->tstate[i].retype);
}

/*
 * Materialized views carry indexes; when the view is dropped and re-created
 * its indexes go with it. Returns the from-side view an index is on, NULL
 * for an index on a table.
 */
static const struct cdb_view *index_view(const struct ctx *c, const struct cdb_schema *s,
                                         const struct cdb_index *x)
{
	if (owner(c, s, x->schema, x->table))
		return NULL;
	for (size_t i = 0; i < s->nviews; i++)
		if (view_matches(c, &s->views[i], x->schema, x->table))
			return &s->views[i];
	return NULL;
}

static void drop_view_op(struct ctx *c, const struct cdb_view *v, bool dependent)
{
	struct cdb_op *op = push(c, CDB_OP_DROP_VIEW);

	op->from_view = v;
	op->to_view = pair_view(c, c->to, v);
	op->dependent = dependent;
}

/*
 * SQLite: does a trigger's text name a table that changes or a view that is
 * dropped around the table changes? SQLite checks every trigger whenever a
 * table is renamed (the last step of a rebuild), so a trigger on another
 * table whose body writes to a rebuilt table fails the rebuild with "no such
 * table" unless it is out of the way. Names are matched token by token, so a
 * string literal or a longer identifier that contains the name is no match.
 */
static bool body_reads_changed(struct ctx *c, const struct cdb_trigger *t)
{
	const char *pos = t->definition;
	struct cdb_tok tok;
	enum cdb_tok_kind k;

	if (!c->ci || !pos)
		return false;
	while ((k = cdb_tok_next(&pos, &tok)) != CDB_TOK_END) {
		const char *id;
		long i;

		if (k != CDB_TOK_WORD && k != CDB_TOK_QUOTED)
			continue;
		id = cdb_tok_ident(&c->d->arena, &tok);
		if (find_table(c, c->from, NULL, id, &i) && c->tstate[i].changed)
			return true;
		for (size_t v = 0; v < c->from->nviews; v++)
			if ((c->vstate[v].affected || c->vstate[v].recreate) &&
			    view_matches(c, &c->from->views[v], NULL, id))
				return true;
	}
	return false;
}

/* Step 1: triggers that change, or whose table or view changes (see diff.h). */
void drop_triggers(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ntriggers; i++) {
		const struct cdb_trigger *ft = &f->triggers[i];
		const struct cdb_trigger *tt = pair_trigger(c, c->to, ft, true);
		bool changed = !tt || !sql_eq(c, ft->definition, tt->definition);
		bool on_affected_view = false;
		struct cdb_op *op;

		for (size_t v = 0; v < f->nviews; v++)
			if (c->vstate[v].affected && view_matches(c, &f->views[v], ft->schema, ft->table))
				on_affected_view = true;
		c->trigger_recreate[i] = changed || on_affected_view || from_table_changed(c, ft->schema, ft->table) ||
		                         body_reads_changed(c, ft);
		if (!c->trigger_recreate[i])
			continue;
		op = push(c, CDB_OP_DROP_TRIGGER);
		op->from_trigger = ft;
		op->to_trigger = tt;
		op->from_table = owner(c, f, ft->schema, ft->table);
		op->dependent = !changed;
	}
}

/* Step 6: the triggers drop_triggers() dropped, and new ones. */
void create_triggers(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ntriggers; j++) {
		const struct cdb_trigger *tt = &t->triggers[j];
		const struct cdb_trigger *ft = NULL;
		bool recreate = true, changed = true;
		struct cdb_op *op;

		for (size_t i = 0; i < f->ntriggers; i++)
			if (pair_trigger(c, t, &f->triggers[i], true) == tt) {
				ft = &f->triggers[i];
				recreate = c->trigger_recreate[i];
				changed = !sql_eq(c, ft->definition, tt->definition);
			}
		if (!recreate)
			continue;
		op = push(c, CDB_OP_CREATE_TRIGGER);
		op->from_trigger = ft;
		op->to_trigger = tt;
		op->to_table = owner(c, t, tt->schema, tt->table);
		op->dependent = !changed;
	}
}

/*
 * Views to drop first: changed or dropped (`recreate`), or reading a table
 * or view that changes (`affected`), through any number of views.
 */
void mark_affected_views(struct ctx *c)
{
	const struct cdb_schema *f = c->from;
	bool progress;

	for (size_t i = 0; i < f->nviews; i++) {
		const struct cdb_view *tv = pair_view(c, c->to, &f->views[i]);

		c->vstate[i].recreate = !tv || view_changed(c, &f->views[i], tv);
	}
	do {
		progress = false;
		for (size_t i = 0; i < f->nviews; i++) {
			struct view_state *vs = &c->vstate[i];

			if (vs->affected)
				continue;
			for (size_t k = 0; k < f->ntables && !vs->affected; k++)
				if ((c->ci ? c->tstate[k].changed : c->tstate[k].retype) &&
				    depends_on(c, &f->views[i], f->tables[k].schema, f->tables[k].name))
					vs->affected = true;
			for (size_t k = 0; k < f->nviews && !vs->affected; k++)
				if (k != i && (c->vstate[k].recreate || c->vstate[k].affected) &&
				    depends_on(c, &f->views[i], f->views[k].schema, f->views[k].name))
					vs->affected = true;
			progress = progress || vs->affected;
		}
	} while (progress);
}

/* Step 1: indexes on views that change or are recreated. */
void drop_view_indexes(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->nindexes; i++) {
		const struct cdb_index *fx = &f->indexes[i], *tx = pair_index(c, c->to, fx);
		const struct cdb_view *fv = index_view(c, f, fx);
		const struct view_state *vs;
		struct cdb_op *op;

		if (!fv)
			continue;
		vs = &c->vstate[fv - f->views];
		if (tx && index_eq(c, fx, tx) && !vs->affected && !vs->recreate)
			continue;
		op = push(c, CDB_OP_DROP_INDEX);
		op->from_index = fx;
		op->to_index = tx;
		op->dependent = tx && index_eq(c, fx, tx);
	}
}

/* Step 1: views, those that read others first. */
void drop_views(struct ctx *c)
{
	const struct cdb_schema *f = c->from;
	size_t *order = view_order(c, f);

	for (size_t n = f->nviews; n-- > 0;) {
		size_t i = order[n];
		const struct view_state *vs = &c->vstate[i];

		if (!vs->affected && !vs->recreate)
			continue;
		/* a changed view that is not otherwise affected is replaced in place */
		if (!vs->affected && pair_view(c, c->to, &f->views[i]))
			continue;
		drop_view_op(c, &f->views[i], !vs->recreate);
	}
	free(order);
}

/* Step 3: indexes on tables that go away or change, before their tables change. */
void drop_table_indexes(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->nindexes; i++) {
		const struct cdb_index *fx = &f->indexes[i], *tx = pair_index(c, c->to, fx);
		struct cdb_op *op;

		if ((tx && index_eq(c, fx, tx)) || index_view(c, f, fx))
			continue;
		op = push(c, CDB_OP_DROP_INDEX);
		op->from_index = fx;
		op->to_index = tx;
		op->from_table = owner(c, f, fx->schema, fx->table);
	}
}

/* Step 4: indexes on tables created or changed. */
void create_table_indexes(struct ctx *c)
{
	const struct cdb_schema *t = c->to;

	for (size_t j = 0; j < t->nindexes; j++) {
		const struct cdb_index *tx = &t->indexes[j], *fx = pair_index(c, c->from, tx);
		struct cdb_op *op;

		if ((fx && index_eq(c, fx, tx)) || index_view(c, t, tx))
			continue;
		op = push(c, CDB_OP_CREATE_INDEX);
		op->from_index = fx;
		op->to_index = tx;
		op->to_table = owner(c, t, tx->schema, tx->table);
	}
}

/* Step 6: views created, recreated or replaced, those that others read first. */
void create_views(struct ctx *c)
{
	const struct cdb_schema *t = c->to;
	size_t *order = view_order(c, t);

	for (size_t n = 0; n < t->nviews; n++) {
		const struct cdb_view *tv = &t->views[order[n]], *fv = pair_view(c, c->from, tv);
		const struct view_state *vs = fv ? &c->vstate[fv - c->from->views] : NULL;
		struct cdb_op *op;

		if (!fv) {
			push(c, CDB_OP_CREATE_VIEW)->to_view = tv;
		} else if (vs->affected) {
			op = push(c, CDB_OP_CREATE_VIEW);
			op->from_view = fv;
			op->to_view = tv;
			op->dependent = !vs->recreate;
		} else if (vs->recreate) {
			op = push(c, CDB_OP_REPLACE_VIEW);
			op->from_view = fv;
			op->to_view = tv;
		}
	}
	free(order);
}

/* Step 6: indexes on views, created, or recreated with their view. */
void create_view_indexes(struct ctx *c)
{
	const struct cdb_schema *t = c->to;

	for (size_t j = 0; j < t->nindexes; j++) {
		const struct cdb_index *tx = &t->indexes[j], *fx = pair_index(c, c->from, tx);
		const struct cdb_view *tv = index_view(c, t, tx), *fv;
		const struct view_state *vs;
		struct cdb_op *op;

		if (!tv)
			continue;
		fv = pair_view(c, c->from, tv);
		vs = fv ? &c->vstate[fv - c->from->views] : NULL;
		if (fx && index_eq(c, fx, tx) && vs && !vs->affected && !vs->recreate)
			continue;
		op = push(c, CDB_OP_CREATE_INDEX);
		op->from_index = fx;
		op->to_index = tx;
		op->dependent = fx && index_eq(c, fx, tx);
	}
}
