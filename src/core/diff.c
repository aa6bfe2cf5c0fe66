/*
 * diff.c - schema x schema -> ordered operations (see include/cdb/diff.h)
 *
 * Objects are paired by name (rename hints first), then each pair is compared
 * field by field. The ops are emitted phase by phase in the order diff.h
 * documents, and the downgrade is the upgrade inverted and reversed, so the
 * two can never disagree.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/diff.h"
#include "cdb/error.h"
#include "cdb/sqltok.h"
#include "depend.h"

/* A sorted (schema, name) -> position index, so pairing stays O(n log n) for big schemas. */
struct nkey {
	const char *schema, *name;
	size_t idx;
};

struct nindex {
	struct nkey *v;
	size_t n;
};

struct ctx {
	struct cdb_diff *d;
	struct nindex ftables, ttables, findexes, tindexes; /* by (schema, name) */
	const struct cdb_schema *from, *to;
	const struct cdb_rename_hints *hints;
	bool ci;            /* SQLite rules (see struct cdb_schema.sqlite) */
	long *tfrom;        /* from table i -> index of its pair in `to`, -1: dropped */
	long *tto;          /* to table j -> index of its pair in `from`, -1: created */
	bool *tchanged;     /* from table i: dropped, renamed or altered (views on it are recreated) */
	bool *tretype;      /* from table i: a column is dropped, renamed or retyped */
	bool *vaffected;    /* from view i: dropped and recreated because of its dependencies */
	bool *tcols;        /* from table i: a column is dropped, renamed or retyped (not a table
	                       rename): its policies are dropped before and created again after */
	const struct cdb_column ***colmaps; /* from table i: its colmap's from_to (NULL: no pair) */
};

/* --- comparisons ---------------------------------------------------------- */

static bool name_eq(const struct ctx *c, const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return c->ci ? !strcasecmp(a, b) : !strcmp(a, b);
}

static bool opt_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

static bool opt_ieq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcasecmp(a, b);
}

/* SQL text compared in normal form; one pair of wrapping parentheses does not count. */
static bool sql_eq(const struct ctx *c, const char *a, const char *b)
{
	struct cdb_buf na = CDB_BUF_INIT, nb = CDB_BUF_INIT;
	bool eq;

	if (!a || !b)
		return a == b;
	if (!strcmp(a, b))
		return true;
	cdb_sql_normalize(&na, a, strlen(a), c->ci);
	cdb_sql_normalize(&nb, b, strlen(b), c->ci);
	eq = !strcmp(na.ptr, nb.ptr);
	if (!eq) {
		/* "(0)" and "0" are one default */
		const char *pa = na.ptr, *pb = nb.ptr;
		size_t la = na.len, lb = nb.len;

		if (la > 4 && !strncmp(pa, "( ", 2) && !strcmp(pa + la - 2, " )")) {
			pa += 2;
			la -= 4;
		}
		if (lb > 4 && !strncmp(pb, "( ", 2) && !strcmp(pb + lb - 2, " )")) {
			pb += 2;
			lb -= 4;
		}
		eq = la == lb && !strncmp(pa, pb, la);
	}
	cdb_buf_release(&na);
	cdb_buf_release(&nb);
	return eq;
}

/* Collations: SQLite's BINARY is the default. */
static bool collation_eq(const struct ctx *c, const char *a, const char *b)
{
	if (c->ci) {
		if (a && !strcasecmp(a, "BINARY"))
			a = NULL;
		if (b && !strcasecmp(b, "BINARY"))
			b = NULL;
		return opt_ieq(a, b);
	}
	return opt_eq(a, b);
}

static int nkey_cmp(const char *sa, const char *na, const char *sb, const char *nb, bool ci)
{
	int r = ci ? strcasecmp(na, nb) : strcmp(na, nb);

	if (r)
		return r;
	if (!sa || !sb)
		return (sa != NULL) - (sb != NULL);
	return strcmp(sa, sb);
}

static int nkey_qsort(const void *a, const void *b, void *ci)
{
	const struct nkey *x = a, *y = b;

	return nkey_cmp(x->schema, x->name, y->schema, y->name, *(const bool *)ci);
}

static void nindex_build(struct nindex *ix, size_t n, const void *base, size_t stride, size_t schema_off,
                         size_t name_off, bool ci)
{
	ix->v = xcalloc(n + 1, sizeof(*ix->v));
	ix->n = n;
	for (size_t i = 0; i < n; i++) {
		const char *obj = (const char *)base + i * stride;

		memcpy(&ix->v[i].schema, obj + schema_off, sizeof(char *));
		memcpy(&ix->v[i].name, obj + name_off, sizeof(char *));
		ix->v[i].idx = i;
	}
	qsort_r(ix->v, n, sizeof(*ix->v), nkey_qsort, &ci);
}

/* Position of (schema, name) in the indexed array, -1 when absent (the first of equals). */
static long nindex_find(const struct nindex *ix, const char *schema, const char *name, bool ci)
{
	size_t lo = 0, hi = ix->n;

	if (!name)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nkey_cmp(ix->v[mid].schema, ix->v[mid].name, schema, name, ci) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && !nkey_cmp(ix->v[lo].schema, ix->v[lo].name, schema, name, ci))
		return (long)ix->v[lo].idx;
	return -1;
}

static const struct cdb_table *find_table(const struct ctx *c, const struct cdb_schema *s,
                                          const char *schema, const char *name, long *idx)
{
	long i = nindex_find(s == c->from ? &c->ftables : &c->ttables, schema, name, c->ci);

	if (i < 0)
		return NULL;
	if (idx)
		*idx = i;
	return &s->tables[i];
}

static const struct cdb_column *find_column(const struct ctx *c, const struct cdb_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (name_eq(c, t->columns[i].name, name))
			return &t->columns[i];
	return NULL;
}

static const struct cdb_constraint *primary_key(const struct cdb_table *t)
{
	for (size_t i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == CDB_CON_PRIMARY)
			return &t->constraints[i];
	return NULL;
}

/* The columns a foreign key references: SQLite allows leaving them out (the target's PK). */
static void fk_ref_columns(const struct ctx *c, const struct cdb_schema *s, const struct cdb_constraint *k,
                           char ***cols, size_t *n)
{
	const struct cdb_table *rt;
	const struct cdb_constraint *pk;

	*cols = k->ref_columns;
	*n = k->nref_columns;
	if (*n || !(rt = find_table(c, s, k->ref_schema, k->ref_table, NULL)) || !(pk = primary_key(rt)))
		return;
	*cols = pk->columns;
	*n = pk->ncolumns;
}

/* The name in `to` of column `name` of from-table ft, following column renames. */
struct colmap {
	const struct cdb_table *ft, *tt;
	const struct cdb_column **from_to; /* per from column: its pair in tt, NULL: dropped */
};

static const char *map_column(const struct ctx *c, const struct colmap *m, const char *name)
{
	for (size_t i = 0; i < m->ft->ncolumns; i++)
		if (name_eq(c, m->ft->columns[i].name, name))
			return m->from_to[i] ? m->from_to[i]->name : name;
	return name;
}

static const char *map_table(const struct ctx *c, const char *schema, const char *name)
{
	long i;

	if (find_table(c, c->from, schema, name, &i) && c->tfrom[i] >= 0)
		return c->to->tables[c->tfrom[i]].name;
	return name;
}

static bool constraint_eq(const struct ctx *c, const struct colmap *m, const struct cdb_constraint *a,
                          const struct cdb_constraint *b)
{
	char **ra, **rb;
	size_t na, nb;

	if (a->kind != b->kind || a->ncolumns != b->ncolumns)
		return false;
	/* SQLite constraint names are not part of the schema's meaning */
	if (!c->ci && (a->name || b->name) && !opt_eq(a->name, b->name))
		return false;
	for (size_t i = 0; i < a->ncolumns; i++)
		if (!name_eq(c, map_column(c, m, a->columns[i]), b->columns[i]))
			return false;
	switch (a->kind) {
	case CDB_CON_PRIMARY:
		return a->autoincrement == b->autoincrement;
	case CDB_CON_UNIQUE:
		return c->ci || sql_eq(c, a->definition, b->definition);
	case CDB_CON_CHECK:
		if (a->expr || b->expr)
			return sql_eq(c, a->expr, b->expr);
		return sql_eq(c, a->definition, b->definition);
	case CDB_CON_FOREIGN:
		if (!opt_eq(a->ref_schema, b->ref_schema) ||
		    !name_eq(c, map_table(c, a->ref_schema, a->ref_table), b->ref_table))
			return false;
		fk_ref_columns(c, c->from, a, &ra, &na);
		fk_ref_columns(c, c->to, b, &rb, &nb);
		if (na != nb)
			return false;
		for (size_t i = 0; i < na; i++)
			if (!name_eq(c, ra[i], rb[i]))
				return false;
		return opt_ieq(a->on_delete, b->on_delete) && opt_ieq(a->on_update, b->on_update) &&
		       opt_ieq(a->match, b->match) && a->deferrable == b->deferrable &&
		       a->initially_deferred == b->initially_deferred;
	case CDB_CON_EXCLUDE:
		return sql_eq(c, a->definition, b->definition);
	}
	return false;
}

/* What differs between two paired columns (enum cdb_alter_flags). */
static unsigned column_changes(const struct ctx *c, const struct cdb_column *a, const struct cdb_column *b)
{
	unsigned f = 0;

	if (!(c->ci ? opt_ieq(a->type, b->type) : opt_eq(a->type, b->type)) && !sql_eq(c, a->type, b->type))
		f |= CDB_ALTER_TYPE;
	if (a->notnull != b->notnull)
		f |= CDB_ALTER_NULLABLE;
	if (!sql_eq(c, a->default_expr, b->default_expr))
		f |= CDB_ALTER_DEFAULT;
	if (!collation_eq(c, a->collation, b->collation))
		f |= CDB_ALTER_COLLATION;
	if (!sql_eq(c, a->generated, b->generated) || (a->generated && a->generated_stored != b->generated_stored))
		f |= CDB_ALTER_GENERATED;
	if (a->identity != b->identity)
		f |= CDB_ALTER_IDENTITY;
	return f;
}

/* The identity sequence of column `col` of table `t` in `s` (marked by the introspector), NULL: none. */
static const struct cdb_sequence *identity_seq(const struct cdb_schema *s, const struct cdb_table *t,
                                               const struct cdb_column *col)
{
	size_t n = strlen(t->name);

	for (size_t i = 0; i < s->nsequences; i++) {
		const struct cdb_sequence *q = &s->sequences[i];

		/* an identity sequence lives in its table's schema, so owned_by is "table.column" */
		if (q->identity && q->owned_by && opt_eq(q->schema, t->schema) && !strncmp(q->owned_by, t->name, n) &&
		    q->owned_by[n] == '.' && !strcmp(q->owned_by + n + 1, col->name))
			return q;
	}
	return NULL;
}

/*
 * The options of an identity column live in its sequence, which the diff
 * otherwise leaves alone: a column that stays identity but whose sequence's
 * START/INCREMENT/MIN/MAX/CACHE/CYCLE differ is an identity change. The
 * sequence type follows the column type and is not compared.
 */
static unsigned identity_changes(const struct ctx *c, const struct cdb_table *ft, const struct cdb_column *a,
                                 const struct cdb_table *tt, const struct cdb_column *b)
{
	const struct cdb_sequence *qa, *qb;

	if (!a->identity || !b->identity)
		return 0;
	qa = identity_seq(c->from, ft, a);
	qb = identity_seq(c->to, tt, b);
	if (!qa || !qb)
		return 0;
	if (qa->start != qb->start || qa->increment != qb->increment || qa->min != qb->min || qa->max != qb->max ||
	    qa->cache != qb->cache || qa->cycle != qb->cycle)
		return CDB_ALTER_IDENTITY | CDB_ALTER_IDENTITY_OPTIONS;
	return 0;
}

/* The first table named `name` in any schema (for hints that do not qualify it). */
static const struct cdb_table *find_table_any(const struct ctx *c, const struct cdb_schema *s,
                                              const char *name, long *idx)
{
	const struct nindex *ix = s == c->from ? &c->ftables : &c->ttables;
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nkey_cmp(NULL, ix->v[mid].name, NULL, name, c->ci) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= ix->n || !name_eq(c, ix->v[lo].name, name))
		return NULL;
	if (idx)
		*idx = (long)ix->v[lo].idx;
	return &s->tables[ix->v[lo].idx];
}

/* --- type narrowing (destructive alters) ---------------------------------- */

/* Rank of integer types, 0: not one. */
static int int_rank(const char *base)
{
	if (!strcasecmp(base, "SMALLINT") || !strcasecmp(base, "INT2") || !strcasecmp(base, "TINYINT"))
		return 1;
	if (!strcasecmp(base, "INTEGER") || !strcasecmp(base, "INT") || !strcasecmp(base, "INT4"))
		return 2;
	if (!strcasecmp(base, "BIGINT") || !strcasecmp(base, "INT8"))
		return 3;
	return 0;
}

static bool texty(const char *base)
{
	return !strcasecmp(base, "TEXT") || !strcasecmp(base, "CLOB");
}

static bool chary(const char *base)
{
	return !strncasecmp(base, "VARCHAR", 7) || !strncasecmp(base, "CHARACTER", 9) ||
	       !strncasecmp(base, "CHAR", 4) || !strncasecmp(base, "NVARCHAR", 8) ||
	       !strncasecmp(base, "NCHAR", 5);
}

/* Split "NUMERIC(8,2)" into base "NUMERIC" and up to two numbers (-1: absent). */
static void split_type(const char *t, char *base, size_t cap, long *p1, long *p2)
{
	const char *paren = strchr(t, '(');
	size_t n = paren ? (size_t)(paren - t) : strlen(t);

	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(base, t, n);
	base[n] = 0;
	*p1 = *p2 = -1;
	if (paren) {
		char *end;

		*p1 = strtol(paren + 1, &end, 10);
		while (*end == ' ')
			end++;
		if (*end == ',')
			*p2 = strtol(end + 1, NULL, 10);
	}
}

/* True when every value of type `a` fits type `b` unchanged. */
static bool widening(const char *a, const char *b)
{
	char ba[64], bb[64];
	long a1, a2, b1, b2;

	if (!a || !b)
		return true;
	split_type(a, ba, sizeof(ba), &a1, &a2);
	split_type(b, bb, sizeof(bb), &b1, &b2);
	if (int_rank(ba) && int_rank(bb))
		return int_rank(ba) <= int_rank(bb);
	if (texty(bb) && (texty(ba) || chary(ba)))
		return true;
	if (chary(ba) && chary(bb))
		return b1 < 0 || (a1 >= 0 && a1 <= b1);
	if (!strcasecmp(ba, bb)) {
		if (b1 < 0)
			return true;
		if (a1 < 0)
			return false;
		/* NUMERIC(p,s): integer digits and scale must both fit */
		return a1 - (a2 < 0 ? 0 : a2) <= b1 - (b2 < 0 ? 0 : b2) && (a2 < 0 ? 0 : a2) <= (b2 < 0 ? 0 : b2);
	}
	if (int_rank(ba) && (!strcasecmp(bb, "NUMERIC") || !strcasecmp(bb, "DECIMAL")) && b1 < 0)
		return true;
	return false;
}

/*
 * SQLite column affinity of a declared type, by SQLite's rules in their
 * order: "INT" anywhere -> INTEGER; "CHAR", "CLOB" or "TEXT" -> TEXT; "BLOB"
 * or no type -> BLOB; "REAL", "FLOA" or "DOUB" -> REAL; anything else ->
 * NUMERIC. So BIGINT, SMALLINT and "UNSIGNED BIG INT" are all INTEGER.
 */
enum affinity { AFF_INTEGER, AFF_TEXT, AFF_BLOB, AFF_REAL, AFF_NUMERIC };

static bool contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; *s; s++)
		if (!strncasecmp(s, w, n))
			return true;
	return false;
}

static enum affinity sqlite_affinity(const char *type)
{
	if (!type || !*type)
		return AFF_BLOB;
	if (contains_ci(type, "INT"))
		return AFF_INTEGER;
	if (contains_ci(type, "CHAR") || contains_ci(type, "CLOB") || contains_ci(type, "TEXT"))
		return AFF_TEXT;
	if (contains_ci(type, "BLOB"))
		return AFF_BLOB;
	if (contains_ci(type, "REAL") || contains_ci(type, "FLOA") || contains_ci(type, "DOUB"))
		return AFF_REAL;
	return AFF_NUMERIC;
}

/*
 * SQLite stores values by affinity, not by declared type (every integer is
 * 64-bit, lengths are not enforced), so a type change only loses something
 * when the affinity converts values differently: the same affinity keeps
 * them all, BLOB affinity converts nothing, and INTEGER and NUMERIC store
 * values alike (they differ only in CAST). Every other change converts
 * values (TEXT -> INTEGER turns '007' into 7, INTEGER -> REAL rounds big
 * integers, REAL -> INTEGER turns 2.0 into 2).
 */
static bool sqlite_widening(const char *a, const char *b)
{
	enum affinity fa = sqlite_affinity(a), fb = sqlite_affinity(b);

	if (fa == fb || fb == AFF_BLOB)
		return true;
	return (fa == AFF_INTEGER || fa == AFF_NUMERIC) && (fb == AFF_INTEGER || fb == AFF_NUMERIC);
}

/* --- emitting ------------------------------------------------------------- */

static struct cdb_op *push(struct ctx *c, enum cdb_op_kind kind)
{
	struct cdb_diff *d = c->d;
	struct cdb_op *op = CDB_ARENA_PUSH(&d->arena, d->ops, d->nops, d->ops_cap);

	op->kind = kind;
	return op;
}

static const char *qual(struct cdb_arena *a, const char *schema, const char *name)
{
	return schema ? cdb_arena_sprintf(a, "%s.%s", schema, name) : name;
}

static bool type_is_enum(const char *type, const struct cdb_enum *e);

/* "table.column" of the first column of `s` whose type is composite `k` (or an array of it), NULL: none. */
static const char *composite_column_user(struct cdb_arena *a, const struct cdb_schema *s,
                                         const struct cdb_composite *k)
{
	struct cdb_enum e = { .schema = k->schema, .name = k->name };

	for (size_t i = 0; i < s->ntables; i++)
		for (size_t col = 0; col < s->tables[i].ncolumns; col++)
			if (type_is_enum(s->tables[i].columns[col].type, &e))
				return cdb_arena_sprintf(a, "%s.%s", qual(a, s->tables[i].schema, s->tables[i].name),
				                         s->tables[i].columns[col].name);
	return NULL;
}

/* Set `destructive` and `reason` on an op of diff `d` from its kind and objects. */
static void mark_destructive(struct cdb_diff *d, struct cdb_op *op)
{
	struct cdb_arena *a = &d->arena;
	bool sqlite = d->from->sqlite || d->to->sqlite;

	op->destructive = false;
	op->reason = NULL;
	switch (op->kind) {
	case CDB_OP_DROP_TABLE:
		op->destructive = true;
		op->reason = cdb_arena_sprintf(a, "drops table '%s' and its rows",
		                               qual(a, op->from_table->schema, op->from_table->name));
		break;
	case CDB_OP_DROP_COLUMN:
		op->destructive = true;
		op->reason = cdb_arena_sprintf(a, "drops column '%s.%s' and its data",
		                               qual(a, op->from_table->schema, op->from_table->name),
		                               op->from_column->name);
		break;
	case CDB_OP_ALTER_COLUMN:
		if ((op->alter & CDB_ALTER_TYPE) &&
		    !(sqlite ? sqlite_widening : widening)(op->from_column->type, op->to_column->type)) {
			op->destructive = true;
			op->reason = cdb_arena_sprintf(a, "changes column '%s.%s' from %s to %s, which may "
			                               "truncate or fail to convert values",
			                               qual(a, op->to_table->schema, op->to_table->name),
			                               op->to_column->name,
			                               *op->from_column->type ? op->from_column->type : "(no type)",
			                               *op->to_column->type ? op->to_column->type : "(no type)");
		}
		break;
	case CDB_OP_DROP_ENUM:
		op->destructive = true;
		op->reason = cdb_arena_sprintf(a, "drops type '%s'", qual(a, op->from_enum->schema, op->from_enum->name));
		break;
	case CDB_OP_REBUILD_ENUM: {
		/* labels that disappear lose the rows that hold them */
		for (size_t i = 0; i < op->from_enum->nlabels; i++) {
			bool kept = false;

			for (size_t j = 0; j < op->to_enum->nlabels && !kept; j++)
				kept = !strcmp(op->from_enum->labels[i], op->to_enum->labels[j]);
			if (!kept) {
				op->destructive = true;
				op->reason = cdb_arena_sprintf(a, "removes label '%s' from type '%s'; rows that "
				                               "hold it fail to convert",
				                               op->from_enum->labels[i], op->to_enum->name);
				break;
			}
		}
		break;
	}
	case CDB_OP_ALTER_COMPOSITE: {
		/* a dropped attribute loses its values in the columns of either side that use the type */
		const struct cdb_composite *ft = op->from_composite, *tt = op->to_composite;
		const char *user = composite_column_user(a, d->from, ft);

		if (!user)
			user = composite_column_user(a, d->to, ft);
		for (size_t i = 0; i < ft->nattrs && user; i++) {
			bool kept = false;

			for (size_t j = 0; j < tt->nattrs && !kept; j++)
				kept = !strcmp(ft->attrs[i].name, tt->attrs[j].name);
			if (!kept) {
				op->destructive = true;
				op->reason = cdb_arena_sprintf(a, "drops attribute '%s' of type '%s' and its values "
				                               "in column '%s'", ft->attrs[i].name,
				                               qual(a, ft->schema, ft->name), user);
				break;
			}
		}
		break;
	}
	case CDB_OP_REBUILD_DOMAIN:
		if (!opt_eq(op->from_domain->type, op->to_domain->type) &&
		    !widening(op->from_domain->type, op->to_domain->type)) {
			op->destructive = true;
			op->reason = cdb_arena_sprintf(a, "changes domain '%s' from %s to %s, which may truncate "
			                               "or fail to convert the values of the columns using it",
			                               qual(a, op->to_domain->schema, op->to_domain->name),
			                               op->from_domain->type, op->to_domain->type);
		}
		break;
	default:
		break;
	}
}

static struct cdb_op *table_op(struct ctx *c, enum cdb_op_kind kind, const struct cdb_table *ft,
                               const struct cdb_table *tt)
{
	struct cdb_op *op = push(c, kind);

	op->from_table = ft;
	op->to_table = tt;
	return op;
}

/* --- phase helpers -------------------------------------------------------- */

static bool strlist_eq(char **a, size_t na, char **b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

static bool view_matches(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name)
{
	return name_eq(c, v->name, name) && opt_eq(v->schema, schema);
}

static const struct cdb_view *pair_view(const struct ctx *c, const struct cdb_schema *s, const struct cdb_view *v)
{
	for (size_t i = 0; i < s->nviews; i++)
		if (view_matches(c, &s->views[i], v->schema, v->name))
			return &s->views[i];
	return NULL;
}

static bool view_changed(const struct ctx *c, const struct cdb_view *a, const struct cdb_view *b)
{
	return a->materialized != b->materialized || !sql_eq(c, a->definition, b->definition);
}

/* Does the view depend on `dep` ("schema.name" on PostgreSQL, "name" on SQLite)? */
static bool depends_on(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name)
{
	for (size_t i = 0; i < v->ndepends; i++) {
		const char *dep = v->depends[i], *dot = schema ? strchr(dep, '.') : NULL;

		if (schema && dot) {
			if ((size_t)(dot - dep) == strlen(schema) && !strncmp(dep, schema, (size_t)(dot - dep)) &&
			    name_eq(c, dot + 1, name))
				return true;
		} else if (name_eq(c, dep, name)) {
			return true;
		}
	}
	return false;
}

/* Order views so that each comes after the views it reads (indexes into s->views). */
static size_t *view_order(const struct ctx *c, const struct cdb_schema *s)
{
	size_t *order = xcalloc(s->nviews + 1, sizeof(*order)), n = 0;
	bool *done = xcalloc(s->nviews + 1, sizeof(*done));
	bool progress = true;

	while (n < s->nviews && progress) {
		progress = false;
		for (size_t i = 0; i < s->nviews; i++) {
			bool ready = true;

			if (done[i])
				continue;
			for (size_t j = 0; j < s->nviews && ready; j++)
				if (j != i && !done[j] && depends_on(c, &s->views[i], s->views[j].schema, s->views[j].name))
					ready = false;
			if (ready) {
				done[i] = true;
				order[n++] = i;
				progress = true;
			}
		}
	}
	/* a cycle cannot be created in a database; keep whatever is left in name order */
	for (size_t i = 0; i < s->nviews; i++)
		if (!done[i])
			order[n++] = i;
	free(done);
	return order;
}

/*
 * Order tables so a partition comes after its parent and referenced tables
 * come before the tables that reference them.
 */
struct torder {
	const struct ctx *c;
	const struct cdb_schema *s;
	size_t *order, n;
	unsigned char *state; /* 0 new, 1 on the path, 2 placed */
};

static void table_visit(struct torder *o, size_t i)
{
	const struct cdb_table *t = &o->s->tables[i];
	long j;

	if (o->state[i])
		return; /* placed, or a cycle of foreign keys: SQLite does not mind, the rest is name order */
	o->state[i] = 1;
	if (t->parent && find_table(o->c, o->s, t->parent_schema, t->parent, &j))
		table_visit(o, (size_t)j);
	for (size_t k = 0; k < t->nconstraints; k++) {
		const struct cdb_constraint *fk = &t->constraints[k];

		if (fk->kind == CDB_CON_FOREIGN &&
		    find_table(o->c, o->s, fk->ref_schema ? fk->ref_schema : t->schema, fk->ref_table, &j))
			table_visit(o, (size_t)j);
	}
	o->state[i] = 2;
	o->order[o->n++] = i;
}

static size_t *table_order(const struct ctx *c, const struct cdb_schema *s)
{
	struct torder o = { c, s, xcalloc(s->ntables + 1, sizeof(size_t)), 0,
	                    xcalloc(s->ntables + 1, 1) };

	for (size_t i = 0; i < s->ntables; i++)
		table_visit(&o, i);
	free(o.state);
	return o.order;
}

/* --- tables --------------------------------------------------------------- */

static void pair_tables(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	long i, j;

	for (size_t k = 0; k < f->ntables; k++)
		c->tfrom[k] = -1;
	for (size_t k = 0; k < t->ntables; k++)
		c->tto[k] = -1;
	for (size_t h = 0; c->hints && h < c->hints->n; h++) {
		const struct cdb_rename_hint *r = &c->hints->items[h];
		const struct cdb_table *tt;

		if (r->kind != CDB_RENAME_TABLE)
			continue;
		/* an unqualified hint names the table in whatever schema the models put it */
		if (!(tt = r->schema ? find_table(c, t, r->schema, r->to, &j) : find_table_any(c, t, r->to, &j)))
			continue;
		if (find_table(c, f, tt->schema, r->from, &i) && !find_table(c, t, tt->schema, r->from, NULL) &&
		    c->tfrom[i] < 0 && c->tto[j] < 0) {
			c->tfrom[i] = j;
			c->tto[j] = i;
		}
	}
	for (size_t k = 0; k < f->ntables; k++) {
		if (c->tfrom[k] >= 0)
			continue;
		if (find_table(c, t, f->tables[k].schema, f->tables[k].name, &j) && c->tto[j] < 0) {
			c->tfrom[k] = j;
			c->tto[j] = (long)k;
		}
	}
}

static void pair_columns(const struct ctx *c, struct colmap *m, const struct cdb_column **to_from)
{
	const struct cdb_table *ft = m->ft, *tt = m->tt;

	for (size_t h = 0; c->hints && h < c->hints->n; h++) {
		const struct cdb_rename_hint *r = &c->hints->items[h];
		const struct cdb_column *fc, *tc;

		if (r->kind != CDB_RENAME_COLUMN || (r->schema && !opt_eq(r->schema, tt->schema)) ||
		    !(name_eq(c, r->table, tt->name) || name_eq(c, r->table, ft->name)))
			continue;
		fc = find_column(c, ft, r->from);
		tc = find_column(c, tt, r->to);
		if (!fc || !tc || find_column(c, tt, r->from) || to_from[tc - tt->columns] ||
		    m->from_to[fc - ft->columns])
			continue;
		m->from_to[fc - ft->columns] = tc;
		to_from[tc - tt->columns] = fc;
	}
	for (size_t i = 0; i < ft->ncolumns; i++) {
		const struct cdb_column *tc;

		if (m->from_to[i] || ft->columns[i].hidden)
			continue;
		tc = find_column(c, tt, ft->columns[i].name);
		if (tc && !tc->hidden && !to_from[tc - tt->columns]) {
			m->from_to[i] = tc;
			to_from[tc - tt->columns] = &ft->columns[i];
		}
	}
}

/*
 * Whether partition `ft` moves to another parent in `tt`: its parent in
 * `from` is not paired with its parent in `to` (a renamed parent is the same).
 */
static bool parent_moved(const struct ctx *c, const struct cdb_table *ft, const struct cdb_table *tt)
{
	long i, j;

	if (!find_table(c, c->from, ft->parent_schema, ft->parent, &i) ||
	    !find_table(c, c->to, tt->parent_schema, tt->parent, &j))
		return !name_eq(c, ft->parent, tt->parent) || !opt_eq(ft->parent_schema, tt->parent_schema);
	return c->tfrom[i] != j;
}

/* Column, constraint and option changes of one table pair. Returns whether anything changed. */
static bool diff_table(struct ctx *c, const struct cdb_table *ft, const struct cdb_table *tt, bool *retype)
{
	struct cdb_arena *a = &c->d->arena;
	struct colmap m = { ft, tt, NULL };
	const struct cdb_column **to_from = xcalloc(tt->ncolumns + 1, sizeof(*to_from));
	const struct cdb_constraint **con_to = xcalloc(ft->nconstraints + 1, sizeof(*con_to));
	bool *con_used = xcalloc(tt->nconstraints + 1, sizeof(*con_used));
	size_t start = c->d->nops;
	struct cdb_op *op;
	bool partition;
	unsigned f;

	m.from_to = xcalloc(ft->ncolumns + 1, sizeof(*m.from_to));
	pair_columns(c, &m, to_from);
	/* a partition's columns are its parent's, so they are not compared */
	partition = ft->parent || tt->parent;
	for (size_t i = 0; i < ft->nconstraints; i++)
		for (size_t j = 0; j < tt->nconstraints && !con_to[i]; j++)
			if (!con_used[j] && constraint_eq(c, &m, &ft->constraints[i], &tt->constraints[j])) {
				con_to[i] = &tt->constraints[j];
				con_used[j] = true;
			}

	/* constraints go before renames, so the downgrade re-adds old ones after renaming back */
	for (size_t i = 0; i < ft->nconstraints; i++)
		if (!con_to[i]) {
			op = table_op(c, CDB_OP_DROP_CONSTRAINT, ft, tt);
			op->from_constraint = &ft->constraints[i];
		}
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (m.from_to[i] && !name_eq(c, ft->columns[i].name, m.from_to[i]->name)) {
			op = table_op(c, CDB_OP_RENAME_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			op->to_column = m.from_to[i];
			*retype = true;
		}
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (!m.from_to[i] && !ft->columns[i].hidden && !partition) {
			op = table_op(c, CDB_OP_DROP_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			mark_destructive(c->d, op);
			*retype = true;
		}
	for (size_t j = 0; j < tt->ncolumns; j++)
		if (!to_from[j] && !tt->columns[j].hidden && !partition) {
			op = table_op(c, CDB_OP_ADD_COLUMN, ft, tt);
			op->to_column = &tt->columns[j];
		}
	for (size_t i = 0; i < ft->ncolumns; i++)
		if (m.from_to[i] && (f = column_changes(c, &ft->columns[i], m.from_to[i]) |
		                         identity_changes(c, ft, &ft->columns[i], tt, m.from_to[i]))) {
			op = table_op(c, CDB_OP_ALTER_COLUMN, ft, tt);
			op->from_column = &ft->columns[i];
			op->to_column = m.from_to[i];
			op->alter = f;
			mark_destructive(c->d, op);
			if (f & (CDB_ALTER_TYPE | CDB_ALTER_COLLATION | CDB_ALTER_GENERATED))
				*retype = true;
		}
	for (size_t j = 0; j < tt->nconstraints; j++)
		if (!con_used[j]) {
			op = table_op(c, CDB_OP_ADD_CONSTRAINT, ft, tt);
			op->to_constraint = &tt->constraints[j];
		}
	f = 0;
	if (ft->without_rowid != tt->without_rowid)
		f |= CDB_ALTER_WITHOUT_ROWID;
	if (ft->strict != tt->strict)
		f |= CDB_ALTER_STRICT;
	if (!opt_eq(ft->partition_key, tt->partition_key) || !ft->parent != !tt->parent)
		f |= CDB_ALTER_PARTITIONING;
	else if (ft->parent && (!opt_eq(ft->bound, tt->bound) || parent_moved(c, ft, tt)))
		f |= CDB_ALTER_PARTITION_BOUND;
	if (ft->rls != tt->rls)
		f |= CDB_ALTER_RLS;
	if (ft->rls_forced != tt->rls_forced)
		f |= CDB_ALTER_FORCE_RLS;
	if (ft->unlogged != tt->unlogged)
		f |= CDB_ALTER_LOGGED;
	if (!strlist_eq(ft->options, ft->noptions, tt->options, tt->noptions))
		f |= CDB_ALTER_STORAGE;
	if (f) {
		op = table_op(c, CDB_OP_ALTER_TABLE, ft, tt);
		op->alter = f;
	}

	/* a dropped and an added column of one type may be a rename nobody hinted */
	for (size_t i = 0; i < ft->ncolumns && !partition; i++) {
		if (m.from_to[i] || ft->columns[i].hidden)
			continue;
		for (size_t j = 0; j < tt->ncolumns; j++) {
			struct cdb_rename_candidate *rc;

			if (to_from[j] || tt->columns[j].hidden ||
			    !sql_eq(c, ft->columns[i].type, tt->columns[j].type))
				continue;
			/* each added column is offered once, to the first dropped one */
			to_from[j] = &ft->columns[i];
			rc = CDB_ARENA_PUSH(a, c->d->renames, c->d->nrenames, c->d->renames_cap);
			rc->kind = CDB_RENAME_COLUMN;
			rc->from_table = ft;
			rc->to_table = tt;
			rc->from_column = &ft->columns[i];
			rc->to_column = &tt->columns[j];
			rc->message = cdb_arena_sprintf(a, "possible rename of column '%s.%s' to '%s'",
			                                qual(a, tt->schema, tt->name), ft->columns[i].name,
			                                tt->columns[j].name);
			rc->hint = cdb_arena_sprintf(a, "-- cdb: rename column %s.%s to %s",
			                             qual(a, tt->schema, tt->name), ft->columns[i].name,
			                             tt->columns[j].name);
			break;
		}
	}
	/* kept: index keys are compared through the renames (index_eq) */
	c->colmaps[ft - c->from->tables] = m.from_to;
	free(to_from);
	free(con_to);
	free(con_used);
	return c->d->nops > start;
}

/* --- indexes and triggers ------------------------------------------------- */

/*
 * Append `sql` (an index key or WHERE clause of from-table m->ft) to `out`
 * with every column name replaced by the column's name in `to`: RENAME
 * COLUMN rewrites the indexes on the column, so an index on a renamed column
 * is unchanged when its keys match once mapped. Token by token, so a string
 * or a longer name holding the column's name is left alone; the word after
 * COLLATE is a collation, never a column.
 */
static void map_sql(const struct ctx *c, const struct colmap *m, struct cdb_buf *out, const char *sql)
{
	const char *pos = sql, *prev_end = sql;
	struct cdb_tok t;
	enum cdb_tok_kind k;
	bool after_collate = false;
	struct cdb_arena tmp;

	cdb_arena_init(&tmp);
	while ((k = cdb_tok_next(&pos, &t)) != CDB_TOK_END) {
		const char *to = NULL;

		if ((k == CDB_TOK_WORD || k == CDB_TOK_QUOTED) && !after_collate) {
			const char *id = cdb_tok_ident(&tmp, &t), *mapped = map_column(c, m, id);

			if (mapped != id)
				to = mapped;
		}
		after_collate = cdb_tok_is(&t, "COLLATE");
		/* keep the text between tokens (spaces, comments): the normal form drops it */
		cdb_buf_put(out, prev_end, (size_t)(t.p - prev_end));
		if (to) {
			cdb_buf_putc(out, '"');
			for (const char *q = to; *q; q++) {
				if (*q == '"')
					cdb_buf_putc(out, '"');
				cdb_buf_putc(out, *q);
			}
			cdb_buf_putc(out, '"');
		} else {
			cdb_buf_put(out, t.p, t.n);
		}
		prev_end = t.p + t.n;
	}
	cdb_arena_release(&tmp);
}

/* sql_eq(a, b) where `a` is from-table text to be read through the column renames of `m`. */
static bool mapped_sql_eq(const struct ctx *c, const struct colmap *m, const char *a, const char *b)
{
	struct cdb_buf ma = CDB_BUF_INIT;
	bool eq;

	if (!a || !b || !m)
		return sql_eq(c, a, b);
	map_sql(c, m, &ma, a);
	eq = sql_eq(c, ma.ptr, b);
	cdb_buf_release(&ma);
	return eq;
}

/* `a` is an index in `from`, `b` one in `to`; column renames of a's table are followed. */
static bool index_eq(const struct ctx *c, const struct cdb_index *a, const struct cdb_index *b)
{
	long ti;
	struct colmap m = { NULL, NULL, NULL }, *mp = NULL;

	if (find_table(c, c->from, a->schema, a->table, &ti) && c->colmaps[ti]) {
		m.ft = &c->from->tables[ti];
		m.from_to = c->colmaps[ti];
		mp = &m;
	}
	if (a->unique != b->unique || a->nkeys != b->nkeys || a->ninclude != b->ninclude ||
	    !opt_eq(a->method, b->method) || !mapped_sql_eq(c, mp, a->where, b->where) ||
	    !name_eq(c, map_table(c, a->schema, a->table), b->table))
		return false;
	for (size_t i = 0; i < a->nkeys; i++)
		if (!mapped_sql_eq(c, mp, a->keys[i], b->keys[i]))
			return false;
	for (size_t i = 0; i < a->ninclude; i++)
		if (!name_eq(c, mp ? map_column(c, mp, a->include[i]) : a->include[i], b->include[i]))
			return false;
	/* PostgreSQL fills keys from the catalog; when it does not, the definition decides */
	if (!a->nkeys && !b->nkeys && !c->ci)
		return sql_eq(c, a->definition, b->definition);
	return true;
}

static const struct cdb_index *pair_index(const struct ctx *c, const struct cdb_schema *s, const struct cdb_index *x)
{
	long i = nindex_find(s == c->from ? &c->findexes : &c->tindexes, x->schema, x->name, c->ci);

	return i < 0 ? NULL : &s->indexes[i];
}

static const struct cdb_trigger *pair_trigger(const struct ctx *c, const struct cdb_schema *s,
                                              const struct cdb_trigger *x, bool map)
{
	const char *table = map ? map_table(c, x->schema, x->table) : x->table;

	for (size_t i = 0; i < s->ntriggers; i++)
		if (name_eq(c, s->triggers[i].name, x->name) && opt_eq(s->triggers[i].schema, x->schema) &&
		    name_eq(c, s->triggers[i].table, table))
			return &s->triggers[i];
	return NULL;
}

/* The table an index or trigger is on, in schema s (NULL: a view or unknown). */
static const struct cdb_table *owner(const struct ctx *c, const struct cdb_schema *s, const char *schema,
                                     const char *table)
{
	return find_table(c, s, schema, table, NULL);
}

/*
 * Whether triggers on a table must be dropped and re-created around its
 * changes: SQLite rebuilds loses them on any change; PostgreSQL refuses to
 * retype a column a trigger names.
 */
static bool from_table_changed(const struct ctx *c, const char *schema, const char *name)
{
	long i;

	return find_table(c, c->from, schema, name, &i) && (c->ci ? c->tchanged[i] : c->tretype[i]);
}

/*
 * Materialized views carry indexes; when the view is dropped and re-created
 * its indexes go with it. Returns the from-side view an index is on, NULL
 * for an index on a table.
 */
static const struct cdb_view *index_view(const struct ctx *c, const struct cdb_schema *s,
                                         const struct cdb_index *x)
{
	if (owner(c, s, x->schema, x->table))
		return NULL;
	for (size_t i = 0; i < s->nviews; i++)
		if (view_matches(c, &s->views[i], x->schema, x->table))
			return &s->views[i];
	return NULL;
}

/* --- the PostgreSQL kinds ------------------------------------------------- */

static bool labels_extend(const struct cdb_enum *a, const struct cdb_enum *b)
{
	size_t j = 0;

	for (size_t i = 0; i < a->nlabels; i++) {
		while (j < b->nlabels && strcmp(b->labels[j], a->labels[i]))
			j++;
		if (j == b->nlabels)
			return false;
		j++;
	}
	return true;
}

static bool labels_eq(const struct cdb_enum *a, const struct cdb_enum *b)
{
	if (a->nlabels != b->nlabels)
		return false;
	for (size_t i = 0; i < a->nlabels; i++)
		if (strcmp(a->labels[i], b->labels[i]))
			return false;
	return true;
}

static bool sequence_managed(const struct cdb_sequence *s)
{
	/* identity and serial sequences come and go with their column */
	return s->identity || s->owned_by;
}

static unsigned sequence_changes(const struct cdb_sequence *a, const struct cdb_sequence *b)
{
	unsigned f = 0;

	if (!opt_eq(a->type, b->type))
		f |= CDB_ALTER_SEQ_TYPE;
	if (a->start != b->start || a->increment != b->increment || a->min != b->min || a->max != b->max ||
	    a->cache != b->cache || a->cycle != b->cycle)
		f |= CDB_ALTER_SEQ_PARAMS;
	if (!opt_eq(a->owned_by, b->owned_by))
		f |= CDB_ALTER_SEQ_OWNED;
	return f;
}

static void comment_op(struct ctx *c, enum cdb_comment_on on, const char *from, const char *to,
                       struct cdb_op *proto)
{
	struct cdb_op *op;

	if (opt_eq(from, to))
		return;
	op = push(c, CDB_OP_SET_COMMENT);
	*op = *proto;
	op->kind = CDB_OP_SET_COMMENT;
	op->comment_on = on;
	op->from_comment = from;
	op->to_comment = to;
}

/* Comments of objects about to be dropped are cleared first, so the downgrade restores them. */
static void clear_dropped_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ntables; i++) {
		const struct cdb_table *t = &f->tables[i];
		struct cdb_op p = { .from_table = t, .to_table = t };

		if (c->tfrom[i] >= 0)
			continue;
		comment_op(c, CDB_COMMENT_TABLE, t->comment, NULL, &p);
		for (size_t k = 0; k < t->ncolumns; k++) {
			p.from_column = p.to_column = &t->columns[k];
			comment_op(c, CDB_COMMENT_COLUMN, t->columns[k].comment, NULL, &p);
		}
	}
	for (size_t i = 0; i < f->nviews; i++) {
		struct cdb_op p = { .from_view = &f->views[i], .to_view = &f->views[i] };

		if (!pair_view(c, c->to, &f->views[i]))
			comment_op(c, CDB_COMMENT_VIEW, f->views[i].comment, NULL, &p);
	}
	for (size_t i = 0; i < f->nindexes; i++) {
		struct cdb_op p = { .from_index = &f->indexes[i], .to_index = &f->indexes[i] };
		const struct cdb_index *x = pair_index(c, c->to, &f->indexes[i]);

		if (!x || !index_eq(c, &f->indexes[i], x))
			comment_op(c, CDB_COMMENT_INDEX, f->indexes[i].comment, NULL, &p);
	}
}

static void domain_comments(struct ctx *c);
static const struct cdb_collation *find_collation(const struct cdb_schema *s, const struct cdb_collation *k);
static const struct cdb_range *find_range(const struct cdb_schema *s, const struct cdb_range *k);
static bool collation_def_eq(const struct cdb_collation *a, const struct cdb_collation *b);
static bool range_eq(const struct cdb_range *a, const struct cdb_range *b);
static const struct cdb_composite *find_composite(const struct cdb_schema *s, const struct cdb_composite *k);

/* Comments of paired and created objects. */
static void set_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ntables; j++) {
		const struct cdb_table *tt = &t->tables[j];
		const struct cdb_table *ft = c->tto[j] >= 0 ? &f->tables[c->tto[j]] : NULL;
		struct cdb_op p = { .from_table = ft ? ft : tt, .to_table = tt };

		comment_op(c, CDB_COMMENT_TABLE, ft ? ft->comment : NULL, tt->comment, &p);
		for (size_t k = 0; k < tt->ncolumns; k++) {
			const struct cdb_column *fc = NULL;

			/* a renamed column keeps its comment: pair it through the rename */
			for (size_t n = 0; ft && n < c->d->nops && !fc; n++)
				if (c->d->ops[n].kind == CDB_OP_RENAME_COLUMN && c->d->ops[n].to_column == &tt->columns[k])
					fc = c->d->ops[n].from_column;
			if (ft)
				for (size_t i = 0; i < ft->ncolumns && !fc; i++)
					if (name_eq(c, ft->columns[i].name, tt->columns[k].name))
						fc = &ft->columns[i];
			p.from_column = fc ? fc : &tt->columns[k];
			p.to_column = &tt->columns[k];
			comment_op(c, CDB_COMMENT_COLUMN, fc ? fc->comment : NULL, tt->columns[k].comment, &p);
		}
	}
	for (size_t j = 0; j < t->nviews; j++) {
		const struct cdb_view *fv = pair_view(c, f, &t->views[j]);
		struct cdb_op p = { .from_view = fv ? fv : &t->views[j], .to_view = &t->views[j] };
		bool recreated = !fv || view_changed(c, fv, &t->views[j]);

		comment_op(c, CDB_COMMENT_VIEW, fv && !recreated ? fv->comment : NULL, t->views[j].comment, &p);
	}
	for (size_t j = 0; j < t->nindexes; j++) {
		const struct cdb_index *fx = pair_index(c, f, &t->indexes[j]);
		struct cdb_op p = { .from_index = fx ? fx : &t->indexes[j], .to_index = &t->indexes[j] };
		bool recreated = !fx || !index_eq(c, fx, &t->indexes[j]);

		comment_op(c, CDB_COMMENT_INDEX, fx && !recreated ? fx->comment : NULL, t->indexes[j].comment, &p);
	}
	for (size_t j = 0; j < t->nenums; j++) {
		const struct cdb_enum *fe = NULL;
		struct cdb_op p = { .to_enum = &t->enums[j] };

		for (size_t i = 0; i < f->nenums && !fe; i++)
			if (opt_eq(f->enums[i].schema, t->enums[j].schema) && !strcmp(f->enums[i].name, t->enums[j].name))
				fe = &f->enums[i];
		p.from_enum = fe ? fe : &t->enums[j];
		comment_op(c, CDB_COMMENT_ENUM, fe ? fe->comment : NULL, t->enums[j].comment, &p);
	}
	for (size_t j = 0; j < t->nsequences; j++) {
		const struct cdb_sequence *fs = NULL;
		struct cdb_op p = { .to_sequence = &t->sequences[j] };

		if (sequence_managed(&t->sequences[j]))
			continue;
		for (size_t i = 0; i < f->nsequences && !fs; i++)
			if (opt_eq(f->sequences[i].schema, t->sequences[j].schema) &&
			    !strcmp(f->sequences[i].name, t->sequences[j].name))
				fs = &f->sequences[i];
		p.from_sequence = fs ? fs : &t->sequences[j];
		comment_op(c, CDB_COMMENT_SEQUENCE, fs ? fs->comment : NULL, t->sequences[j].comment, &p);
	}
	for (size_t j = 0; j < t->nfunctions; j++) {
		const struct cdb_function *ff = NULL;
		struct cdb_op p = { .to_function = &t->functions[j] };

		for (size_t i = 0; i < f->nfunctions && !ff; i++)
			if (opt_eq(f->functions[i].schema, t->functions[j].schema) &&
			    !strcmp(f->functions[i].name, t->functions[j].name) &&
			    opt_eq(f->functions[i].args, t->functions[j].args))
				ff = &f->functions[i];
		p.from_function = ff ? ff : &t->functions[j];
		comment_op(c, CDB_COMMENT_FUNCTION, ff ? ff->comment : NULL, t->functions[j].comment, &p);
	}
	for (size_t j = 0; j < t->nnamespaces; j++) {
		const struct cdb_namespace *fn = NULL;
		struct cdb_op p = { .to_namespace = &t->namespaces[j] };

		for (size_t i = 0; i < f->nnamespaces && !fn; i++)
			if (!strcmp(f->namespaces[i].name, t->namespaces[j].name))
				fn = &f->namespaces[i];
		p.from_namespace = fn ? fn : &t->namespaces[j];
		comment_op(c, CDB_COMMENT_NAMESPACE, fn ? fn->comment : NULL, t->namespaces[j].comment, &p);
	}
	domain_comments(c);
	for (size_t j = 0; j < t->ncollations; j++) {
		const struct cdb_collation *fk = find_collation(f, &t->collations[j]);
		struct cdb_op p = { .from_collation = fk, .to_collation = &t->collations[j] };

		/* a replaced one is created with its comment */
		if (fk && collation_def_eq(fk, &t->collations[j]))
			comment_op(c, CDB_COMMENT_COLLATION, fk->comment, t->collations[j].comment, &p);
	}
	for (size_t j = 0; j < t->nranges; j++) {
		const struct cdb_range *fr = find_range(f, &t->ranges[j]);
		struct cdb_op p = { .from_range = fr, .to_range = &t->ranges[j] };

		if (fr && range_eq(fr, &t->ranges[j]))
			comment_op(c, CDB_COMMENT_RANGE, fr->comment, t->ranges[j].comment, &p);
	}
	for (size_t j = 0; j < t->ncomposites; j++) {
		const struct cdb_composite *ft = find_composite(f, &t->composites[j]);
		struct cdb_op p = { .from_composite = ft, .to_composite = &t->composites[j] };

		if (ft)
			comment_op(c, CDB_COMMENT_COMPOSITE, ft->comment, t->composites[j].comment, &p);
	}
}

/* --- domains (PostgreSQL) ------------------------------------------------ */

static const struct cdb_domain *find_domain(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t i = 0; i < s->ndomains; i++)
		if (opt_eq(s->domains[i].schema, d->schema) && !strcmp(s->domains[i].name, d->name))
			return &s->domains[i];
	return NULL;
}

/* Does column type text (format_type: "email", "crm.email", "email[]") name domain d? */
static bool type_is_domain(const char *type, const struct cdb_domain *d)
{
	struct cdb_enum e = { .schema = d->schema, .name = d->name };

	return type_is_enum(type, &e);
}

static bool domain_used(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t k = 0; k < s->ntables; k++)
		for (size_t col = 0; col < s->tables[k].ncolumns; col++)
			if (type_is_domain(s->tables[k].columns[col].type, d))
				return true;
	return false;
}

/*
 * Does a column of `s` have an array of domain d as its type? PostgreSQL
 * cannot check the values of such a column against a new CHECK or NOT
 * NULL of the domain ("cannot alter type ... because column ... uses it").
 */
static bool domain_array_used(const struct cdb_schema *s, const struct cdb_domain *d)
{
	for (size_t k = 0; k < s->ntables; k++)
		for (size_t col = 0; col < s->tables[k].ncolumns; col++) {
			const char *ty = s->tables[k].columns[col].type;

			if (ty && strchr(ty, '[') && type_is_domain(ty, d))
				return true;
		}
	return false;
}

/* Has domain d a CHECK of k's name and definition? */
static bool domain_has_check(const struct cdb_domain *d, const struct cdb_domain_check *k)
{
	for (size_t i = 0; i < d->nchecks; i++)
		if (!strcmp(d->checks[i].name, k->name) && !strcmp(d->checks[i].definition, k->definition))
			return true;
	return false;
}

/* Does going from domain a to b add a CHECK or NOT NULL, which the server validates? */
static bool domain_adds_rule(const struct cdb_domain *a, const struct cdb_domain *b)
{
	if (b->notnull && !a->notnull)
		return true;
	for (size_t i = 0; i < b->nchecks; i++)
		if (!domain_has_check(a, &b->checks[i]))
			return true;
	return false;
}

/* What ALTER DOMAIN can change in place (enum cdb_alter_flags). */
static unsigned domain_changes(const struct cdb_domain *a, const struct cdb_domain *b)
{
	unsigned f = 0;

	if (!opt_eq(a->default_expr, b->default_expr))
		f |= CDB_ALTER_DEFAULT;
	if (a->notnull != b->notnull)
		f |= CDB_ALTER_NULLABLE;
	if (a->nchecks != b->nchecks)
		f |= CDB_ALTER_DOMAIN_CHECKS;
	for (size_t i = 0; i < a->nchecks && !(f & CDB_ALTER_DOMAIN_CHECKS); i++)
		if (strcmp(a->checks[i].name, b->checks[i].name) || strcmp(a->checks[i].definition, b->checks[i].definition))
			f |= CDB_ALTER_DOMAIN_CHECKS;
	return f;
}

/*
 * A domain whose base type or collation changes cannot be altered in place:
 * it is rebuilt (REBUILD_DOMAIN) when columns use it, else dropped and
 * created again.
 */
static bool domain_retyped(const struct cdb_domain *a, const struct cdb_domain *b)
{
	return !opt_eq(a->type, b->type) || !opt_eq(a->collation, b->collation);
}

/*
 * Is domain a (of database schema f) rebuilt to become b: retyped while
 * columns use it, or given a CHECK or NOT NULL while a column holds an
 * array of it (both directions of the diff rebuild it then).
 */
static bool domain_rebuilt(const struct cdb_schema *f, const struct cdb_domain *a, const struct cdb_domain *b)
{
	if (domain_retyped(a, b))
		return domain_used(f, a);
	return (domain_adds_rule(a, b) || domain_adds_rule(b, a)) && domain_array_used(f, a);
}

/*
 * Does CHECK text `def` call a function of schema `s`? pg_get_constraintdef
 * prints a call as name( or schema.name( (either part possibly quoted).
 */
static bool calls_function(const struct cdb_schema *s, const char *def)
{
	for (size_t i = 0; i < s->nfunctions; i++) {
		const char *name = s->functions[i].name;
		size_t n = strlen(name);

		for (const char *p = strstr(def, name); p; p = strstr(p + 1, name)) {
			const char *q = p + n;
			char before = p > def ? p[-1] : ' ';

			if (before == '"' && *q == '"') {
				before = p - 1 > def ? p[-2] : ' ';
				q++;
			}
			if (isalnum((unsigned char)before) || before == '_' || before == '$' || before == '"')
				continue;
			while (*q == ' ')
				q++;
			if (*q == '(')
				return true;
		}
	}
	return false;
}

/*
 * `d` without the CHECKs that call a function of `fns`: PostgreSQL creates
 * domains before functions and drops them after, so such CHECKs are added
 * once the functions exist and dropped before they go. Returns `d` itself
 * when it has none, else a copy in the diff's arena.
 */
static const struct cdb_domain *domain_without_calls(struct ctx *c, const struct cdb_domain *d,
                                                     const struct cdb_schema *fns)
{
	struct cdb_domain *copy;
	size_t keep = 0;

	for (size_t i = 0; i < d->nchecks; i++)
		if (!calls_function(fns, d->checks[i].definition))
			keep++;
	if (keep == d->nchecks)
		return d;
	copy = cdb_arena_alloc(&c->d->arena, sizeof(*copy));
	*copy = *d;
	copy->checks = cdb_arena_alloc(&c->d->arena, (keep ? keep : 1) * sizeof(*copy->checks));
	copy->nchecks = 0;
	for (size_t i = 0; i < d->nchecks; i++)
		if (!calls_function(fns, d->checks[i].definition))
			copy->checks[copy->nchecks++] = d->checks[i];
	return copy;
}

/* Does `b` have a CHECK that `a` lacks and that calls a function of `fns`? */
static bool adds_call(const struct cdb_domain *a, const struct cdb_domain *b, const struct cdb_schema *fns)
{
	for (size_t i = 0; i < b->nchecks; i++)
		if (!domain_has_check(a, &b->checks[i]) && calls_function(fns, b->checks[i].definition))
			return true;
	return false;
}

static void alter_domain_op(struct ctx *c, const struct cdb_domain *fd, const struct cdb_domain *td, unsigned flags)
{
	struct cdb_op *op = push(c, CDB_OP_ALTER_DOMAIN);

	op->from_domain = fd;
	op->to_domain = td;
	op->alter = flags;
}

/*
 * Domains are created with the enums, before the tables that use them; a
 * domain whose base type or collation changes is rebuilt when columns use
 * it (rename, create, convert the columns, drop the old one; the renderer
 * does it like an enum rebuild), else dropped and created again right here.
 * One that gains or loses a CHECK or NOT NULL while a column holds an
 * array of it is rebuilt too (see domain_array_used()).
 * The CHECKs that call user functions are left out here and added by
 * late_domain_checks() once the functions exist.
 */
static void create_domains(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	struct cdb_op *op;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *td = &t->domains[j], *fd = find_domain(f, td);
		const struct cdb_domain *early = domain_without_calls(c, td, t);
		unsigned flags;

		if (!fd) {
			push(c, CDB_OP_CREATE_DOMAIN)->to_domain = early;
			continue;
		}
		if (domain_rebuilt(f, fd, td) && (domain_retyped(fd, td) || !adds_call(fd, td, t))) {
			op = push(c, CDB_OP_REBUILD_DOMAIN);
			op->from_domain = fd;
			/* rebuilt for a new CHECK: its calls name functions the database has */
			op->to_domain = domain_retyped(fd, td) ? early : td;
			mark_destructive(c->d, op);
			continue;
		}
		if (domain_retyped(fd, td)) {
			push(c, CDB_OP_DROP_DOMAIN)->from_domain = fd;
			push(c, CDB_OP_CREATE_DOMAIN)->to_domain = early;
			continue;
		}
		if ((flags = domain_changes(fd, td)) && !adds_call(fd, td, t))
			alter_domain_op(c, fd, td, flags);
	}
}

/* After the functions: the CHECKs create_domains() left out (see there). */
static void late_domain_checks(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *td = &t->domains[j], *fd = find_domain(f, td);
		const struct cdb_domain *early = domain_without_calls(c, td, t);
		unsigned flags;

		if (!fd || domain_retyped(fd, td)) {
			if (early != td)
				alter_domain_op(c, early, td, CDB_ALTER_DOMAIN_CHECKS);
		} else if ((flags = domain_changes(fd, td)) && adds_call(fd, td, t)) {
			alter_domain_op(c, fd, td, flags);
		}
	}
}

/*
 * A dropped domain whose CHECKs call functions loses those CHECKs before
 * the functions are dropped (the domain itself goes after them, because a
 * function may take or return it). Returns the domain as drop_domains()
 * finds it.
 */
static const struct cdb_domain *early_domain_drop(struct ctx *c, const struct cdb_domain *fd, bool push_op)
{
	const struct cdb_domain *late = domain_without_calls(c, fd, c->from);

	if (push_op && late != fd)
		alter_domain_op(c, fd, late, CDB_ALTER_DOMAIN_CHECKS);
	return late;
}

/* Dropped after the tables that used them, before the enums they may be over. */
static void drop_domains(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ndomains; i++)
		if (!find_domain(c->to, &c->from->domains[i]))
			push(c, CDB_OP_DROP_DOMAIN)->from_domain = early_domain_drop(c, &c->from->domains[i], false);
}

static void domain_comments(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ndomains; j++) {
		const struct cdb_domain *fd = find_domain(f, &t->domains[j]);
		struct cdb_op p = { .from_domain = fd ? fd : &t->domains[j], .to_domain = &t->domains[j] };

		/* a domain dropped and created again lost its comment */
		for (size_t n = 0; fd && n < c->d->nops; n++)
			if (c->d->ops[n].kind == CDB_OP_CREATE_DOMAIN &&
			    opt_eq(c->d->ops[n].to_domain->schema, t->domains[j].schema) &&
			    !strcmp(c->d->ops[n].to_domain->name, t->domains[j].name))
				fd = NULL;
		comment_op(c, CDB_COMMENT_DOMAIN, fd ? fd->comment : NULL, t->domains[j].comment, &p);
	}
}

/* --- collations, range types, composite types (PostgreSQL) ---------------- */

static const struct cdb_collation *find_collation(const struct cdb_schema *s, const struct cdb_collation *k)
{
	for (size_t i = 0; i < s->ncollations; i++)
		if (opt_eq(s->collations[i].schema, k->schema) && !strcmp(s->collations[i].name, k->name))
			return &s->collations[i];
	return NULL;
}

static bool collation_def_eq(const struct cdb_collation *a, const struct cdb_collation *b)
{
	return a->provider == b->provider && a->deterministic == b->deterministic &&
	       opt_eq(a->locale, b->locale) && opt_eq(a->lc_collate, b->lc_collate) &&
	       opt_eq(a->lc_ctype, b->lc_ctype) && opt_eq(a->rules, b->rules);
}

static const struct cdb_range *find_range(const struct cdb_schema *s, const struct cdb_range *k)
{
	for (size_t i = 0; i < s->nranges; i++)
		if (opt_eq(s->ranges[i].schema, k->schema) && !strcmp(s->ranges[i].name, k->name))
			return &s->ranges[i];
	return NULL;
}

static bool range_eq(const struct cdb_range *a, const struct cdb_range *b)
{
	return opt_eq(a->subtype, b->subtype) && opt_eq(a->opclass, b->opclass) &&
	       opt_eq(a->collation, b->collation) && opt_eq(a->canonical, b->canonical) &&
	       opt_eq(a->subtype_diff, b->subtype_diff) && opt_eq(a->multirange_schema, b->multirange_schema) &&
	       opt_eq(a->multirange, b->multirange);
}

static const struct cdb_composite *find_composite(const struct cdb_schema *s, const struct cdb_composite *k)
{
	for (size_t i = 0; i < s->ncomposites; i++)
		if (opt_eq(s->composites[i].schema, k->schema) && !strcmp(s->composites[i].name, k->name))
			return &s->composites[i];
	return NULL;
}

static bool composite_eq(const struct cdb_composite *a, const struct cdb_composite *b)
{
	if (a->nattrs != b->nattrs)
		return false;
	for (size_t i = 0; i < a->nattrs; i++)
		if (strcmp(a->attrs[i].name, b->attrs[i].name) != 0 || !opt_eq(a->attrs[i].type, b->attrs[i].type) ||
		    !opt_eq(a->attrs[i].collation, b->attrs[i].collation))
			return false;
	return true;
}

/* Does an attribute of composite type `u` have composite type `k` (or an array of it)? */
static bool composite_uses(const struct cdb_composite *u, const struct cdb_composite *k)
{
	struct cdb_enum e = { .schema = k->schema, .name = k->name };

	for (size_t i = 0; i < u->nattrs; i++)
		if (type_is_enum(u->attrs[i].type, &e))
			return true;
	return false;
}

/*
 * Composite types of `s` in creation order: a type after the composite
 * types its attributes use. Returns an xmalloc'd array of s->ncomposites
 * indexes; a cycle (which the server cannot build) keeps catalog order.
 */
static size_t *composite_order(const struct cdb_schema *s)
{
	size_t *order = xcalloc(s->ncomposites + 1, sizeof *order);
	bool *done = xcalloc(s->ncomposites + 1, sizeof *done);
	size_t n = 0;
	bool progress = true;

	while (n < s->ncomposites && progress) {
		progress = false;
		for (size_t i = 0; i < s->ncomposites; i++) {
			bool ready = !done[i];

			for (size_t k = 0; k < s->ncomposites && ready; k++)
				if (k != i && !done[k] && composite_uses(&s->composites[i], &s->composites[k]))
					ready = false;
			if (ready) {
				done[i] = true;
				order[n++] = i;
				progress = true;
			}
		}
	}
	for (size_t i = 0; i < s->ncomposites; i++)
		if (!done[i])
			order[n++] = i;
	free(done);
	return order;
}

/* Collations first: domains, types and tables may use them. */
static void create_collations(struct ctx *c)
{
	for (size_t j = 0; j < c->to->ncollations; j++) {
		const struct cdb_collation *tk = &c->to->collations[j], *fk = find_collation(c->from, tk);
		struct cdb_op *op;

		if (!fk) {
			push(c, CDB_OP_CREATE_COLLATION)->to_collation = tk;
		} else if (!collation_def_eq(fk, tk)) {
			op = push(c, CDB_OP_REPLACE_COLLATION);
			op->from_collation = fk;
			op->to_collation = tk;
		}
	}
}

/* After the domains (a range's subtype or an attribute may be one), before functions and tables. */
static void create_types(struct ctx *c)
{
	size_t *order;
	struct cdb_op *op;

	for (size_t j = 0; j < c->to->nranges; j++) {
		const struct cdb_range *tr = &c->to->ranges[j], *fr = find_range(c->from, tr);

		if (!fr) {
			push(c, CDB_OP_CREATE_RANGE)->to_range = tr;
		} else if (!range_eq(fr, tr)) {
			op = push(c, CDB_OP_REPLACE_RANGE);
			op->from_range = fr;
			op->to_range = tr;
		}
	}
	order = composite_order(c->to);
	for (size_t n = 0; n < c->to->ncomposites; n++) {
		const struct cdb_composite *tt = &c->to->composites[order[n]], *ft = find_composite(c->from, tt);

		if (!ft) {
			push(c, CDB_OP_CREATE_COMPOSITE)->to_composite = tt;
		} else if (!composite_eq(ft, tt)) {
			op = push(c, CDB_OP_ALTER_COMPOSITE);
			op->from_composite = ft;
			op->to_composite = tt;
			mark_destructive(c->d, op);
		}
	}
	free(order);
}

/* After the tables and functions that use them, before the domains. */
static void drop_types(struct ctx *c)
{
	size_t *order = composite_order(c->from);

	for (size_t n = c->from->ncomposites; n-- > 0;)
		if (!find_composite(c->to, &c->from->composites[order[n]]))
			push(c, CDB_OP_DROP_COMPOSITE)->from_composite = &c->from->composites[order[n]];
	free(order);
	for (size_t i = 0; i < c->from->nranges; i++)
		if (!find_range(c->to, &c->from->ranges[i]))
			push(c, CDB_OP_DROP_RANGE)->from_range = &c->from->ranges[i];
}

static void drop_collations(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ncollations; i++)
		if (!find_collation(c->to, &c->from->collations[i]))
			push(c, CDB_OP_DROP_COLLATION)->from_collation = &c->from->collations[i];
}

static void create_pg_objects(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	struct cdb_op *op;

	for (size_t j = 0; j < t->nnamespaces; j++) {
		bool found = false;

		for (size_t i = 0; i < f->nnamespaces && !found; i++)
			found = !strcmp(f->namespaces[i].name, t->namespaces[j].name);
		if (!found)
			push(c, CDB_OP_CREATE_NAMESPACE)->to_namespace = &t->namespaces[j];
	}
	for (size_t j = 0; j < t->nextensions; j++) {
		const struct cdb_extension *fe = NULL;

		for (size_t i = 0; i < f->nextensions && !fe; i++)
			if (!strcmp(f->extensions[i].name, t->extensions[j].name))
				fe = &f->extensions[i];
		if (!fe) {
			push(c, CDB_OP_CREATE_EXTENSION)->to_extension = &t->extensions[j];
		} else if (!opt_eq(fe->version, t->extensions[j].version) || !opt_eq(fe->schema, t->extensions[j].schema)) {
			op = push(c, CDB_OP_ALTER_EXTENSION);
			op->from_extension = fe;
			op->to_extension = &t->extensions[j];
		}
	}
	create_collations(c);
	for (size_t j = 0; j < t->nenums; j++) {
		const struct cdb_enum *fe = NULL, *te = &t->enums[j];

		for (size_t i = 0; i < f->nenums && !fe; i++)
			if (opt_eq(f->enums[i].schema, te->schema) && !strcmp(f->enums[i].name, te->name))
				fe = &f->enums[i];
		if (!fe) {
			push(c, CDB_OP_CREATE_ENUM)->to_enum = te;
		} else if (labels_eq(fe, te)) {
			continue;
		} else if (labels_extend(fe, te)) {
			for (size_t k = 0; k < te->nlabels; k++) {
				bool old = false;

				for (size_t i = 0; i < fe->nlabels && !old; i++)
					old = !strcmp(fe->labels[i], te->labels[k]);
				if (old)
					continue;
				op = push(c, CDB_OP_ADD_ENUM_VALUE);
				op->from_enum = fe;
				op->to_enum = te;
				op->label = te->labels[k];
				/* the next label that already exists, so the order comes out right */
				for (size_t n = k + 1; n < te->nlabels && !op->label_before; n++)
					for (size_t i = 0; i < fe->nlabels; i++)
						if (!strcmp(fe->labels[i], te->labels[n]))
							op->label_before = te->labels[n];
			}
		} else {
			op = push(c, CDB_OP_REBUILD_ENUM);
			op->from_enum = fe;
			op->to_enum = te;
			mark_destructive(c->d, op);
		}
	}
	create_domains(c);
	create_types(c);
	for (size_t j = 0; j < t->nsequences; j++) {
		const struct cdb_sequence *fs = NULL, *ts = &t->sequences[j];
		unsigned flags;

		if (sequence_managed(ts))
			continue;
		for (size_t i = 0; i < f->nsequences && !fs; i++)
			if (opt_eq(f->sequences[i].schema, ts->schema) && !strcmp(f->sequences[i].name, ts->name) &&
			    !sequence_managed(&f->sequences[i]))
				fs = &f->sequences[i];
		if (!fs) {
			push(c, CDB_OP_CREATE_SEQUENCE)->to_sequence = ts;
		} else if ((flags = sequence_changes(fs, ts))) {
			op = push(c, CDB_OP_ALTER_SEQUENCE);
			op->from_sequence = fs;
			op->to_sequence = ts;
			op->alter = flags;
		}
	}
	for (size_t j = 0; j < t->nfunctions; j++) {
		const struct cdb_function *ff = NULL, *tf = &t->functions[j];

		for (size_t i = 0; i < f->nfunctions && !ff; i++)
			if (opt_eq(f->functions[i].schema, tf->schema) && !strcmp(f->functions[i].name, tf->name) &&
			    opt_eq(f->functions[i].args, tf->args))
				ff = &f->functions[i];
		if (!ff) {
			push(c, CDB_OP_CREATE_FUNCTION)->to_function = tf;
		} else if (!opt_eq(ff->kind, tf->kind) || !sql_eq(c, ff->definition, tf->definition)) {
			op = push(c, CDB_OP_REPLACE_FUNCTION);
			op->from_function = ff;
			op->to_function = tf;
		}
	}
	late_domain_checks(c);
}

static void drop_pg_objects(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	struct cdb_op *op;

	for (size_t i = 0; i < f->ndomains; i++)
		if (!find_domain(t, &f->domains[i]))
			early_domain_drop(c, &f->domains[i], true);
	for (size_t i = 0; i < f->nfunctions; i++) {
		bool found = false;

		for (size_t j = 0; j < t->nfunctions && !found; j++)
			found = opt_eq(f->functions[i].schema, t->functions[j].schema) &&
			        !strcmp(f->functions[i].name, t->functions[j].name) &&
			        opt_eq(f->functions[i].args, t->functions[j].args);
		if (!found)
			push(c, CDB_OP_DROP_FUNCTION)->from_function = &f->functions[i];
	}
	for (size_t i = 0; i < f->nsequences; i++) {
		bool found = false;

		if (sequence_managed(&f->sequences[i]))
			continue;
		for (size_t j = 0; j < t->nsequences && !found; j++)
			found = opt_eq(f->sequences[i].schema, t->sequences[j].schema) &&
			        !strcmp(f->sequences[i].name, t->sequences[j].name) &&
			        !sequence_managed(&t->sequences[j]);
		if (!found)
			push(c, CDB_OP_DROP_SEQUENCE)->from_sequence = &f->sequences[i];
	}
	drop_types(c);
	drop_domains(c);
	for (size_t i = 0; i < f->nenums; i++) {
		bool found = false;

		for (size_t j = 0; j < t->nenums && !found; j++)
			found = opt_eq(f->enums[i].schema, t->enums[j].schema) && !strcmp(f->enums[i].name, t->enums[j].name);
		if (!found) {
			op = push(c, CDB_OP_DROP_ENUM);
			op->from_enum = &f->enums[i];
			mark_destructive(c->d, op);
		}
	}
	drop_collations(c);
	for (size_t i = 0; i < f->nextensions; i++) {
		bool found = false;

		for (size_t j = 0; j < t->nextensions && !found; j++)
			found = !strcmp(f->extensions[i].name, t->extensions[j].name);
		if (!found)
			push(c, CDB_OP_DROP_EXTENSION)->from_extension = &f->extensions[i];
	}
	for (size_t i = 0; i < f->nnamespaces; i++) {
		bool found = false;

		for (size_t j = 0; j < t->nnamespaces && !found; j++)
			found = !strcmp(f->namespaces[i].name, t->namespaces[j].name);
		if (!found)
			push(c, CDB_OP_DROP_NAMESPACE)->from_namespace = &f->namespaces[i];
	}
}

/* Does column type text (format_type: "status", "billing.status", "status[]") name enum e? */
static bool type_is_enum(const char *type, const struct cdb_enum *e)
{
	char buf[256];
	size_t n = 0;

	if (!type)
		return false;
	for (const char *p = type; *p && *p != '[' && n + 1 < sizeof(buf); p++)
		if (*p != '"')
			buf[n++] = *p;
	buf[n] = 0;
	if (!strcmp(buf, e->name))
		return true;
	return e->schema && !strncmp(buf, e->schema, strlen(e->schema)) && buf[strlen(e->schema)] == '.' &&
	       !strcmp(buf + strlen(e->schema) + 1, e->name);
}

/*
 * A changed enum changes the type of every column using it either way (the
 * downgrade of an added label rebuilds the type), and PostgreSQL refuses to
 * retype a column a view reads: count those tables as retyped.
 */
static void mark_enum_users(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t i = 0; i < f->nenums; i++) {
		const struct cdb_enum *fe = &f->enums[i], *te = NULL;

		for (size_t j = 0; j < t->nenums && !te; j++)
			if (opt_eq(t->enums[j].schema, fe->schema) && !strcmp(t->enums[j].name, fe->name))
				te = &t->enums[j];
		if (!te || labels_eq(fe, te))
			continue;
		for (size_t k = 0; k < f->ntables; k++)
			for (size_t col = 0; col < f->tables[k].ncolumns; col++)
				if (type_is_enum(f->tables[k].columns[col].type, fe))
					c->tretype[k] = true;
	}
}

/* The same for a domain that is rebuilt: every column using it changes type. */
static void mark_domain_users(struct ctx *c)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ndomains; i++) {
		const struct cdb_domain *fd = &f->domains[i], *td = find_domain(c->to, fd);

		if (!td || !domain_rebuilt(f, fd, td))
			continue;
		for (size_t k = 0; k < f->ntables; k++)
			for (size_t col = 0; col < f->tables[k].ncolumns; col++)
				if (type_is_domain(f->tables[k].columns[col].type, fd))
					c->tretype[k] = true;
	}
}

/* --- policies ------------------------------------------------------------- */

static const struct cdb_policy *find_policy(const struct cdb_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->npolicies; i++)
		if (!strcmp(t->policies[i].name, name))
			return &t->policies[i];
	return NULL;
}

/*
 * What ALTER POLICY cannot change: the command, PERMISSIVE/RESTRICTIVE, and
 * a USING or WITH CHECK clause that appears or goes away (ALTER POLICY can
 * set a clause but not remove one, so neither direction may add one).
 */
static bool policy_recreated(const struct cdb_policy *a, const struct cdb_policy *b)
{
	return strcmp(a->command, b->command) != 0 || a->permissive != b->permissive ||
	       !a->using_expr != !b->using_expr || !a->check_expr != !b->check_expr;
}

/* What ALTER POLICY changes (CDB_ALTER_POLICY_*); 0: the policies are equal. */
static unsigned policy_changes(const struct cdb_policy *a, const struct cdb_policy *b)
{
	unsigned f = 0;

	if (!strlist_eq(a->roles, a->nroles, b->roles, b->nroles))
		f |= CDB_ALTER_POLICY_ROLES;
	if (!opt_eq(a->using_expr, b->using_expr))
		f |= CDB_ALTER_POLICY_USING;
	if (!opt_eq(a->check_expr, b->check_expr))
		f |= CDB_ALTER_POLICY_CHECK;
	return f;
}

/*
 * Step 1: policies that go away, that change what ALTER POLICY cannot change,
 * or whose table has a column dropped, renamed or retyped (PostgreSQL refuses
 * to retype a column a policy uses, and the printed text of a policy follows
 * a renamed column). A dropped table's policies go with its DROP TABLE: their
 * op is `implied`, rendered only in the downgrade, which creates them last.
 */
static void policy_ops_drop(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ntables; i++) {
		const struct cdb_table *ft = &c->from->tables[i];
		const struct cdb_table *tt = c->tfrom[i] >= 0 ? &c->to->tables[c->tfrom[i]] : NULL;

		for (size_t k = 0; k < ft->npolicies; k++) {
			const struct cdb_policy *fp = &ft->policies[k], *tp = find_policy(tt, fp->name);
			struct cdb_op *op;

			if (tp && !c->tcols[i] && !policy_recreated(fp, tp))
				continue;
			op = table_op(c, CDB_OP_DROP_POLICY, ft, tt);
			op->from_policy = fp;
			op->implied = !tt;
			op->dependent = !tt || (tp && !policy_recreated(fp, tp) && !policy_changes(fp, tp));
		}
	}
}

/* Step 4: policies created (also those of created tables and those step 1 dropped) and altered. */
static void policy_ops_create(struct ctx *c)
{
	for (size_t j = 0; j < c->to->ntables; j++) {
		const struct cdb_table *tt = &c->to->tables[j];
		long i = c->tto[j];
		const struct cdb_table *ft = i >= 0 ? &c->from->tables[i] : NULL;

		for (size_t k = 0; k < tt->npolicies; k++) {
			const struct cdb_policy *tp = &tt->policies[k], *fp = find_policy(ft, tp->name);
			struct cdb_op *op;

			if (fp && !c->tcols[i] && !policy_recreated(fp, tp)) {
				unsigned f = policy_changes(fp, tp);

				if (f) {
					op = table_op(c, CDB_OP_ALTER_POLICY, ft, tt);
					op->from_policy = fp;
					op->to_policy = tp;
					op->alter = f;
				}
				continue;
			}
			op = table_op(c, CDB_OP_CREATE_POLICY, ft, tt);
			op->to_policy = tp;
			op->dependent = fp && !policy_recreated(fp, tp) && !policy_changes(fp, tp);
		}
	}
}

/* --- inverse -------------------------------------------------------------- */

#define SWAP(x, y) do { const void *tmp_ = (x); (x) = (y); (y) = tmp_; } while (0)

static void build_inverse(struct cdb_diff *d)
{
	for (size_t n = d->nops; n-- > 0;) {
		const struct cdb_op *up = &d->ops[n];
		struct cdb_op *op;

		/* several ADD_ENUM_VALUE of one enum invert to a single rebuild */
		if (up->kind == CDB_OP_ADD_ENUM_VALUE && n > 0 && d->ops[n - 1].kind == CDB_OP_ADD_ENUM_VALUE &&
		    d->ops[n - 1].to_enum == up->to_enum)
			continue;
		op = CDB_ARENA_PUSH(&d->arena, d->inverse, d->ninverse, d->inverse_cap);
		*op = *up;
		op->kind = cdb_op_kinds[up->kind].inverse;
		SWAP(op->from_table, op->to_table);
		SWAP(op->from_column, op->to_column);
		SWAP(op->from_constraint, op->to_constraint);
		SWAP(op->from_index, op->to_index);
		SWAP(op->from_view, op->to_view);
		SWAP(op->from_trigger, op->to_trigger);
		SWAP(op->from_namespace, op->to_namespace);
		SWAP(op->from_extension, op->to_extension);
		SWAP(op->from_enum, op->to_enum);
		SWAP(op->from_sequence, op->to_sequence);
		SWAP(op->from_function, op->to_function);
		SWAP(op->from_domain, op->to_domain);
		SWAP(op->from_collation, op->to_collation);
		SWAP(op->from_range, op->to_range);
		SWAP(op->from_composite, op->to_composite);
		SWAP(op->from_comment, op->to_comment);
		SWAP(op->from_policy, op->to_policy);
		op->implied = false; /* what DROP TABLE took, the downgrade creates again */
		if (up->kind == CDB_OP_ADD_ENUM_VALUE) {
			op->label = NULL;
			op->label_before = NULL;
		}
		mark_destructive(d, op);
	}
}

/*
 * Set each op's `table` to the table as it is called when the op runs: a
 * RENAME_TABLE earlier in the list (same from_table and to_table) has given
 * it its to_table name. Both lists go through here, so the downgrade names
 * a renamed table by its new name until the rename back.
 */
static void name_tables(struct cdb_op *ops, size_t nops)
{
	size_t *renames = xcalloc(nops + 1, sizeof(*renames)), nrenames = 0;

	for (size_t i = 0; i < nops; i++) {
		struct cdb_op *op = &ops[i];

		op->table = op->from_table ? op->from_table : op->to_table;
		if (op->kind == CDB_OP_RENAME_TABLE) {
			renames[nrenames++] = i;
			continue;
		}
		if (!op->from_table || !op->to_table)
			continue;
		for (size_t k = 0; k < nrenames; k++)
			if (ops[renames[k]].from_table == op->from_table && ops[renames[k]].to_table == op->to_table) {
				op->table = op->to_table;
				break;
			}
	}
	free(renames);
}

/* --- the whole diff ------------------------------------------------------- */

static void drop_view_op(struct ctx *c, const struct cdb_view *v, bool dependent)
{
	struct cdb_op *op = push(c, CDB_OP_DROP_VIEW);

	op->from_view = v;
	op->to_view = pair_view(c, c->to, v);
	op->dependent = dependent;
}

/*
 * SQLite: does a trigger's text name a table that changes or a view that is
 * dropped around the table changes? SQLite checks every trigger whenever a
 * table is renamed (the last step of a rebuild), so a trigger on another
 * table whose body writes to a rebuilt table fails the rebuild with "no such
 * table" unless it is out of the way. Names are matched token by token, so a
 * string literal or a longer identifier that contains the name is no match.
 */
static bool body_reads_changed(struct ctx *c, const struct cdb_trigger *t, const bool *view_recreate)
{
	const char *pos = t->definition;
	struct cdb_tok tok;
	enum cdb_tok_kind k;

	if (!c->ci || !pos)
		return false;
	while ((k = cdb_tok_next(&pos, &tok)) != CDB_TOK_END) {
		const char *id;
		long i;

		if (k != CDB_TOK_WORD && k != CDB_TOK_QUOTED)
			continue;
		id = cdb_tok_ident(&c->d->arena, &tok);
		if (find_table(c, c->from, NULL, id, &i) && c->tchanged[i])
			return true;
		for (size_t v = 0; v < c->from->nviews; v++)
			if ((c->vaffected[v] || view_recreate[v]) && view_matches(c, &c->from->views[v], NULL, id))
				return true;
	}
	return false;
}

static void trigger_ops_drop(struct ctx *c, bool *tr_recreate, const bool *view_recreate)
{
	const struct cdb_schema *f = c->from;

	for (size_t i = 0; i < f->ntriggers; i++) {
		const struct cdb_trigger *ft = &f->triggers[i];
		const struct cdb_trigger *tt = pair_trigger(c, c->to, ft, true);
		bool changed = !tt || !sql_eq(c, ft->definition, tt->definition);
		bool on_affected_view = false;
		struct cdb_op *op;

		for (size_t v = 0; v < f->nviews; v++)
			if (c->vaffected[v] && view_matches(c, &f->views[v], ft->schema, ft->table))
				on_affected_view = true;
		tr_recreate[i] = changed || on_affected_view || from_table_changed(c, ft->schema, ft->table) ||
		                 body_reads_changed(c, ft, view_recreate);
		if (!tr_recreate[i])
			continue;
		op = push(c, CDB_OP_DROP_TRIGGER);
		op->from_trigger = ft;
		op->to_trigger = tt;
		op->from_table = owner(c, f, ft->schema, ft->table);
		op->dependent = !changed;
	}
}

static void trigger_ops_create(struct ctx *c, const bool *tr_recreate)
{
	const struct cdb_schema *f = c->from, *t = c->to;

	for (size_t j = 0; j < t->ntriggers; j++) {
		const struct cdb_trigger *tt = &t->triggers[j];
		const struct cdb_trigger *ft = NULL;
		bool recreate = true, changed = true;
		struct cdb_op *op;

		for (size_t i = 0; i < f->ntriggers; i++)
			if (pair_trigger(c, t, &f->triggers[i], true) == tt) {
				ft = &f->triggers[i];
				recreate = tr_recreate[i];
				changed = !sql_eq(c, ft->definition, tt->definition);
			}
		if (!recreate)
			continue;
		op = push(c, CDB_OP_CREATE_TRIGGER);
		op->from_trigger = ft;
		op->to_trigger = tt;
		op->to_table = owner(c, t, tt->schema, tt->table);
		op->dependent = !changed;
	}
}

int cdb_diff_compute(struct cdb_diff *out, const struct cdb_schema *from,
                     const struct cdb_schema *to, const struct cdb_rename_hints *hints)
{
	struct ctx c = { 0 };
	size_t *order = NULL, *forder = NULL, *vorder = NULL;
	bool *view_recreate = NULL, *tr_recreate = NULL;
	struct cdb_op *op;
	bool progress;

	memset(out, 0, sizeof(*out));
	cdb_arena_init(&out->arena);
	out->from = from;
	out->to = to;
	c.d = out;
	c.from = from;
	c.to = to;
	c.hints = hints;
	c.ci = from->sqlite || to->sqlite;
	c.tfrom = xcalloc(from->ntables + 1, sizeof(*c.tfrom));
	c.tto = xcalloc(to->ntables + 1, sizeof(*c.tto));
	c.tchanged = xcalloc(from->ntables + 1, sizeof(*c.tchanged));
	c.tretype = xcalloc(from->ntables + 1, sizeof(*c.tretype));
	c.vaffected = xcalloc(from->nviews + 1, sizeof(*c.vaffected));
	c.tcols = xcalloc(from->ntables + 1, sizeof(*c.tcols));
	c.colmaps = xcalloc(from->ntables + 1, sizeof(*c.colmaps));
#define BUILD(ix, arr, n, type) \
	nindex_build(&(ix), (n), (arr), sizeof(type), offsetof(type, schema), offsetof(type, name), c.ci)
	BUILD(c.ftables, from->tables, from->ntables, struct cdb_table);
	BUILD(c.ttables, to->tables, to->ntables, struct cdb_table);
	BUILD(c.findexes, from->indexes, from->nindexes, struct cdb_index);
	BUILD(c.tindexes, to->indexes, to->nindexes, struct cdb_index);
#undef BUILD
	view_recreate = xcalloc(from->nviews + 1, sizeof(*view_recreate));
	tr_recreate = xcalloc(from->ntriggers + 1, sizeof(*tr_recreate));

	pair_tables(&c);

	/*
	 * Table changes are computed first into a scratch list to learn which
	 * tables change (views on them must go first); the ops are then moved
	 * into place.
	 */
	{
		struct cdb_op *saved;
		size_t nsaved, cap_saved;

		for (size_t i = 0; i < from->ntables; i++) {
			const struct cdb_table *ft = &from->tables[i];

			if (c.tfrom[i] < 0) {
				c.tchanged[i] = c.tretype[i] = true;
				continue;
			}
			{
				const struct cdb_table *tt = &to->tables[c.tfrom[i]];
				bool retype = false;

				if (!name_eq(&c, ft->name, tt->name) || !opt_eq(ft->schema, tt->schema)) {
					op = table_op(&c, CDB_OP_RENAME_TABLE, ft, tt);
					c.tchanged[i] = c.tretype[i] = true;
				}
				if (diff_table(&c, ft, tt, &retype))
					c.tchanged[i] = true;
				if (retype)
					c.tretype[i] = c.tcols[i] = true;
			}
		}
		/* a partition's columns are its parent's: a retyped parent retypes them, at every level */
		do {
			progress = false;
			for (size_t i = 0; i < from->ntables; i++) {
				const struct cdb_table *ft = &from->tables[i];
				long p;

				if (ft->parent && !c.tretype[i] &&
				    find_table(&c, from, ft->parent_schema, ft->parent, &p) && c.tretype[p]) {
					c.tchanged[i] = c.tretype[i] = true;
					progress = true;
				}
			}
		} while (progress);
		saved = out->ops;
		nsaved = out->nops;
		cap_saved = out->ops_cap;
		out->ops = NULL;
		out->nops = out->ops_cap = 0;

		{
			/* a table whose columns change type with a rebuilt enum or domain */
			bool *before = xcalloc(from->ntables + 1, sizeof(*before));

			memcpy(before, c.tretype, from->ntables * sizeof(*before));
			mark_enum_users(&c);
			mark_domain_users(&c);
			for (size_t i = 0; i < from->ntables; i++)
				if (c.tretype[i] && !before[i])
					c.tcols[i] = true;
			free(before);
		}

		/* views to drop first: changed, dropped, or reading something that changes */
		for (size_t i = 0; i < from->nviews; i++) {
			const struct cdb_view *fv = &from->views[i], *tv = pair_view(&c, to, fv);

			view_recreate[i] = !tv || view_changed(&c, fv, tv);
		}
		do {
			progress = false;
			for (size_t i = 0; i < from->nviews; i++) {
				const struct cdb_view *fv = &from->views[i];

				if (c.vaffected[i])
					continue;
				for (size_t k = 0; k < from->ntables && !c.vaffected[i]; k++)
					if ((c.ci ? c.tchanged[k] : c.tretype[k]) &&
					    depends_on(&c, fv, from->tables[k].schema, from->tables[k].name))
						c.vaffected[i] = true;
				for (size_t k = 0; k < from->nviews && !c.vaffected[i]; k++)
					if (k != i && (view_recreate[k] || c.vaffected[k]) &&
					    depends_on(&c, fv, from->views[k].schema, from->views[k].name))
						c.vaffected[i] = true;
				progress = progress || c.vaffected[i];
			}
		} while (progress);

		clear_dropped_comments(&c);

		/* 1. indexes on views that change or are re-created, then the views (dependents first), triggers */
		for (size_t i = 0; i < from->nindexes; i++) {
			const struct cdb_index *fx = &from->indexes[i], *tx = pair_index(&c, to, fx);
			const struct cdb_view *fv = index_view(&c, from, fx);
			size_t vi;

			if (!fv)
				continue;
			vi = (size_t)(fv - from->views);
			if (tx && index_eq(&c, fx, tx) && !c.vaffected[vi] && !view_recreate[vi])
				continue;
			op = push(&c, CDB_OP_DROP_INDEX);
			op->from_index = fx;
			op->to_index = tx;
			op->dependent = tx && index_eq(&c, fx, tx);
		}
		vorder = view_order(&c, from);
		for (size_t n = from->nviews; n-- > 0;) {
			size_t i = vorder[n];

			if (c.vaffected[i] || view_recreate[i]) {
				const struct cdb_view *tv = pair_view(&c, to, &from->views[i]);

				/* a changed view that is not otherwise affected is replaced in place */
				if (!c.vaffected[i] && tv)
					continue;
				drop_view_op(&c, &from->views[i], !view_recreate[i]);
			}
		}
		trigger_ops_drop(&c, tr_recreate, view_recreate);
		policy_ops_drop(&c);

		/* 2. PostgreSQL objects that tables may need */
		create_pg_objects(&c);

		/* 3a. indexes that go away or change, before their tables change */
		for (size_t i = 0; i < from->nindexes; i++) {
			const struct cdb_index *fx = &from->indexes[i], *tx = pair_index(&c, to, fx);

			if ((tx && index_eq(&c, fx, tx)) || index_view(&c, from, fx))
				continue;
			op = push(&c, CDB_OP_DROP_INDEX);
			op->from_index = fx;
			op->to_index = tx;
			op->from_table = owner(&c, from, fx->schema, fx->table);
		}

		/* 3b. created tables, referenced ones first */
		order = table_order(&c, to);
		for (size_t n = 0; n < to->ntables; n++)
			if (c.tto[order[n]] < 0)
				table_op(&c, CDB_OP_CREATE_TABLE, NULL, &to->tables[order[n]]);

		/* 3c. renamed and altered tables, in the order computed above */
		for (size_t n = 0; n < nsaved; n++) {
			op = CDB_ARENA_PUSH(&out->arena, out->ops, out->nops, out->ops_cap);
			*op = saved[n];
		}
		(void)cap_saved;

		/* 4. indexes created or changed */
		for (size_t j = 0; j < to->nindexes; j++) {
			const struct cdb_index *tx = &to->indexes[j], *fx = pair_index(&c, from, tx);

			if ((fx && index_eq(&c, fx, tx)) || index_view(&c, to, tx))
				continue;
			op = push(&c, CDB_OP_CREATE_INDEX);
			op->from_index = fx;
			op->to_index = tx;
			op->to_table = owner(&c, to, tx->schema, tx->table);
		}
		policy_ops_create(&c);

		/* 5. dropped tables, referencing ones first; then PostgreSQL objects */
		forder = table_order(&c, from);
		for (size_t n = from->ntables; n-- > 0;)
			if (c.tfrom[forder[n]] < 0) {
				op = table_op(&c, CDB_OP_DROP_TABLE, &from->tables[forder[n]], NULL);
				mark_destructive(out, op);
			}
		drop_pg_objects(&c);

		/* 6. views (dependencies first), triggers, comments */
		free(vorder);
		vorder = view_order(&c, to);
		for (size_t n = 0; n < to->nviews; n++) {
			const struct cdb_view *tv = &to->views[vorder[n]], *fv = pair_view(&c, from, tv);
			size_t fi = fv ? (size_t)(fv - from->views) : 0;

			if (!fv) {
				push(&c, CDB_OP_CREATE_VIEW)->to_view = tv;
			} else if (c.vaffected[fi]) {
				op = push(&c, CDB_OP_CREATE_VIEW);
				op->from_view = fv;
				op->to_view = tv;
				op->dependent = !view_recreate[fi];
			} else if (view_recreate[fi]) {
				op = push(&c, CDB_OP_REPLACE_VIEW);
				op->from_view = fv;
				op->to_view = tv;
			}
		}
		for (size_t j = 0; j < to->nindexes; j++) {
			const struct cdb_index *tx = &to->indexes[j], *fx = pair_index(&c, from, tx);
			const struct cdb_view *tv = index_view(&c, to, tx), *fv;
			bool recreated;

			if (!tv)
				continue;
			fv = pair_view(&c, from, tv);
			recreated = !fv || c.vaffected[fv - from->views] || view_recreate[fv - from->views];
			if (fx && index_eq(&c, fx, tx) && !recreated)
				continue;
			op = push(&c, CDB_OP_CREATE_INDEX);
			op->from_index = fx;
			op->to_index = tx;
			op->dependent = fx && index_eq(&c, fx, tx);
		}
		trigger_ops_create(&c, tr_recreate);
		set_comments(&c);
	}

	/* table candidates: a dropped and a created table with the same columns */
	for (size_t i = 0; i < from->ntables; i++) {
		const struct cdb_table *ft = &from->tables[i];

		if (c.tfrom[i] >= 0)
			continue;
		for (size_t j = 0; j < to->ntables; j++) {
			const struct cdb_table *tt = &to->tables[j];
			/* partitions carry no columns of their own: nothing to tell them apart by */
			bool same = c.tto[j] < 0 && ft->ncolumns == tt->ncolumns && !ft->parent && !tt->parent;
			struct cdb_rename_candidate *rc;

			for (size_t k = 0; same && k < ft->ncolumns; k++)
				same = name_eq(&c, ft->columns[k].name, tt->columns[k].name) &&
				       sql_eq(&c, ft->columns[k].type, tt->columns[k].type);
			if (!same)
				continue;
			rc = CDB_ARENA_PUSH(&out->arena, out->renames, out->nrenames, out->renames_cap);
			rc->kind = CDB_RENAME_TABLE;
			rc->from_table = ft;
			rc->to_table = tt;
			rc->message = cdb_arena_sprintf(&out->arena, "possible rename of table '%s' to '%s'",
			                                qual(&out->arena, ft->schema, ft->name), tt->name);
			rc->hint = cdb_arena_sprintf(&out->arena, "-- cdb: rename table %s to %s",
			                             qual(&out->arena, ft->schema, ft->name), tt->name);
			break;
		}
	}

	/* SQLite renders one table's ops as one run; its order stays the phases'. */
	if (!c.ci)
		cdb_diff_order(out, false);
	for (size_t n = 0; n < out->nops; n++) {
		if (!out->ops[n].dependent)
			out->nchanges++;
		if (out->ops[n].destructive)
			out->ndestructive++;
	}
	build_inverse(out);
	if (!c.ci)
		cdb_diff_order(out, true);
	name_tables(out->ops, out->nops);
	name_tables(out->inverse, out->ninverse);

	free(order);
	free(forder);
	free(vorder);
	free(view_recreate);
	free(tr_recreate);
	free(c.tfrom);
	free(c.tto);
	free(c.tchanged);
	free(c.tretype);
	free(c.vaffected);
	free(c.tcols);
	for (size_t i = 0; i < from->ntables; i++)
		free(c.colmaps[i]);
	free(c.colmaps);
	free(c.ftables.v);
	free(c.ttables.v);
	free(c.findexes.v);
	free(c.tindexes.v);
	return 0;
}

void cdb_diff_release(struct cdb_diff *d)
{
	cdb_arena_release(&d->arena);
	memset(d, 0, sizeof(*d));
}

bool cdb_diff_empty(const struct cdb_diff *d)
{
	return d->nchanges == 0;
}

/* --- descriptions --------------------------------------------------------- */

/* Each kind's row names its describe function (cdb/op.h). */
#define DESCRIBE_DECL(kind, name, inverse, describe, pg, sqlite) \
	void describe(struct cdb_buf *out, const struct cdb_op *op);
CDB_OP_KINDS(DESCRIBE_DECL)
#undef DESCRIBE_DECL

static void put_qual(struct cdb_buf *b, const char *schema, const char *name)
{
	cdb_buf_putc(b, '\'');
	if (schema)
		cdb_buf_printf(b, "%s.", schema);
	cdb_buf_printf(b, "%s'", name ? name : "?");
}

/* `verb` (with its trailing space) and the quoted, qualified name: "drop type 'crm.mood'" */
static void put_named(struct cdb_buf *b, const char *verb, const char *schema, const char *name)
{
	cdb_buf_puts(b, verb);
	put_qual(b, schema, name);
}

static const struct cdb_table *op_table(const struct cdb_op *op)
{
	return op->to_table ? op->to_table : op->from_table;
}

static void put_column(struct cdb_buf *b, const struct cdb_op *op, const struct cdb_column *col)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_putc(b, '\'');
	if (t && t->schema)
		cdb_buf_printf(b, "%s.", t->schema);
	cdb_buf_printf(b, "%s.%s'", t ? t->name : "?", col->name);
}

static const char *con_kind(enum cdb_constraint_kind k)
{
	switch (k) {
	case CDB_CON_PRIMARY: return "primary key";
	case CDB_CON_UNIQUE: return "unique constraint";
	case CDB_CON_CHECK: return "check constraint";
	case CDB_CON_FOREIGN: return "foreign key";
	case CDB_CON_EXCLUDE: return "exclusion constraint";
	}
	return "constraint";
}

static void put_constraint(struct cdb_buf *b, const struct cdb_op *op, const struct cdb_constraint *k)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_puts(b, con_kind(k->kind));
	if (k->name)
		cdb_buf_printf(b, " '%s'", k->name);
	if (k->kind == CDB_CON_CHECK && k->expr) {
		cdb_buf_printf(b, " (%s)", k->expr);
	} else if (k->ncolumns) {
		cdb_buf_puts(b, " (");
		for (size_t i = 0; i < k->ncolumns; i++)
			cdb_buf_printf(b, "%s%s", i ? ", " : "", k->columns[i]);
		cdb_buf_putc(b, ')');
	}
	if (k->kind == CDB_CON_FOREIGN)
		cdb_buf_printf(b, " -> '%s'", k->ref_table);
	cdb_buf_puts(b, " on ");
	put_qual(b, t ? t->schema : NULL, t ? t->name : NULL);
}

static void put_flags(struct cdb_buf *b, unsigned f)
{
	static const struct { unsigned flag; const char *name; } names[] = {
		{ CDB_ALTER_TYPE, "type" }, { CDB_ALTER_NULLABLE, "nullable" },
		{ CDB_ALTER_DEFAULT, "default" }, { CDB_ALTER_COLLATION, "collation" },
		{ CDB_ALTER_GENERATED, "generated" }, { CDB_ALTER_IDENTITY, "identity" },
		{ CDB_ALTER_POSITION, "position" }, { CDB_ALTER_WITHOUT_ROWID, "without rowid" },
		{ CDB_ALTER_STRICT, "strict" }, { CDB_ALTER_SEQ_TYPE, "type" },
		{ CDB_ALTER_SEQ_PARAMS, "parameters" }, { CDB_ALTER_SEQ_OWNED, "owned by" },
		{ CDB_ALTER_DOMAIN_CHECKS, "checks" }, { CDB_ALTER_IDENTITY_OPTIONS, "options" },
		{ CDB_ALTER_PARTITION_BOUND, "partition bound" }, { CDB_ALTER_PARTITIONING, "partitioning" },
		{ CDB_ALTER_RLS, "row level security" }, { CDB_ALTER_FORCE_RLS, "force row level security" },
		{ CDB_ALTER_LOGGED, "logged" }, { CDB_ALTER_STORAGE, "storage parameters" },
		{ CDB_ALTER_POLICY_ROLES, "roles" }, { CDB_ALTER_POLICY_USING, "using" },
		{ CDB_ALTER_POLICY_CHECK, "with check" },
	};
	bool first = true;

	cdb_buf_puts(b, " (");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & names[i].flag) {
			cdb_buf_printf(b, "%s%s", first ? "" : ", ", names[i].name);
			first = false;
		}
	cdb_buf_putc(b, ')');
}

/* tables, columns, constraints */

void describe_create_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create table ", op_table(op)->schema, op_table(op)->name);
}

void describe_drop_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop table ", op_table(op)->schema, op_table(op)->name);
}

void describe_rename_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "rename table ", op->from_table->schema, op->from_table->name);
	cdb_buf_printf(out, " to '%s'", op->to_table->name);
}

void describe_alter_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter table ", op_table(op)->schema, op_table(op)->name);
	put_flags(out, op->alter);
}

void describe_add_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "add column ");
	put_column(out, op, op->to_column);
}

void describe_drop_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "drop column ");
	put_column(out, op, op->from_column);
}

void describe_rename_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "rename column ");
	put_column(out, op, op->from_column);
	cdb_buf_printf(out, " to '%s'", op->to_column->name);
}

void describe_alter_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "alter column ");
	put_column(out, op, op->to_column);
	put_flags(out, op->alter);
}

void describe_add_constraint(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "add ");
	put_constraint(out, op, op->to_constraint);
}

void describe_drop_constraint(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "drop ");
	put_constraint(out, op, op->from_constraint);
}

/* dependents: indexes, views, triggers */

static void put_index(struct cdb_buf *out, const char *verb, const struct cdb_index *x)
{
	cdb_buf_printf(out, "%s %sindex ", verb, x->unique ? "unique " : "");
	put_qual(out, x->schema, x->name);
	cdb_buf_puts(out, " on ");
	put_qual(out, x->schema, x->table);
}

void describe_create_index(struct cdb_buf *out, const struct cdb_op *op)
{
	put_index(out, "create", op->to_index);
}

void describe_drop_index(struct cdb_buf *out, const struct cdb_op *op)
{
	put_index(out, "drop", op->from_index);
}

/* A view or trigger only recreated because something it depends on changes says so. */
static const char *recreate_verb(const struct cdb_op *op)
{
	return op->dependent ? "recreate" : "create";
}

static void put_view(struct cdb_buf *out, const char *verb, const struct cdb_op *op, const struct cdb_view *v)
{
	cdb_buf_printf(out, "%s %sview ", verb, v->materialized ? "materialized " : "");
	put_qual(out, v->schema, v->name);
	if (op->dependent)
		cdb_buf_puts(out, " (depends on a changed table)");
}

void describe_create_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, recreate_verb(op), op, op->to_view);
}

void describe_drop_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, "drop", op, op->from_view);
}

void describe_replace_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, "replace", op, op->to_view);
}

static void put_trigger(struct cdb_buf *out, const char *verb, const struct cdb_op *op,
                        const struct cdb_trigger *x)
{
	cdb_buf_printf(out, "%s trigger ", verb);
	put_qual(out, x->schema, x->name);
	cdb_buf_puts(out, " on ");
	put_qual(out, x->schema, x->table);
	if (op->dependent)
		cdb_buf_puts(out, " (its table is rebuilt)");
}

void describe_create_trigger(struct cdb_buf *out, const struct cdb_op *op)
{
	put_trigger(out, recreate_verb(op), op, op->to_trigger);
}

void describe_drop_trigger(struct cdb_buf *out, const struct cdb_op *op)
{
	put_trigger(out, "drop", op, op->from_trigger);
}

/* schemas, extensions, sequences, functions */

void describe_create_namespace(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "create schema '%s'", op->to_namespace->name);
}

void describe_drop_namespace(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "drop schema '%s'", op->from_namespace->name);
}

void describe_create_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "create extension '%s'", op->to_extension->name);
}

void describe_drop_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "drop extension '%s'", op->from_extension->name);
}

void describe_alter_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "alter extension '%s'", op->to_extension->name);
}

void describe_create_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create sequence ", op->to_sequence->schema, op->to_sequence->name);
}

void describe_drop_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop sequence ", op->from_sequence->schema, op->from_sequence->name);
}

void describe_alter_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter sequence ", op->to_sequence->schema, op->to_sequence->name);
	put_flags(out, op->alter);
}

/* "create procedure 'crm.touch'(integer)": the function's own kind and its arguments */
static void put_function(struct cdb_buf *out, const char *verb, const struct cdb_function *fn)
{
	cdb_buf_printf(out, "%s %s ", verb, fn->kind ? fn->kind : "function");
	put_qual(out, fn->schema, fn->name);
	cdb_buf_printf(out, "(%s)", fn->args ? fn->args : "");
}

void describe_create_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "create", op->to_function);
}

void describe_drop_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "drop", op->from_function);
}

void describe_replace_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "replace", op->to_function);
}

void describe_set_comment(struct cdb_buf *out, const struct cdb_op *op)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_puts(out, op->to_comment ? "set comment on " : "remove comment on ");
	switch (op->comment_on) {
	case CDB_COMMENT_TABLE: put_named(out, "table ", t->schema, t->name); break;
	case CDB_COMMENT_COLUMN: cdb_buf_puts(out, "column "); put_column(out, op, op->to_column); break;
	case CDB_COMMENT_CONSTRAINT: put_constraint(out, op, op->to_constraint); break;
	case CDB_COMMENT_INDEX: put_named(out, "index ", op->to_index->schema, op->to_index->name); break;
	case CDB_COMMENT_VIEW: put_named(out, "view ", op->to_view->schema, op->to_view->name); break;
	case CDB_COMMENT_TRIGGER:
		put_named(out, "trigger ", op->to_trigger->schema, op->to_trigger->name);
		break;
	case CDB_COMMENT_ENUM: put_named(out, "type ", op->to_enum->schema, op->to_enum->name); break;
	case CDB_COMMENT_SEQUENCE:
		put_named(out, "sequence ", op->to_sequence->schema, op->to_sequence->name);
		break;
	case CDB_COMMENT_FUNCTION:
		put_named(out, "function ", op->to_function->schema, op->to_function->name);
		break;
	case CDB_COMMENT_NAMESPACE: cdb_buf_printf(out, "schema '%s'", op->to_namespace->name); break;
	case CDB_COMMENT_DOMAIN: put_named(out, "domain ", op->to_domain->schema, op->to_domain->name); break;
	case CDB_COMMENT_COLLATION:
		put_named(out, "collation ", op->to_collation->schema, op->to_collation->name);
		break;
	case CDB_COMMENT_RANGE: put_named(out, "type ", op->to_range->schema, op->to_range->name); break;
	case CDB_COMMENT_COMPOSITE:
		put_named(out, "type ", op->to_composite->schema, op->to_composite->name);
		break;
	}
}

/* policies */

static void put_policy(struct cdb_buf *out, const char *verb, const struct cdb_op *op, const struct cdb_policy *p)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_printf(out, "%s policy '%s' on ", verb, p->name);
	put_qual(out, t->schema, t->name);
	if (op->kind == CDB_OP_ALTER_POLICY)
		put_flags(out, op->alter);
	else if (op->dependent)
		cdb_buf_puts(out, op->implied ? " (with its table)" : " (its columns change)");
}

void describe_create_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, recreate_verb(op), op, op->to_policy);
}

void describe_drop_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, "drop", op, op->from_policy);
}

void describe_alter_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, "alter", op, op->to_policy);
}

/* types: enums, domains, collations, ranges, composites */

void describe_create_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create type ", op->to_enum->schema, op->to_enum->name);
}

void describe_drop_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop type ", op->from_enum->schema, op->from_enum->name);
}

void describe_add_enum_value(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "add value '%s' to type ", op->label);
	put_qual(out, op->to_enum->schema, op->to_enum->name);
}

void describe_rebuild_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "rebuild type ", op->to_enum->schema, op->to_enum->name);
	cdb_buf_puts(out, " (labels removed or reordered)");
}

void describe_create_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create domain ", op->to_domain->schema, op->to_domain->name);
}

void describe_drop_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop domain ", op->from_domain->schema, op->from_domain->name);
}

void describe_alter_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter domain ", op->to_domain->schema, op->to_domain->name);
	put_flags(out, op->alter);
}

void describe_rebuild_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	const struct cdb_domain *a = op->from_domain, *b = op->to_domain;

	put_named(out, "rebuild domain ", b->schema, b->name);
	if (opt_eq(a->type, b->type))
		cdb_buf_printf(out, " (%s", b->notnull != a->notnull ? "NOT NULL" : "checks");
	else
		cdb_buf_printf(out, " (%s -> %s", a->type, b->type);
	if (!opt_eq(a->collation, b->collation))
		cdb_buf_printf(out, ", collation %s -> %s", a->collation ? a->collation : "default",
		               b->collation ? b->collation : "default");
	cdb_buf_putc(out, ')');
}

void describe_create_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create collation ", op->to_collation->schema, op->to_collation->name);
}

void describe_drop_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop collation ", op->from_collation->schema, op->from_collation->name);
}

void describe_replace_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "replace collation ", op->to_collation->schema, op->to_collation->name);
}

void describe_create_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create range type ", op->to_range->schema, op->to_range->name);
}

void describe_drop_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop range type ", op->from_range->schema, op->from_range->name);
}

void describe_replace_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "replace range type ", op->to_range->schema, op->to_range->name);
}

void describe_create_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create composite type ", op->to_composite->schema, op->to_composite->name);
}

void describe_drop_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop composite type ", op->from_composite->schema, op->from_composite->name);
}

void describe_alter_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter composite type ", op->to_composite->schema, op->to_composite->name);
}

/* --- the table of kinds --------------------------------------------------- */

const struct cdb_op_kind_info cdb_op_kinds[CDB_OP__COUNT] = {
#define KIND_ROW(kind, name_, inverse_, describe_, pg, sqlite) \
	[CDB_OP_##kind] = { .name = name_, .inverse = CDB_OP_##inverse_, .describe = describe_ },
	CDB_OP_KINDS(KIND_ROW)
#undef KIND_ROW
};

const char *cdb_op_kind_name(enum cdb_op_kind kind)
{
	return kind < CDB_OP__COUNT && cdb_op_kinds[kind].name ? cdb_op_kinds[kind].name : "unknown";
}

void cdb_op_describe(struct cdb_buf *out, const struct cdb_op *op)
{
	if (op->kind >= CDB_OP__COUNT || !cdb_op_kinds[op->kind].describe) {
		cdb_buf_puts(out, "?");
		return;
	}
	cdb_op_kinds[op->kind].describe(out, op);
}
