/* test_op.c - every row of the op kind table (cdb/op.h) is complete */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cdb/diff.h"
#include "cdb/op.h"

/* The function columns as written in each row (nothing in the core expands the render columns). */
struct row_text {
	const char *kind; /* "CREATE_TABLE" */
	const char *deps; /* "deps_create_table" or "deps_none" */
	const char *pg;   /* "pg_render_create_table" */
	const char *sqlite;
};

static const struct row_text rows[CDB_OP__COUNT] = {
#define ROW_TEXT(kind, name, inverse, describe, deps, pg, sqlite) \
	[CDB_OP_##kind] = { #kind, #deps, #pg, #sqlite },
	CDB_OP_KINDS(ROW_TEXT)
#undef ROW_TEXT
};

/* The rows whose inverse does not invert back (documented in op.h). */
static bool one_way(enum cdb_op_kind k)
{
	return k == CDB_OP_ADD_ENUM_VALUE;
}

Test(op, every_kind_has_a_unique_name)
{
	for (int k = 0; k < CDB_OP__COUNT; k++) {
		const char *name = cdb_op_kinds[k].name;

		cr_assert(name && *name, "kind %d (%s) has no name", k, rows[k].kind);
		for (int j = 0; j < k; j++)
			cr_assert_str_neq(name, cdb_op_kinds[j].name, "%s and %s share the name '%s'",
			                  rows[j].kind, rows[k].kind, name);
	}
}

Test(op, kind_name_covers_every_kind)
{
	for (int k = 0; k < CDB_OP__COUNT; k++) {
		const char *name = cdb_op_kind_name((enum cdb_op_kind)k);

		cr_assert_str_neq(name, "unknown", "%s has no name", rows[k].kind);
		cr_assert_str_eq(name, cdb_op_kinds[k].name);
	}
	cr_assert_str_eq(cdb_op_kind_name(CDB_OP__COUNT), "unknown");
}

Test(op, every_kind_has_a_description)
{
	for (int k = 0; k < CDB_OP__COUNT; k++)
		cr_assert_not_null(cdb_op_kinds[k].describe, "%s has no describe function", rows[k].kind);
}

/* `prefix` followed by the kind of row k in lower case, into want[size]. */
static void kind_function(char *want, size_t size, const char *prefix, int k)
{
	size_t n = strlen(prefix);

	memcpy(want, prefix, n + 1);
	for (const char *p = rows[k].kind; *p && n + 1 < size; p++)
		want[n++] = (char)tolower((unsigned char)*p);
	want[n] = 0;
}

Test(op, every_kind_names_its_pg_render_function)
{
	for (int k = 0; k < CDB_OP__COUNT; k++) {
		char want[64];

		cr_assert(rows[k].kind && rows[k].pg, "kind %d has no row", k);
		kind_function(want, sizeof want, "pg_render_", k);
		cr_assert_str_neq(rows[k].pg, "NULL", "%s has no pg render function", rows[k].kind);
		cr_assert_str_eq(rows[k].pg, want, "%s: the pg column must name %s", rows[k].kind, want);
	}
}

Test(op, deps_column_names_the_kind_or_none)
{
	for (int k = 0; k < CDB_OP__COUNT; k++) {
		char want[64];

		cr_assert(rows[k].kind && rows[k].deps, "kind %d has no row", k);
		kind_function(want, sizeof want, "deps_", k);
		cr_assert(!strcmp(rows[k].deps, want) || !strcmp(rows[k].deps, "deps_none"),
		          "%s: the deps column must name %s or deps_none, not %s", rows[k].kind, want,
		          rows[k].deps);
		cr_assert_not_null(cdb_op_kinds[k].deps, "%s has no deps function", rows[k].kind);
	}
}

Test(op, sqlite_column_names_a_sqlite_function_or_null)
{
	for (int k = 0; k < CDB_OP__COUNT; k++)
		cr_assert(!strcmp(rows[k].sqlite, "NULL") || !strncmp(rows[k].sqlite, "sqlite_render_", 14),
		          "%s: sqlite column '%s'", rows[k].kind, rows[k].sqlite);
}

Test(op, inverse_inverts_back)
{
	for (int k = 0; k < CDB_OP__COUNT; k++) {
		enum cdb_op_kind inv = cdb_op_kinds[k].inverse;

		cr_assert_lt((int)inv, CDB_OP__COUNT, "%s: inverse out of range", rows[k].kind);
		if (one_way((enum cdb_op_kind)k))
			cr_assert(cdb_op_kinds[inv].inverse == inv && inv != (enum cdb_op_kind)k,
			          "%s: a one-way row inverts to a kind that inverts to itself", rows[k].kind);
		else
			cr_assert_eq(cdb_op_kinds[inv].inverse, (enum cdb_op_kind)k, "%s inverts to %s, which inverts to %s",
			             rows[k].kind, rows[inv].kind, rows[cdb_op_kinds[inv].inverse].kind);
	}
}
