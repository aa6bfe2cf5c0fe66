/*
 * types_other.c - collations, range types and composite types
 *
 * Composite types change with ALTER TYPE ... DROP / ADD / ALTER ATTRIBUTE;
 * what the server refuses while a column uses the type is drop + create
 * for an unused type and an error naming the type and its user otherwise,
 * as is any change of a range type or collation in use.
 */
#include <string.h>

#include "cdb/error.h"
#include "render_priv.h"

/*
 * Does SQL name `text` (a format_type() type, "t", "s.t", "t[]", or a
 * collation spelled by the introspector, "s.c") name object schema.name?
 * Quotes are ignored; an array of the object counts.
 */
static bool names_object(const char *text, const char *schema, const char *name)
{
	struct cdb_buf b = CDB_BUF_INIT;
	struct cdb_buf q = CDB_BUF_INIT;
	bool hit;

	if (!text)
		return false;
	for (const char *p = text; *p && *p != '[' && *p != ' '; p++)
		if (*p != '"')
			cdb_buf_putc(&b, *p);
	if (schema)
		cdb_buf_printf(&q, "%s.%s", schema, name);
	hit = !strcmp(b.ptr, name) || (schema && !strcmp(b.ptr, q.ptr));
	cdb_buf_release(&b);
	cdb_buf_release(&q);
	return hit;
}

/*
 * Something of schema `s` whose type is schema.name, as a phrase for an
 * error ("column 'people.home'"), into `out`; false when nothing is.
 */
static bool type_user(struct cdb_buf *out, const struct cdb_schema *s, const char *schema, const char *name)
{
	for (size_t i = 0; i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++)
			if (names_object(s->tables[i].columns[k].type, schema, name)) {
				cdb_buf_printf(out, "column '%s.%s'", s->tables[i].name, s->tables[i].columns[k].name);
				return true;
			}
	for (size_t i = 0; i < s->ncomposites; i++)
		for (size_t k = 0; k < s->composites[i].nattrs; k++)
			if (names_object(s->composites[i].attrs[k].type, schema, name)) {
				cdb_buf_printf(out, "attribute '%s' of type '%s'", s->composites[i].attrs[k].name,
				               s->composites[i].name);
				return true;
			}
	for (size_t i = 0; i < s->ndomains; i++)
		if (names_object(s->domains[i].type, schema, name)) {
			cdb_buf_printf(out, "domain '%s'", s->domains[i].name);
			return true;
		}
	for (size_t i = 0; i < s->nranges; i++)
		if (names_object(s->ranges[i].subtype, schema, name)) {
			cdb_buf_printf(out, "range type '%s'", s->ranges[i].name);
			return true;
		}
	return false;
}

/* Does an index key of `x` name collation schema.name after COLLATE? */
static bool index_uses_collation(const struct cdb_index *x, const char *schema, const char *name)
{
	for (size_t k = 0; k < x->nkeys; k++)
		for (const char *p = strstr(x->keys[k], " COLLATE "); p; p = strstr(p + 1, " COLLATE "))
			if (names_object(p + strlen(" COLLATE "), schema, name))
				return true;
	return false;
}

/* The same for a collation: columns, indexes, domains, attributes and range types. */
static bool collation_user(struct cdb_buf *out, const struct cdb_schema *s, const char *schema, const char *name)
{
	for (size_t i = 0; i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++)
			if (names_object(s->tables[i].columns[k].collation, schema, name)) {
				cdb_buf_printf(out, "column '%s.%s'", s->tables[i].name, s->tables[i].columns[k].name);
				return true;
			}
	for (size_t i = 0; i < s->nindexes; i++)
		if (index_uses_collation(&s->indexes[i], schema, name)) {
			cdb_buf_printf(out, "index '%s'", s->indexes[i].name);
			return true;
		}
	for (size_t i = 0; i < s->ndomains; i++)
		if (names_object(s->domains[i].collation, schema, name)) {
			cdb_buf_printf(out, "domain '%s'", s->domains[i].name);
			return true;
		}
	for (size_t i = 0; i < s->ncomposites; i++)
		for (size_t k = 0; k < s->composites[i].nattrs; k++)
			if (names_object(s->composites[i].attrs[k].collation, schema, name)) {
				cdb_buf_printf(out, "attribute '%s' of type '%s'", s->composites[i].attrs[k].name,
				               s->composites[i].name);
				return true;
			}
	for (size_t i = 0; i < s->nranges; i++)
		if (names_object(s->ranges[i].collation, schema, name)) {
			cdb_buf_printf(out, "range type '%s'", s->ranges[i].name);
			return true;
		}
	return false;
}

/*
 * A type or collation is replaced or rebuilt while the schema is at either
 * end of the revision (the upgrade sees the database's, the downgrade the
 * models'), so a user on either side stops it: the error names collation
 * (`collation`) or type schema.name as `what` shown_schema.shown.
 */
static int refuse_in_use_as(const struct render *r, bool collation, const char *schema, const char *name,
                            const char *what, const char *shown_schema, const char *shown, const char *hint)
{
	struct cdb_buf user = CDB_BUF_INIT;
	bool used;
	int rc = 0;

	used = collation ? collation_user(&user, r->diff->from, schema, name) ||
	                   collation_user(&user, r->diff->to, schema, name)
	                 : type_user(&user, r->diff->from, schema, name) ||
	                   type_user(&user, r->diff->to, schema, name);
	if (used) {
		rc = cdb_error_set(CDB_EINVALID, "cannot change %s '%s%s%s' in place: %s uses it", what,
		                   shown_schema ? shown_schema : "", shown_schema ? "." : "", shown, user.ptr);
		cdb_error_hint("%s", hint);
	}
	cdb_buf_release(&user);
	return rc;
}

/* The same, naming the object itself. */
static int refuse_in_use(const struct render *r, bool collation, const char *what, const char *schema,
                         const char *name, const char *hint)
{
	return refuse_in_use_as(r, collation, schema, name, what, schema, name, hint);
}

static void create_collation(struct cdb_buf *b, const struct cdb_collation *k)
{
	cdb_buf_puts(b, "CREATE COLLATION ");
	pg_quote_qualified(b, k->schema, k->name);
	cdb_buf_puts(b, k->provider == 'i' ? " (provider = icu" : k->provider == 'b' ? " (provider = builtin"
	                                                                             : " (provider = libc");
	if (k->locale) {
		cdb_buf_puts(b, ", locale = ");
		pg_quote_literal(b, k->locale);
	}
	if (k->lc_collate) {
		cdb_buf_puts(b, ", lc_collate = ");
		pg_quote_literal(b, k->lc_collate);
	}
	if (k->lc_ctype) {
		cdb_buf_puts(b, ", lc_ctype = ");
		pg_quote_literal(b, k->lc_ctype);
	}
	if (k->rules) {
		cdb_buf_puts(b, ", rules = ");
		pg_quote_literal(b, k->rules);
	}
	if (!k->deterministic)
		cdb_buf_puts(b, ", deterministic = false");
	cdb_buf_puts(b, ");\n");
	if (k->comment) {
		cdb_buf_puts(b, "COMMENT ON COLLATION ");
		pg_quote_qualified(b, k->schema, k->name);
		cdb_buf_puts(b, " IS ");
		pg_quote_literal(b, k->comment);
		cdb_buf_puts(b, ";\n");
	}
}

static void drop_collation(struct cdb_buf *b, const struct cdb_collation *k)
{
	cdb_buf_puts(b, "DROP COLLATION ");
	pg_quote_qualified(b, k->schema, k->name);
	cdb_buf_puts(b, ";\n");
}

/* Types, opclasses, collations and functions are the server's own SQL text (schema.h). */
/* The comment of a type just created (it is part of the object, see CDB_COMMENT_COLLATION). */
static void type_comment(struct cdb_buf *b, const char *schema, const char *name, const char *comment)
{
	if (!comment)
		return;
	cdb_buf_puts(b, "COMMENT ON TYPE ");
	pg_quote_qualified(b, schema, name);
	cdb_buf_puts(b, " IS ");
	pg_quote_literal(b, comment);
	cdb_buf_puts(b, ";\n");
}

static void create_range(struct cdb_buf *b, const struct cdb_range *t)
{
	cdb_buf_puts(b, "CREATE TYPE ");
	pg_quote_qualified(b, t->schema, t->name);
	cdb_buf_printf(b, " AS RANGE (subtype = %s", t->subtype);
	if (t->opclass)
		cdb_buf_printf(b, ", subtype_opclass = %s", t->opclass);
	if (t->collation)
		cdb_buf_printf(b, ", collation = %s", t->collation);
	if (t->canonical)
		cdb_buf_printf(b, ", canonical = %s", t->canonical);
	if (t->subtype_diff)
		cdb_buf_printf(b, ", subtype_diff = %s", t->subtype_diff);
	if (t->multirange) {
		cdb_buf_puts(b, ", multirange_type_name = ");
		pg_quote_qualified(b, t->multirange_schema, t->multirange);
	}
	cdb_buf_puts(b, ");\n");
	type_comment(b, t->schema, t->name, t->comment);
}

static void drop_type(struct cdb_buf *b, const char *schema, const char *name)
{
	cdb_buf_puts(b, "DROP TYPE ");
	pg_quote_qualified(b, schema, name);
	cdb_buf_puts(b, ";\n");
}

static void attr_def(struct cdb_buf *b, const struct cdb_type_attr *a)
{
	pg_quote_ident(b, a->name);
	cdb_buf_printf(b, " %s", a->type);
	if (a->collation)
		cdb_buf_printf(b, " COLLATE %s", a->collation);
}

static void create_composite(struct cdb_buf *b, const struct cdb_composite *t)
{
	cdb_buf_puts(b, "CREATE TYPE ");
	pg_quote_qualified(b, t->schema, t->name);
	cdb_buf_puts(b, " AS (");
	for (size_t i = 0; i < t->nattrs; i++) {
		cdb_buf_puts(b, i ? ",\n    " : "\n    ");
		attr_def(b, &t->attrs[i]);
	}
	cdb_buf_puts(b, t->nattrs ? "\n);\n" : ");\n");
	type_comment(b, t->schema, t->name, t->comment);
}

static const struct cdb_type_attr *find_attr(const struct cdb_composite *t, const char *name)
{
	for (size_t i = 0; i < t->nattrs; i++)
		if (!strcmp(t->attrs[i].name, name))
			return &t->attrs[i];
	return NULL;
}

/*
 * Can `from` become `to` by dropping attributes and adding others at the
 * end? ADD ATTRIBUTE appends, so the kept attributes must keep their order
 * and the added ones must follow them.
 */
static bool attrs_append_only(const struct cdb_composite *from, const struct cdb_composite *to)
{
	size_t next = 0;
	bool added_seen = false;

	for (size_t j = 0; j < to->nattrs; j++) {
		if (!find_attr(from, to->attrs[j].name)) {
			added_seen = true;
			continue;
		}
		if (added_seen)
			return false;
		while (next < from->nattrs && strcmp(from->attrs[next].name, to->attrs[j].name) != 0)
			next++;
		if (next == from->nattrs)
			return false;
		next++;
	}
	return true;
}

/*
 * ALTER TYPE ... DROP / ADD / ALTER ATTRIBUTE. ADD and DROP work while
 * columns hold the type (the rows keep their other values; a dropped
 * attribute's values are gone), ALTER ATTRIBUTE ... TYPE does not. The
 * op's inverse goes through here too, so the order test is made both ways:
 * a downgrade that re-added a dropped attribute at another place would not
 * give the old type back. What cannot be done in place is drop + create
 * when nothing uses the type, and refused otherwise.
 */
int pg_render_alter_composite(const struct render *r, const struct cdb_op *op)
{
	const struct cdb_composite *f = op->from_composite, *t = op->to_composite;
	struct cdb_buf *b = r->out;
	bool retyped = false;
	int rc;

	for (size_t j = 0; j < t->nattrs; j++) {
		const struct cdb_type_attr *fa = find_attr(f, t->attrs[j].name);

		if (fa && (strcmp(fa->type, t->attrs[j].type) != 0 ||
		           !same(fa->collation, t->attrs[j].collation)))
			retyped = true;
	}
	if (!attrs_append_only(f, t) || !attrs_append_only(t, f)) {
		rc = refuse_in_use(r, false, "the attribute order of composite type", t->schema, t->name,
		                   "keep the order of the attributes it has, adding new ones at the end");
		if (rc)
			return rc;
		drop_type(b, f->schema, f->name);
		create_composite(b, t);
		return 0;
	}
	if (retyped) {
		rc = refuse_in_use(r, false, "an attribute type of composite type", t->schema, t->name,
		                   "add an attribute with the new type, copy the values in a revision of your "
		                   "own, then drop the old attribute");
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < f->nattrs; i++)
		if (!find_attr(t, f->attrs[i].name)) {
			cdb_buf_puts(b, "ALTER TYPE ");
			pg_quote_qualified(b, t->schema, t->name);
			cdb_buf_puts(b, " DROP ATTRIBUTE ");
			pg_quote_ident(b, f->attrs[i].name);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t j = 0; j < t->nattrs; j++) {
		const struct cdb_type_attr *fa = find_attr(f, t->attrs[j].name);

		if (fa && !strcmp(fa->type, t->attrs[j].type) && same(fa->collation, t->attrs[j].collation))
			continue;
		cdb_buf_puts(b, "ALTER TYPE ");
		pg_quote_qualified(b, t->schema, t->name);
		if (fa) {
			cdb_buf_puts(b, " ALTER ATTRIBUTE ");
			pg_quote_ident(b, t->attrs[j].name);
			cdb_buf_printf(b, " TYPE %s", t->attrs[j].type);
			if (t->attrs[j].collation)
				cdb_buf_printf(b, " COLLATE %s", t->attrs[j].collation);
		} else {
			cdb_buf_puts(b, " ADD ATTRIBUTE ");
			attr_def(b, &t->attrs[j]);
		}
		cdb_buf_puts(b, ";\n");
	}
	return 0;
}

int pg_render_create_collation(const struct render *r, const struct cdb_op *op)
{
	create_collation(r->out, op->to_collation);
	return 0;
}

int pg_render_drop_collation(const struct render *r, const struct cdb_op *op)
{
	drop_collation(r->out, op->from_collation);
	return 0;
}

int pg_render_replace_collation(const struct render *r, const struct cdb_op *op)
{
	int rc = refuse_in_use(r, true, "collation", op->to_collation->schema, op->to_collation->name,
	                       "create a collation under a new name, move its users to it, then drop the old one");

	if (rc)
		return rc;
	drop_collation(r->out, op->from_collation);
	create_collation(r->out, op->to_collation);
	return 0;
}

int pg_render_create_range(const struct render *r, const struct cdb_op *op)
{
	create_range(r->out, op->to_range);
	return 0;
}

int pg_render_drop_range(const struct render *r, const struct cdb_op *op)
{
	drop_type(r->out, op->from_range->schema, op->from_range->name);
	return 0;
}

int pg_render_replace_range(const struct render *r, const struct cdb_op *op)
{
	const char *hint = "create a range type under a new name, move its users to it, then drop the old one";
	int rc = refuse_in_use(r, false, "range type", op->to_range->schema, op->to_range->name, hint);

	/* its multirange goes with it (named by the range in the message) */
	if (!rc && op->from_range->multirange)
		rc = refuse_in_use_as(r, false, op->from_range->multirange_schema, op->from_range->multirange,
		                      "range type", op->to_range->schema, op->to_range->name, hint);
	if (rc)
		return rc;
	drop_type(r->out, op->from_range->schema, op->from_range->name);
	create_range(r->out, op->to_range);
	return 0;
}

int pg_render_create_composite(const struct render *r, const struct cdb_op *op)
{
	create_composite(r->out, op->to_composite);
	return 0;
}

int pg_render_drop_composite(const struct render *r, const struct cdb_op *op)
{
	drop_type(r->out, op->from_composite->schema, op->from_composite->name);
	return 0;
}
