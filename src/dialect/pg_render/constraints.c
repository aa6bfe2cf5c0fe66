/*
 * constraints.c - constraints and indexes
 *
 * Both replay the definition the server printed, so they come back with the
 * names PostgreSQL gave them in the shadow database.
 */
#include "render_priv.h"

int pg_render_add_constraint(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	if (pg_label_waits(r, (size_t)(op - r->ops), op->to_constraint->definition) < r->nops)
		return 0; /* added by the type rebuild that brings its label back */
	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, op->table);
	cdb_buf_puts(b, " ADD ");
	if (op->to_constraint->name) {
		cdb_buf_puts(b, "CONSTRAINT ");
		pg_quote_ident(b, op->to_constraint->name);
		cdb_buf_putc(b, ' ');
	}
	cdb_buf_puts(b, op->to_constraint->definition);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_drop_constraint(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, op->table);
	cdb_buf_puts(b, pg_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_constraint->definition)
	                    ? " DROP CONSTRAINT IF EXISTS "
	                    : " DROP CONSTRAINT ");
	pg_quote_ident(b, op->from_constraint->name ? op->from_constraint->name : "");
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_create_index(const struct render *r, const struct cdb_op *op)
{
	if (pg_label_waits(r, (size_t)(op - r->ops), op->to_index->definition) < r->nops)
		return 0; /* created by the type rebuild that brings its label back */
	pg_put_def(r->out, op->to_index->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_drop_index(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	/* an index on a materialized view goes with the view, which may be gone already */
	cdb_buf_puts(b, (op->from_table || op->to_table) &&
	                        !pg_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_index->definition)
	                    ? "DROP INDEX "
	                    : "DROP INDEX IF EXISTS ");
	pg_quote_qualified(b, op->from_index->schema, op->from_index->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}
