/*
 * tables.c - CREATE, DROP, RENAME and ALTER TABLE
 *
 * ALTER TABLE here is the table's own options: partition bound and
 * partitioning, UNLOGGED, storage parameters and row-level security.
 */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "render_priv.h"

/* Length of the name part of a storage parameter "key=value". */
static size_t option_keylen(const char *opt)
{
	return strcspn(opt, "=");
}

/* The entry of `opts` with the same name as `opt`, NULL: none. */
static const char *option_find(char **opts, size_t n, const char *opt)
{
	size_t len = option_keylen(opt);

	for (size_t i = 0; i < n; i++)
		if (option_keylen(opts[i]) == len && !strncmp(opts[i], opt, len))
			return opts[i];
	return NULL;
}

/* A storage parameter's name, each part quoted: "fillfactor", "toast"."autovacuum_enabled". */
static void option_key(struct cdb_buf *b, const char *opt)
{
	char *key = xstrndup(opt, option_keylen(opt));
	char *dot = strchr(key, '.');

	if (dot) {
		*dot = '\0';
		pg_quote_ident(b, key);
		cdb_buf_putc(b, '.');
		pg_quote_ident(b, dot + 1);
	} else {
		pg_quote_ident(b, key);
	}
	free(key);
}

/* "key = 'value'": the server accepts every parameter's value as a string. */
static void option_set(struct cdb_buf *b, const char *opt)
{
	const char *eq = strchr(opt, '=');

	option_key(b, opt);
	cdb_buf_puts(b, " = ");
	pg_quote_literal(b, eq ? eq + 1 : "");
}

static void rls_statement(struct cdb_buf *b, const struct cdb_table *t, const char *what)
{
	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, t);
	cdb_buf_printf(b, " %s ROW LEVEL SECURITY;\n", what);
}

static void alter_table_options(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->table, *from = op->from_table, *to = op->to_table;
	bool first;

	/* WITHOUT ROWID / STRICT are SQLite's; nothing to do for them here */
	if (op->alter & CDB_ALTER_LOGGED) {
		cdb_buf_puts(b, "ALTER TABLE ");
		pg_qtable(b, t);
		cdb_buf_puts(b, to->unlogged ? " SET UNLOGGED;\n" : " SET LOGGED;\n");
	}
	if (op->alter & CDB_ALTER_STORAGE) {
		first = true;
		for (size_t i = 0; i < from->noptions; i++) {
			if (option_find(to->options, to->noptions, from->options[i]))
				continue;
			if (first) {
				cdb_buf_puts(b, "ALTER TABLE ");
				pg_qtable(b, t);
				cdb_buf_puts(b, " RESET (");
			} else {
				cdb_buf_puts(b, ", ");
			}
			option_key(b, from->options[i]);
			first = false;
		}
		if (!first)
			cdb_buf_puts(b, ");\n");
		first = true;
		for (size_t i = 0; i < to->noptions; i++) {
			const char *old = option_find(from->options, from->noptions, to->options[i]);

			if (old && !strcmp(old, to->options[i]))
				continue;
			if (first) {
				cdb_buf_puts(b, "ALTER TABLE ");
				pg_qtable(b, t);
				cdb_buf_puts(b, " SET (");
			} else {
				cdb_buf_puts(b, ", ");
			}
			option_set(b, to->options[i]);
			first = false;
		}
		if (!first)
			cdb_buf_puts(b, ");\n");
	}
	if (op->alter & CDB_ALTER_RLS)
		rls_statement(b, t, to->rls ? "ENABLE" : "DISABLE");
	if (op->alter & CDB_ALTER_FORCE_RLS)
		rls_statement(b, t, to->rls_forced ? "FORCE" : "NO FORCE");
}

/* How table `t` is partitioned, for a message: "RANGE (d)", "partition of 'public.m'". */
static void put_partitioning(struct cdb_buf *b, const struct cdb_table *t)
{
	if (t->parent)
		cdb_buf_printf(b, "partition of '%s.%s'%s", t->parent_schema, t->parent,
		               t->partition_key ? ", " : "");
	if (t->partition_key)
		cdb_buf_printf(b, "partitioned by %s", t->partition_key);
	if (!t->parent && !t->partition_key)
		cdb_buf_puts(b, "not partitioned");
}

/*
 * A new partition key, or a table that becomes partitioned, a partition or
 * plain, means a new table and every row copied into it: PostgreSQL has no
 * ALTER for it, and a generated copy could not be checked here. Refused,
 * so the user writes that step (`cdb revision`) and nothing is lost quietly.
 */
static int refuse_partitioning(const struct cdb_op *op)
{
	struct cdb_buf from = CDB_BUF_INIT, to = CDB_BUF_INIT;
	int rc;

	put_partitioning(&from, op->from_table);
	put_partitioning(&to, op->to_table);
	rc = cdb_error_set(CDB_EINVALID, "cannot change the partitioning of table '%s.%s' in place (%s -> %s)",
	                   op->to_table->schema, op->to_table->name, from.ptr, to.ptr);
	cdb_error_hint("write that step by hand in a revision of its own ('cdb revision'): create the "
	               "new table, copy the rows, drop the old one, rename the new one");
	cdb_buf_release(&from);
	cdb_buf_release(&to);
	return rc;
}

/*
 * A partition's new bound (or parent): DETACH, then ATTACH with the new
 * bound. ATTACH checks every row against the bound, so rows that do not fit
 * fail the revision instead of being lost or moved.
 */
static void partition_bound(struct cdb_buf *b, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table, *tt = op->to_table;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_quote_qualified(b, ft->parent_schema, ft->parent);
	cdb_buf_puts(b, " DETACH PARTITION ");
	pg_qtable(b, tt);
	cdb_buf_puts(b, ";\nALTER TABLE ");
	pg_quote_qualified(b, tt->parent_schema, tt->parent);
	cdb_buf_puts(b, " ATTACH PARTITION ");
	pg_qtable(b, tt);
	cdb_buf_putc(b, ' ');
	cdb_buf_puts(b, tt->bound);
	cdb_buf_puts(b, ";\n");
}

int pg_render_create_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->to_table;
	size_t at = (size_t)(op - r->ops);
	bool first = true, serial = false;

	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].serial_seq) {
			pg_serial_before(r, t, &t->columns[i]);
			serial = true;
		}
	/*
	 * A serial's sequence is created before its table, so it would stay
	 * logged; SET UNLOGGED once it is owned makes it follow the table where
	 * the server has unlogged sequences (15 and later) and is the same
	 * thing elsewhere.
	 */
	cdb_buf_puts(b, t->unlogged && !serial ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ");
	pg_qtable(b, t);
	if (t->parent) {
		cdb_buf_puts(b, " PARTITION OF ");
		pg_quote_qualified(b, t->parent_schema, t->parent);
	}
	cdb_buf_puts(b, " (");
	for (size_t i = 0; i < t->ncolumns; i++) {
		cdb_buf_puts(b, first ? "\n    " : ",\n    ");
		pg_column_def_at(r, at, t, &t->columns[i]);
		first = false;
	}
	for (size_t i = 0; i < t->nconstraints; i++) {
		const struct cdb_constraint *k = &t->constraints[i];

		if (pg_constraint_added_later(r, t, k) || pg_label_waits(r, at, k->definition) < r->nops)
			continue;
		cdb_buf_puts(b, first ? "\n    " : ",\n    ");
		if (k->name) {
			cdb_buf_puts(b, "CONSTRAINT ");
			pg_quote_ident(b, k->name);
			cdb_buf_putc(b, ' ');
		}
		cdb_buf_puts(b, k->definition);
		first = false;
	}
	if (t->parent && first)
		cdb_buf_truncate(b, b->len - 2); /* nothing of its own: no parentheses */
	else
		cdb_buf_puts(b, "\n)");
	if (t->parent) {
		cdb_buf_putc(b, ' ');
		cdb_buf_puts(b, t->bound);
	}
	if (t->partition_key) {
		cdb_buf_puts(b, " PARTITION BY ");
		cdb_buf_puts(b, t->partition_key);
	}
	for (size_t i = 0; i < t->noptions; i++) {
		cdb_buf_puts(b, i ? ", " : " WITH (");
		option_set(b, t->options[i]);
	}
	cdb_buf_puts(b, t->noptions ? ");\n" : ";\n");
	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].serial_seq && !pg_sequence_kept(r, t->schema, t->columns[i].serial_seq))
			pg_owned_by(b, t->schema, t->columns[i].serial_seq, t, t->columns[i].name);
	if (t->unlogged && serial) {
		cdb_buf_puts(b, "ALTER TABLE ");
		pg_qtable(b, t);
		cdb_buf_puts(b, " SET UNLOGGED;\n");
	}
	if (t->rls)
		rls_statement(b, t, "ENABLE");
	if (t->rls_forced)
		rls_statement(b, t, "FORCE");
	return 0;
}

int pg_render_drop_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "DROP TABLE ");
	pg_qtable(b, op->from_table);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_rename_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_qtable(b, op->from_table);
	cdb_buf_puts(b, " RENAME TO ");
	pg_quote_ident(b, op->to_table->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_alter_table(const struct render *r, const struct cdb_op *op)
{
	if (op->alter & CDB_ALTER_PARTITIONING)
		return refuse_partitioning(op);
	if (op->alter & CDB_ALTER_PARTITION_BOUND)
		partition_bound(r->out, op);
	alter_table_options(r, op);
	return 0;
}
