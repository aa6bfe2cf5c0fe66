/*
 * sqlite_render.c - a diff's operations as SQLite SQL
 *
 * SQLite's ALTER TABLE can add, drop and rename a column and rename a table,
 * each with restrictions; everything else (types, nullability, defaults,
 * constraints, table options) needs the table rebuild SQLite documents
 * (https://www.sqlite.org/lang_altertable.html, "otherwise"): create the new
 * table under a temporary name, copy the rows of the kept columns, drop the
 * old table, rename the new one, and re-create its indexes. The diff already
 * drops the views and triggers that read a changing table before, and
 * re-creates them after, so a rebuild only has to take care of indexes.
 *
 * The ops of one table come in one contiguous run (see diff.h); a run is
 * rendered as plain ALTER statements when every op in it allows that, and
 * as one rebuild otherwise. New objects are created from the CREATE text the
 * models' database holds, so they come out exactly as the user wrote them.
 * The runner wraps each revision in a transaction with foreign keys off.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/sqltok.h"
#include "sqlite_priv.h"

#define TMP_PREFIX "_cdb_new_"

struct render {
	struct cdb_buf *out;
	const struct cdb_op *ops;
	size_t nops;
	const struct cdb_schema *target; /* the schema this list produces */
	bool *skip;                      /* ops already rendered as part of another */
};

static void ident(struct render *r, const char *name)
{
	sqlite_quote_ident(r->out, name);
}

static void destructive(struct render *r, const struct cdb_op *op)
{
	if (op->destructive && op->reason)
		cdb_buf_printf(r->out, "-- cdb: destructive: %s\n", op->reason);
}

/* Append a stored CREATE statement, terminated. */
static void statement(struct render *r, const char *sql)
{
	size_t n = strlen(sql);

	while (n && (sql[n - 1] == ' ' || sql[n - 1] == '\n' || sql[n - 1] == '\t' || sql[n - 1] == ';'))
		n--;
	cdb_buf_put(r->out, sql, n);
	cdb_buf_puts(r->out, ";\n");
}

/* The name the table has when op i runs (the diff knows whether its RENAME_TABLE came first). */
static const char *current_name(const struct render *r, size_t i)
{
	return r->ops[i].table->name;
}

static bool default_constant(const char *d)
{
	if (!d)
		return true;
	while (*d == ' ')
		d++;
	return *d != '(' && strncasecmp(d, "CURRENT_", 8);
}

static bool in_key(const struct cdb_table *t, const char *col, enum cdb_constraint_kind kind)
{
	for (size_t i = 0; i < t->nconstraints; i++) {
		const struct cdb_constraint *c = &t->constraints[i];

		if (c->kind != kind)
			continue;
		for (size_t k = 0; k < c->ncolumns; k++)
			if (!strcasecmp(c->columns[k], col))
				return true;
	}
	return false;
}

/* An added column SQLite's ADD COLUMN accepts (lang_altertable.html, "ADD COLUMN"). */
static bool addable(const struct cdb_table *t, const struct cdb_column *c)
{
	if (!c->definition || in_key(t, c->name, CDB_CON_PRIMARY) || in_key(t, c->name, CDB_CON_UNIQUE))
		return false;
	if (c->generated && c->generated_stored)
		return false;
	if (!default_constant(c->default_expr))
		return false;
	if (c->notnull && (!c->default_expr || !strcasecmp(c->default_expr, "NULL")))
		return false;
	return true;
}

/*
 * A constraint written inside the definition of a column the same run adds:
 * that column's own clause, not one that merely reads the same (a foreign key
 * added to an existing column `a` is not part of a new column `b` declared
 * with the same REFERENCES clause).
 */
static bool inline_with_added(const struct render *r, size_t a, size_t b, const struct cdb_constraint *k)
{
	if ((k->kind != CDB_CON_FOREIGN && k->kind != CDB_CON_CHECK) || !k->definition)
		return false;
	for (size_t i = a; i < b; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (op->kind == CDB_OP_ADD_COLUMN && op->to_column->definition && k->in_column &&
		    !strcasecmp(k->in_column, op->to_column->name) &&
		    addable(op->to_table, op->to_column) && strstr(op->to_column->definition, k->definition))
			return true;
	}
	return false;
}

static bool has_generated(const struct cdb_table *t)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].generated)
			return true;
	return false;
}

/* Can ops [a, b) of one table be plain ALTER TABLE statements? */
static bool simple_run(const struct render *r, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		const struct cdb_op *op = &r->ops[i];

		switch (op->kind) {
		case CDB_OP_RENAME_COLUMN:
			break;
		case CDB_OP_ADD_COLUMN:
			if (!addable(op->to_table, op->to_column))
				return false;
			break;
		case CDB_OP_DROP_COLUMN:
			if (has_generated(op->from_table) ||
			    in_key(op->from_table, op->from_column->name, CDB_CON_PRIMARY) ||
			    in_key(op->from_table, op->from_column->name, CDB_CON_UNIQUE))
				return false;
			break;
		case CDB_OP_ADD_CONSTRAINT:
			if (!inline_with_added(r, a, b, op->to_constraint))
				return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

static void render_simple(struct render *r, size_t a, size_t b)
{
	const char *name = current_name(r, a);

	for (size_t i = a; i < b; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (op->kind == CDB_OP_ADD_CONSTRAINT)
			continue; /* part of its column's definition */
		destructive(r, op);
		cdb_buf_puts(r->out, "ALTER TABLE ");
		ident(r, name);
		switch (op->kind) {
		case CDB_OP_RENAME_COLUMN:
			cdb_buf_puts(r->out, " RENAME COLUMN ");
			ident(r, op->from_column->name);
			cdb_buf_puts(r->out, " TO ");
			ident(r, op->to_column->name);
			break;
		case CDB_OP_ADD_COLUMN:
			cdb_buf_printf(r->out, " ADD COLUMN %s", op->to_column->definition);
			break;
		case CDB_OP_DROP_COLUMN:
			cdb_buf_puts(r->out, " DROP COLUMN ");
			ident(r, op->from_column->name);
			break;
		default:
			break;
		}
		cdb_buf_puts(r->out, ";\n");
	}
}

/* Text of a CREATE TABLE after its name: "(...) STRICT". NULL when it has no such shape. */
static const char *table_tail(const char *sql)
{
	const char *pos = sql;
	struct cdb_tok t;

	while (cdb_tok_next(&pos, &t) != CDB_TOK_END && !cdb_tok_is(&t, "TABLE"))
		;
	if (t.kind == CDB_TOK_END)
		return NULL;
	cdb_tok_next(&pos, &t);
	if (cdb_tok_is(&t, "IF")) {
		cdb_tok_next(&pos, &t); /* NOT */
		cdb_tok_next(&pos, &t); /* EXISTS */
		cdb_tok_next(&pos, &t);
	}
	{
		const char *save = pos;
		struct cdb_tok dot;

		if (cdb_tok_next(&pos, &dot) == CDB_TOK_PUNCT && cdb_tok_punct(&dot, "."))
			cdb_tok_next(&pos, &t); /* schema.name */
		else
			pos = save;
	}
	return t.kind == CDB_TOK_END ? NULL : pos;
}

static bool created_later(const struct render *r, const struct cdb_index *x)
{
	for (size_t i = 0; i < r->nops; i++)
		if (r->ops[i].kind == CDB_OP_CREATE_INDEX && r->ops[i].to_index == x)
			return true;
	return false;
}

static int render_rebuild(struct render *r, size_t a, size_t b)
{
	const struct cdb_op *first = &r->ops[a];
	const struct cdb_table *ft = first->from_table, *tt = first->to_table;
	const char *name = current_name(r, a), *tail = tt->sql ? table_tail(tt->sql) : NULL;
	char *tmp = xasprintf(TMP_PREFIX "%s", tt->name);
	bool comma = false;

	if (!tail) {
		free(tmp);
		return cdb_error_set(CDB_EINVALID, "cannot rebuild table '%s': its CREATE TABLE text "
		                     "cannot be read", tt->name);
	}
	for (size_t i = a; i < b; i++)
		destructive(r, &r->ops[i]);
	cdb_buf_printf(r->out, "-- rebuild table '%s' (", tt->name);
	for (size_t i = a; i < b; i++) {
		struct cdb_buf d = CDB_BUF_INIT;

		cdb_op_describe(&d, &r->ops[i]);
		cdb_buf_printf(r->out, "%s%s", i > a ? "; " : "", d.ptr);
		cdb_buf_release(&d);
	}
	cdb_buf_puts(r->out, ")\n");

	cdb_buf_puts(r->out, "CREATE TABLE ");
	ident(r, tmp);
	cdb_buf_putc(r->out, ' ');
	while (*tail == ' ' || *tail == '\t' || *tail == '\n' || *tail == '\r')
		tail++;
	statement(r, tail);

	/* copy the kept columns, following renames */
	{
		struct cdb_buf cols = CDB_BUF_INIT, vals = CDB_BUF_INIT;

		for (size_t j = 0; j < tt->ncolumns; j++) {
			const struct cdb_column *tc = &tt->columns[j], *src = NULL;

			if (tc->generated || tc->hidden)
				continue;
			for (size_t i = a; i < b && !src; i++)
				if (r->ops[i].kind == CDB_OP_RENAME_COLUMN && r->ops[i].to_column == tc)
					src = r->ops[i].from_column;
			if (!src) {
				bool renamed_away = false;

				for (size_t k = 0; k < ft->ncolumns && !src; k++)
					if (!strcasecmp(ft->columns[k].name, tc->name))
						src = &ft->columns[k];
				/* a column renamed to something else is not this one */
				for (size_t i = a; src && i < b; i++)
					if (r->ops[i].kind == CDB_OP_RENAME_COLUMN && r->ops[i].from_column == src)
						renamed_away = true;
				if (renamed_away)
					src = NULL;
			}
			if (!src || src->generated || src->hidden)
				continue;
			if (comma) {
				cdb_buf_puts(&cols, ", ");
				cdb_buf_puts(&vals, ", ");
			}
			comma = true;
			sqlite_quote_ident(&cols, tc->name);
			sqlite_quote_ident(&vals, src->name);
		}
		if (comma) {
			cdb_buf_puts(r->out, "INSERT INTO ");
			ident(r, tmp);
			cdb_buf_printf(r->out, " (%s) SELECT %s FROM ", cols.ptr, vals.ptr);
			ident(r, name);
			cdb_buf_puts(r->out, ";\n");
		}
		cdb_buf_release(&cols);
		cdb_buf_release(&vals);
	}
	cdb_buf_puts(r->out, "DROP TABLE ");
	ident(r, name);
	cdb_buf_puts(r->out, ";\nALTER TABLE ");
	ident(r, tmp);
	cdb_buf_puts(r->out, " RENAME TO ");
	ident(r, tt->name);
	cdb_buf_puts(r->out, ";\n");

	/* the table now has its final name: a later rename of it is done */
	for (size_t i = b; i < r->nops; i++)
		if (r->ops[i].kind == CDB_OP_RENAME_TABLE && r->ops[i].from_table == ft && r->ops[i].to_table == tt)
			r->skip[i] = true;

	/* DROP TABLE took the indexes along; the unchanged ones come back here */
	for (size_t i = 0; i < r->target->nindexes; i++) {
		const struct cdb_index *x = &r->target->indexes[i];

		if (!strcasecmp(x->table, tt->name) && !created_later(r, x))
			statement(r, x->definition);
	}
	free(tmp);
	return 0;
}

/*
 * The renderers of the kinds, one per row of CDB_OP_KINDS() (cdb/op.h).
 * Each renders op *i and leaves *i at the last op it rendered: the table
 * kinds share one that renders the whole run of its table's ops.
 */
typedef int sqlite_render_fn(struct render *r, size_t *i);

static sqlite_render_fn sqlite_render_table_run;

/* The op at i, after its warning when it loses data. */
static const struct cdb_op *begin_op(struct render *r, size_t i)
{
	destructive(r, &r->ops[i]);
	return &r->ops[i];
}

/* Append "VERB QUOTED-NAME;" for the drops. */
static void drop_statement(struct render *r, const char *verb, const char *name)
{
	cdb_buf_puts(r->out, verb);
	ident(r, name);
	cdb_buf_puts(r->out, ";\n");
}

static int sqlite_render_create_table(struct render *r, size_t *i)
{
	statement(r, begin_op(r, *i)->to_table->sql);
	return 0;
}

static int sqlite_render_drop_table(struct render *r, size_t *i)
{
	drop_statement(r, "DROP TABLE ", begin_op(r, *i)->from_table->name);
	return 0;
}

static int sqlite_render_rename_table(struct render *r, size_t *i)
{
	const struct cdb_op *op = begin_op(r, *i);

	cdb_buf_puts(r->out, "ALTER TABLE ");
	ident(r, op->from_table->name);
	cdb_buf_puts(r->out, " RENAME TO ");
	ident(r, op->to_table->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int sqlite_render_create_index(struct render *r, size_t *i)
{
	statement(r, begin_op(r, *i)->to_index->definition);
	return 0;
}

static int sqlite_render_drop_index(struct render *r, size_t *i)
{
	drop_statement(r, "DROP INDEX ", begin_op(r, *i)->from_index->name);
	return 0;
}

static int sqlite_render_create_view(struct render *r, size_t *i)
{
	statement(r, begin_op(r, *i)->to_view->definition);
	return 0;
}

static int sqlite_render_drop_view(struct render *r, size_t *i)
{
	drop_statement(r, "DROP VIEW ", begin_op(r, *i)->from_view->name);
	return 0;
}

/* SQLite has no CREATE OR REPLACE VIEW */
static int sqlite_render_replace_view(struct render *r, size_t *i)
{
	const struct cdb_op *op = begin_op(r, *i);

	drop_statement(r, "DROP VIEW ", op->from_view->name);
	statement(r, op->to_view->definition);
	return 0;
}

static int sqlite_render_create_trigger(struct render *r, size_t *i)
{
	statement(r, begin_op(r, *i)->to_trigger->definition);
	return 0;
}

static int sqlite_render_drop_trigger(struct render *r, size_t *i)
{
	drop_statement(r, "DROP TRIGGER ", begin_op(r, *i)->from_trigger->name);
	return 0;
}

/* SQLite has no comments */
static int sqlite_render_set_comment(struct render *r, size_t *i)
{
	begin_op(r, *i);
	return 0;
}

static sqlite_render_fn *const renderers[CDB_OP__COUNT] = {
#define RENDER_ROW(kind, name, inverse, describe, deps, pg, sqlite) [CDB_OP_##kind] = sqlite,
	CDB_OP_KINDS(RENDER_ROW)
#undef RENDER_ROW
};

/* Is the op one of a table's run (rendered together, as ALTERs or one rebuild)? */
static bool is_table_change(enum cdb_op_kind k)
{
	return k < CDB_OP__COUNT && renderers[k] == sqlite_render_table_run;
}

/* Ops i.. of one table, as plain ALTER TABLE statements or one rebuild. */
static int sqlite_render_table_run(struct render *r, size_t *i)
{
	const struct cdb_op *op = &r->ops[*i];
	size_t end = *i + 1;
	int rc;

	while (end < r->nops && is_table_change(r->ops[end].kind) && r->ops[end].from_table == op->from_table &&
	       r->ops[end].to_table == op->to_table)
		end++;
	if (simple_run(r, *i, end)) {
		render_simple(r, *i, end);
		rc = 0;
	} else {
		rc = render_rebuild(r, *i, end);
	}
	*i = end - 1;
	return rc;
}

static int render_list(struct cdb_buf *out, const struct cdb_op *ops, size_t nops, const struct cdb_schema *target)
{
	struct render r = { out, ops, nops, target, xcalloc(nops + 1, sizeof(bool)) };
	int rc = 0;

	for (size_t i = 0; i < nops && rc == 0; i++) {
		sqlite_render_fn *render = ops[i].kind < CDB_OP__COUNT ? renderers[ops[i].kind] : NULL;

		if (r.skip[i])
			continue;
		if (render) {
			rc = render(&r, &i);
		} else {
			struct cdb_buf d = CDB_BUF_INIT;

			cdb_op_describe(&d, &ops[i]);
			rc = cdb_error_set(CDB_EINVALID, "SQLite cannot %s", d.ptr);
			cdb_buf_release(&d);
		}
	}
	free(r.skip);
	return rc;
}

int cdb_sqlite_render(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff)
{
	int rc = 0;

	if (up && (rc = render_list(up, diff->ops, diff->nops, diff->to)) < 0)
		return rc;
	if (down && (rc = render_list(down, diff->inverse, diff->ninverse, diff->from)) < 0)
		return rc;
	return 0;
}
