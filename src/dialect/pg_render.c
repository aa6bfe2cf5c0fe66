/*
 * pg_render.c - the diff's operations as PostgreSQL statements
 *
 * Native ALTERs throughout; both lists (upgrade and its inverse) go through
 * the same op renderer. Definitions the catalog printed (constraints,
 * indexes, views, triggers, functions) are replayed as printed, so the
 * objects come back with the names PostgreSQL gave them in the shadow
 * database: an unnamed UNIQUE in the models is added as `t_col_key`, exactly
 * the name the server would have chosen.
 *
 * Things PostgreSQL makes awkward, and how they are done here:
 *  - serial columns: the sequence is created right before the column that
 *    owns it and OWNED BY is set right after (it cannot be set earlier), so
 *    the diff's separate CREATE_SEQUENCE op for it is skipped when the
 *    owning column is created or altered in the same list; dropping such a
 *    sequence uses IF EXISTS because dropping its column already dropped it.
 *  - serial <-> identity: the serial's sequence is dropped before ADD
 *    GENERATED so the identity's sequence gets the same name, and either
 *    sequence is moved past the existing rows (setval) so inserts go on.
 *  - a type change is `TYPE type USING col::base`, base being the type
 *    without its length (cast_type()), so a value too long fails instead
 *    of being cut; an old default that does not cast is dropped before
 *    and set again after.
 *  - removing enum labels, or a new base type or collation for a domain
 *    that columns use: rename the type, create the new one, convert every
 *    column (through text for an enum), restore defaults, drop the old
 *    type. Domains over a rebuilt type are rebuilt with it; functions
 *    naming a rebuilt type (and the triggers running them) are dropped
 *    before and created again after. In a downgrade, a CHECK, index,
 *    default or function that names a label the rebuild brings back waits
 *    for that rebuild.
 *  - partitions: created PARTITION OF their parent with only their own
 *    constraints; a new bound is DETACH then ATTACH, which checks the rows;
 *    a new partition key (or a table that becomes or stops being
 *    partitioned or a partition) is refused with a hint to write the step.
 *  - composite types change with ALTER TYPE ... DROP / ADD / ALTER
 *    ATTRIBUTE; what the server refuses while a column uses the type
 *    (ALTER ATTRIBUTE ... TYPE, a new attribute order) is drop + create for
 *    an unused type and an error naming the type and its user otherwise,
 *    as is any change of a range type or collation in use.
 *  - ALTER TYPE ... ADD VALUE runs inside the revision's transaction
 *    (PostgreSQL 12+), but the new label cannot be used before that
 *    transaction commits; a comment says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/diff.h"
#include "cdb/error.h"
#include "pg_priv.h"

struct render {
	struct cdb_buf *out;
	const struct cdb_diff *diff;
	const struct cdb_op *ops; /* the list being rendered */
	size_t nops;
};

/*
 * Append type `ty` (as format_type prints it) without its length or
 * precision, for the explicit cast of a USING clause: an explicit cast to
 * varchar(5) cuts a longer value, while the column's own type is then
 * applied by assignment, which refuses a value that does not fit.
 * "character" and "bit" without a length mean length 1, so those become
 * bpchar and bit varying.
 */
static void cast_type(struct cdb_buf *b, const char *ty)
{
	const char *open = NULL, *close;
	bool quoted = false;

	for (const char *p = ty; *p && !open; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '(' && !quoted)
			open = p;
	}
	if (!open || !(close = strchr(open, ')'))) {
		cdb_buf_puts(b, ty);
		return;
	}
	if ((size_t)(open - ty) == strlen("character") && !strncmp(ty, "character", (size_t)(open - ty)))
		cdb_buf_puts(b, "bpchar");
	else if ((size_t)(open - ty) == strlen("bit") && !strncmp(ty, "bit", (size_t)(open - ty)))
		cdb_buf_puts(b, "bit varying");
	else
		cdb_buf_put(b, ty, (size_t)(open - ty));
	cdb_buf_puts(b, close + 1);
}

/* ------------------------------------------------------------------ names */

static void qtable(struct cdb_buf *b, const struct cdb_table *t)
{
	pg_quote_qualified(b, t->schema, t->name);
}

/* The type name as format_type() prints it for an enum (search_path: "$user", public). */
static void enum_type_name(struct cdb_buf *b, const char *schema, const char *name)
{
	bool plain = name[0] && !(name[0] >= '0' && name[0] <= '9');

	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			plain = false;
	if (schema && strcmp(schema, "public") != 0) {
		cdb_buf_puts(b, schema);
		cdb_buf_putc(b, '.');
	}
	if (plain)
		cdb_buf_puts(b, name);
	else
		pg_quote_ident(b, name);
}

/* "table.column" of a sequence's owner split into its parts (qualified form: schema.table.column). */
static bool split_owner(const char *owned_by, const char *seq_schema, char **schema, char **table,
                        char **column)
{
	const char *d1 = strchr(owned_by, '.');
	const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;

	if (!d1)
		return false;
	if (d2) {
		*schema = xstrndup(owned_by, (size_t)(d1 - owned_by));
		*table = xstrndup(d1 + 1, (size_t)(d2 - d1 - 1));
		*column = xstrdup(d2 + 1);
	} else {
		*schema = xstrdup(seq_schema ? seq_schema : "public");
		*table = xstrndup(owned_by, (size_t)(d1 - owned_by));
		*column = xstrdup(d1 + 1);
	}
	return true;
}

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool same_schema(const char *a, const char *b)
{
	return same(a ? a : "public", b ? b : "public");
}

/* Definitions printed by the server may end in ';' and blank lines. */
static void put_def(struct cdb_buf *b, const char *def)
{
	size_t n = strlen(def);

	while (n && (def[n - 1] == ';' || def[n - 1] == ' ' || def[n - 1] == '\n' || def[n - 1] == '\t'))
		n--;
	while (*def == ' ' || *def == '\n') {
		def++;
		n--;
	}
	cdb_buf_put(b, def, n);
}

/* -------------------------------------------------------------- sequences */

/* The sequence a serial column owns, looked up in both schemas. */
static const struct cdb_sequence *find_sequence(const struct render *r, const char *schema, const char *name)
{
	const struct cdb_schema *sides[2] = { r->diff->to, r->diff->from };

	for (int s = 0; s < 2; s++) {
		if (!sides[s])
			continue;
		for (size_t i = 0; i < sides[s]->nsequences; i++) {
			const struct cdb_sequence *q = &sides[s]->sequences[i];

			if (same(q->name, name) && same_schema(q->schema, schema))
				return q;
		}
	}
	return NULL;
}

static void sequence_params(struct cdb_buf *b, const struct cdb_sequence *q)
{
	if (q->type)
		cdb_buf_printf(b, " AS %s", q->type);
	cdb_buf_printf(b, " INCREMENT BY %lld MINVALUE %lld MAXVALUE %lld START WITH %lld CACHE %lld%s",
	               q->increment, q->min, q->max, q->start, q->cache, q->cycle ? " CYCLE" : " NO CYCLE");
}

static void create_sequence(struct cdb_buf *b, const struct cdb_sequence *q)
{
	cdb_buf_puts(b, "CREATE SEQUENCE ");
	pg_quote_qualified(b, q->schema, q->name);
	sequence_params(b, q);
	cdb_buf_puts(b, ";\n");
}

static void owned_by(struct cdb_buf *b, const char *seq_schema, const char *seq,
                     const struct cdb_table *t, const char *column)
{
	cdb_buf_puts(b, "ALTER SEQUENCE ");
	pg_quote_qualified(b, seq_schema, seq);
	cdb_buf_puts(b, " OWNED BY ");
	qtable(b, t);
	cdb_buf_putc(b, '.');
	pg_quote_ident(b, column);
	cdb_buf_puts(b, ";\n");
}

/* Move a column's sequence past the rows already in the table. */
static void sync_sequence(struct cdb_buf *b, const struct cdb_table *t, const char *column)
{
	struct cdb_buf tn = CDB_BUF_INIT;

	qtable(&tn, t);
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

/* Is the owner of sequence q a column that an op of this list creates or alters? */
static bool owner_rendered_here(const struct render *r, const struct cdb_sequence *q)
{
	char *schema = NULL, *table = NULL, *column = NULL;
	bool hit = false;

	if (!q->owned_by || !split_owner(q->owned_by, q->schema, &schema, &table, &column))
		return false;
	for (size_t i = 0; i < r->nops && !hit; i++) {
		const struct cdb_op *op = &r->ops[i];
		const struct cdb_table *t = op->to_table;
		const struct cdb_column *c = op->to_column;

		if (!t || !same(t->name, table) || !same_schema(t->schema, schema))
			continue;
		if (op->kind == CDB_OP_CREATE_TABLE) {
			for (size_t k = 0; k < t->ncolumns; k++)
				if (same(t->columns[k].name, column) && same(t->columns[k].serial_seq, q->name))
					hit = true;
		} else if ((op->kind == CDB_OP_ADD_COLUMN || op->kind == CDB_OP_ALTER_COLUMN) && c &&
		           same(c->name, column) && same(c->serial_seq, q->name)) {
			hit = op->kind == CDB_OP_ADD_COLUMN || !op->from_column ||
			      !same(op->from_column->serial_seq, q->name);
		}
	}
	free(schema);
	free(table);
	free(column);
	return hit;
}

/* Before a column that owns a serial sequence appears: create the sequence. */
static void serial_before(const struct render *r, const struct cdb_table *t, const struct cdb_column *c)
{
	const struct cdb_sequence *q = find_sequence(r, t->schema, c->serial_seq);

	if (q) {
		create_sequence(r->out, q);
	} else {
		cdb_buf_puts(r->out, "CREATE SEQUENCE ");
		pg_quote_qualified(r->out, t->schema, c->serial_seq);
		cdb_buf_puts(r->out, " AS integer;\n");
	}
}

/* ---------------------------------------------------------------- columns */

/* The schema (diff->from or diff->to) whose tables array holds `t`. */
static const struct cdb_schema *owner_of_table(const struct render *r, const struct cdb_table *t)
{
	const struct cdb_schema *sides[2] = { r->diff->to, r->diff->from };

	for (int s = 0; s < 2; s++)
		if (sides[s] && sides[s]->ntables && t >= sides[s]->tables && t < sides[s]->tables + sides[s]->ntables)
			return sides[s];
	return NULL;
}

/* The sequence behind identity column `c` of table `t`, NULL: unknown. */
static const struct cdb_sequence *identity_sequence(const struct render *r, const struct cdb_table *t,
                                                   const struct cdb_column *c)
{
	const struct cdb_schema *s = owner_of_table(r, t);
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

static void alter_column_head(struct cdb_buf *b, const struct cdb_table *t, const char *column)
{
	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, t);
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

/* Does any trigger op of the list touch a trigger called like `g`? Then the diff manages it. */
static bool trigger_has_op(const struct render *r, const struct cdb_trigger *g)
{
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_trigger *w = r->ops[i].from_trigger ? r->ops[i].from_trigger : r->ops[i].to_trigger;

		if (w && same(w->name, g->name) && same(w->table, g->table) && same_schema(w->schema, g->schema))
			return true;
	}
	return false;
}

/*
 * PostgreSQL refuses to change the type of a column that a trigger's WHEN
 * condition reads: such triggers of table `t` (as in the schema that holds
 * `t`) are dropped before the change (`drop`) and created again after it.
 */
static void when_triggers(const struct render *r, const struct cdb_table *t, const char *column, bool drop)
{
	const struct cdb_schema *s = owner_of_table(r, t);

	for (size_t i = 0; s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		if (!same(g->table, t->name) || !same_schema(g->schema, t->schema) || !g->definition ||
		    !strstr(g->definition, " WHEN ") || !strstr(g->definition, column) || trigger_has_op(r, g))
			continue;
		if (drop) {
			cdb_buf_puts(r->out, "DROP TRIGGER ");
			pg_quote_ident(r->out, g->name);
			cdb_buf_puts(r->out, " ON ");
			qtable(r->out, t);
			cdb_buf_puts(r->out, ";\n");
		} else {
			put_def(r->out, g->definition);
			cdb_buf_puts(r->out, ";\n");
		}
	}
}

static size_t label_waits(const struct render *r, size_t at, const char *def);

static int pg_render_alter_column(const struct render *r, const struct cdb_op *op)
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
		qtable(b, n);
		cdb_buf_puts(b, " DROP COLUMN ");
		pg_quote_ident(b, from->name);
		cdb_buf_puts(b, ";\nALTER TABLE ");
		qtable(b, n);
		cdb_buf_puts(b, " ADD COLUMN ");
		column_def_in(r, t, to);
		cdb_buf_puts(b, ";\n");
		return 0;
	}
	if ((op->alter & CDB_ALTER_IDENTITY) && from->identity && !to->identity) {
		alter_column_head(b, n, name);
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
			alter_column_head(b, n, name);
			cdb_buf_printf(b, "%s;\n", opts.ptr + 1);
		}
		cdb_buf_release(&opts);
	}
	if (from->default_expr && ((op->alter & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION)) || serial_changes ||
	                           ((op->alter & CDB_ALTER_DEFAULT) && !to->default_expr))) {
		alter_column_head(b, n, name);
		cdb_buf_puts(b, "DROP DEFAULT;\n");
		default_gone = true;
	}
	if (from->serial_seq && serial_changes)
		drop_sequence_if_exists(b, t->schema, from->serial_seq);
	if (op->alter & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION)) {
		const struct cdb_table *ft = op->from_table ? op->from_table : t;

		when_triggers(r, ft, from->name, true);
		alter_column_head(b, n, name);
		cdb_buf_printf(b, "TYPE %s", to->type);
		if (to->collation)
			cdb_buf_printf(b, " COLLATE %s", to->collation);
		if (op->alter & CDB_ALTER_TYPE) {
			cdb_buf_puts(b, " USING ");
			pg_quote_ident(b, name);
			cdb_buf_puts(b, "::");
			cast_type(b, to->type);
		}
		cdb_buf_puts(b, ";\n");
		when_triggers(r, ft, from->name, false);
	}
	if (to->serial_seq && serial_changes)
		serial_before(r, t, to);
	if (to->default_expr && !to->identity && !to->generated &&
	    (default_gone || ((op->alter & CDB_ALTER_DEFAULT) && !same(from->default_expr, to->default_expr)) ||
	     !from->default_expr)) {
		/* a default naming a label a later rebuild brings back is set by that rebuild */
		if ((default_gone || !same(from->default_expr, to->default_expr)) &&
		    label_waits(r, (size_t)(op - r->ops), to->default_expr) == r->nops) {
			alter_column_head(b, n, name);
			cdb_buf_printf(b, "SET DEFAULT %s;\n", to->default_expr);
		}
	}
	if (to->serial_seq && serial_changes) {
		owned_by(b, t->schema, to->serial_seq, n, name);
		sync_sequence(b, n, name);
	}
	if (from->notnull != to->notnull) {
		alter_column_head(b, n, name);
		cdb_buf_puts(b, to->notnull ? "SET NOT NULL;\n" : "DROP NOT NULL;\n");
	}
	if ((op->alter & CDB_ALTER_IDENTITY) && !from->identity && to->identity) {
		struct cdb_buf clause = CDB_BUF_INIT;

		identity_clause(&clause, identity_sequence(r, t, to), to->identity);
		alter_column_head(b, n, name);
		cdb_buf_printf(b, "ADD%s;\n", clause.ptr);
		cdb_buf_release(&clause);
		sync_sequence(b, n, name);
	}
	return 0;
}

/* ------------------------------------------------------------------ tables */

/* Does an ADD_CONSTRAINT op of this list add `k` to `t` (then CREATE TABLE leaves it out)? */
static bool constraint_added_later(const struct render *r, const struct cdb_table *t,
                                   const struct cdb_constraint *k)
{
	for (size_t i = 0; i < r->nops; i++)
		if (r->ops[i].kind == CDB_OP_ADD_CONSTRAINT && r->ops[i].to_table == t &&
		    (r->ops[i].to_constraint == k ||
		     (k->name && r->ops[i].to_constraint && same(r->ops[i].to_constraint->name, k->name))))
			return true;
	return false;
}

/*
 * Column `c` as created by the op at `at`: without a default that names a
 * label a later type rebuild brings back (that rebuild sets it).
 */
static void column_def_at(const struct render *r, size_t at, const struct cdb_table *t, const struct cdb_column *c)
{
	struct cdb_column bare = *c;

	if (label_waits(r, at, c->default_expr) < r->nops)
		bare.default_expr = NULL;
	column_def_in(r, t, &bare);
}

/* ------------------------------------------ table options and row-level security */

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
	qtable(b, t);
	cdb_buf_printf(b, " %s ROW LEVEL SECURITY;\n", what);
}

static void render_alter_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->table, *from = op->from_table, *to = op->to_table;
	bool first;

	/* WITHOUT ROWID / STRICT are SQLite's; nothing to do for them here */
	if (op->alter & CDB_ALTER_LOGGED) {
		cdb_buf_puts(b, "ALTER TABLE ");
		qtable(b, t);
		cdb_buf_puts(b, to->unlogged ? " SET UNLOGGED;\n" : " SET LOGGED;\n");
	}
	if (op->alter & CDB_ALTER_STORAGE) {
		first = true;
		for (size_t i = 0; i < from->noptions; i++) {
			if (option_find(to->options, to->noptions, from->options[i]))
				continue;
			if (first) {
				cdb_buf_puts(b, "ALTER TABLE ");
				qtable(b, t);
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
				qtable(b, t);
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

/* The command of a policy as a keyword; NULL for anything but the five the catalog has. */
static const char *policy_command(const char *cmd)
{
	static const char *const known[] = { "ALL", "SELECT", "INSERT", "UPDATE", "DELETE" };

	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (cmd && !strcmp(cmd, known[i]))
			return known[i];
	return NULL;
}

static void policy_roles(struct cdb_buf *b, const struct cdb_policy *p)
{
	cdb_buf_puts(b, " TO ");
	for (size_t i = 0; i < p->nroles; i++) {
		if (i)
			cdb_buf_puts(b, ", ");
		/* the pseudo-role; no role can be called "public" in any case */
		if (!strcmp(p->roles[i], "PUBLIC"))
			cdb_buf_puts(b, "PUBLIC");
		else
			pg_quote_ident(b, p->roles[i]);
	}
	if (!p->nroles)
		cdb_buf_puts(b, "PUBLIC");
}

/* An expression as pg_get_expr() printed it, replayed like the other printed definitions. */
static void policy_clause(struct cdb_buf *b, const char *keyword, const char *expr)
{
	if (!expr)
		return;
	cdb_buf_printf(b, "\n    %s (", keyword);
	cdb_buf_puts(b, expr);
	cdb_buf_putc(b, ')');
}

static bool roles_public(const struct cdb_policy *p)
{
	return p->nroles == 0 || (p->nroles == 1 && !strcmp(p->roles[0], "PUBLIC"));
}

static int render_policy(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->table;
	const struct cdb_policy *p = op->kind == CDB_OP_DROP_POLICY ? op->from_policy : op->to_policy;
	const char *cmd = policy_command(p->command);

	if (!cmd)
		return cdb_error_set(CDB_ERROR, "cannot render policy '%s' on '%s': unknown command '%s'",
		                     p->name, t->name, p->command ? p->command : "");
	switch (op->kind) {
	case CDB_OP_DROP_POLICY:
		if (op->implied)
			break; /* its DROP TABLE takes it */
		cdb_buf_puts(b, "DROP POLICY ");
		pg_quote_ident(b, p->name);
		cdb_buf_puts(b, " ON ");
		qtable(b, t);
		cdb_buf_puts(b, ";\n");
		break;
	case CDB_OP_CREATE_POLICY:
		cdb_buf_puts(b, "CREATE POLICY ");
		pg_quote_ident(b, p->name);
		cdb_buf_puts(b, " ON ");
		qtable(b, t);
		if (!p->permissive)
			cdb_buf_puts(b, " AS RESTRICTIVE");
		if (strcmp(cmd, "ALL") != 0)
			cdb_buf_printf(b, " FOR %s", cmd);
		if (!roles_public(p))
			policy_roles(b, p);
		policy_clause(b, "USING", p->using_expr);
		policy_clause(b, "WITH CHECK", p->check_expr);
		cdb_buf_puts(b, ";\n");
		break;
	default: /* CDB_OP_ALTER_POLICY */
		cdb_buf_puts(b, "ALTER POLICY ");
		pg_quote_ident(b, op->from_policy->name);
		cdb_buf_puts(b, " ON ");
		qtable(b, t);
		if (op->alter & CDB_ALTER_POLICY_ROLES)
			policy_roles(b, p);
		if (op->alter & CDB_ALTER_POLICY_USING)
			policy_clause(b, "USING", p->using_expr);
		if (op->alter & CDB_ALTER_POLICY_CHECK)
			policy_clause(b, "WITH CHECK", p->check_expr);
		cdb_buf_puts(b, ";\n");
		break;
	}
	return 0;
}

static void render_create_table(const struct render *r, size_t at, const struct cdb_table *t)
{
	struct cdb_buf *b = r->out;
	bool first = true, serial = false;

	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].serial_seq) {
			serial_before(r, t, &t->columns[i]);
			serial = true;
		}
	/*
	 * A serial's sequence is created before its table, so it would stay
	 * logged; SET UNLOGGED once it is owned makes it follow the table where
	 * the server has unlogged sequences (15 and later) and is the same
	 * thing elsewhere.
	 */
	cdb_buf_puts(b, t->unlogged && !serial ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ");
	qtable(b, t);
	if (t->parent) {
		cdb_buf_puts(b, " PARTITION OF ");
		pg_quote_qualified(b, t->parent_schema, t->parent);
	}
	cdb_buf_puts(b, " (");
	for (size_t i = 0; i < t->ncolumns; i++) {
		cdb_buf_puts(b, first ? "\n    " : ",\n    ");
		column_def_at(r, at, t, &t->columns[i]);
		first = false;
	}
	for (size_t i = 0; i < t->nconstraints; i++) {
		const struct cdb_constraint *k = &t->constraints[i];

		if (constraint_added_later(r, t, k) || label_waits(r, at, k->definition) < r->nops)
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
		if (t->columns[i].serial_seq)
			owned_by(b, t->schema, t->columns[i].serial_seq, t, t->columns[i].name);
	if (t->unlogged && serial) {
		cdb_buf_puts(b, "ALTER TABLE ");
		qtable(b, t);
		cdb_buf_puts(b, " SET UNLOGGED;\n");
	}
	if (t->rls)
		rls_statement(b, t, "ENABLE");
	if (t->rls_forced)
		rls_statement(b, t, "FORCE");
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
static void render_partition_bound(struct cdb_buf *b, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table, *tt = op->to_table;

	cdb_buf_puts(b, "ALTER TABLE ");
	pg_quote_qualified(b, ft->parent_schema, ft->parent);
	cdb_buf_puts(b, " DETACH PARTITION ");
	qtable(b, tt);
	cdb_buf_puts(b, ";\nALTER TABLE ");
	pg_quote_qualified(b, tt->parent_schema, tt->parent);
	cdb_buf_puts(b, " ATTACH PARTITION ");
	qtable(b, tt);
	cdb_buf_putc(b, ' ');
	cdb_buf_puts(b, tt->bound);
	cdb_buf_puts(b, ";\n");
}

/* --------------------------------------------------------------------- enums */

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

/* Does any view op of the list touch a view called like `v`? Then the diff manages it. */
static bool view_has_op(const struct render *r, const struct cdb_view *v)
{
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_view *w = r->ops[i].from_view ? r->ops[i].from_view : r->ops[i].to_view;

		if (w && same(w->name, v->name) && same_schema(w->schema, v->schema))
			return true;
	}
	return false;
}

static bool in_names(char **names, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], key) == 0)
			return true;
	return false;
}

/*
 * The views of schema `s` that read (directly or through other views) one
 * of the `n` relations in `names` ("schema.name") and that no op of the list
 * handles, in creation order. PostgreSQL refuses to change a column's type
 * under a view, so these are dropped around the change and created again.
 * Returns the count; `*out` is malloc'ed.
 */
static size_t views_reading(const struct render *r, const struct cdb_schema *s, char ***names, size_t *n,
                            const struct cdb_view ***out)
{
	const struct cdb_view **found = NULL;
	size_t nfound = 0, nsorted = 0;
	const struct cdb_view **sorted;
	bool grew = true;

	while (grew) {
		grew = false;
		for (size_t i = 0; s && i < s->nviews; i++) {
			const struct cdb_view *v = &s->views[i];
			char *key = xasprintf("%s.%s", v->schema ? v->schema : "public", v->name);
			bool hit = false;

			for (size_t d = 0; d < v->ndepends && !hit; d++)
				hit = in_names(*names, *n, v->depends[d]);
			if (hit && !in_names(*names, *n, key)) {
				*names = xrealloc(*names, (*n + 1) * sizeof **names);
				(*names)[(*n)++] = key;
				key = NULL;
				if (!view_has_op(r, v)) {
					found = xrealloc(found, (nfound + 1) * sizeof *found);
					found[nfound++] = v;
				}
				grew = true;
			}
			free(key);
		}
	}
	/* creation order: a view after the views it reads */
	sorted = xcalloc(nfound ? nfound : 1, sizeof *sorted);
	while (nsorted < nfound) {
		size_t before = nsorted;

		for (size_t i = 0; i < nfound; i++) {
			bool ready = true, done = false;

			for (size_t k = 0; k < nsorted; k++)
				done = done || sorted[k] == found[i];
			if (done)
				continue;
			for (size_t d = 0; d < found[i]->ndepends && ready; d++)
				for (size_t k = 0; k < nfound; k++) {
					char *key = xasprintf("%s.%s", found[k]->schema ? found[k]->schema : "public",
					                      found[k]->name);
					bool pending = k != i && strcmp(found[i]->depends[d], key) == 0;

					free(key);
					if (pending) {
						bool placed = false;

						for (size_t m = 0; m < nsorted; m++)
							placed = placed || sorted[m] == found[k];
						if (!placed)
							ready = false;
					}
				}
			if (ready)
				sorted[nsorted++] = found[i];
		}
		if (nsorted == before) /* a cycle cannot happen between views; keep the rest as they are */
			for (size_t i = 0; i < nfound; i++) {
				bool placed = false;

				for (size_t m = 0; m < nsorted; m++)
					placed = placed || sorted[m] == found[i];
				if (!placed)
					sorted[nsorted++] = found[i];
			}
	}
	free(found);
	*out = sorted;
	return nsorted;
}

/* Does SQL text `def` name the type `type` (as a whole word)? */
static bool mentions_type(const char *def, const char *type)
{
	size_t n = strlen(type);

	for (const char *p = def ? strstr(def, type) : NULL; p; p = strstr(p + 1, type)) {
		char before = p > def ? p[-1] : ' ', after = p[n];
		bool word_before = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') ||
		                   before == '_' || before == '.' || before == '"';
		bool word_after = (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9') || after == '_';

		if (!word_before && !word_after)
			return true;
	}
	return false;
}

/* Is there a DROP op for this constraint (or index) after position `at` of the list? */
static bool dropped_later(const struct render *r, size_t at, const struct cdb_table *t,
                          const struct cdb_constraint *k, const struct cdb_index *x)
{
	for (size_t i = at + 1; i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (k && op->kind == CDB_OP_DROP_CONSTRAINT && op->from_constraint && op->from_table &&
		    same(op->from_constraint->name, k->name) && same(op->from_table->name, t->name) &&
		    same_schema(op->from_table->schema, t->schema))
			return true;
		if (x && op->kind == CDB_OP_DROP_INDEX && op->from_index && same(op->from_index->name, x->name) &&
		    same_schema(op->from_index->schema, x->schema))
			return true;
	}
	return false;
}

/*
 * Did an enum rebuild before position `at` already drop this definition
 * (it names the rebuilt type, and was left out because it is dropped later)?
 */
static bool dropped_by_rebuild(const struct render *r, size_t at, const char *definition)
{
	for (size_t i = 0; i < at && i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		struct cdb_buf tn = CDB_BUF_INIT;
		bool hit;

		if (op->kind == CDB_OP_REBUILD_ENUM && op->from_enum)
			enum_type_name(&tn, op->from_enum->schema, op->from_enum->name);
		else if (op->kind == CDB_OP_REBUILD_DOMAIN)
			enum_type_name(&tn, op->from_domain->schema, op->from_domain->name);
		else
			continue;
		hit = mentions_type(definition, tn.ptr);
		cdb_buf_release(&tn);
		if (hit)
			return true;
	}
	return false;
}

static void drop_view(struct cdb_buf *b, const struct cdb_view *v);
static void create_domain(struct cdb_buf *b, const struct cdb_domain *d);
static void create_view(struct cdb_buf *b, const struct cdb_view *v, bool replace);
static void recreate_view_indexes(const struct render *r, const struct cdb_view *v);

/* Does SQL text `def` hold the constant 'label'::type? */
static bool uses_label(const char *def, const char *type, const char *label)
{
	struct cdb_buf lit = CDB_BUF_INIT;
	bool hit;

	if (!def)
		return false;
	pg_quote_literal(&lit, label);
	cdb_buf_printf(&lit, "::%s", type);
	hit = strstr(def, lit.ptr) != NULL;
	cdb_buf_release(&lit);
	return hit;
}

static bool table_uses_label(const struct cdb_table *t, const char *type, const char *label)
{
	for (size_t c = 0; t && c < t->ncolumns; c++)
		if (uses_label(t->columns[c].default_expr, type, label))
			return true;
	for (size_t c = 0; t && c < t->nconstraints; c++)
		if (uses_label(t->constraints[c].definition, type, label))
			return true;
	return false;
}

/*
 * Index of the first REBUILD_ENUM op after `at` that gives its type back a
 * label which SQL text `def` uses ('label'::type); r->nops when there is
 * none. In a downgrade the constraints, index predicates and defaults of
 * the old schema come back (step 3 reversed) before the type regains the
 * labels they name (step 2 reversed): they wait for that rebuild, which
 * adds them after creating the type.
 */
static size_t label_waits(const struct render *r, size_t at, const char *def)
{
	for (size_t i = at + 1; def && i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		struct cdb_buf tn = CDB_BUF_INIT;
		bool hit = false;

		if (op->kind != CDB_OP_REBUILD_ENUM || !op->from_enum || !op->to_enum)
			continue;
		enum_type_name(&tn, op->to_enum->schema, op->to_enum->name);
		for (size_t k = 0; k < op->to_enum->nlabels && !hit; k++) {
			bool had = false;

			for (size_t j = 0; j < op->from_enum->nlabels && !had; j++)
				had = strcmp(op->from_enum->labels[j], op->to_enum->labels[k]) == 0;
			hit = !had && uses_label(def, tn.ptr, op->to_enum->labels[k]);
		}
		cdb_buf_release(&tn);
		if (hit)
			return i;
	}
	return r->nops;
}

/* Was the constraint or index (as in diff->from) left to the rebuild at `at` by an op before it? */
static bool waits_for(const struct render *r, size_t at, const struct cdb_constraint *k, const struct cdb_index *x)
{
	for (size_t i = 0; i < at; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (k && op->kind == CDB_OP_ADD_CONSTRAINT && op->to_constraint == k &&
		    label_waits(r, i, k->definition) == at)
			return true;
		if (x && op->kind == CDB_OP_CREATE_INDEX && op->to_index == x && label_waits(r, i, x->definition) == at)
			return true;
		for (size_t n = 0; k && op->kind == CDB_OP_CREATE_TABLE && n < op->to_table->nconstraints; n++)
			if (&op->to_table->constraints[n] == k && label_waits(r, i, k->definition) == at)
				return true;
	}
	return false;
}

/* Does `def` use a label of enum op `from` that `to` no longer has? */
static bool uses_dropped_label(const char *def, const char *type, const struct cdb_enum *from,
                               const struct cdb_enum *to)
{
	for (size_t i = 0; def && i < from->nlabels; i++) {
		bool kept = false;

		for (size_t k = 0; k < to->nlabels && !kept; k++)
			kept = strcmp(from->labels[i], to->labels[k]) == 0;
		if (!kept && uses_label(def, type, from->labels[i]))
			return true;
	}
	return false;
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

static bool mentions_rebuilt(const char *def, const struct rebuilt *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (mentions_type(def, t[i].tname.ptr))
			return true;
	return false;
}

/*
 * The types rebuild op `op` replaces: its own type first, then the domains
 * over it and over those, as the database has them at the rebuild (the
 * same in either list). Free with rebuilt_free().
 */
static struct rebuilt *rebuilt_types(const struct render *r, const struct cdb_op *op, size_t *n)
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
	enum_type_name(&types[0].tname, types[0].schema, types[0].name);
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
				enum_type_name(&d->tname, d->schema, d->name);
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

static void rebuilt_free(struct rebuilt *types, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(types[i].old);
		cdb_buf_release(&types[i].tname);
		cdb_buf_release(&types[i].tarr);
	}
	free(types);
}

static int enum_add_needs_rebuild(const struct render *r, size_t at);

/*
 * Did a rebuild before position `at` drop function `f` (its definition
 * names a rebuilt type)? It did not create it again when a later op drops
 * it, so that op has nothing left to do.
 */
static bool function_dropped_by_rebuild(const struct render *r, size_t at, const struct cdb_function *f)
{
	bool hit = false;

	for (size_t i = 0; i < at && i < r->nops && !hit; i++) {
		struct rebuilt *types;
		size_t n;

		if (r->ops[i].kind != CDB_OP_REBUILD_ENUM && r->ops[i].kind != CDB_OP_REBUILD_DOMAIN &&
		    !(r->ops[i].kind == CDB_OP_ADD_ENUM_VALUE && enum_add_needs_rebuild(r, i) == 1))
			continue;
		types = rebuilt_types(r, &r->ops[i], &n);
		hit = mentions_rebuilt(f->definition, types, n);
		rebuilt_free(types, n);
	}
	return hit;
}

/*
 * Was function `f` (as in the database's schema) left to the rebuild at
 * `at` by a CREATE_FUNCTION before it (its body names a label the rebuild
 * brings back)? Then it does not exist yet.
 */
static bool function_waits(const struct render *r, size_t at, const struct cdb_function *f)
{
	for (size_t i = 0; i < at; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (op->kind == CDB_OP_CREATE_FUNCTION && same(op->to_function->name, f->name) &&
		    same_schema(op->to_function->schema, f->schema) && same(op->to_function->args, f->args) &&
		    label_waits(r, i, op->to_function->definition) == at)
			return true;
	}
	return false;
}

/* "FUNCTION name(args)" or "PROCEDURE name(args)", as DROP and COMMENT ON take it. */
static void function_ref(struct cdb_buf *b, const struct cdb_function *f)
{
	cdb_buf_puts(b, same(f->kind, "procedure") ? "PROCEDURE " : "FUNCTION ");
	pg_quote_qualified(b, f->schema, f->name);
	cdb_buf_printf(b, "(%s)", f->args ? f->args : "");
}

/*
 * The definition function `f` (as the database has it at position `at`)
 * should have once the rebuild there is done: a later op of the list that
 * creates or replaces it gives its own (the old body may name a label that
 * goes); NULL when a later op drops it.
 */
static const char *function_after(const struct render *r, size_t at, const struct cdb_function *f)
{
	for (size_t i = at + 1; i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		const struct cdb_function *g = op->from_function ? op->from_function : op->to_function;

		if (!g || !same(g->name, f->name) || !same_schema(g->schema, f->schema) || !same(g->args, f->args))
			continue;
		if (op->kind == CDB_OP_DROP_FUNCTION)
			return NULL;
		if (op->kind == CDB_OP_CREATE_FUNCTION || op->kind == CDB_OP_REPLACE_FUNCTION)
			return op->to_function->definition;
	}
	return f->definition;
}

/* Does trigger definition `def` (pg_get_triggerdef) run function `f`? */
static bool trigger_runs(const char *def, const struct cdb_function *f)
{
	struct cdb_buf call = CDB_BUF_INIT;
	bool hit;

	cdb_buf_puts(&call, "EXECUTE FUNCTION ");
	enum_type_name(&call, f->schema, f->name);
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
		fn[i] = fn[i] || mentions_rebuilt(s->functions[i].definition, t, n);
	for (size_t i = 0; drop && s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		for (size_t k = 0; k < s->nfunctions; k++)
			if (fn[k] && trigger_runs(g->definition, &s->functions[k]) && !trigger_has_op(r, g)) {
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
		const char *def = function_after(r, at, f);

		if (!fn[i])
			continue;
		if (drop) {
			if (function_waits(r, at, f))
				continue;
			cdb_buf_puts(b, "DROP ");
			function_ref(b, f);
			cdb_buf_puts(b, ";\n");
		} else if (def) {
			put_def(b, def);
			cdb_buf_puts(b, ";\n");
			/* the comment went with the dropped function; a later op sets a changed one */
			if (f->comment) {
				cdb_buf_puts(b, "COMMENT ON ");
				function_ref(b, f);
				cdb_buf_puts(b, " IS ");
				pg_quote_literal(b, f->comment);
				cdb_buf_puts(b, ";\n");
			}
		}
	}
	for (size_t i = 0; !drop && s && i < s->ntriggers; i++) {
		const struct cdb_trigger *g = &s->triggers[i];

		for (size_t k = 0; k < s->nfunctions; k++)
			if (fn[k] && function_after(r, at, &s->functions[k]) &&
			    trigger_runs(g->definition, &s->functions[k]) && !trigger_has_op(r, g)) {
				put_def(b, g->definition);
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

/*
 * A type that columns use and that cannot be changed in place (an enum
 * losing or reordering labels, a domain changing base type or collation):
 * rename the old type, create the new one, convert every column of every
 * table through the base type (text for an enum), restore the defaults,
 * drop the old type. The domains over a rebuilt type are rebuilt with it
 * (the old type cannot be dropped while a domain is over it), and the
 * functions that name any of these types are created again around it.
 */
static void render_rebuild_type(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	bool domain = op->kind == CDB_OP_REBUILD_DOMAIN;
	const struct cdb_schema *s = r->diff->from;
	struct rebuilt *types;
	size_t ntypes;
	char **names = NULL;
	size_t nnames = 0, nviews;
	const struct cdb_view **views = NULL;
	size_t at = (size_t)(op - r->ops);
	bool *fn = xcalloc(s && s->nfunctions ? s->nfunctions : 1, sizeof *fn);

	types = rebuilt_types(r, op, &ntypes);

	/* The columns are as in the database's schema at this point of either list (see diff.h order). */
	/* the tables with a column of these types, then the views reading them */
	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++) {
			bool arr = false;

			if (rebuilt_index(types, ntypes, s->tables[i].columns[k].type, &arr) < ntypes) {
				names = xrealloc(names, (nnames + 1) * sizeof *names);
				names[nnames++] = xasprintf("%s.%s", s->tables[i].schema ? s->tables[i].schema : "public",
				                            s->tables[i].name);
				break;
			}
		}
	nviews = views_reading(r, s, &names, &nnames, &views);
	for (size_t i = nviews; i-- > 0;)
		drop_view(b, views[i]);
	/*
	 * Index predicates and CHECK expressions that compare with a constant
	 * of the type hold the old type's operators: they go before the columns
	 * change and come back, reparsed against the new type, afterwards.
	 * Those an earlier op left to this rebuild do not exist yet.
	 */
	for (size_t i = 0; s && i < s->nindexes; i++)
		if (mentions_rebuilt(s->indexes[i].definition, types, ntypes) && !waits_for(r, at, NULL, &s->indexes[i])) {
			cdb_buf_puts(b, "DROP INDEX ");
			pg_quote_qualified(b, s->indexes[i].schema, s->indexes[i].name);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].nconstraints; k++) {
			const struct cdb_constraint *c = &s->tables[i].constraints[k];

			if ((c->kind == CDB_CON_CHECK || c->kind == CDB_CON_EXCLUDE) && c->name &&
			    mentions_rebuilt(c->definition, types, ntypes) && !waits_for(r, at, c, NULL)) {
				cdb_buf_puts(b, "ALTER TABLE ");
				qtable(b, &s->tables[i]);
				cdb_buf_puts(b, " DROP CONSTRAINT ");
				pg_quote_ident(b, c->name);
				cdb_buf_puts(b, ";\n");
			}
		}
	/* before the renames: an argument list names the type as it is now */
	functions_around(r, at, types, ntypes, fn, true);
	for (size_t i = 0; i < ntypes; i++) {
		cdb_buf_puts(b, types[i].domain ? "ALTER DOMAIN " : "ALTER TYPE ");
		pg_quote_qualified(b, types[i].schema, types[i].name);
		cdb_buf_puts(b, " RENAME TO ");
		pg_quote_ident(b, types[i].old);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t i = 0; i < ntypes; i++) {
		/* the comment stayed with the old type */
		const char *comment = i ? types[i].dom->comment : domain ? op->to_domain->comment : op->to_enum->comment;

		if (types[i].domain) {
			create_domain(b, types[i].dom);
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
	for (size_t i = 0; s && i < s->ntables; i++) {
		const struct cdb_table *t = &s->tables[i];

		for (size_t k = 0; k < t->ncolumns; k++) {
			const struct cdb_column *c = &t->columns[k];
			bool arr = false;
			size_t ti = rebuilt_index(types, ntypes, c->type, &arr);
			/* a default naming a label that goes is replaced by a later op of the list */
			bool keep_default = c->default_expr &&
			                    (domain || !uses_dropped_label(c->default_expr, types[0].tname.ptr, op->from_enum,
			                                                   op->to_enum));

			if (ti == ntypes)
				continue;
			if (c->default_expr) {
				alter_column_head(b, t, c->name);
				cdb_buf_puts(b, "DROP DEFAULT;\n");
			}
			when_triggers(r, t, c->name, true);
			alter_column_head(b, t, c->name);
			cdb_buf_printf(b, "TYPE %s", c->type);
			if (c->collation)
				cdb_buf_printf(b, " COLLATE %s", c->collation);
			if (types[ti].cast) {
				cdb_buf_puts(b, " USING ");
				pg_quote_ident(b, c->name);
				cdb_buf_puts(b, "::");
				cast_type(b, types[ti].via);
				if (arr)
					cdb_buf_puts(b, "[]");
				/*
				 * Text becomes an enum only by an explicit cast; the new
				 * base type of a domain becomes the domain by assignment,
				 * which keeps the length check of its base type.
				 */
				if (!domain)
					cdb_buf_printf(b, "::%s", c->type);
			}
			cdb_buf_puts(b, ";\n");
			when_triggers(r, t, c->name, false);
			if (keep_default) {
				alter_column_head(b, t, c->name);
				cdb_buf_printf(b, "SET DEFAULT %s;\n", c->default_expr);
			}
		}
	}
	/* the domains over an old type before that type */
	for (size_t i = ntypes; i-- > 0;) {
		cdb_buf_puts(b, types[i].domain ? "DROP DOMAIN " : "DROP TYPE ");
		pg_quote_qualified(b, types[i].schema, types[i].old);
		cdb_buf_puts(b, ";\n");
	}
	functions_around(r, at, types, ntypes, fn, false);
	for (size_t i = 0; s && i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].nconstraints; k++) {
			const struct cdb_constraint *c = &s->tables[i].constraints[k];

			/*
			 * One the list drops later anyway stays dropped; one that names
			 * a label that goes is dropped later with its column or table.
			 */
			if ((c->kind == CDB_CON_CHECK || c->kind == CDB_CON_EXCLUDE) && c->name &&
			    mentions_rebuilt(c->definition, types, ntypes) && !dropped_later(r, at, &s->tables[i], c, NULL) &&
			    (domain || !uses_dropped_label(c->definition, types[0].tname.ptr, op->from_enum, op->to_enum))) {
				cdb_buf_puts(b, "ALTER TABLE ");
				qtable(b, &s->tables[i]);
				cdb_buf_puts(b, " ADD CONSTRAINT ");
				pg_quote_ident(b, c->name);
				cdb_buf_printf(b, " %s;\n", c->definition);
			}
		}
	for (size_t i = 0; s && i < s->nindexes; i++)
		if (mentions_rebuilt(s->indexes[i].definition, types, ntypes) &&
		    !dropped_later(r, at, NULL, NULL, &s->indexes[i]) &&
		    (domain ||
		     !uses_dropped_label(s->indexes[i].definition, types[0].tname.ptr, op->from_enum, op->to_enum))) {
			put_def(b, s->indexes[i].definition);
			cdb_buf_puts(b, ";\n");
		}
	for (size_t i = 0; i < nviews; i++) {
		create_view(b, views[i], false);
		if (views[i]->materialized)
			recreate_view_indexes(r, views[i]);
	}
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(views);
	rebuilt_free(types, ntypes);
	free(fn);
}

/*
 * A label added with ALTER TYPE ... ADD VALUE cannot be used before the
 * transaction commits. When a later op of the list uses one of the labels
 * added to this type, the type is rebuilt instead (a type created in the
 * transaction may be used at once): 1 for the type's first ADD_ENUM_VALUE op,
 * which renders the rebuild, 2 for the others, 0 when ADD VALUE is fine.
 */
static int enum_add_needs_rebuild(const struct render *r, size_t at)
{
	const struct cdb_op *me = &r->ops[at];
	const struct cdb_enum *e = me->to_enum;
	struct cdb_buf tn = CDB_BUF_INIT;
	bool used = false;
	size_t first = at;

	if (!e || !me->from_enum)
		return 0;
	enum_type_name(&tn, e->schema, e->name);
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_op *a = &r->ops[i];

		if (a->kind != CDB_OP_ADD_ENUM_VALUE || !a->to_enum || !same(a->to_enum->name, e->name) ||
		    !same_schema(a->to_enum->schema, e->schema))
			continue;
		if (i < first)
			first = i;
		for (size_t k = i + 1; k < r->nops && !used; k++) {
			const struct cdb_op *o = &r->ops[k];

			used = (o->to_column && uses_label(o->to_column->default_expr, tn.ptr, a->label)) ||
			       (o->kind == CDB_OP_CREATE_TABLE && table_uses_label(o->to_table, tn.ptr, a->label)) ||
			       (o->to_constraint && uses_label(o->to_constraint->definition, tn.ptr, a->label)) ||
			       (o->to_index && uses_label(o->to_index->definition, tn.ptr, a->label)) ||
			       (o->to_view && uses_label(o->to_view->definition, tn.ptr, a->label)) ||
			       (o->to_trigger && uses_label(o->to_trigger->definition, tn.ptr, a->label)) ||
			       (o->to_function && uses_label(o->to_function->definition, tn.ptr, a->label));
		}
	}
	cdb_buf_release(&tn);
	if (!used)
		return 0;
	return first == at ? 1 : 2;
}

/* ----------------------------------------------------------------- comments */

static void render_comment(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_table *t = op->table;

	cdb_buf_puts(b, "COMMENT ON ");
	switch (op->comment_on) {
	case CDB_COMMENT_TABLE:
		cdb_buf_puts(b, "TABLE ");
		qtable(b, t);
		break;
	case CDB_COMMENT_COLUMN:
		cdb_buf_puts(b, "COLUMN ");
		qtable(b, t);
		cdb_buf_putc(b, '.');
		pg_quote_ident(b, (op->to_column ? op->to_column : op->from_column)->name);
		break;
	case CDB_COMMENT_CONSTRAINT:
		cdb_buf_puts(b, "CONSTRAINT ");
		pg_quote_ident(b, (op->to_constraint ? op->to_constraint : op->from_constraint)->name);
		cdb_buf_puts(b, " ON ");
		qtable(b, t);
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

		cdb_buf_puts(b, same(f->kind, "procedure") ? "PROCEDURE " : "FUNCTION ");
		pg_quote_qualified(b, f->schema, f->name);
		cdb_buf_printf(b, "(%s)", f->args ? f->args : "");
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
}

/* ------------------------------------------------------------------ domains */

static void create_domain(struct cdb_buf *b, const struct cdb_domain *d)
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
static void alter_domain(struct cdb_buf *b, const struct cdb_op *op)
{
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
		return;
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
}

/* ---------------------------------------------------------------------- ops */

static bool view_columns_extend(const struct cdb_view *from, const struct cdb_view *to)
{
	if (from->ncolumns > to->ncolumns)
		return false;
	for (size_t i = 0; i < from->ncolumns; i++)
		if (strcmp(from->columns[i], to->columns[i]) != 0)
			return false;
	return true;
}

static void drop_view(struct cdb_buf *b, const struct cdb_view *v)
{
	cdb_buf_puts(b, v->materialized ? "DROP MATERIALIZED VIEW " : "DROP VIEW ");
	pg_quote_qualified(b, v->schema, v->name);
	cdb_buf_puts(b, ";\n");
}

static void create_view(struct cdb_buf *b, const struct cdb_view *v, bool replace)
{
	cdb_buf_puts(b, v->materialized ? "CREATE MATERIALIZED VIEW " : replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
	pg_quote_qualified(b, v->schema, v->name);
	cdb_buf_puts(b, " AS\n");
	put_def(b, v->definition);
	cdb_buf_puts(b, ";\n");
}

/* The schema (diff->from or diff->to) that holds the view `v`. */
static const struct cdb_schema *owner_of_view(const struct render *r, const struct cdb_view *v)
{
	const struct cdb_schema *sides[2] = { r->diff->to, r->diff->from };

	for (int s = 0; s < 2; s++)
		if (sides[s] && sides[s]->nviews && v >= sides[s]->views && v < sides[s]->views + sides[s]->nviews)
			return sides[s];
	return NULL;
}

/*
 * Dropping a materialized view dropped its indexes: build again those the
 * list does not create itself.
 */
static void recreate_view_indexes(const struct render *r, const struct cdb_view *v)
{
	const struct cdb_schema *s = owner_of_view(r, v);

	for (size_t i = 0; s && i < s->nindexes; i++) {
		const struct cdb_index *x = &s->indexes[i];
		bool created = false;

		if (!same(x->table, v->name) || !same_schema(x->schema, v->schema))
			continue;
		for (size_t k = 0; k < r->nops && !created; k++)
			if (r->ops[k].kind == CDB_OP_CREATE_INDEX && r->ops[k].to_index &&
			    same(r->ops[k].to_index->name, x->name) && same_schema(r->ops[k].to_index->schema, x->schema))
				created = true;
		if (!created) {
			put_def(r->out, x->definition);
			cdb_buf_puts(r->out, ";\n");
		}
	}
}

/* ------------------------------------- collations, range and composite types */

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
 * models'), so a user on either side stops it.
 */
static int refuse_in_use(const struct render *r, bool collation, const char *what, const char *schema,
                         const char *name, const char *hint);

/* The same for type schema.name, reported as `what` shown_schema.shown. */
static int refuse_in_use_as(const struct render *r, const char *schema, const char *name, const char *what,
                            const char *shown_schema, const char *shown, const char *hint)
{
	struct cdb_buf user = CDB_BUF_INIT;
	int rc = 0;

	if (type_user(&user, r->diff->from, schema, name) || type_user(&user, r->diff->to, schema, name)) {
		rc = cdb_error_set(CDB_EINVALID, "cannot change %s '%s%s%s' in place: %s uses it", what,
		                   shown_schema ? shown_schema : "", shown_schema ? "." : "", shown, user.ptr);
		cdb_error_hint("%s", hint);
	}
	cdb_buf_release(&user);
	return rc;
}

static int refuse_in_use(const struct render *r, bool collation, const char *what, const char *schema,
                         const char *name, const char *hint)
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
		                   schema ? schema : "", schema ? "." : "", name, user.ptr);
		cdb_error_hint("%s", hint);
	}
	cdb_buf_release(&user);
	return rc;
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
static int pg_render_alter_composite(const struct render *r, const struct cdb_op *op)
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

/* ------------------------------------------------------ one function per op kind */

/*
 * Each renders one op of the list being rendered (r->ops) at the end of
 * r->out and returns 0, or a negative CDB_E* code with the error set. One
 * that has nothing to write (another op's statements do its work) writes
 * nothing.
 */
typedef int pg_render_fn(const struct render *r, const struct cdb_op *op);

static int pg_render_create_table(const struct render *r, const struct cdb_op *op)
{
	render_create_table(r, (size_t)(op - r->ops), op->to_table);
	return 0;
}

static int pg_render_drop_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "DROP TABLE ");
	qtable(b, op->from_table);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_rename_table(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, op->from_table);
	cdb_buf_puts(b, " RENAME TO ");
	pg_quote_ident(b, op->to_table->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_alter_table(const struct render *r, const struct cdb_op *op)
{
	if (op->alter & CDB_ALTER_PARTITIONING)
		return refuse_partitioning(op);
	if (op->alter & CDB_ALTER_PARTITION_BOUND)
		render_partition_bound(r->out, op);
	render_alter_table(r, op);
	return 0;
}

static int pg_render_add_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	/* t: the definition (for look-ups in its schema); n: the name it has now */
	const struct cdb_table *t = op->to_table ? op->to_table : op->from_table, *n = op->table;

	if (op->to_column->serial_seq)
		serial_before(r, t, op->to_column);
	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, n);
	cdb_buf_puts(b, " ADD COLUMN ");
	column_def_at(r, (size_t)(op - r->ops), t, op->to_column);
	cdb_buf_puts(b, ";\n");
	if (op->to_column->serial_seq)
		owned_by(b, t->schema, op->to_column->serial_seq, n, op->to_column->name);
	return 0;
}

static int pg_render_drop_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, op->table);
	cdb_buf_puts(b, " DROP COLUMN ");
	pg_quote_ident(b, op->from_column->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_rename_column(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, op->table);
	cdb_buf_puts(b, " RENAME COLUMN ");
	pg_quote_ident(b, op->from_column->name);
	cdb_buf_puts(b, " TO ");
	pg_quote_ident(b, op->to_column->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_add_constraint(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	if (label_waits(r, (size_t)(op - r->ops), op->to_constraint->definition) < r->nops)
		return 0; /* added by the type rebuild that brings its label back */
	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, op->table);
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

static int pg_render_drop_constraint(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "ALTER TABLE ");
	qtable(b, op->table);
	cdb_buf_puts(b, dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_constraint->definition)
	                    ? " DROP CONSTRAINT IF EXISTS "
	                    : " DROP CONSTRAINT ");
	pg_quote_ident(b, op->from_constraint->name ? op->from_constraint->name : "");
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_create_index(const struct render *r, const struct cdb_op *op)
{
	if (label_waits(r, (size_t)(op - r->ops), op->to_index->definition) < r->nops)
		return 0; /* created by the type rebuild that brings its label back */
	put_def(r->out, op->to_index->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_drop_index(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	/* an index on a materialized view goes with the view, which may be gone already */
	cdb_buf_puts(b, (op->from_table || op->to_table) &&
	                        !dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_index->definition)
	                    ? "DROP INDEX "
	                    : "DROP INDEX IF EXISTS ");
	pg_quote_qualified(b, op->from_index->schema, op->from_index->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_create_view(const struct render *r, const struct cdb_op *op)
{
	create_view(r->out, op->to_view, false);
	return 0;
}

static int pg_render_drop_view(const struct render *r, const struct cdb_op *op)
{
	drop_view(r->out, op->from_view);
	return 0;
}

static int pg_render_replace_view(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	if (!op->from_view->materialized && !op->to_view->materialized &&
	    view_columns_extend(op->from_view, op->to_view)) {
		create_view(b, op->to_view, true);
	} else {
		drop_view(b, op->from_view);
		create_view(b, op->to_view, false);
		if (op->to_view->materialized)
			recreate_view_indexes(r, op->to_view);
	}
	return 0;
}

static int pg_render_create_trigger(const struct render *r, const struct cdb_op *op)
{
	put_def(r->out, op->to_trigger->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_drop_trigger(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "DROP TRIGGER ");
	pg_quote_ident(b, op->from_trigger->name);
	cdb_buf_puts(b, " ON ");
	pg_quote_qualified(b, op->from_trigger->schema, op->from_trigger->table);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_create_namespace(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "CREATE SCHEMA ");
	pg_quote_ident(r->out, op->to_namespace->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_drop_namespace(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP SCHEMA ");
	pg_quote_ident(r->out, op->from_namespace->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_create_extension(const struct render *r, const struct cdb_op *op)
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

static int pg_render_drop_extension(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP EXTENSION ");
	pg_quote_ident(r->out, op->from_extension->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_alter_extension(const struct render *r, const struct cdb_op *op)
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

static int pg_render_create_enum(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	cdb_buf_puts(b, "CREATE TYPE ");
	pg_quote_qualified(b, op->to_enum->schema, op->to_enum->name);
	enum_labels(b, op->to_enum);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_drop_enum(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP TYPE ");
	pg_quote_qualified(r->out, op->from_enum->schema, op->from_enum->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_add_enum_value(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_enum *e = op->to_enum ? op->to_enum : op->from_enum;
	int use = enum_add_needs_rebuild(r, (size_t)(op - r->ops));

	if (use == 1) {
		render_rebuild_type(r, op);
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

static int pg_render_rebuild_enum(const struct render *r, const struct cdb_op *op)
{
	render_rebuild_type(r, op);
	return 0;
}

/* "ALTER SEQUENCE s OWNED BY t.c", or OWNED BY NONE when `q` has no owner (`none`). */
static void sequence_owner(struct cdb_buf *b, const struct cdb_sequence *q, bool none)
{
	char *schema, *table, *column;

	if (!(q->owned_by && split_owner(q->owned_by, q->schema, &schema, &table, &column))) {
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

static int pg_render_create_sequence(const struct render *r, const struct cdb_op *op)
{
	if (owner_rendered_here(r, op->to_sequence))
		return 0; /* created with the column that owns it */
	create_sequence(r->out, op->to_sequence);
	sequence_owner(r->out, op->to_sequence, false);
	return 0;
}

static int pg_render_drop_sequence(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;

	/* an owned sequence went with its column or table */
	cdb_buf_puts(b, op->from_sequence->owned_by ? "DROP SEQUENCE IF EXISTS " : "DROP SEQUENCE ");
	pg_quote_qualified(b, op->from_sequence->schema, op->from_sequence->name);
	cdb_buf_puts(b, ";\n");
	return 0;
}

static int pg_render_alter_sequence(const struct render *r, const struct cdb_op *op)
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

/* CREATE_FUNCTION and REPLACE_FUNCTION: the definition is CREATE OR REPLACE. */
static int create_function(const struct render *r, const struct cdb_op *op)
{
	/* a body naming a label a later rebuild brings back is created by that rebuild */
	if (label_waits(r, (size_t)(op - r->ops), op->to_function->definition) < r->nops)
		return 0;
	/* a rebuild before this op created it again already, with this definition */
	if (op->kind == CDB_OP_REPLACE_FUNCTION &&
	    function_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_function))
		return 0;
	put_def(r->out, op->to_function->definition);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_create_function(const struct render *r, const struct cdb_op *op)
{
	return create_function(r, op);
}

static int pg_render_replace_function(const struct render *r, const struct cdb_op *op)
{
	return create_function(r, op);
}

static int pg_render_drop_function(const struct render *r, const struct cdb_op *op)
{
	if (function_dropped_by_rebuild(r, (size_t)(op - r->ops), op->from_function))
		return 0;
	cdb_buf_puts(r->out, "DROP ");
	function_ref(r->out, op->from_function);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_set_comment(const struct render *r, const struct cdb_op *op)
{
	render_comment(r, op);
	return 0;
}

static int pg_render_create_domain(const struct render *r, const struct cdb_op *op)
{
	create_domain(r->out, op->to_domain);
	return 0;
}

static int pg_render_drop_domain(const struct render *r, const struct cdb_op *op)
{
	cdb_buf_puts(r->out, "DROP DOMAIN ");
	pg_quote_qualified(r->out, op->from_domain->schema, op->from_domain->name);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

static int pg_render_alter_domain(const struct render *r, const struct cdb_op *op)
{
	alter_domain(r->out, op);
	return 0;
}

static int pg_render_rebuild_domain(const struct render *r, const struct cdb_op *op)
{
	render_rebuild_type(r, op);
	return 0;
}

static int pg_render_create_policy(const struct render *r, const struct cdb_op *op)
{
	return render_policy(r, op);
}

static int pg_render_drop_policy(const struct render *r, const struct cdb_op *op)
{
	return render_policy(r, op);
}

static int pg_render_alter_policy(const struct render *r, const struct cdb_op *op)
{
	return render_policy(r, op);
}

static int pg_render_create_collation(const struct render *r, const struct cdb_op *op)
{
	create_collation(r->out, op->to_collation);
	return 0;
}

static int pg_render_drop_collation(const struct render *r, const struct cdb_op *op)
{
	drop_collation(r->out, op->from_collation);
	return 0;
}

static int pg_render_replace_collation(const struct render *r, const struct cdb_op *op)
{
	int rc = refuse_in_use(r, true, "collation", op->to_collation->schema, op->to_collation->name,
	                       "create a collation under a new name, move its users to it, then drop the old one");

	if (rc)
		return rc;
	drop_collation(r->out, op->from_collation);
	create_collation(r->out, op->to_collation);
	return 0;
}

static int pg_render_create_range(const struct render *r, const struct cdb_op *op)
{
	create_range(r->out, op->to_range);
	return 0;
}

static int pg_render_drop_range(const struct render *r, const struct cdb_op *op)
{
	drop_type(r->out, op->from_range->schema, op->from_range->name);
	return 0;
}

static int pg_render_replace_range(const struct render *r, const struct cdb_op *op)
{
	const char *hint = "create a range type under a new name, move its users to it, then drop the old one";
	int rc = refuse_in_use(r, false, "range type", op->to_range->schema, op->to_range->name, hint);

	/* its multirange goes with it (named by the range in the message) */
	if (!rc && op->from_range->multirange)
		rc = refuse_in_use_as(r, op->from_range->multirange_schema, op->from_range->multirange,
		                      "range type", op->to_range->schema, op->to_range->name, hint);
	if (rc)
		return rc;
	drop_type(r->out, op->from_range->schema, op->from_range->name);
	create_range(r->out, op->to_range);
	return 0;
}

static int pg_render_create_composite(const struct render *r, const struct cdb_op *op)
{
	create_composite(r->out, op->to_composite);
	return 0;
}

static int pg_render_drop_composite(const struct render *r, const struct cdb_op *op)
{
	drop_type(r->out, op->from_composite->schema, op->from_composite->name);
	return 0;
}

/* The renderer of each op kind; a kind without one cannot be rendered for PostgreSQL. */
static pg_render_fn *const render_fns[CDB_OP__COUNT] = {
	[CDB_OP_CREATE_TABLE] = pg_render_create_table,
	[CDB_OP_DROP_TABLE] = pg_render_drop_table,
	[CDB_OP_RENAME_TABLE] = pg_render_rename_table,
	[CDB_OP_ALTER_TABLE] = pg_render_alter_table,
	[CDB_OP_ADD_COLUMN] = pg_render_add_column,
	[CDB_OP_DROP_COLUMN] = pg_render_drop_column,
	[CDB_OP_RENAME_COLUMN] = pg_render_rename_column,
	[CDB_OP_ALTER_COLUMN] = pg_render_alter_column,
	[CDB_OP_ADD_CONSTRAINT] = pg_render_add_constraint,
	[CDB_OP_DROP_CONSTRAINT] = pg_render_drop_constraint,
	[CDB_OP_CREATE_INDEX] = pg_render_create_index,
	[CDB_OP_DROP_INDEX] = pg_render_drop_index,
	[CDB_OP_CREATE_VIEW] = pg_render_create_view,
	[CDB_OP_DROP_VIEW] = pg_render_drop_view,
	[CDB_OP_REPLACE_VIEW] = pg_render_replace_view,
	[CDB_OP_CREATE_TRIGGER] = pg_render_create_trigger,
	[CDB_OP_DROP_TRIGGER] = pg_render_drop_trigger,
	[CDB_OP_CREATE_NAMESPACE] = pg_render_create_namespace,
	[CDB_OP_DROP_NAMESPACE] = pg_render_drop_namespace,
	[CDB_OP_CREATE_EXTENSION] = pg_render_create_extension,
	[CDB_OP_DROP_EXTENSION] = pg_render_drop_extension,
	[CDB_OP_ALTER_EXTENSION] = pg_render_alter_extension,
	[CDB_OP_CREATE_ENUM] = pg_render_create_enum,
	[CDB_OP_DROP_ENUM] = pg_render_drop_enum,
	[CDB_OP_ADD_ENUM_VALUE] = pg_render_add_enum_value,
	[CDB_OP_REBUILD_ENUM] = pg_render_rebuild_enum,
	[CDB_OP_CREATE_SEQUENCE] = pg_render_create_sequence,
	[CDB_OP_DROP_SEQUENCE] = pg_render_drop_sequence,
	[CDB_OP_ALTER_SEQUENCE] = pg_render_alter_sequence,
	[CDB_OP_CREATE_FUNCTION] = pg_render_create_function,
	[CDB_OP_DROP_FUNCTION] = pg_render_drop_function,
	[CDB_OP_REPLACE_FUNCTION] = pg_render_replace_function,
	[CDB_OP_SET_COMMENT] = pg_render_set_comment,
	[CDB_OP_CREATE_DOMAIN] = pg_render_create_domain,
	[CDB_OP_DROP_DOMAIN] = pg_render_drop_domain,
	[CDB_OP_ALTER_DOMAIN] = pg_render_alter_domain,
	[CDB_OP_REBUILD_DOMAIN] = pg_render_rebuild_domain,
	[CDB_OP_CREATE_POLICY] = pg_render_create_policy,
	[CDB_OP_DROP_POLICY] = pg_render_drop_policy,
	[CDB_OP_ALTER_POLICY] = pg_render_alter_policy,
	[CDB_OP_CREATE_COLLATION] = pg_render_create_collation,
	[CDB_OP_DROP_COLLATION] = pg_render_drop_collation,
	[CDB_OP_REPLACE_COLLATION] = pg_render_replace_collation,
	[CDB_OP_CREATE_RANGE] = pg_render_create_range,
	[CDB_OP_DROP_RANGE] = pg_render_drop_range,
	[CDB_OP_REPLACE_RANGE] = pg_render_replace_range,
	[CDB_OP_CREATE_COMPOSITE] = pg_render_create_composite,
	[CDB_OP_DROP_COMPOSITE] = pg_render_drop_composite,
	[CDB_OP_ALTER_COMPOSITE] = pg_render_alter_composite,
};

static int render_op(const struct render *r, const struct cdb_op *op)
{
	if (op->destructive)
		cdb_buf_printf(r->out, "-- cdb: destructive: %s\n", op->reason ? op->reason : "loses data");
	if ((unsigned)op->kind >= CDB_OP__COUNT || !render_fns[op->kind])
		return cdb_error_set(CDB_ERROR, "cannot render operation %d for PostgreSQL", (int)op->kind);
	return render_fns[op->kind](r, op);
}

/*
 * Index i of the view op after `from` that creates (or re-creates) the
 * materialized view an index is built on; n when there is none.
 */
static size_t view_created_later(const struct cdb_op *ops, size_t n, size_t from, const struct cdb_index *x)
{
	for (size_t j = from + 1; j < n; j++) {
		const struct cdb_view *v = ops[j].to_view;

		if ((ops[j].kind == CDB_OP_CREATE_VIEW || ops[j].kind == CDB_OP_REPLACE_VIEW) && v &&
		    same(v->name, x->table) && same_schema(v->schema, x->schema))
			return j;
	}
	return n;
}

static int render_one(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *out = r->out;
	size_t before = out->len;
	int rc;

	if (before && out->ptr[before - 1] == '\n')
		cdb_buf_putc(out, '\n');
	rc = render_op(r, op);
	/* an op that renders nothing leaves no blank line behind */
	if (rc == 0 && out->len == before + 1)
		cdb_buf_truncate(out, before);
	return rc;
}

static int render_list(struct cdb_buf *out, const struct cdb_diff *diff, const struct cdb_op *ops, size_t n)
{
	struct render r = { .out = out, .diff = diff, .ops = ops, .nops = n };
	size_t *after = xcalloc(n ? n : 1, sizeof *after);
	int rc = 0;

	/*
	 * Indexes come before views in the diff's order, but an index on a
	 * materialized view needs the view: such an index follows its view.
	 */
	for (size_t i = 0; i < n; i++)
		after[i] = ops[i].kind == CDB_OP_CREATE_INDEX && ops[i].to_index
		                   ? view_created_later(ops, n, i, ops[i].to_index)
		                   : n;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (after[i] < n)
			continue;
		rc = render_one(&r, &ops[i]);
		for (size_t k = 0; k < n && rc == 0; k++)
			if (after[k] == i)
				rc = render_one(&r, &ops[k]);
	}
	free(after);
	return rc;
}

int pg_render(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff)
{
	int rc = render_list(up, diff, diff->ops, diff->nops);

	if (rc == 0)
		rc = render_list(down, diff, diff->inverse, diff->ninverse);
	return rc;
}
