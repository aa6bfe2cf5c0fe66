/*
 * objects.c - the other PostgreSQL objects (schemas, extensions, sequences,
 * functions), row-level security policies, and comments on every kind of
 * object
 */
#include <stdlib.h>
#include <string.h>

#include "diff_priv.h"

static bool sequence_managed(const struct cdb_sequence *s)
{
	/* identity and serial sequences come and go with their column */
	return s->identity || s->owned_by;
}

static unsigned sequence_changes(const struct cdb_sequence *a, const struct cdb_sequence *b)
{
	unsigned f = 0;

	if (!opt_eq(a->type, b->type))
		f |= CDB_ALTER_SEQ_TYPE;
	if (a->start != b->start || a->increment != b->increment || a->min != b->min || a->max != b->max ||
	    a->cache != b->cache || a->cycle != b->cycle)
		f |= CDB_ALTER_SEQ_PARAMS;
	if (!opt_eq(a->owned_by, b->owned_by))
		f |= CDB_ALTER_SEQ_OWNED;
	return f;
}

/* The schema of `s` called `name`, NULL: none. */
static const struct cdb_namespace *find_namespace(const struct cdb_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nnamespaces; i++)
		if (!strcmp(s->namespaces[i].name, name))
			return &s->namespaces[i];
	return NULL;
}

static const struct cdb_extension *find_extension(const struct cdb_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nextensions; i++)
		if (!strcmp(s->extensions[i].name, name))
			return &s->extensions[i];
	return NULL;
}

/* A function is known by its schema, name and argument types. */
static const struct cdb_function *find_function(const struct cdb_schema *s, const struct cdb_function *fn)
{
	for (size_t i = 0; i < s->nfunctions; i++)
		if (opt_eq(s->functions[i].schema, fn->schema) && !strcmp(s->functions[i].name, fn->name) &&
		    opt_eq(s->functions[i].args, fn->args))
			return &s->functions[i];
	return NULL;
}

/* With `unmanaged`, a sequence that comes and goes with its column does not count. */
static const struct cdb_sequence *find_sequence(const struct cdb_schema *s, const struct cdb_sequence *q,
                                                bool unmanaged)
{
	for (size_t i = 0; i < s->nsequences; i++)
		if (opt_eq(s->sequences[i].schema, q->schema) && !strcmp(s->sequences[i].name, q->name) &&
		    !(unmanaged && sequence_managed(&s->sequences[i])))
			return &s->sequences[i];
	return NULL;
}

/* Step 2, first: schemas, then extensions, which may go into them. */
void create_namespaces(struct ctx *c)
{
	for (size_t j = 0; j < c->to->nnamespaces; j++)
		if (!find_namespace(c->from, c->to->namespaces[j].name))
			push(c, CDB_OP_CREATE_NAMESPACE)->to_namespace = &c->to->namespaces[j];
}

void create_extensions(struct ctx *c)
{
	for (size_t j = 0; j < c->to->nextensions; j++) {
		const struct cdb_extension *te = &c->to->extensions[j], *fe = find_extension(c->from, te->name);
		struct cdb_op *op;

		if (!fe) {
			push(c, CDB_OP_CREATE_EXTENSION)->to_extension = te;
		} else if (!opt_eq(fe->version, te->version) || !opt_eq(fe->schema, te->schema)) {
			op = push(c, CDB_OP_ALTER_EXTENSION);
			op->from_extension = fe;
			op->to_extension = te;
		}
	}
}

/*
 * The owner of a sequence ("table.column", or "schema.table.column" when the
 * table is in another schema) as the models would call it: OWNED BY follows
 * a renamed table or column by itself.
 */
static const char *owner_in_to(const struct ctx *c, const struct cdb_sequence *q)
{
	char *schema, *table, *column;
	const char *out = q->owned_by;
	const struct cdb_table *ft;
	long i;

	if (!cdb_sequence_owner(q, &schema, &table, &column))
		return out;
	ft = find_table(c, c->from, schema, table, &i);
	if (ft && c->tstate[i].pair >= 0 && c->tstate[i].colmap) {
		const char *col = column;

		for (size_t k = 0; k < ft->ncolumns; k++)
			if (name_eq(c, ft->columns[k].name, column) && c->tstate[i].colmap[k])
				col = c->tstate[i].colmap[k]->name;
		/* the same form as the catalog's: qualified only when the table's schema is not the sequence's */
		out = strchr(strchr(q->owned_by, '.') + 1, '.')
		              ? cdb_arena_sprintf(&c->d->arena, "%s.%s.%s", schema,
		                                  c->to->tables[c->tstate[i].pair].name, col)
		              : cdb_arena_sprintf(&c->d->arena, "%s.%s", c->to->tables[c->tstate[i].pair].name, col);
	}
	free(schema);
	free(table);
	free(column);
	return out;
}

/*
 * A sequence owned by a column (a serial's, or one given OWNED BY) comes and
 * goes with its column; one that is on both sides is still one sequence,
 * whose type, parameters and owner are compared like any other's: a serial
 * widened to bigint takes its sequence's type along, and an OWNED BY that
 * moves to another column is seen. Identity sequences belong to their
 * column's identity options.
 */
static void create_or_alter_sequence(struct ctx *c, const struct cdb_sequence *ts)
{
	const struct cdb_sequence *fs = find_sequence(c->from, ts, false);
	struct cdb_sequence mapped;
	struct cdb_op *op;
	unsigned flags;

	if (!fs || fs->identity || ts->identity) {
		/* new: created by its column's op; an unowned one, as any sequence */
		if (!fs && !sequence_managed(ts))
			push(c, CDB_OP_CREATE_SEQUENCE)->to_sequence = ts;
		return;
	}
	mapped = *fs;
	mapped.owned_by = (char *)owner_in_to(c, fs);
	if (!(flags = sequence_changes(&mapped, ts)))
		return;
	op = push(c, CDB_OP_ALTER_SEQUENCE);
	op->from_sequence = fs;
	op->to_sequence = ts;
	op->alter = flags;
}

/* Step 2, after the types. */
void create_sequences(struct ctx *c)
{
	for (size_t j = 0; j < c->to->nsequences; j++)
		if (!c->to->sequences[j].identity)
			create_or_alter_sequence(c, &c->to->sequences[j]);
}

/* Step 2, after the sequences: functions created or changed. */
void create_functions(struct ctx *c)
{
	for (size_t j = 0; j < c->to->nfunctions; j++) {
		const struct cdb_function *tf = &c->to->functions[j], *ff = find_function(c->from, tf);
		struct cdb_op *op;

		if (!ff) {
			push(c, CDB_OP_CREATE_FUNCTION)->to_function = tf;
		} else if (!opt_eq(ff->kind, tf->kind) || !sql_eq(c, ff->definition, tf->definition)) {
			op = push(c, CDB_OP_REPLACE_FUNCTION);
			op->from_function = ff;
			op->to_function = tf;
		}
	}
}

/* Step 5, after the tables: functions, then sequences. */
void drop_functions(struct ctx *c)
{
	for (size_t i = 0; i < c->from->nfunctions; i++)
		if (!find_function(c->to, &c->from->functions[i]))
			push(c, CDB_OP_DROP_FUNCTION)->from_function = &c->from->functions[i];
}

void drop_sequences(struct ctx *c)
{
	for (size_t i = 0; i < c->from->nsequences; i++) {
		const struct cdb_sequence *q = &c->from->sequences[i], *kept = find_sequence(c->to, q, false);

		/* one kept (owned or not) is altered instead; an owned one goes with its column */
		if (!sequence_managed(q) && (!kept || kept->identity))
			push(c, CDB_OP_DROP_SEQUENCE)->from_sequence = q;
	}
}

/* Step 5, last: extensions, then the schemas they may be in. */
void drop_extensions(struct ctx *c)
{
	for (size_t i = 0; i < c->from->nextensions; i++)
		if (!find_extension(c->to, c->from->extensions[i].name))
			push(c, CDB_OP_DROP_EXTENSION)->from_extension = &c->from->extensions[i];
}

void drop_namespaces(struct ctx *c)
{
	for (size_t i = 0; i < c->from->nnamespaces; i++)
		if (!find_namespace(c->to, c->from->namespaces[i].name))
			push(c, CDB_OP_DROP_NAMESPACE)->from_namespace = &c->from->namespaces[i];
}

static const struct cdb_policy *find_policy(const struct cdb_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->npolicies; i++)
		if (!strcmp(t->policies[i].name, name))
			return &t->policies[i];
	return NULL;
}

/*
 * What ALTER POLICY cannot change: the command, PERMISSIVE/RESTRICTIVE, and
 * a USING or WITH CHECK clause that appears or goes away (ALTER POLICY can
 * set a clause but not remove one, so neither direction may add one).
 */
static bool policy_recreated(const struct cdb_policy *a, const struct cdb_policy *b)
{
	return strcmp(a->command, b->command) != 0 || a->permissive != b->permissive ||
	       !a->using_expr != !b->using_expr || !a->check_expr != !b->check_expr;
}

/* What ALTER POLICY changes (CDB_ALTER_POLICY_*); 0: the policies are equal. */
static unsigned policy_changes(const struct cdb_policy *a, const struct cdb_policy *b)
{
	unsigned f = 0;

	if (!strlist_eq(a->roles, a->nroles, b->roles, b->nroles))
		f |= CDB_ALTER_POLICY_ROLES;
	if (!opt_eq(a->using_expr, b->using_expr))
		f |= CDB_ALTER_POLICY_USING;
	if (!opt_eq(a->check_expr, b->check_expr))
		f |= CDB_ALTER_POLICY_CHECK;
	return f;
}

/*
 * Step 1: policies that go away, that change what ALTER POLICY cannot change,
 * or whose table has a column dropped, renamed or retyped (PostgreSQL refuses
 * to retype a column a policy uses, and the printed text of a policy follows
 * a renamed column). A dropped table's policies go with its DROP TABLE: their
 * op is `implied`, rendered only in the downgrade, which creates them last.
 */
void drop_policies(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ntables; i++) {
		const struct cdb_table *ft = &c->from->tables[i];
		const struct cdb_table *tt = c->tstate[i].pair >= 0 ? &c->to->tables[c->tstate[i].pair] : NULL;

		for (size_t k = 0; k < ft->npolicies; k++) {
			const struct cdb_policy *fp = &ft->policies[k], *tp = find_policy(tt, fp->name);
			struct cdb_op *op;

			if (tp && !c->tstate[i].cols && !policy_recreated(fp, tp))
				continue;
			op = table_op(c, CDB_OP_DROP_POLICY, ft, tt);
			op->from_policy = fp;
			op->implied = !tt;
			op->dependent = !tt || (tp && !policy_recreated(fp, tp) && !policy_changes(fp, tp));
		}
	}
}

/* Step 4: policies created (also those of created tables and those step 1 dropped) and altered. */
void create_policies(struct ctx *c)
{
	for (size_t j = 0; j < c->to->ntables; j++) {
		const struct cdb_table *tt = &c->to->tables[j];
		long i = c->to_pair[j];
		const struct cdb_table *ft = i >= 0 ? &c->from->tables[i] : NULL;

		for (size_t k = 0; k < tt->npolicies; k++) {
			const struct cdb_policy *tp = &tt->policies[k], *fp = find_policy(ft, tp->name);
			struct cdb_op *op;

			if (fp && !c->tstate[i].cols && !policy_recreated(fp, tp)) {
				unsigned f = policy_changes(fp, tp);

				if (f) {
					op = table_op(c, CDB_OP_ALTER_POLICY, ft, tt);
					op->from_policy = fp;
					op->to_policy = tp;
					op->alter = f;
				}
				continue;
			}
			op = table_op(c, CDB_OP_CREATE_POLICY, ft, tt);
			op->to_policy = tp;
			op->dependent = fp && !policy_recreated(fp, tp) && !policy_changes(fp, tp);
		}
	}
}

void comment_op(struct ctx *c, enum cdb_comment_on on, const char *from, const char *to,
                       struct cdb_op *proto)
{
	struct cdb_op *op;

	if (opt_eq(from, to))
		return;
	op = push(c, CDB_OP_SET_COMMENT);
	*op = *proto;
	op->kind = CDB_OP_SET_COMMENT;
	op->comment_on = on;
	op->from_comment = from;
	op->to_comment = to;
}

/* Comments of objects about to be dropped are cleared first, so the downgrade restores them. */
void clear_dropped_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ntables; i++) {
		const struct cdb_table *t = &f->tables[i];
		struct cdb_op p = { .from_table = t, .to_table = t };

		if (c->tstate[i].pair >= 0)
			continue;
		comment_op(c, CDB_COMMENT_TABLE, t->comment, NULL, &p);
		for (size_t k = 0; k < t->ncolumns; k++) {
			p.from_column = p.to_column = &t->columns[k];
			comment_op(c, CDB_COMMENT_COLUMN, t->columns[k].comment, NULL, &p);
		}
	}
	for (size_t i = 0; i < f->nviews; i++) {
		struct cdb_op p = { .from_view = &f->views[i], .to_view = &f->views[i] };

		if (!pair_view(c, c->to, &f->views[i]))
			comment_op(c, CDB_COMMENT_VIEW, f->views[i].comment, NULL, &p);
	}
	for (size_t i = 0; i < f->nindexes; i++) {
		struct cdb_op p = { .from_index = &f->indexes[i], .to_index = &f->indexes[i] };
		const struct cdb_index *x = pair_index(c, c->to, &f->indexes[i]);

		if (!x || !index_eq(c, &f->indexes[i], x))
			comment_op(c, CDB_COMMENT_INDEX, f->indexes[i].comment, NULL, &p);
	}
}

/* Comments of paired and created tables and their columns. */
static void table_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ntables; j++) {
		const struct cdb_table *tt = &t->tables[j];
		const struct cdb_table *ft = c->to_pair[j] >= 0 ? &f->tables[c->to_pair[j]] : NULL;
		struct cdb_op p = { .from_table = ft ? ft : tt, .to_table = tt };

		comment_op(c, CDB_COMMENT_TABLE, ft ? ft->comment : NULL, tt->comment, &p);
		for (size_t k = 0; k < tt->ncolumns; k++) {
			const struct cdb_column *fc = NULL;

			/* a renamed column keeps its comment: pair it through the rename */
			for (size_t n = 0; ft && n < c->d->nops && !fc; n++)
				if (c->d->ops[n].kind == CDB_OP_RENAME_COLUMN && c->d->ops[n].to_column == &tt->columns[k])
					fc = c->d->ops[n].from_column;
			if (ft)
				for (size_t i = 0; i < ft->ncolumns && !fc; i++)
					if (name_eq(c, ft->columns[i].name, tt->columns[k].name))
						fc = &ft->columns[i];
			p.from_column = fc ? fc : &tt->columns[k];
			p.to_column = &tt->columns[k];
			comment_op(c, CDB_COMMENT_COLUMN, fc ? fc->comment : NULL, tt->columns[k].comment, &p);
		}
	}
}

/* Comments of views and indexes: a recreated one lost its comment. */
static void dependent_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->nviews; j++) {
		const struct cdb_view *fv = pair_view(c, f, &t->views[j]);
		struct cdb_op p = { .from_view = fv ? fv : &t->views[j], .to_view = &t->views[j] };
		bool recreated = !fv || view_changed(c, fv, &t->views[j]);

		comment_op(c, CDB_COMMENT_VIEW, fv && !recreated ? fv->comment : NULL, t->views[j].comment, &p);
	}
	for (size_t j = 0; j < t->nindexes; j++) {
		const struct cdb_index *fx = pair_index(c, f, &t->indexes[j]);
		struct cdb_op p = { .from_index = fx ? fx : &t->indexes[j], .to_index = &t->indexes[j] };
		bool recreated = !fx || !index_eq(c, fx, &t->indexes[j]);

		comment_op(c, CDB_COMMENT_INDEX, fx && !recreated ? fx->comment : NULL, t->indexes[j].comment, &p);
	}
}

/* Comments of enums, sequences, functions and schemas. */
static void object_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->nenums; j++) {
		const struct cdb_enum *fe = find_enum(f, &t->enums[j]);
		struct cdb_op p = { .from_enum = fe ? fe : &t->enums[j], .to_enum = &t->enums[j] };

		comment_op(c, CDB_COMMENT_ENUM, fe ? fe->comment : NULL, t->enums[j].comment, &p);
	}
	for (size_t j = 0; j < t->nsequences; j++) {
		const struct cdb_sequence *fs;
		struct cdb_op p = { .to_sequence = &t->sequences[j] };

		if (sequence_managed(&t->sequences[j]))
			continue;
		fs = find_sequence(f, &t->sequences[j], false);
		p.from_sequence = fs ? fs : &t->sequences[j];
		comment_op(c, CDB_COMMENT_SEQUENCE, fs ? fs->comment : NULL, t->sequences[j].comment, &p);
	}
	for (size_t j = 0; j < t->nfunctions; j++) {
		const struct cdb_function *ff = find_function(f, &t->functions[j]);
		struct cdb_op p = { .from_function = ff ? ff : &t->functions[j], .to_function = &t->functions[j] };

		comment_op(c, CDB_COMMENT_FUNCTION, ff ? ff->comment : NULL, t->functions[j].comment, &p);
	}
	for (size_t j = 0; j < t->nnamespaces; j++) {
		const struct cdb_namespace *fn = find_namespace(f, t->namespaces[j].name);
		struct cdb_op p = { .from_namespace = fn ? fn : &t->namespaces[j], .to_namespace = &t->namespaces[j] };

		comment_op(c, CDB_COMMENT_NAMESPACE, fn ? fn->comment : NULL, t->namespaces[j].comment, &p);
	}
}

/* Comments of domains: one dropped and created again lost its comment. */
static void domain_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *fd = find_domain(f, &t->domains[j]);
		struct cdb_op p = { .from_domain = fd ? fd : &t->domains[j], .to_domain = &t->domains[j] };

		/* a domain dropped and created again lost its comment */
		for (size_t n = 0; fd && n < c->d->nops; n++)
			if (c->d->ops[n].kind == CDB_OP_CREATE_DOMAIN &&
			    opt_eq(c->d->ops[n].to_domain->schema, t->domains[j].schema) &&
			    !strcmp(c->d->ops[n].to_domain->name, t->domains[j].name))
				fd = NULL;
		comment_op(c, CDB_COMMENT_DOMAIN, fd ? fd->comment : NULL, t->domains[j].comment, &p);
	}
}

/* Comments of collations, range and composite types (a replaced one is created with its comment). */
static void type_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ncollations; j++) {
		const struct cdb_collation *fk = find_collation(f, &t->collations[j]);
		struct cdb_op p = { .from_collation = fk, .to_collation = &t->collations[j] };

		if (fk && collation_def_eq(fk, &t->collations[j]))
			comment_op(c, CDB_COMMENT_COLLATION, fk->comment, t->collations[j].comment, &p);
	}
	for (size_t j = 0; j < t->nranges; j++) {
		const struct cdb_range *fr = find_range(f, &t->ranges[j]);
		struct cdb_op p = { .from_range = fr, .to_range = &t->ranges[j] };

		if (fr && range_eq(fr, &t->ranges[j]))
			comment_op(c, CDB_COMMENT_RANGE, fr->comment, t->ranges[j].comment, &p);
	}
	for (size_t j = 0; j < t->ncomposites; j++) {
		const struct cdb_composite *ft = find_composite(f, &t->composites[j]);
		struct cdb_op p = { .from_composite = ft, .to_composite = &t->composites[j] };

		if (ft)
			comment_op(c, CDB_COMMENT_COMPOSITE, ft->comment, t->composites[j].comment, &p);
	}
}

/* Step 6: comments of paired and created objects. */
void set_comments(struct ctx *c)
{
	table_comments(c);
	dependent_comments(c);
	object_comments(c);
	domain_comments(c);
	type_comments(c);
}
