/*
 * types.c - PostgreSQL types: enums, domains, collations, range and
 * composite types, and the columns whose type changes with them
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

static bool labels_extend(const struct cdb_enum *a, const struct cdb_enum *b)
{
	size_t j = 0;

	for (size_t i = 0; i < a->nlabels; i++) {
		while (j < b->nlabels && strcmp(b->labels[j], a->labels[i]))
			j++;
		if (j == b->nlabels)
			return false;
		j++;
	}
	return true;
}

bool labels_eq(const struct cdb_enum *a, const struct cdb_enum *b)
{
	if (a->nlabels != b->nlabels)
		return false;
	for (size_t i = 0; i < a->nlabels; i++)
		if (strcmp(a->labels[i], b->labels[i]))
			return false;
	return true;
}

const struct cdb_enum *find_enum(const struct cdb_schema *s, const struct cdb_enum *e)
{
	for (size_t i = 0; i < s->nenums; i++)
		if (opt_eq(s->enums[i].schema, e->schema) && !strcmp(s->enums[i].name, e->name))
			return &s->enums[i];
	return NULL;
}

/* One ADD_ENUM_VALUE per label of te that fe lacks, before the next label fe has. */
static void add_enum_values(struct ctx *c, const struct cdb_enum *fe, const struct cdb_enum *te)
{
	for (size_t k = 0; k < te->nlabels; k++) {
		struct cdb_op *op;
		bool old = false;

		for (size_t i = 0; i < fe->nlabels && !old; i++)
			old = !strcmp(fe->labels[i], te->labels[k]);
		if (old)
			continue;
		op = push(c, CDB_OP_ADD_ENUM_VALUE);
		op->from_enum = fe;
		op->to_enum = te;
		op->label = te->labels[k];
		/* the next label that already exists, so the order comes out right */
		for (size_t n = k + 1; n < te->nlabels && !op->label_before; n++)
			for (size_t i = 0; i < fe->nlabels; i++)
				if (!strcmp(fe->labels[i], te->labels[n]))
					op->label_before = te->labels[n];
	}
}

/* Step 2, after the collations: enums created, extended or rebuilt. */
void create_enums(struct ctx *c)
{
	for (size_t j = 0; j < c->to->nenums; j++) {
		const struct cdb_enum *te = &c->to->enums[j], *fe = find_enum(c->from, te);
		struct cdb_op *op;

		if (!fe) {
			push(c, CDB_OP_CREATE_ENUM)->to_enum = te;
		} else if (labels_eq(fe, te)) {
			continue;
		} else if (labels_extend(fe, te)) {
			add_enum_values(c, fe, te);
		} else {
			op = push(c, CDB_OP_REBUILD_ENUM);
			op->from_enum = fe;
			op->to_enum = te;
			mark_destructive(c->d, op);
		}
	}
}

/* Step 5, after the domains that may be over them. */
void drop_enums(struct ctx *c)
{
	for (size_t i = 0; i < c->from->nenums; i++) {
		struct cdb_op *op;

		if (find_enum(c->to, &c->from->enums[i]))
			continue;
		op = push(c, CDB_OP_DROP_ENUM);
		op->from_enum = &c->from->enums[i];
		mark_destructive(c->d, op);
	}
}

const struct cdb_domain *find_domain(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t i = 0; i < s->ndomains; i++)
		if (opt_eq(s->domains[i].schema, d->schema) && !strcmp(s->domains[i].name, d->name))
			return &s->domains[i];
	return NULL;
}

/* Does column type text (format_type: "email", "crm.email", "email[]") name domain d? */
static bool type_is_domain(const char *type, const struct cdb_domain *d)
{
	struct cdb_enum e = { .schema = d->schema, .name = d->name };

	return type_is_enum(type, &e);
}

static bool domain_used(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t k = 0; k < s->ntables; k++)
		for (size_t col = 0; col < s->tables[k].ncolumns; col++)
			if (type_is_domain(s->tables[k].columns[col].type, d))
				return true;
	return false;
}

/*
 * Does a column of `s` have an array of domain d as its type? PostgreSQL
 * cannot check the values of such a column against a new CHECK or NOT
 * NULL of the domain ("cannot alter type ... because column ... uses it").
 */
static bool domain_array_used(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t k = 0; k < s->ntables; k++)
		for (size_t col = 0; col < s->tables[k].ncolumns; col++) {
			const char *ty = s->tables[k].columns[col].type;

			if (ty && strchr(ty, '[') && type_is_domain(ty, d))
				return true;
		}
	return false;
}

/* Has domain d a CHECK of k's name and definition? */
static bool domain_has_check(const struct cdb_domain *d, const struct cdb_domain_check *k)
{
	for (size_t i = 0; i < d->nchecks; i++)
		if (!strcmp(d->checks[i].name, k->name) && !strcmp(d->checks[i].definition, k->definition))
			return true;
	return false;
}

/* Does going from domain a to b add a CHECK or NOT NULL, which the server validates? */
static bool domain_adds_rule(const struct cdb_domain *a, const struct cdb_domain *b)
{
	if (b->notnull && !a->notnull)
		return true;
	for (size_t i = 0; i < b->nchecks; i++)
		if (!domain_has_check(a, &b->checks[i]))
			return true;
	return false;
}

/* What ALTER DOMAIN can change in place (enum cdb_alter_flags). */
static unsigned domain_changes(const struct cdb_domain *a, const struct cdb_domain *b)
{
	unsigned f = 0;

	if (!opt_eq(a->default_expr, b->default_expr))
		f |= CDB_ALTER_DEFAULT;
	if (a->notnull != b->notnull)
		f |= CDB_ALTER_NULLABLE;
	if (a->nchecks != b->nchecks)
		f |= CDB_ALTER_DOMAIN_CHECKS;
	for (size_t i = 0; i < a->nchecks && !(f & CDB_ALTER_DOMAIN_CHECKS); i++)
		if (strcmp(a->checks[i].name, b->checks[i].name) ||
		    strcmp(a->checks[i].definition, b->checks[i].definition))
			f |= CDB_ALTER_DOMAIN_CHECKS;
	return f;
}

/*
 * A domain whose base type or collation changes cannot be altered in place:
 * it is rebuilt (REBUILD_DOMAIN) when columns use it, else dropped and
 * created again.
 */
static bool domain_retyped(const struct cdb_domain *a, const struct cdb_domain *b)
{
	return !opt_eq(a->type, b->type) || !opt_eq(a->collation, b->collation);
}

/*
 * Is domain a (of database schema f) rebuilt to become b: retyped while
 * columns use it, or given a CHECK or NOT NULL while a column holds an
 * array of it (both directions of the diff rebuild it then).
 */
static bool domain_rebuilt(const struct cdb_schema *f, const struct cdb_domain *a, const struct cdb_domain *b)
{
	if (domain_retyped(a, b))
		return domain_used(f, a);
	return (domain_adds_rule(a, b) || domain_adds_rule(b, a)) && domain_array_used(f, a);
}

/*
 * Does CHECK text `def` call a function of schema `s`? pg_get_constraintdef
 * prints a call as name( or schema.name( (either part possibly quoted).
 */
static bool calls_function(const struct cdb_schema *s, const char *def)
{
	for (size_t i = 0; i < s->nfunctions; i++) {
		const char *name = s->functions[i].name;
		size_t n = strlen(name);

		for (const char *p = strstr(def, name); p; p = strstr(p + 1, name)) {
			const char *q = p + n;
			char before = p > def ? p[-1] : ' ';

			if (before == '"' && *q == '"') {
				before = p - 1 > def ? p[-2] : ' ';
				q++;
			}
			if (isalnum((unsigned char)before) || before == '_' || before == '$' || before == '"')
				continue;
			while (*q == ' ')
				q++;
			if (*q == '(')
				return true;
		}
	}
	return false;
}

/*
 * `d` without the CHECKs that call a function of `fns`: PostgreSQL creates
 * domains before functions and drops them after, so such CHECKs are added
 * once the functions exist and dropped before they go. Returns `d` itself
 * when it has none, else a copy in the diff's arena.
 */
static const struct cdb_domain *domain_without_calls(struct ctx *c, const struct cdb_domain *d,
                                                     const struct cdb_schema *fns)
{
	struct cdb_domain *copy;
	size_t keep = 0;

	for (size_t i = 0; i < d->nchecks; i++)
		if (!calls_function(fns, d->checks[i].definition))
			keep++;
	if (keep == d->nchecks)
		return d;
	copy = cdb_arena_alloc(&c->d->arena, sizeof(*copy));
	*copy = *d;
	copy->checks = cdb_arena_alloc(&c->d->arena, (keep ? keep : 1) * sizeof(*copy->checks));
	copy->nchecks = 0;
	for (size_t i = 0; i < d->nchecks; i++)
		if (!calls_function(fns, d->checks[i].definition))
			copy->checks[copy->nchecks++] = d->checks[i];
	return copy;
}

/* Does `b` have a CHECK that `a` lacks and that calls a function of `fns`? */
static bool adds_call(const struct cdb_domain *a, const struct cdb_domain *b, const struct cdb_schema *fns)
{
	for (size_t i = 0; i < b->nchecks; i++)
		if (!domain_has_check(a, &b->checks[i]) && calls_function(fns, b->checks[i].definition))
			return true;
	return false;
}

static void alter_domain_op(struct ctx *c, const struct cdb_domain *fd, const struct cdb_domain *td,
                            unsigned flags)
{
	struct cdb_op *op = push(c, CDB_OP_ALTER_DOMAIN);

	op->from_domain = fd;
	op->to_domain = td;
	op->alter = flags;
}

/*
 * Domains are created with the enums, before the tables that use them; a
 * domain whose base type or collation changes is rebuilt when columns use
 * it (rename, create, convert the columns, drop the old one; the renderer
 * does it like an enum rebuild), else dropped and created again right here.
 * One that gains or loses a CHECK or NOT NULL while a column holds an
 * array of it is rebuilt too (see domain_array_used()).
 * The CHECKs that call user functions are left out here and added by
 * late_domain_checks() once the functions exist.
 */
void create_domains(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	struct cdb_op *op;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *td = &t->domains[j], *fd = find_domain(f, td);
		const struct cdb_domain *early = domain_without_calls(c, td, t);
		unsigned flags;

		if (!fd) {
			push(c, CDB_OP_CREATE_DOMAIN)->to_domain = early;
			continue;
		}
		if (domain_rebuilt(f, fd, td) && (domain_retyped(fd, td) || !adds_call(fd, td, t))) {
			op = push(c, CDB_OP_REBUILD_DOMAIN);
			op->from_domain = fd;
			/* rebuilt for a new CHECK: its calls name functions the database has */
			op->to_domain = domain_retyped(fd, td) ? early : td;
			mark_destructive(c->d, op);
			continue;
		}
		if (domain_retyped(fd, td)) {
			push(c, CDB_OP_DROP_DOMAIN)->from_domain = fd;
			push(c, CDB_OP_CREATE_DOMAIN)->to_domain = early;
			continue;
		}
		if ((flags = domain_changes(fd, td)) && !adds_call(fd, td, t))
			alter_domain_op(c, fd, td, flags);
	}
}

/* After the functions: the CHECKs create_domains() left out (see there). */
void late_domain_checks(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *td = &t->domains[j], *fd = find_domain(f, td);
		const struct cdb_domain *early = domain_without_calls(c, td, t);
		unsigned flags;

		if (!fd || domain_retyped(fd, td)) {
			if (early != td)
				alter_domain_op(c, early, td, CDB_ALTER_DOMAIN_CHECKS);
		} else if ((flags = domain_changes(fd, td)) && adds_call(fd, td, t)) {
			alter_domain_op(c, fd, td, flags);
		}
	}
}

/*
 * A dropped domain whose CHECKs call functions loses those CHECKs before
 * the functions are dropped (the domain itself goes after them, because a
 * function may take or return it). Returns the domain as drop_domains()
 * finds it.
 */
static const struct cdb_domain *early_domain_drop(struct ctx *c, const struct cdb_domain *fd, bool push_op)
{
	const struct cdb_domain *late = domain_without_calls(c, fd, c->from);

	if (push_op && late != fd)
		alter_domain_op(c, fd, late, CDB_ALTER_DOMAIN_CHECKS);
	return late;
}

/* Step 5, before the functions are dropped: the CHECKs of dropped domains that call them. */
void early_domain_drops(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ndomains; i++)
		if (!find_domain(c->to, &c->from->domains[i]))
			early_domain_drop(c, &c->from->domains[i], true);
}

/* Dropped after the tables that used them, before the enums they may be over. */
void drop_domains(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ndomains; i++)
		if (!find_domain(c->to, &c->from->domains[i]))
			push(c, CDB_OP_DROP_DOMAIN)->from_domain = early_domain_drop(c, &c->from->domains[i], false);
}

const struct cdb_collation *find_collation(const struct cdb_schema *s, const struct cdb_collation *k)
{
	for (size_t i = 0; i < s->ncollations; i++)
		if (opt_eq(s->collations[i].schema, k->schema) && !strcmp(s->collations[i].name, k->name))
			return &s->collations[i];
	return NULL;
}

bool collation_def_eq(const struct cdb_collation *a, const struct cdb_collation *b)
{
	return a->provider == b->provider && a->deterministic == b->deterministic &&
	       opt_eq(a->locale, b->locale) && opt_eq(a->lc_collate, b->lc_collate) &&
	       opt_eq(a->lc_ctype, b->lc_ctype) && opt_eq(a->rules, b->rules);
}

const struct cdb_range *find_range(const struct cdb_schema *s, const struct cdb_range *k)
{
	for (size_t i = 0; i < s->nranges; i++)
		if (opt_eq(s->ranges[i].schema, k->schema) && !strcmp(s->ranges[i].name, k->name))
			return &s->ranges[i];
	return NULL;
}

bool range_eq(const struct cdb_range *a, const struct cdb_range *b)
{
	return opt_eq(a->subtype, b->subtype) && opt_eq(a->opclass, b->opclass) &&
	       opt_eq(a->collation, b->collation) && opt_eq(a->canonical, b->canonical) &&
	       opt_eq(a->subtype_diff, b->subtype_diff) && opt_eq(a->multirange_schema, b->multirange_schema) &&
	       opt_eq(a->multirange, b->multirange);
}

const struct cdb_composite *find_composite(const struct cdb_schema *s, const struct cdb_composite *k)
{
	for (size_t i = 0; i < s->ncomposites; i++)
		if (opt_eq(s->composites[i].schema, k->schema) && !strcmp(s->composites[i].name, k->name))
			return &s->composites[i];
	return NULL;
}

static bool composite_eq(const struct cdb_composite *a, const struct cdb_composite *b)
{
	if (a->nattrs != b->nattrs)
		return false;
	for (size_t i = 0; i < a->nattrs; i++)
		if (strcmp(a->attrs[i].name, b->attrs[i].name) != 0 || !opt_eq(a->attrs[i].type, b->attrs[i].type) ||
		    !opt_eq(a->attrs[i].collation, b->attrs[i].collation))
			return false;
	return true;
}

/* Does an attribute of composite type `u` have composite type `k` (or an array of it)? */
bool composite_uses(const struct cdb_composite *u, const struct cdb_composite *k)
{
	struct cdb_enum e = { .schema = k->schema, .name = k->name };

	for (size_t i = 0; i < u->nattrs; i++)
		if (type_is_enum(u->attrs[i].type, &e))
			return true;
	return false;
}

/* Collations first: domains, types and tables may use them. */
void create_collations(struct ctx *c)
{
	for (size_t j = 0; j < c->to->ncollations; j++) {
		const struct cdb_collation *tk = &c->to->collations[j], *fk = find_collation(c->from, tk);
		struct cdb_op *op;

		if (!fk) {
			push(c, CDB_OP_CREATE_COLLATION)->to_collation = tk;
		} else if (!collation_def_eq(fk, tk)) {
			op = push(c, CDB_OP_REPLACE_COLLATION);
			op->from_collation = fk;
			op->to_collation = tk;
		}
	}
}

/* After the domains (a range's subtype or an attribute may be one), before functions and tables. */
void create_types(struct ctx *c)
{
	size_t *order;
	struct cdb_op *op;

	for (size_t j = 0; j < c->to->nranges; j++) {
		const struct cdb_range *tr = &c->to->ranges[j], *fr = find_range(c->from, tr);

		if (!fr) {
			push(c, CDB_OP_CREATE_RANGE)->to_range = tr;
		} else if (!range_eq(fr, tr)) {
			op = push(c, CDB_OP_REPLACE_RANGE);
			op->from_range = fr;
			op->to_range = tr;
		}
	}
	order = composite_order(c->to);
	for (size_t n = 0; n < c->to->ncomposites; n++) {
		const struct cdb_composite *tt = &c->to->composites[order[n]], *ft = find_composite(c->from, tt);

		if (!ft) {
			push(c, CDB_OP_CREATE_COMPOSITE)->to_composite = tt;
		} else if (!composite_eq(ft, tt)) {
			op = push(c, CDB_OP_ALTER_COMPOSITE);
			op->from_composite = ft;
			op->to_composite = tt;
			mark_destructive(c->d, op);
		}
	}
	free(order);
}

/* After the tables and functions that use them, before the domains. */
void drop_types(struct ctx *c)
{
	size_t *order = composite_order(c->from);

	for (size_t n = c->from->ncomposites; n-- > 0;)
		if (!find_composite(c->to, &c->from->composites[order[n]]))
			push(c, CDB_OP_DROP_COMPOSITE)->from_composite = &c->from->composites[order[n]];
	free(order);
	for (size_t i = 0; i < c->from->nranges; i++)
		if (!find_range(c->to, &c->from->ranges[i]))
			push(c, CDB_OP_DROP_RANGE)->from_range = &c->from->ranges[i];
}

void drop_collations(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ncollations; i++)
		if (!find_collation(c->to, &c->from->collations[i]))
			push(c, CDB_OP_DROP_COLLATION)->from_collation = &c->from->collations[i];
}

/*
 * A changed enum changes the type of every column using it either way (the
 * downgrade of an added label rebuilds the type), and PostgreSQL refuses to
 * retype a column a view reads: count those tables as retyped.
 */
static void mark_enum_users(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->nenums; i++) {
		const struct cdb_enum *fe = &f->enums[i], *te = find_enum(c->to, fe);

		if (!te || labels_eq(fe, te))
			continue;
		for (size_t k = 0; k < f->ntables; k++)
			for (size_t col = 0; col < f->tables[k].ncolumns; col++)
				if (type_is_enum(f->tables[k].columns[col].type, fe))
					c->tstate[k].retype = true;
	}
}

/* The same for a domain that is rebuilt: every column using it changes type. */
static void mark_domain_users(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ndomains; i++) {
		const struct cdb_domain *fd = &f->domains[i], *td = find_domain(c->to, fd);

		if (!td || !domain_rebuilt(f, fd, td))
			continue;
		for (size_t k = 0; k < f->ntables; k++)
			for (size_t col = 0; col < f->tables[k].ncolumns; col++)
				if (type_is_domain(f->tables[k].columns[col].type, fd))
					c->tstate[k].retype = true;
	}
}

/*
 * Tables whose columns change type with a rebuilt enum or domain count as
 * retyped, and, as their own columns changed, have their policies
 * recreated.
 */
void mark_type_users(struct ctx *c)
{
	bool *before = xcalloc(c->from->ntables + 1, sizeof(*before));

	for (size_t i = 0; i < c->from->ntables; i++)
		before[i] = c->tstate[i].retype;
	mark_enum_users(c);
	mark_domain_users(c);
	for (size_t i = 0; i < c->from->ntables; i++)
		if (c->tstate[i].retype && !before[i])
			c->tstate[i].cols = true;
	free(before);
}
