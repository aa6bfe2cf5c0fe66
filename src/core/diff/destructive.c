/*
 * destructive.c - which ops lose data, and the reason a user reads:
 * drops, and type changes that may not keep every value (see
 * docs/design.md on type narrowing)
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff_priv.h"

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
void mark_destructive(struct cdb_diff *d, struct cdb_op *op)
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

