/* tables.c - tables, their columns, constraints and options */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

static const struct cdb_constraint *primary_key(const struct cdb_table *t)
{
	for (size_t i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == CDB_CON_PRIMARY)
			return &t->constraints[i];
	return NULL;
}

/* The columns a foreign key references: SQLite allows leaving them out (the target's PK). */
static void fk_ref_columns(const struct ctx *c, const struct cdb_schema *s, const struct cdb_constraint *k,
                           char ***cols, size_t *n)
{
	const struct cdb_table *rt;
	const struct cdb_constraint *pk;

	*cols = k->ref_columns;
	*n = k->nref_columns;
	if (*n || !(rt = find_table(c, s, k->ref_schema, k->ref_table, NULL)) || !(pk = primary_key(rt)))
		return;
	*cols = pk->columns;
	*n = pk->ncolumns;
}

static bool constraint_eq(const struct ctx *c, const struct colmap *m, const struct cdb_constraint *a,
                          const struct cdb_constraint *b)
{
	char **ra, **rb;
	size_t na, nb;

	if (a->kind != b->kind || a->ncolumns != b->ncolumns)
		return false;
	/* SQLite constraint names are not part of the schema's meaning */
	if (!c->ci && (a->name || b->name) && !opt_eq(a->name, b->name))
		return false;
	for (size_t i = 0; i < a->ncolumns; i++)
		if (!name_eq(c, map_column(c, m, a->columns[i]), b->columns[i]))
			return false;
	switch (a->kind) {
	case CDB_CON_PRIMARY:
		return a->autoincrement == b->autoincrement;
	case CDB_CON_UNIQUE:
		return c->ci || sql_eq(c, a->definition, b->definition);
	case CDB_CON_CHECK:
		if (a->expr || b->expr)
			return sql_eq(c, a->expr, b->expr);
		return sql_eq(c, a->definition, b->definition);
	case CDB_CON_FOREIGN:
		if (!opt_eq(a->ref_schema, b->ref_schema) ||
		    !name_eq(c, map_table(c, a->ref_schema, a->ref_table), b->ref_table))
			return false;
		fk_ref_columns(c, c->from, a, &ra, &na);
		fk_ref_columns(c, c->to, b, &rb, &nb);
		if (na != nb)
			return false;
		for (size_t i = 0; i < na; i++)
			if (!name_eq(c, ra[i], rb[i]))
				return false;
		return opt_ieq(a->on_delete, b->on_delete) && opt_ieq(a->on_update, b->on_update) &&
		       opt_ieq(a->match, b->match) && a->deferrable == b->deferrable &&
		       a->initially_deferred == b->initially_deferred;
	case CDB_CON_EXCLUDE:
		return sql_eq(c, a->definition, b->definition);
	}
	return false;
}

/* What differs between two paired columns (enum cdb_alter_flags). */
static unsigned column_changes(const struct ctx *c, const struct cdb_column *a, const struct cdb_column *b)
{
	unsigned f = 0;

	if (!(c->ci ? opt_ieq(a->type, b->type) : opt_eq(a->type, b->type)) && !sql_eq(c, a->type, b->type))
		f |= CDB_ALTER_TYPE;
	if (a->notnull != b->notnull)
		f |= CDB_ALTER_NULLABLE;
	if (!sql_eq(c, a->default_expr, b->default_expr))
		f |= CDB_ALTER_DEFAULT;
	if (!collation_eq(c, a->collation, b->collation))
		f |= CDB_ALTER_COLLATION;
	if (!sql_eq(c, a->generated, b->generated) || (a->generated && a->generated_stored != b->generated_stored))
		f |= CDB_ALTER_GENERATED;
	if (a->identity != b->identity)
		f |= CDB_ALTER_IDENTITY;
	return f;
}

/* The identity sequence of column `col` of table `t` in `s` (marked by the introspector), NULL: none. */
static const struct cdb_sequence *identity_seq(const struct cdb_schema *s, const struct cdb_table *t,
                                               const struct cdb_column *col)
{
	size_t n = strlen(t->name);

	for (size_t i = 0; i < s->nsequences; i++) {
		const struct cdb_sequence *q = &s->sequences[i];

		/* an identity sequence lives in its table's schema, so owned_by is "table.column" */
		if (q->identity && q->owned_by && opt_eq(q->schema, t->schema) && !strncmp(q->owned_by, t->name, n) &&
		    q->owned_by[n] == '.' && !strcmp(q->owned_by + n + 1, col->name))
			return q;
	}
	return NULL;
}

/*
 * The options of an identity column live in its sequence, which the diff
 * otherwise leaves alone: a column that stays identity but whose sequence's
 * START/INCREMENT/MIN/MAX/CACHE/CYCLE differ is an identity change. The
 * sequence type follows the column type and is not compared.
 */
static unsigned identity_changes(const struct ctx *c, const struct cdb_table *ft, const struct cdb_column *a,
                                 const struct cdb_table *tt, const struct cdb_column *b)
{
	const struct cdb_sequence *qa, *qb;

	if (!a->identity || !b->identity)
		return 0;
	qa = identity_seq(c->from, ft, a);
	qb = identity_seq(c->to, tt, b);
	if (!qa || !qb)
		return 0;
	if (qa->start != qb->start || qa->increment != qb->increment || qa->min != qb->min || qa->max != qb->max ||
	    qa->cache != qb->cache || qa->cycle != qb->cycle)
		return CDB_ALTER_IDENTITY | CDB_ALTER_IDENTITY_OPTIONS;
	return 0;
}

struct cdb_op *table_op(struct ctx *c, enum cdb_op_kind kind, const struct cdb_table *ft,
                               const struct cdb_table *tt)
{
	struct cdb_op *op = push(c, kind);

	op->from_table = ft;
	op->to_table = tt;
	return op;
}

/*
 * Whether partition `ft` moves to another parent in `tt`: its parent in
 * `from` is not paired with its parent in `to` (a renamed parent is the same).
 */
static bool parent_moved(const struct ctx *c, const struct cdb_table *ft, const struct cdb_table *tt)
{
	long i, j;

	if (!find_table(c, c->from, ft->parent_schema, ft->parent, &i) ||
	    !find_table(c, c->to, tt->parent_schema, tt->parent, &j))
		return !name_eq(c, ft->parent, tt->parent) || !opt_eq(ft->parent_schema, tt->parent_schema);
	return c->tstate[i].pair != j;
}

/* One paired table while its changes are computed. */
struct table_pair {
	struct colmap m;                         /* its columns paired */
	const struct cdb_column **to_from;       /* per to column: its pair in ft, NULL: added */
	const struct cdb_constraint **con_to;    /* per from constraint: its pair in tt, NULL: dropped */
	bool *con_used;                          /* per to constraint: paired */
	bool partition;                          /* either side is a partition */
	bool retype;                             /* a column is dropped, renamed or retyped */
};

static void pair_constraints(const struct ctx *c, struct table_pair *p)
{
	const struct cdb_table *ft = p->m.ft, *tt = p->m.tt;

	for (size_t i = 0; i < ft->nconstraints; i++)
		for (size_t j = 0; j < tt->nconstraints && !p->con_to[i]; j++)
			if (!p->con_used[j] && constraint_eq(c, &p->m, &ft->constraints[i], &tt->constraints[j])) {
				p->con_to[i] = &tt->constraints[j];
				p->con_used[j] = true;
			}
}

/*
 * The ops on the columns and constraints of one pair, in the order diff.h
 * gives: constraints go before renames, so the downgrade re-adds old ones
 * after renaming back.
 */
static void column_ops(struct ctx *c, struct table_pair *p)
{
	const struct cdb_table *ft = p->m.ft, *tt = p->m.tt;
	const struct cdb_column **from_to = p->m.from_to;
	struct cdb_op *op;
	unsigned f;

	for (size_t i = 0; i < ft->nconstraints; i++)
		if (!p->con_to[i])
			table_op(c, CDB_OP_DROP_CONSTRAINT, ft, tt)->from_constraint = &ft->constraints[i];
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (from_to[i] && !name_eq(c, ft->columns[i].name, from_to[i]->name)) {
			op = table_op(c, CDB_OP_RENAME_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			op->to_column = from_to[i];
			p->retype = true;
		}
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (!from_to[i] && !ft->columns[i].hidden && !p->partition) {
			op = table_op(c, CDB_OP_DROP_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			mark_destructive(c->d, op);
			p->retype = true;
		}
	for (size_t j = 0; j < tt->ncolumns; j++)
		if (!p->to_from[j] && !tt->columns[j].hidden && !p->partition)
			table_op(c, CDB_OP_ADD_COLUMN, ft, tt)->to_column = &tt->columns[j];
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (from_to[i] && (f = column_changes(c, &ft->columns[i], from_to[i]) |
		                       identity_changes(c, ft, &ft->columns[i], tt, from_to[i]))) {
			op = table_op(c, CDB_OP_ALTER_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			op->to_column = from_to[i];
			op->alter = f;
			mark_destructive(c->d, op);
			if (f & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION | CDB_ALTER_GENERATED))
				p->retype = true;
		}
	for (size_t j = 0; j < tt->nconstraints; j++)
		if (!p->con_used[j])
			table_op(c, CDB_OP_ADD_CONSTRAINT, ft, tt)->to_constraint = &tt->constraints[j];
}

/* What differs in the options of two paired tables (the ALTER_TABLE flags). */
static unsigned table_option_changes(const struct ctx *c, const struct cdb_table *ft,
                                     const struct cdb_table *tt)
{
	unsigned f = 0;

	if (ft->without_rowid != tt->without_rowid)
		f |= CDB_ALTER_WITHOUT_ROWID;
	if (ft->strict != tt->strict)
		f |= CDB_ALTER_STRICT;
	if (!opt_eq(ft->partition_key, tt->partition_key) || !ft->parent != !tt->parent)
		f |= CDB_ALTER_PARTITIONING;
	else if (ft->parent && (!opt_eq(ft->bound, tt->bound) || parent_moved(c, ft, tt)))
		f |= CDB_ALTER_PARTITION_BOUND;
	if (ft->rls != tt->rls)
		f |= CDB_ALTER_RLS;
	if (ft->rls_forced != tt->rls_forced)
		f |= CDB_ALTER_FORCE_RLS;
	if (ft->unlogged != tt->unlogged)
		f |= CDB_ALTER_LOGGED;
	if (!strlist_eq(ft->options, ft->noptions, tt->options, tt->noptions))
		f |= CDB_ALTER_STORAGE;
	return f;
}

/*
 * Column, constraint and option changes of from-table i and its pair tt.
 * Returns whether anything changed; sets *retype when a column is dropped,
 * renamed or retyped.
 */
static bool diff_table(struct ctx *c, size_t i, const struct cdb_table *tt, bool *retype)
{
	const struct cdb_table *ft = &c->from->tables[i];
	struct table_pair p = {
		.m = { ft, tt, xcalloc(ft->ncolumns + 1, sizeof(*p.m.from_to)) },
		.to_from = xcalloc(tt->ncolumns + 1, sizeof(*p.to_from)),
		.con_to = xcalloc(ft->nconstraints + 1, sizeof(*p.con_to)),
		.con_used = xcalloc(tt->nconstraints + 1, sizeof(*p.con_used)),
		/* a partition's columns are its parent's, so they are not compared */
		.partition = ft->parent || tt->parent,
	};
	size_t start = c->d->nops;
	unsigned f;

	pair_columns(c, &p.m, p.to_from);
	pair_constraints(c, &p);
	column_ops(c, &p);
	if ((f = table_option_changes(c, ft, tt)))
		table_op(c, CDB_OP_ALTER_TABLE, ft, tt)->alter = f;
	if (!p.partition)
		column_rename_candidates(c, &p.m, p.to_from);
	/* kept: index keys are compared through the renames (index_eq) */
	c->tstate[i].colmap = p.m.from_to;
	*retype = p.retype;
	free(p.to_from);
	free(p.con_to);
	free(p.con_used);
	return c->d->nops > start;
}

/*
 * Renamed and altered tables. Their ops are computed before the steps that
 * need to know which tables change (views on them go first) and are put in
 * their place, after the created tables, by place_table_ops().
 */
void diff_paired_tables(struct ctx *c)
{
	struct cdb_diff *d = c->d;

	for (size_t i = 0; i < c->from->ntables; i++) {
		const struct cdb_table *ft = &c->from->tables[i], *tt;
		struct table_state *st = &c->tstate[i];
		bool retype = false;

		if (st->pair < 0) {
			st->changed = st->retype = true;
			continue;
		}
		tt = &c->to->tables[st->pair];
		if (!name_eq(c, ft->name, tt->name) || !opt_eq(ft->schema, tt->schema)) {
			table_op(c, CDB_OP_RENAME_TABLE, ft, tt);
			st->changed = st->retype = true;
		}
		if (diff_table(c, i, tt, &retype))
			st->changed = true;
		if (retype)
			st->retype = st->cols = true;
	}
	c->table_ops = d->ops;
	c->ntable_ops = d->nops;
	d->ops = NULL;
	d->nops = d->ops_cap = 0;
}

/* A partition's columns are its parent's: a retyped parent retypes them, at every level. */
void retype_partitions(struct ctx *c)
{
	bool progress;

	do {
		progress = false;
		for (size_t i = 0; i < c->from->ntables; i++) {
			const struct cdb_table *ft = &c->from->tables[i];
			long p;

			if (ft->parent && !c->tstate[i].retype &&
			    find_table(c, c->from, ft->parent_schema, ft->parent, &p) && c->tstate[p].retype) {
				c->tstate[i].changed = c->tstate[i].retype = true;
				progress = true;
			}
		}
	} while (progress);
}

/* Step 3: created tables, referenced ones (and parents) first. */
void create_tables(struct ctx *c)
{
	size_t *order = table_order(c, c->to);

	for (size_t n = 0; n < c->to->ntables; n++)
		if (c->to_pair[order[n]] < 0)
			table_op(c, CDB_OP_CREATE_TABLE, NULL, &c->to->tables[order[n]]);
	free(order);
}

/* Step 3: the ops diff_paired_tables() computed, after the created tables. */
void place_table_ops(struct ctx *c)
{
	struct cdb_diff *d = c->d;

	for (size_t n = 0; n < c->ntable_ops; n++)
		*CDB_ARENA_PUSH(&d->arena, d->ops, d->nops, d->ops_cap) = c->table_ops[n];
}

/* Step 5: dropped tables, referencing ones (and partitions) first. */
void drop_tables(struct ctx *c)
{
	size_t *order = table_order(c, c->from);

	for (size_t n = c->from->ntables; n-- > 0;)
		if (c->tstate[order[n]].pair < 0)
			mark_destructive(c->d, table_op(c, CDB_OP_DROP_TABLE, &c->from->tables[order[n]], NULL));
	free(order);
}
