/*
 * pg_introspect.c - read a PostgreSQL schema from the catalogs
 *
 * One query per object kind, each over every selected schema at once, so the
 * number of round trips is the same for 1 table or 10,000 (a test counts
 * them). Rows come back ordered by schema and table, so the per-table
 * queries attach their rows to the table looked up once per run of rows.
 *
 * Definitions are taken as the server prints them (format_type,
 * pg_get_expr, pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef,
 * pg_get_triggerdef, pg_get_functiondef): the live database and the shadow
 * database the models were loaded into are printed by the same server, so
 * equal text means equal meaning. Lists (key columns, enum labels, ...) come
 * as JSON arrays so that names holding commas or quotes survive.
 *
 * Skipped: system schemas (pg_*, information_schema) unless listed in
 * `schemas`, objects that belong to an extension, indexes that implement a
 * constraint (the constraint is compared instead), internal triggers, cdb's
 * own version and history tables and tables matching the `exclude` globs
 * (with everything attached to them, partitions included); composite
 * types, range types and collations whose name matches those globs. Identity
 * sequences are read, marked `identity`, for their options; the diff leaves
 * them to their column.
 *
 * Partitions are tables with a parent and a bound. Of a partition only what
 * is its own is read: what PostgreSQL copies from the parent (the columns,
 * attislocal false; constraints, conislocal false; indexes attached to a
 * partitioned index, which have a pg_inherits row; cloned triggers,
 * tgparentid set) is the parent's, and re-creating it would fail or double
 * it. The constraints PostgreSQL adds to a table whose foreign key references
 * a partitioned table (one per referenced partition, conparentid set) are
 * the parent constraint's, and skipped likewise.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/schema.h"
#include "pg_priv.h"

/*
 * The name of a collation or operator class as SQL would spell it:
 * unqualified in pg_catalog, schema-qualified elsewhere.
 */
#define QUALIFIED(nsp, name)                                                                  \
	" CASE WHEN " nsp " = 'pg_catalog' THEN quote_ident(" name ")"                           \
	" ELSE quote_ident(" nsp ") || '.' || quote_ident(" name ") END"
/* The collation whose oid is `oid`, spelled as above. */
#define COLLATION_NAME(oid)                                                                   \
	"(SELECT" QUALIFIED("cn.nspname", "co.collname")                                         \
	" FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"                \
	" WHERE co.oid = " oid ")"

/* $1: the `schemas` list (comma-separated) or NULL for every non-system schema. */
#define NS_FILTER(n)                                                                         \
	" ((($1::text IS NULL) AND " n ".nspname !~ '^pg_' AND " n ".nspname <> 'information_schema')" \
	" OR " n ".nspname = ANY (string_to_array(replace($1::text, ' ', ''), ',')))"

#define NOT_EXT(classid, oid)                                                       \
	" NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" classid "'::regclass" \
	" AND e.objid = " oid " AND e.deptype = 'e')"

/* byte order, as strcmp() sorts the model's arrays */
#define C_ORDER(a) " " a " COLLATE \"C\""
#define ORDER_REL C_ORDER("n.nspname") "," C_ORDER("c.relname")

static const char q_namespaces[] =
	"SELECT n.nspname, obj_description(n.oid, 'pg_namespace')"
	" FROM pg_namespace n WHERE" NS_FILTER("n") " AND" NOT_EXT("pg_namespace", "n.oid")
	" ORDER BY" C_ORDER("n.nspname");

static const char q_tables[] =
	"SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class'),"
	" CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
	" pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid),"
	" c.relrowsecurity, c.relforcerowsecurity, c.relpersistence = 'u',"
	/* the TOAST table's parameters are the table's "toast." ones */
	" (SELECT json_agg(o ORDER BY o COLLATE \"C\") FROM (SELECT unnest(c.reloptions) o"
	"   UNION ALL SELECT 'toast.' || unnest(tc.reloptions) FROM pg_class tc"
	"   WHERE tc.oid = c.reltoastrelid) x)"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_inherits h ON c.relispartition AND h.inhrelid = c.oid"
	" LEFT JOIN pg_class pc ON pc.oid = h.inhparent"
	" LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
	" WHERE c.relkind IN ('r', 'p') AND" NS_FILTER("n")
	" AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL;

static const char q_columns[] =
	"SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
	" CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,"
	" CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN"
	"  " COLLATION_NAME("a.attcollation") " END,"
	" CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,"
	" a.attgenerated, a.attidentity,"
	" (SELECT s.relname FROM pg_depend dp JOIN pg_class s ON s.oid = dp.objid"
	"   WHERE dp.classid = 'pg_class'::regclass AND dp.refclassid = 'pg_class'::regclass"
	"   AND dp.refobjid = c.oid AND dp.refobjsubid = a.attnum AND dp.deptype = 'a'"
	"   AND s.relkind = 'S' ORDER BY 1 LIMIT 1),"
	" col_description(c.oid, a.attnum)"
	" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
	" LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
	" WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')"
	" AND (NOT c.relispartition OR a.attislocal) AND" NS_FILTER("n")
	" ORDER BY" ORDER_REL ", a.attnum";

static const char q_constraints[] =
	"SELECT n.nspname, c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid, true),"
	" (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(num, i)"
	"   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num),"
	" fn.nspname, fc.relname,"
	" (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(num, i)"
	"   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num),"
	" con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, con.condeferred,"
	" obj_description(con.oid, 'pg_constraint'),"
	" CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END"
	" FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
	" LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
	" WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p')"
	" AND con.conparentid = 0 AND (NOT c.relispartition OR con.conislocal) AND" NS_FILTER("n") " ORDER BY" ORDER_REL "," C_ORDER("con.conname");

static const char q_indexes[] =
	"SELECT n.nspname, c.relname, i.relname, x.indisunique, pg_get_expr(x.indpred, x.indrelid, true),"
	" am.amname,"
	/* an index of a partitioned table prints as ON ONLY, which would leave its partitions out */
	" CASE WHEN c.relkind = 'p' THEN replace(pg_get_indexdef(x.indexrelid),"
	"   ' ON ONLY ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' USING ',"
	"   ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' USING ')"
	"  ELSE pg_get_indexdef(x.indexrelid) END,"
	" (SELECT json_agg(pg_get_indexdef(x.indexrelid, k, true)"
	/* a key's own collation and a non-default opclass, which the per-column form leaves out */
	"   || COALESCE((SELECT ' COLLATE ' ||" QUALIFIED("cn.nspname", "co.collname")
	"      FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
	"      WHERE co.oid = x.indcollation[k - 1] AND co.oid IS DISTINCT FROM COALESCE("
	"       (SELECT ka.attcollation FROM pg_attribute ka WHERE ka.attrelid = x.indrelid"
	"        AND ka.attnum = x.indkey[k - 1] AND x.indkey[k - 1] <> 0), 100)), '')"
	"   || COALESCE((SELECT ' ' ||" QUALIFIED("oc.nspname", "op.opcname")
	"      FROM pg_opclass op JOIN pg_namespace oc ON oc.oid = op.opcnamespace"
	"      WHERE op.oid = x.indclass[k - 1] AND NOT op.opcdefault), '')"
	"   || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END"
	"   || CASE WHEN x.indoption[k - 1] & 3 = 1 THEN ' NULLS LAST'"
	"      WHEN x.indoption[k - 1] & 3 = 2 THEN ' NULLS FIRST' ELSE '' END ORDER BY k)"
	"   FROM generate_series(1, x.indnkeyatts) k),"
	" (SELECT json_agg(pg_get_indexdef(x.indexrelid, k, true) ORDER BY k)"
	"   FROM generate_series(x.indnkeyatts + 1, x.indnatts) k),"
	" obj_description(i.oid, 'pg_class')"
	" FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
	" JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
	" JOIN pg_am am ON am.oid = i.relam"
	" WHERE c.relkind IN ('r', 'p', 'm') AND" NS_FILTER("n")
	" AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid)"
	" AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
	"   AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))"
	" AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL "," C_ORDER("i.relname");

/* Roles come as a JSON array of names in byte order, "PUBLIC" for the pseudo-role (oid 0). */
static const char q_policies[] =
	"SELECT n.nspname, c.relname, p.polname, p.polpermissive,"
	" CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'"
	"  WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,"
	" (SELECT json_agg(x.r ORDER BY x.r COLLATE \"C\") FROM (SELECT CASE WHEN k.rid = 0 THEN 'PUBLIC'"
	"   ELSE (SELECT a.rolname::text FROM pg_roles a WHERE a.oid = k.rid) END AS r"
	"   FROM unnest(p.polroles) k(rid)) x),"
	" pg_get_expr(p.polqual, p.polrelid, true), pg_get_expr(p.polwithcheck, p.polrelid, true)"
	" FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND" NS_FILTER("n")
	" AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL "," C_ORDER("p.polname");

static const char q_views[] =
	"SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),"
	" (SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a"
	"   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
	" (SELECT json_agg(DISTINCT rn.nspname || '.' || rc.relname) FROM pg_rewrite r"
	"   JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid"
	"   AND d.refclassid = 'pg_class'::regclass"
	"   JOIN pg_class rc ON rc.oid = d.refobjid JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
	"   WHERE r.ev_class = c.oid AND d.refobjid <> c.oid),"
	" obj_description(c.oid, 'pg_class')"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE c.relkind IN ('v', 'm') AND" NS_FILTER("n") " AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL;

static const char q_triggers[] =
	"SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true),"
	" obj_description(t.oid, 'pg_trigger')"
	" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND" NS_FILTER("n")
	" AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL "," C_ORDER("t.tgname");

static const char q_enums[] =
	"SELECT n.nspname, t.typname,"
	" (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),"
	" obj_description(t.oid, 'pg_type')"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" WHERE t.typtype = 'e' AND" NS_FILTER("n") " AND" NOT_EXT("pg_type", "t.oid") " ORDER BY" C_ORDER("n.nspname") "," C_ORDER("t.typname");

/* Domain CHECKs come as a JSON array of [name, definition] pairs, ordered by name. */
static const char q_domains[] =
	"SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
	" pg_get_expr(t.typdefaultbin, 0),"
	" CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN"
	"  " COLLATION_NAME("t.typcollation") " END,"
	" (SELECT json_agg(json_build_array(k.conname, pg_get_constraintdef(k.oid))"
	"   ORDER BY k.conname COLLATE \"C\") FROM pg_constraint k"
	"   WHERE k.contypid = t.oid AND k.contype = 'c'),"
	" obj_description(t.oid, 'pg_type')"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_type bt ON bt.oid = t.typbasetype"
	" WHERE t.typtype = 'd' AND" NS_FILTER("n") " AND" NOT_EXT("pg_type", "t.oid")
	" ORDER BY" C_ORDER("n.nspname") "," C_ORDER("t.typname");

/* Attributes come as a JSON array of [name, type, collation] triples, in order. */
static const char q_composites[] =
	"SELECT n.nspname, t.typname,"
	" (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),"
	"   CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN"
	"    " COLLATION_NAME("a.attcollation") " END) ORDER BY a.attnum)"
	"   FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid"
	"   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),"
	" obj_description(t.oid, 'pg_type')"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_class c ON c.oid = t.typrelid"
	" WHERE t.typtype = 'c' AND c.relkind = 'c' AND" NS_FILTER("n") " AND" NOT_EXT("pg_type", "t.oid")
	" ORDER BY" C_ORDER("n.nspname") "," C_ORDER("t.typname");

/* The multirange (PostgreSQL 14+) is read through to_jsonb so that 13 reads NULL. */
static const char q_ranges[] =
	"SELECT n.nspname, t.typname, format_type(r.rngsubtype, NULL),"
	" CASE WHEN NOT oc.opcdefault THEN" QUALIFIED("ocn.nspname", "oc.opcname") " END,"
	" CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN"
	"  " COLLATION_NAME("r.rngcollation") " END,"
	" CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END,"
	" CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END,"
	" mn.nspname, mt.typname, obj_description(t.oid, 'pg_type')"
	" FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid"
	" JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type st ON st.oid = r.rngsubtype"
	" JOIN pg_opclass oc ON oc.oid = r.rngsubopc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace"
	" LEFT JOIN pg_type mt ON mt.oid = (to_jsonb(r) ->> 'rngmultitypid')::oid"
	" LEFT JOIN pg_namespace mn ON mn.oid = mt.typnamespace"
	" WHERE" NS_FILTER("n") " AND" NOT_EXT("pg_type", "t.oid")
	" ORDER BY" C_ORDER("n.nspname") "," C_ORDER("t.typname");

/*
 * The locale moved between versions (collcollate for ICU before 15,
 * colliculocale in 15 and 16, colllocale from 17); to_jsonb reads whichever
 * the server has.
 */
static const char q_collations[] =
	"SELECT n.nspname, co.collname, co.collprovider,"
	" CASE WHEN co.collprovider <> 'c' THEN COALESCE(j ->> 'colllocale', j ->> 'colliculocale',"
	"  co.collcollate) END,"
	" CASE WHEN co.collprovider = 'c' THEN co.collcollate END,"
	" CASE WHEN co.collprovider = 'c' THEN co.collctype END,"
	" j ->> 'collicurules', co.collisdeterministic, obj_description(co.oid, 'pg_collation')"
	" FROM pg_collation co CROSS JOIN LATERAL to_jsonb(co) j"
	" JOIN pg_namespace n ON n.oid = co.collnamespace"
	" WHERE" NS_FILTER("n") " AND" NOT_EXT("pg_collation", "co.oid")
	" ORDER BY" C_ORDER("n.nspname") "," C_ORDER("co.collname");

static const char q_sequences[] =
	"SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
	" s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname, tc.relname, ta.attname,"
	" obj_description(c.oid, 'pg_class'), dep.deptype = 'i'"
	" FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid"
	"   AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')"
	" LEFT JOIN pg_class tc ON tc.oid = dep.refobjid"
	" LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
	" LEFT JOIN pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid"
	" WHERE" NS_FILTER("n") " AND" NOT_EXT("pg_class", "c.oid") " ORDER BY" ORDER_REL;

static const char q_extensions[] =
	"SELECT e.extname, n.nspname, e.extversion"
	" FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
	" WHERE e.extname <> 'plpgsql' ORDER BY" C_ORDER("e.extname");

static const char q_functions[] =
	"SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),"
	" CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,"
	" pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc')"
	" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	" WHERE p.prokind IN ('f', 'p') AND" NS_FILTER("n") " AND" NOT_EXT("pg_proc", "p.oid")
	/* the constructors a range type makes for itself come and go with it */
	" AND NOT (p.prolang = 12 AND p.prosrc ~ '^(multi)?range_constructor[0-9]$')"
	" ORDER BY" C_ORDER("n.nspname") "," C_ORDER("p.proname") ", 3";

struct ctx {
	struct cdb_schema *s;
	const struct cdb_introspect_opts *o;
	/* the table the previous row belonged to, so a run of rows looks it up once */
	const char *cur_schema, *cur_name;
	struct cdb_table *cur;
	bool cur_valid;
};

static char *dup(struct ctx *c, const char *v)
{
	return v ? cdb_arena_strdup(&c->s->arena, v) : NULL;
}

/* NULL for NULL and for the empty string ("NULL when absent"). */
static char *dup_nonempty(struct ctx *c, const char *v)
{
	return v && *v ? cdb_arena_strdup(&c->s->arena, v) : NULL;
}

static bool truth(const char *v)
{
	return v && (v[0] == 't' || v[0] == 'T');
}

/* A JSON array of strings into an arena array. */
static char **json_list(struct ctx *c, const char *v, size_t *n)
{
	json_t *arr;
	char **out;
	size_t i, k = 0;

	*n = 0;
	if (!v)
		return NULL;
	arr = json_loads(v, JSON_DECODE_ANY, NULL);
	if (!arr || !json_is_array(arr) || json_array_size(arr) == 0) {
		json_decref(arr);
		return NULL;
	}
	out = cdb_arena_alloc(&c->s->arena, json_array_size(arr) * sizeof *out);
	for (i = 0; i < json_array_size(arr); i++) {
		const char *str = json_string_value(json_array_get(arr, i));

		if (str)
			out[k++] = cdb_arena_strdup(&c->s->arena, str);
	}
	json_decref(arr);
	*n = k;
	return out;
}

static bool table_skipped(const struct cdb_introspect_opts *o, const char *schema, const char *name)
{
	if (!o)
		return false;
	if ((o->version_table && strcmp(name, o->version_table) == 0) ||
	    (o->history_table && strcmp(name, o->history_table) == 0))
		return true;
	if (o->exclude && *o->exclude) {
		char *q;
		bool hit;

		if (cdb_name_excluded(o->exclude, name))
			return true;
		q = xasprintf("%s.%s", schema, name);
		hit = cdb_name_excluded(o->exclude, q);
		free(q);
		return hit;
	}
	return false;
}

/* The (kept) table a row of a per-table query belongs to, NULL: skipped. */
static struct cdb_table *row_table(struct ctx *c, const char *schema, const char *name)
{
	if (!c->cur_valid || strcmp(c->cur_schema, schema) != 0 || strcmp(c->cur_name, name) != 0) {
		c->cur = cdb_schema_table(c->s, schema, name);
		c->cur_schema = c->cur ? c->cur->schema : dup(c, schema);
		c->cur_name = c->cur ? c->cur->name : dup(c, name);
		c->cur_valid = true;
	}
	return c->cur;
}

static int row_namespace(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_namespace *ns;

	(void)n;
	ns = CDB_ARENA_PUSH(&c->s->arena, c->s->namespaces, c->s->nnamespaces, c->s->namespaces_cap);
	ns->name = dup(c, v[0]);
	ns->comment = dup(c, v[1]);
	return 0;
}

static int row_table_def(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_table *t;

	(void)n;
	if (table_skipped(c->o, v[0], v[1]))
		return 0;
	t = CDB_ARENA_PUSH(&c->s->arena, c->s->tables, c->s->ntables, c->s->tables_cap);
	t->schema = dup(c, v[0]);
	t->name = dup(c, v[1]);
	t->comment = dup(c, v[2]);
	t->partition_key = dup_nonempty(c, v[3]);
	if (v[5]) {
		t->parent_schema = dup(c, v[4]);
		t->parent = dup(c, v[5]);
		t->bound = dup(c, v[6]);
	}
	t->rls = truth(v[7]);
	t->rls_forced = truth(v[8]);
	t->unlogged = truth(v[9]);
	t->options = json_list(c, v[10], &t->noptions);
	return 0;
}

static int row_policy(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_table *t = row_table(c, v[0], v[1]);
	struct cdb_policy *p;

	(void)n;
	if (!t)
		return 0;
	p = CDB_ARENA_PUSH(&c->s->arena, t->policies, t->npolicies, t->policies_cap);
	p->name = dup(c, v[2]);
	p->permissive = truth(v[3]);
	p->command = dup(c, v[4]);
	p->roles = json_list(c, v[5], &p->nroles);
	p->using_expr = dup_nonempty(c, v[6]);
	p->check_expr = dup_nonempty(c, v[7]);
	return 0;
}

static int row_column(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_table *t = row_table(c, v[0], v[1]);
	struct cdb_column *col;

	(void)n;
	if (!t)
		return 0;
	col = CDB_ARENA_PUSH(&c->s->arena, t->columns, t->ncolumns, t->columns_cap);
	col->name = dup(c, v[2]);
	col->type = dup(c, v[3]);
	col->notnull = truth(v[4]);
	col->default_expr = dup_nonempty(c, v[5]);
	col->collation = dup_nonempty(c, v[6]);
	col->generated = dup_nonempty(c, v[7]);
	col->generated_stored = v[8] && v[8][0] == 's';
	col->identity = v[9] && (v[9][0] == 'a' || v[9][0] == 'd') ? v[9][0] : 0;
	col->serial_seq = dup_nonempty(c, v[10]);
	col->comment = dup(c, v[11]);
	col->position = (int)t->ncolumns;
	return 0;
}

static char *fk_action(struct ctx *c, const char *v)
{
	switch (v ? v[0] : 'a') {
	case 'r': return dup(c, "RESTRICT");
	case 'c': return dup(c, "CASCADE");
	case 'n': return dup(c, "SET NULL");
	case 'd': return dup(c, "SET DEFAULT");
	default: return NULL;
	}
}

static int row_constraint(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_table *t = row_table(c, v[0], v[1]);
	struct cdb_constraint *k;

	(void)n;
	if (!t)
		return 0;
	k = CDB_ARENA_PUSH(&c->s->arena, t->constraints, t->nconstraints, t->constraints_cap);
	switch (v[3][0]) {
	case 'p': k->kind = CDB_CON_PRIMARY; break;
	case 'u': k->kind = CDB_CON_UNIQUE; break;
	case 'f': k->kind = CDB_CON_FOREIGN; break;
	case 'c': k->kind = CDB_CON_CHECK; break;
	default: k->kind = CDB_CON_EXCLUDE; break;
	}
	k->name = dup(c, v[2]);
	k->definition = dup(c, v[4]);
	if (k->kind != CDB_CON_CHECK)
		k->columns = json_list(c, v[5], &k->ncolumns);
	if (k->kind == CDB_CON_FOREIGN) {
		k->ref_schema = dup(c, v[6]);
		k->ref_table = dup(c, v[7]);
		k->ref_columns = json_list(c, v[8], &k->nref_columns);
		k->on_update = fk_action(c, v[9]);
		k->on_delete = fk_action(c, v[10]);
		if (v[11] && v[11][0] == 'f')
			k->match = dup(c, "FULL");
		else if (v[11] && v[11][0] == 'p')
			k->match = dup(c, "PARTIAL");
	}
	k->deferrable = truth(v[12]);
	k->initially_deferred = truth(v[13]);
	k->comment = dup(c, v[14]);
	if (k->kind == CDB_CON_CHECK && v[15]) {
		/* pg_get_expr may wrap the whole expression in parentheses; the model keeps it bare */
		const char *e = v[15];
		size_t len = strlen(e);

		if (len >= 2 && e[0] == '(' && e[len - 1] == ')') {
			int depth = 0;
			bool outer = true;

			for (size_t i = 0; i < len - 1; i++) {
				if (e[i] == '(')
					depth++;
				else if (e[i] == ')')
					depth--;
				if (depth == 0) {
					outer = false;
					break;
				}
			}
			if (outer)
				k->expr = cdb_arena_strndup(&c->s->arena, e + 1, len - 2);
		}
		if (!k->expr)
			k->expr = dup(c, e);
	}
	return 0;
}

static int row_index(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_index *ix;

	(void)n;
	if (!row_table(c, v[0], v[1])) {
		/* indexes of materialized views have no table entry */
		if (table_skipped(c->o, v[0], v[1]) || !cdb_schema_view(c->s, v[0], v[1]))
			return 0;
	}
	ix = CDB_ARENA_PUSH(&c->s->arena, c->s->indexes, c->s->nindexes, c->s->indexes_cap);
	ix->schema = dup(c, v[0]);
	ix->table = dup(c, v[1]);
	ix->name = dup(c, v[2]);
	ix->unique = truth(v[3]);
	ix->where = dup_nonempty(c, v[4]);
	ix->partial = ix->where != NULL;
	ix->method = dup(c, v[5]);
	ix->definition = dup(c, v[6]);
	ix->keys = json_list(c, v[7], &ix->nkeys);
	ix->include = json_list(c, v[8], &ix->ninclude);
	ix->comment = dup(c, v[9]);
	return 0;
}

static int row_view(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_view *vw;

	(void)n;
	vw = CDB_ARENA_PUSH(&c->s->arena, c->s->views, c->s->nviews, c->s->views_cap);
	vw->schema = dup(c, v[0]);
	vw->name = dup(c, v[1]);
	vw->materialized = truth(v[2]);
	vw->definition = dup(c, v[3]);
	vw->columns = json_list(c, v[4], &vw->ncolumns);
	vw->depends = json_list(c, v[5], &vw->ndepends);
	vw->comment = dup(c, v[6]);
	return 0;
}

static int row_trigger(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_trigger *tg;

	(void)n;
	if (!row_table(c, v[0], v[1]) &&
	    (table_skipped(c->o, v[0], v[1]) || !cdb_schema_view(c->s, v[0], v[1])))
		return 0;
	tg = CDB_ARENA_PUSH(&c->s->arena, c->s->triggers, c->s->ntriggers, c->s->triggers_cap);
	tg->schema = dup(c, v[0]);
	tg->table = dup(c, v[1]);
	tg->name = dup(c, v[2]);
	tg->definition = dup(c, v[3]);
	tg->comment = dup(c, v[4]);
	return 0;
}

static int row_enum(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_enum *e;

	(void)n;
	e = CDB_ARENA_PUSH(&c->s->arena, c->s->enums, c->s->nenums, c->s->enums_cap);
	e->schema = dup(c, v[0]);
	e->name = dup(c, v[1]);
	e->labels = json_list(c, v[2], &e->nlabels);
	e->comment = dup(c, v[3]);
	return 0;
}

static int row_domain(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_domain *d;
	json_t *arr;

	(void)n;
	d = CDB_ARENA_PUSH(&c->s->arena, c->s->domains, c->s->ndomains, c->s->domains_cap);
	d->schema = dup(c, v[0]);
	d->name = dup(c, v[1]);
	d->type = dup(c, v[2]);
	d->notnull = truth(v[3]);
	d->default_expr = dup_nonempty(c, v[4]);
	d->collation = dup_nonempty(c, v[5]);
	d->comment = dup(c, v[7]);
	arr = v[6] ? json_loads(v[6], JSON_DECODE_ANY, NULL) : NULL;
	if (arr && json_is_array(arr) && json_array_size(arr) > 0) {
		d->checks = cdb_arena_alloc(&c->s->arena, json_array_size(arr) * sizeof *d->checks);
		for (size_t i = 0; i < json_array_size(arr); i++) {
			json_t *pair = json_array_get(arr, i);
			const char *name = json_string_value(json_array_get(pair, 0));
			const char *def = json_string_value(json_array_get(pair, 1));

			if (!name || !def)
				continue;
			d->checks[d->nchecks].name = dup(c, name);
			d->checks[d->nchecks].definition = dup(c, def);
			d->nchecks++;
		}
	}
	json_decref(arr);
	return 0;
}

static int row_composite(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_composite *t;
	json_t *arr;

	(void)n;
	if (table_skipped(c->o, v[0], v[1]))
		return 0;
	t = CDB_ARENA_PUSH(&c->s->arena, c->s->composites, c->s->ncomposites, c->s->composites_cap);
	t->schema = dup(c, v[0]);
	t->name = dup(c, v[1]);
	arr = v[2] ? json_loads(v[2], JSON_DECODE_ANY, NULL) : NULL;
	if (arr && json_is_array(arr) && json_array_size(arr) > 0) {
		t->attrs = cdb_arena_alloc(&c->s->arena, json_array_size(arr) * sizeof *t->attrs);
		for (size_t i = 0; i < json_array_size(arr); i++) {
			json_t *row = json_array_get(arr, i);
			const char *name = json_string_value(json_array_get(row, 0));
			const char *type = json_string_value(json_array_get(row, 1));

			if (!name || !type)
				continue;
			t->attrs[t->nattrs].name = dup(c, name);
			t->attrs[t->nattrs].type = dup(c, type);
			t->attrs[t->nattrs].collation = dup_nonempty(c, json_string_value(json_array_get(row, 2)));
			t->nattrs++;
		}
	}
	json_decref(arr);
	t->comment = dup(c, v[3]);
	return 0;
}

static int row_range(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_range *r;

	(void)n;
	if (table_skipped(c->o, v[0], v[1]))
		return 0;
	r = CDB_ARENA_PUSH(&c->s->arena, c->s->ranges, c->s->nranges, c->s->ranges_cap);
	r->schema = dup(c, v[0]);
	r->name = dup(c, v[1]);
	r->subtype = dup(c, v[2]);
	r->opclass = dup_nonempty(c, v[3]);
	r->collation = dup_nonempty(c, v[4]);
	r->canonical = dup_nonempty(c, v[5]);
	r->subtype_diff = dup_nonempty(c, v[6]);
	r->multirange_schema = dup_nonempty(c, v[7]);
	r->multirange = dup_nonempty(c, v[8]);
	r->comment = dup(c, v[9]);
	return 0;
}

static int row_collation(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_collation *co;

	(void)n;
	if (table_skipped(c->o, v[0], v[1]))
		return 0;
	co = CDB_ARENA_PUSH(&c->s->arena, c->s->collations, c->s->ncollations, c->s->collations_cap);
	co->schema = dup(c, v[0]);
	co->name = dup(c, v[1]);
	co->provider = v[2] ? v[2][0] : 'd';
	co->locale = dup_nonempty(c, v[3]);
	co->lc_collate = dup_nonempty(c, v[4]);
	co->lc_ctype = dup_nonempty(c, v[5]);
	co->rules = dup_nonempty(c, v[6]);
	co->deterministic = truth(v[7]);
	co->comment = dup(c, v[8]);
	return 0;
}

static int row_sequence(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_sequence *q;

	(void)n;
	if (v[10] && table_skipped(c->o, v[9], v[10]))
		return 0;
	q = CDB_ARENA_PUSH(&c->s->arena, c->s->sequences, c->s->nsequences, c->s->sequences_cap);
	q->schema = dup(c, v[0]);
	q->name = dup(c, v[1]);
	q->type = dup(c, v[2]);
	q->start = strtoll(v[3], NULL, 10);
	q->increment = strtoll(v[4], NULL, 10);
	q->min = strtoll(v[5], NULL, 10);
	q->max = strtoll(v[6], NULL, 10);
	q->cache = strtoll(v[7], NULL, 10);
	q->cycle = truth(v[8]);
	if (v[10] && v[11]) {
		/* qualified only when the table lives in another schema than the sequence */
		if (strcmp(v[9], v[0]) == 0)
			q->owned_by = cdb_arena_sprintf(&c->s->arena, "%s.%s", v[10], v[11]);
		else
			q->owned_by = cdb_arena_sprintf(&c->s->arena, "%s.%s.%s", v[9], v[10], v[11]);
	}
	q->comment = dup(c, v[12]);
	q->identity = truth(v[13]);
	return 0;
}

static int row_extension(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_extension *e;

	(void)n;
	e = CDB_ARENA_PUSH(&c->s->arena, c->s->extensions, c->s->nextensions, c->s->extensions_cap);
	e->name = dup(c, v[0]);
	e->schema = dup(c, v[1]);
	e->version = dup(c, v[2]);
	return 0;
}

static int row_function(void *ctx, int n, const char *const *v)
{
	struct ctx *c = ctx;
	struct cdb_function *f;

	(void)n;
	f = CDB_ARENA_PUSH(&c->s->arena, c->s->functions, c->s->nfunctions, c->s->functions_cap);
	f->schema = dup(c, v[0]);
	f->name = dup(c, v[1]);
	f->args = dup(c, v[2]);
	f->kind = dup(c, v[3]);
	f->definition = dup(c, v[4]);
	f->comment = dup(c, v[5]);
	return 0;
}

/*
 * Drop the partitions whose parent was not kept (excluded, or in a schema
 * that is not read), level by level: a partition cannot exist without it.
 */
static void drop_orphan_partitions(struct cdb_schema *s)
{
	bool again = true;

	while (again) {
		bool *drop = xcalloc(s->ntables + 1, sizeof *drop);
		size_t k = 0;

		again = false;
		for (size_t i = 0; i < s->ntables; i++) {
			const struct cdb_table *t = &s->tables[i];

			drop[i] = t->parent && !cdb_schema_table(s, t->parent_schema, t->parent);
			again = again || drop[i];
		}
		for (size_t i = 0; i < s->ntables; i++)
			if (!drop[i])
				s->tables[k++] = s->tables[i];
		s->ntables = k;
		free(drop);
	}
}

static int introspect_all(struct cdb_schema *out, struct cdb_db *base, const struct cdb_introspect_opts *o)
{
	static const struct {
		const char *sql;
		cdb_row_cb cb;
	} steps[] = {
		{ q_namespaces, row_namespace },
		{ q_tables, row_table_def },
		/* tables sorted before these, so the lookups are binary searches */
		{ q_columns, row_column },
		{ q_constraints, row_constraint },
		{ q_policies, row_policy },
		{ q_views, row_view },
		{ q_indexes, row_index },
		{ q_triggers, row_trigger },
		{ q_enums, row_enum },
		{ q_domains, row_domain },
		{ q_composites, row_composite },
		{ q_ranges, row_range },
		{ q_collations, row_collation },
		{ q_sequences, row_sequence },
		{ q_extensions, row_extension },
		{ q_functions, row_function },
	};
	struct pg_db *db = pg_of(base);
	struct ctx c = { .s = out, .o = o };
	const char *params[1] = { o && o->schemas && *o->schemas ? o->schemas : NULL };
	int rc = 0;

	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		bool uses_ns = steps[i].sql != q_extensions;

		rc = pg_query(db, steps[i].sql, params, uses_ns ? 1 : 0, steps[i].cb, &c);
		if (rc) {
			cdb_error_prefix("cannot read the schema of PostgreSQL at %s", db->where);
			return rc;
		}
		if (steps[i].sql == q_tables) {
			cdb_schema_sort(out);
			drop_orphan_partitions(out);
		}
		c.cur_valid = false;
	}
	cdb_schema_sort(out);
	return 0;
}

struct saved_settings {
	struct cdb_buf path, jit;
};

static int row_settings(void *ctx, int n, const char *const *v)
{
	struct saved_settings *s = ctx;

	if (n > 1 && v[0] && v[1]) {
		cdb_buf_puts(&s->path, v[0]);
		cdb_buf_puts(&s->jit, v[1]);
	}
	return 0;
}

/*
 * The server qualifies names in the expressions and definitions it prints
 * (defaults, views, indexes, constraints) by the session's search_path. A
 * model file may change it (pg_dump output sets it to ''), and the target
 * database may carry its own; read both sides under one fixed path so that
 * the same object prints the same way, then put the session's path back.
 *
 * JIT is turned off for the same span: the catalog queries over a few
 * thousand relations cross jit_above_cost, and compiling them cost more
 * than running them (0.5 s of a 0.05 s index query at 1,000 tables).
 */
int pg_introspect(struct cdb_schema *out, struct cdb_db *base, const struct cdb_introspect_opts *o)
{
	static const char q_fix[] = "SELECT pg_catalog.set_config('search_path', 'public', false), "
	                            "pg_catalog.set_config('jit', 'off', false)";
	static const char q_set[] = "SELECT pg_catalog.set_config('search_path', $1, false), "
	                            "pg_catalog.set_config('jit', $2, false)";
	struct pg_db *db = pg_of(base);
	struct saved_settings saved = { CDB_BUF_INIT, CDB_BUF_INIT };
	const char *params[2];
	int rc, rc2;

	/*
	 * Outside a transaction, read in one of our own: every query sees the
	 * same snapshot, behind a transaction-pooling proxy they all reach the
	 * same server session, and SET LOCAL puts the settings back by itself.
	 */
	if (PQtransactionStatus(db->conn) == PQTRANS_IDLE) {
		rc = pg_query(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, 0, NULL, NULL);
		if (!rc)
			rc = pg_query(db, "SELECT pg_catalog.set_config('search_path', 'public', true), "
			                  "pg_catalog.set_config('jit', 'off', true)", NULL, 0, NULL, NULL);
		if (!rc)
			rc = introspect_all(out, base, o);
		else
			cdb_error_prefix("cannot read the schema of PostgreSQL at %s", db->where);
		rc2 = pg_query(db, rc ? "ROLLBACK" : "COMMIT", NULL, 0, NULL, NULL);
		return rc ? rc : rc2;
	}
	rc = pg_query(db, "SELECT pg_catalog.current_setting('search_path'), pg_catalog.current_setting('jit')",
	              NULL, 0, row_settings, &saved);
	if (!rc)
		rc = pg_query(db, q_fix, NULL, 0, NULL, NULL);
	if (rc) {
		cdb_buf_release(&saved.path);
		cdb_buf_release(&saved.jit);
		cdb_error_prefix("cannot read the schema of PostgreSQL at %s", db->where);
		return rc;
	}
	rc = introspect_all(out, base, o);
	params[0] = saved.path.ptr ? saved.path.ptr : "";
	params[1] = saved.jit.ptr ? saved.jit.ptr : "on";
	rc2 = pg_query(db, q_set, params, 2, NULL, NULL);
	cdb_buf_release(&saved.path);
	cdb_buf_release(&saved.jit);
	if (!rc && rc2)
		cdb_error_prefix("cannot restore the settings of the PostgreSQL session at %s", db->where);
	return rc ? rc : rc2;
}
