/*
 * domains.c - CREATE, DROP, ALTER and rebuild DOMAIN
 *
 * A domain changes in place where PostgreSQL allows it (default, NOT NULL,
 * CHECKs); a new base type or collation of a domain columns use is the type
 * rebuild of types.c.
 */
#include "render_priv.h"

void pg_create_domain(struct cdb_buf *b, const struct cdb_domain *d)
{
	cdb_buf_puts(b, "CREATE DOMAIN ");
	pg_quote_qualified(b, d->schema, d->name);
	/* format_type() text and the collation are printed ready to use */
	cdb_buf_printf(b, " AS %s", d->type);
	if (d->collation)
		cdb_buf_printf(b, " COLLATE %s", d->collation);
	if (d->default_expr)
		cdb_buf_printf(b, " DEFAULT %s", d->default_expr);
	if (d->notnull)
		cdb_buf_puts(b, " NOT NULL");
	for (size_t i = 0; i < d->nchecks; i++) {
		cdb_buf_puts(b, " CONSTRAINT ");
		pg_quote_ident(b, d->checks[i].name);
		cdb_buf_printf(b, " %s", d->checks[i].definition);
	}
	cdb_buf_puts(b, ";\n");
}

static bool domain_has_check(const struct cdb_domain *d, const struct cdb_domain_check *k)
{
	for (size_t i = 0; i < d->nchecks; i++)
		if (same(d->checks[i].name, k->name) && same(d->checks[i].definition, k->definition))
			return true;
	return false;
}

static void alter_domain_head(struct cdb_buf *b, const struct cdb_domain *d)
{
	cdb_buf_puts(b, "ALTER DOMAIN ");
	pg_quote_qualified(b, d->schema, d->name);
	cdb_buf_putc(b, ' ');
}

/*
 * In place, so columns using the domain keep it. Changed CHECKs are dropped
 * before the new ones are added (one name may change its definition); ADD
 * CONSTRAINT checks the existing rows, so a CHECK the data breaks fails the
 * revision instead of being half applied.
 */
int pg_render_alter_domain(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_domain *from = op->from_domain, *to = op->to_domain;

	if (op->alter & CDB_ALTER_DEFAULT) {
		alter_domain_head(b, to);
		if (to->default_expr)
			cdb_buf_printf(b, "SET DEFAULT %s;\n", to->default_expr);
		else
			cdb_buf_puts(b, "DROP DEFAULT;\n");
	}
	if (op->alter & CDB_ALTER_NULLABLE) {
		alter_domain_head(b, to);
		cdb_buf_puts(b, to->notnull ? "SET NOT NULL;\n" : "DROP NOT NULL;\n");
	}
	if (!(op->alter & CDB_ALTER_DOMAIN_CHECKS))
		return 0;
	for (size_t i = 0; i < from->nchecks; i++)
		if (!domain_has_check(to, &from->checks[i])) {
			alter_domain_head(b, to);
			cdb_buf_puts(b, "DROP CONSTRAINT ");
			pg_quote_ident(b, from->checks[i].name);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t i = 0; i < to->nchecks; i++)
		if (!domain_has_check(from, &to->checks[i])) {
			alter_domain_head(b, to);
			cdb_buf_puts(b, "ADD CONSTRAINT ");
			pg_quote_ident(b, to->checks[i].name);
			cdb_buf_printf(b, " %s;\n", to->checks[i].definition);
		}
	return 0;
}

int pg_render_create_domain(const struct render *r, const struct cdb_op *op)
{
	pg_create_domain(r->out, op->to_domain);
	return 0;
}

int pg_render_drop_domain(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP DOMAIN ");
	pg_quote_qualified(r->out, op->from_domain->schema, op->from_domain->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_rebuild_domain(const struct render *r, const struct cdb_op *op)
{
	pg_rebuild_type(r, op);
	return 0;
}
