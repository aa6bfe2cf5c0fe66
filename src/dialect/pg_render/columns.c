/*
 * columns.c - ADD, DROP, RENAME and ALTER COLUMN
 *
 * With what a column brings along: the sequence of a serial column (created
 * right before the column, OWNED BY right after, since it cannot be set
 * earlier), identity and its sequence options, and the default dropped
 * before a type change and set again after.
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "render_priv.h"

/* Sequence schema.name of `s` (NULL: none). */
static const struct cdb_sequence *sequence_in(const struct cdb_schema *s, const char *schema, const char *name)
{
	for (size_t i = 0; s && i < s->nsequences; i++)
		if (same(s->sequences[i].name, name) && same_schema(s->sequences[i].schema, schema))
			return &s->sequences[i];
	return NULL;
}

/*
 * The sequence a serial column owns, looked up first in the schema the list
 * being rendered leads to (the models for the upgrade, the database for the
 * downgrade), then in the other: a downgrade from an identity column back to
 * a serial must re-create the serial's sequence, not the identity's.
 */
static const struct cdb_sequence *find_sequence(const struct render *r, const char *schema, const char *name)
{
	bool down = r->ops == r->diff->inverse;
	const struct cdb_sequence *q = sequence_in(down ? r->diff->from : r->diff->to, schema, name);

	return q ? q : sequence_in(down ? r->diff->to : r->diff->from, schema, name);
}

/*
 * Is a column's sequence on both sides of the diff (and no identity's)? Then
 * it is one sequence that stays: its column's statements neither create nor
 * drop it, and an ALTER_SEQUENCE op of the diff moves its OWNED BY, so its
 * values are kept.
 */
bool pg_sequence_kept(const struct render *r, const char *schema, const char *name)
{
	const struct cdb_sequence *f = sequence_in(r->diff->from, schema, name);
	const struct cdb_sequence *t = sequence_in(r->diff->to, schema, name);

	return f && t && !f->identity && !t->identity;
}

void pg_owned_by(struct cdb_buf *b, const char *seq_schema, const char *seq,
                     const struct cdb_table *t, const char *column)
{
	cdb_buf_puts(b, "ALTER SEQUENCE ");
	pg_quote_qualified(b, seq_schema, seq);
	cdb_buf_puts(b, " OWNED BY ");
	pg_qtable(b, t);
	cdb_buf_putc(b, '.');
	pg_quote_ident(b, column);
	cdb_buf_puts(b, ";\n");
}

/* Move a column's sequence past the rows already in the table. */
static void sync_sequence(struct cdb_buf *b, const struct cdb_table *t, const char *column)
{
	struct cdb_buf tn = CDB_BUF_INIT;

	pg_qtable(&tn, t);
	cdb_buf_puts(b, "SELECT setval(pg_get_serial_sequence(");
	pg_quote_literal(b, tn.ptr);
	cdb_buf_puts(b, ", ");
	pg_quote_literal(b, column);
	cdb_buf_puts(b, "), max(");
	pg_quote_ident(b, column);
	cdb_buf_puts(b, ") + 1, false) FROM ");
	cdb_buf_puts(b, tn.ptr);
	cdb_buf_puts(b, " HAVING max(");
	pg_quote_ident(b, column);
	cdb_buf_puts(b, ") IS NOT NULL;\n");
	cdb_buf_release(&tn);
}

/* Before a column that owns a serial sequence appears: create the sequence. */
void pg_serial_before(const struct render *r, const struct cdb_table *t, const struct cdb_column *c)
{
	const struct cdb_sequence *q = find_sequence(r, t->schema, c->serial_seq);

	if (pg_sequence_kept(r, t->schema, c->serial_seq))
		return;
	if (q) {
		pg_create_sequence(r->out, q);
	} else {
		cdb_buf_puts(r->out, "CREATE SEQUENCE ");
		pg_quote_qualified(r->out, t->schema, c->serial_seq);
		cdb_buf_puts(r->out, " AS integer;\n");
	}
}

/* The sequence behind identity column `c` of table `t`, NULL: unknown. */
static const struct cdb_sequence *identity_sequence(const struct render *r, const struct cdb_table *t,
                                                   const struct cdb_column *c)
{
	const struct cdb_schema *s = pg_owner_of_table(r, t);
	char *owner = xasprintf("%s.%s", t->name, c->name);
	const struct cdb_sequence *found = NULL;

	for (size_t i = 0; s && i < s->nsequences && !found; i++)
		if (s->sequences[i].identity && same(s->sequences[i].owned_by, owner) &&
		    same_schema(s->sequences[i].schema, t->schema))
			found = &s->sequences[i];
	free(owner);
	return found;
}

/*
 * Identity sequence options that differ from what a bare GENERATED AS
 * IDENTITY gives (start 1 or -1, step 1, the type's range, cache 1), each
 * after `prefix` (" " inside parentheses, " SET " for ALTER COLUMN).
 * `base` NULL compares with those defaults, else with the old sequence.
 */
static bool identity_options(struct cdb_buf *b, const struct cdb_sequence *q, const struct cdb_sequence *base,
                             const char *prefix)
{
	long long tmax = same(q->type, "smallint") ? 32767LL : same(q->type, "integer") ? 2147483647LL
	                                                                              : 9223372036854775807LL;
	long long dmin = q->increment > 0 ? 1 : -tmax - 1, dmax = q->increment > 0 ? tmax : -1;
	long long dstart = q->increment > 0 ? dmin : dmax;
	size_t len = b->len;

	if (base ? q->start != base->start : q->start != dstart)
		cdb_buf_printf(b, "%sSTART WITH %lld", prefix, q->start);
	if (base ? q->increment != base->increment : q->increment != 1)
		cdb_buf_printf(b, "%sINCREMENT BY %lld", prefix, q->increment);
	if (base ? q->min != base->min : q->min != dmin)
		cdb_buf_printf(b, "%sMINVALUE %lld", prefix, q->min);
	if (base ? q->max != base->max : q->max != dmax)
		cdb_buf_printf(b, "%sMAXVALUE %lld", prefix, q->max);
	if (base ? q->cache != base->cache : q->cache != 1)
		cdb_buf_printf(b, "%sCACHE %lld", prefix, q->cache);
	if (base ? q->cycle != base->cycle : q->cycle)
		cdb_buf_printf(b, "%s%s", prefix, q->cycle ? "CYCLE" : "NO CYCLE");
	return b->len != len;
}

/* " GENERATED ... AS IDENTITY [(options)]" */
static void identity_clause(struct cdb_buf *b, const struct cdb_sequence *q, char kind)
{
	struct cdb_buf opts = CDB_BUF_INIT;

	cdb_buf_printf(b, " GENERATED %s AS IDENTITY", kind == 'a' ? "ALWAYS" : "BY DEFAULT");
	if (q && identity_options(&opts, q, NULL, " "))
		cdb_buf_printf(b, " (%s)", opts.ptr + 1);
	cdb_buf_release(&opts);
}

static void column_def_in(const struct render *r, const struct cdb_table *t, const struct cdb_column *c)
{
	struct cdb_buf *b = r->out;

	pg_quote_ident(b, c->name);
	cdb_buf_putc(b, ' ');
	cdb_buf_puts(b, c->type);
	if (c->collation)
		cdb_buf_printf(b, " COLLATE %s", c->collation);
	if (c->generated)
		cdb_buf_printf(b, " GENERATED ALWAYS AS (%s) STORED", c->generated);
	if (c->identity)
		identity_clause(b, identity_sequence(r, t, c), c->identity);
	if (c->default_expr && !c->generated && !c->identity)
		cdb_buf_printf(b, " DEFAULT %s", c->default_expr);
	if (c->notnull)
		cdb_buf_puts(b, " NOT NULL");
}

void pg_alter_column_head(struct cdb_buf *b, const struct cdb_table *t, const char *column)
{
	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, t);
	cdb_buf_puts(b, " ALTER COLUMN ");
	pg_quote_ident(b, column);
	cdb_buf_putc(b, ' ');
}

static void drop_sequence_if_exists(struct cdb_buf *b, const char *schema, const char *name)
{
	cdb_buf_puts(b, "DROP SEQUENCE IF EXISTS ");
	pg_quote_qualified(b, schema, name);
	cdb_buf_puts(b, ";\n");
}

/*
 * Column `c` as created by the op at `at`: without a default that names a
 * label a later type rebuild brings back (that rebuild sets it).
 */
void pg_column_def_at(const struct render *r, size_t at, const struct cdb_table *t, const struct cdb_column *c)
{
	struct cdb_column bare = *c;

	if (pg_label_waits(r, at, c->default_expr) < r->nops)
		bare.default_expr = NULL;
	column_def_in(r, t, &bare);
}

int pg_render_add_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	/* t: the definition (for look-ups in its schema); n: the name it has now */
	const struct cdb_table *t = op->to_table ? op->to_table : op->from_table, *n = op->table;

	if (op->to_column->serial_seq)
		pg_serial_before(r, t, op->to_column);
	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, n);
	cdb_buf_puts(b, " ADD COLUMN ");
	pg_column_def_at(r, (size_t)(op - r->ops), t, op->to_column);
	cdb_buf_puts(b, ";\n");
	if (op->to_column->serial_seq && !pg_sequence_kept(r, t->schema, op->to_column->serial_seq))
		pg_owned_by(b, t->schema, op->to_column->serial_seq, n, op->to_column->name);
	return 0;
}

int pg_render_drop_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, op->table);
	cdb_buf_puts(b, " DROP COLUMN ");
	pg_quote_ident(b, op->from_column->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_rename_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, op->table);
	cdb_buf_puts(b, " RENAME COLUMN ");
	pg_quote_ident(b, op->from_column->name);
	cdb_buf_puts(b, " TO ");
	pg_quote_ident(b, op->to_column->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_alter_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	/* t: the definition (for look-ups in its schema); n: the name it has now */
	const struct cdb_table *t = op->to_table ? op->to_table : op->from_table, *n = op->table;
	const struct cdb_column *from = op->from_column, *to = op->to_column;
	const char *name = to->name;
	bool default_gone = false;
	bool serial_changes = !same(from->serial_seq, to->serial_seq);

	if (op->alter & CDB_ALTER_GENERATED) {
		/* PostgreSQL cannot change a generation expression in place: re-add the column */
		cdb_buf_puts(b, "ALTER TABLE ");
		pg_qtable(b, n);
		cdb_buf_puts(b, " DROP COLUMN ");
		pg_quote_ident(b, from->name);
		cdb_buf_puts(b, ";\nALTER TABLE ");
		pg_qtable(b, n);
		cdb_buf_puts(b, " ADD COLUMN ");
		column_def_in(r, t, to);
		cdb_buf_puts(b, ";\n");
		return 0;
	}
	if ((op->alter & CDB_ALTER_IDENTITY) && from->identity && !to->identity) {
		pg_alter_column_head(b, n, name);
		cdb_buf_puts(b, "DROP IDENTITY;\n");
	} else if (from->identity && to->identity) {
		const struct cdb_table *ft = op->from_table ? op->from_table : t;
		const struct cdb_sequence *oldq = identity_sequence(r, ft, from);
		const struct cdb_sequence *newq = identity_sequence(r, t, to);
		struct cdb_buf opts = CDB_BUF_INIT;

		if (from->identity != to->identity)
			cdb_buf_printf(&opts, " SET GENERATED %s", to->identity == 'a' ? "ALWAYS" : "BY DEFAULT");
		if (oldq && newq)
			identity_options(&opts, newq, oldq, " SET ");
		if (opts.len) {
			pg_alter_column_head(b, n, name);
			cdb_buf_printf(b, "%s;\n", opts.ptr + 1);
		}
		cdb_buf_release(&opts);
	}
	if (from->default_expr && ((op->alter & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION)) || serial_changes ||
	                           ((op->alter & CDB_ALTER_DEFAULT) && !to->default_expr))) {
		pg_alter_column_head(b, n, name);
		cdb_buf_puts(b, "DROP DEFAULT;\n");
		default_gone = true;
	}
	if (from->serial_seq && serial_changes && !pg_sequence_kept(r, t->schema, from->serial_seq))
		drop_sequence_if_exists(b, t->schema, from->serial_seq);
	if (op->alter & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION)) {
		const struct cdb_table *ft = op->from_table ? op->from_table : t;

		pg_when_triggers(r, ft, from->name, true);
		pg_alter_column_head(b, n, name);
		cdb_buf_printf(b, "TYPE %s", to->type);
		if (to->collation)
			cdb_buf_printf(b, " COLLATE %s", to->collation);
		if (op->alter & CDB_ALTER_TYPE) {
			cdb_buf_puts(b, " USING ");
			pg_quote_ident(b, name);
			cdb_buf_puts(b, "::");
			pg_cast_type(b, to->type);
		}
		cdb_buf_puts(b, ";\n");
		pg_when_triggers(r, ft, from->name, false);
	}
	if (to->serial_seq && serial_changes)
		pg_serial_before(r, t, to);
	if (to->default_expr && !to->identity && !to->generated &&
	    (default_gone || ((op->alter & CDB_ALTER_DEFAULT) && !same(from->default_expr, to->default_expr)) ||
	     !from->default_expr)) {
		/* a default naming a label a later rebuild brings back is set by that rebuild */
		if ((default_gone || !same(from->default_expr, to->default_expr)) &&
		    pg_label_waits(r, (size_t)(op - r->ops), to->default_expr) == r->nops) {
			pg_alter_column_head(b, n, name);
			cdb_buf_printf(b, "SET DEFAULT %s;\n", to->default_expr);
		}
	}
	if (to->serial_seq && serial_changes) {
		if (!pg_sequence_kept(r, t->schema, to->serial_seq))
			pg_owned_by(b, t->schema, to->serial_seq, n, name);
		sync_sequence(b, n, name);
	}
	if (from->notnull != to->notnull) {
		pg_alter_column_head(b, n, name);
		cdb_buf_puts(b, to->notnull ? "SET NOT NULL;\n" : "DROP NOT NULL;\n");
	}
	if ((op->alter & CDB_ALTER_IDENTITY) && !from->identity && to->identity) {
		struct cdb_buf clause = CDB_BUF_INIT;

		identity_clause(&clause, identity_sequence(r, t, to), to->identity);
		pg_alter_column_head(b, n, name);
		cdb_buf_printf(b, "ADD%s;\n", clause.ptr);
		cdb_buf_release(&clause);
		sync_sequence(b, n, name);
	}
	return 0;
}
