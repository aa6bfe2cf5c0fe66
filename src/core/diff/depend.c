/*
 * depend.c - order a diff's operations by what they need (see diff_priv.h)
 *
 * Each op names, for its kind, the objects it creates, drops, needs (must
 * exist when it runs) and releases (an existing object it stops using, which
 * therefore cannot be dropped before it). An object is a key:
 *
 *   R schema.name        a name in PostgreSQL's shared relation namespace:
 *                        tables, views, sequences, indexes, and the indexes
 *                        behind PRIMARY KEY, UNIQUE and EXCLUDE constraints
 *   U schema.table(cols) a unique key a foreign key can reference
 *   T schema.name        a type (enum, domain, composite, range)
 *   F name               a function (triggers name it without arguments)
 *   N name               a schema
 *
 * and the edges are
 *
 *   creator of K   -> op that needs K
 *   releaser of K  -> dropper of K
 *   dropper of K   -> creator of K     (a name freed and taken again)
 *
 * The sort is Kahn's, always taking the ready op that came first in the
 * phase order, so statements move only where a dependency says so and the
 * revision otherwise reads as the phases wrote it. Foreign keys of new tables
 * that reference each other in a cycle cannot be created with their tables:
 * they are split out into ADD CONSTRAINT ops (the renderers leave a
 * constraint added later out of its CREATE TABLE), which then follow every
 * table of the cycle. What still forms a cycle keeps its phase order.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/sqltok.h"
#include "diff_priv.h"

enum role { CREATES, DROPS, NEEDS, RELEASES };

struct dep {
	const char *key;
	size_t op;
	enum role role;
};

struct cdb_op_deps {
	struct cdb_arena *ar;           /* keys */
	const struct cdb_op *ops;       /* the list being ordered */
	size_t nops;
	const struct cdb_schema *from, *to;
	struct dep *v;
	size_t n, cap;
	size_t op;                      /* the op whose keys are being added */
};

/* ------------------------------------------------------------------ keys */

static void add(struct cdb_op_deps *d, enum role role, char kind, const char *schema, const char *name)
{
	struct dep *e;

	if (!name)
		return;
	e = CDB_ARENA_PUSH(d->ar, d->v, d->n, d->cap);
	e->key = cdb_arena_sprintf(d->ar, "%c %s.%s", kind, schema ? schema : "", name);
	e->op = d->op;
	e->role = role;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The unique key on table schema.table over `cols` (any order: PostgreSQL matches the set). */
static void ukey(struct cdb_op_deps *d, enum role role, const char *schema, const char *table, char **cols,
                 size_t n)
{
	const char **v;
	struct cdb_buf b = CDB_BUF_INIT;

	if (!n)
		return;
	v = xcalloc(n, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = cols[i];
	qsort(v, n, sizeof *v, cmp_cstr);
	cdb_buf_printf(&b, "%s(", table);
	for (size_t i = 0; i < n; i++)
		cdb_buf_printf(&b, "%s%s", i ? "," : "", v[i]);
	cdb_buf_putc(&b, ')');
	add(d, role, 'U', schema, b.ptr);
	cdb_buf_release(&b);
	free(v);
}

/* A key part of an index that is a bare column: its name (unquoted), else NULL. */
static char *plain_column(struct cdb_arena *ar, const char *key)
{
	size_t n = strlen(key);

	if (n >= 2 && key[0] == '"' && key[n - 1] == '"') {
		struct cdb_buf b = CDB_BUF_INIT;
		char *out;

		for (size_t i = 1; i + 1 < n; i++) {
			if (key[i] == '"' && key[i + 1] == '"')
				i++;
			else if (key[i] == '"')
				return NULL;
			cdb_buf_putc(&b, key[i]);
		}
		out = cdb_arena_strdup(ar, b.ptr ? b.ptr : "");
		cdb_buf_release(&b);
		return out;
	}
	for (size_t i = 0; i < n; i++)
		if (!(key[i] == '_' || (key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9')))
			return NULL;
	return n ? cdb_arena_strdup(ar, key) : NULL;
}

/*
 * The type object of `s` a column's declared type names, if any (matched as
 * the diff matches enums everywhere: quotes, schema and array brackets).
 */
static void type_key(struct cdb_op_deps *d, enum role role, const struct cdb_schema *s, const char *type)
{
	if (!type || !s)
		return;
#define FIND_TYPE(arr, cnt)                                                                  \
	for (size_t i = 0; i < s->cnt; i++) {                                                \
		struct cdb_enum e = { .schema = s->arr[i].schema, .name = s->arr[i].name };  \
                                                                                             \
		if (type_is_enum(type, &e)) {                                                \
			add(d, role, 'T', e.schema, e.name);                                 \
			return;                                                              \
		}                                                                            \
	}
	FIND_TYPE(enums, nenums)
	FIND_TYPE(domains, ndomains)
	FIND_TYPE(composites, ncomposites)
	FIND_TYPE(ranges, nranges)
#undef FIND_TYPE
}

/* Is the foreign key `k` of new table `t` added by an ADD_CONSTRAINT op rather than its CREATE TABLE? */
static bool added_later(const struct cdb_op_deps *d, const struct cdb_table *t,
                        const struct cdb_constraint *k)
{
	for (size_t i = 0; i < d->nops; i++)
		if (d->ops[i].kind == CDB_OP_ADD_CONSTRAINT && d->ops[i].to_table == t &&
		    (d->ops[i].to_constraint == k ||
		     (k->name && d->ops[i].to_constraint && d->ops[i].to_constraint->name &&
		      !strcmp(d->ops[i].to_constraint->name, k->name))))
			return true;
	return false;
}

/* What a constraint of table t is, as keys: its index name, its unique key. */
static void constraint_keys(struct cdb_op_deps *d, enum role role, const struct cdb_table *t,
                            const struct cdb_constraint *k)
{
	if (k->name && (k->kind == CDB_CON_PRIMARY || k->kind == CDB_CON_UNIQUE || k->kind == CDB_CON_EXCLUDE))
		add(d, role, 'R', t->schema, k->name);
	if (k->kind == CDB_CON_PRIMARY || k->kind == CDB_CON_UNIQUE)
		ukey(d, role, t->schema, t->name, k->columns, k->ncolumns);
}

/* What a foreign key uses: the table it references and the unique key there. */
static void reference_keys(struct cdb_op_deps *d, enum role role, const struct cdb_table *t,
                           const struct cdb_constraint *k)
{
	const char *rs = k->ref_schema ? k->ref_schema : t->schema;

	if (k->kind != CDB_CON_FOREIGN)
		return;
	add(d, role, 'R', rs, k->ref_table);
	ukey(d, role, rs, k->ref_table, k->ref_columns, k->nref_columns);
}

/* A table as a whole: its name, its constraints' names and keys, its serial sequences. */
static void table_keys(struct cdb_op_deps *d, enum role role, const struct cdb_table *t)
{
	add(d, role, 'R', t->schema, t->name);
	for (size_t i = 0; i < t->nconstraints; i++)
		constraint_keys(d, role, t, &t->constraints[i]);
	for (size_t i = 0; i < t->ncolumns; i++)
		add(d, role, 'R', t->schema, t->columns[i].serial_seq);
}

/* What a table uses: its schema, the types of its columns, the sequences its defaults draw from. */
static void table_uses(struct cdb_op_deps *d, enum role role, const struct cdb_schema *s,
                       const struct cdb_table *t)
{
	add(d, role, 'N', NULL, t->schema);
	if (t->parent)
		add(d, role, 'R', t->parent_schema ? t->parent_schema : t->schema, t->parent);
	for (size_t i = 0; i < t->ncolumns; i++)
		type_key(d, role, s, t->columns[i].type);
}

static void index_keys(struct cdb_op_deps *d, enum role role, const struct cdb_index *x)
{
	char **cols;
	size_t n = 0;

	add(d, role, 'R', x->schema, x->name);
	if (!x->unique || x->partial || !x->nkeys)
		return;
	cols = cdb_arena_alloc(d->ar, x->nkeys * sizeof *cols);
	for (size_t i = 0; i < x->nkeys; i++)
		if ((cols[n] = plain_column(d->ar, x->keys[i])))
			n++;
	if (n == x->nkeys)
		ukey(d, role, x->schema, x->table, cols, n);
}

/* The relation a view reads, from its "schema.name" dependency list. */
static void view_reads(struct cdb_op_deps *d, enum role role, const struct cdb_view *v)
{
	for (size_t i = 0; i < v->ndepends; i++) {
		const char *dot = strchr(v->depends[i], '.');

		if (dot)
			add(d, role, 'R', cdb_arena_sprintf(d->ar, "%.*s", (int)(dot - v->depends[i]), v->depends[i]),
			    dot + 1);
		else
			add(d, role, 'R', v->schema, v->depends[i]);
	}
}

/* The function a trigger executes, by name ("EXECUTE FUNCTION [schema.]name("). */
static void trigger_function(struct cdb_op_deps *d, enum role role, const struct cdb_trigger *g)
{
	const char *p = strstr(g->definition ? g->definition : "", "EXECUTE FUNCTION ");
	const char *start, *end;

	if (!p)
		p = strstr(g->definition ? g->definition : "", "EXECUTE PROCEDURE ");
	if (!p)
		return;
	start = strchr(p, ' ') + 1;
	start = strchr(start, ' ') + 1;
	end = strchr(start, '(');
	if (!end)
		return;
	for (const char *q = start; q < end; q++)
		if (*q == '.')
			start = q + 1;
	add(d, role, 'F', NULL, cdb_arena_sprintf(d->ar, "%.*s", (int)(end - start), start));
}

/*
 * A SQL-language function's body is checked when it is created: it needs
 * the tables and views it reads. Other languages are checked when they run.
 */
static void function_reads(struct cdb_op_deps *d, const struct cdb_function *f)
{
	const struct cdb_schema *s = d->to;
	const char *def = f->definition ? f->definition : "";

	if (!strstr(def, " LANGUAGE sql"))
		return;
	for (size_t i = 0; i < s->ntables; i++)
		if (cdb_sql_mentions(def, s->tables[i].name))
			add(d, NEEDS, 'R', s->tables[i].schema, s->tables[i].name);
	for (size_t i = 0; i < s->nviews; i++)
		if (cdb_sql_mentions(def, s->views[i].name))
			add(d, NEEDS, 'R', s->views[i].schema, s->views[i].name);
}

/*
 * The owner of sequence q ("table.column" or "schema.table.column") as keys:
 * its table and its column. An op that moves OWNED BY needs the new owner
 * and must run before the old one is dropped, which would take the
 * sequence with it.
 */
static void owner_keys(struct cdb_op_deps *d, enum role role, const struct cdb_sequence *q)
{
	char *schema, *table, *column;

	if (!cdb_sequence_owner(q, &schema, &table, &column))
		return;
	add(d, role, 'R', schema, table);
	add(d, role, 'C', schema, cdb_arena_sprintf(d->ar, "%s.%s", table, column));
	free(schema);
	free(table);
	free(column);
}

/*
 * An op on table `tt` needs it created first when the list creates it; a
 * table on both sides (renamed or not) is there, by one name or the other,
 * whichever way the op runs.
 */
static void needs_new_table(struct cdb_op_deps *d, const struct cdb_op *op, const char *schema,
                            const char *name)
{
	if (!op->from_table)
		add(d, NEEDS, 'R', schema, name);
}

/*
 * The keys of each kind of op: the deps column of its row in CDB_OP_KINDS()
 * (cdb/op.h).
 */
void deps_create_table(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *tt = op->to_table;

	table_keys(d, CREATES, tt);
	table_uses(d, NEEDS, d->to, tt);
	for (size_t i = 0; i < tt->nconstraints; i++)
		if (!added_later(d, tt, &tt->constraints[i]))
			reference_keys(d, NEEDS, tt, &tt->constraints[i]);
}

void deps_drop_table(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table;

	table_keys(d, DROPS, ft);
	table_uses(d, RELEASES, d->from, ft);
	for (size_t i = 0; i < ft->nconstraints; i++)
		reference_keys(d, RELEASES, ft, &ft->constraints[i]);
}

void deps_rename_table(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table, *tt = op->to_table;

	add(d, DROPS, 'R', ft->schema, ft->name);
	add(d, CREATES, 'R', tt->schema, tt->name);
}

void deps_add_column(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *tt = op->to_table;

	needs_new_table(d, op, tt->schema, tt->name);
	add(d, CREATES, 'C', tt->schema, cdb_arena_sprintf(d->ar, "%s.%s", tt->name, op->to_column->name));
	type_key(d, NEEDS, d->to, op->to_column->type);
	add(d, CREATES, 'R', tt->schema, op->to_column->serial_seq);
}

void deps_drop_column(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table;

	add(d, DROPS, 'C', ft->schema, cdb_arena_sprintf(d->ar, "%s.%s", ft->name, op->from_column->name));
	type_key(d, RELEASES, d->from, op->from_column->type);
	add(d, DROPS, 'R', ft->schema, op->from_column->serial_seq);
}

void deps_alter_column(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table, *tt = op->to_table;

	if (op->alter & CDB_ALTER_TYPE) {
		type_key(d, RELEASES, d->from, op->from_column->type);
		type_key(d, NEEDS, d->to, op->to_column->type);
	}
	if (!op->from_column->serial_seq || !op->to_column->serial_seq ||
	    strcmp(op->from_column->serial_seq, op->to_column->serial_seq)) {
		add(d, DROPS, 'R', ft->schema, op->from_column->serial_seq);
		add(d, CREATES, 'R', tt->schema, op->to_column->serial_seq);
	}
}

void deps_add_constraint(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *tt = op->to_table;

	needs_new_table(d, op, tt->schema, tt->name);
	constraint_keys(d, CREATES, tt, op->to_constraint);
	reference_keys(d, NEEDS, tt, op->to_constraint);
}

void deps_drop_constraint(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table;

	constraint_keys(d, DROPS, ft, op->from_constraint);
	reference_keys(d, RELEASES, ft, op->from_constraint);
}

void deps_create_index(struct cdb_op_deps *d, const struct cdb_op *op)
{
	needs_new_table(d, op, op->to_index->schema, op->to_index->table);
	index_keys(d, CREATES, op->to_index);
}

void deps_drop_index(struct cdb_op_deps *d, const struct cdb_op *op)
{
	index_keys(d, DROPS, op->from_index);
}

void deps_create_view(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, NEEDS, 'N', NULL, op->to_view->schema);
	add(d, CREATES, 'R', op->to_view->schema, op->to_view->name);
	view_reads(d, NEEDS, op->to_view);
}

void deps_drop_view(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, DROPS, 'R', op->from_view->schema, op->from_view->name);
	view_reads(d, RELEASES, op->from_view);
}

void deps_replace_view(struct cdb_op_deps *d, const struct cdb_op *op)
{
	view_reads(d, NEEDS, op->to_view);
}

void deps_create_trigger(struct cdb_op_deps *d, const struct cdb_op *op)
{
	needs_new_table(d, op, op->to_trigger->schema, op->to_trigger->table);
	trigger_function(d, NEEDS, op->to_trigger);
}

void deps_drop_trigger(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, RELEASES, 'R', op->from_trigger->schema, op->from_trigger->table);
	trigger_function(d, RELEASES, op->from_trigger);
}

void deps_create_sequence(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, NEEDS, 'N', NULL, op->to_sequence->schema);
	add(d, CREATES, 'R', op->to_sequence->schema, op->to_sequence->name);
}

void deps_drop_sequence(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, DROPS, 'R', op->from_sequence->schema, op->from_sequence->name);
}

void deps_alter_sequence(struct cdb_op_deps *d, const struct cdb_op *op)
{
	if (op->alter & CDB_ALTER_SEQ_OWNED) {
		owner_keys(d, NEEDS, op->to_sequence);
		owner_keys(d, RELEASES, op->from_sequence);
	}
}

void deps_create_function(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, NEEDS, 'N', NULL, op->to_function->schema);
	add(d, CREATES, 'F', NULL, op->to_function->name);
	function_reads(d, op->to_function);
}

void deps_replace_function(struct cdb_op_deps *d, const struct cdb_op *op)
{
	deps_create_function(d, op);
}

void deps_drop_function(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, DROPS, 'F', NULL, op->from_function->name);
}

void deps_create_enum(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, CREATES, 'T', op->to_enum->schema, op->to_enum->name);
}

void deps_drop_enum(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, DROPS, 'T', op->from_enum->schema, op->from_enum->name);
}

void deps_create_namespace(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, CREATES, 'N', NULL, op->to_namespace->name);
}

void deps_drop_namespace(struct cdb_op_deps *d, const struct cdb_op *op)
{
	add(d, DROPS, 'N', NULL, op->from_namespace->name);
}

void deps_create_policy(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *tt = op->to_table;

	needs_new_table(d, op, tt->schema, tt->name);
}

void deps_drop_policy(struct cdb_op_deps *d, const struct cdb_op *op)
{
	const struct cdb_table *ft = op->from_table;

	add(d, RELEASES, 'R', ft->schema, ft->name);
}

/* Alters, rebuilds, comments, and the other types keep their phase. */
void deps_none(struct cdb_op_deps *d, const struct cdb_op *op)
{
	(void)d;
	(void)op;
}

/* The keys of one op. */
static void op_keys(struct cdb_op_deps *d, const struct cdb_op *op)
{
	if ((unsigned)op->kind < CDB_OP__COUNT)
		cdb_op_kinds[op->kind].deps(d, op);
}

/* ----------------------------------------------------------------- the sort */

static int cmp_dep(const void *a, const void *b)
{
	const struct dep *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	if (x->role != y->role)
		return (int)x->role - (int)y->role;
	return x->op < y->op ? -1 : x->op > y->op;
}

struct graph {
	size_t n;
	size_t *from, *to, nedges, cap;
};

static void edge(struct graph *g, size_t a, size_t b)
{
	if (a == b)
		return;
	if (g->nedges == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->from = xrealloc(g->from, g->cap * sizeof *g->from);
		g->to = xrealloc(g->to, g->cap * sizeof *g->to);
	}
	g->from[g->nedges] = a;
	g->to[g->nedges++] = b;
}

/* Edges from the keys of one group [a, b) of deps that share a key (sorted by role). */
static void key_edges(struct graph *g, const struct dep *v, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		for (size_t k = a; k < b; k++) {
			if ((v[i].role == CREATES && v[k].role == NEEDS) ||
			    (v[i].role == RELEASES && v[k].role == DROPS) ||
			    (v[i].role == DROPS && v[k].role == CREATES))
				edge(g, v[i].op, v[k].op);
		}
}

/* A binary min-heap of op positions: the ready op that came first goes first. */
struct heap {
	size_t *v, n;
};

static void heap_push(struct heap *h, size_t x)
{
	size_t i = h->n++;

	h->v[i] = x;
	while (i > 0 && h->v[(i - 1) / 2] > h->v[i]) {
		size_t p = (i - 1) / 2, t = h->v[p];

		h->v[p] = h->v[i];
		h->v[i] = t;
		i = p;
	}
}

static size_t heap_pop(struct heap *h)
{
	size_t top = h->v[0], i = 0;

	h->v[0] = h->v[--h->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i, t;

		if (l < h->n && h->v[l] < h->v[m])
			m = l;
		if (r < h->n && h->v[r] < h->v[m])
			m = r;
		if (m == i)
			break;
		t = h->v[m];
		h->v[m] = h->v[i];
		h->v[i] = t;
		i = m;
	}
	return top;
}

/*
 * The order of ops [0, n) under the edges of g, into `order`; the ops left
 * in cycles are flagged in `stuck` and follow in their phase order. Returns
 * how many were stuck.
 */
static size_t toposort(const struct graph *g, size_t *order, bool *stuck)
{
	size_t n = g->n, *indeg = xcalloc(n + 1, sizeof *indeg), *start = xcalloc(n + 2, sizeof *start);
	size_t *adj = xcalloc(g->nedges + 1, sizeof *adj), *fill, done = 0, nstuck = 0;
	bool *placed = xcalloc(n + 1, sizeof *placed);
	struct heap h = { xcalloc(n + 1, sizeof(size_t)), 0 };

	for (size_t e = 0; e < g->nedges; e++) {
		start[g->from[e] + 1]++;
		indeg[g->to[e]]++;
	}
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	fill = xcalloc(n + 1, sizeof *fill);
	for (size_t e = 0; e < g->nedges; e++)
		adj[start[g->from[e]] + fill[g->from[e]]++] = g->to[e];
	for (size_t i = 0; i < n; i++)
		if (!indeg[i])
			heap_push(&h, i);
	while (h.n) {
		size_t i = heap_pop(&h);

		order[done++] = i;
		placed[i] = true;
		for (size_t e = start[i]; e < start[i + 1]; e++)
			if (--indeg[adj[e]] == 0)
				heap_push(&h, adj[e]);
	}
	for (size_t i = 0; i < n; i++) {
		stuck[i] = !placed[i];
		if (stuck[i]) {
			order[done++] = i;
			nstuck++;
		}
	}
	free(h.v);
	free(fill);
	free(placed);
	free(adj);
	free(start);
	free(indeg);
	return nstuck;
}

/* Sort ops [0, n) of `ops`; `stuck` gets the ops left in a cycle. Returns how many. */
static size_t order_once(struct cdb_op *ops, size_t n, const struct cdb_schema *from,
                         const struct cdb_schema *to, bool *stuck)
{
	struct cdb_arena ar = CDB_ARENA_INIT;
	struct cdb_op_deps d = { &ar, ops, n, from, to, NULL, 0, 0, 0 };
	struct graph g = { n, NULL, NULL, 0, 0 };
	size_t *order = xcalloc(n + 1, sizeof *order), nstuck;
	struct cdb_op *copy;
	bool *moved_stuck = xcalloc(n + 1, sizeof *moved_stuck);

	for (size_t i = 0; i < n; i++) {
		d.op = i;
		op_keys(&d, &ops[i]);
	}
	if (d.n)
		qsort(d.v, d.n, sizeof *d.v, cmp_dep);
	for (size_t a = 0, b; a < d.n; a = b) {
		for (b = a + 1; b < d.n && !strcmp(d.v[a].key, d.v[b].key); b++)
			;
		key_edges(&g, d.v, a, b);
	}
	nstuck = toposort(&g, order, moved_stuck);
	copy = xcalloc(n + 1, sizeof *copy);
	memcpy(copy, ops, n * sizeof *ops);
	for (size_t i = 0; i < n; i++) {
		ops[i] = copy[order[i]];
		stuck[i] = moved_stuck[order[i]];
	}
	free(copy);
	free(moved_stuck);
	free(order);
	free(g.from);
	free(g.to);
	cdb_arena_release(&ar);
	return nstuck;
}

/* Does CREATE_TABLE op j of the stuck ops create table (schema, name)? */
static const struct cdb_table *stuck_table(const struct cdb_op *ops, size_t n, const bool *stuck,
                                           const char *schema, const char *name)
{
	for (size_t j = 0; j < n; j++)
		if (stuck[j] && ops[j].kind == CDB_OP_CREATE_TABLE && !strcmp(ops[j].to_table->name, name) &&
		    (!schema || !ops[j].to_table->schema || !strcmp(ops[j].to_table->schema, schema)))
			return ops[j].to_table;
	return NULL;
}

/*
 * Split out of their CREATE TABLE the foreign keys by which tables left in a
 * cycle reference one another. Returns how many ops were added.
 */
static size_t split_cycles(struct cdb_diff *d, bool *stuck)
{
	size_t n = d->nops, added = 0;

	for (size_t i = 0; i < n; i++) {
		const struct cdb_table *t;

		if (!stuck[i] || d->ops[i].kind != CDB_OP_CREATE_TABLE)
			continue;
		t = d->ops[i].to_table;
		for (size_t k = 0; k < t->nconstraints; k++) {
			const struct cdb_constraint *c = &t->constraints[k];
			const struct cdb_table *ref;
			struct cdb_op *op;

			if (c->kind != CDB_CON_FOREIGN)
				continue;
			ref = stuck_table(d->ops, n, stuck, c->ref_schema ? c->ref_schema : t->schema, c->ref_table);
			if (!ref || ref == t)
				continue;
			op = CDB_ARENA_PUSH(&d->arena, d->ops, d->nops, d->ops_cap);
			op->kind = CDB_OP_ADD_CONSTRAINT;
			op->to_table = t;
			op->table = t;
			op->to_constraint = c;
			op->dependent = true; /* part of creating the table, not a change of its own */
			added++;
		}
	}
	return added;
}

void cdb_diff_order(struct cdb_diff *d, bool inverse)
{
	struct cdb_op *ops = inverse ? d->inverse : d->ops;
	size_t n = inverse ? d->ninverse : d->nops;
	const struct cdb_schema *from = inverse ? d->to : d->from, *to = inverse ? d->from : d->to;
	bool *stuck;

	if (n < 2)
		return;
	stuck = xcalloc(n + 1, sizeof *stuck);
	if (order_once(ops, n, from, to, stuck) && !inverse && split_cycles(d, stuck)) {
		free(stuck);
		stuck = xcalloc(d->nops + 1, sizeof *stuck);
		order_once(d->ops, d->nops, from, to, stuck);
	}
	free(stuck);
}
