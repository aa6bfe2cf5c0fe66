/*
 * comments.c - COMMENT ON, for every kind of object that has comments
 */
#include "render_priv.h"

int pg_render_set_comment(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->table;

	cdb_buf_puts(b, "COMMENT ON ");
	switch (op->comment_on) {
	case CDB_COMMENT_TABLE:
		cdb_buf_puts(b, "TABLE ");
		pg_qtable(b, t);
		break;
	case CDB_COMMENT_COLUMN:
		cdb_buf_puts(b, "COLUMN ");
		pg_qtable(b, t);
		cdb_buf_putc(b, '.');
		pg_quote_ident(b, (op->to_column ? op->to_column : op->from_column)->name);
		break;
	case CDB_COMMENT_CONSTRAINT:
		cdb_buf_puts(b, "CONSTRAINT ");
		pg_quote_ident(b, (op->to_constraint ? op->to_constraint : op->from_constraint)->name);
		cdb_buf_puts(b, " ON ");
		pg_qtable(b, t);
		break;
	case CDB_COMMENT_INDEX: {
		const struct cdb_index *x = op->to_index ? op->to_index : op->from_index;

		cdb_buf_puts(b, "INDEX ");
		pg_quote_qualified(b, x->schema, x->name);
		break;
	}
	case CDB_COMMENT_VIEW: {
		const struct cdb_view *v = op->to_view ? op->to_view : op->from_view;

		cdb_buf_puts(b, v->materialized ? "MATERIALIZED VIEW " : "VIEW ");
		pg_quote_qualified(b, v->schema, v->name);
		break;
	}
	case CDB_COMMENT_TRIGGER: {
		const struct cdb_trigger *g = op->to_trigger ? op->to_trigger : op->from_trigger;

		cdb_buf_puts(b, "TRIGGER ");
		pg_quote_ident(b, g->name);
		cdb_buf_puts(b, " ON ");
		pg_quote_qualified(b, g->schema, g->table);
		break;
	}
	case CDB_COMMENT_ENUM: {
		const struct cdb_enum *e = op->to_enum ? op->to_enum : op->from_enum;

		cdb_buf_puts(b, "TYPE ");
		pg_quote_qualified(b, e->schema, e->name);
		break;
	}
	case CDB_COMMENT_SEQUENCE: {
		const struct cdb_sequence *q = op->to_sequence ? op->to_sequence : op->from_sequence;

		cdb_buf_puts(b, "SEQUENCE ");
		pg_quote_qualified(b, q->schema, q->name);
		break;
	}
	case CDB_COMMENT_FUNCTION: {
		const struct cdb_function *f = op->to_function ? op->to_function : op->from_function;

		pg_function_ref(b, f);
		break;
	}
	case CDB_COMMENT_NAMESPACE: {
		const struct cdb_namespace *n = op->to_namespace ? op->to_namespace : op->from_namespace;

		cdb_buf_puts(b, "SCHEMA ");
		pg_quote_ident(b, n->name);
		break;
	}
	case CDB_COMMENT_DOMAIN: {
		const struct cdb_domain *d = op->to_domain ? op->to_domain : op->from_domain;

		cdb_buf_puts(b, "DOMAIN ");
		pg_quote_qualified(b, d->schema, d->name);
		break;
	}
	case CDB_COMMENT_COLLATION:
		cdb_buf_puts(b, "COLLATION ");
		pg_quote_qualified(b, op->to_collation->schema, op->to_collation->name);
		break;
	case CDB_COMMENT_RANGE:
		cdb_buf_puts(b, "TYPE ");
		pg_quote_qualified(b, op->to_range->schema, op->to_range->name);
		break;
	case CDB_COMMENT_COMPOSITE:
		cdb_buf_puts(b, "TYPE ");
		pg_quote_qualified(b, op->to_composite->schema, op->to_composite->name);
		break;
	}
	cdb_buf_puts(b, " IS ");
	if (op->to_comment)
		pg_quote_literal(b, op->to_comment);
	else
		cdb_buf_puts(b, "NULL");
	cdb_buf_puts(b, ";\n");
	return 0;
}
