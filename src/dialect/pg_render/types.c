/*
 * types.c - enums, and the rebuild of a type that columns use
 *
 * Removing enum labels, or a new base type or collation for a domain that
 * columns use: rename the type, create the new one, convert every column
 * (through text for an enum), restore defaults, drop the old type. Domains
 * over a rebuilt type are rebuilt with it; functions naming a rebuilt type
 * (and the triggers running them) are dropped before and created again
 * after.
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "render_priv.h"

static void enum_labels(struct cdb_buf *b, const struct cdb_enum *e)
{
	cdb_buf_puts(b, " AS ENUM (");
	for (size_t i = 0; i < e->nlabels; i++) {
		if (i)
			cdb_buf_puts(b, ", ");
		pg_quote_literal(b, e->labels[i]);
	}
	cdb_buf_puts(b, ")");
}

/* Are type names a and b (format_type text) the same type apart from modifiers ("numeric(8,2)")? */
static bool same_base_type(const char *a, const char *b)
{
	for (;;) {
		if (*a == '(')
			while (*a && *a++ != ')')
				;
		if (*b == '(')
			while (*b && *b++ != ')')
				;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
		a++;
		b++;
	}
}

/* One type a rebuild replaces: the rebuilt type itself, or a domain over a rebuilt type. */
struct rebuilt {
	const char *schema, *name;
	bool domain;                  /* ALTER/CREATE/DROP DOMAIN, else TYPE */
	const struct cdb_domain *dom; /* the domain to create (domain only) */
	const char *via;              /* the type the values convert through */
	bool cast;                    /* convert with USING, else by assignment */
	char *old;                    /* the name the old type is renamed to */
	struct cdb_buf tname, tarr;   /* the type and its array as format_type() prints them */
};

/* Which of the `n` types is column type `ty`, or an array of it (`*arr`)? `n` when none. */
static size_t rebuilt_index(const struct rebuilt *t, size_t n, const char *ty, bool *arr)
{
	for (size_t i = 0; i < n; i++) {
		*arr = strcmp(ty, t[i].tarr.ptr) == 0;
		if (*arr || strcmp(ty, t[i].tname.ptr) == 0)
			return i;
	}
	return n;
}

bool pg_mentions_rebuilt(const char *def, const struct rebuilt *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (pg_mentions_type(def, t[i].tname.ptr))
			return true;
	return false;
}

/*
 * The types rebuild op `op` replaces: its own type first, then the domains
 * over it and over those, as the database has them at the rebuild (the
 * same in either list). Free with pg_rebuilt_free().
 */
struct rebuilt *pg_rebuilt_types(const struct render *r, const struct cdb_op *op, size_t *n)
{
	bool domain = op->kind == CDB_OP_REBUILD_DOMAIN;
	const struct cdb_schema *s = r->diff->from;
	struct rebuilt *types = xcalloc(1 + (s ? s->ndomains : 0), sizeof *types);
	size_t ntypes = 1;

	types[0].schema = domain ? op->from_domain->schema : op->from_enum->schema;
	types[0].name = domain ? op->from_domain->name : op->from_enum->name;
	types[0].domain = domain;
	types[0].dom = op->to_domain;
	types[0].via = domain ? op->to_domain->type : "text";
	/*
	 * A domain that keeps its base type (only length, precision or
	 * collation change) converts by assignment, which refuses a value too
	 * long for the new length where an explicit cast would cut it.
	 */
	types[0].cast = !domain || !same_base_type(op->from_domain->type, op->to_domain->type);
	pg_type_name(&types[0].tname, types[0].schema, types[0].name);
	/*
	 * The old type cannot be dropped while a domain is over it, nor that
	 * domain while another is over it: every domain over a rebuilt type is
	 * rebuilt too, after the type it is over (the list is sorted by name,
	 * so look again until nothing is added). Its values convert the way
	 * the first type's do.
	 */
	for (bool grew = s != NULL; grew;) {
		grew = false;
		for (size_t i = 0; i < s->ndomains; i++) {
			const struct cdb_domain *dm = &s->domains[i];
			bool over = false, listed = false;

			for (size_t j = 0; j < ntypes; j++) {
				listed |= types[j].domain && same(types[j].name, dm->name) &&
				          same_schema(types[j].schema, dm->schema);
				over |= strcmp(dm->type, types[j].tname.ptr) == 0;
			}
			if (over && !listed) {
				struct rebuilt *d = &types[ntypes++];

				d->schema = dm->schema;
				d->name = dm->name;
				d->domain = true;
				d->dom = dm;
				d->via = types[0].via;
				d->cast = types[0].cast;
				pg_type_name(&d->tname, d->schema, d->name);
				grew = true;
			}
		}
	}
	for (size_t i = 0; i < ntypes; i++) {
		types[i].old = xasprintf("%.50s__cdb_old", types[i].name);
		cdb_buf_printf(&types[i].tarr, "%s[]", types[i].tname.ptr);
	}
	*n = ntypes;
	return types;
}

void pg_rebuilt_free(struct rebuilt *types, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(types[i].old);
		cdb_buf_release(&types[i].tname);
		cdb_buf_release(&types[i].tarr);
	}
	free(types);
}

/* Does trigger definition `def` (pg_get_triggerdef) run function `f`? */
static bool trigger_runs(const char *def, const struct cdb_function *f)
{
	struct cdb_buf call = CDB_BUF_INIT;
	bool hit;

	cdb_buf_puts(&call, "EXECUTE FUNCTION ");
	pg_type_name(&call, f->schema, f->name);
	cdb_buf_putc(&call, '(');
	hit = def && strstr(def, call.ptr) != NULL;
	cdb_buf_release(&call);
	return hit;
}

/*
 * Functions and procedures whose definition names one of the rebuilt types
 * (in an argument, the result, or a body: SQL bodies are checked when the
 * function is created, and a PL/pgSQL body cached by the session would hold
 * the old type) are dropped before the types are renamed and created again
 * once the new ones exist; `fn[i]` marks them. The triggers that run one,
 * and that no op of the list handles, go before and come back after them.
 */
static void functions_around(const struct render *r, size_t at, const struct rebuilt *t, size_t n, bool *fn,
                             bool drop)
{
	const struct cdb_schema *s = r->diff->from;
	struct cdb_buf *b = r->out;

	for (size_t i = 0; s && i < s->nfunctions; i++)
		fn[i] = fn[i] || pg_mentions_rebuilt(s->functions[i].definition, t, n);
	for (size_t i = 0; drop && s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		for (size_t k = 0; k < s->nfunctions; k++)
			if (fn[k] && trigger_runs(g->definition, &s->functions[k]) && !pg_trigger_has_op(r, g)) {
				cdb_buf_puts(b, "DROP TRIGGER ");
				pg_quote_ident(b, g->name);
				cdb_buf_puts(b, " ON ");
				pg_quote_qualified(b, g->schema, g->table);
				cdb_buf_puts(b, ";\n");
				break;
			}
	}
	for (size_t i = 0; s && i < s->nfunctions; i++) {
		const struct cdb_function *f = &s->functions[i];
		const char *def = pg_function_after(r, at, f);

		if (!fn[i])
			continue;
		if (drop) {
			if (pg_function_waits(r, at, f))
				continue;
			cdb_buf_puts(b, "DROP ");
			pg_function_ref(b, f);
			cdb_buf_puts(b, ";\n");
		} else if (def) {
			pg_put_def(b, def);
			cdb_buf_puts(b, ";\n");
			/* the comment went with the dropped function; a later op sets a changed one */
			if (f->comment) {
				cdb_buf_puts(b, "COMMENT ON ");
				pg_function_ref(b, f);
				cdb_buf_puts(b, " IS ");
				pg_quote_literal(b, f->comment);
				cdb_buf_puts(b, ";\n");
			}
		}
	}
	for (size_t i = 0; !drop && s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		for (size_t k = 0; k < s->nfunctions; k++)
			if (fn[k] && pg_function_after(r, at, &s->functions[k]) &&
			    trigger_runs(g->definition, &s->functions[k]) && !pg_trigger_has_op(r, g)) {
				pg_put_def(b, g->definition);
				cdb_buf_puts(b, ";\n");
				if (g->comment) {
					cdb_buf_puts(b, "COMMENT ON TRIGGER ");
					pg_quote_ident(b, g->name);
					cdb_buf_puts(b, " ON ");
					pg_quote_qualified(b, g->schema, g->table);
					cdb_buf_puts(b, " IS ");
					pg_quote_literal(b, g->comment);
					cdb_buf_puts(b, ";\n");
				}
				break;
			}
	}
}

/* One rebuild as it is rendered, step by step (see pg_rebuild_type()). */
struct rebuild {
	const struct render *r;
	const struct cdb_op *op;       /* REBUILD_ENUM, REBUILD_DOMAIN or the ADD_ENUM_VALUE that rebuilds */
	size_t at;                     /* op's place in r->ops */
	bool domain;                   /* a domain is rebuilt, else an enum */
	/* the database's schema: the columns are as it has them at this point of either list (diff.h) */
	const struct cdb_schema *s;
	struct rebuilt *types;         /* the rebuilt type first, then the domains over it */
	size_t ntypes;
	char **names;                  /* "schema.name" of the tables with a column of these types,
	                                  then of the views reading them */
	size_t nnames;
	const struct cdb_view **views; /* the views reading them that no op handles, in creation order */
	size_t nviews;
	bool *fn;                      /* which functions of `s` name one of the types */
};

static void rebuild_init(struct rebuild *rb, const struct render *r, const struct cdb_op *op)
{
	const struct cdb_schema *s = r->diff->from;

	*rb = (struct rebuild){ .r = r, .op = op, .at = (size_t)(op - r->ops), .s = s };
	rb->domain = op->kind == CDB_OP_REBUILD_DOMAIN;
	rb->fn = xcalloc(s && s->nfunctions ? s->nfunctions : 1, sizeof *rb->fn);
	rb->types = pg_rebuilt_types(r, op, &rb->ntypes);
	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++) {
			bool arr = false;

			if (rebuilt_index(rb->types, rb->ntypes, s->tables[i].columns[k].type, &arr) < rb->ntypes) {
				rb->names = xrealloc(rb->names, (rb->nnames + 1) * sizeof *rb->names);
				rb->names[rb->nnames++] = xasprintf("%s.%s", s->tables[i].schema ? s->tables[i].schema
				                                                                 : "public",
				                                    s->tables[i].name);
				break;
			}
		}
	rb->nviews = pg_views_reading(r, s, &rb->names, &rb->nnames, &rb->views);
}

static void rebuild_release(struct rebuild *rb)
{
	for (size_t i = 0; i < rb->nnames; i++)
		free(rb->names[i]);
	free(rb->names);
	free(rb->views);
	pg_rebuilt_free(rb->types, rb->ntypes);
	free(rb->fn);
}

/*
 * Does SQL text `def` keep its meaning with the new type? A label the enum
 * loses is replaced, or its user dropped, by a later op of the list.
 */
static bool rebuild_keeps(const struct rebuild *rb, const char *def)
{
	return rb->domain || !pg_uses_dropped_label(def, rb->types[0].tname.ptr, rb->op->from_enum, rb->op->to_enum);
}

/*
 * The views reading the types' tables go first. Index predicates and CHECK
 * expressions that compare with a constant of the type hold the old type's
 * operators: they go before the columns change and come back, reparsed
 * against the new type, afterwards. Those an earlier op left to this
 * rebuild do not exist yet.
 */
static void rebuild_drop_dependents(const struct rebuild *rb)
{
	const struct cdb_schema *s = rb->s;
	struct cdb_buf *b = rb->r->out;

	for (size_t i = rb->nviews; i-- > 0;)
		pg_drop_view(b, rb->views[i]);
	for (size_t i = 0; s && i < s->nindexes; i++)
		if (pg_mentions_rebuilt(s->indexes[i].definition, rb->types, rb->ntypes) &&
		    !pg_waits_for(rb->r, rb->at, NULL, &s->indexes[i])) {
			cdb_buf_puts(b, "DROP INDEX ");
			pg_quote_qualified(b, s->indexes[i].schema, s->indexes[i].name);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].nconstraints; k++) {
			const struct cdb_constraint *c = &s->tables[i].constraints[k];

			if ((c->kind == CDB_CON_CHECK || c->kind == CDB_CON_EXCLUDE) && c->name &&
			    pg_mentions_rebuilt(c->definition, rb->types, rb->ntypes) &&
			    !pg_waits_for(rb->r, rb->at, c, NULL)) {
				cdb_buf_puts(b, "ALTER TABLE ");
				pg_qtable(b, &s->tables[i]);
				cdb_buf_puts(b, " DROP CONSTRAINT ");
				pg_quote_ident(b, c->name);
				cdb_buf_puts(b, ";\n");
			}
		}
}

/* Rename every old type out of the way, then create the new ones. */
static void rebuild_rename_create(const struct rebuild *rb)
{
	const struct cdb_op *op = rb->op;
	const struct rebuilt *types = rb->types;
	struct cdb_buf *b = rb->r->out;

	for (size_t i = 0; i < rb->ntypes; i++) {
		cdb_buf_puts(b, types[i].domain ? "ALTER DOMAIN " : "ALTER TYPE ");
		pg_quote_qualified(b, types[i].schema, types[i].name);
		cdb_buf_puts(b, " RENAME TO ");
		pg_quote_ident(b, types[i].old);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t i = 0; i < rb->ntypes; i++) {
		/* the comment stayed with the old type */
		const char *comment = i ? types[i].dom->comment : rb->domain ? op->to_domain->comment
		                                                             : op->to_enum->comment;

		if (types[i].domain) {
			pg_create_domain(b, types[i].dom);
		} else {
			cdb_buf_puts(b, "CREATE TYPE ");
			pg_quote_qualified(b, op->to_enum->schema, op->to_enum->name);
			enum_labels(b, op->to_enum);
			cdb_buf_puts(b, ";\n");
		}
		if (comment) {
			cdb_buf_puts(b, types[i].domain ? "COMMENT ON DOMAIN " : "COMMENT ON TYPE ");
			pg_quote_qualified(b, types[i].schema, types[i].name);
			cdb_buf_puts(b, " IS ");
			pg_quote_literal(b, comment);
			cdb_buf_puts(b, ";\n");
		}
	}
}

/* Column `c` of `t`, of old type `ty` (an array of it: `arr`), to the new type. */
static void rebuild_convert_column(const struct rebuild *rb, const struct cdb_table *t, const struct cdb_column *c,
                                   const struct rebuilt *ty, bool arr)
{
	struct cdb_buf *b = rb->r->out;
	/* a default naming a label that goes is replaced by a later op of the list */
	bool keep_default = c->default_expr && rebuild_keeps(rb, c->default_expr);

	if (c->default_expr) {
		pg_alter_column_head(b, t, c->name);
		cdb_buf_puts(b, "DROP DEFAULT;\n");
	}
	pg_when_triggers(rb->r, t, c->name, true);
	pg_alter_column_head(b, t, c->name);
	cdb_buf_printf(b, "TYPE %s", c->type);
	if (c->collation)
		cdb_buf_printf(b, " COLLATE %s", c->collation);
	if (ty->cast) {
		cdb_buf_puts(b, " USING ");
		pg_quote_ident(b, c->name);
		cdb_buf_puts(b, "::");
		pg_cast_type(b, ty->via);
		if (arr)
			cdb_buf_puts(b, "[]");
		/*
		 * Text becomes an enum only by an explicit cast; the new base type
		 * of a domain becomes the domain by assignment, which keeps the
		 * length check of its base type.
		 */
		if (!rb->domain)
			cdb_buf_printf(b, "::%s", c->type);
	}
	cdb_buf_puts(b, ";\n");
	pg_when_triggers(rb->r, t, c->name, false);
	if (keep_default) {
		pg_alter_column_head(b, t, c->name);
		cdb_buf_printf(b, "SET DEFAULT %s;\n", c->default_expr);
	}
}

/* Every column of the old types to the new ones, then the old types dropped. */
static void rebuild_convert(const struct rebuild *rb)
{
	const struct cdb_schema *s = rb->s;
	struct cdb_buf *b = rb->r->out;

	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++) {
			bool arr = false;
			size_t ti = rebuilt_index(rb->types, rb->ntypes, s->tables[i].columns[k].type, &arr);

			if (ti < rb->ntypes)
				rebuild_convert_column(rb, &s->tables[i], &s->tables[i].columns[k], &rb->types[ti], arr);
		}
	/* the domains over an old type before that type */
	for (size_t i = rb->ntypes; i-- > 0;) {
		cdb_buf_puts(b, rb->types[i].domain ? "DROP DOMAIN " : "DROP TYPE ");
		pg_quote_qualified(b, rb->types[i].schema, rb->types[i].old);
		cdb_buf_puts(b, ";\n");
	}
}

/* What rebuild_drop_dependents() dropped, back over the new types. */
static void rebuild_restore_dependents(const struct rebuild *rb)
{
	const struct cdb_schema *s = rb->s;
	struct cdb_buf *b = rb->r->out;

	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].nconstraints; k++) {
			const struct cdb_constraint *c = &s->tables[i].constraints[k];

			/*
			 * One the list drops later anyway stays dropped; one that names
			 * a label that goes is dropped later with its column or table.
			 */
			if ((c->kind == CDB_CON_CHECK || c->kind == CDB_CON_EXCLUDE) && c->name &&
			    pg_mentions_rebuilt(c->definition, rb->types, rb->ntypes) &&
			    !pg_dropped_later(rb->r, rb->at, &s->tables[i], c, NULL) && rebuild_keeps(rb, c->definition)) {
				cdb_buf_puts(b, "ALTER TABLE ");
				pg_qtable(b, &s->tables[i]);
				cdb_buf_puts(b, " ADD CONSTRAINT ");
				pg_quote_ident(b, c->name);
				cdb_buf_printf(b, " %s;\n", c->definition);
			}
		}
	for (size_t i = 0; s && i < s->nindexes; i++)
		if (pg_mentions_rebuilt(s->indexes[i].definition, rb->types, rb->ntypes) &&
		    !pg_dropped_later(rb->r, rb->at, NULL, NULL, &s->indexes[i]) &&
		    rebuild_keeps(rb, s->indexes[i].definition)) {
			pg_put_def(b, s->indexes[i].definition);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t i = 0; i < rb->nviews; i++) {
		pg_create_view(b, rb->views[i], false);
		if (rb->views[i]->materialized)
			pg_recreate_view_indexes(rb->r, rb->views[i]);
	}
}

/*
 * A type that columns use and that cannot be changed in place (an enum
 * losing or reordering labels, a domain changing base type or collation):
 * rename the old type, create the new one, convert every column of every
 * table through the base type (text for an enum), restore the defaults,
 * drop the old type. The domains over a rebuilt type are rebuilt with it
 * (the old type cannot be dropped while a domain is over it), and the
 * functions that name any of these types are created again around it.
 */
void pg_rebuild_type(const struct render *r, const struct cdb_op *op)
{
	struct rebuild rb;

	rebuild_init(&rb, r, op);
	rebuild_drop_dependents(&rb);
	/* before the renames: an argument list names the type as it is now */
	functions_around(r, rb.at, rb.types, rb.ntypes, rb.fn, true);
	rebuild_rename_create(&rb);
	rebuild_convert(&rb);
	functions_around(r, rb.at, rb.types, rb.ntypes, rb.fn, false);
	rebuild_restore_dependents(&rb);
	rebuild_release(&rb);
}

int pg_render_create_enum(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "CREATE TYPE ");
	pg_quote_qualified(b, op->to_enum->schema, op->to_enum->name);
	enum_labels(b, op->to_enum);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_drop_enum(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP TYPE ");
	pg_quote_qualified(r->out, op->from_enum->schema, op->from_enum->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_add_enum_value(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_enum *e = op->to_enum ? op->to_enum : op->from_enum;
	int use = pg_enum_add_needs_rebuild(r, (size_t)(op - r->ops));

	if (use == 1) {
		pg_rebuild_type(r, op);
		return 0;
	}
	if (use == 2)
		return 0; /* done by the rebuild at this type's first added label */

	cdb_buf_puts(b, "-- cdb: the new value cannot be used before this revision commits\n");
	cdb_buf_puts(b, "ALTER TYPE ");
	pg_quote_qualified(b, e->schema, e->name);
	cdb_buf_puts(b, " ADD VALUE ");
	pg_quote_literal(b, op->label);
	if (op->label_before) {
		cdb_buf_puts(b, " BEFORE ");
		pg_quote_literal(b, op->label_before);
	}
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_rebuild_enum(const struct render *r, const struct cdb_op *op)
{
	pg_rebuild_type(r, op);
	return 0;
}
