/*
 * objects.c - schemas, extensions, sequences and functions
 *
 * The sequence of a serial column is created with its column (columns.c);
 * a function whose definition names a rebuilt type is dropped and created
 * again by that rebuild (types.c).
 */
#include <stdlib.h>

#include "render_priv.h"

static void sequence_params(struct cdb_buf *b, const struct cdb_sequence *q)
{
	if (q->type)
		cdb_buf_printf(b, " AS %s", q->type);
	cdb_buf_printf(b, " INCREMENT BY %lld MINVALUE %lld MAXVALUE %lld START WITH %lld CACHE %lld%s",
	               q->increment, q->min, q->max, q->start, q->cache, q->cycle ? " CYCLE" : " NO CYCLE");
}

void pg_create_sequence(struct cdb_buf *b, const struct cdb_sequence *q)
{
	cdb_buf_puts(b, "CREATE SEQUENCE ");
	pg_quote_qualified(b, q->schema, q->name);
	sequence_params(b, q);
	cdb_buf_puts(b, ";\n");
}

/* "ALTER SEQUENCE s OWNED BY t.c", or OWNED BY NONE when `q` has no owner (`none`). */
static void sequence_owner(struct cdb_buf *b, const struct cdb_sequence *q, bool none)
{
	char *schema, *table, *column;

	if (!cdb_sequence_owner(q, &schema, &table, &column)) {
		if (none) {
			cdb_buf_puts(b, "ALTER SEQUENCE ");
			pg_quote_qualified(b, q->schema, q->name);
			cdb_buf_puts(b, " OWNED BY NONE;\n");
		}
		return;
	}
	cdb_buf_puts(b, "ALTER SEQUENCE ");
	pg_quote_qualified(b, q->schema, q->name);
	cdb_buf_puts(b, " OWNED BY ");
	pg_quote_qualified(b, schema, table);
	cdb_buf_putc(b, '.');
	pg_quote_ident(b, column);
	cdb_buf_puts(b, ";\n");
	free(schema);
	free(table);
	free(column);
}

/* "FUNCTION name(args)" or "PROCEDURE name(args)", as DROP and COMMENT ON take it. */
void pg_function_ref(struct cdb_buf *b, const struct cdb_function *f)
{
	cdb_buf_puts(b, same(f->kind, "procedure") ? "PROCEDURE " : "FUNCTION ");
	pg_quote_qualified(b, f->schema, f->name);
	cdb_buf_printf(b, "(%s)", f->args ? f->args : "");
}

/* CREATE_FUNCTION and REPLACE_FUNCTION: the definition is CREATE OR REPLACE. */
static int create_function(const struct render *r, const struct cdb_op *op)
{
	/* a body naming a label a later rebuild brings back is created by that rebuild */
	if (pg_label_waits(r, (size_t)(op - r->ops), op->to_function->definition) < r->nops)
		return 0;
	/* a rebuild before this op created it again already, with this definition */
	if (op->kind == CDB_OP_REPLACE_FUNCTION &&
	    pg_function_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_function))
		return 0;
	pg_put_def(r->out, op->to_function->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_create_namespace(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "CREATE SCHEMA ");
	pg_quote_ident(r->out, op->to_namespace->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_drop_namespace(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP SCHEMA ");
	pg_quote_ident(r->out, op->from_namespace->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_create_extension(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "CREATE EXTENSION IF NOT EXISTS ");
	pg_quote_ident(b, op->to_extension->name);
	if (op->to_extension->schema) {
		cdb_buf_puts(b, " SCHEMA ");
		pg_quote_ident(b, op->to_extension->schema);
	}
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_drop_extension(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP EXTENSION ");
	pg_quote_ident(r->out, op->from_extension->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_alter_extension(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	if (!same(op->from_extension->schema, op->to_extension->schema) && op->to_extension->schema) {
		cdb_buf_puts(b, "ALTER EXTENSION ");
		pg_quote_ident(b, op->to_extension->name);
		cdb_buf_puts(b, " SET SCHEMA ");
		pg_quote_ident(b, op->to_extension->schema);
		cdb_buf_puts(b, ";\n");
	}
	if (!same(op->from_extension->version, op->to_extension->version) && op->to_extension->version) {
		cdb_buf_puts(b, "ALTER EXTENSION ");
		pg_quote_ident(b, op->to_extension->name);
		cdb_buf_puts(b, " UPDATE TO ");
		pg_quote_literal(b, op->to_extension->version);
		cdb_buf_puts(b, ";\n");
	}
	return 0;
}

int pg_render_create_sequence(const struct render *r, const struct cdb_op *op)
{
	if (pg_owner_rendered_here(r, op->to_sequence))
		return 0; /* created with the column that owns it */
	pg_create_sequence(r->out, op->to_sequence);
	sequence_owner(r->out, op->to_sequence, false);
	return 0;
}

int pg_render_drop_sequence(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	/* an owned sequence went with its column or table */
	cdb_buf_puts(b, op->from_sequence->owned_by ? "DROP SEQUENCE IF EXISTS " : "DROP SEQUENCE ");
	pg_quote_qualified(b, op->from_sequence->schema, op->from_sequence->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_alter_sequence(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_sequence *q = op->to_sequence;

	if (op->alter & (CDB_ALTER_SEQ_TYPE | CDB_ALTER_SEQ_PARAMS)) {
		cdb_buf_puts(b, "ALTER SEQUENCE ");
		pg_quote_qualified(b, q->schema, q->name);
		sequence_params(b, q);
		cdb_buf_puts(b, ";\n");
	}
	if (op->alter & CDB_ALTER_SEQ_OWNED)
		sequence_owner(b, q, true);
	return 0;
}

int pg_render_create_function(const struct render *r, const struct cdb_op *op)
{
	return create_function(r, op);
}

int pg_render_replace_function(const struct render *r, const struct cdb_op *op)
{
	return create_function(r, op);
}

int pg_render_drop_function(const struct render *r, const struct cdb_op *op)
{
	if (pg_function_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_function))
		return 0;
	cdb_buf_puts(r->out, "DROP ");
	pg_function_ref(r->out, op->from_function);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}
